"""Languages the article model cannot segment are refused by name; decomposed Unicode
(NFD) keeps its words whole."""

from __future__ import annotations

import re
import unicodedata

import pytest

from analysis import ArticleError, load_article
from analysis.article import tokenize
from analysis.language import unspaced_language
from tests.conftest import SEED

CHINESE = (
    "美日安全会谈旨在加强军事合作\n\n"
    "东京。日本和美国防务官员星期日举行会谈，讨论加强军事合作。双方表示将继续合作！\n\n"
    "会谈在东京举行。官员们没有透露更多细节？\n"
)
JAPANESE = (
    "日米安全保障協議、軍事協力の強化を目指す\n\n"
    "東京。日本と米国の防衛当局者は日曜日に会談し、軍事協力の強化について話し合った。\n\n"
    "会談は東京で行われた。詳細は明らかにされなかった。\n"
)
THAI = "การประชุมความมั่นคง\n\nเจ้าหน้าที่ญี่ปุ่นและสหรัฐฯ ประชุมกันที่โตเกียวเมื่อวันอาทิตย์\n"


@pytest.mark.parametrize(
    ("text", "language"),
    [(CHINESE, "Chinese (zh)"), (JAPANESE, "Japanese (ja)"), (THAI, "Thai (th)")],
    ids=["zh", "ja", "th"],
)
def test_unspaced_languages_are_refused_by_name(text, language):
    with pytest.raises(ArticleError, match=re.escape(f"the text is in {language}")):
        load_article(text)
    with pytest.raises(ArticleError, match="written without spaces between words"):
        load_article(text.encode("utf-8"))


def test_english_with_some_chinese_is_analysed():
    text = SEED.read_text(encoding="utf-8") + "\n作者简介\n\n张三是东京的记者。\n"
    article = load_article(text)
    assert len(article.body_sentences) == 28
    assert unspaced_language(text) is None


def test_korean_is_written_with_spaces():
    assert unspaced_language("한미 안보 회담이 도쿄에서 열렸다. 관리들은 협력을 논의했다.") is None


def test_nfd_words_are_not_split_at_combining_marks():
    text = "The café’s naïve résumé, in Ångström units; the U.S.-led Āmiga plan."
    nfc = [text[start:end] for _kind, start, end in tokenize(text)]
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    nfd = [decomposed[start:end] for _kind, start, end in tokenize(decomposed)]
    assert [unicodedata.normalize("NFC", token) for token in nfd] == nfc
    assert "café’s" in nfc and "résumé" in nfc


def test_nfd_article_counts_the_same_words():
    text = SEED.read_text(encoding="utf-8").replace("talks", "tälks")
    decomposed = unicodedata.normalize("NFD", text)
    composed = unicodedata.normalize("NFC", decomposed)
    assert len(load_article(decomposed).body_words) == len(load_article(composed).body_words)
