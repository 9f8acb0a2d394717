"""Who speaks: speech cues, speaker phrases, and the names they resolve to.

Transparent rules over the article's tokens, in the order a reader applies them:

1. **Cues.** A speech verb (``analysis/data/speech_verbs.txt``) before or after
   the quote in its sentence: ``X said, “...”``, ``“...,” said X``, ``“...,” X
   said``, ``according to X``, ``X described it as “...”``; a colon after a
   sentence that names its subject (``X spoke of Y: “...”``); a speaker label
   that opens a paragraph of an interview (``NG: ...``).
2. **Speaker phrases.** The subject of the verb, skipping adverbs, an
   apposition (``Nancy Pelosi, the Speaker of the House, said``) and an
   organisation it belongs to (``George Kimbrell of the Center for Food Safety
   said``); or, after an inverted verb (``said Lt. Gen. Sean B. MacFarland,
   commander of ...``), the phrase that follows. Role words
   (``analysis/data/roles.txt``) and places are stripped from a name and kept
   as its context; a phrase holding an organisation word
   (``organisation_words.txt``) is an organisation.
3. **Resolution.** A surname, a name without its diacritics, initials (``NG``)
   or a role (``the commissioner``) resolve to the full name introduced earlier;
   ``he``/``she`` to the last person named, ``it``/``they`` to the last
   organisation or group.
4. **No cue.** A quote with no cue of its own takes the speaker of the quote
   before it in the same or the previous paragraph when nothing intervenes
   (``“...,” she said. “...”``), or of a sentence ending in a colon before it.

Everything is linear in the article's length: each sentence's tokens are read
a bounded number of times, and names are looked up in dictionaries.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import compress
from operator import attrgetter, itemgetter
from typing import Literal, NamedTuple

from analysis.article import Article, Token
from analysis.datafiles import read_entries
from analysis.framing.places import place_of
from analysis.memo import WORD_CACHE_SIZE, per_article, word_cache
from analysis.terms import stopwords

PhraseKind = Literal["person", "name", "organisation", "description", "pronoun", "place"]

#: Lower-case words that join the parts of a name (Ursula von der Leyen, Bashar al-Assad).
NAME_PARTICLES = frozenset({
    "de", "da", "del", "dela", "della", "di", "do", "dos", "du", "van", "von", "der", "den", "bin",
    "ibn",
    "al", "el", "la", "le", "y", "abu", "ben", "ter"
})
#: Lower-case words that join the parts of an organisation's name (Center for Food Safety).
ORGANISATION_JOINERS = frozenset({"of", "for", "and", "on", "the", "&", "in"})
DETERMINERS = frozenset({
    "the", "a", "an", "his", "her", "their", "its", "our", "one", "another", "this", "that",
    "these", "those"
})
#: Words that may stand between a subject and its speech verb (X also said; X went on to add).
BETWEEN_SUBJECT_AND_VERB = frozenset({
    "also", "further", "then", "later", "again", "has", "have", "had", "would", "will",
    "yesterday", "today", "tonight", "recently", "once", "finally", "first",
    "reportedly", "previously", "earlier", "subsequently", "too", "repeatedly", "went",
    "on", "to", "not", "never", "been", "was", "were", "is", "are", "publicly", "separately",
    "similarly", "likewise",
})
#: Words that are never a speaker's name, however capitalised (On Sunday, Today).
NOT_NAMES = frozenset({"today", "yesterday", "tonight", "tomorrow", "monday", "tuesday",
                       "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                       "february", "march", "april", "may", "june", "july", "august",
                       "september", "october", "november", "december", "eastern", "western",
                       "northern", "southern", "central"})  # fmt: skip
#: Adverbs that open a sentence before its subject (Meanwhile, the city said ...): never a
#: speaker, and skipped before a name (Meanwhile Jane Roe said).
OPENING_ADVERBS = frozenset({
    "meanwhile", "afterwards", "afterward", "subsequently", "shortly", "thereafter", "however",
    "moreover", "furthermore", "additionally", "separately", "similarly", "likewise",
    "initially", "finally", "eventually", "nevertheless", "nonetheless", "instead",
    "previously", "recently", "currently", "ultimately", "consequently", "therefore", "thus",
})
#: Time zones written after a clock time (5:00 pm EDT, 2100 UTC): never a speaker, and
#: skipped before a name (At 10:00 UTC NASA said).
TIME_ZONES = frozenset({"utc", "gmt", "edt", "est", "cdt", "cst", "mdt", "mst", "pdt", "pst",
                        "bst", "cet", "cest", "jst", "kst", "aest"})
#: One word that is never a speaker's name by itself.
NOT_NAMES_ALONE = NOT_NAMES | OPENING_ADVERBS | TIME_ZONES
PERSON_PRONOUNS = frozenset({"he", "she"})
#: How many mentions back an organisation named in full is looked for (bounds the scan).
LOOKBACK = 200

#: A name or an organisation's name is at most this many words (bounds every scan).
MAX_CHAIN = 12
GROUP_PRONOUNS = frozenset({"it", "they"})
#: Words that join capitalised words into one run (name particles, organisation joiners).
CHAIN_JOINERS = NAME_PARTICLES | ORGANISATION_JOINERS
#: Joiners that join only an organisation's name (Council on Foreign Relations, Commission on
#: Human Rights), never a name to a place, a day or a platform (Jane Roe in London, on Monday,
#: on Instagram): see :func:`_joins`.
ORGANISATION_ONLY_JOINERS = frozenset({"on", "in"})
#: An apposition between commas is looked for this many tokens back.
MAX_APPOSITION_TOKENS = 14


# ---------------------------------------------------------------------------
# Word lists


@cache
def speech_verbs() -> dict[str, str]:
    """Verb form -> use: ``report`` (introduces quotes and reported clauses) or ``quote``."""
    return {form.casefold(): use for form, use in read_entries("speech_verbs.txt", 2)}


@cache
def reporting_verbs() -> frozenset[str]:
    """The forms of :func:`speech_verbs` that can report speech (all but quotation-only ones)."""
    return frozenset(form for form, use in speech_verbs().items() if use != "quote")


@cache
def role_words() -> frozenset[str]:
    return frozenset(word.casefold() for (word,) in read_entries("roles.txt", 1))


@cache
def organisation_words() -> frozenset[str]:
    return frozenset(word.casefold() for (word,) in read_entries("organisation_words.txt", 1))


@cache
def speaker_nouns() -> frozenset[str]:
    """Nouns that can head a speaker's description (the ministry, a fire service spokesman)."""
    groups = {p.casefold() for p, kind, _ in read_entries("speakers.tsv", 3) if kind == "group"}
    return frozenset(groups | role_words() | organisation_words())


@word_cache()
def fold(word: str) -> str:
    """A word without case, diacritics, a possessive ending and final punctuation
    (Erdoğan's -> erdogan)."""
    word = word.replace("’", "'")
    if word.endswith(("'s", "'S")):
        word = word[:-2]
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip(".,'")


def _is_cap(token: Token) -> bool:
    """A capitalised word, or a name with a lower-case particle (el-Sisi, al-Assad)."""
    return token.kind != "punct" and _capitalised(token.text)


def _capitalised(word: str) -> bool:
    """:func:`_is_cap` of a word or number token's text. Its answer counts only for word and
    number tokens: ``str.isupper`` calls some punctuation (Ⓐ) upper case, so callers rule
    punctuation out themselves."""
    if word[:1].isupper():
        return True
    prefix, _, rest = word.partition("-")
    return prefix in NAME_PARTICLES and rest[:1].isupper()


def _capitalised_positions(tokens: Sequence[Token]) -> list[int]:
    """The positions of the tokens :func:`_is_cap` accepts, in order, found without a
    Python step per token (this reads every token of the article): the tokens whose first
    character is upper case, from a string of first characters; and the few whose text opens
    with a name particle and a hyphen (al-Assad), from the hyphens of the space-joined texts.
    Tokens as the tokenizer makes them are never empty and hold no space; others are
    tested one by one."""
    texts = list(map(_token_text, tokens))
    firsts = "".join(map(itemgetter(slice(1)), texts))  # one character per token
    joined = " ".join(texts)
    if len(firsts) != len(texts) or joined.count(" ") != len(texts) - 1:
        return [k for k, token in enumerate(tokens) if _is_cap(token)]
    found = [k for k in compress(range(len(texts)), map(str.isupper, firsts))
             if tokens[k].kind != "punct"]  # fmt: skip
    particles = []
    k = offset = 0  # the token that starts at character ``offset`` of ``joined``
    hyphen = joined.find("-")
    while hyphen != -1:
        start = joined.rfind(" ", 0, hyphen) + 1
        if joined[start:hyphen] in NAME_PARTICLES:
            k += joined.count(" ", offset, start)
            offset = start
            if tokens[k].kind != "punct" and _capitalised(texts[k]):
                particles.append(k)
        hyphen = joined.find("-", hyphen + 1)
    # No token is in both lists: a particle opens with a lower-case letter (NAME_PARTICLES
    # is lower case, and tests/test_fast_paths_attribution.py keeps it so).
    return sorted(found + particles) if particles else found


def _is_possessive(token: Token) -> bool:
    return _is_possessive_word(token.text)


def _is_possessive_word(word: str) -> bool:
    return word.endswith(("’s", "'s", "s’", "s'")) and len(word) > 2


def _is_initial(token: Token) -> bool:
    return len(token.text) == 2 and token.text[1] == "." and token.text[0].isupper()


PASSIVE_AUXILIARIES = frozenset({"was", "were", "is", "are", "be", "been", "being"})
#: A speech verb's form directly followed by one of these is a noun (the states had ...).
FOLLOWED_BY_AUXILIARY = frozenset({"had", "have", "has", "were", "are", "was", "is", "will",
                                   "would", "can", "could", "may", "might", "must"})


def is_speech_verb(tokens: list[Token], i: int) -> bool:
    """Whether ``tokens[i]`` is a speech verb used as a verb: lower case unless it opens the
    sentence (not the United States), not after a determiner (not "the report", "a claim")."""
    word = tokens[i].text.casefold()
    if word not in speech_verbs() or tokens[i].kind != "word":
        return False
    if tokens[i].text[:1].isupper() and i > 0 and tokens[i - 1].text not in "“\"‘(":
        return False
    if word == "according":
        return i + 1 < len(tokens) and tokens[i + 1].text.casefold() == "to"
    if i + 1 < len(tokens) and tokens[i + 1].text.casefold() == "to" and word != "told":
        return False  # agreed to upgrade, promised to act: not speech
    if (word.endswith("s") and i + 1 < len(tokens)
            and tokens[i + 1].text.casefold() in FOLLOWED_BY_AUXILIARY):  # fmt: skip
        return False  # "member states had bid", "the claims were": a plural noun
    if i > 0 and tokens[i - 1].text.casefold() == "as":
        return False  # as reported by X, as quoted by X: a source, not the speaker
    if i > 0 and _is_possessive(tokens[i - 1]):
        return False  # "the president's tweets", "the legal team's claims": a noun
    return not (i > 0 and tokens[i - 1].text.casefold() in DETERMINERS)


# ---------------------------------------------------------------------------
# Speaker phrases


class Phrase(NamedTuple):
    """A speaker as the text names it (a named tuple: an article makes one for every
    capitalised run, and a frozen dataclass is several times slower to build)."""

    start: int  # character offsets of the phrase as written (roles included)
    end: int
    name: str  # a person's name without roles, an organisation, a description, a pronoun
    kind: PhraseKind
    context: str = ""  # role words, apposition and affiliation around it
    owner: str = ""  # the possessive before a description (China's foreign ministry)


_token_text = attrgetter("text")
_token_sentence = attrgetter("sentence")


def _text(tokens: list[Token]) -> str:
    return " ".join(map(_token_text, tokens))


def _chain_start(tokens: list[Token], j: int) -> int:
    """First index of the run of capitalised words (with name particles and organisation
    joiners between capitals) that ends at ``j``."""
    i = j
    while i > 0 and j - i < MAX_CHAIN:
        before = tokens[i - 1]
        if _is_cap(before) and before.kind == "word":
            i -= 1
        elif (before.text.casefold() in CHAIN_JOINERS and i >= 2
              and _is_cap(tokens[i - 2]) and _joins(tokens, i - 1)):  # fmt: skip
            i -= 2
        else:
            break
    return i


def _chain_end(tokens: list[Token], i: int, stop: int) -> int:
    """Last index of the capitalised run that starts at ``i`` (before ``stop``)."""
    j = i
    while j + 1 < stop and j - i < MAX_CHAIN:
        after = tokens[j + 1]
        text = after.text  # _capitalised's first test inline: most runs go on with a capital
        capitalised = after.kind == "word" and (text[:1].isupper() or _capitalised(text))
        if capitalised and not _is_possessive(tokens[j]):
            j += 1
        elif (after.text.casefold() in CHAIN_JOINERS and j + 2 < stop
              and _is_cap(tokens[j + 2]) and _joins(tokens, j + 1)):  # fmt: skip
            j += 2
        else:
            break
    return j


def _joins(tokens: list[Token], k: int) -> bool:
    """Whether the joiner ``tokens[k]``, between capitalised words, joins them into one name:
    "on" and "in" never before a day, a month or a place (the World Health Organization in
    Geneva, Jane Roe on Monday), and otherwise only when the run right before them holds a
    head word of organisations (Council on Foreign Relations; not Erick Rowan on Instagram)."""
    if tokens[k].text.casefold() not in ORGANISATION_ONLY_JOINERS:
        return True
    following = []  # the capitalised words after it, up to three (in New York)
    m = k + 1
    while m < len(tokens) and len(following) < 3 and tokens[m].kind == "word" and _is_cap(
            tokens[m]):  # fmt: skip
        following.append(tokens[m].text)
        m += 1
    if following and (fold(following[0]) in NOT_NAMES or any(
            place_of(" ".join(following[:n])) for n in range(1, len(following) + 1))):  # fmt: skip
        return False  # a day, a month or a place after it: said in London, on Monday
    words = organisation_words()
    m = k - 1  # back over the run before it, joiners included (the University of Guelph in)
    while m >= 0 and k - m <= MAX_CHAIN and tokens[m].kind == "word" and (
            _is_cap(tokens[m]) or tokens[m].text.casefold() in CHAIN_JOINERS):  # fmt: skip
        if fold(tokens[m].text) in words:
            return True
        m -= 1
    return False


def _n_leading_roles(chain: tuple[str, ...]) -> int:
    """How many words of a run are roles: everything up to the last role word before the
    name (Glenn Research Center Director | Ray Lugo), then leading places, possessives and
    sentence-opening function words; what follows is the name."""
    roles = role_words()
    common = stopwords()
    i = 0
    for k in range(len(chain) - 1):
        if fold(chain[k]) in roles:
            i = k + 1
    while i < len(chain) - 1:
        word = fold(chain[i])
        if (_is_possessive_word(chain[i]) or word in roles or word in common
                or word in NOT_NAMES_ALONE or place_of(chain[i]) is not None
                or chain[i].casefold() in ORGANISATION_JOINERS):  # fmt: skip
            i += 1
        else:
            break
    # A chain that ends in a role word ("Secretary Austin" aside) is a role, not a name.
    return i


def _name_kind(name: tuple[str, ...]) -> PhraseKind:
    organisations = organisation_words()
    words = [fold(t) for t in name]
    if any(w in organisations for w in words):
        return "organisation"
    if words[-1] in role_words():
        return "description"  # "Republican Assemblywoman": a role without a name
    if place_of(" ".join(name)) is not None:
        return "place"  # North Korea
    if any(t.isupper() and len(t) > 1 and t.isalpha() for t in name) or any(
            w in NOT_NAMES or w.endswith("-based") for w in words):  # fmt: skip
        return "organisation" if len(name) > 1 else "name"
    if len(name) == 1:
        return "place" if place_of(name[0]) is not None else "name"
    if all(place_of(t) is not None for t in name):
        return "place"
    if any(w in stopwords() for w in words if w not in NAME_PARTICLES):
        return "organisation"
    return "person"


def _n_person_words(name: tuple[str, ...]) -> int:
    """How many words of a run that joins a person to an organisation or place with "of",
    "at" or "from" are the person's name (Tristan Smith of University College London -> 2),
    or 0 when the run is one name (University of Washington, Bank of America)."""
    for p, word in enumerate(name):
        if word in ("of", "at", "from"):
            head, rest = name[:p], name[p + 1 :]
            if (len(head) >= 2 and rest and _name_kind(head) == "person"
                    and _name_kind(rest) != "description"):  # fmt: skip
                return p
            return 0
    return 0


class _ChainReading(NamedTuple):
    """What the words of a capitalised run say, wherever it stands (:func:`_read_chain`)."""

    n_roles: int  # leading words that are roles, places or function words, not the name
    #: The name's kind, or "role" for one role word without a name (Officials, The President).
    kind: PhraseKind | Literal["role"]
    n_person: int  # the words of a person named before "of X" (0: no such person)
    text: str  # the name (the person's, with ``n_person``), a final possessive dropped
    real_roles: bool  # whether a role word stands among the leading words


#: Distinct capitalised runs whose reading is kept. An entry (about 270 bytes) is several
#: times a word's, so a quarter of the per-word bound keeps the memory of one word cache.
RUN_CACHE_SIZE = WORD_CACHE_SIZE // 4


@word_cache(RUN_CACHE_SIZE)
def _read_chain(words: tuple[str, ...]) -> _ChainReading | None:
    """The reading of a capitalised run's words, or None when they name no one. A run
    depends on its words only, and names recur (within an article and across articles), so
    a bounded number of runs is kept."""
    n_roles = _n_leading_roles(words)
    name = words[n_roles:]
    if not name or (len(name) == 1 and fold(name[0]) in NOT_NAMES_ALONE):
        return None
    if len(name) == 1 and fold(name[0]) in role_words():
        return _ChainReading(n_roles, "role", 0, "", False)
    n_person = _n_person_words(name)
    if n_person:  # Bill Gerstenmaier of NASA: the person
        return _ChainReading(n_roles, "person", n_person, " ".join(name[:n_person]), False)
    text = " ".join(name)
    if _is_possessive_word(name[-1]):
        text = text[: -2] if text.endswith(("’s", "'s")) else text
    real_roles = any(fold(w) in role_words() for w in words[:n_roles])
    return _ChainReading(n_roles, _name_kind(name), 0, text, real_roles)


def _name_phrase(tokens: list[Token], i: int, j: int, context: list[Token]) -> Phrase | None:
    """The phrase of the capitalised run ``tokens[i..j]``, roles split off."""
    words = (tokens[i].text,) if i == j else tuple(map(_token_text, tokens[i : j + 1]))
    reading = _read_chain.lookup(words)
    if reading is None:
        return None
    roles = tokens[i : i + reading.n_roles] if reading.n_roles else []
    if reading.kind == "role":
        # "Officials said", "The President insists": a role without a name describes the speaker
        start = i - 1 if i > 0 and tokens[i - 1].text.casefold() in DETERMINERS else i
        words = tokens[start : j + 1]
        return Phrase(tokens[start].start, tokens[j].end, _text(words), "description",
                      _text(context + words))  # fmt: skip
    if reading.n_person:  # Bill Gerstenmaier of NASA: the person, and "of NASA" as context
        first = i + reading.n_roles
        last = first + reading.n_person - 1
        return Phrase(tokens[first].start, tokens[last].end, reading.text, "person",
                      _text(context + roles + tokens[last + 1 : j + 1]))  # fmt: skip
    kind = reading.kind
    if kind == "person" and not reading.real_roles and i > 0 and tokens[i - 1].text.casefold(
            ) in {"the", "a", "an"}:  # fmt: skip
        kind = "organisation"  # the Eastern Mediterranean Bill: a thing, not a person
    described = _text(context + roles) if context or roles else ""
    return Phrase(tokens[i].start, tokens[j].end, reading.text, kind, described)


def _description_start(tokens: list[Token], j: int) -> int:
    """First index of the description whose head is ``tokens[j]`` (the ministry; a fire
    service spokesman; China's foreign ministry)."""
    i = j
    while i > 0 and j - i < 6:
        before = tokens[i - 1]
        word = before.text.casefold()
        if word in DETERMINERS:
            return i - 1
        if before.kind == "punct" or word in speech_verbs() or word in stopwords():
            break
        i -= 1
        if _is_possessive(before):
            break
    return i


def phrase_ending_at(tokens: list[Token], j: int) -> Phrase | None:
    """The speaker phrase whose last word is ``tokens[j]``, or None."""
    if j < 0 or tokens[j].kind == "punct":
        return None
    token = tokens[j]
    word = token.text.casefold()
    if word in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return Phrase(token.start, token.end, token.text, "pronoun")
    if _is_cap(token):
        i = _chain_start(tokens, j)
        context = _context_before(tokens, i)
        return _name_phrase(tokens, i, j, context)
    if fold(token.text) in speaker_nouns():
        i = _description_start(tokens, j)
        words = tokens[i : j + 1]
        owner = next((t for t in words if _is_possessive(t)), None)
        owner_name = fold(owner.text) if owner else ""
        return Phrase(tokens[i].start, token.end, _text(words), "description",
                      _text(_context_before(tokens, i) + words), owner_name)  # fmt: skip
    return None


#: Lower-case words that may stand inside the context before a phrase.
_CONTEXT_JOINERS = ORGANISATION_JOINERS | {"to", "at", "from"}


def _context_before(tokens: list[Token], i: int) -> list[Token]:
    """Up to six words before position ``i`` that describe the phrase (roles, places,
    organisations), stopping at punctuation, determiners and verbs."""
    verbs, nouns = speech_verbs(), speaker_nouns()
    k = i
    while k > 0 and i - k < 6:
        before = tokens[k - 1]
        word = before.text.casefold()
        if before.kind == "punct" or word in DETERMINERS or word in verbs:
            break
        # ``before`` is not punctuation: _is_cap(before) is _capitalised(before.text)
        if not (_capitalised(before.text) or fold.lookup(before.text) in nouns
                or word in _CONTEXT_JOINERS):  # fmt: skip
            if word in stopwords():
                break  # a function word: _modifier_gap's first test, without the call
            # "Rutgers University political scholar": at most two modifiers between a
            # capitalised name and the role word, when they are not function words
            gap = _modifier_gap(tokens, k, limit=min(2, 5 - (i - k)))
            if gap == 0:
                break
            k -= gap
            continue
        k -= 1
    return tokens[k:i]


def _modifier_gap(tokens: list[Token], k: int, limit: int) -> int:
    """How many lower-case content words end at ``k - 1`` with a capitalised word before them
    (at most ``limit``), or 0."""
    common = stopwords()
    for gap in range(1, limit + 1):
        if k - gap - 1 < 0:
            return 0
        word = tokens[k - gap]
        if (word.kind != "word" or _capitalised(word.text) or word.text.casefold() in common
                or word.text.casefold() in speech_verbs()):  # fmt: skip
            return 0
        if tokens[k - gap - 1].kind == "word" and _capitalised(tokens[k - gap - 1].text):
            return gap
    return 0


def phrase_starting_at(tokens: list[Token], i: int, stop: int) -> Phrase | None:
    """The speaker phrase that begins at ``tokens[i]`` (after an inverted speech verb:
    said Lt. Gen. Sean B. MacFarland, commander of ...; said his father, Abdullah Kurdi)."""
    while i < stop and tokens[i].text.casefold() in {"by", "to"}:
        i += 1
    if i >= stop:
        return None
    if tokens[i].text.casefold() in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return Phrase(tokens[i].start, tokens[i].end, tokens[i].text, "pronoun")
    end = i
    while end < stop and tokens[end].kind != "punct" and end - i < 14:
        word = tokens[end]
        if (end > i and not _is_cap(word) and fold(word.text) not in speaker_nouns()
                and word.text.casefold() not in ORGANISATION_JOINERS | NAME_PARTICLES
                and word.text.casefold() not in DETERMINERS | {"at", "from"}
                and not any(_is_cap(t) or fold(t.text) in speaker_nouns()
                            for t in tokens[end + 1 : min(end + 5, stop)])):  # fmt: skip
            break  # a lower-case word that leads to no name or role ends the phrase
        end += 1
    words = tokens[i:end]
    if not words:
        return None
    # The name is the first capitalised run that names a person and does not follow "of",
    # "at" or "from" (scholar Kelly Dittmar of Rutgers); else the last run; what precedes it
    # is its context.
    phrases = []
    k = i
    while k < end:
        if _is_cap(tokens[k]):
            j = _chain_end(tokens, k, end)
            phrase = _name_phrase(tokens, k, j, tokens[i:k])
            if phrase is not None:
                after_of = k > i and tokens[k - 1].text.casefold() in {
                    "of", "at", "from", "the", "on", "in"}  # on Monday, in London: not the speaker
                phrases.append((phrase, after_of))
            k = j + 1
        else:
            k += 1
    head = tokens[end - 1]
    for wanted in ("person", "name"):
        people = [p for p, after_of in phrases if p.kind == wanted and not after_of]
        if people:
            person = people[0]
            rest = _text([t for t in words if t.start >= person.end])  # of the Polish ministry
            person = Phrase(person.start, person.end, person.name, person.kind,
                            f"{person.context} {rest}".strip(), person.owner)  # fmt: skip
            return _with_apposition(tokens, person, end, stop)
    if not _is_cap(head) and fold(head.text) in speaker_nouns():
        apposition = _apposition_after(tokens, end, stop)  # said his father, Abdullah Kurdi,
        if apposition is not None and apposition.kind == "person":
            return apposition
        return Phrase(tokens[i].start, head.end, _text(words), "description", _text(words))
    if phrases:
        return _with_apposition(tokens, phrases[-1][0], end, stop)
    head = tokens[end - 1]
    if fold(head.text) in speaker_nouns():
        description = Phrase(tokens[i].start, head.end, _text(words), "description", _text(words))
        apposition = _apposition_after(tokens, end, stop)
        if apposition is not None and apposition.kind == "person":
            return apposition
        return description
    return None


def _apposition_after(tokens: list[Token], end: int, stop: int) -> Phrase | None:
    """The name in ``, NAME,`` right after position ``end`` (said his father, Abdullah Kurdi,)."""
    if end < stop and tokens[end].text == "," and end + 1 < stop and _is_cap(tokens[end + 1]):
        j = _chain_end(tokens, end + 1, stop)
        return _name_phrase(tokens, end + 1, j, [])
    return None


def _with_apposition(tokens: list[Token], phrase: Phrase, end: int, stop: int) -> Phrase:
    """Add the apposition after a name to its context (MacFarland, commander of ...)."""
    if end < stop and tokens[end].text == ",":
        k = end + 1
        while k < stop and tokens[k].kind != "punct" and k - end < 12:
            k += 1
        extra = _text(tokens[end + 1 : k])
        return Phrase(phrase.start, phrase.end, phrase.name, phrase.kind,
                      f"{phrase.context} , {extra}".strip(" ,"), phrase.owner)  # fmt: skip
    return phrase


#: Verbs that issue a document that then "says" (They released a statement which said).
ISSUING_VERBS = frozenset({"released", "issued", "published", "sent", "posted", "put"})
DOCUMENT_NOUNS = frozenset({"statement", "release", "letter", "report", "tweet", "post"})


def is_passive(tokens: list[Token], v: int) -> bool:
    """Whether the speech verb at ``v`` is passive (were reported, was announced)."""
    j = v - 1
    while j >= 0 and tokens[j].text.casefold() in {"also", "reportedly", "subsequently", "not"}:
        j -= 1
    return j >= 0 and tokens[j].text.casefold() in PASSIVE_AUXILIARIES


def subject_before(tokens: list[Token], v: int) -> Phrase | None:
    """The subject of the speech verb at ``tokens[v]``.

    A participle after a comma (``X congratulated Y, saying, “...”``) has the
    sentence's subject; a document that says (``They released a statement which
    said``) speaks for whoever issued it.
    """
    j = v - 1
    while j >= 0 and tokens[j].text in "”’\"'":
        j -= 1  # others,” calling it
    participle = tokens[v].text.casefold().endswith("ing")
    if participle and j >= 0 and tokens[j].text != "," and not any(
            t.text.casefold() == "with" for t in tokens[max(0, j - 4) : j]):  # fmt: skip
        j_comma = j  # "a statement at his golf club outside Washington, D.C. saying, ..."
        for k in range(j_comma, -1, -1):
            if is_speech_verb(tokens, k) and not tokens[k].text.casefold().endswith("ing"):
                found = subject_before(tokens, k)
                if found is not None:
                    return found
        subject = sentence_subject(tokens, j + 1)
        if subject is not None:
            return subject
    if participle and j >= 0 and tokens[j].text == ",":
        # "Austin noted that ..., stating": the subject of the speech verb before, if any.
        for k in range(j - 1, -1, -1):
            if is_speech_verb(tokens, k) and not tokens[k].text.casefold().endswith("ing"):
                found = subject_before(tokens, k)
                if found is not None:
                    return found
        return sentence_subject(tokens, j)
    if (j >= 2 and tokens[j].text.casefold() in {"which", "that"}
            and fold(tokens[j - 1].text) in DOCUMENT_NOUNS):  # fmt: skip
        k = j - 2
        while k >= 0 and tokens[k].text.casefold() in DETERMINERS:
            k -= 1
        if k >= 0 and tokens[k].text.casefold() in ISSUING_VERBS:
            return subject_before(tokens, k)
    j = v - 1
    while j >= 0 and tokens[j].text.casefold() in BETWEEN_SUBJECT_AND_VERB:
        j -= 1
    if j >= 1 and fold(tokens[j].text) in NOT_NAMES and tokens[j - 1].text.casefold() == "on":
        j -= 2  # X on Sunday told ...
        while j >= 0 and tokens[j].text.casefold() in BETWEEN_SUBJECT_AND_VERB:
            j -= 1
    elif j >= 0 and _is_cap(tokens[j]):
        i = _chain_start(tokens, j)  # X in London said, X on Twitter wrote: X, not the place
        if (i >= 2 and tokens[i - 1].text.casefold() in ORGANISATION_ONLY_JOINERS
                and _is_cap(tokens[i - 2])):  # fmt: skip
            j = i - 2
    if j < 0:
        return None
    if tokens[j].text in (",", "—", "–"):
        return _subject_with_apposition(tokens, j)
    phrase = phrase_ending_at(tokens, j)
    if phrase is not None and phrase.kind in ("organisation", "place"):
        # "George Kimbrell of the Center for Food Safety said": the person speaks.
        k = index_of(tokens, phrase.start, default=j) - 1
        while k >= 0 and (tokens[k].text.casefold() == "the" or _is_possessive(tokens[k])):
            k -= 1  # of the army's Western Mindanao Command
        if k >= 1 and tokens[k].text.casefold() in {"of", "from", "at", "with"}:
            member = phrase_ending_at(tokens, k - 1)
            if member is not None and member.kind in ("person", "name", "description"):
                context = f"{member.context} of {phrase.name}".strip()
                return Phrase(member.start, member.end, member.name, member.kind, context,
                              member.owner)  # fmt: skip
    return phrase


#: Words that open an introductory clause or phrase, skipped to its comma when looking for a
#: sentence's subject (Although ..., In the joint statement ..., X said).
INTRODUCERS = frozenset({"although", "though", "while", "after", "before", "when", "if", "as",
                         "in", "on", "at", "during", "despite", "following", "since", "with",
                         "because", "once", "until", "for", "from", "by", "earlier", "later"})


def sentence_subject(tokens: list[Token], stop: int) -> Phrase | None:
    """The first speaker phrase of the sentence before ``stop``: its subject (after an
    introductory clause that ends in a comma)."""
    first = 0
    opener = tokens[0].text.casefold() if stop else ""
    if opener in OPENING_ADVERBS:
        first = 1  # Meanwhile(,) the mayor ...: the subject follows the adverb
    elif opener in INTRODUCERS or (opener.endswith("ing") and opener not in PERSON_PRONOUNS):
        comma = next((k for k in range(stop) if tokens[k].text == ","), None)
        if comma is not None:
            first = comma + 1
        else:  # "In the filing itself Ford also made this point, writing"
            first = next((k for k in range(1, stop) if _is_cap(tokens[k])), 0)
    for k in range(first, stop):
        token = tokens[k]
        if token.kind == "punct" or token.text.casefold() in DETERMINERS:
            continue
        if token.text.casefold() in PERSON_PRONOUNS | GROUP_PRONOUNS:
            return Phrase(token.start, token.end, token.text, "pronoun")
        if _is_cap(token):
            end = _chain_end(tokens, k, stop)
            phrase = phrase_ending_at(tokens, end)
            if phrase is not None and phrase.kind != "place":
                if end + 1 < stop and tokens[end + 1].text == ",":  # X, the Y, congratulated
                    return phrase
                return phrase
        elif fold(token.text) in speaker_nouns():
            return phrase_ending_at(tokens, k)
        elif token.kind == "word" and k - first > 8:
            break
    return None


def index_of(tokens: list[Token], start: int, default: int = 0) -> int:
    """The index of the token that starts at character offset ``start`` (else ``default``)."""
    for k, token in enumerate(tokens):
        if token.start == start:
            return k
    return default


def _subject_with_apposition(tokens: list[Token], j: int) -> Phrase | None:
    """``NAME, the Speaker of the House, said`` or ``A Republican Assemblywoman, Jill Tolles,
    said``: the name wins over the description."""
    c = j - 1
    while c >= 0 and j - c <= MAX_APPOSITION_TOKENS and tokens[c].text not in (",", "—", "–"):
        if tokens[c].text in "“”\"‘’":
            return None
        c -= 1
    if c < 0 or j - c > MAX_APPOSITION_TOKENS:
        return phrase_ending_at(tokens, j - 1)
    inner = phrase_ending_at(tokens, j - 1)
    head = phrase_ending_at(tokens, c - 1)
    inner_words = _text(tokens[c + 1 : j])
    if inner is not None and inner.kind == "person" and (head is None or head.kind != "person"):
        context = f"{head.name if head else ''} {inner.context}".strip()
        return Phrase(inner.start, inner.end, inner.name, "person", context)
    if head is not None:
        return Phrase(head.start, head.end, head.name, head.kind,
                      f"{head.context} , {inner_words}".strip(" ,"), head.owner)  # fmt: skip
    return inner


# ---------------------------------------------------------------------------
# The people an article names, and resolution


@dataclass
class People:
    """People named in an article, in order, and the keys that name them again."""

    names: list[str] = field(default_factory=list)
    by_key: dict[str, str] = field(default_factory=dict)  # surname, folded name, initials
    by_role: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # role -> (pos, name)
    context: dict[str, str] = field(default_factory=dict)  # name -> roles when first named
    #: Every person and every organisation named, in text order: (offset, name, kind, context).
    mentions: list[tuple[int, str, str, str]] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)  # the mentions' offsets, for bisection

    def add(self, name: str, start: int, roles: str) -> None:
        if name not in self.names:
            self.names.append(name)
        if roles and not self.context.get(name):
            self.context[name] = roles
        parts = name.split()
        keys = {fold(name), fold(parts[-1]), fold(parts[0]),
                fold("".join(p[0] for p in parts if p[:1].isupper()))}  # fmt: skip
        for key in keys:
            self.by_key.setdefault(key, name)
        for role in roles.split():
            folded = fold(role)
            if folded in role_words() or folded in speaker_nouns():
                self.by_role.setdefault(folded, []).append((start, name))

    def full_name(self, name: str) -> str | None:
        """The full name a name, a surname or initials stand for, if the article gave one."""
        folded = fold(name)
        if folded in self.by_key:
            return self.by_key[folded]
        last = fold(name.split()[-1])
        candidate = self.by_key.get(last)
        if candidate and all(fold(p) in fold(candidate).split() for p in name.split()):
            return candidate
        return None

    def first(self, kinds: tuple[str, ...], after: int) -> tuple[int, str, str, str] | None:
        """The first mention of one of ``kinds`` that starts at offset ``after`` or later."""
        for k in range(bisect_left(self._starts, after), len(self.mentions)):
            if self.mentions[k][2] in kinds:
                return self.mentions[k]
        return None

    def last(self, kinds: tuple[str, ...], before: int) -> tuple[int, str, str, str] | None:
        """The last mention of one of ``kinds`` that starts before offset ``before``."""
        k = bisect_right(self._starts, before - 1)
        while k > 0:
            k -= 1
            if self.mentions[k][2] in kinds:
                return self.mentions[k]
        return None

    def last_starting(self, kinds: tuple[str, ...], word: str, before: int) -> str | None:
        """The name of the last mention of one of ``kinds`` before offset ``before`` whose
        first word is ``word`` (an organisation named in full, then by its first word), among
        the :data:`LOOKBACK` mentions before it (a bound that keeps long texts linear)."""
        end = bisect_right(self._starts, before - 1)
        for k in range(end - 1, max(-1, end - 1 - LOOKBACK), -1):
            _, name, kind, _ = self.mentions[k]
            if kind in kinds and name != word and name.split()[0] == word:
                return name
        return None

    def with_role(self, role: str, before: int) -> str | None:
        """The person last introduced with ``role`` before offset ``before``."""
        found = self.by_role.get(fold(role), [])
        k = bisect_right([start for start, _ in found], before)
        return found[k - 1][1] if k else None


@per_article
def sentence_tokens(article: Article) -> dict[int, list[Token]]:
    """Every sentence's tokens by sentence index, sliced once per article (to read, not to
    change: :func:`find_people` and the speakers' pass share them)."""
    tokens = article.tokens  # in text order, so by sentence number
    found = {}
    for sentence in article.sentences:
        first = bisect_left(tokens, sentence.index, key=_token_sentence)
        last = bisect_right(tokens, sentence.index, first, key=_token_sentence)
        found[sentence.index] = list(tokens[first:last])
    return found


def find_people(article: Article, known: dict[str, str] | None = None) -> People:
    """Every person the article names with two words or more (roles split off), every
    mention of them, and every organisation named. ``known`` adds full names from elsewhere
    (the actor dictionary) under their keys, after the article's own. Two passes: names,
    then mentions (so that "Austin" before "Lloyd Austin" still counts)."""
    people = People()
    phrases: list[Phrase] = []
    capitalised = _capitalised_positions(article.tokens)  # article-wide token indices
    for tokens in sentence_tokens(article).values():
        if not tokens:
            continue
        first = tokens[0].index  # a sentence's tokens are a run of the article's
        j = -1  # the last token of the run read last
        begin = bisect_left(capitalised, first)
        for k in capitalised[begin : bisect_left(capitalised, first + len(tokens), begin)]:
            k -= first
            if k <= j:
                continue
            j = _chain_end(tokens, k, len(tokens))
            context = _context_before(tokens, k) if k else []  # none before a first word
            phrase = _name_phrase(tokens, k, j, context)
            if phrase is None:
                continue
            phrases.append(phrase)
            if phrase.kind == "person" and len(phrase.name.split()) >= 2:
                context = f"{phrase.context} {_affiliation_after(tokens, j + 1)}".strip()
                people.add(phrase.name, phrase.start, context)
    for name, context in (known or {}).items():
        parts = name.split()
        for key in (fold(name), fold(parts[-1])):
            people.by_key.setdefault(key, name)
        people.context.setdefault(name, context)
    for phrase in phrases:
        if phrase.kind in ("person", "name"):
            full = people.full_name(phrase.name)
            if full is not None:
                people.mentions.append((phrase.start, full, "person", phrase.context))
        elif phrase.kind in ("organisation", "place"):
            people.mentions.append((phrase.start, phrase.name, "group", phrase.context))
    people._starts = [m[0] for m in people.mentions]
    return people


def _affiliation_after(tokens: list[Token], k: int) -> str:
    """The words that tie a person to an organisation right after their name: "of University
    College London", ", a researcher at the University of Washington," (at most 12 tokens)."""
    if k < len(tokens) and tokens[k].text.casefold() in ("and", "or", "&"):
        return ""  # "Dick Durbin and incoming chair of the Committee Adam Schiff": another's
    end = min(len(tokens), k + 12)
    verbs = speech_verbs()
    words = []
    for index in range(k, end):
        token = tokens[index]
        # The word list first: one look-up rules out most words before is_speech_verb.
        if token.text in ".;:“”\"" or (token.text.casefold() in verbs
                                       and is_speech_verb(tokens, index)):  # fmt: skip
            break
        words.append(token.text)
    text = " ".join(words).strip(" ,")
    return text if any(w in text.split() for w in ("of", "at", "from")) else ""


class Resolved(NamedTuple):
    """A speaker after resolution: the name to report, its kind, and the phrase's context."""

    name: str
    kind: str
    context: str


def resolve(phrase: Phrase, people: People, previous: Resolved | None = None) -> Resolved:
    """The full name behind a phrase (see the module docstring, rule 3). A pronoun takes
    ``previous`` (the last speaker, when recent) if it is of its kind, else the last person
    (he, she) or organisation (it, they) named before it."""
    if phrase.kind == "pronoun":
        kind = "person" if phrase.name.casefold() in PERSON_PRONOUNS else "group"
        same_kind = (kind, "name") if kind == "person" else (kind, "organisation", "place")
        previous_kind = previous.kind.removeprefix("pronoun>") if previous else ""
        if previous is not None and kind == "person" and previous_kind == "group" and fold(
                previous.name.split()[-1]) in role_words():  # fmt: skip
            previous_kind = "person"  # "a defense ministry spokesman ... He said"
        if previous is not None and previous_kind in same_kind:
            return Resolved(previous.name, f"pronoun>{kind}", previous.context)
        found = people.last((kind,), phrase.start)
        if found is not None:
            return Resolved(found[1], f"pronoun>{kind}", people.context.get(found[1], found[3]))
        if previous is not None:  # "China's foreign ministry said ... He added": its spokesman
            return Resolved(previous.name, f"pronoun>{previous_kind}", previous.context)
        return Resolved(phrase.name, "pronoun", "")
    if phrase.kind in ("person", "name"):
        full = people.full_name(phrase.name)
        if full is not None:
            return Resolved(full, "person", phrase.context)
        return Resolved(phrase.name, phrase.kind, phrase.context)
    if phrase.kind == "description":
        words = phrase.name.split()
        if words[0].casefold() in {"his", "her"} and len(words) > 1:
            # "his lawyers" -> "Kyle Rittenhouse's lawyers": the possessor is the last person
            owner = people.last(("person",), phrase.start)
            if owner is not None:
                name = f"{owner[1]}'s {' '.join(words[1:])}"
                return Resolved(name, "group", phrase.context)
        head = fold(words[-1])
        if head in role_words() and not phrase.owner:
            person = people.with_role(head, phrase.start)
            if person is not None:
                return Resolved(person, "person", phrase.context)
        return Resolved(phrase.name, "group", phrase.context)
    return Resolved(phrase.name, phrase.kind, phrase.context)
