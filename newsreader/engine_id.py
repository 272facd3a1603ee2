"""Which analysis engine made the analyses an index holds: a digest of the engine's code and data.

Pure: no Textual, and no import of the engine itself. Why: the index keeps each article's analysis for as
long as the article's body is unchanged. Without this, an upgraded engine (new rules, word lists or
weights) would go on showing the old highlights, speakers and cast for every article already analysed.
The index records the digest (`PRAGMA application_id`) and is rebuilt when it differs (`index.py`).
"""

from __future__ import annotations

import os
import zlib
from functools import lru_cache

ENGINE_DIR = os.path.join(os.path.dirname(__file__), "analysis")
ENGINE_FILES = (".py", ".yaml", ".json")  # the code, the word lists, the learned weights


@lru_cache(maxsize=1)
def engine_id() -> int:
    """A 31-bit checksum of every engine file's name and bytes, ~1 MB read before a warm folder's first
    frame (CRC-32, not a cryptographic hash: it only has to notice a change, in about 1 ms)."""
    checksum = 0
    for folder in sorted(_folders(ENGINE_DIR)):
        for name in sorted(os.listdir(folder)):
            if name.endswith(ENGINE_FILES):
                with open(os.path.join(folder, name), "rb") as file:
                    checksum = zlib.crc32(os.path.relpath(file.name, ENGINE_DIR).encode() + b"\0", checksum)
                    checksum = zlib.crc32(file.read(), checksum)
    return checksum & 0x7FFFFFFF  # (application_id is a signed 32-bit int)


def _folders(top: str) -> list[str]:
    """`top` and its package folders (no __pycache__: compiled files differ from machine to machine)."""
    return [folder for folder, _dirs, _files in os.walk(top) if os.path.basename(folder) != "__pycache__"]
