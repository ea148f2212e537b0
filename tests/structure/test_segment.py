"""Item headings in every form, in-text reference traps, the sections table and metadata."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reportparse
from reportparse.extract.metadata import extract_metadata
from reportparse.pipeline import extract_tables
from reportparse.structure.segment import find_headings, segment
from tests.corpus_paths import shared_file


def headings(text: str) -> list[tuple[list[str], str]]:
    doc = reportparse.load_text(text)
    return [(items, commitment) for _s, _e, items, commitment in find_headings(doc.text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1-ci bəndin icrasına dair (Təlimlərin keçirilməsi):\nMətn.", [(["1"], "Təlimlərin keçirilməsi")]),
        (
            "6-cı bəndin icrasına dair (icra hakimiyyəti orqanları (qurumları) ilə\n\nbirgə\ntədbirlər):\nMətn.",
            [(["6"], "icra hakimiyyəti orqanları (qurumları) ilə birgə tədbirlər")],
        ),
        ("5. Fəaliyyət Planının 5-ci bəndinin icrasına dair:\nMətn.", [(["5"], "")]),
        ("5.1-ci bəndin icrası barədə\nMətn.", [(["5.1"], "")]),
        ("4.2.10-cu yarımbəndin icrasına dair\nMətn.", [(["4.2.10"], "")]),
        ("2.1.9 -cu yarımbəndin icrası barədə:\n(Məşvərət xidməti)\nMətn.", [(["2.1.9"], "Məşvərət xidməti")]),
        ("4.2.11 - ci yarımbənd üzrə:\nMətn.", [(["4.2.11"], "")]),
        ("9cu bənd üzrə:\nMətn.", [(["9"], "")]),
        ("Bənd 3. Elektron xidmətlərin artırılması.\nMətn.", [(["3"], "Elektron xidmətlərin artırılması")]),
        ("3-cü bənd üzrə: “Portalın yaradılması”\nMətn.", [(["3"], "Portalın yaradılması")]),
        ("yarımbənd 5.3.4 üzrə görülmüş işlər (Qaynar xətt):\nMətn.", [(["5.3.4"], "Qaynar xətt")]),
        ("2-ci, 43-cü və 44-cü bəndlərinin icrasına dair:\nMətn.", [(["2", "43", "44"], "")]),
        ("3-CÜ BƏNDİN İCRASINA DAİR\n(Abidələrin bərpası)\nMətn.", [(["3"], "Abidələrin bərpası")]),
        (
            "1. Tədbirlər Planının 1-ci bəndinin icrası ilə bağlı\n\nTədbir: Resursların dərc edilməsi.\n\nİcra: mətn.",
            [(["1"], "Resursların dərc edilməsi")],
        ),
    ],
)
def test_heading_forms(text, expected):
    assert headings(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Məlumat verilmişdir (bax: Fəaliyyət Planının 2-ci, 43-cü və 44-cü bəndlərinin icrasına dair məlumat).",
        "Tədbirlər Planının 5.1-ci bəndinin icrası məqsədilə görüş keçirilmişdir.",
        "Həmçinin, Milli Fəaliyyət Planı”nın\n2.2-ci bəndinə uyğun olaraq hesabat hazırlanmışdır.",
        "Tədbirlər Planının\n4.2.10-cu yarımbəndinin icrasına dəstək göstərilmişdir.",
        "Xidmətin 11-ci iclasında 3 məsələ müzakirə edilmişdir.",
    ],
)
def test_item_mentions_in_running_text_are_not_headings(text):
    assert headings(text) == []


REPORT = (
    "H E S A B A T\n\n"
    "1-ci bəndin icrasına dair (Birinci öhdəlik):\n\nBirinci bənd üzrə görülən işlər. Fəaliyyət Planının "
    "2-ci bəndinin icrasına dair məlumat ayrıca verilir.\n\n"
    "2-ci və 3-cü bəndlərin icrası barədə (İkinci öhdəlik):\n\nİkinci mətn.\n"
)


def test_sections_table_covers_the_text_and_shares_multi_item_sections():
    doc = reportparse.load_text(REPORT)
    sections = extract_tables(doc)["sections"]
    assert list(sections["item"]) == ["", "1", "2", "3"]
    assert list(sections["section"]) == [0, 1, 2, 2]
    assert list(sections["items"]) == ["", "1", "2;3", "2;3"]
    assert sections.loc[1, "commitment"] == "Birinci öhdəlik"
    assert "2-ci bəndinin icrasına dair" in sections.loc[1, "text"], "the in-text reference stays inside item 1"
    for row in sections.itertuples():
        assert doc.text[row.start : row.end] == row.text
        assert doc.text[row.heading_start : row.heading_end] == row.heading
    # nothing is lost between sections: headings and narratives tile the text
    covered = "".join(doc.text[r.heading_start : r.end] for r in sections.drop_duplicates("section").itertuples())
    assert "".join(covered.split()) == "".join(doc.text.split())


def test_document_without_headings_is_one_section_with_a_warning():
    doc = reportparse.load_text("Sadəcə bir məktub.\n\nİkinci paraqraf.")
    result = segment(doc)
    assert len(result.sections) == 1 and result.sections[0].items == [] and result.warnings
    tables = extract_tables(doc)
    assert (
        tables["documents"].loc[0, "n_sections"] == 0
        and "no plan-item headings" in tables["documents"].loc[0, "warnings"]
    )


def test_metadata_from_the_title_and_year_override():
    text = (
        "“Açıq hökumətin təşviqinə dair 2020–2022-ci illər üçün Milli Fəaliyyət Planı”nın icrası ilə bağlı "
        "2022-ci il üzrə Azərbaycan Respublikası\n\nDövlət Miqrasiya Xidmətinin Tədbirlər planı”nın icrası barədə\n\n"
        "H E S A B A T\n\n1-ci bəndin icrasına dair (Öhdəlik):\nMətn."
    )
    doc = reportparse.load_text(text)
    meta = extract_metadata(doc, segment(doc))
    assert meta.organization == "Azərbaycan Respublikasının Dövlət Miqrasiya Xidməti"
    assert (meta.year, meta.period_start, meta.period_end) == (2022, "2020-01-01", "2022-12-31")
    assert meta.title.endswith("icrası barədə HESABAT")
    assert extract_metadata(doc, segment(doc), year=2023).year == 2023


def test_uppercase_body_name_is_title_cased():
    doc = reportparse.load_text(
        "AZƏRBAYCAN RESPUBLİKASI TARİXİ ABİDƏLƏRİN MÜHAFİZƏSİ AGENTLİYİ\n\nHESABAT\n\n1-ci bəndin icrasına dair:\nMətn."
    )
    assert extract_metadata(doc, segment(doc)).organization == (
        "Azərbaycan Respublikasının Tarixi Abidələrin Mühafizəsi Agentliyi"
    )


def test_reference_report_has_items_1_to_10_with_their_commitments(reference_report):
    doc = reportparse.load(reference_report)
    result = segment(doc)
    assert [s.items for s in result.headed] == [[str(n)] for n in range(1, 11)]
    for section in result.headed:
        heading = doc.text[section.heading_start : section.heading_end]
        inner = heading[heading.index("(") + 1 : heading.rindex(")")]
        assert section.commitment == " ".join(inner.split())
    # the concatenated sections cover every character after the title
    assert result.sections[0].items == [] and result.sections[1].heading_start == result.sections[0].end
    for before, after in zip(result.sections, result.sections[1:], strict=False):
        assert before.end == after.heading_start
    assert result.sections[-1].end == len(doc.text)
    meta = extract_metadata(doc, result)
    assert (meta.organization, meta.year) == ("Azərbaycan Respublikasının Dövlət Miqrasiya Xidməti", 2022)


def test_acts_and_codes_are_parsed_without_sections():
    doc = reportparse.load(shared_file("acts/labour-code-articles-1-17.txt"))
    assert segment(doc).headed == []


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "1-ci bəndin icrasına dair (",
                "Bənd 2.",
                "3-cü bənd üzrə:",
                "(",
                ")",
                ":",
                "\n",
                "\n\n",
                " mətn ",
                "“",
                "”",
                "4.2.10-cu yarımbəndin icrası barədə",
                "və 5-ci",
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_sections_are_faithful_on_random_text(raw):
    doc = reportparse.load_text(raw)
    sections = extract_tables(doc)["sections"]
    for row in sections.itertuples():
        assert 0 <= row.start <= row.end <= len(doc.text) and doc.text[row.start : row.end] == row.text
        assert doc.text[row.heading_start : row.heading_end] == row.heading
