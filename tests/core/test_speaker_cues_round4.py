"""Speaker and quotation rules found on the seen held-out sets of round 4, tested on made-up sentences with a
hand-made actor index."""

from __future__ import annotations

import pytest

from newsreader.analysis.quotes import find_quotes
from newsreader.analysis.text import tokenize

from .test_analysis_speakers import index_for

M = ("person", "m", ())
F = ("person", "f", ())
ORG = ("organisation", None, ())

CASES = {
    "read the statement: the organisation that released it, named only in the first sentence": (
        'On Friday, the Joint Rescue Command released a statement saying the search had ended.\n\n'
        'A spokesperson told reporters the boat sank at noon. "All crew members are safe;" read the statement; '
        '"we thank the fishermen who helped."',
        {"Joint Rescue Command": ORG},
        [("All crew members are safe;", "Joint Rescue Command"),
         ("we thank the fishermen who helped.", "Joint Rescue Command")]),
    "said the statement, with the verb first": (
        'The Harbour Authority issued a statement on Monday. "The port stays open," said the statement.',
        {"Harbour Authority": ORG},
        [("The port stays open,", "Harbour Authority")]),
    "a statement nobody was said to issue stays unnamed": (
        'Rain fell all day. "The port stays open," said the statement.',
        {},
        [("The port stays open,", None)]),
    "a thought quoted after a comma in an interview answer is the answerer's": (
        'Ann Roe spoke to the paper.\n\n((WN)) Anything else?\n\n((Ann Roe)) While talking, I was thinking, '
        '"oh, I should have said more about the grant", but I forgot.',
        {"Ann Roe": F},
        [("oh, I should have said more about the grant", "Ann Roe")]),
    "a thought verb with an object before the quotation is no cue": (
        'Ann Roe thought about the "open questions" for a while.',
        {"Ann Roe": F},
        []),
    "a modal between the subject and the speech verb": (
        'Ann Roe spoke to the paper.\n\n((WN)) How does it work?\n\n((Ann Roe)) When the scan is on screen, I '
        'can tell you "now try to move that region" and you try.',
        {"Ann Roe": F},
        [("now try to move that region", "Ann Roe")]),
    "a participle after the object of a preposition is the clause subject's": (
        'Mara Jensen grew up in Oslo. Having won three titles as a junior player, she decided not to play for the '
        'Chess Union saying "it was not a good fit" for her.',
        {"Mara Jensen": F, "Chess Union": ORG},
        [("it was not a good fit", "Mara Jensen")]),
    "a participle after the object of a preposition, no phrase before the subject": (
        'Mara Jensen grew up in Oslo. She decided not to play for the Chess Union saying "it was not a good fit".',
        {"Mara Jensen": F, "Chess Union": ORG},
        [("it was not a good fit", "Mara Jensen")]),
    "a participle after a name in an absolute construction is the name's": (
        'The bill passed, with Senator Ann Roe calling it "a disgrace" and Tom Berg of Ohio calling it "a win".',
        {"Ann Roe": F, "Tom Berg": M, "Ohio": ("place", None, ())},
        [("a disgrace", "Ann Roe"), ("a win", "Tom Berg")]),
    "a list of three quoted terms is no speech": (
        'Candidate Tom Berg professed himself "deeply worried" about the economy and endorsed using "health", '
        '"wealth", and "peace" as the measure of success.',
        {"Tom Berg": M},
        [("deeply worried", "Tom Berg")]),
    "a list of quoted rules in an interview answer": (
        'Ann Roe spoke to the paper.\n\n((WN)) What were the rules?\n\n((Ann Roe)) Oh, the classic "no phones", '
        '"no music", "no talking after ten", which we all broke anyway.',
        {"Ann Roe": F},
        []),
    "two coordinated quoted words stay quotations": (
        'Senator Ann Roe called the plan "reckless" and "cruel".',
        {"Ann Roe": F},
        [("reckless", "Ann Roe"), ("cruel", "Ann Roe")]),
    "quoted sentences in a row are speech, not a list": (
        'Ann Roe was blunt: "We lost." "We will win." "We will be back."',
        {"Ann Roe": F},
        [("We lost.", "Ann Roe"), ("We will win.", "Ann Roe"), ("We will be back.", "Ann Roe")]),
    "the latter with a time word before its participle": (
        'Inquiries were opened by the Aviation Board and the Coast Guard, with the latter yesterday confirming on '
        'its website it was "not sending a team at this time."',
        {"Aviation Board": ORG, "Coast Guard": ORG},
        [("not sending a team at this time.", "Coast Guard")]),
    "an auxiliary before an -ing verb still makes it finite": (
        'Ann Roe met the press. She was also saying "we will appeal" to everyone.',
        {"Ann Roe": F},
        [("we will appeal", "Ann Roe")]),
    "an age and a relative clause between the name and the verb": (
        'Tom Berg, 54, who saw the crash from his porch, said "it was terrible."',
        {"Tom Berg": M},
        [("it was terrible.", "Tom Berg")]),
    "short quoted terms in an interview answer are mentions, even with a cue near": (
        'Ann Roe spoke to the paper.\n\n((WN)) How is the site paid for?\n\n((Ann Roe)) I get donations or "tips" '
        'as I like to call them. I always believed that if you are a "social animal", you share.',
        {"Ann Roe": F},
        []),
    "a short run right after a strong speech verb in an answer is what was said": (
        'Ann Roe spoke to the paper.\n\n((WN)) Were you a bossy child?\n\n((Ann Roe)) My mother, she said, '
        '"boss people around" — at two years old.',
        {"Ann Roe": F},
        [("boss people around", None)]),
    "a warning never mentioned before is the organisation that warned": (
        'The Coastal Storm Agency warned residents on Tuesday. "Expect flooding in low areas," read the warning.',
        {"Coastal Storm Agency": ORG},
        [("Expect flooding in low areas,", "Coastal Storm Agency")]),
    "the announcement is the organisation that announced": (
        'Codehub announced new rules on Monday. The announcement said claims would be treated as a "top '
        'priority".',
        {"Codehub": ORG},
        [("top priority", "Codehub")]),
    "a statement after a person spoke last is nobody's": (
        'The Coastal Storm Agency closed the port. Mayor Ann Roe said she was worried. "Stay home," read the '
        'statement.',
        {"Coastal Storm Agency": ORG, "Ann Roe": F},
        [("Stay home,", None)]),
    "remembered as: a characterisation in someone's words": (
        'Nobel laureate Peter Hansen died on Monday. Colleagues remembered him as "a generous mentor."',
        {"Peter Hansen": M},
        [("a generous mentor.", None)]),
    "the institution's professor is the professor named before": (
        '"Warm water is cutting the ice," said study co-author Karen Alley of Linden College. The Linden '
        'professor added, "These effects matter."',
        {"Karen Alley": F, "Linden College": ("organisation", None, ("Linden",))},
        [("Warm water is cutting the ice,", "Karen Alley"), ("These effects matter.", "Karen Alley")]),
    "a spokesman of a named institution speaks for it, not for a person named before": (
        'Ann Roe met Tom Berg at the Harbour Office. "No deal was made," the Harbour Office spokesman said.',
        {"Ann Roe": F, "Tom Berg": M, "Harbour Office": ORG},
        [("No deal was made,", "Harbour Office")]),
    "a person's name before a role makes the role someone else's": (
        'Tom Berg was charged on Monday. "He is innocent," the Berg lawyer said.',
        {"Tom Berg": ("person", "m", ("Berg",))},
        [("He is innocent,", None)]),
    "he continues the subject of the second clause after 'while'": (
        'President Tom Berg said the fire was "a tragedy" while Interior Minister Dan Roe wrote he had ordered '
        'checks. He tweeted, "My thoughts are with the families."',
        {"Tom Berg": M, "Dan Roe": M},
        [("a tragedy", "Tom Berg"), ("My thoughts are with the families.", "Dan Roe")]),
    "he continues the first subject when the second is in a relative clause": (
        'Tom Berg agreed to a deal in which Dan Roe became prime minister. "It is a good day," he said.',
        {"Tom Berg": M, "Dan Roe": M},
        [("It is a good day,", "Tom Berg")]),
    "a first-person quotation paragraph continues the subject of the paragraph above": (
        'Coach Tom Berg was furious after the match.\n\n"The referee made two bad calls. We deserved better."',
        {"Tom Berg": M},
        [("The referee made two bad calls. We deserved better.", "Tom Berg")]),
    "without the first person it names nobody": (
        'Coach Tom Berg was furious after the match.\n\n"The referee made two bad calls."',
        {"Tom Berg": M},
        [("The referee made two bad calls.", None)]),
    "an object of the sentence above is no speaker": (
        'Police arrested Tom Berg on Monday.\n\n"We are all shocked by this."',
        {"Tom Berg": M},
        [("We are all shocked by this.", None)]),
    "a sentence opening on its speech verb ('Remarked X,') is no participle phrase": (
        'Remarked Ocean Trust scientist Tierra Moss, "This reprieve is a thank-you from the butterflies."',
        {"Remarked Ocean Trust": ORG, "Tierra Moss": F},
        [("This reprieve is a thank-you from the butterflies.", "Tierra Moss")]),
    "a participle phrase after a preposition between the name and the verb": (
        'Assembly president Ann Roe in relaying the news to parliament said, "He is part of our history".',
        {"Ann Roe": F},
        [("He is part of our history", "Ann Roe")]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_round4_case(name: str) -> None:
    text, actors, expected = CASES[name]
    got = [(q.text, q.speaker) for q in find_quotes(tokenize(text), index_for(text, actors))]
    assert got == expected
