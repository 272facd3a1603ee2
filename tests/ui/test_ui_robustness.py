"""The reader never freezes and never dies (issue 13, items 1, 6 and 12 in the reading pane and the App).

Bounded by counting: how many regex searches ran on the UI thread, how many results were applied.
"""

from __future__ import annotations

import ast
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from textual.app import App

import newsreader.search
from newsreader.ui.app import NewsReaderApp
from tests.conftest import write_article
from tests.ui.test_ui_find_filter import status
from tests.ui.test_ui_navigation import loaded

UI = Path(newsreader.__file__).parent / "ui"  # type: ignore[name-defined]


def catastrophic_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "aaa"
    write_article(folder, "a.txt", "Many a", "a" * 40 + "b\n\nSecond paragraph.", date="2024-01-01")
    return folder


# item 1 ----------------------------------------------------------------------------------------------


async def test_a_catastrophic_regex_never_runs_on_the_ui_thread_and_stale_ones_are_dropped(
    tmp_path: Path, make, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    from newsreader import find_process

    monkeypatch.setattr(find_process, "REGEX_BUDGET_S", 0.3)
    on_ui_thread: list[str] = []
    real = newsreader.search.find_matches

    def counting(text: str, query: str, *, regex: bool = False, whole_word: bool = False):  # noqa: ANN202
        if regex and query and threading.current_thread() is threading.main_thread():
            on_ui_thread.append(query)
        return real(text, query, regex=regex, whole_word=whole_word)

    monkeypatch.setattr(newsreader.search, "find_matches", counting)
    from newsreader.ui.reader_pane import ReaderPane

    applied: list[str] = []
    real_apply = ReaderPane._apply_find

    def recording(self: ReaderPane, result, **kwargs: bool) -> None:  # noqa: ANN001
        if self.find.regex:
            applied.append(self.find.text)
        real_apply(self, result, **kwargs)

    monkeypatch.setattr(ReaderPane, "_apply_find", recording)
    app = make(catastrophic_folder(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(app, pilot)
        await pilot.press("enter", "slash", "alt+r", *"(a|a)*$", "backspace")
        pane = app.reader_pane
        assert app.query_one("#find-input").value == "(a|a)*"  # every key echoed while a search ran
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "(a|a)*$" not in applied  # overtaken by the next key: cancelled, never applied
        assert pane.find.text == "(a|a)*" and status(app).startswith("1/")
        await pilot.press("$")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert applied[-1] == "(a|a)*$" and status(app) == "regex too slow (0.3 s)"
        assert on_ui_thread == []


async def test_literal_find_stays_synchronous(tmp_path: Path, make) -> None:  # noqa: ANN001
    app = make(catastrophic_folder(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(app, pilot)
        await pilot.press("slash", "b")
        assert app.reader_pane.matches and not list(app.workers)  # found at once, no worker


# item 6 ----------------------------------------------------------------------------------------------


def test_every_notice_of_computed_text_is_plain_text() -> None:
    """A notice whose text is not a literal (file names, YAML errors, exceptions) passes markup=False."""
    offenders = []
    for path in UI.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "notify" and node.args:
                text = node.args[0]
                literal = isinstance(text, ast.Constant) or (
                    isinstance(text, ast.IfExp) and all(isinstance(x, ast.Constant) for x in (text.body, text.orelse))
                )
                plain = any(k.arg == "markup" and isinstance(k.value, ast.Constant) and k.value.value is False
                            for k in node.keywords)
                if not literal and not plain:
                    offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []


async def test_a_state_path_with_markup_in_it_is_shown_not_parsed(
    tmp_path: Path, small_folder: Path, make, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    state_home = tmp_path / "st[/]ate[bold]"
    (state_home / "newsreader" / "state.json").mkdir(parents=True)  # unreadable: its path is in the notice
    monkeypatch.setenv("XDG_STATE_HOME", str(state_home))
    app = make(small_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(app, pilot)
        notices = [n.message for n in app._notifications]
        assert any("[/]" in n for n in notices), notices
        assert app.is_running


def test_invalid_utf8_from_the_terminal_is_dropped_not_fatal() -> None:
    from newsreader.ui.terminal import ReaderDriver, lenient_decoder

    decode = lenient_decoder()
    assert decode(b"\x9bab") == "ab"
    assert decode(b"\xc3") == "" and decode(b"\xa9") == "é"  # split sequences still join
    assert ReaderDriver.run_input_thread is not ReaderDriver.__mro__[1].run_input_thread


def test_the_reader_exits_non_zero_after_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsreader.ui.app as app_module
    from newsreader.ui.terminal import run_reader

    class Crashing(App[None]):
        marks = SimpleNamespace(unsaved=None)  # as the reader's (`ReadMarks`): nothing left unsaved

        def on_mount(self) -> None:
            raise RuntimeError("boom")

        def run(self, **kwargs: object) -> None:  # type: ignore[override]
            super().run(headless=True)

    monkeypatch.setattr(app_module, "make_app", lambda path, **kw: Crashing())
    assert run_reader(Path(".")) == 1


# item 12 ---------------------------------------------------------------------------------------------


async def test_a_failing_scan_is_shown_and_r_tries_again(
    small_folder: Path, make, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    from newsreader.session import Session

    real = Session.warm_start
    fail = {"on": True}

    def warm_start(self: Session) -> list:  # noqa: ANN001
        if fail["on"]:
            raise TypeError("unhashable type: 'list'")
        return real(self)

    monkeypatch.setattr(Session, "warm_start", warm_start)
    app: NewsReaderApp = make(small_folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        header = str(app.query_one("#header").render())
        assert "loading…" not in header and "loading the folder failed" in header
        assert any("unhashable" in n.message for n in app._notifications)
        fail["on"] = False
        await pilot.press("r")
        await loaded(app, pilot)
        header = str(app.query_one("#header").render())
        assert "3 articles" in header and "failed" not in header
        assert len(app.article_list.articles) == 3
