"""Keys in turn: the App dispatches a key read from the terminal only once the key before it has been handled.

Textual's App takes input off its queue as fast as it is read: a priority binding runs at once, any other key
is sent on to the focused widget, and the key's ordinary bindings run when it has bubbled back up to the App,
a few messages later. Keys read together (typed fast, pasted, `tmux send-keys`, queued while the reader was
busy) were all sent on before the first had acted: to the widget that had the focus before an Enter or a `/`
moved it ("f beta⏎j" filtered for "betaj"), and a priority key overtook the keys ahead of it ("j j ctrl+p"
typed the j's into the palette's search).

Here a key sent on to a widget is followed there by a `Turn`. A widget handles its messages in order and
bubbles both the same way, so when the Turn reaches the App the key has bubbled up and its binding has run,
or a widget took it on the way. The Turn then goes round a second time, behind the messages the key's
handling posted on its road (Esc in the filter: the bar's `Cleared`, which the list pane answers by taking
the focus). Only then is the next key (or paste) dispatched, to the focus of that moment.
A key can close its own road (Esc dismisses the screen it was sent to, and the Turn is dropped with it): the
turn then ends when the screen changes (or, for a widget taken away on its own, when the next key is read).

A mouse button read while keys wait takes its turn behind them (its road: the widget under the pointer), so
"j, click on the first row" ends on the first row, as typed: dispatched at once, the click acted before the j
(and a j typed before a double-click scrolled the article the double-click opened).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any, TypeGuard

from textual import events
from textual.app import App
from textual.dom import DOMNode, NoScreen
from textual.errors import NoWidget

Input = events.Key | events.Paste | events.MouseDown | events.MouseUp


class Turn(events.Event):
    """Sent down a key's road behind it: at the App, that key (`lap` 1), then what its handling posted on the
    road (`lap` 2), has been handled."""

    def __init__(self, number: int, lap: int = 1) -> None:
        super().__init__()
        self.number = number
        self.lap = lap


class KeyTurns:
    """The input read and not yet dispatched, and the road of the one key on its way."""

    def __init__(self, app: App[Any], dispatch: Callable[[Input], Awaitable[None]]) -> None:
        self._app = app
        self._dispatch = dispatch  # Textual's own handling of input read from the terminal
        self._held: deque[Input] = deque()
        self._road: DOMNode | None = None  # where the Turn of the key on its way was sent
        self._number = 0
        self._when_done: list[Callable[[], object]] = []

    def when_done(self, callback: Callable[[], object]) -> None:
        """Call `callback` (after the message being handled) now if no key waits for its turn, else once the
        keys read together have all been handled: work that follows the keys (the reader's preview of the
        list's cursor) is done once for all of them, and for a lone key in the frame that paints it."""
        if not self._held:
            self._app.call_later(callback)
        else:
            self._when_done.append(callback)

    def takes(self, event: events.Event) -> TypeGuard[Input]:
        """Whether `event`, read from the terminal, waits for its turn here: keys and pastes always, a mouse
        button while keys are on their way (the pointer's moves and the wheel act at once)."""
        if isinstance(event, (events.Key, events.Paste)):
            return not event.is_forwarded
        busy = self._road is not None or bool(self._held)
        return busy and isinstance(event, (events.MouseDown, events.MouseUp)) and not event.is_forwarded

    async def read(self, event: Input) -> None:
        """Input from the terminal: dispatched now if no key is on its way, else in its turn."""
        self._held.append(event)
        if self._road is not None and not self._open(self._road):  # its widget was taken away with the Turn
            self._road = None
        await self._next()

    async def ended(self, turn: Turn) -> None:
        """A Turn reached the App: its key has been handled; after the first lap it goes round once more."""
        if turn.number != self._number or self._road is None:
            return
        if turn.lap == 1 and self._open(self._road) and self._road.post_message(Turn(turn.number, lap=2)):
            return
        self._road = None
        await self._next()

    def screen_changed(self, _screen: object) -> None:
        """A screen was pushed or dismissed: a key whose road closed with it has been handled."""
        if self._road is not None and not self._open(self._road):
            self._road = None
            self._app.call_next(self._next)

    def _road_of(self, event: Input) -> DOMNode:
        """Where Textual sends the event: a key no priority binding takes, or a paste, to the focused widget;
        a mouse button to the widget under the pointer."""
        if isinstance(event, events.MouseEvent):
            try:
                return self._app.get_widget_at(event.screen_x, event.screen_y)[0]
            except NoWidget:
                return self._app.screen
        return self._app.focused or self._app.screen

    def _open(self, road: DOMNode) -> bool:
        try:
            return road.is_attached and road.screen in self._app.screen_stack
        except NoScreen:
            return False

    async def _next(self) -> None:
        while self._road is None and self._held:
            event = self._held.popleft()
            if self._app._exit:  # after q (Textual's flag): the rest would act on an app being taken down
                self._held.clear()
                return
            road = self._road_of(event)
            await self._dispatch(event)
            self._number += 1
            if road.post_message(Turn(self._number)):
                self._road = road
        if self._road is None and not self._held:
            callbacks, self._when_done = self._when_done, []
            for callback in callbacks:
                self._app.call_later(callback)
