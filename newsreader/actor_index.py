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
from typing import Any
from collections.abc import Callable, Iterable, Sequence

from newsreader.analysis.model import KINDS, Actor, Analysis, Quote
from newsreader.articles import Article

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


@dataclass(frozen=True, slots=True)
class _Seen:
    """One actor name as one article has it."""

    spellings: tuple[str, ...]  # the spellings listed (usually one)
    vote: str  # the kind this article gives it
    kind_mentions: tuple[tuple[str, int], ...]  # (kind, mentions) as listed
    mentions: int
    aliases: tuple[str, ...]
    quotations: int


def _summarise(analysis: Analysis) -> dict[str, _Seen]:
    """Per folded canonical name: what this article contributes to the folder index. The same name may
    be listed twice (two kinds): the article counts once and votes for the kind with more mentions."""
    quotes_by_speaker = Counter(q.speaker.casefold() for q in analysis.quotes if q.speaker)
    grouped: dict[str, list[Actor]] = {}
    for actor in analysis.actors:
        name = " ".join(actor.name.split())
        if name:
            grouped.setdefault(name.casefold(), []).append(actor)
    out: dict[str, _Seen] = {}
    for folded, actors in grouped.items():
        votes: Counter[str] = Counter()
        for a in actors:
            votes[a.kind] += len(a.mentions) + 1
        out[folded] = _Seen(
            spellings=tuple(" ".join(a.name.split()) for a in actors),
            vote=max(votes, key=lambda k: (votes[k], -_kind_rank(k))),
            kind_mentions=tuple((a.kind, len(a.mentions)) for a in actors),
            mentions=sum(len(a.mentions) for a in actors),
            aliases=tuple(" ".join(x.split()) for a in actors for x in a.aliases if x.strip()),
            quotations=quotes_by_speaker.get(folded, 0),
        )
    return out


class ActorIndex:
    """The folder's actors, built incrementally: `add(article_key, analysis)` as analyses arrive (e.g.
    from the app's background analysis), `actors()` for the merged, sorted list (cached until the next
    change). Adding a key again replaces that article's contribution; `discard` removes it.

    Actors are merged by canonical name, case-insensitive; the displayed name is the most frequent
    spelling (ties: the more capitalised, then the first added); the kind is the one most articles give
    (ties: more mentions, then person < organisation < place). Not thread-safe: feed it from one thread.
    """

    def __init__(self) -> None:
        self._articles: dict[str, dict[str, _Seen]] = {}
        self._actors: list[FolderActor] | None = None

    def add(self, key: str, analysis: Analysis) -> None:
        """Count (or recount) the article `key` with its analysis."""
        self._articles.pop(key, None)  # re-added: moves to the end, like a fresh add
        self._articles[key] = _summarise(analysis)
        self._actors = None

    def discard(self, key: str) -> None:
        """Forget the article `key` (removed from the folder, or changed and not re-analysed yet)."""
        if self._articles.pop(key, None) is not None:
            self._actors = None

    def __contains__(self, key: object) -> bool:
        return key in self._articles

    def __len__(self) -> int:
        """Number of articles counted."""
        return len(self._articles)

    def actors(self) -> list[FolderActor]:
        """Every actor, sorted by number of articles (desc), then name. Do not mutate the result."""
        if self._actors is None:
            self._actors = self._merge()
        return self._actors

    def _merge(self) -> list[FolderActor]:
        spellings: dict[str, Counter[str]] = {}
        votes: dict[str, Counter[str]] = {}
        kind_mentions: dict[str, Counter[str]] = {}
        aliases: dict[str, set[str]] = {}
        keys: dict[str, list[str]] = {}
        totals: dict[str, list[int]] = {}  # folded -> [quotations, mentions]
        for key, seen_by_name in self._articles.items():
            for folded, seen in seen_by_name.items():
                if folded not in keys:
                    spellings[folded], votes[folded], kind_mentions[folded] = Counter(), Counter(), Counter()
                    aliases[folded], keys[folded], totals[folded] = set(), [], [0, 0]
                spellings[folded].update(seen.spellings)
                votes[folded][seen.vote] += 1
                for kind, n in seen.kind_mentions:
                    kind_mentions[folded][kind] += n
                aliases[folded].update(seen.aliases)
                keys[folded].append(key)
                totals[folded][0] += seen.quotations
                totals[folded][1] += seen.mentions
        out: list[FolderActor] = []
        for folded, names in spellings.items():
            name = max(names, key=lambda s: (names[s], sum(c.isupper() for c in s)))
            kv, km = votes[folded], kind_mentions[folded]
            kind = max(kv, key=lambda k: (kv[k], km[k], -_kind_rank(k)))
            others = sorted({a for a in aliases[folded] | set(names) if a != name}, key=str.casefold)
            quotations, mentions = totals[folded]
            out.append(FolderActor(name, kind, len(keys[folded]), quotations, mentions, others, keys[folded]))
        out.sort(key=lambda a: (-a.articles, a.name.casefold(), a.name))
        return out


def build_actor_index(
    articles: Iterable[Article],
    analyse: Callable[[Article], Analysis | None],
) -> list[FolderActor]:
    """Every actor of the folder (see `ActorIndex`), sorted by the number of articles it appears in
    (desc), then by name.

    `analyse(article)` gives the article's analysis (e.g. the cached engine with the folder's hints);
    articles that could not be read, analyses that are None and analysers that raise are skipped.
    """
    index = ActorIndex()
    for article in articles:
        if article.error:
            continue
        try:
            analysis = analyse(article)
        except Exception:  # noqa: BLE001 - one bad article must not stop the index
            continue
        if analysis is not None:
            index.add(article.key, analysis)
    return index.actors()


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


def only_actor(analysis: Analysis, actor: Actor) -> Analysis:
    """The analysis narrowed to one actor, for the reader while that actor is chosen in the panel: its
    mentions (aliases included) and the quotations attributed to it (with their speaker words); every
    other actor and quotation is dropped. Pass it to `render.build_document` in place of the full one."""
    return Analysis(
        quotes=[q for q in analysis.quotes if q.speaker == actor.name],
        actors=[a for a in analysis.actors if a is actor or a.name == actor.name],
    )
