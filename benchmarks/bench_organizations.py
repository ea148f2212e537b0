"""Organizations: the rule grammar, the statistical model, and both together, side by side.

    .venv/bin/python benchmarks/bench_organizations.py [--gold FILE]... [--model DIR] [--stanza-model DIR]
        [--no-history]

For each gold file (default: corpus/gold.jsonl, corpus/heldout/gold.jsonl,
corpus/heldout2/gold.jsonl) prints strict P/R/F1, canonical-name accuracy and words/s of
``rules``, ``rules+model`` and ``model``. Speed counts only the organization step, measured in
the same run (the model's first load is outside the timing).

Caveat: the shipped model is trained on corpus/gold.jsonl, so its figures there are in-sample;
the held-out files are not in its training data. To see the model on unseen documents of the
main corpus, train a fold without them:
``python -m reportparse.training.spacy_ner --out /tmp/fold --exclude dmx-2022`` and pass ``--model /tmp/fold``.

The ``stanza`` modes run when ``reportparse[stanza]`` is installed and a Stanza model is there
(``--stanza-model``, default models/az_org_stanza; ``python -m reportparse.training.stanza_ner``);
otherwise they are skipped with a note.

The figures are appended to benchmarks/results/bench_organizations.jsonl (history.py) unless
--no-history, named by the gold file's folder and the method (``heldout_rules_model_f1`` for
``rules+model`` on corpus/heldout/gold.jsonl); a skipped method or absent gold file records nothing.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from history import measured, record

from reportparse.errors import ReportParseError
from reportparse.evaluation.score import evaluate
from reportparse.extract.metadata import extract_metadata
from reportparse.ner.backends import NER_MODES, find_organization_mentions
from reportparse.ner.model import load_model
from reportparse.ner.stanza_backend import check_stanza_model, load_stanza
from reportparse.pipeline import extract_tables
from reportparse.structure.segment import segment
from reportparse.tables.build import organizations_rows

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = (
    "corpus/gold.jsonl",
    "corpus/heldout/gold.jsonl",
    "corpus/heldout2/gold.jsonl",
    "corpus/heldout3/gold.jsonl",
)


class OrganizationsOnly:
    """document → tables with organizations by one method, timing only that step."""

    def __init__(self, ner: str, model: str | None, stanza_model: str | None = None) -> None:
        self.ner, self.model, self.stanza_model, self.seconds = ner, model, stanza_model, 0.0

    def __call__(self, document):
        tables = extract_tables(document)
        metadata = extract_metadata(document, segment(document))
        started = time.perf_counter()
        mentions = find_organization_mentions(
            document.text,
            reporting_body=metadata.organization,
            ner=self.ner,
            ner_model=self.model,
            stanza_model=self.stanza_model,
        )
        self.seconds += time.perf_counter() - started
        tables["organizations"] = organizations_rows(document, mentions, tables["sections"]).frame()
        return tables


def figure_prefix(gold: str, ner: str) -> str:
    """``corpus_rules`` for corpus/gold.jsonl and ``rules``, ``heldout_rules_model`` for ``rules+model``."""
    path = Path(gold)
    where = path.parent.name if path.stem == "gold" and path.parent.name else path.stem
    return f"{where}_{ner}".replace("+", "_").replace("-", "_")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", action="append", help="gold file (repeatable)")
    parser.add_argument("--model", help="NER model folder (default: the shipped one)")
    parser.add_argument("--stanza-model", help="Stanza NER model folder (default: models/az_org_stanza)")
    parser.add_argument("--no-history", action="store_true", help="do not append to benchmarks/results/")
    args = parser.parse_args()
    load_model(args.model)  # load once, outside the timings
    modes = list(NER_MODES)
    try:
        load_stanza(check_stanza_model(args.stanza_model))
        import torch

        torch.set_num_threads(1)  # one core, as the spaCy model and the rules use
    except ReportParseError as exc:
        print(f"(stanza modes skipped: {exc})")
        modes = [ner for ner in modes if not ner.endswith("stanza")]
    print(
        f"{'gold file':30} {'method':12} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'name':>6} {'words/s':>9}"
    )
    figures: dict[str, float | None] = {}
    for gold in args.gold or DEFAULT_GOLD:
        if not Path(gold).exists():
            continue
        for ner in modes:
            extract = OrganizationsOnly(ner, args.model, args.stanza_model)
            result = evaluate("corpus", tables=["organizations"], gold_file=gold, extract=extract)
            score = result.totals().get("organizations")
            if score is None:
                continue
            speed = result.words / extract.seconds if extract.seconds else float("nan")
            print(
                f"{gold:30} {ner:12} {score.gold:5d} {score.predicted:5d} {score.precision():6.3f} "
                f"{score.recall():6.3f} {score.f1():6.3f} {score.value_accuracy:6.3f} {speed:9,.0f}"
            )
            prefix = figure_prefix(gold, ner)
            figures |= {
                f"{prefix}_precision": score.precision(),
                f"{prefix}_recall": score.recall(),
                f"{prefix}_f1": score.f1(),
                f"{prefix}_name_accuracy": score.value_accuracy,
                f"{prefix}_words_per_s": speed,
            }
    if not args.no_history:
        path = record("bench_organizations", measured(figures))
        print(f"history: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


if __name__ == "__main__":
    main()
