"""Copying text out of the reader: the terminal's clipboard (OSC 52) and, where there is one, a
clipboard program.

OSC 52 reaches the system clipboard through the terminal, over SSH too, but tmux drops it from
applications unless `set-clipboard on`, and some terminals ignore it. So the text also goes to one
program that is surely listening: tmux's paste buffer (`tmux load-buffer -`) inside tmux, else
`wl-copy` (Wayland), `xclip` (X11) or `pbcopy` (macOS) when installed. No shell is involved: the text
is the program's standard input.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from collections.abc import Mapping

PROGRAM_TIMEOUT_S = 3.0
OSC52 = "the terminal's clipboard"


@dataclass(frozen=True)
class Copier:
    """A clipboard program: what to call it in a notice, and its command line."""

    name: str
    command: tuple[str, ...]


def clipboard_program(env: Mapping[str, str] | None = None) -> Copier | None:
    """The program to copy with here (see the module docstring), or None."""
    env = os.environ if env is None else env
    candidates = []
    if env.get("TMUX"):
        candidates.append(Copier("tmux's paste buffer", ("tmux", "load-buffer", "-")))
    if env.get("WAYLAND_DISPLAY"):
        candidates.append(Copier("the Wayland clipboard", ("wl-copy",)))
    if env.get("DISPLAY"):
        candidates.append(Copier("the X clipboard", ("xclip", "-selection", "clipboard")))
    candidates.append(Copier("the clipboard", ("pbcopy",)))
    for copier in candidates:
        found = shutil.which(copier.command[0], path=env.get("PATH"))
        if found:
            return Copier(copier.name, (found, *copier.command[1:]))
    return None


def run_copier(copier: Copier, text: str) -> str | None:
    """Give `text` to the program; None on success, else a one-line reason. Blocks (up to a few
    seconds): the UI calls it in a worker."""
    try:
        result = subprocess.run(
            copier.command, input=text.encode("utf-8", "replace"), stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, timeout=PROGRAM_TIMEOUT_S, check=False, start_new_session=True,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        return f"{copier.command[0]} failed: {exc}"
    if result.returncode != 0:
        said = result.stderr.decode("utf-8", "replace").strip().splitlines()
        return f"{os.path.basename(copier.command[0])} failed: {said[0] if said else result.returncode}"
    return None


def copied_notice(what: str, places: list[str]) -> str:
    """"Copied the quotation to the terminal's clipboard and tmux's paste buffer"."""
    return f"Copied {what} to {' and '.join(places)}" if places else f"Could not copy {what}"
