"""Fuzz the text entry point: ``load_text`` → ``extract_tables`` on generated report text.

Hypothesis generates Azerbaijani-flavoured text (:mod:`reportparse.devtools.textgen`) in rounds
of fresh random examples until the time is up. An input fails when anything but a
``ReportParseError`` escapes, when a table breaks an invariant
(:mod:`reportparse.devtools.invariants`), or when one input takes longer than ``--hang``
seconds. Hypothesis shrinks a failure, and the shrunk input is saved to ``--crashes``
(default tests/fuzz_regressions/, replayed by tests/test_fuzz_regressions.py).

    python fuzz/fuzz_text.py --minutes 10
"""

from __future__ import annotations

import argparse
import hashlib
import signal
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from reportparse import load_text
from reportparse.devtools.invariants import offset_map_violations, table_violations
from reportparse.devtools.textgen import long_report_text, report_text, years
from reportparse.errors import ReportParseError
from reportparse.pipeline import extract_tables

ROOT = Path(__file__).resolve().parents[1]


class Hang(Exception):
    """One input ran past the time limit."""


def check(text: str, year: int | None, hang: float) -> None:
    """Everything the pipeline must do with ``text``; raises on a finding."""

    def alarm(_signum, _frame):
        raise Hang(f"no result after {hang:g} s")

    signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, hang)
    try:
        try:
            document = load_text(text)
        except ReportParseError:
            return
        problems = offset_map_violations(document) + table_violations(document, extract_tables(document, year=year))
        assert not problems, problems
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="how long to fuzz (default 10)")
    parser.add_argument("--hang", type=float, default=10.0, help="seconds one input may take (default 10)")
    parser.add_argument("--crashes", type=Path, default=ROOT / "tests" / "fuzz_regressions")
    parser.add_argument("--round", type=int, default=500, help="examples per hypothesis round")
    args = parser.parse_args(argv)

    stop_at = time.monotonic() + args.minutes * 60
    executed = findings = rounds = 0
    failing: list[str] = []

    @settings(
        max_examples=args.round,
        deadline=None,
        database=None,
        derandomize=False,
        print_blob=False,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.generate, Phase.shrink],
    )
    @given(st.one_of(report_text, long_report_text, st.text(max_size=2000)), years)
    def one_round(text: str, year: int | None) -> None:
        nonlocal executed
        executed += 1
        try:
            check(text, year, args.hang)
        except BaseException:
            failing[:] = [text]  # the last failing input is the shrunk one hypothesis replays
            raise

    started = time.monotonic()
    while time.monotonic() < stop_at:
        rounds += 1
        try:
            one_round()
        except Exception:  # noqa: BLE001 - a finding: keep the shrunk input, report, carry on
            findings += 1
            text = failing[0]
            name = f"text-{hashlib.sha256(text.encode('utf-8', 'surrogatepass')).hexdigest()[:12]}.txt"
            args.crashes.mkdir(parents=True, exist_ok=True)
            (args.crashes / name).write_text(text, encoding="utf-8", errors="surrogatepass")
            print(f"FINDING saved to {args.crashes / name}:\n{traceback.format_exc(limit=3)}", flush=True)
        print(
            f"{time.monotonic() - started:7.0f} s  rounds {rounds}  inputs {executed}  findings {findings}", flush=True
        )
    elapsed = time.monotonic() - started
    print(f"done: {executed} inputs in {elapsed:.0f} s ({executed / elapsed:.0f}/s), {findings} findings")
    return 1 if findings else 0


if __name__ == "__main__":
    raise SystemExit(main())
