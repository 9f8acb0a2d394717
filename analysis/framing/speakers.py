"""Speakers: who gets to speak, how, and how much.

Every quotation of the body is a row: the quoted spans found by
:mod:`analysis.quotes` (``direct``: a full sentence or more; ``partial``: a
fragment inside the reporter's sentence; ``term``: a short phrase in quotation
marks that nobody is reported to say), the answers of an interview after a
speaker label (``NG: ...``), and reported speech without quotation marks
(``indirect``: ``X said (that) ...``, ``according to X, ...``). Each gets its
speaker by the rules of :mod:`analysis.framing.attribution`, and an actor:
the actor dictionary's for its people, countries and groups, else the country
or organisation the article ties the speaker to (a demonym or country in their
role, "of" an organisation, a possessive owner).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from itertools import compress
from operator import attrgetter
from typing import TYPE_CHECKING, Literal, NamedTuple

from analysis.article import Article, Sentence, Token
from analysis.framing.actors import (
    ActorDictionary,
    actors_by_salience,
    load_actor_dictionary,
    mention_records,
)
from analysis.framing.attribution import (
    DETERMINERS,
    People,
    Phrase,
    Resolved,
    find_people,
    fold,
    index_of,
    is_passive,
    is_speech_verb,
    organisation_words,
    phrase_starting_at,
    reporting_verbs,
    resolve,
    role_words,
    sentence_subject,
    sentence_tokens,
    speaker_nouns,
    speech_verbs,
    subject_before,
)
from analysis.framing.places import place_in, place_of
from analysis.memo import per_article
from analysis.quotes import article_quote_spans
from analysis.terms import stopwords

if TYPE_CHECKING:
    import pandas as pd

QuoteKind = Literal["direct", "partial", "term", "indirect"]
QUOTE_KINDS: tuple[QuoteKind, ...] = ("direct", "partial", "term", "indirect")
UNATTRIBUTED = "(unattributed)"
#: The keys a sentence's tokens are bisected on (no list of offsets is built per sentence).
_START, _END, _TEXT = attrgetter("start"), attrgetter("end"), attrgetter("text")
#: A speech verb after a quote attributes it only this many words after the closing mark
#: (“...,” 1st Fleet Command's Navy Information Agency head Arba Agung told ...).
MAX_WORDS_TO_VERB_AFTER = 14
#: A speech verb before a quote attributes it only this many words before the opening mark
#: (the ministers described China’s foreign policy as seeking to “...”; not "X agreed ...,
#: commonly known as the “2+2” talks").
MAX_WORDS_FROM_VERB_BEFORE = 25
#: Attribution reads at most this many tokens before a quote or a speech verb, and after it,
#: so that its time grows linearly with the article whatever the shape of the text.
WINDOW_BEFORE = 60
WINDOW_AFTER = 40
#: A reported clause must show its verb (an auxiliary) among this many first words.
CLAUSE_VERB_WORDS = 8
#: A reported clause is read at most this many tokens long.
MAX_CLAUSE_TOKENS = 80
#: A pronoun refers to the last speaker when that speaker spoke this many paragraphs back or less.
PRONOUN_PARAGRAPHS = 2
#: A short fragment in quotation marks that nobody is reported to say is a term.
MAX_TERM_WORDS = 4
#: A reported clause needs this many words outside quotation marks.
MIN_REPORTED_WORDS = 3
#: Group speakers whose actor is every actor whose people were named before them.
PLURAL_GROUPS = frozenset({"ministers", "officials", "leaders", "governments", "allies", "sides"})
#: The one told, skipped before the reported clause (told reporters that ...; told the press
#: ...): these nouns and pronouns, and modifiers only when one of those nouns follows.
_AUDIENCE = frozenset({
    "reporters", "reporter", "journalists", "press", "media", "correspondent", "officials",
    "parliament", "lawmakers", "audience", "crowd", "him", "her", "them", "us", "me",
})
_AUDIENCE_MODIFIERS = frozenset({"the", "a", "an", "our", "his", "her", "their", "local",
                                 "national", "state", "foreign", "visiting"})  # fmt: skip
_TIME_WORDS = frozenset({
    "today", "yesterday", "tonight", "also", "again", "then", "earlier", "later", "previously",
    "recently", "publicly", "separately"
})
#: Words that cannot open a reported clause (a preposition or an infinitive: reported on this
#: story, announced to have died).
_NOT_CLAUSE_OPENERS = frozenset({"on", "to", "by", "for", "during", "with", "about", "of",
                                 "at", "from", "into", "which", "what", "how", "why"})  # fmt: skip
_PREPOSITIONS = frozenset({"in", "at", "on", "during", "to", "before", "after", "from"})
_AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "has", "have", "had", "will",
                          "would", "could", "can", "should", "may", "might", "must", "does",
                          "did", "do", "isn't", "wasn't", "won't", "can't", "didn't", "doesn't",
                          "'s", "’s", "'re", "’re"})  # fmt: skip
_IRREGULAR_PAST = frozenset({"went", "made", "took", "gave", "came", "saw", "found", "got", "left",
                             "kept", "held", "ran", "began", "won", "lost", "paid", "sent",
                             "spent", "brought", "thought", "felt", "became", "fell", "led",
                             "met", "knew", "grew", "rose", "stood", "understood", "told",
                             "said", "meant", "built", "bought", "caught", "chose", "drove",
                             "fought", "forgot", "hid", "broke", "spoke", "struck", "taught",
                             "threw", "wore", "wrote"})  # fmt: skip
#: Words that join a reported clause to the next speaker's (… while X wrote …).
_JOINING = frozenset({"while", "whereas", "but", "and"})
_QUOTE_MARKS = frozenset("“”\"‘’'«»")
_LABEL = re.compile(r"(?P<label>(?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*):\s+(?=\S)")


def classify_quote(text: str, n_words: int, *, introduced: bool = False,
                   ends_sentence_after: bool = False, said: bool = True) -> QuoteKind:  # fmt: skip
    """The kind of a quoted span.

    ``direct``: a full sentence or more: opens with a capital (or is introduced by a
    speech verb and a comma or colon: saying, “hopefully ...”) and ends a sentence,
    inside the marks or right after them, or ends with the comma before the
    attribution (“It is over,” she said). ``term``: a fragment of
    :data:`MAX_TERM_WORDS` words or fewer that does not end a sentence and that
    nobody is reported to say (``said`` False), such as the “2+2” talks.
    Otherwise ``partial``.
    """
    stripped = text.strip().rstrip("'’\"”)")
    opens_sentence = stripped[:1].isupper() or stripped[:1].isdigit()
    ends = stripped.endswith((".", "!", "?", "…")) or ends_sentence_after
    if (opens_sentence or introduced) and (ends or (stripped.endswith(",") and n_words >= 3)):
        return "direct"
    if n_words >= 8 and opens_sentence and introduced:
        return "direct"
    return "term" if n_words <= MAX_TERM_WORDS and not ends and not said else "partial"


class Quote(NamedTuple):
    """One quotation with its speaker (a row of :func:`unnest_quotes`)."""

    article_id: str
    quote: int
    kind: str
    speaker: str | None
    speaker_kind: str | None
    actor: str | None
    verb: str | None
    cue: str | None
    n_words: int
    first_sentence: int
    last_sentence: int
    paragraph: int
    start: int
    end: int
    text: str


QUOTE_COLUMNS = list(Quote._fields)


def unnest_quotes(article: Article, dictionary: ActorDictionary | None = None) -> pd.DataFrame:
    """One row per quotation: quoted spans (quotes inside quotes are part of their outer
    quote), interview answers after a speaker label, and reported speech.

    Columns: ``article_id``, ``quote`` (running number), ``kind``
    (direct/partial/term/indirect), ``speaker`` (full name, organisation or
    description; None when not attributed; never for terms), ``speaker_kind``
    (person, name, organisation, group, place, or ``pronoun>person`` when
    resolved from a pronoun), ``actor`` (the speaker's actor: see the module
    docstring), ``verb`` (the speech verb or ``:``), ``cue`` (the reporter's
    words that attribute it, the evidence), ``n_words``, ``first_sentence``,
    ``last_sentence``, ``paragraph``, ``start``, ``end`` (offsets of the quoted
    words or the reported clause), ``text``.
    """
    return quote_table(article, dictionary).copy(deep=False)


def quote_table(article: Article, dictionary: ActorDictionary | None = None) -> pd.DataFrame:
    """:func:`unnest_quotes`, computed once per article (internal: no copy)."""
    return _quote_table(article, dictionary or load_actor_dictionary())


@per_article
def _quote_table(article: Article, dictionary: ActorDictionary) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(_quotes(article, dictionary), columns=QUOTE_COLUMNS)


def quote_records(article: Article, dictionary: ActorDictionary | None = None) -> list[Quote]:
    """The rows of :func:`unnest_quotes`, computed once per article."""
    return _quotes(article, dictionary or load_actor_dictionary())


@per_article
def _quotes(article: Article, dictionary: ActorDictionary) -> list[Quote]:
    return _Attributor(article, dictionary).quotes()


# ---------------------------------------------------------------------------
# Attribution


@dataclass(frozen=True)
class _Span:
    """A quotation to attribute: the words (``start``/``end``) and, for marked quotes,
    the marks (``mark_start``/``mark_end``)."""

    start: int
    end: int
    mark_start: int
    mark_end: int
    label: str = ""  # the speaker label of an interview answer


class _Cue(NamedTuple):
    phrase: Phrase
    verb: str
    cue: str
    from_verb: bool  # a speech verb of the quote's own sentence (not inherited)


class _Attributed(NamedTuple):
    speaker: Resolved | None
    cue: _Cue | None


class _Attributor:
    """Attributes every quotation of one article, in text order (one pass)."""

    def __init__(self, article: Article, dictionary: ActorDictionary) -> None:
        self.article = article
        self.dictionary = dictionary
        self.mentions = mention_records(article, dictionary)
        self.dictionary_people = {e.person: e.actor for e in dictionary.entries
                                  if e.kind == "person" and e.person}  # fmt: skip
        self.people: People = find_people(article, {name: actor for name, actor
                                                    in self.dictionary_people.items()})  # fmt: skip
        self.marked = [_Span(s.start, s.end, s.mark_start, s.mark_end)
                       for s in article_quote_spans(article) if s.level == 1]  # fmt: skip
        self._tokens = sentence_tokens(article)
        self._last: tuple[int, Resolved] | None = None  # (paragraph, last speaker)
        self._last_quote: tuple[_Span, Resolved] | None = None  # the last attributed quote
        # The quotes' marks, in text order, for in_quote's bisection.
        self._quote_starts = [s.mark_start for s in self.marked]
        self._quote_ends = [s.mark_end for s in self.marked]

    # -- helpers --------------------------------------------------------------

    def tokens(self, sentence: Sentence) -> list[Token]:
        return self._tokens[sentence.index]

    def before(self, sentence: Sentence, offset: int) -> list[Token]:
        """At most :data:`WINDOW_BEFORE` tokens of ``sentence`` that end by ``offset``."""
        tokens = self.tokens(sentence)
        n = bisect_right(tokens, offset, key=_END)
        return tokens[max(0, n - WINDOW_BEFORE) : n]

    def after(self, sentence: Sentence, offset: int) -> list[Token]:
        """At most :data:`WINDOW_AFTER` tokens of ``sentence`` that start at ``offset`` or later."""
        tokens = self.tokens(sentence)
        k = bisect_left(tokens, offset, key=_START)
        return tokens[k : k + WINDOW_AFTER]

    def in_quote(self, offset: int) -> bool:
        """Whether ``offset`` lies within a quote's marks (the last quote opened by then)."""
        k = bisect_right(self._quote_starts, offset) - 1
        return k >= 0 and offset < self._quote_ends[k]

    def text(self, start: int, end: int) -> str:
        return " ".join(self.article.text[start:end].split())

    # -- cues -----------------------------------------------------------------

    def cue_after(self, span: _Span, last: Sentence) -> _Cue | None:
        """``“...,” said X`` / ``“...,” X said`` / ``“...,” according to X``."""
        tokens = self.before(last, span.mark_start) + self.after(last, span.mark_end)
        after = [k for k, t in enumerate(tokens) if t.start >= span.mark_end]
        if not after:
            return None
        stop = next((k for k in after if tokens[k].text in "“\"‘" and k > after[0]
                     and self.in_quote(tokens[k].start)), len(tokens))  # fmt: skip
        n_words = 0
        for k in after:
            if k >= stop:
                break
            if tokens[k].kind != "punct":
                n_words += 1
            if n_words > MAX_WORDS_TO_VERB_AFTER + 1 or (
                    tokens[k].text in ";:" and tokens[k].kind == "punct"):  # fmt: skip
                break
            if not is_speech_verb(tokens, k):
                continue
            verb = tokens[k].text
            if verb.casefold() == "according":
                by = next((b for b in range(k + 2, min(stop, k + 10))
                           if tokens[b].text.casefold() == "by"), k + 1)  # fmt: skip
                phrase = phrase_starting_at(tokens, by + 1, stop)
            else:
                between = [t for t in tokens[after[0] : k] if t.kind != "punct"]
                phrase = (subject_before(tokens, k) if between
                          else phrase_starting_at(tokens, k + 1, stop))  # fmt: skip
            if phrase is not None and phrase.start >= span.mark_end:
                cue_end = max(phrase.end, tokens[k].end)
                return _Cue(phrase, verb, self.text(span.mark_end, cue_end), True)
            return None
        return None

    def cue_before(self, span: _Span, first: Sentence) -> _Cue | None:
        """``X said, “...”`` / ``Remarked X, “...”`` / ``X called it “...”`` / ``X: “...”``."""
        tokens = self.before(first, span.mark_start)
        before = range(len(tokens))
        verbs = speech_verbs()
        for k in reversed(before):
            # The word list first: one look-up rules out most words before is_speech_verb
            # (a word not in the list, or a verb only of reported speech: "that").
            if (verbs.get(tokens[k].text.casefold()) in (None, "that")
                    or not is_speech_verb(tokens, k)
                    or self.in_quote(tokens[k].start)):  # fmt: skip
                continue
            gap = sum(t.kind != "punct" and not self.in_quote(t.start)
                      for t in tokens[k + 1 : len(before)])  # fmt: skip
            if gap > MAX_WORDS_FROM_VERB_BEFORE and tokens[k].text.casefold() != "according":
                break
            verb = tokens[k].text
            as_at = next((a for a in range(k + 1, len(before)) if tokens[a].text.casefold()
                          == "as"), None)  # fmt: skip
            if verb.casefold() in {"quoted", "quotes", "quoting"} and as_at is not None:
                phrase = phrase_starting_at(tokens, k + 1, as_at)  # it quoted X as saying
            elif verb.casefold() == "according":
                phrase = phrase_starting_at(tokens, k + 2, len(before))
            elif k + 1 < len(before) and tokens[k + 1].text.casefold() == "by":
                phrase = phrase_starting_at(tokens, k + 2, len(before))  # described by X as
            else:
                phrase = subject_before(tokens, k)
                if phrase is None and k == 0:
                    phrase = phrase_starting_at(tokens, k + 1, len(before))  # Remarked X, “...”
            if phrase is not None and not self.in_quote(phrase.start):
                return _Cue(phrase, verb, self.text(phrase.start, span.mark_start), True)
        if before and tokens[before[-1]].text == ":":
            phrase = self.first_phrase(tokens, before[-1])
            if phrase is not None:
                return _Cue(phrase, ":", self.text(phrase.start, span.mark_start), True)
        return None

    def first_phrase(self, tokens: list[Token], stop: int) -> Phrase | None:
        """The first speaker phrase of a sentence before ``stop`` (after "by" when the sentence
        says "a statement by X")."""
        for k in range(stop):
            if tokens[k].text.casefold() == "by":
                phrase = phrase_starting_at(tokens, k + 1, stop)
                if phrase is not None and phrase.kind in ("person", "name", "organisation"):
                    return phrase
        for k in range(stop):
            if tokens[k].kind == "punct" or self.in_quote(tokens[k].start):
                continue
            phrase = phrase_starting_at(tokens, k, stop)
            if phrase is not None and phrase.kind in ("person", "name", "organisation",
                                                      "description"):  # fmt: skip
                return phrase
        return None

    def cue_introducing(self, span: _Span) -> _Cue | None:
        """A quote that opens its paragraph after a sentence ending in a colon or naming
        "a statement by X" (the previous paragraph, or the headline)."""
        sentence = self.article.sentence_at(span.mark_start)
        index = sentence.index - 1
        while index >= 0 and sentence.index - index <= 2:
            previous = self.article.sentences[index]
            tokens = self.before(previous, previous.end)
            words = previous.text[-400:].casefold()
            if previous.text.rstrip().endswith(":") or "statement" in words:
                stop = len(tokens) - (1 if tokens and tokens[-1].text == ":" else 0)
                person = self.people.last(("person",), previous.end)
                if person is not None and person[0] >= previous.start and not any(
                        is_speech_verb(tokens, k) for k in range(stop)):  # fmt: skip
                    first_person = self.people.first(("person",), previous.start) or person
                    phrase = Phrase(first_person[0], first_person[0], first_person[1], "person",
                                    first_person[3])  # fmt: skip
                    return _Cue(phrase, ":", previous.text, False)
                for k in range(stop - 1, -1, -1):
                    if is_speech_verb(tokens, k) and not self.in_quote(tokens[k].start):
                        phrase = subject_before(tokens, k)
                        if phrase is not None:
                            return _Cue(phrase, tokens[k].text, previous.text, False)
                phrase = self.first_phrase(tokens, stop)
                if phrase is not None:
                    return _Cue(phrase, ":", previous.text, False)
            if previous.paragraph != sentence.paragraph and previous.part != "headline":
                break
            index -= 1
        return None

    # -- reported speech ------------------------------------------------------

    def reported(self, sentence: Sentence) -> list[tuple[int, int, Phrase, str]]:
        """``(start, end, speaker phrase, verb)`` of each reported clause of a sentence."""
        tokens = self.tokens(sentence)
        found = []
        # The word list first, for every token at once (no Python step per token): it rules
        # out most words, and verbs only of quotations ("quote"), before is_speech_verb.
        words = map(str.casefold, map(_TEXT, tokens))
        for k in compress(range(len(tokens)), map(reporting_verbs().__contains__, words)):
            if not is_speech_verb(tokens, k) or self.in_quote(tokens[k].start):
                continue
            lo = max(0, k - WINDOW_BEFORE)
            window = tokens[lo : k + MAX_CLAUSE_TOKENS]
            clause = self._reported_clause(window, k - lo, lo == 0)
            if clause is not None:
                found.append(clause)
        return found

    def _reported_clause(self, tokens: list[Token], k: int, opens_sentence: bool
                         ) -> tuple[int, int, Phrase, str] | None:  # fmt: skip
        """The clause a speech verb reports, in a window of the sentence's tokens (``k``: the
        verb; ``opens_sentence``: whether the window starts where the sentence does)."""
        verb = tokens[k].text
        end = self._clause_end(tokens)
        if verb.casefold() == "according":
            if k + 2 < len(tokens) and tokens[k + 2].text.casefold() in {"which", "whom"}:
                return None  # "according to which ...": what a document provides
            comma = next((c for c in range(k + 2, len(tokens)) if tokens[c].text == ","), None)
            phrase = phrase_starting_at(tokens, k + 2, comma if comma is not None else end)
            if phrase is None:
                return None
            if comma is not None and phrase.kind == "description":
                # "According to his wife, Amanda, ...": the name in apposition speaks
                second = next((c for c in range(comma + 1, min(end, comma + 6))
                               if tokens[c].text == ","), None)  # fmt: skip
                name = phrase_starting_at(tokens, comma + 1, second) if second else None
                if name is not None and name.kind in ("person", "name"):
                    phrase, comma = name, second
            if comma is not None and comma + 1 < end:  # According to X, CLAUSE.
                return self._clause(tokens, comma + 1, end, phrase, verb)
            if k > 1 and tokens[k - 1].text == "," and opens_sentence:  # CLAUSE, according to X.
                return self._clause(tokens, 0, k - 1, phrase, verb)
            return None
        if is_passive(tokens, k):
            return None  # "were reported by local media to have visited"
        phrase = subject_before(tokens, k)
        if phrase is None and k > 0 and tokens[k - 1].text.casefold() in {"and", "but"}:
            phrase = sentence_subject(tokens, k - 1)  # "The President commended X and noted that"
        if phrase is None:
            return None
        start = index_of(tokens, phrase.start)
        if start > 1 and tokens[start - 1].text == "," and k + 1 >= end:  # CLAUSE, X said.
            if not opens_sentence or any(
                    is_speech_verb(tokens, e) for e in range(start - 1)):  # fmt: skip
                return None  # "X said that ..., Cyprus Mail reported": X's words, relayed
            return self._clause(tokens, 0, start - 1, phrase, verb)
        c = k + 1
        if verb.casefold() in {"told", "tells", "tell", "telling"}:
            c = self._skip_audience(tokens, c, end)
        c = self._skip_adverbials(tokens, c, end)
        if c < end and tokens[c].text.casefold() in _PREPOSITIONS:
            # "said in a financial filing to the Securities and Exchange Commission that ..."
            that = next((t for t in range(c, min(end, c + 14)) if tokens[t].text.casefold()
                         == "that"), None)  # fmt: skip
            if that is not None:
                c = that
        explicit = c < end and tokens[c].text.casefold() == "that"
        if not explicit and speech_verbs()[verb.casefold()] == "that":
            return None  # "reaffirmed the commitment": not speech without "that"
        if explicit:
            c += 1
        if (c >= end or tokens[c].kind == "punct"
                or tokens[c].text.casefold() in _NOT_CLAUSE_OPENERS):  # fmt: skip
            return None
        end = next((e for e in range(c, end) if tokens[e].text in ":;" or (
            tokens[e].text == "," and e + 1 < end and is_speech_verb(tokens, e + 1)
            and tokens[e + 1].text.casefold().endswith("ing"))), end)  # ..., stating, “...”
        end = self._before_next_speaker(tokens, c, end)
        if not explicit and not self._looks_like_clause(tokens[c:end]):
            return None
        return self._clause(tokens, c, end, phrase, verb)

    def _before_next_speaker(self, tokens: list[Token], c: int, end: int) -> int:
        """Where the clause from ``c`` stops: before another speech verb's named subject in
        the same sentence (… while Interior Minister X wrote …; …, Cyprus Mail reported)."""
        verbs = speech_verbs()
        for e in range(c + 1, end):
            # The word list first: one look-up rules out most words before is_speech_verb.
            if (tokens[e].text.casefold() in verbs and is_speech_verb(tokens, e)
                    and not self.in_quote(tokens[e].start)
                    and not is_passive(tokens, e)
                    and tokens[e - 1].text.casefold() not in _AUXILIARIES
                    and not (e + 1 < end and tokens[e + 1].text.casefold() == "by")):  # fmt: skip
                subject = subject_before(tokens, e)
                if subject is not None and subject.kind != "pronoun":
                    cut = index_of(tokens, subject.start)
                    while cut > c and (tokens[cut - 1].kind == "punct"
                                       or tokens[cut - 1].text.casefold() in _JOINING):  # fmt: skip
                        cut -= 1
                    return cut  # at ``c`` itself: the clause is the other speaker's report
        return end

    def _looks_like_clause(self, tokens: list[Token]) -> bool:
        """Whether the words after a speech verb (without "that") are a clause, not a noun
        object (suggested a possible solution): an auxiliary or modal anywhere outside
        quotation marks, or a past-tense verb among the first five words."""
        first_mark = next((k for k, t in enumerate(tokens) if self.in_quote(t.start)), len(tokens))
        words = [t.text.casefold() for t in tokens[:first_mark] if t.kind != "punct"]
        if any(w in _AUXILIARIES for w in words[:CLAUSE_VERB_WORDS]):
            return True
        if any(w.endswith("ed") or w in _IRREGULAR_PAST for w in words[1:5]):
            return True
        # "Mahan flies fighters ...": a name or pronoun, then a verb in the present tense
        plain = [t for t in tokens if t.kind != "punct" and not self.in_quote(t.start)]
        if len(plain) <= 2 or not plain[1].text[:1].islower():
            return False
        subject, verb = plain[0].text, plain[1].text.casefold()
        if subject.casefold() in {"they", "we", "i", "you"}:  # "they keep channels open"
            return verb not in stopwords() and verb not in _PREPOSITIONS
        return (subject[:1].isupper() or subject.casefold() in {"he", "she", "it"}) and (
            verb.endswith("s") and not verb.endswith(("'s", "’s", "ss")))  # fmt: skip

    def _clause(self, tokens: list[Token], i: int, j: int, phrase: Phrase, verb: str
                ) -> tuple[int, int, Phrase, str] | None:  # fmt: skip
        """The clause ``tokens[i:j]`` as reported speech, if it holds enough of the reporter's
        words (outside quotation marks)."""
        if i >= j:
            return None
        words = [t for t in tokens[i:j] if t.kind != "punct" and not self.in_quote(t.start)]
        if len(words) < MIN_REPORTED_WORDS:
            return None
        while j > i and tokens[j - 1].kind == "punct" and tokens[j - 1].text not in _QUOTE_MARKS:
            j -= 1
        return tokens[i].start, tokens[j - 1].end, phrase, verb

    @staticmethod
    def _clause_end(tokens: list[Token]) -> int:
        end = len(tokens)
        while end > 0 and tokens[end - 1].kind == "punct" and tokens[end - 1].text in ".!?":
            end -= 1
        return end

    @staticmethod
    def _skip_audience(tokens: list[Token], c: int, end: int) -> int:
        """Past the one told: told reporters / told The Verge / told local media."""
        if c < end and tokens[c].text[:1].isupper() and tokens[c].text.casefold() != "that":
            while c < end and (tokens[c].text[:1].isupper() or tokens[c].text in "-–"
                               or tokens[c].text.casefold() in {"of", "the"}):  # fmt: skip
                c += 1
            return c
        k = c
        while k < end and k - c < 3 and tokens[k].text.casefold() in _AUDIENCE_MODIFIERS:
            k += 1
        if k < end and tokens[k].text.casefold() in _AUDIENCE:
            return k + 1
        return c

    @staticmethod
    def _skip_adverbials(tokens: list[Token], c: int, end: int) -> int:
        """Past "on Friday", "in a statement", "today" after a speech verb."""
        while c < end:
            word = tokens[c].text.casefold()
            if word in _TIME_WORDS:
                c += 1
            elif (word in {"on", "last", "this"} and c + 1 < end
                  and tokens[c + 1].text[:1].isupper()):  # fmt: skip
                c += 2
            elif word in {"in", "during"} and c + 2 < end and tokens[c + 1].text.casefold() in (
                    DETERMINERS | {"their", "his", "her", "its"}):  # fmt: skip
                c += 3 if c + 3 <= end else 2
                if c < end and tokens[c].text == ",":
                    c += 1
            else:
                break
        return c

    # -- actors ---------------------------------------------------------------

    def actor(self, speaker: Resolved, phrase: Phrase, start: int) -> str | None:
        """The speaker's actor: the dictionary's, else a country or organisation the article
        ties the speaker to."""
        if speaker.name in self.dictionary_people:
            return self.dictionary_people[speaker.name]
        for mention in self.mentions:  # the dictionary's own patterns (China, Beijing)
            if mention.start == phrase.start and mention.end >= phrase.end - 2:
                return mention.actor
        if phrase.owner:
            owner = self._alias(phrase.owner) or place_of(phrase.owner)
            if owner:
                return owner
        if speaker.kind.removeprefix("pronoun>") == "group" and fold(
                phrase.name.split()[-1]) in PLURAL_GROUPS:  # fmt: skip
            named = [m.actor for m in self.mentions if m.kind == "person" and m.start < start]
            return " & ".join(dict.fromkeys(named)) or None
        introduced = self.people.context.get(speaker.name, "")
        context = " ".join(filter(None, [speaker.context, introduced]))
        # Each context on its own: joined, "from the RAND Corporation" and "Korea expert" would
        # read as one name, "RAND Corporation Korea".
        found = (_organisation_in(part) for part in (speaker.context, introduced))
        organisation = next(filter(None, found), None)
        if organisation and _holds_organisation_word(organisation):
            return organisation  # of University College London: the university, not the UK
        place = self._alias(context) or place_in(context)
        if place:
            return place
        if fold(speaker.name.split()[-1]) in HOME_BODIES and self.home_country:
            return self.home_country  # "the government" of a story set in Poland: Poland's
        if speaker.kind in ("organisation", "place"):
            return place_of(speaker.name) or speaker.name
        if organisation:
            return place_of(organisation) or organisation
        if speaker.kind == "name" and fold(speaker.name) not in speaker_nouns():
            # One capitalised word that names no person of the article (NASA, TVN24, Rudaw):
            # an organisation or outlet, its own actor; "Ford" is the Ford Motor Company named.
            return place_of(speaker.name) or self._organisation_named(speaker.name, start)
        # "Interior Minister X" in a story set in Poland: Poland's
        if any(map(_holds_home_role, (speaker.context, introduced, speaker.name))):
            return self.home_country
        return None

    def _organisation_named(self, word: str, before: int) -> str:
        """The organisation named before offset ``before`` whose name starts with ``word``
        (Ford: the Ford Motor Company), else ``word`` itself."""
        found = self.people.last_starting(("group",), word, before)
        return found if found is not None else word

    @cached_property
    def home_country(self) -> str | None:
        """The country the story is set in: its dateline's, else the country its words name
        most often, if that is at least :data:`HOME_SHARE` of the country names and twice."""
        return _home_country(self.article)

    def _alias(self, text: str) -> str | None:
        """The actor of the first dictionary pattern in ``text``, excluded names aside."""
        for match in self.dictionary.regex().finditer(text):
            entry = self.dictionary.lookup(match.group())
            if entry.kind != "exclude":
                return entry.actor
        return None

    # -- the pass -------------------------------------------------------------

    def label_spans(self) -> list[_Span]:
        """Interview answers: paragraphs that open with a speaker label naming a person of
        the article (``Natasha Gownaris:``, ``NG:``) and hold no quotation mark first."""
        spans = []
        for paragraph in self.article.paragraphs:
            match = _LABEL.match(paragraph.text)
            if not match:
                continue
            label = match.group("label")
            if self.people.full_name(label) is None:
                continue
            start = paragraph.start + match.end()
            spans.append(_Span(start, paragraph.end, start, paragraph.end, label))
        return spans

    def quotes(self) -> list[Quote]:
        """Every quotation, attributed in text order (so that a pronoun or a quote without a
        cue can refer to the speaker before it)."""
        spans = sorted(self.marked + self.label_spans(), key=lambda s: s.start)
        reported = [r for sentence in self.article.sentences if sentence.part == "body"
                    for r in self.reported(sentence)]  # fmt: skip
        items = sorted([(s.start, 0, s) for s in spans] + [(r[0], 1, r) for r in reported],
                       key=lambda item: (item[0], item[1]))  # fmt: skip
        rows = []
        for _, is_reported, item in items:
            row = self._reported_row(item) if is_reported else self._quote_row(item)
            rows.append(row)
        return [Quote(self.article.article_id, number, *row)
                for number, row in enumerate(rows, start=1)]  # fmt: skip

    def _previous(self, paragraph: int) -> Resolved | None:
        """The last speaker, if they spoke at most :data:`PRONOUN_PARAGRAPHS` paragraphs back."""
        if self._last is not None and paragraph - self._last[0] <= PRONOUN_PARAGRAPHS:
            return self._last[1]
        return None

    def _remember(self, paragraph: int, speaker: Resolved | None) -> None:
        if speaker is not None and speaker.kind != "pronoun":
            self._last = (paragraph, speaker)

    def _quote_row(self, span: _Span) -> tuple:
        first = self.article.sentence_at(span.mark_start)
        last = self.article.sentence_at(max(span.mark_end - 1, span.mark_start))
        n_words = self._n_words(span.start, span.end)
        text = " ".join(self.article.text[span.start : span.end].split())
        speaker, cue, phrase = self._speaker_of(span, first, last)
        introduced = bool(span.label) or self._introduced(span, first)
        after = self.article.text[span.mark_end : span.mark_end + 2].lstrip()
        kind = classify_quote(text, n_words, introduced=introduced,
                              ends_sentence_after=after[:1] in (".", "!", "?"),
                              said=bool(cue and cue.from_verb))  # fmt: skip
        if kind == "term":
            speaker = cue = None
        actor = self.actor(speaker, phrase, span.start) if speaker and phrase else None
        self._remember(first.paragraph, speaker)
        if speaker is not None:
            self._last_quote = (span, speaker)
        return (kind, speaker.name if speaker else None, speaker.kind if speaker else None,
                actor, cue.verb if cue else None, cue.cue if cue else None, n_words,
                first.index, last.index, first.paragraph, span.start, span.end, text)  # fmt: skip

    def _n_words(self, start: int, end: int) -> int:
        """Words and numbers lying wholly in ``text[start:end]``."""
        inside = self.article.tokens_within(start, end)
        return len(inside) - list(map(attrgetter("kind"), inside)).count("punct")

    def _reported_row(self, clause: tuple[int, int, Phrase, str]) -> tuple:
        start, end, phrase, verb = clause
        first = self.article.sentence_at(start)
        speaker = resolve(phrase, self.people, self._previous(first.paragraph))
        self._remember(first.paragraph, speaker)
        n_words = self._n_words(start, end)
        actor = self.actor(speaker, phrase, start)
        cue = self.text(min(phrase.start, start), max(phrase.end, start))
        return ("indirect", speaker.name, speaker.kind, actor, verb, cue, n_words, first.index,
                first.index, first.paragraph, start, end, self.text(start, end))  # fmt: skip

    def _introduced(self, span: _Span, first: Sentence) -> bool:
        """Whether a speech verb and a comma or colon stand right before the opening mark."""
        start = max(first.start, span.mark_start - 200)
        before = self.article.text[start : span.mark_start].rstrip()
        return before.endswith((",", ":")) and bool(before[:-1].split()) and (
            before[:-1].split()[-1].casefold() in speech_verbs() or before.endswith(":"))

    def _speaker_of(self, span: _Span, first: Sentence, last: Sentence
                    ) -> tuple[Resolved | None, _Cue | None, Phrase | None]:  # fmt: skip
        if span.label:
            full = self.people.full_name(span.label) or span.label
            phrase = Phrase(span.start - len(span.label) - 2, span.start - 2, full, "person")
            cue = _Cue(phrase, ":", span.label + ":", True)
            return Resolved(full, "person", self.people.context.get(full, "")), cue, phrase
        previous = self._previous(first.paragraph)
        cue = self.cue_before(span, first) or self.cue_after(span, last)
        if cue is not None:
            return resolve(cue.phrase, self.people, previous), cue, cue.phrase
        last_quote = self._last_quote
        if last_quote is not None and self._continues(last_quote[0], span):
            speaker = last_quote[1]
            phrase = Phrase(last_quote[0].start, last_quote[0].start, speaker.name, "person",
                            speaker.context)  # fmt: skip
            return speaker, _Cue(phrase, "", "", False), phrase
        cue = self.cue_introducing(span)
        if cue is not None:
            return resolve(cue.phrase, self.people, previous), cue, cue.phrase
        if previous is not None and self._opens_paragraph(span) and (
                self._last is not None and self._last[0] >= first.paragraph - 1):  # fmt: skip
            phrase = Phrase(span.start, span.start, previous.name, "person", previous.context)
            return previous, _Cue(phrase, "", "", False), phrase
        return None, None, None

    def _opens_paragraph(self, span: _Span) -> bool:
        paragraph = self.article.paragraphs[self.article.sentence_at(span.mark_start).paragraph - 1]
        return not self.article.text[paragraph.start : span.mark_start].strip()

    def _continues(self, before: _Span, span: _Span) -> bool:
        """Whether ``span`` goes on with the quote before it: the same paragraph, or the next
        one when it opens with the quote and no other person is named in between."""
        p_before = self.article.sentence_at(before.mark_start).paragraph
        p_span = self.article.sentence_at(span.mark_start).paragraph
        if p_span == p_before:
            return True
        if p_span - p_before > 1 or not self._opens_paragraph(span):
            return False
        between = self.people.last(("person",), span.mark_start)
        return between is None or between[0] < before.mark_end


#: Roles whose holder, when the article gives no country, belongs to the country the story is
#: set in (a president, a minister, the police of the place reported from); a secretary too,
#: when a secretary of government (:func:`_holds_home_role`).
HOME_ROLES = frozenset({"president", "minister", "premier", "chancellor", "mayor", "governor",
                        "senator", "police", "prosecutor", "judge", "commandant", "spokesman",
                        "spokeswoman", "spokesperson", "official", "officials", "ministry"})
#: Speakers that are the state of the country the story is set in ("the government said").
HOME_BODIES = frozenset({"government"})


def _holds_home_role(text: str) -> bool:
    """Whether a speaker's name or one of its descriptions names a role of the state: a word
    of :data:`HOME_ROLES`, or a secretary of government, written as a title ("Defence
    Secretary", "the Secretary") or after another role word ("health secretary"); not a
    general secretary (of a union, a party, the UN) nor "the club secretary"."""
    words = text.split()
    folded = [fold(word) for word in words]
    if HOME_ROLES.intersection(folded):
        return True
    for k, word in enumerate(folded):
        if word != "secretary":
            continue
        before = folded[k - 1] if k else ""
        after = folded[k + 1] if k + 1 < len(folded) else ""
        if "general" not in (before, after) and (
                words[k][:1].isupper() or before in role_words()):  # fmt: skip
            return True
    return False


HOME_SHARE = 0.4


def _home_country(article: Article) -> str | None:
    if article.dateline is not None:
        country = place_of(article.dateline.place) or place_in(article.dateline.text)
        if country:
            return country
    counts = Counter(country for token in article.body_tokens if token.kind == "word"
                     for country in [place_of(token.text)] if country)  # fmt: skip
    if not counts:
        return None
    country, n = counts.most_common(1)[0]
    return country if n >= 2 and n >= HOME_SHARE * sum(counts.values()) else None


_ORGANISATION_AFTER = re.compile(
    r"\b(?:of|at|from)\s+(?:the\s+)?((?:[A-Z][\w'’.-]*\s?(?:(?:of|for|and|the)\s)?)+)"
)


_CAPITALISED_RUN = re.compile(r"((?:[A-Z][\w'’.-]*\s?(?:(?:of|for|and|the)\s)?)+)")


def _holds_organisation_word(name: str) -> bool:
    """Whether ``name`` holds a head word of organisations (University, Agency, Council)."""
    return any(fold(word) in organisation_words() for word in name.split())


def _organisation_in(context: str) -> str | None:
    """The organisation a context names after "of", "at" or "from" (of University College
    London), else a capitalised name in it that holds an organisation word (Rutgers
    University political scholar), or None."""
    match = _ORGANISATION_AFTER.search(context)
    if match is None:
        match = next((m for m in _CAPITALISED_RUN.finditer(context)
                      if _holds_organisation_word(m.group(1))), None)  # fmt: skip
    if match is None:
        return None
    words = match.group(1).split()
    while words and words[-1] in _JOINERS:  # "of the Council of the": a joiner cannot end a name
        words.pop()
    return " ".join(_without_title(words)) or None


_JOINERS = ("of", "for", "and", "the")
#: Words that qualify a title after an organisation and go with it (the Senate Minority
#: Leader, the White House Press Secretary).
TITLE_QUALIFIERS = frozenset({"majority", "minority", "press"})


def _without_title(words: list[str]) -> list[str]:
    """An organisation's name without the title after it, which is the speaker's office:
    "Senate Minority Leader" is the Senate's, "Glenn Research Center Director" the Center's.
    What is left must still hold an organisation word; a title word after a joiner is part
    of the name (Ministry of Health). "The" before a body named by one word is the title's
    ("The Senate Minority Leader"); a longer name keeps its own ("The Washington Post")."""
    def strippable(k: int, kind: frozenset[str]) -> bool:
        return (k > 1 and fold(words[k - 1]) in kind and words[k - 2] not in _JOINERS
                and _holds_organisation_word(" ".join(words[: k - 1])))  # fmt: skip

    cut = len(words)
    while strippable(cut, role_words()):
        cut -= 1
    if cut == len(words):
        return words
    while strippable(cut, TITLE_QUALIFIERS):
        cut -= 1
    kept = words[:cut]
    if all(fold(word) in TITLE_QUALIFIERS for word in kept):
        return []  # "Press Secretary": a title, and no organisation
    return kept[1:] if len(kept) == 2 and kept[0] in ("The", "the") else kept


# ---------------------------------------------------------------------------
# Shares


class QuoteShare(NamedTuple):
    """Quotations and quoted words of one speaker or actor (a row of :func:`quote_share`)."""

    key: str
    quotes: int  # direct, partial and indirect together
    direct: int
    partial: int
    indirect: int
    quoted_words: int
    quote_share: float
    word_share: float


def quote_share(article: Article, by: Literal["speaker", "actor"] = "speaker",
                dictionary: ActorDictionary | None = None) -> pd.DataFrame:  # fmt: skip
    """Quotes and quoted words per ``speaker`` or per ``actor``; terms in quotes excluded.

    Columns: the key (``speaker`` or ``actor``), ``quotes`` (all kinds), ``direct``,
    ``partial``, ``indirect`` (reported speech), ``quoted_words``, ``quote_share``,
    ``word_share`` (of all attributed and unattributed quotations; ``(unattributed)`` as
    key means not attributed). Most quoted words first.
    """
    import pandas as pd

    rows = quote_share_records(article, by, dictionary)
    return pd.DataFrame(rows, columns=[by, *QuoteShare._fields[1:]])


def quote_share_records(article: Article, by: Literal["speaker", "actor"] = "speaker",
                        dictionary: ActorDictionary | None = None) -> list[QuoteShare]:  # fmt: skip
    """The rows of :func:`quote_share`."""
    if by not in ("speaker", "actor"):
        raise ValueError(f"by must be speaker or actor, not {by!r}")
    counts: dict[str, Counter[str]] = {}
    for row in quote_records(article, dictionary):
        if row.kind != "term":
            key = (row.speaker if by == "speaker" else row.actor) or UNATTRIBUTED
            tally = counts.setdefault(key, Counter())
            tally[row.kind] += 1
            tally["words"] += row.n_words
    n_quotes = sum(t["direct"] + t["partial"] + t["indirect"] for t in counts.values())
    n_words = sum(t["words"] for t in counts.values())
    ranked = sorted(counts.items(), key=lambda item: (-item[1]["words"], item[0]))
    rows = []
    for key, t in ranked:
        quotes = t["direct"] + t["partial"] + t["indirect"]
        shares = (quotes / max(n_quotes, 1), t["words"] / max(n_words, 1))
        rows.append(QuoteShare(key, quotes, t["direct"], t["partial"], t["indirect"],
                               t["words"], *shares))  # fmt: skip
    return rows


def quote_counts(article: Article, dictionary: ActorDictionary | None = None) -> dict[str, int]:
    """Quoted spans per kind: ``direct``, ``partial`` and ``term`` (zero included)."""
    kinds = Counter(row.kind for row in quote_records(article, dictionary))
    return {kind: kinds[kind] for kind in QUOTE_KINDS}


def most_quoted_actor(article: Article, dictionary: ActorDictionary | None = None) -> str | None:
    """The actor with the most quoted words (the first attributed row of
    ``quote_share(article, "actor")``), or None when no quote is attributed."""
    for row in quote_share_records(article, "actor", dictionary):
        if row.key != UNATTRIBUTED:
            return row.key
    return None


def unquoted_actors(article: Article, dictionary: ActorDictionary | None = None) -> list[str]:
    """Actors the article mentions but never quotes (a group quote counts for each of its
    actors), in order of salience."""
    quoted: set[str] = set()
    for row in quote_records(article, dictionary):
        if row.actor:
            quoted.update(row.actor.split(" & "))
    return [a for a in actors_by_salience(article, dictionary) if a not in quoted]


__all__ = [
    "QUOTE_COLUMNS",
    "QUOTE_KINDS",
    "Quote",
    "QuoteShare",
    "classify_quote",
    "most_quoted_actor",
    "quote_counts",
    "quote_records",
    "quote_share",
    "quote_share_records",
    "quote_table",
    "unnest_quotes",
    "unquoted_actors",
]
