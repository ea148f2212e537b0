"""Train a Stanza NER model for Azerbaijani organizations from the gold corpus (CPU, offline).

    python -m reportparse.training.stanza_ner --out src/reportparse/models/az_org_stanza \
        [--exclude ID] [--max-steps 1500]

Needs ``reportparse[stanza]``. Steps: the gold organizations are exported as Stanza sentences
(:mod:`reportparse.training.stanza_export`, one paragraph per sentence); every tenth sentence is the
development set that picks the best checkpoint; word vectors are built from the same documents'
text (:mod:`reportparse.training.embeddings`, plus any ``--text`` files) and converted into Stanza's
pretrain file; then Stanza's own trainer (``stanza.models.ner_tagger``: a character and word
BiLSTM-CRF) runs with small settings. The model folder holds ``ner.pt``, ``pretrain.pt``,
``resources.json`` (so that Stanza loads it without its model hub) and ``meta.json``.
"""

from __future__ import annotations

import argparse
import functools
import json
import logging
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from reportparse.ingest.loader import load
from reportparse.ner.data import LABEL, Example
from reportparse.ner.stanza_backend import (
    MODEL_FILE,
    PRETRAIN_FILE,
    RESOURCES_FILE,
    require_stanza,
)
from reportparse.ner.tokens import token_offsets
from reportparse.training.embeddings import cooccurrence_vectors, write_word2vec_text
from reportparse.training.examples import gold_examples
from reportparse.training.stanza_export import stanza_sentences

NAME = "az_org_stanza"
DEFAULT_MAX_STEPS = 1500
DEV_EVERY = 10
"""Every tenth sentence is held out as the development set (checkpoint selection)."""

SMALL_SETTINGS = {
    "hidden_dim": 128,  # word BiLSTM; Stanza's default 256 is sized for 100k-sentence corpora
    "char_hidden_dim": 64,
    "char_emb_dim": 50,
    "batch_size": 16,
    "optim": "adam",  # converges in a few hundred steps on this little data; SGD needs thousands
    "lr": 0.002,
    "dropout": 0.3,
    "word_dropout": 0.05,
}


def split_dev(sentences: Sequence, *, every: int = DEV_EVERY) -> tuple[list, list]:
    """Train and development sentences: every ``every``-th to dev (all of them train and dev
    when there are fewer than ``every``, as in a tiny test run)."""
    if len(sentences) < every:
        return list(sentences), list(sentences)
    dev = [s for i, s in enumerate(sentences) if i % every == every - 1]
    return [s for i, s in enumerate(sentences) if i % every != every - 1], dev


def build_pretrain(
    texts: Iterable[str],
    path: str | Path,
    *,
    dim: int = 50,
    seed: int = 0,
    workdir: str | Path,
) -> int:
    """Word vectors from ``texts`` saved as a Stanza pretrain file; returns the vocabulary size."""
    from stanza.models.common.pretrain import Pretrain

    sentences = [[text[s:e] for s, e in token_offsets(text)] for text in texts]
    words, vectors = cooccurrence_vectors(sentences, dim=dim, seed=seed)
    vector_file = Path(workdir) / "vectors.txt"
    write_word2vec_text(vector_file, words, vectors)
    Path(path).unlink(missing_ok=True)  # Stanza would load an existing file instead of converting ours
    Pretrain(str(path), str(vector_file), max_vocab=-1, save_to_file=True).load()
    return len(words)


def train_stanza(
    examples: Sequence[Example],
    out: str | Path,
    *,
    texts: Iterable[str] = (),
    max_steps: int = DEFAULT_MAX_STEPS,
    eval_interval: int = 100,
    seed: int = 0,
    dim: int = 50,
    settings: dict | None = None,
    threads: int = 1,
    log: Callable[[str], None] | None = None,
) -> dict:
    """Train a Stanza NER model on paragraph examples and save it into ``out``.

    Args:
        examples: paragraph examples (:func:`reportparse.training.examples.gold_examples`).
        out: the model folder (created).
        texts: more text for the word vectors (the examples' text is always used).
        max_steps: training steps (batches).
        eval_interval: steps between development-set evaluations (best checkpoint kept).
        seed: random seed (Stanza's and the word vectors').
        dim: word-vector size.
        settings: Stanza trainer options overriding :data:`SMALL_SETTINGS`.
        threads: PyTorch threads while training (restored afterwards). One is the default: on a
            machine busy with other work, more threads spin in barriers and train many times slower.
        log: called with progress lines, if given.

    Returns:
        The ``meta.json`` written into ``out``.

    Raises:
        StanzaNotInstalledError: ``reportparse[stanza]`` is not installed.
        ValueError: no examples.
    """
    require_stanza()
    if not examples:
        raise ValueError("no training examples: is the gold corpus there?")
    import torch
    from stanza.models import ner_tagger

    log = log or (lambda line: None)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    train, dev = split_dev(stanza_sentences(examples))
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="reportparse-stanza-") as work:
        vocabulary = build_pretrain(
            [e.text for e in examples] + list(texts), out / PRETRAIN_FILE, dim=dim, seed=seed, workdir=work
        )
        log(f"word vectors: {vocabulary} words × {dim} from our own text")
        for name, sentences in (("train.json", train), ("dev.json", dev)):
            Path(work, name).write_text(json.dumps(sentences, ensure_ascii=False), encoding="utf-8")
        options = {**SMALL_SETTINGS, **(settings or {})}
        arguments = [
            "--train_file",
            str(Path(work, "train.json")),
            "--eval_file",
            str(Path(work, "dev.json")),
            "--wordvec_pretrain_file",
            str(out / PRETRAIN_FILE),
            "--shorthand",
            "az_reportparse",
            "--save_dir",
            str(out),
            "--save_name",
            MODEL_FILE,
            "--cpu",
            "--no_lowercase",
            "--max_steps",
            str(max_steps),
            "--eval_interval",
            str(min(eval_interval, max_steps)),
            "--log_step",
            str(min(eval_interval, max_steps)),
            "--seed",
            str(seed),
            "--max_steps_no_improve",
            str(max(10 * eval_interval, 1)),
            *(item for key, value in options.items() for item in (f"--{key}", str(value))),
        ]
        log(f"training on {len(train)} sentences, {len(dev)} for development, {max_steps} steps at most")
        previous = torch.get_num_threads()
        torch.set_num_threads(threads)
        try:
            ner_tagger.main(arguments)
        finally:
            torch.set_num_threads(previous)
    if not (out / MODEL_FILE).exists():
        raise RuntimeError(f"Stanza saved no model into {out}; see its log above")
    (out / RESOURCES_FILE).write_text("{}\n", encoding="utf-8")  # an empty catalogue: load nothing from the hub
    meta = {
        "name": NAME,
        "labels": [LABEL],
        "scheme": "bio",
        "tokenizer": "spacy.blank('az')",
        "sentences": len(train),
        "dev_sentences": len(dev),
        "entities": sum(len(e.spans) for e in examples),
        "documents": sorted({e.doc_id for e in examples}),
        "vocabulary": vocabulary,
        "dim": dim,
        "max_steps": max_steps,
        "seed": seed,
        "settings": options,
        "seconds": round(time.perf_counter() - started, 1),
    }
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return meta


def _extra_texts(paths: Iterable[str]) -> list[str]:
    """The normalized text of every file given (folders: their .txt files)."""
    texts = []
    for path in map(Path, paths):
        for file in sorted(path.rglob("*.txt")) if path.is_dir() else [path]:
            texts.append(load(file).text)
    return texts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m reportparse.training.stanza_ner",
        description="Train a Stanza NER model for Azerbaijani organizations on the gold corpus (CPU).",
    )
    parser.add_argument("--gold", default="corpus/gold.jsonl", help="gold file (default: %(default)s)")
    parser.add_argument("--out", default=f"src/reportparse/models/{NAME}", help="model folder (default: %(default)s)")
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="ID",
        help="leave this record out (repeatable), to evaluate on it",
    )
    parser.add_argument(
        "--text",
        action="append",
        default=[],
        metavar="PATH",
        help="more text for the word vectors: a file or a folder of .txt (repeatable)",
    )
    parser.add_argument("--max-steps", type=int, default=DEFAULT_MAX_STEPS)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="PyTorch threads (default: 1; on a busy machine more threads are slower, not faster)",
    )
    parser.add_argument("--verbose", action="store_true", help="show Stanza's own log (loss, dev scores)")
    args = parser.parse_args(argv)
    require_stanza()
    from stanza.models import ner_tagger  # noqa: F401  (importing it sets Stanza's log level: ours must come after)

    logging.getLogger("stanza").setLevel(logging.INFO if args.verbose else logging.WARNING)
    examples = gold_examples(args.gold, exclude=args.exclude)
    say = functools.partial(print, file=sys.stderr)
    say(
        f"{len(examples)} paragraphs, {sum(len(e.spans) for e in examples)} organizations "
        f"from {len({e.doc_id for e in examples})} documents"
    )
    meta = train_stanza(
        examples,
        args.out,
        texts=_extra_texts(args.text),
        max_steps=args.max_steps,
        seed=args.seed,
        threads=args.threads,
        log=say,
    )
    size = sum(f.stat().st_size for f in Path(args.out).iterdir() if f.is_file())
    say(f"saved {args.out} ({size / 1e6:.1f} MB) in {meta['seconds']:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
