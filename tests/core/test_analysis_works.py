"""Titles of works and abbreviated honorifics (`runs._joinable`, `boundaries._with_suffix`,
`entities._names_a_thing`, `weighing._contexts`): made-up sentences."""

from __future__ import annotations

from newsreader.analysis import analyse
from newsreader.analysis.actors import ACTOR_PASSES
from newsreader.analysis.passes import weighing
from newsreader.analysis.state import DocState
from newsreader.analysis.text import tokenize


def names(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).actors}


def test_an_abbreviated_honorific_makes_the_next_word_a_person() -> None:
    assert names("The court heard from Mr. Wasserlund in the morning.") == {"Wasserlund": "person"}


def test_an_abbreviated_rank_stays_out_of_the_name() -> None:
    assert names("The report was signed by Gen. Tomas Albrecht.") == {"Tomas Albrecht": "person"}


def test_a_pronoun_after_an_honorific_and_surname_is_no_regnal_numeral() -> None:
    assert names("Okay. Mr. Pellham I know you want to answer.") == {"Pellham": "person"}


def test_a_regnal_numeral_after_a_monarch_is_kept() -> None:
    assert names("King Harald I was crowned in Oslo.") == {"King Harald I": "person", "Oslo": "place"}


def test_a_name_after_a_genre_noun_is_a_work() -> None:
    found = names("Alan Brook starred in the drama Silver Harbour and the thriller Cold Lantern.")
    assert found == {"Alan Brook": "person"}


def test_a_name_before_a_licence_is_a_work() -> None:
    found = names("The site is released under the Open Commons GPL license by Jane Ferro.")
    assert "Open Commons GPL" not in found and found.get("Jane Ferro") == "person"


def _cues(text: str, name: str) -> dict[str, int]:
    """The cues of one entity as the weighing pass sees them (before the model drops anything)."""
    state = DocState(tokenize(text))
    for step in ACTOR_PASSES[:ACTOR_PASSES.index(weighing.weigh_entities)]:
        step(state)
    entity = next(e for e in state.roots if e.name == name)
    shares = weighing._contexts(entity, state)  # (each cue's share of the mentions)
    return {cue: round(shares[f"ctx_{cue}"] * len(entity.mentions)) for cue in ("naming", "owner", "year", "quoted")}


def test_work_cues_count_a_naming_word_a_year_and_quotation_marks() -> None:
    assert _cues("She wrote a memoir called Blue Orchard, and Blue Orchard sold well.", "Blue Orchard")["naming"] == 1
    assert _cues("He starred in Grey Lanterns (2004) with Ann Hale.", "Grey Lanterns")["year"] == 1
    assert _cues('They played "Paper Comets" first, and Paper Comets again.', "Paper Comets")["quoted"] == 1


def test_a_persons_possessive_marks_a_work_but_not_a_person_or_a_body() -> None:
    assert _cues("We read Tom Keller's Quiet Harbours last year.", "Quiet Harbours")["owner"] == 1
    assert _cues("Apple's Tim Cook spoke.", "Tim Cook")["owner"] == 0
    assert _cues("He joined Berkeley's Department of Linguistics.", "Department of Linguistics")["owner"] == 0


def test_a_reading_list_writes_its_authors_surname_first() -> None:
    text = ("Some favourites:\n\nOrlane, Maria. The Quiet Garden\n\n"
            "Kessel, Thomas Edward. A History of Rivers (Volume 1)\n\nBrandt, Karl and Voss, Ingrid. A Manifesto")
    found = names(text)
    assert {k: v for k, v in found.items() if v == "person"} == {
        "Orlane": "person", "Kessel": "person", "Brandt": "person", "Voss": "person"}


def test_an_interjection_before_a_forename_is_no_surname() -> None:
    assert "Okay" not in names("Okay, Mike. Let us start with your first book.")


def test_a_licence_is_a_legal_instrument_not_an_organisation() -> None:
    found = names("We chose the GNU Free Document License and the Open Data Licence for Anna Kowal.")
    assert found == {"Anna Kowal": "person"}


def test_what_an_author_makes_is_a_work() -> None:
    assert "Alice" not in names("Lewis Carrol, author of Alice, was a mathematician.")


def test_two_names_sharing_one_thing_noun_are_both_things() -> None:
    assert names("Mary Rowe said the Galileo and Ulysses spacecraft carried detectors.") == {"Mary Rowe": "person"}


def test_a_role_noun_right_before_a_name_is_recorded_for_the_model() -> None:
    state = DocState(tokenize("Reviews came from the drummer Hanslo and from Vienna."))
    for step in ACTOR_PASSES[:ACTOR_PASSES.index(weighing.weigh_entities)]:
        step(state)
    entity = next(e for e in state.roots if e.name == "Hanslo")
    assert weighing.entity_features(entity, state)["ctx_after_role"] == 1.0
