"""Actors across a folder, and per-article navigation helpers (quotations, mentions, who said what).

Pure: no Textual, no Rich. The folder index merges actors by canonical name (case-insensitive); the
`actor:"NAME"` filter of an entry finds every article counted for it (and possibly a few more, where the
name is only an alias or part of a longer name: `actor:"US"` also finds articles about "United States"
that say "US").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

from newsreader.analysis.model import KINDS, Actor, Analysis, Quote
from newsreader.articles import Article
from newsreader.library import Library

# ------------------------------------------------------------------------------------ folder index


@dataclass(slots=True)
class FolderActor:
    """One actor across a folder: in how many articles it appears and how many quotations it has."""

    name: str  # the most frequent spelling of the canonical name
    kind: str  # the kind most articles gave it
    articles: int = 0  # articles in which it appears
    quotations: int = 0  # quotations attributed to it, all articles together
    mentions: int = 0  # mentions, all articles together
    aliases: list[str] = field(default_factory=list)  # other surface forms seen, sorted
    keys: list[str] = field(default_factory=list)  # `Article.key` of every article it appears in

    def to_json(self) -> dict[str, Any]:
        """`{"name", "kind", "articles", "quotations", "aliases"}` (the `actors --json` record)."""
        return {
            "name": self.name,
            "kind": self.kind,
            "articles": self.articles,
            "quotations": self.quotations,
            "aliases": list(self.aliases),
        }

    @property
    def filter_query(self) -> str:
        """The folder-filter query that lists this actor's articles: `actor:"Ken Hu"`."""
        return actor_filter(self.name)


def actor_filter(name: str) -> str:
    """`actor:"NAME"` for the filter language (quote marks inside the name are dropped)."""
    clean = "".join(c for c in name if c not in "\"“”„«»").strip()
    return f'actor:"{clean}"'


@dataclass(slots=True)
class _Acc:
    spellings: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    kind_mentions: Counter[str] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    keys: list[str] = field(default_factory=list)
    quotations: int = 0
    mentions: int = 0


def build_actor_index(
    library: Library | Iterable[Article],
    analyse: Callable[[Article], Analysis | None],
) -> list[FolderActor]:
    """Every actor of the folder, merged by canonical name (case-insensitive), sorted by the number of
    articles it appears in (desc), then by name.

    `analyse(article)` gives the article's analysis (e.g. the cached engine with the folder's hints); articles
    that could not be read, analyses that are None and analysers that raise are skipped. The kind is the
    one most articles agree on (ties: more mentions, then person < organisation < place).
    """
    articles = library.articles if isinstance(library, Library) else library
    accs: dict[str, _Acc] = {}
    for article in articles:
        if article.error:
            continue
        try:
            analysis = analyse(article)
        except Exception:  # noqa: BLE001 - one bad article must not stop the index
            continue
        if analysis is None:
            continue
        quotes_by_speaker = Counter(q.speaker.casefold() for q in analysis.quotes if q.speaker)
        # the same name may be listed twice in one article (two kinds): the article counts once and votes
        # for the kind with more mentions there
        votes: dict[str, Counter[str]] = {}
        for actor in analysis.actors:
            name = " ".join(actor.name.split())
            if not name:
                continue
            folded = name.casefold()
            acc = accs.setdefault(folded, _Acc())
            acc.spellings[name] += 1
            acc.mentions += len(actor.mentions)
            acc.kind_mentions[actor.kind] += len(actor.mentions)
            acc.aliases.update(" ".join(a.split()) for a in actor.aliases if a.strip())
            votes.setdefault(folded, Counter())[actor.kind] += len(actor.mentions) + 1
        for folded, kinds in votes.items():
            acc = accs[folded]
            acc.kinds[max(kinds, key=lambda k: (kinds[k], -_kind_rank(k)))] += 1
            acc.keys.append(article.key)
            acc.quotations += quotes_by_speaker.get(folded, 0)
    out: list[FolderActor] = []
    for acc in accs.values():
        # the most frequent spelling; ties: the more capitalised ("Ken Hu" over "ken hu"), then first seen
        name = max(acc.spellings, key=lambda s: (acc.spellings[s], sum(c.isupper() for c in s)))
        kind = max(acc.kinds, key=lambda k: (acc.kinds[k], acc.kind_mentions[k], -_kind_rank(k)))
        aliases = sorted({a for a in acc.aliases | set(acc.spellings) if a != name}, key=str.casefold)
        out.append(FolderActor(name, kind, len(acc.keys), acc.quotations, acc.mentions, aliases, acc.keys))
    out.sort(key=lambda a: (-a.articles, a.name.casefold(), a.name))
    return out


def _kind_rank(kind: str) -> int:
    return KINDS.index(kind) if kind in KINDS else len(KINDS)


# ------------------------------------------------------------------------------- article navigation


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
