"""Named actors: the passes that turn a tokenised body into its cast of people, organisations and places.

Each pass lives in `passes/` with its linguistic rule in its docstring; this module only names their
order. Candidates come from capitalised runs, are split at titles, joined across "of"/"and", filtered,
typed, grouped by form, merged by coreference and finally searched for everywhere in the body.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .model import ActorHint
from .passes import (boundaries, coreference, entities, evidence, filtering, kinds, mentions, person_evidence, runs,
                     sentence_kinds, weighing)
from .state import Cast, DocState
from .text import Doc

Pass = Callable[[DocState], None]

ACTOR_PASSES: tuple[Pass, ...] = (
    evidence.capitalisation,
    evidence.headlines,
    evidence.captions,
    evidence.fragments,
    runs.capitalised_runs,
    boundaries.split_runs,
    boundaries.join_organisations,
    filtering.filter_candidates,
    kinds.candidate_kinds,
    person_evidence.person_contexts,
    entities.hint_entities,
    entities.group_forms,
    coreference.bracketed_acronyms,
    coreference.known_aliases,
    coreference.formal_state_names,
    coreference.initialisms,
    coreference.spellings,
    coreference.outlet_brands,
    coreference.nested_organisations,
    coreference.abridged_organisations,
    coreference.company_short_names,
    coreference.person_names,
    coreference.common_word_surnames,
    coreference.birth_names,
    mentions.canonical_names,
    mentions.find_mentions,
    mentions.context_kinds,
    mentions.body_anaphora,
    kinds.locative_places,
    mentions.labels_only,
    weighing.weigh_entities,
    weighing.learned_kinds,
    sentence_kinds.described_or_listed_kinds,
    sentence_kinds.plural_named_bodies,
    sentence_kinds.contest_sides,
    mentions.build_cast,
)


def find_actors(doc: Doc, hints: Sequence[ActorHint] = ()) -> Cast:
    """The cast of one tokenised body (the actor passes alone, without quotations)."""
    state = DocState(doc, tuple(hints))
    for step in ACTOR_PASSES:
        step(state)
    assert state.cast is not None
    return state.cast
