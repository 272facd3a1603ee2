"""Documents as speakers: a statement, letter or report stands for whoever issued it.

- "the statement said" is the actor that issued the statement named before: the subject of the clause that
  first named it ("X said in a statement", "Facebook released a statement"), the subject of a sentence that
  opens with it ("In a letter to the council, X said"), or the author named with it ("a report by X");
- "X's statement said", "their statement read": the possessor speaks;
- "a report published by X" is X's words; "a letter seen by Sky News" is not the outlet's but the words of
  the organisation that puts out texts in the article, else of someone unnamed.
"""

from __future__ import annotations

from ..model import Actor
from ..text import WORD_RE
from . import speaker_refs as refs
from .sentences import next_sentence_end
from .speaker_context import APOSTROPHES, WINDOW, Hit, SpeakerContext, Word
from .speech_data import mapping, words


def document_agent(ctx: SpeakerContext, ws: list[Word]) -> Hit | None:
    """'A report published by the Eastport Institute said', 'a memo obtained by Reuters said': a document
    noun with a participle and "by" after it names its author when the participle says who made it
    ("published", "issued", "written"), and that author speaks; when it says who got hold of it ("seen",
    "obtained") the agent only reports the document, and its author is another (`_unseen_author`)."""
    documents = refs.document_nouns()
    for i in range(len(ws) - 3):
        if ws[i][2].lower() not in documents or ws[i + 2][2].lower() != "by":
            continue
        participle = ws[i + 1][2].lower()
        if participle in words("authoring_participles"):
            return refs.speaker_in_phrase(ctx, ws[i + 3:], prefer_first=True)
        if participle in words("access_participles"):
            return _unseen_author(ctx, ws, i + 3)

    return None


def _unseen_author(ctx: SpeakerContext, ws: list[Word], agent_at: int) -> Hit:
    """The author of a document someone got hold of ('a leaked letter seen by Sky News'): the organisation
    that puts out texts in the article (`reporting_organisation`), never the agent who saw it; else someone
    unnamed."""
    agent = refs.speaker_in_phrase(ctx, ws[agent_at:], prefer_first=True)
    issuer = reporting_organisation(ctx, max(0, ws[0][0] - ISSUER_REACH), ws[0][0], agent[0] if agent else None)
    return issuer or (None, (ws[0][0], ws[-1][1]))


ISSUER_REACH = 1500  # how far back "the statement said" looks for the statement's first mention


def statement_issuer(ctx: SpeakerContext, subj: list[Word]) -> Hit | None:
    """'"…," the statement said': a definite statement noun as the subject stands for the actor who issued
    the statement mentioned before it, the subject of the clause that first named it ("The White House
    said in a statement that …", "Facebook released a statement"); so does "their statement"."""
    j = _document_determiner_at(subj)
    if j is None or subj[-1][2].lower() not in words("issued_statement_nouns"):
        return None
    noun = subj[-1][2].lower()
    lo = max(0, subj[-1][0] - ISSUER_REACH)
    earlier = [w for w in ctx.words(lo, subj[j][0]) if w[2].lower() == noun and not ctx.inside_quote(w[0])]
    if earlier:
        pos = earlier[-1][0]
        ss = ctx.sentence_start(pos)
        hit = refs.clause_subject(ctx, ss, pos) or _opening_statement_subject(ctx, ss, pos) \
            or _named_author(ctx, earlier[-1])
    else:
        hit = reporting_organisation(ctx, lo, subj[j][0])
    return (hit[0], (subj[j][0], subj[-1][1])) if hit and hit[0] is not None else None


def _document_determiner_at(subj: list[Word]) -> int | None:
    """Index of the definite or possessive determiner opening the noun phrase that `subj` ends with: right
    before its noun ("the statement") or before up to `MAX_DOCUMENT_MODIFIERS` lower-case modifiers ("the
    official statement", "the event description")."""
    definite, possessive = words("definite_determiners"), words("possessive_determiners")
    for j in range(len(subj) - 2, max(-1, len(subj) - 3 - MAX_DOCUMENT_MODIFIERS), -1):
        w = subj[j][2]
        if w.lower() in definite or w.lower() in possessive:
            return j
        if not w.islower():
            return None
    return None


def _named_author(ctx: SpeakerContext, w: Word) -> Hit | None:
    """'A report by the United Nations found …. The report said': a statement first named with its author
    right after it ("by", "from") is that author's."""
    ws = ctx.words(w[1], min(len(ctx.text), w[1] + 80))
    if len(ws) < 2 or ws[0][2].lower() not in words("author_markers"):
        return None
    st, en, a = next(iter(ctx.spans_in(ws[1][0], ws[-1][1])), (0, 0, None))
    between = ctx.words(ws[0][1], st)  # "by the United Nations": only a determiner before the name
    if a is None or a.kind not in refs.SPEAKING_KINDS or any(x[2].lower() not in words("determiners") for x in between):
        return None
    return a, (st, en)


def _opening_statement_subject(ctx: SpeakerContext, ss: int, pos: int) -> Hit | None:
    """'In a letter to the council, Acme's lawyer John Harlow said …. The letter stressed …': a statement
    first named in the phrase that opens its sentence ("In a letter", "In his statement") is the words of
    that sentence's clause subject, as the sentence's own quotations are (frame_statement_intro), or, when
    the subject is no plain name, whoever the frames found saying that sentence's quotation."""
    ws = ctx.words(ss, pos)
    if not ws or len(ws) > 2 or ws[0][2].lower() != "in" \
            or any(w[2].lower() not in words("statement_intro_determiners") for w in ws[1:]):
        return None
    end = next_sentence_end(ctx.text, pos, pos + WINDOW) or min(len(ctx.text), pos + WINDOW)
    said = next((r for r in ctx.runs if pos < r.open_pos < end and r.direct and r.speaker is not None), None)
    subject = refs.clause_subject(ctx, ss, end)
    if subject is not None or said is None:
        return subject
    return said.speaker, said.speaker_span


def statement_it(ctx: SpeakerContext, pos: int) -> Actor | None:
    """'Tom Reed issued a statement on Monday. It read: "…"': an "it" opening its sentence right after a
    sentence that names a statement (`issued_statement_nouns`, outside quotations) stands for that statement,
    and the subject of the sentence that named it, who issued it, speaks (a person too: "it" is never one)."""
    ss = ctx.sentence_start(pos)
    first = ctx.words(ss, pos + 2)[:1]
    if not first or first[0][0] != pos:
        return None
    k = ctx.end_before(ss)
    if k <= 0:
        return None
    ps = ctx.sentence_start(k)
    statements = words("issued_statement_nouns")
    nouns = [w for w in ctx.words(ps, k) if w[2].lower() in statements and not ctx.inside_quote(w[0])]
    hit = refs.clause_subject(ctx, ps, nouns[-1][0]) if nouns else None
    return hit[0] if hit and hit[0] is not None else None


def reporting_organisation(ctx: SpeakerContext, lo: int, pos: int, exclude: Actor | None = None) -> Hit | None:
    """'The Storm Agency warned residents on Monday. "…," read the warning.': a statement never mentioned
    before comes from the latest actor that, as a sentence's subject, spoke ("warned", "announced") or
    issued something; an organisation, or a person only when the verb puts out a text by itself ("signed
    an order", "declared a national emergency": `document_verbs`; a person's spoken words come with their
    own cue), other than `exclude` (the outlet that only saw a document)."""
    for s, e, a in reversed(ctx.spans_in(lo, pos)):
        if ctx.inside_quote(s) or a.kind not in refs.SPEAKING_KINDS or a is exclude:
            continue
        ss = ctx.sentence_start(s)
        hit = refs.clause_subject(ctx, ss, e)
        if hit is None or hit[0] is not a:
            continue
        end = next_sentence_end(ctx.text, e, min(pos, e + WINDOW)) or min(pos, e + WINDOW)
        verbs = {w[2].lower() for w in ctx.words(e, end)}
        if a.kind == "person" and verbs & words("document_verbs"):
            return a, (s, e)
        if any(v in ctx.speech_verbs or v in words("issuing_verbs") for v in verbs):
            return (a, (s, e)) if a.kind == "organisation" else None
    return None


def possessor_subject(ctx: SpeakerContext, subj: list[Word]) -> Hit | None:
    """"RIAA's take-down notice claimed", "Huawei's spokesman said", "their statement read": the
    possessor speaks."""
    if not subj or subj[-1][2].lower() not in refs.STATEMENT_NOUNS:
        return None
    return statement_possessor(ctx, subj[0][0], subj[-1][0]) or _role_possessor(ctx, subj[:-1]) \
        or pronoun_possessor(ctx, subj)


def pronoun_possessor(ctx: SpeakerContext, subj: list[Word]) -> Hit | None:
    """"Their statement also read", "his letter said": a possessive pronoun right before the statement
    noun stands for its antecedent, as the subject pronoun would ("their" an organisation that was a
    subject in reach, `speaker_refs.organisation_topic`)."""
    j = _possessive_pronoun_at(subj)
    if j is None:
        return None
    pron = mapping("possessive_pronoun_subjects")[subj[j][2].lower()]
    if pron != "they" and pron in words("personal_subject_pronouns"):
        a = refs.resolve_pronoun(ctx, pron, subj[j][0])
    else:  # "their statement": an organisation that was a subject in reach, not one after "by" ("decided by Congress")
        a = refs.organisation_topic(ctx, subj[j][0], refs.IT_REACH if pron == "it" else refs.THEY_REACH)
    return (a, (subj[j][0], subj[-1][1])) if a is not None else None


MAX_DOCUMENT_MODIFIERS = 2  # "his two-page resignation letter": lower-case words between possessor and noun


def _possessive_pronoun_at(subj: list[Word]) -> int | None:
    """Index of the possessive pronoun that opens the noun phrase ending `subj`: right before its noun
    ("his letter") or before up to `MAX_DOCUMENT_MODIFIERS` lower-case modifiers ("his resignation letter",
    "her brief statement"): the modifiers narrow the document, they do not change whose it is."""
    possessives = mapping("possessive_pronoun_subjects")
    for j in range(len(subj) - 2, max(-1, len(subj) - 3 - MAX_DOCUMENT_MODIFIERS), -1):
        w = subj[j][2]
        if w.lower() in possessives:
            return j
        if not w.islower():
            return None
    return None


def _role_possessor(ctx: SpeakerContext, subj: list[Word]) -> Hit | None:
    """"the court's summary concluded": a role noun in the possessive stands for its actor."""
    for i in range(len(subj) - 1, 0, -1):
        if ctx.text[subj[i][1]:subj[i][1] + 1] in APOSTROPHES:
            return refs.role_subject(ctx, subj[:i + 1])
    return None


def statement_possessor(ctx: SpeakerContext, s: int, e: int) -> Hit | None:
    """The latest actor in [s, e) written as the possessor of a statement noun ("Trump's tweet")."""
    for st, en, a in reversed(ctx.spans_in(s, e)):
        if ctx.text[en:en + 1] not in APOSTROPHES or a.kind not in refs.SPEAKING_KINDS:
            continue
        after = [w.lower() for w in WORD_RE.findall(ctx.text[en:en + 40])[:3]]
        if any(w in refs.STATEMENT_NOUNS for w in after):
            return a, (st, en)
    return None
