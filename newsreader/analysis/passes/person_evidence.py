"""Person evidence that does not rest on the forename list.

Articles are full of people whose forenames no list knows (foreign, rare, new names). These rules read
what the text itself shows of a personal name — its shape after a title — so that an unknown forename
weighs no less than a known one where the context already says "a person".
"""

from __future__ import annotations

from ..lexicon import Lexicon
from ..names import is_acronym, is_initial, is_place_name, surnameish

NAME_WORDS = (2, 3)  # a forename and a surname, perhaps with a middle name or an initial between


def name_shaped(words: list[str], lex: Lexicon) -> bool:
    """Rule: two or three capitalised words that can only be a personal name, whatever the forename
    lists say ("Justice Ilvo Kagan", "Captain Houlia Rochester"): the first is no dictionary word,
    place, organisation or acronym (`surnameish`: a made-up or foreign forename), a middle word is an
    initial or such a word, and the last is no head word of an organisation, outlet, place or event, no
    function word and no title ("Minister of State Council" is an office, not a name)."""
    if len(words) not in NAME_WORDS or not surnameish(words[0], lex) or words[0] in lex.known_orgs:
        return False
    last = words[-1]
    if not last[:1].isupper() or is_acronym(last) or last in lex.function_words or (last,) in lex.titles \
            or last in lex.org_heads or last in lex.media_heads or last in lex.place_heads \
            or last in lex.event_heads or is_place_name(" ".join(words), lex):
        return False
    return all(is_initial(w) or surnameish(w, lex) for w in words[1:-1])
