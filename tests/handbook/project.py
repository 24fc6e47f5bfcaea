"""A small handbook project written inline: two areas, three situations, five guidelines, one forum."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import Scratch

PUBLISHED_AT = "https://pustaka.fkpm-ngrandusari.id/"

FILES = {
    "data/areas/ngrandusari.yaml": """
        id: ngrandusari
        code: 99.71.04.1001
        level: kelurahan
        name: Ngrandusari
        """,
    "data/areas/ngrandusari-rw01.yaml": """
        id: ngrandusari-rw01
        code: 99.71.04.1001.RW01
        level: rw
        name: RW 01
        parent: ngrandusari
        """,
    "data/areas/sendangrawit.yaml": """
        id: sendangrawit
        code: 99.71.04.1002
        level: kelurahan
        name: Sendangrawit
        """,
    "content/situations/tawuran-pelajar.yaml": """
        id: tawuran-pelajar
        title: Tawuran pelajar
        summary: Perkelahian antarpelajar sepulang sekolah.
        type: masalah
        class: GN
        description: Terjadi di simpang dekat sekolah.
        areas: [ngrandusari-rw01]
        """,
    "content/situations/curanmor.yaml": """
        id: curanmor
        title: Pencurian kendaraan bermotor
        summary: Motor hilang dari parkiran.
        type: masalah
        class: GN
        description: Parkiran tanpa penjaga.
        areas: [sendangrawit]
        tags: [curanmor]
        """,
    "content/situations/konflik-warga.yaml": """
        id: konflik-warga
        title: Konflik antarwarga
        summary: Perselisihan batas lahan.
        type: masalah
        class: AG
        description: Perselisihan yang bisa meluas.
        tags: [konflik]
        """,
    "content/legal/uu-2-2002.yaml": """
        id: uu-2-2002
        title: UU 2/2002 tentang Kepolisian
        summary: Tugas pokok Polri.
        type: UU
        number: 2
        year: 2002
        subject: Kepolisian Negara Republik Indonesia
        legal_status: berlaku
        articles:
          - {number: Pasal 13, summary: Tugas pokok Polri.}
        """,
    "content/references/panduan-a.yaml": """
        id: panduan-a
        title: Panduan A
        summary: Panduan contoh.
        type: panduan
        """,
    "content/references/panduan-b.yaml": """
        id: panduan-b
        title: Panduan B
        summary: Panduan lain.
        type: panduan
        """,
    "content/guidelines/cegah-tawuran.yaml": """
        id: cegah-tawuran
        title: Cegah tawuran
        summary: Piket jam pulang sekolah.
        phase: pencegahan
        situations: [tawuran-pelajar]
        standard: Simpang rawan dijaga pada jam pulang.
        steps:
          - {text: Petakan titik kumpul pelajar., actor: Bhabinkamtibmas, level: wajib}
        """,
    "content/guidelines/hentikan-tawuran.yaml": """
        id: hentikan-tawuran
        title: Hentikan tawuran
        summary: Langkah saat tawuran terjadi.
        phase: penanganan
        situations: [tawuran-pelajar]
        standard: Keselamatan warga didahulukan.
        sources: [panduan-a]
        steps:
          - text: Hubungi Polsek lewat 110.
            actor: Ketua RW
            level: wajib
            legal_basis: [{ref: uu-2-2002, article: Pasal 13}]
        """,
    "content/guidelines/cegah-curanmor.yaml": """
        id: cegah-curanmor
        title: Cegah curanmor
        summary: Parkir dijaga.
        phase: pencegahan
        situations: [curanmor]
        standard: Parkiran dijaga.
        steps:
          - {text: Pasang kunci ganda., actor: Warga}
        """,
    "content/guidelines/mediasi-konflik.yaml": """
        id: mediasi-konflik
        title: Mediasi konflik
        summary: Musyawarah yang dipandu.
        phase: penanganan
        situations: [konflik-warga]
        standard: Kedua pihak didengar.
        tags: [konflik]
        steps:
          - {text: Undang kedua pihak., actor: Ketua FKPM}
        """,
    "content/guidelines/jalur-lokal.yaml": """
        id: jalur-lokal
        title: Jalur lokal parkir pasar
        summary: Aturan parkir buatan forum.
        phase: penanganan
        situations: [curanmor]
        standard: Parkir hanya di jalur bertanda.
        steps:
          - {text: Pasang tanda jalur parkir., actor: Pengurus FKPM}
        """,
    "content/education/modul-tawuran.yaml": """
        id: modul-tawuran
        title: Modul anti-tawuran
        summary: Sesi untuk pelajar.
        objectives: [Mengenali tanda tawuran]
        duration_minutes: 45
        body: Materi singkat.
        supports: [cegah-tawuran]
        """,
}

FORUM = """
id: fkpm-ngrandusari
name: FKPM Ngrandusari
model: wilayah
areas: [ngrandusari]
polsek: Polsek Tirtasekar
polres: Polres Wanalaras
members: [{{role: Ketua, element: masyarakat}}]
vision: Aman bersama.
mission: [Menjaga lingkungan]
local_guidelines: [jalur-lokal]
handbook:
  edition: {edition}
  date: 2025-04-01
{extra}"""


def forum(extra: str = "", edition: int = 1) -> str:
    """The forum file; `extra` lines go inside `handbook:` (indent them by two spaces)."""
    return FORUM.format(extra=extra, edition=edition)


def approved(text: str) -> str:
    """An item's YAML with `status: disahkan` when it says none: drafts stay out of handbooks."""
    return text if re.search(r"(?m)^ *status:", text) else text.rstrip(" ") + "        status: disahkan\n"


def write_project(scratch: Scratch, handbook: str = "", edition: int = 1) -> Scratch:
    for rel, text in FILES.items():
        scratch.write(rel, approved(text) if rel.startswith("content/") else text)
    scratch.write("data/forums/fkpm-ngrandusari.yaml", forum(handbook, edition))
    return scratch


def set_site_url(project: Path, url: str = PUBLISHED_AT) -> None:
    """Give the project the address it is published at: an edition cannot be published before that."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^site_url: .*$", f"site_url: {url}", text), encoding="utf-8")
