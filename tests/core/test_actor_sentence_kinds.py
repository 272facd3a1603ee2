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


def test_places_that_play_a_match_with_a_score_are_teams() -> None:
    found = names("Sweden defeated Panama 3 \u2013 0 on Monday. Sweden now lead the group.")
    assert found.get("Sweden") == "organisation" and found.get("Panama") == "organisation"


def test_the_side_a_match_was_lost_to_is_a_team() -> None:
    found = names("Tunisia lost 1 \u2013 2 to England in Volgograd on Monday night.")
    assert found.get("England") == "organisation" and found.get("Tunisia") == "organisation"
    assert found.get("Volgograd") == "place"  # (where the match was played stays a place)


def test_a_town_defeated_by_points_is_its_club() -> None:
    found = names("Hartwell defeated Brookmoor 45 points to 24 on Saturday. The Brookmoor coach was calm.")
    assert found.get("Brookmoor") == "organisation"


def test_a_defeat_without_a_score_leaves_a_place() -> None:
    # a war or an election has no score: the country stays a place
    assert names("Russia defeated the invading army in 1812 after a long war.").get("Russia") == "place"
