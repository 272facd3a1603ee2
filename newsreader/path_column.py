"""Many paths kept as columns: a folder number and the name's bytes, not a string per path.

Pure: no Textual. Why: a `str` per path costs ~50 bytes of header and repeats its folder for every file;
here a folder is kept once and a name is its bytes, about one byte a character. Used for the list's rows
(`entry_table.EntryTable`) and the cast's article keys (`folder_actors`), 100,000 of each in a big folder.
"""

from __future__ import annotations

import os
from array import array


class PathColumn:
    """Paths appended in order and read back by number (the order they were appended in)."""

    __slots__ = ("_encoding", "_errors", "_folders", "_folder_ids", "_folder_of", "_names", "_name_ends")

    def __init__(self, encoding: str, errors: str) -> None:
        self._encoding, self._errors = encoding, errors  # how a name becomes bytes and back
        self._folders: list[str] = []  # "/news/2024/" (with the separator): a folder's files share it
        self._folder_ids: dict[str, int] = {}
        self._folder_of = array("I")
        self._names = bytearray()  # every name's bytes, one after another
        self._name_ends = array("I")  # (4 GiB of names: far more than any folder's)

    def __len__(self) -> int:
        return len(self._name_ends)

    def append(self, path: str) -> None:
        folder, sep, name = path.rpartition(os.sep)
        folder += sep
        folder_id = self._folder_ids.get(folder)
        if folder_id is None:
            folder_id = self._folder_ids[folder] = len(self._folders)
            self._folders.append(folder)
        self._folder_of.append(folder_id)
        self._names += name.encode(self._encoding, self._errors)
        self._name_ends.append(len(self._names))

    def __getitem__(self, number: int) -> str:
        start = self._name_ends[number - 1] if number else 0
        name = self._names[start:self._name_ends[number]].decode(self._encoding, self._errors)
        return self._folders[self._folder_of[number]] + name
