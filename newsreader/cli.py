"""Command line: `newsreader [PATH]` opens the reader; `show`, `list`, `analyze` work without it.

The subcommands call the core directly and never import Textual, so they start fast and can be piped.
Bad paths and arguments give one line on stderr and exit status 2; per-article problems are reported
inside the output and never stop the run, and a problem with a folder's newsreader.yaml is one warning
line on stderr. Output never fails: any PYTHONIOENCODING can encode it, and a reader that stops early
(`| head -1`) ends the run quietly with status 0.
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
    from newsreader.config import Config
    from newsreader.session import Session

SUBCOMMANDS = ("show", "list", "analyze", "actors", "add", "feeds", "fetch", "config")
WEB_SUBCOMMANDS = ("add", "feeds", "fetch")  # newsreader/web/commands.py
DEFAULT_FOLDER = "articles"
READING_MEASURE = 90
MIN_WIDTH, MAX_WIDTH = 20, 1000  # `show --width` bounds
NO_WIDTH = 10_000  # the console width of a table with no terminal to fit


class UsageError(Exception):
    """A problem with the command line or a path: reported in one line, exit status 2."""


class _ArgumentParser(argparse.ArgumentParser):
    """argparse, but an argument echoed in an error message cannot put escape sequences on the terminal."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {clean_line(message, 500)}\n")


# In JSON output, characters a terminal would act on or that reorder text are written as \uXXXX escapes
# (json already escapes C0): DEL and C1 controls, bidi controls, line/paragraph separators, and lone
# surrogates (a file name that is not valid UTF-8; `json.loads` + `os.fsencode` give the bytes back). A
# pattern string, compiled (and cached) by `re` on first use: the reader never needs it.
_JSON_UNSAFE = "[\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"


def _json_text(value: object, **kwargs: Any) -> str:
    if not _utf_output():  # ascii, latin-1 …: every non-ASCII character as a \\u escape, exact and encodable
        return json.dumps(value, ensure_ascii=True, **kwargs)
    text = json.dumps(value, ensure_ascii=False, **kwargs)
    return re.sub(_JSON_UNSAFE, lambda m: f"\\u{ord(m.group()):04x}", text)


def _display_path(path: object) -> str:
    """A path as shown to a person: no control characters, undecodable bytes as �."""
    return clean_line(str(path))


def path_argument(text: str) -> str:
    """The argparse `type` of every path argument: an empty one is refused. (Path("") is ".", so an unset
    variable, `newsreader list "$DIR"`, quietly meant the current folder, and `--html ""` meant no page.)"""
    if not text:
        raise argparse.ArgumentTypeError("an empty path: name a file or folder")
    return text


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
        "actors FOLDER [--json] | add URL... | feeds add|list|remove|export | fetch | config --path|--show|--init "
        "(run `newsreader SUBCOMMAND --help`).",
    )
    parser.add_argument("--version", action="version", version=f"newsreader {__version__}")
    parser.add_argument(
        "path", nargs="?", type=path_argument,
        help=f"folder of articles, or one article file (default: ./{DEFAULT_FOLDER})",
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
        parser.add_argument("file", type=path_argument, help="an article file")
        parser.add_argument("--plain", action="store_true", help="no highlighting of quotations and actors")
        parser.add_argument(
            "--width", type=int, default=None, help="wrap width (default: terminal, at most 90; SVG: 90)"
        )
        parser.add_argument(
            "--html", metavar="OUT.html", type=path_argument,
            help="write the article as a web page: highlights, who said what, legend",
        )
        parser.add_argument(
            "--svg", metavar="OUT.svg", type=path_argument,
            help="write the highlighted article and legend as an SVG picture",
        )
    elif name == "list":
        parser.description = "Print the index of a folder: title, date, source, path, error."
        parser.add_argument("folder", type=path_argument, help="a folder of articles (or one file)")
        parser.add_argument("--json", action="store_true", help="one JSON array")
    elif name == "analyze":
        parser.description = "Find quotations, speakers and named actors."
        parser.add_argument("paths", nargs="+", type=path_argument, help="article files or folders")
        parser.add_argument(
            "--json", action="store_true",
            help="one JSON array: per article its path, title, error, quotes and actors (with offsets)",
        )
    elif name == "actors":
        parser.description = "Every actor in a folder: the articles it appears in and its quotations."
        parser.add_argument("folder", type=path_argument, help="a folder of articles (or one file)")
        parser.add_argument(
            "--json", action="store_true", help="one JSON array of {name, kind, articles, quotations, aliases}"
        )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    safe_output_encoding()
    try:
        if argv and argv[0] == "config":
            from newsreader.config_command import main as config_main

            return config_main(argv[1:])
        if argv and argv[0] in SUBCOMMANDS:
            name = argv[0]
            args = _sub_parser(name).parse_args(argv[1:])
            if name in WEB_SUBCOMMANDS:
                from newsreader.web.commands import run

                status = run(name, args)
            else:
                commands = {"show": cmd_show, "list": cmd_list, "analyze": cmd_analyze, "actors": cmd_actors}
                status = commands[name](args)
            sys.stdout.flush()  # a closed pipe is found here, not at exit (where it would be status 120)
            return status
        args = _parser().parse_args(argv)
        return cmd_open(args.path, use_index=not args.no_cache)
    except UsageError as exc:
        print(f"newsreader: {clean_line(str(exc), 500)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader of our output went away (`newsreader list … | head -1`): not an error, and quiet
        _discard_stdout()
        return 0


def safe_output_encoding() -> None:
    """Whatever PYTHONIOENCODING or the locale says (ascii, latin-1 …), output never fails to encode:
    a character the encoding lacks becomes `?`, one cell wide like most characters, so the reader's
    screen (Textual writes to stderr) keeps its layout. JSON is written with `\\u` escapes instead
    (see `_json_text`), so it stays exact."""
    for stream in (sys.stdout, sys.stderr):
        # not every stream is one we can reconfigure (a test's capture, a closed stream)
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]  # TextIO lacks it; TextIOWrapper has it


def _utf_output() -> bool:
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return encoding.startswith("utf")


def _discard_stdout() -> None:
    """Point stdout at /dev/null, so nothing buffered is written to the closed pipe at exit."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _raise_broken_pipe() -> None:
    """Rich's own reaction to a closed pipe is `SystemExit(1)`; ours is the quiet exit of `main`."""
    raise BrokenPipeError


def cmd_open(path_text: str | None, *, use_index: bool = True) -> int:
    """Open the reader on a folder or file (default: the config's `folder`, else ./articles)."""
    from newsreader.config import load_config

    config = load_config()  # problems are shown in the reader, as a notice
    if path_text is None:
        path_text = _default_folder(config)
    path = _existing(path_text)
    if not sys.stdout.isatty() or not sys.stdin.isatty():
        raise UsageError("the reader needs a terminal; use `newsreader show FILE` or `newsreader list FOLDER`")
    from newsreader.ui import collector

    collector.hold()  # from here (before Textual is imported) to the first frame: no garbage collection
    from newsreader.preferences import effective_config
    from newsreader.ui.terminal import run_reader  # Textual is imported only for the interactive reader

    return run_reader(path, use_index=use_index, config=effective_config(config))


def _default_folder(config: Config) -> str:
    folder = config.folder_path()
    if folder.is_dir():
        return str(folder)
    if "folder" in config.explicit:
        raise UsageError(f"the folder set in {config.path} does not exist: {_display_path(folder)}")
    raise UsageError(f"no ./{DEFAULT_FOLDER} folder here: pass a folder of articles, e.g. `newsreader ~/news`")


def _console(width: int | None = None) -> Console:
    from rich.console import Console

    console = Console(highlight=False, emoji=False, markup=False)
    # Rich's hook for a closed pipe is this method, replaced on this one console (no subclass: Rich loads lazily)
    console.on_broken_pipe = _raise_broken_pipe  # type: ignore[method-assign]  # Rich's documented override point
    console.width = max(MIN_WIDTH, min(console.width, READING_MEASURE)) if width is None else width
    return console


def _load(path: Path) -> Session:
    """The one road from a path to articles (the TUI's too), read at once; the CLI writes no index.

    A problem with the folder's newsreader.yaml is one warning line on stderr (the articles load as
    usual, and the exit status stays 0)."""
    from newsreader.session import load_folder

    session = load_folder(path, use_index=False)
    if session.config.problem:
        print(f"newsreader: warning: {clean_line(session.config.problem, 500)}", file=sys.stderr)
    return session


def _bounded_width(width: int | None) -> int | None:
    """`--width` within MIN_WIDTH..MAX_WIDTH (a billion columns would take minutes and gigabytes to
    lay out); a value outside is clamped with one line on stderr."""
    if width is None or MIN_WIDTH <= width <= MAX_WIDTH:
        return width
    bounded = min(MAX_WIDTH, max(MIN_WIDTH, width))
    print(f"newsreader: --width {width:,} is outside {MIN_WIDTH}..{MAX_WIDTH}: using {bounded}", file=sys.stderr)
    return bounded


def _table_console() -> Console:
    """A console as wide as the terminal (tables are not held to the reading measure). Not a terminal
    (a pipe, a file; FORCE_COLOR says otherwise): rows are printed as tab-separated lines instead."""
    from rich.console import Console

    console = Console(highlight=False, emoji=False, markup=False)
    if console.is_terminal and not sys.stdout.isatty() and "COLUMNS" not in os.environ:
        console.width = NO_WIDTH  # a table forced into a pipe has no width to fit: nothing is cut
    return console




def cmd_show(args: argparse.Namespace) -> int:
    from newsreader.render import build_document, iter_wrapped_text, legend_text, speaker_notes, with_speaker_notes

    path = _existing(args.file)
    if path.is_dir():
        raise UsageError(f"{_display_path(args.file)} is a folder: `newsreader show` takes one article file")
    width = _bounded_width(args.width)
    session = _load(path)
    if args.html or args.svg:
        from newsreader.export import ExportError, export

        analyse = None if args.plain else (lambda a: session.analyse(a, store=False))
        try:
            written = export(session.articles, analyse, html_path=args.html, svg_path=args.svg, width=width)
        except ExportError as exc:
            raise UsageError(str(exc)) from None
        print("newsreader: wrote " + " and ".join(_display_path(p) for p in written), file=sys.stderr)
        return 0
    console = _console(width)
    for i, article in enumerate(session.articles):
        if i:
            console.rule()
        analysis = None
        if not args.plain and not article.error:
            analysis = session.analyse(article, store=False)
        document = build_document(article, analysis, highlight=not args.plain)
        if analysis is not None:
            document = with_speaker_notes(document, speaker_notes(article.body, analysis))  # "he [Donald Trump]"
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


def _in_folder(path: Path, folder: str) -> str:
    """The file as the table shows it: its path inside the folder listed (the folder is on screen already)."""
    listed = Path(folder).expanduser()
    try:
        return _display_path(path.relative_to(listed) if listed.is_dir() else path.name)
    except ValueError:
        return _display_path(path)


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
    from newsreader.cli_output import LIST_COLUMNS, table, write_lines

    console = _table_console()
    if not console.is_terminal:
        write_lines([(r["date"], r["title"], r["source"], r["path"], r["error"]) for r in rows], sys.stdout)
        return 0
    from rich.text import Text

    cells = []
    for row, article in zip(rows, (a for session in sessions for a in session.articles), strict=True):
        title = Text(row["title"])
        if row["error"]:
            title.append(f"  ⚠ {row['error']}", "red")
        cells.append(
            [Text(row["date"] or ""), title, Text(row["source"] or ""), Text(_in_folder(article.path, args.folder))]
        )
    table(LIST_COLUMNS, cells, console)
    errors = sum(1 for r in rows if r["error"])
    console.print(Text(f"{len(rows):,} articles" + (f", {errors:,} could not be read" if errors else ""), "dim"))
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
                except Exception as exc:  # one bad article must not stop the batch
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
    from newsreader.folder_actors import build_folder_actors

    (session,) = _iter_sessions([args.folder])
    index = build_folder_actors(session.articles, lambda a: session.analyse(a, store=False)).actors()
    if args.json:
        sys.stdout.write(_json_text([a.to_json() for a in index], indent=1) + "\n")
        return 0
    from newsreader.cli_output import ACTOR_COLUMNS, table, write_lines

    console = _table_console()
    if not console.is_terminal:
        write_lines([
            (a.name, a.kind, a.articles, a.quotations, ", ".join(a.aliases), ", ".join(a.ambiguous)) for a in index
        ], sys.stdout)
        return 0
    from rich.text import Text

    from newsreader.render import RICH_STYLES

    cells = []
    for a in index:
        aliases = Text(", ".join(a.aliases), "dim")
        if a.ambiguous:
            aliases.append(("  " if a.aliases else "") + "could be " + " or ".join(a.ambiguous), "yellow")
        cells.append([Text(a.name, RICH_STYLES.get(a.kind, "")), Text(a.kind, "dim"), Text(str(a.articles)),
                      Text(str(a.quotations)), aliases])
    table(ACTOR_COLUMNS, cells, console)
    console.print(Text(f"{len(index):,} actors in {len(session.articles):,} articles", "dim"))
    return 0
