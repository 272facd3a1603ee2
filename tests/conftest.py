"""Shared fixtures: small article folders written per test, an app factory, no cursor blink."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:  # annotations only: Textual is imported by the tests that drive the app
    from textual.pilot import Pilot

# fixtures that live beside what they serve: the hostile folders (built once per session) and the local
# web server of the web tests (`web`, `web_home`)
pytest_plugins = ["tests.conftest_hostile", "tests.web_server"]

REPO = Path(__file__).resolve().parents[1]
ARTICLES = REPO / "articles"
SEED = ARTICLES / "huawei-opens-brussels-transparency-centre.txt"
SEED_TITLE = "Huawei opens Brussels transparency centre as it seeks to win over Europe"

# Keep user state and caches of the test run out of the real home directory.
os.environ.setdefault("XDG_STATE_HOME", str(Path(os.environ.get("TMPDIR", "/tmp")) / "newsreader-test-state"))
os.environ.setdefault("XDG_CACHE_HOME", str(Path(os.environ.get("TMPDIR", "/tmp")) / "newsreader-test-cache"))
# ... and never read the user's own config file (tests that need one point XDG_CONFIG_HOME elsewhere).
os.environ["XDG_CONFIG_HOME"] = str(Path(os.environ.get("TMPDIR", "/tmp")) / "newsreader-test-config")


def write_article(folder: Path, name: str, title: str, body: str, date: str | None = None, **meta: str) -> Path:
    """Write a .txt article with YAML front matter."""
    lines = ["---", f"title: {title!r}"]
    if date:
        lines.append(f"date: {date}")
    lines += [f"{k}: {v!r}" for k, v in meta.items()]
    lines.append("---")
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n" + body + "\n", encoding="utf-8")
    return path


def run_cli(*args: str, tmp: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    """`newsreader ARGS` in a child process with its state and cache under `tmp`, UTF-8 output without
    colour unless `extra` (environment variables) says otherwise; stdin closed."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "TMUX")}
    env.update(XDG_STATE_HOME=str(tmp / "state"), XDG_CACHE_HOME=str(tmp / "cache"), PYTHONIOENCODING="utf-8",
               NO_COLOR="1")
    env.update(extra)
    return subprocess.run([sys.executable, "-m", "newsreader", *args], capture_output=True, timeout=120, env=env,
                          cwd=tmp, stdin=subprocess.DEVNULL, encoding="utf-8", errors="replace")


HANG_GUARD_S = 60.0  # how long `until` waits before calling it a hang: generous, a busy machine is slow


async def until(pilot: Pilot[Any], predicate: Callable[[], bool], what: str, timeout: float = HANG_GUARD_S) -> None:
    """Let the app run until `predicate()` holds. `timeout` only stops a hang: it is never a speed check
    (tests bound work by counting; speed is measured in benchmarks/)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")
        await pilot.pause(0.02)


def palette_hits(pilot: Pilot[Any], placeholder: str | None = None) -> int:
    """How many hits the command palette on top lists (0 when no palette is on top, or when `placeholder`
    is given and the palette on top has another one).

    Typing into a palette and pressing Enter before its search has answered would choose nothing, so
    palette tests wait for hits instead of pausing a fixed time."""
    from textual.command import CommandInput, CommandList, CommandPalette

    screen = pilot.app.screen
    if not isinstance(screen, CommandPalette):
        return 0
    if placeholder is not None and screen.query_one(CommandInput).placeholder != placeholder:
        return 0
    return screen.query_one(CommandList).option_count


@pytest.fixture
def small_folder(tmp_path: Path) -> Path:
    """Three dated articles: newest 'Gamma', then 'Beta', then 'Alpha'."""
    folder = tmp_path / "news"
    folder.mkdir()
    write_article(folder, "a.txt", "Alpha story", "Alpha body one.\n\nAlpha paragraph two.", date="2020-01-01",
                  source="Alpha Times")
    write_article(folder, "b.txt", "Beta story", "Beta body with \"a quotation here,\" said Jane Doe.",
                  date="2020-02-01", source="Beta Post")
    write_article(folder, "c.txt", "Gamma story", "Gamma body.\n\n" + "\n\n".join(
        f"Gamma paragraph {i} with some words to fill the line and more words after that." for i in range(60)
    ), date="2020-03-01", source="Gamma Daily")
    return folder


@pytest.fixture
def make(tmp_path: Path) -> Callable[..., object]:
    """App factory for Pilot tests (background analysis off unless asked for, for determinism)."""
    from newsreader.ui.app import make_app

    def factory(path: Path | str, **kwargs: bool) -> object:
        kwargs.setdefault("background_analysis", False)
        kwargs.setdefault("watch", False)
        return make_app(path, **kwargs)

    return factory


@pytest.fixture(autouse=True)
def _private_state_and_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets its own read-state file and index cache: no test sees another's last position."""
    home = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))


@pytest.fixture(autouse=True)
def _no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    from textual.widgets import Input

    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None, raising=False)
