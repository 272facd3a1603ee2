"""The YAML word lists hold words: YAML 1.1 reads a bare On, No, Yes or Off as a boolean, which would
silently drop the word from its list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from newsreader.analysis import analyse
from newsreader.analysis.lexicon import lexicon

DATA = Path(__file__).resolve().parents[2] / "newsreader" / "analysis" / "data"


def _non_words(value: Any, where: str) -> list[str]:
    if isinstance(value, dict):
        return [x for k, v in value.items() for x in _non_words(v, f"{where}.{k}")]
    if isinstance(value, list):
        return [x for i, v in enumerate(value) for x in _non_words(v, f"{where}[{i}]")]
    return [] if isinstance(value, str) else [f"{where} = {value!r}"]


def test_every_word_list_entry_is_a_string() -> None:
    bad = [x for path in sorted(DATA.glob("*.yaml"))
           for x in _non_words(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)]
    assert bad == []


def test_the_yaml_boolean_words_are_in_their_lists() -> None:
    lex = lexicon()
    assert {"On", "No", "Yes"} <= lex.function_words and {"NO", "YES"} <= lex.caps_stop


def test_a_sentence_opening_preposition_and_day_are_no_part_of_a_name() -> None:
    assert [a.name for a in analyse("On Friday Acme Motor Company cut jobs.").actors] == ["Acme Motor Company"]
