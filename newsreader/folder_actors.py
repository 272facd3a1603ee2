"""The folder's actors: one row per actor across every article, with its aliases, counts and articles.

Pure: no Textual, no Rich. Each article's analysis names its actors by the fullest form *that article*
uses, so one actor arrives under several names ("Donald Trump" in one article, only "President Trump"
→ "Trump" in another; "United States", "U.S." and "US"). The table merges them in two steps:

1. the same name (case-insensitive, dots and spacing ignored: "U.S." is "US") is one actor;
2. a name then joins the single same-kind actor that is the same in some article's eyes — one that lists
   it as an alias anywhere in the folder (or that it lists), whose surname it is ("Trump" → "Donald
   Trump"), or whose acronym it is ("EU" → "European Union"). With several such actors it cannot tell
   which, so it stays apart and says so (`FolderActor.ambiguous`).

`names_for(NAME)` gives every name of the actor NAME belongs to, and `merged_queries` turns a filter's
`actor:` terms into the merged actor's names, so `actor:"Donald Trump"` also finds the article that only
says "President Trump".
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsreader.actor_index import actor_filter
from newsreader.analysis.model import KINDS, Actor, Analysis
from newsreader.articles import Article
from newsreader.listing import PathMap
from newsreader.path_column import PathColumn
from newsreader.query import FilterQuery, Term

_WORD_SPLIT = re.compile(r"[\s\-–]+")
_MAX_COUNT = 2**31 - 1  # (a count in a record is 4 bytes)
ACRONYM_LETTERS = (2, 6)  # an acronym has this many letters, all capitals ("EU", "WHO", "UNESCO")


@dataclass(slots=True)
class FolderActor:
    """One actor across a folder: in how many articles it appears and how many quotations it has."""

    name: str  # the most frequent spelling of the fullest name
    kind: str  # the kind most articles gave it
    articles: int = 0  # articles in which it appears
    quotations: int = 0  # quotations attributed to it, all articles together
    mentions: int = 0  # mentions, all articles together
    aliases: list[str] = field(default_factory=list)  # every other name it goes by, sorted
    keys: list[str] = field(default_factory=list)  # `Article.key` of every article it appears in
    ambiguous: list[str] = field(default_factory=list)  # actors this name could also be (then kept apart)

    def to_json(self) -> dict[str, Any]:
        """`{"name", "kind", "articles", "quotations", "aliases", "ambiguous"}` (the `actors --json` record)."""
        return {
            "name": self.name,
            "kind": self.kind,
            "articles": self.articles,
            "quotations": self.quotations,
            "aliases": list(self.aliases),
            "ambiguous": list(self.ambiguous),
        }

    @property
    def names(self) -> tuple[str, ...]:
        """The name and every alias: what `actor:` should match for this actor."""
        return (self.name, *self.aliases)

    @property
    def filter_query(self) -> str:
        """The folder-filter query that lists this actor's articles: `actor:"Ken Hu"`."""
        return actor_filter(self.name)


def name_key(name: str) -> str:
    """What makes two names the same name: case and spacing ignored, and the dots of an acronym ("U.S."
    and "US" → "us")."""
    folded = " ".join(name.split()).casefold()
    letters = folded.replace(".", "").replace(" ", "")
    if "." in folded and all(len(part) == 1 for part in folded.replace(".", " ").split()):
        return letters
    return folded


def acronym_key(name: str) -> str | None:
    """The key of the acronym of a name of two or more capitalised words ("European Union" → "eu")."""
    initials = [w[0] for w in _WORD_SPLIT.split(name) if w and w[0].isupper()]
    return "".join(initials).casefold() if len(initials) >= 2 else None


def is_acronym(name: str) -> bool:
    """"EU", "U.S.", "WHO": a few capital letters (dots allowed)."""
    letters = name.replace(".", "").replace(" ", "")
    return ACRONYM_LETTERS[0] <= len(letters) <= ACRONYM_LETTERS[1] and letters.isalpha() and letters.isupper()


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
    """Per name key: what this article contributes to the folder table. The same name may be listed
    twice (two kinds): the article counts once and votes for the kind with more mentions."""
    quotes_by_speaker = Counter(name_key(q.speaker) for q in analysis.quotes if q.speaker)
    grouped: dict[str, list[Actor]] = {}
    for actor in analysis.actors:
        if actor.name.strip():
            grouped.setdefault(name_key(actor.name), []).append(actor)
    out: dict[str, _Seen] = {}
    for key, actors in grouped.items():
        kind_mentions = tuple((a.kind, len(a.mentions)) for a in actors)
        out[key] = _Seen(
            spellings=tuple(" ".join(a.name.split()) for a in actors),
            vote=_vote(kind_mentions),
            kind_mentions=kind_mentions,
            mentions=sum(len(a.mentions) for a in actors),
            aliases=tuple(" ".join(x.split()) for a in actors for x in a.aliases if x.strip()),
            quotations=quotes_by_speaker.get(key, 0),
        )
    return out


class _Strings:
    """Each article's `_Seen`s as one record of numbers, every string (spelling, kind, alias) a number in one
    table. Why: kept as objects, the cast of a 100,000-article folder would be several objects and fresh
    copies of the same strings per name per article (~30 MiB for 5,000 analyses); as numbers it is a few
    bytes per name. A record holds, per name: its quotations, then per actor listed under it (spelling,
    kind, mentions), then its aliases, each list preceded by its count. The name's key, its vote and its
    mentions are worked out again from those (`_vote`), not stored."""

    __slots__ = ("_ids", "_text", "_keys")

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self._text: list[str] = []
        self._keys: dict[int, str] = {}  # a spelling's number -> its name key (worked out once)

    def _id(self, text: str) -> int:
        found = self._ids.get(text)
        if found is None:
            found = self._ids[text] = len(self._text)
            self._text.append(text)
        return found

    def encode(self, seen_by_name: dict[str, _Seen]) -> bytes:
        """The record, packed (`_pack`: ~1.2 bytes a number)."""
        record: list[int] = []
        for seen in seen_by_name.values():
            record += (min(seen.quotations, _MAX_COUNT), len(seen.spellings))
            for spelling, (kind, mentions) in zip(seen.spellings, seen.kind_mentions, strict=True):
                record += (self._id(spelling), self._id(kind), min(mentions, _MAX_COUNT))
            record.append(len(seen.aliases))
            record += map(self._id, seen.aliases)
        return _pack(record)

    def decode(self, record: Sequence[int]) -> Iterator[tuple[str, _Seen]]:
        text, keys, at = self._text, self._keys, 0
        while at < len(record):
            quotations, count, first = record[at:at + 3]
            spellings: tuple[str, ...]
            kind_mentions: tuple[tuple[str, int], ...]
            if count == 1:  # (most names: one actor listed under them; no generator for it)
                kind, mentions = text[record[at + 3]], record[at + 4]
                spellings, kind_mentions, vote = (text[first],), ((kind, mentions),), kind
            else:
                triples = record[at + 2:at + 2 + 3 * count]
                spellings = tuple(text[i] for i in triples[0::3])
                kind_mentions = tuple(zip((text[i] for i in triples[1::3]), triples[2::3], strict=True))
                mentions, vote = sum(triples[2::3]), _vote(kind_mentions)
            at += 2 + 3 * count
            count = record[at]
            aliases = tuple(text[i] for i in record[at + 1:at + 1 + count]) if count else ()
            at += 1 + count
            key = keys.get(first)
            if key is None:
                key = keys[first] = name_key(spellings[0])  # (every spelling listed under a key has it)
            yield key, _Seen(spellings, vote, kind_mentions, mentions, aliases, quotations)


def _pack(numbers: Iterable[int]) -> bytes:
    """Numbers (>= 0) seven bits to a byte, the high bit saying "more follow" (LEB128): most of a record's
    numbers are below 128 (counts, kinds, the folder's first strings), so one byte each; the rest two."""
    out = bytearray()
    for n in numbers:
        while n >= 0x80:
            out.append(n & 0x7F | 0x80)
            n >>= 7
        out.append(n)
    return bytes(out)


def _unpack(packed: Iterable[int]) -> list[int]:
    """The numbers `_pack` packed."""
    numbers: list[int] = []
    value = shift = 0
    for byte in packed:
        if byte & 0x80:
            value |= (byte & 0x7F) << shift
            shift += 7
        else:
            numbers.append(value | byte << shift)
            value = shift = 0
    return numbers


def _vote(kind_mentions: Sequence[tuple[str, int]]) -> str:
    """The kind an article gives a name it lists (under one or more kinds): the one with more mentions
    (each listing counting one more); ties: person < organisation < place."""
    if len(kind_mentions) == 1:  # (most names: listed once)
        return kind_mentions[0][0]
    votes: Counter[str] = Counter()
    for kind, mentions in kind_mentions:
        votes[kind] += mentions + 1
    return max(votes, key=lambda k: (votes[k], -_kind_rank(k)))


class _Records:
    """Every article's record (`_Strings.encode`) in one buffer, found by the article's key, with no object
    per article: the keys' bytes are joined in one buffer too (a folder's articles share their folder, kept
    once) and looked up through a hash table of arrays (`listing.PathMap`, which reads a key back from its
    slot). Why: an array object and a key string per article (and a dict entry) were ~660 bytes a
    counted article, ~64 MiB once a 100,000-article folder is analysed; here it is a record's bytes (~130)
    and ~100 bytes for its key. A replaced or discarded record is left in place until the dead ones are
    as many bytes as the live ones; then the live ones are copied (`_compact`). Slots are in adding order
    (re-adding a key gives it a new slot at the end)."""

    __slots__ = ("_slots", "_data", "_starts", "_ends", "_live", "_keys", "_dead")

    def __init__(self) -> None:
        self._slots = PathMap(self.key)  # article key -> its slot
        self._data = bytearray()  # every record's numbers, one after another
        self._starts, self._ends = array("I"), array("I")  # a slot's record: _data[start:end]
        self._live = bytearray()  # 1 for a slot in use, 0 for a dead one
        self._keys = PathColumn("utf-8", "surrogatepass")  # every slot's key (lone surrogates kept)
        self._dead = 0  # bytes of dead records

    def __len__(self) -> int:
        return len(self._slots)

    def __contains__(self, key: object) -> bool:
        return key in self._slots

    def key(self, slot: int) -> str:
        return self._keys[slot]

    def put(self, key: str, record: bytes) -> None:
        """`key`'s record is now `record` (in a new slot at the end)."""
        self.discard(key)
        slot = len(self._starts)
        self._keys.append(key)
        self._starts.append(len(self._data))
        self._data += record
        self._ends.append(len(self._data))
        self._live.append(1)
        self._slots.add(key, slot)

    def discard(self, key: str) -> bool:
        """Forget `key`'s record; False if there was none."""
        slot = self._slots.pop(key)
        if slot is None:
            return False
        assert isinstance(slot, int)
        self._dead += self._ends[slot] - self._starts[slot]
        self._starts[slot] = self._ends[slot]
        self._live[slot] = 0
        if self._dead > max(len(self._data) - self._dead, 1 << 16):
            self._compact()
        return True

    def items(self) -> Iterator[tuple[str, bytes]]:
        """(key, record) of every live slot, in adding order."""
        data, starts, ends = self._data, self._starts, self._ends
        for slot, live in enumerate(self._live):
            if live:
                yield self.key(slot), bytes(data[starts[slot]:ends[slot]])

    def _compact(self) -> None:
        """The live records and keys copied into new buffers (the dead ones left behind)."""
        live = list(self.items())
        self.__init__()  # type: ignore[misc]  # (the same empty state as a new table's)
        for key, record in live:
            self.put(key, record)


@dataclass(slots=True)
class _Name:
    """Step 1: everything the folder says under one name key."""

    key: str
    name: str = ""  # set by `settle`
    kind: str = ""  # set by `settle`
    spellings: Counter[str] = field(default_factory=Counter)
    votes: Counter[str] = field(default_factory=Counter)
    kind_mentions: Counter[str] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    keys: list[str] = field(default_factory=list)
    quotations: int = 0
    mentions: int = 0

    def add(self, article_key: str, seen: _Seen) -> None:
        for spelling in seen.spellings:  # (a loop: Counter.update is slow on tiny tuples)
            self.spellings[spelling] += 1
        self.votes[seen.vote] += 1
        for kind, n in seen.kind_mentions:
            self.kind_mentions[kind] += n
        self.aliases.update(seen.aliases)
        self.keys.append(article_key)
        self.quotations += seen.quotations
        self.mentions += seen.mentions

    def settle(self) -> None:
        """Choose the name (the most frequent spelling; ties: the more capitalised, then the first seen)
        and the kind (the one most articles give; ties: more mentions, then person < organisation <
        place), once everything is added."""
        self.name = max(self.spellings, key=lambda s: (self.spellings[s], sum(c.isupper() for c in s)))
        kv, km = self.votes, self.kind_mentions
        self.kind = max(kv, key=lambda k: (kv[k], km[k], -_kind_rank(k)))

    def size(self) -> tuple[int, int, int]:
        """How full a name is: words, letters, then articles."""
        return (len(self.name.split()), len(self.name), len(self.keys))


class FolderActors:
    """The folder's actors, built incrementally: `add(article_key, analysis)` as analyses arrive (e.g.
    from the app's background analysis), `actors()` for the merged, sorted list (cached until the next
    change). Adding a key again replaces that article's contribution; `discard` removes it.
    Not thread-safe: feed it from one thread.
    """

    def __init__(self) -> None:
        # article key -> what it contributes, as numbers (`_Strings.encode`); every string once, in `_strings`
        self._articles = _Records()
        self._strings = _Strings()
        self._actors: list[FolderActor] | None = None
        self._by_key: dict[str, list[FolderActor]] = {}

    def add(self, key: str, analysis: Analysis) -> None:
        """Count (or recount) the article `key` with its analysis."""
        self._articles.put(key, self._strings.encode(_summarise(analysis)))  # (re-added: moves to the end)
        self._actors = None

    def discard(self, key: str) -> None:
        """Forget the article `key` (removed from the folder, or changed and not re-analysed yet)."""
        if self._articles.discard(key):
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
            self._by_key = {}
            for actor in self._actors:
                for n in actor.names:
                    self._by_key.setdefault(name_key(n), []).append(actor)
        return self._actors

    def actor_for(self, name: str) -> FolderActor | None:
        """The actor called `name`, or else the one actor that goes by it; None if none (or several)."""
        self.actors()
        found = self._by_key.get(name_key(name), [])
        exact = [a for a in found if name_key(a.name) == name_key(name)]
        if exact:
            return exact[0]
        return found[0] if len(found) == 1 else None

    def names_for(self, name: str) -> tuple[str, ...]:
        """Every name of the actor `name` belongs to ("Trump" → "Donald Trump", "Trump"), for `actor:`;
        just `(name,)` when the folder knows no such actor or cannot tell which one it is."""
        actor = self.actor_for(name)
        return actor.names if actor is not None else (name,)

    def _merge(self) -> list[FolderActor]:
        names: dict[str, _Name] = {}
        for article_key, record in self._articles.items():
            for key, seen in self._strings.decode(_unpack(record)):
                n = names.get(key)
                if n is None:
                    n = names[key] = _Name(key)
                n.add(article_key, seen)
        for n in names.values():
            n.settle()
        heads = _Heads(names)
        members: dict[str, list[_Name]] = {}
        ambiguous: dict[str, list[str]] = {}
        for key, n in names.items():
            found = heads.of(key)
            head = next(iter(found)) if len(found) == 1 else key
            members.setdefault(head, []).append(n)
            if len(found) > 1:
                ambiguous[key] = sorted((names[h].name for h in found), key=str.casefold)
        out = [_folder_actor(names[head], group, ambiguous.get(head, [])) for head, group in members.items()]
        out.sort(key=lambda a: (-a.articles, a.name.casefold(), a.name))
        return out


class _Heads:
    """Step 2. A name "could be" every same-kind name that claims it (as an alias, its surname or its
    acronym); following those links up ends at the heads, names nobody claims. A name with one head
    joins it; with several it stays apart (ambiguous). When two names claim each other, the fuller one
    is the head."""

    MAX_DEPTH = 32  # claim chains are a few links long; a longer one (a crafted folder) stops here

    def __init__(self, names: dict[str, _Name]) -> None:
        self.up: dict[str, set[str]] = {}  # name key -> keys of the same-kind names claiming it
        for n in names.values():
            for how, claimed in _claimed(n):
                other = names.get(claimed)
                if other is None or claimed == n.key or other.kind != n.kind or not _fits(how, other):
                    continue
                self.up.setdefault(claimed, set()).add(n.key)

        def fullness(key: str) -> tuple[tuple[int, int, int], str]:
            return names[key].size(), key

        for key, claimers in self.up.items():  # two names claiming each other: the fuller one is the head
            for c in [c for c in claimers if key in self.up.get(c, ()) and fullness(c) < fullness(key)]:
                claimers.discard(c)
        self._memo: dict[str, frozenset[str]] = {}

    def of(self, key: str, depth: int = 0) -> frozenset[str]:
        """The heads `key` leads to (just itself when nobody claims it)."""
        found = self._memo.get(key)
        if found is not None:
            return found
        claimers = self.up.get(key)
        if not claimers or depth >= self.MAX_DEPTH:
            found = frozenset((key,))
        else:
            self._memo[key] = frozenset((key,))  # a cycle leads back here: stop at this name
            found = frozenset().union(*(self.of(c, depth + 1) for c in claimers))
        self._memo[key] = found
        return found


def _fits(how: str, claimed: _Name) -> bool:
    """A surname claims only a one-word person name; an acronym only a name written as an acronym."""
    if how == "surname":
        return len(claimed.name.split()) == 1
    if how == "acronym":
        return is_acronym(claimed.name)
    return True


def _claimed(n: _Name) -> Iterable[tuple[str, str]]:
    """("alias" | "surname" | "acronym", name key) of every shorter name `n` says it also goes by."""
    for alias in n.aliases:
        yield "alias", name_key(alias)
    words = [w for w in n.name.split() if w]
    if n.kind == "person" and len(words) >= 2:
        yield "surname", name_key(words[-1])
    acronym = acronym_key(n.name) if n.kind != "person" else None
    if acronym:
        yield "acronym", acronym


def _folder_actor(head: _Name, group: list[_Name], ambiguous: list[str]) -> FolderActor:
    """One row: `head` and the names that joined it."""
    name = head.name
    keys = list(dict.fromkeys(k for n in group for k in n.keys))
    seen_names = {a for n in group for a in (*n.aliases, *n.spellings)}
    aliases = sorted({a for a in seen_names if a != name}, key=lambda a: (a.casefold(), a))
    return FolderActor(
        name, head.kind, len(keys), sum(n.quotations for n in group), sum(n.mentions for n in group),
        aliases, keys, ambiguous,
    )


def build_folder_actors(
    articles: Iterable[Article],
    analyse: Callable[[Article], Analysis | None],
) -> FolderActors:
    """The folder's actor table (see `FolderActors`), filled from every article.

    `analyse(article)` gives the article's analysis (e.g. the cached engine with the folder's hints);
    articles that could not be read, analyses that are None and analysers that raise are skipped.
    """
    table = FolderActors()
    for article in articles:
        if article.error:
            continue
        try:
            analysis = analyse(article)
        except Exception:  # one bad article must not stop the table
            continue
        if analysis is not None:
            table.add(article.key, analysis)
    return table


MAX_ALTERNATIVES = 16  # queries `merged_queries` may return (one per combination of names)


def merged_queries(query: FilterQuery, names_for: Callable[[str], tuple[str, ...]]) -> list[FilterQuery]:
    """Queries whose matches together are `query`'s matches with every `actor:` term standing for the whole
    merged actor: the query as typed first, then one per other name of each actor (combined, up to
    MAX_ALTERNATIVES). A negated `-actor:X` excludes every name of X. `names_for` is
    `FolderActors.names_for`; the filter runs each query and takes the union."""
    alternatives: list[tuple[Term, ...]] = [()]
    for term in query.terms:
        if term.field != "actor":
            alternatives = [(*alt, term) for alt in alternatives]
            continue
        others = [n for n in names_for(term.value) if name_key(n) != name_key(term.value)]
        named = [Term("actor", n, term.negate, True) for n in others]
        if term.negate:
            alternatives = [(*alt, term, *named) for alt in alternatives]
        else:
            alternatives = [(*alt, t) for alt in alternatives for t in (term, *named)][:MAX_ALTERNATIVES]
    return [FilterQuery(alt) for alt in alternatives]


def _kind_rank(kind: str) -> int:
    return KINDS.index(kind) if kind in KINDS else len(KINDS)
