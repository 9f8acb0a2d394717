"""Articles side by side: the same event told by different outlets.

:func:`compare` takes two or more articles and returns long ("tidy") tables, one row per
article, key (actor, speaker, frame) and measure, built from the library's own per-article
tables:

- **salience** (:func:`analysis.framing.actor_salience`): mentions, share of body sentences
  that mention the actor, first sentence (0 = headline), whether the headline names it;
- **voices** (:func:`analysis.framing.quote_share`): quotations by actor and by speaker,
  direct, partial and indirect (reported speech), quoted words and their share;
- **frames** (:func:`analysis.framing.sentence_frames`): share of body sentences using each
  frame's words, and the number of frame words;
- **tone** (:func:`analysis.framing.actor_tone`): mean VADER compound and mean security-lexicon
  tone of the sentences that mention each actor named by two or more of the articles, beside
  the mean over every body sentence (key ``(body)``);
- **readability** (:func:`analysis.readability.readability_table`): the main indices;
- **keyness**: each article against the others pooled (log-likelihood G² with log ratio, the
  design of quanteda's ``textstat_keyness``: one target, the rest as reference).

**Uncertainty.** Shares and means come with a percentile bootstrap interval (Efron and
Tibshirani 1993): the article's sentences (headline and body) are drawn with replacement,
:data:`N_RESAMPLES` times, and each statistic is computed again on every resample; the interval
holds the middle :data:`CONFIDENCE` of those values. The generator is
``numpy.random.default_rng([seed, crc32(article text)])``: an article gets the same resamples,
so the same intervals, in any comparison and in any order. Differences between two articles
(``Comparison.differences``) take the two articles' resampled values pairwise. An article with
fewer than :data:`MIN_SENTENCES` body sentences, or a mean resting on fewer than
:data:`MIN_GROUP_SENTENCES` sentences, gets no interval and a note: it is too short to say.
Counts (mentions, quotes, frame words) and positions have no interval.

References: Efron, B. and Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*.
Chapman & Hall. Rayson, P. and Garside, R. (2000). Comparing corpora using frequency
profiling. *Proceedings of the Workshop on Comparing Corpora*, ACL, 1–6. Hardie, A. (2014).
Log Ratio: an informal introduction. ESRC Centre for Corpus Approaches to Social Science
(CASS). Entman, R. M. (1993). Framing: toward clarification of a fractured paradigm.
*Journal of Communication* 43(4), 51–58.
"""

from __future__ import annotations

import math
import zlib
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import pandas as pd

from analysis import framing, readability, sentiment, terms
from analysis.article import Article, load_article
from analysis.errors import UsageError
from analysis.framing import ActorDictionary
from analysis.lexicon import Lexicon

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: Bootstrap resamples per article (percentile intervals settle to about ±0.01 at 2,000).
N_RESAMPLES = 2000
#: The default seed of the bootstrap generator (the date of the seed's talks, 28 July 2024).
SEED = 20240728
#: Width of the intervals.
CONFIDENCE = 0.95
#: Body sentences an article needs for an interval: a percentile bootstrap of a share over
#: fewer sentences mostly shows how few there are.
MIN_SENTENCES = 8
#: Sentences a mean (tone of an actor) or a share of quoted words needs for an interval.
MIN_GROUP_SENTENCES = 3
#: The key of the tone over every body sentence, beside the actors' tone.
BODY = "(body)"
#: Main readability indices compared (each computed from counts that add up over sentences).
READABILITY_INDICES = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "dale_chall_readability_score",
)
#: The voice of quotations without a speaker (as :func:`analysis.framing.quote_share` keys it).
UNATTRIBUTED = "(unattributed)"
#: Log ratio's stand-in for a zero frequency (Hardie 2014).
ZERO_FREQUENCY = 0.5

ArticleLike = str | Path | Article


# ---------------------------------------------------------------------------
# Keyness between two bodies of text


class KeyTerm(NamedTuple):
    """One term of a target text against a reference (a row of :func:`keyness_between`)."""

    term: str
    count: int
    count_reference: int
    per_1000: float
    per_1000_reference: float
    log_likelihood: float
    log_ratio: float
    p_value: float


def log_likelihood_2x2(a: int, b: int, c: int, d: int) -> float:
    """Signed log-likelihood G² of a term seen ``a`` times in ``c`` target words and ``b``
    times in ``d`` reference words (Rayson and Garside 2000).

    E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d); G² = 2(a ln(a/E1) + b ln(b/E2)), the sum of
    :func:`analysis.terms.log_likelihood` over the two cells (its ``O − E`` terms cancel).
    Positive when the target uses the term more. Above 3.84, p < 0.05; above 6.63, p < 0.01
    (one degree of freedom). quanteda's ``textstat_keyness(measure = "lr")`` sums all four
    cells of the table and applies Williams's correction by default, so its values are a
    little smaller; the ranking is the same in practice.
    """
    if a + b == 0 or c <= 0 or d <= 0:
        return 0.0
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    g2 = abs(terms.log_likelihood(a, e1)) + abs(terms.log_likelihood(b, e2))
    return g2 if a >= e1 else -g2


def log_ratio(a: int, b: int, c: int, d: int) -> float:
    """Binary log of the ratio of relative frequencies, (a/c) / (b/d) (Hardie 2014): +1 =
    twice as frequent in the target. A zero count is taken as :data:`ZERO_FREQUENCY`."""
    return math.log2((max(a, ZERO_FREQUENCY) / c) / (max(b, ZERO_FREQUENCY) / d))


def chi2_p_value(g2: float) -> float:
    """The p-value of G² on one degree of freedom: P(χ²₁ > |G²|) = erfc(√(|G²|/2))."""
    return math.erfc(math.sqrt(abs(g2) / 2))


def keyness_between(
    target: Mapping[str, int], reference: Mapping[str, int], n_target: int, n_reference: int,
    *, min_count: int = 2,
) -> list[KeyTerm]:  # fmt: skip
    """Every term seen at least ``min_count`` times in the two texts together, with its G²
    and log ratio (target against reference), highest G² first (ties alphabetical).
    ``n_target`` and ``n_reference`` are the texts' sizes in words (stopwords included)."""
    if n_target <= 0 or n_reference <= 0:
        raise UsageError("keyness needs two texts with words in each")
    rows = []
    for term in sorted(set(target) | set(reference)):
        a, b = target.get(term, 0), reference.get(term, 0)
        if a + b < min_count:
            continue
        g2 = log_likelihood_2x2(a, b, n_target, n_reference)
        rows.append(KeyTerm(term, a, b, 1000 * a / n_target, 1000 * b / n_reference,
                            round(g2, 3), round(log_ratio(a, b, n_target, n_reference), 3),
                            chi2_p_value(g2)))  # fmt: skip
    return sorted(rows, key=lambda row: (-row.log_likelihood, row.term))


def body_term_counts(article: Article, by: terms.TermColumn = "term") -> tuple[Counter[str], int]:
    """Content terms (or lemmas) of the body and the body's size in words (stopwords and
    numbers included, as :func:`analysis.terms.keyness` counts it)."""
    table = terms.unnest_terms(article)
    body = table[table["part"] == "body"]
    return Counter(body.loc[body["is_content"], by]), len(body)


# ---------------------------------------------------------------------------
# The bootstrap


@dataclass(frozen=True)
class Bootstrap:
    """How intervals are computed: resamples, seed and width."""

    n_resamples: int = N_RESAMPLES
    seed: int = SEED
    confidence: float = CONFIDENCE

    def interval(self, values: np.ndarray) -> tuple[float, float]:
        """The percentile interval of the finite ``values`` (NaN, NaN when there are none)."""
        finite = values[np.isfinite(values)]
        if finite.size == 0:
            return math.nan, math.nan
        tail = 100 * (1 - self.confidence) / 2
        low, high = np.percentile(finite, [tail, 100 - tail])
        return float(low), float(high)


class _Resamples:
    """One article's bootstrap: how often each sentence (headline and body) is drawn in each
    resample, a ``n_resamples × n_sentences`` matrix of counts (float32, exact for counts:
    4 bytes a cell, 4 MB for 2,000 resamples of a 500-sentence article)."""

    def __init__(self, article: Article, bootstrap: Bootstrap) -> None:
        self.column = {s.index: i for i, s in enumerate(article.sentences)}
        n = len(article.sentences)
        rng = np.random.default_rng([bootstrap.seed, zlib.crc32(article.text.encode("utf-8"))])
        drawn = rng.integers(0, n, size=(bootstrap.n_resamples, n))
        self.counts = np.zeros((bootstrap.n_resamples, n), dtype=np.float32)
        np.add.at(self.counts, (np.arange(bootstrap.n_resamples)[:, None], drawn), 1)
        self.is_body = self.vector({s.index: 1.0 for s in article.body_sentences})

    def vector(self, per_sentence: dict[int, float]) -> np.ndarray:
        """A value per sentence (by sentence index; missing ones are 0) as a column vector."""
        values = np.zeros(len(self.column))
        for sentence, value in per_sentence.items():
            values[self.column[sentence]] += value
        return values

    def ratio(self, numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
        """Σ numerator / Σ denominator over the sentences of each resample (NaN where the
        denominator is 0)."""
        top = (self.counts @ numerator.astype(np.float32)).astype(float)
        bottom = (self.counts @ denominator.astype(np.float32)).astype(float)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(bottom > 0, top / np.where(bottom > 0, bottom, 1), np.nan)


# ---------------------------------------------------------------------------
# The comparison


#: Columns every long table ends with.
VALUE_COLUMNS = ["measure", "value", "ci_low", "ci_high", "n", "note"]
SALIENCE_COLUMNS = ["article_id", "actor", *VALUE_COLUMNS]
VOICE_COLUMNS = ["article_id", "by", "voice", *VALUE_COLUMNS]
FRAME_COLUMNS = ["article_id", "frame", *VALUE_COLUMNS]
TONE_COLUMNS = ["article_id", "actor", *VALUE_COLUMNS]
READABILITY_COLUMNS = ["article_id", *VALUE_COLUMNS]
KEYNESS_COLUMNS = ["article_id", *KeyTerm._fields]
DIFFERENCE_COLUMNS = ["table", "key", "measure", "article_a", "article_b", "value_a", "value_b",
                      "difference", "ci_low", "ci_high", "clear", "note"]  # fmt: skip
ARTICLE_COLUMNS = ["article_id", "source", "headline", "n_sentences", "n_words", "n_quotes",
                   "language", "note"]  # fmt: skip


@dataclass
class Comparison:
    """Two or more articles side by side; every table is long, one row per article, key and
    measure (columns documented on :func:`compare`)."""

    articles: pd.DataFrame
    salience: pd.DataFrame
    voices: pd.DataFrame
    frames: pd.DataFrame
    tone: pd.DataFrame
    readability: pd.DataFrame
    keyness: pd.DataFrame
    differences: pd.DataFrame
    notes: list[str]
    bootstrap: Bootstrap = field(default_factory=Bootstrap)

    def get(self, table: str, measure: str, **keys: str) -> pd.Series:
        """The one row of ``table`` for ``measure`` and the given keys (``article_id``,
        ``actor``, ...); :class:`UsageError` when the keys do not pick exactly one row."""
        rows = getattr(self, table)
        rows = rows[rows["measure"] == measure]
        for column, wanted in keys.items():
            rows = rows[rows[column] == wanted]
        if len(rows) != 1:
            raise UsageError(f"{table}: {len(rows)} rows for {measure} {keys}, expected one")
        return rows.iloc[0]

    def wide(self, table: str, measure: str) -> pd.DataFrame:
        """One measure of a table with one column per article (keys as rows), for reading."""
        frame = getattr(self, table)
        frame = frame[frame["measure"] == measure]
        keys = [c for c in frame.columns if c not in ("article_id", *VALUE_COLUMNS)]
        if not keys:
            return frame.set_index("article_id")[["value"]].T.rename_axis(columns=None)
        order = list(dict.fromkeys(self.articles["article_id"]))
        wide = frame.pivot_table(index=keys, columns="article_id", values="value",
                                 aggfunc="first", sort=False)  # fmt: skip
        return wide[[a for a in order if a in wide.columns]].rename_axis(columns=None)


def format_value(row: pd.Series, *, percent: bool = True, reason: bool = True) -> str:
    """A row's value with its interval, as text: ``55% [35%, 76%]``; without an interval, the
    value and the reason (or ``(no interval)`` when ``reason`` is False)."""
    def show(x: float) -> str:
        return f"{x:.0%}" if percent else f"{x:.2f}"

    if pd.isna(row["ci_low"]):
        why = row["note"] if reason else "no interval"
        return f"{show(row['value'])} ({why})" if why else show(row["value"])
    return f"{show(row['value'])} [{show(row['ci_low'])}, {show(row['ci_high'])}]"


class _Row(NamedTuple):
    table: str
    key: str
    measure: str


def _labels(articles: list[Article], labels: Sequence[str] | None) -> list[str]:
    if labels is not None:
        if len(labels) != len(articles) or len(set(labels)) != len(labels):
            raise UsageError("labels must name each article once, with no two alike")
        return list(labels)
    names: list[str] = []
    for article in articles:
        name, count = article.article_id, 1
        while name in names:
            count += 1
            name = f"{article.article_id}_{count}"
        names.append(name)
    return names


def as_article(item: ArticleLike) -> Article:
    """An :class:`Article` as given, or read from a path (or text) by ``load_article``."""
    return item if isinstance(item, Article) else load_article(item)


def compare(
    articles: Sequence[ArticleLike],
    *,
    labels: Sequence[str] | None = None,
    dictionary: ActorDictionary | None = None,
    frames: Lexicon | None = None,
    n_resamples: int = N_RESAMPLES,
    seed: int = SEED,
    confidence: float = CONFIDENCE,
    min_count: int = 2,
) -> Comparison:
    """Two or more articles side by side (see the module docstring for the measures).

    ``articles``: paths, texts or :class:`Article` objects; ``labels`` name them in the
    tables (default: each article's ``article_id``, made unique). ``dictionary`` and
    ``frames`` replace the shipped actor dictionary and frame lexicon. ``n_resamples`` (100 or
    more), ``seed`` (a whole number, 0 or more) and ``confidence`` set the bootstrap.

    Tables (``Comparison``'s attributes); the value columns are ``measure``, ``value``,
    ``ci_low``, ``ci_high`` (the bootstrap interval; NaN where there is none), ``n`` (the
    sentences, or quotations, the value rests on) and ``note``:

    - ``articles``: ``article_id``, ``source``, ``headline``, ``n_sentences`` (body),
      ``n_words`` (body), ``n_quotes``, ``language``, ``note``;
    - ``salience``: ``article_id``, ``actor``; measures ``mentions``, ``sentence_share``
      (interval), ``first_sentence`` (0 = headline; NaN when absent), ``in_headline`` (0/1).
      Every actor any article names has a row for every article (zero when absent);
    - ``voices``: ``article_id``, ``by`` (``actor`` or ``speaker``), ``voice``; measures
      ``quotes``, ``direct``, ``partial``, ``indirect``, ``quoted_words``, ``word_share``
      (of all quoted words; interval). ``(unattributed)`` is a voice without a speaker;
    - ``frames``: ``article_id``, ``frame``; measures ``sentence_share`` (body sentences
      with a word of the frame; interval) and ``words``;
    - ``tone``: ``article_id``, ``actor`` (actors that two or more articles mention in their
      bodies, and :data:`BODY`); measures ``compound`` (VADER) and ``domain_tone`` (security
      lexicon), means over the sentences that mention the actor (interval);
    - ``readability``: ``article_id``; one measure per index of :data:`READABILITY_INDICES`
      (interval);
    - ``keyness``: ``article_id`` (the target), then :class:`KeyTerm`'s columns: the target's
      body against the other articles' bodies pooled, content terms seen ``min_count`` times
      or more in all, highest G² first;
    - ``differences``: for every pair of articles (in the order given) and every measure with
      an interval in both: ``table``, ``key``, ``measure``, ``article_a``, ``article_b``,
      ``value_a``, ``value_b``, ``difference`` (a − b), its interval, ``clear`` (the interval
      excludes 0) and ``note``.

    Raises :class:`~analysis.errors.UsageError` for fewer than two articles or bad settings,
    :class:`~analysis.errors.ArticleError` for an input that is not an article.
    """
    if isinstance(articles, str | Path | Article) or len(articles) < 2:
        raise UsageError("compare needs two or more articles (a list of paths or Articles)")
    if n_resamples < 100:
        raise UsageError(f"n_resamples must be 100 or more, not {n_resamples}")
    if not 0 < confidence < 1:
        raise UsageError(f"confidence must be between 0 and 1, not {confidence}")
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise UsageError(f"seed must be a whole number, 0 or more, not {seed!r}")
    loaded = [as_article(item) for item in articles]
    names = _labels(loaded, labels)
    bootstrap = Bootstrap(n_resamples, seed, confidence)
    builder = _Builder(loaded, names, bootstrap, dictionary, frames or framing.load_frames())
    return builder.build(min_count)


class _Builder:
    """Builds the tables of one comparison, keeping each bootstrap distribution for the
    differences."""

    def __init__(self, articles: list[Article], names: list[str], bootstrap: Bootstrap,
                 dictionary: ActorDictionary | None, frames: Lexicon) -> None:  # fmt: skip
        self.articles = dict(zip(names, articles, strict=True))
        self.bootstrap = bootstrap
        self.dictionary = dictionary
        self.frames = frames
        self.resamples = {name: _Resamples(a, bootstrap) for name, a in self.articles.items()}
        self.n_body = {name: len(a.body_sentences) for name, a in self.articles.items()}
        self.distributions: dict[tuple[_Row, str], np.ndarray] = {}
        self.values: dict[tuple[_Row, str], float] = {}
        self.notes: list[str] = []

    # -- one value ----------------------------------------------------------

    def _value(self, table: str, name: str, key: str, measure: str, value: float, n: int,
               resampled: Callable[[], np.ndarray] | None = None, *,
               min_n: int = 0) -> tuple:  # fmt: skip
        """``(measure, value, ci_low, ci_high, n, note)``; the interval from ``resampled``
        when the article and ``n`` are long enough."""
        row = _Row(table, key, measure)
        self.values[row, name] = value
        low = high = math.nan
        note = ""
        if resampled is not None:
            if self.n_body[name] < MIN_SENTENCES:
                note = (f"too short to say: {self.n_body[name]} body sentences "
                        f"(an interval needs {MIN_SENTENCES})")  # fmt: skip
            elif n < min_n:
                unit = "sentence" if n == 1 else "sentences"
                note = f"too few to say: {n} {unit} (an interval needs {min_n})"
            else:
                values = resampled()
                self.distributions[row, name] = values
                low, high = self.bootstrap.interval(values)
        return (measure, value, low, high, n, note)

    # -- tables -------------------------------------------------------------

    def build(self, min_count: int) -> Comparison:
        for name, article in self.articles.items():
            if self.n_body[name] < MIN_SENTENCES:
                self.notes.append(
                    f"{name} has {self.n_body[name]} body sentences: too short for intervals "
                    f"(they need {MIN_SENTENCES}); its values are shown without one"
                )
            if article.language not in ("en", "und"):
                self.notes.append(f"{name}'s body is in {article.language!r}, not English: "
                                  "tone, readability and frames are built for English")  # fmt: skip
        tables = {
            "articles": self._articles(),
            "salience": self._salience(),
            "voices": self._voices(),
            "frames": self._frames(),
            "tone": self._tone(),
            "readability": self._readability(),
            "keyness": self._keyness(min_count),
        }
        return Comparison(**tables, differences=self._differences(), notes=self.notes,
                          bootstrap=self.bootstrap)  # fmt: skip

    def _articles(self) -> pd.DataFrame:
        rows = []
        for name, article in self.articles.items():
            quotes = framing.unnest_quotes(article, self.dictionary)
            note = "" if self.n_body[name] >= MIN_SENTENCES else "too short for intervals"
            rows.append((name, article.source, article.headline, self.n_body[name],
                         len(article.body_words), int((quotes["kind"] != "term").sum()),
                         article.language, note))  # fmt: skip
        return pd.DataFrame(rows, columns=ARTICLE_COLUMNS)

    def _salience(self) -> pd.DataFrame:
        tables = {name: framing.actor_salience(a, self.dictionary).set_index("actor")
                  for name, a in self.articles.items()}  # fmt: skip
        totals: Counter[str] = Counter()
        for table in tables.values():
            totals.update(table["mentions"].to_dict())
        actors = sorted(totals, key=lambda actor: -totals[actor])  # stable: first seen first
        rows = []
        for name in self.articles:
            table, boot, n = tables[name], self.resamples[name], self.n_body[name]
            for actor in actors:
                present = actor in table.index
                found = table.loc[actor] if present else None
                sentences = list(found["sentences"]) if present else []
                mentioned = boot.vector(dict.fromkeys(sentences, 1.0))
                values = [
                    ("mentions", int(found["mentions"]) if present else 0, n, None),
                    ("sentence_share", float(found["sentence_share"]) if present else 0.0, n,
                     lambda m=mentioned, b=boot: b.ratio(m, b.is_body)),
                    ("first_sentence", float(found["first_sentence"]) if present else math.nan,
                     n, None),
                    ("in_headline", float(present and found["mentions_headline"] > 0), n, None),
                ]  # fmt: skip
                for measure, value, units, resampled in values:
                    rows.append((name, actor,
                                 *self._value("salience", name, actor, measure, value, units,
                                              resampled)))  # fmt: skip
        return pd.DataFrame(rows, columns=SALIENCE_COLUMNS)

    def _voices(self) -> pd.DataFrame:
        rows = []
        for by in ("actor", "speaker"):
            shares = {name: framing.quote_share(a, by, self.dictionary).set_index(by)
                      for name, a in self.articles.items()}  # fmt: skip
            words: Counter[str] = Counter()
            for table in shares.values():
                words.update(table["quoted_words"].to_dict())
            voices = sorted(words, key=lambda voice: -words[voice])
            for name, article in self.articles.items():
                table, boot = shares[name], self.resamples[name]
                quotes = framing.unnest_quotes(article, self.dictionary)
                quotes = quotes[quotes["kind"] != "term"]
                keys = quotes[by].fillna(UNATTRIBUTED)
                all_words = boot.vector(_sum_by(quotes["first_sentence"], quotes["n_words"]))
                n_quoting = quotes["first_sentence"].nunique()
                for voice in voices:
                    present = voice in table.index
                    mine = quotes[keys == voice]
                    own = boot.vector(_sum_by(mine["first_sentence"], mine["n_words"]))
                    for measure in ("quotes", "direct", "partial", "indirect", "quoted_words"):
                        value = int(table.loc[voice, measure]) if present else 0
                        rows.append((name, by, voice, *self._value(
                            f"voices:{by}", name, voice, measure, value, len(quotes))))
                    share = float(table.loc[voice, "word_share"]) if present else 0.0
                    rows.append((name, by, voice, *self._value(
                        f"voices:{by}", name, voice, "word_share", share, n_quoting,
                        lambda o=own, w=all_words, b=boot: b.ratio(o, w),
                        min_n=MIN_GROUP_SENTENCES)))
        return pd.DataFrame(rows, columns=VOICE_COLUMNS)

    def _frames(self) -> pd.DataFrame:
        names = self.frames.categories
        rows = []
        for name, article in self.articles.items():
            table = framing.sentence_frames(article, self.frames)
            body = table[table["part"] == "body"]
            boot, n = self.resamples[name], self.n_body[name]
            for frame in names:
                framed = boot.vector(dict.fromkeys(body.loc[body[frame] > 0, "sentence"], 1.0))
                share = float((body[frame] > 0).sum() / n) if n else math.nan
                rows.append((name, frame, *self._value(
                    "frames", name, frame, "sentence_share", share, n,
                    lambda f=framed, b=boot: b.ratio(f, b.is_body))))
                rows.append((name, frame, *self._value(
                    "frames", name, frame, "words", int(body[frame].sum()), n)))
        return pd.DataFrame(rows, columns=FRAME_COLUMNS)

    def _tone(self) -> pd.DataFrame:
        tones = {name: framing.actor_tone(a, dictionary=self.dictionary).set_index("actor")
                 for name, a in self.articles.items()}  # fmt: skip
        seen: Counter[str] = Counter()
        for table in tones.values():
            seen.update(table.index)
        shared = [actor for actor in dict.fromkeys(a for t in tones.values() for a in t.index)
                  if seen[actor] >= 2]  # fmt: skip
        rows = []
        for name, article in self.articles.items():
            boot = self.resamples[name]
            scores = sentiment.sentence_sentiment(article)
            body = scores[scores["part"] == "body"]
            groups = [(BODY, list(body["sentence"]))]
            groups += [(actor, list(tones[name].loc[actor, "sentences"]))
                       if actor in tones[name].index else (actor, []) for actor in shared]
            for actor, sentences in groups:
                chosen = body[body["sentence"].isin(sentences)]
                weight = boot.vector(dict.fromkeys(sentences, 1.0))
                for measure, column in (("compound", "compound"), ("domain_tone", "domain_tone")):
                    value = float(chosen[column].mean()) if len(chosen) else math.nan
                    score = boot.vector(dict(zip(chosen["sentence"], chosen[column], strict=True)))
                    rows.append((name, actor, *self._value(
                        "tone", name, actor, measure, value, len(chosen),
                        lambda s=score, w=weight, b=boot: b.ratio(s, w),
                        min_n=MIN_GROUP_SENTENCES)))
        return pd.DataFrame(rows, columns=TONE_COLUMNS)

    def _readability(self) -> pd.DataFrame:
        rows = []
        for name, article in self.articles.items():
            whole = readability.readability_table(article).iloc[0]
            per_sentence = readability.readability_table(article, "sentence")
            boot = self.resamples[name]
            counts = {column: boot.vector(dict(zip(per_sentence["sentence"],
                                                   per_sentence[column], strict=True)))
                      for column in readability.COUNT_COLUMNS}  # fmt: skip
            resampled = _resampled_indices(boot, counts)
            for index in READABILITY_INDICES:
                rows.append((name, *self._value(
                    "readability", name, "", index, float(whole[index]), self.n_body[name],
                    lambda i=index, r=resampled: r()[i])))
        return pd.DataFrame(rows, columns=READABILITY_COLUMNS)

    def _keyness(self, min_count: int) -> pd.DataFrame:
        counts = {name: body_term_counts(a) for name, a in self.articles.items()}
        frames = []
        for name in self.articles:
            target, n_target = counts[name]
            reference: Counter[str] = Counter()
            n_reference = 0
            for other, (other_counts, n_other) in counts.items():
                if other != name:
                    reference.update(other_counts)
                    n_reference += n_other
            rows = keyness_between(target, reference, n_target, n_reference, min_count=min_count)
            table = pd.DataFrame(rows, columns=KeyTerm._fields)
            table.insert(0, "article_id", name)
            frames.append(table)
        return pd.concat(frames, ignore_index=True)

    def _differences(self) -> pd.DataFrame:
        rows = []
        measured = list(dict.fromkeys(row for row, _ in self.distributions))
        for row in measured:
            for a, b in combinations(self.articles, 2):
                if (row, a) not in self.distributions or (row, b) not in self.distributions:
                    continue
                difference = self.distributions[row, a] - self.distributions[row, b]
                low, high = self.bootstrap.interval(difference)
                clear = bool(low > 0 or high < 0)
                note = ("interval excludes 0" if clear
                        else "interval includes 0: no clear difference")  # fmt: skip
                value_a, value_b = self.values[row, a], self.values[row, b]
                rows.append((row.table, row.key, row.measure, a, b, value_a, value_b,
                             value_a - value_b, low, high, clear, note))  # fmt: skip
        return pd.DataFrame(rows, columns=DIFFERENCE_COLUMNS).astype({"clear": bool})


def _sum_by(keys: pd.Series, values: pd.Series) -> dict[int, float]:
    """``values`` summed per key (a sentence index)."""
    totals: dict[int, float] = {}
    for key, value in zip(keys, values, strict=True):
        totals[int(key)] = totals.get(int(key), 0.0) + float(value)
    return totals


def _resampled_indices(boot: _Resamples, counts: dict[str, np.ndarray]
                       ) -> Callable[[], dict[str, np.ndarray]]:  # fmt: skip
    """A function giving each main readability index on every resample (computed once, on
    first use), from the resampled sums of the per-sentence counts."""
    cache: dict[str, np.ndarray] = {}

    def compute() -> dict[str, np.ndarray]:
        if not cache:
            sums = {column: boot.counts @ vector.astype(np.float32)
                    for column, vector in counts.items()}
            n_resamples = boot.counts.shape[0]
            formulas = {
                "flesch_reading_ease": (readability.flesch_reading_ease,
                                        ("n_words", "n_sents", "n_syllables")),
                "flesch_kincaid_grade": (readability.flesch_kincaid_grade,
                                         ("n_words", "n_sents", "n_syllables")),
                "gunning_fog": (readability.gunning_fog,
                                ("n_words", "n_sents", "n_complex_words")),
                "smog_index": (readability.smog_index, ("n_sents", "n_polysyllable_words")),
                "coleman_liau_index": (readability.coleman_liau_index,
                                       ("n_words", "n_sents", "n_letters")),
                "dale_chall_readability_score": (readability.dale_chall_readability_score,
                                                 ("n_words", "n_sents", "n_difficult_words")),
            }  # fmt: skip
            for index, (formula, arguments) in formulas.items():
                cache[index] = np.array([
                    formula(*(int(sums[argument][i]) for argument in arguments))
                    for i in range(n_resamples)
                ])  # fmt: skip
        return cache

    return compute


# ---------------------------------------------------------------------------
# Charts (matplotlib ``Figure`` objects, no pyplot state, as in :mod:`analysis.plots`)


def interval_chart(table: pd.DataFrame, key: str, measure: str, *, title: str,
                   subtitle: str = "", xlabel: str = "",
                   keys: Sequence[str] | None = None) -> Figure:  # fmt: skip
    """One row per key, one dot per article (Okabe-Ito colours) with its bootstrap interval as
    a line; a value without an interval is drawn as a hollow dot. ``title`` states the finding
    (:func:`analysis.plots.finish`)."""
    from matplotlib.figure import Figure

    from analysis.plots import OKABE_ITO, finish

    rows = table[table["measure"] == measure]
    if rows.empty:
        raise UsageError(f"nothing to chart: no {measure.replace('_', ' ')} to show")
    order = list(keys) if keys is not None else list(dict.fromkeys(rows[key]))
    articles = list(dict.fromkeys(rows["article_id"]))
    figure = Figure(figsize=(8, 0.5 * len(order) * max(len(articles), 2) / 2 + 1.6))
    axes = figure.subplots()
    step = 0.6 / max(len(articles), 1)
    for number, article in enumerate(articles):
        mine = rows[rows["article_id"] == article].set_index(key)
        colour = OKABE_ITO[(4, 5, 2, 0, 1, 6)[number % 6]]
        axes.scatter([], [], color=colour, label=article)  # the legend's entry
        for position, name in enumerate(order):
            if name not in mine.index:
                continue
            row = mine.loc[name]
            y = position - 0.3 + step * (number + 0.5)
            if pd.notna(row["ci_low"]):
                axes.plot([row["ci_low"], row["ci_high"]], [y, y], color=colour, linewidth=2)
                axes.scatter([row["value"]], [y], color=colour, zorder=3)
            else:
                axes.scatter([row["value"]], [y], facecolor="white", edgecolor=colour, zorder=3)
    axes.set_yticks(range(len(order)), order)
    axes.set_ylim(len(order) - 0.5, -0.5)
    axes.set_xlabel(xlabel or measure.replace("_", " "))
    axes.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    axes.grid(axis="x", color="#eee")
    return finish(figure, axes, title, subtitle)


def keyness_chart(keyness: pd.DataFrame, article_id: str, *, n: int = 10, title: str,
                  subtitle: str = "") -> Figure:  # fmt: skip
    """A diverging bar chart of G² for one target (after quanteda's ``textplot_keyness``): its
    ``n`` most key terms to the right, the ``n`` terms the others use most to the left."""
    from matplotlib.figure import Figure

    from analysis.plots import PAIR, finish

    rows = keyness[keyness["article_id"] == article_id]
    top = rows[rows["log_likelihood"] > 0].head(n)
    bottom = rows[rows["log_likelihood"] < 0].tail(n)
    chosen = pd.concat([top, bottom])
    if chosen.empty:
        raise UsageError(f"nothing to chart: no key term of {article_id}")
    figure = Figure(figsize=(7, 0.28 * len(chosen) + 1.4))
    axes = figure.subplots()
    colours = [PAIR[0] if g > 0 else PAIR[1] for g in chosen["log_likelihood"]]
    axes.barh(range(len(chosen)), chosen["log_likelihood"], color=colours)
    axes.set_yticks(range(len(chosen)), chosen["term"])
    axes.set_ylim(len(chosen) - 0.5, -0.5)
    axes.axvline(0, color="#333", linewidth=0.8)
    for threshold in (-3.84, 3.84):
        axes.axvline(threshold, color="#999", linewidth=0.8, linestyle=":")
    axes.set_xlabel("signed G² (dotted: p = 0.05)")
    return finish(figure, axes, title, subtitle)


__all__ = [
    "BODY",
    "CONFIDENCE",
    "MIN_GROUP_SENTENCES",
    "MIN_SENTENCES",
    "N_RESAMPLES",
    "READABILITY_INDICES",
    "SEED",
    "Bootstrap",
    "Comparison",
    "KeyTerm",
    "as_article",
    "body_term_counts",
    "chi2_p_value",
    "compare",
    "format_value",
    "interval_chart",
    "keyness_between",
    "keyness_chart",
    "log_likelihood_2x2",
    "log_ratio",
]
