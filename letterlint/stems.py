"""Word stems: Snowball's English (Porter2) stemmer, in C through the `PyStemmer` package,
remembered per word. (NLTK's copy of the same algorithm costs a 0.2 s import and 13 µs a word;
this one imports in 1 ms and takes about 1 µs.)

Stemming is the slow step of the token matcher (tens of microseconds a word), so every
word is stemmed at most once per process, and `StemFilter` lets a caller skip words whose
stem cannot be one a rule asks for.
"""

from __future__ import annotations

import threading

_MEMO_LIMIT = 200_000  # distinct words remembered; a long-running server stays bounded
_memo: dict[str, str] = {}
# Snowball's own exceptions whose stem does not begin like the word ("dying" -> "die").
_IRREGULAR_START = frozenset({"dying", "lying", "tying"})


_local = threading.local()  # a PyStemmer object must not be shared between threads


def _stemmer():  # type: ignore[no-untyped-def]
    found = getattr(_local, "stemmer", None)
    if found is None:
        import Stemmer

        found = _local.stemmer = Stemmer.Stemmer("english")
    return found


def stem(word: str) -> str:
    """The Snowball stem of a lower-case word ("begging" -> "beg", "cries" -> "cri")."""
    found = _memo.get(word)
    if found is None:
        found = _stemmer().stemWord(word) if len(word) > 2 else word
        if len(_memo) >= _MEMO_LIMIT:
            _memo.clear()
        _memo[word] = found
    return found


def stem_of(word: str) -> str:
    """The stem patterns compare: irregular forms first become their lemma ("was" -> "be")."""
    from letterlint.tokens import lemmas

    return stem(lemmas().get(word, word))


def start_key(word: str) -> str:
    """What a word and its stem share at the start: their first two letters, once a 'y'
    (which Snowball may turn into 'i': "cry" -> "cri") is read as 'i'."""
    return word[:2].replace("y", "i")


class StemFilter:
    """Stems only the words whose stem could be one of `wanted`; others keep their own form,
    which cannot equal a wanted stem (it would share that stem's key)."""

    def __init__(self, wanted: set[str] | frozenset[str]) -> None:
        from letterlint.tokens import lemmas

        self.keys = frozenset(start_key(s) for s in wanted)
        self.lemmas = lemmas()
        self._seen: dict[str, str] = {}

    def __getstate__(self) -> dict[str, object]:
        # A cached rule set (letterlint.rulecache) never carries words of a letter.
        return {**self.__dict__, "_seen": {}}

    def __call__(self, word: str) -> str:
        found = self._seen.get(word)
        if found is None:
            lemma = self.lemmas.get(word, word)
            found = stem(lemma) if start_key(lemma) in self.keys or lemma in _IRREGULAR_START else lemma
            if len(self._seen) >= _MEMO_LIMIT:
                self._seen.clear()
            self._seen[word] = found
        return found
