"""Render an SVG with a real renderer (librsvg, `scripts/svg_png.py`) and read the pixels back, to check what
a person would see: e.g. how many words a line of text shows (words run together when spaces are lost)."""

from __future__ import annotations

import re
import struct
import zlib

import pytest

from scripts import svg_png


def render_png(svg: str) -> bytes:
    if not svg_png.available():
        pytest.fail("neither librsvg-2 nor rsvg-convert is installed: apt-get install librsvg2-bin "
                    "(.ci/run installs it when missing)")
    return svg_png.render_png(svg)


def decode_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of RGBA bytes) of an 8-bit RGBA, non-interlaced PNG (what rsvg-convert writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            assert (depth, colour, interlace) == (8, 6, 0)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw, stride = zlib.decompress(idat), width * 4
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a, b, c = (line[i - 4] if i >= 4 else 0), prev[i], (prev[i - 4] if i >= 4 else 0)
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, rows


def words_on_line(svg: str, first_run: str, columns: int) -> int:
    """How many words a renderer shows on the line of a Rich SVG whose text starts with the run
    `first_run`: inked stretches of the line separated by at least half a character cell."""
    origin = re.search(r'<g transform="translate\(([\d.]+), ([\d.]+)\)"', svg)
    run = re.search(rf'<text[^>]* y="([\d.]+)" textLength="([\d.]+)"[^>]*>{re.escape(first_run)}</text>', svg)
    assert origin and run, "not a Rich terminal SVG, or no such run"
    ox, oy, y = float(origin.group(1)), float(origin.group(2)), float(run.group(1))
    cell = float(run.group(2)) / len(first_run)
    _, _, rows = decode_png(render_png(svg))
    band = range(int(oy + y - 1.2 * cell), int(oy + y + 0.3 * cell))
    blank_x = int(ox + (columns - 2) * cell)  # a cell the short line leaves empty: the background colour

    def inked(x: int) -> bool:
        return any(max(abs(rows[r][4 * x + k] - rows[r][4 * blank_x + k]) for k in range(3)) > 60 for r in band)

    words, gap = 0, cell
    for x in range(int(ox), blank_x):
        if inked(x):
            words += gap >= cell / 2
            gap = 0
        else:
            gap += 1
    return words
