"""Every notebook that takes an article (00-05 and 07; 06 reads the evaluation set, not the
article) runs on articles unlike the seed and says nothing broken.

Each notebook is executed with papermill on six articles of the evaluation set chosen for
variety, and its outputs are read as a reader would: no exception, nothing on standard error
(a warning), no figure without alternative text, no chart drawn empty, and no prose or table
with a hole in it (``nan``, ``None``, ``[]``, "from ;", a bold marker around nothing).
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("0[0-57]_*.ipynb"))
EVAL = ROOT / "eval" / "articles"

#: The articles, and why each is in the set.
ARTICLES = {
    # science, no politics, no country actor: frames and tone by actor have little to show
    "monarch": "wikinews_2019_monarch_butterfly_population_high.txt",
    # two sentences, one quote, no actor
    "very_short": "globalvoices_2008_trinidad_tobago_survival_strategy.txt",
    # no quotation at all, no actor of the dictionary
    "no_quotes": "globalvoices_2014_madagascar_journalists_arrested.txt",
    # a city story with ten speakers and no actor of the dictionary
    "many_speakers": "wikinews_2019_gdansk_mayor_adamowicz_stabbed.txt",
    # a wire-style report adapted from agency reports, many quotes and actors
    "wire": "voa_2016_north_korea_expels_bbc_journalists.txt",
    # the longest article of the set: an interview of 78 sentences
    "long": "wikinews_2019_magellanic_penguins_gownaris_interview.txt",
}

#: Text that shows a value missing where a name or number should be.
HOLES = [
    re.compile(r"(?<![\w'’-])(?:nan|NaN|None)(?![\w'’-])(?!\s+(?:of|the|was|is|were|are)\b)"),
    re.compile(r"\[\]"),
    re.compile(r"\bfrom ;"),
    re.compile(r"\*{4}"),  # bold around nothing
    re.compile(r"\(\s*\)"),
    re.compile(r"\bare mentioned 0 times\b"),
]
#: The same in HTML: a cell or an element holding only a missing value.
HTML_HOLES = [
    re.compile(r">\s*(?:nan|NaN|None|\[\])\s*<"),
    re.compile(r"<b>\s*</b>|<strong>\s*</strong>"),
]
IMG = re.compile(r"<img\b[^>]*>")


def _text(output: dict) -> dict[str, str]:
    """The text outputs of one cell output, by MIME type."""
    if output["output_type"] == "stream":
        return {"stream:" + output["name"]: output["text"]}
    data = output.get("data", {})
    return {kind: value if isinstance(value, str) else "".join(value)
            for kind, value in data.items() if kind.startswith("text/")}  # fmt: skip


def _article_part(html: str) -> str:
    """``html`` without the marked article itself (its text may say "None" as a word)."""
    return re.sub(r'<div class="nf-article">.*?</div>\s*$', "", html, flags=re.S)


def problems(notebook: dict) -> list[str]:
    """Everything a reader would see as broken in an executed notebook."""
    found = []
    for index, cell in enumerate(notebook["cells"]):
        for output in cell.get("outputs", []):
            where = f"cell {index}"
            if output["output_type"] == "error":
                found.append(f"{where}: {output['ename']}: {output['evalue']}")
            data = output.get("data", {})
            for kind in ("image/png", "image/svg+xml", "image/jpeg"):
                if kind in data and not output.get("metadata", {}).get(kind, {}).get("alt"):
                    found.append(f"{where}: a {kind} figure without alt text")
            for kind, text in _text(output).items():
                if kind == "stream:stderr" and text.strip():
                    found.append(f"{where}: standard error: {text.strip()[:200]}")
                    continue
                if kind == "text/html":
                    body = _article_part(text)
                    for image in IMG.findall(body):
                        if not re.search(r'alt="[^"]{10,}"', image):
                            found.append(f"{where}: an image without alt text")
                        source = re.search(r'src="data:image/png;base64,([^"]+)"', image)
                        if source and len(base64.b64decode(source.group(1))) < 2000:
                            found.append(f"{where}: an image too small to hold a chart")
                    for pattern in HTML_HOLES:
                        for hole in pattern.findall(body):
                            found.append(f"{where} ({kind}): {hole!r}")
                    continue
                if kind == "text/plain" and "text/html" in data:
                    continue  # the HTML is what a reader sees
                for pattern in HOLES:
                    for match in pattern.finditer(text):
                        context = text[max(0, match.start() - 60) : match.end() + 60]
                        found.append(f"{where} ({kind}): {match.group()!r} in {context!r}")
    return found


def test_the_checks_find_holes() -> None:
    """The checks above fail on the faults readers reported."""
    def cell(*outputs: dict) -> dict:
        return {"cell_type": "code", "outputs": list(outputs)}

    def markdown(text: str) -> dict:
        return {"output_type": "display_data", "data": {"text/markdown": text}, "metadata": {}}

    bad = {"cells": [
        cell(markdown("All attributed quotes come from ; China are mentioned 0 times")),
        cell(markdown("**** cast as the problem")),
        cell(markdown("Top actor: None; tone nan")),
        cell({"output_type": "stream", "name": "stderr", "text": "UserWarning: empty\n"}),
        cell({"output_type": "display_data", "metadata": {}, "data": {
            "text/html": '<table><td>NaN</td></table><img src="data:image/png;base64,AA==">'}}),
        cell({"output_type": "display_data", "metadata": {}, "data": {"image/png": "AA=="}}),
    ]}  # fmt: skip
    found = problems(bad)
    assert len([f for f in found if f.startswith("cell 0")]) == 2
    assert any("cell 1" in f for f in found)
    assert len([f for f in found if f.startswith("cell 2")]) == 2
    assert any("standard error" in f for f in found)
    assert len([f for f in found if f.startswith("cell 4")]) == 3  # NaN, no alt, too small
    assert any("without alt text" in f for f in found if f.startswith("cell 5"))
    good = {"cells": [cell(markdown("None of the three actors is quoted; Nancy said it.")),
                      cell(markdown("Nonetheless, 3 sentences (n = 2)."))]}
    assert problems(good) == []


@pytest.mark.parametrize("article", list(ARTICLES))
@pytest.mark.parametrize("notebook", [p.name for p in NOTEBOOKS])
def test_notebook_holds_on_article(notebook: str, article: str, tmp_path: Path) -> None:
    papermill = pytest.importorskip("papermill")
    import nbformat

    output = tmp_path / notebook
    papermill.execute_notebook(
        str(ROOT / "notebooks" / notebook), str(output),
        parameters={"article_path": str(EVAL / ARTICLES[article])},
        cwd=str(ROOT / "notebooks"), kernel_name="python3", progress_bar=False,
        log_output=False,
    )  # fmt: skip
    executed = nbformat.read(output, as_version=4)
    assert problems(executed) == []
