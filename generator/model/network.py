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
    role: NetworkRole = Field(title="Peran", description="Jenis tokoh atau kelompok, menurut peran, bukan nama")
    role_label: Text | None = Field(
        None,
        title="Nama peran",
        description="Untuk peran 'lainnya': perannya dalam beberapa kata, mis. 'Pengelola bank sampah'",
    )
    forum: Annotated[Slug, Ref("forum")] = Field(title="Forum", description="Forum yang menjangkaunya")
    areas: Annotated[list[Slug], Ref("area")] = Field(
        [],
        title="Wilayah",
        description="Wilayah tempat jejaring ini berada",
    )
    community: Literal["geografis", "kepentingan"] = Field(
        title="Komunitas",
        description="geografis: komunitas tempat (RT, RW, kampung); kepentingan: komunitas minat (pedagang, ojek)",
    )
    reach: Text = Field(title="Cara menghubungi", description="Saluran umum atau jabatan, bukan nomor pribadi")
    situations: Annotated[list[Slug], Ref("situation")] = Field(
        [],
        title="Situasi",
        description="Situasi yang dapat dibantunya",
    )
    can: list[Capability] = Field(
        min_length=1,
        title="Dapat membantu dengan",
        description="Menginformasikan, memediasi, menjadi tuan rumah, menggerakkan warga",
    )

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
