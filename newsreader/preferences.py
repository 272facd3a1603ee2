"""Choices made in the app (theme from the palette, sort, list width), remembered between runs.

A small JSON object in the XDG state directory (`<state dir>/newsreader/preferences.json`, beside the
read marks), written atomically. (The same file and functions as the config branch's module, which
also lets the config file win over a remembered choice.)

Nothing here raises: an unreadable or damaged file is no remembered choices, and a failed save returns
a one-line reason for the UI to show.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsreader.state import atomic_write, default_state_path

PREFERENCES_FILE = "preferences.json"
REMEMBERED = ("theme", "sort", "list_width")  # the config branch keeps this in newsreader.config
MAX_PREFERENCES_BYTES = 64 * 1024


def default_preferences_path() -> Path:
    """`<XDG state dir>/newsreader/preferences.json`."""
    return default_state_path().with_name(PREFERENCES_FILE)


def load_preferences(path: Path | None = None) -> dict[str, Any]:
    """The remembered choices ({"theme": "nord", …}); only the names in `REMEMBERED`, values unchecked
    (the caller checks them). Empty when there is no file or it cannot be read."""
    path = default_preferences_path() if path is None else path
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_PREFERENCES_BYTES + 1)
        data = json.loads(raw.decode("utf-8")) if len(raw) <= MAX_PREFERENCES_BYTES else None
    except (OSError, ValueError, UnicodeDecodeError, RecursionError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {name: data[name] for name in REMEMBERED if name in data}


def remember(choices: dict[str, Any], path: Path | None = None) -> str | None:
    """Merge `choices` (names from `REMEMBERED`) into the file and write it atomically.

    Returns None on success, else a one-line reason."""
    unknown = set(choices) - set(REMEMBERED)
    if unknown:
        raise ValueError(f"not a remembered choice: {', '.join(sorted(unknown))}")
    path = default_preferences_path() if path is None else path
    merged = {**load_preferences(path), **choices}
    try:
        atomic_write(path, json.dumps(merged, sort_keys=True, indent=1).encode("utf-8"))
    except OSError as exc:
        return f"could not remember the choice in {path}: {exc.strerror or exc}"
    return None

