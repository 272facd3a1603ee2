"""Entities: candidates grouped by surface form, each form collecting its candidates' votes.

Rules: the user's hints are entities from the start and win over the rules; every candidate votes for a
kind; a candidate after a work noun ("the film Alien") or its maker ("the author of Alice in Wonderland"),
or before a thing noun ("the Kepler telescope", "the Galileo and Ulysses spacecraft") or an example of a
class of things ("devices (e.g. Raspberry Pi)") votes that the name is a thing, not an actor; "X was born
Y" and "Long Name (LN)" record alias links for the coreference pass.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, rule_words
from ..model import KINDS
from ..names import NAME_SUFFIXES, acronymish, is_initial
from ..state import Cand, CapStats, DocState, Entity
from ..text import Token, tokenize

# A lower-case noun right before a run that makes the run the title of a work or a product:
# "her graphic novel Angel Catbird", "the film Alien", "the game Counter-Strike".
WORK_NOUNS = rule_words("actors_work_nouns")
WORK_MAKERS = rule_words("actors_work_makers")  # "the author of X": what an author makes is a work
BORN_RE = re.compile(r"\b([A-Z][\w'\u2019.-]*(?: [A-Z][\w'\u2019.-]*){0,3})(?:,| \()? "
                     r"(?:who )?(?:was )?(?:born|n[ée]e) $")
_NEXT_WORD_RE = re.compile(r"[a-z][a-z-]*\b")
# "the Kepler space telescope": one modifier between a name and its thing noun
THING_MODIFIERS = rule_words("actors_thing_modifiers")
EPONYM_NOUNS = rule_words("actors_eponym_nouns")
MODIFIED_THINGS = rule_words("actors_modified_things")
LATIN_ENDINGS = tuple(sorted(rule_words("actors_latin_endings"), key=len, reverse=True))
EXAMPLE_MARKERS = rule_words("actors_example_markers")  # "devices (e.g. X)", "browsers such as X"
_EXAMPLE_ENDS = tuple(EXAMPLE_MARKERS)
# the markers no other marker is part of ("(e.g." for "(e.g.,"): an article holds a marker when it holds one
# of these. One that opens with a bracket ends in a word the tokenizer finds whatever stands before it
# ("e.g.", "eg"), a look-up among the article's words; the others ("such as") are searched in the text.
_EXAMPLE_NEEDLES = tuple(sorted(m for m in EXAMPLE_MARKERS if not any(o != m and o in m for o in EXAMPLE_MARKERS)))
_EXAMPLE_WORDS = frozenset(tokenize(m).tokens[-1].text for m in _EXAMPLE_NEEDLES if m[0] == "(")
_EXAMPLE_SEARCHED = tuple(m for m in _EXAMPLE_NEEDLES if m[0] != "(")
EXAMPLE_RE = re.compile(r"([a-z]+),? ({})$".format("|".join(re.escape(m) for m in sorted(EXAMPLE_MARKERS))))


def hint_entities(state: DocState) -> None:
    """The user's declared actors: exact forms, matched first, never overruled."""
    for h in state.hints:
        try:
            name = str(h.name).strip()
        except Exception:  # noqa: BLE001 - a broken hint must not break analysis
            continue
        if not name:
            continue
        kind = h.kind if h.kind in KINDS else None
        e = state.by_form.get(name) or Entity(name, kind)
        e.kind = kind or e.kind
        e.hinted = e.strong = True
        for form in (name, *[str(a) for a in (h.aliases or ()) if str(a).strip()]):
            e.forms.add(form)
        state.by_form[name] = e
    state.by_form = {form: e for e in {id(e): e for e in state.by_form.values()}.values() for form in e.forms}


def group_forms(state: DocState) -> None:
    """One entity per surface form; each candidate adds its votes and its alias links."""
    text = state.doc.text
    # (an example marker anywhere in the article, searched once: most articles give no example)
    examples = may_give_examples(text, state.stats)
    state.first_pass = {(c.toks[0].start, c.toks[-1].end) for c in state.cands}  # (c.start, c.end)
    for idx, c in enumerate(state.cands):
        form = " ".join(text[c.toks[0].start:c.toks[-1].end].split())
        last = c.toks[-1].text
        if len(c.toks) >= 2 and (is_initial(last) or last in NAME_SUFFIXES and not last.isupper()) \
                and text[c.end:c.end + 1] in (".", "\u2024"):
            form += text[c.end]  # a trailing initial or suffix keeps its dot: "Sergey M.", "Robert Downey Jr."
        e = state.by_form.get(form)
        if e is None:
            e = state.by_form[form] = Entity(form, c.kind, forms={form})
        _vote(e, c, form)
        if _names_a_thing(c, state, examples):
            e.thing_votes += 1
        _links(state, idx, c, form)
    state.entities = list({id(e): e for e in state.by_form.values()}.values())


def _vote(e: Entity, c: Cand, form: str) -> None:
    if not c.weak:
        e.strong = True
    if c.kind == "person":
        e.person_votes += 2 if c.person_evidence else 1
    elif c.kind == "organisation":
        e.org_votes += 1
    elif c.kind == "place":
        e.place_votes += 1
    if c.gender and not e.gender:
        e.gender = c.gender
    e.cand_count += 1
    e.counts[form] = e.counts.get(form, 0) + 1
    if c.person_evidence:
        e.title_votes += 1


def _names_a_thing(c: Cand, state: DocState, examples: bool) -> bool:
    """"the film Alien", "the Kepler space telescope": the run names a work or a thing (`examples`: the
    article holds an example marker at all)."""
    lex, toks, text = state.lex, state.doc.tokens, state.doc.text
    start, last = c.toks[0].start, c.toks[-1]  # (c.start, c.end: property calls)
    k0 = state.doc.index_of.get(start, 0)
    wb = toks[k0 - 1] if k0 and not c.person_evidence else None
    nxt = _next_word(text, last)  # (the lower-case word after the name, read once for the three rules that ask)
    if c.thing or (wb is not None and wb.text in WORK_NOUNS and wb.end + 1 == start) or _genus(c, nxt, lex) \
            or len(c.toks) == 1 and _eponym(text, last):
        return True
    if wb is not None and wb.text == "of" and k0 >= 2 and toks[k0 - 2].text in WORK_MAKERS:
        return True
    if examples and wb is not None and _example_of_things(text, start, lex):
        return True
    return ((_thing_after(text, last, nxt, lex) or _conjunct_thing(text, last.end, lex))
            and not (len(c.toks) >= 2 and lex.is_forename(c.toks[0].text)  # "a James Cagney film"
                     and nxt in WORK_NOUNS)
            and not any(t.text in lex.org_heads for t in c.toks))  # "the Border Force vessel"


def may_give_examples(text: str, stats: CapStats) -> bool:
    """The article holds an example marker (`_example_of_things` holds nowhere else)."""
    return any(w in stats.lower_seen or w in stats.cap_seen for w in _EXAMPLE_WORDS) \
        or any(m in text for m in _EXAMPLE_SEARCHED)


def _example_of_things(text: str, start: int, lex: Lexicon) -> bool:
    """"small devices (e.g. Raspberry Pi)", "browsers such as Firefox": a name given as an example of a
    class of things (the noun before "e.g." or "such as" is a thing noun: a device, a drug, a game) is
    one of those things, not an actor ("firms such as Acme" name bodies: no thing noun)."""
    if text[start - 1:start] != " " or not text.endswith(_EXAMPLE_ENDS, max(0, start - 12), start - 1):
        return False  # (most names: no example marker right before them, settled without a search)
    m = EXAMPLE_RE.search(text, max(0, start - 40), start - 1)
    return m is not None and m.end() == start - 1 and m.group(1) in lex.thing_nouns


def _eponym(text: str, last: Token) -> bool:
    """"Parkinson's disease", "Murphy's law": a surname whose possessive modifies a noun for a disease, a law
    of nature or a comet names that thing after a person (an eponym), not an actor of the story ("Tom
    Reed's disease", with a forename, is a person's illness: the caller asks of lone words only)."""
    if last.poss_end == last.end:
        return False  # (most names: no possessive after them)
    m = _NEXT_WORD_RE.match(text, last.poss_end + 1) if text[last.poss_end:last.poss_end + 1] == " " else None
    return m is not None and m.group() in EPONYM_NOUNS


def _genus(c: Cand, w: str, lex: Lexicon) -> bool:
    """A lone capitalised word before a lower-case Latin epithet (`w`, the word after it) is the genus of
    a species name ("Formica fusca", "Vibrio coralliilyticus"): binomial nomenclature names organisms, not
    actors."""
    if len(c.toks) != 1 or c.person_evidence:
        return False
    return len(w) >= 4 and w.endswith(LATIN_ENDINGS) and w not in lex.common_words \
        and w not in lex.function_words and "-" not in w


def _links(state: DocState, idx: int, c: Cand, form: str) -> None:
    """Birth names ("Ginger Baker was born Peter Edward Baker") and bracketed acronyms ("… (WHO)")."""
    text = state.doc.text
    start = c.toks[0].start  # (c.start: a property call)
    if c.kind in ("person", None) and len(c.toks) >= 2 and text[start - 5:start] in ("born ", " née ", " nee "):
        m = BORN_RE.search(text, max(0, start - 80), start)
        if m:
            state.born_links.append((re.split(r"[.!?] ", m.group(1))[-1], form))
    after = text[c.toks[-1].poss_end:c.toks[-1].poss_end + 2]
    if after == " (" and idx + 1 < len(state.cands):
        nxt = state.cands[idx + 1]
        short = " ".join(text[nxt.start:nxt.end].split())
        if text[nxt.end:nxt.end + 1] == ")" and nxt.start == c.toks[-1].poss_end + 2 and (
                acronymish(short) or acronymish(form)):
            state.acronym_links.append((form, short))


def _thing_after(text: str, last: Token, w: str, lex: Lexicon) -> bool:
    """The run is a modifier of a lower-case thing noun: "the Kepler space telescope", "the EastMed pipeline"
    (`w`: the lower-case word after the run's last token, `_next_word`)."""
    if last.poss_end != last.end or not w:
        return False
    if w in lex.thing_nouns:
        return True
    if w not in THING_MODIFIERS:
        return False
    after = last.end + 1 + len(w)
    m2 = _NEXT_WORD_RE.match(text, after + 1) if text[after:after + 1] == " " else None
    return m2 is not None and m2.group() in MODIFIED_THINGS


CONJUNCT_RE = re.compile(r" and [A-Z][\w-]*(?: [A-Z][\w-]*)* ([a-z]+)\b")


def _conjunct_thing(text: str, end: int, lex: Lexicon) -> bool:
    """"the Galileo and Ulysses spacecraft": the first of two names sharing one thing noun is a thing too."""
    m = CONJUNCT_RE.match(text, end) if text.startswith(" and ", end) else None
    return m is not None and m.group(1) in lex.thing_nouns


def _next_word(text: str, last: Token) -> str:
    m = _NEXT_WORD_RE.match(text, last.end + 1) if text[last.end:last.end + 1] == " " \
        and "a" <= text[last.end + 1:last.end + 2] <= "z" else None  # (a lower-case letter first)
    return m.group() if m else ""
