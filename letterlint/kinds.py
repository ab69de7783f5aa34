"""The kinds of problem a labelled corpus names, per family (tests/corpus/v2/LABELLING.md).

A rule says which kind it finds with `label_kind`; without it, a rule whose name is a kind
of its family finds that kind. The evaluation scores findings against labels by kind.
"""

from __future__ import annotations

LABEL_KINDS: dict[str, tuple[str, ...]] = {
    "desperation": (
        "begging", "self-erasing", "unlimited-promise", "compulsive-contact", "collapse",
        "pining", "panic-typography", "self-harm",
    ),
    "negative-tone": (
        "blame", "guilt-trip", "ultimatum", "insult", "sarcasm", "threat", "new-partner",
        "non-apology", "reproach", "unforgiving", "gloom",
    ),
    "weak-closing": (
        "negative-ending", "apologetic-ending", "fizzle", "pressure-ending", "self-defeat",
        "begging-ending", "threat-ending", "no-closing",
    ),
}  # fmt: skip

# A letter with a problem of these families has an error-level problem: the score should
# put it below clean letters (the evaluation's ROC AUC).
ERROR_LEVEL_FAMILIES = ("desperation", "negative-tone")


def kind_of(family: str, name: str, label_kind: str | None = None) -> str | None:
    """The labelled kind a rule finds: its `label_kind`, else its name when that is a kind."""
    if label_kind is not None:
        return label_kind
    return name if name in LABEL_KINDS.get(family, ()) else None
