"""Gold statuses of plan items (``corpus/commitments.jsonl``) and the agreement of :func:`compare` with them.

One JSON object per line and per plan item per report: ``report`` (the gold.jsonl id),
``report_path``, ``plan``/``plan_path`` (empty when the report's own headings are the plan),
``item``, ``status`` and ``reasoning`` (why a reader gives that status). Paths are relative to
the project root; reports under ``../shared`` are skipped when it is absent.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from reportparse.lang.az.status import STATUSES
from reportparse.plans.compare import compare

REFERENCE_REPORT = "dmx-2022"
"""The real report whose 10 items are scored on their own (the target is 8 of 10)."""


@dataclass
class CommitmentEvaluation:
    """Agreement per report; ``confusion`` counts (gold, predicted) status pairs."""

    per_report: dict[str, tuple[int, int]] = field(default_factory=dict)
    confusion: Counter = field(default_factory=Counter)
    misses: list[dict] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    baseline: Counter = field(default_factory=Counter)

    def agreement(self, reports: set[str] | None = None, *, exclude: set[str] | None = None) -> tuple[int, int]:
        """(agreeing, total) over the given reports (all by default), minus ``exclude``."""
        chosen = [
            (a, t)
            for r, (a, t) in self.per_report.items()
            if (reports is None or r in reports) and r not in (exclude or set())
        ]
        return sum(a for a, _ in chosen), sum(t for _, t in chosen)

    def to_json(self) -> dict:
        own, reference = self.agreement(exclude={REFERENCE_REPORT}), self.agreement({REFERENCE_REPORT})
        return {
            "own_corpus": {"agree": own[0], "total": own[1]},
            "reference": {"agree": reference[0], "total": reference[1]},
            "per_report": {r: {"agree": a, "total": t} for r, (a, t) in self.per_report.items()},
            "confusion": [{"gold": g, "predicted": p, "n": n} for (g, p), n in sorted(self.confusion.items())],
            "baseline_all_complete": dict(self.baseline),
            "misses": self.misses,
            "skipped": self.skipped,
        }


def read_commitments(path: str | Path) -> list[dict]:
    """The gold rows; a status outside the scale is an error naming the line."""
    rows = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("status") not in STATUSES or not row.get("reasoning"):
            raise ValueError(f"{path}:{number}: status must be one of {', '.join(STATUSES)} and reasoning non-empty")
        rows.append(row)
    return rows


def evaluate_commitments(corpus: str | Path = "corpus", *, gold_file: str | Path | None = None) -> CommitmentEvaluation:
    """Run :func:`~reportparse.plans.compare.compare` on every report of the gold file and count agreement.

    Args:
        corpus: the corpus folder (its parent is the project root the paths are relative to).
        gold_file: default ``corpus/commitments.jsonl``.

    Returns:
        The evaluation, with an "every item complete" baseline for comparison.
    """
    corpus = Path(corpus)
    root = corpus.resolve().parent
    groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for row in read_commitments(gold_file or corpus / "commitments.jsonl"):
        groups[(row["report"], row["report_path"], row.get("plan_path", ""))].append(row)
    result = CommitmentEvaluation()
    for (report, report_path, plan_path), gold in groups.items():
        if not (root / report_path).exists() or (plan_path and not (root / plan_path).exists()):
            result.skipped.append(report)
            continue
        frame = compare(root / plan_path if plan_path else None, root / report_path)
        predicted = {row["item"]: row for row in frame.to_dict("records") if row["item"]}
        agree = 0
        for row in gold:
            found = predicted.get(row["item"])
            status = found["status"] if found else "no_evidence"
            result.confusion[(row["status"], status)] += 1
            result.baseline["agree" if row["status"] == "complete" else "differ"] += 1
            if status == row["status"]:
                agree += 1
            else:
                result.misses.append(
                    {
                        "report": report,
                        "item": row["item"],
                        "gold": row["status"],
                        "predicted": status,
                        "rule": found["rule"] if found else "",
                        "reasoning": row["reasoning"],
                    }
                )
        previous = result.per_report.get(report, (0, 0))
        result.per_report[report] = (previous[0] + agree, previous[1] + len(gold))
    return result


def format_commitments(evaluation: CommitmentEvaluation) -> str:
    """A plain-text report: agreement on the own corpus and on the reference report, per report, misses."""

    def share(agree: int, total: int) -> str:
        return f"{agree}/{total} ({agree / total:.1%})" if total else "—"

    own = evaluation.agreement(exclude={REFERENCE_REPORT})
    out = [
        "commitments: status agreement with corpus/commitments.jsonl",
        "",
        f"{'own corpus':<24}{share(*own)}",
        f"{'reference report':<24}{share(*evaluation.agreement({REFERENCE_REPORT}))}",
        f"{'baseline (all complete)':<24}{share(evaluation.baseline['agree'], sum(evaluation.baseline.values()))}",
        "",
    ]
    out += [f"  {report:<22}{share(*counts)}" for report, counts in evaluation.per_report.items()]
    if evaluation.misses:
        out += ["", "disagreements (gold → predicted, rule):"]
        out += [f"  {m['report']} {m['item']}: {m['gold']} → {m['predicted']} ({m['rule']})" for m in evaluation.misses]
    if evaluation.skipped:
        out += ["", f"skipped (file absent): {', '.join(evaluation.skipped)}"]
    return "\n".join(out)
