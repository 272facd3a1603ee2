"""The "Theme…" entry of the command palette: Textual's own theme picker (`App.search_themes`).

The app's palette lists only its own commands (not Textual's system ones), so the theme gets an entry
here; the theme picked is remembered for next time (`apply_config`), unless the config file sets one.
"""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Provider

LABEL = "Theme…"
HELP = "Change the colours (remembered for next time)"


class ThemeCommand(Provider):
    """One entry that opens the palette of themes."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        score = matcher.match(LABEL)
        if score > 0:
            yield Hit(score, matcher.highlight(LABEL), self.app.search_themes, help=HELP)

    async def discover(self) -> Hits:
        yield DiscoveryHit(LABEL, self.app.search_themes, help=HELP)
