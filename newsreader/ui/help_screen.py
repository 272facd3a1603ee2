"""The help screen: every key, generated from the bindings themselves, and the highlight legend."""

from __future__ import annotations

from typing import Iterable

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content, Span
from textual.screen import ModalScreen
from textual.widgets import Static

from newsreader.render import LEGEND

KEY_NAMES = {
    "down": "↓", "up": "↑", "left": "←", "right": "→", "pagedown": "PgDn", "pageup": "PgUp",
    "home": "Home", "end": "End", "enter": "Enter", "escape": "Esc", "space": "Space", "tab": "Tab",
    "shift+tab": "Shift+Tab", "question_mark": "?", "slash": "/", "f1": "F1", "shift+enter": "Shift+Enter",
    "left_curly_bracket": "{", "right_curly_bracket": "}", "left_square_bracket": "[",
    "right_square_bracket": "]",
}


def key_label(keys: str) -> str:
    """"j,down" -> "j ↓"; "ctrl+d" -> "Ctrl+d"."""
    out = []
    for key in keys.split(","):
        key = key.strip()
        label = KEY_NAMES.get(key)
        if label is None:
            label = key
            for prefix in ("ctrl+", "alt+", "shift+"):
                if key.startswith(prefix):
                    label = prefix[:-1].capitalize() + "+" + key[len(prefix):]
        out.append(label)
    return " ".join(out)


def binding_rows(bindings: Iterable[BindingType]) -> list[tuple[str, str]]:
    """(keys, description) for every binding with a description, merging keys that share an action."""
    rows: dict[tuple[str, str], list[str]] = {}
    for b in bindings:
        if not isinstance(b, Binding) or not b.description or b.system:
            continue
        rows.setdefault((b.action, b.description), []).append(b.key)
    return [(key_label(",".join(keys)), desc) for (_, desc), keys in rows.items()]


Section = tuple[str, Iterable[BindingType]]


def pick(bindings: Iterable[BindingType], *actions: str) -> list[BindingType]:
    """The bindings whose action is (or calls) one of `actions`, in the order given."""
    chosen: list[BindingType] = []
    pool = [b for b in bindings if isinstance(b, Binding)]
    for action in actions:
        chosen.extend(b for b in pool if b.action == action or b.action.startswith(action + "("))
    return chosen


class HelpScreen(ModalScreen[None]):
    """Keys in three columns, by what they are for, then the legend of highlight colours."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss_help", "Close help"),
    ]

    def __init__(self, columns: list[list[Section]], legend_styles: dict[str, object]) -> None:
        super().__init__()
        self.columns = columns
        self.legend_styles = legend_styles

    @property
    def sections(self) -> list[Section]:
        return [section for column in self.columns for section in column]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            with Horizontal(id="help-columns"):
                for i, column in enumerate(self.columns):
                    yield Static(self._keys_content(column), id=f"help-keys-{i}", classes="help-keys")
            yield Static(self._legend_content(), id="help-legend")
            yield Static("Esc, q or ? closes this help.", id="help-hint")

    def keys_text(self) -> str:
        """Every key and description shown (for tests and screen readers)."""
        return "\n".join(str(self._keys_content(column)) for column in self.columns)

    def on_mount(self) -> None:
        self.query_one("#help-body").border_title = "newsreader — keys"

    def _keys_content(self, sections: list[Section]) -> Content:
        parts: list[Content] = []
        for title, bindings in sections:
            rows = binding_rows(bindings)
            if not rows:
                continue
            parts.append(Content.styled(title, "bold $accent"))
            width = max(len(k) for k, _ in rows)
            for keys, desc in rows:
                parts.append(Content.assemble((f"  {keys:<{width}}", "bold"), "  ", desc))
            parts.append(Content(""))
        return Content("\n").join(parts)

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
