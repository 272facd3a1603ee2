"""Document-level evidence gathered before any name is proposed.

Rules: (1) a word the article writes capitalised in mid-sentence is a name in this article; a word it
also writes in lower case is a common word here, whatever a dictionary says. (2) Headlines and subheads
are title case, so their capitals prove nothing. (3) Photo credits name photographers, not actors.
"""

from __future__ import annotations

import re
from itertools import compress, count

from ..lexicon import rule_words
from ..state import CapStats, DocState
from ..text import Doc, Token

HEADLINE_RATIO = 0.6  # share of capitalised long words that makes a line a headline
FRAGMENT_MAX = 12  # tokens: a longer unpunctuated paragraph is prose missing its stop, not a label
CAPTION_CUES = rule_words("actors_caption_cues")
# "Austen, Jane. Pride and Prejudice": a reading-list entry, its author written surname first
SURNAME_FIRST_RE = re.compile(r"[A-Z][\w'\u2019-]+, ([A-Z][\w'\u2019-]+)(?: [A-Z][\w'\u2019-]+)*(?:\. | and )")


def capitalisation(state: DocState) -> None:
    """Count how the document writes each word: capitalised mid-sentence, or in lower case."""
    doc = state.doc  # (the tokenizer counted them: its loop is the one that visits every word)
    cap_mid = set(doc.mid_capitals)  # (the words in lower case are only looked up: the counts' own keys)
    state.stats = CapStats(cap_mid, doc.lower_counts.keys(), doc.mid_capitals, doc.lower_counts,
                           cap_mid | doc.initial_capitals)


def headlines(state: DocState) -> None:
    """Paragraphs that look like headlines or subheads: title case or all caps, no final full stop. A
    reading-list entry is title case too, but it opens with its author's name written surname first
    ("Austen, Jane. Pride and Prejudice"), which a headline never does: its capitals are names."""
    doc, toks = state.doc, state.doc.tokens
    state.headlines = {p for p, (i, j) in enumerate(doc.para_tokens)
                       if _is_headline(doc, p, toks[i:j]) and not _reading_list_entry(state, p)}


def _reading_list_entry(state: DocState, p: int) -> bool:
    m = SURNAME_FIRST_RE.match(state.doc.text, state.doc.paragraphs[p][0])
    return m is not None and state.lex.is_forename(m.group(1))


def _is_headline(doc: Doc, p: int, toks: list[Token]) -> bool:
    if len(toks) < 3 or len(toks) > 25:
        return False
    ps, pe = doc.paragraphs[p]
    if doc.text[pe - 1] in ".!?\"”" or "\n" in doc.text[ps:pe]:
        return False
    words = [t for t in toks if t.text[0].isalpha() and len(t.text) > 3]
    return bool(words) and sum(1 for t in words if t.cap) / len(words) >= HEADLINE_RATIO


def fragments(state: DocState) -> None:
    """Paragraphs that are a short label rather than prose: one line, two to a dozen words, no final stop
    and not a headline ("Tony Stark", "Rocket Raccoon and Groot"): the captions under photos. A line that
    holds a quotation is an epigraph with its speaker, not a label. A one-word
    line is as often a subhead ("Disney" over a section) and is left out."""
    doc = state.doc
    state.fragments = {p for p, (i, j) in enumerate(doc.para_tokens) if 2 <= j - i <= FRAGMENT_MAX
                       and p not in state.headlines and _unfinished_line(doc, p)}


def _unfinished_line(doc: Doc, p: int) -> bool:
    ps, pe = doc.paragraphs[p]
    line = doc.text[ps:pe]  # a quotation with its speaker ("“…” — Robert Mugabe") is prose, not a label
    return line[-1] not in ".!?\"”:" and "\n" not in line and not any(q in line for q in "\"“”")


def is_caption_cue(tok: Token, text: str) -> bool:
    """"Image:", "Photo:": the cue of a photo credit."""
    return tok.text in CAPTION_CUES and text[tok.end:tok.end + 1] == ":"


def captions(state: DocState) -> None:
    """Token indices of photo credits ("Image: Jane Doe.") — photographers are not actors of the story."""
    out: set[int] = set()
    if CAPTION_CUES.isdisjoint(state.doc.texts):
        state.captions = out  # (most articles have no cue word at all: one test in C)
        return
    toks = state.doc.tokens
    n = len(toks)
    j = 0
    # only the words that can be a cue are visited (found in C: most articles have none)
    for i in compress(count(), map(CAPTION_CUES.__contains__, state.doc.texts)):
        t = toks[i]
        if i < j or not is_caption_cue(t, state.doc.text):
            continue  # (a cue inside a credit is part of it)
        j = i + 1
        while j < n and toks[j].sent == t.sent and toks[j].para == t.para:
            out.add(j)
            j += 1
    state.captions = out
