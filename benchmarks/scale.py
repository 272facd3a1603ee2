"""newsreader at scale: 31, 10,000 and 100,000 articles, cold and warm index (issue 6, DESIGN §5).

    python benchmarks/scale.py [--quick] [--runs 5]
    python benchmarks/scale.py --only filter [--quick] [--sizes 100000] [--sessions 3]

Prints figures and verdicts; asserts nothing. `--quick` skips the 100,000-article folder. `--only filter`
runs only the warm filter sessions (several queries, every key timed, and the session's peak RSS once the
folder has been checked and filtered), on the scratch tree as the last full run left it (no cold index,
no launches; a missing index is built in the session, before anything is timed).

Folders: the shipped `articles/` (31), and 10,000 / 100,000 copies of `../shared/corpus/wikinews/bulk`
under distinct names and dates (`_common.build_folder`), built once under ~/.cache/newsreader-bench and
reused (the 100k folder is ~700 MB on disk). The reader's cache and state go to a scratch XDG tree
there too, emptied at the start of every run of this script, so "cold" is really cold.

Launch (every run a fresh `python -c` child, as in `startup.py`; one discarded warm-up round, then
`--runs` rounds, cases round-robin so machine load affects all alike):
  first frame   spawn -> the first frame rendered (`App._display` wrapped)
  titles+text   spawn -> the first frame showing the list's titles and the shown article's text (the first
                useful frame, issue 15)
  all titles    spawn -> the list holds every article
  peak RSS      the child's VmHWM when every title is listed (the child then leaves with os._exit):
                its peak over its whole life up to that point. (Not wait4's ru_maxrss: Linux carries
                the parent's peak RSS into the child through fork+exec.)
  warm = the index built by an earlier run; cold = an empty cache directory for that run.

Interaction (one in-process child per case: the real app, `make_app(folder)` with its defaults, i.e.
background analysis, live reload and the index on, run headless at 120x36 with an auto-pilot).
Keys are sent the way the terminal driver sends them (`driver.send_message(Key)`); a latency is the time
from sending the key to the first frame rendered that shows its result:
  move          `j` in the list -> the reader shows the new article (its key, a new document text)
  filter        each keystroke of a query typed into the filter bar (`f`) -> the list holds that
                prefix's result. A key typed on its own is filtered at once (the list's 20 ms debounce
                only merges bursts: pastes, held keys); "work" is the part after the filter starts (the
                query in a worker, from the prefix table or FTS, the message back, the list replaced);
                "echo" is the key -> the first frame showing it typed in the bar (the app holds that
                frame up to 40 ms for the key's rows, so that one frame shows both); "UI CPU" is the
                UI thread's time on a CPU from the key to that frame (Linux schedstat): the key's own
                cost, which the machine's load barely moves. `--only filter` also breaks the slowest
                keys down (`report_key_breakdown`): the UI thread's run-queue wait (the machine's
                load), the other threads' CPU meanwhile and the busiest (each worker's thread takes
                its worker's name), the garbage collections inside the key (`gc.callbacks`), and the
                key's way: to the filter's start, to the worker's query, the query (wall and CPU),
                back to the UI thread, the listing, and from there to the frame (the paint)
  find          each keystroke typed into the find bar (`/`) -> the matches are drawn
  cold          the app opened on an empty cache: when the progress bar is first drawn, when every
                title is listed, when the index (written by the indexer child process) is complete;
                `j`/`k` pressed every 0.25 s throughout
                (`j` three times, then `k`), each timed to its preview
The trivial app (a Static and an Input) is measured in the same run: a key bound to update the Static,
and typing into the Input (its Changed handler updates the Static), key -> frame, as the floor.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    ARTICLES,
    BULK,
    REPO,
    SIZE,
    ChildFailed,
    bench_env,
    build_folder,
    cache_dir,
    count_articles,
    describe_environment,
    precompile,
    run_child,
    spawn,
    verdict,
)

MOVES = 30
MOVE_GAP_S = 0.05
KEY_GAP_S = 0.05
COLD_KEY_GAP_S = 0.25
FILTER_QUERIES_BIG = ["government", "trump"]
FILTER_QUERIES_31 = ["government", "trump", "actor:trump"]
FILTER_QUERIES_MANY = ["government", "trump", "police said", "election", "minister"]  # `--only filter`
FIND_QUERIES = ["government", "the president"]
FIND_WORDS = 50_000

BARS = {
    "first_frame_ratio_31": 1.5,
    "first_frame_ratio": 2.0,
    "titles_10k": 1.5,
    "rss_10k": 150.0,
    "titles_100k": 2.0,
    "rss_100k": 150.0,  # issue 15 (warm)
    "filter_ms": 100.0,  # issue 15: the worst key at 100,000
    "filter_median_ms": 50.0,
    "useful_ratio_31": 1.3,  # issue 15: titles and article text on screen / the trivial app's first frame
    "useful_ratio_10k": 1.5,
    "cold_key_ms_10k": 150.0,
    "cold_key_ms_100k": 100.0,
    "cold_key_ms_tmux": 150.0,  # issue 15: in a real terminal, at 10,000
    "find_ms": 16.0,
}


# ===================================================================================== the child


def child_main(spec: dict[str, Any]) -> None:
    """One in-process session (`--child SPEC`): prints `BENCH {json}`."""
    t_start = time.monotonic()
    import asyncio
    import operator
    import resource
    import unicodedata

    from textual import events
    from textual.app import App
    from textual.keys import (
        REPLACED_KEYS,
        _character_to_key,
        _get_unicode_name_from_key,
    )

    out: dict[str, Any] = {"interpreter": t_start}
    sampler = _Sampler() if spec.get("diagnose") else None

    def vm_hwm_kib() -> int:
        """This process image's own peak RSS (ru_maxrss also counts the parent's, through fork/exec)."""
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    if spec["app"] == "trivial":
        from textual.widgets import Input, Static

        class Trivial(App[None]):
            BINDINGS = [("j", "bump", "bump")]

            def __init__(self) -> None:
                super().__init__()
                self.value = ""
                self.typed: list[tuple[float, str]] = []  # (when, value) per Input.Changed

            def compose(self):
                yield Static("0", id="shown")
                yield Input(id="typed")

            def action_bump(self) -> None:
                self.value = str(int(self.value or 0) + 1)
                self.query_one("#shown", Static).update(self.value)

            def on_input_changed(self, event: Input.Changed) -> None:
                self.value = event.value
                self.query_one("#shown", Static).update(self.value)
                self.typed.append((time.monotonic(), event.value))

        app: Any = Trivial()
    else:
        import newsreader.cli  # noqa: F401 - what the console script imports first
        from newsreader.ui.app import make_app

        app = make_app(spec["folder"], **spec.get("app_kwargs", {}))  # (kwargs: for diagnosis only)
    out["imported"] = time.monotonic()

    # ------------------------------------------------------------------ frames and key presses
    waiters: list[tuple[Any, asyncio.Future[float]]] = []
    frames = {"first": None, "count": 0}
    display = app._display

    def noting_display(screen: Any, renderable: Any) -> None:
        if renderable is not None:
            now = time.monotonic()
            if frames["first"] is None:
                frames["first"] = now
            frames["count"] += 1
            for item in list(waiters):
                predicate, fut = item
                if fut.done():
                    waiters.remove(item)
                elif predicate():
                    fut.set_result(now)
                    waiters.remove(item)
        display(screen, renderable)

    app._display = noting_display

    def painted(predicate: Any) -> asyncio.Future[float]:
        """A future: the time of the first frame rendered while `predicate()` holds."""
        fut: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        waiters.append((predicate, fut))
        return fut

    async def wait(fut: asyncio.Future[float], timeout: float = 60.0) -> float | None:
        try:
            return await asyncio.wait_for(asyncio.shield(fut), timeout)
        except TimeoutError:
            fut.cancel()  # dropped from the waiters at the next frame
            return None

    def press(key: str) -> float:
        """Send one key as the terminal driver does; returns the send time."""
        if len(key) == 1 and not key.isalnum():
            key = _character_to_key(key)
        try:
            char: str | None = unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(key, key)))
        except KeyError:
            char = key if len(key) == 1 else None
        event = events.Key(key, char)
        event.set_sender(app)
        sent = time.monotonic()
        app._driver.send_message(event)
        return sent

    async def until(predicate: Any, timeout: float = 300.0, step: float = 0.005) -> float | None:
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                return None
            await asyncio.sleep(step)
        return time.monotonic()

    def shown_key() -> str | None:
        article = app.reader_pane.article
        return article.key if article is not None else None

    import threading

    schedstat = f"/proc/self/task/{threading.main_thread().native_id}/schedstat"

    import gc
    import inspect

    collections_seen: list[tuple[float, float, int]] = []  # (start, end, generation) of every collection
    gc_started = [0.0]

    def on_gc(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            gc_started[0] = time.monotonic()
        else:
            collections_seen.append((gc_started[0], time.monotonic(), info.get("generation", -1)))

    gc.callbacks.append(on_gc)

    from textual.worker import Worker

    run_threaded = Worker._run_threaded

    async def naming_run_threaded(worker: Any) -> Any:
        """Each thread worker's thread takes its worker's name while it runs (for `others_cpu`)."""
        work = worker._work
        if callable(work) and not inspect.iscoroutinefunction(getattr(work, "func", work)):
            def named() -> Any:
                threading.current_thread().name = worker.description or worker.name
                return work()

            worker._work = named
        return await run_threaded(worker)

    Worker._run_threaded = naming_run_threaded

    def threads_cpu() -> dict[int, float]:
        """Every thread's time on a CPU so far (s), by native id (Linux schedstat)."""
        found = {}
        for tid in os.listdir("/proc/self/task"):
            try:
                with open(f"/proc/self/task/{tid}/schedstat") as f:
                    found[int(tid)] = int(f.read().split()[0]) / 1e9
            except (OSError, ValueError):
                continue
        return found

    def others_cpu(before: dict[int, float], after: dict[int, float]) -> tuple[float, str]:
        """The other threads' CPU between two `threads_cpu` readings (while it runs Python, a thread
        holds the interpreter lock the UI thread may be waiting for), and the busiest one's name."""
        names = {t.native_id: t.name for t in threading.enumerate()}
        main_id = threading.main_thread().native_id
        spent = {tid: t - before.get(tid, 0.0) for tid, t in after.items() if tid != main_id}
        busiest = max(spent, key=spent.__getitem__, default=None)
        label = "" if busiest is None or spent[busiest] < 0.0005 else names.get(busiest, str(busiest))
        return sum(spent.values()), label[:28]

    def collections_between(start: float, end: float) -> tuple[int, float, int]:
        """(collections, their time in the window, the oldest generation collected; -1: none)."""
        inside = [(s, e, g) for s, e, g in collections_seen if e > start and s < end]
        return (len(inside), sum(min(e, end) - max(s, start) for s, e, _g in inside),
                max((g for _s, _e, g in inside), default=-1))

    def ui_thread_times() -> tuple[float, float]:
        """The UI thread's time on a CPU and time spent runnable, waiting for one (s; Linux schedstat):
        how much of a key's latency was this process's work and how much the machine's load."""
        try:
            with open(schedstat) as f:
                ran, waited, _ = f.read().split()
        except (OSError, ValueError):
            return 0.0, 0.0
        return int(ran) / 1e9, int(waited) / 1e9

    # -------------------------------------------------------------------------- measurements
    async def moves_newsreader(n: int, gap: float, keys: list[str] | None = None,
                               while_: Any = None) -> list[dict[str, Any]]:
        lst = app.article_list
        rows = []
        i = 0
        while i < n:
            if while_ is not None and not while_():
                break
            key = keys[i % len(keys)] if keys else "j"
            old_key, old_cursor = shown_key(), lst.cursor
            if key == "k" and old_cursor == 0:
                key = "j"
            progress = app._progress
            stage = "done" if app._loaded_once else ("listing" if progress and progress[2] == "listing" else "indexing")
            moved = painted(lambda: lst.cursor != old_cursor)  # noqa: B023 - polled within this iteration
            shown = painted(lambda: (shown_key() is not None and shown_key() != old_key  # noqa: B023 - polled within this iteration
                                     and not app.reader_pane.article.partial and lst.current is not None
                                     and shown_key() == lst.current.key))
            ran, waited = ui_thread_times()
            sent = press(key)
            t_shown = await wait(shown, 30)
            ran_after, waited_after = ui_thread_times()
            t_moved = await wait(moved, 1)
            rows.append({
                "key": key, "stage": stage, "sent": sent,
                "moved": None if t_moved is None else t_moved - sent,
                "preview": None if t_shown is None else t_shown - sent,
                "ui_cpu": ran_after - ran, "ui_runqueue": waited_after - waited,
            })
            if sampler is not None:  # now, while its samples are kept
                out.setdefault("late_keys", []).extend(sampler.explain(rows[-1:], LATE_S))
            i += 1
            await asyncio.sleep(gap)
        return rows

    async def type_query(text: str, recorded: list[tuple[float, str]], current: Any,
                         starts: list[float] | None = None, typed_into: Any = None) -> list[dict[str, Any]]:
        """Type `text` key by key; each key's latency to the first frame after `recorded` holds it (and,
        with `typed_into`, to the first frame showing the input's echo of it)."""
        rows = []
        for i, ch in enumerate(text):
            prefix = text[: i + 1]
            mark = len(recorded)
            fut = painted(lambda: len(recorded) > mark and recorded[-1][1] == prefix)  # noqa: B023 - polled within this iteration
            echo = painted(lambda: typed_into.value == prefix) if typed_into is not None else None  # noqa: B023
            if starts is not None:
                starts.clear()
            steps.clear()
            ran, queued = ui_thread_times()
            cpu_before = threads_cpu()
            sent = press(ch)
            t = await wait(fut, 30)
            ran_after, queued_after = ui_thread_times()
            row: dict[str, Any] = {"prefix": prefix, "painted": None if t is None else t - sent,
                                   "ui_cpu": ran_after - ran, "ui_runqueue": queued_after - queued}
            if t is not None:
                row["others_cpu"], row["busiest"] = others_cpu(cpu_before, threads_cpu())
                row["gcs"], row["gc"], row["gc_generation"] = collections_between(sent, t)
                row.update(breakdown(sent, t, prefix))
            if echo is not None:
                t_echo = await wait(echo, 1)
                row["echo"] = None if t_echo is None else t_echo - sent
            done = [r for r in recorded[mark:] if r[1] == prefix]
            if done:
                row["result"] = done[-1][0] - sent
                if starts:
                    row["work"] = done[-1][0] - starts[-1]
            row.update(current())
            rows.append(row)
            await asyncio.sleep(KEY_GAP_S)
        return rows

    steps: list[tuple[str, float, float, Any]] = []  # (what, start, end, the query's CPU / the list's filter)

    def breakdown(sent: float, painted_at: float, prefix: str) -> dict[str, Any]:
        """Where one filter key's time went, in order: the key handled up to the filter's start, the
        worker's query (wall and CPU: the rest is waiting for the interpreter lock or SQLite), the
        result's way back to the UI thread, the listing, and from there to the frame (the paint)."""
        queries = [x for x in steps if x[0] == "query"]
        lists = [x for x in steps if x[0] == "list" and x[3] == prefix]
        row: dict[str, Any] = {"queries": len(queries)}
        starts = [x for x in steps if x[0] == "start"]
        if starts:
            row["to_start"] = starts[-1][1] - sent
        if queries:
            q = queries[-1]
            row["query"], row["query_cpu"] = q[2] - q[1], q[3]
            if starts:
                row["to_query"] = q[1] - starts[-1][1]
        if lists:
            done = lists[-1]
            row["list"] = done[2] - done[1]
            row["paint"] = painted_at - done[2]
            row["gcs_in_paint"] = collections_between(done[2], painted_at)[0]
            if queries:
                row["to_list"] = done[1] - queries[-1][2]
        return row

    def hook_timeline() -> None:
        """Note each step of a filter key (`breakdown`): the session's filter calls in the worker and the
        list pane's listing on the UI thread."""
        session, list_pane = app.session, app.list_pane
        session_filter, do_list = session.filter, list_pane._list

        def timed_filter(*args: Any, **kwargs: Any) -> Any:
            t, cpu = time.monotonic(), time.thread_time()
            try:
                return session_filter(*args, **kwargs)
            finally:
                steps.append(("query", t, time.monotonic(), time.thread_time() - cpu))

        def timed_list(*args: Any, **kwargs: Any) -> None:
            t = time.monotonic()
            do_list(*args, **kwargs)
            steps.append(("list", t, time.monotonic(), list_pane.filter_text))

        session.filter = timed_filter
        list_pane._list = timed_list

    def hook_newsreader() -> tuple[list, list, list, list]:
        """Note when the list is replaced (and for which filter text), when a filter starts (after the
        debounce), when the reader's matches change (for which find text) and how long a find takes."""
        lists: list[tuple[float, str]] = []
        matches: list[tuple[float, str]] = []
        filter_starts: list[float] = []
        find_work: list[float] = []
        lst, list_pane, reader_pane, reader = app.article_list, app.list_pane, app.reader_pane, app.reader
        set_articles = lst.set_articles

        def noting_set_articles(*args: Any, **kwargs: Any) -> None:
            set_articles(*args, **kwargs)
            lists.append((time.monotonic(), list_pane.filter_text))

        lst.set_articles = noting_set_articles
        run_filter = list_pane._run_filter

        def noting_run_filter() -> None:
            filter_starts.append(time.monotonic())
            steps.append(("start", filter_starts[-1], filter_starts[-1], 0.0))
            run_filter()

        list_pane._run_filter = noting_run_filter
        watch_matches = reader.watch_matches

        def noting_matches(old: Any, new: Any) -> None:  # (two named parameters: Textual counts them)
            watch_matches(old, new)
            matches.append((time.monotonic(), reader_pane.find.text))

        reader.watch_matches = noting_matches
        search = reader_pane._search

        def timing_search(*args: Any, **kwargs: Any) -> None:
            t = time.monotonic()
            search(*args, **kwargs)
            find_work.append(time.monotonic() - t)

        reader_pane._search = timing_search
        return lists, matches, filter_starts, find_work

    async def session_trivial(pilot: Any) -> None:
        from textual.widgets import Input

        await until(lambda: frames["first"] is not None)
        await pilot.pause()
        app.set_focus(None)
        await asyncio.sleep(0.1)
        rows = []
        for _ in range(spec.get("moves", MOVES)):
            expected = str(int(app.value or 0) + 1)
            fut = painted(lambda: app.value == expected)  # noqa: B023 - polled within this iteration
            sent = press("j")
            t = await wait(fut, 10)
            rows.append({"preview": None if t is None else t - sent})
            await asyncio.sleep(MOVE_GAP_S)
        out["moves"] = rows
        app.query_one(Input).focus()
        await asyncio.sleep(0.1)
        out["typing"] = await type_query("government", app.typed, dict)

    async def session_newsreader(pilot: Any) -> None:
        lists, matches, filter_starts, find_work = hook_newsreader()
        lst, reader_pane = app.article_list, app.reader_pane  # (held: a query can miss while a screen is pushed)
        expected = spec["expected"]
        await until(lambda: frames["first"] is not None)
        out["first_frame"] = frames["first"]
        bar_seen = painted(lambda: (bar := app.query_one_optional("#index-progress")) is not None
                           and bar.has_class("-visible"))
        titles = painted(lambda: len(lst.articles) >= expected)
        if spec.get("cold"):
            # j/k from the first moment there is something to move to, until the index is complete
            await until(lambda: len(lst.articles) > 1 and app.reader_pane.article is not None, timeout=300)
            out["list_usable"] = time.monotonic()
            out["cold_moves"] = await moves_newsreader(
                100_000, COLD_KEY_GAP_S, keys=["j", "j", "j", "k"], while_=lambda: not app._loaded_once
            )
        await until(lambda: app._loaded_once, timeout=1800)
        out["index_complete"] = time.monotonic()
        out["all_titles"] = await wait(titles, 1)
        out["progress_bar"] = await wait(bar_seen, 0.01)
        out["listed"] = len(lst.articles)
        out["hwm_kib_ready"] = vm_hwm_kib()
        if spec.get("cold"):
            return
        await asyncio.sleep(0.3)
        if spec.get("filters"):  # the filter's table of short prefixes is built in the scan worker, after listing
            t = time.monotonic()
            await until(lambda: getattr(app.session, "filter_ready", True), 120, 0.05)  # (older versions: none)
            out["filter_ready_waited"] = time.monotonic() - t
        analysed = app.session.analysed_count()
        out["analysed_at_start"] = list(analysed)
        # --------------------------------------------------------------------- cursor moves
        lst.focus()
        await asyncio.sleep(0.1)
        out["moves"] = await moves_newsreader(spec.get("moves", MOVES), spec.get("move_gap", MOVE_GAP_S),
                                              keys=spec.get("keys"))
        # ------------------------------------------------------------------ find in article
        await until(lambda: app.reader_pane.article is not None
                    and app.session.cached_analysis(app.reader_pane.article) is not None, 10)
        await asyncio.sleep(0.2)
        out["find_article_words"] = len(app.reader.document.text.split())
        out["finds"] = {}
        for query in spec.get("finds", []):
            press("/")
            await until(lambda: app.focused is not None and app.focused.id == "find-input", 5)
            await asyncio.sleep(0.1)
            find_work.clear()
            rows = await type_query(query, matches, lambda: {"matches": len(reader_pane.matches)})
            for row, took in zip(rows, find_work, strict=False):  # a key whose find never ran has no figure
                row["work"] = took
            out["finds"][query] = rows
            press("escape")
            await until(lambda: not app.reader_pane.find_bar.is_open, 5)
            lst.focus()
            await asyncio.sleep(0.2)
        # ------------------------------------------------------------------------- filter
        out["filters"] = {}
        if spec.get("filters"):
            hook_timeline()
        for query in spec.get("filters", []):
            if query.startswith("actor:"):
                t = time.monotonic()
                await until(lambda: operator.ge(*app.session.analysed_count()), 600, 0.1)
                out["analysis_waited"] = time.monotonic() - t
                await asyncio.sleep(0.6)  # the app refilters 0.5 s after analysis lands
            press("f")
            await until(lambda: app.focused is not None and app.focused.id == "filter-input", 5)
            await asyncio.sleep(0.1)
            rows = await type_query(query, lists, lambda: {"status": app.list_pane.filter_bar.status_text,
                                                           "listed": len(lst.articles)},
                                    starts=filter_starts, typed_into=app.focused)
            out["filters"][query] = rows
            mark = len(lists)
            press("escape")
            await until(lambda: len(lists) > mark and lists[-1][1] == "", 10)  # noqa: B023 - polled within this iteration
            lst.focus()
            await asyncio.sleep(0.3)
        out["analysed_at_end"] = list(app.session.analysed_count())

    async def auto_pilot(pilot: Any) -> None:
        try:
            if spec["app"] == "trivial":
                await session_trivial(pilot)
            else:
                await session_newsreader(pilot)
        except Exception as exc:  # noqa: BLE001 - reported to the parent
            import traceback

            out["error"] = f"{exc!r}\n{traceback.format_exc()}"
        out["hwm_kib"] = vm_hwm_kib()
        print("BENCH " + json.dumps(out), flush=True)
        os._exit(0)  # don't wait for the workers (a cold folder's background analysis) to stop

    app.run(headless=True, size=SIZE, auto_pilot=auto_pilot)


# ============================================================================ a real terminal


TMUX_SIZE = (120, 36)
READER_FROM_COLUMN = 50  # the reading pane's text at 120 columns (the list pane is about a third)


class _ControlClient:
    """A tmux control-mode client (`tmux -C`): commands in, `%output` notifications and command replies
    out, with no process spawned per look at the screen (a `capture-pane` process costs 5-20 ms here)."""

    def __init__(self, tmux: list[str], session: str) -> None:
        import subprocess

        self.proc = subprocess.Popen([*tmux, "-C", "attach", "-t", session], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.outputs = 0  # %output notifications seen so far
        self._buffer = b""

    def _line(self, timeout: float) -> str | None:
        """The next line from tmux, or None after `timeout` (read unbuffered: `select` can't see a
        buffered reader's leftovers)."""
        import select

        assert self.proc.stdout is not None
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.proc.stdout], [], [], left)[0]:
                return None
            chunk = os.read(self.proc.stdout.fileno(), 65536)
            if not chunk:
                return None
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\n", 1)
        line = raw.decode("utf-8", "replace") + "\n"
        if line.startswith("%output"):
            self.outputs += 1
        return line

    def command(self, text: str) -> list[str]:
        """Run one command; its reply's lines."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(text.encode() + b"\n")
        self.proc.stdin.flush()
        reply: list[str] | None = None
        while True:
            line = self._line(10)
            if line is None:
                raise RuntimeError(f"tmux did not answer {text!r}")
            if line.startswith("%begin"):
                reply = []
            elif line.startswith(("%end", "%error")) and reply is not None:
                return reply
            elif reply is not None:
                reply.append(line.rstrip("\n"))

    def screen(self) -> list[str]:
        return self.command("capture-pane -p -t 0")

    def wait_output(self, timeout: float) -> bool:
        """Until the pane's program writes something (True) or `timeout` passes."""
        seen = self.outputs
        deadline = time.monotonic() + timeout
        while self.outputs == seen:
            left = deadline - time.monotonic()
            if left <= 0 or self._line(left) is None:
                return self.outputs != seen
        return True

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait()


def _reader_text(screen: list[str]) -> str:
    return "\n".join(line[READER_FROM_COLUMN:] for line in screen[1:-2])


TRIVIAL_TMUX_APP = """
from textual.app import App
from textual.widgets import Static

class Trivial(App):
    BINDINGS = [("j", "bump", "bump"), ("k", "bump", "bump")]

    def compose(self):
        yield Static("0", id="shown")

    def action_bump(self):
        shown = self.query_one(Static)
        shown.update(str(int(str(shown.render())) + 1))

Trivial().run()
"""


def tmux_cold_keys(folder: Path | None, env: dict[str, str], scratch: Path, keys_for: float = 60.0) -> dict[str, Any]:
    """The installed `newsreader` in tmux on `folder` with an empty cache: `j`/`k` every 0.25 s while the
    header says it is listing or indexing; each timed from `send-keys` to the first screen whose reading
    pane differs (the terminal included: tmux parses what the reader writes). With `folder` None, the
    trivial app (a Static a key bumps) for `keys_for` seconds: the floor of the same path."""
    import shlex
    import shutil
    import subprocess

    if folder is None:
        script = scratch / "trivial_app.py"
        script.write_text(TRIVIAL_TMUX_APP)
        command = f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}"
    else:
        exe = shutil.which("newsreader", path=str(Path(sys.executable).parent)) or "newsreader"
        command = f"{shlex.quote(exe)} {shlex.quote(str(folder))}"
    socket = f"indexing-bench-{os.getpid()}-{time.monotonic_ns()}"
    tmux = ["tmux", "-L", socket, "-f", "/dev/null"]
    cache = scratch / "tmux-cache"
    shutil.rmtree(cache, ignore_errors=True)
    run_env = {**env, "XDG_CACHE_HOME": str(cache), "TERM": "xterm-256color"}
    run_env.pop("TMUX", None)
    started = time.monotonic()
    subprocess.run([*tmux, "new-session", "-d", "-s", "cold", "-x", str(TMUX_SIZE[0]), "-y", str(TMUX_SIZE[1]),
                    command], env=run_env, check=True)
    client = _ControlClient(tmux, "cold")
    rows: list[dict[str, Any]] = []

    last_busy = [time.monotonic()]

    def busy(screen: list[str]) -> bool:
        """Still listing or indexing (the header said so within the last 2 s)."""
        if folder is None:
            return time.monotonic() - started < keys_for
        if screen and ("indexing" in screen[0] or "reading titles" in screen[0]):
            last_busy[0] = time.monotonic()
        return time.monotonic() - last_busy[0] < 2.0

    def region(screen: list[str]) -> str:
        return "\n".join(screen) if folder is None else _reader_text(screen)

    try:
        deadline = time.monotonic() + 120
        while not (busy(screen := client.screen()) and region(screen).strip()):
            if time.monotonic() > deadline:
                return {"error": "nothing to move in within 120 s", "screen": screen}
            time.sleep(0.05)
        first = time.monotonic() - started
        keys = ["j", "j", "j", "k"]
        while busy(screen) and time.monotonic() - started < 1800:
            key = keys[len(rows) % len(keys)]
            before = region(screen)
            sent = time.monotonic()
            client.command(f"send-keys -t 0 {key}")
            took = None
            while time.monotonic() - sent < 10:
                if not client.wait_output(10 - (time.monotonic() - sent)):
                    break
                screen = client.screen()
                if region(screen) != before:
                    took = time.monotonic() - sent
                    break
            stage = "listing" if screen and "reading titles" in screen[0] else "indexing"
            rows.append({"key": key, "ms": None if took is None else took * 1000, "stage": stage})
            time.sleep(COLD_KEY_GAP_S)
            screen = client.screen()
        return {"rows": rows, "list_shown": first, "complete": time.monotonic() - started}
    finally:
        client.close()
        subprocess.run([*tmux, "kill-server"], env=run_env, capture_output=True)
        shutil.rmtree(cache, ignore_errors=True)
        tmpdir = Path(os.environ.get("TMUX_TMPDIR", "/tmp")) / f"tmux-{os.getuid()}"
        (tmpdir / socket).unlink(missing_ok=True)  # (tmux leaves its socket file behind)


def report_tmux(name: str, result: dict[str, Any]) -> None:
    if "error" in result:
        print(f"tmux {name}: {result['error']}")
        return
    rows = result["rows"]
    vals = [r["ms"] for r in rows if r["ms"] is not None]
    lost = len(rows) - len(vals)
    bar = BARS["cold_key_ms_tmux"]
    worst = max(vals, default=None)
    ok = "FAILED" if lost or worst is None else verdict(worst, bar)
    what = "the trivial app's floor: send-keys -> its Static changed" if name == "trivial app" else \
        f"{name} cold (installed newsreader, 120x36, send-keys -> the reading pane changed)"
    print(f"TMUX {what}: first {result['list_shown']:.1f} s, done {result['complete']:.1f} s; {len(rows)} keys,"
          f" median {statistics.median(vals) if vals else float('nan'):.0f} ms, max"
          f" {worst if worst is not None else float('nan'):.0f} ms{f', {lost} never shown' if lost else ''}"
          f" (bar <= {bar:g} ms) {ok}")
    slow = sorted((r for r in rows if r["ms"] is not None), key=lambda r: -r["ms"])[:5]
    print("        slowest: " + ", ".join(f"{r['key']} {r['ms']:.0f} ms ({r['stage']})" for r in slow))


# ================================================================================ diagnosis


LATE_S = 0.1  # a key slower than this is explained by `--diagnose`
SAMPLE_S = 0.002
SAMPLES_KEPT_S = 30.0


class _Sampler:
    """`--diagnose`: what every thread of the child was doing while a key waited.

    A daemon thread looks at `sys._current_frames()` every 2 ms (it needs the interpreter lock to look, so
    a thread holding it for long shows up as a gap, and as the frame it was in when the sampler got in);
    garbage-collector passes are noted through `gc.callbacks`. `explain` sums, for each late key, the
    samples between its send and its frame by thread and place.
    """

    def __init__(self) -> None:
        import collections
        import gc
        import threading

        self.samples: collections.deque[tuple[float, tuple[tuple[str, str], ...]]] = collections.deque()
        self.gcs: list[tuple[float, float, int]] = []
        self._gc_start = 0.0

        def on_gc(phase: str, info: dict[str, Any]) -> None:
            if phase == "start":
                self._gc_start = time.monotonic()
            else:
                self.gcs.append((self._gc_start, time.monotonic(), info.get("generation", -1)))

        gc.callbacks.append(on_gc)
        self._me = threading.get_ident()
        self._names = threading
        threading.Thread(target=self._run, daemon=True, name="sampler").start()

    @staticmethod
    def _where(frame: Any) -> str:
        """The innermost frames (file:function:line), newest first, up to the first project frame."""
        parts = []
        while frame is not None and len(parts) < 6:
            code = frame.f_code
            name = Path(code.co_filename).name
            parts.append(f"{name}:{code.co_name}:{frame.f_lineno}")
            if "newsreader" in code.co_filename and len(parts) > 1:
                break
            frame = frame.f_back
        return " < ".join(parts)

    def _run(self) -> None:
        threads = self._names
        while True:
            time.sleep(SAMPLE_S)
            now = time.monotonic()
            names = {t.ident: t.name for t in threads.enumerate()}
            frames = sys._current_frames()
            self.samples.append((now, tuple((names.get(ident, str(ident)), self._where(frame))
                                            for ident, frame in frames.items() if ident != self._me)))
            while self.samples and now - self.samples[0][0] > SAMPLES_KEPT_S:
                self.samples.popleft()  # (a late key is explained within seconds; 15 minutes of samples was 0.5 GB)

    def explain(self, rows: list[dict[str, Any]], late: float) -> list[dict[str, Any]]:
        import collections

        found = []
        for row in rows:
            took = row.get("preview")
            if took is None or took < late:
                continue
            start, end = row["sent"], row["sent"] + took
            window = [s for s in list(self.samples) if start <= s[0] <= end]  # (a copy: the sampler appends)
            gaps = [b[0] - a[0] for a, b in zip(window, window[1:], strict=False)]
            places: collections.Counter[str] = collections.Counter()
            for _t, threads in window:
                for name, where in threads:
                    if "selectors.py:select" in where or "threading.py:wait" in where or "queue.py:get" in where:
                        continue
                    places[f"{name}: {where}"] += 1
            found.append({
                "key": row["key"], "stage": row["stage"], "ms": round(took * 1000),
                "samples": len(window), "longest_gap_ms": round(max(gaps, default=0) * 1000),
                "gc_ms": round(sum(min(e, end) - max(s, start) for s, e, _g in self.gcs
                                   if e > start and s < end) * 1000),
                "gc_by_generation": {g: round(sum(min(e, end) - max(s, start) for s, e, g2 in self.gcs
                                                  if g2 == g and e > start and s < end) * 1000) for g in (0, 1, 2)},
                "ui_cpu_ms": round(row.get("ui_cpu", 0) * 1000),
                "ui_runqueue_ms": round(row.get("ui_runqueue", 0) * 1000),
                "places": places.most_common(8),
            })
        return found


# ==================================================================================== the parent


def ms(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds * 1000:.0f}"


def ms1(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds * 1000:.1f}"


def med(values: list[float]) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def top(values: list[float]) -> float | None:
    values = [v for v in values if v is not None]
    return max(values) if values else None


def run_session(spec: dict[str, Any], env: dict[str, str], timeout: float = 1800) -> dict[str, Any]:
    args = [sys.executable, str(Path(__file__).resolve()), "--child", json.dumps(spec)]
    try:
        marks = spawn(args, env, timeout=timeout)
    except ChildFailed as exc:
        print(f"!! session {spec.get('name')} failed: {exc}", flush=True)
        return {"failed": str(exc)}
    if "error" in marks:
        print(f"!! session {spec.get('name')} raised: {marks['error']}", flush=True)
    spawned = marks["spawned"]
    for key in ("first_frame", "list_usable", "index_complete", "all_titles", "progress_bar"):
        if marks.get(key) is not None:
            marks[key] -= spawned
    return marks


def synthetic_article(folder: Path, words: int = FIND_WORDS) -> Path:
    """One long article (the bulk corpus's paragraphs repeated to `words` words), built once."""
    path = folder / "long-article.txt"
    marker = folder / ".complete"
    if marker.is_file() and marker.read_text().strip() == str(words):
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    paragraphs: list[str] = []
    count = 0
    sources = sorted(BULK.glob("*.txt"))
    while count < words:
        for src in sources:
            text = src.read_text(encoding="utf-8")
            body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
            for para in body.split("\n\n"):
                paragraphs.append(para.strip())
                count += len(para.split())
                if count >= words:
                    break
            if count >= words:
                break
    front = "---\ntitle: A synthetic article of fifty thousand words\ndate: 2025-01-01\nsource: benchmark\n---\n"
    path.write_text(front + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    marker.write_text(str(words))
    return folder


def filter_only(folders: list[tuple[str, Path, int]], env: dict[str, str], sessions: int, started: float) -> int:
    """`--only filter`: warm filter sessions only, every key of several queries; the figures of issue 15."""
    print(f"filter sessions: {sessions} per folder, queries {FILTER_QUERIES_MANY}", flush=True)
    print()
    header = (f"{'folder':<7} {'keys':>5} {'median':>7} {'p90':>7} {'max':>7} {'work med':>9} {'work max':>9}"
              f" {'echo med':>9} {'echo max':>9} {'UI CPU med':>10} {'UI CPU max':>10}"
              f" {'RSS listed':>10} {'RSS end':>8}")
    for name, folder, n in folders:
        keys: list[float] = []
        work: list[float] = []
        echoes: list[float] = []
        ui_cpu: list[float] = []
        rss: list[tuple[float, float]] = []
        per_query: dict[str, list[float]] = {}
        all_rows: list[dict[str, Any]] = []
        for _ in range(sessions):
            s = run_session({"name": f"{name} warm", "app": "newsreader", "folder": str(folder.resolve()),
                             "expected": n, "moves": 0, "finds": [], "filters": FILTER_QUERIES_MANY}, env)
            if "failed" in s or "error" in s:
                continue
            for query, rows in s.get("filters", {}).items():
                all_rows += [r for r in rows if r.get("painted") is not None]
                painted_ = [r["painted"] for r in rows]
                per_query.setdefault(query, []).extend(v for v in painted_ if v is not None)
                keys += [v for v in painted_ if v is not None]
                work += [r["work"] for r in rows if r.get("work") is not None]
                echoes += [r["echo"] for r in rows if r.get("echo") is not None]
                ui_cpu += [r["ui_cpu"] for r in rows if r.get("ui_cpu") is not None]
            rss.append((s.get("hwm_kib_ready", 0) / 1024, s.get("hwm_kib", 0) / 1024))
            print(f"  {name}: waited {s.get('filter_ready_waited', 0):.1f} s after listing for the filter's"
                  " prefix table", flush=True)
        if not keys:
            print(f"{name}: no session succeeded")
            continue
        keys.sort()
        p90 = keys[int(0.9 * (len(keys) - 1))]
        print(header)
        print("-" * len(header))
        rss_listed, rss_end = max(r[0] for r in rss), max(r[1] for r in rss)
        print(f"{name:<7} {len(keys):>5} {ms1(med(keys)):>6}ms {ms1(p90):>6}ms {ms1(top(keys)):>6}ms"
              f" {ms1(med(work)):>7}ms {ms1(top(work)):>7}ms {ms1(med(echoes)):>7}ms {ms1(top(echoes)):>7}ms"
              f" {ms1(med(ui_cpu)):>8}ms {ms1(top(ui_cpu)):>8}ms"
              f" {rss_listed:>7.0f}MiB {rss_end:>5.0f}MiB")
        for query, vals in per_query.items():
            print(f"   {query!r:<20} {len(vals):>3} keys  median {ms1(med(vals))} ms  max {ms1(top(vals))} ms")
        report_key_breakdown(all_rows)
        median_bar, max_bar, rss_bar = BARS["filter_median_ms"], BARS["filter_ms"], BARS["rss_" + name]
        print(f"  bars: median <= {median_bar:g} ms {verdict(med(keys) * 1000, median_bar)},"
              f" max <= {max_bar:g} ms {verdict(top(keys) * 1000, max_bar)},"
              f" peak RSS <= {rss_bar:g} MiB {verdict(rss_end, rss_bar)}")
    print(f"load average now {' '.join(f'{x:.1f}' for x in os.getloadavg())}; total {time.monotonic() - started:.0f} s")
    return 0


BREAKDOWN = [  # (column, row field, width): one filter key's time, in the order it is spent (`breakdown`)
    ("key", "painted", 6), ("UI cpu", "ui_cpu", 6), ("UI runq", "ui_runqueue", 7), ("others", "others_cpu", 6),
    ("GC", "gc", 5), ("start", "to_start", 5), ("->query", "to_query", 7), ("query", "query", 5),
    ("q cpu", "query_cpu", 5), ("->list", "to_list", 6), ("list", "list", 5), ("paint", "paint", 5),
]


def report_key_breakdown(rows: list[dict[str, Any]], worst: int = 12) -> None:
    """The slowest filter keys, each split into where its time went, and the medians of every part: UI
    cpu = the UI thread on a CPU, UI runq = runnable but waiting for a CPU (the machine's load), others =
    the other threads' CPU meanwhile (the interpreter lock, when they run Python), GC = collections
    inside the key; then the key to the filter's start, to the worker's query, the query (wall, CPU),
    the result back to the UI thread, its listing, and from there to the frame."""
    if not rows or "gcs" not in rows[0]:
        return
    head = f"   {'prefix':<14}" + "".join(f" {title:>{w}}" for title, _f, w in BREAKDOWN) + "  q#   GCs  busiest thread"
    print(f"  the {min(worst, len(rows))} slowest keys (ms), then the median of each column:")
    print(head)

    def cells(row: dict[str, Any]) -> str:
        return "".join(f" {ms1(row.get(field)):>{w}}" for _t, field, w in BREAKDOWN)

    for row in sorted(rows, key=lambda r: -r["painted"])[:worst]:
        gcs = f"{row.get('gcs', 0)}" + (f"/g{row['gc_generation']}" if row.get("gcs") else "")
        gcs += f" ({row['gcs_in_paint']} in paint)" if row.get("gcs_in_paint") else ""
        print(f"   {row['prefix'][-14:]:<14}{cells(row)}  {row.get('queries', 0):>2}  {gcs:>4}"
              f"  {row.get('busiest', '')}")
    medians = {field: med([r.get(field) for r in rows]) for _t, field, _w in BREAKDOWN}
    print(f"   {'(median)':<14}{cells(medians)}")
    with_gc = [r for r in rows if r.get("gcs")]
    full = [r for r in rows if r.get("gc_generation") == 2]
    print(f"  collections inside keys: {sum(r['gcs'] for r in with_gc)} in {len(with_gc)} of {len(rows)} keys"
          f" ({len(full)} keys with a full one), {ms1(sum(r['gc'] for r in with_gc))} ms in all;"
          f" keys with more than one query: {sum(1 for r in rows if r.get('queries', 0) > 1)}")


def report_cold(cold_sessions: dict[str, dict[str, Any]]) -> None:
    """The COLD INDEX table: j/k latencies while the folder is listed and indexed."""
    print()
    print(f"COLD INDEX: in-process, empty cache; j/k pressed every {COLD_KEY_GAP_S} s while it runs;"
          " seconds from spawn")
    header = (f"{'folder':<7} {'1st frame':>9} {'bar shown':>9} {'titles':>8} {'complete':>9} {'RSS MiB':>8}"
              f"  {'j/k during listing: n med max':>30}  {'during indexing: n med max':>27}")
    print(header)
    print("-" * len(header))
    for name, s in cold_sessions.items():
        if "failed" in s:
            print(f"{name:<7} session failed")
            continue

        def secs(v: float | None) -> str:
            return "-" if v is None else f"{v:.2f}s"

        rows = s.get("cold_moves", [])
        parts = []
        for stage in ("listing", "indexing"):
            vals = [r["preview"] for r in rows if r["stage"] == stage]
            got = [v for v in vals if v is not None]
            lost = len(vals) - len(got)
            parts.append(f"{len(vals):>4} {ms(med(got)):>6}ms {ms(top(got)):>6}ms" + (f" {lost} lost" if lost else ""))
        print(f"{name:<7} {secs(s.get('first_frame')):>9} {secs(s.get('progress_bar')):>9}"
              f" {secs(s.get('all_titles')):>8}"
              f" {secs(s.get('index_complete')):>9} {s.get('hwm_kib', 0) / 1024:>8.0f}  {parts[0]:>30}  {parts[1]:>27}")
        during_rows = [r for r in rows if r["stage"] != "done" and r.get("preview") is not None]
        if during_rows and "ui_cpu" in during_rows[0]:
            cpu = [r["ui_cpu"] for r in during_rows]
            queued = [r["ui_runqueue"] for r in during_rows]
            print(f"        the UI thread per key while indexing: on a CPU median {ms(med(cpu))} ms, max"
                  f" {ms(top(cpu))} ms;"
                  f" runnable but waiting for a CPU (the machine's load) median {ms(med(queued))} ms, max"
                  f" {ms(top(queued))} ms")
        after = [r["preview"] for r in rows if r["stage"] == "done"]
        if after:
            print(f"        ({len(after)} presses landed after the index completed)")
        during = [r["preview"] for r in rows if r["stage"] != "done"]
        bar = BARS.get(f"cold_key_ms_{name.split('#')[0]}")
        worst = top(during)
        if bar is not None and during:
            lost = sum(1 for v in during if v is None)
            ok = "FAILED" if lost or worst is None else verdict(worst * 1000, bar)
            print(f"        worst j/k -> preview while indexing: {ms(worst)} ms (bar <= {bar:g} ms; median"
                  f" {ms(med(during))} ms, {len(during)} presses{f', {lost} never shown' if lost else ''}) {ok}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="newsreader at 31 / 10,000 / 100,000 articles vs a trivial app.")
    parser.add_argument("--quick", action="store_true", help="skip the 100,000-article folder")
    parser.add_argument("--runs", type=int, default=5, help="measured launch rounds (default and minimum 5)")
    parser.add_argument("--only", choices=["cold", "tmux", "filter"],
                        help="only the cold-index sessions (j/k while indexing), only their tmux measurement,"
                             " or only the warm filter sessions (see the module docstring)")
    parser.add_argument("--sizes", default=None,
                        help="comma-separated folder sizes (default 10000,100000; 10000 with --quick)")
    parser.add_argument("--sessions", type=int, default=1, help="with --only filter: sessions per folder")
    parser.add_argument("--cold-runs", type=int, default=1, help="cold-index sessions per folder (default 1)")
    parser.add_argument("--scratch", type=Path, default=None,
                        help="the children's XDG cache/state tree, emptied first (default: scale-xdg beside"
                             " the folders; --only filter keeps it, so its index stays warm)")
    parser.add_argument("--diagnose", action="store_true",
                        help="cold sessions: sample every thread and explain each key slower than 100 ms")
    parser.add_argument("--tmux", action="store_true",
                        help="with --only cold: also time j/k in tmux (the installed command) on each folder")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child_main(json.loads(args.child))
        return 0
    runs = max(5, args.runs)
    started = time.monotonic()
    print("\n".join(describe_environment(sys.argv)), flush=True)
    precompile()

    # ---------------------------------------------------------------------------- folders
    base = cache_dir()
    t = time.monotonic()
    folders: list[tuple[str, Path, int]] = [("31", ARTICLES, count_articles(ARTICLES))]
    sizes = [int(x) for x in args.sizes.split(",")] if args.sizes else [10_000] if args.quick else [10_000, 100_000]
    for n in sizes:
        folder = build_folder(base / f"wikinews-{n}", n)
        folders.append((f"{n // 1000}k", folder, count_articles(folder)))
    long_folder = None if args.only else synthetic_article(base / f"long-article-{FIND_WORDS}")
    print("folders: " + ", ".join(f"{name} = {folder} ({n:,} articles)" for name, folder, n in folders)
          + f"; ready in {time.monotonic() - t:.1f} s", flush=True)

    scratch = args.scratch or base / "scale-xdg"
    if args.only == "filter":
        return filter_only([f for f in folders if f[0] != "31"], bench_env(scratch), args.sessions, started)
    if scratch.exists():
        shutil.rmtree(scratch)  # every run starts from an empty index cache and no reading state
    env = bench_env(scratch)
    cold_base = scratch / "cold"
    cold_base.mkdir()

    def cold_env() -> tuple[dict[str, str], Path]:
        cold = Path(tempfile.mkdtemp(prefix="cache-", dir=cold_base))
        return {**env, "XDG_CACHE_HOME": str(cold)}, cold

    if args.only == "tmux":
        for name, folder, _n in folders:
            if name != "31":
                report_tmux(name, tmux_cold_keys(folder, env, scratch))
        report_tmux("trivial app", tmux_cold_keys(None, env, scratch))
        print(f"load average now {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        return 0

    # ------------------------------------------- cold sessions (these also build the warm index)
    cold_sessions: dict[str, dict[str, Any]] = {}
    for name, folder, n in folders:
        if name == "31":
            continue
        for run in range(max(1, args.cold_runs)):
            label = name if run == 0 else f"{name}#{run + 1}"
            print(f"cold session {label}: indexing from an empty cache, j/k every {COLD_KEY_GAP_S} s…", flush=True)
            # the first builds the warm index the launches below use; each other one gets its own empty cache
            cenv = env if run == 0 else cold_env()[0]
            cold_sessions[label] = r = run_session({"name": f"{label} cold", "app": "newsreader",
                                                    "folder": str(folder), "expected": n, "cold": True,
                                                    "diagnose": args.diagnose}, cenv)
            if "index_complete" in r:
                print(f"  index complete {r['index_complete']:.1f} s after spawn", flush=True)
            for late in r.get("late_keys", []):
                print(f"  late {late['key']} ({late['stage']}): {late['ms']} ms, {late['samples']} samples,"
                      f" longest gap {late['longest_gap_ms']} ms, gc {late['gc_ms']} ms (by generation"
                      f" {'/'.join(str(v) for v in late['gc_by_generation'].values())}); UI thread on a CPU"
                      f" {late['ui_cpu_ms']} ms, waiting for one {late['ui_runqueue_ms']} ms", flush=True)
                for place, count in late["places"]:
                    print(f"      {count:>4}  {place}", flush=True)
    if args.only == "cold":
        raw = REPO / "benchmarks" / "_out" / "scale-cold-last.json"  # every sample (git-ignored)
        raw.parent.mkdir(exist_ok=True)
        raw.write_text(json.dumps({"cold_sessions": cold_sessions}, default=str))
        print(f"raw samples: {raw}")
        report_cold(cold_sessions)
        for name, folder, _n in folders:
            if args.tmux and name != "31":
                report_tmux(name, tmux_cold_keys(folder, env, scratch))
        for name, folder, n in folders:  # the same keys with nothing being indexed: the app's own floor
            if name != "31":
                warm = run_session({"name": f"{name} warm", "app": "newsreader", "folder": str(folder), "expected": n,
                                    "moves": 120, "move_gap": COLD_KEY_GAP_S, "keys": ["j", "j", "j", "k"],
                                    "finds": [], "filters": []}, env)
                vals = [r["preview"] for r in warm.get("moves", [])]
                print(f"        {name} warm (index complete, nothing indexing), the same j/k every {COLD_KEY_GAP_S} s:"
                      f" median {ms(med(vals))} ms, max {ms(top(vals))} ms over {len(vals)} keys")
        floor = [r["preview"] for r in run_session({"name": "trivial", "app": "trivial"}, env).get("moves", [])]
        print(f"        the trivial app right after (the floor on this machine now): bound key -> frame median"
              f" {ms1(med(floor))} ms, max {ms1(top(floor))} ms over {len(floor)} keys")
        print(f"load average now {' '.join(f'{x:.1f}' for x in os.getloadavg())}; total"
              f" {time.monotonic() - started:.0f} s")
        return 0

    # ------------------------------------------------------------------------------- launches
    cases: list[tuple[str, str, Path | str, int, bool]] = [("trivial", "trivial", "-", 0, False)]
    for name, folder, n in folders:
        cases += [(f"{name} warm", "newsreader", folder, n, False), (f"{name} cold", "newsreader", folder, n, True)]
    launches: dict[str, list[dict]] = {c[0]: [] for c in cases}
    for round_no in range(runs + 1):  # round 0 is the warm-up (and builds the 31-article index)
        t = time.monotonic()
        for name, mode, folder, expected, cold in cases:
            if cold:
                if not round_no:
                    continue
                cenv, cdir = cold_env()
                r = run_child(mode, folder, expected, cenv, exit_at_titles=True)
                shutil.rmtree(cdir, ignore_errors=True)
            else:
                r = run_child(mode, folder, expected, env, exit_at_titles=True)
            if round_no:
                launches[name].append(r)
        print(f"launch round {round_no}{' (warm-up, discarded)' if not round_no else ''}:"
              f" {time.monotonic() - t:.0f} s", flush=True)

    # ------------------------------------------------------------------------ warm sessions
    print("interaction sessions…", flush=True)
    trivial_session = run_session({"name": "trivial", "app": "trivial"}, env)
    warm_sessions: dict[str, dict[str, Any]] = {}
    for name, folder, n in folders:
        warm_sessions[name] = run_session({
            "name": f"{name} warm", "app": "newsreader", "folder": str(folder), "expected": n,
            "finds": ["government"], "filters": FILTER_QUERIES_31 if name == "31" else FILTER_QUERIES_BIG,
        }, env)
        print(f"  {name} warm done", flush=True)
    long_session = run_session({"name": "find 50k words", "app": "newsreader", "folder": str(long_folder),
                                "expected": 1, "moves": 0, "finds": FIND_QUERIES, "filters": []}, env)

    raw = REPO / "benchmarks" / "_out" / "scale-last.json"  # every sample, for a closer look (git-ignored)
    raw.parent.mkdir(exist_ok=True)
    raw.write_text(json.dumps({"launches": launches, "cold_sessions": cold_sessions, "warm_sessions": warm_sessions,
                               "trivial_session": trivial_session, "long_session": long_session}, default=str))

    # =========================================================================== the report
    print()
    trivial_ff = statistics.median(r["first_frame"] for r in launches["trivial"])
    trivial_rss = statistics.median(r["rss_mib"] for r in launches["trivial"])
    print(f"LAUNCH: fresh process per run, median of {runs} runs (after 1 warm-up round); times from spawn")
    header = (f"{'case':<11} {'articles':>8} {'first frame':>11} {'vs trivial':>10} {'(max)':>7}"
              f" {'titles+text':>11} {'vs trivial':>10} {'all titles':>10}"
              f" {'(max)':>7} {'peak RSS':>9} {'(max)':>7} {'vs trivial':>10}")
    print(header)
    print("-" * len(header))
    counts = {name: n for name, _, n in folders}
    for name, *_ in cases:
        rs = launches[name]
        ff = [r["first_frame"] for r in rs]
        rss = [r["rss_mib"] for r in rs]
        titles = [r["all_titles"] for r in rs if "all_titles" in r]
        useful = [r["text"] for r in rs if "text" in r]  # the first frame with the titles and the article's text
        n = counts.get(name.split()[0], 0)
        print(
            f"{name:<11} {n:>8,} {ms(med(ff)):>9}ms {med(ff) / trivial_ff:>9.2f}x {ms(top(ff)):>5}ms"
            f" {(ms(med(useful)) + 'ms') if useful else '-':>11}"
            f" {(f'{med(useful) / trivial_ff:.2f}x') if useful else '-':>10}"
            f" {(ms(med(titles)) + 'ms') if titles else '-':>10} {(ms(top(titles)) + 'ms') if titles else '-':>7}"
            f" {med(rss):>6.0f}MiB {top(rss):>4.0f}MiB {med(rss) / trivial_rss:>9.1f}x"
        )
        short = [r["listed"] for r in rs if "listed" in r and r["listed"] < n]
        if short:
            print(f"  warning: {name}: the list held only {short} of {n} articles when a run gave up")

    print()
    print("INTERACTION: in-process, headless 120x36; key sent -> first frame showing its result; ms")
    header = f"{'what':<44} {'n':>4} {'median':>7} {'max':>7} {'trivial':>8} {'ratio':>6}  {'note'}"
    print(header)
    print("-" * len(header))
    t_moves = [r["preview"] for r in trivial_session.get("moves", [])]
    t_typing = [r["painted"] for r in trivial_session.get("typing", [])]
    t_move_med, t_type_med = med(t_moves), med(t_typing)

    def line(what: str, values: list[float | None], floor: float | None, note: str = "") -> None:
        vals = [v for v in values if v is not None]
        missing = len(values) - len(vals)
        m = med(vals)
        ratio = f"{m / floor:5.1f}x" if m is not None and floor else "     -"
        note = note + (f" ({missing} never shown)" if missing else "")
        print(f"{what:<44} {len(values):>4} {ms1(m):>7} {ms1(top(vals)):>7} {ms1(floor):>8} {ratio}  {note}")

    line("trivial: bound key -> Static updated", t_moves, t_move_med)
    line("trivial: typing into an Input", t_typing, t_type_med)
    results: dict[str, Any] = {}
    for name, *_ in folders:
        s = warm_sessions.get(name, {})
        if "failed" in s:
            print(f"{name} warm: session failed")
            continue
        moves = [r["preview"] for r in s.get("moves", [])]
        line(f"{name} warm: j -> preview", moves, t_move_med,
             f"analysed {s.get('analysed_at_start', ['?'])[0]:,} of {s.get('analysed_at_start', [0, '?'])[1]:,}"
             if isinstance(s.get("analysed_at_start", [None])[0], int) else "")
        for query, rows in s.get("finds", {}).items():
            line(f"{name} warm: find \"{query}\" per key", [r["painted"] for r in rows], t_type_med,
                 f"search {ms1(med([r.get('work') for r in rows]))}/{ms1(top([r.get('work') for r in rows]))} ms"
                 f" med/max; {rows[-1].get('matches', 0)} matches; {s.get('find_article_words', 0):,} words")
        for query, rows in s.get("filters", {}).items():
            painted_ = [r["painted"] for r in rows]
            work = [r.get("work") for r in rows]
            results[f"filter {name} {query}"] = (med(painted_), top(painted_), med(work), top(work))
            line(f"{name} warm: filter \"{query}\" per key", painted_, t_type_med,
                 f"after debounce {ms1(med(work))}/{ms1(top(work))} med/max; {rows[-1].get('status', '')}")
        if s.get("analysis_waited") is not None:
            print(f"{'':<44} (waited {s['analysis_waited']:.1f} s for the background analysis before actor:)")
    if "failed" not in long_session:
        for query, rows in long_session.get("finds", {}).items():
            line(f"50k words: find \"{query}\" per key", [r["painted"] for r in rows], t_type_med,
                 f"search {ms1(med([r.get('work') for r in rows]))}/{ms1(top([r.get('work') for r in rows]))}"
                 f" ms med/max; {rows[-1].get('matches', 0)} matches; {long_session.get('find_article_words', 0):,}"
                 " words")
            results[f"find50k {query}"] = (
                med([r["painted"] for r in rows]), top([r["painted"] for r in rows]),
                med([r.get("work") for r in rows]), top([r.get("work") for r in rows]),
            )

    report_cold(cold_sessions)

    # --------------------------------------------------------------------------------- bars
    print()
    print(f"BARS (issue 6 / DESIGN §5 / issue 15); load average now {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    bars: list[tuple[str, float | None, float, str]] = []

    def launch_med(name: str, key: str) -> float | None:
        rs = launches.get(name) or []
        vals = [r[key] for r in rs if key in r]
        return statistics.median(vals) if vals else None

    for case, bar in (("31 warm", BARS["useful_ratio_31"]), ("10k warm", BARS["useful_ratio_10k"])):
        useful = launch_med(case, "text")
        bars.append((f"{case}: titles+text on screen / trivial's first frame", useful / trivial_ff if useful else None,
                     bar, "x"))
    ff31 = launch_med("31 warm", "first_frame")
    ratio31 = ff31 / trivial_ff if ff31 else None
    bars.append(("31 warm: first frame / trivial", ratio31, BARS["first_frame_ratio_31"], "x"))
    for name, bar_titles, bar_rss in (("10k", BARS["titles_10k"], BARS["rss_10k"]),
                                      ("100k", BARS["titles_100k"], BARS["rss_100k"])):
        if name not in counts:
            continue
        states = ("warm", "cold") if name == "10k" else ("warm",)
        for state in states:
            case = f"{name} {state}"
            ff = launch_med(case, "first_frame")
            ratio = ff / trivial_ff if ff else None
            bars.append((f"{case}: first frame / trivial", ratio, BARS["first_frame_ratio"], "x"))
            bars.append((f"{case}: all titles", launch_med(case, "all_titles"), bar_titles, "s"))
            bars.append((f"{case}: peak RSS", launch_med(case, "rss_mib"), bar_rss, "MiB"))
    for size in ("10k", "100k"):
        for query in FILTER_QUERIES_BIG:
            key = f"filter {size} {query}"
            if key in results:
                p_med, p_max, w_med, w_max = results[key]
                bars.append((f"{size}: filter \"{query}\" per key, median", None if p_med is None else p_med * 1000,
                             BARS["filter_median_ms"], "ms"))
                bars.append((f"{size}: filter \"{query}\" per key, max", None if p_max is None else p_max * 1000,
                             BARS["filter_ms"], "ms"))
                bars.append((f"{size}:   the same after the debounce, max (median {ms(w_med)})", w_max * 1000
                             if w_max is not None else None, BARS["filter_ms"], "ms"))
    for query in FIND_QUERIES:
        key = f"find50k {query}"
        if key in results:
            p_med, p_max, w_med, w_max = results[key]
            bars.append((f"50k words: find \"{query}\" search, max (median {ms1(w_med)})", w_max * 1000
                         if w_max is not None else None, BARS["find_ms"], "ms"))
            bars.append((f"50k words: find \"{query}\" key -> frame, max (median {ms(p_med)})", p_max * 1000
                         if p_max is not None else None, BARS["find_ms"], "ms"))
    for name, s in cold_sessions.items():
        rows = s.get("cold_moves", [])
        during = [r["preview"] for r in rows if r["stage"] != "done" and r["preview"] is not None]
        if during:
            bars.append((f"{name} cold: worst j/k -> preview while indexing", top(during) * 1000,
                         BARS[f"cold_key_ms_{name.split('#')[0]}"], "ms"))
        if name != "100k":
            continue
        during = [r for r in rows if r["stage"] != "done"]
        shown_bar = s.get("progress_bar") is not None
        lost = sum(1 for r in during if r["preview"] is None)
        bars.append(("100k cold: progress bar shown", 1.0 if shown_bar else 0.0, 1.0, "yes=1"))
        worst = top([r["preview"] for r in during])
        print(f"  {'100k cold: j/k during indexing':<56} {len(during)} presses, {lost} never shown, worst "
              f"{ms(worst)} ms  {'ok' if during and not lost else 'FAILED'}")
    for what, value, bar, unit in bars:
        if unit == "yes=1":
            print(f"  {what:<56} {'yes' if value else 'no':>8}                   {'ok' if value else 'FAILED'}")
            continue
        shown = "-" if value is None else f"{value:8.2f}"
        ok = "?" if value is None else verdict(value, bar if unit != "yes=1" else 1)
        if unit == "x":
            ok = "?" if value is None else verdict(value, bar)
        print(f"  {what:<56} {shown:>8} {unit:<3} bar <= {bar:<6g} {ok}")
    print()
    print(f"raw samples: {raw}")
    print(f"total {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
