"""Running the reader in a real terminal: input that cannot kill it, a prompt Esc, an honest exit status.

`ReaderDriver` is Textual's `LinuxDriver` (every POSIX terminal) with its input thread changed in two ways:

* **Invalid UTF-8 is dropped.** Textual decodes the terminal's bytes as strict UTF-8, so one invalid byte
  typed or pasted (0x9b, a Latin-1 "›" from an old terminal) raised UnicodeDecodeError in the input
  thread and the app died.
* **Esc arrives when it is pressed.** After an ESC byte the parser waits `ESCDELAY` ms for the rest of an
  escape sequence, but it only looks at the clock when the input thread wakes up, which it did every
  100 ms: Esc repainted ~100 ms later than any other key. After a chunk that ends with ESC the thread now
  wakes after `ESCDELAY` (25 ms unless the user set it, see `newsreader/ui/__init__.py`).

The thread body follows `LinuxDriver.run_input_thread` of Textual 8.2.8 (pinned) line for line otherwise.
"""

from __future__ import annotations

import codecs
import os
import selectors
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import constants
from textual.drivers.linux_driver import LinuxDriver, ParseError, XTermParser, loop_last

from newsreader.ui import collector

if TYPE_CHECKING:
    from newsreader.config import Config
    from newsreader.ui.app import NewsReaderApp

IDLE_WAIT_S = 0.1  # Textual's own wake-up interval when nothing is pending


def lenient_decoder() -> Callable[..., str]:
    """An incremental UTF-8 decoder that skips invalid bytes (split sequences still join)."""
    return codecs.getincrementaldecoder("utf-8")(errors="ignore").decode


def next_wait(chunk: str) -> float:
    """How long the input thread may sleep after reading `chunk`: briefly if an Esc may be pending."""
    return min(IDLE_WAIT_S, constants.ESCAPE_DELAY) if chunk.endswith("\x1b") else IDLE_WAIT_S


class ReaderDriver(LinuxDriver):
    """LinuxDriver whose input thread drops invalid UTF-8 and reports a lone Esc promptly."""

    def run_input_thread(self) -> None:
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        fileno = self.fileno
        parser = XTermParser(self._debug)
        decode = lenient_decoder()
        wait = IDLE_WAIT_S

        def process(selector_events: list[tuple[selectors.SelectorKey, int]], final: bool = False) -> None:
            nonlocal wait
            for last, (_key, mask) in loop_last(selector_events):
                if mask & selectors.EVENT_READ:
                    data = decode(os.read(fileno, 1024 * 4), final=final and last)
                    if not data:  # stdin is a pipe that ended
                        break
                    wait = next_wait(data)
                    for event in parser.feed(data):
                        self.process_message(event)
            if not selector_events:
                wait = IDLE_WAIT_S
            for event in parser.tick():
                self.process_message(event)

        try:
            while not self.exit_event.is_set():
                process(selector.select(wait))
            selector.unregister(fileno)
            process(selector.select(wait), final=True)
        finally:
            selector.close()
            try:
                for _event in parser.feed(""):
                    pass
            except (EOFError, ParseError):
                pass


def reader_app(path: Path, config: Config | None = None, **kwargs: Any) -> NewsReaderApp:
    """The reader on `path` with the user's `config`, as `newsreader` runs it (the launch benchmark too).
    Run it: garbage collection is held from here (the app's modules are imported next) to its first frame
    (`collector`)."""
    collector.hold()
    from newsreader.ui.app import make_app
    from newsreader.ui.apply_config import install_config

    return install_config(make_app(path, **kwargs), config)


def run_reader(path: Path, config: Config | None = None, **kwargs: Any) -> int:
    """Run the reader on `path` (with the user's `config`) until it quits; the exit status is 1 if it
    stopped on an error. Read marks the last save could not keep are named on stderr."""
    app = reader_app(path, config, **kwargs)
    if issubclass(app.driver_class, LinuxDriver):
        app.driver_class = ReaderDriver
    app.run()
    if app.marks.unsaved:  # the final save failed (a full disk, a read-only state folder): say so, once out
        print(f"newsreader: {app.marks.unsaved} (this session's read marks and place are not kept)", file=sys.stderr)
    return app.return_code or 0
