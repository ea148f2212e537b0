"""Gold statuses of plan items (``corpus/commitments.jsonl``) and the agreement of :func:`compare` with them.

One JSON object per line and per plan item per report: ``report`` (the gold.jsonl id),
``report_path``, ``plan``/``plan_path`` (empty when the report's own headings are the plan),
``item``, ``status`` and ``reasoning`` (why a reader gives that status). Paths are relative to
the project root; reports under ``../shared`` are skipped when it is absent.

A scenario (``corpus/<name>/commitments.jsonl``, such as ``corpus/multibody``) scores a plan
against many bodies' reports: its ``report_path`` is a folder of reports, and each line names
the ``executor`` (``org_id``) and ``year`` of the (item, executor, year) row it gives the
status of. Scenarios are scored apart from the per-report gold, with the items whose gold
status is not ``complete`` also counted on their own.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

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
    scenarios: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)
    """Per scenario: ``all`` and ``not_complete`` (gold status other than complete) as (agreeing, total)."""

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
            "scenarios": {
                name: {part: {"agree": a, "total": t} for part, (a, t) in parts.items()}
                for name, parts in self.scenarios.items()
            },
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


SCENARIO_GOLD = "commitments.jsonl"
"""The gold file of a scenario folder under the corpus (``corpus/multibody/commitments.jsonl``)."""


def _report_files(path: Path) -> list[Path]:
    """A report file, or the files of a folder of reports (sorted)."""
    if path.is_dir():
        return sorted(child for child in path.iterdir() if child.is_file() and not child.name.startswith("."))
    return [path]


def _predictions(frame: pd.DataFrame, *, per_executor: bool) -> dict[tuple, dict]:
    """Rows of compare's output by (item, executor_id, year), or by item (the best-supported
    row of the item: a reported one first)."""
    rows = frame[frame["item"] != ""].to_dict("records")
    if per_executor:
        return {(row["item"], row["executor_id"], int(row["year"])): row for row in rows if pd.notna(row["year"])}
    found: dict[tuple, dict] = {}
    for row in rows:
        key = (row["item"],)
        if key not in found or (row["reported"] and not found[key]["reported"]):
            found[key] = row
    return found


def _gold_key(row: dict) -> tuple:
    return (row["item"], row["executor"], int(row["year"])) if "executor" in row else (row["item"],)


def evaluate_commitments(corpus: str | Path = "corpus", *, gold_file: str | Path | None = None) -> CommitmentEvaluation:
    """Run :func:`~reportparse.plans.compare.compare` on every report of the gold file (and every
    scenario of the corpus) and count agreement.

    Args:
        corpus: the corpus folder (its parent is the project root the paths are relative to).
        gold_file: default ``corpus/commitments.jsonl``; scenarios are only read with the default.

    Returns:
        The evaluation, with an "every item complete" baseline for comparison.
    """
    corpus = Path(corpus)
    root = corpus.resolve().parent
    result = CommitmentEvaluation()
    sources = [(gold_file or corpus / "commitments.jsonl", False)]
    if gold_file is None:
        sources += [(path, True) for path in sorted(corpus.glob(f"*/{SCENARIO_GOLD}"))]
    for source, scenario in sources:
        groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
        for row in read_commitments(source):
            groups[(row["report"], row["report_path"], row.get("plan_path", ""))].append(row)
        for (report, report_path, plan_path), gold in groups.items():
            if not (root / report_path).exists() or (plan_path and not (root / plan_path).exists()):
                result.skipped.append(report)
                continue
            frame = compare(root / plan_path if plan_path else None, _report_files(root / report_path))
            predicted = _predictions(frame, per_executor=any("executor" in row for row in gold))
            counts = {"all": [0, 0], "not_complete": [0, 0]}
            for row in gold:
                found = predicted.get(_gold_key(row))
                status = found["status"] if found else "no_evidence"
                agree = status == row["status"]
                parts = ["all"] if row["status"] == "complete" else ["all", "not_complete"]
                for part in parts:
                    counts[part][0] += agree
                    counts[part][1] += 1
                if not scenario:
                    result.confusion[(row["status"], status)] += 1
                    result.baseline["agree" if row["status"] == "complete" else "differ"] += 1
                if not agree:
                    result.misses.append(
                        {
                            "report": report,
                            "item": row["item"] + (f" {row['executor']} {row['year']}" if "executor" in row else ""),
                            "gold": row["status"],
                            "predicted": status,
                            "rule": found["rule"] if found else "",
                            "reasoning": row["reasoning"],
                        }
                    )
            if scenario:
                result.scenarios[report] = {part: (a, t) for part, (a, t) in counts.items()}
            else:
                previous = result.per_report.get(report, (0, 0))
                result.per_report[report] = (previous[0] + counts["all"][0], previous[1] + counts["all"][1])
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
    for name, parts in evaluation.scenarios.items():
        out += [
            "",
            f"scenario {name} (one row per item, executor and year)",
            f"  {'all rows':<22}{share(*parts['all'])}",
            f"  {'gold not complete':<22}{share(*parts['not_complete'])}",
        ]
    if evaluation.misses:
        out += ["", "disagreements (gold → predicted, rule):"]
        out += [f"  {m['report']} {m['item']}: {m['gold']} → {m['predicted']} ({m['rule']})" for m in evaluation.misses]
    if evaluation.skipped:
        out += ["", f"skipped (file absent): {', '.join(evaluation.skipped)}"]
    return "\n".join(out)
