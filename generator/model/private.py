"""Private contact details (names, phone numbers per role): read only for an internal edition."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from generator.i18n import _
from generator.model.common import Ref, Slug, Strict, Text

PHONE_PATTERN = re.compile(r"^\+?[0-9][0-9 .-]{5,18}[0-9]$")


def _check_phone(value: str) -> str:
    if not PHONE_PATTERN.match(value):
        raise PydanticCustomError(
            "phone",
            _("'{value}' is not a phone number: write digits with optional spaces or hyphens, "
              "e.g. '0812-3456-7890' or '+62 298 123456'"),
            {"value": value},
        )
    return value


Phone = Annotated[str, AfterValidator(_check_phone)]


class PrivateContact(Strict):
    """One person behind a role of one forum, or the named contact of one network (jejaring)."""

    forum: Annotated[Slug | None, Ref("forum")] = Field(None, description="id of a file in data/forums/")
    network: Annotated[Slug | None, Ref("network")] = Field(
        None, description="id of a file in data/networks/: this person is that network's contact",
    )
    role: Text = Field(description="exactly as the forum's members or contacts name it; for a network, the "
                                   "person's role in it (e.g. 'Ketua takmir')")
    name: Text
    phone: Phone | None = None
    note: Text | None = None

    @property
    def tel(self) -> str:
        """The number for a tel: link: digits and a leading +."""
        return ("+" if self.phone and self.phone.startswith("+") else "") + re.sub(r"\D", "", self.phone or "")


    @model_validator(mode="after")
    def _forum_or_network(self) -> PrivateContact:
        if (self.forum is None) == (self.network is None):
            raise PydanticCustomError(
                "forum_or_network",
                _("give either 'forum' (a person behind a forum's role) or 'network' (a network's contact), "
                  "exactly one of them"),
                {"field": "role"},
            )
        return self


class PrivateContacts(Strict):
    """data/private/contacts.yaml: never committed, never in a public build."""

    contacts: list[PrivateContact] = Field(min_length=1)

    def for_forum(self, forum_id: str) -> list[PrivateContact]:
        return [c for c in self.contacts if c.forum == forum_id]

    def for_network(self, network_id: str) -> list[PrivateContact]:
        return [c for c in self.contacts if c.network == network_id]
