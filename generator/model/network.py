"""Networks (jejaring): community figures and groups the forum reaches, named by role, never by name."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from generator.i18n import _
from generator.model.common import Item, Ref, Slug, Text
from generator.model.labels import CAPABILITY_LABELS, NETWORK_ROLE_LABELS

Capability = Literal["menginformasikan", "memediasi", "menjadi-tuan-rumah", "menggerakkan-warga"]
NetworkRole = Literal[
    "tokoh-agama", "tokoh-adat", "tokoh-masyarakat", "ketua-rt-rw", "karang-taruna", "pkk", "ketua-paguyuban",
    "ojek-pangkalan", "pengurus-tempat-ibadah", "satpam-kawasan", "pedagang", "komunitas-hobi", "sekolah",
    "linmas", "lainnya",
]
"""The kinds of figure or group, by role (NETWORK_ROLE_LABELS); 'lainnya' needs a `role_label`."""


class Network(Item):
    role: NetworkRole = Field(description="the kind of figure or group, by role, never by name")
    role_label: Text | None = Field(
        None, description="with role 'lainnya': the role in a few words, e.g. 'Pengelola bank sampah'",
    )
    forum: Annotated[Slug, Ref("forum")] = Field(description="the forum that reaches it")
    areas: Annotated[list[Slug], Ref("area")] = []
    community: Literal["geografis", "kepentingan"] = Field(
        description="geografis: a community of place (RT, RW, kampung); kepentingan: of interest (pedagang, ojek)",
    )
    reach: Text = Field(description="how to reach it: a public channel or a role, never a personal number")
    situations: Annotated[list[Slug], Ref("situation")] = Field(
        [], description="the situations it helps with",
    )
    can: list[Capability] = Field(min_length=1, description="what it can do: inform, mediate, host, mobilise")

    @property
    def role_text(self) -> str:
        """The role as a page says it: the label of `role`, or the coordinator's own words for 'lainnya'."""
        return self.role_label or NETWORK_ROLE_LABELS[self.role]

    @property
    def can_text(self) -> list[str]:
        return [CAPABILITY_LABELS[c] for c in self.can]

    def search_labels(self) -> list[str]:
        return ["Jejaring", self.role_text]

    @model_validator(mode="after")
    def _other_role_is_named(self) -> Network:
        if self.role == "lainnya" and self.role_label is None:
            raise PydanticCustomError(
                "other_role_unnamed",
                _("role 'lainnya' needs 'role_label': the role in a few words, e.g. 'role_label: Pengelola bank "
                  "sampah' (or pick one of the listed roles)"),
                {"field": "role"},
            )
        return self
