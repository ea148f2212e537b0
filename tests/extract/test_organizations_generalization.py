"""Organizations on text nobody tuned to (issue 16): heads as data, the error classes, coreference, the gazetteer."""

from __future__ import annotations

import re
from fnmatch import fnmatch
from types import SimpleNamespace

import pytest

from reportparse.extract import organizations as organizations_module
from reportparse.extract.metadata import reporting_body
from reportparse.extract.organizations import (
    KNOWN,
    find_organizations,
    gazetteer_legal_forms,
    index_gazetteer,
    org_key,
)
from reportparse.lang.az import gazetteer, plan_labels
from reportparse.lang.az import organizations as lang_organizations
from reportparse.lang.az.organizations import GAZETTEER, HEADS, Body, _parse_heads, gazetteer_bodies
from tests.corpus_paths import PROJECT_ROOT

OMBUDSMAN = "Azərbaycan Respublikasının İnsan Hüquqları üzrə Müvəkkili"
OMBUDSMAN_OFFICE = "Azərbaycan Respublikası İnsan Hüquqları üzrə Müvəkkilinin (Ombudsmanın) Aparatı"
DMX = "Azərbaycan Respublikasının Dövlət Miqrasiya Xidməti"
KQMBI = "Azərbaycan Respublikasının Baş Prokurorluğu yanında Korrupsiyaya qarşı Mübarizə Baş İdarəsi"


@pytest.fixture(autouse=True)
def grammar_only(monkeypatch):
    """The grammar with the one list of bodies (data/bodies.tsv), indexed afresh: tests below that
    stand in a fake gazetteer must not leak it into other tests."""
    monkeypatch.setattr(organizations_module, "KNOWN", index_gazetteer(GAZETTEER))


def rows(text: str) -> list[tuple[str, str, str]]:
    """(surface, canonical name, type) of every non-anaphoric mention; offsets checked on the way."""
    mentions = [m for m in find_organizations(text) if not m.anaphoric]
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        assert mention.key == org_key(mention.name)
    return [(m.text, m.name, m.type) for m in mentions]


# --- the heads table ---------------------------------------------------------------------------


def test_one_heads_table_feeds_every_head_list():
    assert HEADS["müvəkkil"].title and HEADS["müvəkkil"].executor
    assert "Müvəkkili" in lang_organizations.HEAD_NOUNS and "Nazirliyi" in lang_organizations.HEAD_NOUNS
    assert plan_labels.EXECUTOR_HEAD_STEMS == lang_organizations.EXECUTOR_HEAD_STEMS
    assert {"agentlik", "agentliy", "müvəkkil", "prokurorluğ"} <= set(plan_labels.EXECUTOR_HEAD_STEMS)
    assert lang_organizations.ANAPHORIC_HEADS >= {"xidmət", "agentlik", "şura"}
    assert "müvəkkil" not in lang_organizations.ANAPHORIC_HEADS  # a bare ``Müvəkkil`` is no body
    assert lang_organizations.QUOTED_SYSTEM_HEADS == frozenset({"platforma"})


@pytest.mark.parametrize(
    ("lemma", "kind"),
    [
        ("partiya", "other"),
        ("qüvvə", "state_body"),
        ("konservatoriya", "education"),
        ("qalereya", "other"),
        ("muzey", "other"),
        ("teatr", "other"),
        ("bank", "business"),
        ("assambleya", "council"),
        ("müvəkkil", "state_body"),
        ("zavod", "business"),
        ("klub", "other"),
        ("məhkəmə", "state_body"),
    ],
)
def test_the_missing_heads_are_in_the_table(lemma, kind):
    assert HEADS[lemma].type == kind


def test_the_heads_table_ships_in_the_wheel():
    pyproject = (PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    section = pyproject.split("[tool.setuptools.package-data]", 1)[1]
    patterns = re.findall(r'"([^"]+)"', re.search(r"^reportparse = \[(.*)\]$", section, re.M).group(1))
    assert any(fnmatch("lang/az/data/heads.tsv", pattern) for pattern in patterns)


def test_the_heads_table_is_checked_when_read():
    header = "# a comment\nlemma\ttype\tflags\n"
    assert _parse_heads(header + "muzey\tother\t-\nqrup\tworking_group\tunit,lowercase\n") == {
        "muzey": lang_organizations.Head("other"),
        "qrup": lang_organizations.Head("working_group", unit=True, lowercase=True),
    }
    with pytest.raises(ValueError, match="unknown flags"):
        _parse_heads(header + "muzey\tother\tcapitalised\n")
    with pytest.raises(ValueError, match="three"):
        _parse_heads(header + "muzey other -\n")
    with pytest.raises(ValueError, match="header"):
        _parse_heads("muzey\tother\t-\n")
    with pytest.raises(ValueError, match="bad lemma"):
        _parse_heads(header + "Muzey\tother\t-\n")


# --- heads that were missing, found in running sentences ---------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "O, Yeni Azərbaycan Partiyasının qurultayında çıxış etdi.",
            ("Yeni Azərbaycan Partiyasının", "Yeni Azərbaycan Partiyası", "other"),
        ),
        (
            "O, Azərbaycan Silahlı Qüvvələri sıralarında xidmət edib.",
            ("Azərbaycan Silahlı Qüvvələri", "Azərbaycan Respublikasının Silahlı Qüvvələri", "state_body"),
        ),
        (
            "O, Azərbaycan Silahlı Qüvvələrinin generalıdır.",
            ("Azərbaycan Silahlı Qüvvələrinin", "Azərbaycan Respublikasının Silahlı Qüvvələri", "state_body"),
        ),
        (
            "O, Dövlət Konservatoriyasını bitirib.",
            ("Dövlət Konservatoriyasını", "Dövlət Konservatoriyası", "education"),
        ),
        (
            "Əsərləri Dövlət Rəsm Qalereyasında saxlanılır.",
            ("Dövlət Rəsm Qalereyasında", "Dövlət Rəsm Qalereyası", "other"),
        ),
        ("Tarix-Diyarşünaslıq Muzeyi açıldı.", ("Tarix-Diyarşünaslıq Muzeyi", "Tarix-Diyarşünaslıq Muzeyi", "other")),
        (
            "O, Azərbaycan Dövlət Akademik Opera və Balet Teatrında çıxış edib.",
            (
                "Azərbaycan Dövlət Akademik Opera və Balet Teatrında",
                "Azərbaycan Dövlət Akademik Opera və Balet Teatrı",
                "other",
            ),
        ),
        (
            "Şikayət Azərbaycan Respublikasının İnsan Hüquqları üzrə Müvəkkili tərəfindən araşdırıldı.",
            ("Azərbaycan Respublikasının İnsan Hüquqları üzrə Müvəkkili", OMBUDSMAN, "state_body"),
        ),
        (
            "O, İnsan Hüquqları üzrə Müvəkkilin (Ombudsmanın) Aparatına müraciət edib.",
            ("İnsan Hüquqları üzrə Müvəkkilin (Ombudsmanın) Aparatına", OMBUDSMAN_OFFICE, "state_body"),
        ),
        ("O, Müvəkkil Aparatının əməkdaşıdır.", ("Müvəkkil Aparatının", OMBUDSMAN_OFFICE, "state_body")),
        (
            "BMT Baş Assambleyasının qətnaməsi qəbul edildi.",
            ("BMT Baş Assambleyasının", "Birləşmiş Millətlər Təşkilatının Baş Assambleyası", "international"),
        ),
    ],
)
def test_heads_that_were_missing(text, expected):
    assert rows(text) == [expected]


def test_a_bare_muvekkil_is_no_organization():
    assert rows("Müvəkkil bəyanat verdi.") == []
    assert rows("O, Prezidentin xüsusi müvəkkili təyin edilib.") == []


# --- names without a head noun: companies and quoted names with their type word ---------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Azərsu ASC ilə müqavilə bağlandı.", ("Azərsu ASC", "“Azərsu” ASC", "business")),
        ("Tədbirdə Azərsu ASC-nin əməkdaşları iştirak etdi.", ("Azərsu ASC-nin", "“Azərsu” ASC", "business")),
        ("Naxçıvanneft ASC ilə müqavilə bağlandı.", ("Naxçıvanneft ASC", "Naxçıvanneft ASC", "business")),
        ("Layihəni Kapital Bank ASC maliyyələşdirdi.", ("Kapital Bank ASC", "Kapital Bank ASC", "business")),
        ("Bundan əlavə, AZAL QSC ilə razılaşma var.", ("AZAL QSC", "AZAL QSC", "business")),
        ("“Azərenerji” ASC-nin mütəxəssisləri gəldi.", ("“Azərenerji” ASC-nin", "“Azərenerji” ASC", "business")),
        ("“Azon” zavodu fəaliyyətə başladı.", ("“Azon” zavodu", "“Azon” zavodu", "business")),
        ("“Neftçi” klubu qalib gəldi.", ("“Neftçi” klubu", "“Neftçi” klubu", "ngo")),
    ],
)
def test_companies_and_quoted_names_with_a_type_word(text, expected):
    assert rows(text) == [expected]


# --- lowercase heads, place words, boundaries --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Siyəzən rayon komissiyasının iclası keçirildi.",
            ("Siyəzən rayon komissiyasının", "Siyəzən rayon komissiyası", "council"),
        ),
        (
            "O, Kanada Federal məhkəməsinə müraciət etdi.",
            ("Kanada Federal məhkəməsinə", "Kanada Federal məhkəməsi", "state_body"),
        ),
        ("Bakı şəhər məhkəməsi qərar verdi.", ("Bakı şəhər məhkəməsi", "Bakı şəhər məhkəməsi", "state_body")),
        (
            "Tədbir Gəncə şəhər Heydər Əliyev Mərkəzində keçirildi.",
            ("Gəncə şəhər Heydər Əliyev Mərkəzində", "Gəncə şəhər Heydər Əliyev Mərkəzi", "state_body"),
        ),
        (
            "Prezident Əliyev Azərbaycan Milli Elmlər Akademiyası ilə görüşdü.",
            ("Azərbaycan Milli Elmlər Akademiyası", "Azərbaycan Milli Elmlər Akademiyası", "education"),
        ),
        (
            "Prezident İlham Əliyev Bakı Dövlət Universitetində oldu.",
            ("Bakı Dövlət Universitetində", "Bakı Dövlət Universiteti", "education"),
        ),
        (
            "Saytda informasiya yerləşdirilib. İnformasiya Texnologiyaları Universiteti ilə müqavilə bağlanıb.",
            ("İnformasiya Texnologiyaları Universiteti", "İnformasiya Texnologiyaları Universiteti", "education"),
        ),
        (
            "Açıq Hökumətin Təşviqinə dair Milli Fəaliyyət Planının icrası üzrə İşçi Qrupunun iclası keçirildi.",
            (
                "Açıq Hökumətin Təşviqinə dair Milli Fəaliyyət Planının icrası üzrə İşçi Qrupunun",
                "Açıq Hökumətin Təşviqinə dair Milli Fəaliyyət Planının icrası üzrə İşçi Qrupu",
                "working_group",
            ),
        ),
    ],
)
def test_lowercase_heads_places_and_boundaries(text, expected):
    assert rows(text) == [expected]


def test_lowercase_heads_need_a_place_or_a_name_right_before():
    assert rows("Bu məsələ ilə bağlı komissiyası yaradılıb.") == []
    assert rows("Bakının komissiyası toplandı.") == []


def test_a_plan_still_ends_names_of_other_bodies():
    text = "Tədbirlər Planında Azərbaycan Respublikasının Dövlət Miqrasiya Xidmətinə tapşırılıb."
    assert [surface for surface, _, _ in rows(text)] == ["Azərbaycan Respublikasının Dövlət Miqrasiya Xidmətinə"]


def test_an_abbreviation_and_a_name_are_two_conjuncts():
    assert rows("Sənəd İSESCO və Avropa Şurası tərəfindən hazırlanıb.")[-1] == (
        "Avropa Şurası",
        "Avropa Şurası",
        "international",
    )


# --- coreference -----------------------------------------------------------------------------


def keys(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.name) for m in find_organizations(text) if not m.anaphoric]


def test_a_short_form_is_the_entity_named_in_full():
    text = "Şuşa Rayon İcra Hakimiyyəti tədbir keçirdi. Görüş Rayon İcra Hakimiyyəti tərəfindən təşkil olundu."
    assert keys(text) == [
        ("Şuşa Rayon İcra Hakimiyyəti", "Şuşa Rayon İcra Hakimiyyəti"),
        ("Rayon İcra Hakimiyyəti", "Şuşa Rayon İcra Hakimiyyəti"),
    ]


def test_a_short_form_of_two_entities_is_left_alone():
    text = "Şuşa Rayon İcra Hakimiyyəti və Ağdam Rayon İcra Hakimiyyəti. Görüş Rayon İcra Hakimiyyəti tərəfindən."
    assert keys(text)[-1] == ("Rayon İcra Hakimiyyəti", "Rayon İcra Hakimiyyəti")


def test_one_working_group_under_three_names():
    full = "Açıq Hökumətin Təşviqinə dair Milli Fəaliyyət Planının icrası üzrə İşçi Qrupu"
    text = (
        "Açıq Hökumətin Təşviqinə dair Milli Fəaliyyət Planının icrası üzrə İşçi Qrupunun iclası keçirildi. "
        "Milli Fəaliyyət Planının icrası üzrə İşçi Qrupu hesabat hazırladı. "
        "Açıq Hökumət üzrə İşçi Qrupunun üzvləri dinlənildi. İşçi Qrupunun katibi çıxış etdi."
    )
    mentions = [m for m in find_organizations(text) if not m.anaphoric]
    assert [m.text for m in mentions] == [
        "Açıq Hökumətin Təşviqinə dair Milli Fəaliyyət Planının icrası üzrə İşçi Qrupunun",
        "Milli Fəaliyyət Planının icrası üzrə İşçi Qrupu",
        "Açıq Hökumət üzrə İşçi Qrupunun",
        "İşçi Qrupunun",
    ]
    assert {m.name for m in mentions} == {full} and {m.key for m in mentions} == {org_key(full)}


def test_a_unit_keeps_the_parent_the_document_named():
    text = (
        "Baş prokuror yanında Korrupsiyaya qarşı Mübarizə Baş İdarəsi ilə görüş keçirildi. "
        "Korrupsiyaya qarşı Mübarizə Baş İdarəsi məlumat verdi."
    )
    mentions = [m for m in find_organizations(text) if not m.anaphoric]
    assert [(m.text, m.name, m.parent) for m in mentions] == [
        (
            "Baş prokuror yanında Korrupsiyaya qarşı Mübarizə Baş İdarəsi",
            KQMBI,
            "Azərbaycan Respublikasının Baş Prokurorluğu",
        ),
        ("Korrupsiyaya qarşı Mübarizə Baş İdarəsi", KQMBI, "Azərbaycan Respublikasının Baş Prokurorluğu"),
    ]


def test_without_the_parent_in_the_document_the_unit_stays_as_written():
    assert keys("Daxili Təhlükəsizlik Baş İdarəsi məlumat verdi.") == [
        ("Daxili Təhlükəsizlik Baş İdarəsi", "Daxili Təhlükəsizlik Baş İdarəsi")
    ]
    # a unit the gazetteer knows is its entity even when the parent is not written
    assert keys("Korrupsiyaya qarşı Mübarizə Baş İdarəsi məlumat verdi.") == [
        ("Korrupsiyaya qarşı Mübarizə Baş İdarəsi", KQMBI)
    ]


def test_renamed_known_bodies_are_not_merged():
    text = "Təhsil Nazirliyi və Elm və Təhsil Nazirliyi birgə çıxış etdi. Təhsil Nazirliyinin əmri."
    assert keys(text)[-1] == ("Təhsil Nazirliyinin", "Azərbaycan Respublikasının Təhsil Nazirliyi")


# --- the reporting body ------------------------------------------------------------------------


def test_the_reporting_body_keeps_its_place_words():
    title = "Gəncə şəhər Heydər Əliyev Mərkəzinin 2023-cü il üzrə fəaliyyəti haqqında HESABAT"
    assert reporting_body(title) == "Gəncə şəhər Heydər Əliyev Mərkəzi"


# --- the gazetteer: abbreviations with endings, legal forms, an empty gazetteer ----------------


def _fake_gazetteer(*bodies: SimpleNamespace, forms: tuple[str, ...] = ()) -> SimpleNamespace:
    def fold(text: str) -> str:
        return text.casefold()

    unambiguous = {fold(a): body for body in bodies for a in body.abbreviations}
    return SimpleNamespace(
        bodies=lambda: bodies,
        by_abbreviation=lambda: unambiguous,
        fold=fold,
        legal_forms=lambda: tuple(
            SimpleNamespace(form=form, name="", type="ngo" if form == "İB" else "business") for form in forms
        ),
    )


def _body(key: str, name: str, kind: str, *abbreviations: str, scope: str = "international") -> SimpleNamespace:
    return SimpleNamespace(
        key=key, name=name, type=kind, abbreviations=abbreviations, aliases=(), parent="", scope=scope
    )


NATO = _body("nato", "Şimali Atlantika Müqaviləsi Təşkilatı", "international", "NATO")
YAP = _body("yeni-azerbaycan-partiyasi", "Yeni Azərbaycan Partiyası", "other", "YAP", scope="national")
UEFA = _body("uefa", "Avropa Futbol Assosiasiyaları İttifaqı", "international", "UEFA")
FIFA = _body("fifa", "Beynəlxalq Futbol Assosiasiyaları Federasiyası", "international", "FİFA")
UNESCO = _body(
    "yunesko", "Birləşmiş Millətlər Təşkilatının Təhsil, Elm və Mədəniyyət Təşkilatı", "international", "YUNESKO"
)
ISESCO = _body("isesco", "İslam Dünyası Təhsil, Elm və Mədəniyyət Təşkilatı", "international", "İSESCO")


@pytest.fixture
def shared(monkeypatch):
    fake = _fake_gazetteer(NATO, YAP, UEFA, FIFA, UNESCO, ISESCO, forms=("ASC", "MMC", "İB"))
    known = index_gazetteer(GAZETTEER + gazetteer_bodies(fake), legal_forms=gazetteer_legal_forms(fake))
    monkeypatch.setattr(organizations_module, "KNOWN", known)
    return known


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Azərbaycan NATO-nun sammitində iştirak etdi.",
            [("NATO-nun", "Şimali Atlantika Müqaviləsi Təşkilatı", "international")],
        ),
        ("YAP-ın qurultayı keçirildi.", [("YAP-ın", "Yeni Azərbaycan Partiyası", "other")]),
        (
            "UEFA və FİFA nümayəndələri gəldi.",
            [
                ("UEFA", "Avropa Futbol Assosiasiyaları İttifaqı", "international"),
                ("FİFA", "Beynəlxalq Futbol Assosiasiyaları Federasiyası", "international"),
            ],
        ),
        ("Abidə YUNESKO-nun siyahısına daxil edildi.", [("YUNESKO-nun", UNESCO.name, "international")]),
        (
            "Sənəd İSESCO və Avropa Şurası tərəfindən hazırlanıb.",
            [("İSESCO", ISESCO.name, "international"), ("Avropa Şurası", "Avropa Şurası", "international")],
        ),
        ("Sənəd ISESCO-ya göndərildi.", [("ISESCO-ya", ISESCO.name, "international")]),  # both spellings of I
        ("“Bakı Çörək” İB ilə", [("“Bakı Çörək” İB", "“Bakı Çörək” İB", "ngo")]),  # a legal form and its type
    ],
)
def test_abbreviations_and_legal_forms_of_the_shared_gazetteer(shared, text, expected):
    assert rows(text) == expected


def test_known_names_of_the_shared_gazetteer_without_the_national_prefix(monkeypatch):
    body = _body("dgk", "Azərbaycan Respublikasının Dövlət Gəmiçilik Komitəsi", "state_body", "DGK", scope="national")
    fake = _fake_gazetteer(body)
    [entry] = gazetteer_bodies(fake)
    assert (entry.name, entry.key) == (body.name, "dgk")
    assert {"Dövlət Gəmiçilik Komitəsi", "DGK"} <= set(entry.aliases)
    monkeypatch.setattr(organizations_module, "KNOWN", index_gazetteer(GAZETTEER + (entry,)))
    assert rows("Dövlət Gəmiçilik Komitəsinin əməkdaşları") == [
        ("Dövlət Gəmiçilik Komitəsinin", body.name, "state_body")
    ]


def test_a_unit_of_the_shared_gazetteer_knows_its_parent(monkeypatch):
    service = _body("dmx", "Azərbaycan Respublikasının Dövlət Miqrasiya Xidməti", "state_body", "DMX", scope="national")
    council = _body("dmx-ms", "Dövlət Miqrasiya Xidməti yanında Miqrant Şurası", "council", scope="national")
    council.parent = "dmx"
    entries = gazetteer_bodies(_fake_gazetteer(service, council))
    assert [entry.parent for entry in entries] == ["", service.name]
    monkeypatch.setattr(organizations_module, "KNOWN", index_gazetteer(entries))
    [mention] = find_organizations("Dövlət Miqrasiya Xidməti yanında Miqrant Şurasının iclası keçirildi.")
    assert (mention.name, mention.type, mention.parent) == (council.name, "council", service.name)


def test_the_first_entry_of_a_name_wins():
    rival = Body("Birləşmiş Millətlər", "other", aliases=("BMT",))
    assert index_gazetteer(GAZETTEER + (rival,)).abbreviations["BMT"].name == "Birləşmiş Millətlər Təşkilatı"
    assert index_gazetteer((rival, *GAZETTEER)).abbreviations["BMT"].name == "Birləşmiş Millətlər"


def test_one_list_of_bodies_the_rows_of_bodies_tsv():
    """The grammar knows the bodies of data/bodies.tsv and nothing else, in file order."""
    assert [entry.key for entry in GAZETTEER] == [row.key for row in gazetteer.bodies()]
    assert KNOWN.names == index_gazetteer(GAZETTEER).names
    assert not hasattr(lang_organizations, "COMPANY_FORMS")  # the legal forms are data/legal_forms.tsv
    azertac = KNOWN.abbreviations["AZƏRTAC"]
    assert (azertac.name, azertac.type, azertac.key) == ("Azərbaycan Dövlət İnformasiya Agentliyi", "media", "azertac")
    committee = next(entry for entry in GAZETTEER if entry.key == "milli-meclisinin-sehiyye-komitesi")
    assert committee.parent == "Azərbaycan Respublikasının Milli Məclisi"
    assert "Milli Məclisinin Səhiyyə komitəsi" in committee.aliases  # the name without the national prefix


def test_legal_forms_come_from_legal_forms_tsv():
    forms = gazetteer_legal_forms()
    assert {
        "ASC": "business",
        "QSC": "business",
        "MMC": "business",
        "İB": "ngo",
        "PHŞ": "other",
    }.items() <= forms.items()
    assert "Fond" not in forms  # a word, not an abbreviation: the head noun ``fond`` does its work
    assert gazetteer_legal_forms(_fake_gazetteer(forms=("ASC", "İB"))) == {"ASC": "business", "İB": "ngo"}


def test_an_empty_gazetteer_gives_no_bodies_and_a_missing_one_fails_loudly():
    assert gazetteer_bodies(_fake_gazetteer()) == ()
    empty = index_gazetteer(())
    assert empty.abbreviations == {} and empty.longest_alias == 1

    def missing():
        raise FileNotFoundError("bodies.tsv")

    absent = SimpleNamespace(bodies=missing, legal_forms=missing, by_abbreviation=dict, fold=str.casefold)
    with pytest.raises(FileNotFoundError):  # the data ship with the package: a missing file is an error
        gazetteer_bodies(absent)


@pytest.mark.parametrize(
    ("text", "surface", "abbreviation"),
    [
        ("Azərbaycan NATO-nun sammitində iştirak etdi.", "NATO-nun", "NATO"),
        ("YAP-ın qurultayı keçirildi.", "YAP-ın", "YAP"),
        ("O, UEFA-nın prezidenti ilə görüşdü.", "UEFA-nın", "UEFA"),
        ("O, FİFA-nın iclasında çıxış etdi.", "FİFA-nın", "FIFA"),
        ("Abidə YUNESKO-nun siyahısına daxil edildi.", "YUNESKO-nun", "YUNESKO"),
        ("Sənəd İSESCO ilə razılaşdırıldı.", "İSESCO", "İSESCO"),
    ],
)
def test_abbreviations_of_the_gazetteer_with_their_endings(text, surface, abbreviation):
    body = gazetteer.by_abbreviation()[gazetteer.fold(abbreviation)]
    [mention] = find_organizations(text)
    assert (mention.text, mention.name, mention.type) == (surface, body.name, body.type)
    assert text[mention.start : mention.end] == surface


# --- one body list: data/bodies.tsv decides canonical names by the conventions ---------------------


def spans(text: str) -> list[tuple[int, int, str, str, str]]:
    """(start, end, surface, canonical name, type) of every non-anaphoric mention; offsets checked."""
    mentions = [m for m in find_organizations(text) if not m.anaphoric]
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
    return [(m.start, m.end, m.text, m.name, m.type) for m in mentions]


def at(text: str, surface: str, name: str, kind: str, *, after: int = 0) -> tuple[int, int, str, str, str]:
    start = text.index(surface, after)
    return (start, start + len(surface), surface, name, kind)


@pytest.mark.parametrize(
    ("text", "surface", "name", "kind"),
    [
        # a former body or a former name keeps its own name: it is not turned into its successor
        (
            "Bakı Nəqliyyat Agentliyi ilə görüş keçirildi.",
            "Bakı Nəqliyyat Agentliyi",
            "Bakı Nəqliyyat Agentliyi",
            "state_body",
        ),
        (
            "Sənəd Vergilər Nazirliyinin saytında yerləşdirilib.",
            "Vergilər Nazirliyinin",
            "Azərbaycan Respublikasının Vergilər Nazirliyi",
            "state_body",
        ),
        (
            "Sənəd Milli Bank tərəfindən təsdiq edilib.",
            "Milli Bank",
            "Azərbaycan Respublikasının Milli Bankı",
            "state_body",
        ),
        (
            "Azərbaycan Respublikasının Təhsil Nazirliyi ilə birgə",
            "Azərbaycan Respublikasının Təhsil Nazirliyi",
            "Azərbaycan Respublikasının Təhsil Nazirliyi",
            "state_body",
        ),
        # a company whose legal form is written out keeps it; the abbreviated form is the gazetteer's name
        (
            "Layihə “Azərsu” Açıq Səhmdar Cəmiyyətinə təqdim edilib.",
            "“Azərsu” Açıq Səhmdar Cəmiyyətinə",
            "“Azərsu” Açıq Səhmdar Cəmiyyəti",
            "business",
        ),
        ("Layihə “Azərişıq” ASC-yə təqdim edilib.", "“Azərişıq” ASC-yə", "“Azərişıq” ASC", "business"),
        # the official names of bodies whose gazetteer rows disagreed with the conventions
        (
            "Azərbaycan Respublikasının Gənclər Fondu layihəni dəstəkləyib.",
            "Azərbaycan Respublikasının Gənclər Fondu",
            "Azərbaycan Respublikasının Gənclər Fondu",
            "state_body",
        ),
        (
            "Məlumat İcbari Tibbi Sığorta üzrə Dövlət Agentliyinin saytındadır.",
            "İcbari Tibbi Sığorta üzrə Dövlət Agentliyinin",
            "İcbari Tibbi Sığorta üzrə Dövlət Agentliyi",
            "state_body",
        ),
        (
            "Hesabat ATƏT-in Demokratik Təsisatlar və İnsan Hüquqları Bürosunun ekspertlərinə göndərildi.",
            "ATƏT-in Demokratik Təsisatlar və İnsan Hüquqları Bürosunun",
            "Avropada Təhlükəsizlik və Əməkdaşlıq Təşkilatının Demokratik Təsisatlar və İnsan Hüquqları Bürosu",
            "international",
        ),
        (
            "Tədbir Bakı Musiqi Akademiyasında keçirildi.",
            "Bakı Musiqi Akademiyasında",
            "Üzeyir Hacıbəyli adına Bakı Musiqi Akademiyası",
            "education",
        ),
        (
            "Tədbir Milli Kitabxananın zalında keçirildi.",
            "Milli Kitabxananın",
            "M.F.Axundov adına Azərbaycan Milli Kitabxanası",
            "other",
        ),
        (
            "Layihə Milli Məclisin Səhiyyə komitəsinin iclasında müzakirə edildi.",
            "Milli Məclisin Səhiyyə komitəsinin",
            "Azərbaycan Respublikasının Milli Məclisinin Səhiyyə komitəsi",
            "state_body",
        ),
        (
            "İqtisadiyyat Nazirliyi yanında Kiçik və Orta Biznesin İnkişafı Agentliyinin nümayəndələri",
            "İqtisadiyyat Nazirliyi yanında Kiçik və Orta Biznesin İnkişafı Agentliyinin",
            "Azərbaycan Respublikasının İqtisadiyyat Nazirliyi yanında Kiçik və Orta Biznesin İnkişafı Agentliyi",
            "state_body",
        ),
        (
            "Dövlət Su Ehtiyatları Agentliyi məlumat yayıb.",
            "Dövlət Su Ehtiyatları Agentliyi",
            "Azərbaycan Respublikasının Dövlət Su Ehtiyatları Agentliyi",
            "state_body",
        ),
        # the usual Azerbaijani name of an international body, whatever name the text uses
        ("Avropa Birliyinin Kombinə Edilmiş Nomenklaturası", "Avropa Birliyinin", "Avropa İttifaqı", "international"),
    ],
)
def test_canonical_names_come_from_the_one_body_list(text, surface, name, kind):
    assert spans(text) == [at(text, surface, name, kind)]


def test_the_ombudsman_and_its_apparatus_are_two_entities():
    text = (
        "Azərbaycan Respublikasının İnsan Hüquqları üzrə Müvəkkili bəyanat verib. "
        "İnsan Hüquqları üzrə Müvəkkilin (Ombudsmanın) Aparatına məktub göndərilib."
    )
    assert spans(text) == [
        at(text, "Azərbaycan Respublikasının İnsan Hüquqları üzrə Müvəkkili", OMBUDSMAN, "state_body"),
        at(text, "İnsan Hüquqları üzrə Müvəkkilin (Ombudsmanın) Aparatına", OMBUDSMAN_OFFICE, "state_body"),
    ]


def test_an_abbreviation_defined_by_the_document_wins_over_the_gazetteer():
    informasiya, teleqraf = "Azərbaycan Dövlət İnformasiya Agentliyi", "Azərbaycan Dövlət Teleqraf Agentliyi"
    alone = "Materiallar AZƏRTAC-ın vasitəsilə yayılmışdır."
    assert spans(alone) == [at(alone, "AZƏRTAC-ın", informasiya, "media")]  # the gazetteer: today's name
    text = (
        "Məlumat Azərbaycan Dövlət Teleqraf Agentliyinin (AZƏRTAC) saytında dərc olunmuşdur. "
        "Sonra AZƏRTAC-ın müxbiri müsahibə alıb."
    )
    assert spans(text) == [
        at(text, "Azərbaycan Dövlət Teleqraf Agentliyinin", teleqraf, "media"),
        at(text, "AZƏRTAC", teleqraf, "media"),
        at(text, "AZƏRTAC-ın", teleqraf, "media", after=text.index("Sonra")),
    ]


def test_a_legal_form_written_out_gives_the_type_of_legal_forms_tsv():
    text = "Müqavilə “Bakı Çörək” Məhdud Məsuliyyətli Cəmiyyəti ilə bağlanıb."
    surface = "“Bakı Çörək” Məhdud Məsuliyyətli Cəmiyyəti"
    assert spans(text) == [at(text, surface, surface, "business")]
    fake = _fake_gazetteer(forms=("ASC",))
    fake.legal_forms = lambda: (SimpleNamespace(form="ASC", name="Açıq Səhmdar Cəmiyyəti", type="business"),)
    assert organizations_module.written_legal_forms(fake) == {"açıq səhmdar cəmiyyət": "business"}


def test_parents_that_keep_the_national_prefix_are_read_from_the_gazetteer():
    assert {
        "prezident",
        "nazirlər kabinet",
        "baş prokurorluq",
        "iqtisadiyyat nazirlik",
    } <= organizations_module.NATIONAL_PARENTS
    assert "əmək və əhalinin sosial müdafiəsi nazirlik" not in organizations_module.NATIONAL_PARENTS
    attached = Body(
        "Azərbaycan Respublikasının Gəmiçilik Nazirliyi yanında Liman Agentliyi",
        "state_body",
        parent="Azərbaycan Respublikasının Gəmiçilik Nazirliyi",
    )
    assert "gəmiçilik nazirlik" in organizations_module.national_parents((attached,))
    text = "Nazirlər Kabineti yanında Miqrasiya Komissiyasının iclası"
    surface = "Nazirlər Kabineti yanında Miqrasiya Komissiyasının"
    name = "Azərbaycan Respublikasının Nazirlər Kabineti yanında Miqrasiya Komissiyası"
    assert spans(text) == [at(text, surface, name, "council")]


def test_a_name_opening_word_at_a_cell_start_begins_the_name():
    """``Dövlət`` at a sentence or table-cell start opens a name even when ``dövlət`` is written in
    lowercase elsewhere in the document (a table-form plan's executor cell)."""
    from reportparse.extract.organizations import find_organizations

    text = (
        "Məlumatların dövlət uçotu aparılır.\n\n"
        "│ 1 │ Gənclər üçün təlimlərin təşkili │ Dövlət Meşə Mühafizəsi Xidməti; Dövlət Gənclər Təşəbbüsləri "
        "Agentliyi │ 2021 │\n"
    )
    names = [m.text for m in find_organizations(text)]
    assert "Dövlət Gənclər Təşəbbüsləri Agentliyi" in names


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Hesabat Əmək, Məşğulluq və Əhalinin Sosial Müdafiəsi Məsələləri üzrə Dövlət Agentliyinə göndərildi.",
            ("Əmək, Məşğulluq və Əhalinin Sosial Müdafiəsi Məsələləri üzrə Dövlət Agentliyinə", None),
        ),
        (
            "Milli Məclisin İnsan hüquqları komitəsinin iclasında",
            (
                "Milli Məclisin İnsan hüquqları komitəsinin",
                "Azərbaycan Respublikasının Milli Məclisinin İnsan hüquqları komitəsi",
            ),
        ),
        (
            "Milli Məclisin Əmək və sosial siyasət komitəsinin sədri",
            (
                "Milli Məclisin Əmək və sosial siyasət komitəsinin",
                "Azərbaycan Respublikasının Milli Məclisinin Əmək və sosial siyasət komitəsi",
            ),
        ),
        (
            "Layihə Milli Məclisin Təbii ehtiyatlar, energetika və ekologiya komitəsində müzakirə olundu.",
            ("Milli Məclisin Təbii ehtiyatlar, energetika və ekologiya komitəsində", None),
        ),
    ],
)
def test_names_with_commas_and_sentence_case_units(text, expected):
    """A comma between capitalised conjuncts joined by ``və`` stays in the name; a unit of a body in
    the genitive may be written in sentence case (first word capitalised, the rest lowercase)."""
    surface, name = expected
    found = [(text[m.start : m.end], m.name) for m in find_organizations(text)]
    assert found[0][0] == surface
    if name is not None:
        assert found[0][1] == name


@pytest.mark.parametrize(
    "text, surface",
    [
        ("Milli Məclisin iclasında komitəsinin nümayəndəsi", "Milli Məclisin"),  # a locative is no name word
        ("Sonra, Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi", "Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi"),
    ],
)
def test_what_the_comma_and_sentence_case_rules_leave_out(text, surface):
    assert text[find_organizations(text)[0].start : find_organizations(text)[0].end] == surface


@pytest.mark.parametrize(
    "text, surface",
    [
        ("Nizami adına Ədəbiyyat Muzeyinin direktoru", "Nizami adına Ədəbiyyat Muzeyinin"),
        ("M.F.Axundov adına Azərbaycan Milli Kitabxanası", "M.F.Axundov adına Azərbaycan Milli Kitabxanası"),
        ("Heydər Əliyev adına Bakı Beynəlxalq Hava Limanı", "Heydər Əliyev adına Bakı Beynəlxalq Hava Limanı"),
        ("Nazirliyin adına Dövlət Komitəsinə məktub", "Dövlət Komitəsinə"),  # on behalf of: no name word
        ("SSRİ Ali Sovetinin deputatı", "SSRİ Ali Sovetinin"),
        ("Neftçi klubunun oyunçusu", "Neftçi klubunun"),
        ("Respublika Klinik Xəstəxanasında müalicə", "Respublika Klinik Xəstəxanasında"),
        ("Azərbaycan Demokratik Respublikasının Parlamenti", "Azərbaycan Demokratik Respublikasının Parlamenti"),
        ("Qafqaz İslam Ordusu 1918-ci ildə", "Qafqaz İslam Ordusu"),
    ],
)
def test_named_after_a_person_and_more_heads(text, surface):
    """``X adına`` (named after a person, not after a genitive: on behalf of) belongs to the name;
    ``sovet``, ``liman``, ``xəstəxana``, ``parlament``, ``ordu`` are heads; ``klub`` heads a name in
    lowercase right after a name."""
    found = find_organizations(text)
    assert found and text[found[0].start : found[0].end] == surface


@pytest.mark.parametrize(
    "title, body",
    [
        (
            "Azərbaycan Respublikası Ədliyyə Nazirliyinin Penitensiar Xidmətinin 2022-ci il üzrə fəaliyyəti haqqında",
            "Ədliyyə Nazirliyinin Penitensiar Xidməti",
        ),
        (
            "Azərbaycan Respublikası Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi yanında Dövlət Məşğulluq "
            "Agentliyinin 2021-ci il hesabatı",
            "Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi yanında Dövlət Məşğulluq Agentliyi",
        ),
        (
            "Azərbaycan Respublikası Dövlət Gənclər Təşəbbüsləri Agentliyinin İdarə Heyətinin 2020-ci il 6 aprel "
            "tarixli qərarı ilə təsdiq edilmişdir",
            "Azərbaycan Respublikasının Dövlət Gənclər Təşəbbüsləri Agentliyi",
        ),
        ("Azərbaycan Respublikasının Dövlət Miqrasiya Xidməti 2022-ci il üzrə", DMX),
    ],
)
def test_the_reporting_body_may_be_a_unit_or_an_attached_body(title, body):
    """A unit of the national body the title names, or a body attached to it, wrote the report;
    an organ of the body (its board, approving) did not."""
    assert reporting_body(title) == body


@pytest.mark.parametrize("text", ["Bakı Metropoliteni", "Hesabatı təqdim edən: Bakı Metropoliteni", "Dünya Bankı"])
def test_a_known_name_at_the_very_end_of_a_text(text):
    """A gazetteer name as the text's last words (a title, a table cell) is found, not read past the end."""
    found = find_organizations(text)
    assert found and found[-1].end == len(text)
