"""Mentions: canonical names and kinds, then every occurrence of every known form.

Rules: an entity counts only if one of its candidates was strong and it names no thing; its name is its
fullest form (acronyms and birth names only when nothing else is known); its kind comes from the votes,
then from how its mentions are used ("in X" is a place). Every form is then found wherever it occurs as a
whole name — this catches sentence-initial and headline mentions the candidate rules could not trust.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress
from operator import itemgetter

from ..lexicon import Lexicon, lexicon
from ..model import Actor, Mention
from ..names import form_words, gender_of, is_acronym, is_place_name
from ..state import Cast, DocState, Entity
from ..text import Token, capitalised
from .kinds import BODY_NOUNS, context_kind, resolve_kind


def canonical_names(state: DocState) -> None:
    """Choose each surviving entity's name, kind and gender."""
    lex = state.lex
    state.roots = [e for e in state.entities if e.merged_into is None and e.strong and not _is_thing(e, lex)]
    for e in state.roots:
        if not e.hinted:
            forms = [f for f in e.forms if (not is_acronym(f) or len(e.forms) == 1) and f not in e.minor]
            if not forms:
                forms = [f for f in e.forms if f not in e.minor] or list(e.forms)
            e.name = max(forms, key=lambda f: (len(f.split()), len(f), e.counts.get(f, 0), f))
            e.kind = resolve_kind(e, lex)
        if e.gender is None and e.kind in ("person", None):
            e.gender = gender_of(e.name.split(), lex)
            if e.minor:
                # a birth name may tell the gender that a stage name hides ("Ginger Baker" / "Peter …")
                gs = {gender_of(f.split(), lex) for f in e.forms if len(f.split()) >= 2} - {None}
                e.gender = gs.pop() if len(gs) == 1 else None


def _is_thing(e: Entity, lex: Lexicon) -> bool:
    """Vessels, events and products named like actors; a title or a known name keeps an actor."""
    if not e.thing_votes or e.hinted or e.title_votes:
        return False
    if any(f in lex.known_orgs or is_place_name(f, lex) for f in e.forms):
        return False
    return e.thing_votes * 4 >= max(1, e.cand_count)


def find_mentions(state: DocState) -> None:
    """Every occurrence of every form, longest form first, as a whole name (not part of a longer one)."""
    form_index = forms_by_first_word(state)
    toks, texts = state.doc.tokens, state.doc.texts
    if state.heads:
        toks, texts = list(toks), list(texts)
        for k, h in state.heads.items():
            toks[k], texts[k] = h, h.text  # the name parts of "Luxembourg-based" words are mentions too
    nxt = 0  # the first token not inside the last mention recorded
    for i in form_starts(state, form_index, texts):
        if i >= nxt and i not in state.captions:
            nxt = i + (_match_at(state, toks, texts, i, form_index[texts[i]]) or 1)


FormIndex = dict[str, list[tuple[list[str], Entity]]]


def forms_by_first_word(state: DocState) -> FormIndex:
    """Each form's words with its entity, by the form's first word, longest form first."""
    form_index: FormIndex = {}
    for e in state.roots:
        for form in e.forms:
            ws = form_words(form)
            if ws:
                form_index.setdefault(ws[0], []).append((ws, e))
    for lst in form_index.values():
        lst.sort(key=lambda x: (-len(x[0]), x[0]))  # (ties in a fixed order: sets have none)
    return form_index


def form_starts(state: DocState, form_index: FormIndex, texts: list[str]) -> Iterator[int]:
    """The indices of the tokens whose text opens a form (`texts`: the tokens' texts, heads put in), in order.

    Only those tokens are visited: when every form opens with a capitalised word (nearly always), a token
    that matches one is capitalised too, so the capitalised tokens (a third of the words) and the heads are
    the only ones tested; else every text is tested, in C, and the tokens picked by their starts."""
    doc = state.doc
    if all(map(capitalised, form_index)):
        # (a head is cut from a capitalised word today; one cut from any other word is visited all the same)
        picked = sorted({*doc.capitalised, *state.heads}) if state.heads else doc.capitalised
        return (i for i in picked if texts[i] in form_index)
    return map(doc.index_of.__getitem__, compress(doc.starts, map(form_index.__contains__, texts)))


def _match_at(state: DocState, toks: list[Token], texts: list[str], i: int,
              opts: list[tuple[list[str], Entity]]) -> int:
    """Record the longest form matching at token i; its length in tokens (0 if none)."""
    text = state.doc.text
    n = len(toks)
    for ws, e in opts:
        size = len(ws)
        if i + size > n or texts[i:i + size] != ws:
            continue
        span = (toks[i].start, toks[i + size - 1].end)
        # words must be adjacent (single spaces) to count as one mention
        if span in state.first_pass or all(
                text[toks[i + k].end:toks[i + k + 1].start] in (" ", "") for k in range(size - 1)) \
                and (i + size == n or not _continues_name(toks, i + size - 1, text)) \
                and (i == 0 or not _continues_name_back(toks, i, text)):
            e.mentions.append(span)
            return size
    return 0


def _continues_name(toks: list[Token], k: int, text: str) -> bool:
    """True when the token after k is capitalised and directly attached (the match is part of a longer name)."""
    t = toks[k]
    if k + 1 >= len(toks):
        return False
    nxt = toks[k + 1]
    return t.poss_end == t.end and nxt.cap and text[t.end:nxt.start] == " " and not nxt.initial


def _continues_name_back(toks: list[Token], i: int, text: str) -> bool:
    prev, cur = toks[i - 1], toks[i]
    lex = lexicon()
    return (prev.cap and prev.poss_end == prev.end and text[prev.end:cur.start] == " " and not cur.initial
            and prev.text not in lex.function_words and prev.text not in lex.time_words
            and (prev.text,) not in lex.titles and prev.text not in lex.nationalities
            and not is_place_name(prev.text, lex))


def context_kinds(state: DocState) -> None:
    """Kinds still undecided come from how the mentions are used ("in X", "X said")."""
    for e in state.roots:
        if e.kind is None:
            e.kind = context_kind(e, state.doc, state.lex)


def body_anaphora(state: DocState) -> None:
    """"Hasbro hosted a panel. The company's new helmet …": a name opening a sentence is its subject, and
    a next sentence opening with "the" and a noun for a body ("company", "group", "party") refers back to
    it, so the name is an organisation's; each such reference is one organisation vote. People are not
    called "the company", so a name with a person's evidence (a title, a forename) casts no such vote:
    there the body is another one ("Maria Lopez joined the firm. The company hired …")."""
    toks, index_of, sentences = state.doc.tokens, state.doc.index_of, state.doc.sentences
    for e in state.roots:
        if e.hinted or e.title_votes or e.person_votes:
            continue
        for s, _ in e.mentions:
            k = index_of.get(s)
            if k is None or not toks[k].initial:
                continue
            nxt = toks[k].sent + 1  # (the next sentence's first word: sentences are numbered in order)
            j = sentences[nxt][0] if nxt < len(sentences) else None
            if j is not None and j + 1 < len(toks) and toks[j].lower == "the" \
                    and toks[j + 1].lower in BODY_NOUNS and toks[j + 1].sent == toks[j].sent:
                e.org_votes += 1


def labels_only(state: DocState) -> None:
    """A name met only in photo labels ("Tony Stark", under a picture of a costume) and never in the
    article's prose has nothing said about it: the prose is where actors act. Places are kept."""
    toks, index_of = state.doc.tokens, state.doc.index_of

    def in_prose(start: int) -> bool:
        k = index_of.get(start)
        return k is None or toks[k].para not in state.fragments

    state.roots = [e for e in state.roots if e.hinted or e.kind == "place" or e.title_votes
                   or any(in_prose(s) for s, _ in e.mentions)]


def build_cast(state: DocState) -> None:
    """The actors in order of first mention, with sorted mentions (in body offsets: `state.body_start`;
    the spans the speaker passes read keep the document's)."""
    text, off = state.doc.text, state.body_start
    actors: list[Actor] = []
    gender: dict[str, str | None] = {}
    spans: list[tuple[int, int, Actor]] = []
    seen: dict[str, Actor] = {}
    forms: dict[str, set[str]] = {}  # actor name -> the forms of all its mentions, the headline's too
    for e in sorted(state.roots, key=_first_mention):
        if not e.mentions:
            continue
        a = seen.get(e.name)
        if a is None:
            a = seen[e.name] = Actor(name=e.name, kind=e.kind or "organisation")
            actors.append(a)
            gender[a.name] = e.gender
            forms[a.name] = set()
        for s, en in sorted(set(e.mentions)):
            form = text[s:en]
            forms[a.name].add(form)
            if s >= off:
                a.mentions.append(Mention(s - off, en - off, form))
            spans.append((s, en, a))
        a.aliases = sorted(forms[a.name] - {a.name})
    spans.sort(key=itemgetter(0, 1))
    state.cast = Cast(actors, spans, gender)


def _first_mention(e: Entity) -> int:
    # (the least start, taken from the starts alone: no comparison of (start, end) pairs)
    return min(map(itemgetter(0), e.mentions)) if e.mentions else 1 << 60
