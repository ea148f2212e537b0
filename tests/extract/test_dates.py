"""Dates: every form of issue 5 with its normalized values, the traps, the spaCy component."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

import reportparse.components  # noqa: F401  (registers az_dates)
from reportparse.extract.dates import find_dates

D = dt.date


def one(text: str, year: int | None = 2022):
    found = [m for m in find_dates(text, year=year)]
    assert len(found) == 1, [(text[m.start : m.end], m) for m in found]
    m = found[0]
    return text[m.start : m.end], m.date_start, m.date_end, m.granularity, m.kind, m.year_inferred


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15 mart 2022-ci il tarixdə", ("15 mart 2022-ci il", D(2022, 3, 15), D(2022, 3, 15), "day", "point", False)),
        (
            "4 noyabr 2022-ci il tarixlərdə",
            ("4 noyabr 2022-ci il", D(2022, 11, 4), D(2022, 11, 4), "day", "point", False),
        ),
        ("06 may 2022-ci il", ("06 may 2022-ci il", D(2022, 5, 6), D(2022, 5, 6), "day", "point", False)),
        ("2022-ci il 4 aprel tarixli", ("2022-ci il 4 aprel", D(2022, 4, 4), D(2022, 4, 4), "day", "point", False)),
        (
            "2022-ci ilin mart ayında",
            ("2022-ci ilin mart ayında", D(2022, 3, 1), D(2022, 3, 31), "month", "period", False),
        ),
        ("martın 15-də", ("martın 15-də", D(2022, 3, 15), D(2022, 3, 15), "day", "point", True)),
        ("15 martda", ("15 martda", D(2022, 3, 15), D(2022, 3, 15), "day", "point", True)),
        (
            "14 dekabr 2022-ci il tarixində",
            ("14 dekabr 2022-ci il", D(2022, 12, 14), D(2022, 12, 14), "day", "point", False),
        ),
        ("28.01.2022-ci il tarixdə", ("28.01.2022-ci il", D(2022, 1, 28), D(2022, 1, 28), "day", "point", False)),
        ("28.01.2022", ("28.01.2022", D(2022, 1, 28), D(2022, 1, 28), "day", "point", False)),
        ("28/01/2022", ("28/01/2022", D(2022, 1, 28), D(2022, 1, 28), "day", "point", False)),
        ("03-04-2016", ("03-04-2016", D(2016, 4, 3), D(2016, 4, 3), "day", "point", False)),
        ("2022-ci il", ("2022-ci il", D(2022, 1, 1), D(2022, 12, 31), "year", "period", False)),
        ("2021-ci ildə", ("2021-ci ildə", D(2021, 1, 1), D(2021, 12, 31), "year", "period", False)),
        ("2022-ci il ərzində", ("2022-ci il ərzində", D(2022, 1, 1), D(2022, 12, 31), "year", "period", False)),
        (
            "2022-ci ilin birinci yarısında",
            ("2022-ci ilin birinci yarısında", D(2022, 1, 1), D(2022, 6, 30), "quarter", "period", False),
        ),
        ("2023-cü ilin IV rübü", ("2023-cü ilin IV rübü", D(2023, 10, 1), D(2023, 12, 31), "quarter", "period", False)),
        ("ilin I yarısında", ("ilin I yarısında", D(2022, 1, 1), D(2022, 6, 30), "quarter", "period", True)),
        ("2020–2022-ci illər", ("2020–2022-ci illər", D(2020, 1, 1), D(2022, 12, 31), "year", "range", False)),
        ("2020─2024-cü illər", ("2020─2024-cü illər", D(2020, 1, 1), D(2024, 12, 31), "year", "range", False)),
        ("2022-2026-cı illər", ("2022-2026-cı illər", D(2022, 1, 1), D(2026, 12, 31), "year", "range", False)),
        ("23-24 may", ("23-24 may", D(2022, 5, 23), D(2022, 5, 24), "day", "range", True)),
        (
            "15 mart – 20 aprel 2022-ci il",
            ("15 mart – 20 aprel 2022-ci il", D(2022, 3, 15), D(2022, 4, 20), "day", "range", False),
        ),
        ("cari il ərzində", ("cari il ərzində", D(2022, 1, 1), D(2022, 12, 31), "year", "period", True)),
        ("cari ilin 14 iyun", ("cari ilin 14 iyun", D(2022, 6, 14), D(2022, 6, 14), "day", "point", True)),
        ("bu il", ("bu il", D(2022, 1, 1), D(2022, 12, 31), "year", "period", True)),
        ("ötən il", ("ötən il", D(2021, 1, 1), D(2021, 12, 31), "year", "period", True)),
        ("keçən ilin", ("keçən ilin", D(2021, 1, 1), D(2021, 12, 31), "year", "period", True)),
        ("növbəti ildə", ("növbəti ildə", D(2023, 1, 1), D(2023, 12, 31), "year", "period", True)),
        ("hesabat dövründə", ("hesabat dövründə", D(2022, 1, 1), D(2022, 12, 31), "year", "period", True)),
        ("hesabat ilində", ("hesabat ilində", D(2022, 1, 1), D(2022, 12, 31), "year", "period", True)),
        ("16 mart tarixdə", ("16 mart", D(2022, 3, 16), D(2022, 3, 16), "day", "point", True)),
        ("dekabrın 30-dək", ("dekabrın 30-dək", D(2022, 12, 30), D(2022, 12, 30), "day", "deadline", True)),
        (
            "2021-ci ilin sonunadək",
            ("2021-ci ilin sonunadək", D(2021, 12, 31), D(2021, 12, 31), "day", "deadline", False),
        ),
        ("yanvarın 20-dək", ("yanvarın 20-dək", D(2022, 1, 20), D(2022, 1, 20), "day", "deadline", True)),
        (
            "iyulun 6-dan avqustun 14-dək",
            ("iyulun 6-dan avqustun 14-dək", D(2022, 7, 6), D(2022, 8, 14), "day", "range", True),
        ),
        ("mütəmadi", ("mütəmadi", None, None, "", "continuous", False)),
        ("daimi", ("daimi", None, None, "", "continuous", False)),
    ],
)
def test_forms_and_values(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Şuranın 11-ci iclasında",
        "15-ci ildönümü",
        "15 illik təcrübə",
        "3199 nömrəli Sərəncam",
        "5.1-ci bəndinin",
        "4.2.10-cu yarımbəndinin",
        "109-cu maddəsinin",
        "2 saylı məktəb",
        "(012) 555-12-34",
        "2500 ədəd buklet",
        "cari vəziyyət",
        "H E S A B A T",
        "HESABAT",
        "ötən dövrdə",
        "18 yaşınadək",
        "10 iş günü",
    ],
)
def test_traps_are_not_dates(text):
    from reportparse import load_text

    assert find_dates(load_text(text).text, year=2022) == []


def test_unknown_year_leaves_dates_empty():
    assert one("16 mart tarixdə", year=None)[1:3] == (None, None)
    assert one("cari il", year=None)[1:3] == (None, None)


def test_coordinated_days_share_year_and_month():
    text = "Görüşlər 2024-cü il 11, 13 və 20 iyun tarixlərində keçirilmişdir."
    found = [(text[m.start : m.end], m.date_start, m.year_inferred) for m in find_dates(text, year=2024)]
    assert found == [
        ("2024-cü il 11", D(2024, 6, 11), False),
        ("13", D(2024, 6, 13), True),
        ("20 iyun", D(2024, 6, 20), True),
    ]


def test_spacy_component():
    nlp = spacy.blank("az")
    nlp.add_pipe("az_dates", config={"year": 2022})
    doc = nlp("Şuranın iclası cari ilin 14 iyun tarixində, 2020–2022-ci illər üçün planla keçirilib.")
    assert [(s.text, s.label_) for s in doc.spans["dates"]] == [
        ("cari ilin 14 iyun", "point"),
        ("2020–2022-ci illər", "range"),
    ]
    assert doc.spans["dates"][0]._.date.date_start == D(2022, 6, 14)
    doc = nlp.make_doc("ötən il")
    doc._.report_year = 2020
    assert nlp.get_pipe("az_dates")(doc).spans["dates"][0]._.date.date_start == D(2019, 1, 1)


_PIECES = st.sampled_from(
    [
        "15",
        " mart ",
        "2022",
        "-ci il",
        "–",
        "-",
        "2024",
        "-cü illər",
        "martın ",
        "30-dək",
        "cari ",
        "ilin ",
        "IV rübü",
        "28.01.2022",
        " ",
        "\n",
        "ərzində",
        "31",
        "iyun",
        "dekabrın ",
        "və ",
        ", ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join), st.one_of(st.none(), st.integers(1990, 2100)))
def test_mentions_are_faithful_and_ordered(text, year):
    previous_end = 0
    for m in find_dates(text, year=year):
        assert previous_end <= m.start < m.end <= len(text)
        previous_end = m.end
        if m.date_start is not None:
            assert m.date_start <= m.date_end


def test_half_year_words():
    assert one("I yarımil ərzində")[:6] == ("I yarımil", D(2022, 1, 1), D(2022, 6, 30), "quarter", "period", True)
    assert one("II yarımildə")[1:3] == (D(2022, 7, 1), D(2022, 12, 31))


def test_dates_table_rows_are_faithful_and_carry_their_item():
    from reportparse import load_text
    from reportparse.pipeline import extract_tables

    doc = load_text(
        "Plan 2020–2022-ci illər üçündür.\n\n1-ci bəndin icrasına dair (Öhdəlik):\n\n"
        "İclas cari ilin 14 iyun tarixində keçirilib.\n\n2-ci bənd üzrə:\nHesabat dekabrın 30-dək verilib."
    )
    dates = extract_tables(doc, year=2021)["dates"]
    assert list(dates["item"]) == ["", "1", "2"]
    assert list(dates["date_start"]) == ["2020-01-01", "2021-06-14", "2021-12-30"]
    for row in dates.itertuples():
        assert doc.text[row.start : row.end] == row.text
