"""The user's configuration file: `$XDG_CONFIG_HOME/newsreader/config.yaml`, read into a `Config`.

Loading never raises and never stops the reader: every problem (a YAML error, an unknown setting, a
value of the wrong type or out of range, a colour that is not one, a key that names no key, a file that
is not a readable regular file or is too big) becomes one line in `Config.problems`, and that entry
keeps its default. The TUI shows the problems as a notice, the CLI on stderr.

Action names in `keys` are checked here only for their keys; whether the action exists and whether the
new keys clash with other bindings depends on the app's bindings (`keymap.check_keymap`, called by the UI).

No Textual import: the theme names Textual ships are kept here as data (a test compares them with
`textual.theme.BUILTIN_THEMES`); colours are checked with Rich and stored as `#rrggbb`.
"""

from __future__ import annotations

import difflib
import os
import reprlib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any
from collections.abc import Mapping, Sequence

from newsreader.sanitize import clean_line

APP_NAME = "newsreader"
CONFIG_FILE = "config.yaml"
MAX_CONFIG_BYTES = 256 * 1024  # a hand-written config is a few hundred bytes; more is not one

THEMES = (
    "textual-dark", "textual-light", "nord", "gruvbox", "catppuccin-mocha", "catppuccin-latte",
    "catppuccin-frappe", "catppuccin-macchiato", "dracula", "tokyo-night", "monokai", "flexoki",
    "solarized-light", "solarized-dark", "rose-pine", "rose-pine-moon", "rose-pine-dawn", "atom-one-dark",
    "atom-one-light", "ansi-dark", "ansi-light",
)
SORTS = ("newest", "oldest", "title", "source", "quotes")
LIST_WIDTH_RANGE = (16, 70)  # percent of the window (the narrowest and widest list `+`/`-` make)

# The highlight kinds a colour can be set for, and what the stylesheet uses when none is set
# (`newsreader.tcss`; a test keeps the two in step). None: no colour of its own (bold, or the theme's).
COLOUR_KINDS = ("person", "organisation", "place", "quotation", "speaker", "match")
BUILT_IN_COLOURS: dict[str, str | None] = {
    "person": "#6cb6ff",
    "organisation": "#d39ef0",
    "place": "#8fd18f",
    "quotation": "#e0a458",
    "speaker": None,
    "match": None,
}
DEFAULT_COLOUR = "default"  # the value that asks for the built-in colour


def default_config_path() -> Path:
    """`$XDG_CONFIG_HOME/newsreader/config.yaml` (else the platform's config dir: ~/.config on Linux)."""
    base = os.environ.get("XDG_CONFIG_HOME", "").strip()
    if base and os.path.isabs(base):  # the XDG spec: a relative value is invalid and is ignored
        return Path(base) / APP_NAME / CONFIG_FILE
    import platformdirs  # a Textual dependency; imported only when needed

    return Path(platformdirs.user_config_dir(APP_NAME)) / CONFIG_FILE


@dataclass(frozen=True)
class Colours:
    """Highlight colours by kind, `#rrggbb`; None keeps the stylesheet's (theme-aware) style."""

    person: str | None = None
    organisation: str | None = None
    place: str | None = None
    quotation: str | None = None
    speaker: str | None = None
    match: str | None = None

    def chosen(self) -> dict[str, str]:
        """The kinds given a colour of their own: {kind: "#rrggbb"}."""
        return {kind: value for kind in COLOUR_KINDS if (value := getattr(self, kind)) is not None}


@dataclass(frozen=True)
class Config:
    """The settings in effect. `explicit` names the settings the file sets (they win over the choices
    remembered in the state directory, see `with_preferences`); `problems` are one line each."""

    folder: str = "articles"
    theme: str = "textual-dark"
    colours: Colours = field(default_factory=Colours)
    sort: str = "newest"
    list_width: int = 36
    keys: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))  # read-only
    path: Path | None = None
    explicit: frozenset[str] = frozenset()
    problems: tuple[str, ...] = ()

    def folder_path(self) -> Path:
        """The default folder: `~` expanded; a relative path is taken from the current directory."""
        return Path(self.folder).expanduser()

    def with_preferences(self, remembered: Mapping[str, Any]) -> Config:
        """This config with the choices remembered in the app (theme, sort, list width) where the file
        does not set them itself; remembered values are validated like the file's (bad ones ignored)."""
        changes: dict[str, Any] = {}
        for name in REMEMBERED:
            if name in self.explicit or name not in remembered:
                continue
            value, problem = _CHECKS[name](remembered[name])
            if problem is None:
                changes[name] = value
        return replace(self, **changes) if changes else self


REMEMBERED = ("theme", "sort", "list_width")


# ------------------------------------------------------------------------------------- value checks
# Each returns (value, None) or (None, "why it is wrong"); the message is completed by the caller.


def _check_folder(value: object) -> tuple[Any, str | None]:
    if not isinstance(value, str) or not value.strip():
        return None, "should be a folder path (text)"
    if "\0" in value:
        return None, "contains a NUL character"
    return value.strip(), None


def _check_choice(value: object, choices: tuple[str, ...], what: str) -> tuple[Any, str | None]:
    if isinstance(value, str) and value.strip().lower() in choices:
        return value.strip().lower(), None
    hint = difflib.get_close_matches(str(value).lower(), choices, n=1) if isinstance(value, str) else []
    choose = f"did you mean {hint[0]!r}?" if hint else f"one of: {', '.join(choices)}"
    return None, f"{_show(value)} is not a {what} ({choose})"


def _check_theme(value: object) -> tuple[Any, str | None]:
    return _check_choice(value, THEMES, "theme")


def _check_sort(value: object) -> tuple[Any, str | None]:
    return _check_choice(value, SORTS, "sort order")


def _check_list_width(value: object) -> tuple[Any, str | None]:
    low, high = LIST_WIDTH_RANGE
    number: object = value
    if isinstance(value, str) and value.strip().endswith("%"):
        try:
            number = int(value.strip()[:-1])
        except ValueError:
            number = value
    if not isinstance(number, int) or isinstance(number, bool):
        return None, f"{_show(value)} should be a whole number: the list's share of the width in percent"
    if not low <= number <= high:
        return None, f"{number} is out of range ({low} to {high} percent of the width)"
    return number, None


def parse_colour(value: object) -> tuple[str | None, str | None]:
    """A colour as `#rrggbb` (Rich's names, `#rgb`, `#rrggbb`, `rgb(r,g,b)`, `color(n)`), or None for
    "default"; returns (colour, None) or (None, why not)."""
    if not isinstance(value, str) or not value.strip():
        return None, f"{_show(value)} is not a colour (write it as text, e.g. \"#e0a458\")"
    text = value.strip().lower()
    if text == DEFAULT_COLOUR:
        return None, None
    if len(text) == 4 and text.startswith("#"):
        text = "#" + "".join(c * 2 for c in text[1:])
    from rich.color import Color, ColorParseError

    try:
        colour = Color.parse(text)
    except ColorParseError:
        return None, f"{_show(value)} is not a colour (use #rrggbb, rgb(r,g,b) or a name such as dark_orange)"
    if colour.is_default:
        return None, None
    return colour.get_truecolor().hex, None


_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = 60
_REPR.maxlevel = 2


def _show(value: object) -> str:
    """A value quoted in a message: short (bounded work even for a YAML alias bomb), safe on a terminal."""
    return clean_line(_REPR.repr(value), 60)


_CHECKS = {
    "folder": _check_folder,
    "theme": _check_theme,
    "sort": _check_sort,
    "list_width": _check_list_width,
}
SETTINGS = ("folder", "theme", "colours", "sort", "list_width", "keys")


# --------------------------------------------------------------------------------------- loading


def read_config_text(path: Path) -> tuple[str | None, str | None]:
    """The file's text, or (None, None) when there is no file, or (None, problem).

    Read through `regular_files.read_regular`, like every file nobody vetted: a FIFO, a device or a
    /proc file named config.yaml cannot hang the start; bigger than MAX_CONFIG_BYTES is refused."""
    from newsreader.regular_files import NotRegularFile, read_regular

    try:
        data, _stat = read_regular(path, MAX_CONFIG_BYTES)
    except FileNotFoundError:
        return None, None
    except IsADirectoryError:
        return None, f"{_where(path)} is a folder, not a file; using the defaults"
    except NotRegularFile as exc:
        return None, f"{_where(path)} is {exc}; using the defaults"
    except OSError as exc:
        return None, f"cannot read {_where(path)} ({exc.strerror or exc}); using the defaults"
    if len(data) > MAX_CONFIG_BYTES:
        too_big = f"is over {MAX_CONFIG_BYTES // 1024} KiB, too big to be a config"
        return None, f"{_where(path)} {too_big}; using the defaults"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return None, f"{_where(path)} is not UTF-8 text (byte {exc.start}); using the defaults"


def _where(path: Path) -> str:
    return clean_line(str(path), 200)


def load_config(path: Path | str | None = None) -> Config:
    """Read and check the config file (default: `default_config_path()`). Never raises.

    A missing file is the defaults with no problems."""
    try:
        where = Path(path) if path is not None else default_config_path()
    except Exception as exc:  # noqa: BLE001 - a broken environment must not stop the reader
        return Config(problems=(f"cannot tell where the config file is ({clean_line(str(exc), 100)})",))
    text, problem = read_config_text(where)
    if text is None:
        return Config(path=where, problems=(problem,) if problem else ())
    return parse_config(text, where)


def parse_config(text: str, path: Path | None = None) -> Config:
    """Check the text of a config file; see `load_config`."""
    import yaml

    name = path.name if path is not None else CONFIG_FILE
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        return Config(path=path, problems=(f"{name}: {_yaml_error(exc)}; using the defaults",))
    except RecursionError:
        return Config(path=path, problems=(f"{name}: nested too deeply to read; using the defaults",))
    if data is None:
        return Config(path=path)
    if not isinstance(data, dict):
        return Config(path=path, problems=(
            f"{name}: should be a mapping of settings (`theme: nord` …), not {_kind(data)}; using the defaults",
        ))
    return _build(data, path, name)


def _unknown(what: str, value: object, choices: Sequence[str], listed: str) -> str:
    """One line for a name that is not among `choices`: the closest one as a hint, then all of them."""
    hint = difflib.get_close_matches(str(value), choices, n=1)
    return (f"{what} {_show(value)}" + (f" (did you mean {hint[0]!r}?)" if hint else "")
            + f"; ignored ({listed}: {', '.join(choices)})")


def _build(data: dict[Any, Any], path: Path | None, name: str) -> Config:
    problems: list[str] = []
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in SETTINGS:
            problems.append(_unknown(f"{name}: unknown setting", key, SETTINGS, "settings"))
        elif key == "colours":
            values[key] = _colours(value, problems, name)
        elif key == "keys":
            values[key] = MappingProxyType(_keys(value, problems, name))
        elif value is not None:
            checked, problem = _CHECKS[key](value)
            if problem is None:
                values[key] = checked
            else:
                default = getattr(Config, key)
                problems.append(f"{name}: {key}: {problem}; using {default!r}")
    return Config(path=path, explicit=frozenset(values), problems=tuple(problems), **values)


def _colours(value: object, problems: list[str], name: str) -> Colours:
    if value is None:
        return Colours()
    if not isinstance(value, dict):
        problems.append(f"{name}: colours: should be a mapping such as `quotation: \"#e0a458\"`, not {_kind(value)}")
        return Colours()
    chosen: dict[str, str | None] = {}
    for kind, colour in value.items():
        if kind not in COLOUR_KINDS:
            problems.append(_unknown(f"{name}: colours: unknown kind", kind, COLOUR_KINDS, "kinds"))
            continue
        parsed, problem = parse_colour(colour)
        if problem is not None:
            problems.append(f"{name}: colours: {kind}: {problem}; using the built-in colour")
        else:
            chosen[kind] = parsed
    return Colours(**chosen)


def _keys(value: object, problems: list[str], name: str) -> dict[str, tuple[str, ...]]:
    from newsreader.keymap import BadKey, parse_keys  # only a config that sets keys needs it

    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.append(f"{name}: keys: should be a mapping such as `scroll_down: \"e,down\"`, not {_kind(value)}")
        return {}
    keys: dict[str, tuple[str, ...]] = {}
    for action, spec in value.items():
        if not isinstance(action, str) or not action:
            problems.append(f"{name}: keys: {_show(action)} is not an action name; ignored")
            continue
        try:
            keys[action] = parse_keys(spec)
        except BadKey as exc:
            why = clean_line(str(exc), 120)
            problems.append(f"{name}: keys: {clean_line(action, 60)}: {why}; keeping its default keys")
    return keys


def _kind(value: object) -> str:
    return {list: "a list", str: "text", int: "a number", float: "a number", bool: "true/false"}.get(
        type(value), type(value).__name__
    )


def _yaml_error(exc: Exception) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or "not valid YAML"
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
    return clean_line(f"{where}{problem}", 160)


def settings_of(config: Config) -> dict[str, Any]:
    """The settings as plain data (what `config --show` prints), colours in full."""
    out: dict[str, Any] = {}
    for f in fields(Config):
        if f.name in SETTINGS and f.name not in ("colours", "keys"):
            out[f.name] = getattr(config, f.name)
    out["colours"] = {
        kind: getattr(config.colours, kind) or BUILT_IN_COLOURS[kind] or DEFAULT_COLOUR for kind in COLOUR_KINDS
    }
    out["keys"] = {action: ",".join(keys) for action, keys in config.keys.items()}
    return out
