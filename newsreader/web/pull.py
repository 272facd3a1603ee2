"""Pulling articles in: pages by URL (`add`) and every subscribed feed (`fetch`, the reader's `R`).

One road for the CLI and the reader: `pull_feeds` takes a progress callback and a cancel test, so the
reader runs it in a thread worker and the CLI draws a progress bar from the same calls. Each feed ends
in one `FeedReport` whose `line()` is its summary; a feed that fails never stops the others.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from newsreader.sanitize import clean_line
from newsreader.web import WebUnavailable, require_extra
from newsreader.web.extract import NoArticleText, extract_fragment, extract_page
from newsreader.web.feeds import (
    Entry,
    Feed,
    FeedError,
    FeedsFileError,
    FeedState,
    Subscriptions,
    load_state,
    load_subscriptions,
    parse_feed,
    save_state,
)
from newsreader.web.fetch import Fetcher, FetchError, Limits, check_url
from newsreader.web.write import Draft, normal_url, urls_in_folder, write_article

FULL_CONTENT_CHARS = 500  # feed content (HTML) at least this long is the article; shorter, the page is fetched
FEED_WORKERS = 4

Progress = Callable[[int, int, str], None]  # (feeds done, feeds in all, what is happening)


# ----------------------------------------------------------------------------------- one page


def page_draft(fetcher: Fetcher, url: str, now: dt.datetime) -> Draft:
    """Fetch `url` and extract its article. Raises FetchError or NoArticleText."""
    page = fetcher.get(url)
    found = extract_page(page.body, page.url, page.charset, keep=False)
    return Draft(
        title=found.title or _title_from_url(page.url), body=found.body, url=url, author=found.author,
        date=found.date, source=found.source, fetched=now,
    )


def _title_from_url(url: str) -> str:
    path = urlsplit(url).path.rstrip("/")
    return clean_line(path.rsplit("/", 1)[-1] or urlsplit(url).hostname or url, 200)


@dataclass(slots=True)
class AddResult:
    url: str
    path: Path | None = None
    skipped: Path | None = None  # already in the folder, as this file
    error: str | None = None

    def line(self) -> str:
        url = clean_line(self.url, 200)
        if self.path is not None:
            return f"added {url} → {self.path}"
        if self.skipped is not None:
            return f"skipped {url}: already in the folder ({self.skipped.name})"
        return f"failed {url}: {self.error}"


def add_urls(urls: list[str], folder: Path, fetcher: Fetcher, report: Callable[[AddResult], None]) -> list[AddResult]:
    """Each URL becomes a new article file in `folder`, unless it is already there."""
    known = urls_in_folder(folder)
    now = dt.datetime.now(dt.UTC)
    results = []
    for url in urls:
        result = AddResult(url)
        try:
            check_url(url)
            existing = known.get(normal_url(url))
            if existing is not None:
                result.skipped = existing
            else:
                result.path = write_article(folder, page_draft(fetcher, url, now))
                known[normal_url(url)] = result.path
        except (FetchError, NoArticleText) as exc:
            result.error = str(exc)
        except OSError as exc:
            result.error = f"cannot write into {folder}: {exc.strerror or exc}"
        report(result)
        results.append(result)
    return results


# ---------------------------------------------------------------------------------------- feeds


@dataclass(slots=True)
class FeedReport:
    """How one feed went: files written, entries already had, entries that failed (and why)."""

    feed: Feed
    title: str | None = None
    new: list[Path] = field(default_factory=list)
    known: int = 0
    not_modified: bool = False
    failures: list[str] = field(default_factory=list)  # one reason per entry that failed
    error: str | None = None  # the feed itself failed
    problem: str | None = None  # the feed's XML was broken, but entries could be read from it

    @property
    def ok(self) -> bool:
        return self.error is None and not self.failures

    def line(self) -> str:
        name = clean_line(self.title or self.feed.title or self.feed.url, 60)
        if self.error:
            return f"{name}: failed: {self.error}"
        if self.not_modified:
            return f"{name}: 0 new (not modified since the last fetch)"
        text = f"{name}: {len(self.new)} new, {self.known} already fetched"
        if self.failures:
            text += f", {len(self.failures)} failed ({self.failures[0]}"
            text += f"; and {len(self.failures) - 1} more)" if len(self.failures) > 1 else ")"
        if self.problem:
            text += f"; broken XML: {self.problem}"
        return text


class _Folders:
    """The URLs already in each folder, looked up once per run and shared by the feed workers."""

    def __init__(self) -> None:
        self._urls: dict[Path, dict[str, Path]] = {}
        self._lock = threading.Lock()

    def has(self, folder: Path, url: str | None) -> bool:
        with self._lock:
            urls = self._urls.get(folder)
            if urls is None:
                urls = self._urls[folder] = urls_in_folder(folder)
            return url is not None and normal_url(url) in urls

    def add(self, folder: Path, url: str | None, path: Path) -> None:
        with self._lock:
            if url is not None:
                self._urls.setdefault(folder, {})[normal_url(url)] = path


def entry_draft(fetcher: Fetcher, entry: Entry, now: dt.datetime) -> Draft:
    """The entry's own content when the feed carries the full article, else its page, extracted."""
    found = None
    if entry.content and len(entry.content) >= FULL_CONTENT_CHARS:
        try:
            found = extract_fragment(entry.content, entry.link)
        except NoArticleText:
            found = None
    if found is None:
        if entry.link is None:
            if not entry.summary:
                raise FetchError("no link and no content")
            found = extract_fragment(entry.summary, None)
        else:
            page = fetcher.get(entry.link)
            found = extract_page(page.body, page.url, page.charset, keep=False)
    return Draft(
        title=entry.title or found.title or "(untitled)", body=found.body, url=entry.link,
        author=entry.author or found.author, date=entry.date or found.date, source=found.source, fetched=now,
    )


def pull_feed(feed: Feed, state: FeedState, fetcher: Fetcher, folders: _Folders,
              cancelled: Callable[[], bool] = lambda: False) -> FeedReport:
    """Fetch one feed (conditionally) and write its new entries; `state` is updated in place."""
    report = FeedReport(feed, title=state.title)
    now = dt.datetime.now(dt.UTC)
    try:
        page = fetcher.get(feed.url, etag=state.etag, last_modified=state.modified)
        if page.not_modified:
            report.not_modified = True
            return report
        parsed = parse_feed(page)
    except (FetchError, FeedError) as exc:
        report.error = str(exc)
        return report
    report.title = state.title = parsed.title or state.title
    report.problem = parsed.problem
    for entry in parsed.entries:
        if cancelled():
            break
        if entry.id in state.seen or folders.has(feed.folder, entry.link):
            report.known += 1
            state.remember(entry.id)
            continue
        try:
            path = write_article(feed.folder, entry_draft(fetcher, entry, now))
        except (FetchError, NoArticleText) as exc:
            what = clean_line(entry.title or entry.link or "an entry without title or link", 50)
            report.failures.append(f"{what}: {exc}")
            continue
        except OSError as exc:
            report.error = f"cannot write into {feed.folder}: {exc.strerror or exc}"
            break
        report.new.append(path)
        state.remember(entry.id)
        folders.add(feed.folder, entry.link, path)
    if not report.failures and report.error is None and not cancelled():
        # only a feed read in full may be skipped next time because the server says it did not change
        state.etag, state.modified = page.etag, page.last_modified
    state.checked = now.replace(microsecond=0).isoformat()
    return report


def pull_feeds(
    subs: Subscriptions | None = None,
    *,
    limits: Limits | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    state_file: Path | None = None,
) -> list[FeedReport]:
    """Fetch every subscribed feed (a few at a time) and save what was learnt. Raises FeedsFileError.

    `progress(done, total, line)` is called from this thread after each feed (`line` is its summary).
    """
    require_extra()
    subs = subs if subs is not None else load_subscriptions()
    states = load_state(state_file)
    folders = _Folders()
    total = len(subs.feeds)
    stop = threading.Event()  # set on Ctrl-C: the workers finish the file they are writing, then stop

    def stopped() -> bool:
        return stop.is_set() or cancelled()

    if progress:
        progress(0, total, "")
    try:
        with Fetcher(limits) as fetcher, ThreadPoolExecutor(max_workers=max(1, min(FEED_WORKERS, total))) as pool:
            futures = {
                pool.submit(_pull_safely, feed, states.setdefault(feed.url, FeedState()), fetcher, folders, stopped): i
                for i, feed in enumerate(subs.feeds)
            }
            done: dict[int, FeedReport] = {}
            try:
                for future in as_completed(futures):
                    done[futures[future]] = report = future.result()
                    if progress:
                        progress(len(done), total, report.line())
            except BaseException:
                stop.set()
                raise
        return [done[i] for i in range(total)]
    finally:
        # Also after Ctrl-C: the entries written are remembered. Losing the ETags only costs a full fetch next
        # time (entries are also matched by URL).
        with contextlib.suppress(OSError):
            save_state(states, state_file)


def _pull_safely(feed: Feed, state: FeedState, fetcher: Fetcher, folders: _Folders,
                 cancelled: Callable[[], bool]) -> FeedReport:
    """`pull_feed`, with anything unforeseen (a library's own bug on odd input) as the feed's one line."""
    try:
        return pull_feed(feed, state, fetcher, folders, cancelled)
    except Exception as exc:  # one feed must never stop the others
        return FeedReport(feed, error=f"unexpected error ({type(exc).__name__}: {clean_line(str(exc), 120)})")


def summary(reports: list[FeedReport]) -> str:
    """One line for the whole run: what the CLI prints last and the reader shows when a fetch ends."""
    new = sum(len(r.new) for r in reports)
    failed = sum(1 for r in reports if not r.ok)
    text = f"{new} new article{'s' if new != 1 else ''} from {len(reports)} feed{'s' if len(reports) != 1 else ''}"
    return text + (f"; {failed} with failures" if failed else "")


def fetch_for_reader(progress: Progress | None = None, cancelled: Callable[[], bool] = lambda: False) -> str:
    """The reader's `R` key and `refresh_minutes` timer, in a thread worker: fetch everything, never raise,
    return the line to show. New files then appear in the list through the folder's live reload."""
    try:
        subs = load_subscriptions()
        if not subs.feeds:
            return "No feeds to fetch: subscribe with `newsreader feeds add URL`."
        return summary(pull_feeds(subs, progress=progress, cancelled=cancelled))
    except (FeedsFileError, WebUnavailable) as exc:
        return clean_line(str(exc), 300)
    except Exception as exc:  # a worker must end in a message, never take the reader down
        return f"Fetch failed: {clean_line(str(exc), 200) or type(exc).__name__}"


def refresh_minutes() -> float | None:
    """How often the reader fetches by itself (`refresh_minutes` in feeds.yaml), or None."""
    try:
        subs = load_subscriptions()
    except FeedsFileError:
        return None
    return subs.refresh_minutes if subs.feeds else None
