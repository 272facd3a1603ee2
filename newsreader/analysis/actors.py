"""Named actors: people, organisations and places, found by capitalisation rules and word lists.

The pipeline is: capitalised runs -> titles split off -> "of"/"for"/"and" joins for organisation names ->
sentence-initial and headline filtering -> kinds -> clustering of aliases (surname -> full name, acronym ->
expansion, "US" -> "United States") -> a second pass that finds every mention of every known form.
No model: the rules follow the research notes (notes/analysis.md, section C).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .lexicon import Lexicon, lexicon, rule_sequence, rule_words
from .model import Actor, ActorHint, Mention
from .text import Doc, Token

PARTICLES = rule_words("actors_particles")
JOINERS = {" of ": "of", " for ": "for", " on ": "on", " of the ": "of", " for the ": "for", " on the ": "on",
           " and ": "and", " & ": "&", " de ": "of", " du ": "of", " des ": "of"}
CONTRACTION_RE = re.compile(r"^(?:i|we|you|they|he|she|it|that|there|who|what|let|here|where)['\u2019]", re.I)
PLACE_PREPS = rule_words("actors_place_preps")
DIRECTIONS = rule_words("actors_directions")
# Forenames that are also listed as function words ("Bill" the law): before a surname they are names.
NAME_LIKE_WORDS = rule_words("actors_name_like_words")
AGENT_SUFFIXES = rule_sequence("actors_agent_suffixes")  # occupational nouns: "Broadcaster", "Novelist"
HEADLINE_RATIO = 0.6
MAX_RUN = 12  # a capitalised run longer than this is a headline or shouting, not a name
CAPTION_RE = re.compile(r"\b(?:Image|Photo|Picture|Credit|Source|Video|File photo)\s*:")
CAPTION_CUES = rule_words("actors_caption_cues")
# First words that make a run a campaign, a storm or a flight: "Operation Clambake", "Hurricane Katrina".
THING_PREFIXES = rule_words("actors_thing_prefixes")
LAW_HEADS = rule_words("actors_law_heads")
REPORT_VERBS = rule_words("actors_report_verbs")
# A lower-case noun right before a run that makes the run the title of a work or a product:
# "her graphic novel Angel Catbird", "the film Alien", "the game Counter-Strike".
WORK_NOUNS = rule_words("actors_work_nouns")
BORN_RE = re.compile(r"\b([A-Z][\w'\u2019.-]*(?: [A-Z][\w'\u2019.-]*){0,3})(?:,| \()? (?:who )?(?:was )?(?:born|n[ée]e) $")
# Lower-case tails that turn a capitalised word into a modifier: "Luxembourg-based", "Booker Prize-winner",
# "Iran-backed", "Creative Commons-licensed". The name is the part before the hyphen, and it ends the run.
HYPHEN_TAILS = rule_words("actors_hyphen_tails")
# Tails after which the whole word is a descriptor and ends the run: "World War II-era", "Trump-style".
DROP_TAILS = rule_words("actors_drop_tails")


@dataclass(slots=True)
class Cand:
    """One candidate mention before clustering."""

    toks: list[Token]
    kind: str | None = None
    person_evidence: bool = False  # came after a title/honorific
    gender: str | None = None
    initial: bool = False
    weak: bool = False  # needs support (an alias link) before it counts as an actor
    the_name: bool = False  # introduced by a capitalised "The" mid-sentence ("according to The Times")
    thing: bool = False  # names a vessel, an event or a product ("MV X", "X Festival", "the X capsule")

    @property
    def start(self) -> int:
        return self.toks[0].start

    @property
    def end(self) -> int:
        return self.toks[-1].end

    def words(self) -> list[str]:
        return [t.text for t in self.toks]


@dataclass(slots=True)
class Entity:
    name: str
    kind: str | None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    forms: set[str] = field(default_factory=set)
    person_votes: int = 0
    org_votes: int = 0
    thing_votes: int = 0
    cand_count: int = 0
    title_votes: int = 0
    place_votes: int = 0
    gender: str | None = None
    hinted: bool = False
    strong: bool = False
    merged_into: Entity | None = None
    counts: dict[str, int] = field(default_factory=dict)  # candidate count per surface form
    minor: set[str] = field(default_factory=set)  # forms that never become the canonical name (birth names)

    def root(self) -> Entity:
        e = self
        while e.merged_into is not None:
            e = e.merged_into
        return e


@dataclass(slots=True)
class ActorIndex:
    """Actors plus what the quotation rules need: which actor each mention points at."""

    actors: list[Actor]
    # (start, end, actor) for every mention, sorted by start
    spans: list[tuple[int, int, Actor]]
    gender: dict[str, str | None]  # actor name -> "m" / "f" / None

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor with a mention overlapping [start, end), preferring the latest such mention."""
        import bisect

        i = bisect.bisect_left(self.spans, (end,))
        for s, e, a in reversed(self.spans[max(0, i - 50):i]):
            if e > start:
                return a
        return None


# --------------------------------------------------------------------------------------------------- helpers
def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(word) <= 8


def _acronymish(form: str) -> bool:
    """"WHO", "U.N.", "MarineTraffic", "M5S": a short form that can stand for a longer name."""
    return " " not in form and sum(1 for ch in form if ch.isupper()) >= 2


def _is_initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def _drop_tail(tail: str) -> bool:
    """"World War II-era", "Trump-loving", "Oscar-nominated": the whole word describes something else."""
    if tail in DROP_TAILS:
        return True
    if tail in HYPHEN_TAILS or len(tail) < 5 or not tail.islower() or not tail.endswith(("ing", "ed")):
        return False
    lex = lexicon()
    stem = tail[:-3] if tail.endswith("ing") else tail[:-2]
    if len(stem) < 3:
        return False
    # a common English verb form ("loving", "nominated"), not a name part ("Wai-ching")
    return tail in lex.common_words or stem in lex.common_words or stem + "e" in lex.common_words


def _hyphen_head(tok: Token) -> Token | None:
    """"Luxembourg-based" -> a token for "Luxembourg"; None when the word has no modifier tail."""
    w = tok.text
    k = w.rfind("-")
    if k <= 0 or not tok.cap:
        return None
    tail = w[k + 1:]
    if tail not in HYPHEN_TAILS:
        return None
    head = w[:k]
    if len(head) < 2 or not head[-1].isalpha():
        return None
    return Token(tok.start, tok.start + k, head, True, tok.start + k, tok.initial, tok.sent, tok.para, head.lower())


def _namey(tok: Token) -> bool:
    if tok.cap:
        # "T-shirt", "X-ray", "U-turn": a capital letter before a lower-case word is no name
        return not (len(tok.text) > 2 and tok.text[1] == "-" and tok.text[2:3].islower())
    w = tok.text
    return (w.startswith(("al-", "el-", "ad-", "ash-", "bin-", "abu-")) and len(w) > 4 and w[w.index("-") + 1:][:1].isupper())


def _headline_paras(doc: Doc) -> set[int]:
    """Paragraphs that look like headlines or subheads: title case or all caps, no final full stop."""
    out: set[int] = set()
    by_para: dict[int, list[Token]] = {}
    for t in doc.tokens:
        by_para.setdefault(t.para, []).append(t)
    text = doc.text
    for p, toks in by_para.items():
        if len(toks) < 3 or len(toks) > 25:
            continue
        ps, pe = doc.paragraphs[p]
        if text[pe - 1] in ".!?\"”" or "\n" in text[ps:pe]:
            continue
        words = [t for t in toks if t.text[0].isalpha() and len(t.text) > 3]
        if not words:
            continue
        caps = sum(1 for t in words if t.cap)
        if caps / len(words) >= HEADLINE_RATIO:
            out.add(p)
    return out


def _caption_tokens(doc: Doc) -> set[int]:
    """Token indices of photo credits ("Image: Jane Doe.") — photographers are not actors of the story."""
    out: set[int] = set()
    toks = doc.tokens
    text = doc.text
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        if t.text in CAPTION_CUES and text[t.end:t.end + 1] == ":":
            j = i + 1
            while j < n and toks[j].sent == t.sent and toks[j].para == t.para:
                out.add(j)
                j += 1
            i = j
            continue
        i += 1
    return out


# --------------------------------------------------------------------------------------------------- runs
def _raw_runs(doc: Doc, lex: Lexicon, skip: set[int], heads: dict[int, Token]) -> list[list[int]]:
    """Maximal runs of capitalised tokens separated by single spaces (particles allowed inside).

    Words with a modifier tail ("Luxembourg-based") end a run; `heads` receives their name part."""
    toks = doc.tokens
    text = doc.text
    runs: list[list[int]] = []
    cur: list[int] = []
    n = len(toks)
    for i in range(n):
        t = toks[i]
        if not cur and not t.cap and "-" not in t.text:
            continue  # fast path: a lower-case word outside a run ("al-Assad" has a hyphen)
        if i in skip:
            if cur:
                runs.append(cur)
                cur = []
            continue
        if (t.text in CAPTION_CUES and text[t.end:t.end + 1] == ":") or text[t.end:t.end + 1] == "$":
            # "… Washington D.C. Image: …": a photo credit cue never continues a name; "US$ 20" is money
            if cur:
                runs.append(cur)
                cur = []
            continue
        if cur:
            prev = toks[cur[-1]]
            gap = text[prev.poss_end:t.start]
            joinable = gap == " " and not t.initial and (
                prev.poss_end == prev.end
                or (prev.poss_end == prev.end + 1 and (t.text in lex.org_heads or t.text in lex.place_heads)))
            if not joinable and gap == ". " and _is_initial(prev.text) and t.cap and (
                    len(cur) > 1 or (i + 1 < n and toks[i + 1].cap and text[t.end:toks[i + 1].start] == " ")):
                # a middle or leading initial: "John F. Kennedy", "L. Ron Hubbard"
                joinable = True
        else:
            joinable = False
        if t.cap and "-" in t.text and _drop_tail(t.text[t.text.rfind("-") + 1:]):
            if cur:
                runs.append(cur)
                cur = []
            continue
        if t.cap and "-" in t.text:
            hh = _hyphen_head(t)
            if hh is not None:
                # the head closes the run: "Booker Prize-winner Margaret Atwood" -> "Booker Prize", "Margaret …"
                heads[i] = hh
                if joinable:
                    cur.append(i)
                else:
                    if cur:
                        runs.append(cur)
                    cur = [i]
                runs.append(cur)
                cur = []
                continue
        if _namey(t):
            if joinable:
                cur.append(i)
            else:
                if cur:
                    runs.append(cur)
                cur = [i]
        elif joinable and t.text in PARTICLES and i + 1 < n and toks[i + 1].cap \
                and text[t.end:toks[i + 1].start] == " ":
            cur.append(i)
        elif joinable and t.text == "of" and i + 1 < n and toks[i + 1].cap \
                and tuple([toks[k].text for k in cur[-2:]] + ["of"]) in _title_prefixes() \
                or joinable and t.text == "of" and i + 1 < n and toks[i + 1].cap \
                and tuple([toks[k].text for k in cur[-1:]] + ["of"]) in _title_prefixes():
            cur.append(i)
        else:
            if cur:
                runs.append(cur)
                cur = []
    if cur:
        runs.append(cur)
    # particles must not end a run; very long runs are title-case text, not names
    out = []
    for r in runs:
        if len(r) > MAX_RUN:
            continue
        while r and not _namey(toks[r[-1]]):
            r = r[:-1]
        if r:
            out.append(r)
    return out


@functools.cache
def _title_prefixes() -> frozenset[tuple[str, ...]]:
    out = set()
    for t in lexicon().titles:
        for k in range(1, len(t)):
            out.add(t[:k + 1] if False else t[:k + 1])
    return frozenset(x for x in out if x[-1] == "of" or "of" in x)


def _match_title(words: list[str], i: int, lex: Lexicon) -> int:
    """Length of the longest title starting at words[i] (0 if none)."""
    for L in range(min(lex.title_max_len, len(words) - i), 0, -1):
        if tuple(words[i:i + L]) in lex.titles:
            return L
    return 0


def _split_run(run: list[int], doc: Doc, lex: Lexicon, heads: dict[int, Token] | None = None,
               solo: frozenset[str] | set[str] = frozenset()) -> list[Cand]:
    """Split a raw run at titles and time words; the part after a title is a person."""
    toks = doc.tokens
    rtoks = [heads.get(i, toks[i]) for i in run] if heads else [toks[i] for i in run]
    words = [t.text for t in rtoks]
    out: list[Cand] = []
    cur: list[Token] = []
    person_next = False
    gender_next: str | None = None
    the_next = False
    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        if w == "The" and i == 0 and n >= 2 and (not rtoks[0].initial or n == 2 and words[1] in lex.media_heads
                                                  and _verb_follows(doc, run[-1], lex)) and n <= 4 \
                and not any(x in lex.function_words or x in lex.time_words for x in words[1:]):
            # "according to The Times", "a member of The Beatles": a capitalised article mid-sentence
            the_next = True
            i += 1
            continue
        name_like = w in NAME_LIKE_WORDS and i + 1 < n and words[i + 1][:1].isupper() \
            and words[i + 1] not in lex.function_words
        if (w in lex.time_words and not (cur and (person_next or lex.is_forename(cur[-1].text)))
                and not (len(w) > 3 and i + 1 < n and words[-1] in lex.org_heads
                         and words[i + 1] not in lex.time_words)) \
                or (w in lex.function_words and not cur and not _match_title(words, i, lex) and not name_like):
            if cur:
                out.append(Cand(cur, person_evidence=person_next, gender=gender_next))
                cur, person_next, gender_next = [], False, None
            i += 1
            continue
        L = _match_title(words, i, lex) if not cur or True else 0
        if L and i + L < n:
            title = tuple(words[i:i + L])
            rest = words[i + L:]
            ok = True
            if title in lex.ambiguous_titles:
                first = rest[0]
                ok = lex.is_forename(first) and first not in lex.place_aliases and first not in lex.places or (
                    not cur and rest[-1] not in lex.org_heads and rest[-1] not in lex.media_heads
                    and first not in lex.places and first not in lex.place_aliases and not _is_acronym(first))
                if ok and L == 1 and len(rest) == 1 and lex.is_forename(w) and not cur \
                        and w.lower() not in ("major", "general", "chief", "judge"):
                    ok = False  # "founded by Dean Kamen": a forename, not the title "Dean"
            if title == ("Mr",) or title == ("Mrs",) or title == ("Ms",):
                ok = True
            if ok and rest[-1] in lex.org_heads and not lex.is_forename(rest[0]) and title not in (
                    ("Mr",), ("Mrs",), ("Ms",), ("Dr",), ("Dr.",)):
                ok = False
            if ok:
                if cur:
                    out.append(Cand(cur, person_evidence=person_next, gender=gender_next))
                    cur = []
                person_next = True
                head = words[i]
                gender_next = "m" if head in lex.male_honorifics else "f" if head in lex.female_honorifics else None
                i += L
                continue
        elif L and i + L == n and L == n - i and cur == [] and i > 0:
            # a trailing bare title ("Labour MP"): drop it
            break
        if person_next and cur == [] and False:
            pass
        cur.append(rtoks[i])
        i += 1
    if cur:
        # a bare trailing title ("Labour MP") is not part of the name
        while cur and _match_title([t.text for t in cur], len(cur) - 1, lex) == 1 and len(cur) > 1 \
                and (cur[-1].text,) not in lex.ambiguous_titles and cur[-1].text not in lex.org_heads:
            cur = cur[:-1]
        out.append(Cand(cur, person_evidence=person_next, gender=gender_next))
    if the_next and len(out) == 1 and not out[0].person_evidence and out[0].toks[0] is rtoks[1]:
        out[0].the_name = True
    for c in out:
        # "Minister of Education Stefania Giannini": the run after "<title> of" is a portfolio, then a name
        if not c.person_evidence and len(c.toks) >= 3 and run[0] > 1:
            t0 = rtoks[0]
            pre = toks[run[0] - 1]
            if c.toks[0] is t0 and pre.text in ("of", "for") and (toks[run[0] - 2].text,) in lex.titles \
                    and t0.text not in lex.places and t0.text not in lex.place_aliases and t0.text not in lex.known_orgs:
                c.person_evidence = True
    return [x for c in out for x in _split_affiliation(c, lex, solo)]


def _verb_follows(doc: Doc, k: int, lex: Lexicon) -> bool:
    """The token after k is a lower-case verb of saying or reporting: "The Guardian cited …"."""
    toks = doc.tokens
    if k + 1 >= len(toks) or toks[k + 1].sent != toks[k].sent:
        return False
    w = toks[k + 1].text
    return w in lex.speech_verbs or w in REPORT_VERBS


_PREFIXES = ("un", "re", "non", "dis", "mis", "over", "under", "pre", "in", "im")
_SUFFIXES = (("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"), ("s", ""), ("es", ""), ("ly", ""),
             ("or", ""), ("or", "e"), ("er", ""), ("er", "e"), ("ors", ""), ("ors", "e"), ("ers", ""), ("ers", "e"),
             ("ies", "y"), ("ied", "y"), ("ion", ""), ("ion", "e"), ("ment", ""), ("able", ""))


def _derived_common(w: str, lex: Lexicon) -> bool:
    """A derived form of a common word: "Recycled", "Unremarked", "Protestor", "Vigils"."""
    low = w.lower()
    if not low.isalpha() or len(low) < 5 or lex.is_forename(w) or w in lex.places:
        return False
    stems = [low]
    for p in _PREFIXES:
        if low.startswith(p) and len(low) - len(p) >= 4:
            stems.append(low[len(p):])
    for st in stems:
        if st != low and st in lex.common_words:
            return True
        for suf, add in _SUFFIXES:
            if st.endswith(suf) and len(st) - len(suf) >= 4 and st[:-len(suf)] + add in lex.common_words:
                return True
    return False


def _demonym(w: str, lex: Lexicon) -> bool:
    """"Londoners", "Samoans", "Parisians": inhabitants named after a place."""
    if not w.endswith("s") or len(w) < 6 or w in lex.known_orgs or w in lex.org_aliases:
        return False
    for suf in ("ers", "ans", "ns", "ians", "ites", "iens"):
        if w.endswith(suf):
            base = w[:-len(suf)]
            if base in lex.places or base + "a" in lex.places or base + "e" in lex.places \
                    or base + "ia" in lex.places or base[:-1] + "y" in lex.places:
                return True
    return False


def _surnameish(w: str, lex: Lexicon) -> bool:
    return w.isalpha() and w[:1].isupper() and not w.isupper() and w.lower() not in lex.common_words \
        and w not in lex.places and w not in lex.org_heads and w not in lex.function_words


def _split_affiliation(c: Cand, lex: Lexicon, solo: frozenset[str] | set[str] = frozenset()) -> list[Cand]:
    """"Broadcaster Piers Morgan" -> person; "London Sadiq Khan" / "Argentina Alberto Fernández" -> two actors."""
    words = c.words()
    if len(words) >= 2 and words[0].lower() in lex.role_words and (words[0],) not in lex.titles \
            and not c.person_evidence and words[0].lower() in lex.common_words \
            and not any(w in lex.org_heads or w in lex.function_words for w in words[1:]) \
            and not (len(words) == 2 and words[1].lower() in lex.common_words and not lex.is_forename(words[1])):
        # (but "Star Wars" and "Doctor Who Society" are names of their own)
        return [Cand(c.toks[1:], person_evidence=True)]
    if 3 <= len(words) <= 4 and not lex.is_forename(words[0]) and words[0].endswith(("ist", "ian")) \
            and words[0] not in lex.places and lex.forename_evidence(words[1]) \
            and not any(w in lex.org_heads for w in words):
        # "Scientologist Tom Cruise", "Historian Mary Beard": a descriptive noun before a full name
        return [Cand(c.toks[1:], person_evidence=c.person_evidence, gender=c.gender)]
    if c.person_evidence and len(words) == 3 and not lex.is_forename(words[0]) \
            and words[0].lower() in lex.common_words and words[1].lower() not in lex.common_words:
        # "Minister of Education Stefania Giannini": the portfolio word left over after the title
        return [Cand(c.toks[1:], person_evidence=True, gender=c.gender)]
    if 3 <= len(words) <= 4 and c.toks[0].initial and not c.person_evidence and not lex.is_forename(words[0]) \
            and (words[0].lower() in lex.common_words or words[0].endswith(AGENT_SUFFIXES)) \
            and lex.forename_evidence(words[1]) \
            and words[0] not in lex.function_words and not any(w in lex.org_heads for w in words):
        # "Broadcaster Piers Morgan commented": a sentence-initial common noun before a forename is a role
        return [Cand(c.toks[1:])]
    if not c.person_evidence and solo and len(words) >= 3 and words[-1] in solo and _surnameish(words[-1], lex) \
            and _surnameish(words[-2], lex) and not lex.is_forename(words[-1]):
        prefix = words[:-2]
        if any(w in lex.places or w in lex.place_aliases or w in lex.org_heads for w in prefix):
            # "University of Texas Arlington Amneh Jafari … Jafari said": the surname stands alone later
            return [Cand(c.toks[:-2]), Cand(c.toks[-2:], person_evidence=True)]
    if len(words) >= 3 and not c.person_evidence:
        # "Amnesty International Man-kei Tam": a known organisation/place, then a two-word name
        for k in range(len(words) - 2, 0, -1):
            prefix = " ".join(words[:k])
            rest = words[k:]
            if (prefix in lex.known_orgs or prefix in lex.places or prefix in lex.place_aliases) \
                    and 2 <= len(rest) <= 3 and rest[-1] not in lex.event_heads and not any(w in lex.org_heads or w in lex.media_heads
                                                        or w in lex.place_heads for w in rest) \
                    and " ".join(words) not in lex.known_orgs:
                return [Cand(c.toks[:k]), Cand(c.toks[k:], person_evidence=True)]
        for k in range(1, len(words) - 1):
            if lex.is_forename(words[k]) and " ".join(words[k:]) not in lex.known_orgs:
                prefix = " ".join(words[:k])
                if prefix in lex.places or prefix in lex.known_orgs or prefix in lex.place_aliases \
                        or words[k - 1] in lex.org_heads or words[k - 1] in lex.nationalities \
                        or (len(words) - k == 2 and words[k - 1].lower() in lex.common_words and k >= 2
                            and words[k - 1] not in lex.function_words and not lex.is_forename(words[k - 1])
                            and words[k + 1].lower() not in lex.common_words):
                    # "… Islamic Relations Alia Salem said": an organisation name, then a forename + surname
                    return [Cand(c.toks[:k]), Cand(c.toks[k:], person_evidence=True)]
                break
    return [c]


def _join_orgs(cands: list[Cand], doc: Doc, lex: Lexicon) -> list[Cand]:
    """Join "University" + "of" + "Essex", "Centers for Disease Control" + "and" + "Prevention"."""
    text = doc.text
    out: list[Cand] = []
    last_join: str | None = None
    for c in cands:
        if out and not c.person_evidence:
            p = out[-1]
            gap = text[p.toks[-1].poss_end:c.start] if p.toks[-1].poss_end == p.end else None
            j = JOINERS.get(gap) if gap is not None else None
            if j and p.toks[-1].sent == c.toks[0].sent and not p.person_evidence:
                pw = p.words()
                cw = c.words()
                ok = False
                if j in ("of", "for", "on"):
                    ok = (any(w in lex.joinable_heads for w in pw) and len(pw) + len(cw) <= 12
                          and not (len(pw) == 1 and pw[0] in lex.place_prefixes))
                    cfull = " ".join(cw)
                    if ok and (cfull in lex.places or cfull in lex.place_aliases) and (
                            "of" in pw or any(w in lex.places or w in lex.place_aliases for w in pw)):
                        # "University of Sheffield of the UK", "Colorado State University of the US": the
                        # name is complete; the country after it is its location
                        ok = False
                elif j == "and":
                    ok = (last_join in ("of", "for", "on") and not any(
                        w in lex.org_heads or w in lex.place_heads for w in cw) and cw[0] not in lex.places) or (
                        (cw[-1] in lex.org_heads or cw[-1] in lex.place_heads)
                        and " ".join(pw) not in lex.places and " ".join(pw) not in lex.known_orgs
                        and not any(w in lex.org_heads for w in pw) and not c.toks[0].initial)
                    if " ".join(cw) in lex.places or " ".join(pw) in lex.places:
                        ok = False
                elif j == "&":
                    ok = True
                if ok:
                    # include the joiner tokens
                    mid = [t for t in doc_tokens_between(doc, p.toks[-1], c.toks[0])]
                    p.toks = p.toks + mid + c.toks
                    last_join = j
                    continue
        out.append(c)
        last_join = None
    return out


def doc_tokens_between(doc: Doc, a: Token, b: Token) -> list[Token]:
    """Tokens strictly between two tokens (the joiner words)."""
    # tokens are in offset order; a short forward scan from a's index is enough
    idx = doc.index_of[a.start]
    out = []
    k = idx + 1
    while k < len(doc.tokens) and doc.tokens[k].start < b.start:
        out.append(doc.tokens[k])
        k += 1
    return out


# --------------------------------------------------------------------------------------------------- filtering
def _filter(c: Cand, lex: Lexicon, cap_mid: set[str], lower_seen: set[str], headline: bool) -> Cand | None:
    toks = c.toks
    if headline:
        c.the_name = False
    # strip leading function/time words and nationality adjectives that do not start a name
    while toks:
        w = toks[0].text
        if (w in lex.function_words or w in lex.time_words) and not (
                w in NAME_LIKE_WORDS and len(toks) >= 2 and toks[1].text not in lex.function_words):
            toks = toks[1:]
            continue
        break
    if len(toks) >= 2 and toks[-1].text in LAW_HEADS and not lex.is_forename(toks[0].text):
        c.thing = True  # "Clean Air Act", "Patriot Act": laws are not actors
    while toks and (toks[-1].text in lex.function_words or toks[-1].text in lex.time_words) \
            and not (len(toks) >= 2 and (c.person_evidence or lex.forename_evidence(toks[0].text))):
        toks = toks[:-1]
    while toks and CONTRACTION_RE.match(toks[0].text):
        toks = toks[1:]
    if not toks:
        return None
    words = [t.text for t in toks]
    full = " ".join(words)
    if len(toks) > 1 and words[0] in lex.nationalities and full not in lex.places and full not in lex.known_orgs \
            and " ".join(words[1:]) not in lex.known_orgs:  # "British Red Cross" is one organisation
        if not any(w in lex.org_heads or w in lex.media_heads or w in lex.place_heads for w in words[1:]):
            toks = toks[1:]
            words = words[1:]
            full = " ".join(words)
    if len(toks) >= 2 and words[0] in lex.vessel_prefixes:
        # "MV Namse Bangdzod": a ship; later bare mentions of the name join it and are dropped with it
        toks = toks[1:]
        words = words[1:]
        full = " ".join(words)
        c.thing = True
    if len(toks) >= 2 and full not in lex.known_orgs and (
            words[-1] in lex.event_heads and not ("of" in words and words[0] in lex.joinable_heads)
            or words[-2:] == ["World", "Congress"]):
        c.thing = True
    if len(toks) >= 2 and not c.person_evidence and (words[-1],) in lex.titles and all(
            (w.lower() in lex.common_words or (w,) in lex.titles) and w not in lex.org_heads
            and w not in lex.function_words for w in words) and not lex.is_forename(words[0]):
        return None  # "Trump's Special Presidential Envoy to …": a title without a name
    if len(toks) == 1:
        w = words[0]
        if w in lex.nationalities or w in lex.caps_stop or w in lex.time_words or w in lex.function_words \
                or w in lex.non_actors or CONTRACTION_RE.match(w) or w.startswith("#"):
            return None  # "#IStandWithAhmed": a hashtag is a slogan, not an actor
        if w[-1] == "s" and _demonym(w, lex):
            return None  # "Londoners", "Samoans": people of a place, not an actor
        if len(w) >= 3 and w[-1] == "s" and w[-2].isupper() and _is_acronym(w[:-1]) and w not in lex.known_orgs:
            return None  # "URLs", "NGOs": plurals of common acronyms
        if w.endswith(("ism", "isms", "phobia")) and w not in lex.known_orgs:
            return None  # "Islamophobia", "Thatcherism": ideas, not actors
        if "-" in w and w not in lex.known_orgs:
            parts = w.split("-")
            if len(parts) == 2 and all(len(x) >= 3 and x.lower() in lex.common_words for x in parts):
                return None  # "Counter-Strike", "Lifestyle-Religion": a compound of common words

        if "-" in w or "\u2013" in w:
            parts = re.split("[-\u2013]", w)
            if parts[-1][:1].islower() or all(x in lex.nationalities or x in lex.places for x in parts if x):
                return None
        if _is_acronym(w) and any(ch.isdigit() for ch in w) and w not in lex.known_orgs:
            return None
        if len(w) == 1 and not c.person_evidence:
            return None
        if (w,) in lex.titles and not c.person_evidence:
            return None
        if w.lower() in lex.role_words and not c.person_evidence and w not in cap_mid:
            return None
    if len(toks) >= 2 and words[0] in THING_PREFIXES:
        c.thing = True  # "Operation Clambake": a campaign, not an actor
    if len(toks) == 2 and words[0] in ("Group", "Pool") and _is_initial(words[1]):
        # "Group F": a group of a sports tournament
        c.toks = toks
        c.kind = "organisation"
        c.initial = toks[0].initial
        return c
    initial = toks[0].initial or headline
    known = full in lex.places or full in lex.known_orgs or full in lex.place_aliases or c.the_name or (
        len(toks) >= 2 and words[0] in lex.org_heads and " ".join(words[1:]) in lex.places)  # "Team Estonia"
    if initial and not known and not c.person_evidence:
        first = words[0]
        evidence = first in cap_mid and not headline or lex.is_forename(first) and len(toks) > 1
        common = first.lower() in lex.common_words or first.lower() in lower_seen or (
            len(toks) == 1 and _derived_common(first, lex))
        if headline and first not in cap_mid:
            evidence = False
        if not evidence and len(toks) == 1 and not _is_acronym(first) and not lex.is_forename(first) \
                and first.endswith("s") and not first.endswith("ss") and (
                    first[:-1].lower() in lex.common_words
                    or first.endswith(("ers", "ists", "ions", "ments", "ies", "ants", "ents", "ors", "oes"))):
            # a lone sentence-initial plural never capitalised elsewhere ("Lawsuits have been filed")
            return None
        if not evidence and (common or headline):
            if len(toks) == 1:
                return None
            # drop the opener ("Protesters", "Former") and keep the rest if it stands on its own
            rest = Cand(toks[1:], kind=c.kind, person_evidence=False)
            rest.toks[0] = rest.toks[0]
            if headline and not all(t.text in cap_mid for t in rest.toks):
                return None
            return _filter_rest(rest, lex, cap_mid)
    c.toks = toks
    c.initial = toks[0].initial
    return c


def _filter_rest(c: Cand, lex: Lexicon, cap_mid: set[str]) -> Cand | None:
    words = c.words()
    if len(words) == 1:
        w = words[0]
        if w in lex.nationalities or w in lex.caps_stop or w in lex.time_words or w in lex.function_words:
            return None
        if (w,) in lex.titles or w.lower() in lex.role_words:
            return None
    return c


# --------------------------------------------------------------------------------------------------- kinds
def _kind(c: Cand, lex: Lexicon, doc: Doc) -> str | None:
    words = c.words()
    full = " ".join(words)
    if c.person_evidence:
        return "person"
    if full in lex.place_aliases or full in lex.places:
        return "place"
    if full in lex.known_orgs or " ".join(words[1:]) in lex.known_orgs:
        return "organisation"
    if len(words) >= 2 and words[0] in DIRECTIONS and " ".join(words[1:]) in lex.places:
        return "place"
    last = words[-1]
    if last in lex.media_heads and len(words) >= 2:
        return "organisation"
    if last in lex.place_heads and len(words) >= 2 and not (
            last in ("Hall", "Hill") and any(lex.forename_evidence(w) for w in words[:-1])):
        return "place"  # (but "Tynice Nichole Hall", "Benny Hill" are people)
    if words[0] in lex.place_prefixes and len(words) >= 2 and words[0] not in ("St.",):
        return "place"
    if any(w in lex.org_heads for w in words) and (len(words) >= 2 or last in lex.known_orgs):
        return "organisation"
    if c.the_name:
        return "organisation"  # newspapers, bands and firms named with "The"
    if len(words) == 1 and _is_acronym(full):
        return "organisation"
    if len(words) >= 2 and lex.forename_evidence(words[0]) and not any(_is_acronym(w) for w in words):
        return "person"
    if 2 <= len(words) <= 4 and all(w[:1].isupper() and not _is_acronym(w) for w in words):
        return "person"
    return None


def _weak(c: Cand, lex: Lexicon) -> bool:
    """Candidates that need support: lone common words, unknown acronyms, multi-word common phrases."""
    words = c.words()
    full = " ".join(words)
    if c.person_evidence or full in lex.places or full in lex.known_orgs or full in lex.place_aliases \
            or c.the_name or " ".join(words[1:]) in lex.known_orgs:
        return False
    if len(words) >= 2 and lex.is_forename(words[0]) and not c.toks[0].initial:
        return False
    if len(words) == 1:
        w = words[0]
        if _is_acronym(w):
            return True
        return w.lower() in lex.common_words
    if c.kind in ("organisation", "place"):
        return False
    if lex.forename_evidence(words[0]):
        return False
    return all(w.lower() in lex.common_words for w in words)


def _gender_of(words: list[str], lex: Lexicon) -> str | None:
    first = words[0]
    if first in lex.male_names and first not in lex.female_names:
        return "m"
    if first in lex.female_names and first not in lex.male_names:
        return "f"
    return None


# --------------------------------------------------------------------------------------------------- main
def find_actors(doc: Doc, hints: Sequence[ActorHint] = ()) -> ActorIndex:
    """Detect, type and cluster the named actors of a body."""
    lex = lexicon()
    text = doc.text
    toks = doc.tokens
    doc.index_of = {t.start: i for i, t in enumerate(toks)}

    cap_mid: set[str] = set()
    lower_seen: set[str] = set()
    capmid_count: dict[str, int] = {}
    lower_count: dict[str, int] = {}
    for t in toks:
        if t.cap:
            if not t.initial:
                cap_mid.add(t.text)
                capmid_count[t.text] = capmid_count.get(t.text, 0) + 1
        else:
            lower_seen.add(t.text)
            lower_count[t.text] = lower_count.get(t.text, 0) + 1
    headlines = _headline_paras(doc)
    captions = _caption_tokens(doc)

    # --- hints: exact forms, matched first; they win over everything found by the rules
    entities: dict[str, Entity] = {}
    for h in hints:
        try:
            name = str(h.name).strip()
        except Exception:  # noqa: BLE001 - a broken hint must not break analysis
            continue
        if not name:
            continue
        kind = h.kind if h.kind in ("person", "organisation", "place") else None
        e = entities.setdefault(name, Entity(name, kind))
        e.kind = kind or e.kind
        e.hinted = True
        e.strong = True
        for form in (name, *[str(a) for a in (h.aliases or ()) if str(a).strip()]):
            e.forms.add(form)

    # --- candidates from capitalised runs
    cands: list[Cand] = []
    heads: dict[int, Token] = {}
    runs = _raw_runs(doc, lex, captions, heads)
    solo = {toks[r[0]].text for r in runs if len(r) == 1}  # capitalised words that also stand alone
    for run in runs:
        cands.extend(_split_run(run, doc, lex, heads, solo))
    cands = _join_orgs(cands, doc, lex)
    kept: list[Cand] = []
    for c in cands:
        f = _filter(c, lex, cap_mid, lower_seen, c.toks[0].para in headlines)
        if f is not None:
            f.kind = _kind(f, lex, doc)
            f.weak = _weak(f, lex)
            if len(f.toks) == 1 and not f.weak and not f.person_evidence and not f.the_name:
                w = f.toks[0].text
                if lower_count.get(w.lower(), 0) >= max(2, capmid_count.get(w, 0) + 1) and not _is_acronym(w) \
                        and w not in lex.known_orgs and w not in lex.places and w not in lex.place_aliases:
                    f.weak = True  # "iodine … Iodine deficiency": a common word of this very article
            kept.append(f)

    # --- group by surface form
    by_form: dict[str, Entity] = {}
    for e in entities.values():
        for form in e.forms:
            by_form[form] = e
    acronym_links: list[tuple[str, str]] = []
    born_links: list[tuple[str, str]] = []
    first_pass = {(c.start, c.end) for c in kept}
    for idx, c in enumerate(kept):
        form = text[c.start:c.end]
        form = " ".join(form.split())
        if len(c.toks) >= 2 and _is_initial(c.toks[-1].text) and text[c.end:c.end + 1] in (".", "\u2024"):
            form += text[c.end]  # a trailing initial keeps its dot: "Sergey M."
        e = by_form.get(form)
        if e is None:
            e = Entity(form, c.kind)
            e.forms.add(form)
            by_form[form] = e
        if not c.weak:
            e.strong = True
        if c.kind == "person":
            e.person_votes += 2 if c.person_evidence else 1
        elif c.kind == "organisation":
            e.org_votes += 1
        elif c.kind == "place":
            e.place_votes += 1
        if c.gender and not e.gender:
            e.gender = c.gender
        e.cand_count += 1
        e.counts[form] = e.counts.get(form, 0) + 1
        if c.person_evidence:
            e.title_votes += 1
        k0 = doc.index_of.get(c.start, 0)
        wb = toks[k0 - 1] if k0 and not c.person_evidence else None
        if c.thing or (wb is not None and wb.text in WORK_NOUNS and wb.end + 1 == c.start) \
                or (_thing_after(text, c.toks[-1], lex)
                       and not (len(c.toks) >= 2 and lex.is_forename(c.toks[0].text)  # "a James Cagney film"
                                and _next_word(text, c.toks[-1]) in WORK_NOUNS)
                       and not any(t.text in lex.org_heads for t in c.toks)):  # "the Border Force vessel"
            e.thing_votes += 1
        # "Ginger Baker was born Peter Edward Baker": a birth name is an alias of the person before it
        if c.kind in ("person", None) and len(c.toks) >= 2 and text[c.start - 5:c.start] in ("born ", " née ", " nee "):
            m = BORN_RE.search(text, max(0, c.start - 80), c.start)
            if m:
                born_links.append((re.split(r"[.!?] ", m.group(1))[-1], form))
        # "World Health Organization (WHO)" / "WHO (World Health Organization)"
        after = text[c.toks[-1].poss_end:c.toks[-1].poss_end + 2]
        if after == " (" and idx + 1 < len(kept):
            nxt = kept[idx + 1]
            short = " ".join(text[nxt.start:nxt.end].split())
            if text[nxt.end:nxt.end + 1] == ")" and nxt.start == c.toks[-1].poss_end + 2 and (
                    _acronymish(short) or _acronymish(form)):
                acronym_links.append((form, " ".join(text[nxt.start:nxt.end].split())))

    ents = list({id(e): e for e in by_form.values()}.values())

    def merge(small: Entity, big: Entity) -> None:
        small, big = small.root(), big.root()
        if small is big:
            return
        small.merged_into = big
        big.forms |= small.forms
        big.person_votes += small.person_votes
        big.org_votes += small.org_votes
        big.place_votes += small.place_votes
        big.thing_votes += small.thing_votes
        big.cand_count += small.cand_count
        big.title_votes += small.title_votes
        big.gender = big.gender or small.gender
        big.hinted = big.hinted or small.hinted
        big.strong = big.strong or small.strong
        for f, k in small.counts.items():
            big.counts[f] = big.counts.get(f, 0) + k
        big.minor |= small.minor
        if small.hinted and not big.hinted:
            big.name, big.kind = small.name, small.kind

    # acronyms defined in brackets
    for long_form, short in acronym_links:
        a, b = by_form.get(long_form), by_form.get(short)
        if a and b:
            if _is_acronym(short) or len(short) < len(long_form):
                merge(b, a)
            else:
                merge(a, b)
    # gazetteer aliases ("US" -> "United States") and organisations known under two names ("ISIL" / "ISIS")
    _merge_known_aliases(by_form, lex.place_aliases, frozenset(lex.place_aliases.values()), merge)
    _merge_known_aliases(by_form, lex.org_aliases, lex.org_alias_targets, merge)
    # acronym = initials of a multi-word name in the same article
    initials: dict[str, Entity] = {}
    for form, e in by_form.items():
        ws = [w for w in form.split() if w[:1].isupper()]
        if len(ws) >= 2:
            initials.setdefault("".join(w[0] for w in ws), e)
    for form, e in by_form.items():
        if _is_acronym(form) and form not in lex.place_aliases:
            key = form.replace(".", "")
            if key in initials and initials[key].root() is not e.root():
                merge(e, initials[key])

    # spellings of one name: "GitHub" / "Github", "MarineTraffic" / "Marine Traffic"
    spelled: dict[str, Entity] = {}
    for form, e in list(by_form.items()):
        key = _fold(form).replace(" ", "").replace("-", "")
        if len(key) < 4 or e.hinted:
            continue
        other = spelled.get(key)
        if other is None:
            spelled[key] = e
        elif other.root() is not e.root():
            a, b = (e, other) if e.root().cand_count <= other.root().cand_count else (other, e)
            merge(a, b)
    # an outlet's acronym and its news brand: "NBC" / "NBC News"
    for form, e in list(by_form.items()):
        ws = form.split()
        if len(ws) == 2 and _is_acronym(ws[0]) and ws[1] in lex.media_heads and ws[0] in by_form \
                and ws[0] not in lex.place_aliases and ws[0] not in lex.places:
            merge(by_form[ws[0]], e)

    # organisations: a shorter form inside a longer one is the same body ("Home Office" / "United Kingdom
    # Home Office", "Court of Justice" / "European Court of Justice", "Scientology" / "Church of Scientology")
    orgs = [e for e in ents if e.root() is e and not e.hinted and e.place_votes == 0
            and (e.org_votes > 0 and e.org_votes >= e.person_votes or len(e.name.split()) == 1 and not e.person_votes)]
    org_words = [(e, e.name.split()) for e in orgs]
    for e, ws in org_words:
        if e.root() is not e or e.name in lex.places or e.name in lex.place_aliases or (
                e.name in lex.known_orgs and not (len(ws) >= 2 and ws[-1] in lex.org_heads)):
            # (a generic known institution such as "Supreme Court" may still belong to a longer name)
            continue
        hosts = []
        for b, bws in org_words:
            if b is e or len(bws) <= len(ws):
                continue
            if bws[0] in lex.nationalities and len(bws) > len(ws) + 1 and bws[1:len(ws) + 1] == ws:
                bws = bws[1:]  # "Italian Supreme Court of Cassation" holds "Supreme Court"
            if len(ws) == 1:
                if len(bws) == 3 and bws[1] == "of" and bws[2] == ws[0] and bws[0] in lex.org_heads:
                    hosts.append(b)
            elif ws[-1] in lex.org_heads and (
                    bws[-len(ws):] == ws and bws[-len(ws) - 1] not in ("of", "the", "and", "for", "&")
                    or bws[:len(ws)] == ws and bws[len(ws)] == "of"):
                # "United States Air Force" / "Supreme Court of Cassation" (but not the sub-unit
                # "Boston University School of …" or the "… Centre of the Coast Guard")
                hosts.append(b)
        roots_h = {id(h.root()): h.root() for h in hosts}
        if len(roots_h) == 1:
            merge(e, next(iter(roots_h.values())))

    # persons: surname-only / forename-only mentions join the full name; shorter full names join longer ones
    persons = [e for e in ents if e.root() is e and _is_personish(e) and len(e.name.split()) >= 2]
    last_index: dict[str, list[Entity]] = {}
    first_index: dict[str, list[Entity]] = {}
    for p in persons:
        ws = p.name.split()
        last_index.setdefault(_fold(ws[-1]), []).append(p)
        first_index.setdefault(_fold(ws[0]), []).append(p)
    by_ends: dict[tuple[str, str], list[Entity]] = {}
    for p in persons:
        ws = p.name.split()
        by_ends.setdefault((ws[0], ws[-1]), []).append(p)
    for group in by_ends.values():
        if len(group) > 1:
            group.sort(key=lambda x: -len(x.name.split()))
            for p in group[1:]:
                merge(p, group[0])
    for e in ents:
        if e.root() is not e or len(e.name.split()) != 1 or e.hinted:
            continue
        w = e.name
        fw = _fold(w)
        if w in lex.places and fw not in last_index:
            continue
        cands_last = {x.root().name: x.root() for x in last_index.get(fw, [])}
        if len(cands_last) >= 1:
            # prefer the most mentioned full name when surnames collide
            best = max(cands_last.values(), key=lambda x: len(x.forms))
            merge(e, best)
            continue
        cands_first = {x.root().name: x.root() for x in first_index.get(fw, [])}
        if len(cands_first) == 1 and w not in lex.places and w not in lex.known_orgs:
            merge(e, next(iter(cands_first.values())))

    # surnames that are also common words ("Doris Day" … "Day said"): the filters dropped the bare form,
    # but next to a known full name it is that person
    tok_texts = {t.text for t in toks if t.cap}
    last_words: dict[str, int] = {}
    for x in ents:
        if x.root() is x:
            for lw in {f.split()[-1] for f in x.forms if f.split()}:
                last_words[lw] = last_words.get(lw, 0) + 1
    for e in ents:
        if e.root() is not e or not e.strong or not _is_personish(e) or e.hinted:
            continue
        full_forms = [f for f in e.forms if len(f.split()) >= 2]
        if not full_forms:
            continue
        last = max(full_forms, key=len).split()[-1]
        if last in by_form or last not in tok_texts or not last.isalpha() or not last[:1].isupper() \
                or last in lex.time_words or last in lex.function_words or last in lex.nationalities \
                or last in lex.caps_stop or last in lex.places or _is_acronym(last):
            continue
        if last_words.get(last, 0) > 1:
            continue
        e.forms.add(last)
        by_form[last] = e

    for subject, birth in born_links:
        a, b = by_form.get(birth), by_form.get(subject)
        if a is not None and b is not None and a.root() is not b.root() and not a.root().hinted:
            a.root().minor |= {f for f in a.root().forms}
            merge(a, b)

    # --- canonical names and kinds; unsupported weak candidates are dropped here
    roots = [e for e in ents if e.root() is e and e.strong and not _is_thing(e, lex)]
    for e in roots:
        if not e.hinted:
            forms = [f for f in e.forms if (not _is_acronym(f) or len(e.forms) == 1) and f not in e.minor]
            if not forms:
                forms = [f for f in e.forms if f not in e.minor] or list(e.forms)
            e.name = max(forms, key=lambda f: (len(f.split()), len(f), e.counts.get(f, 0), f))
            e.kind = _resolve_kind(e, lex)
        if e.gender is None and (e.kind == "person" or e.kind is None):
            e.gender = _gender_of(e.name.split(), lex)
            if e.minor:
                # a birth name may tell the gender that a stage name hides ("Ginger Baker" / "Peter …")
                gs = {_gender_of(f.split(), lex) for f in e.forms if len(f.split()) >= 2} - {None}
                e.gender = gs.pop() if len(gs) == 1 else None

    # --- second pass: every occurrence of every form (catches sentence-initial and headline mentions)
    form_index: dict[str, list[tuple[list[str], Entity]]] = {}
    for e in roots:
        for form in e.forms:
            ws = _form_words(form)
            if ws:
                form_index.setdefault(ws[0], []).append((ws, e))
    for lst in form_index.values():
        lst.sort(key=lambda x: -len(x[0]))
    if heads:
        toks = list(toks)  # the name parts of "Luxembourg-based" words are mentions too
        for k, h in heads.items():
            toks[k] = h
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        opts = form_index.get(t.text)
        matched = False
        if opts and i not in captions:
            for ws, e in opts:
                L = len(ws)
                if i + L <= n and all(toks[i + k].text == ws[k] for k in range(L)):
                    # words must be adjacent (single spaces) to count as one mention
                    span = (t.start, toks[i + L - 1].end)
                    if span in first_pass or all(
                            text[toks[i + k].end:toks[i + k + 1].start] in (" ", "") for k in range(L - 1)) \
                            and (i + L == n or not _continues_name(toks, i + L - 1, text)) \
                            and (i == 0 or not _continues_name_back(toks, i, text)):
                        e.mentions.append((t.start, toks[i + L - 1].end))
                        i += L
                        matched = True
                        break
        if not matched:
            i += 1

    # kinds still unknown: context of the mentions
    for e in roots:
        if e.kind is None:
            e.kind = _context_kind(e, doc, lex)

    actors: list[Actor] = []
    gender: dict[str, str | None] = {}
    spans: list[tuple[int, int, Actor]] = []
    seen_names: dict[str, Actor] = {}
    for e in sorted(roots, key=lambda x: min((m[0] for m in x.mentions), default=1 << 60)):
        if not e.mentions:
            continue
        if e.name in seen_names:
            a = seen_names[e.name]
        else:
            a = Actor(name=e.name, kind=e.kind or "organisation")
            seen_names[e.name] = a
            actors.append(a)
            gender[a.name] = e.gender
        for s, en in sorted(set(e.mentions)):
            a.mentions.append(Mention(s, en, text[s:en]))
            spans.append((s, en, a))
        a.aliases = sorted({m.text for m in a.mentions} - {a.name})
    spans.sort(key=lambda x: (x[0], x[1]))
    return ActorIndex(actors, spans, gender)


def _thing_after(text: str, last: Token, lex: Lexicon) -> bool:
    """The run is a modifier of a lower-case thing noun: "the Kepler space telescope", "the EastMed pipeline"."""
    if last.poss_end != last.end or text[last.end:last.end + 1] != " ":
        return False
    m = _NEXT_WORD_RE.match(text, last.end + 1)
    if not m:
        return False
    w = m.group()
    if w in lex.thing_nouns:
        return True
    # one modifier in between: "the Kepler space telescope", "the Hubble Space Telescope" is a run already
    m2 = _NEXT_WORD_RE.match(text, m.end() + 1) if text[m.end():m.end() + 1] == " " else None
    return bool(m2) and m2.group() in ("telescope", "craft", "station", "probe", "vehicle", "program") \
        and w in ("space", "research", "cargo", "launch", "test")


_NEXT_WORD_RE = re.compile(r"[a-z][a-z-]*\b")


def _next_word(text: str, last: Token) -> str:
    m = _NEXT_WORD_RE.match(text, last.end + 1) if text[last.end:last.end + 1] == " " else None
    return m.group() if m else ""


def _is_thing(e: Entity, lex: Lexicon) -> bool:
    """Vessels, events and products named like actors; a title or a known name keeps an actor."""
    if not e.thing_votes or e.hinted or e.title_votes:
        return False
    if any(f in lex.known_orgs or f in lex.places or f in lex.place_aliases for f in e.forms):
        return False
    return e.thing_votes * 4 >= max(1, e.cand_count)


@functools.lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    """Accent-insensitive key: "Erdoğan" and "Erdogan" are one surname."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).casefold()


def _form_words(form: str) -> list[str]:
    from .text import WORD_RE

    return WORD_RE.findall(form)


def _continues_name(toks: list[Token], k: int, text: str) -> bool:
    """True when the token after k is capitalised and directly attached (the match is part of a longer name)."""
    t = toks[k]
    if k + 1 >= len(toks):
        return False
    nxt = toks[k + 1]
    return t.poss_end == t.end and nxt.cap and text[t.end:nxt.start] == " " and not nxt.initial


def _continues_name_back(toks: list[Token], i: int, text: str) -> bool:
    prev = toks[i - 1]
    cur = toks[i]
    lex = lexicon()
    return (prev.cap and prev.poss_end == prev.end and text[prev.end:cur.start] == " " and not cur.initial
            and prev.text not in lex.function_words and prev.text not in lex.time_words
            and (prev.text,) not in lex.titles and prev.text not in lex.nationalities
            and prev.text not in lex.places and prev.text not in lex.place_aliases)


def _is_personish(e: Entity) -> bool:
    return e.person_votes > 0 and e.person_votes >= e.org_votes + e.place_votes or e.kind == "person"


def _resolve_kind(e: Entity, lex: Lexicon) -> str | None:
    if e.person_votes and e.person_votes >= e.org_votes and e.person_votes >= e.place_votes:
        # a person title beats a gazetteer hit ("Jordan" the basketball player is rare; a title decides)
        return "person"
    if e.place_votes > e.org_votes:
        return "place"
    if e.org_votes:
        return "organisation"
    if e.place_votes:
        return "place"
    for f in e.forms:
        if f in lex.places or f in lex.place_aliases:
            return "place"
    return None


def _context_kind(e: Entity, doc: Doc, lex: Lexicon) -> str:
    """Kind of a single unknown word from how it is used: "in X" -> place, "X said" -> person/organisation."""
    text = doc.text
    place = person = 0
    for s, en in e.mentions:
        before = text[max(0, s - 12):s].split()
        if before and before[-1].lower() in PLACE_PREPS:
            place += 1
        after = text[en:en + 20].split()
        if after and after[0].strip(",.") in lex.speech_verbs:
            person += 1
    words = e.name.split()
    if len(words) == 1 and lex.is_forename(words[0]) and words[0].lower() not in lex.common_words:
        return "person"
    if place > person:
        return "place"
    return "organisation"


def _merge_known_aliases(
    by_form: dict[str, Entity],
    aliases: dict[str, str],
    targets: frozenset[str],
    merge: Callable[[Entity, Entity], None],
) -> None:
    """Merge the forms a word list names as one actor ("US" and "United States") into one entity."""
    groups: dict[str, Entity] = {}
    for form, e in list(by_form.items()):
        target = aliases.get(form, form if form in targets else None)
        if target is None:
            continue
        if target in by_form and by_form[target].root() is not e.root():
            merge(e, by_form[target])
        elif target in groups:
            merge(e, groups[target])
        else:
            groups[target] = e
