"""Find in an article and filter the folder: pure functions, no Textual, no Rich.

Two different jobs, two different matching rules, on purpose:

* **Find** (`find_matches`) highlights exact places in one body, so it works on the text as it is and
  returns `str` offsets into it. Smart case; accents are significant.
* **Filter** (`parse_filter` / `filter_docs`) answers "does this article mention X?" across thousands of
  articles on every keystroke, so it favours recall and speed: each document is folded once (case folded,
  accents removed, punctuation collapsed to single spaces) and every term is a plain substring test on
  that folded text.

The UI calls both from workers; nothing here raises on user input.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

__all__ = [
    "MAX_MATCHES",
    "FindResult",
    "find_matches",
    "match_index_at_or_after",
    "next_match",
    "did_wrap",
    "Term",
    "FilterQuery",
    "parse_filter",
    "SearchDoc",
    "analysis_fields",
    "prepare_docs",
    "filter_docs",
    "fold",
]

MAX_MATCHES = 100_000
"""Find stops after this many matches (FindResult.truncated is then True): the UI could not show more."""

_MAX_EMPTY_HITS = 1_000_000
"""Zero-width hits skipped before giving up: bounds `a*` on a huge text (each costs a Python iteration)."""

# A "word character": what re's \w matches plus combining marks, so "café" written with a combining
# acute accent (e + U+0301) is one word, and Indic scripts (whose vowel signs are marks) are not split.
_MARKS = "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed" \
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\u3099\u309a\ufe20-\ufe2f"
_W = f"[\\w{_MARKS}\u0900-\u0dff]"
_WORD_CHAR = re.compile(_W)
_MARK_CHAR = re.compile(f"[{_MARKS}]")


def _is_word(ch: str) -> bool:
    return _WORD_CHAR.fullmatch(ch) is not None


# ================================================================================================ find


@dataclass(frozen=True)
class FindResult:
    """Matches as `(start, end)` str offsets, sorted and non-overlapping, or an error for a bad regex.

    `truncated` is True when the search stopped early (more than MAX_MATCHES hits).
    """

    matches: list[tuple[int, int]]
    error: str | None = None
    truncated: bool = False


def _has_upper(text: str) -> bool:
    return any(c.isupper() or c.istitle() for c in text)


# In a regex, these spell syntax rather than letters to find: escapes (\S, \W, \N{NAME}), group names,
# inline flags (?L) and repeat counts. They must not switch smart case to case-sensitive.
_REGEX_NON_LITERAL = re.compile(
    r"\\N\{[^}]*\}?|\\.|\(\?P<[^>]*>?|\(\?P=[^)]*\)?|\(\?[aiLmsux]*(?:-[imsx]*)?[:)]"
)
_LEADING_FLAGS = re.compile(r"(?:\(\?[aiLmsux]+\))+")


def _smart_case_sensitive(query: str, regex: bool) -> bool:
    """Smart case: any upper-case letter the user typed as a letter makes the search case-sensitive."""
    if regex:
        query = _REGEX_NON_LITERAL.sub("", query)
    return _has_upper(query)


try:  # the parser behind re.compile; private, so the ReDoS check degrades to "no check" if it moves
    from re import _constants as _sre_c  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other Python versions
    _sre_c = None
    _sre_parse = None


def _star_height(items: Any) -> int:
    """Deepest nesting of variable-count, backtracking repeats in a parsed regex.

    Star height >= 2 ("(a+)+", "(\\w+\\s?)*") is the classic catastrophic-backtracking shape (the rule of
    the `safe-regex` linter). Python's re has no timeout and holds the GIL, so a runaway pattern would
    freeze the whole UI; refusing the shape up front is the only reliable guard in the standard library.
    Possessive repeats and atomic groups never backtrack into themselves, so they are not counted.
    """
    c = _sre_c
    best = 0
    for op, av in items:
        if op == c.MAX_REPEAT or op == c.MIN_REPEAT:
            lo, hi, sub = av
            inner = _star_height(sub)
            best = max(best, inner + (1 if hi != lo and hi > 1 else 0))
        elif op == c.SUBPATTERN:
            best = max(best, _star_height(av[-1]))
        elif op == c.BRANCH:
            best = max([best, *(_star_height(b) for b in av[1])])
        elif op == c.ASSERT or op == c.ASSERT_NOT:
            best = max(best, _star_height(av[1]))
        elif op == c.GROUPREF_EXISTS:
            best = max([best, *(_star_height(b) for b in av[1:] if b is not None)])
        # ATOMIC_GROUP / POSSESSIVE_REPEAT (3.11+): do not backtrack, ignored on purpose.
    return best


def _regex_error(exc: BaseException) -> str:
    if isinstance(exc, re.error):
        where = f" at position {exc.pos}" if exc.pos is not None else ""
        msg = exc.msg.replace("\r", "\\r").replace("\n", "\\n")  # the message may quote a typed newline
        return f"invalid regex: {msg}{where}"
    return f"invalid regex: {type(exc).__name__}: {exc}".splitlines()[0]


@functools.lru_cache(maxsize=256)
def _compile_find(query: str, regex: bool, whole_word: bool) -> re.Pattern[str] | str | None:
    """The pattern for a find query, a one-line error message, or None for a regex that can only ever
    match the empty string (``\\b``, ``^``, ``(?=x)``: common half-typed states, skipped without a scan).
    Cached: typing and re-rendering repeat queries."""
    flags = re.MULTILINE
    if not _smart_case_sensitive(query, regex):
        flags |= re.IGNORECASE
    if not regex:
        body = re.escape(query)
        if whole_word:
            # Boundaries only where the query itself starts/ends with a word character, so "C++" or
            # "-based" still work. The start check is written as a lookbehind *after* the literal so
            # that re keeps its fast literal-prefix scan (a leading lookbehind makes it ~4x slower).
            if _is_word(query[0]):
                body = f"{body}(?<!{_W}{body})"
            if _is_word(query[-1]):
                body += f"(?!{_W})"
        elif not _MARK_CHAR.match(query[-1]):
            # Accents are significant: "e" must not find the base letter of a decomposed "é" (e + U+0301).
            body += f"(?![{_MARKS}])"
        try:
            return re.compile(body, flags)
        except Exception as exc:  # noqa: BLE001 - e.g. a 100k-char query overflowing a lookbehind
            return _regex_error(exc)

    try:  # compile the user's pattern alone first so error positions refer to what they typed
        parsed = _sre_parse.parse(query, flags) if _sre_parse is not None else None
        re.compile(query, flags)
    except Exception as exc:  # noqa: BLE001 - re.error, OverflowError, RecursionError, ValueError...
        return _regex_error(exc)
    if parsed is not None:
        try:
            height, widest = _star_height(parsed), parsed.getwidth()[1]
        except Exception:  # noqa: BLE001 - parser internals changed; skip the checks
            height, widest = 0, 1
        if height >= 2:
            return (
                "invalid regex: nested repetition like (a+)+ can hang; "
                "use an atomic group (?>...) or a possessive quantifier (a++)"
            )
        if widest == 0:
            return None
    lead = _LEADING_FLAGS.match(query)
    prefix, rest = (lead.group(0), query[lead.end():]) if lead else ("", query)
    close = "\n)" if "x" in prefix else ")"  # a verbose-mode trailing comment must not eat our ")"
    body = f"(?:{rest}{close}"
    if whole_word:
        # Dynamic boundaries: a match that starts (ends) with a word character must not be preceded
        # (followed) by one; a match starting/ending in punctuation is not constrained on that side.
        body = f"(?:(?<!{_W})(?={_W})|(?!{_W})){body}(?:(?<={_W})(?!{_W})|(?<!{_W}))"
    try:
        return re.compile(prefix + body, flags)
    except Exception as exc:  # noqa: BLE001
        return _regex_error(exc)


def find_matches(text: str, query: str, *, regex: bool = False, whole_word: bool = False) -> FindResult:
    """Every non-overlapping, non-empty match of `query` in `text`, left to right. Never raises.

    Rules (the UI shows these to the user, keep them in sync):

    * Smart case: an all-lower-case query ignores case; any upper-case letter makes the search
      case-sensitive. In regex mode, escapes such as ``\\S`` or ``\\W`` do not count as upper case.
    * Plain queries are literal text. Regex queries are Python `re` syntax with MULTILINE (``^``/``$``
      match at line ends); an invalid pattern gives ``error`` (one line) and no matches. Patterns with
      nested repetition (``(a+)+``) are refused because re cannot be interrupted.
    * Whole word: a match that starts (ends) with a letter/digit/underscore/combining mark must not be
      preceded (followed) by one. Works for any script; a query that starts or ends with punctuation is
      not constrained on that side.
    * Zero-width regex hits (``a*``, ``\\b``) are skipped, never returned.
    * Case folding is re's IGNORECASE, which is one character to one character, so offsets are exact:
      "strasse" finds "STRASSE", "é" finds "É", "σ" finds "Σ" and "ς", "ß" finds "ẞ".
      Accents are significant: "e" does NOT find "é" (precomposed or decomposed).
      Length-changing folds do not apply: "ss" does NOT find "ß" and "ß" does NOT find "ss".
    * At most MAX_MATCHES matches (then ``truncated`` is True).
    """
    if not query:
        return FindResult([])
    pattern = _compile_find(query, regex, whole_word)
    if pattern is None:
        return FindResult([])
    if isinstance(pattern, str):
        return FindResult([], pattern)
    matches: list[tuple[int, int]] = []
    empty = 0
    try:
        for m in pattern.finditer(text):
            start, end = m.span()
            if start == end:
                empty += 1
                if empty > _MAX_EMPTY_HITS:
                    return FindResult(matches, None, True)
                continue
            matches.append((start, end))
            if len(matches) >= MAX_MATCHES:
                return FindResult(matches, None, True)
    except Exception as exc:  # noqa: BLE001 - e.g. MemoryError/RecursionError in an odd pattern
        return FindResult([], f"search failed: {type(exc).__name__}")
    return FindResult(matches)


def match_index_at_or_after(matches: Sequence[tuple[int, int]], offset: int) -> int:
    """Index of the first match starting at or after `offset`; `len(matches)` if there is none.

    The UI uses it to pick the first match below the current scroll position (take it modulo
    `len(matches)` to wrap to the top).
    """
    return bisect_left(matches, offset, key=itemgetter(0))


def next_match(matches: Sequence[tuple[int, int]], current: int, direction: int) -> int:
    """The index after (direction > 0) or before (direction < 0) `current`, wrapping around.

    `current` < 0 or out of range means "none selected yet": forward gives the first match, backward the
    last. Returns -1 when there are no matches.
    """
    n = len(matches)
    if n == 0:
        return -1
    step = 1 if direction > 0 else -1
    if not 0 <= current < n:
        return 0 if step > 0 else n - 1
    return (current + step) % n


def did_wrap(current: int, new: int, direction: int) -> bool:
    """True when moving from `current` to `new` went past the end (or start): the UI shows a notice."""
    if current < 0 or new < 0:
        return False
    return new <= current if direction > 0 else new >= current


# ============================================================================================== filter

_FIELDS = frozenset({"actor", "source", "quote"})
_QUOTE_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb'  # " “ ” „ « »
_FIELD_PREFIX = re.compile(r"([A-Za-z]+):")
_FOLD_MARKS = re.compile("[\u0300-\u036f]")
_WORDS = re.compile(f"{_W}+")


def fold(text: str) -> str:
    """Case- and accent-insensitive form used by the filter: casefold, drop Latin/Greek/Cyrillic accents.

    "Straße" -> "strasse", "Erdoğan" -> "erdogan", "ﬁ" -> "fi". Other scripts are recomposed after the
    accents are dropped, so Korean and Japanese text keep their syllables.
    """
    text = text.casefold()
    if text.isascii():
        return text
    text = _FOLD_MARKS.sub("", unicodedata.normalize("NFKD", text))
    return unicodedata.normalize("NFC", text)


def _words(text: str) -> str:
    """`text` folded and reduced to its words separated by single spaces, padded with a space each side.

    With that padding, " gov" in hay means "a word starting with gov" and " prime minister " means the
    exact words, both as one fast substring test.
    """
    return " " + " ".join(_WORDS.findall(fold(text))) + " "


@dataclass(frozen=True)
class Term:
    """One term of a filter query, as typed (`value` keeps the user's case, for highlighting)."""

    field: str  # "text" | "actor" | "source" | "quote"
    value: str
    negate: bool
    phrase: bool


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
    i, n = 0, len(query)
    while i < n:
        if query[i].isspace():
            i += 1
            continue
        negate = False
        if query[i] == "-":
            negate = True
            i += 1
            if i >= n or query[i].isspace():
                continue
        kind = "text"
        m = _FIELD_PREFIX.match(query, i)
        if m and m.group(1).lower() in _FIELDS:
            kind = m.group(1).lower()
            i = m.end()
        if i < n and query[i] in _QUOTE_MARKS:
            j = i + 1
            while j < n and query[j] not in _QUOTE_MARKS:
                j += 1
            value, phrase, i = query[i + 1 : j], True, j + 1
            value = " ".join(value.split())
        else:
            j = i
            while j < n and not query[j].isspace():
                j += 1
            value, phrase, i = query[i:j], False, j
        if _term_needle(kind, value, phrase):
            terms.append(Term(kind, value, negate, phrase))
    return FilterQuery(tuple(terms))


def _term_needle(kind: str, value: str, phrase: bool) -> str:
    """What to look for in the folded haystack; "" when the term cannot constrain anything."""
    if kind == "source":
        return fold(value.strip())
    words = _words(value)
    if words == "  ":
        return ""
    return words if phrase else words[:-1]  # a word matches as a prefix; a phrase on whole words


@functools.lru_cache(maxsize=64)
def _compiled(query: FilterQuery) -> tuple[tuple[str, str, bool], ...]:
    """(field, needle, negate) per term, the likely-cheapest-to-reject first."""
    items = [(t.field, _term_needle(t.field, t.value, t.phrase), t.negate) for t in query.terms]
    items = [it for it in items if it[1]]
    # Longer positive needles are rarer, so they reject a document sooner; analysis fields last.
    items.sort(key=lambda it: (it[0] in ("actor", "quote"), it[2], -len(it[1])))
    return tuple(items)


@dataclass(slots=True)
class SearchDoc:
    """What the filter knows about one article.

    `actors` holds one tuple per actor, ``(name, *aliases)``; `actors`/`quotes` are None until the article
    has been analysed. Folded haystacks are built lazily on first use (or by `prepare`) and cached; the
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
        """Folded title, body and source, one line each (a phrase never spans two of them)."""
        of = self._text_of
        if of is None or of[0] is not self.title or of[1] is not self.body or of[2] is not self.source:
            self._text = "\n".join((_words(self.title), _words(self.body), _words(self.source)))
            self._source = fold(self.source)
            self._text_of = (self.title, self.body, self.source)
        return self._text

    def source_hay(self) -> str:
        self.text_hay()
        return self._source

    def actors_hay(self) -> str | None:
        """Every actor name and alias as folded words, one per line; None if not analysed."""
        if self.actors is None:
            return None
        if self._actors_of is not self.actors:
            self._actors = "\n".join(_words(name) for names in self.actors for name in names)
            self._actors_of = self.actors
        return self._actors

    def quotes_hay(self) -> str | None:
        """Every quotation text as folded words, one per line; None if not analysed."""
        if self.quotes is None:
            return None
        if self._quotes_of is not self.quotes:
            self._quotes = "\n".join(_words(q) for q in self.quotes)
            self._quotes_of = self.quotes
        return self._quotes

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


_CHECK_EVERY = 256


def filter_docs(
    docs: Sequence[SearchDoc], query: FilterQuery, cancelled: Callable[[], bool] | None = None
) -> list[int]:
    """Indices (ascending) of the documents matching every term of `query`.

    Text terms search title + body + source. A document not analysed yet (actors/quotes None) matches
    no actor:/quote: term, negated or not: until we know, it is left out, and the UI re-filters once the
    background analysis fills it in. `cancelled()` is polled every 256 documents; when it returns True
    the function returns at once with a partial list the caller must discard.
    """
    terms = _compiled(query)
    if not terms:
        return list(range(len(docs)))
    out: list[int] = []
    append = out.append
    for i, doc in enumerate(docs):
        if cancelled is not None and i % _CHECK_EVERY == 0 and cancelled():
            return out
        for kind, needle, negate in terms:
            if kind == "text":
                hay: str | None = doc.text_hay()
            elif kind == "actor":
                hay = doc.actors_hay()
            elif kind == "quote":
                hay = doc.quotes_hay()
            else:
                hay = doc.source_hay()
            if hay is None or (needle in hay) is negate:
                break
        else:
            append(i)
    return out
