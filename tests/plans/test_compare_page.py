"""compare.html: self-contained, every evidence span highlighted, and rendered by a real headless browser."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from reportparse.plans.compare import compare_plan
from reportparse.plans.page import highlighted, parse_spans, render
from tests.corpus_paths import PROJECT_ROOT

SCENARIO = PROJECT_ROOT / "corpus" / "multibody"


@pytest.fixture(scope="module")
def comparison():
    return compare_plan(SCENARIO / "plan-2021-2022.txt", sorted((SCENARIO / "reports").glob("*.txt")))


@pytest.fixture(scope="module")
def html(comparison):
    texts = {e.report_id: e.text for e in comparison.evidence}
    return render(comparison.commitments, texts, title="Scenario", unmatched=comparison.unmatched_reports)


def expected_marks(comparison) -> list[tuple[str, str]]:
    """(span, text) of every evidence sentence of the reported rows."""
    texts = {e.report_id: e.text for e in comparison.evidence}
    marks = []
    for row in comparison.commitments[comparison.commitments["reported"]].to_dict("records"):
        for start, end in parse_spans(row["evidence_spans"]):
            marks.append((f"{start}-{end}", texts[row["report_id"]][start:end]))
    return marks


class Marks(HTMLParser):
    """The evidence marks of a page (data-span and text) and the body's data attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[tuple[str, str]] = []
        self.body: dict[str, str | None] = {}
        self._open: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "body":
            self.body = attributes
        if tag == "mark" and "evidence" in (attributes.get("class") or ""):
            self._open, self._text = attributes["data-span"], []

    def handle_data(self, data):
        if self._open is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "mark" and self._open is not None:
            self.marks.append((self._open, "".join(self._text)))
            self._open = None


def marks_of(page: str) -> Marks:
    parser = Marks()
    parser.feed(page)
    return parser


def test_highlighted_marks_each_span_once():
    text = "Birinci cümlə. İkinci <cümlə> & son."
    out = highlighted(text, 0, len(text), [(15, 30), (0, 14)])
    assert out.count("<mark") == 2 and "&lt;cümlə&gt; </mark>&amp; son." in out
    assert marks_of(out).marks == [("0-14", "Birinci cümlə."), ("15-30", "İkinci <cümlə> ")]


def test_every_evidence_span_is_on_the_page(comparison, html):
    expected = expected_marks(comparison)
    assert len(expected) > 40
    assert sorted(marks_of(html).marks) == sorted(expected)


def test_the_page_is_self_contained(html):
    assert not re.search(r"""(?:src|href)\s*=\s*['"]?(?:https?:|//)""", html)
    assert "<link" not in html and "@import" not in html and "url(" not in html
    assert "Reports not used" in html and "gomruk-2021.txt" in html


def _browser() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no headless Chromium (Debian: apt-get install chromium)")


def _dump(browser: str, url: str, profile) -> str:
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--virtual-time-budget=2000",
        "--dump-dom",
        url,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_rendered_by_headless_chromium(comparison, html, tmp_path):
    browser = _browser()
    path = tmp_path / "compare.html"
    path.write_text(html, encoding="utf-8")
    reported = comparison.commitments.reset_index(drop=True)
    index = int(reported.index[reported["reported"]][0])
    dom = marks_of(_dump(browser, f"{path.as_uri()}#cell-{index}", tmp_path / "profile"))
    expected = expected_marks(comparison)
    # The script ran in the browser: it counted the marks and saw the panel of the cell opened by :target.
    assert dom.body.get("data-evidence-marks") == str(len(expected))
    assert dom.body.get("data-open-panel") == f"cell-{index}"
    assert sorted(dom.marks) == sorted(expected)
