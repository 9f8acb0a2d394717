"""Terms: hand-counted frequencies, news normalisation, keyness, KWIC and sections."""

from __future__ import annotations

import pytest

from analysis import load_article
from analysis.terms import (
    collocations,
    is_stopword,
    key_terms,
    keyness,
    kwic,
    lemmatize,
    log_likelihood,
    ngrams,
    normalise_term,
    stopwords,
    term_counts,
    term_positions,
    terms_by_region,
    top_terms,
    unnest_terms,
)

SMALL = (
    "Talks on trade\n\n"
    "The ministers met in Tokyo. The ministers discussed trade and the “trade gap”. "
    "China’s ministers stayed home.\n"
)


def counts(article, **kwargs) -> dict[str, int]:
    table = term_counts(article, **kwargs)
    return dict(zip(table.iloc[:, 0], table["count"], strict=True))


def test_hand_counted_frequencies():
    article = load_article(SMALL)
    # Body words: the ministers met in tokyo the ministers discussed trade and the trade gap
    #             china ministers stayed home = 17 words.
    assert counts(article, content_only=False) == {
        "the": 3, "ministers": 3, "trade": 2, "and": 1, "china": 1, "discussed": 1, "gap": 1,
        "home": 1, "in": 1, "met": 1, "stayed": 1, "tokyo": 1,
    }  # fmt: skip
    content = term_counts(article)
    assert content.iloc[0].to_dict() == {
        "term": "ministers", "count": 3, "relative_frequency": 3 / 12, "per_1000": 3000 / 17,
        "rank": 1,
    }  # fmt: skip
    assert counts(article, by="lemma")["minister"] == 3
    assert counts(article, part="headline") == {"talks": 1, "trade": 1}


def test_us_stays_one_term_and_never_yields_u_or_s(seed):
    terms = unnest_terms(seed)
    assert "u.s." in set(terms["term"])
    assert not {"u", "s"} & set(terms["term"])
    assert counts(seed)["u.s."] == 13
    article = load_article("Talks with the U.S. The U.S. Navy and US forces met us.")
    assert counts(article, content_only=False)["u.s."] == 2
    assert counts(article, content_only=False)["US"] == 1  # not the pronoun "us"
    assert counts(article, content_only=False)["us"] == 1


@pytest.mark.parametrize(
    ("token", "term"),
    [
        ("China’s", "china"),
        ("China's", "china"),
        ("Japan’s", "japan"),
        ("U.S.", "u.s."),
        ("USFJ", "USFJ"),
        ("PAC-3", "PAC-3"),
        ("Air-to-Air", "air-to-air"),
        ("co-production", "co-production"),
        ("haven’t", "haven't"),
        ("7.2%", "7.2%"),
    ],
)
def test_normalisation(token, term):
    assert normalise_term(token) == term


def test_lemmas():
    assert lemmatize("talks") == "talk"
    assert lemmatize("co-producing") == "co-produce"
    assert lemmatize("austin") == "austin"
    assert lemmatize("u.s.") == "u.s."


def test_a_word_written_with_a_capital_inside_a_sentence_is_lemmatised_as_written():
    # simplemma takes "United" and "States" for the verb and the noun in lower case only;
    # written with a capital it knows the name.
    article = load_article(
        "United States Envoys Meet\n\n"
        "The United States and the United Nations met NGOs. Republicans and Maria Lopez "
        "spoke. United States officials agreed. They said: “United we stand.” The two "
        "sides united. States act.\n"
    )  # fmt: skip
    terms = unnest_terms(article)
    lemma = dict(zip(terms["start"], terms["lemma"], strict=True))
    def lemmas_of(word: str) -> list[str]:
        return [lemma[k] for k in range(len(article.text)) if article.text.startswith(word, k)
                and k in lemma]  # fmt: skip

    # inside a sentence: as written, names kept whole, plurals made singular
    assert lemmas_of("NGOs") == ["ngo"] and lemmas_of("Republicans") == ["republican"]
    assert lemmas_of("Maria") == ["maria"]  # not "mare"
    # United: headline, inside (twice), a sentence's start, a quotation's start, then the verb.
    # The body also writes "united" in lower case, so the starts take the lower-case lemma.
    assert lemmas_of("United") == ["unite", "united", "united", "unite", "unite"]
    assert lemmas_of("united") == ["unite"]
    # States: only ever written with a capital inside a sentence in the body (a name), so the
    # headline's and a sentence's first "States" are lemmatised as written too. (A limit of the
    # rule: "States act." means the plural noun, and takes the name's lemma all the same.)
    assert lemmas_of("States") == ["states", "states", "states", "states"]
    assert lemmas_of("Envoys") == ["envoy"] and lemmas_of("officials") == ["official"]


def test_a_capitalised_word_keeps_simplemmas_answer_only_when_it_is_the_word_or_its_singular():
    article = load_article(
        "Head\n\nThe Goddess spoke to Md Rahman. The verdict: Broken promises. NATO and "
        "United’s fans met Pro-Russians at Al-Qaeda sites, the U.S. Navy said.\n"
    )  # fmt: skip
    terms = unnest_terms(article)
    lemma = dict(zip(terms["text"], terms["lemma"], strict=True))
    # As written, simplemma reads "Goddess" as "god" and "Md" as "mendelevium": the word is
    # then lemmatised in lower case, as any other.
    assert (lemma["Goddess"], lemma["Md"]) == ("goddess", "md")
    assert lemma["Broken"] == "break"  # after a colon: a sentence's first word
    assert lemma["NATO"] == "NATO" and lemma["U.S."] == "u.s."  # acronyms are their own
    assert lemma["United’s"] == "united"  # the possessive dropped, the name kept
    assert lemma["Pro-Russians"] == "pro-russian" and lemma["Al-Qaeda"] == "al-qaeda"


@pytest.mark.parametrize(("word", "lemma"), [
    # simplemma's slips with a final e: a lemma no one writes takes the spelling that is
    ("growing", "grow"), ("thanked", "thank"), ("swearing", "swear"), ("developed", "develop"),
    ("determining", "determine"), ("co-growing", "co-grow"),
    # right lemmas stay, rare ones too
    ("hoped", "hope"), ("biting", "bite"), ("absconded", "abscond"), ("running", "run"),
])  # fmt: skip
def test_a_lemma_no_one_writes_takes_the_spelling_that_is_written(word, lemma):
    assert lemmatize(word) == lemma


def test_ties_are_ranked_alphabetically_capitals_first():
    article = load_article("Head\n\nZebra apple mango NATO zebra apple kiwi NATO mango.")
    assert top_terms(article) == [{"term": t, "count": c} for t, c in
                                  [("NATO", 2), ("apple", 2), ("mango", 2), ("zebra", 2),
                                   ("kiwi", 1)]]  # fmt: skip
    table = term_counts(article)
    assert table["term"].tolist() == ["NATO", "apple", "mango", "zebra", "kiwi"]
    assert table["rank"].tolist() == [1, 1, 1, 1, 5]


def test_no_stopword_or_number_in_top_terms(seed):
    top = top_terms(seed, n=50)
    assert top[0]["count"] >= top[-1]["count"]
    assert not any(is_stopword(t["term"]) for t in top)
    assert not any(t["term"][0].isdigit() for t in top)
    assert {t["term"] for t in top[:3]} == {"japan", "u.s.", "china"}


def test_numbers_are_kept_apart(seed):
    terms = unnest_terms(seed)
    numbers = set(terms.loc[terms["is_number"], "term"])
    assert {"7.2%", "2+2", "70"} <= numbers
    assert not terms.loc[terms["is_number"], "is_content"].any()


def test_stopword_list_is_snowball():
    assert len(stopwords()) == 174
    assert {"the", "not", "haven't", "ourselves"} <= stopwords()
    assert not {"said", "state", "world", "new"} & stopwords()


def test_ngrams_within_sentences():
    article = load_article(SMALL)
    bigrams = dict(zip(*ngrams(article, content_only=False).T.values, strict=True))
    assert bigrams["the ministers"] == 2
    assert "tokyo the" not in bigrams  # never across a sentence boundary
    content = ngrams(article)
    assert set(content["ngram"]) == {
        "ministers met",
        "ministers discussed",
        "discussed trade",
        "trade gap",
        "china ministers",
        "ministers stayed",
        "stayed home",
    }


def test_collocations_on_the_seed(seed):
    table = collocations(seed)
    assert table.iloc[0]["bigram"] == "international order"
    assert (table["count"] >= 2).all()
    assert list(table.columns) == ["bigram", "count", "pmi", "log_likelihood"]


def test_log_likelihood_by_hand():
    # O = 10, E = 2: 2 × (10 ln 5 − 8) = 16.189
    assert log_likelihood(10, 2) == pytest.approx(16.1888, abs=1e-3)
    assert log_likelihood(1, 4) < 0  # under-used
    assert log_likelihood(0, 3) == -6


def test_keyness_sign_and_order_on_a_constructed_text():
    # Common words at their everyday rate; "deterrence" and "interceptors" far above theirs.
    text = (
        "Headline\n\n"
        + "The deterrence of the interceptors is in the plan. " * 3
        + "It is what it is. " * 3
    )
    article = load_article(text)
    table = keyness(article, content_only=False, min_count=2).set_index("term")
    assert table.loc["deterrence", "keyness"] > table.loc["plan", "keyness"] > 0
    assert table.loc["interceptors", "log_ratio"] > 10
    assert table.loc["it", "keyness"] < table.loc["deterrence", "keyness"]
    order = list(table.index)
    assert order.index("deterrence") < order.index("the")


def test_key_terms_on_the_seed(seed):
    terms = [t["term"] for t in key_terms(seed)]
    assert terms[:3] == ["japan", "u.s.", "china"]
    assert "cooperation" in terms[:6]
    assert all(t["keyness"] > 3.84 for t in key_terms(seed))


def test_kwic_windows_and_edges():
    article = load_article("One two three four five six seven eight nine ten.")
    first = kwic(article, "one", window=3).iloc[0]
    assert (first["left"], first["keyword"], first["right"]) == ("", "One", "two three four")
    last = kwic(article, "ten", window=3).iloc[0]
    assert (last["left"], last["right"]) == ("seven eight nine", "")
    middle = kwic(article, "five", window=2).iloc[0]
    assert (middle["left"], middle["right"]) == ("three four", "six seven")


def test_kwic_on_the_seed(seed):
    threats = kwic(seed, "threat", window=4)
    assert list(threats["keyword"]) == ["threat", "threats", "threats"]
    assert threats.iloc[0]["left"] == "address the growing strategic"
    us = kwic(seed, "U.S.")
    assert len(us) == 13 and set(us["keyword"]) == {"U.S."}
    assert len(kwic(seed, "nonexistent")) == 0


def test_positions_and_sections(seed):
    positions = term_positions(seed, ["China", "Japan"])
    assert positions.groupby("query").size().to_dict() == {"China": 9, "Japan": 13}
    assert positions["relative_position"].between(0, 1).all()
    sections = terms_by_region(seed)
    assert set(sections["region"]) == {"headline", "body", "quote", "narration"}
    body = sections[sections["region"] == "body"].set_index("term")["count"]
    quote = sections[sections["region"] == "quote"].set_index("term")["count"]
    narration = sections[sections["region"] == "narration"].set_index("term")["count"]
    assert body.sum() == quote.sum() + narration.sum()
    headline = set(sections.loc[sections["region"] == "headline", "term"])
    assert {"threat", "china", "us-japan"} <= headline


def test_phrases_in_kwic_and_positions(seed):
    korea = kwic(seed, "North Korea", window=2)
    assert list(korea["keyword"]) == ["North Korea’s"]
    assert korea.iloc[0]["left"] == "also mentioned"
    positions = term_positions(seed, ["South Korea", "South China Sea"])
    assert positions.groupby("query").size().to_dict() == {
        "South China Sea": 2,  # "the East and South China Seas" and "the South China Sea"
        "South Korea": 1,  # "South Korean" is another word
    }


def test_top_terms_are_the_first_rows_of_the_full_ranking():
    from tests.conftest import ROOT, SEED

    for path in [SEED, *sorted((ROOT / "eval" / "articles").glob("*.txt"))[:12]]:
        article = load_article(path)
        full = term_counts(article)[["term", "count"]].to_dict("records")
        for n in (-1, 0, 1, 3, 10, 20, 10_000):
            assert top_terms(article, n) == full[:n], (path.name, n)
