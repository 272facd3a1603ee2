"""`PathColumn`: every path appended reads back as spelled, under the list's and the cast's encodings."""

from __future__ import annotations

import os
import sys

from hypothesis import given
from hypothesis import strategies as st

from newsreader.path_column import PathColumn

PART = st.text(st.characters(blacklist_characters="\0" + os.sep, blacklist_categories=("Cs",)), max_size=12)
ESCAPED = st.sampled_from(["", "\udcff", "caf\udce9"])  # undecodable file-name bytes, as os.fsdecode spells them


@given(st.lists(st.tuples(st.lists(PART, max_size=3), PART, ESCAPED), max_size=30))
def test_paths_read_back_as_appended(specs: list[tuple[list[str], str, str]]) -> None:
    paths = [os.sep.join(["", *folders, name + odd]) for folders, name, odd in specs]
    for encoding, errors in ((sys.getfilesystemencoding(), sys.getfilesystemencodeerrors()),
                             ("utf-8", "surrogatepass")):
        column = PathColumn(encoding, errors)
        for path in paths:
            column.append(path)
        assert len(column) == len(paths)
        assert [column[i] for i in range(len(paths))] == paths


def test_a_folder_is_kept_once() -> None:
    column = PathColumn("utf-8", "surrogatepass")
    for i in range(1000):
        column.append(f"/news/2024/{i}.txt")
    column.append("/other/a.txt")
    assert column._folders == ["/news/2024/", "/other/"]
    assert column[999] == "/news/2024/999.txt" and column[1000] == "/other/a.txt"
