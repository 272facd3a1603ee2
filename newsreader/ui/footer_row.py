"""The bottom row of keys: Textual's `Footer`, made just after the first frame.

A footer is a dozen widgets (one per key) whose styles, layout and paint cost the first frame several
milliseconds, and none of it is what a reader came for; in the first frame a footer is an empty bar anyway
(its keys follow the bindings, which are ready only once the screen is up). So the row is there from the
first frame, in the footer's colours and at the footer's height (nothing moves when the keys arrive), and
the footer is mounted into it once that frame is out.
"""

from __future__ import annotations

from textual.widget import Widget


class FooterRow(Widget):
    """One row docked at the bottom that holds the key footer from the second frame on."""

    def on_mount(self) -> None:
        self.call_after_refresh(self._add_footer)

    async def _add_footer(self) -> None:
        from newsreader.ui.keys_footer import KeysFooter

        if not self.is_attached:  # the app quit before its first frame (q, SIGTERM)
            return
        await self.mount(KeysFooter(compact=True))
        self.app.refresh_bindings()  # the footer lists the keys at the next bindings update
