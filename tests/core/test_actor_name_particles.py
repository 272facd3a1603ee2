"""A lower-case name particle between capitalised words makes a person's name (`kinds._particle_inside`).
Made-up sentences only."""

from __future__ import annotations

from newsreader.analysis import analyse
from newsreader.analysis.lexicon import lexicon
from newsreader.analysis.passes.kinds import _particle_inside


def test_an_unknown_forename_particle_and_surname_is_a_person() -> None:
    found = {a.name: a.kind for a in analyse("Orvel dela Santa of the navy said the ship was lost.").actors}
    assert found.get("Orvel dela Santa") == "person"


def test_a_particle_meaning_of_needs_a_known_forename() -> None:
    lex = lexicon()
    assert not _particle_inside(["Villa", "de", "Arcos"], lex)  # a town as often as a person
    assert _particle_inside(["Maria", "de", "Souza"], lex)
    assert _particle_inside(["Pieter", "van", "Dam"], lex)


def test_a_particle_at_an_edge_or_a_lone_word_is_no_person_shape() -> None:
    assert not _particle_inside(["van", "Dam"], lexicon())
