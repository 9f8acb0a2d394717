"""Capitalisation (``_capitalised``, and ``_capitalised_positions`` for a sentence's tokens
at once) answers as the former token-by-token ``_is_cap`` did, punctuation that is upper
case (Ⓐ) included; the people and speakers of a text made of such symbols are those the
former code found; the speech-verb candidates are those the former look-up found; and each
sentence's tokens are those lying within it."""

from __future__ import annotations

from analysis.article import Token, parse_article
from analysis.framing.attribution import (
    NAME_PARTICLES,
    RUN_CACHE_SIZE,
    _capitalised_positions,
    _is_cap,
    _read_chain,
    find_people,
    reporting_verbs,
    sentence_tokens,
    speech_verbs,
)
from analysis.framing.speakers import quote_records
from analysis.memo import WORD_CACHE_SIZE
from tests.conftest import ROOT, SEED


def _is_cap_by_token(token: Token) -> bool:
    """The former _is_cap."""
    if token.kind == "punct":
        return False
    text = token.text
    if text[:1].isupper():
        return True
    prefix, _, rest = text.partition("-")
    return prefix in NAME_PARTICLES and rest[:1].isupper()


_SYMBOLS = "Head\n\nⒶ Smith Jones said the talks would go on. Ⓐ Bank of Ⓑ, said “we go,” Ⓒ Ⅻ "
_SYMBOLS += "Kim Lee said. al-Assad and el-sisi and de-Gaulle met ǅ and ß."
#: Hyphens that open a name particle, or only look as if they did.
_PARTICLES = ("Head\n\nal-Assad said. de-escalation, made-up, al-Assad-led, van-Dam-Smith, "
              "-de-Gaulle, y-Z, AL-Assad, el-Sisi and le-Pen.")  # fmt: skip


def test_capitalisation_agrees_with_the_token_by_token_test() -> None:
    paths = [SEED, *sorted((ROOT / "eval").glob("**/articles/*.txt"))]
    texts = [_SYMBOLS, _PARTICLES] + [p.read_text(encoding="utf-8") for p in paths]
    for text in texts:
        article = parse_article(text)
        for token in article.tokens:
            assert _is_cap(token) == _is_cap_by_token(token), token
        for tokens in sentence_tokens(article).values():
            expected = [k for k, token in enumerate(tokens) if _is_cap_by_token(token)]
            assert _capitalised_positions(tokens) == expected
        everywhere = [t.index for t in article.tokens if _is_cap_by_token(t)]
        assert _capitalised_positions(article.tokens) == everywhere


def test_name_particles_are_lower_case() -> None:
    """_capitalised_positions counts a particle-led token apart from the capitalised ones."""
    assert all(particle == particle.lower() for particle in NAME_PARTICLES)


def test_capitalisation_of_tokens_not_made_by_the_tokenizer() -> None:
    """An empty token or one holding a space is tested one by one, with the same answer."""
    made = [Token(0, "al-Assad", "word", 0, 1, 1, "body"), Token(1, "", "punct", 9, 1, 1, "body"),
            Token(2, "New York", "word", 10, 1, 1, "body"), Token(3, "de-Gaulle", "word", 19, 1, 1,
            "body"), Token(4, "Ⓐ", "punct", 29, 1, 1, "body")]  # fmt: skip
    assert _capitalised_positions(made) == [0, 2, 3]
    assert _capitalised_positions(made[2:]) == [0, 1]
    assert _capitalised_positions([]) == []


def test_sentence_tokens_are_the_tokens_within_each_sentence() -> None:
    paths = [SEED, *sorted((ROOT / "eval").glob("**/articles/*.txt"))]
    for text in [_SYMBOLS] + [p.read_text(encoding="utf-8") for p in paths]:
        article = parse_article(text)
        grouped = sentence_tokens(article)
        assert list(grouped) == [s.index for s in article.sentences]
        for sentence in article.sentences:
            assert grouped[sentence.index] == article.tokens_within(sentence.start, sentence.end)


def test_reporting_verbs_are_the_speech_verbs_not_only_of_quotations() -> None:
    verbs = speech_verbs()
    article = parse_article(SEED.read_text(encoding="utf-8") + "\n\n" + _SYMBOLS)
    for token in article.tokens:
        word = token.text.casefold()
        assert (word in reporting_verbs()) == (verbs.get(word) not in (None, "quote")), word


def test_upper_case_symbols_are_not_names() -> None:
    article = parse_article(_SYMBOLS)
    people = find_people(article)
    assert people.names == ["Smith Jones", "Ⅻ Kim Lee"]
    assert people.mentions[:3] == [(8, "Smith Jones", "person", ""), (50, "Bank", "group", ""),
                                   (77, "Ⅻ Kim Lee", "person", "")]  # fmt: skip
    rows = [(q.speaker, q.kind, q.cue) for q in quote_records(article)]
    assert rows[:2] == [
        ("Smith Jones", "indirect", "Smith Jones said"),
        ("Smith Jones", "partial", "Smith Jones said the talks would go on. Ⓐ Bank of Ⓑ, said"),
    ]


def test_the_run_cache_is_bounded() -> None:
    assert _read_chain.cache_info().maxsize == RUN_CACHE_SIZE <= WORD_CACHE_SIZE
