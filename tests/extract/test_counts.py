"""Counts, money, percentages and durations (issue 7): every example and trap of the issue."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportparse import load
from reportparse.extract.counts import find_counts
from reportparse.lang.az.morphology import analyze, lemma, vocabulary
from reportparse.pipeline import extract_tables
from reportparse.resources import sample_report_path
from tests.corpus_paths import shared_file


def only(sentence: str, **expected):
    """The one non-duration mention of ``sentence``, checked against ``expected`` (``text`` is its surface)."""
    found = [m for m in find_counts(sentence) if m.kind != "duration"]
    assert len(found) == 1, found
    mention = found[0]
    got = {"text": sentence[mention.start : mention.end], **{k: getattr(mention, k) for k in expected if k != "text"}}
    assert got == expected
    return mention


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Dövlət Miqrasiya Xidmətinin 8 nəfər üzvdən ibarət işçi qrupu",
            {"text": "8 nəfər", "value": 8, "unit": "nəfər", "counted": "üzv"},
        ),
        (
            "Xidmətin 50 nəfərdən çox əməkdaşı üçün təlim",
            {"text": "50 nəfərdən çox", "value": 50, "qualifier": "more_than", "counted": "əməkdaş"},
        ),
        (
            "maarifləndirici bukletin (2500 ədəd) çap edilmişdir",
            {"text": "2500 ədəd", "value": 2500, "unit": "ədəd", "counted": "buklet"},
        ),
        (
            "Layihə çərçivəsində 2500 ədəd buklet çap edilmişdir",
            {"text": "2500 ədəd", "value": 2500, "unit": "ədəd", "counted": "buklet"},
        ),
        (
            "ölkəmizdə fəaliyyət göstərən 44 ali təhsil müəssisəsinin nümayəndələri",
            {"text": "44 ali təhsil müəssisəsinin", "value": 44, "unit": "müəssisə", "counted": ""},
        ),
        (
            "inteqrasiyanı sürətləndirəcək beş mövzuda faydalı məlumat",
            {"text": "beş mövzuda", "value": 5, "unit": "mövzu"},
        ),
        (
            "İctimai Şura tərəfindən keçirilmiş 14 tədbirin nəticələri",
            {"text": "14 tədbirin", "value": 14, "unit": "tədbir"},
        ),
        ("İctimai Şuranın 3 iclası keçirilmişdir.", {"text": "3 iclası", "value": 3, "unit": "iclas"}),
        (
            "Hazırda Xidmət tərəfindən 20 elektron xidmət istifadədədir.",
            {"text": "20 elektron xidmət", "value": 20, "unit": "xidmət"},
        ),
        ("kataloqa 2 500 sənəd daxil edilmişdir", {"text": "2 500 sənəd", "value": 2500, "unit": "sənəd"}),
        ("kataloqa 2.500 sənəd daxil edilmişdir", {"text": "2.500 sənəd", "value": 2500, "unit": "sənəd"}),
        (
            "kataloqa iki min beş yüz sənəd daxil edilmişdir",
            {"text": "iki min beş yüz sənəd", "value": 2500, "unit": "sənəd"},
        ),
        ("on iki regionda vebinarlar keçirilmişdir", {"text": "on iki regionda", "value": 12, "unit": "region"}),
        ("tədbirdə bir nəfər iştirak etmişdir", {"text": "bir nəfər", "value": 1, "unit": "nəfər"}),
        (
            "sorğuda 1 150 respondent iştirak etmişdir",
            {"text": "1 150 respondent", "value": 1150, "unit": "respondent"},
        ),
        ("Tədbirlər Planı 7 bənddən ibarətdir.", {"text": "7 bənddən", "value": 7, "unit": "bənd"}),
        ("həmin gənclər evlərində 19 görüş keçirilmişdir", {"text": "19 görüş", "value": 19, "unit": "görüş"}),
        ("layihəyə 18 düzəliş edilmişdir", {"text": "18 düzəliş", "value": 18, "unit": "düzəliş"}),
        ("keçirilmiş 48 vebinarda 3 200-dən çox gənc iştirak etmişdir", None),
        (
            "ümumilikdə 11 televiziya və radio çıxışı təşkil edilmişdir",
            {"text": "11 televiziya və radio çıxışı", "value": 11, "unit": "çıxış"},
        ),
        (
            "müəssisəyə 12 mərkəzi icra hakimiyyəti orqanının nümayəndəsi gəlib",
            {"text": "12 mərkəzi icra hakimiyyəti orqanının", "unit": "orqan"},
        ),
        (
            "resursların 5 “ASAN xidmət” mərkəzindəki lövhələrdə",
            {"text": "5 “ASAN xidmət” mərkəzindəki", "unit": "mərkəz"},
        ),
        (
            "abidələrin 3 minə yaxın yeni fotoşəkli çəkilmişdir",
            {"text": "3 minə yaxın yeni fotoşəkli", "value": 3000, "unit": "fotoşəkil", "qualifier": "approx"},
        ),
        (
            "Agentliyin tabeliyində olan 7 tarix-mədəniyyət qoruğundan 5-ində",
            {"text": "7 tarix-mədəniyyət qoruğundan", "unit": "qoruq"},
        ),
    ],
)
def test_counts_of_the_issue(text, expected):
    if expected is None:  # two counts in one sentence
        found = find_counts(text)
        assert [(text[m.start : m.end], m.value, m.unit, m.qualifier) for m in found] == [
            ("48 vebinarda", 48, "vebinar", "exact"),
            ("3 200-dən çox gənc", 3200, "gənc", "more_than"),
        ]
        return
    only(text, **expected)


@pytest.mark.parametrize(
    "text, surface, qualifier",
    [
        ("müzakirələrdə 210 nəfərdən artıq sakin iştirak etmişdir", "210 nəfərdən artıq", "more_than"),
        ("tədbirdə 20 nəfərdən az adam olub", "20 nəfərdən az", "less_than"),
        ("onların təxminən 22 faizi xarici ölkələrdəndir", "təxminən 22 faizi", "approx"),
        ("hər ay ən azı 3 görüş keçirilir", "ən azı 3 görüş", "at_least"),
        ("ayda azı bir dəfə baxış keçirilmişdir", "azı bir dəfə", "at_least"),
        ("layihəyə 100-dək könüllü cəlb ediləcək", "100-dək könüllü", "at_most"),
        ("təlimlərə 500 nəfərədək müəllim cəlb ediləcək", "500 nəfərədək", "at_most"),
        ("aksiyada 600-ə yaxın könüllü iştirak etmişdir", "600-ə yaxın könüllü", "approx"),
        ("tədbirdə 60 nəfərə yaxın tələbə olub", "60 nəfərə yaxın", "approx"),
        ("forumda 100 nəfərin üzərində iştirakçı olub", "100 nəfərin üzərində", "more_than"),
    ],
)
def test_qualifiers(text, surface, qualifier):
    only(text, text=surface, qualifier=qualifier)


@pytest.mark.parametrize(
    "text, surface, value, unit",
    [
        ("Layihəyə 398,3 milyon manat vəsait ayrılmışdır.", "398,3 milyon manat", 398_300_000, "AZN"),
        ("dövlət büdcəsindən 1 200 000 AZN vəsait ayrılmış", "1 200 000 AZN", 1_200_000, "AZN"),
        ("donorlar 5 min ABŞ dolları ayırmışdır", "5 min ABŞ dolları", 5000, "USD"),
        ("Agentliyin 4,2 mln. manat həcmində büdcəsi", "4,2 mln. manat", 4_200_000, "AZN"),
        ("satınalmaların ümumi dəyəri 1,42 mlrd. manat olmuşdur", "1,42 mlrd. manat", 1_420_000_000, "AZN"),
        ("daxilolmalar 2 347,8 min manat təşkil etmişdir", "2 347,8 min manat", 2_347_800, "AZN"),
    ],
)
def test_money(text, surface, value, unit):
    mention = only(text, text=surface, unit=unit, kind="money")
    assert mention.value == value and isinstance(mention.value, int)


@pytest.mark.parametrize(
    "text, surface, value",
    [
        ("sənədlərin sayı isə 20,0 faiz azaldılmışdır", "20,0 faiz", 20.0),
        ("saxlama vahidlərinin təxminən 15%-ni təşkil edir", "təxminən 15%-ni", 15),
        ("ümumi xərclərin 14,6 faizi", "14,6 faizi", 14.6),
        ("iştirakçıların 95 faizdən çoxu razı qalmışdır", "95 faizdən çoxu", 95),
        ("payı 41%-dən yüksəlmişdir", "41%-dən", 41),
    ],
)
def test_percentages(text, surface, value):
    mention = only(text, text=surface, unit="faiz", kind="percent")
    assert mention.value == value


def test_decimal_percent_keeps_its_decimal():
    assert isinstance(find_counts("20,0 faiz")[0].value, float)


@pytest.mark.parametrize(
    "text",
    [
        "2022-ci il tarixdə keçirilmiş 11-ci iclasında",  # ordinal
        "yeni istifadəyə verilmiş 2 saylı Gəncə regional mərkəzi",  # identifier
        "Prezidentinin 3199 nömrəli Sərəncamı",  # identifier
        "24 saat fəaliyyət göstərən 1545 qısa nömrəli “qaynar xətt”",  # identifier after an adjective
        "2 iyun tarixli № 123 məktubunda",  # № identifier, date
        "Tədbirlər Planının 5.1-ci bəndinin icrası",  # item reference
        "15 mart 2022-ci il və 2023-cü ildə",  # dates
        "Xidmətin yaradılmasının 15-ci ildönümü ərəfəsində",  # anniversary
        "Qanunun 109-cu maddəsinin 32-ci bəndi",  # article
        "Xidmətin (012) 440-18-09 nömrəli telefonu",  # phone number
        "bir neçə qurum və bir sıra qeyri-hökumət təşkilatı",  # bir neçə, bir sıra
        "həmin gün bir təlim keçirilib",  # bir as an article
        "hər bir satınalma proseduru üzrə",  # hər bir
        "37 təklifdən 21-i nəzərə alınmışdır",  # partitive 21-i (37 təklifdən is a count)
        "sayı 9-a çatmışdır",  # a number in a case, no noun
        "saat 09:00-dan 18:00-dək işləyir",  # times
        "18 yaşınadək uşaqlar",  # age
        "“EduHack 2023” hakatonu",  # a year in a name
    ],
)
def test_traps_are_not_counts(text):
    counts = [text[m.start : m.end] for m in find_counts(text) if m.kind != "duration"]
    assert counts in ([], ["37 təklifdən"])


@pytest.mark.parametrize(
    "text, surface, unit",
    [
        ("“Miqrasiya İdarəçiliyi üçün 15 illik tərəfdaşlıq”", "15 illik", "il"),
        ("Sistemin 3 aylıq sınaq istismarı", "3 aylıq", "ay"),
        ("müraciətə 5 iş günü ərzində baxılır", "5 iş günü", "gün"),
        ("Agentliyin 24 saat fəaliyyət göstərən xətti", "24 saat", "saat"),
        ("iki günlük onlayn təlim keçirilmişdir", "iki günlük", "gün"),
    ],
)
def test_durations_are_kind_duration_never_counts(text, surface, unit):
    found = find_counts(text)
    assert [(text[m.start : m.end], m.unit, m.kind) for m in found] == [(surface, unit, "duration")]
    assert find_counts(text, durations=False) == []


def test_ellipsis_takes_the_unit_of_the_second_count():
    text = "agentliklərində 46 planlı və 12 plandankənar yoxlama aparılmışdır"
    assert [(text[m.start : m.end], m.unit) for m in find_counts(text)] == [
        ("46 planlı", "yoxlama"),
        ("12 plandankənar yoxlama", "yoxlama"),
    ]


def test_counted_noun_named_before_a_possessive_measure():
    text = "könüllülərin ən fəal 30 nəfəri təltif edilmişdir"
    only(text, text="30 nəfəri", unit="nəfər", counted="könüllü")


@pytest.mark.parametrize(
    "word, expected",
    [
        ("müəssisəsinin", "müəssisə"),
        ("əməkdaşı", "əməkdaş"),
        ("qoruğundan", "qoruq"),
        ("bukletlərin", "buklet"),
        ("mövzuda", "mövzu"),
        ("könüllü", "könüllü"),
        ("fotoşəkli", "fotoşəkil"),
        ("Agentliyin", "agentlik"),
        ("AGENTLİYİNİN", "agentlik"),
        ("ailəyə", "ailə"),
        ("sorğusunun", "sorğu"),
        ("sorğu", "sorğu"),
        ("iclası", "iclas"),
        ("tələbə", "tələbə"),
        ("istifadəçi", "istifadəçi"),
        ("Qanununun", "qanun"),
        ("əmrlə", "əmr"),
        ("komanda", "komanda"),
        ("DİN-in", "din"),
        ("xidmətlərdən", "xidmət"),
        ("dilinə", "dil"),
        ("nəfərdən", "nəfər"),
    ],
)
def test_lemma(word, expected):
    assert lemma(word) == expected


def test_analysis_and_attested_stems():
    assert analyze("Şurasının") == ("şura", False, True, "genitive")
    assert analyze("bukletlərin").plural and analyze("mərkəzindəki").case == "locative_ki"
    # `abidə` reads as `abi` + locative unless the text attests it (abidələr)
    assert lemma("abidə", known=vocabulary("Tarixi abidələrin siyahısı")) == "abidə"


_PIECES = st.sampled_from(
    [
        "8 nəfər",
        " üzvdən",
        " 50 nəfərdən çox",
        " əməkdaşı",
        " 2 500",
        " 2.500",
        "398,3 milyon manat",
        "15%",
        "-dən",
        " faizi",
        " beş",
        " on iki",
        " bir",
        " neçə",
        " 11-ci",
        " 2 saylı",
        " № 123",
        " 15 mart 2022-ci il",
        " (",
        ")",
        " “ASAN xidmət”",
        " ilə",
        " və",
        ", ",
        ". ",
        "\n",
        " 3 aylıq",
        " iş günü",
        " mindən",
        " yaxın",
        " ədəd",
        " təxminən",
        " ən azı",
        " elektron",
        " xidmət",
        " keçirilmişdir",
        " iştirak",
        " etmişdir",
        "-ə",
        " 0,5",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join))
def test_offsets_and_no_overlaps(text):
    previous_end = 0
    for mention in find_counts(text):
        assert previous_end <= mention.start < mention.end <= len(text)
        assert mention.kind in ("count", "money", "percent", "duration")
        assert text[mention.start : mention.end].strip() == text[mention.start : mention.end]
        previous_end = mention.end


def test_counts_table_of_the_sample():
    document = load(sample_report_path())
    table = extract_tables(document)["counts"]
    assert len(table) >= 26
    for row in table.itertuples():
        assert document.text[row.start : row.end] == row.text
    assert set(table["kind"]) <= {"count", "money", "percent", "duration"}
    assert {2500, 20.0, 1_200_000} <= set(table["value"])


def test_reference_report():
    document = load(shared_file("reports/dmx-2022-opengov-execution-report.txt"))
    found = {document.text[m.start : m.end]: m for m in find_counts(document.text)}
    assert found["8 nəfər"].counted == "üzv"
    assert found["50 nəfərdən çox"].counted == "əməkdaş" and found["50 nəfərdən çox"].qualifier == "more_than"
    assert found["2500 ədəd"].counted == "buklet" and found["350 ədəd"].counted == "tövsiyə"
    assert found["44 ali təhsil müəssisəsinin"].unit == "müəssisə"
    assert found["3 növdə"].counted == "buklet"
    assert found["15 illik"].kind == "duration"
    assert "11-ci iclasında" not in found and "2 saylı" not in found


def test_spacy_component():
    import spacy

    import reportparse.components  # noqa: F401  (registers the factories)

    nlp = spacy.blank("az")
    nlp.add_pipe("az_counts")
    doc = nlp("Xidmətin 50 nəfərdən çox əməkdaşı üçün 3 aylıq təlim keçirilib.")
    assert [(s.text, s.label_, s._.count.counted) for s in doc.spans["counts"]] == [
        ("50 nəfərdən çox", "count", "əməkdaş")
    ]


def test_the_count_scanner_reads_the_text_layer() -> None:
    from reportparse.extract.counts import _Scanner
    from reportparse.lang.az.text import TextLayer

    text = "28.01.2022-ci il tarixdə 2 500 nəfər,\nBMT-nin 37 təklifi"
    layer = TextLayer.of(text * 20)  # long enough to be kept: the scanner gets this very layer
    scanner = _Scanner(layer.text)
    assert scanner.folded is layer.folded and scanner.known is layer.vocabulary
    parts = [(scanner.tokens[i].kind, scanner.tokens[i].text, scanner.tokens[i].newline_before) for i in range(16)]
    assert parts == [
        ("number", "28", False),
        ("other", ".", False),
        ("number", "01", False),
        ("other", ".", False),
        ("number", "2022", False),
        ("other", "-", False),
        ("word", "ci", False),
        ("word", "il", False),
        ("word", "tarixdə", False),
        ("number", "2", False),
        ("number", "500", False),
        ("word", "nəfər", False),
        ("other", ",", False),
        ("word", "bmt-nin", True),
        ("number", "37", False),
        ("word", "təklifi", False),
    ]
    tokens = [scanner.tokens[i] for i in range(len(scanner.tokens))]
    assert all(layer.folded[t.start : t.end] == t.text for t in tokens)
