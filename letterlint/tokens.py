"""Tokens as the matcher sees them: lower case, contractions and text-speak spelled out.

Every number written in figures is the token "#", so a pattern can say "any number".

"I cant stop begging u" reads as i / can / not / stop / begging / you, each token keeping
the character span of the word it came from, so a match maps back to the writer's text.
Spellings come from rules/lexicons/spellings.toml; contractions with an apostrophe are read
by rule below.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache

from letterlint.paths import rules_dir

_TOKEN = re.compile(
    r"(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)|(?P<number>\d+(?:[.,:]\d+)*[^\W\d_]*)"
    r"|(?P<punct>[!?]+|\.+|…|[,;:()\[\]]|[—–]|(?<=\s)-(?=\s))"
)
_ELONGATED = re.compile(r"([^\W\d_])\1{2,}")  # "pleeease", "sooo": three or more of a letter
_NOT_SUFFIX = {"ca": "can", "wo": "will", "sha": "shall", "ai": "is"}
_CLITICS = {"m": "am", "re": "are", "ve": "have", "ll": "will", "d": "would"}
# Words whose "'s" is "is" ("it's", "she's"); elsewhere "'s" is a possessive and is dropped.
_IS_HOSTS = frozenset(
    [
        "it",
        "he",
        "she",
        "that",
        "what",
        "there",
        "here",
        "who",
        "where",
        "how",
        "when",
        "why",
        "everything",
        "nothing",
        "something",
        "this",
    ]
)
# "ill" / "id" are "I will" / "I would" in text-speak when they open a clause (see _reads_as_i).
_CLAUSE_OPENERS = frozenset({"", ",", "and", "but", "so", "then", "because", "if", "that"})
_TEXT_SPEAK_I = {"ill": ("i", "will"), "id": ("i", "would")}
# "was ill just before", "so ill still": words that make "ill" the adjective.
_BEFORE_ILLNESS = frozenset(
    [
        "be", "am", "is", "are", "was", "were", "been", "being", "feel", "feels", "felt", "feeling",
        "get", "gets", "got", "getting", "gotten", "fell", "falls", "fallen", "become", "becomes",
        "became", "look", "looks", "looked", "seem", "seems", "seemed", "taken", "so", "very", "really",
        "too", "quite", "seriously", "mentally", "terribly", "properly", "gravely", "an", "a", "the",
        "my", "your", "his", "her", "their", "our", "its", "this", "that", "no", "any"
    ]
)  # fmt: skip
# Words that follow "I will"/"I would" but never the adjective "ill" or the noun "id".
_AFTER_SUBJECT = frozenset(
    [
        "be", "never", "always", "still", "just", "wait", "try", "do", "make", "take", "give", "get",
        "go", "love", "miss", "call", "text", "come", "keep", "stop", "change", "probably", "prob",
        "literally", "honestly", "rather", "def", "definitely", "really", "leave", "send", "tell"
    ]
)  # fmt: skip

# After text-speak "ur", words that make it "you're", not "your" (see _reads_as_you_are).
_AFTER_YOU_ARE = frozenset(
    [
        "so", "such", "too", "not", "always", "never", "just", "literally", "really", "still", "the",
        "a", "an", "being", "gonna", "going", "right", "wrong", "welcome", "sorry", "lying", "joking"
    ]
)  # fmt: skip
# Nouns in -ing that "your" often owns ("ur wedding", "ur things").
_ING_NOUNS = frozenset(
    [
        "things", "wedding", "morning", "evening", "meeting", "feelings", "feeling", "building",
        "painting", "clothing", "belongings", "ending", "wording", "reading", "writing", "darling",
        "sibling", "siblings", "earring", "earrings", "pudding", "ceiling", "birthing", "training",
        "booking", "parking", "packing", "washing", "singing", "cooking", "driving", "drinking",
        "gaming", "hearing", "housing", "savings", "screening", "setting", "settings", "spring",
        "string", "swimming", "uprising", "upbringing", "wellbeing", "shopping"
    ]
)  # fmt: skip

# "'d" is "would" before a verb and "had" before a past participle ("I'd been", "I'd watched").
_PARTICIPLES = frozenset(
    [
        "been", "gone", "seen", "done", "known", "taken", "given", "gotten", "got", "had", "written",
        "spoken", "broken", "eaten", "forgotten", "told", "said", "thought", "felt", "lost", "found",
        "made", "left", "heard", "kept", "sent", "brought", "bought", "meant", "begun", "driven",
        "ridden", "fallen", "chosen", "hidden", "stolen", "woken", "worn", "torn", "sworn"
    ]
)  # fmt: skip

# Words ending in "-ed" that are not past participles ("I'd shred it", "a sacred place").
_ED_BASE_FORMS = frozenset(
    [
        "shred", "embed", "imbed", "sacred", "naked", "wicked", "hundred", "kindred", "rugged",
        "ragged", "jagged"
    ]
)  # fmt: skip

# Punctuation that ends a clause: a pattern's gap and the negation scan stop there.
CLAUSE_BREAKS = frozenset({";", ":", "(", ")", "[", "]", "—", "–", "-", ".", "!", "?", "…"})


@cache
def _tables() -> dict[str, dict[str, str]]:
    with open(rules_dir() / "lexicons" / "spellings.toml", "rb") as fh:
        return tomllib.load(fh)


@cache
def spellings() -> dict[str, tuple[str, ...]]:
    """The built-in spelling table: word -> the words it stands for."""
    return {key: tuple(value.split()) for key, value in _tables().get("spellings", {}).items()}


@cache
def lemmas() -> dict[str, str]:
    """Irregular forms -> the word patterns name them by ("was" -> "be", "gave" -> "give")."""
    return dict(_tables().get("lemmas", {}))


@dataclass(frozen=True, slots=True)
class Tokens:
    """Tokens of one stretch of text, as parallel tuples (fast to index in the matcher)."""

    norms: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.norms)


@lru_cache(maxsize=65536)
def read_word(raw: str) -> tuple[str, ...]:
    """The words one written word stands for: "Can't" -> ("can", "not"), "u" -> ("you",)."""
    word = raw.lower().replace("’", "'")
    if len(word) > 2:
        word = _ELONGATED.sub(r"\1", word)
    table = spellings()
    found = table.get(word)
    if found is not None:
        return found
    if "'" not in word:
        return (word,)
    if word.endswith("n't"):
        base = word[:-3]
        return (_NOT_SUFFIX.get(base, base), "not")
    base, _, clitic = word.rpartition("'")
    base_words = table.get(base, (base,))
    if clitic in _CLITICS:
        return (*base_words, _CLITICS[clitic])
    if clitic == "s":
        return (*base_words, "is") if base in _IS_HOSTS else base_words
    return (word,)


def tokenize(text: str, offset: int = 0) -> Tokens:
    """Tokens of `text`; spans are offsets into the letter (`offset` is where `text` starts)."""
    norms: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    matches = list(_TOKEN.finditer(text))
    clitic_would = False
    for n, m in enumerate(matches):
        start, end = m.start() + offset, m.end() + offset
        if m.lastgroup == "word":
            words = read_word(m.group())
            if words[0] in _TEXT_SPEAK_I and _reads_as_i(norms, matches, n):
                words = _TEXT_SPEAK_I[words[0]]
            elif m.group().lower() == "ur" and _reads_as_you_are(matches, n):
                words = ("you", "are")
        else:
            words = ("#",) if m.lastgroup == "number" else _marks(m.group())
        if clitic_would and _is_participle(words[0]):
            norms[-1] = "had"
        # "I'd", "you'd", "id": a "would" that was only ever a clitic may be "had"
        clitic_would = words[-1] == "would" and m.group().lower() != "would"
        for word in words:
            norms.append(word)
            starts.append(start)
            ends.append(end)
    return Tokens(tuple(norms), tuple(starts), tuple(ends))


def _marks(mark: str) -> tuple[str, ...]:
    # "??" and "!!!" stay stacked (two tokens), so a pattern can ask for a stacked mark
    first = _punct(mark)
    return (first, first) if len(mark) > 1 and mark[0] in "!?" else (first,)


def _punct(mark: str) -> str:
    if mark[0] in "!?":
        return "?" if "?" in mark else "!"
    return "." if mark[0] == "." else mark


def _reads_as_i(norms: list[str], matches: list[re.Match[str]], n: int) -> bool:
    """ "ill"/"id" stand for "I will"/"I would" at a clause's start, or anywhere before a word
    that only a subject can precede ("even if u marry him ill be waiting")."""
    if not _word_follows(matches, n):
        return False
    if _opens_clause(norms):
        return True
    return matches[n + 1].group().lower() in _AFTER_SUBJECT and norms[-1] not in _BEFORE_ILLNESS


def _reads_as_you_are(matches: list[re.Match[str]], n: int) -> bool:
    """Text-speak "ur" is "you're" before what only follows a subject and its verb: an -ing verb
    ("ur making it worse"), a degree word or a determiner ("ur so", "ur the one", "ur not");
    elsewhere it is "your" ("ur mum", "ur wedding")."""
    if not _word_follows(matches, n):
        return False
    following = matches[n + 1].group().lower()
    if following in _AFTER_YOU_ARE:
        return True
    return len(following) > 4 and following.endswith("ing") and following not in _ING_NOUNS


def _opens_clause(norms: list[str]) -> bool:
    return (norms[-1] if norms else "") in _CLAUSE_OPENERS


def _word_follows(matches: list[re.Match[str]], n: int) -> bool:
    return n + 1 < len(matches) and matches[n + 1].lastgroup == "word"


def _is_participle(word: str) -> bool:
    # after a clitic "'d", a past participle means "had" ("I'd been"), a bare verb "would"
    if word in _PARTICIPLES:
        return True
    return len(word) > 4 and word.endswith("ed") and not word.endswith("eed") and word not in _ED_BASE_FORMS
