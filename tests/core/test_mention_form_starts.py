"""`find_mentions` visits only the tokens that open a form: with every form opening on a capitalised word,
the capitalised tokens (and the heads of "X-based" words) alone; the tokens it visits are those a test of
every token's text finds, on generated articles, with hinted forms of every shape."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.analysis import pipeline
from newsreader.analysis.model import ActorHint
from newsreader.analysis.passes.mentions import form_starts, forms_by_first_word
from newsreader.analysis.state import DocState
from newsreader.analysis.text import tokenize

WORDS = ["Ann Roe", "said", "the", "Acme", "Corporation", "Luxembourg-based", "pro-Acme", "in", "Eastport", "@Acme",
         "#acme", "de", "Blasio", "iPhone", "sold", ".", ",", '"', "\n\n", "Carl", "Mott", "Acme's"]
articles = st.lists(st.sampled_from(WORDS), min_size=1, max_size=80).map(" ".join)
hints = st.lists(st.builds(ActorHint, st.sampled_from(["Ann Roe", "de Blasio", "iPhone", "@Acme", "#acme", "Acme"]),
                           st.sampled_from(["person", "organisation"])), max_size=3)


@settings(max_examples=150, deadline=None)
@given(articles, hints)
def test_the_tokens_visited_are_those_whose_text_opens_a_form(text: str, hinted: list[ActorHint]) -> None:
    state = DocState(tokenize(text), tuple(hinted))
    for step in pipeline.PASSES:
        if step.__name__ == "find_mentions":
            break
        step(state)
    form_index = forms_by_first_word(state)
    texts = list(state.doc.texts)
    for k, h in state.heads.items():
        texts[k] = h.text
    assert list(form_starts(state, form_index, texts)) == [i for i, t in enumerate(texts) if t in form_index]
