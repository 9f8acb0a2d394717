"""Caches that cannot go stale: per-article memos keyed by content, files re-read when they
change, per-word caches at a bound."""

from __future__ import annotations

import random
import string

import pytest

from analysis import LexiconError, load_article
from analysis.framing import load_actor_dictionary, load_frames, sentence_frames, unnest_quotes
from analysis.lexicon import parse_lexicon
from analysis.memo import (
    WORD_CACHE_SIZE,
    FileMemo,
    WordCache,
    content_key,
    kept_result,
    per_article,
)
from analysis.sentiment import _sentence_records, load_lexicon, sentence_sentiment

TEXT = """Talks end

Officials warned of a grave threat. Leaders praised the agreement.
"""


def _article():
    return load_article(TEXT)


def test_an_edited_lexicon_file_gives_new_scores(tmp_path):
    path = tmp_path / "tone.tsv"
    path.write_text("threat\t-2\tthreat\tdanger\n", encoding="utf-8")
    article = _article()
    before = sentence_sentiment(article, load_lexicon(path))["domain_score"].tolist()
    path.write_text("threat\t-4\tthreat\tdanger\n", encoding="utf-8")  # same size, same second
    after = sentence_sentiment(article, load_lexicon(str(path)))["domain_score"].tolist()
    assert before == [0.0, -2.0, 0.0] and after == [0.0, -4.0, 0.0]


def test_str_and_path_of_one_file_are_one_entry(tmp_path):
    path = tmp_path / "tone.tsv"
    path.write_text("threat\t-2\tthreat\tdanger\n", encoding="utf-8")
    same = tmp_path / "." / "tone.tsv"
    assert load_lexicon(path) is load_lexicon(str(path)) is load_lexicon(same)


def test_fresh_lexicons_in_a_loop_each_give_their_own_scores():
    article = _article()
    for weight in (1, 2, 3, -1, -3):
        lexicon = parse_lexicon(f"threat\t{weight}\tthreat\tdanger\n", name="loop")
        assert sentence_sentiment(article, lexicon)["domain_score"].tolist() == [0, weight, 0]


def test_equal_lexicons_share_one_memo_entry_and_different_ones_do_not():
    article = _article()
    first = parse_lexicon("threat\t-2\tthreat\tdanger\n", name="a")
    twin = parse_lexicon("threat\t-2\tthreat\tdanger\n", name="b")
    other = parse_lexicon("praised\t2\tpraise\tapproval\n", name="c")
    sentence_sentiment(article, first)
    n_entries = len(article.memo)
    sentence_sentiment(article, twin)
    assert len(article.memo) == n_entries
    assert content_key(first) == content_key(twin) != content_key(other)
    assert sentence_sentiment(article, other)["domain_score"].tolist() == [0, 0, 2]


def test_an_edited_actor_dictionary_gives_new_speakers(tmp_path):
    path = tmp_path / "actors.tsv"
    text = 'Cabinet Secretary Jane Roe said, "We are ready."\n'
    path.write_text("Jane Roe\tRuritania\tperson\ta minister\n", encoding="utf-8")
    article = load_article(text)
    assert unnest_quotes(article, load_actor_dictionary(path))["actor"].tolist() == ["Ruritania"]
    path.write_text("Jane Roe\tFreedonia\tperson\ta minister\n", encoding="utf-8")
    assert unnest_quotes(article, load_actor_dictionary(path))["actor"].tolist() == ["Freedonia"]


def test_an_edited_frame_lexicon_gives_new_frames(tmp_path):
    path = tmp_path / "frames.tsv"
    path.write_text("threat\tconflict\tdanger\n", encoding="utf-8")
    article = _article()
    assert sentence_frames(article, load_frames(path)).columns.tolist()[2] == "conflict"
    path.write_text("agreement\tcooperation\tdeal\n", encoding="utf-8")
    table = sentence_frames(article, load_frames(path))
    assert table["cooperation"].tolist() == [0, 0, 1] and "conflict" not in table


def test_file_memo_errors_are_lexicon_errors(tmp_path):
    memo = FileMemo(lambda text, name: text, what="word list")
    with pytest.raises(LexiconError, match="cannot read the word list"):
        memo(tmp_path / "missing.tsv")
    (tmp_path / "latin1.tsv").write_bytes("caf\xe9\n".encode("latin-1"))
    with pytest.raises(LexiconError, match=r"not UTF-8 text .*offset 3"):
        memo(tmp_path / "latin1.tsv")


def test_file_memo_keeps_at_most_maxsize_files(tmp_path):
    memo = FileMemo(lambda text, name: text, what="word list", maxsize=3)
    for i in range(10):
        (tmp_path / f"{i}.txt").write_text(str(i), encoding="utf-8")
        assert memo(tmp_path / f"{i}.txt") == str(i)
    assert len(memo) == 3


def test_per_article_memo_is_keyed_by_arguments_and_refuses_keywords():
    calls = []

    @per_article
    def count_words(article, minimum):
        calls.append(minimum)
        return sum(len(s.text.split()) >= minimum for s in article.sentences)

    article = _article()
    assert count_words(article, 1) == count_words(article, 1) == 3
    assert count_words(article, 6) == 1
    assert calls == [1, 6]
    with pytest.raises(TypeError, match="by position"):
        count_words(article, minimum=2)
    # What is kept can be read without computing it; what is not is None.
    assert kept_result(article, count_words, 6) == 1
    assert kept_result(article, count_words, 2) is None
    assert kept_result(_article(), count_words, 1) is None
    lexicon = load_lexicon()
    sentence_sentiment(article, lexicon)
    lines = [f"{e.term}\t{e.weight}\t{e.category}\t{e.rationale}" for e in lexicon.entries]
    same = parse_lexicon("\n".join(lines), name="copy", weighted=True)
    assert kept_result(article, _sentence_records, same) is not None  # keyed by content
    assert calls == [1, 6]


def _package_word_caches() -> dict[str, WordCache]:
    """Every per-word cache the package defines at module level, by dotted name."""
    import importlib
    import pkgutil

    import analysis

    found = {}
    for info in pkgutil.walk_packages(analysis.__path__, "analysis."):
        if info.name.endswith("__main__"):  # importing it runs the command line
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, WordCache) and value.__module__ == info.name:
                found[f"{info.name}.{name}"] = value
    return found


def test_every_per_word_cache_is_bounded_and_answers_like_its_function():
    from analysis.framing.attribution import RUN_CACHE_SIZE

    caches = _package_word_caches()
    assert {"analysis.terms._word_form", "analysis.terms.lemmatize",
            "analysis.sentiment._vader_token",
            "analysis.framing.attribution.fold"} <= caches.keys()  # fmt: skip
    for name, cache in caches.items():
        assert cache.maxsize in (WORD_CACHE_SIZE, RUN_CACHE_SIZE), name
        word = ("Lloyd", "Austin") if name.endswith("_read_chain") else "Hyper-threading"
        assert cache(word) == cache.lookup(word) == cache.__wrapped__(word), name
    # A lexicon's own per-word cache is bounded too.
    assert load_lexicon()._candidates.maxsize == WORD_CACHE_SIZE


def test_a_per_word_function_still_works_with_pandas_and_pickle():
    import pickle

    import pandas as pd

    from analysis import readability, terms

    assert pd.Series(["dogs", "ran"]).apply(terms.lemmatize).tolist() == ["dog", "run"]
    assert pickle.loads(pickle.dumps(readability.word_syllables)) is readability.word_syllables
    assert "word_syllables" in repr(readability.word_syllables)


def _counted(calls: list) -> WordCache:
    """A WordCache of 1,000 words of ``str.upper`` that records each word it computes."""
    return WordCache(lambda word: calls.append(word) or word.upper(), maxsize=1000)


def test_fifty_thousand_distinct_words_leave_a_word_cache_within_its_bound():
    calls: list[str] = []
    cache = _counted(calls)
    random_words = random.Random(7)
    for _ in range(50_000):
        word = "".join(random_words.choices(string.ascii_lowercase, k=9))
        assert cache.lookup(word) == word.upper()
        cache.lookup("kept")  # one word used all along
        assert cache.cache_info().currsize <= 1000
    info = cache.cache_info()
    assert info.maxsize == 1000 and 500 <= info.currsize <= 1000
    assert calls.count("kept") == 1 and info.misses == len(calls) == 50_001
    cache.cache_clear()
    assert cache.cache_info() == (0, 1000, 0)


def test_a_word_cache_keeps_the_recently_used_half_and_drops_the_rest():
    calls: list[str] = []
    cache = WordCache(lambda word: calls.append(word) or word.upper(), maxsize=4)
    for word in "abcd":  # a, b fill the young generation, then become the old one
        cache(word)
    assert cache.cache_info().currsize == 4 and calls == list("abcd")
    cache("a")  # found in the old generation: not computed, moved to a new young one
    assert calls == list("abcd")  # ... and b, unused, went with the old generation
    cache("e")
    cache("b")  # dropped: computed again
    assert calls == list("abcdeb")
    assert cache.lookup("a") == "A" and calls == list("abcdeb")  # kept
    with pytest.raises(ValueError, match="maxsize >= 2"):
        WordCache(str.upper, maxsize=1)


def test_a_word_cache_does_not_keep_a_failure_and_pickles_without_its_words():
    import pickle

    cache = WordCache(len)
    with pytest.raises(TypeError):
        cache(None)  # len(None) fails: nothing is kept
    assert cache.cache_info().currsize == 0 and cache.cache_info().misses == 0
    assert cache("ab") == 2 and cache.cache_info().currsize == 1
    copy = pickle.loads(pickle.dumps(cache))  # not module-level: its function and bound
    assert copy.cache_info() == (0, WORD_CACHE_SIZE, 0) and copy("abc") == 3


def _counted_reads(monkeypatch) -> list:
    """The paths read through ``read_data_file`` from now on, in order."""
    from analysis import datafiles

    reads = []
    real = datafiles.read_data_file
    monkeypatch.setattr(datafiles, "read_data_file", lambda p, w: reads.append(p) or real(p, w))
    return reads


def test_file_memo_reads_a_settled_unchanged_file_once(tmp_path, monkeypatch):
    path = tmp_path / "words.txt"
    path.write_text("alpha\n", encoding="utf-8")
    reads = _counted_reads(monkeypatch)
    memo = FileMemo(lambda text, name: text, what="word list")
    monkeypatch.setattr("analysis.memo._SETTLED_NS", -(10**20))  # as if written long ago
    assert memo(path) == memo(path) == "alpha\n"
    assert len(reads) == 1
    path.write_text("omega\n", encoding="utf-8")  # same size: the status still moves
    assert memo(path) == "omega\n" and len(reads) == 2


def test_file_memo_rereads_a_file_changed_just_before_the_read(tmp_path, monkeypatch):
    path = tmp_path / "words.txt"
    path.write_text("alpha\n", encoding="utf-8")
    reads = _counted_reads(monkeypatch)
    memo = FileMemo(lambda text, name: text, what="word list")
    assert memo(path) == memo(path) == "alpha\n"
    assert len(reads) == 2  # not settled: read each time, compared by content


def test_file_memo_tells_apart_one_relative_path_in_two_folders_and_a_moved_link(
    tmp_path, monkeypatch
):
    memo = FileMemo(lambda text, name: text, what="word list")
    monkeypatch.setattr("analysis.memo._SETTLED_NS", -(10**20))  # trust every file's status
    for name, word in (("a", "alpha\n"), ("b", "beta\n")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "words.txt").write_text(word, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "a")
    assert memo("words.txt") == "alpha\n"
    monkeypatch.chdir(tmp_path / "b")
    assert memo("words.txt") == "beta\n"  # the same string names another file here
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "a" / "words.txt")
    assert memo(link) == "alpha\n"
    link.unlink()
    link.symlink_to(tmp_path / "b" / "words.txt")
    assert memo(link) == "beta\n"  # the link now names another file
