"""Products named by their frame: what a maker makes, and an example of a class of things, are things,
not actors (`entities._made`, `entities._example_of_things`). Made-up sentences only."""

from __future__ import annotations

from newsreader.analysis import analyse


def names(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).actors}


def test_what_a_maker_makes_is_a_product() -> None:
    found = names("Acme Corp, which makes Softwhite Bath Tissue, said supplies were fine.")
    assert "Softwhite Bath Tissue" not in found and "Acme Corp" in found


def test_an_example_of_a_class_of_devices_is_a_product() -> None:
    found = names("The tool runs on cheap devices (e.g. Berry Board) and old phones, said Tom Lee.")
    assert found == {"Tom Lee": "person"}


def test_an_example_of_a_class_of_browsers_is_a_product() -> None:
    assert names("She opened the page in browsers such as Velvet Navigator and saw nothing.") == {}


def test_an_example_of_a_class_of_bodies_is_still_an_actor() -> None:
    assert "Acme Holdings" in names("Firms such as Acme Holdings said the rules were unclear.")


def test_a_person_after_makes_is_still_a_person() -> None:
    assert names("That decision makes Jane Doe the new chair, the board said.").get("Jane Doe") == "person"
