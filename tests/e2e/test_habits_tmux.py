"""End-to-end in tmux, on the repository's articles/ folder, at 80x24 and 120x36 (issue 16's "done when"):
`o` hands the Huawei article's file:// URL and a Wikinews article's URL to `$BROWSER` (a script that
records its argument); `}` then `y` puts `“Trust needs … digital era.” — Ken Hu` into tmux's paste
buffer; `*` then `S` lists just that article; `.` walks the unread; `A` then `u` restores the marks;
`s` re-sorts; `z` zooms. The installed `newsreader` runs inside tmux, so $TMUX is set for it."""

from __future__ import annotations

import shlex
import time
from pathlib import Path

import pytest

from tests.conftest import ARTICLES, SEED
from tests.tmux_terminal import TIMEOUT, Terminal, newsreader_command

pytestmark = pytest.mark.e2e

FIRST_FRAME_TIMEOUT = 20.0
GITHUB_URL = "https://en.wikinews.org/wiki/GitHub_blocks_public_access_to_youtube-dl_after_RIAA_issues_DMCA_notice"


def browser_script(folder: Path, record: Path) -> Path:
    script = folder / "browser"
    script.write_text(f"#!/bin/sh\nprintf '%s\\n' \"$1\" >> {shlex.quote(str(record))}\n", encoding="utf-8")
    script.chmod(0o755)
    return script


def wait_for_file_lines(path: Path, count: int) -> list[str]:
    """The browser runs detached: poll its record (bounded by TIMEOUT, never a fixed sleep)."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        if len(lines) >= count:
            return lines
        time.sleep(0.05)
    pytest.fail(f"$BROWSER was called {len(lines)} times, expected {count}")


def reader_shows(screen: str, text: str) -> bool:
    """`text` is in the reading pane (right of the list's border, or the whole line when zoomed)."""
    return any(text in line.split("▕", 1)[-1] for line in screen.splitlines()[1:])


def header(screen: str) -> str:
    return screen.splitlines()[0]


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
def test_daily_reader_habits_in_tmux(tmp_path: Path, size: tuple[int, int]) -> None:
    record = tmp_path / "opened.txt"
    browser = browser_script(tmp_path, record)
    with Terminal(tmp_path, session="habits", size=size) as term:
        term.type(f"BROWSER={shlex.quote(str(browser))} {shlex.quote(newsreader_command())} "
                  f"{shlex.quote(str(ARTICLES))}; echo EXITED:$?")
        term.wait_for("the list", lambda s: "31 unread" in header(s) and "newest first" in header(s),
                      timeout=FIRST_FRAME_TIMEOUT)

        # o on the first (a Wikinews article): its URL
        term.wait_for("the GitHub article's meta line", lambda s: "en.wikinews.org" in s)
        term.send("o")
        assert wait_for_file_lines(record, 1) == [GITHUB_URL]

        # G: the Huawei article (undated, last); o hands over its file
        term.send("G")
        term.wait_for("the Huawei article", lambda s: "Trust needs" in s or "Cyber Security" in s)
        term.wait_for("its analysis", lambda s: "quotations" in s)
        term.send("o")
        assert wait_for_file_lines(record, 2)[1] == SEED.resolve().as_uri()

        # } then y: the quotation with its speaker, in tmux's paste buffer
        term.send("}", "y")
        term.wait_for("the copy notice", lambda s: "paste buffer" in s)
        first, source = term.run("show-buffer").split("\n")[:2]
        assert first.startswith("“Trust needs") and first.endswith("digital era.” — Ken Hu")
        assert source == str(SEED.absolute())

        # * then S: just that article
        term.send("*", "S")
        screen = term.wait_for("starred only", lambda s: "starred only" in header(s))
        assert "1 of 31 listed" in header(screen) and "★ Huawei" in screen
        term.send("S")
        term.wait_for("all listed again", lambda s: "starred only" not in header(s))

        # . walks the unread, top down: Caloundra (2020-08-25), then Stores in Australia (2020-03-13)
        term.send("g", ".")
        term.wait_for("Caloundra in the reader", lambda s: reader_shows(s, "2020-08-25"))
        term.send(".")
        term.wait_for("Stores in the reader", lambda s: reader_shows(s, "2020-03-13"))

        # A then u
        before = header(term.screen())
        term.send("A")
        term.wait_for("all read", lambda s: " 0 unread" in header(s))
        term.send("u")
        term.wait_for("marks restored", lambda s: header(s) == before)

        # s re-sorts; z zooms
        term.send("s")
        term.wait_for("oldest first", lambda s: "oldest first" in header(s))
        term.send("z")
        term.wait_for("the reader full width", lambda s: "▕" not in s.splitlines()[2])
        term.send("z", "q")
        term.wait_for("the reader to quit", lambda s: "EXITED:0" in s)


def test_a_text_mode_browser_gets_the_terminal_and_gives_it_back(tmp_path: Path) -> None:
    """BROWSER=lynx (here a script called lynx that waits for Enter): the reader steps aside while it
    runs, and comes back with its screen when it exits."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    lynx = bin_dir / "lynx"
    lynx.write_text('#!/bin/sh\necho "TEXT-BROWSER got: $1"\nread line\n', encoding="utf-8")
    lynx.chmod(0o755)
    with Terminal(tmp_path, session="habits-lynx", size=(80, 24)) as term:
        term.type(f"PATH={shlex.quote(str(bin_dir))}:$PATH BROWSER=lynx {shlex.quote(newsreader_command())} "
                  f"{shlex.quote(str(ARTICLES))}; echo EXITED:$?")
        term.wait_for("the list", lambda s: "31 unread" in header(s), timeout=FIRST_FRAME_TIMEOUT)
        term.send("o")
        screen = term.wait_for("the text-mode browser", lambda s: "TEXT-BROWSER got: https://" in s)
        assert "newest first" not in screen  # the reader stepped aside
        term.send("Enter")
        term.wait_for("the reader back", lambda s: "newest first" in header(s) and "TEXT-BROWSER" not in s)
        term.send("q")
        term.wait_for("the reader to quit", lambda s: "EXITED:0" in s)
