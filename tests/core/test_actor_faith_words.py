"""Faiths' schools, their scriptures and doctrines are no actors, however they are transliterated
(`filtering`, `names.unmarked`, the `faiths` list). Made-up sentences only."""

from __future__ import annotations

from newsreader.analysis import analyse
from newsreader.analysis.names import unmarked


def names(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).actors}


def test_a_transliterations_apostrophe_is_dropped_for_the_look_up() -> None:
    assert [unmarked(w) for w in ("Qur'an", "Shi\u2019a", "Shari'a", "O'Brien", "Smith")] == [
        "Quran", "Shia", "Sharia", "O'Brien", "Smith"]


def test_scriptures_and_schools_of_a_faith_are_no_actors() -> None:
    found = names("Teachers of the Qur'an and of Shari'a met in Rabat. Shi'a and Salafi clerics came too.")
    assert found == {"Rabat": "place"}


def test_a_name_a_faith_word_opens_is_kept() -> None:
    found = names("The Lutheran Church of Oskova opened a school, and Quakers from Leeds helped.")
    assert "Lutheran Church of Oskova" in found and "Quakers" not in found


def test_an_apostrophe_before_a_capital_is_a_surnames() -> None:
    assert "Ailbhe O'Dowd" in names("The poet Ailbhe O'Dowd read in Galway on Sunday.")
