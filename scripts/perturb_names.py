"""Write a copy of a gold set in which every person's forename is a made-up one no list knows:
`python scripts/perturb_names.py GOLD_DIR OUT_DIR [--seed N] [--root DIR]`.

Why: the engine must find and type people in articles nobody tuned it on, full of forenames that no
gazetteer holds (foreign, rare, new). Scoring a set and its perturbed copy side by side shows how much of
person recognition rests on the forename list rather than on evidence in the text (titles, "said",
pronouns, apposition, later surname-only mentions).

Rule:
- a forename is the first word of a gold actor of kind person with two words or more, alphabetic,
  capitalised, three letters or more ("Jane" of "Jane Doe"; not "Dr" nor "J."), unless the name is an
  office or a phrase: a function word or title opens it or a function word joins it ("The Undertaker",
  "Undersecretary for Education Mr. Rossi");
- it is replaced, as a whole word, everywhere in the article and in every string of the gold (quotation
  texts, speakers, speaker phrases, actor names and aliases), by a made-up name OF THE SAME LENGTH, so
  that character offsets in the gold stay valid;
- a made-up name is a run of syllables (onset, vowel, optional coda) drawn by `random.Random` seeded
  with the seed and the forename: deterministic, the same forename gets the same substitute across a set,
  and no fixed prefix marks it (a rule could learn a prefix). It is never a forename, a common English
  word nor a place of the package's word lists, nor a word the article already holds, nor another
  substitute in the same article;
- other strings of the gold (paths, kinds, links) are left alone, and the source articles are only read.
Output: OUT_DIR holds one article (`NAME` + the source's extension) and one gold file (`NAME.gold.yaml`,
its `article` the absolute path of the copy) per gold file; score it as any gold set (`score.py --gold OUT_DIR`).
Two seeds (`--seed 1`, `--seed 2`) give two independent copies.
"""

from __future__ import annotations

import argparse
import glob
import os
import random
import re
import sys
from typing import Any

import yaml

from newsreader.analysis.lexicon import lexicon

ONSETS = ("b", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
          "br", "dr", "gr", "kr", "tr", "pl", "sh", "ch", "th", "st")
VOWELS = ("a", "e", "i", "o", "u", "a", "e", "o", "ai", "ei", "ou", "ia", "y")
CODAS = ("", "", "", "n", "r", "l", "s", "m", "k", "t")
UNTOUCHED_KEYS = frozenset({"article", "kind", "source", "split", "gum_entity", "wikipedia"})
TRIES = 500


def _syllable(rnd: random.Random, first: bool) -> str:
    onset = rnd.choice(ONSETS) if first or rnd.random() < 0.8 else ""
    return onset + rnd.choice(VOWELS) + rnd.choice(CODAS)


def made_up_name(length: int, rnd: random.Random) -> str:
    """A pronounceable capitalised word of exactly `length` letters, built from syllables."""
    for _ in range(TRIES):
        word = _syllable(rnd, True)
        while len(word) < length:
            word += _syllable(rnd, False)
        if len(word) == length:
            return word.capitalize()
    return (word[:length]).capitalize()


def _is_known(word: str) -> bool:
    lex = lexicon()
    return (lex.is_forename(word) or word.lower() in lex.common_words or word.lower() in lex.very_common
            or word in lex.places or word in lex.nationalities)


def substitute(forename: str, seed: int, taken: set[str]) -> str:
    """The made-up stand-in for `forename` under `seed`: same length, unknown to every list, not taken."""
    rnd = random.Random(f"{seed}/{forename}")
    for _ in range(TRIES):
        fake = made_up_name(len(forename), rnd)
        if fake != forename and fake not in taken and not _is_known(fake):
            return fake
    raise SystemExit(f"error: no made-up name found for {forename!r}")


def forenames(gold: dict[str, Any]) -> list[str]:
    """First words of the gold's multi-word person names that look like forenames."""
    out: list[str] = []
    for actor in gold.get("actors") or []:
        parts = str(actor.get("name") or "").split()
        if actor.get("kind") != "person" or len(parts) < 2:
            continue
        first = parts[0]
        if first.isalpha() and first[0].isupper() and len(first) >= 3 and first not in out \
                and not _office_or_phrase(parts):
            out.append(first)
    return out


def _office_or_phrase(parts: list[str]) -> bool:
    """"The Undertaker", "Undersecretary for Education Mr. Rossi": a function word or a title opens the
    name, or a function word joins it; its first word is no forename."""
    lex = lexicon()
    first = parts[0]
    return (first in lex.function_words or first in lex.title_starts) and not lex.is_forename(first) \
        or any(w in lex.function_words for w in parts[1:])


def _replace_all(value: Any, pattern: re.Pattern[str], table: dict[str, str]) -> Any:
    if isinstance(value, str):
        return pattern.sub(lambda m: table[m.group(0)], value)
    if isinstance(value, list):
        return [_replace_all(v, pattern, table) for v in value]
    if isinstance(value, dict):
        return {k: v if k in UNTOUCHED_KEYS else _replace_all(v, pattern, table) for k, v in value.items()}
    return value


def perturb(text: str, gold: dict[str, Any], seed: int) -> tuple[str, dict[str, Any]]:
    """The article text and gold with every person forename replaced by its made-up stand-in."""
    names = forenames(gold)
    if not names:
        return text, gold
    words = set(re.findall(r"\w+", text))
    table: dict[str, str] = {}
    for name in names:
        table[name] = substitute(name, seed, words | set(table.values()))
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(table, key=len, reverse=True))) + r")\b")
    return pattern.sub(lambda m: table[m.group(0)], text), _replace_all(gold, pattern, table)


def _article_path(gold_file: str, article: str, root: str | None) -> str:
    for base in (root, os.path.dirname(gold_file), None):
        path = os.path.join(base, article) if base else article
        if os.path.isfile(path):
            return path
    raise SystemExit(f"error: cannot find article {article!r} of {gold_file}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", help="a folder of *.gold.yaml files")
    ap.add_argument("out", help="the folder to write the perturbed copy to (created)")
    ap.add_argument("--seed", type=int, default=1, help="seed of the made-up names (default 1)")
    ap.add_argument("--root", default="/work/shared", help="folder that gold 'article' paths are relative to")
    args = ap.parse_args(argv)
    files = sorted(glob.glob(os.path.join(args.gold, "*.gold.yaml")))
    if not files:
        print(f"error: no *.gold.yaml in {args.gold}", file=sys.stderr)
        return 1
    os.makedirs(args.out, exist_ok=True)
    for f in files:
        with open(f, encoding="utf-8") as fh:
            gold = yaml.safe_load(fh) or {}
        src = _article_path(f, str(gold.get("article", "")), args.root)
        with open(src, encoding="utf-8", newline="") as fh:
            text, new_gold = perturb(fh.read(), gold, args.seed)
        stem = os.path.basename(f)[: -len(".gold.yaml")]
        art = os.path.abspath(os.path.join(args.out, stem + os.path.splitext(src)[1]))
        with open(art, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        new_gold["article"] = art
        with open(os.path.join(args.out, stem + ".gold.yaml"), "w", encoding="utf-8") as fh:
            yaml.safe_dump(new_gold, fh, allow_unicode=True, sort_keys=False, width=1000)
    print(f"{len(files)} articles written to {args.out} (seed {args.seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
