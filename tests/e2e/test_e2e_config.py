"""End-to-end: the installed `newsreader` with a config file, in a real terminal (tmux).

The pane's XDG_CONFIG_HOME is `<tmp>/config` (see tests/tmux_terminal.py), so the file written there is
the one the reader reads; the user's own config is never touched.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tests.e2e.test_e2e_tmux import BODY_WORDS, FIRST_FRAME_TIMEOUT, TITLES, exit_status, write_articles
from tests.tmux_terminal import Terminal, newsreader_command

pytestmark = pytest.mark.e2e


def write_config(home: Path, text: str) -> Path:
    path = home / "config" / "newsreader" / "config.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def start(terminal: Terminal, folder: Path) -> str:
    terminal.wait_for("the shell prompt", lambda s: "$" in s)
    # 24-bit colour, so the colours on screen are the config's exactly (`capture-pane -e` shows them)
    command = f"COLORTERM=truecolor {shlex.quote(newsreader_command())} {shlex.quote(folder.name)}"
    terminal.type(f"{command}; echo EXITED:$?")
    return terminal.wait_for("all three titles", lambda s: all(t in s for t in TITLES), timeout=FIRST_FRAME_TIMEOUT)


def colours(terminal: Terminal) -> str:
    """The screen with its colour escape sequences."""
    return terminal.run("capture-pane", "-p", "-e", "-t", terminal.session)


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


def test_remapped_keys_theme_and_quotation_colour_take_effect(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    write_articles(folder)
    with (folder / "a-alpha.txt").open("a", encoding="utf-8") as fh:
        fh.write('\n"The quay is open again," said Harbour Master Ann Lee.\n')
    write_config(tmp_path, """
theme: gruvbox
colours:
  quotation: "#ff0000"
keys:
  list.down: "e,down"
  list.up: "E,up"
  view.line-down: "e,down"
  view.line-up: "E,up"
""")
    with Terminal(tmp_path) as terminal:
        start(terminal, folder)
        terminal.wait_for("the quotation in the config's colour", lambda s: "38;2;255;0;0" in colours(terminal))
        assert "48;2;40;40;40" in colours(terminal)  # gruvbox's background, #282828
        terminal.send("j")  # unbound now: nothing moves; e moves down, E back up
        terminal.send("e")
        terminal.wait_for("the second article after `e`", lambda s: BODY_WORDS[1] in s and BODY_WORDS[0] not in s)
        terminal.send("E")
        terminal.wait_for("the first article after `E`", lambda s: BODY_WORDS[0] in s and BODY_WORDS[1] not in s)
        terminal.send("?")
        screen = terminal.wait_for("the help screen", lambda s: "newsreader — keys" in s)
        assert re.search(r"e ↓ +Down", screen) and re.search(r"E ↑ +Up", screen), screen
        assert not re.search(r"j ↓ +Down", screen), screen
        terminal.send("Escape")
        terminal.wait_for("the help to close", lambda s: "newsreader — keys" not in s)
        quit_reader(terminal)
