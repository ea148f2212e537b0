"""The gazetteer of bodies and the legal forms of companies, read from data files.

The data live in ``lang/az/data`` as tab-separated files a linguist edits without reading
Python (their format is described in comment lines at their top):

* ``bodies.tsv`` — known organizations: national bodies (ministries, committees, services,
  agencies, courts, Milli Məclis and its committees, the Nakhchivan bodies), the executive
  authority of every district and city, universities and the Academy of Sciences, parties,
  state companies and international bodies, with their abbreviations and other names;
* ``ambiguous_abbreviations.tsv`` — abbreviations that stand for more than one body (``AİB``);
* ``legal_forms.tsv`` — the legal forms written after a company's name (``ASC``, ``MMC``).

Every file is read once (:func:`functools.cache`) and validated when it is read: a broken row
raises :class:`GazetteerError` naming the file, the line and what is wrong.

Lookups are by :func:`fold` (Azerbaijani case folding, typographic quotes and dashes unified,
whitespace collapsed), so ``by_abbreviation()[fold("isesco")]`` and ``…[fold("İSESCO")]`` and
``…[fold("ISESCO")]`` find the same body.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from reportparse.lang.az.casing import casefold
from reportparse.lang.az.orthography import unify_dashes

TYPES = frozenset(
    {"state_body", "council", "working_group", "ngo", "international", "education", "media", "business", "other"}
)
"""The organization types of the annotation conventions (``corpus/README.md``)."""

SCOPES = frozenset({"national", "international", "district", "city"})
"""Where a body acts: the republic (or the Nakhchivan AR), abroad, one district, one city."""

BODY_COLUMNS = ("key", "name", "type", "abbreviations", "aliases", "parent", "scope")
"""The header of ``bodies.tsv``, in order."""

LEGAL_FORM_COLUMNS = ("form", "name", "type")
"""The header of ``legal_forms.tsv``, in order."""

AMBIGUOUS_COLUMNS = ("abbreviation", "keys", "note")
"""The header of ``ambiguous_abbreviations.tsv``, in order."""

NATIONAL_PREFIXES = ("Azərbaycan Respublikasının ", "Azərbaycan Respublikası ")
"""How the national prefix of an official name is written; :func:`by_name` also knows each
name and alias of a national body without it and with either form."""

LIST_SEPARATOR = "|"
"""Separates the values of the ``abbreviations`` and ``aliases`` cells."""

_KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_QUOTES = str.maketrans({ch: '"' for ch in "“”„«»‟″"})
_DATA = "data"


class GazetteerError(ValueError):
    """A data file of the gazetteer that cannot be used (its problems are in the message)."""


@dataclass(frozen=True)
class Body:
    """One row of ``bodies.tsv``."""

    key: str
    """A stable lowercase ASCII slug (the ``org_key`` of the gold annotations)."""
    name: str
    """The nominative official name (national bodies start with ``Azərbaycan Respublikasının``)."""
    type: str
    """One of :data:`TYPES`."""
    abbreviations: tuple[str, ...]
    """Abbreviations as written (``BMT``, ``UN``, ``İSESCO``)."""
    aliases: tuple[str, ...]
    """Other names: short official forms, former names, Latin and English names."""
    parent: str
    """The key of the parent body, or empty."""
    scope: str
    """One of :data:`SCOPES`."""


@dataclass(frozen=True)
class LegalForm:
    """One row of ``legal_forms.tsv``: a legal form written after a company's name."""

    form: str
    """The form as written (``ASC``)."""
    name: str
    """Its full name (``Açıq Səhmdar Cəmiyyəti``)."""
    type: str
    """The organization type of a name carrying it (one of :data:`TYPES`)."""


def fold(text: str) -> str:
    """The lookup key of a name or an abbreviation.

    Args:
        text: a name as written (``“Azərsu” ASC``, ``İSESCO``).

    Returns:
        ``text`` case-folded by Azerbaijani rules, with typographic quotes as ``"``, dashes
        as ``-`` and runs of whitespace as one space, trimmed.
    """
    return " ".join(unify_dashes(casefold(text)).translate(_QUOTES).split())


def abbreviation_keys(abbreviation: str) -> tuple[str, ...]:
    """The lookup keys of an abbreviation: as written, and with ``I``/``İ`` exchanged.

    Latin abbreviations are written with either ``I`` (``ISESCO``, ``UNICEF``) or ``İ``
    (``İSESCO``, ``UNİCEF``) in Azerbaijani text; both spellings fold to different keys.

    Args:
        abbreviation: an abbreviation as written in the data.

    Returns:
        The distinct folded keys, the abbreviation's own first.
    """
    spellings = (abbreviation, abbreviation.replace("İ", "I"), abbreviation.replace("I", "İ"))
    return tuple(dict.fromkeys(fold(spelling) for spelling in spellings))


def _read(name: str) -> str:
    return (resources.files("reportparse.lang.az") / _DATA / name).read_text(encoding="utf-8")


def read_table(text: str, *, columns: tuple[str, ...], source: str) -> list[tuple[int, dict[str, str]]]:
    """The rows of a tab-separated data file: a header line, ``#`` comments and blank lines allowed.

    Args:
        text: the file's content.
        columns: the header the file must have.
        source: the file's name, for error messages.

    Returns:
        ``(line number, {column: cell})`` for every row, in file order.

    Raises:
        GazetteerError: the header differs from ``columns`` or a row has another number of cells.
    """
    rows: list[tuple[int, dict[str, str]]] = []
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(cells) != columns:
                raise GazetteerError(f"{source}:{number}: header {cells!r}, expected {list(columns)!r}")
            header_seen = True
            continue
        if len(cells) != len(columns):
            raise GazetteerError(f"{source}:{number}: {len(cells)} cells, expected {len(columns)}")
        rows.append((number, dict(zip(columns, cells, strict=True))))
    if not header_seen:
        raise GazetteerError(f"{source}: no header line")
    return rows


def _split(cell: str) -> tuple[str, ...]:
    return tuple(cell.split(LIST_SEPARATOR)) if cell else ()


def _text_problems(label: str, values: Iterable[str]) -> list[str]:
    problems = []
    for value in values:
        if not value:
            problems.append(f"empty {label}")
        elif value != value.strip() or "  " in value:
            problems.append(f"{label} {value!r} is not trimmed")
    return problems


def _row_problems(body: Body) -> list[str]:
    problems = []
    if not _KEY.match(body.key):
        problems.append(f"key {body.key!r} is not a lowercase ASCII slug")
    if body.type not in TYPES:
        problems.append(f"type {body.type!r} is not one of {sorted(TYPES)}")
    if body.scope not in SCOPES:
        problems.append(f"scope {body.scope!r} is not one of {sorted(SCOPES)}")
    problems += _text_problems("name", [body.name])
    problems += _text_problems("abbreviation", body.abbreviations)
    problems += _text_problems("alias", body.aliases)
    return problems


def parse_bodies(text: str, *, source: str = "bodies.tsv") -> tuple[Body, ...]:
    """The bodies of a ``bodies.tsv`` text, each row checked on its own.

    Args:
        text: the file's content.
        source: the file's name, for error messages.

    Returns:
        The bodies in file order.

    Raises:
        GazetteerError: a row with a bad key, type, scope or an untrimmed or empty name.
    """
    bodies, problems = [], []
    for number, row in read_table(text, columns=BODY_COLUMNS, source=source):
        body = Body(
            key=row["key"],
            name=row["name"],
            type=row["type"],
            abbreviations=_split(row["abbreviations"]),
            aliases=_split(row["aliases"]),
            parent=row["parent"],
            scope=row["scope"],
        )
        problems += [f"{source}:{number}: {problem}" for problem in _row_problems(body)]
        bodies.append(body)
    if problems:
        raise GazetteerError("\n".join(problems))
    return tuple(bodies)


def parse_ambiguous(text: str, *, source: str = "ambiguous_abbreviations.tsv") -> dict[str, tuple[str, ...]]:
    """The declared ambiguous abbreviations of an ``ambiguous_abbreviations.tsv`` text.

    Args:
        text: the file's content.
        source: the file's name, for error messages.

    Returns:
        Abbreviation as written → the keys of the bodies it stands for.
    """
    return {
        row["abbreviation"]: _split(row["keys"])
        for _, row in read_table(text, columns=AMBIGUOUS_COLUMNS, source=source)
    }


def _parent_problems(bodies: tuple[Body, ...]) -> list[str]:
    keys = {body.key: body for body in bodies}
    problems = []
    for body in bodies:
        if body.parent and body.parent not in keys:
            problems.append(f"{body.key}: parent {body.parent!r} is not a key")
            continue
        seen, current = {body.key}, body
        while current.parent in keys:
            current = keys[current.parent]
            if current.key in seen:
                problems.append(f"{body.key}: its parents form a cycle")
                break
            seen.add(current.key)
    return problems


def _owners(bodies: tuple[Body, ...], keys_of) -> dict[str, set[str]]:
    owners: dict[str, set[str]] = defaultdict(set)
    for body in bodies:
        for folded in keys_of(body):
            owners[folded].add(body.key)
    return owners


def _without_prefix(name: str) -> str:
    for prefix in NATIONAL_PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def _name_keys(body: Body) -> list[str]:
    names = [body.name, *body.aliases]
    if _without_prefix(body.name) != body.name:  # a national body: each name with and without the prefix
        bare = [_without_prefix(name) for name in names]
        names = bare + [prefix + name for name in bare for prefix in NATIONAL_PREFIXES]
    return list(dict.fromkeys(fold(name) for name in names))


def _abbreviation_keys(body: Body) -> list[str]:
    return [key for abbreviation in body.abbreviations for key in abbreviation_keys(abbreviation)]


def validate(bodies: tuple[Body, ...], *, ambiguous: Mapping[str, tuple[str, ...]]) -> None:
    """Check the gazetteer as a whole.

    Args:
        bodies: every body (each row already checked by :func:`parse_bodies`).
        ambiguous: the declared ambiguous abbreviations (abbreviation → keys).

    Raises:
        GazetteerError: duplicate keys, a parent that is no key or a cycle of parents, a name
            or alias of two bodies, an abbreviation of two bodies not declared ambiguous
            (or declared with other bodies than those that have it).
    """
    counts: dict[str, int] = defaultdict(int)
    for body in bodies:
        counts[body.key] += 1
    problems = [f"duplicate key {key!r}" for key, count in counts.items() if count > 1]
    problems += _parent_problems(bodies)
    for folded, owners in _owners(bodies, _name_keys).items():
        if len(owners) > 1:
            problems.append(f"name {folded!r} of several bodies: {sorted(owners)}")
    declared = {
        folded: set(keys) for abbreviation, keys in ambiguous.items() for folded in abbreviation_keys(abbreviation)
    }
    for folded, owners in _owners(bodies, _abbreviation_keys).items():
        if len(owners) > 1 and declared.get(folded) != owners:
            problems.append(
                f"abbreviation {folded!r} of several bodies {sorted(owners)} not declared ambiguous as such"
            )
    for folded, keys in declared.items():
        if keys - counts.keys():
            problems.append(f"ambiguous abbreviation {folded!r} lists unknown keys {sorted(keys - counts.keys())}")
    if problems:
        raise GazetteerError("\n".join(problems))


@cache
def bodies() -> tuple[Body, ...]:
    """Every body of ``bodies.tsv``, validated, in file order.

    Returns:
        The bodies.
    """
    loaded = parse_bodies(_read("bodies.tsv"))
    validate(loaded, ambiguous=_ambiguous_declared())
    return loaded


@cache
def _ambiguous_declared() -> dict[str, tuple[str, ...]]:
    return parse_ambiguous(_read("ambiguous_abbreviations.tsv"))


@cache
def by_key() -> dict[str, Body]:
    """The bodies by key.

    Returns:
        ``key`` → body.
    """
    return {body.key: body for body in bodies()}


@cache
def by_abbreviation() -> dict[str, Body]:
    """The bodies by abbreviation, for abbreviations of one body only (see :func:`ambiguous_abbreviations`).

    The keys are folded, so ``un``, ``real`` and ``mn`` are keys too: look up only tokens
    written as abbreviations (in capitals, or as in the data: ``BMqT``, ``AzTV``).

    Returns:
        Every key of :func:`abbreviation_keys` (``bmt``; ``isesco`` and ``ısesco`` for ``İSESCO``) → body.
    """
    ambiguous = ambiguous_abbreviations()
    return {
        folded: body
        for body in bodies()
        for abbreviation in body.abbreviations
        for folded in abbreviation_keys(abbreviation)
        if folded not in ambiguous
    }


@cache
def ambiguous_abbreviations() -> dict[str, tuple[Body, ...]]:
    """The abbreviations that stand for several bodies (``AİB``: two development banks).

    Returns:
        Every key of :func:`abbreviation_keys` of a declared ambiguous abbreviation → its bodies.
    """
    keys = by_key()
    return {
        folded: tuple(keys[key] for key in owners)
        for abbreviation, owners in _ambiguous_declared().items()
        for folded in abbreviation_keys(abbreviation)
    }


@cache
def by_name() -> dict[str, Body]:
    """The bodies by folded name: the official name and each alias; for national bodies, each of
    them also without the national prefix and with either form of it (``Təhsil Nazirliyi``,
    ``Azərbaycan Respublikasının Təhsil Nazirliyi``, ``Azərbaycan Respublikası Təhsil Nazirliyi``).

    Returns:
        ``fold(name)`` → body.
    """
    return {folded: body for body in bodies() for folded in _name_keys(body)}


@cache
def legal_forms() -> tuple[LegalForm, ...]:
    """The legal forms of ``legal_forms.tsv``, in file order.

    Returns:
        The legal forms.

    Raises:
        GazetteerError: a row whose type is not one of :data:`TYPES` or whose cells are empty.
    """
    forms, problems = [], []
    for number, row in read_table(_read("legal_forms.tsv"), columns=LEGAL_FORM_COLUMNS, source="legal_forms.tsv"):
        form = LegalForm(**row)
        if form.type not in TYPES:
            problems.append(f"legal_forms.tsv:{number}: type {form.type!r} is not one of {sorted(TYPES)}")
        problems += [f"legal_forms.tsv:{number}: {p}" for p in _text_problems("cell", (form.form, form.name))]
        forms.append(form)
    if problems:
        raise GazetteerError("\n".join(problems))
    return tuple(forms)
