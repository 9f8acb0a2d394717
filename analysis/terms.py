"""Term frequencies, n-grams, collocations, keyness, concordance and dispersion.

Everything starts from :func:`unnest_terms`, one row per word token of the
article with its normalised ``term`` and ``lemma``, computed once per article.
Counts and every later table are derived from it.

Normalisation, for news text:

- lower case, except tokens written wholly in capitals (``US``, ``USFJ``,
  ``PAC-3``), which keep their case so that ``US`` is not the pronoun ``us``;
- curly apostrophes become straight, and a possessive ``’s`` is dropped
  (``China’s`` -> ``china``);
- acronyms keep their periods (``U.S.`` -> ``u.s.``: one term, never ``u`` and ``s``);
- hyphenated compounds stay one term (``co-production``, ``air-to-air``);
- numbers (``7.2%``, ``2+2``) are kept apart: ``is_number`` rows, never content words.

Lemmas come from simplemma (Barbaresi 2023), whose English data ships in its
wheel. A word written with a capital inside a sentence is lemmatised as written, so that
simplemma can tell a name from a word (``United States`` -> ``united``, ``states``; the verb
``united`` -> ``unite``); so is a capitalised word at a sentence's start or in the headline
when the article writes it only so. Stopwords are the Snowball list
(``analysis/data/stopwords_en.txt``). Keyness compares the article with general English as
measured by the ``wordfreq`` package (Speer 2022).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache
from itertools import compress, repeat
from operator import attrgetter, eq, itemgetter
from typing import TYPE_CHECKING, Literal, NamedTuple

from analysis.article import Article, is_number_text, tokenize
from analysis.datafiles import read_entries
from analysis.memo import lower_shared, per_article, word_cache
from analysis.quotes import token_in_quote
from analysis.readability import WordFeatures, word_features
from analysis.resources import FrequencyTable, frequency_key, load_frequency_table

if TYPE_CHECKING:
    import pandas as pd

TermColumn = Literal["term", "lemma"]

#: wordfreq's smallest listed English frequency is 1e-8; unknown words get half of it.
UNKNOWN_FREQUENCY = 5e-9


@cache
def stopwords() -> frozenset[str]:
    """English stopwords: the Snowball list (``analysis/data/stopwords_en.txt``)."""
    return frozenset(word for (word,) in read_entries("stopwords_en.txt", 1))


def is_stopword(term: str) -> bool:
    """Whether a normalised (lower-case, straight-apostrophe) term is a stopword."""
    return term in stopwords()


_POSSESSIVE = re.compile(r"['’]s$")


def _as_written(token: str) -> str:
    """A word token with straight apostrophes and no possessive ending (China’s -> China)."""
    return _POSSESSIVE.sub("", token.replace("’", "'"))


def normalise_term(token: str) -> str:
    """The term a word token counts as (see the module docstring)."""
    word = _as_written(token)
    if word.isupper() and sum(ch.isalpha() for ch in word) >= 2 and "." not in word:
        return word
    return lower_shared(word)


@word_cache()
def lemmatize(term: str) -> str:
    """simplemma's English lemma of a normalised term; acronyms and numbers unchanged.

    simplemma's rules sometimes restore a final e that is not there or drop one that is
    ("growe" of "growing", "thanke" of "thanked", "determin" of "determining"). A lemma rarer
    than :data:`RARE_LEMMA` in general English (wordfreq) is replaced by its spelling with the
    e dropped or restored when that is at least :data:`SPELLING_RATIO` times as frequent."""
    if term.isupper() or "." in term or not any(ch.isalpha() for ch in term):
        return term
    if "-" in term:  # lemmatise the head, the last part: co-producing -> co-produce
        head, _, last = term.rpartition("-")
        return f"{head}-{_lemma(last)}"
    return _lemma(term)


@word_cache()
def _lemmatize_as_written(word: str) -> str:
    """The lemma of a word written with a capital, given as written (its possessive dropped,
    its apostrophes straight), in lower case. simplemma knows names by their capital and
    leaves them whole (``United`` -> ``united``, ``Maria`` -> ``maria``); its answer is kept
    when it is the word itself or the word less a plural ending (``Republicans`` ->
    ``republican``, ``NGOs`` -> ``ngo``), and otherwise the word is lemmatised in lower case
    (:func:`lemmatize`): as written, simplemma reads a few words as abbreviations or names
    of others (``Md`` -> ``mendelevium``, ``Goddess`` -> ``god``)."""
    lower = word.lower()
    if "." in word or not any(ch.isalpha() for ch in word):
        return lemmatize(lower)
    head, hyphen, last = word.rpartition("-")  # the head, the last part: Pro-Russians
    lemma = _lemma(last)
    if last.lower() not in (lemma, f"{lemma}s", f"{lemma}es"):
        return lemmatize(lower)
    return f"{head.lower()}{hyphen}{lemma}"


#: Zipf 2.5 (about 3 in 10 million words): a lemma this rare may be a slip of simplemma's.
RARE_LEMMA = 10 ** (2.5 - 9)
#: How much more frequent the other spelling must be to replace a rare lemma.
SPELLING_RATIO = 100


def _lemma(word: str) -> str:
    """simplemma's lemma of ``word`` (in any case), in lower case, its final e mended."""
    import simplemma

    lemma = simplemma.lemmatize(word, lang="en").lower()  # it capitalises names: Austin
    if lemma == word.lower() or (frequency := reference_frequency(lemma)) >= RARE_LEMMA:
        return lemma
    other = lemma[:-1] if lemma.endswith("e") else lemma + "e"
    return other if reference_frequency(other) >= SPELLING_RATIO * frequency else lemma


# ---------------------------------------------------------------------------
# One row per word


def unnest_terms(article: Article) -> pd.DataFrame:
    """One row per word or number token of the headline and body.

    Columns: ``article_id``, ``token`` (index into ``article.tokens``),
    ``position`` (running word number, 0 = first word of the headline),
    ``sentence``, ``paragraph``, ``part`` (headline/body), ``voice``
    (``quote`` inside quotation marks, else ``narration``), ``start``, ``end``
    (offsets into ``article.text``), ``text``, ``term``, ``lemma``,
    ``is_number``, ``is_stopword``, ``is_content`` (a word, not a stopword).
    """
    return _terms(article).copy(deep=False)


class Term(NamedTuple):
    """One word of the article as a term (a row of :func:`unnest_terms`)."""

    article_id: str
    token: int
    position: int
    sentence: int
    paragraph: int
    part: str
    voice: str
    start: int
    end: int
    text: str
    term: str
    lemma: str
    is_number: bool
    is_stopword: bool
    is_content: bool


TERM_COLUMNS = list(Term._fields)
_IS_CONTENT = attrgetter("is_content")
_TEXT, _PART = attrgetter("text"), attrgetter("part")


@per_article
def _terms(article: Article) -> pd.DataFrame:
    """:func:`unnest_terms`, computed once per article (internal: no copy)."""
    import pandas as pd

    return pd.DataFrame(_term_records(article), columns=TERM_COLUMNS)


class WordForm(NamedTuple):
    """A word or number token's term and what counting, matching and readability need of it
    (no lemma: lemmas load a dictionary). One record per distinct form, shared by its
    occurrences, so that every pass over an article's words reads one record per token."""

    term: str
    is_number: bool
    is_stopword: bool
    is_content: bool
    matchable: str  # the term in lower case: what lexicons match (lexicon.match_word)
    features: WordFeatures  # the token's readability features (readability.word_features)


def _form(token: str) -> WordForm:
    term = normalise_term(token)
    stop = term in stopwords()
    number = is_number_text(token)
    return WordForm(term, number, stop, not number and not stop, lower_shared(term),
                    word_features(token))  # fmt: skip


@word_cache()
def _word_form(token: str) -> WordForm:
    """The :class:`WordForm` of a word or number token's text, kept per distinct text."""
    return _form(token)


@per_article
def word_forms(article: Article) -> list[WordForm]:
    """The :class:`WordForm` of each of ``article.word_tokens``, in the same order, computed
    once per article (one shared record per distinct form, kept in a WordCache)."""
    return list(map(_word_form.lookup, map(_TEXT, article.word_tokens)))


@per_article
def _term_records(article: Article) -> list[Term]:
    """Every word or number of the headline and body as a :class:`Term`, computed once."""
    in_quote = token_in_quote(article)
    rows = []
    forms = word_forms(article)
    for token, form, lemma in zip(article.word_tokens, forms, _lemmas(article, forms), strict=True):
        rows.append(Term(
            article.article_id, token.index, len(rows), token.sentence, token.paragraph,
            token.part, "quote" if in_quote[token.index] else "narration", token.start,
            token.end, token.text, form.term, lemma, form.is_number, form.is_stopword,
            form.is_content,
        ))  # fmt: skip
    return rows


#: Marks after which a word may take a capital as a sentence's first does: it opens a
#: quotation, or follows a colon ("The verdict: Broken promises").
_OPENERS = frozenset("“‘\"':")


def _lemmas(article: Article, forms: list[WordForm]) -> list[str]:
    """The lemma of each of ``article.word_tokens``: a number is its own; a word written
    with a capital inside a body sentence is lemmatised as written (not an acronym: its
    term keeps its capitals, and is its own lemma); so is a capitalised word that opens a
    sentence, a quotation or what follows a colon, or stands in the headline, when the body
    writes its term only with a capital inside sentences (a name); any other word is
    lemmatised from its lower-case term."""
    tokens, words = article.tokens, article.word_tokens
    inside = [False] * len(words)  # written with a capital inside a body sentence
    for k, token in enumerate(words):
        if token.part == "body" and token.text[:1].isupper() and k and (
                words[k - 1].sentence == token.sentence
                and tokens[token.index - 1].text not in _OPENERS):  # fmt: skip
            inside[k] = True
    names = {form.term for form, capital in zip(forms, inside, strict=True) if capital}
    names -= {form.term for token, form in zip(words, forms, strict=True)
              if token.part == "body" and not token.text[:1].isupper()}  # fmt: skip
    lemmas = []
    for token, form, capital_inside in zip(words, forms, inside, strict=True):
        if form.is_number:
            lemmas.append(form.term)
        elif form.term.islower() and (capital_inside or (
                form.term in names and token.text[:1].isupper())):  # fmt: skip
            lemmas.append(_lemmatize_as_written(_as_written(token.text)))
        else:
            lemmas.append(lemmatize(form.term))
    return lemmas


def _select(terms: pd.DataFrame, part: str | None, content_only: bool) -> pd.DataFrame:
    if part is not None:
        terms = terms[terms["part"] == part]
    if content_only:
        terms = terms[terms["is_content"]]
    return terms


# ---------------------------------------------------------------------------
# Counts


def term_counts(
    article: Article, *, by: TermColumn = "term", content_only: bool = True,
    part: str | None = "body",
) -> pd.DataFrame:  # fmt: skip
    """One row per term (or lemma), most frequent first (ties alphabetical).

    Columns: the ``by`` column, ``count``, ``relative_frequency`` (share of the
    selected words, 0–1), ``per_1000`` (per 1,000 words of the part, stopwords
    included: comparable across articles), ``rank`` (1 = most frequent; ties share).
    ``part`` is ``body``, ``headline`` or None for both.
    """
    import pandas as pd

    ranked, n_selected, n_words = _ranked_counts(article, by, content_only, part)
    table = pd.DataFrame(ranked, columns=[by, "count"])
    table["relative_frequency"] = table["count"] / max(n_selected, 1)
    table["per_1000"] = 1000 * table["count"] / max(n_words, 1)
    table["rank"] = table["count"].rank(method="min", ascending=False).astype(int)
    return table


def _ranked_counts(article: Article, by: TermColumn, content_only: bool, part: str | None,
                   limit: int | None = None) -> tuple[list[tuple[str, int]], int, int]:  # fmt: skip
    """``(term, count)`` most frequent first (ties alphabetical), the number of selected
    words and the number of words in the part. With ``limit``, only the first ``limit``
    terms are ranked (and any tied with the last of them)."""
    in_part: list[WordForm] | list[Term]
    if by == "term":
        forms = word_forms(article)
        in_part = forms if part is None else list(
            compress(forms, map(eq, map(_PART, article.word_tokens), repeat(part))))
    else:
        in_part = [t for t in _term_records(article) if part is None or t.part == part]
    selected = compress(in_part, map(_IS_CONTENT, in_part)) if content_only else in_part
    counts = Counter(map(attrgetter(by), selected))
    ranked = list(counts.items())
    if limit is not None and 0 < limit < len(ranked):
        # Counts are cheap to compare, terms are not: keep the counts down to the last one
        # that can be in the first ``limit``, then rank only those.
        ranked.sort(key=itemgetter(1), reverse=True)
        last, end = ranked[limit - 1][1], limit
        while end < len(ranked) and ranked[end][1] == last:
            end += 1
        del ranked[end:]
    # Most frequent first, ties alphabetical: sorted by term, then by count (sorting is
    # stable, also in reverse), with no key tuple made per term.
    ranked.sort()
    ranked.sort(key=itemgetter(1), reverse=True)
    return ranked, sum(counts.values()), len(in_part)


def top_terms(article: Article, n: int = 20) -> list[dict[str, object]]:
    """The ``n`` most frequent content terms of the body: ``{"term", "count"}``."""
    ranked, _, _ = _ranked_counts(article, "term", content_only=True, part="body", limit=n)
    return [{"term": term, "count": count} for term, count in ranked[:n]]


def ngrams(
    article: Article, n: int = 2, *, content_only: bool = True, by: TermColumn = "term",
    part: str | None = "body",
) -> pd.DataFrame:  # fmt: skip
    """Counts of n-grams of consecutive words within a sentence.

    With ``content_only``, n-grams containing a stopword or a number are dropped
    (as tidytext does after ``unnest_tokens(token = "ngrams")``). Columns:
    ``ngram`` (words joined by spaces), ``count``; most frequent first.
    """
    import pandas as pd

    terms = _select(_terms(article), part, content_only=False)
    grams: Counter[str] = Counter()
    for _, sentence in terms.groupby("sentence", sort=True):
        words = list(sentence[by])
        content = list(sentence["is_content"])
        for i in range(len(words) - n + 1):
            if content_only and not all(content[i : i + n]):
                continue
            grams[" ".join(words[i : i + n])] += 1
    table = pd.DataFrame(grams.items(), columns=["ngram", "count"])
    return table.sort_values(["count", "ngram"], ascending=[False, True], ignore_index=True)


def collocations(
    article: Article, *, min_count: int = 2, content_only: bool = True,
    part: str | None = "body",
) -> pd.DataFrame:  # fmt: skip
    """Bigrams scored by NLTK's association measures, within sentences.

    Columns: ``bigram``, ``count``, ``pmi`` (pointwise mutual information, bits;
    Church and Hanks 1990), ``log_likelihood`` (Dunning 1993). Bigrams seen fewer
    than ``min_count`` times are dropped; with ``content_only`` only bigrams of
    two content words are kept. Sorted by log-likelihood.
    """
    import pandas as pd
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    terms = _select(_terms(article), part, content_only=False)
    sentences = [list(group["term"]) for _, group in terms.groupby("sentence", sort=True)]
    finder = BigramCollocationFinder.from_documents(sentences)
    finder.apply_freq_filter(min_count)
    if content_only:
        content = set(terms.loc[terms["is_content"], "term"])
        finder.apply_ngram_filter(lambda a, b: a not in content or b not in content)
    measures = BigramAssocMeasures()
    pmi = dict(finder.score_ngrams(measures.pmi))
    likelihood = dict(finder.score_ngrams(measures.likelihood_ratio))
    rows = [(" ".join(bigram), finder.ngram_fd[bigram], pmi[bigram], likelihood[bigram])
            for bigram in pmi]  # fmt: skip
    table = pd.DataFrame(rows, columns=["bigram", "count", "pmi", "log_likelihood"])
    return table.sort_values(["log_likelihood", "bigram"], ascending=[False, True],
                             ignore_index=True)  # fmt: skip


# ---------------------------------------------------------------------------
# Keyness against general English


def reference_frequency(term: str) -> float:
    """The term's frequency in general English (wordfreq, ``en``, proportion of words).

    Words wordfreq does not list get :data:`UNKNOWN_FREQUENCY`. A word that is one plain
    token (letters; ``don't``, ``u.s.``) is read from a table of wordfreq's values
    (:func:`analysis.resources.load_frequency_table`), which saves importing wordfreq
    and unpacking its list; any other term (a hyphen, a digit, a letter beyond ASCII) is
    asked of wordfreq.
    """
    word = term.lower()
    key = frequency_key(word)
    if key is not None:
        return _frequency_table().get(key, UNKNOWN_FREQUENCY)
    from wordfreq import word_frequency

    return word_frequency(word, "en", minimum=UNKNOWN_FREQUENCY)


@cache
def _frequency_table() -> FrequencyTable:
    return load_frequency_table()


def log_likelihood(observed: float, expected: float) -> float:
    """Signed log-likelihood (G²) of ``observed`` against a reference rate's ``expected``.

    G² = 2 × (O ln(O/E) − (O − E)): the two-corpus statistic of Rayson and Garside
    (2000) when the reference corpus is much larger than the text, as wordfreq's
    billions of words are. Positive when the text over-uses the term. Above 3.84
    is significant at p < 0.05, above 6.63 at p < 0.01 (one degree of freedom).
    """
    if observed == 0:
        return -2 * expected
    g2 = 2 * (observed * math.log(observed / expected) - (observed - expected))
    return g2 if observed >= expected else -g2


class Keyness(NamedTuple):
    """One key term (a row of :func:`keyness`)."""

    term: str
    count: int
    expected: float
    reference_frequency: float
    log_likelihood: float
    log_ratio: float
    keyness: float


def keyness(
    article: Article, *, min_count: int = 2, content_only: bool = True,
    part: str | None = "body",
) -> pd.DataFrame:  # fmt: skip
    """Terms that are unusually frequent in the article against general English.

    Columns: ``term``, ``count``, ``expected`` (count expected from wordfreq's
    frequency), ``reference_frequency``, ``log_likelihood`` (signed G², see
    :func:`log_likelihood`; also returned as ``keyness``), ``log_ratio`` (binary
    log of the ratio of relative frequencies; Hardie 2014: +1 = twice as common
    as in general English). Terms seen fewer than ``min_count`` times are dropped.
    Sorted by keyness, highest first.
    """
    import pandas as pd

    rows = keyness_records(article, min_count=min_count, content_only=content_only, part=part)
    return pd.DataFrame(rows, columns=Keyness._fields)


def keyness_records(
    article: Article, *, min_count: int = 2, content_only: bool = True,
    part: str | None = "body",
) -> list[Keyness]:  # fmt: skip
    """The rows of :func:`keyness`, highest keyness first (ties alphabetical)."""
    ranked, _, n_words = _ranked_counts(article, "term", content_only, part)
    rows = []
    for term, count in ranked:
        if count < min_count:
            continue
        reference = reference_frequency(term)
        expected = reference * n_words
        g2 = round(log_likelihood(count, expected), 3)
        ratio = round(math.log2((count / n_words) / reference), 3)
        rows.append(Keyness(term, count, expected, reference, g2, ratio, g2))
    return sorted(rows, key=lambda row: (-row.keyness, row.term))


def key_terms(article: Article, n: int = 20) -> list[dict[str, object]]:
    """The ``n`` key content terms of the body: ``{"term", "count", "keyness"}``."""
    return [{"term": row.term, "count": row.count, "keyness": row.keyness}
            for row in keyness_records(article)[:n]]  # fmt: skip


# ---------------------------------------------------------------------------
# Context and position


def _word_matches(terms: pd.DataFrame, word: str) -> pd.Series:
    """Rows whose term or lemma equals the normalised ``word`` (an acronym: its term only)."""
    wanted = normalise_term(word)
    if wanted.isupper():
        return terms["term"] == wanted
    return (terms["term"] == wanted) | (terms["lemma"] == lemmatize(wanted))


def find_phrase(terms: pd.DataFrame, query: str) -> list[tuple[int, int]]:
    """``(first_row, n_words)`` for each occurrence of ``query`` in ``terms`` (rows in order).

    ``query`` is a word or a phrase (``North Korea``); each word matches a term or
    its lemma, so ``threat`` also finds ``threats``.
    """
    words = [query[start:end] for kind, start, end in tokenize(query) if kind != "punct"]
    if not words or terms.empty:
        return []
    hits = _word_matches(terms, words[0]).to_numpy()
    for offset, word in enumerate(words[1:], start=1):
        following = _word_matches(terms, word).to_numpy()
        shifted = [bool(following[i + offset]) if i + offset < len(following) else False
                   for i in range(len(following))]  # fmt: skip
        hits = hits & shifted
    return [(int(i), len(words)) for i in hits.nonzero()[0]]


def kwic(article: Article, term: str, window: int = 5, *, part: str | None = "body"
         ) -> pd.DataFrame:  # fmt: skip
    """Keyword in context: every occurrence of ``term`` with ``window`` words each side.

    ``term`` is a word or phrase matched on normalised terms or lemmas,
    case-insensitively (``kwic(a, "threat")`` finds "threat" and "threats";
    ``"U.S."`` finds "U.S."; ``"North Korea"`` the phrase). The context runs across
    sentence boundaries and is cut at the text's edges. Columns: ``sentence``,
    ``position``, ``start``, ``end``, ``left``, ``keyword``, ``right``.
    """
    import pandas as pd

    if window < 0:
        raise ValueError(f"window must be 0 or more words, not {window}")
    if not any(kind != "punct" for kind, _, _ in tokenize(term)):
        raise ValueError(f"term {term!r} has no word to look for")
    terms = _select(_terms(article), part, content_only=False).reset_index(drop=True)
    rows = []
    for first, length in find_phrase(terms, term):
        last = first + length - 1
        hit_start, hit_end = int(terms.loc[first, "start"]), int(terms.loc[last, "end"])
        left_start = int(terms.loc[max(0, first - window), "start"])
        right_end = int(terms.loc[min(len(terms) - 1, last + window), "end"])
        left = article.text[left_start:hit_start] if first > 0 and window else ""
        right = article.text[hit_end:right_end] if last < len(terms) - 1 and window else ""
        rows.append((int(terms.loc[first, "sentence"]), int(terms.loc[first, "position"]),
                     hit_start, hit_end, " ".join(left.split()),
                     " ".join(article.text[hit_start:hit_end].split()),
                     " ".join(right.split())))  # fmt: skip
    return pd.DataFrame(
        rows, columns=["sentence", "position", "start", "end", "left", "keyword", "right"]
    )


def term_positions(article: Article, terms: list[str], *, part: str | None = "body"
                   ) -> pd.DataFrame:  # fmt: skip
    """Where each of ``terms`` occurs, for a lexical dispersion plot.

    Columns: ``query`` (as given), ``position`` (word number within the part),
    ``relative_position`` (0 = first word, 1 = last), ``sentence``, ``paragraph``, ``text``.
    """
    import pandas as pd

    if isinstance(terms, str) or not terms:
        raise ValueError("terms must be a non-empty list of words or phrases, "
                         f"not {terms!r}")  # fmt: skip
    table = _select(_terms(article), part, content_only=False).reset_index(drop=True)
    last = max(len(table) - 1, 1)
    frames = []
    for query in terms:
        rows = [first for first, _ in find_phrase(table, query)]
        hits = table.loc[rows]
        frames.append(pd.DataFrame({
            "query": query,
            "position": rows,
            "relative_position": [row / last for row in rows],
            "sentence": hits["sentence"].to_numpy(),
            "paragraph": hits["paragraph"].to_numpy(),
            "text": hits["text"].to_numpy(),
        }))  # fmt: skip
    return (
        pd.concat(frames, ignore_index=True)
        if frames
        else pd.DataFrame(
            columns=["query", "position", "relative_position", "sentence", "paragraph", "text"]
        )
    )


def terms_by_region(article: Article, *, content_only: bool = True) -> pd.DataFrame:
    """Term counts in four regions of the text: the headline, the body, and the body's
    quotes and narration (the two voices, which split the body).

    Long table: ``region`` (headline/body/quote/narration), ``term``, ``count``,
    ``relative_frequency`` (within the region).
    """
    import pandas as pd

    terms = _terms(article)
    if content_only:
        terms = terms[terms["is_content"]]
    body = terms[terms["part"] == "body"]
    regions = {
        "headline": terms[terms["part"] == "headline"],
        "body": body,
        "quote": body[body["voice"] == "quote"],
        "narration": body[body["voice"] == "narration"],
    }
    frames = []
    for name, subset in regions.items():
        counts = subset["term"].value_counts().rename("count").reset_index()
        counts.insert(0, "region", name)
        counts["relative_frequency"] = counts["count"] / max(len(subset), 1)
        frames.append(counts.sort_values(["count", "term"], ascending=[False, True]))
    return pd.concat(frames, ignore_index=True)
