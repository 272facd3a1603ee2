"""The failures found by the hostile probe (issue 13), each reproduced: YAML bombs and wrong types, kernel
files, FIFOs at the state path, Markdown character references, CLI output under odd encodings and pipes.

The hostile files come from tests/hostile.py (generated, never committed); the cases that are files in the
hostile folder are also checked by every layer of tests/core/test_hostile.py. Work is bounded by counting
(nodes composed, bytes, calls), never by the clock.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsreader.articles import MAX_YAML_NODES, TooLargeNumber, load_file, safe_yaml
from newsreader.session import load_folder as scan
from tests.conftest import until
from tests.hostile import write_bad_hint_config_folder

REPO = Path(__file__).resolve().parents[2]


def cli(*args: str, tmp: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "TMUX")}
    env.update(XDG_STATE_HOME=str(tmp / "state"), XDG_CACHE_HOME=str(tmp / "cache"), PYTHONIOENCODING="utf-8",
               NO_COLOR="1")
    env.update(extra)
    return subprocess.run([sys.executable, "-m", "newsreader", *args], capture_output=True, timeout=120, env=env,
                          cwd=tmp, stdin=subprocess.DEVNULL, encoding="utf-8", errors="replace")


# ------------------------------------------------------------------------ YAML: nodes and types


def test_a_yaml_list_bomb_is_refused_after_composing_a_bounded_number_of_nodes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsreader import articles

    path = tmp_path / "bomb.yaml"
    path.write_text("-\n" * 1_040_000)  # 2 MB, under the byte cap: a million nodes
    articles.default_residue()  # the shipped residue list goes through the same loader: read it first
    composed = 0
    original = articles._safe_loader().compose_node

    def counting(self, parent, index):
        nonlocal composed
        composed += 1
        return original(self, parent, index)

    monkeypatch.setattr(articles._safe_loader(), "compose_node", counting)
    (article,) = load_file(path)
    assert article.error == f"invalid YAML (line {MAX_YAML_NODES}): more than {MAX_YAML_NODES:,} values (a YAML bomb?)"
    assert composed <= MAX_YAML_NODES + 1
    # the same limit guards front matter and newsreader.yaml, which share the loader
    with pytest.raises(ValueError, match="more than"):
        safe_yaml("[" + "a," * (MAX_YAML_NODES + 5) + "]")
    assert len(safe_yaml("[" + "a," * 1000 + "]")) == 1000


@pytest.mark.parametrize("number", ["7" * 6000, "0x" + "f" * 6000, "-" + "1" * 500, "1:" * 300 + "1"])
def test_a_huge_integer_is_kept_as_text_never_converted(number: str) -> None:
    value = safe_yaml(f"title: {number}\nsmall: 12\n")
    assert value["title"] == TooLargeNumber(number) and value["small"] == 12


def test_a_huge_integer_title_is_a_notice_and_the_other_fields_work(tmp_path: Path) -> None:
    path = tmp_path / "n.md"
    path.write_text("---\ntitle: " + "7" * 6000 + "\nsource: S\nextra: 0x" + "f" * 6000 + "\n---\nThe body.\n")
    (article,) = load_file(path)
    assert article.error is None and article.title == "n" and article.source == "S" and article.body == "The body."
    assert article.notices == ["Front matter: `title` should be text, not a number that large."]
    assert article.extra == {"extra": "(a number of 6,002 characters)"}


@pytest.mark.parametrize("kind", ["[a, b]", "{a: 1}", "7", "true"])
def test_an_actor_hint_with_a_kind_of_the_wrong_type_is_ignored_with_a_notice(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "k.md"
    path.write_text(f"---\ntitle: T\nactors: [{{name: Bob, kind: {kind}}}, {{name: Ann Lee, kind: org}}]\n---\nBody.\n")
    (article,) = load_file(path)
    assert article.error is None and article.title == "T" and article.body == "Body."
    assert [(h.name, h.kind) for h in article.hints] == [("Ann Lee", "organisation")]
    assert len(article.notices) == 1 and "actor 'Bob' ignored: `kind` should be text" in article.notices[0]


def test_a_bad_hint_in_newsreader_yaml_is_one_warning_and_every_command_works(tmp_path: Path) -> None:
    folder = write_bad_hint_config_folder(tmp_path / "news")
    library = scan(folder)
    assert library.config.problem == "newsreader.yaml: actor 'Bob' ignored: `kind` should be text, not a list"
    assert [h.name for h in library.config.hints] == ["Harbour Trust"]
    assert [a.title for a in library.articles] == ["A story"] and library.articles[0].error is None
    warning = f"newsreader: warning: {library.config.problem}\n"
    for args in (["list", str(folder)], ["list", "--json", str(folder)], ["analyze", "--json", str(folder)],
                 ["actors", str(folder)], ["show", str(folder / "story.txt")]):
        out = cli(*args, tmp=tmp_path)
        assert out.returncode == 0 and out.stderr == warning, (args, out.stderr)
        assert "A story" in out.stdout or "Harbour Trust" in out.stdout, (args, out.stdout)


# ------------------------------------------------------------------------------ kernel files


def test_a_link_to_a_kernel_file_is_refused_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsreader import regular_files

    reads: list[object] = []
    real_open = open

    def watching_open(fd, *args, **kwargs):  # the file object read_regular reads from
        reads.append(fd)
        return real_open(fd, *args, **kwargs)

    monkeypatch.setattr(regular_files, "open", watching_open, raising=False)
    for target in ("/proc/self/status", "/sys/kernel/uevent_seqnum"):
        if not os.path.exists(target):
            continue
        link = tmp_path / (Path(target).name + ".txt")
        link.symlink_to(target)
        (article,) = load_file(link)
        assert article.error == "a kernel file (/proc, /sys or a device), not an article: not read"
    assert reads == [], "a kernel file was read"
    (ok,) = load_file(_ordinary(tmp_path))
    assert ok.error is None and reads  # an ordinary file is still read through the same road


def _ordinary(folder: Path) -> Path:
    path = folder / "plain.txt"
    path.write_text("Plain\n\nText.\n")
    return path


def test_kernel_file_systems_are_known_from_mountinfo() -> None:
    from newsreader.regular_files import pseudo_devices

    assert os.stat("/proc/self/status").st_dev in pseudo_devices()
    assert os.stat(REPO / "README.md").st_dev not in pseudo_devices()


# ------------------------------------------------------------------------------------- Markdown

CONTROL_REFS = ["&#x202e;", "&#x202c;", "&#x2066;", "&#x2069;", "&#x200f;", "&#x200e;", "&#x61c;", "&#x0d;",
                "&#x09;", "&#x0a;", "&#x2028;", "&#x2029;", "&#x85;", "&#x1b;", "&#x9b;", "&#x7f;", "&#0;", "&#13;"]


@pytest.mark.parametrize("ref", CONTROL_REFS)
def test_markdown_character_references_are_sanitised_after_decoding(tmp_path: Path, ref: str) -> None:
    from tests.core.test_hostile import forbidden_in

    path = tmp_path / "r.md"
    path.write_text(f"# T\n\nBefore{ref}after, *em{ref}ph* `co{ref}de` [li{ref}nk](http://x) ![al{ref}t](y.png)\n")
    (article,) = load_file(path)
    assert not forbidden_in(article.body) and "\t" not in article.body and "\n" not in article.body, repr(article.body)
    words = article.body.replace(" ", "")
    assert "Beforeafter" in words or "Before\ufffdafter" in words, repr(article.body)
    assert all(article.body[s.start:s.end].strip() for s in article.styles)  # spans still cover their words


def test_show_prints_no_line_or_paragraph_separator(tmp_path: Path) -> None:
    path = tmp_path / "sep.md"
    path.write_text("# Separators\n\nOne&#x2028;two&#x2029;three \u2028 four.\n")
    out = cli("show", str(path), tmp=tmp_path, FORCE_COLOR="1")
    assert out.returncode == 0 and "One two three" in out.stdout
    assert "\u2028" not in out.stdout and "\u2029" not in out.stdout


@pytest.mark.parametrize("bomb", [">" * 50_000, "`" * 50_000, "- " * 5_000, "> - " * 3_000],
                         ids=["quotes", "backticks", "list", "mixed"])
def test_markdown_that_markdown_it_gives_up_on_shows_its_text(tmp_path: Path, bomb: str) -> None:
    path = tmp_path / "bomb.md"
    path.write_text(f"# Bomb\n\n{bomb} The words after it.\n\nA last paragraph.\n")
    (article,) = load_file(path)
    assert article.title == "Bomb" and "The words after it." in article.body and "A last paragraph." in article.body
    assert len(article.notices) <= 1 and all("shown as plain text" in n for n in article.notices)


def test_ordinary_markdown_is_still_formatted_without_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "ok.md"
    path.write_text("# Fine\n\n> quoted *text*\n\n- a\n- b\n\n```\ncode\n```\n\n" + "> " * 5 + "five deep\n")
    (article,) = load_file(path)
    assert article.notices == [] and article.body.startswith("quoted text")
    assert {s.style for s in article.styles} >= {"blockquote", "em", "bullet", "code"}


def test_markdown_whose_formatting_would_keep_no_word_is_shown_plain(tmp_path: Path) -> None:
    path = tmp_path / "html.md"
    path.write_text("# Only HTML\n\n<div>\nwords in an HTML block\n</div>\n")
    (article,) = load_file(path)
    assert "words in an HTML block" in article.body
    assert article.notices == ["Markdown formatting would hide all of this text: shown as plain text."]


# ------------------------------------------------------------------------------------ CLI output


def _unicode_folder(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "café-story.md").write_text(
        "---\ntitle: Café “owners” — 漢字 ✓\nsource: Le Monde\n---\n"
        "“The prices rose,” said Amélie Dupont, the café’s owner. 漢字かな and emoji 👩‍👩‍👧.\n", encoding="utf-8")
    (root / "plain.txt").write_text('Plain story\n\n"It is fine," said John Smith.\n', encoding="utf-8")
    return root


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252"])
def test_every_command_works_under_any_output_encoding(tmp_path: Path, encoding: str) -> None:
    folder = _unicode_folder(tmp_path / "news")
    for args in (["list", str(folder)], ["analyze", str(folder)], ["actors", str(folder)],
                 ["show", str(folder / "café-story.md")], ["list", "--json", str(folder)],
                 ["analyze", "--json", str(folder)], ["actors", "--json", str(folder)]):
        out = cli(*args, tmp=tmp_path, PYTHONIOENCODING=encoding)
        assert out.returncode == 0 and out.stderr == "", (encoding, args, out.stderr[-500:])
        assert "Plain story" in out.stdout or "John Smith" in out.stdout or "Caf" in out.stdout, (args, out.stdout)
        if "--json" in args:  # exact: the same data as with UTF-8 output
            exact = cli(*args, tmp=tmp_path)
            assert json.loads(out.stdout) == json.loads(exact.stdout)
            assert out.stdout.isascii()


def _long_output_folder(root: Path) -> Path:
    """Output far beyond a pipe's 64 KiB buffer, so `| head -1` closes the pipe while we still write."""
    root.mkdir(parents=True, exist_ok=True)
    quote = '"We will look again at the plan number {i}," said Jane Doe. '
    for n in range(12):
        (root / f"a{n:02d}.txt").write_text(f"Story {n}\n\n" + "".join(quote.format(i=i) for i in range(120)))
    for n in range(700):
        (root / f"b{n:03d}.txt").write_text(f"Short story number {n} with a long enough title\n\nText.\n")
    return root


@pytest.mark.parametrize("args", [["list"], ["analyze"], ["list", "--json"], ["analyze", "--json"], ["actors"]],
                         ids=" ".join)
def test_a_reader_that_stops_early_is_not_an_error(tmp_path: Path, args: list[str]) -> None:
    folder = _long_output_folder(tmp_path / "long")
    cli("analyze", "--json", str(folder), tmp=tmp_path)  # warm the analysis cache: the piped run is quick
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "TMUX")}
    env.update(XDG_STATE_HOME=str(tmp_path / "state"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    proc = subprocess.Popen([sys.executable, "-m", "newsreader", *args, str(folder)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, cwd=tmp_path, stdin=subprocess.DEVNULL)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()  # `| head -1`
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 0 and err == b"", err.decode(errors="replace")[-800:]
    assert first.strip()


def test_show_width_is_bounded_with_a_message(tmp_path: Path) -> None:
    from newsreader.cli import MAX_WIDTH

    folder = _unicode_folder(tmp_path / "news")
    path = folder / "plain.txt"
    path.write_text("Wide story\n\n" + "word " * 5_000 + "\n")
    out = cli("show", "--width", "1000000000", str(path), tmp=tmp_path)
    assert out.returncode == 0
    assert out.stderr == f"newsreader: --width 1,000,000,000 is outside 20..{MAX_WIDTH}: using {MAX_WIDTH}\n"
    assert 900 < max(len(line) for line in out.stdout.splitlines()) <= MAX_WIDTH
    html = tmp_path / "out.html"
    out = cli("show", "--width", "-3", "--html", str(html), str(path), tmp=tmp_path)
    assert out.returncode == 0 and "using 20" in out.stderr and html.exists()


async def test_the_reader_lists_a_folder_whose_newsreader_yaml_has_a_bad_hint(tmp_path: Path, make) -> None:
    from newsreader.ui.article_list import ArticleList
    from newsreader.ui.article_view import ArticleView

    folder = write_bad_hint_config_folder(tmp_path / "news")
    app = make(folder)
    async with app.run_test(size=(120, 36)) as pilot:
        lst, view = app.query_one(ArticleList), app.query_one(ArticleView)

        def header() -> str:
            return str(app.query_one("#header").render())

        # the TUI used to stay on "loading…" (a TypeError in the scan worker)
        await until(pilot, lambda: bool(lst.articles) and "config problem" in header()
                    and "said Jane Doe" in view.document.text, "the folder and its config problem")
        assert [a.title for a in lst.articles] == ["A story"] and "config problem" in header()
        assert "said Jane Doe" in view.document.text and "loading" not in header().lower()


# ------------------------------------------------------------------------------------------ signals

SIGNAL_PROBE = """
import asyncio, json, os, signal, sys
from newsreader.ui.signals import exit_on_signals

calls = []

class App:
    def exit(self, result=None, return_code=0):
        calls.append(return_code)

async def main(sig):
    exit_on_signals(App())
    os.kill(os.getpid(), sig)
    for _ in range(100):  # a few loop turns: the exit is scheduled on the loop
        await asyncio.sleep(0)
        if calls:
            break
    with open(sys.argv[1], "w") as fh:
        json.dump({"calls": calls, "stdout": os.readlink("/proc/self/fd/1")}, fh)

asyncio.run(main(getattr(signal, sys.argv[2])))
if sys.argv[2] == "SIGHUP":
    os.kill(os.getpid(), signal.SIGHUP)  # after the App's loop is closed: the default action again
"""


@pytest.mark.parametrize(("name", "status"), [("SIGTERM", 143), ("SIGHUP", 129)])
def test_exit_signals_ask_the_app_to_exit(tmp_path: Path, name: str, status: int) -> None:
    result = tmp_path / "result.json"
    out = subprocess.run([sys.executable, "-c", SIGNAL_PROBE, str(result), name], capture_output=True, text=True,
                         timeout=60, stdin=subprocess.DEVNULL)
    seen = json.loads(result.read_text())
    assert seen["calls"] == [status]
    if name == "SIGHUP":  # detached from the (closed) terminal before anything else runs
        assert seen["stdout"] == "/dev/null" and out.returncode == -1
    else:
        assert seen["stdout"] != "/dev/null" and out.returncode == 0
