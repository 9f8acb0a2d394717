"""Command line: ``python -m analysis ARTICLE [--json]`` and ``... DIR_OR_GLOB --csv OUT``.

Prints a readable summary of one article, or with ``--json`` one JSON object
whose schema the README documents. ``-`` reads the article from standard
input. A folder, a glob pattern or several paths (``a.txt b.txt``, or the files a
shell expands ``dir/*.txt`` to) write one summary row per article to
``--csv`` / ``--parquet`` files (or CSV on standard output); an article that
fails gets its error in its row, and the run ends with one line on standard
error: ``N analysed, M failed (see the error column)``. Errors print one line on
standard error and exit with status 2 (bad input) or 1 (anything else); never a
traceback.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from analysis import framing, readability, sentiment, terms
from analysis.article import (
    DEFAULT_MAX_BYTES,
    Article,
    InputHints,
    article_from_bytes,
    overview,
    read_bytes,
)
from analysis.errors import AnalysisError, ArticleError, UsageError
from analysis.json_output import iter_json, write_json

EXIT_BAD_INPUT = 2
EXIT_FAILURE = 1
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C

#: Size and encoding errors name the command line's flags.
CLI_HINTS = InputHints(max_bytes="--max-bytes N", encoding="--encoding")


def summarize(
    article: Article, *, with_textstat: bool = False, lazy: bool = False
) -> dict[str, Any]:
    """The JSON summary of an article (schema in the README). ``with_textstat`` adds
    textstat's own whole-text values beside ours (``readability_textstat``); they cost a
    second, for loading the CMU dictionary through NLTK, so they are asked for. ``lazy``:
    the per-sentence entries are made as they are written (see
    :func:`analysis.sentiment.sentiment_summary`)."""
    notes = []
    if article.language not in ("en", "und"):
        notes.append(
            f"the body's language is {article.language!r}: readability formulas, VADER and the "
            "lexicons are built for English, so those numbers are not meaningful"
        )
    extra = ({"readability_textstat": readability.textstat_scores(article.body_text)}
             if with_textstat else {})  # fmt: skip
    return {
        **overview(article),
        "notes": notes,
        "readability": readability.readability_scores(article),
        **extra,
        "sentiment": sentiment.sentiment_summary(article, lazy=lazy),
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
        line = (f"Readability: Flesch Reading Ease {scores['flesch_reading_ease']} ({style}, "
                f"{audience}); consensus grade {scores['consensus_grade']}")  # fmt: skip
        if "readability_textstat" in summary:
            grade = summary["readability_textstat"]["consensus_grade"]
            line += f" (textstat, splitting at every period: {grade})"
        lines.append(line)
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


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number of bytes, got {value!r}")
    return number


class OneLineParser(argparse.ArgumentParser):
    """argparse, with a usage error on one line like every other error."""

    def error(self, message: str) -> NoReturn:
        report_error(f"{message} (see {self.prog} --help)", EXIT_BAD_INPUT)
        sys.exit(EXIT_BAD_INPUT)


def _parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="python -m analysis",
        description="Summarise how a news article is built and framed.",
    )
    parser.add_argument(
        "articles", nargs="+", metavar="ARTICLE",
        help="a plain-text article, - for standard input, or a folder, a glob pattern or "
             "several paths of articles (one summary row each)",
    )  # fmt: skip
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--encoding", default="utf-8",
                        help="encoding of the article (default utf-8; a UTF-16/32 byte-order "
                             "mark is followed whatever this says)")  # fmt: skip
    parser.add_argument("--max-bytes", type=_positive_int, default=DEFAULT_MAX_BYTES,
                        metavar="N", help="refuse an article larger than N bytes "
                        f"(default {DEFAULT_MAX_BYTES:,})")  # fmt: skip
    parser.add_argument("--textstat", action="store_true",
                        help="add textstat's own readability values beside ours "
                             "(readability_textstat; about a second more)")  # fmt: skip
    parser.add_argument("--csv", metavar="OUT", help="write one summary row per article to OUT")
    parser.add_argument("--parquet", metavar="OUT", help="write the summary rows as Parquet")
    parser.add_argument("--jobs", type=int, default=1, metavar="N",
                        help="processes for many articles (1: one, -1: all cores, -2: all but "
                             "one; default 1)")  # fmt: skip
    parser.add_argument("--resume", action="store_true",
                        help="carry on from OUT.partial left by an interrupted run")  # fmt: skip
    return parser


def _is_corpus(args: argparse.Namespace) -> bool:
    from analysis import corpus

    if len(args.articles) > 1:
        if "-" in args.articles:
            raise UsageError("- (standard input) is one article: it cannot be read beside "
                             "other paths")  # fmt: skip
        return True
    article = args.articles[0]
    return article != "-" and (corpus.is_many(article) or bool(args.csv or args.parquet))


def _run_corpus(args: argparse.Namespace) -> int:
    """Folder, glob or several paths: summary rows to CSV/Parquet files, or CSV on standard
    output; then one line on standard error with the number analysed and failed."""
    from analysis import corpus

    if args.encoding.lower() not in ("utf-8", "utf8") or args.max_bytes != DEFAULT_MAX_BYTES:
        raise ArticleError("--encoding and --max-bytes apply to one article, not a folder, "
                           "glob or several paths")  # fmt: skip
    inputs = args.articles[0] if len(args.articles) == 1 else args.articles
    outputs = [out for out in (args.csv, args.parquet) if out]
    errors: list[str | None] = []
    for out in outputs:
        count = corpus.write_summaries(inputs, out, n_jobs=args.jobs, resume=args.resume)
        print(f"{count} articles -> {out}", file=sys.stderr)
        errors = corpus.read_errors(out)
    if not outputs:
        import pandas as pd

        rows = corpus.summarize_many(inputs, n_jobs=args.jobs)
        summary = pd.DataFrame(list(rows), columns=corpus.SUMMARY_COLUMNS)
        write_stdout(summary.to_csv(index=False))
        errors = list(summary["error"])
    failed = sum(isinstance(error, str) and error != "" for error in errors)  # NaN: none
    print(f"{len(errors) - failed} analysed, {failed} failed (see the error column)",
          file=sys.stderr)  # fmt: skip
    return 0


def _read_article(args: argparse.Namespace) -> Article:
    """The one article named on the command line (``-``: standard input)."""
    if args.articles[0] == "-":
        if sys.stdin is None:
            raise ArticleError("standard input is closed: there is no article to read")
        raw = read_bytes(sys.stdin.buffer, max_bytes=args.max_bytes, name="standard input",
                         hints=CLI_HINTS)  # fmt: skip
        return article_from_bytes(raw, encoding=args.encoding, name="standard input",
                                  article_id="stdin", hints=CLI_HINTS)  # fmt: skip
    name = args.articles[0]
    raw = read_bytes(Path(name), max_bytes=args.max_bytes, hints=CLI_HINTS)
    return article_from_bytes(raw, encoding=args.encoding, name=name, source=name,
                              hints=CLI_HINTS)  # fmt: skip


class OutputError(Exception):
    """Standard output cannot take the summary (closed, or the wrong encoding)."""


def write_json_stdout(value: Any) -> None:
    """Write ``value`` to standard output as strict, indented JSON and a line end, in
    chunks (see :mod:`analysis.json_output`). Text the console cannot encode is refused
    before anything is written: a console in a UTF encoding takes any text the command line
    reads (decoded bytes hold no lone surrogates); with another, the text is checked first."""
    stream = sys.stdout
    if stream is None:
        raise OutputError("standard output is closed")
    encoding = stream.encoding or "utf-8"
    try:
        if not codecs.lookup(encoding).name.startswith("utf"):
            for piece in iter_json(value):
                piece.encode(encoding, stream.errors or "strict")
        write_json(value, stream, end="\n")
    except (UnicodeEncodeError, LookupError) as error:
        raise OutputError(
            f"standard output ({encoding}) cannot encode the text; set PYTHONIOENCODING=utf-8"
        ) from error
    stream.flush()


#: Characters encoded at a time to check that the console can show a text (a long
#: summary is checked piece by piece, not copied whole into bytes).
_CHECK_CHARS = 1 << 20


def write_stdout(text: str, end: str = "") -> None:
    """Write ``text`` then ``end`` to standard output. Text the console cannot encode is
    refused before anything is written."""
    stream = sys.stdout
    if stream is None:
        raise OutputError("standard output is closed")
    encoding = stream.encoding or "utf-8"
    try:
        for start in range(0, len(text), _CHECK_CHARS):
            text[start : start + _CHECK_CHARS].encode(encoding, stream.errors or "strict")
        end.encode(encoding, stream.errors or "strict")
    except (UnicodeEncodeError, LookupError) as error:
        raise OutputError(
            f"standard output ({encoding}) cannot encode the text; set PYTHONIOENCODING=utf-8"
        ) from error
    stream.write(text)
    stream.write(end)
    stream.flush()


def _silence_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's last flush at
    exit does not fail again (and print a traceback) after the error was reported."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, AttributeError, ValueError):
        sys.stdout = None  # type: ignore[assignment]


def report_error(message: str, status: int) -> int:
    """Print ``error: message`` on standard error; return ``status``."""
    # When standard error itself is gone, the exit status is all that is left.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(f"error: {message}", file=sys.stderr, flush=True)
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status. One line on standard error for any
    failure (bad input, a closed or full output, Ctrl-C), never a traceback."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments and arguments[0] in ("compare", "selection"):  # ./compare reads a file
        from analysis.comparison.cli import main as compare_main

        return compare_main(arguments)
    try:
        return _main(argv)
    except KeyboardInterrupt:
        return report_error("interrupted", EXIT_INTERRUPTED)


def _main(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    return guarded(lambda: _run(args), what="the summary")


def _run(args: argparse.Namespace) -> int:
    if _is_corpus(args):
        return _run_corpus(args)
    summary = summarize(_read_article(args), with_textstat=args.textstat, lazy=args.json)
    if args.json:
        write_json_stdout(summary)
    else:
        write_stdout(format_summary(summary), end="\n")
    return 0


def guarded(run: Callable[[], int], *, what: str) -> int:
    """``run()``'s exit status, with every failure turned into one line on standard error and
    its status: bad input (:class:`AnalysisError`) 2; a closed pipe, an output that cannot
    take ``what``, a full disk or anything unexpected 1. Never a traceback."""
    try:
        return run()
    except AnalysisError as error:
        return report_error(str(error), EXIT_BAD_INPUT)
    except BrokenPipeError:
        _silence_stdout()
        return report_error(f"standard output was closed before {what} was written "
                            "(broken pipe)", EXIT_FAILURE)  # fmt: skip
    except OutputError as error:
        _silence_stdout()
        return report_error(str(error), EXIT_FAILURE)
    except OSError as error:
        if error.filename is None:  # writing standard output failed (e.g. a full disk)
            _silence_stdout()
            return report_error(f"cannot write the output ({error.strerror or error})",
                                EXIT_FAILURE)  # fmt: skip
        return report_error(f"{error.filename}: {error.strerror or error}", EXIT_FAILURE)
    except Exception as error:
        return report_error(f"unexpected {type(error).__name__}: {error}", EXIT_FAILURE)
