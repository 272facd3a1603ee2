"""The reader says when it made the folder's index again (another engine or schema), not only the CLI."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from newsreader.cache_paths import index_path_for
from newsreader.session import Session
from tests.conftest import until, write_article


@pytest.mark.parametrize("pragma, notice", [
    ("application_id=777", "The index's analyses were made by another version of the analysis engine: rebuilt."),
    ("user_version=1", "The index was from another version of newsreader: rebuilt."),
])
async def test_a_rebuilt_index_is_announced(tmp_path: Path, make: Any, pragma: str, notice: str) -> None:
    folder = tmp_path / "news"
    for i in range(3):
        write_article(folder, f"{i}.txt", f"Story {i}", f"Body {i}.", date=f"2020-01-0{i + 1}")
    session = Session(folder)
    session.refresh()
    session.close()
    conn = sqlite3.connect(index_path_for(folder))
    conn.execute(f"PRAGMA {pragma}")  # as if an older newsreader had made it
    conn.commit()
    conn.close()
    app: Any = make(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: len(app.article_list.articles) == 3, "the folder to be listed again")
        assert notice in [str(n.message) for n in app._notifications]
