"""Coreference of names written with glued-on words (titles, modifiers) and of two spellings of one name,
on made-up articles: the person keeps one actor under the name without the glued words, and an abridged
organisation name ("the Emergencies Ministry") joins the longer one without swallowing other bodies."""

from __future__ import annotations

from newsreader.analysis import analyse


def names(text: str) -> list[str]:
    return sorted(a.name for a in analyse(text).actors)


def test_a_titled_surname_joins_the_full_name() -> None:
    a = analyse('Nancy Pelosi opened the session on Monday. "We will vote," Speaker Pelosi said. Later, '
                'Speaker Pelosi left the chamber.')
    assert [x.name for x in a.actors if "Pelosi" in x.name] == ["Nancy Pelosi"]
    assert [q.speaker for q in a.quotes] == ["Nancy Pelosi"]


def test_a_title_before_a_full_name_is_not_part_of_the_name() -> None:
    a = analyse('NASA Administrator Jim Bridenstine watched the launch. "It went well," Administrator Jim '
                'Bridenstine said. Bridenstine then left.')
    assert "Jim Bridenstine" in [x.name for x in a.actors]
    assert not any(x.name.startswith("Administrator") for x in a.actors)


def test_an_age_modifier_is_not_part_of_the_name() -> None:
    a = analyse('Three children were hurt on the ride. Fifteen-year-old Robert Hayes said "I thought we would hit '
                'the wall."')
    assert [q.speaker for q in a.quotes] == ["Robert Hayes"]


def test_an_accented_and_a_plain_spelling_are_one_person_under_the_accented_name() -> None:
    text = ('Jaroslaw Kaczynski leads the party. Jaroslaw Kaczynski spoke in Warsaw on Monday. '
            'Later Jarosław Kaczyński said "We prepared changes to the code."')
    a = analyse(text)
    assert [x.name for x in a.actors if "Kaczy" in x.name] == ["Jarosław Kaczyński"]
    assert [q.speaker for q in a.quotes] == ["Jarosław Kaczyński"]


def test_a_forename_is_never_taken_for_a_title() -> None:
    text = ('Rose Miller runs the bakery. Prices rose sharply this year. Her sister Anna Miller said "We will cope." '
            'Rose Miller agreed.')
    assert "Rose Miller" in names(text)


def test_an_abridged_organisation_name_is_the_longer_one() -> None:
    a = analyse('The Emergency Situations Ministry said the road was closed. Later the Emergencies Ministry '
                'called on drivers to "slow down near schools."')
    assert [x.name for x in a.actors if "Ministry" in x.name] == ["Emergency Situations Ministry"]
    assert [q.speaker for q in a.quotes] == ["Emergency Situations Ministry"]


def test_the_body_after_of_is_not_abridged_by_its_parent() -> None:
    a = analyse('The Rescue Centre of the Harbour Guard took the call. The Harbour Guard sent two boats.')
    assert "Harbour Guard" in [x.name for x in a.actors]


def test_a_coordinated_body_keeps_its_own_name() -> None:
    a = analyse('Officials of the North Line Railway and Lake Division met on Monday. The Lake Division said '
                'trains would run.')
    assert "Lake Division" in [x.name for x in a.actors]
