"""Ctrl-C in the middle of a real `polmas build` leaves the previous site byte-identical."""

from __future__ import annotations

import hashlib
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

# These tests pin the English messages (test_validate.py and test_i18n.py pin both languages).
pytestmark = pytest.mark.usefixtures("english")


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_interrupt_during_build_keeps_the_previous_site(sample_copy: Path) -> None:
    command = [sys.executable, "-m", "generator.cli", "--project", str(sample_copy), "build"]
    subprocess.run(command, check=True, capture_output=True)
    before = digest(sample_copy / "site")
    # Change the content so the interrupted build would differ from the previous one. A post's name is on the
    # area page and in its forum's map, so one handbook is made again before the build reaches MkDocs: on a
    # busy 2-core machine that can take minutes, and the deadline only guards against a build that hangs.
    place = next((sample_copy / "data/places").glob("poskamling-*.yaml"))
    place.write_text(place.read_text(encoding="utf-8").replace("name: ", "name: BERUBAH ", 1), encoding="utf-8")
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 600
    while not list(sample_copy.glob(".site.new-*")):
        assert process.poll() is None, "the build ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "interrupted; the previous output was left as it was" in err
    assert digest(sample_copy / "site") == before
    assert sorted(p.name for p in sample_copy.iterdir() if p.name.startswith(".site")) == []
