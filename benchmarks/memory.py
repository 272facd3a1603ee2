"""What the running reader holds at 100,000 articles, warm (issue 15: <= 150 MiB peak).

    python benchmarks/memory.py [--size 100000] [--wait 30] [--trace] [--types] [--scratch DIR]

One in-process session of the real app (`make_app(folder)` with its defaults: background analysis, live
reload, the index), headless at 120x36, on the folder `_common.build_folder` makes (shared with
`scale.py`); the index must have been built by an earlier run (`scale.py`, or this script once: the
first run then indexes cold, which is not a warm figure). Prints the process's RSS and its peak
(VmHWM) when every title is listed, `--wait` seconds later (the app keeps working: the filter's prefix
table, the folder's cast, background analysis, live-reload polls) and after typing a filter.

`--trace`: tracemalloc snapshots at each point, the biggest holders by file and line and what grew
since the last point (tracing slows everything and adds its own memory: read its RSS as inflated).
`--types`: the garbage collector's object counts by type (frozen objects included).

The reader's cache and state go under `--scratch` (default: the `scale.py` scratch tree).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import gc
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import SIZE, bench_env, build_folder, cache_dir, describe_environment

FILTER = "government"


def status() -> str:
    """VmRSS and VmHWM of this process, in MiB."""
    found = {}
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(("VmRSS", "VmHWM")):
                name, value = line.split(":")
                found[name] = int(value.split()[0]) // 1024
    return f"RSS {found['VmRSS']} MiB, peak {found['VmHWM']} MiB"


def where(stat: Any) -> str:
    frame = stat.traceback[0]
    name = frame.filename.split("site-packages/")[-1]
    return f"{name.split(str(Path(__file__).resolve().parents[1]) + '/')[-1]}:{frame.lineno}"


class Report:
    def __init__(self, trace: bool, types: bool) -> None:
        self.trace, self.types = trace, types
        self.started = time.monotonic()
        self.previous: Any = None

    def point(self, label: str) -> None:
        print(f"{label}: {status()}  ({time.monotonic() - self.started:.1f} s, load {os.getloadavg()[0]:.1f})",
              flush=True)
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
            print(f"  traced {total / 2**20:.1f} MiB; the biggest holders:")
            for stat in snapshot.statistics("lineno")[:15]:
                print(f"  {stat.size / 2**20:7.2f} MiB {stat.count:9,}  {where(stat)}")
            if self.previous is not None:
                print("  grown since the last point:")
                for stat in snapshot.compare_to(self.previous, "lineno")[:10]:
                    print(f"  {stat.size_diff / 2**20:+7.2f} MiB {stat.count_diff:+9,}  {where(stat)}")
            self.previous = snapshot
        sys.stdout.flush()


def session(folder: Path, n: int, wait: float, report: Report) -> None:
    import newsreader.cli  # noqa: F401 - what the console script imports first
    from newsreader.ui.app import make_app

    app = make_app(str(folder))

    async def auto_pilot(pilot: Any) -> None:
        try:
            while not (app._loaded_once and len(app.article_list.articles) >= n):
                await asyncio.sleep(0.05)
            report.point("every title listed")
            await asyncio.sleep(wait)
            report.point(f"{wait:g} s later")
            app.article_list.focus()
            await pilot.press("f")
            for ch in FILTER:
                await pilot.press(ch)
                await asyncio.sleep(0.05)
            await asyncio.sleep(2)
            report.point(f"after filtering {FILTER!r} ({len(app.article_list.articles):,} rows)")
        finally:
            os._exit(0)  # don't wait for the workers

    app.run(headless=True, size=SIZE, auto_pilot=auto_pilot)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--wait", type=float, default=30.0)
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
    session(folder, args.size, args.wait, Report(args.trace, args.types))
    return 0


if __name__ == "__main__":
    sys.exit(main())
