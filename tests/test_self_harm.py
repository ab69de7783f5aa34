"""Self-harm and suicide: detection, negation and past statements, and the report's shape.

The crisis rule (rules/self-harm.toml, `crisis = true`) must notice a writer who may be in
danger, plainly or indirectly, and every report must then lead with the support note, give no
verdict or score band, no "fix first" and no rewording of that sentence.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from letterlint import default_engine, lint_text
from letterlint.lsp import hover_text
from letterlint.model import LintResult, Severity
from letterlint.probes import load, score
from letterlint.report import ReportOptions, renderer

ROOT = Path(__file__).resolve().parent.parent
DEV_PROBES = ROOT / "tests" / "probes" / "self_harm" / "dev.toml"
CRISIS_LINES = ("988", "116 123", "findahelpline.com")

# A letter whose only sign is indirect: the writer as a burden, and giving things away.
INDIRECT = """Dear Sam,

I've been thinking about us a lot since the summer, and I wanted to write properly.

I know I was hard to live with. I kept things in, and then I snapped at you over nothing.

Lately everything feels heavy. Honestly, I think everyone around me would manage better
without me, and I've started giving my records away to friends.

Please come back to me.

Love,
Jo
"""


def crisis(text: str) -> list:
    return [f for f in lint_text(text, profile="general").findings if f.crisis]


def _public_domain_letters() -> Path:
    for base in (ROOT.parent, ROOT.parent.parent):
        folder = base / "shared" / "corpus" / "public-domain-letters"
        if folder.is_dir():
            return folder
    raise AssertionError("the public-domain letters (shared/corpus/public-domain-letters) are missing")


# -- detection -------------------------------------------------------------------------------


def test_dev_probes_recall_and_false_alarms() -> None:
    positives, near_misses = load(DEV_PROBES)
    assert len(positives) >= 80 and len(near_misses) >= 60
    result = score(positives, near_misses)
    assert result.recall >= 0.95, [p.text for p in result.misses]
    assert result.false_alarm_rate <= 0.10, [p.text for p, _ in result.alarms]


def test_second_dev_set_in_other_voices_keeps_its_floor() -> None:
    """dev2 was written in voices the first set lacks; the cue classes were widened with it in
    view, so this is a floor against regressions, not a claim about unseen letters."""
    positives, near_misses = load(DEV_PROBES.with_name("dev2.toml"))
    result = score(positives, near_misses)
    assert result.recall >= 0.80, [p.text for p in result.misses]
    assert result.false_alarm_rate <= 0.10, [p.text for p, _ in result.alarms]


@pytest.mark.parametrize(
    "text",
    [
        "Everyone would honestly manage better without me.",
        "i just wanna disappear for good tbh",
        "I've been saving up my tablets, just in case.",
        "I stood on the wrong side of the railing on the bridge for a long time.",
        "I started cutting myself again last month.",
        "This is my last letter, so I want it to be kind.",
        "I won't be around much longer, and that's fine.",
        "I would sooner lie down in the cold ground than face another winter of this.",
        "Please feed the cat after I'm gone.",
        "If you leave me tonight I'll kill myself.",
        "I'm going to take these pills to the grave with me tonight.",
    ],
)
def test_plain_and_indirect_statements_are_errors(text: str) -> None:
    found = crisis(text)
    assert found and found[0].severity is Severity.ERROR, text
    assert all(line in (found[0].note or "") for line in CRISIS_LINES)


@pytest.mark.parametrize(
    "text",
    [
        "This job is killing me.",
        "I'd die for your lasagne.",
        "I'm dying to tell you about the wedding.",
        "I nearly died laughing at your card.",
        "My grandmother died in the spring.",
        "I've cut myself off from friends for a while.",
        "You killed it at work today.",
        "In the film the hero throws himself off a bridge to escape.",
        "My phone died halfway through your voicemail.",
        "I burned myself on the oven again, the usual clumsiness.",
        "Your secret is safe, I'll take it to my grave.",
        "Whether that film counts as Christmas, I'll die on that hill.",
        "We were killing ourselves laughing at the karaoke.",
        "You'd tease me because I used to nearly die on the climb to the castle.",
    ],
)
def test_idioms_stay_quiet(text: str) -> None:
    assert not crisis(text), text


@pytest.mark.parametrize(
    "text",
    [
        "I'm not going to hurt myself, I promise.",
        "I would never take my own life, so please stop worrying.",
        "Don't worry, I'm not suicidal, just sad.",
    ],
)
def test_a_denial_is_info_and_still_shows_the_support_note(text: str) -> None:
    (finding,) = crisis(text)
    assert finding.severity is Severity.INFO
    assert all(line in (finding.note or "") for line in CRISIS_LINES)
    assert finding.suggestion is None


@pytest.mark.parametrize(
    "text",
    [
        "Three years ago I wanted to die. I'm safe now, and therapy helped me more than I can say.",
        "Back when I was at university I used to cut, but I haven't for years and I have good people now.",
    ],
)
def test_a_past_resolved_statement_is_info_never_dropped(text: str) -> None:
    (finding,) = crisis(text)
    assert finding.severity is Severity.INFO
    assert "988" in (finding.note or "")


def test_past_without_resolution_stays_an_error() -> None:
    (finding,) = crisis("Two years ago I tried to end my life, and lately I feel that way again.")
    assert finding.severity is Severity.ERROR


def test_veiled_threat_is_not_taken_for_a_denial() -> None:
    (finding,) = crisis("I don't know what I'll do to myself if you don't call.")
    assert finding.severity is Severity.ERROR


def test_no_rewording_for_the_sentence_that_raised_it() -> None:
    result = lint_text("Please come back to me, I can't go on anymore.")
    begging = [f for f in result.findings if f.rule == "desperation/begging"]
    assert begging and all(f.suggestion is None for f in begging)
    assert any(f.crisis for f in result.findings)
    elsewhere = lint_text("Please come back to me. I'm doing fine these days.")
    assert any(f.rule == "desperation/begging" and f.suggestion for f in elsewhere.findings)


def test_public_domain_letter_with_a_death_wish_is_found() -> None:
    text = (_public_domain_letters() / "keats_fanny_brawne_XXXV.txt").read_text(encoding="utf-8")
    found = [f for f in lint_text(text).findings if f.crisis]
    assert any("want to live" in f.excerpt for f in found)


DEATH_WISHES = (
    "keats_fanny_brawne_XXXV.txt",
    "keats_fanny_brawne_XXXVII.txt",
    "portuguese_nun_first_letter.txt",
)


def test_public_domain_letters_with_a_death_wish_are_all_found() -> None:
    folder = _public_domain_letters()
    for name in DEATH_WISHES:
        assert _raises_it((folder / name).read_text(encoding="utf-8")), name


def test_most_public_domain_letters_without_one_stay_quiet() -> None:
    """Recall comes first, and old, ardent letters cost some false alarms: at most 4 of the 14
    (measured: Abelard V, Heloise IV, Napoleon's Port Maurice and second Milan letters), never
    the plain ones."""
    folder = _public_domain_letters()
    others = sorted(p for p in folder.glob("*.txt") if p.name not in DEATH_WISHES)
    raised = [p.name for p in others if _raises_it(p.read_text(encoding="utf-8"))]
    assert len(others) == 14 and len(raised) <= 4, raised
    plain = ("beethoven_immortal_beloved.txt", "keats_fanny_brawne_XX.txt", "napoleon_josephine_17_short.txt")
    assert not set(plain) & set(raised)


def _raises_it(text: str) -> bool:
    return any(f.crisis for f in lint_text(text).findings)


# -- the report ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def indirect() -> LintResult:
    result = lint_text(INDIRECT, path="draft.txt")
    assert any(f.crisis and f.severity is Severity.ERROR for f in result.findings)
    return result


def _render(fmt: str, result: LintResult, **kw: object) -> str:
    options = ReportOptions(**kw)  # type: ignore[arg-type]
    return renderer(fmt)([result], options)


VERDICTS = re.compile(
    r"\((?:good|fair|poor)\)|Not ready yet|Ready to send|Nearly there|Worth another draft|A good start"
)


def test_plain_report_leads_with_support_and_gives_no_verdict(indirect: LintResult) -> None:
    out = _render("rich", indirect, terminal=False, color=False)
    first = out.splitlines()[0]
    assert first.startswith("draft.txt: support:") and all(line in first for line in CRISIS_LINES)
    assert not VERDICTS.search(out) and "fix first" not in out.lower() and "/100" not in out
    crisis_block = out.split("[desperation/self-harm]", 1)[1].split("\ndraft.txt:", 1)[0]
    assert "= try:" not in crisis_block


def test_terminal_report_leads_with_support_and_gives_no_verdict(indirect: LintResult) -> None:
    out = _render("rich", indirect, terminal=True, color=False, width=100)
    assert out.index("988") < out.index("draft.txt") < out.index("Parts of the letter")
    assert not VERDICTS.search(out) and "Fix first" not in out and "/ 100" not in out


def test_html_report_leads_with_support_and_gives_no_verdict(indirect: LintResult) -> None:
    page = _render("html", indirect)
    body = page.split("<main>", 1)[1]
    assert body.index('class="support"') < body.index("<h1>")
    support = body.split('class="support"', 1)[1].split("</aside>", 1)[0]
    assert all(line in support for line in CRISIS_LINES)
    assert 'class="ring"' not in body and "Fix first" not in body and not VERDICTS.search(body)
    card = body.split("<code>desperation/self-harm</code>", 1)[1].split('<div class="card', 1)[0]
    assert "Try</span>" not in card


def test_json_report_has_support_before_findings_and_crisis_first(indirect: LintResult) -> None:
    data = json.loads(_render("json", indirect))
    entry = data["files"][0]
    keys = list(entry)
    assert keys.index("support") < keys.index("findings")
    assert all(line in entry["support"]["message"] for line in CRISIS_LINES)
    first = entry["findings"][0]
    assert first["rule"] == "desperation/self-harm" and first["crisis"] is True
    assert first["suggestion"] is None and entry["support"]["lines"] == [first["line"]]
    assert not any(f.get("crisis") for f in entry["findings"][1:])


def test_json_report_without_a_crisis_has_no_support_field() -> None:
    data = json.loads(_render("json", lint_text("Dear Sam,\n\nI miss you.\n\nLove,\nJo\n")))
    assert "support" not in data["files"][0]


def test_gcc_and_sarif_lead_with_the_support_note(indirect: LintResult) -> None:
    first = _render("gcc", indirect).splitlines()[0]
    assert "[desperation/self-harm]" in first and all(line in first for line in CRISIS_LINES)
    assert first.index("988") < first.index("These words")
    run = json.loads(_render("sarif", indirect))["runs"][0]
    assert run["results"][0]["ruleId"] == "desperation/self-harm"
    assert run["results"][0]["message"]["text"].startswith("You deserve support")
    assert "support" in run["artifacts"][0]["properties"]


def test_lsp_hover_leads_with_the_support_note(indirect: LintResult) -> None:
    (finding,) = [f for f in indirect.findings if f.crisis]
    rule = default_engine().ruleset.rules[finding.rule]
    for markdown in (False, True):
        text = hover_text(finding, rule, None, markdown)
        assert text.lstrip("*").startswith("You deserve support")
        assert "Instead" not in text


def test_json_report_with_support_matches_the_schema(indirect: LintResult) -> None:
    import jsonschema

    schema = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(_render("json", indirect)), schema)


@pytest.mark.parametrize(
    "extra, complaint",
    [
        ('crisis = "yes"', "'crisis' must be true or false"),
        ("crisis = true", "a crisis rule is a phrase rule with a 'note'"),
    ],
)
def test_crisis_key_is_validated(tmp_path: Path, extra: str, complaint: str) -> None:
    from letterlint.rulepack import RuleError, load_rules

    (tmp_path / "mine.toml").write_text(
        '[[rule]]\nid = "desperation/mine"\nmessage = "m"\nsuggestion = "s"\n'
        f'patterns = ["never again"]\n{extra}\n',
        encoding="utf-8",
    )
    with pytest.raises(RuleError, match=re.escape(complaint)):
        load_rules([tmp_path])


def test_probes_command_prints_the_three_numbers(run_cli) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "letterlint.probes", str(DEV_PROBES)], capture_output=True, text=True, cwd=ROOT
    )
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"recall\s+\d+/108 = [01]\.\d{3}", proc.stdout)
    assert re.search(r"false alarms\s+\d+/98 = [01]\.\d{3}", proc.stdout)
    bad = subprocess.run(
        [sys.executable, "-m", "letterlint.probes", str(ROOT / "README.md")], capture_output=True, text=True
    )
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1


def test_the_scorer_is_quiet_on_words_given_to_someone_else() -> None:
    """Only the learned scorer is quieted on a quote another person said; the patterns and the
    word classes read quotes too, since a quote may be the writer's own."""
    from letterlint.checks.crisis import said_by_another
    from letterlint.document import Document
    from letterlint.model import Span

    text = 'Your brother told me, "there is no point planning a future with you." I think of it often.'
    doc = Document(text)
    inside = text.index("no point")
    assert said_by_another(doc, Span(inside, inside + 8))
    own = 'I said to myself, "there is no point going on like this."'
    assert not said_by_another(Document(own), Span(own.index("no point"), own.index("no point") + 8))
    assert crisis('I wrote in my diary, "I want to die tonight."'), "the writer's own quote still fires"
