"""Articles from the web: fetching pages and feeds, extracting article text, writing article files.

Why a separate package: its libraries (httpx, feedparser, trafilatura) are the optional `web` extra, so
nothing outside the `add`/`feeds`/`fetch` commands, the reader's fetch worker and the `.html` loader
imports it, and each of those says what to install when the extra is missing.
"""

from __future__ import annotations

INSTALL_HINT = "install newsreader[web] to read web pages"
INSTALL_COMMAND = "pip install 'newsreader[web]'"


class WebUnavailable(Exception):
    """The `web` extra is not installed; the message names the missing library and what to install."""


def require_extra(*modules: str) -> None:
    """Raise `WebUnavailable` unless `modules` (default: all of the extra's libraries) can be imported."""
    for module in modules or ("httpx", "feedparser", "trafilatura"):
        try:
            __import__(module)
        except ImportError:
            raise WebUnavailable(
                f"the web commands need {module}, which is not installed: {INSTALL_COMMAND}"
            ) from None
