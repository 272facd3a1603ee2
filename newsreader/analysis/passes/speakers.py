"""Speakers: which actor says each quoted run, from its own speech frame or from the runs around it.

A quotation running over several paragraphs takes the first cue found in any of them. Runs without a
frame of their own inherit (notes/analysis.md A5 steps 3-4): the halves of a split quote
share a speaker when no other subject is named between them (the subject of a reported "that" clause is
none), a continued multi-paragraph quotation keeps
its speaker, a paragraph that is only a quotation continues the speaker of the quotation just before it,
and a paragraph ending "X said:" introduces the quotation-only paragraph below it.
"""

from __future__ import annotations

from bisect import bisect_left

from ..text import WORD_RE
from . import speaker_documents as docs
from . import speaker_refs as refs
from .quotations import Run
from .sentences import last_sentence_end, next_sentence_end
from .speaker_context import APOSTROPHES, WINDOW, Hit, SpeakerContext
from .speech_data import mapping, words
from .speech_frames import (
    answer_to_question,
    before_window,
    closes_its_sentence,
    frame_after,
    frame_before,
    subject_before_verb,
)


# --------------------------------------------------------------------------------------------- passes
def attribute(ctx: SpeakerContext) -> None:
    """Run the speaker passes over every run, in order: own frames, inheritance, colon intros, for
    first-person words without any cue the person the sentence is about, and for a whole-sentence
    quotation without any cue the person subject of the sentence before it."""
    attribute_by_frames(ctx)
    share_group_speakers(ctx.runs)
    inherit_speakers(ctx.runs, ctx)
    attribute_colon_intros(ctx)
    attribute_first_person(ctx)
    attribute_sentence_quotations(ctx)
    attribute_introduced_after(ctx)


def attribute_by_frames(ctx: SpeakerContext) -> None:
    """Each run takes the speaker its own frame names: the frame after it, unless that names nobody and the
    frame before names someone (a continued paragraph only from a frame after it: '…\n\n"…," Blake said.')."""
    for k, r in enumerate(ctx.runs):
        found = frame_after(ctx, k)
        # 'Trump, who called it a "hoax," said nothing': an unnamed frame after yields to a named one before,
        # in the run's own sentence (the sentence before may not overrule it); so does any frame in the next
        # sentence when the run's own sentence introduces it ('Yu said: "…." Amnesty has called for …')
        if not r.cont and (found is None or not _opens_sentence(ctx, k) and (
                found[0] is None or closes_its_sentence(ctx, k))):
            before = frame_before(ctx, k)
            found = before if before and (before[0] is not None or found is None or closes_its_sentence(ctx, k)) \
                else found
        found = found or possessed_run(ctx, k)
        if found:
            r.speaker, r.speaker_span = found
            r.attributed = r.direct = True


def possessed_run(ctx: SpeakerContext, k: int) -> Hit | None:
    """'The company's new helmet is their "number one requested hero helmet."': a run with no frame of its
    own, right after a possessive pronoun, is the possessor's own description in their words; the pronoun
    resolves as its subject form would ("their" the latest organisation that was a subject). Named
    speakers only: an unresolved pronoun leaves the run to the later passes."""
    r = ctx.runs[k]
    before = ctx.words(max(ctx.doc.paragraphs[r.para][0], r.open_pos - 12), r.open_pos)[-1:]
    if not before or ctx.text[before[0][1]:r.open_pos].strip() or \
            before[0][2].lower() not in mapping("possessive_pronoun_subjects"):
        return None
    got = docs.pronoun_possessor(ctx, [before[0], (r.start, r.end, "")])
    return got if got and got[0] is not None else None


def _opens_sentence(ctx: SpeakerContext, k: int) -> bool:
    """Nothing of the run's sentence stands before its opening mark."""
    s, e = before_window(ctx, k)
    return not ctx.text[s:e].strip()


def share_group_speakers(runs: list[Run]) -> None:
    """A quotation running over several paragraphs has one speaker: the first cue found in any of its
    paragraphs ('"We will win.\n\n"We will fight," Blake said.') names it for the paragraphs before it too,
    before any guess from the paragraph above the quotation is made."""
    cue: dict[int, Run] = {}
    for r in runs:
        if r.direct and r.group not in cue:
            cue[r.group] = r
    for r in runs:
        src = cue.get(r.group)
        if src is not None and not r.attributed:
            r.speaker, r.speaker_span, r.attributed = src.speaker, src.speaker_span, True


def inherit_speakers(runs: list[Run], ctx: SpeakerContext) -> None:
    """Runs without a frame share a speaker: with their multi-paragraph quotation, with the other runs of
    their paragraph (split quotes), or, for a paragraph that is only a quotation, with the run just before.
    An interview answer's 'I said' names no earlier run of its paragraph: the person answering often
    repeats others' words first ('they would demand "…". Then I thought: "…"')."""
    first_in_para: dict[int, Run] = {}
    for r in runs:
        if r.attributed:
            first_in_para.setdefault(r.para, r)
    last_in_group: dict[int, Run] = {}
    last_in_para: dict[int, Run] = {}
    prev: Run | None = None
    for k, r in enumerate(runs):
        if not r.attributed:
            src = last_in_group.get(r.group) if r.cont else None
            if src is None:
                src = last_in_para.get(r.para) or first_in_para.get(r.para)
                src = src if src is not None and _nothing_intervenes(ctx, src, r) and \
                    not (src.start > r.start and (_deictic(ctx, (src.speaker, src.speaker_span))
                                                  or _named_after(ctx, src, k))) else None
            if src is None and prev is not None and _quote_only_para(ctx, r) and prev.para >= r.para - 1 \
                    and _nothing_intervenes(ctx, prev, r):
                src = prev
            if src is not None and src.attributed:
                r.speaker, r.speaker_span, r.attributed = src.speaker, src.speaker_span, True
        if r.attributed:
            last_in_group[r.group] = r
            last_in_para[r.para] = r
        prev = r


def _nothing_intervenes(ctx: SpeakerContext, src: Run, r: Run) -> bool:
    """Between two runs of a paragraph no other actor of the speaker's kind is named as a subject,
    so the later run still continues the earlier one's speaker ('"A," X said, "B"', 'X said "A" in order
    to "B"'), while 'X called it "A", while Y called it "B"' does not."""
    lo, hi = (src.outer_end, r.open_pos) if src.start < r.start else (r.outer_end, src.open_pos)
    rival = "person" if src.speaker is None else src.speaker.kind  # an outlet beside a person is no rival
    for st, en, a in ctx.spans_in(lo, hi):
        if a.kind == rival and a is not src.speaker and not ctx.inside_quote(st) and not ctx.prepositional(st) \
                and ctx.text[en:en + 1] not in APOSTROPHES and not _reported_subject(ctx, lo, st):
            return False  # "Huber's partner Erick Rowan": a possessor is no subject
    return True


def _reported_subject(ctx: SpeakerContext, lo: int, st: int) -> bool:
    """'Trump wrote that the inquiry was "illegal" and that Schiff should "resign"': a name right after
    "that" is the subject of a clause the speaker reports, not a new speaker; so is one right after
    "which" ('Lind said of the flood, which Mott called a disaster'): a relative clause's subject."""
    prev = ctx.words(lo, st)[-1:]
    if not prev:
        return False
    w = prev[0][2].lower()
    return w in words("complementizers") or w in words("object_relative_pronouns")


def _quote_only_para(ctx: SpeakerContext, r: Run) -> bool:
    """The run opens its paragraph."""
    return r.open_pos - ctx.doc.paragraphs[r.para][0] <= 1


def attribute_colon_intros(ctx: SpeakerContext) -> None:
    """A paragraph closing on a speech cue introduces the quotation-only paragraph(s) below it: 'X said:'
    (any cue before the colon, or else the subject of the colon's sentence: 'X listed her demands:'), or a
    last sentence whose strong speech verb names its subject ('Weber disagreed sharply.' then '"It will
    fail."'); a first-person quotation goes to a person subject of that sentence with any verb
    (`_first_person_after_subject`)."""
    runs = ctx.runs
    for k, r in enumerate(runs):
        if r.attributed or r.para == 0 or not _quote_only_para(ctx, r):
            continue
        found = _answer_below(ctx, r) or _intro_of_previous_paragraph(ctx, r.para - 1) \
            or _first_person_after_subject(ctx, r)
        if not found:
            continue
        r.speaker, r.speaker_span = found
        r.attributed = True
        for x in runs[k + 1:]:
            if x.group != r.group and x.para != r.para:
                break
            if x.group == r.group or not x.attributed:
                x.speaker, x.speaker_span, x.attributed = r.speaker, r.speaker_span, True


def _answer_below(ctx: SpeakerContext, r: Run) -> Hit | None:
    """'Roe asked Carl Mott whether he regretted it.' then '"Not for a second."': a paragraph ending on a
    question put to a person introduces that person's answer (`answer_to_question`)."""
    pps, ppe = ctx.doc.paragraphs[r.para - 1]
    last = last_sentence_end(ctx.text, max(pps, ppe - WINDOW), ppe, inner_only=True)
    if ctx.quote_starts and bisect_left(ctx.quote_starts, ppe) > bisect_left(ctx.quote_starts, last):
        return None  # the sentence holds a quotation of its own
    return answer_to_question(ctx, r, last, ppe)


def _intro_of_previous_paragraph(ctx: SpeakerContext, p: int) -> Hit | None:
    pps, ppe = ctx.doc.paragraphs[p]
    if ctx.text[ppe - 1:ppe] == ":":  # 'X said:' or, with any verb, 'X listed her demands:'
        ss = last_sentence_end(ctx.text, max(pps, ppe - WINDOW), ppe - 1)
        # ("Roe's statement in full:": the possessor of the statement, as in a sentence's own intro)
        return subject_before_verb(ctx, pps, ppe - 1) or refs.clause_subject(ctx, ss, ppe - 1) \
            or docs.statement_possessor(ctx, ss, ppe - 1) or docs.possessor_subject(ctx, ctx.words(ss, ppe - 1))
    last = last_sentence_end(ctx.text, max(pps, ppe - WINDOW), ppe, inner_only=True)
    quote_between = ctx.quote_starts and bisect_left(ctx.quote_starts, ppe) > bisect_left(ctx.quote_starts, last)
    if ctx.inside_quote(ppe - 1) or quote_between:
        return None  # the sentence holds a quotation of its own
    got = subject_before_verb(ctx, last, ppe, strong_only=True)
    return got if got and got[0] is not None else None


def _first_person_after_subject(ctx: SpeakerContext, r: Run) -> Hit | None:
    """'Coach Tom Berg was furious after the match.' then '"The referee was wrong. We deserved better."': a
    quotation-only paragraph in the first person, with no cue anywhere, is said by the person the last
    sentence of the paragraph above has as its subject (that sentence holding no quotation of its own)."""
    first_person = words("first_person_words")
    if not any(w.lower() in first_person for w in WORD_RE.findall(ctx.text[r.start:r.end])):
        return None
    return _person_of_sentence_before(ctx, *ctx.doc.paragraphs[r.para - 1])


def attribute_first_person(ctx: SpeakerContext) -> None:
    """Quoted words in the first person ("my love for Halloween") are someone's speech even without a
    cue: with no frame of their own they go to the person who opens their sentence ('Lisa Mancini has been
    cosplaying for two years, her "passion" for the hobby "stemmed through my love for Halloween."'), or,
    when they open the sentence, the person who opens the sentence before (`_previous_sentence_subject`);
    the later unattributed runs of the paragraph go with them."""
    first_person = words("first_person_words")
    for k, r in enumerate(ctx.runs):
        if r.attributed or not any(w.lower() in first_person for w in WORD_RE.findall(ctx.text[r.start:r.end])):
            continue
        ss = ctx.sentence_start(r.open_pos)
        own = ss < r.open_pos and bool(ctx.text[ss:r.open_pos].strip())
        hit = refs.clause_subject(ctx, ss, r.open_pos) if own else _previous_sentence_subject(ctx, r, ss)
        if hit is None or hit[0] is None or hit[0].kind != "person" or _deictic(ctx, hit):
            continue
        r.speaker, r.speaker_span, r.attributed = hit[0], hit[1], True
        for x in ctx.runs[k + 1:]:  # later runs of the paragraph with no cue continue it, as in inherit_speakers
            if x.para != r.para or x.attributed or not _nothing_intervenes(ctx, r, x):
                break
            x.speaker, x.speaker_span, x.attributed = r.speaker, r.speaker_span, True


def _named_after(ctx: SpeakerContext, src: Run, k: int) -> bool:
    """'Echoing an email about a mysterious "big guy" who took a cut, Trump said, "…"': the earlier run r
    (`ctx.runs[k]`) stands inside a phrase of its sentence that holds no speech verb (a speech word after a
    determiner is a noun), and the later run's speaker is written after r, so the cue introduces only the
    later run; r is a term of that phrase, not the later speaker's words. A run opening its sentence ('"A",
    Martin opines, "B"') or after a speech word ('Saying "…", Fernández added, "…"') still shares the later
    run's speaker."""
    r = ctx.runs[k]
    if src.speaker_span is None or not r.outer_end <= src.speaker_span[0] < src.open_pos:
        return False
    s, e = before_window(ctx, k)
    before = [w.lower() for w in WORD_RE.findall(ctx.text[s:e])]
    markers = words("noun_markers")  # ('an email from …': a speech word after a determiner is a noun)
    return bool(before) and not any(w in ctx.speech_verbs and (i == 0 or before[i - 1] not in markers)
                                    for i, w in enumerate(before))


def _deictic(ctx: SpeakerContext, hit: Hit) -> bool:
    """The hit is an interview answer's "I": a first-person quotation in the answer may be anyone's words
    the person answering repeats ('they used to demand — "I want this"'), so "I" near it is no cue."""
    return hit[1] is not None and ctx.text[hit[1][0]:hit[1][1]].lower() in words("deictic_pronouns")


def _previous_sentence_subject(ctx: SpeakerContext, r: Run, ss: int) -> Hit | None:
    """'Underwhelmed with her role, she left the series. "This is not what I wanted."': a first-person
    quotation opening its sentence with no cue is said by the person the sentence before it, in the same
    paragraph, opens with."""
    ps = ctx.doc.paragraphs[r.para][0]
    if ss <= ps:
        return None
    pss = last_sentence_end(ctx.text, max(ps, ss - WINDOW), ss, inner_only=True)
    if ctx.quote_starts and bisect_left(ctx.quote_starts, ss) > bisect_left(ctx.quote_starts, pss):
        return None  # the sentence before holds a quotation: its speaker was already tried
    return refs.clause_subject(ctx, pss, ss)


def attribute_sentence_quotations(ctx: SpeakerContext) -> None:
    """'Carl Mott was asked about the loss. He did not hold back. "It was a disgrace."': a quotation that is
    a whole sentence of its own inside a paragraph, with no cue, quotes the person the sentence before it
    has as its subject (`_person_of_sentence_before`); the later runs of the paragraph with no cue go with
    it."""
    for k, r in enumerate(ctx.runs):
        if r.attributed or r.cont or not _whole_sentence(ctx, r):
            continue
        ss = ctx.sentence_start(r.open_pos)
        ps = ctx.doc.paragraphs[r.para][0]
        if ss <= ps or ctx.text[ss:r.open_pos].strip():
            continue
        hit = _person_of_sentence_before(ctx, ps, ss)
        if hit is None:
            continue
        r.speaker, r.speaker_span, r.attributed = hit[0], hit[1], True
        for x in ctx.runs[k + 1:]:
            if x.para != r.para or x.attributed or not _nothing_intervenes(ctx, r, x):
                break
            x.speaker, x.speaker_span, x.attributed = r.speaker, r.speaker_span, True


def _whole_sentence(ctx: SpeakerContext, r: Run) -> bool:
    """The run is one or more whole sentences: it opens with a capital and ends with a full stop, a
    question or an exclamation mark."""
    content = ctx.text[r.start:r.end].rstrip("\"'\u201d\u2019)] ")
    return r.close_pos is not None and ctx.text[r.start:r.start + 1].isupper() and content[-1:] in (".", "!", "?")


def _person_of_sentence_before(ctx: SpeakerContext, ps: int, ss: int) -> Hit | None:
    """The person the sentence before `ss` (in its paragraph, holding no quotation) has as its subject: a
    name opening it, or the person its opening "he"/"she" stands for. A person named later in it ("The court
    sentenced Carl Mott") is talked about, not talking."""
    pss = last_sentence_end(ctx.text, max(ps, ss - WINDOW), ss, inner_only=True)
    if ctx.quote_starts and bisect_left(ctx.quote_starts, ss) > bisect_left(ctx.quote_starts, pss):
        return None
    subject = refs.clause_subject(ctx, pss, ss)
    if subject is None or subject[0] is None or subject[0].kind != "person" or _deictic(ctx, subject):
        return None
    return subject


def attribute_introduced_after(ctx: SpeakerContext) -> None:
    """'"That was never a penalty." Carl Mott, the club's manager, was furious after the match.': a
    paragraph that opens with a quotation of whole sentences and no cue, followed in the paragraph by a
    sentence (holding no quotation) whose subject is a person named there for the first time in the
    article, and no speech verb of its own, quotes that person: the writer opens with the words and then
    introduces who said them. Words
    with "he"/"she" in them are about someone ('"He was a hero." Carl Mott, 34, died on Monday'), no cue."""
    about = mapping("gendered_pronouns")
    for r in ctx.runs:
        if r.attributed or r.cont or not _quote_only_para(ctx, r) or not _whole_sentence(ctx, r) \
                or any(w.lower() in about for w in WORD_RE.findall(ctx.text[r.start:r.end])):
            continue
        pe = ctx.doc.paragraphs[r.para][1]
        s = r.outer_end
        e = next_sentence_end(ctx.text, s, pe) or pe
        if ctx.quote_starts and bisect_left(ctx.quote_starts, e) > bisect_left(ctx.quote_starts, s) \
                or any(w[2].lower() in ctx.speech_verbs for w in ctx.words(s, e)):
            continue  # ('"We are ready." Lind said the talks were over.': a claim of its own, see frame_after)
        hit = refs.clause_subject(ctx, s, e)
        if hit is None or hit[0] is None or hit[0].kind != "person" or hit[1] is None \
                or any(a is hit[0] for st, _e, a in ctx.spans_in(0, hit[1][0])):
            continue
        r.speaker, r.speaker_span, r.attributed = hit[0], hit[1], True
