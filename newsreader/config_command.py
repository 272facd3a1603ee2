"""`newsreader config --path | --show | --init`: where the config file is, what is in effect, a starter file.

`--show` prints the settings in effect as YAML (defaults and remembered choices included, a comment
saying where each came from) and the config's problems on stderr (exit status 1 when there are any).
`--init` writes a commented file with every setting at its default, never over an existing file.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import textwrap
from pathlib import Path
from collections.abc import Sequence

from newsreader.config import (
    BUILT_IN_COLOURS,
    COLOUR_KINDS,
    LIST_WIDTH_RANGE,
    REMEMBERED,
    SORTS,
    Config,
    default_config_path,
    load_config,
    settings_of,
)
from newsreader.keymap import BindingInfo, check_keymap
from newsreader.sanitize import clean_line
import contextlib

TEMPLATE = """\
# newsreader configuration: {path}
# Every setting is optional; a line left commented out keeps the default shown.
# `newsreader config --show` prints the settings in effect; the README's "Configuration" section
# explains each one.

# The folder opened by `newsreader` with no path (~ is expanded; relative to where you run it).
# folder: articles

# A Textual theme:
{themes}
# Set here, it wins over the theme last picked from the command palette (ctrl+p).
# theme: textual-dark

# Order of the article list: {sorts}.
# Set here, it wins over the order last picked in the app.
# sort: newest

# The list's share of the window width, in percent ({low} to {high}).
# Set here, it wins over the width last set in the app.
# list_width: 36

# Highlight colours: #rrggbb, #rgb, rgb(r,g,b), or a Rich colour name (dark_orange, grey70, …);
# "default" keeps the built-in style.
# colours:
{colours}

# Keys: an action's name and its keys, "key1,key2" (ctrl+x, f5, pagedown, question_mark …).
# Each listed action gets exactly these keys instead of its defaults; a key used by another action
# that is active at the same time is a clash and is refused. `newsreader config --show` lists them all.
# keys:
{keys}
"""


def template_text(path: Path, actions: Sequence[tuple[str, str, str]]) -> str:
    """The commented default file; `actions`: (action, default keys, description) for the keys section."""
    from newsreader.config import THEMES

    colours = "\n".join(
        f"#   {kind}: \"{BUILT_IN_COLOURS[kind] or 'default'}\"" for kind in COLOUR_KINDS
    )
    entries = [(f'{action}: "{keys}"', description) for action, keys, description in actions]
    width = max((len(entry) for entry, _ in entries), default=0)
    keys = "\n".join(
        f"#   {entry:<{width}}  # {description}".rstrip(" #") for entry, description in entries
    )
    low, high = LIST_WIDTH_RANGE
    themes = textwrap.fill(", ".join(THEMES), 100, initial_indent="#   ", subsequent_indent="#   ",
                           break_on_hyphens=False)
    return TEMPLATE.format(
        path=path, themes=themes, sorts=", ".join(SORTS), low=low, high=high, colours=colours, keys=keys
    )


def show_text(config: Config, remembered: dict[str, object], keys: dict[str, str]) -> str:
    """The settings in effect as YAML, headed by a comment saying where each came from; `keys`: every
    action's keys in effect."""
    import yaml

    settings = {**settings_of(config), "keys": keys}
    origin = []
    for name in settings:
        if name in config.explicit:
            origin.append(f"{name}: config file")
        elif name in REMEMBERED and name in remembered and remembered[name] == settings[name]:
            origin.append(f"{name}: remembered from the app")
        else:
            origin.append(f"{name}: default")
    where = str(config.path) if config.path is not None else "(none)"
    header = f"# newsreader settings in effect (config file: {where})\n# " + " · ".join(origin) + "\n"
    # ASCII output: anything unusual in an action name from the file is printed escaped, never raw
    return header + yaml.safe_dump(settings, sort_keys=False, allow_unicode=False, width=1000)


def write_new_file(path: Path, text: str) -> str | None:
    """Create `path` with `text` atomically, never replacing an existing file: a temporary file in the
    same folder, then a hard link to the final name (which fails if the name exists). Returns None on
    success, else a one-line reason."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        return f"cannot create {path.parent}: {exc.strerror or exc}"
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.link(tmp, path)
    except FileExistsError:
        return f"{path} already exists; not changed (remove it first to start again)"
    except OSError as exc:
        return f"cannot write {path}: {exc.strerror or exc}"
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    return None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsreader config",
        description="The configuration file: $XDG_CONFIG_HOME/newsreader/config.yaml (see the README).",
    )
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--path", action="store_true", help="print where the config file is (or would be)")
    what.add_argument("--show", action="store_true", help="print the settings in effect, defaults included, as YAML")
    what.add_argument("--init", action="store_true", help="write a commented default file (never over an existing one)")
    return parser


def main(argv: Sequence[str]) -> int:
    """Run `newsreader config …`; returns the exit status."""
    args = _parser().parse_args(list(argv))
    path = default_config_path()
    if args.path:
        print(path)
        return 0
    table = _binding_table()
    if args.init:
        problem = write_new_file(path, template_text(path, actions_table(table)))
        if problem is not None:
            print(f"newsreader: {clean_line(problem, 500)}", file=sys.stderr)
            return 1
        print(f"wrote {path}")
        return 0
    from newsreader.preferences import load_preferences

    config = load_config(path)
    remembered = load_preferences()
    # clashes are checked as if every widget sat directly in the app: the reader checks again, exactly
    checked = check_keymap(config.keys, table)
    keys = {action: checked.keymap.get(action, default) for action, default, _ in actions_table(table)}
    sys.stdout.write(show_text(config.with_preferences(remembered), remembered, keys))
    problems = [*config.problems, *(f"{path.name}: {problem}" for problem in checked.problems)]
    for problem in problems:
        print(f"newsreader: {problem}", file=sys.stderr)
    return 1 if problems else 0


def _binding_table() -> list[BindingInfo]:
    """The reader's bindings: read from its classes, so this imports Textual (only `--show`, `--init`)."""
    from newsreader.ui.app import NewsReaderApp
    from newsreader.ui.apply_config import binding_table

    return binding_table(NewsReaderApp)


def actions_table(table: Sequence[BindingInfo]) -> list[tuple[str, str, str]]:
    """(action id, default keys, description) of every remappable binding, once each."""
    rows: dict[str, tuple[str, str, str]] = {}
    for info in table:
        if info.id is not None and info.id not in rows:
            rows[info.id] = (info.id, ",".join(info.keys), info.description)
    return list(rows.values())
