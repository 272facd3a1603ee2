"""feeds.yaml is the person's file ("you may edit it"): what `feeds add`/`remove` can't carry over when they
rewrite it (a misspelt setting, an unknown key in a feed) is refused with its name, never silently dropped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsreader.cli import main
from newsreader.web.feeds import FeedsFileError, load_subscriptions

URL = "http://127.0.0.1:9/new.xml"


def feeds_file(web_home: Path, text: str) -> Path:
    path = web_home / "config" / "newsreader" / "feeds.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, named", [
    ("feed:\n  - {url: 'https://a.invalid/f', folder: /tmp/news}\n", "`feed` (did you mean 'feeds'?)"),
    ("refresh_minute: 30\nfeeds: []\n", "`refresh_minute` (did you mean 'refresh_minutes'?)"),
    ("feeds:\n  - {url: 'https://a.invalid/f', folder: /tmp/news, tags: [x]}\n", "feed 1: unknown key `tags`"),
])
def test_a_key_a_rewrite_would_drop_is_refused_and_the_file_kept(
    web_home: Path, text: str, named: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = feeds_file(web_home, text)
    with pytest.raises(FeedsFileError) as info:
        load_subscriptions()
    assert named in str(info.value) and "\n" not in str(info.value)
    for argv in (["feeds", "add", URL], ["feeds", "remove", "https://a.invalid/f"]):
        assert main(argv) == 2
        assert path.read_text(encoding="utf-8") == text
    assert named in capsys.readouterr().err


def test_every_known_key_is_kept_by_a_rewrite(web_home: Path, tmp_path: Path) -> None:
    feeds_file(web_home,
               f"refresh_minutes: 30\nfeeds:\n  - {{url: 'https://a.invalid/f', folder: {tmp_path}, title: A}}\n")
    assert main(["feeds", "add", URL, "--folder", str(tmp_path)]) == 0
    subs = load_subscriptions()
    assert subs.refresh_minutes == 30
    assert [(f.url, f.title) for f in subs.feeds] == [("https://a.invalid/f", "A"), (URL, None)]


# ------------------------------------------------------------------- `feeds add`/`remove` keep the file

COMMENTED = """\
# My feeds. Read by newsreader; edited by hand too.
refresh_minutes: 30   # every half hour

feeds:
  # local news first
  - url: https://a.invalid/city.atom
    folder: {folder}
    title: City hall   # the council's own feed

  - url: 'https://b.invalid/world.rss'
    folder: {folder}
# world news: checked weekly
"""


def test_feeds_add_keeps_comments_order_and_quoting(web_home: Path, tmp_path: Path) -> None:
    """`feeds add` dumped the parsed YAML over the file: every comment, blank line and quote was lost."""
    text = COMMENTED.format(folder=tmp_path)
    path = feeds_file(web_home, text)
    assert main(["feeds", "add", URL, "--folder", str(tmp_path)]) == 0
    after = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    # the new feed goes right after the last one's lines, in the list's indentation; nothing else moves
    assert after == "".join(lines[:11]) + f"  - url: {URL}\n    folder: {tmp_path}\n" + "".join(lines[11:])
    assert [f.url for f in load_subscriptions().feeds] == ["https://a.invalid/city.atom",
                                                          "https://b.invalid/world.rss", URL]
    assert load_subscriptions().refresh_minutes == 30


def test_feeds_remove_takes_out_only_that_feeds_lines(web_home: Path, tmp_path: Path) -> None:
    text = COMMENTED.format(folder=tmp_path)
    path = feeds_file(web_home, text)
    assert main(["feeds", "remove", "1"]) == 0
    after = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    assert after == "".join(lines[:5] + lines[8:])
    assert [f.url for f in load_subscriptions().feeds] == ["https://b.invalid/world.rss"]
    assert main(["feeds", "remove", "1"]) == 0  # the last one: `feeds:` is left with nothing under it
    assert load_subscriptions().feeds == [] and "# world news: checked weekly" in path.read_text(encoding="utf-8")
    assert main(["feeds", "add", URL, "--folder", str(tmp_path)]) == 0
    assert [f.url for f in load_subscriptions().feeds] == [URL]
    assert path.read_text(encoding="utf-8").startswith("# My feeds.")


@pytest.mark.parametrize("text", [
    "",
    "# only a comment\n",
    "refresh_minutes: 10",
    "feeds: []\n# below\n",
    "feeds:   # none yet\n",
    "feeds:\n- url: https://a.invalid/f\n  folder: /tmp/x\n",
    "feeds:\n  - # news - daily\n    url: https://a.invalid/f\n    folder: /tmp/x\n",
    "feeds:\n    -   url: https://a.invalid/f\n        folder: /tmp/x\n",
    "feeds:\n  - {url: 'https://a.invalid/f', folder: /tmp/x}\n",
    "feeds: [{url: 'https://a.invalid/f', folder: /tmp/x}]\n",
    "feeds:\r\n  - url: https://a.invalid/f\r\n    folder: /tmp/x\r\n",
    "refresh_minutes: 5\nfeeds:\n  - url: https://a.invalid/f\n    folder: /tmp/x   # home\nother: 1\n",
])
def test_feeds_add_in_the_files_own_style(web_home: Path, tmp_path: Path, text: str) -> None:
    from newsreader.web.feeds import Feed
    from newsreader.web.feeds_file import add_feeds

    known = "other" not in text
    path = feeds_file(web_home, text)
    if not known:
        with pytest.raises(FeedsFileError):
            add_feeds([Feed(URL, tmp_path)])
        assert path.read_text(encoding="utf-8") == text
        return
    before = load_subscriptions()
    add_feeds([Feed(URL, tmp_path, "A: title, with {odd} #characters"), Feed(URL + "2", tmp_path)])
    after = load_subscriptions()
    assert after.feeds == [*before.feeds, Feed(URL, tmp_path, "A: title, with {odd} #characters"),
                           Feed(URL + "2", tmp_path)]
    assert after.refresh_minutes == before.refresh_minutes
    written = path.read_bytes().decode("utf-8")
    for line in text.splitlines():  # every line the person wrote is still there (`[]` aside; `[…]` extended)
        assert line.replace("[]", "").rstrip().removesuffix("]") in written
    assert ("\r\n" in text) == ("\r\n" in written) and ("\n" not in written.replace("\r\n", "")) == ("\r\n" in text)


def test_feeds_add_keeps_the_files_mode_and_its_link(web_home: Path, tmp_path: Path) -> None:
    import os

    real = tmp_path / "dotfiles" / "feeds.yaml"
    real.parent.mkdir()
    real.write_text("# mine\nfeeds: []\n")
    real.chmod(0o644)
    link = web_home / "config" / "newsreader" / "feeds.yaml"
    link.parent.mkdir(parents=True)
    link.symlink_to(real)
    assert main(["feeds", "add", URL, "--folder", str(tmp_path)]) == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.stat().st_mode & 0o777 == 0o644
    assert real.read_text().startswith("# mine\n") and [f.url for f in load_subscriptions().feeds] == [URL]


def test_a_file_the_edit_cannot_extend_is_left_alone_with_the_lines_to_add(
    web_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file written as one JSON-style mapping: a `feeds:` list can't be appended after it; the command says
    so and prints the lines to add by hand, and the file is as it was."""
    text = '{"refresh_minutes": 30}\n'
    path = feeds_file(web_home, text)
    assert main(["feeds", "add", URL, "--folder", str(tmp_path)]) == 2
    assert path.read_text(encoding="utf-8") == text
    err = capsys.readouterr().err
    assert "add these lines to it by hand" in err and f"  - url: {URL}\n    folder: {tmp_path}" in err


LONE_DASHES = ("feeds:\n  -\n    url: https://a.invalid/f\n    folder: /tmp/a\n"
               "  -  # b\n    url: https://b.invalid/f\n    folder: /tmp/b\n# end\n")
CR_ONLY = ("# mine\rfeeds:\r  - url: https://a.invalid/f\r    folder: /tmp/a\r\r"
           "  - url: https://b.invalid/f\r    folder: /tmp/b\r# end\r")


@pytest.mark.parametrize("text, url, written", [
    (LONE_DASHES, "https://a.invalid/f", "feeds:\n  -  # b\n    url: https://b.invalid/f\n    folder: /tmp/b\n# end\n"),
    (LONE_DASHES, "https://b.invalid/f", "feeds:\n  -\n    url: https://a.invalid/f\n    folder: /tmp/a\n# end\n"),
    ("feeds:\n  - # news - daily\n    url: https://a.invalid/f\n    folder: /tmp/a\n", "https://a.invalid/f",
     "feeds:\n"),
    (CR_ONLY, "https://a.invalid/f", "# mine\rfeeds:\r\r  - url: https://b.invalid/f\r    folder: /tmp/b\r# end\r"),
    (CR_ONLY, "https://b.invalid/f", "# mine\rfeeds:\r  - url: https://a.invalid/f\r    folder: /tmp/a\r\r# end\r"),
    ("feeds: !!seq\n  - url: https://a.invalid/f\n    folder: /tmp/a\n# end\n", "https://a.invalid/f",
     "feeds: !!seq []\n# end\n"),
    ("feeds: &mine\n- url: https://a.invalid/f\n  folder: /tmp/a\n", "https://a.invalid/f", "feeds: &mine []\n"),
], ids=["lone-dash-first", "lone-dash-last", "dash-and-comment", "cr-first", "cr-last", "tag-emptied", "anchor"])
def test_feeds_remove_from_odd_block_lists(web_home: Path, text: str, url: str, written: str) -> None:
    """Shapes `feeds remove` refused: a feed whose mapping starts on the line below its dash (the feed was
    taken to start on its `url:` line), a file with CR line breaks only (read as a single line), and the last
    feed of a tagged list (`feeds: !!seq` with nothing under it is no YAML)."""
    from newsreader.web.feeds_file import remove_feed

    path = feeds_file(web_home, text)
    before = load_subscriptions().feeds
    assert remove_feed(url).url == url
    assert path.read_bytes().decode("utf-8") == written
    assert load_subscriptions().feeds == [f for f in before if f.url != url]


@pytest.mark.parametrize("text, written", [
    (LONE_DASHES, LONE_DASHES.replace("# end", "  -\n    url: URL\n    folder: DIR\n# end")),
    (CR_ONLY, CR_ONLY.replace("# end", "  - url: URL\r    folder: DIR\r# end")),
    ("# mine\rrefresh_minutes: 5\r", "# mine\rrefresh_minutes: 5\rfeeds:\r  - url: URL\r    folder: DIR\r"),
    ("feeds: !!seq []\n# end\n", "feeds: !!seq\n  - url: URL\n    folder: DIR\n# end\n"),
    ("feeds: &mine []  # none\n", "feeds: &mine  # none\n  - url: URL\n    folder: DIR\n"),
    ("feeds: []\n", "feeds:\n  - url: URL\n    folder: DIR\n"),
], ids=["lone-dash", "cr", "cr-no-list", "tag-empty", "anchor-empty", "empty"])
def test_feeds_add_to_odd_block_lists(web_home: Path, tmp_path: Path, text: str, written: str) -> None:
    """`feeds add` wrote `- url:` under feeds written with their dash alone, `\\n` line breaks into a file of
    CR ones, and dropped the tag of `feeds: !!seq []` (leaving a blank at the end of `feeds: `)."""
    from newsreader.web.feeds import Feed
    from newsreader.web.feeds_file import add_feeds

    path = feeds_file(web_home, text)
    before = load_subscriptions().feeds
    add_feeds([Feed(URL, tmp_path)])
    assert path.read_bytes().decode("utf-8") == written.replace("URL", URL).replace("DIR", str(tmp_path))
    assert load_subscriptions().feeds == [*before, Feed(URL, tmp_path)]


def test_a_file_that_is_not_utf8_is_not_rewritten(web_home: Path, tmp_path: Path) -> None:
    path = web_home / "config" / "newsreader" / "feeds.yaml"
    path.parent.mkdir(parents=True)
    data = "# caf\xe9 feeds\nfeeds: []\n".encode("latin-1")
    path.write_bytes(data)
    assert main(["feeds", "add", URL, "--folder", str(tmp_path)]) == 2
    assert path.read_bytes() == data


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(min_size=1, max_size=40), name=st.text(st.characters(blacklist_characters="/\x00"),
                                                            min_size=1, max_size=20))
def test_any_title_and_folder_round_trip_or_leave_the_file_alone(web_home: Path, title: str, name: str) -> None:
    from newsreader.web.feeds import Feed
    from newsreader.web.feeds_file import add_feeds

    text = COMMENTED.format(folder="/tmp/news")
    path = feeds_file(web_home, text)
    feed = Feed(URL, Path("/tmp") / name, title)
    try:
        add_feeds([feed])
    except FeedsFileError:
        assert path.read_text(encoding="utf-8") == text
        return
    assert load_subscriptions().feeds[-1] == feed
    assert path.read_text(encoding="utf-8").startswith("".join(text.splitlines(keepends=True)[:11]))


def test_two_feeds_add_at_once_keep_both_feeds(web_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`newsreader feeds add` run twice at once (a loop in the shell with `&`): each read the file before the
    other wrote it, and the last write dropped the first one's feed (8 at once kept 2)."""
    import threading

    import newsreader.web.feeds_file as feeds_file_module
    from newsreader.web.feeds import Feed
    from newsreader.web.feeds_file import add_feeds

    path = feeds_file(web_home, "# mine\nfeeds:\n")
    read = feeds_file_module._read
    both_read = threading.Event()
    readers: list[int] = []

    def slow_read(file: Path) -> tuple[str, object]:
        result = read(file)
        readers.append(1)
        if len(readers) == 2:
            both_read.set()
        both_read.wait(timeout=0.5)  # until the other has read too (or, if it must wait its turn, a moment)
        return result

    monkeypatch.setattr(feeds_file_module, "_read", slow_read)
    threads = [threading.Thread(target=add_feeds, args=([Feed(f"{URL}{n}", tmp_path)],)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(f.url for f in load_subscriptions().feeds) == [f"{URL}1", f"{URL}2"]
    assert path.read_text(encoding="utf-8").startswith("# mine\n")


@pytest.mark.parametrize("command", ["add", "remove"])
def test_a_save_from_an_editor_during_the_edit_is_kept(
    web_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """The person saves feeds.yaml from an editor (which takes no lock) after `feeds add`/`remove` read it:
    the command writing the text it read would undo that edit; it reads the file again instead."""
    import newsreader.web.feeds_file as feeds_file_module
    from newsreader.web.feeds import Feed
    from newsreader.web.feeds_file import add_feeds, remove_feed

    path = feeds_file(web_home, f"feeds:\n  - url: {URL}0\n    folder: {tmp_path}\n")
    read = feeds_file_module._read
    reads: list[str] = []

    def read_then_editor_saves(file: Path) -> tuple[str, object]:
        result = read(file)
        reads.append(result[0])
        if len(reads) == 1:
            with path.open("a", encoding="utf-8") as fh:  # in place, as many editors save
                fh.write(f"  - url: {URL}9  # added by hand\n    folder: {tmp_path}\n")
        return result

    monkeypatch.setattr(feeds_file_module, "_read", read_then_editor_saves)
    if command == "add":
        add_feeds([Feed(f"{URL}1", tmp_path)])
        expected = [f"{URL}0", f"{URL}9", f"{URL}1"]
    else:
        remove_feed(f"{URL}0")
        expected = [f"{URL}9"]
    assert [f.url for f in load_subscriptions().feeds] == expected
    assert "# added by hand" in path.read_text(encoding="utf-8")
    assert len(reads) == 2  # read again once, after the editor's save


def test_a_file_that_never_stops_changing_is_not_written(
    web_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsreader.web.feeds_file as feeds_file_module
    from newsreader.web.feeds import Feed
    from newsreader.web.feeds_file import EDIT_ATTEMPTS, add_feeds

    path = feeds_file(web_home, "feeds:\n")
    read = feeds_file_module._read
    reads: list[int] = []

    def read_then_change(file: Path) -> tuple[str, object]:
        result = read(file)
        reads.append(1)
        with path.open("a", encoding="utf-8") as fh:
            fh.write("# again\n")
        return result

    monkeypatch.setattr(feeds_file_module, "_read", read_then_change)
    with pytest.raises(FeedsFileError, match="kept changing"):
        add_feeds([Feed(URL, tmp_path)])
    assert len(reads) == EDIT_ATTEMPTS
    assert path.read_text(encoding="utf-8") == "feeds:\n" + "# again\n" * EDIT_ATTEMPTS


@pytest.mark.parametrize("text, written", [
    ("feeds: [\n  {url: 'https://a.invalid/f', folder: /tmp/x},\n]\n",  # a trailing comma
     "feeds: [\n  {url: 'https://a.invalid/f', folder: /tmp/x}, {url: \"URL\", folder: \"DIR\"},\n]\n"),
    ("{feeds: []}\n", "{feeds: [{url: \"URL\", folder: \"DIR\"}]}\n"),  # the whole file in flow style
    ('{"refresh_minutes": 5, "feeds": []}', '{"refresh_minutes": 5, "feeds": [{"url": "URL", "folder": "DIR"}]}'),
    ('{"feeds": [{"url": "https://a.invalid/f", "folder": "/tmp/x"}]}',  # a JSON file stays JSON
     '{"feeds": [{"url": "https://a.invalid/f", "folder": "/tmp/x"}, {"url": "URL", "folder": "DIR"}]}'),
    ("feeds: !!seq\n  - url: https://a.invalid/f\n    folder: /tmp/x\n",  # a tag (or an anchor) before the list
     "feeds: !!seq\n  - url: https://a.invalid/f\n    folder: /tmp/x\n  - url: URL\n    folder: DIR\n"),
    ("feeds: &mine\n- url: https://a.invalid/f\n  folder: /tmp/x\n",
     "feeds: &mine\n- url: https://a.invalid/f\n  folder: /tmp/x\n- url: URL\n  folder: DIR\n"),
])
def test_feeds_add_to_lists_in_odd_styles(web_home: Path, tmp_path: Path, text: str, written: str) -> None:
    """Lists the edit refused before: it wrote past a trailing comma, block lines into a flow mapping, and
    the new feed at the column of the list's tag instead of its dashes."""
    from newsreader.web.feeds import Feed
    from newsreader.web.feeds_file import add_feeds

    path = feeds_file(web_home, text)
    before = load_subscriptions().feeds
    add_feeds([Feed(URL, tmp_path)])
    assert load_subscriptions().feeds == [*before, Feed(URL, tmp_path)]
    assert path.read_text(encoding="utf-8") == written.replace("URL", URL).replace("DIR", str(tmp_path))
    if text.startswith('{"'):
        json.loads(path.read_text(encoding="utf-8"))


A, B, C = ("{url: 'https://a.invalid/f', folder: /tmp/a}", "{url: 'https://b.invalid/f', folder: /tmp/b}",
           "{url: 'https://c.invalid/f', folder: /tmp/c}")


@pytest.mark.parametrize("text, url, written", [
    (f"feeds: [{A}, {B}, {C}]\n", "https://a.invalid/f", f"feeds: [{B}, {C}]\n"),
    (f"feeds: [{A}, {B}, {C}]\n", "https://b.invalid/f", f"feeds: [{A}, {C}]\n"),
    (f"feeds: [{A}, {B}, {C}]\n", "https://c.invalid/f", f"feeds: [{A}, {B}]\n"),
    (f"feeds: [{A}]  # mine\n", "https://a.invalid/f", "feeds: []  # mine\n"),
    (f"feeds: [\n  {A},\n  {B},\n]\n", "https://b.invalid/f", f"feeds: [\n  {A},\n]\n"),
    ('{"feeds": [{"url": "https://a.invalid/f", "folder": "/tmp/a"}, {"url": "https://b.invalid/f", "folder": "/b"}]}',
     "https://a.invalid/f", '{"feeds": [{"url": "https://b.invalid/f", "folder": "/b"}]}'),
])
def test_feeds_remove_from_a_flow_list(web_home: Path, text: str, url: str, written: str) -> None:
    """`feeds add` extends a `[…]` list (a JSON file too); `feeds remove` refused to take a feed out of one."""
    from newsreader.web.feeds_file import remove_feed

    path = feeds_file(web_home, text)
    before = load_subscriptions().feeds
    assert remove_feed(url).url == url
    assert load_subscriptions().feeds == [f for f in before if f.url != url]
    assert path.read_text(encoding="utf-8") == written


def test_an_alias_in_feeds_yaml_is_named_without_blaming_an_article(web_home: Path) -> None:
    """The YAML reader shared with the articles said "aliases are not allowed in articles" about feeds.yaml."""
    feeds_file(web_home, "feeds:\n  - url: https://a.invalid/f\n    folder: &home /tmp/x\n"
                         "  - url: https://b.invalid/f\n    folder: *home\n")
    with pytest.raises(FeedsFileError) as exc:
        load_subscriptions()
    assert "aliases are not allowed" in str(exc.value) and "line 5" in str(exc.value)
    assert "article" not in str(exc.value)



# the text down to `feeds:`'s line; each feed's lines above it, and its own lines; the rest
Shape = tuple[str, list[tuple[str, str]], str]


@st.composite
def block_lists(draw: st.DrawFn) -> Shape:
    """A feeds.yaml written by hand: its line break, the list's indentation, tag and comments, and each feed's
    form (`- url:`, the `-` alone, with a comment on it, `- {…}`)."""
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    dash = " " * draw(st.sampled_from([0, 2, 4]))
    gap = " " * draw(st.sampled_from([1, 3]))
    key = dash + " " + gap
    head = draw(st.sampled_from(["", "# mine\n", "refresh_minutes: 5\n"])) + "feeds:"
    head += draw(st.sampled_from(["", " !!seq", " &mine", "  # the list"])) + "\n"
    feeds = []
    for i in range(draw(st.integers(1, 4))):
        url, folder = f"https://f{i}.invalid/x", f"/tmp/f{i}"
        above = draw(st.sampled_from(["", "\n", f"{dash}# feed {i} - below\n"]))
        feeds.append((above, draw(st.sampled_from([
            f"{dash}-{gap}url: {url}\n{key}folder: {folder}\n",
            f"{dash}-\n{key}url: {url}\n{key}folder: {folder}\n",
            f"{dash}-  # feed - {i}\n{key}url: {url}\n{key}folder: {folder}  # its folder\n",
            f"{dash}-{gap}{{url: '{url}', folder: {folder}}}\n",
        ]))))
    tail = draw(st.sampled_from(["", "# end\n", "" if "refresh" in head else "refresh_minutes: 5\n"]))

    def lines(part: str) -> str:
        return part.replace("\n", newline)

    return lines(head), [(lines(above), lines(feed)) for above, feed in feeds], lines(tail)


def _text(shape: Shape) -> str:
    head, feeds, tail = shape
    return head + "".join(above + feed for above, feed in feeds) + tail


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(shape=block_lists(), data=st.data())
def test_feeds_remove_takes_out_exactly_its_feeds_lines(web_home: Path, shape: Shape, data: st.DataObject) -> None:
    """Whatever the list's shape, `feeds remove` takes out the lines from the feed's `-` to its last value
    (and its comment), and nothing else; an emptied tagged list keeps its tag over `[]`."""
    from newsreader.web.feeds_file import remove_feed

    path = feeds_file(web_home, "")
    path.write_bytes(_text(shape).encode("utf-8"))
    head, feeds, tail = shape
    before = load_subscriptions().feeds
    index = data.draw(st.integers(0, len(feeds) - 1))
    remove_feed(before[index].url)
    if len(feeds) == 1 and ("!!seq" in head or "&mine" in head):
        head = head.replace("!!seq", "!!seq []").replace("&mine", "&mine []")
    kept = [(above, feed if i != index else "") for i, (above, feed) in enumerate(feeds)]
    assert path.read_bytes().decode("utf-8") == _text((head, kept, tail))
    assert load_subscriptions().feeds == before[:index] + before[index + 1:]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(shape=block_lists())
def test_feeds_add_writes_after_the_last_feed_in_its_form(web_home: Path, tmp_path: Path, shape: Shape) -> None:
    """Whatever the list's shape, `feeds add` inserts lines right after the last feed's value, each ended by
    the file's own line break, the `-` alone when the last feed's is; every byte the person wrote stays."""
    from newsreader.web.feeds import Feed
    from newsreader.web.feeds_file import add_feeds

    path = feeds_file(web_home, "")
    text = _text(shape)
    path.write_bytes(text.encode("utf-8"))
    before = load_subscriptions().feeds
    add_feeds([Feed(URL, tmp_path)])
    written = path.read_bytes().decode("utf-8")
    head, feeds, tail = shape
    newline = "\r\n" if "\r\n" in text else text[-1] if text[-1] == "\r" else "\n"
    last = feeds[-1][1]
    at = len(text) - len(tail) - len(newline)  # the end of the last feed's last line
    assert written.startswith(text[:at]) and written.endswith(text[at:])
    added = written[at:len(written) - len(text) + at]
    assert added.startswith(newline) and added.replace(newline, "").count("\n") == 0
    assert added.replace(newline, "").count("\r") == 0
    assert (added.split(newline)[1].strip() == "-") == (last.split(newline)[0].split("#")[0].strip() == "-")
    assert load_subscriptions().feeds == [*before, Feed(URL, tmp_path)]
