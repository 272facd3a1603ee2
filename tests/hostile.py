"""A hostile articles folder, generated (no committed binaries): every kind of bad input we know of.

`build_hostile_folder(root)` writes the folder and returns {case name: what the user should see}; the
README's "Odd files" table is that mapping. `CASES` says, per case, which file it is and what the tests
check (a title, an error, a notice, words of the body). `folder_checksum` fingerprints a folder (names,
types, sizes, mtimes, link targets and every regular file's bytes) so a test can prove nothing changed.

The vanishing file is not part of the folder (the folder must stay unchanged): `vanish_before_read`
wraps the loader's `read_text` so that a named file, already listed by the scan, is deleted just before
it is read, which is deterministic, unlike racing a real deletion.
"""

from __future__ import annotations

import hashlib
import os
import random
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MiB = 1024 * 1024

# Things that must never reach the terminal from an article: ESC, BEL, backspace, CR, other C0 and C1
# controls, DEL, bidi embedding/override/isolate controls. (Newline and tab are handled separately.)
FORBIDDEN_CHARS = (
    [chr(c) for c in range(0x00, 0x20) if c not in (0x09, 0x0A)]
    + [chr(c) for c in range(0x7F, 0xA0)]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\u200e", "\u200f", "\u061c"]
    + ["\u2028", "\u2029"]  # line and paragraph separators: some terminals break lines on them, some don't
)

# Every escape attack used below, in one string: colours, clear screen + home, window title (OSC 0 with
# BEL, OSC 2 with ST), a DCS request, an 8-bit CSI, BEL, backspaces, a bare CR, bidi override.
ATTACK = (
    "\x1b[31mred\x1b[0m \x1b[2J\x1b[H\x1b]0;pwned\x07\x1b]2;pwned-st\x1b\\\x1bP$q\"p\x1b\\"
    "\x9b2J\x07 bad\x08\x08\x08good over\rwritten \u202eevil\u202c\x7f\x00"
)
# The same attack spelled with YAML double-quoted escapes (raw control characters are not valid YAML).
ATTACK_YAML = r"\e[31mred\e[0m \e[2J\e[H\e]0;pwned\a\e]2;pwned-st\e\\\ePq\e\\\x9b2J\a bad\b\b\bgood \u202eevil\u202c"
MARKUP = "[bold red]not red[/bold red] [link=file:///etc/passwd]not a link[/link] unbalanced [/] closer"


@dataclass(frozen=True)
class Case:
    """One kind of bad input: the file(s) it is, and what the user sees."""

    name: str
    path: str | None  # the article's file, relative to the folder (None: not a file in the folder)
    shows: str  # what the user should see (the README table)
    title: str | None = None  # the list/reader title contains this
    error: str | None = None  # the article is listed with an error containing this
    notice: str | None = None  # the reader shows a notice containing this
    body: str | None = None  # the body contains this
    literal: str | None = None  # this text appears literally on screen (markup must not be parsed)
    big: bool = False  # only written when big=True


DEEP_PARTS = [f"d{i:02d}" for i in range(1, 61)]
BAD_UTF8_NAME = os.fsdecode(b"bad-\xff\xfe-name.txt")
ESCAPE_NAME = "\x1b]0;pwned\x07\x1b[2Jname\x08\rbell\x07\u202etxt.exe.txt"
MARKUP_NAME = "[bold red]loud[link=file:etc-passwd]click [unbalanced.txt"  # "/" cannot be in a name
VANISH_NAME = "vanishing.txt"

CASES: list[Case] = [
    Case("Rich markup in the body", "markup-body.txt",
         "the brackets as typed: `[bold red]`, `[link=…]` and `[/]` are text, nothing is styled or linked",
         title="Markup in the body", body="[bold red]not red[/bold red]", literal="[bold red]not red"),
    Case("Rich markup in the title", "markup-title.md",
         "the title exactly as written, brackets and all",
         title="[bold red]Shouting[/] [link=file:///etc/passwd]title[/link] [/]", literal="[bold red]Shouting"),
    Case("Rich markup in the file name", MARKUP_NAME,
         "the name literally wherever it appears (the meta line of an undated article, `list`, `show --plain`)",
         title="Markup file name", literal="[bold red]loud[link=file:etc-passwd]click [unbalanced.txt"),
    Case("Escape sequences in the body", "escapes-body.txt",
         "the words without the sequences: no colours, no window title, no clearing, no bell; "
         "a bare carriage return becomes a line break",
         title="Escape sequences in the body", body="red  badgood over\nwritten evil"),
    Case("Escape sequences in the title", "escapes-title.md",
         "the title without the sequences",
         title="Title red  badgood evil"),
    Case("Escape sequences in the first line (no front matter)", "escapes-first-line.txt",
         "the first line, without the sequences, as the title",
         title="Red first line"),
    Case("Raw control characters in front matter", "escapes-raw-front-matter.md",
         "front matter ignored, with a notice naming the problem; the title comes from the file name",
         title="escapes raw front matter", notice="Front matter ignored"),
    Case("Escape sequences in the file name", ESCAPE_NAME,
         "the file name without control characters",
         title="Escape file name", literal="name belltxt.exe.txt"),
    Case("Bidi override (U+202E) in the file name", "\u202egnp.exe.txt",
         "the file name in stored order (the override is removed)",
         title="Bidi file name", literal="gnp.exe.txt"),
    Case("File name that is not valid UTF-8", BAD_UTF8_NAME,
         "the name with � for the undecodable bytes",
         title="Bad bytes in the file name", literal="bad-��-name.txt"),
    Case("YAML `!!python/object` tag", "yaml-python-object.md",
         "front matter ignored with the reason; nothing is executed",
         title="yaml python object", notice="could not determine a constructor"),
    Case("YAML `!!python/object` in a .yaml article file", "yaml-python-object.yaml",
         "listed with the error: invalid YAML",
         error="could not determine a constructor"),
    Case("YAML alias bomb (billion laughs)", "yaml-alias-bomb.md",
         "front matter ignored: aliases are not allowed; the body shows at once",
         title="yaml alias bomb", notice="aliases are not allowed", body="The body after the bomb."),
    Case("YAML alias bomb in a .yaml article file", "yaml-alias-bomb.yaml",
         "listed with the error: aliases are not allowed",
         error="aliases are not allowed"),
    Case("A list where the title should be", "yaml-title-list.md",
         "title from the file name, and a notice: `title` should be text, not a list",
         title="yaml title list", notice="`title` should be text, not a list"),
    Case("A mapping where the title should be", "yaml-title-mapping.yaml",
         "title from the file name, and a notice: `title` should be text, not a mapping",
         title="yaml title mapping", notice="`title` should be text, not a mapping", body="Body of the YAML"),
    Case("An impossible date (2023-02-30)", "yaml-impossible-date.md",
         "listed undated, with a notice: `date` is not a date I can read",
         title="Impossible date", notice="`date` is not a date I can read"),
    Case("Deeply nested YAML", "yaml-deep-nesting.yaml",
         "listed with the error: invalid YAML, too deeply nested",
         error="too deeply nested"),
    Case("10 MB of front matter", "yaml-huge-front-matter.md",
         "the title from the file name and notices: the file is 10.0 MiB, only the first 8 MiB are read, "
         "and front matter larger than 64 KiB is ignored",
         title="yaml huge front matter", notice="larger than 64 KiB"),
    Case("A 3 MB .yaml article file", "big-list.yaml",
         "listed with the error: larger than the 2 MiB read from YAML files (YAML parsing is slow)",
         error="larger than the 2 MiB read from YAML files"),
    Case("Front matter only", "front-matter-only.md",
         "the title, and a notice: front matter only, no text",
         title="Only front matter here", notice="Front matter only"),
    Case("Binary file named .txt", "binary.txt",
         "listed with the error: binary file (not text)",
         error="binary file"),
    Case("Binary file without NUL bytes", "binary-no-nul.txt",
         "listed with the error: binary file (not text)",
         error="binary file"),
    Case("A text with one stray NUL byte", "stray-nul.txt",
         "the text, the NUL shown as \ufffd, and a notice saying so",
         title="One stray NUL", notice="1 NUL byte in the file", body="has one\ufffd stray"),
    Case("A text with a NUL byte deep inside", "deep-nul.txt",
         "the text, the NUL shown as \ufffd",
         title="A NUL far down", notice="NUL byte", body="the end\ufffd of it"),
    Case("UTF-16 without a byte-order mark", "utf16-no-bom.txt",
         "the text, and a notice: decoded as UTF-16 (no byte-order mark)",
         title="Sixteen bits per character", notice="UTF-16", body="Wide text without a mark."),
    Case("Windows-1252 curly quotes", "cp1252-quotes.txt",
         "the text with its curly quotes, and a notice: decoded as Windows-1252",
         title="Curly quotes from Windows", notice="Windows-1252", body="“It was cold,” said the café owner"),
    Case("A 50 MB article", "big-50mb.txt",
         "the first 8 MiB at once, with a notice: this file is 50.0 MiB, showing the first 8 MiB",
         title="A very long article", notice="showing the first 8 MiB", big=True),
    Case("A 1 MB single line", "one-line-1mb.txt",
         "the line wrapped to the pane; the title is its start, cut with …",
         title="word0 word1 word2", body="word0 word1"),
    Case("A 1 MB line without spaces", "one-word-1mb.txt",
         "the word folded to the pane width",
         title="xyzxyz"),
    Case("Zero-byte file", "empty.txt",
         "the file name as title and “(This article has no text.)”",
         title="empty", notice="no text"),
    Case("Whitespace-only file", "whitespace-only.txt",
         "the file name as title and “(This article has no text.)”",
         title="whitespace only", notice="no text"),
    Case("Deep nesting (60 folders)", "/".join(DEEP_PARTS) + "/deep-article.txt",
         "the article, listed like any other",
         title="Sixty folders down"),
    Case("Symlink loop", "loop/article-in-loop.txt",
         "the article once; the loop is not followed again",
         title="Inside the loop"),
    Case("Symlink to itself", "self-link.txt",
         "listed with the error: broken link, a symlink loop",
         error="symlink loop"),
    Case("Dangling symlink", "dangling.txt",
         "listed with the error: broken link (its target does not exist)",
         error="target does not exist"),
    Case("Directory named x.txt", "x.txt/inside.txt",
         "x.txt is scanned as a folder; the article inside it is listed",
         title="Inside a folder called x.txt"),
    Case("Named pipe (FIFO) named .txt", "fifo.txt",
         "listed with the error: not a regular file (it is never opened, so nothing hangs)",
         error="not a regular file"),
    Case("Lone surrogate escape in a YAML title", "surrogate-title.md",
         "the title with � in place of the invalid character",
         title="Lone \ufffd surrogate"),
    Case("Unicode oddities (RTL, CJK, emoji, combining marks, line separators)", "unicode-oddities.txt",
         "the text as written (line and paragraph separators become line breaks)",
         title="Unicode oddities", body="漢字"),
    Case("An actor hint whose `kind` is a list (`kind: [a, b]`)", "hint-kind-list.md",
         "the article; a notice says the hint was ignored: `kind` should be text, not a list",
         title="Hint with a list kind", notice="`kind` should be text, not a list", body="Bob Stone said so."),
    Case("An actor hint whose `kind` is a mapping (`kind: {a: 1}`)", "hint-kind-mapping.md",
         "the article; a notice says the hint was ignored: `kind` should be text, not a mapping",
         title="Hint with a mapping kind", notice="`kind` should be text, not a mapping", body="Bob Stone"),
    Case("A 6,000-digit integer as the title", "yaml-huge-int-title.md",
         "the title from the file name, a notice (`title` should be text, not a number that large); "
         "the other fields and the text as usual",
         title="yaml huge int title", notice="`title` should be text, not a number that large",
         body="The body under a huge number."),
    Case("YAML list bomb: 2 MB of `-` lines (1,040,000 empty items)", "yaml-list-bomb.yaml",
         "listed with the error: more than 100,000 values (a YAML bomb?), at once",
         error="more than 100,000 values"),
    Case("Markdown character references for controls (`&#x202e;`, `&#x2066;`, `&#x200f;`, `&#x61c;`, "
         "`&#x2028;`, `&#x0d;`, `&#x09;`, `&#x1b;`)", "char-refs.md",
         "the words without the controls (markdown-it decodes the references; the result is sanitised again); "
         "a decoded CR, tab or line separator is a space",
         title="Character references",
         body="Evil reversed, isolated, marked. Carriage return here, tab here, separator here"),
    Case("50,000 `>` in a Markdown body (deeper than markdown-it nests)", "quote-bomb.md",
         "the text unformatted, with a notice: Markdown nested too deeply to format",
         title="Quote bomb", notice="Markdown nested too deeply to format", body="The words after the quotes."),
    Case("50,000 backticks in a Markdown body (an unclosed code fence)", "backtick-bomb.md",
         "the words after them, as code (a Markdown code fence that never closes)",
         title="Backtick bomb", body="The words after the backticks."),
    Case("Symlink to a kernel file (/proc/self/status; /proc/kmsg would block)", "proc-link.txt",
         "listed with the error: a kernel file, not an article; it is never read",
         error="a kernel file"),
    Case("A newsreader.yaml whose YAML error quotes markup (`!<[/]>`)", None,
         "the articles as usual; the header says “config problem” and a warning quotes the error as text",
         literal="could not determine a constructor for the tag '[/]'"),
    Case("A file that vanishes between scan and read", None,
         "listed with the error: file vanished before it could be read",
         error="vanished"),
]
CASES_BY_NAME = {c.name: c for c in CASES}


def _w(root: Path, rel: str, data: bytes | str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _paragraphs(n_bytes: int, seed: str) -> bytes:
    para = (
        f"{seed} paragraph: the council met on Tuesday and \"agreed to look again at the plan,\" said "
        "Jane Doe, a spokeswoman for the Harbour Trust. Nobody else commented on the matter.\n\n"
    ).encode()
    return (para * (n_bytes // len(para) + 1))[:n_bytes]


def build_hostile_folder(root: Path, *, big: bool = True) -> dict[str, str]:
    """Write the hostile folder into `root` (created); returns {case name: what the user should see}."""
    root.mkdir(parents=True, exist_ok=True)
    _w(root, "markup-body.txt", f"Markup in the body\n\n{MARKUP}\n\nAnd [bold]more[/bold] [italic]markup.\n")
    _w(root, "markup-title.md",
       "---\ntitle: '[bold red]Shouting[/] [link=file:///etc/passwd]title[/link] [/]'\n---\n" + MARKUP + "\n")
    _w(root, MARKUP_NAME, "Markup file name\n\nThe file name is full of markup.\n")
    _w(root, "escapes-body.txt",
       f"---\ntitle: Escape sequences in the body\n---\n{ATTACK}\n\nA second paragraph \x1b]8;;http://x\x07link\x1b]8;;\x07.\n")
    _w(root, "escapes-title.md", f'---\ntitle: "Title {ATTACK_YAML}"\n---\nThe title tried to escape.\n')
    _w(root, "escapes-first-line.txt",
       "\x1b]2;pwned\x1b\\\x1b[31mRed first line\x1b[0m\x07\n\nThe body of an article whose first line escapes.\n")
    _w(root, "escapes-raw-front-matter.md", f"---\ntitle: {ATTACK}\n---\nRaw control characters in YAML.\n")
    _w(root, ESCAPE_NAME, "Escape file name\n\nThe file name tries to retitle the terminal.\n")
    _w(root, "\u202egnp.exe.txt", "Bidi file name\n\nThe name reads backwards if the override survives.\n")
    (root / BAD_UTF8_NAME).write_bytes(b"Bad bytes in the file name\n\nLatin-1 bytes in the name.\n")
    pwned = root / "PWNED"  # if a tag were ever executed it would create this file (the checksum sees it)
    _w(root, "yaml-python-object.md",
       f"---\ntitle: !!python/object/apply:os.system [\"touch '{pwned}'\"]\n---\nThe tag must not run.\n")
    _w(root, "yaml-python-object.yaml",
       f"title: Executable\nbody: !!python/object/new:subprocess.Popen [[touch, '{pwned}']]\n")
    bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        bomb.append(f"{name}: &{name} [" + ",".join(f"*{prev}" for _ in range(9)) + "]")
    _w(root, "yaml-alias-bomb.md", "---\n" + "\n".join(bomb) + "\ntitle: *i\n---\nThe body after the bomb.\n")
    _w(root, "yaml-alias-bomb.yaml", "\n".join(bomb) + "\ntitle: Bomb\nbody: *i\n")
    _w(root, "yaml-title-list.md", "---\ntitle: [a, list, of, words]\n---\nA list is not a title.\n")
    _w(root, "yaml-title-mapping.yaml", "title: {first: a, second: mapping}\nbody: Body of the YAML file.\n")
    _w(root, "yaml-impossible-date.md", "---\ntitle: Impossible date\ndate: 2023-02-30\n---\nFebruary 30th.\n")
    _w(root, "yaml-deep-nesting.yaml", "title: deep\nbody: " + "[" * 20000 + "]" * 20000 + "\n")
    line = b"key%08d: a value that is long enough to fill the front matter quickly and then some\n"
    huge = b"".join(line % i for i in range(10 * MiB // len(line % 0) + 1))
    _w(root, "yaml-huge-front-matter.md", b"---\n" + huge + b"---\nThe body after ten megabytes.\n")
    _w(root, "big-list.yaml", "".join(f"- title: Entry {i}\n  body: {'words ' * 40}\n" for i in range(11_000)))
    _w(root, "front-matter-only.md", "---\ntitle: Only front matter here\ndate: 2020-01-01\n---\n")
    rng = random.Random(5)
    _w(root, "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(4000)))
    _w(root, "binary-no-nul.txt", bytes(rng.randrange(1, 256) for _ in range(4000)))
    _w(root, "stray-nul.txt", b"One stray NUL\n\nThis text has one\x00 stray NUL byte in it.\n")
    _w(root, "deep-nul.txt", b"A NUL far down\n\n" + b"Words and more words. " * 600 + b"the end\x00 of it.\n")
    _w(root, "utf16-no-bom.txt", "Sixteen bits per character\n\nWide text without a mark.\n".encode("utf-16-le"))
    _w(root, "cp1252-quotes.txt",
       "Curly quotes from Windows\n\n“It was cold,” said the café owner — twice.\n".encode("cp1252"))
    if big:
        _w(root, "big-50mb.txt", b"A very long article\n\n" + _paragraphs(50 * MiB, "Big"))
    words = b" ".join(b"word%d" % i for i in range(200_000))[: 1 * MiB]
    _w(root, "one-line-1mb.txt", words + b"\n")
    _w(root, "one-word-1mb.txt", b"xyz" * (MiB // 3) + b"\n")
    _w(root, "empty.txt", b"")
    _w(root, "whitespace-only.txt", " \n\t\n   \n\n\t \r\n")
    _w(root, "/".join(DEEP_PARTS) + "/deep-article.txt", "Sixty folders down\n\nThe deepest article.\n")
    _w(root, "loop/article-in-loop.txt", "Inside the loop\n\nThe folder links to itself and its parent.\n")
    os.symlink(".", root / "loop" / "again")
    os.symlink("..", root / "loop" / "up")
    os.symlink("self-link.txt", root / "self-link.txt")
    os.symlink("does-not-exist.txt", root / "dangling.txt")
    _w(root, "x.txt/inside.txt", "Inside a folder called x.txt\n\nA folder with an article suffix.\n")
    os.mkfifo(root / "fifo.txt")
    _w(root, "newsreader.yaml", "actors: !<[/]> x\n")
    _w(root, "hint-kind-list.md",
       "---\ntitle: Hint with a list kind\nactors: [{name: Bob Stone, kind: [a, b]}]\n---\nBob Stone said so.\n")
    _w(root, "hint-kind-mapping.md",
       "---\ntitle: Hint with a mapping kind\nactors: [{name: Bob Stone, kind: {a: 1}}]\n---\nBob Stone waved.\n")
    _w(root, "yaml-huge-int-title.md",
       "---\ntitle: " + "7" * 6000 + "\nsource: Huge Numbers Weekly\n---\nThe body under a huge number.\n")
    _w(root, "yaml-list-bomb.yaml", "-\n" * 1_040_000)
    os.symlink("/proc/self/status", root / "proc-link.txt")
    _w(root, "char-refs.md",
       "# Character references\n\nEvil &#x202e;reversed&#x202c;, &#x2066;isolated&#x2069;, &#x200f;&#x61c;marked. "
       "Carriage&#x0d;return here, tab&#x09;here, separator&#x2028;here&#x2029;. &#x1b;[31mred&#x85;\n")
    _w(root, "quote-bomb.md", "# Quote bomb\n\n" + ">" * 50_000 + " The words after the quotes.\n")
    _w(root, "backtick-bomb.md", "# Backtick bomb\n\n" + "`" * 50_000 + " The words after the backticks.\n")

    _w(root, "surrogate-title.md", '---\ntitle: "Lone \\ud800 surrogate"\n---\nA lone surrogate in YAML.\n')
    _w(root, "unicode-oddities.txt",
       "Unicode oddities\n\nשלום עולם and مرحبا mixed with English.\u2028After a line separator.\u2029"
       "After a paragraph separator. 漢字かな交じり文 and emoji 👩‍👩‍👧‍👦🏳️‍🌈. "
       "Z\u0335\u0321\u0322a\u0336\u0327l\u0337\u0328g\u0338\u031bo" + "\u0301" * 200 + " text.\u200b\ufeff\u00ad\n")
    return {c.name: c.shows for c in CASES if big or not c.big}


def folder_checksum(root: Path) -> str:
    """A fingerprint of everything in `root`: names, types, sizes, mtimes, link targets, file bytes.

    Symlinks are not followed; FIFOs and other special files are never opened.
    """
    h = hashlib.blake2b(digest_size=20)
    for dirpath, dirnames, filenames in os.walk(os.fsencode(root), followlinks=False):
        dirnames.sort()
        st = os.lstat(dirpath)
        h.update(b"D" + dirpath + b"%d" % st.st_mtime_ns)
        for name in sorted(filenames + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]):
            full = os.path.join(dirpath, name)
            st = os.lstat(full)
            h.update(b"\0F" + full + b"\0%o\0%d\0%d" % (st.st_mode, st.st_size, st.st_mtime_ns))
            if stat.S_ISLNK(st.st_mode):
                h.update(b"L" + os.readlink(full))
            elif stat.S_ISREG(st.st_mode):
                with open(full, "rb") as fh:
                    for chunk in iter(lambda: fh.read(MiB), b""):
                        h.update(chunk)
    return h.hexdigest()


def vanish_before_read(read_text: Callable[..., Any], name: str = VANISH_NAME) -> Callable[..., Any]:
    """Wrap `newsreader.articles.read_text` so the file called `name` is deleted just before it is read.

    The scan has already listed it (it was there), so this is exactly "vanished between scan and read",
    whichever code did the listing, and it is deterministic.
    """

    def wrapped(path: Path, *args: Any, **kwargs: Any) -> Any:
        if Path(path).name == name:
            Path(path).unlink(missing_ok=True)
        return read_text(path, *args, **kwargs)

    return wrapped


def write_bad_hint_config_folder(root: Path) -> Path:
    """A folder whose newsreader.yaml has one actor hint with a list for its kind (and one good hint)."""
    root.mkdir(parents=True, exist_ok=True)
    _w(root, "newsreader.yaml", "actors: [{name: Bob, kind: [a, b]}, {name: Harbour Trust, kind: organisation}]\n")
    _w(root, "story.txt", 'A story\n\n"We are ready," said Jane Doe of the Harbour Trust.\n')
    return root


def write_vanishing_folder(root: Path) -> Path:
    """A small folder with one ordinary article and the file that will vanish."""
    root.mkdir(parents=True, exist_ok=True)
    _w(root, "steady.txt", "A steady article\n\nThis one stays.\n")
    _w(root, VANISH_NAME, "Here now\n\nGone by the time it is read.\n")
    return root
