"""Property tests: analysis never raises, and every reported span matches the text it claims."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsreader.analysis import ActorHint, analyse, analyse_article
from newsreader.analysis.cache import cache_size, clear_cache

MARKS = list("\"'“”‘’„«»‚`—–-:,.!? \n")
WORDS = ["Smith", "said", "he", "she", "The", "of", "University", "Ken", "Hu", "US", "WHO", "according", "to",
         "Mr", "President", "Chinese", "Tuesday", "told", "reporters", "\n\n", "it's", "Huawei’s"]
news_like = st.lists(st.one_of(st.sampled_from(MARKS), st.sampled_from(WORDS), st.text(max_size=4)),
                     max_size=80).map(" ".join)


def _check(text: str, hints=()) -> None:
    a = analyse(text, hints)
    for q in a.quotes:
        assert text[q.start:q.end] == q.text
        if q.speaker_mention is not None:
            m = q.speaker_mention
            assert text[m.start:m.end] == m.text
        if q.speaker is not None:
            assert q.speaker in {x.name for x in a.actors}
    for actor in a.actors:
        assert actor.kind in ("person", "organisation", "place")
        for m in actor.mentions:
            assert text[m.start:m.end] == m.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_unicode_never_raises(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None)
@given(news_like)
def test_news_like_text_offsets_hold(text: str) -> None:
    _check(text)


@settings(max_examples=100, deadline=None)
@given(news_like, st.lists(st.tuples(st.text(max_size=12), st.sampled_from(["person", "organisation", "place",
                                                                           "bogus"]),
                                     st.lists(st.text(max_size=8), max_size=2)), max_size=3))
def test_hints_never_break_analysis(text: str, raw_hints) -> None:
    hints = [ActorHint(n, k, tuple(al)) for n, k, al in raw_hints]
    _check(text, hints)


def test_non_string_input_gives_empty_analysis() -> None:
    assert analyse(None).quotes == []  # type: ignore[arg-type]  # the wrong type on purpose: it must not crash


def _python_calls(text: str) -> int:
    """Python function calls made by one analysis of `text`: a count of work that a busy machine can't skew."""
    import cProfile
    import pstats

    profile = cProfile.Profile()
    profile.runcall(analyse, text)
    return pstats.Stats(profile).total_calls  # type: ignore[attr-defined]  # set by Stats, not declared


def test_unclosed_quotes_and_long_lines_stay_linear() -> None:
    def text(n: int) -> str:
        return 'He said "hello and ' * n + "Ken Hu " * n

    _check(text(20000))  # the offsets hold on the big input
    # Calls grow by the same amount per 1,000 repetitions (linear); a quadratic pass would make the second
    # increment three times the first. Differences cancel the fixed cost of a call.
    _python_calls(text(10))  # the first analysis also loads the word lists
    c1, c2, c3 = (_python_calls(text(n)) for n in (1000, 2000, 3000))
    assert c3 - c2 < 1.5 * (c2 - c1), (c1, c2, c3)


def test_unclosed_quotes_and_long_lines_are_analysed_within_the_bound() -> None:
    # (speed is measured by benchmarks/analysis.py; here: the work is bounded by MAX_CHARS, and the spans
    # found in a pathological body still match its text)
    from newsreader.analysis import MAX_CHARS

    text = 'He said "hello and ' * 20000 + "Ken Hu " * 20000
    _check(text)
    a = analyse(text)
    assert all(m.end <= MAX_CHARS for x in a.actors for m in x.mentions)
    assert all(q.end <= MAX_CHARS for q in a.quotes)


def test_cache_hits_by_body_and_hints() -> None:
    clear_cache()
    a = analyse_article("“It works well,” said Ann Lee.")
    b = analyse_article("“It works well,” said Ann Lee.")
    assert a is b and cache_size() == 1
    c = analyse_article("“It works well,” said Ann Lee.", (ActorHint("Ann Lee", "person"),))
    assert c is not a and cache_size() == 2


def test_core_does_not_import_textual_or_rich() -> None:
    code = ("import sys, newsreader.analysis as a; a.analyse('“Hi there friend,” said Ann Lee.'); "
            "print('textual' in sys.modules or 'rich' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
