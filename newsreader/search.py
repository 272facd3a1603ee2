"""Find in an article: pure functions, no Textual, no Rich.

Find (`find_matches`) highlights exact places in one body, so it works on the text as it is and
returns `str` offsets into it. Smart case; accents are significant. (The folder filter, which answers
"does this article mention X?" with folded text instead, is `newsreader.query`.)

Nothing here raises on user input.
"""

from __future__ import annotations

import functools
import re
import warnings
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from newsreader.query import _MARKS  # the combining marks the filter also treats as part of a word

__all__ = [
    "MAX_MATCHES",
    "FindResult",
    "find_matches",
    "match_index_at_or_after",
    "next_match",
    "did_wrap",
]

MAX_MATCHES = 100_000
"""Find stops after this many matches (FindResult.truncated is then True): the UI could not show more."""

_MAX_EMPTY_HITS = 1_000_000
"""Zero-width hits skipped before giving up: bounds `a*` on a huge text (each costs a Python iteration)."""

# A "word character": what re's \w matches plus combining marks, so "café" written with a combining
# acute accent (e + U+0301) is one word, and Indic scripts (whose vowel signs are marks) are not split.
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
    from re import _constants as _sre_c  # type: ignore[attr-defined]  # private: typeshed leaves it out
    from re import _parser as _sre_parse  # type: ignore[attr-defined]  # as above
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
        except Exception as exc:  # e.g. a 100k-char query overflowing a lookbehind
            return _regex_error(exc)

    try:  # compile the user's pattern alone first so error positions refer to what they typed
        with warnings.catch_warnings():  # "[[": re's FutureWarning about later syntax would reach the terminal
            warnings.simplefilter("ignore", FutureWarning)
            parsed = _sre_parse.parse(query, flags) if _sre_parse is not None else None
            re.compile(query, flags)
    except Exception as exc:  # re.error, OverflowError, RecursionError, ValueError...
        return _regex_error(exc)
    if parsed is not None:
        try:
            height, widest = _star_height(parsed), parsed.getwidth()[1]
        except Exception:  # parser internals changed; skip the checks
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
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            return re.compile(prefix + body, flags)
    except Exception as exc:
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
    except Exception as exc:  # e.g. MemoryError/RecursionError in an odd pattern
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
