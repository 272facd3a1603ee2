"""Members of one list share a kind; a dash apposition says what a name is (`passes/sentence_kinds.py`).
Made-up sentences and made-up names only."""

from __future__ import annotations

from newsreader.analysis import analyse


def names(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).actors}


LISTED = ("The script can download clips from many websites including YouTube, Zorblix and Vimeo. "
          "It also fetches clips from Zorblix every night.")


def test_an_unknown_member_of_a_list_of_organisations_is_an_organisation() -> None:
    # "from Zorblix" alone would make it a place; the list says it is a site like YouTube
    assert names(LISTED).get("Zorblix") == "organisation"


def test_a_dash_apposition_with_a_noun_for_a_platform_makes_an_organisation() -> None:
    found = names("The tool also saves clips from Quorvane \u2014 a video-sharing platform for amateur reporters. "
                  "Many users moved to Quorvane last year.")
    assert found.get("Quorvane") == "organisation"


def test_a_dash_apposition_with_a_place_noun_makes_a_place() -> None:
    found = names("Rescuers reached Tellamoor \u2014 a small town on the coast \u2014 on Sunday. "
                  "Tellamoor officials thanked them.")
    assert found.get("Tellamoor") == "place"


def test_a_pair_does_not_pass_its_kind_on() -> None:
    # "Iran and X": a state and its ruler, two names of unlike kinds; only lists of three or more agree
    found = names("Analysts called the deal a big win for Iran and Korvath, the ruler. Korvath said nothing more.")
    assert found.get("Korvath") != "place"


def test_a_list_member_with_its_own_evidence_keeps_its_kind() -> None:
    found = names("Delegates from Google, Microsoft and Dr. Alvena Strukhov met on Monday. Strukhov spoke first.")
    assert found.get("Alvena Strukhov") == "person"
