"""Azerbaijani case mapping and collation.

The project's one place for case operations: use these functions instead of
:meth:`str.lower`, :meth:`str.upper`, :meth:`str.casefold` and :meth:`str.title`, which
follow the Unicode default rules and get the dotted/dotless i wrong for Azerbaijani::

    >>> "İ".lower(), "I".lower(), "i".upper()
    ('i̇', 'i', 'I')
    >>> lower("İ"), lower("I"), upper("i")
    ('i', 'ı', 'İ')

Every mapping here is **length-preserving**: ``len(f(s)) == len(s)`` and character ``k`` of
the result comes from character ``k`` of the input, so offsets into a text stay valid in its
lowered, uppercased or title-cased form. A character whose default mapping would expand
(``"ß".upper() == "SS"``, ``"ŉ".upper() == "ʼN"``, ...) is left unchanged instead.
(:func:`casefold` first composes to NFC, so it preserves length for NFC input only.)
"""

from __future__ import annotations

import unicodedata
from functools import cache

from reportparse.lang.az.orthography import DASHES

ALPHABET = "abcçdeəfgğhxıijkqlmnoöprsştuüvyz"
"""The 32 letters of the Azerbaijani Latin alphabet, lowercase, in collation order.

Note ``x`` after ``h``, dotless ``ı`` before dotted ``i`` and ``q`` after ``k``.
"""

ALPHABET_UPPER = "ABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ"
"""The uppercase counterparts of :data:`ALPHABET`, position by position."""

HYPHENS = DASHES
"""Characters that separate words for :func:`title`, like whitespace does (every dash-like
character of :data:`.orthography.DASHES`)."""

# The only pairs where Azerbaijani differs from the Unicode default mappings.
_LOWER_TABLE = str.maketrans({"İ": "i", "I": "ı"})
_UPPER_TABLE = str.maketrans({"i": "İ", "ı": "I"})

_ORDER = {ch: i for i, ch in enumerate(ALPHABET)}

# Collation classes, in sort order; a character's weight is ``class << 21 | value``.
_SEPARATOR, _PUNCTUATION, _SYMBOL, _NUMBER, _LETTER, _OTHER_LETTER, _OTHER = range(7)


def _map_preserving(text: str, mapped: str, single) -> str:
    """Rebuild ``mapped`` when a character of ``text`` expanded under the mapping.

    Args:
        text: the input after the Azerbaijani translate step (same length as the original).
        mapped: ``single`` applied to the whole of ``text``.
        single: the str method (``str.lower``, ``str.upper``, ...) that produced ``mapped``.

    Returns:
        ``mapped`` itself when it has the length of ``text``; otherwise ``single`` applied
        to the runs of characters that map one to one, with the others left unchanged.
    """
    if len(mapped) == len(text):  # no default mapping maps a character to nothing
        return mapped
    out: list[str] = []
    start = 0
    for i, ch in enumerate(text):
        if len(single(ch)) != 1:
            out.append(single(text[start:i]))
            out.append(ch)
            start = i + 1
    out.append(single(text[start:]))
    return "".join(out)


def lower(text: str) -> str:
    """Lowercase ``text`` by Azerbaijani rules: ``İ`` → ``i``, ``I`` → ``ı``.

    Args:
        text: any string.

    Returns:
        The lowercased string, of exactly the length of ``text``.
    """
    translated = text.translate(_LOWER_TABLE)
    return _map_preserving(translated, translated.lower(), str.lower)


def upper(text: str) -> str:
    """Uppercase ``text`` by Azerbaijani rules: ``i`` → ``İ``, ``ı`` → ``I``.

    Characters whose uppercase is longer than one character (``ß`` → ``SS``) stay unchanged.

    Args:
        text: any string.

    Returns:
        The uppercased string, of exactly the length of ``text``.
    """
    translated = text.translate(_UPPER_TABLE)
    return _map_preserving(translated, translated.upper(), str.upper)


def _casefold_char(ch: str) -> str:
    folded = ch.casefold()
    return folded if len(folded) == 1 else ch.lower()


def casefold(text: str) -> str:
    """The matching key for caseless comparison of Azerbaijani text.

    Compare ``casefold(a) == casefold(b)`` (or search ``casefold(needle)`` in
    ``casefold(haystack)``) to match regardless of case and of composed/decomposed form:
    the text is composed to NFC, lowercased by Azerbaijani rules and then case-folded
    where folding maps one character to one (``ς`` → ``σ``, but ``ß`` stays ``ß``).

    Args:
        text: any string.

    Returns:
        The folded string; as long as ``text`` when ``text`` is in NFC (as documents are
        after normalization), so offsets stay valid.
    """
    if len(text) >= _REMEMBERED_LENGTH:
        last = _last_fold
        if last is not None and last[0] is text:
            return last[1]  # the same document text again: folded once per document
    # Two replacements, not str.translate with a table (30 times slower on long texts).
    translated = unicodedata.normalize("NFC", text).replace("İ", "i").replace("I", "ı")
    folded = translated.casefold()
    if len(folded) != len(translated):
        folded = "".join(map(_casefold_char, translated))
    if len(text) >= _REMEMBERED_LENGTH:
        _remember(text, folded)
    return folded


_REMEMBERED_LENGTH = 2048
"""Texts at least this long (a document, not a word) are remembered by :func:`casefold`."""

_last_fold: tuple[str, str] | None = None


def _remember(text: str, folded: str) -> None:
    """Keep the last long text folded: every stage of the pipeline folds the same ``document.text``
    object, so a document is folded once however many extractors ask (compared by identity, in
    constant time; one text is kept, so memory holds one document's copy)."""
    global _last_fold
    _last_fold = (text, folded)


def _title_char(ch: str) -> str:
    """Title-case one character by Azerbaijani rules, leaving it if the mapping expands."""
    if ch in ("i", "ı"):
        return ch.translate(_UPPER_TABLE)
    if ch in ("İ", "I"):
        return ch
    for mapped in (ch.title(), ch.upper()):
        if len(mapped) == 1:
            return mapped
    return ch


def title(text: str) -> str:
    """Title-case ``text``: each word's first letter uppercase, the rest lowercase.

    Words are separated by whitespace and by :data:`HYPHENS`, so ``qeyri-hökumət`` becomes
    ``Qeyri-Hökumət``. Punctuation before a word's first letter is skipped
    (``«bakı»`` → ``«Bakı»``); a word that starts with a digit and a suffix joined to a
    number by a hyphen keep their letters lowercase (``3-cü`` stays ``3-cü``).

    Args:
        text: any string.

    Returns:
        The title-cased string, of exactly the length of ``text``.
    """
    chars = list(lower(text))
    at_start = True
    for i, ch in enumerate(text):
        if ch in HYPHENS:
            at_start = not (i > 0 and text[i - 1].isdigit())
        elif ch.isspace():
            at_start = True
        elif at_start:
            if ch.isalpha():
                chars[i] = _title_char(ch)
                at_start = False
            elif ch.isdigit():
                at_start = False
    return "".join(chars)


def capitalize(text: str) -> str:
    """Uppercase the first character by Azerbaijani rules, leaving the rest unchanged.

    Unlike :meth:`str.capitalize`, the rest is not lowercased (``iSTANBUL`` → ``İSTANBUL``).

    Args:
        text: any string.

    Returns:
        The string with its first character in upper (title) case; same length as ``text``.
    """
    return _title_char(text[0]) + text[1:] if text else text


def is_upper(text: str) -> bool:
    """Whether ``text`` has a cased letter and no lowercase one (``İSTANBUL``, ``IŞIQ``).

    Unicode already classifies ``İ`` as uppercase and ``ı`` as lowercase, so this is
    :meth:`str.isupper`; it is here so callers need not know that.

    Args:
        text: any string.

    Returns:
        True if all cased characters are uppercase and there is at least one.
    """
    return text.isupper()


def is_lower(text: str) -> bool:
    """Whether ``text`` has a cased letter and no uppercase one (``ışıq``, ``istanbul``).

    Args:
        text: any string.

    Returns:
        True if all cased characters are lowercase and there is at least one.
    """
    return text.islower()


@cache
def _weight(ch: str) -> int:
    """Primary collation weight of one case-folded character."""
    index = _ORDER.get(ch)
    if index is not None:
        return _LETTER << 21 | index
    category = unicodedata.category(ch)
    if ch.isspace() or category[0] == "Z" or category in ("Cc", "Cf"):
        cls = _SEPARATOR
    elif category[0] == "P":
        cls = _PUNCTUATION
    elif category[0] == "S":
        cls = _SYMBOL
    elif category[0] == "N":
        cls = _NUMBER
    elif category[0] == "L":
        cls = _OTHER_LETTER
    else:  # combining marks, unassigned, private use, surrogates
        cls = _OTHER
    return cls << 21 | ord(ch)


def _case_flag(ch: str) -> int:
    return 1 if ch.isupper() or ch.istitle() else 0


def sort_key(text: str) -> tuple:
    """An Azerbaijani collation key, for ``sorted(words, key=sort_key)``.

    Letters sort in the order of :data:`ALPHABET` (``… h x ı i j k q l …``), ignoring case
    (the comparison is on :func:`casefold`). Other characters sort by class and then code
    point: whitespace and controls, punctuation, symbols and digits before the letters;
    letters outside the alphabet (``w``, ``é``, Cyrillic, …) after ``z``; marks and
    anything else last. Strings equal but for case sort lowercase first, compared
    position by position (``ab`` < ``aB`` < ``Ab``); the string itself breaks any
    remaining tie, so the order is total and deterministic.

    Args:
        text: any string.

    Returns:
        A tuple ``(primary, case, text)`` to compare with other keys from this function.
    """
    composed = unicodedata.normalize("NFC", text)
    primary = tuple(map(_weight, casefold(composed)))
    case = tuple(map(_case_flag, composed))
    return (primary, case, text)
