"""Command line: `newsreader [PATH]` opens the reader; `show`, `list`, `analyze` work without it.

The subcommands call the core directly and never import Textual, so they start fast and can be piped.
Bad paths and arguments give one line on stderr and exit status 2; per-article problems are reported
inside the output and never stop the run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from newsreader import __version__
from newsreader.sanitize import clean_line

if TYPE_CHECKING:  # imported lazily at run time: the CLI starts fast
    from collections.abc import Iterator

    from rich.console import Console

    from newsreader.articles import Article
    from newsreader.session import Session

SUBCOMMANDS = ("show", "list", "analyze", "actors", "add", "feeds", "fetch")
WEB_SUBCOMMANDS = ("add", "feeds", "fetch")  # newsreader/web/commands.py
DEFAULT_FOLDER = "articles"
READING_MEASURE = 90


class UsageError(Exception):
    """A problem with the command line or a path: reported in one line, exit status 2."""


class _ArgumentParser(argparse.ArgumentParser):
    """argparse, but an argument echoed in an error message cannot put escape sequences on the terminal."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {clean_line(message, 500)}\n")


# In JSON output, characters a terminal would act on or that reorder text are written as \uXXXX escapes
# (json already escapes C0): DEL and C1 controls, bidi controls, line/paragraph separators, and lone
# surrogates (a file name that is not valid UTF-8; `json.loads` + `os.fsencode` give the bytes back).
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")


def _json_text(value: object, **kwargs: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, **kwargs)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _display_path(path: object) -> str:
    """A path as shown to a person: no control characters, undecodable bytes as �."""
    return clean_line(str(path))


def _existing(path_text: str) -> Path:
    path = Path(path_text).expanduser()
    if not path.exists() and path.is_symlink():
        raise UsageError(f"broken link (a symlink loop, or its target does not exist): {_display_path(path_text)}")
    if not path.exists():
        raise UsageError(f"no such file or folder: {_display_path(path_text)}")
    if not os.access(path, os.R_OK):
        raise UsageError(f"cannot read: {_display_path(path_text)} (permission denied)")
    return path


def _parser() -> argparse.ArgumentParser:
    parser = _ArgumentParser(
        prog="newsreader",
        description="A terminal news reader that highlights quotations and named actors.",
        epilog="Subcommands: show FILE [--html OUT] [--svg OUT] | list FOLDER [--json] | analyze [--json] PATH... | "
        "actors FOLDER [--json] | add URL... | feeds add|list|remove|export | fetch "
        "(run `newsreader SUBCOMMAND --help`).",
    )
    parser.add_argument("--version", action="version", version=f"newsreader {__version__}")
    parser.add_argument(
        "path", nargs="?", help=f"folder of articles, or one article file (default: ./{DEFAULT_FOLDER})"
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="don't use (or write) the folder index in the cache directory"
    )
    return parser


def _sub_parser(name: str) -> argparse.ArgumentParser:
    parser = _ArgumentParser(prog=f"newsreader {name}")
    if name in WEB_SUBCOMMANDS:
        from newsreader.web.commands import configure

        configure(name, parser)
    elif name == "show":
        parser.description = "Print one article with its quotations and actors highlighted."
        parser.add_argument("file", help="an article file")
        parser.add_argument("--plain", action="store_true", help="no highlighting of quotations and actors")
        parser.add_argument("--width", type=int, default=None, help="wrap width (default: terminal, at most 90)")
        parser.add_argument("--html", metavar="OUT.html", help="write the highlighted article and legend as HTML")
        parser.add_argument("--svg", metavar="OUT.svg", help="write the highlighted article and legend as SVG")
    elif name == "list":
        parser.description = "Print the index of a folder: title, date, source, path, error."
        parser.add_argument("folder", help="a folder of articles (or one file)")
        parser.add_argument("--json", action="store_true", help="one JSON array")
    elif name == "analyze":
        parser.description = "Find quotations, speakers and named actors."
        parser.add_argument("paths", nargs="+", help="article files or folders")
        parser.add_argument(
            "--json", action="store_true",
            help="one JSON array: per article its path, title, error, quotes and actors (with offsets)",
        )
    elif name == "actors":
        parser.description = "Every actor in a folder: the articles it appears in and its quotations."
        parser.add_argument("folder", help="a folder of articles (or one file)")
        parser.add_argument(
            "--json", action="store_true", help="one JSON array of {name, kind, articles, quotations, aliases}"
        )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in SUBCOMMANDS:
            name = argv[0]
            args = _sub_parser(name).parse_args(argv[1:])
            if name in WEB_SUBCOMMANDS:
                from newsreader.web.commands import run

                return run(name, args)
            return {"show": cmd_show, "list": cmd_list, "analyze": cmd_analyze, "actors": cmd_actors}[name](args)
        args = _parser().parse_args(argv)
        return cmd_open(args.path, use_index=not args.no_cache)
    except UsageError as exc:
        print(f"newsreader: {clean_line(str(exc), 500)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader of our output went away (`newsreader list … | head`): not an error
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - replaces stdout for the rest of the run
        return 0


def cmd_open(path_text: str | None, *, use_index: bool = True) -> int:
    """Open the reader on a folder or file (default ./articles)."""
    if path_text is None:
        if not Path(DEFAULT_FOLDER).is_dir():
            raise UsageError(
                f"no ./{DEFAULT_FOLDER} folder here: pass a folder of articles, e.g. `newsreader ~/news`"
            )
        path_text = DEFAULT_FOLDER
    path = _existing(path_text)
    if not sys.stdout.isatty() or not sys.stdin.isatty():
        raise UsageError("the reader needs a terminal; use `newsreader show FILE` or `newsreader list FOLDER`")
    from newsreader.ui.terminal import run_reader  # Textual is imported only for the interactive reader

    return run_reader(path, use_index=use_index)


def _console(width: int | None = None) -> Console:
    from rich.console import Console

    console = Console(highlight=False, emoji=False, markup=False)
    if width is None:
        width = min(console.width, READING_MEASURE)
    console.width = max(20, width)
    return console


def _load(path: Path) -> Session:
    """The one road from a path to articles (the TUI's too), read at once; the CLI writes no index."""
    from newsreader.session import load_folder

    return load_folder(path, use_index=False)


def cmd_show(args: argparse.Namespace) -> int:
    from newsreader.render import build_document, iter_wrapped_text, legend_text

    path = _existing(args.file)
    if path.is_dir():
        raise UsageError(f"{_display_path(args.file)} is a folder: `newsreader show` takes one article file")
    session = _load(path)
    if args.html or args.svg:
        from newsreader.export import ExportError, export

        analyse = None if args.plain else (lambda a: session.analyse(a, store=False))
        try:
            export(session.articles, analyse, html_path=args.html, svg_path=args.svg, width=args.width)
        except ExportError as exc:
            raise UsageError(str(exc)) from None
        return 0
    console = _console(args.width)
    for i, article in enumerate(session.articles):
        if i:
            console.rule()
        analysis = None
        if not args.plain and not article.error:
            analysis = session.analyse(article, store=False)
        document = build_document(article, analysis, highlight=not args.plain)
        # wrapped here, printed in chunks: Rich wrapping an 8 MiB Text at once takes half a minute
        for chunk in iter_wrapped_text(document, console.width):
            console.print(chunk, soft_wrap=True)
        if analysis is not None and console.is_terminal:
            console.print()
            console.print(legend_text())
    return 0


def _iter_sessions(paths: Sequence[str]) -> Iterator[Session]:
    for p in paths:
        yield _load(_existing(p))


def cmd_list(args: argparse.Namespace) -> int:
    sessions = list(_iter_sessions([args.folder]))
    rows: list[dict[str, Any]] = [
        {
            "title": a.title,
            "date": a.date.isoformat() if a.date else None,
            "source": a.source,
            "path": str(a.path),  # exact (escaped in the JSON); shown cleaned in the table
            "index": a.index,
            "error": a.error,
        }
        for session in sessions
        for a in session.articles
    ]
    if args.json:
        sys.stdout.write(_json_text(rows, indent=1) + "\n")
        return 0
    from rich.table import Table
    from rich.text import Text

    console = _console(width=None)
    console.width = max(console.width, 100) if not console.is_terminal else console.width
    table = Table(box=None, pad_edge=False, show_edge=False)
    for col, limits in (("date", (10, 10)), ("title", (12, 50)), ("source", (6, 16)), ("path", (16, None))):
        table.add_column(col, overflow="fold" if col == "path" else "ellipsis", no_wrap=col != "path",
                         min_width=limits[0], max_width=limits[1])
    for row in rows:
        title = Text(row["title"])
        if row["error"]:
            title.append(f"  ⚠ {row['error']}", "red")
        table.add_row(Text(row["date"] or ""), title, Text(row["source"] or ""), Text(_display_path(row["path"])))
    console.print(table)
    errors = sum(1 for r in rows if r["error"])
    console.print(Text(f"{len(rows)} articles" + (f", {errors} could not be read" if errors else ""), "dim"))
    for session in sessions:  # a broken newsreader.yaml is reported, as the reader's header does
        if session.config.problem:
            console.print(Text(f"⚠ {session.config.problem}", "yellow"))
    return 0


def cmd_analyze(args: argparse.Namespace) -> int:
    results = []
    for session in _iter_sessions(args.paths):
        for article in session.articles:
            record: dict = {"path": str(article.path), "title": article.title, "error": article.error}
            if article.error:
                record.update({"quotes": [], "actors": []})
            else:
                try:
                    record.update(session.analyse(article, store=False).to_json())
                except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
                    error = f"analysis failed: {clean_line(str(exc), 200)}"
                    record.update({"error": error, "quotes": [], "actors": []})
            results.append((article, record))
    if args.json:
        sys.stdout.write(_json_text([r for _, r in results]) + "\n")
        return 0
    _print_report(results)
    return 0


def _print_report(results: list[tuple[Article, dict[str, Any]]]) -> None:
    from rich.text import Text

    from newsreader.render import RICH_STYLES

    console = _console()
    for article, record in results:
        console.rule(Text(article.title, "bold"), align="left")
        console.print(Text(_display_path(article.path), "dim"))
        if record["error"]:
            console.print(Text(f"⚠ {record['error']}", "red"))
            continue
        quotes = record["quotes"]
        console.print(Text(f"{len(quotes)} quotation{'s' if len(quotes) != 1 else ''}", "bold"))
        for q in quotes:
            line = Text("  ")
            line.append(q["speaker"] or "(unattributed)", "bold")
            line.append(": “")
            line.append(q["text"], RICH_STYLES["quote"])
            line.append("”")
            console.print(line)
        actors = record["actors"]
        console.print(Text(f"{len(actors)} actor{'s' if len(actors) != 1 else ''}", "bold"))
        for a in sorted(actors, key=lambda a: (-len(a["mentions"]), a["name"])):
            line = Text("  ")
            line.append(a["name"], RICH_STYLES.get(a["kind"], ""))
            line.append(f"  {a['kind']} · {len(a['mentions'])} mention{'s' if len(a['mentions']) != 1 else ''}", "dim")
            console.print(line)
        console.print()


def cmd_actors(args: argparse.Namespace) -> int:
    from newsreader.actor_index import build_actor_index

    (session,) = _iter_sessions([args.folder])
    index = build_actor_index(session.articles, lambda a: session.analyse(a, store=False))
    if args.json:
        sys.stdout.write(_json_text([a.to_json() for a in index], indent=1) + "\n")
        return 0
    from rich.table import Table
    from rich.text import Text

    from newsreader.render import RICH_STYLES

    console = _console(width=None)
    console.width = max(console.width, 100) if not console.is_terminal else console.width
    table = Table(box=None, pad_edge=False, show_edge=False)
    table.add_column("actor", no_wrap=True, overflow="ellipsis", max_width=36)
    table.add_column("kind", no_wrap=True)
    table.add_column("articles", justify="right", no_wrap=True)
    table.add_column("quotes", justify="right", no_wrap=True)
    table.add_column("aliases", overflow="ellipsis", no_wrap=True, min_width=8)
    for a in index:
        table.add_row(
            Text(a.name, RICH_STYLES.get(a.kind, "")), Text(a.kind, "dim"), Text(str(a.articles)),
            Text(str(a.quotations)), Text(", ".join(a.aliases), "dim"),
        )
    console.print(table)
    console.print(Text(f"{len(index)} actors in {len(session.articles)} articles", "dim"))
    return 0
