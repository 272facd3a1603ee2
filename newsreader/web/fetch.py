"""One HTTP client for pages and feeds: http/https only, timeouts, a size cap, few redirects, conditional GET.

Everything a server sends is hostile data. Redirects are followed by hand so every hop is checked (a
redirect to `file://` is refused like a link to it); compressed bodies are inflated here, in bounded
steps, so a gzip bomb stops at the size cap instead of filling memory; a server that trickles bytes is
cut off by a whole-response deadline, not just the per-read timeout. Every failure is a `FetchError`
whose message is one line a person can act on.
"""

from __future__ import annotations

import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from newsreader import __version__
from newsreader.sanitize import clean_line

if TYPE_CHECKING:  # the web extra is imported only when a fetch runs
    import httpx

USER_AGENT = f"newsreader/{__version__} (terminal news reader; feed fetcher)"
ALLOWED_SCHEMES = ("http", "https")
CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """How much one fetch may cost. Tests shrink these; the defaults suit real sites."""

    timeout: float = 20.0  # seconds to connect, and between two reads
    deadline: float = 60.0  # seconds for a whole response, however slowly it trickles
    max_bytes: int = 10 * 1024 * 1024  # of the decoded body
    max_redirects: int = 5
    per_host: int = 2  # requests in flight to one host at a time


class FetchError(Exception):
    """A page or feed could not be fetched; `str()` is the one-line reason."""


@dataclass(slots=True)
class Page:
    """A successful response (or a 304 when `not_modified`)."""

    url: str  # after redirects: relative links resolve against it
    status: int
    body: bytes = b""
    content_type: str = ""
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


def check_url(url: str) -> str:
    """`url` when it is an absolute http(s) URL with a host; else `FetchError` saying why not."""
    url = url.strip()
    if any(ord(c) < 32 or ord(c) == 127 for c in url):  # httpx refuses them with its own exception (a space it encodes)
        raise FetchError(f"not a valid URL (control characters in it): {clean_line(url, 120)}")
    try:
        parts = urlsplit(url)
    except ValueError:
        raise FetchError(f"not a URL: {clean_line(url, 120)}") from None
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        shown = f"{scheme}:" if scheme else "a link without http:// or https://"
        raise FetchError(f"refused {shown} only http and https links are fetched ({clean_line(url, 120)})")
    if not parts.hostname:
        raise FetchError(f"no host in {clean_line(url, 120)}")
    return url


@dataclass
class _HostSlots:
    """At most `limit` requests in flight per host, across threads."""

    limit: int
    _slots: dict[str, threading.BoundedSemaphore] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @contextmanager
    def hold(self, host: str) -> Iterator[None]:
        with self._lock:
            slot = self._slots.setdefault(host, threading.BoundedSemaphore(self.limit))
        with slot:
            yield


class _Inflater:
    """Decodes a Content-Encoding in bounded steps: never more than `room` bytes out of one call."""

    def __init__(self, encoding: str) -> None:
        encoding = encoding.strip().lower()
        if encoding in ("", "identity"):
            self._zlib = None
        elif encoding in ("gzip", "x-gzip", "deflate"):
            self._zlib = zlib.decompressobj(32 + zlib.MAX_WBITS)  # gzip or zlib header, detected
        else:
            raise FetchError(f"the server used an encoding newsreader did not ask for ({clean_line(encoding, 40)})")

    def feed(self, data: bytes, room: int) -> Iterator[bytes]:
        """The decoded bytes of `data`, in pieces; stops early (yielding > room bytes) at the cap."""
        if self._zlib is None:
            yield data
            return
        buf = data
        while buf and not self._zlib.eof:
            try:
                out = self._zlib.decompress(buf, room + 1)
            except zlib.error:
                raise FetchError("the server sent a corrupt compressed body") from None
            yield out
            room -= len(out)
            if room < 0:
                return
            buf = self._zlib.unconsumed_tail


class Fetcher:
    """An httpx client with the limits above; thread-safe (one per `fetch` run, shared by its workers)."""

    def __init__(self, limits: Limits | None = None) -> None:
        import httpx

        self.limits = limits or Limits()
        self._httpx = httpx
        self._client = httpx.Client(
            timeout=httpx.Timeout(self.limits.timeout),
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
        )
        self._hosts = _HostSlots(self.limits.per_host)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Page:
        """GET `url`, following up to `max_redirects` checked redirects. Raises `FetchError`."""
        url = check_url(url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        seen = {url}
        for _hop in range(self.limits.max_redirects + 1):
            host = urlsplit(url).hostname or ""
            with self._hosts.hold(host):
                result = self._get_once(url, headers)
            if isinstance(result, Page):
                return result
            target = urljoin(url, result)
            try:
                check_url(target)
            except FetchError as exc:
                raise FetchError(f"redirected to a link that is not fetched: {exc}") from None
            if target in seen:
                raise FetchError(f"redirect loop ({clean_line(target, 120)} again)")
            seen.add(target)
            url = target
        raise FetchError(f"too many redirects (more than {self.limits.max_redirects})")

    def _get_once(self, url: str, headers: dict[str, str]) -> Page | str:
        """One request: a `Page`, or the Location of a redirect."""
        httpx = self._httpx
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304:
                    return Page(str(response.url), 304, not_modified=True,
                                etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"))
                if response.has_redirect_location:
                    return response.headers["location"]
                if response.status_code >= 400:
                    reason = clean_line(response.reason_phrase or "", 60)
                    raise FetchError(f"HTTP {response.status_code}{' ' + reason if reason else ''}")
                body = self._read_body(response)
                return Page(
                    str(response.url), response.status_code, body,
                    content_type=response.headers.get("content-type", "").split(";")[0].strip().lower(),
                    charset=response.charset_encoding,
                    etag=response.headers.get("etag"),
                    last_modified=response.headers.get("last-modified"),
                )
        except httpx.TimeoutException:
            raise FetchError(f"timed out (no answer within {self.limits.timeout:g} s)") from None
        except httpx.ConnectError as exc:
            raise FetchError(f"cannot connect: {clean_line(str(exc), 160) or 'connection refused'}") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"network error: {clean_line(str(exc), 160) or type(exc).__name__}") from None
        except (httpx.InvalidURL, UnicodeError) as exc:  # (no HTTPError) a host IDNA can't encode: "a..b", "xn--"
            raise FetchError(f"not a valid URL: {clean_line(str(exc), 160) or type(exc).__name__}") from None

    def _read_body(self, response: httpx.Response) -> bytes:
        """The decoded body, read in chunks and abandoned as soon as it passes the cap or the deadline."""
        cap = self.limits.max_bytes
        too_big = FetchError(f"larger than the {_size(cap)} size cap: not fetched")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap and not response.headers.get("content-encoding"):
            raise too_big
        inflater = _Inflater(response.headers.get("content-encoding", ""))
        deadline = time.monotonic() + self.limits.deadline
        chunks: list[bytes] = []
        total = 0
        for raw in response.iter_raw(CHUNK):
            for piece in inflater.feed(raw, cap - total):
                total += len(piece)
                if total > cap:
                    raise too_big
                chunks.append(piece)
            if time.monotonic() > deadline:
                raise FetchError(f"too slow: the whole response took longer than {self.limits.deadline:g} s")
        return b"".join(chunks)


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:g} MB" if n >= 1024 * 1024 else f"{n / 1024:g} KB"
