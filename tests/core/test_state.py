"""The read-state store: XDG location, atomic writes, corrupt files set aside, content keys, positions."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsreader import state as state_mod
from newsreader.articles import Article
from newsreader.session import load_folder
from newsreader.content_keys import body_digest, content_key, key_from_digest
from newsreader.state import ReadState, atomic_write, default_state_path, find_by_key
from tests.conftest import write_article


@pytest.fixture
def state_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "xdg-state"
    monkeypatch.setenv("XDG_STATE_HOME", str(home))
    return home


def art(title: str = "T", body: str = "B", name: str = "a.txt") -> Article:
    return Article(Path("/news") / name, title, body)


def test_default_path_is_in_the_xdg_state_dir(state_home: Path) -> None:
    assert default_state_path() == state_home / "newsreader" / "state.json"


def test_missing_file_is_an_empty_state_and_nothing_is_written(state_home: Path) -> None:
    s = ReadState.load()
    assert s.notice is None and not s.read and s.last_position("/x") is None
    assert s.save() is None  # nothing changed: no file
    assert not (state_home / "newsreader").exists()


def test_round_trip_and_file_format(state_home: Path) -> None:
    s = ReadState.load()
    a, b = art("A", "one"), art("B", "two")
    assert s.set_read(a) is True
    assert s.set_read(a) is False  # no change
    s.remember_position("/some/folder", b, 42)
    assert s.save() is None
    data = json.loads(default_state_path().read_text(encoding="utf-8"))
    assert data == {
        "version": 1,
        "articles": {content_key(a): {"read": True}},
        "last": {str(Path("/some/folder").resolve()): {"key": content_key(b), "scroll": 42}},
    }
    again = ReadState.load()
    assert again.is_read(a) and not again.is_read(b)
    assert again.last_position("/some/folder") == (content_key(b), 42)
    assert again.notice is None


def test_toggle_and_unread(state_home: Path) -> None:
    s = ReadState.load()
    arts = [art("A", "1"), art("B", "2"), art("C", "3")]
    assert s.toggle_read(arts[1]) is True
    assert s.unread(arts) == [0, 2]
    assert s.toggle_read(arts[1]) is False
    assert s.unread(arts) == [0, 1, 2]
    assert s.dirty


def test_content_key_is_short_stable_and_content_based() -> None:
    a = art("Title", "Body", name="a.txt")
    renamed = art("Title", "Body", name="sub/renamed.md")
    assert content_key(a) == content_key(renamed)
    assert len(content_key(a)) == 16 and int(content_key(a), 16) >= 0
    assert content_key(a) != content_key(art("Title", "Body."))
    assert content_key(a) != content_key(art("Title2", "Body"))
    assert content_key(art("a\nb", "c")) != content_key(art("a", "b\nc"))
    assert content_key(art("T", "\ud800 lone surrogate")) == content_key(art("T", "\ud800 lone surrogate"))


def test_content_key_from_the_index_digest_without_the_body() -> None:
    from newsreader.index import body_hash

    full = art("Title", "A long body " * 100)
    assert body_digest(full.body) == body_hash(full.body)  # the digest the folder index stores
    entry = art("Title", "")  # a list entry from the index: no body loaded
    assert content_key(entry, body_hash=body_hash(full.body)) == content_key(full)
    assert key_from_digest("Title", body_hash(full.body)) == content_key(full)


def test_rename_keeps_state(state_home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    path = write_article(folder, "story.txt", "A story", "Body of the story.")
    s = ReadState.load()
    s.set_read(load_folder(folder).articles[0])
    s.remember_position(folder, load_folder(folder).articles[0], 7)
    s.save()
    path.rename(folder / "renamed-story.md")
    reloaded = ReadState.load()
    articles = load_folder(folder).articles
    assert articles[0].path.name == "renamed-story.md"
    assert reloaded.is_read(articles[0])
    position = reloaded.last_position(folder)
    assert position is not None
    key, scroll = position
    assert find_by_key(articles, key) == 0 and scroll == 7
    assert find_by_key(articles, "0" * 16) is None


def test_folder_positions_are_per_folder_and_path_normalised(state_home: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    s = ReadState.load()
    s.remember_position(one, "k1", 3)
    s.remember_position(str(two) + "/", "k2", 0)
    s.remember_position(one / ".." / "one", "k3", -5)  # same folder, other spelling; negative clamps to 0
    assert s.last_position(one) == ("k3", 0)
    assert s.last_position(two) == ("k2", 0)
    s.save()
    assert ReadState.load().last_position(str(one)) == ("k3", 0)


def test_folder_positions_are_bounded(state_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(state_mod, "MAX_FOLDERS", 3)
    s = ReadState.load()
    for i in range(5):
        s.remember_position(f"/f{i}", f"k{i}", i)
    assert s.last_position("/f0") is None and s.last_position("/f1") is None
    assert s.last_position("/f4") == ("k4", 4)


def test_corrupt_file_is_set_aside_with_a_notice(state_home: Path) -> None:
    path = default_state_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"{not json")
    s = ReadState.load()
    assert s.notice is not None and "moved it to state.json.corrupt-" in s.notice
    assert not path.exists()
    aside = list(path.parent.glob("state.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == b"{not json"
    # a second corrupt file in the same second gets its own name
    path.write_bytes(b"[1, 2]")
    assert ReadState.load().notice is not None
    assert len(list(path.parent.glob("state.json.corrupt-*"))) == 2
    # and the fresh state saves normally
    s.set_read("abc")
    assert s.save() is None and ReadState.load().is_read("abc")


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\xff\xfe\x00garbage",
        b"null",
        b'"a string"',
        b"[" * 100_000 + b"]" * 100_000,
    ],
)
def test_unparseable_content_never_raises(state_home: Path, content: bytes) -> None:
    path = default_state_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    s = ReadState.load()
    assert s.notice and not s.read and not s.last


def test_malformed_entries_are_skipped_not_fatal(state_home: Path) -> None:
    path = default_state_path()
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({
        "version": 99,
        "articles": {"good": {"read": True}, "unread": {"read": False}, "bad": [1], "odd": {"read": "yes"}},
        "last": {"/a": {"key": "k", "scroll": 3}, "/b": {"key": 5}, "/c": "x", "/d": {"key": "k", "scroll": True},
                 "/e": {"key": "k"}},
    }), encoding="utf-8")
    s = ReadState.load()
    assert s.notice is None
    assert s.read == {"good"}
    assert s.last == {"/a": ("k", 3), "/e": ("k", 0)}


def test_wrong_container_types_are_ignored(state_home: Path) -> None:
    path = default_state_path()
    path.parent.mkdir(parents=True)
    path.write_text('{"articles": [1, 2], "last": 7}', encoding="utf-8")
    s = ReadState.load()
    assert s.notice is None and not s.read and not s.last


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.binary(max_size=300), st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
).map(lambda v: json.dumps(v).encode())))
def test_any_file_content_loads_without_raising(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "fuzz" / "state.json"
    path.parent.mkdir(exist_ok=True)
    for old in path.parent.iterdir():
        old.unlink()
    path.write_bytes(content)
    s = ReadState.load(path)
    assert isinstance(s.read, set) and isinstance(s.last, dict)
    s.set_read("k")
    assert s.save() is None


def test_atomic_write_replaces_and_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "deep" / "dir" / "state.json"
    atomic_write(path, b"first")
    assert path.read_bytes() == b"first"
    assert (path.parent.stat().st_mode & 0o777) == 0o700

    def boom(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        atomic_write(path, b"second")
    assert path.read_bytes() == b"first"  # old content intact
    assert [p.name for p in path.parent.iterdir()] == ["state.json"]  # no temporary left behind


def test_save_failure_is_a_notice_not_an_exception(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    s = ReadState(blocker / "state.json")  # parent is a file: cannot create the directory
    s.set_read("k")
    reason = s.save()
    assert reason is not None and reason == s.notice and "Could not save" in reason
    assert s.dirty and s.is_read("k")


def test_save_writes_to_a_temp_file_in_the_same_directory(state_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, str]] = []
    real_replace = os.replace

    def spy(src: str, dst: str) -> None:
        seen.append((str(src), str(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    s = ReadState.load()
    s.set_read("k")
    s.save()
    (src, dst), = seen
    assert Path(src).parent == Path(dst).parent == default_state_path().parent
    assert Path(dst) == default_state_path()


def test_never_writes_into_the_articles_folder(state_home: Path, small_folder: Path) -> None:
    before = sorted(p.name for p in small_folder.rglob("*"))
    s = ReadState.load()
    for a in load_folder(small_folder).articles:
        s.set_read(a)
    s.remember_position(small_folder, load_folder(small_folder).articles[0], 3)
    s.save()
    assert sorted(p.name for p in small_folder.rglob("*")) == before


def test_import_is_light() -> None:
    import subprocess
    import sys

    code = "import sys, newsreader.state; print('platformdirs' in sys.modules, 'textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# ------------------------------------------------------------------- several instances, odd files


def test_two_instances_keep_each_others_marks_and_positions(state_home: Path, tmp_path: Path) -> None:
    first, second = ReadState.load(), ReadState.load()
    first.set_read("from-first")
    second.set_read("from-second")
    first.remember_position(tmp_path / "one", "k1", 10)
    second.remember_position(tmp_path / "two", "k2", 20)
    assert first.save() is None and second.save() is None  # the last writer used to win
    merged = ReadState.load()
    assert merged.read == {"from-first", "from-second"}
    assert merged.last_position(tmp_path / "one") == ("k1", 10)
    assert merged.last_position(tmp_path / "two") == ("k2", 20)
    # an unread mark made in one instance is kept too; what the other never touched stays as it is
    third = ReadState.load()
    third.set_read("from-first", False)
    second.set_read("another")
    assert third.save() is None and second.save() is None
    assert ReadState.load().read == {"from-second", "another"}


def test_the_newest_snapshot_holds_every_unsaved_change(state_home: Path) -> None:
    s = ReadState.load()
    s.set_read("a")
    older = s.snapshot()
    s.set_read("b")
    newer = s.snapshot()
    assert older is not None and newer is not None and s.snapshot() is None
    assert s.write(newer) is None  # the UI writes only the newest of two pending snapshots
    assert ReadState.load().read == {"a", "b"}
    s.set_read("a", False)
    assert s.save() is None and ReadState.load().read == {"b"}


WRITER = """
import sys
from newsreader.state import ReadState
path, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
state = ReadState.load(path)
for i in range(count):
    state.set_read(f"{name}-{i}")
    problem = state.save()
    assert problem is None, problem
"""


def test_concurrent_processes_lose_no_mark(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "state" / "state.json"
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), f"p{n}", "40"]) for n in range(4)]
    assert [p.wait(timeout=300) for p in procs] == [0, 0, 0, 0]
    assert ReadState.load(path).read == {f"p{n}-{i}" for n in range(4) for i in range(40)}
    assert sorted(p.name for p in path.parent.iterdir()) == [".state.json.lock", "state.json"]


HANG_GUARD = """
import sys
from newsreader.state import ReadState
state = ReadState.load(sys.argv[1])
print(state.notice)
state.set_read("k")
print(state.save())
"""


def test_a_fifo_at_the_state_path_is_set_aside_without_blocking(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "state" / "state.json"
    path.parent.mkdir()
    os.mkfifo(path)
    # in a subprocess, so that a regression hangs that process (killed by the timeout), not the test run
    out = subprocess.run([sys.executable, "-c", HANG_GUARD, str(path)], capture_output=True, text=True, timeout=120)
    notice, saved = out.stdout.splitlines()
    assert notice.startswith("The read-state file was not a regular file (not a regular file (a pipe")
    assert "moved it to state.json.corrupt-" in notice and saved == "None"
    assert path.is_file() and ReadState.load(path).read == {"k"}
    (aside,) = [p for p in path.parent.iterdir() if p.name.startswith("state.json.corrupt-")]
    assert aside.is_fifo()


def test_a_fifo_or_kernel_file_as_the_lock_is_a_notice_not_a_hang(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    os.mkfifo(tmp_path / ".state.json.lock")
    s = ReadState.load(path)
    s.set_read("k")
    reason = s.save()
    assert reason is not None and "not a regular file" in reason and s.dirty
    (tmp_path / ".state.json.lock").unlink()
    (tmp_path / ".state.json.lock").symlink_to("/proc/self/status")
    assert "kernel file" in (s.save() or "")
    (tmp_path / ".state.json.lock").unlink()
    assert s.save() is None and ReadState.load(path).read == {"k"}


def test_a_held_lock_delays_the_save_a_bounded_number_of_tries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fcntl
    import time

    path = tmp_path / "state.json"
    sleeps: list[float] = []
    monkeypatch.setattr(time, "sleep", sleeps.append)
    monkeypatch.setattr(state_mod, "LOCK_ATTEMPTS", 5)
    s = ReadState.load(path)
    s.set_read("k")
    with open(tmp_path / ".state.json.lock", "w") as holder:  # another instance, in the middle of a save
        fcntl.flock(holder, fcntl.LOCK_EX)
        reason = s.save()
    assert reason is not None and "another newsreader is saving" in reason and len(sleeps) == 4
    assert not path.exists() and s.dirty
    assert s.save() is None and ReadState.load(path).read == {"k"}  # the change was kept for the next save


def test_temporaries_of_a_killed_save_are_removed(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    s = ReadState.load(path)
    s.set_read("k")
    assert s.save() is None
    stale = [tmp_path / ".state.json.x1y2z3.tmp", tmp_path / ".state.json.abcdef.tmp"]
    for tmp in stale:
        tmp.write_bytes(b"{half a file")
    other = tmp_path / ".other.json.abc.tmp"  # not ours: left alone
    other.write_bytes(b"")
    assert ReadState.load(path).read == {"k"}  # on start
    assert not any(t.exists() for t in stale) and other.exists()
    stale[0].write_bytes(b"")
    s.set_read("j")
    assert s.save() is None and not stale[0].exists()  # and on every save
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.json.abc.tmp", ".state.json.lock", "state.json"]


def test_a_state_file_damaged_while_the_reader_runs_is_rewritten_from_memory(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    first = ReadState.load(path)
    first.set_read("a")
    first.set_read("b")
    assert first.save() is None
    running = ReadState.load(path)  # knows a and b
    path.write_bytes(b"\x00garbage")  # damaged behind its back
    running.set_read("c")
    assert running.save() is None and "moved it to state.json.corrupt-" in (running.notice or "")
    assert ReadState.load(path).read == {"a", "b", "c"}




def test_stars_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    state = ReadState.load(path)
    assert state.toggle_starred("k1") is True
    state.set_read("k2", True)
    assert state.save() is None
    assert json.loads(path.read_text())["articles"] == {"k1": {"starred": True}, "k2": {"read": True}}
    again = ReadState.load(path)
    assert again.is_starred("k1") and again.toggle_starred("k1") is False
    again.save()
    assert ReadState.load(path).starred == set()


def test_two_instances_keep_each_others_stars(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    ReadState.load(path).save(force=True)
    a, b = ReadState.load(path), ReadState.load(path)
    a.toggle_starred("ka")
    a.save()
    b.toggle_starred("kb")
    b.set_read("kb", True)
    b.save()
    final = ReadState.load(path)
    assert final.starred == {"ka", "kb"} and final.is_read("kb")
