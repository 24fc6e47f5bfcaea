"""Messages in the coordinator's language: the catalog is complete and current, and the language is chosen per run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Message
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from generator import pipeline
from generator.cli import EXIT_INPUT, EXIT_OK, EXIT_USAGE, main
from generator.i18n import LOCALE_DIR, _, current_language, language_from_environment, ngettext, use_language
from generator.problems import Problem, Severity
from tests.conftest import Scratch

REPO = Path(__file__).resolve().parent.parent
POT = LOCALE_DIR / "messages.pot"
PO = LOCALE_DIR / "id" / "LC_MESSAGES" / "messages.po"
UPDATE = ("run `make messages` (it re-extracts generator/locale/messages.pot and merges it into "
          "generator/locale/id/LC_MESSAGES/messages.po), then write the Indonesian of every entry it lists")
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)[a-z]|%[a-z]")


def _messages(path: Path) -> list[Message]:
    with path.open("rb") as file:
        return [m for m in read_po(file, locale="id" if path.suffix == ".po" else None) if m.id]


def _without_header(text: str) -> str:
    """The catalog's entries: everything after the header block (its dates change on every extraction)."""
    return text.split("\n\n", 1)[1]


def test_the_template_is_up_to_date_with_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "messages.pot"
    CommandLineInterface().run([  # type: ignore[no-untyped-call]  # Babel ships no annotations for its CLI
        "pybabel", "-q", "extract", "-F", str(REPO / "babel.cfg"), "-k", "N_", "--no-location", "--sort-output",
        "--no-wrap", "--project", "Pustaka Polmas", "--version", "0.1.0", "-o", str(fresh), str(REPO / "generator"),
    ])
    assert _without_header(fresh.read_text(encoding="utf-8")) == _without_header(POT.read_text(encoding="utf-8")), \
        f"generator/locale/messages.pot is out of date with the code: {UPDATE}"


def test_every_message_has_an_indonesian_translation() -> None:
    translated = {m.id: m for m in _messages(PO)}
    untranslated = [m.id for m in _messages(POT)
                    if m.id not in translated or translated[m.id].fuzzy or not all(_strings(translated[m.id]))]
    assert untranslated == [], f"messages without an Indonesian translation (or marked fuzzy): {UPDATE}"
    stale = sorted(str(m.id) for m in translated.values() if m.id not in {m.id for m in _messages(POT)})
    assert stale == [], f"translations of messages the code no longer has: {UPDATE}"


def test_placeholders_are_the_same_in_both_languages() -> None:
    wrong = []
    for message in _messages(PO):
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        for text in _strings(message):
            if sorted(PLACEHOLDER.findall(text)) not in [sorted(PLACEHOLDER.findall(i)) for i in ids]:
                wrong.append((ids[0], text))
    assert wrong == []


def _strings(message: Message) -> list[str]:
    return [message.string] if isinstance(message.string, str) else list(message.string or [])


def test_indonesian_by_default_english_on_request() -> None:
    assert current_language() == "id"
    assert _("warning: ") == "peringatan: "
    with use_language("en"):
        assert _("warning: ") == "warning: "
        assert ngettext("{count} problem", "{count} problems", 2) == "{count} problems"
        with use_language(None):  # None keeps the language of the block around it
            assert current_language() == "en"
    assert ngettext("{count} problem", "{count} problems", 2) == "{count} masalah"
    assert current_language() == "id"


@pytest.mark.parametrize(("environ", "lang"), [
    ({}, "id"), ({"LANG": "C.UTF-8"}, "id"), ({"LANG": "id_ID.UTF-8"}, "id"), ({"LANG": "en_GB.UTF-8"}, "en"),
    ({"LANGUAGE": "en:id", "LANG": "id_ID.UTF-8"}, "en"), ({"LANGUAGE": "id", "LANG": "en_US.UTF-8"}, "id"),
])
def test_the_environment_chooses_the_default(environ: dict[str, str], lang: str) -> None:
    assert language_from_environment(environ) == lang


def test_a_problem_reads_in_the_language_of_the_moment_it_is_formatted() -> None:
    problem = Problem("data/places/x.yaml", 3, 7, "location", "…", Severity.WARNING)
    assert problem.format() == "data/places/x.yaml:3:7: peringatan: location: …"
    with use_language("en"):
        assert problem.format() == "data/places/x.yaml:3:7: warning: location: …"


def test_the_cli_speaks_indonesian_unless_told_otherwise(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert main(["--project", str(tmp_path), "check"]) == EXIT_USAGE
    assert "bukan proyek Pustaka Polmas (tidak ada mkdocs.yml di sana)" in capsys.readouterr().err
    assert main(["--project", str(tmp_path), "check", "--lang", "en"]) == EXIT_USAGE
    assert "is not a Pustaka Polmas project (no mkdocs.yml there)" in capsys.readouterr().err
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert main(["--project", str(tmp_path), "--lang", "id", "check"]) == EXIT_USAGE
    assert "bukan proyek Pustaka Polmas" in capsys.readouterr().err
    assert main(["--project", str(tmp_path), "check"]) == EXIT_USAGE
    assert "is not a Pustaka Polmas project" in capsys.readouterr().err
    assert current_language() == "id", "a run's language must not outlive the run"


def test_usage_errors_and_help_are_in_the_chosen_language(capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.delenv("LANG", raising=False)
    with pytest.raises(SystemExit) as stopped:
        main(["handbook"])
    assert stopped.value.code == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("cara pakai: polmas handbook")
    assert "polmas handbook: kesalahan: salah satu argumen --forum --all wajib diisi" in err
    with pytest.raises(SystemExit) as stopped:
        main(["check", "--lang", "en", "--help"])
    assert stopped.value.code == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("usage: polmas check") and "check every file and reference; write nothing" in out
    with pytest.raises(SystemExit):
        main(["--lang", "fr", "check"])
    assert "argumen --lang: pilihan tidak sah: 'fr' (pilih dari 'id', 'en')" in capsys.readouterr().err


def test_polmas_check_reports_in_indonesian_and_in_english_on_request(
    scratch: Scratch, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.delenv("LANG", raising=False)
    scratch.write("content/references/panduan.yaml", """
        id: panduan
        title: Panduan
        summary: Panduan singkat.
        type: buku
        url: www.polri.go.id
    """)
    assert main(["--project", str(scratch.root), "check"]) == EXIT_INPUT
    captured = capsys.readouterr()
    assert "content/references/panduan.yaml:5:6: url: 'www.polri.go.id' bukan alamat web; tulis lengkap, " \
           "diawali https://" in captured.out.splitlines()
    assert captured.err.strip() == "1 masalah di 1 berkas; tidak ada yang ditulis. Perbaiki, lalu jalankan " \
                                   "perintahnya lagi."
    assert main(["--project", str(scratch.root), "check", "--lang", "en"]) == EXIT_INPUT
    captured = capsys.readouterr()
    assert "content/references/panduan.yaml:5:6: url: 'www.polri.go.id' is not a web address; write it in full, " \
           "starting with https://" in captured.out.splitlines()
    assert captured.err.strip() == "1 problem in 1 file; nothing was written. Fix them and run the command again."


def test_the_library_takes_the_language_per_call(scratch: Scratch) -> None:
    scratch.write("content/references/panduan.yaml", "id: panduan\ntitle: Panduan\n")
    _kb, english = pipeline.check(scratch.root, lang="en")
    _kb, indonesian = pipeline.check(scratch.root)
    assert english.sorted()[0].message == "required field 'summary' is missing; add it"
    assert indonesian.sorted()[0].message == "kolom wajib 'summary' belum ada; tambahkan"
