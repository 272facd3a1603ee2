"""The tokenizer: offsets, possessives, sentence and paragraph indices, on made-up sentences.

`tokenize` and `WORD_RE` are written for speed (one regex `split` per paragraph, a word pattern that opens
with a character class); the property tests hold them to the plain formulations they replaced, which are
kept here as the reference.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.analysis.text import (
    ABBREVIATIONS,
    POSS_RE,
    SENT_OPENERS,
    WORD_RE,
    Doc,
    Token,
    _after_quote_or_colon,
    _PLAIN_SPLIT_RE,
    _SPLIT_RE,
    capitalised,
    paragraphs,
    tokenize,
)

# The word pattern as first written: dotted acronyms, then words with inner hyphens, dots and apostrophes.
PLAIN_WORD_RE = re.compile(
    r"(?:[^\W\d_]\.){2,}(?![^\W\d_])"
    r"|[@#]?\w+(?:(?:[-\u2010\u2011\u2013.&]|['\u2019](?![sS]\b))\w+)*"
)
_OPENERS = "\"'\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb([{\u2014\u2013- \t*#>\u2022"


def _plain_ends_sentence(prev: Token, gap: str) -> bool:
    if "\n" in gap:
        return True
    core = gap.strip(_OPENERS)
    if not core:
        return False
    if "!" in core or "?" in core:
        return True
    if "." in core:
        return not (core.startswith(".") and (prev.text in ABBREVIATIONS or len(prev.text) == 1 and prev.cap))
    return False


def plain_tokenize(text: str) -> tuple[list[tuple], list[tuple[int, int]]]:
    """The reference: one match at a time, each gap sliced from the text (the tokenizer before it was sped up)."""
    tokens: list[Token] = []
    sentences: list[tuple[int, int]] = []
    sent = 0
    for p_index, (p_start, p_end) in enumerate(paragraphs(text)):
        sent_start, prev, prev_end = len(tokens), None, -1
        for m in PLAIN_WORD_RE.finditer(text, p_start, p_end):
            start, end = m.span()
            word = m.group()
            poss_end = end
            if end < p_end and text[end] in "'\u2019":
                pm = POSS_RE.match(text, end)
                poss_end = pm.end() if pm else end
            cap = word[1].isupper() if word[0] in "@#" and len(word) > 1 else word[0].isupper()
            tok = Token(start, end, word, cap, poss_end, False, sent, p_index)
            gap = text[prev_end:start]
            boundary = False
            if prev is None:
                tok.initial = True
            elif gap == " ":
                boundary = (word[0].isupper() and prev.text[-1] == "." and len(prev.text) > 2
                            and word in SENT_OPENERS)
            elif _plain_ends_sentence(prev, gap):
                boundary = True
            elif "\n" in gap or _after_quote_or_colon(gap):
                tok.initial = True
            if boundary:
                tok.initial = True
                sentences.append((sent_start, len(tokens)))
                sent += 1
                sent_start = len(tokens)
                tok.sent = sent
            tokens.append(tok)
            prev, prev_end = tok, poss_end
        if len(tokens) > sent_start:
            sentences.append((sent_start, len(tokens)))
            sent += 1
    fields = ("start", "end", "text", "cap", "poss_end", "initial", "sent", "para", "lower")
    return [tuple(getattr(t, f) for f in fields) for t in tokens], sentences


def _words(text: str) -> list[str]:
    return [t.text for t in tokenize(text).tokens]


def test_offsets_index_the_text_and_the_index_finds_each_token() -> None:
    text = "Ken Hu said: \"We're open.\"\n\nThe U.S. office opened."
    doc = tokenize(text)
    for i, t in enumerate(doc.tokens):
        assert text[t.start:t.end] == t.text
        assert t.lower == t.text.lower()
        assert doc.index_of[t.start] == i
    assert [t.para for t in doc.tokens] == [0, 0, 0, 0, 0, 1, 1, 1, 1]


def test_possessive_is_recorded_on_the_word_not_split_into_it() -> None:
    doc = tokenize("Huawei's chief and the Joneses' dog met O'Donnell.")
    by_text = {t.text: t for t in doc.tokens}
    assert by_text["Huawei"].poss_end == by_text["Huawei"].end + 2
    assert by_text["Joneses"].poss_end == by_text["Joneses"].end + 1
    assert by_text["O'Donnell"].poss_end == by_text["O'Donnell"].end


def test_sentences_end_at_stops_but_not_after_titles_or_initials() -> None:
    doc = tokenize("Mr. Smith met John F. Kennedy. They talked! Why? Yes")
    starts = [doc.tokens[i].text for i, _ in doc.sentences]
    assert starts == ["Mr", "They", "Why", "Yes"]
    assert [t.sent for t in doc.tokens if t.text in ("Smith", "Kennedy", "talked")] == [0, 0, 1]


def test_a_dotted_acronym_that_swallowed_the_stop_still_ends_the_sentence_before_an_opener() -> None:
    doc = tokenize("They flew to Washington D.C. The team landed in the U.S. today.")
    assert [doc.tokens[i].text for i, _ in doc.sentences] == ["They", "The"]
    assert not next(t for t in doc.tokens if t.text == "today").initial


def test_words_after_an_opening_quote_a_colon_or_a_line_break_are_initial() -> None:
    doc = tokenize('He said: Yes, and "Never" was\nWritten down.')
    initial = {t.text for t in doc.tokens if t.initial}
    assert initial == {"He", "Yes", "Never", "Written"}


def test_handles_and_tags_take_their_capital_from_the_second_character() -> None:
    doc = tokenize("Thanks @Acme and #brexit fans")
    assert [(t.text, t.cap) for t in doc.tokens if t.text[0] in "@#"] == [("@Acme", True), ("#brexit", False)]


def test_an_empty_or_wordless_text_has_no_tokens() -> None:
    for text in ("", "   \n\n  ", "— … !"):
        doc = tokenize(text)
        assert doc.tokens == [] and doc.sentences == [] and doc.index_of == {}


def test_the_tokenizer_s_tokens_equal_any_token_with_the_same_fields() -> None:
    doc = tokenize("Ken Hu said it.\n\nThe U.S. office's door")
    for t in doc.tokens:
        same = Token(t.start, t.end, t.text, t.cap, t.poss_end, t.initial, t.sent, t.para)
        assert isinstance(t, Token) and t == same and same == t
        other = Token(t.start, t.end, t.text, t.cap, t.poss_end, not t.initial, t.sent, t.para)
        assert t != other and other != t
    assert doc.tokens == [doc.tokens[0], *doc.tokens[1:]] and doc.tokens[0] != doc.tokens[1]


PIECES = ["Smith", "said", "U.S.", "D.C.", "The", "Mr.", "J.", "it's", "Huawei’s", "Joneses'", "@Acme", "#tag",
          "O'Donnell", "al-Assad", "e.g.", "oe24.at", "Dr", "\n", "\n\n", " \n \n", ".", ". ", "!", "?", ":", ",",
          "\"", "“", "”", "'", "’", "((WN))", "[", "]", "—", "-", "2019", "İstanbul", "s", "'s", "  "]
news_like = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=60).map(" ".join)
glued = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(news_like, glued))
def test_tokenize_matches_the_plain_one_match_at_a_time_tokenizer(text: str) -> None:
    doc = tokenize(text)
    fields = ("start", "end", "text", "cap", "poss_end", "initial", "sent", "para", "lower")
    tokens, sentences = plain_tokenize(text)
    assert [tuple(getattr(t, f) for f in fields) for t in doc.tokens] == tokens
    assert doc.sentences == sentences
    assert doc.index_of == {t[0]: i for i, t in enumerate(tokens)}
    _assert_views_match_the_tokens(doc)


def _assert_views_match_the_tokens(doc: Doc) -> None:
    """The views the tokenizer gathers for the passes say what a loop over the tokens would."""
    assert doc.texts == [t.text for t in doc.tokens]
    assert doc.starts == [t.start for t in doc.tokens]
    para_tokens = [[i for i, t in enumerate(doc.tokens) if t.para == p] for p in range(len(doc.paragraphs))]
    assert [list(range(i, j)) for i, j in doc.para_tokens] == para_tokens
    lower: dict[str, int] = {}
    mid: dict[str, int] = {}
    for t in doc.tokens:
        if not t.cap:
            lower[t.text] = lower.get(t.text, 0) + 1
        elif not t.initial:
            mid[t.text] = mid.get(t.text, 0) + 1
    # (equal in order too: the sets made from them are iterated by later passes)
    assert list(doc.lower_counts.items()) == list(lower.items())
    assert list(doc.mid_capitals.items()) == list(mid.items())
    assert doc.initial_capitals == {t.text for t in doc.tokens if t.cap and t.initial}
    assert doc.capitalised == [i for i, t in enumerate(doc.tokens) if t.cap]
    assert all(capitalised(t.text) == t.cap for t in doc.tokens)  # (the rule the passes ask of other words)


def test_the_views_count_how_each_word_is_written() -> None:
    doc = tokenize("The court met. The Court of Appeal ruled, and the court said so.\n\nCourt news")
    assert doc.lower_counts["court"] == 2 and doc.mid_capitals == {"Court": 1, "Appeal": 1}
    assert doc.initial_capitals == {"The", "Court"}
    assert doc.para_tokens == [(0, 13), (13, 15)]
    _assert_views_match_the_tokens(doc)


@settings(max_examples=400, deadline=None)
@given(st.one_of(news_like, glued, st.text(alphabet="aB1_ .-'’sS@#&\u2013\u2010é\n,İ", max_size=20)),
       st.integers(0, 30), st.integers(0, 30))
def test_word_re_finds_the_same_words_as_its_plain_form(text: str, a: int, b: int) -> None:
    lo, hi = min(a, b, len(text)), min(max(a, b), len(text))
    assert WORD_RE.findall(text) == PLAIN_WORD_RE.findall(text)
    spans = [m.span() for m in WORD_RE.finditer(text, lo, hi)]
    assert spans == [m.span() for m in PLAIN_WORD_RE.finditer(text, lo, hi)]


@settings(max_examples=400, deadline=None)
@given(st.one_of(news_like, glued, st.text(alphabet="aB1_ .-'’sS@#&–‐é\n,İ", max_size=20)))
def test_runs_of_words_hold_the_words_the_word_pattern_finds(text: str) -> None:
    # the tokenizer splits a body into runs of words with one space between them, then each run at its spaces
    def words(pattern: re.Pattern[str], text: str) -> list[str]:
        return [w for run in pattern.split(text)[1::2] for w in run.split(" ")]

    assert words(_SPLIT_RE, text) == WORD_RE.findall(text)
    plain = text.replace("@", "").replace("#", "")
    assert words(_PLAIN_SPLIT_RE, plain) == WORD_RE.findall(plain)


def test_the_gap_rules_asked_once_per_run_decide_as_the_word_by_word_reference() -> None:
    """The tokenizer asks the gap rules only before the first word of each run of words one space apart:
    a dotted acronym inside a run, a one-space gap after a possessive, a stop or a line break between runs,
    and a handle, each decide as the one-match-at-a-time reference does."""
    for text in ("They flew to Washington D.C. The team landed.", "The U.S.'s The Hague office said so.",
                 "Huawei's chief met Mr. Smith. Then\nThe talks began: Yes, they did!",
                 "Thanks @Acme and #brexit fans. The end", "e.g. The D.C. It I.B.M. An"):
        doc = tokenize(text)
        tokens, sentences = plain_tokenize(text)
        fields = ("start", "end", "text", "cap", "poss_end", "initial", "sent", "para", "lower")
        assert [tuple(getattr(t, f) for f in fields) for t in doc.tokens] == tokens, text
        assert doc.sentences == sentences, text
        _assert_views_match_the_tokens(doc)
