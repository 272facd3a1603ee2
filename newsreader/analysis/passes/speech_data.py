"""Closed word lists of the quotation and speaker passes, read once from `data/speech.yaml`.

The rules name a list by its key (`words("relative_pronouns")`), so no word list lives in code.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

_PATH = Path(__file__).resolve().parent.parent / "data" / "speech.yaml"


@functools.cache
def _data() -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(_PATH.read_text(encoding="utf-8"), Loader=loader)
    return data if isinstance(data, dict) else {}


@functools.cache
def words(key: str) -> frozenset[str]:
    """The list under `key` in speech.yaml as a set (an unknown key is an error: a typo must not pass)."""
    return frozenset(str(w) for w in _data()[key])


@functools.cache
def mapping(key: str) -> dict[str, str]:
    """The mapping under `key` in speech.yaml (e.g. pronoun -> gender)."""
    return {str(k): str(v) for k, v in _data()[key].items()}


@functools.cache
def mapping_lists(key: str) -> dict[str, frozenset[str]]:
    """The mapping of word lists under `key` in speech.yaml (e.g. role -> the words naming it)."""
    return {str(k): frozenset(str(w) for w in v) for k, v in _data()[key].items()}
