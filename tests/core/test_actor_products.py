"""Products named by their frame: an example of a class of things is a thing, not an actor
(`entities._example_of_things`). Made-up sentences only."""

from __future__ import annotations

from newsreader.analysis import analyse


def names(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).actors}


def test_an_example_of_a_class_of_devices_is_a_product() -> None:
    found = names("The tool runs on cheap devices (e.g. Berry Board) and old phones, said Tom Lee.")
    assert found == {"Tom Lee": "person"}


def test_an_example_of_a_class_of_browsers_is_a_product() -> None:
    assert names("She opened the page in browsers such as Velvet Navigator and saw nothing.") == {}


def test_an_example_of_a_class_of_bodies_is_still_an_actor() -> None:
    assert "Acme Holdings" in names("Firms such as Acme Holdings said the rules were unclear.")
