"""Cold indexing in a child process: `python -m newsreader.indexer FOLDER DB`.

Why: reading thousands of files and filling the FTS index is Python and SQLite work that, in a thread of
the reader, holds the interpreter lock long enough to stall keys (up to 0.8 s a key at 100,000 articles,
and 0.1 s at 10,000 while titles were read from the files' heads). In its own process it runs on another
core: it lists every title from the files' heads first, then reads each file in full into the SQLite
index, and streams the list entries it makes, so the reader builds its list without opening a file or
reading an index row.

Protocol, on the child's stdout, one line each:
  `listed JSON`    entries read from the files' heads (a JSON array of `index.entry_row` rows)
  `stored JSON`    entries of files now stored in the index, as stored (they replace the listed ones)
  `progress DONE TODO STAGE`   about every 0.2 s; STAGE is `listing` (heads) or `indexing` (in full)
  `done`           at the end.
Every file's entries travel in one line. Exit status 0 means the index holds what the child could store;
anything else (a crash, a kill) is raised in the reader as `IndexerFailed` with the last line the child
wrote to stderr, never silently. The child dies with the reader: its next line then meets a closed pipe.
The child runs at a lower priority than the reader: on a busy machine, keys first.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import selectors
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsreader.articles import Article

Progress = Callable[[int, int, bool], None]  # (done, todo, listing: still reading titles from the heads)
Streamed = Callable[[Sequence["Article"], bool], None]  # (entries, stored: as stored in the index)

POLL_S = 0.1  # how often the reader's worker looks at `cancelled` while the child runs
CHILD_NICENESS = 10
_running: set[subprocess.Popen[bytes]] = set()


class IndexerFailed(Exception):
    """The indexing process ended without finishing (its own error, or a signal)."""


class IndexerProcess:
    """One running child indexing a folder into its index database."""

    def __init__(self, root: Path, db_path: Path) -> None:
        env = dict(os.environ)
        package_parent = str(Path(__file__).resolve().parent.parent)  # importable even from a bare checkout
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_parent, env.get("PYTHONPATH", "")]))
        # a file, not a pipe: a chatty child can never block on it (closed in `wait`/`stop`)
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the child
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "newsreader.indexer", str(root), str(db_path)],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=self._stderr, env=env,
        )
        _running.add(self.proc)

    def wait(self, progress: Progress | None, cancelled: Callable[[], bool], entries: Streamed | None = None) -> bool:
        """Relay the child's progress and entries until it ends; False if cancelled (the child is then
        stopped). Raises IndexerFailed when the child did not finish its work.
        """
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        buffer = b""
        finished = False
        with selectors.DefaultSelector() as selector:
            selector.register(fd, selectors.EVENT_READ)
            while True:
                if cancelled():
                    self.stop()
                    return False
                if not selector.select(POLL_S):
                    continue
                chunk = os.read(fd, 65536)
                if not chunk:
                    break  # end of output: the child has exited (or closed its stdout)
                buffer += chunk
                *lines, buffer = buffer.split(b"\n")
                for line in lines:
                    finished = finished or self._relay(line, progress, entries)
        status = self.proc.wait()
        _running.discard(self.proc)
        if status != 0 or not finished:
            raise IndexerFailed(self._failure(status))
        self._stderr.close()
        return True

    @staticmethod
    def _relay(line: bytes, progress: Progress | None, entries: Streamed | None) -> bool:
        """Pass one protocol line on; True for `done`."""
        verb, _, rest = line.partition(b" ")
        if verb in (b"listed", b"stored") and entries is not None:
            from newsreader.index import entries_from_rows

            entries(entries_from_rows(json.loads(rest)), verb == b"stored")
        elif verb == b"progress" and progress is not None:
            done, todo, stage = rest.split()
            progress(int(done), int(todo), stage == b"listing")
        return line == b"done"

    def _failure(self, status: int) -> str:
        self._stderr.seek(0)
        lines = [ln for ln in self._stderr.read().decode("utf-8", "replace").splitlines() if ln.strip()]
        self._stderr.close()
        how = f"was stopped by signal {-status}" if status < 0 else f"exited with status {status}"
        last = f": {lines[-1].strip()[:300]}" if lines else ""
        return f"the indexing process {how}{last}"

    def stop(self) -> None:
        """End the child now (the reader is closing, or the scan was cancelled)."""
        _stop(self.proc)
        with contextlib.suppress(OSError):
            self._stderr.close()


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(2)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    _running.discard(proc)


@atexit.register
def _stop_all() -> None:
    """Never leave an indexer behind: the reader may exit while one runs."""
    for proc in list(_running):
        _stop(proc)


def main(argv: list[str]) -> int:
    """The child: sync the folder into its index (titles from the heads first, then every file read in
    full), streaming the entries and the progress."""
    from newsreader.folder_sync import FolderSync
    from newsreader.index import FolderIndex, entry_row
    from newsreader.library import folder_of

    with contextlib.suppress(OSError, AttributeError):  # (no os.nice on Windows)
        os.nice(CHILD_NICENESS)  # on a busy machine the reader's keys come first, the index second
    root, db_path = Path(argv[0]), Path(argv[1])
    index = FolderIndex(db_path, folder_of(root))

    def send(entries: Sequence[Article], stored: bool) -> None:
        rows = json.dumps([entry_row(a) for a in entries], separators=(",", ":"))
        sys.stdout.write(f"{'stored' if stored else 'listed'} {rows}\n")

    def progress(done: int, todo: int, heads: bool) -> None:
        print(f"progress {done} {todo} {'listing' if heads else 'indexing'}", flush=True)
        if heads and done == todo:  # the full read starts now: the header goes on saying so
            print(f"progress 0 {todo} indexing", flush=True)

    try:
        # titles first whatever the count: the reader starts a child only for a big batch
        sync = FolderSync(root, index, heads_first=1, use_indexer=False, on_entries=send)
        sync.warm_start()  # what the index already holds is not read again
        sync.sync(progress)
        print("done", flush=True)
    finally:
        index.close()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:  # the reader has gone: nobody is waiting for this index any more
        sys.exit(1)
