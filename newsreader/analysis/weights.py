"""A small learned model: logistic regression over named features, weights in `data/weights.json`.

Where a decision weighs several signals (is this entity an actor at all?) the pipeline asks this model
instead of a hand-set rule. Plain Python, deterministic, no dependency: a dot product and a sigmoid. The
weights are fitted by `scripts/train_weights.py` on the dev gold; that script also prints the
leave-one-set-out figures (trained without a set, scored on it).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

WEIGHTS_PATH = Path(__file__).parent / "data" / "weights.json"
Features = dict[str, float]


@dataclass(slots=True)
class Model:
    """One binary decision: P(yes | features) = sigmoid(sum of weight * value); yes when >= threshold."""

    weights: dict[str, float] = field(default_factory=dict)
    threshold: float = 0.5

    def probability(self, features: Features, extra: str | None = None) -> float:
        """`extra` names one more feature of value 1, weighed last, as if it ended `features` (without a copy
        of the dict). (Most features are 0: a comprehension that skips them beats a product for each.)"""
        get = self.weights.get
        terms = [get(name, 0.0) * value for name, value in features.items() if value]
        if extra is not None:
            terms.append(get(extra, 0.0))
        return _sigmoid(sum(terms))

    def decide(self, features: Features) -> bool:
        return self.probability(features) >= self.threshold


def load(path: Path = WEIGHTS_PATH) -> dict[str, Model]:
    """Every model in a weights file, by decision name."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {name: Model({k: float(v) for k, v in m["weights"].items()}, float(m.get("threshold", 0.5)))
            for name, m in data.items()}


_active: dict[str, Model] = {}


def model(name: str) -> Model:
    """The model for one decision: the shipped weights, loaded once per process, unless `use` chose others."""
    if not _active:
        _active.update(load())
    return _active[name]


def use(models: dict[str, Model]) -> None:
    """Decide with other weights from now on (the trainer scores held-out sets with weights fitted
    without them)."""
    _active.clear()
    _active.update(models)


def fit(rows: list[tuple[Features, bool]], iterations: int = 12, l2: float = 1.0) -> Model:
    """L2-regularised logistic regression by Newton's method from zero weights: the same rows give the
    same weights on every machine. The threshold is the one that maximises F1 on `rows`."""
    names = sorted({k for f, _ in rows for k in f})
    index = {k: i for i, k in enumerate(names)}
    xs = [[(index[k], v) for k, v in sorted(f.items()) if v] for f, _ in rows]
    ys = [1.0 if y else 0.0 for _, y in rows]
    d = len(names)
    w = [0.0] * d
    for _ in range(iterations):
        grad = [l2 * wi for wi in w]
        hess = [[l2 if i == j else 0.0 for j in range(d)] for i in range(d)]
        for x, y in zip(xs, ys, strict=False):
            p = _sigmoid(sum(w[i] * v for i, v in x))
            s = p * (1.0 - p)
            for i, v in x:
                grad[i] += (p - y) * v
                row = hess[i]
                for j, u in x:
                    row[j] += s * v * u
        step = _solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step, strict=False)]
    m = Model({k: round(w[i], 4) for k, i in index.items()})
    m.threshold = _best_threshold(m, rows)
    return m


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """x with a·x = b, by Gaussian elimination with partial pivoting (a is small and positive definite)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        piv = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[piv] = m[piv], m[c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            if f:
                m[r] = [x - f * y for x, y in zip(m[r], m[c], strict=False)]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][k] * x[k] for k in range(r + 1, n))) / m[r][r]
    return x


def _best_threshold(m: Model, rows: list[tuple[Features, bool]]) -> float:
    """The decision threshold with the best F1 on the training rows, midway between two distinct scores.
    Rows with the same features score the same, so a tied group is kept or dropped whole: a cut inside
    it would rest on the order of the rows, and rounding the threshold could move it past the group."""
    scored = sorted(((m.probability(f), y) for f, y in rows), reverse=True)
    positives = sum(1 for _, y in scored if y)
    best, best_f1, tp = 0.5, -1.0, 0
    for k, (p, y) in enumerate(scored, 1):
        tp += y
        nxt = scored[k][0] if k < len(scored) else 0.0
        if nxt == p:
            continue  # (the rest of a tied group comes first)
        f1 = 2 * tp / (k + positives) if positives else 0.0
        if f1 > best_f1:
            best, best_f1 = (p + nxt) / 2, f1
    return round(best, 6)
