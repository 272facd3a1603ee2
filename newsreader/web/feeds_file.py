"""`feeds add` and `feeds remove` edit feeds.yaml as text: they add or take out the lines of their feeds
(their items, in a `[…]` list) and keep everything else the person wrote (comments, order, quoting, blank
lines, the file's mode; a link to the file stays a link). Dumping the parsed YAML instead dropped every
comment.

The lines are placed with the YAML parser's marks (where the `feeds:` list, each feed and each feed's `-`
begin and end, and the line breaks YAML reads: CR, LF or both) and written in the list's own style: its
indentation and line break, `{url: …, folder: …}` when its last feed is written so, and the `-` on a line of
its own when the last feed's is. Every edit is checked by reading the result back: unless it holds exactly
the old subscriptions plus (or minus) those feeds, the file is left as it was and `FeedsFileError` says what
to change by hand.
"""

from __future__ import annotations

import json
import re
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.tokens import AnchorToken, BlockEntryToken, FlowSequenceStartToken, TagToken, Token

from newsreader.state import FileLock, atomic_write
from newsreader.web.feeds import (
    Feed,
    FeedsFileError,
    Subscriptions,
    config_path,
    parse_subscriptions,
    read_feeds_file,
)

NULL_TAG = "tag:yaml.org,2002:null"
EDIT_ATTEMPTS = 3  # reads of a file that changed while being edited, before the edit gives up
LINE_BREAKS = "\r\n\x85\u2028\u2029"  # what the YAML reader ends a line with (and CR LF, as one break)
LINE_BREAK = re.compile("\r\n|[" + LINE_BREAKS + "]")


@dataclass(frozen=True, slots=True)
class ListStyle:
    """How a block list's feeds are written, for the lines added to it."""

    dash: int = 2  # the column of its `-`
    key: int = 4  # the column of its feeds' first key (or `{`)
    flow: bool = False  # feeds written `{url: …, folder: …}`
    dash_alone: bool = False  # the `-` on a line of its own, the feed on the lines below


def add_feeds(feeds: Sequence[Feed], path: Path | None = None) -> None:
    """Append `feeds` to the subscriptions file (made if there is none)."""
    path = path or config_path()

    def change(text: str, before: Subscriptions) -> str:
        edited = _appended(text, feeds)
        _check(edited, path, Subscriptions([*before.feeds, *feeds], before.refresh_minutes),
               f"{path}: its `feeds:` list is written in a way the feed can't be added to without changing the "
               "rest; add these lines to it by hand:")
        return edited

    _edit(path, change)


def remove_feed(url: str, path: Path | None = None) -> Feed:
    """Take the (first) feed of `url` out of the subscriptions file."""
    path = path or config_path()
    removed: list[Feed] = []

    def change(text: str, before: Subscriptions) -> str:
        index = next((i for i, feed in enumerate(before.feeds) if feed.url == url), None)
        if index is None:  # (taken out meanwhile, by another command)
            raise FeedsFileError(f"{path}: no feed {url} in it now; see `newsreader feeds list`")
        edited = _removed(text, index, path)
        _check(edited, path, Subscriptions(before.feeds[:index] + before.feeds[index + 1:], before.refresh_minutes),
               f"{path}: feed {index + 1} could not be taken out without changing the rest; remove its lines by hand")
        removed[:] = [before.feeds[index]]
        return edited

    _edit(path, change)
    return removed[0]


def _edit(path: Path, change: Callable[[str, Subscriptions], str]) -> None:
    """Read the file, `change` its text, write the result: under the lock (another `feeds add`), and again
    from the start if the file changed meanwhile (the person saving it from an editor, which takes no lock:
    writing the text read before would undo their edit)."""
    with _lock(path):
        for _attempt in range(EDIT_ATTEMPTS):
            seen = _version(path)
            text, before = _read(path)
            edited = change(text, before)
            if _version(path) == seen:
                _write(path, edited)
                return
    raise FeedsFileError(f"{path}: it kept changing while being edited, so it is not changed; try again")


def _version(path: Path) -> tuple[int, int, int] | None:
    """What changes when the file is saved (in place, or by a new file renamed over it); None: no file."""
    try:
        st = _target(path).stat()
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


def _lock(path: Path) -> FileLock:
    """Read, edit and write under the lock beside the file: two `feeds add` at once each keep the other's
    feed (each read the file before the other wrote it, and the last write dropped the first's feed)."""
    return FileLock(_target(path), busy="another newsreader is changing feeds.yaml; try again")


def _target(path: Path) -> Path:
    return path.resolve() if path.is_symlink() else path


def _read(path: Path) -> tuple[str, Subscriptions]:
    raw = read_feeds_file(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise FeedsFileError(f"{path}: not UTF-8 text, so it is not changed; edit it by hand") from None
    return text, parse_subscriptions(text, path)


def _check(edited: str, path: Path, expected: Subscriptions, refusal: str) -> None:
    try:
        after = parse_subscriptions(edited, path)
    except FeedsFileError:
        after = None
    if after != expected:
        raise FeedsFileError(refusal)


def _write(path: Path, text: str) -> None:
    """Replace the file whole (written beside it, renamed), keeping its mode; through a link, its target."""
    target = _target(path)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = None
    atomic_write(target, text.encode("utf-8"), mode)


# ------------------------------------------------------------------------------------------- adding


def _appended(text: str, feeds: Sequence[Feed]) -> str:
    """`text` with `feeds` written at the end of its `feeds:` list (or a new list at the end)."""
    first_break = LINE_BREAK.search(text)
    newline = first_break[0] if first_break else "\n"
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    found = _feeds_entry(root)
    if found is None:  # no file, only comments, or other settings: a new list at the end
        start = text if text[-1:] in ("", *LINE_BREAKS) else text + newline
        return start + "feeds:" + newline + _lines(feeds, ListStyle(), newline) + newline
    key, value = found
    if isinstance(value, SequenceNode) and value.value and not value.flow_style:
        end = _line_end(text, _end(value.value[-1]))
        return text[:end] + newline + _lines(feeds, _list_style(text, value), newline) + text[end:]
    if isinstance(value, SequenceNode) and value.value:  # feeds: [{…}, {…}] (after the last: a trailing comma stays)
        end = value.value[-1].end_mark.index
        json_keys = _json_key(value.value[-1].value[0][0] if isinstance(value.value[-1], MappingNode) else key)
        return text[:end] + "".join(", " + _flow(feed, json_keys) for feed in feeds) + text[end:]
    if isinstance(value, SequenceNode) and _is_flow(root):  # {feeds: []}: block lines can't go in there
        close = value.end_mark.index - 1
        return text[:close] + ", ".join(_flow(feed, _json_key(key)) for feed in feeds) + text[close:]
    empty = isinstance(value, SequenceNode) or (isinstance(value, ScalarNode) and value.tag == NULL_TAG)
    if empty:  # `feeds: []`, `feeds:`: the list goes on the lines below (after its tag, if it has one)
        text = text[: _value_start(text, value)].rstrip(" \t") + text[value.end_mark.index:]
        end = _line_end(text, key.end_mark.index)
        return text[:end] + newline + _lines(feeds, ListStyle(), newline) + text[end:]
    return text  # (the check refuses: nothing was added)


def _list_style(text: str, items: SequenceNode) -> ListStyle:
    """The style of a block list: the columns of its first feed, the form of its last."""
    tokens = _tokens(text)
    first_dash = _dash(tokens, items.value[0])
    last = items.value[-1]
    return ListStyle(first_dash - _line_start(text, first_dash), items.value[0].start_mark.column, _is_flow(last),
                     _line_start(text, last.start_mark.index) > _dash(tokens, last))


def _value_start(text: str, value: Node) -> int:
    """Where a value starts after its tag or anchor (`feeds: !!seq []`: the `[`)."""
    tokens = _tokens(text)
    return next((t.start_mark.index for t in tokens if isinstance(t, FlowSequenceStartToken)
                 and value.start_mark.index <= t.start_mark.index < value.end_mark.index), value.start_mark.index)


def _lines(feeds: Sequence[Feed], style: ListStyle, newline: str) -> str:
    key = max(style.key, style.dash + 2)
    lines = []
    for feed in feeds:
        fields = [_flow(feed)] if style.flow else [f"{name}: {_scalar(value)}" for name, value in _fields(feed)]
        if style.dash_alone:
            lines.append(" " * style.dash + "-")
        else:
            first = fields.pop(0)
            lines.append(" " * style.dash + "-" + " " * (key - style.dash - 1) + first)
        lines += [" " * key + field for field in fields]
    return newline.join(lines)


def block(feeds: Sequence[Feed]) -> str:
    """`feeds` as the lines of a `feeds:` list (for a person to add by hand)."""
    return _lines(feeds, ListStyle(), "\n")


def _flow(feed: Feed, json_keys: bool = False) -> str:
    """`{url: "…", folder: "…"}`; with `json_keys`, `{"url": …}`, as in a file written as JSON (which stays JSON)."""
    return "{" + ", ".join(f"{json.dumps(name) if json_keys else name}: {json.dumps(value, ensure_ascii=False)}"
                           for name, value in _fields(feed)) + "}"


def _json_key(key: Node) -> bool:
    return isinstance(key, ScalarNode) and key.style == '"'


def _fields(feed: Feed) -> list[tuple[str, str]]:
    return [("url", feed.url), ("folder", str(feed.folder)), *([("title", feed.title)] if feed.title else [])]


def _scalar(value: str) -> str:
    """`value` as the YAML of a block mapping writes it: plain where that reads back the same, else quoted."""
    dumped = yaml.safe_dump(value, allow_unicode=True, width=1_000_000).removesuffix("\n...\n").removesuffix("\n")
    return json.dumps(value, ensure_ascii=False) if "\n" in dumped else dumped


# ------------------------------------------------------------------------------------------ removing


def _removed(text: str, index: int, path: Path) -> str:
    """`text` without the lines of feed `index` (from the line of its `-` to the end of its last value), or
    without its item in a `[…]` list."""
    found = _feeds_entry(yaml.compose(text, Loader=yaml.SafeLoader))
    value = found[1] if found is not None else None
    if not isinstance(value, SequenceNode) or not 0 <= index < len(value.value):
        raise FeedsFileError(f"{path}: its feeds are not a list, so it is not changed; edit it by hand")
    if value.flow_style:
        return _removed_from_flow(text, value.value, index)
    tokens = _tokens(text)
    item = value.value[index]
    start = _line_start(text, _dash(tokens, item))
    edited = text[:start] + text[_next_line(text, _end(item)):]
    if len(value.value) == 1 and value.start_mark.index < start:  # `feeds: !!seq` alone would be no list
        tagged = max(t.end_mark.index for t in tokens if isinstance(t, (TagToken, AnchorToken))
                     and value.start_mark.index <= t.start_mark.index < start)
        return edited[:tagged] + " []" + edited[tagged:]
    return edited


def _removed_from_flow(text: str, items: list[Node], index: int) -> str:
    """`text` without item `index` of a `[…]` list and one comma beside it (a trailing comma stays)."""
    item = items[index]
    if index + 1 < len(items):  # up to the next item
        return text[: item.start_mark.index] + text[items[index + 1].start_mark.index:]
    if index > 0:  # the last: from the end of the one before
        return text[: items[index - 1].end_mark.index] + text[item.end_mark.index:]
    return text[: item.start_mark.index] + text[item.end_mark.index:]


# ------------------------------------------------------------------------------------------- marks


def _feeds_entry(root: Node | None) -> tuple[Node, Node] | None:
    """The `feeds` key and its value in the file's top mapping, if it has one."""
    if not isinstance(root, MappingNode):
        return None
    return next(((key, value) for key, value in root.value if isinstance(key, ScalarNode) and key.value == "feeds"),
                None)


def _is_flow(node: Node | None) -> bool:
    return isinstance(node, MappingNode) and bool(node.flow_style)


def _end(item: Node) -> int:
    """Where a feed's text ends: its last value's end (a block mapping's own end mark is the next token's
    start, past any comment lines after it)."""
    if isinstance(item, MappingNode) and item.value and not item.flow_style:
        return _end(item.value[-1][1])
    return item.end_mark.index


def _tokens(text: str) -> list[Token]:
    return list(yaml.scan(text, Loader=yaml.SafeLoader))


def _dash(tokens: list[Token], item: Node) -> int:
    """Where the `-` of a block list's `item` stands: the last one before it (the feed may start on a later
    line, after a comment)."""
    return max(t.start_mark.index for t in tokens
               if isinstance(t, BlockEntryToken) and t.start_mark.index < item.start_mark.index)


def _line_start(text: str, index: int) -> int:
    """The index where the line that holds `index` starts."""
    return max(text.rfind(brk, 0, index) for brk in LINE_BREAKS) + 1


def _line_end(text: str, index: int) -> int:
    """The index of the line break ending the line that holds `index` (the text's end if none)."""
    found = LINE_BREAK.search(text, index)
    return found.start() if found else len(text)


def _next_line(text: str, index: int) -> int:
    """The index where the line after the one that holds `index` starts (the text's end if none)."""
    found = LINE_BREAK.search(text, index)
    return found.end() if found else len(text)

