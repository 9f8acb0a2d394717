"""Every public helper on odd articles of our own: each returns its documented table (empty
where there is nothing to show) or a number, never an exception; bad arguments are refused
with a clear error."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from matplotlib.figure import Figure

from analysis import (
    framing,
    load_article,
    overview,
    plots,
    readability,
    sentiment,
    structure_table,
    terms,
    unnest_sentences,
    unnest_tokens,
)
from analysis.errors import AnalysisError, UsageError
from analysis.render import article_html

ODD = {
    "one sentence": "Talks\n\nIt rained.\n",
    "no headline, one word": "Rain.\n",
    "no quotes, no actors, no frame words": "Garden show\n\nThe roses bloomed early this year. "
                                            "Visitors came from nearby towns to see them.\n",
    "only stopwords and numbers": "It is\n\nIt is what it is, and 42 of 42 were there.\n",
    "only a quote": 'Talks\n\n"We will see."\n',
    "only punctuation words": "Talks\n\n... !!! ???\n",
}

TABLE_HELPERS = {
    "unnest_sentences": unnest_sentences,
    "unnest_tokens": unnest_tokens,
    "structure_table": structure_table,
    "readability_table": readability.readability_table,
    "readability_table by sentence": lambda a: readability.readability_table(a, "sentence"),
    "readability_table by paragraph": lambda a: readability.readability_table(a, "paragraph"),
    "readability_table by voice": lambda a: readability.readability_table(a, "voice"),
    "unnest_words": readability.unnest_words,
    "hard_words": readability.hard_words,
    "hardest_sentences": readability.hardest_sentences,
    "sentence_sentiment": sentiment.sentence_sentiment,
    "evidence_table": sentiment.evidence_table,
    "sentiment_by": sentiment.sentiment_by,
    "sentiment_arc": sentiment.sentiment_arc,
    "unnest_evidence": sentiment.unnest_evidence,
    "influential_words": sentiment.influential_words,
    "disagreements": sentiment.disagreements,
    "vader_coverage": sentiment.vader_coverage,
    "unnest_terms": terms.unnest_terms,
    "term_counts": terms.term_counts,
    "term_counts by lemma": lambda a: terms.term_counts(a, by="lemma"),
    "ngrams": terms.ngrams,
    "collocations": terms.collocations,
    "keyness": terms.keyness,
    "kwic": lambda a: terms.kwic(a, "talks"),
    "kwic phrase": lambda a: terms.kwic(a, "peace talks"),
    "term_positions": lambda a: terms.term_positions(a, ["talks", "peace talks"]),
    "terms_by_region": terms.terms_by_region,
    "unnest_actor_mentions": framing.unnest_actor_mentions,
    "actor_salience": framing.actor_salience,
    "suggest_actors": framing.suggest_actors,
    "unnest_quotes": framing.unnest_quotes,
    "quote_share": framing.quote_share,
    "quote_share by actor": lambda a: framing.quote_share(a, "actor"),
    "unnest_frame_triggers": framing.unnest_frame_triggers,
    "sentence_frames": framing.sentence_frames,
    "actor_frames": framing.actor_frames,
    "actor_tone": framing.actor_tone,
    "problem_and_remedy": framing.problem_and_remedy,
}

VALUE_HELPERS = {
    "overview": overview,
    "readability_scores": readability.readability_scores,
    "sentiment_summary": sentiment.sentiment_summary,
    "body_means": sentiment.body_means,
    "top_terms": terms.top_terms,
    "key_terms": terms.key_terms,
    "quote_counts": framing.quote_counts,
    "most_quoted_actor": framing.most_quoted_actor,
    "unquoted_actors": framing.unquoted_actors,
    "actors_by_salience": framing.actors_by_salience,
    "frame_totals": framing.frame_totals,
    "framing_summary": framing.framing_summary,
    "article_html": article_html,
}


@pytest.fixture(params=ODD, scope="module")
def odd(request):
    return load_article(ODD[request.param])


@pytest.mark.parametrize("name", TABLE_HELPERS)
def test_every_table_helper_returns_a_table(odd, name):
    table = TABLE_HELPERS[name](odd)
    assert isinstance(table, pd.DataFrame)


@pytest.mark.parametrize("name", VALUE_HELPERS)
def test_every_value_helper_returns_a_value(odd, name):
    VALUE_HELPERS[name](odd)  # no exception is the point; values are checked elsewhere


def test_charts_of_empty_tables_are_refused_with_a_message(odd):
    # an empty chart is never drawn: the notebook says in a sentence that there is nothing
    table = framing.actor_frames(odd)
    positions = terms.term_positions(odd, ["talks"])
    charts = [(table.empty or not table.to_numpy().sum(),
               lambda: plots.heatmap(table, title="Actors and frames")),
              (positions.empty, lambda: plots.dispersion_plot(
                  positions, order=["talks"], n_words=1, title="Where talks appear"))]
    for empty, draw in charts:
        if empty:
            with pytest.raises(UsageError, match="nothing to chart"):
                draw()
        else:
            assert isinstance(draw(), Figure)


def test_an_empty_article_is_refused_and_an_undefined_index_is_nan():
    with pytest.raises(AnalysisError):
        load_article("   \n")
    scores = readability.readability_scores(load_article("Talks\n\nIt rained.\n"))
    assert scores["smog_index"] is None  # fewer than three sentences: undefined, not an error
    assert not math.isnan(scores["flesch_reading_ease"])


@pytest.mark.parametrize(("call", "message"), [
    (lambda a: terms.kwic(a, "talks", window=-3), "window"),
    (lambda a: terms.kwic(a, ""), "term"),
    (lambda a: terms.term_positions(a, []), "terms"),
    (lambda a: readability.readability_table(a, "chapter"), "by"),
    (lambda a: framing.quote_share(a, "country"), "by"),
])  # fmt: skip
def test_bad_arguments_get_a_clear_error(call, message):
    article = load_article(ODD["one sentence"])
    with pytest.raises((ValueError, AnalysisError), match=message):
        call(article)
