"""From the words of a speech frame to an actor: names, pronouns, role nouns and appositives.

The frames find *where* the speaker is named (the subject of a speech verb, the phrase after "according
to"); this module decides *who* those words point at, using only the actor index:
- a name is the actor whose mention ends where the subject phrase ends (its head), or the person that
  opens the phrase before "of"/"from"/"at" ("X of the University of Y");
- an appositive ("Ken Hu – Huawei's chairman – said") is skipped to reach the head name;
- "he"/"she" is the subject of the nearest earlier sentence that names a person of that gender (nobody
  named when that subject is a common noun: "One of the victims … She said"); "they"/"it" an organisation
  that is a subject in their own or the previous sentence;
- "the company" is the latest organisation (one whose name holds the word first: "the three-judge court"
  -> Court of Session), "the president" the person introduced with that title, "the ruling" the court;
  "the company's chief executive" is someone unnamed;
- "the statement said", "X's letter read" and "a report published by X said" name a document's issuer
  (`speaker_documents`);
- "the Clinton campaign", "a Dunmore press release" and "a Pentagon spokesman" (the organisation's voice)
  speak for the name; "a White House official" and "a source within the Ministry" are someone unnamed;
  "the senator from Texas" is the senator, never Texas;
- a short form the actor pass left unlinked ("Ford" for Ford Motor Company) is the actor it shortens.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections.abc import Sequence

from ..lexicon import lexicon, rule_words
from ..model import Actor
from ..text import WORD_RE
from . import speaker_documents as docs  # (the two modules call each other, at run time only)
from .speaker_context import (
    APOSTROPHES,
    PRONOUN_REACH,
    Hit,
    Span,
    SpeakerContext,
    Word,
)
from .speech_data import mapping, mapping_lists, words

TITLE_REACH = 20000  # how far back "the president" may find the person introduced with that title
MAX_TITLE_WORDS = 6  # words of a title or an introductory phrase before a subject name
MAX_DESCRIPTION_WORDS = 10  # "The then-manager of X and director of Y, David Clay,": a description's length
MAX_ROLE_MODIFIERS = 2  # lower-case words between "the" and a role noun ("the three-judge court")
MAX_HEAD_WORDS = 4  # "Two senior officials from the agency": a noun phrase that a prepositional phrase completes
APPOSITIVE_DELIMS = ",\u2013\u2014()"
PERSON_KINDS = ("person",)
ORG_KINDS = ("organisation",)
SPEAKING_KINDS = ("person", "organisation")
DEF_ROLE_ORG = words("definite_org_roles")
DEF_ROLE_PERSON = words("definite_person_roles")
NAMED_ORG_ROLES = words("named_org_roles")
STATEMENT_NOUNS = words("statement_nouns_possessed")
POST_NOMINALS = frozenset(w.rstrip(".") for w in rule_words("actors_post_nominals"))  # shared with the actor pass


def resolve_pronoun(ctx: SpeakerContext, pron: str, pos: int) -> Actor | None:
    """he/she: the topic of the nearest earlier sentence (`sentence_topic`), else the latest person of that
    gender, but never the person answering in an interview turn (who is "I" there: her "she" is someone
    else, unnamed when no one else fits); they/it: the organisation the pronoun's own or the previous
    sentence has as a subject (`organisation_topic`), else nobody: a "they" further from any organisation
    is a group of people ("The authors say … They call for"), or anyone ("the answer they give")."""
    g = mapping("pronoun_gender").get(pron)
    if g in ("m", "f"):
        pos = _sentence_subject_pronoun(ctx, pron, pos)
        if _continues_unnamed_subject(ctx, pos):
            return None
        a = sentence_topic(ctx, pos, g) or ctx.nearest(pos, PERSON_KINDS, g) or listed_against(ctx, pos)
        return None if a is not None and a is ctx.turn(pos).speaker else a
    if g == "n":
        return organisation_topic(ctx, pos, IT_REACH) or docs.statement_it(ctx, pos)
    if g == "p":
        return organisation_topic(ctx, pos, THEY_REACH)
    return None


MAX_PRONOUN_CHAIN = 6  # "There was a woman. She … She … she said": sentences a pronoun chain is followed back


def _continues_unnamed_subject(ctx: SpeakerContext, pos: int) -> bool:
    """'One of the victims decided to speak. She said …', 'There was a woman, a fan. She came up to me. With
    tears in her eyes she said …': a "he"/"she" opening its clause continues the subject of the sentence
    before (through sentences opening with the same pronoun), and when that subject is a common noun phrase
    (`_unnamed_phrase`: a determiner, "one of" or "there was", in a sentence naming no person, no role
    that stands for a named person) the pronoun's person is unnamed too."""
    first = ctx.words(pos, pos + 4)[:1]
    pron = first[0][2].lower() if first else ""
    aside = False
    for _ in range(MAX_PRONOUN_CHAIN):
        ss = ctx.sentence_start(pos)
        if ss == 0 or not (aside or _opens_clause(ctx, ss, pos)):
            return False
        k = ctx.end_before(ss)
        ps = ctx.sentence_start(k)
        ws = ctx.words(_after_intro_phrase(ctx, ps, k), k)
        aside = False
        if len(ws) >= 2 and ws[0][2].lower() == pron:
            pos = ws[0][0]  # "She handed me a shirt.": the chain goes on
            continue
        if _unnamed_phrase(ctx, ws):
            return True
        aside = _chain_aside(ctx, ps, k, pron)
        if not aside:
            return False
        pos = ws[0][0] if ws else ps
    return False


def _chain_aside(ctx: SpeakerContext, s: int, e: int, pron: str) -> bool:
    """'There was a woman. She was upset. By then we had won. Last year she came up to me. … she said': a
    sentence that names no person, holds no quotation and no gendered pronoun of the other gender (its own
    "she" may stand anywhere) leaves the pronoun chain unbroken: it is about someone else or no one."""
    gender = mapping("gendered_pronouns").get(pron)
    if gender is None or any(a.kind == "person" for _s, _e, a in ctx.spans_in(s, e)) \
            or bisect_left(ctx.quote_starts, e) > bisect_left(ctx.quote_starts, s):
        return False
    return all(mapping("gendered_pronouns").get(w[2].lower(), gender) == gender for w in ctx.words(s, e))


def _opens_clause(ctx: SpeakerContext, ss: int, pos: int) -> bool:
    """The word at `pos` opens its sentence's main clause: only an introductory phrase stands before it
    ("In March, she", "With tears in her eyes she"), no quotation ('"…," she said') and no name."""
    first = ctx.words(_after_intro_phrase(ctx, ss, pos + 1), pos + 1)[:1]
    if not first or bisect_left(ctx.quote_starts, pos) > bisect_left(ctx.quote_starts, ss) or ctx.spans_in(ss, pos):
        return False
    return first[0][0] == pos or first[0][2].lower() in words("intro_prepositions")


def _unnamed_phrase(ctx: SpeakerContext, ws: list[Word]) -> bool:
    """The clause `ws` opens with a singular common noun phrase ("One of the victims", "The head of the
    investigators", "There was a woman"; not "The producers") and names no person anywhere ("The former
    minister of state for health Carl Mott said" is Mott, however long the description before him)."""
    if len(ws) < 3 or ws[0][2].lower() not in words("unnamed_subject_openers") or not ws[1][2][:1].islower():
        return False
    if ws[0][2].lower() in words("determiners") and ws[1][2].endswith("s") and not ws[1][2].endswith("ss"):
        return False  # a plural subject is a "they"
    if ctx.inside_quote(ws[0][0]) or any(a.kind == "person" and not ctx.inside_quote(st)
                                         for st, _e, a in ctx.spans_in(ws[0][0], ws[-1][1])):
        return False
    return role_subject(ctx, ws[:2]) is None


IT_REACH = 2  # sentences back an "it" may continue an organisation ('Acme … Shares rose 5%. It said')
THEY_REACH = 1  # "they" further from its organisation is mostly people ('… Analysts were surprised. They said')


def organisation_topic(ctx: SpeakerContext, pos: int, reach: int = THEY_REACH) -> Actor | None:
    """'The Safety Board criticised Acme Corporation. It said …' -> the Safety Board: "it"/"they" continue
    the first organisation of the nearest sentence that has one as a subject, not one after a preposition
    ("was criticised by the Safety Board", "according to Reuters") or modifying another name, as "he"
    continues a person (`sentence_topic`); that sentence is the pronoun's own or one of the `reach` before
    it."""
    best: tuple[int, Actor] | None = None
    lo_sent = ctx.sentence_of(pos) - reach
    for s, e, a in reversed(ctx.spans_in(max(0, pos - PRONOUN_REACH), pos)):
        # (the mentions come latest first, so their sentences never grow: past the reach, or past the sentence
        # of the one found, no later fit could change the answer, and the rules need not be asked of them)
        sent = ctx.sentence_of(s)
        if sent < lo_sent or (best is not None and sent != best[0]):
            break
        governed = a.kind == "place" and governed_place(ctx, s)
        if (a.kind != "organisation" and not governed) or ctx.inside_quote(s) or ctx.premodifier(e) \
                or (ctx.prepositional(s) and not governed) or _after_source_phrase(ctx, s):
            continue
        best = (sent, a)
    return best[1] if best else None


def governed_place(ctx: SpeakerContext, s: int) -> bool:
    """The place mention at `s` completes "the government of" ("The government of Samoa rejected …"): the
    country acting through its government, which "it"/"they" may continue like an organisation."""
    before = ctx.words(max(0, s - 30), s)[-3:]
    return len(before) >= 2 and before[-1][2].lower() == "of" and before[-2][2].lower() in words("government_nouns") \
        and (len(before) < 3 or before[-3][2].lower() in words("determiners") or before[-3][1] < ctx.sentence_start(s))


def _after_source_phrase(ctx: SpeakerContext, s: int) -> bool:
    """The mention at `s` follows "according to": a source, not a subject."""
    before = ctx.words(max(0, s - 16), s)
    return len(before) >= 2 and before[-2][2].lower() == "according" and before[-1][2].lower() == "to"


def _sentence_subject_pronoun(ctx: SpeakerContext, pron: str, pos: int) -> int:
    """'He said Zelensky is "…"; however, "…", he added.': a later "he" in a sentence whose subject is
    "he" is that subject, so it resolves from the sentence's start, past the names inside the sentence."""
    ws = ctx.words(ctx.sentence_start(pos), pos)
    return ws[0][0] if ws and ws[0][0] < pos and ws[0][2].lower() == pron else pos


def sentence_topic(ctx: SpeakerContext, pos: int, gender: str | None) -> Actor | None:
    """The person a "he"/"she" at `pos` continues (a name the article's pronouns show to be one counts:
    `SpeakerContext.personal`): going back sentence by sentence, the first person of
    the nearest sentence that has one as its subject (not the object of a preposition, nor a modifier of
    another name: "Clinton campaign chairman John Podesta", nor the possessor of a person named beside:
    "Lopez's coach, Ann Roe,", nor inside a fronted subordinate clause: "After Tom Berg resigned, Carl Mott
    took over"), of that gender;
    within a sentence a known gender beats an unknown one and the first subject a later one ("Mugabe agreed to
    a deal in which Tsvangirai became prime minister. "…," he declared." -> Mugabe), unless the later one
    opens a clause of its own after "while" or "but" (`_opens_linked_clause`): of its gender, or of none
    known when no earlier subject of the sentence has the pronoun's gender ('Duda said … while Minister
    Xqeb Roe wrote …. He tweeted' -> Roe, whose forename no list knows)."""
    best: tuple[int, Actor] | None = None  # (sentence, actor) of the earliest fit in the latest sentence
    best_known = False
    linked: str | None = None  # the best one opens a linked clause: of the pronoun's gender ("known"), or of none
    for s, e, a in reversed(ctx.spans_in(max(0, pos - PRONOUN_REACH), pos)):
        # (the mentions come latest first, so their sentences never grow: past the sentence of the one found,
        # no later fit could change the answer, and the rules need not be asked of them; the cheap gender
        # look-up before the rules that read the words around the mention)
        sent = ctx.sentence_of(s)
        if best is not None and sent != best[0]:
            break
        g = ctx.gender(a)
        if gender and g not in (None, gender) or not ctx.personal(a) or ctx.inside_quote(s) \
                or ctx.prepositional(s) and not passive_agent(ctx, s) or ctx.premodifier(e) or ctx.group(a) \
                or _in_fronted_clause(ctx, s) or _possessor_of_named(ctx, e) or _after_place_preposition(ctx, s):
            continue
        known = g == gender if gender else True  # (of either gender: every person fits alike)
        if best is None or (linked is None and (known or not best_known)) or (linked == "none" and known):
            best, best_known = (sent, a), best_known or known
            linked = ("known" if known else "none") if _opens_linked_clause(ctx, s) else None
    return best[1] if best else None


PASSIVE_AGENT_REACH = 3  # "was spelt out by", "was also announced by": words between the auxiliary and "by"


def passive_agent(ctx: SpeakerContext, s: int) -> bool:
    """'The position was spelt out by spokesman Raanan Gissin. "…," he said.': the agent after "by" of a
    passive clause ("was" or another form of "be", then a verb and at most a particle or an adverb, then
    "by", then any title) is the clause's logical subject, so a later "he" or "she" may continue it, as the
    subject of an active clause would; unless a pronoun is the passive's subject ("In between, she was
    attacked by Reed"): the pronoun is the topic there, and the agent an object like any other."""
    ws = ctx.words(ctx.sentence_start(s), s)
    k = len(ws)
    while k and (ws[k - 1][2].lower() in ctx.role_words or (ws[k - 1][2],) in ctx.titles
                 or ws[k - 1][2].lower() in words("determiners")):
        k -= 1  # (the title before the name: "by spokesman", "by the Foreign Minister")
    if k < 3 or ws[k - 1][2] != "by":
        return False
    between = ws[max(0, k - 2 - PASSIVE_AGENT_REACH):k - 1]
    aux = [i for i, w in enumerate(between) if w[2].lower() in words("passive_auxiliaries")]
    if not aux:
        return False
    at = k - 1 - len(between) + aux[-1]  # (the auxiliary's index in `ws`; the passive's subject is before it)
    if at and _personal_pronoun(ws[at - 1][2]):
        return False
    verb = between[aux[-1] + 1:]
    return bool(verb) and all(w[2].isalpha() and w[2].islower() and w[2] not in words("determiners") for w in verb) \
        and "," not in ctx.text[verb[0][0]:ws[k - 1][0]]


def _personal_pronoun(w: str) -> bool:
    """A subject pronoun of a person or a group ("she", "they", "we")."""
    return w.lower() in words("subject_pronouns") or w.lower() in words("first_person_pronouns")


def _after_place_preposition(ctx: SpeakerContext, s: int) -> bool:
    """'Caufield was cast as a guest on Buffy the Vampire Slayer': a name right after "on", "at", "in" or
    "into" is where something happens or a work it names, never the subject a later "she" continues."""
    prev = ctx.words(max(0, s - 12), s)[-1:]
    return bool(prev) and prev[0][2] in words("setting_prepositions") and not ctx.text[prev[0][1]:s].strip()


MAX_POSSESSED_WORDS = 3  # "Lopez's former tennis coach, Ann Roe": the noun phrase a possessor opens


def _possessor_of_named(ctx: SpeakerContext, e: int) -> bool:
    """The mention ending at `e` is a possessor whose noun is a person named right after it in commas
    ("Lopez's coach, Ann Roe, watched"): that person heads the phrase, not the possessor (whose own noun
    may be no person: "Fraser's appearance was …" keeps Fraser as the topic)."""
    if ctx.text[e:e + 1] not in APOSTROPHES:
        return False
    comma = ctx.text.find(",", e, e + 60)
    ws = ctx.words(e, comma) if comma > 0 else []
    if not ws or len(ws) > MAX_POSSESSED_WORDS + 1 or not all(w[2].islower() for w in ws[1:]):
        return False
    nxt = ctx.spans_in(comma, comma + 40)[:1]
    return bool(nxt) and nxt[0][2].kind == "person" and not ctx.text[comma + 1:nxt[0][0]].strip()


def listed_against(ctx: SpeakerContext, pos: int) -> Actor | None:
    """'Political scientist Ma Ngok said … He noted, "…"': when no person of the pronoun's gender (or of
    none known) is in reach, the pronoun itself is the article's evidence against a gender that only the
    forename list gave (it reads the first word, the family name in "Ma Ngok"): the first person subject
    of the pronoun's sentence or the one before, if that list alone gendered it, is who it continues."""
    k = ctx.end_before(ctx.sentence_start(pos))  # (back over a blank line to the sentence before's mark)
    for s, e, a in ctx.spans_in(ctx.sentence_start(k) if k > 0 else 0, pos):
        if a.kind == "person" and not ctx.inside_quote(s) and not ctx.prepositional(s) and not ctx.premodifier(e) \
                and not ctx.group(a):
            return a if ctx.listed_gender(a) else None
    return None


def _in_fronted_clause(ctx: SpeakerContext, s: int) -> bool:
    """'After Tom Berg resigned, Carl Mott took over.': a mention inside a subordinate clause that opens its
    sentence (a subordinator first, no comma yet before the mention) is not the sentence's subject."""
    ss = ctx.sentence_start(s)
    first = ctx.words(ss, s)[:1]
    return bool(first) and first[0][2].lower() in words("fronted_subordinators") and "," not in ctx.text[ss:s]


def _opens_linked_clause(ctx: SpeakerContext, s: int) -> bool:
    """'Duda said … while Interior Minister Joachim Brudziński wrote …': a subject right after a contrastive
    clause link (titles between) opens the sentence's last clause, and a "he" after the sentence continues
    it rather than the first clause's subject."""
    before = ctx.words(max(0, s - 60), s)
    while before and (before[-1][2][:1].isupper() or before[-1][2].lower() in ctx.role_words):
        before.pop()  # "Interior Minister"
    return bool(before) and before[-1][2].lower() in words("contrastive_links")


def pronoun_hit(ctx: SpeakerContext, w: Word) -> Hit:
    return resolve_pronoun(ctx, w[2].lower(), w[0]), (w[0], w[1])


def role_subject(ctx: SpeakerContext, subj: list[Word]) -> Hit | None:
    """"the company said" -> the latest organisation; "the president said" -> the latest person (of the
    role's gender: "the mother said" is a woman); "the ruling said" -> the court whose name holds the role
    word of its issuer.

    Lower-case modifiers may stand between "the" and the role noun ("the three-judge court"); an
    organisation whose own name holds the role word ("Court of Session" for "the court") beats a nearer one.
    A noun that news uses for unnamed sources ("the official", "the aide") stands for a person only when
    that person was introduced with it ("official Jan Roe"); otherwise the speaker stays unnamed rather
    than falling to whoever was named last. An age noun ("the 24-year-old") is the latest person named
    as a subject.
    """
    det = _role_determiner(ctx, subj)
    if det is None or _names_more(ctx, subj[-1]):
        return None
    if any(ctx.text[w[1]:w[1] + 1] in APOSTROPHES for w in subj[det:-1]):
        return None  # "the company's chief executive": someone of the possessor's, unnamed
    ll = subj[-1][2].lower()
    span = (subj[det][0], subj[-1][1])
    a = _organisation_in_role(ctx, ll, subj[-1][0])
    if a:
        return a, span
    issuer = mapping("issued_by_role").get(ll)  # "the ruling said" -> the court named before
    if issuer:
        a = org_named_by_role(ctx, issuer, subj[-1][0])
        return (a, span) if a else None
    if ll in words("anonymous_role_nouns"):
        # "the official said": only an official named as one; "the spokesperson": the one named before
        a = titled_person(ctx, ll, subj[-1][0]) or _spokesperson_named_before(ctx, ll, subj[det][0])
        return (a, span) if a else None
    if _age_word(ll):
        a = ctx.nearest(subj[-1][0], PERSON_KINDS, skip_objects=True)  # "the 24-year-old said"
        return (a, span) if a else None
    if _nationality_epithet(subj[-1][2]):  # "the Australian said": the person the sentences before are about
        a = sentence_topic(ctx, subj[det][0], "f" if ll.endswith("woman") else "m" if ll.endswith("man") else None)
        return (a, span) if a else None
    if ll in DEF_ROLE_PERSON or ll in ctx.role_words or (ll.capitalize(),) in ctx.titles:
        a = _person_in_role(ctx, subj, det)
        # ('((Carl Mott)) The manager came in and said …': the person answering is "I" there, never a role)
        return (a, span) if a and a is not ctx.turn(subj[-1][0]).speaker else None
    a = civic_body(ctx, ll, subj[-1][0]) or organisation_by_head_noun(ctx, subj[-1])
    return (a, span) if a else None


def civic_body(ctx: SpeakerContext, role: str, pos: int) -> Actor | None:
    """'The request was made by the Municipality of Livorno. … The city reasoned, "…"': "the city", "the
    town", "the county" as a speaker is the local government named before: an organisation whose name holds
    one of the role's words (`civic_roles`: "city" also a "Municipality") and marks a civic body (a council,
    a municipality, "City of …"), the one named most often, then the latest; a club or a firm whose name
    holds "City" ("Manchester City") is none, and without a civic body nobody named speaks."""
    names = mapping_lists("civic_roles").get(role)
    if not names:
        return None
    counts: dict[str, int] = {}
    best: Actor | None = None
    for s, _e, a in ctx.spans_in(max(0, pos - TITLE_REACH), pos):
        parts = [w.lower() for w in a.name.split()]
        if a.kind != "organisation" or ctx.inside_quote(s) or not set(parts) & names or not (
                set(parts) & words("civic_body_words") or (len(parts) > 2 and parts[1] == "of" and parts[0] in names)):
            continue
        counts[a.name] = counts.get(a.name, 0) + 1
        if best is None or counts[a.name] >= counts[best.name]:
            best = a
    return best


def _organisation_in_role(ctx: SpeakerContext, role: str, pos: int) -> Actor | None:
    """The organisation an organisation's role noun stands for: one whose own name holds the word ("the
    court" -> Court of Session), else the latest organisation ("the company"), except for roles that need
    their word ("the court ruled" with no court named is no other body's ruling). A collective noun ("the
    group", "the rights group", "the world body") with no organisation named by it continues the
    organisation that is the subject of its own or the sentences just before, as "it" would
    (`organisation_topic`): 'Amnesty International criticised the ruling. The rights group called it …';
    a group of people ("Five climbers were rescued. The group said") has no such subject and stays unnamed."""
    if role in words("collective_org_roles"):
        return org_named_by_role(ctx, role, pos) or _subject_organisation(ctx, pos)
    if role not in DEF_ROLE_ORG:
        return None
    return org_named_by_role(ctx, role, pos) or (None if role in NAMED_ORG_ROLES else ctx.nearest(pos, ORG_KINDS))


def _subject_organisation(ctx: SpeakerContext, pos: int) -> Actor | None:
    """The organisation that opens, as its subject, the sentence holding `pos` or one of the `IT_REACH`
    sentences before it, the nearest first ("Researchers at Acme University studied ants": no such subject)."""
    ss, e = ctx.sentence_start(pos), pos
    for _ in range(IT_REACH + 1):
        got = clause_subject(ctx, ss, e)
        if got is not None and got[0] is not None and got[1] is not None:
            before = ctx.words(_after_intro_phrase(ctx, ss, got[1][0]), got[1][0])
            plain = not any(w[2].lower() in words("prepositions") for w in before)  # not "Researchers at X"
            return got[0] if got[0].kind == "organisation" and plain else None
        e = ctx.end_before(ss)
        if e <= 0:
            return None
        ss = ctx.sentence_start(e)
    return None


def organisation_by_head_noun(ctx: SpeakerContext, w: Word) -> Actor | None:
    """'The Eastport Trust welcomed the ruling. "…," the trust added': a lower-case noun that is the last
    word, the head, of an organisation's name named before stands for that organisation, as "the company"
    does for any company (`org_named_by_role`'s choice among several); only the head: "the bank" is not
    the Bank of Eastport's Trust."""
    if not w[2].isalpha() or not w[2].islower() or w[2] in words("head_noun_stops") or w[2] in STATEMENT_NOUNS:
        return None  # ("the city said" is no Manchester City, "the post said" a post, not the Washington Post)
    cap = w[2].capitalize()
    counts: dict[str, int] = {}
    best: Actor | None = None
    for s, _e, a in ctx.spans_in(max(0, w[0] - TITLE_REACH), w[0]):
        if a.kind == "organisation" and not ctx.inside_quote(s) and a.name.split()[-1] == cap:
            counts[a.name] = counts.get(a.name, 0) + 1
            if best is None or counts[a.name] >= counts[best.name]:
                best = a
    return best


def _person_in_role(ctx: SpeakerContext, subj: list[Word], det: int) -> Actor | None:
    """"the president": the person introduced with that title (`titled_person`), else the latest person (of
    the role's gender: "the mother said" is a woman). A lower-case word that narrows the office ("the local
    health minister") must stand in that person's title too, and without such a person nobody named
    holds it: the "Civil Aviation Minister" named before is another minister."""
    ll = subj[-1][2].lower()
    narrowing = [w[2].lower() for w in subj[det + 1:-1]
                 if w[2].islower() and w[2] not in words("role_generic_modifiers") and not _age_word(w[2])]
    title = _capitalised_title(subj, det)
    ranks = _rank_words(narrowing)
    if ranks:  # "the vice president": the rank is part of the title ("Vice President Mike Pence")
        title, narrowing = " ".join(ranks + [title]), narrowing[:-len(ranks)]
    a = titled_person(ctx, title, subj[-1][0], narrowing)
    if a is not None or narrowing:
        return a
    return ctx.nearest(subj[-1][0], PERSON_KINDS, mapping("role_gender").get(ll))


def _nationality_epithet(w: str) -> bool:
    """"the Australian said", "the Englishman said": a capitalised nationality noun in the singular after
    "the" is an epithet of a person named before, as an age is ("the 24-year-old"); the plural is a people
    ("the Australians")."""
    return w[:1].isupper() and w in lexicon().nationalities and not w.endswith(("s", "men"))


def _age_word(w: str) -> bool:
    """"54-year-old" in "the 54-year-old mayor": an age describes the holder, it narrows no office."""
    return any(w.lower().endswith("-" + tail) for tail in words("age_noun_tails"))


def _rank_words(narrowing: list[str]) -> list[str]:
    """The rank words ending the modifiers of a role noun ("vice" in "the former vice president", "deputy
    chief" in "the deputy chief minister"): they make another office, named by the rank and the noun together."""
    i = len(narrowing)
    while i > 0 and narrowing[i - 1] in words("title_rank_modifiers"):
        i -= 1
    return narrowing[i:]


def _capitalised_title(subj: list[Word], det: int) -> str:
    """The role of "the Prime Minister" is the whole capitalised title; of "the former president", its noun."""
    title = subj[det + 1:]
    if len(title) > 1 and all(w[2][:1].isupper() for w in title):
        return " ".join(w[2].lower() for w in title)
    return subj[-1][2].lower()


def _role_determiner(ctx: SpeakerContext, subj: list[Word]) -> int | None:
    """Index of the "the" that opens the role phrase ending `subj`: right before the role noun, or before
    up to `MAX_ROLE_MODIFIERS` modifiers ("the three-judge court", "the Wooster professor"); a modifier
    that is itself a name makes the role someone else's ("the White House spokesman", "the Trump lawyer"),
    except an institution's name before a role that is no anonymous source ("the Wooster professor": the
    professor named before, who works there)."""
    role = subj[-1][2].lower()
    for i in range(len(subj) - 2, max(-1, len(subj) - 3 - MAX_ROLE_MODIFIERS), -1):
        w = subj[i][2]
        if w.lower() == "the":
            return i
        if w.lower() in words("role_modifier_stops") or (ctx.in_mention(subj[i][0]) and not _hyphen_adjective(w)
                                                             and not _institution_of_role(ctx, subj[i][0], role)):
            return None
    return None


def _hyphen_adjective(w: str) -> bool:
    """"London-based", "Texas-born": a name joined by a hyphen to a lower-case word is an adjective
    describing the role, not a name modifying it ("the London-based group" is the group named before)."""
    return "-" in w and w.rsplit("-", 1)[1].islower()


def _institution_of_role(ctx: SpeakerContext, pos: int, role: str) -> bool:
    """The name at `pos` is an organisation or place, and `role` a person's role that is no anonymous
    source or spokesperson noun ("professor", not "spokesman")."""
    here = [a for s, e, a in ctx.spans_in(max(0, pos - 60), pos + 1) if s <= pos < e]
    return bool(here) and here[-1].kind in ("organisation", "place") and role in DEF_ROLE_PERSON \
        and role not in words("anonymous_role_nouns") and role not in words("spokesperson_nouns") \
        and role not in words("member_nouns")


def org_named_by_role(ctx: SpeakerContext, role: str, pos: int) -> Actor | None:
    """The organisation whose own name holds the role word ("the court" -> Court of Session): of several,
    the one the text names most often before `pos` (the topic, not a court mentioned in passing), then the
    latest."""
    cap = role.capitalize()
    counts: dict[str, int] = {}
    best: Actor | None = None
    for s, _e, a in ctx.spans_in(max(0, pos - TITLE_REACH), pos):
        if a.kind == "organisation" and not ctx.inside_quote(s) and cap in a.name.split():
            counts[a.name] = counts.get(a.name, 0) + 1
            if best is None or counts[a.name] >= counts[best.name]:
                best = a
    return best


def _names_more(ctx: SpeakerContext, w: Word) -> bool:
    """A capitalised role word that a name continues is part of that name ("the Commission on Debates")."""
    if not w[2][:1].isupper():
        return False
    nxt = WORD_RE.findall(ctx.text[w[1]:w[1] + 40])[:2]
    return bool(nxt) and (nxt[0][:1].isupper() or (len(nxt) == 2 and nxt[0] in words("prepositions")
                                                    and nxt[1][:1].isupper()))


def titled_person(ctx: SpeakerContext, role: str, pos: int, narrowing: Sequence[str] = ()) -> Actor | None:
    """"the president" is the latest person introduced with that title ("President Donald Trump"), or whose
    name opens with it ("Pope Francis" for "the Pope"); a title of several words is matched whole ("the
    Prime Minister" is not the "Finance Minister" named last), and so are the words `narrowing` it ("the
    health minister" is no "Civil Aviation Minister")."""
    parts = role.split()
    for s, _e, a in reversed(ctx.spans_in(max(0, pos - TITLE_REACH), pos)):
        if a.kind != "person" or ctx.inside_quote(s):
            continue
        before = [w.lower() for w in WORD_RE.findall(ctx.text[max(0, s - 40):s])]
        if (_introduced_as(parts, before) and all(w in before for w in narrowing)) \
                or (not narrowing and a.name.split(" ", 1)[0].lower() == role):
            return a
    return None


def _introduced_as(parts: list[str], before: list[str]) -> bool:
    """The title words `parts` stand together among the last words before a name ("Prime Minister Igor …",
    "Prime Minister of Slovakia Igor …" within reach), not after a rank that makes it another office."""
    n = len(parts)
    window = before[-(n + 2):]
    ranks = words("title_rank_modifiers")  # "Vice President Kamala Harris" is not "the president"
    return any(window[i:i + n] == parts and not (i and window[i - 1] in ranks) for i in range(len(window) - n + 1))


def head_actor(ctx: SpeakerContext, end: int, lo: int) -> Span | None:
    """The actor ending at `end`; for "Ryan Cloutier of the … Center" the person before "of"."""
    hit = ctx.actor_ending_at(end, lo)
    seg = ctx.text[lo:end]
    if hit is None and seg.endswith(")") and "(" in seg:
        # "Mike Ryan of the World Health Organization (WHO)": step over a bracketed acronym
        j = lo + seg.rindex("(")
        while j > lo and ctx.text[j - 1].isspace():
            j -= 1
        hit = ctx.actor_ending_at(j, lo)
    if hit is None or hit[2].kind == "person":
        return hit
    before = [w.lower() for w in ctx.text[max(lo, hit[0] - 12):hit[0]].split()]
    if before and before[-1] == "the":
        before.pop()
    if before and before[-1] in words("affiliation_prepositions"):
        return ctx.actor_ending_in(lo, hit[0], person_only=True) or hit
    return hit


def resolve_subject(ctx: SpeakerContext, subj: list[Word], verb_start: int | None = None) -> Hit | None:
    """The speaker named by the words right before a speech verb: a name, a pronoun, or a role noun.

    Only the noun phrase adjacent to the verb counts ("Some of the protesters Wikinews interviewed said"
    is not Wikinews); an appositive between the name and the verb is skipped ("Ken Hu – Huawei's deputy
    chairman – said", "The mayor of London, Sadiq Khan, tweeted").
    """
    while len(subj) > 1 and subj[-1][2].rstrip(".") in POST_NOMINALS:
        subj = subj[:-1]  # "Judge Durham Hall QC said": honours after a name are not part of the subject
    last = pronoun_form(subj)
    ll = last[2].lower()
    gap = ctx.text[last[1]:last[1] + 1 if verb_start is None else verb_start]
    delimited = any(c in gap for c in APPOSITIVE_DELIMS)
    if ll in words("subject_pronouns") and not delimited:
        return pronoun_hit(ctx, last)
    if ll in words("deictic_pronouns") and not delimited:
        return deictic_hit(ctx, last)
    if ll in words("pair_anaphors") and len(subj) >= 2 and subj[-2][2].lower() == "the":
        return pair_member(ctx, subj[-2], last)
    if ll in words("first_person_pronouns") and not gap.strip():
        return None
    if delimited:
        return _before_parenthetical(ctx, subj, gap) or _appositive_subject(ctx, subj)
    associate = associate_of_person(ctx, subj)
    if associate is not None:
        return associate
    lead = docs.document_agent(ctx, subj) or _leading_name(ctx, subj)
    if lead is not None:
        return lead
    hit = head_actor(ctx, last[1], subj[0][0])
    if hit is not None:
        return _name_completing_head(ctx, subj, hit) or (hit[2], (hit[0], hit[1]))
    return docs.statement_issuer(ctx, subj) or docs.possessor_subject(ctx, subj) or possessed_organisation(ctx, subj) \
        or role_subject(ctx, subj) \
        or _name_modified_role(ctx, subj) or organisation_spokesperson(ctx, subj) or short_name(ctx, subj)






MAX_ASSOCIATE_LEAD = 3  # "a longtime close friend of": words before the associate noun


def associate_of_person(ctx: SpeakerContext, subj: list[Word]) -> Hit | None:
    """'A friend of Tom Reed said', 'People close to Reed said', 'an aide to the mayor said', 'the wife of
    the president said': a subject phrase headed by a noun for people around someone (`associate_nouns`,
    the member and anonymous role nouns, kin nouns), with a preposition naming a person after it, is that
    associate's, not the person's: the person the article introduced with that noun ("lawyer Ann Roe"),
    else someone unnamed. A spokesperson is the person's voice and stays with the person."""
    obj = _person_object_start(ctx, subj)
    if obj is None or obj < 2 or subj[obj - 1][2].lower() not in words("associate_prepositions"):
        return None
    n = obj - 2
    while n > 0 and subj[n][2].lower() in words("associate_adjectives"):
        n -= 1  # "people close to"
    noun = subj[n][2]
    if noun.lower() not in _associate_nouns() or not (noun.islower() or n == 0) or n > MAX_ASSOCIATE_LEAD \
            or not all(w[2].islower() or i == 0 for i, w in enumerate(subj[:n])) \
            or any(ctx.in_mention(w[0]) for w in subj[:n + 1]):
        return None
    a = titled_person(ctx, noun.lower(), subj[n][0])
    return a, (subj[0][0], subj[-1][1])


@functools.cache
def _associate_nouns() -> frozenset[str]:
    return (words("associate_nouns") | words("member_nouns") | words("anonymous_role_nouns")
            | frozenset(mapping("role_gender"))) - words("spokesperson_nouns")


def _person_object_start(ctx: SpeakerContext, subj: list[Word]) -> int | None:
    """Index in `subj` of the first word of the person phrase that ends it: a person's name with any title
    before it ("President Tom Reed"), or "the" and a role noun standing for a person ("the mayor")."""
    end = subj[-1][1]
    hit = ctx.actor_ending_at(end, subj[0][0])
    if hit is not None:
        if hit[2].kind != "person":
            return None
        i = next(j for j, w in enumerate(subj) if w[1] > hit[0])
    elif len(subj) >= 2 and subj[-2][2].lower() == "the" and subj[-1][2].islower():
        role = role_subject(ctx, subj[-2:])
        if role is None or role[0] is None or role[0].kind != "person":
            return None
        return len(subj) - 2
    else:
        return None
    while i > 0 and (subj[i - 1][2][:1].isupper() or subj[i - 1][2].lower() in ctx.role_words) \
            and subj[i - 1][2].lower() not in words("associate_prepositions"):
        i -= 1  # "President Tom Reed"
    if i > 0 and subj[i - 1][2].lower() == "the":
        i -= 1
    return i


def pronoun_form(subj: list[Word]) -> Word:
    """The last word of a subject, read as the pronoun it holds: "I'd reply", "he'll say", "I'm reminded of"
    are said by "I" and "he" (a contracted auxiliary is no part of the subject), and "made me wonder", "let
    me say" by "I" (the object of a causative verb is the subject of the verb after it)."""
    w = subj[-1]
    lw = w[2].lower().replace("\u2019", "'")
    base, _, tail = lw.partition("'")
    if tail in words("contracted_auxiliaries") and base in words("subject_pronouns") | words("deictic_pronouns"):
        return w[0], w[1], base
    if lw == "me" and len(subj) >= 2 and subj[-2][2].lower() in words("causative_verbs"):
        return w[0], w[1], "i"
    return w


def deictic_hit(ctx: SpeakerContext, w: Word) -> Hit | None:
    """"I" and "you" point at the people in a conversation: in an interview answer "I" is the person
    answering, in a question "you" the person it is put to (`interview_turns`); elsewhere nobody named."""
    turn = ctx.turn(w[0])
    a = turn.speaker if w[2].lower() == "i" else turn.addressee
    return (a, (w[0], w[1])) if a is not None else None


def pair_member(ctx: SpeakerContext, the: Word, w: Word) -> Hit | None:
    """"the latter" / "the former": the second / first of the last two speaking actors named before it, in
    its sentence or, with fewer there, from the sentence before ('The FAA and the Coast Guard opened
    inquiries, with the latter confirming …' -> the Coast Guard)."""
    ss = ctx.sentence_start(the[0])
    lo = ctx.sentence_start(ss - 1) if ss > 0 else ss
    named: list[Actor] = []
    for st, _e, a in ctx.spans_in(lo, the[0]):
        if a.kind in SPEAKING_KINDS and not ctx.inside_quote(st) and (not named or named[-1] is not a):
            named.append(a)
    if len(named) < 2:
        return None
    a = named[-1] if w[2].lower() == "latter" else named[-2]
    return a, (the[0], w[1])


MAX_SPOKESPERSON_MODIFIERS = 2  # 'a senior White House press official': lower-case words after the name


def organisation_spokesperson(ctx: SpeakerContext, subj: list[Word]) -> Hit | None:
    """'a Pentagon spokesman said', "Acme's spokeswoman said": a spokesperson noun that an organisation's
    name modifies or possesses is the organisation's voice, so the organisation speaks (as after the verb:
    'said a Pentagon spokesman'). A member noun ('a senior White House official', "Acme's lawyer") is someone
    of the body who is not its voice, and stays unnamed; so does anyone a person's name modifies ('a Pruitt
    aide': the name is no organisation)."""
    noun = subj[-1][2].lower()
    voice = noun in words("spokesperson_nouns")
    if not voice and noun not in words("member_nouns"):
        return None
    hits = ctx.spans_in(subj[0][0], subj[-1][0])
    if not hits:
        return None
    st, en, a = hits[-1]
    between = ctx.words(en, subj[-1][0])
    if a.kind != "organisation" or len(between) > MAX_SPOKESPERSON_MODIFIERS \
            or not all(w[2].islower() for w in between):
        return None
    return (a if voice else None), (st, subj[-1][1])


SPOKESPERSON_REACH = 1500  # how far back "the spokesperson" looks for "an Acme spokesperson"


def _spokesperson_named_before(ctx: SpeakerContext, noun: str, pos: int) -> Actor | None:
    """'An Interpol spokesperson stated … The spokesperson added': a definite spokesperson noun is the
    spokesperson last named with that noun before it, and so speaks for the organisation named with it there
    (`organisation_spokesperson`); nobody named when that mention had no organisation ('A spokesperson
    told reporters')."""
    if noun not in words("spokesperson_nouns"):
        return None
    lo = max(0, pos - SPOKESPERSON_REACH)
    for w in reversed(ctx.words(lo, pos)):
        if w[2].lower() == noun and not ctx.inside_quote(w[0]):
            got = organisation_spokesperson(ctx, ctx.words(max(lo, w[0] - 80), w[1]))
            return got[0] if got else None
    return None












def _name_completing_head(ctx: SpeakerContext, subj: list[Word], hit: Span) -> Hit | None:
    """The name ending the subject only completes its head, which speaks instead: "the senator from Texas"
    (a place completing a role), "a source within the Ministry" (`_member_of_organisation`); but "the
    government of Samoa" is the country itself acting, which the gold keeps a place."""
    if hit[2].kind == "place":
        cut = _complement_start(ctx, subj, hit[0])
        if cut > 0 and subj[cut - 1][2].lower() in words("government_nouns") and subj[cut][2].lower() == "of":
            return hit[2], (subj[0][0], hit[1])  # "the government of Samoa said": the country acts (a place)
        return (resolve_subject(ctx, subj[:cut]) or (None, (subj[0][0], subj[cut - 1][1]))) if cut > 0 else None
    if hit[2].kind == "organisation":
        return _member_of_organisation(ctx, subj, hit)
    return None


def _member_of_organisation(ctx: SpeakerContext, subj: list[Word], hit: Span) -> Hit | None:
    """'A source within the Interior Ministry said', 'officials at the agency said', 'the chairman of Acme
    said': an organisation in a prepositional phrase after a common noun completes that noun, the phrase's
    head; the head speaks: a person the article introduced with that role ("Acme chairman Carl Mott"), else
    someone unnamed (not merely the person named last). A spokesperson ('a spokesman for Acme') is the
    organisation's voice, so the organisation speaks; a statement or an account is the organisation's own
    ('a statement from the ministry said')."""
    cut = _complement_start(ctx, subj, hit[0])
    head = subj[:cut]
    if cut == 0 or cut > MAX_HEAD_WORDS or any(ctx.in_mention(w[0]) for w in head) \
            or (cut > 1 and not head[-1][2][:1].islower()) or head[-1][2].lower() in STATEMENT_NOUNS:
        return None  # ("The move was met with what WalesOnline called": a clause, no noun phrase, before "with")
    if head[-1][2].lower() in words("spokesperson_nouns"):
        return hit[2], (head[0][0], hit[1])
    a = titled_person(ctx, head[-1][2].lower(), head[-1][0])
    return a, (head[0][0], head[-1][1])


def _complement_start(ctx: SpeakerContext, subj: list[Word], start: int) -> int:
    """Index in `subj` of the preposition that opens the phrase holding the mention at `start` ("from"
    in "the senator from Texas"), or 0 when the mention is not a prepositional complement."""
    i = next((j for j, w in enumerate(subj) if w[0] >= start), len(subj)) - 1
    if i < 0:
        return 0
    j = i
    while j > 0 and i - j < MAX_ROLE_MODIFIERS and subj[j][2].islower() and subj[j][2] != "the" \
            and subj[j][2] not in words("prepositions"):
        j -= 1  # "within the central Interior Ministry": modifiers after "the"
    if subj[j][2].lower() == "the":
        i = j - 1
    return i if i > 0 and subj[i][2].lower() in words("prepositions") else 0


def _name_modified_role(ctx: SpeakerContext, subj: list[Word]) -> Hit | None:
    """"the Clinton campaign said", "the Supreme Court decision said", "an AEW press release read": a group
    or document noun modified by a name speaks for the named actor; so does an organisation's class noun
    right after its name ("Time magazine wrote", "the Dunmore company said")."""
    noun = subj[-1][2].lower() if len(subj) >= 2 else ""
    group, document = noun in words("name_modified_groups"), noun in words("name_modified_documents")
    if not (group or document or noun in DEF_ROLE_ORG):
        return None
    hit = ctx.actor_ending_at(subj[-2][1], subj[0][0])
    if hit is None and document and subj[-2][2].islower():
        body = org_named_by_role(ctx, subj[-2][2].lower(), subj[-2][0]) if subj[-2][2].lower() in DEF_ROLE_ORG else None
        if body is not None:  # "a ministry statement said": the ministry named before
            return body, (subj[-2][0], subj[-1][1])
    if hit is None and (document or group) and len(subj) >= 3 and subj[-2][2].islower():
        hit = ctx.actor_ending_at(subj[-3][1], subj[0][0])  # "a Dunmore press release", "the Acme press office"
    if hit is None or hit[2].kind not in SPEAKING_KINDS or not (group or document or hit[2].kind == "organisation"):
        return None
    return hit[2], (hit[0], subj[-1][1])


def _appositive_subject(ctx: SpeakerContext, subj: list[Word]) -> Hit | None:
    """"X, the mayor, said" / "the mayor of London, Sadiq Khan, said": a person wins over its role, and a
    named organisation over its description."""
    text = ctx.text
    k = _appositive_start(ctx, subj, len(subj) - 1)
    if k == len(subj) - 1 and subj[k][2].isdigit() and k > 1:
        k = _appositive_start(ctx, subj, k - 1)  # "The defendant, Carl Mott, 34, told": the age is no appositive
    app_person = ctx.actor_ending_in(subj[k][0], subj[-1][1], person_only=True)
    h = _past_auxiliary(subj, _past_age(subj, k, text), text)
    head = head_actor(ctx, subj[h - 1][1], subj[0][0]) if h > 0 else None
    if head is not None and head[2].kind == "place" and app_person is None:
        cut = _complement_start(ctx, subj[:k], head[0])
        if cut > 0:  # "The Aam Aadmi Party in Goa, in its statement, said": the place completes the head
            return resolve_subject(ctx, subj[:cut])
    lead = _leading_name(ctx, subj[:k]) if k > 0 else None  # "Nikki Holland of the UK's Agency (NCA) said"
    if head is not None and not _described(subj) and not (app_person and _titled_head(ctx, subj, head)) \
            and (head[2].kind == "person" or (app_person is None and lead is None)):
        return head[2], (head[0], head[1])
    if app_person is not None:
        return app_person[2], (app_person[0], app_person[1])
    if k == 0:
        return None
    return lead or role_subject(ctx, subj[:k]) or organisation_spokesperson(ctx, subj[:k]) \
        or _appositive_organisation(ctx, subj, k, head)


def _appositive_start(ctx: SpeakerContext, subj: list[Word], k: int) -> int:
    """Index of the first word after the last appositive delimiter at or before subj[k] (0 if none); a comma
    inside a name is no appositive's ("University of Arkansas, Fayetteville")."""
    while k > 0 and (not any(c in ctx.text[subj[k - 1][1]:subj[k][0]] for c in APPOSITIVE_DELIMS)
                     or ctx.in_mention(subj[k - 1][1])):
        k -= 1
    return k


def _past_age(subj: list[Word], k: int, text: str) -> int:
    """'Tom Berg, 54, who saw it, said': the boundary before the appositive at `k`, moved back over an age
    set off by commas of its own, so the head name is the one before the age."""
    if k >= 2 and subj[k - 1][2].isdigit() and any(c in text[subj[k - 2][1]:subj[k - 1][0]] for c in APPOSITIVE_DELIMS):
        return k - 1
    return k


def _past_auxiliary(subj: list[Word], h: int, text: str) -> int:
    """'The ministry has, in a statement, called on drivers to "…"': an auxiliary or modal between the
    subject and an aside set off by commas belongs to the verb after the aside, so the head name is the
    one before it."""
    if h >= 2 and subj[h - 1][2].lower() in words("aside_auxiliaries") \
            and not any(c in text[subj[h - 2][1]:subj[h - 1][0]] for c in APPOSITIVE_DELIMS):
        return h - 1
    return h


def _before_parenthetical(ctx: SpeakerContext, subj: list[Word], gap: str) -> Hit | None:
    """'Comic artist Jenn St-Onge (Nancy Drew, Jem and the Misfits) told': a parenthesis closing right
    before the verb is an aside (works, ages, affiliations) whose commas are not the subject's; a name
    before it speaks."""
    if not gap.strip().endswith(")"):
        return None
    opened = ctx.text.rfind("(", subj[0][0], subj[-1][1])
    outer = [w for w in subj if w[1] <= opened]
    if opened < 0 or not outer:
        return None
    got = resolve_subject(ctx, outer, opened)
    return got if got and got[0] is not None else None


def _appositive_organisation(ctx: SpeakerContext, subj: list[Word], k: int, head: Span | None) -> Hit | None:
    """"The company behind the brand, Acme Corp., said": a description set off by a comma from the
    organisation it describes names nobody itself, so the organisation in the appositive speaks; not in a
    relative clause ("The government statement, which was posted on Twitter, announced"): the organisation
    there is where it was said, not who said it."""
    if head is not None or subj[0][2].lower() not in words("determiners") \
            or subj[k][2].lower() in words("relative_pronouns"):
        return None
    app = ctx.actor_ending_in(subj[k][0], subj[-1][1])
    return (app[2], (app[0], app[1])) if app and app[2].kind == "organisation" else None


def _titled_head(ctx: SpeakerContext, subj: list[Word], head: Span) -> bool:
    """'The Senate Minority Leader, Chuck Schumer, said': a head after a determiner that ends in a title or
    role word is an office, whatever the actor pass made of it; the name in the appositive holds it."""
    last = ctx.text[head[0]:head[1]].split()[-1]
    return subj[0][2].lower() in words("determiners") and (last.lower() in ctx.role_words or (last,) in ctx.titles)


def _described(subj: list[Word]) -> bool:
    """The head phrase describes rather than names ("A Republican Assemblywoman, Jill Tolles,", "The
    then-manager of X, David Clay,"), so the appositive name after it speaks."""
    first = subj[0][2].lower()
    return first in words("indefinite_articles") or (first in words("determiners") and len(subj) > 1
                                                     and subj[1][2][:1].islower())


def possessed_organisation(ctx: SpeakerContext, subj: list[Word]) -> Hit | None:
    """'Day's animal foundation said …' (the article names the Doris Day Animal Foundation): a possessor's
    description ending in an organisation noun, whose words (the possessor's name, the lower-case modifiers,
    the noun) are all words of one organisation's name in the article, anywhere in it, is that organisation."""
    role = subj[-1][2].lower()
    if role not in DEF_ROLE_ORG or len(subj) < 2:
        return None
    j = next((i for i in range(len(subj) - 2, -1, -1) if ctx.text[subj[i][1]:subj[i][1] + 1] in APOSTROPHES), None)
    if j is None or len(subj) - j - 2 > MAX_ROLE_MODIFIERS or not all(w[2].islower() for w in subj[j + 1:]):
        return None
    key = {subj[j][2].lower(), role} | {w[2].lower() for w in subj[j + 1:-1]}
    named = {a.name: a for _s, _e, a in ctx.spans if a.kind == "organisation"
             and key <= {w.lower() for w in a.name.split()}}
    return (next(iter(named.values())), (subj[j][0], subj[-1][1])) if len(named) == 1 else None










def _leading_name(ctx: SpeakerContext, subj: list[Word]) -> Hit | None:
    """"Jennifer Daskal of American University and contributor to Slate wrote": a person opening the
    subject phrase (after an introductory phrase and its comma: "To this, Peter Iseley of …"; titles and
    role words before it: "Lead author Sally Wasef of Australia's Griffith University") and followed
    by "of"/"from"/"at", or by a role phrase missing its closing comma, heads it; what follows only
    modifies it."""
    s0 = _after_intro_phrase(ctx, subj[0][0], subj[-1][1])  # "Differing slightly in a Newsweek essay, X of"
    for s, e, a in ctx.spans_in(s0, subj[-1][1]):
        pre = WORD_RE.findall(ctx.text[ctx.text.rfind(",", s0, s) + 1 or s0:s])  # after "To this,"
        after = ctx.text[e:e + 6].lstrip().split(" ", 1)[0]
        if a.kind == "person" and all(_title_like(w, ctx.role_words) for w in pre) and len(pre) <= 4 \
                and (after in words("affiliation_prepositions") or _unclosed_appositive(ctx, e, subj[-1][1])):
            return a, (s, e)
        return None
    return None


def _unclosed_appositive(ctx: SpeakerContext, e: int, end: int) -> bool:
    """"Erwin Chemerinsky, Dean of UC Berkeley School of Law called it": a comma after the name opens a
    role phrase (a title or role word first, after at most a determiner) that runs to the verb with its
    closing comma missing and not ending on a name of its own (one inside an "of" phrase is the role's:
    "Chris Wright, the Chief Technology Officer of Red Hat said"), so the name is still the subject."""
    if ctx.text[e:e + 1] != ",":
        return False
    ws = ctx.words(e + 1, end)
    if ws and ws[0][2].lower() in words("determiners"):
        ws = ws[1:]
    last = ctx.actor_ending_in(e + 1, end)
    if not ws or ctx.text.find(",", e + 1, end) >= 0 or (last is not None and last[1] == end
                                                         and not ctx.prepositional(last[0])):
        return False  # "Trump, President Biden said": a name right before the verb is the subject
    first = ws[0][2]
    return first.lower() in ctx.role_words or (first,) in ctx.titles


def speaker_in_phrase(ctx: SpeakerContext, ws: list[Word], prefer_first: bool = False) -> Hit | None:
    """The speaker inside a phrase that follows its cue ("said Smith", "according to the mayor")."""
    if not ws:
        return None
    agent = docs.document_agent(ctx, ws)  # 'according to a memo obtained by Reuters'
    if agent is not None:
        return agent
    lw = ws[0][2].lower()
    determiner = lw in words("possessive_determiners") and len(ws) > 1 and not ctx.text[ws[0][1]:ws[1][0]].strip()
    if lw in words("third_person_pronouns") and not determiner:
        return pronoun_hit(ctx, ws[0])  # "said he", "according to her"; not "said her spokesman, X"
    associate = associate_of_person(ctx, ws)  # "according to people close to Reed"
    if associate is not None:
        return associate
    s0, e0 = ws[0][0], ws[-1][1]
    # a possessor only modifies the head ("writes Huber's longtime partner Erick Rowan"), unless nobody else
    # is named ("reads Judge Miller's statement")
    # a name opening the phrase may run past where the phrase was cut ("according to the Commission on
    # Presidential Debates": the phrase stops at "on", the name does not)
    head_at = ws[min(1, len(ws) - 1)][0]
    inside = [sp for sp in ctx.spans_in(s0, e0) if sp[1] <= e0 or sp[0] <= head_at]
    cands = [sp for sp in inside if ctx.text[sp[1]:sp[1] + 1] not in APOSTROPHES] or inside
    pick = [c for c in cands if c[2].kind == "person"] or cands
    unnamed = _unnamed_member(ctx, ws, pick)
    if unnamed:
        return unnamed
    if pick:
        c = pick[0] if prefer_first else pick[-1]
        return c[2], (c[0], c[1])
    got = short_name(ctx, ws[:1] if ws[0][2][:1].isupper() else []) or docs.statement_issuer(ctx, ws[:2]) \
        or docs.possessor_subject(ctx, ws)
    if got:
        return got  # 'read the statement', 'read her farewell message': the issuer, as before the verb
    return _role_phrase(ctx, ws)


def _unnamed_member(ctx: SpeakerContext, ws: list[Word], pick: list[Span]) -> Hit | None:
    """'according to a Woolworths official': an organisation named after the cue only modifies the member
    who speaks, someone unnamed; 'according to a Woolworths spokesperson' is the organisation's voice; both as
    before the verb (`organisation_spokesperson`)."""
    if not pick or pick[0][2].kind == "person":
        return None
    roles = words("spokesperson_nouns") | words("member_nouns")
    spokes = next((i for i, w in enumerate(ws[:5]) if w[2].lower() in roles), None)
    return organisation_spokesperson(ctx, ws[:spokes + 1]) if spokes else None


def _role_phrase(ctx: SpeakerContext, ws: list[Word]) -> Hit | None:
    """'"…," said the mayor', 'according to the company', 'said the 24-year-old': a role phrase after the
    cue ("the", up to `MAX_ROLE_MODIFIERS` modifiers, a role noun) stands for whom it would before the verb
    (`role_subject`)."""
    if not ws or ws[0][2].lower() != "the":
        return None
    for n in range(2, min(len(ws), 2 + MAX_ROLE_MODIFIERS) + 1):
        got = role_subject(ctx, ws[:n])
        if got:
            return got
    return None


def short_name(ctx: SpeakerContext, ws: list[Word]) -> Hit | None:
    """A short form the actor pass did not link, read as the actor it shortens: the capitalised words
    ending `ws` that open an organisation's name ("Ford" for Ford Motor Company) or end a person's
    ("Miller" for James Miller), the latest such actor named before."""
    i = len(ws)
    while i > 0 and ws[i - 1][2][:1].isupper():
        i -= 1
    form = " ".join(w[2] for w in ws[i:])
    if not form or form.lower() in words("subject_pronouns") or (i and ws[i - 1][2] in words("prepositions")):
        return None  # "School of Law": the end of a longer name, not a name of its own
    for _s, _e, a in reversed(ctx.spans_in(max(0, ws[i][0] - TITLE_REACH), ws[i][0])):
        if (a.kind == "organisation" and a.name.startswith(form + " ")) or \
                (a.kind == "person" and " " not in form and a.name.endswith(" " + form)):
            return a, (ws[i][0], ws[-1][1])
    return None


def clause_subject(ctx: SpeakerContext, s: int, e: int) -> Hit | None:
    """The name or pronoun that opens a clause, after an introductory phrase ("In late June, the court
    ruled", "On Friday in Istanbul, Smith said") and a title or role ("US Secretary of State Mike Pompeo",
    "AIP chairman Markham Robinson")."""
    s = _after_intro_phrase(ctx, s, e)
    ws = ctx.words(s, e)
    if not ws or ctx.inside_quote(ws[0][0]):
        return None  # a clause opening inside a quotation has its subject in the quoted words, not ours
    if ws[0][2].lower() in words("personal_subject_pronouns") or _referring_it(ws):
        hit = pronoun_hit(ctx, ws[0])
        return hit if hit[0] else None
    lead = _lead_words()  # "AIP chairman Markham Robinson reflects"
    for st, en, a in ctx.spans_in(s, e):
        if a.kind == "place" and len(ws) > 2 and ws[2][0] == st - 3 and governed_place(ctx, st):
            return a, (ws[0][0], en)  # "The government of Samoa issued a statement:"
        pre = WORD_RE.findall(ctx.text[s:st])
        if len(pre) > MAX_TITLE_WORDS or not _title_phrase(pre, lead, ctx.role_words):
            return _appositive_name(ctx, s, e)
        if ctx.premodifier(en):
            continue  # "AIP chairman Markham Robinson": the organisation only modifies the role before the name
        if (a.kind in SPEAKING_KINDS or _verb_follows(ctx, en)) and ctx.text[en:en + 1] not in APOSTROPHES:
            return a, (st, en)
        if a.kind in SPEAKING_KINDS or not ctx.text[en:en + 2].strip()[:1].isupper():
            return None  # a possessive, or a place that is not a modifier of the next name ("US Secretary")
    return _organisation_role_opening(ctx, ws)


def _verb_follows(ctx: SpeakerContext, en: int) -> bool:
    """A place that opens a clause and is followed right away by a lower-case word that is no function
    word is the clause's subject: a country acts ('Iran responded, saying "…"'), and a surname the actor
    pass took for a town still speaks ('Bolton gave a different account, speaking via Twitter: "…"')."""
    nxt = ctx.words(en, min(len(ctx.text), en + 30))[:1]
    return bool(nxt) and not ctx.text[en:nxt[0][0]].strip() and nxt[0][2][:1].islower() \
        and nxt[0][2] not in ctx.function_words


def _organisation_role_opening(ctx: SpeakerContext, ws: list[Word]) -> Hit | None:
    """'The Department issued a statement that …:': a clause opening with "the" and an organisation's role
    noun, then a lower-case word (its verb), has the organisation the role stands for as its subject."""
    if len(ws) < 3 or ws[0][2].lower() != "the" or ws[1][2].lower() not in DEF_ROLE_ORG \
            or not ws[2][2][:1].islower() or ws[2][2].lower() in words("prepositions"):
        return None
    got = role_subject(ctx, ws[:2])
    return got if got and got[0] is not None else None


def _appositive_name(ctx: SpeakerContext, s: int, e: int) -> Hit | None:
    """"The mayor of London, Sadiq Khan, gave his condolences": a clause opening with a description (a
    determiner and a common noun) and a name set off by commas has that name as its subject."""
    ws = ctx.words(s, e)
    if len(ws) < 3 or ws[0][2].lower() not in words("determiners") or not ws[1][2][:1].islower():
        return None
    for st, en, a in ctx.spans_in(s, e):
        if len(WORD_RE.findall(ctx.text[s:st])) > MAX_DESCRIPTION_WORDS:
            return None
        if a.kind == "person" and ctx.text[s:st].rstrip().endswith(",") and ctx.text[en:en + 1] == ",":
            return a, (st, en)
    return None


def _referring_it(ws: list[Word]) -> bool:
    """"It also credited Leonov …, noting": "it" opening a clause with a verb of its own refers to an
    organisation; before a copula or seem-verb ("It is clear", "It seems") it refers to nothing."""
    return len(ws) >= 2 and ws[0][2].lower() == "it" and ws[1][2].lower() not in words("expletive_it_followers")


MAX_ROLE_NOUN_MODIFIERS = 2  # "White House press secretary": lower-case nouns a role noun may have before it


def _title_phrase(pre: list[str], lead: frozenset[str], roles: frozenset[str]) -> bool:
    """The words before a subject name make a title: each title-like (`_title_like`), or, when the last is
    a role noun, up to two lower-case nouns modifying it ("White House press secretary Carl Mott",
    "Acme deputy sales manager Ann Roe")."""
    if all(_title_like(w, lead) for w in pre):
        return True
    lower = [w for w in pre if not _title_like(w, lead)]
    return bool(pre) and pre[-1].lower() in roles and len(lower) <= MAX_ROLE_NOUN_MODIFIERS \
        and all(w.isalpha() and w.islower() for w in lower)


def _title_like(w: str, lead: frozenset[str]) -> bool:
    """A word that may stand before a subject name: capitalised, a lead word, a number, or a hyphenated
    title ("then-Secretary Vázquez")."""
    return w[:1].isupper() or w.lower() in lead or w.isdigit() or w.rsplit("-", 1)[-1][:1].isupper()


def _participle_opener(w: str) -> bool:
    """A participle opening a sentence ("Addressing …,", "Asked about …,") starts a phrase whose subject
    is the main clause's ("following" and "during" are prepositions, handled as such)."""
    return w[1:].islower() and w.endswith(("ing", "ed")) and w.lower() not in words("intro_prepositions")


def _reduced_clause_opener(ws: list[Word]) -> bool:
    """'When asked about the report, X declined …', 'While speaking to reporters, X said': a subordinator
    with a participle right after it opens a clause that has no subject of its own, so, like a participle
    phrase, it leaves the main clause's subject after its comma."""
    return len(ws) > 1 and ws[0][2].lower() in words("fronted_subordinators") and _participle_opener(ws[1][2])


MAX_PARTICIPLE_PHRASE_WORDS = 12  # "Having won multiple tournaments as a kid,": a participle phrase's length
MAX_PLAIN_PHRASE_WORDS = 10  # an introductory phrase naming no actor may be this long before its comma
MAX_INTRO_PHRASES = 2  # "A month later, during the third debate, O'Rourke defended …"


def _after_intro_phrase(ctx: SpeakerContext, s: int, e: int) -> int:
    """Past the introductory phrases that open a clause (`_intro_phrase_end`), up to two in a row."""
    for _ in range(MAX_INTRO_PHRASES):
        nxt = _intro_phrase_end(ctx, s, e)
        if nxt == s:
            break
        s = nxt
    return s


def _intro_phrase_end(ctx: SpeakerContext, s: int, e: int) -> int:
    """Past one introductory phrase that ends in a comma and opens with a preposition ("In late June,"), a
    participle ("Addressing the leaders,") or names a time ("A month later,"), after a comma-set sentence
    adverb ("However,"); or, a prepositional phrase written without the comma, up to where a name starts
    after a lower-case word or a number ("In the filing itself Ford also wrote", "In 2019 Smith said"); a
    name right after a preposition is still inside the phrase ("In the case of Ford"), and so is one after
    a determiner ("In her Twitter post")."""
    ws = ctx.words(s, e)
    if len(ws) > 1 and ws[0][2].lower() in words("sentence_connectives") and ctx.text[ws[0][1]:ws[1][0]].strip() == ",":
        s, ws = ws[1][0], ws[1:]  # "However, addressing the leaders, Chakrapani proposed:"
    if not ws:
        return s
    comma = ctx.text.find(",", s, e)
    n = len(ctx.words(s, comma)) if comma >= 0 else 0
    # ("Within roughly a day before the event," is longer than a title, but names nobody)
    short = comma >= 0 and (n <= MAX_TITLE_WORDS or (n <= MAX_PLAIN_PHRASE_WORDS and not ctx.spans_in(s, comma)))
    if _participle_opener(ws[0][2]) or _reduced_clause_opener(ws):  # "Having won … as a kid, X decided"
        # (not when nothing follows the comma: 'Remarked … scientist Tierra Curry, "…"' inverts the verb)
        return comma + 1 if comma >= 0 and n <= MAX_PARTICIPLE_PHRASE_WORDS and ctx.words(comma + 1, e) else s
    if short and _time_phrase(ctx, s, comma):
        return comma + 1
    if ws[0][2].lower() not in words("intro_prepositions"):
        return s
    if short:
        return comma + 1
    lead_end = ws[min(len(ws) - 1, MAX_TITLE_WORDS)][1]
    for st, _en, a in ctx.spans_in(ws[1][0] if len(ws) > 1 else e, lead_end):
        prev = ctx.words(s, st)[-1:]
        if a.kind in SPEAKING_KINDS and prev and not ctx.prepositional(st) \
                and (prev[0][2][:1].islower() or prev[0][2][:1].isdigit()) \
                and prev[0][2].lower() not in words("noun_markers"):
            return st
    return s


@functools.cache
def document_nouns() -> frozenset[str]:
    """Nouns for a document ("the statement", "their letter", "a report"), unioned once."""
    return STATEMENT_NOUNS | words("issued_statement_nouns")


@functools.cache
def _lead_words() -> frozenset[str]:
    """Words a title or role before a subject name may hold (the role words among them), unioned once."""
    return words("subject_lead_words") | lexicon().role_words


@functools.cache
def _time_phrase_words() -> frozenset[str]:
    return words("time_words") | words("time_phrase_words")


def _time_phrase(ctx: SpeakerContext, s: int, comma: int) -> bool:
    """"A month later,", "Last week,": a phrase naming a time and no speaker."""
    time = _time_phrase_words()
    return any(w[2].lower() in time for w in ctx.words(s, comma)) and not any(
        a.kind in SPEAKING_KINDS for _s, _e, a in ctx.spans_in(s, comma))
