"""Main-text extraction from saved web pages: trafilatura against the alternatives.

For every page ``corpus/html/NAME.html`` with its expected main text ``NAME.expected.txt``, runs
each extractor and prints, per page and in total:

* word precision and recall (bags of case-folded words: what share of the extracted words belong
  to the main text, and what share of the main text was extracted) and their F1;
* item headings kept on a line of their own (``1-ci bəndin icrasına dair …`` starting a line),
  which the segmenter needs;
* milliseconds per page (best of ``--repeat``).

Extractors: ``reportparse`` (:func:`reportparse.ingest.html.read`: trafilatura with layout tables
unwrapped, the registry record moved to metadata and the title line put first), ``trafilatura``
(its defaults, tables on, comments off), ``trafilatura-precision`` (``favor_precision``),
``justext`` (Azerbaijani stop list), ``bs4`` (BeautifulSoup ``get_text`` without scripts and
styles: the whole page) and ``readability`` (readability-lxml, when installed: it pins chardet
below 6, which the ``dev`` extra cannot have, so install it in a separate environment).

Run: .venv/bin/python benchmarks/bench_html.py [--repeat 3] [--show NAME] [--no-history]

The mean figures of each extractor are appended to benchmarks/results/bench_html.jsonl
(history.py) unless --no-history (``reportparse_word_f1``, ``trafilatura_precision_ms_per_page``, …);
an extractor that is not installed records nothing.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from history import measured, record

from reportparse.ingest import html as html_reader
from reportparse.lang.az.casing import casefold

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "corpus" / "html"
_WORD = re.compile(r"\w+")
_HEADING = re.compile(r"^[-•\s]*\d+(?:\.\d+)*-(?:ci|cı|cu|cü) bənd", re.IGNORECASE)


def _trafilatura(**options: object) -> Callable[[str], str]:
    import trafilatura

    def extract(markup: str) -> str:
        return trafilatura.extract(markup, include_comments=False, include_tables=True, **options) or ""

    return extract


def _justext(markup: str) -> str:
    import justext

    paragraphs = justext.justext(markup.encode("utf-8"), justext.get_stoplist("Azerbaijani"), encoding="utf-8")
    return "\n".join(paragraph.text for paragraph in paragraphs if not paragraph.is_boilerplate)


def _bs4(markup: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    for element in soup(["script", "style", "noscript", "template", "head"]):
        element.decompose()
    return soup.get_text("\n")


def _readability(markup: str) -> str:
    from readability import Document  # type: ignore[import-not-found]

    from reportparse.ingest.embedded import text_of_html

    return text_of_html(Document(markup).summary())


def _reportparse(path: Path) -> str:
    return html_reader.read(path, path.read_bytes()).pages[0]


def extractors() -> dict[str, Callable[[str], str]]:
    """Name → function of the page's markup (the reportparse reader takes the path, see ``run``)."""
    found = {
        "trafilatura": _trafilatura(),
        "trafilatura-precision": _trafilatura(favor_precision=True),
        "justext": _justext,
        "bs4": _bs4,
    }
    try:
        import readability  # type: ignore[import-not-found]  # noqa: F401
    except ImportError:
        print("(readability-lxml not installed: left out)")
    else:
        found["readability"] = _readability
    return found


def words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(casefold(text)))


def scores(got: str, expected: str) -> tuple[float, float, int, int]:
    """Word precision, word recall, item headings expected, item headings found at a line start."""
    got_words, expected_words = words(got), words(expected)
    common = sum((got_words & expected_words).values())
    precision = common / max(1, sum(got_words.values()))
    recall = common / max(1, sum(expected_words.values()))
    headings = [line.strip() for line in expected.splitlines() if _HEADING.match(line)]
    lines = {re.sub(r"^[-•\s]+", "", line.strip())[:40] for line in got.splitlines()}
    kept = sum(heading[:40] in lines for heading in headings)
    return precision, recall, len(headings), kept


def best_time(function: Callable[[], str], repeat: int) -> tuple[str, float]:
    best, result = float("inf"), ""
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return result, best


def run(repeat: int, show: str | None) -> dict[str, float]:
    """Print the scores per page and in total; return the totals as history figures."""
    pages = sorted(PAGES.glob("*.html"))
    functions = extractors()
    names = ["reportparse", *functions]
    totals = {name: [0.0, 0.0, 0, 0, 0.0] for name in names}
    print(f"{'page':44} {'extractor':22} {'P':>6} {'R':>6} {'F1':>6} {'items':>6} {'ms':>7}")
    for page in pages:
        expected = page.with_suffix("").with_suffix(".expected.txt").read_text(encoding="utf-8")
        markup = html_reader.decode(page.read_bytes(), path=page)
        for name in names:
            if name == "reportparse":
                got, seconds = best_time(lambda page=page: _reportparse(page), repeat)
            else:
                got, seconds = best_time(lambda name=name, markup=markup: functions[name](markup), repeat)
            precision, recall, headings, kept = scores(got, expected)
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            total = totals[name]
            total[0] += precision
            total[1] += recall
            total[2] += headings
            total[3] += kept
            total[4] += seconds
            print(
                f"{page.stem[:44]:44} {name:22} {precision:6.3f} {recall:6.3f} {f1:6.3f}"
                f" {kept:>2}/{headings:<3} {1000 * seconds:7.1f}"
            )
            if show and show in (name, page.stem):
                print(got, "\n")
    print(f"\nmean over {len(pages)} pages")
    figures: dict[str, float | None] = {}
    for name, (precision, recall, headings, kept, seconds) in totals.items():
        precision, recall = precision / len(pages), recall / len(pages)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(
            f"{name:22} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  item headings on their own line"
            f" {kept}/{headings}  {1000 * seconds / len(pages):.1f} ms/page"
        )
        key = name.replace("-", "_")
        figures |= {
            f"{key}_word_precision": precision,
            f"{key}_word_recall": recall,
            f"{key}_word_f1": f1,
            f"{key}_item_headings_kept_share": kept / headings if headings else None,
            f"{key}_ms_per_page": 1000 * seconds / len(pages),
        }
    return measured(figures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per page and extractor (best is kept)")
    parser.add_argument("--show", help="print the text of this extractor (or of every extractor on this page)")
    parser.add_argument("--no-history", action="store_true", help="do not append to benchmarks/results/")
    args = parser.parse_args()
    figures = run(args.repeat, args.show)
    if not args.no_history:
        lower = [name for name in figures if name.endswith("_ms_per_page")]
        path = record("bench_html", figures, lower_is_better=lower)
        print(f"history: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


if __name__ == "__main__":
    main()
