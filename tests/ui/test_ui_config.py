"""The config applied in the reader: remapped keys (acting, in the help screen and the footer), theme,
highlight colours, list width, a notice for a broken file, the theme picked in the app remembered (Pilot)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.color import Color

from newsreader.config import Config, parse_config
from newsreader.preferences import load_preferences
from newsreader.ui.app import NewsReaderApp, make_app
from newsreader.ui.apply_config import install_config
from newsreader.ui.article_list import ArticleList
from newsreader.ui.help_screen import HelpScreen

SIZE = (120, 36)


def reader_app(folder: Path, config: Config | None) -> NewsReaderApp:
    """The reader as `newsreader` runs it (`ui.terminal.run_reader`), with `config`."""
    app = make_app(folder, background_analysis=False, use_index=False, watch=False, read_after=None)
    return install_config(app, config)


def notices(app: NewsReaderApp) -> list[str]:
    return [n.message for n in app._notifications]


async def loaded(app: NewsReaderApp, pilot) -> None:  # noqa: ANN001
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def palette_offers(app: NewsReaderApp, pilot, text: str) -> None:  # noqa: ANN001
    """Wait (a bounded number of turns of the event loop) until the palette's first hit is `text`:
    the palette searches in the background."""
    from textual.command import CommandList, CommandPalette

    for _ in range(500):
        await pilot.pause()
        if isinstance(app.screen, CommandPalette):
            hits = app.screen.query_one(CommandList)
            if hits.option_count and text in str(hits.get_option_at_index(0).prompt):
                return
    raise AssertionError(f"the palette never offered {text!r}")


def footer_keys(app: NewsReaderApp) -> dict[str, str]:
    """What the footer shows: {description: key label}."""
    from textual.widgets._footer import FooterKey

    return {key.description: key.key_display for key in app.query(FooterKey)}


JK_TO_EK = """
keys:
  list.down: "e,down"
  list.up: "E,up"
  view.line-down: "e,down"
  view.line-up: "E,up"
  reader.who-said: W
"""


async def test_remapped_keys_act_and_the_old_ones_are_gone(small_folder: Path) -> None:
    app = reader_app(small_folder, parse_config(JK_TO_EK))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        assert notices(app) == []
        lst = app.query_one(ArticleList)
        assert app.focused is lst and lst.cursor == 0
        await pilot.press("e")
        assert lst.cursor == 1
        await pilot.press("j")  # no longer bound in the list
        assert lst.cursor == 1
        await pilot.press("down", "E")  # the arrows were kept
        assert lst.cursor == 1
        await pilot.press("W")
        assert type(app.screen).__name__ == "WhoSaidScreen"


async def test_the_help_screen_and_the_footer_show_the_keys_in_effect(small_folder: Path) -> None:
    app = reader_app(small_folder, parse_config(JK_TO_EK))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        assert footer_keys(app)["Who said what"] == "W"
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = app.screen.keys_text()
        assert "e ↓  Down" in keys and "E ↑  Up" in keys and "W  Who said what" in keys
        assert "j ↓  Down" not in keys and "w  Who said what" not in keys


async def test_the_default_keys_without_a_config(small_folder: Path) -> None:
    app = reader_app(small_folder, None)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        assert footer_keys(app)["Who said what"] == "w"
        await pilot.press("question_mark")
        assert "j ↓  Down" in app.screen.keys_text()


async def test_a_clashing_remapping_is_refused_with_a_notice(small_folder: Path) -> None:
    app = reader_app(small_folder, parse_config("keys:\n  list.down: q\n  list.up: E\n"))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        (notice,) = notices(app)
        assert "'q' for 'list.down' clashes with 'app.quit'" in notice
        lst = app.query_one(ArticleList)
        await pilot.press("j")  # list.down kept its default keys
        assert lst.cursor == 1
        await pilot.press("E")  # the other remapping stands
        assert lst.cursor == 0
        await pilot.press("q")
        assert not app.is_running


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


async def test_a_bar_key_that_its_input_would_take_is_a_clash(small_folder: Path) -> None:
    # ctrl+a moves to the start of the find bar's input, so find.next could never see it
    app = reader_app(small_folder, parse_config("keys:\n  find.next: ctrl+a\n"))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        (notice,) = notices(app)
        assert "config.yaml: keys: 'ctrl+a' for 'find.next' clashes with Go to start (home,ctrl+a)" in notice


async def test_the_palette_has_a_theme_entry_and_the_pick_is_remembered(small_folder: Path) -> None:
    app = reader_app(small_folder, Config())
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        await pilot.press("ctrl+p", *"theme")
        await palette_offers(app, pilot, "Theme")
        await pilot.press("enter")  # "Theme" opens Textual's theme picker
        await pilot.press(*"dracula")
        await palette_offers(app, pilot, "dracula")
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert app.theme == "dracula"
    assert load_preferences() == {"theme": "dracula"}


async def test_the_config_sets_the_order_and_the_width(small_folder: Path) -> None:
    app = reader_app(small_folder, parse_config("sort: title\nlist_width: 50\n"))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        assert [a.title for a in app.query_one(ArticleList).articles] == ["Alpha story", "Beta story", "Gamma story"]
        assert app.query_one("#listing").size.width == SIZE[0] // 2


async def test_remembered_order_and_width_apply_unless_the_file_sets_them(small_folder: Path) -> None:
    from newsreader.preferences import effective_config, remember

    assert remember({"sort": "oldest", "list_width": 60}) is None
    for text, titles, width in (
        ("", ["Alpha story", "Beta story", "Gamma story"], 72),  # both remembered
        ("sort: title\nlist_width: 25\n", ["Alpha story", "Beta story", "Gamma story"], 30),  # the file's
        ("sort: newest\n", ["Gamma story", "Beta story", "Alpha story"], 72),  # the file's order, remembered width
    ):
        app = reader_app(small_folder, effective_config(parse_config(text)))  # as `newsreader` does
        async with app.run_test(size=SIZE) as pilot:
            await loaded(app, pilot)
            assert [a.title for a in app.query_one(ArticleList).articles] == titles
            assert app.query_one("#listing").size.width == width
