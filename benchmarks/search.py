"""Per-keystroke cost of find-in-article and of the folder filter (DESIGN §5). Prints figures, asserts nothing.

    python benchmarks/search.py [--corpus DIR] [--docs 10000] [--words 50000]

Find: the whole 50,000-word article is searched for every successive prefix of a typed word ("g", "go",
"gov", ...), as the find bar does; bar <= 16 ms per keystroke.
Find in the reader (issue 15): the app runs headless (120x36) on that article and on the shipped
`articles/`; a word is typed into the find bar key by key, sent as the terminal driver sends keys, 0.15 s
apart. Per key: ms from the key to the first frame showing its echo in the input, to the first frame
showing its highlights, and how many frames apart the two were (bar: 0, one frame per key; literal find).
Filter: 10,000 documents built by repeating the bodies of the bulk corpus; every prefix of each query is
filtered, as the debounced filter input does; bar <= 100 ms per keystroke. The first ("cold") query also
builds the folded haystacks, so it is reported separately, and so is `prepare_docs` alone.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsreader.query import (
    FilterQuery,
    SearchDoc,
    analysis_fields,
    filter_docs,
    parse_filter,
    prepare_docs,
)
from newsreader.search import find_matches

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import BULK as DEFAULT_CORPUS  # noqa: E402 - beside the checkout or the folder of worktrees
FIND_BAR_MS = 16.0
FILTER_BAR_MS = 100.0


def read_corpus(folder: Path) -> list[tuple[str, str, str]]:
    """(title, body, source) per file; the body is the text after the `---` front matter."""
    out = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        title, source, body = path.stem, "", text
        if text.startswith("---\n"):
            end = text.find("\n---\n", 4)
            if end != -1:
                for line in text[4:end].splitlines():
                    key, _, value = line.partition(":")
                    if key.strip() == "title":
                        title = value.strip()
                    elif key.strip() == "source":
                        source = value.strip()
                body = text[end + 5 :]
        out.append((title, body, source))
    return out


def ms(seconds: float) -> float:
    return seconds * 1000.0


def typed(query: str) -> list[str]:
    """Every prefix of `query`, as the input holds it after each keystroke (blank prefixes skipped)."""
    return [query[:i] for i in range(1, len(query) + 1) if query[:i].strip()]


def verdict(value: float, bar: float) -> str:
    return "ok" if value <= bar else "OVER"


def long_article(corpus: list[tuple[str, str, str]], n_words: int) -> tuple[str, int]:
    """The corpus' paragraphs, in order, up to `n_words` words: (text, words)."""
    paragraphs: list[str] = []
    count = 0
    while count < n_words:
        for _, body, _ in corpus:
            for para in body.split("\n\n"):
                paragraphs.append(para)
                count += len(para.split())
                if count >= n_words:
                    break
            if count >= n_words:
                break
    return "\n\n".join(paragraphs), count


def bench_find(corpus: list[tuple[str, str, str]], n_words: int, words: list[str]) -> None:
    article, count = long_article(corpus, n_words)
    print(f"find: article of {count:,} words, {len(article):,} chars; bar <= {FIND_BAR_MS:.0f} ms per keystroke")
    print(f"  {'typed':<22} {'keys':>4} {'median ms':>10} {'max ms':>8} {'matches at end':>15}")
    for word, opts in words:
        times = []
        result = None
        for prefix in typed(word):
            t0 = time.perf_counter()
            result = find_matches(article, prefix, **opts)
            times.append(time.perf_counter() - t0)
        assert result is not None
        label = word + ("".join(f" [{k}]" for k, v in opts.items() if v))
        mx = ms(max(times))
        print(
            f"  {label:<22} {len(times):>4} {ms(statistics.median(times)):>10.2f} {mx:>8.2f}"
            f" {len(result.matches):>15,}  {verdict(mx, FIND_BAR_MS)}"
        )


KEY_GAP_S = 0.15  # between typed keys: every key is answered before the next


def find_in_reader(folder: Path, word: str) -> list[dict[str, float]]:
    """Type `word` into the reader's find bar (`/` first); per key (see the module docstring): "echo" and
    "lit" (ms from the key to the first frame showing the echo / the highlights) and "apart" (frames)."""
    import asyncio

    from textual import events

    from newsreader.ui.app import make_app

    app = make_app(folder, background_analysis=False, use_index=False, watch=False, read_after=None)
    frames: list[tuple[float, str | None, str]] = []  # (when, the input's text, the find the view paints)
    display = app._display

    def noting(screen: Any, renderable: Any) -> None:
        if renderable is not None:
            bar = app.reader_pane.find_bar
            typed_text = bar.input.value if bar.is_open else None
            frames.append((time.monotonic(), typed_text, app.reader_pane.find.text))
        display(screen, renderable)

    app._display = noting
    rows: list[dict[str, float]] = []

    def send(key: str, char: str | None) -> float:
        event = events.Key(key, char)
        event.set_sender(app)
        sent = time.monotonic()
        app._driver.send_message(event)
        return sent

    def first(since: int, hit: Any) -> int | None:
        return next((i for i in range(since, len(frames)) if hit(frames[i])), None)

    async def pilot(_pilot: Any) -> None:
        await app.workers.wait_for_complete()
        await asyncio.sleep(0.5)
        send("slash", "/")
        while not (app.focused is not None and app.focused.id == "find-input"):
            await asyncio.sleep(0.005)
        await asyncio.sleep(0.3)
        for i, char in enumerate(word):
            prefix, mark = word[: i + 1], len(frames)
            sent = send(char if char.isalnum() else "space", char)
            deadline = time.monotonic() + 10
            while first(mark, lambda f: f[2] == prefix) is None and time.monotonic() < deadline:  # noqa: B023
                await asyncio.sleep(0.002)
            echo = first(mark, lambda f: f[1] == prefix)  # noqa: B023
            lit = first(mark, lambda f: f[2] == prefix)  # noqa: B023
            if echo is not None and lit is not None:
                rows.append({"echo": ms(frames[echo][0] - sent), "lit": ms(frames[lit][0] - sent),
                             "apart": lit - echo})
            await asyncio.sleep(KEY_GAP_S)
        app.exit()

    app.run(headless=True, size=(120, 36), auto_pilot=pilot)
    return rows


def bench_find_in_reader(article: str, words: list[str]) -> None:
    import os
    import tempfile

    print("\nfind in the reader (headless 120x36): key -> frame with its echo / with its highlights;"
          " bar: 0 frames apart")
    print(f"  {'article':<16} {'typed':<12} {'keys':>4} {'echo med':>9} {'lit med':>8} {'lit max':>8}"
          f" {'frames apart (max)':>19}")
    with tempfile.TemporaryDirectory(prefix="find-in-reader-") as scratch:
        os.environ["XDG_STATE_HOME"] = os.path.join(scratch, "state")  # no read marks left anywhere
        long_folder = Path(scratch) / "long"
        long_folder.mkdir()
        (long_folder / "long.txt").write_text(f"---\ntitle: Long\n---\n{article}", encoding="utf-8")
        repo_articles = Path(__file__).resolve().parent.parent / "articles"
        for label, folder in ((f"{len(article.split()):,} words", long_folder), ("articles/ first", repo_articles)):
            for word in words:
                rows = find_in_reader(folder, word)
                if len(rows) < len(word):
                    print(f"  {label:<16} {word:<12} only {len(rows)} of {len(word)} keys were painted")
                    continue
                apart = max(r["apart"] for r in rows)
                print(f"  {label:<16} {word:<12} {len(rows):>4} {statistics.median(r['echo'] for r in rows):>7.0f}ms"
                      f" {statistics.median(r['lit'] for r in rows):>6.0f}ms {max(r['lit'] for r in rows):>6.0f}ms"
                      f" {apart:>19}  {'ok' if apart == 0 else 'OVER'}")


def synthetic_actors(body: str) -> tuple[tuple[str, ...], ...]:
    """Capitalised two-word runs from the body as 'actors' with the surname as alias: a stand-in for the
    analysis engine with realistic sizes (up to 40 names per article)."""
    words = body.replace("\n", " ").split()
    names: dict[str, None] = {}
    for a, b in zip(words, words[1:], strict=False):  # consecutive pairs
        b = b.strip(",.;:'\"")
        if a[:1].isupper() and b[:1].isupper() and a.isalpha() and b.isalpha():
            names[f"{a} {b}"] = None
    return tuple((name, name.split()[-1]) for name in list(names)[:40])


Fields = tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]  # (actors, quotes) of one SearchDoc


def analysis_for(corpus: list[tuple[str, str, str]]) -> tuple[list[Fields], str]:
    """Actors and quotes per corpus body: from `newsreader.analysis.analyse_article` when it exists and
    works, else synthetic (capitalised word pairs, straight-quoted runs)."""
    try:
        from newsreader.analysis import analyse_article  # type: ignore[attr-defined]  # older checkouts lack it

        t0 = time.perf_counter()
        fields = [analysis_fields(analyse_article(body)) for _, body, _ in corpus]
        took = time.perf_counter() - t0
        return fields, f"newsreader.analysis.analyse_article ({took:.1f} s for {len(corpus)} bodies)"
    except Exception as exc:  # not built yet, or a different signature
        why = "not available" if isinstance(exc, ImportError) else f"failed: {type(exc).__name__}"
        fields = [
            (synthetic_actors(body), tuple(part for j, part in enumerate(body.split('"')) if j % 2))
            for _, body, _ in corpus
        ]
        return fields, f"synthetic (capitalised word pairs; analyse_article {why})"


def build_docs(corpus: list[tuple[str, str, str]], n_docs: int, fields: list[Fields]) -> list[SearchDoc]:
    docs = []
    for i in range(n_docs):
        k = i % len(corpus)
        title, body, source = corpus[k]
        actors, quotes = fields[k]
        # distinct str objects per document, like articles read from distinct files
        docs.append(
            SearchDoc(
                key=f"{i}", title=f"{title} ({i})", body=body + f"\n\nCopy {i}.", source=source,
                actors=actors, quotes=quotes,
            )
        )
    return docs


def bench_filter(corpus: list[tuple[str, str, str]], n_docs: int, queries: list[str]) -> None:
    fields, origin = analysis_for(corpus)
    t0 = time.perf_counter()
    docs = build_docs(corpus, n_docs, fields)
    chars = sum(len(d.body) for d in docs)
    print(
        f"\nfilter: {n_docs:,} documents, {chars / 1e6:.1f} M chars of body (built in"
        f" {time.perf_counter() - t0:.2f} s); bar <= {FILTER_BAR_MS:.0f} ms per keystroke"
    )
    print(f"  actors and quotes: {origin}")
    t0 = time.perf_counter()
    n = len(filter_docs(docs, parse_filter("government")))
    print(f"  cold first text query (folds every title+body): {ms(time.perf_counter() - t0):.0f} ms, {n:,} hits")
    for query, what in (("actor:trump", "actor names"), ("quote:we", "quotations")):
        t0 = time.perf_counter()
        filter_docs(docs, parse_filter(query))
        print(f"  cold first {query} query (folds {what}): {ms(time.perf_counter() - t0):.0f} ms")
    fresh = build_docs(corpus, n_docs, fields)
    t0 = time.perf_counter()
    prepare_docs(fresh)
    print(f"  prepare_docs on fresh docs (all of the above, for a worker after loading):"
          f" {ms(time.perf_counter() - t0):.0f} ms")
    del fresh
    print("  warm, per keystroke:")
    print(f"  {'typed':<28} {'keys':>4} {'median ms':>10} {'max ms':>8} {'hits at end':>12}")
    for query in queries:
        times = []
        hits = 0
        for prefix in typed(query):
            t0 = time.perf_counter()
            parsed: FilterQuery = parse_filter(prefix)
            hits = len(filter_docs(docs, parsed, cancelled=lambda: False))
            times.append(time.perf_counter() - t0)
        mx = ms(max(times))
        print(
            f"  {query:<28} {len(times):>4} {ms(statistics.median(times)):>10.2f} {mx:>8.2f} {hits:>12,}"
            f"  {verdict(mx, FILTER_BAR_MS)}"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--words", type=int, default=50_000)
    ap.add_argument("--no-reader", action="store_true", help="skip the find in the running reader")
    args = ap.parse_args()
    corpus = read_corpus(args.corpus)
    if not corpus:
        print(f"no .txt files in {args.corpus}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    bench_find(
        corpus,
        args.words,
        [
            ("government", {}),
            ("Government", {}),
            ("the president", {}),
            ("minister", {"whole_word": True}),
            (r"\b[A-Z]\w+ said", {"regex": True}),
        ],
    )
    if not args.no_reader:
        bench_find_in_reader(long_article(corpus, args.words)[0], ["government", "minister"])
    bench_filter(
        corpus,
        args.docs,
        ["gov", "government", "trump president", "-the", '"prime minister"', "actor:trump", "quote:we source:wiki"],
    )
    print(f"\ntotal {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
