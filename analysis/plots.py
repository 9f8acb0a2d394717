"""Charts for the notebooks. Each function returns a matplotlib ``Figure`` and touches
no global state (no pyplot), so a notebook shows exactly the figure it returns."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib.figure import Figure

#: US grade bands read from grade-level indices (see ``analysis.readability.GRADE_AUDIENCES``).
GRADE_BANDS = (
    (0, 6, "elementary", "#f2f7ee"),
    (6, 9, "middle school", "#e6f0dc"),
    (9, 13, "high school", "#fdf3dc"),
    (13, 17, "college", "#fbe3d3"),
    (17, 22, "graduate", "#f6d3d3"),
)

PALETTE = ("#1f5f9e", "#d1803b", "#4c9a5b", "#a64b79", "#6e6e6e", "#b8a02e")


def grade_chart(
    grades: dict[str, float], reference: dict[str, float] | None = None, *,
    label: str = "ours", reference_label: str = "textstat", title: str = "",
) -> Figure:  # fmt: skip
    """Horizontal bars of grade-level indices over shaded US school-grade bands;
    ``reference`` values (e.g. textstat's) are drawn as markers."""
    figure = Figure(figsize=(8, 0.45 * len(grades) + 1.6))
    axes = figure.subplots()
    names = list(grades)
    top = max([22.0, *[v for v in grades.values() if v == v]])
    for low, high, band, colour in GRADE_BANDS:
        axes.axvspan(low, min(high, top), color=colour, zorder=0)
        axes.text((low + min(high, top)) / 2, -0.8, band, ha="center", va="center",
                  fontsize=8, color="#555")  # fmt: skip
    positions = range(len(names))
    axes.barh(positions, [grades[n] for n in names], color=PALETTE[0], height=0.5, label=label)
    if reference:
        axes.scatter([reference[n] for n in names], positions, color=PALETTE[1], zorder=3,
                     marker="D", label=reference_label)  # fmt: skip
    axes.set_yticks(list(positions), [n.replace("_", " ") for n in names])
    axes.set_ylim(len(names) - 0.5, -1.2)  # top to bottom, with a row for the band names
    axes.set_xlim(0, top)
    axes.set_xlabel("US school grade")
    axes.legend(loc="lower right", fontsize=8)
    axes.set_title(title)
    figure.tight_layout()
    return figure


def histogram(values: Sequence[float], *, bins: int = 10, xlabel: str, title: str = "") -> Figure:
    """A histogram with the median marked."""
    figure = Figure(figsize=(7, 3.2))
    axes = figure.subplots()
    series = pd.Series(values, dtype=float)
    axes.hist(series, bins=bins, color=PALETTE[0], edgecolor="white")
    axes.axvline(series.median(), color=PALETTE[1], linestyle="--",
                 label=f"median {series.median():g}")  # fmt: skip
    axes.set_xlabel(xlabel)
    axes.set_ylabel("count")
    axes.legend(fontsize=8)
    axes.set_title(title)
    figure.tight_layout()
    return figure


def line_chart(
    table: pd.DataFrame, *, x: str, columns: Sequence[str], xlabel: str, ylabel: str,
    title: str = "", zero_line: bool = False,
) -> Figure:  # fmt: skip
    """One line per column of ``table`` against column ``x``."""
    figure = Figure(figsize=(8, 3.4))
    axes = figure.subplots()
    for colour, column in zip(PALETTE, columns, strict=False):
        axes.plot(table[x], table[column], marker="o", color=colour,
                  label=column.replace("_", " "))  # fmt: skip
    if zero_line:
        axes.axhline(0, color="#999", linewidth=0.8)
    axes.set_xlabel(xlabel)
    axes.set_ylabel(ylabel)
    axes.set_xticks(list(table[x]))
    axes.legend(fontsize=8)
    axes.set_title(title)
    figure.tight_layout()
    return figure


def grouped_bars(
    table: pd.DataFrame, *, category: str, columns: Sequence[str], ylabel: str = "",
    title: str = "", horizontal: bool = False,
) -> Figure:  # fmt: skip
    """Bars of ``columns`` side by side for each value of ``category``."""
    n_rows, n_cols = len(table), len(columns)
    figure = Figure(figsize=(8, max(3.0, 0.16 * n_rows * n_cols + 1)) if horizontal else (8, 3.4))
    axes = figure.subplots()
    width = 0.8 / n_cols
    for i, (colour, column) in enumerate(zip(PALETTE, columns, strict=False)):
        offsets = [p + (i - (n_cols - 1) / 2) * width for p in range(n_rows)]
        draw = axes.barh if horizontal else axes.bar
        draw(offsets, table[column], width, color=colour, label=column.replace("_", " "))
    ticks = (list(range(n_rows)), [str(v) for v in table[category]])
    if horizontal:
        axes.set_yticks(*ticks)
        axes.invert_yaxis()
        axes.set_xlabel(ylabel)
        axes.axvline(0, color="#999", linewidth=0.8)
    else:
        axes.set_xticks(*ticks)
        axes.set_ylabel(ylabel)
        axes.axhline(0, color="#999", linewidth=0.8)
    if n_cols > 1:
        axes.legend(fontsize=8)
    axes.set_title(title)
    figure.tight_layout()
    return figure


def dispersion_plot(positions: pd.DataFrame, *, order: Sequence[str], n_words: int,
                    title: str = "") -> Figure:  # fmt: skip
    """A lexical dispersion plot: one row per query, a tick at each occurrence.

    ``positions`` is :func:`analysis.terms.term_positions` output; ``n_words`` the
    length of the text in words (the x axis).
    """
    figure = Figure(figsize=(8, 0.4 * len(order) + 1.2))
    axes = figure.subplots()
    for row, query in enumerate(order):
        hits = positions.loc[positions["query"] == query, "position"]
        axes.scatter(hits, [row] * len(hits), marker="|", s=200, color=PALETTE[row % len(PALETTE)])
    axes.set_yticks(range(len(order)), list(order))
    axes.set_ylim(len(order) - 0.5, -0.5)
    axes.set_xlim(0, n_words)
    axes.set_xlabel("word position in the body")
    axes.set_title(title)
    figure.tight_layout()
    return figure


def nothing_to_show(title: str, message: str) -> Figure:
    """A small figure that says, in words, that there is nothing to chart and why."""
    figure = Figure(figsize=(8, 1.6))
    axes = figure.subplots()
    axes.axis("off")
    axes.text(0.5, 0.5, f"Nothing to show: {message}", ha="center", va="center", wrap=True)
    axes.set_title(title)
    return figure


def heatmap(table: pd.DataFrame, *, title: str = "", value_label: str = "") -> Figure:
    """A labelled heatmap of a numeric table (rows × columns), each cell annotated; a figure
    that says so when the table is empty."""
    if table.empty:
        return nothing_to_show(title, "the table has no rows (no actor or no frame word)")
    figure = Figure(figsize=(1.3 * len(table.columns) + 2.5, 0.5 * len(table) + 1.8))
    axes = figure.subplots()
    image = axes.imshow(table.to_numpy(dtype=float), cmap="Blues", aspect="auto")
    labels = [str(c).replace("_", " ") for c in table.columns]
    axes.set_xticks(range(len(table.columns)), labels, rotation=30, ha="right")
    axes.set_yticks(range(len(table.index)), [str(i) for i in table.index])
    top = float(table.to_numpy(dtype=float).max()) if table.size else 0.0
    for (row, column), value in pd.DataFrame(table.to_numpy()).stack().items():
        axes.text(column, row, f"{value:g}", ha="center", va="center",
                  color="white" if top and value > top / 2 else "black", fontsize=9)  # fmt: skip
    figure.colorbar(image, ax=axes, label=value_label)
    axes.set_title(title)
    figure.tight_layout()
    return figure
