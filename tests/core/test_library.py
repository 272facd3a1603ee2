"""Reading a folder through the Session (the one road): sub-folders, hidden files, ordering, errors listed
(never dropped), config."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsreader.library import iter_article_files
from newsreader.session import Session, load_folder
from tests.conftest import ARTICLES, SEED_TITLE, write_article


def test_shipped_articles_all_load_with_real_titles() -> None:
    lib = load_folder(ARTICLES)
    assert len(lib.articles) == 31
    assert lib.errors == []
    titles = [a.title for a in lib.articles]
    assert SEED_TITLE in titles
    assert all(t and not t.startswith("---") for t in titles)


def test_order_is_newest_first_undated_last_then_title(tmp_path: Path) -> None:
    write_article(tmp_path, "1.txt", "Old", "x", date="2019-01-01")
    write_article(tmp_path, "2.txt", "New", "x", date="2021-01-01")
    write_article(tmp_path, "3.txt", "b undated", "x")
    write_article(tmp_path, "4.txt", "A undated", "x")
    assert [a.title for a in load_folder(tmp_path).articles] == ["New", "Old", "A undated", "b undated"]


def test_subfolders_scanned_hidden_and_other_files_skipped(tmp_path: Path) -> None:
    write_article(tmp_path, "top.txt", "Top", "x")
    write_article(tmp_path / "sub" / "deeper", "deep.md", "Deep", "x")
    write_article(tmp_path / ".hidden", "secret.txt", "Hidden folder", "x")
    write_article(tmp_path, ".dotfile.txt", "Hidden file", "x")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "notes.docx").write_text("no")
    assert sorted(a.title for a in load_folder(tmp_path).articles) == ["Deep", "Top"]


def test_unreadable_file_is_listed_with_its_error(tmp_path: Path) -> None:
    write_article(tmp_path, "good.txt", "Good", "x")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    lib = load_folder(tmp_path)
    assert len(lib.articles) == 2
    [bad] = lib.errors
    assert bad.path.name == "bin.txt" and "binary" in (bad.error or "")


def test_symlink_loop_and_broken_link_do_not_hang(tmp_path: Path) -> None:
    write_article(tmp_path, "a.txt", "A", "x")
    os.symlink(tmp_path, tmp_path / "loop")
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "broken.txt")
    lib = load_folder(tmp_path)
    assert [a.title for a in lib.articles if not a.error] == ["A"]
    assert any(a.path.name == "broken.txt" and a.error for a in lib.articles)


def test_single_file_library(tmp_path: Path) -> None:
    path = write_article(tmp_path, "one.txt", "Only one", "Body.")
    lib = load_folder(path)
    assert [a.title for a in lib.articles] == ["Only one"]
    assert lib.folder == tmp_path


def test_folder_config_adds_hints_and_residue(tmp_path: Path) -> None:
    (tmp_path / "newsreader.yaml").write_text(
        "actors:\n  - {name: Acme Widgets, kind: organisation, aliases: [Acme]}\nresidue:\n  - Subscribe now!\n"
    )
    (tmp_path / "a.txt").write_text("Subscribe now!\nTitle\n\nBody.\n")
    lib = load_folder(tmp_path)
    [a] = lib.articles
    assert a.title == "Title"
    assert lib.hints_for(a)[0].name == "Acme Widgets"
    assert lib.config.problem is None


def test_bad_folder_config_is_reported_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "newsreader.yaml").write_text("actors: [unclosed\n")
    write_article(tmp_path, "a.txt", "A", "x")
    lib = load_folder(tmp_path)
    assert lib.config.problem and "newsreader.yaml" in lib.config.problem
    assert len(lib.articles) == 1


def test_progress_reports_every_file_read(tmp_path: Path) -> None:
    for i in range(7):
        write_article(tmp_path, f"{i}.txt", f"T{i}", "x")
    seen: list[tuple[int, int]] = []
    session = Session(tmp_path, use_index=False)
    session.refresh(progress=lambda done, todo, _new: seen.append((done, todo)))
    assert seen[-1] == (7, 7) and len(session.articles) == 7


def test_scan_never_writes_into_the_folder(tmp_path: Path) -> None:
    write_article(tmp_path, "a.txt", "A", "x")
    before = sorted((p.name, p.stat().st_mtime_ns) for p in tmp_path.rglob("*"))
    load_folder(tmp_path)
    assert sorted((p.name, p.stat().st_mtime_ns) for p in tmp_path.rglob("*")) == before
    assert [p.name for p, _st, _err in iter_article_files(tmp_path)] == ["a.txt"]


def test_symlinked_folders_are_followed_only_inside_the_folder(tmp_path: Path) -> None:
    inside = tmp_path / "news"
    write_article(inside / "real", "a.txt", "Inside", "x")
    outside = tmp_path / "elsewhere"
    write_article(outside, "b.txt", "Outside", "x")
    os.symlink(inside / "real", inside / "alias")  # inside: its article is listed once
    os.symlink(outside, inside / "escape")  # outside: not followed
    assert [a.title for a in load_folder(inside).articles] == ["Inside"]


def test_folder_of_a_path_is_the_folder_or_the_file_s_folder(tmp_path: Path) -> None:
    from newsreader.library import folder_of

    path = write_article(tmp_path / "sub", "one.txt", "One", "x")
    assert folder_of(tmp_path) == tmp_path
    assert folder_of(path) == tmp_path / "sub"
    assert load_folder(path).folder == Session(tmp_path / "sub").folder == tmp_path / "sub"


def test_a_single_fifo_path_is_listed_with_its_error(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    [entry] = load_folder(tmp_path / "pipe.txt").articles
    assert entry.error and entry.error.startswith("not a regular file")


def test_every_cli_command_reads_the_folder_through_the_session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """One road from a path to articles: the CLI's commands sync a Session's folder like the TUI does."""
    import newsreader.folder_sync
    from newsreader.cli import main

    path = write_article(tmp_path, "a.txt", "Alpha", "“Hello,” said Jane Smith.")
    synced: list[Path] = []
    real_sync = newsreader.folder_sync.FolderSync.sync

    def counting_sync(self: newsreader.folder_sync.FolderSync, *args: object, **kwargs: object) -> object:
        synced.append(self.root)
        return real_sync(self, *args, **kwargs)

    monkeypatch.setattr(newsreader.folder_sync.FolderSync, "sync", counting_sync)
    for argv in (["list", str(tmp_path), "--json"], ["analyze", "--json", str(tmp_path)],
                 ["actors", str(tmp_path), "--json"], ["show", str(path), "--plain"]):
        assert main(argv) == 0
    assert synced == [tmp_path, tmp_path, tmp_path, path]
    assert "Alpha" in capsys.readouterr().out


def test_a_walk_in_the_systems_order_finds_what_the_ordered_walk_finds(tmp_path: Path) -> None:
    """Live-reload polls walk unordered (no folder's names held at once): the same files, errors included."""
    from newsreader.library import iter_article_paths

    for i in range(30):
        (tmp_path / f"{i:02}-{'b' if i % 2 else 'a'}.txt").write_text(f"Story {i}\n\nBody.\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "z.md").write_text("# Z\n\nBody.\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    ordered = [(p, err) for p, _st, err in iter_article_paths(tmp_path)]
    streamed = [(p, err) for p, _st, err in iter_article_paths(tmp_path, ordered=False)]
    assert ordered == sorted(ordered) and len(ordered) == 32
    assert sorted(streamed) == ordered


@pytest.mark.parametrize("kind, reason", [
    ("fifo", "not a regular file"), ("folder", "is a folder"), ("broken link", "a broken link"),
])
def test_a_folder_config_that_is_no_file_is_named_not_ignored(tmp_path: Path, kind: str, reason: str) -> None:
    """A FIFO, a folder or a broken link named newsreader.yaml was taken for no config at all, silently."""
    from newsreader.library import read_folder_config

    path = tmp_path / "newsreader.yaml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to(tmp_path / "gone.yaml")
    config = read_folder_config(tmp_path)
    assert config.problem is not None and config.problem.startswith("newsreader.yaml: ") and reason in config.problem
    assert config.residue  # the defaults
