"""The typed document state the analysis passes share (DESIGN §8 "Analysis").

One `DocState` travels through `pipeline.PASSES`; each pass reads what earlier passes left and adds its own
field. Keeping every intermediate result here (instead of locals of one long function) is what lets each
rule be a small function that can be read, tested and removed on its own.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from .lexicon import Lexicon, lexicon
from .model import Actor, ActorHint, Quote
from .text import Doc, Token


@dataclass(slots=True)
class Cand:
    """One candidate mention (a run of name tokens) before clustering."""

    toks: list[Token]
    kind: str | None = None
    person_evidence: bool = False  # came after a title/honorific
    gender: str | None = None
    initial: bool = False
    weak: bool = False  # needs support (an alias link) before it counts as an actor
    the_name: bool = False  # introduced by a capitalised "The" mid-sentence ("according to The Times")
    thing: bool = False  # names a vessel, an event or a product ("MV X", "X Festival", "the X capsule")

    @property
    def start(self) -> int:
        return self.toks[0].start

    @property
    def end(self) -> int:
        return self.toks[-1].end

    def words(self) -> list[str]:
        return [t.text for t in self.toks]


@dataclass(slots=True)
class Entity:
    """A cluster of surface forms believed to name one actor, with the votes its candidates cast."""

    name: str
    kind: str | None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    forms: set[str] = field(default_factory=set)
    person_votes: int = 0
    org_votes: int = 0
    thing_votes: int = 0
    cand_count: int = 0
    title_votes: int = 0
    place_votes: int = 0
    gender: str | None = None
    hinted: bool = False
    strong: bool = False
    merged_into: Entity | None = None
    counts: dict[str, int] = field(default_factory=dict)  # candidate count per surface form
    minor: set[str] = field(default_factory=set)  # forms that never become the canonical name (birth names)
    features: dict[str, float] = field(default_factory=dict)  # the evidence the weighing pass weighed

    def root(self) -> Entity:
        e = self
        while e.merged_into is not None:
            e = e.merged_into
        return e


@dataclass(slots=True)
class Cast:
    """The article's actors plus what the quotation rules need: which actor each mention points at."""

    actors: list[Actor]
    spans: list[tuple[int, int, Actor]]  # (start, end, actor) for every mention, sorted by start
    gender: dict[str, str | None]  # actor name -> "m" / "f" / None


@dataclass(slots=True)
class CapStats:
    """How the document itself writes each word: capitalised mid-sentence, or in lower case."""

    cap_mid: set[str] = field(default_factory=set)
    lower_seen: AbstractSet[str] = field(default_factory=set)
    capmid_count: dict[str, int] = field(default_factory=dict)
    lower_count: dict[str, int] = field(default_factory=dict)
    cap_seen: set[str] = field(default_factory=set)  # every word written capitalised, sentence starts included


@dataclass(slots=True)
class DocState:
    """Everything known about one body, filled in pass by pass."""

    doc: Doc
    hints: tuple[ActorHint, ...] = ()
    lex: Lexicon = field(default_factory=lexicon)
    stats: CapStats = field(default_factory=CapStats)
    headlines: set[int] = field(default_factory=set)  # paragraph indices
    captions: set[int] = field(default_factory=set)  # token indices of photo credits
    fragments: set[int] = field(default_factory=set)  # paragraph indices of short unpunctuated labels
    heads: dict[int, Token] = field(default_factory=dict)  # token index -> name part of "X-based"
    runs: list[list[int]] = field(default_factory=list)  # token indices of capitalised runs
    cands: list[Cand] = field(default_factory=list)
    by_form: dict[str, Entity] = field(default_factory=dict)
    entities: list[Entity] = field(default_factory=list)
    acronym_links: list[tuple[str, str]] = field(default_factory=list)  # (long form, short form)
    born_links: list[tuple[str, str]] = field(default_factory=list)  # (subject, birth name)
    first_pass: set[tuple[int, int]] = field(default_factory=set)  # spans of the kept candidates
    roots: list[Entity] = field(default_factory=list)  # the entities that become actors
    cast: Cast | None = None
    quotes: list[Quote] = field(default_factory=list)
    # the length of a headline prefix before the body: the cast's mentions are reported in body offsets
    # (those inside the prefix left out), made once so, not made and shifted after
    body_start: int = 0
