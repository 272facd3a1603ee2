#!/usr/bin/env python3
"""Launch-to-useful-screen in a real terminal: the installed `newsreader` vs a trivial Textual app, in tmux.

Issue 15 measures this way: each run opens a new tmux window running the program and polls
`capture-pane` until the screen is useful — for the trivial app (one `Static`) its text, for the reader
the settled first screen's list titles and the shown article's first lines (rows 1-10 of a run left to
settle first; the unread markers, drawn once the read state is read, and the scrollbar thumbs, which
settle once the whole list is in, are not waited for). Times are from
just before the window is opened, so the terminal is included for both. Runs alternate between the two
programs; medians are printed with the load average. The package is byte-compiled first, as `pip
install` does.

    python benchmarks/tmux_startup.py [--folder articles] [--runs 7] [--size 120x36]

Needs `tmux` and the installed `newsreader` on PATH. The reader's state and cache go to a scratch XDG
tree: the index is built first, then two untimed runs read the first article, so every timed run is a warm start
that opens on the same screen.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from _common import precompile, warm_index  # noqa: E402 - after the sys.path line: runs from a checkout
TRIVIAL = (
    "from textual.app import App\n"
    "from textual.widgets import Static\n"
    "class Trivial(App):\n"
    "    def compose(self):\n"
    "        yield Static('Hello, world')\n"
    "Trivial().run()\n"
)
SETTLE_S = 4.0
TIMEOUT_S = 20.0
USEFUL_ROWS = slice(1, 11)  # below the header: list titles, the article's title, meta and first lines
# the unread/star markers follow the read state a little later, and the scrollbars' thumbs (block
# elements) settle once the whole list is in: neither is what the reader came for
MARKERS = str.maketrans({c: " " for c in "●★" + "".join(map(chr, range(0x2580, 0x25A0)))})


def useful_rows(screen: list[str]) -> list[str]:
    return [row.translate(MARKERS).rstrip() for row in screen[USEFUL_ROWS]]


class Tmux:
    """One private tmux server; each run is a window of its own."""

    def __init__(self, size: str) -> None:
        self.socket = f"bench-startup-{os.getpid()}"
        w, h = size.split("x")
        self._tmux("new-session", "-d", "-s", "base", "-x", w, "-y", h, "sleep 100000")

    def _tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], check=True, capture_output=True,
                              text=True).stdout

    def open(self, command: str) -> tuple[str, int]:
        """A new window running `command`: its id and the pid of its process."""
        window, pid = self._tmux("new-window", "-d", "-P", "-F", "#{window_id} #{pane_pid}", "-t", "base",
                                 command).split()
        return window, int(pid)

    def screen(self, window: str) -> list[str]:
        return self._tmux("capture-pane", "-p", "-t", window).splitlines()

    def close(self, window: str, pid: int) -> None:
        """Close the window and wait for its program to end (a Textual app takes a second or two to leave
        after its terminal hangs up): the next run must not share the machine with it."""
        subprocess.run(["tmux", "-L", self.socket, "kill-window", "-t", window], capture_output=True)
        deadline = time.monotonic() + TIMEOUT_S
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.05)

    def stop(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def time_until(tmux: Tmux, command: str, useful: Callable[[list[str]], bool]) -> float:
    """Seconds from opening a window running `command` to the first captured screen that is useful."""
    t0 = time.monotonic()
    window, pid = tmux.open(command)
    try:
        while time.monotonic() - t0 < TIMEOUT_S:
            if useful(tmux.screen(window)):
                return time.monotonic() - t0
        raise RuntimeError(f"no useful screen within {TIMEOUT_S:.0f} s: {command}")
    finally:
        tmux.close(window, pid)


def settled_screen(tmux: Tmux, command: str) -> list[str]:
    window, pid = tmux.open(command)
    time.sleep(SETTLE_S)
    screen = tmux.screen(window)
    tmux.close(window, pid)
    return screen


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folder", type=Path, default=ROOT / "articles")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--size", default="120x36")
    args = ap.parse_args()
    if not shutil.which("tmux") or not shutil.which("newsreader"):
        print("needs tmux and the installed newsreader on PATH", file=sys.stderr)
        return 1
    precompile()  # as `pip install` does (this machine sets PYTHONDONTWRITEBYTECODE)
    scratch = Path(tempfile.mkdtemp(prefix="tmux-startup-"))
    env = (f"env XDG_CACHE_HOME={scratch}/cache XDG_CONFIG_HOME={scratch}/config "
           f"XDG_STATE_HOME={scratch}/state")
    reader = f"{env} newsreader {shlex.quote(str(args.folder.resolve()))}"
    trivial = f"{shlex.quote(sys.executable)} -c {shlex.quote(TRIVIAL)}"
    tmux = Tmux(args.size)
    try:
        warm_index(args.folder, {**os.environ, "XDG_CACHE_HOME": f"{scratch}/cache"})
        settled_screen(tmux, reader)  # leaves the reading state the timed runs open on
        target = useful_rows(settled_screen(tmux, reader))
        if not any(line.strip() for line in target):
            print("the reader's settled screen is empty", file=sys.stderr)
            return 1
        times: dict[str, list[float]] = {"trivial": [], "newsreader": []}
        for _ in range(max(1, args.runs)):
            times["trivial"].append(time_until(tmux, trivial, lambda s: any("Hello, world" in r for r in s)))
            times["newsreader"].append(time_until(tmux, reader, lambda s: useful_rows(s) == target))
    finally:
        tmux.stop()
        shutil.rmtree(scratch, ignore_errors=True)
    base = statistics.median(times["trivial"])
    load = os.getloadavg()[0]
    print(f"{args.folder} in tmux {args.size}, medians of {args.runs} alternating runs, load {load:.1f}")
    for name, ts in times.items():
        med = statistics.median(ts)
        runs = ", ".join(f"{t * 1000:.0f}" for t in ts)
        print(f"  {name:<11} {med * 1000:6.0f} ms  {med / base:4.2f}x   (runs, ms: {runs})")
    print("  (newsreader: its list titles and the shown article's first lines on screen, rows 1-10,"
          " unread markers and scrollbar thumbs aside; trivial: its text)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
