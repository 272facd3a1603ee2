"""The look the modal views share (help, info, who said what): a panel with a rounded accent border, centred
over the dimmed screen it was opened from. Each view gives its panel a width of its own."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

Result = TypeVar("Result")


class PanelScreen(ModalScreen[Result]):
    """A modal view whose body (the widget with class `panel`) is drawn as the shared panel."""

    # (here, not in newsreader.tcss: parsed when a view is first shown, not before the reader's first frame)
    DEFAULT_CSS = """
    PanelScreen {
        align: center middle;
        background: $background 60%;
    }

    PanelScreen .panel {
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $accent;
        padding: 0 1;
        background: $surface;
    }
    """
