"""lunr.id inside a real lunr index: stems both ways, stop words, glossary synonyms, what the theme is told."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

DOCS = [
    {"location": "a", "title": "Pencegahan tawuran pelajar", "text": "Patroli jam pulang sekolah."},
    {"location": "b", "title": "Kebakaran pasar", "text": "Warga mencegah api menjalar ke los lain."},
    {"location": "c", "title": "Laporan warga", "text": "Pencurian kendaraan bermotor di parkiran kos."},
    {"location": "d", "title": "Curanmor di pasar", "text": "Motor hilang dari tempat parkir."},
    {"location": "e", "title": "Tanggap KDRT", "text": "Korban didampingi ke unit PPA."},
    {"location": "f", "title": "Perkelahian pelajar", "text": "Dua kelompok siswa saling lempar batu."},
]

# Builds an index the way mkdocs-material's worker does (use the language, then drop the pipeline functions
# the configuration leaves out) and runs each query as the theme writes it: every word a prefix query.
SEARCH = """([docs, queries, options]) => {
  const index = lunr(function () {
    if (options.language) this.use(lunr.id)
    for (const fn of options.remove) {
      this.pipeline.remove(lunr.id[fn])
      this.searchPipeline.remove(lunr.id[fn])
    }
    this.metadataWhitelist = ["position"]
    this.ref("location")
    this.field("title", { boost: 1000 })
    this.field("text")
    for (const doc of docs) this.add(doc)
  })
  return queries.map(q => index.search(q).map(r => ({
    ref: r.ref, score: r.score, metadata: r.matchData.metadata,
  })))
}"""


def search(page: Any, *queries: str, language: bool = True, remove: tuple[str, ...] = ()) -> list[list[Any]]:
    options = {"language": language, "remove": list(remove)}
    return page.evaluate(SEARCH, [DOCS, list(queries), options])  # type: ignore[no-any-return]


def refs(results: list[Any]) -> list[str]:
    return sorted(r["ref"] for r in results)


def test_a_derived_form_finds_the_others(lunr_page: Any) -> None:
    typed_mencegah, typed_cegah, typed_pencegahan = search(lunr_page, "mencegah*", "cegah*", "pencegahan*")
    assert refs(typed_mencegah) == ["a", "b"]
    assert refs(typed_cegah) == ["a", "b"]
    assert refs(typed_pencegahan) == ["a", "b"]
    # The word as written ranks above a relative.
    assert [r["ref"] for r in typed_pencegahan] == ["a", "b"]


def test_a_partly_typed_word_still_finds_its_page(lunr_page: Any) -> None:
    [results] = search(lunr_page, "pence*")
    assert refs(results) == ["a"]


def test_matches_are_filed_under_the_word_typed(lunr_page: Any) -> None:
    """The theme marks a typed word 'missing' unless a matched term starts with it."""
    [results] = search(lunr_page, "mencegah*")
    by_ref = {r["ref"]: r["metadata"] for r in results}
    assert sorted(by_ref["a"]) == ["mencegah"]
    assert sorted(by_ref["b"]) == ["mencegah"]


def test_a_word_and_its_stem_mark_one_position_once(lunr_page: Any) -> None:
    [results] = search(lunr_page, "pencegahan*")
    positions = next(r for r in results if r["ref"] == "a")["metadata"]["pencegahan"]["title"]["position"]
    assert positions == [[0, 10]]


def test_no_position_is_marked_twice(lunr_page: Any) -> None:
    """'KDRT' carries the words of its expansion at its own position; the theme must get it once."""
    [results] = search(lunr_page, "kekerasan* rumah* tangga*")
    metadata = next(r for r in results if r["ref"] == "e")["metadata"]
    positions = [tuple(p) for fields in metadata.values() for p in fields.get("title", {}).get("position", [])]
    assert sorted(positions) == [(0, 7), (8, 4)]  # tanggap* also starts with tangga


def test_stop_words_are_left_out_of_the_query(lunr_page: Any) -> None:
    only_stop_words, with_stop_word, without = search(lunr_page, "yang* dan*", "di* pencurian*", "pencurian*")
    assert only_stop_words == []
    assert [(r["ref"], r["score"]) for r in with_stop_word] == [(r["ref"], r["score"]) for r in without]


def test_an_abbreviation_finds_its_expansion_and_back(lunr_page: Any) -> None:
    short, long, kdrt, expanded = search(
        lunr_page, "curanmor*", "pencurian* kendaraan* bermotor*", "kdrt*", "kekerasan* rumah* tangga*",
    )
    assert refs(short) == ["c", "d"]
    assert refs(long) == ["c", "d"]
    assert refs(kdrt) == ["e"]
    assert refs(expanded) == ["e"]


def test_a_synonym_phrase_finds_the_word_and_back(lunr_page: Any) -> None:
    word, phrase = search(lunr_page, "tawuran*", "perkelahian* pelajar*")
    assert refs(word) == ["a", "f"]
    assert refs(phrase)[:2] == ["a", "f"]


def test_without_the_stemmer_a_form_finds_only_itself(lunr_page: Any) -> None:
    """mkdocs-material removes the functions its `pipeline` setting leaves out; stems go with the stemmer."""
    [results] = search(lunr_page, "mencegah*", remove=("stemmer",))
    assert refs(results) == ["b"]


def test_lunr_without_the_language_is_untouched(lunr_page: Any) -> None:
    typed_mencegah, typed_curanmor = search(lunr_page, "mencegah*", "curanmor*", language=False)
    assert refs(typed_mencegah) == ["b"]
    assert refs(typed_curanmor) == ["d"]


@pytest.mark.parametrize(("typed", "expected"), [
    ("tawran*", ["a", "f"]),     # a letter dropped (f by the glossary: perkelahian pelajar)
    ("pencurain*", ["c", "d"]),  # two letters swapped (d by the glossary: curanmor)
    ("kebakkaran*", ["b"]),      # a letter doubled
    ("pelajat*", ["a", "f"]),    # a letter mistyped
])
def test_a_word_one_typo_away_still_finds_its_pages(lunr_page: Any, typed: str, expected: list[str]) -> None:
    [results] = search(lunr_page, typed)
    assert refs(results) == expected
    # Filed under the word as typed: the theme neither marks it missing nor loses its highlight.
    assert all(sorted(r["metadata"]) == [typed.rstrip("*")] for r in results)


def test_a_typo_in_a_derived_form_finds_its_relatives(lunr_page: Any) -> None:
    """'mencgah' reaches 'mencegah' by one edit, and its stem 'cegah' finds 'pencegahan' too."""
    [results] = search(lunr_page, "mencgah*")
    assert refs(results) == ["a", "b"]


def test_a_word_that_matches_is_not_widened(lunr_page: Any) -> None:
    """'ronda' is one edit from 'randa': found exactly, it brings no near word; 'rondda' finds both by typo."""
    docs = [{"location": "x", "title": "Ronda malam", "text": ""}, {"location": "y", "title": "Randa muda", "text": ""}]
    exact, typo = lunr_page.evaluate(SEARCH, [docs, ["ronda*", "randda*"], {"language": True, "remove": []}])
    assert refs(exact) == ["x"]
    assert refs(typo) == ["y"]


def test_short_words_are_not_guessed(lunr_page: Any) -> None:
    """'kdt' is one edit from 'kdrt', as are too many words from a three-letter one."""
    short, long = search(lunr_page, "kdt*", "kdtr*")
    assert short == []
    assert refs(long) == ["e"]
