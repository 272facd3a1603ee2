"""The per-article navigation helpers (who said what, `}`/`{`, `]`/`[`)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsreader.actor_index import (
    actor_filter,
    actor_mentions,
    group_quotes_by_speaker,
    next_quote,
    next_span,
    only_actor,
    quote_counts,
)
from newsreader.analysis.model import Actor, Analysis, Mention, Quote
from newsreader.query import parse_filter


def actor(name: str, kind: str = "person", n: int = 1, aliases: tuple[str, ...] = ()) -> Actor:
    return Actor(name, kind, [Mention(i * 10, i * 10 + len(name), name) for i in range(n)], list(aliases))


def q(start: int, speaker: str | None, text: str = "words") -> Quote:
    return Quote(text, start, start + len(text), speaker)


def test_actor_filter_parses_as_one_actor_term() -> None:
    assert actor_filter("Ken Hu") == 'actor:"Ken Hu"'
    assert actor_filter('The "Boss"') == 'actor:"The Boss"'
    fq = parse_filter(actor_filter("Ken Hu"))
    assert [(t.field, t.value, t.phrase, t.negate) for t in fq.terms] == [("actor", "Ken Hu", True, False)]


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
