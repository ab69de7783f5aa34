// letterlint serve: the page. It sends the letter to this computer's own letterlint
// (POST /api/lint) after a short pause and paints the answer behind the words.
// Nothing is stored unless the writer ticks "keep my draft"; then only in this browser.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const token = new URLSearchParams(location.search).get("token") || "";
  const letter = $("letter");
  const backdrop = $("backdrop");
  const card = $("card");
  const DRAFT_KEY = "letterlint.draft";
  const PAUSE_MS = 350;
  const FAMILIES = ["desperation", "negative-tone", "weak-closing", "missing-section", "clarity"];
  const SEVERITY = { error: 3, warning: 2, info: 1 };
  const PARTS = {
    greeting: "A greeting",
    feelings: "How you feel",
    growth: "What you have learned",
    reasons: "Why you want this",
    accountability: "Owning your part",
    commitment: "What you will do",
    "hopeful-close": "A hopeful close",
    "sign-off": "A sign-off",
    acknowledgement: "Naming what happened",
    impact: "How it affected them",
    repair: "Making it right",
  };

  const state = {
    setup: { rules: {}, profiles: [], profile: "reconcile" },
    name: "letter.txt",
    text: "", // the text the items point into (always the textarea's value after an input)
    report: null, // the last JSON file entry
    items: [], // findings placed in `text`: {f, start, end}
    visible: [], // items shown (not ignored, not missing parts), reading order
    ignored: new Set(),
    current: -1,
    seq: 0,
    timer: 0,
    saveTimer: 0,
    announced: "",
  };

  // -- talking to the server ------------------------------------------------------------

  async function api(path, body, headers = {}) {
    const response = await fetch(path, {
      method: body === undefined ? "GET" : "POST",
      headers: { "X-Letterlint-Token": token, ...headers },
      body,
      cache: "no-store",
    });
    let data = {};
    try {
      data = await response.json();
    } catch (_) {
      data = {};
    }
    if (!response.ok) throw new Error(data.error || `the server answered ${response.status}`);
    return data;
  }

  function lintName() {
    return state.name.replace(/\.docx$/i, ".txt");
  }

  async function lint() {
    clearTimeout(state.timer);
    const text = letter.value;
    const seq = ++state.seq;
    if (!text.trim()) {
      state.report = null;
      state.items = [];
      state.text = text;
      render();
      return;
    }
    try {
      const data = await api(
        "/api/lint",
        JSON.stringify({ text, profile: $("profile").value || undefined, name: lintName() }),
        { "Content-Type": "application/json" },
      );
      if (seq !== state.seq) return; // a newer lint is on its way
      const file = data.files[0];
      state.report = file;
      state.items = shift(place(file, text), text, letter.value);
      state.text = letter.value;
      render();
      announceFindings();
    } catch (error) {
      if (seq === state.seq) say(`I could not check the letter just now: ${error.message}`);
    }
  }

  function schedule() {
    clearTimeout(state.timer);
    state.timer = setTimeout(lint, PAUSE_MS);
  }

  // -- positions: the report counts lines and code points; the textarea counts UTF-16 units

  function lineStarts(text) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (c === 10 || c === 13) starts.push(i + 1);
    }
    return starts;
  }

  function offset(text, starts, line, column) {
    let i = line - 1 < starts.length ? starts[line - 1] : text.length;
    for (let n = 1; n < column && i < text.length; n++) {
      const c = text.charCodeAt(i);
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    }
    return i;
  }

  function place(file, text) {
    const starts = lineStarts(text);
    return (file.findings || []).map((f) => {
      const start = offset(text, starts, f.line, f.column);
      const end = Math.max(start, offset(text, starts, f.end_line, f.end_column));
      return { f, start, end };
    });
  }

  // After an edit, keep the highlights on their words until the next answer arrives:
  // those after the edit move with it, those it touched are dropped.
  function shift(items, before, after) {
    if (before === after) return items;
    const most = Math.min(before.length, after.length);
    let head = 0;
    while (head < most && before.charCodeAt(head) === after.charCodeAt(head)) head++;
    let tail = 0;
    while (
      tail < most - head &&
      before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
    )
      tail++;
    const oldEnd = before.length - tail;
    const delta = after.length - before.length;
    return items
      .filter((it) => it.end <= head || it.start >= oldEnd)
      .map((it) => (it.start >= oldEnd && delta ? { ...it, start: it.start + delta, end: it.end + delta } : it));
  }

  // -- what is shown ------------------------------------------------------------------------

  function rule(id) {
    return state.setup.rules[id] || {};
  }

  function familyClass(family) {
    return FAMILIES.includes(family) ? `fam-${family}` : "fam-other";
  }

  function kindTitle(f) {
    const title = rule(f.rule).title;
    if (title) return title;
    const family = f.family || "";
    return family.charAt(0).toUpperCase() + family.slice(1).replace(/-/g, " ");
  }

  function lineOf(pos) {
    let line = 1;
    for (let i = 0; i < pos && i < state.text.length; i++) if (state.text.charCodeAt(i) === 10) line++;
    return line;
  }

  function withKeys(items) {
    const seen = new Map();
    return items.map((it) => {
      const base = `${it.f.rule}\u0000${state.text.slice(it.start, it.end)}`;
      const nth = seen.get(base) || 0;
      seen.set(base, nth + 1);
      return { ...it, key: `${base}\u0000${nth}` };
    });
  }

  function render() {
    const keyed = withKeys(state.items);
    state.visible = keyed
      .filter((it) => it.f.family !== "missing-section" && !state.ignored.has(it.key))
      .sort((a, b) => a.start - b.start || b.end - a.end);
    state.current = -1;
    hideCard(false);
    paintBackdrop();
    renderList();
    renderSide();
    const hidden = keyed.filter((it) => state.ignored.has(it.key)).length;
    $("ignored").hidden = hidden === 0;
    $("ignored").firstElementChild.textContent =
      hidden === 1 ? "1 note hidden for now." : `${hidden} notes hidden for now.`;
  }

  // Findings may overlap: each is one <mark> (split where it crosses another's edge), nested
  // inside the marks that contain it, so every piece carries its own rule.
  function paintBackdrop() {
    const text = state.text;
    const fragment = document.createDocumentFragment();
    const byPlace = (a, b) => a.start - b.start || b.end - a.end;
    const pieces = state.visible
      .map((it, i) => ({ it, i, start: it.start, end: it.end }))
      .filter((p) => p.end > p.start)
      .sort(byPlace);
    const stack = [{ el: fragment, end: Infinity }];
    const top = () => stack[stack.length - 1];
    let pos = 0;
    const upTo = (to) => {
      if (to > pos) {
        top().el.appendChild(document.createTextNode(text.slice(pos, to)));
        pos = to;
      }
    };
    while (pieces.length) {
      const piece = pieces.shift();
      while (top().end <= piece.start) {
        upTo(top().end);
        stack.pop();
      }
      upTo(piece.start);
      let end = piece.end;
      if (end > top().end) {
        pieces.push({ ...piece, start: top().end });
        pieces.sort(byPlace);
        end = top().end;
      }
      if (end <= piece.start) continue;
      const mark = document.createElement("mark");
      const f = piece.it.f;
      mark.className = `${familyClass(f.family)} sev-${f.severity}${f.crisis ? " crisis" : ""}`;
      mark.dataset.rule = f.rule;
      mark.dataset.i = String(piece.i);
      top().el.appendChild(mark);
      stack.push({ el: mark, end });
    }
    while (stack.length > 1) {
      upTo(top().end);
      stack.pop();
    }
    upTo(text.length);
    fragment.appendChild(document.createTextNode("\u200b")); // a last empty line shows, as in the textarea
    backdrop.replaceChildren(fragment);
  }

  function renderList() {
    const list = $("findings");
    list.replaceChildren(
      ...state.visible.map((it, i) => {
        const li = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.className = `${familyClass(it.f.family)}${it.f.crisis ? " crisis" : ""}`;
        button.dataset.rule = it.f.rule;
        button.dataset.i = String(i);
        button.title = it.end > it.start ? `line ${lineOf(it.start)}` : "the whole letter";
        const kind = document.createElement("span");
        kind.className = "kind";
        kind.textContent = kindTitle(it.f);
        button.append(kind);
        const words = state.text.slice(it.start, it.end).replace(/\s+/g, " ").trim();
        if (words) {
          const quote = document.createElement("q");
          quote.textContent = words;
          button.append(" ", quote);
        } else {
          button.append(" ", rule(it.f.rule).summary || "");
        }
        button.addEventListener("focus", () => show(i, false));
        button.addEventListener("click", () => show(i, true));
        li.append(button);
        return li;
      }),
    );
    const empty = $("no-findings");
    empty.hidden = state.visible.length > 0;
    if (!state.report) empty.textContent = "Nothing yet. Start writing, and I'll read along.";
    else empty.textContent = "Nothing here works against you. Read it aloud once more.";
  }

  function renderSide() {
    const file = state.report;
    const support = file && file.support;
    $("support").hidden = !support;
    if (support) $("support-message").textContent = support.message;
    const panel = $("score-panel");
    panel.hidden = !file || Boolean(support); // no verdict on a letter that worries us
    if (file && !support) {
      const band = file.score >= 80 ? "good" : file.score >= 55 ? "fair" : "poor";
      panel.className = `panel score-panel band-${band}`;
      $("ring").style.setProperty("--score", String(file.score));
      $("score").textContent = String(file.score);
      $("verdict").textContent = verdict(file);
      const first = fixFirst();
      $("fix-first").hidden = first < 0;
      if (first >= 0) {
        const it = state.visible[first];
        const go = $("fix-first-go");
        go.textContent = rule(it.f.rule).summary || kindTitle(it.f);
        go.title = `line ${lineOf(it.start)}`;
        go.onclick = () => show(first, true);
      }
    }
    renderParts(file);
    renderArc(file);
  }

  function verdict(file) {
    const shown = state.visible.map((it) => SEVERITY[it.f.severity] || 0);
    const worst = Math.max(0, ...shown);
    if (worst === 0) return "Ready to send: warm, clear and complete.";
    if (worst === 1) return "Ready to send; a few optional touches are listed below.";
    if (worst === 3) return "Not ready yet: a few lines would work against you.";
    if (file.score >= 80) return "Nearly there: a few small changes would make it stronger.";
    if (file.score >= 55) return "A good start: the heart is here; the letter needs another pass.";
    return "Worth another draft: the heart is here, and the tone needs work.";
  }

  function fixFirst() {
    let best = -1;
    state.visible.forEach((it, i) => {
      if (it.end <= it.start) return;
      const here = SEVERITY[it.f.severity] || 0;
      if (best < 0 || here > (SEVERITY[state.visible[best].f.severity] || 0)) best = i;
    });
    return best;
  }

  function renderParts(file) {
    const list = $("parts");
    if (!file) {
      list.replaceChildren();
      return;
    }
    const missing = new Map(
      (file.findings || [])
        .filter((f) => f.family === "missing-section")
        .map((f) => [f.rule.split("/").slice(1).join("/"), f]),
    );
    list.replaceChildren(
      ...Object.entries(file.sections || {}).map(([name, found]) => {
        const li = document.createElement("li");
        li.className = found ? "found" : "missing";
        const tick = document.createElement("span");
        tick.className = "tick";
        tick.textContent = found ? "✓" : "○";
        tick.setAttribute("aria-hidden", "true");
        const label = PARTS[name] || name.charAt(0).toUpperCase() + name.slice(1).replace(/-/g, " ");
        const what = document.createElement("span");
        what.textContent = found ? label : `${label} (missing)`;
        li.append(tick, what);
        const f = missing.get(name);
        if (!found && f) {
          const hint = document.createElement("p");
          hint.className = "hint";
          hint.textContent = f.message;
          li.append(hint);
          if (f.suggestion) {
            const example = document.createElement("p");
            example.className = "example";
            example.textContent = `For example: “${f.suggestion}”`;
            li.append(example);
          }
        }
        return li;
      }),
    );
  }

  function renderArc(file) {
    const box = $("arc");
    const words = $("arc-words");
    const values = (file && file.tone && file.tone.arc) || [];
    if (!values.length) {
      box.replaceChildren();
      words.textContent = file ? "No sentences to read yet." : "";
      return;
    }
    const NS = "http://www.w3.org/2000/svg";
    const width = 360;
    const height = 110;
    const left = 8;
    const mid = 50;
    const half = 40;
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "The tone of each sentence, from warm (up) to hurt (down)");
    const zero = document.createElementNS(NS, "line");
    for (const [k, v] of Object.entries({ x1: left, y1: mid, x2: width - left, y2: mid, class: "zero" }))
      zero.setAttribute(k, String(v));
    svg.append(zero);
    const step = (width - 2 * left) / values.length;
    const bar = Math.max(1, step * 0.7);
    values.forEach((value, i) => {
      const mood = moodOf(value);
      const h = mood === "neutral" ? 2 : Math.max(2, Math.abs(value) * half);
      const rect = document.createElementNS(NS, "rect");
      rect.setAttribute("x", (left + i * step + (step - bar) / 2).toFixed(1));
      rect.setAttribute("y", (mood === "neutral" ? mid - 1 : value >= 0 ? mid - h : mid).toFixed(1));
      rect.setAttribute("width", bar.toFixed(1));
      rect.setAttribute("height", h.toFixed(1));
      rect.setAttribute("rx", "1.5");
      rect.setAttribute("class", mood);
      const title = document.createElementNS(NS, "title");
      title.textContent = `sentence ${i + 1}: ${mood}`;
      rect.append(title);
      svg.append(rect);
    });
    for (const [label, y] of [["warm", 14], ["hurt", 100]]) {
      const text = document.createElementNS(NS, "text");
      text.setAttribute("x", String(width - left));
      text.setAttribute("y", String(y));
      text.setAttribute("text-anchor", "end");
      text.setAttribute("class", "axis");
      text.textContent = label;
      svg.append(text);
    }
    box.replaceChildren(svg);
    words.textContent = describeArc(values);
  }

  function moodOf(value) {
    if (value >= 0.05) return "positive";
    if (value <= -0.25) return "negative";
    if (value <= -0.05) return "low";
    return "neutral";
  }

  function describeArc(values) {
    const n = values.length;
    const negative = values.filter((v) => v <= -0.25).length / n;
    const neutral = values.filter((v) => v > -0.05 && v < 0.05).length / n;
    const mean = values.reduce((a, b) => a + b, 0) / n;
    let overall = "Mixed";
    if (negative >= 0.4) overall = "Mostly hurt";
    else if (neutral > 0.5) overall = "Mostly even";
    else if (mean >= 0.2 && negative < 0.2) overall = "Warm";
    const tail = values.slice(-2).filter((v) => Math.abs(v) > 0);
    const end = tail.length ? tail.reduce((a, b) => a + b, 0) / tail.length : 0;
    const ending = end >= 0.05 ? "it ends warm" : end <= -0.05 ? "it ends low" : "it ends evenly";
    const lowest = values.indexOf(Math.min(...values));
    const dip = values[lowest] <= -0.25 ? `; the lowest point is sentence ${lowest + 1}` : "";
    return `${overall}${dip}; ${ending}.`;
  }

  // -- one finding up close ---------------------------------------------------------------

  function marksOf(i) {
    return backdrop.querySelectorAll(`mark[data-i="${i}"]`);
  }

  function show(i, focusCard) {
    const it = state.visible[i];
    if (!it) return;
    document.querySelectorAll("mark.current").forEach((m) => m.classList.remove("current"));
    document.querySelectorAll('#findings button[aria-current="true"]').forEach((b) => b.removeAttribute("aria-current"));
    state.current = i;
    const marks = marksOf(i);
    marks.forEach((m) => m.classList.add("current"));
    const button = document.querySelector(`#findings button[data-i="${i}"]`);
    if (button) button.setAttribute("aria-current", "true");

    const f = it.f;
    const info = rule(f.rule);
    card.className = `card ${familyClass(f.family)}${f.crisis ? " crisis" : ""}`;
    card.dataset.rule = f.rule;
    $("card-title").textContent = kindTitle(f);
    $("card-title").title = it.end > it.start ? `line ${lineOf(it.start)}` : "the whole letter";
    $("card-summary").textContent = info.summary || "";
    $("card-message").textContent = f.message;
    const note = $("card-note");
    note.hidden = !f.note;
    note.textContent = f.note || "";
    const why = $("card-why");
    why.hidden = !info.why || Boolean(f.crisis);
    why.lastElementChild.textContent = info.why || "";
    const change = f.crisis ? null : replacement(it);
    const tryIt = $("card-try");
    const offer = f.crisis ? "" : change ? change.text : f.suggestion || "";
    tryIt.hidden = !offer;
    tryIt.lastElementChild.textContent = offer;
    const use = $("use");
    use.hidden = !change;
    use.onclick = () => change && apply(change);
    card.hidden = false;
    placeCard(marks);
    if (focusCard) {
      (change ? use : $("dismiss")).focus({ preventScroll: true });
      card.scrollIntoView({ block: "nearest" });
    }
  }

  function placeCard(marks) {
    const paper = $("paper").getBoundingClientRect();
    const rects = marks.length ? Array.from(marks[marks.length - 1].getClientRects()) : [];
    const last = rects[rects.length - 1];
    const top = last ? last.bottom - paper.top + 8 : 12;
    const width = card.offsetWidth;
    const wanted = last ? last.left - paper.left - 12 : 12;
    const left = Math.max(8, Math.min(wanted, paper.width - width - 8));
    card.style.top = `${Math.round(top)}px`;
    card.style.left = `${Math.round(left)}px`;
  }

  function hideCard(backToLetter) {
    const was = state.visible[state.current];
    card.hidden = true;
    document.querySelectorAll("mark.current").forEach((m) => m.classList.remove("current"));
    document.querySelectorAll('#findings button[aria-current="true"]').forEach((b) => b.removeAttribute("aria-current"));
    state.current = -1;
    if (backToLetter) {
      letter.focus({ preventScroll: true });
      if (was) letter.setSelectionRange(was.start, was.end);
    }
  }

  function go(step, from) {
    const n = state.visible.length;
    if (!n) {
      say("Nothing is highlighted right now.");
      return;
    }
    let i;
    if (state.current >= 0) i = (state.current + step + n) % n;
    else if (step > 0) {
      i = state.visible.findIndex((it) => it.start >= from);
      if (i < 0) i = 0;
    } else {
      i = -1;
      state.visible.forEach((it, k) => {
        if (it.start < from) i = k;
      });
      if (i < 0) i = n - 1;
    }
    show(i, true);
  }

  // -- changing the letter ------------------------------------------------------------------

  function replacement(it) {
    const fix = rule(it.f.rule).fix || "none";
    const text = state.text;
    const flagged = text.slice(it.start, it.end);
    const suggestion = it.f.suggestion;
    if (fix === "replace-span" && flagged) {
      if (/^[!?.]*[!?][!?.]+$|^[!?.]+[!?]$/.test(flagged)) {
        return { start: it.start, end: it.end, text: flagged.includes("?") ? "?" : "." };
      }
      const letters = flagged.match(/\p{L}/gu) || [];
      const upper = letters.filter((c) => c !== c.toLowerCase()).length;
      if (letters.length && upper >= 0.8 * letters.length) {
        const calm = ordinaryCase(flagged);
        return calm === flagged ? null : { start: it.start, end: it.end, text: calm };
      }
      return suggestion ? { start: it.start, end: it.end, text: suggestion } : null;
    }
    if (fix === "replace-sentence" && suggestion) {
      const [start, end] = sentenceAround(text, it.start, it.end);
      return { start, end, text: suggestion };
    }
    return null;
  }

  function ordinaryCase(text) {
    const lower = text.toLowerCase().replace(/\bi\b/g, "I");
    const first = lower.search(/\p{L}/u);
    return first < 0 ? lower : lower.slice(0, first) + lower.charAt(first).toUpperCase() + lower.slice(first + 1);
  }

  // The sentence holding a span: back to the last end mark or line break, on to the next.
  function sentenceAround(text, start, end) {
    let s = start;
    while (s > 0) {
      const c = text[s - 1];
      if (c === "\n") break;
      if (/\s/.test(c) && /[.!?…]["'”’)\]]*$/.test(text.slice(Math.max(0, s - 8), s - 1))) break;
      s--;
    }
    while (s < start && /[ \t]/.test(text[s])) s++;
    let e = Math.max(end, s);
    if (/[.!?…]$/.test(text.slice(s, e)) && (e >= text.length || /\s/.test(text[e]))) return [s, e];
    while (e < text.length && text[e] !== "\n") {
      const c = text[e];
      e++;
      if (/[.!?…]/.test(c)) {
        while (e < text.length && /[.!?…"'”’)\]]/.test(text[e])) e++;
        if (e >= text.length || /\s/.test(text[e])) break;
      }
    }
    return [s, e];
  }

  // Through the browser's own editing, so that Ctrl+Z undoes it like any typing.
  function apply(change) {
    hideCard(false);
    letter.focus({ preventScroll: true });
    letter.setSelectionRange(change.start, change.end);
    if (!document.execCommand("insertText", false, change.text)) {
      letter.setRangeText(change.text, change.start, change.end, "end");
      onInput();
    }
    say("Done: the new wording is in. Ctrl+Z takes it back.");
  }

  function replaceAll(text) {
    letter.focus({ preventScroll: true });
    letter.select();
    if (!text || !document.execCommand("insertText", false, text)) {
      letter.value = text;
      onInput();
    }
    letter.setSelectionRange(0, 0);
    window.scrollTo({ top: 0 });
  }

  function onInput() {
    const value = letter.value;
    state.items = shift(state.items, state.text, value);
    state.text = value;
    render();
    autosize();
    schedule();
    keepDraft();
  }

  function autosize() {
    letter.style.height = "auto";
    letter.style.height = `${letter.scrollHeight}px`;
  }

  // -- telling the writer -----------------------------------------------------------------

  function say(message) {
    $("status").textContent = message;
  }

  // The live region speaks when the findings change after a pause, never on every key.
  function announceFindings() {
    const file = state.report;
    let message;
    if (file && file.support) {
      message = `Before anything else: ${file.support.message}`;
    } else if (!state.visible.length) {
      message = `Nothing here works against you. Score ${file ? file.score : 100} of 100.`;
    } else {
      const counts = new Map();
      for (const it of state.visible) {
        const title = kindTitle(it.f);
        counts.set(title, (counts.get(title) || 0) + 1);
      }
      const parts = [...counts].map(([title, n]) => `${title.toLowerCase()} (${n})`);
      const n = state.visible.length;
      message = `${n} ${n === 1 ? "thing" : "things"} to look at: ${parts.join(", ")}. Score ${file.score} of 100.`;
    }
    if (message !== state.announced) {
      state.announced = message;
      say(message);
    }
  }

  // -- files and the kept draft ---------------------------------------------------------------

  async function openFile(file) {
    if (!/\.(txt|text|md|markdown|docx)$/i.test(file.name)) {
      say("I can open .txt, .md and .docx letters.");
      return;
    }
    try {
      const data = await api("/api/open", await file.arrayBuffer(), {
        "Content-Type": "application/octet-stream",
        "X-Letterlint-Filename": encodeURIComponent(file.name),
      });
      state.name = data.name;
      replaceAll(data.text);
      say(`Opened ${data.name}. Your file stays as it is; download the revised letter when you are ready.`);
      lint();
    } catch (error) {
      say(`I could not open that file: ${error.message}`);
    }
  }

  function download(extension) {
    const base = state.name.replace(/\.[^.]*$/, "") || "letter";
    const name = `${base}-revised.${extension}`;
    const type = extension === "md" ? "text/markdown" : "text/plain";
    const url = URL.createObjectURL(new Blob([letter.value], { type: `${type};charset=utf-8` }));
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 2000);
    say(`Saved a copy as ${name} in your downloads. The original file is untouched.`);
  }

  function storage() {
    try {
      return window.localStorage;
    } catch (_) {
      return null;
    }
  }

  function keepDraft() {
    if (!$("keep").checked) return;
    clearTimeout(state.saveTimer);
    state.saveTimer = setTimeout(() => {
      const store = storage();
      if (store) store.setItem(DRAFT_KEY, JSON.stringify({ text: letter.value, name: state.name, profile: $("profile").value }));
    }, 400);
  }

  function restoreDraft() {
    const store = storage();
    const saved = store && store.getItem(DRAFT_KEY);
    if (!saved) return;
    try {
      const draft = JSON.parse(saved);
      $("keep").checked = true;
      letter.value = draft.text || "";
      state.name = draft.name || state.name;
      if (draft.profile && [...$("profile").options].some((o) => o.value === draft.profile))
        $("profile").value = draft.profile;
    } catch (_) {
      store.removeItem(DRAFT_KEY);
    }
  }

  // -- wiring -----------------------------------------------------------------------------------

  letter.addEventListener("input", onInput);
  letter.addEventListener("keydown", (event) => {
    const down = event.key === "ArrowDown" || (event.key === "F8" && !event.shiftKey);
    const up = event.key === "ArrowUp" || (event.key === "F8" && event.shiftKey);
    if ((event.altKey || event.key === "F8") && (down || up)) {
      event.preventDefault();
      state.current = -1;
      go(down ? 1 : -1, down ? letter.selectionEnd : letter.selectionStart);
    } else if (event.key === "Escape" && !card.hidden) {
      hideCard(false);
    }
  });
  letter.addEventListener("click", () => {
    const pos = letter.selectionStart;
    if (pos !== letter.selectionEnd) return;
    let best = -1;
    state.visible.forEach((it, i) => {
      if (it.end > it.start && it.start <= pos && pos <= it.end) {
        if (best < 0 || it.end - it.start < state.visible[best].end - state.visible[best].start) best = i;
      }
    });
    if (best >= 0) show(best, false);
    else hideCard(false);
  });
  card.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      hideCard(true);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp" || event.key === "F8") {
      event.preventDefault();
      go(event.key === "ArrowDown" || (event.key === "F8" && !event.shiftKey) ? 1 : -1, 0);
    }
  });
  $("close").addEventListener("click", () => hideCard(true));
  $("dismiss").addEventListener("click", () => {
    const it = state.visible[state.current];
    if (!it) return;
    const next = state.current;
    state.ignored.add(it.key);
    render();
    say("Hidden for now. It will stay hidden while this page is open.");
    if (state.visible.length) show(Math.min(next, state.visible.length - 1), true);
    else letter.focus();
  });
  $("unignore").addEventListener("click", () => {
    state.ignored.clear();
    render();
    say("All notes are showing again.");
  });
  $("findings").addEventListener("keydown", (event) => {
    const buttons = [...$("findings").querySelectorAll("button")];
    const at = buttons.indexOf(document.activeElement);
    if (at < 0) return;
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    buttons[(to + buttons.length) % buttons.length].focus();
  });
  $("profile").addEventListener("change", () => {
    keepDraft();
    lint();
  });
  $("open").addEventListener("click", () => $("file").click());
  $("file").addEventListener("change", () => {
    const file = $("file").files[0];
    if (file) openFile(file);
    $("file").value = "";
  });
  $("save-txt").addEventListener("click", () => download("txt"));
  $("save-md").addEventListener("click", () => download("md"));
  $("keep").addEventListener("change", () => {
    const store = storage();
    if ($("keep").checked) {
      keepDraft();
      say("Your draft will be kept in this browser on this computer, and nowhere else.");
    } else {
      if (store) store.removeItem(DRAFT_KEY);
      say("Your draft is no longer kept; closing the page forgets it.");
    }
  });
  const hasFiles = (event) => event.dataTransfer && [...event.dataTransfer.types].includes("Files");
  document.addEventListener("dragover", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    document.body.classList.add("dropping");
  });
  document.addEventListener("dragleave", (event) => {
    if (!event.relatedTarget) document.body.classList.remove("dropping");
  });
  document.addEventListener(
    "drop",
    (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.stopPropagation();
      document.body.classList.remove("dropping");
      const file = event.dataTransfer.files[0];
      if (file) openFile(file);
    },
    true,
  );
  window.addEventListener("resize", () => {
    autosize();
    if (!card.hidden && state.current >= 0) placeCard(marksOf(state.current));
  });

  async function start() {
    try {
      state.setup = await api("/api/setup");
    } catch (error) {
      say(`This page could not reach letterlint: ${error.message}`);
      return;
    }
    const select = $("profile");
    select.replaceChildren(
      ...state.setup.profiles.map((p) => {
        const option = document.createElement("option");
        option.value = p.name;
        option.textContent = p.name;
        option.title = p.description;
        return option;
      }),
    );
    select.value = state.setup.profile;
    restoreDraft();
    state.text = letter.value;
    autosize();
    render();
    if (letter.value.trim()) lint();
    document.body.dataset.ready = "true";
  }

  start();
})();
