"""The header's unread count over a folder's list or a filter's rows (`newsreader.unread`): the same
answer as counting the rows' distinct content keys that are not read, with each row keyed once per
list, however many times it is counted."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.articles import Article
from newsreader.content_keys import content_key
from newsreader.unread import FolderUnread


def article(n: int, text: int, error: bool = False) -> Article:
    """Row `n` with the content `text` (two rows with the same `text` have the same content key)."""
    return Article(Path(f"/news/{n}.txt"), f"Story {text}", body=f"Body {text}", error="unreadable" if error else None)


def expected(articles: list[Article], positions: list[int] | None, read: set[str]) -> int:
    rows = articles if positions is None else [articles[p] for p in positions]
    return len({content_key(a) for a in rows if not a.error} - read)


rows_strategy = st.lists(st.tuples(st.integers(0, 8), st.booleans()), max_size=30)


@settings(max_examples=200, deadline=None)
@given(rows_strategy, st.sets(st.integers(0, 8)), st.data())
def test_the_count_is_the_unread_distinct_keys_of_the_rows(rows, read_texts, data) -> None:  # noqa: ANN001
    articles = [article(n, text, error) for n, (text, error) in enumerate(rows)]
    read = {content_key(article(0, t)) for t in read_texts}
    counter = FolderUnread(articles, content_key)
    assert counter.count(read, 1) == expected(articles, None, read)
    positions = sorted(data.draw(st.sets(st.integers(0, max(len(articles) - 1, 0)))) if articles else [])
    assert counter.count(read, 1, positions) == expected(articles, positions, read)


def test_rows_are_keyed_once_per_list_and_a_mark_is_seen_when_the_version_changes() -> None:
    articles = [article(n, n) for n in range(1_000)]
    calls: list[Article] = []
    counter = FolderUnread(articles, lambda a: calls.append(a) or content_key(a))
    read: set[str] = set()
    for version in range(20):  # twenty filter keystrokes and marks
        assert counter.count(read, version, list(range(0, 1_000, 2))) == 500 - (version > 0)
        read = {content_key(articles[0])}
    assert len(calls) == 1_000  # each row keyed once, not once per count
    assert counter.count(read, "same version", None) == 999
