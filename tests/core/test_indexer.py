"""Cold indexing in a child process (`newsreader.indexer`): the reader's process reads no file and no
index row, the child streams every title from the files' heads before it stores them in full, the index
is complete, progress arrives, and a crash of the child is reported, never silent."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsreader.folder_sync as fs
from newsreader.indexer import IndexerFailed, IndexerProcess
from newsreader.query import parse_filter
from newsreader.session import Session
from tests.conftest import write_article

N = 12


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(fs, "INDEXER_MIN_FILES", 5)
    monkeypatch.setattr(fs, "TITLES_FIRST", 5)


def folder_of(tmp_path: Path, n: int = N) -> Path:
    folder = tmp_path / "news"
    for i in range(n):
        write_article(folder, f"{i:02}.txt", f"Story {i}", f"Body of story {i} about apples and pear{i}.",
                      date=f"2020-01-{i + 1:02d}", source="Wire")
    return folder


def test_cold_folder_is_indexed_by_the_child_not_in_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = folder_of(tmp_path)
    full_reads: list[Path] = []
    real = fs.load_file
    monkeypatch.setattr(fs, "load_file", lambda p, *a, **k: full_reads.append(p) or real(p, *a, **k))
    progress: list[tuple[int, int, bool]] = []
    session = Session(folder)
    session.refresh(lambda done, todo, new: progress.append((done, todo, new)))
    assert full_reads == []  # every body was read (and indexed) by the child
    assert [a.title for a in session.articles] == [f"Story {i}" for i in reversed(range(N))]
    assert all(a.partial and a.body_hash for a in session.articles)
    assert (N, N, False) in progress  # the child's own count, relayed
    assert session.filter(parse_filter("pear7")) == [N - 1 - 7]  # the child filled the full-text index
    assert session.full_article(session.articles[0]).body.startswith("Body of story 11")
    assert len(full_reads) == 1  # the body of the article opened, read on demand
    session.close()
    full_reads.clear()
    warm = Session(folder)
    warm.warm_start()
    assert not warm.refresh() and full_reads == []  # the index the child wrote is the warm index


def test_the_child_streams_every_title_before_it_stores_the_files(tmp_path: Path) -> None:
    folder = folder_of(tmp_path)
    (folder / "bad.txt").write_bytes(b"\x00\x00\x00\x01 binary")  # 3 NULs: binary (one or two are strays)
    child = IndexerProcess(folder, tmp_path / "index.sqlite3")
    events: list[tuple[str, object]] = []
    assert child.wait(lambda done, todo, listing: events.append(("progress", (done, todo, listing))),
                      lambda: False, lambda entries, stored: events.append(("stored" if stored else "listed", entries)))
    kinds = [kind for kind, _ in events]
    first_stored = kinds.index("stored")
    listed = [a for kind, batch in events[:first_stored] if kind == "listed" for a in batch]  # type: ignore[attr-defined]
    assert sorted(a.title for a in listed if not a.error) == sorted(f"Story {i}" for i in range(N))
    assert any(a.error for a in listed)  # the unreadable file is listed with its error, at once
    assert all(a.partial and a.body_hash is None for a in listed)  # heads only
    stored = [a for kind, batch in events if kind == "stored" for a in batch]  # type: ignore[attr-defined]
    assert sorted(a.title for a in stored if not a.error) == sorted(f"Story {i}" for i in range(N))
    assert all(a.body_hash for a in stored if not a.error)
    progress = [value for kind, value in events if kind == "progress"]
    assert progress[0] == (N + 1, N + 1, True) and progress[-1] == (N + 1, N + 1, False)  # listing, then indexing
    assert "listed" not in kinds[first_stored:]


def test_the_reader_process_opens_no_article_and_reads_no_index_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = folder_of(tmp_path)
    reads: list[str] = []
    for name in ("load_file", "load_header"):
        real = getattr(fs, name)
        monkeypatch.setattr(fs, name,
                            lambda p, *a, _real=real, _name=name, **k: reads.append(_name) or _real(p, *a, **k))
    session = Session(folder)
    assert session.index is not None
    monkeypatch.setattr(session.index, "articles", lambda *a, **k: pytest.fail("index rows read in the reader"))
    monkeypatch.setattr(session.index, "known_files", lambda: pytest.fail("index rows read in the reader"))
    lists: list[int] = []
    session.refresh(lambda done, todo, listing: lists.append(len(session.sync.articles())))
    assert reads == []
    # every title is listed while the child still streams (how many come per progress call depends on the
    # machine's load; that the child streams them all before it stores any is the next test's)
    assert lists and N in lists
    assert [a.title for a in session.articles] == [f"Story {i}" for i in reversed(range(N))]
    assert all(a.body_hash for a in session.articles)  # filled in from the stored entries


def test_a_file_the_child_did_not_store_is_read_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = folder_of(tmp_path)
    session = Session(folder)
    index = session.index
    assert index is not None
    real_wait = IndexerProcess.wait
    skipped = str(folder / "03.txt")

    def wait_then_drop(self: IndexerProcess, progress, cancelled, entries) -> bool:  # noqa: ANN001
        def without_skipped(streamed: list, stored: bool) -> None:  # noqa: ANN001 - as the child streams them
            entries([a for a in streamed if not stored or str(a.path) != skipped], stored)

        done = real_wait(self, progress, cancelled, without_skipped)
        index.forget([skipped])  # as if the child could not store this file (SQLite refused a value)
        return done

    monkeypatch.setattr(IndexerProcess, "wait", wait_then_drop)
    full_reads: list[str] = []
    real = fs.load_file
    monkeypatch.setattr(fs, "load_file", lambda p, *a, **k: full_reads.append(str(p)) or real(p, *a, **k))
    session.refresh()
    assert full_reads == [skipped]  # only that one, read (and stored) here
    assert sorted(a.title for a in session.articles) == sorted(f"Story {i}" for i in range(N))
    assert skipped in index.known_files()


def test_a_crash_of_the_child_is_reported(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, 1)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    child = IndexerProcess(folder, blocker / "index.sqlite3")  # its cache folder can't be created
    with pytest.raises(IndexerFailed, match=r"exited with status 1: .*cannot create the cache folder"):
        child.wait(None, lambda: False)


def test_a_crash_during_a_scan_reaches_the_caller(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = folder_of(tmp_path)
    session = Session(folder)
    assert session.index is not None
    monkeypatch.setattr(session.index, "db_path", tmp_path)  # a folder: SQLite can't open it in the child
    with pytest.raises(IndexerFailed, match="indexing process"):
        session.refresh()


def test_cancelling_stops_the_child(tmp_path: Path) -> None:
    folder = folder_of(tmp_path)
    child = IndexerProcess(folder, tmp_path / "index.sqlite3")
    assert child.wait(None, lambda: True) is False
    assert child.proc.poll() is not None  # ended, not left running


def test_a_cold_sync_keeps_one_entry_per_file_not_every_streamed_one(tmp_path: Path) -> None:
    """Each file's entries arrive twice (listed from its head, then as stored); the stored ones only fill
    in the listed rows. Kept until the sync ended, they were 100,000 more objects for the garbage
    collector's passes to walk (the long stalls of a cold 100k index); now no entry object outlives a
    batch, and the list holds one row per file."""
    import gc

    from newsreader.index import IndexEntry

    n = 30  # (folder_of dates them 2020-01-01 to -30)
    folder = folder_of(tmp_path, n)
    session = Session(folder)
    alive: list[int] = []

    def progress(done: int, todo: int, listing: bool) -> None:
        session.sync.articles()  # what the reader's worker does at each report: the list so far
        if not listing and done == todo:  # the last report, before the sync returns
            gc.collect()
            alive.append(sum(1 for o in gc.get_objects() if isinstance(o, IndexEntry)))

    session.refresh(progress)
    assert len(session.articles) == n
    assert alive == [0]  # rows, not objects (there were n)
    assert len(session.articles.rows.table) == n  # (not 2n: the stored copies filled the listed rows in)
    session.close()


def test_the_end_of_a_cold_index_walks_the_kept_analyses_once(tmp_path: Path) -> None:
    """A cold index changes every file; the analyses made meanwhile (of the articles shown) were walked
    once per changed file at its end: 100,000 x 256 string comparisons, seconds of a held interpreter.
    The analyses of changed files are still dropped, and only theirs (a '#' in a file name included)."""
    from collections import OrderedDict

    folder = folder_of(tmp_path, 30)
    (folder / "odd#1.txt").write_text("---\ntitle: Odd\n---\nOdd body.\n", encoding="utf-8")
    session = Session(folder)
    walks: list[int] = []

    class CountingWalks(OrderedDict):
        def __iter__(self):  # noqa: ANN204
            walks.append(1)
            return super().__iter__()

    unchanged = str(tmp_path / "elsewhere.txt")
    kept = session._analyses = CountingWalks()
    for key in (str(folder / "03.txt"), str(folder / "odd#1.txt"), f"{folder / 'odd'}#1", unchanged, f"{unchanged}#2"):
        kept[key] = object()  # (only the keys matter here)
    session.refresh()
    assert len(session.articles) == 31
    assert len(walks) == 1  # (one walk per changed file before: 31)
    # dropped: the two files read; kept: the 2nd article of a file "odd" (not "odd#1.txt") and the others
    assert list(kept) == [f"{folder / 'odd'}#1", unchanged, f"{unchanged}#2"]
    session.close()
