"""What an article's file says about itself (its front matter), as rows for the info view (`i`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from newsreader.sanitize import clean_line

if TYPE_CHECKING:
    from newsreader.articles import Article

MAX_VALUE_CHARS = 2000


def front_matter_rows(article: Article, folder: Path | None = None) -> list[tuple[str, str]]:
    """(field, value) for every field the article has, known ones first, then its other front-matter
    keys as written, then the file (relative to `folder` when inside it). Values are cleaned (they are
    data from the file)."""
    known: list[tuple[str, object]] = [
        ("title", article.title), ("date", article.date.isoformat() if article.date else None),
        ("author", article.author), ("source", article.source), ("url", article.url),
        ("license", article.license), ("tags", ", ".join(article.tags)),
        ("actors", ", ".join(h.name for h in article.hints)),
    ]
    rows = [(name, clean_line(str(value), MAX_VALUE_CHARS)) for name, value in known if value]
    rows += [(clean_line(k, 80), clean_line(v, MAX_VALUE_CHARS)) for k, v in article.extra.items()]
    path = article.path
    if folder is not None and path.is_relative_to(folder):
        path = path.relative_to(folder)
    file = str(path) + (f" (article {article.index + 1} in the file)" if article.index else "")
    rows.append(("file", clean_line(file, MAX_VALUE_CHARS)))
    return rows
