"""Word lists for the analysis engine, loaded once from the YAML files in `data/`.

Lexicons live in YAML (not code) so they can be reviewed and extended without touching the rules;
`lexicon()` is cached so every analysis after the first pays nothing for loading.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:  # the C loader is ~10x faster; fall back silently where libyaml is missing
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


def _load(name: str) -> dict[str, Any]:
    text = (Path(__file__).parent / "data" / name).read_text(encoding="utf-8")
    data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
    return data if isinstance(data, dict) else {}


@functools.lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    return _load("rules.yaml")


@functools.cache
def rule_words(key: str) -> frozenset[str]:
    """A closed word list from data/rules.yaml (particles, report verbs, abbreviations …), made once per key:
    some rules ask for their list on every call."""
    return frozenset(_words(_rules().get(key)))


@functools.cache
def rule_sequence(key: str) -> tuple[str, ...]:
    """An ordered list from data/rules.yaml (where the order matters to the rule reading it), made once per
    key."""
    return tuple(_words(_rules().get(key)))


def _words(value: Any) -> list[str]:
    """A YAML list, or a space-separated block (used for the long generated lists)."""
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list):
        return [str(v) for v in value if v is not None]
    return []


@dataclass(frozen=True)
class Lexicon:
    speech_verbs: frozenset[str]
    weak_verbs: frozenset[str]
    titles: frozenset[tuple[str, ...]]  # token tuples, e.g. ("Prime", "Minister")
    title_max_len: int
    ambiguous_titles: frozenset[tuple[str, ...]]
    male_honorifics: frozenset[str]
    female_honorifics: frozenset[str]
    role_words: frozenset[str]
    org_heads: frozenset[str]
    joinable_heads: frozenset[str]
    body_heads: frozenset[str]  # heads that name a whole body: a conjunct ending in one is complete
    media_heads: frozenset[str]
    legal_forms: frozenset[str]  # "Company", "Inc.": the end of a company's full name
    known_orgs: frozenset[str]
    org_aliases: dict[str, str]
    org_alias_targets: frozenset[str]
    event_heads: frozenset[str]
    thing_nouns: frozenset[str]
    vessel_prefixes: frozenset[str]
    places: frozenset[str]
    place_aliases: dict[str, str]
    place_heads: frozenset[str]
    place_prefixes: frozenset[str]
    states: frozenset[str]  # first-level divisions of a country: US states, provinces
    countries: frozenset[str]
    cities: frozenset[str]
    # cities spelt like a forename ("Denver"), kept out of `places`: a place only where more says so
    forename_cities: frozenset[str]
    nationalities: frozenset[str]
    time_words: frozenset[str]
    function_words: frozenset[str]
    caps_stop: frozenset[str]
    non_actors: frozenset[str]
    common_words: frozenset[str]
    very_common: frozenset[str]
    male_names: frozenset[str]
    female_names: frozenset[str]
    unisex_names: frozenset[str]
    forenames: frozenset[str] = frozenset()  # the three lists above in one set: one look-up per word
    title_starts: frozenset[str] = frozenset()  # first words of `titles`: most words start none
    # every beginning of the first word of a known organisation or place with lower-case words inside
    # ("I", "Is", … "Islamic" of "Islamic State of Iraq and the Levant"): most runs begin no such name
    long_form_starts: frozenset[str] = frozenset()
    # the words of those names before each lower-case gap ("Islamic State", "Islamic State of Iraq")
    long_form_heads: frozenset[str] = frozenset()
    # is_forename(word): `word in forenames`, asked of nearly every candidate word, so it is the set's own
    # look-up, bound once (a call without a Python frame)
    is_forename: Callable[[str], bool] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "is_forename", self.forenames.__contains__)

    def forename_evidence(self, word: str) -> bool:
        """A forename that is not also one of the most frequent English words ("Will", "Long")."""
        return word in self.forenames and word.lower() not in self.very_common


def _place_names(places: dict[str, Any], generated: dict[str, Any], aliases: dict[str, str]) -> frozenset[str]:
    """Every place name: the curated lists, the generated gazetteer and the targets of place aliases."""
    names: set[str] = set(aliases.values())
    for key in ("countries_extra", "regions", "provinces"):
        names.update(_words(places.get(key)))
    for key in ("countries", "us_states", "cities"):
        names.update(_words(generated.get(key)))
    return frozenset(names | _saint_spellings(names))


SAINT_SPELLINGS = ("Saint ", "St. ", "St ")  # one place, three spellings: "Saint/St./St Petersburg"


def _saint_spellings(names: set[str]) -> set[str]:
    """A place named after a saint is written "Saint X", "St. X" or "St X" (the tokens drop the dot of an
    abbreviation, so a run reads "St Petersburg"): every place so named, in the other two spellings."""
    out: set[str] = set()
    for name in names:
        prefix = next((p for p in SAINT_SPELLINGS if name.startswith(p)), None)
        if prefix is not None:
            out.update(p + name[len(prefix):] for p in SAINT_SPELLINGS)
    return out


OFFICE_HOLDER_ENDINGS = ("woman", "person", "member", "man")  # ("woman" before "man": it ends in it)


def derived_titles(titles: list[str], offices: list[str]) -> list[str]:
    """Titles made by English word formation rather than listed one by one: the holder of a seat in a
    body is its noun and "-man", "-woman", "-person" or "-member" ("Assemblywoman", "Selectman",
    "Councilmember"), a title ending in "-man", "-woman" or "-person" has the other two too
    ("Congressman" -> "Congresswoman", "Chairperson"), the holders of a "-man" or "-woman" title are "-men"
    or "-women" ("US Congressmen", as "Senators" is listed), and a title of capitalised words is also
    written with hyphens between them, as British and Commonwealth style has it ("Lieutenant-General",
    "Vice-President", "Secretary-General")."""
    out = {o + e for o in offices for e in OFFICE_HOLDER_ENDINGS}
    out.update(t.replace(" ", "-") for t in titles if " " in t and all(w[:1].isupper() for w in t.split()))
    for t in titles:
        stem = next((t[:-len(e)] for e in OFFICE_HOLDER_ENDINGS if t.endswith(e)), None)
        if " " not in t and stem is not None and len(stem) > 3 and stem[0].isupper():
            out.update(stem + e for e in OFFICE_HOLDER_ENDINGS[:2] + OFFICE_HOLDER_ENDINGS[3:])
    singular = [*titles, *out]
    out.update(t[:-3] + "men" for t in singular if " " not in t and t.endswith("man") and t[:1].isupper())
    return sorted(out - set(titles))


def with_demonym_nouns(adjectives: list[str]) -> list[str]:
    """The adjectives and the nouns English makes of those ending in "-sh" or "-ch" with "-man" and
    "-woman" ("Englishman", "Frenchwomen", "Dutchmen"): a national is no actor, as the adjective is not."""
    nouns = [a + e for a in adjectives if " " not in a and a.endswith(("sh", "ch"))
             for e in ("man", "men", "woman", "women")]
    return adjectives + nouns


def _organisation_lists(orgs: dict[str, Any]) -> dict[str, Any]:
    """The `Lexicon` fields read from orgs.yaml: head words, legal forms and the known names."""
    org_aliases = {str(k): str(v) for k, v in (orgs.get("aliases") or {}).items()}
    return dict(
        org_heads=frozenset(_words(orgs.get("heads"))),
        joinable_heads=frozenset(_words(orgs.get("joinable_heads"))),
        body_heads=frozenset(_words(orgs.get("body_heads"))),
        media_heads=frozenset(_words(orgs.get("media_heads"))),
        legal_forms=frozenset(_words(orgs.get("legal_forms"))),
        # (every name of the aliases list is a known organisation: "Islamic State", "Republican Party")
        known_orgs=frozenset(_words(orgs.get("known"))) | org_aliases.keys() | frozenset(org_aliases.values()),
        org_aliases=org_aliases,
        org_alias_targets=frozenset(org_aliases.values()),
        event_heads=frozenset(_words(orgs.get("event_heads"))),
        thing_nouns=frozenset(_words(orgs.get("thing_nouns"))),
        vessel_prefixes=frozenset(_words(orgs.get("vessel_prefixes"))),
    )


@functools.cache
def lexicon() -> Lexicon:
    """All word lists, parsed once per process."""
    speech = _load("speech.yaml")
    titles = _load("titles.yaml")
    orgs = _load("orgs.yaml")
    places = _load("places.yaml")
    nat = _load("nationalities.yaml")
    stop = _load("stopwords.yaml")
    common = _load("common_words.yaml")
    names = _load("forenames.yaml")
    male, female, unisex = (frozenset(_words(names.get(k))) for k in ("male", "female", "unisex"))
    male_hon = _words(titles.get("male_honorifics"))
    female_hon = _words(titles.get("female_honorifics"))
    title_list = _words(titles.get("titles")) + male_hon + female_hon
    title_list += derived_titles(title_list, _words(titles.get("office_nouns")))
    title_tuples = frozenset(tuple(t.split()) for t in title_list)
    aliases = {str(k): str(v) for k, v in (places.get("aliases") or {}).items()}
    generated = _load("places_generated.yaml")
    place_names = _place_names(places, generated, aliases)
    org_lists = _organisation_lists(orgs)
    long_starts, long_heads = _long_forms(place_names | org_lists["known_orgs"])
    return Lexicon(
        speech_verbs=frozenset(_words(speech.get("verbs"))),
        weak_verbs=frozenset(_words(speech.get("weak_verbs"))),
        titles=title_tuples,
        title_max_len=max((len(t) for t in title_tuples), default=1),
        ambiguous_titles=frozenset(tuple(t.split()) for t in _words(titles.get("ambiguous"))),
        male_honorifics=frozenset(male_hon),
        female_honorifics=frozenset(female_hon),
        role_words=frozenset(_words(titles.get("role_words"))),
        **org_lists,
        places=place_names,
        place_aliases=aliases,
        place_heads=frozenset(_words(places.get("place_heads"))),
        place_prefixes=frozenset(_words(places.get("place_prefixes"))),
        cities=frozenset(_words(generated.get("cities"))),
        forename_cities=frozenset(_words(generated.get("forename_cities"))),
        states=frozenset(_words(generated.get("us_states")) + _words(places.get("provinces"))),
        countries=frozenset(_words(generated.get("countries")) + _words(places.get("countries_extra"))),
        nationalities=frozenset(with_demonym_nouns(_words(nat.get("adjectives"))) + _words(nat.get("faiths"))),
        time_words=frozenset(_words(stop.get("time_words"))),
        function_words=frozenset(_words(stop.get("function_words"))),
        caps_stop=frozenset(_words(stop.get("caps_stop"))),
        non_actors=frozenset(_words(stop.get("non_actors"))),
        common_words=frozenset(_words(common.get("words")) + _words(common.get("very_common"))),
        very_common=frozenset(_words(common.get("very_common"))),
        male_names=male,
        female_names=female,
        unisex_names=unisex,
        forenames=male | female | unisex,
        title_starts=frozenset(t[0] for t in title_tuples if t),
        long_form_starts=long_starts,
        long_form_heads=long_heads,
    )


LOWER_INSIDE_RE = re.compile(r" [a-z]+ ")  # " of ": a lower-case word inside a name


def _long_forms(names: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Of the names with a lower-case word inside ("Islamic State of Iraq"): every prefix of their first
    words, and their words before each such gap (`Lexicon.long_form_starts`, `long_form_heads`)."""
    heads = {n[:i] for n in names if LOWER_INSIDE_RE.search(n)
             for i, ch in enumerate(n) if ch == " " and LOWER_INSIDE_RE.match(n, i)}
    firsts = {h.split(" ", 1)[0] for h in heads}
    return frozenset(w[:k] for w in firsts for k in range(1, len(w) + 1)), frozenset(heads)
