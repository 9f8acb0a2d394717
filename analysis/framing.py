"""Framing: who is in the story, who gets to speak, which frames carry it.

Three parts, each a tidy table with its evidence:

- **Actors** (:func:`unnest_actor_mentions`, :func:`actor_salience`): mentions of
  the actors of a dictionary (``analysis/data/actors.tsv``, or your own),
  matched on whole words, longest pattern first, so that "South China Sea" is
  not China. :func:`suggest_actors` lists capitalised phrases the dictionary
  does not cover.
- **Quoted voices** (:func:`unnest_quotes`, :func:`voice_share`): every quoted
  span, classified as ``direct`` (a full sentence or more), ``partial`` (a
  fragment inside the reporter's sentence) or ``term`` (a short phrase in
  quotation marks), and attributed to a speaker from speech verbs and the names
  nearby (``analysis/data/speech_verbs.txt``, ``speakers.tsv``).
- **Frames** (:func:`sentence_frames`, :func:`actor_frames`,
  :func:`problem_and_remedy`): the news frames of Semetko and Valkenburg (2000)
  adapted to security reporting (``analysis/data/frames.tsv``); per actor, the
  frames and tone of the sentences that mention it; and, after Entman (1993),
  which actor the article's vocabulary casts as the problem and which as the
  remedy.

References: Entman, R. M. (1993). Framing: toward clarification of a fractured
paradigm. *Journal of Communication* 43(4), 51–58. Semetko, H. A. and
Valkenburg, P. M. (2000). Framing European politics: a content analysis of press
and television news. *Journal of Communication* 50(2), 93–109.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd

from analysis.article import Article, Sentence
from analysis.datafiles import data_path, parse_entries, read_entries
from analysis.errors import LexiconError
from analysis.lexicon import (
    Lexicon,
    lexicon_matches,
    matchable_words,
    read_lexicon,
)
from analysis.quotes import QuoteSpan, article_quote_spans
from analysis.sentiment import sentence_sentiment
from analysis.terms import is_stopword

ACTOR_KINDS = ("alias", "person", "exclude")
#: Frames a problem is named in, and frames a remedy is named in (Entman 1993).
PROBLEM_FRAMES = ("conflict_threat",)
REMEDY_FRAMES = ("cooperation_alliance", "responsibility")
#: A role needs at least this many words: one word near an actor is not a pattern.
MIN_ROLE_WORDS = 2


# ---------------------------------------------------------------------------
# The actor dictionary


@dataclass(frozen=True)
class ActorEntry:
    """One pattern of the actor dictionary; ``person`` is the full name for people."""

    pattern: str
    actor: str
    kind: str
    why: str
    person: str = ""


@dataclass(frozen=True)
class ActorDictionary:
    """Patterns naming actors, with a regular expression matching all of them."""

    name: str
    entries: tuple[ActorEntry, ...]
    _by_pattern: dict[str, ActorEntry] = field(init=False, repr=False, compare=False)
    _regex: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        patterns = sorted((e.pattern for e in self.entries), key=len, reverse=True)
        alternation = "|".join(re.escape(p) for p in patterns)
        object.__setattr__(self, "_by_pattern", {e.pattern: e for e in self.entries})
        # Whole words only, longest pattern first: "South China Sea" before "China".
        object.__setattr__(self, "_regex", re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"))

    @property
    def actors(self) -> list[str]:
        """Actors in the order the file lists them (excluded-only names left out)."""
        return list(dict.fromkeys(e.actor for e in self.entries if e.kind != "exclude"))

    def lookup(self, matched: str) -> ActorEntry:
        return self._by_pattern[matched]

    def regex(self) -> re.Pattern[str]:
        return self._regex


def parse_actor_dictionary(text: str, *, name: str) -> ActorDictionary:
    """Parse ``pattern<TAB>actor<TAB>kind<TAB>why`` lines (see ``actors.tsv``).

    A person's surname is added as a pattern of its own unless the file already
    uses it. Raises :class:`LexiconError` on an unknown kind, an empty field or
    a duplicate pattern.
    """
    entries: dict[str, ActorEntry] = {}
    for number, (pattern, actor, kind, why) in enumerate(
        parse_entries(text, 4, source=name), start=1
    ):
        where = f"{name}, entry {number} ({pattern!r})"
        if kind not in ACTOR_KINDS:
            raise LexiconError(f"{where}: kind must be one of {', '.join(ACTOR_KINDS)}")
        if not (pattern and actor and why):
            raise LexiconError(f"{where}: pattern, actor and why are required")
        if pattern in entries:
            raise LexiconError(f"{where}: duplicate pattern")
        entries[pattern] = ActorEntry(
            pattern, actor, kind, why, pattern if kind == "person" else ""
        )
    for entry in list(entries.values()):
        surname = entry.pattern.split()[-1]
        if entry.kind == "person" and surname not in entries:
            entries[surname] = ActorEntry(surname, entry.actor, "person",
                                          f"surname of {entry.pattern}", entry.pattern)  # fmt: skip
    if not entries:
        raise LexiconError(f"{name}: the actor dictionary has no entries")
    return ActorDictionary(name, tuple(entries.values()))


@cache
def load_actor_dictionary(path: str | Path | None = None) -> ActorDictionary:
    """The shipped actor dictionary, or a file of your own in the same format."""
    path = Path(path) if path else data_path("actors.tsv")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise LexiconError(f"{path}: cannot read the actor dictionary ({error})") from error
    return parse_actor_dictionary(text, name=path.name)


# ---------------------------------------------------------------------------
# Actors


def _in_quote(spans: list[QuoteSpan], offset: int) -> bool:
    return any(s.level == 1 and s.start <= offset < s.end for s in spans)


def unnest_actor_mentions(article: Article, dictionary: ActorDictionary | None = None
                          ) -> pd.DataFrame:  # fmt: skip
    """One row per actor mention in the headline and body.

    Columns: ``article_id``, ``actor``, ``kind`` (alias/person), ``person``
    (full name, for people), ``text`` (as written), ``sentence``, ``paragraph``,
    ``part``, ``in_quote`` (inside quotation marks), ``start``, ``end``.
    Names listed as ``exclude`` (South China Sea) are never mentions.
    """
    return _mentions(article, dictionary).copy(deep=False)


class Mention(NamedTuple):
    """One actor mention (a row of :func:`unnest_actor_mentions`)."""

    article_id: str
    actor: str
    kind: str
    person: str
    text: str
    sentence: int
    paragraph: int
    part: str
    in_quote: bool
    start: int
    end: int


MENTION_COLUMNS = list(Mention._fields)


def _mentions(article: Article, dictionary: ActorDictionary | None = None) -> pd.DataFrame:
    """:func:`unnest_actor_mentions`, computed once per article (internal: no copy)."""
    dictionary = dictionary or load_actor_dictionary()
    return article.cached(
        f"mentions-table:{id(dictionary)}",
        lambda: pd.DataFrame(_mention_records(article, dictionary), columns=MENTION_COLUMNS),
    )


def _mention_records(article: Article, dictionary: ActorDictionary | None = None
                     ) -> list[Mention]:  # fmt: skip
    """The actor mentions of the headline and body, computed once per article."""
    dictionary = dictionary or load_actor_dictionary()

    def compute() -> list[Mention]:
        spans = article_quote_spans(article)
        rows = []
        for sentence in article.sentences:
            for match in dictionary.regex().finditer(sentence.text):
                entry = dictionary.lookup(match.group())
                if entry.kind == "exclude":
                    continue
                start, end = sentence.start + match.start(), sentence.start + match.end()
                in_quote = _in_quote(spans, start)
                rows.append(Mention(article.article_id, entry.actor, entry.kind, entry.person,
                                    match.group(), sentence.index, sentence.paragraph,
                                    sentence.part, in_quote, start, end))  # fmt: skip
        return rows

    return article.cached(f"mentions:{id(dictionary)}", compute)


def actor_salience(article: Article, dictionary: ActorDictionary | None = None) -> pd.DataFrame:
    """One row per actor mentioned, most mentioned first.

    Columns: ``actor``, ``mentions``, ``mentions_headline``, ``mentions_body``,
    ``first_sentence`` (0 = headline), ``first_offset`` (character offset of the
    first mention), ``n_sentences`` (body sentences that mention it),
    ``sentence_share`` (of all body sentences), ``sentences`` (their indices).
    """
    return _salience(article, dictionary).copy(deep=False)


SALIENCE_COLUMNS = [
    "actor", "mentions", "mentions_headline", "mentions_body", "first_sentence",
    "first_offset", "n_sentences", "sentence_share", "sentences",
]  # fmt: skip


def _salience(article: Article, dictionary: ActorDictionary | None) -> pd.DataFrame:
    return article.cached(
        f"salience-table:{id(dictionary)}",
        lambda: pd.DataFrame(_salience_records(article, dictionary), columns=SALIENCE_COLUMNS),
    )


def _salience_records(article: Article, dictionary: ActorDictionary | None) -> list[tuple]:
    """The rows of :func:`actor_salience` (in :data:`SALIENCE_COLUMNS` order), computed once."""
    return article.cached(f"salience:{id(dictionary)}",
                          lambda: _actor_salience(article, dictionary))  # fmt: skip


def actors_by_salience(article: Article, dictionary: ActorDictionary | None = None
                       ) -> list[str]:  # fmt: skip
    """The actors mentioned, most mentioned first (the ``actor`` column of
    :func:`actor_salience`)."""
    return [row[0] for row in _salience_records(article, dictionary)]


def _actor_salience(article: Article, dictionary: ActorDictionary | None) -> list[tuple]:
    mentions = _mention_records(article, dictionary)
    n_body = max(len(article.body_sentences), 1)
    stats: dict[str, dict[str, Any]] = {}
    for m in mentions:
        new = {"mentions": 0, "headline": 0, "first_sentence": m.sentence,
               "first_offset": m.start, "sentences": set()}  # fmt: skip
        actor = stats.setdefault(m.actor, new)
        actor["mentions"] += 1
        if m.part == "headline":
            actor["headline"] += 1
        else:
            actor["sentences"].add(m.sentence)
        actor["first_sentence"] = min(actor["first_sentence"], m.sentence)
        actor["first_offset"] = min(actor["first_offset"], m.start)
    rows = [
        (name, a["mentions"], a["headline"], a["mentions"] - a["headline"], a["first_sentence"],
         a["first_offset"], len(a["sentences"]), len(a["sentences"]) / n_body,
         sorted(a["sentences"]))
        for name, a in stats.items()
    ]  # fmt: skip
    return sorted(rows, key=lambda row: (-row[1], row[5]))  # most mentioned, then first seen


_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*")
_CALENDAR = frozenset(calendar.month_name[1:]) | frozenset(calendar.day_name)


def suggest_actors(article: Article, dictionary: ActorDictionary | None = None) -> pd.DataFrame:
    """Capitalised phrases of the body that the actor dictionary does not cover.

    A single capitalised word that opens a sentence is skipped unless it also
    appears capitalised inside a sentence; month and day names are skipped.
    Columns: ``phrase``, ``count``, ``sentences``. Candidates, not verdicts.
    """
    dictionary = dictionary or load_actor_dictionary()
    covered = _Spans([  # every dictionary name, the excluded ones (South China Sea) included
        (sentence.start + m.start(), sentence.start + m.end())
        for sentence in article.body_sentences
        for m in dictionary.regex().finditer(sentence.text)
    ])  # fmt: skip
    found: dict[str, list[int]] = {}
    inner: set[str] = set()
    for sentence in article.body_sentences:
        for match in _CAPITALISED.finditer(sentence.text):
            phrase = re.sub(r"['’]s$", "", match.group().rstrip(".,"))
            start = sentence.start + match.start()
            end = start + len(phrase)
            if (covered.overlaps(start, end) or phrase in _CALENDAR
                    or is_stopword(phrase.lower())):  # fmt: skip
                continue
            if match.start() > 0:
                inner.add(phrase)
            found.setdefault(phrase, []).append(sentence.index)
    rows = [(phrase, len(where), sorted(set(where))) for phrase, where in found.items()
            if " " in phrase or phrase in inner]  # fmt: skip
    table = pd.DataFrame(rows, columns=["phrase", "count", "sentences"])
    return table.sort_values(["count", "phrase"], ascending=[False, True], ignore_index=True)


# ---------------------------------------------------------------------------
# Quoted voices


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


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    kind: str  # person, name, group, pronoun, alias
    label: str  # the speaker's name as reported
    actor: str | None


MentionRows = list["Mention"]


def _candidates(article: Article, mentions: MentionRows, start: int, end: int
                ) -> list[_Candidate]:  # fmt: skip
    """Possible speakers whose text lies in ``article.text[start:end]``."""
    text = article.text[start:end]
    found = []
    for row in mentions:
        if row.start >= start and row.end <= end:
            kind = "person" if row.kind == "person" else "alias"
            found.append(_Candidate(row.start, row.end, kind, row.person or row.text, row.actor))
    taken = [(c.start, c.end) for c in found]
    for regex, kind in ((_group_regex(), "group"), (_pronoun_regex(), "pronoun"), (_NAME, "name")):
        for match in regex.finditer(text):
            s, e = start + match.start(), start + match.end()
            if any(a < e and s < b for a, b in taken):
                continue
            label = _strip_titles(match.group()) if kind == "name" else match.group()
            if kind == "name" and not label:
                continue
            owner = _owner(article, found, s) if kind == "group" else None
            if owner is not None:  # "China's foreign ministry": the group speaks for China
                s, label = owner.start, article.text[owner.start : e]
            found.append(_Candidate(s, e, kind, label, owner.actor if owner else None))
            taken.append((s, e))
    surnames = _surnames(article, mentions)
    if surnames:  # "Lin said", after "Lin Jian" earlier in the article
        pattern = re.compile(rf"\b(?:{'|'.join(map(re.escape, surnames))})\b")
        for match in pattern.finditer(text):
            s, e = start + match.start(), start + match.end()
            if not any(a < e and s < b for a, b in taken):
                found.append(_Candidate(s, e, "name", surnames[match.group()], None))
                taken.append((s, e))
    return sorted(found, key=lambda c: c.start)


class _Spans:
    """Character spans, asked whether any of them overlaps a range (by bisection)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self._starts = [start for start, _ in spans]
        self._max_ends = list(accumulate((end for _, end in spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span starts before ``end`` and ends after ``start``."""
        before = bisect_left(self._starts, end)  # spans starting before ``end``
        return before > 0 and self._max_ends[before - 1] > start


def _surnames(article: Article, mentions: MentionRows) -> dict[str, str]:
    """Family name -> full name for the names outside the actor dictionary.

    A name is two or three capitalised words not covered by a dictionary mention
    (titles dropped). Its last word ("Smith" for John Smith) and its first word
    ("Lin" for Lin Jian: Chinese and Korean names put the family name first)
    later name the same person when they stand alone.
    """

    def compute() -> dict[str, str]:
        covered = _Spans([(row.start, row.end) for row in mentions])
        names: dict[str, str] = {}
        for match in _NAME.finditer(article.text):
            if covered.overlaps(match.start(), match.end()):
                continue
            name = _strip_titles(match.group())
            if " " in name:
                for part in (name.split()[-1], name.split()[0]):
                    if not is_stopword(part.lower()) and part not in _CALENDAR:
                        names.setdefault(part, name)
        return names

    return article.cached("surnames", compute)


_POSSESSIVE_GAP = re.compile(r"['’]s\s+$")


def _owner(article: Article, found: list[_Candidate], group_start: int) -> _Candidate | None:
    """The actor alias written as a possessive right before a group ("Japan’s ministry")."""
    for candidate in found:
        gap = article.text[candidate.end : group_start]
        if candidate.kind == "alias" and len(gap) <= 4 and _POSSESSIVE_GAP.fullmatch(gap):
            return candidate
    return None


def _strip_titles(name: str) -> str:
    for title in _speaker_words()["title"]:
        if name.startswith(title + " "):
            return name[len(title) + 1 :]
    return "" if name in _speaker_words()["title"] else name


def classify_quote(text: str, n_words: int) -> str:
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


QUOTE_COLUMNS = [
    "article_id", "quote", "kind", "speaker", "speaker_kind", "actor", "verb", "cue", "n_words",
    "first_sentence", "last_sentence", "paragraph", "start", "end", "text",
]  # fmt: skip


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
    return _quotes(article, dictionary).copy(deep=False)


def _quotes(article: Article, dictionary: ActorDictionary | None) -> pd.DataFrame:
    dictionary = dictionary or load_actor_dictionary()
    return article.cached(
        f"quotes-table:{id(dictionary)}",
        lambda: pd.DataFrame(_quote_records(article, dictionary), columns=QUOTE_COLUMNS),
    )


def _quote_records(article: Article, dictionary: ActorDictionary | None) -> list[tuple]:
    """The rows of :func:`unnest_quotes` (in :data:`QUOTE_COLUMNS` order), computed once."""
    dictionary = dictionary or load_actor_dictionary()
    return article.cached(f"quotes:{id(dictionary)}",
                          lambda: _unnest_quotes(article, dictionary))  # fmt: skip


def _sentence_at(article: Article, offset: int) -> Sentence:
    for sentence in article.sentences:
        if sentence.start <= offset < sentence.end or offset < sentence.start:
            return sentence
    return article.sentences[-1]


def _unnest_quotes(article: Article, dictionary: ActorDictionary) -> list[tuple]:
    mentions = _mention_records(article, dictionary)
    people = [m for m in mentions if m.kind == "person"]
    verbs = _speech_verbs()
    rows = []
    spans = [s for s in article_quote_spans(article) if s.level == 1]
    previous_speaker: _Candidate | None = None
    for number, span in enumerate(spans, start=1):
        inside = article.tokens_within(span.start, span.end)
        n_words = sum(t.kind != "punct" for t in inside)
        text = " ".join(article.text[span.start : span.end].split())
        kind = classify_quote(text, n_words)
        first = _sentence_at(article, span.mark_start)
        last = _sentence_at(article, max(span.mark_end - 1, span.mark_start))
        speaker = verb = cue = None
        if kind != "term":
            speaker, verb, cue = _attribute(article, mentions, verbs, first, last, span)
            if speaker and speaker.kind == "pronoun":
                speaker = _resolve_pronoun(article, mentions, speaker, previous_speaker)
        actor = speaker.actor if speaker else None
        if speaker and speaker.kind == "group" and speaker.actor is None:
            named = [m.actor for m in people if m.start < span.start]
            actor = " & ".join(dict.fromkeys(named)) or None
        if speaker and speaker.kind in ("person", "name", "pronoun>person"):
            previous_speaker = speaker
        rows.append((
            article.article_id, number, kind, speaker.label if speaker else None,
            speaker.kind if speaker else None, actor, verb, cue, n_words, first.index, last.index,
            first.paragraph, span.start, span.end, text,
        ))  # fmt: skip
    return rows


Attribution = tuple[_Candidate | None, str | None, str | None]


def _attribute(article: Article, mentions: MentionRows, verbs: re.Pattern[str],
               first: Sentence, last: Sentence, span: QuoteSpan) -> Attribution:  # fmt: skip
    """(speaker, verb, cue) from the words before the quote in its sentence, else after it.

    Before: the last speech verb, and the nearest person, name, group or pronoun
    before it ("Austin noted ..., stating, “...”"); a country only right before
    the verb ("China said"). After: a speech verb within 40 characters of the
    closing mark and the candidate nearest to it ("“...,” Lin said").
    """
    before = article.text[first.start : span.mark_start]
    found = list(verbs.finditer(before))
    if found:
        verb = found[-1]
        verb_start = first.start + verb.start()
        candidates = _candidates(article, mentions, first.start, verb_start)
        speakers = [c for c in candidates if c.kind != "alias"] or [
            c
            for c in candidates
            if verb_start - c.end <= 2  # "China said"
        ]
        if speakers:
            speaker = speakers[-1]
            return (
                speaker,
                verb.group(),
                " ".join(article.text[speaker.start : span.mark_start].split()),
            )
    after_end = last.end
    after = article.text[span.mark_end : after_end]
    verb = verbs.search(after)
    if verb and verb.start() <= 40:
        candidates = _candidates(article, mentions, span.mark_end, after_end)
        verb_at = span.mark_end + verb.start()
        if candidates:
            speaker = min(
                candidates, key=lambda c: min(abs(c.start - verb_at), abs(c.end - verb_at))
            )
            return (
                speaker,
                verb.group(),
                " ".join(
                    article.text[
                        span.mark_end : max(speaker.end, verb_at + len(verb.group()))
                    ].split()
                ),
            )
    return None, None, None


def _resolve_pronoun(article: Article, mentions: MentionRows, pronoun: _Candidate,
                     previous_speaker: _Candidate | None) -> _Candidate:  # fmt: skip
    """A pronoun speaker becomes the last person named (or the last speaker) before it."""
    earlier = _candidates(article, mentions, 0, pronoun.start)
    wanted = ("group",) if pronoun.label.lower() == "it" else ("person", "name")
    earlier = [c for c in earlier if c.kind in wanted]
    if earlier:
        chosen = earlier[-1]
    elif previous_speaker is not None:
        chosen = previous_speaker
    else:
        return pronoun
    return _Candidate(
        pronoun.start, pronoun.end, f"pronoun>{chosen.kind}", chosen.label, chosen.actor
    )


def voice_share(article: Article, by: str = "speaker", dictionary: ActorDictionary | None = None
                ) -> pd.DataFrame:  # fmt: skip
    """Quotes and quoted words per ``speaker`` or per ``actor``; terms in quotes excluded.

    Columns: the key, ``quotes``, ``quoted_words``, ``quote_share``,
    ``word_share`` (of all attributed and unattributed quotes; None as key means
    not attributed). Most quoted words first.
    """
    rows = _voice_records(article, by, dictionary)
    return pd.DataFrame(rows, columns=[by, "quotes", "quoted_words", "quote_share",
                                       "word_share"])  # fmt: skip


def _voice_records(article: Article, by: str, dictionary: ActorDictionary | None
                   ) -> list[tuple[str, int, int, float, float]]:  # fmt: skip
    """The rows of :func:`voice_share`: key, quotes, quoted words and their shares."""
    if by not in ("speaker", "actor"):
        raise ValueError(f"by must be speaker or actor, not {by!r}")
    key_at, kind_at, words_at = (QUOTE_COLUMNS.index(c) for c in (by, "kind", "n_words"))
    voices: dict[str, list[int]] = {}
    for row in _quote_records(article, dictionary):
        if row[kind_at] != "term":
            counts = voices.setdefault(row[key_at] or "(unattributed)", [0, 0])
            counts[0] += 1
            counts[1] += row[words_at]
    n_quotes = sum(q for q, _ in voices.values())
    n_words = sum(w for _, w in voices.values())
    ranked = sorted(voices.items(), key=lambda item: (-item[1][1], item[0]))
    return [(key, q, w, q / max(n_quotes, 1), w / max(n_words, 1)) for key, (q, w) in ranked]


def quote_counts(article: Article, dictionary: ActorDictionary | None = None) -> dict[str, int]:
    """Quoted spans per kind: ``direct``, ``partial`` and ``term`` (zero included)."""
    kind_at = QUOTE_COLUMNS.index("kind")
    kinds = Counter(row[kind_at] for row in _quote_records(article, dictionary))
    return {kind: kinds[kind] for kind in ("direct", "partial", "term")}


def most_quoted_actor(article: Article, dictionary: ActorDictionary | None = None) -> str | None:
    """The actor with the most quoted words (the first attributed row of
    ``voice_share(article, "actor")``), or None when no quote is attributed."""
    for key, *_ in _voice_records(article, "actor", dictionary):
        if key != "(unattributed)":
            return key
    return None


def unquoted_actors(article: Article, dictionary: ActorDictionary | None = None) -> list[str]:
    """Actors the article mentions but never quotes (a group quote counts for each of its
    actors), in order of salience."""
    quoted: set[str] = set()
    for actor in _quotes(article, dictionary)["actor"].dropna():
        quoted.update(actor.split(" & "))
    return [a for a in actors_by_salience(article, dictionary) if a not in quoted]


# ---------------------------------------------------------------------------
# Frames


@cache
def load_frames(path: str | Path | None = None) -> Lexicon:
    """The shipped frame lexicon (``frames.tsv``) or your own: ``term<TAB>frame<TAB>why``."""
    return read_lexicon(path or data_path("frames.tsv"), weighted=False)


def unnest_frame_triggers(article: Article, frames: Lexicon | None = None) -> pd.DataFrame:
    """One row per frame word found: ``sentence``, ``part``, ``frame``, ``term`` (the
    lexicon entry), ``text`` (as written), ``start``, ``end``."""
    return _triggers(article, frames).copy(deep=False)


class Trigger(NamedTuple):
    """One frame word found (a row of :func:`unnest_frame_triggers`)."""

    sentence: int
    part: str
    frame: str
    term: str
    text: str
    start: int
    end: int


TRIGGER_COLUMNS = list(Trigger._fields)


def _triggers(article: Article, frames: Lexicon | None = None) -> pd.DataFrame:
    frames = frames or load_frames()
    return article.cached(
        f"frames-table:{id(frames)}",
        lambda: pd.DataFrame(_trigger_records(article, frames), columns=TRIGGER_COLUMNS),
    )


def _trigger_records(article: Article, frames: Lexicon | None = None) -> list[Trigger]:
    """The frame words of the headline and body, computed once per article."""
    frames = frames or load_frames()

    def compute() -> list[Trigger]:
        matchable = matchable_words(article)
        rows = []
        for sentence in article.sentences:
            tokens, words = matchable.get(sentence.index, ([], []))
            for position, entry in lexicon_matches(words, frames):
                start = tokens[position].start
                end = tokens[position + len(entry.words) - 1].end
                rows.append(Trigger(sentence.index, sentence.part, entry.category, entry.term,
                                    article.text[start:end], start, end))  # fmt: skip
        return rows

    return article.cached(f"frames:{id(frames)}", compute)


def sentence_frames(article: Article, frames: Lexicon | None = None) -> pd.DataFrame:
    """One row per sentence: a column per frame (words found), ``dominant_frame`` (most
    words; ties in lexicon order; None without any), ``triggers`` (``frame: words``), ``text``."""
    frames = frames or load_frames()
    triggers = _triggers(article, frames)
    names = frames.categories
    counts = triggers.pivot_table(index="sentence", columns="frame", values="term",
                                  aggfunc="count", fill_value=0)  # fmt: skip
    counts = counts.reindex(index=[s.index for s in article.sentences], columns=names,
                            fill_value=0).astype(int)  # fmt: skip
    table = counts.reset_index().rename_axis(columns=None)
    table.insert(1, "part", [s.part for s in article.sentences])
    table["dominant_frame"] = [
        None if row.max() == 0 else row.idxmax() for _, row in counts.iterrows()
    ]
    words = triggers.groupby("sentence").apply(
        lambda g: "; ".join(f"{f}: {', '.join(g.loc[g['frame'] == f, 'text'])}"
                            for f in dict.fromkeys(g["frame"])),
        include_groups=False,
    )  # fmt: skip
    table["triggers"] = table["sentence"].map(words).fillna("")
    table["text"] = [" ".join(s.text.split()) for s in article.sentences]
    return table


def frame_totals(article: Article, frames: Lexicon | None = None) -> dict[str, int]:
    """Frame words in the body, per frame (every frame of the lexicon, zero included)."""
    frames = frames or load_frames()
    body = Counter(t.frame for t in _trigger_records(article, frames) if t.part == "body")
    return {name: body[name] for name in frames.categories}


# ---------------------------------------------------------------------------
# Actors and frames, actors and tone


def _actor_sentences(article: Article, dictionary: ActorDictionary | None) -> pd.DataFrame:
    mentions = _mentions(article, dictionary)
    body = mentions[mentions["part"] == "body"]
    return body[["actor", "sentence"]].drop_duplicates()


def actor_frames(article: Article, *, dictionary: ActorDictionary | None = None,
                 frames: Lexicon | None = None) -> pd.DataFrame:  # fmt: skip
    """Actor × frame: how many body sentences mentioning the actor use the frame.

    Index: actor (by salience); columns: the frames.
    """
    frames = frames or load_frames()
    pairs = _actor_sentences(article, dictionary)
    per_sentence = sentence_frames(article, frames).set_index("sentence")[frames.categories]
    joined = pairs.join(per_sentence.gt(0).astype(int), on="sentence")
    table = joined.groupby("actor")[frames.categories].sum()
    order = [a for a in actors_by_salience(article, dictionary) if a in table.index]
    return table.reindex(order)


def actor_tone(article: Article, *, dictionary: ActorDictionary | None = None) -> pd.DataFrame:
    """Tone of the body sentences that mention each actor.

    Columns: ``actor``, ``n_sentences``, ``mean_compound`` (VADER),
    ``mean_domain_tone`` (security lexicon), ``sentences``.
    """
    pairs = _actor_sentences(article, dictionary)
    table = sentence_sentiment(article)
    tone = dict(zip(table["sentence"], zip(table["compound"], table["domain_tone"], strict=True),
                    strict=True))  # fmt: skip
    per_actor: dict[str, list[int]] = {}
    for actor, sentence in zip(pairs["actor"], pairs["sentence"], strict=True):
        per_actor.setdefault(actor, []).append(sentence)
    rows = []
    for actor in actors_by_salience(article, dictionary):
        sentences = sorted(per_actor.get(actor, []))
        if not sentences:
            continue
        compound = sum(tone[s][0] for s in sentences) / len(sentences)
        domain = sum(tone[s][1] for s in sentences) / len(sentences)
        rows.append((actor, len(sentences), round(compound, 4), round(domain, 4), sentences))
    return pd.DataFrame(rows, columns=["actor", "n_sentences", "mean_compound",
                                       "mean_domain_tone", "sentences"])  # fmt: skip


def problem_and_remedy(article: Article, *, dictionary: ActorDictionary | None = None,
                       frames: Lexicon | None = None) -> pd.DataFrame:  # fmt: skip
    """Which actor the article's vocabulary casts as the problem, which as the remedy.

    After Entman (1993): a frame defines a problem and suggests a remedy. Each
    frame word of a sentence is assigned to the nearest actor mention in that
    sentence (by characters; ties to each). Words of :data:`PROBLEM_FRAMES`
    count toward the actor as problem, words of :data:`REMEDY_FRAMES` as remedy.
    ``role`` is ``problem`` or ``remedy`` when one count is larger and at least
    :data:`MIN_ROLE_WORDS`, ``mixed`` when both are equal and that large, else
    ``unclear``. Columns: ``actor``, ``problem_words``,
    ``remedy_words``, ``role``, ``problem_evidence`` and ``remedy_evidence``
    (``sentence: word`` pairs), ``problem_sentences``, ``remedy_sentences``.
    """
    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    for m in _mention_records(article, dictionary):
        by_sentence.setdefault(m.sentence, []).append((m.start, m.end, m.actor))
    evidence: dict[str, dict[str, list[tuple[int, str]]]] = {}
    for trigger in _trigger_records(article, frames):
        side = ("problem" if trigger.frame in PROBLEM_FRAMES
                else "remedy" if trigger.frame in REMEDY_FRAMES else None)  # fmt: skip
        candidates = by_sentence.get(trigger.sentence, [])
        if side is None or not candidates:
            continue
        distances = [max(start - trigger.end, 0) + max(trigger.start - end, 0)
                     for start, end, _ in candidates]  # fmt: skip
        nearest = min(distances)
        tied = [actor for (_, _, actor), d in zip(candidates, distances, strict=True)
                if d == nearest]  # fmt: skip
        for actor in dict.fromkeys(tied):
            sides = evidence.setdefault(actor, {"problem": [], "remedy": []})
            sides[side].append((trigger.sentence, trigger.text))
    rows = []
    for actor in actors_by_salience(article, dictionary):
        sides = evidence.get(actor, {"problem": [], "remedy": []})
        problem, remedy = len(sides["problem"]), len(sides["remedy"])
        role = ("unclear" if max(problem, remedy) < MIN_ROLE_WORDS else "problem"
                if problem > remedy else "remedy" if remedy > problem else "mixed")  # fmt: skip
        rows.append((
            actor, problem, remedy, role,
            ", ".join(f"{s}: {w}" for s, w in sides["problem"]),
            ", ".join(f"{s}: {w}" for s, w in sides["remedy"]),
            sorted({s for s, _ in sides["problem"]}), sorted({s for s, _ in sides["remedy"]}),
        ))  # fmt: skip
    columns = ["actor", "problem_words", "remedy_words", "role", "problem_evidence",
               "remedy_evidence", "problem_sentences", "remedy_sentences"]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def framing_summary(article: Article, *, dictionary: ActorDictionary | None = None
                    ) -> dict[str, object]:  # fmt: skip
    """The CLI's ``quotes``, ``actors`` and ``frames`` (schema in the README)."""
    quotes = _quotes(article, dictionary)
    salience = _salience(article, dictionary).set_index("actor")
    tone = actor_tone(article, dictionary=dictionary).set_index("actor")
    voices = voice_share(article, "actor", dictionary)
    per_actor: dict[str, list[int]] = {}
    for row in voices.itertuples(index=False):
        for actor in str(row.actor).split(" & "):
            counts = per_actor.setdefault(actor, [0, 0])
            counts[0] += int(row.quotes)
            counts[1] += int(row.quoted_words)
    return {
        "quotes": [
            {"text": q.text, "kind": q.kind, "speaker": q.speaker, "actor": q.actor}
            for q in quotes.itertuples(index=False)
        ],
        "actors": [
            {
                "actor": actor,
                "mentions": int(salience.loc[actor, "mentions"]),
                "quotes": per_actor.get(actor, [0, 0])[0],
                "quoted_words": per_actor.get(actor, [0, 0])[1],
                "mean_compound": (float(tone.loc[actor, "mean_compound"])
                                  if actor in tone.index else None),
            }
            for actor in salience.index
        ],
        "frames": frame_totals(article),
    }  # fmt: skip
