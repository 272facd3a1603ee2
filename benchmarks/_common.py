"""Helpers shared by the launch benchmarks (`startup.py`, `scale.py`).

- generated folders: N copies of the Wikinews bulk corpus under distinct names and dates, built once
  under ~/.cache/newsreader-bench (or $XDG_CACHE_HOME/newsreader-bench) and reused;
- the launch child (`CHILD`): a fresh `python -c` interpreter that builds the app as `newsreader` does (the
  config read and installed: `ui.terminal.reader_app`) and runs it headless, notes the
  first frame (by wrapping `App._display`) and, optionally, the moment every title is listed;
- `spawn`: runs a child, times it from the parent's spawn and reads its peak RSS with os.wait4.

CLOCK_MONOTONIC is system-wide on Linux, so the children's clock readings are comparable with the
parent's spawn time.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# the shared corpus sits beside the checkout (../shared), or beside the folder of git worktrees (../../shared)
BULK = next((p / "shared" / "corpus" / "wikinews" / "bulk" for p in (REPO.parent, REPO.parent.parent)
             if (p / "shared" / "corpus").is_dir()), REPO.parent / "shared" / "corpus" / "wikinews" / "bulk")
ARTICLES = REPO / "articles"
SIZE = (120, 36)
ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".yaml", ".yml"}

# The launch child: argv = [mode, folder, expected_count, wait_analysis, (exit_at_titles), (exit_at_useful)].
# Prints one JSON line at the end. mode "trivial" is a Textual app with one Static. Marks are CLOCK_MONOTONIC
# readings. With exit_at_titles the child prints its line and leaves with os._exit once every title is listed
# (a cold 100k folder's workers would otherwise be waited for at exit); with exit_at_useful, at its first
# useful frame (the trivial app's first, the reader's first with titles and text): what an instruction
# count under cachegrind measures (`startup.py --instructions`).
CHILD = r"""
import time
_t0 = time.monotonic()
import json, resource, sys
mode, folder, expected, wait_analysis = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1"
exit_at_titles = len(sys.argv) > 5 and sys.argv[5] == "1"
exit_at_useful = len(sys.argv) > 6 and sys.argv[6] == "1"
marks = {"interpreter": _t0}

def vm_hwm_kib():
    # this process image's own peak RSS (ru_maxrss would include the parent's, inherited through fork/exec)
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

if mode == "trivial":
    from textual.app import App
    from textual.widgets import Static

    class Trivial(App):
        def compose(self):
            yield Static("Hello, world")

    app = Trivial()
else:
    import newsreader.cli  # what the console script imports first; then its road to the reader (cmd_open)
    from pathlib import Path
    from newsreader.config import load_config
    from newsreader.ui import collector
    collector.hold()  # as cmd_open does, before Textual is imported
    from newsreader.preferences import effective_config
    from newsreader.ui.terminal import reader_app
    app = reader_app(Path(folder), effective_config(load_config()))
marks["imported"] = time.monotonic()

def _useful():
    # (titles listed, the shown article's text laid out in the reader): what a frame shows a reader
    try:
        titles = bool(app.article_list.articles)
        shown, view = app.reader_pane.article, app.reader
    except Exception:  # not composed yet
        return False, False
    text = (shown is not None and not shown.partial and bool(shown.body) and bool(view._lines)
            and shown.body[:40] in view.document.text)
    return titles, text

_display = app._display
def _noting_display(screen, renderable):
    if renderable is not None:
        now = time.monotonic()
        marks.setdefault("first_frame", now)
        marks["frames"] = marks.get("frames", 0) + 1
        if mode != "trivial" and "text" not in marks:
            titles, text = _useful()
            if titles and "titles" not in marks:
                marks["titles"], marks["titles_frame"] = now, marks["frames"]
            if text:
                marks["text"], marks["text_frame"] = now, marks["frames"]
        if exit_at_useful and (mode == "trivial" or "text" in marks):
            import os
            marks["hwm_kib"] = vm_hwm_kib()
            print("BENCH " + json.dumps(marks), flush=True)
            os._exit(0)
    return _display(screen, renderable)
app._display = _noting_display

analysis_workers = []
if wait_analysis:  # note every background-analysis worker the app starts
    _analyse_all = app.analyse_all
    def _noting_analyse_all(*args, **kwargs):
        worker = _analyse_all(*args, **kwargs)
        analysis_workers.append(worker)
        return worker
    app.analyse_all = _noting_analyse_all

async def auto_pilot(pilot):
    import asyncio
    while "first_frame" not in marks:
        await asyncio.sleep(0.002)
    await pilot.pause()
    if mode != "trivial":  # until the first article's text has been painted (or a minute has passed)
        deadline = time.monotonic() + 60
        while "text" not in marks and time.monotonic() < deadline:
            await asyncio.sleep(0.005)
    if mode != "trivial" and expected:
        from newsreader.ui.article_list import ArticleList
        deadline = time.monotonic() + 300
        while len(app.query_one(ArticleList).articles) < expected and time.monotonic() < deadline:
            await asyncio.sleep(0.005)
        marks["all_titles"] = time.monotonic()
        marks["listed"] = len(app.query_one(ArticleList).articles)
        marks["hwm_kib_at_titles"] = vm_hwm_kib()
        if exit_at_titles:
            import os
            marks["hwm_kib"] = marks["hwm_kib_at_titles"]
            print("BENCH " + json.dumps(marks), flush=True)
            os._exit(0)
        if wait_analysis:  # until the background analysis the app started has finished
            deadline = time.monotonic() + 900
            while time.monotonic() < deadline:
                if analysis_workers and all(w.is_finished for w in analysis_workers):
                    marks["analysed"] = time.monotonic()
                    break
                await asyncio.sleep(0.05)
    app.exit()

app.run(headless=True, size=(120, 36), auto_pilot=auto_pilot)
marks["hwm_kib"] = vm_hwm_kib()
print("BENCH " + json.dumps(marks), flush=True)
"""


# ------------------------------------------------------------------------------------ environment


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsreader-bench"


def bench_env(scratch: Path) -> dict[str, str]:
    """The children's environment: the reader's state and caches under `scratch`, not the user's home."""
    scratch.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "XDG_CACHE_HOME": str(scratch / "cache"), "XDG_STATE_HOME": str(scratch / "state"),
           "XDG_CONFIG_HOME": str(scratch / "config")}  # no config file there: the defaults, as they are shipped
    env.pop("NO_COLOR", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    return env


def describe_environment(argv: Sequence[str]) -> list[str]:
    """The lines a benchmark prints first: the exact command, the machine, the versions."""
    import importlib.metadata as md
    import sqlite3

    try:
        textual_version = md.version("textual")
    except md.PackageNotFoundError:  # pragma: no cover
        textual_version = "?"
    try:
        rich_version = md.version("rich")
    except md.PackageNotFoundError:  # pragma: no cover
        rich_version = "?"
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem = next(ln for ln in Path("/proc/meminfo").read_text().splitlines() if ln.startswith("MemTotal"))
        mem_gib = f"{int(mem.split()[1]) / 1024 / 1024:.1f} GiB RAM"
    except (OSError, StopIteration, ValueError):
        mem_gib = "RAM ?"
    commit = subprocess.run(
        ["git", "-C", str(REPO), "describe", "--always", "--dirty"], capture_output=True, text=True, check=False
    ).stdout.strip() or "?"
    command = " ".join([Path(sys.executable).name, *argv])
    return [
        f"command: {command}   (cwd {Path.cwd()})",
        f"machine: {os.cpu_count()} CPUs ({cpu}), {mem_gib}, {platform.system()} {platform.release()},"
        f" load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} (shared: compare against the trivial app)",
        (f"python {sys.version.split()[0]}, textual {textual_version}, rich {rich_version},"
         f" sqlite {sqlite3.sqlite_version}; newsreader at {commit}"),
    ]


# ----------------------------------------------------------------------------------------- folders


def count_articles(folder: Path | str) -> int:
    """Article files under `folder` (hidden ones skipped), counted without keeping any list."""
    n = 0
    with os.scandir(folder) as it:
        for entry in it:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                n += count_articles(entry.path)
            elif os.path.splitext(entry.name)[1].lower() in ARTICLE_SUFFIXES:
                n += 1
    return n


def build_folder(folder: Path, n: int) -> Path:
    """`n` articles from the bulk corpus: distinct file names, distinct dates, marked copies.

    Built once (a `.complete` marker holds `n`) in a temporary sibling folder, then renamed into place.
    Copy k of a corpus file has " (copy k)" appended to its title; article i is dated i days before
    2024-12-31. (These are the 10k folder's rules of `startup.py`, unchanged, so an existing folder is reused.)
    """
    marker = folder / ".complete"
    if marker.is_file() and marker.read_text().strip() == str(n):
        return folder
    sources = sorted(BULK.glob("*.txt"))
    if not sources:
        sys.exit(f"benchmarks: no corpus at {BULK}")
    texts = [p.read_text(encoding="utf-8") for p in sources]
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".building-", dir=folder.parent))
    start = dt.date(2024, 12, 31)
    width = max(5, len(str(n - 1)))
    for i in range(n):
        text = texts[i % len(texts)]
        copy = i // len(texts)
        date = start - dt.timedelta(days=i)
        lines = text.split("\n")
        out = []
        in_front = lines and lines[0] == "---"
        for j, line in enumerate(lines):
            if in_front and j > 0 and line == "---":
                in_front = False
            elif in_front and line.startswith("date:"):
                line = f"date: {date.isoformat()}"
            elif in_front and line.startswith("title:") and copy:
                line = f"{line} (copy {copy})"
            out.append(line)
        name = f"{i:0{width}d}-{sources[i % len(sources)].stem[:60]}.txt"
        (tmp / name).write_text("\n".join(out), encoding="utf-8")
    (tmp / ".complete").write_text(str(n))
    if folder.exists():
        shutil.rmtree(folder)
    tmp.rename(folder)
    return folder


# ------------------------------------------------------------------------------------------ children


class ChildFailed(RuntimeError):
    pass


def spawn(args: Sequence[str], env: dict[str, str], timeout: float | None = None) -> dict:
    """Run one child; its `BENCH {json}` line, plus `spawned`, `exited` (monotonic) and `rss_mib` (wait4).

    ru_maxrss from wait4 carries the parent's peak RSS over fork+exec on Linux, so the children also
    report their own VmHWM, which is the figure the benchmarks print.
    """
    with tempfile.TemporaryFile() as errfile, tempfile.TemporaryFile() as outfile:
        spawned = time.monotonic()
        proc = subprocess.Popen(list(args), stdout=outfile, stderr=errfile, stdin=subprocess.DEVNULL, env=env)
        deadline = None if timeout is None else spawned + timeout
        while True:  # wait4 gives this child's own rusage (its peak RSS)
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG if deadline else 0)
            if pid:
                break
            if deadline is not None and time.monotonic() > deadline:
                proc.kill()
                _, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
        exited = time.monotonic()
        proc.returncode = os.waitstatus_to_exitcode(status)
        outfile.seek(0)
        out = outfile.read().decode(errors="replace")
        errfile.seek(0)
        err = errfile.read().decode(errors="replace")
    line = next((ln for ln in out.splitlines() if ln.startswith("BENCH ")), None)
    if proc.returncode != 0 or line is None:
        raise ChildFailed(f"child {list(args)[1:3]} failed (status {proc.returncode}):\n{err[-3000:]}\n{out[-2000:]}")
    marks = json.loads(line[6:])
    marks.update(spawned=spawned, exited=exited, rss_mib=usage.ru_maxrss / 1024)
    return marks


def child_command(mode: str, folder: Path | str, expected: int, *, wait_analysis: bool = False,
                  exit_at_titles: bool = False, exit_at_useful: bool = False) -> list[str]:
    """The command line of one launch child (`CHILD`)."""
    return [sys.executable, "-c", CHILD, mode, str(folder), str(expected), "1" if wait_analysis else "0",
            "1" if exit_at_titles else "0", "1" if exit_at_useful else "0"]


def run_child(
    mode: str,
    folder: Path | str,
    expected: int,
    env: dict[str, str],
    wait_analysis: bool = False,
    exit_at_titles: bool = False,
) -> dict:
    """One launch (`CHILD`): times from spawn, in seconds; peak RSS in MiB."""
    args = child_command(mode, folder, expected, wait_analysis=wait_analysis, exit_at_titles=exit_at_titles)
    try:
        marks = spawn(args, env)
    except ChildFailed as exc:
        sys.exit(f"benchmarks: the {mode} launch child failed: {exc}")
    spawned = marks["spawned"]
    result = {
        "first_frame": marks["first_frame"] - spawned,
        "imports": marks["imported"] - spawned,
        "exit": marks["exited"] - spawned,
        "rss_mib": marks["hwm_kib"] / 1024,  # VmHWM of the child's own image
        "wait4_rss_mib": marks["rss_mib"],  # ru_maxrss: also counts the parent's RSS at fork time
    }
    for mark in ("titles", "text"):  # the first frame showing the titles / the shown article's text
        if mark in marks:
            result[mark] = marks[mark] - spawned
            result[f"{mark}_frame"] = marks[f"{mark}_frame"]
    if "all_titles" in marks:
        result["all_titles"] = marks["all_titles"] - spawned
        result["listed"] = marks["listed"]
        result["rss_at_titles_mib"] = marks["hwm_kib_at_titles"] / 1024
    if "analysed" in marks:
        result["analysed"] = marks["analysed"] - spawned
    return result


def precompile() -> None:
    """Byte-compile the package, as `pip install` does: this machine sets PYTHONDONTWRITEBYTECODE, so
    without it every launch would compile newsreader's modules from source (~0.1 s) while the trivial
    app's Textual comes precompiled from site-packages, which is not the comparison we mean."""
    import compileall

    compileall.compile_dir(str(REPO / "newsreader"), quiet=1)


def warm_index(folder: Path | str, env: dict[str, str]) -> float:
    """Build (or bring up to date) the folder's index in the cache of `env`, to the end; returns seconds.

    A launch child leaves as soon as it has what it measures, stopping the indexer mid-way, so "warm"
    runs get their complete index from here, not from a warm-up launch.
    """
    code = "import sys; from newsreader.session import Session; Session(sys.argv[1]).refresh()"
    started = time.monotonic()
    subprocess.run([sys.executable, "-c", code, str(folder)], env=env, check=True)
    return time.monotonic() - started


# -------------------------------------------------------------------------------------------- stats


def median(results: Iterable[dict], key: str) -> float:
    return statistics.median(r[key] for r in results)


def verdict(value: float, bar: float) -> str:
    return "ok" if value <= bar else "OVER"
