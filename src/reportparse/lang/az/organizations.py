"""Organizations as data: head nouns, name-internal function words, the gazetteer of bodies.

A name of an organization ends in a head noun (``Nazirliyi``, ``Agentliyi``, ``İctimai
Birliyi``), inflected with case and possessive endings (generated in
:mod:`reportparse.lang.az.inflection`). Everything here is data; the grammar that uses it is
:mod:`reportparse.extract.organizations`.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from reportparse.lang.az.inflection import noun_forms


class Head(NamedTuple):
    """What a head noun says about the organization it ends."""

    type: str
    unit: bool = False
    """It can name a unit of a parent written before it in the genitive
    (``Baş Prokurorluğunun … Baş İdarəsi``, ``BMT-nin Uşaq Fondu``, ``Agentliyin İdarə Heyəti``)."""
    lowercase: bool = False
    """It heads names also when written in lowercase (``işçi qrupu``, ``regional miqrasiya idarəsi``)."""
    needs_parent: bool = False
    """It heads a name only after a parent in the genitive (``BMT-nin İnkişaf Proqramı``; a
    ``Dövlət Proqramı`` is a document)."""
    lowercase_unit: bool = False
    """Written in lowercase it heads a unit named after its parent in the genitive
    (``Milli Məclisin Mədəniyyət komitəsi``, ``Universitetinin Hüquq fakültəsi``)."""


HEADS: dict[str, Head] = {
    "nazirlik": Head("state_body", lowercase=True),
    "agentlik": Head("state_body", unit=True),
    "xidmət": Head("state_body", unit=True),
    "komitə": Head("state_body", unit=True, lowercase_unit=True),
    "fakültə": Head("education", unit=True, lowercase_unit=True),
    "plenum": Head("state_body", unit=True),
    "kitabxana": Head("other"),
    "telekanal": Head("media"),
    "kinostudiya": Head("business"),
    "komissiya": Head("council", unit=True),
    "şura": Head("council", unit=True),
    "fond": Head("other", unit=True),
    "mərkəz": Head("state_body", unit=True, lowercase=True),
    "idarə": Head("state_body", unit=True, lowercase=True),
    "palata": Head("state_body"),
    "kabinet": Head("state_body"),
    "akademiya": Head("education"),
    "universitet": Head("education"),
    "institut": Head("education", unit=True),
    "kollec": Head("education"),
    "məktəb": Head("education", unit=True, lowercase=True),
    "prokurorluq": Head("state_body"),
    "aparat": Head("state_body", unit=True),
    "məclis": Head("state_body"),
    "məhkəmə": Head("state_body"),
    "administrasiya": Head("state_body", unit=True),
    "departament": Head("state_body", unit=True),
    "birlik": Head("ngo"),
    "qrup": Head("working_group", unit=True, lowercase=True),
    "qərargah": Head("working_group", unit=True),
    "platforma": Head("council"),
    "cəmiyyət": Head("ngo"),
    "assosiasiya": Head("ngo"),
    "təşkilat": Head("international"),
    "ittifaq": Head("international"),
    "tərəfdaşlıq": Head("international"),
    "proqram": Head("international", unit=True, needs_parent=True),
    "heyət": Head("other", unit=True),
    "kollegiya": Head("other", unit=True),
    "katiblik": Head("state_body", unit=True),
    "konfederasiya": Head("ngo"),
    "ofis": Head("other", unit=True),
    "büro": Head("other", unit=True),
    "nümayəndəlik": Head("other", unit=True),
    "hakimiyyət": Head("state_body"),
    "televiziya": Head("media"),
    "radio": Head("media"),
    "jurnal": Head("media", lowercase=True),
    "qəzet": Head("media", lowercase=True),
    "toplu": Head("media"),
    "bank": Head("business"),
    "şirkət": Head("business"),
}
"""Head nouns by lemma (lowercase), with the type their names have unless something else decides."""

HEAD_FORMS = {form: analysis for lemma in HEADS for form, analysis in noun_forms(lemma).items()}
"""Every inflected form of every head noun (lowercase) → its analysis."""

HEAD_NOUNS = (
    "Xidməti",
    "Agentliyi",
    "Nazirliyi",
    "Komitəsi",
    "Komissiyası",
    "Şurası",
    "Fondu",
    "Mərkəzi",
    "İdarəsi",
    "Palatası",
    "Kabineti",
    "Akademiyası",
    "Universiteti",
    "Prokurorluğu",
    "Aparatı",
    "Məclisi",
    "Məhkəməsi",
    "Administrasiyası",
    "Müvəkkili",
    "İnstitutu",
    "Departamenti",
)
"""Nominative head nouns of state bodies' names, as written in titles (used by the metadata)."""

CASE_ENDINGS = ("nin", "nın", "nun", "nün", "nə", "na", "ndə", "nda", "ndən", "ndan", "ni", "nı", "nu", "nü")
"""What follows the possessive vowel of a head noun in the genitive, dative, locative, ablative
and accusative."""

_INFLECTED = re.compile(rf"^(.*[iıuüə])(?:{'|'.join(CASE_ENDINGS)})$")


def nominative(word: str) -> str:
    """The nominative of an inflected title head noun (``Xidmətinin`` → ``Xidməti``); other words as given."""
    match = _INFLECTED.match(word)
    if match and match.group(1) in HEAD_NOUNS:
        return match.group(1)
    return word


NAME_FUNCTION_WORDS = frozenset({"və", "üzrə", "qarşı", "dair", "ilə", "əlaqədar"})
"""Lowercase words that occur inside official names (``Korrupsiyaya qarşı mübarizə üzrə
Komissiyası``); a lowercase content word may stand right before one of them."""

LINK_WORD = "yanında"
"""``X yanında Y``: Y attached to X (``Dövlət Miqrasiya Xidməti yanında İctimai Şura``)."""

NATIONAL_PREFIX = "Azərbaycan Respublikasının"
"""The prefix of national bodies' official names."""

NATIONAL_PREFIX_WORDS = ("azərbaycan", "respublikası", "respublikasının")
"""How the prefix is written before a name (casefolded)."""

NATIONAL_PARENTS = frozenset({"prezident", "nazirlər kabinet", "baş prokurorluq"})
"""Parents (lemma keys) whose attached bodies keep the national prefix in their official name
(``Azərbaycan Respublikasının Prezidenti yanında Dövlət İdarəçilik Akademiyası``); bodies
attached to a ministry or a service do not (``… Nazirliyi yanında Dövlət Məşğulluq Agentliyi``)."""

ANAPHORIC_NAMES = frozenset({"ictimai birlik", "icra hakimiyyət"})
"""Lemma keys of generic names standing for a body named before (``İctimai Birliyin``)."""

INTERNAL_ORGANS = frozenset({"idarə heyət", "müşahidə şura", "elmi-metodiki şura", "elmi şura", "kollegiya"})
"""Organs named with their body in the genitive (``Agentliyin İdarə Heyəti``), not ``yanında``."""

SENTENCE_ADVERBS = frozenset(
    {
        "həmçinin",
        "habelə",
        "eləcə",
        "bundan",
        "bununla",
        "belə",
        "beləliklə",
        "bu",
        "həmin",
        "hesabat",
        "qeyd",
        "ötən",
        "cari",
        "eyni",
        "son",
        "ilk",
        "əlavə",
        "ayrıca",
        "o",
        "onlar",
        "hər",
        "bütün",
        "yuxarıda",
        "aşağıda",
        "məlumat",
        "daha",
        "sonra",
        "əvvəl",
        "ümumilikdə",
        "nəticədə",
        "bəzi",
    }
)
"""Capitalised words at a sentence start that never begin a name (casefolded)."""

COMMON_OPENERS = frozenset(
    {
        "tədbir",
        "tədbirdə",
        "seminar",
        "seminarda",
        "təlim",
        "təlimdə",
        "görüş",
        "görüşdə",
        "iclas",
        "iclasda",
        "layihə",
        "hesabat",
        "konfrans",
        "konfransda",
        "müşavirə",
        "müşavirədə",
        "sənəd",
        "müraciət",
        "sorğu",
        "tədqiqat",
        "forum",
        "forumda",
        "vebinar",
        "vebinarda",
        "müsabiqə",
        "kampaniya",
    }
)
"""Common nouns that often open a sentence right before a name (``Tədbir Bakı Dövlət
Universitetində keçirilib``); at a sentence start they are not part of it."""

NOT_NAME_WORDS = frozenset(
    {
        "arasında",
        "birgə",
        "tərəfindən",
        "vasitəsilə",
        "haqqında",
        "barədə",
        "tərkibində",
        "nəzdində",
        "ilə",
        "həmçinin",
        "habelə",
        "eləcə",
        "isə",
        "də",
        "da",
    }
)
"""Lowercase words that never stand inside a name (postpositions, conjunctive particles)."""

NOT_NAME_NOUNS = frozenset(
    {
        "plan",
        "konvensiya",
        "qanun",
        "fərman",
        "sərəncam",
        "qərar",
        "strategiya",
        "konsepsiya",
        "məcəllə",
        "layihə",
        "portal",
        "sistem",
    }
)
"""Lemmas of documents, plans and systems: a name never runs over one of them (``Tədbirlər
Planında Azərbaycan Respublikasının … Agentliyinə`` starts after ``Planında``)."""

ANAPHORIC_HEADS = frozenset(
    {
        "xidmət",
        "agentlik",
        "nazirlik",
        "komitə",
        "şura",
        "komissiya",
        "mərkəz",
        "fond",
        "palata",
        "birlik",
    }
)
"""Head nouns that, standing alone and capitalised (``Xidmətin``, ``Agentlik``), refer back to
a body named before (usually the reporting body)."""


class Body(NamedTuple):
    """A gazetteer entry: the official name without the national prefix, and what it is."""

    name: str
    type: str
    national: bool = True
    aliases: tuple[str, ...] = ()
    """Other written names and abbreviations (``DİN``), in the nominative."""
    prefix: str = ""
    """The national prefix when it is not :data:`NATIONAL_PREFIX` (``Azərbaycan Respublikası
    Prezidentinin Administrasiyası``)."""


GAZETTEER: tuple[Body, ...] = (
    # The Cabinet, parliament, courts, the presidential apparatus.
    Body("Nazirlər Kabineti", "state_body"),
    Body("Milli Məclisi", "state_body", aliases=("Milli Məclis",)),
    Body(
        "Prezidentinin Administrasiyası",
        "state_body",
        aliases=("Prezident Administrasiyası",),
        prefix="Azərbaycan Respublikası",
    ),
    Body("Konstitusiya Məhkəməsi", "state_body"),
    Body("Ali Məhkəməsi", "state_body"),
    Body("Baş Prokurorluğu", "state_body"),
    Body(
        "Baş Prokurorluğu yanında Korrupsiyaya qarşı Mübarizə Baş İdarəsi",
        "state_body",
        aliases=("Baş Prokurorluğunun Korrupsiyaya qarşı Mübarizə Baş İdarəsi",),
    ),
    Body("Hesablama Palatası", "state_body"),
    Body("Mərkəzi Seçki Komissiyası", "council", aliases=("MSK",)),
    Body("Mərkəzi Bankı", "state_body", aliases=("Mərkəzi Bank",)),
    Body(
        "İnsan Hüquqları üzrə Müvəkkilinin (Ombudsmanın) Aparatı",
        "state_body",
        prefix="Azərbaycan Respublikası",
        aliases=("İnsan Hüquqları üzrə Müvəkkilin (Ombudsmanın) Aparatı", "Ombudsman Aparatı"),
    ),
    Body("Azərbaycan Milli Elmlər Akademiyası", "education", national=False, aliases=("AMEA",)),
    Body("Azərbaycan Dövlət İqtisad Universiteti", "education", national=False, aliases=("UNEC",)),
    Body("Azərbaycan Dövlət Teleqraf Agentliyi", "media", national=False, aliases=("AZƏRTAC",)),
    Body("Azərbaycan Televiziyası", "media", national=False, aliases=("AzTV",)),
    Body("İctimai Televiziya", "media", national=False, aliases=("İTV",)),
    Body("Qanunvericilik Toplusu", "media"),
    # Ministries (current and recent names).
    Body("Ədliyyə Nazirliyi", "state_body"),
    Body("Daxili İşlər Nazirliyi", "state_body", aliases=("DİN",)),
    Body("Xarici İşlər Nazirliyi", "state_body", aliases=("XİN",)),
    Body("Müdafiə Nazirliyi", "state_body"),
    Body("Müdafiə Sənayesi Nazirliyi", "state_body"),
    Body("Maliyyə Nazirliyi", "state_body"),
    Body("İqtisadiyyat Nazirliyi", "state_body"),
    Body("Vergilər Nazirliyi", "state_body"),
    Body("Energetika Nazirliyi", "state_body"),
    Body("Ekologiya və Təbii Sərvətlər Nazirliyi", "state_body", aliases=("ETSN",)),
    Body("Kənd Təsərrüfatı Nazirliyi", "state_body"),
    Body("Səhiyyə Nazirliyi", "state_body"),
    Body("Təhsil Nazirliyi", "state_body"),
    Body("Elm və Təhsil Nazirliyi", "state_body"),
    Body("Mədəniyyət Nazirliyi", "state_body"),
    Body("Mədəniyyət və Turizm Nazirliyi", "state_body"),
    Body("Gənclər və İdman Nazirliyi", "state_body"),
    Body("Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi", "state_body", aliases=("ƏƏSMN",)),
    Body("Fövqəladə Hallar Nazirliyi", "state_body", aliases=("FHN",)),
    Body("Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi", "state_body"),
    Body("Nəqliyyat, Rabitə və Yüksək Texnologiyalar Nazirliyi", "state_body"),
    Body("Milli Təhlükəsizlik Nazirliyi", "state_body"),
    # State committees, services and agencies.
    Body("Dövlət Gömrük Komitəsi", "state_body"),
    Body("Dövlət Statistika Komitəsi", "state_body"),
    Body("Ailə, Qadın və Uşaq Problemləri üzrə Dövlət Komitəsi", "state_body"),
    Body("Qaçqınların və Məcburi Köçkünlərin İşləri üzrə Dövlət Komitəsi", "state_body"),
    Body("Dini Qurumlarla İş üzrə Dövlət Komitəsi", "state_body"),
    Body("Diaspora ilə İş üzrə Dövlət Komitəsi", "state_body"),
    Body("Şəhərsalma və Arxitektura Komitəsi", "state_body"),
    Body("Dövlət Miqrasiya Xidməti", "state_body", aliases=("DMX",)),
    Body("Dövlət Sərhəd Xidməti", "state_body", aliases=("DSX",)),
    Body("Dövlət Təhlükəsizliyi Xidməti", "state_body", aliases=("DTX",)),
    Body("Xarici Kəşfiyyat Xidməti", "state_body"),
    Body(
        "Qeyri-Hökumət Təşkilatlarına Dövlət Dəstəyi Agentliyi",
        "state_body",
        aliases=("QHT-lərə Dövlət Dəstəyi Agentliyi",),
    ),
    Body("Vətəndaşlara Xidmət və Sosial İnnovasiyalar üzrə Dövlət Agentliyi", "state_body"),
    Body("Dövlət Turizm Agentliyi", "state_body"),
    Body("Korrupsiyaya qarşı mübarizə üzrə Komissiyası", "council"),
    Body("Dövlət Qulluğu Məsələləri üzrə Komissiyası", "council"),
    Body("Tarif (qiymət) Şurası", "council"),
    Body("UNESCO üzrə Milli Komissiyası", "council"),
    Body("Təhsil İnstitutu", "education"),
    Body("Prezidenti yanında Dövlət İdarəçilik Akademiyası", "education", aliases=("Dövlət İdarəçilik Akademiyası",)),
    Body("Prezidenti yanında Qeyri-Hökumət Təşkilatlarına Dövlət Dəstəyi Şurası", "council"),
    # Attached bodies whose official name does not carry the national prefix.
    Body(
        "Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi yanında Dövlət Məşğulluq Agentliyi",
        "state_body",
        national=False,
        aliases=("Dövlət Məşğulluq Agentliyi",),
    ),
    Body(
        "Daxili İşlər Nazirliyinin İnsan Alverinə qarşı Mübarizə Baş İdarəsi",
        "state_body",
        national=False,
        aliases=("DİN-in İnsan Alverinə qarşı Mübarizə Baş İdarəsi",),
    ),
    Body(
        "“ASAN xidmət” mərkəzləri",
        "state_body",
        national=False,
        aliases=("“ASAN xidmət” mərkəzi", "ASAN xidmət mərkəzi"),
    ),
    Body("Elektron Sənəd Mərkəzi", "state_body", national=False),
    # International bodies.
    Body("Birləşmiş Millətlər Təşkilatı", "international", national=False, aliases=("BMT",)),
    Body(
        "Birləşmiş Millətlər Təşkilatının İnkişaf Proqramı",
        "international",
        national=False,
        aliases=("BMT-nin İnkişaf Proqramı", "UNDP"),
    ),
    Body(
        "Birləşmiş Millətlər Təşkilatının Uşaq Fondu",
        "international",
        national=False,
        aliases=("BMT-nin Uşaq Fondu", "UNICEF"),
    ),
    Body(
        "Birləşmiş Millətlər Təşkilatının Əhali Fondu",
        "international",
        national=False,
        aliases=("BMT-nin Əhali Fondu", "UNFPA"),
    ),
    Body(
        "Birləşmiş Millətlər Təşkilatının Ətraf Mühit Proqramı",
        "international",
        national=False,
        aliases=("BMT-nin Ətraf Mühit Proqramı", "UNEP"),
    ),
    Body("Dünya Səhiyyə Təşkilatı", "international", national=False, aliases=("ÜST", "WHO")),
    Body("İslam Əməkdaşlıq Təşkilatı", "international", national=False, aliases=("İƏT",)),
    Body(
        "İslam Əməkdaşlıq Təşkilatının Statistik, İqtisadi və Sosial Tədqiqatlar və Təlim Mərkəzi",
        "international",
        national=False,
        aliases=("SESRIC",),
    ),
    Body("Müstəqil Dövlətlər Birliyi", "international", national=False, aliases=("MDB",)),
    Body("Avropa İttifaqının Statistika Xidməti", "international", national=False, aliases=("Eurostat",)),
    Body(
        "Birləşmiş Millətlər Təşkilatının Qaçqınlar üzrə Ali Komissarlığı",
        "international",
        national=False,
        aliases=("UNHCR",),
    ),
    Body(
        "Birləşmiş Millətlər Təşkilatının Təhsil, Elm və Mədəniyyət Təşkilatı",
        "international",
        national=False,
        aliases=("UNESCO",),
    ),
    Body("Avropada Təhlükəsizlik və Əməkdaşlıq Təşkilatı", "international", national=False, aliases=("ATƏT",)),
    Body("Avropa Şurası", "international", national=False, aliases=("AŞ",)),
    Body("Avropa İttifaqı", "international", national=False, aliases=("Aİ",)),
    Body(
        "Avropa Şurasının İnsan Alverinə qarşı Mübarizə üzrə Ekspertlər Qrupu",
        "international",
        national=False,
        aliases=("GRETA",),
    ),
    Body("Beynəlxalq Əmək Təşkilatı", "international", national=False, aliases=("BƏT",)),
    Body("Beynəlxalq Miqrasiya Təşkilatı", "international", national=False, aliases=("BMqT", "IOM")),
    Body("Beynəlxalq Abidələr və Tarixi Yerlər Şurası", "international", national=False, aliases=("ICOMOS",)),
    Body("İqtisadi Əməkdaşlıq və İnkişaf Təşkilatı", "international", national=False, aliases=("OECD", "İƏİT")),
    Body("Dünya Bankı", "international", national=False),
    Body(
        "Açıq Müqavilələşdirmə Tərəfdaşlığı", "international", national=False, aliases=("Open Contracting Partnership",)
    ),
    Body("Açıq Hökumət Tərəfdaşlığı", "international", national=False, aliases=("Open Government Partnership", "OGP")),
    Body("Beynəlxalq Valyuta Fondu", "international", national=False, aliases=("BVF", "IMF")),
    Body("Ümumdünya Ticarət Təşkilatı", "international", national=False, aliases=("ÜTT", "WTO")),
    Body("Ümumdünya Gömrük Təşkilatı", "international", national=False, aliases=("ÜGT", "WCO")),
    Body("Ümumdünya Əqli Mülkiyyət Təşkilatı", "international", national=False, aliases=("ÜƏMT", "WIPO")),
    Body("Avropa İttifaqının Əqli Mülkiyyət Ofisi", "international", national=False, aliases=("EUIPO",)),
    Body("Avropa Yenidənqurma və İnkişaf Bankı", "international", national=False, aliases=("AYİB", "EBRD")),
    Body("Asiya İnkişaf Bankı", "international", national=False, aliases=("AİB", "ADB")),
    # Well-known NGOs and media.
    Body("Azərbaycan Qızıl Aypara Cəmiyyəti", "ngo", national=False),
    Body("“Azərbaycan” qəzeti", "media", national=False, aliases=("Azərbaycan Qəzeti", "Azərbaycan qəzeti")),
    Body("Xalq Qəzeti", "media", national=False, aliases=("“Xalq” qəzeti", "Xalq qəzeti")),
    Body("“Yeni Azərbaycan” qəzeti", "media", national=False),
)
"""Known bodies. National ones get :data:`NATIONAL_PREFIX` in their canonical name."""

QUOTED_SYSTEM_HEADS = frozenset({"platforma"})
"""Heads that, written in lowercase after a quoted name, name a system, not a body
(``“mygov” platforması``)."""

NOT_ORGANIZATIONS = frozenset(
    {
        "ehtiyat fond",
        "elektron hökumət informasiya sistem",
        "elektron hökumət portal",
    }
)
"""Lemma keys of names that end in a head noun but are no organization (a budget reserve fund,
information systems)."""

GENERIC_CLASS_WORDS = frozenset({"qht", "qht-lər", "qeyri-hökumət təşkilatları", "dövlət orqanları"})

COMPANY_FORMS = frozenset({"MMC", "ASC", "QSC", "AQSC"})
"""Legal-form abbreviations written after a quoted company name (``“Azercell Telekom” MMC``)."""
"""Class words that are not mentions of a specific body (casefolded)."""
