"""Negative-tone rules read constructions, not sentences.

Each case below is a fresh sentence built from a construction the rules describe (who does
what to whom), in words that appear in no rule example, so a rule that only fits the
sentences it was tuned on fails here. The hard negatives are the same constructions with
the roles turned round, negated, softened or about something harmless.
"""

from __future__ import annotations

import pytest

from tests.conftest import family_rules

# (rule, text that must fire it)
FIRES = [
    # blame: the reader as agent of a harm or neglect verb against me/us
    ("negative-tone/blame", "You deserted us the summer Nell was born."),
    ("negative-tone/blame", "You put the allotment ahead of your own kids every weekend."),
    ("negative-tone/blame", "You and Marcus booked the whole move without telling me."),
    ("negative-tone/blame", "The overdraft is entirely down to your gambling."),
    ("negative-tone/blame", "You froze me out for most of that year."),
    # insult: child comparisons, being told to grow up, a proper adult
    ("negative-tone/contempt", "You stomped off to the car like a sulky toddler."),
    ("negative-tone/contempt", "It's high time you grew up a little."),
    ("negative-tone/contempt", "Any sensible man would have rung your mother by now, but you won't."),
    # threat: disclosure toward an authority, conditional disclosure, reminders
    ("negative-tone/threat", "I'll be forwarding the bank letters to your manager on Friday."),
    ("negative-tone/threat", "If you stall again, I'll show the texts to your parents."),
    ("negative-tone/threat", "Bear in mind that I still have copies of the invoices."),
    # gloom: totaliser + bleak predicate, the writer's lot
    ("negative-tone/gloom", "Nothing holds any meaning for me lately."),
    ("negative-tone/gloom", "Folk like us never get the lucky break."),
    ("negative-tone/gloom", "Weekends are a treadmill of laundry and silence."),
]

# (rule, text that must not fire it)
ALLOWS = [
    ("negative-tone/blame", "I deserted you when you needed me, and I own that."),
    ("negative-tone/blame", "You put the kettle on before I even asked, every morning."),
    ("negative-tone/blame", "You never froze me out, even when I deserved it."),
    ("negative-tone/contempt", "The twins stomped about like toddlers all afternoon."),
    ("negative-tone/contempt", "I had to grow up a little after Dad died."),
    ("negative-tone/threat", "I'll be forwarding your post to the new flat on Friday."),
    ("negative-tone/threat", "If you want, I'll show the holiday photos to your parents."),
    ("negative-tone/gloom", "Nothing much happened at the allotment this week."),
    ("negative-tone/gloom", "Weekends are busy now, but I'm slowly getting better at resting."),
]


def _rules(text: str) -> set[str]:
    return family_rules(text, "negative-tone")


@pytest.mark.parametrize(("rule", "text"), FIRES)
def test_construction_fires(rule: str, text: str) -> None:
    assert rule in _rules(text), f"{rule} should flag {text!r}"


@pytest.mark.parametrize(("rule", "text"), ALLOWS)
def test_hard_negative_is_quiet(rule: str, text: str) -> None:
    assert rule not in _rules(text), f"{rule} should not flag {text!r}"


def test_rival_needs_a_new_partner_in_the_letter() -> None:
    jab = "I'm sure Rowan is wonderful at parties."
    assert "negative-tone/rival" not in _rules(jab)
    assert "negative-tone/rival" in _rules("So you're with Rowan now.\n\n" + jab)
