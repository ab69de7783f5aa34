"""Stems: Snowball's English stemmer, and the shortcut StemFilter takes with it."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from letterlint import nlp, stems


def _vocabulary() -> list[str]:
    table = nlp.syllable_table()
    return [line.partition("\t")[0] for line in table._blob.split("\n") if line]


def test_known_stems() -> None:
    expected = {"begging": "beg", "begged": "beg", "cries": "cri", "crying": "cri", "dying": "die"}
    assert {word: stems.stem(word) for word in expected} == expected


def test_a_stem_begins_like_its_word() -> None:
    """StemFilter stems only words that share a wanted stem's start key; that is sound only if
    every stem shares its word's key (Snowball's few exceptions are listed)."""
    words = [w for w in _vocabulary() if w.isalpha()]
    assert len(words) > 100_000
    odd = {w for w in words if stems.start_key(stems.stem(w)) != stems.start_key(w)}
    assert odd <= stems._IRREGULAR_START, sorted(odd)[:20]


def test_threads_get_the_same_stems() -> None:
    words = [w for w in _vocabulary() if w.isalpha()][::50]
    stems._memo.clear()
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda chunk: [stems._stemmer().stemWord(w) for w in chunk], [words] * 4))
    assert results[0] == results[1] == results[2] == results[3]
