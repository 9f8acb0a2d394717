"""Framing: who is in the story, who gets to speak, which frames carry it.

One module per concern, each a tidy table with its evidence:

- :mod:`analysis.framing.actors`: actor mentions and salience, names the
  dictionary does not cover.
- :mod:`analysis.framing.speakers`: every quote with its kind and speaker
  (the quotation marks themselves are found by :mod:`analysis.quotes`, which
  readability and sentiment share), quote shares by speaker and actor.
- :mod:`analysis.framing.frames`: frame words per sentence (Semetko and
  Valkenburg 2000).
- :mod:`analysis.framing.roles`: actors × frames, tone by actor, and the
  problem and remedy roles (Entman 1993).

Everything public is importable from ``analysis.framing`` directly.
"""

from __future__ import annotations

from analysis.framing.actors import (
    ActorDictionary,
    ActorEntry,
    Mention,
    Salience,
    actor_salience,
    actors_by_salience,
    load_actor_dictionary,
    parse_actor_dictionary,
    suggest_actors,
    unnest_actor_mentions,
)
from analysis.framing.frames import (
    Trigger,
    frame_totals,
    load_frames,
    sentence_frames,
    unnest_frame_triggers,
)
from analysis.framing.roles import (
    MIN_ROLE_WORDS,
    PROBLEM_FRAMES,
    REMEDY_FRAMES,
    ActorTone,
    actor_frames,
    actor_tone,
    findings,
    framing_summary,
    problem_and_remedy,
)
from analysis.framing.speakers import (
    QUOTE_COLUMNS,
    Quote,
    QuoteShare,
    classify_quote,
    most_quoted_actor,
    quote_counts,
    quote_share,
    unnest_quotes,
    unquoted_actors,
)

__all__ = [
    "MIN_ROLE_WORDS",
    "PROBLEM_FRAMES",
    "QUOTE_COLUMNS",
    "REMEDY_FRAMES",
    "ActorDictionary",
    "ActorEntry",
    "ActorTone",
    "Mention",
    "Quote",
    "QuoteShare",
    "Salience",
    "Trigger",
    "actor_frames",
    "actor_salience",
    "actor_tone",
    "actors_by_salience",
    "classify_quote",
    "findings",
    "frame_totals",
    "framing_summary",
    "load_actor_dictionary",
    "load_frames",
    "most_quoted_actor",
    "parse_actor_dictionary",
    "problem_and_remedy",
    "quote_counts",
    "quote_share",
    "sentence_frames",
    "suggest_actors",
    "unnest_actor_mentions",
    "unnest_frame_triggers",
    "unnest_quotes",
    "unquoted_actors",
]
