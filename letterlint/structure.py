"""The shape of a letter: title, address and date block, greeting, body, sign-off, P.S.,
footnotes and e-mail tail, found line by line.

The parser works on lines, not sentences, because a letter's frame is a matter of
layout: a salutation is a short line at the top, a sign-off short lines at the
bottom. It reads the text after format readers have done their part (Markdown markup
blanked to spaces, Word paragraphs joined by blank lines); those readers pass the
lines that were headings in the source as `headings`.

Every part is a half-open character span into the text. `parse` is linear in the
length of the text: each line is classified a bounded number of times, and every
pattern is anchored to one line of bounded length.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from letterlint.model import Span

# Lines longer than this are prose, whatever they start with (also bounds every match).
_SHORT = 120
# How far from each end the frame may reach, in non-blank lines.
_TOP_LINES = 12
_BOTTOM_LINES = 8

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_END_PUNCT = re.compile(r"[.!?…][\"'”’)\]]*$")

_SALUTATION_WORDS = (
    r"(?:my\s+)?dear(?:est)?|my\s+(?:darling|love|sweet|dear)|hi+|hey+|heya|hello|hiya|yo|greetings"
    r"|good\s+(?:morning|evening|afternoon|day)|to|sweetheart|darling|sweetie|babe|baby|honey"
    r"|beloved|dearly\s+beloved|salaam|salam|assalamu\s+alaikum|as-?salaam[\w-]*|namaste|hola|ciao"
    r"|happy\s+(?:birthday|anniversary|new\s+year|retirement|holidays|christmas|graduation)"
    r"|my\s+own|kia\s+ora|alright|oi+|now\s+then|howdy|aloha|hallo|bonjour|salut|liebe[rs]?|ch[eè]re?"
    r"|querid[oa]|car[oa]|cara\s+mia|habibi|habibti"
    # "Well, Simon." / "Right Dan.": a spoken opener counts only with a name after it
    r"|(?:well|right|okay|ok)(?=,?\s+(?-i:[A-Z]))"
)
# "Dear Sam," / "Hi," / "To my Sam —" / "Dearest [Name]": a whole greeting line.
_SALUTATION_LINE = re.compile(rf"^(?:{_SALUTATION_WORDS})\b[^.!?]{{0,60}}[.!]{{0,3}}$", re.IGNORECASE)
# Words that make a would-be salutation a sentence: "Baby I'm sorry," / "To be honest,".
_SENTENCE_WORDS = re.compile(
    r"\b(?:i|i'm|i’m|im|me|my|we|it|it's|it’s|is|was|am|are|have|be|been|just|not|so|honest)\b", re.IGNORECASE
)
# "Dear Sam, I wanted to say ...": a greeting that shares its line with the first sentence.
_INLINE_SALUTATION = re.compile(
    rf"^(?:{_SALUTATION_WORDS})(?:\s+[^\s,.;:!?—–-]+){{0,3}}\s*(?:,|—|–|\s-|!|:)",
    re.IGNORECASE,
)
# "Hi Aiden. I know..." / "Hey you. Right, ...": a short hello closed by a full stop, then prose.
# Capitalised only: a lower-case "hey. hey. i know its late" is the text itself starting.
_INLINE_HELLO = re.compile(r"^(?:Hi+|Hey+|Hiya|Hello|Oi+|Yo)(?:\s+[^\W\d_][\w'’-]*){0,2}[.!]+(?=\s)")
# How a name-only greeting may end: "Karen." / "Leo —" / "Ji-woo," / "Tom:".
_NAME_GREETING_END = re.compile(r"\s*(?:[,.:]|!+|\s[—–-]|[—–]|[\U0001F300-\U0001FAFF\u2600-\u27BF\ufe0f]+)$")
# How many lines a preamble (a forum post, a note to self) may take above the letter.
_PREAMBLE_LINES = 4
_PLACEHOLDER = re.compile(r"^[\[<({]\s*[^\]>)}\n]{1,40}[\]>)}]\s*[,.!]?$|^_{3,}$")
# "Sam," / "Mrs Albright," / "[Name],": a bare name line ending in a comma.
# "Meron, my love," / "Tom, dearest,": a name, then an endearment, on the greeting line.
_NAME_ENDEARMENT = re.compile(
    r"^([^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?),\s+(?:my\s+)?(?:(?:dear(?:est)?|darling|sweet|own)\s+)?"
    r"(?:love|darling|dear|dearest|heart|sweetheart|girl|boy|one|treasure)\s*[,.!:]?$",
    re.IGNORECASE,
)
_BARE_NAME_GREETING = re.compile(r"^(?!.*\b(?:i|i'm|i’m|we|my|me)\b)[^\W\d_][^.!?,]{0,40},$", re.IGNORECASE)

# "Your Kofi": a name after "your" ("Your call." and "Your move." are not signatures).
_YOUR_NAME = (
    r"(?:your|yours)\s+(?!(?:move|choice|call|decision|loss|turn|fault|problem)\b)"
    r"(?-i:[A-Z][^\W\d_A-Z][\w'’-]*)"
)
# "Your Eric, forever" / "Your Lindsay xxx": the signed name may carry a last word or kisses.
_YOUR_NAME_TAIL = r"(?:,?\s+(?:forever|always|ever|still|x+|xo+x*|<3))?"
# "Your loving" / "Your own" / "Your ever-loving" / "Your most wretched and devoted": the old
# valediction of "your" and how the writer is theirs, with the name (if any) on the same line.
_YOUR_ADJ = (
    r"your\s+(?:(?:ever|most|very|own|always|truly|wretched|unhappy|lonely|sorry|and)[\s-]+){0,4}"
    r"(?:own|loving|devoted|faithful|affectionate|obedient|humble|grateful|sorry|adoring|fond|"
    r"constant|loyal|penitent|repentant|heartbroken|true|unhappy|wretched)"
    r"(?:\s+(?-i:[A-Z][^\W\d_A-Z][\w'’-]*))?\s*[,.]?\s*$"
)
_VALEDICTION = re.compile(
    # "Love," / "Lots of love" / "With best wishes for the future," / "With gratitude and respect"
    r"^(?:with\s+|sending\s+)?(?:all\s+(?:of\s+)?(?:my|our)\s+|lots\s+of\s+|much\s+|so\s+much\s+|big\s+|"
    r"warm(?:est)?\s+|many\s+|best\s+|kind(?:est)?\s+|good\s+|fond(?:est)?\s+|a\s+(?:big\s+)?)?"
    r"(?:love|luv|hugs?|kisses|regards|wishes|thanks|blessings|prayers|greetings|cheers|yours)\b"
    r"|^with\s+(?:all\s+(?:of\s+)?my\s+|deep(?:est)?\s+|sincere\s+|heartfelt\s+|great\s+)?"
    r"(?:hope|respect|gratitude|affection|apologies|sympathy|condolences|thanks|fondness|sorrow|regret)\b"
    r"|^(?:yours\s+)?(?:truly|sincerely|faithfully|always|forever|ever|respectfully|affectionately)\b"
    r"|^(?:sincerely|cordially|respectfully|affectionately|fondly|gratefully|hopefully|warmly|"
    r"humbly|lovingly|tenderly|devotedly|faithfully|regretfully|sadly)\b"
    r"|^(?:best|cheers|thanks|thank\s+you|take\s+care|be\s+well|stay\s+well|stay\s+safe|all\s+the\s+best|"
    r"talk\s+(?:soon|later)|speak\s+(?:soon|later)|see\s+you(?:\s+soon|\s+around|\s+later)?|later|"
    r"until\s+(?:soon|then|next\s+time)|till\s+(?:soon|then|we\s+meet)|bye(?:\s+for\s+now)?|goodbye|farewell|"
    r"adieu|peace|god\s+bless(?:\s+you)?|may\s+god\s+bless\s+you|in\s+christ|in\s+faith|shalom|"
    r"(?:ever|always|forever)\s+(?:yours|thine|your\s+\w+)|yours\s+(?:ever|always|forever|truly)|"
    r"(?:your\s+)?(?:loving|devoted|faithful|affectionate|obedient|humble|grateful|sorry)\s+\w+|"
    r"love\s+(?:you|ya)(?:\s+always|\s+forever)?|xo+x*|x{1,6}|"
    # "Beijos, always yours": kisses and greetings in the writer's other languages
    r"beijos|besos|bisous|baci|abrazos|abraços|saludos|cariños|grüße|groetjes|"
    # "night x" / "goodnight ily": a late-night text signs off with the hour
    r"(?:good\s*)?night(?:\s+(?:x+|love|babe|ily|ilysm|<3|then|all))?\s*[.!]?$|"
    r"i\s+remain\b|believe\s+me\b|i\s+am,?\s+(?:as\s+ever|yours)\b|respectfully\s+yours"
    rf"|{_YOUR_ADJ}|{_YOUR_NAME}{_YOUR_NAME_TAIL}[.!]?\s*$)"
    # a word ends here, or the branch ended on a mark ("Your loving," / "Night.")
    r"(?:\b|(?<=\W))",
    re.IGNORECASE,
)
_SIGNED_YOUR_NAME = re.compile(rf"^{_YOUR_NAME}$", re.IGNORECASE)
_LAST_CLAUSE = re.compile(r",\s*([^,]{3,30})$")
# The words a short last line may end on after a comma to work as the valediction.
_CLOSING_TAIL = re.compile(
    r"(?:(?:talk|speak)\s+(?:to\s+you\s+)?(?:soon|later)|see\s+you\s+(?:soon|later)|take\s+care|"
    r"(?:always|forever|ever)\s+yours|love\s+(?:you|ya)(?:\s+always)?|(?:lots\s+of\s+|all\s+my\s+)?love)"
    r"(?=\s*[.!]?$)",
    re.IGNORECASE,
)


def signed_your_name(line: str) -> bool:
    """ "Your Kofi": a signature, even where the sign-off was not found above it."""
    return _SIGNED_YOUR_NAME.match(line.strip()) is not None


_RELATIONS = (
    r"husband|wife|partner|boyfriend|girlfriend|bf|gf|friend|pal|mate|buddy|ex|ex-\w+|fianc[ée]e?|"
    r"lover|love|darling|son|daughter|child|kid|mum|mom|mother|mama|dad|father|papa|brother|sister|"
    r"sis|bro|cousin|aunt|uncle|grandson|granddaughter|grandma|grandpa|nan|admirer|servant|"
    r"colleague|neighbour|neighbor|roommate|flatmate|sweetheart|other\s+half|valentine|student|"
    r"teacher|one|heart|fool|idiot"
)
# "Your husband." / "your ex-wife" / "Your ex girlfriend's best friend," / "From your Sam".
_RELATION_LINE = re.compile(
    rf"^(?:(?:your|ur|yours|from|the)\b[^.!?]{{0,40}}\b(?:{_RELATIONS})s?\b[^.!?]{{0,25}}"
    rf"|(?:an?|the)\s+(?:old\s+|former\s+|true\s+|loyal\s+|sorry\s+|lonely\s+)?(?:{_RELATIONS})\b[^.!?]{{0,20}})"
    r"[,.!]?$",
    re.IGNORECASE,
)
_KISSES = re.compile(r"^(?:(?:x+o*x*|o+x+o*)+|xoxo+|<3+|[♥❤💕💔😘🙏🌹♡]+)[ \t.!]*$", re.IGNORECASE)
_SIGNED_WITH_KISSES = re.compile(r"\s(?:x+(?:o+x*)?|xoxo+|<3)$", re.IGNORECASE)
_INITIALS = re.compile(r"^(?:[A-Z]\.?\s?){1,3}[,.]?$")
# Signatures that need no blank line above them when they close the letter: one letter ("t"),
# a bare relation ("dad", "your sis"), "from finn".
_BARE_SIGNATURE = re.compile(
    r"^(?:(?!i\b)[a-z]|(?:your\s+|ur\s+)?(?:mum|mom|mam|dad|da|sis|bro|nan|gran|grandad|grandma|grandpa)"
    r"|from\s+[^\W\d_][\w'’-]{1,20}(?:\s+x+)?)[.,!]?$",
    re.IGNORECASE,
)
_DASH_SIGNATURE = re.compile(r"^[-–—~]+\s*[^\s-].{0,40}$")
# "... talk soon. — Jo": a dash signature at the end of the last sentence's line.
_INLINE_DASH_SIGNATURE = re.compile(
    r"(?<=[.!?\s])\s*[-–—~]{1,2}\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})\s*$"
)
_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_NAME = re.compile(r"^[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,3}\s*[,.]?$")
# Words of a sentence addressed to someone, never of an address or a date line.
_PERSONAL = re.compile(r"\b(?:i|i'm|i’m|im|you|u|we|me|my|your|ur)\b", re.IGNORECASE)
_NAME_PARTICLE_WORDS = "de da di du del van von der den le la al bin binti ibn ben st"
_NAME_PARTICLES = frozenset(_NAME_PARTICLE_WORDS.split())
_NOT_NAME_WORDS = (
    "anyway whatever idk bye ok okay fine so well yeah yes no nothing goodbye sorry please thanks "
    "nevermind lol i you me we my your it miss thank see talk soon hi hey dear love always forever "
    "ever sincerely regards cheers best still again maybe later tomorrow tonight now then because but "
    "and or not never the a an this that these those just really truly sure alright done enough listen look "
    "honestly first firstly um ugh wow right also sadly hello goodnight night morning update"
)
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())

_POSTSCRIPT = re.compile(r"^p\.?\s?p?\.?\s?s\b\.?|^ps[.:,]", re.IGNORECASE)
_FOOTNOTE = re.compile(r"^(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*{1,3}(?!\*)|†|‡|\[\d{1,3}\]|\(\d{1,3}\)|\d{1,2}\s?[)\]])\s*\S")
_DATE_OR_ADDRESS = re.compile(
    r"^\d|\b(?:1[5-9]|20)\d\d\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|\b(?:street|st|road|rd|lane|avenue|terrace|flat|apartment|apt|close|drive|house|cottage|rectory|villa)\b",
    re.IGNORECASE,
)
_TITLE_ABBREVIATION = re.compile(r"\b(Mr|Mrs|Ms|Mx|Dr|Prof|Rev|Fr|Sr|Jr|St|Capt|Col|Sgt|Lt)\.", re.IGNORECASE)
_UNDERLINE = re.compile(r"^(?:={3,}|-{3,})$")
_EMAIL_TAIL = re.compile(
    r"^(?:sent\s+from\s+my\s+\S.{0,40}|sent\s+from\s+(?:outlook|yahoo|gmail|mail)\b.{0,40}|"
    r"get\s+outlook\s+for\s+\w+.{0,20}|-- ?|_{5,}|-{3,}\s*(?:original\s+message|forwarded\s+message)\s*-*|"
    r"on\s+.{4,160}\bwrote:|from:\s.{1,120}|>.*)$",
    re.IGNORECASE,
)
# Lines of an address or date block above the greeting: numbers, months, places.
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)
_HEADER_LINE = re.compile(
    rf"^(?:.*\d.*|.*\b(?:{_MONTHS})\b.*|[^a-z]+|.*\b(?:street|st|road|rd|avenue|ave|lane|ln|close|drive|"
    rf"court|place|square|house|flat|apartment|apt|po\s+box|city|town|village|county|state|"
    rf"england|scotland|wales|ireland|usa|uk)\b.*)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 0-based
    span: Span  # without the line break
    text: str  # stripped

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))


@dataclass(frozen=True)
class LetterStructure:
    """Spans of each part; None where the letter has no such part."""

    title: Span | None = None
    header: Span | None = None  # address and date block
    greeting: Span | None = None
    body: Span | None = None
    sign_off: Span | None = None  # valediction and signature together
    signature: Span | None = None  # the name / relation / kisses line(s)
    postscript: Span | None = None
    footnotes: Span | None = None
    email_tail: Span | None = None
    # Offsets where a structural part begins or ends: sentences and paragraphs split there.
    boundaries: tuple[int, ...] = field(default=())

    @property
    def frame(self) -> list[Span]:
        """Parts that are not the writer's prose to the reader (never judged as body)."""
        return [s for s in (self.title, self.header, self.footnotes, self.email_tail) if s is not None]


def lines_of(text: str) -> list[Line]:
    result: list[Line] = []
    start = 0
    number = 0
    length = len(text)
    while start <= length:
        nl = _next_break(text, start)
        end = nl if nl >= 0 else length
        lo, hi = start, end
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        result.append(Line(number, Span(lo, hi), text[lo:hi]))
        number += 1
        if nl < 0:
            break
        start = nl + (2 if text.startswith("\r\n", nl) else 1)
    return result


def _next_break(text: str, start: int) -> int:
    n = text.find("\n", start)
    r = text.find("\r", start, n if n >= 0 else len(text))
    if r >= 0:
        return r
    return n


def parse(text: str, headings: frozenset[int] = frozenset()) -> LetterStructure:
    lines = lines_of(text)
    filled = [ln for ln in lines if ln.text]
    if not filled:
        return LetterStructure()
    top = _top(filled, headings)
    first_body = top.next_index
    bottom = _bottom(filled, first_body)
    body_lines = filled[first_body : bottom.body_end]
    body = Span(body_lines[0].span.start, body_lines[-1].span.end) if body_lines else None
    if body is not None and top.greeting is not None and top.greeting.end > body.start:
        body = Span(top.greeting.end, body.end) if top.greeting.end < body.end else None
    if bottom.inline_signature is not None and body is not None:
        body = Span(body.start, min(body.end, bottom.inline_signature.start))
    greeting = top.greeting
    sign_off = bottom.sign_off or bottom.inline_signature
    parts = [top.title, top.header, greeting, sign_off, bottom.postscript]
    parts += [bottom.footnotes, bottom.email_tail]
    boundaries = sorted({p for s in parts if s is not None for p in (s.start, s.end)})
    return LetterStructure(
        title=top.title,
        header=top.header,
        greeting=greeting,
        body=body,
        sign_off=sign_off,
        signature=bottom.signature,
        postscript=bottom.postscript,
        footnotes=bottom.footnotes,
        email_tail=bottom.email_tail,
        boundaries=tuple(boundaries),
    )


# -- the top: title, address/date block, greeting -----------------------------------


@dataclass
class _Top:
    title: Span | None = None
    header: Span | None = None
    greeting: Span | None = None
    next_index: int = 0  # first line of the body, in the non-blank lines


def _top(filled: list[Line], headings: frozenset[int]) -> _Top:
    top = _Top()
    window = [ln for ln in filled[:_TOP_LINES] if not _UNDERLINE.match(ln.text)]
    # A line underlined with === or --- in plain text is a heading, as in Markdown.
    underlined = {
        a.number
        for a, b in itertools.pairwise(filled[: _TOP_LINES + 1])
        if _UNDERLINE.match(b.text) and a.text
    }
    headings = headings | underlined
    candidates = []
    for at, ln in enumerate(window):
        if not all(_frame_line(x, headings) for x in window[:at]):
            break  # prose before it: a later "Dear ..." is inside the letter
        if _greeting_span(ln) is not None:
            candidates.append(at)
    greet_at = candidates[0] if candidates else None
    if greet_at is None and not any(_frame_line(x, headings) for x in window[:1]):
        greet_at = _after_preamble(window)
    if (
        greet_at == 0
        and len(window) > 1
        and _SALUTATION_LINE.match(window[1].text)
        and _name_greeting(window[0].text)
    ):
        greet_at = 1  # "Bismillah." above "Dear Amina,": an invocation, then the greeting
    if greet_at == 0 and len(candidates) > 1 and window[0].number in headings:
        greet_at = candidates[1]  # "# Dear Dan, one last time" above "Dear Dan,": a title
    for at in (0, 1):
        fits = greet_at is None and len(window) > at + 1 and (at == 0 or window[0].number in headings)
        if fits and _bare_name_greeting(window[at], window[at + 1]):
            greet_at = at
    i = 0
    if window and greet_at != 0 and (window[0].number in headings or _is_title(window, greet_at)):
        top.title = window[0].span
        i = 1
    # A heading after the title, or an address/date block, up to the greeting.
    stop = greet_at if greet_at is not None else min(len(window), i + 6)
    header: list[Line] = []
    for ln in window[i:stop]:
        if ln.number in headings and top.title is None and not header:
            top.title = ln.span
            i += 1
        elif _frame_line(ln, headings) and (greet_at is not None or _HEADER_LINE.match(ln.text)):
            header.append(ln)
        else:
            break
    if greet_at is None and header and not _looks_like_date_block(header):
        header = []
    if header:
        top.header = Span(header[0].span.start, header[-1].span.end)
        i += len(header)
    if greet_at is not None and greet_at >= i:
        ln = window[greet_at]
        top.greeting = _greeting_span(ln) or ln.span
        whole_line = top.greeting.end >= ln.span.end
        i = greet_at + 1 if whole_line else greet_at
    top.next_index = filled.index(window[i]) if i < len(window) else len(filled)
    return top


def _bare_name_greeting(line: Line, after: Line) -> bool:
    """ "Bex" alone on the first line, then prose: a greeting by name, without a comma."""
    if re.match(r"^(?:for|to|from|about|re|on|in|after|before|untitled|draft)\b", line.text, re.IGNORECASE):
        return False  # "For Abi" is a title
    if not _is_name(line.text) or line.words > 2:
        return False
    if after.number - line.number > 1:
        return len(after.text) > 40
    # "Jess" straight above "I don't know how to start": one word, then the writer talking
    return line.words == 1 and _PERSONAL.search(after.text) is not None


def _after_preamble(window: list[Line]) -> int | None:
    """A note above the letter ("Be brutal. Draft:"), then a greeting standing alone."""
    for at in range(1, min(len(window) - 1, _PREAMBLE_LINES + 1)):
        ln, prev, nxt = window[at], window[at - 1], window[at + 1]
        if ln.number - prev.number < 2 or nxt.number - ln.number < 2:
            continue  # a greeting after a preamble has a blank line on each side
        if _greeting_span(ln) == ln.span or (_is_name(ln.text) and ln.words <= 2):
            return at
    return None


def _name_greeting(text: str) -> bool:
    """ "Leo —", "Karen.", "Ji-woo,", "Marcos, meu amor,", "Stevie boy,": a name, maybe a pet name."""
    if len(text) > 50:  # first: the end pattern is searched from every position
        return False
    end = _NAME_GREETING_END.search(text)
    if end is None or _SENTENCE_WORDS.search(text):
        return False
    words = text[: end.start()].replace(",", " ").split()
    if not 1 <= len(words) <= 4 or not (words[0][:1].isupper() or len(words) == 1):
        return False
    return any(_is_name(" ".join(words[:k])) for k in range(max(1, len(words) - 2), len(words) + 1))


def _greeting_span(line: Line) -> Span | None:
    text = _TITLE_ABBREVIATION.sub(lambda m: m.group(1) + " ", line.text)  # same length: "Mr. " -> "Mr  "
    if len(text) > _SHORT * 4:
        text = text[: _SHORT * 4]
    if line.words <= 8 and len(text) <= _SHORT:
        if _SALUTATION_LINE.match(text) and not _looks_like_sentence(text):
            return line.span
        if _PLACEHOLDER.match(text) or (_BARE_NAME_GREETING.match(text) and _is_name(text.rstrip(","))):
            return line.span
        if _name_greeting(text):
            return line.span
        named = _NAME_ENDEARMENT.match(text)
        if named and _is_name(named.group(1)):
            return line.span
    m = _INLINE_SALUTATION.match(text) or _INLINE_HELLO.match(text)
    if m and line.words > 2 and not _SENTENCE_WORDS.search(m.group()):
        return Span(line.span.start, line.span.start + m.end())
    return None


def _looks_like_sentence(text: str) -> bool:
    """ "Hi, it's me." / "To be honest I ..." are prose, not salutations."""
    lowered = text.lower()
    if re.match(r"^to\s+(?:be|say|tell|start|begin|put|whom)\b", lowered):
        return not lowered.startswith("to whom")
    return bool(re.search(r"\b(?:i|i'm|i’m|i've|i’ve|it's|it’s|is|was|am|are|have|just)\b", lowered)) and (
        _END_PUNCT.search(text) is not None or len(text) > 40
    )


def _frame_line(line: Line, headings: frozenset[int]) -> bool:
    """A line that may stand above a greeting: heading, title, address, date."""
    if line.number in headings:
        return True
    if line.words > 10 or len(line.text) > 80 or not re.search(r"[^\W_]", line.text):
        return False
    return not _END_PUNCT.search(line.text.rstrip(",")) or (
        line.text.endswith(".")
        and _HEADER_LINE.match(line.text) is not None
        and not _PERSONAL.search(line.text)
    )


def _is_title(window: list[Line], greet_at: int | None) -> bool:
    """A short first line without end punctuation, followed (maybe after a date) by a greeting."""
    if greet_at == 0 or not window:
        return False
    first = window[0].text
    if greet_at is None:
        # No greeting: a short unpunctuated first line standing alone above prose, not a date.
        nxt = window[1] if len(window) > 1 else None
        return (
            nxt is not None
            and nxt.number - window[0].number > 1
            and len(nxt.text) > 40
            and window[0].words <= 8
            and not _END_PUNCT.search(first)
            and not first.endswith((",", ":", ";"))
            and not _HEADER_LINE.match(first)
            and not _PERSONAL.search(first)
            and _SALUTATION_LINE.match(first) is None
        )
    second = window[1] if greet_at > 1 else None
    if second is not None and _is_name(first) and re.search(r"\d", second.text):
        return False  # "Sam Jones" above "14 Vine Street": the sender's address block
    if _HEADER_LINE.match(first) and not re.search(r"[a-z]{4}", first):
        return False  # "12 MARCH 2024" is a date, not a title
    if _DATE_OR_ADDRESS.search(first):
        return False
    if second is not None and second.number - window[0].number == 1 and _frame_line(second, frozenset()):
        return False  # "The Old Rectory" straight above "Lower Slaughter": an address block
    return window[0].words <= 12 and not first.endswith((".", ",", ";", ":", "!", "?"))


def _looks_like_date_block(header: list[Line]) -> bool:
    """Without a greeting below, only a block with a date or street number is a header."""
    return (
        len(header) <= 5
        and all(re.search(r"\d", ln.text) for ln in header[:1])
        and not any(_PERSONAL.search(ln.text) for ln in header)
    )


# -- the bottom: e-mail tail, footnotes, P.S., sign-off --------------------------------


@dataclass
class _Bottom:
    body_end: int  # index in the non-blank lines where the body stops (exclusive)
    sign_off: Span | None = None
    signature: Span | None = None
    inline_signature: Span | None = None
    postscript: Span | None = None
    footnotes: Span | None = None
    email_tail: Span | None = None


def _bottom(filled: list[Line], first_body: int) -> _Bottom:
    end = len(filled)
    bottom = _Bottom(body_end=end)
    # E-mail tail: from the first tail marker after the body has begun.
    for i in range(first_body + 1, end):
        ln = filled[i]
        if len(ln.text) <= 200 and _EMAIL_TAIL.match(ln.text) and _tail_fits(filled, i):
            bottom.email_tail = Span(ln.span.start, filled[-1].span.end)
            end = i
            break
    # Footnotes: a trailing block of lines that start with a footnote mark.
    i = end
    while i - 1 > first_body and _FOOTNOTE.match(filled[i - 1].text) and filled[i - 1].words <= 60:
        i -= 1
    if i < end and _starts_block(filled, i):
        bottom.footnotes = Span(filled[i].span.start, filled[end - 1].span.end)
        end = i
    # P.S.: the first postscript paragraph near the end; what follows it is P.S. too.
    for j in range(max(first_body + 1, end - _BOTTOM_LINES * 2), end):
        if _POSTSCRIPT.match(filled[j].text):
            after_sign_off = _sign_off_of(filled, j, end, end)
            ps_end = end if after_sign_off is None else after_sign_off[0]
            bottom.postscript = Span(filled[j].span.start, filled[ps_end - 1].span.end)
            if after_sign_off is not None:  # "P.S. ...\n\nLove,\nJo": sign-off after the P.S.
                bottom.sign_off, bottom.signature = after_sign_off[1], after_sign_off[2]
            end = j
            break
    if bottom.sign_off is None:
        found = _sign_off_of(filled, first_body, end, end)
        if found is not None:
            end, bottom.sign_off, bottom.signature = found
        elif end > first_body:
            bottom.inline_signature = _inline_signature(filled[end - 1])
    bottom.body_end = end
    return bottom


def _tail_fits(filled: list[Line], i: int) -> bool:
    """A quoted-reply line ('> ...') opens a tail only when every line after it is quoted too."""
    if not filled[i].text.startswith(">"):
        return True
    return all(ln.text.startswith(">") or _EMAIL_TAIL.match(ln.text[:200]) for ln in filled[i:])


def _starts_block(filled: list[Line], i: int) -> bool:
    """Footnotes stand in their own block: a blank line (or the sign-off) before them."""
    prev = filled[i - 1]
    return filled[i].number - prev.number > 1 or _is_signature_line(prev.text) or _is_valediction(prev.text)


def _sign_off_of(
    filled: list[Line], first_body: int, end: int, limit: int
) -> tuple[int, Span, Span | None] | None:
    """(first sign-off line index, sign-off span, signature span) for lines[..end], or None."""
    lo = max(first_body, end - _BOTTOM_LINES)
    # After a valediction, any short lines (name, job title, kisses) belong to the signature.
    k = end
    while k - 1 >= lo and end - (k - 1) <= 4 and _is_trailer_line(filled[k - 1].text):
        k -= 1
    # The first valediction among them ("Cheers," under "See you Saturday."), else the line above
    # them ("With love." above "R."); a line of kisses only when nothing else is one.
    kisses = [at for at in range(k, end) if _KISSES.match(filled[at].text)]
    order = [at for at in range(k, end) if at not in kisses] + [k - 1] + kisses
    for v_at in order:
        if v_at >= lo and (_is_valediction(filled[v_at].text) or _leads_signature(filled, v_at, end)):
            v = filled[v_at]
            signature = (
                Span(filled[v_at + 1].span.start, filled[end - 1].span.end) if v_at + 1 < end else None
            )
            if signature is None:
                signature = _name_after_comma(v)
            return v_at, Span(v.span.start, filled[end - 1].span.end), signature
    # Without one, only lines that are plainly a signature: name, relation, initials, kisses.
    j = end
    while j - 1 >= lo and end - (j - 1) <= 4 and _is_signature_line(filled[j - 1].text):
        j -= 1
    signature = Span(filled[j].span.start, filled[end - 1].span.end) if j < end else None
    if j < end and j > first_body:
        # No valediction: a signature alone counts when it stands apart from the prose.
        first = filled[j]
        prev = filled[j - 1]
        apart = (
            first.number - prev.number > 1 or bool(_END_PUNCT.search(prev.text)) or prev.text.endswith(",")
        )
        strong = (
            _DASH_SIGNATURE.match(first.text)
            or _RELATION_LINE.match(first.text)
            or _PLACEHOLDER.match(first.text)
            or _KISSES.match(first.text)
        )
        # "jas x": a name signed with kisses stands apart even straight under the last line, and
        # so do a line of kisses, an initial ("t"), a bare "dad" and "from finn" on the last line
        kissed = _SIGNED_WITH_KISSES.search(first.text) is not None and _is_name(first.text)
        plain = j == end - 1 and (_KISSES.match(first.text) or _BARE_SIGNATURE.match(first.text))
        if (
            _DASH_SIGNATURE.match(first.text)
            or kissed
            or plain
            or (apart and (strong or _is_name(first.text)))
        ):
            return j, Span(first.span.start, filled[end - 1].span.end), None
    return None


def _name_after_comma(line: Line) -> Span | None:
    """ "Love, Jo" / "Take care, Sam": the name after the valediction's comma."""
    text = line.text
    if "," not in text.rstrip(","):
        return None
    at = text.rstrip(",").rfind(",")
    name = text[at + 1 :].strip()
    if name and _is_name(name):
        start = line.span.start + text.index(name, at)
        return Span(start, start + len(name))
    return None


def _leads_signature(filled: list[Line], at: int, end: int) -> bool:
    """ "Your friend always." above "Ruth": a relation line that works as the valediction."""
    return (
        at + 1 < end and _RELATION_LINE.match(filled[at].text) is not None and _is_name(filled[at + 1].text)
    )


def _is_trailer_line(text: str) -> bool:
    """A line that may follow a valediction: a signature, or a short line that is not a sentence."""
    if _is_signature_line(text):
        return True
    if text.startswith("(") and text.endswith(")") and len(text) <= 90:
        return True  # "(your ex-husband, in case you've forgotten)" under a name
    return len(_WORD.findall(text)) <= 6 and len(text) <= 60 and not text.endswith((".", "?", "!"))


def _is_valediction(text: str) -> bool:
    if len(text) > 60 or text.endswith("?"):
        return False
    words = len(_WORD.findall(text))
    if words == 0 or words > 7:
        return False
    if re.match(r"^(?:i|we)\b(?!\s+(?:remain|am,))", text, re.IGNORECASE):
        return False  # "I love you." is a sentence, not a valediction; "I remain, ..." is one
    if _VALEDICTION.match(text) is not None:
        return True
    # "Miss you tons, talk soon": a short line that ends on a valediction after its comma
    tail = _LAST_CLAUSE.search(text)
    return tail is not None and _CLOSING_TAIL.match(tail.group(1)) is not None


def _is_signature_line(text: str) -> bool:
    if len(text) > 60:
        return False
    return bool(
        _KISSES.match(text)
        or _PLACEHOLDER.match(text)
        or _INITIALS.match(text)
        or _DASH_SIGNATURE.match(text)
        or (_RELATION_LINE.match(text) and len(_WORD.findall(text)) <= 8)
        or _is_name(text)
    )


def _is_name(text: str) -> bool:
    """ "Sam", "Daniel Reyes", "ellie xx", "Jo (the one with the red bike)"."""
    stripped = re.sub(r"(?<!\s)\s*\([^)]{0,30}\)\s*$", "", text.strip())  # (?<!\s): linear
    stripped = re.sub(r"(?<![\s,])[\s,]+(?:x+o*x*|xoxo+|<3)$", "", stripped, flags=re.IGNORECASE)
    if not stripped or len(stripped) > 40 or not _NAME.match(stripped):
        return False
    raw_words = _NAME_WORD.findall(stripped)  # "Ji-woo" is one word
    words = [w.lower() for w in raw_words]
    if not words or len(words) > 4 or any(w in _NOT_NAMES for w in words):
        return False
    if all(w.islower() for w in raw_words):
        return len(words) <= 2  # "ellie", "sam b"
    return all(w[0].isupper() or w.lower() in _NAME_PARTICLES for w in raw_words)


def _inline_signature(line: Line) -> Span | None:
    m = _INLINE_DASH_SIGNATURE.search(line.text[-60:])
    if not m or not _is_name(m.group(1)):
        return None
    offset = line.span.end - len(line.text[-60:])
    dash = line.text[-60:].rfind(m.group(0).strip()[:1], 0, m.start(1))
    return Span(offset + dash, line.span.end)


# -- paragraphs -----------------------------------------------------------------------


# Words a thought cannot end on: a letter whose last line ends on one stopped mid-sentence.
_DANGLING = re.compile(
    r"(?:\b(?:and|but|or|so|because|cause|cos|the|a|an|to|of|if|when|that|with|my|your|for|i|we|is|was|"
    r"just|then|like|about|at|in|on|would|should|she|he|they|until|whether|how|what|"
    r"who|which|where|than|as|by|from|into|been)|[,;:(—–-]|\.\.\.|…)\s*$",
    re.IGNORECASE,
)


def stops_mid_thought(sentence: str) -> bool:
    """ "... and then I" / "I just wish...": the letter breaks off rather than ending."""
    tail = sentence[-40:].rstrip()
    return not tail or _DANGLING.search(tail) is not None


def paragraph_breaks(lines: list[Line]) -> list[int]:
    """Offsets where a new paragraph starts although no blank line comes before it.

    Many e-mails and forum posts break paragraphs with a single newline. A line break after a
    complete sentence starts a paragraph when the lines look like paragraphs: the line before
    is long (a paragraph in itself), or the whole letter has no blank line at all. Hard-wrapped
    text (lines of similar width broken mid-sentence) never splits."""
    last_filled = max((i for i, ln in enumerate(lines) if ln.text), default=-1)
    no_blank_lines = all(ln.text for ln in lines[:last_filled])
    breaks: list[int] = []
    block: list[Line] = []
    for ln in [*lines, Line(-1, Span(0, 0), "")]:
        if ln.text:
            block.append(ln)
            continue
        if len(block) > 1 and not _hard_wrapped(block):
            for prev, nxt in itertools.pairwise(block):
                ends_sentence = _END_PUNCT.search(prev.text.rstrip("\"'”’ )")) is not None
                if no_blank_lines or (ends_sentence and _paragraph_like(prev)):
                    breaks.append(nxt.span.start)
        block = []
    return breaks


def _paragraph_like(line: Line) -> bool:
    return len(line.text) >= 160 or line.words >= 30


def _hard_wrapped(block: list[Line]) -> bool:
    """Most lines broken mid-sentence at a similar width under 80 columns."""
    inner = block[:-1]
    if not inner:
        return False
    widths = [len(ln.text) for ln in inner]
    if max(widths) > 100:
        return False
    mid_sentence = sum(1 for ln in inner if not _END_PUNCT.search(ln.text))
    similar = sum(1 for w in widths if w >= 0.6 * max(widths))
    return mid_sentence * 2 >= len(inner) and similar * 3 >= len(inner) * 2 and max(widths) >= 30
