"""The user's config applied to the running app: keys (Textual's keymap), theme, highlight colours,
sort and list width; a notice for the config's problems; the theme picked in the app remembered.

The binding table (`binding_table`) is read from the classes' own BINDINGS, so the keys in effect, the
footer and the help screen all come from one place: the bindings plus the keymap installed here.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, TypeVar
from collections.abc import Iterable

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from newsreader.config import CONFIG_FILE, Colours, Config
from newsreader.ui.choices import remember_choice

if TYPE_CHECKING:  # the keymap's checks load with the keys, just after the first frame
    from textual.theme import Theme

    from newsreader.keymap import BindingInfo

MAX_NOTICE_LINES = 6
COLOUR_TIE_BREAKER = 1  # the config's colours win over the stylesheet's rules for the same selectors

# Where each highlight kind is painted (the component classes of newsreader.tcss) and how: a colour,
# or a colour with an opacity. Added with a higher tie-breaker than the stylesheet's, the same selectors win.
COLOUR_RULES: dict[str, tuple[tuple[str, str], ...]] = {
    "quotation": (
        ("ArticleView > .article--quote", "color: {c};"),
        ("ArticleView > .article--quote-mark", "color: {c} 55%;"),
        ("QuoteList > .who-said--quote", "color: {c};"),
        ("QuoteList > .who-said--quote-mark", "color: {c} 55%;"),
    ),
    "speaker": (("ArticleView > .article--speaker", "color: {c};"),),
    "person": (
        ("ArticleView > .article--person", "color: {c};"),
        ("ActorsPanel > .actors-panel--person", "color: {c};"),
        ("QuoteList > .who-said--person", "color: {c};"),
    ),
    "organisation": (
        ("ArticleView > .article--organisation", "color: {c};"),
        ("ActorsPanel > .actors-panel--organisation", "color: {c};"),
        ("QuoteList > .who-said--organisation", "color: {c};"),
    ),
    "place": (
        ("ArticleView > .article--place", "color: {c};"),
        ("ActorsPanel > .actors-panel--place", "color: {c};"),
        ("QuoteList > .who-said--place", "color: {c};"),
    ),
    "match": (
        ("ArticleView > .article--match", "background: {c} 45%;"),
        ("ArticleView > .article--current-match", "background: {c};"),
    ),
}


def colour_css(colours: Colours) -> str:
    """The stylesheet rules that carry the config's colours."""
    rules: list[str] = []
    for kind, colour in colours.chosen().items():
        rules.extend(f"{selector} {{ {declaration.format(c=colour)} }}" for selector, declaration in COLOUR_RULES[kind])
    return "\n".join(rules) + "\n"


# ----------------------------------------------------------------------------------- the bindings


def ui_classes() -> list[type[DOMNode]]:
    """Every widget and screen class of newsreader.ui (all its modules imported), in a stable order."""
    import pkgutil

    import newsreader.ui as package

    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")
    found: dict[str, type[DOMNode]] = {}
    pending: list[type[DOMNode]] = [DOMNode]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.startswith(package.__name__ + ".") and not issubclass(cls, App):
            found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return [found[name] for name in sorted(found)]


def _infos(scope: str, bindings: Iterable[Binding]) -> list[BindingInfo]:
    """One entry per binding, its keys gathered (Textual's merged map holds one binding per key)."""
    from newsreader.keymap import BindingInfo

    grouped: dict[tuple[str | None, str, str], list[str]] = {}  # (id, action, description) -> keys
    for b in bindings:
        if not b.system:
            grouped.setdefault((b.id, b.action, b.description), []).extend(k.strip() for k in b.key.split(","))
    return [
        BindingInfo(bid, scope, tuple(dict.fromkeys(keys)), description)
        for (bid, action, description), keys in grouped.items()
    ]


def binding_table(app_class: type[App[Any]]) -> list[BindingInfo]:
    """Every binding of the app (scope "app", the command palette's key included) and of each widget
    and screen class (scope: the class name); ids only where the bindings have one."""
    from newsreader.keymap import APP_SCOPE

    app_bindings = [b for _, b in app_class._merge_bindings()]
    if app_class.ENABLE_COMMAND_PALETTE:
        app_bindings.append(Binding(app_class.COMMAND_PALETTE_BINDING, "command_palette", "Command palette"))
    table = _infos(APP_SCOPE, app_bindings)
    for cls in ui_classes():
        table.extend(_infos(cls.__name__, (b for _, b in cls._merge_bindings())))
    return table


def scope_parents(app: App[Any], table: Iterable[BindingInfo]) -> dict[str, set[str]]:
    """Which scopes of `table` hold which in the running app: for each mounted widget class with
    bindings, the nearest ancestor classes with bindings (else "app"); the bars, made on first use, where
    they will be: the find bar in the reading pane, the filter bar in the list pane, each bar's input in
    its bar. Screens, and other widgets not mounted yet, hang from "app"."""
    from newsreader.keymap import APP_SCOPE
    from newsreader.ui.input_bar import BarInput, InputBar
    from newsreader.ui.list_pane import ListPane
    from newsreader.ui.reader_pane import ReaderPane

    scopes = {info.scope for info in table}

    def nearest_scope(node: DOMNode | None) -> str:
        while node is not None and not isinstance(node, (App, Screen)):
            if type(node).__name__ in scopes:
                return type(node).__name__
            node = node.parent
        return APP_SCOPE

    parents: dict[str, set[str]] = {}
    for node in app.screen.walk_children(with_self=False):
        if type(node).__name__ in scopes:
            parents.setdefault(type(node).__name__, set()).add(nearest_scope(node.parent))
    for bar, host in (("FindBar", ReaderPane), ("FilterBar", ListPane)):
        for node in app.screen.query(host):
            parents.setdefault(bar, set()).add(nearest_scope(node))
    for cls in ui_classes():
        if issubclass(cls, InputBar):
            parents.setdefault(BarInput.__name__, set()).add(cls.__name__)
    return parents


# ------------------------------------------------------------------------------------ applying


AppT = TypeVar("AppT", bound=App[Any])


def install_config(app: AppT, config: Config | None) -> AppT:
    """`app`, made to apply `config` (None: the built-in defaults) as it starts.

    The theme and the colours are installed now, before the app runs, so that Textual parses its
    stylesheet once, with them, when the first screen mounts (`NewsReaderApp.refresh_css`): installed
    after mounting, they re-parsed and re-applied the whole stylesheet, ~40 ms before the first frame.
    The colours' rules carry a higher tie-breaker than the stylesheet's, so the same selectors win
    wherever they are read from. The rest needs the mounted widgets: a callback posted before the app
    runs is its first message, handled right after its `on_mount` (Textual dispatches Compose and Mount
    before reading its queue) and before its first frame."""
    if config is not None:
        app.theme = config.theme
        if config.colours.chosen():
            where = (str(config.path or CONFIG_FILE), "colours")
            app.stylesheet.add_source(colour_css(config.colours), read_from=where, tie_breaker=COLOUR_TIE_BREAKER)
        app.call_later(apply_config, app, config)
    return app


def apply_config(app: App[Any], config: Config) -> None:
    """Install the rest of the config in the mounted app: sort and list width before the first frame; the
    keys (which import every widget module to know all bindings, ~35 ms) and the notice of problems just
    after it."""
    from newsreader.ui.list_pane import ListPane
    from newsreader.ui.panes import Panes

    app.query_one(ListPane).sort = config.sort
    app.query_one(Panes).list_width = config.list_width
    app.theme_changed_signal.subscribe(app, lambda theme: _theme_changed(app, config, theme))
    app.call_after_refresh(_install_keys, app, config)


def _install_keys(app: App[Any], config: Config) -> None:
    """The checked keymap, then one notice with every problem of the config (if any)."""
    from newsreader.keymap import check_keymap

    table = binding_table(type(app))
    checked = check_keymap(config.keys, table, scope_parents(app, table))
    app.set_keymap(checked.keymap)
    where = config.path.name if config.path is not None else CONFIG_FILE
    problems = [*config.problems, *(f"{where}: {problem}" for problem in checked.problems)]
    if problems:
        shown = problems[:MAX_NOTICE_LINES]
        if len(problems) > len(shown):
            shown.append(f"… and {len(problems) - len(shown)} more: run `newsreader config --show`")
        app.notify("\n".join(shown), title=f"Problems in {where} (defaults used)", severity="warning",
                   timeout=12, markup=False)


def _theme_changed(app: App[Any], config: Config, theme: Theme) -> None:
    """A theme picked in the app is remembered for next time; the config file still wins if it sets one."""
    if theme.name == config.theme:
        return
    if "theme" in config.explicit:
        app.notify(f"{theme.name} until you quit: the config file sets theme: {config.theme}", timeout=4,
                   markup=False)
    remember_choice(app, "theme", theme.name)
