"""``reportparse corpus …``: validate, export and anchor gold records."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from reportparse.evaluation.gold import (
    GOLD_TABLES,
    GoldDocument,
    GoldError,
    anchor_regions,
    anchor_rows,
    read_gold,
    validate_record,
    write_gold,
)

DEFAULT_CORPUS = Path("corpus")


def _gold_path(args: argparse.Namespace) -> Path:
    return Path(args.gold) if args.gold else Path(args.corpus) / "gold.jsonl"


def _project_root(args: argparse.Namespace) -> Path:
    return Path(args.corpus).resolve().parent


def cmd_validate(args: argparse.Namespace) -> int:
    """Check every record; print problems; exit 1 if any."""
    records = read_gold(_gold_path(args))
    failures = 0
    for record in records:
        try:
            text = record.load(_project_root(args)).text
        except FileNotFoundError as exc:
            print(f"{record.id}: skipped, {exc} is absent")
            continue
        except GoldError as exc:
            print(f"{record.id}: {exc}")
            failures += 1
            continue
        problems = validate_record(record, text)
        counts = ", ".join(f"{t} {len(record.rows[t])}" for t in GOLD_TABLES if t in record.annotated)
        print(f"{record.id}: {'OK' if not problems else f'{len(problems)} problem(s)'} ({counts})")
        for problem in problems:
            print(f"  {problem}")
        failures += bool(problems)
    return 1 if failures else 0


def cmd_export(args: argparse.Namespace) -> int:
    """Print one record, pretty-printed, for editing."""
    for record in read_gold(_gold_path(args)):
        if record.id == args.id:
            json.dump(record.to_json(), sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
            return 0
    print(f"reportparse: error: no record {args.id!r} in {_gold_path(args)}", file=sys.stderr)
    return 1


def cmd_anchor(args: argparse.Namespace) -> int:
    """Resolve a draft's offsets and put it into gold.jsonl (replacing a record with its id)."""
    draft = GoldDocument.from_json(json.loads(Path(args.draft).read_text(encoding="utf-8")))
    root = _project_root(args)
    path = draft.file(root)
    if not draft.sha256:
        import hashlib

        draft.sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    try:
        text = draft.load(root).text
        draft.regions = anchor_regions(text, draft.regions)
        for table in GOLD_TABLES:
            draft.rows[table] = anchor_rows(text, draft.rows[table], table=table, regions=draft.regions)
    except GoldError as exc:
        print(f"reportparse: error: {draft.id}: {exc}", file=sys.stderr)
        return 1
    problems = validate_record(draft, text)
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)
    gold = _gold_path(args)
    records = [r for r in (read_gold(gold) if gold.exists() else []) if r.id != draft.id] + [draft]
    write_gold(gold, records)
    print(f"{draft.id}: anchored, {len(problems)} problem(s); written to {gold}")
    return 1 if problems else 0


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Register ``corpus`` and its subcommands on the main parser."""
    corpus = commands.add_parser(
        "corpus",
        help="validate, export and anchor gold annotations",
        description="Work with the gold annotations in CORPUS/gold.jsonl (see corpus/README.md).",
    )
    corpus.add_argument("--corpus", default=str(DEFAULT_CORPUS), metavar="DIR", help="corpus folder (default: corpus)")
    corpus.add_argument("--gold", metavar="FILE", help="gold file (default: DIR/gold.jsonl)")
    sub = corpus.add_subparsers(dest="corpus_command", required=True, metavar="COMMAND")
    validate = sub.add_parser(
        "validate",
        help="check every gold record against its document",
        description="Check file hashes, offsets, surfaces and values of every record.",
    )
    validate.set_defaults(handler=cmd_validate)
    export = sub.add_parser("export", help="print one record as pretty JSON", description="Print a record for editing.")
    export.add_argument("id", help="the record's id")
    export.set_defaults(handler=cmd_export)
    anchor = sub.add_parser(
        "anchor",
        help="resolve a draft record's offsets into gold.jsonl",
        description="Give every row of DRAFT offsets (see corpus/README.md) and store the record.",
    )
    anchor.add_argument("draft", help="a JSON file with one record")
    anchor.set_defaults(handler=cmd_anchor)
