"""The article model, hand-checked on the seed and on small texts with other conventions."""

from __future__ import annotations

import pytest

from analysis import ArticleError, load_article, structure_table, unnest_sentences, unnest_tokens
from analysis.article import split_sentences, tokenize
from tests.conftest import SEED


def sentences_of(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def token_texts(text: str) -> list[str]:
    return [text[start:end] for _kind, start, end in tokenize(text)]


# -- the seed, checked by hand ------------------------------------------------


def test_seed_copied_byte_for_byte():
    shared = SEED.parents[2] / "shared" / "seeds" / "000_79367e401523b84a.txt"
    if shared.exists():  # beside a checkout of the project
        assert SEED.read_bytes() == shared.read_bytes()
    assert SEED.stat().st_size == 5052


def test_seed_structure(seed):
    assert seed.headline.startswith("US-Japan security talks aim to enhance military")
    assert seed.headline.endswith("highlight growing threat from China")
    assert seed.metadata == ("0", "107")
    assert seed.dateline is not None and seed.dateline.text == "TOKYO."
    assert seed.dateline.place == "TOKYO"
    assert len(seed.paragraphs) == 14
    assert seed.paragraphs[0].text.startswith("Japanese and U.S. defense officials")
    assert seed.paragraphs[-1].text.startswith("In a related development, Kihara")
    assert seed.language == "en"


def test_seed_author_profile_is_kept_apart(seed):
    (section,) = seed.sections
    assert section.heading == "Author profile"
    assert section.language == "tl"
    assert section.included is False
    assert section.text.startswith("Si Venus L Peñaflor")
    body = seed.body_text
    assert "Peñaflor" not in body and "Author profile" not in body
    assert all(token.part in {"headline", "body"} for token in seed.tokens)


# Sentences per body paragraph, counted by hand.
SEED_SENTENCES_PER_PARAGRAPH = [2, 2, 2, 2, 2, 1, 2, 2, 1, 2, 2, 3, 2, 3]


def test_seed_sentences_per_paragraph(seed):
    counts = [
        sum(1 for s in seed.body_sentences if s.paragraph == p.index) for p in seed.paragraphs
    ]
    assert counts == SEED_SENTENCES_PER_PARAGRAPH
    assert len(seed.body_sentences) == 28


def test_seed_tricky_sentences(seed):
    texts = [s.text for s in seed.body_sentences]
    # The dateline is not a sentence and not part of the first one.
    assert texts[0].startswith("Japanese and U.S. defense officials")
    # "U.S." before a name does not end a sentence.
    assert texts[2].startswith("U.S. Secretary of State Antony Blinken")
    # A quote that spans two sentences splits inside the quote.
    assert texts[4].endswith("military ties with Japan in 70 years.")
    assert texts[5].startswith("These new operational capabilities")
    assert texts[5].endswith("collective deterrence.”")
    # A sentence that ends inside a closing quote keeps the quote.
    assert texts[8].endswith("throughout the region.”")
    # "the U.S., further" and "7.2%" stay inside one sentence.
    assert "7.2% increase" in texts[12] and "after the U.S., further underscores" in texts[12]


def test_seed_offsets_point_back_into_the_text(seed):
    for sentence in seed.sentences:
        assert seed.text[sentence.start : sentence.end] == sentence.text
    for token in seed.tokens:
        assert seed.text[token.start : token.end] == token.text


def test_seed_word_count(seed):
    # 627 words and numbers in the 14 body paragraphs (the dateline excluded).
    assert len(seed.body_words) == 627
    words = {t.text for t in seed.body_words}
    assert {"U.S.", "China’s", "7.2%", "2+2", "surface-to-air", "PAC-3", "haven’t"} <= words
    assert "TOKYO" not in words


# -- sentence splitting on other conventions -------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gen. Charles Q. Brown said so. Nothing changed.",
            ["Gen. Charles Q. Brown said so.", "Nothing changed."],
        ),
        ("Talks with the U.S. The ministers left.", ["Talks with the U.S.", "The ministers left."]),
        ("The U.S. Navy sailed. It was calm.", ["The U.S. Navy sailed.", "It was calm."]),
        ('He said "we will win." Then he left.', ['He said "we will win."', "Then he left."]),
        ("“Why?” he asked. Nobody knew.", ["“Why?” he asked.", "Nobody knew."]),
        ("Growth was 3.5 percent. Prices rose.", ["Growth was 3.5 percent.", "Prices rose."]),
        ("It began on Sept. 11 in New York.", ["It began on Sept. 11 in New York."]),
        ("No final punctuation here", ["No final punctuation here"]),
        ("Wait... The end.", ["Wait...", "The end."]),
    ],
)
def test_split_sentences(text, expected):
    assert sentences_of(text) == expected


def test_tokens_on_news_conventions():
    assert token_texts("China’s 7.2% rise, the U.S.-led plan.") == [
        "China’s",
        "7.2%",
        "rise",
        ",",
        "the",
        "U.S.-led",
        "plan",
        ".",
    ]
    assert token_texts("Mr. Smith met Lt. Col. Jones in 2024.") == [
        "Mr.",
        "Smith",
        "met",
        "Lt.",
        "Col.",
        "Jones",
        "in",
        "2024",
        ".",
    ]
    assert token_texts('the "2+2" talks, 640,000 designers') == [
        "the",
        '"',
        "2+2",
        '"',
        "talks",
        ",",
        "640,000",
        "designers",
    ]
    kinds = [kind for kind, _s, _e in tokenize("PAC-3 missiles cost 3,000")]
    assert kinds == ["word", "word", "word", "number"]


def test_tokens_take_their_period_and_digit_words_are_numbers():
    text = "Gen. F. Smith met U.S. envoys at 5 p.m. on the 2024-25 plan, 1990s arms, 3_000 5-"
    assert [(kind, text[start:end]) for kind, start, end in tokenize(text)] == [
        ("word", "Gen."), ("word", "F."), ("word", "Smith"), ("word", "met"), ("word", "U.S."),
        ("word", "envoys"), ("word", "at"), ("number", "5"), ("word", "p.m."), ("word", "on"),
        ("word", "the"), ("number", "2024-25"), ("word", "plan"), ("punct", ","),
        ("word", "1990s"), ("word", "arms"), ("punct", ","), ("number", "3_000"),
        ("number", "5"), ("punct", "-"),
    ]  # fmt: skip


def test_a_word_or_number_tokens_kind_follows_from_its_text():
    import random

    from analysis.article import is_number_text

    pick = random.Random(8)
    pieces = ["a", "B", "1", "²", "_", "-", ".", ",", "%", "’", "\u0301", " ", "٣", "é"]
    texts = [SEED.read_text(encoding="utf-8"), "3D 2024-25 1990s 3_000 _x __ ² 5- 7.2% 10am"]
    texts += ["".join(pick.choices(pieces, k=60)) for _ in range(2000)]
    for text in texts:
        for kind, start, end in tokenize(text):
            if kind != "punct":
                assert (kind == "number") == is_number_text(text[start:end]), text[start:end]


def test_tokens_are_built_from_all_their_fields():
    # The tokenizer makes tokens with tuple.__new__ from seven columns, which checks nothing:
    # a field with a default would leave every token short.
    from analysis.article import Token

    assert Token._fields == ("index", "text", "kind", "start", "sentence", "paragraph", "part")
    assert Token._field_defaults == {}
    token = load_article(SEED).tokens[1]
    assert token.end == token.start + len(token.text) and token.part == "headline"


def test_a_long_text_is_tokenized_in_chunks_with_the_same_tokens(monkeypatch):
    import random

    from analysis import article

    text = SEED.read_text(encoding="utf-8")
    pieces = ["Mr", "Gen", "No", "U", "S", "a", "B", "é", "1", ".", "-", "‐", ":", "/", "+", "_",
              "%", '"', "'", "’", "’s", ",", " ", "\u0301", "(", ")", "…", "—"]  # fmt: skip
    pick = random.Random(3)
    texts = [text, '."' * 500, "e\u0301\u0302," * 300, "Gen.“U.S.”(F.)--...'s,3.5%;2024-25:" * 50]
    texts += ["".join(pick.choices(pieces, k=pick.randint(0, 300))) for _ in range(500)]
    whole = [tokenize(t) for t in texts]
    monkeypatch.setattr(article, "_CHUNK_CHARS", 40)  # cut after every 40 characters
    assert len(list(article._token_columns(text))) > 100
    assert len(list(article._token_columns('."' * 500))) > 10  # no space: cut between marks
    for chunk in (40, 7, 1):
        monkeypatch.setattr(article, "_CHUNK_CHARS", chunk)
        for one, tokens in zip(texts, whole, strict=True):
            assert tokenize(one) == tokens, one


# -- other layouts ---------------------------------------------------------------

WIRE = (
    "Beijing warns Tokyo over drills\n\n"
    "By A. Reporter\n\n"
    "Beijing, July 31 (Agency)--China's foreign ministry said on Wednesday it "
    '"firmly opposes" the drills. "We will respond," spokesman Lin Jian said.\n\n'
    "The ministry did not say how.\n"
)


def test_wire_dateline_and_straight_quotes():
    article = load_article(WIRE)
    assert article.headline == "Beijing warns Tokyo over drills"
    assert article.metadata == ("By A. Reporter",)
    assert article.dateline is not None
    assert article.dateline.text == "Beijing, July 31 (Agency)--"
    assert article.dateline.place == "Beijing"
    assert [s.text for s in article.body_sentences] == [
        'China\'s foreign ministry said on Wednesday it "firmly opposes" the drills.',
        '"We will respond," spokesman Lin Jian said.',
        "The ministry did not say how.",
    ]


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("WASHINGTON (AP) — Officials met.", "WASHINGTON (AP) —"),
        ("NEW YORK — Officials met.", "NEW YORK —"),
        ("SEOUL, South Korea — Officials met.", "SEOUL, South Korea —"),
    ],
)
def test_other_datelines(opening, dateline):
    article = load_article(f"Headline here\n\n{opening}\n\nA second paragraph.\n")
    assert article.dateline is not None and article.dateline.text == dateline
    assert article.body_sentences[0].text == "Officials met."


def test_no_dateline_when_the_paragraph_starts_with_an_acronym():
    article = load_article("Headline\n\nU.S. officials met. They talked.\n")
    assert article.dateline is None
    assert article.body_sentences[0].text == "U.S. officials met."


def test_crlf_and_bom_give_the_same_article(seed):
    raw = SEED.read_bytes()
    variant = load_article(b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n"))
    assert [s.text for s in variant.sentences] == [s.text for s in seed.sentences]
    assert variant.text == seed.text


def test_no_blank_line_paragraphing_treats_lines_as_paragraphs():
    article = load_article("A headline\nFirst paragraph here. Two.\nSecond paragraph here.\n")
    assert article.headline == "A headline"
    assert [p.text for p in article.paragraphs] == [
        "First paragraph here. Two.",
        "Second paragraph here.",
    ]


def test_text_without_headline():
    article = load_article("Just one sentence of text, with a period.")
    assert article.headline == ""
    assert [s.index for s in article.sentences] == [1]
    assert len(article.body_words) == 8


def test_crosshead_in_english_stays_in_the_body():
    text = (
        "Headline\n\nFirst paragraph of the report is here.\n\nThe response\n\n"
        "The ministry responded quickly to the report on Monday.\n"
    )
    article = load_article(text)
    (section,) = article.sections
    assert section.heading == "The response" and section.included
    assert len(article.paragraphs) == 2


# -- bad input -------------------------------------------------------------------


def test_missing_path(tmp_path):
    with pytest.raises(ArticleError, match="no such file"):
        load_article(tmp_path / "missing.txt")


def test_directory(tmp_path):
    with pytest.raises(ArticleError, match="is a directory"):
        load_article(tmp_path)


@pytest.mark.parametrize("text", ["", "   \n\t\n  "])
def test_empty_text(text):
    with pytest.raises(ArticleError, match="empty"):
        load_article(text.encode())


def test_binary_bytes():
    with pytest.raises(ArticleError, match="binary"):
        load_article(b"\x7fELF\x02\x01\x01\x00\x00\x00" * 20)


def test_undecodable_bytes_name_the_offset():
    with pytest.raises(ArticleError, match=r"byte 0xe9 at offset 3"):
        load_article(b"caf\xe9 is open.")


def test_other_encoding_on_request():
    article = load_article(b"Caf\xe9 news\n\nThe caf\xe9 opened today.\n", encoding="cp1252")
    assert article.headline == "Café news"


def test_large_file_is_refused_with_the_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"Word and more words here. " * 200_000)  # 5.2 MB
    with pytest.raises(ArticleError, match=r"5\.2 MB; articles over 2 MB are refused"):
        load_article(path)


def test_only_a_headline():
    with pytest.raises(ArticleError, match="no body text"):
        load_article("Headline\n\n0\n107\n")


def test_wrong_type():
    with pytest.raises(ArticleError, match="expected a path, bytes or text"):
        load_article(42)  # type: ignore[arg-type]


# -- tidy tables -----------------------------------------------------------------


def test_tables(seed):
    sentences = unnest_sentences(seed)
    assert list(sentences.columns) == [
        "article_id",
        "sentence",
        "paragraph",
        "part",
        "start",
        "end",
        "n_words",
        "text",
    ]
    assert (sentences["part"] == "body").sum() == 28
    assert sentences.loc[sentences["part"] == "body", "n_words"].sum() == 627
    tokens = unnest_tokens(seed)
    assert len(tokens) == len(seed.tokens)
    structure = structure_table(seed)
    assert structure["element"].value_counts().to_dict() == {
        "paragraph": 14,
        "metadata": 2,
        "headline": 1,
        "dateline": 1,
        "section": 1,
    }
    assert structure.loc[structure["element"] == "paragraph", "n_sentences"].tolist() == (
        SEED_SENTENCES_PER_PARAGRAPH
    )


def test_all_caps_sentence_is_not_a_dateline():
    article = load_article("THEY MET TODAY. THEY SIGNED A MEMORANDUM.")
    assert article.dateline is None
    assert len(article.body_sentences) == 2


def test_cached_tables_are_safe_to_modify(seed):
    from analysis.terms import unnest_terms

    first = unnest_terms(seed)
    first["term"] = "changed"
    first.loc[0, "lemma"] = "changed"
    second = unnest_terms(seed)
    assert "changed" not in set(second["term"]) and second.loc[0, "lemma"] != "changed"


def test_language_needs_enough_letters():
    from analysis.language import MIN_LETTERS, detect

    assert detect("x" * (MIN_LETTERS - 1) + " 7.2% 2+2 ...") == "und"
    assert detect("The talks in Tokyo ended with a joint statement.") == "en"


def test_language_reads_only_the_opening_sample(seed):
    from analysis.language import SAMPLE_CHARS, detect

    english = " ".join(p.text for p in seed.paragraphs)[:SAMPLE_CHARS]
    profile = seed.sections[-1].text
    assert detect(english + " " + profile * 20) == "en"
    assert detect(profile) == "tl"


def test_tokens_within_equals_a_scan_of_every_token(seed):
    ranges = [(0, 0), (0, 40), (seed.paragraphs[3].start, seed.paragraphs[3].end)]
    ranges += [(t.start, t.end) for t in seed.tokens[::37]]
    ranges += [(t.start + 1, t.end + 25) for t in seed.tokens[::53]]
    for start, end in ranges:
        expected = [t for t in seed.tokens if start <= t.start and t.end <= end]
        assert seed.tokens_within(start, end) == expected, (start, end)
    assert seed.tokens_within(seed.paragraphs[3].start, seed.paragraphs[3].end)
