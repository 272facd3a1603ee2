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


def warm(folder: Path, *, analysed: bool = False) -> None:
    """The index an earlier run left (`analysed`: with every article's analysis, so its counts too)."""
    session = Session(folder)
    session.refresh()
    if analysed:
        for entry in session.articles:
            session.analyse(session.full_article(entry))
    session.close()


async def test_a_warm_folder_paints_titles_and_text_in_its_first_frame(small_folder: Path, make: Any) -> None:
    warm(small_folder)
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


async def test_titles_do_not_shift_sideways_when_the_read_state_arrives(small_folder: Path, make: Any) -> None:
    """The read state is loaded after the first frame; the unread marker's cells are kept from the start,
    so the first title sits in the same column in the first frame and once the markers are drawn."""
    warm(small_folder)
    app = make(small_folder)
    columns: list[int] = []
    display = app._display

    def noting(screen: Any, renderable: Any) -> None:
        try:
            row = app.article_list.render_line(0).text
        except NoMatches:
            row = ""
        if "Gamma story" in row:
            columns.append(row.index("Gamma story"))
        display(screen, renderable)

    app._display = noting
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.article_list.is_unread is not None  # the markers are drawn by now
        assert "● Gamma story" in app.article_list.render_line(0).text
    assert len(columns) >= 2 and len(set(columns)) == 1, columns


async def test_the_meta_line_does_not_change_when_the_analysis_arrives(small_folder: Path, make: Any) -> None:
    """The shown article's analysis comes a frame or more after its text; the index's quotation count
    fills the meta line meanwhile, so the line the reader sees first is the line it keeps."""
    warm(small_folder, analysed=True)
    app = make(small_folder)
    metas: list[tuple[bool, str]] = []
    display = app._display

    def noting(screen: Any, renderable: Any) -> None:
        try:
            text, analysed = app.reader.document.text, app.reader_pane.analysis is not None
        except NoMatches:
            text, analysed = "", False
        meta = next((line for line in text.splitlines() if "2020-03-01" in line), None)
        if meta is not None:
            metas.append((analysed, meta))
        display(screen, renderable)

    app._display = noting
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.reader_pane.analysis is not None
    assert metas and not metas[0][0], metas  # the first frame with the text came before the analysis
    assert {meta for _, meta in metas} == {metas[-1][1]}, metas
    assert "0 quotations" in metas[-1][1]
