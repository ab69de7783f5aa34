"""The letter as the checks see it: text, lines, paragraphs, sentences, regions, scopes.

Every offset is a code-point index into the original text, so a finding maps back
to the exact line and column the writer sees, whatever the line endings.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property

from letterlint.model import Position, Span
from letterlint.structure import LetterStructure, Line, lines_of, paragraph_breaks, parse
from letterlint.tokens import CLAUSE_BREAKS, Tokens, tokenize

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LOOKAHEAD = 2000  # characters after a line break that decide whether the line stands alone
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,:]\d+)*")

# A sentence ends at . ! ? … (stacked is fine), then optional closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "prof",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "p.s",
        "ps",
        "a.m",
        "p.m",
        "no",
        "approx",
        "mt",
        "ave",
    ]
)

_SALUTATION = re.compile(
    r"^\s*(?:(?:my\s+)?dear(?:est)?|hi|hey|hello|hiya|greetings|good\s+(?:morning|evening|afternoon)"
    r"|to|sweetheart|darling|my\s+love|love|my\s+dear"
    r"|happy\s+(?:birthday|anniversary|new\s+year|retirement|holidays|christmas|graduation))\b",
    re.IGNORECASE,
)
_VALEDICTION = re.compile(
    r"^\s*(?:with\s+)?(?:all\s+(?:of\s+)?my\s+)?(?:love|lots\s+of\s+love|much\s+love|yours|"
    r"(?:yours\s+)?(?:truly|sincerely|faithfully|always|forever|ever)|sincerely|"
    r"take\s+care|best(?:\s+wishes)?|(?:kind|warm|warmest|best)\s+regards|regards|cheers|warmly|"
    r"(?:with\s+)?(?:gratitude|thanks|affection|respect|hope|hugs)|thanks|thank\s+you|xo+x*|x+|"
    r"hugs|always|forever|ever\s+thine|ever\s+yours|until\s+soon|see\s+you(?:\s+soon)?|bye|"
    r"(?:your\s+)?(?:friend|brother|sister|son|daughter|mom|mum|dad)|affectionately|fondly|"
    r"respectfully|gratefully|hopefully|peace|be\s+well|stay\s+well|talk\s+soon|speak\s+soon)"
    r"\b[^.!?]{0,30}$",
    re.IGNORECASE,
)
_DASH_NAME = re.compile(r"^\s*[-–—~]+\s*\S.{0,30}$")
_NAME_LINE = re.compile(r"^\s*[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,2}\s*(?:,|(?<=\b\w)\.)?\s*$")
_NOT_NAMES = frozenset(
    [
        "anyway",
        "whatever",
        "idk",
        "bye",
        "ok",
        "okay",
        "fine",
        "so",
        "well",
        "yeah",
        "yes",
        "no",
        "nothing",
        "goodbye",
        "sorry",
        "please",
        "thanks",
        "nevermind",
        "lol",
        "i",
        "you",
        "me",
        "we",
        "my",
        "your",
        "it",
        "miss",
        "thank",
        "see",
        "talk",
        "soon",
        "hi",
        "hey",
        "dear",
    ]
)

# Speech verbs every reported-speech match contains: sentences without one are not scanned.
_SPEECH_WORDS = (
    "said", "says", "told", "tells", "wrote", "writes", "texted", "asked", "yelled", "shouted",
    "screamed", "accused", "called", "used to say", "would say", "put it", "saying", "exclaim",
    "replied",
)  # fmt: skip
_HYPOTHETICAL = re.compile(
    r"\b(?:if|whether|could\s+(?:say|tell|write|claim|promise)|would\s+(?:say|tell|write|claim)|"
    r"might\s+(?:say|tell|write)|tempted\s+to|pretend(?:ing)?|imagine|suppose|as\s+though|"
    r"as\s+if|easy\s+to\s+(?:say|write)|the\s+old\s+me\s+would(?:\s+have)?|used\s+to\s+(?:say|write|think))\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r"[,;:()\u2014\u2013]|\s-\s|\bbut\b|\band\s+so\b|\bbecause\b|\band\s+(?=(?:i|you|we|he|she|they)\b)",
    re.IGNORECASE,
)
_SPEECH_VERB = re.compile(
    r"(?P<subject>\b[\w'’]+(?:\s+[\w'’]+)?)\s+(?:once\s+|always\s+|even\s+|literally\s+|kept\s+)?"
    r"(?:said|says|told\s+(?:me|us|him|her|them)|tells\s+(?:me|us)|wrote|writes|texted|asked|"
    r"yelled|shouted|screamed|exclaims?|exclaimed|replied|accused\s+(?:me|you|u|him|her|them)\s+of|called\s+(?:me|you|u|him|her|them)|used\s+to\s+say|would\s+say|put\s+it|"
    r"keeps?\s+saying|kept\s+saying|was\s+saying)\b[,:]?",
    re.IGNORECASE,
)
# A report ends where the writer speaks again: at "and I", or at a turn ("but", "though")
# whoever follows it ("you said you'd call, but you never did").
_WRITER_AGAIN = re.compile(
    r"[;:]|(?:,|\b(?:and|so))\s+(?:i|i['’]m|i['’]ve|im|ive)\b|\b(?:but|though|although)\b", re.IGNORECASE
)
# "Sorry for what I said at the party" names a past act; nothing after it is reported.
_NAMED_ACT = frozenset({"what", "whatever", "everything", "anything", "something", "things", "all"})
_FIRST_PERSON_SUBJECT = re.compile(r"(?:^|\s)(?:i|we)$", re.IGNORECASE)
# What the writer once said to the reader ("I said you were lazy", "I called you a liar") is
# owned as a past act, not asserted now; "I tell you" and "I say" still speak in the present.
_PAST_SPEECH = re.compile(r"\b(?:said|told|wrote|texted|yelled|shouted|screamed|called|accused)\b", re.I)
# "I've said sorry", "you never said goodbye": the speech act is named, nothing is reported.
_NAMED_SPEECH_ACT = re.compile(
    r"\s*(?:sorry|thanks|thank\s+you|goodbye|good\s*-?bye|bye|hello|a\s+word|nothing|grace|my\s+prayers)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    span: Span
    text: str
    paragraph: int


class Document:
    """Read-only view of one letter with exact character spans."""

    def __init__(self, text: str, headings: frozenset[int] = frozenset()) -> None:
        self.text = text
        self.headings = headings  # 0-based lines that were headings in the source (Markdown, Word)
        self._line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    # -- positions -----------------------------------------------------------

    def position(self, offset: int) -> Position:
        line = bisect_right(self._line_starts, offset) - 1
        return Position(line + 1, offset - self._line_starts[line] + 1)

    def line_span(self, line: int) -> Span:
        """Span of 1-based `line` without its line break."""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] if line < len(self._line_starts) else len(self.text)
        while end > start and self.text[end - 1] in "\r\n":
            end -= 1
        return Span(start, end)

    # -- structure -----------------------------------------------------------

    @cached_property
    def lines(self) -> list[Line]:
        return lines_of(self.text)

    @cached_property
    def structure(self) -> LetterStructure:
        """Title, address block, greeting, body, sign-off, P.S., footnotes, e-mail tail."""
        return parse(self.text, self.headings)

    @cached_property
    def paragraphs(self) -> list[Span]:
        """Runs of non-blank lines, split where single-newline lines read as paragraphs and
        where a structural part (greeting, sign-off, P.S., ...) begins or ends."""
        cuts = sorted({*paragraph_breaks(self.lines), *self.structure.boundaries})
        spans: list[Span] = []
        start: int | None = None
        end = 0
        for line in self.lines:
            if not line.text:
                if start is not None:
                    spans.append(Span(start, end))
                start = None
                continue
            if start is None:
                start = line.span.start
            end = line.span.end
        if start is not None:
            spans.append(Span(start, end))
        return [p for p in (_trim(self.text, s) for s in _cut(spans, cuts)) if p.end > p.start]

    @cached_property
    def sentences(self) -> list[Sentence]:
        result: list[Sentence] = []
        for p_index, para in enumerate(self.paragraphs):
            for span in _split_sentences(self.text, para):
                result.append(Sentence(len(result), span, self.text[span.start : span.end], p_index))
        return result

    @cached_property
    def words(self) -> list[Span]:
        return [Span(m.start(), m.end()) for m in WORD.finditer(self.text)]

    @cached_property
    def word_count(self) -> int:
        """len(self.words) without building a Span per word (a 5 MB text has a million)."""
        if len(self.text) < 1_000_000:
            return len(WORD.findall(self.text))
        return sum(1 for _ in WORD.finditer(self.text))

    def sentence_at(self, offset: int) -> Sentence | None:
        starts = self._sentence_starts
        i = bisect_right(starts, offset) - 1
        if i >= 0:
            s = self.sentences[i]
            if s.span.start <= offset <= s.span.end:
                return s
        return None

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.span.start for s in self.sentences]

    # -- regions -------------------------------------------------------------

    @cached_property
    def greeting(self) -> Sentence | None:
        """The salutation ("Dear Sam,"), as the sentence the structure parser found."""
        span = self.structure.greeting
        if span is None:
            return None
        sentence = self.sentence_at(span.start)
        return sentence if sentence is not None and sentence.span.start == span.start else None

    @cached_property
    def recipient_name(self) -> str | None:
        """ "Dear Sam," -> "Sam"; None when there is no greeting or no name in it."""
        if self.greeting is None:
            return None
        rest = _SALUTATION.sub("", self.greeting.text, count=1).strip(" ,!.:;—-")
        words = rest.split()
        if not words or len(words) > 3 or not words[0][:1].isalpha():
            return None
        return rest

    @cached_property
    def writer_name(self) -> str | None:
        """The name on the last line of the sign-off ("Love,\nJo" -> "Jo", "— Jo" -> "Jo")."""
        if self.sign_off is None:
            return None
        where = self.structure.signature or self.sign_off
        last = self.text[where.start : where.end].splitlines()[-1].strip()
        if _VALEDICTION.match(last):
            # "Take care, Sam" -> "Sam"; a bare "Love," has no name in it
            last = last.rsplit(",", 1)[1] if "," in last.rstrip(",") else ""
        last = last.strip().lstrip("-–—~ ").strip()
        return last if last and _is_name_line(last, lowercase_ok=True) else None

    @cached_property
    def postscript_start(self) -> int | None:
        """Offset of a P.S., which is not part of the closing."""
        ps = self.structure.postscript
        return ps.start if ps else None

    @cached_property
    def sign_off(self) -> Span | None:
        """Valediction and signature: "Love,\nJo" / "With love,\nYour husband." / "— Jo"."""
        return self.structure.sign_off

    @cached_property
    def body_sentences(self) -> list[Sentence]:
        """Sentences of the body: after the greeting, before the sign-off, P.S., footnotes and
        any e-mail tail; never a title or an address block."""
        body = self.structure.body
        if body is None:
            return []
        return [s for s in self.sentences if s.span.start >= body.start and s.span.end <= body.end]

    @cached_property
    def closing_sentences(self) -> list[Sentence]:
        """The last two sentences of the body: what the reader is left with."""
        return self.body_sentences[-2:]

    @cached_property
    def ending_start(self) -> int | None:
        """Start of the last four body sentences: where a hopeful close belongs."""
        body = self.body_sentences[-4:]
        return body[0].span.start if body else None

    @cached_property
    def closing_region(self) -> Span | None:
        parts = [s.span for s in self.closing_sentences]
        if self.sign_off:
            parts.append(self.sign_off)
        if not parts:
            return None
        return Span(min(p.start for p in parts), max(p.end for p in parts))

    def region_of(self, span: Span) -> str:
        if self.greeting and span.end <= self.greeting.span.end:
            return "opening"
        closing = self.closing_region
        if closing and span.start >= closing.start:
            return "closing"
        return "body"

    # -- judgement scopes ----------------------------------------------------

    @cached_property
    def quoted(self) -> list[Span]:
        """Spans inside quotation marks, and reported speech after a speech verb."""
        spans = [Span(m.start(), m.end()) for m in _quote_matches(self.text)]
        if self.structure.email_tail is not None:  # a quoted reply is the other person's words
            spans.append(self.structure.email_tail)
        for sentence in self._sentences_with_speech_verbs():
            # Found once per sentence, then bisected: searching on from every verb would rescan
            # the rest of a long sentence once per verb.
            returns = [m.start() for m in _WRITER_AGAIN.finditer(sentence.text)]
            for verb in _SPEECH_VERB.finditer(sentence.text):
                subject = verb.group("subject")
                if len(subject.split()) > 1 and subject.split()[0].lower() in _NAMED_ACT:
                    continue
                own = _FIRST_PERSON_SUBJECT.search(" " + subject.split()[-1])
                if own and not _PAST_SPEECH.search(verb.group(), len(subject)):
                    continue
                if _NAMED_SPEECH_ACT.match(sentence.text, verb.end()):
                    continue
                start = sentence.span.start + verb.end()
                # The report ends where the writer speaks again: "you said no contact, and
                # I know I've messaged four times" reports only "no contact".
                # (from the verb's own comma: "since you told me, I can't sleep" is the writer)
                k = bisect_left(returns, verb.end() - 1 if verb.group().endswith(",") else verb.end())
                end = sentence.span.start + returns[k] if k < len(returns) else sentence.span.end
                if end > start:
                    spans.append(Span(start, end))
        return spans

    def is_quoted(self, span: Span) -> bool:
        """Some quoted q has q.start <= span.start and span.end <= q.end + 1 (by bisection)."""
        starts, reach = self._quoted_index
        i = bisect_right(starts, span.start)
        return i > 0 and span.end <= reach[i - 1] + 1

    @cached_property
    def _quoted_index(self) -> tuple[list[int], list[int]]:
        """Quoted spans' starts, sorted, and the furthest end reached by any span so far."""
        ordered = sorted(self.quoted, key=lambda q: q.start)
        reach: list[int] = []
        furthest = -1
        for q in ordered:
            furthest = max(furthest, q.end)
            reach.append(furthest)
        return [q.start for q in ordered], reach

    def _sentences_with_speech_verbs(self) -> list[Sentence]:
        """Sentences that contain a speech verb (the verb pattern is slow to try at every word)."""
        return [s for s in self.sentences if any(w in s.text.lower() for w in _SPEECH_WORDS)]

    # -- tokens ----------------------------------------------------------------

    @cached_property
    def tokens(self) -> Tokens:
        """Every sentence's tokens, in order (see letterlint.tokens)."""
        norms: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for sentence in self.sentences:
            part = tokenize(sentence.text, sentence.span.start)
            norms += part.norms
            starts += part.starts
            ends += part.ends
        return Tokens(tuple(norms), tuple(starts), tuple(ends))

    @cached_property
    def token_bounds(self) -> tuple[list[int], list[int]]:
        """For each token, the first token of its sentence and the one after its last."""
        lo: list[int] = []
        hi: list[int] = []
        starts = self.tokens.starts
        i = 0
        for sentence in self.sentences:
            first = i
            while i < len(starts) and starts[i] < sentence.span.end:
                i += 1
            lo += [first] * (i - first)
            hi += [i] * (i - first)
        return lo, hi

    def token_at(self, offset: int) -> int:
        """Index of the first token that ends after `offset` (len(tokens) if none)."""
        return bisect_right(self.tokens.ends, offset)

    def clause_before(self, span: Span) -> str:
        """Text from the start of the clause that contains `span` up to the span."""
        return self.text[self.clause_start(span) : span.start]

    def clause_start(self, span: Span) -> int:
        """Where the clause that contains `span` begins: after the sentence's last clause
        break (a comma, "but", "because"...) before the span. Breaks are found once per
        sentence and looked up by bisection, so a sentence of thousands of clauses costs
        no more per match than a short one."""
        sentence = self.sentence_at(span.start)
        if sentence is None:
            start = max(0, span.start - 120)
            window = self.text[start : min(span.end, span.start + 8)]
            ends = [b.end() for b in _CLAUSE_BREAK.finditer(window) if b.end() <= span.start - start]
            return start + ends[-1] if ends else start
        ends = self._scopes(sentence).break_ends
        i = bisect_right(ends, span.start) - 1
        return ends[i] if i >= 0 else sentence.span.start

    def _scopes(self, sentence: Sentence) -> _SentenceScopes:
        found = self._scope_memo.get(sentence.index)
        if found is None:
            found = _SentenceScopes.of(self.text, sentence.span)
            self._scope_memo[sentence.index] = found
        return found

    @cached_property
    def _scope_memo(self) -> dict[int, _SentenceScopes]:
        return {}

    def is_negated(self, span: Span) -> bool:
        """Negation bound to the verb it governs: "I won't beg" and "I refuse to beg" are
        negated; "I can't stop begging" is not (two negations: "can't" and "stop")."""
        i = self.token_at(span.start)
        if i >= len(self.tokens):
            return False
        return negated_at(self.tokens.norms, self.token_bounds[0][i], i)

    def is_hypothetical(self, span: Span) -> bool:
        """A condition or a 'could say' in the same clause: "If I said I'd do anything"."""
        start = self.clause_start(span)
        sentence = self.sentence_at(span.start)
        if sentence is None:
            return bool(_HYPOTHETICAL.search(self.text, start, span.start))
        markers = self._scopes(sentence).hypotheticals
        i = bisect_left(markers, (span.start, -1)) - 1  # the last marker that starts before the span
        if i < 0 or markers[i][0] < start:
            return False
        a, b = markers[i]
        if b <= span.start or _HYPOTHETICAL.search(self.text, a, span.start):
            return True  # (a marker that runs into the span may hold a shorter one before it)
        return i > 0 and markers[i - 1][0] >= start  # markers do not overlap: it ends before `a`

    def in_writer_voice(self, span: Span) -> bool:
        """False where the words are negated, quoted, reported or hypothetical."""
        return not (self.is_quoted(span) or self.is_negated(span) or self.is_hypothetical(span))


@dataclass(frozen=True, slots=True)
class _SentenceScopes:
    """One sentence's clause breaks (their ends) and hypothetical markers (start, end)."""

    break_ends: list[int]
    hypotheticals: list[tuple[int, int]]

    @classmethod
    def of(cls, text: str, span: Span) -> _SentenceScopes:
        sentence = text[span.start : span.end]  # a slice: `\b` at its start as before
        ends = [span.start + b.end() for b in _CLAUSE_BREAK.finditer(sentence)]
        markers = [(span.start + m.start(), span.start + m.end()) for m in _HYPOTHETICAL.finditer(sentence)]
        return cls(ends, markers)


def _cut(spans: list[Span], cuts: list[int]) -> list[Span]:
    """Split each span at the cut offsets that fall strictly inside it (both lists sorted)."""
    out: list[Span] = []
    i = 0
    for span in spans:
        while i < len(cuts) and cuts[i] <= span.start:
            i += 1
        start = span.start
        j = i
        while j < len(cuts) and cuts[j] < span.end:
            out.append(Span(start, cuts[j]))
            start = cuts[j]
            j += 1
        out.append(Span(start, span.end))
    return out


def _trim(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _is_name_line(raw: str, lowercase_ok: bool = False) -> bool:
    """ "Sam", "Daniel Reyes", "Lucy (number 12)", "ellie xx"; not "Anyway, whatever"."""
    stripped = re.sub(r"(?<!\s)\s*\([^)]{0,30}\)\s*$", "", raw.strip())  # (?<!\s): linear
    stripped = re.sub(r"(?<!\s)\s+x+o*x*$", "", stripped, flags=re.IGNORECASE)
    if not stripped or len(stripped) > 30 or not _NAME_LINE.match(stripped):
        return False
    words = [w.lower() for w in WORD.findall(stripped)]
    if not words or any(w in _NOT_NAMES for w in words):
        return False
    return stripped[0].isupper() or (lowercase_ok and len(words) <= 2)


def _quote_matches(text: str) -> list[re.Match[str]]:
    pattern = re.compile(
        r"\"[^\"\n\r]{1,400}\"|“[^”\n\r]{1,400}”|‘[^’\n\r]{1,400}’(?![^\W\d_])"
        r"|(?<![\w'’])'(?=[^\W\d_\s])[^'\n\r]{1,400}?(?<![\s])'(?![\w])"
    )
    return list(pattern.finditer(text))


def _split_sentences(text: str, para: Span) -> list[Span]:
    spans: list[Span] = []
    start = para.start
    chunk = text[para.start : para.end]
    cuts: list[int] = []
    for m in _SENTENCE_END.finditer(chunk):
        if m.group().startswith(".") and len(m.group().rstrip("\"'”’)]")) == 1:
            # A bounded window: searching the whole prefix made long paragraphs quadratic.
            word = re.search(r"([\w.]+)$", chunk[max(0, m.start() - 40) : m.start()])
            if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
                continue
        cuts.append(para.start + m.end())
    cuts.extend(_line_cuts(text, para))
    for cut in sorted(set(cuts)):
        if cut <= start:
            continue
        span = _trim(text, Span(start, cut))
        if span.end > span.start:
            spans.append(span)
        start = cut
    tail = _trim(text, Span(start, para.end))
    if tail.end > tail.start:
        spans.append(tail)
    return spans


def _line_cuts(text: str, para: Span) -> list[int]:
    """Short lines (a salutation, a sign-off, a name) stand as sentences of their own, and so
    do the lines of unpunctuated phone messages (`_message_cuts`)."""
    cuts = []
    chunk = text[para.start : para.end]
    cuts.extend(_message_cuts(chunk, para.start))
    line_start = 0
    for m in _LINE_BREAK.finditer(chunk):
        line = chunk[line_start : m.start()].strip()
        line_start = m.end()
        # Look ahead a bounded window (copying the whole rest per line was quadratic);
        # the `$`-anchored patterns below can only match a short remainder anyway.
        whole = m.end() + _LOOKAHEAD >= len(chunk)
        nxt = chunk[m.end() : m.end() + _LOOKAHEAD].lstrip()
        words = len(WORD.findall(line))
        if words == 0:
            continue
        short_line = words <= 6 and (
            line.endswith((",", ":", "!"))
            or (nxt[:1].isupper() and not line[-1:].isalpha())
            or _SALUTATION.match(line) is not None
            or (whole and _VALEDICTION.match(nxt) is not None)
            or _VALEDICTION.match(line) is not None
            or (whole and _DASH_NAME.match(nxt) is not None)
        )
        if short_line or (nxt[:1] in "-–—•*" and nxt[:1] != ""):
            cuts.append(para.start + m.start())
    return cuts


def _message_cuts(chunk: str, offset: int) -> list[int]:
    """In a run of unpunctuated phone messages, each line break ends a thought.

    Only where the writer ends no sentence anywhere in the paragraph: prose, wrapped or not,
    has its full stops, and there a line break is where the page ran out.
    """
    if _SENTENCE_END.search(chunk):
        return []  # a stop anywhere, even the last character: prose, perhaps hard-wrapped
    # Each line that has a non-blank line after it (one pass over the lines: linear).
    lines = [(m.start(), m.group()) for m in _LINE.finditer(chunk)]
    followed = [(start, line) for (start, line), (_, nxt) in itertools.pairwise(lines) if nxt.strip()]
    if len(followed) < 2 and not (followed and len(followed[0][1]) < 50):
        return []  # two long lines may be one wrapped sentence
    cuts = []
    for start, raw in followed:
        line = raw.rstrip()
        last = line.rsplit(None, 1)[-1].lower() if line else ""
        if line and line[-1] not in ".!?…,;:" and last not in _CARRIES_ON:
            cuts.append(offset + start + len(line))
    return cuts


_LINE = re.compile(r"[^\r\n]+")


# A line ending on one of these runs on into the next ("the lake and / the evening...").
_CARRIES_ON = frozenset((
    "and", "or", "but", "nor", "the", "a", "an", "to", "of", "in", "on", "at", "for", "with", "from",
    "that", "which", "who", "whom", "whose", "my", "your", "ur", "our", "their", "his", "her", "its",
    "is", "was", "were", "are", "be", "been", "am", "i", "we", "you", "u", "so", "because", "cos",
    "if", "when", "than", "as", "by", "about", "into", "like", "just", "not", "very", "more", "most",
))  # fmt: skip


# -- negation scope ----------------------------------------------------------------------

_NEGATORS = frozenset({"not", "never", "no", "nor", "without", "nobody", "nothing"})
# Verbs that end what follows them: "I stopped begging", "I refuse to beg".
_CESSATIVE = frozenset(
    [
        "stop",
        "stops",
        "stopped",
        "stopping",
        "quit",
        "quits",
        "quitting",
        "refuse",
        "refuses",
        "refused",
        "refusing",
        "avoid",
        "avoids",
        "avoided",
        "avoiding",
    ]
)
# Words a negation reaches across to the verb it governs: auxiliaries, "to", adverbs, and
# verbs that pass their negation on ("I don't want to beg", "I'm not going to beg").
_TRANSPARENT = frozenset(
    [
        "am",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "to",
        "going",
        "gonna",
        "want",
        "wants",
        "wanted",
        "need",
        "needs",
        "needed",
        "try",
        "trying",
        "tried",
        "plan",
        "planning",
        "mean",
        "meant",
        "intend",
        "intending",
        "wish",
        "like",
        "dare",
        "going",
        "gotta",
        "got",
        "ever",
        "even",
        "really",
        "just",
        "honestly",
        "truly",
        "actually",
        "again",
        "anymore",
        "longer",
        "further",
        "still",
        "please",
        "say",
        "saying",
        "said",
        "tell",
        "telling",
        "claim",
        "claiming",
        "pretend",
        "pretending",
        "think",
        "thinking",
        "that",
        "i",
        "we",
        "you",
        "he",
        "she",
        "they",
    ]
)
_PAIRS = {("instead", "of"), ("rather", "than"), ("no", "longer")}


_NEGATION_REACH = 12  # words a negation reaches back across to the verb it governs


def negated_at(norms: tuple[str, ...], lo: int, i: int) -> bool:
    """Whether token i is negated by the words before it in its clause. Negators and verbs
    of stopping flip the polarity ("can't stop" is two flips); the scan goes back across
    auxiliaries, adverbs and verbs that pass negation on, and stops at anything else."""
    negated = False
    n = i - 1
    while n >= max(lo, i - _NEGATION_REACH):  # bounded: a run of "please" must not make it quadratic
        word = norms[n]
        if word in CLAUSE_BREAKS or word == ",":
            break
        if n > lo and (norms[n - 1], word) in _PAIRS:
            negated = not negated
            n -= 2
            continue
        if word in _NEGATORS or word in _CESSATIVE:
            negated = not negated
        elif word not in _TRANSPARENT:
            break
        n -= 1
    return negated
