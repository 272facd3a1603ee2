"""Gender from the article's own pronouns: how the text refers back to a person, not a list of forenames.

A forename list cannot know that this "Alexis" or "Jordan" is a woman, and knows nothing of surnames met
alone; the article itself says so each time it continues a person with "she" or "his". Rule: a gendered
pronoun outside quotations votes for the person mentioned last before it, when that person opens the
sentence that names it (its first mention of any kind: 'since Christmas Eve, his family said' is no vote
for "Eve") and is the only person named in the pronoun's sentence and the sentence before (so 'Tipton was
cast in My Bride is a Mermaid. She …' is no vote for either when both are people). A person with at least
`MIN_VOTES` votes, of which at least `MIN_SHARE` for one gender, has that gender; the article's evidence
beats the forename list. A name the actor pass kinded as an organisation or a place takes votes too when it
opens its sentence and ends in no common word ('La Riva disagreed. She criticized …'; not "Streatham High
Road"): the article's "she" says it is a person. An object pronoun ("him") never votes for a name of its own
sentence: it is not its clause's subject ('Wikinews caught up with him'), and it shows someone else of
its gender there, so no pronoun of that gender votes in that sentence or the next ('Roe told him his
crimes were grave. His lawyer said he …': "his"/"he" may be him); nor does a pronoun of the other
gender than the first pronoun of its sentence ('He told her …': "her" is someone else).
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections.abc import Callable
from itertools import compress

from ..lexicon import lexicon
from ..model import Actor
from ..text import Doc
from .speech_data import mapping, words

MIN_VOTES = 2
MIN_SHARE = 0.8
Span = tuple[int, int, Actor]


def pronoun_genders(doc: Doc, spans: list[Span], inside_quote: Callable[[int], bool]) -> dict[str, str]:
    """Actor name -> "m"/"f" for every person the article's pronouns settle."""
    gendered = _gendered_forms()
    outside = [sp for sp in spans if not inside_quote(sp[0])]
    openers = _sentence_openers(doc, outside)
    persons = [sp for sp in outside if sp[2].kind == "person" or (sp[0] in openers and _name_like(sp[2]))]
    starts = [sp[0] for sp in persons]
    votes: dict[str, dict[str, int]] = {}
    first: dict[int, str] = {}  # sentence -> gender of its first pronoun
    unnamed: dict[int, str] = {}  # sentence -> gender of an object pronoun standing for someone unnamed there
    # (only the pronouns are visited: the texts are matched against the pronoun forms in C, and the tokens
    # picked beside them, with no index made for every word)
    for tok in compress(doc.tokens, map(gendered.__contains__, doc.texts)):
        g = gendered[tok.text]
        if inside_quote(tok.start) or first.setdefault(tok.sent, g) != g:
            continue  # 'He told her': a pronoun of the other gender after the first is someone else
        i = bisect_left(starts, tok.start) - 1
        if i < 0:
            continue
        a = persons[i][2]
        if tok.text.lower() in _object_pronouns() and _sentence_at(doc, persons[i][0]) == tok.sent:
            unnamed.setdefault(tok.sent, g)
            continue  # 'Wikinews caught up with him': an object pronoun is not its own clause's subject
        if g in (unnamed.get(tok.sent), unnamed.get(tok.sent - 1)):
            continue  # 'Roe told him his crimes were grave. His lawyer said he …': "his" may be him, not Roe
        if persons[i][0] in openers and _alone(doc, persons, i, tok.sent):
            tally = votes.setdefault(a.name, {})
            tally[g] = tally.get(g, 0) + 1
    out: dict[str, str] = {}
    for name, tally in votes.items():
        g, n = max(tally.items(), key=lambda kv: kv[1])
        if n >= MIN_VOTES and n >= MIN_SHARE * sum(tally.values()):
            out[name] = g
    return out


@functools.cache
def _gendered_forms() -> dict[str, str]:
    """Each gendered pronoun as written in lower case and capitalised -> "m"/"f" (one look-up per token)."""
    base = mapping("gendered_pronouns")
    return {**base, **{w.capitalize(): g for w, g in base.items()}}


@functools.cache
def _object_pronouns() -> frozenset[str]:
    return words("object_pronouns")


def _name_like(a: Actor) -> bool:
    """A name of another kind that could be a person's: its last word is no common word ("La Riva", not
    "Streatham High Road")."""
    last = a.name.split()[-1].lower()
    return last.isalpha() and last not in lexicon().common_words


def _sentence_openers(doc: Doc, spans: list[Span]) -> set[int]:
    """Start offsets of the first mention of each sentence (of any kind): the sentence's likely subject."""
    seen: set[int] = set()
    out: set[int] = set()
    for sp in spans:
        s = _sentence_at(doc, sp[0])
        if s not in seen:
            seen.add(s)
            out.add(sp[0])
    return out


def _alone(doc: Doc, persons: list[Span], i: int, sent: int) -> bool:
    """The person of persons[i] is in the pronoun's sentence or the one before, and no other person is."""
    a = persons[i][2]
    j = i
    while j >= 0:
        s = _sentence_at(doc, persons[j][0])
        if s < sent - 1:
            break
        if persons[j][2] is not a:
            return False
        j -= 1
    return _sentence_at(doc, persons[i][0]) >= sent - 1


def _sentence_at(doc: Doc, pos: int) -> int:
    i = doc.index_of.get(pos)
    return doc.tokens[i].sent if i is not None else -1
