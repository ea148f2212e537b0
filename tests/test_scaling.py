"""Every stage runs in linear time: on an input 8 times as long it takes at most 12 times as long.

Each case is a worst-case-ish input for one stage, at a size where the stage takes some 10-40 ms:
long hyphenated text, long item lists, runs of capitalised words and head nouns, number lists,
text without spaces or line breaks, long runs of spaces, many quotes and parentheses. The time is
the CPU time of this process (other processes on the machine do not count), the best of three
after a warm-up, with the objects earlier tests left alive frozen (``gc.freeze``: the garbage
collector's passes over them are not the stage's cost, and made a linear stage measure 15× in a
long test run); a case over the ratio is measured once more before it fails. A linear stage
measures 7-10 times, the quadratic spots these cases were written for measured 20-70 times
(docs/reliability.md).
"""

from __future__ import annotations

import gc
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from reportparse import load_text
from reportparse.extract.counts import find_counts
from reportparse.extract.dates import find_dates
from reportparse.extract.organizations import find_organizations
from reportparse.extract.references import find_references
from reportparse.pipeline import extract_tables
from reportparse.structure.plan_sections import find_plan_measures
from reportparse.structure.segment import find_headings

GROWTH = 8
MAX_RATIO = 12.0

STAGES: dict[str, Callable[[str], object]] = {
    "normalize": load_text,
    "dates": lambda text: find_dates(text, year=2022),
    "counts": find_counts,
    "organizations": find_organizations,
    "references": lambda text: find_references(text, year=2022),
    "headings": find_headings,
    "plan": find_plan_measures,
    "tables": lambda text: extract_tables(load_text(text)),
}


@dataclass(frozen=True)
class Case:
    """A stage, a text made of ``n`` units, and whether the stage gets the text as it is (``raw``)
    or normalized, as the pipeline gives it to every stage after the normalizer."""

    id: str
    stage: str
    make: Callable[[int], str]
    n: int
    raw: bool = False


def _numbered(unit: Callable[[int], str]) -> Callable[[int], str]:
    return lambda n: "".join(unit(i) for i in range(n))


def _abbreviation(i: int) -> str:
    return "".join(chr(65 + (i // 26**k) % 26) for k in range(3))


HYPHENATED = (
    "Dövlət Gömrük Komitəsinin 15 mart 2022-ci il tarixli qərarı ilə tədbirlərin müəyyənləş-\ndirilməsi,"
    " proqnoz-\nməlumatın hazırlanması və Qeyri-\nHökumət Təşkilatlarının 50 nəfər əməkdaşının"
    " təlim-\nləri keçiril-\nmişdir.\n"
)

CASES = (
    # normalizer: line-end hyphens (each searched back from offset 0), hyphen chains, space runs,
    # a long word before a line break, text without spaces or line breaks
    Case("hyphenated-lines", "normalize", lambda n: HYPHENATED * n, 150, raw=True),
    Case("hyphen-chains", "normalize", lambda n: ("ab-" * 20 + "\ncd ") * n, 120, raw=True),
    Case("space-run", "normalize", lambda n: "a" + " " * n + "b\n" + "c" + "\t" * n + "d", 3000, raw=True),
    Case("long-word-line", "normalize", lambda n: "a" * n + "1\nB c\n", 30_000, raw=True),
    Case("no-spaces", "normalize", lambda n: "müəyyənləşdirilməsi" * n, 2000, raw=True),
    # references: item lists without their noun, quoted titles, headings and articles to skip,
    # act words after a run of capitalised words
    Case("item-list", "references", _numbered(lambda i: f"{i}-ci, "), 400),
    Case("item-list-and", "references", lambda n: "".join(f"{i}.1-ci, " for i in range(n)) + "2-ci və 3-cü", 400),
    Case("quoted-acts", "references", lambda n: "“Dövlət borcu haqqında Qanun”un tətbiqi ilə " * n, 300),
    Case("headings-and-items", "references", lambda n: "1-ci bəndin icrasına dair:\n2-ci bəndi.\n" * n, 300),
    Case("articles-and-items", "references", lambda n: "109-cu maddəsinin 32-ci bəndi və 5-ci bəndi " * n, 250),
    Case("act-words", "references", lambda n: "Sərəncamı " * n, 300),
    Case("digits-then-spaces", "references", lambda n: "2022" + " " * n + "x", 2000, raw=True),
    # organizations: runs of head nouns and capitalised words, abbreviations, quotes, parentheses
    Case("head-nouns", "organizations", lambda n: "Agentliyi " * n, 100),
    Case("capitals-then-heads", "organizations", lambda n: "Bakı Dövlət " * n + "Mərkəzi Agentliyi " * n, 60),
    Case("abbreviations", "organizations", _numbered(lambda i: f"Bakı Agentliyi ({_abbreviation(i)}) "), 150),
    Case("quotes", "organizations", lambda n: "“Bakı Mərkəzi” MMC “Azəri” ASC-yə " * n, 150),
    Case("open-parentheses", "organizations", lambda n: "Bakı Agentliyi (" * n, 300),
    # counts and dates
    Case("number-list", "counts", lambda n: ", ".join(str(i) for i in range(n)) + " nəfər", 1500),
    Case("number-groups", "counts", lambda n: "1" + " 234" * n + " manat", 4000),
    Case("years", "dates", lambda n: "2022-ci il " * n, 1500),
    Case("dates", "dates", lambda n: "15 mart 2022-ci il, " * n, 800),
    Case("digits-then-spaces-dates", "dates", lambda n: "2022" + " " * n + "x", 2000, raw=True),
    Case("no-spaces-dates", "dates", lambda n: "1-ci" * n, 3000),
    # segmentation: headings whose parenthesis or quote never closes, many headings, plan measures
    Case("open-parenthesis-headings", "headings", lambda n: "1-ci bəndin icrasına dair (abc.\n" * n, 400),
    Case("open-quote-headings", "headings", lambda n: "1-ci bəndin icrasına dair: “abc.\n" * n, 4000),
    Case("plan-measures", "plan", lambda n: "1.1. Tədbir\nİcraçı: Nazirlik\n" * n, 1500),
    # everything after loading, on an ordinary report made long
    Case("report", "tables", lambda n: _sample() * n, 1, raw=True),
)


def _sample() -> str:
    from reportparse.resources import sample_report_path

    return sample_report_path().read_text(encoding="utf-8")


def _cpu_seconds(run: Callable[[str], object], text: str) -> float:
    run(text)  # warm-up: caches and lazily built tables
    best = math.inf
    for _ in range(3):
        gc.collect()
        gc.freeze()  # what earlier tests left alive is not the stage's: its collections skip it
        try:
            started = time.process_time()
            run(text)
            best = min(best, time.process_time() - started)
        finally:
            gc.unfreeze()
    return max(best, 1e-4)


def scaling(case: Case) -> tuple[float, float]:
    """CPU seconds of the case's stage at size n and GROWTH × n."""
    run = STAGES[case.stage]
    texts = [case.make(case.n), case.make(GROWTH * case.n)]
    if not case.raw:
        texts = [load_text(text).text for text in texts]
    small, large = (_cpu_seconds(run, text) for text in texts)
    return small, large


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_stage_is_linear(case):
    for _attempt in range(2):
        small, large = scaling(case)
        if large <= MAX_RATIO * small:
            break
    print(
        f"{case.id} ({case.stage}): {small * 1000:.1f} ms, ×{GROWTH}: {large * 1000:.1f} ms, ratio {large / small:.1f}"
    )
    assert large <= MAX_RATIO * small, (
        f"{case.stage} on {case.id}: {small * 1000:.1f} ms at n, {large * 1000:.1f} ms at {GROWTH}n"
        f" (×{large / small:.1f}, more than ×{MAX_RATIO:g}): not linear"
    )


def test_a_long_hyphenated_document_gives_every_table_in_seconds():
    """A 160-page PDF's worth of hyphenated text (200,000 characters): loading took 51-240 s when
    each line-end hyphen was decided by searching the text from its start."""
    text = (HYPHENATED * (200_000 // len(HYPHENATED) + 1))[:200_000]
    started = time.perf_counter()
    document = load_text(text)
    tables = extract_tables(document)
    seconds = time.perf_counter() - started
    assert "müəyyənləşdirilməsi" in document.text and "Qeyri-Hökumət" in document.text
    units = len(text) // len(HYPHENATED)
    assert min(len(tables[name]) for name in ("dates", "organizations", "counts")) >= units
    assert seconds < 15, f"{seconds:.1f} s for 200,000 characters of hyphenated text"
