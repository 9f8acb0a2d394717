"""``python -m analysis.report``: the full pages, the reader edition and the index.

One run on a short article of our own, with notebook 00 and a probe notebook that prints the
article's path in every form a notebook can (plain, repr, an HTML table), writes a warning on
standard error, shows an image with alt text and one without, and has headings in markdown
cells, in a markdown output and in an HTML output. Then the checks the report promises: every
page linked from the index, no code and no parameters cell for readers, a table of contents
after the key findings, nothing loaded from the network, no absolute path, one line per notebook.
A second run fails in its second notebook: one error line, and the output folder untouched.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup

from analysis import report
from analysis.errors import ArticleError, UsageError
from tests.conftest import ROOT

KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}
#: A 1×1 PNG (matplotlib's), base64.
PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAOnRFWHRTb2Z0d2FyZQBNYXRwbG90bGliIHZlcnNpb24z"
    "LjExLjIsIGh0dHBzOi8vbWF0cGxvdGxpYi5vcmcvgI3uAAAAAAlwSFlzAAABigAAAYoBM5cwWAAAAA1JREFUeJxj+P//"
    "/38ACfsD/SqG44oAAAAASUVORK5CYII="
)
ARTICLE = """\
Harbour talks end with a promise of more patrols

PORTSMOUTH. Officials from two coastal towns agreed on Monday to share the cost of harbour
patrols after a summer of thefts from moored boats.

"We cannot watch every mooring alone," said Mayor Ann Reed, who led the talks.

The towns will review the plan in a year, according to a statement from the harbour board.
"""
#: A file name a shell or a string literal would trip on.
ARTICLE_NAME = """harbour "talks" it's.txt"""

PROBE = [
    ("markdown", "# 01 · A probe of the report\n\n**Question.** Does the report keep its "
     "promises? It checks paths, links and headings.\n\nSee [the documentation]"
     "(https://example.org/docs)."),
    ("parameters", 'article_path = ""'),
    ("markdown", "## Key findings\n\n- The findings come first."),
    ("code", textwrap.dedent("""\
        import os
        import sys
        from pathlib import Path

        import pandas as pd

        pd.set_option("display.max_colwidth", None)
        print(article_path)
        print(repr(article_path))
        print(Path(article_path).resolve().parent)
        print(os.getcwd())
        print("a warning for the analyst", file=sys.stderr)
        pd.DataFrame({"path": [article_path]})""")),
    ("markdown", "## 1 · First section\n\nText.\n\n### 1.1 A subsection\n\nMore text."),
    ("code", textwrap.dedent(f"""\
        import base64
        from IPython.display import HTML, Image, Markdown, display

        png = base64.b64decode("{PNG}")
        display(Image(data=png, format="png", alt="A single red dot"))
        display(Image(data=png, format="png"))
        display(Markdown("### 1.2 A heading the code wrote"))
        display(HTML('<h2>An article headline</h2><a href="https://example.org">a link</a>'))""")),
    ("code", "x = 1  # no output"),
    ("code", "from tqdm.auto import tqdm\n\nfor _ in tqdm(range(3), desc='progress'):\n    pass"),
    ("markdown", "## 2 · Second section\n\nThe end."),
]  # fmt: skip


def write_notebook(path: Path, cells: list[tuple[str, str]]) -> None:
    """A notebook of ``(kind, source)`` cells; kind ``parameters`` is a tagged code cell."""
    made = []
    for kind, source in cells:
        if kind == "markdown":
            made.append(nbformat.v4.new_markdown_cell(source))
        else:
            tags = ["parameters"] if kind == "parameters" else []
            made.append(nbformat.v4.new_code_cell(source, metadata={"tags": tags}))
    nb = nbformat.v4.new_notebook(cells=made)
    nb.metadata["kernelspec"] = KERNELSPEC
    nbformat.write(nb, path)


def run_report(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analysis.report", *map(str, args)],
        capture_output=True, text=True, timeout=600, check=False, cwd=ROOT,
    )  # fmt: skip


class Run:
    """A finished run: its folders, its process, and its pages parsed."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.article = base / "articles" / ARTICLE_NAME
        self.notebooks = base / "project" / "notebooks"
        self.out = base / "out"
        self.result = run_report(
            self.article, "--out", self.out, "--notebooks", self.notebooks,
            "--only", "00_article_overview", "--only", "01_probe.ipynb",
        )  # fmt: skip
        self.pages = {
            path.relative_to(self.out).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(self.out.rglob("*.html"))
        }

    def soup(self, name: str) -> BeautifulSoup:
        return BeautifulSoup(self.pages[name], "html.parser")


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    base = tmp_path_factory.mktemp("report")
    (base / "articles").mkdir()
    (base / "articles" / ARTICLE_NAME).write_text(ARTICLE, encoding="utf-8")
    notebooks = base / "project" / "notebooks"
    notebooks.mkdir(parents=True)
    overview = ROOT / "notebooks" / "00_article_overview.ipynb"
    (notebooks / overview.name).write_bytes(overview.read_bytes())
    write_notebook(notebooks / "01_probe.ipynb", PROBE)
    write_notebook(notebooks / "02_not_asked_for.ipynb", [("code", "raise SystemExit(1)")])
    return Run(base)


# -- the run -------------------------------------------------------------------------------------


def test_one_line_per_notebook_and_nothing_else(run):
    assert run.result.returncode == 0, run.result.stderr
    lines = run.result.stdout.splitlines()
    assert len(lines) == 2, lines
    assert re.fullmatch(r"00_article_overview  \d+\.\d s", lines[0])
    # One figure of the probe has no alt text: said in its line, not in a warning.
    assert re.fullmatch(r"01_probe  \d+\.\d s  \(1 figure without alt text\)", lines[1])
    assert run.result.stderr == ""  # no kernel, papermill or nbconvert warning


def test_the_pages_written(run):
    assert sorted(run.pages) == [
        "00_article_overview.html",
        "01_probe.html",
        "index.html",
        "reader/00_article_overview.html",
        "reader/01_probe.html",
    ]
    assert [p.name for p in run.out.iterdir() if p.name.startswith(".")] == []  # no staging


def test_index_links_every_page_with_title_and_description(run):
    soup = run.soup("index.html")
    hrefs = [a["href"] for a in soup.find_all("a")]
    assert hrefs == [
        "reader/00_article_overview.html",
        "00_article_overview.html",
        "reader/01_probe.html",
        "01_probe.html",
    ]
    assert all(href in run.pages for href in hrefs)
    titles = [a.get_text() for a in soup.find_all("a", class_="nf-title")]
    assert titles == ["00 · The article as the library sees it", "01 · A probe of the report"]
    probe = soup.find_all("li")[1].p.get_text()
    assert probe.startswith("Does the report keep its promises? With its code")
    assert ARTICLE_NAME in soup.get_text()


def test_reader_pages_have_no_code_and_no_parameters_cell(run):
    for name in ("reader/00_article_overview.html", "reader/01_probe.html"):
        soup = run.soup(name)
        code_cells = soup.find_all("div", class_="jp-CodeCell")
        assert code_cells, name
        for cell in code_cells:
            assert cell.find(class_="jp-InputArea") is None, name
            assert not {"celltag_parameters", "celltag_injected-parameters"} & set(cell["class"])
        assert "article_path =" not in soup.get_text(), name
    probe = run.soup("reader/01_probe.html").get_text()
    full = run.soup("01_probe.html").get_text()
    assert "print(repr(article_path))" in full and "print(repr(article_path))" not in probe
    assert "a warning for the analyst" in full and "a warning for the analyst" not in probe
    assert "x = 1" in full and "x = 1" not in probe
    # The progress bar ran as a widget (ipywidgets is installed): kept for analysts only.
    assert "progress:" in full and "progress:" not in probe


def test_reader_page_table_of_contents_after_the_key_findings(run):
    soup = run.soup("reader/01_probe.html")
    nav = soup.find("nav", class_="nf-contents")
    entries = [(li["class"][0], li.get_text()) for li in nav.find_all("li")]
    assert entries == [
        ("nf-h2", "1 · First section"),
        ("nf-h3", "1.1 A subsection"),
        ("nf-h3", "1.2 A heading the code wrote"),
        ("nf-h2", "2 · Second section"),
    ]  # not "Key findings" (above it), not the headline in the HTML output
    for link in nav.find_all("a"):
        assert soup.find(id=link["href"][1:]) is not None, link
    text = soup.get_text()
    assert text.index("Key findings") < text.index("Contents") < text.index("Text.")
    links = [a["href"] for a in soup.find("nav", class_="nf-pagenav").find_all("a")]
    assert links == ["../index.html", "../01_probe.html"]
    # The notebook 00 page gets its own contents, from its own headings.
    overview = run.soup("reader/00_article_overview.html").find("nav", class_="nf-contents")
    assert overview.find("li").get_text() == "1 · Structure"


def test_alt_text_is_kept(run):
    images = run.soup("reader/01_probe.html").find_all("img")
    assert [image.get("alt") for image in images] == [
        "A single red dot",
        report.NBCONVERT_NO_ALT,
    ]


def test_no_page_loads_anything_from_the_network(run):
    for name, page in run.pages.items():
        assert report.remote_resources(page) == [], name
        assert not re.search(r"<script[^>]*\ssrc=[\"']?(https?:)?//", page), name
        assert not re.search(r"<link[^>]*\shref=[\"']?(https?:)?//", page), name
        assert not re.search(r"@import\s+url\(\s*[\"']?https?:", page), name
    # Links in prose stay: the check above is not vacuous.
    assert 'href="https://example.org/docs"' in run.pages["reader/01_probe.html"]


def test_no_absolute_path_in_any_page(run):
    folders = [ROOT, run.base, run.article.parent, run.notebooks, Path.home()]
    for name, page in run.pages.items():
        for folder in folders:
            assert str(folder) not in page, (name, folder)
    # The article by its file name, the folders as relative paths, in every form of output.
    probe = run.soup("01_probe.html")
    printed = (
        """harbour "talks" it's.txt\n"""  # print(article_path)
        """'harbour "talks" it\\'s.txt'\n"""  # print(repr(article_path))
        ".\n"  # the article's folder
        "notebooks\n"  # the working directory, in the project's folder
    )
    assert printed in probe.get_text()
    assert probe.find("td", string=ARTICLE_NAME) is not None  # a pandas table
    assert run.soup("00_article_overview.html").find("td", string=ARTICLE_NAME) is not None
    injected = probe.find("div", class_="celltag_injected-parameters").find(class_="highlight")
    assert 'article_path = "harbour \\"talks\\" it\'s.txt"' in injected.get_text()


# -- failures ------------------------------------------------------------------------------------


def test_a_failed_notebook_is_one_line_and_leaves_the_output_folder_alone(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    write_notebook(notebooks / "00_ok.ipynb", [("parameters", 'article_path = ""')])
    write_notebook(notebooks / "01_fails.ipynb", [
        ("parameters", 'article_path = ""'),
        ("code", 'raise ValueError("no such actor\\nsecond line of the message")'),
    ])  # fmt: skip
    out = tmp_path / "out"
    (out / "reader").mkdir(parents=True)
    (out / "index.html").write_text("the previous index")
    (out / "reader" / "00_ok.html").write_text("the previous page")
    before = sorted(str(p.relative_to(out)) for p in out.rglob("*"))
    result = run_report(article, "--out", out, "--notebooks", notebooks)
    assert result.returncode == 1
    assert re.fullmatch(r"00_ok  \d+\.\d s\n", result.stdout)
    assert result.stderr == "error: 01_fails: cell 3: ValueError: no such actor\n"
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == before
    assert (out / "index.html").read_text() == "the previous index"
    assert (out / "reader" / "00_ok.html").read_text() == "the previous page"


def test_only_leaves_the_pages_of_one_run_and_nothing_else_is_touched(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    for name in ("00_ok", "01_other"):
        write_notebook(notebooks / f"{name}.ipynb", [("parameters", 'article_path = ""')])
    out = tmp_path / "out"
    (out / "reader").mkdir(parents=True)
    for stale in ("01_other.html", "reader/01_other.html"):  # another run's, another article's
        (out / stale).write_text("a page of another run")
    (out / "notes.txt").write_text("mine")
    result = run_report(article, "--out", out, "--notebooks", notebooks, "--only", "00_ok")
    assert (result.returncode, result.stderr) == (0, "")
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == [
        "00_ok.html", "index.html", "notes.txt", "reader", "reader/00_ok.html"]


def test_what_the_kernel_process_prints_on_its_own_standard_error_is_not_shown(tmp_path):
    # ipykernel may print "KeyboardInterrupt caught in kernel" there when papermill stops it.
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    write_notebook(notebooks / "00_noisy.ipynb", [
        ("parameters", 'article_path = ""'),
        ("code", 'import os\nos.write(2, b"noise from the kernel process\\n")'),
    ])  # fmt: skip
    result = run_report(article, "--out", tmp_path / "out", "--notebooks", notebooks)
    assert (result.returncode, result.stderr) == (0, "")
    assert re.fullmatch(r"00_noisy  \d+\.\d s\n", result.stdout)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no such article.txt"], f"error: {ROOT / 'no such article.txt'}: no such file\n"),
        (["seeds/us_japan_2plus2_security_talks_2024.txt", "--only", "99_none"],
         "error: no notebook named 99_none in notebooks\n"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_and_status_2(tmp_path, args, message):
    result = run_report(*args, "--out", tmp_path / "out")
    assert (result.returncode, result.stdout, result.stderr) == (2, "", message)
    assert not (tmp_path / "out").exists()


def test_an_output_folder_that_cannot_be_made_is_one_line_and_status_1(tmp_path):
    (tmp_path / "a file").write_text("not a folder")
    out = tmp_path / "a file" / "out"
    result = run_report("seeds/us_japan_2plus2_security_talks_2024.txt", "--out", out)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"error: {out}: cannot write the report here (Not a directory)\n"


# -- the parts, on hand-made input ---------------------------------------------------------------


def notebook(*cells: tuple[str, str]) -> nbformat.NotebookNode:
    path_cells = []
    for kind, source in cells:
        if kind == "markdown":
            path_cells.append(nbformat.v4.new_markdown_cell(source))
        else:
            path_cells.append(nbformat.v4.new_code_cell(source))
    return nbformat.v4.new_notebook(cells=path_cells)


def test_title_and_description():
    nb = notebook(
        ("code", "x = 1"),
        ("markdown", "# 03 · Terms: what *does* it say?\n\n**Question.** Which `words` carry "
                     "the U.S. article? Which do not.\n\nMore."),
    )  # fmt: skip
    assert report.notebook_title(nb) == "03 · Terms: what does it say?"
    assert report.notebook_description(nb) == "Which words carry the U.S. article?"
    nb.metadata["description"] = "  Given   in the metadata. "
    assert report.notebook_description(nb) == "Given in the metadata."
    untitled = notebook(("code", "x = 1"))
    assert report.notebook_title(untitled, default="04_x") == "04_x"
    assert report.notebook_description(untitled) == ""
    assert report.notebook_description(notebook(("markdown", "# T\n\n" + "word " * 100)),
                                       limit=20) == "word word word word…"  # fmt: skip


def test_path_replacements_cover_every_escaped_form(tmp_path):
    article = tmp_path / 'a "b" c\'s é.txt'
    pairs = dict(report.path_replacements(article, tmp_path / "project"))
    name = 'a "b" c\'s é.txt'
    assert pairs[str(article)] == name
    assert pairs[str(article).replace('"', '\\"').replace("é", "\\xe9")] == (
        name.replace('"', '\\"').replace("é", "\\xe9")  # papermill's injected cell
    )
    assert pairs[str(article).replace('"', "&quot;").replace("'", "&#x27;")] == (
        "a &quot;b&quot; c&#x27;s é.txt"
    )
    assert pairs[str(tmp_path / "project") + "/"] == ""
    lengths = [len(text) for text in pairs]
    assert lengths == sorted(lengths, reverse=True)  # the longest first


def test_scrub_paths_in_sources_and_outputs(tmp_path):
    article = tmp_path / "news.txt"
    nb = notebook(("code", f'article_path = "{article}"'))
    nb.metadata["papermill"] = {"parameters": {"article_path": str(article)}}
    nb.cells[0].outputs = [
        nbformat.v4.new_output("stream", name="stdout", text=f"{article}\n{tmp_path}/other.txt"),
        nbformat.v4.new_output("display_data", data={"text/html": f"<td>{article}</td>",
                                                     "image/png": PNG}),
        nbformat.v4.new_output("error", ename="ArticleError", evalue=f"{article}: empty",
                               traceback=[f"File {tmp_path}/x.py"]),
    ]  # fmt: skip
    report.scrub_paths(nb, report.path_replacements(article, tmp_path))
    cell = nb.cells[0]
    assert cell.source == 'article_path = "news.txt"'
    assert cell.outputs[0].text == "news.txt\nother.txt"
    assert cell.outputs[1].data == {"text/html": "<td>news.txt</td>", "image/png": PNG}
    assert (cell.outputs[2].evalue, cell.outputs[2].traceback) == ("news.txt: empty", ["File x.py"])
    assert "papermill" not in nb.metadata


def test_reader_notebook_keeps_prose_and_outputs_only():
    nb = notebook(("markdown", "# T"), ("code", "a"), ("code", "b"), ("code", "c"), ("raw", ""))
    nb.cells[4] = nbformat.v4.new_raw_cell("raw")
    nb.cells[1].metadata["tags"] = ["injected-parameters"]
    nb.cells[1].outputs = [nbformat.v4.new_output("stream", name="stdout", text="x")]
    nb.cells[2].outputs = [nbformat.v4.new_output("stream", name="stderr", text="warning")]
    nb.cells[3].outputs = [nbformat.v4.new_output("stream", name="stderr", text="warning"),
                           nbformat.v4.new_output("stream", name="stdout", text="42")]  # fmt: skip
    reader = report.reader_notebook(nb)
    assert [(c.cell_type, c.source) for c in reader.cells] == [("markdown", "# T"), ("code", "c")]
    assert [o.text for o in reader.cells[1].outputs] == ["42"]
    assert len(nb.cells) == 5 and len(nb.cells[3].outputs) == 2  # the original is unchanged


def test_remote_resources():
    page = """<html><head>
    <script src="https://cdn.example/require.js"></script>
    <script src="local.js"></script>
    <link rel="stylesheet" href="//fonts.example/font.css">
    <style>@import url("https://fonts.example/a.css"); .x {background: url(data:image/png;base64,AA)}</style>
    <script type="module">const m = await import("https://cdn.example/mermaid.mjs");</script>
    </head><body>
    <a href="https://example.org">a link is not a load</a>
    <img src="data:image/png;base64,AA" alt="">
    <img src="http://example.org/x.png" alt="remote">
    <div style="background-image: url('https://example.org/bg.png')"></div>
    <svg xmlns="http://www.w3.org/2000/svg"></svg>
    </body></html>"""  # noqa: E501
    found = report.remote_resources(page)
    assert found == [
        "<script src='https://cdn.example/require.js'>",
        "<link href='//fonts.example/font.css'>",
        'url("https://fonts.example/a.css',
        'import("https://cdn.example/mermaid.mjs',
        "<img src='http://example.org/x.png'>",
        "url('https://example.org/bg.png",
    ]
    assert report.remote_resources('<p><a href="https://example.org">x</a></p>') == []
    # a remote candidate after a local one in srcset; a refresh that leaves the page
    srcset = '<img src="a.png" srcset="a.png 1x, https://cdn.example/b.png 2x" alt="">'
    assert report.remote_resources(srcset) == [
        "<img srcset='a.png 1x, https://cdn.example/b.png 2x'>"]
    refresh = '<meta http-equiv="Refresh" content="0; URL=https://example.org/">'
    assert report.remote_resources(refresh) == [
        "<meta http-equiv='refresh' content='0; URL=https://example.org/'>"]
    assert report.remote_resources('<meta http-equiv="refresh" content="30">') == []


def test_contents_placed_before_the_first_section():
    page = """<html><head></head><body><main>
    <div class="jp-Cell jp-MarkdownCell"><h1 id="T">Title</h1></div>
    <div class="jp-Cell jp-MarkdownCell"><h2 id="Key-findings">Key findings<a class="anchor-link"
      href="#Key-findings">¶</a></h2></div>
    <div class="jp-Cell jp-CodeCell"><div data-mime-type="text/markdown"><p>Finding.</p></div></div>
    <div class="jp-Cell jp-MarkdownCell"><h2>One &amp; two</h2><h3 id="sub">Sub</h3></div>
    <div class="jp-Cell jp-CodeCell"><div data-mime-type="text/html"><h2>Headline</h2></div></div>
    <div class="jp-Cell jp-MarkdownCell"><h2>One &amp; two</h2></div>
    </main></body></html>"""
    soup = BeautifulSoup(report.add_contents(page, index_href="i", full_href="f"), "html.parser")
    nav = soup.find("nav", class_="nf-contents")
    assert [(a["href"], a.get_text()) for a in nav.find_all("a")] == [
        ("#One-two", "One & two"),
        ("#sub", "Sub"),
        ("#One-two-2", "One & two"),
    ]
    cells = soup.main.find_all(["div", "nav"], recursive=False)
    assert [c.name for c in cells] == ["nav", "div", "div", "div", "nav", "div", "div", "div"]
    assert soup.find("style") is not None
    no_sections = (
        "<html><head></head><body><main><h1>T</h1><h2>Key findings</h2></main></body></html>"
    )
    plain = report.add_contents(no_sections, index_href="i", full_href="f")
    assert BeautifulSoup(plain, "html.parser").find("nav", class_="nf-contents") is None


def test_index_escapes_titles():
    pages = [report.Page("00_a", "A <b> & c", 'Says "hi".', 1.0)]
    soup = BeautifulSoup(report.index_html(pages, "x<y>.txt"), "html.parser")
    assert soup.find("a", class_="nf-title").get_text() == "A <b> & c"
    assert soup.find("code").get_text() == "x<y>.txt"
    assert soup.find("b") is None


def test_page_line():
    assert report.Page("00_a", "A", "", 4.25).line() == "00_a  4.2 s"
    assert (
        report.Page("01_b", "B", "", 12.0, 3).line() == "01_b  12.0 s  (3 figures without alt text)"
    )


def test_select_notebooks(tmp_path):
    for name in ("01_b", "00_a", "02_c"):
        (tmp_path / f"{name}.ipynb").write_text("{}")
    assert [p.stem for p in report.select_notebooks(tmp_path)] == ["00_a", "01_b", "02_c"]
    assert [p.stem for p in report.select_notebooks(tmp_path, ["02_c.ipynb", "00_a"])] == [
        "00_a",
        "02_c",
    ]
    with pytest.raises(UsageError, match="no notebook named 09_x"):
        report.select_notebooks(tmp_path, ["09_x"])
    with pytest.raises(UsageError, match="no notebooks"):
        report.select_notebooks(tmp_path / "empty")


def test_missing_article_raises_before_anything_runs(tmp_path):
    with pytest.raises(ArticleError, match=r"missing\.txt: no such file"):
        report.build_report(tmp_path / "missing.txt", tmp_path / "out")
    with pytest.raises(ArticleError, match=re.escape(f"{tmp_path}: not a file")):
        report.build_report(tmp_path, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_describe_failure():
    class Executed(Exception):
        ename, evalue, exec_count = "KeyError", "'actor'\nmore", 7

    assert report.describe_failure(Executed()) == "cell 7: KeyError: 'actor'"
    assert report.describe_failure(RuntimeError("Kernel died\ndetails")) == (
        "RuntimeError: Kernel died"
    )
