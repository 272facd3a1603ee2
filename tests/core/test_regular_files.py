"""A Unix socket named like an article, given by its path: the same "not a regular file" as a FIFO or a
device, not the kernel's "No such device or address" (opening a socket fails with ENXIO); a link to a
kernel file (/proc, /sys) is refused without being read."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from newsreader.articles import load_file
from newsreader.cli import main
from newsreader.regular_files import NOT_REGULAR, NotRegularFile, read_regular

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def socket_file(tmp_path: Path):  # noqa: ANN201
    path = tmp_path / "sock.txt"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    yield path
    server.close()


def test_reading_a_socket_says_it_is_not_a_regular_file(socket_file: Path) -> None:
    with pytest.raises(NotRegularFile, match="not a regular file"):
        read_regular(socket_file, 100)
    [article] = load_file(socket_file)
    assert article.error == NOT_REGULAR


def test_show_and_analyze_of_a_socket_say_so(socket_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(socket_file)]) == 0
    assert main(["analyze", "--json", str(socket_file)]) == 0
    out = capsys.readouterr().out
    assert out.count("not a regular file") == 2 and "No such device" not in out

def test_a_link_to_a_kernel_file_is_refused_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsreader import regular_files

    reads: list[object] = []
    real_open = open

    def watching_open(fd, *args, **kwargs):  # the file object read_regular reads from
        reads.append(fd)
        return real_open(fd, *args, **kwargs)

    monkeypatch.setattr(regular_files, "open", watching_open, raising=False)
    for target in ("/proc/self/status", "/sys/kernel/uevent_seqnum"):
        if not os.path.exists(target):
            continue
        link = tmp_path / (Path(target).name + ".txt")
        link.symlink_to(target)
        (article,) = load_file(link)
        assert article.error == "a kernel file (/proc, /sys or a device), not an article: not read"
    assert reads == [], "a kernel file was read"
    (ok,) = load_file(_ordinary(tmp_path))
    assert ok.error is None and reads  # an ordinary file is still read through the same road


def _ordinary(folder: Path) -> Path:
    path = folder / "plain.txt"
    path.write_text("Plain\n\nText.\n")
    return path


def test_kernel_file_systems_are_known_from_mountinfo() -> None:
    from newsreader.regular_files import pseudo_devices

    assert os.stat("/proc/self/status").st_dev in pseudo_devices()
    assert os.stat(REPO / "README.md").st_dev not in pseudo_devices()
