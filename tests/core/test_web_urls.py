"""URLs httpx can't even parse (control characters), typed by the user or sent by a server as a
redirect: one line saying what is wrong, never a traceback (`newsreader add` ended in httpx.InvalidURL)."""

from __future__ import annotations

import pytest

pytest.importorskip("httpx")

from newsreader.cli import main
from newsreader.web.fetch import Fetcher, FetchError, Limits, check_url
from tests.web_server import FixtureServer

SMALL = Limits(timeout=2.0, deadline=10, max_bytes=1024 * 1024, max_redirects=3)
ODD = ["http://127.0.0.1:9/\x1b]0;x\x07", "http://127.0.0.1:9/a\nb", "http://x/a\tb", "http://x/\x7f"]


@pytest.mark.parametrize("url", ODD)
def test_a_url_with_control_characters_or_spaces_is_refused_in_one_line(url: str) -> None:
    with pytest.raises(FetchError, match="not a valid URL") as info:
        check_url(url)
    assert not any(c in str(info.value) for c in "\x1b\x07\n\x7f")


def test_spaces_and_non_ascii_are_left_to_httpx_to_encode() -> None:
    assert check_url(" http://x/a b/é ") == "http://x/a b/é"


def test_a_redirect_to_a_url_httpx_cannot_parse_is_a_fetch_error(web: FixtureServer) -> None:
    web.redirect("/odd", "http://127.0.0.1:9/\x01x")
    with Fetcher(SMALL) as fetcher, pytest.raises(FetchError) as info:
        fetcher.get(web.url("/odd"))
    assert "\n" not in str(info.value) and "\x01" not in str(info.value)


def test_add_of_odd_urls_is_one_line_each(web: FixtureServer, web_home, tmp_path, capsys) -> None:  # noqa: ANN001
    web.redirect("/odd", "http://127.0.0.1:9/\x01x")
    status = main(["add", "--folder", str(tmp_path / "news"), ODD[0], web.url("/odd")])
    out = capsys.readouterr()
    assert status == 1
    lines = out.out.splitlines()
    assert len(lines) == 2 and "not a valid URL" in lines[0] and "failed" in lines[1]
    assert "Traceback" not in out.err and "\x1b" not in out.out


@pytest.mark.parametrize("url", ["http://a..b/", "http://" + "a" * 300 + ".com/", "http://xn--/",
                                 "https://256.256.256.256/"])
def test_a_host_httpx_or_idna_refuses_is_a_fetch_error(url: str) -> None:
    """Printable, so `check_url` lets them through; httpx (InvalidURL) or the IDNA codec (UnicodeError)
    refuses them, and `newsreader add` ended in their traceback."""
    with Fetcher(SMALL) as fetcher, pytest.raises(FetchError, match="not a valid URL") as info:
        fetcher.get(url)
    assert "\n" not in str(info.value)
