"""Check kind `closing`: how the letter ends, judged as a unit.

The closing is the last one to three sentences of the body, before the sign-off (and any
P.S.). Each closing rule reads them together:

- `detect = "phrases"`: the rule's patterns in the closing, and findings of the rules it
  `echoes` there (a last line that begs is a weak ending as well as a plea); the last
  such place is reported;
- `detect = "negative-ending"`: the closing's tone toward the reader, as letterlint judges
  it (letterlint.tone), is low; or one of its patterns (a cold or dismissive last word)
  is there. It stays quiet when another closing rule already names the problem;
- `detect = "no-closing"`: the letter stops mid-thought, with no sign-off (or, above a
  sign-off, its last words break off inside a clause: "... if you're").

Three keys narrow what a closing rule reads: `sentences` (1 to 3, default 3) takes fewer of
the last sentences; `last_paragraph = true` reads only those in the body's last paragraph,
unless that paragraph is a one-line coda of a few words ("Your call.", "Think it over."),
which is read with the paragraph before it; `defer` names rules of the family whose finding
in a sentence leaves that sentence to them, so one last line gets one verdict. A rule's
`unless` cancels its echoes in that sentence too. (In a circle of rules that defer to each
other, the one asked second sees the first's findings as none: see `Context.run_rule`.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from letterlint.checks.base import Context, accepted_matches, cancelled_in_sentence
from letterlint.checks.kind import MATCHER_KEYS, CheckKind, Matchers, Reader
from letterlint.document import Sentence
from letterlint.kinds import LABEL_KINDS, kind_of
from letterlint.model import Finding, Span
from letterlint.rulepack import Rule
from letterlint.structure import signed_your_name, stops_mid_thought
from letterlint.tone import tones_without_problems

DETECTORS = ("phrases", "negative-ending", "no-closing")


@dataclass(frozen=True, slots=True)
class ClosingRule:
    detect: str
    echoes: tuple[str, ...] = ()  # other families' kinds that weaken an ending
    matchers: Matchers | None = None
    sentences: int = 3  # how many of the last body sentences the rule reads
    last_paragraph: bool = False  # only those in the last paragraph of the body
    defer: tuple[str, ...] = ()  # closing rules that name a sentence before this one does


def parse(reader: Reader) -> ClosingRule:
    reader.expect("detect" in reader.data, "a closing rule needs 'detect'", "kind")
    detect = reader.choice("detect", DETECTORS, None) or ""
    echoes = reader.strings("echoes")
    for echo in echoes:
        family, _, label = echo.partition("/")
        reader.expect(
            family in LABEL_KINDS and (not label or label in LABEL_KINDS[family]),
            f"echoes names a family or family/kind, not {echo!r}",
            "echoes",
        )
    matchers = reader.matchers(required=False)
    reader.expect(
        detect != "phrases" or matchers is not None or bool(echoes), "needs patterns or echoes", "detect"
    )
    sentences = reader.count("sentences", UNIT)
    reader.expect(sentences <= UNIT, f"'sentences' is at most {UNIT}", "sentences")
    defer = reader.strings("defer")
    for other in defer:
        reader.expect(other.startswith(f"{reader.family}/"), f"defer names a {reader.family} rule", "defer")
    return ClosingRule(detect, echoes, matchers, sentences, reader.boolean("last_paragraph", False), defer)


UNIT = 3  # sentences in the closing
RUN_ON_WORDS = 80  # a sentence longer than this is a run-on: only its tail is the closing
TAIL_WORDS = 40
_WORD = re.compile(r"\S+")
CODA_WORDS = 6  # a last paragraph this short reads with the one before it
TRAILING_WORDS = 8  # a last line this short after a paragraph that breaks off trails away
_BLANK_LINE = re.compile(r"(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r|\n)")  # any line ending
NEVER_ECHOED = ("desperation/self-harm",)  # a safety note, never a verdict on the letter

# A letter that stops on one of these words, or on a colon or comma, stops mid-thought.
_DANGLING = frozenset(
    [
        "a", "an", "the", "and", "or", "but", "because", "cause", "cuz", "bc", "if", "while", "which",
        "whose", "to", "of", "at", "in", "on", "for", "with", "from", "by", "about", "into", "onto",
        "than", "as", "is", "can", "could", "will", "would", "shall", "should", "must", "i", "we",
        "my", "your", "ur", "our", "their", "his", "her", "although", "unless", "whether", "im", "ive",
        "id", "ill",
    ]
)  # fmt: skip
# (kisses as x+(o+x*)? rather than x+o*x*: one way to read a run of x's, so no backtracking)
_FINISHED = re.compile(
    r"[.!?…)\]\"'”’*~]\s*$|[\U0001F300-\U0001FAFF\u2600-\u27BF\ufe0f]\s*$|\bx+(?:o+x*)?\s*$|<3\s*$"
)
# Last words that break off inside a clause: a conjunction and its subject ("... if you"),
# a subject and its helper verb ("... we'd still be", "I want"), a preposition and
# its determiner ("... like some"), or a word that always announces more ("including").
_BREAKS_OFF = re.compile(
    r"(?:\b(?:if|when|whether|because|cause|unless|until|while|where|since|that|and|but|or)\s+"
    r"(?:you|u|we|they|he|she|i|it|there|you['’]?re|we['’]?re|they['’]?re|you\s+were|we\s+were|you['’]?d|we['’]?d)"
    r"|\b(?:still|would|could|might|['’]d)\s+be|\b(?:like|of)\s+some"
    r"|^(?:and\s+|but\s+|so\s+)?(?:i|we)\s+(?:\w+\s+)?(?:want|wanted|wish|wished|mean|meant|hope|feel|felt|just)"
    r"|\b(?:including|especially|namely|whereas|despite|except|towards?|during|between|among)"
    r"|\b(?:admit|admitted|realise|realised|realize|realized)\s+(?:that\s+)?(?:you|u|we|i)"
    r"|\b(?:you|u|they)['’]?re|\bwe['’]re|\b(?:i|you|u|we|they|he|she)\s+said)\W*$",
    re.IGNORECASE,
)
# Last words that cannot end a sentence at all, read even above a sign-off when no end mark
# follows: an article or possessive waiting for its noun ("... all your"), a preposition
# waiting for its object ("... the back of"), a conjunction waiting for its clause ("...
# whether", "... and"), 'that' after a verb of saying or thinking ("I wanted to say that"),
# a copula after what announces the point ("the thing is", "what I mean was"), 'to' after
# a noun or a verb that does not take it alone ("we could go to"), and an adverb that
# waits for its verb after a subject or a conjunction ("... who ever", "and I still",
# "and honestly", "I keep thinking maybe").
_ADVERB_WAITS = (
    r"(?:just|still|ever|even|never|always|really|also|only|actually|maybe|perhaps|probably|honestly|truly)"
)
_CANNOT_END = re.compile(
    r"(?:\b(?:a|an|the|my|your|ur|our|their|its|every|each|of|with|from|into|onto|towards?|than|"
    r"and|nor|because|cause|cos|although|unless|whether|whereas|whose)"
    r"|(?<!\bwhat)(?<!\bas)\s+if|(?<!\bsay)(?<!\bsince)\s+when"
    # a contracted helper verb never ends a clause ("I think I'll", "maybe it's")
    r"|\b(?:i|you|u|we|they|he|she|it|that|there|who|what)['’](?:m|d|ll|ve|re|s)|\bim"
    # a subject waiting for its verb ("maybe it's time we", "and I know that I")
    r"|(?<!\bthan)(?<!\bas)(?<!\bdo)(?<!\bdid)(?<!\bare)(?<!\bwere)(?<!\bwill)(?<!\bcan)(?<!\bcould)"
    r"(?<!\bwould)(?<!\bshould)(?<!\bhave)(?<!\bhas)(?<!\bhad)(?<!\bis)(?<!\bwas)(?<!\bdoes)(?<!\bmust)"
    r"(?<!\bmay)(?<!\bmight)\s+(?:we|they|he|she)"
    r"|\b(?:that|if|when|because|so|what|how|why|where|wish|hope|think|thought|know|knew|maybe|"
    r"whether|until|since|while|but)\s+i"
    # a clause opened on its subject and left without a verb ("... whether you and the kids",
    # "and if your mother", "I hope that one day")
    r"|\b(?:whether|if|that|when|because|unless|until)\s+(?:(?:you|we|they|he|she|i|and|or)\s+)*"
    r"(?:the|a|an|my|your|ur|our|his|her|their|one|every)\s+[^\W\d_]+"
    r"|\b(?:say|said|saying|tell\s+you|told\s+you|think|thought|thinking|know|knew|hope|hoped|wish|"
    r"mean|meant|realise|realised|realize|realized|feel|felt|believe|sure|so|understand|admit|"
    r"promise|is|was)\s+that"
    r"|\b(?:thing|truth|point|problem|reason|question|fact|say|tell\s+you|ask|mean|meant|wanted|"
    r"trying|saying|is|was)\s+(?:is|was)"
    r"|(?<!\bwant)(?<!\bwanna)(?<!\blike)(?<!\blove)(?<!\bneed)(?<!\bhave)(?<!\bhas)(?<!\bhad)"
    r"(?<!\bgoing)(?<!\bused)(?<!\bought)(?<!\bgot)(?<!\btry)(?<!\btried)(?<!\bmean)(?<!\bmeant)"
    r"(?<!\bable)(?<!\bsupposed)(?<!\ballowed)(?<!\bwanted)(?<!\bhoping)(?<!\bagreed)(?<!['’]d)"
    r"(?<!\bpromised)(?<!\bdecided)(?<!\bhope)(?<!\bwish)(?<!\bdeserve)(?<!\bchoose)(?<!\bnot)"
    r"(?<!\bneeded)(?<!\bplanning)(?<!\bplanned)(?<!\bwould)\s+to"
    rf"|\b(?:i|you|u|we|they|he|she|who|and|but|or|because|cause|that)(?:['’](?:d|ll|ve|re|m))?\s+"
    rf"(?:{_ADVERB_WAITS}\s+)*"
    r"(?:just|still|ever|even|never|always|really|also|only|actually)"
    r"|\b(?:and|but|or|so|because|thinking|think|thought|wondering|wonder)\s+"
    r"(?:maybe|perhaps|honestly|probably|then|also))\W*$",
    re.IGNORECASE,
)
# ...but a preposition left at the end of its clause ("someone to talk to", "the one I grew up
# with"), an object before 'to' ("whenever you want me to") and a closing 'always' or 'ever'
# ("love you always", "forever and ever") end English sentences.
_MAY_END = re.compile(
    r"(?:\b(?:of|with|from|to|for|about|at|on|in|forever|too|either)|\b(?:and|than|as|for)\s+ever"
    r"|\b(?:you|u|me|us|him|her|them|and|now)\s+always)\W*$",
    re.IGNORECASE,
)
_CANNOT_END_REACH = 300  # characters of the last sentence read: the words that end it are few


def _cannot_end(text: str) -> bool:
    """The last words cannot end a sentence (`_CANNOT_END`, `_MAY_END`). Only the tail is read,
    with its white space made single, so that the time stays linear on a long run of spaces and
    a doubled space cannot step past a lookbehind ("want  to")."""
    tail = " ".join(text[-_CANNOT_END_REACH:].split())
    return bool(_CANNOT_END.search(tail)) and not _MAY_END.search(tail)


# Words that announce more, but may also end a whole thought above a sign-off ("We tried, at
# least", "like mum always says", "That's how it'll be"): read only where no sign-off follows.
_ANNOUNCES_MORE = re.compile(
    r"\b(?:at\s+least|probably|says|(?<!just\s)in\s+case|(?:will|shall|['’]ll)\s+be)\W*$",
    re.IGNORECASE,
)
# ...though "I'd like that" and "the curry you like" are whole.
_COMPLETE = re.compile(
    r"\b(?:(?:like|love|want|need|hate|miss|with|about|of)\s+(?:that|it|this)|(?:you|u|we|they)\s+like|not\s+to)\W*$",
    re.IGNORECASE,
)
_LAST_WORD = re.compile(r"([^\W\d_]+(?:['’][^\W\d_]+)*)\W*$")


def closing_unit(ctx: Context, sentences: int = UNIT, last_paragraph: bool = False) -> list[Sentence]:
    """The last one to three sentences of the body (with `last_paragraph`, only those in
    the body's last paragraph: a warm last paragraph is what the reader is left with)."""
    body = ctx.doc.body_sentences
    if ctx.doc.sign_off is None and body and signed_your_name(body[-1].text):  # "Your Bert"
        body = body[:-1]
    if ctx.doc.sign_off is None and len(body) > 2 and _unparsed_signature(body[-2].text, body[-1].text):
        body = body[:-2]  # "Beijos, always yours" / "Renata": a sign-off the parser did not know
    unit = body[-sentences:]
    if last_paragraph and unit:
        last = [s for s in unit if s.paragraph == unit[-1].paragraph]
        if len(last) < len(unit) and sum(len(s.text.split()) for s in last) <= CODA_WORDS:
            # a one-line coda ("Your call.", "Think it over.") closes the paragraph before it
            last = [s for s in unit if s.paragraph >= unit[-len(last) - 1].paragraph]
        unit = last
    return unit


# A valediction the structure parser did not know ("Beijos, always yours") is a short line
# ending in a comma or in "yours"/"love"/kisses; a name under it is one or two capitalised words.
_VALEDICTION_LIKE = re.compile(r"^[^.!?]{1,40}(?:,|\b(?:yours|love|always)|\bx+)\s*$", re.IGNORECASE)
_NAME_LINE = re.compile(r"^[A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+)?\s*$")


def _unparsed_signature(valediction: str, name: str) -> bool:
    return bool(_VALEDICTION_LIKE.match(valediction.strip()) and _NAME_LINE.match(name.strip()))


def run(rule: Rule, ctx: Context, present: dict[str, bool]) -> Iterator[Finding]:
    unit = closing_unit(ctx, rule.spec.sentences, rule.spec.last_paragraph)
    if not unit:
        return
    if rule.spec.detect == "phrases":
        for span in _hits(rule, ctx, unit):
            yield ctx.finding(rule, span)
    elif rule.spec.detect == "negative-ending":
        yield from _negative_ending(rule, ctx, unit)
    elif rule.spec.detect == "no-closing":
        yield from _no_closing(rule, ctx)


def _hits(rule: Rule, ctx: Context, unit: list[Sentence]) -> list[Span]:
    """Per sentence of the closing, the first place where the rule's patterns (matched
    within the sentence, so ^ and $ are its ends) or the rules it echoes are found."""
    echoed = [f for other in _echoed(rule, ctx) for f in ctx.findings_of(other) if f.span.end > f.span.start]
    # A sentence another closing rule already names ("Ring me by Friday or I'll tell your
    # mother" is a threat, not also a deadline) is left to it: one ending, one verdict.
    deferred = [r for r in (ctx.ruleset.rules.get(rid) for rid in rule.spec.defer) if r is not None]
    taken = [f.span.start for other in deferred for f in ctx.findings_of(other)]
    found: list[Span] = []
    for sentence in unit:
        lo, hi = sentence.span.start, sentence.span.end
        if any(lo <= start < hi for start in taken):
            continue
        hits = list(accepted_matches(ctx, rule, sentence.span))
        echoes = [Span(f.span.start, min(f.span.end, hi)) for f in echoed if lo <= f.span.start < hi]
        matchers = rule.spec.matchers
        if echoes and matchers is not None and cancelled_in_sentence(ctx, rule, matchers, echoes[0]):
            echoes = []  # the rule's own `unless` speaks for the sentence, echoes included
        hits += echoes
        if hits:  # the word scan for a run-on's tail only where something was found
            tail = _tail_start(ctx, sentence)
            hits = [h for h in hits if h.start >= tail]
        if hits:
            found.append(min(hits, key=lambda s: (s.start, -s.end)))
    return found


def _tail_start(ctx: Context, sentence: Sentence) -> int:
    """Where the closing begins inside a sentence: its start, or in a run-on sentence of more
    than RUN_ON_WORDS words (a whole letter spliced with commas) its last TAIL_WORDS words,
    the part the reader is left with."""
    text = ctx.doc.text[sentence.span.start : sentence.span.end]
    words = list(_WORD.finditer(text))
    if len(words) <= RUN_ON_WORDS:
        return sentence.span.start
    return sentence.span.start + words[-TAIL_WORDS].start()


def _echoed(rule: Rule, ctx: Context) -> list[Rule]:
    """The rules whose findings in the closing this rule reports too."""
    echoes = rule.spec.echoes
    if not echoes:
        return []
    found = []
    for other in ctx.ruleset.rules.values():
        if other.id in NEVER_ECHOED or other.kind in ("sentiment", "closing", "section"):
            continue
        kind = kind_of(other.family, other.name, other.label_kind)
        if other.family in echoes or f"{other.family}/{kind}" in echoes:
            found.append(other)
    return found


def _negative_ending(rule: Rule, ctx: Context, unit: list[Sentence]) -> Iterator[Finding]:
    if _named_elsewhere(rule, ctx):
        return
    hits = _hits(rule, ctx, unit)
    if hits:
        yield from (ctx.finding(rule, span) for span in hits)
        return
    if _self_harm_in(ctx, unit):
        return  # a safety note, never a verdict on the letter
    # Tone alone (no finding names the problem): the judged tone of the closing, where
    # only the problems this rule echoes count as hostile.
    tones = [tones_without_problems(ctx)[s.index] for s in unit]
    limit = ctx.profile.threshold("closing_compound", -0.3)
    last = tones[-1]
    if last <= limit or (sum(tones) / len(tones) <= limit and last < 0.2):
        worst = min(range(len(unit)), key=lambda i: (tones[i], -i))
        if ctx.doc.in_writer_voice(unit[worst].span):
            yield ctx.finding(rule, unit[worst].span)


def _self_harm_in(ctx: Context, unit: list[Sentence]) -> bool:
    lo, hi = unit[0].span.start, unit[-1].span.end
    for rule_id in NEVER_ECHOED:
        rule = ctx.ruleset.rules.get(rule_id)
        if rule is not None and any(lo <= f.span.start < hi for f in ctx.findings_of(rule)):
            return True
    return False


def _named_elsewhere(rule: Rule, ctx: Context) -> bool:
    """Another closing rule of the family already reports this ending."""
    for other in ctx.ruleset.rules.values():
        closing = other.family == rule.family and other.kind == "closing"
        closing = closing and getattr(other.spec, "detect", None) == "phrases"
        if closing and ctx.findings_of(other):
            return True
    return False


def _no_closing(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """The letter stops mid-thought: no sign-off, and the last words cannot end a sentence
    (or, even above a sign-off, they break off inside a clause: "... if you're"). Without a
    sign-off, a paragraph that breaks off followed, after a blank line, only by a trailing line
    of a few words ("... and you giving me your glove and" / "i don't know") stops mid-thought
    too (a chat-style letter's one-line paragraphs are left alone)."""
    doc = ctx.doc
    if not doc.body_sentences:
        return
    body = doc.body_sentences
    last = body[-1]
    while not any(c.isalpha() for c in last.text) and last.index > body[0].index:
        last = doc.sentences[last.index - 1]  # an empty bullet: the line before it stops
    where = Span(last.span.start, max(last.span.end, body[-1].span.end))
    signed = doc.sign_off is not None
    if _breaks_off(last.text.rstrip(), signed):
        yield ctx.finding(rule, where)
        return
    if signed:
        return
    trailing = [s for s in body if s.paragraph == last.paragraph]
    before = [s for s in body if s.paragraph < last.paragraph]
    words = sum(len(s.text.split()) for s in trailing)
    apart = before and _BLANK_LINE.search(doc.text, before[-1].span.end, trailing[0].span.start)
    if apart and words <= TRAILING_WORDS and _breaks_off(before[-1].text.rstrip(), signed):
        yield ctx.finding(rule, Span(before[-1].span.start, where.end))


def _breaks_off(text: str, signed: bool) -> bool:
    """The words cannot end the letter: above a sign-off only a clause broken off inside
    ("... if you're"); without one also a last word that always needs more ("... and"),
    unless the words are whole ("... and you'd be right not to")."""
    finished = _FINISHED.search(text) is not None
    complete = _COMPLETE.search(text) is not None
    if signed:
        if finished or complete:
            return False
        # ...on its last word itself: a valediction the parser left in the body ends on a
        # comma ("With love and,"), and a dash above a sign-off breaks off on purpose ("than--")
        return bool(_BREAKS_OFF.search(text) or (_cannot_end(text) and text[-1:].isalnum()))
    if not finished and not complete and _cannot_end(text):
        return True
    if (stops_mid_thought(text) and not complete) or (
        not finished and (_BREAKS_OFF.search(text) or _ANNOUNCES_MORE.search(text))
    ):
        return True
    if finished or complete:
        return False
    word = _LAST_WORD.search(text)
    return text.endswith((":", ",", ";", "-", "–", "—", "•")) or (
        word is not None and word.group(1).lower().replace("’", "").replace("'", "") in _DANGLING
    )


KIND = CheckKind(
    name="closing",
    keys=MATCHER_KEYS | {"detect", "echoes", "sentences", "last_paragraph", "defer"},
    parse=parse,
    run=run,
    summary="the closing read as a unit: `detect` = phrases (with `echoes`), negative-ending or no-closing",
    letter_level=lambda spec: spec.detect == "no-closing",
)
