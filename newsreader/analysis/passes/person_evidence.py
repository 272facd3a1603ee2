"""Person evidence that does not rest on the forename list.

Articles are full of people whose forenames no list knows (foreign, rare, new names). These rules read
what the text itself shows of a personal name — its shape after a title — so that an unknown forename
weighs no less than a known one where the context already says "a person".
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, rule_words
from ..names import is_acronym, is_initial, is_place_name, surnameish
from ..state import DocState, Entity
from ..text import Token

PARTICLES = rule_words("actors_particles")  # "de", "van", "bin": lower-case words inside a personal name
NAME_WORDS = (2, 3)  # a forename and a surname, perhaps with a middle name or an initial between


def name_shaped(words: list[str], lex: Lexicon) -> bool:
    """Rule: two or three capitalised words that can only be a personal name, whatever the forename
    lists say ("Justice Zorvena Kagan", "Captain Houlia Rochester"): the first is no dictionary word,
    place, organisation or acronym (`surnameish`: a made-up or foreign forename), a middle word is an
    initial, a name particle ("de", "van") or such a word, and the last (capitalised, or a surname after
    an elided particle: "d'Ettorre") is no head word of an organisation, outlet, place or event, no
    function word and no title ("Minister of State Council" is an office, not a name)."""
    if len(words) not in NAME_WORDS or not surnameish(words[0], lex) or words[0] in lex.known_orgs:
        return False
    last = words[-1]
    if not (last[:1].isupper() or _particle_surname(last, lex)) or is_acronym(last) \
            or last in lex.function_words or (last,) in lex.titles \
            or last in lex.org_heads or last in lex.media_heads or last in lex.place_heads \
            or last in lex.event_heads or is_place_name(" ".join(words), lex):
        return False
    return all(is_initial(w) or surnameish(w, lex) or w.lower() in PARTICLES for w in words[1:-1])


def _particle_surname(word: str, lex: Lexicon) -> bool:
    """"d'Ettorre", "O'Regan", "al-Bashir": a surname with an elided or joined particle before it."""
    for sep in ("'", "\u2019", "-"):
        head, _, rest = word.partition(sep)
        if rest and len(head) <= 3 and surnameish(rest, lex):
            return True
    return False


PERSON_MAJORITY = 3  # person votes outnumber the others this many times: the rules have settled the kind


def person_votes_stand(e: Entity, lex: Lexicon) -> bool:
    """Rule: person evidence beats a missing forename. When the rules voted for a person (a title, "said",
    a pronoun, apposition) more than PERSON_MAJORITY times as often as for an organisation and a place
    together (never, or at one mention in many), a name shaped like a personal name (`name_shaped`) that
    no list knows as an organisation stays a person: the learned kind model leans on the forename lists,
    and an unknown forename is no evidence of an organisation ("Heneis Trump")."""
    if e.kind != "person" or e.person_votes <= PERSON_MAJORITY * (e.org_votes + e.place_votes):
        return False
    words = e.name.split()
    return not lex.forename_evidence(words[0]) and name_shaped(words, lex) \
        and lex.known_orgs.isdisjoint(e.forms) and not any(map(lex.org_aliases.__contains__, e.forms))


def modifies_a_noun(toks: list[Token], k: int) -> bool:
    """Rule: a name between "the" and a lower-case word modifies that word's noun ("the Marsk
    administration", "the Vane family"): a possessive or pronoun after the phrase refers to its head
    noun, not to the name, so "its" there says nothing of the name's kind. `k` is the mention's last
    token; the name is one to three words long."""
    if k + 1 >= len(toks) or toks[k + 1].sent != toks[k].sent or not toks[k + 1].text[:1].islower() \
            or toks[k + 1].start != toks[k].end + 1:
        return False
    j = k
    while j > 0 and k - j < 3 and toks[j - 1].cap and toks[j - 1].text != "The" and toks[j - 1].sent == toks[k].sent:
        j -= 1
    return j > 0 and toks[j - 1].text in ("the", "The") and toks[j - 1].sent == toks[k].sent


def name_after_head(words: list[str], lex: Lexicon) -> int:
    """Rule: an organisation's name ends at its head word, so two name-shaped words glued after the head
    are a person's name even when the forename is unknown ("Refugee Council Zorvena Kadlec said"): the
    index where that name starts, 0 when the run does not end so (the last word may be no place either:
    "Bank Negara Malaysia")."""
    k = len(words) - 2
    if k < 2 or words[k - 1] not in lex.org_heads or is_place_name(words[-1], lex):
        return 0
    return k if name_shaped(words[k:], lex) and " ".join(words[k:]) not in lex.known_orgs else 0


CUE_OUTVOTED = 2  # person votes (two mentions typed person, or one with a title) that one cue cannot undo


def person_outweighs_one_cue(e: Entity, lex: Lexicon) -> bool:
    """Rule: one "its" after a mention, or one noun for a body before or beside it, is one cue of an
    organisation; a name-shaped name that the rules typed person at two mentions or more (or with a title),
    PERSON_MAJORITY times as often as anything else, is a person whatever that cue says ("NASA tweeted
    support of Narle Thesvom via its account": "its" is NASA's). A listed forename or a title already wins
    so; this gives an unknown forename the same footing."""
    return e.person_votes >= CUE_OUTVOTED and person_votes_stand(e, lex)


PERSONAL_PRONOUNS = rule_words("actors_personal_pronouns")
AGE_APPOSITION = re.compile(r", \d{1,3}, ")  # "Kadlec, 45, a teacher": an age set off by commas


def person_contexts(state: DocState) -> None:
    """Rule: the sentence types a name as a person where English never puts a body: a verb of saying
    followed by "he" or "she" ("Kadlec said she would stay": the pronoun is the speaker, the name's
    referent) or an age in apposition ("Kadlec, 45, …"). A candidate that no word list typed takes the
    kind person there, so that its votes carry to the full name its surname joins later."""
    doc, verbs = state.doc, state.lex.speech_verbs
    toks, index_of, n = doc.tokens, doc.index_of, len(doc.tokens)
    for c in state.cands:
        if c.kind is not None:
            continue  # (the lists or a frame have spoken)
        last = c.toks[-1]
        k = index_of[last.start]
        if k + 1 >= n:
            continue
        nxt = toks[k + 1]
        # (an age is the next token, two characters on, all digits: most names fail that before the pattern)
        aged = nxt.start == last.end + 2 and nxt.text.isdecimal() and AGE_APPOSITION.match(doc.text, last.end)
        if aged or k + 2 < n and nxt.text in verbs and toks[k + 2].text in PERSONAL_PRONOUNS \
                and toks[k + 2].sent == last.sent:
            c.kind = "person"



def plural_noun_ending(words: list[str], text: str, lex: Lexicon) -> bool:
    """Rule: a personal name ends in a surname, not in the plural of a common noun: capitalised words
    ending so ("Zorblix Commons", "Quenta Pictures", "Harrow Labs") name a body, a site or a product. A
    surname may look like such a plural ("Banks", "Woods"), so not when a forename opens the name, nor
    when the article names the last word alone, as it names a person by surname ("… Woods said")."""
    if len(words) < 2 or lex.forename_evidence(words[0]):
        return False
    last = words[-1]
    if not last.endswith("s") or last.endswith(("ss", "us", "is")) or last.lower() not in lex.common_words:
        return False
    return not any(_alone(text, m.start()) for m in re.finditer(rf"\b{re.escape(last)}\b", text))


def _alone(text: str, at: int) -> bool:
    """The word at `at` stands alone, as a surname used by itself does: no capitalised word of its own
    clause right before it that would make it the end of a longer name ("Creative Commons")."""
    before = text[max(0, at - 40):at].split()
    if text[at - 1:at] != " " or not before:
        return True
    prev = before[-1]
    return not prev[:1].isupper() or prev[-1] in ".!?:;,\"”"  # (a sentence or a clause ended before it)
