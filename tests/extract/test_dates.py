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
        "mütəmadi",
        "daimi",
        "İcra müddəti: mütəmadi",
        "il ərzində",
        "ay ərzində",
        "hər il",
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
    # the span covers ``ərzində`` (corpus/README.md, Dates), as in ``2022-ci il ərzində``
    assert one("I yarımil ərzində")[:6] == (
        "I yarımil ərzində",
        D(2022, 1, 1),
        D(2022, 6, 30),
        "quarter",
        "period",
        True,
    )
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


# --- issue 16: composition and the new classes (span, start/end, values, recurrence) --------------


def rows(text: str, year: int | None = 2022):
    """Every mention as (surface, start, end, date_start, date_end, granularity, kind, year_inferred, recurrence)."""
    return [
        (
            text[m.start : m.end],
            m.start,
            m.end,
            m.date_start,
            m.date_end,
            m.granularity,
            m.kind,
            m.year_inferred,
            m.recurrence,
        )
        for m in find_dates(text, year=year)
    ]


@pytest.mark.parametrize(
    ("text", "surface", "first", "last", "granularity", "inferred"),
    [
        (
            "Tədbir 15 mart 2022-ci ildə keçirilib.",
            "15 mart 2022-ci ildə",
            D(2022, 3, 15),
            D(2022, 3, 15),
            "day",
            False,
        ),
        (
            "Tədbir 2022-ci il 15 martda keçirilib.",
            "2022-ci il 15 martda",
            D(2022, 3, 15),
            D(2022, 3, 15),
            "day",
            False,
        ),
        (
            "Tədbir 2022-ci ilin 15 martında keçirilib.",
            "2022-ci ilin 15 martında",
            D(2022, 3, 15),
            D(2022, 3, 15),
            "day",
            False,
        ),
        (
            "Tədbir 2019-cu ilin 3 iyununda keçirilib.",
            "2019-cu ilin 3 iyununda",
            D(2019, 6, 3),
            D(2019, 6, 3),
            "day",
            False,
        ),
        ("Tədbir martın 15-də keçirilib.", "martın 15-də", D(2023, 3, 15), D(2023, 3, 15), "day", True),
        ("Zavod dekabr 2012-ci ildə açılıb.", "dekabr 2012-ci ildə", D(2012, 12, 1), D(2012, 12, 31), "month", False),
        ("Zavod aprel 1999-cu ildən işləyir.", "aprel 1999-cu ildən", D(1999, 4, 1), D(1999, 4, 30), "month", False),
        (
            "Qanun 2003-cü il sentyabrın 20-də qəbul edilib.",
            "2003-cü il sentyabrın 20-də",
            D(2003, 9, 20),
            D(2003, 9, 20),
            "day",
            False,
        ),
    ],
)
def test_day_month_year_in_any_order_and_case_is_one_row(text, surface, first, last, granularity, inferred):
    start = text.index(surface)
    assert rows(text, year=2023) == [
        (
            surface,
            start,
            start + len(surface),
            first,
            last,
            granularity,
            "point" if granularity == "day" else "period",
            inferred,
            "",
        )
    ]


def test_years_of_any_century():
    text = "Cümhuriyyət 1918-ci il 28 mayda elan edilib, şəhər 1871-ci ildə salınıb."
    assert rows(text) == [
        ("1918-ci il 28 mayda", 12, 31, D(1918, 5, 28), D(1918, 5, 28), "day", "point", False, ""),
        ("1871-ci ildə", 51, 63, D(1871, 1, 1), D(1871, 12, 31), "year", "period", False, ""),
    ]


def test_centuries():
    text = "XX əsrin əvvəlində və 21-ci əsrdə"
    assert rows(text) == [
        ("XX əsrin", 0, 8, D(1901, 1, 1), D(2000, 12, 31), "century", "period", False, ""),
        ("21-ci əsrdə", 22, 33, D(2001, 1, 1), D(2100, 12, 31), "century", "period", False, ""),
    ]
    assert rows("XIX əsrin 80-ci illərində")[0][3:7] == (D(1880, 1, 1), D(1889, 12, 31), "decade", "period")
    assert rows("15 əsrlik tarix") == [] and rows("V əsrlik") == []


def test_decades():
    text = "1990-cı illərdə və 2000-ci illərin sonunda"
    assert rows(text) == [
        ("1990-cı illərdə", 0, 15, D(1990, 1, 1), D(1999, 12, 31), "decade", "period", False, ""),
        ("2000-ci illərin", 19, 34, D(2000, 1, 1), D(2009, 12, 31), "decade", "period", False, ""),
    ]


def test_coordinated_years_give_one_row_each():
    text = "Layihə 2014 və 2015-ci illərdə icra olunub."
    assert rows(text) == [
        ("2014", 7, 11, D(2014, 1, 1), D(2014, 12, 31), "year", "period", False, ""),
        ("2015-ci illərdə", 15, 30, D(2015, 1, 1), D(2015, 12, 31), "year", "period", False, ""),
    ]
    assert [r[0] for r in rows("2012-ci, 2013-cü və 2014-cü illərdə")] == ["2012-ci", "2013-cü", "2014-cü illərdə"]


def test_short_year_ranges():
    assert rows("2016-17 tədris ilində") == [
        ("2016-17", 0, 7, D(2016, 1, 1), D(2017, 12, 31), "year", "range", False, "")
    ]
    assert rows("1998–2003-cü illərdə")[0][3:7] == (D(1998, 1, 1), D(2003, 12, 31), "year", "range")
    assert rows("2018-12") == [] and rows("1999-05") == []  # the second end before the first: no range


@pytest.mark.parametrize(
    ("text", "surface", "day"),
    [
        ("O, 19.09.88 tarixində doğulub.", "19.09.88", D(1988, 9, 19)),
        ("Qərar 01.02.05 tarixlidir.", "01.02.05", D(2005, 2, 1)),
        ("Müqavilə 01.09.2003-dən qüvvədədir.", "01.09.2003-dən", D(2003, 9, 1)),
        ("Qeydiyyat 15.10.2020-dək aparılır.", "15.10.2020-dək", D(2020, 10, 15)),
    ],
)
def test_numeric_dates_with_two_digit_years_and_endings(text, surface, day):
    start = text.index(surface)
    kind = "deadline" if surface.endswith("dək") else "point"
    assert rows(text) == [(surface, start, start + len(surface), day, day, "day", kind, False, "")]


@pytest.mark.parametrize("text", ["4.2.10-cu yarımbəndinin", "1.1.10. anlayış", "12.4.2 bəndinin", "maddə 12.10.15.3"])
def test_item_numbers_are_not_numeric_dates(text):
    assert rows(text) == []


def test_frequency_words_are_the_recurrence_of_the_date_they_qualify():
    text = "Hesabat hər il dekabrın 30-dək təqdim edilir."
    assert rows(text) == [
        ("dekabrın 30-dək", 15, 30, D(2022, 12, 30), D(2022, 12, 30), "day", "deadline", True, "yearly")
    ]
    assert rows("hər ilin sonunadək")[0][0::8] == ("ilin sonunadək", "yearly")
    assert rows("Məlumat hər rüb, martın 1-dək göndərilir.")[0][0::8] == ("martın 1-dək", "quarterly")
    assert rows("hər ay 5 martda")[0][8] == "monthly"
    assert rows("Hesabat dekabrın 30-dək verilir.")[0][8] == ""  # no frequency word


@pytest.mark.parametrize(
    "text",
    ["İcra müddəti: mütəmadi", "daimi", "Müntəzəm olaraq", "İl ərzində 9 abidə bərpa edilib.", "ay ərzində", "hər il"],
)
def test_frequency_words_alone_are_never_a_row(text):
    assert rows(text) == []


def test_frequency_of_a_deadline():
    from reportparse.extract.dates import frequency_of

    assert frequency_of("hər il, martın 1-dək") == "yearly"
    assert frequency_of("Mütəmadi") == "continuous"
    assert frequency_of("rüblük") == "quarterly"
    assert frequency_of("2021-ci ilin sonunadək") == ""


def test_plan_deadlines_keep_their_recurrence():
    from reportparse.plans.model import make_item

    yearly = make_item("1.1", "Tədbir", deadline="hər il, dekabrın 30-dək", period=("2020-01-01", "2022-12-31"))
    assert (yearly.deadline_kind, yearly.deadline_recurrence, yearly.deadline_start) == (
        "recurring",
        "yearly",
        "2020-01-01",
    )
    ongoing = make_item("1.2", "Tədbir", deadline="mütəmadi", period=("2020-01-01", "2022-12-31"))
    assert (ongoing.deadline_kind, ongoing.deadline_recurrence) == ("continuous", "continuous")
    dated = make_item("1.3", "Tədbir", deadline="2021-ci ilin sonunadək")
    assert (dated.deadline_kind, dated.deadline_end, dated.deadline_recurrence) == ("deadline", "2021-12-31", "")


def test_dates_table_has_the_recurrence_column():
    from reportparse import load_text
    from reportparse.pipeline import extract_tables

    doc = load_text("Hesabat hər il dekabrın 30-dək verilir. İclas 1990-cı illərdə mütəmadi keçirilib.")
    dates = extract_tables(doc, year=2021)["dates"]
    assert list(dates["text"]) == ["dekabrın 30-dək", "1990-cı illərdə"]
    assert list(dates["recurrence"]) == ["yearly", ""]
    assert list(dates["granularity"]) == ["day", "decade"]
    assert list(dates["date_end"]) == ["2021-12-30", "1999-12-31"]


def test_spacy_component_keeps_recurrence_and_skips_frequency_words():
    nlp = spacy.blank("az")
    nlp.add_pipe("az_dates", config={"year": 2022})
    doc = nlp("Hesabat hər il dekabrın 30-dək, mütəmadi olaraq verilir.")
    assert [(s.text, s.label_, s._.date.recurrence) for s in doc.spans["dates"]] == [
        ("dekabrın 30-dək", "deadline", "yearly")
    ]


def test_seasons_and_quarters_without_a_year():
    assert rows("2022-ci ilin yay aylarında")[0][3:7] == (D(2022, 6, 1), D(2022, 8, 31), "month", "period")
    assert rows("ilin IV rübündə", year=None) == [("ilin IV rübündə", 0, 15, None, None, "quarter", "period", True, "")]


def test_the_scan_is_linear_on_many_candidates_without_dates():
    import time

    text = "1.1.1 may il " * 4000
    started = time.process_time()
    find_dates(text, year=2022)
    small = time.process_time() - started
    started = time.process_time()
    find_dates(text * 8, year=2022)
    assert time.process_time() - started < 12 * max(small, 1e-3)
