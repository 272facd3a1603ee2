"""Quotation spans on made-up sentences: pairing, editorial brackets, continued paragraphs, the speech filter."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsreader.analysis import analyse
from newsreader.analysis.passes.quotations import find_runs
from newsreader.analysis.text import tokenize


def spans(text: str) -> list[str]:
    return [text[r.start:r.end] for r in find_runs(tokenize(text))]


def quotes(text: str) -> list[str]:
    return [q.text for q in analyse(text).quotes]


def test_bracketed_capital_opens_a_quotation() -> None:
    text = 'The judge wrote that "[t]he evidence was never shown to the jury at any point."'
    assert spans(text) == ["[t]he evidence was never shown to the jury at any point."]


def test_elided_start_opens_a_quotation() -> None:
    text = 'Lang wrote: "[...] and nobody answered the letters for months."'
    assert spans(text) == ["[...] and nobody answered the letters for months."]


def test_ellipsis_start_opens_a_quotation() -> None:
    text = "Lang wrote: “…and nobody answered the letters for months.”"
    assert spans(text) == ["…and nobody answered the letters for months."]


def test_elisions_inside_keep_one_run() -> None:
    text = 'Paul Weber remarked, "The jeans war of the late 1970s [...] it was an attempt at style."'
    assert quotes(text) == ["The jeans war of the late 1970s [...] it was an attempt at style."]


def test_remarked_is_not_the_scare_cue_marked() -> None:
    text = 'Professor Paul Weber remarked, "The season was the warmest on record in the region."'
    assert quotes(text) == ["The season was the warmest on record in the region."]


def test_a_box_marked_is_a_label() -> None:
    assert quotes('They found a box marked "fragile goods handle with care" on the step.') == []


def test_a_sign_that_read_is_not_speech() -> None:
    assert quotes('Protesters held signs that read "hands off our libraries now" outside.') == []


def test_one_word_title_case_run_kept_when_its_cue_attributes_it() -> None:
    text = 'Maria Lopez spoke first. "Overall," she continued, "the results are better than we hoped for this year."'
    assert quotes(text)[0] == "Overall,"


def test_title_of_a_work_is_not_a_quotation() -> None:
    assert quotes('The band played "Rivers Of The North" at the end of the show.') == []


def test_multi_paragraph_quotation_continues_and_shares_a_group() -> None:
    text = '"The first paragraph of the statement runs on\n\n"and the second one closes it."'
    runs = find_runs(tokenize(text))
    assert [text[r.start:r.end] for r in runs] == ["The first paragraph of the statement runs on",
                                                   "and the second one closes it."]
    assert runs[0].group == runs[1].group and runs[1].cont


def test_a_mark_reopening_after_a_sentence_end_continues_the_quotation() -> None:
    # a quotation over two paragraphs whose break was lost: the second paragraph's opening mark follows the
    # first one's last sentence, and no closing mark stands between them
    text = ('The union\'s Ann Roe says the strike is about more than pay. "The key issue for us is workloads. '
            '"We have a million hours of overtime a week," Ms Roe said. The bank says the action is unjustified.')
    runs = find_runs(tokenize(text))
    assert [text[r.start:r.end] for r in runs] == ["The key issue for us is workloads.",
                                                   "We have a million hours of overtime a week,"]
    assert runs[0].group == runs[1].group and runs[1].cont and not runs[0].cont
    assert runs[0].close_pos is None  # (no closing mark of its own)
    assert [q.speaker for q in analyse(text).quotes] == ["Ann Roe", "Ann Roe"]


def test_curly_marks_reopening_after_a_sentence_end_keep_both_runs() -> None:
    text = ('Tom Hale spoke to reporters. \u201cWe are ready for the season. \u201cThe squad is fit and '
            'the young players are keen,\u201d Mr Hale said.')
    assert spans(text) == ["We are ready for the season.", "The squad is fit and the young players are keen,"]


def test_a_reopening_mark_that_is_never_closed_was_a_closing_mark() -> None:
    # the closing mark typed after its space: nothing closes what it would open, so it closes the run before
    text = ('"This is why you play," she said. "But I want to peak late this season. "Ann Roe, slow into her '
            'stride, slipped to 2-3 in the first set but recovered quickly.')
    runs = find_runs(tokenize(text))
    assert [text[r.start:r.end] for r in runs] == ["This is why you play,", "But I want to peak late this season."]
    assert runs[1].close_pos == text.index('"Ann')


def test_a_mark_after_a_sentence_end_closes_when_no_capital_follows() -> None:
    text = 'She said "it was over. " and left the room before the vote was taken.'
    assert spans(text) == ["it was over."]


def test_a_mark_inside_a_sentence_still_closes_the_open_run() -> None:
    text = 'He called the plan "a mistake "Nobody wanted and walked out of the meeting.'
    assert spans(text) == ["a mistake"]


def test_a_photo_caption_between_two_paragraphs_of_a_quotation_does_not_end_it() -> None:
    text = ('"The first paragraph of the statement runs on\n\nThe launch pad in 2008. Image: NASA.\n\n'
            '"and the second one closes it."')
    runs = find_runs(tokenize(text))
    assert [text[r.start:r.end] for r in runs] == ["The first paragraph of the statement runs on",
                                                   "and the second one closes it."]
    assert runs[0].group == runs[1].group and runs[1].cont


def test_single_quote_does_not_span_a_double_quoted_run() -> None:
    text = "It's said that \"nobody came to the meeting at all\" and the ‘chair was empty’ too."
    assert "nobody came to the meeting at all" in spans(text)


@given(st.text(alphabet="ab \"'“”‘’[].\n", max_size=80))
def test_runs_always_index_the_text(text: str) -> None:
    for r in find_runs(tokenize(text)):
        assert 0 <= r.open_pos < r.start < r.end <= len(text)
        assert text[r.start:r.end].strip() == text[r.start:r.end]


def test_opening_mark_typed_against_a_comma() -> None:
    text = 'Paul Weber said," For example, schools can run their own votes". Later he left.'
    assert spans(text) == ["For example, schools can run their own votes"]


def test_lone_closing_mark_does_not_shift_the_pairs() -> None:
    text = 'The firm (whose" founder left early") was described as "by far the ablest of the rivals".'
    assert spans(text) == ["by far the ablest of the rivals"]


def test_attributed_title_without_speech_punctuation_is_a_title() -> None:
    text = 'Paul Weber says his event, "Storm The Gates, They Cannot Stop All Of Us", was posted as a joke.'
    assert quotes(text) == []


def test_case_name_with_vs_is_a_title() -> None:
    assert quotes('The court ruled in "Nora Blake vs. Northwind Motors Limited" on Thursday, the judge said.') == []


def test_a_thing_called_is_a_name_but_a_paper_called_it_is_speech() -> None:
    assert quotes('Her name imitated a song called "Day After Day," so it would fit on a sign.') == []
    assert quotes('The novel, which the Daily Courier called "the steamiest book of the year", sold well.') == [
        "the steamiest book of the year"]


def test_title_case_slogan_with_an_unnamed_speaker_is_no_quotation() -> None:
    assert quotes('To them, I say, "Be Bold. Vote Gold." And then we left the hall.') == []


def test_short_whole_sentence_after_a_split_quote_is_speech() -> None:
    text = 'Nora Blake spoke in Eastport on Monday. "He is dangerous," Nora Blake said of him. "He is unfit."'
    assert quotes(text) == ["He is dangerous,", "He is unfit."]


def test_short_scare_quote_inside_a_sentence_stays_out() -> None:
    text = 'Nora Blake said the plan was sound. The "reform" was passed on Monday by a narrow margin.'
    assert quotes(text) == []


def test_hyphenated_adjective_is_not_a_title() -> None:
    text = 'Nora Blake spoke on Monday, calling the inquiry "Soviet-style" in front of reporters.'
    assert quotes(text) == ["Soviet-style"]


def test_hyphenated_title_words_are_a_title() -> None:
    text = 'Nora Blake spoke on Monday about the film "Soviet-Style Winter" in front of reporters.'
    assert quotes(text) == []


def test_short_quote_framed_by_dismissed_as_is_speech() -> None:
    text = 'Paul Weber spoke on Monday. Weber dismissed it as "locker room talk."'
    assert quotes(text) == ["locker room talk."]


# ---- mentions of words, not reports of them (AP political style)
def test_short_run_modifying_an_utterance_noun_is_not_a_quotation() -> None:
    text = ('Senator Ray Dunn said the claim was "a lie." Dunn attacked the "fake news" label on Monday, '
            'and the alleged "losers" and "suckers" comment drew more criticism.')
    assert quotes(text) == ["a lie."]


def test_run_modifying_a_noun_keeps_speech_that_ends_its_clause() -> None:
    text = 'Mayor Lena Ortiz called the plan "reckless," and the council agreed.'
    assert quotes(text) == ["reckless,"]


def test_object_complement_of_a_naming_verb_is_a_name() -> None:
    text = ('The committee named the new disease that spread last year "acute river fever." '
            'Dr. Ana Pires said the name was "easy to say and hard to misuse."')
    assert quotes(text) == ["easy to say and hard to misuse."]


def test_naming_verb_in_the_previous_sentence_does_not_name_a_quotation() -> None:
    text = 'The party named Tom Reyes its leader. "We will win this seat back," Reyes said.'
    assert quotes(text) == ["We will win this seat back,"]


def test_title_after_a_work_noun_is_a_title_despite_its_comma() -> None:
    text = 'Senator Joan Avery, who wrote the book "Winning Back Trust," said the bill was "long overdue."'
    assert quotes(text) == ["long overdue."]


def test_run_after_accused_name_of_is_speech_not_a_group() -> None:
    text = 'The Trump campaign accused Biden of "siding with criminals." Biden did not respond.'
    assert quotes(text) == ["siding with criminals."]


def test_run_modifying_a_noun_for_what_the_words_judge_is_speech() -> None:
    text = 'Officers shot the man dead in what the police declared a "terrorist-related" attack.'
    assert quotes(text) == ["terrorist-related"]


def test_gloss_after_a_termed_name_is_no_quotation() -> None:
    text = 'Britain is leaving the European Union, which has been termed Brexit for "British exit".'
    assert quotes(text) == []
