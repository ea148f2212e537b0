"""The one Azerbaijani noun morphology: a suffix grammar as data that both generates and analyzes.

Azerbaijani nouns stack their endings in a fixed order — stem, plural (``-lAr``), third-person
possessive (``-(s)I``), case (``-(n)In``, ``-(y)A``, ``-DA``, …), copula (``-DIr``) — and every
ending copies the vowel quality of what precedes it. The suffixes, their archiphonemes and the
stems that do not follow the default rules are data in ``data/morphology/`` (``suffixes.tsv``,
``harmony.tsv``, ``stems.tsv``; described in ``lang/az/README.md``). This module reads them and
does both directions:

* :func:`generate` writes the form of a lemma with given features (``şura`` + possessive +
  genitive → ``şurasının``), with vowel harmony, buffer consonants, ``k``→``y``/``q``→``ğ`` and
  dropped vowels (``çiçək`` → ``çiçəyi``, ``ağız`` → ``ağzı``);
* :func:`readings` lists every (lemma, features) that :func:`generate` maps to a word: it peels
  a suffix chain off the word, undoes the stem changes and keeps only the candidates that
  generate the word again, so generator and analyzer agree by construction;
* :func:`analyze` picks the most plausible reading (the same for every caller).

    >>> generate("şura", possessive=True, case="genitive"), generate("yataq", possessive=True)
    ('şurasının', 'yatağı')
    >>> lemma("müəssisəsinin"), lemma("əməkdaşı"), lemma("qoruğundan"), lemma("bukletlərin")
    ('müəssisə', 'əməkdaş', 'qoruq', 'buklet')
    >>> lemma("mövzuda"), lemma("könüllü"), lemma("fotoşəkli"), lemma("Agentliyin"), lemma("Məclisi")
    ('mövzu', 'könüllü', 'fotoşəkil', 'agentlik', 'məclis')

Without a dictionary some forms stay ambiguous; :func:`analyze` resolves them so:

* a lone ``-a/-ə`` after a consonant (the dative ``təşkilata``, or a stem like ``tələbə``)
  is kept as part of the stem: nouns ending in ``-a/-ə`` are far more frequent than bare
  datives of consonant stems;
* a lone ``-ı/-i/-u/-ü`` after a consonant is an ending (``əməkdaşı``) unless it breaks
  vowel harmony (``mövzu``), ends a derivative whose suffix ends in that vowel (``istifadəçi``,
  ``göstərici``, ``könüllü``) or the stem is listed as ``ends_in_i`` (``sorğu``);
* stems listed as ``ends_like_case`` are never split (``komanda``);
* of two readings the lemma in ``known`` or listed as ``prefer`` wins: ``iclası`` is ``iclas``
  + ``-ı`` or ``icla`` + ``-sı``, ``məclisi`` ``məclis`` + ``-i`` or ``məcli`` + ``-si``, and
  only a dictionary can tell (``siyahısı`` is ``siyahı`` + ``-sı``);
* a lemma that looks like a plural (``kişilər`` in ``kişilərin``) or like a stem that lost its
  vowel (``fotoşəkl``) loses to the reading without it; a changed stem is no lemma when the
  unchanged one writes the same form (``agentliyi`` is ``agentlik``, not ``agentliy``);
* then the shortest lemma.

Input may be in any letter case; lemmas are lowercase (Azerbaijani rules, see :mod:`.casing`).
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from functools import cache, lru_cache
from importlib.resources import files
from typing import NamedTuple

from reportparse.lang.az.casing import lower

VOWELS = frozenset("aıoueəiöü")
BACK_VOWELS = frozenset("aıou")
ROUNDED_VOWELS = frozenset("ouöü")
HIGH_VOWELS = frozenset("ıiuü")

VOWEL_CLASSES = ("back_unrounded", "back_rounded", "front_unrounded", "front_rounded")
"""The columns of ``harmony.tsv``: the class of the last vowel before a suffix."""

SLOTS = ("plural", "possessive", "case", "copula", "derivation", "numeral")
"""The slots of ``suffixes.tsv``; a noun is stem + plural + possessive + case + copula."""


# --- the data -------------------------------------------------------------------------------------


def _rows(name: str, header: Iterable[str]) -> list[dict[str, str]]:
    """The rows of ``data/morphology/NAME`` (TAB-separated, ``#`` comments, a header row).

    Args:
        name: the file name.
        header: the column names the header row must have, in order.

    Returns:
        One dict per row, column name → cell (stripped).
    """
    text = (
        files("reportparse.lang.az").joinpath("data").joinpath("morphology").joinpath(name).read_text(encoding="utf-8")
    )
    return parse_rows(name, text, header)


def parse_rows(name: str, text: str, header: Iterable[str]) -> list[dict[str, str]]:
    """The rows of a table in the format of ``data/morphology/`` (see :func:`_rows`).

    Args:
        name: the file name, for error messages.
        text: the file's text.
        header: the column names the header row must have, in order.

    Returns:
        One dict per row, column name → cell (stripped).

    Raises:
        ValueError: the header differs or a row has another number of cells.
    """
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    columns = [cell.strip() for cell in lines[0].split("\t")] if lines else []
    if columns != list(header):
        raise ValueError(f"{name}: the header row must be {', '.join(header)}, got {columns}")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) != len(columns):
            raise ValueError(f"{name}, row {number}: {len(columns)} TAB-separated columns expected, got {cells}")
        rows.append(dict(zip(columns, cells, strict=True)))
    return rows


class Suffix(NamedTuple):
    """A row of ``suffixes.tsv``."""

    slot: str
    name: str
    form: str
    """Archiphonemic form: uppercase letters from ``harmony.tsv``, ``(x)`` a buffer consonant."""
    after_possessive: str | None
    """The form after the third-person possessive, or None when there is none."""
    after: str
    """What a derivation's stem must end in: ``C``, ``V`` or ``any``."""
    examples: tuple[str, ...]


def _load_harmony() -> dict[str, tuple[str, ...]]:
    rows = _rows("harmony.tsv", ("symbol", *VOWEL_CLASSES, "description"))
    table = {row["symbol"]: tuple(row[column] for column in VOWEL_CLASSES) for row in rows}
    for symbol, letters in table.items():
        if len(symbol) != 1 or not symbol.isupper() or any(len(letter) != 1 for letter in letters):
            raise ValueError(f"harmony.tsv: bad row {symbol!r}: one uppercase symbol, one letter per class")
    return table


def _load_suffixes() -> tuple[Suffix, ...]:
    suffixes = []
    for row in _rows("suffixes.tsv", ("slot", "name", "form", "after_possessive", "after", "example")):
        after_possessive = {"-": None, "=": row["form"]}.get(row["after_possessive"], row["after_possessive"])
        if row["slot"] not in SLOTS or row["after"] not in ("C", "V", "any"):
            raise ValueError(f"suffixes.tsv: bad slot or after in {row}")
        suffixes.append(
            Suffix(row["slot"], row["name"], row["form"], after_possessive, row["after"], tuple(row["example"].split()))
        )
    return tuple(suffixes)


STEM_CLASSES = ("keeps_consonant", "drops_vowel", "ends_in_i", "ends_like_case", "prefer")
"""The classes of ``stems.tsv``."""


def _load_stems() -> dict[str, dict[str, str]]:
    """``stems.tsv`` as class → lemma → form."""
    stems: dict[str, dict[str, str]] = {name: {} for name in STEM_CLASSES}
    for row in _rows("stems.tsv", ("lemma", "class", "form")):
        if row["class"] not in stems or row["lemma"] != lower(row["lemma"]):
            raise ValueError(f"stems.tsv: bad class or lemma in {row}")
        stems[row["class"]][row["lemma"]] = row["form"]
    return stems


HARMONY = _load_harmony()
"""Archiphoneme → its letter after each vowel class (``A`` → ``a, a, ə, ə``)."""

SUFFIXES = _load_suffixes()
"""Every row of ``suffixes.tsv``, in order."""

_STEMS = _load_stems()

KEEPS_CONSONANT = frozenset(_STEMS["keeps_consonant"])
"""Loans whose final ``k``/``q`` never changes (``ittifaq`` → ``ittifaqı``)."""

DROPS_VOWEL = dict(_STEMS["drops_vowel"])
"""Lemma → its stem before a vowel-initial suffix (``ağız`` → ``ağz``)."""

STEMS_ENDING_IN_I = frozenset(_STEMS["ends_in_i"])
"""Stems whose final ``-ı/-i/-u/-ü`` after a consonant is part of the stem (``sorğu``)."""

STEMS_ENDING_LIKE_A_CASE = frozenset(_STEMS["ends_like_case"])
"""Words that end like a case ending but are bare nominatives (``komanda``)."""

STEMS_ENDING_LIKE_A_BUFFER = frozenset(_STEMS["prefer"])
"""Lemmas preferred over another reading of the same form (``iclas`` in ``iclası``)."""

ELIDED_STEMS = {stem: full for full, stem in DROPS_VOWEL.items()}
"""Stem before a vowel → lemma (``şəkl`` → ``şəkil``): :data:`DROPS_VOWEL` reversed."""

CASES = ("nominative", *(suffix.name for suffix in SUFFIXES if suffix.slot == "case"))
"""Case forms, in the order of ``suffixes.tsv``; ``locative_ki`` is the locative with the
attributive ``-kı/-ki`` (``mərkəzindəki``)."""

_BY_SLOT = {slot: {s.name: s for s in SUFFIXES if s.slot == slot} for slot in SLOTS}
_PLURAL = _BY_SLOT["plural"]["plural"]
_POSSESSIVE = _BY_SLOT["possessive"]["possessive"]
_COPULA = _BY_SLOT["copula"]["copula"]


# --- harmony and stem changes ---------------------------------------------------------------------


def last_vowel(word: str) -> str:
    """The last vowel of a (lowercase) word; ``ə`` when it has none (abbreviations read front)."""
    for char in reversed(word):
        if char in VOWELS:
            return char
    return "ə"


def _vowel_class(vowel: str) -> int:
    return (0 if vowel in BACK_VOWELS else 2) + (1 if vowel in ROUNDED_VOWELS else 0)


def four_way(word: str) -> str:
    """The harmonic ``ı/i/u/ü`` after ``word``."""
    return HARMONY["I"][_vowel_class(last_vowel(word))]


def two_way(word: str) -> str:
    """The harmonic ``a/ə`` after ``word``."""
    return HARMONY["A"][_vowel_class(last_vowel(word))]


_UNIT = re.compile(r"\((.)\)|(.)")


@cache
def _units(form: str) -> tuple[tuple[str, bool], ...]:
    """A suffix form as (letter or archiphoneme, is a buffer consonant) pairs."""
    return tuple((match.group(1) or match.group(2), match.group(1) is not None) for match in _UNIT.finditer(form))


def realize(stem: str, form: str) -> str:
    """How suffix ``form`` (archiphonemic, from ``suffixes.tsv``) is written after ``stem``.

    Args:
        stem: lowercase stem.
        form: e.g. ``(n)In``, ``DAn``, ``lIQ``.

    Returns:
        The suffix letters (``realize("şura", "(n)In") == "nın"``); the stem itself may change
        before it too, see :func:`attach`.
    """
    return _realize(last_vowel(stem), stem[-1:] in VOWELS, form)


@cache
def _realize(vowel: str, vowel_final: bool, form: str) -> str:
    """:func:`realize` after a stem whose last vowel is ``vowel`` (and which ends in one or not)."""
    out = []
    for letter, buffer in _units(form):
        if buffer:
            if vowel_final:
                out.append(letter)
            continue
        written = HARMONY[letter][_vowel_class(vowel)] if letter in HARMONY else letter
        out.append(written)
        if written in VOWELS:
            vowel = written
    return "".join(out)


def _drop_vowel(stem: str) -> str | None:
    """The stem with its dropped vowel (``ağız`` → ``ağz``, ``fotoşəkil`` → ``fotoşəkl``), or None."""
    if stem in DROPS_VOWEL:
        return DROPS_VOWEL[stem]
    for full, short in DROPS_VOWEL.items():
        if len(full) >= 5 and stem.endswith(full):
            return stem[: -len(full)] + short
    return None


def before_vowel(stem: str) -> str:
    """The stem as written before a vowel-initial suffix.

    A listed stem drops its vowel (``şəkil`` → ``şəkl``); otherwise a final ``k``/``q`` after a
    vowel of a stem with two or more vowels becomes ``y``/``ğ`` (``çiçək`` → ``çiçəy``,
    ``yataq`` → ``yatağ``), except in the loans listed as ``keeps_consonant`` (``ittifaq``).

    Args:
        stem: lowercase stem.

    Returns:
        The changed stem, or ``stem`` itself.
    """
    dropped = _drop_vowel(stem)
    if dropped is not None:
        return dropped
    if (
        len(stem) >= 3
        and stem[-1] in "kq"
        and stem[-2] in VOWELS
        and sum(char in VOWELS for char in stem) >= 2
        and stem not in KEEPS_CONSONANT
    ):
        return stem[:-1] + ("y" if stem[-1] == "k" else "ğ")
    return stem


def attach(stem: str, form: str) -> str:
    """``stem`` followed by suffix ``form``, with harmony, buffers and the stem change before a vowel.

    Args:
        stem: lowercase stem (a lemma, or a form already carrying suffixes).
        form: archiphonemic suffix form (``suffixes.tsv``).

    Returns:
        The written word: ``attach("nazirlik", "(s)I") == "nazirliyi"``.
    """
    suffix = realize(stem, form)
    if suffix[:1] in VOWELS and stem[-1:] not in VOWELS:
        stem = before_vowel(stem)
    return stem + suffix


# --- generation -------------------------------------------------------------------------------------


class Features(NamedTuple):
    """The inflection of a noun form."""

    plural: bool = False
    possessive: bool = False
    case: str = "nominative"
    copula: bool = False


FEATURES = tuple(
    Features(plural, possessive, case, copula)
    for copula in (False, True)
    for plural in (False, True)
    for possessive in (True, False)
    for case in CASES
)
"""Every feature combination, in the order readings of one form are listed (and ties broken):
the possessive nominative ``xidməti`` before the accusative of ``xidmət``."""

_FEATURE_ORDER = {features: index for index, features in enumerate(FEATURES)}


def generate(
    lemma: str, *, plural: bool = False, possessive: bool = False, case: str = "nominative", copula: bool = False
) -> str:
    """The written form of ``lemma`` with the given features.

    Args:
        lemma: the lowercase lemma.
        plural: with ``-lAr``.
        possessive: with the third-person possessive ``-(s)I``.
        case: one of :data:`CASES`.
        copula: with ``-DIr``.

    Returns:
        The lowercase form: ``generate("şura", possessive=True, case="genitive") == "şurasının"``.
    """
    if case not in _BY_SLOT["case"] and case != "nominative":
        raise ValueError(f"unknown case {case!r}: one of {', '.join(CASES)}")
    return _generate(lemma, Features(plural, possessive, case, copula))


@lru_cache(maxsize=1 << 17)
def _generate(lemma: str, features: Features) -> str:
    form = lemma
    if features.plural:
        form = attach(form, _PLURAL.form)
    if features.possessive:
        form = attach(form, _POSSESSIVE.form)
    if features.case != "nominative":
        suffix = _BY_SLOT["case"][features.case]
        form = attach(form, (suffix.after_possessive or suffix.form) if features.possessive else suffix.form)
    if features.copula:
        form = attach(form, _COPULA.form)
    return form


_PROBES = tuple(stem for vowel in sorted(VOWELS) for stem in ("b" + vowel, "b" + vowel + "b"))
"""Stems ending in each vowel and after each vowel: every way a suffix chain can be written."""


def _chains() -> dict[str, tuple[Features, ...]]:
    """Every written suffix chain (``ların``, ``sının``, ``ndan``, ``""``) → the features it can carry."""
    chains: dict[str, list[Features]] = {}
    for features in FEATURES:
        for probe in _PROBES:
            chain = _generate(probe, features)[len(probe) :]
            if features not in chains.setdefault(chain, []):
                chains[chain].append(features)
    return {chain: tuple(features) for chain, features in chains.items()}


_CHAINS = _chains()
_LONGEST_CHAIN = max(map(len, _CHAINS))


def _case_endings() -> dict[str, str]:
    """A case ending alone, as written after a quote or hyphen (``ndən``, ``in``) → its case."""
    endings: dict[str, str] = {}
    for suffix in _BY_SLOT["case"].values():
        for form in (suffix.form, suffix.after_possessive):
            for probe in _PROBES:
                if form:
                    endings.setdefault(realize(probe, form), suffix.name)
    return endings


_CASE_ENDINGS = _case_endings()
_LONGEST_CASE_ENDING = max(map(len, _CASE_ENDINGS))


def case_endings(*cases: str) -> tuple[str, ...]:
    """Every written form of these cases' endings (after a consonant, a vowel or a possessive),
    longest first: ``case_endings("genitive")`` → ``nin``, ``nın``, …, ``in``, ``ün``; for
    ``str.endswith`` tests on folded words.

    Raises:
        ValueError: a case the suffix grammar does not have.
    """
    unknown = set(cases) - set(_CASE_ENDINGS.values())
    if unknown:
        raise ValueError(f"unknown case(s) {', '.join(sorted(unknown))}")
    return tuple(sorted((e for e, case in _CASE_ENDINGS.items() if case in cases), key=lambda e: (-len(e), e)))


def _numeral_endings() -> dict[str, Suffix]:
    """Every written form of a ``numeral`` or ``derivation`` suffix (``ci``, ``cü``, ``dək``) → its row."""
    endings: dict[str, Suffix] = {}
    for suffix in SUFFIXES:
        if suffix.slot in ("numeral", "derivation"):
            for probe in _PROBES:
                endings.setdefault(realize(probe, suffix.form), suffix)
    return endings


_NUMERAL_ENDINGS = _numeral_endings()

ENDINGS = (
    frozenset(chain for chain in _CHAINS if chain)
    | frozenset(_CASE_ENDINGS)
    | frozenset(ending for ending, suffix in _NUMERAL_ENDINGS.items() if suffix.slot == "numeral")
)
"""Every ending that can be written apart from its stem, after a hyphen, apostrophe or closing
quote (``BMT-nin``, ``2022-ci``, ``15-də``, ``30-dək``, ``Mərkəzi”ndən``), lowercase."""


# --- analysis ---------------------------------------------------------------------------------------


class Reading(NamedTuple):
    """One analysis of a written form: ``generate(lemma, **features) == form``."""

    lemma: str
    plural: bool
    possessive: bool
    case: str
    copula: bool = False
    derivation: str = ""
    """The derivational suffix the lemma ends in (``lIQ`` for ``agentlik``, ``çI`` for
    ``istifadəçi``: the ``name`` of its row in ``suffixes.tsv``), or empty."""

    @property
    def features(self) -> Features:
        return Features(self.plural, self.possessive, self.case, self.copula)


class Analysis(NamedTuple):
    """A noun form: its lemma, whether it is plural or possessive, and its case."""

    lemma: str
    plural: bool
    possessive: bool
    case: str


_DERIVATIONS = sorted(_BY_SLOT["derivation"].values(), key=lambda s: -len(s.form))
_DERIVATION_SIZES = tuple(
    (suffix, sorted({len(realize(probe, suffix.form)) for probe in _PROBES}, reverse=True)) for suffix in _DERIVATIONS
)
_I_FINAL_DERIVATIONS = frozenset(s.name for s in _DERIVATIONS if s.form.endswith("I"))


@lru_cache(maxsize=1 << 16)
def derivation(lemma: str) -> str:
    """The derivational suffix ``lemma`` ends in (a ``name`` of ``suffixes.tsv``), or ``""``.

    Args:
        lemma: lowercase lemma.

    Returns:
        ``derivation("agentlik") == "lIQ"``, ``derivation("könüllü") == "lI"``.
    """
    for suffix, sizes in _DERIVATION_SIZES:
        for size in sizes:
            base = lemma[:-size]
            if len(base) < 2 or not any(char in VOWELS for char in base):
                continue
            if (suffix.after == "C" and base[-1] in VOWELS) or (suffix.after == "V" and base[-1] not in VOWELS):
                continue
            if realize(base, suffix.form) == lemma[-size:]:
                return suffix.name
    return ""


def _lemma_candidates(stem: str) -> list[str]:
    """Lemmas a stem before a suffix may come from: itself, unsoftened, with its vowel back."""
    candidates = [stem]
    if stem[-1:] == "y" and last_vowel(stem) not in BACK_VOWELS:
        candidates.append(stem[:-1] + "k")  # native back-vowel stems end in q: sarayı is saray
    elif stem[-1:] == "ğ":
        candidates.append(stem[:-1] + "q")
    for short, full in ELIDED_STEMS.items():
        if stem == short or (len(full) >= 5 and stem.endswith(short)):
            candidates.append(stem[: -len(short)] + full)
    return candidates


_UNSOFTENED = {"y": "k", "ğ": "q"}


def _possible_lemma(lemma: str) -> bool:
    """A lemma that can carry endings: three letters, or two ending in a consonant; with a vowel."""
    return (len(lemma) >= 3 or (len(lemma) == 2 and lemma[-1] not in VOWELS)) and any(c in VOWELS for c in lemma)


@lru_cache(maxsize=1 << 16)
def readings(word: str) -> tuple[Reading, ...]:
    """Every reading of a written noun form, in the order of :data:`FEATURES` for each lemma.

    Args:
        word: one word, any letter case (no quotes or hyphens: see :func:`analyze`).

    Returns:
        The readings whose lemma and features :func:`generate` writes as ``word`` (lowercased);
        the bare nominative ``word`` itself is always one of them.
    """
    word = lower(word)
    found: dict[tuple[str, Features], None] = {}
    for size in range(len(word), max(len(word) - _LONGEST_CHAIN, 1) - 1, -1):
        chain = _CHAINS.get(word[size:])
        if chain is None:
            continue
        for candidate in _lemma_candidates(word[:size]):
            for features in chain:
                if features == Features() and candidate != word:
                    continue
                if features != Features() and not _possible_lemma(candidate):
                    continue
                if _generate(candidate, features) == word:
                    found[(candidate, features)] = None
    for candidate, features in list(found):
        if (
            candidate[-1:] in ("y", "ğ")
            and (candidate[:-1] + _UNSOFTENED[candidate[-1]], features) in found
            and candidate not in STEMS_ENDING_LIKE_A_BUFFER  # a listed stem ending in y: muzey + i
        ):
            del found[(candidate, features)]  # agentliy + i is agentlik + i written
    ranked = sorted(found, key=lambda item: _FEATURE_ORDER[item[1]])
    return tuple(Reading(lemma, *features, derivation=derivation(lemma)) for lemma, features in ranked)


def _looks_like_stem_and_i(form: str) -> bool:
    """Whether a form ending in consonant + ``ı/i/u/ü`` reads as a stem plus that ending: not when
    the vowel breaks harmony (``mövzu``), ends a derivative (``istifadəçi``) or a listed stem."""
    if len(form) < 3 or form[-1] not in HIGH_VOWELS or form[-2] in VOWELS:
        return False
    if not any(char in VOWELS for char in form[:-1]) or four_way(form[:-1]) != form[-1]:
        return False
    return form not in STEMS_ENDING_IN_I and derivation(form) not in _I_FINAL_DERIVATIONS


def _changed_stem(lemma: str) -> bool:
    """Whether a lemma looks like a stem that lost its vowel before a suffix (``fotoşəkl``)."""
    return any(lemma.endswith(short) and lemma != full for short, full in ELIDED_STEMS.items())


def _looks_plural(lemma: str) -> bool:
    """Whether a lemma ends in a harmonic plural ending after a possible lemma (``kişilər``)."""
    return lemma[-3:] in ("lar", "lər") and _possible_lemma(lemma[:-3]) and two_way(lemma[:-3]) == lemma[-2]


def _ruled_out(reading: Reading, word: str) -> bool:
    """Readings the module docstring's first two rules set aside unless nothing else is left."""
    if word in STEMS_ENDING_LIKE_A_CASE:
        return reading.lemma != word
    if reading.plural or reading.lemma[-1:] in VOWELS:
        return False
    if reading.case == "dative" and not reading.possessive:
        return (
            reading.lemma not in STEMS_ENDING_LIKE_A_BUFFER
        )  # a lone -a/-ə after a consonant, unless a listed stem (qadın + a)
    if reading.possessive or reading.case == "accusative":
        with_i = generate(reading.lemma, possessive=True)
        if _drop_vowel(reading.lemma) is not None:
            return False
        return not _looks_like_stem_and_i(with_i)
    return False


def rank(reading: Reading, word: str, known: Container[str] = frozenset()) -> tuple:
    """The sort key of a reading of ``word`` (lowercase); the smallest is the analysis.

    Args:
        reading: one of ``readings(word)``.
        word: the lowercase word.
        known: lemmas to prefer.

    Returns:
        A tuple: ruled out, not preferred, implausible lemma, length, lemma is the word.
    """
    lemma_ = reading.lemma
    implausible = _changed_stem(lemma_) or _looks_plural(lemma_)
    return (
        _ruled_out(reading, word),
        lemma_ not in known and lemma_ not in STEMS_ENDING_LIKE_A_BUFFER,
        reading.copula,
        implausible,
        len(lemma_),
        lemma_ == word,
    )


def best_reading(word: str, *, known: Container[str] = frozenset()) -> Reading:
    """The most plausible reading of one word without quotes or hyphens (see the module docstring).

    Args:
        word: one word, any letter case.
        known: lowercase lemmas to prefer.

    Returns:
        The :class:`Reading` with the smallest :func:`rank`; copula readings only when nothing
        else is left.
    """
    word = lower(word)
    if isinstance(known, frozenset):
        return _best_cached(word, known)
    return min(readings(word), key=lambda reading: rank(reading, word, known))


@lru_cache(maxsize=1 << 16)
def _best_cached(word: str, known: frozenset[str]) -> Reading:
    return min(readings(word), key=lambda reading: rank(reading, word, known))


def _case_of_ending(ending: str) -> str:
    """The case an ending written apart (``DİN-in``, ``Mərkəzi”ndən``) marks."""
    for start in range(max(len(ending) - _LONGEST_CASE_ENDING, 0), len(ending)):
        if ending[start:] in _CASE_ENDINGS:
            return _CASE_ENDINGS[ending[start:]]
    return "nominative"


def _split(word: str) -> tuple[int, str] | None:
    """Where an ending written apart starts: the first apostrophe or closing quote, else the
    last hyphen; (position, separator) or None."""
    quote = min((i for i in (word.find(c) for c in "’'”") if i >= 0), default=-1)
    if quote >= 0:
        return quote, word[quote]
    hyphen = word.rfind("-")
    return (hyphen, "-") if hyphen >= 0 else None


def analyze_reading(word: str, *, known: Container[str] = frozenset()) -> Reading:
    """The most plausible :class:`Reading` of one written word (what :func:`analyze` reports).

    Args:
        word: one word, any letter case. An ending written after a closing quote, apostrophe
            or hyphen (``xətt”inə``, ``DİN-in``, ``2022-ci``) is read as the ending of what
            precedes it (:func:`ending_reading`); any other hyphenated word
            (``tarix-mədəniyyət``) is a compound, analyzed on its last part.
        known: lowercase lemmas to prefer.

    Returns:
        The reading; a word that is no noun form comes back as its own lemma, nominative.
    """
    word = lower(word).strip("“”\"'«»")
    split = _split(word)
    if split and split[0] > 0:
        head, tail = word[: split[0]], word[split[0] + 1 :]
        if _is_compound(split[1], head, tail):
            inner = analyze_reading(tail, known=known)  # a compound: tarix-mədəniyyət qoruğu
            return inner._replace(lemma=word[: split[0] + 1] + inner.lemma)
        return ending_reading(head, tail)
    return best_reading(word, known=known)


def analyze(word: str, *, known: Container[str] = frozenset()) -> Analysis:
    """The most plausible analysis of a noun form.

    Some forms have two valid analyses: ``iclası`` is ``iclas`` + ``-ı`` or ``icla`` +
    ``-sı``, ``Fərmanı`` is ``fərman`` + ``-ı`` or ``fərma`` + ``-nı``. A lemma in ``known``
    (the lemmas you look for, or the :func:`vocabulary` of the document, where ``iclas``
    occurs as ``iclaslar``) or listed as ``prefer`` in ``stems.tsv`` wins; otherwise the rules
    of the module docstring, then the shortest lemma.

    Args:
        word: one word, any letter case. An ending written after a closing quote, apostrophe
            or hyphen (``xətt”inə``, ``DİN-in``) is read as the ending of what precedes it; a
            hyphenated compound (``tarix-mədəniyyət``) is analyzed on its last part.
        known: lowercase lemmas to prefer.

    Returns:
        The :class:`Analysis` (lemma, plural, possessive, case) of :func:`analyze_reading`.
    """
    reading = analyze_reading(word, known=known)
    return Analysis(reading.lemma, reading.plural, reading.possessive, reading.case)


def lemma(word: str, *, known: Container[str] = frozenset()) -> str:
    """The lemma of a noun form (lowercase): ``Agentliyinin`` → ``agentlik``; see :func:`analyze`."""
    return analyze(word, known=known).lemma


def ending_reading(base: str, ending: str) -> Reading:
    """The reading of an ending written apart, after a hyphen, quote or number (``2022-ci``, ``BMT-nin``).

    Args:
        base: what precedes the ending (``2022``, ``bmt``); becomes the lemma.
        ending: the ending (``ci``, ``nin``, ``dən``, ``dək``), any letter case.

    Returns:
        A :class:`Reading` of ``base`` with the case the ending marks (its longest case ending:
        ``inə`` is a dative; plural when it can only be: ``QHT-lərin``), or with the ``numeral``
        suffix it is as ``derivation`` (``ordinal``, ``up_to``); all its readings are
        :func:`ending_readings`.
    """
    ending = lower(ending)
    if ending in _NUMERAL_ENDINGS:
        return Reading(base, False, False, "nominative", derivation=_NUMERAL_ENDINGS[ending].name)
    plural = bool(_CHAINS.get(ending)) and all(features.plural for features in _CHAINS[ending])
    return Reading(base, plural, False, _case_of_ending(ending))


def ending_readings(base: str, ending: str) -> tuple[Reading, ...]:
    """Every reading of an ending written apart: ``21-i`` is possessive (partitive) or accusative.

    Args:
        base: what precedes the ending; becomes the lemma.
        ending: the ending, any letter case.

    Returns:
        :func:`ending_reading` first, then one reading per feature combination the ending can
        write (:data:`FEATURES` order).
    """
    first = ending_reading(base, ending)
    others = (Reading(base, *features) for features in _CHAINS.get(lower(ending), ()))
    return (first, *(reading for reading in others if reading != first))


def all_readings(word: str) -> tuple[Reading, ...]:
    """Every reading of one written word, split like :func:`analyze_reading` does.

    Args:
        word: one word, any letter case, possibly with an ending after a hyphen or quote.

    Returns:
        The readings; :func:`analyze_reading` picks one of them.
    """
    word = lower(word).strip("“”\"'«»")
    split = _split(word)
    if split and split[0] > 0:
        head, tail = word[: split[0]], word[split[0] + 1 :]
        if _is_compound(split[1], head, tail):
            return tuple(r._replace(lemma=word[: split[0] + 1] + r.lemma) for r in all_readings(tail))
        return ending_readings(head, tail)
    return readings(word)


def _is_compound(separator: str, head: str, tail: str) -> bool:
    """A hyphenated compound (``tarix-mədəniyyət``), not an ending written apart (``DİN-in``)."""
    return separator == "-" and tail not in ENDINGS and len(tail) > 3 and len(head) > 1


_WORD = re.compile(r"[^\W\d_]+")
_PLURAL_STEM = re.compile(r"(\w{2,}?)l[aə]r")


def vocabulary(text: str) -> frozenset[str]:
    """Stems a text attests before a plural ending (``iclaslarında`` attests ``iclas``,
    ``abidələr`` ``abidə``): the ``known`` lemmas for :func:`analyze`."""
    # ``lower`` keeps lengths, so the whole text is lowered once rather than word by word.
    return vocabulary_of(_WORD.findall(lower(text)))


def vocabulary_of(words: Iterable[str]) -> frozenset[str]:
    """:func:`vocabulary` of words already lowercased and split at hyphens and apostrophes.

    Args:
        words: lowercase words of letters only.

    Returns:
        The stems they attest before a plural ending.
    """
    plural = _PLURAL_STEM.match
    return frozenset(
        match.group(1)
        for word in set(words)  # each word once; only a word with a plural ending is matched
        if ("lar" in word or "lər" in word) and (match := plural(word))
    )
