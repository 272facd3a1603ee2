"""`_likelier_kind` (the kind models' choice, written as a loop) picks what the plain `max` over the kinds
picks: the likelier kind, a tie going to the kind the rules gave, else to the first kind."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.analysis.passes.weighing import ACTOR_KINDS, _ending, _likelier_kind
from newsreader.analysis.state import Entity
from newsreader.analysis.weights import Model

NAMES = ["bias", "a", "b", "end=al", "end=es"]
weights = st.dictionaries(st.sampled_from(NAMES), st.floats(-5.0, 5.0, allow_nan=False))


def plain_kind(e: Entity, models: dict[str, Model]) -> str:
    probs = {k: m.probability(e.features, _ending(e)) for k, m in models.items()}
    return max(ACTOR_KINDS, key=lambda k: (probs[k], k == e.kind))


@settings(max_examples=300, deadline=None)
@given(weights, weights, st.dictionaries(st.sampled_from(NAMES[:3]), st.sampled_from([0.0, 0.5, 1.0, 2.0])),
       st.sampled_from(["Acme Al", "Jones", "Ann Lee"]), st.sampled_from([None, *ACTOR_KINDS]))
def test_the_likelier_kind_is_the_plain_max(person: dict[str, float], org: dict[str, float],
                                            features: dict[str, float], name: str, kind: str | None) -> None:
    models = {"person": Model(person), "organisation": Model(org)}
    e = Entity(name, kind, features={"bias": 1.0, **features})
    assert _likelier_kind(e, models) == plain_kind(e, models)


def test_a_tie_goes_to_the_kind_the_rules_gave() -> None:
    models = {"person": Model({}), "organisation": Model({})}  # both 0.5
    assert _likelier_kind(Entity("X", "organisation", features={"bias": 1.0}), models) == "organisation"
    assert _likelier_kind(Entity("X", None, features={"bias": 1.0}), models) == "person"
