"""Fixtures for the hostile-input suite (imported by tests/*/test_hostile*.py; tests/conftest.py is not touched).

The hostile folder, with its 50 MB article, is generated once per test session (once per xdist worker)
under pytest's temporary directory, never committed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.hostile import CASES, Case, build_hostile_folder, write_vanishing_folder

if TYPE_CHECKING:
    from newsreader.session import Session


@dataclass(frozen=True)
class HostileFolder:
    root: Path
    shows: dict[str, str]  # case name -> what the user should see

    def path(self, case: Case) -> Path:
        assert case.path is not None
        return self.root / case.path

    @property
    def file_cases(self) -> list[Case]:
        return [c for c in CASES if c.path is not None and c.name in self.shows]


@pytest.fixture(scope="session")
def hostile_folder(tmp_path_factory: pytest.TempPathFactory) -> HostileFolder:
    root = tmp_path_factory.mktemp("hostile") / "news"
    shows = build_hostile_folder(root, big=True)
    return HostileFolder(root, shows)


@pytest.fixture(scope="session")
def hostile_library(hostile_folder: HostileFolder) -> Session:
    """The hostile folder scanned once (the scan itself is asserted on in the tests)."""
    from newsreader.session import load_folder

    return load_folder(hostile_folder.root)


@pytest.fixture
def vanishing_folder(tmp_path: Path) -> Path:
    return write_vanishing_folder(tmp_path / "vanishing")


def article_paths_on_disk(root: Path) -> set[str]:
    """Every name the reader must list: article-suffixed entries that are not folders (links not followed)."""
    from newsreader.articles import ARTICLE_SUFFIXES
    from newsreader.library import FOLDER_CONFIG

    found: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES) and name != FOLDER_CONFIG:
                found.add(os.path.join(dirpath, name))
    return found
