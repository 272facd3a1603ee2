"""Export a highlighted article (with its legend) as HTML or SVG, for sharing outside the terminal.

Pure core (Rich, no Textual): the article goes through the same `build_document` / `to_rich_text` as
`newsreader show`, into a recording Rich console of a fixed width, then out through Rich's
`export_html(inline_styles=True)` / `export_svg`. Article text is only ever put into `rich.text.Text`
objects and the console has markup off, so `[bold]` in an article stays literal; Rich escapes HTML/XML.
"""

from __future__ import annotations

import html
import io
import os
from pathlib import Path
from collections.abc import Callable, Iterable, Sequence

from rich.console import Console
from rich.terminal_theme import SVG_EXPORT_THEME, TerminalTheme
from rich.text import Text

from newsreader.analysis.model import Analysis
from newsreader.articles import Article
from newsreader.render import build_document, legend_text, to_rich_text

DEFAULT_WIDTH = 90
MIN_WIDTH = 20
THEME: TerminalTheme = SVG_EXPORT_THEME  # a dark theme: the highlight colours are chosen for dark backgrounds

Item = tuple[Article, "Analysis | None"]  # an article and its analysis (None: no highlighting)

_HTML_PAGE = """<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8">
<meta name="generator" content="newsreader">
<title>{title}</title>
<style>
{{stylesheet}}
body {{{{
    color: {{foreground}};
    background-color: {{background}};
}}}}
</style>
</head>
<body>
    <pre style="font-family:Menlo,'DejaVu Sans Mono',consolas,'Courier New',monospace"
        ><code style="font-family:inherit">{{code}}</code></pre>
</body>
</html>
"""


class ExportError(Exception):
    """The output file can't be written; the message is one line for the user."""


def record(items: Iterable[Item], *, width: int = DEFAULT_WIDTH, legend: bool = True) -> Console:
    """A recording console holding every article (a rule between them) and, when anything is
    highlighted, the legend at the end."""
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
        console.print(to_rich_text(document), soft_wrap=False)
        highlighted = highlighted or analysis is not None
    if legend and highlighted:
        console.print()
        console.print(Text.assemble(("Highlights  ", "bold"), legend_text()))
    return console


def to_html(items: Iterable[Item], *, title: str = "newsreader", width: int = DEFAULT_WIDTH) -> str:
    """A standalone HTML page (inline styles) with `title` in its <title>."""
    page = _HTML_PAGE.format(title=html.escape(title, quote=True).replace("{", "{{").replace("}", "}}"))
    return record(items, width=width).export_html(theme=THEME, code_format=page, inline_styles=True)


def to_svg(items: Iterable[Item], *, title: str = "newsreader", width: int = DEFAULT_WIDTH) -> str:
    """An SVG picture of the article as the terminal would show it; `title` is in the window bar."""
    return record(items, width=width).export_svg(theme=THEME, title=title)


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
    """Write `text` (UTF-8) to `path`; any OS error becomes a one-line `ExportError`."""
    path = check_output(path)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None


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
    items: list[Item] = [
        (a, analyse(a) if analyse is not None and not a.error else None) for a in articles
    ]
    if len(items) == 1:
        title = items[0][0].title
    else:
        title = f"{items[0][0].title} (+{len(items) - 1})" if items else "newsreader"
    w = DEFAULT_WIDTH if width is None else width
    written: list[Path] = []
    for kind, path in targets:
        render = to_html if kind == "html" else to_svg
        write_output(path, render(items, title=title, width=w))
        written.append(path)
    return written
