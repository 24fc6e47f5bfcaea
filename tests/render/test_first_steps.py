"""A guideline's first screen: its first required steps, who each step is for, the number to call; call links."""

from __future__ import annotations

import re

import markdown
import pytest

from generator.model.guideline import Guideline
from generator.render.first_steps import emergency_call, first_steps, step_actors
from generator.render.tel_links import TelLinkExtension


def guideline(steps: list[dict[str, str]], contacts: list[dict[str, str]] | None = None) -> Guideline:
    return Guideline.model_validate({
        "id": "contoh", "title": "Contoh", "summary": "Ringkas.", "phase": "penanganan", "situations": ["x"],
        "standard": "Standar.", "steps": steps, "contacts": contacts or [],
    })


@pytest.mark.parametrize(("actor", "slugs"), [
    ("Bhabinkamtibmas", ["bhabinkamtibmas"]),
    ("Ketua RW bersama Bhabinkamtibmas", ["ketua-rt-rw", "bhabinkamtibmas"]),
    ("petugas piket SPKT Polsek", ["piket-spkt"]),
    ("warga atau pedagang yang melihat", ["warga", "pedagang-yang-melihat"]),
    ("petugas patroli Polsek dan Bhabinkamtibmas", ["petugas-patroli-polsek", "bhabinkamtibmas"]),
    ("Guru BK", ["guru-bk"]),
])
def test_each_step_knows_whom_it_is_for(actor: str, slugs: list[str]) -> None:
    assert [a.slug for a in step_actors(actor)] == slugs


def test_the_card_holds_the_first_three_required_steps() -> None:
    levels = ["sebaiknya", "wajib", "wajib", "sebaiknya", "wajib", "wajib"]
    steps = [{"text": f"Langkah {i}.", "actor": "Ketua RT", "level": level} for i, level in enumerate(levels, 1)]
    assert [view.number for view in first_steps(guideline(steps)).card] == [2, 3, 5]


def test_without_required_steps_the_card_holds_the_first_steps() -> None:
    steps = [{"text": f"Langkah {i}.", "actor": "warga"} for i in range(1, 5)]
    assert [view.number for view in first_steps(guideline(steps)).card] == [1, 2, 3]


def test_the_filter_offers_the_four_usual_actors_then_those_the_guideline_names() -> None:
    steps = [{"text": "A.", "actor": "Ketua RT dan guru BK"}, {"text": "B.", "actor": "pengelola pasar"}]
    labels = [a.label for a in first_steps(guideline(steps)).actors]
    assert labels == ["Warga", "Ketua RT/RW", "Bhabinkamtibmas", "Piket SPKT", "Guru BK", "Pengelola pasar"]


@pytest.mark.parametrize(("contacts", "steps", "number"), [
    ([{"role": "Ambulans", "channel": "Nomor darurat 119"}, {"role": "Polisi", "channel": "Call Center 110"}],
     [], "119"),
    ([{"role": "Pemadam kebakaran", "channel": "113"}], [], "113"),
    ([], [{"text": "Hubungi SAPA 129 untuk pendampingan.", "actor": "warga"}], "129"),
    ([{"role": "Polsek", "channel": "Kantor Polsek"}], [{"text": "Catat Pasal 112.", "actor": "warga"}], "110"),
])
def test_the_call_button_dials_the_number_the_guideline_names(
    contacts: list[dict[str, str]], steps: list[dict[str, str]], number: str,
) -> None:
    made = guideline(steps or [{"text": "A.", "actor": "warga"}], contacts)
    assert emergency_call(made).number == number


def md(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", TelLinkExtension()])


@pytest.mark.parametrize(("text", "links"), [
    ("Hubungi 110, 112, 113 atau 119.", ["tel:110", "tel:112", "tel:113", "tel:119"]),
    ("Lapor ke **129** atau Kontak OJK 157.", ["tel:129", "tel:157"]),
    ("Kantor (0298) 321654 atau 0298-321-654.", ["tel:0298321654", "tel:0298321654"]),
    ("Sekretariat +62 298 321 654.", ["tel:+62298321654"]),
    ("| Peran | Saluran |\n|---|---|\n| Polisi | Call Center 110 |", ["tel:110"]),
    ("Pasal 112, Nomor 110, tahun 2110, 1.110, 110/2020, 1100 orang.", []),
    ("`110` dan [kantor](https://contoh.id/110) tetap.", []),
])
def test_every_phone_number_in_text_is_a_call_link(text: str, links: list[str]) -> None:
    html = md(text)
    assert re.findall(r'href="(tel:[^"]+)"', html) == links


def test_a_stashed_html_placeholder_numbered_110_is_not_a_phone_number() -> None:
    """Raw HTML inside a `markdown` div is stashed under numbered placeholders; the 111th reads 'wzxhzdk:110'."""
    spans = " ".join('<span class="s">x</span>' for _ in range(115))
    html = markdown.markdown(f'<div markdown>\n\n{spans} Hubungi 110.\n\n</div>',
                             extensions=["md_in_html", TelLinkExtension()])
    assert "wzxhzdk" not in html
    assert re.findall(r'href="(tel:[^"]+)"', html) == ["tel:110"]
    assert html.count('<span class="s">x</span>') == 115
