"""Direct quotations with their speakers: the entry point the analysis pipeline calls.

Three passes (each in `passes/`): quotation spans are paired from the marks (`quotations.find_runs`; runs
that only name a group after "X of", `quotations.names_an_affiliation`, or stand in a list of quoted terms,
`quotations.in_term_lists`, are dropped at once),
speakers are attributed from speech frames and inheritance (`speakers.attribute`), and runs that are
names rather than speech are dropped (`quotations.keep_run`; it runs last because an attributed short
run is kept where an unattributed one is not).
"""

from __future__ import annotations

from .model import Mention, Quote
from .passes.quotations import find_runs, in_term_lists, keep_run, names_an_affiliation
from .passes.speaker_context import ActorIndexLike, SpeakerContext
from .passes.speakers import attribute
from .text import Doc


def find_quotes(doc: Doc, index: ActorIndexLike) -> list[Quote]:
    """Every quoted run of `doc` that is speech, with its speaker (an actor of `index`, or None)."""
    runs = find_runs(doc)
    listed = in_term_lists(runs, doc)
    runs = [r for i, r in enumerate(runs) if i not in listed and not names_an_affiliation(r, doc)]
    ctx = SpeakerContext(doc, index, runs)
    attribute(ctx)
    out: list[Quote] = []
    kept_groups: set[int] = set()
    for r in runs:
        if not (r.cont and r.group in kept_groups) and not keep_run(r, doc, ctx.labels):
            continue
        kept_groups.add(r.group)
        q = Quote(text=doc.text[r.start:r.end], start=r.start, end=r.end,
                  speaker=r.speaker.name if r.speaker is not None else None)
        if r.speaker_span is not None:
            s, e = r.speaker_span
            q.speaker_mention = Mention(s, e, doc.text[s:e])
        out.append(q)
    return out
