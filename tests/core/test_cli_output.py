"""`list` and `actors` output: one tab-separated line per row in a pipe, a table fitted to the terminal
for a person (run here in a real pseudo-terminal of a given size); every command under any output
encoding, into a reader that stops early, and `show` with a width out of bounds."""

from __future__ import annotations

import fcntl
import io
import json
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from newsreader.cli_output import GAP, LIST_COLUMNS, Column, field, fit_widths, table, write_lines
from tests.conftest import ARTICLES, run_cli

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def run_piped(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "FORCE_COLOR")}
    return subprocess.run([sys.executable, "-m", "newsreader", *args], capture_output=True, text=True, timeout=60,
                          env={**clean, **env})


def run_in_terminal(columns: int, *args: str) -> list[str]:
    """The lines the command shows on a terminal `columns` wide (colours removed)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR")}
    env["TERM"] = "xterm-256color"
    proc = subprocess.Popen([sys.executable, "-m", "newsreader", *args], stdout=slave, stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the other end closed: the command has finished
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert proc.wait(timeout=60) == 0
    return ANSI.sub("", b"".join(chunks).decode()).replace("\r\n", "\n").splitlines()


def test_list_in_a_pipe_is_one_full_line_per_article() -> None:
    out = run_piped("list", str(ARTICLES))
    lines = out.stdout.splitlines()
    paths = sorted(p for p in ARTICLES.iterdir() if p.suffix == ".txt")
    assert len(lines) == len(paths) <= 32  # `newsreader list articles | wc -l`
    rows = [line.split("\t") for line in lines]
    assert all(len(row) == 5 for row in rows)
    assert sorted(Path(row[3]) for row in rows) == paths  # whole paths, never cut or wrapped
    assert "GitHub blocks public access to youtube-dl after RIAA issues DMCA notice" in {row[1] for row in rows}


def test_list_on_a_terminal_is_a_table_as_wide_as_the_terminal() -> None:
    for columns in (120, 72):
        lines = run_in_terminal(columns, "list", str(ARTICLES))
        assert lines[0].split() == ["date", "title", "source", "file"]
        assert lines[-1] == "31 articles"
        assert len(lines) == 33  # header, one line per article, the count
        assert max(len(line) for line in lines) <= columns
        github = next(line for line in lines if "GitHub" in line)
        assert github.startswith("2020-10-26") and "…" in github and "  29-github" in github
    wide = run_in_terminal(200, "list", str(ARTICLES))
    assert any(re.search("GitHub blocks public access to youtube-dl after RIAA issues DMCA notice +Wikinews +29-", x)
               for x in wide)  # nothing cut when there is room


def test_force_color_keeps_the_table_in_a_pipe_with_nothing_cut() -> None:
    lines = ANSI.sub("", run_piped("list", str(ARTICLES), FORCE_COLOR="1").stdout).splitlines()
    assert lines[0].split() == ["date", "title", "source", "file"] and lines[-1] == "31 articles"
    assert any("GitHub blocks public access to youtube-dl after RIAA issues DMCA notice" in line for line in lines)
    assert not any("…" in line for line in lines)


def test_actors_on_a_terminal_and_in_a_pipe() -> None:
    lines = run_in_terminal(100, "actors", str(ARTICLES))
    assert lines[0].split() == ["actor", "kind", "articles", "quotes", "aliases"]  # no "articl…"
    assert re.match(r"United States +place +\d+ +0 +America, U\.S\., US, USA", lines[1])
    assert max(len(line) for line in lines) <= 100 and lines[-1].endswith("actors in 31 articles")
    piped = run_piped("actors", str(ARTICLES)).stdout.splitlines()
    assert len(piped) == len(lines) - 2 and piped[0].startswith("United States\tplace\t")


def test_fields_are_one_line_and_safe() -> None:
    assert field(None) == "" and field(3) == "3"
    assert field("a\nb\r\nc\x1b[31md\u202e") == "a b cd"
    out = io.StringIO()
    write_lines([("x\ty", None, 2)], out)
    assert out.getvalue().split("\t")[1:] == ["", "2\n"] and out.getvalue().count("\t") == 2


def test_table_cells_are_data_not_markup() -> None:
    out = io.StringIO()
    console = Console(width=60, file=out, markup=False, highlight=False)
    table(LIST_COLUMNS, [[Text(""), Text("[bold]x[/bold]"), Text(""), Text("p.txt")]], console)
    assert "[bold]x[/bold]" in out.getvalue()


COLUMNS = (Column("a", min_width=10, max_width=10), Column("b", min_width=12), Column("n", numeric=True),
           Column("c", min_width=8))


@given(st.lists(st.integers(0, 300), min_size=4, max_size=4), st.integers(0, 400))
def test_fit_widths(natural: list[int], available: int) -> None:
    widths = fit_widths(COLUMNS, natural, available)
    capped = [min(natural[0], 10), natural[1], natural[2], natural[3]]
    assert all(w <= c for w, c in zip(widths, capped, strict=False))  # never wider than the content
    assert widths[2] == natural[2]  # numbers are never cut
    floors = [min(capped[0], 10), min(capped[1], 12), capped[2], min(capped[3], 8)]
    assert all(w >= f for w, f in zip(widths, floors, strict=False))  # never below a column's minimum
    room = available - GAP * 3
    if sum(floors) <= room:
        assert sum(widths) <= max(room, sum(floors))  # fits whenever the minimums do
    if sum(capped) <= room:
        assert widths == capped


def test_an_ambiguous_name_says_who_it_could_be(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Donald Trump spoke in Paris on Monday.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Melania Trump spoke in Paris on Monday.\n", encoding="utf-8")
    (folder / "c.md").write_text(
        "---\ntitle: C\nactors:\n  - {name: Trump, kind: person}\n---\nOn Monday, Trump spoke.\n", encoding="utf-8"
    )
    lines = run_in_terminal(100, "actors", str(folder))
    assert any(re.fullmatch(r"Trump +person +1 +0 +could be Donald Trump or Melania Trump *", line) for line in lines)
    piped = run_piped("actors", str(folder)).stdout.splitlines()
    assert "Trump\tperson\t1\t0\t\tDonald Trump, Melania Trump" in piped


def _unicode_folder(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "café-story.md").write_text(
        "---\ntitle: Café “owners” — 漢字 ✓\nsource: Le Monde\n---\n"
        "“The prices rose,” said Amélie Dupont, the café’s owner. 漢字かな and emoji 👩‍👩‍👧.\n", encoding="utf-8")
    (root / "plain.txt").write_text('Plain story\n\n"It is fine," said John Smith.\n', encoding="utf-8")
    return root


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252"])
def test_every_command_works_under_any_output_encoding(tmp_path: Path, encoding: str) -> None:
    folder = _unicode_folder(tmp_path / "news")
    for args in (["list", str(folder)], ["analyze", str(folder)], ["actors", str(folder)],
                 ["show", str(folder / "café-story.md")], ["list", "--json", str(folder)],
                 ["analyze", "--json", str(folder)], ["actors", "--json", str(folder)]):
        out = run_cli(*args, tmp=tmp_path, PYTHONIOENCODING=encoding)
        assert out.returncode == 0 and out.stderr == "", (encoding, args, out.stderr[-500:])
        assert "Plain story" in out.stdout or "John Smith" in out.stdout or "Caf" in out.stdout, (args, out.stdout)
        if "--json" in args:  # exact: the same data as with UTF-8 output
            exact = run_cli(*args, tmp=tmp_path)
            assert json.loads(out.stdout) == json.loads(exact.stdout)
            assert out.stdout.isascii()


def _long_output_folder(root: Path) -> Path:
    """Output far beyond a pipe's 64 KiB buffer, so `| head -1` closes the pipe while we still write."""
    root.mkdir(parents=True, exist_ok=True)
    quote = '"We will look again at the plan number {i}," said Jane Doe. '
    for n in range(12):
        (root / f"a{n:02d}.txt").write_text(f"Story {n}\n\n" + "".join(quote.format(i=i) for i in range(120)))
    for n in range(700):
        (root / f"b{n:03d}.txt").write_text(f"Short story number {n} with a long enough title\n\nText.\n")
    return root


@pytest.mark.parametrize("args", [["list"], ["analyze"], ["list", "--json"], ["analyze", "--json"], ["actors"]],
                         ids=" ".join)
def test_a_reader_that_stops_early_is_not_an_error(tmp_path: Path, args: list[str]) -> None:
    folder = _long_output_folder(tmp_path / "long")
    run_cli("analyze", "--json", str(folder), tmp=tmp_path)  # warm the analysis cache: the piped run is quick
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "TMUX")}
    env.update(XDG_STATE_HOME=str(tmp_path / "state"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    proc = subprocess.Popen([sys.executable, "-m", "newsreader", *args, str(folder)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, cwd=tmp_path, stdin=subprocess.DEVNULL)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()  # `| head -1`
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 0 and err == b"", err.decode(errors="replace")[-800:]
    assert first.strip()


def test_show_width_is_bounded_with_a_message(tmp_path: Path) -> None:
    from newsreader.cli import MAX_WIDTH

    folder = _unicode_folder(tmp_path / "news")
    path = folder / "plain.txt"
    path.write_text("Wide story\n\n" + "word " * 5_000 + "\n")
    out = run_cli("show", "--width", "1000000000", str(path), tmp=tmp_path)
    assert out.returncode == 0
    assert out.stderr == f"newsreader: --width 1,000,000,000 is outside 20..{MAX_WIDTH}: using {MAX_WIDTH}\n"
    assert 900 < max(len(line) for line in out.stdout.splitlines()) <= MAX_WIDTH
    html = tmp_path / "out.html"
    out = run_cli("show", "--width", "-3", "--html", str(html), str(path), tmp=tmp_path)
    assert out.returncode == 0 and "using 20" in out.stderr and html.exists()
