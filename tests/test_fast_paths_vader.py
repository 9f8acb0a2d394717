"""The fast paths of our VADER replay give NLTK's scores and valences exactly.

:func:`analysis.sentiment.explain_vader` skips VADER's rules for a text without a
lexicon word and for a scored word with no modifier near it, works out each distinct token
once, and skips the "but" rule without a "but"; here it is compared with NLTK's
``polarity_scores`` and with a plain replay of NLTK's loop (``SentiText`` and
``sentiment_valence`` on every word) on varied texts and every evaluation sentence.
"""

from __future__ import annotations

import random

import pytest
from nltk.sentiment.vader import SentiText

from analysis.sentiment import analyzer, explain_vader, vader_words

KEYS = ("neg", "neu", "pos", "compound")

EDGE_CASES = [
    "",
    " ",
    "a",
    "a b c.",
    "A b c. A b c.",
    ".",
    "...",
    "!!! ??? ?!?",
    "! ? !",
    "The ministers met in Tokyo on Sunday.",  # no lexicon word
    "The ministers met in Tokyo on Sunday!!!",
    "Did the ministers meet in Tokyo?? Where??",
    "THE MINISTERS MET IN TOKYO.",
    "The talks went on, but the ministers met again.",  # "but" and no lexicon word
    "But nothing was said.",
    "The talks were good.",
    "The talks were GOOD, but the result was BAD!",
    "The talks were not good.",
    "The talks weren't good at all.",
    "It isn't very bad, nor is it great?",
    "Never so good, never this bad.",
    "At least it was fine; least good of all.",
    "It was kind of good, kind of bad.",
    "kind of",
    "Kind words were kind.",
    "The bomb, the shit, yeah right: cut the mustard.",
    "That was the bomb good, yeah right good, they cut the mustard well good.",
    "Living hand to mouth is good; a good kiss of death; just enough good; sort of bad.",
    "Good the bomb and nice the shit, bad ass hope.",
    "Good good good bad bad :) :( :-) <3",
    ":) :(",
    "“Great” news, said the ‘minister’.",
    "\"great\" (good) [bad] -awful- 'fine'",
    "great. great, great! great? great;",
    "GREAT news!!!!! Really GREAT!!",
    "very VERY good, extremely BAD, slightly nice",
    "no, not, never, without, nothing good",
    "The deal failed; the allies, however, welcomed it but China protested angrily.",
    "U.S. and Japan’s 2+2 talks: 7.2% growth, co-production of missiles.",
    "threat threats threatening deterrence coercive",
    "Ça va très bien, merci beaucoup.",
    "good\nbad\n\ngreat\tawful",
    "The talks were good, " * 20 + "but the result was not bad at all.",  # over 64 words
]


def _random_texts(n: int, seed: int) -> list[str]:
    """Texts of lexicon and other words, glued to punctuation, in varied case."""
    lexicon_words = [
        "good",
        "bad",
        "great",
        "awful",
        "kind",
        "war",
        "peace",
        "threat",
        "welcome",
        "fail",
        "hope",
        "fear",
        "win",
        "lose",
        "safe",
        "crisis",
        "doubt",  # and lexicon words of idioms
        "kiss",
        "death",
        "bomb",
        "yeah",
        "cut",
        "hand",
    ]
    other_words = ["the", "talks", "minister", "Tokyo", "of", "on", "said", "but", "not",
                   "very", "least", "at", "never", "so", "this", "isn't", "a", "I", "x",
                   ":)", ":(", "<3", "!", "?", "...", "-", "2+2", "U.S.",
                   # boosters, negations and the words of idioms and booster phrases
                   "extremely", "slightly", "barely", "without", "don't", "DIDN'T", "sort",
                   "right", "mustard", "ass", "mouth", "to"]  # fmt: skip
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        words = []
        scored = rng.random() < 0.5
        for _ in range(rng.randint(0, 20)):
            pool = lexicon_words if scored and rng.random() < 0.25 else other_words
            word = rng.choice(pool)
            shape = rng.random()
            if shape < 0.15:
                word = word.upper()
            elif shape < 0.3:
                word = word.capitalize()
            if rng.random() < 0.2:
                word = rng.choice(['"', "'", "(", "“", "-", "?!?!"]) + word
            if rng.random() < 0.35:
                word += rng.choice([".", ",", "!", "!!!", "?", "??", "???", ";", ":", '"', "”"])
            words.append(word)
        texts.append(rng.choice([" ", "  ", "\n"]).join(words))
    return texts


def _nltk_valences(text: str) -> list[float]:
    """The ``sentiments`` list NLTK's ``polarity_scores`` builds, step by step."""
    sia = analyzer()
    constants = sia.constants
    sentitext = SentiText(text, constants.PUNC_LIST, constants.REGEX_REMOVE_PUNCTUATION)
    words = sentitext.words_and_emoticons
    sentiments: list[float] = []
    for item in words:
        i = words.index(item)
        if (
            i < len(words) - 1 and item.lower() == "kind" and words[i + 1].lower() == "of"
        ) or item.lower() in constants.BOOSTER_DICT:
            sentiments.append(0)
            continue
        sentiments = sia.sentiment_valence(0, sentitext, item, i, sentiments)
    return [float(v) for v in sia._but_check(words, sentiments)]


TEXTS = EDGE_CASES + _random_texts(2500, seed=1) + _random_texts(2500, seed=2)


def test_the_texts_take_both_paths():
    lexicon = analyzer().lexicon
    scored = [any(w.lower() in lexicon for w in vader_words(t)) for t in TEXTS]
    assert 1000 < sum(scored) < len(TEXTS) - 1000


@pytest.mark.parametrize("text", EDGE_CASES)
def test_edge_cases_equal_polarity_scores(text):
    ours = explain_vader(text)
    expected = analyzer().polarity_scores(text)
    assert (ours.neg, ours.neu, ours.pos, ours.compound) == tuple(expected[k] for k in KEYS)


def test_scores_equal_polarity_scores_on_varied_texts():
    sia = analyzer()
    for text in TEXTS:
        ours = explain_vader(text)
        expected = sia.polarity_scores(text)
        assert (ours.neg, ours.neu, ours.pos, ours.compound) == tuple(expected[k] for k in KEYS), (
            text
        )


def test_words_and_valences_equal_nltks_replay():
    constants = analyzer().constants
    for text in TEXTS:
        ours = explain_vader(text)
        words = SentiText(text, constants.PUNC_LIST, constants.REGEX_REMOVE_PUNCTUATION)
        assert list(ours.words) == words.words_and_emoticons, text
        assert list(ours.valences) == _nltk_valences(text), text


def test_scored_words_take_nltks_rules_and_the_lexicon_shortcut_both(monkeypatch):
    sia = analyzer()
    calls = []
    rules = sia.sentiment_valence
    monkeypatch.setattr(sia, "sentiment_valence",
                        lambda *args: calls.append(args[2]) or rules(*args))  # fmt: skip
    scored = 0
    for text in TEXTS:
        scored += sum(w.lower() in sia.lexicon for w in explain_vader(text).words)
    # Both paths are taken (the other tests check that both give NLTK's valences).
    assert len(calls) > 1000 and scored - len(calls) > 300


def _modifier_texts() -> list[str]:
    """Each modifier word one, two and three words before a scored word (and after one), and
    each phrase of NLTK's idioms and booster phrases before, after and as the scored word
    (third in its sentence, where NLTK's idiom rule is read)."""
    from analysis.sentiment import _modifiers

    constants = analyzer().constants
    words = sorted({*_modifiers().before, *_modifiers().around, "so", "this"})
    texts = [text for w in words
             for text in (f"{w} great", f"{w} the great", f"{w} the new great", f"great {w} day",
                          f"it was {w} great")]  # fmt: skip
    for phrase in [*constants.SPECIAL_CASE_IDIOMS, *constants.BOOSTER_DICT]:
        if " " in phrase:
            texts += [f"it was {phrase} great", f"great {phrase} now", f"{phrase} great",
                      f"we all know {phrase}"]  # fmt: skip
    return texts


def test_every_modifier_near_a_scored_word_gets_nltks_valence():
    sia = analyzer()
    for text in _modifier_texts():
        ours = explain_vader(text)
        expected = sia.polarity_scores(text)
        assert (ours.neg, ours.neu, ours.pos, ours.compound) == tuple(
            expected[k] for k in KEYS), text  # fmt: skip
        assert list(ours.valences) == _nltk_valences(text), text


def test_every_evaluation_sentence_equals_nltk():
    from analysis import load_article
    from tests.conftest import SEED

    sia = analyzer()
    paths = [SEED, *sorted((SEED.parents[1] / "eval").glob("**/articles/*.txt"))]
    for path in paths:
        for sentence in load_article(path).sentences:
            ours = explain_vader(sentence.text)
            expected = sia.polarity_scores(sentence.text)
            assert (ours.neg, ours.neu, ours.pos, ours.compound) == tuple(
                expected[k] for k in KEYS), sentence.text  # fmt: skip
            assert list(ours.valences) == _nltk_valences(sentence.text), sentence.text


def test_a_cold_per_token_cache_and_a_warm_one_give_the_same_scores():
    from analysis.sentiment import _vader_token

    warm = [explain_vader(text) for text in TEXTS[:300]]
    _vader_token.cache_clear()
    assert [explain_vader(text) for text in TEXTS[:300]] == warm
