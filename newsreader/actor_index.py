"""Per-article navigation by actor: quotations, mentions, who said what; and the `actor:` filter text.

Pure: no Textual, no Rich. The folder-wide actor table is `newsreader.folder_actors`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence

from newsreader.analysis.model import Actor, Analysis, Quote


def actor_filter(name: str) -> str:
    """`actor:"NAME"` for the filter language (quote marks inside the name are dropped)."""
    clean = "".join(c for c in name if c not in "\"“”„«»").strip()
    return f'actor:"{clean}"'


def group_quotes_by_speaker(analysis: Analysis) -> list[tuple[str | None, list[int]]]:
    """Who said what: `(speaker, indices into analysis.quotes)` per speaker.

    Speakers are ordered by number of quotations (desc), then by where they first speak; the quotations of
    each speaker are in reading order; unattributed quotations (speaker None) come last.
    """
    order = sorted(range(len(analysis.quotes)), key=lambda i: (analysis.quotes[i].start, i))
    groups: dict[str | None, list[int]] = {}
    for i in order:
        groups.setdefault(analysis.quotes[i].speaker, []).append(i)
    first = {speaker: n for n, speaker in enumerate(groups)}
    named = sorted((s for s in groups if s is not None), key=lambda s: (-len(groups[s]), first[s]))
    result: list[tuple[str | None, list[int]]] = [(s, groups[s]) for s in named]
    if None in groups:
        result.append((None, groups[None]))
    return result


def next_span(spans: Sequence[tuple[int, int]], offset: int, direction: int) -> int | None:
    """Index (into `spans`, sorted by start) of the first span starting after `offset` (direction > 0) or
    the last span starting before it (direction < 0); None when there is none (no wrapping)."""
    starts = [s for s, _ in spans]
    if direction >= 0:
        i = bisect_right(starts, offset)
        return i if i < len(starts) else None
    i = bisect_left(starts, offset) - 1
    return i if i >= 0 else None


def next_quote(quotes: Sequence[Quote], offset: int, direction: int) -> int | None:
    """Index into `quotes` of the next quotation starting after body offset `offset` (direction 1) or the
    previous one starting before it (direction -1), for `}` / `{`; None at either end.

    Pass the start of the quotation you last jumped to (so repeated presses walk them all), or the body
    offset of the first visible line when no quotation is current. `quotes` need not be sorted.
    """
    order = sorted(range(len(quotes)), key=lambda i: (quotes[i].start, i))
    found = next_span([(quotes[i].start, quotes[i].end) for i in order], offset, direction)
    return None if found is None else order[found]


def actor_mentions(actor: Actor, analysis: Analysis | None = None) -> list[tuple[int, int]]:
    """Body spans `(start, end)` of every mention of `actor` (aliases included), sorted, without duplicates.

    With `analysis`, the words that point at the actor as a speaker ("he said", "the minister") are
    included too, so `]`/`[` also stop where the actor speaks under a pronoun.
    """
    spans = {(m.start, m.end) for m in actor.mentions if m.start < m.end}
    if analysis is not None:
        for q in analysis.quotes:
            sm = q.speaker_mention
            if sm is not None and q.speaker == actor.name and sm.start < sm.end:
                spans.add((sm.start, sm.end))
    return sorted(spans)


def quote_counts(analysis: Analysis) -> Counter[str]:
    """Number of quotations attributed to each canonical speaker name."""
    return Counter(q.speaker for q in analysis.quotes if q.speaker)


def only_actor(analysis: Analysis, actor: Actor) -> Analysis:
    """The analysis narrowed to one actor, for the reader while that actor is chosen in the panel: its
    mentions (aliases included) and the quotations attributed to it (with their speaker words); every
    other actor and quotation is dropped. Pass it to `render.build_document` in place of the full one."""
    return Analysis(
        quotes=[q for q in analysis.quotes if q.speaker == actor.name],
        actors=[a for a in analysis.actors if a is actor or a.name == actor.name],
    )
