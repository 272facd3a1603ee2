"""What the running reader holds at 100,000 articles, warm (issue 15: <= 150 MiB peak).

    python benchmarks/memory.py [--size 100000] [--session points|filter] [--wait 30] [--breakdown]
                                [--trace] [--types] [--scratch DIR]

One in-process session of the real app (`make_app(folder)` with its defaults: background analysis, live
reload, the index), headless at 120x36, on the folder `_common.build_folder` makes (shared with
`scale.py`); the index must have been built by an earlier run (`scale.py`, or this script once: the
first run then indexes cold, which is not a warm figure). Prints the process's RSS and its peak (VmHWM)
at each point of the session, and at the end which stretch of the session each rise of the peak came in.

`--session points` (the default): every title listed, `--wait` seconds later (the app keeps working: the
filter's prefix table, background analysis, live-reload polls), then one filter typed.
`--session filter`: the session of `scale.py --only filter`: once every title is listed, wait for the
filter's prefix table, then type its five queries key by key (each key waits for its rows, then 50 ms),
`escape` between them; background analysis runs whenever the keyboard is quiet.

`--breakdown`: at each point, where the RSS is: anonymous / file-backed / shared pages; glibc malloc's
heaps (in use, free, mmapped chunks, number of heaps: `mallinfo2`, `malloc_info`); SQLite's own heap
(`sqlite3_memory_used`, and its high-water mark); Python's small-object arenas (`sys._debugmallocstats`);
threads. Python's objects bigger than 512 bytes (lists, dicts, arrays, long strings) come from malloc, as
SQLite's do: "malloc in use" holds both. The peak log then carries malloc and SQLite figures too.
`--trace`: tracemalloc snapshots at each point, the biggest holders by file and line and what grew
since the last point (tracing slows everything and adds its own memory: read its RSS as inflated).
`--types`: the garbage collector's object counts by type (frozen objects included).

The reader's cache and state go under `--scratch` (default: the `scale.py` scratch tree).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import ctypes
import gc
import os
import re
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import SIZE, bench_env, build_folder, cache_dir, describe_environment

FILTER = "government"
FILTER_QUERIES = ["government", "trump", "police said", "election", "minister"]  # scale.py --only filter's
KEY_GAP_S = 0.05
MiB = 2**20


def proc_status() -> dict[str, int]:
    """This process's /proc status figures in KiB (VmRSS, VmHWM, RssAnon, RssFile, RssShmem) and Threads."""
    found = {}
    with open("/proc/self/status") as f:
        for line in f:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM", "RssAnon", "RssFile", "RssShmem", "Threads"):
                found[name] = int(value.split()[0])
    return found


def status() -> str:
    found = proc_status()
    return f"RSS {found['VmRSS'] // 1024} MiB, peak {found['VmHWM'] // 1024} MiB"


class _Mallinfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]


class Breakdown:
    """Where this process's memory is, from glibc, SQLite and CPython themselves (see the docstring)."""

    def __init__(self) -> None:
        self.libc = ctypes.CDLL(None)
        self.libc.mallinfo2.restype = _Mallinfo2
        self.libc.fopen.restype = ctypes.c_void_p
        self.libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        self.libc.fclose.argtypes = [ctypes.c_void_p]
        self.libc.malloc_info.argtypes = [ctypes.c_int, ctypes.c_void_p]
        import sqlite3  # noqa: F401 - the library the reader uses, loaded (dlopen then finds that very one)

        self.sqlite = ctypes.CDLL(self._loaded("libsqlite3"))
        self.sqlite.sqlite3_memory_used.restype = ctypes.c_int64
        self.sqlite.sqlite3_memory_highwater.restype = ctypes.c_int64
        self.sqlite.sqlite3_memory_highwater.argtypes = [ctypes.c_int]

    @staticmethod
    def _loaded(stem: str) -> str:
        with open("/proc/self/maps") as f:
            for line in f:
                path = line.split()[-1]
                if os.path.basename(path).startswith(stem + "."):
                    return path
        return stem + ".so.0"

    def malloc(self) -> dict[str, int]:
        """glibc's totals over every heap, in bytes: in use (small chunks and mmapped big ones), free."""
        info = self.libc.mallinfo2()
        return {"heaps": info.arena, "in_use": info.uordblks + info.hblkhd, "free": info.fordblks,
                "mmapped": info.hblkhd}

    def heap_count(self) -> int:
        """How many malloc heaps (arenas) the process has (`malloc_info`'s XML, one <heap> each)."""
        with tempfile.NamedTemporaryFile("r", suffix=".xml") as out:
            fp = self.libc.fopen(out.name.encode(), b"w")
            if not fp:
                return -1
            self.libc.malloc_info(0, fp)
            self.libc.fclose(fp)
            return out.read().count("<heap nr=")

    def sqlite_heap(self) -> tuple[int, int]:
        """SQLite's heap in use and its high-water mark, in bytes (every connection of the process)."""
        return self.sqlite.sqlite3_memory_used(), self.sqlite.sqlite3_memory_highwater(0)

    @staticmethod
    def obmalloc() -> dict[str, int]:
        """Python's small-object allocator: its arenas (1 MiB each, mmapped), the bytes in use in them and
        the bytes free in them (`sys._debugmallocstats`, which writes to the C stderr: caught in a file)."""
        with tempfile.TemporaryFile("w+") as out:
            sys.stderr.flush()
            saved = os.dup(2)
            try:
                os.dup2(out.fileno(), 2)
                sys._debugmallocstats()
            finally:
                os.dup2(saved, 2)
                os.close(saved)
            out.seek(0)
            text = out.read()

        def figure(label: str) -> int:
            found = re.search(re.escape(label) + r"\s*=\s*([\d,]+)", text)
            return int(found.group(1).replace(",", "")) if found else -1

        arenas = re.search(r"(\d+) arenas \* (\d+) bytes/arena", text)
        unused = re.search(r"(\d+) unused pools \* (\d+) bytes", text)
        free = figure("# bytes in available blocks") + (int(unused.group(1)) * int(unused.group(2)) if unused else 0)
        return {"arenas": int(arenas.group(1)) if arenas else -1,
                "bytes": int(arenas.group(1)) * int(arenas.group(2)) if arenas else -1,
                "in_use": figure("# bytes in allocated blocks"), "free": free}

    def lines(self) -> list[str]:
        s = proc_status()
        m = self.malloc()
        used, high = self.sqlite_heap()
        py = self.obmalloc()
        return [
            f"  RSS {s['VmRSS'] / 1024:.0f} MiB = anonymous {s['RssAnon'] / 1024:.0f} + files {s['RssFile'] / 1024:.0f}"
            f" + shared {s['RssShmem'] / 1024:.0f}; {s['Threads']} threads",
            f"  malloc: {self.heap_count()} heaps of {m['heaps'] / MiB:.1f} MiB (+ {m['mmapped'] / MiB:.1f} MiB mmapped"
            f" chunks): in use {m['in_use'] / MiB:.1f} MiB, free {m['free'] / MiB:.1f} MiB",
            f"  of which SQLite: {used / MiB:.1f} MiB in use (high-water {high / MiB:.1f} MiB)",
            f"  Python small objects: {py['arenas']} arenas of {py['bytes'] / MiB:.1f} MiB:"
            f" in use {py['in_use'] / MiB:.1f} MiB, free {py['free'] / MiB:.1f} MiB" if py["arenas"] >= 0 else
            "  Python small objects: not counted while tracemalloc runs (its hooks hide them)",
        ]

    def compact(self) -> str:
        """The cheap figures (no allocator walk): for the peak log, taken while the app runs."""
        m = self.malloc()
        used, _high = self.sqlite_heap()
        return (f"malloc in use {m['in_use'] / MiB:.0f} free {m['free'] / MiB:.0f}, SQLite {used / MiB:.1f},"
                f" RssAnon {proc_status()['RssAnon'] / 1024:.0f} MiB")


def where(stat: Any) -> str:
    frame = stat.traceback[0]
    name = frame.filename.split("site-packages/")[-1]
    return f"{name.split(str(Path(__file__).resolve().parents[1]) + '/')[-1]}:{frame.lineno}"


class PeakLog:
    """A thread reading VmHWM ten times a second: each rise of the peak, with the stretch of the session
    (`phase`) it came in, so the peak can be pinned on what the app was doing."""

    STEP_KIB = 1024

    def __init__(self, breakdown: Breakdown | None) -> None:
        self.breakdown = breakdown
        self.phase = "starting"
        self.rises: list[tuple[float, str, int, str]] = []  # (time, phase, VmHWM KiB, compact breakdown)
        self.started = time.monotonic()
        self._noted = 0
        threading.Thread(target=self._run, name="peak-log", daemon=True).start()

    def _run(self) -> None:
        while True:
            hwm = proc_status()["VmHWM"]
            if hwm >= self._noted + self.STEP_KIB:
                self._noted = hwm
                extra = self.breakdown.compact() if self.breakdown is not None else ""
                self.rises.append((time.monotonic() - self.started, self.phase, hwm, extra))
            time.sleep(0.1)

    def report(self) -> None:
        by_phase: dict[str, tuple[int, int]] = {}
        for _t, phase, hwm, _extra in self.rises:
            low, _high = by_phase.get(phase, (hwm, hwm))
            by_phase[phase] = (min(low, hwm), hwm)
        print("the peak (VmHWM) rose, by stretch of the session:")
        previous = 0
        for phase, (_low, high) in by_phase.items():
            print(f"  {phase:<40} to {high / 1024:6.0f} MiB  (+{(high - previous) / 1024:.0f})")
            previous = high
        print("its last rises:")
        for t, phase, hwm, extra in self.rises[-6:]:
            print(f"  {t:6.1f} s  {hwm / 1024:6.0f} MiB  {phase:<30} {extra}")


class Report:
    def __init__(self, trace: bool, types: bool, breakdown: Breakdown | None, peaks: PeakLog) -> None:
        self.trace, self.types, self.breakdown, self.peaks = trace, types, breakdown, peaks
        self.started = time.monotonic()
        self.previous: Any = None

    def phase(self, label: str) -> None:
        self.peaks.phase = label

    def point(self, label: str) -> None:
        print(f"{label}: {status()}  ({time.monotonic() - self.started:.1f} s, load {os.getloadavg()[0]:.1f})",
              flush=True)
        if self.breakdown is not None:
            print("\n".join(self.breakdown.lines()))
        if self.types:
            gc.unfreeze()  # (frozen objects are not listed otherwise)
            objects = gc.get_objects()
            gc.freeze()
            top = collections.Counter(type(o).__name__ for o in objects).most_common(12)
            print(f"  {len(objects):,} objects: " + ", ".join(f"{name} {n:,}" for name, n in top))
            del objects
        if self.trace:
            import tracemalloc

            snapshot = tracemalloc.take_snapshot()
            total = sum(s.size for s in snapshot.statistics("filename"))
            print(f"  traced {total / MiB:.1f} MiB; the biggest holders:")
            for stat in snapshot.statistics("lineno")[:15]:
                print(f"  {stat.size / MiB:7.2f} MiB {stat.count:9,}  {where(stat)}")
            if self.previous is not None:
                print("  grown since the last point:")
                for stat in snapshot.compare_to(self.previous, "lineno")[:10]:
                    print(f"  {stat.size_diff / MiB:+7.2f} MiB {stat.count_diff:+9,}  {where(stat)}")
            self.previous = snapshot
        sys.stdout.flush()


async def until(predicate: Any, timeout: float, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(step)
    return True


async def points_session(app: Any, pilot: Any, wait: float, report: Report) -> None:
    """Listed, `wait` s later, one filter typed."""
    report.phase(f"the {wait:g} s after listing")
    await asyncio.sleep(wait)
    report.point(f"{wait:g} s later")
    report.phase(f"typing {FILTER!r}")
    app.article_list.focus()
    await pilot.press("f")
    for ch in FILTER:
        await pilot.press(ch)
        await asyncio.sleep(0.05)
    await asyncio.sleep(2)
    report.point(f"after filtering {FILTER!r} ({len(app.article_list.articles):,} rows)")


async def filter_session(app: Any, pilot: Any, report: Report) -> None:
    """`scale.py --only filter`'s session: the prefix table, then five queries key by key."""
    lst, list_pane = app.article_list, app.list_pane
    shown: list[str] = []  # the filter text of each list the list pane handed the list
    set_articles = lst.set_articles

    def noting_set_articles(*args: Any, **kwargs: Any) -> None:
        set_articles(*args, **kwargs)
        shown.append(list_pane.filter_text)

    lst.set_articles = noting_set_articles
    report.phase("building the filter's prefix table")
    t = time.monotonic()
    await until(lambda: app.session.filter_ready, 300)
    report.point(f"the prefix table built ({time.monotonic() - t:.1f} s)")
    lst.focus()
    for query in FILTER_QUERIES:
        report.phase(f"typing {query!r}")
        await pilot.press("f")
        await until(lambda: app.focused is not None and app.focused.id == "filter-input", 5, 0.01)
        await asyncio.sleep(0.1)
        for i in range(len(query)):
            mark = len(shown)
            await pilot.press(query[i] if query[i] != " " else "space")
            await until(lambda: len(shown) > mark and shown[-1] == query[:i + 1], 30, 0.005)  # noqa: B023
            await asyncio.sleep(KEY_GAP_S)
        report.phase(f"after {query!r}")
        mark = len(shown)
        await pilot.press("escape")
        await until(lambda: len(shown) > mark and shown[-1] == "", 10, 0.01)  # noqa: B023
        lst.focus()
        await asyncio.sleep(0.3)
    done, total = app.session.analysed_count()
    report.point(f"after {len(FILTER_QUERIES)} filters ({done:,} of {total:,} analysed)")


def session(folder: Path, n: int, kind: str, wait: float, report: Report) -> None:
    import newsreader.cli  # noqa: F401 - what the console script imports first
    from newsreader.ui.app import make_app

    app = make_app(str(folder))

    async def auto_pilot(pilot: Any) -> None:
        try:
            report.phase("listing")
            await until(lambda: app._loaded_once and len(app.article_list.articles) >= n, 600)
            report.point("every title listed")
            if kind == "filter":
                await filter_session(app, pilot, report)
            else:
                await points_session(app, pilot, wait, report)
            report.peaks.report()
        finally:
            sys.stdout.flush()
            os._exit(0)  # don't wait for the workers

    app.run(headless=True, size=SIZE, auto_pilot=auto_pilot)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--session", choices=["points", "filter"], default="points")
    parser.add_argument("--wait", type=float, default=30.0, help="with --session points")
    parser.add_argument("--breakdown", action="store_true")
    parser.add_argument("--trace", action="store_true")
    parser.add_argument("--types", action="store_true")
    parser.add_argument("--scratch", type=Path, default=None)
    parser.add_argument("--child", type=Path, default=None, help=argparse.SUPPRESS)  # the folder
    args = parser.parse_args()
    if args.child is None:  # the session runs in a process of its own, with the scratch tree's environment
        print("\n".join(describe_environment(sys.argv)), flush=True)
        folder = build_folder(cache_dir() / f"wikinews-{args.size}", args.size)
        env = bench_env(args.scratch or cache_dir() / "scale-xdg")
        os.execve(sys.executable, [sys.executable, *sys.argv, "--child", str(folder)], env)
    folder = args.child
    if args.trace:
        import tracemalloc

        tracemalloc.start(1)
    breakdown = Breakdown() if args.breakdown else None
    report = Report(args.trace, args.types, breakdown, PeakLog(breakdown))
    session(folder, args.size, args.session, args.wait, report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
