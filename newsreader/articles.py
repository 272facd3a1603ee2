"""Read one article file into `Article`s: encodings, front matter, title inference, sanitising.

Everything here treats file content as hostile data: files are opened only if they are regular files
(`regular_files`), YAML goes through a safe loader without aliases or implicit timestamps and with a cap
on nodes and on the length of numbers, every front-matter field is type-checked (a wrong type is a notice
naming the field), sizes are capped, and all text is passed through `sanitize` before anything can
display it. Errors become `Article.error`, never raise.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from newsreader.markdown_text import StyleSpan, markdown_to_text
from newsreader.regular_files import read_regular
from newsreader.sanitize import clean_line, clean_text

if TYPE_CHECKING:  # the analysis model loads with the first `actors:` hint (or analysis), not before the first frame
    from newsreader.analysis.model import ActorHint

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
YAML_SUFFIXES = (".yaml", ".yml")
HTML_SUFFIXES = (".html", ".htm")  # saved web pages: read through the optional web extra's extractor
ARTICLE_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + YAML_SUFFIXES + HTML_SUFFIXES

MAX_READ_BYTES = 8 * 1024 * 1024  # a body larger than this is shown in part, with a notice
MAX_YAML_BYTES = 2 * 1024 * 1024  # a .yaml article file larger than this is not parsed (pure-Python YAML: ~1 MB/s)
MAX_FRONT_MATTER_CHARS = 64 * 1024
MAX_MARKDOWN_CHARS = 100_000  # Markdown is formatted this far (markdown-it: up to ~1 s per 100k on odd input)
MAX_TITLE_CHARS = 200
MAX_META_CHARS = 300
KNOWN_KEYS = ("title", "date", "author", "source", "url", "tags", "license", "actors")


def body_hash(body: str) -> str:
    """A short digest of a body (blake2b-96, hex): the index stores it to tell a changed body, and read
    marks are keyed on it, so both agree on what "the same text" is."""
    return hashlib.blake2b(body.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


@dataclass(slots=True)
class Article:
    """One article as the reader shows it. `body` is what offsets (analysis, find) index into."""

    path: Path
    title: str
    body: str = ""
    index: int = 0  # position inside a multi-article YAML file
    date: dt.date | None = None
    author: str | None = None
    source: str | None = None
    url: str | None = None
    license: str | None = None
    tags: tuple[str, ...] = ()
    hints: tuple[ActorHint, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)  # unknown front-matter keys, as display strings
    styles: list[StyleSpan] = field(default_factory=list)  # Markdown styling over the body
    notices: list[str] = field(default_factory=list)  # things the reader should be told (cp1252, truncated)
    error: str | None = None  # set when the file could not be read; the article is still listed
    size: int = 0
    mtime: float = 0.0
    partial: bool = False  # a list entry from the index: body not loaded (load_article reads it)
    quote_count: int | None = None  # known from the index before the analysis is loaded
    body_hash: str | None = None  # digest of the body (from the index) for entries without one

    @property
    def key(self) -> str:
        """Stable identity within a library (a YAML file can hold several articles)."""
        return f"{self.path}#{self.index}" if self.index else str(self.path)

    @property
    def display_name(self) -> str:
        return clean_line(self.path.name, MAX_TITLE_CHARS)


# --------------------------------------------------------------------------------------------- YAML


MAX_YAML_NODES = 100_000  # a YAML document with more nodes than this is refused (a 2 MB `-` list has a million)
MAX_YAML_NUMBER_CHARS = 100  # a longer integer is no number anyone means (and Python refuses 4,300+ digits)


class TooLargeNumber(NamedTuple):
    """An integer written with more than MAX_YAML_NUMBER_CHARS characters: kept as its text, never
    converted (a 6,000-digit title would raise in `int()` or `str()`). It is not an `int`, so every
    field check refuses it like any other wrong type, with a notice. (A NamedTuple: this module loads
    before the reader's first frame, where a frozen dataclass costs ten times as much to create.)"""

    text: str

    def __str__(self) -> str:
        return f"(a number of {len(self.text):,} characters)"


@lru_cache(maxsize=1)
def _safe_loader() -> Any:
    """SafeLoader without aliases (no "billion laughs"), without implicit timestamps (we parse dates),
    with at most MAX_YAML_NODES nodes (counted while composing, so a million-item list stops early) and
    no huge integers. Made on first use: PyYAML is imported only when some YAML needs it (not before the
    reader's first frame: front matter and the shipped residue list have fast paths)."""
    import yaml

    class _SafeLoader(yaml.SafeLoader):
        def __init__(self, stream: Any) -> None:
            super().__init__(stream)
            self.nodes_composed = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                raise yaml.composer.ComposerError(
                    None, None, "YAML aliases are not allowed", event.start_mark
                )
            self.nodes_composed += 1
            if self.nodes_composed > MAX_YAML_NODES:
                raise yaml.composer.ComposerError(
                    None, None, f"more than {MAX_YAML_NODES:,} values (a YAML bomb?)", self.peek_event().start_mark
                )
            return super().compose_node(parent, index)

        def construct_int_or_too_large(self, node: Any) -> int | TooLargeNumber:
            """An int, or a `TooLargeNumber` when its digits would take long to convert (a separate name, not
            an override of `construct_yaml_int`, because it returns more than an int)."""
            text = self.construct_scalar(node)
            if len(text) > MAX_YAML_NUMBER_CHARS:
                return TooLargeNumber(text)
            return self.construct_yaml_int(node)

    _SafeLoader.add_constructor("tag:yaml.org,2002:int", _SafeLoader.construct_int_or_too_large)
    _SafeLoader.yaml_implicit_resolvers = {
        ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return _SafeLoader


def safe_yaml(text: str) -> Any:
    """Parse YAML as data only; raises `ValueError` with a one-line reason on any problem."""
    import yaml

    try:
        return yaml.load(text, Loader=_safe_loader())  # a SafeLoader
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or (str(exc).splitlines() or ["unreadable"])[0]
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise ValueError(f"invalid YAML{where}: {clean_line(str(problem), 200)}") from None
    except RecursionError:
        raise ValueError("invalid YAML: too deeply nested") from None
    except (ValueError, TypeError, OverflowError, MemoryError) as exc:
        raise ValueError(f"invalid YAML: {clean_line(str(exc), 200)}") from None


# ---------------------------------------------------------------------------------------- decoding


STRAY_NULS = 2  # NUL bytes a text may hold by accident, whatever its length
NUL_SHARE = 100  # more NULs than one byte in this many make a binary file


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Bytes to text: UTF-8 (BOM or not), UTF-16 (BOM, or detected), else cp1252 with a notice.

    Raises `ValueError` for binary data, which would only show as noise, saying why. The rule (README, "Odd
    files"): more than `STRAY_NULS` NUL bytes that are also more than 1 % of the bytes read make a binary file
    (`git` calls any NUL in the first 8,000 bytes binary, which hides a text with one stray NUL); fewer are
    stray characters, each shown as U+FFFD with a notice. Without many NULs, bytes that are neither UTF-8 nor
    cp1252 text with few control characters are binary too.
    """
    text, notices = _decode(data)
    if "\x00" in text:
        count = text.count("\x00")
        text = text.replace("\x00", "\ufffd")
        notices.append(f"{count} NUL byte{'s' if count > 1 else ''} in the file: shown as \ufffd.")
    return text, notices


def _decode(data: bytes) -> tuple[str, list[str]]:
    notices: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), notices
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), notices
    head = data[:4096]
    if b"\x00" in head:
        even, odd = head[0::2], head[1::2]
        for codec, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
            if zeros.count(0) > len(zeros) * 0.4 and other.count(0) < len(other) * 0.1:
                utf16 = data.decode(codec, errors="replace")
                if _looks_like_text(utf16):
                    return utf16, ["Decoded as UTF-16 (no byte-order mark)."]
    nuls = data.count(0)
    if nuls > STRAY_NULS and nuls * NUL_SHARE > len(data):
        raise ValueError(f"binary file (not text): {nuls:,} of its {len(data):,} bytes are NUL")
    text: str | None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = None
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            # cut in the middle of a character by the size cap
            text = data[: exc.start].decode("utf-8", errors="replace")
    if text is not None:
        return text, notices
    text = data.decode("cp1252", errors="replace")
    if not _looks_like_text(text):
        raise ValueError("binary file (not text): neither UTF-8 nor Windows-1252 text (control characters)")
    notices.append("Not valid UTF-8: decoded as Windows-1252 (cp1252).")
    return text, notices


def _looks_like_text(text: str) -> bool:
    """Few control characters and replacement marks in the first 4 KiB: text, not binary.

    ESC is not counted: text with colour codes (a saved terminal log) is still text.
    """
    sample = text[:4096]
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f\x1b") or c == "\ufffd")
    return bad <= max(4, len(sample) // 50)


def read_text(path: Path, limit: int | None = None) -> tuple[str, list[str], int, float]:
    """Read and decode a file, at most `limit` bytes. Returns (text, notices, size, mtime)."""
    data, notices, size, mtime = read_bytes(path, limit)
    text, decode_notices = decode_bytes(data)
    return text, decode_notices + notices, size, mtime


def read_bytes(path: Path, limit: int | None = None) -> tuple[bytes, list[str], int, float]:
    """Read a file, at most `limit` bytes. Returns (data, notices, size, mtime).

    Only regular files are read (`regular_files.read_regular`): a FIFO, socket, device or kernel file
    (even behind a symlink, even swapped in after the scan) is refused with a ValueError, without waiting.
    """
    limit = MAX_READ_BYTES if limit is None else limit
    data, st = read_regular(path, limit)
    notices: list[str] = []
    if len(data) > limit:
        data = data[:limit]
        notices.append(
            f"This file is {st.st_size / 1024 / 1024:.1f} MiB: showing the first {limit // 1024 // 1024} MiB."
        )
    return data, notices, st.st_size, st.st_mtime


# ---------------------------------------------------------------------------------- front matter

_FM_OPEN = re.compile(r"\A---[ \t]*\n")
_FM_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)


_SIMPLE_KEY = re.compile(r"[A-Za-z_][\w-]*\Z")
_YAML_SPECIAL = re.compile(r"(?:[-+.]?\d|~\Z|(?:true|false|yes|no|on|off|null|y|n)\Z)", re.I)
_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d\Z")
_PLAIN_START = frozenset("-?:,[]{}#&*!|>'\"%@`")


def parse_simple_front_matter(block: str) -> dict[str, str | None] | None:
    """Flat `key: value` front matter without YAML's machinery, or None when it needs a real parser.

    Why: PyYAML's pure-Python parser was three quarters of the time it took to list 10,000 articles.
    Only what is unambiguous is handled here (plain or simply quoted one-line strings, ISO dates, empty
    values); anything else (lists, nesting, numbers, booleans, anchors, tags, escapes) goes to YAML, so
    the result is always what `safe_yaml` would give.
    """
    meta: dict[str, str | None] = {}
    for line in block.split("\n"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0] in " \t-" or ": " not in line + " ":
            return None
        key, _, value = line.partition(":")
        if not _SIMPLE_KEY.match(key) or key in meta:
            return None
        value = value.strip()
        if not value:
            meta[key] = None
        elif value[0] == "'":
            inner = value[1:-1]
            if len(value) < 2 or value[-1] != "'" or "'" in inner.replace("''", ""):
                return None
            meta[key] = inner.replace("''", "'")
        elif value[0] == '"':
            inner = value[1:-1]
            if len(value) < 2 or value[-1] != '"' or '"' in inner or "\\" in inner:
                return None
            meta[key] = inner
        elif (
            value[0] in _PLAIN_START or ": " in value or " #" in value or value.endswith(":")
            or (_YAML_SPECIAL.match(value) and not _ISO_DATE.match(value))
        ):
            return None
        else:
            meta[key] = value
    return meta


def parse_simple_list(text: str) -> list[str] | None:
    """A YAML list of plain one-line strings (`- item` lines, comments) without YAML's machinery, or None
    when it needs a real parser (the result is then what `safe_yaml` gives). Why: the shipped residue
    list is read before the reader's first frame, and importing PyYAML for it took ~12 ms of that."""
    items: list[str] = []
    for line in text.split("\n"):
        if not line.strip() or line.startswith("#"):
            continue
        value = line[2:].strip() if line.startswith("- ") else ""
        if not value or value[0] in _PLAIN_START or ": " in value or " #" in value or value.endswith(":") \
                or _YAML_SPECIAL.match(value):
            return None
        items.append(value)
    return items


def parse_front_matter(block: str) -> Any:
    """Front matter as data: the fast path for simple blocks, `safe_yaml` for everything else."""
    simple = parse_simple_front_matter(block)
    return simple if simple is not None else safe_yaml(block)


def split_front_matter(text: str) -> tuple[str | None, str]:
    """(front matter block or None, rest). Only a leading `---` line opens front matter."""
    m = _FM_OPEN.match(text)
    if not m:
        return None, text
    close = _FM_CLOSE.search(text, m.end())
    if not close:
        return None, text
    rest = text[close.end():]
    return text[m.end(): close.start()], rest[1:] if rest.startswith("\n") else rest


_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%Y-%m")


def parse_date(value: Any) -> dt.date | None:
    """A date from a front-matter value, or None. Accepts ISO dates and datetimes and common spellings."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int) and 1000 <= value <= 9999:
        return dt.date(value, 1, 1)
    if not isinstance(value, str):
        return None
    s = value.strip()[:64]
    try:
        return dt.datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    return None


def _scalar(value: Any, key: str, problems: list[str]) -> str | None:
    """A front-matter value that must be one line of text."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float, dt.date)):
        problems.append(f"`{key}` should be text, not a {_type_name(value)}")
        return None
    return clean_line(str(value), MAX_META_CHARS) or None


def _type_name(value: Any) -> str:
    names: dict[type, str] = {
        dict: "mapping", list: "list", TooLargeNumber: "number that large", int: "number", float: "number"
    }
    return names.get(type(value), type(value).__name__)


def parse_hints(value: Any, problems: list[str]) -> tuple[ActorHint, ...]:
    """`actors:` hints: a list of {name, kind, aliases}; bad entries are reported and skipped."""
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.append("`actors` should be a list of {name, kind, aliases}")
        return ()
    hints = (_parse_hint(item, problems) for item in value[:500])
    return tuple(hint for hint in hints if hint is not None)


def _parse_hint(item: Any, problems: list[str]) -> ActorHint | None:
    """One `actors:` entry, or None (with a problem said) when it can't be used: every value is
    type-checked before it is looked up, so `kind: [a, b]` is a notice, not a crash."""
    from newsreader.analysis.model import KINDS, ActorHint

    if isinstance(item, str):
        item = {"name": item}
    if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
        problems.append("an `actors` entry has no name")
        return None
    name = clean_line(item["name"], 100)
    kind = item.get("kind")
    if kind is None:
        kind = "person"
    elif not isinstance(kind, str):
        problems.append(f"actor {name!r} ignored: `kind` should be text, not a {_type_name(kind)}")
        return None
    kind = {"organization": "organisation", "org": "organisation"}.get(kind, kind)
    if kind not in KINDS:
        problems.append(f"actor kind should be one of {', '.join(KINDS)}")
        kind = "person"
    aliases = item.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [aliases]
    if not isinstance(aliases, list):
        problems.append(f"actor {name!r}: `aliases` should be a list, not a {_type_name(aliases)}")
        aliases = []
    clean_aliases = tuple(clean_line(a, 100) for a in aliases[:50] if isinstance(a, str) and a.strip())
    return ActorHint(name, kind, clean_aliases)


def apply_meta(article: Article, meta: dict[Any, Any]) -> None:
    """Copy known front-matter keys into `article` with type checks; keep unknown keys for display."""
    problems: list[str] = []
    title = _scalar(meta.get("title"), "title", problems)
    if title:
        article.title = clean_line(title, MAX_TITLE_CHARS)
    if "date" in meta and meta["date"] is not None:
        article.date = parse_date(meta["date"])
        if article.date is None:
            problems.append("`date` is not a date I can read")
    article.author = _scalar(meta.get("author"), "author", problems)
    article.source = _scalar(meta.get("source"), "source", problems)
    article.url = _scalar(meta.get("url"), "url", problems)
    article.license = _scalar(meta.get("license"), "license", problems)
    tags = meta.get("tags")
    if isinstance(tags, str):
        tags = [t.strip() for t in tags.split(",")]
    if isinstance(tags, list):
        article.tags = tuple(clean_line(str(t), 60) for t in tags[:100] if isinstance(t, (str, int)) and str(t))
    elif tags is not None:
        problems.append("`tags` should be a list")
    article.hints = parse_hints(meta.get("actors"), problems)
    for key, value in list(meta.items())[:100]:
        if key in KNOWN_KEYS:
            continue
        if isinstance(value, (str, int, float, bool, dt.date, TooLargeNumber)) or value is None:
            article.extra[clean_line(str(key), 60)] = clean_line(str(value), MAX_META_CHARS)
        else:
            article.extra[clean_line(str(key), 60)] = f"({_type_name(value)})"
    if problems:
        article.notices.append("Front matter: " + "; ".join(dict.fromkeys(problems)) + ".")


# ------------------------------------------------------------------------------- title inference


@lru_cache(maxsize=1)
def default_residue() -> frozenset[str]:
    """The shipped scrape-residue lines (data/residue.yaml)."""
    text = (Path(__file__).parent / "data" / "residue.yaml").read_text(encoding="utf-8")
    data = parse_simple_list(text)
    return frozenset(normalise_residue(s) for s in (safe_yaml(text) if data is None else data) if isinstance(s, str))


def normalise_residue(line: str) -> str:
    return re.sub(r"[\W_]+", " ", line.casefold()).strip()


@lru_cache(maxsize=8)
def _residue_first_words(residue: frozenset[str]) -> frozenset[str]:
    return frozenset(entry.split(" ", 1)[0] for entry in residue if entry)


def is_residue(line: str, residue: frozenset[str]) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) >= 60:
        return False
    # cheap test first (a scan meets this for every short line of every article): the first word
    first = re.split(r"[\W_]+", stripped[:30].casefold(), maxsplit=1)
    first_word = first[0] or (first[1].split(" ", 1)[0] if len(first) > 1 else "")
    if first_word and first_word not in _residue_first_words(residue):
        return False
    return normalise_residue(stripped) in residue


def drop_residue(text: str, residue: frozenset[str]) -> str:
    """Remove whole lines that are scrape residue ("show image", "Advertisement" ...)."""
    if not residue:
        return text
    lines = text.split("\n")
    kept = [ln for ln in lines if not is_residue(ln, residue)]
    return "\n".join(kept) if len(kept) != len(lines) else text


_WORD = re.compile(r"\w")


def take_title(text: str) -> tuple[str | None, str]:
    """(title, rest): the first non-blank line is the title when it looks like one.

    Leading lines without a letter or digit (`---`, `====`, `* * *`) are decoration, not titles: they
    stay in the body and the next line is considered instead.
    """
    stripped = text.lstrip("\n ")
    if not stripped:
        return None, ""
    skipped = 0
    pos = 0
    while True:
        nl = stripped.find("\n", pos)
        first = stripped[pos:] if nl < 0 else stripped[pos:nl]
        line = first.strip().lstrip("#").strip()
        if line and not _WORD.search(line) and skipped < 3 and nl >= 0:
            skipped += 1
            pos = nl + 1
            continue
        break
    if not line or not _WORD.search(line):
        return None, stripped
    if len(line) > MAX_TITLE_CHARS:  # a paragraph, not a title: keep it in the body
        return clean_line(line, 80), stripped
    rest = "" if nl < 0 else stripped[nl + 1:]
    return line, stripped[:pos] + rest if pos else rest


def tidy_body(text: str) -> str:
    """Leading blank lines and trailing whitespace removed; runs of blank lines folded to one."""
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n").rstrip()


# ----------------------------------------------------------------------------------------- loading


def load_file(path: Path | str, residue: frozenset[str] | None = None) -> list[Article]:
    """Every article in one file (a YAML list holds several). Never raises: errors are in `error`."""
    path = Path(path)
    residue = default_residue() if residue is None else residue
    fallback_title = clean_line(path.stem.replace("_", " ").replace("-", " "), MAX_TITLE_CHARS) or "(untitled)"
    is_yaml = path.suffix.lower() in YAML_SUFFIXES
    is_html = path.suffix.lower() in HTML_SUFFIXES
    try:
        if is_html:  # bytes: the page's own <meta charset> decides how they decode
            data, notices, size, mtime = read_bytes(path, MAX_READ_BYTES)
        else:
            text, notices, size, mtime = read_text(path, MAX_YAML_BYTES if is_yaml else MAX_READ_BYTES)
    except IsADirectoryError:
        return [Article(path, fallback_title, error="is a folder, not a file")]
    except FileNotFoundError:
        error = (
            "broken link (its target does not exist)" if path.is_symlink() else "file vanished before it could be read"
        )
        return [Article(path, fallback_title, error=error)]
    except PermissionError:
        return [Article(path, fallback_title, error="permission denied")]
    except ValueError as exc:
        return [Article(path, fallback_title, error=clean_line(str(exc), 300))]
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return [Article(path, fallback_title, error="symlink loop (too many levels of symbolic links)")]
        return [Article(path, fallback_title, error=clean_line(exc.strerror or str(exc), 200))]
    if is_yaml and size > MAX_YAML_BYTES:
        return [Article(path, fallback_title, error=(
            f"YAML article file of {size / 1024 / 1024:.1f} MiB: larger than the "
            f"{MAX_YAML_BYTES // 1024 // 1024} MiB read from YAML files, not read"), size=size, mtime=mtime)]
    try:
        if is_yaml:
            articles = _from_yaml_document(path, text, fallback_title, residue)
        elif is_html:
            articles = [_from_html(path, data, fallback_title, residue)]
        else:
            articles = [_from_text(path, text, fallback_title, residue, truncated=size > MAX_READ_BYTES)]
    except RecursionError:
        articles = [Article(path, fallback_title, error="too deeply nested to read")]
    except Exception as exc:  # one odd file must never stop a scan; say what happened
        articles = [Article(path, fallback_title, error=f"could not be read ({type(exc).__name__})")]
    for art in articles:
        art.notices[:0] = notices
        art.size, art.mtime = size, mtime
    return articles


HEADER_BYTES = 16 * 1024


def load_header(path: Path | str, residue: frozenset[str] | None = None) -> list[Article]:
    """List entries (no body) from the start of a file only: what the article list needs, fast.

    Why: a cold folder of 10,000 articles lists its titles in a fraction of the time a full read takes;
    the full read (for the index, notices and errors past the first bytes) follows in the background.
    YAML article files, and text files whose front matter runs past the head, are read in full.
    """
    path = Path(path)
    residue = default_residue() if residue is None else residue
    if path.suffix.lower() in YAML_SUFFIXES + HTML_SUFFIXES:
        return _as_entries(load_file(path, residue))
    try:
        text, notices, size, mtime = read_text(path, HEADER_BYTES)
    except (OSError, ValueError):
        return _as_entries(load_file(path, residue))  # says what is wrong, the same way as always
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if size > HEADER_BYTES and _FM_OPEN.match(text) and split_front_matter(text)[0] is None:
        return _as_entries(load_file(path, residue))
    fallback_title = clean_line(path.stem.replace("_", " ").replace("-", " "), MAX_TITLE_CHARS) or "(untitled)"
    try:
        article = _from_text(path, text, fallback_title, residue, want_body=False)
    except Exception:  # the full loader reads it again and says what is wrong
        return _as_entries(load_file(path, residue))
    article.size, article.mtime = size, mtime
    return _as_entries([article], keep_notices=False)


def _as_entries(articles: list[Article], keep_notices: bool = True) -> list[Article]:
    """Articles as body-less list entries."""
    for article in articles:
        article.body, article.styles, article.partial = "", [], True
        if not keep_notices:
            article.notices = []
    return articles


def load_article(path: Path | str, index: int = 0) -> Article:
    """One article (the `index`-th of a YAML list)."""
    articles = load_file(path)
    return articles[index] if 0 <= index < len(articles) else articles[0]


def _take_front_matter(article: Article, text: str, truncated: bool) -> tuple[str, str | None, bool]:
    """The text after the front matter, the block (None without one), and whether the front matter
    declared the title (even a broken one does: then the first line is text, not the title)."""
    block, rest = split_front_matter(text)
    if block is None and truncated and _FM_OPEN.match(text):
        # front matter that does not even close within the part read: it is all YAML, no text to show
        article.notices.append(
            f"Front matter ignored: larger than {MAX_FRONT_MATTER_CHARS // 1024} KiB, and the text after it "
            f"starts beyond the first {MAX_READ_BYTES // 1024 // 1024} MiB."
        )
        return "", "", True
    if block is None:
        return text, None, False
    if len(block) > MAX_FRONT_MATTER_CHARS:
        article.notices.append(f"Front matter ignored: larger than {MAX_FRONT_MATTER_CHARS // 1024} KiB.")
        return rest, block, True
    try:
        meta = parse_front_matter(block)
    except ValueError as exc:
        article.notices.append(f"Front matter ignored: {exc}.")
        return rest, block, True  # broken front matter: keep the body intact, title from the file name
    if isinstance(meta, dict):
        apply_meta(article, meta)
        return rest, block, meta.get("title") is not None
    if meta is not None:
        article.notices.append(f"Front matter ignored: a {_type_name(meta)}, not a mapping.")
        return rest, block, True
    return rest, block, False


def _from_text(
    path: Path,
    text: str,
    fallback_title: str,
    residue: frozenset[str],
    truncated: bool = False,
    want_body: bool = True,
    markdown: bool | None = None,
) -> Article:
    article = Article(path, fallback_title)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, block, declared_title = _take_front_matter(article, text, truncated)
    is_markdown = path.suffix.lower() in MARKDOWN_SUFFIXES if markdown is None else markdown
    if not want_body:  # a list entry: only the title matters, and it is in the first lines
        text = text[:4096]
    text = drop_residue(clean_text(text), residue)
    if not declared_title:
        title, text = take_title(text)
        if title:
            article.title = clean_line(title, MAX_TITLE_CHARS)
    if not want_body:
        return article
    if is_markdown:
        text, article.styles = _markdown_in_part(text, article.notices)
    if article.styles:  # styled text keeps its spacing; only the blank lines around it go
        lead = len(text) - len(text.lstrip("\n"))
        article.body = text.strip("\n")
        end = len(article.body)
        article.styles = [
            StyleSpan(max(0, sp.start - lead), min(end, sp.end - lead), sp.style)
            for sp in article.styles
            if sp.end - lead > 0 and sp.start - lead < end
        ]
    else:
        article.body = tidy_body(text)
    if not article.body.strip() and not article.notices:
        article.notices.append("This article has no text." if block is None else "Front matter only: no text.")
    return article


def _from_html(path: Path, data: bytes, fallback_title: str, residue: frozenset[str]) -> Article:
    """A saved web page, read like a Markdown article whose front matter is the page's metadata."""
    from newsreader.web import INSTALL_HINT, WebUnavailable
    from newsreader.web.extract import NoArticleText, extract_page  # imports trafilatura on first use only

    try:
        page = extract_page(data)
    except WebUnavailable:
        return Article(path, fallback_title, error=INSTALL_HINT)
    except NoArticleText as exc:
        return Article(path, fallback_title, error=str(exc))
    import yaml

    front = yaml.safe_dump(page.front_matter(), allow_unicode=True, sort_keys=False, width=10_000)
    return _from_text(path, f"---\n{front}---\n{page.body}", fallback_title, residue, markdown=True)


def _markdown_in_part(text: str, notices: list[str]) -> tuple[str, list[StyleSpan]]:
    """Markdown to text + styles; beyond MAX_MARKDOWN_CHARS (cut at a paragraph) the rest is plain text."""
    if len(text) <= MAX_MARKDOWN_CHARS:
        return markdown_to_text(text, notices)
    cut = text.rfind("\n\n", 0, MAX_MARKDOWN_CHARS)
    if cut <= 0:
        cut = text.rfind("\n", 0, MAX_MARKDOWN_CHARS)
    if cut <= 0:
        cut = MAX_MARKDOWN_CHARS
    formatted, styles = markdown_to_text(text[:cut], notices)
    rest = text[cut:].strip("\n")
    notices.append(
        f"Markdown formatting is shown for the first {MAX_MARKDOWN_CHARS:,} characters; the rest is plain text."
    )
    return (formatted + "\n\n" + rest if formatted else rest), styles


def _from_yaml_document(path: Path, text: str, fallback_title: str, residue: frozenset[str]) -> list[Article]:
    try:
        data = safe_yaml(text)
    except ValueError as exc:
        return [Article(path, fallback_title, error=str(exc))]
    items: Iterable[Any]
    if isinstance(data, dict):
        items = [data]
    elif isinstance(data, list) and data:
        items = data
    else:
        what = "empty" if data is None else f"a {_type_name(data)}"
        error = f"YAML article file is {what}: expected a mapping with title and body"
        return [Article(path, fallback_title, error=error)]
    articles = []
    for i, item in enumerate(items):
        article = Article(path, fallback_title if i == 0 else f"{fallback_title} ({i + 1})", index=i)
        if not isinstance(item, dict):
            article.error = f"entry {i + 1} is a {_type_name(item)}, not a mapping with title and body"
        else:
            apply_meta(article, item)
            body = item.get("body", item.get("text"))
            if isinstance(body, str):
                article.body = tidy_body(drop_residue(clean_text(body), residue))
            elif body is None:
                article.notices.append("This entry has no `body`.")
            else:
                article.error = f"`body` should be text, not a {_type_name(body)}"
        articles.append(article)
    return articles
