"""A rescan's walk of the folder asks `cancelled` as it goes (the reader's polls pause there while keys
arrive: a walk of 100,000 files is seconds of the interpreter), and a walk cancelled half-way changes
nothing in the list."""

from __future__ import annotations

from pathlib import Path

from newsreader import folder_sync
from newsreader.session import Session
from tests.conftest import write_article

FILES = 600


def folder_of(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    for i in range(FILES):
        write_article(folder, f"{i:04d}.txt", f"Story {i}", f"Body {i}.", date="2020-01-01")
    return folder


def test_a_walk_asks_cancelled_every_step_and_a_cancelled_one_changes_nothing(tmp_path: Path) -> None:
    folder = folder_of(tmp_path)
    session = Session(folder, use_index=False)
    session.refresh()
    assert len(session.articles) == FILES
    asked: list[int] = []
    write_article(folder, "new.txt", "Fresh", "New body.", date="2021-01-01")
    (folder / "0000.txt").unlink()

    def cancelled_half_way() -> bool:
        asked.append(1)
        return len(asked) > 1  # the walk is cancelled at its second look

    changes = session.refresh(cancelled=cancelled_half_way)
    assert len(asked) == 2  # the first look, then one `WALK_STEP` files later: cancelled there
    assert not changes
    titles = {a.title for a in session.articles}
    assert len(titles) == FILES and "Fresh" not in titles and "Story 0" in titles  # nothing gone, nothing new
    asked.clear()
    session.refresh(cancelled=lambda: asked.append(1) or False)
    assert len(asked) >= FILES // folder_sync.WALK_STEP  # asked all along the walk
    titles = {a.title for a in session.articles}
    assert "Fresh" in titles and "Story 0" not in titles
