"""SVG to PNG with librsvg, for the screenshots' PNG copies (`screenshots.py`) and the export test's pixel
check (`tests/svg_render.py`): one renderer, the one most Linux image tools use.

librsvg is called through its library (`ctypes`): Debian and most desktops have `librsvg-2.so.2` as a
dependency of their image tools, though not its `rsvg-convert` program, which is the fallback.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

CAIRO_FORMAT_ARGB32 = 0


class NoRenderer(RuntimeError):
    """Neither librsvg's library nor its `rsvg-convert` is installed."""


def available() -> bool:
    return _libraries() is not None or shutil.which("rsvg-convert") is not None


def render_png(svg: str, width: int | None = None) -> bytes:
    """The SVG drawn at its own size, or scaled to `width` pixels wide, as PNG bytes (8-bit RGBA)."""
    libs = _libraries()
    if libs is not None:
        return _render_with_library(svg, width, *libs)
    found = shutil.which("rsvg-convert")
    if found is None:
        raise NoRenderer("neither librsvg-2 nor rsvg-convert is installed (Debian: apt-get install librsvg2-bin)")
    size = ["-w", str(width)] if width else []
    out = subprocess.run([found, "-f", "png", *size], input=svg.encode(), capture_output=True, timeout=60, check=False)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.decode(errors="replace"))
    return out.stdout


def _libraries() -> tuple[ctypes.CDLL, ctypes.CDLL, ctypes.CDLL] | None:
    names = [ctypes.util.find_library(n) for n in ("rsvg-2", "cairo", "gobject-2.0")]
    if None in names:
        return None
    rsvg, cairo, gobject = (ctypes.CDLL(n) for n in names)  # type: ignore[arg-type]
    _declare(rsvg, cairo, gobject)
    return rsvg, cairo, gobject


class _Rectangle(ctypes.Structure):
    _fields_ = [("x", ctypes.c_double), ("y", ctypes.c_double),
                ("width", ctypes.c_double), ("height", ctypes.c_double)]


def _declare(rsvg: ctypes.CDLL, cairo: ctypes.CDLL, gobject: ctypes.CDLL) -> None:
    """The C signatures of the calls made (pointers must not be cut to ints)."""
    ptr, double = ctypes.c_void_p, ctypes.c_double
    rsvg.rsvg_handle_new_from_data.restype = ptr
    rsvg.rsvg_handle_new_from_data.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ptr]
    rsvg.rsvg_handle_get_intrinsic_size_in_pixels.argtypes = [ptr, ctypes.POINTER(double), ctypes.POINTER(double)]
    rsvg.rsvg_handle_render_document.argtypes = [ptr, ptr, ctypes.POINTER(_Rectangle), ptr]
    cairo.cairo_image_surface_create.restype = ptr
    cairo.cairo_image_surface_create.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
    cairo.cairo_create.restype = ptr
    cairo.cairo_create.argtypes = [ptr]
    cairo.cairo_scale.argtypes = [ptr, double, double]
    cairo.cairo_surface_write_to_png.argtypes = [ptr, ctypes.c_char_p]
    cairo.cairo_destroy.argtypes = [ptr]
    cairo.cairo_surface_destroy.argtypes = [ptr]
    gobject.g_object_unref.argtypes = [ptr]


def _size(rsvg: ctypes.CDLL, handle: int, svg: str) -> tuple[float, float]:
    width, height = ctypes.c_double(), ctypes.c_double()
    if rsvg.rsvg_handle_get_intrinsic_size_in_pixels(handle, ctypes.byref(width), ctypes.byref(height)):
        return width.value, height.value
    # no width and height of its own (Rich's and Textual's SVGs): its viewBox, as rsvg-convert takes it
    box = re.search(r'viewBox="[\d.-]+ [\d.-]+ ([\d.]+) ([\d.]+)"', svg)
    if box is None:
        raise ValueError("an SVG with neither a size nor a viewBox")
    return float(box.group(1)), float(box.group(2))


def _render_with_library(svg: str, width: int | None, rsvg: ctypes.CDLL, cairo: ctypes.CDLL,
                         gobject: ctypes.CDLL) -> bytes:
    """What `rsvg-convert -f png [-w WIDTH]` does: the document on a transparent ARGB surface."""
    data = svg.encode()
    handle = rsvg.rsvg_handle_new_from_data(data, len(data), None)
    if not handle:
        raise ValueError("librsvg could not read the SVG")
    try:
        w, h = _size(rsvg, handle, svg)
        scale = width / w if width else 1.0
        surface = cairo.cairo_image_surface_create(CAIRO_FORMAT_ARGB32, int(w * scale + 0.999),
                                                   int(h * scale + 0.999))
        cr = cairo.cairo_create(surface)
        try:
            cairo.cairo_scale(cr, scale, scale)
            if not rsvg.rsvg_handle_render_document(handle, cr, ctypes.byref(_Rectangle(0, 0, w, h)), None):
                raise ValueError("librsvg could not draw the SVG")
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "out.png"
                if cairo.cairo_surface_write_to_png(surface, str(path).encode()) != 0:
                    raise OSError("cairo could not write the PNG")
                return path.read_bytes()
        finally:
            cairo.cairo_destroy(cr)
            cairo.cairo_surface_destroy(surface)
    finally:
        gobject.g_object_unref(handle)
