"""Regenerate the README screenshots: `python scripts/screenshots.py [--out DIR] [--folder DIR]`.

Generates: screenshots/*.svg and screenshots/*.png (one pair per entry of SCREENS).

Each entry of SCREENS is run in a fresh app (in a fresh interpreter) at a fixed size (120x36 unless the
shot says otherwise: 80x24 is pictured too) and theme (textual-dark), with an empty state and cache
directory (nothing read yet): the folder is loaded, background analysis finishes, the steps run (key
names as Pilot's `press` takes them, or async callables taking the pilot), everything settles, and
`screenshots/NAME.svg` is written. PNG copies
(`NAME.png`, 1400 px wide) are made with librsvg (`svg_png.py`: its library, or `rsvg-convert`).

Add a screen by appending a `Shot` to SCREENS.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from a checkout without installing

from textual.app import App  # noqa: E402 - as above
from textual.pilot import Pilot  # noqa: E402 - as above

from newsreader.ui.app import THEME, make_app  # noqa: E402 - after sys.path: runs from a checkout
from scripts import svg_png  # noqa: E402 - as above
from newsreader.ui.article_list import ArticleList  # noqa: E402 - as above

SIZE = (120, 36)
PNG_WIDTH = 1400
SETTLE_TIMEOUT = 30.0  # seconds for the folder to load and the workers to finish

Step = str | Callable[..., Awaitable[None]]


@dataclass(frozen=True)
class Shot:
    name: str  # file name without suffix
    title: str  # the SVG's window title
    steps: Sequence[Step] = field(default_factory=tuple)
    size: tuple[int, int] = SIZE


SCREENS: list[Shot] = [
    # the seed article (undated, so last in the list) open in the reader with its quotations highlighted
    Shot("main", "newsreader", ("G", "enter")),
    Shot("help", "newsreader — help", ("G", "enter", "question_mark")),
    # find in the article: every match highlighted, the current one strongest, "1/4" in the find bar
    Shot("find", "newsreader — find", ("G", "enter", "slash", *"trust")),
    # the folder filter by actor (alias-aware), with the filter's word pre-highlighted in the article
    Shot("filter", "newsreader — filter", ("f", *"actor:trump", "enter")),
    # the actors panel: the seed article's cast by kind, Huawei first and only its mentions highlighted
    Shot("actors", "newsreader — actors", ("G", "enter", "a")),
    # who said what: the quotations grouped by speaker
    Shot("who-said", "newsreader — who said what", ("G", "enter", "w")),
    # a small terminal: 80x24, the actors panel in the list's place and Ken Hu's mentions stepped through
    Shot("small", "newsreader — 80x24", ("G", "enter", "a", "j", "j", "right_square_bracket"), size=(80, 24)),
    # two articles starred, sorted by title, starred only: the header names the order and the mode
    Shot("starred", "newsreader — starred", ("G", "asterisk", "k", "asterisk", "s", "s", "S", "enter",
                                             "right_curly_bracket", lambda pilot: quiet(pilot))),
    # the reader zoomed to the full width at 80x24, the URL's host a hyperlink in the meta line
    Shot("zoomed", "newsreader — zoomed", ("enter", "z", lambda pilot: quiet(pilot)), size=(80, 24)),
]


async def quiet(pilot: Pilot) -> None:
    """Clear the notices the keys raised (they fade within seconds; a picture would keep them)."""
    pilot.app.clear_notifications()
    await pilot.pause()


async def settle(app: App, pilot: Pilot) -> None:
    """Wait until the list is filled and no worker is running, then let the screen repaint."""
    deadline = time.monotonic() + SETTLE_TIMEOUT
    while True:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        loaded = len(app.query_one(ArticleList).articles) > 0
        busy = any(not w.is_finished for w in app.workers)
        if loaded and not busy:
            break
        if time.monotonic() > deadline:
            raise TimeoutError(f"the app did not settle within {SETTLE_TIMEOUT:.0f} s")
        await asyncio.sleep(0.05)
    await pilot.pause()


async def take(shot: Shot, folder: Path, out: Path) -> Path:
    app = make_app(folder, watch=False, read_after=None)  # nothing may change while the picture is taken
    async with app.run_test(size=shot.size) as pilot:
        app.theme = THEME
        await settle(app, pilot)
        for step in shot.steps:
            if isinstance(step, str):
                await pilot.press(step)
            else:
                await step(pilot)
            await settle(app, pilot)
        app.title = shot.title
        svg = out / f"{shot.name}.svg"
        app.save_screenshot(svg.name, str(out))
    return svg


def to_png(svg: Path) -> Path:
    """PNG copy of `svg`. librsvg drops the leading no-break space of Textual's text runs (so words
    around a highlighted span run together) unless whitespace is preserved: render a patched copy."""
    png = svg.with_suffix(".png")
    text = svg.read_text(encoding="utf-8").replace("<svg ", '<svg xml:space="preserve" ', 1)
    png.write_bytes(svg_png.render_png(text, PNG_WIDTH))
    return png


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=REPO / "articles", help="articles to show")
    parser.add_argument("--out", type=Path, default=REPO / "screenshots", help="where to write the files")
    parser.add_argument("names", nargs="*", help="only these screens (default: all)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    # fresh reading state and caches: nothing read yet, nothing of the user's in the pictures
    scratch = tempfile.TemporaryDirectory(prefix="newsreader-screenshots-")
    os.environ["XDG_STATE_HOME"] = str(Path(scratch.name) / "state")
    os.environ["XDG_CACHE_HOME"] = str(Path(scratch.name) / "cache")

    shots = [s for s in SCREENS if not args.names or s.name in args.names]
    unknown = set(args.names) - {s.name for s in SCREENS}
    if unknown:
        parser.error(f"unknown screen(s): {', '.join(sorted(unknown))}; known: {', '.join(s.name for s in SCREENS)}")
    args.out.mkdir(parents=True, exist_ok=True)
    if args.child:  # one shot in this process (see below)
        asyncio.run(take(shots[0], args.folder, args.out))
        scratch.cleanup()
        return 0
    converter = svg_png.available()
    for shot in shots:
        # every shot in a fresh interpreter, so no in-process cache left by an earlier shot changes it
        subprocess.run(
            [sys.executable, __file__, "--child", "--folder", str(args.folder), "--out", str(args.out), shot.name],
            check=True,
        )
        svg = args.out / f"{shot.name}.svg"
        print(f"wrote {svg.relative_to(REPO) if svg.is_relative_to(REPO) else svg}")
        if converter:
            png = to_png(svg)
            print(f"wrote {png.relative_to(REPO) if png.is_relative_to(REPO) else png}")
    if not converter:
        print("note: librsvg not found (Debian/Ubuntu: apt-get install librsvg2-bin): PNG copies skipped")
    scratch.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
