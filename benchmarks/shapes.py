"""Time and peak memory of the whole analysis on pathological shapes of text, by size.

Each shape is written at 10 KB to 2 MB and analysed by the command line
(``python -m analysis FILE --json``) in a process of its own, so the figures
include start-up and are those a user sees. The goal (README) is linear time:
seconds per KB roughly constant from 10 KB to 2 MB, and the worst shape at 2 MB
under 30 s and 600 MB on one core.

    python benchmarks/shapes.py                  # every shape at 10 KB, 100 KB, 500 KB, 2 MB
    python benchmarks/shapes.py --sizes 10 100   # sizes in KB
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEAD = "Talks end\n\n"


def shapes(size: int) -> dict[str, str]:
    """Each shape at about ``size`` characters."""
    return {
        "short sentences": HEAD + "A b c. " * (size // 7),
        "periods and quotes": HEAD + '."' * (size // 2),
        "straight quotes": HEAD + '"' * size,
        "nested, unbalanced quotes": HEAD + "“He said ‘no’ and “yes” then " * (size // 30),
        "transcript": HEAD + "\n\n".join(["“We will talk again,” he said."] * (size // 32)),
        "one sentence, many quotes": HEAD + "Officials said " + ", ".join(
            f"“point {i}” said Lin Jian" for i in range(size // 28)) + ".",
        "run of periods": HEAD + "The talks ended" + "." * size + " Then more.",
    }


def measure(text: str) -> tuple[float, float]:
    """(seconds, peak MB) of one CLI run on ``text``."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_text(text, encoding="utf-8")
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-c", _REPORTING_CLI, str(path)],
                                capture_output=True, check=False)  # fmt: skip
        seconds = time.perf_counter() - start
        if result.returncode != 0:
            raise SystemExit(result.stderr.decode()[-300:])
    peak_kb = int(result.stderr.decode().strip().splitlines()[-1])
    return seconds, peak_kb / 1024


#: The command line, then its own peak memory (kB) on standard error.
_REPORTING_CLI = """
import resource, sys
from analysis.cli import main
status = main([sys.argv[1], "--json", "--max-bytes", "10000000"])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
sys.exit(status)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10, 100, 500, 2000],
                        help="sizes in KB")
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        for name, text in shapes(size * 1000).items():
            seconds, peak = measure(text)
            rows.append({"shape": name, "kb": size, "seconds": round(seconds, 2),
                         "seconds_per_kb": round(seconds / size, 4), "peak_mb": round(peak)})
            print(f"{name:28} {size:6} KB {seconds:7.2f} s {seconds / size * 1000:8.2f} ms/KB "
                  f"{peak:7.0f} MB", flush=True)
    out = Path(__file__).with_name("results") / "shapes.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(rows, indent=1) + "\n")


if __name__ == "__main__":
    main()
