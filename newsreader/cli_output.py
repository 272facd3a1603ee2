"""How `list` and `actors` print their rows: a table fitted to the terminal for a person, one
tab-separated line per row for a pipe (`cut`, `grep`, `sort`, `wc -l` work on it: no header, no
footer, nothing truncated or wrapped).

Cells are Rich `Text` built from data (never markup); every field is cleaned for the terminal first, and a
tab or newline inside a field becomes a space so a row is always one line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from newsreader.sanitize import clean_line

if TYPE_CHECKING:  # Rich is imported only when a table is printed
    from rich.console import Console
    from rich.text import Text


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table: how it gives way when the terminal is narrow."""

    header: str
    numeric: bool = False  # right-aligned, never shortened
    min_width: int | None = None  # the narrowest it is cut to (with …)
    max_width: int | None = None  # the widest it may grow, even on a wide terminal


# the tables of `list` and `actors` (the module loads with the command that prints one, not with the reader)
LIST_COLUMNS = (
    Column("date", min_width=10, max_width=10),
    Column("title", min_width=16),
    Column("source", min_width=6, max_width=20),
    Column("file", min_width=16),
)
ACTOR_COLUMNS = (
    Column("actor", min_width=12), Column("kind"), Column("articles", numeric=True), Column("quotes", numeric=True),
    Column("aliases", min_width=8),
)


def field(text: object) -> str:
    """A value as one tab-separated field: no control characters, tabs or newlines."""
    return clean_line("" if text is None else str(text))


def write_lines(rows: Sequence[Sequence[object]], out: TextIO) -> None:
    """One line per row, fields separated by tabs."""
    out.writelines("\t".join(field(cell) for cell in row) + "\n" for row in rows)


GAP = 2  # spaces between columns


def fit_widths(columns: Sequence[Column], natural: Sequence[int], available: int) -> list[int]:
    """Column widths for a terminal `available` cells wide: every column as wide as its widest cell (up to
    its `max_width`); when that is too wide, the shortenable columns give up the excess in proportion to
    what they have above their `min_width` (on a terminal narrower than the minimums, Rich cuts further)."""
    widths = [min(n, c.max_width) if c.max_width else n for c, n in zip(columns, natural, strict=False)]
    room = available - GAP * (len(columns) - 1)
    excess = sum(widths) - room
    floors = [
        w if c.numeric or c.min_width is None else min(w, c.min_width) for c, w in zip(columns, widths, strict=False)
    ]
    slack = [w - f for w, f in zip(widths, floors, strict=False)]
    total_slack = sum(slack)
    if excess <= 0 or total_slack == 0:
        return widths
    cut = min(excess, total_slack)
    cuts = [cut * s // total_slack for s in slack]
    for i in sorted(range(len(cuts)), key=lambda i: -slack[i])[: cut - sum(cuts)]:  # the remainder, widest first
        cuts[i] += 1
    return [w - c for w, c in zip(widths, cuts, strict=False)]


def table(columns: Sequence[Column], rows: Sequence[Sequence[Text]], console: Console) -> None:
    """A header and the rows, as wide as the terminal allows: long cells end in … rather than wrap,
    so every row stays one line."""
    from rich.table import Table

    natural = [max([len(c.header), *(row[i].cell_len for row in rows)]) for i, c in enumerate(columns)]
    widths = fit_widths(columns, natural, console.width)
    grid = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    for col, width in zip(columns, widths, strict=False):
        grid.add_column(
            col.header, justify="right" if col.numeric else "left", no_wrap=True, overflow="ellipsis", width=width
        )
    for row in rows:
        grid.add_row(*row)
    console.print(grid)
