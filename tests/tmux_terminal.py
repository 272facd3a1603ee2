"""A private tmux server for end-to-end tests: one 120x36 pane running an interactive shell.

Shared by the end-to-end test and the terminal-safety test: send keys, read the screen and the pane
title, and wait for the screen to change (polling, never fixed sleeps). The server is always killed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path
from collections.abc import Callable

import pytest

WIDTH, HEIGHT = 120, 36
TIMEOUT = 10.0  # seconds for any one screen change


def newsreader_command() -> str:
    """The installed console script of the interpreter running the tests (else the one on PATH)."""
    sibling = Path(sys.executable).parent / "newsreader"
    if sibling.is_file() and os.access(sibling, os.X_OK):
        return str(sibling)
    found = shutil.which("newsreader")
    if found:
        return found
    pytest.fail("the `newsreader` command is not installed: run `python -m pip install -e '.[test]'`")


class Terminal:
    """One tmux server (unique socket) with one session running bash; the reader's state and caches
    go to `cwd`, never the user's home."""

    def __init__(self, cwd: Path, session: str = "e2e", size: tuple[int, int] = (WIDTH, HEIGHT)) -> None:
        tmux = shutil.which("tmux")
        if tmux is None:
            pytest.fail(
                "tmux is not installed: the end-to-end tests need it "
                "(apt-get install tmux; .ci/run installs it when missing)"
            )
        self.tmux = tmux
        self.session = session
        self.socket = f"newsreader-{session}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.socket_path = ""
        self.env = {
            **{k: v for k, v in os.environ.items() if k not in ("TMUX", "NO_COLOR", "FORCE_COLOR", "COLUMNS")},
            "TERM": "xterm-256color",
            "LANG": os.environ.get("LANG") or "C.UTF-8",
            "PS1": "$ ",
            "XDG_STATE_HOME": str(cwd / "state"),
            "XDG_CACHE_HOME": str(cwd / "cache"),
        }
        try:
            self.run(
                "-f", "/dev/null",
                "new-session", "-d", "-s", session, "-x", str(size[0]), "-y", str(size[1]), "-c", str(cwd),
                "-e", "TERM=xterm-256color", "-e", "PS1=$ ",
                "env", "TERM=xterm-256color", "PS1=$ ", "bash", "--norc", "--noprofile", "-i",
            )
            self.socket_path = self.run("display-message", "-p", "#{socket_path}").strip()
        except BaseException:
            self.kill()
            raise

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.kill()

    def run(self, *args: str) -> str:
        result = subprocess.run(
            [self.tmux, "-L", self.socket, *args],
            env=self.env, stdin=subprocess.DEVNULL, capture_output=True, timeout=30,
        )
        if result.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)} failed: {result.stderr.decode(errors='replace')}")
        return result.stdout.decode("utf-8", errors="replace")

    def send(self, *keys: str) -> None:
        """Key names as tmux knows them ("j", "Enter", "Escape")."""
        self.run("send-keys", "-t", self.session, *keys)

    def send_text(self, text: str) -> None:
        """Text sent in one burst, as a fast typist or a paste delivers it."""
        self.run("send-keys", "-t", self.session, "-l", text)

    def type(self, text: str) -> None:
        """A command line, then Enter."""
        self.send_text(text)
        self.send("Enter")

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", self.session)

    def styled_screen(self) -> str:
        """The screen with its SGR escape sequences (colours, bold …), as `capture-pane -e` gives it."""
        return self.run("capture-pane", "-p", "-e", "-t", self.session)

    def title(self) -> str:
        return self.run("display", "-p", "-t", self.session, "#{pane_title}").strip()

    def wait_for(self, what: str, predicate: Callable[[str], bool], timeout: float = TIMEOUT) -> str:
        """Poll the screen until `predicate(screen)` holds; fail with the last screen otherwise."""
        deadline = time.monotonic() + timeout
        screen = self.screen()
        while not predicate(screen):
            if time.monotonic() > deadline:
                pytest.fail(
                    f"timed out after {timeout:.0f} s waiting for {what}; title {self.title()!r}; "
                    f"the screen was:\n{screen}"
                )
            time.sleep(0.05)
            screen = self.screen()
        return screen

    def kill(self) -> None:
        subprocess.run(
            [self.tmux, "-L", self.socket, "kill-server"],
            env=self.env, stdin=subprocess.DEVNULL, capture_output=True, timeout=30,
        )
        if self.socket_path:  # tmux leaves its socket file behind when the server is killed
            Path(self.socket_path).unlink(missing_ok=True)
