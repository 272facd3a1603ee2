"""Speech frames: the words around one quoted run that name its speaker.

Tried in the order news writing uses them (notes/analysis.md A3, A5):
1. after the run, in its sentence: '"…," Smith said', '"…," said Smith', '"…" — Smith', '"…", according to X';
2. before the run, in its sentence: 'Smith said: "…"', 'Smith said it was "…"', 'According to X, "…"',
   a verb whose object is the quotation ('characterised it as "…"'), a passive agent ('was told by X of
   "…"'), or an intro clause ending in a comma or colon whose subject speaks;
3. the previous sentence of the paragraph, when it holds a strong cue and nothing else comes between;
4. the sentence's own opening: 'In a statement, X …' (X speaks whatever the verb), 'Calling it "…", X …'.
A trailing "according to X" after a run whose sentence already names its speaker names the outlet.
Each frame returns the speaker and the words naming it, `(None, span)` for an unnamed speaker ("a
spokesman"), or None when it does not apply.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right

from ..lexicon import lexicon
from ..text import WORD_RE
from . import speaker_documents as docs
from . import speaker_refs as refs
from .quotations import Run
from .sentences import last_sentence_end, next_sentence_end
from .speaker_context import (
    APOSTROPHES,
    WINDOW,
    Hit,
    SpeakerContext,
    Word,
    noun_phrase_after,
)
from .speech_data import mapping, words

AHEAD = 400  # how far after a run its trailing speech frame may reach
MAX_TAIL_WORDS = 16  # words of the trailing frame that are examined
MAX_SUBJECT_WORDS = 10  # a trailing verb further than this from the run is not its cue
MAX_DASH_WORDS = 8  # '"…" — Smith, the mayor' is a dash attribution; longer is a new clause
MAX_OBJECT_WORDS = 8  # 'characterised the attack as "…"': a framing verb this close to the quotation
MAX_INTRO_WORDS = 12  # 'In a statement released after the attack,': an opening statement phrase is this short
MAX_AS_SUBJECT_WORDS = 6  # 'as the Supreme Court decision put it': the subject between "as" and "put it"
MAX_OPENER_GAP = 40  # 'Calling it "…", Anna Franowska': how far after the run the main subject may start
MAX_NEW_SENTENCE_TAIL = 8  # '"…." Smith said in a statement.' (short) vs '"…." Smith said the …' (a new claim)
ADVERBS = words("subject_adverbs")
# unions of lists that the rules read in their loops, made once (a union per call copied a hundred words)
_PAST_SKIP = (ADVERBS | words("time_words")) - words("auxiliaries")  # `_past_adverbs`
# '"…." Clark says she feels …': a subject pronoun right after the verb opens the clause it reports
_CLAUSE_SUBJECTS = words("subject_pronouns") | words("first_person_pronouns")
_ACTIVE_ADVERBS = ADVERBS - words("passive_auxiliaries")  # `agentless_passive`
_TIME_LEADS = words("time_phrase_leads") | ADVERBS  # `_subject_end`
CATENATIVES = words("catenatives")
CLAUSE_LINKS = words("clause_links")
DASHES = "\u2014\u2013-"


# --------------------------------------------------------------------------------------------- windows
def after_window(ctx: SpeakerContext, k: int) -> tuple[int, int]:
    """From the closing mark to the end of its sentence or clause (";"), or to the next run."""
    r = ctx.runs[k]
    pe = ctx.doc.paragraphs[r.para][1]
    s = r.outer_end
    e = min(pe, s + AHEAD)
    if k + 1 < len(ctx.runs) and ctx.runs[k + 1].para == r.para:
        e = min(e, ctx.runs[k + 1].open_pos)
    end = next_sentence_end(ctx.text, s, e)
    e = e if end is None else end
    semi = ctx.text.find(";", s, e)  # '"…"; Miller said …': a new clause, not this quotation's cue
    return s, semi if semi >= 0 else e


def before_window(ctx: SpeakerContext, k: int) -> tuple[int, int]:
    """From the start of the run's sentence (or the previous run's end) to the opening mark."""
    r = ctx.runs[k]
    s = max(ctx.doc.paragraphs[r.para][0], r.open_pos - WINDOW)
    prev = ctx.runs[k - 1] if k > 0 else None
    if prev is not None and prev.para == r.para and prev.close_pos is not None:
        s = max(s, prev.outer_end)
    return last_sentence_end(ctx.text, s, r.open_pos), r.open_pos


# --------------------------------------------------------------------------------------------- after the run
def frame_dash(ctx: SpeakerContext, k: int, s: int, e: int) -> Hit | None:
    """'"…" — Smith': a short dash phrase after a closed quotation names its speaker; only the part before
    its first comma counts ('"…" — Peres, on whether peace will come': the rest describes the occasion)."""
    if not ctx.text[s:e].lstrip()[:1] or ctx.text[s:e].lstrip()[0] not in DASHES or ctx.runs[k].close_pos is None:
        return None
    comma = ctx.text.find(",", s, e)
    ws = ctx.words(s, comma if comma >= 0 else e)
    if ws and len(ws) <= MAX_DASH_WORDS:
        return ctx.first_actor_in(ws[0][0], ws[-1][1])
    return None


MAX_SOURCE_LINE_WORDS = 4  # '"…." Anonymous blogger, "…"': a source line is a short name or role phrase


def frame_source_line(ctx: SpeakerContext, k: int, s: int, e: int) -> Hit | None:
    """'"…an insurgency against the club." Anonymous blogger, "Post title"': a paragraph that opens with a
    whole-sentence quotation followed by a bare source line (a few capitalised words or role words, no
    verb, ending the paragraph or set off by a comma before a title or a date) names its own source, so it does not
    continue the speaker of the paragraph above; the source is the actor named in it, or unnamed."""
    r = ctx.runs[k]
    ps, pe = ctx.doc.paragraphs[r.para]
    if r.close_pos is None or r.open_pos - ps > 1 or not _ends_sentence(ctx, r):
        return None
    tail = ctx.text[s:e].strip()
    head = tail.split(",", 1)[0]
    rest = ctx.text[s:pe].strip()[len(head):].lstrip(", ")
    ws = ctx.words(s, s + ctx.text[s:e].find(head) + len(head)) if head else []
    if not ws or len(ws) > MAX_SOURCE_LINE_WORDS or not ws[0][2][:1].isupper() or head.endswith((".", "!", "?")):
        return None
    if rest and rest[0] not in '"\u201c\u2018\'' and not all(w[:1].isupper() or w[:1].isdigit()
                                                              for w in WORD_RE.findall(rest)):
        return None  # '"…." Smith, who was there, laughed': a clause, not a source line
    if not all(w[2][:1].isupper() or w[2].lower() in ctx.role_words or w[2].lower() in ctx.function_words
               for w in ws):
        return None
    return ctx.first_actor_in(ws[0][0], ws[-1][1]) or (None, (ws[0][0], ws[-1][1]))


def _ends_sentence(ctx: SpeakerContext, r: Run) -> bool:
    return ctx.text[r.start:r.end].rstrip("\"'\u201d\u2019)] ")[-1:] in (".", "!", "?")


def _tail_belongs_elsewhere(ctx: SpeakerContext, k: int, s: int, e: int, ws: list[Word]) -> bool:
    """The words after the run introduce the next quotation or another speaker's clause, not this run.

    '"…prayers." Duda remarked, "…"' and '"…." Obadia told reporters "…"' cue the next run;
    '"unprecedented", while ALDI … called it' opens a clause of its own.
    """
    r = ctx.runs[k]
    nxt = ctx.runs[k + 1] if k + 1 < len(ctx.runs) else None
    next_open = nxt is not None and nxt.para == r.para and e == nxt.open_pos
    content = ctx.text[r.start:r.end].rstrip("\"'\u201d\u2019)] ")
    if next_open and ctx.text[s:e].rstrip().endswith((",", ":")) and not content.endswith(","):
        return True
    if next_open and _new_sentence(ctx, r, s, e, ws):
        return True
    return bool(ws) and ws[0][2].lower() in CLAUSE_LINKS and ws[0][0] - s <= 3


def _new_sentence(ctx: SpeakerContext, r: Run, s: int, e: int, ws: list[Word]) -> bool:
    """The run ends its sentence and a capitalised word follows: '"…." Smith said'."""
    lead = ctx.text[s:e].lstrip()
    capitalised = bool(ws) and ws[0][2][:1].isupper()
    return capitalised and _ends_sentence(ctx, r) and not lead.startswith((",",) + tuple(DASHES[:2]))


def closes_its_sentence(ctx: SpeakerContext, k: int) -> bool:
    """The run ends its sentence and the words after it open a new one ('… threatened." Amnesty …')."""
    s, e = after_window(ctx, k)
    return _new_sentence(ctx, ctx.runs[k], s, e, ctx.words(s, e)[:1])


def frame_after(ctx: SpeakerContext, k: int) -> Hit | None:
    """'"…," Smith said' / '"…," said Smith' / '"…," he wrote' / '"…" — Smith' / '"…", according to X'."""
    s, e = after_window(ctx, k)
    if not ctx.text[s:e].strip():
        return None
    dash = frame_dash(ctx, k, s, e) or frame_source_line(ctx, k, s, e)
    if dash:
        return dash
    ws = ctx.words(s, e)
    if _tail_belongs_elsewhere(ctx, k, s, e, ws):
        return None
    new_sentence = _new_sentence(ctx, ctx.runs[k], s, e, ws)
    ws = ws[:MAX_TAIL_WORDS]
    as_put = None if new_sentence else frame_as_put(ctx, ws) or frame_predicate_noun(ctx, ws)
    if as_put:
        return as_put
    lex = lexicon()
    for vi, (_vs, _ve, w) in enumerate(ws):
        lw = w.lower()
        after = source_phrase_end(ws, vi)
        if after is not None:
            if new_sentence or _speaker_named_before(ctx, k):
                return None
            return refs.speaker_in_phrase(ctx, ws[after:], prefer_first=True) or (None, None)
        inverted = vi == 0 and ctx.text[s:ws[0][0]].strip() in (",", "")  # '"…," reads an AEW press release'
        if lw in lex.speech_verbs and (lw not in lex.weak_verbs or inverted or _document_reads(ws, vi)) \
                and w[:1].islower() and not _nominal(ctx, ws, vi):
            if _subject_length(ctx, ws, vi) > MAX_SUBJECT_WORDS:
                return None
            return _trailing_cue(ctx, ws, vi, e, new_sentence)
    return None


def _document_reads(ws: list[Word], vi: int) -> bool:
    """'"…," the statement read', '"…," their letter also reads': "read" reports what a text says, so after
    the run it is a cue when its subject is a document noun (adverbs between them skipped); with any other
    subject it stays a weak verb ('"…," she read' is a reader, and 'the sign read' no one's speech)."""
    if ws[vi][2].lower() not in words("text_subject_verbs"):
        return False
    j = vi - 1
    while j >= 0 and ws[j][2].lower() in ADVERBS:
        j -= 1
    return j > 0 and ws[j][2].lower() in refs.document_nouns()


def _subject_length(ctx: SpeakerContext, ws: list[Word], vi: int) -> int:
    """Words before the verb ws[vi], an appositive set off by commas right before it not counted ('"…,"
    lead author Ann Fox, a professor at the University of Leeds, said': the subject is three words)."""
    if vi < 2 or "," not in ctx.text[ws[vi - 1][1]:ws[vi][0]]:
        return vi
    for j in range(vi - 1, 0, -1):
        if "," in ctx.text[ws[j - 1][1]:ws[j][0]]:
            return j
    return vi


def _joins_roles(ctx: SpeakerContext, ws: list[Word], vi: int, link: Word) -> bool:
    """'the club's former manager and current director, Carl Mott, told': an "and" inside a description
    that a person's name, set off by commas right before the verb ws[vi], follows joins two roles of that
    person, not two clauses."""
    j = _subject_length(ctx, ws, vi)
    return link[2].lower() in words("list_conjunctions") and 0 < j < vi and link[0] < ws[j][0] \
        and ctx.actor_ending_in(ws[j][0], ws[vi - 1][1], person_only=True) is not None


def _nominal(ctx: SpeakerContext, ws: list[Word], vi: int) -> bool:
    """'"…," the report's lead author, Dr Helen Park, told reporters': a speech word in noun position (after
    a determiner, or itself a possessor) is no verb."""
    return (vi > 0 and _noun_position(ctx, ws, vi)) or ctx.text[ws[vi][1]:ws[vi][1] + 1] in "'\u2019"


def source_phrase_end(ws: list[Word], i: int) -> int | None:
    """Index just after a source phrase opening at ws[i] ("according to", "in the words of"), or None."""
    if i >= len(ws) or ws[i][2].lower() not in _source_phrase_starts():
        return None  # (most words open no phrase: one look-up instead of a slice per phrase)
    for phrase in _source_phrases():
        n = len(phrase)
        if tuple(w[2].lower() for w in ws[i:i + n]) == phrase and i + n < len(ws):
            return i + n
    return None


@functools.cache
def _source_phrases() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in sorted(words("source_phrases")))


@functools.cache
def _source_phrase_starts() -> frozenset[str]:
    return frozenset(p[0] for p in _source_phrases())


def frame_as_put(ctx: SpeakerContext, ws: list[Word]) -> Hit | None:
    """'"ground to a halt" — as the court put it —', 'as Blake put it, "…"': the subject between "as" and
    "put it" speaks."""
    for i, w in enumerate(ws):
        if w[2].lower() != "as":
            continue
        for j in range(i + 2, min(len(ws) - 1, i + 2 + MAX_AS_SUBJECT_WORDS)):
            if ws[j][2].lower() in words("as_it_verbs") and ws[j + 1][2].lower() == "it":
                return refs.resolve_subject(ctx, ws[i + 1:j], ws[j][0])
    return None


def frame_predicate_noun(ctx: SpeakerContext, ws: list[Word]) -> Hit | None:
    """'"We will not back down," was the message from Ann Roe', '"…" came the reply from the ministry', '"…"
    was the verdict of the court': a copula or "came" right after the run, then a determiner, up to two
    modifiers and a speech noun, then "from"/"by"/"of", name the speaker: the actor after the preposition."""
    if len(ws) < 5 or ws[0][2].lower() not in words("predicate_speech_verbs") \
            or ws[1][2].lower() not in words("noun_markers"):
        return None
    nouns = _statement_or_speech_nouns()
    j = 2
    while j < min(len(ws) - 2, 2 + MAX_NOUN_MODIFIERS) and ws[j][2].lower() not in nouns and ws[j][2].islower():
        j += 1
    if ws[j][2].lower() not in nouns or ws[j + 1][2].lower() not in words("author_markers") | {"of"}:
        return None
    got = refs.speaker_in_phrase(ctx, noun_phrase_after(ws[j + 2:], ctx.text), prefer_first=True)
    return got if got and got[0] is not None else None


def _speaker_named_before(ctx: SpeakerContext, k: int) -> bool:
    """'Pelosi called it a "breach…," according to NBC': when the run's own sentence names a speaker before
    it, a trailing "according to X" names the outlet that reported the words, not the speaker."""
    s, e = before_window(ctx, k)
    got = subject_before_verb(ctx, s, e) if e > s else None
    return bool(got and got[0] is not None)


def _trailing_cue(ctx: SpeakerContext, ws: list[Word], vi: int, e: int, new_sentence: bool) -> Hit | None:
    """The speaker of a speech verb after the run: its subject before it, else the phrase after it."""
    if vi > 0 and ws[vi - 1][2].lower() == "as":
        return None  # '"…", as quoted by Greek Reporter': the outlet is not the speaker
    if new_sentence:
        rest = ctx.words(ws[vi][1], e)
        if len(rest) > MAX_NEW_SENTENCE_TAIL or any(x[2].lower() in words("reported_clause_words") for x in rest) \
                or rest and rest[0][2].lower() in _CLAUSE_SUBJECTS:
            return None  # '"…." Smith said the …', '"…." Clark says she feels …': a new claim, not the run's cue
    subj = [x for x in ws[:vi] if x[2].lower() not in ADVERBS]
    if len(subj) == 1 and subj[0][2].lower() in words("inversion_adverbs"):
        subj = []  # '"…." So said Carl Mott': the verb comes first, its subject after it
    if subj and all(x[2].lower() in words("coordinators") for x in subj):
        return None  # '"lousy" and said he…': the sentence subject speaks; see frame_before
    if subj and subj[0][2].lower() in words("prepositions"):
        return None  # '"…" with court cases in swing states': a prepositional phrase is no subject
    if any(x[2].lower() in CLAUSE_LINKS and not _joins_roles(ctx, ws, vi, x) for x in subj[1:]):
        return None  # '"…" as serious, while Lang spoke': the verb belongs to a clause of its own
    if subj:
        return refs.resolve_subject(ctx, subj, ws[vi][0]) or (None, (subj[0][0], subj[-1][1]))
    if ws[vi][2].lower().endswith("ing"):
        return None  # '"…", recalling their first meeting': a participle never inverts; the sentence subject speaks
    obj = noun_phrase_after(ws[vi + 1:], ctx.text)
    if obj:
        return refs.speaker_in_phrase(ctx, obj, prefer_first=True) or (None, (obj[0][0], obj[-1][1]))
    return None


# --------------------------------------------------------------------------------------------- before the run
def frame_before(ctx: SpeakerContext, k: int) -> Hit | None:
    """'Smith said: "…"' / 'Smith said it was "…"' / 'According to Smith, "…"' / an intro clause whose
    subject speaks ('Trump, also on Twitter, defended his decision, "…"'); else the previous sentence."""
    s, e = before_window(ctx, k)
    got = frame_quotative_like(ctx, s, e) or frame_possessed_speech_noun(ctx, s, e) or statement_from(ctx, s, e) \
        or (subject_before_verb(ctx, s, e) if e > s else None)
    if got and got[0] is not None:
        return got
    got = frame_statement_intro(ctx, k) or (frame_as_put(ctx, ctx.words(s, e)) if e > s else None) or got
    if got:
        return got
    if e > s and ctx.text[s:e].rstrip().endswith((",", ":")):
        # "X's tweet included the line,"; 'His answer: "…"' (a possessed statement and nothing else)
        got = refs.clause_subject(ctx, s, e) or docs.statement_possessor(ctx, s, e) \
            or docs.possessor_subject(ctx, ctx.words(s, e))
        if got:
            return got
    if ctx.text[s:e].strip() == "":
        return frame_previous_sentence(ctx, k, s)
    return frame_participle_opener(ctx, k, s, e)


def frame_quotative_like(ctx: SpeakerContext, s: int, e: int) -> Hit | None:
    """'And I was like, "I will never stop."', 'she's like "…"': the colloquial quotative "be like" right
    before a run reports the words (or the thoughts) of its subject. Only a person says them: a group subject
    ('they were like') or an unknown one leaves the speaker unnamed."""
    if not ctx.text[max(s, e - 8):e].rstrip(" ,:").lower().endswith("like"):
        return None  # (most windows: settled without cutting words)
    ws = ctx.words(s, e)
    if len(ws) < 2 or ws[-1][2].lower() != "like" or ctx.text[ws[-1][1]:e].strip() not in ("", ",", ":"):
        return None
    subj = [w for w in _quotative_subject(ctx, ws[:-1]) if w[2].lower() not in ADVERBS]
    if not subj:
        return None
    got = refs.resolve_subject(ctx, subj)
    if got is None or got[0] is None or got[0].kind != "person":
        return None, (subj[-1][0], subj[-1][1])
    return got


def _quotative_subject(ctx: SpeakerContext, ws: list[Word]) -> list[Word]:
    """The words before "be" in "… was like" / "she's like" / "I'm like" (empty when no form of "be" ends
    `ws`): a contracted "'s" is not a word of its own, "I'm" and "they're" are one word."""
    last = ws[-1]
    if last[2].lower() in words("quotative_be"):
        return ws[:-1]
    cut = max(last[2].find("'"), last[2].find("\u2019"))
    if cut > 0 and last[2][cut + 1:].lower() in ("m", "re"):
        return ws[:-1] + [(last[0], last[0] + cut, last[2][:cut])]  # "I'm like": the subject is "I"
    if ctx.text[last[1]:last[1] + 1] in "'\u2019":
        return ws  # "she's like": the "s" after the apostrophe is no word (`SpeakerContext.words`)
    return []


def statement_from(ctx: SpeakerContext, s: int, e: int) -> Hit | None:
    """'The palace issued the following statement from the king: "…"', 'announced an order by Commandant
    Elson Hermogino directing units to "…"': a statement noun followed by "from" or "by" names the author of
    the words (a role noun only the person introduced with that title); whoever issued it only passed them
    on. The phrase runs to a colon before the run, or the statement stands within a few words of it."""
    ws = ctx.words(s, e)
    markers = words("author_markers")
    if not any(w[2] in markers for w in ws[-MAX_TAIL_WORDS - 2:]):
        return None  # (most windows: no "from" or "by" near the run)
    colon = ctx.text[s:e].rstrip().endswith(":")
    for i in range(len(ws) - 3, max(-1, len(ws) - 3 - MAX_TAIL_WORDS), -1):
        if ws[i][2].lower() in words("issued_statement_nouns") and ws[i + 1][2].lower() in words("author_markers"):
            phrase = ws[i + 2:] if colon else _name_phrase(ctx, ws[i + 2:])
            first = ctx.first_actor_in(phrase[0][0], phrase[-1][1]) if phrase else None
            if not phrase or len(phrase) > MAX_OBJECT_WORDS or (
                    first and first[1] and ctx.text[first[1][1]:first[1][1] + 1] in APOSTROPHES):
                return None  # ("an email from Hunter Biden's laptop": a possessor, no author)
            got = refs.speaker_in_phrase(ctx, phrase, prefer_first=True)
            if got and got[0] is not None:
                return got
            titled = refs.titled_person(ctx, phrase[-1][2].lower(), phrase[-1][0]) if colon else None
            return (titled, (phrase[0][0], phrase[-1][1])) if titled else None
    return None


def _name_phrase(ctx: SpeakerContext, ws: list[Word]) -> list[Word]:
    """The words opening `ws` that make a name with its titles ("the Coast Guard Commandant Admiral Elson
    Hermogino"): capitalised words, role words and a leading "the"."""
    out: list[Word] = []
    for w in ws:
        if not (w[2][:1].isupper() or w[2].lower() in ctx.role_words or (not out and w[2].lower() == "the")):
            break
        out.append(w)
    return out


MAX_NOUN_MODIFIERS = 2  # 'his 2016 promise', 'Clinton's infamous description'


def frame_possessed_speech_noun(ctx: SpeakerContext, s: int, e: int) -> Hit | None:
    """'his promise to "drain the swamp"', 'Clinton's description of his supporters as "deplorables"': a
    run that completes a speech noun ("promise to", "description … as", "pledge that") quotes the noun's
    possessor, a name in the possessive or a possessive pronoun. A linking verb between the noun and the
    run ('Clinton's description was "unfair"') makes the run someone's judgement of the noun instead, and
    a run right after the noun ('opposed Macron's statement: "…"') is the sentence subject's own words."""
    ws = ctx.words(s, e)
    nouns = words("possessed_speech_nouns")
    for i in range(len(ws) - 1, max(-1, len(ws) - 2 - MAX_OBJECT_WORDS), -1):
        if ws[i][2].lower() not in nouns:
            continue
        tail = ws[i + 1:]
        if not tail or tail[0][2].lower() not in words("speech_noun_complements") \
                or (_judges_noun(tail) and tail[0][2].lower() not in words("complementizers")):
            return None  # ('his claim that she was "unfit"': the verb is the reported clause's, no judgement)
        return _possessor_before(ctx, ws, i)
    return None


def _judges_noun(tail: list[Word]) -> bool:
    """A linking verb after the speech noun ('Clinton's description was "unfair"') makes the run a
    judgement of the noun."""
    return any(w[2].lower() in words("linking_verbs") for w in tail)


def _possessor_before(ctx: SpeakerContext, ws: list[Word], i: int) -> Hit | None:
    """The possessor of the noun ws[i]: "his"/"her" (resolved), or a name ending in "'s" a modifier or two
    before it."""
    for j in range(i - 1, max(-1, i - 2 - MAX_NOUN_MODIFIERS), -1):
        lw = ws[j][2].lower()
        if lw in words("possessive_determiners") - {"its", "their"}:
            hit = refs.pronoun_hit(ctx, (ws[j][0], ws[j][1], "he" if lw == "his" else "she"))
            return hit if hit[0] is not None else None
        if ctx.text[ws[j][1]:ws[j][1] + 1] in "'\u2019":
            owner = ctx.actor_ending_at(ws[j][1], ws[0][0])
            return (owner[2], (owner[0], owner[1])) if owner and owner[2].kind in ("person", "organisation") else None
        if not (ws[j][2][:1].islower() or ws[j][2][:1].isdigit()):
            return None
    return None


def frame_statement_intro(ctx: SpeakerContext, k: int) -> Hit | None:
    """'In a statement released after the attack, the Department of Defense justified the strike as
    "defensive"': a sentence that opens by naming a statement ("In a statement", "In his message", "In her
    view") reports the words of its clause subject, whatever its main verb (`_intro_possessor` without one)."""
    r = ctx.runs[k]
    ss = ctx.sentence_start(r.open_pos)
    ws = ctx.words(ss, r.open_pos)
    if len(ws) < 3 or ws[0][2].lower() != "in" or ws[1][2].lower() not in words("statement_intro_determiners"):
        return None
    comma = ctx.text.find(",", ws[1][1], r.open_pos)
    lead = ctx.words(ws[1][1], comma) if comma > 0 else []
    if not lead or len(lead) > MAX_INTRO_WORDS or not any(w[2].lower() in words("statement_intro_nouns")
                                                          for w in lead[:3]):
        return None
    got = refs.clause_subject(ctx, comma + 1, r.open_pos)
    if got and got[0] is not None:
        return got
    return _intro_possessor(ctx, ws, lead)


def _intro_possessor(ctx: SpeakerContext, ws: list[Word], lead: list[Word]) -> Hit | None:
    """'In her view, the tax cut will "mostly help the wealthy"', 'In their statement, the rules were
    "unfair"': when the clause names no speaker, the possessor of the opening phrase's statement or view
    speaks (the pronoun resolved as its subject form would be)."""
    if ws[1][2].lower() not in words("possessive_determiners") or len(lead) != 1:
        return None
    got = docs.pronoun_possessor(ctx, [ws[1], lead[0]])
    return got if got and got[0] is not None else None


def frame_participle_opener(ctx: SpeakerContext, k: int, s: int, e: int) -> Hit | None:
    """'Calling it "just another apology", Anna Franowska told Reuters …': a sentence that opens with a
    speech participle phrase holding the run quotes the subject of its main clause, the name right after
    the phrase's comma."""
    ws = ctx.words(s, e)
    if not ws or ctx.words(ctx.sentence_start(e), ws[0][0]) or not ws[0][2].endswith("ing") \
            or ws[0][2].lower() not in lexicon().speech_verbs or not ws[0][2][:1].isupper():
        return None
    r = ctx.runs[k]
    head = ctx.text[r.outer_end:r.outer_end + MAX_OPENER_GAP]
    if not head.lstrip().startswith(","):
        return None
    for st, en, a in ctx.spans_in(r.outer_end, r.outer_end + MAX_OPENER_GAP):
        if ctx.text[r.outer_end:st].strip(" ,") == "" and a.kind in ("person", "organisation"):
            return a, (st, en)
    return None


def frame_previous_sentence(ctx: SpeakerContext, k: int, s: int) -> Hit | None:
    """'X criticised the move. "…"': a sentence-initial run takes a strong cue of the sentence before it,
    when no other quotation sits between."""
    r = ctx.runs[k]
    ps = ctx.doc.paragraphs[r.para][0]
    if s <= ps:
        return None
    lo = max(ps, s - WINDOW)
    prev = ctx.runs[k - 1] if k > 0 else None
    if prev is not None and prev.para == r.para and prev.close_pos is not None:
        lo = max(lo, prev.outer_end)
    ss = last_sentence_end(ctx.text, lo, s, inner_only=True)
    qi = bisect_left(ctx.quote_starts, ss)
    if ss >= s or (qi < len(ctx.quote_starts) and ctx.quote_starts[qi] < s):
        return None
    answer = answer_to_question(ctx, r, ss, s)
    if answer:
        return answer
    got = subject_before_verb(ctx, ss, s, strong_only=True)
    if got and got[1] and ctx.words(ss, got[1][0])[-1:] and \
            ctx.words(ss, got[1][0])[-1][2].lower() in words("object_relative_pronouns"):
        return None  # 'said of the flood, which Mott called a disaster.': a relative clause's verb is no cue
    return got if got and got[0] is not None else None


def answer_to_question(ctx: SpeakerContext, r: Run, ss: int, s: int) -> Hit | None:
    """'Roe asked Carl Mott whether he regretted it. "Not for a second."': a quotation that is no question
    itself, right after a sentence [ss, s) whose verb asks a person something (named as its object, or "him"/
    "her" for one), is that person's answer."""
    if ctx.text[r.start:r.end].rstrip("\"'\u201d\u2019 ").endswith("?"):
        return None
    ws = ctx.words(ss, s)
    for i, w in enumerate(ws[:-1]):
        if w[2].lower() in words("question_verbs") and w[2].islower():
            return _asked_person(ctx, ws, i + 1)
    return None


def _asked_person(ctx: SpeakerContext, ws: list[Word], i: int) -> Hit | None:
    """The person a question is put to: the name opening at ws[i], or the person "him"/"her" stands for,
    when what follows opens the question ("whether", "about"; not 'questioned her abilities')."""
    w = ws[i]
    pron = mapping("object_person_pronouns").get(w[2].lower())
    asked = ctx.spans_in(w[0], w[1])[:1]
    if not pron and not (asked and asked[0][0] == w[0] and asked[0][2].kind == "person"):
        return None
    end = w[1] if pron else asked[0][1]
    nxt = ctx.words(end, min(len(ctx.text), end + 20))[:1]
    if not nxt or nxt[0][2].lower() not in words("question_openers"):
        return None
    if pron:
        a = refs.resolve_pronoun(ctx, pron, w[0])
        return (a, (w[0], w[1])) if a is not None else None
    return asked[0][2], (asked[0][0], asked[0][1])


def subject_before_verb(ctx: SpeakerContext, s: int, e: int, strong_only: bool = False) -> Hit | None:
    """The speaker of the last speech cue in [s, e), outside dash asides.

    "according to X" names X; a speech verb names its subject, or for a participle (", saying") the clause
    subject, for a passive ("was told by X") its agent, for "quoted X as saying" its object. A weak or
    framing verb ("thanked", "characterised … as") counts only when the quotation or a colon follows it
    closely; `strong_only` (a cue in an earlier sentence) admits strong speech verbs alone.
    """
    ws = outside_asides(ctx.text, ctx.words(s, e), e)
    phrase_starts = _source_phrase_starts()
    for i in range(len(ws) - 1):
        if ws[i][2].lower() not in phrase_starts:
            continue  # (most words open no phrase: settled here, without a call per word)
        after = source_phrase_end(ws, i)
        if after is not None:
            phrase = noun_phrase_after(ws[after:], ctx.text) or ws[after:after + 6]
            got = refs.speaker_in_phrase(ctx, phrase, prefer_first=True)
            own = _clause_after_source(ctx, s, ws, after, e, strong_only)
            if own or got:
                return own or got
    return _last_cue_speaker(ctx, s, ws, e, strong_only)


def _clause_after_source(ctx: SpeakerContext, s: int, ws: list[Word], after: int, e: int,
                         strong_only: bool) -> Hit | None:
    """'According to Forbes, West claimed to be in touch "almost daily."': the source phrase ends at its
    comma, and a speech verb of the clause after it whose subject is a name speaks for itself (unnamed when
    the name is not a known actor); the source only reported the claim. Without such a clause ('According
    to Forbes, the plan was "dead"') the source speaks."""
    comma = next((j for j in range(after, len(ws) - 1) if ctx.text[ws[j][1]:ws[j + 1][0]].strip() == ","), None)
    if comma is None:
        return None
    got = _last_cue_speaker(ctx, ws[comma + 1][0], ws[comma + 1:], e, strong_only)
    if got and got[0] is None and got[1] is not None and ctx.text[got[1][0]].isupper():
        return got  # a capitalised subject is a name, even one the actor pass missed: the source still yields
    return got if got and got[0] is not None else None


def _last_cue_speaker(ctx: SpeakerContext, s: int, ws: list[Word], e: int, strong_only: bool) -> Hit | None:
    """The speaker of the last speech cue among `ws` (see subject_before_verb)."""
    cue_words = _cue_words()
    for vi in range(len(ws) - 1, -1, -1):
        if ws[vi][2].lower() not in cue_words or not _is_cue(ctx, ws, vi, e, strong_only):
            continue
        if vi > 0 and ws[vi - 1][2].lower() == "as":
            got = _as_saying(ctx, s, ws, vi)
            if got:
                return got
            continue  # "— as reported by X —" is an aside, not the cue
        found, done = _verb_subject(ctx, s, ws, vi)
        if done and found == (None, None) and agentless_passive(ws, vi):
            found = _agent_after_run(ctx, e) or found  # 'was described as "…" by X'
        if done and not (_reported_clause_verb(ws, vi) and (found is None or found[0] is None)):
            return found
    return None


def _reported_clause_verb(ws: list[Word], vi: int) -> bool:
    """'Blake said the city would appeal.': a cue after a modal, with an unnamed subject, sits inside the
    clause another verb reports, so the search goes on to that earlier verb."""
    return vi > 0 and ws[vi - 1][2].lower() in words("modals")


@functools.cache
def _cue_words() -> frozenset[str]:
    """Every word `_is_cue` may accept, in one set: most words are none, and one look-up settles them."""
    lex = lexicon()
    return lex.speech_verbs | lex.weak_verbs | words("framing_verbs") | words("that_verbs") | words("thought_verbs") \
        | words("thought_passives")


def _is_cue(ctx: SpeakerContext, ws: list[Word], vi: int, e: int, strong_only: bool) -> bool:
    """A lower-case speech verb; a weak or framing one only with the quotation (or a colon) close after it;
    a verb that reports a claim only with "that" ("holds that") when "that" follows it."""
    w = ws[vi][2]
    lw = w.lower()
    lex = lexicon()
    if lw not in _cue_words():
        return False  # (no verb of any kind: most words, settled before the noun-position test)
    if not w[:1].islower() or (vi > 0 and _noun_position(ctx, ws, vi)) or _reader(ws, vi):
        return False
    if lw in lex.speech_verbs and lw not in lex.weak_verbs:
        return True
    if strong_only:
        return False
    if lw in words("that_verbs"):
        return vi + 1 < len(ws) and ws[vi + 1][2].lower() == "that"  # 'He holds that if they were "…"'
    tail = ctx.text[ws[vi][1]:e]
    if lw in words("thought_verbs") and vi == len(ws) - 1 and (tail.strip() in (",", ":") or (
            not tail.strip() and vi > 0 and ws[vi - 1][2].lower() in words("deictic_pronouns"))):
        return True  # 'I was thinking, "oh, …"', 'Why do you think "Melbourne is poised …"?': the thought
    if lw in words("thought_passives") and vi == len(ws) - 2 and ws[-1][2] == "of" \
            and not ctx.text[ws[-1][1]:e].strip():
        return True  # 'I'm always reminded of "what if …"': the thought, quoted
    if lw in lex.weak_verbs and (tail.strip().startswith(":") or (vi + 1 < len(ws) and ws[vi + 1][2] == "that")):
        return True  # 'Calder thinks that the plan is "a disaster"'
    short_object = len(ws) - vi - 1 <= MAX_OBJECT_WORDS
    return lw in words("framing_verbs") and short_object and next_sentence_end(ctx.text, ws[vi][1], e) is None


def _reader(ws: list[Word], vi: int) -> bool:
    """'the sign read "…"' quotes the sign, but 'I've read a lot of talk about: "…"' has a reader, not a
    writer: a verb whose subject speaks only when it is a text ("read") is no cue after a personal pronoun."""
    if vi == 0 or ws[vi][2].lower() not in words("text_subject_verbs"):
        return False
    pron = refs.pronoun_form(ws[:vi])[2].lower()
    return pron in words("personal_subject_pronouns") | words("deictic_pronouns") | words("first_person_pronouns")


def _noun_position(ctx: SpeakerContext, ws: list[Word], vi: int) -> bool:
    """After a determiner or a possessive a speech word is a noun ("in a tweet", "the team's claims"), and
    so is a bare form that also names a text after a determiner and a modifier ("in a blog post"), and a
    plural form counted by a number ("in all 50 U.S. states", "two reports")."""
    gap = ctx.text[ws[vi - 1][1]:ws[vi][0]].strip()
    if ws[vi - 1][2].lower() in words("noun_markers") or (gap[:1] in "'\u2019" and gap != ""):
        return True
    if not gap and _object_position(ws[vi - 1][2].lower()) and not _speech_noun(ctx, ws, vi - 1):
        return True  # 'told state television', 'said on state media': a verb never follows these directly
    if ws[vi][2].endswith("s") and any(w[2][:1].isdigit() or w[2].lower() in words("number_words")
                                       for w in ws[max(0, vi - 2):vi]):
        return True
    if ws[vi][2].lower() in words("speech_nouns_bare") and _after_prepositional_name(ctx, ws, vi):
        return True
    return vi >= 2 and ws[vi][2].lower() in words("speech_nouns_bare") and _opens_noun_phrase(ctx, ws[vi - 2]) \
        and ws[vi - 1][2][:1].islower() and not gap and \
        ctx.text[ws[vi - 2][1]:ws[vi - 1][0]].strip() in ("", "'s", "\u2019s")


def _opens_noun_phrase(ctx: SpeakerContext, w: Word) -> bool:
    """A determiner or possessive ("a", "his") or a possessor's name ("Price's"): the words after it, up to a
    noun, make a noun phrase ("Price's farewell message read": "message" is its noun, no verb)."""
    return w[2].lower() in words("noun_markers") or ctx.text[w[1]:w[1] + 1] in APOSTROPHES


def _speech_noun(ctx: SpeakerContext, ws: list[Word], i: int) -> bool:
    """'the report said', 'his tweet read': the speech word ws[i] is a noun (it follows a determiner or a
    possessive), so a speech verb may follow it."""
    return i >= 1 and ws[i][2].lower() in lexicon().speech_verbs and _noun_position(ctx, ws, i)


def _object_position(prev: str) -> bool:
    """A word after which a speech word is a noun or an adjective, not a verb: a preposition other than
    "to" ("on state television"; 'to say' is a verb) or a speech verb itself ("told state media")."""
    return (prev in words("prepositions") and prev != "to") or prev in lexicon().speech_verbs


def _after_prepositional_name(ctx: SpeakerContext, ws: list[Word], vi: int) -> bool:
    """'reflects this view in Ballot Access News comments:': a name that a preposition opens, right before a
    bare speech word, modifies it as a noun (the name is where the words appeared, not who said them)."""
    j = vi - 1
    while j >= 0 and ws[j][2][:1].isupper() and not ctx.text[ws[j][1]:ws[j + 1][0]].strip():
        j -= 1
    return 0 <= j < vi - 1 and ws[j][2].lower() in words("name_modifier_prepositions") \
        and not ctx.text[ws[j][1]:ws[j + 1][0]].strip()


def _as_saying(ctx: SpeakerContext, s: int, ws: list[Word], vi: int) -> Hit | None:
    """'Politico quoted Tim Manning as saying "…"': the object before "as saying" speaks."""
    if not ws[vi][2].lower().endswith("ing"):
        return None
    hit = ctx.actor_ending_in(s, ws[vi - 1][0], person_only=True) or ctx.actor_ending_in(s, ws[vi - 1][0])
    return (hit[2], (hit[0], hit[1])) if hit else None


def _verb_subject(ctx: SpeakerContext, s: int, ws: list[Word], vi: int) -> tuple[Hit | None, bool]:
    """The subject of the speech verb ws[vi]; the flag says whether the search is over."""
    if _participle(ctx, ws, vi):
        got = _noun_before_participle(ctx, ws, vi) or refs.clause_subject(ctx, s, ws[vi][0])  # "…, saying"
        return got, got is not None
    if _passive(ctx, ws, vi):
        got = refs.speaker_in_phrase(ctx, noun_phrase_after(ws[vi + 2:], ctx.text), prefer_first=True)  # "told by X"
        return got, got is not None
    if agentless_passive(ws, vi):
        return (None, None), True  # 'he was called a "socialist"': the subject is spoken of; the speaker is unnamed
    subj = ws[:_subject_end(ws, vi)]
    if len(subj) >= 2 and subj[-1][2].lower() == "to":
        hit = refs.head_actor(ctx, subj[-2][1], s)  # "led Biden to express": the object of the control verb speaks
        if hit is not None and _object_of_preposition(ctx, hit[0]):
            got = refs.clause_subject(ctx, s, ws[vi][0])  # "took to Twitter to say": a place, not the object
            return got, got is not None
        if hit is not None:
            return (hit[2], (hit[0], hit[1])), True
    if subj and subj[-1][2].lower() in words("verb_coordinators") and \
            ctx.text[subj[-1][1]:ws[vi][0]].strip() == "":
        got = coordinated_subject(ctx, subj[-1][0])  # '…, and called the demand "unprecedented"'
        return got, got is not None
    if not subj:
        return None, True  # an object of the verb ("told Smith") is not the speaker
    if subj[-1][2].lower() in words("relative_pronouns") and not subj[-1][2].isupper():  # "(WHO) warned": a name
        got = relative_antecedent(ctx, s, subj[-1])
        return got, got is not None
    subj = _before_participle_phrase(ctx, subj)
    gap = ctx.text[subj[-1][1]:ws[vi][0]]
    verb_start = None if ASIDE_GAP_RE.fullmatch(gap) else ws[vi][0]  # 'Smith — as the BBC noted — said'
    return refs.resolve_subject(ctx, subj, verb_start) or (None, (subj[-1][0], subj[-1][1])), True


def _participle(ctx: SpeakerContext, ws: list[Word], vi: int) -> bool:
    """An -ing form is a participle whose subject is the clause's ("…, saying", "by saying", "a speech
    declaring", "a statement outside Washington, D.C. saying"), unless the name of a speaker ("with
    Zinichev describing") or an auxiliary ("he was saying") comes right before it; adverbs and a time word
    may stand between the name and the verb ("with the latter yesterday confirming")."""
    if not ws[vi][2].lower().endswith("ing"):
        return False
    if vi == 0 or ctx.text[ws[vi - 1][1]:ws[vi][0]].strip() == ",":
        return True
    p = _past_adverbs(ws, vi) - 1
    if p < 0:
        return True
    if ws[p][2].lower() in words("auxiliaries"):
        return False  # "he was (also) saying"
    head = refs.head_actor(ctx, ws[p][1], ws[0][0])
    if head is not None and head[2].kind != "place":
        # "with Zinichev (of Louisiana) describing": the name right before is its subject, unless it is the
        # object of another preposition ("decided not to play for the Federation saying": the clause's)
        return _object_of_preposition(ctx, head[0])
    return ws[p][2].lower() not in words("pair_anaphors")  # "with the latter confirming": its own subject


def _noun_before_participle(ctx: SpeakerContext, ws: list[Word], vi: int) -> Hit | None:
    """'an example of the media falsely describing him as a "felon"': a common noun after a preposition and a
    determiner, right before the participle (adverbs between), is its subject (a verb's object is not:
    'to ban the players saying'): the role it names (`role_subject`), else someone unnamed. A statement noun
    is not ('a statement saying': the clause subject issued it)."""
    p = _past_adverbs(ws, vi) - 1
    while p > 0 and ws[p][2].endswith("ly") and ws[p][2].islower():
        p -= 1  # "falsely"
    if p >= 1 and _possessed_person_noun(ctx, ws, p) and "," not in ctx.text[ws[p][1]:ws[vi][0]]:
        return None, (ws[p - 1][0], ws[p][1])  # 'recalled his mother telling him "…"': she, unnamed
    if p < 2 or "," in ctx.text[ws[p][1]:ws[vi][0]] or ws[p - 2][2].lower() not in words("prepositions"):
        return None
    noun, det = ws[p][2], ws[p - 1][2].lower()
    if not noun.islower() or det not in words("determiners") or noun in _statement_like():
        return None
    return refs.role_subject(ctx, ws[p - 1:p + 1]) or (None, (ws[p - 1][0], ws[p][1]))


def _possessed_person_noun(ctx: SpeakerContext, ws: list[Word], p: int) -> bool:
    """ws[p] is a noun for a person ("mother", "lawyer") after a possessive pronoun: 'his mother telling him'
    has its own subject for the participle after it, someone unnamed."""
    noun = ws[p][2]
    return noun.islower() and ws[p - 1][2].lower() in words("possessive_determiners") and (
        noun in mapping("role_gender") or noun in refs.DEF_ROLE_PERSON or noun in ctx.role_words
        or noun in words("anonymous_role_nouns"))


@functools.cache
def _statement_or_speech_nouns() -> frozenset[str]:
    """Nouns for a statement or an utterance ("the message", "the verdict"), unioned once."""
    return refs.STATEMENT_NOUNS | words("possessed_speech_nouns")


@functools.cache
def _statement_like() -> frozenset[str]:
    """Nouns for texts and utterances: a participle after them has the clause's subject, who issued them."""
    return words("issued_statement_nouns") | words("statement_nouns_possessed") | words("statement_intro_nouns") \
        | words("speech_nouns_bare") | lexicon().speech_verbs


def _past_adverbs(ws: list[Word], vi: int) -> int:
    """Index just after the word before ws[vi] once adverbs and time words ("yesterday", "also") are
    skipped, auxiliaries excepted."""
    j = vi
    while j > 0 and ws[j - 1][2].lower() in _PAST_SKIP:
        j -= 1
    return j


def _object_of_preposition(ctx: SpeakerContext, start: int) -> bool:
    """The name at `start` is the object of a preposition (past determiners: "for the Federation"), other
    than one opening an absolute construction ("with Zinichev describing", whose name is the subject)."""
    before = ctx.words(max(0, start - 40), start)
    while before and before[-1][2].lower() in words("determiners"):
        before.pop()
    lw = before[-1][2].lower() if before else ""
    return lw in words("prepositions") and lw not in words("absolute_prepositions")


def _before_participle_phrase(ctx: SpeakerContext, subj: list[Word]) -> list[Word]:
    """'Mitsotakis speaking to the Atlantic Council think tank called …', 'Ferrand in relaying the news to
    parliament said …': a participle phrase right after a name (a speech participle, or any -ing form after
    a preposition that opens such a phrase) modifies it, so the subject ends with the name."""
    for i in range(1, len(subj)):
        w = subj[i][2]
        opened = w.lower() in words("participle_phrase_openers") and i + 1 < len(subj) \
            and subj[i + 1][2].endswith("ing")
        possessed = ctx.text[subj[i - 1][1]:subj[i - 1][1] + 1] in APOSTROPHES  # "Roe's warning": a noun
        if (opened or (w.endswith("ing") and w in lexicon().speech_verbs)) and not possessed and \
                ctx.actor_ending_at(subj[i - 1][1], subj[0][0]) is not None:
            return subj[:i]
    return subj


def _passive(ctx: SpeakerContext, ws: list[Word], vi: int) -> bool:
    """'was told by X', 'a pattern described by X as': a past participle with "by" right after it (an
    auxiliary before it, or a common noun that it modifies)."""
    if vi + 1 >= len(ws) or ws[vi + 1][2].lower() != "by" or ctx.text[ws[vi][1]:ws[vi + 1][0]].strip():
        return False
    before = ws[max(0, vi - 2):vi]
    if any(w[2].lower() in words("passive_auxiliaries") for w in before):
        return True
    return bool(before) and ws[vi][2].endswith("ed") and before[-1][2][:1].islower() and \
        before[-1][2].lower() not in words("third_person_pronouns") | words("first_person_pronouns")


def agentless_passive(ws: list[Word], vi: int) -> bool:
    """'Trump was said to be suffering "minor symptoms"', 'he was called a "Democratic socialist"': a speech
    verb in the passive without a "by" agent makes its subject the one spoken about or to, so the words
    are someone else's, unnamed. 'was quoted as saying' keeps its subject as the speaker."""
    j = vi
    while j > 0 and ws[j - 1][2].lower() in _ACTIVE_ADVERBS:
        j -= 1
    if j == 0 or ws[j - 1][2].lower() not in words("passive_auxiliaries") or ws[vi][2].lower().endswith("ing"):
        return False
    return not any(w[2].lower().endswith("ing") or w[2].lower() == "by" for w in ws[vi + 1:vi + 3])


def _agent_after_run(ctx: SpeakerContext, e: int) -> Hit | None:
    """'The deal was described as "a disaster" by Ann Roe': a passive speech verb before the run whose
    agent follows the run ("by" right after its closing mark) has that agent as the speaker, when the agent
    is named there ("by the police" names nobody: the latest organisation is no agent)."""
    k = bisect_left(ctx.quote_starts, e)
    if k >= len(ctx.quote_starts) or ctx.quote_starts[k] != e:
        return None
    end = ctx.quote_spans[k][1]
    ws = ctx.words(end, min(len(ctx.text), end + AGENT_REACH))
    if len(ws) < 2 or ws[0][2] != "by" or ctx.text[end:ws[0][0]].strip():
        return None
    phrase = noun_phrase_after(ws[1:], ctx.text)
    got = refs.speaker_in_phrase(ctx, phrase, prefer_first=True) if phrase else None
    named = got is not None and got[0] is not None and any(a is got[0] for _s, _e, a in ctx.spans_in(
        phrase[0][0], phrase[-1][1]))
    return got if named else None


AGENT_REACH = 80  # '"…" by the former mayor of Eastport, Ann Roe': how far the agent phrase may run


def relative_antecedent(ctx: SpeakerContext, s: int, rel: Word) -> Hit | None:
    """'Mark Hay, a marine ecologist, who said': "who" stands for the latest person before it (an
    appositive between them is skipped), "which" for an organisation named right before it, or a statement
    ("a statement which read": its issuer's words); with no name, the role phrase before it. A "which"
    after anything else ("a law of Acme which says") stands for a thing: nobody named speaks."""
    person = rel[2].lower() in words("personal_relative_pronouns")
    hit = ctx.actor_ending_in(s, rel[0], person_only=person)
    if not person and (hit is None or WORD_RE.search(ctx.text, hit[1], rel[0])):
        return _role_antecedent(ctx, s, rel) or _statement_antecedent(ctx, s, rel) or (None, (rel[0], rel[1]))
    if hit is None:
        return _role_antecedent(ctx, s, rel)
    if not person and hit[2].kind != "organisation":
        return None
    return hit[2], (hit[0], hit[1])


def _statement_antecedent(ctx: SpeakerContext, s: int, rel: Word) -> Hit | None:
    """'Facebook released a statement which read': "which" after a statement noun stands for that statement,
    which speaks for the subject of the clause that issued it, or for its possessor ("Mott's tweet, which
    read")."""
    before = ctx.words(s, rel[0])[-1:]
    if not before or before[0][2].lower() not in words("issued_statement_nouns"):
        return None
    ss = ctx.sentence_start(before[0][0])
    got = refs.clause_subject(ctx, ss, before[0][0]) or docs.statement_possessor(ctx, ss, before[0][0])
    return got if got and got[0] is not None else None


def _role_antecedent(ctx: SpeakerContext, s: int, rel: Word) -> Hit | None:
    """'the president, who has called the inquiry a "hoax"': with no name before it, "who" stands for the
    role phrase it follows: "the president" the person introduced with that title, "the company" the
    organisation a subject "the company" would be."""
    ws = ctx.words(s, rel[0])
    if len(ws) < 2 or ctx.text[ws[-1][1]:rel[0]].strip() != "," or ws[-2][2].lower() != "the":
        return None
    if rel[2].lower() in words("personal_relative_pronouns"):
        a = refs.titled_person(ctx, ws[-1][2].lower(), ws[-1][0])  # only a person introduced with the title
        return (a, (ws[-2][0], ws[-1][1])) if a else None
    got = refs.role_subject(ctx, ws)
    return got if got and got[0] is not None else None


ASIDE_RE = re.compile(r"\s[\u2014\u2013-]\s|\u2014")
ASIDE_GAP_RE = re.compile(r"\s*(?:\u2014|\s[\u2013-]\s).*(?:\u2014|\s[\u2013-]\s)\s*", re.DOTALL)


def outside_asides(text: str, ws: list[Word], e: int) -> list[Word]:
    """The words that are not inside a dash-delimited aside ('X — as the BBC noted — said')."""
    if not ws or not _has_dash(text[ws[0][0]:e]):
        return ws  # (most windows: no dash, so no aside, found without a pattern search)
    cuts: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in ASIDE_RE.finditer(text, ws[0][0], e):
        if open_at is None:
            open_at = m.start()
        else:
            cuts.append((open_at, m.end()))
            open_at = None
    if not cuts:
        return ws
    return [w for w in ws if not any(a <= w[0] < b for a, b in cuts)]


def _has_dash(window: str) -> bool:
    """Whether `window` holds a dash, which every match of ASIDE_RE does."""
    return "\u2014" in window or "\u2013" in window or "-" in window


def _subject_end(ws: list[Word], vi: int) -> int:
    """Where the subject before ws[vi] ends: adverbs, auxiliaries and a time phrase ("Clinton on Tuesday
    called") are skipped, and so is a catenative ("She went on to say", "He continued to say"), whose own
    subject speaks."""
    j = vi
    while j > 0 and ws[j - 1][2].lower() in ADVERBS:
        j -= 1
    if j > 0 and ws[j - 1][2].lower() in words("time_words"):
        j -= 1
        while j > 0 and ws[j - 1][2].lower() in _TIME_LEADS:
            j -= 1
    if j >= 2 and ws[j - 1][2].lower() == "to":
        c = j - 1
        if c >= 1 and ws[c - 1][2].lower() == "on":
            c -= 1
        if c >= 1 and ws[c - 1][2].lower() in CATENATIVES:
            j = c - 1
            while j > 0 and ws[j - 1][2].lower() in ADVERBS:
                j -= 1
    return j


def coordinated_subject(ctx: SpeakerContext, e: int) -> Hit | None:
    """Subject of a coordinated verb ("X opposed the move and said …"): the previous quotation's speaker
    in the same sentence, else the pronoun or first actor of the sentence that is no object (of a
    preposition: "for X"; of a verb or a copula: "found Novichok", "I'm not X")."""
    k = bisect_right(ctx.quote_starts, e) - 1
    while k >= 0 and ctx.quote_spans[k][1] > e:
        k -= 1
    if k >= 0 and ctx.runs[k].speaker is not None \
            and ctx.runs[k].para == ctx.runs[min(k + 1, len(ctx.runs) - 1)].para \
            and next_sentence_end(ctx.text, ctx.quote_spans[k][1], e) is None:
        return ctx.runs[k].speaker, ctx.runs[k].speaker_span
    ss = ctx.sentence_start(e)
    inner = reported_clause_subject(ctx, ss, e)
    if inner is not None:
        return inner
    first = ctx.words(ss, e)[:2]
    if first and first[0][2].lower() in words("personal_subject_pronouns"):
        hit = refs.pronoun_hit(ctx, first[0])
        if hit[0] is not None:
            return hit
    role = refs.role_subject(ctx, first) if len(first) == 2 else None  # "The president … and vowed"
    if role:
        return role
    for st, en, a in ctx.spans_in(ss, e):
        if a.kind in ("person", "organisation") and not ctx.prepositional(st) and not ctx.inside_quote(st) \
                and not _after_verb(ctx, ss, st) and ctx.text[en:en + 1] not in APOSTROPHES:
            return a, (st, en)
    return None


def reported_clause_subject(ctx: SpeakerContext, ss: int, e: int) -> Hit | None:
    """'The Gazette reported that the mayor toured the site and called the plan "a disaster."': a verb
    coordinated inside a clause that a complementizer opens ("that", "whether") shares the subject of that
    clause, the nearer conjunct's; the outer subject only reports what the inner one said. Only a subject
    that names someone (a name, a pronoun, a role introduced before) counts ('X said that the bill failed
    and called it "…"' is still X's: a bill calls nothing)."""
    ws = ctx.words(ss, e)
    k = next((i for i in range(len(ws) - 2, -1, -1) if ws[i][2].lower() in words("complementizers")
              and not ctx.inside_quote(ws[i][0])), None)
    if k is None:
        return None
    hit = refs.clause_subject(ctx, ws[k + 1][0], e) or refs.role_subject(ctx, ws[k + 1:k + 3])  # "the mayor"
    return hit if hit is not None and hit[0] is not None else None


def _after_verb(ctx: SpeakerContext, ss: int, st: int) -> bool:
    """The mention at `st` follows a lower-case word directly (no comma), which is no determiner, title or
    role word: a verb or copula whose object or complement it is ("found Novichok", "I'm not X")."""
    prev = ctx.words(ss, st)[-1:]
    if not prev or ctx.text[prev[0][1]:st].strip():
        return False
    w = prev[0][2]
    return w[:1].islower() and w.lower() not in words("determiners") | words("possessive_determiners") \
        and w.lower() not in ctx.role_words and w.lower() not in ctx.function_words
