"""The analysis engine: quotations, speakers and named actors, by rules and small learned weights.

`analyse_article(body, hints, title)` is the one entry point for the CLI, the reader and the index: it
owns the size bound (`MAX_CHARS`) and the per-process cache. `analyse` is the same work uncached (for
tests and benchmarks). Neither ever raises: any internal failure yields an empty `Analysis`, so a strange
article can never take the reader down. Textual and Rich are never imported here.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import cache, collector
from .model import KINDS, Actor, ActorHint, Analysis, Mention, Quote

__all__ = ["KINDS", "MAX_CHARS", "Actor", "ActorHint", "Analysis", "Mention", "Quote", "analyse",
           "analyse_article", "analysis_notice"]

# Work is bounded: only the first MAX_CHARS characters of a body are analysed (its cost grows faster than
# the text); offsets stay valid for the full body, and `analysis_notice` tells the reader.
MAX_CHARS = 100_000


def analyse_article(body: str, hints: Sequence[ActorHint] = (), title: str = "") -> Analysis:
    """The analysis of one article body, from the cache when the same body, hints and title were seen.

    Safe to call from worker threads; callers must not mutate the result (it is shared)."""
    hints = tuple(hints or ())
    title = title if isinstance(title, str) else ""
    key = cache.cache_key(body[:MAX_CHARS] if isinstance(body, str) else "", hints, title)
    hit = cache.get(key)
    if hit is None:
        hit = analyse(body, hints, title)
        cache.put(key, hit)
    return hit


def analysis_notice(body: str) -> str | None:
    """What the reader says when only part of `body` is analysed (None when all of it is)."""
    if len(body) <= MAX_CHARS:
        return None
    return f"Quotations and actors are marked in the first {MAX_CHARS:,} characters only."


def analyse(text: str, hints: Sequence[ActorHint] = (), title: str = "") -> Analysis:
    """Quotations (with speakers) and actors of one article body; offsets index into `text`.

    `title` is optional context: actors named only in the headline are listed too (with no mentions,
    since the headline is not part of the body that offsets index into).
    """
    try:
        return _analyse(text, hints, title if isinstance(title, str) else "")
    except Exception:  # noqa: BLE001 - the contract is "never raises"; an empty result is the safe answer
        return Analysis()


def _analyse(text: str, hints: Sequence[ActorHint], title: str) -> Analysis:
    if not isinstance(text, str):
        return Analysis()
    title = " ".join(title.split())[:500]
    if not text.strip() and not title:
        return Analysis()
    # The headline is analysed as a first paragraph so its actors count; offsets are shifted back after.
    prefix = title + "\n\n" if title else ""
    with collector.paused():  # (`_run` has returned, and its document state is freed, before it resumes)
        return _run(prefix + text[:MAX_CHARS], tuple(hints or ()), len(prefix))


def _run(text: str, hints: tuple[ActorHint, ...], prefix_len: int) -> Analysis:
    from .pipeline import run

    state = run(text, hints, prefix_len)  # (the actors' mentions come in body offsets)
    assert state.cast is not None
    return _shifted(Analysis(quotes=state.quotes, actors=state.cast.actors), prefix_len)


def _shifted(analysis: Analysis, off: int) -> Analysis:
    """Quotation offsets back into the body: those inside the headline prefix are dropped."""
    if not off:
        return analysis
    quotes = []
    for q in analysis.quotes:
        if q.start < off:
            continue
        q.start -= off
        q.end -= off
        if q.speaker_mention is not None:
            m = q.speaker_mention
            q.speaker_mention = Mention(m.start - off, m.end - off, m.text) if m.start >= off else None
        quotes.append(q)
    analysis.quotes = quotes
    return analysis
