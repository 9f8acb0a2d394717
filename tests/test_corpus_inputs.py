"""Many articles: which files a run reads, their ids, and the errors for bad arguments."""

from __future__ import annotations

import math
import sys

import pandas as pd
import pytest

from analysis import corpus
from analysis.corpus import analyze_many, collect_items, effective_n_jobs, write_summaries
from analysis.errors import AnalysisError, ArticleError, DependencyError, UsageError
from tests.conftest import SEED

SHORT = "Talks end\n\nTOKYO. Japan and the United States met on Sunday.\n"


def test_upper_case_suffix_is_an_article(tmp_path):
    (tmp_path / "a.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "B.TXT").write_text(SHORT, encoding="utf-8")
    (tmp_path / "c.Txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "notes.md").write_text(SHORT, encoding="utf-8")
    assert [i for i, _ in collect_items(tmp_path)] == ["B", "a", "c"]


def test_an_existing_file_with_glob_characters_is_that_file(tmp_path):
    for name in ["report [draft].txt", "what?.txt", "star*.txt"]:
        (tmp_path / name).write_text(SHORT, encoding="utf-8")
    (tmp_path / "report d.txt").write_text(SHORT, encoding="utf-8")  # matches "[draft]" as a glob
    for name in ["report [draft].txt", "what?.txt", "star*.txt"]:
        items = collect_items(str(tmp_path / name))
        assert items == [(name[:-4], tmp_path / name)]
    assert corpus.is_many(str(tmp_path / "*.txt"))
    assert not corpus.is_many(str(tmp_path / "star*.txt"))


def test_a_missing_text_in_a_dataframe_is_an_error_row():
    frame = pd.DataFrame({"article_id": ["a", "b", "c", "d"],
                          "text": [SHORT, None, math.nan, pd.NA]})  # fmt: skip
    summary = analyze_many(frame, progress=False).summary.set_index("article_id")
    assert pd.isna(summary.loc["a", "error"]) and summary.loc["a", "sentences"] == 1
    for article_id in "bcd":
        assert summary.loc[article_id, "error"].startswith("ArticleError: ")
        assert "text is missing" in summary.loc[article_id, "error"]


def test_duplicate_dataframe_ids_are_an_error():
    frame = pd.DataFrame({"article_id": ["a", "b", "a"], "text": [SHORT] * 3})
    with pytest.raises(UsageError, match="'a' appear more than once"):
        collect_items(frame)


def test_an_empty_string_is_not_the_current_folder(tmp_path, monkeypatch):
    (tmp_path / "here.txt").write_text(SHORT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UsageError, match="empty string"):
        analyze_many("")
    with pytest.raises(UsageError, match="empty string"):
        write_summaries("  ", tmp_path / "out.csv")


def test_a_missing_folder_is_an_error_not_an_error_row(tmp_path):
    with pytest.raises(ArticleError, match="no such file or folder"):
        analyze_many(tmp_path / "nowhere", progress=False)
    with pytest.raises(ArticleError, match="no such file or folder"):
        analyze_many(str(tmp_path / "nowhere" / ""), progress=False)


def test_ids_are_unique_across_folders(tmp_path):
    for folder in ["x", "y", "z/deep"]:
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "story.txt").write_text(SHORT, encoding="utf-8")
    result = analyze_many(str(tmp_path / "**" / "story.txt"), progress=False)
    ids = list(result.summary["article_id"])
    assert sorted(ids) == ["x/story", "y/story", "z/deep/story"]
    assert result.sentences.groupby("article_id").size().to_dict() == dict.fromkeys(ids, 2)


def test_ids_stay_unique_for_the_same_stem_and_the_same_file(tmp_path):
    (tmp_path / "story.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "story.TXT").write_text(SHORT, encoding="utf-8")
    assert sorted(i for i, _ in collect_items(tmp_path)) == ["story.TXT", "story.txt"]
    same = [tmp_path / "story.txt", tmp_path / "story.txt"]
    assert [i for i, _ in collect_items(same)] == ["story", "story#2"]


def test_ids_of_one_folder_are_the_file_stems(tmp_path):
    (tmp_path / "a_seed.txt").write_bytes(SEED.read_bytes())
    assert collect_items([tmp_path / "a_seed.txt"]) == [("a_seed", tmp_path / "a_seed.txt")]


@pytest.mark.parametrize(("n_jobs", "expected"), [(1, 1), (3, 3), (-1, 8), (-2, 7), (-8, 1),
                                                  (-20, 1)])  # fmt: skip
def test_n_jobs_follows_joblib(monkeypatch, n_jobs, expected):
    monkeypatch.setattr(corpus, "_cpu_count", lambda: 8)
    assert effective_n_jobs(n_jobs) == expected


@pytest.mark.parametrize("n_jobs", [0, 1.5, "2", True])
def test_bad_n_jobs_is_an_error(tmp_path, n_jobs):
    (tmp_path / "a.txt").write_text(SHORT, encoding="utf-8")
    with pytest.raises(UsageError, match="n_jobs") as caught:
        analyze_many(tmp_path, n_jobs=n_jobs, progress=False)
    assert isinstance(caught.value, ValueError)
    if n_jobs == 0:
        assert "-1 for every core" in str(caught.value)
    with pytest.raises(UsageError, match="n_jobs"):
        corpus.summarize_many(tmp_path, n_jobs=n_jobs)  # at the call, not at the first row
    with pytest.raises(UsageError, match="n_jobs"):
        write_summaries(tmp_path, tmp_path / "out.csv", n_jobs=n_jobs)


def test_a_wrong_output_suffix_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text(SHORT, encoding="utf-8")
    with pytest.raises(UsageError, match=r"x\.xlsx: the output must end in \.csv or \.parquet, "
                                         r"not \.xlsx") as caught:  # fmt: skip
        write_summaries(tmp_path, tmp_path / "x.xlsx")
    assert isinstance(caught.value, ValueError) and not isinstance(caught.value, ArticleError)
    assert not (tmp_path / "x.xlsx").exists()


def test_missing_dask_is_a_dependency_error(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(SHORT, encoding="utf-8")
    monkeypatch.setitem(sys.modules, "dask", None)
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(DependencyError, match=r"needs dask and distributed.*pip install") as caught:
        corpus.analyze_many_dask(tmp_path)
    assert isinstance(caught.value, AnalysisError) and not isinstance(caught.value, ArticleError)


def test_each_entry_of_a_list_is_a_file_folder_or_pattern(tmp_path):
    for folder in ("x", "y", "z"):
        (tmp_path / folder).mkdir()
        for name in ("one.txt", "two.txt"):
            (tmp_path / folder / name).write_text(SHORT, encoding="utf-8")
    items = collect_items([tmp_path / "x", str(tmp_path / "y" / "t*.txt"),
                           str(tmp_path / "z" / "one.txt")])  # fmt: skip
    assert [i for i, _ in items] == ["x/one", "x/two", "y/two", "z/one"]


def test_an_empty_list_or_an_empty_entry_is_a_usage_error(tmp_path, monkeypatch):
    (tmp_path / "here.txt").write_text(SHORT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # an empty entry must not read this folder
    with pytest.raises(UsageError, match="list of inputs is empty"):
        analyze_many([], progress=False)
    with pytest.raises(UsageError, match="empty string"):
        analyze_many([str(tmp_path / "here.txt"), ""], progress=False)
    with pytest.raises(UsageError, match="not 3"):
        collect_items([3])  # type: ignore[list-item]


def test_a_missing_path_in_a_list_is_an_error_not_an_error_row(tmp_path):
    (tmp_path / "here.txt").write_text(SHORT, encoding="utf-8")
    with pytest.raises(ArticleError, match=r"nope\.txt: no such file or folder"):
        analyze_many([tmp_path / "here.txt", tmp_path / "nope.txt"], progress=False)


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_read_errors_gives_the_error_column_of_a_summary_file(tmp_path, suffix):
    (tmp_path / "good.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    out = tmp_path / f"summary{suffix}"
    assert write_summaries(tmp_path, out, progress=False) == 2
    errors = corpus.read_errors(out)
    assert errors[1] is None  # good.txt, after empty.txt
    assert errors[0].startswith("ArticleError: ") and "empty" in errors[0]
