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
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter
from typing import TYPE_CHECKING

from analysis.article import Article
from analysis.memo import per_article

if TYPE_CHECKING:
    import pandas as pd

OPENING_DOUBLE = "“"
CLOSING_DOUBLE = "”"
STRAIGHT_DOUBLE = '"'
OPENING_SINGLE = "‘"
CLOSING_SINGLE = "’"
STRAIGHT_SINGLE = "'"


_QUOTE_MARK = re.compile("[“”\"‘’']")


@dataclass(frozen=True, slots=True)
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


def find_quote_spans(text: str, paragraphs: list[tuple[int, int]], *,
                     words_only: bool = False) -> list[QuoteSpan]:  # fmt: skip
    """Quote spans in ``text``, scanning the given ``(start, end)`` paragraph ranges in order.
    With ``words_only``, a span with no letter or digit between its marks is left out as it
    is found (2 MB of bare marks would otherwise make a million spans to drop).

    Double marks pair across paragraphs (a paragraph that reopens with a mark continues the
    quote). Single marks pair inside a double quote (a quote in a quote) and, outside one,
    as quotes of their own (British style, or a single-quoted term): an opening mark at the
    start of a word followed by a letter, a closing mark at the end of a word, both in one
    paragraph; an apostrophe (don't, the '90s, Koreans') without an opening before it never
    closes anything. Inside a single-marked quote, double marks are its nested quotes.
    """
    spans: list[QuoteSpan] = []

    def add(span: QuoteSpan) -> None:
        if not words_only or _HAS_WORD.search(text, span.start, span.end):
            spans.append(span)

    open_double: int | None = None  # offset of the opening mark
    open_single: int | None = None
    for number, (p_start, p_end) in enumerate(paragraphs):
        if open_double is not None:
            continues = text[p_start : p_start + 1] in (OPENING_DOUBLE, STRAIGHT_DOUBLE)
            if not continues:
                add(_span(open_double, paragraphs[number - 1][1], 1, closed=False))
                open_double = None
            else:
                p_start += 1  # the continuation mark re-opens the same quote
        open_single = None
        nested_double: int | None = None  # a double-marked quote inside a double-marked one
        outer_single: int | None = None  # a quote in single marks, outside double ones
        inner_double: int | None = None  # a double-marked quote inside it
        for mark in _QUOTE_MARK.finditer(text, p_start, p_end):
            i, ch = mark.start(), mark.group()
            if outer_single is not None:
                if ch in (CLOSING_SINGLE, STRAIGHT_SINGLE) and _ends_word(text, i):
                    if inner_double is not None:
                        add(_span(inner_double, i, 2, closed=False))
                        inner_double = None
                    add(_span(outer_single, i + 1, 1, closed=True))
                    outer_single = None
                elif ch in (OPENING_DOUBLE, STRAIGHT_DOUBLE) and inner_double is None:
                    inner_double = i
                elif ch in (CLOSING_DOUBLE, STRAIGHT_DOUBLE) and inner_double is not None:
                    add(_span(inner_double, i + 1, 2, closed=True))
                    inner_double = None
            elif ch == OPENING_DOUBLE or (ch == STRAIGHT_DOUBLE and open_double is None):
                if open_double is None:
                    open_double = i
                elif nested_double is None:
                    nested_double = i  # “... “deal,” ...”: a quote in the quote
            elif (ch == STRAIGHT_DOUBLE and nested_double is None and _starts_word(text, i)
                  and i > open_double + 1):  # fmt: skip
                nested_double = i  # "They call it a "peace plan," but ...": straight marks
            elif ch in (CLOSING_DOUBLE, STRAIGHT_DOUBLE) and nested_double is not None:
                add(_span(nested_double, i + 1, 2, closed=True))
                nested_double = None
            elif ch in (CLOSING_DOUBLE, STRAIGHT_DOUBLE) and open_double is not None:
                if open_single is not None:
                    add(_span(open_single, i, 2, closed=False))
                    open_single = None
                add(_span(open_double, i + 1, 1, closed=True))
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
                    add(_span(open_single, i + 1, 2, closed=True))
                    open_single = None
            elif ch in (OPENING_SINGLE, STRAIGHT_SINGLE) and _starts_word(text, i):
                outer_single = i
    if open_double is not None:
        add(_span(open_double, paragraphs[-1][1], 1, closed=False))
    return sorted(spans, key=lambda s: (s.mark_start, s.level))


def _starts_word(text: str, i: int) -> bool:
    """A single mark at ``i`` that opens a quote: after a space, a bracket or the start, and
    before a letter (not the '90s)."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return _opens(text, i) and after.isalpha()


def _ends_word(text: str, i: int) -> bool:
    """A single mark at ``i`` that closes a quote: after a word or punctuation, before a space,
    punctuation or the end (not the apostrophe inside don't)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _span(mark_start: int, mark_end: int, level: int, *, closed: bool) -> QuoteSpan:
    end = mark_end - 1 if closed else mark_end
    return QuoteSpan(mark_start + 1, end, mark_start, mark_end, level, closed)


@per_article
def article_quote_spans(article: Article) -> list[QuoteSpan]:
    """Quote spans in the article's headline and body, computed once per article. A pair of
    marks with no letter or digit between them ("", “.”) is not a quotation and is left out."""
    body_ranges = [(p.start, p.end) for p in article.paragraphs]
    spans = find_quote_spans(article.text, body_ranges, words_only=True)
    if article.headline:
        # The headline is scanned on its own: a quote never runs from it into the body.
        headline = article.sentences[0]
        spans = find_quote_spans(article.text, [(headline.start, headline.end)],
                                 words_only=True) + spans  # fmt: skip
    return spans


_HAS_WORD = re.compile(r"[^\W_]")


def unnest_quote_spans(article: Article) -> pd.DataFrame:
    """One row per quoted span.

    Columns: ``article_id``, ``quote`` (running number), ``level`` (1 = quote,
    2 = nested), ``closed``, ``start``, ``end`` (offsets of the words inside the
    marks), ``first_sentence``, ``last_sentence``, ``n_words``, ``text``.
    """
    import pandas as pd

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
    """For every token of the article, whether it starts inside a (level-1) quote."""
    starts = list(map(attrgetter("start"), article.tokens))
    flags = [False] * len(starts)
    for span in article_quote_spans(article):
        if span.level == 1:  # the tokens that start in [start, end), found by bisection
            first, last = bisect_left(starts, span.start), bisect_left(starts, span.end)
            flags[first:last] = [True] * (last - first)
    return flags


@per_article
def sentence_voices(article: Article) -> dict[int, str]:
    """``quote`` for each sentence most of whose words lie inside quotation marks, else
    ``narration`` (sentences without words are narration). Computed once per article."""
    in_quote = token_in_quote(article)
    # Tokens come in sentence order: a sentence's tokens are one slice, found by bisection,
    # and counted with list methods rather than token by token.
    kinds = list(map(attrgetter("kind"), article.tokens))
    sentence_of = list(map(attrgetter("sentence"), article.tokens))
    voices = {}
    for sentence in article.sentences:
        first = bisect_left(sentence_of, sentence.index)
        last = bisect_right(sentence_of, sentence.index, first)
        total = last - first - kinds[first:last].count("punct")
        quoted = list(compress(kinds[first:last], in_quote[first:last]))
        inside = len(quoted) - quoted.count("punct")
        voices[sentence.index] = "quote" if inside > total / 2 else "narration"
    return voices
