"""Start-up cost: `import reportparse` and loading the pipeline (the first parse), in a fresh process.

    .venv/bin/python benchmarks/bench_startup.py [--repeat 5] [--no-history]

A batch worker pays this once; a one-off `reportparse parse FILE` pays it every time. Prints the
best of --repeat fresh interpreters: the import, the pipeline load (parsing the bundled sample,
which compiles every grammar and fills every cache), a second parse of the sample in the same
process, what the first parse adds to it (first − second), and the whole process's wall time.
Run it twice after a change: the first run also writes the bytecode caches (__pycache__), which
a user's interpreter keeps as well. The figures are appended to
benchmarks/results/bench_startup.jsonl (history.py) unless --no-history.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

from history import record

PROBE = """
import json, time
started = time.perf_counter()
import reportparse
imported = time.perf_counter()
from reportparse.batch.workers import warm_up
warm_up()
loaded = time.perf_counter()
warm_up()
again = time.perf_counter()
print(json.dumps({"import": imported - started, "load": loaded - imported, "warm": again - loaded}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-history", action="store_true", help="do not append to benchmarks/results/")
    args = parser.parse_args()
    runs = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        output = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout
        runs.append({**json.loads(output), "wall": time.perf_counter() - started})
    best = {key: min(run[key] for run in runs) for key in runs[0]}
    print(
        f"import reportparse: {best['import']:.3f} s; pipeline load (first parse): {best['load']:.3f} s; "
        f"second parse: {best['warm']:.3f} s; the first parse adds {best['load'] - best['warm']:.3f} s; "
        f"import + load: {best['import'] + best['load']:.2f} s; whole process: {best['wall']:.2f} s "
        f"(best of {args.repeat})"
    )
    if not args.no_history:
        figures = {
            "import_s": best["import"],
            "first_parse_s": best["load"],
            "second_parse_s": best["warm"],
            "first_parse_adds_s": best["load"] - best["warm"],
            "process_s": best["wall"],
        }
        print(f"history: {record('bench_startup', figures, lower_is_better=figures)}")


if __name__ == "__main__":
    main()
