"""The actor dictionary's regular expression, with its lookahead for a pattern's first
character, finds exactly what the plain alternation finds; Spans.holds is overlaps of one
character."""

from __future__ import annotations

import random
import re

import pytest

from analysis.framing.actors import ActorDictionary, ActorEntry, Spans, load_actor_dictionary
from tests.conftest import ROOT, SEED


def _plain_regex(dictionary: ActorDictionary) -> re.Pattern[str]:
    """The former expression: whole words, longest pattern first, no lookahead."""
    patterns = sorted((e.pattern for e in dictionary.entries), key=len, reverse=True)
    alternation = "|".join(re.escape(p) for p in patterns)
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")


def _odd_dictionary() -> ActorDictionary:
    patterns = ["U.S.", "US", "-ista", "]bracket", "^caret", "\\slash", "(UN)", "'t Hooft",
                "Erdoğan", "Ürümqi", "eu", "9/11", "G7", "G-7", "a", "China", "South China Sea",
                "Chinas", " space", "#tag", "Ş", "ß", "Straße"]  # fmt: skip
    return ActorDictionary("odd", tuple(ActorEntry(p, p.upper(), "alias", "test")
                                        for p in patterns))  # fmt: skip


_TEXTS = [
    "The U.S. and US-ista forces met ]bracket ^caret \\slash (UN) 't Hooft in Ürümqi.",
    "Erdoğan's eu G7 G-7 9/11 a China Chinas South China Sea's #tag Ş ß Straße straße",
    "aChina China_ China1 _China Chinaś x space  space a-a",
    "",
]


@pytest.mark.parametrize("dictionary", [load_actor_dictionary(), _odd_dictionary()],
                         ids=["shipped", "odd"])  # fmt: skip
def test_dictionary_regex_finds_what_the_plain_alternation_finds(
        dictionary: ActorDictionary) -> None:  # fmt: skip
    plain = _plain_regex(dictionary)
    paths = [SEED, *sorted((ROOT / "eval").glob("**/articles/*.txt"))]
    texts = _TEXTS + [p.read_text(encoding="utf-8") for p in paths]
    for text in texts:
        expected = [(m.span(), m.group()) for m in plain.finditer(text)]
        assert [(m.span(), m.group()) for m in dictionary.regex().finditer(text)] == expected
    assert any(dictionary.regex().search(text) for text in texts)


def test_a_dictionary_without_patterns_still_compiles() -> None:
    empty = ActorDictionary("empty", ())
    assert empty.regex().pattern == _plain_regex(empty).pattern


def test_spans_holds_is_overlaps_of_one_character() -> None:
    rng = random.Random(7)
    for _ in range(200):
        pairs = []
        for _ in range(rng.randint(0, 8)):
            start = rng.randint(0, 60)
            pairs.append((start, start + rng.randint(0, 15)))
        spans = Spans(pairs)
        for offset in range(-2, 80):
            expected = any(start <= offset < end for start, end in pairs)
            assert spans.holds(offset) == spans.overlaps(offset, offset + 1) == expected
