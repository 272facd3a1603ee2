"""SIGTERM and SIGHUP end the reader the way `q` does.

Python's default for both is to die on the spot: the reading position and read marks since the last save
were lost, and a SIGTERM left the terminal in the alternate screen with mouse reporting on and echo off.
Handled on the event loop instead, they ask the App to exit, so it unmounts as after `q` (the App saves
its state on unmount) and Textual's driver restores the terminal. Closing the terminal window sends
SIGHUP: the same road, and the terminal writes that then fail are Textual's to ignore.
"""

from __future__ import annotations

import asyncio
import signal
from typing import Protocol

EXIT_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


class Exitable(Protocol):
    """What the handler needs of a Textual App."""

    def exit(self, result: None = None, return_code: int = 0) -> None: ...


def exit_on_signals(app: Exitable) -> None:
    """Make SIGTERM and SIGHUP call `app.exit(return_code=128 + signal number)` on the running event loop
    (call from the App's `on_mount`). The exit status is the shell's convention for "ended by a signal"."""
    loop = asyncio.get_running_loop()
    for sig in EXIT_SIGNALS:
        try:
            loop.add_signal_handler(sig, _exit, app, sig)
        except (NotImplementedError, RuntimeError, ValueError):  # no signals here (Windows, a thread)
            pass


def _exit(app: Exitable, sig: signal.Signals) -> None:
    app.exit(return_code=128 + int(sig))
