"""Launch cost of the reader (DESIGN §5). Prints figures and verdicts, asserts nothing.

    python benchmarks/startup.py [--runs 5] [--no-cold] [--folder-10k DIR] [--analysis] [--instructions]

Cases, each run in a fresh interpreter (`python -c CHILD`), round-robin so that load on the machine
affects every case alike, after one discarded warm-up round (OS file cache, the folder index):

  trivial      a Textual app with one Static
  articles/    newsreader on the shipped sample folder
  10k          newsreader on 10,000 generated articles (the 293 files of corpus/wikinews/bulk copied
               under distinct names with distinct dates; built once under the cache dir), with the
               folder index (SQLite in $XDG_CACHE_HOME) warm from the warm-up round
  10k cold     the same with an empty cache directory for every run (the index is built from scratch)

The reader is built as `newsreader` builds it (`ui.terminal.reader_app`: the config read and installed;
the children's config directory is empty, so the defaults). Every child runs
`app.run(headless=True, size=(120, 36), auto_pilot=...)`. Headless Textual still lays
out and renders every frame (only the write to the terminal is skipped); the child wraps `App._display`
to note the moment the first frame is handed over. Times are measured from the moment the parent spawns
the process (CLOCK_MONOTONIC is system-wide on Linux, so the child's clock readings are comparable), so
they include interpreter start and every import.

  first frame  spawn -> first frame rendered
  titles       spawn -> the first frame showing the list's titles (and which frame of the run it was)
  text         spawn -> the first frame showing the shown article's text laid out in the reader: with the
               titles, the first useful frame (issue 15: <= 1.3x the trivial app's first frame on
               articles/, <= 1.5x at 10,000, warm)
  all titles   spawn -> the list holds every article (10k only; polled every 5 ms in the auto-pilot)
  exit         spawn -> process exit (the parent's wall clock)
  peak RSS     that one child's VmHWM (its own peak; wait4's ru_maxrss would also count this parent's RSS at
               fork time), MiB: median of the runs, and the largest

The package is byte-compiled first (as `pip install` does; this machine sets PYTHONDONTWRITEBYTECODE) and
the warm index is completed before the runs. A child exits once the article text is painted (after all
titles for 10k). With --analysis, one more 10k
run, with an empty cache, waits for the background analysis of the whole folder and reports its time
and peak RSS.

With --instructions, instead: the instructions each launch executes from spawn to its first useful frame
(the trivial app's first frame; the reader's first with titles and text, warm), counted by `valgrind
--tool=cachegrind --cache-sim=no` with the child made to leave at that frame. Unlike times, the counts do
not move with the machine's load (they repeat to ~0.2 %), so they show what a change saved.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    ARTICLES,
    bench_env,
    build_folder,
    cache_dir,
    child_command,
    count_articles,
    describe_environment,
    median,
    precompile,
    run_child,
    warm_index,
)

N_10K = 10_000


def build_10k(folder: Path, n: int = N_10K) -> Path:
    """10,000 articles from the bulk corpus (see `_common.build_folder`)."""
    return build_folder(folder, n)


def report(results: dict[str, list[dict]], cases: list[tuple[str, str, Path | str, int]], n_10k: int,
           runs: int) -> None:
    """The table (medians; time to titles and to text beside the trivial app) and the bars."""
    trivial = median(results["trivial"], "first_frame")
    print()
    print(f"Medians of {runs} runs (after 1 warm-up), {os.cpu_count()} CPUs, Python {sys.version.split()[0]},"
          f" load average at the end {os.getloadavg()[0]:.1f}")
    header = (f"{'case':<10} {'imports':>9} {'1st frame':>10} {'vs trivial':>10} {'titles':>14} {'text':>14}"
              f" {'all titles':>11} {'exit':>8} {'peak RSS':>9} {'(max)':>9}")
    print(header)
    print("-" * len(header))

    def useful(rs: list[dict], key: str) -> str:
        """'812ms 1.45x #2': median time, its ratio to the trivial app's first frame, the frame it came in."""
        got = [r for r in rs if key in r]
        if not got:
            return f"{'-':>14}"
        frame = int(median(got, f"{key}_frame"))
        return f"{median(got, key) * 1000:5.0f}ms {median(got, key) / trivial:4.2f}x #{frame}"

    for name, *_ in cases:
        rs = results[name]
        ff = median(rs, "first_frame")
        titles = f"{median(rs, 'all_titles') * 1000:9.0f}ms" if "all_titles" in rs[0] else f"{'-':>11}"
        print(
            f"{name:<10} {median(rs, 'imports') * 1000:7.0f}ms {ff * 1000:8.0f}ms {ff / trivial:9.2f}x "
            f"{useful(rs, 'titles'):>14} {useful(rs, 'text'):>14} "
            f"{titles} {median(rs, 'exit') * 1000:6.0f}ms {median(rs, 'rss_mib'):6.1f}MiB"
            f" {max(r['rss_mib'] for r in rs):6.1f}MiB"
        )
    print("(titles / text: the first frame showing the list's titles / the shown article's text, from spawn;"
          " the ratio is to the trivial app's first frame; #n: which frame of the run it was)")
    for name in [n for n in results if n.startswith("10k")]:
        listed = {r["listed"] for r in results[name]}
        if listed != {n_10k}:
            print(f"warning: {name}: the list held {sorted(listed)} articles at the end of a run, expected {n_10k}")

    figures = [("articles/ first frame / trivial", median(results["articles/"], "first_frame") / trivial, 1.5)]
    for name, bar in (("articles/", 1.3), ("10k", 1.5)):  # issue 15: the first useful frame
        if any("text" in r for r in results[name]):
            figures.append((f"{name} titles+text / trivial",
                            median([r for r in results[name] if "text" in r], "text") / trivial, bar))
    for name in [n for n in results if n.startswith("10k")]:
        figures += [
            (f"{name} first frame / trivial", median(results[name], "first_frame") / trivial, 2.0),
            (f"{name} all titles (s)", median(results[name], "all_titles"), 1.5),
            (f"{name} peak RSS (MiB)", median(results[name], "rss_mib"), 150.0),
        ]
    print()
    print("Bars (DESIGN §5):")
    for key, value, bar in figures:
        print(f"  {key:<36} {value:8.2f}  bar <= {bar:<6g} {'ok' if value <= bar else 'OVER'}")
    print("  (peak RSS: median over the runs of each run's peak; a run ends once every title is listed,")
    print("   so background analysis has only just started; --analysis measures a run through to its end)")


def instructions(mode: str, folder: Path | str, env: dict[str, str]) -> int:
    """Instructions executed by one launch child from spawn to its first useful frame (cachegrind)."""
    command = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
               *child_command(mode, folder, 0, exit_at_useful=True)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    counted = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if done.returncode != 0 or counted is None or "BENCH " not in done.stdout:
        sys.exit(f"benchmarks: the {mode} child under cachegrind failed:\n{done.stderr[-3000:]}")
    return int(counted.group(1).replace(",", ""))


def count_instructions(cases: list[tuple[str, str, Path | str]], env: dict[str, str], runs: int) -> None:
    """The --instructions table: millions of instructions to the first useful frame, and the ratio."""
    counts = {name: [instructions(mode, folder, env) for _ in range(runs)] for name, mode, folder in cases}
    base = min(counts["trivial"])
    print(f"\nInstructions from spawn to the first useful frame (cachegrind), {runs} run(s) each:")
    for name, values in counts.items():
        print(f"  {name:<10} {min(values) / 1e6:8,.0f} M  {min(values) / base:5.3f}x"
              f"   (runs: {', '.join(f'{v / 1e6:,.1f}' for v in values)} M)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Launch-to-first-frame of newsreader vs a trivial Textual app.")
    parser.add_argument("--runs", type=int, help="measured runs per case (default and minimum 5; --instructions: 1)")
    parser.add_argument("--folder-10k", type=Path, default=cache_dir() / f"wikinews-{N_10K}")
    parser.add_argument("--analysis", action="store_true", help="also time one 10k run to the end of analysis")
    parser.add_argument("--no-cold", action="store_true", help="skip the 10k runs with an empty index cache")
    parser.add_argument("--instructions", action="store_true",
                        help="count instructions to the first useful frame under cachegrind instead (--runs: 1+)")
    args = parser.parse_args(argv)
    runs = max(1, args.runs or 1) if args.instructions else max(5, args.runs or 5)

    started = time.monotonic()
    print("\n".join(describe_environment(sys.argv)))
    args.folder_10k.parent.mkdir(parents=True, exist_ok=True)
    t = time.monotonic()
    folder_10k = build_10k(args.folder_10k)
    n_10k = sum(1 for p in folder_10k.iterdir() if p.suffix == ".txt")
    print(f"10k folder: {folder_10k} ({n_10k} files, ready in {time.monotonic() - t:.1f} s)")
    articles = ARTICLES
    n_articles = count_articles(articles)

    # the reader's state and caches of these runs stay out of the user's home (and are warm after round 0)
    scratch = cache_dir() / "xdg"
    env = bench_env(scratch)

    precompile()
    for folder in (articles, folder_10k):
        print(f"index of {folder} complete in the scratch cache: {warm_index(folder, env):.1f} s", flush=True)
    if args.instructions:
        if not shutil.which("valgrind"):
            sys.exit("--instructions needs valgrind")
        run_child("newsreader", articles, 0, env)  # the first article read: the timed state, as below
        run_child("newsreader", folder_10k, 0, env)
        count_instructions([("trivial", "trivial", "-"), ("articles/", "newsreader", articles),
                            ("10k", "newsreader", folder_10k)], env, runs)
        return 0
    cases = [
        ("trivial", "trivial", "-", 0),
        ("articles/", "newsreader", articles, n_articles),
        ("10k", "newsreader", folder_10k, n_10k),
    ]
    if not args.no_cold:
        cases.append(("10k cold", "newsreader", folder_10k, n_10k))
    results: dict[str, list[dict]] = {name: [] for name, *_ in cases}
    for round_no in range(runs + 1):  # round 0 is the warm-up
        for name, mode, folder, expected in cases:
            if name == "10k cold":
                if not round_no:
                    continue
                with tempfile.TemporaryDirectory(prefix="cold-", dir=scratch) as cold:  # an empty cache
                    r = run_child(mode, folder, expected, {**env, "XDG_CACHE_HOME": cold})
            else:
                r = run_child(mode, folder, expected if name == "10k" else 0, env)
            if round_no:
                results[name].append(r)
        print(f"round {round_no}{' (warm-up, discarded)' if not round_no else ''} done", flush=True)

    report(results, cases, n_10k, runs)

    if args.analysis:
        with tempfile.TemporaryDirectory(prefix="cold-", dir=scratch) as cold:  # analyse everything afresh
            r = run_child("newsreader", folder_10k, n_10k, {**env, "XDG_CACHE_HOME": cold}, wait_analysis=True)
        print()
        if "analysed" in r:
            print(f"10k with background analysis of every article: done {r['analysed']:.1f} s after spawn, "
                  f"peak RSS {r['rss_mib']:.1f} MiB")
        else:
            print("10k background analysis: no 'background-analysis' worker finished"
                  f" (peak RSS {r['rss_mib']:.1f} MiB)")
    print(f"\n(total {time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
