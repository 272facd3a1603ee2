"""The `add`, `feeds` and `fetch` subcommands: arguments, one line per page or feed, exit statuses.

Exit status: 0 when every page/feed went through (nothing new is fine), 1 when at least one failed (the
others are still done), 2 for a usage problem (bad arguments, an unusable feeds.yaml or OPML file),
3 when the `web` extra is not installed. This module imports only the standard library at load time:
the CLI builds its parsers from it even without the extra.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from newsreader.cli import DEFAULT_FOLDER, path_argument
from newsreader.sanitize import clean_line
from newsreader.web import WebUnavailable, require_extra
from newsreader.web.fetch import Limits

if TYPE_CHECKING:  # for annotations only: the feeds module and Rich load when a command needs them
    from rich.progress import Progress, TaskID

    from newsreader.web.feeds import Feed, Subscriptions

COMMANDS = ("add", "feeds", "fetch")
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_NO_EXTRA = 0, 1, 2, 3
LIMITS = Limits()  # what one fetch may cost (tests shrink it)


def configure(name: str, parser: argparse.ArgumentParser) -> None:
    """Add the arguments of subcommand `name` to `parser`."""
    folder_help = f"the folder to write articles into (default: ./{DEFAULT_FOLDER})"
    if name == "add":
        parser.description = "Fetch web pages and save each one's article as a new file in the folder."
        parser.add_argument("urls", nargs="+", metavar="URL", help="http or https address of a page")
        parser.add_argument("--folder", metavar="DIR", type=path_argument, help=folder_help)
    elif name == "feeds":
        parser.description = "Subscriptions, kept in $XDG_CONFIG_HOME/newsreader/feeds.yaml."
        actions = parser.add_subparsers(dest="action", required=True, metavar="add|list|remove|export")
        add = actions.add_parser("add", help="subscribe to a feed URL, or every feed in an OPML file")
        add.add_argument("source", metavar="URL|FILE.opml")
        add.add_argument("--folder", metavar="DIR", type=path_argument,
                         help=f"the folder its articles go to (default: ./{DEFAULT_FOLDER})")
        actions.add_parser("list", help="the feeds and their folders")
        remove = actions.add_parser("remove", help="unsubscribe (articles already fetched stay)")
        remove.add_argument("feed", metavar="URL|NUMBER", help="the feed's URL or its number in `feeds list`")
        actions.add_parser("export", help="print the subscriptions as OPML")
    elif name == "fetch":
        parser.description = ("Fetch every subscribed feed; each new entry becomes an article file in the feed's "
                              "folder. Exit status 0: all went through; 1: some feed or entry failed.")


def run(name: str, args: argparse.Namespace) -> int:
    try:
        if name == "feeds" and args.action in ("list", "remove", "export"):
            return _feeds_offline(args)  # these need no network library
        require_extra()
        return {"add": _add, "feeds": _feeds_add, "fetch": _fetch}[name](args)
    except WebUnavailable as exc:
        _err(str(exc))
        return EXIT_NO_EXTRA
    except _Usage as exc:
        _err(str(exc))
        return EXIT_USAGE


class _Usage(Exception):
    pass


def _err(message: str) -> None:
    print(f"newsreader: {clean_line(message, 500)}", file=sys.stderr)


def _folder(text: str | None) -> Path:
    """The folder articles go to, absolute (a feed keeps filling it wherever `fetch` is run from)."""
    folder = Path(text or DEFAULT_FOLDER).expanduser().absolute()
    if folder.exists() and not folder.is_dir():
        raise _Usage(f"not a folder: {folder}")
    return folder


def _subscriptions() -> Subscriptions:
    from newsreader.web.feeds import FeedsFileError, load_subscriptions

    try:
        return load_subscriptions()
    except FeedsFileError as exc:
        raise _Usage(str(exc)) from None


# -------------------------------------------------------------------------------------------- add


def _add(args: argparse.Namespace) -> int:
    from newsreader.web.fetch import Fetcher
    from newsreader.web.pull import add_urls

    folder = _folder(args.folder)
    with Fetcher(LIMITS) as fetcher:
        results = add_urls(args.urls, folder, fetcher, lambda r: print(r.line(), flush=True))
    return EXIT_FAILED if any(r.error for r in results) else EXIT_OK


# ------------------------------------------------------------------------------------------ feeds


def _feeds_add(args: argparse.Namespace) -> int:
    from newsreader.web.feeds import Feed, FeedsFileError, read_opml
    from newsreader.web.feeds_file import add_feeds, block
    from newsreader.web.fetch import FetchError, check_url

    subs = _subscriptions()
    folder = _folder(args.folder)
    source = args.source
    if source.lower().endswith(".opml") or (Path(source).is_file() and "://" not in source):
        try:
            candidates = read_opml(Path(source))
        except FeedsFileError as exc:
            raise _Usage(str(exc)) from None
        if not candidates:
            raise _Usage(f"{source}: no feeds (no <outline xmlUrl=…>) in it")
    else:
        candidates = [(source, None)]
    failed = False
    added: list[Feed] = []
    for url, title in candidates:
        try:
            check_url(url)
        except FetchError as exc:
            print(f"not added: {exc}")
            failed = True
            continue
        if subs.find(url) is not None or any(feed.url == url for feed in added):
            print(f"already subscribed: {clean_line(url, 200)}")
            continue
        added.append(Feed(url, folder, clean_line(title, 200) if title else None))
    if added:
        _change_feeds_file(lambda: add_feeds(added), by_hand=block(added))
    for feed in added:
        print(f"subscribed: {clean_line(feed.url, 200)} → {folder}")
    return EXIT_FAILED if failed else EXIT_OK


def _change_feeds_file(change: Callable[[], object], by_hand: str | None = None) -> None:
    """Run an edit of feeds.yaml (`feeds_file`); a refusal or an OS error is the command's one message,
    after which come the lines to write by hand (on stderr, as they are)."""
    from newsreader.web.feeds import FeedsFileError

    try:
        change()
    except FeedsFileError as exc:
        if by_hand:
            _err(str(exc))
            print(by_hand, file=sys.stderr)
            raise _Usage("feeds.yaml not changed") from None
        raise _Usage(str(exc)) from None
    except OSError as exc:
        raise _Usage(f"cannot write the feeds file: {exc.strerror or exc}") from None


def _feeds_offline(args: argparse.Namespace) -> int:
    from newsreader.web.feeds import config_path, load_state, opml_text
    from newsreader.web.feeds_file import remove_feed

    subs = _subscriptions()
    if args.action == "export":
        sys.stdout.write(opml_text(subs, load_state()))
        return EXIT_OK
    if args.action == "list":
        states = load_state()
        if not subs.feeds:
            print(f"no feeds yet ({config_path()}): `newsreader feeds add URL`")
        for number, feed in enumerate(subs.feeds, 1):
            state = states.get(feed.url)
            title = feed.title or (state.title if state else None) or "(not fetched yet)"
            print(f"{number:>3}  {clean_line(title, 60)}\n     {clean_line(feed.url, 200)}\n     → {feed.folder}")
        return EXIT_OK
    feed = _pick(subs.feeds, args.feed)
    _change_feeds_file(lambda: remove_feed(feed.url))
    print(f"unsubscribed: {clean_line(feed.url, 200)} (its articles stay in {feed.folder})")
    return EXIT_OK


def _pick(feeds: list[Feed], key: str) -> Feed:
    if key.isdigit() and 1 <= int(key) <= len(feeds):
        return feeds[int(key) - 1]
    for feed in feeds:
        if feed.url == key:
            return feed
    raise _Usage(f"no such feed: {clean_line(key, 200)} (see `newsreader feeds list`)")


# ------------------------------------------------------------------------------------------ fetch


def _fetch(_args: argparse.Namespace) -> int:
    from newsreader.web.pull import pull_feeds, summary

    subs = _subscriptions()
    if not subs.feeds:
        raise _Usage("no feeds to fetch: subscribe with `newsreader feeds add URL`")
    with _progress_bar(len(subs.feeds)) as progress:
        reports = pull_feeds(subs, limits=LIMITS, progress=progress)
    for report in reports:
        print(report.line())
    print(summary(reports))
    return EXIT_OK if all(r.ok for r in reports) else EXIT_FAILED


class _progress_bar:  # lower case: used as a context manager, like a function
    """A progress bar on stderr when it is a terminal; nothing otherwise (output stays pipeable)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> Callable[[int, int, str], None]:
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            progress = Progress(TextColumn("fetching"), BarColumn(), MofNCompleteColumn(),
                                console=Console(stderr=True), transient=True)
            progress.start()
            self._task = progress.add_task("feeds", total=self.total)
            self._progress = progress
        return self._update

    def _update(self, done: int, total: int, _what: str) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, completed=done, total=total)

    def __exit__(self, *_exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()
