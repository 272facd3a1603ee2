"""The cast's mentions are made in body offsets when a headline is analysed before the body (`build_cast`
with `DocState.body_start`), and the quotations are shifted back: every offset indexes the body.
Made-up sentences only."""

from __future__ import annotations

from newsreader.analysis import analyse, pipeline


def test_mentions_and_quotations_index_the_body_after_a_headline() -> None:
    title = "Ken Hu of Huawei speaks in Berlin"
    body = 'Ken Hu said on Monday that "prices will fall." Hu spoke in Berlin.\n\nHuawei declined to comment.'
    result = analyse(body, title=title)
    assert {a.name for a in result.actors} >= {"Ken Hu", "Berlin", "Huawei"}
    for a in result.actors:
        for m in a.mentions:
            assert 0 <= m.start < m.end <= len(body) and body[m.start:m.end] == m.text
    assert [body[q.start:q.end] for q in result.quotes] == ["prices will fall."]
    speaker = result.quotes[0].speaker_mention
    assert speaker is not None and body[speaker.start:speaker.end] == speaker.text


def test_the_speaker_passes_read_document_offsets() -> None:
    prefix = "Ken Hu speaks\n\n"
    text = prefix + "Ken Hu said prices would fall."
    state = pipeline.run(text, body_start=len(prefix))
    assert state.cast is not None
    hu = next(a for a in state.cast.actors if a.name == "Ken Hu")
    assert [(m.start, m.text) for m in hu.mentions] == [(0, "Ken Hu")]  # the headline's mention left out
    assert [(s, text[s:e]) for s, e, a in state.cast.spans if a is hu] == [(0, "Ken Hu"), (len(prefix), "Ken Hu")]
