"""Score the pipeline against the gold corpus: precision, recall, F1 and value accuracy.

Two matchings of predicted to gold rows, both one-to-one:

* strict — the same span (``start`` and ``end``; for sections the same heading start and item);
* lenient — overlapping spans, pairing the largest overlaps first.

Value accuracy is the share of leniently matched pairs whose values agree (normalized dates,
canonical organization names, count values, reference targets, section item and commitment).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from reportparse.evaluation.gold import GOLD_TABLES, GoldDocument, read_gold
from reportparse.lang.az.casing import casefold
from reportparse.pipeline import extract_tables
from reportparse.tables.schema import COUNTS, DATES, ORGANIZATIONS, REFERENCES, SECTIONS

Row = dict


@dataclass
class Score:
    """Counts behind P/R/F1 for one table (of one document, or summed)."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0
    lenient: int = 0
    values_checked: int = 0
    values_correct: int = 0

    def add(self, other: Score) -> None:
        for name in ("gold", "predicted", "strict", "lenient", "values_checked", "values_correct"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @staticmethod
    def _ratio(part: int, whole: int) -> float:
        return part / whole if whole else math.nan

    def precision(self, *, lenient: bool = False) -> float:
        return self._ratio(self.lenient if lenient else self.strict, self.predicted)

    def recall(self, *, lenient: bool = False) -> float:
        return self._ratio(self.lenient if lenient else self.strict, self.gold)

    def f1(self, *, lenient: bool = False) -> float:
        matched = self.lenient if lenient else self.strict
        return self._ratio(2 * matched, self.gold + self.predicted)

    @property
    def value_accuracy(self) -> float:
        return self._ratio(self.values_correct, self.values_checked)

    def summary(self) -> dict[str, float | int | None]:
        """Counts and ratios; a ratio with nothing to divide by is None (JSON null)."""
        ratios = {
            **asdict(self),
            "precision": self.precision(),
            "recall": self.recall(),
            "f1": self.f1(),
            "lenient_precision": self.precision(lenient=True),
            "lenient_recall": self.recall(lenient=True),
            "lenient_f1": self.f1(lenient=True),
            "value_accuracy": self.value_accuracy,
        }
        return {key: None if isinstance(v, float) and math.isnan(v) else v for key, v in ratios.items()}


def _same_number(a: Any, b: Any) -> bool:  # any cell value: what float() rejects is no number
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)
    except (TypeError, ValueError):
        return False


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else " ".join(str(value).split())


VALUE_CHECKS: dict[str, Callable[[Row, Row], bool]] = {
    SECTIONS: lambda p, g: (
        _text(p.get("item")) == g["item"] and casefold(_text(p.get("commitment"))) == casefold(_text(g["commitment"]))
    ),
    DATES: lambda p, g: (
        _text(p.get("date_start")) == g["date_start"]
        and _text(p.get("date_end")) == g["date_end"]
        and _text(p.get("recurrence")) == _text(g.get("recurrence"))  # absent in the gold: none
    ),
    ORGANIZATIONS: lambda p, g: casefold(_text(p.get("name"))) == casefold(g["name"]),
    COUNTS: lambda p, g: _same_number(p.get("value"), g["value"]),
    REFERENCES: lambda p, g: all(_text(p.get(k)) == _text(g[k]) for k in ("kind", "number", "target_item")),
}
"""Whether a predicted row's values agree with the gold row it was matched to."""


def _overlap(a: Row, b: Row) -> int:
    return min(a["end"], b["end"]) - max(a["start"], b["start"])


def score_rows(table: str, predicted: Sequence[Row], gold: Sequence[Row]) -> Score:
    """Match predicted rows to gold rows of one table of one document.

    Args:
        table: the table's name (sections match on heading start and item).
        predicted: rows with at least ``start``/``end`` (and the value columns).
        gold: gold rows.

    Returns:
        The counts for P/R/F1 and value accuracy.
    """
    score = Score(gold=len(gold), predicted=len(predicted))
    if table == SECTIONS:

        def strict_key(row: Row) -> tuple:
            return row["start"], _text(row.get("item"))
    else:

        def strict_key(row: Row) -> tuple:
            return row["start"], row["end"]

    remaining: dict[tuple, list[Row]] = {}
    for row in gold:
        remaining.setdefault(strict_key(row), []).append(row)
    for row in predicted:
        if remaining.get(strict_key(row)):
            remaining[strict_key(row)].pop()
            score.strict += 1
    pairs = sorted(
        ((_overlap(p, g), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold) if _overlap(p, g) > 0),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    check = VALUE_CHECKS[table]
    for _size, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        score.lenient += 1
        score.values_checked += 1
        score.values_correct += bool(check(predicted[i], gold[j]))
    return score


@dataclass
class Evaluation:
    """Scores per document and table, and their sums."""

    per_document: dict[str, dict[str, Score]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    seconds: float = 0.0
    words: int = 0

    def totals(self) -> dict[str, Score]:
        total = {table: Score() for table in GOLD_TABLES}
        for scores in self.per_document.values():
            for table, score in scores.items():
                total[table].add(score)
        return {table: score for table, score in total.items() if score.gold or score.predicted}

    def to_json(self) -> dict:
        return {
            "tables": {t: s.summary() for t, s in self.totals().items()},
            "documents": {d: {t: s.summary() for t, s in scores.items()} for d, scores in self.per_document.items()},
            "skipped": self.skipped,
            "seconds": self.seconds,
            "words": self.words,
        }


def _rows(table: str, frame: pd.DataFrame) -> list[Row]:
    rows: list[Row] = frame.to_dict("records")
    if table == SECTIONS and "heading_start" in frame.columns:
        # Gold anchors a section by its heading; the preamble has none.
        rows = [dict(r, start=r["heading_start"], end=r["heading_end"]) for r in rows if r["item"]]
    if table == COUNTS:  # durations (`5 iş günü`) are exposed (kind duration) but are no counts
        rows = [r for r in rows if r.get("kind") != "duration"]
    if table == ORGANIZATIONS:  # bare heads (`Xidmətin`) are linked but are no mentions in the gold
        rows = [r for r in rows if not r.get("anaphoric")]
    return rows


def evaluate(
    corpus: str | Path = "corpus",
    *,
    tables: Iterable[str] | None = None,
    kinds: Iterable[str] | None = None,
    gold_file: str | Path | None = None,
    extract: Callable = extract_tables,
) -> Evaluation:
    """Run the pipeline on every annotated document and score it.

    Args:
        corpus: the corpus folder (its parent is the project root that record paths are
            relative to).
        tables: restrict to these tables (default: all).
        kinds: restrict to these kinds of document (``report``, ``act``, ``plan``; default all).
        gold_file: the gold file (default: ``corpus/gold.jsonl``).
        extract: document → tables; the pipeline by default (benchmarks pass others).

    Returns:
        The evaluation; documents whose file is absent (``../shared`` missing) are listed in
        ``skipped``.
    """
    corpus = Path(corpus)
    root = corpus.resolve().parent
    wanted = set(tables or GOLD_TABLES)
    unknown = wanted - set(GOLD_TABLES)
    if unknown:
        raise ValueError(f"unknown table(s) {', '.join(sorted(unknown))}; choose from {', '.join(GOLD_TABLES)}")
    result = Evaluation()
    started = time.perf_counter()
    for record in read_gold(Path(gold_file) if gold_file else corpus / "gold.jsonl"):
        if kinds is not None and record.kind not in set(kinds):
            continue
        if not record.file(root).exists():
            result.skipped.append(record.id)
            continue
        document = record.load(root)
        result.per_document[record.id] = score_document(record, extract(document), wanted)
        result.words += len(document.text.split())
    result.seconds = time.perf_counter() - started
    return result


GOLD_PARTS: dict[str, str] = {"development": "gold.jsonl", "blind": "blind/gold.jsonl"}
"""The parts of the gold, relative to the corpus folder: ``development`` was read while rules were
written (its figures are in-sample); ``blind`` was annotated before the rules for it and is only
scored (see corpus/README.md, "Development and blind parts")."""

PART_LABELS = {
    "development": "development part (in-sample: rules were written while reading it)",
    "blind": "blind part (annotated before the rules; only scored)",
}


def evaluate_parts(
    corpus: str | Path = "corpus", *, parts: Iterable[str] | None = None, **options: Any
) -> dict[str, Evaluation]:
    """Evaluate each part of the gold separately (figures of the two parts are never summed).

    Args:
        corpus: the corpus folder.
        parts: names from :data:`GOLD_PARTS` (default: every part whose file exists).
        **options: passed to :func:`evaluate` (``tables``, ``kinds``, ``extract``).

    Returns:
        Part name → its evaluation, in the order of :data:`GOLD_PARTS`.

    Raises:
        ValueError: an unknown part, or a part asked for by name whose gold file is absent.
    """
    corpus = Path(corpus)
    present = [name for name, file in GOLD_PARTS.items() if (corpus / file).exists()]
    wanted = list(parts) if parts is not None else present
    unknown = [name for name in wanted if name not in GOLD_PARTS]
    if unknown:
        raise ValueError(f"unknown gold part(s) {', '.join(unknown)}; choose from {', '.join(GOLD_PARTS)}")
    missing = [str(corpus / GOLD_PARTS[name]) for name in wanted if not (corpus / GOLD_PARTS[name]).exists()]
    if missing:
        raise ValueError(f"no gold file {', '.join(missing)}")
    return {
        name: evaluate(corpus, gold_file=corpus / GOLD_PARTS[name], **options) for name in GOLD_PARTS if name in wanted
    }


def score_document(record: GoldDocument, predicted: dict[str, pd.DataFrame], tables: set[str]) -> dict[str, Score]:
    """Scores of one gold record's predicted tables, for the annotated tables among ``tables``."""
    return {
        table: score_rows(
            table,
            [row for row in _rows(table, predicted[table]) if record.in_regions(int(row["start"]), int(row["end"]))],
            record.rows[table],
        )
        for table in GOLD_TABLES
        if table in tables and table in record.annotated
    }


def format_evaluation(evaluation: Evaluation) -> str:
    """A plain-text report: totals per table, then per document."""

    def line(name: str, s: Score) -> str:
        cells = [
            s.precision(),
            s.recall(),
            s.f1(),
            s.precision(lenient=True),
            s.recall(lenient=True),
            s.f1(lenient=True),
            s.value_accuracy,
        ]
        shown = " ".join(f"{'—' if math.isnan(c) else f'{c:.3f}':>7}" for c in cells)
        return f"{name:<28}{s.gold:>6}{s.predicted:>6} {shown}"

    header = f"{'':<28}{'gold':>6}{'pred':>6} {'P':>7} {'R':>7} {'F1':>7} {'P~':>7} {'R~':>7} {'F1~':>7} {'value':>7}"
    out = ["strict P/R/F1, lenient (~, overlapping spans) P/R/F1, value accuracy on lenient matches", "", header]
    out += [line(table, score) for table, score in evaluation.totals().items()]
    for doc_id, scores in evaluation.per_document.items():
        if not scores:
            continue
        out += ["", doc_id] + [line("  " + table, score) for table, score in scores.items()]
    if evaluation.skipped:
        out += ["", f"skipped (file absent): {', '.join(evaluation.skipped)}"]
    out += ["", f"{len(evaluation.per_document)} documents, {evaluation.words} words, {evaluation.seconds:.1f} s"]
    return "\n".join(out)
