"""Handing things to the world outside the reader: text to the clipboard (`y`, `Y`) and a link to a
browser (`o`). The choices are made by the pure `newsreader.clipboard` and `newsreader.open_url`; this
module runs them without blocking the keyboard (programs in thread workers) and says what happened.
"""

from __future__ import annotations

from typing import Any

from textual.app import App, SuspendNotSupported


def copy_out(app: App[Any], text: str, what: str) -> None:
    """Copy `text` (OSC 52 at once, a clipboard program in a worker); a notice says where it went."""
    from newsreader.clipboard import OSC52, clipboard_program, copied_notice, run_copier

    app.copy_to_clipboard(text)
    copier = clipboard_program()
    if copier is None:
        app.notify(copied_notice(what, [OSC52]), timeout=3, markup=False)
        return

    def run() -> None:
        problem = run_copier(copier, text)
        places = [OSC52] if problem else [OSC52, copier.name]
        message = copied_notice(what, places) + (f" ({problem})" if problem else "")
        app.call_from_thread(app.notify, message, timeout=4 if problem else 3, markup=False)

    app.run_worker(run, thread=True, group="clipboard", exit_on_error=False, description="copy")


def open_link(app: App[Any], url: str) -> None:
    """Open `url` in the browser `$BROWSER` names (or `webbrowser` finds); a text-mode one gets the
    terminal while the app is suspended."""
    from newsreader.open_url import NoBrowser, plan_open, run_in_terminal, start_browser

    try:
        launch = plan_open(url)
        if launch.in_terminal:
            with app.suspend():
                run_in_terminal(launch)
            return
    except NoBrowser as exc:
        app.notify(str(exc), severity="warning", timeout=5, markup=False)
        return
    except SuspendNotSupported:
        app.notify(f"Can't hand the terminal to {launch.command[0]} here", severity="warning", markup=False)
        return

    def start() -> None:
        try:
            start_browser(launch, url)
        except NoBrowser as exc:
            app.call_from_thread(app.notify, str(exc), severity="warning", timeout=5, markup=False)

    app.notify(f"Opening {url}", timeout=2, markup=False)
    app.run_worker(start, thread=True, group="browser", exit_on_error=False, description="open browser")
