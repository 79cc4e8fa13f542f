"""Reading articles: files, folders, globs, text, language, headline and layout labels."""

from __future__ import annotations

import json

import pytest

from kg import Article
from kg.errors import InputError
from kg.ingest import detect_language, iter_articles


def _articles(source):
    return [a for a in iter_articles(source) if isinstance(a, Article)]


def _errors(source):
    return [str(e) for e in iter_articles(source) if isinstance(e, InputError)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("La Russie et la Corée du Nord ont renforcé leur coopération militaire.", "fr"),
        ("Russia and North Korea have strengthened their military cooperation.", "en"),
        ("Le président a rencontré son homologue à Pékin mercredi.", "fr"),
        ("The president met his counterpart in Beijing on Wednesday.", "en"),
    ],
)
def test_language_detection(text, lang):
    assert detect_language(text) == lang


def test_seed_headline_and_structure(root):
    (article,) = _articles(root / "seeds")
    assert article.lang == "fr"
    assert article.headline.startswith("Les visées militaires")
    labels = [article.text[s:e].strip() for s, e in article.structure]
    assert labels == ["Titre :", "Introduction :", "Conclusion :"]


def test_folder_glob_text_and_articles(tmp_path):
    (tmp_path / "a.txt").write_text("Title: A\n\nParis hosted talks on Monday.", encoding="utf-8")
    (tmp_path / "b.md").write_text("# B\n\nLe Kremlin a démenti.", encoding="utf-8")
    (tmp_path / "ignored.bin").write_bytes(b"\x00\x01")
    assert len(_articles(tmp_path)) == 2
    assert len(_articles(str(tmp_path / "*.md"))) == 1
    assert _articles("Washington and Tokyo signed a defence pact on Friday.")[0].lang == "en"
    given = Article(text="Berlin a condamné l'attaque.", lang="fr")
    assert _articles([given]) == [given]


def test_jsonl_keeps_good_lines_and_names_bad_ones(tmp_path):
    path = tmp_path / "feed.jsonl"
    good = {"text": "Moscow condemned the sanctions.", "url": "https://example.org/1", "published": "2024-03-12"}
    path.write_text(json.dumps(good) + "\n{broken\n" + json.dumps({"title": "no text"}) + "\n", encoding="utf-8")
    (article,) = _articles(path)
    assert article.url == "https://example.org/1" and article.published.isoformat() == "2024-03-12"
    errors = _errors(path)
    assert len(errors) == 2 and f"{path}:2" in errors[0] and f"{path}:3" in errors[1]


def test_bad_inputs_get_one_line_errors(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    errors = _errors([tmp_path / "empty.txt", tmp_path / "binary.txt", tmp_path / "missing.txt"])
    assert len(errors) == 3
    assert all("\n" not in e for e in errors)
    assert "empty" in errors[0] and "binary" in errors[1] and "no such file" in errors[2]


def test_latin1_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("La Défense a réagi à Genève.".encode("cp1252"))
    warnings: list[str] = []
    (article,) = [a for a in iter_articles(path, warnings=warnings) if isinstance(a, Article)]
    assert "Défense" in article.text and warnings and str(path) in warnings[0]


def test_article_identity_is_stable():
    a = Article(text="Same text.")
    assert a.id == Article(text="Same text.").id != Article(text="Other text.").id
    assert Article(text="v1", url="https://x/1").id == Article(text="v2", url="https://x/1").id


@pytest.mark.parametrize(
    ("text", "day", "dateline"),
    [
        ("Téhéran, 12 mars 2024 — L'Iran a convoqué l'ambassadeur.", "2024-03-12", "Téhéran, 12 mars 2024 —"),
        ("JUBA, March 27, 2025 (Reuters) - South Sudanese forces placed Riek Machar under arrest.", "2025-03-27", "JUBA, March 27, 2025 (Reuters) -"),
        ("Titre\n\nBamako, 11 décembre 2023 — La Minusma a achevé son retrait.", "2023-12-11", "Bamako, 11 décembre 2023 —"),
        ("Russia, which backs Syria, said - again - that it would veto the text.", None, None),
    ],
)
def test_dateline_gives_date_and_span(text, day, dateline):
    from kg.ingest.dateline import dateline_date, dateline_span

    found = dateline_date(text)
    assert (found.isoformat() if found else None) == day
    span = dateline_span(text)
    assert (text[span[0]:span[1]].strip() if span else None) == dateline
