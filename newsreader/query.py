"""The folder filter language: parsed once into a small AST, answered by two backends that agree.

`parse_filter(text)` gives a `FilterQuery` (a tuple of `Term`s). It is answered either

* in memory, by `matches(doc, query)` / `filter_docs(docs, query)` over `SearchDoc`s (no index, or
  the few entries the index does not hold), or
* by SQLite, with `FilterQuery.to_sql()`: a WHERE clause over the index's `articles` and FTS5 tables.

Both look at the same thing, so they cannot drift apart: a text is reduced to its *tokens* (`tokens`:
case folded, accents removed, runs of letters, digits and combining marks; everything else, `_`
included, separates), and the index stores exactly these tokens (`index_text`), read back by FTS5's
`ascii` tokenizer, which splits them on the single spaces between them and changes nothing else.
A hypothesis test (`tests/core/test_query.py`) checks the two backends against each other.

Matching rules, on token sequences:

* a word (``gov``) matches a token that starts with it; a word that folds to several tokens
  (``co-op``, ``U.S.``, ``york-new``) matches those tokens in order, adjacent, the last one a prefix;
* a ``"phrase"`` matches its tokens, whole, in order and adjacent: "the words in order";
* a phrase never spans two fields (title, body, source), two actor names or two quotations;
* ``source:X`` is a substring test on the folded source (``source:ters`` finds Reuters);
* ``actor:``/``quote:`` terms, negated or not, match no article that has not been analysed yet.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "FIELDS",
    "FilterQuery",
    "SearchDoc",
    "Term",
    "analysis_fields",
    "filter_docs",
    "fold",
    "index_lines",
    "index_text",
    "matches",
    "parse_filter",
    "prepare_docs",
    "tokens",
]

FIELDS = ("text", "actor", "source", "quote")
# Combining marks: part of a word for the filter and for find (`search`, which takes them from here: this
# module loads before the reader's first frame, find's only when it is used).
_MARKS = "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed" \
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\u3099\u309a\ufe20-\ufe2f"
_QUOTE_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb'  # " “ ” „ « »
_FIELD_PREFIX = re.compile(r"([A-Za-z]+):")
_FOLD_MARKS = re.compile("[\u0300-\u036f]")
# A token character: a letter or digit (not `_`, which `tokens` turns into a space first: FTS5's ascii
# tokenizer splits on it), a combining mark, or an Indic-script character (their vowel signs are marks).
# Only non-ASCII characters and ASCII letters and digits are token characters, which is what lets the
# `ascii` tokenizer re-split stored tokens exactly. (One character class: twice as fast as `[^\W_]|…`.)
_TOKEN = re.compile(f"[\\w{_MARKS}\u0900-\u0dff]+")
# Between the lines of a multi-line field (actor names, quotations) in the index: a token the query
# side can never produce (a pilcrow is not a token character), so no phrase spans two lines.
LINE_BREAK = " \u00b6 "


def fold(text: str) -> str:
    """Case- and accent-insensitive form used by the filter: casefold, drop Latin/Greek/Cyrillic accents.

    "Straße" -> "strasse", "Erdoğan" -> "erdogan", "ﬁ" -> "fi". Other scripts are recomposed after the
    accents are dropped, so Korean and Japanese text keep their syllables.
    """
    text = text.casefold()
    if text.isascii():
        return text
    # casefolded again after the decomposition, which can bring capitals back ("🄐" -> "(A)")
    text = _FOLD_MARKS.sub("", unicodedata.normalize("NFKD", text)).casefold()
    return unicodedata.normalize("NFC", text)


def tokens(text: str) -> list[str]:
    """The filter's tokens of `text` (see the module docstring)."""
    return _TOKEN.findall(fold(text).replace("_", " "))


def index_text(text: str) -> str:
    """What the index stores for a field: its tokens, one space apart."""
    return " ".join(tokens(text))


def index_lines(lines: Iterable[str]) -> str:
    """A multi-line field for the index: no phrase may span two of its lines."""
    return LINE_BREAK.join(index_text(line) for line in lines)


def _hay(text: str) -> str:
    """Tokens padded with a space on each side: " gov" in it means "a token starting with gov"."""
    return " " + index_text(text) + " "


# ================================================================================================ AST


@dataclass(frozen=True)
class Term:
    """One term of a filter query, as typed (`value` keeps the user's case, for highlighting)."""

    field: str  # one of FIELDS
    value: str
    negate: bool
    phrase: bool

    @functools.cached_property
    def words(self) -> tuple[str, ...]:
        """The term's tokens (empty: the term cannot constrain anything)."""
        return tuple(tokens(self.value))

    @functools.cached_property
    def needle(self) -> str:
        """What `matches` looks for: a folded substring (source:) or a run of padded tokens."""
        if self.field == "source":
            return fold(self.value.strip())
        if not self.words:
            return ""
        run = " " + " ".join(self.words)
        return run + " " if self.phrase else run  # a phrase ends on a whole token; a word is a prefix

    def fts(self) -> str:
        """This term as an FTS5 expression (not for source:): a column filter and a phrase."""
        column = {"actor": "actors", "quote": "quotes"}.get(self.field, "{title body source}")
        return f'{column} : "{" ".join(self.words)}"' + ("" if self.phrase else "*")


@dataclass(frozen=True)
class FilterQuery:
    """A parsed filter: a document matches when it satisfies every term."""

    terms: tuple[Term, ...] = ()

    @property
    def is_empty(self) -> bool:
        """No effective term: the UI shows every article."""
        return not self.terms

    @property
    def needs_analysis(self) -> bool:
        """True if any actor:/quote: term: the UI must analyse articles (in the background) to answer."""
        return any(t.field in ("actor", "quote") for t in self.terms)

    def highlight_terms(self) -> list[str]:
        """Positive text and quote words/phrases, in order, without duplicates (case-insensitively).

        The UI passes each to `find_matches` (plain, lower-cased so smart case ignores case) to
        pre-highlight an article opened from the filtered list.
        """
        seen: set[str] = set()
        out: list[str] = []
        for t in self.terms:
            if t.negate or t.field not in ("text", "quote"):
                continue
            key = t.value.casefold()
            if key not in seen:
                seen.add(key)
                out.append(t.value)
        return out

    @property
    def fts_only(self) -> bool:
        """Only positive words and phrases of the text: one FTS5 MATCH answers it on its own (then
        `to_sql()` has exactly one parameter, that MATCH expression)."""
        return bool(self.terms) and all(t.field == "text" and not t.negate for t in self.terms)

    def to_sql(self) -> tuple[str, list[str]]:
        """The SQL backend: a WHERE condition over the index's `articles a` (joined to `fts` by rowid).

        Positive FTS terms go into one MATCH, each negative one into a NOT IN; source: terms test the
        stored folded source; an actor:/quote: term requires the article to have been analysed.
        """
        where: list[str] = []
        params: list[str] = []
        positives = [t.fts() for t in self.terms if not t.negate and t.field != "source"]
        if positives:
            where.append("a.id IN (SELECT rowid FROM fts WHERE fts MATCH ?)")
            params.append(" AND ".join(positives))
        for t in self.terms:
            if t.field == "source":
                where.append(("NOT " if t.negate else "") + "instr(a.source_key, ?) > 0")
                params.append(t.needle)
            elif t.negate:
                where.append("a.id NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)")
                params.append(t.fts())
        if self.needs_analysis:
            where.append("a.analysis IS NOT NULL")
        return " AND ".join(where) or "1", params


def parse_filter(query: str) -> FilterQuery:
    """Parse the filter language. Never raises; anything unparseable becomes a plain word.

    * ``word`` — every word must occur (any order), case- and accent-insensitive, matching at the start
      of a word: ``gov`` finds "government" but ``vern`` does not.
    * ``"exact phrase"`` — these whole words, in this order (punctuation and spacing between them
      ignored). Also “curly”, „low“ and «guillemet» quotes. An unclosed quote runs to the end.
    * ``-word``, ``-"phrase"``, ``-actor:x`` … — exclude.
    * ``actor:NAME`` — any token of an actor's name or aliases starts with NAME (``actor:trump``,
      ``actor:Hu``, which also finds "Huawei": a prefix); quoted, whole tokens only: ``actor:"hu"``,
      ``actor:"Ken Hu"``.
    * ``source:X`` — X is a substring of the source, case-insensitive.
    * ``quote:WORD`` / ``quote:"a phrase"`` — like a word/phrase, but inside quotation texts only.
    * An unknown ``field:`` is part of a plain word. Terms with no letters or digits (``-``, ``$``,
      ``actor:`` while still typing) are dropped, so a half-typed query never empties the list.
    """
    terms: list[Term] = []
    seen: set[tuple[str, bool, bool, str]] = set()
    i, n = 0, len(query)
    while i < n:
        if query[i].isspace():
            i += 1
            continue
        negate = query[i] == "-"
        if negate:
            i += 1
            if i >= n or query[i].isspace():
                continue
        kind = "text"
        m = _FIELD_PREFIX.match(query, i)
        if m and m.group(1).lower() in FIELDS[1:]:
            kind = m.group(1).lower()
            i = m.end()
        phrase = i < n and query[i] in _QUOTE_MARKS
        j = i + 1 if phrase else i
        while j < n and not (query[j] in _QUOTE_MARKS if phrase else query[j].isspace()):
            j += 1
        value = " ".join(query[i + 1 : j].split()) if phrase else query[i:j]
        i = j + 1 if phrase else j
        term = Term(kind, value, negate, phrase)
        # a source: term needs a letter or digit too (a half-typed `source:-` means nothing); a term already
        # there adds nothing but work (a pasted text's "the" a hundred times: one FTS term per copy)
        if term.words and (key := (kind, negate, phrase, term.needle)) not in seen:
            seen.add(key)
            terms.append(term)
    return FilterQuery(tuple(terms))


# ========================================================================================= in memory


@dataclass(slots=True)
class SearchDoc:
    """What the in-memory backend knows about one article.

    `actors` holds one tuple per actor, ``(name, *aliases)``; `actors`/`quotes` are None until the article
    has been analysed. Haystacks are built lazily on first use (or by `prepare`) and cached; the
    cache is keyed on the identity of the fields, so assigning new `actors`/`quotes` tuples after analysis
    (or a new body after a reload) is all the UI needs to do.
    """

    key: str
    title: str
    body: str
    source: str = ""
    actors: tuple[tuple[str, ...], ...] | None = None
    quotes: tuple[str, ...] | None = None
    _text: str = field(default="", init=False, repr=False, compare=False)
    _text_of: tuple[str, str, str] | None = field(default=None, init=False, repr=False, compare=False)
    _source: str = field(default="", init=False, repr=False, compare=False)
    _actors: str | None = field(default=None, init=False, repr=False, compare=False)
    _actors_of: object = field(default=None, init=False, repr=False, compare=False)
    _quotes: str | None = field(default=None, init=False, repr=False, compare=False)
    _quotes_of: object = field(default=None, init=False, repr=False, compare=False)

    def text_hay(self) -> str:
        """Title, body and source tokens, one line each (a phrase never spans two of them)."""
        of = self._text_of
        if of is None or of[0] is not self.title or of[1] is not self.body or of[2] is not self.source:
            self._text = "\n".join((_hay(self.title), _hay(self.body), _hay(self.source)))
            self._source = fold(self.source)
            self._text_of = (self.title, self.body, self.source)
        return self._text

    def source_hay(self) -> str:
        self.text_hay()
        return self._source

    def actors_hay(self) -> str | None:
        """Every actor name and alias as tokens, one per line; None if not analysed."""
        if self.actors is None:
            return None
        if self._actors_of is not self.actors:
            self._actors = "\n".join(_hay(name) for names in self.actors for name in names)
            self._actors_of = self.actors
        return self._actors

    def quotes_hay(self) -> str | None:
        """Every quotation as tokens, one per line; None if not analysed."""
        if self.quotes is None:
            return None
        if self._quotes_of is not self.quotes:
            self._quotes = "\n".join(_hay(q) for q in self.quotes)
            self._quotes_of = self.quotes
        return self._quotes

    def hay(self, field_name: str) -> str | None:
        """The haystack a term of this field looks in (None: not analysed yet)."""
        if field_name == "text":
            return self.text_hay()
        if field_name == "source":
            return self.source_hay()
        return self.actors_hay() if field_name == "actor" else self.quotes_hay()

    def prepare(self) -> None:
        """Build the haystacks now (about 0.1 ms per KB of body) so the first filter keystroke is fast."""
        self.text_hay()
        self.actors_hay()
        self.quotes_hay()


def analysis_fields(analysis: Any) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]:
    """`(actors, quotes)` for a SearchDoc from an `analysis.model.Analysis` (duck-typed, no import)."""
    actors = tuple((a.name, *a.aliases) for a in analysis.actors)
    quotes = tuple(q.text for q in analysis.quotes)
    return actors, quotes


def prepare_docs(docs: Iterable[SearchDoc], cancelled: Callable[[], bool] | None = None) -> bool:
    """Warm every document's haystack (run it in a worker after loading). False if cancelled."""
    for i, doc in enumerate(docs):
        if cancelled is not None and i % 128 == 0 and cancelled():
            return False
        doc.prepare()
    return True


@functools.lru_cache(maxsize=64)
def _ordered(query: FilterQuery) -> tuple[Term, ...]:
    """The terms, the likely-cheapest-to-reject first: longer positive needles are rarer, analysis
    fields last (the order changes nothing but the time taken)."""
    return tuple(sorted(query.terms, key=lambda t: (t.field in ("actor", "quote"), t.negate, -len(t.needle))))


def _satisfies(doc: SearchDoc, terms: tuple[Term, ...]) -> bool:
    for term in terms:
        hay = doc.hay(term.field)
        if hay is None or (term.needle in hay) is term.negate:
            return False
    return True


def matches(doc: SearchDoc, query: FilterQuery) -> bool:
    """The in-memory backend: does `doc` satisfy every term of `query`?"""
    return _satisfies(doc, _ordered(query))


_CHECK_EVERY = 256


def filter_docs(
    docs: Sequence[SearchDoc], query: FilterQuery, cancelled: Callable[[], bool] | None = None
) -> list[int]:
    """Indices (ascending) of the documents matching `query` (see `matches`).

    A document not analysed yet matches no actor:/quote: term, negated or not: until we know, it is left
    out, and the UI re-filters once the background analysis fills it in. `cancelled()` is polled every
    256 documents; when it returns True the function returns at once with a partial list the caller
    must discard.
    """
    if query.is_empty:
        return list(range(len(docs)))
    terms = _ordered(query)
    out: list[int] = []
    for i, doc in enumerate(docs):
        if cancelled is not None and i % _CHECK_EVERY == 0 and cancelled():
            return out
        if _satisfies(doc, terms):
            out.append(i)
    return out
