"""The hostile probe's terminal cases (issue 13), with the INSTALLED `newsreader` in a real terminal (tmux):
SIGTERM and SIGHUP (a closed terminal window) save the reading position and restore the terminal; a FIFO
at the read-state path does not hang the start.

Every wait polls the screen or the state file (no fixed sleeps); the tmux server is always killed.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.tmux_terminal import Terminal, newsreader_command

pytestmark = pytest.mark.e2e

START_TIMEOUT = 60.0  # a hang guard for the first frame (imports on a busy machine), never a speed check
TITLE = "A long story to scroll"


def long_folder(root: Path) -> Path:
    folder = root / "news"
    folder.mkdir()
    paragraphs = "\n\n".join(
        f"Paragraph {i}: the harbour council met again to talk about the plan." for i in range(200)
    )
    (folder / "long.txt").write_text(f"{TITLE}\n\n{paragraphs}\n", encoding="utf-8")
    (folder / "short.txt").write_text("A short one\n\nOnly a line.\n", encoding="utf-8")
    return folder


def state_file(root: Path) -> Path:
    return root / "state" / "newsreader" / "state.json"


def saved_scroll(root: Path, folder: Path) -> int | None:
    try:
        data = json.loads(state_file(root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    entry = data.get("last", {}).get(str(folder.resolve()))
    return entry["scroll"] if entry else None


def poll(what: str, predicate: Callable[[], bool], timeout: float = START_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


def reader_pid(terminal: Terminal) -> int:
    shell = terminal.run("display", "-p", "-t", terminal.session, "#{pane_pid}").strip()
    found: list[int] = []

    def child() -> bool:
        out = subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True)
        found[:] = [int(p) for p in out.stdout.split()]
        return bool(found)

    poll("the reader's process", child)
    return found[0]


def open_and_scroll(terminal: Terminal, folder: Path) -> None:
    """Start the reader on `folder`, open the long article and page down twice (in memory only: the
    position is saved on quit)."""
    terminal.wait_for("the shell prompt", lambda s: "$" in s)
    terminal.type(f"{shlex.quote(newsreader_command())} {shlex.quote(folder.name)}; echo EXITED:$?")
    terminal.wait_for("the list", lambda s: TITLE in s and "Paragraph 0:" in s, timeout=START_TIMEOUT)
    terminal.send("Enter")
    terminal.send("Space")
    terminal.send("Space")
    terminal.wait_for("the reader to scroll", lambda s: "Paragraph 0:" not in s and "Paragraph 40:" in s)


def exit_status(screen: str) -> int | None:
    found = re.search(r"^EXITED:(\d+)\s*$", screen, re.MULTILINE)
    return int(found.group(1)) if found else None


def test_sigterm_saves_the_position_and_restores_the_terminal(tmp_path: Path) -> None:
    folder = long_folder(tmp_path)
    with Terminal(tmp_path, session="sigterm") as terminal:
        open_and_scroll(terminal, folder)
        os.kill(reader_pid(terminal), signal.SIGTERM)
        screen = terminal.wait_for("the reader to end", lambda s: exit_status(s) is not None)
        assert exit_status(screen) == 128 + signal.SIGTERM
        assert TITLE not in screen, f"the reader's screen was left behind:\n{screen}"
        modes = terminal.run("display", "-p", "-t", terminal.session,
                             "#{alternate_on} #{mouse_any_flag} #{mouse_button_flag} #{mouse_standard_flag}")
        assert modes.split() == ["0", "0", "0", "0"], "alternate screen or mouse reporting left on"
        terminal.type("stty -a | tr ' ' '\\n' | grep -x -e echo -e icanon | tr '\\n' ,; echo")
        terminal.wait_for("the terminal modes", lambda s: "echo,icanon," in s or "icanon,echo," in s)
    scroll = saved_scroll(tmp_path, folder)
    assert scroll is not None and scroll > 0, "the reading position was not saved"


def test_closing_the_terminal_window_saves_the_position(tmp_path: Path) -> None:
    folder = long_folder(tmp_path)
    with Terminal(tmp_path, session="sighup") as terminal:
        open_and_scroll(terminal, folder)
        pid = reader_pid(terminal)
        terminal.run("kill-pane", "-t", terminal.session)  # the window closes: SIGHUP (and SIGCONT)
    wait_for_end(pid)
    scroll = saved_scroll(tmp_path, folder)
    assert scroll is not None and scroll > 0, "the reading position was not saved"


@pytest.mark.parametrize("round_", range(3))
def test_closing_the_window_while_the_reader_paints_ends_it(tmp_path: Path, round_: int) -> None:
    """The window closes in the middle of repainting: the reader used to hang for ever (Textual restarted
    its output on the dead terminal when SIGCONT followed SIGHUP), an orphan that never saved."""
    folder = long_folder(tmp_path)
    with Terminal(tmp_path, session=f"sighup-paint-{round_}") as terminal:
        terminal.wait_for("the shell prompt", lambda s: "$" in s)
        terminal.type(f"{shlex.quote(newsreader_command())} {shlex.quote(folder.name)}; echo EXITED:$?")
        terminal.wait_for("the list", lambda s: TITLE in s and "Paragraph 0:" in s, timeout=START_TIMEOUT)
        pid = reader_pid(terminal)
        terminal.send("Enter", "Space", "Space", "G", "g", "Space")
        terminal.run("kill-pane", "-t", terminal.session)
    wait_for_end(pid)
    if state_file(tmp_path).exists():  # whatever was saved is whole
        json.loads(state_file(tmp_path).read_text(encoding="utf-8"))


def wait_for_end(pid: int) -> None:
    """Poll until the reader's process has ended; one that hangs is killed (no orphan outlives the test)."""
    try:
        poll("the reader to end", lambda: not _alive(pid))
    finally:
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)


def _alive(pid: int) -> bool:
    """Running (a zombie, waiting to be reaped by init, has ended)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"
    except (OSError, IndexError):
        return False


def test_a_fifo_at_the_state_path_does_not_hang_the_start(tmp_path: Path) -> None:
    folder = long_folder(tmp_path)
    state_file(tmp_path).parent.mkdir(parents=True)
    os.mkfifo(state_file(tmp_path))
    with Terminal(tmp_path, session="fifo") as terminal:
        terminal.wait_for("the shell prompt", lambda s: "$" in s)
        terminal.type(f"{shlex.quote(newsreader_command())} {shlex.quote(folder.name)}; echo EXITED:$?")
        terminal.wait_for("the list and the article", lambda s: TITLE in s and "Paragraph 0:" in s,
                          timeout=START_TIMEOUT)
        # the first page may show before the folder is checked; the start must not stop at "loading…"
        terminal.wait_for("the folder to finish loading", lambda s: "loading" not in s.lower(), timeout=START_TIMEOUT)
        terminal.wait_for("the notice that the state file was set aside", lambda s: "moved it to" in s)
        terminal.send("q")
        screen = terminal.wait_for("the reader to quit", lambda s: exit_status(s) is not None)
        assert exit_status(screen) == 0
    assert state_file(tmp_path).is_file() or not state_file(tmp_path).exists()
    assert any(p.name.startswith("state.json.corrupt-") for p in state_file(tmp_path).parent.iterdir())


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_the_reader_runs_under_an_8_bit_output_encoding(tmp_path: Path, encoding: str) -> None:
    folder = long_folder(tmp_path)
    (folder / "unicode.txt").write_text("Café “quotes” 漢字\n\n“It works,” said Zoë.\n", encoding="utf-8")
    with Terminal(tmp_path, session=f"enc-{encoding}") as terminal:
        terminal.wait_for("the shell prompt", lambda s: "$" in s)
        terminal.type(f"PYTHONIOENCODING={encoding} {shlex.quote(newsreader_command())} {folder.name}; "
                      "echo EXITED:$?")
        screen = terminal.wait_for("the list", lambda s: TITLE in s and "Caf" in s, timeout=START_TIMEOUT)
        assert "Traceback" not in screen and "\\u" not in screen and "\\x" not in screen
        terminal.send("q")
        screen = terminal.wait_for("the reader to quit", lambda s: exit_status(s) is not None)
        assert exit_status(screen) == 0 and "Error" not in screen


def test_keys_sent_with_enter_scroll_the_reader_it_opened(tmp_path: Path) -> None:
    """tmux send-keys "Enter j j …" (one read, as a paste or a fast typist gives it): the j's moved the list
    to the next article, because Enter handed the keys to the reader only after they had been dispatched."""
    folder = long_folder(tmp_path)
    with Terminal(tmp_path, session="enter-j") as terminal:
        terminal.wait_for("the shell prompt", lambda s: "$" in s)
        terminal.type(f"{shlex.quote(newsreader_command())} {shlex.quote(folder.name)}; echo EXITED:$?")
        terminal.wait_for("the list", lambda s: TITLE in s and "Paragraph 0:" in s, timeout=START_TIMEOUT)
        terminal.wait_for("the folder to finish loading", lambda s: "loading" not in s.lower(), timeout=START_TIMEOUT)
        terminal.send("Enter", *["j"] * 12)
        screen = terminal.wait_for("the reader to scroll", lambda s: "Paragraph 0:" not in s or "Only a line" in s)
        assert "Only a line" not in screen, f"the j's moved the list:\n{screen}"
        assert "Paragraph 8:" in screen
        terminal.send("q")
        terminal.wait_for("the reader to quit", lambda s: exit_status(s) is not None)


def test_keys_sent_before_ctrl_p_move_the_list_and_keys_after_it_search(tmp_path: Path) -> None:
    """tmux send-keys "j C-p open": ctrl+p (a priority key) opened the palette as it was read, and the j
    read before it was typed into the palette's search ("jopen")."""
    folder = long_folder(tmp_path)
    with Terminal(tmp_path, session="ctrl-p") as terminal:
        terminal.wait_for("the shell prompt", lambda s: "$" in s)
        terminal.type(f"{shlex.quote(newsreader_command())} {shlex.quote(folder.name)}; echo EXITED:$?")
        terminal.wait_for("the list", lambda s: TITLE in s and "Paragraph 0:" in s, timeout=START_TIMEOUT)
        terminal.wait_for("the folder to finish loading", lambda s: "loading" not in s.lower(), timeout=START_TIMEOUT)
        terminal.send("j", "C-p", "o", "p", "e", "n")
        screen = terminal.wait_for("the palette's search", lambda s: "open" in s and "Open article" in s)
        assert "jopen" not in screen, f"the j was typed into the palette:\n{screen}"
        terminal.send("Escape")
        terminal.wait_for("the reader to show the second article", lambda s: "Only a line" in s)
        terminal.send("q")
        terminal.wait_for("the reader to quit", lambda s: exit_status(s) is not None)


def test_read_marks_that_could_not_be_saved_are_named_at_exit(tmp_path: Path) -> None:
    """XDG_STATE_HOME names a file (or the state folder is full or read-only): the reader's last save at quit
    failed silently, and the session's marks were lost without a word."""
    folder = long_folder(tmp_path)
    (tmp_path / "state").write_text("not a folder\n")  # the terminal's XDG_STATE_HOME
    with Terminal(tmp_path, session="unsaved") as terminal:
        terminal.wait_for("the shell prompt", lambda s: "$" in s)
        terminal.type(f"{shlex.quote(newsreader_command())} {shlex.quote(folder.name)}; echo EXITED:$?")
        terminal.wait_for("the list", lambda s: TITLE in s and "Paragraph 0:" in s, timeout=START_TIMEOUT)
        terminal.wait_for("the read state", lambda s: "Could not read the read-state file" in s, timeout=START_TIMEOUT)
        terminal.send("m")
        terminal.send("q")
        screen = terminal.wait_for("the reader to quit", lambda s: exit_status(s) is not None)
        assert "newsreader: Could not save read marks to" in screen and "not kept" in screen

