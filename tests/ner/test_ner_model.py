"""The statistical organization model: the training recipe runs, the shipped model loads offline."""

from __future__ import annotations

import pytest

from reportparse.extract.organizations import find_organizations
from reportparse.ingest.loader import load_text
from reportparse.ner.backends import find_organization_mentions
from reportparse.ner.data import document_examples, paragraphs
from reportparse.ner.model import (
    DEFAULT_MODEL,
    ModelNotFoundError,
    load_model,
    merge_mentions,
    model_mentions,
)
from reportparse.pipeline import extract_tables
from reportparse.training.examples import gold_examples
from reportparse.training.spacy_ner import train
from tests.corpus_paths import PROJECT_ROOT


def test_paragraph_examples_keep_entities_whole():
    text = "Birinci abzas.\n\nDövlət Miqrasiya\n\nXidmətinin iclası.\n\nSon."
    start = text.index("Dövlət")
    examples = document_examples(text, [(start, text.index("iclası") - 1)])
    assert [e.text for e in examples] == ["Birinci abzas.", "Dövlət Miqrasiya\n\nXidmətinin iclası.", "Son."]
    assert examples[1].text[slice(*examples[1].spans[0])] == "Dövlət Miqrasiya\n\nXidmətinin"
    assert paragraphs("a\n\n\n\nb") == [(0, 1), (5, 6)]


def test_gold_examples_cover_the_own_corpus():
    examples = gold_examples(PROJECT_ROOT / "corpus" / "gold.jsonl")
    assert sum(len(e.spans) for e in examples) >= 188
    for example in examples:
        for start, end in example.spans:
            assert example.text[start:end].strip()


def test_a_tiny_training_run_learns_and_saves(tmp_path):
    """The recipe of `python -m reportparse.training.spacy_ner`, on a few paragraphs for a few epochs."""
    examples = [e for e in gold_examples(PROJECT_ROOT / "corpus" / "gold.jsonl") if e.spans][:12]
    lines = []
    nlp = train(examples, epochs=3, log=lines.append)
    assert len(lines) == 3 and "loss" in lines[0]
    nlp.to_disk(tmp_path / "model")
    reloaded = load_model(tmp_path / "model")
    spans = model_mentions(reloaded, "Dövlət Miqrasiya Xidmətinin əməkdaşları.\n\nİkinci abzas.")
    assert all(0 <= s < e for s, e in spans)
    with pytest.raises(ValueError, match="no training examples"):
        train([])


def test_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(ModelNotFoundError, match="python -m reportparse.training.spacy_ner"):
        load_model(tmp_path / "nothing")


@pytest.mark.skipif(not (DEFAULT_MODEL / "meta.json").exists(), reason="the shipped model is not in this checkout")
def test_shipped_model_loads_offline_and_merges_with_the_rules():
    nlp = load_model()
    assert nlp.meta["name"] == "az_org_ner" and "ner" in nlp.pipe_names
    text = "Tədbirdə Azərbaycan Respublikasının Dövlət Miqrasiya Xidmətinin əməkdaşları iştirak etmişdir."
    spans = model_mentions(nlp, text)
    rules = find_organizations(text)
    merged = merge_mentions(rules, spans, text)
    assert merged[0].text == "Azərbaycan Respublikasının Dövlət Miqrasiya Xidmətinin"
    assert merged[0].source == "rules"
    for mention in merged:
        assert text[mention.start : mention.end] == mention.text
    table = extract_tables(load_text(text), ner="rules+model")["organizations"]
    assert set(table["source"]) <= {"rules", "model"} and len(table) >= 1
    assert find_organization_mentions(text, ner="model")


def test_unknown_ner_mode():
    with pytest.raises(ValueError, match="unknown ner mode"):
        find_organization_mentions("x", ner="magic")


def test_examples_of_a_record_with_regions_come_from_its_regions_only():
    """Outside its regions a code's organizations are not annotated: no false negatives to learn."""
    from reportparse.evaluation.gold import read_gold
    from reportparse.training.examples import record_examples

    records = [r for r in read_gold(PROJECT_ROOT / "corpus" / "gold.jsonl") if r.regions]
    records = [r for r in records if r.file(PROJECT_ROOT).exists()]
    if not records:
        pytest.skip("the region-annotated records need ../shared/corpus")
    record = records[0]
    text = record.load(PROJECT_ROOT).text
    regions = [text[region["start"] : region["end"]] for region in record.regions]
    examples = record_examples(record, PROJECT_ROOT)
    assert examples and all(any(example.text in region for region in regions) for example in examples)
    assert sum(len(example.spans) for example in examples) == len(record.rows["organizations"])
    assert sum(len(example.text) for example in examples) <= sum(map(len, regions))
