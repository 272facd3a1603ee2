"""Where newsreader keeps its files: a folder's index in $XDG_CACHE_HOME/newsreader/index-NAME-DIGEST.sqlite3,
the reading state and the remembered choices in $XDG_STATE_HOME/newsreader/.

Its own small module (hashlib and platformdirs only) so the reader can ask whether a folder has an
index, and read its remembered choices, before its first paint without importing the index, the read
state and everything they bring.
"""

from __future__ import annotations

import hashlib
from pathlib import Path


def cache_dir() -> Path:
    """$XDG_CACHE_HOME/newsreader (platformdirs honours XDG on Linux)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("newsreader", appauthor=False))


def state_dir() -> Path:
    """$XDG_STATE_HOME/newsreader (e.g. ~/.local/state/newsreader)."""
    from platformdirs import user_state_dir

    return Path(user_state_dir("newsreader"))


def index_path_for(folder: Path) -> Path:
    digest = hashlib.sha1(str(folder.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    name = "".join(c if c.isalnum() else "-" for c in folder.resolve().name)[:40] or "root"
    return cache_dir() / f"index-{name}-{digest}.sqlite3"
