"""Choices made in the app (theme from the palette, sort, list width), remembered between runs.

A small JSON object in the XDG state directory (`<state dir>/newsreader/preferences.json`, beside the
read marks), written atomically. The config file wins where it sets the same thing
(`Config.with_preferences`): the file says what the user decided, this file what they last picked.

Nothing here raises: an unreadable or damaged file is no remembered choices, and a failed save returns
a one-line reason for the UI to show.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsreader.cache_paths import state_dir
from newsreader.config import REMEMBERED, Config
from newsreader.regular_files import read_regular

PREFERENCES_FILE = "preferences.json"
MAX_PREFERENCES_BYTES = 64 * 1024


def default_preferences_path() -> Path:
    """`<XDG state dir>/newsreader/preferences.json`."""
    return state_dir() / PREFERENCES_FILE  # beside the read state (`state.default_state_path`)


def load_preferences(path: Path | None = None) -> dict[str, Any]:
    """The remembered choices ({"theme": "nord", …}); only the names in `REMEMBERED`, values unchecked
    (`Config.with_preferences` checks them). Empty when there is no file or it cannot be read."""
    path = default_preferences_path() if path is None else path
    try:
        raw, _stat = read_regular(path, MAX_PREFERENCES_BYTES)
        data = json.loads(raw.decode("utf-8")) if len(raw) <= MAX_PREFERENCES_BYTES else None
    except (OSError, ValueError, RecursionError):  # NotRegularFile and UnicodeDecodeError are ValueErrors
        return {}
    if not isinstance(data, dict):
        return {}
    return {name: data[name] for name in REMEMBERED if name in data}


def remember(choices: dict[str, Any], path: Path | None = None) -> str | None:
    """Merge `choices` (names from `REMEMBERED`) into the file as it is now and write it atomically, under
    the file's lock (`state.FileLock`), so two readers choosing at the same moment keep each other's choice.

    Returns None on success, else a one-line reason."""
    unknown = set(choices) - set(REMEMBERED)
    if unknown:
        raise ValueError(f"not a remembered choice: {', '.join(sorted(unknown))}")
    from newsreader.state import FileLock, atomic_write  # (the read state's module: not needed to read this file)

    path = default_preferences_path() if path is None else path
    try:
        with FileLock(path, busy="another newsreader is saving its choices; not remembered this time"):
            merged = {**load_preferences(path), **choices}
            atomic_write(path, json.dumps(merged, sort_keys=True, indent=1).encode("utf-8"))
    except OSError as exc:
        return f"could not remember the choice in {path}: {exc.strerror or exc}"
    return None


def effective_config(config: Config, path: Path | None = None) -> Config:
    """`config` with the remembered choices filled in where the file does not set them."""
    return config.with_preferences(load_preferences(path))
