"""Kinds the sentence gives a name: by the list it stands in, a description, a match it plays, its ending.

Rules: the members of one coordinated list are things of one kind ("websites including YouTube, Zorblix
and Vimeo": Zorblix is a website like YouTube, an organisation); a noun phrase set off by a dash after a
name says what the name is ("Zorblix — a video-sharing platform"); a place that plays a match is its
team; a name ending in a plural common noun is no person's. These passes run after the learned kinds and
override only guesses, so the weighing and its training see the features they saw before.
"""

from __future__ import annotations

import re

from ..lexicon import rule_words
from ..names import surnameish
from ..state import CapStats, DocState, Entity
from ..text import Token
from .kinds import BODY_NOUNS, PLACE_NOUNS, listed_with
from .person_evidence import plural_noun_ending

# "Zorblix — a video-sharing platform for …": a dash, an article, up to four modifiers, the head noun
DASH_APPOSITION_RE = re.compile(r" ?[—–] (?:the|a|an) (?:[\w'-]+ ){0,4}?([a-z]+)(?=[,.;:)]| [—–]|$| (?:that|which|"
                                r"who|in|of|for|on|with|based)\b)")
LIST_MIN_OTHERS = 2  # a list of three names or more: two names may pair unlike things
CONTEST_VERBS = rule_words("actors_contest_verbs")  # "defeated", "lost", "beat"
CONTEST_LINKS = rule_words("actors_contest_links")  # "lost 1 – 2 to England", "drew with Peru"
# a match's score: "3 – 0", "1-2", "45 points to 24"
SCORE_RE = re.compile(r"\b\d{1,3} ?[–-] ?\d{1,3}\b|\b\d{1,3} points? to \d{1,3}\b")
CLASS_BODY_NOUNS = rule_words("actors_class_body_nouns")  # "platform", "service": what a site or a firm is


def described_or_listed_kinds(state: DocState) -> None:
    """Rule: a name that no rule voted for (no title, head word, gazetteer entry or frame typed it) takes
    the kind its own sentence gives it: first a description set off by a dash (`dash_described_kind`),
    else the kind the confidently typed members of a list it stands in share (`listed_kind`); the kind
    guessed from a preposition ("from X": a place) or by the learned model yields to it. (After the
    learned kinds, so that the weighing and its training see the same features as before.)"""
    text = state.doc.text
    for e in state.roots:
        if not e.hinted and not (e.person_votes or e.org_votes or e.place_votes):
            e.kind = dash_described_kind(e, text) or listed_kind(e, state) or e.kind


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
    Commons") and its first word is a dictionary word, a place or a body's, or it is named as a site
    (`_put_on`): a made-up forename before a plural surname is a person ("Vumar Peers"). Asked of the
    actors the weighing kept, so that a phrase it dropped as no actor at all
    ("Interplanetary Dust Particles") stays dropped."""
    text, lex = state.doc.text, state.lex
    for e in state.roots:
        words = e.name.split()
        if e.kind == "person" and not e.title_votes and not e.hinted and plural_noun_ending(words, text, lex) \
                and (not surnameish(words[0], lex) or any(_put_on(text, s) for s, _ in e.mentions)):
            e.kind = "organisation"


def _put_on(text: str, start: int) -> bool:
    """"videos on Quelvara Commons", "posted on Zorblix": things are put *on* a site or a platform, not
    on a person; a name whose first word could be a forename no list knows ("Vumar Peers") needs this
    frame to be taken for one."""
    return text.endswith(" on ", max(0, start - 4), start)


def contest_sides(state: DocState) -> None:
    """Rule: "Sweden defeated Panama 3 – 0", "Caloundra defeated Wynnum 45 points to 24", "Tunisia lost
    1 – 2 to England": a place's name that is the subject or the object of a verb of a match, in a
    sentence that gives the score, names the side that played for it, a team, an organisation; and so it
    does throughout the article. Without a score the verb may tell of a war or an election ("Russia
    defeated Napoleon"), where the name stays a place."""
    if not may_report_a_match(state.stats):
        return  # (most articles write no verb of a match: no side of one anywhere)
    doc = state.doc
    toks, text, index_of = doc.tokens, doc.text, doc.index_of
    for e in state.roots:
        if e.kind == "place" and not e.hinted and any(
                _contest_side(toks, k, text) for k in map(index_of.get, (s for s, _ in e.mentions)) if k is not None):
            e.kind = "organisation"


def may_report_a_match(stats: CapStats) -> bool:
    """The article writes a verb of a match (`_contest_side` holds nowhere else): a look-up of the verbs
    among the words it writes in lower case and those it capitalises."""
    return not stats.lower_seen.isdisjoint(CONTEST_VERBS) or not stats.cap_seen.isdisjoint(CONTEST_VERBS)


def _contest_side(toks: list[Token], k: int, text: str) -> bool:
    """The name opening at token k is a side of a match its sentence reports with a score: right before a
    verb of a match (its subject), right after one, or after "to"/"against"/"with" that follows one."""
    sent = toks[k].sent
    j = k
    while j + 1 < len(toks) and toks[j + 1].sent == sent and toks[j + 1].text[:1].isupper():
        j += 1  # (the name's last token)
    subject = j + 1 < len(toks) and toks[j + 1].sent == sent and toks[j + 1].text in CONTEST_VERBS
    before = [t.text for t in toks[max(0, k - 6):k] if t.sent == sent]
    obj = bool(before) and (before[-1] in CONTEST_VERBS
                            or before[-1] in CONTEST_LINKS and not CONTEST_VERBS.isdisjoint(before))
    if not subject and not obj:
        return False
    lo = next(i for i in range(k, -1, -1) if i == 0 or toks[i - 1].sent != sent)
    hi = next(i for i in range(k, len(toks)) if i + 1 == len(toks) or toks[i + 1].sent != sent)
    return SCORE_RE.search(text, toks[lo].start, toks[hi].end) is not None
