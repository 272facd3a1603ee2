"""feeds.yaml is the person's file ("you may edit it"): what `feeds add`/`remove` can't carry over when they
rewrite it (a misspelt setting, an unknown key in a feed) is refused with its name, never silently dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

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
