"""The config file: validation of each kind of error, key names and clashes, the preferences file, and
`newsreader config --path | --show | --init`."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.cli import main
from newsreader.config import (
    BUILT_IN_COLOURS,
    MAX_CONFIG_BYTES,
    THEMES,
    Colours,
    Config,
    load_config,
    parse_config,
    settings_of,
)
from newsreader.config_command import template_text
from newsreader.keymap import BindingInfo, BadKey, check_keymap, normalize_key, parse_keys
from newsreader.preferences import effective_config, load_preferences, remember

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Private XDG config and state dirs; returns the config file's path (not yet written)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return tmp_path / "config" / "newsreader" / "config.yaml"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def one_problem(config: Config, *words: str) -> str:
    """The config has exactly one problem, one line long, containing every word given."""
    assert len(config.problems) == 1, config.problems
    (problem,) = config.problems
    assert "\n" not in problem
    for word in words:
        assert word in problem, problem
    return problem


# ------------------------------------------------------------------------------------ good files


def test_no_file_is_the_defaults_without_problems(xdg: Path) -> None:
    config = load_config()
    assert config.path == xdg
    assert (config.problems, config.explicit) == ((), frozenset())
    assert (config.folder, config.theme, config.sort, config.list_width) == ("articles", "textual-dark", "newest", 36)
    assert config.colours == Colours() and dict(config.keys) == {}


def test_a_full_file_is_read_into_the_dataclass(xdg: Path) -> None:
    write(xdg, """
folder: ~/news
theme: nord
sort: quotes
list_width: 40%
colours:
  quotation: "#ff8800"
  person: dark_orange
  place: "#abc"
  speaker: rgb(10, 20, 30)
  match: default
keys:
  scroll_down: e
  scroll_up: [i, up]
  help: "?,f1"
""")
    config = load_config()
    assert config.problems == ()
    assert config.folder_path() == Path.home() / "news"
    assert (config.theme, config.sort, config.list_width) == ("nord", "quotes", 40)
    assert config.colours.chosen() == {"quotation": "#ff8800", "person": "#ff8700", "place": "#aabbcc",
                                       "speaker": "#0a141e"}
    assert dict(config.keys) == {"scroll_down": ("e",), "scroll_up": ("i", "up"), "help": ("question_mark", "f1")}
    assert config.explicit == {"folder", "theme", "sort", "list_width", "colours", "keys"}


def test_an_empty_or_all_comment_file_is_the_defaults(xdg: Path) -> None:
    write(xdg, "# nothing here yet\n")
    assert load_config() == Config(path=xdg)


# ------------------------------------------------------------------- each kind of error, one message


def test_yaml_error_gives_its_line_and_the_defaults(xdg: Path) -> None:
    write(xdg, "theme: nord\nkeys: {scroll_down: [e\n")
    config = load_config()
    one_problem(config, "config.yaml", "line", "using the defaults")
    assert config.theme == "textual-dark"


def test_a_file_that_is_not_a_mapping(xdg: Path) -> None:
    write(xdg, "- theme\n- nord\n")
    one_problem(load_config(), "should be a mapping", "a list")


def test_unknown_setting_is_named_with_a_suggestion_and_the_rest_applies(xdg: Path) -> None:
    write(xdg, "theem: nord\nsort: oldest\n")
    config = load_config()
    one_problem(config, "unknown setting 'theem'", "did you mean 'theme'")
    assert config.sort == "oldest" and config.theme == "textual-dark"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("theme: nrod", ["'nrod' is not a theme", "did you mean 'nord'", "using 'textual-dark'"]),
        ("theme: 3", ["3 is not a theme"]),
        ("sort: popular", ["not a sort order", "newest, oldest, title, source, quotes"]),
        ("list_width: wide", ["list_width", "whole number"]),
        ("list_width: 95", ["out of range", "16 to 70"]),
        ("list_width: true", ["whole number"]),
        ("folder: [a, b]", ["folder", "folder path"]),
        ("colours: red", ["colours", "mapping", "text"]),
        ("keys: [j, k]", ["keys", "mapping", "a list"]),
    ],
)
def test_wrong_type_or_value_gives_the_default_for_that_entry(xdg: Path, text: str, words: list[str]) -> None:
    write(xdg, text + "\n")
    config = load_config()
    one_problem(config, *words)
    assert (config.theme, config.sort, config.list_width, config.folder) == ("textual-dark", "newest", 36, "articles")


def test_bad_colour_keeps_the_built_in_one_and_the_good_ones_apply(xdg: Path) -> None:
    write(xdg, "colours:\n  quotation: orangeish\n  person: '#123456'\n  actor: red\n")
    config = load_config()
    assert len(config.problems) == 2
    assert "'orangeish' is not a colour" in config.problems[0] and "built-in" in config.problems[0]
    assert "unknown kind 'actor'" in config.problems[1]
    assert config.colours.chosen() == {"person": "#123456"}


def test_a_key_that_names_no_key_keeps_that_actions_defaults(xdg: Path) -> None:
    write(xdg, "keys:\n  scroll_down: pgdn\n  scroll_up: ctlr+k\n  top: g\n")
    config = load_config()
    assert len(config.problems) == 2
    assert "'pgdn' is not a key (did you mean 'pagedown'?)" in config.problems[0]
    assert "'ctlr' is not a modifier" in config.problems[1]
    assert dict(config.keys) == {"top": ("g",)}


def test_a_fifo_does_not_hang_the_start(xdg: Path) -> None:
    xdg.parent.mkdir(parents=True)
    os.mkfifo(xdg)
    one_problem(load_config(), "not a regular file", "using the defaults")


def test_a_kernel_file_is_not_read(xdg: Path) -> None:
    xdg.parent.mkdir(parents=True)
    xdg.symlink_to("/proc/self/status")
    one_problem(load_config(), "kernel file", "using the defaults")


def test_a_folder_where_the_file_should_be(xdg: Path) -> None:
    xdg.mkdir(parents=True)
    one_problem(load_config(), "is a folder")


def test_a_huge_file_is_refused_without_reading_it_all(xdg: Path) -> None:
    write(xdg, "# " + "x" * (MAX_CONFIG_BYTES + 10) + "\n")
    one_problem(load_config(), "too big")


def test_a_binary_file(xdg: Path) -> None:
    xdg.parent.mkdir(parents=True)
    xdg.write_bytes(b"theme: nord\n\xff\xfe\x00")
    one_problem(load_config(), "not UTF-8")


def test_escape_sequences_in_the_file_never_reach_a_message(xdg: Path) -> None:
    write(xdg, 'theme: "\\e]0;pwned\\a"\n"\\e[2J": 1\n')
    config = load_config()
    assert len(config.problems) == 2
    for problem in config.problems:
        assert "\x1b" not in problem and "\x07" not in problem


def test_an_alias_bomb_is_reported_without_expanding_it(xdg: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 12)]
    write(xdg, "\n".join(lines) + "\ntheme: *a11\nkeys: {list.down: *a11}\ncolours: {quotation: *a11}\n")
    config = load_config()  # 9**12 leaves if expanded: this would never finish
    assert len(config.problems) == 12 + 3  # twelve unknown settings a0..a11, then the three bad values
    assert all(len(p) < 1000 for p in config.problems)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_loads_without_raising(text: str) -> None:
    config = parse_config(text)
    assert isinstance(config, Config)
    assert all("\n" not in p and "\x1b" not in p for p in config.problems)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.sampled_from(["theme", "sort", "list_width", "colours", "keys", "folder", "x"]),
                       st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                                    lambda inner: st.lists(inner, max_size=3)
                                    | st.dictionaries(st.text(max_size=10), inner, max_size=3), max_leaves=8)))
def test_any_structure_of_values_gives_a_valid_config(data: dict) -> None:
    config = parse_config(yaml.safe_dump(data))
    assert config.theme in THEMES and 16 <= config.list_width <= 70
    assert all(c is None or re.fullmatch("#[0-9a-f]{6}", c) for c in vars(config.colours).values())


# --------------------------------------------------------------------------------------- key names


@pytest.mark.parametrize(
    ("written", "key"),
    [("?", "question_mark"), ("J", "J"), ("Ctrl+D", "ctrl+d"), ("PageDown", "pagedown"), (",", "comma"),
     ("comma", "comma"), ("/", "slash"), ("-", "minus"), ("f5", "f5"), ("alt+shift+x", "alt+shift+x"),
     ("right_curly_bracket", "right_curly_bracket"), (" e ", "e")],
)
def test_keys_are_named_as_textual_names_them(written: str, key: str) -> None:
    assert normalize_key(written) == key


@pytest.mark.parametrize("bad", ["", "pgdn", "ctlr+x", "ctrl+", "nokey", "ctrl+nokey"])
def test_a_bad_key_is_refused(bad: str) -> None:
    with pytest.raises(BadKey):
        normalize_key(bad)


def test_single_characters_match_textuals_own_names() -> None:
    from textual.keys import _character_to_key

    for code in range(33, 127):
        assert normalize_key(chr(code)) == _character_to_key(chr(code))


def test_key_lists_drop_duplicates_and_refuse_other_types() -> None:
    assert parse_keys("j, down,j") == ("j", "down")
    assert parse_keys(["x", "?"]) == ("x", "question_mark")
    with pytest.raises(BadKey):
        parse_keys(3)
    with pytest.raises(BadKey):
        parse_keys(["x", 3])


# ------------------------------------------------------------------- keys against the app's bindings

TABLE = [
    BindingInfo("quit", "app", ("q",)),
    BindingInfo("find_next", "app", ("n",)),
    BindingInfo("cursor_down", "ArticleList", ("j", "down")),
    BindingInfo("cursor_up", "ArticleList", ("k", "up")),
    BindingInfo("scroll_down", "ArticleView", ("j", "down")),
    BindingInfo("scroll_up", "ArticleView", ("k", "up")),
    BindingInfo("top", "ArticleView", ("g",)),
]
PARENTS = {"ArticleList": {"app"}, "ArticleView": {"app"}}


def test_remapping_that_clashes_with_nothing_is_kept() -> None:
    checked = check_keymap({"cursor_down": ("e",), "cursor_up": ("i",), "scroll_down": ("e",)}, TABLE, PARENTS)
    assert checked.problems == ()
    assert checked.keymap == {"cursor_down": "e", "cursor_up": "i", "scroll_down": "e"}


def test_swapping_two_keys_is_not_a_clash() -> None:
    checked = check_keymap({"scroll_down": ("k",), "scroll_up": ("j",)}, TABLE, PARENTS)
    assert checked.problems == () and checked.keymap == {"scroll_down": "k", "scroll_up": "j"}


def test_unknown_action_is_named_with_a_suggestion() -> None:
    checked = check_keymap({"scrol_down": ("e",)}, TABLE, PARENTS)
    assert checked.keymap == {}
    (problem,) = checked.problems
    assert "no action 'scrol_down'" in problem and "did you mean 'scroll_down'" in problem


def test_clash_in_the_same_widget_keeps_the_defaults() -> None:
    checked = check_keymap({"top": ("j",)}, TABLE, PARENTS)
    assert checked.keymap == {}
    (problem,) = checked.problems
    assert "'j' for 'top' clashes with 'scroll_down'" in problem and "keeps its default keys" in problem


def test_a_widget_key_that_would_hide_an_app_key_is_a_clash() -> None:
    checked = check_keymap({"cursor_down": ("q",)}, TABLE, PARENTS)
    assert checked.keymap == {} and "clashes with 'quit'" in checked.problems[0]
    checked = check_keymap({"quit": ("g",)}, TABLE, PARENTS)
    assert checked.keymap == {} and "clashes with 'top'" in checked.problems[0]


def test_a_scope_inside_two_others_is_checked_against_both() -> None:
    table = [
        BindingInfo("find.next", "FindBar", ("down",)),
        BindingInfo("filter.clear", "FilterBar", ("escape",)),
        BindingInfo(None, "BarInput", ("left", "right"), "Move cursor"),
    ]
    parents = {"BarInput": {"FindBar", "FilterBar"}}
    for action in ("find.next", "filter.clear"):
        checked = check_keymap({action: ("left",)}, table, parents)
        assert checked.keymap == {} and "clashes with Move cursor (left,right)" in checked.problems[0]


def test_two_remappings_onto_one_key_drop_the_later_one_and_what_it_frees_is_rechecked() -> None:
    # both move to x: the later (scroll_up) is dropped; it keeps k, which nothing else has taken
    checked = check_keymap({"scroll_down": ("x",), "scroll_up": ("x",)}, TABLE, PARENTS)
    assert checked.keymap == {"scroll_down": "x"} and len(checked.problems) == 1
    # top takes k from scroll_up, scroll_up takes g: fine together; drop one and the other clashes too
    checked = check_keymap({"top": ("k",), "scroll_up": ("g",), "quit": ("g",)}, TABLE, PARENTS)
    assert checked.keymap == {"top": "k", "scroll_up": "g"}
    assert len(checked.problems) == 1 and "'quit'" in checked.problems[0]


# ----------------------------------------------------------------------------- remembered choices


def test_remembered_choices_apply_where_the_file_is_silent(xdg: Path) -> None:
    assert remember({"theme": "dracula", "list_width": 50}) is None
    assert remember({"sort": "title"}) is None
    assert load_preferences() == {"theme": "dracula", "list_width": 50, "sort": "title"}
    write(xdg, "theme: nord\n")
    config = effective_config(load_config())
    assert (config.theme, config.list_width, config.sort) == ("nord", 50, "title")  # the file wins for theme


def test_bad_or_damaged_preferences_are_ignored(xdg: Path, tmp_path: Path) -> None:
    assert remember({"theme": "no-such-theme", "list_width": 500}) is None
    assert effective_config(load_config()) == load_config()
    prefs = tmp_path / "state" / "newsreader" / "preferences.json"
    prefs.write_text("{not json")
    assert load_preferences() == {}
    assert remember({"sort": "oldest"}) is None  # a damaged file is replaced by a good one
    assert load_preferences() == {"sort": "oldest"}
    left = sorted(p.name for p in prefs.parent.iterdir())
    assert left == [".preferences.json.lock", "preferences.json"]  # no temporary files left (the lock stays)


def test_a_preferences_file_that_cannot_be_written_gives_a_reason(xdg: Path, tmp_path: Path) -> None:
    (tmp_path / "state").write_text("a file where the state folder should be")
    problem = remember({"sort": "oldest"})
    assert problem is not None and "could not remember" in problem


# ----------------------------------------------------------------------- newsreader config --...


def test_config_path_honours_xdg_config_home(xdg: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "--path"]) == 0
    assert capsys.readouterr().out == f"{xdg}\n"


@pytest.fixture
def bindings(monkeypatch: pytest.MonkeyPatch) -> list[BindingInfo]:
    """`newsreader config` sees the small binding table above instead of the reader's."""
    import newsreader.config_command

    monkeypatch.setattr(newsreader.config_command, "_binding_table", lambda: TABLE)
    return TABLE


def test_config_show_prints_the_settings_in_effect_as_yaml(
    xdg: Path, bindings: list[BindingInfo], capsys: pytest.CaptureFixture[str]
) -> None:
    write(xdg, "theme: nord\ncolours:\n  quotation: '#ff8800'\nkeys:\n  scroll_down: e\n")
    remember({"sort": "title", "theme": "dracula"})
    assert main(["config", "--show"]) == 0
    out = capsys.readouterr().out
    shown = yaml.safe_load(out)
    assert {k: v for k, v in shown.items() if k != "keys"} == {
        k: v for k, v in settings_of(effective_config(load_config())).items() if k != "keys"
    }
    assert shown["theme"] == "nord" and shown["sort"] == "title" and shown["list_width"] == 36
    assert shown["colours"]["quotation"] == "#ff8800" and shown["colours"]["person"] == BUILT_IN_COLOURS["person"]
    # every action with its keys in effect: the remapped one and the defaults
    assert shown["keys"] == {"quit": "q", "find_next": "n", "cursor_down": "j,down", "cursor_up": "k,up",
                             "scroll_down": "e", "scroll_up": "k,up", "top": "g"}
    assert "theme: config file" in out and "sort: remembered from the app" in out and "list_width: default" in out


def test_config_show_reports_problems_on_stderr_and_exit_1(
    xdg: Path, bindings: list[BindingInfo], capsys: pytest.CaptureFixture[str]
) -> None:
    write(xdg, "theme: nrod\nkeys:\n  top: j\n")
    assert main(["config", "--show"]) == 1
    captured = capsys.readouterr()
    shown = yaml.safe_load(captured.out)
    assert shown["theme"] == "textual-dark" and shown["keys"]["top"] == "g"
    assert captured.err.count("\n") == 2
    assert "'nrod' is not a theme" in captured.err and "'j' for 'top' clashes with 'scroll_down'" in captured.err


def test_config_init_writes_a_commented_default_file_once(
    xdg: Path, bindings: list[BindingInfo], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["config", "--init"]) == 0
    assert str(xdg) in capsys.readouterr().out
    text = xdg.read_text()
    assert text.count("\n# ") > 10
    assert load_config() == Config(path=xdg)  # every setting commented out: the defaults, no problems
    uncommented = re.sub(r"^# (?=(folder|theme|sort|list_width|colours|keys):)", "", text, flags=re.M)
    uncommented = re.sub(r"^#   (?=\w+:)", "  ", uncommented, flags=re.M)
    assert "theme: textual-dark" in uncommented and '  scroll_down: "j,down"' in uncommented
    # uncommenting the settings gives a valid file with the same values
    xdg.write_text(uncommented)
    assert load_config().problems == ()

    xdg.write_text("theme: nord\n")
    assert main(["config", "--init"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert xdg.read_text() == "theme: nord\n"
    assert sorted(p.name for p in xdg.parent.iterdir()) == ["config.yaml"]


def test_template_lists_every_theme_and_colour() -> None:
    text = template_text(Path("config.yaml"), [("reader.find", "slash,ctrl+f", "Find")])
    assert all(theme in text for theme in THEMES)
    assert all(f"{kind}:" in text for kind in BUILT_IN_COLOURS)
    assert '#   reader.find: "slash,ctrl+f"  # Find' in text


def test_config_needs_one_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["config"])
    assert exit_info.value.code == 2


def test_default_folder_comes_from_the_config(xdg: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(xdg, f"folder: {tmp_path / 'missing'}\n")
    assert main([]) == 2
    assert "the folder set in" in capsys.readouterr().err
    (tmp_path / "news").mkdir()
    write(xdg, f"folder: {tmp_path / 'news'}\n")
    assert main([]) == 2  # got past the folder: pytest's stdout is not a terminal
    assert "needs a terminal" in capsys.readouterr().err


# -------------------------------------------------------------------------------- data kept in step


def test_theme_names_are_textuals() -> None:
    from textual.theme import BUILTIN_THEMES

    assert sorted(THEMES) == sorted(BUILTIN_THEMES)


def test_built_in_colours_are_the_stylesheets() -> None:
    tcss = (REPO / "newsreader" / "ui" / "newsreader.tcss").read_text()
    for kind, rule in (("person", "person"), ("organisation", "organisation"), ("place", "place"),
                       ("quotation", "quote")):
        found = re.search(rf"\.article--{rule} \{{[^}}]*color: (#[0-9a-f]{{6}})", tcss)
        assert found and found.group(1) == BUILT_IN_COLOURS[kind]


def test_config_modules_import_without_textual() -> None:
    code = (
        "import sys, newsreader.config, newsreader.keymap, newsreader.preferences, newsreader.config_command\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "assert not bad, bad\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr


def test_the_readmes_example_is_a_valid_config_for_the_reader() -> None:
    from newsreader.config_command import _binding_table

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Configuration"):]
    example = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert example is not None
    config = parse_config(example.group(1))
    assert config.problems == ()
    assert check_keymap(config.keys, _binding_table()).problems == ()
    assert config.keys["list.down"] == ("e", "down") and config.colours.chosen()["quotation"] == "#ffaf5f"


def test_the_readme_names_every_action_that_can_be_remapped() -> None:
    from newsreader.config_command import _binding_table, actions_table

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| prefix | actions |"):readme.index("**Remembered choices.**")]
    named = set()
    for row in table.splitlines()[2:]:
        if not row.strip():
            continue
        prefixes, names = row.split("|")[1:3]
        prefix = re.findall(r"`(\w[\w-]*)\.`", prefixes)
        for name in re.findall(r"`([\w.-]+)`", names):
            named.add(name if "." in name else f"{prefix[0]}.{name}")
    assert named == {action for action, _, _ in actions_table(_binding_table())}
