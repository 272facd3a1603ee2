"""Loading one article file: formats, front matter, encodings, residue, titles, errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsreader.articles import decode_bytes, load_article, load_file, parse_date
from tests.conftest import SEED, SEED_TITLE


def test_seed_article_skips_scrape_residue_for_its_title() -> None:
    article = load_article(SEED)
    assert article.title == SEED_TITLE
    assert article.body.startswith("Huawei has opened a Cyber Security Transparency Centre in Brussels")
    assert "show image" not in article.body
    assert article.error is None and article.date is None


def test_front_matter_fields_are_read(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text(
        "---\ntitle: A title\ndate: 2019-03-28\nauthor: Jane Doe\nsource: Wikinews\nurl: https://e.org/x\n"
        "tags: [politics, uk]\nlicense: CC BY 2.5\nmood: calm\n"
        "actors:\n  - {name: Ken Hu, kind: person, aliases: [Hu]}\n---\nBody text.\n",
        encoding="utf-8",
    )
    a = load_article(path)
    assert (a.title, a.date, a.author, a.source, a.url, a.license) == (
        "A title", dt.date(2019, 3, 28), "Jane Doe", "Wikinews", "https://e.org/x", "CC BY 2.5")
    assert a.tags == ("politics", "uk")
    assert a.extra == {"mood": "calm"}
    assert a.hints[0].name == "Ken Hu" and a.hints[0].kind == "person" and a.hints[0].aliases == ("Hu",)
    assert a.body == "Body text."
    assert a.notices == []


def test_no_front_matter_title_is_first_line_and_leaves_body(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("\n\n  My Headline  \n\nFirst paragraph.\n\nSecond.\n", encoding="utf-8")
    a = load_article(path)
    assert a.title == "My Headline"
    assert a.body == "First paragraph.\n\nSecond."


def test_residue_lines_are_dropped_anywhere(tmp_path: Path) -> None:
    path = tmp_path / "scraped.txt"
    path.write_text("Advertisement\nShare this article\nReal Title\n\nText.\n\nImage caption\n\nMore text.\n")
    a = load_article(path)
    assert a.title == "Real Title"
    assert a.body == "Text.\n\nMore text."


def test_markdown_is_flattened_with_styles(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_text("# The Heading Title\n\nSome **bold** and *em* text with a [link](http://x).\n\n- one\n- two\n")
    a = load_article(path)
    assert a.title == "The Heading Title"
    assert "Some bold and em text with a link." in a.body
    assert "**" not in a.body and "](" not in a.body
    styles = {(a.body[s.start:s.end], s.style) for s in a.styles}
    assert ("bold", "strong") in styles and ("em", "em") in styles and ("link", "link") in styles
    assert "• one" in a.body and "• two" in a.body


def test_yaml_mapping_and_list(tmp_path: Path) -> None:
    one = tmp_path / "one.yaml"
    one.write_text("title: Single\ndate: 2020-05-01\nbody: |\n  Para one.\n\n  Para two.\n")
    [a] = load_file(one)
    assert a.title == "Single" and a.body == "Para one.\n\nPara two." and a.date == dt.date(2020, 5, 1)
    many = tmp_path / "many.yml"
    many.write_text("- {title: First, body: One}\n- {title: Second, body: Two}\n- just a string\n")
    arts = load_file(many)
    assert [x.title for x in arts[:2]] == ["First", "Second"]
    assert [x.index for x in arts] == [0, 1, 2]
    assert arts[2].error and "not a mapping" in arts[2].error
    assert len({x.key for x in arts}) == 3


@pytest.mark.parametrize(
    "front, expected_notice",
    [
        ("title: [a, list]\n", "`title` should be text"),
        ("title: ok\ndate: 2019-02-30\n", "`date` is not a date"),
        ("title: 'unclosed\n", "invalid YAML"),
        ("- just\n- a list\n", "a list, not a mapping"),
        ("a: &x [1]\nb: *x\n", "aliases are not allowed"),
        ("title: !!python/object:os.system x\n", "invalid YAML"),
    ],
)
def test_broken_front_matter_is_a_notice_not_a_crash(tmp_path: Path, front: str, expected_notice: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(f"---\n{front}---\nBody survives.\n")
    a = load_article(path)
    assert a.error is None
    assert a.body == "Body survives."
    assert any(expected_notice in n for n in a.notices), a.notices


def test_front_matter_size_is_capped(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("---\ntitle: x\nfill: " + "y" * 100_000 + "\n---\nBody.\n")
    a = load_article(path)
    assert any("larger than" in n for n in a.notices)
    assert a.body == "Body."


@pytest.mark.parametrize(
    "data, text, notice",
    [
        ("Café “quoted”".encode(), "Café “quoted”", None),
        ("\ufeffCafé".encode("utf-8"), "Café", None),
        ("Café".encode("utf-16"), "Café", None),
        ("Café “q”".encode("cp1252"), "Café “q”", "Windows-1252"),
        ("Café long text here".encode("utf-16-le"), "Café long text here", "UTF-16"),
    ],
)
def test_encodings(data: bytes, text: str, notice: str | None) -> None:
    decoded, notices = decode_bytes(data)
    assert decoded == text
    assert (notice is None and not notices) or any(notice in n for n in notices)


def test_binary_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 10)
    [a] = load_file(path)
    assert a.error == "binary file (not text): neither UTF-8 nor Windows-1252 text (control characters)"
    assert a.title == "image"


@pytest.mark.parametrize("data", [
    b"Short\n\nOne\x00 NUL.",  # a short text: one NUL is 8 % of it, and still a stray
    b"Two\x00 NULs\x00 here",
    b"Long\n\n" + b"Words and more words. " * 400 + b"\x00" + b"then more.\n" + b"Words. " * 3000,
    "Caf\xe9 \x00 in Windows-1252".encode("cp1252"),
], ids=["short", "two", "deep", "cp1252"])
def test_a_stray_nul_is_text_shown_as_a_replacement_character(data: bytes) -> None:
    """Any NUL made a short file binary (the rule allowed one per 100 bytes of the first 4 KiB: none in a
    text under 100 bytes), and a binary file is listed with its error, its text hidden."""
    text, notices = decode_bytes(data)
    assert "\x00" not in text and text.count("\ufffd") == data.count(0)
    assert any(f"{data.count(0)} NUL byte" in n and "\ufffd" in n for n in notices)


@pytest.mark.parametrize("data, reason", [
    (b"ab\x00" * 50, "50 of its 150 bytes are NUL"),
    (b"\x00\x00\x00", "3 of its 3 bytes are NUL"),
    (b"Text first\n\n" + b"words " * 1000 + b"\x00" * 200, "200 of its 6,212 bytes are NUL"),
    (bytes(range(1, 256)) * 8, "neither UTF-8 nor Windows-1252"),
], ids=["a-third", "all", "a-tail", "no-nul"])
def test_binary_says_why(data: bytes, reason: str) -> None:
    with pytest.raises(ValueError) as info:
        decode_bytes(data)
    assert str(info.value).startswith("binary file (not text): ") and reason in str(info.value)


def test_a_file_with_a_stray_nul_opens_with_its_title(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(b"A stray NUL\n\nThe text has one\x00 stray byte. \"It opens,\" she said.\n")
    a = load_article(path)
    assert a.error is None and a.title == "A stray NUL"
    assert a.body == "The text has one\ufffd stray byte. \"It opens,\" she said."


def test_line_endings_and_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Title\x1b]0;pwned\x07 here\r\n\r\nLine one\rLine two\x1b[2J\x07 end\r\n")
    a = load_article(path)
    assert a.title == "Title here"
    assert "\r" not in a.body and "\x1b" not in a.body and "\x07" not in a.body
    assert a.body == "Line one\nLine two end"


def test_empty_and_missing_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    a = load_article(empty)
    assert a.error is None and a.body == "" and a.title == "empty"
    assert any("no text" in n for n in a.notices)
    [gone] = load_file(tmp_path / "missing.txt")
    assert gone.error == "file vanished before it could be read"
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    [d] = load_file(folder)
    assert d.error == "is a folder, not a file"


def test_large_file_is_truncated_with_notice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsreader.articles as articles

    monkeypatch.setattr(articles, "MAX_READ_BYTES", 1024 * 1024)
    path = tmp_path / "big.txt"
    path.write_text("Big\n\n" + ("word " * 100 + "\n\n") * 5000)
    a = articles.load_article(path)
    assert len(a.body) < 1024 * 1024
    assert any("showing the first 1 MiB" in n for n in a.notices)


def test_parse_date_variants() -> None:
    assert parse_date("2019-03-28") == dt.date(2019, 3, 28)
    assert parse_date("2019-03-28T10:00:00Z") == dt.date(2019, 3, 28)
    assert parse_date("28 March 2019") == dt.date(2019, 3, 28)
    assert parse_date("March 28, 2019") == dt.date(2019, 3, 28)
    assert parse_date("yesterday") is None
    assert parse_date(["2019"]) is None
