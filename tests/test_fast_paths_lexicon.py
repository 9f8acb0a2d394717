"""The flat layout of matchable words and the per-article lexicon matching give what
sentence-by-sentence lists and :func:`lexicon_matches` give."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

from analysis import load_article
from analysis.article import parse_article
from analysis.framing.frames import load_frames
from analysis.lexicon import lexicon_matches, match_word, matchable_words, sentence_matches
from analysis.sentiment import load_lexicon

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = sorted((ROOT / "eval" / "articles").glob("*.txt"))[:12]


def _per_sentence(article):
    """Word tokens and matchable words per sentence index, built the plain way."""
    per_sentence = {}
    for token in article.tokens:
        if token.kind == "word":
            tokens, words = per_sentence.setdefault(token.sentence, ([], []))
            tokens.append(token)
            words.append(match_word(token.text))
    return per_sentence


def _check(article):
    expected = _per_sentence(article)
    matchable = matchable_words(article)
    indexes = {s.index for s in article.sentences} | set(expected) | {-1, 10**6}
    for index in indexes:
        assert matchable.sentence(index) == expected.get(index, ([], [])), index
    for lexicon in (load_lexicon(), load_frames()):
        plain = {}
        for index, (_, words) in expected.items():
            if matches := lexicon_matches(words, lexicon):
                plain[index] = matches
        assert sentence_matches(article, lexicon) == plain


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_equal_on_evaluation_articles(path):
    _check(load_article(path))


def test_equal_on_the_seed(seed):
    _check(seed)


@pytest.mark.parametrize(
    "text",
    [
        "Talks end",
        "Talks end\n\n...",
        "Talks end\n\nA b c. " + "A b c. " * 50,
        "Status quo\n\nThe status quo held. Status. Quo. The threat of threats grew; "
        "a status quo threat, deterrence and coercive steps.",
    ],
)
def test_equal_on_small_texts(text):
    _check(parse_article(text))


def test_tokens_out_of_sentence_order_are_grouped_as_before(seed):
    tokens = list(seed.tokens)
    random.Random(3).shuffle(tokens)
    shuffled = dataclasses.replace(seed, tokens=tuple(tokens), memo={})
    _check(shuffled)
