"""The QR codes' masks are kept beside the PDF cache: a later build makes the same codes without choosing them."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import segno.encoder

from generator.outputs.qr_masks import MASKS_FILE, qr_masks_kept_in
from generator.render import qr

URLS = [f"https://polmas.example/pedoman/pedoman-{n}.html" for n in range(12)]


@pytest.fixture(autouse=True)
def new_process(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test starts as a new build does: no mask known, no code made."""
    monkeypatch.setattr(qr, "_MASKS", {})
    qr._svg.cache_clear()
    yield
    qr._svg.cache_clear()


def codes() -> list[str]:
    return [str(qr.qr_code(url, about=f"pedoman {n}").svg) for n, url in enumerate(URLS)]


def masks_chosen(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the masks segno scores (eight for each code whose mask it chooses)."""
    scored: list[int] = []
    evaluate: Callable[..., object] = segno.encoder.evaluate_mask

    def counted(*args: object) -> object:
        scored.append(1)
        return evaluate(*args)

    monkeypatch.setattr(segno.encoder, "evaluate_mask", counted)
    return scored


def test_a_later_build_makes_the_same_codes_without_choosing_their_masks(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scored = masks_chosen(monkeypatch)
    with qr_masks_kept_in(tmp_path):
        first = codes()
    assert len(scored) == 8 * len(URLS)
    kept = json.loads((tmp_path / MASKS_FILE).read_text(encoding="utf-8"))
    assert sorted(kept["masks"]) == sorted(URLS) and kept["segno"] == segno.__version__

    monkeypatch.setattr(qr, "_MASKS", {})
    qr._svg.cache_clear()
    scored.clear()
    with qr_masks_kept_in(tmp_path):
        assert codes() == first
    assert scored == []


@pytest.mark.parametrize("damage", ["{not json", '{"segno": "0.0", "masks": {}}', "[]", "MASKS"])
def test_a_damaged_or_foreign_file_only_costs_the_time_to_choose_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    with qr_masks_kept_in(None):
        expected = codes()  # no folder: nothing kept
    assert not (tmp_path / MASKS_FILE).exists()
    monkeypatch.setattr(qr, "_MASKS", {})
    qr._svg.cache_clear()
    if damage == "MASKS":  # this segno's file, with masks no QR code has, and one that is not a number
        damage = json.dumps({"segno": segno.__version__, "masks": {URLS[0]: 8, URLS[1]: "2", URLS[2]: -1}})
    (tmp_path / MASKS_FILE).write_text(damage, encoding="utf-8")
    with qr_masks_kept_in(tmp_path):
        assert codes() == expected
    assert json.loads((tmp_path / MASKS_FILE).read_text(encoding="utf-8"))["segno"] == segno.__version__
