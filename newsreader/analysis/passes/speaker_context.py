"""The speaker passes' view of one document: its quoted runs, its actor mentions and the look-ups on them.

Windows are bounded (`WINDOW`, `PRONOUN_REACH`) and mentions are found by bisection, so attribution stays
linear in the length of the text.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from typing import Protocol

from ..lexicon import lexicon
from ..model import Actor
from ..text import WORD_RE, Doc
from .interview_turns import Turn, Turns, label_marks, outside_labels
from .pronoun_gender import pronoun_genders
from .quotations import Run
from .sentences import abbreviation_before, last_sentence_end
from .speech_data import words

Word = tuple[int, int, str]  # (start, end, text) of one word of the body
Hit = tuple[Actor | None, tuple[int, int] | None]  # the speaker (None: unnamed) and the words naming it
Span = tuple[int, int, Actor]
WINDOW = 600  # attribution windows are bounded so long paragraphs stay linear
PRONOUN_REACH = 2500  # how far back a pronoun or a role noun may find its actor
MODIFIER_REACH = 40  # "Clinton campaign chairman John Podesta": how far the modified name may follow
MAX_MODIFIER_WORDS = 3
MAX_DEMONYM_ENDING = 4  # "Paris" -> "Parisians": letters a people's name adds to its place's
MIN_DEMONYM_STEM = 4  # shorter place names ("Ur") would make plurals of too many names
APOSTROPHES = ("'", "\u2019")
MAX_LIST_MEMBERS = 6  # "by A, B, C, D": how far back a list is followed to its first member


class ActorIndexLike(Protocol):
    """What the speaker passes read from the actor pass: mentions in text order and genders."""

    spans: list[Span]
    gender: dict[str, str | None]


@functools.cache
def _function_words() -> frozenset[str]:
    """Every closed-class word a speaker phrase may not cross, unioned once per process (not per article)."""
    return (lexicon().function_words | words("prepositions") | words("determiners") | words("coordinators")
            | words("clause_links"))


class SpeakerContext:
    """The document, its quoted runs and its actor mentions, with the look-ups every speaker rule uses."""

    def __init__(self, doc: Doc, index: ActorIndexLike, runs: list[Run]) -> None:
        self.doc = doc
        self.text = doc.text
        self.index = index
        self.runs = runs
        self.quote_spans = [(r.open_pos, r.outer_end) for r in runs]
        self.quote_starts = [a for a, _ in self.quote_spans]
        self.labels = label_marks(doc)  # the interview label opening each paragraph, matched once
        self.spans = outside_labels(index.spans, self.labels)  # a turn label ("((Ann Roe))") is no subject
        self.span_starts = [sp[0] for sp in self.spans]
        self.para_starts = [p[0] for p in doc.paragraphs]
        lex = lexicon()
        self.role_words = lex.role_words
        self.titles = lex.titles
        self.speech_verbs = lex.speech_verbs
        self.function_words = _function_words()
        self._words: dict[tuple[int, int], list[Word]] = {}  # the rules ask for the same windows again
        self._turns: Turns | None = None  # built on the first "I" or "you" subject
        self._pronoun_genders: dict[str, str] | None = None  # built on the first gendered look-up
        self._places: set[str] | None = None  # the article's place names, built on the first `group` test

    # ---- primitives
    def spans_in(self, lo: int, hi: int) -> list[Span]:
        """Actor mentions starting in [lo, hi), by bisection (windows are short, the text may be huge)."""
        return self.spans[bisect_left(self.span_starts, lo):bisect_left(self.span_starts, hi)]

    def words(self, s: int, e: int) -> list[Word]:
        """The words of [s, e); the "s" of a possessive ("Diego's") is part of its word, not a word.

        Found once per window (the frame rules look at the same windows several times); each caller gets
        its own list."""
        got = self._words.get((s, e))
        if got is None:
            text = self.text
            got = self._words[s, e] = [
                w for w in self._window_words(s, e)
                if not (w[2] in ("s", "S") and text[w[0] - 1:w[0]] in APOSTROPHES)]
        return got[:]

    def _window_words(self, s: int, e: int) -> list[Word]:
        """What `WORD_RE` finds in [s, e). The tokenizer has found it already: the body's tokens are the
        pattern's matches, so the tokens inside the window are its words, unless the window cuts a token
        (then the cut word is what the pattern finds, and the window is searched itself)."""
        toks, starts = self.doc.tokens, self.doc.starts
        i, j = bisect_left(starts, s), bisect_left(starts, e)
        if (i and toks[i - 1].end > s) or (j and toks[j - 1].end > e):
            return self._cut_window_words(s, e, i, j)
        return [(t.start, t.end, t.text) for t in toks[i:j]]

    def _cut_window_words(self, s: int, e: int, i: int, j: int) -> list[Word]:
        """The words of a window that cuts a token at an edge (tokens i..j-1 start inside it): the pattern
        is searched over the cut edges only, and the tokens between them are its words already (the
        search of the whole window, word by word, cost more than the rest of a window's rules)."""
        toks, text = self.doc.tokens, self.text
        if i >= j:  # (no token starts inside: the window is part of one or two words)
            return [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text, s, e)]
        first = toks[i].start
        out: list[Word] = []
        for m in WORD_RE.finditer(text, s, e):  # the cut word at the left edge, if any
            if m.start() >= first:
                break
            out.append((m.start(), m.end(), m.group()))
        if out and out[-1][1] > first:  # (a cut word running into the next token: search it all)
            return [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text, s, e)]
        hi = j - 1 if toks[j - 1].end > e else j  # tokens i..hi-1 end inside the window
        out += [(t.start, t.end, t.text) for t in toks[i:hi]]
        if hi < j:  # the cut word at the right edge
            out += [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text, toks[hi].start, e)]
        return out

    def inside_quote(self, pos: int) -> bool:
        i = bisect_right(self.quote_starts, pos) - 1
        return i >= 0 and self.quote_spans[i][0] <= pos < self.quote_spans[i][1]

    def sentence_start(self, pos: int) -> int:
        """Start of the sentence holding `pos` (within its paragraph and the attribution window)."""
        i = bisect_right(self.para_starts, pos) - 1
        ps = self.doc.paragraphs[i][0] if i >= 0 else 0
        return last_sentence_end(self.text, max(ps, pos - WINDOW), pos)

    def end_before(self, start: int) -> int:
        """The last non-blank position before `start` (a sentence's start): the mark that ended the sentence
        before, across a blank line; 0 at the body's start."""
        k = start - 1
        while k > 0 and self.text[k].isspace():
            k -= 1
        return k

    def turn(self, pos: int) -> Turn:
        """The interview turn holding `pos` (who says "I" there, whom "you" addresses)."""
        if self._turns is None:
            self._turns = Turns(self.doc, self.index.spans, self.labels)
        return self._turns.at(pos)

    def personal(self, a: Actor) -> bool:
        """A person, or a name of another kind that the article's own "he"/"she" continue (`pronoun_gender`)."""
        if a.kind == "person":
            return True
        self.gender(a)
        assert self._pronoun_genders is not None
        return a.name in self._pronoun_genders

    def group(self, a: Actor) -> bool:
        """'Hong Kongers turned out to vote': a name made of a place the article names and a plural ending
        ("Hong Kongers", "Texans", "Germans") is that place's people, and a name joining two with "and" or
        "&" ("Wyatt & Zach") is two people: groups that no "he" or "she" continues, whatever kind the actor
        pass gave them."""
        if self._places is None:
            self._places = {x.name for _s, _e, x in self.spans if x.kind == "place"}
        name = a.name
        if " and " in name or " & " in name:
            return True
        return name.endswith("s") and any(name.startswith(p[:-1]) and 0 <= len(name) - len(p) <= MAX_DEMONYM_ENDING
                                          for p in self._places if len(p) >= MIN_DEMONYM_STEM and p != name)

    def listed_gender(self, a: Actor) -> bool:
        """The actor's gender comes from the forename list alone: the article's pronouns did not settle it."""
        self.gender(a)
        assert self._pronoun_genders is not None
        return a.name not in self._pronoun_genders and self.index.gender.get(a.name) is not None

    def gender(self, a: Actor) -> str | None:
        """"m"/"f" as the article's own pronouns say (`pronoun_gender`), else as the actor pass found."""
        if self._pronoun_genders is None:
            self._pronoun_genders = pronoun_genders(self.doc, self.spans, self.inside_quote)
        return self._pronoun_genders.get(a.name) or self.index.gender.get(a.name)

    # ---- mentions
    def in_mention(self, pos: int) -> bool:
        """`pos` lies inside an actor mention."""
        i = bisect_right(self.span_starts, pos) - 1
        return i >= 0 and self.spans[i][1] > pos

    def actor_ending_at(self, end: int, lo: int) -> Span | None:
        """The latest actor mention in [lo, end) whose last word ends exactly at `end`."""
        best = None
        for sp in self.spans_in(lo, end):
            if sp[1] == end:
                best = sp
        return best

    def actor_ending_in(self, lo: int, hi: int, person_only: bool = False) -> Span | None:
        """The last actor mention inside [lo, hi) that is not a possessive modifier ("Huawei's")."""
        best = None
        for sp in self.spans_in(lo, hi):
            if sp[1] <= hi and (not person_only or sp[2].kind == "person") and \
                    self.text[sp[1]:sp[1] + 1] not in APOSTROPHES:
                best = sp
        return best

    def first_actor_in(self, s0: int, e0: int) -> Hit | None:
        for s, e, a in self.spans_in(s0, e0):
            if e <= e0:
                return a, (s, e)
        return None

    def nearest(self, pos: int, kinds: tuple[str, ...], gender: str | None = None,
                skip_objects: bool = False) -> Actor | None:
        """The latest actor of `kinds` (and compatible gender) mentioned before `pos`, outside quotations."""
        for s, _e, a in reversed(self.spans_in(max(0, pos - PRONOUN_REACH), pos)):
            if a.kind not in kinds or self.inside_quote(s):
                continue
            if gender in ("m", "f") and (self.gender(a) not in (None, gender) or self.group(a)):
                continue
            if skip_objects and self.prepositional(s):
                continue
            return a
        return None

    def prepositional(self, s: int) -> bool:
        """A mention that is the object of a preposition or verb ("Speaking to Martin Smith of PBS"), or a
        later member of a list whose first member is one ("raped by Quirin, Redouane, and a third officer")."""
        for _ in range(MAX_LIST_MEMBERS):
            prev = self._list_member_before(s)
            if prev is None:
                break
            s = prev
        before = [w[2] for w in self._window_words(max(0, s - 40), s)]
        determiners = words("determiners")
        while before and (before[-1].lower() in self.role_words or before[-1].lower() in determiners
                          or (before[-1],) in self.titles):
            before.pop()
        if len(before) >= 2 and before[-2].lower() == "according" and before[-1].lower() == "to":
            return False
        return bool(before) and before[-1].lower() in words("object_markers")

    def _list_member_before(self, s: int) -> int | None:
        """Start of the mention that a comma alone separates from the one at `s` ("Quirin, Redouane"): the
        member before it in a list. A list names things of one kind: a person after an organisation is
        its appositive ("The head of the Law Institute, John Corcoran, says"), no second member."""
        j = s
        while j > 0 and self.text[j - 1] == " ":
            j -= 1
        if j == 0 or self.text[j - 1] != ",":
            return None
        i = bisect_right(self.span_starts, j - 1) - 1
        if i < 0 or self.spans[i][1] != j - 1:
            return None
        k = bisect_right(self.span_starts, s) - 1  # (the mention at `s` itself)
        same_kind = k < 0 or self.spans[k][0] != s or self.spans[k][2].kind == self.spans[i][2].kind
        return self.spans[i][0] if same_kind else None

    # ---- references

    def premodifier(self, e: int) -> bool:
        """The mention ending at `e` only modifies a name that follows after a few lower-case words naming a
        role ("Clinton campaign chairman John Podesta"): it is not the subject."""
        nxt = self.spans_in(e, e + MODIFIER_REACH)
        if not nxt:
            return False
        gap = self.text[e:nxt[0][0]]
        between = WORD_RE.findall(gap)
        return len(between) <= MAX_MODIFIER_WORDS and not any(c in gap for c in ",;:()\u2013\u2014") and \
            all(w[:1].islower() and w not in self.speech_verbs and w not in self.function_words for w in between) \
            and any(w in self.role_words for w in between)

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence holding the token that starts at or before `pos`."""
        i = bisect_right(self.doc.starts, pos) - 1
        return self.doc.tokens[i].sent if i >= 0 else 0


PHRASE_GAP_RE = re.compile(r"\s*(?:[,\u2013\u2014-]|['\u2019]s)?\s*")


def _joins_roles(ws: list[Word], i: int, out: list[Word]) -> bool:
    """ws[i] is an "and" between lower-case description and a capitalised title: one person's two roles."""
    return ws[i][2] == "and" and bool(out) and not any(x[2][:1].isupper() for x in out) \
        and i + 1 < len(ws) and ws[i + 1][2][:1].isupper()


def noun_phrase_after(ws: list[Word], text: str) -> list[Word]:
    """The noun phrase right after an inverted speech verb ('said the mayor of London, Sadiq Khan'); an
    "and" after lower-case description alone joins two roles of one person ('said study co-author and
    Research Fellow Martin How'), not two people."""
    out: list[Word] = []
    stops = words("noun_phrase_stops")
    for i, w in enumerate(ws):
        gap = text[ws[i - 1][1]:w[0]] if i else ""
        if gap.startswith(".") and abbreviation_before(text, ws[i - 1][0], ws[i - 1][1]):
            gap = gap[1:]  # "Dr. James Miller"
        if i and not gap.strip().startswith(",") and not PHRASE_GAP_RE.fullmatch(gap):
            break
        if w[2].lower() in stops and not _joins_roles(ws, i, out):
            break
        out.append(w)
        if len(out) >= 12:
            break
    return out
