"""The network kind (jejaring): named by role, checked like every kind, a page each, a page per forum, an index by
situation, a chapter in each handbook."""

from __future__ import annotations

import html
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import pipeline
from generator.knowledge.status_view import HANDBOOK_STATUSES, with_statuses
from generator.model import KINDS_BY_NAME, Forum, Network, Situation

# These tests pin the English messages (test_validate.py and test_i18n.py pin both languages).
pytestmark = pytest.mark.usefixtures("english")

NETWORK = """
    id: takmir-masjid
    title: Takmir masjid
    summary: Pengurus masjid yang menyebarkan imbauan.
    role: {role}
    forum: {forum}
    community: {community}
    reach: Sekretariat forum lewat rapat bulanan
    situations: [tawuran-pelajar]
    can: [menginformasikan]
    """


def network(role: str = "pengurus-tempat-ibadah", forum: str = "fkpm-x", community: str = "geografis") -> str:
    return NETWORK.format(role=role, forum=forum, community=community)


def page_text(path: Path) -> str:
    """A page's words without tags (abbreviations wrap words in <abbr>)."""
    return html.unescape(re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8")))


def test_the_registry_declares_it_once() -> None:
    kind = KINDS_BY_NAME["network"]
    assert (kind.folder, kind.model, kind.section) == ("data/networks", Network, "jejaring")
    assert kind.pages is not None and not kind.is_item


def test_a_network_is_checked_with_file_line_and_column(write_and_check: Callable[[dict[str, str]], list[str]]) -> None:
    found = write_and_check({"data/networks/takmir-masjid.yaml": network(community="agama")})
    assert found == [
        "data/networks/takmir-masjid.yaml:6:12: community: 'agama' is not one of geografis, kepentingan",
    ]


def test_a_role_is_required_and_checked(write_and_check: Callable[[dict[str, str]], list[str]]) -> None:
    without = "\n".join(line for line in network().splitlines() if "role:" not in line)
    assert write_and_check({"data/networks/takmir-masjid.yaml": without}) == [
        "data/networks/takmir-masjid.yaml:1:1: role: required field 'role' is missing; add it",
    ]
    found = write_and_check({"data/networks/takmir-masjid.yaml": network(role="takmir-masjid")})
    assert len(found) == 1 and found[0].startswith(
        "data/networks/takmir-masjid.yaml:4:7: role: 'takmir-masjid' is not one of tokoh-agama, tokoh-adat, "), found


def test_role_lainnya_needs_its_own_words(write_and_check: Callable[[dict[str, str]], list[str]]) -> None:
    assert write_and_check({"data/networks/takmir-masjid.yaml": network(role="lainnya")}) == [
        "data/networks/takmir-masjid.yaml:4:7: role: role 'lainnya' needs 'role_label': the role in a few words, "
        "e.g. 'role_label: Pengelola bank sampah' (or pick one of the listed roles)",
    ]


def test_an_unknown_forum_is_named(write_and_check: Callable[[dict[str, str]], list[str]]) -> None:
    found = write_and_check({"data/networks/takmir-masjid.yaml": network()})
    assert any(line.startswith("data/networks/takmir-masjid.yaml:5:8: forum: unknown forum 'fkpm-x'")
               for line in found), found


def test_the_sample_has_ten_networks_across_the_three_forums(sample_build: pipeline.BuildResult) -> None:
    networks = sample_build.kb.of_kind(Network)
    assert len(networks) >= 10
    assert {n.data.forum for n in networks} == {f.id for f in sample_build.kb.of_kind(Forum)}
    assert len({n.data.role for n in networks}) >= 8, "the sample shows many kinds of role"


def test_network_pages_per_forum_and_by_situation(sample_build: pipeline.BuildResult) -> None:
    site: Path = sample_build.site_dir
    kb = sample_build.kb
    index = (site / "jejaring/index.html").read_text(encoding="utf-8")
    assert "Siapa yang bisa membantu saat" in index
    for forum in kb.of_kind(Forum):
        page = (site / f"jejaring/forum/{forum.id}.html").read_text(encoding="utf-8")
        assert f"<title>Jejaring {forum.title} - Pustaka Polmas</title>" in page
        assert f"forum/{forum.id}.html" in index
        assert f"jejaring/forum/{forum.id}.html" in (site / f"forum/{forum.id}.html").read_text(encoding="utf-8")
        for n in kb.of_kind(Network):
            assert (f"{n.id}.html" in page) == (n.data.forum == forum.id), (forum.id, n.id)
    for n in kb.of_kind(Network):
        page = page_text(site / f"jejaring/{n.id}.html")
        assert n.data.reach in page and n.data.role_text in page and n.data.title in page_text(
            site / "jejaring/index.html")
        for situation_id in n.data.situations:
            text = (site / f"situasi/{situation_id}.html").read_text(encoding="utf-8")
            assert "Siapa yang bisa membantu" in text and f"jejaring/{n.id}.html" in text
    helped = {s for n in kb.of_kind(Network) for s in n.data.situations}
    for situation in kb.of_kind(Situation):
        if situation.id not in helped:
            assert "Siapa yang bisa membantu" not in (site / f"situasi/{situation.id}.html").read_text(encoding="utf-8")


def test_each_handbook_has_a_jejaring_chapter_of_its_own_networks(sample_build: pipeline.BuildResult) -> None:
    kb = with_statuses(sample_build.kb, HANDBOOK_STATUSES)  # a network under review is not printed
    for forum in kb.of_kind(Forum):
        pdf = next((sample_build.site_dir / "handbooks" / forum.id).glob("*.pdf"))
        text = " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                       check=True).stdout.split()).replace("\u2010 ", "")  # hyphenated words
        chapter = text[text.rindex("Jejaring Tokoh dan kelompok masyarakat"):text.rindex("Direktori kontak")]
        for n in kb.of_kind(Network):
            assert (n.data.title in chapter) == (n.data.forum == forum.id), (forum.id, n.id)
        under_review = [n for n in sample_build.kb.of_kind(Network) if n.id not in kb.records]
        assert all(n.data.title not in chapter for n in under_review), forum.id
