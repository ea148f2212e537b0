"""Train the organization NER model on the gold corpus (CPU, from scratch, a few MB).

    python -m reportparse.training.spacy_ner --out src/reportparse/models/az_org_ner [--exclude dmx-2022] [--epochs 30]

The pipeline is ``spacy.blank("az")`` with one ``ner`` component: a hash-embedding CNN
(no pretrained vectors, nothing downloaded) under spaCy's transition-based NER. Training is
deterministic for a given seed and corpus.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Span
from spacy.training import Example as SpacyExample
from spacy.util import fix_random_seed, minibatch

from reportparse.ner.data import LABEL, Example
from reportparse.training.examples import gold_examples

DEFAULT_EPOCHS = 30
MODEL_CONFIG = {
    "@architectures": "spacy.TransitionBasedParser.v2",
    "state_type": "ner",
    "extra_state_tokens": False,
    "hidden_width": 64,
    "maxout_pieces": 2,
    "use_upper": True,
    "nO": None,
    "tok2vec": {
        "@architectures": "spacy.HashEmbedCNN.v2",
        "pretrained_vectors": None,
        "width": 96,
        "depth": 4,
        "embed_size": 2000,
        "window_size": 1,
        "maxout_pieces": 3,
        "subword_features": True,
    },
}
"""A small CNN: 2,000 hash rows per feature, width 96 — about 3 MB on disk."""


def to_spacy(nlp: Language, examples: Sequence[Example]) -> list[SpacyExample]:
    """Our examples as spaCy ``Example`` objects (spans snapped to token boundaries)."""
    result = []
    for example in examples:
        doc = nlp.make_doc(example.text)
        entities: list[Span] = []
        for start, end in example.spans:
            span = doc.char_span(start, end, label=LABEL, alignment_mode="expand")
            if span is not None and all(span.start >= e.end or span.end <= e.start for e in entities):
                entities.append(span)
        result.append(SpacyExample.from_dict(doc, {"entities": [(e.start_char, e.end_char, LABEL) for e in entities]}))
    return result


def train(
    examples: Sequence[Example],
    *,
    epochs: int = DEFAULT_EPOCHS,
    seed: int = 0,
    dropout: float = 0.2,
    batch_size: int = 8,
    log: Callable[[str], None] | None = None,
) -> Language:
    """Train a blank Azerbaijani pipeline with an ``ner`` component on ``examples``.

    Args:
        examples: paragraph examples (:func:`reportparse.training.examples.gold_examples`).
        epochs: passes over the examples.
        seed: random seed (shuffling and initialization).
        dropout: dropout rate during updates.
        batch_size: examples per update.
        log: called with a line per epoch (loss), if given.

    Returns:
        The trained pipeline.
    """
    if not examples:
        raise ValueError("no training examples: is the gold corpus there?")
    fix_random_seed(seed)
    nlp = spacy.blank("az")
    ner = nlp.add_pipe("ner", config={"model": MODEL_CONFIG})
    # spaCy types add_pipe() as returning a Callable[[Doc], Doc]; "ner" is an EntityRecognizer (Cython, no stubs)
    ner.add_label(LABEL)  # type: ignore[attr-defined]
    data = to_spacy(nlp, examples)
    optimizer = nlp.initialize(lambda: data)
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(data)
        losses: dict[str, float] = {}
        for batch in minibatch(data, size=batch_size):
            nlp.update(batch, drop=dropout, sgd=optimizer, losses=losses)
        if log:
            log(f"epoch {epoch + 1:3d}  loss {losses.get('ner', 0.0):9.2f}")
    return nlp


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m reportparse.training.spacy_ner",
        description="Train the organization NER model on the gold corpus.",
    )
    parser.add_argument("--gold", default="corpus/gold.jsonl", help="gold file (default: %(default)s)")
    parser.add_argument(
        "--out", default="src/reportparse/models/az_org_ner", help="output folder (default: %(default)s)"
    )
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="ID",
        help="leave this record out (repeatable), to evaluate on it",
    )
    parser.add_argument("--epochs", type=int, default=DEFAULT_EPOCHS)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    examples = gold_examples(args.gold, exclude=args.exclude)
    entities = sum(len(e.spans) for e in examples)
    print(
        f"{len(examples)} paragraphs, {entities} organizations from {len({e.doc_id for e in examples})} documents",
        file=sys.stderr,
    )
    started = time.perf_counter()
    nlp = train(examples, epochs=args.epochs, seed=args.seed, log=lambda line: print(line, file=sys.stderr))
    nlp.meta.update(
        {
            "name": "az_org_ner",
            "version": "0.1.0",
            "description": "reportparse organization NER (trained on corpus/gold.jsonl)",
            "labels": {"ner": [LABEL]},
            "excluded": sorted(args.exclude),
        }
    )
    out = Path(args.out)
    nlp.to_disk(out)
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    print(f"saved {out} ({size / 1e6:.1f} MB) in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
