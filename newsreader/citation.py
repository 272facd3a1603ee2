"""A quotation as text to paste elsewhere: `“…” — Speaker`, then where it comes from.

    “Trust needs to be based on facts … for the digital era.” — Ken Hu
    NS Tech, 2019-03-05, https://…

The quotation's own text is kept as the analysis found it (marks excluded, so the curly ones are added
here); line breaks inside it become spaces.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsreader.links import web_url

if TYPE_CHECKING:
    from newsreader.analysis.model import Quote
    from newsreader.articles import Article


def one_line(text: str) -> str:
    return " ".join(text.split())


def source_line(article: Article) -> str:
    """"Source, date, URL" (the parts known; the file's absolute path when there is no URL)."""
    parts = [one_line(article.source or ""), article.date.isoformat() if article.date else ""]
    parts.append(web_url(article) or str(article.path.absolute()))
    return ", ".join(p for p in parts if p)


def cite_quote(article: Article, quote: Quote) -> str:
    """The quotation, its speaker when known, and the source line below."""
    line = f"“{one_line(quote.text)}”"
    if quote.speaker:
        line += f" — {one_line(quote.speaker)}"
    return f"{line}\n{source_line(article)}"
