"""The garbage collector while the reader runs.

Start-up makes a few hundred thousand objects that live as long as the app (modules, widgets, styles, the
first page of the list), and the collector's passes over them before the first frame took ~40 ms of CPU
(`benchmarks/startup.py`) and could free nothing. So collections are held from the moment the reader
is opened (`cli.cmd_open`, before Textual is imported: the collector's passes during the imports
alone cost ~12 ms of CPU; `terminal.reader_app` for the benchmarks and tests; in any case from the app's Load
event) to just after its first frame; then everything made so far is frozen (`gc.freeze`: out of the collector's sight,
as the app does again once the whole folder is listed: `settle`) and collections resume.

From then on the young generations are collected as usual (a pass is well under a millisecond), but a
full collection waits for a moment without keys (`collect_if_due`, from a timer of the app), so it never
starts inside one; and once the folder is listed whole (`settle`) it freezes what survives it: those
objects have lived through every young collection since they were made and mostly live as long as the
app (analyses, the screen's cached lines), and a full collection that walked them all again took 40-150
ms of CPU at 100,000 articles (with half the folder analysed), long enough for the next key of someone
typing a filter to wait for it. So each full collection walks only what is newer than the one before; a
deep one (`gc.unfreeze` first) finds the garbage among the frozen objects, rarely and after a longer
quiet moment (or at any moment without keys once long overdue).
While a filter key's frame is held for its rows (`ui/frame_hold`), no collection runs at all (`deferred`):
its young collections wait until that frame is out (at 100,000 articles a key made up to 20 of them).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

FULL_DUE = 10  # young-generation passes between two full collections (CPython's own threshold)
FULL_OVERDUE = 300  # ... and with keys arriving all along (a key held down), collected all the same
QUIET_S = 0.1  # a due full collection waits for this long without a key
DEEP_EVERY = 30  # full collections between two deep ones (which walk the frozen objects too) ...
DEEP_QUIET_S = 2.0  # ... after this long without a key
DEEP_OVERDUE = 60  # ... or at any quiet moment once this many went by (keys every 0.25 s while a cold
# folder indexes for minutes: garbage among the frozen objects is not left to grow without bound)
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


class _Collections:
    """Full collections since the last deep one; keys being answered (`deferred`); whether the folder
    has been listed whole (`settle`)."""

    since_deep = 0
    deferred = 0
    settled = False


def collect_if_due(quiet_for: float) -> bool:
    """A full collection, if enough has happened since the last one and no key came for `quiet_for`
    seconds (`QUIET_S`) and none is being answered, or if it is long overdue; a deep one now and then.
    True if one ran."""
    passes = gc.get_count()[2]  # middle-generation passes since the last full collection
    if _Collections.deferred and passes < FULL_OVERDUE:
        return False
    if not _Collections.settled:  # a cold folder is still coming in: most of what lives now is transient
        if passes >= FULL_OVERDUE or (quiet_for >= QUIET_S and passes >= FULL_DUE):
            gc.collect()
            return True
        return False
    since_deep = _Collections.since_deep
    if (since_deep >= DEEP_EVERY and quiet_for >= DEEP_QUIET_S) or (since_deep >= DEEP_OVERDUE
                                                                    and quiet_for >= QUIET_S):
        gc.unfreeze()  # (frozen objects that have become garbage since: found, and freed, only now)
        _Collections.since_deep = 0
    elif passes >= FULL_OVERDUE or (quiet_for >= QUIET_S and passes >= FULL_DUE):
        _Collections.since_deep += 1
    else:
        return False
    gc.collect()
    gc.freeze()
    return True


@contextmanager
def deferred() -> Iterator[None]:
    """`with deferred(): …`, or entered and left around a held frame: no collection meanwhile, neither
    the interpreter's young ones (through the analysis' own pause, so that neither resumes the collector
    while the other holds it) nor this module's full ones."""
    from newsreader.analysis.collector import paused

    _Collections.deferred += 1
    try:
        with paused():
            yield
    finally:
        _Collections.deferred -= 1


def release() -> None:
    """The app is closing (perhaps before its first frame): the interpreter's own collector again."""
    gc.set_threshold(*_DEFAULT_THRESHOLD)
    gc.enable()
    _Collections.settled = False


def settle() -> None:
    """What exists now lives as long as the app (the folder's list and index entries): out of the
    collector's way, or its full passes (~0.1 s with 10,000 articles) land in a keystroke. From now on
    full collections freeze what survives them too."""
    gc.freeze()
    _Collections.settled = True
