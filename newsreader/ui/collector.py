"""The garbage collector while the reader starts.

Start-up makes a few hundred thousand objects that live as long as the app (modules, widgets, styles, the
first page of the list), and the collector's passes over them before the first frame took ~40 ms of CPU
(`benchmarks/startup.py`) and could free nothing. So collections are held from the moment the reader
is opened (`cli.cmd_open`, before Textual is imported: the collector's passes during the imports
alone cost ~12 ms of CPU; `terminal.reader_app` for the benchmarks and tests; in any case from the app's Load
event) to just after its first frame; then everything made so far is frozen (`gc.freeze`: out of the collector's sight,
as the app does again once the whole folder is listed: `settle`) and collections resume.
"""

from __future__ import annotations

import gc


def hold() -> None:
    """No collections until `resume` (reference counting still frees what is dropped)."""
    gc.disable()


def resume() -> None:
    gc.freeze()
    gc.enable()


def settle() -> None:
    """What exists now lives as long as the app (the folder's list and index entries): out of the
    collector's way, or its full passes (~0.1 s with 10,000 articles) land in a keystroke."""
    gc.freeze()
