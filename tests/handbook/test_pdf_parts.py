"""Tagged PDFs rendered part by part, joined: the pages, structure, outline, destinations and links of a whole."""

from __future__ import annotations

import io

import pikepdf
import pytest
from weasyprint import HTML

from generator.outputs.pdf_parts import ANCHOR_SCHEME, Part, join_parts

STYLE = ("h1 { bookmark-level: 1 } h2 { bookmark-level: 2 } h3 { bookmark-level: 3 } section { break-before: page }"
         " @page { size: A6 }")


def _part(body: str, start: int) -> Part:
    html = (f"<html lang='id'><head><title>Buku</title><style>{STYLE} @page :first {{ counter-reset: page {start} }}"
            f"</style></head><body>{body}</body></html>")
    document = HTML(string=html).render(pdf_variant="pdf/ua-1")
    levels = tuple(level for page in document.pages for level, _, _, _ in page.bookmarks)
    data = document.write_pdf(pdf_variant="pdf/ua-1", pdf_identifier=b"0" * 32)
    assert isinstance(data, bytes)
    return Part(data, levels)


@pytest.fixture(scope="module")
def parts() -> list[Part]:
    return [
        _part("<section><h1 id='situasi'>Situasi</h1><p>Lihat <a href='#tawuran'>tawuran</a> dan "
              f"<a href='{ANCHOR_SCHEME}ronda'>ronda</a>.</p></section>"
              "<section><h2 id='tawuran'>Tawuran</h2><p>Isi.</p></section>", 1),
        _part("<section><h1 id='pedoman'>Pedoman</h1><h2 id='cegah'>Pencegahan</h2>"
              "<h3 id='ronda'>Ronda</h3><p>Langkah <strong>pertama</strong>.</p></section>", 3),
        # Starts inside a chapter: its first bookmarks are below the top level.
        _part("<section><h3 id='patroli'>Patroli</h3><p>Kembali ke "
              f"<a href='{ANCHOR_SCHEME}situasi'>situasi</a>.</p></section>"
              "<section><h2 id='tangani'>Penanganan</h2><h3 id='lapor'>Lapor</h3></section>", 4),
    ]


@pytest.fixture(scope="module")
def joined(parts: list[Part]) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(join_parts(parts)))


def test_the_pages_follow_in_order_and_the_same_parts_give_the_same_bytes(
        parts: list[Part], joined: pikepdf.Pdf) -> None:
    assert len(joined.pages) == 5
    assert join_parts(parts) == join_parts(parts)


def test_every_marked_element_is_on_its_own_page_and_each_key_is_used_once(joined: pikepdf.Pdf) -> None:
    tree = joined.Root.StructTreeRoot
    numbers = list(tree.ParentTree.Nums)
    values = {int(numbers[i]): numbers[i + 1] for i in range(0, len(numbers), 2)}
    assert len(values) == len(numbers) // 2 == int(tree.ParentTreeNextKey)
    used = []
    for page in joined.pages:
        used.append(int(page.obj.StructParents))
        elements = [e for e in values[used[-1]] if isinstance(e, pikepdf.Dictionary)]
        assert elements and all(e.Pg.objgen == page.obj.objgen for e in elements)
        for annotation in page.obj.get("/Annots", []):
            used.append(int(annotation.StructParent))
            assert values[used[-1]].Pg.objgen == page.obj.objgen
    assert sorted(used) == sorted(values)


def test_one_document_holds_every_heading_in_reading_order(joined: pikepdf.Pdf) -> None:
    document = joined.Root.StructTreeRoot.K[0]
    assert document.S == "/Document"
    headings: list[str] = []

    def walk(element: pikepdf.Object) -> None:
        assert element.P.objgen != (0, 0)
        if str(element.S) in ("/H1", "/H2", "/H3"):
            headings.append(str(element.S))
        for kid in element.get("/K", []):
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
                assert kid.P.objgen == element.objgen
                walk(kid)

    for kid in document.K:
        assert kid.P.objgen == document.objgen
        walk(kid)
    assert headings == ["/H1", "/H2", "/H1", "/H2", "/H3", "/H3", "/H2", "/H3"]


def test_the_outline_nests_every_bookmark_at_its_level(joined: pikepdf.Pdf) -> None:
    def tree(items: list[pikepdf.OutlineItem]) -> list[object]:
        return [(item.title, joined.pages.index(pikepdf.Page(item.destination[0])),  # type: ignore[index]
                 tree(item.children)) for item in items]

    with joined.open_outline() as outline:
        assert tree(outline.root) == [
            ("Situasi", 0, [("Tawuran", 1, [])]),
            ("Pedoman", 2, [("Pencegahan", 2, [("Ronda", 2, []), ("Patroli", 3, [])]),
                            ("Penanganan", 4, [("Lapor", 4, [])])]),
        ]


def test_links_within_and_between_parts_lead_to_the_anchors_page(joined: pikepdf.Pdf) -> None:
    destinations = dict(pikepdf.NameTree(joined.Root.Names.Dests).items())
    assert sorted(destinations) == ["cegah", "lapor", "patroli", "pedoman", "ronda", "situasi", "tangani", "tawuran"]
    page_of = {name: joined.pages.index(pikepdf.Page(target[0])) for name, target in destinations.items()}
    links = [(number, str(a.Dest)) for number, page in enumerate(joined.pages)
             for a in page.obj.get("/Annots", []) if a.Subtype == "/Link"]
    assert links == [(0, "tawuran"), (0, "ronda"), (3, "situasi")]
    assert [page_of[name] for _, name in links] == [1, 2, 0]
    assert not any("/A" in a for page in joined.pages for a in page.obj.get("/Annots", []))


def test_a_link_to_an_anchor_no_part_holds_is_refused(parts: list[Part]) -> None:
    with pytest.raises(ValueError, match="ronda"):
        join_parts([parts[0]])
