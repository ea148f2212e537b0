"""Counts on text nobody tuned to (issue 16, "Counts"): partitives, participles, stems that end
like a suffix, the counted noun after a measure word, and the data files behind them."""

from __future__ import annotations

import time

import pytest

from reportparse.extract.counts import CountMention, find_counts
from reportparse.lang.az import numbers
from reportparse.lang.az.morphology import analyze


def rows(text: str) -> list[tuple[str, int | float, str, str, str, str]]:
    """(surface, value, unit, counted, qualifier, kind) of every count of ``text``, offsets checked."""
    found: list[CountMention] = find_counts(text)
    return [(text[m.start : m.end], m.value, m.unit, m.counted, m.qualifier, m.kind) for m in found]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Təlimlərdə 29-u qadın olmaqla 40 nəfər iştirak etmişdir.",
            [
                ("29-u qadın", 29, "qadın", "", "exact", "count"),
                ("40 nəfər", 40, "nəfər", "", "exact", "count"),
            ],
        ),
        (
            "Komissiyaya 52 müraciət daxil olmuş, onlardan 12-si qadın, 8-i kişi idi.",
            [
                ("52 müraciət", 52, "müraciət", "", "exact", "count"),
                ("12-si qadın", 12, "qadın", "", "exact", "count"),
                ("8-i kişi", 8, "kişi", "", "exact", "count"),
            ],
        ),
        ("iştirakçılardan 29-u qadın və 11-i kişi olmuşdur", [("29-u qadın", 29, "qadın", "", "exact", "count")]),
    ],
)
def test_a_number_with_a_partitive_ending_counts_the_noun_after_it(text, expected):
    assert rows(text)[: len(expected)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Təlimlərdən 5-i pandemiya ilə bağlı məhdudiyyətlər səbəbindən onlayn keçirilmişdir.",
        "Müraciətlərin 17-si elektron qaydada daxil olmuşdur.",
        "onlardan 1-i əsaslı hesab edilərək müvafiq tədbir görülmüşdür",
        "Bərpa edilən abidələrdən 54-ü abidələrin siyahısına daxil edilmişdir.",
        "Təkliflərdən 7-si nəzərə alınmışdır.",
        "Onlardan 21-i.",
    ],
)
def test_a_partitive_before_an_adverbial_or_a_predicate_or_alone_is_no_count(text):
    assert [row for row in rows(text) if row[0][0].isdigit() and "-" in row[0]] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Məhkəməyə 51 təqsirləndirilən şəxsdən ərizə daxil olmuşdur.", ("51 təqsirləndirilən şəxsdən", 51, "şəxs")),
        ("İl ərzində 5 keçirilən tədbirin nəticələri", ("5 keçirilən tədbirin", 5, "tədbir")),
        ("Mərkəzdə 40 məcburi köçkün məskunlaşmışdır.", ("40 məcburi köçkün", 40, "köçkün")),
    ],
)
def test_a_participle_or_adjective_before_the_noun_leaves_the_noun_the_unit(text, expected):
    surface, value, unit = expected
    assert rows(text)[0][:3] == (surface, value, unit)


@pytest.mark.parametrize(
    "text, surface, unit",
    [
        ("Tədbirdə 82 qadın iştirak etmişdir.", "82 qadın", "qadın"),
        ("Tədbirdə 16 kişi iştirak etmişdir.", "16 kişi", "kişi"),
        ("Layihədə 4 kişidən ibarət komanda", "4 kişidən", "kişi"),
        ("Mükafatlar 8 qadına təqdim edilmişdir.", "8 qadına", "qadın"),
        ("İl ərzində 12 sərgi təşkil olunmuşdur.", "12 sərgi", "sərgi"),
        ("Ölkəyə 15 əcnəbi gəlmişdir.", "15 əcnəbi", "əcnəbi"),
        ("Mərkəzdə 30 qaçqın yerləşdirilmişdir.", "30 qaçqın", "qaçqın"),
        ("Şəhərin 3 muzeyində sərgi keçirilmişdir.", "3 muzeyində", "muzey"),
        ("Komissiyanın 9 nümayəndəsi iştirak etmişdir.", "9 nümayəndəsi", "nümayəndə"),
    ],
)
def test_the_unit_is_the_real_lemma_of_a_noun_ending_like_a_suffix(text, surface, unit):
    assert rows(text)[0][:3] == (surface, int(surface.split()[0]), unit)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Şuranın 8 nəfər üzvdən ibarət tərkibi", ("8 nəfər", 8, "nəfər", "üzv", "exact")),
        (
            "Xidmətin 50 nəfərdən çox əməkdaşı təlimə cəlb edilmişdir.",
            ("50 nəfərdən çox", 50, "nəfər", "əməkdaş", "more_than"),
        ),
        ("Layihə çərçivəsində 2500 ədəd buklet paylanmışdır.", ("2500 ədəd", 2500, "ədəd", "buklet", "exact")),
        (
            "Layihə çərçivəsində 2500 ədəd informasiya bukleti paylanmışdır.",
            ("2500 ədəd", 2500, "ədəd", "buklet", "exact"),
        ),
        ("Təlimə 3 nəfər qadın cəlb edilmişdir.", ("3 nəfər", 3, "nəfər", "qadın", "exact")),
        ("Siyahıya 20 nəfər təqsirləndirilən şəxs daxil edilmişdir.", ("20 nəfər", 20, "nəfər", "şəxs", "exact")),
        ("Tədbirdə 8 nəfər qadın olmaqla 30 nəfər iştirak etmişdir.", ("8 nəfər", 8, "nəfər", "qadın", "exact")),
        ("İclasa ən azı 12 nəfər könüllü qatılmışdır.", ("ən azı 12 nəfər", 12, "nəfər", "könüllü", "at_least")),
        ("Evdə 2 nəfər yaşayan", ("2 nəfər", 2, "nəfər", "", "exact")),  # a participle is no counted noun
        ("Tədbirdə 40 nəfər iştirak etmişdir.", ("40 nəfər", 40, "nəfər", "", "exact")),
        ("Komissiya iki dəfə baxış keçirmişdir.", ("iki dəfə", 2, "dəfə", "", "exact")),
    ],
)
def test_counted_is_the_lemma_of_the_noun_after_a_measure_word(text, expected):
    assert rows(text)[0][:5] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Konvensiyanın maddə 15 tətbiq edilir.",  # an article number
        "Planın bənd 3 icra edilmişdir.",  # an item number
    ],
)
def test_the_number_of_an_article_or_item_is_no_count(text):
    assert rows(text) == []


def test_quantities_are_data_files_loaded_by_the_numbers_module():
    assert numbers.UNITS["səkkiz"] == 8 and numbers.TENS["doxsan"] == 90 and numbers.HUNDRED == {"yüz": 100}
    assert numbers.MULTIPLIERS["mlrd"] == 10**9 and numbers.CARDINALS["milyon"] == 10**6
    assert {"nəfər", "ədəd", "dəfə"} <= numbers.MEASURE_WORDS and numbers.NOTHING_COUNTED == {"dəfə"}
    assert numbers.CURRENCIES["manat"] == "AZN" and numbers.CURRENCY_COUNTRIES["abş"] == "USD"
    assert numbers.DURATION_UNITS["aylıq"] == "ay" and "yaşlı" in numbers.DURATION_ADJECTIVES
    assert numbers.QUALIFIERS_BEFORE["ən azı"] == "at_least" and numbers.QUALIFIERS_AFTER_GENITIVE == {
        "üzərində": "more_than"
    }
    assert numbers.UP_TO_ENDINGS == ("dək", "cən") and numbers.IDENTIFIER_WORDS == ("saylı", "nömrəli")
    assert "məcburi" in numbers.COUNT_ADJECTIVES
    # nouns that end like a suffix are stems of the one morphology, read alike by every stage
    assert [analyze(w).lemma for w in ("qadınlar", "kişidən", "sərgisində", "nümayəndələri")] == [
        "qadın",
        "kişi",
        "sərgi",
        "nümayəndə",
    ]
    assert {"u", "si"} <= numbers.PARTITIVE_ENDINGS and "olmaqla" in numbers.COPULAS


@pytest.mark.parametrize(
    "words, value",
    [(["səkkizinci"], 8), (["on", "səkkizinci"], 18), (["iyirmi", "birinci"], 21), (["yüzüncü"], 100)],
)
def test_ordinal_words(words, value):
    assert numbers.ordinal_value(words) == value


@pytest.mark.parametrize("words", [[], ["on"], ["səkkizinci", "on"], ["maddə", "birinci"]])
def test_no_ordinal(words):
    assert numbers.ordinal_value(words) is None


def test_number_words_in_a_count_are_read_from_the_data():
    assert rows("Layihədə iki min beş yüz könüllü iştirak etmişdir.")[0][:3] == (
        "iki min beş yüz könüllü",
        2500,
        "könüllü",
    )


def _cpu_seconds(text: str) -> float:
    find_counts(text, dates=[])  # warm-up
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        find_counts(text, dates=[])
        best = min(best, time.process_time() - started)
    return max(best, 1e-4)


@pytest.mark.parametrize(
    "piece, n",
    [
        ("onlardan 29-u qadın olmaqla, 17-si elektron qaydada, ", 60),
        ("51 təqsirləndirilən şəxsdən, 20 nəfər təqsirləndirilən şəxs, ", 60),
        ("yaşayan ", 400),  # a run of participles is read once, never recursively
    ],
)
def test_the_new_rules_run_in_linear_time(piece, n):
    small, large = _cpu_seconds("5 " + piece * n), _cpu_seconds("5 " + piece * 8 * n)
    assert large <= 12 * small, f"{small * 1000:.1f} ms at n, {large * 1000:.1f} ms at 8n"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tədbirə 40 gənc qoşuldu.", ("40 gənc", 40, "gənc")),
        ("Ümumilikdə 12 layihə başladı.", ("12 layihə", 12, "layihə")),
        ("Komandadan 3 oyunçu getdi.", ("3 oyunçu", 3, "oyunçu")),
        ("Tədbirdə 5 mütəxəssis iştirak etdi.", ("5 mütəxəssis", 5, "mütəxəssis")),
        ("Xidmətin 3 əməkdaşı təltif olundu.", ("3 əməkdaşı", 3, "əməkdaş")),
        ("Rayonda 7 məktəb təmir edildilər.", ("7 məktəb", 7, "məktəb")),
        ("Yarışda 4 idmançı qaliblər sırasına düşdülər.", ("4 idmançı", 4, "idmançı")),
    ],
)
def test_a_past_tense_verb_ends_the_counted_phrase(text, expected):
    """News-style reports write the past tense (-dı/-di): it is no unit (``40 gənc qoşuldu`` → gənc)."""
    assert [(text[m.start : m.end], m.value, m.unit) for m in find_counts(text)][:1] == [expected]


def test_nouns_in_di_stay_units():
    """The past-tense rule spares possessives of nouns in -t/-d (``Xidməti``, ``məqsədi``)."""
    text = "Agentliyin 4 xidməti və 2 məqsədi"
    assert [(m.value, m.unit) for m in find_counts(text)] == [(4, "xidmət"), (2, "məqsəd")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("3 min 200 hektar sahədə əkin aparılıb.", ("3 min 200 hektar", 3200, "hektar")),
        ("Layihəyə 2 milyon 500 min manat ayrılıb.", ("2 milyon 500 min manat", 2500000, "AZN")),
        ("Cəmi 2 (iki) müqavilə bağlanıb.", ("2 (iki) müqavilə", 2, "müqavilə")),
        ("Müddət 30 (otuz) gün müəyyən edilir.", ("30 (otuz) gün", 30, "gün")),
        ("15 (on beş) min manat", ("15 (on beş) min manat", 15000, "AZN")),
    ],
)
def test_numbers_in_parts_and_repeated_in_words(text, expected):
    """A smaller number after a multiplier word adds to it; a number repeated in words in
    parentheses (legal style) stands between the number and its unit."""
    found = [(text[m.start : m.end], float(m.value), m.unit) for m in find_counts(text)]
    assert found[:1] == [(expected[0], float(expected[1]), expected[2])]


def test_parts_that_do_not_add():
    """A number after a multiplier adds only when smaller than it, on the same line."""
    assert [(m.value, m.unit) for m in find_counts("5 min manat və 300 nəfər")] == [(5000, "AZN"), (300, "nəfər")]
    assert [m.value for m in find_counts("4 min 5000 nəfər")] == [5000]
    assert [m.unit for m in find_counts("Maddə 2 (ikinci hissə)")] == []
