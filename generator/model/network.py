"""Networks (jejaring): community figures and groups the forum reaches, named by role, never by name."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from generator.model.common import Item, Ref, Slug, Text

Capability = Literal["menginformasikan", "memediasi", "menjadi-tuan-rumah", "menggerakkan-warga"]


class Network(Item):
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

    def search_labels(self) -> list[str]:
        return ["Jejaring", str(self.community)]
