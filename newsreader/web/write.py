"""New article files: `<date>-<slug>.md` with front matter, written atomically, never over another file.

The only writes newsreader ever makes into an article folder go through `write_article`: the text goes
to a hidden temporary file in the folder (the scanner skips hidden files, so live reload never sees it),
is flushed to disk, then hard-linked to its final name, which fails rather than replace an existing
file; the next free name (`-2`, `-3` …) is taken instead. A crash leaves at most a hidden temporary
file, never a partial article.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urldefrag

import yaml

from newsreader.articles import (
    MARKDOWN_SUFFIXES,
    MAX_META_CHARS,
    TEXT_SUFFIXES,
    parse_front_matter,
    split_front_matter,
)
from newsreader.library import iter_article_files
from newsreader.sanitize import clean_line, clean_text

SLUG_CHARS = 60
MAX_NAME_TRIES = 1000
HEAD_BYTES = 16 * 1024  # front matter is looked for this far into a file


@dataclass(slots=True)
class Draft:
    """An article about to be written."""

    title: str
    body: str  # Markdown
    url: str | None = None
    author: str | None = None
    date: str | None = None  # ISO date when known
    source: str | None = None
    fetched: dt.datetime | None = None

    def text(self) -> str:
        """The file's content: YAML front matter, a blank line, the body. Control characters and escape
        sequences from the page are left out, so even `cat` on the file is safe in a terminal."""
        fetched = self.fetched or dt.datetime.now(dt.UTC)
        meta = {
            "title": self.title,
            "author": self.author,
            "date": self.date,
            "source": self.source,
            "url": self.url,
            "fetched": fetched.replace(microsecond=0).isoformat(),
        }
        clean = {k: clean_line(v, MAX_META_CHARS) for k, v in meta.items() if v and clean_line(v)}
        front = yaml.safe_dump(clean, allow_unicode=True, sort_keys=False, width=10_000)
        return f"---\n{front}---\n\n{clean_text(self.body).strip()}\n"

    def file_stem(self) -> str:
        """`<date>-<slug>`: the article's date, else the day it was fetched."""
        day = (self.date or "")[:10]
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", day):
            day = (self.fetched or dt.datetime.now(dt.UTC)).date().isoformat()
        return f"{day}-{slugify(self.title)}"


def slugify(title: str) -> str:
    """Lower-case ASCII words joined by `-`, at most SLUG_CHARS long (cut at a word); "article" if none."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > SLUG_CHARS:
        cut = slug.rfind("-", 0, SLUG_CHARS + 1)
        slug = slug[: cut if cut > 0 else SLUG_CHARS]
    return slug or "article"


def write_article(folder: Path, draft: Draft) -> Path:
    """Write `draft` as a new file in `folder` (created if needed); returns its path. Raises OSError."""
    folder.mkdir(parents=True, exist_ok=True)
    data = draft.text().encode("utf-8")
    fd, tmp = _temporary(folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        stem = draft.file_stem()
        for n in range(1, MAX_NAME_TRIES + 1):
            target = folder / (f"{stem}.md" if n == 1 else f"{stem}-{n}.md")
            if _publish(tmp, target):
                _sync_folder(folder)
                return target
        raise OSError(errno.EEXIST, f"no free file name for {stem}.md")
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _temporary(folder: Path) -> tuple[int, str]:
    """A new hidden file in `folder`, created with the permissions of any new file (umask applies;
    `tempfile.mkstemp` would make it private to its owner)."""
    for _ in range(100):
        path = os.path.join(folder, f".newsreader-{secrets.token_hex(6)}.tmp")
        try:
            return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), path
        except FileExistsError:
            continue
    raise OSError(errno.EEXIST, "no free temporary file name")


def _publish(tmp: str, target: Path) -> bool:
    """Give the finished temporary file its name unless that name is taken; True when done."""
    try:
        os.link(tmp, target)
        return True
    except FileExistsError:
        return False
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
            raise
    # a file system without hard links: rename, after checking (a concurrent writer could still race us)
    if os.path.lexists(target):
        return False
    os.rename(tmp, target)
    return True


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def normal_url(url: str) -> str:
    """A URL as compared for "already in the folder": without its #fragment and surrounding space."""
    return urldefrag(url.strip())[0]


def urls_in_folder(folder: Path) -> dict[str, Path]:
    """The `url:` of every text/Markdown article below `folder` (from the head of each file)."""
    found: dict[str, Path] = {}
    if not folder.is_dir():
        return found
    for path, _stat, error in iter_article_files(folder):
        if error is not None or not path.name.lower().endswith(TEXT_SUFFIXES + MARKDOWN_SUFFIXES):
            continue
        url = _front_matter_url(path)
        if url:
            found.setdefault(normal_url(url), path)
    return found


def _front_matter_url(path: Path) -> str | None:
    try:
        with open(path, "rb") as fh:
            head = fh.read(HEAD_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return None
    block, _rest = split_front_matter(head.replace("\r\n", "\n"))
    if block is None:
        return None
    try:
        meta = parse_front_matter(block)
    except ValueError:
        return None
    url = meta.get("url") if isinstance(meta, dict) else None
    return url if isinstance(url, str) else None
