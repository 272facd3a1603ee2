"""Direct quotations: mark pairing, multi-paragraph continuation, non-speech filter, attribution.

Pairing keeps the direction of curly marks and guesses straight marks from their neighbours, per
paragraph; a quotation left open at a paragraph end continues when the next paragraph opens with a mark
(the news convention). Unmatched marks are dropped, never fatal. Attribution follows notes/analysis.md
A5: speaker after the quote, before it, between the halves of a split quote, by dash, by "according to",
and inheritance for quote-only paragraphs; pronouns go to the nearest compatible actor.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .lexicon import Lexicon, lexicon, rule_sequence, rule_words
from .model import Actor, Mention, Quote
from .state import Cast
from .text import WORD_RE, Doc

DOUBLE_RE = re.compile(r"``|''|[\"\u201c\u201d\u201e\u201f\u00ab\u00bb]")
SINGLE_RE = re.compile(r"[\u2018\u2019\u201a']")
OPENERS = "\u201c\u201e\u201f\u00ab"
CLOSERS = "\u201d\u00bb"
ALL_MARKS = "\"'\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019\u201a`"
BACK_LIMIT = 600  # attribution windows are bounded so long lines stay linear
AHEAD_LIMIT = 400
SENT_END_RE = re.compile(r"[.!?](?=[\s\"'\u201c\u201d\u2018\u2019)\]]|$)")
PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n", "we": "p", "i": "s", "him": "m", "her": "f"}
CATENATIVES = rule_words("quotes_catenatives")
STATEMENT_NOUNS = rule_words("quotes_statement_nouns")
CLAUSE_LINKS = rule_words("quotes_clause_links")
ADVERBS = rule_words("quotes_adverbs")
CAPTION_RE = re.compile(r"\b(?:Image|Photo|Picture|Credit)\s*:\s*[^\n]{0,80}$")
PLACARD = rule_words("quotes_placard")
SCARE_BEFORE = rule_sequence("quotes_scare_before")
LOCATIVE = rule_words("quotes_locative")
DEF_ROLE_PERSON = rule_words("quotes_def_role_person")
DEF_ROLE_ORG = rule_words("quotes_def_role_org")


@dataclass(slots=True)
class Run:
    start: int  # content start (inside the marks, whitespace trimmed)
    end: int
    open_pos: int  # offset of the opening mark
    close_pos: int | None  # offset of the closing mark (None: runs on to the paragraph end)
    close_len: int
    para: int
    group: int  # runs of one multi-paragraph quotation share a group
    cont: bool = False  # continues the previous paragraph's quotation
    single: bool = False  # delimited by single marks
    speaker: Actor | None = None
    speaker_span: tuple[int, int] | None = None
    attributed: bool = False  # a cue was found (even if the speaker is unnamed)
    strong_cue: bool = False
    direct: bool = False  # attributed by its own cue (not inherited)


# --------------------------------------------------------------------------------------------------- pairing
def find_runs(doc: Doc) -> list[Run]:
    """Pair quotation marks paragraph by paragraph; returns the quoted runs in text order."""
    text = doc.text
    runs: list[Run] = []
    group = 0
    pending: int | None = None  # group id of a quotation left open at the previous paragraph's end
    paras = doc.paragraphs
    for p_index, (ps, pe) in enumerate(paras):
        open_at: int | None = None
        open_ch = ""
        first_run_in_para = True
        this_cont = False
        if pending is not None and _opens_with_mark(text, ps, pe):
            this_cont = True
        else:
            pending = None
        para_runs: list[Run] = []
        for m in DOUBLE_RE.finditer(text, ps, pe):
            ch = m.group()
            i = m.start()
            j = m.end()
            prev = text[i - 1] if i > ps else " "
            nxt = text[j] if j < pe else " "
            role = _double_role(ch, prev, nxt, open_at is not None, open_ch)
            if role == "open":
                open_at, open_ch = j, ch
            elif role == "close" and open_at is not None:
                r = _make_run(text, open_at - len(open_ch), open_at, i, len(ch), p_index)
                if r:
                    para_runs.append(r)
                open_at = None
        next_cont = False
        if open_at is not None:
            # left open: continues into the next paragraph if that one opens with a mark
            nxt_para = paras[p_index + 1] if p_index + 1 < len(paras) else None
            next_cont = nxt_para is not None and _opens_with_mark(text, nxt_para[0], nxt_para[1])
            r = _make_run(text, open_at - len(open_ch), open_at, pe, 0, p_index)
            if r and (next_cont or _word_count(text[r.start:r.end]) >= 4):
                r.close_pos = None
                para_runs.append(r)
        # single quotes outside double-quoted runs (British style and nested titles)
        para_runs = _add_single_runs(text, ps, pe, p_index, para_runs)
        for r in para_runs:
            if first_run_in_para and this_cont and pending is not None and r.open_pos - ps <= 1:
                r.group = pending
                r.cont = True
            else:
                group += 1
                r.group = group
            first_run_in_para = False
        runs.extend(para_runs)
        pending = para_runs[-1].group if next_cont and para_runs else None
    return runs


def _opens_with_mark(text: str, ps: int, pe: int) -> bool:
    return ps < pe and text[ps] in "\"\u201c\u201e\u00ab\u2018'`"


def _double_role(ch: str, prev: str, nxt: str, is_open: bool, open_ch: str) -> str:
    if ch in OPENERS or ch == "``":
        if is_open and (ch == "\u201c" and open_ch == "\u201e" or not (nxt.isalnum() or nxt in ALL_MARKS + "[(.")):
            return "close"  # German „…“, or a mistyped closing mark
        return "open"
    if ch in CLOSERS or ch == "''":
        if not is_open and (prev.isspace() or prev in "([\u2014\u2013-") and (nxt.isalnum() or nxt in "[("):
            return "open"  # mistyped opening mark
        return "close"
    # straight double quote: decide by position
    if is_open:
        if prev.isspace() and (nxt.isalnum() or nxt in "[("):
            # looks like an opener; the earlier mark was probably unmatched, but toggling is the safe bet
            return "close"
        return "close"
    if nxt.isspace() and not prev.isspace() and prev not in "([":
        return "skip"  # a lone closing-looking mark with nothing open
    return "open"


def _make_run(text: str, open_pos: int, cs: int, ce: int, close_len: int, para: int) -> Run | None:
    s, e = cs, ce
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e <= s:
        return None
    return Run(s, e, open_pos, ce if close_len else None, close_len, para, 0)


def _add_single_runs(text: str, ps: int, pe: int, p_index: int, runs: list[Run]) -> list[Run]:
    spans = [(r.open_pos, (r.close_pos + r.close_len) if r.close_pos is not None else pe) for r in runs]
    out = list(runs)
    open_at: int | None = None
    j = 0
    for m in SINGLE_RE.finditer(text, ps, pe):
        i = m.start()
        while j < len(spans) and spans[j][1] <= i:
            j += 1
        if j < len(spans) and spans[j][0] <= i < spans[j][1]:
            continue
        if j < len(spans) and open_at is not None and spans[j][0] < i and open_at <= spans[j][0]:
            open_at = None  # a single quote may not span a double-quoted run
        ch = m.group()
        prev = text[i - 1] if i > ps else " "
        nxt = text[i + 1] if i + 1 < pe else " "
        if prev.isalnum() and nxt.isalnum():
            continue  # apostrophe: don't, Hu’s
        if open_at is None:
            if ch in "\u2018\u201a'" and (prev.isspace() or prev in "([\u2014\u2013-\u201c\"/") and nxt.isalpha():
                open_at = i + 1
        else:
            if ch in "\u2019'" and not prev.isspace() and not nxt.isalnum():
                if prev in "sS" and nxt.isspace() and i + 2 < pe and text[i + 2].islower() and \
                        not text[open_at:i].strip().endswith((",", ".")):
                    # "the protesters' demands": a plural possessive, not the closing mark
                    continue
                r = _make_run(text, open_at - 1, open_at, i, 1, p_index)
                if r:
                    r.single = True
                    out.append(r)
                open_at = None
    out.sort(key=lambda r: r.start)
    return out


def _word_count(s: str) -> int:
    return len(s.split())


# --------------------------------------------------------------------------------------------------- attribution
class Attributor:
    """Finds the speaker of each run from the words around it."""

    def __init__(self, doc: Doc, index: Cast, runs: list[Run]) -> None:
        self.doc = doc
        self.text = doc.text
        self.index = index
        self.runs = runs
        self.lex: Lexicon = lexicon()
        self.quote_spans = [(r.open_pos, (r.close_pos + r.close_len) if r.close_pos is not None else r.end)
                            for r in runs]
        self.quote_starts = [a for a, _ in self.quote_spans]
        self.span_starts = [sp[0] for sp in index.spans]
        self.para_starts = [p[0] for p in doc.paragraphs]

    def _spans_in(self, lo: int, hi: int):
        """Actor mentions starting in [lo, hi), via bisection (windows are short, the text may be huge)."""
        spans = self.index.spans
        i = bisect_left(self.span_starts, lo)
        j = bisect_left(self.span_starts, hi)
        return spans[i:j]

    # ---- windows
    def _after_window(self, k: int) -> tuple[int, int]:
        r = self.runs[k]
        ps, pe = self.doc.paragraphs[r.para]
        s = (r.close_pos + r.close_len) if r.close_pos is not None else r.end
        e = min(pe, s + AHEAD_LIMIT)
        if k + 1 < len(self.runs) and self.runs[k + 1].para == r.para:
            e = min(e, self.runs[k + 1].open_pos)
        m = SENT_END_RE.search(self.text, s, e)
        if m:
            e = m.start()
        semi = self.text.find(";", s, e)  # "…"; Miller said …: a new clause, not this quote's cue
        if semi >= 0:
            e = semi
        return s, e

    def _before_window(self, k: int) -> tuple[int, int]:
        r = self.runs[k]
        ps, pe = self.doc.paragraphs[r.para]
        s = max(ps, r.open_pos - BACK_LIMIT)
        if k > 0 and self.runs[k - 1].para == r.para and self.runs[k - 1].close_pos is not None:
            s = max(s, self.runs[k - 1].close_pos + self.runs[k - 1].close_len)
        seg = self.text[s:r.open_pos]
        last = None
        for m in SENT_END_RE.finditer(seg):
            if not _abbrev_before(seg, m.start()):
                last = m
        if last:
            s = s + last.end()
        return s, r.open_pos

    def _words(self, s: int, e: int) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(self.text, s, e)]

    # ---- main
    def attribute(self) -> None:
        runs = self.runs
        for k, r in enumerate(runs):
            if r.cont:
                continue
            found = self._after(k) or self._before(k)
            if found:
                r.attributed = True
                r.direct = True
                r.strong_cue = found[2]
                r.speaker, r.speaker_span = found[0], found[1]
        # split quotes and quote-only paragraphs inherit; continuation runs share their group's speaker
        first_in_para: dict[int, Run] = {}
        for r in runs:
            if r.attributed and r.para not in first_in_para:
                first_in_para[r.para] = r
        last_in_group: dict[int, Run] = {}
        last_in_para: dict[int, Run] = {}
        prev_run: Run | None = None
        for r in runs:
            if not r.attributed:
                src = last_in_group.get(r.group) if r.cont else None
                if src is None:
                    src = last_in_para.get(r.para) or first_in_para.get(r.para)
                if src is None and prev_run is not None and self._quote_only_para(r):
                    if prev_run.para >= r.para - 1 and prev_run.attributed:
                        src = prev_run
                if src is not None and src.attributed:
                    r.speaker, r.speaker_span = src.speaker, src.speaker_span
                    r.attributed = True
                    r.strong_cue = src.strong_cue
            if r.attributed:
                last_in_group[r.group] = r
                last_in_para[r.para] = r
            prev_run = r
        # a colon intro at the end of the previous paragraph ("X said:")
        for k, r in enumerate(runs):
            if r.attributed or r.para == 0:
                continue
            pps, ppe = self.doc.paragraphs[r.para - 1]
            if self.text[ppe - 1:ppe] == ":" and self._quote_only_para(r):
                found = self._subject_before_verb(pps, ppe - 1)
                if found:
                    r.speaker, r.speaker_span, r.attributed, r.strong_cue = found[0], found[1], True, True
                    for x in runs[k + 1:]:
                        if x.group != r.group and x.para != r.para:
                            break
                        if x.group == r.group or not x.attributed:
                            x.speaker, x.speaker_span, x.attributed = r.speaker, r.speaker_span, True

    def _quote_only_para(self, r: Run) -> bool:
        ps, pe = self.doc.paragraphs[r.para]
        return r.open_pos - ps <= 1

    def _after(self, k: int):
        """'"…," Smith said' / '"…," said Smith' / '"…," he wrote' / '"…" — Smith' / '"…", according to X'."""
        s, e = self._after_window(k)
        seg = self.text[s:e]
        stripped = seg.lstrip()
        if not stripped:
            return None
        lead = seg[: len(seg) - len(stripped)]
        # dash attribution
        if stripped[:1] in "\u2014\u2013-" and (self.runs[k].close_pos is not None):
            ws = self._words(s, e)
            if ws and len(ws) <= 8:
                a, span = self._actor_in(ws[0][0], ws[-1][1])
                if a is not None:
                    return a, span, True
        if lead.strip() not in ("", ",") and not stripped.startswith(","):
            pass
        ws = self._words(s, e)
        r = self.runs[k]
        content_end = self.text[r.start:r.end].rstrip("\"'\u201d\u2019)] ")
        full_stop = content_end[-1:] in (".", "!", "?")
        next_open = k + 1 < len(self.runs) and self.runs[k + 1].para == r.para and e == self.runs[k + 1].open_pos
        if next_open and seg.rstrip().endswith((",", ":")) and not content_end.endswith(","):
            return None  # the cue introduces the next quotation ("…prayers." Duda remarked, "…")
        new_sentence = full_stop and ws and ws[0][2][:1].isupper() and not stripped.startswith((",", "\u2014", "\u2013"))
        if next_open and new_sentence:
            return None  # '"…." Obadia, another lawyer, told reporters "…"': the cue of the next quotation
        if ws and ws[0][2].lower() in CLAUSE_LINKS and ws[0][0] - s <= 3:
            return None  # '"unprecedented", while ALDI … called it "unexpected"': another speaker's clause
        ws = ws[:16]
        for vi, (vs, ve, w) in enumerate(ws):
            lw = w.lower()
            if lw == "according" and vi + 1 < len(ws) and ws[vi + 1][2].lower() == "to":
                if new_sentence:
                    return None
                return self._speaker_from_span(ws[vi + 2:], prefer_first=True) or (None, None, True)
            if lw in self.lex.speech_verbs and lw not in self.lex.weak_verbs and w[:1].islower():
                if vi > 10:
                    break
                if vi > 0 and ws[vi - 1][2].lower() == "as":
                    return None  # '"…", as quoted by Greek Reporter': the outlet is not the speaker
                if new_sentence:
                    # "…." Smith said in a statement.  (but not "…." Smith said the badge was used…)
                    rest = self._words(ve, e)
                    if len(rest) > 5 or any(x[2].lower() in ("that", "was", "is", "were", "had", "has", "would")
                                            for x in rest):
                        return None
                subj = ws[:vi]
                subj = [x for x in subj if x[2].lower() not in ADVERBS]
                if subj and all(x[2].lower() in ("and", "but", "or", "then", "while", "before", "after")
                                for x in subj):
                    return None  # '"lousy" and said he…': the sentence subject speaks; see _before
                if subj:
                    got = self._resolve_subject(subj, vs)
                    if got:
                        return got
                    return (None, (subj[0][0], subj[-1][1]), True)
                obj = _np_after(ws[vi + 1:], self.text)
                if obj:
                    got = self._speaker_from_span(obj, prefer_first=True)
                    if got:
                        return got
                    return (None, (obj[0][0], obj[-1][1]), True)
                return None
        return None

    def _before(self, k: int):
        """'Smith said: "…"' / 'Smith said it was "…"' / 'According to Smith, "…"'."""
        s, e = self._before_window(k)
        if e > s:
            got = self._subject_before_verb(s, e)
            if got:
                return got
            # 'Trump, also on Twitter, defended his decision, "…"': an intro ending in a comma or colon
            if self.text[s:e].rstrip().endswith((",", ":")):
                got = self._sentence_subject(s, e)
                if got:
                    return got
        # the previous sentence of the same paragraph carries the cue ('X criticised the move. "…"')
        r = self.runs[k]
        ps, _ = self.doc.paragraphs[r.para]
        if s > ps and self.text[s:e].strip() == "":
            prev_start = max(ps, s - BACK_LIMIT)
            if k > 0 and self.runs[k - 1].para == r.para and self.runs[k - 1].close_pos is not None:
                prev_start = max(prev_start, self.runs[k - 1].close_pos + self.runs[k - 1].close_len)
            seg = self.text[prev_start:s]
            last = None
            for m in SENT_END_RE.finditer(seg):
                if m.end() < len(seg.rstrip()) and not _abbrev_before(seg, m.start()):
                    last = m
            ss = prev_start + (last.end() if last else 0)
            qi = bisect_left(self.quote_starts, ss)
            if ss < s and not (qi < len(self.quote_starts) and self.quote_starts[qi] < s):
                got = self._subject_before_verb(ss, s, strong_only=True)
                if got and got[0] is not None:
                    return got
        return None

    def _coordinated_subject(self, s: int, e: int):
        """Subject of a coordinated verb ("X opposed the move and said …"): the previous quotation's speaker
        in the same sentence, else the first actor of the sentence that is not a prepositional object."""
        k = bisect_right(self.quote_starts, e) - 1
        while k >= 0 and self.quote_spans[k][1] > e:
            k -= 1
        if k >= 0 and self.quote_spans[k][1] <= e and self.runs[k].speaker is not None \
                and self.runs[k].para == self.runs[min(k + 1, len(self.runs) - 1)].para \
                and not SENT_END_RE.search(self.text, self.quote_spans[k][1], e):
            return (self.runs[k].speaker, self.runs[k].speaker_span, True)
        ss = self._sentence_start(e)
        first = self._words(ss, e)[:1]
        if first and first[0][2].lower() in ("he", "she", "they"):
            a = self._resolve_pronoun(first[0][2].lower(), first[0][0])
            if a is not None:
                return (a, (first[0][0], first[0][1]), True)
        for st, en, a in self._spans_in(ss, e):
            if a.kind in ("person", "organisation") and not self._prepositional(st) and not self._inside_quote(st):
                return (a, (st, en), True)
        return None

    def _sentence_start(self, pos: int) -> int:
        paras = self.doc.paragraphs
        i = bisect_right(self.para_starts, pos) - 1
        ps = paras[i][0] if i >= 0 else 0
        lo = max(ps, pos - BACK_LIMIT)
        seg = self.text[lo:pos]
        last = None
        for m in SENT_END_RE.finditer(seg):
            if not _abbrev_before(seg, m.start()):
                last = m
        return lo + (last.end() if last else 0)

    def _sentence_subject(self, s: int, e: int):
        """The name or pronoun that opens a clause (skipping time phrases like "On Friday in Istanbul,")."""
        ws = self._words(s, e)
        if not ws:
            return None
        first = ws[0][2].lower()
        if first in PRONOUNS and first not in ("i", "we", "him", "her", "it"):
            a = self._resolve_pronoun(first, ws[0][0])
            return (a, (ws[0][0], ws[0][1]), True) if a else None
        for st, en, a in self._spans_in(s, e):
            pre = self.text[s:st]
            pre_words = WORD_RE.findall(pre)
            # only a name at the start of the clause (after a time phrase or a title) is its subject
            if len(pre_words) <= 6 and all(w[:1].isupper() or w.lower() in ("the", "on", "in", "at", "this", "last")
                                            or w.isdigit() for w in pre_words):
                if a.kind in ("person", "organisation") and self.text[en:en + 1] not in ("'", "\u2019"):
                    return (a, (st, en), True)
            break
        return None

    def _subject_before_verb(self, s: int, e: int, strong_only: bool = False):
        ws = self._words(s, e)
        if not ws:
            return None
        # according to X, "…"
        for i in range(len(ws) - 1):
            if ws[i][2].lower() == "according" and ws[i + 1][2].lower() == "to":
                got = self._speaker_from_span(_np_after(ws[i + 2:], self.text) or ws[i + 2:i + 8], prefer_first=True)
                if got:
                    return got
        # the last speech verb in the window
        for vi in range(len(ws) - 1, -1, -1):
            lw = ws[vi][2].lower()
            if lw in self.lex.speech_verbs and ws[vi][2][:1].islower():
                if vi > 0 and ws[vi - 1][2].lower() == "as":
                    continue  # "— as reported by X —" is an aside, not the cue
                if lw in self.lex.weak_verbs and (strong_only or not self.text[ws[vi][1]:e].strip().startswith(":")):
                    continue
                if lw.endswith("ing") and vi > 0 and self.text[ws[vi - 1][1]:ws[vi][0]].strip() == ",":
                    # participle ("…, saying" / "calling it"): the clause subject speaks
                    got = self._sentence_subject(s, ws[vi][0])
                    if got:
                        return got
                    continue
                subj = ws[:vi]
                # skip adverbs / auxiliaries right before the verb
                j = len(subj)
                while j > 0 and subj[j - 1][2].lower() in ADVERBS:
                    j -= 1
                # "She went on to say", "He continued to say": the catenative verb's subject speaks
                if j >= 2 and subj[j - 1][2].lower() == "to":
                    k = j - 1
                    if k >= 1 and subj[k - 1][2].lower() == "on":
                        k -= 1
                    if k >= 1 and subj[k - 1][2].lower() in CATENATIVES:
                        j = k - 1
                        while j > 0 and subj[j - 1][2].lower() in ADVERBS:
                            j -= 1
                subj = subj[:j]
                if subj and subj[-1][2].lower() in ("and", "but", "then") and \
                        self.text[subj[-1][1]:ws[vi][0]].strip() == "":
                    # '…, and called the demand "unprecedented"': a coordinated verb shares the subject
                    got = self._coordinated_subject(s, subj[-1][0])
                    if got:
                        return got
                    continue
                if not subj:
                    # "Speaking to reporters, Smith…" is handled by the actor search below; an object of the
                    # verb ("told Smith") is not the speaker
                    return None
                got = self._resolve_subject(subj, ws[vi][0])
                if got:
                    return got
                return (None, (subj[-1][0], subj[-1][1]), True)
        return None

    def _resolve_subject(self, subj: list[tuple[int, int, str]], verb_start: int | None = None):
        """The speaker named by the words right before a speech verb: a name, a pronoun, or a role noun.

        Only the noun phrase adjacent to the verb counts ("Some of the protesters Wikinews interviewed said"
        is not Wikinews); an appositive between the name and the verb is skipped ("Ken Hu – Huawei's deputy
        chairman – said", "The mayor of London, Sadiq Khan, tweeted").
        """
        text = self.text
        last = subj[-1]
        ll = last[2].lower()
        if verb_start is None:
            verb_start = last[1] + 1
        gap = text[last[1]:verb_start]
        if ll in PRONOUNS and ll not in ("i", "we", "him", "her") and not any(c in gap for c in ",\u2013\u2014("):
            a = self._resolve_pronoun(ll, last[0])
            return (a, (last[0], last[1]), True)
        if ll in ("i", "we") and not gap.strip():
            return None
        s0 = subj[0][0]
        delims = ",\u2013\u2014()"
        if any(c in gap for c in delims):
            # appositive: find where it opens
            k = len(subj) - 1
            while k > 0 and not any(c in text[subj[k - 1][1]:subj[k][0]] for c in delims):
                k -= 1
            if k == 0:
                head_end = None
            else:
                head_end = subj[k - 1][1]
            app = (subj[k][0], last[1])
            app_person = self._actor_ending_in(app[0], app[1], person_only=True)
            head = self._head_actor(head_end, s0) if head_end is not None else None
            if head is not None and (head[2].kind == "person" or app_person is None):
                return (head[2], (head[0], head[1]), True)
            if app_person is not None:
                return (app_person[2], (app_person[0], app_person[1]), True)
            if head_end is not None and k > 0:
                return self._role_subject(subj[:k])
            return None
        hit = self._head_actor(last[1], s0)
        if hit is not None:
            return (hit[2], (hit[0], hit[1]), True)
        if ll in STATEMENT_NOUNS:
            # "RIAA's take-down notice claimed", "Huawei's spokesman said": the possessor speaks
            for s, e, a in reversed(self._spans_in(s0, last[0])):
                if text[e:e + 1] in ("'", "\u2019") and a.kind in ("person", "organisation"):
                    return (a, (s, e), True)
        got = self._role_subject(subj)
        if got:
            return got
        # "Jennifer Daskal of American University and contributor to Slate wrote": the name opening the
        # subject phrase is its head
        for s, e, a in self._spans_in(s0, last[1]):
            pre = WORD_RE.findall(text[s0:s])
            if a.kind == "person" and all(w[:1].isupper() for w in pre) and len(pre) <= 4 \
                    and text[e:e + 4].lstrip().startswith(("of ", "from ", "at ", "with ")):
                return (a, (s, e), True)
            break
        return None

    def _head_actor(self, end: int, lo: int):
        """The actor ending at `end`; for "Ryan Cloutier of the … Center" the person before "of"."""
        hit = self._actor_ending_at(end, lo)
        if hit is None:
            # "Mike Ryan of the World Health Organization (WHO)": step over a bracketed acronym
            seg = self.text[lo:end]
            if seg.endswith(")") and "(" in seg:
                inner_end = lo + seg.rindex("(")
                hit = self._actor_ending_at(len(self.text[:inner_end].rstrip()), lo)
            if hit is None:
                return None
        s, e, a = hit
        if a.kind != "person":
            before = self.text[max(lo, s - 12):s].split()
            if before and before[-1].lower() == "the":
                before = before[:-1]
            if before and before[-1].lower() in ("of", "from", "at", "with", "for"):
                p = self._actor_ending_in(lo, s, person_only=True)
                if p is not None:
                    return p
        return hit

    def _role_subject(self, subj: list[tuple[int, int, str]]):
        """"the company said" -> the latest organisation; "the president said" -> the latest person."""
        ll = subj[-1][2].lower()
        if len(subj) >= 2 and subj[-2][2].lower() == "the":
            if ll in DEF_ROLE_ORG:
                a = self._nearest(subj[-1][0], ("organisation",))
                if a:
                    return (a, (subj[-2][0], subj[-1][1]), True)
            if ll in DEF_ROLE_PERSON or ll in self.lex.role_words or (ll.capitalize(),) in self.lex.titles:
                a = self._nearest(subj[-1][0], ("person",))
                if a:
                    return (a, (subj[-2][0], subj[-1][1]), True)
        return None

    def _actor_ending_at(self, end: int, lo: int):
        """The actor mention whose last word ends at `end` (a possessive "'s" after it disqualifies)."""
        best = None
        for s, e, a in self._spans_in(lo, end):
            if e == end:
                best = (s, e, a)
        return best

    def _actor_ending_in(self, lo: int, hi: int, person_only: bool = False):
        best = None
        for s, e, a in self._spans_in(lo, hi):
            if e <= hi and (not person_only or a.kind == "person"):
                tail = self.text[e:e + 2]
                if tail[:1] in "'\u2019":
                    continue
                best = (s, e, a)
        return best

    def _speaker_from_span(self, ws: list[tuple[int, int, str]], prefer_first: bool = False):
        if not ws:
            return None
        first = ws[0][2].lower()
        if first in PRONOUNS and first not in ("i", "we"):
            a = self._resolve_pronoun(first, ws[0][0])
            return (a, (ws[0][0], ws[0][1]), True)
        s0, e0 = ws[0][0], ws[-1][1]
        cands = [(s, e, a) for s, e, a in self._spans_in(s0, e0) if e <= e0]
        persons = [c for c in cands if c[2].kind == "person"]
        pick = (persons or cands)
        if pick:
            c = pick[0] if prefer_first else pick[-1]
            return (c[2], (c[0], c[1]), True)
        if len(ws) >= 2 and ws[0][2].lower() == "the":
            lw = ws[1][2].lower()
            if lw in DEF_ROLE_ORG:
                a = self._nearest(ws[0][0], ("organisation",))
                if a:
                    return (a, (ws[0][0], ws[1][1]), True)
        return None

    def _actor_in(self, s0: int, e0: int):
        for s, e, a in self._spans_in(s0, e0):
            if e <= e0:
                return a, (s, e)
        return None, None

    def _inside_quote(self, pos: int) -> bool:
        i = bisect_right(self.quote_starts, pos) - 1
        return i >= 0 and self.quote_spans[i][0] <= pos < self.quote_spans[i][1]

    def _nearest(self, pos: int, kinds: tuple[str, ...], gender: str | None = None,
                 skip_objects: bool = False) -> Actor | None:
        limit = pos - 2500
        for s, e, a in reversed(self._spans_in(max(0, limit), pos)):
            if a.kind not in kinds or self._inside_quote(s):
                continue
            if gender in ("m", "f"):
                g = self.index.gender.get(a.name)
                if g is not None and g != gender:
                    continue
            if skip_objects and self._prepositional(s):
                continue
            return a
        return None

    def _prepositional(self, s: int) -> bool:
        """True for a mention that is the object of a preposition ("Speaking to Martin Smith of PBS")."""
        before = WORD_RE.findall(self.text[max(0, s - 40):s])
        while before and (before[-1].lower() in self.lex.role_words or before[-1].lower() in ("the", "a", "an")
                          or (before[-1],) in self.lex.titles):
            before.pop()
        if len(before) >= 2 and before[-2].lower() == "according" and before[-1].lower() == "to":
            return False
        return bool(before) and before[-1].lower() in ("to", "with", "by", "of", "from", "for", "about", "against",
                                                        "than", "and", "met", "murder", "killing")

    def _resolve_pronoun(self, pron: str, pos: int) -> Actor | None:
        g = PRONOUNS.get(pron)
        if g in ("m", "f"):
            return self._nearest(pos, ("person",), g, skip_objects=True) or self._nearest(pos, ("person",), g)
        if g == "p":
            return self._nearest(pos, ("organisation",))
        if g == "n":
            return self._nearest(pos, ("organisation",))
        return None


def _abbrev_before(seg: str, i: int) -> bool:
    j = i
    while j > 0 and seg[j - 1].isalpha():
        j -= 1
    word = seg[j:i]
    return word in ("Mr", "Mrs", "Ms", "Dr", "St", "Sen", "Rep", "Gov", "Gen", "Prof", "Lt", "Col", "Capt", "Sgt") \
        or (len(word) == 1 and word.isupper())


def _np_after(ws: list[tuple[int, int, str]], text: str) -> list[tuple[int, int, str]]:
    """The noun phrase right after an inverted speech verb ('said the mayor of London, Sadiq Khan')."""
    out = []
    for i, w in enumerate(ws):
        if i and text[ws[i - 1][1]:w[0]].strip() not in ("", ",", "\u2013", "\u2014", "-", "'s", "\u2019s"):
            if not text[ws[i - 1][1]:w[0]].strip().startswith((",",)):
                break
        if w[2].lower() in ("in", "on", "at", "to", "during", "after", "before", "while", "when", "that",
                            "adding", "and", "but", "because", "as", "who", "which"):
            break
        out.append(w)
        if len(out) >= 12:
            break
    return out


# --------------------------------------------------------------------------------------------------- filter
def keep_run(r: Run, doc: Doc, lex: Lexicon) -> bool:
    """Drop titles, scare quotes, glosses, placards and captions; keep clearly attributed short quotes."""
    text = doc.text
    content = text[r.start:r.end]
    words = content.split()
    n = len(words)
    ps, pe = doc.paragraphs[r.para]
    if pe - ps < 400 and CAPTION_RE.search(text[ps:pe]):
        return False
    before = text[max(ps, r.open_pos - 40):r.open_pos]
    bl = before.lower().rstrip()
    after_close = (r.close_pos + r.close_len) if r.close_pos is not None else r.end
    after = text[after_close:after_close + 3]
    if bl.endswith("(") and after.startswith(")"):
        return False  # a gloss: ("British exit")
    for cue in SCARE_BEFORE:
        if bl.endswith(cue) or bl.endswith(cue + ","):
            return False
    bwords = re.findall(r"[\w'-]+", bl)[-6:]
    if any(w in PLACARD for w in bwords) and not r.attributed:
        return False
    if any(w in PLACARD for w in bwords[-3:]):
        return False
    if r.cont:
        return True
    if r.single and n < 4 and not r.attributed:
        return False
    if _title_case(words, lex) and not (r.direct and n >= 4):
        return False
    if n < 4:
        # short partial quotes count only with a speech verb in the same sentence
        return _speech_nearby(text, r, doc, lex)
    if r.single and not r.attributed:
        return n >= 6 and content.rstrip()[-1:] in ".,!?"
    return True


def _title_case(words: list[str], lex: Lexicon) -> bool:
    content_words = [w.strip(",.!?;:()[]\"'") for w in words]
    content_words = [w for w in content_words if w and w.lower() not in
                     ("of", "the", "a", "an", "and", "or", "in", "on", "for", "to", "at", "by", "with", "de")]
    if not content_words:
        return False
    return all(w[0].isupper() or not w[0].isalpha() for w in content_words) and len(words) <= 12


def _speech_nearby(text: str, r: Run, doc: Doc, lex: Lexicon) -> bool:
    ps, pe = doc.paragraphs[r.para]
    s = r.open_pos
    ps = max(ps, s - BACK_LIMIT)
    pe = min(pe, (r.close_pos or r.end) + AHEAD_LIMIT)
    # sentence start
    seg = text[ps:s]
    last = None
    for m in SENT_END_RE.finditer(seg):
        last = m
    s0 = ps + (last.end() if last else 0)
    after_close = (r.close_pos + r.close_len) if r.close_pos is not None else r.end
    m = SENT_END_RE.search(text, after_close, pe)
    e0 = m.start() if m else pe
    window = text[s0:r.open_pos] + " " + text[after_close:e0]
    for w in WORD_RE.findall(window):
        lw = w.lower()
        if lw in lex.speech_verbs and lw not in ("read", "reads", "went", "goes", "began", "begin", "begins"):
            return True
        if lw in ("termed", "calling", "according", "describing", "described", "branding"):
            return True
    return False


# --------------------------------------------------------------------------------------------------- entry
def find_quotes(doc: Doc, index: Cast) -> list[Quote]:
    runs = find_runs(doc)
    att = Attributor(doc, index, runs)
    att.attribute()
    lex = lexicon()
    out: list[Quote] = []
    kept_groups: set[int] = set()
    for r in runs:
        if r.cont and r.group in kept_groups:
            pass
        elif not keep_run(r, doc, lex):
            continue
        kept_groups.add(r.group)
        q = Quote(text=doc.text[r.start:r.end], start=r.start, end=r.end,
                  speaker=r.speaker.name if r.speaker is not None else None)
        if r.speaker_span is not None:
            s, e = r.speaker_span
            q.speaker_mention = Mention(s, e, doc.text[s:e])
        out.append(q)
    return out
