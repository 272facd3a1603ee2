"""The learned model's probability is the plain weighted sum, to the last bit.

`Model.probability` takes one extra feature of value 1 without a copy of the dict; the property test
holds it to the plain formulation (products of the non-zero features, in order, the extra one last),
over open-ended weights and values.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.analysis.weights import Model, _sigmoid

NAMES = ["bias", "a", "b", "c", "end=ia", "end=ov", "ctx_x"]
finite = st.floats(min_value=-50.0, max_value=50.0, allow_nan=False)
values = st.one_of(st.just(0.0), st.just(-0.0), st.just(0), st.just(1.0), finite,
                   st.integers(0, 20), st.booleans())


def plain_probability(weights: dict[str, float], features: dict[str, float], extra: str | None) -> float:
    if extra is not None:
        features = {**features, extra: 1.0}
    return _sigmoid(sum([weights.get(name, 0.0) * value for name, value in features.items() if value]))


@settings(max_examples=500, deadline=None)
@given(st.dictionaries(st.sampled_from(NAMES), finite), st.dictionaries(st.sampled_from(NAMES[:-3]), values),
       st.one_of(st.none(), st.sampled_from(NAMES[-3:])))
def test_probability_is_the_plain_weighted_sum(weights: dict[str, float], features: dict[str, float],
                                               extra: str | None) -> None:
    m = Model(weights)
    assert m.probability(features, extra) == plain_probability(weights, features, extra)
    assert m.probability(features) == plain_probability(weights, features, None)


def test_an_unweighed_feature_adds_nothing() -> None:
    m = Model({"bias": -1.0, "good": 3.0})
    assert m.probability({"bias": 1.0, "unknown": 5.0}) == _sigmoid(-1.0)
    assert m.probability({"bias": 1.0}, "good") == _sigmoid(2.0)
