"""Tables for people: labels, numbers, missing values, names in their own case, stable HTML."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis import load_article
from analysis.datafiles import read_entries
from analysis.tables import MISSING, display_forms, for_people, frame_label, label, labels, tidy


def test_every_frame_of_the_lexicon_has_a_display_name():
    frames = {frame for _, frame, _ in read_entries("frames.tsv", 3)}
    assert frames <= set(labels())
    assert frame_label("military_capability_deterrence") == "Military capability and deterrence"


def test_labels_from_the_file_else_underscores_as_spaces():
    assert label("flesch_kincaid_grade") == "Flesch–Kincaid grade"
    assert label("n_sentences") == "sentences"
    assert label("some_new_column") == "some new column"


def test_row_numbers_are_dropped_and_a_named_index_becomes_a_column():
    frame = pd.DataFrame({"sentence": [1, 2], "text": ["A.", "B."]})
    assert list(tidy(frame).columns) == ["sentence", "text"]
    assert list(tidy(frame[frame["sentence"] == 2]).columns) == ["sentence", "text"]
    named = pd.DataFrame({"count": [3]}, index=pd.Index(["japan"], name="term"))
    assert tidy(named).to_dict("list") == {"term": ["japan"], "count": ["3"]}


def test_integers_stay_integers_and_scores_get_their_decimals():
    frame = pd.DataFrame({
        "mentions": [24.0, 3.0],                # a count stored as float after a join
        "compound": [0.61234, -0.0001],         # two decimals; never -0.00
        "flesch_reading_ease": [19.09, 47.6],   # whole points
        "expected": [0.0000352, 12.345],        # three significant figures, no exponent
        "other": [1.23456, 2.0],                # no entry: two decimals
    })  # fmt: skip
    shown = tidy(frame)
    assert shown["mentions"].tolist() == ["24", "3"]
    assert shown["VADER compound"].tolist() == ["0.61", "0.00"]
    assert shown["Flesch Reading Ease"].tolist() == ["19", "48"]
    assert shown["expected count"].tolist() == ["0.0000352", "12.3"]
    assert shown["other"].tolist() == ["1.23", "2.00"]
    assert tidy(frame, decimals={"other": 0})["other"].tolist() == ["1", "2"]


def test_missing_values_lists_and_booleans_read_as_words():
    frame = pd.DataFrame({
        "speaker": ["Lloyd Austin", None],
        "sentences": [[9, 12], []],
        "score": [math.nan, 1.5],
        "in_vader": [True, False],
        "evidence": [[{"word": "greatest", "valence": 2.6}], []],
    })  # fmt: skip
    shown = tidy(frame)
    assert shown["speaker"].tolist() == ["Lloyd Austin", MISSING]
    assert shown["sentences"].tolist() == ["9, 12", MISSING]
    assert shown["score"].tolist() == [MISSING, "1.50"]
    assert shown["in VADER"].tolist() == ["yes", "no"]
    assert shown["evidence"].tolist() == ["greatest (+2.6)", MISSING]
    text = shown.to_string()
    assert "nan" not in text.lower() and "None" not in text and "[]" not in text


def test_frame_names_are_shown_by_their_display_names_in_cells_and_in_text():
    frame = pd.DataFrame({"dominant_frame": ["conflict_threat", None],
                          "triggers": ["conflict_threat: threat; rules_order: norms", ""]})
    shown = tidy(frame)
    assert shown["main frame"].tolist() == ["Conflict and threat", MISSING]
    assert shown["triggers"].iloc[0] == ("Conflict and threat: threat; "
                                         "Rules and international order: norms")


def test_pivoted_columns_keep_their_spelling():
    table = pd.DataFrame({"a_seed": [8], "b_dod_call": [0]}, index=pd.Index(["China"],
                         name="actor"))  # fmt: skip
    table.columns.name = "article_id"
    assert list(tidy(table).columns) == ["actor", "a_seed", "b_dod_call"]


def test_names_in_their_own_case():
    article = load_article("Talks In Tokyo Renew Cooperation\n\nJapan and the U.S. met. The "
                           "U.S. said Japan's role grew. Cooperation grew; cooperation "
                           "matters to Japan.\n")
    forms = display_forms(article)
    assert forms["japan"] == "Japan"
    assert forms["u.s."] == "U.S."
    assert forms["cooperation"] == "cooperation"  # "Cooperation" opens a sentence and a headline
    assert forms["renew"] == "Renew"  # in the headline only
    table = pd.DataFrame({"term": ["japan", "u.s.", "cooperation"], "count": [3, 2, 2]})
    assert tidy(table, names=forms)["term"].tolist() == ["Japan", "U.S.", "cooperation"]


def test_the_styler_hides_row_numbers_aligns_text_and_is_stable():
    frame = pd.DataFrame({"sentence": [1], "text": ["A long sentence."], "compound": [0.5]})
    html = for_people(frame, caption="Sentences").to_html()
    assert html == for_people(frame.copy(), caption="Sentences").to_html()
    assert "row_heading" not in html  # no 0..n index
    assert "text-align: left" in html and "text-align: right" in html
    assert "<caption>Sentences</caption>" in html
    assert ">0.50<" in html and ">A long sentence.<" in html


@pytest.mark.parametrize("value", [None, math.nan, pd.NA])
def test_every_kind_of_missing_value_is_a_dash(value):
    frame = pd.DataFrame({"actor": pd.Series([value, "China"], dtype=object)})
    assert tidy(frame)["actor"].tolist() == [MISSING, "China"]


def test_cells_are_escaped_not_read_as_html():
    frame = pd.DataFrame({"text": ["<b>bold</b> & <script>x</script>"]})
    html = for_people(frame).to_html()
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;" in html
    assert "<script>" not in html
