"""Pilot tests: the reader driven from the keyboard, as a user would."""

from __future__ import annotations

from pathlib import Path

from newsreader.ui.app import NewsReaderApp
from newsreader.ui.article_list import ArticleList
from newsreader.ui.article_view import ArticleView
from newsreader.ui.help_screen import HelpScreen


async def loaded(app: NewsReaderApp, pilot) -> None:  # noqa: ANN001
    """Wait until the folder scan (and any analysis worker) has finished and been applied."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def reader_text(app: NewsReaderApp) -> str:
    return app.query_one(ArticleView).document.text


async def test_list_shows_articles_newest_first_and_previews(small_folder: Path, make) -> None:  # noqa: ANN001
    app = make(small_folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        lst = app.query_one(ArticleList)
        assert [a.title for a in lst.articles] == ["Gamma story", "Beta story", "Alpha story"]
        assert app.focused is lst
        assert reader_text(app).startswith("Gamma story")
        await pilot.press("j")
        assert lst.cursor == 1
        assert reader_text(app).startswith("Beta story")
        await pilot.press("down", "k")
        assert lst.cursor == 1
        await pilot.press("G")
        assert lst.cursor == 2 and reader_text(app).startswith("Alpha story")
        await pilot.press("g")
        assert lst.cursor == 0


async def test_header_counts_articles_and_load_errors(small_folder: Path, make) -> None:  # noqa: ANN001
    (small_folder / "broken.txt").write_bytes(bytes(range(256)) * 4)
    app = make(small_folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        header = str(app.query_one("#header").render())
        assert "4 articles" in header and "1 could not be read" in header
        lst = app.query_one(ArticleList)
        broken = next(i for i, a in enumerate(lst.articles) if a.error)
        lst.move_to(broken)
        await pilot.pause()
        assert "Could not read this file: binary file" in reader_text(app)


async def test_enter_reads_escape_returns_and_reader_scrolls(small_folder: Path, make) -> None:  # noqa: ANN001
    app = make(small_folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        view = app.query_one(ArticleView)
        await pilot.press("enter")
        assert app.focused is view
        assert view.scroll_offset.y == 0
        await pilot.press("j", "j", "j")
        assert view.scroll_offset.y == 3
        await pilot.press("space")
        assert view.scroll_offset.y > 20
        await pilot.press("b")
        assert 0 < view.scroll_offset.y <= 4
        await pilot.press("G")
        assert view.scroll_offset.y == view.max_scroll_y > 0
        await pilot.press("g")
        assert view.scroll_offset.y == 0
        await pilot.press("ctrl+d")
        assert view.scroll_offset.y > 5
        await pilot.press("escape")
        assert isinstance(app.focused, ArticleList)
        await pilot.press("l")
        assert app.focused is view
        await pilot.press("h")
        assert isinstance(app.focused, ArticleList)


async def test_J_and_K_change_article_from_inside_the_reader(small_folder: Path, make) -> None:  # noqa: ANN001
    app = make(small_folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        await pilot.press("enter", "J")
        view = app.query_one(ArticleView)
        assert app.focused is view
        assert reader_text(app).startswith("Beta story")
        await pilot.press("J")
        assert reader_text(app).startswith("Alpha story")
        await pilot.press("J")  # stays on the last one
        assert reader_text(app).startswith("Alpha story")
        await pilot.press("K", "K")
        assert reader_text(app).startswith("Gamma story")
        assert app.focused is view


async def test_tab_moves_between_panes(small_folder: Path, make) -> None:  # noqa: ANN001
    app = make(small_folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        await pilot.press("tab")
        assert isinstance(app.focused, ArticleView)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, ArticleList)


async def test_help_opens_lists_keys_and_closes(small_folder: Path, make) -> None:  # noqa: ANN001
    app = make(small_folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = app.screen.keys_text()
        assert "Next article" in keys and "J" in keys and "Quit" in keys
        assert "Person" in str(app.screen.query_one("#help-legend").render())
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")  # closes the help, does not quit
        assert not isinstance(app.screen, HelpScreen) and app.is_running


async def test_empty_folder_has_a_friendly_state(tmp_path: Path, make) -> None:  # noqa: ANN001
    app = make(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(app, pilot)
        assert "No articles yet" in reader_text(app)
        assert "0 articles" in str(app.query_one("#header").render())
        await pilot.press("j", "enter", "J", "G")  # nothing to move to: no crash
        assert app.is_running


async def test_q_quits(small_folder: Path, make) -> None:  # noqa: ANN001
    app = make(small_folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_wrapping_keeps_a_comfortable_measure(small_folder: Path, make) -> None:  # noqa: ANN001
    app = make(small_folder)
    async with app.run_test(size=(200, 40)) as pilot:
        await loaded(app, pilot)
        view = app.query_one(ArticleView)
        text = view.document.text
        longest = max(e - s for _, s, e in view._lines)
        assert longest <= 90
        assert view._left > 0  # centred in the wide pane
        assert text.startswith("Gamma story")


async def test_resize_to_tiny_and_back_never_crashes(small_folder: Path, make) -> None:  # noqa: ANN001
    app = make(small_folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        for size in [(1, 1), (2, 2), (10, 3), (40, 10), (200, 60), (5, 50), (120, 36)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.press("j")
        assert app.is_running
        assert app.query_one(ArticleList).cursor >= 1


async def test_palette_open_article_by_fuzzy_title(small_folder: Path, make) -> None:  # noqa: ANN001
    app = make(small_folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"open article")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press(*"alpstry")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert reader_text(app).startswith("Alpha story")
        assert isinstance(app.focused, ArticleView)


async def test_help_lists_every_key_the_app_binds(small_folder: Path, make) -> None:  # noqa: ANN001
    from textual.binding import Binding

    from newsreader.ui.help_screen import binding_rows

    app = make(small_folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        await pilot.press("question_mark")
        shown = {desc for _, bindings in app.screen.sections
                 for _, desc in binding_rows(bindings, app.get_key_display)}
        bound = {b.description for b in app.BINDINGS if isinstance(b, Binding) and b.description}
        assert bound <= shown, bound - shown


async def test_opens_a_single_article_file(make) -> None:  # noqa: ANN001
    from tests.conftest import SEED, SEED_TITLE

    app = make(SEED)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        assert [a.title for a in app.query_one(ArticleList).articles] == [SEED_TITLE]
        assert reader_text(app).startswith(SEED_TITLE)
        assert "1 article" in str(app.query_one("#header").render())
