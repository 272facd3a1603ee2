"""The folder index and the session over it: warm starts, changes, deletions, corrupt caches, FTS filter."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from newsreader.analysis.model import Actor, Analysis, Mention, Quote
from newsreader.articles import Article
from newsreader.cache_paths import index_path_for
from newsreader.index import FolderIndex, analysis_from_json, analysis_to_json, open_index
from newsreader.query import parse_filter
from newsreader.session import Session
from tests.conftest import write_article


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    return cache


def folder_of(tmp_path: Path, n: int = 3) -> Path:
    folder = tmp_path / "news"
    for i in range(n):
        write_article(folder, f"{i}.txt", f"Story {i}", f"Body of story {i} about apples and pears.",
                      date=f"2020-01-{i + 1:02d}", source="Wire")
    return folder


def titles(session: Session) -> list[str]:
    return [a.title for a in session.articles]


def test_cold_then_warm_start_reads_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = folder_of(tmp_path)
    cold = Session(folder)
    cold.refresh()
    assert titles(cold) == ["Story 2", "Story 1", "Story 0"]
    assert all(a.partial and a.body == "" for a in cold.articles)  # no bodies kept in memory
    cold.close()

    import newsreader.folder_sync as fs

    reads: list[Path] = []
    real = fs.load_file
    monkeypatch.setattr(fs, "load_file", lambda p, *a, **k: reads.append(p) or real(p, *a, **k))
    warm = Session(folder)
    assert titles(warm) == [] and [a.title for a in warm.warm_start()] == ["Story 2", "Story 1", "Story 0"]
    changes = warm.refresh()
    assert not changes and reads == []
    assert index_path_for(folder).is_file()
    assert not any(p.name.endswith((".sqlite3", "-wal")) for p in folder.iterdir())  # nothing in the folder


def test_changed_file_is_reread_and_deleted_one_drops_out(tmp_path: Path) -> None:
    folder = folder_of(tmp_path)
    session = Session(folder)
    session.refresh()
    write_article(folder, "1.txt", "Story 1 revised", "New body.", date="2020-01-02")
    st = (folder / "1.txt").stat()
    os.utime(folder / "1.txt", (st.st_atime, st.st_mtime + 5))
    (folder / "0.txt").unlink()
    write_article(folder, "new.txt", "Brand new", "x", date="2021-01-01")
    changes = session.refresh()
    assert str(folder / "0.txt") in changes.removed
    assert titles(session) == ["Brand new", "Story 2", "Story 1 revised"]
    session.close()
    again = Session(folder)  # the index itself was updated
    assert sorted(a.title for a in again.warm_start()) == ["Brand new", "Story 1 revised", "Story 2"]


def test_full_article_and_stored_analysis(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, 1)
    calls: list[str] = []

    def analyser(article: Article, hints: object) -> Analysis:
        calls.append(article.title)
        return Analysis([Quote("apples", 14, 20, None)], [Actor("Wire", "organisation", [])])

    session = Session(folder, analyser=analyser)
    session.refresh()
    [entry] = session.articles
    article = session.full_article(entry)
    assert article.body.startswith("Body of story 0") and not article.partial
    assert session.analyse(article).quotes[0].text == "apples"
    session.close()
    warm = Session(folder, analyser=analyser)
    warm.warm_start()
    [entry] = warm.articles
    assert entry.quote_count == 1  # known from the index before anything is analysed
    assert warm.cached_analysis(warm.full_article(entry)) is not None
    assert calls == ["Story 0"]  # analysed once, ever


def test_analysis_json_round_trip() -> None:
    analysis = Analysis(
        [Quote("x y", 3, 6, "Ken Hu", Mention(10, 12, "Hu")), Quote("z", 20, 21, None)],
        [Actor("Ken Hu", "person", [Mention(10, 12, "Hu")], ["Hu"])],
    )
    back = analysis_from_json(analysis_to_json(analysis))
    assert back == analysis
    assert analysis_from_json("{not json") is None


def test_fts_filter_words_phrases_negation_and_fields(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    write_article(folder, "a.txt", "Prime minister speaks", "The prime minister said taxes will fall.",
                  date="2020-01-01", source="Daily Wire")
    write_article(folder, "b.txt", "Minister of state", "A minister spoke; prime time TV followed.",
                  date="2020-01-02", source="Evening Post")
    write_article(folder, "c.txt", "Gardening", "Apples and pears.", date="2020-01-03", source="Wire")

    def analyser(article: Article, hints: object) -> Analysis:
        actors = [Actor("Donald Trump", "person", [], ["Trump"])] if "taxes" in article.body else []
        quotes = [Quote("taxes will fall", 0, 1, None)] if "taxes" in article.body else []
        return Analysis(quotes, actors)

    session = Session(folder, analyser=analyser)
    session.refresh()
    assert session.uses_index
    session.analyse_many(session.articles, lambda: False)

    def hits(q: str) -> list[str]:
        return sorted(session.articles[i].title for i in session.filter(parse_filter(q)))

    assert hits("minister") == ["Minister of state", "Prime minister speaks"]
    assert hits('"prime minister"') == ["Prime minister speaks"]
    assert hits("minister -taxes") == ["Minister of state"]
    assert hits("min") == ["Minister of state", "Prime minister speaks"]  # word prefix
    assert hits("source:wire") == ["Gardening", "Prime minister speaks"]
    assert hits("actor:trump") == ["Prime minister speaks"]
    assert hits('quote:"will fall"') == ["Prime minister speaks"]
    assert hits("-apples") == ["Minister of state", "Prime minister speaks"]
    assert hits("") == ["Gardening", "Minister of state", "Prime minister speaks"]

def test_analyses_made_by_another_engine_are_not_shown_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An upgraded engine (rules, word lists, weights) analyses every article again: the index made by the
    old one is rebuilt, with a notice, instead of showing its highlights for as long as the files last."""
    folder = folder_of(tmp_path, 1)
    calls: list[str] = []

    def analyser(article: Article, hints: object) -> Analysis:
        calls.append(article.title)
        return Analysis([Quote("apples", 14, 20, None)], [])

    session = Session(folder, analyser=analyser)
    session.refresh()
    session.analyse(session.full_article(session.articles[0]))
    session.close()
    monkeypatch.setattr("newsreader.index.engine_id", lambda: 12345, raising=False)  # another engine
    upgraded = Session(folder, analyser=analyser)
    assert upgraded.notice == "The index's analyses were made by another version of the analysis engine: rebuilt."
    upgraded.refresh()
    [entry] = upgraded.articles
    assert entry.quote_count is None and upgraded.cached_analysis(upgraded.full_article(entry)) is None
    upgraded.analyse(upgraded.full_article(entry))
    upgraded.close()
    again = Session(folder, analyser=analyser)
    assert again.notice is None  # the same engine again: the index is kept
    again.warm_start()
    assert again.cached_analysis(again.full_article(again.articles[0])) is not None
    assert calls == ["Story 0", "Story 0"]


def test_the_engine_id_changes_with_any_engine_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsreader import engine_id as module

    (tmp_path / "passes").mkdir()
    (tmp_path / "rules.py").write_text("RULE = 1\n")
    (tmp_path / "passes" / "words.yaml").write_text("said: [added]\n")
    (tmp_path / "notes.txt").write_text("not part of the engine\n")
    monkeypatch.setattr(module, "ENGINE_DIR", str(tmp_path))
    ids = []
    for change in (None, ("notes.txt", "changed\n"), ("passes/words.yaml", "said: [added, noted]\n"),
                   ("rules.py", "RULE = 2\n")):
        if change:
            (tmp_path / change[0]).write_text(change[1])
        module.engine_id.cache_clear()
        ids.append(module.engine_id())
    module.engine_id.cache_clear()
    assert ids[0] == ids[1]  # a file that is no engine code or data changes nothing
    assert len({ids[1], ids[2], ids[3]}) == 3




@pytest.mark.parametrize("damage", ["garbage", "truncate", "old-schema"])
def test_damaged_cache_is_rebuilt_with_a_notice(tmp_path: Path, damage: str) -> None:
    folder = folder_of(tmp_path)
    first = Session(folder)
    first.refresh()
    first.close()
    db = index_path_for(folder)
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    if damage == "garbage":
        db.write_bytes(b"this is not a database" * 100)
    elif damage == "truncate":
        db.write_bytes(db.read_bytes()[:1000])
    else:
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA user_version=1")
        conn.commit()
        conn.close()
    session = Session(folder)
    assert session.notice and "rebuilt" in session.notice
    session.refresh()
    assert titles(session) == ["Story 2", "Story 1", "Story 0"]


def test_unusable_cache_folder_falls_back_to_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    folder = folder_of(tmp_path)
    index, notice = open_index(folder)
    assert index is None and notice and "without the index" in notice
    session = Session(folder)
    session.refresh()
    assert not session.uses_index and titles(session) == ["Story 2", "Story 1", "Story 0"]
    assert session.articles[0].body  # in-memory mode keeps bodies for the filter
    assert [session.articles[i].title for i in session.filter(parse_filter("story 1"))] == ["Story 1"]


def test_no_cache_session_writes_nothing(tmp_path: Path, _own_cache: Path) -> None:
    folder = folder_of(tmp_path)
    session = Session(folder, use_index=False)
    session.refresh()
    assert len(session.articles) == 3
    assert not _own_cache.exists()


def test_two_processes_indexing_one_folder_do_not_corrupt_it(tmp_path: Path, _own_cache: Path) -> None:
    folder = folder_of(tmp_path, 60)
    code = (
        "import sys\n"
        "from newsreader.session import Session\n"
        "s = Session(sys.argv[1]); s.refresh(); print(len(s.articles))\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(_own_cache)}
    procs = [subprocess.Popen([sys.executable, "-c", code, str(folder)], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(3)]
    outs = [p.communicate(timeout=60) for p in procs]
    assert [o[0].strip() for o in outs] == ["60", "60", "60"], [o[1] for o in outs]
    index = FolderIndex.open(folder)
    assert index.notice is None
    assert len(index.articles()) == 60
    assert index._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_poll_reads_only_the_new_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsreader.folder_sync

    folder = folder_of(tmp_path)
    session = Session(folder)
    session.refresh()
    read: list[str] = []
    real_load = newsreader.folder_sync.load_file

    def counting_load(path: Path, *args: object) -> object:
        read.append(Path(path).name)
        return real_load(path, *args)

    monkeypatch.setattr(newsreader.folder_sync, "load_file", counting_load)
    assert not session.refresh()  # nothing changed, nothing read
    assert read == []
    write_article(folder, "late.txt", "Late arrival", "x", date="2022-01-01")
    changes = session.refresh()
    assert changes and titles(session)[0] == "Late arrival"
    assert read == ["late.txt"]  # the work of a poll is bounded by what changed, not by the folder


# ------------------------------------------------------------------ index writes that fail (issue 13)


def test_a_non_utf8_file_name_is_indexed_with_its_batch_and_its_deletion_is_seen(tmp_path: Path) -> None:
    """Issue 13 item 10: SQLite refused the name's lone surrogates, which dropped its whole batch from
    the index, and deleting the file then killed the poll."""
    folder = folder_of(tmp_path)
    bad = os.fsdecode(os.fsencode(folder) + b"/bad-\xff-name.txt")
    Path(bad).write_text("Odd name\n\nBody of story about apples.\n", encoding="utf-8")
    session = Session(folder)
    session.refresh()
    assert bad in session.index.known_files() and len(session.index.known_files()) == 4
    assert len(session.filter(parse_filter("apples"))) == 4
    warm = Session(folder)
    assert sorted(a.title for a in warm.warm_start()) == ["Odd name", "Story 0", "Story 1", "Story 2"]
    os.remove(bad)
    changes = session.refresh()
    assert changes.removed == {bad} and "Odd name" not in titles(session)
    write_article(folder, "after.txt", "After", "x")
    session.refresh()
    assert "After" in titles(session) and bad not in session.index.known_files()
    assert session.index_problem is None


def test_a_value_sqlite_refuses_costs_only_its_own_file(tmp_path: Path) -> None:
    from newsreader.articles import Article

    folder = folder_of(tmp_path, 0)
    folder.mkdir(parents=True, exist_ok=True)
    index = FolderIndex.open(folder)
    good = [Article(folder / f"{i}.txt", f"Good {i}", "apples") for i in range(3)]
    odd = Article(folder / "odd.txt", "Odd \udcff title", "apples")  # a lone surrogate in a value
    refused = index.store_files([(a.path, 1, 1.0, [a]) for a in [good[0], odd, *good[1:]]])
    assert refused == [folder / "odd.txt"]
    assert sorted(a.title for a in index.articles()) == ["Good 0", "Good 1", "Good 2"]


def test_live_reload_carries_on_while_another_process_holds_the_index_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13 item 11: "database is locked" (a lock held longer than the busy timeout) used to escape
    the poll and stop live reload until `r`."""
    import newsreader.index

    monkeypatch.setattr(newsreader.index, "BUSY_TIMEOUT_S", 0.05)  # the lock outlasts it, as 5 s would
    folder = folder_of(tmp_path)
    session = Session(folder)
    session.refresh()
    locker = sqlite3.connect(session.index.db_path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        write_article(folder, "fresh.txt", "Fresh news", "Cherries today.")
        os.remove(folder / "0.txt")
        changes = session.refresh()  # must not raise
        assert changes and "Fresh news" in titles(session) and "Story 0" not in titles(session)
        assert [session.articles[i].title for i in session.filter(parse_filter("cherries"))] == ["Fresh news"]
        notice = session.take_notice()
        assert notice and "could not be updated" in notice
        assert session.take_notice() is None  # said once
        session.refresh()  # still locked: still no exception
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    session.refresh()  # the lock is gone: the retry writes what was missing
    known = session.index.known_files()
    assert str(folder / "fresh.txt") in known and str(folder / "0.txt") not in known
    assert session.index_problem is None
    assert all(a.partial for a in session.articles)  # back to body-less entries


_FULL_DISK = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails with EFBIG
from newsreader.query import parse_filter
from newsreader.session import Session
session = Session(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (96 * 1024, resource.RLIM_INFINITY))
session.refresh()
print(len(session.articles), len(session.filter(parse_filter("council"))))
print(session.take_notice())
"""


def test_filter_results_stay_complete_and_a_notice_is_given_when_index_writes_fail(tmp_path: Path) -> None:
    """Issue 13 item 13: with the cache on a full disk, `council` listed the few articles written before
    it filled up ("400 of 20,000"), and nothing said so."""
    folder = tmp_path / "news"
    for i in range(400):
        write_article(folder, f"{i:03d}.txt", f"Council story {i}", f"The council met {i} times. " * 40)
    out = subprocess.run([sys.executable, "-c", _FULL_DISK, str(folder)], capture_output=True, text=True,
                         timeout=300, env=os.environ.copy())
    assert out.returncode == 0, out.stderr
    counts, notice = out.stdout.strip().split("\n")
    assert counts == "400 400"
    assert "could not be updated" in notice


def test_an_analysis_sqlite_refuses_costs_only_itself(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, 2)
    session = Session(folder)
    session.refresh()
    first, second = (session.full_article(a) for a in session.articles)
    odd = Analysis([Quote("bad \udcff text", 0, 5)], [Actor("Ken Hu", "person", [Mention(0, 3, "Ken")])])
    fine = Analysis([], [Actor("Jane Roe", "person", [Mention(0, 4, "Jane")])])
    session.index.store_analyses([(first, first.body, odd), (second, second.body, fine)])
    assert session.index.analysis(first, first.body) is None
    assert session.index.analysis(second, second.body) is not None
    assert [session.articles[i].title for i in session.filter(parse_filter("actor:jane"))] == [second.title]


def test_a_repeated_filter_is_answered_without_sql_and_a_cancelled_one_stops(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = folder_of(tmp_path, 5)
    session = Session(folder)
    session.refresh()
    index = session.index
    assert index is not None
    calls: list[str] = []
    real = index.filter_ids
    monkeypatch.setattr(index, "filter_ids", lambda q, c=lambda: False: calls.append("sql") or real(q, c))
    story2 = parse_filter("story 2")
    assert session.filter(story2) == [2]
    assert session.filter(parse_filter("story")) == [0, 1, 2, 3, 4]
    assert session.filter(story2) == [2] and calls == ["sql", "sql"]  # typed back: from the kept results
    session.refresh()
    write_article(folder, "9.txt", "Story 2 again", "x", date="2019-01-01")
    session.refresh()  # a new list: the kept results no longer apply
    assert session.filter(story2) == [2, 5] and len(calls) == 3
    checks: list[int] = []
    monkeypatch.setattr("newsreader.index.CANCEL_CHECK_STEPS", 1)
    assert index.filter_ids(parse_filter("story"), lambda: checks.append(1) or True) == []
    assert checks  # SQLite asked, and stopped the statement


class _RowCounter:
    """A reader connection that counts the rows that cross from SQLite into Python."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn, self.rows = conn, 0

    def execute(self, sql: str, params: object = ()) -> _RowCounter:
        self.cursor = self.conn.execute(sql, params)  # type: ignore[arg-type]
        return self

    def fetchone(self) -> object:
        self.rows += 1
        return self.cursor.fetchone()

    def __iter__(self) -> _RowCounter:
        return self

    def __next__(self) -> object:
        self.rows += 1
        return next(self.cursor)

    def __getattr__(self, name: str) -> object:
        return getattr(self.conn, name)


def test_a_filter_hands_its_matches_to_python_in_one_row(tmp_path: Path) -> None:
    """Every row stepped takes the interpreter lock back, and waits for it while the UI thread paints: a
    filter matching thousands of articles must cross as one row, however many it matches."""
    session = Session(folder_of(tmp_path, 40))
    session.refresh()
    index = session.index
    assert index is not None
    counter = _RowCounter(index._reader)
    index._reader = counter  # type: ignore[assignment]
    assert sorted(index.filter_ids(parse_filter("story")) or []) == list(range(1, 41))
    assert counter.rows == 1
    assert sorted(index.filter_ids(parse_filter("source:wire apples")) or []) == list(range(1, 41))
    assert list(index.filter_ids(parse_filter("no-such-word")) or []) == []
    assert counter.rows == 3


def test_listing_from_the_index_sets_off_no_garbage_collection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    import newsreader.index as index_module

    folder = folder_of(tmp_path, 30)
    session = Session(folder)
    session.refresh()
    index = session.index
    assert index is not None
    collector_on: list[bool] = []
    real = index_module._append_row

    def noting(*args: object) -> object:
        collector_on.append(gc.isenabled())
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(index_module, "_append_row", noting)
    assert len(index.articles()) == 30
    # (100,000 entries set off several full collections of ~0.1 s each, which stall the UI thread)
    assert collector_on == [False] * 30
    assert gc.isenabled()  # and it is on again afterwards


def test_every_spelling_of_a_folder_shares_one_index_without_reading_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`articles`, `./articles`, its absolute path and a symlink to it are one folder: after the first scan,
    none of them reads a file again (each used to see every file as gone and new, and re-read the folder:
    minutes at 100,000 articles)."""
    import newsreader.folder_sync as fs

    folder = folder_of(tmp_path)
    (tmp_path / "link").symlink_to(folder, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    reads: list[Path] = []
    real = fs.load_file
    monkeypatch.setattr(fs, "load_file", lambda p, *a, **k: reads.append(p) or real(p, *a, **k))
    counts = []
    for spelling in (folder.name, f"./{folder.name}", str(folder), "link", folder.name):
        reads.clear()
        session = Session(Path(spelling))
        session.warm_start()
        session.refresh()
        counts.append((len(reads), len(session.articles)))
        session.close()
    assert counts[0] == (3, 3)
    assert counts[1:] == [(0, 3)] * 4


def test_a_new_index_file_another_process_is_creating_is_not_removed(tmp_path: Path) -> None:
    """A fresh database with no schema yet (user_version 0) may be one another reader is creating this moment:
    opening it creates the schema in place. It had been removed and made again, so of three readers started
    together the last could leave an empty index behind while the others wrote into removed files."""
    folder = folder_of(tmp_path, 2)
    db = tmp_path / "cache" / "index.sqlite"
    db.parent.mkdir()
    creator = sqlite3.connect(db)  # the other reader's connection to the file it just made
    creator.execute("CREATE TABLE files (path BLOB PRIMARY KEY, size INTEGER, mtime REAL)")
    creator.commit()
    inode = db.stat().st_ino
    index = FolderIndex.open(folder, db)
    try:
        assert db.stat().st_ino == inode, "the file being created was removed"
        assert index.notice is None
    finally:
        index.close()
        creator.close()
