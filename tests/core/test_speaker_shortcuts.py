"""The speaker passes' shortcuts give the answers of the plain loops they replaced, on generated articles.

- `sentence_topic` and `organisation_topic` stop at the first mention past the sentence of the one found
  (the mentions come latest first, so no later one can change the answer) and ask the gender first;
- a text without "((" has no interview label, so the label searches are skipped;
- interview turns index each person once for initials and share one `Turn` per (speaker, addressee).
The references below are the loops as they were written before.
"""

from __future__ import annotations

from bisect import bisect_right

from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.analysis.model import Actor
from newsreader.analysis.passes import interview_turns as turns
from newsreader.analysis.passes import speaker_refs as refs
from newsreader.analysis.passes.interview_turns import (
    INTERVIEWER,
    LABEL_RE,
    Turn,
    Turns,
    in_labelled_turn,
    label_marks,
    outside_labels,
)
from newsreader.analysis.passes.quotations import TURN_REACH, find_runs, next_paragraphs
from newsreader.analysis.passes.speaker_context import PRONOUN_REACH, SpeakerContext
from newsreader.analysis.passes.speech_data import words
from newsreader.analysis.pipeline import run

SUBJECTS = ["Ann Roe", "Carl Mott", "Tom Berg", "Acme Corporation", "the Safety Board", "She", "He", "It",
            "They", "The company", "After Tom Berg resigned, Lisa Mancini", "Lopez's coach, Ann Roe,"]
VERBS = ["said", "told reporters", "criticised Acme Corporation", "met with Carl Mott", "spoke on Radio Eastport"]
TAILS = ["", ' "We will win."', " on Monday", ' that the plan was "a disaster"', " in Eastport"]

LINKS = [", while", " but", " and then", "; meanwhile", " after", " in a deal in which"]
simple = st.builds(lambda s, v, t: f"{s} {v}{t}", st.sampled_from(SUBJECTS), st.sampled_from(VERBS),
                   st.sampled_from(TAILS))
# two clauses with a subject each: the topic rules choose between several fits of one sentence
sentences = st.one_of(simple, st.builds(lambda a, link, b: f"{a}{link} {_inner(b)}", simple,
                                        st.sampled_from(LINKS), simple)).map(lambda x: x + ".")


def _inner(clause: str) -> str:
    """A clause inside a sentence: its pronoun or determiner in lower case, a name as it is."""
    first, _, rest = clause.partition(" ")
    return f"{first.lower()} {rest}" if first in ("She", "He", "It", "They", "The", "After") else clause
paragraphs = st.lists(sentences, min_size=1, max_size=4).map(" ".join)
articles = st.lists(paragraphs, min_size=1, max_size=5).map("\n\n".join)


def _context(text: str) -> SpeakerContext:
    state = run(text)
    assert state.cast is not None
    return SpeakerContext(state.doc, state.cast, find_runs(state.doc))


def _old_sentence_topic(ctx: SpeakerContext, pos: int, gender: str) -> Actor | None:
    best: tuple[int, Actor] | None = None
    best_known = False
    linked: str | None = None
    for s, e, a in reversed(ctx.spans_in(max(0, pos - PRONOUN_REACH), pos)):
        if not ctx.personal(a) or ctx.inside_quote(s) or ctx.prepositional(s) or ctx.premodifier(e) or ctx.group(a) \
                or refs._in_fronted_clause(ctx, s) or refs._possessor_of_named(ctx, e) \
                or refs._after_place_preposition(ctx, s):
            continue
        g = ctx.gender(a)
        if g not in (None, gender):
            continue
        sent = ctx.sentence_of(s)
        if best is not None and sent != best[0]:
            break
        if best is None or (linked is None and (g == gender or not best_known)) or (linked == "none" and g == gender):
            best, best_known = (sent, a), best_known or g == gender
            linked = ("known" if g == gender else "none") if refs._opens_linked_clause(ctx, s) else None
    return best[1] if best else None


def _old_organisation_topic(ctx: SpeakerContext, pos: int, reach: int) -> Actor | None:
    best: tuple[int, Actor] | None = None
    lo_sent = ctx.sentence_of(pos) - reach
    for s, e, a in reversed(ctx.spans_in(max(0, pos - PRONOUN_REACH), pos)):
        governed = a.kind == "place" and refs.governed_place(ctx, s)
        if (a.kind != "organisation" and not governed) or ctx.inside_quote(s) or ctx.premodifier(e) \
                or (ctx.prepositional(s) and not governed) or refs._after_source_phrase(ctx, s):
            continue
        sent = ctx.sentence_of(s)
        if sent < lo_sent or (best is not None and sent != best[0]):
            break
        best = (sent, a)
    return best[1] if best else None


@settings(max_examples=60, deadline=None)
@given(articles)
def test_topics_stop_early_with_the_same_answer(text: str) -> None:
    ctx = _context(text)
    for tok in ctx.doc.tokens:
        for gender in ("m", "f"):
            assert refs.sentence_topic(ctx, tok.start, gender) is _old_sentence_topic(ctx, tok.start, gender)
        for reach in (refs.THEY_REACH, refs.IT_REACH):
            assert refs.organisation_topic(ctx, tok.start, reach) is _old_organisation_topic(ctx, tok.start, reach)


LABELS = ["((WN))", "((Ann Roe))", "((AR))", "((Carl Mott))", "(note)", ""]
turn_paragraphs = st.builds(lambda lb, p: f"{lb} {p}".strip(), st.sampled_from(LABELS), paragraphs)
transcripts = st.lists(turn_paragraphs, min_size=1, max_size=6).map("\n\n".join)


def _old_turns(labels: list[turns.Label], introduced: list[Actor | None]) -> list[Turn]:
    holder: list[turns.Label] = []
    current: turns.Label = None
    for lb in labels:
        current = lb if lb is not None else current
        holder.append(current)
    nxt: list[Actor | None] = [None] * len(holder)
    upcoming: Actor | None = None
    for i in range(len(holder) - 1, -1, -1):
        upcoming = holder[i] if isinstance(holder[i], Actor) else upcoming
        nxt[i] = upcoming
    out: list[Turn] = []
    last: Actor | None = None
    for i, h in enumerate(holder):
        if isinstance(h, Actor):
            last = h
            out.append(Turn(speaker=h))
        elif h == INTERVIEWER and labels[i] is None and introduced[i] is not None:
            out.append(Turn(speaker=introduced[i]))
        elif h == INTERVIEWER:
            out.append(Turn(addressee=nxt[i] or last or introduced[i]))
        else:
            out.append(turns.NO_TURN)
    return out


def _old_label(text: str, ps: int, pe: int, spans: list[turns.Span], starts: list[int],
               initials: dict[str, list[Actor]]) -> turns.Label:
    m = LABEL_RE.match(text, ps, pe)
    if m is None:
        return None
    if not initials:
        initials.update(_old_initials(spans))
    person = turns._person_named(m, spans, starts) or turns._person_with_initials(m.group(1).strip(), initials)
    if person is not None:
        return person
    asks = text[ps:pe].rstrip().endswith("?")
    return INTERVIEWER if asks or m.group(1).strip().lower() in words("interviewer_labels") else ""


def _old_initials(spans: list[turns.Span]) -> dict[str, list[Actor]]:
    out: dict[str, list[Actor]] = {"": []}
    for _s, _e, a in spans:
        if a.kind == "person":
            same = out.setdefault("".join(w[0] for w in a.name.split() if w[:1].isalpha()).upper(), [])
            if not any(x is a for x in same):
                same.append(a)
    return out


@settings(max_examples=60, deadline=None)
@given(transcripts)
def test_turns_and_label_searches_match_the_plain_loops(text: str) -> None:
    state = run(text)
    assert state.cast is not None
    doc, spans = state.doc, state.cast.spans
    labels = [m.span() for m in (LABEL_RE.match(doc.text, ps, pe) for ps, pe in doc.paragraphs) if m]
    starts = [a for a, _ in labels]
    old_outside = [sp for sp in spans if (i := bisect_right(starts, sp[0]) - 1) < 0 or sp[0] >= labels[i][1]]
    marks = label_marks(doc)
    assert [m and m.span() for m in marks] == [m and m.span() for m in (LABEL_RE.match(doc.text, ps, pe)
                                                                       for ps, pe in doc.paragraphs)]
    assert outside_labels(spans, marks) == old_outside
    for para in range(len(doc.paragraphs)):
        assert in_labelled_turn(marks, para, TURN_REACH) == any(
            LABEL_RE.match(doc.text, *doc.paragraphs[i]) for i in range(para, max(-1, para - TURN_REACH), -1))
    assert turns._initials_index(spans) == _old_initials(spans)
    new = Turns(doc, spans, marks)
    initials: dict[str, list[Actor]] = {}
    span_starts = [sp[0] for sp in spans]
    old_labels = [_old_label(doc.text, ps, pe, spans, span_starts, initials) for ps, pe in doc.paragraphs]
    old = _old_turns(old_labels, turns._introduced(spans, span_starts, doc.paragraphs, old_labels)) \
        if any(lb is not None for lb in old_labels) else []
    assert new.turns == old


@given(st.integers(0, 30).flatmap(lambda n: st.tuples(st.just(n), st.sets(st.integers(0, max(0, n - 1))))))
def test_next_paragraphs_is_the_forward_search(case: tuple[int, set[int]]) -> None:
    n, captions = case
    assert next_paragraphs(n, captions) == [next((i for i in range(p + 1, n) if i not in captions), None)
                                           for p in range(n)]
