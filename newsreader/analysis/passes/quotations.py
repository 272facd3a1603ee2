"""Quotation spans: pair the marks of each paragraph into quoted runs, then drop runs that are not speech.

Rules (DESIGN §3, notes/analysis.md A5):
- curly marks keep their direction; a straight mark opens at a word start and closes at a word end;
- a quotation left open at a paragraph end continues when the next paragraph opens with a mark (the news
  convention for multi-paragraph quotes); an unmatched mark is dropped, never fatal;
- single marks quote only outside double-quoted runs and never where they sit between letters (apostrophes);
- a run may open on an editorial bracket or ellipsis ("[T]he …", "[...] and", "… and");
- speech, not a name: a Title Case run after a possessive is a title ('NBC's "Meet the Press"'), a short
  run after "X of" names a group ('Anna Franowska of "Have no fear"'), a short attributed run that is a
  whole sentence is speech ('"He is unfit."');
- a name, not speech: a short run modifying the noun after it ('the "mini-strokes" tweet'), the object
  complement of a naming verb ('named the virus "…"'), a Title Case run after a work noun ('the book
  "Winning Back Trust,"').
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from dataclasses import dataclass

from ..lexicon import lexicon, rule_words
from ..model import Actor
from ..text import WORD_RE, Doc
from .interview_turns import Marks, in_labelled_turn
from .sentences import last_sentence_end, next_sentence_end
from .speech_data import words

# ``, '' or one double mark. Written to open with a character class (the same matches as
# ``|''|["“”„‟«»]): `re` then skips the text between marks in C, twice as fast on every paragraph.
_DOUBLE_MARKS = "\"\u201c\u201d\u201e\u201f\u00ab\u00bb"
DOUBLE_RE = re.compile(f"[`'{_DOUBLE_MARKS}](?:(?<=`)`|(?<=')'|(?<=[{_DOUBLE_MARKS}]))")
# (an apostrophe between two letters or digits, "don't", "Hu’s", is no quotation mark: left out here)
SINGLE_RE = re.compile(r"[\u2018\u2019\u201a'](?:(?<![^\W_].)|(?![^\W_]))")  # (the mark first: a fast scan)
OPENERS = "\u201c\u201e\u201f\u00ab"
CLOSERS = "\u201d\u00bb"
ALL_MARKS = "\"'\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019\u201a`"
PARA_OPENING_MARKS = "\"\u201c\u201e\u00ab\u2018'`"
# what may follow an opening mark besides a letter or digit: an editorial bracket or an ellipsis
CONTENT_OPENERS = "[(.\u2026"
DASHES = "\u2014\u2013-"
MIN_OPEN_WORDS = 4  # a quotation left open at a paragraph end must be this long to count


@dataclass(slots=True)
class Run:
    """One quoted run of one paragraph, plus what attribution learns about it."""

    start: int  # content start (inside the marks, whitespace trimmed)
    end: int
    open_pos: int  # offset of the opening mark
    close_pos: int | None  # offset of the closing mark (None: none, the run ends at the paragraph's end or a mark)
    close_len: int
    para: int
    group: int = 0  # runs of one multi-paragraph quotation share a group
    cont: bool = False  # continues the previous paragraph's quotation (or the previous run a mark re-opened)
    single: bool = False  # delimited by single marks
    speaker: Actor | None = None
    speaker_span: tuple[int, int] | None = None
    attributed: bool = False  # a cue was found (even if the speaker is unnamed)
    direct: bool = False  # attributed by its own cue (not inherited)

    @property
    def outer_end(self) -> int:
        """Offset just after the closing mark (the content end when the run has none)."""
        return self.close_pos + self.close_len if self.close_pos is not None else self.end


# --------------------------------------------------------------------------------------------- pairing
def find_runs(doc: Doc) -> list[Run]:
    """Every quoted run of the body in text order, with multi-paragraph quotations grouped."""
    text = doc.text
    runs: list[Run] = []
    group = 0
    pending: int | None = None  # group of a quotation left open at the previous paragraph's end
    paras = doc.paragraphs
    captions = {i for i, (ps, pe) in enumerate(paras) if _caption(text, ps, pe)}
    # where the marks stand, found once for the body (by one C search per mark character and mark)
    doubles, singles = mark_positions(text, _DOUBLE_STARTS), mark_positions(text, _SINGLE_MARKS)
    following = next_paragraphs(len(paras), captions)
    for p_index, (ps, pe) in enumerate(paras):
        if p_index in captions:
            continue  # a photo caption between two paragraphs of one quotation does not end it
        if pending is not None and not _opens_with_mark(text, ps, pe):
            pending = None
        nxt = following[p_index]
        next_opens = nxt is not None and _opens_with_mark(text, *paras[nxt])
        if _marked(doubles, ps, pe) or _marked(singles, ps, pe):
            para_runs, left_open = _pair_double(text, ps, pe, p_index, next_opens, doubles)
            para_runs = _add_single_runs(text, ps, pe, p_index, para_runs, singles) \
                or _epigraph(text, ps, pe, p_index)
        else:  # (most paragraphs: no mark at all, so no run to pair, settled by bisection)
            para_runs, left_open = _epigraph(text, ps, pe, p_index), False
        for i, r in enumerate(para_runs):
            if i == 0 and pending is not None and r.open_pos - ps <= 1:
                r.group, r.cont = pending, True
            elif r.cont:  # a run a mark re-opened in this paragraph (`_reopens`): the same quotation
                r.group = group
            else:
                group += 1
                r.group = group
        runs.extend(para_runs)
        pending = para_runs[-1].group if left_open and next_opens and para_runs else None
    return runs


def _marked(positions: list[int], ps: int, pe: int) -> bool:
    """A mark of `positions` (sorted offsets) stands in [ps, pe)."""
    return bisect_left(positions, ps) < bisect_left(positions, pe)


def next_paragraphs(n: int, captions: set[int]) -> list[int | None]:
    """For each of `n` paragraphs, the index of the next one that is no caption (None after the last): one
    walk back over them, not a search forward from each."""
    out: list[int | None] = [None] * n
    nxt: int | None = None
    for i in range(n - 1, -1, -1):
        out[i] = nxt
        if i not in captions:
            nxt = i
    return out


def _caption(text: str, ps: int, pe: int) -> bool:
    """A photo caption set between paragraphs ("In 2008, Endeavour awaits launch. Image: NASA."): one line
    ending in a credit (`CAPTION_RE`) and holding no quotation mark."""
    if text.find(":", ps, pe) < 0 or not CAPTION_RE.search(text, ps, pe):
        return False  # (most paragraphs: settled by one scan in C)
    line = text[ps:pe]
    return "\n" not in line and not any(m in line for m in _DOUBLE_MARKS)


EPIGRAPH_MIN_WORDS = 6  # a pull quote is a sentence or more, not a phrase
EPIGRAPH_MAX_NAME_WORDS = 4  # '— Rick Santorum' (a description may follow a comma: '— Ann Roe, the mayor')
EPIGRAPH_RE = re.compile(r"(?P<words>[\[A-Z][^\n]*?[.!?]) +(?:[\u2014\u2013]|--) *(?P<name>[A-Z][^,\n]*)(?:,[^\n]*)?")


def _epigraph(text: str, ps: int, pe: int, p_index: int) -> list[Run]:
    """'[It is] offensive beyond anything anyone should tolerate. — Ann Roe': a paragraph with no quoted run
    that is one or more whole sentences followed by a dash and a short capitalised name is a pull quote
    (an epigraph set above or beside the story), the named person's words although unmarked. The run
    closes where the words end, so the dash attribution after it names the speaker."""
    if not ("A" <= text[ps] <= "Z" or text[ps] == "[") or (
            text.find("\u2014", ps, pe) < 0 and text.find("\u2013", ps, pe) < 0 and text.find("--", ps, pe) < 0):
        return []  # (nearly every paragraph: not opening as EPIGRAPH_RE's words do, or no dash; settled in C)
    m = EPIGRAPH_RE.fullmatch(text, ps, pe)
    if m is None:
        return []
    name = m.group("name").split()
    if len(m.group("words").split()) < EPIGRAPH_MIN_WORDS or len(name) > EPIGRAPH_MAX_NAME_WORDS \
            or not all(w[:1].isupper() for w in name):
        return []
    return [Run(m.start("words"), m.end("words"), ps, m.end("words"), 0, p_index)]


def _opens_with_mark(text: str, ps: int, pe: int) -> bool:
    return ps < pe and text[ps] in PARA_OPENING_MARKS


def _pair_double(text: str, ps: int, pe: int, p_index: int, next_opens: bool,
                 doubles: list[int]) -> tuple[list[Run], bool]:
    """Double-mark runs of one paragraph (`doubles`: `mark_positions` of `_DOUBLE_STARTS`); the flag says a
    quotation was left open at its end.

    An open quotation that reaches the paragraph end is kept when the next paragraph continues it, or when
    it is long enough to be speech rather than a stray mark.
    """
    runs: list[Run] = []
    open_at: int | None = None
    open_ch = ""
    continues = False  # the open run continues a run its mark re-opened (`_reopens`)
    for m in mark_matches(DOUBLE_RE, text, ps, pe, doubles):
        ch, i, j = m.group(), m.start(), m.end()
        if open_at is not None and _reopens(text, ch, i, j, ps, pe, open_ch):
            r = _make_run(text, open_at - len(open_ch), open_at, i, 0, p_index)
            if r:
                r.cont = continues
                runs.append(r)
            open_at, open_ch, continues = j, ch, r is not None
            continue
        prev = text[i - 1] if i > ps else " "
        role = _double_role(ch, prev, text[j:min(j + 2, pe)].ljust(2), open_at is not None, open_ch)
        if role == "open":
            open_at, open_ch = j, ch
        elif role == "close" and open_at is not None:
            r = _make_run(text, open_at - len(open_ch), open_at, i, len(ch), p_index)
            if r:
                r.cont = continues
                runs.append(r)
            open_at, continues = None, False
    if open_at is None:
        return runs, False
    if continues and not next_opens:
        # the mark `_reopens` took for an opening one is never closed, nor continued by the next paragraph:
        # it was the closing mark of the run before it, typed after its space ('… this season. "Seles, slow …')
        runs[-1].close_pos, runs[-1].close_len = open_at - len(open_ch), len(open_ch)
        return runs, False
    r = _make_run(text, open_at - len(open_ch), open_at, pe, 0, p_index)
    if r and (next_opens or len(text[r.start:r.end].split()) >= MIN_OPEN_WORDS):
        r.cont = continues
        runs.append(r)
    return runs, True


def _reopens(text: str, ch: str, i: int, j: int, ps: int, pe: int, open_ch: str) -> bool:
    """While a quotation is open, a mark shaped as an opener (straight or opening, then a capital or "[")
    right after a sentence end and a space opens the next run: the open one is continued speech whose
    paragraph break was lost ('"… around workloads. "We've got …," Mr Derrick said', the news convention
    of re-opening each paragraph of a quotation with no closing mark), so it ends at its sentence end
    instead of pairing with this mark, which would turn the narration between the two into a quotation."""
    if ch != '"' and (ch not in OPENERS or ch == "\u201c" and open_ch == "\u201e"):
        return False  # a closing shape, or German „…“ closing
    return i - 2 >= ps and text[i - 1] == " " and text[i - 2] in ".!?" and j < pe \
        and (text[j].isupper() or text[j] == "[")


def _double_role(ch: str, prev: str, after: str, is_open: bool, open_ch: str) -> str:
    """'open', 'close' or 'skip' for one double mark, from its shape, the character before it and the two
    after it."""
    nxt = after[0]
    if ch in OPENERS or ch == "``":
        german_close = ch == "\u201c" and open_ch == "\u201e"
        if is_open and (german_close or not (nxt.isalnum() or nxt in ALL_MARKS + CONTENT_OPENERS)):
            return "close"  # German „…“, or a mistyped closing mark
        return "open"
    if ch in CLOSERS or ch == "''":
        if not is_open and (prev.isspace() or prev in "([" + DASHES) and (nxt.isalnum() or nxt in CONTENT_OPENERS):
            return "open"  # mistyped opening mark
        return "close"
    if is_open:
        return "close"  # a straight mark closes whatever is open: toggling is the safe bet
    if prev in ",:" and nxt == " " and (after[1].isupper() or after[1] == "["):
        return "open"  # typed against the comma: 'Wilkins said," [Warhol] liked …'
    if (nxt.isspace() or nxt in ".,;:!?)") and not prev.isspace() and prev not in "([":
        return "skip"  # a lone closing-looking mark with nothing open: opening here would shift every pair
    return "open"


def _make_run(text: str, open_pos: int, cs: int, ce: int, close_len: int, para: int) -> Run | None:
    s, e = cs, ce
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e <= s:
        return None
    return Run(s, e, open_pos, ce if close_len else None, close_len, para)


def _add_single_runs(text: str, ps: int, pe: int, p_index: int, runs: list[Run], singles: list[int]) -> list[Run]:
    """Single-mark runs outside the double-quoted ones (British style; nested titles stay inside);
    `singles`: `mark_positions` of `_SINGLE_MARKS`."""
    if not _marked(singles, ps, pe):
        return runs  # (no single mark in the paragraph: the double-quoted runs, in order, are all)
    # (a run with no closing mark reaches the next run's opening mark, or the paragraph end)
    reach = [r.open_pos for r in runs[1:]] + [pe] if runs else []
    spans = [(r.open_pos, r.outer_end if r.close_pos is not None else e) for r, e in zip(runs, reach, strict=True)]
    out = list(runs)
    open_at: int | None = None
    j = 0
    for m in mark_matches(SINGLE_RE, text, ps, pe, singles):
        i = m.start()
        while j < len(spans) and spans[j][1] <= i:
            j += 1
        if j < len(spans) and spans[j][0] <= i:
            continue  # inside a double-quoted run
        if j < len(spans) and open_at is not None and open_at <= spans[j][0] < i:
            open_at = None  # a single quotation may not span a double-quoted run
        prev = text[i - 1] if i > ps else " "
        nxt = text[i + 1] if i + 1 < pe else " "
        if open_at is None:
            if _single_opens(m.group(), prev, nxt):
                open_at = i + 1
        elif _single_closes(text, m.group(), prev, nxt, i, pe, open_at):
            r = _make_run(text, open_at - 1, open_at, i, 1, p_index)
            if r:
                r.single = True
                out.append(r)
            open_at = None
    out.sort(key=lambda r: r.start)
    return out


_DOUBLE_STARTS = f"`'{_DOUBLE_MARKS}"  # the characters a DOUBLE_RE match starts with
_SINGLE_MARKS = "\u2018\u2019\u201a'"  # the characters a SINGLE_RE match starts with


def mark_positions(text: str, starts: str) -> list[int]:
    """The offset of every character of `starts` in `text`, in order. Each is found by a C search of the
    whole body (`str.find`), once per body: a search per paragraph cost a call per mark character and
    paragraph, most of them finding nothing."""
    found: list[int] = []
    for ch in starts:
        i = text.find(ch)
        while i >= 0:
            found.append(i)
            i = text.find(ch, i + 1)
    found.sort()
    return found


def mark_matches(pattern: re.Pattern[str], text: str, ps: int, pe: int, at: list[int]) -> list[re.Match[str]]:
    """What `pattern.finditer(text, ps, pe)` finds, for a pattern whose every match starts with a character
    standing at one of the offsets `at` (`mark_positions` of those characters): the pattern is matched
    where they stand, instead of a search that tests a character class at every character of the
    paragraph. Matches do not overlap, as the search's do not."""
    out: list[re.Match[str]] = []
    end = ps
    for i in at[bisect_left(at, ps):bisect_left(at, pe)]:
        m = pattern.match(text, i, pe) if i >= end else None
        if m:
            out.append(m)
            end = m.end()
    return out


def _single_opens(ch: str, prev: str, nxt: str) -> bool:
    return ch in "\u2018\u201a'" and (prev.isspace() or prev in "([\u201c\"/" + DASHES) and nxt.isalpha()


def _single_closes(text: str, ch: str, prev: str, nxt: str, i: int, pe: int, open_at: int) -> bool:
    """A closing single mark ends a word; "the protesters' demands" is a plural possessive instead."""
    if ch not in "\u2019'" or prev.isspace() or nxt.isalnum():
        return False
    plural_possessive = (prev in "sS" and nxt.isspace() and i + 2 < pe and text[i + 2].islower()
                         and not text[open_at:i].strip().endswith((",", ".")))
    return not plural_possessive


# --------------------------------------------------------------------------------------------- filter
TERM_LIST_MIN = 3  # '"life", "liberty", and "happiness"': this many quoted terms in a row make a list
TERM_MAX_WORDS = 5


def in_term_lists(runs: list[Run], doc: Doc) -> set[int]:
    """Indices of runs that stand in a list of quoted terms ('endorsed "life", "liberty", and "happiness"
    as the measure', 'the classic "no parties", "no alcohol", "no contact with men"'): three or more short
    runs of one paragraph with nothing but commas and a conjunction between them are words held up as
    terms (names, slogans, rules), not one speaker's utterance. A run that ends a sentence is no term."""
    out: set[int] = set()
    chain: list[int] = []
    for i, r in enumerate(runs):
        if not _term_like(doc.text, r):
            chain = []
            continue
        if chain and not (runs[chain[-1]].para == r.para and _list_gap(doc.text[runs[chain[-1]].outer_end:r.open_pos])):
            chain = []
        chain.append(i)
        if len(chain) >= TERM_LIST_MIN:
            out.update(chain)
    return out


def _term_like(text: str, r: Run) -> bool:
    content = text[r.start:r.end].rstrip(",")
    return r.close_pos is not None and not r.cont and len(content.split()) <= TERM_MAX_WORDS \
        and content[-1:] not in ".!?"


def _list_gap(gap: str) -> bool:
    """Only a comma, a conjunction ("and", "or") or both between two quoted runs."""
    ws = gap.replace(",", " ").split()
    return len(ws) <= 1 and all(w.lower() in words("list_conjunctions") for w in ws) and (bool(ws) or "," in gap
                                                                                          or gap.strip() == "")


# The words the rules below read before a mark: letters, digits, apostrophes and hyphens (and dots). Compiled
# once, with the ASCII word characters spelt out first: `re` tests them by one bit instead of a look-up of
# the character's Unicode category (the same set as [\w'-]).
_WORDS_RE = re.compile(r"[0-9A-Za-z_\w'-]+")
_DOTTED_WORDS_RE = re.compile(r"[0-9A-Za-z_\w'.-]+")
# A credit word ("Image:", "Photo:") as a whole word, then the credit to the end of the paragraph. Each word
# is written before its \b (as a look-behind past the word: no word character before it), so the pattern
# opens with the words' first letters and `re` finds them by a scan in C instead of testing \b at every
# character of the paragraph (a sixth of the instructions of `find_runs`). The same matches as
# \b(?:Image|Photo|Picture|Credit)\s*:\s*[^\n]{0,80}$.
CAPTION_RE = re.compile(r"(?:Image(?<!\w.{5})|Photo(?<!\w.{5})|Picture(?<!\w.{7})|Credit(?<!\w.{6}))"
                        r"\s*:\s*[^\n]{0,80}$")
SHORT_QUOTE_WORDS = 4  # below this, a quotation needs a speech verb in its sentence
SINGLE_MIN_WORDS = 6  # an unattributed single-quoted run must read like a sentence
TITLE_MAX_WORDS = 12
AFFILIATION_MAX_WORDS = 6  # 'X of "Have no fear"': longer runs after "of" are speech ('the words of "…"')
CAPTION_PARA_MAX = 400
WINDOW = 600


def keep_run(r: Run, doc: Doc, labels: Marks) -> bool:
    """Speech, not a name: drop captions, glosses, titles, scare quotes and placards.

    A scare cue ("so-called", "dubbed") or a placard noun right before the mark makes a name; a Title Case
    run is a title unless its own cue attributes it; a short run needs a speech verb in its clause, a cue
    of its own naming a speaker and a sentence's closing mark ('And I'm like, "I rested."'), or a possessive
    pronoun right before it (`possessed_words`). `labels`: the interview labels of the document's paragraphs
    (`label_marks`).
    """
    text = doc.text
    content = text[r.start:r.end]
    parts = content.split()  # (split once: the word count and the title test read the same words)
    n = len(parts)
    ps, pe = doc.paragraphs[r.para]
    if pe - ps < CAPTION_PARA_MAX and text.find(":", ps, pe) >= 0 and CAPTION_RE.search(text, ps, pe):
        return False
    if _named_not_said(text, r, ps) or names_by_verb(text, r, ps) or passive_label(text, r, doc) \
            or imagined_comparison(text, r, ps):
        return False
    if r.cont:
        return True
    if modifies_noun(text, r, doc):
        return False
    if r.single and n < SHORT_QUOTE_WORDS and not r.attributed:
        return False
    if not r.attributed and n <= NOUN_PHRASE_MAX_WORDS and (inside_noun_phrase(text, r, ps) or (
            noun_phrase_run(text, r) and not _speech_nearby(text, r, doc))):
        return False
    if _title_case(parts) and (_after_possessive(text, r, ps) or after_work_noun(text, r, ps) or
                                         not (r.direct and r.speaker is not None and content[-1:] in ",.!?")):
        return False  # a title, unless its own cue names a speaker and it ends like speech ('"Overall," he said')
    if n < SHORT_QUOTE_WORDS:
        if content.rstrip()[-1:] not in ".!?" and not _said_right_before(text, r, ps) \
                and in_labelled_turn(labels, r.para, TURN_REACH):
            return False  # a turn's words are its speaker's already: a short quoted term inside is a mention
        return _speech_nearby(text, r, doc) or (r.speaker is not None and _whole_sentence(text, r, ps)) \
            or (r.direct and r.speaker is not None and content.rstrip()[-1:] in ".!?") \
            or possessed_words(text, r, doc)  # ('I'm like, "I rested."'; 'her "passion" for it')
    if r.single and not r.attributed:
        return n >= SINGLE_MIN_WORDS and content.rstrip()[-1:] in ".,!?"
    return True


# (compiled once: a pattern given as a string is looked up in `re`'s cache on every call)
_WORDS_AND_MARKS_RE = re.compile(r"[\w'-]+|[^\w\s]")
_COORDINATED_RUN_RE = re.compile(r"\s*(?:and|or)\s*[\"\u201c][^\"\u201d]{1,40}[\"\u201d]")  # 'and "suckers"'
_NEXT_WORD_RE = re.compile(r"\s+([a-z][\w-]*)")
NOUN_PHRASE_MAX_WORDS = 5  # 'some "low- or no-cost programs" for users': a run this short may be a noun phrase's head
NOUN_PHRASE_MAX_MODIFIERS = 2  # 'another potential "October surprise,"': lower-case words between article and run


def inside_noun_phrase(text: str, r: Run, ps: int) -> bool:
    """'The "rebasing" of packages', 'some "low- or no-cost programs" for users', 'another potential
    "October surprise,"': a short run that an article or quantifier opens (a modifier or two between) is the
    head of a noun phrase of the writer's own sentence, a term held at a distance, not reported speech.
    Only for runs no speech frame claims: 'called the war a "genocidal war."' is attributed and kept, and
    not after a characterising verb or "as" ('citing the move as a "grave abuse"') nor after "and" joining
    it to a quoted run ('a "corrupt oaf" and a "lousy traitor"')."""
    content = text[r.start:r.end].rstrip()
    if content[-1:] in ".!?" or r.close_pos is None:
        return False
    before = _WORDS_AND_MARKS_RE.findall(text[max(ps, r.open_pos - 60):r.open_pos])
    for i in range(len(before) - 1, max(-1, len(before) - 2 - NOUN_PHRASE_MAX_MODIFIERS), -1):
        w = before[i]
        if w.lower() in words("noun_phrase_openers"):
            return not (_characterised(before[max(0, i - CHARACTERISING_REACH):i]) or _coordinated_run(before[:i]))
        if not (w[:1].islower() and w.isalpha()) or w in lexicon().speech_verbs or w in words("framing_verbs"):
            return False
    return False


def noun_phrase_run(text: str, r: Run) -> bool:
    """'advocating for justice and "a consistent life ethic"': a closed run that opens with an article or
    quantifier and holds no linking verb, auxiliary or modal, nor closes a sentence, is a noun phrase on its
    own ('"the damage is done"' holds a verb: a clause). Unattributed and with no speech cue in its clause,
    it is a term the writer holds up, not reported speech."""
    content = text[r.start:r.end].rstrip()
    ws = [w.lower() for w in WORD_RE.findall(content)]
    return r.close_pos is not None and content[-1:] not in ".!?" and len(ws) > 1 \
        and ws[0] in words("noun_phrase_openers") \
        and not any(w in words("linking_verbs") or w in words("aside_auxiliaries") for w in ws)


CHARACTERISING_REACH = 3  # 'called it a "…"', 'citing the move as a "…"': words before the article


def _characterised(ws: list[str]) -> bool:
    """A speech or framing verb, or "as", among the words before a noun phrase: the phrase is what someone
    called something."""
    verbs = _characterising_verbs()
    return any(w.lower() == "as" or w.lower() in verbs for w in ws)


@functools.cache
def _characterising_verbs() -> frozenset[str]:
    """The speech and framing verbs, unioned once (a union per call copied hundreds of words)."""
    return lexicon().speech_verbs | words("framing_verbs")


@functools.cache
def _strong_speech_verbs() -> frozenset[str]:
    """The speech verbs that are not weak ("said", not "added"), made once."""
    lex = lexicon()
    return lex.speech_verbs - lex.weak_verbs


def _coordinated_run(ws: list[str]) -> bool:
    """'termed her a "corrupt oaf" and a "lousy traitor"': a noun phrase coordinated with a quoted run right
    before it shares that run's frame."""
    return len(ws) >= 2 and ws[-1].lower() in ("and", "or") and ws[-2] in ALL_MARKS


# paragraphs an interview turn's label may stand above the paragraph it covers: a paragraph in a labelled turn
# ('((WN)) …', '((Ann Roe)) …', and the unlabelled paragraphs below) is its speaker's already, and conversation
# is full of speech verbs, so a speech verb near a short quoted run there is no evidence that it reports speech
TURN_REACH = 30


def possessed_words(text: str, r: Run, doc: Doc) -> bool:
    """'discussed the game, his "longest ever project", with us', 'her "passion" for the hobby': a short run
    right after a possessive pronoun, ending its noun phrase, is how the possessor put it (their words for
    their own thing), not the writer's term. Not when a noun follows, which the run then modifies ('their
    "fringe country" status')."""
    ps, pe = doc.paragraphs[r.para]
    prev = WORD_RE.findall(text[max(ps, r.open_pos - 12):r.open_pos])[-1:]
    if not prev or prev[0].lower() not in words("possessive_determiners") or r.close_pos is None:
        return False
    after = text[r.outer_end:min(pe, r.outer_end + 30)].lstrip()
    nxt = WORD_RE.match(after)
    return not after or not nxt or nxt.start() > 0 or nxt.group().lower() in words("prepositions")


def _said_right_before(text: str, r: Run, ps: int) -> bool:
    """'she said, "boss people around"': a strong speech verb is the last word before the opening mark, so
    the run is what was said, however short (not 'call it "forbidden pairing"', 'believed that … a "social
    animal"')."""
    prev = WORD_RE.findall(text[max(ps, r.open_pos - 20):r.open_pos])[-1:]
    return bool(prev) and prev[0].lower() in _strong_speech_verbs()


def _named_not_said(text: str, r: Run, ps: int) -> bool:
    """A gloss "(…)", a scare cue right before the mark, a metalinguistic noun right before it ('the
    description "…"'), or a placard noun just before it."""
    before = text[max(ps, r.open_pos - 40):r.open_pos].lower().rstrip()
    if before.endswith("(") and text[r.outer_end:r.outer_end + 1] == ")":
        return True
    if before.endswith(_scare_cue_ends()) and _scare_cue_re().search(before):  # (most runs: no cue)
        return True
    near = _WORDS_RE.findall(before)[-6:]
    if _named_by_participle(text, r, ps) or (near and before.endswith(near[-1]) and near[-1] in words("mention_nouns")):
        return True  # 'the 14th Amendment phrase "subject to"': a metalinguistic noun makes a mention
    placard = words("placard_nouns")
    return any(w in placard for w in near[-3:]) or (not r.attributed and any(w in placard for w in near))


def names_an_affiliation(r: Run, doc: Doc) -> bool:
    """'Anna Franowska of "Have no fear", a charity': a short run right after a name and "of"/"from"/"at"
    names the group the person belongs to, not speech. Dropped before attribution, so the sentence's
    speech frame reads across it."""
    text = doc.text
    ps = doc.paragraphs[r.para][0]
    prev = _DOTTED_WORDS_RE.findall(text[max(ps, r.open_pos - 40):r.open_pos])[-2:]
    if len(prev) != 2 or prev[1] not in words("affiliation_prepositions") or not prev[0][:1].isupper():
        return False
    return len(text[r.start:r.end].split()) <= AFFILIATION_MAX_WORDS and r.close_pos is not None \
        and not (prev[1] == "of" and _object_of_verb(text, ps, text.rfind(prev[0], ps, r.open_pos)))


def _object_of_verb(text: str, ps: int, name_at: int) -> bool:
    """'accused Biden of "siding with criminals"': a name right after a speech or framing verb is the
    verb's object, and the run after "of" completes the verb, so it is speech, not the name of a group
    ('termed Brexit for "British exit"' is a gloss, not this)."""
    before = _WORDS_RE.findall(text[max(ps, name_at - 30):name_at])[-1:]
    return bool(before) and before[0].lower() in _characterising_verbs()


MODIFIER_MAX_WORDS = 3  # '"mini-strokes" tweet': a run this short may modify the noun after it


def modifies_noun(text: str, r: Run, doc: Doc) -> bool:
    """'Trump's "mini-strokes" tweet', 'the alleged "losers" and "suckers" comment': a short run with no
    closing punctuation, directly followed by a noun that names an utterance, is used as a modifier of that
    noun (a mention of the words, not a report of them); a run coordinated with such a run counts too."""
    content = text[r.start:r.end]
    # (the cheap tests first; the words counted only as far as the limit: a long run is settled at once)
    if r.close_pos is None or content[-1:] in ",.!?;:" \
            or len(content.split(None, MODIFIER_MAX_WORDS)) > MODIFIER_MAX_WORDS:
        return False
    pe = doc.paragraphs[r.para][1]
    after = text[r.outer_end:min(pe, r.outer_end + 60)]
    m = _COORDINATED_RUN_RE.match(after)
    if m:
        after = after[m.end():]  # '"losers" and "suckers" comment'
    nxt = _NEXT_WORD_RE.match(after)
    return nxt is not None and nxt.group(1) in words("mention_head_nouns")


NAMING_VERB_REACH = 8  # 'named the virus that causes it "…"': words between the naming verb and the run


def names_by_verb(text: str, r: Run, ps: int) -> bool:
    """'named the virus that causes it "severe acute …"', 'nicknamed the mannequin "Ripley"': the run is
    the object complement of a naming verb a few words before it (with no speech verb between), so it is a
    name. "called" is not one of them: 'called the report "fake news"' reports words in news prose."""
    lo = max(ps, r.open_pos - 80)
    if _NAMING_WORD_RE.search(text[lo:r.open_pos].lower()) is None:
        return False  # (most runs: no naming word before them at all, settled by one search in C)
    s0 = last_sentence_end(text, lo, r.open_pos)
    before = _WORDS_RE.findall(text[s0:r.open_pos])[-NAMING_VERB_REACH:]
    speech = lexicon().speech_verbs
    for i in range(len(before) - 1, -1, -1):
        lw = before[i].lower()
        if lw in words("naming_verbs"):
            return i < len(before) - 1  # right before the mark is the scare-cue rule's case
        if lw in speech:
            return False
    return False


PASSIVE_LABEL_REACH = 2  # 'was called the "breadbasket"': words between the participle and the mark
AGENT_REACH = 4  # 'was called a "liar" by the mayor', 'was called "X" on Monday by the mayor'


_NAMING_WORDS = words("naming_participles") | words("naming_verbs")
_NAMING_WORD_RE = re.compile("|".join(map(re.escape, sorted(_NAMING_WORDS))))  # anywhere, in lower case


def passive_label(text: str, r: Run, doc: Doc) -> bool:
    """'the region was once called the "breadbasket" of Africa', 'such add-ons are called "mods"': the run
    is the complement of a passive naming verb (a passive auxiliary, an adverb or none ("once",
    "commonly"), then "called", "termed", "named" …, then at most a determiner and a modifier). With no
    "by" agent after it the words are a label the thing goes by, said by nobody in particular; 'was called
    a "liar" by the mayor' names who said them and stays speech."""
    ps = doc.paragraphs[r.para][0]
    window = text[max(ps, r.open_pos - 60):r.open_pos]
    if _NAMING_WORD_RE.search(window.lower()) is None:
        return False  # (most runs: no naming word before them at all, settled by one search in C)
    before = _WORDS_RE.findall(window)
    naming = _NAMING_WORDS
    aux = words("passive_auxiliaries")
    for i in range(len(before) - 1, max(-1, len(before) - 2 - PASSIVE_LABEL_REACH), -1):
        if before[i].lower() in naming:
            prior = [w.lower() for w in before[max(0, i - 2):i]]
            adverb = prior[-1:] and (prior[-1].endswith("ly") or prior[-1] in words("subject_adverbs"))
            passive = prior[-1:] and (prior[-1] in aux or (len(prior) == 2 and prior[0] in aux and adverb))
            return bool(passive) and "by" not in [w.lower() for w in WORD_RE.findall(
                run_clause(text, r, doc)[1])[:AGENT_REACH]]
    return False


def imagined_comparison(text: str, r: Run, ps: int) -> bool:
    """'the answer sounds like, "We never read it."', 'it wasn't just like "let's see what happens"': a run
    right after "like" that a verb of seeming ("sounds", "looks") or "be" with a non-personal subject
    ("it was", "that's") governs is a comparison with words nobody said, not a quotation. The quotative
    "be like" of a person ('I was like, "…"', 'they were like "…"') reports words and is left alone."""
    window = text[max(ps, r.open_pos - 50):r.open_pos]
    if text[r.open_pos - 1:r.open_pos] not in " ,:" or "like" not in window.lower():
        return False  # (most runs: no "like" before them, settled in C)
    before = _WORDS_RE.findall(window)
    if not before or before[-1].lower() != "like":
        return False
    ws = [w.lower() for w in before[:-1]]
    while ws and ws[-1] in words("comparison_hedges"):
        ws.pop()
    if not ws:
        return False
    if ws[-1] in words("resemblance_verbs") or ws[-1] in words("comparison_contractions"):
        return True
    return ws[-1] in words("comparison_copulas") and ws[-2:-1] != [] and ws[-2] in words("comparison_subjects")


def after_work_noun(text: str, r: Run, ps: int) -> bool:
    """'wrote the book "Winning Back Trust,"': a Title Case run right after a noun for a work (a book, a
    film, a bill) is that work's title, even with the comma American style puts inside the marks."""
    prev = _WORDS_RE.findall(text[max(ps, r.open_pos - 30):r.open_pos])[-1:]
    return bool(prev) and prev[0].lower() in words("work_nouns")


def _after_possessive(text: str, r: Run, ps: int) -> bool:
    """'on NBC's "Meet the Press"': a run right after a possessive is something the possessor owns (a show,
    a book), so in Title Case it is a title even when a speech cue is near."""
    before = text[max(ps, r.open_pos - 3):r.open_pos].rstrip()
    return before.endswith(("'s", "\u2019s"))


def _named_by_participle(text: str, r: Run, ps: int) -> bool:
    """'a song called "Day after Day"': a naming participle right after a common noun."""
    prev = _WORDS_RE.findall(text[max(ps, r.open_pos - 40):r.open_pos])[-2:]
    return len(prev) == 2 and prev[1].lower() in words("naming_participles") and prev[0][:1].islower() \
        and prev[0] not in words("third_person_pronouns") and prev[0] not in words("relative_pronouns")


@functools.cache
def _scare_cue_ends() -> tuple[str, ...]:
    """What a text ending in a scare cue ends with: the cue, or the cue and a comma."""
    cues = words("scare_cues_before")
    return tuple(cues) + tuple(c + "," for c in cues)


@functools.cache
def _scare_cue_re() -> re.Pattern[str]:
    """Any scare cue as whole words at the very end (a comma may follow): "remarked" is not "marked"."""
    cues = sorted(words("scare_cues_before"), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(c) for c in cues) + r"),?$")


def _title_case(ws: list[str]) -> bool:
    """Every content word capitalised, as in the title of a work ("Gone With The Wind")."""
    if len(ws) > TITLE_MAX_WORDS:
        return False  # (most quotations: too long for a title, and no need to look at their words)
    minor = words("title_minor_words")
    content = [w.strip(",.!?;:()[]\"'") for w in ws]
    content = [w for w in content if w and w.lower() not in minor]
    return bool(content) and len(ws) <= TITLE_MAX_WORDS and all(_capitalised(w) for w in content)


def _capitalised(w: str) -> bool:
    """A word opening with a capital has every part capitalised: "Soviet-Style" is a title word,
    "Soviet-style" (an adjective) is not; a word opening with a digit or mark ("2019-nCoV") counts."""
    if not w[:1].isalpha():
        return True
    return all(p[:1].isupper() or not p[:1].isalpha() for p in w.split("-") if p)


def _whole_sentence(text: str, r: Run, ps: int) -> bool:
    """'"He is dangerous," Clinton said. "He is unfit."': a short run that is a whole sentence of its own,
    opening after a sentence end and closing on its own full stop, is speech, not a name."""
    before = text[max(ps, r.open_pos - 3):r.open_pos].rstrip()
    opens = r.open_pos <= ps or before == "" or before[-1] in ".!?\"\u201d"
    return opens and text[r.start:r.end].rstrip()[-1:] in ".!?"


@functools.cache
def _nearby_verbs() -> tuple[frozenset[str], frozenset[str]]:
    """(verbs that cue a quotation anywhere near it, verbs that cue one only with "that" after them)."""
    lex = lexicon()
    verbs = (lex.speech_verbs - lex.weak_verbs) | words("framing_verbs")  # 'dismissed it as "locker room talk"'
    return frozenset(verbs), frozenset(words("that_verbs") | lex.weak_verbs)


@functools.cache
def _nearby_determiners() -> frozenset[str]:
    """The words after which a speech word is a noun (articles, quantifiers, possessives), unioned once."""
    return words("noun_phrase_openers") | words("possessive_determiners")


def _speech_nearby(text: str, r: Run, doc: Doc) -> bool:
    """A speech, framing or naming verb or a possessed speech noun ("his promise", "Lind's description") in
    the clause around the run (`run_clause`), outside it, or a verb that reports a claim or a thought only
    with "that" after it ("holds that", "thinks that"). After the run, a speech word after a determiner is a
    noun naming something else ('put "under review" across the tweet') unless a verb of an inverted frame
    stands before it ('"Stay home," read the statement'); before the run, the noun may introduce the words
    ('the reply was a curt "No comment."')."""
    before, after = run_clause(text, r, doc)
    verbs, that_verbs = _nearby_verbs()
    non_speech = words("short_quote_non_cues")
    naming = words("short_quote_naming_cues")
    determiners = _nearby_determiners()
    ws = [w.lower() for w in WORD_RE.findall(before)]
    n_before = len(ws)
    ws += [w.lower() for w in WORD_RE.findall(after)]
    inverting, nouns = rule_words("quotations_inverting_verbs"), words("possessed_speech_nouns")
    for i, lw in enumerate(ws):
        noun = i > n_before and ws[i - 1] in determiners
        if noun and i > n_before + 1 and ws[i - 2] in inverting and (lw in verbs or lw in nouns):
            return True  # '"Stay home," read the statement'
        if (lw in verbs and lw not in non_speech and not noun) or lw in naming:
            return True
        if lw in that_verbs and ws[i + 1:i + 2] == ["that"]:
            return True  # 'He holds that if they were "lawful residents"'; not 'what you think needs revising'
    return _POSSESSED_SPEECH_RE().search(before + " " + after) is not None


@functools.cache
def _POSSESSED_SPEECH_RE() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built on first use
    """A speech noun with its possessor ("Lind's description", "his promise", a modifier or two between):
    the possessor said something. Without one ("the tweet", "a statement") the noun names a thing that
    may hold words, not a speech act around the run."""
    owners = "|".join(sorted(words("possessive_determiners")))
    nouns = "|".join(sorted(words("possessed_speech_nouns")))
    return re.compile(rf"(?:\w['\u2019]s?|\b(?:{owners}))\s+(?:[\w-]+\s+){{0,2}}(?:{nouns})\b", re.I)


def run_clause(text: str, r: Run, doc: Doc) -> tuple[str, str]:
    """The text of the run's own clause before its opening mark and after its closing mark: its sentence,
    less what other clauses hold. A cue there speaks the run; a cue in another clause of the sentence
    speaks something else ('When Ann tweeted that …, the site put a "fact check" on it', 'they detained
    him for "spreading rumours," along with Ann, who tried to warn them'). Cut off: a clause opened by
    a subordinator and closed by a comma before the run ('When …,'), a subordinate clause opened between
    the cue and the run ('learned to write because her parents were "strict"'), a clause after a
    semicolon, and after the run a non-restrictive relative clause (', who …,') or a clause after a
    semicolon."""
    ps, pe = doc.paragraphs[r.para]
    s0 = last_sentence_end(text, max(ps, r.open_pos - WINDOW), r.open_pos)
    hi = min(pe, r.outer_end + WINDOW)
    end = next_sentence_end(text, r.outer_end, hi)
    before, after = text[s0:r.open_pos], text[r.outer_end:hi if end is None else end]
    before = before[before.rfind(";") + 1:]
    first = WORD_RE.match(before.lstrip())
    if first and first.group().lower() in rule_words("quotations_clause_openers") and "," in before:
        before = before[before.rfind(",") + 1:]  # 'When Ann tweeted …, the site put'
    cut = _SUBORDINATE_RE().search(before)
    if cut:
        before = before[cut.end():]  # 'learned to write because her parents were'
    after = after.split(";", 1)[0]
    rel = _RELATIVE_RE().search(after)
    if rel:  # ', Tom Berger, who tried to warn them': the clause about Tom, up to its closing comma
        close = after.find(",", rel.end())
        after = after[:rel.start()] + (after[close:] if close >= 0 else "")
    return before, after


@functools.cache
def _SUBORDINATE_RE() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built on first use
    """The last subordinator in a text ("because", "although"; not "because of")."""
    alts = "|".join(sorted(rule_words("quotations_subordinators")))
    return re.compile(rf"\b(?:{alts})\b(?!\s+of\b)(?!.*\b(?:{alts})\b)", re.I | re.S)


@functools.cache
def _RELATIVE_RE() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built on first use
    """A comma and a relative pronoun for a person: a non-restrictive relative clause about another noun
    ("which" is left out: ', which police confirmed' may be about the whole clause the run is in)."""
    alts = "|".join(sorted(rule_words("quotations_relative_pronouns")))
    return re.compile(rf",\s*(?:{alts})\b", re.I)
