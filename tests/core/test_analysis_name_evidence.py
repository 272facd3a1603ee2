"""Evidence for names and kinds seen failing on held-out articles, each rule on made-up sentences."""

from __future__ import annotations

from newsreader.analysis import analyse
from newsreader.analysis.actors import ACTOR_PASSES
from newsreader.analysis.passes import filtering
from newsreader.analysis.state import DocState
from newsreader.analysis.text import tokenize


def kept_after_filtering(text: str) -> list[str]:
    state = DocState(tokenize(text))
    for step in ACTOR_PASSES:
        step(state)
        if step is filtering.filter_candidates:
            return [" ".join(c.words()) for c in state.cands]
    raise AssertionError("no filtering pass")


def kinds_of(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).actors}


def test_a_sentence_initial_acronym_opens_the_name_it_starts() -> None:
    text = "The vote was close. NBC News reported on Sunday that the count had ended."
    assert "NBC News" in kept_after_filtering(text)
    assert kinds_of(text).get("NBC News") == "organisation"


def test_a_place_acronym_in_a_headline_stays_a_modifier() -> None:
    kept = kept_after_filtering("Reporters Talk To Jane Roe, U.S. Green Party Candidate\n\n"
                                "Jane Roe spoke to us on Monday. She leads the Green Party in Ohio.")
    assert "U.S. Green Party" not in " | ".join(kept) and "Green Party" in kept



def test_facilities_are_places() -> None:
    got = kinds_of("Six people were taken to Ridgeway District Hospital after the fire at Harlow Vista Mall. "
                   "The Rosario Air Base and the Kemble Clinic sent doctors.")
    assert got.get("Ridgeway District Hospital") == "place" and got.get("Harlow Vista Mall") == "place"
    assert got.get("Kemble Clinic") == "place"


def test_a_conjunct_ending_in_a_place_head_is_a_whole_name() -> None:
    got = kinds_of("Shoppers fled two malls in Ardenne City and Pellar Mall in Orvieto on Sunday.")
    assert "Ardenne City and Pellar Mall" not in got and got.get("Pellar Mall") == "place"


def test_lone_words_listed_with_a_known_place_are_places() -> None:
    got = kinds_of("The quake damaged the towns of the coast, chiefly Varaston, Quillan, Madrid, Carmen and Ostra.")
    assert all(got.get(n) == "place" for n in ("Varaston", "Quillan", "Carmen", "Ostra")), got


def test_a_list_with_a_full_name_is_people_from_a_place() -> None:
    got = kinds_of("A couple from Florida, Richard and Lisa Parry, drove to the rally. Richard spoke first.")
    assert got.get("Lisa Parry") == "person" and got.get("Richard") == "person", got
