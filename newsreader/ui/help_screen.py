"""The help screen: every key, generated from the bindings themselves, and the highlight legend.

Keys are the bindings' own as the app's keymap (`App.set_keymap`: the config's `keys`) has them, and
their labels come from Textual's own `App.get_key_display` (the footer's labels). Each section is a
two-column grid (keys, description), so a long description wraps inside its own column; sections sit
side by side when the screen is wide and in one column at 80 columns (the `-narrow` breakpoint class).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.content import Content, Span
from textual.widgets import Static

from newsreader.render import LEGEND
from newsreader.ui.panel_screen import PanelScroll, ScrollingPanelScreen

if TYPE_CHECKING:
    from textual.app import App

    from newsreader.ui.article_view import ArticleView

Section = tuple[str, Iterable[BindingType]]


def key_labels(binding: Binding, key_display: Callable[[Binding], str]) -> str:
    """"j ↓" for a binding of "j,down": every key, as `key_display` (App.get_key_display) shows it."""
    keys = [k.strip() for k in binding.key.split(",") if k.strip()]
    return " ".join(key_display(replace(binding, key=k, key_display=None)) for k in keys)


def binding_rows(bindings: Iterable[BindingType], key_display: Callable[[Binding], str]) -> list[tuple[str, str]]:
    """(keys, description) for every binding with a description, merging keys that do the same thing
    (the same description in one section: `pgdn` on the reader and `space` anywhere both page down)."""
    rows: dict[str, list[str]] = {}
    for b in bindings:
        if not isinstance(b, Binding) or not b.description or b.system:
            continue
        labels = rows.setdefault(b.description, [])
        label = key_labels(b, key_display)
        if label not in labels:
            labels.append(label)
    return [(" ".join(keys), desc) for desc, keys in rows.items()]


def pick(bindings: Iterable[BindingType], *actions: str) -> list[BindingType]:
    """The bindings whose action is (or calls) one of `actions`, in the order given."""
    chosen: list[BindingType] = []
    pool = [b for b in bindings if isinstance(b, Binding)]
    for action in actions:
        chosen.extend(b for b in pool if b.action == action or b.action.startswith(action + "("))
    return chosen


def pick_calls(bindings: Iterable[BindingType], target: str, *methods: str) -> list[Binding]:
    """The bindings of `target('method', …)` actions (the routed pane / list keys), in the order given."""
    chosen: list[Binding] = []
    pool = [b for b in bindings if isinstance(b, Binding)]
    for method in methods:
        chosen.extend(b for b in pool if b.action.startswith(f"{target}('{method}'"))
    return chosen


def note(keys: str, description: str) -> Binding:
    """A help row that is not a binding of its own (filter words, Enter in a bar)."""
    return Binding(keys, "-", description, key_display=keys)


def help_sections(app: App[Any]) -> list[list[Section]]:
    """The app's keys by what they are for, in columns (one column on a narrow screen)."""
    from newsreader.ui.actors_panel import ActorsPanel
    from newsreader.ui.article_list import ArticleList
    from newsreader.ui.article_view import ArticleView
    from newsreader.ui.filter_bar import FilterBar
    from newsreader.ui.find_bar import FindBar
    from newsreader.ui.keys import PANES_BINDINGS

    bound = app.BINDINGS
    columns: list[list[Section]] = [
        [
            ("Article list", ArticleList.BINDINGS),
            ("Reader", [*ArticleView.BINDINGS, *pick(bound, "reader"), *pick(PANES_BINDINGS, "page_or_next_unread"),
                        *pick(bound, "focus_list", "escape")]),
            ("Anywhere", [*pick_calls(bound, "list", "step"), *pick(bound, "focus_next", "focus_previous")]),
        ],
        [
            ("Find in the article", [
                *pick_calls(bound, "pane", "open_find"),
                *[b for b in pick_calls(bound, "pane", "step_match") if b.key != "enter"],
                *FindBar.BINDINGS, note("enter", "Keep the matches, read on (then n / N)"),
            ]),
            ("Filter the folder", [
                *pick_calls(bound, "list", "open_filter"), *FilterBar.BINDINGS,
                note("enter", "Keep the filter, to the list"),
            ]),
            ("Filter words", [
                note("words", "all must match"), note('"a b"', "exact phrase"), note("-word", "without word"),
                note("actor:", "actor:Hu finds Ken Hu"), note("source:", "by source"),
                note("quote:", "inside quotations"),
            ]),
            ("Articles", [*pick_calls(bound, "list", "toggle_read", "toggle_unread_only", "next_unread",
                                      "mark_all_read", "undo_mark_all_read", "toggle_star", "toggle_starred_only",
                                      "cycle_sort"),
                          *pick(bound, "reload", "fetch_feeds")]),
        ],
        [
            ("Quotations and actors", pick_calls(bound, "pane", "step_quote", "who_said", "toggle_actors",
                                                 "step_mention", "toggle_highlight")),
            ("Actors panel", ActorsPanel.BINDINGS),
            ("Source, copy, layout", [*pick_calls(bound, "pane", "show_info", "open_link", "copy_quote", "copy_link"),
                                      *pick(PANES_BINDINGS, "toggle_zoom", "resize_list")]),
            ("App", [*pick(bound, "help"), note("ctrl+p", "Open article…, Actor…"), *pick(bound, "quit")]),
        ],
    ]
    return [[(title, in_effect(app, bindings)) for title, bindings in column] for column in columns]


def in_effect(app: App[Any], bindings: Iterable[BindingType]) -> list[BindingType]:
    """The bindings with the keys the app's keymap gives them (`App.set_keymap`: the config's `keys`)."""
    keymap = app._keymap  # Textual's record of the keymap; its Screen._binding_chain reads it the same way
    return [replace(b, key=keymap[b.id]) if isinstance(b, Binding) and b.id and b.id in keymap else b for b in bindings]


class HelpScreen(ScrollingPanelScreen[None]):
    """Keys by what they are for, then the legend of highlight colours. j/k, g/G, space/b scroll it."""

    # (here, not in newsreader.tcss: parsed when first shown, not before the reader's first frame)
    DEFAULT_CSS = """
    #help-body {
        width: 118;
    }

    #help-columns {
        height: auto;
    }

    .help-keys {
        width: 1fr;
        height: auto;
        margin-right: 2;
    }

    .help-title {
        margin-top: 1;
    }

    .help-rows {
        grid-size: 2;
        grid-columns: 13 1fr;
        grid-rows: auto;
        grid-gutter: 0 1;
        height: auto;
        padding-left: 1;
        & > .help-key { color: $text; }
    }

    /* 80 columns: the key sections in one readable column */
    HelpScreen.-narrow {
        & #help-columns { layout: vertical; }
        & .help-keys { width: 1fr; margin-right: 0; }
    }

    #help-legend, #help-hint {
        margin-top: 1;
    }

    #help-hint {
        color: $text-muted;
    }
    """

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss_help", "Close help", id="help.close"),
        Binding("j,down", "scroll(1)", "Scroll", show=False, id="help.line-down"),
        Binding("k,up", "scroll(-1)", "Scroll", show=False, id="help.line-up"),
        Binding("space,pagedown", "page(1)", "Page down", show=False, id="help.page-down"),
        Binding("b,pageup", "page(-1)", "Page up", show=False, id="help.page-up"),
        Binding("g,home", "home", "Top", show=False, id="help.top"),
        Binding("G,end", "end", "Bottom", show=False, id="help.bottom"),
    ]

    def __init__(self, columns: list[list[Section]], legend_styles: dict[str, object]) -> None:
        super().__init__()
        self.columns = columns
        self.legend_styles = legend_styles

    @classmethod
    def for_app(cls, app: App[Any], view: ArticleView) -> HelpScreen:
        """The help for `app`, its legend in the colours `view` paints with (the theme's)."""
        roles = ("quote", "speaker", "person", "organisation", "place", "match", "current-match")
        return cls(help_sections(app), {role: view.role_style(role) for role in roles})

    @property
    def sections(self) -> list[Section]:
        return [section for column in self.columns for section in column]

    @property
    def body(self) -> PanelScroll:
        return self.scrolled

    def compose(self) -> ComposeResult:
        with PanelScroll(id="help-body", classes="panel"):
            with Horizontal(id="help-columns"):
                for i, column in enumerate(self.columns):
                    with Vertical(id=f"help-keys-{i}", classes="help-keys"):
                        for title, bindings in column:
                            rows = binding_rows(bindings, self.app.get_key_display)
                            if not rows:
                                continue
                            yield Static(Content.styled(title, "bold $accent"), classes="help-title")
                            with Grid(classes="help-rows"):
                                for keys, desc in rows:
                                    yield Static(Content.styled(keys, "bold"), classes="help-key")
                                    yield Static(Content(desc), classes="help-desc")
            yield Static(self._legend_content(), id="help-legend")
            yield Static("Esc, q or ? closes this help · j/k, space/b, g/G scroll it.", id="help-hint")

    def keys_text(self) -> str:
        """Every key and description shown (for tests and screen readers)."""
        return "\n".join(f"{k}  {d}" for _, bindings in self.sections
                         for k, d in binding_rows(bindings, self.app.get_key_display))

    def on_mount(self) -> None:
        self.body.border_title = "newsreader — keys"
        self.body.focus()

    def _legend_content(self) -> Content:
        text = ""
        spans: list[Span] = []
        for label, role in LEGEND:
            if text:
                text += "   "
            style = self.legend_styles.get(role)
            if style is not None:
                spans.append(Span(len(text), len(text) + len(label), style))  # type: ignore[arg-type]
            text += label
        return Content.assemble(Content.styled("Highlights", "bold $accent"), "\n  ", Content(text, spans))

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
