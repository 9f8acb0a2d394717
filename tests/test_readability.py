"""Readability: formulas worked by hand, agreement with textstat where it segments right,
and the seed's numbers from its own sentences."""

from __future__ import annotations

import pytest
import textstat

from analysis import load_article
from analysis.readability import (
    COUNT_COLUMNS,
    INDEX_COLUMNS,
    compare_with_textstat,
    dale_chall_band,
    flesch_band,
    grade_audience,
    hard_words,
    hardest_sentences,
    readability_scores,
    readability_table,
    textstat_scores,
    textstat_sentences,
    word_syllables,
)

# Three sentences, 17 words, 18 syllables (every word has one, "sun-ny" two).
SIMPLE = "The cat sat on the mat. The dog ran to the park. It was a sunny day."

# Plain prose with no abbreviation, hyphen, apostrophe or number: textstat splits it right.
PLAIN = (
    "The committee discussed the proposal at length. Several members expressed serious "
    "concerns about the budget. The chairman promised a careful review before the next "
    "meeting. Nobody objected to the plan."
)


def scores(text: str) -> dict:
    return readability_scores(load_article(text))


def test_counts_by_hand():
    counts = scores(SIMPLE)["counts"]
    assert counts["n_sents"] == 3
    assert counts["n_words"] == 17
    assert counts["n_syllables"] == 18
    assert counts["n_letters"] == 3 + 3 + 3 + 2 + 3 + 3 + 3 + 3 + 3 + 2 + 3 + 4 + 2 + 3 + 1 + 5 + 3
    assert counts["n_polysyllable_words"] == 0


def test_formulas_by_hand():
    s = scores(SIMPLE)
    words_per_sentence, syllables_per_word = 17 / 3, 18 / 17
    assert s["flesch_reading_ease"] == pytest.approx(
        206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word, abs=0.005
    )  # = 111.51: easier than the scale's nominal top, as Flesch allows
    assert s["flesch_kincaid_grade"] == pytest.approx(
        0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59, abs=0.005
    )
    letters = scores(SIMPLE)["counts"]["n_letters"]
    assert s["automated_readability_index"] == pytest.approx(
        4.71 * letters / 17 + 0.5 * words_per_sentence - 21.43, abs=0.005
    )
    assert s["coleman_liau_index"] == pytest.approx(
        0.058 * 100 * letters / 17 - 0.296 * 100 * 3 / 17 - 15.8, abs=0.005
    )
    # No word has three syllables: SMOG is its constant, Fog is 0.4 × sentence length.
    assert s["smog_index"] == pytest.approx(3.1291, abs=0.005)
    assert s["gunning_fog"] == pytest.approx(0.4 * words_per_sentence, abs=0.005)
    # Linsear Write: 17 easy words over 3 sentences = 5.67 <= 20, so (5.67 - 2) / 2.
    assert s["linsear_write_formula"] == pytest.approx((17 / 3 - 2) / 2, abs=0.005)


def test_dale_chall_by_hand():
    # Every word of SIMPLE is on the Dale–Chall familiar list: no 3.6365 adjustment.
    s = scores(SIMPLE)
    assert s["counts"]["n_difficult_words"] == 0
    assert s["dale_chall_readability_score"] == pytest.approx(0.0496 * 17 / 3, abs=0.005)
    # "ministers", "signed" (inflections count, as in textstat) and "memorandum" are not:
    # 3 of 5 words = 60% > 5%, so the adjustment applies.
    s = scores("The ministers signed a memorandum.")
    assert s["counts"]["n_difficult_words"] == 3
    assert s["dale_chall_readability_score"] == pytest.approx(
        0.1579 * 60 + 0.0496 * 5 + 3.6365, abs=0.005
    )


def test_equal_to_textstat_where_textstat_segments_right():
    ours = scores(PLAIN)
    theirs = textstat_scores(PLAIN)
    assert theirs["counts"]["n_sents"] == ours["counts"]["n_sents"] == 4
    # ARI differs on purpose: textstat counts the periods as characters, we count letters
    # and digits as Smith and Senter (1967) did.
    for name in set(INDEX_COLUMNS) - {"automated_readability_index"}:
        assert ours[name] == pytest.approx(theirs[name], abs=0.01), name
    assert ours["automated_readability_index"] == pytest.approx(
        textstat.automated_readability_index(PLAIN) - 4.71 * 4 / 30, abs=0.01
    )


def test_syllables_of_news_tokens():
    assert word_syllables("U.S.") == 2
    assert word_syllables("W.H.O.") == 5
    assert word_syllables("surface-to-air") == 4
    assert word_syllables("deterrence") == 3
    assert word_syllables("7.2%") == 1
    assert word_syllables("China’s") == word_syllables("China's") == 2


def test_one_word_text():
    s = scores("Hello")
    assert s["counts"]["n_sents"] == 1 and s["counts"]["n_words"] == 1
    assert s["smog_index"] is None  # undefined below three sentences
    assert s["flesch_reading_ease"] is not None


def test_no_final_punctuation_and_numbers():
    s = scores("Spending rose 7.2% in 2024 to 1,500 billion yen")
    assert s["counts"]["n_sents"] == 1
    assert s["counts"]["n_words"] == 9


def test_all_caps_counts_like_lower_case():
    upper = scores("THE MINISTERS MET TODAY. THEY SIGNED A MEMORANDUM.")
    lower = scores("The ministers met today. They signed a memorandum.")
    assert upper == lower


def test_body_without_words_gives_undefined_indices():
    s = scores("Headline\n\n... !\n")
    assert s["counts"]["n_words"] == 0
    assert all(s[name] is None for name in INDEX_COLUMNS)


# -- the seed ------------------------------------------------------------------


def test_seed_counts_come_from_the_article(seed):
    counts = readability_scores(seed)["counts"]
    assert counts["n_sents"] == 28
    assert counts["n_words"] == 627


def test_seed_textstat_oversplits_and_reads_easier(seed):
    table = compare_with_textstat(seed).set_index("measure")
    assert table.loc["n_sents", "textstat"] == 42  # it breaks at every "U.S."
    assert table.loc["n_sents", "ours"] == 28
    assert table.loc["n_words", "textstat"] == table.loc["n_words", "ours"]
    assert table.loc["flesch_reading_ease", "difference"] > 5  # textstat reads easier
    assert table.loc["flesch_kincaid_grade", "difference"] < -2


def test_seed_units_add_up(seed):
    whole = readability_table(seed).iloc[0]
    for unit in ("paragraph", "sentence", "voice"):
        table = readability_table(seed, unit)
        for column in ("n_words", "n_syllables", "n_difficult_words"):
            assert table[column].sum() == whole[column], (unit, column)
    assert len(readability_table(seed, "paragraph")) == 14
    voices = readability_table(seed, "voice").set_index("voice")
    # Seven sentences are mostly quotation: Austin's two, Kamikawa's two, the three closing quotes.
    assert voices.loc["quote", "n_sents"] == 7
    assert voices.loc["narration", "n_sents"] == 21


def test_seed_hardest_sentence_and_hard_words(seed):
    hardest = hardest_sentences(seed, n=3)
    assert list(hardest.columns[:1]) == ["sentence"]
    assert hardest["flesch_kincaid_grade"].is_monotonic_decreasing
    words = hard_words(seed)
    assert words.iloc[0]["word"] == "japan"  # proper names are off the familiar list
    cooperation = words.set_index("word").loc["cooperation"]
    assert cooperation["count"] == 6 and cooperation["is_complex"]


def test_tables_have_documented_columns(seed):
    table = readability_table(seed, "sentence")
    assert {"sentence", "text", *COUNT_COLUMNS, *INDEX_COLUMNS} <= set(table.columns)
    with pytest.raises(ValueError, match="by must be"):
        readability_table(seed, "chapter")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("score", "style"),
    [(95, "very easy"), (65, "standard"), (45, "difficult"), (19.1, "very difficult")],
)
def test_flesch_bands(score, style):
    assert flesch_band(score)[0] == style


def test_grade_and_dale_chall_bands():
    assert grade_audience(16.2) == "college"
    assert grade_audience(10) == "high school"
    assert grade_audience(4) == "elementary school"
    assert dale_chall_band(7.5) == "grades 9–10"


def test_textstat_sentences_show_where_it_splits(seed):
    pieces = textstat_sentences(seed.body_text)
    assert len(pieces) == textstat.sentence_count(seed.body_text) == 42
    assert pieces[0] == "Japanese and U."


@pytest.mark.parametrize("text", [
    "Talks end\n\nOne short sentence. Another one, longer and harder to read.",
    "No headline line here at all, just a sentence that runs on.",
    "Headline with many words in it\n\n" + "A b c. " * 25_000,  # more than one sum chunk
])  # fmt: skip
def test_body_counts_from_column_slices_equal_counts_of_the_body_words(text):
    from analysis.readability import _body_columns, _body_words, _count, count_words

    article = load_article(text)
    assert _count(*_body_columns(article)) == count_words(_body_words(article))
    assert len(_body_columns(article)[0]) == len(article.body_words)
