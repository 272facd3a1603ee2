"""Word-shape tests shared by the actor passes: acronyms, initials, accent folding, forename gender.

They look only at one word (or one form) and the word lists, never at the document, so every pass can
use them without caring about order.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from .lexicon import Lexicon, rule_words
from .text import WORD_RE, Token


NAME_SUFFIXES = rule_words("actors_name_suffixes")  # "Jr", "III": the end of a person's name
REGNAL_TITLES = rule_words("actors_regnal_titles")
ARABIC_PREFIXES = tuple(sorted(rule_words("actors_arabic_prefixes")))  # "al-Assad": a lower-case article
ELIDED_PARTICLES = tuple(sorted(rule_words("actors_elided_particles")))  # "d'Ettorre": an elided particle
ORDINALS = rule_words("actors_ordinals")  # "First", "Second": they may number a body ("First Congress")
STATE_WORDS = rule_words("actors_state_words")  # "Republic of Ireland": a state's formal name is a place


def name_core(words: list[str]) -> list[str]:
    """A person's name without a regnal title or a generational suffix: the words that are used alone
    ("Queen Elizabeth II" -> "Elizabeth", "Robert Downey Jr." -> "Robert Downey")."""
    core = [w for w in words if w.rstrip(".") not in NAME_SUFFIXES]
    if len(core) > 1 and core[0] in REGNAL_TITLES:
        core = core[1:]
    return core or words


def numbered_body(words: list[str], lex: Lexicon) -> bool:
    """"First Congress of the United States", "Second Vatican Council": an ordinal opening words that end
    in an organisation head numbers the body, and is part of its name (unlike "First Lady Jill Biden")."""
    head = next((k for k, w in enumerate(words) if not w[:1].isupper()), len(words)) - 1  # before "of"
    return head >= 1 and words[0] in ORDINALS and words[head] in lex.org_heads


@functools.lru_cache(maxsize=65536)
def is_acronym(word: str) -> bool:
    """"NATO", "U.S.", "M5S": two to eight characters whose letters are all capitals.

    Most words are settled without a look at each character: a longer word, or a plain ASCII word (where
    the letters are A-Z and a-z, so `isupper` says "a capital and no small letter")."""
    if len(word) > 8:
        return False
    if word.isascii():
        return word.isupper() and sum(map(str.isalpha, word)) >= 2
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def acronymish(form: str) -> bool:
    """"WHO", "U.N.", "MarineTraffic", "M5S": a short form that can stand for a longer name."""
    return " " not in form and sum(1 for ch in form if ch.isupper()) >= 2


def is_initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def namey(tok: Token) -> bool:
    """A token that can be part of a name: capitalised, or a name word behind a lower-case Arabic article
    ("al-Assad") or an elided Romance particle ("d'Ettorre", "d’Alembert")."""
    if tok.cap:
        # "T-shirt", "X-ray", "U-turn": a capital letter before a lower-case word is no name
        return not (len(tok.text) > 2 and tok.text[1] == "-" and tok.text[2:3].islower())
    w = tok.text
    if w.startswith(ELIDED_PARTICLES):
        return len(w) > 3 and w[2:3].isupper()
    return (w.startswith(ARABIC_PREFIXES) and len(w) > 4
            and w[w.index("-") + 1:][:1].isupper())


@functools.lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Accent-insensitive key: "Erdoğan" and "Erdogan" are one surname. (A plain ASCII word has no accent to
    strip: its key is its lower case, without the per-character pass.)"""
    if word.isascii():
        return word.lower()
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).casefold()


def form_words(form: str) -> list[str]:
    """The tokens of a surface form, as the tokenizer would cut them."""
    return WORD_RE.findall(form)


def gender_of(words: list[str], lex: Lexicon) -> str | None:
    """"m"/"f" when the first word is a forename of one gender only."""
    first = words[0]
    if first in lex.male_names and first not in lex.female_names:
        return "m"
    if first in lex.female_names and first not in lex.male_names:
        return "f"
    return None


def surnameish(w: str, lex: Lexicon) -> bool:
    """A capitalised word that is no common word, place, organisation head or function word."""
    return w.isalpha() and w[:1].isupper() and not w.isupper() and w.lower() not in lex.common_words \
        and w not in lex.places and w not in lex.org_heads and w not in lex.function_words


def formal_state_place(words: list[str], lex: Lexicon) -> str | None:
    """"Republic of Ireland" -> "Ireland", "Islamic Republic of Iran" -> "Iran": the place a state's
    formal name (a state word, "of", a place) names; None for any other name."""
    if "of" not in words:
        return None
    k = words.index("of")
    place = " ".join(words[k + 1:])
    return place if k >= 1 and words[k - 1] in STATE_WORDS and is_place_name(place, lex) else None


def plural_of_common(w: str, lex: Lexicon) -> bool:
    """"nuggets", "rockets", "lakers", "bodies": the plural of a common noun (or a plural the word list
    holds as it is)."""
    if not w.endswith("s") or w.endswith("ss"):
        return False
    return w in lex.common_words or w[:-1] in lex.common_words or w.endswith("ies") and w[:-3] + "y" in lex.common_words


def is_place_name(form: str, lex: Lexicon) -> bool:
    return form in lex.places or form in lex.place_aliases


SURNAME_PREFIX_RE = re.compile(r"(?:Mc|Mac|O['\u2019]|D['\u2019]|Fitz)(?=[A-Z])")  # "McBride", "O'Reilly"


def inner_capitals(w: str) -> bool:
    """Inner capitals ("AntyScience", "PlayStation") mark a brand or a coined name; after a surname prefix
    ("McBride", "MacDonald", "O'Reilly") they are an ordinary surname's. (`islower` first: later letters
    all in lower case, most words, have no inner capital, settled by one C call.)"""
    if w[1:].islower() or not any(map(str.isupper, w[1:])) or is_acronym(w):
        return False
    m = SURNAME_PREFIX_RE.match(w)
    return m is None or any(map(str.isupper, w[m.end() + 1:]))


TRANSLITERATION_MARKS = frozenset("'\u2019\u02bc\u02bf\u02be")  # apostrophes, modifier letters ʼ ʿ ʾ
TRANSLITERATION_MARK_RE = re.compile("(?<=[a-z])[{}](?=[a-z])".format("".join(sorted(TRANSLITERATION_MARKS))))


def unmarked(word: str) -> str:
    """"Qur'an" -> "Quran", "Shi'a" -> "Shia", "Shari'a" -> "Sharia": an apostrophe between two lower-case
    letters marks a sound of a transliterated language (an ʿayn or a hamza), which English also spells
    without it; the word lists hold that spelling. ("O'Brien" has a capital after it and is kept.)"""
    if TRANSLITERATION_MARKS.isdisjoint(word):
        return word  # (most words: no mark at all)
    return TRANSLITERATION_MARK_RE.sub("", word)
