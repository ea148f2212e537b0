"""Legal acts and their parts as data: act types, title endings, item and article nouns.

Lemmas are case-folded; the references extractor recognizes their inflected forms
(``Sərəncamı``, ``Fərmanının``, ``Qanununa``, ``əmrlə``) with :mod:`.morphology`.
"""

from __future__ import annotations

ACT_TYPES = {
    # lemma → act_type as written in references.csv (nominative, capitalized)
    "fərman": "Fərman",
    "sərəncam": "Sərəncam",
    "qərar": "Qərar",
    "qanun": "Qanun",
    "məcəllə": "Məcəllə",
    "qayda": "Qayda",
    "əmr": "Əmr",
    "konvensiya": "Konvensiya",
    "protokol": "Protokol",
    "əsasnamə": "Əsasnamə",
    "nizamnamə": "Nizamnamə",
    "konstitusiya": "Konstitusiya",
    "saziş": "Saziş",
    "müqavilə": "Müqavilə",
    "təlimat": "Təlimat",
}
"""Act types. An act is a reference when an issuer, a quoted title, a date (``… tarixli``) or a
number (``… nömrəli``) names it: a bare ``Qanun`` or ``bu Qayda`` is not."""

PLURAL_TITLE_TYPES = frozenset({"qayda"})
"""Act types whose plural is itself a title (``“… Qaydaları”``)."""

TITLE_ENDINGS = ("haqqında", "barədə", "dair")
"""A quoted act title before its issuer ends with one of these (``“Dövlət borcu haqqında”``)."""

NAME_LINKS = frozenset({"yanında", "üzrə"})
"""Lowercase words inside an issuer's or an act's name (``Nazirlər Kabineti yanında Operativ
Qərargahın``, ``İqlim Dəyişmələri üzrə Çərçivə Konvensiyası``)."""

DATED = "tarixli"
"""``2022-ci il 4 aprel tarixli``: the date of an act."""
NUMBERED = ("nömrəli", "saylı")
"""``3199 nömrəli``: the number of an act."""

ITEM_NOUNS = ("yarımbənd", "bənd")
"""Items of plans and acts (``5.1-ci bəndinin``, ``4.2.10-cu yarımbəndinin``)."""
ARTICLE_NOUNS = ("maddə",)
"""Articles of laws (``109-cu maddəsinin``); an item may follow (``32-ci bəndi``, ``2-ci hissəsi``)."""
ARTICLE_PARTS = ("bənd", "hissə", "yarımbənd")
"""Parts of an article: ``109-cu maddəsinin 32-ci bəndi``."""

PRONOUNS = frozenset({"onun", "onların", "bunun", "bunların", "həmin", "bu", "o"})
"""Never an issuer: ``onun 2014-cü il Protokolunun``."""
