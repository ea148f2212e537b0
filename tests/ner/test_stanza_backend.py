"""The Stanza backend's torch-free parts: export, word vectors, tag decoding, wiring, import without stanza.

These run with or without ``reportparse[stanza]``; tests/ner/test_stanza.py trains and loads a real model.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from types import SimpleNamespace

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import reportparse
from reportparse.ingest.loader import load_text
from reportparse.ner import stanza_backend
from reportparse.ner.backends import find_organization_mentions
from reportparse.ner.data import Example
from reportparse.ner.stanza_backend import (
    StanzaModelNotFoundError,
    StanzaNotInstalledError,
    check_stanza_model,
    entity_token_ranges,
    stanza_mentions,
)
from reportparse.ner.tokens import token_offsets
from reportparse.pipeline import ParseOptions, extract_tables
from reportparse.training.embeddings import cooccurrence_vectors, write_word2vec_text
from reportparse.training.examples import gold_examples
from reportparse.training.stanza_export import (
    bio_tags,
    example_sentence,
    export_gold,
)
from reportparse.training.stanza_ner import split_dev
from tests.corpus_paths import PROJECT_ROOT

TEXT = (
    "Tədbirdə Azərbaycan Respublikasının Dövlət Miqrasiya Xidmətinin əməkdaşları və "
    "“Təmiz Dünya” Qadınlara Yardım İctimai Birliyi iştirak etmişdir.\n\nİkinci abzasda Azercell və DİN-in nümayəndəsi."
)


def test_export_tags_the_gold_spans_in_bio(tmp_path):
    text = "“İşgəncələr Əleyhinə Araşdırmalar Mərkəzi”ndən və DİN-in\nnümayəndələri."
    end = text.index(" və")
    sentence = example_sentence(Example("x", text, [(0, end), (text.index("DİN"), text.index("\n"))]))
    assert [(t["text"], t["ner"]) for t in sentence] == [
        ("“", "B-ORG"),
        ("İşgəncələr", "I-ORG"),
        ("Əleyhinə", "I-ORG"),
        ("Araşdırmalar", "I-ORG"),
        ("Mərkəzi”ndən", "I-ORG"),
        ("və", "O"),
        ("DİN", "B-ORG"),
        ("-", "I-ORG"),
        ("in", "I-ORG"),
        ("nümayəndələri", "O"),
        (".", "O"),
    ]
    count = export_gold(PROJECT_ROOT / "corpus" / "gold.jsonl", tmp_path / "train.json")
    sentences = json.loads((tmp_path / "train.json").read_text(encoding="utf-8"))
    assert len(sentences) == count >= 250  # 288 paragraphs in our own documents, more with ../shared
    tags = [token["ner"] for sentence in sentences for token in sentence]
    assert set(tags) == {"O", "B-ORG", "I-ORG"}
    examples = gold_examples(PROJECT_ROOT / "corpus" / "gold.jsonl")
    assert tags.count("B-ORG") == sum(len(e.spans) for e in examples)  # every gold mention, none lost
    assert all(token["text"].strip() == token["text"] != "" for sentence in sentences for token in sentence)


def test_bio_tags_snap_outwards_and_drop_overlaps():
    tokens = token_offsets("Ədliyyə Nazirliyinin iclası")
    assert bio_tags(tokens, [(2, 12)]) == ["B-ORG", "I-ORG", "O"]  # inside words: whole tokens
    assert bio_tags(tokens, [(0, 20), (8, 27)]) == ["B-ORG", "I-ORG", "O"]


@given(st.lists(st.sampled_from(["O", "B-ORG", "I-ORG", "E-ORG", "S-ORG"]), max_size=12))
def test_token_ranges_are_disjoint_and_ordered(tags):
    ranges = entity_token_ranges(tags)
    assert all(0 <= a < b <= len(tags) for a, b in ranges)
    assert all(b1 <= a2 for (_, b1), (a2, _) in itertools.pairwise(ranges))
    assert all(tags[a] != "O" for a, _ in ranges) and sum(tag != "O" for tag in tags) == sum(b - a for a, b in ranges)


def test_token_ranges_read_bio_and_bioes():
    assert entity_token_ranges(["B-ORG", "I-ORG", "O", "S-ORG", "B-ORG", "E-ORG", "I-ORG"]) == [
        (0, 2),
        (3, 4),
        (4, 6),
        (6, 7),
    ]


def test_word_vectors_put_similar_contexts_together(tmp_path):
    sentences = [
        ["Ədliyyə", "Nazirliyi", "iclas", "keçirdi"],
        ["Vergilər", "Nazirliyi", "iclas", "keçirdi"],
        ["Ədliyyə", "Nazirliyi", "təlim", "təşkil", "etdi"],
        ["Vergilər", "Nazirliyi", "təlim", "təşkil", "etdi"],
        ["uşaqlar", "üçün", "kitab", "çap", "edildi"],
        ["gənclər", "üçün", "kitab", "çap", "edildi"],
    ] * 3
    words, vectors = cooccurrence_vectors(sentences, dim=4, seed=1)
    assert vectors.shape == (len(words), 4) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    index = {word: i for i, word in enumerate(words)}
    similar = vectors[index["Ədliyyə"]] @ vectors[index["Vergilər"]]
    unrelated = vectors[index["Ədliyyə"]] @ vectors[index["uşaqlar"]]
    assert similar > unrelated
    again = cooccurrence_vectors(sentences, dim=4, seed=1)[1]
    assert np.array_equal(vectors, again)  # deterministic for a seed
    write_word2vec_text(tmp_path / "v.txt", words, vectors)
    lines = (tmp_path / "v.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0] == f"{len(words)} 4" and lines[1].split()[0] == words[0] and len(lines[1].split()) == 5
    with pytest.raises(ValueError, match="whitespace"):
        write_word2vec_text(tmp_path / "bad.txt", ["a b"], vectors[:1])
    with pytest.raises(ValueError, match="no text"):
        cooccurrence_vectors([])


def test_dev_split_is_every_tenth_sentence():
    train, dev = split_dev(list(range(25)))
    assert dev == [9, 19] and len(train) == 23
    assert split_dev([1, 2]) == ([1, 2], [1, 2])  # a tiny run evaluates on its training data


class FakeStanza:
    """Stands in for a stanza.Pipeline: tags as ORG ``Azercell`` and every run of capitalised tokens
    ending in ``Xidmətinin``/``Birliyi``."""

    def __call__(self, sentences):
        tagged = []
        for tokens in sentences:
            tags = ["O"] * len(tokens)
            for i, token in enumerate(tokens):
                if token == "Azercell":
                    tags[i] = "S-ORG"
                if token in ("Xidmətinin", "Birliyi"):
                    start = i
                    while start > 0 and (tokens[start - 1][:1].isupper() or tokens[start - 1] in "“”"):
                        start -= 1
                    tags[start : i + 1] = ["B-ORG"] + ["I-ORG"] * (i - start)
            tagged.append(SimpleNamespace(tokens=[SimpleNamespace(ner=tag) for tag in tags]))
        return SimpleNamespace(sentences=tagged)


def test_stanza_spans_map_back_to_character_offsets():
    spans = stanza_mentions(FakeStanza(), TEXT)
    assert [TEXT[s:e] for s, e in spans] == [
        "Tədbirdə Azərbaycan Respublikasının Dövlət Miqrasiya Xidmətinin",
        "“Təmiz Dünya” Qadınlara Yardım İctimai Birliyi",
        "Azercell",
    ]
    assert stanza_mentions(FakeStanza(), "\n\n  \n\n") == []


@pytest.mark.parametrize("ner", ["stanza", "rules+stanza"])
def test_stanza_modes_feed_the_same_tables(monkeypatch, ner):
    """Names, ids, types and the table contract come from the same canonicalizer as the other modes."""
    monkeypatch.setattr(stanza_backend, "load_stanza", lambda path=None: FakeStanza())
    document = load_text(TEXT)
    table = extract_tables(document, ner=ner)["organizations"]
    assert len(table) >= 2
    for row in table.itertuples():
        assert document.text[row.start : row.end] == row.text
    by_text = dict(zip(table["text"], table["name"], strict=True))
    assert by_text["“Təmiz Dünya” Qadınlara Yardım İctimai Birliyi"] == "“Təmiz Dünya” Qadınlara Yardım İctimai Birliyi"
    if ner == "stanza":
        assert set(table["source"]) == {"stanza"}
        assert by_text["Tədbirdə Azərbaycan Respublikasının Dövlət Miqrasiya Xidmətinin"]  # the model's span, named
    else:  # the rules' mentions stand; the model adds only where they found nothing
        rules = extract_tables(document)["organizations"]
        assert set(rules["text"]) <= set(table["text"])
        assert set(table["source"]) - set(rules["source"]) <= {"stanza"}
        assert "Azərbaycan Respublikasının Dövlət Miqrasiya Xidmətinin" in by_text
        assert "Azercell" not in set(rules["text"])
        added = table[table["text"] == "Azercell"].iloc[0]
        assert added["source"] == "stanza" and added["name"] == "Azercell" and added["org_id"] == "azercell"


def test_import_and_parse_work_without_stanza_and_torch(tmp_path):
    """With stanza and torch made unimportable: the core imports and parses; asking for Stanza is a clear error."""
    script = """
import sys
sys.modules["stanza"] = sys.modules["torch"] = None   # import stanza / import torch now fail
import reportparse, reportparse.cli.app, reportparse.training.stanza_ner, reportparse.ner.stanza_backend
from reportparse.ner.stanza_backend import StanzaNotInstalledError
from reportparse.ner.backends import find_organization_mentions
report = reportparse.parse(reportparse.sample_report_path())
assert len(report.organizations) > 0
for call in (lambda: find_organization_mentions("Ədliyyə Nazirliyi", ner="stanza"),
             lambda: reportparse.parse("Ədliyyə Nazirliyi", ner="rules+stanza")):
    try:
        call()
    except StanzaNotInstalledError as exc:
        assert "reportparse[stanza]" in str(exc)
    else:
        raise AssertionError("no error")
print("ok")
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_missing_stanza_model_is_a_clear_error(tmp_path, monkeypatch):
    if stanza_backend.importlib.util.find_spec("stanza") is None:
        with pytest.raises(StanzaNotInstalledError, match=r"reportparse\[stanza\]"):
            check_stanza_model(tmp_path)
        with pytest.raises(StanzaNotInstalledError):
            ParseOptions(ner="stanza", stanza_model=str(tmp_path))
    else:
        with pytest.raises(StanzaModelNotFoundError, match="python -m reportparse.training.stanza_ner"):
            check_stanza_model(tmp_path / "none")
        with pytest.raises(StanzaModelNotFoundError):
            reportparse.parse("Ədliyyə Nazirliyi", ner="stanza", stanza_model=str(tmp_path / "none"))
    with pytest.raises(ValueError, match="unknown ner mode"):
        ParseOptions(ner="magic")
    assert find_organization_mentions("Ədliyyə Nazirliyi iclas keçirdi.", ner="rules")  # rules need nothing
