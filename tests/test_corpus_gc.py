"""Many articles: a batch leaves the garbage collector as it found it, however it ends."""

from __future__ import annotations

import gc

import pytest

from analysis import corpus
from analysis.corpus import analyze_many, summarize_many, write_summaries

SHORT = "Talks end\n\nTOKYO. Japan and the United States met on Sunday.\n"


@pytest.fixture
def folder(tmp_path):
    for i in range(4):
        (tmp_path / f"a{i}.txt").write_text(SHORT, encoding="utf-8")
    return tmp_path


@pytest.fixture(autouse=True)
def gc_untouched():
    assert gc.isenabled() and gc.get_freeze_count() == 0
    yield
    gc.unfreeze()
    gc.enable()


#: The collector as the test found it: enabled, nothing frozen, its own thresholds.
CLEAN = (True, 0, gc.get_threshold())


def state() -> tuple[bool, int, tuple[int, int, int]]:
    return gc.isenabled(), gc.get_freeze_count(), gc.get_threshold()


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_consumed_to_the_end(folder, n_jobs):
    assert len(list(summarize_many(folder, n_jobs=n_jobs, progress=False))) == 4
    assert state() == CLEAN
    analyze_many(folder, n_jobs=n_jobs, progress=False)
    assert state() == CLEAN
    write_summaries(folder, folder / "out.csv", n_jobs=n_jobs, progress=False)
    assert state() == CLEAN


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_consumed_half_way_then_closed(folder, n_jobs):
    rows = summarize_many(folder, n_jobs=n_jobs, progress=False)
    next(rows)
    rows.close()
    assert state() == CLEAN


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_consumed_half_way_then_dropped(folder, n_jobs):
    rows = summarize_many(folder, n_jobs=n_jobs, progress=False)
    next(rows)
    del rows
    assert state() == CLEAN


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_the_consumer_fails_half_way(folder, n_jobs):
    def consume() -> None:
        for _ in summarize_many(folder, n_jobs=n_jobs, progress=False):
            raise RuntimeError("the consumer's own error")

    with pytest.raises(RuntimeError, match="consumer's own"):
        consume()
    assert state() == CLEAN


def test_an_error_inside_the_batch(folder, monkeypatch):
    def fail(item):
        raise KeyboardInterrupt

    monkeypatch.setattr(corpus, "_summarize_item", fail)
    with pytest.raises(KeyboardInterrupt):
        write_summaries(folder, folder / "out.csv", progress=False)
    assert state() == CLEAN


def test_pool_workers_freeze_their_own_heap_not_the_callers(folder):
    rows = summarize_many(folder, n_jobs=2, progress=False)
    next(rows)
    assert state() == CLEAN  # while the batch runs, too
    rows.close()


def test_the_callers_freeze_and_disabled_gc_are_left_exactly(folder):
    gc.disable()
    gc.freeze()
    frozen = gc.get_freeze_count()
    rows = summarize_many(folder, progress=False)
    next(rows)
    rows.close()
    assert state() == (False, frozen, CLEAN[2])
    list(summarize_many(folder, progress=False))
    assert state() == (False, frozen, CLEAN[2])


def _worker_gc_state(item):
    return {"article_id": item[0], "frozen": gc.get_freeze_count()}


def test_the_worker_initializer_freezes_the_dictionaries(folder, monkeypatch):
    monkeypatch.setattr(corpus, "_summarize_item", _worker_gc_state)
    rows = list(summarize_many(folder, n_jobs=2, progress=False))
    assert [row["article_id"] for row in rows] == ["a0", "a1", "a2", "a3"]
    assert all(row["frozen"] > 10_000 for row in rows)  # the dictionaries, in the worker
    assert state() == CLEAN


def test_a_batch_collects_the_young_generation_less_often_then_restores_it(folder, monkeypatch):
    seen = []
    summarize = corpus._summarize_item

    def record(item):
        seen.append(gc.get_threshold()[0])
        return summarize(item)

    monkeypatch.setattr(corpus, "_summarize_item", record)
    write_summaries(folder, folder / "out.csv", progress=False)
    assert seen == [corpus.BATCH_GC_THRESHOLD] * 4
    assert state() == CLEAN
