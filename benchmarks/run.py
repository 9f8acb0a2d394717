"""Speed of our analyses against the usual calls, on the seed. Run with `make benchmark`.

Readability: loading the article and computing every index from its own counts,
against calling textstat's whole-text functions one by one on the same body text.
Per-text caches (ours and textstat's) are cleared before every repetition, so
each repetition analyses the text as if for the first time; dictionaries loaded
once per process (CMU, Dale–Chall list, Pyphen) stay loaded on both sides.

Prints a Markdown table and writes benchmarks/results/readability.json.
"""

from __future__ import annotations

import json
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import textstat

import analysis
from analysis import language, readability, terms

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "us_japan_2plus2_security_talks_2024.txt"
RESULTS = ROOT / "benchmarks" / "results"

# textstat's loaders of dictionaries: kept warm, as in any real session.
KEEP_WARM = {"get_cmudict", "get_lang_easy_words", "get_pyphen", "_set_words", "get_lang_cfg",
             "get_lang_root"}  # fmt: skip
TEXTSTAT_CALLS = [*readability.TEXTSTAT_FUNCTIONS.values(), "text_standard"]


def clear_caches() -> None:
    """Forget every per-text result, ours and textstat's."""
    for name, module in list(sys.modules.items()):
        if name.startswith("textstat.backend"):
            for obj in vars(module).values():
                if hasattr(obj, "cache_clear") and getattr(obj, "__name__", "") not in KEEP_WARM:
                    obj.cache_clear()
    terms._word_form.cache_clear()  # word forms carry the readability features
    language._detect_sample.cache_clear()  # the language of the seed's sections


def timed(function: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        clear_caches()
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def textstat_one_by_one(text: str) -> None:
    for name in TEXTSTAT_CALLS:
        getattr(textstat, name)(text)


def readability_only(repeat: int) -> list[float]:
    """Our indices on an article already segmented (a new Article each time: no cache)."""
    times = []
    for _ in range(repeat):
        clear_caches()
        article = analysis.load_article(SEED)
        start = time.perf_counter()
        readability.readability_scores(article)
        times.append(time.perf_counter() - start)
    return times


def median_ms(times: list[float]) -> float:
    return round(1000 * statistics.median(times), 2)


def main(repeat: int = 30) -> None:
    body = analysis.load_article(SEED).body_text
    readability.readability_scores(analysis.load_article(SEED))
    textstat_one_by_one(body)  # load the dictionaries once, on both sides
    result = {
        "benchmark": "readability, all indices, seed article",
        "repeat": repeat,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "segment_ms": median_ms(timed(lambda: analysis.load_article(SEED), repeat)),
        "readability_ms": median_ms(readability_only(repeat)),
        "end_to_end_ms": median_ms(
            timed(lambda: readability.readability_scores(analysis.load_article(SEED)), repeat)
        ),
        "textstat_ms": median_ms(timed(lambda: textstat_one_by_one(body), repeat)),
    }
    result["speedup_readability"] = round(result["textstat_ms"] / result["readability_ms"], 1)
    result["speedup_end_to_end"] = round(result["textstat_ms"] / result["end_to_end_ms"], 2)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "readability.json").write_text(json.dumps(result, indent=2) + "\n")
    n_indices = len(readability.INDEX_COLUMNS)
    print(f"Readability on the seed, median of {repeat} runs, per-text caches cleared each run")
    print("| what | median | textstat / this |")
    print("|---|---|---|")
    print(
        f"| textstat: {len(TEXTSTAT_CALLS)} whole-text calls on the body "
        f"| {result['textstat_ms']} ms | 1 |"
    )
    print(
        f"| ours: all {n_indices} indices and counts from a segmented article "
        f"| {result['readability_ms']} ms | {result['speedup_readability']}x |"
    )
    print(
        f"| ours: segmenting the article (headline, dateline, sentences, tokens, languages) "
        f"| {result['segment_ms']} ms | |"
    )
    print(
        f"| ours: segmenting plus all indices | {result['end_to_end_ms']} ms "
        f"| {result['speedup_end_to_end']}x |"
    )


if __name__ == "__main__":
    main()
