"""`letterlint serve` in a real browser: Debian's Chromium, headless and offline, driven by
Playwright against the real command. A letter is typed, the highlights land on the engine's
exact words, a suggestion is applied and undone, a Word file is opened, and it all works at
400 px and with the keyboard alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from letterlint import lint_text
from tests.chromium import CHROMIUM, FLAGS, playwright_or_skip
from tests.local_page import _no_network, server_fixture  # noqa: F401

sync_api = playwright_or_skip()

DESPERATE = (
    "Dear Sam,\n\nI know I let you down last spring. Please, I'm begging you, come back to me. "
    "I can't live without you.\n\nLove,\nJo"
)
BEGGING = "desperation/begging"

# Where each mark of a finding sits in the backdrop, in UTF-16 offsets of the letter's text.
MARK_SPANS = """
(rule) => {
  const box = document.getElementById('backdrop');
  const before = (node) => {
    const range = document.createRange();
    range.setStart(box, 0);
    range.setEndBefore(node);
    return range.toString().length;
  };
  return Array.from(box.querySelectorAll(`mark[data-rule="${rule}"]`))
    .map((m) => [before(m), before(m) + m.textContent.length, m.textContent]);
}
"""


def begging_span(text: str) -> tuple[int, int]:
    found = [f for f in lint_text(text).findings if f.rule == BEGGING]
    assert len(found) == 1
    return found[0].span.start, found[0].span.end


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def open_page(browser, server):
    pages = []

    def open_(width: int = 1280, **options):
        context = browser.new_context(
            viewport={"width": width, "height": 900}, accept_downloads=True, **options
        )
        page = context.new_page()
        page.requests = []  # type: ignore[attr-defined]
        page.problems = []  # type: ignore[attr-defined]
        page.on("request", lambda r: page.requests.append(r.url))
        page.on("pageerror", lambda e: page.problems.append(str(e)))
        page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
        page.goto(server.url)
        page.wait_for_selector("body[data-ready]")
        pages.append((context, page))
        return page

    yield open_
    for context, page in pages:
        assert page.problems == [], page.problems  # no script error, no CSP violation
        origin = f"http://127.0.0.1:{server.port}/"
        assert all(url.startswith(origin) or url.startswith("blob:") for url in page.requests), page.requests
        context.close()


def type_letter(page, text: str) -> None:
    page.focus("#letter")
    page.keyboard.type(text)
    page.wait_for_selector(f'#backdrop mark[data-rule="{BEGGING}"]')
    page.wait_for_function("(t) => document.getElementById('letter').value === t", arg=text)


def same_layout(page) -> bool:
    """The backdrop wraps the text exactly as the textarea does, so the marks sit under the words."""
    return page.evaluate(
        """() => {
        const t = document.getElementById('letter'), b = document.getElementById('backdrop');
        return t.scrollHeight === b.scrollHeight && t.clientWidth === b.clientWidth
          && b.textContent.startsWith(t.value);
      }"""
    )


def test_typing_highlights_the_exact_words(open_page) -> None:
    page = open_page()
    type_letter(page, DESPERATE)
    start, end = begging_span(DESPERATE)
    assert page.evaluate(MARK_SPANS, BEGGING) == [[start, end, DESPERATE[start:end]]]
    assert same_layout(page)
    # the words on screen: the mark's box lies on the textarea, inside it
    mark = page.locator(f'#backdrop mark[data-rule="{BEGGING}"]').bounding_box()
    area = page.locator("#letter").bounding_box()
    assert mark and area and area["y"] < mark["y"] < area["y"] + area["height"]
    # beside the letter: score, checklist, tone arc and the list, in plain words
    assert page.locator("#score").text_content().isdigit()
    assert page.locator("#parts li.missing").count() >= 1
    assert page.locator("#arc svg rect").count() == len(lint_text(DESPERATE).tone.arc)
    item = page.locator(f'#findings button[data-rule="{BEGGING}"]')
    assert item.text_content().startswith("Sounds desperate")
    assert item.get_attribute("title") == "line 3"
    shown = page.evaluate("document.body.innerText")
    assert "desperation/" not in shown and "line 3" not in shown
    # the screen reader hears the findings once they settle
    status = page.locator("#status")
    assert status.get_attribute("aria-live") == "polite"
    assert "sounds desperate" in status.text_content()


def test_click_shows_why_then_use_this_wording_and_ctrl_z(open_page) -> None:
    page = open_page()
    type_letter(page, DESPERATE)
    start, end = begging_span(DESPERATE)
    # click in the middle of the highlighted words, in the textarea
    page.evaluate("([s, e]) => { const t = document.getElementById('letter'); t.focus(); }", [start, end])
    mark = page.locator(f'#backdrop mark[data-rule="{BEGGING}"]').bounding_box()
    page.mouse.click(mark["x"] + mark["width"] / 2, mark["y"] + mark["height"] / 2)
    card = page.locator("#card")
    card.wait_for(state="visible")
    assert card.get_attribute("data-rule") == BEGGING
    assert page.locator("#card-title").text_content() == "Sounds desperate"
    assert page.locator("#card-why").is_visible() and page.locator("#card-try").is_visible()
    suggestion = page.locator("#card-try span").text_content()
    page.click("#use")
    page.wait_for_function("(s) => document.getElementById('letter').value.includes(s)", arg=suggestion)
    revised = page.evaluate("document.getElementById('letter').value")
    assert "I'm begging" not in revised
    assert revised.startswith("Dear Sam,\n\nI know I let you down last spring. ")
    assert revised.endswith("I can't live without you.\n\nLove,\nJo")
    assert page.evaluate("document.activeElement.id") == "letter"
    page.keyboard.press("Control+z")
    page.wait_for_function("(t) => document.getElementById('letter').value === t", arg=DESPERATE)
    page.wait_for_selector(f'#backdrop mark[data-rule="{BEGGING}"]')


def test_not_a_problem_here_hides_that_one_for_the_session(open_page) -> None:
    page = open_page()
    type_letter(page, DESPERATE)
    page.click(f'#findings button[data-rule="{BEGGING}"]')
    page.click("#dismiss")
    assert page.locator(f'#backdrop mark[data-rule="{BEGGING}"]').count() == 0
    page.keyboard.press("End")
    page.focus("#letter")
    page.keyboard.press("Control+End")
    page.keyboard.type(" x")  # a new lint of the edited letter keeps it hidden
    page.wait_for_function("() => document.getElementById('letter').value.endsWith(' x')")
    page.wait_for_timeout(900)
    assert page.locator(f'#backdrop mark[data-rule="{BEGGING}"]').count() == 0
    assert page.locator("#ignored").is_visible()
    page.click("#unignore")
    assert page.locator(f'#backdrop mark[data-rule="{BEGGING}"]').count() == 1


def test_keyboard_only(open_page) -> None:
    page = open_page()
    for _ in range(15):  # Tab from the top of the page to the letter
        if page.evaluate("document.activeElement.id") == "letter":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Your letter"
    page.keyboard.type(DESPERATE)
    page.wait_for_selector(f'#backdrop mark[data-rule="{BEGGING}"]')
    page.keyboard.press("Control+Home")
    expected = [f for f in lint_text(DESPERATE).findings if f.family != "missing-section" and f.span.end > 0]
    # Alt+Down: the first finding, with the focus in its card
    page.keyboard.press("Alt+ArrowDown")
    page.locator("#card").wait_for(state="visible")
    assert page.evaluate("document.getElementById('card').contains(document.activeElement)")
    assert page.locator("#card").get_attribute("data-rule") == expected[0].rule
    assert page.locator("#backdrop mark.current").first.get_attribute("data-rule") == expected[0].rule
    # Down again: the next one; Esc: back in the letter, its words selected
    page.keyboard.press("ArrowDown")
    assert page.locator("#card").get_attribute("data-rule") == expected[1].rule
    page.keyboard.press("Escape")
    assert page.locator("#card").is_hidden()
    assert page.evaluate("document.activeElement.id") == "letter"
    selected = page.evaluate(
        "(() => { const t = document.activeElement; return [t.selectionStart, t.selectionEnd]; })()"
    )
    assert selected == [expected[1].span.start, expected[1].span.end]
    # Tab on to the list of findings, arrow to the begging one, Enter, Enter: the wording is in
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('#findings') !== null"):
            break
    for _ in range(len(expected)):
        if page.evaluate("document.activeElement.dataset.rule") == BEGGING:
            break
        page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.dataset.rule") == BEGGING
    assert page.locator("#card").is_visible()  # focusing it shows it
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "use"
    page.keyboard.press("Enter")
    page.wait_for_function("() => !document.getElementById('letter').value.includes(\"I'm begging\")")
    page.keyboard.press("Control+z")
    page.wait_for_function("(t) => document.getElementById('letter').value === t", arg=DESPERATE)


def test_open_a_word_file_and_drop_a_text_file_then_download(open_page, tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for paragraph in ("Dear Sam,", "I miss you. Please, I'm begging you, come back to me.", "Love,", "Jo"):
        document.add_paragraph(paragraph)
    word = tmp_path / "to sam.docx"
    document.save(str(word))
    before = word.read_bytes()
    page = open_page()
    page.set_input_files("#file", str(word))
    text = "Dear Sam,\n\nI miss you. Please, I'm begging you, come back to me.\n\nLove,\n\nJo"
    page.wait_for_function("(t) => document.getElementById('letter').value === t", arg=text)
    page.wait_for_selector(f'#backdrop mark[data-rule="{BEGGING}"]')
    start, end = begging_span(text)
    assert page.evaluate(MARK_SPANS, BEGGING) == [[start, end, text[start:end]]]
    with page.expect_download() as download:
        page.click("#save-txt")
    assert download.value.suggested_filename == "to sam-revised.txt"
    saved = tmp_path / "saved.txt"
    download.value.save_as(saved)
    assert saved.read_text(encoding="utf-8") == text
    assert word.read_bytes() == before  # the original is never touched
    # drop a Markdown letter on the page
    dropped = "Dear Alex,\n\nYou never listened to me, and it is all your fault.\n\nJo\n"
    handle = page.evaluate_handle(
        """(text) => { const dt = new DataTransfer();
           dt.items.add(new File([text], 'alex.md', {type: 'text/markdown'})); return dt; }""",
        dropped,
    )
    page.dispatch_event("#letter", "drop", {"dataTransfer": handle})
    page.wait_for_function("(t) => document.getElementById('letter').value === t", arg=dropped)
    page.wait_for_selector('#backdrop mark[data-rule="negative-tone/blame"]')
    assert same_layout(page)
    with page.expect_download() as download:
        page.click("#save-md")
    assert download.value.suggested_filename == "alex-revised.md"


def test_400_pixels_wide(open_page) -> None:
    page = open_page(width=400)
    type_letter(page, DESPERATE)
    assert page.evaluate("document.documentElement.scrollWidth") <= 400
    assert same_layout(page)
    paper = page.locator("#paper").bounding_box()
    side = page.locator(".side").bounding_box()
    assert paper and side and side["y"] >= paper["y"] + paper["height"]
    page.click(f'#findings button[data-rule="{BEGGING}"]')
    card = page.locator("#card").bounding_box()
    assert card and card["x"] >= 0 and card["x"] + card["width"] <= 400
    start, end = begging_span(DESPERATE)
    assert page.evaluate(MARK_SPANS, BEGGING) == [[start, end, DESPERATE[start:end]]]
    # a letter taller than the box, ending in a new line: still line for line
    page.keyboard.press("Escape")
    page.focus("#letter")
    page.keyboard.press("Control+End")
    page.keyboard.type("\n\nP.S. I still have your blue scarf, and I'm begging you to call.\n" * 6)
    page.wait_for_timeout(900)
    assert page.evaluate("document.getElementById('letter').scrollHeight") > 600
    assert same_layout(page)
    assert page.locator(f'#backdrop mark[data-rule="{BEGGING}"]').count() >= 2


def test_follows_the_systems_dark_or_light_scheme(open_page) -> None:
    colours = {}
    for scheme in ("light", "dark"):
        page = open_page(color_scheme=scheme)
        colours[scheme] = page.evaluate("getComputedStyle(document.body).backgroundColor")
    light, dark = (sum(map(int, colours[s][4:-1].split(",")[:3])) for s in ("light", "dark"))
    assert light > 600 and dark < 150, colours


def test_the_draft_is_kept_only_when_asked(open_page) -> None:
    page = open_page()
    type_letter(page, DESPERATE)
    page.wait_for_timeout(600)
    assert page.evaluate("localStorage.length") == 0 and page.evaluate("sessionStorage.length") == 0
    page.reload()
    page.wait_for_selector("body[data-ready]")
    assert page.evaluate("document.getElementById('letter').value") == ""
    type_letter(page, DESPERATE)
    page.check("#keep")
    page.wait_for_function("() => localStorage.length === 1")
    page.reload()
    page.wait_for_selector("body[data-ready]")
    assert page.evaluate("document.getElementById('letter').value") == DESPERATE
    assert page.is_checked("#keep")
    page.wait_for_selector(f'#backdrop mark[data-rule="{BEGGING}"]')
    page.uncheck("#keep")
    assert page.evaluate("localStorage.length") == 0


def test_the_support_note_comes_first_with_no_verdict(open_page) -> None:
    """The page's side of the contract: a report whose file entry carries `support` (and a
    finding marked `crisis`) is shown with the note first, kindly, and no score verdict."""
    text = "Dear Sam,\n\nSome nights I think about ending my life.\n\nJo"
    report = {
        "letterlint": "0.1.0",
        "files": [
            {
                "path": "letter.txt",
                "support": {
                    "message": "You deserve support right now. Please talk to someone you trust.",
                    "lines": [3],
                },
                "profile": "reconcile",
                "score": 40,
                "sections": {"greeting": True, "sign-off": True},
                "tone": {"compound": -0.5, "negative_share": 1.0, "arc": [0.0, -0.6, 0.0]},
                "stats": {"words": 12, "sentences": 3, "paragraphs": 3, "reading_grade": 3.0},
                "findings": [
                    {
                        "rule": "desperation/self-harm",
                        "family": "desperation",
                        "severity": "error",
                        "line": 3,
                        "column": 1,
                        "end_line": 3,
                        "end_column": 42,
                        "message": "This sentence worries us.",
                        "excerpt": "Some nights I think about ending my life.",
                        "suggestion": None,
                        "note": "You deserve support right now.",
                        "crisis": True,
                    }
                ],
            }
        ],
    }
    page = open_page()
    page.route(
        "**/api/lint",
        lambda route: route.fulfill(status=200, content_type="application/json", body=json.dumps(report)),
    )
    page.focus("#letter")
    page.keyboard.type(text)
    page.locator("#support").wait_for(state="visible")
    assert "talk to someone you trust" in page.locator("#support").text_content()
    assert page.locator("#score-panel").is_hidden()  # no score, no verdict, no "fix first"
    assert page.locator("#support").bounding_box()["y"] < page.locator("#paper").bounding_box()["y"]
    assert "Before anything else" in page.locator("#status").text_content()
    page.click('#findings button[data-rule="desperation/self-harm"]')
    assert page.locator("#card-note").is_visible()
    assert page.locator("#use").is_hidden() and page.locator("#card-try").is_hidden()  # no rewrite
