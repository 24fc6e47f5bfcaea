"""The network kind (jejaring), added through the registry: checked like every kind, a page and an index each."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator import pipeline
from generator.model import KINDS_BY_NAME, Network

NETWORK = """
    id: takmir-masjid
    title: Takmir masjid
    summary: Pengurus masjid yang menyebarkan imbauan.
    forum: {forum}
    community: {community}
    reach: Sekretariat forum lewat rapat bulanan
    situations: [tawuran-pelajar]
    can: [menginformasikan]
    """


def test_the_registry_declares_it_once() -> None:
    kind = KINDS_BY_NAME["network"]
    assert (kind.folder, kind.model, kind.section) == ("data/networks", Network, "jejaring")
    assert kind.pages is not None and not kind.is_item


def test_a_network_is_checked_with_file_line_and_column(write_and_check: Callable[[dict[str, str]], list[str]]) -> None:
    found = write_and_check({"data/networks/takmir-masjid.yaml": NETWORK.format(forum="fkpm-x", community="agama")})
    assert found == [
        "data/networks/takmir-masjid.yaml:5:12: community: 'agama' is not one of geografis, kepentingan",
    ]


def test_an_unknown_forum_is_named(write_and_check: Callable[[dict[str, str]], list[str]]) -> None:
    found = write_and_check({"data/networks/takmir-masjid.yaml": NETWORK.format(forum="fkpm-x", community="geografis")})
    assert any(line.startswith("data/networks/takmir-masjid.yaml:4:8: forum: unknown forum 'fkpm-x'")
               for line in found), found


def test_the_sample_networks_have_pages_and_an_index(sample_build: pipeline.BuildResult) -> None:
    site: Path = sample_build.site_dir
    networks = sample_build.kb.of_kind(Network)
    assert len(networks) >= 3
    index = (site / "jejaring/index.html").read_text(encoding="utf-8")
    for network in networks:
        page = (site / f"jejaring/{network.id}.html").read_text(encoding="utf-8")
        assert network.data.reach in page and network.data.title in index
    situation = (site / "situasi/kebakaran-pasar.html").read_text(encoding="utf-8")
    assert "paguyuban-pedagang-kalimendung.html" in situation, "a situation page names the networks that help"
