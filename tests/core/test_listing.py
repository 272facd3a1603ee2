"""The folder's list kept in order batch by batch (`newsreader.listing`): always the sorted list of what
was put, lists handed out never change, a full read fills in the listed entries, and a batch costs a
binary search per new entry, however long the list already is (no key is kept per listed entry)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import newsreader.listing as listing_module
from newsreader.articles import Article
from newsreader.index import entries_from_rows, entry_row
from newsreader.library import sort_key
from newsreader.listing import Listing, PathMap


names = st.sampled_from([f"/news/{c}.txt" for c in "abcdefgh"])
titles = st.sampled_from(["Alpha", "alpha", "Bravo", "Zulu"])
days = st.one_of(st.none(), st.integers(1, 3))


def entry(name: str, title: str, day: int | None = 1, *, index: int = 0, digest: str | None = None) -> Article:
    date = dt.date(2020, 1, day) if day else None
    return Article(Path(f"/news/{name}"), title, index=index, date=date, partial=True, body_hash=digest)


def test_batches_arrive_in_any_order_and_the_list_is_always_in_list_order() -> None:
    listing = Listing()
    listing.put("/news/b.txt", [entry("b.txt", "Bravo", 2)])
    listing.put("/news/u.txt", [entry("u.txt", "Undated", None)])
    first = listing.articles()
    assert [a.title for a in first] == ["Bravo", "Undated"]
    listing.put("/news/a.txt", [entry("a.txt", "Alpha", 3)])
    listing.put("/news/c.txt", [entry("c.txt", "Charlie", 1)])
    assert [a.title for a in listing.articles()] == ["Alpha", "Bravo", "Charlie", "Undated"]
    assert [a.title for a in first] == ["Bravo", "Undated"]  # a list handed out is never changed


def test_a_full_read_fills_in_the_listed_entries_where_they_are() -> None:
    listing = Listing()
    head = entry("a.txt", "Alpha", 3)
    listing.put("/news/a.txt", [head])
    listing.put("/news/b.txt", [entry("b.txt", "Bravo", 2)])
    before = listing.articles()
    listing.put("/news/a.txt", [entry("a.txt", "Alpha", 3, digest="abc")])
    after = listing.articles()
    assert after is not before and after[0] is head and head.body_hash == "abc"  # the same object, filled in


def test_a_changed_title_or_a_gone_file_moves_or_drops_its_entries() -> None:
    listing = Listing()
    for name, title, day in [("a.txt", "Alpha", 3), ("b.txt", "Bravo", 2), ("c.txt", "Charlie", 1)]:
        listing.put(f"/news/{name}", [entry(name, title, day)])
    listing.articles()
    listing.put("/news/a.txt", [entry("a.txt", "Alpha, later", 1), entry("a.txt", "Second", 1, index=1)])
    listing.drop("/news/b.txt")
    listing.drop("/news/never-listed.txt")
    assert [a.title for a in listing.articles()] == ["Alpha, later", "Charlie", "Second"]


def test_a_batch_costs_a_binary_search_per_new_entry_and_no_key_is_kept(monkeypatch) -> None:  # noqa: ANN001
    calls: list[Article] = []
    monkeypatch.setattr(listing_module, "sort_key", lambda a: calls.append(a) or sort_key(a))
    listing = Listing()
    first = sorted((entry(f"{i:05}.txt", f"Story {i}", 1 + i % 28) for i in range(5_000)), key=sort_key)
    listing.reset(first)
    assert len(calls) == 5_000  # a list in order already: one key per entry, two held at a time
    assert not hasattr(listing, "_keys")
    calls.clear()
    for batch in range(3):
        for i in range(20):
            listing.put(f"/news/new-{batch}-{i}.txt", [entry(f"new-{batch}-{i}.txt", f"New {i}", 1 + i)])
        listing.articles()
    assert len(calls) <= 60 * 16  # a key per new entry and ~log2(5,000) per search: nothing per listed entry
    calls.clear()
    listing.put("/news/00007.txt", [entry("00007.txt", "Story 7", 8, digest="d")])  # a full read of a listed file
    listing.articles()
    assert len(calls) == 2  # the listed and the read entry compared, nothing else


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), titles, days), max_size=40, unique_by=lambda t: t[0]),
       st.integers(0, 10))
def test_a_first_list_in_any_order_is_listed_in_list_order(rows, strays) -> None:  # noqa: ANN001
    entries = sorted((entry(f"{n:02}.txt", title, day) for n, title, day in rows), key=sort_key)
    entries = entries[strays:] + entries[:strays]  # mostly in order, or not at all
    listing = Listing()
    listing.reset(entries)
    assert [a.key for a in listing.articles()] == [a.key for a in sorted(entries, key=sort_key)]


def test_streamed_rows_make_the_same_entries_as_the_index_rows() -> None:
    article = entry("odd\udcff name.txt", "Title", 5, digest="feed")
    article.source, article.notices, article.size, article.mtime = "Wire", ["a notice"], 120, 1.5
    (back,) = entries_from_rows([entry_row(article)])
    assert (back.path, back.title, back.date, back.source, back.notices, back.body_hash, back.size, back.mtime) == (
        article.path, "Title", article.date, "Wire", ["a notice"], "feed", 120, 1.5)
    assert back.partial and back.key == article.key


operations = st.lists(st.tuples(names, st.one_of(st.none(), st.lists(st.tuples(titles, days), min_size=1, max_size=3)),
                                st.booleans()), max_size=30)


def replay(ops, listed: Callable[[list[Article]], Sequence[Article]]) -> tuple[Listing, dict[str, list[Article]]]:  # noqa: ANN001
    """Apply `ops` (put, drop, look) to a `Listing`, each put's entries as `listed` turns them into what the
    listing is given; returns it and the plain entries that should be there, by path."""
    listing = Listing()
    current: dict[str, list[Article]] = {}
    for path, contents, look in ops:
        if contents is None:
            listing.drop(path)
            current.pop(path, None)
        else:
            plain = [entry(Path(path).name, title, day, index=i) for i, (title, day) in enumerate(contents)]
            listing.put(path, listed(plain))
            current[path] = plain
        if look:
            listing.articles()
    return listing, current


@settings(max_examples=200, deadline=None)
@given(operations)
def test_any_sequence_of_changes_gives_the_sorted_list_of_what_is_there(ops) -> None:  # noqa: ANN001
    listing, current = replay(ops, lambda plain: plain)
    got = [(a.key, a.title, a.date) for a in listing.articles()]
    want = sorted((a for group in current.values() for a in group), key=sort_key)
    assert got == [(a.key, a.title, a.date) for a in want]


def test_a_first_list_far_from_list_order_is_sorted_as_a_whole(monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(listing_module, "MAX_STRAYS", 2)
    entries = [entry(f"{i:02}.txt", f"Story {i:02}", 1 + i % 28) for i in range(50)]  # oldest first: all astray
    listing = Listing()
    listing.reset(entries)
    assert [a.key for a in listing.articles()] == [a.key for a in sorted(entries, key=sort_key)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([f"/n/{i}" for i in range(40)]),
                          st.one_of(st.none(), st.just(()), st.integers(0, 3))), max_size=120))
def test_the_map_by_file_answers_as_a_dict_would(ops) -> None:  # noqa: ANN001
    """`PathMap` holds no path string (it reads them back from the rows), through growth and removals."""
    paths: dict[int, str] = {}
    refs = iter(range(10**6))
    table = PathMap(paths.__getitem__)
    model: dict[str, object] = {}
    for path, how in ops:
        if how is None:
            assert table.pop(path) == model.pop(path, None)
            continue
        rows = () if how == () else tuple(next(refs) for _ in range(how + 1))
        for ref in rows:
            paths[ref] = path
        value = rows if len(rows) != 1 else rows[0]
        table[path] = value
        model[path] = value
        assert table.get(path) == value
    assert dict(table.items()) == model and len(table) == len(model)
    assert all(table.get(p) == v for p, v in model.items())
    assert all(p not in table for p in {p for p, _ in ops} - set(model))


def test_the_list_holds_no_object_per_row() -> None:
    """A list from the index is rows: asking for the list, its map by file, its stamps and its errors
    makes no entry object (counted by the garbage collector), and one is made only for a row asked for."""
    import gc

    from newsreader.entry_table import EntryTable, IndexEntry

    table = EntryTable()
    for i in range(2_000):
        table.append(f"/news/{i:05}.txt", f"Story {i}", date=dt.date(2020, 1, 1 + i % 28), size=i, mtime=1.0)
    listing = Listing()
    listing.reset_table(table)
    articles = listing.articles()
    assert len(articles) == 2_000 and listing.file_stamp("/news/00007.txt") is not None
    assert "/news/01999.txt" in listing.by_path and "/news/nope.txt" not in listing.by_path
    gc.collect()
    assert sum(isinstance(o, IndexEntry) for o in gc.get_objects()) == 0
    first = articles[0]
    assert first.title == "Story 1007" and articles.position(first) == 0  # (the newest, first by title)
    assert sum(isinstance(o, IndexEntry) for o in gc.get_objects()) == 1


@settings(max_examples=150, deadline=None)
@given(operations)
def test_rows_streamed_as_the_index_streams_them_list_as_a_plain_sorted_list_would(ops) -> None:  # noqa: ANN001
    """The same changes as above, as the reader gets them from the indexing child: views of a new table per
    batch, copied into the list's own rows (`EntryList`), always equal to a plain list sorted anew."""
    listing, current = replay(ops, lambda plain: entries_from_rows([entry_row(a) for a in plain]))
    got = listing.articles()
    want = sorted((a for group in current.values() for a in group), key=sort_key)
    assert [(a.key, a.title, a.date) for a in got] == [(a.key, a.title, a.date) for a in want]
    assert all(listing.by_path[p][0].title == group[0].title for p, group in current.items() if group)
    assert got[1:3] == got.take(range(1, min(3, len(got))))  # (a slice and a take: the same rows)


def test_rows_left_by_changed_files_are_let_go(monkeypatch) -> None:  # noqa: ANN001
    """A file read again (live reload) gets new rows; once many are left behind, the list's rows are copied
    anew without them, and a list handed out before still reads its own."""
    monkeypatch.setattr(listing_module, "MIN_DEAD_ROWS", 8)
    listing = Listing()
    for i in range(20):
        listing.put(f"/news/{i:02}.txt", entries_from_rows([entry_row(entry(f"{i:02}.txt", f"Story {i}", 1))]))
    before = listing.articles()
    for version in range(30):  # one file changed again and again (a new title each time: new rows)
        listing.put("/news/05.txt", entries_from_rows([entry_row(entry("05.txt", f"Edited {version}", 1))]))
        listing.articles()
    after = listing.articles()
    assert [a.title for a in after] == sorted([f"Story {i}" for i in range(20) if i != 5] + ["Edited 29"],
                                               key=str.casefold)
    assert len(after.rows.table) < 20 + 30  # (without compaction: 50 rows, 30 of them dead)
    assert listing.by_path["/news/05.txt"][0].title == "Edited 29"
    assert [a.title for a in before][:2] == ["Story 0", "Story 1"]  # the old list's rows are as they were


def test_an_entry_is_found_by_its_row_or_else_among_the_rows_of_its_title() -> None:
    """The list keeps the cursor's article across filters and reloads without a string per row."""
    from newsreader.entry_table import EntryTable
    from newsreader.listing import find

    table = EntryTable()
    for i in range(50):
        table.append(f"/news/{i:02}.txt", "Same title" if i % 10 == 0 else f"Story {i}", date=dt.date(2020, 1, 1))
    listing = Listing()
    listing.reset_table(table)
    articles = listing.articles()
    target = next(a for a in articles if a.key == "/news/20.txt")
    assert find(articles, target) == articles.position(target)
    stale = EntryTable()
    other = stale.entry(stale.append("/news/20.txt", "Same title", date=dt.date(2020, 1, 1)))  # its file read anew
    assert articles[find(articles, other)].key == "/news/20.txt"
    assert find(articles.take([0, 1]), target) == 0  # not listed: the top
    assert table.rows_titled("Same title") == [0, 10, 20, 30, 40] and table.rows_titled("Story") == []
