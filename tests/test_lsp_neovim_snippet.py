"""The Neovim set-up that docs/editors.md documents, run as it is written: headless Neovim
loads the snippet as its init file and opens letters and a README."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.sample_letters import NON_ASCII_LETTER

NVIM = shutil.which("nvim")
pytestmark = pytest.mark.skipif(
    NVIM is None, reason="Neovim (nvim) is not installed; .ci/run installs it with apt-get install neovim"
)
MARK = "<!-- neovim-snippet -->"

DRIVER = r"""
local out_path, root = os.getenv("LL_OUT"), os.getenv("LL_ROOT")
local result = { notes = {}, letters = {} }
local notify = vim.notify
vim.notify = function(msg, level, opts)
  table.insert(result.notes, msg)
  return notify(msg, level, opts)
end

result.starts = 0
local start_client = vim.lsp.start_client
vim.lsp.start_client = function(config)  -- count servers started, initialised or not
  result.starts = result.starts + 1
  return start_client(config)
end

local hovered = nil
vim.lsp.handlers["textDocument/hover"] = function(_, reply)
  hovered = reply and reply.contents and (reply.contents.value or reply.contents) or "empty"
end

local function letterlint_clients()
  local ids = {}
  for _, client in pairs(vim.lsp.get_active_clients()) do
    if client.name == "letterlint" then table.insert(ids, client.id) end
  end
  return ids
end

local ok, err = pcall(function()
  for _, name in ipairs({ "drafts/zoe.txt", "drafts/second.txt", "README.md" }) do
    local file = name == "README.md" and os.getenv("LL_README") or (root .. "/" .. name)
    vim.cmd("edit " .. vim.fn.fnameescape(file))
    local bufnr = vim.api.nvim_get_current_buf()
    local patience = name == "README.md" and 3000 or 60000  -- a server takes a moment to attach
    local attached = vim.wait(patience, function() return #vim.lsp.buf_get_clients(bufnr) > 0 end, 20)
    local diagnosed = attached and vim.wait(60000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
    hovered = nil
    local first = vim.diagnostic.get(bufnr)[1]
    if first then  -- press K on a flagged word: the mapping must ask the server for hover
      vim.api.nvim_win_set_cursor(0, { first.lnum + 1, first.col })
      vim.cmd("normal K")
      vim.wait(20000, function() return hovered ~= nil end, 20)
    end
    result.letters[name] = {
      attached = attached,
      diagnostics = #vim.diagnostic.get(bufnr),
      hover = hovered,
      diagnosed = diagnosed,
    }
  end
  result.clients = #letterlint_clients()
  for _, id in ipairs(letterlint_clients()) do vim.lsp.stop_client(id) end
  vim.wait(5000, function() return #letterlint_clients() == 0 end, 20)
end)
if not ok then result.error = tostring(err) end
result.errmsg = vim.v.errmsg
local f = io.open(out_path, "w")
f:write(vim.fn.json_encode(result))
f:close()
vim.cmd("qa!")
"""


def documented_snippet() -> str:
    text = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")
    after = text[text.index(MARK) + len(MARK) :]
    start = after.index("```lua\n") + len("```lua\n")
    return after[start : after.index("```", start)]


def run_snippet(tmp_path: Path, env: dict[str, str], path: str) -> dict[str, Any]:
    root = tmp_path / "letters"
    (root / "drafts").mkdir(parents=True)
    (root / "drafts" / "zoe.txt").write_text(NON_ASCII_LETTER, encoding="utf-8")
    (root / "drafts" / "second.txt").write_text(NON_ASCII_LETTER, encoding="utf-8")
    (tmp_path / "README.md").write_text(
        "# Notes\n\nI'm begging you, please come back to me!!!\n", encoding="utf-8"
    )
    init = tmp_path / "init.lua"
    init.write_text(documented_snippet(), encoding="utf-8")
    driver = tmp_path / "driver.lua"
    driver.write_text(DRIVER, encoding="utf-8")
    out = tmp_path / "result.json"
    run_env = dict(
        env,
        LL_OUT=str(out),
        LL_ROOT=str(root),
        LL_README=str(tmp_path / "README.md"),
        PATH=path,
        XDG_STATE_HOME=str(tmp_path / "state"),
    )
    assert NVIM is not None
    proc = subprocess.run(
        [NVIM, "--headless", "-n", "-i", "NONE", "-u", str(init), "-c", f"luafile {driver}"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        cwd=tmp_path,
        env=run_env,
        timeout=240,
    )
    assert out.is_file(), f"Neovim wrote nothing: {proc.stdout[-1500:]!r} {proc.stderr[-1500:]!r}"
    return json.loads(out.read_text(encoding="utf-8"))


def test_documented_snippet_lints_letters_only_with_one_server(
    tmp_path: Path, offline_env: dict[str, str]
) -> None:
    venv_bin = str(Path(sys.executable).parent)
    assert Path(venv_bin, "letterlint").exists(), "the letterlint command is installed beside this Python"
    got = run_snippet(tmp_path, offline_env, os.pathsep.join([venv_bin, os.environ.get("PATH", "")]))
    assert "error" not in got, got.get("error")
    zoe, second, readme = (got["letters"][n] for n in ("drafts/zoe.txt", "drafts/second.txt", "README.md"))
    assert zoe["attached"] and zoe["diagnosed"]
    assert "letterlint explain" in zoe["hover"] or "More about this rule" in zoe["hover"]  # K is hover
    assert second["attached"] and second["diagnosed"]
    assert got["clients"] == 1 and got["starts"] == 1  # one server for the letters folder, README included
    assert not readme["attached"] and readme["diagnostics"] == 0  # the README is not a letter
    assert got["notes"] == []


def test_documented_snippet_without_letterlint_on_path(tmp_path: Path, offline_env: dict[str, str]) -> None:
    bare = tmp_path / "bin"
    bare.mkdir()
    assert NVIM is not None
    (bare / "nvim").symlink_to(NVIM)
    got = run_snippet(tmp_path, offline_env, str(bare))
    assert "error" not in got, got.get("error")
    assert got["errmsg"] == ""  # no Lua error, no stack trace
    assert got["notes"] == ["letterlint is not on PATH (pip install letterlint)"]  # said once, for 3 files
    assert not any(letter["attached"] for letter in got["letters"].values())
