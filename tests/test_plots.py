"""Charts: the colour-blind-safe palette, findings as titles, n beside means, sorted bars, no
empty chart, alt text, sharp PNG."""

from __future__ import annotations

import base64
import re

import pandas as pd
import pytest

from analysis import plots
from analysis import sentiment as sn
from analysis import terms as tm
from analysis.errors import UsageError


def _texts(figure) -> list[str]:
    return [t.get_text() for axes in figure.axes for t in axes.texts]


def test_actors_take_okabe_ito_colours_in_order_and_groups_their_first_member():
    colours = plots.actor_colours(["Japan", "United States", "China", "United States & Japan"])
    assert colours["Japan"] == "#0072B2"  # blue
    assert colours["United States"] == "#E69F00"  # orange: not a khaki beside China's green
    assert colours["China"] == "#009E73"
    assert colours["United States & Japan"] == colours["United States"]
    assert set(colours.values()) <= set(plots.OKABE_ITO)
    many = plots.actor_colours([f"actor {i}" for i in range(9)])
    assert len(set(list(many.values())[:7])) == 7 and many["actor 8"] == plots.OTHER


def test_bars_are_sorted_with_values_and_n_beside_them():
    table = pd.DataFrame({"actor": ["Taiwan", "Japan", "China"], "mentions": [2, 24, 8],
                          "n_sentences": [2, 16, 6]})
    figure = plots.bars(table, category="actor", value="mentions", n="n_sentences",
                        title="Japan is mentioned most", subtitle="Mentions")
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert labels == ["Japan", "China", "Taiwan"]
    assert "24  (n = 16)" in _texts(figure) and "2  (n = 2)" in _texts(figure)
    assert figure.get_label() == "Japan is mentioned most. Mentions"


def test_group_means_write_n_beside_each_row_and_size_markers_by_it():
    table = pd.DataFrame({"actor": ["China", "Russia"], "a": [0.1, -0.4], "b": [-0.4, -0.2],
                          "n": [16, 2]})
    figure = plots.group_means(table, category="actor", columns=["a", "b"], n="n",
                               title="Russia reads lowest")
    assert {"n = 16", "n = 2"} <= set(_texts(figure))
    # rows sorted by the first column: Russia (-0.4, n = 2) on top, China (0.1, n = 16) below
    assert [t.get_text() for t in figure.axes[0].get_yticklabels()] == ["Russia", "China"]
    sizes = figure.axes[0].collections[0].get_sizes()
    assert sizes[0] < sizes[1]


@pytest.mark.parametrize("make", [
    lambda: plots.bars(pd.DataFrame({"actor": [], "mentions": []}), category="actor",
                       value="mentions", title="t"),
    lambda: plots.heatmap(pd.DataFrame({"f": [0, 0]}, index=["A", "B"]), title="t"),
    lambda: plots.dispersion_plot(pd.DataFrame(columns=["query", "position"]), order=[],
                                  n_words=10, title="t"),
    lambda: plots.keyness_chart(pd.DataFrame(columns=["term", "count", "keyness"]), title="t"),
    lambda: plots.grade_chart({"smog_index": float("nan")}, title="t"),
    lambda: plots.histogram([], xlabel="x", title="t"),
    lambda: plots.labelled_scatter(pd.DataFrame({"id": ["a"], "x": [1.0], "y": [None]}),
                                   x="x", y="y", label="id", title="t"),
])  # fmt: skip
def test_an_empty_chart_is_refused(make):
    with pytest.raises(UsageError, match="nothing to chart"):
        make()


def test_a_labelled_scatter_names_each_point_and_leaves_out_incomplete_rows():
    table = pd.DataFrame({"id": ["a", "b", "c"], "ease": [60.0, 30.0, None],
                          "tone": [0.2, -0.1, 0.0]})
    figure = plots.labelled_scatter(table, x="ease", y="tone", label="id",
                                    title="a reads easiest")  # fmt: skip
    assert _texts(figure) == ["a", "b"]
    assert figure.axes[0].collections[0].get_offsets().tolist() == [[60.0, 0.2], [30.0, -0.1]]


def test_a_chart_needs_a_title():
    with pytest.raises(UsageError, match="title"):
        plots.histogram([1, 2, 3], xlabel="x", title="")


def test_the_arc_annotates_the_sentences_that_move_it_most(seed):
    arc = sn.sentiment_arc(seed)
    sentences = sn.sentence_sentiment(seed)
    texts = dict(zip(sentences["sentence"], sentences["text"], strict=True))
    figure = plots.arc_chart(arc, texts=texts, title="Tone", movers=3)
    notes = [t.get_text() for t in figure.axes[0].texts]
    strongest = arc.assign(a=arc["compound"].abs()).nlargest(3, "a")["sentence"]
    assert [n.split(":")[0] for n in notes] == [str(s) for s in strongest]
    assert len(figure.axes[0].collections) == 2  # the sentence scores, as points


def test_dispersion_ticks_share_one_neutral_colour(seed):
    positions = tm.term_positions(seed, ["Japan", "China"])
    figure = plots.dispersion_plot(positions, order=["Japan", "China"], n_words=627, title="t")
    colours = {tuple(c) for lines in figure.axes[0].collections for c in lines.get_colors()}
    assert len(colours) == 1


def test_keyness_chart_is_sorted_and_counts_each_bar(seed):
    key = tm.keyness(seed)
    figure = plots.keyness_chart(key, title="Japan is most key", n=5)
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert labels == list(key["term"].head(5))
    assert "13×" in _texts(figure)


def test_show_gives_a_2x_png_with_alt_text():
    figure = plots.histogram([1, 2, 2, 3], xlabel="x", title="Most values are 2",
                             subtitle="Values & <counts>")
    html = plots.show(figure)._repr_mimebundle_()["text/html"]
    assert 'alt="Most values are 2. Values &amp; &lt;counts&gt;"' in html
    assert 'width="700"' in html  # laid out at 7 inches, 100 px each
    png = base64.b64decode(re.search(r"base64,([^\"]+)", html).group(1))
    width = int.from_bytes(png[16:20], "big")
    assert width == 1400  # twice the displayed width
    again = plots.show(plots.histogram([1, 2, 2, 3], xlabel="x", title="Most values are 2",
                                       subtitle="Values & <counts>"))
    assert again._repr_mimebundle_()["text/html"] == html  # the same bytes on every run


def test_the_seed_charts_with_actor_colours(seed):
    from analysis import framing as fr

    salience = fr.actor_salience(seed)
    colours = plots.actor_colours(list(salience["actor"]))
    figure = plots.bars(salience, category="actor", value="mentions", colours=colours,
                        title="Japan is mentioned most")
    faces = [p.get_facecolor() for p in figure.axes[0].patches]
    assert len(set(faces)) == len(salience)
