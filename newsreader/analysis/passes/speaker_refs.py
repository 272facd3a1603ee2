"""From the words of a speech frame to an actor: names, pronouns, role nouns and appositives.

The speaker passes find *where* the speaker is named (the subject of a speech verb, the phrase after
"according to"); this module decides *who* those words point at, using only the actor index:
- a name is the actor whose mention ends where the subject phrase ends (its head);
- "he"/"she" is the latest person of that gender mentioned outside quotations, preferring subjects over
  objects of prepositions; "they"/"it" the latest organisation;
- "the company"/"the president" is the latest organisation/person;
- an appositive ("Ken Hu – Huawei's chairman – said") is skipped to reach the head name.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Protocol

from ..lexicon import lexicon
from ..model import Actor
from ..text import WORD_RE, Doc
from .quotations import SENT_END_RE, Run
from .speech_data import mapping, words

Word = tuple[int, int, str]  # (start, end, text) of one word of the body
Hit = tuple[Actor | None, tuple[int, int] | None]  # the speaker (None: unnamed) and the words naming it
Span = tuple[int, int, Actor]
WINDOW = 600  # attribution windows are bounded so long paragraphs stay linear
PRONOUN_REACH = 2500  # how far back a pronoun or a role noun may find its actor
TITLE_REACH = 20000  # how far back "the president" may find the person introduced with that title
MAX_TITLE_WORDS = 6  # words of a title or an introductory phrase before a subject name
APPOSITIVE_DELIMS = ",\u2013\u2014()"
PERSON_KINDS = ("person",)
ORG_KINDS = ("organisation",)
SPEAKING_KINDS = ("person", "organisation")
DEF_ROLE_ORG = words("definite_org_roles")
DEF_ROLE_PERSON = words("definite_person_roles")
STATEMENT_NOUNS = words("statement_nouns_possessed")
APOSTROPHES = ("'", "\u2019")


class ActorIndexLike(Protocol):
    """What the speaker passes read from the actor pass: mentions in text order and genders."""

    spans: list[Span]
    gender: dict[str, str | None]


class SpeakerContext:
    """The document, its quoted runs and its actor mentions, with the look-ups every speaker rule uses."""

    def __init__(self, doc: Doc, index: ActorIndexLike, runs: list[Run]) -> None:
        self.doc = doc
        self.text = doc.text
        self.index = index
        self.runs = runs
        self.quote_spans = [(r.open_pos, r.outer_end) for r in runs]
        self.quote_starts = [a for a, _ in self.quote_spans]
        self.span_starts = [sp[0] for sp in index.spans]
        self.para_starts = [p[0] for p in doc.paragraphs]
        lex = lexicon()
        self.role_words = lex.role_words
        self.titles = lex.titles
        self._token_starts: list[int] | None = None  # built on the first pronoun, for sentence look-ups

    # ---- primitives
    def spans_in(self, lo: int, hi: int) -> list[Span]:
        """Actor mentions starting in [lo, hi), by bisection (windows are short, the text may be huge)."""
        return self.index.spans[bisect_left(self.span_starts, lo):bisect_left(self.span_starts, hi)]

    def words(self, s: int, e: int) -> list[Word]:
        """The words of [s, e); the "s" of a possessive ("Diego's") is part of its word, not a word."""
        text = self.text
        return [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text, s, e)
                if not (m.group() in ("s", "S") and text[m.start() - 1:m.start()] in APOSTROPHES)]

    def inside_quote(self, pos: int) -> bool:
        i = bisect_right(self.quote_starts, pos) - 1
        return i >= 0 and self.quote_spans[i][0] <= pos < self.quote_spans[i][1]

    def sentence_start(self, pos: int) -> int:
        """Start of the sentence holding `pos` (within its paragraph and the attribution window)."""
        i = bisect_right(self.para_starts, pos) - 1
        ps = self.doc.paragraphs[i][0] if i >= 0 else 0
        return last_sentence_end(self.text, max(ps, pos - WINDOW), pos)

    # ---- mentions
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
            if gender in ("m", "f") and self.index.gender.get(a.name) not in (None, gender):
                continue
            if skip_objects and self.prepositional(s):
                continue
            return a
        return None

    def prepositional(self, s: int) -> bool:
        """A mention that is the object of a preposition or verb ("Speaking to Martin Smith of PBS")."""
        before = WORD_RE.findall(self.text[max(0, s - 40):s])
        determiners = words("determiners")
        while before and (before[-1].lower() in self.role_words or before[-1].lower() in determiners
                          or (before[-1],) in self.titles):
            before.pop()
        if len(before) >= 2 and before[-2].lower() == "according" and before[-1].lower() == "to":
            return False
        return bool(before) and before[-1].lower() in words("object_markers")

    # ---- references
    def resolve_pronoun(self, pron: str, pos: int) -> Actor | None:
        """he/she: the latest person of that gender, subjects first; they/it: the latest organisation."""
        g = mapping("pronoun_gender").get(pron)
        if g in ("m", "f"):
            return self.sentence_topic(pos, g) or self.nearest(pos, PERSON_KINDS, g)
        if g in ("p", "n"):
            return self.nearest(pos, ORG_KINDS)
        return None

    def sentence_topic(self, pos: int, gender: str) -> Actor | None:
        """The person a "he"/"she" at `pos` continues: going back sentence by sentence, the first person of
        the nearest sentence that has one as its subject (not the object of a preposition), of that gender;
        within a sentence a known gender beats an unknown one ("Mugabe agreed to a deal in which Tsvangirai
        became prime minister. "…," he declared." -> Mugabe)."""
        best: tuple[int, Actor] | None = None  # (sentence, actor) of the earliest fit in the latest sentence
        best_known = False
        for s, _e, a in reversed(self.spans_in(max(0, pos - PRONOUN_REACH), pos)):
            if a.kind != "person" or self.inside_quote(s) or self.prepositional(s):
                continue
            g = self.index.gender.get(a.name)
            if g not in (None, gender):
                continue
            sent = self.sentence_of(s)
            if best is not None and sent != best[0]:
                break
            if best is None or g == gender or not best_known:
                best, best_known = (sent, a), best_known or g == gender
        return best[1] if best else None

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence holding the token that starts at or before `pos`."""
        if self._token_starts is None:
            self._token_starts = [t.start for t in self.doc.tokens]
        i = bisect_right(self._token_starts, pos) - 1
        return self.doc.tokens[i].sent if i >= 0 else 0

    def pronoun_hit(self, w: Word) -> Hit:
        return self.resolve_pronoun(w[2].lower(), w[0]), (w[0], w[1])

    def role_subject(self, subj: list[Word]) -> Hit | None:
        """"the company said" -> the latest organisation; "the president said" -> the latest person."""
        if len(subj) < 2 or subj[-2][2].lower() != "the" or self._names_more(subj[-1]):
            return None
        ll = subj[-1][2].lower()
        span = (subj[-2][0], subj[-1][1])
        if ll in DEF_ROLE_ORG:
            a = self.nearest(subj[-1][0], ORG_KINDS)
            if a:
                return a, span
        if ll in DEF_ROLE_PERSON or ll in self.role_words or (ll.capitalize(),) in self.titles:
            a = self.titled_person(ll, subj[-1][0]) or self.nearest(subj[-1][0], PERSON_KINDS)
            if a:
                return a, span
        return None

    def _names_more(self, w: Word) -> bool:
        """A capitalised role word that a name continues is part of that name ("the Commission on Debates")."""
        if not w[2][:1].isupper():
            return False
        nxt = WORD_RE.findall(self.text[w[1]:w[1] + 40])[:2]
        return bool(nxt) and (nxt[0][:1].isupper() or (len(nxt) == 2 and nxt[0] in words("prepositions")
                                                        and nxt[1][:1].isupper()))

    def titled_person(self, role: str, pos: int) -> Actor | None:
        """"the president" is the latest person introduced with that title ("President Donald Trump")."""
        for s, _e, a in reversed(self.spans_in(max(0, pos - TITLE_REACH), pos)):
            if a.kind == "person" and not self.inside_quote(s) and \
                    role in (w.lower() for w in WORD_RE.findall(self.text[max(0, s - 30):s])[-3:]):
                return a
        return None

    def head_actor(self, end: int, lo: int) -> Span | None:
        """The actor ending at `end`; for "Ryan Cloutier of the … Center" the person before "of"."""
        hit = self.actor_ending_at(end, lo)
        seg = self.text[lo:end]
        if hit is None and seg.endswith(")") and "(" in seg:
            # "Mike Ryan of the World Health Organization (WHO)": step over a bracketed acronym
            j = lo + seg.rindex("(")
            while j > lo and self.text[j - 1].isspace():
                j -= 1
            hit = self.actor_ending_at(j, lo)
        if hit is None or hit[2].kind == "person":
            return hit
        before = [w.lower() for w in self.text[max(lo, hit[0] - 12):hit[0]].split()]
        if before and before[-1] == "the":
            before.pop()
        if before and before[-1] in words("affiliation_prepositions"):
            return self.actor_ending_in(lo, hit[0], person_only=True) or hit
        return hit

    def resolve_subject(self, subj: list[Word], verb_start: int | None = None) -> Hit | None:
        """The speaker named by the words right before a speech verb: a name, a pronoun, or a role noun.

        Only the noun phrase adjacent to the verb counts ("Some of the protesters Wikinews interviewed said"
        is not Wikinews); an appositive between the name and the verb is skipped ("Ken Hu – Huawei's deputy
        chairman – said", "The mayor of London, Sadiq Khan, tweeted").
        """
        last = subj[-1]
        ll = last[2].lower()
        gap = self.text[last[1]:last[1] + 1 if verb_start is None else verb_start]
        delimited = any(c in gap for c in APPOSITIVE_DELIMS)
        if ll in words("subject_pronouns") and not delimited:
            return self.pronoun_hit(last)
        if ll in words("first_person_pronouns") and not gap.strip():
            return None
        if delimited:
            return self._appositive_subject(subj)
        lead = self._leading_name(subj)
        if lead is not None:
            return lead
        hit = self.head_actor(last[1], subj[0][0])
        if hit is not None:
            return hit[2], (hit[0], hit[1])
        return self._possessor_subject(subj) or self.role_subject(subj)

    def _appositive_subject(self, subj: list[Word]) -> Hit | None:
        """"X, the mayor, said" / "the mayor of London, Sadiq Khan, said": a person wins over its role."""
        text = self.text
        k = len(subj) - 1
        while k > 0 and not any(c in text[subj[k - 1][1]:subj[k][0]] for c in APPOSITIVE_DELIMS):
            k -= 1
        app_person = self.actor_ending_in(subj[k][0], subj[-1][1], person_only=True)
        head = self.head_actor(subj[k - 1][1], subj[0][0]) if k > 0 else None
        if head is not None and (head[2].kind == "person" or app_person is None):
            return head[2], (head[0], head[1])
        if app_person is not None:
            return app_person[2], (app_person[0], app_person[1])
        return self.role_subject(subj[:k]) if k > 0 else None

    def _possessor_subject(self, subj: list[Word]) -> Hit | None:
        """"RIAA's take-down notice claimed", "Huawei's spokesman said": the possessor speaks."""
        if subj[-1][2].lower() not in STATEMENT_NOUNS:
            return None
        return self.statement_possessor(subj[0][0], subj[-1][0])

    def statement_possessor(self, s: int, e: int) -> Hit | None:
        """The latest actor in [s, e) written as the possessor of a statement noun ("Trump's tweet")."""
        for st, en, a in reversed(self.spans_in(s, e)):
            if self.text[en:en + 1] not in APOSTROPHES or a.kind not in SPEAKING_KINDS:
                continue
            after = [w.lower() for w in WORD_RE.findall(self.text[en:en + 40])[:3]]
            if any(w in STATEMENT_NOUNS for w in after):
                return a, (st, en)
        return None

    def _leading_name(self, subj: list[Word]) -> Hit | None:
        """"Jennifer Daskal of American University and contributor to Slate wrote": a person opening the
        subject phrase and followed by "of"/"from"/"at" heads it; what follows only modifies it."""
        s0 = subj[0][0]
        for s, e, a in self.spans_in(s0, subj[-1][1]):
            pre = WORD_RE.findall(self.text[s0:s])
            after = self.text[e:e + 6].lstrip().split(" ", 1)[0]
            if a.kind == "person" and all(w[:1].isupper() for w in pre) and len(pre) <= 4 \
                    and after in words("affiliation_prepositions"):
                return a, (s, e)
            return None
        return None

    def speaker_in_phrase(self, ws: list[Word], prefer_first: bool = False) -> Hit | None:
        """The speaker inside a phrase that follows its cue ("said Smith", "according to the mayor")."""
        if not ws:
            return None
        if ws[0][2].lower() in words("third_person_pronouns"):
            return self.pronoun_hit(ws[0])
        s0, e0 = ws[0][0], ws[-1][1]
        cands = [sp for sp in self.spans_in(s0, e0) if sp[1] <= e0]
        pick = [c for c in cands if c[2].kind == "person"] or cands
        if pick:
            c = pick[0] if prefer_first else pick[-1]
            return c[2], (c[0], c[1])
        if len(ws) >= 2 and ws[0][2].lower() == "the" and ws[1][2].lower() in DEF_ROLE_ORG \
                and not self._names_more(ws[1]):
            a = self.nearest(ws[0][0], ORG_KINDS)
            if a:
                return a, (ws[0][0], ws[1][1])
        return None

    def clause_subject(self, s: int, e: int) -> Hit | None:
        """The name or pronoun that opens a clause, after an introductory phrase ("In late June, the court
        ruled", "On Friday in Istanbul, Smith said") and a title ("US Secretary of State Mike Pompeo")."""
        s = self._after_intro_phrase(s, e)
        ws = self.words(s, e)
        if not ws:
            return None
        if ws[0][2].lower() in words("personal_subject_pronouns"):
            hit = self.pronoun_hit(ws[0])
            return hit if hit[0] else None
        lead = words("subject_lead_words")
        for st, en, a in self.spans_in(s, e):
            pre = WORD_RE.findall(self.text[s:st])
            if len(pre) > MAX_TITLE_WORDS or not all(w[:1].isupper() or w.lower() in lead or w.isdigit() for w in pre):
                return None
            if a.kind in SPEAKING_KINDS and self.text[en:en + 1] not in APOSTROPHES:
                return a, (st, en)
            if a.kind in SPEAKING_KINDS or not self.text[en:en + 2].strip()[:1].isupper():
                return None  # a possessive, or a place that is not a modifier of the next name ("US Secretary")
        return None

    def _after_intro_phrase(self, s: int, e: int) -> int:
        """Past an introductory phrase that opens with a preposition and ends in a comma ("In late June,")."""
        ws = self.words(s, e)
        if not ws or ws[0][2].lower() not in words("intro_prepositions"):
            return s
        comma = self.text.find(",", s, e)
        if comma < 0 or len(self.words(s, comma)) > MAX_TITLE_WORDS:
            return s
        return comma + 1


def last_sentence_end(text: str, lo: int, hi: int, inner_only: bool = False) -> int:
    """Offset just after the last sentence end in [lo, hi) (`lo` when there is none).

    A full stop after a title abbreviation or an initial ("Mr.", "J.") does not end a sentence; with
    `inner_only` a full stop at the very end of the window does not count either.
    """
    best = lo
    limit = len(text[lo:hi].rstrip()) + lo
    for m in SENT_END_RE.finditer(text, lo, hi):
        if inner_only and m.end() >= limit:
            continue
        if not _abbreviation_before(text, lo, m.start()):
            best = m.end()
    return best


def _abbreviation_before(text: str, lo: int, i: int) -> bool:
    j = i
    while j > lo and text[j - 1].isalpha():
        j -= 1
    word = text[j:i]
    return word in words("title_abbreviations") or (len(word) == 1 and word.isupper())


PHRASE_GAP_RE = re.compile(r"\s*(?:[,\u2013\u2014-]|['\u2019]s)?\s*")


def noun_phrase_after(ws: list[Word], text: str) -> list[Word]:
    """The noun phrase right after an inverted speech verb ('said the mayor of London, Sadiq Khan')."""
    out: list[Word] = []
    stops = words("noun_phrase_stops")
    for i, w in enumerate(ws):
        if i and not text[ws[i - 1][1]:w[0]].strip().startswith(",") and \
                not PHRASE_GAP_RE.fullmatch(text[ws[i - 1][1]:w[0]]):
            break
        if w[2].lower() in stops:
            break
        out.append(w)
        if len(out) >= 12:
            break
    return out
