"""Many articles: one summary row per article and long tables keyed by ``article_id``.

:func:`analyze_many` runs the single-article analysis (:func:`analyze_article`)
on every input, in a process pool when ``n_jobs`` > 1, with a progress bar
when the session is interactive. An article that fails is not lost: its
summary row carries the error and the run goes on. :func:`write_summaries`
streams the summary rows to CSV or Parquet in chunks, so memory stays flat
however many articles there are. :func:`analyze_many_dask` runs the same
function on a Dask cluster (``pip install .[dask]``). A batch loads the
dictionaries once before its first article and keeps them out of the garbage
collector's scans while it runs (:func:`_loaded_and_frozen`).
"""

from __future__ import annotations

import gc
import glob
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from analysis import framing, readability, sentiment, terms
from analysis.article import Article, load_article, parse_article
from analysis.errors import ArticleError

if TYPE_CHECKING:
    import pyarrow as pa

#: One item of work: the article id and a path or the article's text.
Item = tuple[str, "str | Path"]

SUMMARY_COLUMNS = [
    "article_id", "source", "error", "title", "language", "paragraphs", "sentences", "words",
    *readability.INDEX_COLUMNS, "mean_compound", "mean_domain_tone", "top_frame",
    *[f"frame_{name}" for name in framing.load_frames().categories],
    "n_actors", "top_actor", "n_quotes", "n_direct_quotes", "most_quoted_actor", "top_terms",
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
    sentences, quotes, actors = _long_tables(article)
    return CorpusResult(pd.DataFrame([summary_row(article)], columns=SUMMARY_COLUMNS),
                        sentences, quotes, actors)  # fmt: skip


def _load(item: Item) -> Article:
    article_id, source = item
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
    try:
        article = _load(item)
        return summary_row(article), _long_tables(article)
    except Exception as error:  # a failing article is recorded, not fatal
        return _error_row(item, error), None


# ---------------------------------------------------------------------------
# Inputs


def collect_items(inputs: str | Path | Sequence[str | Path] | pd.DataFrame) -> list[Item]:
    """Work items from a folder, a glob pattern, a list of paths, or a DataFrame.

    A folder gives its ``*.txt`` files; a DataFrame needs a ``text`` column and may
    have ``article_id`` (default: the row label). Article ids from file names are
    the file stems. Raises :class:`ArticleError` when nothing matches.
    """
    if isinstance(inputs, pd.DataFrame):
        if "text" not in inputs.columns:
            raise ArticleError("the DataFrame needs a 'text' column with the articles")
        ids = inputs["article_id"] if "article_id" in inputs.columns else inputs.index
        return [(str(i), str(t)) for i, t in zip(ids, inputs["text"], strict=True)]
    if isinstance(inputs, (str, Path)):
        path = Path(inputs)
        if path.is_dir():
            paths = sorted(path.glob("*.txt"))
            if not paths:
                raise ArticleError(f"{path}: the folder has no .txt files")
        elif glob.has_magic(str(inputs)):
            paths = sorted(Path(p) for p in glob.glob(str(inputs)))
            if not paths:
                raise ArticleError(f"{inputs}: no file matches the pattern")
        else:
            paths = [path]
    else:
        paths = [Path(p) for p in inputs]
    return [(p.stem, p) for p in paths]


def _interactive() -> bool:
    return sys.stderr.isatty() or "ipykernel" in sys.modules


def _workers(n_jobs: int) -> int:
    if n_jobs in (-1, 0):
        return os.cpu_count() or 1
    return max(1, n_jobs)


def _run(function: Callable[[Item], Any], items: list[Item], n_jobs: int,
         progress: bool | None) -> Iterator[Any]:  # fmt: skip
    """``function`` over ``items`` in order, in-process or in a process pool."""
    show = _interactive() if progress is None else progress
    workers = min(_workers(n_jobs), max(len(items), 1))
    with _loaded_and_frozen():
        if workers == 1:
            yield from _progress(map(function, items), len(items), show)
            return
        # Small chunks: a worker left idle at the end waits for one chunk at most.
        chunksize = max(1, min(16, len(items) // (workers * 8)))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            yield from _progress(pool.map(function, items, chunksize=chunksize), len(items),
                                 show)  # fmt: skip


#: A short article that touches every dictionary and model the summary uses.
_WARM_UP = """Talks end in Tokyo

TOKYO. Japan and the United States agreed to deepen defense ties, officials said on Sunday.
“We will deter threats together,” Defense Secretary Lloyd Austin said."""


@contextmanager
def _loaded_and_frozen() -> Iterator[None]:
    """Load the dictionaries and models (by analysing :data:`_WARM_UP`), then keep every
    object that exists out of the cyclic garbage collector's scans until the batch ends.

    The dictionaries are hundreds of thousands of objects (the CMU dictionary alone);
    every full collection would walk them again. ``gc.freeze`` leaves them to reference
    counting, and pool workers forked from this process share their pages untouched
    (as the ``gc`` documentation advises).
    """
    summary_row(parse_article(_WARM_UP, article_id="warm-up"))
    frozen_before = gc.get_freeze_count()
    gc.freeze()
    try:
        yield
    finally:
        if not frozen_before:  # the caller's own freeze is left as it was
            gc.unfreeze()


def _progress(results: Iterable[Any], total: int, show: bool) -> Iterable[Any]:
    """``results`` behind a tqdm progress bar when ``show`` (tqdm is imported only then)."""
    if not show:
        return results
    from tqdm.auto import tqdm

    return tqdm(results, total=total, unit="article")


# ---------------------------------------------------------------------------
# Many articles


def analyze_many(
    inputs: str | Path | Sequence[str | Path] | pd.DataFrame, *, n_jobs: int = 1,
    progress: bool | None = None,
) -> CorpusResult:  # fmt: skip
    """Analyse every article; one summary row each, and long tables keyed by ``article_id``.

    ``n_jobs``: processes to use (``-1``: all cores). ``progress``: show a tqdm
    bar (default: when interactive). A failing article gets a summary row with
    ``error`` set and no rows in the long tables; the others go on.
    """
    items = collect_items(inputs)
    rows, sentences, quotes, actors = [], [], [], []
    for row, tables in _run(_analyze_item, items, n_jobs, progress):
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
    """Summary rows, one per article, as they are computed (a generator)."""
    yield from _run(_summarize_item, collect_items(inputs), n_jobs, progress)


def write_summaries(
    inputs: str | Path | Sequence[str | Path] | pd.DataFrame, path: str | Path, *,
    n_jobs: int = 1, progress: bool | None = None, chunk_rows: int = 200,
) -> int:  # fmt: skip
    """Stream summary rows to ``path`` (``.csv`` or ``.parquet``) in chunks; return the count.

    Memory does not grow with the number of articles: rows are written every
    ``chunk_rows`` and dropped.
    """
    path = Path(path)
    kind = path.suffix.lower()
    if kind not in (".csv", ".parquet"):
        raise ArticleError(f"{path}: the output must end in .csv or .parquet")
    writer = _ParquetWriter(path) if kind == ".parquet" else _CsvWriter(path)
    count = 0
    chunk: list[dict[str, Any]] = []
    try:
        for row in summarize_many(inputs, n_jobs=n_jobs, progress=progress):
            chunk.append(row)
            count += 1
            if len(chunk) >= chunk_rows:
                writer.write(pd.DataFrame(chunk, columns=SUMMARY_COLUMNS))
                chunk = []
        if chunk or count == 0:
            writer.write(pd.DataFrame(chunk, columns=SUMMARY_COLUMNS))
    finally:
        writer.close()
    return count


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Fixed column types, so that every chunk has the same schema."""
    numeric = ["paragraphs", "sentences", "words", *readability.INDEX_COLUMNS, "mean_compound",
               "mean_domain_tone", "n_actors", "n_quotes", "n_direct_quotes",
               *[c for c in SUMMARY_COLUMNS if c.startswith("frame_")]]  # fmt: skip
    text = [c for c in SUMMARY_COLUMNS if c not in numeric]
    return frame.astype({**dict.fromkeys(numeric, "float64"), **dict.fromkeys(text, "object")})


class _CsvWriter:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.first = True

    def write(self, frame: pd.DataFrame) -> None:
        _typed(frame).to_csv(self.path, mode="w" if self.first else "a", header=self.first,
                             index=False)  # fmt: skip
        self.first = False

    def close(self) -> None:
        pass


class _ParquetWriter:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.writer = None

    def write(self, frame: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pandas(_typed(frame), schema=_arrow_schema(), preserve_index=False)
        if self.writer is None:
            self.writer = pq.ParquetWriter(self.path, table.schema)
        self.writer.write_table(table)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


def _arrow_schema() -> pa.Schema:
    import pyarrow as pa  # at run time, and only when Parquet is written

    typed = _typed(pd.DataFrame(columns=SUMMARY_COLUMNS))
    return pa.schema([
        (name, pa.float64() if str(dtype) == "float64" else pa.string())
        for name, dtype in typed.dtypes.items()
    ])  # fmt: skip


# ---------------------------------------------------------------------------
# Synthetic corpora for demonstrations and benchmarks


def shuffled_copies(article: Article, n: int, *, random_state: int = 0) -> list[str]:
    """``n`` article texts made of ``article``'s own body paragraphs in a new random order.

    Each copy keeps the headline and the dateline (before its new first
    paragraph); trailing sections are left out. Real sentences, real length:
    for demonstrations and benchmarks. Reproducible for a given ``random_state``.
    """
    import random

    generator = random.Random(random_state)
    paragraphs = [p.text for p in article.paragraphs]
    dateline = f"{article.dateline.text} " if article.dateline else ""
    copies = []
    for _ in range(n):
        order = paragraphs[:]
        generator.shuffle(order)
        copies.append(f"{article.headline}\n\n{dateline}" + "\n\n".join(order) + "\n")
    return copies


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
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise ArticleError(
            "the Dask path needs dask and distributed: pip install '.[dask]'"
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
