"""Organizations as data: head nouns, name-internal function words, the gazetteer of bodies.

A name of an organization ends in a head noun (``Nazirliyi``, ``Agentliyi``, ``İctimai
Birliyi``), inflected with case and possessive endings (generated in
:mod:`reportparse.lang.az.inflection`). The head nouns are one table, ``data/heads.tsv``
(lemma, type, flags), that a linguist edits without reading Python; every list of heads
(:data:`HEADS`, :data:`HEAD_NOUNS` of titles, :data:`ANAPHORIC_HEADS`, :data:`EXECUTOR_HEAD_STEMS`
of plans) is read from it. The rest is data too; the grammar that uses it is
:mod:`reportparse.extract.organizations`.
"""

from __future__ import annotations

import re
from importlib.resources import files
from typing import Any, NamedTuple

from reportparse.lang.az import gazetteer, words
from reportparse.lang.az.casing import capitalize, lower
from reportparse.lang.az.inflection import noun_forms, possessive_form, softened


class Head(NamedTuple):
    """What a head noun says about the organization it ends (a row of ``data/heads.tsv``)."""

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
    after_place: bool = False
    """Written in lowercase it heads a name right after a place or a name (``Siyəzən rayon
    komissiyası``, ``Kanada Federal məhkəməsi``)."""
    plural_name: bool = False
    """The name itself is plural (``Azərbaycan Silahlı Qüvvələri``)."""
    anaphoric: bool = False
    """Alone and capitalised it refers back to a body named before (``Xidmətin``)."""
    executor: bool = False
    """It ends an executor in a plan's executor list."""
    title: bool = False
    """It heads state bodies' names in report titles (the reporting body)."""
    quoted_system: bool = False
    """In lowercase after a quoted name it names a system, not a body (``“mygov” platforması``)."""


HEAD_FLAGS = frozenset(Head._fields) - {"type"}
"""The flags a row of the heads table may carry."""


def _parse_heads(text: str) -> dict[str, Head]:
    """The heads table (``lemma<TAB>type<TAB>flags`` after a header line; ``#`` comments) by lemma."""
    heads: dict[str, Head] = {}
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not rows or [cell.strip() for cell in rows[0]] != ["lemma", "type", "flags"]:
        raise ValueError("heads table: the first row must be the header lemma, type, flags")
    for number, cells in enumerate(rows[1:], start=2):
        if len(cells) != 3:
            raise ValueError(f"heads table, row {number}: three TAB-separated columns expected, got {cells}")
        lemma, kind, flags = (cell.strip() for cell in cells)
        names = {flag.strip() for flag in flags.split(",") if flag.strip() not in ("", "-")}
        unknown = names - HEAD_FLAGS
        if unknown or lemma != lower(lemma) or lemma in heads:
            raise ValueError(f"heads table, row {number}: bad lemma {lemma!r} or unknown flags {sorted(unknown)}")
        heads[lemma] = Head(kind, **{flag: True for flag in names})
    return heads


def load_heads() -> dict[str, Head]:
    """Head nouns by lemma, read from ``lang/az/data/heads.tsv`` (shipped in the package).

    Returns:
        Lemma (lowercase) → its :class:`Head`, in the order of the table.
    """
    return _parse_heads((files("reportparse.lang.az") / "data" / "heads.tsv").read_text(encoding="utf-8"))


HEADS: dict[str, Head] = load_heads()
"""Head nouns by lemma (lowercase), with the type their names have unless something else decides."""

HEAD_FORMS = {form: analysis for lemma in HEADS for form, analysis in noun_forms(lemma).items()}
"""Every inflected form of every head noun (lowercase) → its analysis."""

HEAD_NOUNS = tuple(capitalize(possessive_form(lemma)) for lemma, head in HEADS.items() if head.title)
"""Nominative head nouns of state bodies' names, as written in titles (used by the metadata)."""

ANAPHORIC_HEADS = frozenset(lemma for lemma, head in HEADS.items() if head.anaphoric)
"""Head nouns that, standing alone and capitalised (``Xidmətin``, ``Agentlik``), refer back to
a body named before (usually the reporting body)."""

QUOTED_SYSTEM_HEADS = frozenset(lemma for lemma, head in HEADS.items() if head.quoted_system)
"""Heads that, written in lowercase after a quoted name, name a system, not a body
(``“mygov” platforması``)."""

EXECUTOR_HEAD_STEMS = tuple(
    stem for lemma, head in HEADS.items() if head.executor for stem in dict.fromkeys((lemma, softened(lemma)))
)
"""Lowercase stems of the heads that end an executor, in any case form (``agentlik``/``agentliy``
cover ``Agentliyi``, ``Agentlikdən``)."""

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


NAME_FUNCTION_WORDS = words.wordset("name_function_words")
"""Lowercase words that occur inside official names (``Korrupsiyaya qarşı mübarizə üzrə
Komissiyası``); a lowercase content word may stand right before one of them."""

LINK_WORD = "yanında"
"""``X yanında Y``: Y attached to X (``Dövlət Miqrasiya Xidməti yanında İctimai Şura``)."""

NAMED_AFTER = "adına"
"""``Nizami adına Ədəbiyyat Muzeyi``: the person a body is named after belongs to its name (after
a genitive the word means "on behalf of" and ends the name)."""

NATIONAL_PREFIX = "Azərbaycan Respublikasının"
"""The prefix of national bodies' official names."""

NATIONAL_PREFIX_WORDS = ("azərbaycan", "respublikası", "respublikasının")
"""How the prefix is written before a name (casefolded)."""

ANAPHORIC_NAMES = words.wordset("anaphoric_names")
"""Lemma keys of generic names standing for a body named before (``İctimai Birliyin``)."""

INTERNAL_ORGANS = words.wordset("internal_organs")
"""Organs named with their body in the genitive (``Agentliyin İdarə Heyəti``), not ``yanında``."""

SENTENCE_ADVERBS = words.wordset("sentence_adverbs")
"""Capitalised words at a sentence start that never begin a name (casefolded)."""

NAME_OPENERS = words.wordset("name_openers")
"""Words that open official names (``Dövlət Gənclər Təşəbbüsləri Agentliyi``): capitalised at a
sentence or table-cell start before another capitalised word, they begin a name, although they
are written in lowercase elsewhere (``dövlət uçotu``) (casefolded)."""

COMMON_OPENERS = words.wordset("common_openers")
"""Common nouns that often open a sentence right before a name (``Tədbir Bakı Dövlət
Universitetində keçirilib``); at a sentence start they are not part of it."""

NOT_NAME_WORDS = words.wordset("not_name_words")
"""Lowercase words that never stand inside a name (postpositions, conjunctive particles)."""

NOT_NAME_NOUNS = words.wordset("not_name_nouns")
"""Lemmas of documents, plans and systems: a name never runs over one of them (``Tədbirlər
Planında Azərbaycan Respublikasının … Agentliyinə`` starts after ``Planında``)."""


class Body(NamedTuple):
    """A known body as the grammar reads it: its canonical name and every other way it is written."""

    name: str
    """The canonical name: the nominative official name of ``bodies.tsv`` (national bodies with
    :data:`NATIONAL_PREFIX`)."""
    type: str
    aliases: tuple[str, ...] = ()
    """Other written names: the name without the national prefix, the other names of the row and
    its abbreviations of this body only (both spellings of ``I``/``İ``), in the nominative."""
    parent: str = ""
    """The canonical name of the body it belongs to, when known (``Dövlət Miqrasiya Xidməti yanında
    Miqrant Şurası`` → the Service)."""
    key: str = ""
    """The row's key in ``bodies.tsv`` (empty for entries made by the grammar)."""


def _without_national_prefix(name: str) -> str:
    for prefix in gazetteer.NATIONAL_PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def gazetteer_bodies(source: Any = gazetteer) -> tuple[Body, ...]:
    """The bodies of the gazetteer (``data/bodies.tsv``) as the grammar's entries.

    Args:
        source: the gazetteer module (``bodies()``, ``by_abbreviation()``, ``fold()``); tests pass
            a stand-in.

    Returns:
        One entry per row, in file order: the official name is canonical as written; aliases are
        its name without the national prefix, its other names and its unambiguous abbreviations
        (both spellings of ``I``/``İ``); ``parent`` is the official name of its parent row; an
        unknown type becomes ``other``.
    """
    rows = tuple(source.bodies())
    unambiguous = dict(source.by_abbreviation()) if rows else {}
    names = {row.key: row.name for row in rows}
    result = []
    for row in rows:
        written = [_without_national_prefix(row.name), *row.aliases]
        for abbreviation in row.abbreviations:
            found = unambiguous.get(source.fold(abbreviation))
            if found is not None and found.key == row.key:
                written += [abbreviation, abbreviation.replace("İ", "I"), abbreviation.replace("I", "İ")]
        kind = row.type if row.type in gazetteer.TYPES else "other"
        aliases = tuple(alias for alias in dict.fromkeys(written) if alias != row.name)
        result.append(Body(row.name, kind, aliases, names.get(row.parent, ""), row.key))
    return tuple(result)


GAZETTEER: tuple[Body, ...] = gazetteer_bodies()
"""Known bodies: the rows of ``data/bodies.tsv`` (the one list of bodies; edit the file, not this)."""

NOT_ORGANIZATIONS = words.wordset("not_organizations")
"""Lemma keys of names that end in a head noun but are no organization (a budget reserve fund,
information systems)."""

GENERIC_CLASS_WORDS = words.wordset("generic_class_words")
"""Class words that are not mentions of a specific body (casefolded)."""

PLACE_WORDS = words.wordset("place_words")
"""Lowercase words that follow a place name inside an organization's name (``Gəncə şəhər Heydər
Əliyev Mərkəzi``, ``Siyəzən rayon komissiyası``): they belong to the name (casefolded)."""

PERSON_TITLES = words.wordset("person_titles")
"""Titles written before a person's name (casefolded): a name never runs left over a title and
the person's name after it (``Prezident Əliyev Azərbaycan Milli Elmlər Akademiyası`` → only the
Academy)."""

PERSON_NAME_ENDINGS = words.wordlist("person_name_endings")
"""Endings of Azerbaijani family names (casefolded): the word after which a name following a
person's title starts."""

OFFICE_PARENTS: dict[str, str] = words.table("office_parents")
"""Offices written before ``yanında`` (casefolded) → the name of the body they stand for there
(``Baş prokuror yanında … Baş İdarəsi`` is attached to the Prosecutor General's Office)."""
