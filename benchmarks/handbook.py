"""Time the sample handbooks: our whole handbook step against bare WeasyPrint on the same HTML (ratios in a table).

    .venv/bin/python -m benchmarks.handbook [--project .] [--repeat 3]

'ours' = select the edition, hash its manifest, render the HTML with QR codes, WeasyPrint to PDF/UA with our
URL fetcher, warning capture and font check. 'bare' = `weasyprint.HTML(string=html).write_pdf()` with defaults on
the HTML we made. 'bare ua' adds pdf_variant="pdf/ua-1" (tagging is WeasyPrint's own cost, not ours).
"""

from __future__ import annotations

import argparse
import sys
from functools import partial
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader
from weasyprint import HTML

from benchmarks.common import median_seconds
from generator import pipeline
from generator.domain.editions import prepare_edition
from generator.domain.selection import forums_with_handbooks
from generator.outputs.handbooks import build_handbooks
from generator.render.handbook import TEMPLATES, render_handbook_html


def _bare_pdf(html: str, base_url: str, **options: str) -> bytes:
    """WeasyPrint alone: parse and render, as a caller without our checks and cache would."""
    data: bytes = HTML(string=html, base_url=base_url).write_pdf(**options)
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", default=str(Path(__file__).resolve().parent.parent))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    project = Path(args.project).resolve()
    kb, problems = pipeline.check(project)
    if problems.has_errors():
        print(f"{len(problems.errors)} problem(s) in the input; run `polmas check`", file=sys.stderr)
        return 1
    base_url = (project / TEMPLATES).as_uri() + "/"
    rows: list[tuple[str, int, int, float, float, float]] = []
    site = pipeline.site_address(project)
    for forum in forums_with_handbooks(kb):
        html = render_handbook_html(kb, prepare_edition(kb, forum), project=project, site=site)
        pdf = build_handbooks(project, kb, site=site, forums=[forum])[0].pdf
        pages = len(PdfReader(BytesIO(pdf)).pages)
        ours = median_seconds(partial(build_handbooks, project, kb, site=site, forums=[forum]), args.repeat)
        bare = median_seconds(partial(_bare_pdf, html, base_url), args.repeat)
        bare_ua = median_seconds(partial(_bare_pdf, html, base_url, pdf_variant="pdf/ua-1"), args.repeat)
        rows.append((forum.id, pages, len(pdf), ours, bare, bare_ua))
    print(f"{'forum':<26} {'pages':>5} {'KB':>6} {'ours s':>7} {'bare s':>7} {'ratio':>6} {'bare ua s':>9} "
          f"{'ratio':>6}")
    for forum_id, pages, size, ours, bare, bare_ua in rows:
        print(f"{forum_id:<26} {pages:>5} {size // 1024:>6} {ours:>7.2f} {bare:>7.2f} {ours / bare:>6.2f} "
              f"{bare_ua:>9.2f} {ours / bare_ua:>6.2f}")
    total = [sum(row[3] for row in rows), sum(row[4] for row in rows), sum(row[5] for row in rows)]
    print(f"{'all':<26} {'':>5} {'':>6} {total[0]:>7.2f} {total[1]:>7.2f} {total[0] / total[1]:>6.2f} "
          f"{total[2]:>9.2f} {total[0] / total[2]:>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
