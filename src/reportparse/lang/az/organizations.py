"""Organization head nouns as data: the nouns an official body's name ends in.

Each is listed in the nominative with its possessive ending (``Xidməti``), the form names take
(``Dövlət Miqrasiya Xidməti``). Inflected forms add ``n`` and a case ending after that vowel:
``Xidmətinin``, ``Xidmətinə``, ``Xidmətində``, ``Xidmətindən``, ``Xidmətini``.
"""

from __future__ import annotations

import re

HEAD_NOUNS = (
    "Xidməti", "Agentliyi", "Nazirliyi", "Komitəsi", "Komissiyası", "Şurası", "Fondu", "Mərkəzi",
    "İdarəsi", "Palatası", "Kabineti", "Akademiyası", "Universiteti", "Prokurorluğu", "Aparatı",
    "Məclisi", "Məhkəməsi", "Administrasiyası", "Müvəkkili", "İnstitutu", "Departamenti",
)
"""Nominative head nouns of state bodies' names."""

CASE_ENDINGS = ("nin", "nın", "nun", "nün", "nə", "na", "ndə", "nda", "ndən", "ndan", "ni", "nı", "nu", "nü")
"""What follows the possessive vowel of a head noun in the genitive, dative, locative, ablative
and accusative."""

_INFLECTED = re.compile(rf"^(.*[iıuüə])(?:{'|'.join(CASE_ENDINGS)})$")


def nominative(word: str) -> str:
    """The nominative of an inflected head noun (``Xidmətinin`` → ``Xidməti``); other words as given."""
    match = _INFLECTED.match(word)
    if match and match.group(1) in HEAD_NOUNS:
        return match.group(1)
    return word
