"""Look-up sets the lexicon derives from its word lists so the passes can answer with one look-up."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.analysis import analyse
from newsreader.analysis.lexicon import lexicon
from newsreader.analysis.passes.boundaries import match_title


def test_is_forename_is_membership_in_any_of_the_three_forename_lists() -> None:
    lex = lexicon()
    samples = ["John", "Mary", "Alex", "Table", "Smith", "Hu"]
    samples += sorted(lex.male_names)[:50] + sorted(lex.female_names)[:50] + sorted(lex.unisex_names)[:50]
    for w in samples:
        assert lex.is_forename(w) == (w in lex.male_names or w in lex.female_names or w in lex.unisex_names)


def _longest_title(words: list[str], i: int) -> int:
    """The plain search: every length from the longest title down."""
    lex = lexicon()
    for size in range(min(lex.title_max_len, len(words) - i), 0, -1):
        if tuple(words[i:i + size]) in lex.titles:
            return size
    return 0


def test_match_title_finds_the_longest_title_at_a_word() -> None:
    words = ["Labour", "MP", "Luciana", "Berger", "met", "Prime", "Minister", "Boris", "Johnson"]
    assert [match_title(words, i, lexicon()) for i in range(len(words))] == \
        [_longest_title(words, i) for i in range(len(words))]
    assert match_title(words, 5, lexicon()) == 2  # "Prime Minister"
    assert match_title(words, 2, lexicon()) == 0
    assert match_title(words, len(words), lexicon()) == 0


TITLE_WORDS = sorted({w for t in lexicon().titles for w in t})[:200] + ["Smith", "of", "the", "Acme", "Paris"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TITLE_WORDS), min_size=1, max_size=8), st.data())
def test_match_title_agrees_with_the_plain_search(words: list[str], data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(words)))
    assert match_title(words, i, lexicon()) == _longest_title(words, i)


def test_every_name_in_the_organisation_aliases_is_a_known_organisation() -> None:
    lex = lexicon()
    assert set(lex.org_aliases) <= lex.known_orgs and set(lex.org_aliases.values()) <= lex.known_orgs


def test_a_known_name_from_the_aliases_keeps_its_adjective() -> None:
    # "Islamic" is a faith's adjective, stripped before most names; "Islamic State" is one known name
    found = {a.name for a in analyse("Fighters of the Islamic State shelled the town on Monday.").actors}
    assert "Islamic State" in found
