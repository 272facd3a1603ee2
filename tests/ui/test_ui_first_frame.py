"""Issue 15: a warm folder's first painted frame already shows the titles and the first article's text
(counted in frames, not timed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.css.query import NoMatches

from newsreader.session import Session


def noting_frames(app: Any) -> list[tuple[int, str | None, bool]]:
    """(titles listed, title of the article shown, its text laid out) for every frame the app paints
    (from the first with the panes in it)."""
    frames: list[tuple[int, str | None, bool]] = []
    display = app._display

    def noting(screen: Any, renderable: Any) -> None:
        if renderable is not None:
            try:
                shown, view, listed = app.reader_pane.article, app.reader, app.article_list.articles
            except NoMatches:  # the panes are not all mounted yet
                listed = None
            if listed is not None:
                text = shown is not None and not shown.partial and bool(view._lines)
                frames.append((len(listed), shown.title if shown else None, text))
        display(screen, renderable)

    app._display = noting
    return frames


async def test_a_warm_folder_paints_titles_and_text_in_its_first_frame(small_folder: Path, make: Any) -> None:
    warm = Session(small_folder)
    warm.refresh()  # the index of an earlier run
    warm.close()
    app = make(small_folder)
    frames = noting_frames(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert "Gamma paragraph 0" in app.reader.document.text
    assert frames[0] == (3, "Gamma story", True)


async def test_a_cold_folder_still_loads_in_the_worker(small_folder: Path, make: Any) -> None:
    app = make(small_folder)
    frames = noting_frames(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert frames[0][0] == 0  # nothing indexed yet: the first frame comes before the folder is read
    assert frames[-1] == (3, "Gamma story", True)
