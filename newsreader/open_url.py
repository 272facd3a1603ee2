"""Opening an article's link in a browser, honouring `$BROWSER` (as Python's `webbrowser` does).

A text-mode browser (w3m, lynx, links, elinks …) needs the terminal the reader is drawing on: it is run
in the foreground and waited for, and the UI suspends itself around it (`App.suspend()`). Any other
browser is started in its own session with no terminal, and not waited for. Without `$BROWSER`,
`webbrowser` picks one; if that is a text-mode browser it is run the same way. No shell is involved:
the URL is one argument (and `links.web_url` lets only http(s) URLs through).
"""

from __future__ import annotations

import os
import shlex
import subprocess
import webbrowser
from dataclasses import dataclass
from collections.abc import Mapping

TEXT_BROWSERS = frozenset({"w3m", "lynx", "links", "links2", "elinks", "www-browser", "browsh", "carbonyl"})


class NoBrowser(Exception):
    """No browser could be found or started; the message says what to do."""


@dataclass(frozen=True)
class Launch:
    """How to open a URL: run `command` (in the terminal, waited for, when `in_terminal`), or hand it
    to `webbrowser` when `command` is empty."""

    command: tuple[str, ...] = ()
    in_terminal: bool = False


def _with_url(args: list[str], url: str) -> tuple[str, ...]:
    """`%s` in the command stands for the URL (as in `$BROWSER`); else the URL comes last."""
    if any("%s" in a for a in args):
        return tuple(a.replace("%s", url) for a in args)
    return (*args, url)


def plan_open(url: str, env: Mapping[str, str] | None = None) -> Launch:
    """How to open `url` here (see the module docstring). Raises NoBrowser."""
    env = os.environ if env is None else env
    for choice in env.get("BROWSER", "").split(os.pathsep):
        try:
            args = shlex.split(choice)
        except ValueError:
            continue
        if args and args[-1] == "&":
            args = args[:-1]
        if args:
            return Launch(_with_url(args, url), os.path.basename(args[0]) in TEXT_BROWSERS)
    try:
        controller = webbrowser.get()
    except webbrowser.Error as exc:
        raise NoBrowser("No browser found: set $BROWSER (e.g. export BROWSER=firefox)") from exc
    if isinstance(controller, webbrowser.GenericBrowser) and os.path.basename(controller.name) in TEXT_BROWSERS:
        return Launch(_with_url([controller.name, *controller.args], url), True)
    return Launch()


def start_browser(launch: Launch, url: str) -> None:
    """Start a browser that does not need the terminal, without waiting for it. Raises NoBrowser."""
    if not launch.command:
        if not webbrowser.open(url):
            raise NoBrowser("The browser did not start: set $BROWSER")
        return
    try:
        subprocess.Popen(  # a list of arguments, no shell
            launch.command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True, close_fds=True,
        )
    except OSError as exc:
        raise NoBrowser(f"Could not start {launch.command[0]}: {exc.strerror or exc}") from exc


def run_in_terminal(launch: Launch) -> None:
    """Run a text-mode browser in the terminal until it exits. Raises NoBrowser."""
    try:
        subprocess.run(launch.command, check=False)  # a list of arguments, no shell
    except OSError as exc:
        raise NoBrowser(f"Could not start {launch.command[0]}: {exc.strerror or exc}") from exc
