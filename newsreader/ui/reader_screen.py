"""The reader's screen: Textual's default screen, without a second styling of every widget when it is
first shown.

When a screen is shown (resumed) Textual applies the stylesheet to all of its widgets again: a screen
coming back may have missed a theme change while it was hidden. The first time, though, every widget
was styled a moment before, as it was mounted, and what changes since restyles the widgets it concerns
at once (a class, a pseudo-class such as the focus, the width breakpoints). That second pass over every
widget, the article view's twenty-odd highlight classes and the list's included, was about a quarter of
the styling work before the first frame. Later resumes (back from help, the palette, a panel) restyle
as Textual does.
"""

from __future__ import annotations

from textual import events
from textual.screen import Screen


class ReaderScreen(Screen[None]):
    """The app's default screen."""

    BLANK = True
    _shown = False

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # runs before Screen's own handler, which reads `refresh_styles`
        if not self._shown:
            self._shown = True
            event.refresh_styles = False
