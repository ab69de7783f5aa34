"""Crisis rules (`crisis = true`, e.g. rules/self-harm.toml): a writer who may be in danger.

Recall comes first: a miss can cost far more than a false alarm. So a crisis rule ignores the
scopes that quiet other rules (a threat inside "if you leave, ..." is still a threat, and a
line the writer quotes may still be their own), and a match is dropped only where it overlaps
an idiom ("I'd rather die than sit that exam again"). Three nets are read: the rule's patterns,
the word classes adding up across neighbouring sentences (`cue_sentences`), and a learned
scorer (`scored_sentences`, letterlint/crisis_model.py). Two kinds are lowered to info, and
keep the support note:

- a clear denial: "I'm not going to hurt myself", "I won't do anything to myself";
- a clearly past, resolved statement: a time in the past ("two years ago", "back in uni",
  "used to") and a sign that it is over now ("I'm safe now", "got help", "in recovery").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from letterlint import crisis_model
from letterlint import crisis_words as CRISIS
from letterlint.checks import starts
from letterlint.checks.base import Context, accepted_matches, cancelled_in_sentence, every_start, in_region
from letterlint.checks.kind import index_of
from letterlint.checks.lazy import LazyPattern
from letterlint.document import Document, Sentence
from letterlint.model import Finding, Severity, Span
from letterlint.required import split_alternatives
from letterlint.rulepack import Rule

DENIED_MESSAGE = (
    "You say you won't act on this, and that is good to hear. It still sounds like you have been "
    "carrying something heavy, and you don't have to carry it alone."
)
RESOLVED_MESSAGE = (
    "You write about a very hard time that you have come through, and it took courage to put it "
    "into words. If those feelings ever come back, reaching out early is a strength."
)

# A negator close before the match denies it ("I'm not going to", "I would never", "I won't").
_NEGATOR = re.compile(
    r"\b(?:not|never|no|nothing|won['’]?t|wont|don['’]?t|dont|didn['’]?t|isn['’]?t|wouldn['’]?t|"
    r"shan['’]?t|ain['’]?t|aren['’]?t|am\s+not|i['’]?m\s+not)\b",
    re.IGNORECASE,
)
# ...unless it negates something else: "I don't know what I'll do to myself", "if you don't".
_NOT_A_DENIAL = re.compile(
    r"\b(?:know|knew|think|thought|sure|idea|care|cares|matter|matters|see|believe|understand|how|"
    r"why|what|whether|mind|way|one|body|longer|reason|point|afraid|scared|find|stop|help)\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(?:i|i['’]?m|im|i['’]?ve|i['’]?d|i['’]?ll)\b", re.IGNORECASE)
_CONDITION = re.compile(r"\b(?:if|unless|until|or\s+else|otherwise)\b", re.IGNORECASE)

# A time that is over: the statement is about the past.
_PAST = re.compile(
    r"\b(?:ago|used\s+to|back\s+(?:then|in|when)|years?\s+back|long\s+before|before\s+I\s+(?:met|knew)|"
    r"when\s+I\s+was\s+(?:\w+\s+){0,2}(?:\d+|young|younger|little|a\s+(?:teen\w*|kid|child|student)|"
    r"at\s+(?:school|uni\w*|college)|sixteen|fifteen|fourteen|seventeen|eighteen|nineteen|"
    r"thirteen|twenty)|in\s+(?:19|20)\d\d|that\s+was\s+(?:in\s+)?(?:\d{4}|years|a\s+long)|"
    r"there\s+was\s+a\s+(?:time|winter|summer|year|period)|at\s+the\s+time|"
    r"in\s+my\s+(?:teens|twenties|thirties)|as\s+a\s+teen\w*|once\s+before|last\s+(?:year|winter))\b",
    re.IGNORECASE,
)
# It is over now, and the writer has help.
_RESOLVED = re.compile(
    r"\b(?:(?:i['’]?m|im|i\s+am|i['’]?ve\s+been|feeling)\s+(?:\w+\s+){0,2}(?:safe|ok|okay|fine|well|better|"
    r"doing\s+(?:well|better|okay|ok|fine))(?:\s+now)?|safe\s+now|ok\s+now|okay\s+now|well\s+now|"
    r"better\s+now|got\s+(?:\w+\s+)?help|with\s+help|getting\s+help|therap\w+|counsell?\w+|"
    r"medication\s+is\s+working|in\s+recovery|recovered|came\s+(?:out\s+of|through)\s+it|"
    r"(?:haven['’]?t|have\s+not|hasn['’]?t)\s+(?:\w+\s+){0,2}(?:for|since|in)\s|"
    r"part\s+of\s+my\s+life\s+is\s+over|proud\s+of\s+how\s+far|good\s+people\s+around\s+me|"
    r"crisis\s+plan|(?:glad|grateful|thankful)\b[^.!?]{0,40}\b(?:stopped|alive|here|survived|"
    r"found\s+me)|that['’]?s\s+behind\s+me|behind\s+me\s+now|not\s+anymore|no\s+longer\s+feel)",
    re.IGNORECASE,
)


def run(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """One finding per sentence, at the first match in it; see the module docstring."""
    seen: set[int] = set()
    count = 0
    spans = [sp for sp in _matches(rule, ctx) if not _in_an_idiom(ctx.doc, sp)]
    covered = {_index(ctx.doc, sp) for sp in spans}
    spans += [sp for sp in cue_sentences(ctx.doc) if _index(ctx.doc, sp) not in covered]
    covered |= {_index(ctx.doc, sp) for sp in spans}
    scored = [sp for sp in scored_sentences(ctx.doc) if _index(ctx.doc, sp) not in covered]
    spans += [sp for sp in scored if not said_by_another(ctx.doc, sp)]
    for span in sorted(spans, key=lambda sp: sp.start):
        sentence = ctx.doc.sentence_at(span.start)
        key = sentence.index if sentence else -span.start
        if key in seen:
            continue
        seen.add(key)
        finding = ctx.finding(rule, span)
        if denied(ctx.doc, span):
            finding = dataclasses.replace(finding, severity=Severity.INFO, message=DENIED_MESSAGE)
        elif past_and_resolved(ctx.doc, span):
            finding = dataclasses.replace(finding, severity=Severity.INFO, message=RESOLVED_MESSAGE)
        yield dataclasses.replace(finding, suggestion=None, crisis=True)
        count += 1
        if count >= rule.spec.max_per_letter:
            return


# A speech verb and its speaker: "you said", "Mum told me", "I wrote" (the writer's own).
_SPEECH = re.compile(
    r"(?P<subject>\b(?i:i|we|you|u|he|she|they|your\s+\w+|his\s+\w+|her\s+\w+|their\s+\w+|my\s+\w+)"
    r"|\b[A-Z][a-z]+)\s+(?i:(?:(?!(?:i|we)\b)\w+\s+)?(?:said|says|told|tells|wrote|writes|texted|asked|asks|shouted|"
    r"yelled|screamed))\b"
)
_WRITER = frozenset({"i", "we"})


_QUOTE_MARKS = re.compile(r"\"[^\"\n]{1,400}\"|“[^”\n]{1,400}”")


def said_by_another(doc: Document, span: Span) -> bool:
    """The scorer's words stand inside quotation marks that the sentence gives to someone else
    ("You said to me, \"I can't keep being the only one who plans\""). Only the scorer is
    quieted so, and only inside the marks (a report without them, "you always said I'd be the
    death of you; turns out ...", runs on into the writer's own words): the patterns and the
    word classes still read every quote, which may be the writer's own."""
    sentence = doc.sentence_at(span.start)
    if sentence is None:
        return False
    base = sentence.span.start
    for quote in _QUOTE_MARKS.finditer(sentence.text):
        if base + quote.start() <= span.start and span.end <= base + quote.end():
            # the last speech verb before the quote names its speaker ("you said no, so I wrote")
            verbs = list(_SPEECH.finditer(doc.text, base, base + quote.start()))
            return bool(verbs) and verbs[-1].group("subject").split()[0].lower() not in _WRITER
    return False


def _index(doc: Document, span: Span) -> int | None:
    sentence = doc.sentence_at(span.start)
    return sentence.index if sentence is not None else None


def _matches(rule: Rule, ctx: Context) -> Iterator[Span]:
    """A match at every start position (recall first), in any scope, outside `unless`."""
    matchers = rule.spec.matchers
    if matchers.regex is None:
        yield from accepted_matches(ctx, rule)
        return
    index = index_of(matchers)
    found = index.matches(ctx.doc.text) if index else every_start(matchers.regex, ctx.doc.text, rule)
    for m in found:
        span = Span(m.start(), m.end())
        wanted = span.end > span.start and in_region(ctx, matchers.region, span)
        if wanted and not cancelled_in_sentence(ctx, rule, matchers, span):
            yield span


_WORDS = "(?<![\\w'’])(?:\x00)(?![\\w'’])"  # the words alone, not inside longer ones


def _words(source: str) -> LazyPattern:
    """A cue class or the idioms: asked about one sentence at a time, each compiled only as
    far as that sentence needs (most need none of a class); see checks.lazy."""
    parts = tuple(f"(?:{part})" for part in split_alternatives(source))
    return LazyPattern(parts, re.IGNORECASE, _WORDS)


_SELF = re.compile(_WORDS.replace("\x00", CRISIS.FIRST_PERSON), re.IGNORECASE)
_IDIOMS = _words(CRISIS.IDIOMS)
_CORE = frozenset(CRISIS.CORE_CLASSES)
_SELF_EVIDENT = frozenset(CRISIS.SELF_EVIDENT_CLASSES)
_CUES = {name: (weight, _words(source)) for name, (weight, source) in CRISIS.CUE_CLASSES.items()}


_CUE_NAMES = tuple(_CUES)
_CUE_SOURCES = tuple(pattern.pattern for _, pattern in _CUES.values())


def lazy_patterns() -> list[LazyPattern]:
    """The cue classes and the idioms (their analyses are cached with the rule set)."""
    return [pattern for _, pattern in _CUES.values()] + [_IDIOMS]


_MEMO_LIMIT = 5_000  # sentences whose cue classes and idioms are remembered (the scorer asks again)
_cue_memo: dict[str, frozenset[str]] = {}
_idiom_memo: dict[str, tuple[Span, ...]] = {}


def cue_classes(text: str) -> set[str]:
    """The cue classes present in a sentence, after its idioms are taken out."""
    return set(crisis_model.remembered(_cue_memo, text, _cue_classes, _MEMO_LIMIT))


def _cue_classes(text: str) -> frozenset[str]:
    text = without_idioms(text, " ")
    index = starts.index_for(_CUE_SOURCES, re.IGNORECASE)
    if index is None:
        return frozenset(name for name, (_, pattern) in _CUES.items() if pattern.search(text))
    return frozenset(_CUE_NAMES[i] for i in index.which(text))


def clear_memo() -> None:
    """Forget the sentences seen so far, here and in the scorer (benchmarks start from nothing)."""
    _cue_memo.clear()
    _idiom_memo.clear()
    crisis_model.clear_memo()


def build_indexes() -> None:
    """The first-word indexes of the cue classes and idioms, ahead of the first lint."""
    starts.index_for(_CUE_SOURCES, re.IGNORECASE)
    starts.index_for((_IDIOMS.pattern,), re.IGNORECASE)


def idiom_spans(text: str) -> tuple[Span, ...]:
    """Where the idioms are in a sentence ("dying to see you", "I'd rather die than sit that
    exam again"), remembered per sentence: the word classes and the scorer ask again."""
    return crisis_model.remembered(_idiom_memo, text, _idiom_spans, _MEMO_LIMIT)


def _idiom_spans(text: str) -> tuple[Span, ...]:
    index = starts.index_for((_IDIOMS.pattern,), re.IGNORECASE)
    matches = index.finditer(text) if index else _IDIOMS.finditer(text)
    return tuple(Span(m.start(), m.end()) for m in matches)


def _in_an_idiom(doc: Document, span: Span) -> bool:
    sentence = doc.sentence_at(span.start)
    if sentence is None:
        return False
    shifted = Span(span.start - sentence.span.start, span.end - sentence.span.start)
    return any(shifted.overlaps(idiom) for idiom in idiom_spans(sentence.text))


def without_idioms(text: str, blank: str | None = None) -> str:
    """The text with each idiom replaced by `blank`, or by as many spaces (None)."""
    pieces, last = [], 0
    for m in idiom_spans(text):
        pieces += [text[last : m.start], blank if blank is not None else " " * (m.end - m.start)]
        last = m.end
    return "".join(pieces) + text[last:]


def cue_sentences(doc: Document) -> list[Span]:
    """Where sentences fire whose cues, with those of their neighbours in the same paragraph,
    add up (see crisis_words.CUE_CLASSES): "Please look after the cat for me. I won't be back."
    fires though neither sentence names the act. The span is the sentence's first cue, so that a
    denial before it ("I'm not going to do anything stupid") is read as one."""
    sentences = doc.sentences
    found = [_sentence_cues(s.text) for s in sentences]
    out = []
    for i, sentence in enumerate(sentences):
        if not found[i] & _CORE:
            continue  # the sentence itself must hold a core cue, not only its neighbours
        window = [j for j in (i - 1, i, i + 1) if 0 <= j < len(sentences)]
        window = [j for j in window if sentences[j].paragraph == sentence.paragraph]
        self_evident = any(found[j] & _SELF_EVIDENT for j in window)
        if not self_evident and not any(_SELF.search(sentences[j].text) for j in window):
            continue
        if _adds_up([found[j] for j in window]):
            out.append(_first_cue(sentence))
    return out


def sentence_blocks(text: str) -> crisis_model.Blocks:
    """What the scorer reads of a sentence: its words with the idioms taken out, and its cue
    classes."""
    return crisis_model.blocks(without_idioms(text, " "), cue_classes(text))


def scored_sentences(doc: Document) -> list[Span]:
    """Where the learned scorer (crisis_model) finds danger, reading every sentence alone and
    with its neighbour in the paragraph: in a passage above the threshold, the sentence that
    scores higher alone. The span is a word of it, so that a denial before it is read as one
    (see `_strongest_word`). It adds to the word classes and never overrules them."""
    sentences = doc.sentences
    model = crisis_model.model()
    alone: list[float] = []  # each sentence's own probability, read before any pair holding it
    fired: set[int] = set()
    for passage in crisis_model.passages(sentences, sentence_blocks):
        probability = model.probability(passage.blocks)
        if len(passage.sentences) == 1:
            alone.append(probability)
        if probability >= model.threshold:
            fired.add(max(passage.sentences, key=lambda i: alone[i]))
    return [_strongest_word(sentences[i], model) for i in sorted(fired)]


def _strongest_word(sentence: Sentence, model: crisis_model.Model) -> Span:
    """The sentence's first cue if it has one, else its content word that weighs most."""
    if cue_classes(sentence.text):
        return _first_cue(sentence)
    words = crisis_model.word_spans(sentence.text)
    best = model.strongest_word([w for _, _, w in words])
    if best is None:
        return sentence.span
    start, end, _ = words[best]
    return Span(sentence.span.start + start, sentence.span.start + end)


def _first_cue(sentence: Sentence) -> Span:
    text = without_idioms(sentence.text)
    firsts = [m for _, pattern in _CUES.values() if (m := pattern.search(text))]
    if not firsts:
        return sentence.span
    first = min(firsts, key=lambda m: m.start())
    return Span(sentence.span.start + first.start(), sentence.span.start + first.end())


def _sentence_cues(text: str) -> set[str]:
    if len(text) > 250:
        return set()  # a run-on wall of text would mix unrelated cues
    found = cue_classes(text)
    if "death" in found:
        found.discard("mortal")  # one mention of dying counts once
    return found


def _weight(classes: set[str]) -> int:
    return sum(_CUES[name][0] for name in classes)


def _adds_up(window: list[set[str]]) -> bool:
    """Two different core kinds together (a means and going towards it, a burden and an
    absence); or enough weight, with enough of it from the core, where a kind said again in
    a neighbouring sentence counts again."""
    if len(set().union(*window) & _CORE - {"means"}) >= 2:  # a place alone is often just a place
        return True
    # A place named again in the next sentence is still one place: means count once.
    counted = [classes - {"means"} for classes in window]
    counted[0] = counted[0] | (set().union(*window) & {"means"})
    total = sum(_weight(classes) for classes in counted)
    return (
        sum(_weight(classes & _CORE) for classes in counted) >= CRISIS.CORE_WEIGHT
        and total >= CRISIS.CUE_THRESHOLD
    )


def denied(doc: Document, span: Span) -> bool:
    """A negator among the few words before the match, negating the match itself."""
    words = doc.clause_before(span).split()[-6:]
    tail = " ".join(words)
    negators = list(_NEGATOR.finditer(tail))
    if not negators:
        return False
    last = negators[-1]
    if _CONDITION.search(tail[: last.start()]):
        return False  # "if you don't come back, I'll ..." negates the condition
    if not (_FIRST_PERSON.search(tail[: last.start()]) or _FIRST_PERSON.search(last.group())):
        return False  # "please don't blame yourself for what I'm about to do" asks the reader
    return not _NOT_A_DENIAL.search(tail[last.end() :]) and not _NOT_A_DENIAL.search(last.group())


def past_and_resolved(doc: Document, span: Span) -> bool:
    """The sentence (or the one before) is about the past, and it or the next two say it is over."""
    sentence = doc.sentence_at(span.start)
    if sentence is None:
        return False
    sentences = doc.sentences
    i = sentence.index
    same_paragraph = [s for s in sentences[max(0, i - 1) : i + 3] if s.paragraph == sentence.paragraph]
    before = [s.text for s in same_paragraph if s.index <= i]
    after = [s.text for s in same_paragraph if s.index >= i]
    return bool(_PAST.search(" ".join(before))) and bool(_RESOLVED.search(" ".join(after)))


def quiet_rewrites(findings: list[Finding], doc: Document) -> list[Finding]:
    """No rewording is offered for a sentence that raised a crisis finding, by any rule."""
    spans = [s.span for f in findings if f.crisis for s in [doc.sentence_at(f.span.start)] if s is not None]
    if not spans:
        return findings
    out = []
    for f in findings:
        end = max(f.span.end, f.span.start + 1)
        if f.suggestion and any(f.span.start < s.end and s.start < end for s in spans):
            f = dataclasses.replace(f, suggestion=None)
        out.append(f)
    return out
