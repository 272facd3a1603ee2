"""Compact list entries (issue 15, item 5): an index entry keeps its numbers in its batch's columns and
reads back exactly what was stored; counted in allocations, not timed."""

from __future__ import annotations

import datetime as dt
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsreader.articles import Article, body_hash
from newsreader.content_keys import content_key
from newsreader.entry_table import EntryTable
from newsreader.index import FolderIndex, IndexEntry, file_stamp, stamp_parts


@given(
    size=st.integers(0, 2**62), mtime=st.floats(allow_nan=False), day=st.one_of(st.none(), st.dates()),
    digest=st.one_of(st.none(), st.text(max_size=30), st.binary(min_size=12, max_size=12).map(bytes.hex)),
    row_id=st.none() | st.integers(1, 2**62),  # SQLite row ids start at 1; None: streamed, not read back
)
def test_an_entry_reads_back_what_it_was_given(
    size: int, mtime: float, day: dt.date | None, digest: str | None, row_id: int | None
) -> None:
    columns = EntryTable()
    other = IndexEntry(columns, "/news/b.txt", "Other", size=1, mtime=2.0, body_hash="ab" * 12)
    entry = IndexEntry(columns, "/news/a.txt", "Title", size=size, mtime=mtime, date=day, body_hash=digest)
    entry.row_id = row_id
    assert (entry.size, entry.mtime, entry.date, entry.body_hash, entry.row_id) == (size, mtime, day, digest, row_id)
    assert (other.size, other.mtime, other.date, other.body_hash) == (1, 2.0, None, "ab" * 12)  # untouched
    assert entry.key == "/news/a.txt" and entry.path == Path("/news/a.txt") and isinstance(entry, Article)


def test_entries_from_the_index_match_the_articles_stored(tmp_path: Path) -> None:
    index = FolderIndex.open(tmp_path, tmp_path / "index.sqlite3")
    stored = [Article(tmp_path / f"{i}.txt", f"Story {i}", f"Body {i}", date=dt.date(2020, 1, 1 + i) if i else None,
                      source="Wire") for i in range(3)]
    index.store_files([(a.path, 10 + i, 100.5 + i, [a]) for i, a in enumerate(stored)])
    entries = sorted(index.articles(), key=lambda e: e.title)
    index.close()
    assert [(e.title, e.date, e.size, e.mtime, e.body_hash, e.partial) for e in entries] == [
        (a.title, a.date, 10 + i, 100.5 + i, body_hash(a.body), True) for i, a in enumerate(stored)
    ]
    assert len({e.row_id for e in entries}) == 3


@pytest.fixture
def hundreds(tmp_path: Path) -> FolderIndex:
    index = FolderIndex.open(tmp_path, tmp_path / "index.sqlite3")
    index.store_files([(tmp_path / f"{i:04d}.txt", 1000 + i, 1.7e9 + i, [
        Article(tmp_path / f"{i:04d}.txt", f"Story number {i}", f"Body {i}", date=dt.date(2020, 1, 1) + dt.timedelta(i),
                source="Wire")]) for i in range(600)])
    yield index
    index.close()


def test_the_index_entries_are_rows_of_columns_not_objects(hundreds: FolderIndex) -> None:
    hundreds.entry_table()  # (first use: SQLite's and the interpreter's own caches)
    tracemalloc.start()
    try:
        before = tracemalloc.take_snapshot()
        table = hundreds.entry_table()
        after = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    blocks = sum(stat.count_diff for stat in after.compare_to(before, "filename"))
    assert len(table) == 600
    # the table's arrays and its few strings (a folder, a source): an entry, its path and its title were three
    # objects a row, and its numbers five more before they were columns
    assert blocks <= 60
    assert [table.entry(r).title for r in range(3)] == [f"Story number {599 - r}" for r in range(3)]  # newest first


@given(st.integers(0, 2**48), st.floats(allow_nan=False, allow_infinity=False))
def test_a_file_stamp_gives_back_the_size_and_mtime_exactly(size: int, mtime: float) -> None:
    stamp = file_stamp(size, mtime)
    assert stamp_parts(stamp) == (size, mtime)
    assert file_stamp(size + 1, mtime) != stamp
    assert (file_stamp(size, mtime + 1.0) == stamp) == (mtime + 1.0 == mtime)  # (a huge mtime: the same float)


def test_an_entry_keeps_its_read_mark_key_in_its_columns_not_as_objects(hundreds: FolderIndex) -> None:
    entries = hundreds.articles()
    keys = [content_key(Article(e.path, e.title, f"Body {int(e.path.stem)}")) for e in entries]
    assert [e.content_key for e in entries] == keys  # the same key as the article read in full
    tracemalloc.start()
    try:
        before = tracemalloc.take_snapshot()
        assert [content_key(e) for e in entries] == keys  # asked again (the unread count, every list)
        after = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    kept = sum(stat.count_diff for stat in after.compare_to(before, "filename"))
    assert kept <= 10  # nothing per entry is kept: the key is 8 bytes in its batch's columns


texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12) | st.sampled_from(["odd\udcff", "é", ""])


@given(
    folder=st.sampled_from(["/news/", "/news/2024/", "/ünï/", ""]), name=texts.filter(lambda t: "/" not in t),
    title=texts, index=st.integers(0, 2**31), quotes=st.none() | st.integers(0, 2**31 - 1),
    source=st.none() | texts, author=st.none() | texts, error=st.none() | texts,
    notices=st.lists(texts, max_size=2),
)
def test_a_row_reads_back_every_field_it_was_given(
    folder: str, name: str, title: str, index: int, quotes: int | None, source: str | None, author: str | None,
    error: str | None, notices: list[str],
) -> None:
    table = EntryTable()
    table.append("/other/x.txt", "Other", source="Wire")  # a row before it, sharing the table's strings
    row = table.append(folder + name, title, index=index, quotes=quotes, source=source, author=author, error=error,
                       notices=notices)
    entry = table.entry(row)
    assert (entry.path_text, entry.title, entry.index, entry.quote_count, entry.source, entry.author, entry.error,
            entry.notices) == (folder + name, title, index, quotes, source, author, error, notices)
    assert entry.key == (f"{folder}{name}#{index}" if index else folder + name) and entry.partial and entry.body == ""
    copy = EntryTable()
    assert copy.entry(copy.copy_row(table, row)) == entry  # (equal as articles: every field)
    assert table.entry(0).title == "Other" and table.entry(0).source == "Wire"
