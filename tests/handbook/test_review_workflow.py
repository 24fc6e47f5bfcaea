"""The review workflow and publishing: status decides what is published, an adopted edition is published by a build."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from generator import pipeline
from generator.cli import EXIT_INPUT, EXIT_OK, main
from generator.domain.editions import prepare_edition
from generator.knowledge.status_view import HANDBOOK_STATUSES, SITE_STATUSES, with_statuses
from generator.outputs.search_index import INDEX_SCRIPT
from generator.render.handbook import render_handbook_html
from tests.conftest import SAMPLE_TODAY, Scratch
from tests.handbook.pdfread import page_texts
from tests.handbook.project import set_site_url, write_project
from tests.handbook.test_editions import changes_page

# These tests pin the English messages (test_validate.py and test_i18n.py pin both languages).
pytestmark = pytest.mark.usefixtures("english")

FORUM_FILE = "data/forums/fkpm-ngrandusari.yaml"
PRIVATE = 'contacts:\n  - {forum: fkpm-ngrandusari, role: Ketua, name: Sri Wahyuningsih, phone: "+62 812-3456-7890"}\n'
GUIDELINE = "content/guidelines/hentikan-tawuran.yaml"
PDF = "handbooks/fkpm-ngrandusari/fkpm-ngrandusari-edisi-{}.pdf"
MANIFEST = "data/editions/fkpm-ngrandusari/{}.json"


def set_status(project: Path, rel: str, status: str, extra: str = "") -> None:
    path = project / rel
    text = re.sub(r"(?m)^status: .*\n", "", path.read_text(encoding="utf-8"))
    path.write_text(f"{text}status: {status}\n{extra}", encoding="utf-8")


def pdf_text(site: Path, edition: int = 1) -> str:
    return "\n".join(page_texts((site / PDF.format(edition)).read_bytes()))


def git(project: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(project), *args], capture_output=True, text=True, check=True).stdout


def git_project(scratch: Scratch) -> Path:
    """The scratch project as a git work tree with one commit, as a coordinator's clone would be."""
    root = scratch.root
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "config", "user.name", "Sekretaris FKPM")
    git(root, "config", "user.email", "sekretaris@fkpm.example")
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "-m", "Isi awal")
    return root


def build(project: Path) -> int:
    return main(["--project", str(project), "build"])


def test_publishing_an_edition_that_holds_a_ditinjau_item_is_refused_naming_it(
    scratch: Scratch, capsys: pytest.CaptureFixture[str],
) -> None:
    write_project(scratch)
    set_site_url(scratch.root)
    set_status(scratch.root, GUIDELINE, "ditinjau")
    assert main(["--project", str(scratch.root), "handbook", "--all", "--publish"]) == EXIT_INPUT
    assert capsys.readouterr().err == (
        "polmas: an edition cannot be published while it holds items that are not disahkan; approve them "
        "(status: disahkan) or leave them out (handbook.exclude):\n"
        "edition 1 of 'fkpm-ngrandusari' holds items that are not disahkan:\n"
        f"  {GUIDELINE}: hentikan-tawuran (ditinjau)\n"
        "Nothing was published; the PDFs were not written.\n"
    )
    assert not (scratch.root / "data/editions").exists()
    assert not (scratch.root / "site").exists()


def test_an_adopted_edition_with_an_item_under_review_stops_the_build_at_the_forums_state(
    scratch: Scratch, capsys: pytest.CaptureFixture[str],
) -> None:
    write_project(scratch, "  state: diadopsi\n")
    set_status(scratch.root, GUIDELINE, "ditinjau")
    assert build(scratch.root) == EXIT_INPUT
    out = capsys.readouterr().out
    assert out.startswith(f"{FORUM_FILE}:14:10: handbook.state: edition 1 is marked diadopsi, but it holds items "
                          f"that are not disahkan, so it cannot be published ({GUIDELINE}: hentikan-tawuran "
                          "(ditinjau)); approve them (status: disahkan), leave them out (handbook.exclude), "
                          "or set the state back to disiapkan\n"), out
    assert not (scratch.root / "data/editions").exists()


def test_an_adopted_edition_is_published_by_the_build_and_the_next_edition_shows_the_word_diff(
    scratch: Scratch, capsys: pytest.CaptureFixture[str],
) -> None:
    """Acceptance: the coordinator sets `state: diadopsi` in the editor; the next build publishes and commits."""
    write_project(scratch)
    set_site_url(scratch.root)
    project = git_project(scratch)
    write_project(scratch, "  state: diadopsi\n")
    git(project, "commit", "--quiet", "-am", "Edisi 1 diadopsi")
    assert build(project) == EXIT_OK
    out = capsys.readouterr().out
    head = git(project, "rev-parse", "--short", "HEAD").strip()
    assert f"Published: {MANIFEST.format(1)} (handbook.state: diadopsi); committed as {head}\n" in out
    assert git(project, "show", "--name-only", "--format=%s", "HEAD").splitlines() == [
        "Terbitkan edisi 1 buku pegangan fkpm-ngrandusari (handbook.state: diadopsi)", "", MANIFEST.format(1)]
    assert git(project, "status", "--porcelain", "--", "data") == ""
    written = (project / MANIFEST.format(1)).read_text(encoding="utf-8")
    kb, _ = pipeline.check(project)
    printed = with_statuses(kb, HANDBOOK_STATUSES)
    assert written == prepare_edition(printed, printed.get("fkpm-ngrandusari")).manifest.to_json(), \
        "the same manifest `polmas handbook --publish` writes"
    kept = {i["id"]: i["text"] for i in json.loads(written)["items"]}
    assert kept["hentikan-tawuran"]["standard"] == "Keselamatan warga didahulukan.", "the text the diff needs"

    assert build(project) == EXIT_OK
    assert "Published:" not in capsys.readouterr().out, "an edition is published once"
    guideline = project / GUIDELINE
    guideline.write_text(guideline.read_text(encoding="utf-8").replace("didahulukan", "selalu diutamakan"),
                         encoding="utf-8")
    assert main(["--project", str(project), "check"]) == EXIT_INPUT, "the adopted number did not go up"
    assert capsys.readouterr().out.startswith(
        f"{FORUM_FILE}:12:12: handbook.edition: edition 1 is marked diadopsi and was published "
        f"({MANIFEST.format(1)}), but its contents have changed since")

    write_project(scratch, edition=2)  # edition 2 is being prepared (state: disiapkan, the default)
    guideline = project / GUIDELINE
    guideline.write_text(guideline.read_text(encoding="utf-8").replace("didahulukan", "selalu diutamakan"),
                         encoding="utf-8")
    assert main(["--project", str(project), "handbook", "--all"]) == EXIT_OK
    lines = changes_page((project / "site" / PDF.format(2)).read_bytes())
    assert lines[lines.index("Rincian perubahan"):] == [
        "Rincian perubahan", "Kata yang ditambahkan bergaris bawah, kata yang dihapus dicoret.",
        "PEDOMAN Hentikan tawuran", "standard", "Keselamatan warga didahulukan. selalu diutamakan.",
    ]
    kb, _ = pipeline.check(project)
    printed = with_statuses(kb, HANDBOOK_STATUSES)
    html = render_handbook_html(printed, prepare_edition(printed, printed.get("fkpm-ngrandusari")),
                                project=project, site=pipeline.site_address(project))
    assert "<dd>Keselamatan warga <del>didahulukan.</del> <ins>selalu diutamakan.</ins></dd>" in html


def test_a_build_outside_git_writes_the_manifest_and_says_it_was_not_committed(
    scratch: Scratch, capsys: pytest.CaptureFixture[str],
) -> None:
    write_project(scratch, "  state: diadopsi\n")
    assert build(scratch.root) == EXIT_OK
    assert (f"Published: {MANIFEST.format(1)} (handbook.state: diadopsi); the project is not a git work tree, "
            f"so {MANIFEST.format(1)} was not committed; keep it with the project\n") in capsys.readouterr().err
    assert (scratch.root / MANIFEST.format(1)).is_file()
    assert [p.name for p in (scratch.root / MANIFEST.format(1)).parent.iterdir()] == ["1.json"], "no temp files"


def test_a_draf_item_disappears_from_the_public_build(scratch: Scratch) -> None:
    """Acceptance: set to draf, the guideline leaves its page, the search index, the links and the handbook."""
    write_project(scratch)
    assert build(scratch.root) == EXIT_OK
    site = scratch.root / "site"
    assert (site / "pedoman/hentikan-tawuran.html").is_file()
    assert "Hentikan tawuran" in pdf_text(site)
    assert "pedoman/hentikan-tawuran.html" in (site / INDEX_SCRIPT).read_text(encoding="utf-8")
    set_status(scratch.root, GUIDELINE, "draf")
    assert build(scratch.root) == EXIT_OK
    assert not (site / "pedoman/hentikan-tawuran.html").exists()
    for path in site.rglob("*"):
        if path.suffix in (".html", ".json", ".js", ".xml"):
            assert "hentikan-tawuran" not in path.read_text(encoding="utf-8"), path
    assert "pedoman/hentikan-tawuran.html" not in (site / INDEX_SCRIPT).read_text(encoding="utf-8")
    assert "Hentikan tawuran" not in pdf_text(site)


def test_a_ditinjau_item_is_marked_on_the_site_and_printed_only_in_the_internal_handbook(scratch: Scratch) -> None:
    write_project(scratch)
    set_status(scratch.root, GUIDELINE, "ditinjau", "review_by: 2026-06-30\napproved_by: Ketua FKPM\n")
    scratch.write("data/private/contacts.yaml", PRIVATE)
    assert pipeline.build(scratch.root, today=SAMPLE_TODAY).pages > 0
    page = (scratch.root / "site/pedoman/hentikan-tawuran.html").read_text(encoding="utf-8")
    assert "Isi ini belum disahkan" in page
    assert "Hentikan tawuran" not in pdf_text(scratch.root / "site")
    assert not (scratch.root / "site/tinjauan/perlu-ditinjau.html").exists(), "the review page is internal"

    pipeline.build(scratch.root, internal=True, today=SAMPLE_TODAY)
    internal = scratch.root / "site-internal"
    printed = pdf_text(internal)
    assert "Hentikan tawuran" in printed, "the internal handbook prints the item under review"
    assert "SEDANG DITINJAU" in printed.upper(), "with its badge"
    review = (internal / "tinjauan/perlu-ditinjau.html").read_text(encoding="utf-8")
    assert re.search(r"<h2[^>]*>.*FKPM Ngrandusari.*</h2>", review), "grouped under the forum that holds it"
    assert re.search(r"<h3[^>]*>Ketua FKPM", review), "then under its owner role"
    assert "30 Juni 2026<br>terlambat 154 hari" in review


def test_the_status_view_drops_references_to_what_it_leaves_out(scratch: Scratch) -> None:
    write_project(scratch)
    set_status(scratch.root, "content/legal/uu-2-2002.yaml", "draf")
    kb, problems = pipeline.check(scratch.root)
    assert [p.format() for p in problems] == [
        f"{GUIDELINE}:12:25: warning: steps[0].legal_basis[0].ref: 'uu-2-2002' is a draf "
        "(content/legal/uu-2-2002.yaml), so this reference is left out of the site and the handbooks until that "
        "item is disahkan",
    ]
    view = with_statuses(kb, SITE_STATUSES)
    assert "uu-2-2002" not in view.records
    assert view.get("hentikan-tawuran").data.steps[0].legal_basis == [], "the citation leaves its list"
    assert kb.get("hentikan-tawuran").data.steps[0].legal_basis, "the checked knowledge base is untouched"
    assert "uu-2-2002" not in view.backlinks
