"""Tables for people: one helper, :func:`for_people`, that every notebook uses to show a table.

A reader sees plain column labels and frame names (``analysis/data/display_labels.tsv``, one
reason per entry), counts as integers, scores with the decimals the measure supports, text
left-aligned and wrapped, lists as comma-separated text, a dash where a value is missing, and
no 0..n row numbers beside a ``sentence`` column. Names keep the case the article writes them
in (:func:`display_forms`: ``japan`` is shown as ``Japan``, ``u.s.`` as ``U.S.``).
"""

from __future__ import annotations

import hashlib
import math
import numbers
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from analysis.datafiles import read_entries

if TYPE_CHECKING:
    import pandas as pd
    from pandas.io.formats.style import Styler

    from analysis.article import Article

#: What a missing value is shown as.
MISSING = "–"
#: A name written as code inside a text (``conflict_threat: threat``), shown by its label.
_CODE_NAME = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")


@dataclass(frozen=True)
class Label:
    """How one column or frame is shown: its ``label`` and ``decimals`` (an int, ``"int"``,
    ``"sig3"`` for three significant figures, or ``None`` for text)."""

    label: str
    decimals: int | str | None


@cache
def labels() -> dict[str, Label]:
    """Every entry of ``display_labels.tsv`` by name."""
    table = {}
    for name, label, decimals in read_entries("display_labels.tsv", 3):
        digits: int | str | None = (
            None if decimals == "-" else int(decimals) if decimals.isdigit() else decimals
        )
        table[name] = Label(label, digits)
    return table


def label(name: object) -> str:
    """The display label of a column or frame name: from the data file, else the name with
    underscores as spaces (``top_frame`` -> ``top frame``)."""
    text = str(name)
    entry = labels().get(text)
    return entry.label if entry else text.replace("_", " ")


def frame_label(name: str) -> str:
    """A frame's display name (``military_capability_deterrence`` -> ``Military capability and
    deterrence``)."""
    return label(name)


def display_forms(article: Article) -> dict[str, str]:
    """Each normalised term of the article (``analysis.terms.normalise_term``) with the form the
    article writes it in most often outside the first word of a sentence (``japan`` ->
    ``Japan``, ``u.s.`` -> ``U.S.``, ``cooperation`` -> ``cooperation``); the headline's
    forms count only for terms the body does not use, and a term seen only first in a
    sentence keeps its lower case."""
    from analysis.terms import normalise_term

    seen: dict[str, Counter[str]] = {}
    headline: dict[str, Counter[str]] = {}  # a fallback: headlines are often in title case
    first = {s.start for s in article.sentences}
    for token in article.tokens:
        if token.kind != "word" or token.start in first:
            continue
        surface = token.text.replace("’", "'")
        if surface.endswith(("'s", "'S")):
            surface = surface[:-2]
        into = headline if token.part == "headline" else seen
        into.setdefault(normalise_term(token.text), Counter())[surface] += 1
    forms = {term: counts.most_common(1)[0][0] for term, counts in headline.items()}
    forms.update({term: counts.most_common(1)[0][0] for term, counts in seen.items()})
    return forms


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        import pandas as pd

        return value is pd.NA or value is pd.NaT
    except ImportError:  # pragma: no cover
        return False


def _text(value: Any, names: Mapping[str, str]) -> str:
    """A cell's value as text for a reader."""
    if _missing(value):
        return MISSING
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Mapping):
        word = value.get("word", value.get("term", ""))
        weight = value.get("valence", value.get("weight"))
        return f"{names.get(word, word)} ({weight:+g})" if weight is not None else str(word)
    if isinstance(value, str):
        if not value.strip():
            return MISSING
        if value in names:
            return names[value]
        return _CODE_NAME.sub(lambda m: names.get(m.group(), m.group()), value)
    if isinstance(value, Iterable):
        items = [_text(item, names) for item in value]
        return ", ".join(items) if items else MISSING
    if isinstance(value, numbers.Integral):
        return f"{int(value):,}"
    return str(value)


def _number(value: Any, decimals: int | str | None) -> str:
    if _missing(value):
        return MISSING
    if isinstance(value, bool):
        return "yes" if value else "no"
    number = float(value)
    if decimals == "int":
        return f"{round(number):,}"
    if decimals == "sig3":  # positional, never 3.52e-05
        import numpy as np

        return np.format_float_positional(number, precision=3, fractional=False, trim="-")
    digits = 2 if decimals is None else int(decimals)
    text = f"{number:,.{digits}f}"
    return text.lstrip("-") if text.lstrip("-").strip("0.,") == "" else text  # never -0.00


def _is_numeric(series: pd.Series) -> bool:
    import pandas as pd

    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


def tidy(frame: pd.DataFrame, *, decimals: Mapping[str, int | str] | None = None,
         names: Mapping[str, str] | None = None, keep_index: bool | None = None,
         ) -> pd.DataFrame:  # fmt: skip
    """``frame`` as a table of text for a reader (what :func:`for_people` styles).

    A named index becomes the first column; an unnamed one (row numbers, even after a
    filter) is dropped (``keep_index`` forces either). Numbers get the decimals of
    ``decimals``, else of ``display_labels.tsv``, else 2 (integers stay integers); text values
    found in ``names``
    (lower-cased terms, frame names) are shown in their display form; lists are joined with
    commas; a missing value is a dash. Column labels come from :func:`label`.
    """
    return _tidy(frame, decimals, names, keep_index)[0]


def _tidy(frame: pd.DataFrame, decimals: Mapping[str, int | str] | None,
          names: Mapping[str, str] | None, keep_index: bool | None,
          ) -> tuple[pd.DataFrame, list[str]]:  # fmt: skip
    """:func:`tidy`'s table and the labels of its numeric columns."""
    import pandas as pd

    table = frame.copy()
    # Columns named by a variable (a pivot's article ids, an unstacked ``kind``) are data
    # values: they keep their spelling unless the labels file names them.
    values_as_columns = table.columns.name is not None
    if isinstance(table.columns, pd.MultiIndex):
        table.columns = [" ".join(label(p) for p in column if p) for column in table.columns]
    index_names = {name for name in table.index.names if name is not None}
    plain_index = not index_names  # row numbers, even after filtering: 0, 3, 7
    if keep_index if keep_index is not None else not plain_index:
        table = table.reset_index()
    shown_names = {name: entry.label for name, entry in labels().items() if "_" in name}
    shown_names.update(names or {})
    decimals = dict(decimals or {})
    columns, numeric = {}, []
    for column in table.columns:
        series = table[column]
        as_value = values_as_columns and column not in index_names and str(column) not in labels()
        shown_as = str(column) if as_value else label(column)
        if _is_numeric(series):
            digits = decimals.get(column)
            if digits is None and str(column) in labels():
                digits = labels()[str(column)].decimals
            if digits is None and pd.api.types.is_integer_dtype(series):
                digits = "int"
            if digits is None:
                digits = "int" if series.dropna().map(float.is_integer).all() else 2
            columns[shown_as] = [_number(v, digits) for v in series]
            numeric.append(shown_as)
        else:
            columns[shown_as] = [_text(v, shown_names) for v in series]
    return pd.DataFrame(columns, index=pd.RangeIndex(len(table))), numeric


def for_people(frame: pd.DataFrame, *, decimals: Mapping[str, int | str] | None = None,
               names: Mapping[str, str] | None = None, keep_index: bool | None = None,
               caption: str | None = None, wrap: str = "36em") -> Styler:  # fmt: skip
    """``frame`` as a table for people: a pandas ``Styler`` of :func:`tidy`'s text with the
    row numbers hidden, text columns left-aligned and wrapped at ``wrap``, numbers
    right-aligned, cells escaped as HTML, and an optional ``caption``. Its HTML is the same
    on every run (the style ids are a digest of the content), so committed notebook outputs
    stay comparable.
    """
    shown, numeric = _tidy(frame, decimals, names, keep_index)
    digest = hashlib.sha1(shown.to_csv().encode("utf-8") + (caption or "").encode("utf-8"))
    # Cells are text, escaped: an article's "<" or "&" is shown, never read as HTML.
    styler = shown.style.hide(axis="index").set_uuid(digest.hexdigest()[:8]).format(
        escape="html")
    styles: dict[str, list[dict[str, str]]] = {}
    for column in shown.columns:
        props = ("text-align: right; white-space: nowrap;" if column in numeric else
                 f"text-align: left; white-space: normal; min-width: 4em; max-width: {wrap};")
        styles[column] = [{"selector": "td", "props": props}, {"selector": "th", "props": props}]
    styler = styler.set_table_styles(styles).set_table_styles(
        [{"selector": "td, th", "props": "vertical-align: top;"}], overwrite=False)
    if caption:
        styler = styler.set_caption(caption)
    return styler
