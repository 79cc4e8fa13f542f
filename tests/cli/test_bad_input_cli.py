"""``kg ingest`` on a folder of bad files: one line per problem, the rest stored, exit 1."""

from __future__ import annotations

import codecs
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = "Le président français a rencontré le chancelier allemand à Berlin lundi."
PAGE = Path(__file__).parents[1] / "ingest" / "data" / "news_page.html"


def kg(*args, prefix=()):
    command = [*prefix, sys.executable, "-m", "kg.cli", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=600)


def _lines(stderr: str, kind: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(f"{kind}: ")]


@pytest.mark.slow
def test_a_folder_of_bad_files_reports_each_once_and_stores_the_rest(tmp_path):
    feed = tmp_path / "feed"
    feed.mkdir()
    (feed / "empty.txt").write_bytes(b"")
    (feed / "blank.md").write_text(" \n\t\n", encoding="utf-8")
    (feed / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    (feed / "legacy.txt").write_bytes("La Défense a réagi à Genève, a déclaré le ministre.".encode("cp1252"))
    (feed / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le"))
    shutil.copy(PAGE, feed / "page.html")
    (feed / "big.txt").write_text(GOOD * 100, encoding="utf-8")
    records = [json.dumps({"text": f"{GOOD} ({n})", "url": f"https://example.org/{n}"}) for n in range(80)]
    records[3] = "{not json"
    records[40] = json.dumps({"text": "x" * 6000})
    (feed / "feed.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    os.symlink(feed / "loop-b.txt", feed / "loop-a.txt")
    os.symlink(feed / "loop-a.txt", feed / "loop-b.txt")
    os.mkfifo(feed / "pipe.txt")
    assert (feed / "feed.jsonl").stat().st_size > 5000

    result = kg("ingest", feed, tmp_path / "missing.txt", "--store", tmp_path / "store", "--max-bytes", 5000)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = _lines(result.stderr, "error")
    assert len(errors) + len(_lines(result.stderr, "warning")) == len(result.stderr.splitlines())
    expected = {
        "empty.txt": "empty text",
        "blank.md": "empty text",
        "image.txt": "binary content",
        "big.txt": "over the 5,000-byte limit",
        "feed.jsonl:4": "broken JSON line",
        "feed.jsonl:41": "over the 5,000-byte limit; line skipped",
        "loop-a.txt": "symbolic link loop",
        "loop-b.txt": "symbolic link loop",
        "pipe.txt": "not a regular file",
        "missing.txt": "no such file or folder",
    }
    assert len(errors) == len(expected), errors
    for name, problem in expected.items():
        (line,) = [e for e in errors if f"/{name}: " in e]
        assert problem in line, line
    assert _lines(result.stderr, "warning") == [f"warning: {feed / 'legacy.txt'}: not UTF-8, decoded as Windows-1252/Latin-1"]
    assert result.stdout.startswith("81 articles stored, 0 unchanged,")
    assert result.stdout.rstrip().endswith(f"{len(expected)} failed")


def _unprivileged() -> list[str] | None:
    """A command prefix under which file permissions apply, or None if there is none."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


@pytest.mark.slow
def test_a_really_unreadable_file_and_folder(tmp_path):
    """chmod 000 for real; as root, the capabilities that bypass permissions are dropped first."""
    prefix = _unprivileged()
    if prefix is None:
        pytest.skip("running as root without setpriv: permissions cannot be enforced")
    feed = tmp_path / "feed"
    feed.mkdir()
    (feed / "good.txt").write_text(GOOD, encoding="utf-8")
    secret = feed / "secret.txt"
    secret.write_text(GOOD + " secret", encoding="utf-8")
    locked = feed / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(GOOD, encoding="utf-8")
    secret.chmod(0)
    locked.chmod(0)
    try:
        result = kg("ingest", feed, "--store", tmp_path / "store", prefix=prefix)
    finally:
        secret.chmod(0o644)
        locked.chmod(0o755)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(_lines(result.stderr, "error")) == [
        f"error: {locked}: cannot open folder (Permission denied)",
        f"error: {secret}: cannot read file (Permission denied)",
    ]
    assert result.stdout.startswith("1 articles stored")


@pytest.mark.parametrize(
    ("setup", "command", "message"),
    [
        ("foreign", "ingest", "folder is not empty and holds no store; give a new or empty folder to --store"),
        ("file", "ingest", "is a file, not a store folder"),
        ("corrupt", "stats", "cannot open the store (Corruption"),
        ("empty", "query", "no store here"),
        ("missing", "export", "no store here"),
    ],
)
def test_bad_store_folders_are_one_line_errors(tmp_path, setup, command, message):
    store = tmp_path / "store"
    if setup == "foreign":
        store.mkdir()
        (store / "notes.txt").write_text("my notes", encoding="utf-8")
    elif setup == "file":
        store.write_text("not a folder", encoding="utf-8")
    elif setup == "corrupt":
        store.mkdir()
        (store / "CURRENT").write_text("garbage\n", encoding="utf-8")
    elif setup == "empty":
        store.mkdir()
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    args = {
        "ingest": ("ingest", article),
        "stats": ("stats",),
        "query": ("query", "ASK { ?s ?p ?o }"),
        "export": ("export", tmp_path / "out.trig"),
    }[command]
    result = kg(*args, "--store", store)
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: {store}: ") and message in result.stderr
    assert len(result.stderr.splitlines()) == 1
    if setup == "foreign":
        assert sorted(p.name for p in store.iterdir()) == ["notes.txt"]


def test_max_bytes_and_remove_have_help():
    result = kg("ingest", "--help")
    assert result.returncode == 0 and "--max-bytes" in result.stdout
    result = kg("remove", "--help")
    assert result.returncode == 0 and "id, IRI or URL" in result.stdout
