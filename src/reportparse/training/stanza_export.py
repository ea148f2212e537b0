"""Gold corpus → Stanza's NER training format (no Stanza needed to export).

    python -m reportparse.training.stanza_export --out /tmp/stanza-data/train.json [--exclude ID]

Stanza's NER trainer reads a JSON list of sentences, each a list of tokens
``{"text": ..., "ner": ...}`` with BIO tags. Our "sentences" are the paragraph examples of
:mod:`reportparse.ner.data` (the spaCy model's), tokenized by spaCy's Azerbaijani tokenizer —
the same tokens the Stanza backend feeds its model at run time, with their character offsets.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from reportparse.ner.data import LABEL, Example
from reportparse.ner.tokens import token_offsets
from reportparse.training.examples import gold_examples

OUTSIDE = "O"


def bio_tags(tokens: Sequence[tuple[int, int]], spans: Iterable[tuple[int, int]], *, label: str = LABEL) -> list[str]:
    """BIO tags of ``tokens`` for entity ``spans`` (character offsets).

    A span covers every token it overlaps (spans are snapped outwards to token boundaries); a
    span overlapping an earlier one is dropped, as Stanza's tags cannot nest.

    Args:
        tokens: token offsets, in text order.
        spans: entity offsets.
        label: the entity label.

    Returns:
        One tag per token: ``B-label``, ``I-label`` or ``O``.
    """
    tags = [OUTSIDE] * len(tokens)
    for start, end in sorted(spans):
        inside = [i for i, (s, e) in enumerate(tokens) if s < end and start < e]
        if not inside or any(tags[i] != OUTSIDE for i in inside):
            continue
        tags[inside[0]] = f"B-{label}"
        for i in inside[1:]:
            tags[i] = f"I-{label}"
    return tags


def example_sentence(example: Example) -> list[dict[str, str]]:
    """One paragraph example as a Stanza sentence: ``[{"text": token, "ner": tag}, ...]``."""
    tokens = token_offsets(example.text)
    tags = bio_tags(tokens, example.spans)
    return [{"text": example.text[s:e], "ner": tag} for (s, e), tag in zip(tokens, tags, strict=True)]


def stanza_sentences(examples: Iterable[Example]) -> list[list[dict[str, str]]]:
    """Every non-empty example as a Stanza sentence."""
    return [sentence for sentence in map(example_sentence, examples) if sentence]


def export_gold(
    gold_file: str | Path,
    out: str | Path,
    *,
    project_root: str | Path | None = None,
    exclude: Iterable[str] = (),
) -> int:
    """Write the organization annotations of a gold file in Stanza's NER JSON format.

    Args:
        gold_file: the gold file (``corpus/gold.jsonl``).
        out: the JSON file to write.
        project_root: what record paths are relative to (default: the gold file's corpus parent).
        exclude: record ids to leave out.

    Returns:
        The number of sentences written.
    """
    sentences = stanza_sentences(gold_examples(gold_file, project_root=project_root, exclude=exclude))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(sentences, ensure_ascii=False, indent=0), encoding="utf-8")
    return len(sentences)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m reportparse.training.stanza_export",
        description="Export the gold organizations as Stanza NER training data (JSON, BIO tags).",
    )
    parser.add_argument("--gold", default="corpus/gold.jsonl", help="gold file (default: %(default)s)")
    parser.add_argument("--root", help="what the gold paths are relative to (default: the gold file's corpus parent)")
    parser.add_argument("--out", required=True, help="JSON file to write")
    parser.add_argument(
        "--exclude", action="append", default=[], metavar="ID", help="leave this record out (repeatable)"
    )
    args = parser.parse_args(argv)
    count = export_gold(args.gold, args.out, project_root=args.root, exclude=args.exclude)
    print(f"{count} sentences written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
