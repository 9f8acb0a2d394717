"""Many articles: one summary row per article and long tables keyed by ``article_id``.

:func:`analyze_many` runs the single-article analysis (:func:`analyze_article`)
on every input, in worker processes when ``n_jobs`` is not 1 (joblib's
convention: ``-1`` all cores, ``-2`` all but one), with a progress bar when the
session is interactive. An article that fails is not lost: its summary row
carries the error and the run goes on; a worker process that dies (killed, out
of memory) costs only the article it held. :func:`write_summaries` streams the
summary rows to CSV or Parquet through ``NAME.partial``, renamed to ``NAME``
when the run completes, so an interrupted run never leaves a file that looks
complete; ``resume=True`` carries on where it stopped. :func:`analyze_many_dask`
runs the same function on a Dask cluster (``pip install .[dask]``).

A batch loads the dictionaries once before its first article and keeps them out
of the garbage collector's scans while it runs: in each worker process
(:func:`_worker_main`), or, in one process, for the batch's duration only
(:func:`_loaded_and_frozen`, undone when the batch ends, fails or is closed).
"""

from __future__ import annotations

import gc
import glob
import multiprocessing
import numbers
import os
import shutil
import signal
import sys
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis import framing, readability, sentiment, terms
from analysis.article import Article, load_article, parse_article
from analysis.errors import ArticleError, DependencyError, UsageError, WorkerError

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    import pandas as pd
    import pyarrow as pa

#: One item of work: the article id and a path, the article's text, or None (text missing).
Item = tuple[str, "str | Path | None"]

#: What the batch functions accept: a folder, a glob pattern, a file, a list of paths, a DataFrame.
Inputs = "str | Path | Sequence[str | Path] | pd.DataFrame"

SUMMARY_COLUMNS = [
    "article_id", "source", "error", "title", "language", "paragraphs", "sentences", "words",
    *readability.INDEX_COLUMNS, "mean_compound", "mean_domain_tone", "top_frame",
    *[f"frame_{name}" for name in framing.load_frames().categories],
    "n_actors", "top_actor", "n_quotes", "n_direct_quotes", "n_reported", "most_quoted_actor",
    "top_terms",
]  # fmt: skip


@dataclass(frozen=True)
class CorpusResult:
    """Tables for a set of articles, all keyed by ``article_id``.

    ``summary``: one row per article (:data:`SUMMARY_COLUMNS`); ``sentences``:
    one row per sentence with its tone; ``quotes``: one row per quote
    (:func:`analysis.framing.unnest_quotes`); ``actors``: one row per actor
    and article (mentions, quotes, tone, role).
    """

    summary: pd.DataFrame
    sentences: pd.DataFrame
    quotes: pd.DataFrame
    actors: pd.DataFrame


# ---------------------------------------------------------------------------
# One article


def summary_row(article: Article) -> dict[str, Any]:
    """The article's summary row (see :data:`SUMMARY_COLUMNS`)."""
    scores = readability.readability_scores(article)
    mean_compound, mean_domain_tone = sentiment.body_means(article)
    frames = framing.frame_totals(article)
    actors = framing.actors_by_salience(article)
    quotes = framing.quote_counts(article)
    return {
        "article_id": article.article_id,
        "source": article.source,
        "error": None,
        "title": article.title,
        "language": article.language,
        "paragraphs": len(article.paragraphs),
        "sentences": len(article.body_sentences),
        "words": len(article.body_words),
        **{name: scores[name] for name in readability.INDEX_COLUMNS},
        "mean_compound": mean_compound,
        "mean_domain_tone": mean_domain_tone,
        "top_frame": max(frames, key=frames.get) if any(frames.values()) else None,
        **{f"frame_{name}": count for name, count in frames.items()},
        "n_actors": len(actors),
        "top_actor": actors[0] if actors else None,
        "n_quotes": quotes["direct"] + quotes["partial"],
        "n_direct_quotes": quotes["direct"],
        "n_reported": quotes["indirect"],
        "most_quoted_actor": framing.most_quoted_actor(article),
        "top_terms": "; ".join(t["term"] for t in terms.top_terms(article, 10)),
    }


def _long_tables(article: Article) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    sentences = sentiment.sentence_sentiment(article)[
        ["article_id", "sentence", "paragraph", "part", "voice", "compound", "label",
         "domain_tone", "domain_label", "text"]
    ]  # fmt: skip
    quotes = framing.unnest_quotes(article)
    actors = framing.actor_salience(article).drop(columns="sentences")
    tone = framing.actor_tone(article)[["actor", "mean_compound", "mean_domain_tone"]]
    roles = framing.problem_and_remedy(article)[["actor", "role"]]
    actors = actors.merge(tone, on="actor", how="left").merge(roles, on="actor", how="left")
    actors.insert(0, "article_id", article.article_id)
    return sentences, quotes, actors


def analyze_article(article: Article) -> CorpusResult:
    """All the corpus tables for one article."""
    import pandas as pd

    sentences, quotes, actors = _long_tables(article)
    return CorpusResult(pd.DataFrame([summary_row(article)], columns=SUMMARY_COLUMNS),
                        sentences, quotes, actors)  # fmt: skip


def _load(item: Item) -> Article:
    article_id, source = item
    if source is None:
        raise ArticleError(f"{article_id}: the text is missing (None or NaN in the DataFrame)")
    if isinstance(source, Path):
        return load_article(source, article_id=article_id)
    return load_article(source.encode("utf-8"), article_id=article_id)


def _error_row(item: Item, error: Exception) -> dict[str, Any]:
    article_id, source = item
    row: dict[str, Any] = dict.fromkeys(SUMMARY_COLUMNS)
    row.update(article_id=article_id, source=str(source) if isinstance(source, Path) else None,
               error=f"{type(error).__name__}: {error}")  # fmt: skip
    return row


def _summarize_item(item: Item) -> dict[str, Any]:
    """The summary row of one item, or a row carrying its error (never raises)."""
    try:
        return summary_row(_load(item))
    except Exception as error:  # a failing article is recorded, not fatal
        return _error_row(item, error)


def _analyze_item(item: Item) -> tuple[dict[str, Any], tuple[pd.DataFrame, ...] | None]:
    """The summary row and long tables of one item, or its error row (never raises)."""
    try:
        article = _load(item)
        tables = _long_tables(article)  # first: the summary's means then read its sentences
        return summary_row(article), tables
    except Exception as error:  # a failing article is recorded, not fatal
        return _analysis_failure(item, error)


def _analysis_failure(item: Item, error: Exception) -> tuple[dict[str, Any], None]:
    return _error_row(item, error), None




# ---------------------------------------------------------------------------
# Inputs


def collect_items(inputs: str | Path | Sequence[str | Path] | pd.DataFrame) -> list[Item]:
    """Work items from a folder, a glob pattern, a file, a list of these, or a DataFrame.

    A folder gives its ``.txt`` files (suffix in any case; not its subfolders). A
    string naming an existing file is that file, even with ``[``, ``*`` or ``?`` in
    its name; any other string with those characters is a glob pattern (``**``
    spans subfolders). Each entry of a list is read the same way, in order (the
    paths a shell expands a glob to, ``a.txt b.txt``, or folders and patterns).
    Ids are unique: a file's id is its path relative to the
    files' common folder, without the suffix (the file stem, for files of one
    folder; ``a/story`` and ``b/story`` for two ``story.txt``). A DataFrame needs
    a ``text`` column (a missing text makes that row an error row) and may have
    ``article_id`` (default: the row label), which must be unique.

    Raises :class:`UsageError` for an empty string (alone or in a list), an empty
    list or duplicate DataFrame ids, and :class:`ArticleError` for a missing path,
    a folder without ``.txt`` files or a pattern that matches nothing; all before
    any article is read.
    """
    if isinstance(inputs, (str, Path)):
        paths = _expand(inputs)
    elif _is_frame(inputs):
        return _frame_items(inputs)
    else:
        entries = list(inputs)
        if not entries:
            raise UsageError("the list of inputs is empty: give at least one file, folder or "
                             "glob pattern")  # fmt: skip
        paths = [path for entry in entries for path in _expand(entry)]
    return list(zip(_path_ids(paths), paths, strict=True))


def _is_frame(inputs: object) -> bool:
    """Whether ``inputs`` is a DataFrame (pandas is imported only if it could be one)."""
    if "pandas" not in sys.modules:  # no DataFrame can exist before pandas is imported
        return False
    import pandas as pd

    return isinstance(inputs, pd.DataFrame)


def is_many(argument: str | Path) -> bool:
    """Whether ``argument`` names several articles: a folder, or a glob pattern that is
    not itself the name of an existing file (for the command line's corpus mode)."""
    path = Path(argument)
    return path.is_dir() or (not path.exists() and glob.has_magic(str(argument)))


def _expand(inputs: str | Path) -> list[Path]:
    """The files one input names: a folder's ``.txt`` files, a file, or a pattern's matches."""
    if not isinstance(inputs, (str, Path)):
        raise UsageError(f"an input must be a path or a glob pattern, not {inputs!r}")
    text = str(inputs)
    if not text.strip():
        raise UsageError("the input is an empty string: give a folder, a glob pattern, a file, "
                         "a list of paths or a DataFrame")  # fmt: skip
    path = Path(inputs)
    if path.is_dir():
        paths = sorted(p for p in path.iterdir() if p.suffix.lower() == ".txt" and p.is_file())
        if not paths:
            raise ArticleError(f"{path}: the folder has no .txt files")
        return paths
    if path.exists():  # a file, whatever characters its name holds
        return [path]
    if glob.has_magic(text):
        paths = sorted(Path(p) for p in glob.glob(text, recursive=True) if not Path(p).is_dir())
        if not paths:
            raise ArticleError(f"{inputs}: no file matches the pattern")
        return paths
    raise ArticleError(f"{inputs}: no such file or folder")


def _path_ids(paths: Sequence[Path]) -> list[str]:
    """Unique ids: each path relative to the common folder, without its suffix; the
    suffix is kept where two would be equal (``a.txt``, ``a.TXT``), then ``#2``, ``#3``."""
    if not paths:
        return []
    absolute = [os.path.abspath(p) for p in paths]
    try:
        common = os.path.commonpath([os.path.dirname(a) for a in absolute])
        relative = [Path(os.path.relpath(a, common)) for a in absolute]
    except ValueError:  # different drives
        relative = [Path(a) for a in absolute]
    ids = [r.with_suffix("").as_posix() for r in relative]
    spellings: dict[str, set[str]] = {}
    for article_id, path in zip(ids, relative, strict=True):
        spellings.setdefault(article_id, set()).add(path.as_posix())
    ids = [r.as_posix() if len(spellings[i]) > 1 else i for i, r in zip(ids, relative, strict=True)]
    seen: Counter[str] = Counter()
    unique = []
    for article_id in ids:
        seen[article_id] += 1
        unique.append(article_id if seen[article_id] == 1 else f"{article_id}#{seen[article_id]}")
    return unique


def _frame_items(frame: pd.DataFrame) -> list[Item]:
    if "text" not in frame.columns:
        raise ArticleError("the DataFrame needs a 'text' column with the articles")
    labels = frame["article_id"] if "article_id" in frame.columns else frame.index
    ids = [str(label) for label in labels]
    repeated = sorted(i for i, n in Counter(ids).items() if n > 1)
    if repeated:
        shown = ", ".join(repr(i) for i in repeated[:5]) + (", ..." if len(repeated) > 5 else "")
        raise UsageError(f"article ids must be unique, and {shown} appear more than once in the "
                         "DataFrame: give it an 'article_id' column of unique ids")  # fmt: skip
    texts = [None if _missing(text) else str(text) for text in frame["text"]]
    return list(zip(ids, texts, strict=True))


def _missing(value: object) -> bool:
    import pandas as pd

    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


# ---------------------------------------------------------------------------
# Running: in this process, or in worker processes


def effective_n_jobs(n_jobs: int) -> int:
    """Processes for ``n_jobs``, counted as joblib does: ``1`` one, ``-1`` every core,
    ``-2`` all but one (at least one); ``0`` or a non-integer raises :class:`UsageError`."""
    if isinstance(n_jobs, bool) or not isinstance(n_jobs, numbers.Integral):
        raise UsageError(f"n_jobs must be an integer, got {n_jobs!r}")
    if n_jobs == 0:
        raise UsageError("n_jobs=0 asks for no process at all: use 1 for one process, -1 for "
                         "every core, -2 for all cores but one")  # fmt: skip
    if n_jobs > 0:
        return int(n_jobs)
    return max(1, _cpu_count() + 1 + int(n_jobs))


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _interactive() -> bool:
    return sys.stderr.isatty() or "ipykernel" in sys.modules


def _run(function: Callable[[Item], Any], failure: Callable[[Item, Exception], Any],
         items: list[Item], n_jobs: int, progress: bool | None) -> Iterator[Any]:  # fmt: skip
    """``function`` over ``items``, results in input order, in this process or in workers.

    ``failure(item, error)`` makes the result of an item whose worker died. Closing
    the generator (or dropping it) stops the workers and restores the GC state.
    """
    if not items:
        return
    show = _interactive() if progress is None else progress
    workers = min(effective_n_jobs(n_jobs), len(items))
    if workers == 1:
        results = _in_process(function, items)
    else:
        results = _WorkerPool(function, failure, items, workers).results()
    shown = _progress(results, len(items), show)
    try:
        yield from shown
    finally:
        results.close()
        if shown is not results:
            shown.close()  # type: ignore[attr-defined]


def _in_process(function: Callable[[Item], Any], items: list[Item]) -> Iterator[Any]:
    with _loaded_and_frozen():
        for item in items:
            yield function(item)


#: A short article that touches every dictionary and model the summary uses.
_WARM_UP = """Talks end in Tokyo

TOKYO. Japan and the United States agreed to deepen defense ties, officials said on Sunday.
“We will deter threats together,” Defense Secretary Lloyd Austin said."""


def _warm_up() -> None:
    summary_row(parse_article(_WARM_UP, article_id="warm-up"))


#: The cyclic garbage collector's youngest-generation threshold during a batch (Python's
#: default: 700 new objects). An article makes tens of thousands of short-lived objects, which
#: reference counting frees; collecting every 700 of them cost about 7% of a batch's time on
#: distinct articles (``benchmarks/corpus.py``).
BATCH_GC_THRESHOLD = 10_000


@contextmanager
def _loaded_and_frozen() -> Iterator[None]:
    """Load the dictionaries and models (by analysing :data:`_WARM_UP`), then keep every
    object that exists out of the cyclic garbage collector's scans until the context ends,
    and collect the youngest generation every :data:`BATCH_GC_THRESHOLD` objects.

    The dictionaries are hundreds of thousands of objects (the CMU dictionary alone);
    every full collection would walk them again. On exit (normal, error, or a generator
    closed half way) the GC is as it was: unfrozen, enabled or not, its thresholds. When
    the caller has frozen objects of its own, nothing is frozen, so their freeze stays
    exactly as it was.
    """
    enabled = gc.isenabled()
    thresholds = gc.get_threshold()
    _warm_up()
    freeze = not gc.get_freeze_count()
    if freeze:
        gc.freeze()
    gc.set_threshold(BATCH_GC_THRESHOLD, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        if freeze:
            gc.unfreeze()
        if gc.isenabled() != enabled:
            (gc.enable if enabled else gc.disable)()


def _progress(results: Iterable[Any], total: int, show: bool) -> Iterable[Any]:
    """``results`` behind a tqdm progress bar when ``show`` (tqdm is imported only then)."""
    if not show:
        return results
    from tqdm.auto import tqdm

    return tqdm(results, total=total, unit="article")


def _worker_main(connection: Connection, function: Callable[[Item], Any]) -> None:
    """A worker process: load the dictionaries, freeze them out of GC scans, then analyse
    one item at a time as the parent sends ``(index, item)`` (after saying it is ready
    with ``None``), until ``None`` or the parent is gone. Ctrl-C is left to the parent,
    which stops the workers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _warm_up()
    gc.freeze()
    gc.set_threshold(BATCH_GC_THRESHOLD, *gc.get_threshold()[1:])
    try:
        connection.send(None)  # ready
    except (EOFError, OSError):
        return
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, item = message
        try:
            outcome = (index, True, function(item))
        except Exception as error:  # the item functions record errors; this is a safety net
            outcome = (index, False, error)
        try:
            connection.send(outcome)
        except (EOFError, OSError):
            return


@dataclass
class _Worker:
    process: BaseProcess
    ready: bool = False  # it has loaded the dictionaries
    held: deque[int] = field(default_factory=deque)  # its items; it analyses the first


class _WorkerPool:
    """Worker processes fed item by item, so that a worker that dies costs exactly the item
    it was analysing (the first it holds): that item gets ``failure(item, WorkerError)``,
    the others it held go back in the queue, a new worker takes its place and the run goes
    on. A worker holds a second item when items are paths (small messages that cannot
    fill the pipe), so it never waits for the parent. Results come back in input order;
    at most ``window`` items run ahead of the first unfinished one, so memory stays flat."""

    def __init__(self, function: Callable[[Item], Any], failure: Callable[[Item, Exception], Any],
                 items: list[Item], workers: int) -> None:  # fmt: skip
        self.function, self.failure, self.items, self.workers = function, failure, items, workers
        self.pending: deque[int] = deque(range(len(items)))
        self.finished: dict[int, Any] = {}
        self.live: dict[Connection, _Worker] = {}
        self.next_out = 0
        self.window = max(64, 8 * workers)
        self.context = multiprocessing.get_context()
        self.idle_deaths = 0
        self.depth = 2 if all(isinstance(source, Path) for _, source in items) else 1

    def results(self) -> Iterator[Any]:
        try:
            for _ in range(self.workers):
                self._start()
            while self.next_out < len(self.items):
                self._dispatch()
                self._collect()
                while self.next_out in self.finished:
                    yield self.finished.pop(self.next_out)
                    self.next_out += 1
        finally:
            self._shutdown()

    def _start(self) -> None:
        mine, theirs = self.context.Pipe()
        process = self.context.Process(target=_worker_main, args=(theirs, self.function),
                                       name="analysis-corpus-worker", daemon=True)  # fmt: skip
        process.start()
        theirs.close()
        self.live[mine] = _Worker(process)

    def _dispatch(self) -> None:
        for connection, worker in self.live.items():
            while worker.ready and len(worker.held) < self.depth and self.pending:
                if self.pending[0] >= self.next_out + self.window:
                    return
                index = self.pending.popleft()
                try:
                    connection.send((index, self.items[index]))
                except OSError:  # it has died; _collect sees its sentinel
                    self.pending.appendleft(index)
                    break
                worker.held.append(index)

    def _collect(self) -> None:
        sentinels = {worker.process.sentinel: c for c, worker in self.live.items()}
        ready = wait([*self.live, *sentinels])
        dead = []
        for source in ready:
            if isinstance(source, int):
                dead.append(sentinels[source])
                continue
            try:
                message = source.recv()
            except (EOFError, OSError):
                dead.append(source)
                continue
            self._receive(self.live[source], message)
        for connection in dict.fromkeys(dead):
            self._bury(connection)
        while len(self.live) < self.workers and self.pending:
            self._start()

    def _receive(self, worker: _Worker, message: tuple[int, bool, Any] | None) -> None:
        if message is None:
            worker.ready = True
            return
        index, ok, payload = message
        worker.held.remove(index)
        self.idle_deaths = 0
        self.finished[index] = payload if ok else self.failure(self.items[index], payload)

    def _bury(self, connection: Connection) -> None:
        """A worker exited unasked: keep what it sent, fail the item it held."""
        worker = self.live.pop(connection)
        try:
            while connection.poll():
                self._receive(worker, connection.recv())
        except (EOFError, OSError):
            pass
        connection.close()
        worker.process.join()
        if not worker.held:
            self.idle_deaths += 1
            if self.idle_deaths > 2 * self.workers + 2:
                raise WorkerError("the worker processes exit before analysing any article: "
                                  + _death(worker.process.exitcode))  # fmt: skip
            return
        error = WorkerError(f"{_death(worker.process.exitcode)}; the other articles go on")
        culprit = worker.held.popleft()
        self.finished[culprit] = self.failure(self.items[culprit], error)
        self.pending.extendleft(reversed(worker.held))  # not started: to another worker

    def _shutdown(self) -> None:
        complete = self.next_out >= len(self.items)
        for connection, worker in self.live.items():
            if complete:
                with suppress(OSError):
                    connection.send(None)
            else:
                worker.process.terminate()
        for connection, worker in self.live.items():
            worker.process.join(timeout=10)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            connection.close()
        self.live.clear()


def _death(exitcode: int | None) -> str:
    """What a worker's exit code says about how it died."""
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        hint = " (as the system does when memory runs out)" if -exitcode == signal.SIGKILL else ""
        return f"the worker process analysing this article was killed by {name}{hint}"
    return f"the worker process analysing this article exited unexpectedly (exit code {exitcode})"


# ---------------------------------------------------------------------------
# Many articles


def analyze_many(
    inputs: str | Path | Sequence[str | Path] | pd.DataFrame, *, n_jobs: int = 1,
    progress: bool | None = None,
) -> CorpusResult:  # fmt: skip
    """Analyse every article; one summary row each, and long tables keyed by ``article_id``.

    ``n_jobs``: processes to use, as in joblib (``1`` one, ``-1`` all cores, ``-2``
    all but one). ``progress``: show a tqdm bar (default: when interactive). A
    failing article, or one whose worker process died, gets a summary row with
    ``error`` set and no rows in the long tables; the others go on.
    """
    import pandas as pd

    effective_n_jobs(n_jobs)
    items = collect_items(inputs)
    rows, sentences, quotes, actors = [], [], [], []
    for row, tables in _run(_analyze_item, _analysis_failure, items, n_jobs, progress):
        rows.append(row)
        if tables is not None:
            sentences.append(tables[0])
            quotes.append(tables[1])
            actors.append(tables[2])

    def stack(frames: list[pd.DataFrame]) -> pd.DataFrame:
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

    summary = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    return CorpusResult(summary, stack(sentences), stack(quotes), stack(actors))


def summarize_many(
    inputs: str | Path | Sequence[str | Path] | pd.DataFrame, *, n_jobs: int = 1,
    progress: bool | None = None,
) -> Iterator[dict[str, Any]]:  # fmt: skip
    """Summary rows, one per article in input order, as they are computed (a generator).

    The arguments are checked at the call; the work starts at the first row.
    Closing the generator, or dropping it, stops the workers and restores the GC.
    """
    effective_n_jobs(n_jobs)
    return _run(_summarize_item, _error_row, collect_items(inputs), n_jobs, progress)


def partial_path(path: str | Path) -> Path:
    """Where :func:`write_summaries` keeps a run's rows until it completes: ``NAME.partial``
    (a CSV file, or for Parquet a folder of part files, each readable)."""
    path = Path(path)
    return path.with_name(path.name + ".partial")


def write_summaries(
    inputs: str | Path | Sequence[str | Path] | pd.DataFrame, path: str | Path, *,
    n_jobs: int = 1, progress: bool | None = None, chunk_rows: int = 200, resume: bool = False,
) -> int:  # fmt: skip
    """Stream summary rows to ``path`` (``.csv`` or ``.parquet``) in chunks; return the count.

    Memory does not grow with the number of articles: rows are written every
    ``chunk_rows`` to ``NAME.partial`` (:func:`partial_path`), which becomes
    ``path`` only when every article is done; a file left at ``path`` by an
    earlier run is removed first. An interrupted run (an error, Ctrl-C, SIGTERM)
    stops the workers and keeps the rows done in ``NAME.partial``; with
    ``resume=True`` a rerun with the same inputs reads it, skips the articles in
    it and finishes the file (the count includes them).
    """
    import pandas as pd

    path = Path(path)
    kind = path.suffix.lower()
    if kind not in (".csv", ".parquet"):
        raise UsageError(f"{path}: the output must end in .csv or .parquet, not "
                         f"{path.suffix or 'no suffix'}")  # fmt: skip
    if chunk_rows < 1:
        raise UsageError(f"chunk_rows must be at least 1, got {chunk_rows}")
    if path.is_dir():
        raise UsageError(f"{path} is a folder: give the output file's name")
    if not path.parent.is_dir():
        raise UsageError(f"{path.parent}: no such folder for the output")
    effective_n_jobs(n_jobs)
    items = collect_items(inputs)
    output = _ParquetOutput(path) if kind == ".parquet" else _CsvOutput(path)
    done = set(output.open(resume))
    unknown = done - {article_id for article_id, _ in items}
    if unknown:
        output.close()
        shown = ", ".join(repr(i) for i in sorted(unknown)[:3])
        raise UsageError(f"{output.partial} holds articles that are not among the inputs "
                         f"({shown}{', ...' if len(unknown) > 3 else ''}): resume with the "
                         "inputs of the interrupted run, or without resume to start "
                         "again")  # fmt: skip
    path.unlink(missing_ok=True)  # an earlier run's file must not pass for this run's
    todo = [item for item in items if item[0] not in done]
    count = len(done)
    chunk: list[dict[str, Any]] = []
    completed = False
    with _sigterm_as_exit():
        rows = _run(_summarize_item, _error_row, todo, n_jobs, progress)
        try:
            for row in rows:
                chunk.append(row)
                count += 1
                if len(chunk) >= chunk_rows:
                    full, chunk = chunk, []
                    output.write(pd.DataFrame(full, columns=SUMMARY_COLUMNS))
            completed = True
        finally:
            rows.close()  # the workers stop first, then the rows done are kept
            try:
                if chunk:
                    output.write(pd.DataFrame(chunk, columns=SUMMARY_COLUMNS))
            finally:
                output.finish() if completed else output.close()
    return count


def read_errors(path: str | Path) -> list[str | None]:
    """The ``error`` column of a summary file :func:`write_summaries` wrote (``.csv`` or
    ``.parquet``): one entry per article, None where the article was analysed."""
    path = Path(path)
    if path.suffix.lower() == ".parquet":
        import pyarrow.parquet as pq

        values = pq.read_table(path, columns=["error"]).column("error").to_pylist()
    else:
        import pandas as pd

        column = pd.read_csv(path, usecols=["error"], dtype=str)["error"]
        values = [None if pd.isna(value) else value for value in column]
    return [value or None for value in values]


@contextmanager
def _sigterm_as_exit() -> Iterator[None]:
    """While a file is written, SIGTERM raises ``SystemExit(143)`` so that the workers stop
    and the rows done stay in the partial file. Only in the main thread and when SIGTERM
    has its default action; the default is restored on exit."""
    if (threading.current_thread() is not threading.main_thread()
            or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL):  # fmt: skip
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Fixed column types, so that every chunk has the same schema."""
    numeric = ["paragraphs", "sentences", "words", *readability.INDEX_COLUMNS, "mean_compound",
               "mean_domain_tone", "n_actors", "n_quotes", "n_direct_quotes", "n_reported",
               *[c for c in SUMMARY_COLUMNS if c.startswith("frame_")]]  # fmt: skip
    text = [c for c in SUMMARY_COLUMNS if c not in numeric]
    return frame.astype({**dict.fromkeys(numeric, "float64"), **dict.fromkeys(text, "object")})


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


class _CsvOutput:
    """Rows appended to ``NAME.partial``, one write per chunk; renamed to ``NAME`` at the end."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.partial = partial_path(path)
        self.file: Any = None

    def open(self, resume: bool) -> list[str]:
        """Start the partial file, or with ``resume`` reopen it; the ids already in it."""
        import pandas as pd

        done: list[str] = []
        if resume and self.partial.is_file():
            done = self._recover()
        else:
            _remove(self.partial)
            self.partial.write_text(_csv(pd.DataFrame(columns=SUMMARY_COLUMNS), header=True),
                                    encoding="utf-8")  # fmt: skip
        self.file = open(self.partial, "a", encoding="utf-8", newline="")  # noqa: SIM115
        return done

    def _recover(self) -> list[str]:
        import pandas as pd

        header = _csv(pd.DataFrame(columns=SUMMARY_COLUMNS), header=True).encode("utf-8")
        with open(self.partial, "rb+") as file:
            if file.readline() != header:
                raise UsageError(f"{self.partial}: its columns are not this version's summary "
                                 "columns: delete it to start again")  # fmt: skip
            _drop_cut_line(file, len(header))
        try:
            ids = pd.read_csv(self.partial, usecols=["article_id"], dtype=str,
                              keep_default_na=False)["article_id"]  # fmt: skip
        except (ValueError, pd.errors.ParserError) as error:
            raise UsageError(f"{self.partial} cannot be read ({error}): delete it to start "
                             "again") from error  # fmt: skip
        return list(ids)

    def write(self, frame: pd.DataFrame) -> None:
        self.file.write(_csv(_typed(frame), header=False))
        self.file.flush()

    def finish(self) -> None:
        os.fsync(self.file.fileno())
        self.close()
        os.replace(self.partial, self.path)

    def close(self) -> None:
        if self.file is not None and not self.file.closed:
            self.file.close()


def _csv(frame: pd.DataFrame, *, header: bool) -> str:
    return frame.to_csv(header=header, index=False, lineterminator="\n")


def _drop_cut_line(file: Any, start: int) -> None:
    """Truncate a file after its last line break (a row cut short by a kill is dropped)."""
    end = file.seek(0, os.SEEK_END)
    position = end
    while position > start:
        step = min(1 << 16, position - start)
        file.seek(position - step)
        cut = file.read(step).rfind(b"\n")
        if cut >= 0:
            position = position - step + cut + 1
            break
        position -= step
    else:
        position = start
    if position != end:
        file.truncate(position)


class _ParquetOutput:
    """Chunks written as part files in the folder ``NAME.partial`` (each renamed into place
    once complete, so each is readable), joined into ``NAME`` at the end."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.partial = partial_path(path)
        self.parts = 0

    def open(self, resume: bool) -> list[str]:
        """Start the partial folder, or with ``resume`` reopen it; the ids already in it."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not (resume and self.partial.is_dir()):
            _remove(self.partial)
            self.partial.mkdir()
            return []
        for leftover in self.partial.glob(".*"):
            leftover.unlink()
        done: list[str] = []
        parts = sorted(self.partial.glob("part-*.parquet"))
        for part in parts:
            try:
                if pq.read_schema(part).names != SUMMARY_COLUMNS:
                    raise UsageError(f"{part}: its columns are not this version's summary "
                                     f"columns: delete {self.partial} to start again")  # fmt: skip
                done += pq.read_table(part, columns=["article_id"]).column(0).to_pylist()
            except (pa.ArrowException, OSError) as error:
                raise UsageError(f"{part} cannot be read ({error}): delete {self.partial} to "
                                 "start again") from error  # fmt: skip
        self.parts = int(parts[-1].name[5:-8]) + 1 if parts else 0
        return done

    def write(self, frame: pd.DataFrame) -> None:
        import pyarrow.parquet as pq

        name = f"part-{self.parts:06d}.parquet"
        temporary = self.partial / f".{name}.tmp"
        pq.write_table(_arrow_table(frame), temporary)
        os.replace(temporary, self.partial / name)
        self.parts += 1

    def finish(self) -> None:
        import pandas as pd
        import pyarrow.parquet as pq

        joined = self.partial / ".joined.parquet.tmp"
        with pq.ParquetWriter(joined, _arrow_table(pd.DataFrame(columns=SUMMARY_COLUMNS)).schema
                              ) as writer:  # fmt: skip
            for part in sorted(self.partial.glob("part-*.parquet")):
                writer.write_table(pq.read_table(part))
        os.replace(joined, self.path)
        shutil.rmtree(self.partial)

    def close(self) -> None:
        pass


def _arrow_table(frame: pd.DataFrame) -> pa.Table:
    import pyarrow as pa  # at run time, and only when Parquet is written

    return pa.Table.from_pandas(_typed(frame), schema=_arrow_schema(), preserve_index=False)


def _arrow_schema() -> pa.Schema:
    import pandas as pd
    import pyarrow as pa

    typed = _typed(pd.DataFrame(columns=SUMMARY_COLUMNS))
    return pa.schema([
        (name, pa.float64() if str(dtype) == "float64" else pa.string())
        for name, dtype in typed.dtypes.items()
    ])  # fmt: skip


# ---------------------------------------------------------------------------
# Dask


def analyze_many_dask(
    inputs: str | Path | Sequence[str | Path] | pd.DataFrame, *,
    scheduler: str | None = None, n_workers: int = 2, partitions: int | None = None,
) -> pd.DataFrame:  # fmt: skip
    """Summary rows computed on a Dask cluster: ``dask.bag`` over the same per-article function.

    ``scheduler``: the address of a running distributed scheduler
    (``tcp://host:8786``); by default a local cluster of ``n_workers`` processes
    is started and closed. Needs the ``dask`` extra (``pip install .[dask]``).
    Returns the same table as ``analyze_many(...).summary``.
    """
    import pandas as pd

    try:
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise DependencyError(
            f"the Dask path needs dask and distributed ({error}): pip install '.[dask]'"
        ) from error
    items = collect_items(inputs)
    bag = db.from_sequence(items, npartitions=partitions or max(1, min(len(items), 4 * n_workers)))
    if scheduler:
        with Client(scheduler) as client:
            rows = client.compute(bag.map(_summarize_item)).result()
    else:
        with (LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                           dashboard_address=None) as cluster,
              Client(cluster) as client):  # fmt: skip
            rows = client.compute(bag.map(_summarize_item)).result()
    return pd.DataFrame(list(rows), columns=SUMMARY_COLUMNS)
