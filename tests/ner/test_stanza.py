"""The Stanza backend with Stanza itself: a tiny training run, offline loading, tables through it.

Skipped when ``reportparse[stanza]`` is not installed (``make install-stanza`` installs it; CI does).
"""

from __future__ import annotations

import json
import socket

import pandas as pd
import pytest

pytest.importorskip("stanza")

import reportparse
from reportparse.ner.stanza_backend import (
    DEFAULT_STANZA_MODEL,
    MODEL_FILE,
    PRETRAIN_FILE,
    RESOURCES_FILE,
    load_stanza,
    stanza_mentions,
)
from reportparse.tables.schema import TABLES as SCHEMA
from reportparse.training.examples import gold_examples
from reportparse.training.stanza_ner import main as train_main
from reportparse.training.stanza_ner import train_stanza
from tests.corpus_paths import PROJECT_ROOT

TEXT = (
    "H E S A B A T\n\n1-ci bəndin icrasına dair (maarifləndirmə):\n\nTədbirdə Azərbaycan Respublikasının "
    "Ədliyyə Nazirliyinin və Dövlət Miqrasiya Xidmətinin əməkdaşları iştirak etmişdir."
)

pytestmark = pytest.mark.extras
TINY = {"hidden_dim": 16, "char_hidden_dim": 16, "char_emb_dim": 16, "lr": 0.01}


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    """The recipe of ``python -m reportparse.training.stanza_ner`` on 12 paragraphs for 20 steps."""
    # short paragraphs: a tiny run must stay tiny (the codes' regions hold long ones)
    examples = [e for e in gold_examples(PROJECT_ROOT / "corpus" / "gold.jsonl") if e.spans and len(e.text) < 1500][:12]
    out = tmp_path_factory.mktemp("stanza") / "model"
    lines: list[str] = []
    meta = train_stanza(examples, out, max_steps=20, eval_interval=10, dim=16, settings=TINY, log=lines.append)
    return out, meta, lines


def test_a_tiny_training_run_saves_a_model(tiny_model):
    out, meta, lines = tiny_model
    assert {MODEL_FILE, PRETRAIN_FILE, RESOURCES_FILE, "meta.json"} <= {f.name for f in out.iterdir()}
    assert json.loads((out / "meta.json").read_text(encoding="utf-8")) == meta
    assert meta["labels"] == ["ORG"] and meta["sentences"] + meta["dev_sentences"] == 12 and meta["max_steps"] == 20
    assert meta["vocabulary"] > 100 and any("word vectors" in line for line in lines)

    from stanza.models.common.pretrain import Pretrain

    pretrain = Pretrain(str(out / PRETRAIN_FILE))
    assert pretrain.emb.shape == (len(pretrain.vocab), 16)
    assert pretrain.vocab.unit2id("Nazirliyi") != pretrain.vocab.unit2id("nazirliyi")  # cased vectors


def test_training_needs_examples(tmp_path):
    with pytest.raises(ValueError, match="no training examples"):
        train_stanza([], tmp_path)


def test_model_loads_with_downloads_disabled(tiny_model, monkeypatch):
    out, _, _ = tiny_model

    def no_network(*args, **kwargs):
        raise AssertionError("the Stanza backend tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    before = sorted(p.name for p in out.rglob("*"))
    from reportparse.ner import stanza_backend

    stanza_backend._load.cache_clear()
    pipeline = load_stanza(out)
    assert list(pipeline.processors) == ["tokenize", "ner"]
    assert load_stanza(out) is pipeline  # loaded once per process
    assert sorted(p.name for p in out.rglob("*")) == before  # nothing fetched into the folder
    text = "Ədliyyə Nazirliyinin əməkdaşları.\n\nİkinci abzas Dövlət Miqrasiya Xidmətinin iclası."
    for start, end in stanza_mentions(pipeline, text):
        assert 0 <= start < end <= len(text) and text[start:end].strip() == text[start:end]


@pytest.mark.parametrize("ner", ["stanza", "rules+stanza"])
def test_tables_through_the_backend(tiny_model, ner):
    out, _, _ = tiny_model
    report = reportparse.parse(TEXT, ner=ner, stanza_model=str(out))
    table = report.organizations
    assert list(table.columns[: len(SCHEMA["organizations"].contract)]) == list(SCHEMA["organizations"].contract)
    for row in table.itertuples():
        assert report.text[row.start : row.end] == row.text and row.org_id and row.name
    allowed = {"stanza"} if ner == "stanza" else set(reportparse.parse(TEXT).organizations["source"]) | {"stanza"}
    assert set(table["source"]) <= allowed
    if ner == "rules+stanza":  # the rules' mentions all stand
        assert set(reportparse.parse(TEXT).organizations["text"]) <= set(table["text"])


def test_command_line_and_worker_processes(tiny_model, tmp_path):
    from reportparse.cli.app import main

    out, _, _ = tiny_model
    report = tmp_path / "in" / "hesabat.txt"
    report.parent.mkdir()
    report.write_text(TEXT, encoding="utf-8")
    assert (
        main(
            [
                "parse",
                str(report),
                "--out",
                str(tmp_path / "tables"),
                "--jobs",
                "0",
                "--quiet",
                "--ner",
                "rules+stanza",
                "--stanza-model",
                str(out),
            ]
        )
        == 0
    )
    written = pd.read_csv(tmp_path / "tables" / "organizations.csv", keep_default_na=False)
    assert len(written) >= 2 and set(written["source"]) <= {"rules", "stanza"}
    assert (
        main(
            [
                "parse",
                str(report),
                "--out",
                str(tmp_path / "x"),
                "--quiet",
                "--ner",
                "stanza",
                "--stanza-model",
                str(tmp_path / "nothing"),
            ]
        )
        == 2
    )
    corpus = reportparse.parse_many([report], jobs=1, progress=False, ner="stanza", stanza_model=str(out))
    assert len(corpus) == 1 and corpus.errors.empty  # a worker loads torch and the model, then its memory limit


def test_training_command(tmp_path, monkeypatch, capsys):
    records = [
        json.loads(line) for line in (PROJECT_ROOT / "corpus" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    sample = next(r for r in records if r["path"] == "src/reportparse/data/sample_report.txt")
    (tmp_path / "corpus").mkdir()
    gold = tmp_path / "corpus" / "gold.jsonl"
    gold.write_text(json.dumps(sample, ensure_ascii=False) + "\n", encoding="utf-8")
    (tmp_path / "src" / "reportparse" / "data").mkdir(parents=True)
    (tmp_path / "src" / "reportparse" / "data" / "sample_report.txt").write_bytes(
        (PROJECT_ROOT / sample["path"]).read_bytes()
    )
    monkeypatch.chdir(tmp_path)
    assert train_main(["--gold", str(gold), "--out", "model", "--max-steps", "4"]) == 0
    assert (tmp_path / "model" / MODEL_FILE).is_file()
    assert "saved model" in capsys.readouterr().err


@pytest.mark.skipif(not (DEFAULT_STANZA_MODEL / MODEL_FILE).exists(), reason="no trained model in models/az_org_stanza")
def test_shipped_model_finds_organizations():
    from reportparse.ner import stanza_backend

    stanza_backend._load.cache_clear()
    text = "Tədbirdə Azərbaycan Respublikasının Dövlət Miqrasiya Xidmətinin əməkdaşları iştirak etmişdir."
    spans = stanza_mentions(load_stanza(), text)
    assert (text.index("Azərbaycan"), text.index(" əməkdaşları")) in spans


@pytest.mark.skipif(not (DEFAULT_STANZA_MODEL / MODEL_FILE).exists(), reason="no trained model in models/az_org_stanza")
@pytest.mark.parametrize(("ner", "floor"), [("stanza", 0.58), ("rules+stanza", 0.95)])
def test_shipped_model_scores_on_a_held_out_set(ner, floor):
    """Floors the shipped model reaches on corpus/heldout3 (not in its training data; docs/ner.md, "Stanza backend")."""
    from functools import partial

    from reportparse.evaluation.score import evaluate
    from reportparse.pipeline import extract_tables

    result = evaluate(
        PROJECT_ROOT / "corpus",
        tables=["organizations"],
        gold_file=PROJECT_ROOT / "corpus" / "heldout3" / "gold.jsonl",
        extract=partial(extract_tables, ner=ner),
    )
    score = result.totals()["organizations"]
    assert score.gold == 111 and score.f1() >= floor
