"""Bad input, file by file: each problem is one line naming the file, and the rest is read."""

from __future__ import annotations

import codecs
import json
import os
import tracemalloc
from pathlib import Path

import pytest

from kg import Article
from kg.errors import InputError
from kg.ingest import iter_articles
from kg.settings import Settings

DATA = Path(__file__).parent / "data"
GOOD = "Le président français a rencontré le chancelier allemand à Berlin lundi."


def read(source, **settings):
    """(articles, error lines, warning lines) for anything ``ingest`` accepts."""
    warnings: list[str] = []
    results = list(iter_articles(source, Settings(**settings), warnings))
    articles = [r for r in results if isinstance(r, Article)]
    errors = [str(r) for r in results if isinstance(r, InputError)]
    assert len(articles) + len(errors) == len(results)
    assert all("\n" not in line for line in errors + warnings)
    return articles, errors, warnings


def only_error(source, **settings) -> str:
    articles, errors, _ = read(source, **settings)
    assert articles == [] and len(errors) == 1, errors
    return errors[0]


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", "\u00a0\u2003\n".encode()])
def test_empty_and_whitespace_only_files(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    error = only_error(path)
    assert error.startswith(str(path)) and "empty text" in error


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4),
        ("archive.md", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + os.urandom(2048)),
        ("controls.txt", bytes(range(1, 9)) * 200),
        ("page.html", b"\x00\x01\x02\x03" * 100),
    ],
)
def test_binary_content_under_a_text_extension(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    error = only_error(path)
    assert error.startswith(str(path)) and "binary content" in error


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_windows_1252_and_latin_1_are_decoded_with_a_warning(tmp_path, encoding):
    text = "Le ministre a déclaré à Genève : « coopération » — fin."
    if encoding == "latin-1":
        text = text.replace("—", "-")
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    (article,), errors, warnings = read(path)
    assert article.text == text and errors == []
    assert warnings == [f"{path}: not UTF-8, decoded as Windows-1252/Latin-1"]


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_unicode_with_a_byte_order_mark(tmp_path, bom, encoding):
    path = tmp_path / "bom.txt"
    path.write_bytes(bom + GOOD.encode(encoding))
    (article,), errors, warnings = read(path)
    assert article.text == GOOD and errors == [] and warnings == []


def test_utf16_without_a_byte_order_mark_is_named_as_the_likely_cause(tmp_path):
    path = tmp_path / "nobom.txt"
    path.write_bytes(GOOD.encode("utf-16-le"))
    assert "UTF-16 needs a byte-order mark" in only_error(path)


def test_truncated_utf16_is_an_error_not_a_crash(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le")[:-1])
    assert "invalid UTF-16 text" in only_error(path)


def test_html_page_keeps_the_article_and_drops_scripts_navigation_and_footer():
    (article,), errors, _ = read(DATA / "news_page.html")
    assert errors == []
    assert "Vladimir Putin met Kim Jong-un in Pyongyang" in article.text
    assert "artillery shells used in Ukraine" in article.text
    for boilerplate in (
        "TRACKING_PIXEL_PAYLOAD",
        "INLINE_SCRIPT_PAYLOAD",
        "TRAILING_SCRIPT_PAYLOAD",
        "NAV_SPORT_LINK",
        "COOKIE_BANNER_TEXT",
        "RELATED_LINK_ONE",
        "FOOTER_TEXT",
        "font-family",
        "<",
    ):
        assert boilerplate not in article.text
    assert article.headline == "Russia and North Korea sign defence pact"
    assert article.url == "https://news.example.org/world/russia-north-korea-pact"
    assert article.published.isoformat() == "2024-06-19"
    assert article.lang == "en"


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><script>alert(1)</script><style>p { color: red }</style></head><body><script>x()</script></body></html>",
        "<html><body></body></html>",
        "<html><body><p>   </p><div>\n\t</div></body></html>",
    ],
)
def test_html_without_article_text(tmp_path, html):
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    error = only_error(path)
    assert error.startswith(str(path))


def test_a_reader_that_fails_unexpectedly_costs_one_file(tmp_path, monkeypatch):
    import trafilatura

    def broken(*_args, **_kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    (tmp_path / "a.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    articles, errors, _ = read(tmp_path)
    assert [a.source for a in articles] == [str(tmp_path / "b.txt")]
    assert errors == [f"{tmp_path / 'a.html'}: cannot read file (RecursionError: maximum recursion depth exceeded)"]


def test_jsonl_keeps_good_lines_and_reports_each_bad_line_number(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": GOOD, "url": "https://example.org/1"}),
        "{broken",
        "",
        json.dumps({"title": "no text"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": 42}),
        json.dumps({"text": "   "}),
        json.dumps({"text": GOOD, "url": ["not", "a", "string"]}),
        json.dumps({"text": GOOD, "lang": 5}),
        "[" * 100_000 + "]" * 100_000,
        json.dumps({"text": "Russia condemned the strikes.", "url": "https://example.org/2"}),
        json.dumps({"text": GOOD + " bis", "title": "last line, no newline"}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    articles, errors, _ = read(path)
    assert [a.url for a in articles] == ["https://example.org/1", "https://example.org/2", None]
    assert articles[-1].headline == "last line, no newline"
    assert [e.split(": ", 1)[0] for e in errors] == [f"{path}:{n}" for n in (2, 4, 5, 6, 7, 8, 9, 10)]
    assert "broken JSON line" in errors[0] and "no 'text' string" in errors[1]
    assert "empty text" in errors[4] and "'url' must be a string" in errors[5] and "'lang' must be a string" in errors[6]
    assert "nested too deeply" in errors[7]


def test_jsonl_in_other_encodings(tmp_path):
    record = json.dumps({"text": "La Défense a réagi à Genève."}, ensure_ascii=False) + "\n"
    utf16 = tmp_path / "utf16.jsonl"
    utf16.write_bytes(codecs.BOM_UTF16_LE + (record * 2).encode("utf-16-le"))
    bom8 = tmp_path / "bom8.jsonl"
    bom8.write_bytes(codecs.BOM_UTF8 + record.encode("utf-8"))
    legacy = tmp_path / "legacy.jsonl"
    legacy.write_bytes(record.encode("cp1252") * 3)
    for path, count in ((utf16, 2), (bom8, 1), (legacy, 3)):
        articles, errors, warnings = read(path)
        assert errors == [] and len(articles) == count
        assert all(a.text == "La Défense a réagi à Genève." for a in articles)
        assert warnings == ([f"{legacy}: not UTF-8, lines decoded as Windows-1252/Latin-1"] if path == legacy else [])


def test_binary_file_named_jsonl(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(256)) * 64)
    assert "binary content" in only_error(path)


def test_many_bad_jsonl_lines_are_capped(tmp_path):
    path = tmp_path / "csv.jsonl"
    path.write_text("\n".join(f"a,b,{n}" for n in range(500)), encoding="utf-8")
    articles, errors, _ = read(path)
    assert articles == [] and len(errors) == 51
    assert errors[-1] == f"{path}: 450 more bad lines skipped (the first 50 are listed)"


def test_jsonl_feed_over_the_file_limit_is_streamed_with_the_limit_per_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    filler = "Analysts followed the talks. " * 1500
    with path.open("w", encoding="utf-8") as handle:
        for n in range(300):
            handle.write(json.dumps({"text": f"{n}. {GOOD} {filler}", "url": f"https://example.org/{n}"}) + "\n")
        handle.write(json.dumps({"text": "x" * 300_000}) + "\n")
        handle.write(json.dumps({"text": GOOD, "url": "https://example.org/last"}) + "\n")
    size = path.stat().st_size
    limit = 200_000
    assert size > 40 * limit
    tracemalloc.start()
    try:
        count = 0
        errors = []
        for item in iter_articles(path, Settings(max_file_bytes=limit)):
            if isinstance(item, InputError):
                errors.append(str(item))
            else:
                count += 1
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 301
    assert errors == [f"{path}:301: line is 300,012 bytes, over the 200,000-byte limit; line skipped"]
    assert peak < size / 5, f"peak {peak:,} bytes for a {size:,}-byte feed: not streamed"


def test_files_over_the_limit_are_refused_without_being_read(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_text(GOOD * 100, encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text(GOOD, encoding="utf-8")
    opened = []
    real_open = Path.open

    def spy(self, *args, **kwargs):
        opened.append(self.name)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    articles, errors, _ = read(tmp_path, max_file_bytes=1000)
    assert [a.text for a in articles] == [GOOD]
    size = big.stat().st_size
    assert errors == [f"{big}: file is {size:,} bytes, over the 1,000-byte limit (raise it with --max-bytes)"]
    assert "big.txt" not in opened


def test_a_file_that_grows_past_the_limit_after_stat_is_still_refused(tmp_path, monkeypatch):
    from kg.ingest import readers

    path = tmp_path / "growing.txt"
    path.write_text(GOOD, encoding="utf-8")
    real_read = readers._read_at_most

    def grow_then_read(target, limit):
        target.write_text(GOOD * 100, encoding="utf-8")
        return real_read(target, limit)

    monkeypatch.setattr(readers, "_read_at_most", grow_then_read)
    assert "over the 1,000-byte limit" in only_error(path, max_file_bytes=1000)


def test_article_text_over_the_character_limit(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(GOOD * 40, encoding="utf-8")
    error = only_error(path, max_article_chars=1000)
    assert error == f"{path}: text is {len(GOOD) * 40:,} characters, over the 1,000-character limit per article; split it into several articles"
    assert "over the 1,000-character limit" in only_error([Article(text=GOOD * 40)], max_article_chars=1000)


def test_missing_paths_and_empty_globs(tmp_path):
    assert only_error(tmp_path / "missing.txt") == f"{tmp_path / 'missing.txt'}: no such file or folder"
    assert only_error(str(tmp_path / "*.nothing")) == f"{tmp_path / '*.nothing'}: no file matches this pattern"


def test_unsupported_file_type_given_by_name(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7")
    assert "unsupported file type '.pdf'" in only_error(path)


def test_symbolic_link_loops_and_broken_links(tmp_path):
    folder = tmp_path / "feed"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    os.symlink(folder / "loop-b.txt", folder / "loop-a.txt")
    os.symlink(folder / "loop-a.txt", folder / "loop-b.txt")
    os.symlink(folder / "gone.txt", folder / "dangling.txt")
    os.symlink(folder, folder / "itself")
    articles, errors, _ = read(folder)
    assert [a.source for a in articles] == [str(folder / "good.txt")]
    assert sorted(errors) == [
        f"{folder / 'dangling.txt'}: no such file (or a broken symbolic link)",
        f"{folder / 'loop-a.txt'}: symbolic link loop",
        f"{folder / 'loop-b.txt'}: symbolic link loop",
    ]
    assert only_error(folder / "loop-a.txt") == f"{folder / 'loop-a.txt'}: broken or looping symbolic link"


def test_fifo_and_device_are_refused_without_blocking(tmp_path):
    folder = tmp_path / "feed"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    articles, errors, _ = read(folder)
    assert len(articles) == 1
    assert errors == [f"{folder / 'pipe.txt'}: not a regular file (a folder, device, pipe or socket)"]
    assert "not a regular file or folder" in only_error(os.devnull)


def test_unreadable_file_simulated_with_permission_error(tmp_path, monkeypatch):
    """Tests may run as root, who reads any file: the refusal is simulated here.

    ``tests/cli/test_bad_input_cli.py`` makes a real chmod 000 file unreadable by dropping
    the capabilities that let root bypass file permissions.
    """
    secret = tmp_path / "secret.txt"
    secret.write_text(GOOD, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    real_open = Path.open

    def deny(self, *args, **kwargs):
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    articles, errors, _ = read(tmp_path)
    assert len(articles) == 1
    assert errors == [f"{secret}: cannot read file (Permission denied)"]


def test_a_folder_named_like_a_file_is_read_as_a_folder(tmp_path):
    folder = tmp_path / "x.txt"
    folder.mkdir()
    (folder / "inner.txt").write_text(GOOD, encoding="utf-8")
    articles, errors, _ = read(folder)
    assert errors == [] and [a.source for a in articles] == [str(folder / "inner.txt")]


def test_globs_expand_folders_they_match(tmp_path):
    for name in ("2024-01", "2024-02"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.txt").write_text(f"{GOOD} {name}", encoding="utf-8")
    articles, errors, _ = read(str(tmp_path / "2024-*"))
    assert errors == [] and len(articles) == 2


def test_lone_surrogates_become_replacement_characters(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "Paris \\ud800 hosted talks \\udfff.", "title": "T \\udc80"}\n', encoding="utf-8")
    (article,), errors, _ = read(path)
    assert errors == [] and article.text == "Paris \ufffd hosted talks \ufffd." and article.headline == "T \ufffd"
    (article,), _, _ = read([Article(text="Berlin \ud83d a condamné", headline="\udfff")])
    assert article.text == "Berlin \ufffd a condamné" and article.headline == "\ufffd"
    article.sha256  # encodable


def test_pathological_path_strings_are_errors_not_crashes():
    for target in ("a\x00b.txt", "\ud800.txt", "*" * 300, "x" * 300 + ".txt", "[", os.devnull):
        _articles, errors, _ = read(target)
        assert len(errors) == 1, target


def test_a_one_line_article_gets_a_bounded_headline():
    (article,), _, _ = read("word " * 2000)
    assert len(article.headline) <= 500 and article.headline.endswith("…")
