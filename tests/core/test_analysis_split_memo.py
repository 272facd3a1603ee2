"""`boundaries._split_run` memoises a run's split per document: on generated text (names that recur, titles,
time words, a leading "The", sentence starts, joiners and possessives before a run) the candidates made
with the memo are those made by splitting every run afresh; and each field of the memo's key matters (two
runs alike in all but that field split apart, and each is split as afresh)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.analysis import pipeline
from newsreader.analysis.passes import boundaries
from newsreader.analysis.state import Cand, DocState
from newsreader.analysis.text import tokenize

WORDS = ["The", "Times", "Guardian", "said", "President", "Joe", "Biden", "Minister", "of", "Education", "Anna",
         "Smith", "Friday", "On", "House", "Commons", "Speaker", "John", "Bercow", "Jr.", "QC", "I", "Dr.", "Mary",
         "Labour", "MP", "Queen", "Elizabeth", "II", "Bill", "and", "Melinda", "Gates", "Foundation", "Broadcaster",
         "Piers", "Morgan", "Amnesty", "International", "Volvo", "XC90", "Secretary", "State", "for", "Chief",
         "Operating", "Officer", "Historian", "Beard", "Reuters", "cited", "World", "War", "Luxembourg-based"]
GAPS = [" ", " ", " ", " ", ". ", ", ", "\n\n", " of ", "'s "]
texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(GAPS)), min_size=1, max_size=60) \
    .map(lambda parts: "".join(a + b for a, b in parts))


def _split(text: str, memo: bool, monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, ...]]:
    """Each candidate split_runs makes of `text`: its token offsets and its other fields."""
    state = DocState(tokenize(text))
    for step in pipeline.PASSES:
        if step.__name__ == "split_runs":
            break
        step(state)
    with monkeypatch.context() as m:
        if not memo:
            fresh = itertools.count()
            m.setattr(boundaries, "_split_key", lambda *args: (next(fresh),))  # a key that never recurs
        boundaries.split_runs(state)
    return [_fields(c) for c in state.cands]


def _fields(c: Cand) -> tuple[object, ...]:
    return (tuple((t.start, t.end, t.text) for t in c.toks), c.kind, c.person_evidence, c.gender, c.initial,
            c.weak, c.the_name, c.thing)


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, min_size=1, max_size=3))
def test_a_memoised_split_is_a_split_made_afresh(parts: list[str]) -> None:
    text = " ".join(parts * 2)  # each part twice: its runs recur
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert _split(text, True, monkeypatch) == _split(text, False, monkeypatch)


@pytest.mark.parametrize("text", [
    # each pair: the same words, the same key but for one field, split apart
    "Lee said. Broadcaster Piers Morgan left. Lee said Broadcaster Piers Morgan left.",  # a sentence start
    "the Minister of Education Anna Smith left. the Minister to Education Anna Smith left.",  # the word before
    "the Minister of Education Anna Smith left. the Kitten of Education Anna Smith left.",  # the one before it
    "Lee saw the House of Commons Speaker John Bercow. Lee saw the Mouse of Commons Speaker John Bercow.",  # a head
    "Lee joined the Orchestra and Friday Foundation. Lee joined the Orchestra to Friday Foundation.",  # a joiner
    "Lee said. The Guardian left. Lee said The Guardian left.",  # "The" at a sentence start
    "Lee said. The Guardian cited it. Lee said. The Guardian was late.",  # a verb of saying after "The …"
    "Lee said Martin Luther King Jr. left. Lee said Martin Luther King left.",  # a suffix after the run
])
def test_runs_alike_but_for_one_key_field_split_as_afresh(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _split(text, True, monkeypatch) == _split(text, False, monkeypatch)


def test_the_key_tells_apart_runs_that_differ_in_one_field() -> None:
    """Two runs with the same words but another word before them, or another sentence-start flag, have two
    keys (so neither takes the other's split)."""
    state = DocState(tokenize("Minister of Education Anna Smith spoke. Then, Education Anna Smith spoke. "
                              "Education Anna Smith came."))
    for step in pipeline.PASSES:
        if step.__name__ == "split_runs":
            break
        step(state)
    keys = []
    for run in state.runs:
        rtoks = [state.doc.tokens[i] for i in run]
        if [t.text for t in rtoks] == ["Education", "Anna", "Smith"]:
            keys.append(boundaries._split_key(run, rtoks, [t.text for t in rtoks], state, False))
    assert len(keys) == 3 and len(set(keys)) == 3
