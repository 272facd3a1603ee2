"""Generated article texts and the document state a pass sees, for the property tests that check a
shortcut (a precondition, a memo, a narrower scan) against the code it replaced."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

from newsreader.analysis import pipeline
from newsreader.analysis.state import DocState
from newsreader.analysis.text import tokenize


def word_texts(words: Sequence[str], gaps: Sequence[str], min_size: int = 0, max_size: int = 40,
               opening: str = "") -> st.SearchStrategy[str]:
    """Texts of up to `max_size` words drawn from `words`, each followed by one of `gaps`, after `opening`:
    few enough pieces that the rules' triggers meet each other often."""
    return st.lists(st.tuples(st.sampled_from(words), st.sampled_from(gaps)), min_size=min_size,
                    max_size=max_size).map(lambda parts: opening + "".join(a + b for a, b in parts))


def state_before(text: str, name: str) -> DocState:
    """The state the pass called `name` is handed: `text` tokenized and every pass before it run."""
    state = DocState(tokenize(text))
    for step in pipeline.PASSES:
        if step.__name__ == name:
            break
        step(state)
    return state
