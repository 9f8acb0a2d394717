"""Charts for the notebooks. Each function returns a matplotlib ``Figure`` and touches no
global state (no pyplot), so a notebook shows exactly the figure it returns.

Every chart states its finding: the title is passed in, written from computed values by the
notebook ("China is mentioned most, in 6 of 28 sentences"), and the subtitle says what is
measured. A chart with nothing to draw is never drawn: the function raises
:class:`analysis.errors.UsageError`, and the notebook says in a sentence that there is
nothing to show. :func:`show` puts a figure in a notebook as a 2x PNG (sharp on high-density
screens) inside an HTML ``<img>`` whose ``alt`` text is the chart's title and subtitle, which
nbconvert's HTML keeps whatever its template.

Colours: the Okabe-Ito palette (Okabe and Ito 2008, "Color Universal Design"), safe for the
common colour-vision deficiencies, one colour per actor everywhere (:func:`actor_colours`);
dispersion ticks in one neutral colour, as quanteda's ``textplot_xray`` draws them.
"""

from __future__ import annotations

import base64
import html
import io
import textwrap
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from matplotlib.figure import Figure

from analysis.errors import UsageError

if TYPE_CHECKING:
    import pandas as pd

#: Okabe and Ito's eight colours, in their order (black last).
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
             "#000000")  # fmt: skip
#: The order actors take colours in: the yellow, too light for thin marks, and black, the
#: colour of text, come last.
ACTOR_ORDER = (4, 0, 2, 5, 1, 6, 3)
#: The colour of everything that is not an actor or a compared group.
NEUTRAL = "#555555"
#: Two methods or measures side by side (ours and textstat's, VADER and the security lexicon).
PAIR = (OKABE_ITO[4], OKABE_ITO[5])
#: Colour of an actor past the palette's seven.
OTHER = "#999999"
#: Resolution of :func:`show`'s PNG: twice the 100 dpi at which the figure is laid out.
DPI = 200
#: Colours in :func:`show`'s PNG palette (anti-aliased text and a colour bar need more than
#: the palette's eight).
PALETTE_SIZE = 128

#: US grade bands read from grade-level indices (see ``analysis.readability.GRADE_AUDIENCES``).
GRADE_BANDS = (
    (0, 6, "elementary", "#f4f4f4"),
    (6, 9, "middle school", "#eaeaea"),
    (9, 13, "high school", "#f4f4f4"),
    (13, 17, "college", "#eaeaea"),
    (17, 22, "graduate", "#f4f4f4"),
)


def actor_colours(actors: Sequence[str]) -> dict[str, str]:
    """One Okabe-Ito colour per actor, in the order given (by salience), the same in every
    chart and in the marked article; actors past the seventh share a grey. A group actor
    ("United States & Japan") takes the colour of its first member when that has one."""
    colours: dict[str, str] = {}
    for actor in actors:
        if " & " in actor or actor in colours:
            continue
        n = len(colours)
        colours[actor] = OKABE_ITO[ACTOR_ORDER[n]] if n < len(ACTOR_ORDER) else OTHER
    for actor in actors:
        if " & " in actor:
            colours[actor] = colours.get(actor.split(" & ")[0], OTHER)
    return colours


@dataclass(frozen=True)
class Shown:
    """A figure as a notebook output: a 2x PNG in an ``<img>`` with ``alt`` text."""

    png: bytes
    width: int
    alt: str

    def _repr_mimebundle_(self, include: object = None, exclude: object = None
                          ) -> dict[str, str]:  # fmt: skip
        """The ``<img>`` for HTML front ends and nbconvert; the alt text as plain text."""
        data = base64.b64encode(self.png).decode("ascii")
        alt = html.escape(self.alt, quote=True)
        return {
            "text/html": f'<img src="data:image/png;base64,{data}" width="{self.width}" '
                         f'alt="{alt}" title="{alt}">',
            "text/plain": self.alt,
        }  # fmt: skip


def show(figure: Figure) -> Shown:
    """``figure`` for a notebook: PNG at :data:`DPI` shown at its layout size, with its alt
    text (the figure's label, set by every function here to its title and subtitle)."""
    from PIL import Image

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, facecolor="white")
    # A chart has few colours: a palette of PALETTE_SIZE keeps it sharp at a third of the bytes.
    image = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB").quantize(
        PALETTE_SIZE, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    image.save(buffer, format="png", optimize=True)
    width = round(figure.get_figwidth() * 100)
    return Shown(buffer.getvalue(), width, figure.get_label() or "A chart without a title.")


def finish(figure: Figure, axes, title: str, subtitle: str = "") -> Figure:
    """Title (the finding) and subtitle (what is measured) at the left; alt text; layout."""
    if not title:
        raise UsageError("a chart needs a title that states its finding")
    axes.set_title(subtitle, loc="left", fontsize=9, color=NEUTRAL)
    # About 10 bold characters an inch: a long finding wraps instead of running off the figure.
    wrapped = textwrap.fill(title, width=max(30, int(figure.get_figwidth() * 10)))
    figure.suptitle(wrapped, x=0.01, ha="left", fontsize=11.5, fontweight="bold")
    axes.spines[["top", "right"]].set_visible(False)
    figure.set_label(f"{title.rstrip('.')}. {subtitle}".strip())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure.tight_layout()
    if caught:  # labels too long for the tight layout: the constrained one makes room
        figure.set_layout_engine("constrained")
    return figure


def _require(condition: bool, what: str) -> None:
    if not condition:
        raise UsageError(f"nothing to chart: {what}")


def grade_chart(
    grades: dict[str, float], reference: dict[str, float] | None = None, *,
    label: str = "ours", reference_label: str = "textstat", title: str, subtitle: str = "",
) -> Figure:  # fmt: skip
    """Horizontal bars of grade-level indices over shaded US school-grade bands;
    ``reference`` values (e.g. textstat's) are drawn as markers. Undefined (NaN) values are
    left out."""
    from analysis.tables import label as display

    names = [n for n in grades if grades[n] == grades[n]]
    _require(bool(names), "no grade-level index is defined for this text")
    names.sort(key=lambda n: grades[n])
    figure = Figure(figsize=(8, 0.42 * len(names) + 1.9))
    axes = figure.subplots()
    top = max([22.0, *[grades[n] for n in names]])
    for low, high, band, colour in GRADE_BANDS:
        axes.axvspan(low, min(high, top), color=colour, zorder=0)
        axes.text((low + min(high, top)) / 2, -0.9, band, ha="center", va="center",
                  fontsize=8, color=NEUTRAL)  # fmt: skip
    positions = range(len(names))
    axes.barh(positions, [grades[n] for n in names], color=PAIR[0], height=0.5, label=label)
    for position, name in zip(positions, names, strict=True):
        axes.text(grades[name] + 0.2, position, f"{grades[name]:.1f}", va="center", fontsize=8)
    if reference:
        shown = [(p, reference[n]) for p, n in zip(positions, names, strict=True)
                 if reference.get(n) == reference.get(n) and n in reference]  # fmt: skip
        axes.scatter([v for _, v in shown], [p for p, _ in shown], color=PAIR[1], zorder=3,
                     marker="D", label=reference_label)  # fmt: skip
    axes.set_yticks(list(positions), [display(n) for n in names])
    axes.set_ylim(len(names) - 0.5, -1.3)
    axes.set_xlim(0, top)
    axes.set_xlabel("US school grade")
    axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    return finish(figure, axes, title, subtitle)


def histogram(values: Sequence[float], *, bins: int = 10, xlabel: str, title: str,
              subtitle: str = "") -> Figure:  # fmt: skip
    """A histogram with the median marked."""
    import pandas as pd

    series = pd.Series(values, dtype=float).dropna()
    _require(len(series) > 0, "no values")
    figure = Figure(figsize=(7, 3.2))
    axes = figure.subplots()
    axes.hist(series, bins=min(bins, max(1, series.nunique())), color=NEUTRAL, edgecolor="white")
    axes.axvline(series.median(), color=OKABE_ITO[5], linestyle="--",
                 label=f"median {series.median():g}")  # fmt: skip
    axes.set_xlabel(xlabel)
    axes.set_ylabel("count")
    axes.legend(fontsize=8)
    return finish(figure, axes, title, subtitle)


def labelled_scatter(table: pd.DataFrame, *, x: str, y: str, label: str, title: str,
                     subtitle: str = "", xlabel: str = "", ylabel: str = "") -> Figure:  # fmt: skip
    """One labelled point per row (an article against the others: readability against tone),
    in one neutral colour; rows missing ``x`` or ``y`` are left out."""
    from analysis.tables import label as display

    rows = table[[label, x, y]].dropna(subset=[x, y])
    _require(len(rows) > 0, f"no row has both {display(x)} and {display(y)}")
    figure = Figure(figsize=(7, 4.2))
    axes = figure.subplots()
    axes.scatter(rows[x].astype(float), rows[y].astype(float), color=NEUTRAL, s=36, zorder=3)
    for name, at_x, at_y in zip(rows[label], rows[x], rows[y], strict=True):
        axes.annotate(str(name), (float(at_x), float(at_y)), xytext=(5, 4),
                      textcoords="offset points", fontsize=8)  # fmt: skip
    axes.margins(x=0.25, y=0.2)
    axes.set_xlabel(xlabel or display(x))
    axes.set_ylabel(ylabel or display(y))
    return finish(figure, axes, title, subtitle)


def line_chart(
    table: pd.DataFrame, *, x: str, columns: Sequence[str], xlabel: str, ylabel: str,
    title: str, subtitle: str = "", zero_line: bool = False,
) -> Figure:  # fmt: skip
    """One line per column of ``table`` against column ``x`` (points where the value is
    undefined are left out)."""
    from analysis.tables import label as display

    _require(len(table) > 0 and table[list(columns)].notna().any().any(), "no rows")
    figure = Figure(figsize=(8, 3.4))
    axes = figure.subplots()
    for colour, column in zip((OKABE_ITO[4], OKABE_ITO[5], OKABE_ITO[2], OKABE_ITO[6]),
                              columns, strict=False):  # fmt: skip
        axes.plot(table[x], table[column], marker="o", color=colour, label=display(column))
    if zero_line:
        axes.axhline(0, color="#999", linewidth=0.8)
    axes.set_xlabel(xlabel)
    axes.set_ylabel(ylabel)
    if len(table) <= 30:
        axes.set_xticks(list(table[x]))
    axes.legend(fontsize=8)
    return finish(figure, axes, title, subtitle)


def bars(
    table: pd.DataFrame, *, category: str, value: str, title: str, subtitle: str = "",
    xlabel: str = "", colours: Mapping[str, str] | None = None, n: str | None = None,
    names: Mapping[str, str] | None = None, sort: bool = True, fmt: str = "{:g}",
) -> Figure:  # fmt: skip
    """Horizontal bars of ``value`` per ``category``, largest on top, each labelled with its
    value (and ``n = ...`` from column ``n`` when given). ``colours`` maps categories to
    colours (actors); others are neutral. ``names`` maps categories to display names."""
    from analysis.tables import label as display

    rows = table[[category, value, *([n] if n else [])]].dropna(subset=[value])
    _require(len(rows) > 0, f"no {display(category)} to show")
    if sort:
        rows = rows.sort_values(value, ascending=False, kind="stable")
    figure = Figure(figsize=(8, 0.36 * len(rows) + 1.5))
    axes = figure.subplots()
    keys = [str(k) for k in rows[category]]
    shades = [(colours or {}).get(k, NEUTRAL) for k in keys]
    values = rows[value].astype(float).tolist()
    axes.barh(range(len(rows)), values, color=shades, height=0.6)
    span = max(abs(v) for v in values) or 1.0
    for position, number, extra in zip(range(len(rows)), values,
                                       rows[n].tolist() if n else [None] * len(rows),
                                       strict=True):  # fmt: skip
        text = fmt.format(number) + (f"  (n = {int(extra)})" if extra is not None else "")
        axes.text(number + (0.01 if number >= 0 else -0.01) * span, position, text,
                  va="center", ha="left" if number >= 0 else "right", fontsize=8)
    axes.set_yticks(range(len(rows)), [(names or {}).get(k, display(k)) for k in keys])
    axes.set_ylim(len(rows) - 0.5, -0.5)
    low = min(0.0, min(values))
    axes.set_xlim(low - (0.25 * span if low < 0 else 0), max(0.0, max(values)) + 0.25 * span)
    if low < 0:
        axes.axvline(0, color="#999", linewidth=0.8)
    axes.set_xlabel(xlabel or display(value))
    return finish(figure, axes, title, subtitle)


def group_means(
    table: pd.DataFrame, *, category: str, columns: Sequence[str], n: str, title: str,
    subtitle: str = "", xlabel: str = "", colours: Sequence[str] = PAIR,
    names: Mapping[str, str] | None = None,
) -> Figure:  # fmt: skip
    """A dot plot of group means (one row per group, one marker per column), sorted by the
    first column; each marker's area grows with the group's ``n``, which is written beside
    the row, so a mean of 2 sentences does not look like a mean of 16."""
    from analysis.tables import label as display

    rows = table.dropna(subset=list(columns), how="all")
    _require(len(rows) > 0, "no group has a mean")
    rows = rows.sort_values(columns[0], kind="stable")
    figure = Figure(figsize=(8, 0.42 * len(rows) + 1.8))
    axes = figure.subplots()
    sizes = [20 + 18 * float(v) for v in rows[n]]
    for colour, column in zip(colours, columns, strict=False):
        axes.scatter(rows[column], range(len(rows)), s=sizes, color=colour, alpha=0.85,
                     label=display(column), zorder=3)  # fmt: skip
    axes.axvline(0, color="#999", linewidth=0.8)
    axes.set_xlim(-1.05, 1.45)
    for position, count in enumerate(rows[n]):
        axes.text(1.08, position, f"n = {int(count)}", va="center", fontsize=8, color=NEUTRAL)
    keys = [str(k) for k in rows[category]]
    axes.set_yticks(range(len(rows)), [(names or {}).get(k, display(k)) for k in keys])
    axes.set_ylim(len(rows) - 0.5, -0.5)
    axes.grid(axis="y", color="#eee")
    axes.set_xlabel(xlabel)
    axes.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    return finish(figure, axes, title, subtitle)


def arc_chart(arc: pd.DataFrame, *, title: str, subtitle: str = "", movers: int = 3,
              texts: Mapping[int, str] | None = None) -> Figure:  # fmt: skip
    """The sentiment arc: every body sentence's VADER compound and security-lexicon tone as
    points, their rolling means as lines, and the ``movers`` sentences with the largest
    absolute compound annotated with their number (and the start of their text from
    ``texts``). ``arc`` is :func:`analysis.sentiment.sentiment_arc` output."""
    _require(len(arc) > 0, "the body has no sentence")
    figure = Figure(figsize=(8, 4.2))
    axes = figure.subplots()
    for colour, raw, smooth, name in ((PAIR[0], "compound", "compound_smooth", "VADER"),
                                      (PAIR[1], "domain_tone", "domain_smooth",
                                       "security lexicon")):  # fmt: skip
        axes.scatter(arc["sentence"], arc[raw], color=colour, s=14, alpha=0.6)
        axes.plot(arc["sentence"], arc[smooth], color=colour, label=f"{name} (rolling mean)")
    axes.axhline(0, color="#999", linewidth=0.8)
    top = arc.assign(size=arc["compound"].abs()).sort_values(
        ["size", "sentence"], ascending=[False, True], kind="stable").head(movers)
    for rank, row in enumerate(top.itertuples()):
        words = (texts or {}).get(int(row.sentence), "")
        short = (words[:24] + "…") if len(words) > 25 else words
        offset = (12 + 13 * rank) * (1 if row.compound >= 0 else -1)
        axes.annotate(f"{int(row.sentence)}" + (f": {short}" if short else ""),
                      (row.sentence, row.compound), xytext=(0, offset),
                      textcoords="offset points", ha="center", va="bottom" if offset > 0 else "top",
                      fontsize=7.5, arrowprops={"arrowstyle": "-", "color": "#999"},
                      bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                            "alpha": 0.85})  # fmt: skip
    axes.set_ylim(-1.6, 1.6)
    axes.set_yticks([-1, -0.5, 0, 0.5, 1])
    axes.set_xlabel("body sentence")
    axes.set_ylabel("tone (−1 to +1)")
    axes.legend(fontsize=8, loc="lower right")
    return finish(figure, axes, title, subtitle)


def dispersion_plot(positions: pd.DataFrame, *, order: Sequence[str], n_words: int,
                    title: str, subtitle: str = "") -> Figure:  # fmt: skip
    """A lexical dispersion plot, as quanteda's ``textplot_xray``: one row per query, a thin
    tick in one neutral colour at each occurrence. ``positions`` is
    :func:`analysis.terms.term_positions` output; ``n_words`` the length of the body in
    words (the x axis)."""
    _require(len(order) > 0 and len(positions) > 0, "none of the terms occurs in the body")
    figure = Figure(figsize=(8, 0.38 * len(order) + 1.5))
    axes = figure.subplots()
    for row, query in enumerate(order):
        hits = positions.loc[positions["query"] == query, "position"]
        axes.vlines(hits, row - 0.35, row + 0.35, color=NEUTRAL, linewidth=1.2)
    axes.set_yticks(range(len(order)), list(order))
    axes.set_ylim(len(order) - 0.5, -0.5)
    axes.set_xlim(0, max(n_words, 1))
    axes.set_xlabel("word position in the body")
    return finish(figure, axes, title, subtitle)


def keyness_chart(key: pd.DataFrame, *, title: str, subtitle: str = "", n: int = 15,
                  names: Mapping[str, str] | None = None) -> Figure:  # fmt: skip
    """Key terms as a diverging bar chart, as quanteda's ``textplot_keyness``: signed
    log-likelihood (G²) of the ``n`` most key terms, over-used to the right, under-used to
    the left (at most five), each with its count. ``key`` is :func:`analysis.terms.keyness`
    output."""
    import pandas as pd

    _require(len(key) > 0, "no term to compare with general English")
    ranked = key.sort_values("keyness", ascending=False, kind="stable")
    over, under = ranked[ranked["keyness"] > 0].head(n), ranked[ranked["keyness"] < 0].tail(5)
    rows = pd.concat([over, under]) if len(under) else over
    _require(len(rows) > 0, "no key term")
    figure = Figure(figsize=(8, 0.33 * len(rows) + 1.6))
    axes = figure.subplots()
    values = rows["keyness"].tolist()
    axes.barh(range(len(rows)), values, height=0.6,
              color=[PAIR[0] if v > 0 else PAIR[1] for v in values])  # fmt: skip
    span = max(abs(v) for v in values) or 1.0
    for position, (value, count) in enumerate(zip(values, rows["count"], strict=True)):
        axes.text(value + (0.01 if value > 0 else -0.01) * span, position, f"{int(count)}×",
                  va="center", ha="left" if value > 0 else "right", fontsize=8)  # fmt: skip
    terms = [str(t) for t in rows["term"]]
    axes.set_yticks(range(len(rows)), [(names or {}).get(t, t) for t in terms])
    axes.set_ylim(len(rows) - 0.5, -0.5)
    axes.axvline(0, color="#999", linewidth=0.8)
    axes.set_xlim(min(0.0, min(values)) * 1.2, max(0.0, max(values)) * 1.15 + 1)
    axes.set_xlabel("keyness: signed log-likelihood (G²) against general English")
    return finish(figure, axes, title, subtitle)


def heatmap(table: pd.DataFrame, *, title: str, subtitle: str = "",
            value_label: str = "") -> Figure:  # fmt: skip
    """A labelled heatmap of a numeric table (rows x columns), each cell annotated, in one
    sequential colour scale; column names shown by their display labels."""
    from analysis.tables import label as display

    _require(not table.empty and float(table.to_numpy(dtype=float).sum()) > 0,
             "the table is empty or all zeros")  # fmt: skip
    figure = Figure(figsize=(1.3 * len(table.columns) + 2.8, 0.5 * len(table) + 2.2))
    axes = figure.subplots()
    values = table.to_numpy(dtype=float)
    image = axes.imshow(values, cmap="Blues", aspect="auto", vmin=0)
    axes.set_xticks(range(len(table.columns)), [display(c) for c in table.columns],
                    rotation=30, ha="right")  # fmt: skip
    axes.set_yticks(range(len(table.index)), [str(i) for i in table.index])
    top = float(values.max())
    for row in range(values.shape[0]):
        for column in range(values.shape[1]):
            value = values[row, column]
            axes.text(column, row, f"{value:g}", ha="center", va="center", fontsize=9,
                      color="white" if value > top / 2 else "black")  # fmt: skip
    figure.colorbar(image, ax=axes, label=value_label)
    return finish(figure, axes, title, subtitle)
