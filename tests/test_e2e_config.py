"""End-to-end: the installed `newsreader` with a config file, in a real terminal (tmux).

The pane's XDG_CONFIG_HOME is `<tmp>/config` (see tests/tmux_terminal.py), so the file written there is
the one the reader reads; the user's own config is never touched.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from tests.test_e2e_tmux import BODY_WORDS, FIRST_FRAME_TIMEOUT, TITLES, exit_status, write_articles
from tests.tmux_terminal import Terminal, newsreader_command

pytestmark = pytest.mark.e2e


def write_config(home: Path, text: str) -> Path:
    path = home / "config" / "newsreader" / "config.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def start(terminal: Terminal, folder: Path) -> str:
    terminal.wait_for("the shell prompt", lambda s: "$" in s)
    terminal.type(f"{shlex.quote(newsreader_command())} {shlex.quote(folder.name)}; echo EXITED:$?")
    return terminal.wait_for("all three titles", lambda s: all(t in s for t in TITLES), timeout=FIRST_FRAME_TIMEOUT)


def quit_reader(terminal: Terminal) -> None:
    terminal.send("q")
    screen = terminal.wait_for("the program to exit", lambda s: exit_status(s) is not None)
    assert exit_status(screen) == 0, screen


def test_a_broken_config_opens_the_reader_with_a_notice(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    write_articles(folder)
    write_config(tmp_path, "theme: nord\nkeys: {list.down: [e\n")  # unclosed bracket: a YAML error
    with Terminal(tmp_path) as terminal:
        start(terminal, folder)
        terminal.wait_for("the config notice", lambda s: "Problems in config.yaml (defaults used)" in s)
        terminal.send("j")  # the reader works, with its default keys
        terminal.wait_for("the second article after `j`", lambda s: BODY_WORDS[1] in s and BODY_WORDS[0] not in s)
        quit_reader(terminal)
