"""The article as HTML, with sentences marked and any character spans highlighted.

Used by the notebooks to show what the library saw: which sentence is which,
where the dateline and the sections are, and (in later notebooks) where the
actors and quotes are. Offsets are those of ``Article.text``.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from analysis.article import Article

STYLE = """<style>
.nf-article {font-family: Georgia, serif; line-height: 1.6; max-width: 52em}
.nf-article .nf-s0 {background: #eef3fb}
.nf-article .nf-s1 {background: #fbf6e9}
.nf-article sup {color: #888; font-size: 0.65em; margin-right: 0.15em}
.nf-article .nf-dateline {font-variant: small-caps; color: #555}
.nf-article .nf-meta {color: #888; font-family: monospace}
.nf-article aside {border-left: 3px solid #ccc; padding-left: 1em; color: #666}
.nf-article mark {border-radius: 3px; padding: 0 1px; color: inherit}
.nf-article mark.nf-underline {background: none; text-decoration: underline dashed #333 1.5px;
  text-underline-offset: 0.3em}
.nf-legend {font-family: sans-serif; font-size: 0.85em; margin: 0.3em 0 0.8em}
.nf-legend mark {border-radius: 3px; padding: 0 4px; margin-right: 0.6em; color: inherit}
.nf-legend mark.nf-underline {background: none; text-decoration: underline dashed #333 1.5px;
  text-underline-offset: 0.3em}
</style>"""

#: How a highlight is drawn: ``fill`` a light tint of its colour with a solid line of the
#: colour below (so colours stay apart for colour-blind readers and text stays readable);
#: ``underline`` a dashed underline without fill (quotations), which never competes with a fill
#: and runs on unbroken across the actors marked inside a quotation.
MarkStyle = Literal["fill", "underline"]


def tint(color: str, share: float = 0.3) -> str:
    """``color`` (``#rrggbb``) mixed with white: ``share`` of the colour."""
    rgb = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{int(255 - (255 - c) * share + 0.5):02x}" for c in rgb)


def _mark_open(color: str, style: str, title: str) -> str:
    if style == "underline":
        return f'<mark class="nf-underline" title="{html.escape(title)}">'
    return (f'<mark style="background:{tint(color)};box-shadow:inset 0 -2px {color}" '
            f'title="{html.escape(title)}">')


def legend_html(colours: Mapping[str, str], *, underline: str | None = None) -> str:
    """A legend for a marked article: one swatch per actor in its colour, and ``underline``
    (e.g. "quotation") for the dashed underline."""
    swatches = [f"{_mark_open(c, 'fill', a)}{html.escape(a)}</mark>"
                for a, c in colours.items() if " & " not in a]  # fmt: skip
    if underline:
        swatches.append(f"{_mark_open('', 'underline', underline)}{html.escape(underline)}</mark>")
    return f'<p class="nf-legend"><b>Key:</b> {" ".join(swatches)}</p>'



@dataclass(frozen=True)
class Highlight:
    """A span of ``Article.text`` to mark: offsets, a CSS colour (``#rrggbb``), a tooltip
    and a :data:`MarkStyle`."""

    start: int
    end: int
    color: str
    title: str = ""
    style: MarkStyle = "fill"


def highlights_from_frame(
    frame: pd.DataFrame, *, color: str | Mapping[str, str], label: str, title: str | None = None,
    style: MarkStyle = "fill",
) -> list[Highlight]:
    """Highlights from a table with ``start`` and ``end`` columns.

    ``color`` is one colour, or a mapping from the values of column ``label`` to
    colours; ``title`` names the column shown as tooltip (default: ``label``); ``style``
    how the spans are drawn.
    """
    rows = []
    for row in frame.itertuples(index=False):
        key = getattr(row, label)
        shade = color if isinstance(color, str) else color.get(key, "#999999")
        rows.append(Highlight(int(row.start), int(row.end), shade,
                              str(getattr(row, title or label)), style))  # fmt: skip
    return rows


def _marked(text: str, offset: int, highlights: list[Highlight]) -> str:
    """``text`` (which starts at ``offset``) as HTML with highlights nested properly."""
    inside = [h for h in highlights if h.start < offset + len(text) and h.end > offset]
    cuts = sorted(
        {offset, offset + len(text)}
        | {min(max(p, offset), offset + len(text)) for h in inside for p in (h.start, h.end)}
    )
    pieces = []
    for left, right in itertools.pairwise(cuts):
        segment = html.escape(text[left - offset : right - offset])
        covering = sorted(
            (h for h in inside if h.start <= left and h.end >= right),
            key=lambda h: (h.start, -h.end),
        )
        for h in reversed(covering):
            segment = f"{_mark_open(h.color, h.style, h.title)}{segment}</mark>"
        pieces.append(segment)
    return "".join(pieces)


def article_html(article: Article, highlights: Iterable[Highlight] = (), *,
                 legend: str = "") -> str:  # fmt: skip
    """The article as an HTML fragment.

    Sentences alternate in background and carry their number as a superscript;
    the headline, metadata lines, dateline and trailing sections (with their
    language) are marked as such. ``legend`` (from :func:`legend_html`) is put above.
    """
    marks = sorted(highlights, key=lambda h: (h.start, -h.end))
    parts = [STYLE, *([legend] if legend else []), '<div class="nf-article">']
    sentences_by_paragraph: dict[int, list] = {}
    for sentence in article.sentences:
        sentences_by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    if article.headline:
        headline = article.sentences[0]
        parts.append(
            f"<h3><sup>{headline.index}</sup>{_marked(headline.text, headline.start, marks)}</h3>"
        )
    if article.metadata:
        parts.append(
            f'<p class="nf-meta">metadata: {html.escape(" | ".join(article.metadata))}</p>'
        )
    for paragraph in article.paragraphs:
        body = []
        if paragraph.index == 1 and article.dateline:
            body.append(f'<span class="nf-dateline">{html.escape(article.dateline.text)}</span> ')
        for sentence in sentences_by_paragraph.get(paragraph.index, []):
            body.append(
                f'<span class="nf-s{sentence.index % 2}" title="sentence {sentence.index}">'
                f"<sup>{sentence.index}</sup>"
                f"{_marked(sentence.text, sentence.start, marks)}</span> "
            )
        parts.append(f'<p title="paragraph {paragraph.index}">{"".join(body).strip()}</p>')
    for section in article.sections:
        # An included section's paragraphs are already shown with the body.
        status = "counted in the body, above" if section.included else "not part of the body"
        shown = "" if section.included else f"<br>{html.escape(section.text)}"
        parts.append(
            f'<aside lang="{section.language}"><b>{html.escape(section.heading)}</b> '
            f"<i>(language: {section.language}; {status})</i>{shown}</aside>"
        )
    parts.append("</div>")
    return "\n".join(parts)
