"""Scoring quotes, speakers and structure against a hand-annotated gold set.

The gold set is a folder with ``articles/<id>.txt`` and ``gold/<id>.json`` (the
format is described in ``eval/ANNOTATION.md``). Quotes are matched one to one,
greedily by overlap, where overlap is the number of characters a predicted span
shares with a gold span divided by the gold span's length, as the Gender Gap
Tracker's evaluation measures it (Asr, Mazraeh and others 2021); a pair counts
at a threshold of 0.3 (lenient) or 0.8 (strict). Exact-span F1, as BBC R&D's
Citron reports beside overlap F1, compares spans after trimming white space and
punctuation at both ends.

Scores:

- quote precision, recall and F1 for quotation-mark quotes (direct, partial,
  term) at 0.3 and 0.8 overlap and exact; the same for indirect speech at 0.3;
- speaker accuracy on matched quotes whose gold kind is not ``term``
  (:func:`same_speaker`); kind accuracy and actor accuracy on matched quotes;
- sentence counts, paragraph counts and datelines exactly right, per article.

References: Asr, F. T., Mazraeh, M., Lopes, A., Gautam, V., Gonzales, J., Rao,
P. and Taboada, M. (2021). The Gender Gap Tracker: using natural language
processing to measure gender bias in media. *PLOS ONE* 16(1), e0245533.
Newell, C., Cowlishaw, T. and Man, D. (2018). Quote extraction and analysis for
news. *KDD Workshop on Data Science, Journalism and Media*.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from analysis.article import Article, load_article
from analysis.errors import AnalysisError

if TYPE_CHECKING:
    import pandas as pd

#: Overlap thresholds (shared characters / gold span length), lenient and strict.
THRESHOLDS = (0.3, 0.8)
MARKED_KINDS = ("direct", "partial", "term")
QuoteKind = Literal["direct", "partial", "term", "indirect"]
_TRIM = " \t\n.,;:!?\"'“”‘’«»()[]—–-…"
#: Words that do not identify a speaker (titles, articles, honorifics).
_NOT_NAMES = frozenset({"the", "a", "an", "of", "said", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
                        "dr", "dr.", "prof", "prof.", "sir", "dame"})  # fmt: skip


class EvaluationError(AnalysisError):
    """A gold file that cannot be read or does not fit its article."""


@dataclass(frozen=True)
class Span:
    """A quote as scored: character offsets into the article text, kind, speaker, actor."""

    start: int
    end: int
    kind: str
    speaker: str | None
    actor: str | None = None
    text: str = ""


@dataclass(frozen=True)
class Gold:
    """The hand annotation of one article."""

    article_id: str
    paragraphs: int
    sentences: int
    dateline: str | None
    quotes: tuple[Span, ...]


# ---------------------------------------------------------------------------
# Reading gold files


def read_gold(path: Path, text: str) -> Gold:
    """Read ``gold/<id>.json`` and place each quote in ``text`` by its ``occurrence``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise EvaluationError(f"{path}: cannot read the gold file ({error})") from error
    quotes = []
    for number, quote in enumerate(data.get("quotes", []), start=1):
        start = _find(text, quote["text"], int(quote.get("occurrence", 1)))
        if "start" in quote and start != quote["start"]:
            raise EvaluationError(f"{path.name}, quote {number}: offset {quote['start']} does not "
                                  f"hold the quote's text (found at {start})")  # fmt: skip
        if start < 0:
            raise EvaluationError(f"{path.name}, quote {number}: text not found in the article: "
                                  f"{quote['text'][:60]!r}")  # fmt: skip
        end = start + len(quote["text"])
        quotes.append(Span(start, end, quote["kind"], quote.get("speaker"),
                           quote.get("affiliation"), quote["text"]))  # fmt: skip
    return Gold(path.stem, int(data["paragraphs"]), int(data["sentences"]),
                data.get("dateline"), tuple(quotes))  # fmt: skip


def _find(text: str, needle: str, occurrence: int) -> int:
    position = -1
    for _ in range(occurrence):
        position = text.find(needle, position + 1)
        if position < 0:
            return -1
    return position


# ---------------------------------------------------------------------------
# Matching


def overlap(predicted: Span, gold: Span) -> float:
    """Characters the predicted span shares with the gold span, over the gold span's length."""
    shared = min(predicted.end, gold.end) - max(predicted.start, gold.start)
    return max(shared, 0) / max(gold.end - gold.start, 1)


def trimmed(text: str, span: Span) -> tuple[int, int]:
    """The span without white space and punctuation at either end."""
    start, end = span.start, span.end
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def match_families(predicted: Sequence[Span], gold: Sequence[Span], threshold: float
                   ) -> list[tuple[int, int, float]]:  # fmt: skip
    """:func:`match` within each family: quotes in quotation marks (direct, partial, term)
    with each other, indirect speech with indirect speech; indices into the full lists."""
    pairs = []
    for family in (lambda s: s.kind != "indirect", lambda s: s.kind == "indirect"):
        p_index = [i for i, p in enumerate(predicted) if family(p)]
        g_index = [j for j, g in enumerate(gold) if family(g)]
        for i, j, score in match([predicted[i] for i in p_index], [gold[j] for j in g_index],
                                 threshold):  # fmt: skip
            pairs.append((p_index[i], g_index[j], score))
    return sorted(pairs, key=lambda pair: pair[1])


def match(predicted: Sequence[Span], gold: Sequence[Span], threshold: float
          ) -> list[tuple[int, int, float]]:  # fmt: skip
    """One-to-one pairs ``(predicted index, gold index, overlap)`` with overlap at least
    ``threshold``, highest overlap first (ties: text order)."""
    candidates = sorted(
        ((overlap(p, g), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold)
         if p.start < g.end and g.start < p.end),
        key=lambda item: (-item[0], item[2], item[1]),
    )  # fmt: skip
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for score, i, j in candidates:
        if score >= threshold and i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j, score))
    return sorted(pairs, key=lambda pair: pair[1])


def _name_words(name: str) -> frozenset[str]:
    words = name.replace("’", "'").replace("'s ", " ").replace("-", " ").casefold().split()
    return frozenset(w.strip(".,") for w in words if w.strip(".,") not in _NOT_NAMES)


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    """Whether two speaker names name the same speaker: equal after case folding and without
    titles and articles, hyphens read as spaces ("Kim Jong-Un", "Kim Jong Un"), or the
    words of one contained in the other's ("Blinken" and "Antony Blinken"; "the ministry"
    and "China's foreign ministry"). No speaker matches only no speaker."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    p, g = _name_words(predicted), _name_words(gold)
    return bool(p and g) and (p <= g or g <= p)


# ---------------------------------------------------------------------------
# Scoring


@dataclass(frozen=True)
class Counts:
    """True positives, predictions and gold items of one measure."""

    matched: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else float("nan")

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else float("nan")

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r > 0 else 0.0


def _add(a: Counts, b: Counts) -> Counts:
    return Counts(a.matched + b.matched, a.predicted + b.predicted, a.gold + b.gold)


def _exact_count(text: str, predicted: Sequence[Span], gold: Sequence[Span]) -> Counts:
    gold_spans = {trimmed(text, g) for g in gold}
    hits = sum(trimmed(text, p) in gold_spans for p in predicted)
    return Counts(hits, len(predicted), len(gold))


def predicted_spans(article: Article) -> list[Span]:
    """The library's quotes of an article's body as :class:`Span` (headline quotes left
    out, as the gold leaves them out)."""
    from analysis.framing.speakers import quote_records

    in_body = [q for q in quote_records(article) if q.first_sentence > 0 or not article.headline]
    return [Span(q.start, q.end, q.kind, q.speaker, q.actor, q.text) for q in in_body]


@dataclass(frozen=True)
class ArticleScore:
    """Everything scored on one article: the pairs and the structure."""

    article_id: str
    text: str
    predicted: tuple[Span, ...]
    gold: Gold
    n_sentences: int
    n_paragraphs: int
    dateline: str | None


Predictor = Callable[[Article], list[Span]]


def score_article(article: Article, gold: Gold, predict: Predictor = predicted_spans
                  ) -> ArticleScore:  # fmt: skip
    """Predictions for one article, kept with its gold for :func:`summarise`."""
    return ArticleScore(gold.article_id, article.text, tuple(predict(article)), gold,
                        len(article.body_sentences), len(article.paragraphs),
                        article.dateline.text if article.dateline else None)  # fmt: skip


def _marked(spans: Iterable[Span]) -> list[Span]:
    return [s for s in spans if s.kind in MARKED_KINDS]


def _indirect(spans: Iterable[Span]) -> list[Span]:
    return [s for s in spans if s.kind == "indirect"]


def summarise(scores: Sequence[ArticleScore]) -> pd.DataFrame:
    """One row per measure: ``measure``, ``value``, ``n`` (what it is computed over),
    ``detail`` (precision / recall behind an F1, or the count right)."""
    import pandas as pd

    detection = {f"{t}": Counts(0, 0, 0) for t in THRESHOLDS}
    exact = indirect = Counts(0, 0, 0)
    speaker = kind = actor = [0, 0]
    speaker, kind, actor = [0, 0], [0, 0], [0, 0]
    for s in scores:
        predicted, gold = _marked(s.predicted), _marked(s.gold.quotes)
        for t in THRESHOLDS:
            pairs = match(predicted, gold, t)
            detection[f"{t}"] = _add(detection[f"{t}"],
                                     Counts(len(pairs), len(predicted), len(gold)))  # fmt: skip
        exact = _add(exact, _exact_count(s.text, predicted, gold))
        p_ind, g_ind = _indirect(s.predicted), _indirect(s.gold.quotes)
        indirect = _add(indirect, Counts(len(match(p_ind, g_ind, THRESHOLDS[0])), len(p_ind),
                                         len(g_ind)))  # fmt: skip
        for i, j, _ in match_families(s.predicted, s.gold.quotes, THRESHOLDS[0]):
            p, g = s.predicted[i], s.gold.quotes[j]
            kind[0] += p.kind == g.kind
            kind[1] += 1
            if g.kind != "term":
                speaker[0] += same_speaker(p.speaker, g.speaker)
                speaker[1] += 1
            if g.actor:
                actor[0] += same_speaker(p.actor, g.actor)
                actor[1] += 1
    rows = []
    for t in THRESHOLDS:
        c = detection[f"{t}"]
        rows.append((f"quote F1 (overlap >= {t})", c.f1, c.gold,
                     f"P {c.precision:.3f}, R {c.recall:.3f}"))  # fmt: skip
    rows.append(("quote F1 (exact span)", exact.f1, exact.gold,
                 f"P {exact.precision:.3f}, R {exact.recall:.3f}"))  # fmt: skip
    rows.append(("indirect speech F1 (overlap >= 0.3)", indirect.f1, indirect.gold,
                 f"P {indirect.precision:.3f}, R {indirect.recall:.3f}"))  # fmt: skip
    for name, (right, n) in (("speaker accuracy", speaker), ("kind accuracy", kind),
                             ("actor accuracy", actor)):  # fmt: skip
        rows.append((name, right / n if n else float("nan"), n, f"{right} of {n}"))
    n = len(scores)
    for name, right in (
        ("sentence count exact", sum(s.n_sentences == s.gold.sentences for s in scores)),
        ("paragraph count exact", sum(s.n_paragraphs == s.gold.paragraphs for s in scores)),
        ("dateline exact", sum(_same_dateline(s.dateline, s.gold.dateline) for s in scores)),
    ):
        rows.append((name, right / n if n else float("nan"), n, f"{right} of {n} articles"))
    return pd.DataFrame(rows, columns=["measure", "value", "n", "detail"])


def _same_dateline(predicted: str | None, gold: str | None) -> bool:
    if predicted is None or gold is None:
        return predicted is None and gold is None
    return predicted.strip(_TRIM) == gold.strip(_TRIM)


ErrorCategory = Literal["right", "wrong speaker", "no speaker", "wrong kind", "missed",
                        "spurious"]  # fmt: skip


def quote_errors(scores: Sequence[ArticleScore]) -> pd.DataFrame:
    """One row per gold quote and per unmatched prediction, with its error category
    (``right``, ``wrong speaker``, ``no speaker``, ``wrong kind``, ``missed``,
    ``spurious``) at 0.3 overlap. Columns: ``article``, ``category``, ``gold_kind``,
    ``kind``, ``gold_speaker``, ``speaker``, ``overlap``, ``text``."""
    import pandas as pd

    rows = []
    for s in scores:
        pairs = {j: (i, o) for i, j, o in match_families(s.predicted, s.gold.quotes,
                                                         THRESHOLDS[0])}  # fmt: skip
        for j, g in enumerate(s.gold.quotes):
            if j not in pairs:
                rows.append((s.article_id, "missed", g.kind, None, g.speaker, None, 0.0, g.text))
                continue
            i, o = pairs[j]
            p = s.predicted[i]
            if g.kind != "term" and not same_speaker(p.speaker, g.speaker):
                category = "no speaker" if p.speaker is None else "wrong speaker"
            elif p.kind != g.kind:
                category = "wrong kind"
            else:
                category = "right"
            rows.append((s.article_id, category, g.kind, p.kind, g.speaker, p.speaker, round(o, 3),
                         g.text))  # fmt: skip
        matched = {i for i, _ in pairs.values()}
        for i, p in enumerate(s.predicted):
            if i not in matched:
                rows.append((s.article_id, "spurious", None, p.kind, None, p.speaker, 0.0, p.text))
    return pd.DataFrame(rows, columns=["article", "category", "gold_kind", "kind",
                                       "gold_speaker", "speaker", "overlap", "text"])  # fmt: skip


#: The project's targets on the evaluation set (the issue that set them), measure -> minimum.
TARGETS = {
    "quote F1 (overlap >= 0.3)": 0.95,
    "speaker accuracy": 0.90,
    "kind accuracy": 0.90,
    "indirect speech recall": 0.80,
    "indirect speech precision": 0.85,
    "sentence count exact": 0.95,
}


def against_targets(scores: Sequence[ArticleScore]) -> pd.DataFrame:
    """One row per target: ``measure``, ``value``, ``target``, ``met``."""
    import pandas as pd

    table = summarise(scores).set_index("measure")
    indirect = Counts(0, 0, 0)
    for s in scores:
        p_ind, g_ind = _indirect(s.predicted), _indirect(s.gold.quotes)
        indirect = _add(indirect, Counts(len(match(p_ind, g_ind, THRESHOLDS[0])), len(p_ind),
                                         len(g_ind)))  # fmt: skip
    values = {**table["value"].to_dict(), "indirect speech recall": indirect.recall,
              "indirect speech precision": indirect.precision}  # fmt: skip
    rows = [(name, values[name], target, bool(values[name] >= target))
            for name, target in TARGETS.items()]  # fmt: skip
    return pd.DataFrame(rows, columns=["measure", "value", "target", "met"])


def error_examples(scores: Sequence[ArticleScore], category: str, n: int = 3,
                   width: int = 90) -> pd.DataFrame:  # fmt: skip
    """The first ``n`` quotes of an error category with the text around them (``context``:
    ``width`` characters either side, the quote between ⟦ ⟧)."""
    import pandas as pd

    by_article = {s.article_id: s for s in scores}
    errors = quote_errors(scores)
    rows = []
    for row in errors[errors["category"] == category].head(n).itertuples(index=False):
        s = by_article[row.article]
        spans = s.gold.quotes if row.category != "spurious" else s.predicted
        span = next(x for x in spans if x.text == row.text)
        before = " ".join(s.text[max(0, span.start - width) : span.start].split())
        after = " ".join(s.text[span.end : span.end + width].split())
        rows.append((row.article, row.gold_speaker, row.speaker,
                     f"…{before} ⟦{' '.join(span.text.split())}⟧ {after}…"))  # fmt: skip
    return pd.DataFrame(rows, columns=["article", "gold_speaker", "speaker", "context"])


def structure_errors(scores: Sequence[ArticleScore]) -> pd.DataFrame:
    """One row per article: gold and predicted sentence and paragraph counts and datelines."""
    import pandas as pd

    return pd.DataFrame(
        [(s.article_id, s.gold.sentences, s.n_sentences, s.gold.paragraphs, s.n_paragraphs,
          s.gold.dateline, s.dateline) for s in scores],
        columns=["article", "gold_sentences", "sentences", "gold_paragraphs", "paragraphs",
                 "gold_dateline", "dateline"],
    )  # fmt: skip


# ---------------------------------------------------------------------------
# A whole set


def gold_ids(directory: Path, gold_folder: str = "gold") -> list[str]:
    """The ids of the articles that have a gold file, in name order."""
    folder = Path(directory) / gold_folder
    if not folder.is_dir():
        raise EvaluationError(f"{folder}: no such folder of gold files")
    return sorted(p.stem for p in folder.glob("*.json"))


def evaluate(directory: str | Path, *, gold_folder: str = "gold") -> list[ArticleScore]:
    """Score the library on every article of an evaluation folder."""
    directory = Path(directory)
    scores = []
    for article_id in gold_ids(directory, gold_folder):
        article = load_article(directory / "articles" / f"{article_id}.txt", article_id=article_id)
        gold = read_gold(directory / gold_folder / f"{article_id}.json", article.text)
        scores.append(score_article(article, gold))
    return scores


def agreement(directory: str | Path, first: str = "gold", second: str = "gold_b"
              ) -> list[ArticleScore]:  # fmt: skip
    """Score one annotator against another (``second`` as predictions, ``first`` as gold),
    on the articles both annotated: inter-annotator agreement in the same measures."""
    directory = Path(directory)
    shared = sorted(set(gold_ids(directory, first)) & set(gold_ids(directory, second)))
    scores = []
    for article_id in shared:
        text = load_article(directory / "articles" / f"{article_id}.txt").text
        a = read_gold(directory / first / f"{article_id}.json", text)
        b = read_gold(directory / second / f"{article_id}.json", text)
        scores.append(ArticleScore(article_id, text, b.quotes, a, b.sentences, b.paragraphs,
                                   b.dateline))  # fmt: skip
    return scores


def format_summary(summary: pd.DataFrame) -> str:
    """The summary as a plain-text table (three decimals)."""
    width = max(len(m) for m in summary["measure"])
    lines = [f"{'measure':<{width}}  value      n  detail"]
    for row in summary.itertuples(index=False):
        lines.append(f"{row.measure:<{width}}  {row.value:5.3f}  {row.n:5d}  {row.detail}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m analysis.evaluation eval/ [--agreement]``: print the summary table."""
    parser = argparse.ArgumentParser(prog="python -m analysis.evaluation", description=main.__doc__)
    parser.add_argument("directory", help="folder with articles/ and gold/")
    parser.add_argument("--agreement", action="store_true",
                        help="score the second annotation (gold_b/) against the first")  # fmt: skip
    args = parser.parse_args(argv)
    try:
        scores = agreement(args.directory) if args.agreement else evaluate(args.directory)
    except AnalysisError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(format_summary(summarise(scores)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
