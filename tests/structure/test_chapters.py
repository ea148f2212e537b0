"""Chapter headings (Fəsil, Bölmə, Roman numerals): a section level above plan items."""

from __future__ import annotations

import warnings

import pytest

import reportparse
from reportparse.pipeline import extract_tables
from reportparse.structure.chapters import find_chapters
from reportparse.structure.segment import segment
from tests.corpus_paths import shared_file


def chapters(text: str) -> list[tuple[str, str, str, str]]:
    text = reportparse.load_text(text).text
    return [(c.kind, c.number, c.title, text[c.start : c.end]) for c in find_chapters(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Giriş.\n\nI fəsil\n\nÜmumi müddəalar\n\nMətn.",
            [("fəsil", "I", "Ümumi müddəalar", "I fəsil\n\nÜmumi müddəalar")],
        ),
        (
            "Giriş.\n\nII FƏSİL. Tədbirlərin icrası\n\nMətn.",
            [("fəsil", "II", "Tədbirlərin icrası", "II FƏSİL. Tədbirlərin icrası")],
        ),
        ("Giriş.\n\nBölmə 3\n\nMətn burada davam edir.", [("bölmə", "3", "", "Bölmə 3")]),
        ("Giriş.\n\nIII. Ümumi müddəalar\n\nMətn.", [("", "III", "Ümumi müddəalar", "III. Ümumi müddəalar")]),
        (
            "Giriş.\n\nOn beşinci fəsil\n\nSƏSVERMƏNİN TƏŞKİLİ\n\nMətn.",
            [("fəsil", "On beşinci", "SƏSVERMƏNİN TƏŞKİLİ", "On beşinci fəsil\n\nSƏSVERMƏNİN TƏŞKİLİ")],
        ),
        (
            "Giriş.\n\nFƏSİL 14\n\n[124]\n\nMƏSULİYYƏT\n\nMətn.",
            [("fəsil", "14", "MƏSULİYYƏT", "FƏSİL 14\n\n[124]\n\nMƏSULİYYƏT")],
        ),
        (
            "Giriş.\n\nI BÖLMƏ ÜMUMİ MÜDDƏALAR FƏSİL 1 MİQRASİYA QANUNVERİCİLİYİ\n\nMaddə 1. Mətn.",
            [
                ("bölmə", "I", "ÜMUMİ MÜDDƏALAR", "I BÖLMƏ ÜMUMİ MÜDDƏALAR"),
                ("fəsil", "1", "MİQRASİYA QANUNVERİCİLİYİ", "FƏSİL 1 MİQRASİYA QANUNVERİCİLİYİ"),
            ],
        ),
        # the line below a bare heading is no title when it is an article or a sentence
        ("Giriş.\n\nFəsil 2\n\nMaddə 5. Anlayışlar", [("fəsil", "2", "", "Fəsil 2")]),
    ],
)
def test_chapter_forms(text, expected):
    assert chapters(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Mətn.\n\nI. Quliyev\n\nMətn.",  # an initial, not a chapter
        "Mətn.\n\nIV rübündə 3 tədbir keçirilmişdir.",
        "Mətn.\n\nFəsil 1-də göstərilən qaydada.",
        "Mətn.\n\n3 bölmədən ibarət sənəd hazırlanmışdır.",
        "Mətn.\n\nIIV fəsil\n\nBaşlıq",  # not a Roman numeral
        "Mətn.\n\nI. ƏSAS ANLAYIŞLAR (1-2) II. ÜMUMİ MÜDDƏALAR (3-14) III. SEÇKİLƏRİN (REFERENDUMUN) KEÇİRİLMƏSİ "
        "(15-16) IV. REFERENDUM (17-21) V. MİLLİ MƏCLİSƏ SEÇKİLƏR (22-28)",  # a table of contents on one line
    ],
)
def test_not_chapters(text):
    assert chapters(text) == []


REPORT = (
    "Agentliyin 2023-cü il üzrə Dövlət Proqramının icrası barədə\n\nHESABAT\n\n"
    "I FƏSİL. Şəffaflığın artırılması\n\n"
    "1-ci bəndin icrasına dair (Açıq məlumatların dərci):\n\n12 məlumat dəsti dərc edilmişdir.\n\n"
    "2-ci bəndin icrasına dair (Sorğuların keçirilməsi):\n\n3 sorğu keçirilmişdir.\n\n"
    "II FƏSİL\n\nVətəndaş cəmiyyəti ilə əməkdaşlıq\n\nBu fəsil üzrə ümumi məlumat.\n\n"
    "3-cü bəndin icrasına dair (İctimai Şuranın fəaliyyəti):\n\nŞuranın 4 iclası keçirilmişdir.\n"
)


def test_items_carry_their_chapter_and_chapter_headings_are_sections():
    doc = reportparse.load_text(REPORT)
    tables = extract_tables(doc)
    sections = tables["sections"]
    assert list(sections["item"]) == ["", "", "1", "2", "", "3"]
    assert list(sections["chapter"]) == ["", "I", "I", "I", "II", "II"]
    assert list(sections["chapter_title"]) == [
        "",
        "Şəffaflığın artırılması",
        "Şəffaflığın artırılması",
        "Şəffaflığın artırılması",
        "Vətəndaş cəmiyyəti ilə əməkdaşlıq",
        "Vətəndaş cəmiyyəti ilə əməkdaşlıq",
    ]
    assert sections.loc[4, "heading"] == "II FƏSİL\n\nVətəndaş cəmiyyəti ilə əməkdaşlıq"
    assert sections.loc[4, "text"] == "Bu fəsil üzrə ümumi məlumat."
    assert "II FƏSİL" not in sections.loc[3, "text"]  # a chapter heading ends the item before it
    assert tables["documents"].loc[0, "n_sections"] == 3  # item headings only
    assert tables["documents"].loc[0, "title"].endswith("HESABAT")
    for row in sections.itertuples():
        assert doc.text[row.start : row.end] == row.text
        assert doc.text[row.heading_start : row.heading_end] == row.heading
    covered = "".join(doc.text[r.heading_start : r.end] for r in sections.drop_duplicates("section").itertuples())
    assert "".join(covered.split()) == "".join(doc.text.split())  # nothing lost between sections
    counts = tables["counts"]
    assert list(counts.loc[counts["text"].str.startswith("3 sorğu"), "item"]) == ["2"]


def test_a_report_without_chapters_has_empty_chapter_columns():
    sections = extract_tables(reportparse.load(reportparse.sample_report_path()))["sections"]
    assert set(sections["chapter"]) == {""} and set(sections["chapter_title"]) == {""}


def _load(relative: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return reportparse.load(shared_file(relative))


def test_the_migration_code_has_six_parts_and_fifteen_chapters():
    doc = _load("pdf/migration-code.pdf")
    found = find_chapters(doc.text)
    assert [c.number for c in found if c.kind == "bölmə"] == ["I", "II", "III", "IV", "V", "VI"]
    assert [c.number for c in found if c.kind == "fəsil"] == [str(n) for n in range(1, 16)]
    assert next(c for c in found if c.number == "5").title == "VİZALAR"
    assert next(c for c in found if c.number == "14").title.startswith("ƏCNƏBİLƏRİN VƏ VƏTƏNDAŞLIĞI")
    result = segment(doc)
    assert result.headed == [] and "chapter headings" in result.warnings[0]
    assert [s.chapter for s in result.sections[1:4]] == ["I", "1", "2"]


def test_the_election_code_chapters_are_numbered_in_words():
    doc = _load("pdf/election-code.pdf")
    found = [c for c in find_chapters(doc.text) if c.kind == "fəsil"]
    assert len(found) == 38
    assert (found[0].number, found[0].title) == ("Birinci", "ƏSAS ANLAYIŞLAR VƏ PRİNSİPLƏR")
    assert (found[14].number, found[14].title) == ("On beşinci", "SƏSVERMƏNİN TƏŞKİLİ")
    assert found[-1].number == "Otuz səkkizinci"
    parts = [c.number for c in find_chapters(doc.text) if c.kind == "bölmə"]
    assert parts == ["I", "II", "III", "IV", "V", "VI", "VII"]


def test_a_line_of_many_chapter_headings_is_read_in_one_pass():
    text = "Giriş.\n" + "FƏSİL 1 BAŞLIQ " * 5000
    found = find_chapters(text)
    assert len(found) == 5000 and {c.title for c in found} == {"BAŞLIQ"}
    assert [c.start for c in found] == sorted(c.start for c in found)
