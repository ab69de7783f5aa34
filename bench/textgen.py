"""Deterministic synthetic letters for the benchmark.

Every sentence is built from a template and several slots, so sentences rarely repeat:
the per-sentence sentiment cache then hits about as often as it would on real, distinct
letters, and a large text does not flatter the caches. A share of the templates trips
rules (begging, blame, ultimatums, quoted speech, negation) so the scope checks run too.
"""

from __future__ import annotations

import random


def _choices(words: str, sep: str = "|") -> tuple[str, ...]:
    return tuple(words.split(sep))


NAMES = _choices(
    "Robin Alex Sam Jo Dana Priya Theo Mei Omar Leah Kit Noor Jules Finn Aisha Marcus Ines Paul "
    "Sofia Elena Harold Rosa Ben Gwen Tash Ray Lucy Femi Ellie Nico Olly Bea Kofi Ruth Ana Dan",
    " ",
)
PLACES = _choices(
    "the pier|the station|the old bakery|Mill Street|the canal path|the market|your sister's flat|"
    "the coast|the hills|the little cinema|the park by the river|the bookshop|the allotment|"
    "the bus stop on Grove Road|the cafe near work|the swimming baths|the top of the hill|the bridge"
)
TIMES = _choices(
    "last spring|in March|over the summer|one rainy Tuesday|on your birthday|last winter|"
    "that first autumn|on New Year's Eve|during the heatwave|in the week you moved|some Sundays|"
    "most evenings|after the wedding|before the holidays|at Easter|early in the mornings"
)
ACTIVITIES = _choices(
    "cycling to work|running with a club|cooking proper meals|seeing a counsellor|learning the guitar|"
    "volunteering at the food bank|walking every morning|reading before bed|painting again|"
    "swimming twice a week|keeping a journal|taking a pottery class|fixing up the bike|gardening"
)
THINGS = _choices(
    "the crossword|your terrible puns|the way you hummed while cooking|our slow breakfasts|"
    "the postcards from Lisbon|the long drives|your laugh|the late-night talks|the board games|"
    "the blue mug|the walks after dinner|the playlists you made|the silly films|the picnic blanket"
)
FEELINGS = _choices("grateful|hopeful|calm|sad|nervous|proud|lonely|content|restless|thankful")
MONTHS = _choices("January|February|March|April|May|June|July|August|September|October|November|December")
FOOD = _choices("tomatoes|courgettes|beans|strawberries|herbs|lettuces|peppers|sunflowers")

TEMPLATES: tuple[tuple[int, str], ...] = (
    (6, "I think about {thing} more often than I expected, especially {time}."),
    (6, "I miss {thing}, and I still smile when I walk past {place}."),
    (5, "Since we last spoke I have been {activity}, and it has helped more than I thought."),
    (5, "{time_cap} I started {activity}, mostly to get out of my own head."),
    (4, "I was wrong to go quiet when you needed me {time}, and I am sorry."),
    (4, "I should have listened when you told me about {place}; I brushed it off."),
    (4, "We were good together because we made ordinary days at {place} feel like an adventure."),
    (4, "I remember {thing} and how {feeling} it made me feel."),
    (4, "If you are open to it, I would love to meet for a coffee near {place} some time."),
    (3, "There is no pressure at all, and I will understand if you would rather not reply."),
    (3, "I hope the new job is going well and that {name} is settling in."),
    (3, "The garden is full of {food} this year, which would make you laugh."),
    (3, "Work has been busy, but I leave on time now and I cook most nights."),
    (3, "I called my dad {time}, after far too long, and we talked for an hour."),
    (3, "{name} asked after you {time}, and I realised I had no idea how you were."),
    (3, "I feel {feeling} most days now, which is a change from last year."),
    (2, "I know my part in how things ended, and I am not going to make excuses for it."),
    (2, "I am not going to beg, and I won't keep writing if you ask me not to."),
    (2, '{name} once said "you never listen", and {name2} was right about that.'),
    (2, "You always blame me for everything that goes wrong at {place}."),
    (2, "I'm begging you, please just talk to me about {thing}."),
    (2, "I can't live without you, and I check my phone every hour {time}."),
    (2, "If you don't answer by Friday, I'll assume we are finished."),
    (2, "You made me feel small {time}, and I never said so."),
    (2, "Whatever you decide, I hope you are happy and that {thing} still makes you smile."),
    (2, "I'd do anything to go back to {place} with you."),
    (2, "It was lovely to hear that {name} got the flat near {place}."),
    (1, "Honestly, I don't even know why I am writing this."),
    (1, "Anyway, whatever, it doesn't matter now."),
    (1, "I HAVE TRIED EVERYTHING AND YOU STILL WILL NOT ANSWER ME."),
    (1, "{name} told me you said 'I am done with all of it', but I would rather hear it from you."),
    (1, "Thank you for the {number} years we had, and for everything you taught me."),
    (1, "Could we take things slowly, perhaps one walk along {place} at a time?"),
)
GREETINGS = ("Dear {name},", "Hi {name},", "Hello {name},", "{name},", "Dearest {name},")
SIGN_OFFS = ("Love,\n{name}", "Take care,\n{name}", "All my best,\n{name}", "Warmly,\n{name}", "{name}")


class LetterGenerator:
    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self._weights = [w for w, _ in TEMPLATES]

    def sentence(self) -> str:
        rng = self.rng
        template = rng.choices(TEMPLATES, weights=self._weights)[0][1]
        time = rng.choice(TIMES)
        text = template.format(
            name=rng.choice(NAMES),
            name2=rng.choice(NAMES),
            place=rng.choice(PLACES),
            time=time,
            time_cap=time[0].upper() + time[1:] + ",",
            activity=rng.choice(ACTIVITIES),
            thing=rng.choice(THINGS),
            feeling=rng.choice(FEELINGS),
            food=rng.choice(FOOD),
            number=rng.randint(2, 19),
        )
        # A short detail clause keeps sentences distinct without changing their shape.
        if text.endswith(".") and ("{" not in template or rng.random() < 0.85):
            text = text[:-1] + ", " + self._detail() + "."
        return text

    def _detail(self) -> str:
        rng = self.rng
        form = rng.randrange(4)
        if form == 0:
            return f"{rng.choice(('around', 'near', 'by', 'past'))} {rng.choice(PLACES)}"
        if form == 1:
            return f"with {rng.choice(NAMES)} {rng.choice(TIMES)}"
        if form == 2:
            return f"on the {rng.randint(1, 28)}th of {rng.choice(MONTHS)}"
        return (
            f"{rng.randint(2, 60)} {rng.choice(('days', 'weeks', 'months'))} ago, near {rng.choice(PLACES)}"
        )

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def letter(self, words: int | None = None) -> str:
        """One letter; `words` aims at a length, else 100-350 words, near the corpus average."""
        rng = self.rng
        target = words or rng.randint(100, 350)
        parts = [rng.choice(GREETINGS).format(name=rng.choice(NAMES))]
        count = 0
        while count < target:
            para = self.paragraph(rng.randint(2, 5))
            parts.append(para)
            count += len(para.split())
        parts.append(rng.choice(SIGN_OFFS).format(name=rng.choice(NAMES)))
        return "\n\n".join(parts) + "\n"

    def text_of_size(self, size: int) -> str:
        """Letters one after another up to `size` characters (cut at a letter boundary)."""
        chunks: list[str] = []
        total = 0
        while total < size:
            letter = self.letter()
            chunks.append(letter)
            total += len(letter) + 1
        return "\n".join(chunks)[:size]
