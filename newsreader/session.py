"""One reading session over a folder: the article list, bodies on demand, analyses, the filter.

This is the state the reader works with, kept out of the Textual layer so it can be tested (and
benchmarked) directly. Workers call the slow methods (`refresh`, `analyse`, `filter`); the UI thread
only reads `articles` snapshots handed to it in messages. Memory stays flat with folder size: with
the index, list entries carry no body and only a small LRU of full analyses is kept.
"""

from __future__ import annotations

import operator
import sqlite3
import threading
import time
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from itertools import compress, count
from pathlib import Path
from typing import TYPE_CHECKING

from newsreader.allocator import give_back, limit_heaps
from newsreader.articles import Article
from newsreader.folder_sync import Changes, FolderSync
from newsreader.index import FolderIndex, open_index
from newsreader.library import FolderConfig, folder_of, sort_key
from newsreader.listing import (
    ANALYSED, NOT_ANALYSED, UNREADABLE, EntryList, analysis_states, errors_in, path_text, take,
)
from newsreader.sanitize import clean_line

if TYPE_CHECKING:  # loaded when first used (the filter, its table, the cast, analyses): not before the first frame
    from newsreader.analysis.model import ActorHint, Analysis
    from newsreader.folder_actors import FolderActor, FolderActors
    from newsreader.prefix_table import PrefixTable
    from newsreader.query import FilterQuery, SearchDoc

    Analyser = Callable[[Article, Sequence[ActorHint]], Analysis]
ANALYSIS_LRU = 256
FILTER_RESULTS_KEPT = 32
TABLE_YIELDS_S = 0.3  # the prefix table's and the cast's builds wait while filters were asked for this recently
CAST_STEP = 200  # stored analyses counted into the folder's cast between two looks at the keyboard
UNSTORED_ANALYSES = 2_000  # analyses kept (with their bodies) for a retry while the index can't be written


def _file_of_key(key: str) -> str:
    """The file of an `Article.key` ("path" or "path#index" for the index-th article of a YAML file)."""
    path, sep, index = key.rpartition("#")
    return path if sep and index.isdigit() else key


def default_analyser(article: Article, hints: Sequence[ActorHint]) -> Analysis:
    from newsreader.analysis import analyse_article

    return analyse_article(article.body, tuple(hints), article.title)


def load_folder(root: Path | str, *, use_index: bool = False, analyser: Analyser = default_analyser) -> Session:
    """A session with the whole folder (or file) read now, bodies kept: the CLI's and the tests' road.

    Without the index nothing is written anywhere; the TUI instead starts from `warm_start` and
    `refresh`es in a worker.
    """
    session = Session(Path(root), use_index=use_index, analyser=analyser)
    session.refresh()
    return session


class Session:
    """The folder (or single file) being read: the only road from a path to articles."""

    def __init__(self, root: Path, *, use_index: bool = True, analyser: Analyser = default_analyser) -> None:
        # The index is found by the folder's real path (`cache_paths.index_path_for`), so the paths it holds
        # are spelled from the real path too: "articles", "./articles", "/home/me/articles" or a symlink to it
        # then agree with the index, where each spelling used to see every file as gone and re-read them all.
        self.root = Path(root).resolve() if use_index else Path(root)
        self.folder = folder_of(self.root)
        self.analyser = analyser
        self.index: FolderIndex | None = None
        self.notice: str | None = None
        if use_index and self.root.is_dir():
            self.index, self.notice = open_index(self.root)
        self.sync = FolderSync(self.root, self.index)
        self.articles: Sequence[Article] = []
        self.quote_counts: dict[str, int] = {}
        self._analyses: OrderedDict[str, Analysis] = OrderedDict()
        self._docs: dict[str, SearchDoc] = {}
        self._lock = threading.RLock()
        self._positions_of: tuple[Sequence[Article], array[int], list[int]] | None = None
        self._prefix_table: tuple[Sequence[Article], PrefixTable] | None = None  # (the list it is for, the table)
        self._filtered_at = 0.0  # monotonic time of the last filter asked for
        self._errors_of: tuple[Sequence[Article], list[Article]] | None = None
        self._results: OrderedDict[FilterQuery, tuple[Sequence[Article], array[int]]] = OrderedDict()
        # the folder-wide cast, built only once somebody asks for it (it costs memory at 100k articles)
        self._actor_index: FolderActors | None = None
        self._unstored_analyses: list[tuple[Article, str, Analysis]] = []
        self._store_lock = threading.Lock()  # not `_lock`: the UI thread must never wait for a disk write
        self._analysis_problem: str | None = None
        self._reported: str | None = None

    @property
    def uses_index(self) -> bool:
        return self.index is not None and not self.sync.keep_bodies

    @property
    def config(self) -> FolderConfig:
        """The folder's `newsreader.yaml` as last read (its `problem` says what was wrong with it)."""
        return self.sync.config

    @property
    def errors(self) -> list[Article]:
        """The entries that could not be read (found once per list: the header asks at every key)."""
        articles = self.articles
        if self._errors_of is None or self._errors_of[0] is not articles:
            self._errors_of = (articles, errors_in(articles))
        return self._errors_of[1]

    @property
    def index_problem(self) -> str | None:
        """Why the index is behind (a write failed: locked, disk full), or None: a flag the UI can show.

        While it is set, files the index could not take are answered from memory, so the list and
        text filters stay complete; analyses not written yet are retried with the next ones.
        """
        return self.sync.problem or self._analysis_problem

    def take_notice(self) -> str | None:
        """`index_problem` when it changed since last asked (the UI shows each once)."""
        problem = self.index_problem
        if problem == self._reported:
            return None
        self._reported = problem
        return problem

    def hints_for(self, article: Article) -> tuple[ActorHint, ...]:
        """Front-matter hints first (they win), then the folder's newsreader.yaml."""
        return tuple(article.hints) + tuple(self.sync.config.hints)

    # ------------------------------------------------------------------------------------ loading

    def warm_start(self) -> Sequence[Article]:
        """The list as the index last knew it (empty without an index): shown at once."""
        limit_heaps()  # (a worker: the first one, before the others start)
        entries = self.sync.warm_start()
        self._set_articles(entries)
        return self.articles

    def first_page(self, count: int) -> list[Article]:
        """The first `count` entries of the list as the index last knew it (empty without an index).

        Cheap at any folder size (an SQL index gives them in order), so the reader can show a warm
        folder's titles, and open the first article, before its first paint; `warm_start` follows.
        """
        if self.index is None or not self.uses_index:
            return []
        try:
            return sorted(self.index.articles(limit=count), key=sort_key)
        except sqlite3.Error:
            return []

    def refresh(
        self,
        progress: Callable[[int, int, bool], None] | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> Changes:
        """Re-read what changed in the folder; `articles` is replaced by a new sorted list."""
        limit_heaps()
        changes = self.sync.sync(progress, cancelled)
        if changes or not self.articles:
            changed = changes.removed | changes.updated
            with self._lock:
                # each kept analysis looked up among the changed files, not the other way round: a cold
                # index changes every file, and a pass over the analyses per file held the interpreter
                # for seconds (100,000 x 256) at its end, keys waiting
                for key in [k for k in self._analyses if k in changed or _file_of_key(k) in changed]:
                    self._analyses.pop(key, None)
                    self._docs.pop(key, None)
                    if self._actor_index is not None:
                        self._actor_index.discard(key)
            self._set_articles(self.sync.articles())
        give_back()  # (the walk's names and stamps, a cold folder's streamed entries)
        return changes

    def _set_articles(self, ordered: Sequence[Article]) -> None:
        """`ordered`: the sync's list, already in list order (`listing.Listing` keeps it so). The entries'
        own quotation counts (from the index) are not copied into `quote_counts`: readers of it fall back
        on them (a map of 100,000 keys was ~15 MiB)."""
        self.articles = ordered

    def full_article(self, entry: Article) -> Article:
        """The article with its body (a list entry from the index has none)."""
        return self.sync.load_body(entry)

    # ----------------------------------------------------------------------------------- analysis

    def cached_analysis(self, article: Article) -> Analysis | None:
        """An analysis already made for this article, from memory or from the index; never computes."""
        with self._lock:
            analysis = self._analyses.get(article.key)
            if analysis is not None:
                self._analyses.move_to_end(article.key)
                return analysis
        if self.index is not None and not article.partial and not article.error:
            try:
                analysis = self.index.analysis(article, article.body)
            except Exception:  # noqa: BLE001 - a cache read failing only costs a re-analysis
                analysis = None
            if analysis is not None:
                self._remember(article, analysis)
        return analysis

    def warm_up_analysis(self) -> None:
        """Load the analysis's modules and word lists now (0.2 s on a quiet machine, 0.6 s on a busy one,
        much of it holding the interpreter lock) rather than with the first article shown, which a cold
        folder shows just as keys start to arrive. Only for the default analyser (a test's own is left
        alone)."""
        if self.analyser is default_analyser:
            from newsreader.analysis import analyse_article

            analyse_article("“We are ready,” said Ann Lee of the Acme Company in Paris. She left.", (), "Warm-up")

    def analyse(self, article: Article, *, store: bool = True) -> Analysis:
        """Analyse a full article (cached), remember it, and record it in the index."""
        analysis = self.cached_analysis(article)
        if analysis is not None:
            return analysis
        analysis = self.analyser(article, self.hints_for(article))
        self._remember(article, analysis)
        if store:
            self._store_analyses([(article, article.body, analysis)])
        return analysis

    def analyse_many(self, entries: Sequence[Article], cancelled: Callable[[], bool]) -> list[tuple[str, int]]:
        """Background analysis of a batch of entries; returns (key, quote count) for each done."""
        done: list[tuple[str, int]] = []
        stored: list[tuple[Article, str, Analysis]] = []
        for entry in entries:
            if cancelled():
                break
            if entry.error:
                continue
            article = self.full_article(entry)
            analysis = self.cached_analysis(article)
            if analysis is None:
                analysis = self.analyser(article, self.hints_for(article))
                # with the index, it is stored there, not kept: in the memory's few places it would push out
                # the articles the reader showed (and 256 analyses of news articles held ~5 MiB)
                self._remember(article, analysis, keep=self.index is None)
                stored.append((article, article.body, analysis))
            entry.quote_count = len(analysis.quotes)  # (in the list's own row: no map of every key's count)
            done.append((entry.key, len(analysis.quotes)))
        if stored:
            self._store_analyses(stored)
        give_back()  # (the batch's bodies and analyses)
        return done

    def _store_analyses(self, items: list[tuple[Article, str, Analysis]]) -> None:
        """Record analyses in the index, with any an earlier failed write left behind."""
        if self.index is None:
            return
        with self._store_lock:
            pending = self._unstored_analyses + items
            try:
                self.index.store_analyses(pending)
            except (sqlite3.Error, OSError) as exc:
                self._unstored_analyses = pending[-UNSTORED_ANALYSES:]
                self._analysis_problem = (
                    f"The index could not record analyses ({clean_line(str(exc), 120)}): actor: and quote:"
                    " filters may miss some articles until it can; retrying."
                )
            else:
                self._unstored_analyses = []
                self._analysis_problem = None

    def _remember(self, article: Article, analysis: Analysis, *, keep: bool = True) -> None:
        """Count the analysis (the folder's cast, the filter's document) and, if `keep`, keep it among the
        last ANALYSIS_LRU, with its quotation count in `quote_counts` and in the listed entry."""
        with self._lock:
            if keep:
                self._analyses[article.key] = analysis
                self._analyses.move_to_end(article.key)
                while len(self._analyses) > ANALYSIS_LRU:
                    self._analyses.popitem(last=False)
                self.quote_counts[article.key] = len(analysis.quotes)
                for listed in self.sync.entries.get(path_text(article)) or ():
                    if listed.index == article.index and listed is not article:
                        listed.quote_count = len(analysis.quotes)
            if self._actor_index is not None:
                self._actor_index.add(article.key, analysis)
            doc = self._docs.get(article.key)
            if doc is not None:
                from newsreader.query import analysis_fields

                doc.actors, doc.quotes = analysis_fields(analysis)
            elif self.sync.keep_bodies:
                self._docs[article.key] = self._make_doc(article, analysis)

    def unanalysed(self) -> Sequence[Article]:
        """Entries (in list order) that have no analysis yet (their quotation count is not known), as a list
        of rows: no entry object is held for each."""
        articles = self.articles
        states = analysis_states(articles)
        return take(articles, list(compress(count(), map(NOT_ANALYSED.__eq__, states))))

    def analysed_count(self) -> tuple[int, int]:
        """(entries analysed, entries that can be): from the list's columns, ~10 ms at 100,000."""
        states = analysis_states(self.articles)
        return states.count(ANALYSED), len(states) - states.count(UNREADABLE)

    # ------------------------------------------------------------------------------------- filter

    @staticmethod
    def _make_doc(article: Article, analysis: Analysis | None = None) -> SearchDoc:
        from newsreader.query import SearchDoc, analysis_fields

        doc = SearchDoc(article.key, article.title, article.body, article.source or "")
        if analysis is not None:
            doc.actors, doc.quotes = analysis_fields(analysis)
        return doc

    def _doc(self, article: Article) -> SearchDoc:
        doc = self._docs.get(article.key)
        if doc is None or doc.body is not article.body:
            doc = self._docs[article.key] = self._make_doc(article, self._analyses.get(article.key))
        return doc

    def search_docs(self) -> list[SearchDoc]:
        """In-memory filter documents aligned with `articles` (only without the index)."""
        with self._lock:
            return [self._doc(a) for a in self.articles]

    def filter(self, query: FilterQuery, cancelled: Callable[[], bool] = lambda: False) -> list[int]:
        """Indices into `articles` of those matching `query`. Once the folder's cast is counted, `actor:X`
        stands for every name of X's actor ("Trump" → Donald Trump).

        With the index, its SQL backend answers for the entries it holds, and the in-memory backend for
        the few it does not (files the walk could not read, files whose index write failed); without
        it, the in-memory backend answers for all.
        """
        self._filtered_at = time.monotonic()
        queries = [query]
        table = self._actor_index
        if table is not None and any(t.field == "actor" for t in query.terms):
            from newsreader.folder_actors import merged_queries

            with self._lock:  # the table is fed from other threads; plain queries need no lock
                queries = merged_queries(query, table.names_for)
        if len(queries) > 1:
            found: set[int] = set()
            for alternative in queries:
                found.update(self._filter_one(alternative, cancelled))
            return sorted(found)
        return self._filter_one(query, cancelled)

    def _filter_one(self, query: FilterQuery, cancelled: Callable[[], bool]) -> list[int]:
        from newsreader.query import filter_docs, matches

        articles = self.articles
        if query.is_empty:
            return list(range(len(articles)))
        if not self.uses_index or self.index is None:
            return filter_docs(self.search_docs(), query, cancelled)
        cached = self._results.get(query)
        if cached is not None and cached[0] is articles:
            return cached[1].tolist()
        position_of, loose = self._positions(articles)
        table = self._prefix_table
        hits = None
        if table is not None and table[0] is articles:  # one- and two-letter words: from the table
            hits = table[1].answer(query, lambda rest: self._indexed_positions(rest, position_of, cancelled))
        if hits is None:
            hits = self._indexed_positions(query, position_of, cancelled)
        if hits is None:
            return list(range(len(articles)))
        if loose:
            with self._lock:
                hits += [i for i in loose if matches(self._doc(articles[i]), query)]
        hits.sort()
        if not cancelled():
            self._remember_result(query, articles, hits)
        return hits

    def _indexed_positions(
        self, query: FilterQuery, position_of: array[int], cancelled: Callable[[], bool] = lambda: False
    ) -> list[int] | None:
        """The SQL backend's answer as list positions, ascending (None: it can't answer)."""
        assert self.index is not None
        ids = self.index.filter_ids(query, cancelled)
        if ids is None:
            return None
        known = len(position_of)
        hits = [p for i in ids if i < known and (p := position_of[i]) >= 0]
        hits.sort()  # (rows come in row order, which is mostly list order: a single pass)
        return hits

    def _remember_result(self, query: FilterQuery, articles: Sequence[Article], hits: list[int]) -> None:
        """Keep the last few results (typing back over a prefix answers from here). Not for actor:/quote:
        queries, whose answer grows while the background analysis runs. Kept as arrays: 32 results of
        100,000 positions as lists of ints were ~100 MiB."""
        if query.needs_analysis:
            return
        self._results[query] = (articles, array("i", hits))
        self._results.move_to_end(query)
        while len(self._results) > FILTER_RESULTS_KEPT:
            self._results.popitem(last=False)

    def prepare_filter(self, cancelled: Callable[[], bool] = lambda: False) -> None:
        """Build the map from index rows to list positions and the table of one- and two-letter prefixes
        now (in a worker; the table takes a few seconds at 100,000 articles), not at the first key.
        Until the table is there, or after the list changed, SQLite answers those words."""
        from newsreader.query import FilterQuery, Term

        if not self.uses_index or self.index is None:
            return
        articles = self.articles
        position_of, _loose = self._positions(articles)

        known = len(position_of)

        def rows_of(prefix: str) -> Iterator[int] | None:
            self._stand_back(cancelled)
            assert self.index is not None
            ids = self.index.filter_ids(FilterQuery((Term("text", prefix, False, False),)), cancelled)
            # positions one at a time: no list of them (the build runs in a worker thread, and large
            # short-lived lists there were kept by the C allocator: ~70 MiB more RSS at 100,000)
            return None if ids is None else (p for i in ids if i < known and (p := position_of[i]) >= 0)

        from newsreader.prefix_table import PrefixTable

        table = PrefixTable.build(len(articles), rows_of, cancelled)
        if table is not None and not cancelled():
            self._prefix_table = (articles, table)
        give_back()  # (SQLite's doclists of 1,000 prefix queries)

    # ----------------------------------------------------------------------------- folder actors

    def build_actor_index(self, cancelled: Callable[[], bool] = lambda: False) -> None:
        """Start counting the folder's cast: every stored analysis now, new ones as they are made."""
        from newsreader.folder_actors import FolderActors

        with self._lock:
            if self._actor_index is None:
                self._actor_index = FolderActors()
                for key, analysis in self._analyses.items():
                    self._actor_index.add(key, analysis)
        if self.index is None:
            return
        for counted, (path, idx, analysis) in enumerate(self.index.all_analyses()):
            if counted % CAST_STEP == 0:
                self._stand_back(cancelled)  # (thousands of analyses parsed: seconds at 100,000 articles)
            if cancelled():
                return
            key = f"{path}#{idx}" if idx else path
            with self._lock:
                if key not in self._actor_index:
                    self._actor_index.add(key, analysis)
        give_back()  # (every stored analysis was parsed)

    def _stand_back(self, cancelled: Callable[[], bool]) -> None:
        """Wait while someone is typing a filter: a build in a worker shares the interpreter with their keys."""
        while time.monotonic() - self._filtered_at < TABLE_YIELDS_S and not cancelled():
            time.sleep(0.05)

    def folder_actors(self) -> list[FolderActor]:
        """The folder's actors counted so far (empty until `build_actor_index`)."""
        with self._lock:
            return list(self._actor_index.actors()) if self._actor_index is not None else []

    @property
    def filter_ready(self) -> bool:
        """The prefix table of the current list is built (`prepare_filter`), or no index needs one."""
        table = self._prefix_table
        return not self.uses_index or (table is not None and table[0] is self.articles)

    def _positions(self, articles: Sequence[Article]) -> tuple[array[int], list[int]]:
        """Index row id -> position in `articles` (-1: not listed), and the positions of entries the index
        does not hold (they have their body); built once per list, the filter maps its results with them.

        An array indexed by row id (4 bytes a row; a dict was ~16 MiB at 100,000), filled from the row
        ids the entries carry; only entries read in this process (no row id) are looked up by path."""
        cached = self._positions_of
        if cached is not None and cached[0] is articles:
            return cached[1], cached[2]
        assert self.index is not None
        row_ids, unlisted = _row_ids(articles)
        unmapped = {(path_text(articles[i]), articles[i].index): i
                    for i in compress(count(), map(operator.not_, row_ids)) if i not in unlisted}
        looked_up = [(row_id, unmapped[(path, idx)]) for row_id, path, idx in self.index.row_ids()
                     if (path, idx) in unmapped] if unmapped else []
        top = max(max(row_ids, default=0), max((r for r, _ in looked_up), default=0))
        position_of = array("i", [-1]) * (top + 1)
        for i, row_id in enumerate(row_ids):
            if row_id:
                position_of[row_id] = i
        for row_id, i in looked_up:
            position_of[row_id] = i
        loose = sorted(unlisted)
        self._positions_of = (articles, position_of, loose)
        return position_of, loose

    def memory_analysis(self, article: Article) -> Analysis | None:
        """An analysis already in memory (never touches the index: safe and instant on the UI thread)."""
        with self._lock:
            return self._analyses.get(article.key)

    def close(self) -> None:
        if self.index is not None:
            self.index.close()


def _row_ids(articles: Sequence[Article]) -> tuple[array[int], set[int]]:
    """Every listed entry's row in the index (0: none known), and the positions of the entries the index
    does not hold (not `partial`). From the columns for a list of rows (`EntryList`): no entry object."""
    if isinstance(articles, EntryList):
        rows = articles.rows
        table_ids = rows.table.row_ids
        ids = array("q", (0 if ref & 1 else table_ids[ref >> 1] for ref in articles.refs))
        loose = {i for i, ref in enumerate(articles.refs) if ref & 1 and not rows.objects[ref >> 1].partial}
        return ids, loose
    ids = array("q", ((getattr(a, "row_id", None) or 0) if a.partial else 0 for a in articles))
    return ids, {i for i, a in enumerate(articles) if not a.partial}
