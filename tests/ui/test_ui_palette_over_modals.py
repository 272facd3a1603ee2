"""ctrl+p over a modal screen (help, who said what, the info view): the palette opens over it, and a command
that acts on the reader ("Open article…", "Actor…") brings the reader to the front. Before, the article
opened (or the filter was set) behind the modal, which stayed up: the choice looked ignored."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandPalette

from newsreader.ui.article_list import ArticleList
from newsreader.ui.article_view import ArticleView
from newsreader.ui.reader_screen import ReaderScreen
from tests.conftest import until

MODALS = {"question_mark": "HelpScreen", "w": "WhoSaidScreen", "i": "InfoScreen"}


async def open_modal(app: Any, pilot: Any, key: str) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("J")  # Beta story: it has a quotation, so who-said-what has something to show
    await pilot.press(key)
    await until(pilot, lambda: type(app.screen).__name__ == MODALS[key], f"the {MODALS[key]}")


@pytest.mark.parametrize("key", list(MODALS))
async def test_open_article_from_the_palette_over_a_modal(small_folder: Path, make: Any, key: str) -> None:
    app = make(small_folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_modal(app, pilot, key)
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette over the modal")
        assert type(app.screen_stack[-2]).__name__ == MODALS[key]
        await pilot.press(*"open article")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await until(pilot, lambda: "type a title" in str(app.screen.query_one("Input").placeholder), "titles")
        await pilot.press(*"alpstry")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader in front")
        await pilot.pause()
        assert app.query_one(ArticleView).document.text.startswith("Alpha story")
        assert app.focused is app.query_one(ArticleView)


async def test_an_actor_chosen_over_help_filters_the_list_in_front(small_folder: Path, make: Any) -> None:
    app = make(small_folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_modal(app, pilot, "question_mark")
        await pilot.press("ctrl+p", *"actor")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await until(pilot, lambda: "type a name" in str(app.screen.query_one("Input").placeholder), "actors")
        await pilot.press(*"jane doe")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader in front")
        await until(pilot, lambda: len(app.query_one(ArticleList).articles) == 1, "the list filtered by the actor")
