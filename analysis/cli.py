"""Command line: ``python -m analysis ARTICLE [--json]`` and ``... DIR_OR_GLOB --csv OUT``.

Prints a readable summary of one article, or with ``--json`` one JSON object
whose schema the README documents. ``-`` reads the article from standard
input. A folder or glob pattern writes one summary row per article to
``--csv`` / ``--parquet`` files (or CSV on standard output); an article that
fails gets its error in its row. Errors print one line on standard error and exit with status 2 (bad
input) or 1 (anything else); never a traceback.
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from analysis import framing, readability, sentiment, terms
from analysis.article import Article, load_article, overview
from analysis.errors import AnalysisError

EXIT_BAD_INPUT = 2
EXIT_FAILURE = 1


def summarize(article: Article) -> dict[str, Any]:
    """The JSON summary of an article (schema in the README)."""
    notes = []
    if article.language not in ("en", "und"):
        notes.append(
            f"the body's language is {article.language!r}: readability formulas, VADER and the "
            "lexicons are built for English, so those numbers are not meaningful"
        )
    return {
        **overview(article),
        "notes": notes,
        "readability": readability.readability_scores(article),
        "readability_textstat": readability.textstat_scores(article.body_text),
        "sentiment": sentiment.sentiment_summary(article),
        "top_terms": terms.top_terms(article),
        "key_terms": terms.key_terms(article),
        **framing.framing_summary(article),
    }


def format_summary(summary: dict[str, Any]) -> str:
    """The readable, plain-text form of :func:`summarize`'s output."""
    lines = [
        f"Title:      {summary['title'] or '(no headline)'}",
        f"Dateline:   {summary['dateline'] or '(none)'}",
        f"Metadata:   {', '.join(summary['metadata']) or '(none)'}",
        f"Language:   {summary['language']}",
        f"Body:       {summary['paragraphs']} paragraphs, {summary['sentences']} sentences, "
        f"{summary['words']} words",
    ]
    for section in summary["sections"]:
        status = "counted in body" if section["included"] else "kept apart from body"
        lines.append(f"Section:    {section['heading']} ({section['language']}, {status})")
    scores = summary["readability"]
    if scores["flesch_reading_ease"] is not None:
        style, audience = readability.flesch_band(scores["flesch_reading_ease"])
        textstat_grade = summary["readability_textstat"]["consensus_grade"]
        lines.append(
            f"Readability: Flesch Reading Ease {scores['flesch_reading_ease']} ({style}, "
            f"{audience}); consensus grade {scores['consensus_grade']} "
            f"(textstat, splitting at every period: {textstat_grade})"
        )
    mood = summary["sentiment"]
    if mood["mean_compound"] is not None:
        lines.append(
            f"Sentiment:  mean VADER compound {mood['mean_compound']} over body sentences; "
            f"domain lexicon tone {mood['mean_domain_tone']}; VADER knows "
            f"{mood['vader_coverage']:.0%} of the content words"
        )
    if summary["top_terms"]:
        top = ", ".join(f"{t['term']} ({t['count']})" for t in summary["top_terms"][:8])
        lines.append(f"Top terms:  {top}")
        key = ", ".join(t["term"] for t in summary["key_terms"][:8])
        lines.append(f"Key terms:  {key} (against general English)")
    if summary["actors"]:
        actors = ", ".join(
            f"{a['actor']} ({a['mentions']} mentions, {a['quotes']} quotes)"
            for a in summary["actors"][:5]
        )
        lines.append(f"Actors:     {actors}")
    kinds = [q["kind"] for q in summary["quotes"]]
    if kinds:
        lines.append(
            f"Quotes:     {len(kinds)} ({kinds.count('direct')} direct, "
            f"{kinds.count('partial')} partial, {kinds.count('term')} terms in quotes)"
        )
    frames = sorted(summary["frames"].items(), key=lambda item: -item[1])
    lines.append("Frames:     " + ", ".join(f"{name} {count}" for name, count in frames))
    lines += [f"Note:       {note}" for note in summary["notes"]]
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Summarise how a news article is built and framed.",
    )
    parser.add_argument(
        "article",
        help="a plain-text article, - for standard input, or a folder or glob of articles",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--csv", metavar="OUT", help="write one summary row per article to OUT")
    parser.add_argument("--parquet", metavar="OUT", help="write the summary rows as Parquet")
    parser.add_argument("--jobs", type=int, default=1, metavar="N",
                        help="processes for many articles (-1: all cores; default 1)")  # fmt: skip
    return parser


def _is_corpus(args: argparse.Namespace) -> bool:
    many = Path(args.article).is_dir() or glob.has_magic(args.article)
    return args.article != "-" and (many or bool(args.csv or args.parquet))


def _run_corpus(args: argparse.Namespace) -> int:
    """Folder or glob mode: summary rows to CSV/Parquet files, or CSV on standard output."""
    from analysis import corpus

    outputs = [out for out in (args.csv, args.parquet) if out]
    for out in outputs:
        count = corpus.write_summaries(args.article, out, n_jobs=args.jobs)
        print(f"{count} articles -> {out}", file=sys.stderr)
    if not outputs:
        result = corpus.analyze_many(args.article, n_jobs=args.jobs)
        result.summary.to_csv(sys.stdout, index=False)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if _is_corpus(args):
            return _run_corpus(args)
        if args.article == "-":
            article = load_article(sys.stdin.buffer.read(), article_id="stdin")
        else:
            article = load_article(Path(args.article))
        summary = summarize(article)
    except AnalysisError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as error:
        print(f"error: unexpected {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_FAILURE
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(format_summary(summary))
    return 0


def _as_path(argument: str):
    from pathlib import Path

    return Path(argument)
