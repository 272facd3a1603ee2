"""The open folder itself moved or deleted while the reader runs: the next rescan lists what is there, the
folder's one error line, not its old files as if they were still readable; moved back, it lists them again."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.session import Session
from tests.conftest import write_article


def folder_of(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    for i in range(3):
        write_article(folder, f"{i}.txt", f"Story {i}", f"Body {i}.", date="2020-01-01")
    return folder


@pytest.mark.parametrize("use_index", [False, True])
def test_a_folder_moved_away_lists_only_its_error_and_comes_back(tmp_path: Path, use_index: bool) -> None:
    folder = folder_of(tmp_path)
    session = Session(folder, use_index=use_index)
    session.refresh()
    assert sorted(a.title for a in session.articles) == ["Story 0", "Story 1", "Story 2"]

    folder.rename(tmp_path / "moved")
    changes = session.refresh()
    assert [(a.path, a.error is not None) for a in session.articles] == [(folder, True)]
    assert "No such file or directory" in (session.articles[0].error or "")
    assert len(changes.removed) == 3

    (tmp_path / "moved").rename(folder)
    session.refresh()
    assert sorted(a.title for a in session.articles) == ["Story 0", "Story 1", "Story 2"]
    assert not session.errors


def test_a_single_article_deleted_is_its_own_error(tmp_path: Path) -> None:
    folder = folder_of(tmp_path)
    session = Session(folder / "1.txt", use_index=False)
    session.refresh()
    assert [a.title for a in session.articles] == ["Story 1"]
    (folder / "1.txt").unlink()
    session.refresh()
    assert [(a.path.name, a.error is not None) for a in session.articles] == [("1.txt", True)]
