"""Interview turns: who holds the floor in each paragraph of a question-and-answer transcript.

Interview transcripts label every turn at the start of its paragraph: '((WN)) Why did you leave?' for the
interviewer, '((Mara Jensen)) I was not ready.' for the person answering; a paragraph without a label
continues the turn above it. A label naming a known person is that person's answer; a label that names
nobody known is the interviewer's when it is an interviewer word or its paragraph asks a question (ends
with "?"). Two deictic rules follow from a turn (the first and second person point at the people in the
conversation, not at anyone named in the text):
- "I" in an answer is the person answering ('That's why I said "no federation is perfect"'); in a
  transcript that labels only its questions, the unlabelled paragraphs below them are the answers of the
  person the questions are put to;
- "you" in an interviewer's question is the person the question is put to: the one who answers it (the
  next answer's label), else the one who answered last, else, in a transcript that labels only its
  questions, the person named most in the paragraphs introducing them ('On your website you state "…"').
Other labels give no turn, so nothing is guessed from them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..model import Actor
from ..text import Doc
from .speech_data import words

LABEL_RE = re.compile(r"\(\(([^()\n]{1,60})\)\)")
Span = tuple[int, int, Actor]


@dataclass(frozen=True, slots=True)
class Turn:
    """The floor in one paragraph: who says "I" there, and whom "you" addresses (None: nobody named)."""

    speaker: Actor | None = None
    addressee: Actor | None = None


NO_TURN = Turn()
NO_KEY = (id(None), id(None))


class Turns:
    """The turn of every paragraph of one document (empty for a text that is no transcript)."""

    def __init__(self, doc: Doc, spans: list[Span], marks: Marks) -> None:
        """`marks`: the document's `label_marks`."""
        self.para_starts = [p[0] for p in doc.paragraphs]
        starts = [sp[0] for sp in spans]
        initials: dict[str, list[Actor]] = {}
        labels = [_label(doc.text, m, pe, spans, starts, initials) for m, (_ps, pe) in zip(marks, doc.paragraphs,
                                                                                         strict=True)] \
            if any(marks) else []
        if any(lb is not None for lb in labels):
            self.turns = _turns(labels, _introduced(spans, starts, doc.paragraphs, labels))
        else:
            self.turns = []

    def at(self, pos: int) -> Turn:
        """The turn of the paragraph holding `pos`."""
        i = bisect_right(self.para_starts, pos) - 1
        return self.turns[i] if 0 <= i < len(self.turns) else NO_TURN


Marks = list["re.Match[str] | None"]  # per paragraph: the label opening it, or None


def label_marks(doc: Doc) -> Marks:
    """The label opening each paragraph ('((Ann Roe))'), None where there is none: matched once per document
    for the passes that read labels (a text without "((" has none: settled by one search in C)."""
    if "((" not in doc.text:
        return [None] * len(doc.paragraphs)
    return [LABEL_RE.match(doc.text, ps, pe) for ps, pe in doc.paragraphs]


def in_labelled_turn(marks: Marks, para: int, reach: int) -> bool:
    """A label opens the paragraph `para` or one of the `reach` - 1 paragraphs above it."""
    return any(marks[i] for i in range(para, max(-1, para - reach), -1))


def outside_labels(spans: list[Span], marks: Marks) -> list[Span]:
    """The mentions that are not a turn label: '((Ann Roe)) I was …' names who speaks, it is no subject or
    antecedent inside the answer's first sentence (the same list when the text has no labels)."""
    labels = [m.span() for m in marks if m]
    if not labels:
        return spans
    starts = [a for a, _ in labels]
    out = []
    for sp in spans:
        i = bisect_right(starts, sp[0]) - 1
        if i < 0 or sp[0] >= labels[i][1]:
            out.append(sp)
    return out


# a paragraph's label: a person (an answer), "interviewer" (a question), or None (no label)
Label = Actor | str | None
INTERVIEWER = "interviewer"


def _label(text: str, m: re.Match[str] | None, pe: int, spans: list[Span], starts: list[int],
           initials: dict[str, list[Actor]]) -> Label:
    """The label `m` opening the paragraph ending at `pe`: the person it names, INTERVIEWER, "" for a label
    that names neither (it ends the turn above), or None for no label. `initials` is filled on the first
    label (`_initials_index`)."""
    if m is None:
        return None
    if not initials:
        initials.update(_initials_index(spans))
    person = _person_named(m, spans, starts) or _person_with_initials(m.group(1).strip(), initials)
    if person is not None:
        return person
    asks = text[pe - 1:pe] == "?"  # (a paragraph ends on its last non-blank character)
    return INTERVIEWER if asks or m.group(1).strip().lower() in words("interviewer_labels") else ""


def _person_named(m: re.Match[str], spans: list[Span], starts: list[int]) -> Actor | None:
    """The person whose mention covers the whole label."""
    s, e = m.span(1)
    i = bisect_left(starts, s)
    while i < len(spans) and spans[i][0] == s:
        if spans[i][1] == e and spans[i][2].kind == "person":
            return spans[i][2]
        i += 1
    return None


def _initials_index(spans: list[Span]) -> dict[str, list[Actor]]:
    """Initials ("RS") -> the distinct persons whose names spell them (a placeholder key keeps an empty
    index from being rebuilt)."""
    out: dict[str, list[Actor]] = {"": []}
    seen: set[int] = set()  # (each person once: a transcript names its speakers in hundreds of mentions)
    for _s, _e, a in spans:
        if a.kind == "person" and id(a) not in seen:
            seen.add(id(a))
            out.setdefault("".join(w[0] for w in a.name.split() if w[:1].isalpha()).upper(), []).append(a)
    return out


def _person_with_initials(label: str, initials: dict[str, list[Actor]]) -> Actor | None:
    """'((RS))' for Richard Stallman: the one person whose name's initials the label spells."""
    if not (2 <= len(label) <= 4 and label.isalpha() and label.isupper()):
        return None
    found = initials.get(label, [])
    return found[0] if len(found) == 1 else None


INTRO_PARAS = 3  # paragraphs before a run of questions that introduce the person they are put to


def _introduced(spans: list[Span], starts: list[int], paras: list[tuple[int, int]],
                labels: list[Label]) -> list[Actor | None]:
    """Per paragraph, in a transcript that labels no answer: the person a run of questions is put to, the
    one named most often in the `INTRO_PARAS` paragraphs before the run (their introduction: 'With
    Wikinews, Mohr discussed …'), the latest named on a tie; the unlabelled paragraphs below the questions
    are that person's answers."""
    out: list[Actor | None] = [None] * len(labels)
    if any(isinstance(lb, Actor) for lb in labels):
        return out
    i = 0
    while i < len(labels):
        if labels[i] != INTERVIEWER:
            i += 1
            continue
        j = i
        while j < len(labels) and labels[j] == INTERVIEWER:
            j += 1
        intro = [p for p, lb in zip(paras[max(0, i - INTRO_PARAS):i], labels[max(0, i - INTRO_PARAS):i],
                                   strict=True) if lb != INTERVIEWER]
        person = _most_named(spans, starts, intro)
        k = j
        while k < len(labels) and labels[k] is None:
            k += 1  # the unlabelled answers below the questions
        out[i:k] = [person] * (k - i)
        i = k
    return out


def _most_named(spans: list[Span], starts: list[int], paras: list[tuple[int, int]]) -> Actor | None:
    counts: dict[str, int] = {}
    latest: dict[str, Actor] = {}
    for ps, pe in paras:
        for _s, _e, a in spans[bisect_left(starts, ps):bisect_left(starts, pe)]:
            if a.kind == "person":
                counts[a.name] = counts.get(a.name, 0) + 1
                latest.pop(a.name, None)
                latest[a.name] = a  # (insertion order: the latest named last)
    if not counts:
        return None
    top = max(counts.values())
    return [a for n, a in latest.items() if counts[n] == top][-1]


def _turns(labels: list[Label], introduced: list[Actor | None]) -> list[Turn]:
    """Carry each label down the unlabelled paragraphs below it; a question addresses the next answerer,
    else the last one, else the person introduced before its run of questions."""
    holder: list[Label] = []
    current: Label = None
    for lb in labels:
        current = lb if lb is not None else current
        holder.append(current)
    nxt: list[Actor | None] = [None] * len(holder)
    upcoming: Actor | None = None
    for i in range(len(holder) - 1, -1, -1):
        h = holder[i]
        upcoming = h if isinstance(h, Actor) else upcoming
        nxt[i] = upcoming
    out: list[Turn] = []
    last: Actor | None = None
    made: dict[tuple[int, int], Turn] = {NO_KEY: NO_TURN}  # (speaker, addressee) ids -> their one Turn
    for i, h in enumerate(holder):
        speaker = addressee = None
        if isinstance(h, Actor):
            last = speaker = h
        elif h == INTERVIEWER and labels[i] is None and introduced[i] is not None:
            speaker = introduced[i]  # an unlabelled answer to a labelled question
        elif h == INTERVIEWER:
            addressee = nxt[i] or last or introduced[i]
        key = (id(speaker), id(addressee))
        turn = made.get(key)
        if turn is None:  # (a transcript's hundreds of paragraphs share a few turns: each made once)
            turn = made[key] = Turn(speaker, addressee)
        out.append(turn)
    return out
