"""A small LRU of analyses keyed by a hash of the body, the hints and the title.

The reader pane and the folder filter both ask for the same bodies; hashing (blake2b) is far cheaper
than analysing, and keying on content (not path) keeps results right when a file changes. The lock makes
it safe for worker threads; `analyse_article` (in the package) is its only writer.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Sequence

from .model import ActorHint, Analysis

MAX_ENTRIES = 512

_lock = threading.Lock()
_cache: OrderedDict[bytes, Analysis] = OrderedDict()


def cache_key(text: str, hints: Sequence[ActorHint] = (), title: str = "") -> bytes:
    h = hashlib.blake2b(digest_size=16)
    h.update(text.encode("utf-8", "surrogatepass"))
    h.update(b"\x01" + title.encode("utf-8", "surrogatepass"))
    for hint in hints:
        h.update(b"\x00")
        h.update(repr((hint.name, hint.kind, tuple(hint.aliases))).encode("utf-8", "surrogatepass"))
    return h.digest()


def get(key: bytes) -> Analysis | None:
    with _lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
        return hit


def put(key: bytes, result: Analysis) -> None:
    with _lock:
        _cache[key] = result
        _cache.move_to_end(key)
        while len(_cache) > MAX_ENTRIES:
            _cache.popitem(last=False)


def clear_cache() -> None:
    with _lock:
        _cache.clear()


def cache_size() -> int:
    with _lock:
        return len(_cache)
