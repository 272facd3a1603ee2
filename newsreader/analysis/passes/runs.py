"""Name candidates: maximal runs of capitalised words.

Rule: a name is written as capitalised words separated by single spaces ("Ken Hu", "Bank of England" is
joined later). Lower-case particles ("van", "bin") may sit inside a run; a middle or leading initial
("John F. Kennedy"), an abbreviated title ("Dr. Jane Doe", "Sen. Smith") and a quoted nickname after a
forename (Pasquale "Pat" Di Cicco) keep it going; a sentence
start, a possessive, punctuation or a photo-credit cue ends it. A capitalised word with a modifier tail
("Luxembourg-based", "Booker Prize-winner") ends the run with its name part; a descriptor word
("World War II-era", "Trump-style") is no name at all.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from itertools import compress, count, filterfalse

from ..lexicon import Lexicon, lexicon, rule_words
from ..names import ELIDED_PARTICLES, is_initial, is_place_name, namey
from ..state import DocState
from ..text import Token
from .evidence import CAPTION_CUES, is_caption_cue

PARTICLES = rule_words("actors_particles")
MAX_RUN = 12  # a capitalised run longer than this is a headline or shouting, not a name
# Lower-case tails that turn a capitalised word into a modifier: "Luxembourg-based", "Iran-backed".
HYPHEN_TAILS = rule_words("actors_hyphen_tails")
# Tails after which the whole word is a descriptor and ends the run: "World War II-era", "Trump-style".
DROP_TAILS = rule_words("actors_drop_tails")
ABBREVIATIONS = rule_words("text_abbreviations")
GROUP_NOUNS = rule_words("actors_group_nouns")  # "People's Party", "Children's Hospital"


def capitalised_runs(state: DocState) -> None:
    """Maximal runs of name tokens; words with a modifier tail record their name part in `state.heads`."""
    toks, text, lex = state.doc.tokens, state.doc.text, state.lex
    runs: list[list[int]] = []
    cur: list[int] = []

    def flush() -> None:
        if cur:
            runs.append(cur[:])
            cur.clear()

    captions = state.captions
    dollars = "$" in text  # (most bodies name no sum in dollars: one test for all their words)
    # (most bodies hold no elided particle: one search of the text spares a test of every lower-case word)
    elided = ELIDED_PARTICLES if ELIDED_RE.search(text) else ()
    for i in _visits(_openers(state), len(toks), cur):
        t = toks[i]
        if not cur and not t.cap and "-" not in t.text and not (elided and t.text.startswith(elided)) \
                and not (t.text[0].isdigit() and _opens_with_ordinal(toks, i, text)):
            continue  # fast path: a lower-case word outside a run ("al-Assad" has a hyphen, "d'Ettorre" an
            # elided particle; "1st" may open one)
        if cur and t.end == toks[cur[-1]].poss_end and t.start > toks[cur[-1]].end:
            continue  # the "s" of "Sheriff's": inside the possessive, which `_joinable` weighs
        if i in captions or t.text in CAPTION_CUES and is_caption_cue(t, text) \
                or dollars and text.startswith("$", t.end):
            flush()  # a photo credit never continues a name; "US$ 20" is money
            continue
        if not t.cap and t.text not in PARTICLES and t.text != "of" and "-" not in t.text \
                and not t.text[0].isdigit() and not (elided and namey(t)):
            # (the word after most runs: lower case, no particle, no number: no need to ask `_joinable`; a
            # lower-case word without a hyphen is `namey` only behind an elided particle)
            flush()
            continue
        joinable = bool(cur) and _joinable(toks, cur, i, text, lex)
        if t.cap and "-" in t.text:
            if _drop_tail(t.text[t.text.rfind("-") + 1:], lex):
                flush()
                continue
            head = _hyphen_head(t)
            if head is not None:
                # the head closes the run: "Booker Prize-winner Margaret Atwood" -> "Booker Prize", "Margaret …"
                state.heads[i] = head
                if not joinable:
                    flush()
                cur.append(i)
                flush()
                continue
        # (the test `namey` ends with, for most words; an ordinal opens a unit's name: "the 1st Fleet Command")
        if t.cap and "-" not in t.text or namey(t) or _opens_with_ordinal(toks, i, text):
            if not joinable and cur:
                flush()
            cur.append(i)
        elif joinable and ((t.text in PARTICLES or t.text == "of") and _glue(toks, cur, i, text)
                           or _numbered(toks, cur, i, lex)):  # "the Lost 52 Project"
            cur.append(i)
        else:
            flush()
    flush()
    state.runs = _trimmed(runs, toks)


def _openers(state: DocState) -> list[int]:
    """Indices of the tokens that may open a run: every word but a plain lower-case one (letters only).
    Such a word outside a run is passed over by the loop's first test (it is not capitalised, has no
    hyphen, opens with no elided particle and no digit), so only these need a visit while no run is open.
    Found in C: a look-up of each word among the words the article capitalises and its lower-case
    words that are not letters only (the tokenizer's counts)."""
    doc = state.doc
    keep = set(filterfalse(str.isalpha, doc.lower_counts))
    keep.update(doc.mid_capitals)
    keep.update(doc.initial_capitals)
    return list(compress(count(), map(keep.__contains__, doc.texts)))


def _visits(openers: list[int], n: int, cur: list[int]) -> Iterator[int]:
    """The token indices `capitalised_runs` visits, in order: each possible opener, and while a run is
    open (`cur`, the caller's run, read after each visit) every word after it, up to the next opener. A
    word skipped so is one the loop would pass over without a change: no run open, no opener."""
    i = -1
    for m in openers:
        while cur and i + 1 < m:
            i += 1
            yield i
        i = m
        yield m
    while cur and i + 1 < n:
        i += 1
        yield i


# An elided particle where a word starts (no word character before it, as before every token: the tokenizer
# never starts a word after a word character). Not "Ford's": a "d'" that ends a word is no particle. (Each
# branch opens with its first letter and looks behind it after: `re` finds the letter by a scan in C, where
# a look-behind first is tried at every character of the body.)
ELIDED_RE = re.compile("|".join(rf"{re.escape(p[0])}(?<!\w.){re.escape(p[1:])}" for p in ELIDED_PARTICLES))


def _trimmed(runs: list[list[int]], toks: list[Token]) -> list[list[int]]:
    """The runs no longer than `MAX_RUN`, each trimmed (those left empty dropped). Most runs end in a
    capitalised word without a hyphen, which `namey` always accepts: only the others are trimmed."""
    kept = []
    for r in runs:
        if len(r) <= MAX_RUN:
            last = toks[r[-1]]
            if not last.cap or "-" in last.text:
                r = _trim(r, toks)
            if r:
                kept.append(r)
    return kept


def _trim(run: list[int], toks: list[Token]) -> list[int]:
    """Particles must not end a run (nor an ordinal or a number that found no name after it)."""
    while run and not namey(toks[run[-1]]):
        run = run[:-1]
    return run


ORDINAL_RE = re.compile(r"\d{1,4}(?:st|nd|rd|th)")
MAX_NAME_NUMBER = 999  # "Area 51", "Interstate 75", "Boeing 737": a numbered name; "Tokyo 2020" is a year


def _opens_with_ordinal(toks: list[Token], i: int, text: str) -> bool:
    """"the 1st Fleet Command", "the 501st Legion": an ordinal before capitalised words opens a unit's name
    (not before an acronym, "60th NATO summit", or a nationality, "the 43rd Canadian Parliament")."""
    t = toks[i]
    return t.text[0].isdigit() and ORDINAL_RE.fullmatch(t.text) is not None and i + 1 < len(toks) and toks[i + 1].cap \
        and not toks[i + 1].initial and text[t.end:toks[i + 1].start] == " " and not toks[i + 1].text.isupper() \
        and toks[i + 1].text not in lexicon().nationalities


def _numbered(toks: list[Token], cur: list[int], i: int, lex: Lexicon) -> bool:
    """"the Area 51 Alien Center", "the Lost 52 Project": a number between capitalised words of one name
    numbers the thing the words before it name and belongs to the name; not after a month or a day
    ("March 12"), a sentence's first word ("Around 300,000 …") or a function word, not a year ("Tokyo
    2020 Games"), and not before another name ("Round 4 Sunshine Coast …"). A number that ends the run
    stays out ("Tab 3", "Explorer 9": references and versions far more often than names)."""
    w = toks[i].text
    if not w[0].isdigit():
        return False  # (most words after a run: settled by one look)
    prev = toks[cur[-1]]
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return prev.cap and not prev.initial and w.isdigit() and int(w) <= MAX_NAME_NUMBER \
        and prev.text not in lex.time_words and prev.text not in lex.function_words \
        and nxt is not None and nxt.cap and nxt.start == toks[i].end + 1 and nxt.sent == prev.sent \
        and not _opens_place(toks, i + 1, lex)


def _opens_place(toks: list[Token], k: int, lex: Lexicon) -> bool:
    """Token k, alone or with the next word, is a place: another name starts there ("their Round 4
    Sunshine Coast Rugby Union match")."""
    two = f"{toks[k].text} {toks[k + 1].text}" if k + 1 < len(toks) else ""
    return is_place_name(toks[k].text, lex) or is_place_name(two, lex)


def _possessive_in_name(prev: Token, t: Token, lex: Lexicon) -> bool:
    """"Doctors' Hospital", "the Alachua Sheriff's Office", "Boston Children's Hospital": a possessive
    inside a body's name, before its head. A plural possessive ("Doctors'") always is one; a singular one
    when the possessor is an office ("Sheriff's Office", "Governor's Mansion"); after a name it is that
    name's body, written apart ("Apple's Board", "CU Boulder's Cooperative Institute"). A plural noun for
    people names whom the thing is for, not an owner, so its possessive is inside the name before any
    capitalised word but a forename ("People's Party", "People's Liberation Army", "Women's Day")."""
    if prev.text in GROUP_NOUNS and prev.poss_end == prev.end + 2:
        return not lex.is_forename(t.text)
    if not (t.text in lex.org_heads or t.text in lex.place_heads):
        return False
    if prev.poss_end == prev.end + 1:
        return True
    return prev.poss_end == prev.end + 2 and (prev.text,) in lex.titles


def _joinable(toks: list[Token], cur: list[int], i: int, text: str, lex: Lexicon) -> bool:
    """Token i continues the run: one space after the previous word, a middle initial ("John F. Kennedy"),
    an abbreviated place prefix ("St. Louis") or an abbreviated title ("Mr. Rohatgi", "Gen. Milley": the
    boundaries pass then makes the words after it a person)."""
    prev, t = toks[cur[-1]], toks[i]
    gap = text[prev.poss_end:t.start]
    if gap == " " and not t.initial and (
            prev.poss_end == prev.end or _possessive_in_name(prev, t, lex)):
        return True
    if _nickname(toks, cur, i, gap, text, lex):
        return True
    if gap == ". " and len(cur) == 1 and prev.text + "." in lex.place_prefixes and t.cap:
        return True  # "St. Louis", "Mt. Everest": an abbreviated place prefix
    if gap == ". " and t.cap and prev.text in ABBREVIATIONS and (prev.text,) in lex.titles:
        return True
    return gap == ". " and is_initial(prev.text) and t.cap and (
        len(cur) > 1 or (i + 1 < len(toks) and toks[i + 1].cap and text[t.end:toks[i + 1].start] == " "))


NICK_OPEN = (' "', " \u201c")  # a quoted nickname opens after a forename: Pasquale "Pat" Di Cicco
NICK_CLOSE = ('" ', "\u201d ")


def _nickname(toks: list[Token], cur: list[int], i: int, gap: str, text: str, lex: Lexicon) -> bool:
    """A nickname in quotation marks between a forename and a surname is inside the name: Pasquale "Pat"
    Di Cicco, Jungwook "Wookie" Kim. The quoted part is one capitalised word, and a capitalised word
    follows it."""
    t = toks[i]
    if gap in NICK_OPEN:
        return len(cur) == 1 and lex.is_forename(toks[cur[0]].text) and t.cap and i + 1 < len(toks) \
            and text[t.end:toks[i + 1].start] in NICK_CLOSE and toks[i + 1].cap
    return gap in NICK_CLOSE and len(cur) == 2 and t.cap \
        and text[toks[cur[0]].end:toks[cur[1]].start] in NICK_OPEN


def _glue(toks: list[Token], cur: list[int], i: int, text: str) -> bool:
    """A lower-case word inside a name: a particle ("Ludwig van Beethoven") or the "of" of a title."""
    t = toks[i]
    if i + 1 >= len(toks) or not toks[i + 1].cap:
        return False
    if t.text in PARTICLES:
        return text[t.end:toks[i + 1].start] == " "
    if t.text != "of":
        return False
    prefixes = _title_prefixes()
    return (tuple([toks[k].text for k in cur[-2:]] + ["of"]) in prefixes
            or tuple([toks[k].text for k in cur[-1:]] + ["of"]) in prefixes)


@functools.cache
def _title_prefixes() -> frozenset[tuple[str, ...]]:
    """Opening words of titles with "of" in them ("Secretary of State"): an "of" after them continues."""
    out = {t[:k + 1] for t in lexicon().titles for k in range(1, len(t))}
    return frozenset(x for x in out if "of" in x)


def _drop_tail(tail: str, lex: Lexicon) -> bool:
    """"World War II-era", "Trump-loving", "Oscar-nominated": the whole word describes something else."""
    if tail in DROP_TAILS:
        return True
    if tail in HYPHEN_TAILS or len(tail) < 5 or not tail.islower() or not tail.endswith(("ing", "ed")):
        return False
    stem = tail[:-3] if tail.endswith("ing") else tail[:-2]
    if len(stem) < 3:
        return False
    # a common English verb form ("loving", "nominated"), not a name part ("Wai-ching")
    return tail in lex.common_words or stem in lex.common_words or stem + "e" in lex.common_words


def _hyphen_head(tok: Token) -> Token | None:
    """"Luxembourg-based" -> a token for "Luxembourg"; None when the word has no modifier tail."""
    w = tok.text
    k = w.rfind("-")
    if k <= 0 or not tok.cap or w[k + 1:] not in HYPHEN_TAILS:
        return None
    head = w[:k]
    if len(head) < 2 or not head[-1].isalpha():
        return None
    return Token(tok.start, tok.start + k, head, True, tok.start + k, tok.initial, tok.sent, tok.para)
