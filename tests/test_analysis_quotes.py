"""Quotation rules: one test per mark convention and per attribution pattern."""

from __future__ import annotations

from newsreader.analysis import analyze


def quotes(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in analyze(text).quotes]


def test_curly_quotes_with_speaker_after() -> None:
    text = "“We will rebuild the bridge before winter,” Maria Lopez said on Monday."
    assert quotes(text) == [("We will rebuild the bridge before winter,", "Maria Lopez")]


def test_straight_quotes_pair_by_position() -> None:
    text = 'Officials met on Friday. "The talks went well and we expect a deal soon," said Peter Novak.'
    assert quotes(text) == [("The talks went well and we expect a deal soon,", "Peter Novak")]


def test_guillemets_and_low9_marks() -> None:
    text = "Anna Schmidt said: „Wir schaffen das und wir bleiben dabei.“ Later Jean Dupont said: « Nous restons ici pour toujours. »"
    got = quotes(text)
    assert ("Wir schaffen das und wir bleiben dabei.", "Anna Schmidt") in got
    assert ("Nous restons ici pour toujours.", "Jean Dupont") in got


def test_apostrophes_are_not_quotes() -> None:
    text = "The company’s chief didn't comment. Huawei’s rivals weren’t asked, and the protesters’ demands grew."
    assert quotes(text) == []


def test_nested_single_quotes_stay_inside_the_outer_quote() -> None:
    text = "“They told me ‘never again’ and I believed them,” said Tom Baker."
    got = analyze(text).quotes
    assert len(got) == 1
    assert got[0].text == "They told me ‘never again’ and I believed them,"
    assert got[0].speaker == "Tom Baker"


def test_multi_paragraph_quote_continues_when_next_paragraph_opens_with_a_mark() -> None:
    text = ("Mayor Ellen Park said: “The flood was the worst in a century.\n\n"
            "“We will need years to recover from it, and we will need help.”")
    got = analyze(text).quotes
    assert [q.text for q in got] == ["The flood was the worst in a century.",
                                     "We will need years to recover from it, and we will need help."]
    assert [q.speaker for q in got] == ["Ellen Park", "Ellen Park"]


def test_unmatched_marks_are_tolerated() -> None:
    text = "He wrote ” and then “ nothing closed here\n\nA new paragraph with “a quote that never ends"
    analysis = analyze(text)  # must not raise
    for q in analysis.quotes:
        assert text[q.start:q.end] == q.text


def test_scare_quotes_and_titles_are_not_quotations() -> None:
    text = ('The so-called "reform package" was debated. The film "Gone With The Wind" was shown. '
            'Protesters held a banner saying "put it to the people" outside.')
    assert quotes(text) == []


def test_gloss_in_brackets_is_not_a_quotation() -> None:
    assert quotes('People marched against Brexit ("British exit") in London on Saturday.') == []


def test_short_quote_counts_when_attributed() -> None:
    text = 'Tom Watson called the proposed deal "lousy" and said he would vote against it.'
    assert quotes(text) == [("lousy", "Tom Watson")]


def test_speaker_before_with_colon() -> None:
    text = "Ken Hu – the company’s deputy chairman – said: “Trust needs to be based on facts.”"
    assert quotes(text) == [("Trust needs to be based on facts.", "Ken Hu")]


def test_inverted_speaker_after_quote() -> None:
    text = "Ken Hu spoke first. “I believe the centre will help build trust,” added Hu."
    assert quotes(text) == [("I believe the centre will help build trust,", "Ken Hu")]


def test_split_quote_halves_share_the_speaker() -> None:
    text = '"The first half of the thought," Sarah Jones said, "and the second half of it."'
    got = quotes(text)
    assert got == [("The first half of the thought,", "Sarah Jones"), ("and the second half of it.", "Sarah Jones")]


def test_pronoun_speaker_resolves_to_nearest_person() -> None:
    text = ("Donald Trump posted a tweet on Monday. “I want the United States to win through competition,” "
            "he wrote.")
    got = analyze(text).quotes
    assert got[0].speaker == "Donald Trump"
    assert got[0].speaker_mention is not None and got[0].speaker_mention.text == "he"


def test_she_skips_male_antecedents() -> None:
    text = ("Judge Mary Collins spoke after lawyer Robert Hall left. “The verdict stands and will not change,” "
            "she said.")
    assert quotes(text)[0][1] == "Mary Collins"


def test_quote_only_paragraph_inherits_previous_speaker() -> None:
    text = ("“The water is rising quickly in the valley,” said Linda Moreau.\n\n"
            "“We have evacuated three villages since midnight.”")
    assert [s for _, s in quotes(text)] == ["Linda Moreau", "Linda Moreau"]


def test_according_to_attribution() -> None:
    text = "Sales rose in a “sharp increase of demand this week”, according to Peter Stone."
    assert quotes(text) == [("sharp increase of demand this week", "Peter Stone")]


def test_said_in_a_statement_after_quote() -> None:
    text = "“This announcement cannot change the facts on the ground.” Amnesty International director Anna Tam said in a statement."
    assert quotes(text)[0][1] == "Anna Tam"


def test_dash_attribution() -> None:
    text = "“Only the people can remove me from this office” — Robert Mugabe"
    assert quotes(text) == [("Only the people can remove me from this office", "Robert Mugabe")]


def test_unnamed_speaker_is_none_with_a_mention() -> None:
    text = "“We are reviewing the footage very carefully,” a spokesman said."
    got = analyze(text).quotes
    assert got[0].speaker is None
    assert got[0].speaker_mention is not None and "spokesman" in got[0].speaker_mention.text


def test_the_company_said_resolves_to_latest_organisation() -> None:
    text = "Acme Corporation cut prices. “Demand was unprecedented this month,” the company said."
    assert quotes(text)[0][1] == "Acme Corporation"


def test_object_of_participle_is_not_the_speaker() -> None:
    text = ("Crown Prince Mohammad bin Salman accepted responsibility. Speaking to Martin Smith of PBS, "
            "he said, “It happened under my watch and I accept it.”")
    assert quotes(text)[0][1] == "Mohammad bin Salman"


def test_offsets_match_text() -> None:
    text = "Intro.\n\n“First quoted words here,” said Ann Lee.\n\n'Single quoted words that are long enough,' she said."
    for q in analyze(text).quotes:
        assert text[q.start:q.end] == q.text
        if q.speaker_mention:
            m = q.speaker_mention
            assert text[m.start:m.end] == m.text
