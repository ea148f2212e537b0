"""Cross-references (issue 7): acts, plan items, articles; every example and trap of the issue."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportparse import load
from reportparse.extract.references import find_references
from reportparse.pipeline import extract_tables
from reportparse.resources import sample_report_path
from tests.corpus_paths import shared_file


def rows(text: str, **kwargs) -> list[tuple]:
    return [
        (text[m.start : m.end], m.kind, m.act_type, m.number, m.date, m.target_item)
        for m in find_references(text, **kwargs)
    ]


def test_decree_with_issuer_date_and_number():
    text = (
        "Azərbaycan Respublikası Prezidentinin 2022-ci il 4 aprel tarixli 3199 nömrəli Sərəncamı ilə "
        "təsdiq edilmiş Milli Fəaliyyət Planı"
    )
    assert rows(text) == [(text[: text.index(" ilə")], "act", "Sərəncam", "3199", "2022-04-04", "")]
    assert find_references(text)[0].issuer == "Azərbaycan Respublikası Prezidentinin"


@pytest.mark.parametrize(
    "text, surface, act_type, number, date",
    [
        (
            "metodologiya hazırlanmış və 2022-ci il 29 iyul tarixli 42 nömrəli əmrlə təsdiq edilmişdir",
            "2022-ci il 29 iyul tarixli 42 nömrəli əmrlə",
            "Əmr",
            "42",
            "2022-07-29",
        ),
        (
            "nəzərə alınmaqla, Xidmətin rəisinin 2023-cü il 10 fevral tarixli 17 nömrəli əmri ilə",
            "Xidmətin rəisinin 2023-cü il 10 fevral tarixli 17 nömrəli əmri",
            "Əmr",
            "17",
            "2023-02-10",
        ),
        (
            "İcra vəziyyəti: Agentliyin Müşahidə Şurasının 2023-cü il 17 fevral tarixli qərarı ilə",
            "Agentliyin Müşahidə Şurasının 2023-cü il 17 fevral tarixli qərarı",
            "Qərar",
            "",
            "2023-02-17",
        ),
        (
            "barədə “Dövlət borcu haqqında” Azərbaycan Respublikasının Qanununa uyğun olaraq",
            "“Dövlət borcu haqqında” Azərbaycan Respublikasının Qanununa",
            "Qanun",
            "",
            "",
        ),
        (
            (
                "hazırlanmışdır. “Korrupsiyaya qarşı mübarizə haqqında” Azərbaycan Respublikasının "
                "2004-cü il 13 yanvar tarixli 106-IIQ nömrəli Qanununun tələbləri"
            ),
            (
                "“Korrupsiyaya qarşı mübarizə haqqında” Azərbaycan "
                "Respublikasının 2004-cü il 13 yanvar tarixli 106-IIQ nömrəli Qanununun"
            ),
            "Qanun",
            "106-IIQ",
            "2004-01-13",
        ),
        (
            "Təhlilin nəticələrinə əsasən Azərbaycan Respublikasının Əmək Məcəlləsinə dəyişikliklər",
            "Azərbaycan Respublikasının Əmək Məcəlləsinə",
            "Məcəllə",
            "",
            "",
        ),
        (
            "məlumat: “Dövlət torpaq kadastrının aparılması Qaydası”nın yeni redaksiyası",
            "“Dövlət torpaq kadastrının aparılması Qaydası”nın",
            "Qayda",
            "",
            "",
        ),
        (
            "Azərbaycan Respublikası Tarif (qiymət) Şurasının 2018-ci il 14 dekabr tarixli 11 nömrəli Qərarı ilə",
            "Azərbaycan Respublikası Tarif (qiymət) Şurasının 2018-ci il 14 dekabr tarixli 11 nömrəli Qərarı",
            "Qərar",
            "11",
            "2018-12-14",
        ),
        (
            "“Əmək müfəttişliyi haqqında” Əsasnaməyə dəyişikliklər",
            "“Əmək müfəttişliyi haqqında” Əsasnaməyə",
            "Əsasnamə",
            "",
            "",
        ),
        (
            "Azərbaycan Respublikası Prezidentinin\n\n2018-ci il 18 dekabr tarixli Fərmanı ilə",
            "Azərbaycan Respublikası Prezidentinin\n\n2018-ci il 18 dekabr tarixli Fərmanı",
            "Fərman",
            "",
            "2018-12-18",
        ),
    ],
)
def test_acts(text, surface, act_type, number, date):
    assert rows(text) == [(surface, "act", act_type, number, date, "")]


def test_nested_acts_are_separate_rows_and_the_outer_starts_at_its_issuer():
    text = (
        "“Azərbaycan Respublikasının 2018-ci il dövlət büdcəsi haqqında” Azərbaycan Respublikası Qanununun tətbiqi "
        "ilə bağlı bir sıra məsələlər barədə” Azərbaycan Respublikası Prezidentinin 2017-ci il 25 dekabr tarixli "
        "1756 nömrəli Fərmanının 3.6-cı bəndinə əsasən"
    )
    assert rows(text) == [
        (
            "“Azərbaycan Respublikasının 2018-ci il dövlət büdcəsi haqqında” Azərbaycan Respublikası Qanununun",
            "act",
            "Qanun",
            "",
            "",
            "",
        ),
        (
            "Azərbaycan Respublikası Prezidentinin 2017-ci il 25 dekabr tarixli 1756 nömrəli Fərmanının",
            "act",
            "Fərman",
            "1756",
            "2017-12-25",
            "",
        ),
        ("3.6-cı bəndinə", "plan_item", "", "", "", "3.6"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“…” üzrə Tədbirlər Planının 5.1-ci bəndinin icrası məqsədilə", [("5.1-ci bəndinin", "5.1")]),
        ("Tədbirlər Planının 4.2.10-cu yarımbəndinin (Respublika ərazisində)", [("4.2.10-cu yarımbəndinin", "4.2.10")]),
        (
            "Planın 2-ci, 43-cü və 44-cü bəndlərinin icrası",
            [("2-ci", "2"), ("43-cü", "43"), ("44-cü bəndlərinin", "44")],
        ),
        ("(bax: Fəaliyyət Planının 2-ci bəndinin icrasına dair məlumat)", [("2-ci bəndinin", "2")]),
    ],
)
def test_plan_items(text, expected):
    assert [(s, t) for s, kind, _a, _n, _d, t in rows(text) if kind == "plan_item"] == expected


def test_article_with_its_item_and_act():
    text = "Azərbaycan Respublikası Konstitusiyasının 109-cu maddəsinin 32-ci bəndini rəhbər tutaraq"
    article = [r for r in rows(text) if r[1] == "article"]
    assert article == [("109-cu maddəsinin 32-ci bəndini", "article", "Konstitusiya", "109", "", "32")]
    law = "Qanununun 9-cu maddəsinin tələbləri"
    assert rows(law) == [("9-cu maddəsinin", "article", "Qanun", "9", "", "")]


@pytest.mark.parametrize(
    "text",
    [
        "1-ci bəndin icrasına dair (Şuranın yaradılması):\n",  # a heading is a section
        "5.1-ci bəndin icrası barədə\n",
        "1.1. Bu Qayda borc alınmasını tənzimləyir. Bu Qərar qüvvəyə minir.",  # no issuer, title, date or number
        "Yeni Qaydaya əsasən müraciət edilir. Qanunun tələblərinə əməl olunur.",
        "Agentlik yanında Şura yaradılmış və onun Əsasnaməsi təsdiq edilmişdir.",
        "ən fəal könüllülər Agentliyin fəxri fərmanı ilə təltif olunmuşdur",  # lowercase, no date: an award
        "“Korrupsiyaya qarşı mübarizə və etik davranış qaydaları” mövzularında təlim",  # a topic, not an act
        "“Açıq hökumətin təşviqinə dair Milli Fəaliyyət Planı”nın icrası",  # plans carry no act type
        "Nazirlər Kabineti qərara alır:",
        "“Konstitusiya” Araşdırmalar Fondu",  # a quoted organization name
        "Qanunvericilik Toplusu, 2009, № 6, maddə 488",  # a gazette, not an article
        "AKTIN NÖVÜ AZƏRBAYCAN RESPUBLİKASI NAZİRLƏR KABİNETİNİN QƏRARLARI",  # a field label
        "Xidmətin 2023-cü il 2 iyun tarixli № 123 məktubunda",  # letters are no acts
    ],
)
def test_traps_are_not_references(text):
    assert rows(text) == []


def test_year_for_dates_without_one():
    text = "Agentliyin İdarə Heyətinin cari ilin 14 iyun tarixli 5 nömrəli qərarı"
    assert rows(text, year=2024)[0][3:5] == ("5", "2024-06-14")


_PIECES = st.sampled_from(
    [
        "Azərbaycan Respublikası",
        " Prezidentinin",
        " 2022-ci il 4 aprel",
        " tarixli",
        " 3199",
        " nömrəli",
        " Sərəncamı",
        " “Dövlət borcu haqqında”",
        " Qanununa",
        " 5.1-ci",
        " 2-ci,",
        " və",
        " bəndinin",
        " 109-cu",
        " maddəsinin",
        " Bu",
        " Qayda",
        "”nın",
        " (",
        ")",
        "\n",
        ". ",
        " Agentliyin",
        " rəisinin",
        " əmri",
        " İdarə Heyətinin",
        "“",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join))
def test_offsets(text):
    for mention in find_references(text):
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.kind in ("act", "plan_item", "article")
        assert text[mention.start : mention.end].strip() == text[mention.start : mention.end]


def test_references_table_of_the_sample():
    document = load(sample_report_path())
    table = extract_tables(document)["references"]
    assert len(table) >= 5
    for row in table.itertuples():
        assert document.text[row.start : row.end] == row.text
    assert "3199" in set(table["number"]) and "2" in set(table["target_item"])


def test_reference_report():
    document = load(shared_file("reports/dmx-2022-opengov-execution-report.txt"))
    found = {document.text[m.start : m.end]: m for m in find_references(document.text, year=2022)}
    decree = found["Azərbaycan Respublikası Prezidentinin 2022-ci il 4 aprel tarixli 3199 nömrəli Sərəncamı"]
    assert (decree.act_type, decree.number, decree.date) == ("Sərəncam", "3199", "2022-04-04")
    assert found["5.1-ci bəndinin"].target_item == "5.1"
    assert found["4.2.10-cu yarımbəndinin"].target_item == "4.2.10"


def test_spacy_component():
    import spacy

    import reportparse.components  # noqa: F401  (registers the factories)

    nlp = spacy.blank("az")
    nlp.add_pipe("az_references", config={"year": 2022})
    doc = nlp(
        "Planın 2-ci və 3-cü bəndlərinin icrası Nazirlər Kabinetinin 2021-ci il 10 fevral tarixli 45 nömrəli Qərarı ilə"
    )
    assert [(s.label_, s._.reference.target_item or s._.reference.number) for s in doc.spans["references"]] == [
        ("plan_item", "2"),
        ("plan_item", "3"),
        ("act", "45"),
    ]
