"""The adapter to NLTK's and textstat's non-public parts equals their public API."""

from __future__ import annotations

import random

import textstat

from analysis.adapters import easy_words
from analysis.readability import _count_syllables
from analysis.sentiment import analyzer, explain_vader
from tests.conftest import ROOT, SEED

WORDS = ["threat", "deterrence", "interoperability", "cybersecurity", "Kamikawa", "the",
         "extraordinary", "reconnaissance", "don't", "quo", "xyzzyq", "ministry",
         "alliance"]  # fmt: skip


def _sample(n: int) -> list[str]:
    """Every test word and ``n`` words of the Dale–Chall list and of the CMU dictionary."""
    from analysis.adapters import syllable_sources

    cmu, _ = syllable_sources()
    pick = random.Random(11)
    return WORDS + pick.sample(sorted(easy_words()), n) + pick.sample(sorted(cmu), n)


def test_syllables_equal_textstats_public_count():
    for word in _sample(300):
        plain = word.lower()
        if plain.isalpha():  # textstat's text-level function strips punctuation first
            assert _count_syllables(plain) == textstat.syllable_count(plain), word


def test_easy_words_equal_textstats_public_test():
    for word in _sample(300):
        if word.isalpha():
            expected = textstat.is_easy_word(word, syllable_threshold=0)
            assert (word.lower() in easy_words()) == expected, word


def test_vader_explanation_with_the_but_rule_equals_polarity_scores():
    sia = analyzer()
    texts = ["The talks were tense, but the outcome was good.",
             "It is a good plan but a terrible risk, but we hope.",
             "But nothing was lost.", "Allies welcomed it but China protested angrily."]
    for text in texts:
        assert explain_vader(text).compound == sia.polarity_scores(text)["compound"], text


def test_the_unpacked_language_model_classifies_as_py3langids_own():
    import numpy as np
    from py3langid import langid

    from analysis.language import SAMPLE_CHARS, _identifier

    own = langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)
    texts = ["The ministers met in Tokyo to discuss the alliance.",
             "Nagpulong ang mga ministro sa Tokyo upang pag-usapan ang alyansa.",
             "Die Minister trafen sich in Tokio, um über das Bündnis zu sprechen.",
             "東京で閣僚が同盟について協議した。", "ok", "", "1234 5678",
             "SHOUTING HEADLINE ABOUT THE TALKS"]  # fmt: skip
    for text in texts:
        assert _identifier().classify(text) == own.classify(text), text
    assert _identifier().classify(texts[1])[0] == "tl"
    # Every language's score, to the bit, on the sample each evaluation article is read by
    # (our table's weights are 32-bit floats, py3langid's 16-bit).
    for path in [SEED, *sorted((ROOT / "eval").glob("**/articles/*.txt"))]:
        sample = path.read_text(encoding="utf-8")[:SAMPLE_CHARS]
        assert np.array_equal(_identifier()._decide(sample), own._decide(sample)), path


def test_pyphens_own_memo_of_words_stays_bounded():
    from analysis.adapters import PYPHEN_MEMO_SIZE, _pyphen, hyphenation_points

    pick = random.Random(5)
    words = ["".join(pick.choice("bcdfgklmnprstvz") + pick.choice("aeiou") for _ in range(5))
             for _ in range(PYPHEN_MEMO_SIZE + 100)]  # made-up words: none is in the CMU table
    first = hyphenation_points(words[0])
    for word in words:
        hyphenation_points(word)
    assert 0 < len(_pyphen().hd.cache) <= PYPHEN_MEMO_SIZE
    assert words[0].lower() not in _pyphen().hd.cache  # emptied since
    # Emptying the memo changes no count: textstat counts a word off the CMU table so.
    assert hyphenation_points(words[0]) == first == textstat.syllable_count(words[0]) - 1
