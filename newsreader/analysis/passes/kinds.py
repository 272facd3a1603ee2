"""Kinds: person, organisation or place, and whether a candidate needs support to count.

Rules: a title makes a person; the gazetteers know places and organisations; the head word decides
("… University" is an organisation, "… Province" a place, "… News" an outlet, hence an organisation; a
natural feature's head may come first: "Bay of Bengal"; a state's formal name is a place: "Republic of
Ireland");
a forename first makes a person; a lone acronym is an organisation. A candidate is weak — it counts only
if another mention links to it — when it is a lone common word, an unknown acronym, a phrase of common
words, or a word the article itself writes more often in lower case ("iodine … Iodine deficiency").
"""

from __future__ import annotations

import functools
import re

from ..lexicon import Lexicon, rule_words
from ..names import formal_state_place, is_acronym, is_place_name, plural_of_common
from ..state import Cand, CapStats, DocState, Entity
from ..text import Doc, Token, occurrences

PLACE_PREPS = rule_words("actors_place_preps")
LOCATIVE_PREPS = rule_words("actors_locative_preps")  # "in X", "near X": X is a location
CASE_MARKERS = rule_words("actors_case_markers")  # "in Wade v. Jacobs" cites a case
DIRECTIONS = rule_words("actors_directions")
PERSONAL_PLACE_HEADS = rule_words("actors_personal_place_heads")  # "Benny Hill" is a person
BODY_NOUNS = rule_words("actors_body_nouns")  # "the group Mercosur": the name after them is a body
LOCAL_NOUNS = rule_words("actors_local_nouns")  # "Telangana ministers": a region's body or people
NON_LOCATIVE_TO = rule_words("actors_non_locative_to")  # "according to X": X is a source, not a place
PUBLISHING_VERBS = rule_words("actors_publishing_verbs")  # "published … in X": X is a publication
REPORTING_VERBS = rule_words("actors_reporting_verbs")  # "Axios reported": the subject is an outlet
INTERVIEW_VERBS = rule_words("actors_interview_verbs")  # "told Politico": the object is an outlet
PLURAL_NAME_CONTINUATIONS = rule_words("actors_plural_name_continuations")  # "the Arts and Humanities …"
INDEFINITE_ARTICLES = rule_words("actors_indefinite_articles")  # "a", "an"
FEATURE_HEADS = rule_words("actors_feature_heads")  # "Bay of Bengal": a natural feature named by its head first
COORDINATORS = rule_words("actors_list_conjunctions")  # "an A and B exhibit": names that modify one noun
COMPASS_REGIONS = rule_words("actors_compass_regions")  # "the West", "the South": regions


def candidate_kinds(state: DocState) -> None:
    """Give each candidate its kind by its own words, and mark the weak ones; a publication named where
    a study was published is an organisation in its own right, whatever its words, and so is an outlet
    named where news is reported (`_outlet_frame`), an acronym cited as a source and a name in apposition
    to a noun for a body ("the news network RTHK"); such a frame is support enough, whatever the words.

    A name recurs several times in an article: what its own words say (`kind_of`, `_weak_by_words`) is
    found once per form and flags they read (`own_kinds`, `weak_forms`); the frames around each mention
    are asked of each."""
    lex, doc = state.lex, state.doc
    index_of, toks, text, texts, n = doc.index_of, doc.tokens, doc.text, doc.texts, len(doc.tokens)
    team_firsts = _place_first_words(lex.cities, lex.states, lex.forename_cities)  # (`_team_name`'s test)
    # (the form is its words joined by spaces, which no word holds: one form, one list of words)
    own_kinds: dict[tuple[str, bool, bool], str | None] = {}  # (form, title, "The") -> `kind_of`
    weak_forms: dict[tuple[str, bool, bool, bool, str | None], bool] = {}  # (…, sentence start, kind) -> weak
    for c in state.cands:
        # (each frame is asked only when the word before the name can open it: one look-up per candidate)
        k = index_of.get(c.toks[0].start)
        prev = toks[k - 1].text if k else ""
        published = prev == "in" and _published_in(c, k, doc, lex)
        # (`_outlet_frame` holds only around a verb: most names have none of its words next to them)
        outlet = published or len(c.toks) == 1 and (
            (prev in INTERVIEW_VERBS or k is not None and k + 1 < n and texts[k + 1] in OUTLET_CUES)
            and _outlet_frame(c, k, doc, lex) or prev == "to" and _cited_acronym(c, k, doc, lex))
        end = c.toks[-1].end
        comma = text.startswith(", ", end)  # (most names: no comma after them, settled without a call)
        named = _named_body(c, k, doc) if prev in BODY_NOUNS \
            else "organisation" if comma and appositive_body(text, end) else None
        words = c.words()  # (the candidate's words and form, made once for both tests)
        full = " ".join(words)
        region = prev == "the" and c.toks[0].text in COMPASS_REGIONS and _compass_region(c, k, doc, lex) \
            or comma and _placed_in_region(c, text, lex)
        if outlet or region:
            c.kind = "organisation" if outlet else "place"
        else:
            key = (full, c.person_evidence, c.the_name)
            own = own_kinds[key] if key in own_kinds else own_kinds.setdefault(key, kind_of(c, lex, words, full))
            c.kind = _body_over_guess(c, own, named, lex)
        if c.kind == "person" and not c.person_evidence and words[0] in team_firsts and _team_name(words, text, lex) \
                and not _put_in(full, text):
            c.kind = "organisation"
        weak_key = (full, c.person_evidence, c.the_name, c.toks[0].initial, c.kind)
        weak = weak_forms.get(weak_key)
        if weak is None:
            weak = weak_forms[weak_key] = _weak_by_words(c, lex, words, full, state.stats)
        c.weak = weak and not outlet and not named \
            and not (len(c.toks) == 1 and _acting_acronym(c, k, doc, lex)) \
            and not (prev == "the" and _plural_name(c, k, doc, state.stats)) \
            or (prev in INDEFINITE_ARTICLES or "-" in prev or prev.isdigit()) and _class_member(c, k, doc, lex)
        if region:
            c.weak = False


def _weak_by_words(c: Cand, lex: Lexicon, words: list[str], full: str, stats: CapStats) -> bool:
    """What the words of a candidate of a given kind say of its needing support (`_weak`,
    `_lower_case_here`, `_institution`): all they read is the words, the title, "The" and sentence-start
    flags and the kind, and the article's own capitals."""
    return (_weak(c, lex, words, full) or _lower_case_here(c, lex, stats)) and not _institution(c, lex, stats)


def _compass_region(c: Cand, k: int | None, doc: Doc, lex: Lexicon) -> bool:
    """"praised in the West", "a revival of the Left in the West?", "injured in the South": a compass
    point capitalised after "the", standing alone as its noun phrase (a stop, a comma or a function word
    after it, not a noun it modifies: "the West wing", "the North campus"), names a region, a place. In
    an article that names a place opening with that word ("North Korea … the North", "South Sudan") it
    is the short form of that name, no region of its own."""
    if len(c.toks) != 1 or k is None or c.toks[0].text not in COMPASS_REGIONS or c.toks[0].initial:
        return False
    if re.search(rf"\b{c.toks[0].text} [A-Z]", doc.text):
        return False
    toks = doc.tokens
    nxt = toks[k + 1] if k + 1 < len(toks) and toks[k + 1].sent == toks[k].sent else None
    return nxt is None or doc.text[c.end:nxt.start].strip() != "" or nxt.text.capitalize() in lex.function_words


def _forename_first(name: str, lex: Lexicon) -> bool:
    """"Senators Ann Cole, Ohio, and …": a forename and a surname listed with a state name a person, so the
    state after them is no cue of a place (asked only where a state follows: most mentions have none)."""
    return " " in name and lex.forename_evidence(name.split()[0])


def _placed_in_region(c: Cand, text: str, lex: Lexicon) -> bool:
    """"on his way to West Point, New York", "from Allen, Texas": a name followed by a comma and the state
    or the country it lies in is a place there, whatever its words ("West Point": two common words);
    not a name with a title or a forename, a person listed with the state they represent ("John Cornyn,
    Texas"), nor one the lists know as something else."""
    end = c.toks[-1].end
    if not "A" <= text[end + 2:end + 3] <= "Z":
        return False  # (`REGION_RE` opens with ", " and a capital: most names with a comma after them fail here)
    if c.person_evidence or lex.forename_evidence(c.toks[0].text) or not _in_region(text, end, lex):
        return False
    full = " ".join(c.words())
    return full not in lex.known_orgs and lex.org_heads.isdisjoint(c.words())


def _team_name(words: list[str], text: str, lex: Lexicon) -> bool:
    """"the Utah Jazz", "the Denver Nuggets", "Houston Rockets": a place's name followed by one or two
    capitalised words ending in a common noun names a team or a firm of that place ("Texas Instruments"),
    not a person, who is named by forename and surname. The noun is a plural ("Nuggets", "Rockets") or
    a collective singular ("Jazz", "Heat"); when the place's name is also a forename ("Dallas", "Denver":
    the gazetteer keeps the smaller such cities apart, `forename_cities`) a plural surname could follow
    it ("Dallas Banks"), so the article must call the team "the <noun>" as a team is called; a plural
    so called is a team's noun even when the word list lacks it (`_called_plural`). A forename after the
    place makes a person ("Paris Jackson"). Teams and firms are named after a city or a state; after a
    country's name the noun names its institution or document ("United States Constitution")."""
    if words[0] not in _place_first_words(lex.cities, lex.states, lex.forename_cities):
        return False  # (most names: no city or state opens them, settled by one look-up)
    return _place_then_noun(words, text, lex)


def _place_then_noun(words: list[str], text: str, lex: Lexicon) -> bool:
    """`_team_name`'s rule itself, for a name a city's or a state's first word opens."""
    for k in range(1, min(len(words) - 1, 3) + 1):
        rest = words[k:]
        place = " ".join(words[:k])
        if len(rest) > 2 or not (place in lex.cities or place in lex.states or place in lex.forename_cities):
            continue
        if any(lex.forename_evidence(w) or w.lower() in lex.function_words for w in rest):
            return False
        noun = rest[-1]
        called = _called_plural(noun, text)
        plural = called or plural_of_common(noun.lower(), lex)
        if not plural and noun.lower() not in lex.common_words:
            return False
        return not lex.forename_evidence(words[0]) or called
    return False


def _called_plural(noun: str, text: str) -> bool:
    """"the Nuggets", "The Broncos": the article calls the bearers of a name by its capitalised plural
    noun after "the", as a team, a band or a party is called; a person is never called so."""
    return noun.endswith("s") and not noun.endswith("ss") and (f"the {noun}" in text or f"The {noun}" in text)


@functools.lru_cache(maxsize=4)
def _place_first_words(*places: frozenset[str]) -> frozenset[str]:
    """The first words of the cities' and states' names: a name that opens with none names no team."""
    return frozenset(p.split(" ")[0] for names in places for p in names)


def _put_in(full: str, text: str) -> bool:
    """The article puts something in or near the name ("the crash in Windsor Locks"): a town named like a
    team ("Windsor Locks", "Sandy Springs"), not a team."""
    for at in occurrences(text, full):
        before = text[max(0, at - 12):at].split()
        if before and text[at - 1] == " " and before[-1].lower() in LOCATIVE_PREPS:
            return True
    return False


ROMAN_NUMERAL_RE = re.compile(r"[IVXLCDM]+")


def _acting_acronym(c: Cand, k: int | None, doc: Doc, lex: Lexicon) -> bool:
    """"TVN24 reported", "ALDI also announced a limit": an acronym the lists do not know that is the
    subject of a verb of saying or reporting (maybe after an adverb: "also", "first") names a body that
    speaks, like an outlet (`_outlet_frame`); the abbreviation of a thing ("DNA", "the DMCA") does not
    speak. A Roman numeral is no body ("XXI")."""
    if len(c.toks) != 1 or k is None or not is_acronym(c.toks[0].text):
        return False
    toks = doc.tokens
    j = k + 1 + (k + 1 < len(toks) and toks[k + 1].text in REPORTING_ADVERBS)
    return j < len(toks) and toks[j].sent == toks[k].sent and doc.text[c.end:toks[k + 1].start] == " " \
        and (toks[j].text in lex.speech_verbs or toks[j].text in REPORTING_VERBS) \
        and ROMAN_NUMERAL_RE.fullmatch(c.toks[0].text) is None


def _plural_name(c: Cand, k: int | None, doc: Doc, stats: CapStats) -> bool:
    """"lost to the Cardinals", "a piece the Times quoted", "played for the Lakers": a plural common noun
    capitalised mid-sentence after "the", which the article never writes in lower case, names a team, a
    band, a paper or a party; English writes a class of things in lower case ("the cardinals met") and
    capitalises a plural only as a name. Not when it opens a longer name ("the Arts and Humanities …",
    "the Halls of …") or a work's title ("the Clouds (1958)")."""
    w = c.toks[0].text
    if len(c.toks) != 1 or not k or c.toks[0].initial or not w.endswith("s") or w.endswith("ss") \
            or w.lower() in stats.lower_seen or is_acronym(w):
        return False
    toks = doc.tokens
    after = doc.text[c.end:c.end + 2]
    nxt = toks[k + 1] if k + 1 < len(toks) and toks[k + 1].sent == toks[k].sent else None
    return after != " (" and not (nxt is not None and nxt.text in PLURAL_NAME_CONTINUATIONS
                                  and doc.text[c.end:nxt.start] == " ")


def _class_member(c: Cand, k: int | None, doc: Doc, lex: Lexicon) -> bool:
    """"a self-described Libertarian Socialist", "As a Penn Stater, I …", "a Hybrid Organization": capitalised
    words heading a noun phrase that an indefinite article opens (maybe through one hyphenated modifier)
    name a kind of thing, one member of a class, not the one actor a proper name picks out; such a run is
    a name only if the article names it otherwise too. The name may still modify the noun that heads the
    phrase ("a Ford spokesman", "a Digital Millennium Copyright Act notice"), a title makes a person ("a
    Dr. Bailey"), and a body newly set up is named in full with its head word ("Huawei opened a Cyber
    Security Transparency Centre": a description of a class is short, one or two words)."""
    toks = doc.tokens
    if not k or c.person_evidence or len(c.toks) >= 3 and c.toks[-1].text in lex.org_heads:
        return False
    j = _article_before(toks, k)
    if j < 0 or toks[j].text not in INDEFINITE_ARTICLES or toks[j].sent != toks[k].sent:
        return False
    n = _past_coordinated_name(toks, doc.index_of.get(c.toks[-1].start, k) + 1)
    after = toks[n] if n < len(toks) and toks[n].sent == toks[k].sent else None
    return after is None or not after.text[:1].islower() or after.text.capitalize() in lex.function_words \
        or doc.text[toks[n - 1].end:after.start] != " "


def _past_coordinated_name(toks: list[Token], n: int) -> int:
    """"an Edward Steichen and Andy Warhol exhibit": names joined by "and"/"or" modify one noun together, so
    the word that heads the phrase comes after the last of them (token n follows the first name)."""
    if n + 1 >= len(toks) or toks[n].text not in COORDINATORS or not toks[n + 1].text[:1].isupper() \
            or toks[n + 1].sent != toks[n].sent:
        return n
    m = n + 1
    while m < len(toks) and toks[m].text[:1].isupper() and toks[m].sent == toks[n].sent:
        m += 1
    return m


def _article_before(toks: list[Token], k: int) -> int:
    """Where the determiner of the noun phrase ending in the run at token k may stand: before one
    hyphenated modifier ("a self-described Radical Gardener"), or before a model year and one lower-case
    word before it ("a recalled 2005 Opel Zafira": a year before a name in a noun phrase dates a product)."""
    prev = toks[k - 1].text
    if prev.isdigit():
        return k - 2 - (k >= 3 and toks[k - 2].text[:1].islower() and toks[k - 2].text not in INDEFINITE_ARTICLES)
    return k - 1 - ("-" in prev and prev[:1].islower())


def _published_in(c: Cand, k: int | None, doc: Doc, lex: Lexicon) -> bool:
    """"findings published on Wednesday in Science Advances": a name after "in" that closes a publishing
    verb's phrase (within a few words) is the journal or the paper."""
    toks = doc.tokens
    if not k or k < 2 or toks[k - 1].text != "in" or c.person_evidence or is_place_name(" ".join(c.words()), lex):
        return False  # ("published in London": where, not in what)
    return any(t.text in PUBLISHING_VERBS and t.sent == toks[k].sent for t in toks[max(0, k - 5):k - 1])


def _outlet_frame(c: Cand, k: int | None, doc: Doc, lex: Lexicon) -> bool:
    """"Axios reported that …", "Politico first reported", "she told Politico": a single name with no
    forename or title, and no common word, that is the subject of a verb of reporting or publishing, or
    the object of "told", names a news outlet, an organisation (a person reports with a forename: "John
    Smith reported"; one told something is named in full elsewhere: "told Montalvo", "Hector Montalvo")."""
    if len(c.toks) != 1 or k is None:
        return False
    toks = doc.tokens
    start = c.toks[0].start
    told = k > 0 and toks[k - 1].text in INTERVIEW_VERBS and toks[k - 1].end + 1 == start
    if not told and not _reports(toks, k, doc.text):
        return False
    word = c.toks[0].text
    if c.person_evidence or lex.is_forename(word) or is_place_name(word, lex) or word.lower() in lex.common_words:
        return False  # (a common word, "News" of "NBC News reported", is no outlet alone)
    return not (told and _surname_here(word, doc.text))


def _cited_acronym(c: Cand, k: int | None, doc: Doc, lex: Lexicon) -> bool:
    """"according to WSET-TV": an acronym cited as the source of a report is a body (people are cited by
    name, "according to Smith"; a place's acronym is a place, "according to USA Today")."""
    toks = doc.tokens
    word = c.toks[0].text
    return len(c.toks) == 1 and k is not None and k >= 2 and is_acronym(word.split("-")[0]) \
        and toks[k - 1].text == "to" and toks[k - 2].text.lower() == "according" and not is_place_name(word, lex)


def _reports(toks: list[Token], k: int, text: str) -> bool:
    """Token k is followed, in its sentence, by a verb of reporting, maybe after an adverb ("first")."""
    nxt = k + 1 + (k + 1 < len(toks) and toks[k + 1].text in REPORTING_ADVERBS)
    return nxt < len(toks) and toks[nxt].sent == toks[k].sent and toks[nxt].text in REPORTING_VERBS \
        and text[toks[k].end:toks[k + 1].start] == " "


REPORTING_ADVERBS = rule_words("actors_reporting_adverbs")  # "Politico first reported"
OUTLET_CUES = REPORTING_VERBS | REPORTING_ADVERBS  # the word after a name that `_reports` can find true


def _surname_here(word: str, text: str) -> bool:
    """The article writes `word` after another capitalised word: a surname after its forename."""
    return re.search(r"[A-Z][\w'\u2019.-]* " + re.escape(word) + r"\b", text) is not None


def _body_over_guess(c: Cand, kind: str | None, named: str | None, lex: Lexicon) -> str | None:
    """A body noun in apposition ("the group Proud Boys") outweighs a person guessed only from capitals,
    not a title, a forename or a gazetteer."""
    if named and (kind is None or kind == "person" and not c.person_evidence
                  and not lex.forename_evidence(c.toks[0].text)):
        return named
    return kind


APPOSITIVE_BODY_RE = re.compile(r", (?:the|a|an) (?:[\w'-]+ ){0,4}?([a-z]+)(?=[,.;:)]| (?:that|which|who|in|of|for)\b)")


def appositive_body(text: str, end: int) -> bool:
    """"UOKiK, the Polish anti-monopoly agency, has …", "Zorvex, a Danish startup, said …": the name ending
    at `end` is followed by a noun phrase in apposition whose head is a noun for a body, so it names that
    body (the name before its description, as `_named_body` is the name after it)."""
    if not text.startswith(", ", end):
        return False  # (most names: no comma after them)
    m = APPOSITIVE_BODY_RE.match(text, end)
    return m is not None and m.group(1) in BODY_NOUNS


def _named_body(c: Cand, k: int | None, doc: Doc) -> str | None:
    """"the South American group Mercosur", "the militant group Al-Shabaab": a name in apposition to a
    lower-case noun for a body is that body."""
    prev = doc.tokens[k - 1] if k else None
    first = c.toks[0]
    return "organisation" if prev is not None and prev.text in BODY_NOUNS and prev.end + 1 == first.start \
        and prev.sent == first.sent else None


def kind_of(c: Cand, lex: Lexicon, words: list[str], full: str) -> str | None:
    """The kind a candidate's own words (`words`, joined: `full`) and the word lists give it (None:
    undecided)."""
    if c.person_evidence:
        return "person"
    if c.the_name and (is_place_name(full, lex) or is_place_name("The " + full, lex)):
        return _the_place(words, lex)
    if is_place_name(full, lex):
        return "place"
    if full in lex.known_orgs or " ".join(words[1:]) in lex.known_orgs \
            or len(words) > 3 and _placed_known_org(words, lex):
        return "organisation"
    return _kind_by_head(c, words, lex)


def _placed_known_org(words: list[str], lex: Lexicon) -> bool:
    """"United States House of Representatives": a known body after the name of its country (or state)
    is that body, named in full."""
    return any(" ".join(words[k:]) in lex.known_orgs and is_place_name(" ".join(words[:k]), lex)
               for k in range(2, len(words) - 1))


def _the_place(words: list[str], lex: Lexicon) -> str:
    """"writing in The Atlantic", "told The Hindu": a place's name after a capitalised "The" mid-sentence is
    the title of a publication named after it, unless the place itself is named with "The" ("in The
    Hague", "The Gambia")."""
    return "place" if is_place_name(" ".join(["The", *words]), lex) else "organisation"


def _kind_by_head(c: Cand, words: list[str], lex: Lexicon) -> str | None:
    last, n = words[-1], len(words)  # (the length, asked by most rules below, taken once)
    if n >= 2 and words[0] in DIRECTIONS and " ".join(words[1:]) in lex.places:
        return "place"
    if last in lex.media_heads and n >= 2:
        return "organisation"
    if n >= 2 and last.islower() and last.capitalize() in lex.org_heads:
        return "organisation"  # "Democratic party": a body's head in lower case after the words that name it
    if last in lex.place_heads and n >= 2 and not (
            last in PERSONAL_PLACE_HEADS and any(lex.forename_evidence(w) for w in words[:-1])):
        return "place"
    if words[0] in lex.place_prefixes and n >= 2 and words[0] not in ("St.",) \
            and lex.org_heads.isdisjoint(_head_part(words)[1:]):
        return "place"  # "Mount Everest" (but "Port Authority of New York", "Fort Worth Police": bodies)
    if n >= 3 and words[0] in FEATURE_HEADS and words[1] == "of":
        return "place"  # "Bay of Bengal", "Isle of Man": the head comes first, "of" names the feature
    if formal_state_place(words, lex):
        return "place"  # "Republic of Ireland": a state's formal name
    if not lex.org_heads.isdisjoint(words) and (n >= 2 or last in lex.known_orgs):  # (a head word)
        return "organisation"
    if _coordinated_nouns(words, lex):
        return "organisation"
    if c.the_name:
        return "organisation"  # newspapers, bands and firms named with "The"
    if n == 1 and is_acronym(words[0]):
        return "organisation"
    if n >= 2 and lex.forename_evidence(words[0]) and not any(is_acronym(w) for w in words):
        return "person"
    if n == 2 and _dotted_initials(words[0], lex) and not is_acronym(words[1]):
        return "person"
    if 2 <= n <= 4 and all(w[:1].isupper() and not is_acronym(w) for w in words):
        return "person"
    return None


def _head_part(words: list[str]) -> list[str]:
    """The words of a name before its first lower-case word: its head and what modifies it ("County
    Court" of "County Court of Cork")."""
    return words[:next((k for k, w in enumerate(words) if w[:1].islower()), len(words))]


def _coordinated_nouns(words: list[str], lex: Lexicon) -> bool:
    """"Oslo Fire and Rescue", "Health and Safety Executive": capitalised common nouns coordinated by "and"
    inside a name say what a body does, so the name is an organisation's. A place coordinates two names
    ("Trinidad and Tobago", known to the gazetteer), not two dictionary words."""
    k = words.index("and") if "and" in words[1:-1] else 0
    return k > 0 and all(w.lower() in lex.common_words and w not in lex.function_words
                         and not lex.is_forename(w) for w in (words[k - 1], words[k + 1]))


DOTTED_INITIALS_RE = re.compile(r"^(?:[A-Z]\.){2,3}$")


def _dotted_initials(word: str, lex: Lexicon) -> bool:
    """"O.J. Simpson", "J.K. Rowling": two or three dotted initials before a surname are a person's
    forenames, unless they abbreviate a place or a body the lists know ("U.S. Steel", "U.N. Women")."""
    return DOTTED_INITIALS_RE.match(word) is not None and not is_place_name(word, lex) \
        and word not in lex.known_orgs and word not in lex.org_aliases \
        and word.replace(".", "") not in lex.vessel_prefixes  # ("U.S.S. Grayback")


def _weak(c: Cand, lex: Lexicon, words: list[str], full: str) -> bool:
    """Candidates that need support: lone common words, unknown acronyms, lone head words ("Nara Prefecture …
    the Prefecture said": a generic noun for a body or a territory names the one the article named),
    multi-word common phrases."""
    if c.person_evidence or is_place_name(full, lex) or full in lex.known_orgs \
            or c.the_name or " ".join(words[1:]) in lex.known_orgs or len(words) > 3 and _placed_known_org(words, lex):
        return False
    if len(words) >= 2 and lex.is_forename(words[0]) and not c.toks[0].initial:
        return False
    if len(words) == 1:  # (a lone head word refers back to a named body or territory: "the Prefecture")
        w = words[0]
        return is_acronym(w) or w.lower() in lex.common_words or w in lex.place_heads or w in lex.org_heads
    if c.kind in ("organisation", "place") or lex.forename_evidence(words[0]):
        return False
    return lex.common_words.issuperset(map(str.lower, words))  # (every word a common word)


def _institution(c: Cand, lex: Lexicon, stats: CapStats) -> bool:
    """An institution named by common words around its head noun: capitalised mid-sentence, the head
    never written in lower case by this article ("the House of Commons", "the Executive Branch"). Common
    words capitalised for their own sake show up in lower case elsewhere. A lone head ("the Court") is
    too often a deictic reference to stand on capitals alone."""
    words = c.words()
    if c.toks[0].initial:
        return False
    if words[-1] in lex.org_heads and len(words) > 1:
        head = words[-1]
    elif len(words) >= 3 and words[1] == "of" and words[0] in lex.joinable_heads:
        head = words[0]
    else:
        return False
    return head.lower() not in stats.lower_seen and all(w[:1].isupper() or w in ("of", "the") for w in words)


def _lower_case_here(c: Cand, lex: Lexicon, stats: CapStats) -> bool:
    """A lone word this very article writes more often in lower case than capitalised mid-sentence."""
    if len(c.toks) > 1:
        return _common_phrase_here(c, lex, stats)
    if c.person_evidence or c.the_name:
        return False
    w = c.toks[0].text
    return stats.lower_count.get(w.lower(), 0) >= max(2, stats.capmid_count.get(w, 0) + 1) \
        and not is_acronym(w) and w not in lex.known_orgs and not is_place_name(w, lex)


def _common_phrase_here(c: Cand, lex: Lexicon, stats: CapStats) -> bool:
    """"returned samples (Moon Rocks, Genesis chips, …)": a phrase each of whose words this very article
    also writes in lower case ("moon", "rocks") is a common phrase capitalised for emphasis or as a label,
    unless a forename, a title or a head word makes it a name ("Bill Gates", "Supreme Court")."""
    if c.person_evidence or c.the_name or c.kind in ("organisation", "place") or len(c.toks) > 4:
        return False
    words = c.words()
    return not lex.forename_evidence(words[0]) and all(w.lower() in stats.lower_seen for w in words)


def resolve_kind(e: Entity, lex: Lexicon) -> str | None:
    """An entity's kind from its candidates' votes; a title beats a gazetteer hit."""
    if e.person_votes and e.person_votes >= e.org_votes and e.person_votes >= e.place_votes:
        return "person"
    if e.place_votes > e.org_votes:
        return "place"
    if e.org_votes:
        return "organisation"
    if e.place_votes or any(is_place_name(f, lex) for f in e.forms):
        return "place"
    return None


def context_kind(e: Entity, doc: Doc, lex: Lexicon) -> str:
    """Kind of a single unknown word from how it is used: "in X" -> place, "X said" -> person/organisation."""
    text = doc.text
    place = person = 0
    for s, en in e.mentions:
        before = text[max(0, s - 30):s].split()
        if before and before[-1].lower() in PLACE_PREPS and not _non_locative_to(before):
            place += 1
        after = text[en:en + 20].split()
        if after and after[0].strip(",.") in lex.speech_verbs:
            person += 1
    words = e.name.split()
    if len(words) == 1 and lex.is_forename(words[0]) and words[0].lower() not in lex.common_words:
        return "person"
    return "place" if place > person else "organisation"


def _non_locative_to(before: list[str]) -> bool:
    """"according to X", "attributed to X", "thanks to X": a "to" after such a word marks a source, a
    cause or an addressee, not a destination."""
    return before[-1] == "to" and len(before) >= 2 and before[-2].lower().strip(",") in NON_LOCATIVE_TO


def locative_places(state: DocState) -> None:
    """A name guessed to be a person or an organisation only because it looks like one (a forename,
    capitalised words, no head word) is a place when the article puts things *in* or *near* it and never
    gives it a title or speech ("the shooting in Dallas", "a hospice near La Jolla", "in nearby Hiko"), or
    when it is written as a place is: before the country or state it lies in ("Thesprotia, Greece"), or
    after a place noun and "of" ("the towns of Beni, Mangina and Katwa"), or, a lone word, in a list of
    three or more names one of which the gazetteer knows as a place ("Carrascal, Cantilan, Madrid and
    Cortes": a list names things of one kind; a full name listed there is a person from that place), or,
    guessed a person, before a lower-case noun for a region's bodies or people ("Telangana ministers",
    "the Hajo assembly": a body may have ministers too, "Labour ministers", a person not). Forenames
    double as town names; people are not locations. A possessive ("in Smith's view") or a cited case ("in
    Wade v. Jacobs") is no location."""
    text, lex = state.doc.text, state.lex
    for e in state.roots:
        if not _kind_guessed(e) or not e.mentions:
            continue
        # (one mention before a verb of saying settles it, and one place frame is enough: after it only a
        # verb of saying is looked for)
        placed = False
        for s, en in _own_mentions(e, text, lex):
            after = text[en:en + 20].split()
            if after and after[0].strip(",.") in lex.speech_verbs:
                break
            placed = placed or _placed_mention(e, s, en, text, lex)
        else:
            if placed:
                e.kind = "place"


def _placed_mention(e: Entity, s: int, en: int, text: str, lex: Lexicon) -> bool:
    """The mention of `e` at `s`-`en` is in a place's frame: after a locative preposition (not a possessive
    or a cited case) or a bearing ("south of"), before the region it lies in, after a place noun and "of",
    listed with places, or (a guessed person) before a noun for a region's bodies or people."""
    before = text[max(0, s - 12):s].split()
    if before and before[-1].lower() in LOCATIVE_PREPS and not _cited(text, en):
        return True
    if COMPASS_OF_RE.search(text, max(0, s - 20), s):
        return True  # "south of Sydney", "west of Windy Gully": a bearing is taken from a place
    return _in_region(text, en, lex) and not _forename_first(e.name, lex) or _after_place_noun(text, s) \
        or " " not in e.name and _listed_with_places(text, s, en, lex) \
        or e.kind == "person" and _before_local_noun(text, en)


def _own_mentions(e: Entity, text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """The mentions whose place frames speak of the entity itself: for a name that opens with a forename
    (no place's name: "London Waterloo" is a station), a shorter form that the gazetteer knows as a place
    names that place in such a frame, not the person whose surname it also is ("George Washington … the
    capital was built in Washington")."""
    first = e.name.split()[0]
    if is_place_name(e.name, lex) or not lex.is_forename(first) or is_place_name(first, lex):
        return e.mentions
    return [(s, en) for s, en in e.mentions if text[s:en] == e.name or not is_place_name(text[s:en], lex)]


def _kind_guessed(e: Entity) -> bool:
    """The entity's kind is a guess: a person without a title, an organisation without an organisation
    vote (no head word, no gazetteer entry), or undecided; never a name the user declared."""
    if e.hinted or e.title_votes:
        return False
    return e.kind == "person" or e.kind == "organisation" and not e.org_votes or e.kind is None


COMPASS_OF_RE = re.compile(r"\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)? of $")
REGION_RE = re.compile(r", ([A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2})(?=[,.;:)]|$| and | or | in | on )")


def _in_region(text: str, end: int, lex: Lexicon) -> bool:
    """"Thesprotia, Greece", "Irving, Texas": a name followed by a comma and the country or state it
    lies in."""
    m = REGION_RE.match(text, end)
    return m is not None and (m.group(1) in lex.countries or m.group(1) in lex.states)


PLACE_NOUNS = rule_words("actors_place_nouns")  # "town", "villages": one word each
_PLACE_NOUN_MAX = max(map(len, PLACE_NOUNS), default=0)
_LAST_WORD_RE = re.compile(r"(?<!\w)\w++\Z")  # a whole word at the end
# the names listed after "the towns of": capitalised words, with commas and "and"/"or" between them
PLACE_LIST_TAIL_RE = re.compile(r"(?:[A-Z][\w'-]*(?: [A-Z][\w'-]*)*(?:,? and |,? or |, ))*$")


def _after_place_noun(text: str, start: int) -> bool:
    """"the town of Hiko", "the towns of Beni, Butembo, Mangina and Katwa": a place noun and "of" before
    the name or before the list it ends."""
    lo = max(0, start - 160)  # (no " of " in the window: most mentions are settled by one C search)
    # the list after " of " has capitalised words and separators only, so the " of " is the last one, and
    # the place noun is the whole word that ends there (a word cut by the window's start is none): one
    # look at that word instead of a search for every place noun at every character before the " of "
    k = text.rfind(" of ", lo, start)
    if k < 0:
        return False
    m = _LAST_WORD_RE.search(text, max(lo, k - _PLACE_NOUN_MAX), k)
    return m is not None and m.group() in PLACE_NOUNS and PLACE_LIST_TAIL_RE.match(text, k + 4, start) is not None


LIST_ITEM = r"[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,3}"
LIST_GAP = r"(?:, and |, or |, | and | or )"
ITEM_BEFORE_RE = re.compile(rf"({LIST_ITEM}){LIST_GAP}$")
ITEM_AFTER_RE = re.compile(rf"{LIST_GAP}({LIST_ITEM})")


def _listed_with_places(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """"Carrascal, Cantilan, Madrid, Carmen and Cortes": the mention is one of three or more names listed
    together, and another of them is a place the gazetteer knows and none a person's full name ("from
    Florida, Richard and Lisa Parry"); people and places are seldom listed together, so the others are
    places too."""
    others = listed_with(text, start, end)
    return len(others) >= 2 and any(is_place_name(o, lex) for o in others) \
        and not any(" " in o and lex.forename_evidence(o.split()[0]) for o in others)


def listed_with(text: str, start: int, end: int) -> list[str]:
    """The other names of the list ("A, B and C") that the mention at `start`-`end` belongs to, if any."""
    others: list[str] = []
    at = start
    while len(others) < 8 and _gap_before(text, at) \
            and (m := ITEM_BEFORE_RE.search(text, max(0, at - 60), at)) is not None:
        others.append(m.group(1))
        at = m.start()
    at = end
    while len(others) < 16 and (m := ITEM_AFTER_RE.match(text, at)) is not None:
        others.append(m.group(1))
        at = m.end()
    return others


_GAP_ENDS = (", ", " and ", " or ")  # how every LIST_GAP ends


def _gap_before(text: str, at: int) -> bool:
    """A list gap may end right before `at` (or before the line break there, where `$` matches too):
    without one `ITEM_BEFORE_RE` cannot match, and most mentions are spared its search of the window."""
    lo = max(0, at - 60)
    return text.endswith(_GAP_ENDS, lo, at) or text[at - 1:at] == "\n" and text.endswith(_GAP_ENDS, lo, at - 1)


def _before_local_noun(text: str, end: int) -> bool:
    """"Telangana ministers", "the Hajo assembly", "Kerala state": the name modifies a lower-case noun for
    a region's government, territory or inhabitants."""
    after = text[end:end + 16].split()
    return bool(after) and after[0].rstrip(",.;:") in LOCAL_NOUNS


def _cited(text: str, end: int) -> bool:
    """A mention that is a possessive ("Smith's") or the first party of a cited case ("Wade v. Jacobs")."""
    after = text[end:end + 6].split()
    return text.startswith(("'s", "\u2019s"), end) or bool(after and after[0] in CASE_MARKERS)
