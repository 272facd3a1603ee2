"""The analysis pipeline: named passes over one `DocState` (DESIGN §8 "Analysis").

tokens and sentences -> the actor passes (`actors.ACTOR_PASSES`) -> quotations and their speakers.
`run` is the only place the order is written down; every pass reads the state earlier passes filled in.
"""

from __future__ import annotations

from collections.abc import Sequence

from .actors import ACTOR_PASSES, Pass
from .model import ActorHint
from .quotes import find_quotes
from .state import DocState
from .text import tokenize


def quotations(state: DocState) -> None:
    """Quotation spans and their speakers, attributed against the cast (see `quotes.py`)."""
    assert state.cast is not None
    state.quotes = find_quotes(state.doc, state.cast)


PASSES: tuple[Pass, ...] = (*ACTOR_PASSES, quotations)


def run(text: str, hints: Sequence[ActorHint] = (), body_start: int = 0) -> DocState:
    """Tokenise `text` and run every pass; the state holds the cast and the quotations. The actors'
    mentions are offsets into `text[body_start:]` (the body after a headline prefix)."""
    state = DocState(tokenize(text), tuple(hints), body_start=body_start)
    for step in PASSES:
        step(state)
    return state
