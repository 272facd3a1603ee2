"""Kinds the sentence gives a name it shows with others or describes: before the guess from context.

Rules: the members of one coordinated list are things of one kind ("websites including YouTube, Zorblix
and Vimeo": Zorblix is a website like YouTube, an organisation); a noun phrase set off by a dash after a name says what
the name is ("Zorblix — a video-sharing platform"). A name that nothing else typed takes that kind,
instead of the guess that "from X" or "to X" makes a place.
"""

from __future__ import annotations

import re

from ..lexicon import rule_words
from ..state import DocState, Entity
from .kinds import BODY_NOUNS, PLACE_NOUNS, listed_with
from .person_evidence import plural_noun_ending

# "Zorblix — a video-sharing platform for …": a dash, an article, up to four modifiers, the head noun
DASH_APPOSITION_RE = re.compile(r" ?[—–] (?:the|a|an) (?:[\w'-]+ ){0,4}?([a-z]+)(?=[,.;:)]| [—–]|$| (?:that|which|"
                                r"who|in|of|for|on|with|based)\b)")
LIST_MIN_OTHERS = 2  # a list of three names or more: two names may pair unlike things
CLASS_BODY_NOUNS = rule_words("actors_class_body_nouns")  # "platform", "service": what a site or a firm is


def described_or_listed_kinds(state: DocState) -> None:
    """Rule: an undecided name (no title, head word, gazetteer entry or frame typed it) takes the kind its
    own sentence gives it: first a description set off by a dash (`dash_described_kind`), else the kind
    the confidently typed members of a list it stands in share (`listed_kind`). (Before
    `mentions.context_kinds`, which would guess from a preposition.)"""
    text = state.doc.text
    for e in state.roots:
        if e.kind is None and not e.hinted:
            e.kind = dash_described_kind(e, text) or listed_kind(e, state)


def dash_described_kind(e: Entity, text: str) -> str | None:
    """"Zorblix — a video-sharing platform for citizen journalism", "Qarnet – the town …": a noun phrase
    in apposition after a dash names what the mention is; a noun for a body makes an organisation, a
    place noun a place."""
    for _, en in e.mentions:
        m = DASH_APPOSITION_RE.match(text, en)
        if m is None:
            continue
        head = m.group(1)
        if head in BODY_NOUNS or head in CLASS_BODY_NOUNS:
            return "organisation"
        if head in PLACE_NOUNS:
            return "place"
    return None


def listed_kind(e: Entity, state: DocState) -> str | None:
    """"websites including YouTube, Zorblix and Vimeo", "Acme, Zorblix and Initech": a list of three or
    more coordinates things of one kind, so a member that nothing typed is an organisation when the other
    members are, and their own evidence (a gazetteer, a head word, a frame: an organisation vote) says so
    of one at least. A member of another kind, even guessed, leaves it open ("from Florida, Zorvan and
    Lisa Parry": a place and people). Lists of places are `kinds.locative_places`' (`_listed_with_places`),
    which asks more of them: a list may join a place's bodies and people to it."""
    text = state.doc.text
    kinds: set[str | None] = set()
    voted = False
    for s, en in e.mentions:
        others = listed_with(text, s, en)
        if len(others) < LIST_MIN_OTHERS:
            continue  # ("a win for Iran and Assad": a pair may join a state and its ruler)
        for o in filter(None, map(state.by_form.get, others)):
            r = o.root()
            kinds.add(r.kind)
            voted = voted or r.kind == "organisation" and r.org_votes > 0
    return "organisation" if voted and kinds <= {"organisation", None} else None


def plural_named_bodies(state: DocState) -> None:
    """Rule: an actor kept as a person only because its words are capitalised (no title) is a body when
    its name ends in the plural of a common noun (`person_evidence.plural_noun_ending`: "Quelvara
    Commons"). Asked of the actors the weighing kept, so that a phrase it dropped as no actor at all
    ("Interplanetary Dust Particles") stays dropped."""
    text = state.doc.text
    for e in state.roots:
        if e.kind == "person" and not e.title_votes and not e.hinted \
                and plural_noun_ending(e.name.split(), text, state.lex):
            e.kind = "organisation"
