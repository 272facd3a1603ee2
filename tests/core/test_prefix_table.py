"""The prefix table: one- and two-letter words answered from compact sets, the rows the filter gives."""

from __future__ import annotations

from array import array
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.prefix_table import PrefixTable, short_prefix
from newsreader.query import FilterQuery, SearchDoc, Term, filter_docs, parse_filter
from newsreader.session import Session
from tests.conftest import write_article

# 120 documents: common words (dense sets: bitsets) and rare ones (a few rows: arrays of positions)
_COMMON = ["the", "government", "police", "said", "trump", "election", "minister", "a", "of", "to"]
_RARE = ["zebra", "quixotic", "xylophone", "jazz", "kiwi", "yak", "vortex", "ukulele", "éclair", "Ωmega"]
DOCS = [
    SearchDoc(f"{i}.txt", f"Story {i} {_RARE[i % 10] if i % 7 == 0 else ''}",
              " ".join(_COMMON[j] for j in range(10) if (i >> (j % 7)) & 1) + f" item{i % 13}",
              "Wire" if i % 3 else "")
    for i in range(120)
]


def memory_rows(query: FilterQuery) -> list[int]:
    return filter_docs(DOCS, query)


def word(prefix: str) -> FilterQuery:
    return FilterQuery((Term("text", prefix, False, False),))


@pytest.fixture(scope="module")
def table() -> PrefixTable:
    built = PrefixTable.build(len(DOCS), lambda p: memory_rows(word(p)))
    assert built is not None
    return built


def test_both_compact_forms_are_used_and_small(table: PrefixTable) -> None:
    forms = {type(s) for s in table._sets.values()}
    assert forms == {int, array}  # dense sets as bitsets, sparse ones as arrays of positions
    assert table.nbytes() <= len(table._sets) * len(DOCS) // 8 + 8 * len(table._sets)


def test_a_two_letter_prefix_is_only_asked_when_its_first_letter_matched() -> None:
    asked: list[str] = []
    PrefixTable.build(len(DOCS), lambda p: asked.append(p) or memory_rows(word(p)))
    assert "q" in asked and "qu" in asked and "j" in asked
    assert not any(p.startswith("f") for p in asked[1:] if len(p) == 2)  # no word starts with f


def test_short_prefix_takes_plain_positive_one_token_words_only() -> None:
    assert [short_prefix(t) for t in parse_filter('g GO É 3x gov -g "go" source:g actor:g u.s').terms] == [
        "g", "go", "e", "3x", None, None, None, None, None, None,
    ]


def test_a_query_without_short_words_is_left_to_the_backends(table: PrefixTable) -> None:
    assert table.answer(parse_filter("government"), memory_rows) is None


def test_a_build_is_abandoned_when_cancelled_or_refused() -> None:
    assert PrefixTable.build(len(DOCS), lambda p: memory_rows(word(p)), cancelled=lambda: True) is None
    assert PrefixTable.build(len(DOCS), lambda p: None) is None


_SHORT = st.text(alphabet="abegjkmopqstuvxyz0159ÉéΩ", min_size=1, max_size=2)
_TERMS = st.one_of(
    _SHORT, _SHORT.map(str.upper), st.sampled_from(_COMMON + _RARE + ["item1", "stor", "-a", "-th", '"the"',
                                                                       "source:wi", "-source:w", "-zebra", "g-o"]),
)


@settings(max_examples=300, deadline=None)
@given(terms=st.lists(_TERMS, min_size=1, max_size=4))
def test_the_table_gives_the_rows_of_the_in_memory_backend(table: PrefixTable, terms: list[str]) -> None:
    query = parse_filter(" ".join(terms))
    answered = table.answer(query, memory_rows)
    if answered is None:
        assert all(short_prefix(t) is None for t in query.terms)
    else:
        assert answered == memory_rows(query), terms


# ------------------------------------------------------------------------------------ in the session


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "news"
    for i in range(6):
        write_article(folder, f"{i}.txt", f"Story {i}", f"Government {'police' if i % 2 else 'army'} said {i}.",
                      date=f"2020-01-{i + 1:02d}", source="Wire")
    return folder


def test_once_prepared_short_words_cost_no_sql_and_longer_ones_ask_only_for_the_rest(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = Session(folder)
    session.refresh()
    index = session.index
    assert index is not None
    asked: list[str] = []
    real = index.filter_ids
    monkeypatch.setattr(index, "filter_ids", lambda q, c=lambda: False: asked.append(
        " ".join(t.value for t in q.terms)) or real(q, c))
    before = session.filter(parse_filter("p"))  # no table yet: SQL answers
    assert asked == ["p"]
    session.prepare_filter()
    asked.clear()
    titles = [session.articles[i].title for i in session.filter(parse_filter("p"))]
    assert session.filter(parse_filter("p")) == before and titles == ["Story 5", "Story 3", "Story 1"]
    assert session.filter(parse_filter("go Po")) == before
    assert asked == []  # from the table
    assert session.filter(parse_filter("po said 3")) == [2]
    assert asked == ["said"]  # only the longer word went to SQL ("3" is a one-character word)


def test_a_new_list_is_not_answered_from_the_old_table(folder: Path) -> None:
    session = Session(folder)
    session.refresh()
    session.prepare_filter()
    write_article(folder, "9.txt", "Story 9", "Police again.", date="2021-01-01")
    session.refresh()
    assert [session.articles[i].title for i in session.filter(parse_filter("po"))][:1] == ["Story 9"]
