"""scripts/perturb_names.py: made-up forenames, same length, deterministic per seed, in text and gold."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from newsreader.analysis.lexicon import lexicon

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "perturb_names.py"
_spec = importlib.util.spec_from_file_location("perturb_names", SCRIPT)
perturb_names = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(perturb_names)

TEXT = "Mayor Marta Kowal spoke. Kowal said \"yes\", and Peter Vance agreed. Marta left."
GOLD = {"article": "x.txt",
        "quotes": [{"text": "yes", "speaker": "Marta Kowal", "start": 37, "end": 40}],
        "actors": [{"name": "Marta Kowal", "kind": "person", "aliases": ["Marta"]},
                   {"name": "Peter Vance", "kind": "person", "aliases": []},
                   {"name": "Kowal Group", "kind": "organisation", "aliases": []}]}


def test_forenames_replaced_consistently_with_same_length() -> None:
    text, gold = perturb_names.perturb(TEXT, GOLD, seed=1)
    first = gold["actors"][0]["name"].split()[0]
    assert len(text) == len(TEXT) and "Marta" not in text and "Peter" not in text
    assert text.count(first) == 2 and gold["actors"][0]["aliases"] == [first]
    assert gold["quotes"][0]["speaker"] == f"{first} Kowal"
    assert text[37:40] == "yes" and gold["article"] == "x.txt"
    assert gold["actors"][2]["name"] == "Kowal Group"  # surnames and organisations stay


def test_made_up_names_are_unknown_and_seeded() -> None:
    a1 = perturb_names.perturb(TEXT, GOLD, seed=1)[1]["actors"][0]["name"]
    a1_again = perturb_names.perturb(TEXT, GOLD, seed=1)[1]["actors"][0]["name"]
    a2 = perturb_names.perturb(TEXT, GOLD, seed=2)[1]["actors"][0]["name"]
    assert a1 == a1_again and a1 != a2
    lex = lexicon()
    for name in (a1, a2):
        fore = name.split()[0]
        assert not lex.is_forename(fore) and fore.lower() not in lex.common_words


def test_writes_a_copy_and_leaves_the_source(tmp_path: Path) -> None:
    src, out = tmp_path / "gold", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text(TEXT, encoding="utf-8")
    (src / "a.gold.yaml").write_text("article: a.txt\nactors:\n- {name: Marta Kowal, kind: person}\n",
                                     encoding="utf-8")
    assert perturb_names.main([str(src), str(out), "--seed", "2", "--root", str(src)]) == 0
    assert (src / "a.txt").read_text(encoding="utf-8") == TEXT
    copy = (out / "a.txt").read_text(encoding="utf-8")
    assert "Marta" not in copy and "Kowal" in copy
