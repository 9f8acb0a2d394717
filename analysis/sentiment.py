"""Sentiment with evidence: NLTK's VADER per sentence, and a transparent domain lexicon beside it.

VADER (Hutto and Gilbert 2014) scores a sentence from a lexicon of word
valences adjusted by rules: negation ("not good"), boosters and dampeners
("very", "slightly"), words in capitals, and "but" (the clause after it
weighs more). :func:`explain_vader` runs the same steps as NLTK's
``polarity_scores`` and keeps each word's valence after the rules, so every
score comes with the words that made it; its scores equal NLTK's exactly.

VADER's lexicon was built for social media. Security and diplomacy reporting
uses words it does not know (deterrence, coercive) and words it knows in
another sense ("greatest strategic challenge", "for its own benefit").
:func:`vader_coverage` and the ``non_evaluative`` flag show where that
matters; a domain lexicon (``analysis/data/security_lexicon.tsv``, or your
own file) is scored beside VADER with its own evidence.

Thresholds: a compound score >= 0.05 is positive, <= -0.05 negative, else
neutral (Hutto and Gilbert 2014).
"""

from __future__ import annotations

import math
import string
from dataclasses import dataclass
from functools import cache
from itertools import compress
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from analysis.adapters import vader_but_check
from analysis.article import Article, Sentence
from analysis.datafiles import data_path, read_entries
from analysis.json_output import Lazy
from analysis.lexicon import (
    Lexicon,
    LexiconEntry,
    matchable_words,
    parse_lexicon,
    sentence_matches,
)
from analysis.memo import FileMemo, kept_result, lower_shared, per_article, word_cache
from analysis.quotes import sentence_voices
from analysis.resources import ensure_nltk_data

if TYPE_CHECKING:
    from collections.abc import Iterator

    import pandas as pd
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -0.05
#: VADER's normalisation constant: score / sqrt(score² + alpha) maps a sum into (-1, 1).
ALPHA = 15
DEFAULT_LEXICON = "security_lexicon.tsv"


@cache
def analyzer() -> SentimentIntensityAnalyzer:
    """NLTK's VADER analyser, with the lexicon built offline by :mod:`analysis.resources`."""
    ensure_nltk_data()
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


# ---------------------------------------------------------------------------
# VADER with evidence


@dataclass(frozen=True)
class VaderExplanation:
    """VADER's scores for one text and the valence of each word after VADER's rules."""

    neg: float
    neu: float
    pos: float
    compound: float
    words: tuple[str, ...]
    valences: tuple[float, ...]  # one per word, after negation, boosters, caps and "but"

    @property
    def evidence(self) -> list[dict[str, float | str]]:
        """The words that carried the score: ``{"word", "valence"}`` for non-zero valences."""
        return [
            {"word": word, "valence": round(valence, 4)}
            for word, valence in zip(self.words, self.valences, strict=True)
            if valence != 0
        ]


@cache
def _vader_punctuation() -> frozenset[str]:
    """The punctuation runs NLTK's VADER strips from a word's ends (``PUNC_LIST``)."""
    from nltk.sentiment.vader import VaderConstants

    return frozenset(VaderConstants.PUNC_LIST)


#: NLTK's ``REGEX_REMOVE_PUNCTUATION`` (every ASCII punctuation mark) as a translation table.
_REMOVE_PUNCTUATION = str.maketrans("", "", string.punctuation)


@dataclass(frozen=True, slots=True)
class _VaderText:
    """What NLTK's ``SentiText`` gives ``sentiment_valence``: the words and the caps flag."""

    words_and_emoticons: list[str]
    is_cap_diff: bool


class _VaderToken(NamedTuple):
    """One whitespace-separated token as VADER sees it (see :func:`_vader_token`)."""

    word: str  # the token, or the token without a leading or trailing punctuation run
    lower: str
    scored: bool  # whether VADER's lexicon has ``lower``
    upper: bool  # ``word.isupper()``


@word_cache()
def _vader_token(token: str) -> _VaderToken | None:
    """``token`` as one of VADER's words, or None for a one-character token (dropped).

    NLTK strips a leading or trailing ``PUNC_LIST`` run when what remains is one of
    the text's words with all ASCII punctuation removed (two characters or more).
    What remains is such a word exactly when it holds no ASCII punctuation and has
    two characters or more: the token itself, so stripped, is one. So the word
    depends on the token alone, and is worked out once per distinct token (with
    whether VADER's lexicon, which nothing changes, has it).
    """
    if len(token) < 2:
        return None
    punctuation = _vader_punctuation()
    stripped = token.rstrip(string.punctuation)  # "word." -> "word"
    if stripped == token or token[len(stripped) :] not in punctuation:
        stripped = token.lstrip(string.punctuation)  # '"word' -> "word"
        if token[: len(token) - len(stripped)] not in punctuation:
            stripped = token
    if len(stripped) > 1 and stripped == stripped.translate(_REMOVE_PUNCTUATION):
        token = stripped
    lower = lower_shared(token)
    return _VaderToken(token, lower, lower in analyzer().lexicon, token.isupper())


#: Up to this many words, explain_vader finds a word's first occurrence with list.index.
_SHORT_SENTENCE_WORDS = 64
_WORD, _LOWER = attrgetter("word"), attrgetter("lower")
_SCORED, _UPPER = attrgetter("scored"), attrgetter("upper")


def _vader_tokens(text: str) -> list[_VaderToken]:
    """VADER's words of ``text`` with what its rules ask of each, in one pass."""
    return list(filter(None, map(_vader_token.lookup, text.split())))


def vader_words(text: str) -> list[str]:
    """VADER's words of ``text``, equal to NLTK's ``SentiText(text).words_and_emoticons``.

    NLTK splits at whitespace, drops one-character tokens, and strips a leading
    or trailing run of punctuation listed in ``PUNC_LIST`` when what remains is
    one of the text's words (with all ASCII punctuation removed, two characters
    or more). It does so by building every punctuation-word pair of the text;
    this looks each token up instead, with the same result (tested against NLTK).
    """
    return list(map(_WORD, _vader_tokens(text)))


#: VADER's scores of a text none of whose words is in its lexicon: every valence is 0.
_UNSCORED = (0.0, 1.0, 0.0, 0.0)
#: ... and of a text without words (one-character tokens only, or none).
_NO_WORDS = (0.0, 0.0, 0.0, 0.0)


def explain_vader(text: str) -> VaderExplanation:
    """VADER's scores for ``text`` and the per-word valences behind them.

    Follows ``SentimentIntensityAnalyzer.polarity_scores`` step by step (NLTK
    3.10), keeping the ``sentiments`` list it builds; the scores are NLTK's own
    (its ``sentiment_valence``, ``_but_check`` and ``score_valence``), with VADER's
    words found per distinct token (:func:`_vader_tokens`, as :func:`vader_words`) in
    place of ``SentiText``'s pairwise tokenizer. Three shortcuts give NLTK's result
    without its rules: a text with no word in VADER's lexicon has fixed scores; a scored
    word with no word the rules read near it (:func:`_modifiers`) keeps its lexicon
    valence; and the "but" rule changes nothing without a "but" (all tested equal to NLTK).
    """
    tokens = _vader_tokens(text)
    words = list(map(_WORD, tokens))
    if not any(map(_SCORED, tokens)):
        # Only lexicon words get a valence (boosters, "kind of" and unknown words get
        # 0), and "but" and punctuation only scale a non-zero sum: with none, the
        # scores are fixed, and NLTK's rules need not run (tested equal to NLTK).
        neg, neu, pos, compound = _UNSCORED if tokens else _NO_WORDS
        return VaderExplanation(neg, neu, pos, compound, tuple(words), (0.0,) * len(words))
    sia = analyzer()
    boosters, lexicon = sia.constants.BOOSTER_DICT, sia.lexicon
    modifiers = _modifiers()
    # NLTK's "n't" test is a substring test: a sentence with one anywhere takes its rules.
    negated_nt = "n't" in text.lower()
    lowers = list(map(_LOWER, tokens))
    n_upper = sum(map(_UPPER, tokens))
    sentitext = _VaderText(words, 0 < len(words) - n_upper < len(words))
    # NLTK reads a word at its first occurrence, and so do we: list.index in a sentence of
    # news length, a dict made in one pass in a long one (where list.index per scored word
    # would grow with the square of its length).
    first_index = None if len(words) <= _SHORT_SENTENCE_WORDS else dict(
        zip(reversed(words), range(len(words) - 1, -1, -1), strict=True))  # fmt: skip
    # NLTK appends one valence per word: 0 for a word VADER lacks, for a booster and for
    # "kind of"; sentiment_valence's for the others, which it appends without reading
    # the list. So only the scored words are visited.
    sentiments: list[float] = [0] * len(tokens)
    for k in compress(range(len(tokens)), map(_SCORED, tokens)):
        token = tokens[k]
        i = words.index(token.word) if first_index is None else first_index[token.word]
        kind_of = token.lower == "kind" and i < len(words) - 1 and lowers[i + 1] == "of"
        if kind_of or token.lower in boosters:
            continue
        if (negated_nt or not modifiers.before.isdisjoint(lowers[max(0, i - 3) : i])
                or not modifiers.around.isdisjoint(lowers[max(0, i - 3) : i + 3])):  # fmt: skip
            sentiments[k] = sia.sentiment_valence(0, sentitext, token.word, i, [])[0]
            continue
        # No word that NLTK's rules read stands near: its valence is the lexicon's, moved
        # away from zero for a word in capitals among others (sentiment_valence's first step).
        valence = lexicon[token.lower]
        if token.upper and sentitext.is_cap_diff:
            valence += sia.constants.C_INCR if valence > 0 else -sia.constants.C_INCR
        sentiments[k] = valence
    if "but" in lowers:  # NLTK's rule changes nothing without one
        sentiments = vader_but_check(sia, words, sentiments)
    scores = sia.score_valence(sentiments, text)
    return VaderExplanation(
        neg=scores["neg"],
        neu=scores["neu"],
        pos=scores["pos"],
        compound=scores["compound"],
        words=tuple(words),
        valences=tuple(map(float, sentiments)),
    )


class _Modifiers(NamedTuple):
    """Words (lower case) near which NLTK's rules may change a scored word's valence."""

    before: frozenset[str]  # within three words before it
    around: frozenset[str]  # within three words before it, the word itself or two after


@cache
def _modifiers() -> _Modifiers:
    """What :func:`explain_vader` looks for before running NLTK's rules on a scored word.

    Before it: boosters and dampeners, negations (with "without"), "least", and "never",
    "so" and "this" (NLTK scales a word after "so" or "this", with or without "never");
    "doubt" too, which VADER's reference implementation reads after "without". Around it:
    one word of each idiom and booster phrase ("cut the mustard", "kind of"), the longest: a
    phrase matches only with all its words, so without that one it cannot. A scored word
    with none of them near keeps its lexicon valence (tested equal to NLTK's rules)."""
    constants = analyzer().constants
    before = {word for word in (*constants.BOOSTER_DICT, *constants.NEGATE, "least", "never",
                                "so", "this", "without", "doubt") if " " not in word}  # fmt: skip
    phrases = [*constants.SPECIAL_CASE_IDIOMS, *constants.BOOSTER_DICT]
    around = {max(p.split(), key=len) for p in phrases if " " in p}
    return _Modifiers(frozenset(w.lower() for w in before), frozenset(w.lower() for w in around))


def label(compound: float) -> str:
    """``positive``, ``negative`` or ``neutral`` by Hutto and Gilbert's thresholds."""
    if compound >= POSITIVE_THRESHOLD:
        return "positive"
    if compound <= NEGATIVE_THRESHOLD:
        return "negative"
    return "neutral"


# ---------------------------------------------------------------------------
# The domain lexicon


_read_tone_lexicon = FileMemo(
    lambda text, name: parse_lexicon(text, name=name, weighted=True), what="lexicon"
)


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The domain lexicon shipped with the package, or a tone lexicon file of your own
    (``term<TAB>weight<TAB>category<TAB>rationale``, weights -4..4). The file is parsed
    again whenever its content changes."""
    return _read_tone_lexicon(path or data_path(DEFAULT_LEXICON))


def domain_tone(score: float) -> float:
    """A lexicon sum mapped into (-1, 1) as VADER maps its sum: x / sqrt(x² + 15)."""
    return score / math.sqrt(score * score + ALPHA) if score else 0.0


# ---------------------------------------------------------------------------
# Non-evaluative uses


@cache
def non_evaluative_words() -> dict[str, str]:
    """Words VADER scores that news usually uses descriptively, with why (data file)."""
    return {word: why for word, why in read_entries("vader_non_evaluative.tsv", 2)}


# ---------------------------------------------------------------------------
# Tidy tables


class SentenceTone(NamedTuple):
    """One sentence's VADER and domain-lexicon scores with their evidence (a row of
    :func:`sentence_sentiment`; a tuple, not a dict, so that 300,000 short sentences fit)."""

    article_id: str
    sentence: int
    paragraph: int
    part: str
    voice: str
    neg: float
    neu: float
    pos: float
    compound: float
    label: str
    evidence: list[dict[str, Any]]
    non_evaluative_share: float
    domain_score: float
    domain_tone: float
    domain_label: str
    domain_evidence: list[dict[str, Any]]
    text: str


SENTENCE_COLUMNS = list(SentenceTone._fields)


def sentence_sentiment(article: Article, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """One row per sentence (headline = sentence 0), VADER and the domain lexicon side by side.

    Columns: ``article_id``, ``sentence``, ``paragraph``, ``part``, ``voice``
    (narration/quote), VADER's ``neg``, ``neu``, ``pos``, ``compound`` and
    ``label``; ``evidence`` (list of ``{"word", "valence"}`` after VADER's rules);
    ``non_evaluative_share`` (share of the absolute valence from words listed in
    ``vader_non_evaluative.tsv``); the domain lexicon's ``domain_score`` (sum of
    weights), ``domain_tone`` (that sum mapped into (-1, 1)), ``domain_label`` and
    ``domain_evidence`` (list of ``{"term", "weight", "category"}``); ``text``.
    """
    return _sentences(article, lexicon).copy(deep=False)


def _sentences(article: Article, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """:func:`sentence_sentiment`, computed once per article and lexicon (internal: no copy)."""
    return _sentence_table(article, lexicon or load_lexicon())


@per_article
def _sentence_table(article: Article, lexicon: Lexicon) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(_sentence_records(article, lexicon), columns=SENTENCE_COLUMNS)


def sentence_records(article: Article, lexicon: Lexicon | None = None) -> list[SentenceTone]:
    """The rows of :func:`sentence_sentiment`, computed once per article and lexicon."""
    return _sentence_records(article, lexicon or load_lexicon())


class _DomainScore(NamedTuple):
    """A sentence's domain-lexicon score (one rule for the sentence table and the means)."""

    score: float  # the matched entries' weights summed
    tone: float  # that sum mapped into (-1, 1), rounded to 4 places
    label: str  # the label of the tone before rounding


#: The score of a sentence that matches no domain term (most do not: they share its objects).
#: Its sum is the integer 0, as it has always been: the JSON shows ``"domain_score": 0``.
_NO_DOMAIN_SCORE = _DomainScore(0, 0.0, label(0.0))


def _domain_score(matches: list[tuple[int, LexiconEntry]] | None) -> _DomainScore:
    if not matches:
        return _NO_DOMAIN_SCORE
    score = sum(entry.weight for _, entry in matches)
    tone = domain_tone(score)
    return _DomainScore(score, round(tone, 4) if tone else tone, label(tone))


@per_article
def _sentence_records(article: Article, lexicon: Lexicon) -> list[SentenceTone]:
    voices = sentence_voices(article)
    non_evaluative = non_evaluative_words()
    matchable = matchable_words(article)
    tone_matches = sentence_matches(article, lexicon)
    rows = []
    for sentence in article.sentences:
        vader = explain_vader(sentence.text)
        evidence, share = [], 0.0
        if any(vader.valences):  # many sentences have no scored word: nothing to sum
            evidence = vader.evidence
            total = sum(abs(v) for v in vader.valences)
            descriptive = sum(
                abs(v) for w, v in zip(vader.words, vader.valences, strict=True)
                if v and w.lower() in non_evaluative
            )  # fmt: skip
            share = round(descriptive / total, 4) if total else 0.0
        matches = tone_matches.get(sentence.index)
        domain = _domain_score(matches)
        evidence_of_domain = []
        if matches:
            words = matchable.sentence(sentence.index)[1]
            evidence_of_domain = [{"term": " ".join(words[p : p + len(e.words)]),
                                   "weight": e.weight, "category": e.category}
                                  for p, e in matches]  # fmt: skip
        rows.append(SentenceTone(
            article.article_id, sentence.index, sentence.paragraph, sentence.part,
            voices.get(sentence.index, "narration"),
            vader.neg, vader.neu, vader.pos, vader.compound, label(vader.compound),
            evidence, share, domain.score, domain.tone, domain.label,
            evidence_of_domain, _one_line(sentence.text),
        ))  # fmt: skip
    return rows


def _sentence_scores(article: Article, lexicon: Lexicon) -> Iterator[tuple[Sentence, float, float]]:
    """``(sentence, VADER compound, domain tone)`` of each sentence, in order: read from the
    sentence table when it has been computed, else scored one sentence at a time with
    nothing kept (the means need no evidence, and a corpus summary no table)."""
    records = kept_result(article, _sentence_records, lexicon)
    if records is not None:
        for sentence, row in zip(article.sentences, records, strict=True):
            yield sentence, row.compound, row.domain_tone
        return
    tone_matches = sentence_matches(article, lexicon)
    for sentence in article.sentences:
        compound = explain_vader(sentence.text).compound
        yield sentence, compound, _domain_score(tone_matches.get(sentence.index)).tone


def _one_line(text: str) -> str:
    """``text`` with every run of whitespace made one space; the text itself (not a copy)
    when it is already so, as most sentences are."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # its only whitespace is single spaces between words
    joined = " ".join(text.split())
    return text if joined == text else joined


def evidence_table(article: Article, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """One row per sentence with both methods' evidence written out for reading:
    ``word (+1.4)`` for VADER, ``term (-2.0, threat)`` for the domain lexicon."""
    import pandas as pd

    table = sentence_sentiment(article, lexicon)
    return pd.DataFrame({
        "sentence": table["sentence"],
        "compound": table["compound"],
        "vader_evidence": [", ".join(f"{e['word']} ({e['valence']:+.2f})" for e in ev)
                           for ev in table["evidence"]],
        "domain_tone": table["domain_tone"],
        "domain_evidence": [
            ", ".join(f"{e['term']} ({e['weight']:+.1f}, {e['category']})" for e in ev)
            for ev in table["domain_evidence"]
        ],
    })  # fmt: skip


def sentiment_by(article: Article, by: str = "paragraph", lexicon: Lexicon | None = None
                 ) -> pd.DataFrame:  # fmt: skip
    """Mean sentence scores per ``by`` unit: ``part`` (headline/body), ``paragraph``,
    ``voice`` (body narration/quote) or ``article`` (the body as a whole).

    Columns: the unit, ``n_sentences``, ``mean_compound``, ``mean_domain_tone``,
    ``n_positive``, ``n_negative``, ``n_neutral`` (VADER labels). Means of
    sentence scores, so that every sentence counts once whatever its length.
    """
    import pandas as pd

    rows = _grouped_means(article, by, lexicon)
    return pd.DataFrame(rows, columns=[by, "n_sentences", "mean_compound", "mean_domain_tone",
                                       "n_positive", "n_negative", "n_neutral"])  # fmt: skip


def body_means(article: Article, lexicon: Lexicon | None = None
               ) -> tuple[float | None, float | None]:  # fmt: skip
    """Mean VADER compound and mean domain tone of the body's sentences (None without any):
    the ``article`` row of :func:`sentiment_by`, as plain numbers."""
    rows = _grouped_means(article, "article", lexicon)
    return (rows[0][2], rows[0][3]) if rows else (None, None)


def _grouped_means(article: Article, by: str, lexicon: Lexicon | None) -> list[tuple]:
    """The rows of :func:`sentiment_by`."""
    if by not in ("part", "paragraph", "voice", "article"):
        raise ValueError(f"by must be part, paragraph, voice or article, not {by!r}")
    # The scores alone: the means need no evidence, and a sentence's voice only by voice.
    voices = sentence_voices(article) if by == "voice" else {}
    groups: dict[object, list[tuple[float, float, str]]] = {}
    for sentence, compound, tone in _sentence_scores(article, lexicon or load_lexicon()):
        if by != "part" and sentence.part != "body":
            continue  # the headline is not in the body
        if by == "paragraph":
            key: object = sentence.paragraph
        elif by == "voice":
            key = voices.get(sentence.index, "narration")
        else:
            key = sentence.part if by == "part" else "body"
        groups.setdefault(key, []).append((compound, tone, label(compound)))
    return [
        (key, len(values), round(sum(v[0] for v in values) / len(values), 4),
         round(sum(v[1] for v in values) / len(values), 4),
         sum(v[2] == "positive" for v in values), sum(v[2] == "negative" for v in values),
         sum(v[2] == "neutral" for v in values))
        for key, values in sorted(groups.items())
    ]  # fmt: skip


def sentiment_arc(article: Article, window: int = 3, lexicon: Lexicon | None = None
                  ) -> pd.DataFrame:  # fmt: skip
    """Body sentences in order with VADER's compound, the domain tone, and their centred
    rolling means over ``window`` sentences (``compound_smooth``, ``domain_smooth``)."""
    table = _sentences(article, lexicon)
    table = table[table["part"] == "body"].reset_index(drop=True)
    rolling = {"center": True, "min_periods": 1}
    return table[["sentence", "paragraph", "voice", "compound", "domain_tone"]].assign(
        compound_smooth=table["compound"].rolling(window, **rolling).mean().round(4),
        domain_smooth=table["domain_tone"].rolling(window, **rolling).mean().round(4),
    )


def unnest_evidence(article: Article, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """One row per scoring word per sentence, from both methods.

    Columns: ``sentence``, ``method`` (``vader``/``domain``), ``word``, ``valence``
    (VADER: after its rules; domain: the entry's weight), ``category`` (domain only).
    """
    import pandas as pd

    rows = []
    for row in _sentences(article, lexicon).itertuples(index=False):
        rows += [(row.sentence, "vader", e["word"].lower(), e["valence"], "") for e in row.evidence]
        rows += [(row.sentence, "domain", e["term"], e["weight"], e["category"])
                 for e in row.domain_evidence]  # fmt: skip
    return pd.DataFrame(rows, columns=["sentence", "method", "word", "valence", "category"])


def influential_words(article: Article, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Words that moved the most body sentences, per method.

    Columns: ``method``, ``word``, ``n_sentences``, ``total_valence``, ``mean_valence``.
    """
    import pandas as pd

    body = {s.index for s in article.body_sentences}
    evidence = unnest_evidence(article, lexicon)
    evidence = evidence[evidence["sentence"].isin(body)]
    grouped = evidence.groupby(["method", "word"], sort=True)
    table = pd.DataFrame({
        "n_sentences": grouped["sentence"].nunique(),
        "total_valence": grouped["valence"].sum().round(3),
        "mean_valence": grouped["valence"].mean().round(3),
    }).reset_index()  # fmt: skip
    table["magnitude"] = table["total_valence"].abs()
    table = table.sort_values(["n_sentences", "magnitude", "word"], ascending=[False, False, True])
    return table.drop(columns="magnitude").reset_index(drop=True)


def disagreements(article: Article, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Body sentences where VADER and the domain lexicon give opposite labels
    (one positive, the other negative), strongest disagreement first."""
    table = _sentences(article, lexicon)
    table = table[table["part"] == "body"]
    opposite = ((table["label"] == "positive") & (table["domain_label"] == "negative")) | (
        (table["label"] == "negative") & (table["domain_label"] == "positive")
    )
    table = table[opposite]  # filter first: assigning to an empty frame adopts the index
    table = table.assign(gap=(table["compound"] - table["domain_tone"]).abs())
    return table.sort_values(["gap", "sentence"], ascending=[False, True]).reset_index(drop=True)


class Coverage(NamedTuple):
    """One content word of the body and whether the lexicons know it (a row of
    :func:`vader_coverage`)."""

    word: str
    count: int
    in_vader: bool
    vader_valence: float | None
    in_domain: bool


def vader_coverage(article: Article) -> pd.DataFrame:
    """The body's content words (letters only, not stopwords) and whether VADER knows them.

    Columns: ``word``, ``count``, ``in_vader``, ``vader_valence``, ``in_domain``
    (whether the domain lexicon has a matching entry). Most frequent first.
    """
    import pandas as pd

    return pd.DataFrame(coverage_records(article), columns=Coverage._fields)


def coverage_records(article: Article) -> list[Coverage]:
    """The rows of :func:`vader_coverage`, most frequent first (ties alphabetical)."""
    from analysis.terms import is_stopword, word_forms

    sia = analyzer()
    lexicon = load_lexicon()
    counts: dict[str, int] = {}
    for token, form in zip(article.word_tokens, word_forms(article), strict=True):
        word = form.matchable  # match_word(token.text), kept once per distinct form
        if (token.part == "body" and token.kind == "word" and word.isalpha()
                and not is_stopword(word)):  # fmt: skip
            counts[word] = counts.get(word, 0) + 1
    rows = [
        Coverage(word, count, word in sia.lexicon, sia.lexicon.get(word),
                 lexicon.match([word], 0) is not None)
        for word, count in counts.items()
    ]  # fmt: skip
    return sorted(rows, key=lambda row: (-row.count, row.word))


def _mean(values: list[float]) -> float | None:
    return round(math.fsum(values) / len(values), 4) if values else None


def sentiment_summary(
    article: Article, lexicon: Lexicon | None = None, *, lazy: bool = False
) -> dict[str, object]:
    """The CLI's ``sentiment`` object: means and one entry per sentence (schema in README).

    ``lazy``: the ``sentences`` entries are made as they are read (a
    :class:`~analysis.json_output.Lazy` list), so that writing the JSON of a long text
    never holds a dict per sentence.
    """
    rows = sentence_records(article, lexicon)
    body = [row for row in rows if row.part == "body"]
    headline = [row.compound for row in rows if row.part == "headline"]
    coverage = coverage_records(article)
    return {
        "mean_compound": _mean([row.compound for row in body]),
        "mean_domain_tone": _mean([row.domain_tone for row in body]),
        "headline_compound": headline[0] if headline else None,
        "vader_coverage": _mean([float(row.in_vader) for row in coverage]),
        "sentences": Lazy(sentence_entry, rows) if lazy else list(map(sentence_entry, rows)),
    }


def sentence_entry(row: SentenceTone) -> dict[str, object]:
    """One sentence of the CLI's ``sentiment.sentences`` (schema in README)."""
    return {
        "index": row.sentence, "part": row.part, "text": row.text,
        "compound": row.compound, "evidence": row.evidence,
        "domain_score": row.domain_score, "domain_tone": row.domain_tone,
        "domain_evidence": row.domain_evidence,
    }  # fmt: skip
