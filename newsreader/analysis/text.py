"""Tokens, sentences and paragraphs: the shared, offset-preserving view of a body.

Everything downstream works on `Token`s that keep their `str` offsets into the body, so spans found by
the rules can be reported without any re-alignment.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, repeat, starmap

from .lexicon import rule_words

# Dotted acronyms first ("U.S."), then words that may contain inner hyphens, dots ("oe24.at") and
# apostrophes ("O'Donnell"), but not a possessive "'s", which is recorded on the token instead.
# Written as (?:[^\W\d_]\.){2,}(?![^\W\d_]) | [@#]?\w+TAIL, with the first character pulled out front:
# a pattern that opens with a character class lets `re` skip the gaps between words in C, which makes
# every word search (the tokenizer's above all) about a quarter faster. The words found are the same.
# The repeats are possessive ("++", "*+"): no match ever needs to give back what one took (what follows a
# repeat cannot start with what it repeats, and nothing after the tail can fail), so `re` keeps no
# backtracking state for them, a tenth fewer instructions per word.
# A word character is written [0-9A-Za-z_\w], the same set as \w: `re` turns the ASCII part into a bitmap
# it reads first, so an ASCII letter is settled by one bit instead of a look-up of its Unicode category
# (about a sixth fewer instructions per word). For the same reason the alternatives test cheap literals
# first: the dot of "U.S." before the letter behind it, no "@"/"#" behind instead of a word character.
_W = r"[0-9A-Za-z_\w]"
_WORD_TAIL = rf"(?:(?:[-\u2010\u2011\u2013.&]|['\u2019](?![sS]\b)){_W}++)*+"
WORD_RE = re.compile(
    r"[0-9A-Za-z_@#\w](?:"
    r"\.(?<=[^\W\d_]\.)(?:[^\W\d_]\.)++(?![^\W\d_])"  # "U.S.": a letter, then dots and letters
    rf"|(?<=[@#]){_W}++{_WORD_TAIL}"  # "@user", "#tag"
    rf"|(?<![@#]){_W}*+{_WORD_TAIL})"  # any other word
)
# Runs of words with one space between them, as one group each: `split` hands over the gaps between runs
# and the runs in turn, in one pass, and `str.split(" ")` cuts each run into its words. A run holds the
# very words the word pattern finds one at a time: a word cannot hold a space, and after one space the
# next word starts right there or nowhere before the next gap. Most words of a sentence stand in such
# runs ("said on Tuesday that"), so `re` starts a match, and makes a gap string, per run rather than per
# word (its cost per match is much higher than per character): a fifth fewer instructions per body.
_PLAIN_WORD = (r"[0-9A-Za-z_\w](?:"
               r"\.(?<=[^\W\d_]\.)(?:[^\W\d_]\.)++(?![^\W\d_])"
               rf"|{_W}*+{_WORD_TAIL})")
_SPLIT_RE = re.compile(f"({WORD_RE.pattern}(?: {WORD_RE.pattern})*+)")
# The same again for a body without "@" or "#" (most of them): there a handle's branch can never match and
# the other's look-behind always holds, so both go, two tests fewer per word (about 3% of the tokenizer).
_PLAIN_SPLIT_RE = re.compile(f"({_PLAIN_WORD}(?: {_PLAIN_WORD})*+)")
POSS_RE = re.compile(r"['\u2019][sS]\b|(?<=[sS])['\u2019](?![\w'\u2019])")
_APOSTROPHES = ("'", "\u2019")
PARA_RE = re.compile(r"\n[ \t\r\f\v]*\n")
# Characters that may sit between a sentence end and the next sentence's first word.
_OPENERS = "\"'\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb([{\u2014\u2013- \t*#>\u2022"
# Capitalised closed-class words that open a sentence: after a dotted acronym that swallowed the full
# stop ("in Washington D.C. The team…") they mark a sentence boundary.
SENT_OPENERS = rule_words("text_sent_openers")
ABBREVIATIONS = rule_words("text_abbreviations")


@dataclass(slots=True)
class Token:
    """One word of the body, with its offsets and what the tokenizer learnt about its place.

    (`tokenize` makes each token blank, a `_BlankToken`, and fills its slots itself, in `_Words._fill`: a
    new field must be set there too; the tokenizer's property test reads every field of every token.)"""

    start: int
    end: int
    text: str
    cap: bool  # starts with an upper-case letter (or is a dotted acronym)
    poss_end: int  # end of a following possessive "'s"/"’s" (== end when there is none)
    initial: bool = False  # first word of a sentence, line or quotation
    sent: int = 0  # sentence index
    para: int = 0  # paragraph index

    @property
    def lower(self) -> str:
        """The word in lower case, made when asked: few tokens are ever asked, and lower-casing every word
        of every body up front cost about 2% of the whole analysis."""
        return self.text.lower()


class _BlankToken(Token):
    """A `Token` the tokenizer makes with no fields set and fills in itself (`_Words._fill`).

    Its `__init__` is `object.__init__`, so calling the class runs no Python frame: made by `Token()`'s
    C road (a call of the type), a blank costs a fifth less than by `object.__new__(Token)`, whose
    wrapper parses an argument tuple per call (about 60 M instructions of the bulk corpus's 220,000
    tokens). `Token(...)` itself, with its fields in order, is untouched for everyone else."""

    __slots__ = ()
    __init__ = object.__init__

    def __eq__(self, other: object) -> bool:
        """Equal to any `Token` with the same fields, as tokens were when the tokenizer made `Token`s (the
        dataclass's own test wants the very same class on both sides)."""
        if not isinstance(other, Token):
            return NotImplemented
        return _fields(self) == _fields(other)


def _fields(tok: Token) -> tuple[int, int, str, bool, int, bool, int, int]:
    return tok.start, tok.end, tok.text, tok.cap, tok.poss_end, tok.initial, tok.sent, tok.para


@dataclass(slots=True)
class Doc:
    """A tokenised body. Besides the tokens it holds what the passes would otherwise each gather with a
    loop of their own over every token (the tokenizer's loop is the one that visits every word): the
    token texts in one list, the token range of every paragraph, the capitalised tokens (where names
    start), and how often each word is written in lower case or capitalised (the counts the capitalisation
    evidence is made of)."""

    text: str
    tokens: list[Token]
    paragraphs: list[tuple[int, int]]
    sentences: list[tuple[int, int]] = field(default_factory=list)  # token index ranges [i, j)
    texts: list[str] = field(default_factory=list)  # texts[i] == tokens[i].text
    para_tokens: list[tuple[int, int]] = field(default_factory=list)  # paragraph index -> token range [i, j)
    lower_counts: dict[str, int] = field(default_factory=dict)  # lower-case word -> occurrences
    mid_capitals: dict[str, int] = field(default_factory=dict)  # capitalised word, not sentence-initial -> occurrences
    initial_capitals: set[str] = field(default_factory=set)  # capitalised words met at a sentence start
    index_of: dict[int, int] = field(default_factory=dict)  # token start offset -> token index
    starts: list[int] = field(default_factory=list)  # starts[i] == tokens[i].start, for bisection
    capitalised: list[int] = field(default_factory=list)  # indices of the tokens whose `cap` is set, in order



def capitalised(word: str) -> bool:
    """What `Token.cap` says of a token written `word` (the tokenizer applies the rule inline): its first
    letter is upper case, or, for a handle or a hashtag ("@Acme", "#Brexit"), its second."""
    return word[1].isupper() if word[0] in "@#" and len(word) > 1 else word[0].isupper()


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each blank-line separated paragraph, whitespace trimmed."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in PARA_RE.finditer(text):
        _add_para(text, pos, m.start(), out)
        pos = m.end()
    _add_para(text, pos, len(text), out)
    return out


def _add_para(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def tokenize(text: str) -> Doc:
    """Tokens with sentence and paragraph indices; linear in the text length.

    The hot path of the whole analysis, kept lean: one regex `split` per paragraph hands over its runs of
    words one space apart with the gap after each run (no match objects), offsets are running sums of
    the words' lengths, and the gap rules are asked once per run, not once per word.
    """
    paras = paragraphs(text)
    words = _Words(text)
    for p_index, (p_start, p_end) in enumerate(paras):
        words.paragraph(p_index, p_start, p_end)
    return Doc(text, words.tokens, paras, words.sentences, words.texts, words.para_tokens,
               dict(Counter(words.lower_words)), dict(Counter(words.mid_words)), words.initial_capitals,
               words.index_of, list(words.index_of), words.capitalised)


class _Words:
    """What `tokenize` gathers paragraph by paragraph: the tokens, the sentence and paragraph ranges, and
    every word by how it is written (counted once at the end)."""

    __slots__ = ("text", "tagged", "split", "tokens", "texts", "sentences", "para_tokens", "lower_words", "mid_words",
                 "initial_capitals", "index_of", "sent", "capitalised", "blank")

    def __init__(self, text: str) -> None:
        self.text = text
        self.tagged = "@" in text or "#" in text  # (most bodies have no handle or hashtag: one test for all)
        self.split = (_SPLIT_RE if self.tagged else _PLAIN_SPLIT_RE).split
        self.tokens: list[Token] = []
        # One iterator over the tokens for the whole body: a paragraph's blank tokens are appended to the
        # list and `_fill` takes them from it in turn (a list iterator reads the list's length at each
        # step, so it goes on into what was appended), with no list of blanks made per paragraph. It
        # must never be asked past the last token (then it is spent for good): `_fill` asks it only for a
        # word its run has.
        self.blank: Iterator[Token] = iter(self.tokens)
        self.texts: list[str] = []
        self.sentences: list[tuple[int, int]] = []
        self.para_tokens: list[tuple[int, int]] = []
        self.lower_words: list[str] = []  # every word written in lower case
        self.mid_words: list[str] = []  # every capitalised word that is not sentence-initial
        self.initial_capitals: set[str] = set()
        self.capitalised: list[int] = []  # token indices of the capitalised words
        # token start -> token index, filled in by the loop that makes the offsets (a dict built from them
        # afterwards cost twice as much: a new int per index, a tuple per pair); its keys are the starts
        self.index_of: dict[int, int] = {}
        self.sent = 0

    def paragraph(self, p_index: int, p_start: int, p_end: int) -> None:
        """Split one paragraph into words and fill in a token for each."""
        parts = self.split(self.text[p_start:p_end])  # gap, run, gap, run, …, gap
        runs = list(map(str.split, parts[1::2], repeat(" ")))
        p_first = len(self.tokens)
        # The paragraph's tokens are made blank up front and appended, for `_fill` to take from `blank`:
        # making one in the loop (a call, then an append) costs more than the loop's own step. `_fill` sets
        # their slots (a call of `Token` costs a frame and two argument tuples per word; `_BlankToken` none).
        self.tokens += starmap(_BlankToken, repeat((), sum(map(len, runs))))
        self.texts += chain.from_iterable(runs)
        sent_start = self._fill(self.blank, runs, parts[2::2], p_start + len(parts[0]), p_first, p_index)
        if len(self.tokens) > sent_start:
            self.sentences.append((sent_start, len(self.tokens)))
            self.sent += 1
        self.para_tokens.append((p_first, len(self.tokens)))

    def _fill(self, blank: Iterator[Token], runs: list[list[str]], afters: list[str], pos: int, p_first: int,
              p_index: int) -> int:
        """Fill the paragraph's tokens run by run (`split`'s runs of words one space apart, and the gap after
        each); the start of its last sentence. Only a run's first word can follow anything but one space, so
        the gap rules are asked once a run (inline: a call a run cost 2% of the tokenizer); inside a run a word
        opens a sentence only after a dotted acronym that swallowed the full stop ("Washington D.C. The")."""
        text, tagged, sent, sentences, index_of = self.text, self.tagged, self.sent, self.sentences, self.index_of
        lower_add, mid_add, initial_add = self.lower_words.append, self.mid_words.append, self.initial_capitals.add
        caps_add = self.capitalised.append
        sent_start = i = p_first
        gap = prev = ""  # the gap before the run (its possessive left out), the word before it
        prev_cap = False
        for run, after in zip(runs, afters, strict=True):
            # the run's first word: (initial, opens a sentence, the word the dotted-acronym rule looks behind at)
            if i == p_first:
                initial, boundary, behind = True, False, "-"
            elif gap == " ":  # (after a possessive: the dotted-acronym rule decides, in the run's loop)
                initial, boundary, behind = False, False, prev
            else:
                ends, initial = _gap_rule(gap)  # (ends None: a full stop, no end after an abbreviation or initial)
                boundary = not (prev in ABBREVIATIONS or len(prev) == 1 and prev_cap) if ends is None else ends
                initial, behind = initial or boundary, "-"
            if boundary:
                sentences.append((sent_start, i))
                sent += 1
                sent_start = i
            end = pos - 1  # (so that the first word starts at `pos`)
            # (no `strict=`: a keyword argument costs `zip` a parse of its arguments on every call)
            for word, tok in zip(run, blank):  # noqa: B905 - the run first: `blank` is shared by all runs
                start = end + 1
                end = start + len(word)
                cap = upper = word[0].isupper()
                if tagged and word[0] in "@#" and len(word) > 1:  # "@Acme", "#brexit": the second character's
                    cap = word[1].isupper()
                if upper and word in SENT_OPENERS and behind[-1] == "." and len(behind) > 2:
                    initial = True
                    sentences.append((sent_start, i))
                    sent += 1
                    sent_start = i
                if not cap:
                    lower_add(word)
                else:
                    (initial_add if initial else mid_add)(word)
                    caps_add(i)
                tok.start = start
                tok.end = end
                tok.text = word
                tok.cap = cap
                tok.poss_end = end
                tok.initial = initial
                tok.sent = sent
                tok.para = p_index
                index_of[start] = i
                i, initial, behind = i + 1, False, word
            pos = end + len(after)
            prev, prev_cap = behind, cap
            gap = _possessive(text, tok, after, pos) if after[:1] in _APOSTROPHES else after
        self.sent = sent
        return sent_start


def _possessive(text: str, tok: Token, after: str, pos: int) -> str:
    """The gap after `tok` less its possessive ("Huawei's chief", "the Joneses' dog"), whose end it records."""
    pm = POSS_RE.match(text, tok.end)
    if pm is None:
        return after
    tok.poss_end = pm.end()
    return text[pm.end():pos]


@lru_cache(maxsize=4096)
def _gap_rule(gap: str) -> tuple[bool | None, bool]:
    """What the text between two words says: (ends a sentence, the next word is initial anyway).

    Gaps repeat endlessly (", ", ". ", " \u2014 "), so the answer is cached per gap. `None` for the first
    means "a full stop: it ends the sentence unless the word before is an abbreviation or an initial"."""
    if "\n" in gap:
        return True, True
    core = gap.strip(_OPENERS)
    if not core:
        # "U.S. The" style: a dotted acronym swallowed the full stop
        ends: bool | None = False
    elif "!" in core or "?" in core:
        ends = True
    elif "." in core:
        ends = None if core.startswith(".") else True
    else:
        ends = False
    return ends, _after_quote_or_colon(gap)


def _after_quote_or_colon(gap: str) -> bool:
    """A word right after an opening quotation mark or a colon is capitalised for reasons of its own."""
    g = gap.rstrip()
    if not g:
        return False
    # a word directly after an opening mark: the mark is the last non-space character before it
    if g[-1] in "\"\u201c\u201e\u00ab\u2018'" and gap.endswith(g[-1]):
        return True
    # interview transcripts: "((WN)) Given that…"
    return g[-1] == ":" or g.endswith(": ") or g.endswith("))") or g.endswith("]")


def occurrences(text: str, form: str) -> list[int]:
    """Start offsets of every occurrence of `form` in `text`, overlapping ones included."""
    found, at = [], text.find(form)
    while at >= 0:
        found.append(at)
        at = text.find(form, at + 1)
    return found
