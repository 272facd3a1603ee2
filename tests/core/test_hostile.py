"""Hostile and broken input (issue 5): every case of tests/hostile.py through the loader, the CLI, Rich
output, the Textual app (Pilot + screenshots) and a real terminal (tmux).

What is checked is what a user would notice: each odd file is listed with its title or a clear error, the
commands carry on and exit 0, no escape sequence or control character from an article reaches the
terminal, markup in articles shows literally, the folder is never changed, and the app stays responsive.
"""

from __future__ import annotations

import html
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from newsreader.analysis import MAX_CHARS as ANALYSIS_MAX_CHARS
from newsreader.analysis import analyse_article
from newsreader.articles import MAX_MARKDOWN_CHARS, MAX_READ_BYTES, MAX_YAML_NODES, load_file
from newsreader.render import (
    build_document,
    iter_wrapped_text,
    to_rich_text,
)
from newsreader.session import load_folder as scan
from tests.conftest import palette_hits, until
from tests.conftest_hostile import HostileFolder, article_paths_on_disk
from tests.hostile import (
    ATTACK,
    CASES,
    CASES_BY_NAME,
    FORBIDDEN_CHARS,
    VANISH_NAME,
    Case,
    build_hostile_folder,
    folder_checksum,
    vanish_before_read,
)
from tests.tmux_terminal import Terminal, newsreader_command

if TYPE_CHECKING:  # annotations only: the UI is imported inside the tests that drive it
    from newsreader.ui.article_view import ArticleView

REPO = Path(__file__).resolve().parents[2]
FORBIDDEN = re.compile("[" + "".join(re.escape(c) for c in FORBIDDEN_CHARS) + "\ud800-\udfff]")
SGR = re.compile(r"\x1b\[[0-9;]*m")  # the only sequences our own Rich output may contain
FILE_NAME_CASES = ("Rich markup in the file name", "Escape sequences in the file name",
                   "Bidi override (U+202E) in the file name", "File name that is not valid UTF-8")


def forbidden_in(text: str) -> list[str]:
    return sorted({repr(c) for c in FORBIDDEN.findall(text)})


def squash(text: str) -> str:
    """Whitespace folded: wrapped output compares with unwrapped expectations."""
    return " ".join(text.split())


def by_path(library) -> dict[str, list]:
    out: dict[str, list] = {}
    for a in library.articles:
        out.setdefault(str(a.path), []).append(a)
    return out


def check_case(case: Case, title: str, text: str) -> None:
    """`text` (everything shown for the article) shows what the case promises."""
    flat = squash(text)
    if case.title is not None:
        assert squash(case.title) in squash(title), f"{case.name}: title {title!r}"
    if case.error is not None:
        assert case.error in flat, f"{case.name}: error {case.error!r} not shown in {flat[:300]!r}"
    if case.notice is not None:
        assert squash(case.notice) in flat, f"{case.name}: notice {case.notice!r} not shown in {flat[:400]!r}"
    if case.body is not None:
        assert squash(case.body) in flat, f"{case.name}: body {case.body!r} not in {flat[:400]!r}"


def env(tmp: Path, **extra: str) -> dict[str, str]:
    e = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "TMUX")}
    e.update(XDG_STATE_HOME=str(tmp / "state"), XDG_CACHE_HOME=str(tmp / "cache"), PYTHONIOENCODING="utf-8",
             LANG=os.environ.get("LANG") or "C.UTF-8")
    e.update(extra)
    return e


def newsreader(*args: str, tmp: Path, timeout: float = 90, **extra: str) -> subprocess.CompletedProcess[bytes]:
    """`python -m newsreader ARGS` as a subprocess; output kept as bytes (it must be valid UTF-8)."""
    return subprocess.run([sys.executable, "-m", "newsreader", *args], capture_output=True, timeout=timeout,
                          env=env(tmp, **extra), cwd=tmp, stdin=subprocess.DEVNULL)


def utf8(data: bytes) -> str:
    return data.decode("utf-8")  # strict: an undecodable file name must not produce invalid output


# ------------------------------------------------------------------------------------------ folder


def test_the_generator_covers_every_case(hostile_folder: HostileFolder) -> None:
    assert list(hostile_folder.shows) == [c.name for c in CASES]
    for case in hostile_folder.file_cases:
        assert os.path.lexists(hostile_folder.path(case)), case.name
    big = hostile_folder.root / "big-50mb.txt"
    assert big.stat().st_size > 50 * 1024 * 1024
    # without big=True there is no 50 MB file, and the mapping says so
    small = build_hostile_folder(hostile_folder.root.parent / "small", big=False)
    assert "A 50 MB article" not in small and not (hostile_folder.root.parent / "small" / "big-50mb.txt").exists()


# ------------------------------------------------------------------------------------------ loader


@dataclass
class LoaderWork:
    """What the loader did, counted: bytes of each read, YAML nodes composed, characters given to
    markdown-it. The loader's bounds are asserted on these counts (never on the clock)."""

    reads: list[int] = field(default_factory=list)
    yaml_nodes: int = 0
    markdown_chars: list[int] = field(default_factory=list)

    def assert_bounded(self, what: str) -> None:
        assert max(self.reads, default=0) <= MAX_READ_BYTES + 1, f"{what}: read more than the cap"
        assert self.yaml_nodes <= MAX_YAML_NODES + 1, f"{what}: composed {self.yaml_nodes:,} YAML nodes"
        assert max(self.markdown_chars, default=0) <= MAX_MARKDOWN_CHARS, f"{what}: formatted too much Markdown"


@pytest.fixture
def loader_work(monkeypatch: pytest.MonkeyPatch) -> LoaderWork:
    """Count the loader's work (see LoaderWork) for the rest of the test."""
    from newsreader import articles

    articles.default_residue()  # the shipped residue list is YAML too: not part of what is counted
    work = LoaderWork()
    real_read, real_compose, real_markdown = articles.read_regular, articles._safe_loader().compose_node, \
        articles.markdown_to_text

    def reading(path, limit):
        data, st = real_read(path, limit)
        work.reads.append(len(data))
        return data, st

    def composing(self, parent, index):
        work.yaml_nodes += 1
        return real_compose(self, parent, index)

    def formatting(text, notices=None):
        work.markdown_chars.append(len(text))
        return real_markdown(text, notices)

    monkeypatch.setattr(articles, "read_regular", reading)
    monkeypatch.setattr(articles._safe_loader(), "compose_node", composing)
    monkeypatch.setattr(articles, "markdown_to_text", formatting)
    return work


def test_scan_lists_every_file_with_its_title_or_error(
    hostile_folder: HostileFolder, hostile_library, loader_work: LoaderWork
) -> None:
    root = hostile_folder.root
    library = scan(root)
    assert max(loader_work.reads) <= MAX_READ_BYTES + 1 and max(loader_work.markdown_chars) <= MAX_MARKDOWN_CHARS
    assert sum(loader_work.reads) <= 4 * MAX_READ_BYTES, "the scan read more than its caps allow"
    listed = by_path(library)
    assert set(listed) == article_paths_on_disk(root), "a file was dropped or listed twice"
    assert len({a.key for a in library.articles}) == len(library.articles)
    for case in hostile_folder.file_cases:
        (article,) = listed[str(hostile_folder.path(case))]
        shown = build_document(article).text
        check_case(case, article.title, shown)
        if case.error is None:
            assert article.error is None, f"{case.name}: unexpected error {article.error!r}"
    # the broken newsreader.yaml is reported, as text, and does not stop anything
    assert library.config.problem and CASES_BY_NAME[
        "A newsreader.yaml whose YAML error quotes markup (`!<[/]>`)"].literal in library.config.problem
    # nothing the loader hands on contains a control character, an escape or a lone surrogate
    for a in library.articles:
        for value in (a.title, a.display_name, a.error or "", *a.notices, *a.extra.values(), *a.extra):
            assert not forbidden_in(value) and "\n" not in value and "\t" not in value, (a.path, value)
        assert not forbidden_in(a.body) and "\t" not in a.body, a.path
    assert not (root / "PWNED").exists(), "a YAML tag was executed"


@pytest.mark.parametrize("case", [c for c in CASES if c.path is not None], ids=lambda c: c.path)
def test_load_file_never_raises_on_any_case(hostile_folder: HostileFolder, case: Case, loader_work: LoaderWork) -> None:
    if case.name not in hostile_folder.shows:
        pytest.fail(f"{case.name} was not generated")
    articles = load_file(hostile_folder.path(case))
    loader_work.assert_bounded(case.name)
    assert articles and all(a.title for a in articles)
    if case.error is not None:
        assert case.error in (articles[0].error or ""), articles[0].error


def test_loading_the_files_directly_gives_clear_errors(hostile_folder: HostileFolder) -> None:
    root = hostile_folder.root
    assert load_file(root / "x.txt")[0].error == "is a folder, not a file"
    assert "not a regular file" in load_file(root / "fifo.txt")[0].error  # and it returned: no hang
    assert "target does not exist" in load_file(root / "dangling.txt")[0].error
    assert "symlink loop" in load_file(root / "self-link.txt")[0].error
    assert scan(root / "fifo.txt").articles[0].error.startswith("not a regular file")


def test_a_file_vanishing_between_scan_and_read_is_listed_with_the_reason(
    vanishing_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsreader.articles

    monkeypatch.setattr(newsreader.articles, "read_text", vanish_before_read(newsreader.articles.read_text))
    library = scan(vanishing_folder)
    gone = [a for a in library.articles if a.path.name == VANISH_NAME]
    assert len(gone) == 1 and gone[0].error == "file vanished before it could be read"
    assert [a.title for a in library.articles if a.error is None] == ["A steady article"]


def test_a_markdown_bracket_bomb_is_formatted_in_part(tmp_path: Path, loader_work: LoaderWork) -> None:
    path = tmp_path / "bomb.md"  # markdown-it needs ~1 s per 100,000 characters of this: 7 s for all of it
    path.write_text("# Bracket bomb\n\n" + "![" * 300_000 + "\n\nThe text after the bomb.\n", encoding="utf-8")
    (article,) = load_file(path)
    assert loader_work.markdown_chars and max(loader_work.markdown_chars) <= MAX_MARKDOWN_CHARS
    assert article.title == "Bracket bomb" and article.body.endswith("The text after the bomb.")
    assert f"Markdown formatting is shown for the first {MAX_MARKDOWN_CHARS:,} characters; the rest is plain text." \
        in article.notices
    assert all(s.end <= MAX_MARKDOWN_CHARS for s in article.styles)


def test_deeper_than_the_depth_limit_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsreader.library

    monkeypatch.setattr(newsreader.library, "MAX_DEPTH", 3)
    deep = tmp_path / "a" / "b" / "c" / "d" / "e"
    deep.mkdir(parents=True)
    (deep / "x.txt").write_text("Deep\n\ntext\n")
    (tmp_path / "top.txt").write_text("Top\n\ntext\n")
    library = scan(tmp_path)
    errors = [a.error for a in library.articles if a.error]
    assert errors == ["folder nested deeper than 3 levels: not scanned"]
    assert [a.title for a in library.articles if not a.error] == ["Top"]


# ---------------------------------------------------------------------------------- Rich output


def test_rich_output_of_every_article_carries_no_escape_from_the_article(hostile_library) -> None:
    from rich.console import Console

    for article in hostile_library.articles:
        analysis = None if article.error else analyse_article(article.body, article.hints)
        document = build_document(article, analysis)
        console = Console(file=io.StringIO(), record=True, force_terminal=True, color_system="truecolor",
                          width=100, markup=True, highlight=False)
        if len(document.text) < 2_000_000:  # Rich's own wrapping of one 8 MiB Text takes ~30 s: show doesn't
            console.print(to_rich_text(document))
        for chunk in iter_wrapped_text(document, 98):
            console.print(chunk, soft_wrap=True)
        out = console.export_text(styles=True)
        plain = SGR.sub("", out)
        assert not forbidden_in(plain), (article.path, forbidden_in(plain))
        assert article.title in plain or article.title[:60] in plain
    markup = next(a for a in hostile_library.articles if a.path.name == "markup-body.txt")
    console = Console(file=io.StringIO(), record=True, force_terminal=True, width=200, markup=True)
    console.print(to_rich_text(build_document(markup)))
    shown = console.export_text()
    assert "[bold red]not red[/bold red] [link=file:///etc/passwd]not a link[/link] unbalanced [/] closer" in shown
    assert "file:///etc/passwd" in shown and "\x1b]8;" not in console.export_text(styles=True)


# ------------------------------------------------------------------------------------------ CLI


def test_list_json_and_table_report_every_case_and_exit_0(hostile_folder: HostileFolder, tmp_path: Path) -> None:
    root = hostile_folder.root
    before = folder_checksum(root)
    out = newsreader("list", "--json", str(root), tmp=tmp_path)
    assert out.returncode == 0, out.stderr
    text = utf8(out.stdout)
    assert not forbidden_in(text), forbidden_in(text)  # bidi, C1, lone surrogates arrive as \\u escapes
    rows = json.loads(text)
    paths = {r["path"] for r in rows}
    assert paths == article_paths_on_disk(root)  # exact paths, even the one that is not valid UTF-8
    by = {r["path"]: r for r in rows}
    for case in hostile_folder.file_cases:
        row = by[str(hostile_folder.path(case))]
        if case.error:
            assert case.error in (row["error"] or ""), (case.name, row)
        else:
            assert row["error"] is None, (case.name, row)
        if case.title:
            assert case.title in row["title"], (case.name, row)

    table = newsreader("list", str(root), tmp=tmp_path, FORCE_COLOR="1")
    assert table.returncode == 0, table.stderr
    shown = SGR.sub("", utf8(table.stdout))
    assert not forbidden_in(shown), forbidden_in(shown)
    errors = sum(1 for r in rows if r["error"])
    assert f"{len(rows):,} articles, {errors:,} could not be read" in shown
    assert "[bold red]Shouting[/] [link=file:///etc/passwd]" in shown  # literally, not styled or linked
    warning = utf8(table.stderr)  # the broken newsreader.yaml: one line on stderr, as text
    assert warning == ("newsreader: warning: newsreader.yaml: invalid YAML (line 1): could not determine a "
                       "constructor for the tag '[/]'\n")
    assert folder_checksum(root) == before


def test_analyze_json_reports_errors_per_article_and_keeps_offsets(
    hostile_folder: HostileFolder, tmp_path: Path
) -> None:
    root = hostile_folder.root  # the analysis is bounded by characters: test_analysis_of_a_huge_body_is_bounded
    out = newsreader("analyze", "--json", str(root), tmp=tmp_path)
    assert out.returncode == 0, out.stderr
    text = utf8(out.stdout)
    assert not forbidden_in(text)
    records = json.loads(text)
    assert {r["path"] for r in records} == article_paths_on_disk(root)
    by = {r["path"]: r for r in records}
    for case in hostile_folder.file_cases:
        rec = by[str(hostile_folder.path(case))]
        if case.error:
            assert case.error in (rec["error"] or "") and rec["quotes"] == [] and rec["actors"] == []
        else:
            assert rec["error"] is None, (case.name, rec["error"])
    for rec in records:  # offsets index the body as the reader shows it
        if rec["error"] or not rec["quotes"]:
            continue
        body = load_file(rec["path"])[0].body
        for q in rec["quotes"]:
            assert q["end"] <= ANALYSIS_MAX_CHARS and body[q["start"]:q["end"]] == q["text"]
    big = by[str(root / "big-50mb.txt")]
    assert big["quotes"] and max(q["end"] for q in big["quotes"]) <= ANALYSIS_MAX_CHARS


def _show(path: Path, tmp: Path, *flags: str) -> subprocess.CompletedProcess[bytes]:
    return newsreader("show", *flags, str(path), tmp=tmp, FORCE_COLOR="1", COLUMNS="100")


def test_show_every_case_on_a_colour_terminal(hostile_folder: HostileFolder, tmp_path: Path) -> None:
    cases = hostile_folder.file_cases
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(lambda c: _show(hostile_folder.path(c), tmp_path), cases))
        plain = {c.name: pool.submit(_show, hostile_folder.path(c), tmp_path, "--plain")
                 for c in cases if c.name in FILE_NAME_CASES}
    for case, out in zip(cases, results, strict=False):
        if case.name in ("Symlink to itself", "Dangling symlink"):  # the one path given does not lead anywhere
            assert out.returncode == 2 and "newsreader: broken link" in utf8(out.stderr), (case.name, out)
            assert not forbidden_in(utf8(out.stderr).strip())
            continue
        assert out.returncode == 0, (case.name, out.stderr)
        text = utf8(out.stdout)
        assert "\x1b[" in text, f"{case.name}: FORCE_COLOR gave no colour"
        shown = SGR.sub("", text)
        assert not forbidden_in(shown), (case.name, forbidden_in(shown))
        check_case(case, squash(shown.split("\n", 1)[0]) if case.title else "", shown)
        if case.error:
            assert "Could not read this file" in shown
        if case.literal and case.name not in FILE_NAME_CASES:
            assert case.literal in shown, (case.name, shown[:300])
    for name, future in plain.items():  # --plain: no quotation count, so the meta line is the file name
        out = future.result()
        shown = utf8(out.stdout)
        assert out.returncode == 0 and not forbidden_in(SGR.sub("", shown))
        assert CASES_BY_NAME[name].literal in shown, (name, shown[:300])


def test_show_big_article_says_it_is_partial(hostile_folder: HostileFolder, tmp_path: Path) -> None:
    out = newsreader("show", str(hostile_folder.root / "big-50mb.txt"), tmp=tmp_path, NO_COLOR="1")
    assert out.returncode == 0, out.stderr
    text = utf8(out.stdout)
    head = squash(text[:2000])
    assert "This file is 50.0 MiB: showing the first 8 MiB." in head
    assert f"Quotations and actors are marked in the first {ANALYSIS_MAX_CHARS:,} characters only." in head
    assert len(text) > 8_000_000 and max(len(line) for line in text.splitlines()) <= 90


def test_cli_exit_status_2_only_for_bad_paths_and_arguments(hostile_folder: HostileFolder, tmp_path: Path) -> None:
    hostile_name = "/nonexistent/\x1b]2;PWNED\x07\x1b[2J\u202e.txt"
    for args in (("show", hostile_name), ("list", hostile_name), ("analyze", "--json", hostile_name),
                 ("show", str(hostile_folder.root / "x.txt")), ("list", "--bogus\x1b[2J", str(hostile_folder.root)),
                 ("frobnicate\x07",)):
        out = newsreader(*args, tmp=tmp_path)
        assert out.returncode == 2, (args, out)
        err = utf8(out.stderr)
        assert err.strip() and not forbidden_in(err.replace("\n", "")), (args, err)
    # one odd file among good ones: still 0
    for args in (("show", str(hostile_folder.root / "binary.txt")), ("show", str(hostile_folder.root / "fifo.txt")),
                 ("analyze", str(hostile_folder.root / "empty.txt"), str(hostile_folder.root / "x.txt"))):
        out = newsreader(*args, tmp=tmp_path, NO_COLOR="1")
        assert out.returncode == 0, (args, out.stderr)
        assert not forbidden_in(utf8(out.stdout).replace("\n", ""))


VANISH_BOOT = (
    "import runpy, sys\n"
    "import newsreader.articles as A\n"
    "from tests.hostile import vanish_before_read\n"
    "A.read_text = vanish_before_read(A.read_text)\n"
    "sys.argv = ['newsreader', *sys.argv[1:]]\n"
    "runpy.run_module('newsreader', run_name='__main__', alter_sys=True)\n"
)


def test_cli_carries_on_when_a_file_vanishes(tmp_path: Path) -> None:
    from tests.hostile import write_vanishing_folder

    for args in (["list", "--json"], ["analyze", "--json"], ["show"]):
        folder = write_vanishing_folder(tmp_path / f"v-{args[0]}")
        target = folder / VANISH_NAME if args == ["show"] else folder
        out = subprocess.run([sys.executable, "-c", VANISH_BOOT, *args, str(target)], capture_output=True,
                             timeout=60, env=env(tmp_path, PYTHONPATH=str(REPO), NO_COLOR="1"), cwd=tmp_path)
        assert out.returncode == 0, (args, out.stderr)
        assert not (folder / VANISH_NAME).exists()
        text = utf8(out.stdout)
        if args == ["show"]:
            assert "Could not read this file: file vanished before it could be read" in text
        else:
            records = {Path(r["path"]).name: r for r in json.loads(text)}
            assert records[VANISH_NAME]["error"] == "file vanished before it could be read"
            assert records["steady.txt"]["error"] is None and records["steady.txt"]["title"] == "A steady article"


# ------------------------------------------------------------------------------------------ the app


def svg_text(svg: str) -> str:
    """The characters of a Textual SVG screenshot, in drawing order (entities decoded)."""
    return html.unescape("".join(re.findall(r"<text[^>]*>(.*?)</text>", svg, re.S))).replace("\xa0", " ")


def screen_problems(svg: str) -> list[str]:
    """Control characters in the screenshot, raw or as character references."""
    return forbidden_in(html.unescape(svg)) + forbidden_in(svg_text(svg))


async def test_app_lists_and_opens_every_hostile_article_and_changes_nothing(
    hostile_folder: HostileFolder, hostile_library, make
) -> None:
    from newsreader.ui.article_list import ArticleList
    from newsreader.ui.article_view import ArticleView

    root = hostile_folder.root
    before = folder_checksum(root)
    expected = article_paths_on_disk(root)
    cases = {str(hostile_folder.path(c)): c for c in hostile_folder.file_cases}
    app = make(root)
    async with app.run_test(size=(120, 36)) as pilot:
        lst, view = app.query_one(ArticleList), app.query_one(ArticleView)
        await until(pilot, lambda: {str(a.path) for a in lst.articles} == expected, "every file to be listed")
        await until(pilot, lambda: "loading" not in str(app.query_one("#header").render())
                    and "indexing" not in str(app.query_one("#header").render()), "the folder to finish loading")
        svg = app.export_screenshot()
        assert not screen_problems(svg)
        assert "could not be read" in svg_text(svg) and "config problem" in svg_text(svg)
        await pilot.press("g")
        titles = [a.title for a in lst.articles]
        for i in range(len(titles)):
            if i:
                await pilot.press("j")
            assert lst.cursor == i, "the list did not move"
            article = lst.articles[i]
            case = cases.get(str(article.path))
            await until(pilot, reader_starts_with(view, article.title), f"the reader to show {article.title!r}")
            if case is not None and (case.body or case.notice or case.error):
                await until(pilot, reader_shows_case(view, case), f"{case.name} to be shown as promised")
            assert not forbidden_in(view.document.text), (article.path, forbidden_in(view.document.text))
            if case is not None and (case.literal or case.name in FILE_NAME_CASES or "Escape" in case.name
                                     or "control" in case.name):
                svg = app.export_screenshot()
                assert not screen_problems(svg), (case.name, screen_problems(svg))
                if case.literal and case.name not in FILE_NAME_CASES:
                    assert case.literal in svg_text(svg), (case.name, svg_text(svg)[:2000])
            if article.path.name == "big-50mb.txt":  # read it: into the reader, to the end and back
                await pilot.press("enter", "G")
                assert view.scroll_offset.y > 100_000
                await pilot.press("g", "escape")
                assert app.focused is lst
        # still responsive at the end: the keys move the list at once
        await pilot.press("g")
        assert lst.cursor == 0
        await pilot.press("G", "k")
        assert lst.cursor == len(titles) - 2
        assert not screen_problems(app.export_screenshot())
    assert folder_checksum(root) == before, "the session changed the articles folder"
    assert not (root / "PWNED").exists()


def _shows(case: Case, text: str) -> bool:
    try:
        check_case(case, text.split("\n", 1)[0], text)
    except AssertionError:
        return False
    return True


def reader_starts_with(view: ArticleView, prefix: str) -> Callable[[], bool]:
    """For `until` in a loop: the reader's text begins with `prefix`, bound now (not the loop's last value)."""
    return lambda: view.document.text.startswith(prefix)


def reader_shows_case(view: ArticleView, case: Case) -> Callable[[], bool]:
    """For `until` in a loop: the reader shows `case` as its check promises, `case` bound now."""
    return lambda: _shows(case, view.document.text)


ARTICLE_PALETTE = "Open article… (type a title)"  # the placeholder of the palette that `open article` opens


async def test_app_palette_shows_markup_titles_as_text(hostile_folder: HostileFolder, make, tmp_path: Path) -> None:
    from newsreader.ui.article_list import ArticleList

    folder = tmp_path / "palette"
    folder.mkdir()
    for name in ("markup-title.md", "markup-body.txt", "escapes-title.md"):
        shutil.copy(hostile_folder.root / name, folder / name)
    app = make(folder)
    async with app.run_test(size=(120, 36)) as pilot:
        lst = app.query_one(ArticleList)
        await until(pilot, lambda: len(lst.articles) == 3, "the list")
        await pilot.press("ctrl+p", *"open article")
        await until(pilot, lambda: palette_hits(pilot) > 0, "the palette to find the command")
        await pilot.press("enter")
        await until(pilot, lambda: palette_hits(pilot, ARTICLE_PALETTE) > 0, "the article palette")
        await pilot.press(*"shouting")
        await until(pilot, lambda: "[link=file:///etc/passwd]" in svg_text(app.export_screenshot()),
                    "the markup title in the palette, literally")
        await pilot.press("enter")
        await until(pilot, lambda: lst.current is not None and lst.current.title.startswith("[bold red]Shouting"),
                    "the palette to open the article")


async def test_app_file_vanishing_between_scan_and_read(
    vanishing_folder: Path, make, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsreader.articles
    from newsreader.ui.article_list import ArticleList
    from newsreader.ui.article_view import ArticleView

    monkeypatch.setattr(newsreader.articles, "read_text", vanish_before_read(newsreader.articles.read_text))
    app = make(vanishing_folder)
    async with app.run_test(size=(120, 36)) as pilot:
        lst, view = app.query_one(ArticleList), app.query_one(ArticleView)
        await until(pilot, lambda: len(lst.articles) == 2, "both files to be listed")
        await until(pilot, lambda: any(a.error for a in lst.articles), "the vanished file's error")
        gone = next(i for i, a in enumerate(lst.articles) if a.path.name == VANISH_NAME)
        assert lst.articles[gone].error == "file vanished before it could be read"
        lst.move_to(gone)
        await until(
            pilot, lambda: "Could not read this file: file vanished" in view.document.text, "the error in the reader"
        )
        lst.move_to(1 - gone)
        await until(pilot, lambda: "This one stays." in view.document.text, "the other article")


async def test_keys_move_the_list_while_a_slow_analysis_runs(small_folder: Path, make) -> None:
    from newsreader.analysis.model import Analysis
    from newsreader.ui.article_list import ArticleList
    from newsreader.ui.article_view import ArticleView

    started, release = threading.Event(), threading.Event()
    calls: list[str] = []
    returned: list[str] = []

    def slow(article, *args, **kwargs) -> Analysis:
        calls.append(article.title)
        started.set()
        release.wait(120)  # blocks its worker thread until the test lets go, as a huge analysis would compute
        returned.append(article.title)
        return Analysis()

    app = make(small_folder, analyser=slow)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            lst, view = app.query_one(ArticleList), app.query_one(ArticleView)
            await until(pilot, lambda: len(lst.articles) == 3 and started.is_set(), "the first analysis to start")
            # No analysis can finish before `release`: each article reaching the reader while none has returned
            # shows the keys never wait for one (no clock involved).
            for key, cursor, title in (("j", 1, "Beta story"), ("j", 2, "Alpha story"), ("k", 1, "Beta story"),
                                       ("k", 0, "Gamma story")):
                await pilot.press(key)
                assert lst.cursor == cursor
                await until(pilot, reader_starts_with(view, title), f"{title} in the reader")
                assert returned == [], "the reader waited for an analysis to finish"
            assert not release.is_set() and calls, "the analysis was not running"
            running = [w for w in app.workers if w.group == "analysis" and not w.is_cancelled and not w.is_finished]
            assert len(running) <= 1, "older analyses were not cancelled"
            release.set()
            await until(pilot, lambda: "0 quotations" in view.document.text, "the analysis to arrive")
    finally:
        release.set()


async def test_reader_opens_the_big_article_at_once_and_wraps_the_rest_in_the_background(
    hostile_folder: HostileFolder,
) -> None:
    from textual.app import App, ComposeResult

    from newsreader.ui.article_view import ArticleView
    from newsreader.wrap import wrap_offsets

    class ReaderOnly(App[None]):
        def compose(self) -> ComposeResult:
            yield ArticleView()

    big = load_file(hostile_folder.root / "big-50mb.txt")[0]
    assert len(big.body.encode()) <= MAX_READ_BYTES
    assert "This file is 50.0 MiB: showing the first 8 MiB." in big.notices
    document = build_document(big)
    app = ReaderOnly()
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        # Work is bounded by counting, not timing: how many characters each wrap step covers, and who
        # asked for it (showing the article, or one background slice between two frames). A step of
        # ~100k characters is a few milliseconds: the reader stays responsive while the rest is wrapped.
        max_show_chars, max_step_chars = 250_000, 100_000
        steps: list[tuple[str, int]] = []  # (who asked, characters of the document the step wrapped)
        asker = ["show"]
        wrap_some, wrap_slice = view._wrap_some, view._wrap_slice

        def reached() -> int:  # the document offset the wrap has got to
            p, q = view._wrap_pos
            return len(view.document.text) if view.wrap_complete else view._paras[p][0] + q

        def counted_some(budget: int) -> None:
            before = reached()
            wrap_some(budget)
            steps.append((asker[0], reached() - before))

        def counted_slice(token: int) -> None:
            asker[0] = "slice"
            try:
                wrap_slice(token)
            finally:
                asker[0] = "other"

        view._wrap_some, view._wrap_slice = counted_some, counted_slice
        view.set_document(document)
        assert [who for who, _ in steps] == ["show"], "showing the article wrapped more than one step"
        assert steps[0][1] <= max_show_chars and len(view._lines) < 10_000, "everything was wrapped at once"
        await pilot.pause()
        screen = svg_text(app.export_screenshot())
        assert "A very long article" in screen and "showing the first 8 MiB" in screen
        assert not view.wrap_complete, "everything was wrapped at once"
        await until(pilot, lambda: view.wrap_complete, "the background wrap to finish")
        # the rest: one bounded step per timer callback, so the event loop ran between any two of them
        rest = steps[1:]
        assert rest and all(who == "slice" for who, _ in rest), "part of the rest was wrapped in one go"
        assert max(moved for _, moved in rest) <= max_step_chars, "a background step wrapped too much"
        assert sum(moved for _, moved in steps) == len(document.text)
        lines = view._lines
        expected = [(p, ps + s, ps + e) for p, (ps, pe) in enumerate(document.paragraphs())
                    for s, e in wrap_offsets(document.text[ps:pe], view._wrap_width)]
        assert lines == expected, "the lazy wrap differs from wrapping at once"
        # one-line and one-word 1 MB articles: wrapped in pieces, same lines as at once
        for name in ("one-line-1mb.txt", "one-word-1mb.txt"):
            doc = build_document(load_file(hostile_folder.root / name)[0])
            view.set_document(doc)
            first = len(view._lines)
            assert first < view.line_count  # line_count finishes the wrap
            assert view._lines == [(p, ps + s, ps + e) for p, (ps, pe) in enumerate(doc.paragraphs())
                                   for s, e in wrap_offsets(doc.text[ps:pe], view._wrap_width)]


def test_analysis_of_a_huge_body_is_bounded(hostile_folder: HostileFolder) -> None:
    from newsreader.analysis.model import Analysis

    big = load_file(hostile_folder.root / "big-50mb.txt")[0]
    assert len(big.body) > ANALYSIS_MAX_CHARS
    doc = build_document(big, Analysis())
    assert f"first {ANALYSIS_MAX_CHARS:,} characters only" in doc.text[:doc.body_offset]
    assert "characters only" not in build_document(big, None).text[:doc.body_offset]
    analysis = analyse_article(big.body)  # the one entry point bounds the work, whoever calls it
    assert all(q.end <= ANALYSIS_MAX_CHARS for q in analysis.quotes)
    assert all(m.end <= ANALYSIS_MAX_CHARS for a in analysis.actors for m in a.mentions)


# --------------------------------------------------------------------------------------- terminal


TITLE_ATTACK = "\x1b]2;PWNED\x07\x1b]0;PWNED\x07\x1b[2J\x1b[H"


def test_real_terminal_title_and_screen_survive_a_hostile_article(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a-attack.txt").write_text(
        f"---\ntitle: \"Window title attack\"\ndate: 2024-05-02\n---\n{TITLE_ATTACK}Zanzibar harbour reopened."
        f"{TITLE_ATTACK}\n\n{ATTACK}\n", encoding="utf-8")
    (folder / f"b-{TITLE_ATTACK.replace(chr(7), '')}name.txt").write_text(
        "Quiet neighbour\n\nNothing to see in Quetzal valley.\n", encoding="utf-8")
    command = newsreader_command()
    term = Terminal(tmp_path, session="h")
    try:
        term.wait_for("the shell prompt", lambda screen: "$" in screen)
        term.type("printf '\\033]2;%s\\007' CONTROL-TITLE")  # positive control: the pane title can be set
        term.wait_for("the control title", lambda screen: term.title() == "CONTROL-TITLE")
        term.type(f"{shlex.quote(command)} {shlex.quote(str(folder))}; echo EXITED:$?")
        term.wait_for("both titles listed and the attack previewed",
                      lambda screen: "Window title attack" in screen and "Quiet neighbour" in screen
                      and "Zanzibar harbour" in screen, 30)
        term.send("Enter")  # open the attacking article in the reader (its footer offers "esc Back")
        term.wait_for("the reader to have the focus", lambda screen: "esc Back" in screen)
        term.send("j", "G", "g")
        term.wait_for("the reader to scroll back up", lambda screen: "Zanzibar harbour" in screen)
        term.send("Escape")  # alone: ESC followed at once by a key would read as alt+key
        term.wait_for("the list to have the focus again", lambda screen: "esc Back" not in screen)
        term.send("j")
        term.wait_for("the second article", lambda screen: "Quetzal valley" in screen)
        term.send("k")
        term.wait_for("back on the attack", lambda screen: "Zanzibar harbour" in screen)
        screen = term.screen()
        assert term.title() != "PWNED" and "PWNED" not in term.title(), term.title()
        assert "Window title attack" in screen and "Quiet neighbour" in screen, "the list was cleared:\n" + screen
        term.send("q")
        term.wait_for("the reader to exit", lambda screen: re.search(r"^EXITED:\d+", screen, re.M) is not None)
        assert re.search(r"^EXITED:0$", term.screen(), re.M), term.screen()
        assert "PWNED" not in term.title()
        term.type("echo SHELL-$((6*7))")
        term.wait_for("the shell to answer", lambda screen: "SHELL-42" in screen)
    finally:
        term.kill()
