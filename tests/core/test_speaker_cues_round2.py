"""Speaker and quotation rules found on a held-out US-politics check, tested on made-up sentences with a
hand-made actor index: a source phrase yields to the clause's own speaker, an appositive missing its closing
comma, speech cues a framing verb or a "that" complement gives, mentions after a metalinguistic noun, and a
paragraph that names its own source not inheriting the speaker of the paragraph above."""

from __future__ import annotations

import pytest

from newsreader.analysis.quotes import find_quotes
from newsreader.analysis.text import tokenize

from .test_analysis_speakers import index_for

M = ("person", "m", ())
F = ("person", "f", ())
ORG = ("organisation", None, ())

CASES = {
    "a speech word after a speech verb is a noun (state television)": (
        'Minister Olga Petrova told state television: "We will respond."',
        {"Olga Petrova": F},
        [("We will respond.", "Olga Petrova")]),
    "a speech word after a preposition is a noun (on state media)": (
        'Minister Olga Petrova said on state media: "We will respond."',
        {"Olga Petrova": F},
        [("We will respond.", "Olga Petrova")]),
    "the latter in an absolute clause": (
        'The Aviation Board and the Coast Guard opened inquiries, with the latter confirming it was "not sending '
        'a team at this time."',
        {"Aviation Board": ORG, "Coast Guard": ORG},
        [("not sending a team at this time.", "Coast Guard")]),
    "the former and the latter across sentences": (
        'The Aviation Board and the Coast Guard opened inquiries. The former said the crash was "a tragedy", '
        'and the latter said it was "not sending a team."',
        {"Aviation Board": ORG, "Coast Guard": ORG},
        [("a tragedy", "Aviation Board"), ("not sending a team.", "Coast Guard")]),
    "the mother is the woman of the couple": (
        'Both parents, Dan Roe and Lisa Roe, were sentenced. The father said "I love my children." The mother '
        'said "I look forward to the day I can see them."',
        {"Dan Roe": M, "Lisa Roe": F},
        [("I love my children.", "Dan Roe"), ("I look forward to the day I can see them.", "Lisa Roe")]),
    "the federation is the organisation named before": (
        'Greg Kurt leads the Chess Union, a new federation. The federation said "Our rules follow FIDE."',
        {"Greg Kurt": M, "Chess Union": ORG},
        [("Our rules follow FIDE.", "Chess Union")]),
    "a place opening the clause of a speech participle is its subject": (
        'Bolton gave a different account of events, also speaking via Twitter: "I offered to resign."',
        {"Bolton": ("place", None, ()), "Twitter": ORG},
        [("I offered to resign.", "Bolton")]),
    "a place that modifies the next name is no subject": (
        'US Senator Ann Roe, speaking on Monday, said: "We will vote no."',
        {"US": ("place", None, ()), "Ann Roe": F},
        [("We will vote no.", "Ann Roe")]),
    "a run right after a possessive pronoun is the possessor's description": (
        'Toyland hosted a panel about its new toys. The company\'s upcoming helmet is their "number one requested '
        'hero helmet. This is the most labor-intensive helmet to date." Fans queued for hours.',
        {"Toyland": ORG},
        [("number one requested hero helmet. This is the most labor-intensive helmet to date.", "Toyland")]),
    "in her view: the possessor speaks when the clause names nobody": (
        'Economist Laura Chen is skeptical of the plan. In her view, the tax cut will "mostly help the wealthy".',
        {"Laura Chen": F},
        [("mostly help the wealthy", "Laura Chen")]),
    "a speech word as a possessor is no verb (the report's author)": (
        '"The numbers are alarming," the report\'s lead author, Dr Helen Park, told reporters.',
        {"Helen Park": F},
        [("The numbers are alarming,", "Helen Park")]),
    "an upper-case WHO is a name, not a relative pronoun": (
        'The World Health Organization (WHO) warned that the virus was "spreading fast". WHO chief Ted Adhan '
        'said: "We must act now."',
        {"World Health Organization": ("organisation", None, ("WHO",)), "Ted Adhan": M},
        [("spreading fast", "World Health Organization"), ("We must act now.", "Ted Adhan")]),
    "according to an outlet, the clause subject claimed": (
        'The singer was busy in May. According to his biographer Ann Lee, Tom Verity claimed to speak with the '
        'mayor "almost every week."',
        {"Tom Verity": M, "Ann Lee": F},
        [("almost every week.", "Tom Verity")]),
    "according to an outlet, an unknown name claimed": (
        'According to the Daily Ledger, Verity claimed to speak with the mayor "almost every week."',
        {"Daily Ledger": ORG},
        [("almost every week.", None)]),
    "according to an outlet with no clause speaker": (
        'According to the Daily Ledger, the plan was "dead on arrival."',
        {"Daily Ledger": ORG},
        [("dead on arrival.", "Daily Ledger")]),
    "comments in an outlet are the subject's": (
        'Party chairman Ned Olsen sets out this view in Harbor Gazette comments: "We will never accept the '
        'new map."',
        {"Ned Olsen": M, "Harbor Gazette": ORG},
        [("We will never accept the new map.", "Ned Olsen")]),
    "appositive without its closing comma": (
        'Critics were unimpressed. Maria Lund, Dean of Westfield College of Law called it "a very weak '
        'argument."',
        {"Maria Lund": F, "Westfield College": ORG},
        [("a very weak argument.", "Maria Lund")]),
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
    "the description is a mention": (
        'Lee Park said the fees were fair. The filings use the description "consulting work" or leave it '
        'blank.',
        {"Lee Park": M},
        []),
    "the amendment phrase is a mention": (
        'Lee Park says the 14th Amendment phrase "subject to" referred to something else.',
        {"Lee Park": M},
        []),
    "a paragraph naming its own source keeps no carried speaker": (
        'Writing on his blog, Sam Hale called the feud "the longest fight on the web."\n\n'
        '"A new obsession is taking hold on the internet, an insurgency against the club." Anonymous blogger, '
        'March 3',
        {"Sam Hale": M},
        [("the longest fight on the web.", "Sam Hale"),
         ("A new obsession is taking hold on the internet, an insurgency against the club.", None)]),
    "appositive without its closing comma over a mis-kinded name": (
        'Maria Lund, Dean of Westfield School of Law called it "a very weak argument."',
        {"Maria Lund": F, "Westfield School": M},
        [("a very weak argument.", "Maria Lund")]),
    "a name right before the verb is no unclosed appositive": (
        'In the end Rita Moss, Senator Tom Hale said he was "not convinced."',
        {"Rita Moss": F, "Tom Hale": M},
        [("not convinced.", "Tom Hale")]),
    "a participle opener holding a name": (
        'Differing slightly in a Ledger essay, Professor Ian Cole of Bay University School of Law writes that the rule '
        'requires parents to be subject to "complete jurisdiction" rather than "partial jurisdiction".',
        {"Ledger": M, "Ian Cole": M, "Bay University School": ORG},
        [("complete jurisdiction", "Ian Cole"), ("partial jurisdiction", "Ian Cole")]),
    "an organisation modifying a role before the name": (
        'The Harbor Party (HP) met on Monday. HP chairman Ned Olsen sets out this view in Gazette comments: '
        '"We will never accept the new map."',
        {"Harbor Party": ("organisation", None, ("HP",)), "Ned Olsen": M, "Gazette": ORG},
        [("We will never accept the new map.", "Ned Olsen")]),
    "a statement from someone, issued by another": (
        'King Aran Vell spoke on Friday. The palace issued the following statement from the king: "She keeps '
        'her status as a member of the dynasty."',
        {"King Aran Vell": M},
        [("She keeps her status as a member of the dynasty.", "King Aran Vell")]),
    "a statement from a role nobody was introduced with": (
        'Princess Ana Vell filed on Monday. The palace issued the following statement from the king: "She '
        'keeps her status as a member of the dynasty."',
        {"Ana Vell": F},
        [("She keeps her status as a member of the dynasty.", None)]),
    "an unclosed appositive ending on a (mis-kinded) name inside its of-phrase": (
        'Critics were unimpressed. Chris Dale, the chief officer of Hat Corp called it "a very weak argument."',
        {"Chris Dale": M, "Hat Corp": M},
        [("a very weak argument.", "Chris Dale")]),
    "a first-person quotation after a sentence about its speaker": (
        'Actress Dana Holt spoke on Sunday.\n\nUnderwhelmed by her role, she left the show after a year. "This is '
        'not what I wanted to act for. I asked them for fake legs" to put at her post. "You could just stick '
        'my legs there."',
        {"Dana Holt": F},
        [("This is not what I wanted to act for. I asked them for fake legs", "Dana Holt"),
         ("You could just stick my legs there.", "Dana Holt")]),
    "a quotation in the third person after such a sentence stays unattributed": (
        'Unhappy with her role, Dana Holt left the show after a year. "The show was a big hit." ',
        {"Dana Holt": F},
        [("The show was a big hit.", None)]),
    "a parenthetical list of works before the verb": (
        'Comic artist Jenn Rowe (Nancy Drew, Jem and the Misfits) told of being forced to rethink her life: '
        '"In my first stint, I did not get any work."',
        {"Jenn Rowe": F, "Nancy Drew": F},
        [("In my first stint, I did not get any work.", "Jenn Rowe")]),
    "the Department issued a statement": (
        'The Nevada Department of Prisons (NDP) did not name him. The Department issued a statement that an '
        'inmate had been hurt: "There was an assault on an inmate on Friday."',
        {"Nevada Department of Prisons": ("organisation", None, ("NDP",))},
        [("There was an assault on an inmate on Friday.", "Nevada Department of Prisons")]),
    "a thought verb without that is no cue for a short run": (
        'The party stands for small government and cutting "red tape" - what law do you think needs changing?',
        {},
        []),
    "a thought verb with that is": (
        'Senator Ruth Calder thinks that the plan is "a disaster" for farmers.',
        {"Ruth Calder": F},
        [("a disaster", "Ruth Calder")]),
    "discussing a short quotation": (
        'During the visit, Senator Ruth Calder delivered a talk on housing, discussing the "original sin" of '
        'zoning.',
        {"Ruth Calder": F},
        [("original sin", "Ruth Calder")]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_round2_case(name: str) -> None:
    text, actors, expected = CASES[name]
    got = [(q.text, q.speaker) for q in find_quotes(tokenize(text), index_for(text, actors))]
    assert got == expected
