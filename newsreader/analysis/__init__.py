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


def analyze(text: str, hints: Sequence[ActorHint] = (), title: str = "") -> Analysis:
    """Quotations (with speakers) and actors of one article body; offsets index into `text`.

    `title` is optional context: actors named only in the headline are listed too (with no mentions,
    since the headline is not part of the body that offsets index into).
    """
    try:
        return _analyze(text, hints, title if isinstance(title, str) else "")
    except Exception:  # noqa: BLE001 - the contract is "never raises"; an empty result is the safe answer
        return Analysis()


def _analyze(text: str, hints: Sequence[ActorHint], title: str) -> Analysis:
    from .actors import find_actors
    from .quotes import find_quotes
    from .text import tokenize

    if not isinstance(text, str):
        return Analysis()
    title = " ".join(title.split())[:500]
    if not text.strip() and not title:
        return Analysis()
    # The headline is analysed as a first paragraph so its actors count; offsets are shifted back after.
    prefix = title + "\n\n" if title else ""
    off = len(prefix)
    doc = tokenize(prefix + text[:MAX_CHARS])
    index = find_actors(doc, tuple(hints or ()))
    quotes = find_quotes(doc, index)
    if not off:
        return Analysis(quotes=quotes, actors=index.actors)
    for a in index.actors:
        a.mentions = [Mention(m.start - off, m.end - off, m.text) for m in a.mentions if m.start >= off]
    out_quotes = []
    for q in quotes:
        if q.start < off:
            continue
        q.start -= off
        q.end -= off
        if q.speaker_mention is not None:
            m = q.speaker_mention
            q.speaker_mention = Mention(m.start - off, m.end - off, m.text) if m.start >= off else None
        out_quotes.append(q)
    return Analysis(quotes=out_quotes, actors=index.actors)


def analyze_cached(text: str, hints: Sequence[ActorHint] = (), title: str = "") -> Analysis:
    """`analyze` behind a per-process LRU keyed by a hash of the body, the hints and the title."""
    from .cache import analyze_cached as _cached

    return _cached(text, hints, title)
