"""Views the passes share instead of searching the body again: a speaker window's words taken from the
tokens, and the article's acronyms found only when a coordination needs them (counted, not timed)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.analysis import analyse
from newsreader.analysis.passes import boundaries
from newsreader.analysis.passes.speaker_context import APOSTROPHES, SpeakerContext, Span
from newsreader.analysis.text import WORD_RE, tokenize
from tests.core.test_analysis_text import glued, news_like


@dataclass
class _NoActors:
    spans: list[Span] = field(default_factory=list)
    gender: dict[str, str | None] = field(default_factory=dict)


def _searched(text: str, s: int, e: int) -> list[tuple[int, int, str]]:
    """The words of a window as a regex search of the window finds them (what `words` did before)."""
    return [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text, s, e)
            if not (m.group() in ("s", "S") and text[m.start() - 1:m.start()] in APOSTROPHES)]


@settings(max_examples=400, deadline=None)
@given(st.one_of(news_like, glued), st.integers(-5, 300), st.integers(-5, 300))
def test_a_windows_words_are_what_a_search_of_the_window_finds(text: str, a: int, b: int) -> None:
    # windows may cut a word at either end, or be empty
    ctx = SpeakerContext(tokenize(text), _NoActors(), [])
    s, e = max(0, min(a, b)), max(a, b)
    assert ctx.words(s, e) == _searched(text, s, e)


def test_a_window_that_cuts_a_word_gets_the_cut_word() -> None:
    text = "Ken Hu said the U.S. team's plan works."
    ctx = SpeakerContext(tokenize(text), _NoActors(), [])
    assert [w[2] for w in ctx.words(5, 18)] == ["u", "said", "the", "U"]
    assert [w[2] for w in ctx.words(0, len(text))] == ["Ken", "Hu", "said", "the", "U.S.", "team", "plan", "works"]


def test_the_acronyms_are_gathered_once_and_only_for_a_coordination(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = boundaries.document_acronyms

    def counted(cap_seen: set[str]) -> frozenset[str]:
        calls.append(1)
        return real(cap_seen)

    monkeypatch.setattr(boundaries, "document_acronyms", counted)
    analyse("Ken Hu met Jane Doe in Paris. They spoke of Acme Motor Company.")
    assert calls == []  # no "A and B" anywhere: no look at the acronyms
    names = {a.name for a in analyse("The U.S. Securities and Exchange Commission (SEC) and the Federal "
                                     "Reserve and the Bank of England met. The SEC said so.").actors}
    assert calls == [1]  # two coordinations, one gathering
    assert "U.S. Securities and Exchange Commission" in names
