"""The actors panel: the article's cast grouped by kind, with mention and quotation counts.

Sits beside the reader (about 30 columns). Groups (People, Organisations, Places) are ordered by their
total mentions, so the story's main cast leads (the seed article opens with Huawei); actors inside a
group by mentions, then quotations, then name. Each row reads "Name   3 mentions · 2 quotes", the name
in its kind's colour (the counts go on a second line when both don't fit the panel's width).

Messages:
  * `ActorsPanel.ActorHighlighted(actor)` when the cursor moves onto an actor (keys, click, `select_actor`)
    and when the panel gains focus — the reader shows only that actor's mentions and scrolls to the first.
  * `ActorsPanel.ActorChosen(actor)` on Enter / double click — the app filters the folder with `actor:`.
`set_analysis` never posts: the app resets its own actor focus when the article changes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rich.cells import cell_len
from textual.binding import Binding
from textual.message import Message

from newsreader.analysis.model import KINDS, Actor, Analysis
from newsreader.ui.row_list import Row, RowList, fit, grouped_rows

GROUP_TITLES = {"person": "People", "organisation": "Organisations", "place": "Places"}


def mention_label(mentions: int, quotes: int) -> str:
    """"3 mentions · 2 quotes" ("1 mention"; the quote part only when there are quotes)."""
    text = f"{mentions} mention{'' if mentions == 1 else 's'}"
    if quotes:
        text += f" · {quotes} quote{'' if quotes == 1 else 's'}"
    return text


def ordered_groups(analysis: Analysis) -> list[tuple[str, list[Actor]]]:
    """(kind, actors) in display order: groups by total mentions (desc, ties in KINDS order), actors by
    mentions, then quotations (desc), then name. Unknown kinds are shown with the places' neighbours last.
    Actors with no mention in the body (named only in the title) are left out: the panel is for stepping
    through mentions, and "Europe — 0 mentions" reads as an error."""
    quotes = Counter(q.speaker for q in analysis.quotes if q.speaker)
    groups: dict[str, list[Actor]] = {}
    for actor in analysis.actors:
        if actor.mentions or quotes.get(actor.name):
            groups.setdefault(actor.kind, []).append(actor)
    for actors in groups.values():
        actors.sort(key=lambda a: (-len(a.mentions), -quotes.get(a.name, 0), a.name.casefold()))
    rank = {k: i for i, k in enumerate(KINDS)}
    order = sorted(groups, key=lambda k: (-sum(len(a.mentions) for a in groups[k]), rank.get(k, len(KINDS)), k))
    return [(k, groups[k]) for k in order]


class ActorsPanel(RowList):
    """The article's actors by kind; see the module docstring for the messages it posts.

    Public API: `set_analysis(analysis)`, `actors` (display order), `current` (actor under the cursor),
    `select_actor(name)`, `quote_count(actor)`.
    """

    PREFIX = "actors-panel"
    # (here, not in newsreader.tcss: parsed when first shown, not before the reader's first frame)
    DEFAULT_CSS = """
    ActorsPanel {
        width: 33;
        max-width: 45%;
        min-width: 24;
        height: 1fr;
        border-left: vkey $panel-lighten-2;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
        & > .actors-panel--heading { text-style: bold; color: $text-muted; }
        & > .actors-panel--person { color: #6cb6ff; }
        & > .actors-panel--organisation { color: #d39ef0; }
        & > .actors-panel--place { color: #8fd18f; }
        & > .actors-panel--count { color: $text-muted; }
        & > .actors-panel--cursor { background: $accent 40%; }
        & > .actors-panel--cursor-blurred { background: $panel-lighten-2; }
        & > .actors-panel--empty { color: $text-muted; text-style: italic; }
        &:focus { border-left: vkey $accent; }
    }
    """
    BINDINGS = [
        *RowList.BINDINGS[:-1],
        Binding("enter", "select", "Filter by actor", show=True, id="actors.filter"),
        Binding("escape", "app.escape", "Close", key_display="esc", id="actors.close"),
    ]
    COMPONENT_CLASSES = {
        "actors-panel--heading",
        "actors-panel--person",
        "actors-panel--organisation",
        "actors-panel--place",
        "actors-panel--count",
        "actors-panel--cursor",
        "actors-panel--cursor-blurred",
        "actors-panel--empty",
    }

    @dataclass
    class ActorHighlighted(Message):
        """The cursor is on `actor` (None: the panel has no actors); `moved`: by the user, not by the
        panel gaining focus."""

        actor: Actor | None
        moved: bool = True

    @dataclass
    class ActorChosen(Message):
        """The user chose `actor` (Enter or double click)."""

        actor: Actor

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self.actors: list[Actor] = []  # in display order; item i of the list is actors[i]
        self._groups: list[tuple[str, list[Actor]]] = []
        self._quotes: Counter[str] = Counter()
        self.empty_message = "No article."

    # ----------------------------------------------------------------------------------- API

    def set_analysis(self, analysis: Analysis | None) -> None:
        """Show the actors of `analysis` (None: nothing to show yet). The cursor stays on the actor of the
        same name if it is still there (a re-analysis), else goes to the first. Posts nothing."""
        keep = self.current.name if self.current is not None else None
        self._groups = ordered_groups(analysis) if analysis is not None else []
        self._quotes = Counter(q.speaker for q in analysis.quotes if q.speaker) if analysis is not None else Counter()
        self.actors = [a for _, actors in self._groups for a in actors]
        self.empty_message = "Analysing…" if analysis is None else "No named actors in this article."
        index = next((i for i, a in enumerate(self.actors) if a.name == keep), 0)
        self.rebuild(cursor=index)

    @property
    def current(self) -> Actor | None:
        """The actor under the cursor, or None."""
        return self.actors[self.cursor] if 0 <= self.cursor < len(self.actors) else None

    def select_actor(self, name: str) -> bool:
        """Move the cursor to the actor called `name` (posts `ActorHighlighted`); False if not listed."""
        for i, actor in enumerate(self.actors):
            if actor.name == name:
                if i == self.cursor:
                    self.post_message(self.ActorHighlighted(actor))
                self.move_to(i)
                return True
        return False

    def quote_count(self, actor: Actor) -> int:
        """Quotations attributed to `actor` in the current analysis."""
        return self._quotes.get(actor.name, 0)

    # ------------------------------------------------------------------------------- RowList hooks

    def item_moved(self, item: int) -> None:
        self.post_message(self.ActorHighlighted(self.actors[item]))

    def item_selected(self, item: int) -> None:
        self.post_message(self.ActorChosen(self.actors[item]))

    def on_focus(self) -> None:
        super().on_focus()
        self.post_message(self.ActorHighlighted(self.current, moved=False))

    def build_rows(self, width: int) -> list[Row]:
        groups = ((Row(f" {GROUP_TITLES.get(kind, kind.title())}", "heading"), [(actor, kind) for actor in actors])
                  for kind, actors in self._groups)
        return grouped_rows(groups, lambda member, item: self._actor_rows(*member, item, width))

    def _actor_rows(self, actor: Actor, kind: str, item: int, width: int) -> list[Row]:
        """" Name      3 mentions · 2 quotes" on one line when it fits, else the counts on a second line
        (right-aligned), so every row reads the same way and names are cut only when they alone are too long."""
        role = kind if kind in KINDS else ""
        counts = mention_label(len(actor.mentions), self._quotes.get(actor.name, 0))
        room = max(1, width - 2)  # a cell of margin on each side
        if cell_len(actor.name) + 2 + cell_len(counts) <= room:
            gap = room - cell_len(actor.name) - cell_len(counts)
            text = f" {actor.name}{' ' * gap}{counts}"
            spans = ((1, 1 + len(actor.name), role), (len(text) - len(counts), len(text), "count"))
            return [Row(text, "", item, tuple(s for s in spans if s[2]))]
        name = fit(actor.name, room)
        counts = fit(counts, room)
        below = f" {' ' * (room - cell_len(counts))}{counts}"
        return [Row(f" {name}", role, item), Row(below, "", item, ((len(below) - len(counts), len(below), "count"),))]
