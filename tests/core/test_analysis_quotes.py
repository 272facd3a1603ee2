"""Quotation rules: one test per mark convention and per attribution pattern."""

from __future__ import annotations

from newsreader.analysis import analyse


def quotes(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in analyse(text).quotes]


def test_curly_quotes_with_speaker_after() -> None:
    text = "“We will rebuild the bridge before winter,” Maria Lopez said on Monday."
    assert quotes(text) == [("We will rebuild the bridge before winter,", "Maria Lopez")]


def test_straight_quotes_pair_by_position() -> None:
    text = 'Officials met on Friday. "The talks went well and we expect a deal soon," said Peter Novak.'
    assert quotes(text) == [("The talks went well and we expect a deal soon,", "Peter Novak")]


def test_guillemets_and_low9_marks() -> None:
    text = (
        "Anna Schmidt said: „Wir schaffen das und wir bleiben dabei.“"
        " Later Jean Dupont said: « Nous restons ici pour toujours. »"
    )
    got = quotes(text)
    assert ("Wir schaffen das und wir bleiben dabei.", "Anna Schmidt") in got
    assert ("Nous restons ici pour toujours.", "Jean Dupont") in got


def test_apostrophes_are_not_quotes() -> None:
    text = "The company’s chief didn't comment. Huawei’s rivals weren’t asked, and the protesters’ demands grew."
    assert quotes(text) == []


def test_nested_single_quotes_stay_inside_the_outer_quote() -> None:
    text = "“They told me ‘never again’ and I believed them,” said Tom Baker."
    got = analyse(text).quotes
    assert len(got) == 1
    assert got[0].text == "They told me ‘never again’ and I believed them,"
    assert got[0].speaker == "Tom Baker"


def test_multi_paragraph_quote_continues_when_next_paragraph_opens_with_a_mark() -> None:
    text = ("Mayor Ellen Park said: “The flood was the worst in a century.\n\n"
            "“We will need years to recover from it, and we will need help.”")
    got = analyse(text).quotes
    assert [q.text for q in got] == ["The flood was the worst in a century.",
                                     "We will need years to recover from it, and we will need help."]
    assert [q.speaker for q in got] == ["Ellen Park", "Ellen Park"]


def test_unmatched_marks_are_tolerated() -> None:
    text = "He wrote ” and then “ nothing closed here\n\nA new paragraph with “a quote that never ends"
    analysis = analyse(text)  # must not raise
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
    got = analyse(text).quotes
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
    text = (
        "“This announcement cannot change the facts on the ground.”"
        " Amnesty International director Anna Tam said in a statement."
    )
    assert quotes(text)[0][1] == "Anna Tam"


def test_dash_attribution() -> None:
    text = "“Only the people can remove me from this office” — Robert Mugabe"
    assert quotes(text) == [("Only the people can remove me from this office", "Robert Mugabe")]


def test_unnamed_speaker_is_none_with_a_mention() -> None:
    text = "“We are reviewing the footage very carefully,” a spokesman said."
    got = analyse(text).quotes
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
    for q in analyse(text).quotes:
        assert text[q.start:q.end] == q.text
        if q.speaker_mention:
            m = q.speaker_mention
            assert text[m.start:m.end] == m.text


def test_participle_cue_after_a_long_title_phrase() -> None:
    text = ('This Wednesday Greek Foreign Minister George Katrougalos stressed the need for approval, saying '
            '"It belongs to humanity and to all of us as a shared heritage", as quoted by Greek Reporter.')
    assert quotes(text) == [("It belongs to humanity and to all of us as a shared heritage", "George Katrougalos")]


def test_semicolon_ends_the_after_window() -> None:
    text = ('Interior Minister Joachim Nowak said the mayor was in a "serious" condition; TVN24 reported he '
            'received surgery.')
    assert quotes(text) == [("serious", "Joachim Nowak")]


def test_capitalised_states_is_not_a_speech_verb() -> None:
    text = ('Michael Siegel of Boston University, who led the study, declared gun ownership within the United '
            'States to be "the strongest single predictor of youth suicide rates".')
    assert quotes(text) == [("the strongest single predictor of youth suicide rates", "Michael Siegel")]


def test_cue_after_a_full_stop_belongs_to_the_next_quote() -> None:
    text = ('Howard Rubel, a lawyer, told the BBC "My client is relieved with the verdict today." Sophie Obadia, '
            'another lawyer, told reporters "Women do not have to justify their private life."')
    assert quotes(text) == [("My client is relieved with the verdict today.", "Howard Rubel"),
                            ("Women do not have to justify their private life.", "Sophie Obadia")]


def test_coordinated_verbs_share_the_subject() -> None:
    text = ('Coles, in a media release, said that "many stores are still selling out within the hour", and '
            'called the demand "unprecedented". The Syrian Democratic Forces opposed the withdrawal and said it '
            'had been given "assurances that no operation would take place."')
    got = quotes(text)
    assert got[1] == ("unprecedented", "Coles")
    assert got[2][1] == "Syrian Democratic Forces"


def test_catenative_verb_before_say() -> None:
    text = 'Wendy Parmet spoke first. She went on to say, "People tend to blame the place for the disease."'
    assert quotes(text) == [("People tend to blame the place for the disease.", "Wendy Parmet")]


def test_possessor_of_a_statement_noun_speaks() -> None:
    text = ('The Recording Industry Association of America (RIAA) acted. RIAA\'s notice alleged the aim was to '
            '"circumvent the technological protection measures used by services".')
    assert quotes(text)[0][1] == "Recording Industry Association of America"


def test_name_opening_a_long_subject_phrase_speaks() -> None:
    text = ('Jennifer Daskal of American University and contributor to a magazine wrote, "a single country '
            'could demand that a post be removed worldwide".')
    assert quotes(text)[0][1] == "Jennifer Daskal"


def test_surname_that_is_a_common_word_resolves_to_the_full_name() -> None:
    text = 'Doris Day was a singer. "I have been through everything and I came back," Day said in 2006.'
    assert quotes(text) == [("I have been through everything and I came back,", "Doris Day")]
