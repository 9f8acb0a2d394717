"""Speakers: who gets to speak, and how much.

Every quoted span of the body (found by :mod:`analysis.quotes`) is classified
as ``direct`` (a full sentence or more), ``partial`` (a fragment inside the
reporter's sentence) or ``term`` (a short phrase in quotation marks), and
attributed to a speaker from speech verbs and the names nearby
(``analysis/data/speech_verbs.txt``, ``speakers.tsv``): a person of the actor
dictionary, a capitalised name outside it, a group ("the ministry"), or a
pronoun resolved to the last person named before it.

Attribution is linear in the article's length: candidates are looked up by
bisection among the mentions, and pronouns are resolved against a running
record of the last person and group named, built in one pass.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Literal, NamedTuple

import pandas as pd

from analysis.article import Article, Sentence
from analysis.datafiles import read_entries
from analysis.framing.actors import (
    CALENDAR_WORDS,
    ActorDictionary,
    Mention,
    Spans,
    actors_by_salience,
    load_actor_dictionary,
    mention_records,
)
from analysis.memo import per_article
from analysis.quotes import QuoteSpan, article_quote_spans
from analysis.terms import is_stopword

QuoteKind = Literal["direct", "partial", "term"]
QUOTE_KINDS: tuple[QuoteKind, ...] = ("direct", "partial", "term")
UNATTRIBUTED = "(unattributed)"
#: A speech verb after a quote attributes it only this close to the closing mark (characters).
MAX_VERB_DISTANCE_AFTER = 40


# ---------------------------------------------------------------------------
# Cue words (data files)


@cache
def _speech_verbs() -> re.Pattern[str]:
    verbs = sorted((verb for (verb,) in read_entries("speech_verbs.txt", 1)), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(verbs)})\b")


@cache
def _speaker_words() -> dict[str, tuple[str, ...]]:
    kinds: dict[str, list[str]] = {"group": [], "pronoun": [], "title": []}
    for phrase, kind, _why in read_entries("speakers.tsv", 3):
        kinds[kind].append(phrase)
    return {kind: tuple(sorted(words, key=len, reverse=True)) for kind, words in kinds.items()}


@cache
def _group_regex() -> re.Pattern[str]:
    groups = "|".join(re.escape(g) for g in _speaker_words()["group"])
    return re.compile(rf"\b(?:the\s+)?(?:[a-z]+\s+)?(?:{groups})\b")


@cache
def _pronoun_regex() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(_speaker_words()['pronoun'])})\b")


_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z]\.?)?(?:\s+[A-Z][a-z]+){1,2}\b")
_POSSESSIVE_GAP = re.compile(r"['’]s\s+$")


def _strip_titles(name: str) -> str:
    for title in _speaker_words()["title"]:
        if name.startswith(title + " "):
            return name[len(title) + 1 :]
    return "" if name in _speaker_words()["title"] else name


# ---------------------------------------------------------------------------
# Candidate speakers

CandidateKind = Literal["person", "name", "group", "pronoun", "alias"]


@dataclass(frozen=True)
class Candidate:
    """A possible speaker found in the text."""

    start: int
    end: int
    kind: str  # person, name, group, pronoun, alias; "pronoun>person" once resolved
    label: str  # the speaker's name as reported
    actor: str | None


class _Context:
    """What attribution needs of one article, prepared once: its mentions in text order
    (with their starts, for bisection) and the family names of people outside the
    dictionary."""

    def __init__(self, article: Article, dictionary: ActorDictionary) -> None:
        self.article = article
        self.mentions = mention_records(article, dictionary)
        self.mention_starts = [m.start for m in self.mentions]
        surnames = _surnames(article, dictionary)
        self.surnames = surnames
        self.surname_regex = (
            re.compile(rf"\b(?:{'|'.join(map(re.escape, surnames))})\b") if surnames else None
        )

    def candidates(self, start: int, end: int) -> list[Candidate]:
        """Possible speakers whose text lies in ``article.text[start:end]``, in text order."""
        text = self.article.text[start:end]
        found = []
        for row in self.mentions[bisect_left(self.mention_starts, start) :]:
            if row.start >= end:
                break
            if row.end <= end:
                kind = "person" if row.kind == "person" else "alias"
                found.append(Candidate(row.start, row.end, kind, row.person or row.text,
                                       row.actor))  # fmt: skip
        taken = [(c.start, c.end) for c in found]
        for regex, kind in ((_group_regex(), "group"), (_pronoun_regex(), "pronoun"),
                            (_NAME, "name")):  # fmt: skip
            for match in regex.finditer(text):
                s, e = start + match.start(), start + match.end()
                if any(a < e and s < b for a, b in taken):
                    continue
                label = _strip_titles(match.group()) if kind == "name" else match.group()
                if kind == "name" and not label:
                    continue
                owner = _owner(self.article, found, s) if kind == "group" else None
                if owner is not None:  # "China's foreign ministry": the group speaks for China
                    s, label = owner.start, self.article.text[owner.start : e]
                found.append(Candidate(s, e, kind, label, owner.actor if owner else None))
                taken.append((s, e))
        if self.surname_regex is not None:  # "Lin said", after "Lin Jian" earlier
            for match in self.surname_regex.finditer(text):
                s, e = start + match.start(), start + match.end()
                if not any(a < e and s < b for a, b in taken):
                    found.append(Candidate(s, e, "name", self.surnames[match.group()], None))
                    taken.append((s, e))
        return sorted(found, key=lambda c: c.start)


def _owner(article: Article, found: list[Candidate], group_start: int) -> Candidate | None:
    """The actor alias written as a possessive right before a group ("Japan’s ministry")."""
    for candidate in found:
        gap = article.text[candidate.end : group_start]
        if candidate.kind == "alias" and len(gap) <= 4 and _POSSESSIVE_GAP.fullmatch(gap):
            return candidate
    return None


@per_article
def _surnames(article: Article, dictionary: ActorDictionary) -> dict[str, str]:
    """Family name -> full name for the names outside the actor dictionary.

    A name is two or three capitalised words not covered by a dictionary mention
    (titles dropped). Its last word ("Smith" for John Smith) and its first word
    ("Lin" for Lin Jian: Chinese and Korean names put the family name first)
    later name the same person when they stand alone.
    """
    covered = Spans([(row.start, row.end) for row in mention_records(article, dictionary)])
    names: dict[str, str] = {}
    for match in _NAME.finditer(article.text):
        if covered.overlaps(match.start(), match.end()):
            continue
        name = _strip_titles(match.group())
        if " " in name:
            for part in (name.split()[-1], name.split()[0]):
                if not is_stopword(part.lower()) and part not in CALENDAR_WORDS:
                    names.setdefault(part, name)
    return names


class _Antecedents:
    """The last person (or name) and the last group named before a point of the text,
    kept up to date in one pass over the sentences (so pronoun resolution is linear)."""

    def __init__(self, context: _Context) -> None:
        self._context = context
        self._next_sentence = 0  # sentences before this one have been read
        self.last: dict[str, Candidate] = {}

    def before(self, offset: int) -> dict[str, Candidate]:
        """The last ``person`` (person or name) and ``group`` named before ``offset``."""
        sentences = self._context.article.sentences
        while (self._next_sentence < len(sentences)
               and sentences[self._next_sentence].end <= offset):  # fmt: skip
            sentence = sentences[self._next_sentence]
            self._remember(self._context.candidates(sentence.start, sentence.end))
            self._next_sentence += 1
        last = dict(self.last)
        if self._next_sentence < len(sentences):  # the part of the current sentence before it
            current = sentences[self._next_sentence]
            for candidate in self._context.candidates(current.start, offset):
                _note(last, candidate)
        return last

    def _remember(self, candidates: list[Candidate]) -> None:
        for candidate in candidates:
            _note(self.last, candidate)


def _note(last: dict[str, Candidate], candidate: Candidate) -> None:
    if candidate.kind in ("person", "name"):
        last["person"] = candidate
    elif candidate.kind == "group":
        last["group"] = candidate


# ---------------------------------------------------------------------------
# Quotes


def classify_quote(text: str, n_words: int) -> QuoteKind:
    """``direct``: a full sentence or more (opens with a capital, ends with ``.``, ``!`` or
    ``?``, or with a comma before the attribution, “It is over,” she said); ``term``: a
    fragment of four words or fewer that does not end a sentence, such as “2+2” or
    “extended deterrence,”; else ``partial``."""
    stripped = text.strip()
    opens_sentence = stripped[:1].isupper() or stripped[:1].isdigit()
    ends_sentence = stripped.endswith((".", "!", "?", "…"))
    if opens_sentence and (ends_sentence or (stripped.endswith(",") and n_words >= 3)):
        return "direct"
    return "term" if n_words <= 4 and not ends_sentence else "partial"


class Quote(NamedTuple):
    """One quoted span with its speaker (a row of :func:`unnest_quotes`)."""

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
    """One row per quoted span (quotes inside quotes are part of their outer quote).

    Columns: ``article_id``, ``quote`` (running number), ``kind``
    (direct/partial/term), ``speaker`` (full name or group, None when not
    attributed; never for terms), ``speaker_kind`` (person/name/group/alias, or
    ``pronoun>person`` when resolved from a pronoun), ``actor`` (the speaker's
    actor; a group gets the actor that owns it, "China's foreign ministry", or
    else the actors of the people named before it, joined by " & "), ``verb``
    (the speech verb), ``cue`` (the reporter's words from the speaker to the
    quote, the evidence), ``n_words``, ``first_sentence``,
    ``last_sentence``, ``paragraph``, ``start``, ``end``, ``text``.
    """
    return quote_table(article, dictionary).copy(deep=False)


def quote_table(article: Article, dictionary: ActorDictionary | None = None) -> pd.DataFrame:
    """:func:`unnest_quotes`, computed once per article (internal: no copy)."""
    return _quote_table(article, dictionary or load_actor_dictionary())


@per_article
def _quote_table(article: Article, dictionary: ActorDictionary) -> pd.DataFrame:
    return pd.DataFrame(_quotes(article, dictionary), columns=QUOTE_COLUMNS)


def quote_records(article: Article, dictionary: ActorDictionary | None = None) -> list[Quote]:
    """The rows of :func:`unnest_quotes`, computed once per article."""
    return _quotes(article, dictionary or load_actor_dictionary())


@per_article
def _quotes(article: Article, dictionary: ActorDictionary) -> list[Quote]:
    context = _Context(article, dictionary)
    antecedents = _Antecedents(context)
    people = [m for m in context.mentions if m.kind == "person"]
    actors_named: dict[str, None] = {}  # actors of the people named so far, in order
    next_person = 0
    rows = []
    spans = [s for s in article_quote_spans(article) if s.level == 1]
    previous_speaker: Candidate | None = None
    for number, span in enumerate(spans, start=1):
        inside = article.tokens_within(span.start, span.end)
        n_words = sum(t.kind != "punct" for t in inside)
        text = " ".join(article.text[span.start : span.end].split())
        kind = classify_quote(text, n_words)
        first = article.sentence_at(span.mark_start)
        last = article.sentence_at(max(span.mark_end - 1, span.mark_start))
        speaker = verb = cue = None
        if kind != "term":
            speaker, verb, cue = _attribute(context, first, last, span)
            if speaker and speaker.kind == "pronoun":
                speaker = _resolve_pronoun(antecedents, speaker, previous_speaker)
        while next_person < len(people) and people[next_person].start < span.start:
            actors_named[people[next_person].actor] = None
            next_person += 1
        actor = speaker.actor if speaker else None
        if speaker and speaker.kind == "group" and speaker.actor is None:
            actor = " & ".join(actors_named) or None
        if speaker and speaker.kind in ("person", "name", "pronoun>person"):
            previous_speaker = speaker
        rows.append(Quote(
            article.article_id, number, kind, speaker.label if speaker else None,
            speaker.kind if speaker else None, actor, verb, cue, n_words, first.index, last.index,
            first.paragraph, span.start, span.end, text,
        ))  # fmt: skip
    return rows


class Attribution(NamedTuple):
    """Who speaks a quote, the speech verb, and the reporter's words that say so."""

    speaker: Candidate | None
    verb: str | None
    cue: str | None


NO_ATTRIBUTION = Attribution(None, None, None)


def _attribute(context: _Context, first: Sentence, last: Sentence, span: QuoteSpan
               ) -> Attribution:  # fmt: skip
    """The speaker from the words before the quote in its sentence, else after it.

    Before: the last speech verb, and the nearest person, name, group or pronoun
    before it ("Austin noted ..., stating, “...”"); a country only right before
    the verb ("China said"). After: a speech verb within
    :data:`MAX_VERB_DISTANCE_AFTER` characters of the closing mark and the
    candidate nearest to it ("“...,” Lin said").
    """
    text = context.article.text
    found = list(_speech_verbs().finditer(text[first.start : span.mark_start]))
    if found:
        verb = found[-1]
        verb_start = first.start + verb.start()
        candidates = context.candidates(first.start, verb_start)
        speakers = [c for c in candidates if c.kind != "alias"] or [
            c for c in candidates if verb_start - c.end <= 2  # "China said"
        ]
        if speakers:
            speaker = speakers[-1]
            cue = " ".join(text[speaker.start : span.mark_start].split())
            return Attribution(speaker, verb.group(), cue)
    verb = _speech_verbs().search(text[span.mark_end : last.end])
    if verb and verb.start() <= MAX_VERB_DISTANCE_AFTER:
        candidates = context.candidates(span.mark_end, last.end)
        verb_at = span.mark_end + verb.start()
        if candidates:
            speaker = min(
                candidates, key=lambda c: min(abs(c.start - verb_at), abs(c.end - verb_at))
            )
            cue_end = max(speaker.end, verb_at + len(verb.group()))
            cue = " ".join(text[span.mark_end : cue_end].split())
            return Attribution(speaker, verb.group(), cue)
    return NO_ATTRIBUTION


def _resolve_pronoun(antecedents: _Antecedents, pronoun: Candidate,
                     previous_speaker: Candidate | None) -> Candidate:  # fmt: skip
    """A pronoun speaker becomes the last person named (or the last speaker) before it;
    "it" becomes the last group named."""
    last = antecedents.before(pronoun.start)
    chosen = last.get("group" if pronoun.label.lower() == "it" else "person") or previous_speaker
    if chosen is None:
        return pronoun
    return Candidate(pronoun.start, pronoun.end, f"pronoun>{chosen.kind}", chosen.label,
                     chosen.actor)  # fmt: skip


# ---------------------------------------------------------------------------
# Shares


class QuoteShare(NamedTuple):
    """Quotes and quoted words of one speaker or actor (a row of :func:`quote_share`)."""

    key: str
    quotes: int
    quoted_words: int
    quote_share: float
    word_share: float


def quote_share(article: Article, by: Literal["speaker", "actor"] = "speaker",
                dictionary: ActorDictionary | None = None) -> pd.DataFrame:  # fmt: skip
    """Quotes and quoted words per ``speaker`` or per ``actor``; terms in quotes excluded.

    Columns: the key (``speaker`` or ``actor``), ``quotes``, ``quoted_words``,
    ``quote_share``, ``word_share`` (of all attributed and unattributed quotes;
    ``(unattributed)`` as key means not attributed). Most quoted words first.
    """
    rows = quote_share_records(article, by, dictionary)
    return pd.DataFrame(rows, columns=[by, *QuoteShare._fields[1:]])


def quote_share_records(article: Article, by: Literal["speaker", "actor"] = "speaker",
                        dictionary: ActorDictionary | None = None) -> list[QuoteShare]:  # fmt: skip
    """The rows of :func:`quote_share`."""
    if by not in ("speaker", "actor"):
        raise ValueError(f"by must be speaker or actor, not {by!r}")
    counts: dict[str, list[int]] = {}
    for row in quote_records(article, dictionary):
        if row.kind != "term":
            key = (row.speaker if by == "speaker" else row.actor) or UNATTRIBUTED
            tally = counts.setdefault(key, [0, 0])
            tally[0] += 1
            tally[1] += row.n_words
    n_quotes = sum(q for q, _ in counts.values())
    n_words = sum(w for _, w in counts.values())
    ranked = sorted(counts.items(), key=lambda item: (-item[1][1], item[0]))
    return [QuoteShare(key, q, w, q / max(n_quotes, 1), w / max(n_words, 1))
            for key, (q, w) in ranked]  # fmt: skip


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
    "Attribution",
    "Candidate",
    "Mention",
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
