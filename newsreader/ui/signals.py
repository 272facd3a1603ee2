"""SIGTERM and SIGHUP end the reader the way `q` does.

Python's default for both is to die on the spot: the reading position and read marks since the last save
were lost, and a SIGTERM left the terminal in the alternate screen with mouse reporting on and echo off.
Handled instead, they ask the App to exit, so it unmounts as after `q` (the App saves its state on
unmount) and Textual's driver restores the terminal.

SIGHUP needs more: the terminal is gone, and every write to it fails. The kernel sends SIGCONT right
after SIGHUP, and Textual's SIGCONT handler then restarts its output on the dead terminal, whose writer
thread dies on the first write, after which Textual's own shutdown waits forever for it (seen: orphaned
readers that never saved). So the SIGHUP handler runs at once (Python runs pending handlers in signal
order: SIGHUP before SIGCONT) and points the terminal's descriptors at /dev/null first; the exit then
proceeds as usual, writing into nothing. A daemon timer ends the process if it still has not exited
after HANGUP_GRACE_S (a write that failed before the handler ran can still wedge Textual's output).
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from types import FrameType
from typing import Protocol
import contextlib

HANGUP_GRACE_S = 10.0
TERMINAL_FDS = (0, 1, 2)


class Exitable(Protocol):
    """What the handlers need of a Textual App."""

    def exit(self, result: None = None, return_code: int = 0) -> None: ...


def exit_on_signals(app: Exitable) -> None:
    """Make SIGTERM and SIGHUP end `app` with status 128 + the signal's number (the shell's convention
    for "ended by a signal"). Call from the App's `on_mount` (the main thread, in the running loop)."""
    loop = asyncio.get_running_loop()
    try:
        loop.add_signal_handler(signal.SIGTERM, _exit, app, signal.SIGTERM)
        signal.signal(signal.SIGHUP, lambda signum, frame: _hang_up(loop, app, frame))
    except (NotImplementedError, RuntimeError, ValueError):  # no signals here (Windows, not the main thread)
        pass


def _exit(app: Exitable, sig: signal.Signals) -> None:
    app.exit(return_code=128 + int(sig))


def _hang_up(loop: asyncio.AbstractEventLoop, app: Exitable, _frame: FrameType | None) -> None:
    """The terminal closed: detach from it now, then exit through the event loop, with a deadline."""
    if loop.is_closed():  # the App has ended (a test's app, long gone): the default action, as before
        signal.signal(signal.SIGHUP, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGHUP)
        return
    detach_from_terminal()
    loop.call_soon_threadsafe(_exit, app, signal.SIGHUP)
    deadline = threading.Timer(HANGUP_GRACE_S, os._exit, args=(128 + signal.SIGHUP,))
    deadline.daemon = True
    deadline.start()


def detach_from_terminal() -> None:
    """Point stdin, stdout and stderr at /dev/null: reads end, writes succeed and go nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_RDWR)
    except OSError:
        return
    for fd in TERMINAL_FDS:
        with contextlib.suppress(OSError):
            os.dup2(devnull, fd)
    os.close(devnull)
