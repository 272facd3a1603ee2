"""Per-keystroke cost of find-in-article and of the folder filter (DESIGN §5). Prints figures, asserts nothing.

    python benchmarks/search.py [--corpus DIR] [--docs 10000] [--words 50000]

Find: the whole 50,000-word article is searched for every successive prefix of a typed word ("g", "go",
"gov", ...), as the find bar does; bar <= 16 ms per keystroke.
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

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "wikinews" / "bulk"
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


def bench_find(corpus: list[tuple[str, str, str]], n_words: int, words: list[str]) -> None:
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
    article = "\n\n".join(paragraphs)
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
    bench_filter(
        corpus,
        args.docs,
        ["gov", "government", "trump president", "-the", '"prime minister"', "actor:trump", "quote:we source:wiki"],
    )
    print(f"\ntotal {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
