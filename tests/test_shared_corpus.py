"""The real documents of ../shared/corpus (skipped when absent): they all load, cleanly."""

from __future__ import annotations

import re

import pytest

import reportparse
from reportparse.lang.az.orthography import CYRILLIC_HOMOGLYPHS
from tests.corpus_paths import SHARED_CORPUS, shared_file

TEXT_FILES = [
    "reports/dmx-2022-opengov-execution-report.txt",
    "reports/ombudsman-annual-report-2018-excerpt.txt",
    "acts/borrowing-rules-2018-excerpt.txt",
    "acts/cabinet-decision-124-2016-excerpt.txt",
    "acts/cabinet-decision-436-2020-excerpt.txt",
    "acts/labour-code-articles-1-17.txt",
    "acts/supreme-court-decision-2021-excerpt.txt",
    "acts/trafficking-plan-2004-excerpt-cyrillic-homoglyphs.txt",
    "acts/trafficking-plan-2014-2018-newspaper-excerpt.txt",
]
CYRILLIC = re.compile("[\u0400-\u052f]")


@pytest.mark.shared_corpus
def test_the_list_covers_every_text_file():
    if not SHARED_CORPUS.exists():
        pytest.skip(f"{SHARED_CORPUS} is absent")
    found = {str(p.relative_to(SHARED_CORPUS)) for p in SHARED_CORPUS.rglob("*.txt") if p.name != "README.md"}
    assert found <= set(TEXT_FILES), f"new shared documents to cover: {found - set(TEXT_FILES)}"


@pytest.mark.shared_corpus
@pytest.mark.parametrize("relative", TEXT_FILES)
def test_every_text_file_loads_with_clean_text(relative):
    doc = reportparse.load(shared_file(relative))
    assert len(doc.text) > 1000
    assert "  " not in doc.text and "\n\n\n" not in doc.text and "\r" not in doc.text
    assert not any(len(line.strip()) == 1 and line.strip().isalpha() for line in doc.text.splitlines())


@pytest.mark.shared_corpus
def test_all_124_cyrillic_homoglyphs_are_replaced():
    path = shared_file("acts/trafficking-plan-2004-excerpt-cyrillic-homoglyphs.txt")
    raw = path.read_text(encoding="utf-8")
    assert len(CYRILLIC.findall(raw)) == 124 and set(CYRILLIC.findall(raw)) <= set(CYRILLIC_HOMOGLYPHS)
    doc = reportparse.load(path)
    assert CYRILLIC.findall(doc.text) == []
    assert "Azərbaycan Respublikası Prezidentinin 2004-cü il 6 may tarixli 208 nömrəli Sərəncamı" in doc.text


@pytest.mark.shared_corpus
def test_newspaper_line_breaks_inside_sentences_are_joined():
    doc = reportparse.load(shared_file("acts/trafficking-plan-2014-2018-newspaper-excerpt.txt"))
    assert "insan alverinə qarşı mübarizəyə dair 2014-2018-ci illər üçün Milli Fəaliyyət Planı" in doc.text
    assert (
        "Azərbaycan Respublikası Prezidentinin 2014-cü il 24 iyul tarixli Sərəncamı ilə təsdiq edilmişdir" in doc.text
    )


@pytest.mark.shared_corpus
def test_reference_report(reference_report):
    doc = reportparse.load(reference_report)
    text = doc.text
    assert "\nHESABAT\n" in text
    assert "Azərbaycan Respublikasının Qeyri-Hökumət Təşkilatlarına Dövlət Dəstəyi Agentliyinin" in text
    assert "“Əcnəbi işçi qüvvəsinə tələbat haqqında proqnoz-məlumatın" in text
    # the commitment of item 2 is broken by a blank line in the file; it is one sentence again
    assert "etik davranış qaydaları ilə bağlı təlimlər keçirilməsi" in text
    assert "Miqrant Şurasının 15 mart 2022-ci il və 4 noyabr 2022-ci il tarixlərdə iclasları keçirilmiş" in text
    for number in range(1, 11):
        assert f"\n{number}-" in text, f"item {number} heading starts a line"
    # every word of the source survives, in order
    source_words = [w for w in reference_report.read_text(encoding="utf-8").split() if w]
    assert len(text.split()) <= len(source_words)


@pytest.mark.shared_corpus
def test_ombudsman_letter_spaced_heading():
    doc = reportparse.load(shared_file("reports/ombudsman-annual-report-2018-excerpt.txt"))
    assert "\nÖn söz\n" in doc.text
    assert "AZƏRBAYCAN RESPUBLİKASININ İNSAN HÜQUQLARI ÜZRƏ MÜVƏKKİLİ (OMBUDSMAN)" in doc.text
