"""Content keys: an article's identity by what it says, not where it is filed.

A key is 16 hex digits of sha1(title + "\\n" + body digest), so a renamed or moved file keeps its read mark
(`state.ReadState`). The body digest is the one the folder index already stores (`articles.body_hash`),
so entries listed from the index can be keyed without their bodies. Kept apart from the read-state store
so that the index and the list can key entries without loading that store before the first frame.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import Protocol

KEY_LENGTH = 16


class HasContent(Protocol):
    """What `content_key` needs of an article (an `articles.Article` fits)."""

    title: str
    body: str


def body_digest(body: str) -> str:
    """blake2b-96 of the body, hex: the same digest as `index.body_hash`, which the folder index stores
    for every article, so list entries loaded from the index (no body) can be keyed without reading files."""
    from newsreader.articles import body_hash

    return body_hash(body)


def content_key(article: HasContent, body_hash: str | None = None) -> str:
    """A short, stable identity for an article's content: 16 hex digits of
    sha1(title + "\\n" + body digest). The same text under another file name has the same key.

    `body_hash` is `body_digest(article.body)` when already known (the index stores it); pass it for a
    list entry whose body is not loaded. An article object with a `body_hash` attribute (not None) is
    keyed by that attribute.
    """
    if body_hash is None:
        stored = getattr(article, "content_key", None)  # a list entry from the index keeps its own (`IndexEntry`)
        if stored is not None:
            return stored
    digest = body_hash if body_hash is not None else getattr(article, "body_hash", None)
    if digest is None:
        digest = _body_digest_cached(article.body)
    return key_from_digest(article.title, digest)


@lru_cache(maxsize=16384)
def _body_digest_cached(body: str) -> str:
    # str hashes are cached on the object, so looking up the same body again costs a dict probe
    return body_digest(body)


@lru_cache(maxsize=16384)
def key_from_digest(title: str, digest: str) -> str:
    """The content key of an article with this title and body digest."""
    return make_key(title, digest)


def key_number(key: str) -> int:
    """A content key (16 hex digits) as a number, 0 when it is not one: a set of 100,000 of them takes a
    third less memory than of the strings (a key of sixteen zeros, one in 2**64, is taken for none)."""
    try:
        number = int(key, 16)
    except ValueError:
        return 0
    return number if len(key) == KEY_LENGTH and number >= 0 else 0


def make_key(title: str, digest: str) -> str:
    """`key_from_digest` without its cache: for keys kept elsewhere (`index.IndexEntry` keeps its own, and
    100,000 of them would only push the cache's useful ones out)."""
    data = f"{title}\n{digest}".encode("utf-8", "surrogatepass")
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()[:KEY_LENGTH]
