"""Time and peak memory of one article from the command line, the whole process.

Runs ``python -m analysis ARTICLE --json`` (standard output discarded) ``--runs``
times, each in a fresh process, and reports the median wall time and the median
peak resident memory (the child's own ``ru_maxrss``, as ``/usr/bin/time -v`` shows it).
The README's goal: under 1 s and 200 MB on the seed.

    python benchmarks/cli.py                      # the seed, 5 runs
    python benchmarks/cli.py --runs 9 other.txt   # another article
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "seeds" / "us_japan_2plus2_security_talks_2024.txt"


def run_once(article: Path, extra: list[str]) -> tuple[float, float]:
    """(seconds, peak MB) of one ``python -m analysis ARTICLE --json`` process."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        process = subprocess.Popen([sys.executable, "-m", "analysis", str(article), "--json",
                                    *extra], stdout=devnull)  # fmt: skip
        _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"the command line failed on {article} (status {status})")
    return seconds, usage.ru_maxrss / 1024  # ru_maxrss is in kB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", type=Path, default=SEED)
    parser.add_argument("--runs", type=int, default=5, help="fresh processes (default 5)")
    parser.add_argument("--textstat", action="store_true", help="pass --textstat too")
    args = parser.parse_args()
    extra = ["--textstat"] if args.textstat else []
    runs = [run_once(args.article, extra) for _ in range(args.runs)]
    seconds = statistics.median(s for s, _ in runs)
    peak = statistics.median(m for _, m in runs)
    print(f"{args.article.name}: median of {args.runs} runs {seconds:.2f} s, {peak:.0f} MB "
          f"(runs: {', '.join(f'{s:.2f} s' for s, _ in runs)})")
    out = Path(__file__).with_name("results") / "cli.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({
        "article": args.article.name, "runs": args.runs, "median_seconds": round(seconds, 3),
        "median_peak_mb": round(peak, 1),
        "each": [{"seconds": round(s, 3), "peak_mb": round(m, 1)} for s, m in runs],
    }, indent=1) + "\n")


if __name__ == "__main__":
    main()
