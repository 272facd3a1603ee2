"""Filtering: candidates that are not names of actors.

Rules: function and time words at the edges of a run are not part of a name (but "the Summer Institute");
a nationality adjective before a name is not part of it ("British Prime Minister"; but a direction before
a place names a region: "Northern Syria"); laws, events, vessels and campaigns are named
like actors but are not ("Clean Air Act", "MV Namse", "Operation Clambake"); a title without a name is no
person; a lone capitalised word that is a title, a role, a demonym ("Londoners"), an idea ("Thatcherism"),
a hashtag or a plural acronym ("NGOs") is no actor. A sentence-initial word is capitalised for the
sentence's sake: it is a name only with evidence (the article writes it capitalised mid-sentence, or it is a
forename before a surname), and a common opener ("Protesters", "Former") is dropped from the run.
"""

from __future__ import annotations

import functools
import re
from operator import attrgetter

from ..lexicon import Lexicon, rule_sequence, rule_words
from ..names import formal_state_place, inner_capitals, is_acronym, is_initial, is_place_name, numbered_body, unmarked
from ..state import Cand, CapStats, DocState
from ..text import Doc, Token, occurrences
from .boundaries import NAME_LIKE_WORDS, model_code

CONTRACTION_RE = re.compile(r"^(?:{})['\u2019]".format("|".join(sorted(rule_words("actors_contraction_words")))), re.I)
LAW_HEADS = rule_words("actors_law_heads")
WEEKDAYS = rule_words("actors_weekdays")
INTERJECTIONS = rule_words("actors_interjections")
NEGATION_RE = re.compile(r"n['\u2019]t$", re.I)  # "Isn't", "Don’t": a verb with its negation, never a name
# First words that make a run a campaign, a storm or a flight: "Operation Clambake", "Hurricane Katrina".
THING_PREFIXES = rule_words("actors_thing_prefixes")
DIRECTIONS = rule_words("actors_directions")  # "Northern", "East": they may open a region's name
TOURNAMENT_GROUPS = rule_words("actors_tournament_groups")  # "Group F": a group of a sports tournament
_PREFIXES = rule_sequence("actors_derivation_prefixes")
_SUFFIXES = tuple(tuple(x.split("/", 1)) for x in rule_sequence("actors_derivation_suffixes"))
_PLURAL_ENDINGS = rule_sequence("actors_plural_endings")
_IDEA_SUFFIXES = rule_sequence("actors_idea_suffixes")
_FIELD_SUFFIXES = rule_sequence("actors_field_suffixes")
_ADJECTIVE_SUFFIXES = rule_sequence("actors_adjective_suffixes")
_DEMONYM_SUFFIXES = rule_sequence("actors_demonym_suffixes")
IRREGULAR_DEMONYMS = rule_words("actors_irregular_demonyms")  # "Muscovites": not the place name and an ending
PARTY_ADJECTIVES = rule_words("actors_party_adjectives")  # "the Democratic party"
SECTION_WORDS = rule_words("actors_section_words")  # "§", "Section", "Article": a part of a text numbered


def filter_candidates(state: DocState) -> None:
    """Keep the candidates that can be actors, trimmed to their name words."""
    kept = []
    doc, lex, stats, headlines = state.doc, state.lex, state.stats, state.headlines
    text = doc.text
    codes = _product_codes(state.cands)
    # (cheap preconditions: most articles number no section and write no "party", settled once per
    # article; most names are not followed by a year, settled by two characters)
    sections = may_number_sections(text, stats)
    parties = PARTY_NOUN in stats.lower_seen  # (the words the article writes in lower case: one look-up)
    lone: dict[tuple[str, bool, bool, bool, bool], int] = {}  # (`_filter`'s verdicts on one-word runs)
    for c in state.cands:
        if codes and _after_model_code(c, doc, codes):
            continue
        first = c.toks[0]
        if sections and text[first.start - 1:first.start] == " " and _section_heading(c, doc) \
                or text.startswith(YEAR_OPENINGS, c.toks[-1].end) and _dated_edition(c, text, lex) \
                or "-" in first.text and _designation(c, lex):
            c.thing = True
        if parties and len(c.toks) == 1 and first.text in PARTY_ADJECTIVES:
            party = _party_named(c, doc)
            if party is not None:
                kept.append(party)
                continue
        f = _filter(c, lex, stats, first.para in headlines, text, lone)
        if f is not None and not _among_foreign_words(f, doc, lex):
            kept.append(f)
    state.cands = kept


def _product_codes(cands: list[Cand]) -> frozenset[str]:
    """The model codes of the products the article names with their brand ("Boeing 737 Max" -> "737")."""
    return frozenset(t.text for c in cands if c.thing for t in c.toks[1:] if model_code(t.text))


def _after_model_code(c: Cand, doc: Doc, codes: frozenset[str]) -> bool:
    """"the 737 Max" after "the new Boeing 737 Max": capitalised words right after a model code the article
    gives a brand elsewhere go on naming that product without the brand; the code is no name word, so
    the run starts after it, and they are no candidate of their own."""
    k = doc.index_of.get(c.toks[0].start, 0)
    prev = doc.tokens[k - 1] if k else None
    return prev is not None and prev.text in codes and prev.end + 1 == c.toks[0].start and not c.person_evidence


PARTY_NOUN = "party"


def _party_named(c: Cand, doc: Doc) -> Cand | None:
    """"while the Democratic party controlled the House": a party's adjective before the lower-case noun
    "party" names that party, as "the Democratic Party" does (the adjective alone is no actor: "Democratic
    senators"). The candidate grows to hold the noun; it is an organisation's name."""
    k = doc.index_of.get(c.start)
    toks = doc.tokens
    if k is None or k + 1 >= len(toks) or toks[k + 1].text != PARTY_NOUN or toks[k + 1].start != c.end + 1:
        return None
    return Cand([c.toks[0], toks[k + 1]], kind="organisation")


SECTION_NUMBER_RE = re.compile(r"\d[\w.()-]*")  # "1201", "230(c)", "2.4", "18a"
# the section words as the tokenizer writes them ("Art." is the word "Art" and a stop): an article that
# writes none of them (the words it capitalises say so) and no "§" has no section heading
SECTION_TOKENS = frozenset(w.rstrip(".") for w in SECTION_WORDS)
SECTION_WINDOW = 12  # characters before a section's number that hold the word for the section


def may_number_sections(text: str, stats: CapStats) -> bool:
    """The article writes "§" or a word for a section (`_section_heading` holds nowhere else): one search
    in C and a look-up of each section word among the words the article capitalises."""
    return "\u00a7" in text or not stats.cap_seen.isdisjoint(SECTION_TOKENS)


def _section_heading(c: Cand, doc: Doc) -> bool:
    """"17 U.S. Code § 1201 Circumvention of copyright protection systems", "Section 230 Protection for
    private blocking": capitalised words right after the number of a section, an article or a chapter
    of a text (after "§" or a word for such a part) are that part's heading, words of a law's text,
    not an actor's name."""
    k = doc.index_of.get(c.start, 0)
    if k < 2 or SECTION_NUMBER_RE.fullmatch(doc.tokens[k - 1].text) is None:
        return False  # (most names: no number right before them)
    num = doc.tokens[k - 1]
    lo = max(0, num.start - SECTION_WINDOW)
    window = doc.text[lo:num.start].rstrip()
    if lo and " " not in window and not doc.text[lo - 1].isspace():
        return False  # (the window cut a longer word: "XParagraph   12", no word for a section)
    before = window.split(" ")[-1]
    return before.lstrip("\u00a7") != before or before in SECTION_WORDS


DESIGNATION_RE = re.compile(r"[A-Z]{1,3}-\d{1,3}[A-Za-z]?")  # "B-17", "M-16", "MQ-9", "F-35A"


def _designation(c: Cand, lex: Lexicon) -> bool:
    """"a Boeing B-17 Flying Fortress", "the civilian equivalent of the M-16": a run opened by a model
    designation (capital letters, a hyphen, a number) names an aircraft, a weapon or a vehicle of that
    model, a thing (a group the lists know, "G-20", is a body)."""
    w = c.toks[0].text
    return "-" in w and DESIGNATION_RE.fullmatch(w) is not None and w not in lex.known_orgs \
        and w not in lex.org_aliases and not c.person_evidence


YEAR_AFTER_RE = re.compile(r" (?:19|20)\d\d(?![\w,.]\d)")  # " 2019", not " 2019,000" nor " 2019.5"
YEAR_OPENINGS = (" 1", " 2")  # the first two characters of every match of YEAR_AFTER_RE


def _dated_edition(c: Cand, text: str, lex: Lexicon) -> bool:
    """"Toronto Comicon 2019", "FIFA World Cup 2018", "the Consumer Credit Directive 2008": a name with a
    year right after it names one edition of an event, a festival or a law, a thing, not an actor. A
    person's name opens with a forename or a title, a body's has a head word ("Acme Corp 2019 revenue":
    the year dates what follows), and a place before a year says where ("Tokyo 2020" is left to the
    other rules)."""
    if not text.startswith(" ", c.end) or YEAR_AFTER_RE.match(text, c.end) is None:
        return False  # (most names: no year after them)
    words = c.words()
    return not c.person_evidence and not lex.forename_evidence(words[0]) and lex.org_heads.isdisjoint(words) \
        and not is_place_name(" ".join(words), lex)


FOREIGN_WINDOW = 8  # tokens on each side of a run whose lower-case words tell its language
FOREIGN_MIN_WORDS = 4  # fewer lower-case words than this say nothing about a language


def _among_foreign_words(c: Cand, doc: Doc, lex: Lexicon) -> bool:
    """A capitalised word inside a passage of another language ("… their bodies (Spanish: En el siglo XXI,
    toda sociedad necesita …") is capitalised by that language's own rules (a sentence start, a title), so
    it names nobody we can tell. The run is inside such a passage when most lower-case words after it, in
    its sentence, are not common English words, and so are the words before it, or it opens a clause
    (after a stop, a colon, a bracket). A title, a gazetteer place or a known organisation is a name in
    any language."""
    toks, index_of = doc.tokens, doc.index_of
    j = index_of.get(c.toks[-1].start)
    if j is None or j + 1 >= len(toks):
        return False
    nxt = toks[j + 1]
    if nxt.cap or nxt.text in lex.common_words or not _other_word(nxt, toks[j].sent, lex):
        return False  # (the passage goes on with a lower-case word; most names are followed by English)
    i = index_of.get(c.toks[0].start)
    if i is None or c.person_evidence or not _foreign(toks, j + 1, j + 1 + FOREIGN_WINDOW, toks[i].sent, lex):
        return False
    opens = i == 0 or toks[i].initial or doc.text[toks[i - 1].end:toks[i].start].strip() != ""
    if not opens and not _foreign(toks, max(0, i - FOREIGN_WINDOW), i, toks[i].sent, lex):
        return False
    full = " ".join(c.words())
    return not is_place_name(full, lex) and full not in lex.known_orgs


def _foreign(toks: list[Token], lo: int, hi: int, sent: int, lex: Lexicon) -> bool:
    """Most of the lower-case words of tokens lo..hi in sentence `sent` are not common English
    words, and none is an English function word of three letters or more ("the", "and", "with"; shorter
    ones, "a", "no", "me", are words of other languages too) or "of". Only words of plain letters count:
    a phonetic transcription ("[ˈantoɲiːn ˈdvor̝aːk]") is no language of its own."""
    common, function = lex.common_words, _lower_function_words(lex.function_words)
    seen = english = 0
    for t in toks[lo:hi]:
        w = t.text
        if t.sent != sent or t.cap or len(w) < 2 or not (w.isalpha() and w.isascii()):
            continue
        if w in function:
            if len(w) >= 3 or w == "of":
                return False
            english += 1
        else:
            english += w in common
        seen += 1
    return seen >= FOREIGN_MIN_WORDS and 2 * english < seen


def _other_word(t: Token, sent: int, lex: Lexicon) -> bool:
    """A lower-case word of sentence `sent` that is neither a common English word nor a function word."""
    w = t.text
    return not t.cap and t.sent == sent and w.isalpha() and w not in lex.common_words \
        and w not in _lower_function_words(lex.function_words)


@functools.lru_cache(maxsize=2)
def _lower_function_words(words: frozenset[str]) -> frozenset[str]:
    """The function words in lower case (the list has them capitalised, as they open a run)."""
    return frozenset(w.lower() for w in words)


DROP, KEEP, OPENER = 0, 1, 2  # `_verdict`s: no actor; a name; a sentence's first words (`_sentence_initial`)


def _filter(c: Cand, lex: Lexicon, stats: CapStats, headline: bool, text: str,
            lone: dict[tuple[str, bool, bool, bool, bool], int]) -> Cand | None:
    """The candidate trimmed to its name words, or None when it is no actor.

    Most candidates are one word, and a name recurs several times in an article: the verdict on a one-word
    run is made once per article (`lone`), keyed by everything the rules for one word read of it: the
    word, whether it opens a sentence, and the title, "The" and headline flags. That is enough: the
    article's own capitals are the same for every run, no rule for one word reads the text around it
    (`_sentence_initial`, which does, is asked of each), and none of them makes it a thing."""
    if headline:
        c.the_name = False
    toks = c.toks
    if len(toks) == 1:
        t = toks[0]
        key = (t.text, t.initial, c.person_evidence, c.the_name, headline)
        verdict = lone.get(key)
        if verdict is None:
            verdict = lone[key] = _lone_verdict(c, lex, stats.cap_mid, headline)
    else:
        toks = _trim_edges(c, lex)
        if not toks:
            return None
        toks = _strip_modifiers(c, toks, lex, text)
        words = [t.text for t in toks]
        verdict = _verdict(c, toks, words, lex, stats.cap_mid, headline)
        if len(toks) >= 2 and words[0] in THING_PREFIXES:
            c.thing = True  # "Operation Clambake": a campaign, not an actor
    if verdict == DROP:
        return None
    if verdict == OPENER:
        return _sentence_initial(c, toks, lex, stats, headline, text)
    c.toks = toks
    c.initial = toks[0].initial
    return c


def _lone_verdict(c: Cand, lex: Lexicon, cap_mid: set[str], headline: bool) -> int:
    """`_verdict` on a one-word candidate, which the edge rules may leave empty (a function word)."""
    toks = _trim_edges(c, lex)
    return _verdict(c, toks, [toks[0].text], lex, cap_mid, headline) if toks else DROP


def _verdict(c: Cand, toks: list[Token], words: list[str], lex: Lexicon, cap_mid: set[str], headline: bool) -> int:
    """Whether the name words `toks` (their texts: `words`) are no actor (DROP), a name (KEEP), or a
    sentence's first words that need evidence (OPENER)."""
    if len(toks) >= 2 and not c.person_evidence and _title_without_name(words, lex):
        return DROP  # "Trump's Special Presidential Envoy to …": a title without a name
    if len(toks) == 1 and not c.the_name and _not_an_actor(words[0], c, lex, cap_mid):
        return DROP
    if len(toks) == 2 and (_adherents(words, lex) or " ".join(words) in lex.nationalities and not c.the_name):
        return DROP  # "Senate Democrats"; "Puerto Rican": a nationality of two words (not "The New Yorker")
    if len(toks) >= 2 and words[-1][-1] == "s" and _demonym(" ".join(words), lex):
        return DROP  # "Hong Kongers", "New Yorkers": the people of a place, a group
    if len(toks) == 2 and words[0] in TOURNAMENT_GROUPS and is_initial(words[1]):
        return KEEP
    if (toks[0].initial or headline) and not c.person_evidence and not _known(c, words, lex):
        return OPENER
    return KEEP


def _trim_edges(c: Cand, lex: Lexicon) -> list[Token]:
    """Leading and trailing function and time words, leading contractions ("We're") and interjections
    ("Hey Frank") are no name;
    a trailing day name is a date even after a forename ("Ann Lee Monday"); a trailing nationality or
    religion adjective modifies the noun after the run (`_trailing_adjective`)."""
    toks = c.toks
    while toks and (toks[0].text in lex.function_words or toks[0].text in lex.time_words) and not (
            (toks[0].text in NAME_LIKE_WORDS or toks[0].text + "." in lex.place_prefixes)
            and len(toks) >= 2 and toks[1].text not in lex.function_words) and not _named_season(toks, lex) \
            and not numbered_body([t.text for t in toks], lex):
        toks = toks[1:]
    # (`_complement_head` is one of the words: most runs hold no law's head word at all, settled in C)
    if len(toks) >= 2 and not LAW_HEADS.isdisjoint(map(_TEXT, toks)) and _complement_head(toks) in LAW_HEADS \
            and (not lex.is_forename(toks[0].text) or is_place_name(toks[0].text, lex)):
        c.thing = True  # "Clean Air Act", "Paris Climate Accord" (a place, not a forename): laws are not actors
    while toks and (toks[-1].text in lex.function_words or toks[-1].text in lex.time_words) \
            and not (len(toks) >= 2 and (c.person_evidence or lex.forename_evidence(toks[0].text))):
        toks = toks[:-1]
    while len(toks) >= 2 and toks[-1].text in WEEKDAYS:
        toks = toks[:-1]  # "in Virginia Saturday": American usage dates without "on"
    if len(toks) >= 2 and toks[-1].text in lex.nationalities and _trailing_adjective(c, toks, lex):
        toks = toks[:-1]  # "a Toowoomba Anglican school": the adjective modifies the noun after the name
    while toks and (_contraction(toks[0].text) or toks[0].text in INTERJECTIONS):
        toks = toks[1:]
    return toks


def _trailing_adjective(c: Cand, toks: list[Token], lex: Lexicon) -> bool:
    """"a Toowoomba Anglican school", "the Melbourne Christian college": a singular nationality or religion
    adjective ending a run after a word that is none modifies the noun after the run, so it is no part of
    the name; not in a place's own name ("Eastern Mediterranean"), a team's plural ("Indianapolis
    Indians"), or a person's name a forename or a title marks ("Dawn French")."""
    last = toks[-1].text
    return not last.endswith("s") and toks[0].text not in lex.nationalities \
        and not (c.person_evidence or lex.forename_evidence(toks[0].text)) \
        and not is_place_name(" ".join(t.text for t in toks), lex)


_TEXT = attrgetter("text")


def _complement_head(toks: list[Token]) -> str:
    """The head noun of a name whose complement follows a lower-case joiner: the word before the first one
    ("Public Service Vehicle Regulations for Buses" -> "Regulations"), else the last word."""
    k = next((k for k, t in enumerate(toks) if k and not t.cap), len(toks))
    return toks[k - 1].text


def _contraction(w: str) -> bool:
    """"We're", "They’ll": a pronoun or verb with its contraction (no apostrophe, no regex search)."""
    return ("'" in w or "\u2019" in w) and CONTRACTION_RE.match(w) is not None


def _negation(w: str) -> bool:
    return ("'" in w or "\u2019" in w) and NEGATION_RE.search(w) is not None


def _region(toks: list[Token], lex: Lexicon) -> bool:
    """"Northern Syria", "Southern Rhodesia": a capitalised direction word mid-sentence before a place
    names a region of it (a sentence-initial one may be the sentence's capital)."""
    return toks[0].text in DIRECTIONS and not toks[0].initial and is_place_name(" ".join(t.text for t in toks[1:]), lex)


def _named_season(toks: list[Token], lex: Lexicon) -> bool:
    """"the Summer Institute of Linguistics": a time word that opens an organisation's name mid-sentence
    (boundaries kept it only after "the" or "of") belongs to the name."""
    return len(toks) >= 2 and toks[0].text in lex.time_words and toks[0].text not in lex.function_words \
        and len(toks[0].text) > 3 and not toks[0].initial and toks[1].text in lex.org_heads


def _strip_modifiers(c: Cand, toks: list[Token], lex: Lexicon, text: str) -> list[Token]:
    """A nationality adjective, its plural ("Ethiopians Dejene Debela and …") or a vessel prefix before a
    name is not part of it (but it is part of a state's formal name: "Islamic Republic of Iran"); events
    are things."""
    if len(toks) < 2:
        return toks  # (every rule here looks at a word before a name, or at two words)
    words = [t.text for t in toks]
    full = " ".join(words)
    if _nationality(words[0], lex) and not is_place_name(full, lex) and not _region(toks, lex) \
            and not formal_state_place(words, lex) and not _spelled_in_brackets(words, text, toks[-1].end) \
            and full not in lex.known_orgs and " ".join(words[1:]) not in lex.known_orgs \
            and not any(w in lex.org_heads or w in lex.media_heads or w in lex.place_heads for w in words[1:]):
        toks, words = toks[1:], words[1:]  # (but "British Red Cross" is one organisation)
        full = " ".join(words)
    if len(toks) >= 2 and words[0].replace(".", "") in lex.vessel_prefixes:
        # "MV Namse Bangdzod", "U.S.S. Grayback": a ship; later bare mentions of the name join it and are
        # dropped with it
        toks, words = toks[1:], words[1:]
        full = " ".join(words)
        c.thing = True
    if len(toks) >= 2 and full not in lex.known_orgs and (
            _head_word(words) in lex.event_heads and not ("of" in words and words[0] in lex.joinable_heads)
            or words[-2:] == ["World", "Congress"]):
        c.thing = True
    return toks


BRACKETED_RE = re.compile(r" \(([\w.&-]{2,12})\)")


def _spelled_in_brackets(words: list[str], text: str, end: int) -> bool:
    """"African Continental Free Trade Area (AfCFTA)": the acronym given in brackets after the name spells
    the initials of all its capitalised words, the nationality's too, so the adjective is part of the
    name (a name without it would be "CFTA")."""
    m = BRACKETED_RE.match(text, end) if text.startswith(" (", end) else None
    if m is None:
        return False
    initials = "".join(w[0] for w in words if w[:1].isupper())
    return "".join(ch for ch in m.group(1) if ch.isupper()) == initials.upper()


ROMAN_RE = re.compile(r"^[IVXLC]{1,6}$")


def _head_word(words: list[str]) -> str:
    """The head noun of a name, past a closing numeral: "World War II" -> "War", "Expo 2020" -> "Expo"."""
    if len(words) >= 3 and (words[-1].isdigit() or ROMAN_RE.match(words[-1])):
        return words[-2]
    return words[-1]


def _nationality(w: str, lex: Lexicon) -> bool:
    """"British", "Ethiopian", "Ethiopians": a nationality adjective or the people it names (not a country
    named like a plural: "Philippines")."""
    w = unmarked(w)  # "Shi'ite clerics": a transliteration's apostrophe aside
    return w in lex.nationalities or w[-1:] == "s" and w[:-1] in lex.nationalities and not is_place_name(w, lex)


def _title_without_name(words: list[str], lex: Lexicon) -> bool:
    return (words[-1],) in lex.titles and all(
        (w.lower() in lex.common_words or (w,) in lex.titles) and w not in lex.org_heads
        and w not in lex.function_words for w in words) and not lex.is_forename(words[0])


def _not_an_actor(w: str, c: Cand, lex: Lexicon, cap_mid: set[str]) -> bool:
    """A lone word that names no actor: a nationality, a faith's school, a scripture ("Qur'an", looked up as
    the lists spell it: `unmarked`), a title, a demonym, an idea, a hashtag …"""
    plain = unmarked(w)
    if plain != w and (plain in lex.nationalities or plain in lex.non_actors):
        return True
    if w in lex.nationalities or w in lex.caps_stop or w in lex.time_words or w in lex.function_words \
            or w in lex.non_actors or w.startswith("#"):
        return True
    if ("'" in w or "\u2019" in w) and (_contraction(w) or _negation(w)):  # (both need an apostrophe)
        return True
    if w[-1] == "s" and (_demonym(w, lex) or w[:-1] in lex.nationalities and w not in lex.known_orgs
                         and not is_place_name(w, lex)):
        return True  # "Londoners", "Samoans", "Republicans", "Tatars": people of a place or a party, not an actor
    if len(w) >= 3 and w[-1] == "s" and w[-2].isupper() and is_acronym(w[:-1]) and w not in lex.known_orgs:
        return True  # "URLs", "NGOs": plurals of common acronyms
    if (w.endswith(_IDEA_SUFFIXES) or _field_of_study(w)) and w not in lex.known_orgs:
        return True  # "Islamophobia", "Thatcherism": ideas; "in Linguistics": a field of study; not actors
    if ("-" in w or "\u2013" in w) and _hyphenated_non_name(w, lex):  # (most words: no dash, no call)
        return True
    if is_acronym(w) and any(ch.isdigit() for ch in w) and w not in lex.known_orgs:
        return True
    if not c.person_evidence and (len(w) == 1 or (w,) in lex.titles):
        return True
    return w.lower() in lex.role_words and not c.person_evidence and w not in cap_mid


def _field_of_study(w: str) -> bool:
    """"a degree in Linguistics", "Physics": one word with a field's ending names a field of study. A word
    with inner capitals is a compound coined as a brand ("RealClearPolitics", "CleanTechnics"), not a
    field: fields are single words."""
    return w.endswith(_FIELD_SUFFIXES) and w[:-1].isalpha() and not inner_capitals(w)


def _adherents(words: list[str], lex: Lexicon) -> bool:
    """"Senate Democrats", "Parliament Conservatives": a body's members of one party or faith are people
    it counts, not an organisation (a place before the plural names a team: "Indianapolis Indians")."""
    return words[0] in lex.org_heads and words[1][-1:] == "s" and words[1][:-1] in lex.nationalities \
        and " ".join(words) not in lex.known_orgs


def _hyphenated_non_name(w: str, lex: Lexicon) -> bool:
    """"Counter-Strike" (two common words), "anti-war"-style tails, "French-German" (two nationalities),
    "US-China" (two countries: a relation between them). Two cities joined name one conurbation
    ("Kitchener-Waterloo"), a place."""
    if "-" in w and w not in lex.known_orgs:
        parts = w.split("-")
        if len(parts) == 2 and all(len(x) >= 3 and x.lower() in lex.common_words for x in parts):
            return True
    if "-" in w or "\u2013" in w:
        parts = [x for x in re.split("[-\u2013]", w) if x]
        return parts[-1][:1].islower() or all(x in lex.nationalities or x in lex.places for x in parts) \
            and not all(x in lex.cities for x in parts)
    return False


def _known(c: Cand, words: list[str], lex: Lexicon) -> bool:
    """Names the word lists know, which need no evidence from the document ("Team Estonia")."""
    full = " ".join(words)
    return is_place_name(full, lex) or full in lex.known_orgs or c.the_name or (
        len(words) >= 2 and words[0] in lex.org_heads and " ".join(words[1:]) in lex.places)


def _sentence_initial(c: Cand, toks: list[Token], lex: Lexicon, stats: CapStats, headline: bool,
                      text: str) -> Cand | None:
    """A run opening a sentence (or in a headline) needs evidence that its first word is a name."""
    first = toks[0].text
    evidence = (first in stats.cap_mid and not headline or lex.is_forename(first) and len(toks) > 1
                and not _auxiliary_opener(toks, lex, text)) \
        and not (headline and first not in stats.cap_mid) or _acronym_opener(toks, lex)
    if evidence:
        c.toks = toks
        c.initial = toks[0].initial
        return c
    if len(toks) == 1 and _lone_plural(first, lex):
        return None  # a lone sentence-initial plural never capitalised elsewhere ("Lawsuits have been filed")
    common = first.lower() in lex.common_words or first.lower() in stats.lower_seen or (
        (len(toks) == 1 or headline) and _derived_common(first, lex))
    if not (common or headline) or _modifies_head(toks, lex) or _headline_name(toks, common, text, headline):
        c.toks = toks
        c.initial = toks[0].initial
        return c
    if len(toks) == 1:
        return None
    # drop the opener ("Protesters", "Former") and keep the rest if it stands on its own
    rest = Cand(toks[1:], kind=c.kind)
    if headline and not all(t.text in stats.cap_mid for t in rest.toks):
        return None
    w = rest.words()
    if len(w) == 1 and (w[0] in lex.nationalities or w[0] in lex.caps_stop or w[0] in lex.time_words
                        or w[0] in lex.function_words or (w[0],) in lex.titles or w[0].lower() in lex.role_words):
        return None
    if len(w) >= 2 and _title_without_name(w, lex):
        return None  # "Deputy Chief Minister of Goa": the opener dropped, a title is left
    return rest


def _acronym_opener(toks: list[Token], lex: Lexicon) -> bool:
    """"NBC News reported …": a sentence capitalises one letter, so a first word in capitals throughout
    ("NBC") was written so for its own sake, as a name's; before another name word it opens that name.
    A place's acronym there is a modifier, as a place's name is ("U.S. Republican Party")."""
    return len(toks) >= 2 and is_acronym(toks[0].text) and not is_place_name(toks[0].text, lex)


def _auxiliary_opener(toks: list[Token], lex: Lexicon, text: str) -> bool:
    """"Will Red Hat employees be barred?": a very common word that is also a forename ("Will", "May",
    "Mark") opening a sentence or a turn before a name of two words or more is the sentence's word, not a
    forename, when the article writes that name elsewhere without it (a lone surname written again,
    "Mark Smith … Smith said", is how a person is referred to, so it is no such evidence)."""
    first = toks[0].text
    if len(toks) < 3 or first.lower() not in lex.very_common:
        return False
    rest = text[toks[1].start:toks[-1].end]
    return any(not text[:at].rstrip().endswith(first) for at in occurrences(text, rest) if at != toks[1].start)


def _headline_name(toks: list[Token], common: bool, text: str, headline: bool) -> bool:
    """A headline's first word is capitalised by the headline, but when it is no common word and the body
    writes the whole run again, it opens that name ("Yuen Ren Chao", "Hagia Sophia Museum"): cutting it
    off would leave a name that does not exist."""
    if not headline or common or len(toks) < 2:
        return False
    form = text[toks[0].start:toks[-1].end]
    return text.find(form, toks[-1].end) >= 0 or text.rfind(form, 0, toks[0].start) >= 0


def _modifies_head(toks: list[Token], lex: Lexicon) -> bool:
    """"Progressive Party of Working People said", "National Council members": an adjective right before
    a body's head word is part of the name, not a sentence opener ("Allow Parliament to …" opens with a
    verb; the adjective is known by its ending)."""
    first = toks[0].text
    return len(toks) >= 2 and toks[1].text in lex.body_heads and first.lower().endswith(_ADJECTIVE_SUFFIXES) \
        and first.lower() not in lex.role_words and first not in lex.function_words


def _lone_plural(w: str, lex: Lexicon) -> bool:
    return not is_acronym(w) and not lex.is_forename(w) and w.endswith("s") and not w.endswith("ss") and (
        w[:-1].lower() in lex.common_words or w.endswith(_PLURAL_ENDINGS))


def _derived_common(w: str, lex: Lexicon) -> bool:
    """A derived form of a common word: "Recycled", "Unremarked", "Protestor", "Vigils"."""
    low = w.lower()
    if not low.isalpha() or len(low) < 5 or lex.is_forename(w) or w in lex.places:
        return False
    stems = [low] + [low[len(p):] for p in _PREFIXES if low.startswith(p) and len(low) - len(p) >= 4]
    for st in stems:
        if st != low and st in lex.common_words:
            return True
        if any(st.endswith(suf) and len(st) - len(suf) >= 4 and st[:-len(suf)] + add in lex.common_words
               for suf, add in _SUFFIXES):
            return True
    return False


def _demonym(w: str, lex: Lexicon) -> bool:
    """"Londoners", "Samoans", "Parisians", "Hong Kongers", "New Yorkers": inhabitants named after a place
    (its name and an ending), or an inhabitants' name not so derived ("Muscovites"): a group of people,
    not a person or an organisation. Plural only: "a New Yorker" is one person, "The New Yorker" a
    magazine."""
    if not w.endswith("s") or len(w) < 6 or w in lex.known_orgs or w in lex.org_aliases:
        return False
    if w in IRREGULAR_DEMONYMS:
        return True
    for suf in _DEMONYM_SUFFIXES:
        if w.endswith(suf):
            base = w[:-len(suf)]
            if base in lex.places or base + "a" in lex.places or base + "e" in lex.places \
                    or base + "ia" in lex.places or base[:-1] + "y" in lex.places:
                return True
    return False
