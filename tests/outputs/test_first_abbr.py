"""The first_abbr Markdown extension: an abbreviation's meaning on its first use in a page only."""

from __future__ import annotations

import markdown


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["abbr", "generator.outputs.first_abbr"])


def test_only_the_first_use_carries_the_meaning() -> None:
    html = render(
        "# Tanggap KDRT\n\n"
        "Korban KDRT didampingi; [laporan KDRT](x.md) dicatat. FKPM dan KDRT.\n\n"
        "- FKPM rapat\n\n"
        "*[KDRT]: kekerasan dalam rumah tangga\n*[FKPM]: Forum Kemitraan Polisi dan Masyarakat\n"
    )
    assert html == (
        '<h1>Tanggap <abbr title="kekerasan dalam rumah tangga">KDRT</abbr></h1>\n'
        '<p>Korban KDRT didampingi; <a href="x.md">laporan KDRT</a> dicatat. '
        '<abbr title="Forum Kemitraan Polisi dan Masyarakat">FKPM</abbr> dan KDRT.</p>\n'
        "<ul>\n<li>FKPM rapat</li>\n</ul>"
    )


def test_first_use_in_a_link_counts_before_later_text() -> None:
    html = render("[KDRT](x.md) lalu KDRT.\n\n*[KDRT]: kekerasan dalam rumah tangga\n")
    assert html == '<p><a href="x.md"><abbr title="kekerasan dalam rumah tangga">KDRT</abbr></a> lalu KDRT.</p>'


def test_a_capitalised_form_is_the_same_abbreviation() -> None:
    html = render("Curanmor marak; curanmor lagi.\n\n*[curanmor]: pencurian kendaraan bermotor\n"
                  "*[Curanmor]: pencurian kendaraan bermotor\n")
    assert html == '<p><abbr title="pencurian kendaraan bermotor">Curanmor</abbr> marak; curanmor lagi.</p>'
