"""The bisecting token_in_quote and the sliced sentence_voices agree with the token-by-token
versions they replaced, on every evaluation article and on texts made to be awkward."""

from __future__ import annotations

import pytest

from analysis import Article
from analysis.article import parse_article
from analysis.quotes import article_quote_spans, sentence_voices, token_in_quote
from tests.conftest import ROOT, SEED


def _token_in_quote_by_token(article: Article) -> list[bool]:
    """The former token_in_quote: one pointer over the spans, one token at a time."""
    spans = [s for s in article_quote_spans(article) if s.level == 1]
    flags = []
    j = 0
    for token in article.tokens:
        while j < len(spans) and spans[j].end <= token.start:
            j += 1
        flags.append(j < len(spans) and spans[j].start <= token.start < spans[j].end)
    return flags


def _sentence_voices_by_token(article: Article) -> dict[int, str]:
    """The former sentence_voices: counts kept per sentence, one token at a time."""
    in_quote = _token_in_quote_by_token(article)
    counts: dict[int, list[int]] = {s.index: [0, 0] for s in article.sentences}
    for token in article.tokens:
        if token.kind != "punct":
            counts[token.sentence][0] += in_quote[token.index]
            counts[token.sentence][1] += 1
    return {
        sentence: "quote" if inside > total / 2 else "narration"
        for sentence, (inside, total) in counts.items()
    }


_TEXTS = [
    "Headline\n\n“A quote that runs on,” she said. “And on.”\n\n“It goes on here. "
    "Still.”\n\nNo quote at all.",
    "“Quoted headline” here\n\nHe said “yes” and ‘no’ and “maybe ‘so’.”\n\n"
    "“Unclosed quote that ends the paragraph\n\nA new paragraph. “Then another.”",
    "Talks\n\n\"Straight marks,\" he said, \"and a \"nested\" one.\" ... “” “.” !!\n\n"
    "“Runs over\n\n“paragraphs, closing here.” Then narration, a lot of it, words.",
    "Title\n\n'Single quoted terms' and the '90s, Koreans' views. “A ‘quote’ in a quote.”",
    "Only a headline with “marks”\n\nA body. . . ! ? “?” — “ ” ‘ ’",
]


def _articles() -> list[Article]:
    articles = [parse_article(text) for text in _TEXTS]
    paths = [SEED, *sorted((ROOT / "eval").glob("**/articles/*.txt"))]
    return articles + [parse_article(p.read_text(encoding="utf-8")) for p in paths]


@pytest.mark.parametrize("article", _articles(), ids=lambda a: a.headline[:30])
def test_token_in_quote_and_sentence_voices_agree_with_token_by_token(article: Article) -> None:
    assert token_in_quote(article) == _token_in_quote_by_token(article)
    voices = sentence_voices(article)
    assert voices == _sentence_voices_by_token(article)
    assert list(voices) == [s.index for s in article.sentences]
