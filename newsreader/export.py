"""Export a highlighted article (with its legend) as HTML or SVG, for sharing outside the terminal.

Pure core (Rich, no Textual). HTML is a web page of flowing text (`html_page.py`). SVG is a picture of
the article as `newsreader show` prints it: the same `build_document` / `iter_wrapped_text`, with
speakers named after pronouns, into a recording Rich console of a fixed width, out through `export_svg`. Article
text is only ever put into `rich.text.Text` objects and the console has markup off, so `[bold]` in an
article stays literal; Rich escapes XML.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from rich.console import Console
from rich.terminal_theme import SVG_EXPORT_THEME, TerminalTheme
from rich.text import Text

from newsreader.analysis.model import Analysis
from newsreader.articles import Article
from newsreader.html_page import page
from newsreader.render import (
    RICH_STYLES,
    Document,
    build_document,
    iter_wrapped_text,
    legend_text,
    speaker_notes,
    with_speaker_notes,
)

DEFAULT_WIDTH = 90
MAX_LINES = 2_000  # an SVG is a picture: a 10 MB article drawn whole took minutes and 56 MB
MIN_WIDTH = 20
THEME: TerminalTheme = SVG_EXPORT_THEME  # a dark theme: the highlight colours are chosen for dark backgrounds

Item = tuple[Article, "Analysis | None"]  # an article and its analysis (None: no highlighting)

class ExportError(Exception):
    """The output file can't be written; the message is one line for the user."""


def record(
    items: Iterable[Item], *, width: int = DEFAULT_WIDTH, legend: bool = True, max_lines: int = MAX_LINES
) -> Console:
    """A recording console holding every article (a rule between them, each cut after `max_lines`
    lines) and, when anything is highlighted, the legend at the end."""
    console = Console(
        record=True,
        width=max(MIN_WIDTH, width),
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        no_color=False,  # NO_COLOR is about the terminal, not about a file the user asked for in colour
        markup=False,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    highlighted = False
    for i, (article, analysis) in enumerate(items):
        if i:
            console.print()
            console.rule(style="dim")
        document = build_document(article, analysis, highlight=analysis is not None)
        if analysis is not None:
            document = with_speaker_notes(document, speaker_notes(article.body, analysis))
        _print_lines(console, document, max_lines)
        highlighted = highlighted or analysis is not None
    if legend and highlighted:
        console.print()
        console.print(Text.assemble(("Highlights  ", "bold"), legend_text()))
    return console


def _print_lines(console: Console, document: Document, max_lines: int) -> None:
    """The document wrapped as the reader wraps it; past `max_lines` lines, a note where the rest is."""
    shown = 0
    for chunk in iter_wrapped_text(document, console.width):
        lines = chunk.split("\n", allow_blank=True)
        if shown + len(lines) > max_lines:
            console.print(Text("\n").join(lines[: max_lines - shown]), soft_wrap=True)
            console.print(Text(f"⋯ The picture stops after {max_lines:,} lines; the HTML export (--html) has "
                               "the whole article.", RICH_STYLES["notice"]))
            return
        console.print(chunk, soft_wrap=True)
        shown += len(lines)


def to_html(items: Sequence[Item], *, title: str = "newsreader") -> str:
    """A standalone web page of flowing text (see `html_page.page`) with `title` in its <title>."""
    return page(items, title)


def to_svg(items: Iterable[Item], *, title: str = "newsreader", width: int = DEFAULT_WIDTH) -> str:
    """An SVG picture of the article as the terminal would show it; `title` is in the window bar.

    Rich writes each run of text with its spaces and places it by x; without `xml:space="preserve"`
    an SVG renderer (librsvg, Inkscape) drops the spaces at the ends of a run and words run together."""
    svg = record(items, width=width).export_svg(theme=THEME, title=title)
    return svg.replace("<svg ", '<svg xml:space="preserve" ', 1)


def check_output(path: Path | str) -> Path:
    """Raise `ExportError` (one line) unless `path` can be written: its folder exists, it is not a folder."""
    path = Path(path).expanduser()
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ExportError(f"cannot write {path}: it is a folder")
    if not parent.is_dir():
        raise ExportError(f"cannot write {path}: no such folder {parent}")
    if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise ExportError(f"cannot write {path}: permission denied")
    return path


def write_output(path: Path | str, text: str) -> None:
    """Write `text` (UTF-8) to `path`; any OS error becomes a one-line `ExportError`.

    A new file, or a plain file there, is replaced whole (written beside it, then renamed), so a write
    that fails half-way (the disk full) leaves the previous export as it was; a link or a device
    (`/dev/stdout`, a pipe) is written through, in place."""
    path = check_output(path)
    data = text.encode("utf-8")
    try:
        if path.is_symlink() or (path.exists() and not path.is_file()):
            with open(path, "wb") as fh:
                fh.write(data)
        else:
            _replace(path, data)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None


def _replace(path: Path, data: bytes) -> None:
    """`path` replaced by a file holding `data`, with the permissions of the file it replaces (a new one:
    0666 less the umask, as `open` would make it); no temporary file is left behind."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _same_file(a: Path, b: Path) -> bool:
    """True when `a` and `b` are one file (a link or a second name counts); False when either is missing."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _check_distinct(outputs: Sequence[Path], articles: Iterable[Path]) -> None:
    """Raise `ExportError` if an output is one of the articles exported (writing it would destroy the
    article) or the two outputs are one file (the SVG would silently replace the page)."""
    for path in outputs:
        for source in articles:
            if _same_file(path, source):
                raise ExportError(f"cannot write {path}: it is the article being exported")
    if len(outputs) == 2 and (outputs[0].resolve() == outputs[1].resolve() or _same_file(*outputs)):
        raise ExportError(f"cannot write {outputs[1]}: --html and --svg name the same file")


def export(
    articles: Sequence[Article],
    analyse: Callable[[Article], Analysis | None] | None,
    *,
    html_path: Path | str | None = None,
    svg_path: Path | str | None = None,
    width: int | None = None,
) -> list[Path]:
    """Render `articles` once and write the HTML and/or SVG files asked for; returns the paths written.

    `analyse` gives each article's analysis (None: plain, no highlighting or legend); articles that could
    not be read are exported with their error line. Every output path is checked before anything is written.
    """
    targets = [(kind, check_output(p)) for kind, p in (("html", html_path), ("svg", svg_path)) if p is not None]
    _check_distinct([path for _, path in targets], [a.path for a in articles])
    items: list[Item] = [
        (a, analyse(a) if analyse is not None and not a.error else None) for a in articles
    ]
    if not items:
        title = "newsreader"
    elif len(items) == 1:
        title = items[0][0].title
    else:
        title = f"{items[0][0].title} (+{len(items) - 1})"
    w = DEFAULT_WIDTH if width is None else width
    written: list[Path] = []
    for kind, path in targets:
        text = to_html(items, title=title) if kind == "html" else to_svg(items, title=title, width=w)
        write_output(path, text)
        written.append(path)
    return written
