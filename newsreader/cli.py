"""Command line: `newsreader [PATH]` opens the reader; `show`, `list`, `analyze` work without it.

The subcommands call the core directly and never import Textual, so they start fast and can be piped.
Bad paths and arguments give one line on stderr and exit status 2; per-article problems are reported
inside the output and never stop the run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from typing import Sequence

from newsreader import __version__
from newsreader.cli_output import Column, table, write_lines
from newsreader.sanitize import clean_line

SUBCOMMANDS = ("show", "list", "analyze", "actors")
DEFAULT_FOLDER = "articles"
READING_MEASURE = 90
NO_WIDTH = 10_000  # the console width of a table with no terminal to fit
LIST_COLUMNS = (
    Column("date", min_width=10, max_width=10), Column("title", min_width=16), Column("source", min_width=6, max_width=20),
    Column("file", min_width=16),
)
ACTOR_COLUMNS = (
    Column("actor", min_width=12), Column("kind"), Column("articles", numeric=True), Column("quotes", numeric=True),
    Column("aliases", min_width=8),
)


class UsageError(Exception):
    """A problem with the command line or a path: reported in one line, exit status 2."""


class _ArgumentParser(argparse.ArgumentParser):
    """argparse, but an argument echoed in an error message cannot put escape sequences on the terminal."""

    def error(self, message: str):  # type: ignore[override]  # noqa: ANN201
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {clean_line(message, 500)}\n")


# In JSON output, characters a terminal would act on or that reorder text are written as \uXXXX escapes
# (json already escapes C0): DEL and C1 controls, bidi controls, line/paragraph separators, and lone
# surrogates (a file name that is not valid UTF-8; `json.loads` + `os.fsencode` give the bytes back).
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")


def _json_text(value: object, **kwargs: object) -> str:
    text = json.dumps(value, ensure_ascii=False, **kwargs)  # type: ignore[arg-type]
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
        "actors FOLDER [--json] "
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
    if name == "show":
        parser.description = "Print one article with its quotations and actors highlighted."
        parser.add_argument("file", help="an article file")
        parser.add_argument("--plain", action="store_true", help="no highlighting of quotations and actors")
        parser.add_argument(
            "--width", type=int, default=None, help="wrap width (default: terminal, at most 90; SVG: 90)"
        )
        parser.add_argument(
            "--html", metavar="OUT.html", help="write the article as a web page: highlights, who said what, legend"
        )
        parser.add_argument("--svg", metavar="OUT.svg", help="write the highlighted article and legend as an SVG picture")
    elif name == "list":
        parser.description = "Print the index of a folder: title, date, source, path, error."
        parser.add_argument("folder", help="a folder of articles (or one file)")
        parser.add_argument("--json", action="store_true", help="one JSON array")
    elif name == "analyze":
        parser.description = "Find quotations, speakers and named actors."
        parser.add_argument("paths", nargs="+", help="article files or folders")
        parser.add_argument("--json", action="store_true", help="the JSON contract of DESIGN §3")
    elif name == "actors":
        parser.description = "Every actor in a folder: the articles it appears in and its quotations."
        parser.add_argument("folder", help="a folder of articles (or one file)")
        parser.add_argument("--json", action="store_true", help="one JSON array of {name, kind, articles, quotations, aliases}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in SUBCOMMANDS:
            name = argv[0]
            args = _sub_parser(name).parse_args(argv[1:])
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
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        except OSError:
            pass
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
    from newsreader.ui.app import make_app  # Textual is imported only for the interactive reader

    make_app(path, use_index=use_index).run()
    return 0


def _console(width: int | None = None):  # noqa: ANN202 - rich imported lazily
    from rich.console import Console

    console = Console(highlight=False, emoji=False, markup=False)
    if width is None:
        width = min(console.width, READING_MEASURE)
    console.width = max(20, width)
    return console


def _table_console():  # noqa: ANN202 - rich imported lazily
    """A console as wide as the terminal (tables are not held to the reading measure). Not a terminal
    (a pipe, a file; FORCE_COLOR says otherwise): rows are printed as tab-separated lines instead."""
    from rich.console import Console

    console = Console(highlight=False, emoji=False, markup=False)
    if console.is_terminal and not sys.stdout.isatty() and "COLUMNS" not in os.environ:
        console.width = NO_WIDTH  # a table forced into a pipe has no width to fit: nothing is cut
    return console


def _analysis_for(article, hints=()):  # noqa: ANN001, ANN202
    """The article's analysis; a huge body is analysed in part (bounded time; offsets stay valid)."""
    from newsreader.analysis.cache import analyze_cached
    from newsreader.render import analysis_text

    return analyze_cached(analysis_text(article.body), tuple(hints), article.title)


def cmd_show(args: argparse.Namespace) -> int:
    from newsreader.library import scan
    from newsreader.render import build_document, iter_wrapped_text, legend_text, speaker_notes, with_speaker_notes

    path = _existing(args.file)
    if path.is_dir():
        raise UsageError(f"{_display_path(args.file)} is a folder: `newsreader show` takes one article file")
    library = scan(path)
    if args.html or args.svg:
        from newsreader.export import ExportError, export

        analyse = None if args.plain else (lambda a: _analysis_for(a, library.hints_for(a)))
        try:
            written = export(library.articles, analyse, html_path=args.html, svg_path=args.svg, width=args.width)
        except ExportError as exc:
            raise UsageError(str(exc)) from None
        print("newsreader: wrote " + " and ".join(_display_path(p) for p in written), file=sys.stderr)
        return 0
    console = _console(args.width)
    for i, article in enumerate(library.articles):
        if i:
            console.rule()
        analysis = None
        if not args.plain and not article.error:
            analysis = _analysis_for(article, library.hints_for(article))
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


def _iter_libraries(paths: Sequence[str]):  # noqa: ANN202
    from newsreader.library import scan

    for p in paths:
        yield scan(_existing(p))


def _in_folder(path: Path, folder: str) -> str:
    """The file as the table shows it: its path inside the folder listed (the folder is on screen already)."""
    try:
        return _display_path(path.relative_to(Path(folder).expanduser()) if Path(folder).expanduser().is_dir() else path.name)
    except ValueError:
        return _display_path(path)


def cmd_list(args: argparse.Namespace) -> int:
    libraries = list(_iter_libraries([args.folder]))
    rows = [
        {
            "title": a.title,
            "date": a.date.isoformat() if a.date else None,
            "source": a.source,
            "path": str(a.path),  # exact (escaped in the JSON); shown cleaned in the table
            "index": a.index,
            "error": a.error,
        }
        for lib in libraries
        for a in lib.articles
    ]
    if args.json:
        sys.stdout.write(_json_text(rows, indent=1) + "\n")
        return 0
    problems = [lib.config.problem for lib in libraries if lib.config.problem]  # a broken newsreader.yaml
    console = _table_console()
    if not console.is_terminal:
        write_lines([(r["date"], r["title"], r["source"], r["path"], r["error"]) for r in rows], sys.stdout)
        for problem in problems:
            print(f"newsreader: ⚠ {clean_line(problem, 500)}", file=sys.stderr)
        return 0
    from rich.text import Text

    cells = []
    for row, article in zip(rows, (a for lib in libraries for a in lib.articles)):
        title = Text(row["title"])
        if row["error"]:
            title.append(f"  ⚠ {row['error']}", "red")
        cells.append([Text(row["date"] or ""), title, Text(row["source"] or ""), Text(_in_folder(article.path, args.folder))])
    table(LIST_COLUMNS, cells, console)
    errors = sum(1 for r in rows if r["error"])
    console.print(Text(f"{len(rows)} articles" + (f", {errors} could not be read" if errors else ""), "dim"))
    for problem in problems:
        console.print(Text(f"⚠ {problem}", "yellow"))
    return 0


def cmd_analyze(args: argparse.Namespace) -> int:
    results = []
    for library in _iter_libraries(args.paths):
        for article in library.articles:
            record: dict = {"path": str(article.path), "title": article.title, "error": article.error}
            if article.error:
                record.update({"quotes": [], "actors": []})
            else:
                try:
                    record.update(_analysis_for(article, library.hints_for(article)).to_json())
                except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
                    record.update({"error": f"analysis failed: {clean_line(str(exc), 200)}", "quotes": [], "actors": []})
            results.append((article, record))
    if args.json:
        sys.stdout.write(_json_text([r for _, r in results]) + "\n")
        return 0
    _print_report(results)
    return 0


def _print_report(results) -> None:  # noqa: ANN001
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

    (library,) = _iter_libraries([args.folder])
    index = build_folder_actors(library, lambda a: _analysis_for(a, library.hints_for(a))).actors()
    if args.json:
        sys.stdout.write(_json_text([a.to_json() for a in index], indent=1) + "\n")
        return 0
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
    console.print(Text(f"{len(index)} actors in {len(library.articles)} articles", "dim"))
    return 0
