"""Key names and the check of a user's key remapping against the app's bindings (pure; no Textual).

Keys are written as Textual names them: `j`, `J`, `ctrl+d`, `f5`, `pagedown`, `question_mark` (a single
printable character may be written as itself: `?` becomes `question_mark`, as Textual's keymap does).
The app hands `check_keymap` a table of its bindings (id, where it applies, default keys) and gets back
the keymap to install plus one message per remapping it had to drop: an unknown action, or a clash with
another binding that would make one of the two unreachable.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

MODIFIERS = ("ctrl", "alt", "shift", "super", "meta", "hyper")
NAMED_KEYS = frozenset(
    {
        "escape", "enter", "return", "tab", "space", "backspace", "delete", "insert", "home", "end",
        "pageup", "pagedown", "up", "down", "left", "right", *(f"f{n}" for n in range(1, 25)),
    }
)
# Textual's friendlier names for some characters (textual.keys.KEY_NAME_REPLACEMENTS), both ways
_FRIENDLY = {
    "solidus": "slash", "reverse_solidus": "backslash", "commercial_at": "at", "hyphen_minus": "minus",
    "plus_sign": "plus", "low_line": "underscore",
}
_UNICODE_OF_FRIENDLY = {friendly: unicode for unicode, friendly in _FRIENDLY.items()}
MAX_KEYS_PER_ACTION = 8
APP_SCOPE = "app"  # the scope of bindings that work everywhere


class BadKey(ValueError):
    """A key string that names no key; the message says which part is wrong."""


def _character_key(character: str) -> str:
    """A single character as Textual names it: letters and digits as themselves, others by Unicode name."""
    if character.isalnum():
        return character
    try:
        name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        raise BadKey(f"{character!r} is not a key") from None
    return _FRIENDLY.get(name, name)


_ASCII_NAMES = frozenset(_character_key(chr(c)) for c in range(33, 127))


def _is_character_name(name: str) -> bool:
    """True if `name` is how Textual names a printable character key ("comma", "question_mark")."""
    if name in _ASCII_NAMES:
        return True
    try:
        return unicodedata.lookup(name.replace("_", " ").upper()).isprintable()
    except KeyError:
        return False


def normalize_key(text: str) -> str:
    """One key as Textual names it ("?" -> "question_mark", "Ctrl+D" -> "ctrl+d"); raises BadKey."""
    key = text.strip()
    if not key:
        raise BadKey("an empty key")
    if len(key) == 1:
        return _character_key(key)
    *mods, base = key.split("+")
    mods = [m.lower() for m in mods]
    for mod in mods:
        if mod not in MODIFIERS:
            raise BadKey(f"{key!r}: {mod!r} is not a modifier (use {', '.join(MODIFIERS)})")
    if len(base) == 1:
        base = _character_key(base.lower() if mods else base)
    elif base.lower() in NAMED_KEYS:
        base = base.lower()
    elif not _is_character_name(base.lower()):
        hint = difflib.get_close_matches(base.lower(), sorted(NAMED_KEYS), n=1)
        raise BadKey(f"{key!r} is not a key" + (f" (did you mean {hint[0]!r}?)" if hint else ""))
    else:
        base = base.lower()
    return "+".join([*mods, base])


def parse_keys(value: object) -> tuple[str, ...]:
    """A binding's keys from the config: "j,down" or a list ["j", "down"]; raises BadKey."""
    if isinstance(value, str):
        # "," is the separator; a lone "," key is written as its name, "comma"
        parts = value.split(",")
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        parts = list(value)
    else:
        raise BadKey("keys are a string such as \"j,down\" or a list of strings")
    keys = tuple(dict.fromkeys(normalize_key(p) for p in parts))
    if len(keys) > MAX_KEYS_PER_ACTION:
        raise BadKey(f"more than {MAX_KEYS_PER_ACTION} keys for one action")
    return keys


@dataclass(frozen=True)
class BindingInfo:
    """One binding as the app declares it: its id (None: not remappable, but its keys still count for
    clashes), where it applies, its default keys, and what it does (for messages).

    `scope` names the widget whose bindings hold it ("app" for keys that work everywhere)."""

    id: str | None
    scope: str
    keys: tuple[str, ...]
    description: str = ""

    @property
    def name(self) -> str:
        """How a message names it: its id, else what it does and its keys."""
        if self.id is not None:
            return repr(self.id)
        return f"{self.description or 'a built-in key'} ({','.join(self.keys)})"


@dataclass(frozen=True)
class KeymapCheck:
    """What `check_keymap` decided: the keymap to install (id -> "k1,k2") and why entries were dropped."""

    keymap: dict[str, str]
    problems: tuple[str, ...]


Parents = Mapping[str, Collection[str]]  # scope -> the scopes it sits directly in (a class may sit in several)


def _ancestors(scope: str, parents: Parents) -> set[str]:
    seen: set[str] = set()
    todo = [scope]
    while todo:
        for parent in parents.get(todo.pop(), ()):
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return seen | {APP_SCOPE}


def _in_reach(a: str, b: str, parents: Parents) -> bool:
    """True if bindings of scopes `a` and `b` can be active at once: the same scope, or one holds the
    other (every scope is inside "app")."""
    return a == b or a in _ancestors(b, parents) or b in _ancestors(a, parents)


def _first_clash(
    table: list[BindingInfo], keys: list[tuple[str, ...]], remapped: list[str], parents: Parents
) -> tuple[str, BindingInfo, str] | None:
    """(remapped id, other binding, key) for the latest remapping that shares a key with a binding in reach."""
    for rid in reversed(remapped):
        mine = [i for i, b in enumerate(table) if b.id == rid]
        for i in mine:
            for key in keys[i]:
                for j, other in enumerate(table):
                    if other.id != rid and key in keys[j] and _in_reach(table[i].scope, other.scope, parents):
                        return rid, other, key
    return None


def check_keymap(
    wanted: Mapping[str, tuple[str, ...]], table: Iterable[BindingInfo], parents: Parents | None = None
) -> KeymapCheck:
    """Check a remapping (`Config.keys`) against the app's bindings.

    An id no binding has is dropped with a message naming the nearest one. A remapping that puts a key on
    two bindings that can be active together (same scope, or one scope inside the other as `parents`
    says: scope -> the scopes holding it; every scope is inside "app") is dropped, latest in the file
    first, until none clash: that binding keeps its default keys. Clashes among the defaults themselves
    are the app's design (the list and the reader both use `j`), not reported.
    """
    table = list(table)
    parents = {} if parents is None else dict(parents)
    known = {b.id for b in table if b.id is not None}
    problems: list[str] = []
    remapped: list[str] = []
    for action in wanted:
        if action in known:
            remapped.append(action)
            continue
        hint = difflib.get_close_matches(action, sorted(known), n=1)
        problems.append(
            f"keys: there is no action {action!r}" + (f" (did you mean {hint[0]!r}?)" if hint else "")
            + "; ignored (`newsreader config --show` lists them)"
        )
    keys = [tuple(wanted[b.id]) if b.id in remapped else b.keys for b in table]
    while (clash := _first_clash(table, keys, remapped, parents)) is not None:
        action, other, key = clash
        problems.append(
            f"keys: {key!r} for {action!r} clashes with {other.name}, which also uses it; "
            f"{action!r} keeps its default keys"
        )
        remapped.remove(action)
        keys = [b.keys if b.id == action else k for b, k in zip(table, keys, strict=True)]
    return KeymapCheck({action: ",".join(wanted[action]) for action in remapped}, tuple(problems))
