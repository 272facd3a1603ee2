"""The one-line header: app name, folder, counts and modes, fitted to the width in a set order.

When the line is too long, parts give way from the least to the most important: first the app's name,
then the folder is shortened (down to a few characters) and finally dropped, then the sort order, then
the detail of the counts. Modes the user switched on (unread only, starred only, highlights off, a
filter) and problems (files that could not be read, a config problem, a failed worker) always stay: they
explain what is on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from rich.cells import cell_len
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from newsreader.sorting import LABELS as SORT_LABELS
from newsreader.ui.row_list import fit

if TYPE_CHECKING:
    from newsreader.session import Session
    from newsreader.ui.list_pane import ListPane

SEPARATOR = " · "
MIN_FOLDER = 8  # the folder is shortened down to this many cells before it is dropped


class HeaderParts(NamedTuple):
    """What the header says; `fit_header` decides how much of it fits. (A NamedTuple, not a frozen
    dataclass: it is made on the way to the first frame, see `ui/messages.py`.)"""

    folder: str = ""
    counts: str = ""  # "31 articles · 12 unread", "2 of 31 listed · 1 unread", "loading…"
    detail: str = ""  # secondary counts ("reading titles"), dropped before anything else but the name
    modes: tuple[str, ...] = ()  # "unread only", "filter", problems: always shown
    order: str = ""  # "newest first": after the counts; goes after the folder, before the detail


def fit_header(parts: HeaderParts, width: int) -> str:
    """The header line for `width` cells (see the module docstring for the order parts give way)."""
    name = "newsreader"
    modes = list(parts.modes)

    def line(name: str, folder: str, detail: str, order: str = parts.order) -> str:
        pieces = [p for p in (folder, parts.counts, order, detail, *modes) if p]
        body = SEPARATOR.join(pieces)
        return f" {name}  {body}" if name else f" {body}"

    for candidate in (line(name, parts.folder, parts.detail), line("", parts.folder, parts.detail)):
        if cell_len(candidate) <= width:
            return candidate
    without_folder = line("", "", parts.detail)
    room = width - cell_len(without_folder) - len(SEPARATOR)
    if parts.folder and room >= MIN_FOLDER:
        return line("", fit(parts.folder, room), parts.detail)
    if cell_len(without_folder) <= width:
        return without_folder
    without_order = line("", "", parts.detail, "")
    if cell_len(without_order) <= width:
        return without_order
    return fit(line("", "", "", ""), width)


class AppHeader(Widget):
    """Renders `parts` fitted to its width (a resize re-fits it)."""

    parts: reactive[HeaderParts] = reactive(HeaderParts, layout=False)

    def render(self) -> Content:
        return Content(fit_header(self.parts, self.size.width))  # file names are data, never markup


def header_parts(
    folder: str,
    session: Session | None,
    lists: ListPane,
    *,
    progress: tuple[int, int, str] | None,
    loaded: bool,
    failure: str | None,
    highlight: bool = True,
) -> HeaderParts:
    """What the header says about the folder, the list and the app's state."""
    detail = ""
    if progress is not None:
        done, todo, stage = progress
        counts = f"{lists.listed[1]:,} articles"
        detail = f"{'reading titles' if stage == 'listing' else 'indexing'} {done:,} of {todo:,} files…"
    elif session is None or not loaded:
        counts = "loading…" if failure is None else "not loaded"
    else:
        shown, total = lists.listed
        counts = f"{total:,} article{'s' if total != 1 else ''}" if shown == total else f"{shown:,} of {total:,} listed"
        if lists.marks.state is not None:
            counts += f" · {lists.unread:,} unread"
    modes = ["unread only"] if lists.unread_only else []
    if lists.starred_only:
        modes.append("starred only")
    if not highlight:
        modes.append("highlights off")
    if lists.listed_filter is not None:
        modes.append("filtered")
    if session is not None and session.errors:
        modes.append(f"{len(session.errors):,} could not be read")
    if session is not None and session.sync.config.problem:
        modes.append("config problem")
    if failure:
        modes.append(failure)
    return HeaderParts(folder, counts, detail, tuple(modes), SORT_LABELS.get(lists.sort, lists.sort))
