"""Unit and property tests for newsreader.search (pure: no Textual)."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsreader.search import (
    MAX_MATCHES,
    FilterQuery,
    FindResult,
    SearchDoc,
    Term,
    analysis_fields,
    did_wrap,
    filter_docs,
    find_matches,
    fold,
    match_index_at_or_after,
    next_match,
    parse_filter,
    prepare_docs,
)


def spans(text: str, query: str, **kw: bool) -> list[str]:
    """The matched substrings, which reads better in assertions than offsets."""
    result = find_matches(text, query, **kw)
    assert result.error is None
    return [text[s:e] for s, e in result.matches]


# ------------------------------------------------------------------------------------------- find


class TestSmartCase:
    TEXT = "Trust me. trust, TRUST! distrust"

    def test_lower_case_query_ignores_case(self) -> None:
        assert spans(self.TEXT, "trust") == ["Trust", "trust", "TRUST", "trust"]

    def test_upper_case_letter_makes_it_case_sensitive(self) -> None:
        assert find_matches(self.TEXT, "Trust").matches == [(0, 5)]
        assert spans(self.TEXT, "TRUST") == ["TRUST"]
        assert find_matches("trust only", "TRUST").matches == []

    def test_regex_escapes_do_not_count_as_upper_case(self) -> None:
        # \S and \W are syntax, not letters the user wants to find: still case-insensitive.
        assert spans("DisTrust", r"\Strust", regex=True) == ["sTrust"]
        assert spans("TRUST me", r"trust\W", regex=True) == ["TRUST "]
        assert spans("TRUST me", r"(?P<Name>trust)", regex=True) == ["TRUST"]

    def test_regex_literal_upper_case_is_case_sensitive(self) -> None:
        assert spans("trust Trust", "T[a-z]+", regex=True) == ["Trust"]

    def test_result_offsets_index_the_text(self) -> None:
        text = "ça trust 🙂 trust"
        result = find_matches(text, "trust")
        assert result == FindResult([(3, 8), (11, 16)], None)
        assert all(text[s:e] == "trust" for s, e in result.matches)


class TestPlainAndRegex:
    def test_plain_query_is_literal(self) -> None:
        assert spans("a.b axb (a.b)", "a.b") == ["a.b", "a.b"]
        assert spans("cost $5 (net) [x]", "(net)") == ["(net)"]
        assert spans("a+b aab", "a+b") == ["a+b"]

    def test_valid_regex(self) -> None:
        assert spans("cat cot cut", "c[ao]t", regex=True) == ["cat", "cot"]

    def test_regex_is_multiline(self) -> None:
        assert spans("one\ntwo\nthree", r"^t\w+", regex=True) == ["two", "three"]

    @pytest.mark.parametrize(
        "pattern", ["[", "(abc", "a)", "*a", "a{2,1}", "\\", "(?<=a+)b", "a{99999999999}", "(?P<1>x)"]
    )
    def test_invalid_regex_gives_one_line_message_and_no_matches(self, pattern: str) -> None:
        result = find_matches("abc", pattern, regex=True)
        assert result.matches == []
        assert result.error is not None
        assert result.error.startswith("invalid regex:")
        assert "\n" not in result.error

    def test_error_position_refers_to_what_was_typed(self) -> None:
        result = find_matches("abc", "ab[", regex=True)
        assert result.error == "invalid regex: unterminated character set at position 2"

    def test_same_pattern_as_plain_text_is_fine(self) -> None:
        assert find_matches("a [ b", "[").matches == [(2, 3)]

    def test_nested_repetition_is_refused_not_run(self) -> None:
        # (a+)+b against many a's and no b would backtrack for ages and freeze the UI.
        result = find_matches("a" * 40 + "!", "(a+)+b", regex=True)
        assert result.matches == []
        assert result.error is not None and "nested repetition" in result.error
        assert find_matches("x", r"(\w+\s?)*", regex=True).error is not None

    def test_atomic_and_possessive_alternatives_are_allowed(self) -> None:
        assert spans("aaa b", "(?>a+)+", regex=True) == ["aaa"]
        assert spans("one two three", r"(?:\w+\s)++", regex=True) == ["one two "]

    def test_global_inline_flags_still_work(self) -> None:
        assert spans("TRUST trust", "(?i)TRUST", regex=True) == ["TRUST", "trust"]
        assert spans("ab\ncd", "(?s)b.c", regex=True) == ["b\nc"]
        assert spans("trust it", "(?x) tr ust  # a comment", regex=True) == ["trust"]

    def test_empty_query_finds_nothing(self) -> None:
        assert find_matches("text", "") == FindResult([], None)
        assert find_matches("", "x").matches == []


class TestMatchShapes:
    def test_overlapping_candidates_are_taken_left_to_right_without_overlap(self) -> None:
        assert find_matches("aaaa", "aa").matches == [(0, 2), (2, 4)]
        assert find_matches("aaa", "aa").matches == [(0, 2)]
        assert find_matches("abababa", "aba").matches == [(0, 3), (4, 7)]

    def test_adjacent_matches_are_separate(self) -> None:
        assert find_matches("abab", "ab").matches == [(0, 2), (2, 4)]
        assert find_matches("trusttrust", "trust").matches == [(0, 5), (5, 10)]

    def test_zero_width_regex_never_produces_empty_matches(self) -> None:
        assert find_matches("baaac", "a*", regex=True).matches == [(1, 4)]
        assert find_matches("word word", r"\b", regex=True).matches == []
        assert find_matches("abc", "(?=b)", regex=True).matches == []
        assert find_matches("abc", "x?", regex=True).matches == []
        assert find_matches("", "a*", regex=True).matches == []

    def test_matches_cap(self) -> None:
        result = find_matches("a" * (MAX_MATCHES + 10), "a")
        assert len(result.matches) == MAX_MATCHES
        assert result.truncated
        assert not find_matches("a" * 10, "a").truncated


class TestWholeWord:
    def test_word_boundaries(self) -> None:
        text = "trust distrust trusted trust_fund trust."
        assert find_matches(text, "trust", whole_word=True).matches == [(0, 5), (34, 39)]

    def test_unicode_letters_are_word_characters(self) -> None:
        assert spans("café caféine", "café", whole_word=True) == ["café"]
        assert spans("Straße Straßenbahn", "straße", whole_word=True) == ["Straße"]
        assert spans("мир мировой мир", "мир", whole_word=True) == ["мир", "мир"]
        # decomposed é (e + combining acute): the mark belongs to the word
        assert spans("cafe\u0301 cafe", "cafe", whole_word=True) == ["cafe"]

    def test_query_edges_in_punctuation(self) -> None:
        assert spans("C++ and C+++ and xC++", "C++", whole_word=True) == ["C++", "C++"]
        # a query that ends in punctuation is not constrained on that side; its start still is
        assert find_matches("C++ and C+++ and xC++", "C++", whole_word=True).matches == [(0, 3), (8, 11)]
        assert spans("co-op, a co-operative", "co-op", whole_word=True) == ["co-op"]
        assert spans("(note) x(note)", "(note)", whole_word=True) == ["(note)", "(note)"]
        assert spans("U.S. and U.S.A.", "U.S.", whole_word=True) == ["U.S.", "U.S."]

    def test_whole_word_with_regex(self) -> None:
        assert spans("cat category cats", "cat|category", regex=True, whole_word=True) == ["cat", "category"]
        assert spans("9/11 19/11", r"\d+/11", regex=True, whole_word=True) == ["9/11", "19/11"]
        assert spans("ab abc", "ab", regex=True, whole_word=True) == ["ab"]

    def test_whole_word_respects_smart_case(self) -> None:
        assert spans("Trust trust", "trust", whole_word=True) == ["Trust", "trust"]
        assert spans("Trust trust", "Trust", whole_word=True) == ["Trust"]


class TestUnicodeCaseFolding:
    """The documented behaviour: one-to-one case folding only, accents significant."""

    def test_casefold_insensitive_matching(self) -> None:
        assert spans("STRASSE strasse Strasse", "strasse") == ["STRASSE", "strasse", "Strasse"]
        assert spans("ÉCOLE école", "école") == ["ÉCOLE", "école"]
        assert spans("ΣΟΦΙΑ σοφια", "σοφια") == ["ΣΟΦΙΑ", "σοφια"]
        assert spans("ΛΟΓΟΣ λογος", "λογοσ") == ["ΛΟΓΟΣ", "λογος"]  # final sigma ς
        assert spans("STRAẞE", "straße") == ["STRAẞE"]  # capital sharp s

    def test_accents_are_significant(self) -> None:
        assert find_matches("café résumé", "e").matches == []
        assert find_matches("cafe", "é").matches == []
        # a decomposed é (e + U+0301) is not found by "e" either
        assert find_matches("cafe\u0301", "e").matches == []
        assert spans("cafe\u0301", "e\u0301") == ["e\u0301"]

    def test_sharp_s_and_ss_do_not_match_each_other(self) -> None:
        # re's IGNORECASE is one character to one character (offsets stay exact); ß -> ss is not.
        assert find_matches("Straße", "strasse").matches == []
        assert find_matches("STRASSE", "straße").matches == []

    def test_upper_case_accented_query_is_case_sensitive(self) -> None:
        assert spans("École école", "École") == ["École"]


class TestNavigation:
    M = [(0, 2), (10, 12), (20, 22)]

    def test_index_at_or_after(self) -> None:
        assert match_index_at_or_after(self.M, 0) == 0
        assert match_index_at_or_after(self.M, 1) == 1
        assert match_index_at_or_after(self.M, 10) == 1
        assert match_index_at_or_after(self.M, 21) == 3  # past the last: len(matches)
        assert match_index_at_or_after([], 5) == 0

    def test_next_and_previous_wrap(self) -> None:
        assert next_match(self.M, 0, +1) == 1
        assert next_match(self.M, 2, +1) == 0
        assert next_match(self.M, 0, -1) == 2
        assert next_match(self.M, 1, -1) == 0

    def test_nothing_selected_yet(self) -> None:
        assert next_match(self.M, -1, +1) == 0
        assert next_match(self.M, -1, -1) == 2
        assert next_match(self.M, 7, +1) == 0
        assert next_match([], 0, +1) == -1

    def test_single_match_and_wrap_notice(self) -> None:
        assert next_match([(3, 4)], 0, +1) == 0
        assert did_wrap(0, 0, +1)
        assert did_wrap(2, 0, +1)
        assert not did_wrap(0, 1, +1)
        assert did_wrap(0, 2, -1)
        assert not did_wrap(2, 1, -1)
        assert not did_wrap(-1, 0, +1)

    def test_walks_every_match_in_order(self) -> None:
        text = "trust a trust b trust c trust"
        matches = find_matches(text, "trust").matches
        i, seen = -1, []
        for _ in range(len(matches) + 1):
            i = next_match(matches, i, +1)
            seen.append(i)
        assert seen == [0, 1, 2, 3, 0]


# ------------------------------------------------------------------------------------------- filter


def T(value: str, field: str = "text", negate: bool = False, phrase: bool = False) -> Term:  # noqa: N802
    return Term(field, value, negate, phrase)


class TestParseFilter:
    def test_words(self) -> None:
        assert parse_filter("  trump   President ").terms == (T("trump"), T("President"))

    def test_phrase(self) -> None:
        assert parse_filter('"prime minister" x').terms == (T("prime minister", phrase=True), T("x"))

    def test_phrase_whitespace_is_normalised(self) -> None:
        assert parse_filter('"prime   minister "').terms == (T("prime minister", phrase=True),)

    def test_curly_quotes(self) -> None:
        assert parse_filter("“prime minister”").terms == (T("prime minister", phrase=True),)

    def test_negation(self) -> None:
        assert parse_filter('-the -"a phrase" -actor:hu').terms == (
            T("the", negate=True),
            T("a phrase", negate=True, phrase=True),
            T("hu", "actor", negate=True),
        )

    def test_fields(self) -> None:
        q = parse_filter('actor:Hu source:BBC quote:trust quote:"a phrase" actor:"Ken Hu" Source:Reuters')
        assert q.terms == (
            T("Hu", "actor"),
            T("BBC", "source"),
            T("trust", "quote"),
            T("a phrase", "quote", phrase=True),
            T("Ken Hu", "actor", phrase=True),
            T("Reuters", "source"),
        )

    def test_unclosed_quote_is_treated_as_closed(self) -> None:
        assert parse_filter('x "prime minis').terms == (T("x"), T("prime minis", phrase=True))
        assert parse_filter('quote:"we will').terms == (T("we will", "quote", phrase=True),)

    def test_unknown_field_is_a_plain_word(self) -> None:
        assert parse_filter("foo:bar http://x.org").terms == (T("foo:bar"), T("http://x.org"))

    def test_half_typed_terms_are_dropped(self) -> None:
        for q in ["", "   ", "-", "actor:", "quote:", "source:", '"', '-"', '""', "$", "- x"[:1]]:
            assert parse_filter(q).is_empty, q
        assert parse_filter("- x").terms == (T("x"),)
        assert parse_filter("actor: trump").terms == (T("trump"),)

    def test_properties(self) -> None:
        q = parse_filter('trump -the "prime minister" quote:jobs actor:hu -quote:never source:bbc')
        assert not q.is_empty
        assert q.needs_analysis
        assert q.highlight_terms() == ["trump", "prime minister", "jobs"]
        assert not parse_filter("trump source:bbc").needs_analysis
        assert parse_filter("").is_empty and FilterQuery().is_empty
        assert parse_filter("Trump trump TRUMP").highlight_terms() == ["Trump"]


def doc(key: str, title: str = "", body: str = "", **kw: object) -> SearchDoc:
    return SearchDoc(key=key, title=title, body=body, **kw)  # type: ignore[arg-type]


DOCS = [
    doc(
        "hu",
        "Huawei results",
        'Ken Hu said "we will grow". Hu spoke to the Prime Minister.',
        source="BBC News",
        actors=(("Ken Hu", "Hu"), ("Huawei",)),
        quotes=("we will grow",),
    ),
    doc(
        "trump",
        "President speaks",
        "Donald Trump met the prime-minister. \"No deal,\" Trump said. Government shutdown looms.",
        source="Reuters",
        actors=(("Donald Trump", "Trump"),),
        quotes=("No deal,",),
    ),
    doc("plain", "Weather", "Sunny and warm. The minister of weather is prime.", source="Wikinews"),
    doc(
        "accents",
        "Erdoğan visits Straße",
        "Café owners in Zürich welcomed him.",
        source="Le Monde",
        actors=(("Recep Tayyip Erdoğan", "Erdoğan"),),
        quotes=(),
    ),
]


def keys(query: str, docs: list[SearchDoc] = DOCS) -> list[str]:
    return [docs[i].key for i in filter_docs(docs, parse_filter(query))]


class TestFilterDocs:
    def test_empty_query_keeps_everything(self) -> None:
        assert keys("") == ["hu", "trump", "plain", "accents"]
        assert keys("actor:") == ["hu", "trump", "plain", "accents"]

    def test_all_words_must_match_in_any_order(self) -> None:
        assert keys("trump government") == ["trump"]
        assert keys("government trump") == ["trump"]
        assert keys("trump weather") == []

    def test_case_insensitive_and_word_prefix(self) -> None:
        assert keys("GOV") == ["trump"]
        assert keys("shut") == ["trump"]
        assert keys("down") == []  # "shutdown" contains it but no word starts with it
        assert keys("minister") == ["hu", "trump", "plain"]

    def test_title_and_source_are_searched(self) -> None:
        assert keys("huawei") == ["hu"]
        assert keys("reuters") == ["trump"]

    def test_phrase_is_exact_words_in_order(self) -> None:
        assert keys('"prime minister"') == ["hu", "trump"]  # "prime-minister" too: punctuation ignored
        assert keys('"minister prime"') == []
        assert keys('"prime minis"') == []  # phrases match whole words
        assert keys('"no deal"') == ["trump"]

    def test_exclusion(self) -> None:
        assert keys("-trump") == ["hu", "plain", "accents"]
        assert keys('minister -"prime minister"') == ["plain"]
        assert keys("minister -weather") == ["hu", "trump"]

    def test_actor_is_alias_aware_and_prefix(self) -> None:
        assert keys("actor:Hu") == ["hu"]  # Ken Hu's alias; also the prefix of Huawei, same article
        assert keys("actor:ken") == ["hu"]
        assert keys("actor:trump") == ["trump"]
        assert keys("actor:TRU") == ["trump"]
        assert keys("actor:donald") == ["trump"]
        assert keys("actor:rump") == []
        assert keys('actor:"ken hu"') == ["hu"]
        assert keys('actor:"hu ken"') == []

    def test_quoted_actor_name_is_an_exact_token(self) -> None:
        # actor:hu is a prefix ("Huawei" too); actor:"hu" asks for the whole token only
        docs = [doc("k", actors=(("Ken Hu", "Hu"),)), doc("w", actors=(("Huawei",), ("Hugh Grant", "Grant")))]
        assert keys("actor:hu", docs) == ["k", "w"]
        assert keys('actor:"hu"', docs) == ["k"]

    def test_actor_only_matches_actor_names(self) -> None:
        # "Zürich" is in the body but not an actor
        assert keys("zurich") == ["accents"]
        assert keys("actor:zurich") == []

    def test_actor_alias_only_given_as_alias(self) -> None:
        docs = [doc("k", body="He spoke.", actors=(("Ken Hu", "Hu"),)), doc("x", actors=(("Kenneth Smith",),))]
        assert keys("actor:hu", docs) == ["k"]
        assert keys("actor:ken", docs) == ["k", "x"]

    def test_source_is_a_substring(self) -> None:
        assert keys("source:bbc") == ["hu"]
        assert keys("source:NEWS") == ["hu", "plain"]  # "Wikinews" contains it mid-word
        assert keys('source:"le monde"') == ["accents"]
        assert keys("-source:reuters") == ["hu", "plain", "accents"]

    def test_quote_searches_only_quotations(self) -> None:
        assert keys("quote:grow") == ["hu"]
        assert keys("grow") == ["hu"]
        assert keys("quote:spoke") == []  # in the body, not inside a quotation
        assert keys('quote:"we will"') == ["hu"]
        assert keys("quote:deal") == ["trump"]

    def test_unanalysed_docs_never_match_actor_or_quote_terms(self) -> None:
        # "plain" has actors/quotes None: left out for positive and negative terms until analysed
        assert keys("actor:trump") == ["trump"]
        assert keys("-actor:trump") == ["hu", "accents"]
        assert keys("-quote:grow") == ["trump", "accents"]

    def test_analysis_arriving_later_is_picked_up(self) -> None:
        d = doc("late", body="Angela Merkel said hello.")
        docs = [d]
        assert keys("actor:merkel", docs) == []
        d.actors = (("Angela Merkel", "Merkel"),)
        assert keys("actor:merkel", docs) == ["late"]
        d.actors = (("Someone Else",),)
        assert keys("actor:merkel", docs) == []
        d.body = "Now about Zürich"
        assert keys("zurich", docs) == ["late"]

    def test_accent_and_case_folding_in_the_filter(self) -> None:
        assert keys("erdogan") == ["accents"]
        assert keys("actor:erdogan") == ["accents"]
        assert keys("strasse") == ["accents"]
        assert keys("ZÜRICH") == ["accents"]
        assert keys("cafe") == ["accents"]
        assert fold("Straße ÉCOLE ﬁne") == "strasse ecole fine"

    def test_unknown_field_is_searched_as_text(self) -> None:
        docs = [doc("u", body="see http://example.org now"), doc("v", body="example")]
        assert keys("http://example", docs) == ["u"]

    def test_analysis_fields_helper(self) -> None:
        from newsreader.analysis.model import Actor, Analysis, Quote

        analysis = Analysis(
            quotes=[Quote("we will grow", 10, 22, "Ken Hu")],
            actors=[Actor("Ken Hu", "person", aliases=["Hu"]), Actor("Huawei", "organisation")],
        )
        actors, quotes = analysis_fields(analysis)
        assert actors == (("Ken Hu", "Hu"), ("Huawei",))
        assert quotes == ("we will grow",)

    def test_prepare_docs_and_results_unchanged(self) -> None:
        docs = [doc(str(i), body=f"word{i} common") for i in range(5)]
        assert prepare_docs(docs)
        assert keys("common", docs) == ["0", "1", "2", "3", "4"]
        assert keys("word3", docs) == ["3"]
        assert not prepare_docs(docs, cancelled=lambda: True)


class TestCancellation:
    def test_returns_early_when_cancelled(self) -> None:
        docs = [doc(str(i), body="alpha beta") for i in range(2000)]
        calls = 0

        def cancelled() -> bool:
            nonlocal calls
            calls += 1
            return calls > 2  # cancel on the third poll

        out = filter_docs(docs, parse_filter("alpha"), cancelled)
        assert 0 < len(out) < len(docs)
        assert calls == 3
        assert out == list(range(len(out)))

    def test_polled_every_few_hundred_docs(self) -> None:
        docs = [doc(str(i), body="alpha") for i in range(1000)]
        calls = 0

        def never() -> bool:
            nonlocal calls
            calls += 1
            return False

        assert len(filter_docs(docs, parse_filter("alpha"), never)) == 1000
        assert 2 <= calls <= 10

    def test_cancelled_before_start(self) -> None:
        docs = [doc(str(i), body="alpha") for i in range(10)]
        assert filter_docs(docs, parse_filter("alpha"), lambda: True) == []


# ------------------------------------------------------------------------------------------ property

_QUERY_ALPHABET = st.sampled_from(list("aAbB.*+?()[]{}|^$\\-_ éÉß 0\n") + ["(?", "(?<", "\\b", "\\w", "{2,", "ss"])
queries = st.one_of(st.text(max_size=12), st.lists(_QUERY_ALPHABET, max_size=8).map("".join))
texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(list("aAbB é.-_\n") + ["ss", "ß"]), max_size=60).map("".join),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, query=queries, regex=st.booleans(), whole_word=st.booleans())
def test_find_never_raises_and_matches_are_well_formed(text: str, query: str, regex: bool, whole_word: bool) -> None:
    result = find_matches(text, query, regex=regex, whole_word=whole_word)
    assert isinstance(result, FindResult)
    if result.error is not None:
        assert regex and result.matches == [] and "\n" not in result.error
    previous_end = 0
    for start, end in result.matches:
        assert 0 <= start < end <= len(text)
        assert start >= previous_end  # sorted and non-overlapping
        previous_end = end


_NO_MARKS = st.characters(blacklist_categories=("Mn", "Mc", "Me", "Cs"))
_MARKS_RE = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\u3099\u309a\ufe20-\ufe2f]"
)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200), query=st.text(alphabet=_NO_MARKS, min_size=1, max_size=10))
def test_plain_find_agrees_with_a_reference(text: str, query: str) -> None:
    """Plain case-sensitive search finds exactly the literal, non-overlapping occurrences (str.find),
    minus those followed by a combining mark (accents are significant)."""
    query = query + "Q"  # an upper-case letter: case-sensitive
    expected, i = [], text.find(query)
    while i != -1:
        end = i + len(query)
        if not (end < len(text) and _MARKS_RE.match(text[end])):
            expected.append((i, end))
        i = text.find(query, end)
    assert find_matches(text, query).matches == expected


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_parse_filter_never_raises(query: str) -> None:
    q = parse_filter(query)
    assert isinstance(q, FilterQuery)
    assert all(t.field in ("text", "actor", "source", "quote") for t in q.terms)
    assert all(t.value.strip() for t in q.terms)
    filter_docs(DOCS, q)  # and filtering with it never raises either


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["alpha", "beta", '"', "-", "actor:", "quote:", "source:", " ", "x:"]), max_size=8))
def test_parse_filter_syntax_soup(parts: list[str]) -> None:
    q = parse_filter("".join(parts))
    assert isinstance(filter_docs(DOCS, q), list)
