"""A lone head word ("the Prefecture", "the Foundation") refers back to the body or territory the article
named; it is no name of its own (`kinds._weak`). Made-up sentences only."""

from __future__ import annotations

from newsreader.analysis import analyse


def names(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).actors}


def test_a_lone_place_head_is_no_actor() -> None:
    found = names("Officials of Kirano Prefecture met on Monday. The Prefecture said the shrine was closed.")
    assert found == {"Kirano Prefecture": "place"}


def test_a_lone_organisation_head_is_no_actor() -> None:
    found = names("The Corlan Foundation gave money. The Foundation said it would give more.")
    assert found == {"Corlan Foundation": "organisation"}
