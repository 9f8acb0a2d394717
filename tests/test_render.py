"""The marked article: actor colours as tint and underline, quotations boxed without fill, a
legend."""

from __future__ import annotations

from analysis import load_article
from analysis.render import Highlight, article_html, legend_html, tint

TEXT = "Talks\n\nJapan said “we agree” to the U.S. plan.\n"


def test_tint_mixes_with_white():
    assert tint("#000000", 0.3) == "#b3b3b3"
    assert tint("#0072B2", 1.0) == "#0072b2"
    assert tint("#ffffff", 0.3) == "#ffffff"


def test_quotes_are_underlined_dashed_without_fill_and_actors_tinted():
    article = load_article(TEXT)
    start = article.text.index("“")
    quote = Highlight(start, article.text.index("”") + 1, "#333333", "direct: Japan", "underline")
    actor = Highlight(article.text.index("Japan"), article.text.index("Japan") + 5, "#0072B2",
                      "Japan")
    html = article_html(article, [quote, actor])
    assert '<mark class="nf-underline" title="direct: Japan">“we agree”</mark>' in html
    assert "background:#b3d5e8;box-shadow:inset 0 -2px #0072B2" in html
    assert ".nf-article mark.nf-underline {background: none" in html


def test_the_legend_names_each_actor_in_its_colour_and_the_quotation_box():
    legend = legend_html({"Japan": "#0072B2", "United States": "#E69F00",
                          "United States & Japan": "#E69F00"}, underline="quotation")
    assert legend.count("<mark") == 3  # a group is not a legend entry of its own
    assert "#E69F00\" title=\"United States\">United States</mark>" in legend
    assert 'class="nf-underline" title="quotation">quotation</mark>' in legend
    html = article_html(load_article(TEXT), legend=legend)
    assert html.index("nf-legend") < html.index('<div class="nf-article">')
