"""Sort the flat `tests/test_*.py` into `tests/core`, `tests/ui`, `tests/e2e`: `python scripts/layout_tests.py`.

Generates: nothing; it moves files with `git mv` and rewrites the references to them. Safe to run again
after other branches add test files to `tests/` (files already in a folder are left alone).

Where a test file goes (`folder_for`):
- e2e: the whole module is marked `pytestmark = pytest.mark.e2e` (it drives the installed command in tmux);
- ui: `test_ui_*.py`, the SVG snapshots (`test_snapshots.py`, its `__snapshots__` folder moves with it)
  and the widget tests (`UI_FILES`);
- core: every other test file (the core modules, the CLI, the web commands, the hostile-input suite).

Shared fixtures and helpers stay in `tests/` (`conftest.py`, `conftest_hostile.py`, `hostile.py`,
`svg_render.py`, `tmux_terminal.py`, `web_server.py`, `data/`), so `from tests.conftest import …` keeps
working. Each folder gets an `__init__.py`, so a test module imports another as `tests.ui.test_ui_navigation`.

Then, in every tracked text file: `tests.<module>` and `tests/<module>.py` become `tests.<folder>.<module>`
and `tests/<folder>/<module>.py`; a glob such as `tests/test_web_*.py` becomes `tests/*/test_web_*.py`.
In each moved file, `Path(__file__)…parents[n]` / `.parent` go one level further up (the file is one
folder deeper). Run the suite afterwards and compare the number of tests with the number before.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

SELF = Path(__file__).resolve()  # its own text names the flat layout: never rewritten
REPO = SELF.parents[1]
TESTS = REPO / "tests"
FOLDERS = {
    "core": "Unit and CLI tests of the core modules (no app running, no terminal).",
    "ui": "The Textual app and its widgets: App.run_test() + Pilot, and the SVG snapshots.",
    "e2e": "End-to-end: the installed `newsreader` command driven in a real terminal (tmux).",
}
UI_FILES = {"test_snapshots.py", "test_actor_widgets.py", "test_habits_list.py", "test_habits_source.py",
            "test_habits_snapshots.py", "test_web_reader.py"}
E2E_MARK = re.compile(r"^pytestmark = pytest\.mark\.e2e\b", re.MULTILINE)
TEXT_SUFFIXES = {".py", ".md", ".toml", ".cfg", ".ini", ".txt", ""}


def folder_for(path: Path) -> str:
    if E2E_MARK.search(path.read_text(encoding="utf-8")):
        return "e2e"
    if path.name.startswith("test_ui_") or path.name in UI_FILES:
        return "ui"
    return "core"


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=REPO, check=True, capture_output=True, text=True).stdout


def make_folders() -> None:
    for name, what in FOLDERS.items():
        init = TESTS / name / "__init__.py"
        if not init.exists():
            init.parent.mkdir(exist_ok=True)
            init.write_text(f'"""{what}"""\n', encoding="utf-8")
            git("add", str(init.relative_to(REPO)))


def move(moves: dict[str, str]) -> None:
    for name, folder in moves.items():
        git("mv", f"tests/{name}", f"tests/{folder}/{name}")
        snapshots = TESTS / "__snapshots__" / Path(name).stem
        if snapshots.is_dir():  # pytest-textual-snapshot keeps them beside the test module
            (TESTS / folder / "__snapshots__").mkdir(exist_ok=True)
            git("mv", str(snapshots.relative_to(REPO)), f"tests/{folder}/__snapshots__/{snapshots.name}")
    old = TESTS / "__snapshots__"
    if old.is_dir() and not any(old.iterdir()):
        old.rmdir()


def deeper(text: str) -> str:
    """`Path(__file__)` references of a file moved one folder down, pointing where they pointed before."""
    text = re.sub(r"(Path\(__file__\)(?:\.resolve\(\))?)\.parents\[(\d+)\]",
                  lambda m: f"{m.group(1)}.parents[{int(m.group(2)) + 1}]", text)
    return re.sub(r"(Path\(__file__\)(?:\.resolve\(\))?)\.parent\b(?!s)", r"\1.parents[1]", text)


def rewrite_references(moves: dict[str, str]) -> list[str]:
    changed = []
    tracked = [REPO / p for p in git("ls-files").splitlines()]
    for path in tracked:
        if path.suffix not in TEXT_SUFFIXES or "__snapshots__" in path.parts or not path.is_file() or path == SELF:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        new = text
        for name, folder in moves.items():
            module = Path(name).stem
            new = re.sub(rf"\btests\.{module}\b", f"tests.{folder}.{module}", new)
            new = re.sub(rf"\btests/{module}\.py\b", f"tests/{folder}/{module}.py", new)
        new = re.sub(r"\btests/(test_[\w]*\*[\w*]*\.py)", r"tests/*/\1", new)  # globs over the flat folder
        new = new.replace('"tests/__snapshots__"', '"tests/*/__snapshots__"')  # ruff's exclude
        if path.parent.name in FOLDERS and path.parent.parent == TESTS and path.name in moves:
            new = deeper(new)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(str(path.relative_to(REPO)))
    return changed


def main() -> int:
    flat = sorted(p for p in TESTS.glob("test_*.py"))
    moves = {p.name: folder_for(p) for p in flat}
    if not moves:
        print("nothing to move: tests/ holds no test_*.py")
        return 0
    make_folders()
    move(moves)
    for folder in FOLDERS:
        names = [n for n, f in moves.items() if f == folder]
        print(f"tests/{folder}/ ({len(names)}): {' '.join(names)}")
    changed = rewrite_references(moves)
    print("references rewritten in:", " ".join(changed) or "nothing")
    git("add", "-A", "tests")
    return 0


if __name__ == "__main__":
    sys.exit(main())
