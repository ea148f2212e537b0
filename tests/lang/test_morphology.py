"""The one noun morphology: the suffix grammar as data, generation, analysis and their agreement."""

from __future__ import annotations

import doctest
import fnmatch
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportparse.lang.az import inflection, morphology
from reportparse.lang.az.inflection import case_forms, noun_forms, possessive_form, softened
from reportparse.lang.az.morphology import (
    CASES,
    FEATURES,
    SUFFIXES,
    Features,
    all_readings,
    analyze,
    analyze_reading,
    derivation,
    ending_reading,
    generate,
    lemma,
    parse_rows,
    readings,
    two_way,
)

LEMMAS = (
    # vowel and consonant stems of every harmony class, heads of names, counted nouns
    "şura",
    "komissiya",
    "xidmət",
    "qrup",
    "fond",
    "komitə",
    "məclis",
    "mərkəz",
    "ölkə",
    "gün",
    "mövzu",
    "sorğu",
    "vergi",
    "istifadəçi",
    "könüllü",
    "göstərici",
    "əməkdaş",
    "müəssisə",
    "buklet",
    "iclas",
    "kurs",
    "qanun",
    "fərman",
    "polis",
    "saziş",
    "şəhər",
    "universitet",
    "ombudsman",
    "nəfər",
    "ədəd",
    "il",
    "ay",
    # stems that change before a vowel, and loans that do not
    "agentlik",
    "nazirlik",
    "prokurorluq",
    "birlik",
    "çiçək",
    "kömək",
    "yataq",
    "qoruq",
    "ittifaq",
    "hüquq",
    "fabrik",
    "bank",
    "fərq",
    "ağız",
    "şəkil",
    "fotoşəkil",
    "fikir",
    "oğul",
    "fəsil",
)


def test_doctests():
    for module in (morphology, inflection):
        assert doctest.testmod(module).failed == 0


# --- generation: harmony, buffers, stem changes -------------------------------------------------


@pytest.mark.parametrize(
    ("lemma_", "features", "form"),
    [
        ("şura", Features(possessive=True, case="genitive"), "şurasının"),
        ("şura", Features(case="genitive"), "şuranın"),
        ("şura", Features(case="dative"), "şuraya"),
        ("şura", Features(case="instrumental"), "şurayla"),
        ("xidmət", Features(possessive=True, case="dative"), "xidmətinə"),
        ("xidmət", Features(possessive=True, case="instrumental"), "xidmətiylə"),
        ("xidmət", Features(case="instrumental"), "xidmətlə"),
        ("qrup", Features(possessive=True, case="genitive"), "qrupunun"),
        ("gün", Features(possessive=True), "günü"),
        ("ölkə", Features(case="locative", copula=True), "ölkədədir"),
        ("mərkəz", Features(plural=True, possessive=True, case="locative"), "mərkəzlərində"),
        ("mərkəz", Features(possessive=True, case="locative_ki"), "mərkəzindəki"),
        ("bağ", Features(case="locative_ki"), "bağdakı"),
        ("mövcud", Features(copula=True), "mövcuddur"),
    ],
)
def test_generate_follows_vowel_harmony_and_buffers(lemma_, features, form):
    assert generate(lemma_, **features._asdict()) == form


@pytest.mark.parametrize(
    ("lemma_", "possessive", "genitive"),
    [
        # k → y, q → ğ after a vowel of a polysyllabic stem
        ("çiçək", "çiçəyi", "çiçəyin"),
        ("kömək", "köməyi", "köməyin"),
        ("yataq", "yatağı", "yatağın"),
        ("nazirlik", "nazirliyi", "nazirliyin"),
        ("prokurorluq", "prokurorluğu", "prokurorluğun"),
        # no change: loans, monosyllables, clusters, other consonants
        ("ittifaq", "ittifaqı", "ittifaqın"),
        ("hüquq", "hüququ", "hüququn"),
        ("fabrik", "fabriki", "fabrikin"),
        ("bank", "bankı", "bankın"),
        ("fərq", "fərqi", "fərqin"),
        ("saziş", "sazişi", "sazişin"),
        # a dropped vowel, listed; a compound ending in a listed stem; not dropped by default
        ("ağız", "ağzı", "ağzın"),
        ("şəkil", "şəkli", "şəklin"),
        ("fotoşəkil", "fotoşəkli", "fotoşəklin"),
        ("şəhər", "şəhəri", "şəhərin"),
    ],
)
def test_stem_changes_before_a_vowel_and_their_exceptions(lemma_, possessive, genitive):
    assert generate(lemma_, possessive=True) == possessive == possessive_form(lemma_)
    assert generate(lemma_, case="genitive") == genitive
    assert generate(lemma_, case="locative") == lemma_ + "d" + two_way(lemma_)  # no change before a consonant
    assert analyze(possessive) == (lemma_, False, True, "nominative")
    assert analyze(genitive).lemma == lemma_


def test_softened_is_the_stem_before_a_vowel():
    assert [softened(w) for w in ("nazirlik", "çiçək", "yataq", "ittifaq", "ağız", "xidmət")] == [
        "nazirliy",
        "çiçəy",
        "yatağ",
        "ittifaq",
        "ağz",
        "xidmət",
    ]


# --- the issue: generator and analyzer used to disagree ------------------------------------------


def test_meclisi_is_analyzed_as_the_form_the_generator_writes():
    assert noun_forms("məclis")["məclisi"] == ("məclis", True, False, "nominative")
    assert analyze("Məclisi") == ("məclis", False, True, "nominative")
    assert analyze("Məclisinin") == ("məclis", False, True, "genitive")
    assert analyze("MƏCLİSİNƏ") == ("məclis", False, True, "dative")
    # the same shape: s- and n-final stems listed as prefer, vowel stems otherwise
    assert lemma("polisi") == "polis"  # poli + si is as regular
    assert lemma("rəisi") == "rəis"
    assert lemma("rayonu") == "rayon"
    assert lemma("Azərbaycanın") == "azərbaycan"
    assert lemma("siyahısı") == "siyahı"
    assert lemma("ikisi") == "iki"
    assert lemma("Şurası") == "şura"
    assert lemma("könüllüsü") == "könüllü"
    assert lemma("istifadəçisinin") == "istifadəçi"


@pytest.mark.parametrize("lemma_", LEMMAS)
def test_every_generated_form_is_analyzed_back(lemma_):
    for form, analysis in noun_forms(lemma_).items():
        found = {(r.lemma, r.plural, r.possessive, r.case) for r in readings(form)}
        assert (analysis.lemma, analysis.plural, analysis.possessive, analysis.case) in found, form


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(LEMMAS), st.sampled_from(FEATURES))
def test_analyze_generate_round_trip(lemma_, features):
    form = generate(lemma_, **features._asdict())
    options = readings(form)
    assert (lemma_, features) in {(r.lemma, r.features) for r in options}
    # every reading the analyzer offers writes the form again: agreement by construction
    assert all(generate(r.lemma, **r.features._asdict()) == form for r in options)
    # the chosen analysis is one of them
    assert analyze_reading(form) in options


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcçdeəfgğhxıijkqlmnoöprsştuüvyz", min_size=1, max_size=14))
def test_readings_of_any_word_regenerate_it(word):
    options = readings(word)
    assert options[0:1] and any(r.lemma == word and r.features == Features() for r in options)
    assert all(generate(r.lemma, **r.features._asdict()) == word for r in options)


# --- ambiguity resolved by rules and data --------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("iclası", ("iclas", False, True, "nominative")),  # prefer: iclas + ı, not icla + sı
        ("Fərmanı", ("fərman", False, True, "nominative")),
        ("komanda", ("komanda", False, False, "nominative")),  # ends like a case
        ("tələbə", ("tələbə", False, False, "nominative")),  # a lone -ə after a consonant: the stem
        ("sorğusu", ("sorğu", False, True, "nominative")),  # ends_in_i
        ("mövzusu", ("mövzu", False, True, "nominative")),  # the u breaks harmony: a stem vowel
        ("sarayı", ("saray", False, True, "nominative")),  # not sarak
        ("Agentliyinə", ("agentlik", False, True, "dative")),
        ("xidmətlərə", ("xidmət", True, False, "dative")),  # a dative after the plural is read
        ("planlara", ("plan", True, False, "dative")),
        ("fəsli", ("fəsil", False, True, "nominative")),
        ("ağzından", ("ağız", False, True, "ablative")),
        # counted nouns of issue 16 that were over-stripped (qad, kiş)
        ("qadın", ("qadın", False, False, "nominative")),  # prefer: not qad + genitive
        ("kişi", ("kişi", False, False, "nominative")),  # ends_in_i: not kiş + ı
        ("kişilərin", ("kişi", True, False, "genitive")),  # not kişilər + genitive
        ("qadınlardan", ("qadın", True, False, "ablative")),
        ("sakini", ("sakin", False, True, "nominative")),  # prefer: not saki + accusative
        ("şəxsdən", ("şəxs", False, False, "ablative")),
        # stems that keep or change their consonant, seen in real reports
        ("Dialoqu", ("dialoq", False, True, "nominative")),  # keeps_consonant
        ("iştirakını", ("iştirak", False, True, "accusative")),
        ("məbləğləri", ("məbləğ", True, True, "nominative")),  # a real ğ, no q to restore
        ("qurğularda", ("qurğu", True, False, "locative")),
        ("aşağıda", ("aşağı", False, False, "locative")),
    ],
)
def test_ambiguous_forms(word, expected):
    assert analyze(word) == expected


def test_known_lemmas_win():
    assert lemma("vəhdə") == "vəh"  # vəh + locative, without a dictionary
    assert lemma("vəhdə", known=frozenset({"vəhdə"})) == "vəhdə"
    assert lemma("vəhdə", known={"vəhdə"}) == "vəhdə"  # any container
    assert lemma("abidə") == "abidə"  # a ``prefer`` stem of stems.tsv, not abi + locative


@pytest.mark.parametrize(
    ("word", "name"),
    [
        ("agentlik", "lIQ"),
        ("prokurorluq", "lIQ"),
        ("istifadəçi", "çI"),
        ("göstərici", "IcI"),
        ("könüllü", "lI"),
        ("işsiz", "sIz"),
        ("mühasibçilik", "çIlIQ"),
        ("xidmət", ""),
        ("dili", ""),  # a vowel before -li: no derivative
    ],
)
def test_derivation_of_a_lemma(word, name):
    assert derivation(word) == name
    assert analyze_reading(word).derivation == name


@pytest.mark.parametrize(
    ("word", "reading"),
    [
        ("BMT-nin", ("bmt", False, False, "genitive", False, "")),
        ("DİN-in", ("din", False, False, "genitive", False, "")),
        ("QHT-lərin", ("qht", True, False, "genitive", False, "")),
        ("2022-ci", ("2022", False, False, "nominative", False, "ordinal")),
        ("3-cü", ("3", False, False, "nominative", False, "ordinal")),
        ("15-də", ("15", False, False, "locative", False, "")),
        ("30-dək", ("30", False, False, "nominative", False, "up_to")),
        ("Mərkəzi”ndən", ("mərkəzi", False, False, "ablative", False, "")),
        ("tarix-mədəniyyət", ("tarix-mədəniyyət", False, False, "nominative", False, "")),
        ("Qeyri-Hökumətin", ("qeyri-hökumət", False, False, "genitive", False, "")),
    ],
)
def test_endings_written_apart(word, reading):
    assert analyze_reading(word) == reading
    assert analyze_reading(word) in all_readings(word)


def test_a_partitive_ending_has_both_readings():
    options = {(r.possessive, r.case) for r in all_readings("29-u")}
    assert options == {(False, "accusative"), (True, "nominative")}
    assert ending_reading("29", "u").case == "accusative"


# --- the data files ----------------------------------------------------------------------------


def _reading_has(reading, suffix) -> bool:
    if suffix.slot == "plural":
        return reading.plural
    if suffix.slot == "possessive":
        return reading.possessive
    if suffix.slot == "case":
        return reading.case == suffix.name
    if suffix.slot == "copula":
        return reading.copula
    return reading.derivation == suffix.name


@pytest.mark.parametrize("suffix", SUFFIXES, ids=[f"{s.slot}-{s.name}" for s in SUFFIXES])
def test_every_example_of_suffixes_tsv_is_read_with_its_suffix(suffix):
    assert suffix.examples
    for example in suffix.examples:
        assert any(_reading_has(r, suffix) for r in all_readings(example)), example


def test_inflection_is_a_view_of_morphology():
    assert CASES == inflection.CASES == tuple(case_forms("şura", after_possessive=False))
    for lemma_ in LEMMAS:
        for form, analysis in noun_forms(lemma_).items():
            assert generate(lemma_, plural=analysis.plural, possessive=analysis.possessive, case=analysis.case) == form
    assert case_forms("şurası", after_possessive=True)["locative"] == "şurasında"


def test_bad_tables_are_refused():
    with pytest.raises(ValueError, match="header"):
        parse_rows("x.tsv", "a\tb\n1\t2\n", ("a", "c"))
    with pytest.raises(ValueError, match="row 3"):
        parse_rows("x.tsv", "# comment\na\tb\n1\t2\n1\n", ("a", "b"))
    assert parse_rows("x.tsv", "a\tb\n\n1\t 2 \n", ("a", "b")) == [{"a": "1", "b": "2"}]
    with pytest.raises(ValueError, match="unknown case"):
        generate("şura", case="vocative")


def test_the_morphology_data_ships_in_the_wheel():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    root = Path(__file__).resolve().parents[2]
    patterns = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"
    ]["reportparse"]
    package = root / "src" / "reportparse"
    data = sorted((package / "lang" / "az" / "data" / "morphology").glob("*.tsv"))
    assert {path.name for path in data} >= {"suffixes.tsv", "harmony.tsv", "stems.tsv"}
    for path in data:
        relative = path.relative_to(package).as_posix()
        assert any(fnmatch.fnmatch(relative, pattern) for pattern in patterns), relative


def test_case_endings_come_from_the_suffix_grammar():
    assert set(morphology.case_endings("genitive")) == {"nin", "nın", "nun", "nün", "in", "ın", "un", "ün"}
    assert set(morphology.case_endings("locative", "ablative")) >= {"da", "də", "dan", "dən", "nda", "ndən"}
    assert morphology.case_endings("ablative")[0] in ("ndan", "ndən")  # longest first
    with pytest.raises(ValueError, match="unknown case"):
        morphology.case_endings("vocative")
