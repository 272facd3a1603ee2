"""The allocator's calls (`newsreader.allocator`): taken by glibc, harmless elsewhere."""

from __future__ import annotations

import platform

import pytest

from newsreader import allocator


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="the calls are glibc's")
def test_glibc_takes_the_heap_limit_and_the_give_back() -> None:
    assert allocator.limit_heaps() is True
    big = [bytes(4096) for _ in range(20_000)]  # ~80 MiB in malloc'd blocks, freed at once
    del big
    assert allocator.give_back() is True  # some free pages went back to the system


def test_without_glibc_both_do_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(allocator, "_libc", lambda: None)
    allocator.limit_heaps.cache_clear()
    try:
        assert allocator.limit_heaps() is False
        assert allocator.give_back() is False
    finally:
        allocator.limit_heaps.cache_clear()


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="the calls are glibc's")
def test_big_blocks_keep_pages_of_their_own_after_a_bigger_one_was_freed() -> None:
    """glibc raises its bar for own pages to the size of a freed own-pages block; the next big blocks then
    came from the heaps and stayed there once freed (a long filter session's lists of positions)."""
    assert allocator.limit_heaps() is True
    bigger = bytearray(8 << 20)
    del bigger  # (by default the bar now stood at 8 MiB)
    before = allocator.own_pages()
    block = bytearray(2 << 20)
    assert allocator.own_pages() - before >= len(block)
    del block
    assert allocator.own_pages() == before  # its pages went back at once
