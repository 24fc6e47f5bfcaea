"""What an officer needs first on a guideline: the first required steps, who does each, and the number to call."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.model.guideline import Guideline, Step

EMERGENCY_NUMBERS = {
    "110": "Polisi",
    "112": "Darurat",
    "113": "Pemadam kebakaran",
    "115": "SAR",
    "119": "Ambulans",
    "129": "SAPA (kekerasan terhadap perempuan dan anak)",
    "157": "Kontak OJK",
    "184": "BNN",
}
"""Public short numbers that content mentions; each becomes a call link wherever it is written."""
_SHORT = "|".join(sorted(EMERGENCY_NUMBERS))
PHONE_NUMBER = re.compile(
    r"(?<![\w/.,+-])(?<!Pasal )(?<!pasal )(?<!ayat )(?<!Nomor )(?<!nomor urut )(?<!No\. )"
    rf"(?:(?P<short>{_SHORT})|(?P<full>\+62[ .-]?\d{{2,4}}(?:[ .-]?\d{{3,4}}){{2}}"
    r"|\(0\d{2,3}\) ?\d{3,4}[ .-]?\d{3,4}|0\d{2,3}[ .-]\d{3,4}[ .-]?\d{3,4}))"
    r"(?![\w/]|[.,]\d)"
)
"""A public short number (110, 112, …) standing alone, or a full number: +62 …, (0298) 321654, 0298-321-654.
Not an article ('Pasal 112'), a decree ('Nomor 110'), a year or part of a longer number."""
DEFAULT_NUMBER = "110"
FIRST_STEPS = 3

ACTIVITY_LABELS = {
    "kunjungan": "Sambang / DDS (kunjungan dari pintu ke pintu)",
    "patroli": "Patroli dialogis",
    "pemecahan-masalah": "Pemecahan masalah dan FGD",
    "penjagaan": "Penjagaan",
    "pengaturan": "Pengaturan",
    "komunikasi": "Komunikasi dan penyuluhan",
    "kemitraan": "Membangun kemitraan",
    "reaksi-cepat": "Reaksi cepat atas laporan",
    "laporan-analisa": "Laporan dan analisis",
    "fasilitasi": "Fasilitasi",
    "jejaring": "Membangun jejaring",
}
"""The officer activities of a guideline (its `activities`), in the words of Polmas practice."""


@dataclass(frozen=True)
class Actor:
    """Someone a step is for; `slug` ties the filter's choice to the steps."""

    slug: str
    label: str
    keywords: tuple[str, ...] = ()


STANDARD_ACTORS = (
    Actor("warga", "Warga", ("warga", "siapa pun", "tetangga")),
    Actor("ketua-rt-rw", "Ketua RT/RW", ("ketua rt", "ketua rw", "pengurus rt", "pengurus rw")),
    Actor("bhabinkamtibmas", "Bhabinkamtibmas", ("bhabinkamtibmas",)),
    Actor("piket-spkt", "Piket SPKT", ("spkt", "piket")),
)
"""Offered on every guideline, whether or not it has steps for them."""

_JOINERS = re.compile(r",|\s+(?:dan|bersama|atau|serta)\s+")


@dataclass(frozen=True)
class StepView:
    step: Step
    number: int
    actors: tuple[Actor, ...]

    @property
    def actor_slugs(self) -> str:
        return " ".join(actor.slug for actor in self.actors)


@dataclass(frozen=True)
class CallButton:
    number: str
    label: str


@dataclass(frozen=True)
class FirstSteps:
    """The guideline page's opening card, its actor filter, and its checklist."""

    card: list[StepView]
    call: CallButton
    actors: list[Actor]
    steps: list[StepView]


def first_steps(guideline: Guideline) -> FirstSteps:
    steps = [StepView(step, number, step_actors(step.actor)) for number, step in enumerate(guideline.steps, 1)]
    required = [view for view in steps if view.step.level == "wajib"]
    named = {actor.slug: actor for view in steps for actor in view.actors}
    actors = [*STANDARD_ACTORS, *(a for slug, a in named.items() if slug not in {s.slug for s in STANDARD_ACTORS})]
    return FirstSteps((required or steps)[:FIRST_STEPS], emergency_call(guideline), actors, steps)


def step_actors(text: str) -> tuple[Actor, ...]:
    """'Ketua RW bersama Bhabinkamtibmas' → Ketua RT/RW, Bhabinkamtibmas; a role we do not know stands as named."""
    found: dict[str, Actor] = {}
    for part in (p.strip() for p in _JOINERS.split(text)):
        if not part:
            continue
        standard = [a for a in STANDARD_ACTORS if any(k in part.lower() for k in a.keywords)]
        for actor in standard or [Actor(_slug(part), part[0].upper() + part[1:])]:
            found.setdefault(actor.slug, actor)
    return tuple(found.values())


def emergency_call(guideline: Guideline) -> CallButton:
    """The first emergency number the guideline's contacts name (else its steps), falling back to 110."""
    texts = [f"{c.role} {c.channel or ''}" for c in guideline.contacts] + [s.text for s in guideline.steps]
    for text in texts:
        for match in PHONE_NUMBER.finditer(text):
            if match.group("short"):
                return CallButton(match.group("short"), EMERGENCY_NUMBERS[match.group("short")])
    return CallButton(DEFAULT_NUMBER, EMERGENCY_NUMBERS[DEFAULT_NUMBER])


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "peran"
