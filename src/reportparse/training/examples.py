"""Gold corpus → NER training examples (:class:`reportparse.ner.data.Example`), one per paragraph."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from reportparse.evaluation.gold import GoldDocument, read_gold
from reportparse.ner.data import Example, document_examples


def gold_examples(
    gold_file: str | Path,
    *,
    project_root: str | Path | None = None,
    exclude: Iterable[str] = (),
) -> list[Example]:
    """Training examples from every gold record that annotates organizations.

    Args:
        gold_file: the gold file (``corpus/gold.jsonl``).
        project_root: what record paths are relative to (default: the gold file's corpus parent).
        exclude: record ids to leave out (held out for evaluation).

    Returns:
        Paragraph examples; records whose file is absent (``../shared`` missing) are skipped.
    """
    gold_file = Path(gold_file)
    root = Path(project_root) if project_root else gold_file.resolve().parent.parent
    skip = set(exclude)
    examples: list[Example] = []
    for record in read_gold(gold_file):
        if record.id in skip or "organizations" not in record.annotated or not record.file(root).exists():
            continue
        examples += record_examples(record, root)
    return examples


def record_examples(record: GoldDocument, root: Path) -> list[Example]:
    """The paragraph examples of one gold record: of its annotated regions only, when it has any
    (outside them a paragraph's organizations are not annotated, so it would teach false negatives)."""
    text = record.load(root).text
    spans = [(row["start"], row["end"]) for row in record.rows["organizations"]]
    if not record.regions:
        return document_examples(text, spans, record.id)
    examples: list[Example] = []
    for region in record.regions:
        start, end = region["start"], region["end"]
        inside = [(s - start, e - start) for s, e in spans if start <= s and e <= end]
        examples += document_examples(text[start:end], inside, record.id)
    return examples
