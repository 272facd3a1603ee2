"""The main command palette (ctrl+p): the app's own commands first, then Textual's; and the palette screen
every palette of the app is (`ReaderPalette`).

One provider for all of them, because the palette lists discovered entries in the order providers happen
to answer: with Textual's system provider alongside, "Keys", "Maximize", "Quit", "Screenshot" and "Theme"
could sit above "Open article…" and "Actor…". Here the order is fixed: the two app commands, then the
system commands of `App.get_system_commands` (theme, keys, screenshot, quit) by name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.await_complete import AwaitComplete
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider

Entry = tuple[str, Callable[[], object], str]


def uncovering(app: App[Any], action: Callable[..., object], *args: object) -> Callable[[], None]:
    """`action(*args)` as a palette command that acts on the reader: whatever covers the reader's screen
    (help, who said what, the info view; ctrl+p works over them) closes first, so the person sees what the
    command did instead of it happening behind the help."""

    def run() -> None:
        while len(app.screen_stack) > 1:
            app.pop_screen()
        action(*args)

    return run


class ReaderPalette(CommandPalette):
    """Textual's palette, safe in a window with no room for its list (20x3): Textual 8.2.8's OptionList
    makes its line data only for a list with room, and PageUp/PageDown indexed it anyway (KeyError, and
    the reader died). With no room there is nothing to page through."""

    def dismiss(self, result: None = None) -> AwaitComplete:
        """Close once: a second close popped the reader's own screen (keys queued before a priority ctrl+p
        ran the palette's Enter twice, before keys were dispatched in turn: `key_turns`)."""
        return super().dismiss(result) if self.is_active else AwaitComplete.nothing()

    def _action_command_list(self, action: str) -> None:
        if action.startswith("page_") and not self.query_one(CommandList).scrollable_content_region:
            return
        super()._action_command_list(action)


class ReaderCommands(Provider):
    """"Open article…", "Actor…", then Textual's system commands."""

    def _entries(self, discovering: bool) -> list[Entry]:
        # the commands' modules load when the palette first opens, not before the reader's first frame
        from newsreader.ui.actor_commands import ActorCommand
        from newsreader.ui.commands import OpenArticleCommand

        articles = OpenArticleCommand(self.screen, self.match_style)
        actors = ActorCommand(self.screen, self.match_style)
        entries: list[Entry] = [
            (articles.TITLE, articles.open, articles.HELP),
            (actors.TITLE, actors.open, actors.help_text()),
        ]
        system = sorted(self.app.get_system_commands(self.screen), key=lambda command: command.title)
        entries += [(c.title, c.callback, c.help) for c in system if c.discover or not discovering]
        return entries

    async def discover(self) -> Hits:
        for title, callback, help_text in self._entries(discovering=True):
            yield DiscoveryHit(title, callback, text=title, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text in self._entries(discovering=False):
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, text=title, help=help_text)
