"""A real editor as the client: headless Neovim's built-in LSP client talking to `letterlint lsp`.

Neovim converts the server's UTF-16 ranges into byte columns of its buffer, so a wrong
unit count shows up as an underline on the wrong bytes.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.sample_letters import NON_ASCII_LETTER

NVIM = shutil.which("nvim")
pytestmark = pytest.mark.skipif(
    NVIM is None, reason="Neovim (nvim) is not installed; .ci/run installs it with apt-get install neovim"
)

LETTER = NON_ASCII_LETTER

# Works with Neovim 0.7 (Debian bookworm) and later: start_client + buf_attach_client.
CLIENT_LUA = r"""
local out_path, letter, python = os.getenv("LL_OUT"), os.getenv("LL_LETTER"), os.getenv("LL_PYTHON")
local result = { raw = {}, steps = {} }
local original = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, params, ctx, config)
  table.insert(result.raw, params)
  return original(err, params, ctx, config)
end

local function finish()
  local f = io.open(out_path, "w")
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd("qa!")
end

local function snapshot(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(out, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, source = d.source, message = d.message,
      code = d.code or lsp.code,
    })
  end
  return out
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(letter))
  local bufnr = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({
    name = "letterlint",
    cmd = { python, "-m", "letterlint", "lsp" },
    root_dir = vim.fn.fnamemodify(letter, ":h"),
  })
  vim.lsp.buf_attach_client(bufnr, id)
  result.opened = vim.wait(60000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
  result.steps.open = snapshot(bufnr)

  -- Type at the start of line 3 (an emoji and a space) and wait for the new diagnostics.
  local before = #result.raw
  vim.api.nvim_buf_set_text(bufnr, 2, 0, 2, 0, { "🌹 " })
  result.changed = vim.wait(60000, function() return #result.raw > before end, 20)
  vim.wait(200)
  result.steps.change = snapshot(bufnr)

  -- Ask for code actions on the stacked "!!!" (range as the server sent it) and apply the fix.
  local panic
  for _, d in ipairs(result.raw[#result.raw].diagnostics) do
    if d.code == "desperation/panic-punctuation" then panic = d end
  end
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = panic.range,
    context = { diagnostics = { panic } },
  }
  local replies = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 20000)
  result.actions = {}
  for _, reply in pairs(replies or {}) do
    for _, action in ipairs(reply.result or {}) do
      table.insert(result.actions, action.title)
      if action.edit and action.title:find("Replace '!!!'", 1, true) then
        vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
      end
    end
  end
  result.line3 = vim.api.nvim_buf_get_lines(bufnr, 2, 3, false)[1]

  local hover = vim.lsp.buf_request_sync(bufnr, "textDocument/hover", {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = 2, character = 70 },
  }, 20000)
  for _, reply in pairs(hover or {}) do
    if reply.result then result.hover = reply.result.contents.value end
  end

  vim.lsp.stop_client(id)
  result.stopped = vim.wait(10000, function() return vim.lsp.get_client_by_id(id) == nil end, 20)
end)
if not ok then result.error = tostring(err) end
finish()
"""


def run_neovim(
    tmp_path: Path, env: dict[str, str], text: str = LETTER, name: str = "zoe.txt"
) -> dict[str, Any]:
    letter = tmp_path / name
    letter.write_text(text, encoding="utf-8")
    script = tmp_path / "client.lua"
    script.write_text(CLIENT_LUA, encoding="utf-8")
    out = tmp_path / "received.json"
    run_env = dict(env, LL_OUT=str(out), LL_LETTER=str(letter), LL_PYTHON=sys.executable)
    assert NVIM is not None
    proc = subprocess.run(
        [NVIM, "--headless", "--clean", "-n", "-i", "NONE", "-c", f"luafile {script}"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        cwd=tmp_path,
        env=run_env,
        timeout=240,
    )
    assert out.is_file(), f"Neovim wrote nothing: {proc.stdout[-1500:]!r} {proc.stderr[-1500:]!r}"
    return json.loads(out.read_text(encoding="utf-8"))


def underlined(text: str, d: dict[str, Any]) -> str:
    """What Neovim underlines: its columns are byte offsets into the UTF-8 line."""
    line = text.split("\n")[d["lnum"]].encode("utf-8")
    return line[d["col"] : d["end_col"]].decode("utf-8")


def test_neovim_receives_exact_diagnostics(tmp_path: Path, offline_env: dict[str, str]) -> None:
    got = run_neovim(tmp_path, offline_env)
    assert "error" not in got, got.get("error")
    assert got["opened"] and got["changed"]

    opened = got["steps"]["open"]
    seen = {(d["code"], underlined(LETTER, d)) for d in opened}
    assert {
        ("desperation/begging", "I’m begging you"),
        ("desperation/cant-live-without", "I can’t live without you"),
        ("desperation/panic-punctuation", "!!!"),
    } <= seen
    assert all(d["source"] == "letterlint" for d in opened)
    begging = next(d for d in opened if d["code"] == "desperation/begging")
    assert (begging["lnum"], begging["severity"]) == (2, 1)  # vim.diagnostic.severity.ERROR

    # After typing "🌹 " at the start of the line, Neovim's copy moved by exactly 5 bytes.
    changed_text = LETTER.replace("Café mornings", "🌹 Café mornings")
    moved = got["steps"]["change"]
    begging2 = next(d for d in moved if d["code"] == "desperation/begging")
    assert begging2["col"] == begging["col"] + len("🌹 ".encode())
    underlines = {(d["code"], underlined(changed_text, d)) for d in moved}
    assert ("desperation/begging", "I’m begging you") in underlines

    # Code actions arrived through Neovim's client and the fix edited the right bytes.
    assert "Replace '!!!' with '.'" in got["actions"]
    assert any(
        t.startswith("Ignore this occurrence of desperation/panic-punctuation") for t in got["actions"]
    )
    assert got["line3"].endswith("I can’t live without you.")
    assert "**desperation/" in got["hover"]
    assert got["stopped"]

    # The raw notification, as the server sent it: UTF-16 units.
    first = got["raw"][0]
    raw_begging = next(d for d in first["diagnostics"] if d["code"] == "desperation/begging")
    assert raw_begging["range"]["start"] == {"line": 2, "character": 62}


def test_neovim_markdown_draft(tmp_path: Path, offline_env: dict[str, str]) -> None:
    text = (
        "# Dear **Zoë** 😊,\n\n"
        "```\nI'm begging you\n```\n\n"
        "Café days 🌞 were good. I’m begging you, I can’t live without you!!!\n\n"
        "Love,\nJo\n"
    )
    got = run_neovim(tmp_path, offline_env, text, "zoe.md")
    codes = {(d["code"], underlined(text, d)) for d in got["steps"]["open"]}
    assert ("desperation/begging", "I’m begging you") in codes
    assert all(d["lnum"] != 3 for d in got["steps"]["open"])  # nothing inside the code block


QUICKFIX_VIM = r"""
let &makeprg = $LL_PYTHON . ' -m letterlint --format gcc %'
set errorformat=%f:%l:%v:\ %t%*[a-z]:\ %m
execute 'edit ' . fnameescape($LL_LETTER)
silent make
let out = {'entries': [], 'landed': []}
for e in getqflist()
  call add(out.entries, {'lnum': e.lnum, 'type': e.type, 'text': e.text})
endfor
for i in range(1, len(out.entries))
  execute 'cc ' . i
  call add(out.landed, strpart(getline('.'), col('.') - 1, 40))
endfor
call writefile([json_encode(out)], $LL_OUT)
qa!
"""


def test_vim_quickfix_reads_the_gcc_format(tmp_path: Path, offline_env: dict[str, str]) -> None:
    """The errorformat in docs/editors.md puts the cursor on the flagged words."""
    text = "Dear Zoë,\n\nThe café was ours. I’m begging you, I can’t live without you!!!\n\nLove,\nJo\n"
    letter = tmp_path / "zoe.txt"
    letter.write_text(text, encoding="utf-8")
    script = tmp_path / "qf.vim"
    script.write_text(QUICKFIX_VIM, encoding="utf-8")
    out = tmp_path / "qf.json"
    env = dict(offline_env, LL_OUT=str(out), LL_LETTER=str(letter), LL_PYTHON=sys.executable)
    assert NVIM is not None
    subprocess.run(
        [NVIM, "--headless", "--clean", "-n", "-i", "NONE", "-S", str(script)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        cwd=tmp_path,
        env=env,
        timeout=240,
    )
    got = json.loads(out.read_text(encoding="utf-8"))
    kinds = {(e["type"], e["text"].rsplit("[", 1)[-1].rstrip("]")) for e in got["entries"]}
    assert ("e", "desperation/begging") in kinds and ("w", "desperation/panic-punctuation") in kinds
    by_rule = dict(zip([e["text"].rsplit("[", 1)[-1] for e in got["entries"]], got["landed"], strict=True))
    assert by_rule["desperation/begging]"].startswith("I’m begging")
    assert by_rule["desperation/cant-live-without]"].startswith("I can’t live without you")
    assert by_rule["desperation/panic-punctuation]"].startswith("!!!")
