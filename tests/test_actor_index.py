"""The folder actor index and the per-article navigation helpers (who said what, `}`/`{`, `]`/`[`)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from newsreader.actor_index import (
    ActorIndex,
    FolderActor,
    actor_filter,
    actor_mentions,
    build_actor_index,
    group_quotes_by_speaker,
    next_quote,
    next_span,
    only_actor,
    quote_counts,
)
from newsreader.analysis import analyse_article
from newsreader.analysis.model import Actor, Analysis, Mention, Quote
from newsreader.articles import Article
from newsreader.library import Library, scan
from newsreader.search import parse_filter
from tests.conftest import ARTICLES, write_article


def actor(name: str, kind: str = "person", n: int = 1, aliases: tuple[str, ...] = ()) -> Actor:
    return Actor(name, kind, [Mention(i * 10, i * 10 + len(name), name) for i in range(n)], list(aliases))


def q(start: int, speaker: str | None, text: str = "words") -> Quote:
    return Quote(text, start, start + len(text), speaker)


STUB: dict[str, Analysis] = {
    "one": Analysis(
        quotes=[q(100, "Ken Hu"), q(200, "Ken Hu"), q(300, None)],
        actors=[actor("Ken Hu", n=3, aliases=("Hu",)), actor("Huawei", "organisation", 5), actor("Brussels", "place")],
    ),
    "two": Analysis(
        quotes=[q(50, "ken hu")],
        actors=[actor("ken hu", n=1), actor("Huawei", "organisation", 2), actor("Jordan", "place")],
    ),
    "three": Analysis(
        quotes=[q(10, "Jordan")],
        actors=[actor("Jordan", "person", 2), actor("Huawei", "organisation", 1)],
    ),
    "four": Analysis(actors=[actor("Jordan", "person")]),
}


def stub_library(tmp_path: Path) -> Library:
    folder = tmp_path / "news"
    for i, name in enumerate(STUB):
        write_article(folder, f"{name}.txt", name, f"Body of {name}.", date=f"2020-01-0{i + 1}")
    write_article(folder, "empty.txt", "nothing", "No actors here.")
    (folder / "broken.yaml").write_text("[unclosed", encoding="utf-8")
    return scan(folder)


def stub_analyse(article: Article) -> Analysis | None:
    if article.title == "nothing":
        return None
    return STUB[article.title]


def test_index_counts_merges_and_orders(tmp_path: Path) -> None:
    index = build_actor_index(stub_library(tmp_path), stub_analyse)
    by_name = {a.name: a for a in index}
    assert [a.name for a in index] == ["Huawei", "Jordan", "Ken Hu", "Brussels"]
    assert by_name["Huawei"].to_json() == {
        "name": "Huawei", "kind": "organisation", "articles": 3, "quotations": 0, "aliases": [],
    }
    ken = by_name["Ken Hu"]  # "Ken Hu" and "ken hu" are one actor; both spellings' quotes count
    assert (ken.articles, ken.quotations, ken.mentions) == (2, 3, 4)
    assert ken.aliases == ["Hu", "ken hu"]
    jordan = by_name["Jordan"]  # a place once, a person twice: person by majority
    assert (jordan.kind, jordan.articles, jordan.quotations) == ("person", 3, 1)
    assert by_name["Brussels"].articles == 1
    assert len(ken.keys) == 2 and all(k.endswith((".txt",)) for k in ken.keys)


def test_index_skips_errors_and_failing_analysers(tmp_path: Path) -> None:
    lib = stub_library(tmp_path)
    assert any(a.error for a in lib.articles)

    def flaky(article: Article) -> Analysis | None:
        if article.title == "two":
            raise RuntimeError("boom")
        return stub_analyse(article)

    by_name = {a.name: a for a in build_actor_index(lib, flaky)}
    assert by_name["Huawei"].articles == 2 and by_name["Ken Hu"].articles == 1
    assert build_actor_index([], stub_analyse) == []


def test_kind_tie_prefers_more_mentions() -> None:
    arts = [Article(Path(f"/x/{i}.txt"), str(i), "b") for i in range(2)]
    analyses = {"0": Analysis(actors=[actor("Georgia", "place", 5)]), "1": Analysis(actors=[actor("Georgia", "person", 1)])}
    (only,) = build_actor_index(arts, lambda a: analyses[a.title])
    assert only.kind == "place" and only.articles == 2


def test_same_name_twice_in_one_article_counts_once() -> None:
    art = Article(Path("/x/a.txt"), "a", "b")
    analysis = Analysis(quotes=[q(0, "Jordan")], actors=[actor("Jordan", "place", 2), actor("Jordan", "person", 3)])
    (only,) = build_actor_index([art], lambda a: analysis)
    assert (only.articles, only.quotations, only.mentions, only.kind) == (1, 1, 5, "person")


def test_incremental_index_add_replace_discard() -> None:
    index = ActorIndex()
    assert index.actors() == [] and len(index) == 0
    index.add("a", STUB["one"])
    index.add("b", STUB["two"])
    first = index.actors()
    assert index.actors() is first  # cached until something changes
    assert {a.name: a.articles for a in first}["Huawei"] == 2 and "a" in index and len(index) == 2
    index.add("a", Analysis(actors=[actor("Huawei", "organisation", 1)]))  # re-analysed: replaces
    by_name = {a.name: a for a in index.actors()}
    assert by_name["Huawei"].articles == 2 and by_name["Huawei"].mentions == 3
    assert by_name["ken hu"].articles == 1 and by_name["ken hu"].quotations == 1  # only article b spells it
    assert "Brussels" not in by_name
    index.discard("b")
    index.discard("missing")
    assert [(a.name, a.articles) for a in index.actors()] == [("Huawei", 1)]
    assert len(index) == 1 and "b" not in index


def test_incremental_equals_batch(tmp_path: Path) -> None:
    lib = stub_library(tmp_path)
    index = ActorIndex()
    for article in reversed(lib.articles):  # any order, same counts
        analysis = None if article.error else stub_analyse(article)
        if analysis is not None:
            index.add(article.key, analysis)
    def summary(actors: list[FolderActor]) -> list[tuple[str, str, int, int, int]]:
        return [(a.name, a.kind, a.articles, a.quotations, a.mentions) for a in actors]

    assert summary(index.actors()) == summary(build_actor_index(lib, stub_analyse))


def test_filter_query_parses_as_one_actor_term() -> None:
    assert actor_filter("Ken Hu") == 'actor:"Ken Hu"'
    assert actor_filter('The "Boss"') == 'actor:"The Boss"'
    fq = parse_filter(FolderActor("Ken Hu", "person").filter_query)
    assert [(t.field, t.value, t.phrase, t.negate) for t in fq.terms] == [("actor", "Ken Hu", True, False)]


def test_real_engine_on_the_shipped_articles() -> None:
    library = scan(ARTICLES)
    index = build_actor_index(library, lambda a: analyse_article(a.body, tuple(library.hints_for(a))))
    by_name = {a.name: a for a in index}
    trump = by_name["Donald Trump"]
    assert trump.kind == "person" and trump.articles >= 2 and trump.quotations >= 1
    assert by_name["Huawei"].kind == "organisation"
    assert by_name["Ken Hu"].quotations >= 3
    counts = [a.articles for a in index]
    assert counts == sorted(counts, reverse=True)
    assert len({a.name.casefold() for a in index}) == len(index)


# ------------------------------------------------------------------------------------- navigation


def test_group_quotes_by_speaker() -> None:
    analysis = Analysis(quotes=[
        q(500, "B"), q(10, None), q(20, "A"), q(300, "B"), q(40, "C"), q(400, "A"), q(450, "B"), q(30, None),
    ])
    groups = group_quotes_by_speaker(analysis)
    assert groups == [("B", [3, 6, 0]), ("A", [2, 5]), ("C", [4]), (None, [1, 7])]
    assert group_quotes_by_speaker(Analysis()) == []
    # ties: who speaks first comes first
    tie = Analysis(quotes=[q(50, "Late"), q(10, "Early")])
    assert [s for s, _ in group_quotes_by_speaker(tie)] == ["Early", "Late"]


def test_next_quote_walks_forward_and_back() -> None:
    quotes = [q(300, "B"), q(100, "A"), q(200, None)]  # unsorted on purpose
    assert next_quote(quotes, 0, 1) == 1
    assert next_quote(quotes, 100, 1) == 2  # from the start of the current quotation
    assert next_quote(quotes, 200, 1) == 0
    assert next_quote(quotes, 300, 1) is None
    assert next_quote(quotes, 300, -1) == 2
    assert next_quote(quotes, 100, -1) is None
    assert next_quote(quotes, 10_000, -1) == 0
    assert next_quote([], 0, 1) is None and next_quote([], 0, -1) is None


@given(st.lists(st.integers(0, 1000), max_size=30), st.integers(-5, 1005))
def test_next_span_properties(starts: list[int], offset: int) -> None:
    spans = sorted((s, s + 1) for s in starts)
    after = next_span(spans, offset, 1)
    before = next_span(spans, offset, -1)
    later = [i for i, (s, _) in enumerate(spans) if s > offset]
    earlier = [i for i, (s, _) in enumerate(spans) if s < offset]
    assert after == (later[0] if later else None)
    assert before == (earlier[-1] if earlier else None)


def test_actor_mentions_sorted_unique_with_speaker_pronouns() -> None:
    ken = Actor("Ken Hu", "person", [Mention(50, 52, "Hu"), Mention(10, 16, "Ken Hu"), Mention(50, 52, "Hu")], ["Hu"])
    analysis = Analysis(
        quotes=[
            Quote("x", 100, 101, "Ken Hu", Mention(90, 92, "he")),
            Quote("y", 200, 201, "Other", Mention(190, 193, "she")),
        ],
        actors=[ken],
    )
    assert actor_mentions(ken) == [(10, 16), (50, 52)]
    assert actor_mentions(ken, analysis) == [(10, 16), (50, 52), (90, 92)]
    assert quote_counts(analysis) == {"Ken Hu": 1, "Other": 1}


def test_only_actor_keeps_its_mentions_and_quotations() -> None:
    ken = Actor("Ken Hu", "person", [Mention(0, 6, "Ken Hu")], ["Hu"])
    other = Actor("Acme", "organisation", [Mention(10, 14, "Acme")])
    analysis = Analysis(quotes=[Quote("a", 20, 21, "Ken Hu", Mention(18, 20, "he")), Quote("b", 30, 31, "Acme"),
                                Quote("c", 40, 41, None)], actors=[ken, other])
    narrowed = only_actor(analysis, ken)
    assert narrowed.actors == [ken] and [q.text for q in narrowed.quotes] == ["a"]
    assert len(analysis.quotes) == 3 and len(analysis.actors) == 2  # the original is untouched
