"""Speakers named where the text only points at them ("he [Donald Trump] wrote"), for `show` and exports."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from newsreader.analysis.model import Actor, Analysis, Mention, Quote
from newsreader.articles import Article
from newsreader.markdown_text import StyleSpan
from newsreader.render import build_document, speaker_notes, with_speaker_notes

BODY = '“We will win,” he said. “Yes,” Hu added. “No,” Ken Hu said. “Maybe,” the minister said.'


def mention(word: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = BODY.index(word, start + 1)
    return Mention(start, start + len(word), word)


def analysis() -> Analysis:
    def quote(text: str, speaker: str | None, sm: Mention | None) -> Quote:
        start = BODY.index(text)
        return Quote(text, start, start + len(text), speaker, sm)

    return Analysis(
        quotes=[quote("We will win,", "Ken Hu", mention("he")), quote("Yes,", "Ken Hu", mention("Hu")),
                quote("No,", "Ken Hu", mention("Ken Hu")), quote("Maybe,", "Jo Lam", mention("the minister"))],
        actors=[Actor("Ken Hu", "person", [mention("Hu"), mention("Ken Hu")], ["Hu"])],
    )


def test_notes_only_where_the_words_do_not_name_the_speaker() -> None:
    assert speaker_notes(BODY, analysis()) == [(mention("he").end, "Ken Hu"), (mention("the minister").end, "Jo Lam")]


def test_notes_go_into_the_text_and_every_highlight_moves_with_its_words() -> None:
    doc = build_document(Article(Path("/x/a.txt"), "T", BODY), analysis())
    noted = with_speaker_notes(doc, speaker_notes(BODY, analysis()))
    body = noted.text[noted.body_offset:]
    assert "he [Ken Hu] said" in body and "the minister [Jo Lam] said" in body and "Hu [" not in body
    old = [(doc.text[s.start:s.end], s.style) for s in doc.spans]
    assert [(noted.text[s.start:s.end], s.style) for s in noted.spans if s.style != "resolved"] == old
    assert [noted.text[s.start:s.end] for s in noted.spans if s.style == "resolved"] == [" [Ken Hu]", " [Jo Lam]"]
    assert with_speaker_notes(doc, []) is doc


@given(st.text(alphabet="ab \n", max_size=40), st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=6),
       st.lists(st.integers(0, 40), max_size=4, unique=True))
def test_spans_keep_their_text_whatever_the_notes(body: str, ranges: list[tuple[int, int]], offsets: list[int]) -> None:
    doc = build_document(Article(Path("/x/a.txt"), "T", body or "x"))
    length = len(doc.text) - doc.body_offset
    base = doc.body_offset
    doc.spans += [StyleSpan(base + min(a, b, length), base + min(max(a, b), length), "em") for a, b in ranges]
    notes = [(o, "X") for o in sorted({min(o, length) for o in offsets})]
    noted = with_speaker_notes(doc, notes)
    assert noted.text.replace(" [X]", "") == doc.text
    for before, after in zip(doc.spans, noted.spans, strict=False):
        inside = noted.text[after.start:after.end]
        assert inside.replace(" [X]", "") == doc.text[before.start:before.end]
