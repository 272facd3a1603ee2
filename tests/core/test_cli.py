"""The command line: help, version, bad paths, `show`, `list`, `analyze --json`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from newsreader import __version__
from newsreader.cli import main
from tests.conftest import ARTICLES, SEED, SEED_TITLE, write_article


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsreader", *args],
        capture_output=True, text=True, timeout=60, env={**os.environ, **(env or {})},
    )


def test_help_and_version() -> None:
    out = run("--help")
    assert out.returncode == 0 and "folder of articles" in out.stdout
    out = run("--version")
    assert out.returncode == 0 and out.stdout.strip() == f"newsreader {__version__}"


def test_missing_path_is_one_line_and_exit_2(tmp_path: Path) -> None:
    out = run(str(tmp_path / "nope"))
    assert out.returncode == 2
    assert out.stderr.strip() == f"newsreader: no such file or folder: {tmp_path / 'nope'}"
    assert "Traceback" not in out.stderr
    out = run("show", str(tmp_path / "nope.txt"))
    assert out.returncode == 2 and out.stderr.count("\n") == 1


def test_no_argument_without_articles_folder_explains(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert main([]) == 2
    assert "pass a folder" in capsys.readouterr().err


def test_reader_refuses_without_a_terminal(small_folder: Path) -> None:
    out = run(str(small_folder))
    assert out.returncode == 2 and "needs a terminal" in out.stderr


def test_show_prints_plain_text_when_piped() -> None:
    out = run("show", str(SEED), env={"NO_COLOR": "1"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith(SEED_TITLE)
    assert "\x1b" not in out.stdout
    assert "Trust needs to be based on facts" in out.stdout
    assert max(len(line) for line in out.stdout.splitlines()) <= 90


def test_show_colours_on_a_terminal(capsys, monkeypatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert main(["show", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "\x1b[" in out and "Trust needs" in out


def test_list_json_and_table(tmp_path: Path) -> None:
    write_article(tmp_path, "a.txt", "Alpha", "x", date="2020-01-01", source="Wire")
    (tmp_path / "bad.txt").write_bytes(bytes(range(256)) * 4)
    out = run("list", str(tmp_path), "--json")
    rows = json.loads(out.stdout)
    assert out.returncode == 0
    assert rows[0] == {"title": "Alpha", "date": "2020-01-01", "source": "Wire", "path": str(tmp_path / "a.txt"),
                       "index": 0, "error": None}
    assert rows[1]["error"] == "binary file (not text): neither UTF-8 nor Windows-1252 text (control characters)"
    piped = run("list", str(tmp_path))  # not a terminal: one tab-separated line per article
    assert piped.returncode == 0 and piped.stderr == ""
    assert piped.stdout.splitlines() == [
        f"2020-01-01\tAlpha\tWire\t{tmp_path / 'a.txt'}\t",
        f"\tbad\t\t{tmp_path / 'bad.txt'}\tbinary file (not text): neither UTF-8 nor Windows-1252 text (control "
        "characters)",
    ]


def test_analyze_json_contract_on_the_shipped_folder() -> None:
    out = run("analyze", "--json", str(ARTICLES))
    assert out.returncode == 0, out.stderr
    records = json.loads(out.stdout)
    assert len(records) == 31
    from newsreader.articles import load_article

    for rec in records:
        assert set(rec) >= {"path", "title", "error", "quotes", "actors"}
        body = load_article(rec["path"]).body
        for q in rec["quotes"]:
            assert body[q["start"]:q["end"]] == q["text"]
        for a in rec["actors"]:
            assert a["kind"] in ("person", "organisation", "place")
            for m in a["mentions"]:
                assert body[m["start"]:m["end"]] == m["text"]
    seed = next(r for r in records if r["title"] == SEED_TITLE)
    assert [q["speaker"] for q in seed["quotes"]] == ["Ken Hu", "Ken Hu", "Ken Hu", "Donald Trump"]


def test_analyze_reports_per_article_errors_and_carries_on(tmp_path: Path) -> None:
    write_article(tmp_path, "a.txt", "Alpha", "“Hello there, everyone,” said Jane Smith.")
    (tmp_path / "bad.txt").write_bytes(bytes(range(256)) * 4)
    out = run("analyze", "--json", str(tmp_path))
    assert out.returncode == 0
    records = {Path(r["path"]).name: r for r in json.loads(out.stdout)}
    assert records["bad.txt"]["error"] and records["bad.txt"]["quotes"] == []
    assert records["a.txt"]["error"] is None


def test_core_imports_without_textual() -> None:
    code = (
        "import sys\n"
        "import newsreader.cli, newsreader.articles, newsreader.library, newsreader.render, newsreader.wrap\n"
        "import newsreader.analysis, newsreader.search, newsreader.markdown_text, newsreader.sanitize\n"
        "import newsreader.session, newsreader.query, newsreader.index, newsreader.folder_sync\n"
        "from newsreader.cli import main\n"
        "main(['list', sys.argv[1], '--json'])\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "assert not bad, bad\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(ARTICLES)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr


def test_an_empty_path_is_refused_not_taken_for_the_current_folder(tmp_path: Path) -> None:
    """`newsreader list "$DIR"` with DIR unset: an empty argument is an error, as for `ls ""` (it listed the
    current folder, and `show ""` said " is a folder")."""
    from tests.conftest import run_cli

    article = write_article(tmp_path, "here.txt", "An article in the current folder", "Text.")
    for args in (["list", ""], ["analyze", "--json", ""], ["actors", ""], ["show", ""], [""],
                 ["show", str(article), "--html", ""], ["show", str(article), "--svg", ""],
                 ["feeds", "add", "https://example.org/feed.xml", "--folder", ""]):
        out = run_cli(*args, tmp=tmp_path, XDG_CONFIG_HOME=str(tmp_path / "config"))
        assert out.returncode == 2, args
        assert out.stderr.strip().endswith(": an empty path: name a file or folder"), (args, out.stderr)
        assert out.stdout == "", args
    assert not (tmp_path / "config").exists()  # no feed was subscribed
