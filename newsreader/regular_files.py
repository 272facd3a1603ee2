"""Open files nobody vetted: only regular files on ordinary file systems, and never wait on them.

Every file the loader and the state store open goes through `open_regular`. The checks are made with
`fstat` on the descriptor actually opened (a path checked with `stat` can be swapped for a FIFO before
the open), the open itself is non-blocking (opening a FIFO for reading would otherwise wait for a
writer forever), and files on kernel pseudo file systems are refused: `/proc/kmsg` is "a regular file"
whose read consumes kernel messages and then blocks, and `/proc` and `/sys` files change as they are read.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from functools import lru_cache

# File systems whose "files" are kernel interfaces, not stored data (as named in /proc/self/mountinfo).
PSEUDO_FILE_SYSTEMS = frozenset({
    "proc", "sysfs", "devtmpfs", "devpts", "debugfs", "tracefs", "securityfs", "cgroup", "cgroup2", "pstore",
    "bpf", "configfs", "efivarfs", "fusectl", "binfmt_misc", "mqueue", "hugetlbfs", "autofs", "rpc_pipefs",
    "nsfs", "selinuxfs",
})
NOT_REGULAR = "not a regular file (a pipe, socket or device): not read"
PSEUDO_FILE = "a kernel file (/proc, /sys or a device), not an article: not read"
WOULD_BLOCK = "not readable without waiting: not read"
_OPEN_FLAGS = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


class NotRegularFile(ValueError):
    """The path leads to something that is not an ordinary stored file; the message says what."""


@lru_cache(maxsize=1)
def pseudo_devices() -> frozenset[int]:
    """The device numbers of the mounted pseudo file systems (read once from /proc/self/mountinfo;
    where that can't be read, the devices of /proc and /sys themselves)."""
    devices: set[int] = set()
    try:
        with open("/proc/self/mountinfo", encoding="utf-8", errors="replace") as fh:
            for line in fh:
                fields = line.split()
                if "-" not in fields:
                    continue
                fs_type = fields[fields.index("-") + 1]
                major, _, minor = fields[2].partition(":")
                if fs_type in PSEUDO_FILE_SYSTEMS and major.isdigit() and minor.isdigit():
                    devices.add(os.makedev(int(major), int(minor)))
    except OSError:
        pass
    for root in ("/proc", "/sys"):
        with contextlib.suppress(OSError):
            devices.add(os.stat(root).st_dev)
    return frozenset(devices)


def check_regular(fd: int) -> os.stat_result:
    """`fstat` of an open descriptor, if it is a regular file on a real file system; else raises
    IsADirectoryError or NotRegularFile."""
    st = os.fstat(fd)
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder")
    if not stat.S_ISREG(st.st_mode):
        raise NotRegularFile(NOT_REGULAR)
    if st.st_dev in pseudo_devices():
        raise NotRegularFile(PSEUDO_FILE)
    return st


def open_regular(
    path: os.PathLike[str] | str, flags: int = os.O_RDONLY, mode: int = 0o600
) -> tuple[int, os.stat_result]:
    """Open `path` non-blocking and check what was opened: (descriptor, its stat). The caller closes it.

    Raises OSError as `os.open` does, IsADirectoryError, or NotRegularFile (a ValueError).
    """
    try:
        fd = os.open(path, flags | _OPEN_FLAGS, mode)
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket can't be opened at all (nor a device without its driver)
            raise NotRegularFile(NOT_REGULAR) from None
        raise
    try:
        return fd, check_regular(fd)
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: os.PathLike[str] | str, limit: int) -> tuple[bytes, os.stat_result]:
    """At most `limit` + 1 bytes of a regular file (one more than `limit` says "there is more")."""
    fd, st = open_regular(path)
    with open(fd, "rb", buffering=0) as fh:
        chunks: list[bytes] = []
        wanted = limit + 1
        while wanted > 0:
            chunk = fh.read(min(wanted, 1024 * 1024))
            if chunk is None:  # a regular file never says "try again"; something else is behind this path
                raise NotRegularFile(WOULD_BLOCK)
            if not chunk:
                break
            chunks.append(chunk)
            wanted -= len(chunk)
    return b"".join(chunks), st
