"""Readability indices from the article's own sentences and words.

Counts come first, once: :func:`unnest_words` gives one row per word with its
syllables, letters and difficulty (computed once per article); :func:`count_words`
sums them per unit (article, paragraph, sentence, voice); :func:`indices` derives
every index from those sums with two or three lines of arithmetic each. textstat's word-level
primitives are reused (syllables through the CMU Pronouncing Dictionary, with
Pyphen as fallback; the Dale–Chall list of 3,000 familiar words); its sentence
counter is not, because it breaks at every period ("U.S." makes two sentences).

Counts are named ``n_*``. For grade-level indices a higher value means a more
difficult text; for Flesch Reading Ease a higher value means an easier one.
Word classes follow textstat's, so that on text it segments correctly the
values agree (see ``tests/test_readability.py``):

- *word*: a word or number token (punctuation excluded).
- *syllables*: CMU dictionary, first pronunciation; Pyphen hyphenation
  points + 1 otherwise. An acronym counts one syllable per letter (W: three),
  a hyphenated compound the sum of its parts, a number one.
- *polysyllable*: three or more syllables.
- *difficult* (Dale–Chall): not on the Dale–Chall familiar-word list
  (lower-cased; inflections and proper names count as difficult, as in textstat).
- *complex* (Gunning Fog): difficult and three or more syllables.
- *long*: more than six letters.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import compress, repeat
from operator import attrgetter, eq
from typing import TYPE_CHECKING, Literal, NamedTuple

from analysis.adapters import easy_words, syllable_sources
from analysis.article import Article, Token
from analysis.memo import per_article
from analysis.quotes import sentence_voices, token_in_quote

if TYPE_CHECKING:
    import pandas as pd

Unit = Literal["article", "paragraph", "sentence", "voice"]

COUNT_COLUMNS = [
    "n_sents", "n_words", "n_syllables", "n_polysyllable_words", "n_chars", "n_letters",
    "n_difficult_words", "n_complex_words", "n_long_words",
    "n_linsear_sents", "n_linsear_easy_words", "n_linsear_hard_words",
]  # fmt: skip

INDEX_COLUMNS = [
    "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
    "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score",
    "linsear_write_formula", "consensus_grade",
]  # fmt: skip

#: Linsear Write is defined on a sample of the first 100 words (Klare 1974).
LINSEAR_SAMPLE_WORDS = 100
#: SMOG was normed on samples of 30 sentences; below 3 it is undefined here (NaN).
SMOG_MIN_SENTENCES = 3


# ---------------------------------------------------------------------------
# Word-level primitives (textstat's)


def _count_syllables(word: str) -> int:
    """textstat's rule for one lower-case word: vowels of the first CMU pronunciation
    (the digits marking stress), else Pyphen's hyphenation points + 1."""
    table, hyphenation_points = syllable_sources()
    syllables = table.get(word)
    if syllables is not None:
        return syllables
    return hyphenation_points(word) + 1


def word_syllables(word: str) -> int:
    """Syllables in one word token (textstat's rule, see :func:`_count_syllables`).

    An acronym counts one syllable per letter (W: three), a hyphenated compound
    the sum of its parts, a number one; apostrophes and case are folded.
    """
    if _is_acronym(word):
        return sum(3 if ch in "Ww" else 1 for ch in word if ch.isalpha())
    if "-" in word:
        return sum(word_syllables(part) for part in word.split("-") if part)
    if not any(ch.isalpha() for ch in word):
        return 1
    return max(1, _count_syllables(_plain(word)))


def _is_acronym(word: str) -> bool:
    return word.count(".") >= 2 and all(ch.isalpha() or ch == "." for ch in word)


def _plain(word: str) -> str:
    """The word as textstat matches it against the easy-word list: no punctuation, lower case."""
    return "".join(ch for ch in word.replace("’", "'") if ch.isalnum() or ch == "'").lower()


# ---------------------------------------------------------------------------
# One row per word


class WordFeatures(NamedTuple):
    """Readability features of one word form, computed once per distinct word."""

    n_syllables: int
    n_letters: int
    n_chars: int  # letters and digits
    is_polysyllable: bool  # three or more syllables
    is_difficult: bool  # off the Dale–Chall familiar-word list
    is_complex: bool  # difficult and polysyllabic (Gunning Fog)
    is_long: bool  # more than six letters


#: One word of the article: its token (place, text) and the features of its form.
Word = tuple[Token, WordFeatures]

_PART, _SENTENCE = attrgetter("part"), attrgetter("sentence")

#: The most distinct feature records kept for sharing (a corpus of 10,000 articles with a
#: vocabulary of 97,000 words makes about 1,000).
SHARED_FEATURES = 4096
_shared_features: dict[WordFeatures, WordFeatures] = {}
_FEATURES = attrgetter("features")

WORD_COLUMNS = ["token", "sentence", "paragraph", "part", "in_quote", "text",
                *WordFeatures._fields]  # fmt: skip


@per_article
def _features(article: Article) -> list[WordFeatures]:
    """The features of each of ``article.word_tokens``: read from the article's word forms
    (:func:`analysis.terms.word_forms`, one record per distinct form, kept per word), so
    that a word is looked up once for its term, its lexicon word and its features."""
    from analysis.terms import word_forms  # terms builds each form with word_features

    return list(map(_FEATURES, word_forms(article)))


def _words(article: Article) -> Iterator[Word]:
    """Every word or number of the headline and body with its features."""
    return zip(article.word_tokens, _features(article), strict=True)


def word_features(word: str) -> WordFeatures:
    """The readability features of one word form (see :class:`WordFeatures`); kept per
    distinct word with the rest of its form (:class:`analysis.terms.WordForm`)."""
    syllables = word_syllables(word)
    letters = sum(map(str.isalpha, word))
    difficult = _plain(word) not in easy_words()
    polysyllable = syllables >= 3
    features = WordFeatures(syllables, letters, sum(map(str.isalnum, word)), polysyllable,
                            difficult, difficult and polysyllable, letters > 6)  # fmt: skip
    # Many words have equal features: a cache of tens of thousands of words then holds one
    # record for each set of values (the first SHARED_FEATURES sets are kept for sharing).
    shared = _shared_features.get(features)
    if shared is None and len(_shared_features) < SHARED_FEATURES:
        _shared_features[features] = shared = features
    return features if shared is None else shared


def unnest_words(article: Article) -> pd.DataFrame:
    """One row per word or number of the headline and body, with its readability features.

    Columns: ``token``, ``sentence``, ``paragraph``, ``part``, ``in_quote``,
    ``text``, ``n_syllables``, ``n_letters``, ``n_chars`` (letters and digits),
    ``is_polysyllable``, ``is_difficult``, ``is_complex``, ``is_long``.
    """
    import pandas as pd

    in_quote = token_in_quote(article)
    rows = [(t.index, t.sentence, t.paragraph, t.part, in_quote[t.index], t.text, *features)
            for t, features in _words(article)]  # fmt: skip
    return pd.DataFrame(rows, columns=WORD_COLUMNS)


# ---------------------------------------------------------------------------
# Counts per unit


def count_words(words: list[Word]) -> dict[str, int]:
    """Sum the features of ``words`` into the :data:`COUNT_COLUMNS`.

    Linsear Write counts use the first 100 words (Klare 1974).
    """
    return _count([t for t, _ in words], [f for _, f in words])


#: Words summed at a time: the columns of a 2 MB text's million words are never built at once.
_SUM_CHUNK = 10_000


def _count(tokens: Sequence[Token], features: Sequence[WordFeatures]) -> dict[str, int]:
    """:func:`count_words` of words given as their tokens and, in the same order, features."""
    total = dict.fromkeys(WordFeatures._fields, 0)  # a unit without words counts 0 of each
    for start in range(0, len(features), _SUM_CHUNK):
        # One sum per feature: zip(*...) turns the records into one column per feature.
        columns = zip(*features[start : start + _SUM_CHUNK], strict=True)
        for name, column in zip(WordFeatures._fields, columns, strict=True):
            total[name] += sum(column)
    sample = features[:LINSEAR_SAMPLE_WORDS]
    return {
        "n_sents": len(set(map(_SENTENCE, tokens))),
        "n_words": len(tokens),
        "n_syllables": total["n_syllables"],
        "n_polysyllable_words": total["is_polysyllable"],
        "n_chars": total["n_chars"],
        "n_letters": total["n_letters"],
        "n_difficult_words": total["is_difficult"],
        "n_complex_words": total["is_complex"],
        "n_long_words": total["is_long"],
        "n_linsear_sents": len({t.sentence for t in tokens[:LINSEAR_SAMPLE_WORDS]}),
        "n_linsear_easy_words": sum(f.n_syllables < 3 for f in sample),
        "n_linsear_hard_words": sum(f.n_syllables >= 3 for f in sample),
    }


# ---------------------------------------------------------------------------
# Formulas (on counts; a zero denominator gives NaN)


def _per(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else math.nan


def flesch_reading_ease(n_words: int, n_sents: int, n_syllables: int) -> float:
    """Flesch Reading Ease, 0–100; higher => easier.

    206.835 − 1.015 × words/sentences − 84.6 × syllables/words.
    Flesch, R. (1948). A new readability yardstick. *Journal of Applied Psychology* 32(3), 221–233.
    """
    return 206.835 - 1.015 * _per(n_words, n_sents) - 84.6 * _per(n_syllables, n_words)


def flesch_kincaid_grade(n_words: int, n_sents: int, n_syllables: int) -> float:
    """Flesch–Kincaid grade level; higher => more difficult.

    0.39 × words/sentences + 11.8 × syllables/words − 15.59.
    Kincaid, J. P., Fishburne, R. P., Rogers, R. L. and Chissom, B. S. (1975). *Derivation of
    new readability formulas for Navy enlisted personnel.* Research Branch Report 8-75, Naval
    Technical Training Command.
    """
    return 0.39 * _per(n_words, n_sents) + 11.8 * _per(n_syllables, n_words) - 15.59


def gunning_fog(n_words: int, n_sents: int, n_complex_words: int) -> float:
    """Gunning Fog index (grade); higher => more difficult.

    0.4 × (words/sentences + 100 × complex words/words).
    Gunning, R. (1952). *The Technique of Clear Writing.* McGraw-Hill.
    """
    return 0.4 * (_per(n_words, n_sents) + 100 * _per(n_complex_words, n_words))


def smog_index(n_sents: int, n_polysyllable_words: int) -> float:
    """SMOG grade; higher => more difficult. NaN below 3 sentences.

    1.043 × √(polysyllables × 30/sentences) + 3.1291.
    McLaughlin, G. H. (1969). SMOG grading: a new readability formula. *Journal of Reading*
    12(8), 639–646.
    """
    if n_sents < SMOG_MIN_SENTENCES:
        return math.nan
    return 1.043 * math.sqrt(n_polysyllable_words * 30 / n_sents) + 3.1291


def coleman_liau_index(n_words: int, n_sents: int, n_letters: int) -> float:
    """Coleman–Liau index (grade); higher => more difficult.

    0.058 × L − 0.296 × S − 15.8, with L letters and S sentences per 100 words
    (the published coefficient is 0.0588; textstat's 0.058 is kept for comparability).
    Coleman, M. and Liau, T. L. (1975). A computer readability formula designed for machine
    scoring. *Journal of Applied Psychology* 60(2), 283–284.
    """
    return 0.058 * 100 * _per(n_letters, n_words) - 0.296 * 100 * _per(n_sents, n_words) - 15.8


def automated_readability_index(n_words: int, n_sents: int, n_chars: int) -> float:
    """Automated Readability Index (grade); higher => more difficult.

    4.71 × characters/words + 0.5 × words/sentences − 21.43, characters being
    the letters and digits of the words.
    Smith, E. A. and Senter, R. J. (1967). *Automated Readability Index.* AMRL-TR-66-220,
    Aerospace Medical Research Laboratories.
    """
    return 4.71 * _per(n_chars, n_words) + 0.5 * _per(n_words, n_sents) - 21.43


def dale_chall_readability_score(n_words: int, n_sents: int, n_difficult_words: int) -> float:
    """New Dale–Chall score; higher => more difficult (7.0–7.9 ≈ grades 9–10).

    0.1579 × % difficult words + 0.0496 × words/sentences, + 3.6365 when more
    than 5% of words are difficult.
    Dale, E. and Chall, J. S. (1948). A formula for predicting readability. *Educational
    Research Bulletin* 27, 11–20; Chall, J. S. and Dale, E. (1995). *Readability Revisited:
    The New Dale–Chall Readability Formula.* Brookline Books.
    """
    percent = 100 * _per(n_difficult_words, n_words)
    adjustment = 3.6365 if percent > 5 else 0.0
    return 0.1579 * percent + 0.0496 * _per(n_words, n_sents) + adjustment


def linsear_write_formula(
    n_linsear_sents: int, n_linsear_easy_words: int, n_linsear_hard_words: int
) -> float:
    """Linsear Write grade on the first 100 words; higher => more difficult.

    r = (easy words + 3 × hard words) / sentences, where hard words have three or
    more syllables; grade = r/2 if r > 20, else (r − 2)/2.
    Klare, G. R. (1974). Assessing readability. *Reading Research Quarterly* 10(1), 62–102.
    """
    r = _per(n_linsear_easy_words + 3 * n_linsear_hard_words, n_linsear_sents)
    return r / 2 if r > 20 else (r - 2) / 2


def _flesch_grade(score: float) -> list[int]:
    """Grades textstat's consensus reads from a Flesch Reading Ease score (100 and up: 13)."""
    bands = [(90, [5]), (80, [6]), (70, [7]), (60, [8, 9]), (50, [10]), (40, [11]), (30, [12])]
    for low, grades in bands:
        if low <= score < 100:
            return grades
    return [13]


#: The grade-level indices after Flesch Reading Ease, in the order textstat's consensus reads them.
CONSENSUS_ORDER = (
    "smog_index", "coleman_liau_index", "automated_readability_index",
    "dale_chall_readability_score", "linsear_write_formula", "gunning_fog",
)  # fmt: skip


def _three(value: float) -> list[int]:
    if math.isnan(value):
        return []
    return [math.floor(value), math.ceil(value), round(value)]


def consensus_grade(indices: dict[str, float]) -> float:
    """The most common grade among the indices, as textstat's ``text_standard`` computes it.

    Each grade-level index contributes its floor, ceiling and rounded value (in
    textstat's order); Flesch Reading Ease contributes the grade of its band.
    Ties go to the first seen. NaN indices contribute nothing.
    """
    grades = _three(indices["flesch_kincaid_grade"])
    if not math.isnan(indices["flesch_reading_ease"]):
        grades += _flesch_grade(indices["flesch_reading_ease"])
    for name in CONSENSUS_ORDER:
        grades += _three(indices[name])
    return float(Counter(grades).most_common(1)[0][0]) if grades else math.nan


def indices(counts: dict[str, int]) -> dict[str, float]:
    """Every index of :data:`INDEX_COLUMNS` from one unit's counts."""
    c = counts
    values = {
        "flesch_reading_ease": flesch_reading_ease(c["n_words"], c["n_sents"], c["n_syllables"]),
        "flesch_kincaid_grade": flesch_kincaid_grade(c["n_words"], c["n_sents"], c["n_syllables"]),
        "gunning_fog": gunning_fog(c["n_words"], c["n_sents"], c["n_complex_words"]),
        "smog_index": smog_index(c["n_sents"], c["n_polysyllable_words"]),
        "coleman_liau_index": coleman_liau_index(c["n_words"], c["n_sents"], c["n_letters"]),
        "automated_readability_index": automated_readability_index(
            c["n_words"], c["n_sents"], c["n_chars"]
        ),
        "dale_chall_readability_score": dale_chall_readability_score(
            c["n_words"], c["n_sents"], c["n_difficult_words"]
        ),
        "linsear_write_formula": linsear_write_formula(
            c["n_linsear_sents"], c["n_linsear_easy_words"], c["n_linsear_hard_words"]
        ),
    }
    values["consensus_grade"] = consensus_grade(values)
    return values


# ---------------------------------------------------------------------------
# Public tables


def _body_words(article: Article) -> list[Word]:
    return list(zip(*_body_columns(article), strict=True))


def _body_columns(article: Article) -> tuple[list[Token], list[WordFeatures]]:
    """The body's word tokens and, in the same order, their features (two lists of
    references: no pair is made per word)."""
    in_body = list(map(eq, map(_PART, article.word_tokens), repeat("body")))
    return (list(compress(article.word_tokens, in_body)),
            list(compress(_features(article), in_body)))  # fmt: skip


def readability_table(article: Article, by: Unit = "article") -> pd.DataFrame:
    """Counts and indices of the body, one row per ``by`` unit.

    ``by``: ``article`` (one row), ``paragraph``, ``sentence`` (with its text) or
    ``voice`` (``narration`` and ``quote``: sentences whose words are mostly
    inside quotation marks). Columns: the unit's key, :data:`COUNT_COLUMNS`,
    :data:`INDEX_COLUMNS`. Indices a unit has too little text for are NaN
    (SMOG below three sentences; everything for a unit without words).
    """
    import pandas as pd

    words = _body_words(article)
    if by == "article":
        groups = {article.article_id: words}
        key = "article_id"
    elif by in ("paragraph", "sentence"):
        groups = {}
        for word in words:
            groups.setdefault(getattr(word[0], by), []).append(word)
        key = by
    elif by == "voice":
        voice = sentence_voices(article)
        groups = {"narration": [], "quote": []}
        for word in words:
            groups[voice[word[0].sentence]].append(word)
        key = "voice"
    else:
        raise ValueError(f"by must be article, paragraph, sentence or voice, not {by!r}")
    records = []
    for name, members in groups.items():
        counts = count_words(members)
        records.append({key: name, **counts, **indices(counts)})
    table = pd.DataFrame(records, columns=[key, *COUNT_COLUMNS, *INDEX_COLUMNS])
    if by == "sentence":
        texts = {s.index: " ".join(s.text.split()) for s in article.body_sentences}
        table["text"] = table["sentence"].map(texts)
    return table


def readability_scores(article: Article) -> dict[str, object]:
    """The body's indices (rounded to 2 places; None where undefined) and its ``counts``."""
    counts = _count(*_body_columns(article))
    scores: dict[str, object] = {
        name: None if math.isnan(value) else round(value, 2)
        for name, value in indices(counts).items()
    }
    scores["counts"] = counts
    return scores


def hard_words(article: Article) -> pd.DataFrame:
    """One row per distinct difficult (Dale–Chall) body word, most frequent first.

    Columns: ``word`` (lower case), ``count``, ``n_syllables``, ``is_complex``
    (also counts for Gunning Fog), ``sentences`` (where it occurs).
    """
    import pandas as pd

    words = unnest_words(article)
    words = words[(words["part"] == "body") & words["is_difficult"]]
    words = words.assign(word=words["text"].str.lower())
    grouped = words.groupby("word", sort=True)
    table = pd.DataFrame(
        {
            "count": grouped.size(),
            "n_syllables": grouped["n_syllables"].first(),
            "is_complex": grouped["is_complex"].first(),
            "sentences": grouped["sentence"].agg(lambda s: sorted(set(s))),
        }
    ).reset_index()
    return table.sort_values(["count", "n_syllables", "word"], ascending=[False, False, True],
                             ignore_index=True)  # fmt: skip


def hardest_sentences(
    article: Article, n: int = 5, by: str = "flesch_kincaid_grade"
) -> pd.DataFrame:
    """The ``n`` body sentences with the highest ``by`` index (ties: earlier first)."""
    table = readability_table(article, "sentence")
    return (
        table.sort_values([by, "sentence"], ascending=[False, True]).head(n).reset_index(drop=True)
    )


# ---------------------------------------------------------------------------
# textstat side by side

TEXTSTAT_FUNCTIONS = {
    "flesch_reading_ease": "flesch_reading_ease",
    "flesch_kincaid_grade": "flesch_kincaid_grade",
    "gunning_fog": "gunning_fog",
    "smog_index": "smog_index",
    "coleman_liau_index": "coleman_liau_index",
    "automated_readability_index": "automated_readability_index",
    "dale_chall_readability_score": "dale_chall_readability_score",
    "linsear_write_formula": "linsear_write_formula",
}


def textstat_scores(text: str) -> dict[str, object]:
    """textstat's own whole-text values on ``text`` (it rounds to 2 places), with its counts."""
    import textstat

    scores: dict[str, object] = {
        name: round(float(getattr(textstat, function)(text)), 2)
        for name, function in TEXTSTAT_FUNCTIONS.items()
    }
    scores["consensus_grade"] = float(textstat.text_standard(text, float_output=True))
    scores["counts"] = {
        "n_sents": textstat.sentence_count(text),
        "n_words": textstat.lexicon_count(text),
        "n_syllables": textstat.syllable_count(text),
        "n_polysyllable_words": textstat.polysyllabcount(text),
    }
    return scores


def textstat_sentences(text: str) -> list[str]:
    """The pieces textstat's sentence counter counts in ``text``.

    It takes every run of characters up to ``.``, ``!`` or ``?`` as a sentence
    (so "U.S." ends one) and drops pieces of two words or fewer.
    """
    import textstat

    pieces = re.findall(r"\b[^.!?]+[.!?]*", text)
    return [piece for piece in pieces if textstat.lexicon_count(piece) > 2]


def compare_with_textstat(article: Article) -> pd.DataFrame:
    """Our values and textstat's on the same body text, one row per count and index.

    Columns: ``measure``, ``ours``, ``textstat``, ``difference`` (textstat − ours).
    The sentence count explains most of the gap: textstat splits at every period.
    """
    import pandas as pd

    ours = readability_scores(article)
    theirs = textstat_scores(article.body_text)
    rows = [(k, ours["counts"][k], v) for k, v in theirs["counts"].items()]  # type: ignore[index]
    rows += [(name, ours[name], theirs[name]) for name in INDEX_COLUMNS]
    table = pd.DataFrame(rows, columns=["measure", "ours", "textstat"])
    table["ours"] = table["ours"].astype(float)
    table["textstat"] = table["textstat"].astype(float)
    table["difference"] = (table["textstat"] - table["ours"]).round(2)
    return table


# ---------------------------------------------------------------------------
# Interpretation

#: Flesch (1948), Table 5: score bands, style and the schooling of readers who understand it.
FLESCH_BANDS: tuple[tuple[float, str, str], ...] = (
    (90, "very easy", "4th grade"),
    (80, "easy", "5th grade"),
    (70, "fairly easy", "6th grade"),
    (60, "standard", "7th or 8th grade"),
    (50, "fairly difficult", "some high school"),
    (30, "difficult", "high school or some college"),
    (-math.inf, "very difficult", "college graduate"),
)

#: US school grades to audiences, as grade-level formulas are read (Kincaid et al. 1975; the
#: usual reading of "grade" as years of US schooling, grade 13+ = college).
GRADE_AUDIENCES: tuple[tuple[float, str], ...] = (
    (17, "graduate school"),
    (13, "college"),
    (9, "high school"),
    (6, "middle school"),
    (-math.inf, "elementary school"),
)


def flesch_band(score: float) -> tuple[str, str]:
    """The style and audience Flesch (1948) gives for a Reading Ease score."""
    for low, style, audience in FLESCH_BANDS:
        if score >= low:
            return style, audience
    raise ValueError(f"not a score: {score!r}")


def grade_audience(grade: float) -> str:
    """The audience a US grade level corresponds to (grade 13 and up: college)."""
    for low, audience in GRADE_AUDIENCES:
        if grade >= low:
            return audience
    raise ValueError(f"not a grade: {grade!r}")


def interpret(scores: dict[str, object], indices: Iterable[str] = INDEX_COLUMNS) -> pd.DataFrame:
    """One row per index: value, and the band or audience it falls in."""
    import pandas as pd

    rows = []
    for name in indices:
        value = scores[name]
        if value is None:
            rows.append((name, None, "undefined for this text"))
        elif name == "flesch_reading_ease":
            style, audience = flesch_band(float(value))  # type: ignore[arg-type]
            rows.append((name, value, f"{style} ({audience})"))
        elif name == "dale_chall_readability_score":
            rows.append((name, value, dale_chall_band(float(value))))  # type: ignore[arg-type]
        else:
            rows.append((name, value, grade_audience(float(value))))  # type: ignore[arg-type]
    return pd.DataFrame(rows, columns=["index", "value", "reading"])


#: Chall and Dale (1995): new Dale–Chall scores to grade levels.
DALE_CHALL_BANDS: tuple[tuple[float, str], ...] = (
    (10.0, "grades 16 and above (college graduate)"),
    (9.0, "grades 13–15 (college)"),
    (8.0, "grades 11–12"),
    (7.0, "grades 9–10"),
    (6.0, "grades 7–8"),
    (5.0, "grades 5–6"),
    (-math.inf, "grade 4 and below"),
)


def dale_chall_band(score: float) -> str:
    """The grade band Chall and Dale (1995) give for a new Dale–Chall score."""
    for low, band in DALE_CHALL_BANDS:
        if score >= low:
            return band
    raise ValueError(f"not a score: {score!r}")
