"""Issue 15: what the reader does before its first frame on a warm folder, bounded by counting (modules
imported, stylesheet parses, garbage collections), not by timing."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from textual.color import Color
from textual.css.stylesheet import Stylesheet

from newsreader.config import parse_config
from newsreader.session import Session
from newsreader.ui import collector
from newsreader.ui.terminal import reader_app

SIZE = (120, 36)

# The reader as `newsreader` makes it (cli.cmd_open), run headless until its first frame; prints which of
# the modules named on the command line were imported by then, the dataclasses newsreader had made, and
# what that frame showed.
FIRST_FRAME_CHILD = r"""
import dataclasses, json, sys
made = []
process_class = dataclasses._process_class

def noting_class(cls, *args):
    if cls.__module__.startswith("newsreader"):
        made.append(f"{cls.__module__}.{cls.__qualname__}")
    return process_class(cls, *args)

dataclasses._process_class = noting_class
from pathlib import Path
import newsreader.cli
from newsreader.config import load_config
from newsreader.ui import collector
collector.hold()  # as cmd_open does
from newsreader.preferences import effective_config
from newsreader.ui.terminal import reader_app

app = reader_app(Path(sys.argv[1]), effective_config(load_config()))
seen = {}
display = app._display

def noting(screen, renderable):
    if renderable is not None and not seen:
        seen["modules"] = sorted(m for m in sys.modules if any(m == w or m.startswith(w + ".") for w in sys.argv[2:]))
        seen["dataclasses"] = sorted(made)
        seen["titles"] = len(app.article_list.articles)
        seen["text"] = app.reader.document.text
        app.exit()
    display(screen, renderable)

app._display = noting
app.run(headless=True, size=(120, 36))
print("FIRST-FRAME " + json.dumps(seen))
"""


def warm(folder: Path) -> Path:
    session = Session(folder)
    session.refresh()  # the index of an earlier run
    session.close()
    return folder


def test_the_analysis_engine_and_yaml_are_not_imported_before_a_warm_folders_first_frame(
    small_folder: Path, tmp_path: Path
) -> None:
    """They load after the first frame (the analysis in a worker, YAML only for YAML that needs it), and
    only a few dataclasses are made before it."""
    heavy = ["yaml", "newsreader.analysis.pipeline", "newsreader.analysis.passes", "newsreader.analysis.lexicon",
             "newsreader.web", "markdown_it",
             # what only a later action needs: the folder's cast, the filter's table, find, the palette's
             # commands, the bars, the footer (mounted after the first frame), the indexing progress bar,
             # the read state (read by the worker), the CLI's tables
             "newsreader.folder_actors", "newsreader.prefix_table", "newsreader.search",
             "newsreader.ui.commands", "newsreader.ui.actor_commands", "newsreader.ui.find_bar",
             "newsreader.ui.filter_bar", "newsreader.ui.input_bar", "textual.widgets._footer",
             "newsreader.ui.keys_footer", "textual.widgets._progress_bar", "newsreader.state", "newsreader.cli_output",
             # the keymap's checks (with the keys, just after the first frame); the analysis model, the
             # filter's language and the actors' index (with the first analysis, filter, actor)
             "newsreader.keymap", "newsreader.analysis", "newsreader.query", "newsreader.actor_index",
             "ctypes"]  # (the allocator's calls, `newsreader.allocator`: from the first worker on)
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "no-config")}
    out = subprocess.run([sys.executable, "-c", FIRST_FRAME_CHILD, str(warm(small_folder)), *heavy],
                         capture_output=True, text=True, env=env, timeout=120, check=True).stdout
    seen = json.loads(next(line for line in out.splitlines() if line.startswith("FIRST-FRAME "))[12:])
    assert seen["titles"] == 3 and "Gamma paragraph 0" in seen["text"]  # a useful first frame
    assert seen["modules"] == []
    # a dataclass costs ~10x a plain class or a NamedTuple to create (its methods are compiled at import):
    # only these few are made on the way to the first frame (messages, header parts, rows, find queries,
    # style spans are not dataclasses; the analysis model and the filter's are not imported)
    assert seen["dataclasses"] == [
        "newsreader.articles.Article", "newsreader.config.Colours",
        "newsreader.config.Config", "newsreader.folder_sync.Changes", "newsreader.library.FolderConfig",
        "newsreader.render.Document",
    ]


async def test_a_theme_and_colours_from_the_config_cost_no_second_parse(small_folder: Path) -> None:
    """The config's theme and colours are in place before the stylesheet is first parsed: no re-parse
    (a whole second parse of every rule) before the first frame, and both take effect."""
    parses = {"reparse": 0, "frame": None}
    reparse = Stylesheet.reparse

    def counting(self: Stylesheet) -> None:
        parses["reparse"] += 1
        reparse(self)

    config = parse_config("theme: nord\ncolours:\n  person: '#00ff00'\n")
    app = reader_app(small_folder, config, background_analysis=False, watch=False, read_after=None)
    display = app._display

    def noting(screen: Any, renderable: Any) -> None:
        if renderable is not None and parses["frame"] is None:
            parses["frame"] = parses["reparse"]
        display(screen, renderable)

    app._display = noting
    Stylesheet.reparse = counting  # type: ignore[method-assign]
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert parses["frame"] == 0
            assert app.theme == "nord"
            assert app.query_one("#header").styles.background == Color.parse(app.current_theme.panel or "")
            assert app.reader.get_component_styles("article--person").color == Color(0, 255, 0)
    finally:
        Stylesheet.reparse = reparse  # type: ignore[method-assign]


async def test_no_garbage_collection_runs_before_the_first_frame_and_it_resumes_after(
    small_folder: Path, make: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Start-up's objects live as long as the app: the collector's passes over them are held from the
    app's Load event to its first frame (then they are frozen, and collections resume)."""
    collections: list[int] = []
    hold = collector.hold

    def holding() -> None:
        collections.clear()  # counted from here
        hold()

    monkeypatch.setattr(collector, "hold", holding)

    def noting_collection(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    app = make(warm(small_folder))
    at_first_frame: list[tuple[bool, int]] = []
    display = app._display

    def noting(screen: Any, renderable: Any) -> None:
        if renderable is not None and not at_first_frame:
            at_first_frame.append((gc.isenabled(), len(collections)))
        display(screen, renderable)

    app._display = noting
    gc.callbacks.append(noting_collection)
    try:
        async with app.run_test(size=SIZE) as pilot:
            for _ in range(200):  # the resume runs after the first refresh: later on a busy machine
                await pilot.pause()
                if at_first_frame and gc.isenabled():
                    break
            assert at_first_frame == [(False, 0)]
            assert gc.isenabled()
    finally:
        gc.callbacks.remove(noting_collection)


async def test_the_first_frame_holds_only_what_it_shows_and_the_rest_follows(small_folder: Path, make: Any) -> None:
    """The footer's keys, the find and filter bars and the reader's status line are not made before the
    first frame (the footer's row is there, so nothing moves when its keys arrive); the footer follows
    at once, and a bar when it is first opened."""
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey

    app = make(warm(small_folder))
    first: list[tuple[list[str], int]] = []
    display = app._display

    def noting(screen: Any, renderable: Any) -> None:
        if renderable is not None and not first:
            names = [type(node).__name__ for node in app.screen.walk_children()]
            first.append((names, app.query_one("FooterRow").region.y))
        display(screen, renderable)

    app._display = noting
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        names, footer_row = first[0]
        assert {"ArticleList", "ArticleView", "AppHeader", "FooterRow"} <= set(names)
        assert not {"Footer", "FooterKey", "FindBar", "FilterBar", "Input", "Label"} & set(names), names
        assert not app.query("#reader-status")
        assert footer_row == SIZE[1] - 1
        assert app.query_one(Footer).region.y == footer_row
        assert "Quit" in {key.description for key in app.query(FooterKey)}
        await pilot.press("slash")  # find
        await pilot.pause()
        assert app.reader_pane.find_open and app.focused is app.reader_pane.find_bar.input
        await pilot.press("escape", "f")  # filter
        await pilot.pause()
        assert app.list_pane.filter_open and not app.reader_pane.find_open
        assert app.focused is app.list_pane.filter_bar.input


READER_ROAD_CHILD = r"""
import gc, json, sys, types
import newsreader.cli as cli

collections = []
gc.callbacks.append(lambda phase, info: phase == "start" and collections.append(info["generation"]))
sys.stdin.isatty = sys.stdout.isatty = lambda: True  # as in a terminal
reader = types.ModuleType("newsreader.ui.terminal")  # a stand-in for the reader: imports what it imports

def run_reader(path, **kwargs):
    before = len(collections)
    import textual.app, textual.widgets  # noqa: F401
    print("ROAD " + json.dumps({"gc_enabled": gc.isenabled(), "collections": len(collections) - before}))
    return 0

reader.run_reader = run_reader
sys.modules["newsreader.ui.terminal"] = reader
sys.exit(cli.main([sys.argv[1]]))
"""


def test_the_reader_road_holds_the_collector_from_before_textual_is_imported(
    small_folder: Path, tmp_path: Path
) -> None:
    """`newsreader FOLDER` holds garbage collection before Textual's modules load (its passes over them
    cost ~12 ms of CPU and free nothing): no collection while they are imported."""
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "no-config")}
    out = subprocess.run([sys.executable, "-c", READER_ROAD_CHILD, str(small_folder)], capture_output=True,
                         text=True, env=env, timeout=120, check=True).stdout
    seen = json.loads(next(line for line in out.splitlines() if line.startswith("ROAD "))[5:])
    assert seen == {"gc_enabled": False, "collections": 0}
