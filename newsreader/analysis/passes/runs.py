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

from ..lexicon import Lexicon, lexicon, rule_words
from ..names import is_initial, namey
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
    for i, t in enumerate(toks):
        if not cur and not t.cap and "-" not in t.text:
            continue  # fast path: a lower-case word outside a run ("al-Assad" has a hyphen)
        if cur and t.end == toks[cur[-1]].poss_end and t.start > toks[cur[-1]].end:
            continue  # the "s" of "Sheriff's": inside the possessive, which `_joinable` weighs
        if i in captions or t.text in CAPTION_CUES and is_caption_cue(t, text) \
                or dollars and text.startswith("$", t.end):
            flush()  # a photo credit never continues a name; "US$ 20" is money
            continue
        if not t.cap and t.text not in PARTICLES and t.text != "of" and "-" not in t.text and not namey(t):
            flush()  # (the word after most runs: lower case, no particle, so no need to ask `_joinable`)
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
        if t.cap and "-" not in t.text or namey(t):  # (the test `namey` ends with, for most words)
            if not joinable and cur:
                flush()
            cur.append(i)
        elif joinable and (t.text in PARTICLES or t.text == "of") and _glue(toks, cur, i, text):
            cur.append(i)
        else:
            flush()
    flush()
    state.runs = _trimmed(runs, toks)


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
    """Particles must not end a run."""
    while run and not namey(toks[run[-1]]):
        run = run[:-1]
    return run


def _possessive_in_name(prev: Token, t: Token, lex: Lexicon) -> bool:
    """"Doctors' Hospital", "the Alachua Sheriff's Office", "Boston Children's Hospital": a possessive
    inside a body's name, before its head. A plural possessive ("Doctors'") always is one; a singular one
    when the possessor is an office ("Sheriff's Office", "Governor's Mansion") or a plural noun for people
    ("People's Party", "Children's Hospital"); after a name it is that name's body, written apart ("Apple's
    Board", "CU Boulder's Cooperative Institute")."""
    if not (t.text in lex.org_heads or t.text in lex.place_heads):
        return False
    if prev.poss_end == prev.end + 1:
        return True
    return prev.poss_end == prev.end + 2 and ((prev.text,) in lex.titles or prev.text in GROUP_NOUNS)


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
