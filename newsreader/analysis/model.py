"""Data produced by the analysis engine.

Plain dataclasses so the renderer, the CLI (`analyze --json`), the cache and the tests share one shape.
All offsets are `str` indices into the article body exactly as the reader shows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ActorKind = str  # "person" | "organisation" | "place"
KINDS: tuple[str, ...] = ("person", "organisation", "place")


@dataclass(slots=True, unsafe_hash=True)
class Mention:
    """One place in the body where an actor is named (or, for speakers, pointed at).

    Hashed by value, as a frozen class would be, but not frozen: a frozen dataclass sets each field through
    `object.__setattr__`, three calls for every mention the analysis reports (0.6% of the whole analysis).
    Nothing assigns to a mention once it is made; a changed offset is a new `Mention` (`analysis._shifted`)."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Actor:
    """A named person, organisation or place, with every mention of it in the body."""

    name: str  # canonical: the fullest form in the article ("Ken Hu")
    kind: ActorKind
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # other surface forms seen ("Hu")


@dataclass(slots=True)
class Quote:
    """One contiguous run of directly quoted words (marks excluded)."""

    text: str
    start: int
    end: int
    speaker: str | None = None  # canonical actor name, or None when unnamed/unknown
    # the words that point at the speaker ("Hu", "he", "a spokesman"), for bold highlighting
    speaker_mention: Mention | None = None


@dataclass(frozen=True, slots=True)
class ActorHint:
    """An actor the user declared (front matter `actors:` or the folder's newsreader.yaml); hints win."""

    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()


@dataclass(slots=True)
class Analysis:
    """Everything the engine found in one body."""

    quotes: list[Quote] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The `quotes`/`actors` part of the `analyze --json` contract (DESIGN §3)."""
        return {
            "quotes": [
                {"text": q.text, "start": q.start, "end": q.end, "speaker": q.speaker} for q in self.quotes
            ],
            "actors": [
                {
                    "name": a.name,
                    "kind": a.kind,
                    "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in a.mentions],
                }
                for a in self.actors
            ],
        }
