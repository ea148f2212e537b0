"""Tests for reportparse.lang.az.gazetteer: the data files of bodies and legal forms."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib import resources

import pytest

from reportparse.evaluation.gold import org_key_for
from reportparse.lang.az import gazetteer
from reportparse.lang.az.casing import casefold
from reportparse.lang.az.gazetteer import (
    BODY_COLUMNS,
    Body,
    GazetteerError,
    LegalForm,
    abbreviation_keys,
    ambiguous_abbreviations,
    bodies,
    by_abbreviation,
    by_key,
    by_name,
    fold,
    legal_forms,
    parse_ambiguous,
    parse_bodies,
    read_table,
    validate,
)

from ..corpus_paths import PROJECT_ROOT

HEADER = "\t".join(BODY_COLUMNS)


def _body(key: str, name: str, **changes) -> Body:
    base = Body(key=key, name=name, type="state_body", abbreviations=(), aliases=(), parent="", scope="national")
    return replace(base, **changes)


# --- the shipped data ---------------------------------------------------------------------------


def test_the_gazetteer_loads_hundreds_of_valid_bodies():
    loaded = bodies()
    assert len(loaded) >= 450
    assert {body.type for body in loaded} <= gazetteer.TYPES
    assert {body.scope for body in loaded} == gazetteer.SCOPES
    validate(loaded, ambiguous=parse_ambiguous(_data("ambiguous_abbreviations.tsv")))  # raises on a problem


def _gold_keys() -> dict[str, str]:
    """Canonical name → org_key of the development gold files (where a key is not the slug of its name)."""
    keys = {}
    for name in ("gold.jsonl",):
        for line in (PROJECT_ROOT / "corpus" / name).read_text(encoding="utf-8").splitlines():
            keys.update({row["name"]: row["org_key"] for row in json.loads(line).get("organizations", [])})
    return keys


def test_every_key_is_the_gold_org_key_of_its_name():
    """The slug of the name, or the key a development gold file gives that name (``azertac``)."""
    gold = _gold_keys()
    mismatched = [
        (body.key, org_key_for(body.name))
        for body in bodies()
        if body.key not in (org_key_for(body.name), gold.get(body.name))
    ]
    assert mismatched == []
    assert by_abbreviation()[fold("AZƏRTAC")].key == gold["Azərbaycan Dövlət İnformasiya Agentliyi"] == "azertac"


def test_known_national_bodies_have_their_values():
    assert by_key()["daxili-isler-nazirliyi"] == Body(
        key="daxili-isler-nazirliyi",
        name="Azərbaycan Respublikasının Daxili İşlər Nazirliyi",
        type="state_body",
        abbreviations=("DİN",),
        aliases=("Daxili İşlər Nazirliyi",),
        parent="",
        scope="national",
    )
    tax = by_key()["iqtisadiyyat-nazirliyi-yaninda-dovlet-vergi-xidmeti"]
    assert tax.name == "Azərbaycan Respublikasının İqtisadiyyat Nazirliyi yanında Dövlət Vergi Xidməti"
    assert tax.parent == "iqtisadiyyat-nazirliyi"
    assert "Vergilər Nazirliyi" not in tax.aliases  # the former ministry is a row of its own
    assert by_name()[fold("Vergilər Nazirliyi")].name == "Azərbaycan Respublikasının Vergilər Nazirliyi"
    ombudsman = by_key()["insan-huquqlari-uzre-muvekkili"]
    assert ombudsman.name == "Azərbaycan Respublikasının İnsan Hüquqları üzrə Müvəkkili"
    assert ombudsman.type == "state_body"
    office = by_name()[fold("Müvəkkil Aparatı")]
    assert (office.name, office.parent) == (
        "Azərbaycan Respublikası İnsan Hüquqları üzrə Müvəkkilinin (Ombudsmanın) Aparatı",
        "insan-huquqlari-uzre-muvekkili",
    )
    mec = by_key()["milli-meclisinin-medeniyyet-komitesi"]
    assert (mec.name, mec.parent) == (
        "Azərbaycan Respublikasının Milli Məclisinin Mədəniyyət komitəsi",
        "milli-meclisi",
    )
    assert by_name()[fold("Milli Məclisin Mədəniyyət komitəsi")] == mec


def test_national_ministries_carry_the_national_prefix():
    ministries = [body for body in bodies() if body.name.endswith("Nazirliyi") and body.scope == "national"]
    assert len(ministries) >= 20
    for body in ministries:
        assert body.name.startswith(("Azərbaycan Respublikasının ", "Naxçıvan Muxtar Respublikasının ")), body.name


def test_every_district_and_city_has_its_executive_authority():
    authorities = [body for body in bodies() if body.name.endswith("İcra Hakimiyyəti")]
    districts = [body for body in authorities if body.scope == "district"]
    cities = [body for body in authorities if body.scope == "city"]
    assert len(districts) >= 70 and len(cities) >= 10
    assert {body.type for body in authorities} == {"state_body"}
    susa = by_name()[fold("Şuşa Rayon İcra Hakimiyyəti")]
    assert (susa.key, susa.scope) == ("susa-rayon-icra-hakimiyyeti", "district")
    assert by_name()[fold("Gəncə Şəhər İcra Hakimiyyəti")].scope == "city"
    assert by_name()[fold("Siyəzən rayon icra hakimiyyəti")].key == "siyezen-rayon-icra-hakimiyyeti"


def test_companies_carry_their_legal_form():
    azersu = by_name()[fold("Azərsu ASC")]
    assert (azersu.key, azersu.name, azersu.type) == ("azersu-asc", "“Azərsu” ASC", "business")
    assert by_name()[fold("“Bakı Metropoliteni” QSC")].key == "baki-metropoliteni-qsc"
    assert by_abbreviation()[fold("SOCAR")].name == "Azərbaycan Respublikasının Dövlət Neft Şirkəti"


# --- lookups --------------------------------------------------------------------------------------


@pytest.mark.parametrize("written", ["İSESCO", "isesco", "ISESCO", "İsesco", "ICESCO"])
def test_isesco_is_found_in_every_casing(written):
    assert by_abbreviation()[casefold(written)].key == "islam-dunyasi-tehsil-elm-ve-medeniyyet-teskilati"


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("BMT", "birlesmis-milletler-teskilati"),
        ("bmt", "birlesmis-milletler-teskilati"),
        ("UN", "birlesmis-milletler-teskilati"),
        ("NATO", "simali-atlantika-muqavilesi-teskilati"),
        ("YAP", "yeni-azerbaycan-partiyasi"),
        ("UEFA", "avropa-futbol-assosiasiyalari-ittifaqi"),
        ("FİFA", "beynelxalq-futbol-assosiasiyalari-federasiyasi"),
        ("FIFA", "beynelxalq-futbol-assosiasiyalari-federasiyasi"),
        ("YUNESKO", "birlesmis-milletler-teskilatinin-tehsil-elm-ve-medeniyyet-teskilati"),
        ("ATƏT", "avropada-tehlukesizlik-ve-emekdasliq-teskilati"),
        ("atət", "avropada-tehlukesizlik-ve-emekdasliq-teskilati"),
        ("AŞPA", "avropa-surasi-parlament-assambleyasi"),
        ("MDB", "musteqil-dovletler-birliyi"),
        ("İƏT", "islam-emekdasliq-teskilati"),
        ("BVF", "beynelxalq-valyuta-fondu"),
        ("AMEA", "azerbaycan-milli-elmler-akademiyasi"),
        ("DİN", "daxili-isler-nazirliyi"),
        ("din", "daxili-isler-nazirliyi"),
    ],
)
def test_abbreviations_are_found_whatever_their_case(written, key):
    assert by_abbreviation()[casefold(written)].key == key


def test_an_ambiguous_abbreviation_is_not_resolved_but_lists_its_bodies():
    assert fold("AİB") not in by_abbreviation()
    assert {body.key for body in ambiguous_abbreviations()[fold("AİB")]} == {
        "asiya-inkisaf-banki",
        "avropa-investisiya-banki",
    }
    assert by_abbreviation()[fold("ADB")].key == "asiya-inkisaf-banki"


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Milli Məclis", "milli-meclisi"),
        ("Azərbaycan Respublikası Milli Məclisi", "milli-meclisi"),
        ("AZƏRBAYCAN RESPUBLİKASININ MİLLİ MƏCLİSİ", "milli-meclisi"),
        ("Nazirlər Kabineti", "nazirler-kabineti"),
        ("Azərbaycan Respublikasının Təhsil Nazirliyi", "tehsil-nazirliyi"),  # a former name: a row of its own
        ("Təhsil Nazirliyi", "tehsil-nazirliyi"),
        ("Elm və Təhsil Nazirliyi", "elm-ve-tehsil-nazirliyi"),
        ("Bakı Nəqliyyat Agentliyi", "baki-neqliyyat-agentliyi"),  # an older body, not AYNA
        ("Milli Bank", "milli-banki"),
        ("BMT Baş Assambleyası", "birlesmis-milletler-teskilatinin-bas-assambleyasi"),
        ("Council of Europe", "avropa-surasi"),
        ("Avropa Birliyi", "avropa-ittifaqi"),
        ("Yeni Azərbaycan Partiyası", "yeni-azerbaycan-partiyasi"),
        ("Azərbaycan Silahlı Qüvvələri", "silahli-quvveleri"),
        ("“ASAN xidmət” mərkəzləri", "asan-xidmet-merkezleri"),
        ('"ASAN xidmət" mərkəzləri', "asan-xidmet-merkezleri"),
        ("Ombudsman Aparatı", "insan-huquqlari-uzre-muvekkilinin-ombudsmanin-aparati"),
        ("İnsan Hüquqları üzrə Müvəkkil (Ombudsman)", "insan-huquqlari-uzre-muvekkili"),
    ],
)
def test_names_and_aliases_are_found_whatever_their_case_and_quotes(written, key):
    assert by_name()[fold(written)].key == key


def test_the_gazetteer_agrees_with_the_development_gold():
    """Every gold organization the gazetteer knows by name has the gold's key and type."""
    disagreements = []
    for line in (PROJECT_ROOT / "corpus" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        for row in json.loads(line).get("organizations", []):
            body = by_name().get(fold(row["name"]))
            if body and (body.key, body.type) != (row["org_key"], row["type"]):
                disagreements.append((row["name"], row["org_key"], row["type"], body.key, body.type))
    assert disagreements == []


def test_legal_forms_have_their_values():
    forms = legal_forms()
    assert LegalForm("ASC", "Açıq Səhmdar Cəmiyyəti", "business") in forms
    assert LegalForm("QSC", "Qapalı Səhmdar Cəmiyyəti", "business") in forms
    assert LegalForm("MMC", "Məhdud Məsuliyyətli Cəmiyyət", "business") in forms
    assert {form.name for form in forms if form.form == "İB"} == {"İctimai Birlik", "İstehsalat Birliyi"}


def test_fold_and_abbreviation_keys():
    assert fold("  “Azərsu”\u00a0 ASC ") == '"azərsu" asc'
    assert fold("Məhkəmə–Hüquq Şurası") == "məhkəmə-hüquq şurası"
    assert abbreviation_keys("İSESCO") == ("isesco", "ısesco")
    assert abbreviation_keys("BMT") == ("bmt",)


# --- validation -----------------------------------------------------------------------------------


def test_a_row_with_an_unknown_type_or_scope_is_rejected_with_its_line():
    text = f"# comment\n{HEADER}\nx\tX\tministry\t\t\t\tnational\ny\tY\tother\t\t\t\tregional\n"
    with pytest.raises(GazetteerError, match=r"bodies.tsv:3: type 'ministry'(?s:.*)bodies.tsv:4: scope 'regional'"):
        parse_bodies(text)


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("X\tX\tother\t\t\t\tnational", "not a lowercase ASCII slug"),
        ("x\t X\tother\t\t\t\tnational", "name ' X' is not trimmed"),
        ("x\tX\tother\tA||B\t\t\tnational", "empty abbreviation"),
        ("x\tX\tother\t\tY  Z\t\tnational", "alias 'Y  Z' is not trimmed"),
    ],
)
def test_bad_cells_are_rejected(row, problem):
    with pytest.raises(GazetteerError, match=problem):
        parse_bodies(f"{HEADER}\n{row}\n")


def test_a_wrong_header_or_cell_count_is_rejected():
    with pytest.raises(GazetteerError, match="header"):
        read_table("key\tname\n", columns=BODY_COLUMNS, source="bodies.tsv")
    with pytest.raises(GazetteerError, match="bodies.tsv:2: 3 cells, expected 7"):
        parse_bodies(f"{HEADER}\na\tb\tc\n")


def test_lists_are_split_at_the_bar():
    row = "bmt\tBirləşmiş Millətlər Təşkilatı\tinternational\tBMT|UN\tUnited Nations\t\tinternational"
    (body,) = parse_bodies(f"{HEADER}\n{row}\n")
    assert (body.abbreviations, body.aliases) == (("BMT", "UN"), ("United Nations",))


def test_duplicate_keys_missing_parents_and_cycles_are_rejected():
    with pytest.raises(GazetteerError, match="duplicate key 'a'"):
        validate((_body("a", "A"), _body("a", "B")), ambiguous={})
    with pytest.raises(GazetteerError, match="parent 'nowhere' is not a key"):
        validate((_body("a", "A", parent="nowhere"),), ambiguous={})
    with pytest.raises(GazetteerError, match="cycle"):
        validate((_body("a", "A", parent="b"), _body("b", "B", parent="a")), ambiguous={})


def test_a_name_of_two_bodies_is_rejected_even_across_the_national_prefix():
    with pytest.raises(GazetteerError, match="name 'maliyyə nazirliyi' of several bodies"):
        validate(
            (
                _body("a", "Azərbaycan Respublikasının Maliyyə Nazirliyi"),
                _body("b", "B", aliases=("Maliyyə Nazirliyi",)),
            ),
            ambiguous={},
        )


def test_a_shared_abbreviation_must_be_declared_ambiguous_with_its_bodies():
    shared = (_body("a", "A", abbreviations=("AİB",)), _body("b", "B", abbreviations=("AIB",)))
    with pytest.raises(GazetteerError, match="abbreviation 'aib' of several bodies"):
        validate(shared, ambiguous={})
    with pytest.raises(GazetteerError, match="not declared ambiguous"):
        validate(shared, ambiguous={"AİB": ("a", "c")})
    validate(shared, ambiguous={"AİB": ("a", "b")})  # declared: accepted


def _data(name: str) -> str:
    return (resources.files("reportparse.lang.az") / "data" / name).read_text(encoding="utf-8")


def test_every_former_row_names_an_existing_successor():
    """``# former: … (successor: key)`` comments of bodies.tsv point at a row; the former row follows them."""
    lines = _data("bodies.tsv").splitlines()
    formers = [(number, line) for number, line in enumerate(lines) if line.startswith("# former:")]
    assert len(formers) >= 30
    for number, line in formers:
        successor = line.split("(successor: ", 1)[1].split(")", 1)[0]
        assert successor in by_key(), line
        following = lines[number + 1].split("\t")
        assert following[0] in by_key() and following[0] != successor, line
    assert by_name()[fold("Bakı Nəqliyyat Agentliyi")].key == "baki-neqliyyat-agentliyi"
    assert by_name()[fold("Azərbaycan Dövlət Teleqraf Agentliyi")].key == "azerbaycan-dovlet-teleqraf-agentliyi"
