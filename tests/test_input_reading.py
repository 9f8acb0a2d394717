"""Reading an article: the size limit holds while reading, only regular files are opened,
binary input is found wherever it is, UTF-16/32 with a byte-order mark is read, and text is
told apart from a path without touching the file system in a way that can fail."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from analysis import ArticleError, load_article
from analysis.article import read_bytes
from tests.conftest import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize("length", [256, 300, 1000, 4096, 5000])
def test_one_line_text_is_text_not_a_file_name(length):
    sentence = "The ministers met in Tokyo and agreed on closer ties. "
    text = (sentence * (length // len(sentence) + 1))[:length]
    article = load_article(text)  # no "file name too long"
    assert article.body_sentences[0].text == sentence.strip()


def test_long_path_like_string_is_an_article_error():
    with pytest.raises(ArticleError, match="file name too long"):
        load_article("x" * 300 + ".txt")


def test_symlink_loop_says_so(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    for source in (tmp_path / "a.txt", str(tmp_path / "a.txt")):
        with pytest.raises(ArticleError, match="symlink loop"):
            load_article(source)


def test_broken_symlink_says_so(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "gone.txt")
    with pytest.raises(ArticleError, match="broken symbolic link"):
        load_article(tmp_path / "a.txt")


def test_fifo_is_refused_without_waiting(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    script = (
        "import sys\nfrom analysis import ArticleError, load_article\n"
        "try:\n    load_article(sys.argv[1])\nexcept ArticleError as error:\n    print(error)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(fifo)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert "is a named pipe (FIFO), not a regular file" in result.stdout, result.stderr


def test_device_is_refused():
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    with pytest.raises(ArticleError, match="character device, not a regular file"):
        load_article("/dev/zero")


class EndlessStream(io.RawIOBase):
    """Like /dev/zero or `yes`: never ends; counts what was read."""

    def __init__(self) -> None:
        self.read_so_far = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        buffer[:] = b"y\n" * (len(buffer) // 2) + b"y" * (len(buffer) % 2)
        self.read_so_far += len(buffer)
        return len(buffer)


def test_a_stream_is_read_up_to_the_limit_only():
    stream = EndlessStream()
    with pytest.raises(ArticleError, match=r"input is more than 1 KB; articles over 1 KB"):
        read_bytes(io.BufferedReader(stream), max_bytes=1000)
    assert stream.read_so_far < 100_000


def test_a_file_growing_after_stat_is_still_limited(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"a" * 2000)
    assert len(read_bytes(path, max_bytes=2000)) == 2000
    with pytest.raises(ArticleError, match=r"2\.0 KB; articles over 1.5 KB are refused"):
        read_bytes(path, max_bytes=1500)


@pytest.mark.parametrize("bad", [b"\x00", b"\x01", b"\x1b[31m", b"\x7f\x00"])
def test_binary_anywhere_in_the_input(bad):
    raw = SEED.read_bytes() * 3  # past the first 8 KB
    assert len(raw) > 8192
    with pytest.raises(ArticleError, match=r"looks binary \((a NUL byte at offset|control)"):
        load_article(raw + bad + b" and more text.")


def test_tab_form_feed_and_line_ends_are_text():
    article = load_article(b"Headline\n\nOne\tsentence here.\x0c\r\nAnother one here.\n")
    assert len(article.body_sentences) == 2


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-32-be", "utf-8-sig"])
def test_unicode_with_a_byte_order_mark(codec, tmp_path):
    raw = SEED_TEXT.encode(codec)
    if codec.endswith("-be"):  # the explicit-endian codecs write no mark: add it
        raw = "\ufeff".encode(codec) + raw
    path = tmp_path / "article.txt"
    path.write_bytes(raw)
    for source in (raw, path):
        article = load_article(source)
        assert len(article.body_sentences) == 28
        assert article.text == load_article(SEED).text


def test_utf16_without_mark_is_binary_unless_named():
    raw = SEED_TEXT.encode("utf-16-le")
    with pytest.raises(ArticleError, match=r"pass encoding= \(e\.g\. utf-16-le\)"):
        load_article(raw)
    assert len(load_article(raw, encoding="utf-16-le").body_sentences) == 28


def test_size_error_names_the_api_keyword():
    with pytest.raises(ArticleError, match="pass max_bytes= to load_article"):
        load_article(SEED, max_bytes=1000)
