"""`newsreader actors FOLDER [--json]` and `newsreader show FILE --html/--svg`."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsreader.cli import main
from tests.conftest import ARTICLES, SEED, SEED_TITLE, write_article


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsreader", *args],
        capture_output=True, text=True, timeout=60, env={**os.environ, "NO_COLOR": "1"},
    )


def test_actors_json_on_the_shipped_articles(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actors", str(ARTICLES), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(set(r) == {"name", "kind", "articles", "quotations", "aliases", "ambiguous"} for r in rows)
    by_name = {r["name"]: r for r in rows}
    assert by_name["Donald Trump"]["articles"] >= 4 and by_name["Donald Trump"]["kind"] == "person"
    # one row per actor: no name is another same-kind actor's alias unless marked ambiguous
    aliases = {(alias.casefold(), r["kind"]): r["name"] for r in rows for alias in r["aliases"]}
    assert [r["name"] for r in rows if aliases.get((r["name"].casefold(), r["kind"]), r["name"]) != r["name"]
            and not r["ambiguous"]] == []
    assert "Trump" not in by_name and "US" not in by_name and "EU" not in by_name
    assert by_name["Ken Hu"]["quotations"] >= 3
    keys = [(-r["articles"], r["name"].casefold()) for r in rows]
    assert keys == sorted(keys)


def test_actors_piped_are_tab_separated_lines(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    write_article(folder, "a.txt", "[bold]Story[/bold]", '"We will win," said Jane Doe of Acme Corp in Paris.')
    write_article(folder, "b.txt", "Second", "Later, Ms Doe said nothing at all in Paris.")
    out = run("actors", str(folder))
    assert out.returncode == 0, out.stderr
    rows = [line.split("\t") for line in out.stdout.splitlines()]
    assert all(len(row) == 6 for row in rows) and "\x1b" not in out.stdout
    assert ["Jane Doe", "person", "2", "1", "Doe", ""] in rows  # "Doe" alone joined Jane Doe
    assert ["Paris", "place", "2", "0", "", ""] in rows


def test_actors_bad_folder_exits_2(tmp_path: Path) -> None:
    out = run("actors", str(tmp_path / "nope"))
    assert out.returncode == 2 and out.stderr.strip() == f"newsreader: no such file or folder: {tmp_path / 'nope'}"


def test_actors_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actors", str(tmp_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_show_html_and_svg(tmp_path: Path) -> None:
    out = run("show", str(SEED), "--html", str(tmp_path / "seed.html"), "--svg", str(tmp_path / "seed.svg"))
    assert out.returncode == 0, out.stderr
    assert out.stdout == ""
    assert out.stderr == f"newsreader: wrote {tmp_path / 'seed.html'} and {tmp_path / 'seed.svg'}\n"
    page = (tmp_path / "seed.html").read_text(encoding="utf-8")
    assert f"<title>{html.escape(SEED_TITLE)}</title>" in page and "Highlights" in page
    assert "<pre" not in page and "find match" not in page
    # "he wrote": the speaker is named in a tooltip, after the pronoun and in the who-said-what list
    assert 'title="said by Donald Trump">I want the ' in page
    assert 'he</span><span class="resolved"> [Donald Trump]' in page
    assert '<li><span class="speaker">Donald Trump</span>' in page
    svg = (tmp_path / "seed.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith('<svg xml:space="preserve" ') and "Highlights" in svg


def test_show_html_plain_and_svg_width(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(SEED), "--plain", "--width", "50", "--html", str(tmp_path / "p.html")]) == 0
    page = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert "Highlights" not in page and 'class="quote' not in page and "Who said what" not in page
    assert main(["show", str(SEED), "--width", "50", "--svg", str(tmp_path / "p.svg")]) == 0
    svg = (tmp_path / "p.svg").read_text(encoding="utf-8")
    runs = re.findall(r'textLength="([\d.]+)"', svg)
    assert runs and max(float(r) for r in runs) <= 50 * 12.21  # Rich's cell is 12.2 wide
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("newsreader: wrote") == 2


def test_show_names_speakers_and_has_no_find_legend(capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")  # as on a terminal: the legend is printed
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert main(["show", str(SEED), "--width", "200"]) == 0
    out = re.sub(r"\x1b\[[0-9;]*m", "", capsys.readouterr().out)
    assert "technologies,” he [Donald Trump] wrote." in out
    assert "Person" in out and "Place" in out and "find match" not in out and "current match" not in out


@pytest.mark.parametrize("flag", ["--html", "--svg"])
def test_show_export_bad_path_is_one_line_exit_2(tmp_path: Path, flag: str) -> None:
    target = tmp_path / "missing" / "out"
    out = run("show", str(SEED), flag, str(target))
    assert out.returncode == 2
    assert out.stderr == f"newsreader: cannot write {target}: no such folder {target.parent}\n"
    out = run("show", str(SEED), flag, str(tmp_path))
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and "is a folder" in out.stderr
    assert "Traceback" not in out.stderr


def test_show_export_markup_is_literal(tmp_path: Path) -> None:
    path = write_article(tmp_path / "in", "m.txt", "Plain [bold]title[/]", "Text with [red]brackets[/red], said Bob.")
    assert main(["show", str(path), "--html", str(tmp_path / "m.html")]) == 0
    text = html.unescape((tmp_path / "m.html").read_text(encoding="utf-8"))
    assert "Plain [bold]title[/]" in text and "[red]brackets[/red]" in text
