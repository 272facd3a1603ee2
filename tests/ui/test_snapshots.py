"""SVG snapshots of the main screens (pytest-textual-snapshot). Update with `pytest --snapshot-update`
only after looking at snapshot_report.html.

The analysis is a fixed stub here so that tuning the engine does not churn these pictures; the engine
has its own tests.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from newsreader.analysis.model import Actor, Analysis, Mention, Quote
from newsreader.articles import Article
from newsreader.ui.app import make_app

SNAP_FOLDER = Path(__file__).parents[1] / "data" / "snapshot"
SIZE = (120, 36)
TOAST_LIFE_S = 3600  # longer than any test: a toast on a snapshot is there until the picture is taken
SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
"""80x24 is a first-class size: the key screens are pictured there and at a roomy size."""
ACTORS = {
    "Alice Novak": "person", "Tom Ridley": "person", "Priya Shah": "person", "Riverside Council": "organisation",
    "Harbourton Business Association": "organisation", "Northern Lines": "organisation", "Harbourton": "place",
    "Leeds": "place", "York": "place",
}


@pytest.fixture(autouse=True)
def fresh_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every picture starts with no read marks, stars or remembered choices (the header counts unread)."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


def stub_analyser(article: Article, library: object) -> Analysis:
    """Quotes are “…” runs; actors are the fixed names above; the speaker is the next actor mention."""
    body = article.body
    actors = []
    for name, kind in ACTORS.items():
        mentions = [Mention(m.start(), m.end(), name) for m in re.finditer(re.escape(name) + r"\b", body)]
        if mentions:
            actors.append(Actor(name, kind, mentions))
    people = sorted((m for a in actors if a.kind == "person" for m in a.mentions), key=lambda m: m.start)
    quotes = []
    for m in re.finditer(r"“([^”]+)”", body):
        speaker = next((p for p in people if p.start > m.end()), None) or (people[-1] if people else None)
        quotes.append(Quote(m.group(1), m.start(1), m.end(1), speaker.text if speaker else None, speaker))
    return Analysis(quotes, actors)


def app():  # noqa: ANN201
    """The snapshot app: no live reload, no read-after-2-seconds and no toast that expires, so nothing
    changes while the picture is taken (a 1.5 s toast outlived by a test on a busy machine changed it)."""
    snap_app = make_app(SNAP_FOLDER, background_analysis=True, analyser=stub_analyser, watch=False, read_after=None)
    notify = snap_app.notify

    def notify_without_expiry(message: str, **options: Any) -> None:
        notify(message, **{**options, "timeout": TOAST_LIFE_S})

    snap_app.notify = notify_without_expiry  # type: ignore[method-assign]
    return snap_app


async def settle(pilot) -> None:  # noqa: ANN001
    """Wait until the folder is loaded and the shown article's analysis is on screen."""
    app = pilot.app
    for _ in range(100):
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = app.reader_pane.article
        analysis = app.session.cached_analysis(shown) if shown is not None and not shown.partial else None
        if analysis is not None and (not analysis.quotes or any(s.style == "quote" for s in app.reader.document.spans)):
            return
    shown = app.reader_pane.article
    raise AssertionError(
        f"the app did not settle: shown={shown and shown.title!r} partial={shown and shown.partial} "
        f"analysis={shown and app.session.cached_analysis(shown)} spans={app.reader.document.spans[:5]}"
    )


@SIZES
def test_main_screen(snap_compare, size: tuple[int, int]) -> None:  # noqa: ANN001
    assert snap_compare(app(), terminal_size=size, run_before=settle)


def test_reader_focused_on_second_article(snap_compare) -> None:  # noqa: ANN001
    async def run_before(pilot) -> None:  # noqa: ANN001
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)

    assert snap_compare(app(), terminal_size=SIZE, run_before=run_before)


def test_markdown_article(snap_compare) -> None:  # noqa: ANN001
    async def run_before(pilot) -> None:  # noqa: ANN001
        await settle(pilot)
        await pilot.press("G")
        await settle(pilot)

    assert snap_compare(app(), terminal_size=SIZE, run_before=run_before)


@SIZES
def test_help_screen(snap_compare, size: tuple[int, int]) -> None:  # noqa: ANN001
    async def run_before(pilot) -> None:  # noqa: ANN001
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(app(), terminal_size=size, run_before=run_before)


def test_highlighting_off(snap_compare) -> None:  # noqa: ANN001
    async def run_before(pilot) -> None:  # noqa: ANN001
        await settle(pilot)
        await pilot.press("H")
        await pilot.pause()

    assert snap_compare(app(), terminal_size=SIZE, run_before=run_before)


@SIZES
def test_find_active(snap_compare, size: tuple[int, int]) -> None:  # noqa: ANN001
    async def run_before(pilot) -> None:  # noqa: ANN001
        await settle(pilot)
        await pilot.press("enter", "slash", *"the", "down")
        await pilot.pause()

    assert snap_compare(app(), terminal_size=size, run_before=run_before)


def test_filter_active(snap_compare) -> None:  # noqa: ANN001
    async def run_before(pilot) -> None:  # noqa: ANN001
        await settle(pilot)
        await pilot.press("f", *"signalling")
        await pilot.pause(0.3)
        await settle(pilot)

    assert snap_compare(app(), terminal_size=SIZE, run_before=run_before)


@SIZES
def test_actors_panel(snap_compare, size: tuple[int, int]) -> None:  # noqa: ANN001
    async def run_before(pilot) -> None:  # noqa: ANN001
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()

    assert snap_compare(app(), terminal_size=size, run_before=run_before)


@SIZES
def test_who_said_what(snap_compare, size: tuple[int, int]) -> None:  # noqa: ANN001
    async def run_before(pilot) -> None:  # noqa: ANN001
        await settle(pilot)
        await pilot.press("w")
        await pilot.pause()

    assert snap_compare(app(), terminal_size=size, run_before=run_before)
