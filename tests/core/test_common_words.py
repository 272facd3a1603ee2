"""The common-word list is evidence that a capitalised word is not a name, so it must hold only words
English writes in lower case (scripts/gen_common_words.py drops the proper nouns of wordfreq's
case-folded list by the case they take mid-sentence in a cased corpus)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from newsreader.analysis import analyse
from newsreader.analysis.lexicon import lexicon

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "gen_common_words.py"


def _generator():
    spec = importlib.util.spec_from_file_location("gen_common_words", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TEXTS = [
    "We met them on Monday. The police said on Monday that the police had left.\n"
    "It rained on Monday, and the police stayed in on Monday while Harvard University shut.\n"
    "Talks ended on Monday; the police and Harvard University agreed on Monday at Harvard University.\n"
    "Monday was quiet. The university said Harvard University would reopen after Monday as well.\n"
    "She left Harvard University and the university for Yale University, then Oxford University.\n"
    "They will meet again on Monday at Harvard University, not at Yale University.\n"
]


def test_a_word_always_capitalised_on_its_own_mid_sentence_is_a_proper_noun() -> None:
    gen = _generator()
    found = gen.proper_nouns(["monday", "police", "university", "talks"], TEXTS)
    assert found == {"monday"}  # 'Talks' and 'Monday' open sentences: that case says nothing


def test_a_word_capitalised_only_inside_longer_names_stays_common() -> None:
    gen = _generator()
    lower, cap, alone = gen.case_counts(TEXTS)
    assert cap["university"] >= gen.MIN_SEEN and alone["university"] == 0
    assert "university" not in gen.proper_nouns(["university"], [TEXTS[0].replace("university", "")])


def test_the_shipped_list_holds_no_proper_nouns_but_keeps_adjectives_and_common_words() -> None:
    common = lexicon().common_words
    assert not {"obama", "monday", "january", "california", "john"} & common
    assert {"american", "british", "police", "court", "president", "government"} <= common


def test_a_well_known_surname_alone_at_a_sentence_start_is_a_name() -> None:
    # before, 'obama' was a common word, so a lone sentence-initial "Obama" was taken for one
    result = analyse("Obama spoke first. Later the crowd left the hall.", None, "")
    assert "Obama" in {a.name for a in result.actors}


FORENAME_TEXTS = [
    "Yesterday the board met Paul Lee and the staff of Red Hat, and then Paul Lee left.\n"
    "The shop sold Red Hat stock to Red Hat staff while Red Hat grew, and a hat.\n"
    "Workers at Red Hat said Red Hat would hire, as Red Hat did before.\n",
    "On Monday the mayor thanked Paul Lee, and later Paul Lee spoke with Paul Lee's aide.\n",
    "The report named Paul Lee twice; the court heard Paul Lee again, and Paul Lee agreed.\n",
]


def test_a_forename_never_written_in_lower_case_is_a_name_even_beside_its_surname() -> None:
    gen = _generator()
    found = gen.proper_nouns(["paul", "hat"], FORENAME_TEXTS, frozenset({"paul", "hat"}))
    # "Paul" always stands beside "Lee" (never alone), yet three articles capitalise it and none writes
    # "paul": a name. "Hat" is capitalised only inside one article's company name: still a word.
    assert found == {"paul"}
    assert gen.proper_nouns(["paul"], FORENAME_TEXTS) == set()  # not a forename: it must stand alone


def test_a_listed_forename_before_a_surname_is_person_evidence() -> None:
    lex = lexicon()
    assert {"paul", "david", "george", "james", "michael", "william"}.isdisjoint(lex.very_common)
    assert {"will", "mark", "bill", "may"} <= lex.very_common  # ambiguous: English writes them in lower case
    assert lex.forename_evidence("Paul") and not lex.forename_evidence("Will")


def test_a_once_mentioned_person_whose_forename_is_a_frequent_word_is_kept() -> None:
    # before, 'paul' was a very common word (it seldom stands alone), so a single "Paul …" had no forename
    # evidence and the actor model dropped it
    text = ("The festival opened on Friday with a crowd of fans. Lead Paul Sun-Hyung Lee talked about the "
            "final season of the show, and the crowd cheered.")
    assert ("Paul Sun-Hyung Lee", "person") in {(a.name, a.kind) for a in analyse(text, None, "").actors}


def test_a_word_a_cased_dictionary_lists_only_capitalised_is_a_proper_noun() -> None:
    gen = _generator()
    lines = ["Einstein", "Brown", "brown", "DNA", "Harvard", "harvard's", "PlayStation", "oxygen"]
    # 'brown' is also written in lower case; an all-capital acronym's case says nothing
    assert gen.dictionary_proper_nouns(lines) == {"einstein", "harvard", "playstation"}


def test_names_a_dictionary_capitalises_are_no_common_words() -> None:
    common = lexicon().common_words
    assert not {"einstein", "harvard", "cambridge"} & common
    assert {"brown", "police", "academy"} <= common
