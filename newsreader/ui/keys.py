"""The app-wide key bindings, each with a stable `id` so a config file can remap it (`App.set_keymap`).

Order matters: the footer shows bindings in this order and cuts from the right when the terminal is
narrow, so the keys that matter most come first (at 80 columns: quit, back, find, n/N, who said what,
actors, filter, help). Reader keys call `pane(...)` and list keys `list(...)`: the App routes them to the `ReaderPane` /
`ListPane` methods of that name, so they work wherever the focus is (the reader previews the list's
article).
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

APP_BINDINGS: list[BindingType] = [
    Binding("q", "quit", "Quit", id="app.quit"),
    Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit-now"),
    Binding("escape", "escape", "Back", key_display="esc", id="app.back"),
    Binding("slash,ctrl+f", "pane('open_find')", "Find", key_display="/", id="reader.find"),
    Binding("n", "pane('step_match', 1)", "Next", id="reader.next-match"),
    Binding("N", "pane('step_match', -1)", "Prev", id="reader.previous-match"),
    Binding("w", "pane('who_said')", "Who said what", id="reader.who-said"),
    Binding("a", "pane('toggle_actors')", "Actors", id="reader.actors"),
    Binding("f", "list('open_filter')", "Filter", id="list.filter"),
    Binding("question_mark,f1", "help", "Help", key_display="?", id="app.help"),
    # n/N above are shown (and run) only while there is a find; without one these say so in one line
    Binding("n,N", "pane('step_match', 0)", "", show=False, id="reader.no-match"),
    Binding("H", "pane('toggle_highlight')", "Highlights", show=False, id="reader.highlights"),
    Binding("enter", "pane('step_match', 1)", "Next match", show=False, id="reader.enter-next-match"),
    Binding("J", "list('step', 1)", "Next article", show=False, id="list.next-article"),
    Binding("K", "list('step', -1)", "Previous article", show=False, id="list.previous-article"),
    Binding("space", "reader('page', 1)", "Page down", show=False, id="reader.page-down"),
    Binding("b", "reader('page', -1)", "Page up", show=False, id="reader.page-up"),
    Binding("ctrl+d", "reader('half_page', 1)", "Half page down", show=False, id="reader.half-page-down"),
    Binding("ctrl+u", "reader('half_page', -1)", "Half page up", show=False, id="reader.half-page-up"),
    Binding("h,left", "focus_list", "List", show=False, id="app.to-list"),
    Binding("right_square_bracket", "pane('step_mention', 1)", "Next mention", show=False,
            id="reader.next-mention"),
    Binding("left_square_bracket", "pane('step_mention', -1)", "Previous mention", show=False,
            id="reader.previous-mention"),
    Binding("right_curly_bracket", "pane('step_quote', 1)", "Next quotation", show=False,
            id="reader.next-quote"),
    Binding("left_curly_bracket", "pane('step_quote', -1)", "Previous quotation", show=False,
            id="reader.previous-quote"),
    Binding("m", "list('toggle_read')", "Read/unread", show=False, id="list.toggle-read"),
    Binding("U", "list('toggle_unread_only')", "Unread only", show=False, id="list.unread-only"),
    Binding("r", "reload", "Reload", show=False, id="app.reload"),
    Binding("tab", "focus_next", "Next pane", show=False, id="app.next-pane"),
    Binding("shift+tab", "focus_previous", "Previous pane", show=False, id="app.previous-pane"),
]
