"""Running the reader in a real terminal: input that cannot kill it, and an honest exit status.

Textual's input thread decodes the terminal's bytes as strict UTF-8 (`codecs.getincrementaldecoder`
in `textual.drivers.linux_driver`): one invalid byte typed or pasted (0x9b, a Latin-1 "›" from an old
terminal) raised UnicodeDecodeError in that thread and the app died. `lenient_input()` makes that
decoder drop bytes that are not UTF-8 instead; everything valid is decoded exactly as before.
"""

from __future__ import annotations

import codecs
from functools import partial
from pathlib import Path
from typing import Any


def lenient_input() -> None:
    """Let Textual's terminal input thread skip invalid UTF-8 instead of raising (idempotent)."""
    try:
        from textual.drivers import linux_driver
    except ImportError:  # not on a POSIX terminal (Windows has its own driver)
        return

    def incremental_decoder(encoding: str) -> Any:
        return partial(codecs.getincrementaldecoder(encoding), errors="ignore")

    linux_driver.getincrementaldecoder = incremental_decoder  # type: ignore[attr-defined]


def run_reader(path: Path, **kwargs: Any) -> int:
    """Run the reader on `path` until it quits; the exit status is 1 if it stopped on an error."""
    from newsreader.ui.app import make_app

    lenient_input()
    app = make_app(path, **kwargs)
    app.run()
    return app.return_code or 0
