"""The article as HTML, with sentences marked and any character spans highlighted.

Used by the notebooks to show what the library saw: which sentence is which,
where the dateline and the sections are, and (in later notebooks) where the
actors and quotes are. Offsets are those of ``Article.text``.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable
from dataclasses import dataclass

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
.nf-article mark {border-radius: 3px; padding: 0 1px}
</style>"""


@dataclass(frozen=True)
class Highlight:
    """A span of ``Article.text`` to mark: offsets, a CSS colour and a tooltip."""

    start: int
    end: int
    color: str
    title: str = ""


def highlights_from_frame(
    frame: pd.DataFrame, *, color: str | dict[str, str], label: str, title: str | None = None
) -> list[Highlight]:
    """Highlights from a table with ``start`` and ``end`` columns.

    ``color`` is one colour, or a mapping from the values of column ``label`` to
    colours; ``title`` names the column shown as tooltip (default: ``label``).
    """
    rows = []
    for row in frame.itertuples(index=False):
        key = getattr(row, label)
        shade = color if isinstance(color, str) else color.get(key, "#ddd")
        rows.append(
            Highlight(int(row.start), int(row.end), shade, str(getattr(row, title or label)))
        )
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
            segment = (
                f'<mark style="background:{h.color}" title="{html.escape(h.title)}">'
                f"{segment}</mark>"
            )
        pieces.append(segment)
    return "".join(pieces)


def article_html(article: Article, highlights: Iterable[Highlight] = ()) -> str:
    """The article as an HTML fragment.

    Sentences alternate in background and carry their number as a superscript;
    the headline, metadata lines, dateline and trailing sections (with their
    language) are marked as such.
    """
    marks = sorted(highlights, key=lambda h: (h.start, -h.end))
    parts = [STYLE, '<div class="nf-article">']
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
