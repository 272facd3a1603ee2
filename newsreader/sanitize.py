"""Make untrusted text safe to show in a terminal.

Article text, titles and file names are data. Before anything is displayed we remove terminal escape
sequences (CSI, OSC, DCS, ...), C0/C1 control characters (newline and tab excepted) and the bidi
controls that can make text read differently from what it is (U+202E "trojan source" reversal).
Lone surrogates (from undecodable file names or YAML `"\\ud800"` escapes) become U+FFFD: they cannot be
written to a UTF-8 terminal at all. Line and paragraph separators (U+2028/U+2029, NEL) become newlines.
"""

from __future__ import annotations

import re

# ESC-introduced sequences: CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC (ESC ] P X ^ _ ... BEL or ST),
# and two-character escapes (ESC + one byte). Also their 8-bit C1 forms (U+009B CSI, U+009D OSC, ...).
_ESCAPES = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?                      # CSI
  | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]{0,4096}(?:\x07|\x1b\\|\x9c)?  # OSC, DCS, SOS, PM, APC
  | \x1b[ -/]*[0-~]?                                       # other ESC sequences / lone ESC
    """,
    re.VERBOSE,
)
# C0 (minus \t and \n), DEL, C1, and bidi embedding/override/isolate controls. This and _SURROGATES are
# only needed for text that has them, so they stay pattern strings that `re` compiles (and caches) on first
# use: classes this wide beyond Latin-1 take ~0.3 ms each to compile, before the reader's first frame.
_CONTROLS = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]"
_ONE_LINE = re.compile(r"[\t\n]+")
_SURROGATES = "[\ud800-\udfff]"
_LINE_BREAKS = re.compile("\r\n?|[\x85\u2028\u2029]")
# Anything clean_text would change. Most text has none of it: one search, then nothing to do.
_NEEDS_CLEANING = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ud800-\udfff"
    "\u2028\u2029\t]"
)


def normalise_newlines(text: str) -> str:
    """CRLF, bare CR (which would overwrite a terminal line), NEL, U+2028 and U+2029 become LF."""
    return _LINE_BREAKS.sub("\n", text)


def clean_text(text: str) -> str:
    """Text with newlines kept: escapes and control characters removed, tabs expanded."""
    if not _NEEDS_CLEANING.search(text):
        return text
    text = normalise_newlines(text)
    if "\x1b" in text or any(c in text for c in "\x90\x98\x9b\x9d\x9e\x9f"):
        text = _ESCAPES.sub("", text)
    text = re.sub(_CONTROLS, "", text)
    text = re.sub(_SURROGATES, "\ufffd", text)
    if "\t" in text:
        text = text.expandtabs(4)
    return text


def clean_line(text: str, limit: int | None = None) -> str:
    """Single-line text (titles, file names, meta values): also folds newlines and tabs into spaces."""
    text = clean_text(text)
    if "\n" in text or "\t" in text:
        text = _ONE_LINE.sub(" ", text)
    text = text.strip()
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text
