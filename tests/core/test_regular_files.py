"""A Unix socket named like an article, given by its path: the same "not a regular file" as a FIFO or a
device, not the kernel's "No such device or address" (opening a socket fails with ENXIO)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from newsreader.articles import load_file
from newsreader.cli import main
from newsreader.regular_files import NOT_REGULAR, NotRegularFile, read_regular


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
