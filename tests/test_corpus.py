"""Many articles: corpus results equal single-article results; failures are recorded."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from analysis import ArticleError, load_article
from analysis.corpus import (
    SUMMARY_COLUMNS,
    analyze_article,
    analyze_many,
    analyze_many_dask,
    collect_items,
    summarize_many,
    summary_row,
    write_summaries,
)
from tests.conftest import SEED

OTHER = (
    "Beijing rejects statement\n\n"
    "BEIJING (Agency) — China's foreign ministry rejected the joint statement on Friday. "
    '"We firmly oppose it," spokesman Lin Jian said.\n\n'
    "The ministry called on Japan to stop what it described as provocations.\n"
)


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a_seed.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "b_broken.txt").write_bytes(b"\x00\x01\x02 not text" * 10)
    (tmp_path / "c_other.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    return tmp_path


def test_corpus_rows_equal_single_article_results(folder):
    result = analyze_many(folder, progress=False)
    assert list(result.summary.columns) == SUMMARY_COLUMNS
    assert list(result.summary["article_id"]) == ["a_seed", "b_broken", "c_other"]
    seed = result.summary.iloc[0]
    alone = summary_row(load_article(folder / "a_seed.txt"))
    for column in SUMMARY_COLUMNS:
        assert seed[column] == alone[column] or (pd.isna(seed[column]) and alone[column] is None)
    single = analyze_article(load_article(folder / "c_other.txt", article_id="c_other"))
    quotes = result.quotes[result.quotes["article_id"] == "c_other"].reset_index(drop=True)
    pd.testing.assert_frame_equal(quotes, single.quotes)


def test_summary_row_agrees_with_the_tables(seed):
    """The summary row is read from the per-article records; the public tables agree."""
    from analysis import framing, sentiment, terms

    row = summary_row(seed)
    mood = sentiment.sentiment_by(seed, "article").iloc[0]
    assert (row["mean_compound"], row["mean_domain_tone"]) == (
        mood["mean_compound"], mood["mean_domain_tone"],
    )  # fmt: skip
    salience = framing.actor_salience(seed)
    assert row["n_actors"] == len(salience) and row["top_actor"] == salience["actor"].iloc[0]
    quotes = framing.unnest_quotes(seed)
    assert row["n_quotes"] == quotes["kind"].isin(["direct", "partial"]).sum()
    assert row["n_reported"] == (quotes["kind"] == "indirect").sum() == 1
    assert row["n_direct_quotes"] == (quotes["kind"] == "direct").sum()
    voices = framing.quote_share(seed, "actor")
    attributed = voices[voices["actor"] != "(unattributed)"]
    assert row["most_quoted_actor"] == attributed["actor"].iloc[0]
    counts = terms.term_counts(seed).head(10)
    assert row["top_terms"] == "; ".join(counts["term"])
    frames = framing.sentence_frames(seed)
    body = frames[frames["part"] == "body"]
    for name in framing.load_frames().categories:
        assert row[f"frame_{name}"] == body[name].sum()


def test_an_unreadable_file_in_the_middle_is_recorded_and_the_run_goes_on(folder):
    summary = analyze_many(folder, progress=False).summary.set_index("article_id")
    assert "looks binary" in summary.loc["b_broken", "error"]
    assert pd.isna(summary.loc["a_seed", "error"]) and pd.isna(summary.loc["c_other", "error"])
    assert summary.loc["a_seed", "sentences"] == 28
    assert summary.loc["c_other", "n_quotes"] == 1  # Lin Jian's, not in the actor dictionary
    # a spokesman in a story datelined BEIJING: China's, without a dictionary entry
    assert summary.loc["c_other", "most_quoted_actor"] == "China"


def test_long_tables_are_keyed_by_article(folder):
    result = analyze_many(folder, progress=False)
    assert set(result.sentences["article_id"]) == {"a_seed", "c_other"}
    assert (result.sentences["article_id"] == "a_seed").sum() == 29
    actors = result.actors[result.actors["article_id"] == "a_seed"].set_index("actor")
    assert actors.loc["China", "role"] == "problem"
    assert actors.loc["Japan", "mentions"] == 24


def test_two_processes_give_the_same_results(folder):
    one = analyze_many(folder, progress=False)
    two = analyze_many(folder, n_jobs=2, progress=False)
    pd.testing.assert_frame_equal(one.summary, two.summary)
    pd.testing.assert_frame_equal(one.quotes, two.quotes)


def test_dataframe_input():
    frame = pd.DataFrame({"article_id": ["x", "y"], "text": [SEED.read_text(), OTHER]})
    summary = analyze_many(frame, progress=False).summary
    assert list(summary["article_id"]) == ["x", "y"]
    assert summary.loc[0, "words"] == 627
    with pytest.raises(ArticleError, match="'text' column"):
        collect_items(pd.DataFrame({"body": ["x"]}))


def test_empty_folder_and_unmatched_glob(tmp_path):
    with pytest.raises(ArticleError, match=r"no \.txt files"):
        analyze_many(tmp_path)
    with pytest.raises(ArticleError, match="no file matches"):
        analyze_many(str(tmp_path / "*.txt"))


def test_glob_input(folder):
    items = collect_items(str(folder / "[ac]_*.txt"))
    assert [article_id for article_id, _ in items] == ["a_seed", "c_other"]


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_streaming_summaries_to_files(folder, tmp_path, suffix):
    out = tmp_path / f"out{suffix}"
    assert write_summaries(folder, out, progress=False, chunk_rows=1) == 3
    table = pd.read_csv(out) if suffix == ".csv" else pd.read_parquet(out)
    assert list(table.columns) == SUMMARY_COLUMNS
    assert list(table["article_id"]) == ["a_seed", "b_broken", "c_other"]
    expected = analyze_many(folder, progress=False).summary
    assert table["flesch_reading_ease"].iloc[0] == pytest.approx(
        expected["flesch_reading_ease"].iloc[0])  # fmt: skip


def test_dask_path_equals_the_in_process_path(folder):
    pytest.importorskip("distributed")
    on_dask = analyze_many_dask(folder, n_workers=2)
    in_process = analyze_many(folder, progress=False).summary
    pd.testing.assert_frame_equal(on_dask, in_process)


def test_cli_folder_to_csv(folder, tmp_path):
    out = tmp_path / "summary.csv"
    result = subprocess.run(
        [sys.executable, "-m", "analysis", str(folder), "--csv", str(out)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "3 articles" in result.stderr
    assert len(pd.read_csv(out)) == 3


def test_cli_empty_folder_is_one_line(tmp_path):
    result = subprocess.run([sys.executable, "-m", "analysis", str(tmp_path)],
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "no .txt files" in result.stderr


def test_shuffled_copies_keep_the_seed_counts(seed):
    from benchmarks.corpus import shuffled_copies

    copies = shuffled_copies(seed, 3, random_state=1)
    assert len(set(copies)) == 3 and shuffled_copies(seed, 3, random_state=1) == copies
    for text in copies:
        article = load_article(text)
        assert article.dateline is not None and article.dateline.text == "TOKYO."
        assert (len(article.paragraphs), len(article.body_sentences), len(article.body_words)) == (
            14, 28, 627)  # fmt: skip


def test_top_level_names():
    import analysis

    assert analysis.analyze_many is analyze_many
    assert analysis.write_summaries is write_summaries


def test_a_batch_leaves_the_garbage_collector_as_it_found_it(folder):
    import gc

    assert gc.get_freeze_count() == 0
    summaries = list(summarize_many(folder, progress=False))
    assert len(summaries) == 3 and gc.get_freeze_count() == 0
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        list(summarize_many(folder, progress=False))
        assert gc.get_freeze_count() >= frozen  # the caller's freeze is not undone
    finally:
        gc.unfreeze()
