"""The run pass asks every lower-case word for an elided particle ("d'Ettorre") only when one search of
the body (`runs.ELIDED_RE`: the particle with no word character before it) finds one; the property test
holds the search to the words themselves: whenever a token opens with the particle, the search finds it.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.analysis.names import ELIDED_PARTICLES
from newsreader.analysis.passes.runs import ELIDED_RE
from newsreader.analysis.text import tokenize

PIECES = ["d'", "d\u2019", "D'", "Ford's", "d", "'", "\u2019", " ", "\n\n", "Ettorre", "x", "_", "1", "@", "#",
          "U.S.", ".", "-", "al-", "é", "said", "(", '"']
bodies = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(bodies)
def test_a_token_opening_with_an_elided_particle_is_found_by_the_search(text: str) -> None:
    if any(t.text.startswith(ELIDED_PARTICLES) for t in tokenize(text).tokens):
        assert ELIDED_RE.search(text)


def test_a_possessive_after_d_is_no_particle() -> None:
    assert ELIDED_RE.search("Ford's plant and David's car") is None
    assert ELIDED_RE.search("the work of d\u2019Alembert") is not None


def test_a_name_goes_on_past_an_elided_particle() -> None:
    from newsreader.analysis import analyse

    found = analyse("Yesterday the physicist Luca d'Ettorre said the result was wrong. Later d'Ettorre left.")
    assert [(a.name, a.kind) for a in found.actors] == [("Luca d'Ettorre", "person")]
    found = analyse("The mathematician Jean le Rond d\u2019Alembert wrote it.")
    assert [a.name for a in found.actors] == ["Jean le Rond d\u2019Alembert"]
