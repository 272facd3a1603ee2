"""The analysis engine: quotations, speakers and named actors, by rules (no model, no network).

`analyze(text, hints)` never raises: any internal failure yields an empty `Analysis` for that body, so
a strange article can never take the reader down. Textual and Rich are never imported here.
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import KINDS, Actor, ActorHint, Analysis, Mention, Quote

__all__ = ["KINDS", "Actor", "ActorHint", "Analysis", "Mention", "Quote", "analyze", "analyze_cached", "MAX_CHARS"]

# Work is bounded: only the first MAX_CHARS characters are analysed (offsets stay valid for the full body).
MAX_CHARS = 2_000_000


def analyze(text: str, hints: Sequence[ActorHint] = ()) -> Analysis:
    """Quotations (with speakers) and actors of one article body; offsets index into `text`."""
    try:
        return _analyze(text, hints)
    except Exception:  # noqa: BLE001 - the contract is "never raises"; an empty result is the safe answer
        return Analysis()


def _analyze(text: str, hints: Sequence[ActorHint]) -> Analysis:
    from .actors import find_actors
    from .quotes import find_quotes
    from .text import tokenize

    if not isinstance(text, str) or not text:
        return Analysis()
    body = text[:MAX_CHARS]
    doc = tokenize(body)
    index = find_actors(doc, tuple(hints or ()))
    quotes = find_quotes(doc, index)
    return Analysis(quotes=quotes, actors=index.actors)


def analyze_cached(text: str, hints: Sequence[ActorHint] = ()) -> Analysis:
    """`analyze` behind a per-process LRU keyed by a hash of the body and the hints."""
    from .cache import analyze_cached as _cached

    return _cached(text, hints)
