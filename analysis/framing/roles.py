"""Actors and frames, actors and tone, and the roles the vocabulary gives each actor.

After Entman (1993): to frame is to define a problem and suggest a remedy.
:func:`problem_and_remedy` reads which actor the article's frame words cast as
the problem and which as the remedy; :func:`actor_frames` and
:func:`actor_tone` cross actors with frames and with tone.

Reference: Entman, R. M. (1993). Framing: toward clarification of a fractured
paradigm. *Journal of Communication* 43(4), 51–58.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from analysis.article import Article
from analysis.findings import listing
from analysis.framing.actors import (
    ActorDictionary,
    actors_by_salience,
    mention_records,
    salience_records,
)
from analysis.framing.frames import frame_totals, load_frames, trigger_records
from analysis.framing.speakers import quote_records, quote_share_records
from analysis.lexicon import Lexicon
from analysis.sentiment import sentence_records

if TYPE_CHECKING:
    import pandas as pd

#: Frames a problem is named in, and frames a remedy is named in (Entman 1993).
PROBLEM_FRAMES = ("conflict_threat",)
REMEDY_FRAMES = ("cooperation_alliance", "responsibility")
#: A role needs at least this many words: one word near an actor is not a pattern.
MIN_ROLE_WORDS = 2


def _actor_sentences(article: Article, dictionary: ActorDictionary | None
                     ) -> dict[str, list[int]]:  # fmt: skip
    """Per actor, the body sentences that mention it (ascending)."""
    per_actor: dict[str, set[int]] = {}
    for mention in mention_records(article, dictionary):
        if mention.part == "body":
            per_actor.setdefault(mention.actor, set()).add(mention.sentence)
    return {actor: sorted(sentences) for actor, sentences in per_actor.items()}


def actor_frames(article: Article, *, dictionary: ActorDictionary | None = None,
                 frames: Lexicon | None = None) -> pd.DataFrame:  # fmt: skip
    """Actor × frame: how many body sentences mentioning the actor use the frame.

    Index: actor (by salience, actors with a body mention); columns: the frames.
    """
    import pandas as pd

    frames = frames or load_frames()
    framed: dict[int, set[str]] = {}
    for trigger in trigger_records(article, frames):
        framed.setdefault(trigger.sentence, set()).add(trigger.frame)
    per_actor = _actor_sentences(article, dictionary)
    order = [a for a in actors_by_salience(article, dictionary) if a in per_actor]
    rows = [[sum(frame in framed.get(s, ()) for s in per_actor[actor])
             for frame in frames.categories] for actor in order]  # fmt: skip
    table = pd.DataFrame(rows, index=pd.Index(order, name="actor"), columns=frames.categories)
    return table.astype(int)


class ActorTone(NamedTuple):
    """The tone of the sentences that mention one actor (a row of :func:`actor_tone`)."""

    actor: str
    n_sentences: int
    mean_compound: float
    mean_domain_tone: float
    sentences: list[int]


def actor_tone(article: Article, *, dictionary: ActorDictionary | None = None) -> pd.DataFrame:
    """Tone of the body sentences that mention each actor.

    Columns: ``actor``, ``n_sentences``, ``mean_compound`` (VADER),
    ``mean_domain_tone`` (security lexicon), ``sentences``.
    """
    import pandas as pd

    return pd.DataFrame(actor_tone_records(article, dictionary), columns=ActorTone._fields)


def actor_tone_records(article: Article, dictionary: ActorDictionary | None = None
                       ) -> list[ActorTone]:  # fmt: skip
    """The rows of :func:`actor_tone`, most salient actor first."""
    tone = {row.sentence: (row.compound, row.domain_tone)
            for row in sentence_records(article)}  # fmt: skip
    per_actor = _actor_sentences(article, dictionary)
    rows = []
    for actor in actors_by_salience(article, dictionary):
        sentences = per_actor.get(actor, [])
        if not sentences:
            continue
        compound = sum(tone[s][0] for s in sentences) / len(sentences)
        domain = sum(tone[s][1] for s in sentences) / len(sentences)
        rows.append(ActorTone(actor, len(sentences), round(compound, 4), round(domain, 4),
                              sentences))  # fmt: skip
    return rows


PROBLEM_COLUMNS = ["actor", "problem_words", "remedy_words", "role", "problem_evidence",
                   "remedy_evidence", "problem_sentences", "remedy_sentences"]  # fmt: skip


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
    import pandas as pd

    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    for m in mention_records(article, dictionary):
        by_sentence.setdefault(m.sentence, []).append((m.start, m.end, m.actor))
    evidence: dict[str, dict[str, list[tuple[int, str]]]] = {}
    for trigger in trigger_records(article, frames):
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
    return pd.DataFrame(rows, columns=PROBLEM_COLUMNS)


#: Tone by actor is reported only for actors mentioned in at least this many body sentences.
MIN_TONE_SENTENCES = 2


def findings(article: Article, *, dictionary: ActorDictionary | None = None,
             frames: Lexicon | None = None) -> list[str]:  # fmt: skip
    """The synthesis of notebook 04 as four Markdown sentences, each written from the
    computed values and true on any article: who speaks and who is only spoken about; which
    actor the vocabulary casts as problem and remedy; which frame carries the story; and the
    tone around the actor whose sentences read most negative on the security lexicon."""
    frames = frames or load_frames()
    salience = {row.actor: row for row in salience_records(article, dictionary)}
    quoted: dict[str, int] = {}
    n_quotes = n_attributed = 0
    for quote in quote_records(article, dictionary):
        if quote.kind == "term":
            continue
        n_quotes += 1
        if quote.actor:
            n_attributed += 1
            for actor in quote.actor.split(" & "):
                quoted[actor] = quoted.get(actor, 0) + 1
    silent = [a for a in salience if a not in quoted]
    if not n_quotes:
        voices = "**Nobody is quoted.** The article has no quotation and no reported speech."
    elif not quoted:
        voices = (f"**No quotation is tied to an actor.** Of {n_quotes} quotation"
                  f"{'s' if n_quotes != 1 else ''}, none comes from a speaker the dictionary or "
                  "the article ties to a country or organisation.")  # fmt: skip
    else:
        voices = (f"**Who speaks.** {n_attributed} of {n_quotes} quotations (direct, partial or "
                  f"reported) come from {listing(sorted(quoted))}.")  # fmt: skip
    if silent:
        mentions = sum(salience[a].mentions for a in silent)
        voices += (f" {listing(silent)} {'is' if len(silent) == 1 else 'are'} mentioned "
                   f"{mentions} time{'s' if mentions != 1 else ''} and never quoted.")  # fmt: skip
    roles = problem_and_remedy(article, dictionary=dictionary, frames=frames)
    problem = roles.loc[roles["role"] == "problem", "actor"].tolist()
    remedy = roles.loc[roles["role"] == "remedy", "actor"].tolist()
    if problem or remedy:
        parts = []
        if problem:
            parts.append(f"{listing(problem)} as the problem (threat and conflict words nearest)")
        if remedy:
            parts.append(f"{listing(remedy)} as the remedy (cooperation and commitment words "
                         "nearest)")  # fmt: skip
        casting = "**Problem and remedy.** The vocabulary casts " + "; ".join(parts) + "."
    else:
        casting = (f"**Problem and remedy.** No actor gathers {MIN_ROLE_WORDS} or more problem or "
                   "remedy words of its own, so the vocabulary casts no actor in either role.")
    totals = frame_totals(article, frames)
    top = max(totals, key=lambda name: totals[name]) if totals else None
    if top is None or totals[top] == 0:
        framing = "**Frames.** No word of the frame lexicon occurs in the body."
    else:
        from analysis.tables import frame_label

        framing = (f"**Frames.** The most frequent frame is *{frame_label(top)}* "
                   f"({totals[top]} word"
                   f"{'s' if totals[top] != 1 else ''} of {sum(totals.values())}).")  # fmt: skip
    tones = [row for row in actor_tone_records(article, dictionary)
             if row.n_sentences >= MIN_TONE_SENTENCES]  # fmt: skip
    if tones:
        low = min(tones, key=lambda row: row.mean_domain_tone)
        among = (f"the only actor mentioned in {MIN_TONE_SENTENCES} sentences or more"
                 if len(tones) == 1 else f"the lowest security-lexicon tone of the {len(tones)} "
                 f"actors mentioned in {MIN_TONE_SENTENCES} sentences or more")  # fmt: skip
        tone = (f"**Tone by actor.** The {low.n_sentences} sentences mentioning {low.actor} read "
                f"{low.mean_domain_tone:+.2f} on the security lexicon and "
                f"{low.mean_compound:+.2f} on VADER, {among}.")
    else:
        tone = (f"**Tone by actor.** No actor is mentioned in {MIN_TONE_SENTENCES} sentences or "
                "more, too few to compare tones.")  # fmt: skip
    return [f"1. {voices}", f"2. {casting}", f"3. {framing}", f"4. {tone}"]


def framing_summary(article: Article, *, dictionary: ActorDictionary | None = None
                    ) -> dict[str, object]:  # fmt: skip
    """The CLI's ``quotes``, ``actors`` and ``frames`` (schema in the README), built from
    the per-article records."""
    tone = {row.actor: row.mean_compound for row in actor_tone_records(article, dictionary)}
    per_actor: dict[str, list[int]] = {}
    for share in quote_share_records(article, "actor", dictionary):
        for actor in share.key.split(" & "):
            counts = per_actor.setdefault(actor, [0, 0])
            counts[0] += share.quotes
            counts[1] += share.quoted_words
    return {
        "quotes": [
            {"text": q.text, "kind": q.kind, "speaker": q.speaker, "actor": q.actor}
            for q in quote_records(article, dictionary)
        ],
        "actors": [
            {
                "actor": row.actor,
                "mentions": row.mentions,
                "quotes": per_actor.get(row.actor, [0, 0])[0],
                "quoted_words": per_actor.get(row.actor, [0, 0])[1],
                "mean_compound": tone.get(row.actor),
            }
            for row in salience_records(article, dictionary)
        ],
        "frames": frame_totals(article),
    }
