"""The key findings that open notebooks 00-03, as Markdown bullet lines written from computed
values and true on any article (notebook 04's are :func:`analysis.framing.findings`; notebook
05's, over a corpus summary, :func:`many`).

Each function says what the numbers say and nothing else: a count of zero, a missing index or
an absent voice gets its own sentence ("No sentence is mostly quoted speech"), never a hole.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from analysis.article import Article


def plural(n: int, word: str, words: str | None = None) -> str:
    """``1 sentence``, ``2 sentences``; ``words`` for an irregular plural."""
    return f"{n:,} {word if n == 1 else words or word + 's'}"


def listing(items: Iterable[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def balance(positive: int, negative: int) -> str:
    """How positive and negative sentences compare, in words."""
    if positive == negative == 0:
        return "no positive and no negative sentence"
    if positive == negative:
        return f"as many positive as negative sentences ({positive} each)"
    more, fewer = ("positive", "negative") if positive > negative else ("negative", "positive")
    return (f"more {more} than {fewer} sentences "
            f"({max(positive, negative)} against {min(positive, negative)})")  # fmt: skip


def structure(article: Article) -> list[str]:
    """Notebook 00: body size and sentence lengths, headline, dateline, metadata, sections."""
    from statistics import median

    from analysis.article import unnest_sentences

    table = unnest_sentences(article)
    lengths = table.loc[table["part"] == "body", "n_words"].tolist()
    n_words = len(article.body_words)
    lines = [
        f"- **Body:** {plural(len(article.paragraphs), 'paragraph')}, "
        f"{plural(len(article.body_sentences), 'sentence')} and {plural(n_words, 'word')}, "
        f"in language `{article.language}`"
        + (f"; sentences run from {min(lengths)} to {max(lengths)} words (median "
           f"{median(lengths):g})." if lengths else "."),
        f"- **Headline:** “{article.headline}”." if article.headline else
        "- **No headline** was found.",
        f"- **Dateline:** “{article.dateline.text}”, kept out of the first sentence."
        if article.dateline else "- **No dateline** opens the body.",
    ]  # fmt: skip
    if article.metadata:
        lines.append(f"- **Metadata lines** kept apart from the body: "
                     f"{', '.join(article.metadata)}.")  # fmt: skip
    kept_out = [s for s in article.sections if not s.included]
    counted = [s for s in article.sections if s.included]
    if kept_out:
        lines.append("- **Kept out of the body:** " + "; ".join(
            f"“{s.heading}” (language `{s.language}`)" for s in kept_out) + ".")  # fmt: skip
    if counted:
        lines.append("- **Trailing sections counted in the body:** "
                     + "; ".join(f"“{s.heading}”" for s in counted) + ".")  # fmt: skip
    if not article.sections:
        lines.append("- **No trailing section** (author profile, related links) follows the "
                     "body.")  # fmt: skip
    return lines


def readability(article: Article) -> list[str]:
    """Notebook 01: Flesch band and consensus grade, the range of grade-level indices,
    narration against quotes, and textstat's sentence count against ours."""
    from analysis import readability as rd

    scores = rd.readability_scores(article)
    compared = rd.compare_with_textstat(article).set_index("measure")
    voices = rd.readability_table(article, "voice").set_index("voice")
    voices = voices[voices["n_sents"] > 0]
    grades = sorted(float(scores[name]) for name in grade_indices() if scores[name] is not None)
    n_ours = int(compared.loc["n_sents", "ours"])
    n_textstat = int(compared.loc["n_sents", "textstat"])
    lines = []
    if scores["flesch_reading_ease"] is not None:
        style, audience = rd.flesch_band(float(scores["flesch_reading_ease"]))
        consensus = float(scores["consensus_grade"])
        lines.append(f"- **{style.capitalize()}:** the body scores "
                     f"**{float(scores['flesch_reading_ease']):.0f}** on Flesch Reading Ease "
                     f"({audience}); its consensus grade is **{consensus:.0f}** "
                     f"({rd.grade_audience(consensus)}).")  # fmt: skip
    if grades:
        bands = dict.fromkeys([rd.grade_audience(grades[0]), rd.grade_audience(grades[-1])])
        lines.append(f"- **The grade-level indices** run from grade {grades[0]:.1f} to "
                     f"{grades[-1]:.1f} ({' to '.join(bands)}; "
                     f"{plural(len(grades), 'index', 'indices')} defined on "
                     f"{plural(n_ours, 'sentence')}).")  # fmt: skip
    else:
        lines.append("- **No grade-level index** is defined on so short a body.")
    if {"narration", "quote"} <= set(voices.index):
        narration = float(voices.loc["narration", "flesch_kincaid_grade"])
        quote = float(voices.loc["quote", "flesch_kincaid_grade"])
        lines.append(f"- **Narration against quotes:** {harder_voice(article)} is the harder to "
                     f"read (Flesch–Kincaid grade {narration:.1f} in narration, "
                     f"{plural(int(voices.loc['narration', 'n_sents']), 'sentence')}; "
                     f"{quote:.1f} in quotes, "
                     f"{plural(int(voices.loc['quote', 'n_sents']), 'sentence')}).")  # fmt: skip
    else:
        lines.append("- **No sentence is mostly quoted speech** (or none is narration), so "
                     "narration and quotes cannot be compared.")  # fmt: skip
    gap = float(compared.loc["flesch_reading_ease", "difference"])
    if n_textstat != n_ours:
        lines.append(f"- **textstat** counts {n_textstat} sentences where the body has {n_ours}, "
                     f"so its Flesch Reading Ease is {plural(round(abs(gap)), 'point')} "
                     f"{'higher (easier)' if gap > 0 else 'lower (harder)'} than ours.")
    else:
        lines.append(f"- **textstat** counts the same {plural(n_ours, 'sentence')} as we do; "
                     f"its Flesch Reading Ease differs from ours by {gap:+.1f} (syllable "
                     "counts).")  # fmt: skip
    return lines


def grade_indices() -> list[str]:
    """The indices read as a US school grade (all but Flesch Reading Ease and Dale–Chall)."""
    from analysis.readability import INDEX_COLUMNS

    return [name for name in INDEX_COLUMNS
            if name not in ("flesch_reading_ease", "dale_chall_readability_score")]  # fmt: skip


def harder_voice(article: Article) -> str | None:
    """``"quoted speech"`` or ``"the reporter's narration"``, whichever has the higher
    Flesch–Kincaid grade; None unless the body has both voices."""
    from analysis.readability import readability_table

    voices = readability_table(article, "voice").set_index("voice")
    voices = voices[voices["n_sents"] > 0]
    if not {"narration", "quote"} <= set(voices.index):
        return None
    quote, narration = (voices.loc[v, "flesch_kincaid_grade"] for v in ("quote", "narration"))
    return "quoted speech" if quote > narration else "the reporter's narration"


def sentiment(article: Article) -> list[str]:
    """Notebook 02: mean tones, the balance of positive and negative sentences for each
    method, the most negative sentence, disagreements, and VADER's coverage."""
    from analysis import sentiment as sn

    sentences = sn.sentence_sentiment(article)
    body = sentences[sentences["part"] == "body"]
    means = sn.sentiment_by(article, "article").iloc[0]
    vader = body["label"].value_counts()
    domain = body["domain_label"].value_counts()
    lines = [
        f"- **Mean tone of the body** over {plural(len(body), 'sentence')}: VADER "
        f"**{means['mean_compound']:+.2f}**, the security lexicon "
        f"**{means['mean_domain_tone']:+.2f}** (−1 to +1).",
        f"- **VADER** finds {balance(vader.get('positive', 0), vader.get('negative', 0))}; "
        f"**the security lexicon** finds "
        f"{balance(domain.get('positive', 0), domain.get('negative', 0))}.",
    ]
    if len(body):
        low = body.loc[body["domain_tone"].idxmin()]
        if low["domain_tone"] < 0:
            lines.append(f"- **The most negative sentence** on the security lexicon is sentence "
                         f"{int(low['sentence'])} ({low['domain_tone']:+.2f}): "
                         f"“{_excerpt(low['text'])}”")  # fmt: skip
        else:
            lines.append("- **No sentence is negative** on the security lexicon.")
    disagree = sn.disagreements(article)
    lines.append(f"- **The two methods disagree** (one positive, the other negative) on "
                 f"{plural(len(disagree), 'sentence')}." if len(disagree) else
                 "- **The two methods never give opposite labels** to a sentence.")  # fmt: skip
    coverage = sn.vader_coverage(article)
    if len(coverage):
        lines.append(f"- **VADER knows {coverage['in_vader'].mean():.0%}** of the body's distinct "
                     f"content words; the security lexicon matches "
                     f"{coverage['in_domain'].mean():.0%}.")  # fmt: skip
    return lines


def _excerpt(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def terms(article: Article) -> list[str]:
    """Notebook 03: word counts, the most frequent and the most key terms (in the article's
    own case), and the recurring word pairs."""
    from analysis import terms as tm
    from analysis.tables import display_forms

    words = tm.unnest_terms(article)
    body = words[words["part"] == "body"]
    forms = display_forms(article)
    top = tm.term_counts(article)
    key = tm.keyness(article)

    def named(items: list[str]) -> str:
        return listing([f"**{forms.get(t, t)}**" for t in items])

    n_content, n_stop = int(body["is_content"].sum()), int(body["is_stopword"].sum())
    lines = [f"- **The body has {plural(len(body), 'word')}:** "
             f"{plural(n_content, 'content word')}, {plural(n_stop, 'stopword')} and "
             f"{plural(int(body['is_number'].sum()), 'number')}."]  # fmt: skip
    if len(top):
        counts = ", ".join(str(c) for c in top["count"].head(3))
        lines.append(f"- **Most frequent content terms:** {named(list(top['term'].head(3)))} "
                     f"({counts} times).")  # fmt: skip
    if len(key):
        lines.append(f"- **Most key against general English:** "
                     f"{named(list(key['term'].head(3)))} (log-likelihood "
                     f"{key['log_likelihood'].iloc[0]:.0f} for the first).")  # fmt: skip
    else:
        lines.append("- **No content term occurs twice**, so keyness has nothing to rank.")
    pairs = tm.collocations(article, min_count=2)
    if len(pairs):
        verb = "recurs" if len(pairs) == 1 else "recur"
        lines.append(f"- **{plural(len(pairs), 'word pair')} {verb}** together more than "
                     "chance predicts.")  # fmt: skip
    else:
        lines.append("- **No pair of content words recurs**: the article has no fixed phrase "
                     "of its own.")  # fmt: skip
    return lines


def frame_rates(summary: pd.DataFrame) -> pd.DataFrame:
    """Frame words per 1,000 body words of each analysed article of a corpus summary
    (:func:`analysis.corpus.analyze_many`): index ``article_id``, one column per frame (its
    name, as in ``frame_<name>`` of the summary). Articles with an error or no word are left
    out. Rates, not counts, so that a long article does not look more framed than a short one.
    """
    columns = [c for c in summary.columns if c.startswith("frame_")]
    ok = summary[summary["error"].isna() & (summary["words"] > 0)].set_index("article_id")
    rates = ok[columns].astype(float).div(ok["words"].astype(float), axis=0) * 1000
    return rates.rename(columns=lambda c: c.removeprefix("frame_")).round(1)


def many(summary: pd.DataFrame) -> list[str]:
    """Notebook 05: how many files were read and analysed, the easiest and hardest to read,
    the range of tone and which article leans most on which frame."""
    ok = summary[summary["error"].isna()]
    failed = summary[summary["error"].notna()]
    lines = [f"**{plural(len(summary), 'file')} read:** {len(ok)} analysed, {len(failed)} failed"
             + (f" ({listing(list(failed['article_id']))}: the error is in its row, and the run "
                "went on)." if len(failed) else ".")]  # fmt: skip
    if len(ok) == 0:
        return lines
    easiest = ok.loc[ok["flesch_reading_ease"].idxmax()]
    hardest = ok.loc[ok["flesch_reading_ease"].idxmin()]
    if len(ok) > 1:
        lines.append(f"**Easiest to read:** {easiest['article_id']} (Flesch Reading Ease "
                     f"{easiest['flesch_reading_ease']:.0f}); **hardest:** "
                     f"{hardest['article_id']} ({hardest['flesch_reading_ease']:.0f}).")
        low = ok.loc[ok["mean_compound"].idxmin()]
        high = ok.loc[ok["mean_compound"].idxmax()]
        lines.append(f"**Mean VADER tone** runs from {low['mean_compound']:+.2f} "
                     f"({low['article_id']}) to {high['mean_compound']:+.2f} "
                     f"({high['article_id']}).")  # fmt: skip
    rates = frame_rates(summary)
    if len(rates) and float(rates.to_numpy().max()) > 0:
        article, frame = rates.stack().idxmax()
        from analysis.tables import frame_label

        lines.append(f"**Most framed:** {article}, with {rates.loc[article, frame]:g} "
                     f"{frame_label(frame).lower()} words per 1,000 words.")
    else:
        lines.append("**No frame word** in any article.")
    return lines
