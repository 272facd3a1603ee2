"""Pilot tests for issue 16, part 1 and 2: the meta line's host and link, the info view (`i`), the
browser (`o`), copying a quotation (`y`) and the URL (`Y`)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from newsreader.ui.app import NewsReaderApp
from newsreader.ui.article_list import ArticleList
from newsreader.ui.article_view import ArticleView
from newsreader.ui.info_screen import InfoScreen
from tests.conftest import ARTICLES, SEED
from tests.ui.test_ui_find_filter import open_seed
from tests.ui.test_ui_navigation import loaded

BREXIT = "Thousands march in anti-Brexit protest, London"
BREXIT_URL = "https://en.wikinews.org/wiki/Thousands_march_in_anti-Brexit_protest,_London"


@pytest.fixture(autouse=True)
def private_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    for name in ("TMUX", "DISPLAY", "WAYLAND_DISPLAY", "BROWSER"):
        monkeypatch.delenv(name, raising=False)


def recorder(folder: Path, name: str, record: Path, how: str = 'printf %s "$1"') -> Path:
    """A program that writes what it was given (its first argument, or stdin) to `record`."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / name
    script.write_text(f"#!/bin/sh\n{how} > {record}.tmp && mv {record}.tmp {record}\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


async def wait_for_file(pilot, path: Path) -> str:  # noqa: ANN001
    """The program runs in a worker thread: let the app run until it has written (bounded by count)."""
    for _ in range(200):
        if path.exists():
            return path.read_text(encoding="utf-8")
        await pilot.pause(0.05)
    raise AssertionError(f"{path} was never written")


async def open_title(app: NewsReaderApp, pilot, title: str) -> None:  # noqa: ANN001
    await loaded(app, pilot)
    lst = app.query_one(ArticleList)
    lst.move_to(next(i for i, a in enumerate(lst.articles) if a.title == title))
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def toasts(app: NewsReaderApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_meta_line_shows_host_as_a_hyperlink(make) -> None:  # noqa: ANN001
    app = make(ARTICLES)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_title(app, pilot, BREXIT)
        view = app.query_one(ArticleView)
        meta = view.document.text.split("\n")[2]
        assert meta.startswith("2019-03-28 · Wikinews") and meta.endswith(" · en.wikinews.org")
        (start, end, url), = view.document.links
        assert view.document.text[start:end] == "en.wikinews.org" and url == BREXIT_URL
        strip = view.render_line(2)
        assert any(seg.style is not None and seg.style.link == BREXIT_URL for seg in strip)


async def test_i_lists_the_front_matter_and_closes(make) -> None:  # noqa: ANN001
    app = make(ARTICLES)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_title(app, pilot, BREXIT)
        await pilot.press("i")
        screen = app.screen
        assert isinstance(screen, InfoScreen)
        text = screen.text()
        assert f"url: {BREXIT_URL}" in text and "license: CC BY 2.5" in text and "source: Wikinews" in text
        assert "file: 01-thousands-march" in text
        await pilot.press("i")
        assert not isinstance(app.screen, InfoScreen)


async def test_o_hands_the_url_or_the_file_to_browser(make, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    record = tmp_path / "opened"
    monkeypatch.setenv("BROWSER", str(recorder(tmp_path / "bin", "browser", record)))
    app = make(ARTICLES)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_title(app, pilot, BREXIT)
        await pilot.press("o")
        assert await wait_for_file(pilot, record) == BREXIT_URL
        record.unlink()
        await open_seed(app, pilot)
        await pilot.press("o")
        assert await wait_for_file(pilot, record) == SEED.resolve().as_uri()


async def test_o_with_no_browser_says_so(make, monkeypatch) -> None:  # noqa: ANN001
    import webbrowser

    def none(using=None):  # noqa: ANN001, ANN202
        raise webbrowser.Error("none")

    monkeypatch.setattr(webbrowser, "get", none)
    app = make(ARTICLES)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_seed(app, pilot)
        await pilot.press("o")
        assert any("$BROWSER" in t for t in toasts(app))


async def test_y_copies_the_chosen_quotation_with_speaker_and_source(make, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    record = tmp_path / "buffer"
    recorder(tmp_path / "bin", "tmux", record, how="cat")
    monkeypatch.setenv("TMUX", "/tmp/x,1,0")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    app = make(ARTICLES)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_seed(app, pilot)
        await app.workers.wait_for_complete()
        await pilot.press("enter", "right_curly_bracket", "y")
        text = await wait_for_file(pilot, record)
        first, source = text.split("\n")
        assert first.startswith("“Trust needs to be based on facts") and first.endswith("digital era.” — Ken Hu")
        assert source == str(SEED.absolute())
        assert app.clipboard == text  # OSC 52 too
        await pilot.pause()
        assert any("the quotation by Ken Hu" in t and "tmux's paste buffer" in t for t in toasts(app))


async def test_y_without_a_chosen_quotation_takes_the_first_on_screen(make) -> None:  # noqa: ANN001
    app = make(ARTICLES)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_seed(app, pilot)
        await app.workers.wait_for_complete()
        await pilot.press("y")
        assert app.clipboard.startswith("“Trust needs to be based on facts")
        assert any("the terminal's clipboard" in t for t in toasts(app))


async def test_Y_copies_the_url_or_the_path(make) -> None:  # noqa: ANN001, N802
    app = make(ARTICLES)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_title(app, pilot, BREXIT)
        await pilot.press("Y")
        assert app.clipboard == BREXIT_URL
        await open_seed(app, pilot)
        await pilot.press("Y")
        assert app.clipboard == str(SEED.absolute())
        assert any("the file's path" in t for t in toasts(app))
