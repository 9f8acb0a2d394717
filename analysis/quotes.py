"""Finding quoted spans in an article's body.

A small, rule-based quote finder shared by readability (narration against
quoted speech) and framing (who gets to speak). It pairs double quotation
marks, curly (“…”) or straight ("…"), within and across paragraphs, and single
marks (‘…’ or '…') nested inside them, without mistaking an apostrophe
(China’s, haven’t) for a quote.

A quote that is not closed by the end of its paragraph continues when the next
paragraph opens with a quotation mark (the newspaper convention for a quote
that runs over several paragraphs); otherwise it ends with the paragraph and
is reported with ``closed=False``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from analysis.article import Article
from analysis.memo import per_article

OPENING_DOUBLE = "“"
CLOSING_DOUBLE = "”"
STRAIGHT_DOUBLE = '"'
OPENING_SINGLE = "‘"
CLOSING_SINGLE = "’"
STRAIGHT_SINGLE = "'"


_QUOTE_MARK = re.compile("[“”\"‘’']")


@dataclass(frozen=True)
class QuoteSpan:
    """A quoted span. ``start``/``end`` bound the words inside the marks;
    ``mark_start``/``mark_end`` include the marks. Offsets into ``Article.text``."""

    start: int
    end: int
    mark_start: int
    mark_end: int
    level: int  # 1 = a quote, 2 = a quote inside a quote
    closed: bool


def _opens(text: str, i: int) -> bool:
    """A straight mark at ``i`` opens a quote when it follows a space, a bracket or the start."""
    return i == 0 or text[i - 1].isspace() or text[i - 1] in "([{—–-/“‘\"'"


def _closes_single(text: str, i: int) -> bool:
    """A ’ or ' at ``i`` closes a nested quote unless it sits inside a word (an apostrophe)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not (before.isalnum() and after.isalnum())


def find_quote_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Quote spans in ``text``, scanning the given ``(start, end)`` paragraph ranges in order."""
    spans: list[QuoteSpan] = []
    open_double: int | None = None  # offset of the opening mark
    open_single: int | None = None
    for number, (p_start, p_end) in enumerate(paragraphs):
        if open_double is not None:
            continues = text[p_start : p_start + 1] in (OPENING_DOUBLE, STRAIGHT_DOUBLE)
            if not continues:
                spans.append(_span(open_double, paragraphs[number - 1][1], 1, closed=False))
                open_double = None
            else:
                p_start += 1  # the continuation mark re-opens the same quote
        open_single = None
        for mark in _QUOTE_MARK.finditer(text, p_start, p_end):
            i, ch = mark.start(), mark.group()
            if ch == OPENING_DOUBLE or (ch == STRAIGHT_DOUBLE and open_double is None):
                if open_double is None:
                    open_double = i
            elif ch in (CLOSING_DOUBLE, STRAIGHT_DOUBLE) and open_double is not None:
                if open_single is not None:
                    spans.append(_span(open_single, i, 2, closed=False))
                    open_single = None
                spans.append(_span(open_double, i + 1, 1, closed=True))
                open_double = None
            elif open_double is not None:
                if open_single is None and (
                    ch == OPENING_SINGLE or (ch == STRAIGHT_SINGLE and _opens(text, i))
                ):
                    open_single = i
                elif (
                    open_single is not None
                    and ch in (CLOSING_SINGLE, STRAIGHT_SINGLE)
                    and _closes_single(text, i)
                ):
                    spans.append(_span(open_single, i + 1, 2, closed=True))
                    open_single = None
    if open_double is not None:
        spans.append(_span(open_double, paragraphs[-1][1], 1, closed=False))
    return sorted(spans, key=lambda s: (s.mark_start, s.level))


def _span(mark_start: int, mark_end: int, level: int, *, closed: bool) -> QuoteSpan:
    end = mark_end - 1 if closed else mark_end
    return QuoteSpan(mark_start + 1, end, mark_start, mark_end, level, closed)


@per_article
def article_quote_spans(article: Article) -> list[QuoteSpan]:
    """Quote spans in the article's headline and body, computed once per article."""
    body_ranges = [(p.start, p.end) for p in article.paragraphs]
    if not article.headline:
        return find_quote_spans(article.text, body_ranges)
    # The headline is scanned on its own: a quote never runs from it into the body.
    headline = article.sentences[0]
    head = find_quote_spans(article.text, [(headline.start, headline.end)])
    return head + find_quote_spans(article.text, body_ranges)


def unnest_quote_spans(article: Article) -> pd.DataFrame:
    """One row per quoted span.

    Columns: ``article_id``, ``quote`` (running number), ``level`` (1 = quote,
    2 = nested), ``closed``, ``start``, ``end`` (offsets of the words inside the
    marks), ``first_sentence``, ``last_sentence``, ``n_words``, ``text``.
    """
    spans = article_quote_spans(article)
    rows = []
    for number, span in enumerate(spans, start=1):
        inside = article.tokens_within(span.start, span.end)
        rows.append(
            {
                "article_id": article.article_id,
                "quote": number,
                "level": span.level,
                "closed": span.closed,
                "start": span.start,
                "end": span.end,
                "first_sentence": inside[0].sentence if inside else pd.NA,
                "last_sentence": inside[-1].sentence if inside else pd.NA,
                "n_words": sum(t.kind != "punct" for t in inside),
                "text": " ".join(article.text[span.start : span.end].split()),
            }
        )
    columns = ["article_id", "quote", "level", "closed", "start", "end",
               "first_sentence", "last_sentence", "n_words", "text"]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


@per_article
def token_in_quote(article: Article) -> list[bool]:
    """For every token of the article, whether it lies inside a (level-1) quote."""
    spans = [s for s in article_quote_spans(article) if s.level == 1]
    flags = []
    j = 0
    for token in article.tokens:
        while j < len(spans) and spans[j].end <= token.start:
            j += 1
        flags.append(j < len(spans) and spans[j].start <= token.start < spans[j].end)
    return flags


@per_article
def sentence_voices(article: Article) -> dict[int, str]:
    """``quote`` for each sentence most of whose words lie inside quotation marks, else
    ``narration`` (sentences without words are narration). Computed once per article."""
    in_quote = token_in_quote(article)
    counts: dict[int, list[int]] = {s.index: [0, 0] for s in article.sentences}
    for token in article.tokens:
        if token.kind != "punct":
            counts[token.sentence][0] += in_quote[token.index]
            counts[token.sentence][1] += 1
    return {
        sentence: "quote" if inside > total / 2 else "narration"
        for sentence, (inside, total) in counts.items()
    }
