"""Pilot tests of the actors panel and the who-said-what screen, each mounted in a tiny test app."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.fuzzy import Matcher

from newsreader.analysis import analyse_article
from newsreader.analysis.model import Actor, Analysis, Mention, Quote
from newsreader.folder_actors import FolderActor, FolderActors
from newsreader.session import load_folder as scan
from newsreader.ui.actor_commands import ActorCommand, ActorSource, actor_help
from newsreader.ui.actors_panel import ActorsPanel, mention_label, ordered_groups
from newsreader.ui.commands import plain_highlight as highlight
from newsreader.ui.row_list import fit
from newsreader.ui.who_said import QuoteList, WhoSaidScreen
from tests.conftest import SEED, palette_hits, until

TCSS = Path(__file__).resolve().parents[2] / "newsreader" / "ui" / "newsreader.tcss"


def actor(name: str, kind: str, n: int) -> Actor:
    return Actor(name, kind, [Mention(i * 20, i * 20 + len(name), name) for i in range(n)])


def q(start: int, speaker: str | None, text: str = "words") -> Quote:
    return Quote(text, start, start + len(text), speaker)


STUB = Analysis(
    quotes=[q(500, "Ken Hu"), q(600, "Ken Hu"), q(700, "Ann Lee"), q(800, None)],
    actors=[
        actor("Ann Lee", "person", 3),
        actor("Ken Hu", "person", 3),
        actor("Bob", "person", 1),
        actor("Acme", "organisation", 2),
        actor("Paris", "place", 1),
        actor("Rome", "place", 4),
    ],
)


class PanelApp(App[None]):
    CSS_PATH = str(TCSS)
    AUTO_FOCUS = None  # the tests focus the panel themselves (focusing posts ActorHighlighted)

    def __init__(self, analysis: Analysis | None = STUB) -> None:
        super().__init__()
        self.analysis = analysis
        self.events: list[tuple[str, str | None]] = []

    def compose(self) -> ComposeResult:
        yield ActorsPanel(id="actors")

    def on_mount(self) -> None:
        self.theme = "textual-dark"
        self.query_one(ActorsPanel).set_analysis(self.analysis)

    def on_actors_panel_actor_highlighted(self, message: ActorsPanel.ActorHighlighted) -> None:
        self.events.append(("highlighted", message.actor.name if message.actor else None))

    def on_actors_panel_actor_chosen(self, message: ActorsPanel.ActorChosen) -> None:
        self.events.append(("chosen", message.actor.name))


def texts(panel: ActorsPanel | QuoteList) -> list[str]:
    return [row.text.rstrip() for row in panel.rows]


# ------------------------------------------------------------------------------------ actors panel


def test_ordering_pure() -> None:
    groups = ordered_groups(STUB)
    # people 7 mentions, places 5, organisations 2; inside: mentions, then quotations, then name
    assert [(k, [a.name for a in actors]) for k, actors in groups] == [
        ("person", ["Ken Hu", "Ann Lee", "Bob"]),
        ("place", ["Rome", "Paris"]),
        ("organisation", ["Acme"]),
    ]
    assert mention_label(1, 0) == "1 mention" and mention_label(3, 2) == "3 mentions · 2 quotes"
    assert mention_label(2, 1) == "2 mentions · 1 quote"
    assert fit("abcdef", 4) == "abc…" and fit("abc", 4) == "abc" and fit("x", 0) == ""


async def test_panel_groups_and_orders() -> None:
    app = PanelApp()
    async with app.run_test(size=(100, 30)):
        panel = app.query_one(ActorsPanel)
        assert panel.size.width == 32  # 33 columns with its border
        assert [a.name for a in panel.actors] == ["Ken Hu", "Ann Lee", "Bob", "Rome", "Paris", "Acme"]
        lines = texts(panel)
        headings = [r.text.strip() for r in panel.rows if r.role == "heading"]
        assert headings == ["People", "Places", "Organisations"]
        assert lines[1].startswith(" Ken Hu") and lines[1].endswith("3 mentions · 2 quotes")
        assert lines[2].startswith(" Ann Lee") and lines[2].endswith("3 mentions · 1 quote")
        assert lines[3].startswith(" Bob") and lines[3].endswith("1 mention")
        # names are styled by kind, counts by their own class
        ken = panel.rows[1]
        assert {role for _, _, role in ken.spans} == {"person", "count"}
        acme = next(r for r in panel.rows if "Acme" in r.text)
        assert {role for _, _, role in acme.spans} == {"organisation", "count"}
        assert panel.current is not None and panel.current.name == "Ken Hu"
        assert panel.quote_count(panel.actors[0]) == 2


async def test_panel_keys_post_highlighted_and_chosen() -> None:
    app = PanelApp()
    async with app.run_test(size=(40, 20)) as pilot:
        panel = app.query_one(ActorsPanel)
        assert app.events == []  # set_analysis posts nothing
        panel.focus()
        await pilot.pause()
        assert app.events == [("highlighted", "Ken Hu")]  # focusing shows the actor under the cursor
        await pilot.press("j", "down", "j")  # Ann Lee, Bob, then over the "Places" heading to Rome
        await pilot.press("k")
        await pilot.press("G")
        await pilot.press("g")
        await pilot.press("up")  # already first: nothing
        await pilot.press("enter")
        await pilot.pause()
        assert app.events[1:] == [
            ("highlighted", "Ann Lee"),
            ("highlighted", "Bob"),
            ("highlighted", "Rome"),
            ("highlighted", "Bob"),
            ("highlighted", "Acme"),
            ("highlighted", "Ken Hu"),
            ("chosen", "Ken Hu"),
        ]


async def test_panel_keeps_cursor_on_reanalysis_and_empty_states() -> None:
    app = PanelApp(analysis=None)
    async with app.run_test(size=(40, 12)) as pilot:
        panel = app.query_one(ActorsPanel)
        assert panel.rows == [] and panel.current is None
        assert "Analysing…" in panel.render_line(0).text
        panel.set_analysis(STUB)
        assert panel.select_actor("Paris")
        assert panel.current is not None and panel.current.name == "Paris"
        assert not panel.select_actor("Nobody")
        panel.set_analysis(Analysis(actors=[actor("Paris", "place", 9), actor("Zed", "person", 1)]))
        assert panel.current is not None and panel.current.name == "Paris"
        panel.set_analysis(Analysis())
        await pilot.pause()
        assert panel.current is None and "No named actors" in panel.render_line(0).text
        await pilot.press("j", "enter")  # nothing to move to or choose
        assert [e for e in app.events if e[0] == "chosen"] == []


async def test_panel_filled_while_hidden_then_shown() -> None:
    app = PanelApp(analysis=None)
    async with app.run_test(size=(100, 30)) as pilot:
        panel = app.query_one(ActorsPanel)
        panel.display = False
        await pilot.pause()
        panel.set_analysis(STUB)  # the app keeps the panel up to date while it is toggled off
        await pilot.pause()
        panel.display = True
        await pilot.pause()
        assert panel.rows[1].text.startswith(" Ken Hu") and panel.rows[1].text.rstrip().endswith("2 quotes")
        assert "Ken Hu" in panel.render_line(1).text


async def test_panel_on_the_seed_article() -> None:
    lib = scan(SEED)
    art = lib.articles[0]
    app = PanelApp(analyse_article(art.body, tuple(lib.hints_for(art))))
    async with app.run_test(size=(120, 36)):
        panel = app.query_one(ActorsPanel)
        assert panel.actors[0].name == "Huawei"  # the "Huawei first"
        ken = next(i for i, r in enumerate(panel.rows) if r.text.strip().startswith("Ken Hu"))
        block = " ".join(r.text for r in panel.rows[ken : ken + 2])
        assert "2 mentions · 3 quotes" in block or "3 quotes" in block


async def test_panel_long_names_wrap_counts_and_tiny_sizes_do_not_crash() -> None:
    long = Analysis(
        actors=[actor("International Committee on Taxonomy of Viruses", "organisation", 2), actor("Ed", "person", 1)]
    )
    app = PanelApp(long)
    async with app.run_test(size=(60, 20)) as pilot:
        panel = app.query_one(ActorsPanel)
        width = panel.content_width
        first, second = panel.rows[1], panel.rows[2]
        assert first.item == second.item == 0  # one item, two lines
        assert first.text.rstrip().endswith("…") and len(first.text) <= width
        assert second.text.strip() == "2 mentions"
        for size in [(1, 1), (3, 2), (10, 3), (2, 40), (200, 60), (60, 20)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            panel.refresh()
        await pilot.press("j", "k")
        assert panel.current is not None


async def test_panel_click_and_double_click() -> None:
    app = PanelApp()
    async with app.run_test(size=(40, 20)) as pilot:
        panel = app.query_one(ActorsPanel)
        line = next(i for i, r in enumerate(panel.rows) if r.text.strip().startswith("Rome"))
        assert await pilot.click(ActorsPanel, offset=(4, line))
        assert panel.current is not None and panel.current.name == "Rome"
        assert await pilot.click(ActorsPanel, offset=(4, line), times=2)
        await pilot.pause()
        assert ("chosen", "Rome") in app.events
        assert await pilot.click(ActorsPanel, offset=(4, 0))  # a heading: nothing happens
        assert panel.current is not None and panel.current.name == "Rome"


# ------------------------------------------------------------------------------------ who said what


WHO = Analysis(
    quotes=[
        q(10, None, "unattributed one"),
        q(20, "Ann Lee", "Ann's only quote"),
        q(30, "Ken Hu", "Ken first"),
        q(40, "Ken Hu", "Ken second " + "and a great many more words " * 12),
        q(50, None, "unattributed two"),
    ],
    actors=[actor("Ken Hu", "person", 2), actor("Ann Lee", "organisation", 1)],
)


class ScreenApp(App[None]):
    CSS_PATH = str(TCSS)

    def __init__(self, analysis: Analysis = WHO) -> None:
        super().__init__()
        self.analysis = analysis
        self.results: list[int | None] = []

    def on_mount(self) -> None:
        self.theme = "textual-dark"
        self.open()

    def open(self) -> None:
        self.push_screen(WhoSaidScreen(self.analysis, "A [bold]title[/bold]"), self.results.append)


async def test_who_said_groups_by_speaker_unattributed_last() -> None:
    app = ScreenApp()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WhoSaidScreen)
        assert screen.groups == [("Ken Hu", [2, 3]), ("Ann Lee", [1]), (None, [0, 4])]
        lines = texts(screen.quote_list)
        rows = zip(lines, screen.quote_list.rows, strict=False)
        headings = [line.strip() for line, row in rows if row.role == "heading"]
        assert headings == ["Ken Hu  2 quotations", "Ann Lee  1 quotation", "Unattributed  2 quotations"]
        assert lines[1] == "   “Ken first”"
        # a long quotation is cut to two lines ending with an ellipsis and the closing mark
        long_rows = [r for r in screen.quote_list.rows if r.item == 1]
        assert len(long_rows) == 2 and long_rows[1].text.endswith("…”")
        # the speaker takes its kind's colour; the title is shown literally
        ann = next(r for r in screen.quote_list.rows if r.role == "heading" and "Ann Lee" in r.text)
        assert "organisation" in {role for _, _, role in ann.spans}
        title = str(screen.query_one("#who-said-title").render())
        assert title == "A [bold]title[/bold]"
        assert screen.quote_list.has_focus and screen.quote_list.current_quote == 2


async def test_who_said_enter_returns_the_quote_index() -> None:
    app = ScreenApp()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "j")  # Ken first -> Ken second -> Ann -> unattributed one
        await pilot.press("enter")
        await pilot.pause()
        assert app.results == [0]
        assert not isinstance(app.screen, WhoSaidScreen)
        app.open()
        await pilot.pause()
        await pilot.press("G", "k", "enter")
        await pilot.pause()
        assert app.results == [0, 0]  # G: unattributed two (4), k: unattributed one (0)


@pytest.mark.parametrize("key", ["escape", "q", "w"])
async def test_who_said_closes_with_none(key: str) -> None:
    app = ScreenApp()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j", key)
        await pilot.pause()
        assert app.results == [None]
        assert not isinstance(app.screen, WhoSaidScreen)


async def test_who_said_without_quotations_and_tiny_sizes() -> None:
    app = ScreenApp(Analysis())
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WhoSaidScreen) and screen.groups == []
        assert "No quotations" in screen.quote_list.render_line(0).text
        await pilot.press("enter")
        await pilot.pause()
        assert app.results == [] and isinstance(app.screen, WhoSaidScreen)
        for size in [(1, 1), (5, 3), (200, 60)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == [None]


async def test_who_said_on_the_seed_article() -> None:
    lib = scan(SEED)
    art = lib.articles[0]
    analysis = analyse_article(art.body, tuple(lib.hints_for(art)))
    app = ScreenApp(analysis)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WhoSaidScreen)
        speakers = [(s, len(ix)) for s, ix in screen.groups]
        assert speakers[0] == ("Ken Hu", 3) and ("Donald Trump", 1) in speakers
        await pilot.resize_terminal(30, 10)
        await pilot.pause()
        await pilot.press("G", "enter")
        await pilot.pause()
        (index,) = app.results
        assert index == screen.groups[-1][1][-1]  # G: the last quotation listed


# ----------------------------------------------------------------------------- palette "Actor…"


class PaletteApp(App[None]):
    COMMANDS = {ActorCommand}

    def __init__(self) -> None:
        super().__init__()
        index = FolderActors()
        index.add("a", STUB)
        index.add("b", Analysis(actors=[actor("[bold]Odd[/bold] Name", "person", 1), actor("Ken Hu", "person", 1)]))
        self.actors = index.actors()
        self.chosen: list[str] = []

    def folder_actors(self) -> tuple[list[FolderActor], str | None]:
        return self.actors, "analysing 2/3"

    def choose_folder_actor(self, actor: FolderActor) -> None:
        self.chosen.append(actor.name)


ACTOR_PALETTE = "Actor… (type a name)"  # the placeholder of the palette the `Actor…` command opens


async def test_actor_palette_lists_and_chooses() -> None:
    app = PaletteApp()
    assert isinstance(app, ActorSource)
    assert actor_help(app.actors[0]) == "person · 2 articles · 2 quotations"
    odd = next(a for a in app.actors if a.name.startswith("[bold]"))
    assert highlight(Matcher("odd"), odd.name).plain == "[bold]Odd[/bold] Name"  # never parsed as markup
    async with app.run_test(size=(100, 30)) as pilot:
        app.action_command_palette()
        await pilot.press(*"Actor")
        await until(pilot, lambda: palette_hits(pilot) > 0, "the palette to find the command")
        await pilot.press("enter")
        await until(pilot, lambda: palette_hits(pilot, ACTOR_PALETTE) > 0, "the actor palette to list actors")
        await pilot.press(*"ken")
        await until(pilot, lambda: palette_hits(pilot, ACTOR_PALETTE) == 1, "the palette to narrow to Ken Hu")
        await pilot.press("enter")
        await until(pilot, lambda: app.chosen != [], "the choice")
        assert app.chosen == ["Ken Hu"]


MANY_QUOTES = Analysis(
    quotes=[q(10 * i, f"Speaker {i % 4}", f"quotation number {i} " * 6) for i in range(20)],
    actors=[actor(f"Speaker {i}", "person", 1) for i in range(4)],
)


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (40, 12)])
async def test_who_said_long_list_scrolls_inside_the_panel(size: tuple[int, int]) -> None:
    """Twenty quotations: the list is cut to the panel's room and scrolls there, so the cursor never goes
    below the panel's border and the hint under the list stays on screen (the list used to grow to 30
    lines past the panel, at every size)."""
    app = ScreenApp(MANY_QUOTES)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WhoSaidScreen)
        body = screen.query_one("#who-said-body").content_region
        hint = screen.query_one("#who-said-hint").region
        listed = screen.quote_list
        assert body.contains_region(hint) and hint.height == 1
        assert body.contains_region(listed.region) and listed.region.bottom <= hint.y
        for _ in range(12):
            await pilot.press("j")
        await pilot.pause()
        first, last = listed._item_lines[listed.cursor]
        top = listed.scroll_offset.y
        assert top <= first and last < top + listed.size.height  # the cursor's lines are shown


async def test_who_said_empty_message_is_shown() -> None:
    """An article without quotations says so inside the panel (the list had no height, so nothing did)."""
    app = ScreenApp(Analysis())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        listed = app.screen.query_one(QuoteList)
        assert listed.size.height >= 1 and "No quotations in this article." in listed.render_line(0).text
