"""End-to-end: the installed `newsreader` in tmux on a cold folder big enough for the indexing child
process (200+ files). The titles come from the child, `j` previews the next article while it works, the
header ends on the article count, and quitting leaves no indexer behind."""

from __future__ import annotations

import datetime as dt
import re
import shlex
import subprocess
from pathlib import Path

import pytest

from tests.tmux_terminal import Terminal, newsreader_command

pytestmark = pytest.mark.e2e

N = 260  # over INDEXER_MIN_FILES (200): the reader starts the child


def write_folder(folder: Path) -> None:
    folder.mkdir()
    for i in range(N):
        day = dt.date(2023, 1, 1) + dt.timedelta(days=i)  # report i is i days newer than report 0
        text = (f"---\ntitle: Report {i:03} on harbour works\ndate: {day.isoformat()}\n---\n"
                f"Body marker zq{i:03}x: the quay was inspected on {day:%d %B}.\n")
        (folder / f"r{i:03}.txt").write_text(text, encoding="utf-8")


def indexers_for(folder: Path) -> list[str]:
    found = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True, check=False).stdout
    return [line for line in found.splitlines() if "newsreader.indexer" in line and str(folder) in line]


def test_a_cold_folder_indexed_by_the_child_in_a_real_terminal(tmp_path: Path) -> None:
    folder = tmp_path / "cold"
    write_folder(folder)
    exe = newsreader_command()
    with Terminal(tmp_path) as terminal:
        terminal.wait_for("the shell prompt", lambda s: "$" in s)
        terminal.type(f"{shlex.quote(exe)} {shlex.quote(str(folder))}; echo EXITED:$?")
        # newest first: report 259, then 258 …; the first one's text in the reader
        last, second = f"{N - 1:03}", f"{N - 2:03}"
        screen = terminal.wait_for("the titles and the first article",
                                   lambda s: f"Report {last}" in s and f"zq{last}x" in s, timeout=60)
        assert screen.index(f"Report {last}") < screen.index(f"Report {second}")
        terminal.send("j")
        terminal.wait_for("the second article after `j`", lambda s: f"zq{second}x" in s and f"zq{last}x" not in s)
        # ("260 articles" is in the header as soon as every title is listed, while the files are still being
        # indexed: on a busy machine that lasts long enough to be read; the final header no longer says so)
        terminal.wait_for("the header's final count, indexing over",
                          lambda s: f"{N} articles" in s.splitlines()[0]
                          and not re.search(r"indexing|reading titles", s.splitlines()[0]), timeout=120)
        terminal.send("q")
        terminal.wait_for("the program to exit", lambda s: re.search(r"^EXITED:0\s*$", s, re.MULTILINE) is not None)
    assert indexers_for(folder) == []
