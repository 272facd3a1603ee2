"""`feeds add` and `feeds remove` edit feeds.yaml as text: they add or take out the lines of their feeds
(their items, in a `[…]` list) and keep everything else the person wrote (comments, order, quoting, blank
lines, the file's mode; a link to the file stays a link). Dumping the parsed YAML instead dropped every
comment.

The lines are placed with the YAML parser's marks (where the `feeds:` list and each feed begin and end) and
written in the list's own style: its indentation, and `{url: …, folder: …}` when its last feed is written
so. Every edit is checked by reading the result back: unless it holds exactly the old subscriptions plus
(or minus) those feeds, the file is left as it was and `FeedsFileError` says what to change by hand.
"""

from __future__ import annotations

import json
import stat
from collections.abc import Callable, Sequence
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

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
Items = tuple[int, int, bool]  # the list's dash column, its feeds' key column, feeds written as {…}


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
    newline = "\r\n" if "\r\n" in text else "\n"
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    found = _feeds_entry(root)
    if found is None:  # no file, only comments, or other settings: a new list at the end
        start = text if not text or text.endswith("\n") else text + newline
        return start + "feeds:" + newline + _lines(feeds, (2, 4, False), newline) + newline
    key, value = found
    if isinstance(value, SequenceNode) and value.value and not value.flow_style:
        last = value.value[-1]
        style = (_dash_column(text, value), value.value[0].start_mark.column, _is_flow(last))
        end = _line_end(text, _end(last))
        return text[:end] + newline + _lines(feeds, style, newline) + text[end:]
    if isinstance(value, SequenceNode) and value.value:  # feeds: [{…}, {…}] (after the last: a trailing comma stays)
        end = value.value[-1].end_mark.index
        json_keys = _json_key(value.value[-1].value[0][0] if isinstance(value.value[-1], MappingNode) else key)
        return text[:end] + "".join(", " + _flow(feed, json_keys) for feed in feeds) + text[end:]
    if isinstance(value, SequenceNode) and _is_flow(root):  # {feeds: []}: block lines can't go in there
        close = value.end_mark.index - 1
        return text[:close] + ", ".join(_flow(feed, _json_key(key)) for feed in feeds) + text[close:]
    empty = isinstance(value, SequenceNode) or (isinstance(value, ScalarNode) and value.tag == NULL_TAG)
    if empty:  # `feeds: []`, `feeds:`: the list goes on the lines below
        text = text[: value.start_mark.index] + text[value.end_mark.index:]
        end = _line_end(text, key.end_mark.index)
        return text[:end] + newline + _lines(feeds, (2, 4, False), newline) + text[end:]
    return text  # (the check refuses: nothing was added)


def _dash_column(text: str, items: SequenceNode) -> int:
    """The column of the list's dashes: where the list starts, unless that is its tag or anchor
    (`feeds: !!seq`); then the dash before its first item."""
    if text.startswith("-", items.start_mark.index):
        return items.start_mark.column
    dash = text.rfind("-", 0, items.value[0].start_mark.index)
    return dash - (text.rfind("\n", 0, dash) + 1)


def _lines(feeds: Sequence[Feed], style: Items, newline: str) -> str:
    dash, key, flow = style
    key = max(key, dash + 2)
    lines = []
    for feed in feeds:
        if flow:
            lines.append(" " * dash + "- " + _flow(feed))
            continue
        fields = _fields(feed)
        lines.append(" " * dash + "-" + " " * (key - dash - 1) + f"{fields[0][0]}: {_scalar(fields[0][1])}")
        lines += [" " * key + f"{name}: {_scalar(value)}" for name, value in fields[1:]]
    return newline.join(lines)


def block(feeds: Sequence[Feed]) -> str:
    """`feeds` as the lines of a `feeds:` list (for a person to add by hand)."""
    return _lines(feeds, (2, 4, False), "\n")


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
    """`text` without the lines of feed `index` (from its `-` to the end of its last value), or without its
    item in a `[…]` list."""
    found = _feeds_entry(yaml.compose(text, Loader=yaml.SafeLoader))
    value = found[1] if found is not None else None
    if not isinstance(value, SequenceNode) or not 0 <= index < len(value.value):
        raise FeedsFileError(f"{path}: its feeds are not a list, so it is not changed; edit it by hand")
    if value.flow_style:
        return _removed_from_flow(text, value.value, index)
    item = value.value[index]
    start = text.rfind("\n", 0, item.start_mark.index) + 1
    if text[start:item.start_mark.index].strip() != "-":  # the feed does not start on its dash's line
        raise FeedsFileError(f"{path}: feed {index + 1} is not written `- url: …`, so it is not changed; "
                             "edit it by hand")
    after = text.find("\n", _end(item))
    return text[:start] + (text[after + 1:] if after >= 0 else "")


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


def _line_end(text: str, index: int) -> int:
    """The index of the line break ending the line that holds `index` (the text's end if none)."""
    end = text.find("\n", index)
    if end < 0:
        return len(text)
    return end - 1 if end > 0 and text[end - 1] == "\r" else end

