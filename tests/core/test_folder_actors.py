"""The folder actor table: counts, kinds, and one row per actor across the folder (aliases, surnames,
acronyms; ambiguous names kept apart)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.analysis import analyse_article
from newsreader.analysis.model import Actor, Analysis, Mention, Quote
from newsreader.articles import Article
from newsreader.folder_actors import FolderActor, FolderActors, build_folder_actors, merged_queries, name_key
from newsreader.query import parse_filter
from newsreader.session import Session
from newsreader.session import Session as Library
from newsreader.session import load_folder as scan
from tests.conftest import ARTICLES, write_article


def actor(name: str, kind: str = "person", n: int = 1, aliases: tuple[str, ...] = ()) -> Actor:
    return Actor(name, kind, [Mention(i * 10, i * 10 + len(name), name) for i in range(n)], list(aliases))


def q(start: int, speaker: str | None, text: str = "words") -> Quote:
    return Quote(text, start, start + len(text), speaker)


def rows(library: Library | list[Article], analyse) -> list[FolderActor]:
    return build_folder_actors(getattr(library, "articles", library), analyse).actors()


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
    index = rows(stub_library(tmp_path), stub_analyse)
    by_name = {a.name: a for a in index}
    assert [a.name for a in index] == ["Huawei", "Jordan", "Ken Hu", "Brussels"]
    assert by_name["Huawei"].to_json() == {
        "name": "Huawei", "kind": "organisation", "articles": 3, "quotations": 0, "aliases": [], "ambiguous": [],
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

    by_name = {a.name: a for a in rows(lib, flaky)}
    assert by_name["Huawei"].articles == 2 and by_name["Ken Hu"].articles == 1
    assert rows([], stub_analyse) == []


def test_kind_tie_prefers_more_mentions() -> None:
    arts = [Article(Path(f"/x/{i}.txt"), str(i), "b") for i in range(2)]
    analyses = {
        "0": Analysis(actors=[actor("Georgia", "place", 5)]),
        "1": Analysis(actors=[actor("Georgia", "person", 1)]),
    }
    (only,) = rows(arts, lambda a: analyses[a.title])
    assert only.kind == "place" and only.articles == 2


def test_same_name_twice_in_one_article_counts_once() -> None:
    art = Article(Path("/x/a.txt"), "a", "b")
    analysis = Analysis(quotes=[q(0, "Jordan")], actors=[actor("Jordan", "place", 2), actor("Jordan", "person", 3)])
    (only,) = rows([art], lambda a: analysis)
    assert (only.articles, only.quotations, only.mentions, only.kind) == (1, 1, 5, "person")


def test_incremental_index_add_replace_discard() -> None:
    index = FolderActors()
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
    index = FolderActors()
    for article in reversed(lib.articles):  # any order, same counts
        analysis = None if article.error else stub_analyse(article)
        if analysis is not None:
            index.add(article.key, analysis)
    def summary(actors: list[FolderActor]) -> list[tuple[str, str, int, int, int]]:
        return [(a.name, a.kind, a.articles, a.quotations, a.mentions) for a in actors]

    assert summary(index.actors()) == summary(rows(lib, stub_analyse))


def test_filter_query_parses_as_one_actor_term() -> None:
    fq = parse_filter(FolderActor("Ken Hu", "person").filter_query)
    assert [(t.field, t.value, t.phrase, t.negate) for t in fq.terms] == [("actor", "Ken Hu", True, False)]


def test_real_engine_on_the_shipped_articles() -> None:
    library = scan(ARTICLES)
    index = rows(library, lambda a: analyse_article(a.body, tuple(library.hints_for(a))))
    by_name = {a.name: a for a in index}
    trump = by_name["Donald Trump"]
    assert trump.kind == "person" and trump.articles >= 2 and trump.quotations >= 1
    assert by_name["Huawei"].kind == "organisation"
    assert by_name["Ken Hu"].quotations >= 3
    counts = [a.articles for a in index]
    assert counts == sorted(counts, reverse=True)
    assert len({a.name.casefold() for a in index}) == len(index)




# ------------------------------------------------------------------------- one actor across the folder


def folder_of(tmp_path: Path, analyses: dict[str, Analysis]) -> tuple[Library, dict[str, Analysis]]:
    """A made-up folder: one article file per entry of `analyses` (its title is the key)."""
    folder = tmp_path / "folder"
    for i, title in enumerate(analyses):
        write_article(folder, f"{i:02d}.txt", title, f"Body of {title}.")
    return scan(folder), analyses


def table_of(tmp_path: Path, analyses: dict[str, Analysis]) -> FolderActors:
    library, by_title = folder_of(tmp_path, analyses)
    return build_folder_actors(getattr(library, "articles", library), lambda a: by_title[a.title])


def summary(table: FolderActors) -> dict[str, tuple[str, int, list[str], list[str]]]:
    return {a.name: (a.kind, a.articles, a.aliases, a.ambiguous) for a in table.actors()}


def test_a_name_joins_the_actor_that_lists_it_as_an_alias(tmp_path: Path) -> None:
    table = table_of(tmp_path, {
        "full": Analysis(quotes=[q(0, "Donald Trump")], actors=[actor("Donald Trump", aliases=("Trump",))]),
        "short": Analysis(quotes=[q(0, "Trump"), q(9, "Trump")], actors=[actor("Trump", n=2)]),
    })
    assert summary(table) == {"Donald Trump": ("person", 2, ["Trump"], [])}
    (trump,) = table.actors()
    assert (trump.quotations, trump.mentions) == (3, 3)
    assert table.names_for("trump") == ("Donald Trump", "Trump")
    assert table.names_for("Donald Trump") == ("Donald Trump", "Trump")
    assert table.names_for("Nobody") == ("Nobody",)


def test_surnames_and_acronyms_join_without_an_alias(tmp_path: Path) -> None:
    table = table_of(tmp_path, {
        "a": Analysis(actors=[actor("Ken Hu"), actor("European Union", "organisation"),
                              actor("United States", "place")]),
        "b": Analysis(actors=[actor("Hu"), actor("EU", "organisation"), actor("U.S.", "place")]),
        "c": Analysis(actors=[actor("US", "place"), actor("Ua", "place")]),
    })
    assert summary(table) == {
        "United States": ("place", 3, ["U.S.", "US"], []),
        "European Union": ("organisation", 2, ["EU"], []),
        "Ken Hu": ("person", 2, ["Hu"], []),
        "Ua": ("place", 1, [], []),  # no alias, surname or acronym of anyone: stays itself
    }


def test_names_of_another_kind_stay_apart(tmp_path: Path) -> None:
    table = table_of(tmp_path, {
        "a": Analysis(actors=[actor("Michael Jordan", aliases=("Jordan",))]),
        "b": Analysis(actors=[actor("Jordan", "place", 3)]),
        "c": Analysis(actors=[actor("European Union", "organisation")]),
        "d": Analysis(actors=[actor("EU", "place")]),
    })
    assert {a.name: a.kind for a in table.actors()} == {
        "Michael Jordan": "person", "Jordan": "place", "European Union": "organisation", "EU": "place",
    }


def test_a_name_with_several_candidates_stays_apart_and_says_so(tmp_path: Path) -> None:
    table = table_of(tmp_path, {
        "a": Analysis(actors=[actor("Donald Trump")]),
        "b": Analysis(actors=[actor("Melania Trump", aliases=("Trump",))]),
        "c": Analysis(actors=[actor("Trump")]),
    })
    assert summary(table)["Trump"] == ("person", 1, [], ["Donald Trump", "Melania Trump"])
    assert summary(table)["Donald Trump"] == ("person", 1, [], [])
    assert table.names_for("Trump") == ("Trump",)
    record = next(a for a in table.actors() if a.name == "Trump").to_json()
    assert record["ambiguous"] == ["Donald Trump", "Melania Trump"]


def test_chains_end_at_the_fullest_name(tmp_path: Path) -> None:
    table = table_of(tmp_path, {
        "a": Analysis(actors=[actor("Donald John Trump", aliases=("Donald Trump",))]),
        "b": Analysis(actors=[actor("Donald Trump", aliases=("President Trump",))]),
        "c": Analysis(actors=[actor("President Trump")]),
        "d": Analysis(actors=[actor("Trump")]),
    })
    (only,) = table.actors()
    assert (only.name, only.articles) == ("Donald John Trump", 4)
    assert only.aliases == ["Donald Trump", "President Trump", "Trump"]


def test_incremental_table_splits_and_rejoins(tmp_path: Path) -> None:
    table = FolderActors()
    table.add("a", Analysis(actors=[actor("Donald Trump")]))
    table.add("c", Analysis(actors=[actor("Trump")]))
    assert [a.name for a in table.actors()] == ["Donald Trump"]
    table.add("b", Analysis(actors=[actor("Melania Trump")]))  # now "Trump" could be either
    assert {a.name: a.ambiguous for a in table.actors()}["Trump"] == ["Donald Trump", "Melania Trump"]
    table.discard("b")
    assert [(a.name, a.articles) for a in table.actors()] == [("Donald Trump", 2)]


def test_name_key_ignores_case_spacing_and_acronym_dots() -> None:
    assert name_key("U.S.") == name_key("US") == name_key("u. s.") == "us"
    assert name_key("  Ken   Hu ") == "ken hu"
    assert name_key("St. Louis") == "st. louis"  # not an acronym: dots stay


def test_the_real_engine_merges_across_a_made_up_folder(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    write_article(folder, "a.txt", "Visit", 'Donald Trump arrived in Paris. "We are here," Trump said.')
    write_article(folder, "b.txt", "Speech", 'President Trump spoke on Monday. "It went well," he said.')
    library = scan(folder)
    table = build_folder_actors(library.articles, lambda a: analyse_article(a.body, tuple(library.hints_for(a))))
    people = [a for a in table.actors() if a.kind == "person"]
    assert [(a.name, a.articles) for a in people] == [("Donald Trump", 2)]
    assert table.names_for("Trump")[0] == "Donald Trump"


def test_no_actor_of_the_shipped_articles_is_another_ones_alias() -> None:
    library = scan(ARTICLES)
    actors = rows(library, lambda a: analyse_article(a.body, tuple(library.hints_for(a))))
    owners = {(name_key(alias), a.kind, a.name) for a in actors for alias in a.aliases}
    clashes = [(a.name, other) for a in actors for key, kind, other in owners
               if (key, kind) == (name_key(a.name), a.kind) and other != a.name and not a.ambiguous]
    assert clashes == []
    names = {a.name for a in actors}
    assert "Donald Trump" in names and not {"Trump", "US", "U.S.", "EU"} & names


def test_the_session_lists_donald_trump_once() -> None:
    """What the palette's "Actor…" shows: the session's folder table on the shipped articles."""
    session = Session(ARTICLES, use_index=False)
    session.refresh()
    session.build_actor_index()
    for article in session.articles:
        if not article.error:
            session.analyse(session.full_article(article))
    names = [a.name for a in session.folder_actors()]
    assert names.count("Donald Trump") == 1 and "Trump" not in names
    trump = next(a for a in session.folder_actors() if a.name == "Donald Trump")
    assert trump.articles >= 4 and "Trump" in trump.aliases


def test_merged_queries_stand_for_every_name_of_the_actor() -> None:
    table = FolderActors()
    table.add("a", Analysis(actors=[actor("Donald Trump", aliases=("Trump",)), actor("Paris", "place")]))
    table.add("c", Analysis(actors=[actor("Trump")]))
    queries = merged_queries(parse_filter('actor:"Donald Trump" paris'), table.names_for)
    assert [[(t.field, t.value, t.negate) for t in q.terms] for q in queries] == [
        [("actor", "Donald Trump", False), ("text", "paris", False)],
        [("actor", "Trump", False), ("text", "paris", False)],
    ]
    (negated,) = merged_queries(parse_filter("-actor:trump"), table.names_for)
    assert [(t.value, t.negate) for t in negated.terms] == [("trump", True), ("Donald Trump", True)]
    assert merged_queries(parse_filter("actor:nobody x"), table.names_for) == [parse_filter("actor:nobody x")]


@pytest.mark.parametrize("use_index", [False, True])
def test_the_session_filter_finds_every_article_of_the_merged_actor(tmp_path: Path, use_index: bool) -> None:
    folder = tmp_path / "news"
    write_article(folder, "a.txt", "Visit", 'Donald Trump arrived in Paris. "We are here," Trump said.')
    write_article(folder, "b.txt", "Speech", 'President Trump spoke on Monday. "It went well," he said.')
    write_article(folder, "c.txt", "Other", "Angela Merkel spoke in Berlin.")
    session = Session(folder, use_index=use_index)
    session.refresh()
    assert session.uses_index is use_index
    for article in session.articles:
        session.analyse(session.full_article(article))
    query = parse_filter('actor:"Donald Trump"')
    assert [session.articles[i].title for i in session.filter(query)] == ["Visit"]  # before the cast is counted
    session.build_actor_index()
    assert sorted(session.articles[i].title for i in session.filter(query)) == ["Speech", "Visit"]
    assert [session.articles[i].title for i in session.filter(parse_filter("-actor:trump"))] == ["Other"]


def test_names_that_claim_each_other_are_one_actor(tmp_path: Path) -> None:
    table = table_of(tmp_path, {
        "a": Analysis(actors=[actor("Recep Erdoğan", aliases=("Recep Erdogan",))]),
        "b": Analysis(actors=[actor("Recep Erdogan", aliases=("Recep Erdoğan",))]),
        "c": Analysis(actors=[actor("Recep Tayyip Erdogan", aliases=("Erdogan",))]),
        "d": Analysis(actors=[actor("Erdogan")]),  # surname of two actors: could be either
    })
    rows = {a.name: (a.articles, a.aliases, a.ambiguous) for a in table.actors()}
    assert rows == {
        "Recep Erdoğan": (2, ["Recep Erdogan"], []),  # same size: the later key in sort order heads
        "Recep Tayyip Erdogan": (1, ["Erdogan"], []),
        "Erdogan": (1, [], ["Recep Erdoğan", "Recep Tayyip Erdogan"]),
    }


# ------------------------------------------------------------------------------------- its memory


def test_a_counted_article_costs_its_records_bytes_not_objects() -> None:
    """The cast of a big folder grows by a few hundred bytes per analysed article (an array object and a
    key string each were ~660 bytes, ~64 MiB at 100,000 articles)."""
    import gc
    import tracemalloc

    analyses, count = [STUB["one"], STUB["two"], STUB["three"]], 3_000
    table = FolderActors()
    table.add("/home/reader/news/2024/first.txt", analyses[0])  # (the strings' table and the first buffers)
    gc.collect()  # (earlier tests' garbage, freed during the loop, made the figure smaller in a full run)
    gc.disable()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for i in range(count):  # (each key made as the session makes it, and then only held by the table)
            table.add(f"/home/reader/news/2024/{i:06d}-a-long-enough-article-file-name.txt", analyses[i % 3])
        per_article = (tracemalloc.get_traced_memory()[0] - before) / count
    finally:
        tracemalloc.stop()
        gc.enable()
    # this stub's records are ~20 numbers and its keys' names ~45 bytes; with the buffers' and the hash
    # table's amortised growth that is ~160 bytes (measured alone, the collector held off), not ~660
    assert per_article < 200
    assert len(table) == count + 1 and "/home/reader/news/2024/001234-a-long-enough-article-file-name.txt" in table


def test_discarded_and_replaced_records_are_dropped_and_the_counts_stay() -> None:
    table, fresh = FolderActors(), FolderActors()
    for i in range(8_000):
        table.add(f"/news/{i}.txt", STUB["one"])
    for i in range(8_000):
        if i % 4:
            table.discard(f"/news/{i}.txt")  # (past half of the bytes dead: copied to new buffers)
        else:
            table.add(f"/news/{i}.txt", STUB["two"])
    for i in range(0, 8_000, 4):
        fresh.add(f"/news/{i}.txt", STUB["two"])
    assert len(table._articles._data) < 2 * len(fresh._articles._data)
    summary = [(a.name, a.kind, a.articles, a.quotations, a.mentions, a.aliases, a.keys) for a in table.actors()]
    assert summary == [(a.name, a.kind, a.articles, a.quotations, a.mentions, a.aliases, a.keys)
                       for a in fresh.actors()]
    assert len(table) == 2_000 and "/news/1.txt" not in table and "/news/4.txt" in table
