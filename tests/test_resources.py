"""NLTK resources are built offline from pinned PyPI packages, never downloaded."""

from __future__ import annotations

from pathlib import Path

import nltk
import pytest

from analysis import ResourceError, resources


@pytest.fixture
def no_download(monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("NLTK's downloader was called")

    monkeypatch.setattr(nltk, "download", refuse)


def test_resources_are_built_in_nltk_layout(tmp_path, no_download, monkeypatch):
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])  # NLTK reads only from its path
    for resource in resources.RESOURCES:
        resources.ensure_resource(resource, tmp_path)
    cmudict = tmp_path / "corpora" / "cmudict" / "cmudict"
    first = cmudict.read_text(encoding="utf-8").splitlines()[0]
    assert first.split()[1] == "1"  # NLTK's "WORD N PHONES" layout
    reader = nltk.corpus.reader.CMUDictCorpusReader(nltk.data.find("corpora/cmudict"), ["cmudict"])
    assert reader.dict()["natural"][0] == ["N", "AE1", "CH", "ER0", "AH0", "L"]
    assert len(reader.dict()["read"]) == 2  # variants numbered 1, 2
    lexicon = nltk.data.load("sentiment/vader_lexicon.zip/vader_lexicon/vader_lexicon.txt")
    assert lexicon.startswith("$:")


def test_package_data_directory_comes_first(no_download):
    data_dir = resources.ensure_nltk_data()
    assert nltk.data.path[0] == str(data_dir)
    found = Path(str(nltk.data.find("corpora/cmudict")))
    assert found.is_relative_to(data_dir)


def test_textstat_and_vader_work_offline(no_download):
    import textstat
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    resources.ensure_nltk_data()
    assert textstat.syllable_count("deterrence") == 3
    assert SentimentIntensityAnalyzer().polarity_scores("good")["compound"] > 0


def test_build_is_reproducible(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for directory in (first, second):
        for resource in resources.RESOURCES:
            resources.ensure_resource(resource, directory)
    for resource in resources.RESOURCES:
        a, b = first / resource.nltk_path, second / resource.nltk_path
        files_a = sorted(p.relative_to(a) for p in a.rglob("*")) if a.is_dir() else [Path()]
        for name in files_a:
            assert (a / name).read_bytes() == (b / name).read_bytes()


def test_missing_package_says_how_to_fix(tmp_path, monkeypatch):
    broken = resources.NltkResource("demo", "corpora/demo", "no-such-package-xyz", lambda p: None)
    with pytest.raises(ResourceError, match="pip install no-such-package-xyz"):
        resources.ensure_resource(broken, tmp_path)


def test_unwritable_directory_says_how_to_fix(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(ResourceError, match=resources.ENV_VAR):
        resources.ensure_resource(resources.RESOURCES[0], blocker / "nltk_data")


def test_environment_variable_overrides(tmp_path, monkeypatch):
    monkeypatch.setenv(resources.ENV_VAR, str(tmp_path))
    assert resources.default_data_dir() == tmp_path


def test_the_syllable_table_equals_nltks_cmu_dictionary_for_every_word():
    from analysis.resources import load_syllable_table

    table = load_syllable_table()
    pronunciations = nltk.corpus.cmudict.dict()
    assert table.keys() == pronunciations.keys()
    for word, variants in pronunciations.items():
        assert table[word] == sum(phone[-1].isdigit() for phone in variants[0]), word


def test_frequency_keys_are_the_shapes_wordfreq_keeps_as_one_token():
    from analysis.resources import frequency_key

    assert frequency_key("alliance") == "alliance"
    assert frequency_key("u.s.") == "u.s"  # a final period is not part of the token
    assert frequency_key("dr.") == "dr"
    assert frequency_key("don't") == "don't"
    for other in ("co-production", "covid-19", "116th", "paweł", "u.s..", ".", "", "'s"):
        assert frequency_key(other) is None, other  # asked of wordfreq itself


def _article_terms() -> set[str]:
    from analysis import load_article
    from analysis.terms import _term_records

    root = Path(__file__).resolve().parent.parent
    paths = [root / "seeds" / "us_japan_2plus2_security_talks_2024.txt",
             *sorted((root / "eval" / "articles").glob("*.txt"))]  # fmt: skip
    return {record.term for path in paths for record in _term_records(load_article(path))}


def test_reference_frequency_equals_wordfreq_on_every_word_of_the_seed_and_eval_set():
    from wordfreq import word_frequency

    from analysis.terms import UNKNOWN_FREQUENCY, reference_frequency

    words = _article_terms() | {"u.s.", "xyzzyq", "zz.qq", "don't", "hadn't."}
    assert len(words) > 3000
    for word in words:
        expected = word_frequency(word.lower(), "en", minimum=UNKNOWN_FREQUENCY)
        assert reference_frequency(word) == expected, word


def test_the_frequency_table_equals_wordfreq_with_and_without_a_final_period():
    import random

    from wordfreq import word_frequency

    table = resources.load_frequency_table()
    joined = [word for word in table if not word.isalpha()]  # don't, u.s: every one
    assert "u.s" in joined and "don't" in joined
    sample = joined + random.Random(5).sample(sorted(table), 3000)
    for word in sample:
        assert table[word] == word_frequency(word, "en"), word
        assert table[word] == word_frequency(word + ".", "en"), word


def test_a_new_layout_or_package_version_rebuilds_a_resource(tmp_path):
    built = []
    demo = resources.NltkResource("demo", "corpora/demo", "nltk", built.append)
    (tmp_path / "corpora" / "demo").mkdir(parents=True)
    for resource in (demo, demo, resources.NltkResource(*vars(demo).values())):
        resources.ensure_resource(resource, tmp_path)
    assert len(built) == 1  # built once, then found with its stamp
    resources.ensure_resource(resources.NltkResource("demo", "corpora/demo", "nltk",
                                                     built.append, layout=2), tmp_path)  # fmt: skip
    assert len(built) == 2
    stamp = tmp_path / ".stamps" / "demo.version"
    stamp.write_text(stamp.read_text().replace(nltk.__version__, "0.0"))  # another version
    resources.ensure_resource(resources.NltkResource("demo", "corpora/demo", "nltk",
                                                     built.append, layout=2), tmp_path)  # fmt: skip
    assert len(built) == 3
    stamp.write_text(nltk.__version__)  # a stamp written before layouts: the version alone
    resources.ensure_resource(resources.NltkResource("demo", "corpora/demo", "nltk",
                                                     built.append, layout=2), tmp_path)  # fmt: skip
    assert len(built) == 4
