"""Command line for comparisons: ``python -m analysis compare A B [...] [--json]`` and
``python -m analysis selection ARTICLE SOURCE [--json]`` (the JSON schemas are in the README).

Errors print one line on standard error, never a traceback; exit status 2 for bad input or
usage, 1 when the output cannot be written or for an unexpected failure, 130 for Ctrl-C.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.cli import (
    EXIT_BAD_INPUT,
    EXIT_INTERRUPTED,
    OneLineParser,
    guarded,
    report_error,
    write_stdout,
)

SUBCOMMANDS = ("compare", "selection")


def _parser(command: str) -> argparse.ArgumentParser:
    if command == "compare":
        parser = OneLineParser(prog="python -m analysis compare",
                         description="Two or more articles side by side: salience, voices, "
                                     "frames, tone, readability, key terms.")  # fmt: skip
        parser.add_argument("articles", nargs="+", metavar="ARTICLE",
                            help="two or more plain-text articles")  # fmt: skip
        parser.add_argument("--resamples", type=int, default=None, metavar="N",
                            help="bootstrap resamples (default 2000)")  # fmt: skip
        parser.add_argument("--seed", type=int, default=None, help="bootstrap seed")
        parser.add_argument("--top", type=int, default=20, metavar="N",
                            help="key terms per article (default 20)")  # fmt: skip
        parser.add_argument("--actors", default=None, metavar="PATH",
                            help="an actor dictionary of your own, in the format of "
                                 "analysis/data/actors.tsv (default: the shipped one)")  # fmt: skip
    else:
        parser = OneLineParser(prog="python -m analysis selection",
                         description="What an article took from its source document.")
        parser.add_argument("article", help="the plain-text article")
        parser.add_argument("source", help="the source document it reports (plain text)")
        parser.add_argument("--threshold", type=float, default=None, metavar="X",
                            help="Dice similarity from which a sentence reports a source "
                                 "sentence (default 0.3)")  # fmt: skip
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


# ---------------------------------------------------------------------------
# JSON


def _plain(value: Any) -> Any:
    """NumPy and pandas values as Python's, NaN and infinities as None (strict JSON)."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple | np.ndarray):
        return [_plain(item) for item in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not np.isfinite(value):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    return value


def _records(table: pd.DataFrame) -> list[dict[str, Any]]:
    return [_plain(row) for row in table.to_dict("records")]


def comparison_json(comparison: Any, *, top: int = 20) -> dict[str, Any]:
    """The JSON object of ``compare`` (schema in the README)."""
    keyness = comparison.keyness.groupby("article_id", sort=False).head(top)
    return {
        "articles": _records(comparison.articles),
        "bootstrap": {"n_resamples": comparison.bootstrap.n_resamples,
                      "seed": comparison.bootstrap.seed,
                      "confidence": comparison.bootstrap.confidence},
        "salience": _records(comparison.salience),
        "voices": _records(comparison.voices),
        "frames": _records(comparison.frames),
        "tone": _records(comparison.tone),
        "readability": _records(comparison.readability),
        "keyness": _records(keyness),
        "differences": _records(comparison.differences),
        "notes": list(comparison.notes),
    }


def selection_json(result: Any, article: str, source: str) -> dict[str, Any]:
    """The JSON object of ``selection`` (schema in the README)."""
    return {
        "article": article,
        "source": source,
        "summary": _plain(result.summary),
        "source_sentences": _records(result.source),
        "article_sentences": _records(result.article),
        "quotes": _records(result.quotes),
        "terms": _records(result.terms),
        "notes": list(result.notes),
    }


# ---------------------------------------------------------------------------
# Text


def _interval(row: pd.Series, digits: int = 2) -> str:
    value = f"{row['value']:.{digits}f}"
    if pd.notna(row["ci_low"]):
        value += f" [{row['ci_low']:.{digits}f}, {row['ci_high']:.{digits}f}]"
    return value


def format_comparison(comparison: Any, *, top: int = 8) -> str:
    """A readable summary of a comparison: each table's main measure per article."""
    lines = []
    for row in comparison.articles.itertuples():
        lines.append(f"{row.article_id}: {row.headline} ({row.n_sentences} sentences, "
                     f"{row.n_words} words, {row.n_quotes} quotations)")  # fmt: skip
    sections = [
        ("Salience: share of body sentences", comparison.salience, "actor", "sentence_share"),
        ("Voices: share of quoted words, by speaker",
         comparison.voices[comparison.voices["by"] == "speaker"], "voice", "word_share"),
        ("Frames: share of body sentences", comparison.frames, "frame", "sentence_share"),
        ("Tone: mean VADER compound", comparison.tone, "actor", "compound"),
        ("Tone: mean security-lexicon tone", comparison.tone, "actor", "domain_tone"),
    ]
    for title, table, key, measure in sections:
        lines += ["", title + " (95% interval)"]
        rows = table[table["measure"] == measure]
        for (name, article), group in rows.groupby([key, "article_id"], sort=False):
            lines.append(f"  {name:<32} {article:<40} {_interval(group.iloc[0])}")
    lines += ["", "Readability"]
    for row in comparison.readability.itertuples():
        low = "" if pd.isna(row.ci_low) else f" [{row.ci_low:.1f}, {row.ci_high:.1f}]"
        lines.append(f"  {row.measure:<32} {row.article_id:<40} {row.value:.1f}{low}")
    lines += ["", "Key terms (against the other articles; G2)"]
    for article, group in comparison.keyness.groupby("article_id", sort=False):
        terms = ", ".join(f"{r.term} ({r.log_likelihood:.1f})"
                          for r in group[group["log_likelihood"] > 0].head(top).itertuples())
        lines.append(f"  {article}: {terms or '(none)'}")
    clear = comparison.differences[comparison.differences["clear"]]
    lines += ["", f"Clear differences (95% interval excludes 0): {len(clear)}"]
    for row in clear.itertuples():
        lines.append(f"  {row.table} {row.key} {row.measure}: {row.article_a} − {row.article_b}"
                     f" = {row.difference:.3f} [{row.ci_low:.3f}, {row.ci_high:.3f}]")  # fmt: skip
    lines += [f"Note: {note}" for note in comparison.notes]
    return "\n".join(lines)


def format_selection(result: Any) -> str:
    """A readable summary of a selection: passages by status, unsourced sentences, quotes."""
    s = result.summary
    tau = s["order_tau"]
    order = "" if tau != tau else f"; order tau {tau:.2f}"  # NaN: fewer than two passages
    lines = [
        f"Source sentences: {s['source_sentences']}; quoted {s['quoted']}, altered quote "
        f"{s['altered_quote']}, paraphrased {s['paraphrased']}, omitted {s['omitted']} "
        f"(coverage {s['coverage']:.0%}{order})",
        "",
        "Source passages, in the article's order of telling:",
    ]
    for row in result.order.itertuples():
        lines.append(f"  S{row.source_sentence} {row.status} in A{row.article_sentences}: "
                     f"{row.text}")  # fmt: skip
    lines += ["", "Left out:"]
    for row in result.source[result.source["status"] == "omitted"].itertuples():
        lines.append(f"  S{row.source_sentence}: {row.text}")
    lines += ["", "Article sentences without a source (the reporter's own framing):"]
    for row in result.unsourced.itertuples():
        lines.append(f"  A{row.sentence}: {row.text}")
    lines += ["", "Quotations:"]
    for row in result.quotes.itertuples():
        detail = f" ({row.changes})" if row.changes else ""
        lines.append(f"  {row.status}{detail}: “{row.text}”")
    terms = result.terms
    for status in ("amplified", "dropped", "added"):
        chosen = terms[terms["status"] == status]
        if status == "dropped":
            chosen = chosen.sort_values(["count_source", "lemma"], ascending=[False, True])
        words = ", ".join(_lemma(row.lemma, row.forms) for row in chosen.head(12).itertuples())
        lines.append(f"Terms {status}: {words or '(none)'}")
    lines += [f"Note: {note}" for note in result.notes]
    return "\n".join(lines)


def _lemma(lemma: str, forms: list[str]) -> str:
    """A lemma as a reader can recognise it: with its most frequent word form when no form
    starts with it (``penny (pence)``, a name taken for a word; ``defense (defence)``), alone
    otherwise (``home`` for ``homes``)."""
    if not forms or any(form.startswith(lemma) for form in forms):
        return lemma
    return f"{lemma} ({forms[0]})"


# ---------------------------------------------------------------------------
# Running


def _run(argv: Sequence[str]) -> int:
    command, rest = argv[0], list(argv[1:])
    args = _parser(command).parse_args(rest)
    if command == "compare":
        from analysis.comparison.side_by_side import compare

        if len(args.articles) < 2:
            return report_error("compare needs two or more articles", EXIT_BAD_INPUT)
        if args.top < 0:
            return report_error(f"--top must be 0 or more, not {args.top}", EXIT_BAD_INPUT)
        settings = {key: value for key, value in
                    (("n_resamples", args.resamples), ("seed", args.seed)) if value is not None}
        if args.actors is not None:
            from analysis.framing import load_actor_dictionary

            settings["dictionary"] = load_actor_dictionary(args.actors)
        result = compare([Path(name) for name in args.articles], **settings)
        output = (json.dumps(comparison_json(result, top=args.top), ensure_ascii=False,
                             indent=2, allow_nan=False)
                  if args.json else format_comparison(result))  # fmt: skip
    else:
        from analysis.comparison.against_source import selection

        settings = {} if args.threshold is None else {"threshold": args.threshold}
        result = selection(Path(args.article), Path(args.source), **settings)
        output = (json.dumps(selection_json(result, args.article, args.source),
                             ensure_ascii=False, indent=2, allow_nan=False)
                  if args.json else format_selection(result))  # fmt: skip
    write_stdout(output + "\n")
    return 0


def main(argv: Sequence[str]) -> int:
    """Run ``compare`` or ``selection`` (``argv[0]``); return the exit status."""
    if not argv or argv[0] not in SUBCOMMANDS:
        return report_error(f"expected one of {', '.join(SUBCOMMANDS)}", EXIT_BAD_INPUT)
    try:
        return guarded(lambda: _run(argv), what="the result")
    except KeyboardInterrupt:
        return report_error("interrupted", EXIT_INTERRUPTED)
