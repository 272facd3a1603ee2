"""End-to-end: the INSTALLED `newsreader` command in a real terminal (tmux), driven with keys.

A private tmux server (`tmux -L <unique socket>`) runs an interactive shell in a 120x36 pane; the test
types `newsreader DIR; echo EXITED:$?` into it, sends keys and reads the screen with `capture-pane -p`.
Every wait polls the screen with a timeout instead of sleeping a fixed time. The tmux server is always
killed at teardown. tmux is required: when it is missing the test fails (`.ci/run` installs it).
"""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

import pytest

from tests.tmux_terminal import Terminal, newsreader_command

pytestmark = pytest.mark.e2e

FIRST_FRAME_TIMEOUT = 60.0  # a hang guard: the first start also pays for imports on a busy (xdist) machine

# Newest first: the list shows Alpha, Bravo, Charlie in this order. Titles are short enough to fit
# the list pane untruncated; every body has words that appear nowhere else on screen.
ARTICLES = [
    ("a-alpha.txt", "Alpha harbour reopens", "2024-03-03",
     "Fishing boats returned to the Alderney quay on Monday after the breakwater repairs."),
    ("b-bravo.txt", "Bravo bridge inspected", "2024-03-02",
     "Engineers climbed the Brantwood suspension cables with ropes and a thermos of tea."),
    ("c-charlie.txt", "Charlie choir tours", "2024-03-01",
     "The Chesterfield singers rehearsed madrigals in a disused tram depot all winter."),
]
TITLES = [title for _, title, _, _ in ARTICLES]
BODY_WORDS = ["Alderney quay", "Brantwood suspension", "Chesterfield singers"]


def write_articles(folder: Path) -> None:
    folder.mkdir()
    for name, title, date, body in ARTICLES:
        text = f"---\ntitle: {title}\ndate: {date}\nsource: E2E Gazette\n---\n{body}\n\nA second paragraph.\n"
        (folder / name).write_text(text, encoding="utf-8")


def exit_status(screen: str) -> int | None:
    """The status printed by `echo EXITED:$?` (a line of its own, unlike the typed command line)."""
    found = re.search(r"^EXITED:(\d+)\s*$", screen, re.MULTILINE)
    return int(found.group(1)) if found else None


def footer(screen: str) -> str:
    lines = screen.rstrip("\n").splitlines()
    return lines[-1] if lines else ""


def test_reader_in_a_real_terminal(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    write_articles(folder)
    exe = newsreader_command()
    with Terminal(tmp_path) as terminal:  # the tmux server is killed on the way out, pass or fail
        drive_the_reader(terminal, exe, folder)


def drive_the_reader(terminal: Terminal, exe: str, folder: Path) -> None:
    terminal.wait_for("the shell prompt", lambda s: "$" in s)
    # the folder is given relative to the pane's directory to keep the command line short; it may still
    # wrap, so the exit status is only read from a line of its own (see `exit_status`)
    terminal.type(f"{shlex.quote(exe)} {shlex.quote(folder.name)}; echo EXITED:$?")

    # every title is listed, newest first, and the first article is previewed
    screen = terminal.wait_for(
        "all three titles and the first article's body",
        lambda s: all(t in s for t in TITLES) and BODY_WORDS[0] in s,
        timeout=FIRST_FRAME_TIMEOUT,
    )
    positions = [screen.index(t) for t in TITLES]
    assert positions == sorted(positions), f"titles are not newest first:\n{screen}"

    # j: the reading pane previews the second article
    terminal.send("j")
    screen = terminal.wait_for(
        "the second article's body after `j`",
        lambda s: BODY_WORDS[1] in s and BODY_WORDS[0] not in s,
    )

    # enter opens the reader (the footer switches to the reader's keys); J moves to the next article
    list_footer = footer(screen)
    terminal.send("Enter")
    terminal.wait_for("the footer to show the reader's keys after `enter`", lambda s: footer(s) != list_footer)
    terminal.send("J")
    terminal.wait_for(
        "the third article after `enter` then `J`",
        lambda s: BODY_WORDS[2] in s and BODY_WORDS[1] not in s,
    )

    # ? shows the help screen (generated from the bindings); escape closes it
    terminal.send("?")
    # wait for the whole help screen, not just its border: a capture can land between two paints
    terminal.wait_for("the help screen describing `J` (Next article)",
                      lambda s: "newsreader — keys" in s and "Next article" in s)
    terminal.send("Escape")
    terminal.wait_for(
        "the help screen to close",
        lambda s: "newsreader — keys" not in s and BODY_WORDS[2] in s,
    )

    # q quits: the program exits with status 0 and the shell's screen is back (alternate screen left)
    terminal.send("q")
    screen = terminal.wait_for("the program to exit", lambda s: exit_status(s) is not None)
    assert exit_status(screen) == 0, f"newsreader did not exit with status 0:\n{screen}"
    assert not any(t in screen for t in TITLES), f"the reader's screen was left behind:\n{screen}"
    assert not any(w in screen for w in BODY_WORDS), f"the reader's screen was left behind:\n{screen}"


def test_missing_folder_is_one_line_and_status_2(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    result = subprocess.run(
        [newsreader_command(), str(missing)],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2, result
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"newsreader: no such file or folder: {missing}"], result.stderr


def test_find_and_filter_typed_fast_in_a_real_terminal(tmp_path: Path) -> None:
    """`/word` and `f` + query arrive in one burst from a fast typist (or a paste): no key may be lost."""
    folder = tmp_path / "news"
    write_articles(folder)
    exe = newsreader_command()
    with Terminal(tmp_path) as terminal:
        terminal.wait_for("the shell prompt", lambda s: "$" in s)
        terminal.type(f"{shlex.quote(exe)} {shlex.quote(folder.name)}; echo EXITED:$?")
        terminal.wait_for("the titles", lambda s: all(t in s for t in TITLES), timeout=FIRST_FRAME_TIMEOUT)
        word = BODY_WORDS[0]
        terminal.send_text(f"/{word}")  # one burst: "/" and the word together
        # every key of the burst reaches the find bar (keys are handled in turn: the counter may show for a
        # prefix of the word first)
        terminal.wait_for("the find counter", lambda s: "1/1" in footer_area(s) and f"Find {word}" in s)
        terminal.send("Escape")
        terminal.wait_for("the find bar to close", lambda s: f"Find {word}" not in s)
        terminal.send_text(f"f{TITLES[1].split()[0].lower()}")

        def narrowed(screen: str) -> bool:  # the count and the list's rows, which may be painted one after the other
            listed = "\n".join(line[:40] for line in screen.splitlines())  # the list pane only
            return "1 of 3" in screen and TITLES[1] in listed and TITLES[0] not in listed and TITLES[2] not in listed

        terminal.wait_for("the filter to narrow the list to the one matching title", narrowed)
        terminal.wait_for("the reader to preview the one article left", lambda s: BODY_WORDS[1] in s)
        terminal.send("Escape")
        terminal.wait_for("the filter to clear", lambda s: all(t in s for t in TITLES))
        terminal.send("q")
        screen = terminal.wait_for("the program to exit", lambda s: exit_status(s) is not None)
        assert exit_status(screen) == 0, screen


def footer_area(screen: str) -> str:
    """The last three lines: find bar and footer."""
    return "\n".join(screen.rstrip("\n").splitlines()[-3:])


# ------------------------------------------------------------------------------------------- 80x24

SGR = re.compile(r"\x1b\[([0-9;]*)m")


def cell_backgrounds(styled_line: str) -> list[tuple[str, str]]:
    """(character, background) for each character of a `capture-pane -e` line; "" is the default."""
    cells: list[tuple[str, str]] = []
    background = ""
    pos = 0
    for m in SGR.finditer(styled_line + "\x1b[m"):
        cells.extend((ch, background) for ch in styled_line[pos:m.start()])
        pos = m.end()
        params = m.group(1).split(";") if m.group(1) else ["0"]
        i = 0
        while i < len(params):
            p = params[i]
            if p in ("0", "49"):
                background = ""
            elif p == "48" and i + 2 < len(params) and params[i + 1] == "5":
                background, i = f"5;{params[i + 2]}", i + 2
            elif p == "48" and i + 4 < len(params) and params[i + 1] == "2":
                background, i = ";".join(params[i + 2:i + 5]), i + 4
            elif p in ("38",) and i + 1 < len(params):
                i += 2 if params[i + 1] == "5" else 4
            i += 1
    return cells


def stale_highlights(styled: str, word: str) -> list[str]:
    """Places where the first two letters of `word` stand out from their neighbours although the
    text there is not `word` (highlights left over from an earlier, shorter query)."""
    found = []
    for line in styled.splitlines():
        cells = cell_backgrounds(line)
        text = "".join(ch for ch, _ in cells).lower()
        for m in re.finditer(re.escape(word[:2]), text):
            start = m.start()
            if text.startswith(word, start) or start == 0 or start + 2 >= len(cells):
                continue
            around = {cells[start - 1][1], cells[start + 2][1]}
            if cells[start][1] not in around:
                found.append(text.strip())
    return found


def seed_folder(tmp_path: Path) -> Path:
    from tests.conftest import SEED

    folder = tmp_path / "seed"
    folder.mkdir()
    (folder / SEED.name).write_bytes(SEED.read_bytes())
    return folder


def start(terminal: Terminal, folder: Path) -> None:
    terminal.wait_for("the shell prompt", lambda s: "$" in s)
    terminal.type(f"{shlex.quote(newsreader_command())} {shlex.quote(folder.name)}; echo EXITED:$?")
    terminal.wait_for("the article", lambda s: "transparency" in s, timeout=FIRST_FRAME_TIMEOUT)


def test_find_highlights_follow_each_key_at_80x24(tmp_path: Path) -> None:
    """Issue 11, glitch 1: after `}`x4, typing t r u s t key by key left the `tr` highlights on screen."""
    folder = seed_folder(tmp_path)
    with Terminal(tmp_path, size=(80, 24)) as terminal:
        start(terminal, folder)
        terminal.send("l")
        for _ in range(4):
            terminal.send("}")
        terminal.send("/")
        terminal.wait_for("the find bar", lambda s: "Find" in footer_area(s))
        typed = ""
        for key in "trust":  # one key at a time, each answered (echo and counter) before the next
            typed += key
            terminal.send(key)
            terminal.wait_for(f"'{typed}' and its count in the find bar",
                              lambda s, t=typed: re.search(rf"Find {t} .* \d+/\d+", footer_area(s)) is not None)
        terminal.wait_for("the counter", lambda s: "/4" in footer_area(s))
        assert stale_highlights(terminal.styled_screen(), "trust") == []
        # alt+r (ESC r from the terminal) switches regex on without typing an "r" (issue 13, item 17)
        terminal.send("M-r")
        screen = terminal.wait_for("regex on", lambda s: "[regex]" in s)
        assert "Find trust " in screen and "Find trustr" not in screen, screen
        terminal.send("M-w")
        screen = terminal.wait_for("whole word on", lambda s: "[word]" in s)
        assert "Find trust " in screen, screen
        terminal.send("Escape")  # (Esc and q in one write would be alt+q)
        terminal.wait_for("the find bar to close", lambda s: "Find trust" not in s)
        terminal.send("q")
        terminal.wait_for("the program to exit", lambda s: exit_status(s) is not None)


def test_footer_keeps_the_keys_that_matter_at_80_columns(tmp_path: Path) -> None:
    """Issue 11, glitch 7: at 80 columns, reading, the footer still offers who-said-what and the actors."""
    folder = seed_folder(tmp_path)
    with Terminal(tmp_path, size=(80, 24)) as terminal:
        start(terminal, folder)
        terminal.send("l")
        screen = terminal.wait_for("the reader's footer", lambda s: "esc" in footer(s))
        for key in ("q Quit", "/ Find", "w Who said what", "a Actors", "? Help"):
            assert key in footer(screen), footer(screen)
        terminal.send("q")
        screen = terminal.wait_for("the program to exit", lambda s: exit_status(s) is not None)
        assert exit_status(screen) == 0


def test_an_invalid_utf8_byte_typed_does_not_kill_the_reader(tmp_path: Path) -> None:
    """Issue 13, item 6: byte 0x9b (not UTF-8) typed into the find bar used to end the app."""
    folder = seed_folder(tmp_path)
    with Terminal(tmp_path, size=(80, 24)) as terminal:
        start(terminal, folder)
        terminal.send("/")
        terminal.wait_for("the find bar", lambda s: "Find" in footer_area(s))
        terminal.run("send-keys", "-t", terminal.session, "-H", "9b")
        terminal.send("h", "u")
        screen = terminal.wait_for("the find to go on after the bad byte", lambda s: "Find hu " in s)
        assert exit_status(screen) is None, screen
        terminal.send("Escape")
        terminal.wait_for("the find bar to close", lambda s: "Find hu" not in s)
        terminal.send("q")
        screen = terminal.wait_for("the program to exit", lambda s: exit_status(s) is not None)
        assert exit_status(screen) == 0, screen
