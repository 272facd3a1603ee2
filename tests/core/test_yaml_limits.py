"""YAML the loader refuses or keeps as text, in articles' front matter and in newsreader.yaml: a list bomb
is refused after a bounded number of nodes, a huge number is never converted, an actor hint whose `kind` has
the wrong type is ignored with one notice (one warning line from every command, the config problem in the
reader's header). Work is bounded by counting nodes, never by the clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.articles import MAX_YAML_NODES, TooLargeNumber, load_file, safe_yaml
from newsreader.session import load_folder as scan
from tests.conftest import run_cli, until
from tests.hostile import write_bad_hint_config_folder


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
        out = run_cli(*args, tmp=tmp_path)
        assert out.returncode == 0 and out.stderr == warning, (args, out.stderr)
        assert "A story" in out.stdout or "Harbour Trust" in out.stdout, (args, out.stdout)


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
