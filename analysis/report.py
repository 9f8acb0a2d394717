"""``make report``: every notebook run on one article, written as HTML for two kinds of reader.

``python -m analysis.report ARTICLE --out reports`` runs each notebook of ``notebooks/`` with
papermill (parameter ``article_path``, working directory the notebooks' folder) and writes

- ``OUT/NAME.html``, the full notebook: code, parameters and outputs;
- ``OUT/reader/NAME.html``, the reader edition: the prose and the outputs (tables, charts, the
  marked article) without code cells, without the ``parameters`` / ``injected-parameters`` cells
  and without warnings printed on standard error, with a table of contents after the opening
  (title, question, key findings) and links to the index and to the full page;
- ``OUT/index.html``, a link to every page with its title (the notebook's first heading) and a
  one-line description (its first sentence of prose).

Guarantees:

- All pages are written to a temporary folder inside OUT and moved into OUT only when every
  notebook has run: a failed run leaves OUT as it was.
- Pages load nothing from the network: nbconvert's ``lab`` template links require.js, MathJax,
  Mermaid and the widget manager from CDNs; our template leaves them out (the notebooks use none of
  them: no math, no diagram, no live widget). Every page is checked (:func:`remote_resources`)
  before it is written.
- Pages name the article by its file name only: the article's absolute path, its folder and the
  project's folder are removed from every cell and output, in every form a notebook can show them
  (plain, HTML-escaped, JSON- and Python-escaped).
- The kernel talks to papermill over CurveZMQ-encrypted sockets (``transport_encryption``): its
  "running over TCP without encryption" warning has nothing to warn about.
- Figures keep the alt text a notebook gives them (output metadata ``alt``, as IPython's
  ``Image(alt=...)`` sets it, or cell metadata ``alt``); nbconvert's ``lab`` template drops it.
  The figures without any are counted in the notebook's line instead of nbconvert's warning.

Prints one line per notebook, ``00_article_overview  4.2 s``, and nothing else on success; on
failure one line on standard error naming the notebook and the error (or the output folder that
cannot be written), and exit status 1 (2 for a missing article or a bad option); never a
traceback.
"""

from __future__ import annotations

import argparse
import copy
import html
import json
import logging
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.errors import AnalysisError, ArticleError, DependencyError, UsageError

EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C

#: Cells with these tags are not shown in the reader edition: papermill's parameters.
HIDDEN_TAGS = frozenset({"parameters", "injected-parameters"})
#: The output of a live widget, such as tqdm's progress bar in JupyterLab.
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
#: The folder of the reader edition, inside the output folder.
READER_DIR = "reader"
#: nbconvert's alt text for an image that has none (nbconvert/exporters/html.py).
NBCONVERT_NO_ALT = "No description has been provided for this image"

#: The folder above the ``analysis`` package: the checkout, for an editable install.
PACKAGE_PROJECT = Path(__file__).resolve().parents[1]

TEMPLATE_NAME = "news_framing_offline.html.j2"
#: nbconvert's ``lab`` template without its CDN scripts, keeping the figures' alt text.
TEMPLATE = """\
{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- macro alt_text(output, cell, mime) -%}
{%- set alt = (output | get_metadata('alt', mime)) or (cell | get_metadata('alt')) -%}
{%- if alt %} alt="{{ alt | escape_html }}"{% endif -%}
{%- endmacro -%}
{% block data_png scoped %}
<div class="jp-RenderedImage jp-OutputArea-output {{ extra_class }}">
<img src="data:image/png;base64,{{ output.data['image/png'] | escape_html }}"\
{{ alt_text(output, cell, 'image/png') }}>
</div>
{%- endblock data_png %}
{% block data_jpg scoped %}
<div class="jp-RenderedImage jp-OutputArea-output {{ extra_class }}">
<img src="data:image/jpeg;base64,{{ output.data['image/jpeg'] | escape_html }}"\
{{ alt_text(output, cell, 'image/jpeg') }}>
</div>
{%- endblock data_jpg %}
"""

#: A URL that leaves the page: http, https, or protocol-relative.
_REMOTE_URL = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
#: Loads from CSS and JavaScript: ``url(http...)``, ``@import "http..."``, ``import("http...")``.
_REMOTE_IN_CODE = re.compile(
    r"""url\(\s*['"]?\s*(?:https?:)?//[^)'"]*"""
    r"""|@import\s+['"](?:https?:)?//[^'"]*"""
    r"""|\bimport\s*\(\s*['"](?:https?:)?//[^'"]*"""
    r"""|\bfrom\s+['"](?:https?:)?//[^'"]*""",
    re.IGNORECASE,
)
#: Attributes through which an element other than a link loads something.
_LOADING_ATTRIBUTES = ("src", "href", "data", "poster", "srcset", "xlink:href", "background")

READER_STYLE = """<style type="text/css">
.nf-pagenav {font-size: 0.9em; margin: 0 0 1em 0; color: #555}
.nf-pagenav a {margin-right: 1.5em}
.nf-contents {border-left: 3px solid #ccc; padding: 0.25em 1em; margin: 1em 0 2em 0}
.nf-contents p {font-weight: bold; margin: 0.25em 0}
.nf-contents ul {margin: 0; padding-left: 0; list-style: none}
.nf-contents li.nf-h3 {margin-left: 1.5em}
</style>"""


class _NotAltText(logging.Filter):
    """Drops nbconvert's "Alternative text is missing" warning: the pages' images without alt
    text are counted instead (:func:`count_missing_alt`) and shown in the notebook's line."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Alternative text is missing")


_NBCONVERT_LOG = logging.getLogger("analysis.report.nbconvert")
_NBCONVERT_LOG.addFilter(_NotAltText())


class ReportError(AnalysisError):
    """A notebook of the report failed to run or to render; the message names it."""


@dataclass(frozen=True)
class Page:
    """One notebook of a report: ``name`` (its file name without ``.ipynb``), ``title`` (its
    first heading), ``description`` (one line), ``seconds`` (wall time to run and render it) and
    ``figures_without_alt`` (images without alt text in its pages)."""

    name: str
    title: str
    description: str
    seconds: float
    figures_without_alt: int = 0

    def line(self) -> str:
        """The line printed for it: ``00_article_overview  4.2 s``."""
        n = self.figures_without_alt
        note = f"  ({n} figure{'s' if n > 1 else ''} without alt text)" if n else ""
        return f"{self.name}  {self.seconds:.1f} s{note}"


# -- what a notebook says about itself ------------------------------------------------------------

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")


def notebook_title(nb: Any, default: str = "") -> str:
    """The text of the notebook's first markdown heading (any level), or ``default``."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            match = _HEADING.match(line)
            if match:
                return markdown_to_text(match.group(2))
    return default


def notebook_description(nb: Any, limit: int = 200) -> str:
    """One line about the notebook: its metadata ``description`` when it has one, else the first
    sentence of the first paragraph of prose after its first heading, without markdown and
    without a bold label such as ``**Question.**``; at most ``limit`` characters."""
    given = nb.metadata.get("description")
    if isinstance(given, str) and given.strip():
        return _shorten(" ".join(given.split()), limit)
    seen_heading = False
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for paragraph in re.split(r"\n\s*\n", cell.source):
            text = paragraph.strip()
            if not text:
                continue
            if _HEADING.match(text.splitlines()[0]):
                seen_heading = True
                rest = "\n".join(text.splitlines()[1:]).strip()
                if not rest:
                    continue
                text = rest
            if not seen_heading or text.startswith(("```", "|", "<", "- ", "* ", "1.")):
                continue
            text = re.sub(r"^\*\*[^*]{1,40}[.:]\*\*\s*", "", text)  # a bold label
            return _shorten(_first_sentence(markdown_to_text(text)), limit)
    return ""


def markdown_to_text(markdown: str) -> str:
    """Inline markdown as plain text: links keep their text; emphasis and code marks go."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    return " ".join(text.split())


def _first_sentence(text: str) -> str:
    # A sentence ends at . ? or ! before a capital letter; "U.S. officials" is not an end,
    # since a one-letter word before the period is an initial or an abbreviation.
    match = re.search(r"(?<!\b\w)[.?!](?=\s+[A-Z\"“(])", text)
    return text[: match.end()] if match else text


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# -- paths: the article by its file name only ------------------------------------------------------

#: Every form in which a notebook can show a string: as it is, HTML-escaped (pandas tables),
#: JSON-escaped, and as papermill's injected cell and Python's repr write it.
_ESCAPES: tuple[Callable[[str], str], ...] = (
    lambda s: s,
    lambda s: html.escape(s, quote=True),
    lambda s: html.escape(s, quote=False),
    lambda s: json.dumps(s, ensure_ascii=False)[1:-1],
    lambda s: json.dumps(s)[1:-1],
    lambda s: s.encode("unicode_escape").decode("utf-8").replace('"', r"\""),
    lambda s: repr(s)[1:-1],
)


def path_replacements(article: Path, *roots: Path) -> list[tuple[str, str]]:
    """Pairs (text, replacement), longest text first: the article's absolute path becomes its
    file name; its folder and the project's folders (``roots``) become relative (a path in
    them loses the folder, the folder itself becomes ``.``), in each form of :data:`_ESCAPES`,
    for the absolute and the symlink-resolved spelling of each path."""
    pairs: dict[str, str] = {}
    for path in {Path(os.path.abspath(article)), article.resolve()}:
        for escape in _ESCAPES:
            pairs[escape(str(path))] = escape(path.name)
    folders = {Path(os.path.abspath(article)).parent, article.resolve().parent}
    for root in roots:
        folders |= {Path(os.path.abspath(root)), root.resolve()}
    for folder in folders:
        if folder.parent == folder:  # the file system's root: nothing to remove
            continue
        for escape in _ESCAPES:
            pairs.setdefault(escape(str(folder) + os.sep), "")
            pairs.setdefault(escape(str(folder)), ".")
    return sorted(pairs.items(), key=lambda pair: len(pair[0]), reverse=True)


def _replace(value: Any, pairs: Sequence[tuple[str, str]]) -> Any:
    if isinstance(value, str):
        for old, new in pairs:
            if old in value:
                value = value.replace(old, new)
        return value
    if isinstance(value, list):
        return [_replace(item, pairs) for item in value]
    if isinstance(value, dict):
        return {key: (item if _is_binary(key) else _replace(item, pairs))
                for key, item in value.items()}  # fmt: skip
    return value


def _is_binary(mime: str) -> bool:
    return mime.startswith(("image/", "application/pdf")) and not mime.endswith("+xml")


def scrub_paths(nb: Any, pairs: Sequence[tuple[str, str]]) -> Any:
    """The notebook with ``pairs`` replaced in every cell's source and output (stream text,
    rich data except binary images, error values and tracebacks), and its papermill metadata
    (which records the paths it ran with) removed. Changes ``nb`` in place and returns it."""
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.source = _replace(cell.source, pairs)
        cell.metadata.pop("papermill", None)
        for output in cell.get("outputs", []):
            for key in ("text", "evalue", "traceback"):
                if key in output:
                    output[key] = _replace(output[key], pairs)
            if "data" in output:
                for mime, data in output["data"].items():
                    if not _is_binary(mime):
                        output["data"][mime] = _replace(data, pairs)
    return nb


# -- the reader edition ---------------------------------------------------------------------------


def reader_notebook(nb: Any) -> Any:
    """A copy of ``nb`` for readers: markdown cells, and the outputs of code cells not tagged
    :data:`HIDDEN_TAGS`, without what was printed on standard error (warnings) and without
    widgets (progress bars); code cells left with no output, and raw cells, are dropped. The
    code itself is hidden by the exporter."""
    reader = copy.deepcopy(nb)
    cells = []
    for cell in reader.cells:
        if cell.cell_type == "markdown":
            cells.append(cell)
        elif cell.cell_type == "code" and not HIDDEN_TAGS & set(cell.metadata.get("tags", [])):
            cell.outputs = [output for output in cell.outputs
                            if not (_is_stderr(output) or _is_widget(output))]  # fmt: skip
            if cell.outputs:
                cells.append(cell)
    reader.cells = cells
    return reader


def _is_stderr(output: Any) -> bool:
    return output.output_type == "stream" and output.get("name") == "stderr"


def _is_widget(output: Any) -> bool:
    # A live widget (a tqdm progress bar): a static page shows only its first state.
    return WIDGET_MIME in output.get("data", {})


def _heading_text(heading: Any) -> str:
    parts = [piece for piece in heading.find_all(string=True)
             if not piece.find_parent("a", class_="anchor-link")]  # fmt: skip
    return " ".join("".join(parts).split())


def _in_markdown(tag: Any) -> bool:
    """Whether ``tag`` is in a markdown cell or a markdown output, not in an HTML output (such
    as the marked article, whose headline is a heading of the article, not of the page)."""
    return bool(tag.find_parent("div", class_="jp-MarkdownCell")
                or tag.find_parent("div", attrs={"data-mime-type": "text/markdown"}))  # fmt: skip


def _is_key_findings(text: str) -> bool:
    return text.lower().startswith("key finding")


def add_contents(page: str, *, index_href: str, full_href: str) -> str:
    """The reader page with links to the index and to the full page at its top, and a table of
    contents of its ``h2`` and ``h3`` headings (from markdown cells and markdown outputs) placed
    before the first ``h2`` that is not "Key findings", so that the page opens with its title,
    its question and its key findings. Headings without an ``id`` get one. A page with no such
    heading gets no table of contents."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, "html.parser")
    main = soup.find("main") or soup.body
    if soup.head is not None:
        soup.head.append(BeautifulSoup(READER_STYLE, "html.parser"))
    taken = {tag["id"] for tag in soup.find_all(id=True)}
    headings = []
    for heading in main.find_all(["h2", "h3"]):
        text = _heading_text(heading)
        if not text or not _in_markdown(heading):
            continue
        if not heading.get("id"):
            slug = re.sub(r"[^\w-]+", "-", text).strip("-") or "section"
            candidate, number = slug, 1
            while candidate in taken:
                number += 1
                candidate = f"{slug}-{number}"
            heading["id"] = candidate
            taken.add(candidate)
        headings.append((heading, text))
    first = next((i for i, (tag, text) in enumerate(headings)
                  if tag.name == "h2" and not _is_key_findings(text)), None)  # fmt: skip
    if first is not None:
        nav = soup.new_tag("nav", attrs={"class": "nf-contents", "aria-label": "Contents"})
        title = soup.new_tag("p")
        title.string = "Contents"
        nav.append(title)
        items = soup.new_tag("ul")  # the headings carry their own numbers ("1 · ...")
        for heading, text in headings[first:]:
            item = soup.new_tag("li", attrs={"class": f"nf-{heading.name}"})
            link = soup.new_tag("a", href=f"#{heading['id']}")
            link.string = text
            item.append(link)
            items.append(item)
        nav.append(items)
        anchor = headings[first][0]
        cell = anchor.find_parent("div", class_="jp-Cell") or anchor
        cell.insert_before(nav)
    pagenav = soup.new_tag("nav", attrs={"class": "nf-pagenav", "aria-label": "Pages"})
    for href, label in ((index_href, "← All pages"), (full_href, "This page with its code")):
        link = soup.new_tag("a", href=href)
        link.string = label
        pagenav.append(link)
    main.insert(0, pagenav)
    return str(soup)


# -- HTML -----------------------------------------------------------------------------------------


def to_html(nb: Any, *, reader: bool = False, title: str = "") -> str:
    """The notebook as one self-contained HTML page (nbconvert's ``lab`` template without its
    CDN scripts; images embedded). ``reader``: without code inputs and prompts."""
    try:
        from jinja2 import DictLoader
        from nbconvert import HTMLExporter
        from traitlets.config import Config
    except ImportError as error:  # pragma: no cover - nbconvert is in the dev extra
        raise DependencyError(
            f"the report needs nbconvert: pip install -e '.[dev]' ({error})"
        ) from error
    config = Config()
    config.HTMLExporter.exclude_input = reader
    config.HTMLExporter.exclude_input_prompt = reader
    config.HTMLExporter.exclude_output_prompt = reader
    config.HTMLExporter.embed_images = True
    exporter = HTMLExporter(
        config=config, template_name="lab",
        extra_loaders=[DictLoader({TEMPLATE_NAME: TEMPLATE})], template_file=TEMPLATE_NAME,
    )  # fmt: skip
    exporter.log = _NBCONVERT_LOG
    nb = copy.copy(nb)
    nb.metadata = copy.deepcopy(nb.metadata)
    nb.metadata.pop("widgets", None)  # widget state would load the widget manager from a CDN
    if title:
        nb.metadata["title"] = title
    body, _ = exporter.from_notebook_node(nb)
    return body


def remote_resources(page: str) -> list[str]:
    """What ``page`` would load from the network: ``src``/``href``/... attributes of elements
    other than links (``<a>``) that point to ``http://``, ``https://`` or ``//`` (any candidate
    of a ``srcset``), a ``<meta http-equiv="refresh">`` to such a URL, and URLs that CSS
    (``url(...)``, ``@import``) or JavaScript modules (``import(...)``) would fetch.
    An empty list for a page that opens offline."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, "html.parser")
    found = []
    for tag in soup.find_all(True):
        if tag.name == "a":
            continue
        for attribute in _LOADING_ATTRIBUTES:
            value = tag.get(attribute)
            if not isinstance(value, str):
                continue
            # srcset lists candidates, "a.png 1x, https://cdn/b.png 2x": any may be fetched
            urls = value.split(",") if attribute == "srcset" else [value]
            if any(_REMOTE_URL.match(url) for url in urls):
                found.append(f"<{tag.name} {attribute}={value!r}>")
        refresh = str(tag.get("http-equiv", "")).lower() == "refresh"
        if tag.name == "meta" and refresh and _REMOTE_URL.match(_refresh_url(tag)):
            found.append(f"<meta http-equiv='refresh' content={tag.get('content')!r}>")
        style = tag.get("style")
        if isinstance(style, str):
            found += _REMOTE_IN_CODE.findall(style)
        if tag.name in ("style", "script"):
            found += _REMOTE_IN_CODE.findall(tag.get_text())
    return found


def _refresh_url(tag: Any) -> str:
    """The URL a ``<meta http-equiv="refresh" content="5; url=...">`` goes to ('' if none)."""
    match = re.search(r"url\s*=\s*['\"]?([^'\"]*)", str(tag.get("content", "")), re.IGNORECASE)
    return match.group(1) if match else ""


def count_missing_alt(page: str) -> int:
    """Images in ``page`` with no alt text of their own (nbconvert's stand-in, or none)."""
    from bs4 import BeautifulSoup

    images = BeautifulSoup(page, "html.parser").find_all("img")
    return sum(1 for image in images if image.get("alt") in (None, NBCONVERT_NO_ALT))


def index_html(pages: Iterable[Page], article_name: str) -> str:
    """The index page: one row per page, the title linking to the reader edition, the
    description, and a link to the full page with its code."""
    rows = "\n".join(
        f'<li><a class="nf-title" href="{READER_DIR}/{html.escape(p.name)}.html">'
        f"{html.escape(p.title)}</a>"
        f'<p>{html.escape(p.description)} <a class="nf-code" href="{html.escape(p.name)}.html">'
        f"With its code</a></p></li>"
        for p in pages
    )
    name = html.escape(article_name)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>How the article frames its story: {name}</title>
<style type="text/css">
body {{font-family: system-ui, sans-serif; line-height: 1.5; max-width: 48em; margin: 2em auto;
      padding: 0 1em; color: #222}}
ol {{padding-left: 1.2em}}
li {{margin-bottom: 1.2em}}
.nf-title {{font-size: 1.1em; font-weight: bold}}
li p {{margin: 0.2em 0}}
.nf-code {{font-size: 0.85em; color: #555; margin-left: 0.5em}}
</style>
</head>
<body>
<main>
<h1>How the article frames its story</h1>
<p>The analyses of <code>{name}</code>, one page each: the findings, tables and charts, without
the code. Each page links to its full version with the code that computed it.</p>
<ol>
{rows}
</ol>
</main>
</body>
</html>
"""


# -- running --------------------------------------------------------------------------------------


def select_notebooks(folder: Path, only: Sequence[str] | None = None) -> list[Path]:
    """The notebooks of ``folder`` in name order; ``only``: those named (with or without
    ``.ipynb``), in name order. Raises :class:`UsageError` for a name that is not there or a
    folder without notebooks."""
    notebooks = sorted(folder.glob("*.ipynb"))
    if only:
        wanted = {name.removesuffix(".ipynb") for name in only}
        unknown = wanted - {path.stem for path in notebooks}
        if unknown:
            raise UsageError(f"no notebook named {', '.join(sorted(unknown))} in {folder}")
        notebooks = [path for path in notebooks if path.stem in wanted]
    if not notebooks:
        raise UsageError(f"{folder}: no notebooks (*.ipynb) to run")
    return notebooks


def describe_failure(error: BaseException) -> str:
    """One line for a failed notebook: the cell's exception for an error in the notebook,
    the exception's type and first line otherwise."""
    ename = getattr(error, "ename", None)
    if ename is not None:  # papermill's PapermillExecutionError
        value = (str(getattr(error, "evalue", "")).strip().splitlines() or [""])[0]
        cell = getattr(error, "exec_count", None)
        where = f"cell {cell}: " if cell is not None else ""
        return f"{where}{ename}: {value}".rstrip(": ")
    first = (str(error).strip().splitlines() or [""])[0]
    return f"{type(error).__name__}: {first}".rstrip(": ")


def run_notebook(notebook: Path, output: Path, article: Path, *, kernel_name: str) -> Any:
    """Run ``notebook`` with papermill, ``article_path`` set to ``article`` (absolute), in the
    notebook's folder, saving the executed notebook to ``output``; return it. The kernel's
    sockets are encrypted (CurveZMQ) when its kernelspec says it can (ipykernel's does)."""
    try:
        import papermill
        from traitlets.config import Config
    except ImportError as error:  # pragma: no cover - papermill is in the dev extra
        raise DependencyError(
            f"the report needs papermill: pip install -e '.[dev]' ({error})"
        ) from error
    config = Config({"KernelManager": {"transport_encryption": "auto"}})
    with _kernel_stderr_to_file():
        return papermill.execute_notebook(
        str(notebook.absolute()), str(output.absolute()),
            parameters={"article_path": str(article)}, kernel_name=kernel_name,
            cwd=str(notebook.absolute().parent), progress_bar=False, log_output=False,
            config=config,
        )  # fmt: skip


@contextmanager
def _kernel_stderr_to_file() -> Iterator[None]:
    """Point this process's standard error (file descriptor 2, which the kernel inherits) at a
    temporary file while a notebook runs. What a kernel prints there is noise for a reader: when
    papermill stops it after a failed cell, ipykernel may print "KeyboardInterrupt caught in
    kernel". The notebook's own warnings are in its outputs, and a failure is reported from them.
    """
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with tempfile.TemporaryFile() as sink:
            os.dup2(sink.fileno(), 2)
            try:
                yield
            finally:
                sys.stderr.flush()
                os.dup2(saved, 2)
    finally:
        os.close(saved)


def build_report(
    article: Path | str,
    out: Path | str = "reports",
    *,
    notebooks_dir: Path | str = "notebooks",
    only: Sequence[str] | None = None,
    kernel_name: str = "python3",
    echo: Callable[[str], None] = print,
) -> list[Page]:
    """Run the notebooks on ``article`` and write the report into ``out`` (module docstring);
    ``echo`` receives each notebook's line as it finishes. Returns the pages, in order. With
    ``only``, the pages of the other notebooks are removed from ``out``, so that the folder and
    its index show one run.

    Raises :class:`ArticleError` for a missing article, :class:`UsageError` for unknown
    notebook names, :class:`ReportError` when a notebook fails (``out`` is then unchanged) or
    when ``out`` cannot be written (not a folder, no permission, disk full)."""
    article = Path(os.path.abspath(article))
    if not article.is_file():
        raise ArticleError(f"{article}: {'not a file' if article.exists() else 'no such file'}")
    notebooks_dir = Path(notebooks_dir)
    notebooks = select_notebooks(notebooks_dir, only)
    # The notebooks' project, and the one this module is in (an editable install's checkout).
    pairs = path_replacements(article, notebooks_dir.absolute().parent, PACKAGE_PROJECT)
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".partial.", dir=out))
    except OSError as error:
        raise ReportError(f"{out}: cannot write the report here ({_reason(error)})") from error
    try:
        (staging / READER_DIR).mkdir()
        pages = [_build_page(path, staging, article, pairs, kernel_name, echo)
                 for path in notebooks]  # fmt: skip
        (staging / "index.html").write_text(index_html(pages, article.name), encoding="utf-8")
        (out / READER_DIR).mkdir(exist_ok=True)
        for page in pages:
            for name in (f"{page.name}.html", f"{READER_DIR}/{page.name}.html"):
                os.replace(staging / name, out / name)
        os.replace(staging / "index.html", out / "index.html")
        # The folder holds this run's pages only: a page of a notebook left out by ``only``
        # would be another run's (perhaps another article's), and the index would not list it.
        ran = {page.name for page in pages}
        for other in sorted(notebooks_dir.glob("*.ipynb")):
            if other.stem not in ran:
                for name in (f"{other.stem}.html", f"{READER_DIR}/{other.stem}.html"):
                    (out / name).unlink(missing_ok=True)
    except OSError as error:
        raise ReportError(f"{out}: cannot write the report here ({_reason(error)})") from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return pages


def _reason(error: OSError) -> str:
    """An operating-system error's reason without its paths: ``Not a directory``."""
    return error.strerror or type(error).__name__


def _build_page(
    notebook: Path, staging: Path, article: Path, pairs: Sequence[tuple[str, str]],
    kernel_name: str, echo: Callable[[str], None],
) -> Page:  # fmt: skip
    name = notebook.stem
    start = time.perf_counter()
    try:
        nb = run_notebook(notebook, staging / f"{name}.ipynb", article, kernel_name=kernel_name)
        scrub_paths(nb, pairs)
        title = notebook_title(nb, default=name)
        full = to_html(nb, title=title)
        reader = add_contents(
            to_html(reader_notebook(nb), reader=True, title=title),
            index_href="../index.html", full_href=f"../{name}.html",
        )  # fmt: skip
    except (AnalysisError, KeyboardInterrupt):
        raise
    except Exception as error:
        raise ReportError(f"{name}: {describe_failure(error)}") from error
    for edition, text in (("", full), ("reader edition: ", reader)):
        remote = remote_resources(text)
        if remote:
            raise ReportError(f"{name}: {edition}the page would load {remote[0]} from the network")
    (staging / f"{name}.html").write_text(full, encoding="utf-8")
    (staging / READER_DIR / f"{name}.html").write_text(reader, encoding="utf-8")
    (staging / f"{name}.ipynb").unlink(missing_ok=True)
    page = Page(name, title, notebook_description(nb), time.perf_counter() - start,
                count_missing_alt(full))  # fmt: skip
    echo(page.line())
    return page


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m analysis.report ARTICLE [--out reports] [--only NAME ...]``."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis.report",
        description="Run every notebook on ARTICLE and write the report as HTML: full pages, "
        "a reader edition without code in OUT/reader/, and OUT/index.html.",
    )
    parser.add_argument("article", help="the article, a text file")
    parser.add_argument("--out", default="reports", help="output folder (default: reports)")
    parser.add_argument("--notebooks", default="notebooks",
                        help="folder of the notebooks and their working directory "
                        "(default: notebooks)")  # fmt: skip
    parser.add_argument("--only", action="append", metavar="NAME",
                        help="run only this notebook (file name, with or without .ipynb); "
                        "repeat for more")  # fmt: skip
    parser.add_argument("--kernel", default="python3", help="Jupyter kernel (default: python3)")
    args = parser.parse_args(argv)
    logging.getLogger("papermill").setLevel(logging.WARNING)
    try:
        build_report(
            args.article, args.out, notebooks_dir=args.notebooks, only=args.only,
            kernel_name=args.kernel, echo=lambda line: print(line, flush=True),
        )  # fmt: skip
    except (ArticleError, UsageError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except AnalysisError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    return 0


if __name__ == "__main__":
    sys.exit(main())
