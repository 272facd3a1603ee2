"""The config applied in the reader: theme, highlight colours, list width, a notice for a broken file,
the theme picked in the app remembered (Pilot)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.color import Color

from newsreader.config import Config, parse_config
from newsreader.preferences import load_preferences
from newsreader.ui.app import NewsReaderApp, make_app

SIZE = (120, 36)


def reader_app(folder: Path, config: Config | None) -> NewsReaderApp:
    return make_app(folder, background_analysis=False, use_index=False, watch=False, read_after=None, config=config)


def notices(app: NewsReaderApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_theme_colours_and_list_width_take_effect(small_folder: Path) -> None:
    config = parse_config("theme: nord\nlist_width: 50\ncolours:\n  quotation: '#ff0000'\n  person: '#00ff00'\n"
                          "  match: '#0000ff'\n")
    app = reader_app(small_folder, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "nord"
        assert app.query_one("#listing").size.width == SIZE[0] // 2
        reader = app.reader
        assert reader.get_component_styles("article--quote").color == Color(255, 0, 0)
        assert reader.get_component_styles("article--quote-mark").color.rgb == (255, 0, 0)
        assert reader.get_component_styles("article--person").color == Color(0, 255, 0)
        assert reader.get_component_styles("article--current-match").background == Color(0, 0, 255)
        assert reader.get_component_styles("article--place").color == Color.parse("#8fd18f")  # not set: built in
        assert notices(app) == []


async def test_a_broken_config_opens_the_reader_with_one_notice(small_folder: Path) -> None:
    config = parse_config("theme: nord\nkeys: {scroll_down: [e\n")  # a YAML error: everything default
    app = reader_app(small_folder, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        assert len(app.article_list.articles) == 3  # the reader works
        (notice,) = notices(app)
        assert "line 3, column 1" in notice and "using the defaults" in notice


async def test_each_problem_is_one_line_of_the_notice(small_folder: Path) -> None:
    config = parse_config("theme: nrod\nsort: popular\ncolours: {quotation: orangeish}\nkeys: {no-such-action: x}\n")
    app = reader_app(small_folder, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        (notice,) = notices(app)
        lines = notice.splitlines()
        assert len(lines) == 4
        assert "'nrod' is not a theme" in lines[0] and "not a sort order" in lines[1]
        assert "'orangeish' is not a colour" in lines[2] and "no action 'no-such-action'" in lines[3]


async def test_a_theme_picked_in_the_app_is_remembered(
    small_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    app = reader_app(small_folder, Config())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.theme = "dracula"
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert load_preferences() == {"theme": "dracula"}


async def test_the_config_files_theme_wins_but_the_pick_lasts_the_session(
    small_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    app = reader_app(small_folder, parse_config("theme: nord\n"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.theme = "dracula"
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert app.theme == "dracula"
        assert any("the config file sets theme: nord" in n for n in notices(app))


async def test_without_a_config_nothing_is_remembered(
    small_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    app = reader_app(small_folder, None)  # tests and benchmarks: the built-in defaults, no files
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.theme = "dracula"
        await pilot.pause()
    assert load_preferences() == {}
