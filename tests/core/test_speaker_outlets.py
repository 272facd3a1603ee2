"""Outlets and platforms as sources ("according to the Daily Ledger", "in Gazette comments", "took to
Chirper to say"): the outlet speaks only when the clause names no speaker. Made-up sentences, hand-made
actor index."""

from __future__ import annotations

import pytest

from .test_analysis_speakers import attributions

M = ("person", "m", ())
F = ("person", "f", ())
ORG = ("organisation", None, ())

# An outlet or platform the words appeared in ("according to the Daily Ledger", "in Gazette comments",
# "took to Chirper") speaks only when the clause names no speaker of its own.
OUTLETS = {
    "according to an outlet, the clause subject claimed": (
        'The singer was busy in May. According to his biographer Ann Lee, Tom Verity claimed to speak with the '
        'mayor "almost every week."',
        {"Tom Verity": M, "Ann Lee": F},
        [("almost every week.", "Tom Verity")]),
    "according to an outlet, an unknown name claimed": (
        'According to the Daily Ledger, Verity claimed to speak with the mayor "almost every week."',
        {"Daily Ledger": ORG},
        [("almost every week.", None)]),
    "according to an outlet with no clause speaker": (
        'According to the Daily Ledger, the plan was "dead on arrival."',
        {"Daily Ledger": ORG},
        [("dead on arrival.", "Daily Ledger")]),
    "comments in an outlet are the subject's": (
        'Party chairman Ned Olsen sets out this view in Harbor Gazette comments: "We will never accept the '
        'new map."',
        {"Ned Olsen": M, "Harbor Gazette": ORG},
        [("We will never accept the new map.", "Ned Olsen")]),
    "took to a platform to say: the clause subject speaks, not the platform": (
        'Ann Roe took to Chirper to say she would "fight the plan".',
        {"Ann Roe": F, "Chirper": ORG},
        [("fight the plan", "Ann Roe")]),
}


@pytest.mark.parametrize("name", OUTLETS)
def test_outlets_as_sources(name: str) -> None:
    text, actors, expected = OUTLETS[name]
    got = attributions(text, actors)
    assert got == expected
