"""An article against its source: what a report selected from the document it covers.

Entman (1993): to frame is to *select* some aspects of a perceived reality and make them
salient. When a report covers a document (a joint statement, a press release, a transcript),
the selection can be read directly. :func:`selection` aligns each sentence of the source with
the article sentences that report it and tells:

- which source passages the article **quotes** (a quotation of the article found word for word
  in the passage), quotes with changes (**altered_quote**), **paraphrases** (an article sentence
  shares enough of its words), and which it **omits**;
- in what order the article tells the passages it covers (and Kendall's τ between the two
  orders: 1 = the source's order, −1 = reversed);
- which source terms the article **amplifies**, **tones down** or **drops**, and which terms it
  **adds** (content lemmas, counted per 1,000 words, log ratio and G² as in
  :mod:`analysis.comparison.side_by_side`);
- which article sentences have no source: the reporter's own framing;
- which quotations are **verified** in the source, and which are not (listed, with the
  nearest source words and the changes).

**Similarity, transparent on purpose.** A source sentence S and an article sentence A are
compared by their sets of content lemmas (:func:`analysis.terms.unnest_terms`: no stopwords,
no numbers). Their similarity is Dice's coefficient, 2|S ∩ A| / (|S| + |A|) (Dice 1945): 1 when
the two sets are equal, 0 when they share nothing. A reports S when the similarity is at least
:data:`THRESHOLD` (0.3) **and** they share at least :data:`MIN_SHARED` (3) lemmas, or all of
S's lemmas when S has fewer: two sentences on one topic easily share two words ("lower town"),
and a short sentence's similarity rises fast on them. Word overlap cannot see a paraphrase that
shares no words, and can take a sentence that only repeats the source's vocabulary for a report
of it; the ``similarity`` and ``shared`` columns show the evidence for each decision.

**Quotations.** An article quotation (quoted words in quotation marks) is *verified* when its
words occur in the source in the same order, compared in lower case without punctuation; an
ellipsis (``...``, ``…``) or a bracketed insertion (``[the president]``) splits it into pieces
that must each occur, in order. Otherwise it is *altered* when the closest source sentence holds
at least :data:`ALTERED_MIN_OVERLAP` of its words (difflib's longest matching blocks; the
changes are listed), else *not_found*. Terms in quotation marks (a word or two, ``"2+2"``) are
checked too but never mark a passage as quoted.

References: Entman, R. M. (1993). Framing: toward clarification of a fractured paradigm.
*Journal of Communication* 43(4), 51–58. Dice, L. R. (1945). Measures of the amount of
ecologic association between species. *Ecology* 26(3), 297–302. Clough, P., Gaizauskas, R.,
Piao, S. and Wilks, Y. (2002). METER: MEasuring TExt Reuse. *Proceedings of ACL 2002*,
152–159 (word overlap between news agency copy and the papers that reuse it).
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

import pandas as pd

from analysis import framing, terms
from analysis.article import Article, tokenize
from analysis.comparison.side_by_side import (
    ArticleLike,
    as_article,
    body_term_counts,
    keyness_between,
)
from analysis.errors import UsageError
from analysis.framing import ActorDictionary

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: Dice similarity of content lemmas from which an article sentence reports a source sentence.
THRESHOLD = 0.3
#: Content lemmas a report must share with the source sentence (all of them when it has fewer).
MIN_SHARED = 3
#: Share of a quotation's words found in the closest source sentence for it to count as an
#: altered quote rather than one the source does not hold.
ALTERED_MIN_OVERLAP = 0.5
#: A log ratio of ±1 (twice, or half, as frequent per word in the article as in the source)
#: marks a term as amplified or toned down (Hardie 2014's scale).
LOG_RATIO_STEP = 1.0

SOURCE_STATUSES = ("quoted", "altered_quote", "paraphrased", "omitted")
QUOTE_STATUSES = ("verified", "altered", "not_found")
TERM_STATUSES = ("amplified", "kept", "toned_down", "dropped", "added")


def dice(first: set[str] | frozenset[str], second: set[str] | frozenset[str]) -> float:
    """Dice's coefficient of two sets: 2|A ∩ B| / (|A| + |B|); 0 for two empty sets."""
    if not first and not second:
        return 0.0
    return 2 * len(first & second) / (len(first) + len(second))


def reports(source_lemmas: set[str], article_lemmas: set[str], *, threshold: float = THRESHOLD,
            min_shared: int = MIN_SHARED) -> bool:  # fmt: skip
    """Whether an article sentence reports a source sentence (see the module docstring)."""
    shared = len(source_lemmas & article_lemmas)
    needed = min(min_shared, len(source_lemmas))
    return shared > 0 and shared >= needed and dice(source_lemmas, article_lemmas) >= threshold


def sentence_lemmas(article: Article) -> dict[int, set[str]]:
    """The content lemmas of every sentence (headline and body), by sentence index."""
    table = terms.unnest_terms(article)
    content = table[table["is_content"]]
    lemmas: dict[int, set[str]] = {s.index: set() for s in article.sentences}
    for sentence, lemma in zip(content["sentence"], content["lemma"], strict=True):
        lemmas[int(sentence)].add(lemma)
    return lemmas


# ---------------------------------------------------------------------------
# Words of quotations and of the source

_PIECE_BREAK = re.compile(r"\[[^\]]*\]|\.\.\.|…")


def words_of(text: str) -> list[str]:
    """The words and numbers of ``text``, lower case, curly apostrophes made straight."""
    return [text[start:end].lower().replace("’", "'")
            for kind, start, end in tokenize(text) if kind != "punct"]  # fmt: skip


def quote_pieces(text: str) -> list[list[str]]:
    """A quotation's words in the pieces an ellipsis or a bracketed insertion separates."""
    return [words for piece in _PIECE_BREAK.split(text) if (words := words_of(piece))]


def _find(words: list[str], piece: list[str], start: int) -> int:
    """The first position at or after ``start`` where ``piece`` occurs in ``words``, or -1."""
    size = len(piece)
    for position in range(start, len(words) - size + 1):
        if words[position : position + size] == piece:
            return position
    return -1


class _SourceWords(NamedTuple):
    words: list[str]
    sentences: list[int]  # the sentence of each word
    by_sentence: dict[int, list[str]]


def _source_words(source: Article) -> _SourceWords:
    words, sentences = [], []
    by_sentence: dict[int, list[str]] = {s.index: [] for s in source.body_sentences}
    for token in source.tokens:
        if token.kind != "punct" and token.part == "body":
            word = token.text.lower().replace("’", "'")
            words.append(word)
            sentences.append(token.sentence)
            by_sentence[token.sentence].append(word)
    return _SourceWords(words, sentences, by_sentence)


class QuoteCheck(NamedTuple):
    """One article quotation checked against the source (a row of ``Selection.quotes``)."""

    quote: int
    kind: str
    speaker: str | None
    sentence: int
    status: str
    source_sentence: float  # NaN when nothing is close
    overlap: float
    changes: str
    text: str
    source_text: str


def _check_quote(text: str, source: _SourceWords, source_texts: dict[int, str]
                ) -> tuple[str, float, float, str, str]:  # fmt: skip
    """``(status, source_sentence, overlap, changes, source_text)`` for one quotation."""
    pieces = quote_pieces(text)
    if not pieces:
        return "not_found", math.nan, 0.0, "", ""
    position, first = 0, -1
    for piece in pieces:
        found = _find(source.words, piece, position)
        if found < 0:
            break
        first = found if first < 0 else first
        position = found + len(piece)
    else:
        sentence = source.sentences[first]
        return "verified", float(sentence), 1.0, "", source_texts[sentence]
    quoted = [word for piece in pieces for word in piece]
    best, best_overlap, best_matcher = math.nan, 0.0, None
    for sentence, words in source.by_sentence.items():
        matcher = difflib.SequenceMatcher(a=quoted, b=words, autojunk=False)
        overlap = sum(block.size for block in matcher.get_matching_blocks()) / len(quoted)
        if overlap > best_overlap:
            best, best_overlap, best_matcher = sentence, overlap, matcher
    if best_matcher is None or best_overlap < ALTERED_MIN_OVERLAP:
        nearest = source_texts[int(best)] if best_matcher is not None else ""
        return "not_found", best, round(best_overlap, 3), "", nearest
    return ("altered", float(best), round(best_overlap, 3), _changes(best_matcher),
            source_texts[int(best)])  # fmt: skip


def _changes(matcher: difflib.SequenceMatcher) -> str:
    """The word changes from the source sentence (b) to the quotation (a), from the first to
    the last word they share, and the quotation's words outside them:
    ``'committed' for 'determined'; 'x' added; 'y' left out``."""
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    a_start, b_start = blocks[0].a, blocks[0].b
    a_end, b_end = blocks[-1].a + blocks[-1].size, blocks[-1].b + blocks[-1].size
    quoted, source = matcher.a[a_start:a_end], matcher.b[b_start:b_end]
    changes = []
    if a_start > 0:
        changes.append(f"'{' '.join(matcher.a[:a_start])}' added")
    inner = difflib.SequenceMatcher(a=quoted, b=source, autojunk=False)
    for tag, i1, i2, j1, j2 in inner.get_opcodes():
        new, old = " ".join(quoted[i1:i2]), " ".join(source[j1:j2])
        if tag == "replace":
            changes.append(f"'{new}' for '{old}'")
        elif tag == "insert":
            changes.append(f"'{old}' left out")
        elif tag == "delete":
            changes.append(f"'{new}' added")
    if a_end < len(matcher.a):
        changes.append(f"'{' '.join(matcher.a[a_end:])}' added")
    return "; ".join(changes)


# ---------------------------------------------------------------------------
# The selection


SOURCE_COLUMNS = ["source_sentence", "paragraph", "status", "similarity", "shared",
                  "article_sentences", "first_told", "told_in", "told_order", "quotes",
                  "text"]  # fmt: skip
ARTICLE_COLUMNS = ["sentence", "part", "sourced", "source_sentences", "best_source_sentence",
                   "similarity", "has_quote", "text"]  # fmt: skip
TERM_COLUMNS = ["lemma", "forms", "count_source", "count_article", "per_1000_source",
                "per_1000_article", "log_likelihood", "log_ratio", "status"]  # fmt: skip


@dataclass
class Selection:
    """What an article took from its source (tables documented on :func:`selection`)."""

    source: pd.DataFrame
    article: pd.DataFrame
    quotes: pd.DataFrame
    terms: pd.DataFrame
    summary: dict[str, object]
    threshold: float = THRESHOLD
    notes: list[str] = field(default_factory=list)

    @property
    def order(self) -> pd.DataFrame:
        """The passages the article covers, in the order it tells them (by ``told_in``)."""
        covered = self.source[self.source["status"] != "omitted"]
        return covered.sort_values(["told_in", "source_sentence"], ignore_index=True)

    @property
    def unsourced(self) -> pd.DataFrame:
        """Article sentences no source sentence accounts for: the reporter's own framing."""
        return self.article[~self.article["sourced"]].reset_index(drop=True)


def kendall_tau(first: list[float], second: list[float]) -> float:
    """Kendall's τ-b of two rankings (ties allowed; NaN for fewer than two pairs or no
    variation). Kendall, M. G. (1945). The treatment of ties in ranking problems.
    *Biometrika* 33(3), 239–251."""
    n = len(first)
    concordant = discordant = ties_first = ties_second = 0
    for i in range(n):
        for j in range(i + 1, n):
            dx, dy = first[i] - first[j], second[i] - second[j]
            if dx == 0 and dy == 0:
                continue
            if dx == 0:
                ties_first += 1
            elif dy == 0:
                ties_second += 1
            elif (dx > 0) == (dy > 0):
                concordant += 1
            else:
                discordant += 1
    pairs_first = concordant + discordant + ties_second
    pairs_second = concordant + discordant + ties_first
    if pairs_first == 0 or pairs_second == 0:
        return math.nan
    return (concordant - discordant) / math.sqrt(pairs_first * pairs_second)


def selection(
    article: ArticleLike,
    source: ArticleLike,
    *,
    threshold: float = THRESHOLD,
    min_shared: int = MIN_SHARED,
    dictionary: ActorDictionary | None = None,
) -> Selection:
    """Align ``source``'s body sentences with the ``article`` sentences that report them.

    ``article`` and ``source``: paths, texts or :class:`Article` objects (the source is read
    as an article: its first line is its title, which is not aligned). Tables:

    - ``source``: one row per source body sentence: ``source_sentence``, ``paragraph``,
      ``status`` (quoted, altered_quote, paraphrased or omitted: the first that applies),
      ``similarity`` (best Dice with an article sentence), ``shared`` (lemmas shared with that
      sentence), ``article_sentences`` (those reporting it or quoting it), ``first_told``
      (the first of them; NaN when omitted), ``told_in`` (where the article tells it: the
      first sentence quoting it, else the reporting sentence most similar to it, the earlier
      on a tie; NaN when omitted), ``told_order`` (rank of ``told_in``, 1 = told first),
      ``quotes``
      (article quotation numbers found in it), ``text``;
    - ``article``: one row per article sentence (headline included): ``sentence``, ``part``,
      ``sourced``, ``source_sentences``, ``best_source_sentence``, ``similarity``,
      ``has_quote`` (a quotation in quotation marks starts in it: a row of ``quotes``;
      reported speech is not one), ``text``;
    - ``quotes``: one row per quotation in quotation marks (:class:`QuoteCheck`): ``status``
      verified, altered or not_found, the source sentence it is in or nearest to, the share of
      its words found there (``overlap``), the ``changes`` and both texts;
    - ``terms``: one row per content lemma of the two bodies: ``forms`` (the words behind it in
      the two bodies, most frequent first: the lemmatiser takes a few names for words,
      "penny" for the name "Pence"), counts, per 1,000 words, signed
      G² and log ratio of the article against the source, ``status`` (amplified: log ratio
      ≥ 1; toned_down: ≤ −1; dropped: not in the article; added: not in the source; else kept);
    - ``summary``: counts of each status, ``coverage`` (share of source sentences covered),
      ``order_tau`` (Kendall's τ-b between the source's order and ``told_in``; 1 for an
      article that tells the passages in the source's order), ``unsourced``.
    """
    if not 0 < threshold <= 1:
        raise UsageError(f"threshold must be above 0 and at most 1, not {threshold}")
    if min_shared < 1:
        raise UsageError(f"min_shared must be 1 or more, not {min_shared}")
    article, source = as_article(article), as_article(source)
    if not source.body_sentences:
        raise UsageError("the source has no body sentences to align (only a title?)")
    source_texts = {s.index: " ".join(s.text.split()) for s in source.body_sentences}
    checks = _check_quotes(article, source, source_texts, dictionary)
    quotes = pd.DataFrame(checks, columns=QuoteCheck._fields)
    alignment = _align(article, source, checks, threshold, min_shared)
    table = _source_table(source, source_texts, alignment)
    article_table = _article_table(article, checks, alignment)
    covered = table[table["status"] != "omitted"]
    statuses = Counter(table["status"])
    summary: dict[str, object] = {
        "source_sentences": len(table),
        **{status: statuses[status] for status in SOURCE_STATUSES},
        "coverage": round(len(covered) / len(table), 3),
        "order_tau": round(kendall_tau(list(covered["source_sentence"]),
                                       list(covered["told_in"])), 3),
        "article_sentences": len(article_table),
        "unsourced": int((~article_table["sourced"]).sum()),
        **{f"quotes_{status}": int((quotes["status"] == status).sum())
           for status in QUOTE_STATUSES},
        "threshold": threshold,
        "min_shared": min_shared,
    }  # fmt: skip
    notes = []
    if article.language != source.language and "und" not in (article.language, source.language):
        notes.append(f"the article is in {article.language!r} and the source in "
                     f"{source.language!r}: word overlap cannot align a translation")  # fmt: skip
    return Selection(table, article_table, quotes, _term_table(article, source), summary,
                     threshold, notes)  # fmt: skip


def _check_quotes(article: Article, source: Article, source_texts: dict[int, str],
                  dictionary: ActorDictionary | None) -> list[QuoteCheck]:  # fmt: skip
    """Every quotation of the article in quotation marks, checked against the source's body
    (reported speech is left to the alignment of sentences)."""
    source_words = _source_words(source)
    checks = []
    for row in framing.unnest_quotes(article, dictionary).itertuples():
        if row.kind == "indirect":
            continue  # reported speech is a paraphrase, aligned with the sentences
        status, where, overlap, changes, nearest = _check_quote(row.text, source_words,
                                                               source_texts)  # fmt: skip
        checks.append(QuoteCheck(int(row.quote), row.kind, row.speaker, int(row.first_sentence),
                                 status, where, overlap, changes, " ".join(row.text.split()),
                                 nearest))  # fmt: skip
    return checks


@dataclass
class _Alignment:
    """Which article sentences report each source body sentence, and the best pairs."""

    source_lemmas: dict[int, set[str]]
    article_lemmas: dict[int, set[str]]
    #: source sentence -> the article sentences reporting or quoting it
    matches: dict[int, set[int]]
    #: source sentence -> the quotation checks found in it (verified or altered, not terms)
    quoted_in: dict[int, list[QuoteCheck]]
    #: source sentence -> (best Dice with any article sentence, lemmas shared, that sentence)
    best: dict[int, tuple[float, int, int]]
    #: article sentence -> (best Dice with any source body sentence, that sentence)
    article_best: dict[int, tuple[float, float]]


def _align(article: Article, source: Article, checks: list[QuoteCheck], threshold: float,
           min_shared: int) -> _Alignment:  # fmt: skip
    """Every source body sentence against every article sentence (Dice of content lemmas),
    and the quotations found in each source sentence."""
    source_lemmas, article_lemmas = sentence_lemmas(source), sentence_lemmas(article)
    quoted_in: dict[int, list[QuoteCheck]] = {}
    for check in checks:
        if check.kind != "term" and check.status != "not_found":
            quoted_in.setdefault(int(check.source_sentence), []).append(check)
    matches: dict[int, set[int]] = {s.index: set() for s in source.body_sentences}
    best: dict[int, tuple[float, int, int]] = {}
    article_best: dict[int, tuple[float, float]] = {}
    for s_index, s_lemmas in source_lemmas.items():
        if s_index not in matches:
            continue  # the source's title
        for a_index, a_lemmas in article_lemmas.items():
            similarity = dice(s_lemmas, a_lemmas)
            shared = len(s_lemmas & a_lemmas)
            if similarity > best.get(s_index, (-1.0, 0, 0))[0]:
                best[s_index] = (similarity, shared, a_index)
            if similarity > article_best.get(a_index, (-1.0, math.nan))[0]:
                article_best[a_index] = (similarity, float(s_index))
            if reports(s_lemmas, a_lemmas, threshold=threshold, min_shared=min_shared):
                matches[s_index].add(a_index)
    for s_index, found in quoted_in.items():
        matches[s_index].update(check.sentence for check in found)
    return _Alignment(source_lemmas, article_lemmas, matches, quoted_in, best, article_best)


def _source_table(source: Article, source_texts: dict[int, str],
                  alignment: _Alignment) -> pd.DataFrame:  # fmt: skip
    """One row per source body sentence (:data:`SOURCE_COLUMNS`, see :func:`selection`)."""
    rows = []
    for sentence in source.body_sentences:
        index = sentence.index
        found = alignment.quoted_in.get(index, [])
        if any(check.status == "verified" for check in found):
            status = "quoted"
        elif found:
            status = "altered_quote"
        elif alignment.matches[index]:
            status = "paraphrased"
        else:
            status = "omitted"
        told = sorted(alignment.matches[index])
        similarity, shared, _ = alignment.best.get(index, (0.0, 0, 0))
        told_in = _told_in(alignment.source_lemmas[index], told, found, alignment.article_lemmas)
        rows.append((index, sentence.paragraph, status, round(similarity, 3), shared, told,
                     told[0] if told else math.nan, told_in, math.nan,
                     sorted(check.quote for check in found), source_texts[index]))  # fmt: skip
    table = pd.DataFrame(rows, columns=SOURCE_COLUMNS)
    table["told_order"] = table["told_in"].rank(method="min")
    return table


def _article_table(article: Article, checks: list[QuoteCheck],
                   alignment: _Alignment) -> pd.DataFrame:  # fmt: skip
    """One row per article sentence, headline included (:data:`ARTICLE_COLUMNS`)."""
    sourced_by: dict[int, list[int]] = {}
    for s_index, told in alignment.matches.items():
        for a_index in told:
            sourced_by.setdefault(a_index, []).append(s_index)
    with_quote = {check.sentence for check in checks}  # reported speech is not a quotation
    rows = []
    for sentence in article.sentences:
        similarity, where = alignment.article_best.get(sentence.index, (0.0, math.nan))
        from_source = sorted(sourced_by.get(sentence.index, []))
        rows.append((sentence.index, sentence.part, bool(from_source), from_source, where,
                     round(similarity, 3), sentence.index in with_quote,
                     " ".join(sentence.text.split())))  # fmt: skip
    return pd.DataFrame(rows, columns=ARTICLE_COLUMNS)


def _told_in(lemmas: set[str], told: list[int], quoted: list[QuoteCheck],
             article_lemmas: dict[int, set[str]]) -> float:  # fmt: skip
    """Where the article tells a source sentence: the first article sentence quoting it, else
    the one of ``told`` (the sentences reporting it, in order) most similar to it (Dice), the
    earlier on a tie; NaN when none tells it. Not simply the first of ``told``: a headline or
    an early sentence that shares a few words with many passages would otherwise be taken
    for the telling of each, and an article that copies its source word for word would seem
    to reorder it."""
    if quoted:
        return float(min(check.sentence for check in quoted))
    if not told:
        return math.nan
    return float(max(told, key=lambda a: (dice(lemmas, article_lemmas[a]), -a)))


def _forms(*articles: Article) -> dict[str, list[str]]:
    """The terms behind each content lemma of the bodies, most frequent first (ties
    alphabetical): what a reader needs to recognise a lemma the lemmatiser got wrong."""
    counts: dict[str, Counter[str]] = {}
    for article in articles:
        table = terms.unnest_terms(article)
        body = table[(table["part"] == "body") & table["is_content"]]
        for term, lemma in zip(body["term"], body["lemma"], strict=True):
            counts.setdefault(lemma, Counter())[term] += 1
    return {lemma: sorted(found, key=lambda term: (-found[term], term))
            for lemma, found in counts.items()}  # fmt: skip


def _term_table(article: Article, source: Article) -> pd.DataFrame:
    """Content lemmas of both bodies, article against source (see :func:`selection`)."""
    article_counts, n_article = body_term_counts(article, "lemma")
    source_counts, n_source = body_term_counts(source, "lemma")
    if not n_article or not n_source:
        return pd.DataFrame(columns=TERM_COLUMNS)
    forms = _forms(article, source)
    rows = []
    for row in keyness_between(article_counts, source_counts, n_article, n_source, min_count=1):
        if row.count == 0:
            status = "dropped"
        elif row.count_reference == 0:
            status = "added"
        elif row.log_ratio >= LOG_RATIO_STEP:
            status = "amplified"
        elif row.log_ratio <= -LOG_RATIO_STEP:
            status = "toned_down"
        else:
            status = "kept"
        rows.append((row.term, forms[row.term], row.count_reference, row.count,
                     row.per_1000_reference, row.per_1000, row.log_likelihood, row.log_ratio,
                     status))  # fmt: skip
    return pd.DataFrame(rows, columns=TERM_COLUMNS)


#: Okabe-Ito colours (:data:`analysis.plots.OKABE_ITO`), safe for colour-blind readers.
STATUS_COLOURS = {"quoted": "#0072B2", "altered_quote": "#CC79A7", "paraphrased": "#009E73",
                  "omitted": "#999999"}  # fmt: skip


def selection_chart(result: Selection, *, title: str, subtitle: str = "") -> Figure:
    """Source sentences (x, in the source's order) against the article sentence that tells
    each (``told_in``; y, top = headline); omitted passages as crosses along the bottom.
    ``title`` states the finding (:func:`analysis.plots.finish`)."""
    from matplotlib.figure import Figure

    from analysis.plots import finish

    table = result.source
    if table.empty:
        raise UsageError("nothing to chart: the source has no sentence")
    n_article = int(result.article["sentence"].max()) + 1 if len(result.article) else 1
    figure = Figure(figsize=(8, 3.8))
    axes = figure.subplots()
    for status in SOURCE_STATUSES:
        rows = table[table["status"] == status]
        if rows.empty:
            continue
        if status == "omitted":
            axes.scatter(rows["source_sentence"], [n_article + 0.5] * len(rows), marker="x",
                         color=STATUS_COLOURS[status], label="omitted")  # fmt: skip
        else:
            axes.scatter(rows["source_sentence"], rows["told_in"], s=60,
                         color=STATUS_COLOURS[status], label=status.replace("_", " "),
                         zorder=3)  # fmt: skip
    axes.set_xticks(list(table["source_sentence"]))
    axes.set_xlabel("source sentence (its order in the source)")
    axes.set_ylabel("article sentence that tells it")
    axes.set_ylim(n_article + 1, -0.7)
    axes.axhline(n_article, color="#ddd", linewidth=0.8)
    axes.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    axes.grid(color="#f0f0f0")
    return finish(figure, axes, title, subtitle)


__all__ = [
    "ALTERED_MIN_OVERLAP",
    "LOG_RATIO_STEP",
    "MIN_SHARED",
    "QUOTE_STATUSES",
    "SOURCE_STATUSES",
    "TERM_STATUSES",
    "THRESHOLD",
    "QuoteCheck",
    "Selection",
    "dice",
    "kendall_tau",
    "quote_pieces",
    "reports",
    "selection",
    "selection_chart",
    "sentence_lemmas",
    "words_of",
]
