"""Feeds: the subscriptions file, what each feed last said (conditional-GET state), parsing, OPML.

`$XDG_CONFIG_HOME/newsreader/feeds.yaml` is the person's file (feeds, the folder each fills, an optional
`refresh_minutes`); only `feeds add`/`feeds remove` change it, each the lines of its own feed
(`feeds_file`). What a fetch learns (ETag, Last-Modified, the feed's title, the entries already seen) is
state, kept apart in `$XDG_STATE_HOME/newsreader/feeds-state.json`, so a fetch never rewrites the person's file.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin
from xml.etree import ElementTree

from newsreader.articles import safe_yaml
from newsreader.sanitize import clean_line
from newsreader.state import FileLock, atomic_write
from newsreader.web.fetch import Page

FEEDS_FILE = "feeds.yaml"
STATE_FILE = "feeds-state.json"
MAX_SEEN = 5000  # entry ids remembered per feed (a feed lists its latest few dozen)
MAX_FILE_BYTES = 4 * 1024 * 1024
FILE_KEYS = ("feeds", "refresh_minutes")
FEED_KEYS = ("url", "folder", "title")


class FeedsFileError(Exception):
    """feeds.yaml (or an OPML file) can't be used; the message says why, in one line."""


class FeedError(Exception):
    """A fetched document is not a feed."""


def config_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("newsreader", appauthor=False)) / FEEDS_FILE


def state_path() -> Path:
    from platformdirs import user_state_dir

    return Path(user_state_dir("newsreader", appauthor=False)) / STATE_FILE


# --------------------------------------------------------------------------------- subscriptions


@dataclass(slots=True)
class Feed:
    url: str
    folder: Path
    title: str | None = None


@dataclass(slots=True)
class Subscriptions:
    feeds: list[Feed] = field(default_factory=list)
    refresh_minutes: float | None = None  # the reader fetches by itself this often when set

    def find(self, url: str) -> Feed | None:
        return next((f for f in self.feeds if f.url == url), None)


def load_subscriptions(path: Path | None = None) -> Subscriptions:
    """The subscriptions file (none yet: no feeds). Raises `FeedsFileError` when it is unusable."""
    path = path or config_path()
    return parse_subscriptions(read_feeds_file(path).decode("utf-8", errors="replace"), path)


def read_feeds_file(path: Path) -> bytes:
    """The file's bytes (none yet: empty), at most `MAX_FILE_BYTES`; `FeedsFileError` when it can't be read."""
    try:
        raw = path.read_bytes()[: MAX_FILE_BYTES + 1]
    except FileNotFoundError:
        return b""
    except OSError as exc:
        raise FeedsFileError(f"{path}: {exc.strerror or exc}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise FeedsFileError(f"{path}: larger than {MAX_FILE_BYTES // 1024 // 1024} MB")
    return raw


def parse_subscriptions(text: str, path: Path) -> Subscriptions:
    """The subscriptions `text` (the file at `path`) holds."""
    try:
        data = safe_yaml(text)
    except ValueError as exc:
        raise FeedsFileError(f"{path}: {exc}") from None
    if data is None:
        return Subscriptions()
    feeds = data.get("feeds") if isinstance(data, dict) else None
    feeds = [] if feeds is None else feeds  # `feeds:` with nothing under it (`feeds remove` of the last one)
    if not isinstance(data, dict) or not isinstance(feeds, list):
        raise FeedsFileError(f"{path}: expected `feeds:` with a list of {{url, folder}}")
    _known_keys(data, FILE_KEYS, f"{path}: unknown setting")
    return Subscriptions(
        [_feed(item, path, i) for i, item in enumerate(feeds, 1)], _minutes(data.get("refresh_minutes"), path)
    )


def _feed(item: Any, path: Path, number: int) -> Feed:
    if not isinstance(item, dict) or not isinstance(item.get("url"), str) or not isinstance(item.get("folder"), str):
        raise FeedsFileError(f"{path}: feed {number} needs `url` and `folder` (both text)")
    _known_keys(item, FEED_KEYS, f"{path}: feed {number}: unknown key")
    title = item.get("title")
    return Feed(item["url"].strip(), Path(item["folder"]).expanduser(), title if isinstance(title, str) else None)


def _known_keys(data: dict[Any, Any], known: tuple[str, ...], what: str) -> None:
    """Raise for a key the reader does not know: a misspelt `feed:` with the person's whole list under it
    would otherwise be read as no feeds, silently."""
    for key in data:
        if key not in known:
            hint = difflib.get_close_matches(str(key), known, n=1)
            raise FeedsFileError(f"{what} `{clean_line(str(key), 80)}`"
                                 + (f" (did you mean {hint[0]!r}?)" if hint else f" ({', '.join(known)})"))


def _minutes(value: Any, path: Path) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 1:
        raise FeedsFileError(f"{path}: `refresh_minutes` should be a number of minutes, at least 1")
    return float(value)


# --------------------------------------------------------------------------------------- state


@dataclass(slots=True)
class FeedState:
    """What the last fetch of one feed learnt."""

    etag: str | None = None
    modified: str | None = None
    title: str | None = None
    seen: list[str] = field(default_factory=list)  # entry ids written (or already in the folder), oldest first
    checked: str | None = None  # when it was last fetched (ISO)

    def remember(self, entry_id: str) -> None:
        if entry_id not in self.seen:
            self.seen.append(entry_id)
            del self.seen[:-MAX_SEEN]


def load_state(path: Path | None = None) -> dict[str, FeedState]:
    """Per feed URL; an unreadable state file means starting afresh (entries are also matched by URL)."""
    path = path or state_path()
    try:
        data = json.loads(path.read_bytes()[: MAX_FILE_BYTES * 4])
    except (OSError, ValueError):
        return {}
    states: dict[str, FeedState] = {}
    for url, item in (data.items() if isinstance(data, dict) else []):
        if isinstance(item, dict):
            seen = item.get("seen")
            states[url] = FeedState(
                etag=_str_or_none(item.get("etag")),
                modified=_str_or_none(item.get("modified")),
                title=_str_or_none(item.get("title")),
                seen=[s for s in seen if isinstance(s, str)] if isinstance(seen, list) else [],
                checked=_str_or_none(item.get("checked")),
            )
    return states


def _str_or_none(value: object) -> str | None:
    """A state field as written by `save_state`, or None for anything else a hand-edited file holds."""
    return value if isinstance(value, str) else None


def save_state(states: dict[str, FeedState], path: Path | None = None) -> None:
    """Merge what this run learnt into the state file as it is now, under its lock (`state.FileLock`),
    atomically: two fetches at once (the CLI and the reader's timer) each keep the other's feeds and seen
    entries. A fetch loads the file when it starts and saves when it ends, seconds later, so writing its
    own copy whole would undo whatever another fetch saved meanwhile. Raises OSError."""
    path = path or state_path()
    with FileLock(path, busy="another newsreader is saving what its feeds said; not saved this time"):
        merged = load_state(path)
        for url, ours in states.items():
            merged[url] = _newer(merged.get(url), ours)
        data = {
            url: {"etag": s.etag, "modified": s.modified, "title": s.title, "checked": s.checked, "seen": s.seen}
            for url, s in merged.items()
        }
        atomic_write(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))


def _newer(theirs: FeedState | None, ours: FeedState) -> FeedState:
    """One feed's state from the file (`theirs`) and this run (`ours`): the seen entries of both, and the
    conditional-GET fields of the later fetch (by `checked`; ours on a tie, or when neither was fetched)."""
    if theirs is None:
        return ours
    later = theirs if (theirs.checked or "") > (ours.checked or "") else ours
    known = set(theirs.seen)
    seen = theirs.seen + [s for s in ours.seen if s not in known]
    return FeedState(later.etag, later.modified, later.title or ours.title or theirs.title, seen[-MAX_SEEN:],
                     later.checked)


# -------------------------------------------------------------------------------------- parsing


@dataclass(slots=True)
class Entry:
    """One feed item, as far as the feed tells."""

    id: str
    title: str | None
    link: str | None
    author: str | None = None
    date: str | None = None  # ISO date
    content: str | None = None  # full HTML content when the feed carries it (Atom content, content:encoded)
    summary: str | None = None


@dataclass(slots=True)
class ParsedFeed:
    title: str | None
    entries: list[Entry]
    problem: str | None = None  # the XML was broken but entries could still be read


def parse_feed(page: Page) -> ParsedFeed:
    """RSS 0.9x/1.0/2.0 or Atom, from fetched bytes (never a URL: feedparser would fetch it itself)."""
    import feedparser

    content_type = page.content_type + (f"; charset={page.charset}" if page.charset else "")
    parsed = feedparser.parse(
        page.body, response_headers={"content-location": page.url, "content-type": content_type}
    )
    problem = None
    if parsed.get("bozo"):
        problem = clean_line(str(parsed.get("bozo_exception") or "broken XML"), 160)
    if not parsed.entries and (problem or not parsed.get("version")):
        raise FeedError(f"not a feed ({problem})" if problem else "not a feed (no RSS or Atom in it)")
    entries = [_entry(e, page.url) for e in parsed.entries]
    title = parsed.feed.get("title") if isinstance(parsed.feed.get("title"), str) else None
    return ParsedFeed(clean_line(title, 200) if title else None, entries, problem)


def _entry(item: Any, base: str) -> Entry:
    link = item.get("link")
    link = urljoin(base, link.strip()) if isinstance(link, str) and link.strip() else None
    content = None
    for part in item.get("content") or []:
        value = part.get("value") if isinstance(part, dict) else None
        if isinstance(value, str) and value.strip():
            content = value
            break
    summary = item.get("summary") if isinstance(item.get("summary"), str) else None
    title = item.get("title") if isinstance(item.get("title"), str) else None
    entry_id = item.get("id") if isinstance(item.get("id"), str) and item.get("id").strip() else None
    return Entry(
        id=entry_id or link or f"{title or ''}|{summary or ''}"[:500],
        title=clean_line(title, 200) if title else None,
        link=link,
        author=clean_line(item["author"], 200) if isinstance(item.get("author"), str) else None,
        date=_entry_date(item),
        content=content,
        summary=summary,
    )


def _entry_date(item: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = item.get(key)
        if isinstance(value, time.struct_time):
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
            except ValueError:
                continue
    return None


# ------------------------------------------------------------------------------------------ OPML


def read_opml(path: Path) -> list[tuple[str, str | None]]:
    """(feed URL, title) of every outline with an `xmlUrl`, nested outlines included."""
    try:
        data = path.read_bytes()[: MAX_FILE_BYTES + 1]
    except OSError as exc:
        raise FeedsFileError(f"{path}: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_BYTES or b"<!ENTITY" in data:
        megabytes = MAX_FILE_BYTES // 1024 // 1024
        raise FeedsFileError(f"{path}: not read (larger than {megabytes} MB, or it declares entities)")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise FeedsFileError(f"{path}: not valid OPML ({clean_line(str(exc), 120)})") from None
    found = []
    for outline in root.iter("outline"):
        url = outline.get("xmlUrl") or outline.get("xmlurl")
        if url and url.strip():
            found.append((url.strip(), outline.get("title") or outline.get("text")))
    return found


def opml_text(subs: Subscriptions, states: dict[str, FeedState]) -> str:
    """The subscriptions as OPML 2.0 (what other readers import)."""
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = "newsreader feeds"
    body = ElementTree.SubElement(root, "body")
    for feed in subs.feeds:
        title = feed.title or (states.get(feed.url) or FeedState()).title or feed.url
        ElementTree.SubElement(body, "outline", type="rss", text=title, title=title, xmlUrl=feed.url)
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"
