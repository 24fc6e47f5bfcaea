"""The Indonesian stemmer, run in Chromium, against the word list in tests/search/stems.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

pytestmark = pytest.mark.browser

WORDS = yaml.safe_load((Path(__file__).parent / "stems.yaml").read_text(encoding="utf-8"))
CASES = [(rule, str(word), expected) for rule, words in WORDS["rules"].items() for word, expected in words.items()]


@pytest.fixture(scope="module")
def stems(lunr_page: Any) -> dict[str, list[str]]:
    """Every word of the list stemmed in one round trip."""
    words = sorted({w for _, w, _ in CASES} | {w for family in WORDS["families"] for w in family})
    return dict(lunr_page.evaluate("words => words.map(w => [w, lunr.id.stems(w)])", words))


@pytest.mark.parametrize(("rule", "word", "expected"), CASES, ids=[f"{r}: {w}" for r, w, _ in CASES])
def test_stem(stems: dict[str, list[str]], rule: str, word: str, expected: list[str]) -> None:
    assert stems[word] == [str(e) for e in expected]


@pytest.mark.parametrize("family", WORDS["families"], ids=[f[0] for f in WORDS["families"]])
def test_word_family_shares_a_stem(stems: dict[str, list[str]], family: list[str]) -> None:
    shared = set.intersection(*(set(stems[word]) for word in family))
    assert shared, {word: stems[word] for word in family}

