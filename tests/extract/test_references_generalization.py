"""References on text nobody tuned to (issue 16, "References"): items and articles without an
ordinal suffix, paragraphs named in words, international acts, and a document's own title and
headings, which are no references."""

from __future__ import annotations

import time

import pytest

from reportparse.extract.references import find_references
from reportparse.lang.az import acts


def rows(text: str) -> list[tuple[str, str, str, str, str, str]]:
    """(surface, kind, act_type, number, date, target_item) of every reference of ``text``."""
    return [
        (text[m.start : m.end], m.kind, m.act_type, m.number, m.date, m.target_item)
        for m in find_references(text, year=2022)
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Milli Fəaliyyət Planının 12.4.2 bəndinin icrası ilə bağlı görülmüş işlər",
            [("12.4.2 bəndinin", "plan_item", "", "", "", "12.4.2")],
        ),
        (
            "Tədbirlər Planının 3.1 yarımbəndinə uyğun olaraq",
            [("3.1 yarımbəndinə", "plan_item", "", "", "", "3.1")],
        ),
        (
            "Planın 5.1-ci və 5.2 bəndlərinin icrası",  # a suffixed item keeps its own row
            [("5.2 bəndlərinin", "plan_item", "", "", "", "5.2")],
        ),
    ],
)
def test_a_dotted_item_without_an_ordinal_suffix_is_a_plan_item(text, expected):
    assert [row for row in rows(text) if row[0] != "5.1-ci"] == expected


def test_a_one_item_report_links_to_its_item():
    text = "Hesabat dövründə Milli Fəaliyyət Planının 12.4.2 bəndinin icrası ilə bağlı 3 təlim keçirilmişdir."
    [item] = [m for m in find_references(text) if m.kind == "plan_item"]
    assert (text[item.start : item.end], item.target_item) == ("12.4.2 bəndinin", "12.4.2")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Qanunun 30.1 maddəsinə əsasən", ("30.1 maddəsinə", "article", "Qanun", "30.1", "", "")),
        ("Konvensiyanın maddə 15 üzrə öhdəlikləri", ("maddə 15", "article", "Konvensiya", "15", "", "")),
        ("Konvensiyanın maddə 15-inə əsasən", ("maddə 15-inə", "article", "Konvensiya", "15", "", "")),
        (
            "Konstitusiyanın 119-cu maddəsinin səkkizinci abzası",
            ("119-cu maddəsinin səkkizinci abzası", "article", "Konstitusiya", "119", "", "8"),
        ),
        (
            "Məcəllənin 27-ci maddəsinin on ikinci abzasına",
            ("27-ci maddəsinin on ikinci abzasına", "article", "Məcəllə", "27", "", "12"),
        ),
        (
            "bu Məcəllənin 18-ci maddəsinin ikinci hissəsinin tələbləri",
            ("18-ci maddəsinin ikinci hissəsinin", "article", "Məcəllə", "18", "", "2"),
        ),
        (
            "Məcəllənin 13-1-ci maddəsinin 2-1-ci hissəsi",
            ("13-1-ci maddəsinin 2-1-ci hissəsi", "article", "Məcəllə", "13-1", "", "2-1"),
        ),
    ],
)
def test_articles_without_a_suffix_or_with_a_paragraph_in_words_are_one_row(text, expected):
    assert rows(text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "ilə Qanunun 45.2-ci, 48.1-ci və 48.3-cü maddələrinə",
            [
                ("45.2-ci", "article", "Qanun", "45.2", "", ""),
                ("48.1-ci", "article", "Qanun", "48.1", "", ""),
                ("48.3-cü maddələrinə", "article", "Qanun", "48.3", "", ""),
            ],
        ),
        (
            "Məcəllənin 99.2.5-ci və 99.2.6- cı maddələri ləğv edilsin",
            [
                ("99.2.5-ci", "article", "Məcəllə", "99.2.5", "", ""),
                ("99.2.6- cı maddələri", "article", "Məcəllə", "99.2.6", "", ""),
            ],
        ),
    ],
)
def test_coordinated_articles_give_one_row_each_the_last_with_the_noun(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Azərbaycan Respublikası BMT-nin Korrupsiyaya qarşı Konvensiyasının 14-cü maddəsi üzrə",
            [
                ("BMT-nin Korrupsiyaya qarşı Konvensiyasının", "act", "Konvensiya", "", "", ""),
                ("14-cü maddəsi", "article", "Konvensiya", "14", "", ""),
            ],
        ),
        (
            "ölkəmiz Avropa Şurasının İnsan Hüquqları və Əsas Azadlıqların Müdafiəsi haqqında Konvensiyasını",
            [
                (
                    "Avropa Şurasının İnsan Hüquqları və Əsas Azadlıqların Müdafiəsi haqqında Konvensiyasını",
                    "act",
                    "Konvensiya",
                    "",
                    "",
                    "",
                )
            ],
        ),
        (
            "ölkəmiz Avropa Şurasının Avropa Sosial Xartiyasını ratifikasiya etmişdir",
            [("Avropa Şurasının Avropa Sosial Xartiyasını", "act", "Xartiya", "", "", "")],
        ),
        (
            "Azərbaycan Respublikası ilə Gürcüstan arasında 2019-cu il 5 may tarixli 12 nömrəli Sazişin",
            [("2019-cu il 5 may tarixli 12 nömrəli Sazişin", "act", "Saziş", "12", "2019-05-05", "")],
        ),
        (
            "Beynəlxalq Əmək Təşkilatının 2014-cü il Protokolunun",
            [("Beynəlxalq Əmək Təşkilatının 2014-cü il Protokolunun", "act", "Protokol", "", "", "")],
        ),
    ],
)
def test_international_acts_run_from_the_issuer_to_the_act_word(text, expected):
    assert rows(text) == expected


def test_an_act_named_in_an_international_name_ends_it():
    text = "ölkəmiz Sosial Xartiyasına və Əsas Sazişinə qoşulmuşdur"
    assert [row[:3] for row in rows(text)] == [
        ("Sosial Xartiyasına", "act", "Xartiya"),
        ("Əsas Sazişinə", "act", "Saziş"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "AZƏRBAYCAN RESPUBLİKASININ AİLƏ MƏCƏLLƏSİ\nBu Məcəllə ailə münasibətlərini tənzimləyir.",
        "AZƏRBAYCAN RESPUBLİKASININ SEÇKİ MƏCƏLLƏSİ MÜNDƏRİCAT\n(Fəslin başlanğıcına getmək üçün)",
        "“… Qaydası”nın təsdiq edilməsi barədə\n\nAZƏRBAYCAN RESPUBLİKASI NAZİRLƏR KABİNETİNİN QƏRARI\n\n",
        "Maddə 5. Rəqabətin əhəmiyyətli dərəcədə məhdudlaşdırılması",
        "Birinci\nİkinci\nÜçüncü\nDördüncü\nBƏLƏDİYYƏ ÜZVLÜYÜNƏ NAMİZƏDLƏRİN İRƏLİ SÜRÜLMƏSİ QAYDASI\n",  # a chapter
        "38. BƏLƏDİYYƏ SEÇKİLƏRİ (234-246) AZƏRBAYCAN RESPUBLİKASININ SEÇKİ MƏCƏLLƏSİ\n",
        "I fəsil Əsas müddəalar\nMaddə 1. Əsas anlayışlar\n1.1. Bu Məcəllədə istifadə olunan anlayışlar",
        "2-ci fəsil\nMaddə 6\nRəqabət sahəsində",
        "Qanunvericilik Toplusu, 2018-ci il, № 7, I kitab, maddə 1434) ilə",
        "Qanunvericilik Toplusu, 2015-ci il, 4, maddə 357) ilə",
    ],
)
def test_a_documents_own_title_and_its_headings_are_no_references(text):
    assert [row for row in rows(text) if row[1] != "act" or "Qaydası" not in row[0]] == []


def test_an_act_in_a_title_line_that_governs_what_follows_is_a_reference():
    text = "Giriş\nAZƏRBAYCAN RESPUBLİKASI PREZİDENTİNİN SƏRƏNCAMI İLƏ TƏSDİQ EDİLMİŞ PLAN\n"
    assert rows(text) == [("AZƏRBAYCAN RESPUBLİKASI PREZİDENTİNİN SƏRƏNCAMI", "act", "Sərəncam", "", "", "")]


def test_an_act_starting_a_later_line_in_mixed_case_is_a_reference():
    text = "Birinci sətir.\nİkinci sətir.\nÜçüncü sətir.\nAzərbaycan Respublikasının Miqrasiya Məcəlləsi\n"
    assert rows(text) == [("Azərbaycan Respublikasının Miqrasiya Məcəlləsi", "act", "Məcəllə", "", "", "")]


def test_the_title_in_the_first_line_is_no_reference_but_the_same_act_in_the_text_is():
    text = (
        "AZƏRBAYCAN RESPUBLİKASININ MİQRASİYA MƏCƏLLƏSİ\n"
        "Azərbaycan Respublikasının Miqrasiya Məcəlləsi miqrasiya sahəsində münasibətləri tənzimləyir."
    )
    assert rows(text) == [("Azərbaycan Respublikasının Miqrasiya Məcəlləsi", "act", "Məcəllə", "", "", "")]


def test_act_types_are_data():
    assert {acts.ACT_TYPES[lemma] for lemma in acts.INTERNATIONAL_TYPES} == {
        "Konvensiya",
        "Müqavilə",
        "Saziş",
        "Protokol",
        "Xartiya",
    }
    assert acts.ACT_SCOPES["əmr"] == "internal" and acts.PLURAL_TITLE_TYPES == {"qayda"}
    assert acts.ITEM_NOUNS == ("yarımbənd", "bənd") and acts.ARTICLE_NOUNS == ("maddə",)
    assert "abzas" in acts.ARTICLE_PARTS and acts.DATED == "tarixli" and acts.NUMBERED == ("nömrəli", "saylı")
    assert "qarşı" in acts.NAME_LINKS and "və" in acts.ACT_NAME_LINKS and "toplusu" in acts.GAZETTE_WORDS


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Konstitusiyasının 89-cu maddəsinin I hissəsinin 1-ci bəndində",
            [("89-cu maddəsinin I hissəsinin 1-ci bəndində", "article", "Konstitusiya", "89", "", "1.1")],
        ),
        (
            "Konstitusiyasının 84-cü maddəsinin I hissəsinə uyğun olaraq",
            [("84-cü maddəsinin I hissəsinə", "article", "Konstitusiya", "84", "", "1")],
        ),
        (
            "Məcəllənin 18-ci maddənin birinci hissənin onuncu abzasında",
            [("18-ci maddənin birinci hissənin onuncu abzasında", "article", "Məcəllə", "18", "", "1.10")],
        ),
        (
            "Konstitusiyasının 89-cu maddəsinin I hissəsinin 2-ci, 4-cü və 7-ci bəndlərində",
            [
                ("89-cu maddəsinin I hissəsinin 2-ci", "article", "Konstitusiya", "89", "", "1.2"),
                ("4-cü", "article", "Konstitusiya", "89", "", "1.4"),
                ("7-ci bəndlərində", "article", "Konstitusiya", "89", "", "1.7"),
            ],
        ),
    ],
)
def test_parts_of_an_article_stay_in_its_row(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ilə 73-1.3-cü maddəsində", [("73-1.3-cü maddəsində", "article", "", "73-1.3", "", "")]),
        ("ilə 11- 1.2-ci maddədə", [("11- 1.2-ci maddədə", "article", "", "11-1.2", "", "")]),
        ("ilə 7-1-ci maddə əlavə edilsin", [("7-1-ci maddə", "article", "", "7-1", "", "")]),
        (
            "ilə 1.1.29-1.1.32-ci maddələr",
            [("1.1.29", "article", "", "1.1.29", "", ""), ("1.1.32-ci maddələr", "article", "", "1.1.32", "", "")],
        ),
        (
            "ilə 77-79-cu maddələri",
            [("77", "article", "", "77", "", ""), ("79-cu maddələri", "article", "", "79", "", "")],
        ),
    ],
)
def test_inserted_articles_are_one_number_and_ranges_one_row_per_number(text, expected):
    assert rows(text) == expected


def test_an_article_without_an_act_before_it_is_one_of_the_documents_own_act():
    text = (
        "AZƏRBAYCAN RESPUBLİKASININ SEÇKİ MƏCƏLLƏSİ\nMaddə 1. Əsas anlayışlar\n(… № 6, maddə 457) ilə 46.6-cı maddədə"
    )
    assert rows(text) == [("46.6-cı maddədə", "article", "Məcəllə", "46.6", "", "")]


def test_a_number_and_date_written_before_the_issuer_belong_to_the_act():
    text = "3. 2 iyun 2008-ci il tarixli 611-IIIQD nömrəli Azərbaycan Respublikasının Qanunu (Toplusu, 2008)"
    assert rows(text)[0] == ("Azərbaycan Respublikasının Qanunu", "act", "Qanun", "611-IIIQD", "2008-06-02", "")


def test_an_act_whose_quoted_title_names_an_act_starts_at_its_issuer():
    text = (
        "1. 30 dekabr 2004-cü il 819-IIQD nömrəli “Azərbaycan Respublikasının Seçki Məcəlləsinə "
        "dəyişikliklər edilməsi haqqında” Azərbaycan Respublikasının Qanunu (Toplusu)"
    )
    assert rows(text) == [
        ("Azərbaycan Respublikasının Seçki Məcəlləsinə", "act", "Məcəllə", "", "", ""),
        ("Azərbaycan Respublikasının Qanunu", "act", "Qanun", "819-IIQD", "2004-12-30", ""),
    ]


def test_an_act_word_naming_a_body_is_no_act():
    text = "qanunları Azərbaycan Respublikasının Konstitusiya Məhkəməsi yoxlayır"
    assert rows(text) == []


def _cpu_seconds(text: str) -> float:
    find_references(text, dates=[], headings=[])  # warm-up
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        find_references(text, dates=[], headings=[])
        best = min(best, time.process_time() - started)
    return max(best, 1e-4)


@pytest.mark.parametrize(
    "piece, n",
    [
        ("AZƏRBAYCAN MƏCƏLLƏSİ\n", 300),  # title lines: one check each, not one per earlier line
        ("89-cu maddəsinin I hissəsinin 2-ci, 4-cü və 7-ci bəndlərində, ", 60),  # items of articles
        ("ilə 1.1.29-1.1.32-ci maddələr, 13-1.2-ci maddə, maddə 15, 30.1 maddəsinə ", 60),
        ("BMT-nin Korrupsiyaya qarşı Konvensiyasının 14-cü maddəsi, ", 60),
        ("Qanunvericilik Toplusu, 2018-ci il, № 7, maddə 1434) ", 60),
        ("Azərbaycan Respublikasının Miqrasiya Məcəlləsi, ", 150),  # many acts on one long line
    ],
)
def test_the_new_rules_run_in_linear_time(piece, n):
    small, large = _cpu_seconds(piece * n), _cpu_seconds(piece * 8 * n)
    assert large <= 12 * small, f"{small * 1000:.1f} ms at n, {large * 1000:.1f} ms at 8n"


def test_lowercase_words_of_an_international_acts_name_before_a_link_belong_to_it():
    text = "ölkəmiz BMT-nin Uşaq hüquqları haqqında Konvensiyasını ratifikasiya edib"
    assert rows(text) == [("BMT-nin Uşaq hüquqları haqqında Konvensiyasını", "act", "Konvensiya", "", "", "")]


def test_a_conjunction_joins_the_capitalised_words_of_an_issuer():
    text = "Əmək və Əhalinin Sosial Müdafiəsi nazirinin 2022-ci il 21 dekabr tarixli 318 nömrəli əmri ilə"
    assert rows(text) == [(text[: text.index(" ilə")], "act", "Əmr", "318", "2022-12-21", "")]
    text = "işlər görülmüş və Agentliyin İdarə Heyətinin 2024-cü il 9 sentyabr tarixli 14/2 nömrəli qərarı"
    assert rows(text)[0][0] == "Agentliyin İdarə Heyətinin 2024-cü il 9 sentyabr tarixli 14/2 nömrəli qərarı"
