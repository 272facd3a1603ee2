"""The garbage collector while the reader runs.

Start-up makes a few hundred thousand objects that live as long as the app (modules, widgets, styles, the
first page of the list), and the collector's passes over them before the first frame took ~40 ms of CPU
(`benchmarks/startup.py`) and could free nothing. So collections are held from the moment the reader
is opened (`cli.cmd_open`, before Textual is imported: the collector's passes during the imports
alone cost ~12 ms of CPU; `terminal.reader_app` for the benchmarks and tests; in any case from the app's Load
event) to just after its first frame; then everything made so far is frozen (`gc.freeze`: out of the collector's sight,
as the app does again once the whole folder is listed: `settle`) and collections resume.

From then on the young generations are collected as usual (a pass is well under a millisecond), but a
full collection, which walks every tracked object not frozen (the screen's cached lines alone are tens of
thousands: 15-30 ms of CPU, and 0.1-0.7 s while a cold 100,000-article folder was indexed), waits for a
moment without keys (`collect_if_due`, from a timer of the app), so it never lands inside one.
"""

from __future__ import annotations

import gc

FULL_DUE = 10  # young-generation passes between two full collections (CPython's own threshold)
FULL_OVERDUE = 300  # ... and with keys arriving all along (a key held down), collected all the same
_NEVER = 1 << 30
_DEFAULT_THRESHOLD = gc.get_threshold()


def hold() -> None:
    """No collections until `resume` (reference counting still frees what is dropped)."""
    gc.disable()


def resume() -> None:
    """After the first frame: freeze start-up's objects; young generations collected automatically again,
    full collections only by `collect_if_due`."""
    gc.freeze()
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, _NEVER)
    gc.enable()


def collect_if_due(quiet: bool) -> bool:
    """A full collection, if enough has happened since the last one and no key is waiting (`quiet`), or
    if it is long overdue. True if it ran."""
    passes = gc.get_count()[2]  # middle-generation passes since the last full collection
    if passes >= FULL_OVERDUE or (quiet and passes >= FULL_DUE):
        gc.collect()
        return True
    return False


def release() -> None:
    """The app is closing (perhaps before its first frame): the interpreter's own collector again."""
    gc.set_threshold(*_DEFAULT_THRESHOLD)
    gc.enable()


def settle() -> None:
    """What exists now lives as long as the app (the folder's list and index entries): out of the
    collector's way, or its full passes (~0.1 s with 10,000 articles) land in a keystroke."""
    gc.freeze()
