"""Render an SVG with a real renderer (librsvg) and read the pixels back, to check what a person would see:
e.g. how many words a line of text shows (words run together when spaces are lost).

librsvg is called through its library (`ctypes`: Debian and most desktops have `librsvg-2.so.2` as a
dependency of their image tools, though not its `rsvg-convert` program), or else through `rsvg-convert`."""

from __future__ import annotations

import ctypes
import ctypes.util
import re
import shutil
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path

import pytest

CAIRO_FORMAT_ARGB32 = 0


def render_png(svg: str) -> bytes:
    libs = _libraries()
    if libs is not None:
        return _render_with_library(svg, *libs)
    found = shutil.which("rsvg-convert")
    if found is None:
        pytest.fail("neither librsvg-2 nor rsvg-convert is installed: apt-get install librsvg2-bin "
                    "(.ci/run installs it when missing)")
    out = subprocess.run([found, "-f", "png"], input=svg.encode(), capture_output=True, timeout=60)
    assert out.returncode == 0, out.stderr.decode()
    return out.stdout


def _libraries() -> tuple[ctypes.CDLL, ctypes.CDLL] | None:
    rsvg, cairo = ctypes.util.find_library("rsvg-2"), ctypes.util.find_library("cairo")
    if rsvg is None or cairo is None:
        return None
    return ctypes.CDLL(rsvg), ctypes.CDLL(cairo)


class _Rectangle(ctypes.Structure):
    _fields_ = [("x", ctypes.c_double), ("y", ctypes.c_double),
                ("width", ctypes.c_double), ("height", ctypes.c_double)]


def _render_with_library(svg: str, rsvg: ctypes.CDLL, cairo: ctypes.CDLL) -> bytes:
    """What `rsvg-convert -f png` does: the document at its own size, on a transparent ARGB surface."""
    rsvg.rsvg_handle_new_from_data.restype = ctypes.c_void_p
    rsvg.rsvg_handle_new_from_data.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_void_p]
    rsvg.rsvg_handle_get_intrinsic_size_in_pixels.argtypes = [
        ctypes.c_void_p, ctypes.POINTER(ctypes.c_double), ctypes.POINTER(ctypes.c_double)]
    rsvg.rsvg_handle_render_document.argtypes = [
        ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(_Rectangle), ctypes.c_void_p]
    cairo.cairo_image_surface_create.restype = ctypes.c_void_p
    cairo.cairo_image_surface_create.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
    cairo.cairo_create.restype = ctypes.c_void_p
    cairo.cairo_create.argtypes = [ctypes.c_void_p]
    cairo.cairo_surface_write_to_png.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    for name in ("cairo_destroy", "cairo_surface_destroy"):
        getattr(cairo, name).argtypes = [ctypes.c_void_p]
    rsvg_free = ctypes.CDLL(ctypes.util.find_library("gobject-2.0")).g_object_unref
    rsvg_free.argtypes = [ctypes.c_void_p]

    data = svg.encode()
    handle = rsvg.rsvg_handle_new_from_data(data, len(data), None)
    assert handle, "librsvg could not read the SVG"
    width, height = ctypes.c_double(), ctypes.c_double()
    if not rsvg.rsvg_handle_get_intrinsic_size_in_pixels(handle, ctypes.byref(width), ctypes.byref(height)):
        # no width and height of its own (Rich's SVG): the size of its viewBox, as rsvg-convert takes it
        box = re.search(r'viewBox="[\d.-]+ [\d.-]+ ([\d.]+) ([\d.]+)"', svg)
        assert box, "an SVG with neither a size nor a viewBox"
        width.value, height.value = float(box.group(1)), float(box.group(2))
    w, h = int(width.value + 0.999), int(height.value + 0.999)
    surface = cairo.cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h)
    cr = cairo.cairo_create(surface)
    try:
        viewport = _Rectangle(0, 0, width.value, height.value)
        assert rsvg.rsvg_handle_render_document(handle, cr, ctypes.byref(viewport), None), "librsvg could not draw it"
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "out.png"
            assert cairo.cairo_surface_write_to_png(surface, str(path).encode()) == 0
            return path.read_bytes()
    finally:
        cairo.cairo_destroy(cr)
        cairo.cairo_surface_destroy(surface)
        rsvg_free(handle)


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
