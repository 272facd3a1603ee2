"""Unit and property tests for newsreader.search (pure: no Textual)."""

from __future__ import annotations

import re
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsreader.search import (
    MAX_MATCHES,
    FindResult,
    did_wrap,
    find_matches,
    match_index_at_or_after,
    next_match,
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


def test_a_regex_with_a_nested_set_finds_and_warns_nothing() -> None:
    """re warns (FutureWarning) about "[[" as future syntax; the warning must not reach the terminal."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = find_matches("a [[b]] c", "[[b]", regex=True)
    assert result.error is None and result.matches == [(2, 3), (3, 4), (4, 5)]  # the set of "[" and "b"
