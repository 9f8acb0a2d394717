"""Many articles: articles per second and peak memory, against a naive baseline, in one run.

Usage: ``python benchmarks/corpus.py [--rounds R] [--corpus shuffled|distinct|uniform]
[--modes a,b] [N ...]`` (default 3 rounds of 100 and 1000 articles); ``make benchmark``
runs it.

The corpus: N articles of the seed's length, each the seed's own 14 body
paragraphs in a new order (:func:`shuffled_copies`), written as files; with
``--corpus distinct``, each also has its content words replaced by words drawn
from wordfreq's English list by their frequency (:func:`distinct_copies`), so the
vocabulary grows with N as a real collection's does and per-word caches reach their
bounds; ``--corpus uniform`` draws them uniformly from the 60,000 most frequent
words instead, a harsher case for the caches than any real collection.
Every measurement runs in a fresh Python process, so peak memory
(``ru_maxrss``, the process and its pool workers) belongs to that run alone.
Dictionaries are loaded before the clock starts (one article analysed, for
both sides), so the rates are those of a warm, long-running job. The modes
run in R interleaved rounds (every mode once, then again) and each reports
its fastest round: on a shared machine a slow round is the neighbours' doing,
and interleaving gives every mode the same chances. Peak memory is the
largest of the rounds.

Measured, per N:

- ``full``: our summary row per article (structure, readability, sentiment,
  terms, framing), 1 process and 2 processes, streamed to CSV and to Parquet;
- ``readability``: our indices alone, from the segmented article;
- ``baseline``: textstat's whole-text functions called one by one, plus NLTK's
  VADER on each sentence (split at ``.!?`` and a space), on the same texts;
- ``textstat``: the baseline's readability part alone.

Prints a Markdown table and writes ``benchmarks/results/corpus.json``.
"""

from __future__ import annotations

import json
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from analysis import Article

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "us_japan_2plus2_security_talks_2024.txt"
RESULTS = ROOT / "benchmarks" / "results"
TEXTSTAT_CALLS = [
    "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
    "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score",
    "linsear_write_formula", "text_standard",
]  # fmt: skip


def shuffled_copies(article: Article, n: int, *, random_state: int = 0) -> list[str]:
    """``n`` article texts made of ``article``'s own body paragraphs in a new random order.

    Each copy keeps the headline and the dateline (before its new first
    paragraph); trailing sections are left out. Real sentences, real length.
    Reproducible for a given ``random_state``.
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


#: Uniform distinct articles draw their content words from this many of wordfreq's words.
VOCABULARY = 60_000
_CONTENT_WORD = re.compile(r"\b[a-z]{4,}\b")


def distinct_copies(article: Article, n: int, *, random_state: int = 0,
                    by_frequency: bool = True) -> list[str]:  # fmt: skip
    """``n`` distinct articles whose vocabulary grows with ``n``: each is a reshuffled copy of
    ``article`` whose lower-case content words (four letters or more, not stopwords) are
    replaced by words drawn from wordfreq's English list: by their frequency in English
    (all of its 280,000 alphabetic words of four letters or more), so that the vocabulary
    grows with ``n`` as a real collection's does (Heaps' law: about 33,000 distinct drawn
    words in the texts of 1,000 articles, 97,000 in 10,000); or, with
    ``by_frequency=False``, uniformly from the :data:`VOCABULARY` most frequent, so that a
    rare word is as common as "year" and per-word caches are missed far more often than on
    any real collection. Names,
    stopwords, numbers and punctuation stay, so sentences, quotes and actors keep their
    shape while the words are new. Reproducible for a given ``random_state``."""
    import random

    from wordfreq import top_n_list, word_frequency

    from analysis.terms import stopwords

    generator = random.Random(random_state)
    listed = top_n_list("en", 10**6 if by_frequency else VOCABULARY)
    words = [w for w in listed if w.isalpha() and len(w) >= 4]
    weights = [word_frequency(w, "en") for w in words] if by_frequency else None
    common = stopwords()
    texts = shuffled_copies(article, n, random_state=random_state)
    replacements = iter(generator.choices(words, weights, k=sum(
        len(_CONTENT_WORD.findall(text)) for text in texts)))  # fmt: skip

    def replace(match: re.Match[str]) -> str:
        word = match.group()
        return word if word in common else next(replacements)

    return [_CONTENT_WORD.sub(replace, text) for text in texts]


#: Made corpora are kept under this name; the number changes when the recipe does.
_CORPUS_RECIPE = 2


def make_corpus(n: int, kind: str = "shuffled") -> Path:
    """A folder of ``n`` articles (made once per n, kind and recipe): reshuffled copies of
    the seed (``shuffled``), or distinct articles with a growing vocabulary drawn by
    frequency (``distinct``) or uniformly (``uniform``)."""
    import analysis

    folder = Path(tempfile.gettempdir()) / f"news-framing-bench-{kind}-r{_CORPUS_RECIPE}-{n}"
    if len(list(folder.glob("*.txt"))) != n:
        folder.mkdir(exist_ok=True)
        seed = analysis.load_article(SEED)
        if kind == "shuffled":
            texts = shuffled_copies(seed, n)
        else:
            texts = distinct_copies(seed, n, by_frequency=kind == "distinct")
        for i, text in enumerate(texts):
            (folder / f"article_{i:05d}.txt").write_text(text, encoding="utf-8")
    return folder


def word_cache_sizes() -> dict[str, list[int]]:
    """``[entries, bound]`` of every per-word cache of this process."""
    from analysis import sentiment, terms
    from analysis.framing import attribution

    caches = {"fold": attribution.fold, "word_form": terms._word_form,
              "lemmatize": terms.lemmatize, "vader_token": sentiment._vader_token}  # fmt: skip
    return {name: [f.cache_info().currsize, f.cache_info().maxsize] for name, f in caches.items()}


# -- what one measurement process runs -------------------------------------------------


def warm_up(mode: str, path: Path) -> None:
    """Load the dictionaries (CMU, lexicons, models) once, outside the timing, as any
    long-running session has them; pool workers fork from this warm process."""
    import analysis
    from analysis.corpus import _summarize_item

    if mode.startswith("full") or mode == "readability":
        _summarize_item(("warm-up", path))
    else:
        import textstat

        analysis.ensure_nltk_data()
        textstat.text_standard(path.read_text(encoding="utf-8") + " Warm.")


def run_mode(mode: str, folder: Path) -> dict[str, float]:
    paths = sorted(folder.glob("*.txt"))
    warm_up(mode, paths[0])
    start = time.perf_counter()
    if mode.startswith("full"):
        from analysis.corpus import write_summaries

        jobs = 2 if mode.endswith("2p") else 1
        suffix = ".parquet" if "parquet" in mode else ".csv"
        with tempfile.TemporaryDirectory() as out:
            write_summaries(paths, Path(out) / f"summary{suffix}", n_jobs=jobs, progress=False)
    elif mode == "readability":
        import analysis
        from analysis.readability import readability_scores

        for path in paths:
            readability_scores(analysis.load_article(path))
    elif mode in ("baseline", "textstat"):
        import textstat

        import analysis  # builds the NLTK resources offline; the baseline needs them too

        analysis.ensure_nltk_data()
        from nltk.sentiment.vader import SentimentIntensityAnalyzer

        vader = SentimentIntensityAnalyzer()
        for path in paths:
            text = path.read_text(encoding="utf-8")
            for name in TEXTSTAT_CALLS:
                getattr(textstat, name)(text)
            if mode == "baseline":
                for sentence in re.split(r"(?<=[.!?])\s+", text):
                    vader.polarity_scores(sentence)
    else:
        raise SystemExit(f"unknown mode {mode}")
    seconds = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = {"seconds": seconds, "articles_per_second": len(paths) / seconds,
              "peak_rss_mb": max(own, children) / 1024}  # fmt: skip
    if mode in ("full_csv", "readability"):
        result["word_caches"] = word_cache_sizes()
    return result


def measure(mode: str, folder: Path) -> dict[str, float]:
    """Run one mode in a fresh process and return what it reports."""
    output = subprocess.run(
        [sys.executable, __file__, "--run", mode, str(folder)],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return json.loads(output.strip().splitlines()[-1])


MODES = ["baseline", "textstat", "readability", "full_csv", "full_parquet", "full_csv_2p"]


def best_of(rounds: list[dict[str, float]]) -> dict[str, float]:
    """The fastest round's time and rate, and the largest peak memory of all rounds."""
    fastest = min(rounds, key=lambda r: r["seconds"])
    return {**fastest, "peak_rss_mb": max(r["peak_rss_mb"] for r in rounds),
            "rounds_articles_per_second": [r["articles_per_second"] for r in rounds]}  # fmt: skip


def main(sizes: list[int], rounds: int, kind: str = "shuffled",
         modes: list[str] | None = None) -> None:  # fmt: skip
    modes = modes or MODES
    results = {"python": platform.python_version(), "machine": platform.machine(),
               "command": f"python benchmarks/corpus.py --rounds {rounds} --corpus {kind} "
                          f"--modes {','.join(modes)} " + " ".join(map(str, sizes)),
               "corpus": kind, "rounds": rounds, "runs": {}}  # fmt: skip
    for n in sizes:
        folder = make_corpus(n, kind)
        measured: dict[str, list[dict[str, float]]] = {mode: [] for mode in modes}
        for _ in range(rounds):
            for mode in modes:
                measured[mode].append(measure(mode, folder))
        results["runs"][n] = {mode: best_of(found) for mode, found in measured.items()}
        print(f"n={n}: " + ", ".join(
            f"{mode} {r['articles_per_second']:.1f}/s {r['peak_rss_mb']:.0f} MB"
            for mode, r in results["runs"][n].items()), file=sys.stderr)  # fmt: skip
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"corpus_{kind}.json").write_text(json.dumps(results, indent=2) + "\n")
    print(f"Best of {rounds} interleaved rounds per mode.\n")
    print("| articles | mode | articles/s | peak memory |")
    print("|---|---|---|---|")
    for n, runs in results["runs"].items():
        for mode, r in runs.items():
            print(f"| {n} | {mode} | {r['articles_per_second']:.1f} | {r['peak_rss_mb']:.0f} MB |")
    print()
    print("| ratio (from the largest run) | value | goal |")
    print("|---|---|---|")
    runs = results["runs"][max(results["runs"])]
    smallest = results["runs"][min(results["runs"])]

    def rate(mode: str) -> float:
        return runs[mode]["articles_per_second"]

    if {"full_csv", "baseline"} <= runs.keys():
        cost = rate("baseline") / rate("full_csv")
        print(f"| full analysis cost / baseline cost (time per article) | {cost:.2f} | <= 0.6 |")
    if {"readability", "textstat"} <= runs.keys():
        print(f"| our readability / textstat (speed) | "
              f"{rate('readability') / rate('textstat'):.2f} | >= 3 |")  # fmt: skip
    if {"full_csv_2p", "full_csv"} <= runs.keys():
        print(f"| 2 processes / 1 process | {rate('full_csv_2p') / rate('full_csv'):.2f} "
              "| >= 1.8 |")  # fmt: skip
    for mode in ("full_csv", "full_parquet"):
        if mode in runs:
            growth = runs[mode]["peak_rss_mb"] / smallest[mode]["peak_rss_mb"]
            print(f"| peak memory, {mode}, largest / smallest run | {growth:.2f} | <= 1.2 |")
    if "word_caches" in runs.get("full_csv", {}):
        sizes = ", ".join(f"{name} {used:,}/{bound:,}"
                          for name, (used, bound) in runs["full_csv"]["word_caches"].items())
        print(f"\nPer-word caches after the largest full run (entries/bound): {sizes}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--run"]:
        print(json.dumps(run_mode(sys.argv[2], Path(sys.argv[3]))))
    else:
        import argparse

        parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
        parser.add_argument("--rounds", type=int, default=3)
        parser.add_argument("--corpus", choices=["shuffled", "distinct", "uniform"],
                            default="shuffled")
        parser.add_argument("--modes", default=",".join(MODES))
        parser.add_argument("sizes", type=int, nargs="*", default=[100, 1000])
        args = parser.parse_args()
        main(args.sizes, args.rounds, args.corpus, args.modes.split(","))
