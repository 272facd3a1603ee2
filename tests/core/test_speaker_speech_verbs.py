"""Speech verbs and the frames they make, on made-up sentences with a hand-made actor index: which speech
words are verbs, verbs other than "say" that frame a quotation (framing, thought, reporting verbs),
passive reports, and speakers named after the run with no verb of their own."""

from __future__ import annotations

import pytest

from newsreader.analysis import analyse

from .test_analysis_speakers import attributions

M = ("person", "m", ())
F = ("person", "f", ())
ORG = ("organisation", None, ())

# A speech word is a verb only where a verb can stand: after a speech verb, a preposition or a
# possessive it is a noun; a sentence may open on its speech verb ("Remarked X,").
NOUN_OR_VERB = {
    "a speech word after a speech verb is a noun (state television)": (
        'Minister Olga Petrova told state television: "We will respond."',
        {"Olga Petrova": F},
        [("We will respond.", "Olga Petrova")]),
    "a speech word after a preposition is a noun (on state media)": (
        'Minister Olga Petrova said on state media: "We will respond."',
        {"Olga Petrova": F},
        [("We will respond.", "Olga Petrova")]),
    "a speech word as a possessor is no verb (the report's author)": (
        '"The numbers are alarming," the report\'s lead author, Dr Helen Park, told reporters.',
        {"Helen Park": F},
        [("The numbers are alarming,", "Helen Park")]),
    "a sentence opening on its speech verb ('Remarked X,') is no participle phrase": (
        'Remarked Ocean Trust scientist Tierra Moss, "This reprieve is a thank-you from the butterflies."',
        {"Remarked Ocean Trust": ORG, "Tierra Moss": F},
        [("This reprieve is a thank-you from the butterflies.", "Tierra Moss")]),
}


# Verbs other than "say" that frame a short quotation as the clause subject's words ("gave a terse
# answer", "holds that", "accusing her of"), and "remembered as", which frames someone's words unnamed.
FRAMING_VERBS = {
    "gave a terse answer": (
        'Asked whether the money changed his vote, Paul Oster gave a terse "no." The clerk did not respond.',
        {"Paul Oster": M},
        [("no.", "Paul Oster")]),
    "endorsed the choice of a short quotation": (
        'Senator Ruth Calder left the race. She endorsed the choice of a "younger leader."',
        {"Ruth Calder": F},
        [("younger leader.", "Ruth Calder")]),
    "holds that": (
        'Professor Alan Crewe does not judge the case. He holds that if they were "lawful residents" then '
        'the rule is met.',
        {"Alan Crewe": M},
        [("lawful residents", "Alan Crewe")]),
    "accusing her of": (
        'Governor Dan Pike lashed out at the mayor, Ann Roe, on Twitter, accusing her of "not doing her job". '
        'Roe did not reply.',
        {"Dan Pike": M, "Ann Roe": F, "Twitter": ORG},
        [("not doing her job", "Dan Pike")]),
    "discussing a short quotation": (
        'During the visit, Senator Ruth Calder delivered a talk on housing, discussing the "original sin" of '
        'zoning.',
        {"Ruth Calder": F},
        [("original sin", "Ruth Calder")]),
    "remembered as: a characterisation in someone's words": (
        'Nobel laureate Peter Hansen died on Monday. Colleagues remembered him as "a generous mentor."',
        {"Peter Hansen": M},
        [("a generous mentor.", None)]),
    "the object of a control verb still speaks": (
        'The scandal led Ann Roe to say she would "fight the plan".',
        {"Ann Roe": F},
        [("fight the plan", "Ann Roe")]),
}


# A verb of thinking is a cue with a "that" complement, never with an object before the run.
THOUGHT_VERBS = {
    "a thought verb without that is no cue for a short run": (
        'The party stands for small government and cutting "red tape" - what law do you think needs changing?',
        {},
        []),
    "a thought verb with that is": (
        'Senator Ruth Calder thinks that the plan is "a disaster" for farmers.',
        {"Ruth Calder": F},
        [("a disaster", "Ruth Calder")]),
    "a thought verb with an object before the quotation is no cue": (
        'Ann Roe thought about the "open questions" for a while.',
        {"Ann Roe": F},
        []),
}


# Verbs of advice, assurance and disclosure report speech like "said".
REPORTING_VERBS = {
    "advised her to": (
        'Tom Reed wrote to his niece. He advised her to "stay away from politics".',
        {"Tom Reed": M},
        [("stay away from politics", "Tom Reed")]),
    "an inverted advised": (
        '"Stay away from politics," advised Tom Reed.',
        {"Tom Reed": M},
        [("Stay away from politics,", "Tom Reed")]),
    "assured voters that": (
        'Ann Price assured voters that taxes would "not rise this year".',
        {"Ann Price": F},
        [("not rise this year", "Ann Price")]),
    "hinted after the run": (
        '"I may run again," Ann Price hinted on Monday.',
        {"Ann Price": F},
        [("I may run again,", "Ann Price")]),
    "threatened to": (
        'The Harbour Union threatened to "shut the port down" on Monday.',
        {"Harbour Union": ORG},
        [("shut the port down", "Harbour Union")]),
}


# A passive report ("is said to have called") quotes its subject only before a speech verb.
PASSIVE_REPORTS = {
    "a passive report before an infinitive speech verb: the subject speaks": (
        'Tom Berg is said to have called the plan "dead".',
        {"Tom Berg": M},
        [("dead", "Tom Berg")]),
    "a passive report of the subject's state names no speaker": (
        'Tom Berg was said to be suffering "minor symptoms".',
        {"Tom Berg": M},
        [("minor symptoms", None)]),
}


# Frames where the speaker is named after the run without a speech verb of its own: the agent of a
# passive speech verb before the run, a speech noun joined to the run by a copula or "came", and a dash
# attribution.
AFTER_THE_RUN = {
    "a passive agent after the run": (
        'The deal was described as "a disaster" by Ann Price.',
        {"Ann Price": F},
        [("a disaster", "Ann Price")]),
    "a passive agent after the run, an organisation": (
        'The plan was described as "a dangerous gamble for the port" by the Harbour Union on Monday.',
        {"Harbour Union": ORG},
        [("a dangerous gamble for the port", "Harbour Union")]),
    "an unnamed agent names nobody": (
        'Tom Reed, who was described as "dangerous" by the police, was freed. Acme Corp said nothing.',
        {"Tom Reed": M, "Acme Corp": ORG},
        [("dangerous", None)]),
    "no agent: the subject is spoken of": (
        'Tom Reed was described as "a bully" in the report.',
        {"Tom Reed": M},
        [("a bully", None)]),
    "was the message from": (
        '"We will not back down," was the message from Ann Price.',
        {"Ann Price": F},
        [("We will not back down,", "Ann Price")]),
    "came the reply from": (
        'Acme Corp asked for a delay. "The answer is no," came the reply from the Harbour Ministry.',
        {"Acme Corp": ORG, "Harbour Ministry": ORG},
        [("The answer is no,", "Harbour Ministry")]),
    "was the verdict of": (
        '"The law is void" was the unanimous verdict of the Eastport Court.',
        {"Eastport Court": ORG},
        [("The law is void", "Eastport Court")]),
    "a noun that is no speech names nobody": (
        '"Make the city great" was the title of a book by Tom Reed.',
        {"Tom Reed": M},
        [("Make the city great", None)]),
    "a verb that reports a clause of its own in the next sentence is no cue of the run": (
        'The crew are back on the ship, Ann Price said. "They seem fine. Nobody is badly hurt." Tom Reed says '
        'he feels relieved. "It could have been worse," he said.',
        {"Ann Price": F, "Tom Reed": M},
        [("They seem fine. Nobody is badly hurt.", "Ann Price"), ("It could have been worse,", "Tom Reed")]),
    "a short verb phrase in the next sentence is the run's cue": (
        'The crew are back on the ship. "They seem fine. Nobody is badly hurt." Tom Reed said in a statement.',
        {"Tom Reed": M},
        [("They seem fine. Nobody is badly hurt.", "Tom Reed")]),
    "a dash attribution with a long description after its comma": (
        '"We have brains." — Tom Berg, on whether the country can grow without oil and what that would mean.',
        {"Tom Berg": M},
        [("We have brains.", "Tom Berg")]),
}

CASES = {**NOUN_OR_VERB, **FRAMING_VERBS, **THOUGHT_VERBS, **REPORTING_VERBS, **PASSIVE_REPORTS, **AFTER_THE_RUN}


@pytest.mark.parametrize("name", CASES)
def test_speech_verb_frames(name: str) -> None:
    text, actors, expected = CASES[name]
    got = attributions(text, actors)
    assert got == expected


def test_a_lead_in_in_the_quotations_own_sentence_beats_a_cue_in_the_next_sentence() -> None:
    got = [q.speaker for q in analyse('Superintendent Ann Yule said at a press conference: "The lives were '
                                      'threatened." Amnesty International has called for an inquiry.').quotes]
    assert got == ["Ann Yule"], got
