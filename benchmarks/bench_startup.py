"""Start-up cost: `import reportparse` and loading the pipeline (the first parse), in a fresh process.

    .venv/bin/python benchmarks/bench_startup.py [--repeat 5]

A batch worker pays this once; a one-off `reportparse parse FILE` pays it every time. Prints the
best of --repeat fresh interpreters: the import, the pipeline load (parsing the bundled sample,
which compiles every grammar and fills every cache), and the whole process's wall time.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

PROBE = """
import json, time
started = time.perf_counter()
import reportparse
imported = time.perf_counter()
from reportparse.batch.workers import warm_up
warm_up()
loaded = time.perf_counter()
print(json.dumps({"import": imported - started, "load": loaded - imported}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    runs = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        output = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout
        runs.append({**json.loads(output), "wall": time.perf_counter() - started})
    best = {key: min(run[key] for run in runs) for key in runs[0]}
    print(
        f"import reportparse: {best['import']:.2f} s; pipeline load (first parse): {best['load']:.2f} s; "
        f"import + load: {best['import'] + best['load']:.2f} s; whole process: {best['wall']:.2f} s "
        f"(best of {args.repeat})"
    )


if __name__ == "__main__":
    main()
