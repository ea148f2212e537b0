"""Item headings in text without line structure: a report copied from a web page or a viewer."""

from __future__ import annotations

import json
import time

import pytest

import reportparse
from reportparse.extract.metadata import extract_metadata
from reportparse.pipeline import extract_tables
from reportparse.structure.segment import find_headings, segment
from tests.corpus_paths import PROJECT_ROOT

GOLD = [json.loads(line) for line in (PROJECT_ROOT / "corpus" / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
# text reports only: the table-form ones (a .docx, a .pdf) have no headings to collapse
REPORTS = [record for record in GOLD if record["kind"] == "report" and record["path"].endswith(".txt")]


def one_line(text: str) -> str:
    return " ".join(text.split())


def gold_report(record):
    path = PROJECT_ROOT / record["path"]
    if not path.exists():
        pytest.skip(f"{path} is absent (the real documents live outside the repository)")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("record", REPORTS, ids=[r["id"] for r in REPORTS])
def test_collapsed_reports_keep_their_gold_sections_and_metadata(record):
    text = gold_report(record)
    doc = reportparse.load_text(one_line(text))
    assert "\n" not in doc.text
    result = segment(doc)
    items = [item for section in result.headed for item in section.items]
    commitments = [section.commitment for section in result.headed for _item in section.items]
    assert items == [section["item"] for section in record["sections"]]
    assert commitments == [one_line(section["commitment"]) for section in record["sections"]]
    laid_out = reportparse.load_text(text)
    assert extract_metadata(doc, result) == extract_metadata(laid_out, segment(laid_out))
    assert extract_metadata(doc, result).year == record["year"]


def test_reference_report_collapsed_gives_ten_items_with_commitments(reference_report):
    laid_out = reportparse.load(reference_report)
    doc = reportparse.load_text(one_line(reference_report.read_text(encoding="utf-8")))
    got = [(s.items, s.commitment) for s in segment(doc).headed]
    assert got == [(s.items, s.commitment) for s in segment(laid_out).headed]
    assert [items for items, _c in got] == [[str(n)] for n in range(1, 11)]
    assert all(len(commitment) > 40 for _items, commitment in got)


TRANSCRIPT = (
    "AZƏRBAYCAN RESPUBLİKASI MİLLİ ARXİV İDARƏSİNİN AÇIQ HÖKUMƏTİN TƏŞVİQİNƏ DAİR 2022–2025-Cİ İLLƏR ÜÇÜN "
    "MİLLİ FƏALİYYƏT PLANININ 2024-CÜ İLDƏ İCRASI BARƏDƏ HESABATI 1. Fəaliyyət Planının 1-ci bəndinin icrasına "
    "dair: İdarə tərəfindən 2024-cü il 12 mart tarixində 4 təlim keçirilmişdir (bax: Fəaliyyət Planının 2-ci "
    "bəndinin icrasına dair məlumat). Fəaliyyət Planının 3-cü bəndinə uyğun olaraq hesabat hazırlanmışdır. "
    "Tədbirlər Planının 5.1-ci bəndinin icrası məqsədilə görüş keçirilmişdir. 2. Fəaliyyət Planının 2-ci "
    "bəndinin icrasına dair: Arxiv sənədlərinin 12 faizi rəqəmsallaşdırılmışdır. 3-cü bənd üzrə: “Elektron "
    "kataloqun yaradılması” Kataloq istifadəyə verilmişdir. 4.2-ci yarımbəndin icrası barədə (Açıq məlumatların "
    "dərci): 14 məlumat dəsti dərc edilmişdir. Bənd 5. Vətəndaş müraciətlərinin təhlili. Təhlil aparılmışdır."
)


def test_a_one_line_transcript_gives_its_items():
    doc = reportparse.load_text(TRANSCRIPT)
    tables = extract_tables(doc)
    sections = tables["sections"]
    assert list(sections["item"]) == ["", "1", "2", "3", "4.2", "5"]
    assert list(sections["commitment"]) == [
        "",
        "",
        "",
        "Elektron kataloqun yaradılması",
        "Açıq məlumatların dərci",
        "Vətəndaş müraciətlərinin təhlili",
    ]
    assert sections.loc[1, "heading"] == "1. Fəaliyyət Planının 1-ci bəndinin icrasına dair:"
    # the references inside sentences stay in item 1's narrative
    assert "(bax: Fəaliyyət Planının 2-ci bəndinin icrasına dair məlumat)" in sections.loc[1, "text"]
    assert "5.1-ci bəndinin icrası məqsədilə" in sections.loc[1, "text"]
    for row in sections.itertuples():
        assert doc.text[row.start : row.end] == row.text
        assert doc.text[row.heading_start : row.heading_end] == row.heading
    meta = tables["documents"].iloc[0]
    assert meta["title"].endswith("İCRASI BARƏDƏ HESABATI") and meta["year"] == 2024
    assert meta["organization"] == "Azərbaycan Respublikasının Milli Arxiv İdarəsi"


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        # numbered as its item, without a sentence end before it
        (
            "Bu il 5 görüş keçirilib 2. Fəaliyyət Planının 2-ci bəndinin icrasına dair: Mətn.",
            "2. Fəaliyyət Planının 2-ci bəndinin icrasına dair:",
        ),
        # numbered as its item: a heading even when neither ":" nor "(" follows
        (
            "Bu il işlər görülmüşdür 2. Fəaliyyət Planının 2-ci bəndinin icrasına dair Agentlik tərəfindən mətn.",
            "2. Fəaliyyət Planının 2-ci bəndinin icrasına dair",
        ),
        # a few words, then the colon
        ("Xidmətin hesabatı. 1-ci bəndin icrası ilə bağlı görülmüş işlər: Mətn.", "1-ci bəndin icrası ilə bağlı"),
        (
            "Mətn. yarımbənd 5.3.4 üzrə görülmüş işlər (Qaynar xətt): Mətn.",
            "yarımbənd 5.3.4 üzrə görülmüş işlər (Qaynar xətt):",
        ),
        ("Mətn. 1. Tədbirlər Planının 1-ci bəndinin icrası ilə bağlı Tədbir: Dərc. İcra: mətn.", None),
    ],
)
def test_more_in_line_heading_forms(text, heading):
    text = reportparse.load_text(text).text
    found = find_headings(text)
    assert len(found) == 1
    start, end, _items, commitment = found[0]
    if heading is None:
        assert text[start:end].startswith("1. Tədbirlər Planının") and commitment == "Dərc"
    else:
        assert text[start:end] == heading


@pytest.mark.parametrize(
    "text",
    [
        # no sentence end before the item
        "Bu il Agentlik tərəfindən Fəaliyyət Planının 2-ci bəndinin icrasına dair: məlumat verilmişdir.",
        # inside parentheses, after a colon
        "Məlumat verilmişdir (bax: Fəaliyyət Planının 2-ci, 43-cü və 44-cü bəndlərinin icrasına dair məlumat).",
        # after a sentence end, but not followed by what a heading has
        "Hesabat hazırlanmışdır. Tədbirlər Planının 3-cü bəndinin icrası barədə Nazirlər Kabinetinə yazılmışdır.",
        "Hesabat hazırlanmışdır. Fəaliyyət Planının 2.2-ci bəndinə uyğun olaraq sorğu keçirilmişdir.",
        "Hesabat hazırlanmışdır. Həmin bəndin icrası üzrə 3 görüş keçirilmişdir.",
        "Mətn. 3. Planın 2-ci bəndinin icrasına dair Agentlik tərəfindən mətn.",  # numbered, not as its item
    ],
)
def test_item_mentions_inside_a_line_are_not_headings(text):
    assert find_headings(reportparse.load_text(text).text) == []


def test_letter_spaced_type_word_inside_a_line_ends_the_title():
    doc = reportparse.load_text(
        "Xidmətin 2021-ci ildə icrası barədə M Ə L U M A T Bənd 1. Portalın yaradılması. Portal yaradılmışdır."
    )
    result = segment(doc)
    assert [(s.items, s.commitment) for s in result.headed] == [(["1"], "Portalın yaradılması")]
    meta = extract_metadata(doc, result)
    assert (meta.title, meta.year) == ("Xidmətin 2021-ci ildə icrası barədə MƏLUMAT", 2021)


def test_many_sentences_and_in_line_headings_stay_linear():
    unit = "Mətn hazırlanmışdır. 1-ci, 2-ci, 3-cü, 4-cü, 5-ci və 6-cı bəndlərin icrasına dair: mətn (a) və b. "
    timings = []
    for repeat in (500, 2000):
        text = unit * repeat
        started = time.perf_counter()
        found = find_headings(text)
        timings.append(time.perf_counter() - started)
        assert len(found) == repeat
    assert timings[1] < 8 * timings[0] + 0.5  # four times the text: not sixteen times the time
