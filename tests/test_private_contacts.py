"""Names and numbers live only in data/private/contacts.yaml: public builds leave them out, --internal adds them."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import EXIT_INPUT, EXIT_OK, main

# These tests pin the English messages (test_validate.py and test_i18n.py pin both languages).
pytestmark = pytest.mark.usefixtures("english")


FORUM = """
id: fkpm-ngrandusari
name: FKPM Ngrandusari
model: wilayah
areas: [ngrandusari]
polsek: Polsek Tirtasekar
polres: Polres Wanalaras
members: [{role: Ketua, element: masyarakat}]
vision: Aman bersama.
mission: [Menjaga]
contacts: [{role: Bhabinkamtibmas Kelurahan Ngrandusari, channel: Sekretariat FKPM}]
"""
AREA = "id: ngrandusari\ncode: '99.71.04.1001'\nlevel: kelurahan\nname: Kelurahan Ngrandusari\n"
PRIVATE = """
contacts:
  - forum: fkpm-ngrandusari
    role: Ketua
    name: Sri Wahyuningsih
    phone: "+62 812-3456-7890"
  - forum: fkpm-ngrandusari
    role: Bhabinkamtibmas Kelurahan Ngrandusari
    name: Bambang Riyadi
    phone: "0298 321 654"
    note: piket Selasa
"""

NETWORK_CONTACT = """
  - network: pengurus-masjid-ngrandusari
    role: Ketua takmir
    name: Ahmad Fauzan Hidayat
    phone: "0813-9876-5432"
"""


def test_private_file_problems_point_at_file_and_line(write_and_check: Callable[[dict[str, str]], list[str]]) -> None:
    assert write_and_check({
        "data/areas/ngrandusari.yaml": AREA,
        "data/forums/fkpm-ngrandusari.yaml": FORUM,
        "data/private/contacts.yaml": """
            contacts:
              - forum: fkpm-ngrandusar
                role: Ketua
                name: A
              - forum: fkpm-ngrandusari
                role: Ketua RT
                name: B
            """,
    }) == [
        "data/private/contacts.yaml:2:12: contacts[0].forum: unknown forum 'fkpm-ngrandusar' "
        "(did you mean 'fkpm-ngrandusari'?); no such id in data/forums/",
        "data/private/contacts.yaml:6:11: contacts[1].role: 'Ketua RT' is not a role of "
        "data/forums/fkpm-ngrandusari.yaml (did you mean 'Ketua'?); use one of its members' or contacts' roles: "
        "Bhabinkamtibmas Kelurahan Ngrandusari, Ketua",
    ]
    assert write_and_check({"data/private/contacts.yaml": PRIVATE.replace('"0298 321 654"', "nomor-kantor")}) == [
        "data/private/contacts.yaml:9:12: contacts[1].phone: 'nomor-kantor' is not a phone number: write digits "
        "with optional spaces or hyphens, e.g. '0812-3456-7890' or '+62 298 123456'",
    ]


def problems_beside_the_private_file(write_and_check: Callable[[dict[str, str]], list[str]], place: str) -> list[str]:
    """What `check` says of `place` (data/places/pos.yaml) beside the forum, its area and the private file."""
    return write_and_check({"data/areas/ngrandusari.yaml": AREA, "data/forums/fkpm-ngrandusari.yaml": FORUM,
                            "data/private/contacts.yaml": PRIVATE, "data/places/pos.yaml": place})


def test_public_files_may_not_name_a_private_person_or_give_a_number(
    write_and_check: Callable[[dict[str, str]], list[str]],
) -> None:
    assert problems_beside_the_private_file(write_and_check, """
            id: pos
            type: pospol
            name: Pos Pak sri wahyuningsih
            area: ngrandusari
            location: {lat: -5.35, lon: 111.62}
            description: Hubungi 0811-2233-4455 atau 0298-321-654.
            """) == [
        "data/places/pos.yaml:3:7: name: names 'Sri Wahyuningsih', a person listed in data/private/contacts.yaml; "
        "public files name roles only (e.g. 'Ketua RW 03'), never persons",
        "data/places/pos.yaml:6:14: description: '0298-321-654' is a phone number from "
        "data/private/contacts.yaml; public files give roles and public channels only",
        "data/places/pos.yaml:6:14: description: '0811-2233-4455' looks like a personal phone number; public files "
        "give roles and public channels only (keep numbers in data/private/contacts.yaml)",
    ]


def test_a_number_at_the_end_of_one_value_is_found_whatever_the_next_value_starts_with(
    write_and_check: Callable[[dict[str, str]], list[str]],
) -> None:
    # The check searches all of a record's values at once before it looks at each: digits that start the next
    # value must not run on into the number that ends this one.
    place = ("{id: pos, type: pospol, area: ngrandusari, location: {lat: -5.35, lon: 111.62}, "
             "name: Pos 0298 321 654, description: 12 rumah di sekitar pos ikut berjaga.}\n")
    assert problems_beside_the_private_file(write_and_check, place) == [
        "data/places/pos.yaml:1:87: name: '0298 321 654' is a phone number from data/private/contacts.yaml; public "
        "files give roles and public channels only",
    ]


def test_a_network_contact_names_an_existing_network_and_no_forum(
    write_and_check: Callable[[dict[str, str]], list[str]],
) -> None:
    files = {"data/areas/ngrandusari.yaml": AREA, "data/forums/fkpm-ngrandusari.yaml": FORUM}
    assert write_and_check({**files, "data/private/contacts.yaml": """
        contacts:
          - network: takmir-masjid
            role: Ketua takmir
            name: A
        """}) == [
        "data/private/contacts.yaml:2:14: contacts[0].network: unknown network 'takmir-masjid'; "
        "no such id in data/networks/",
    ]
    assert write_and_check({**files, "data/private/contacts.yaml": """
        contacts:
          - forum: fkpm-ngrandusari
            network: takmir-masjid
            role: Ketua
            name: B
        """}) == [
        "data/private/contacts.yaml:4:11: contacts[0].role: give either 'forum' (a person behind a forum's role) "
        "or 'network' (a network's contact), exactly one of them",
    ]


@pytest.fixture
def project_with_private(sample_copy: Path) -> Path:
    private = sample_copy / "data/private/contacts.yaml"
    private.parent.mkdir(parents=True, exist_ok=True)
    private.write_text(PRIVATE + NETWORK_CONTACT, encoding="utf-8")
    return sample_copy


@pytest.mark.slow
def test_public_build_leaves_the_private_file_out_and_internal_adds_it(
    project_with_private: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    project = project_with_private
    assert main(["--project", str(project), "build"]) == EXIT_OK
    for folder in ("site", ".polmas/docs"):
        for path in (project / folder).rglob("*"):
            if path.is_file() and path.suffix in (".html", ".md", ".js", ".json", ".svg"):
                text = path.read_text(encoding="utf-8")
                assert "Wahyuningsih" not in text and "3456-7890" not in text and "321 654" not in text, path
                assert "Hidayat" not in text and "9876-5432" not in text, path

    assert main(["--project", str(project), "build", "--internal"]) == EXIT_OK
    assert "never publish it" in capsys.readouterr().out
    page = (project / "site-internal/forum/fkpm-ngrandusari.html").read_text(encoding="utf-8")
    assert "<strong>Sri Wahyuningsih</strong>" in page and "piket Selasa" in page
    assert '<a href="tel:+6281234567890">+62 812-3456-7890</a>' in page
    assert "Edisi internal: jangan disebarkan" in page
    assert "Pustaka Polmas · edisi internal" in page
    for network_page in ("jejaring/pengurus-masjid-ngrandusari.html", "jejaring/forum/fkpm-ngrandusari.html"):
        page = (project / "site-internal" / network_page).read_text(encoding="utf-8")
        assert "<strong>Ahmad Fauzan Hidayat</strong>" in page and "Ketua takmir" in page, network_page
        assert '<a href="tel:081398765432">0813-9876-5432</a>' in page, network_page
    other_forum = project / "site-internal/jejaring/forum/fkpm-sendangrawit.html"
    assert "Hidayat" not in other_forum.read_text(encoding="utf-8")
    public = (project / "site/forum/fkpm-ngrandusari.html").read_text(encoding="utf-8")
    assert "Wahyuningsih" not in public, "the internal build never touches the public site"
    shutil.rmtree(project / "site-internal")


def test_internal_build_without_the_private_file_says_what_to_do(
    sample_copy: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    shutil.rmtree(sample_copy / "data/private", ignore_errors=True)
    assert main(["--project", str(sample_copy), "build", "--internal"]) == EXIT_INPUT
    assert capsys.readouterr().out.splitlines() == [
        "data/private/contacts.yaml:1:1: the internal edition needs this file (forum, role, name and phone per "
        "entry); create it, or build the public edition without --internal",
    ]
    assert not (sample_copy / "site-internal").exists()
