"""Legal acts and their parts, read from the data files under ``lang/az/data/``.

* ``act_types.tsv`` — act types (:data:`ACT_TYPES`), national, international (``Konvensiya``,
  ``Müqavilə``, ``Saziş``, ``Protokol``, ``Xartiya``) and internal (``Əmr``);
* ``act_words.tsv`` — title endings, name links, the ``tarixli``/``nömrəli`` cues, item and
  article nouns and the parts of an article (``bənd``, ``abzas``).

A linguist edits those files; this module only loads them. Lemmas are lowercase in Azerbaijani
casing; the references extractor recognizes their inflected forms (``Sərəncamı``,
``Fərmanının``, ``Qanununa``, ``əmrlə``) with :mod:`.morphology`.

    >>> ACT_TYPES["konvensiya"], ACT_SCOPES["xartiya"], "maddə" in ARTICLE_NOUNS, "abzas" in ARTICLE_PARTS
    ('Konvensiya', 'international', True, True)
"""

from __future__ import annotations

from reportparse.lang.az.numbers import read_table

_TYPES = read_table("act_types.tsv")
ACT_TYPES = {lemma: act_type for lemma, act_type, _scope, _flags in _TYPES}
"""Act types: lemma → ``act_type`` as written in references.csv (nominative, capitalized). An act
is a reference when an issuer, a quoted title, a date (``… tarixli``) or a number (``… nömrəli``)
names it: a bare ``Qanun`` or ``bu Qayda`` is not."""
ACT_SCOPES = {lemma: scope for lemma, _act_type, scope, _flags in _TYPES}
"""Act types: lemma → ``national``, ``international`` or ``internal``."""
INTERNATIONAL_TYPES = frozenset(lemma for lemma, scope in ACT_SCOPES.items() if scope == "international")
"""Treaties and conventions (``BMT-nin Korrupsiyaya qarşı Konvensiyasının``)."""
PLURAL_TITLE_TYPES = frozenset(lemma for lemma, _t, _s, flags in _TYPES if "plural_title" in flags.split(","))
"""Act types whose plural is itself a title (``“… Qaydaları”``)."""

_WORDS = read_table("act_words.tsv")


def _role(role: str) -> tuple[str, ...]:
    return tuple(word for word, word_role in _WORDS if word_role == role)


TITLE_ENDINGS = _role("title_ending")
"""A quoted act title before its issuer ends with one of these (``“Dövlət borcu haqqında”``)."""
NAME_LINKS = frozenset(_role("name_link"))
"""Lowercase words inside an issuer's or an act's name, never its first (``Nazirlər Kabineti yanında
Operativ Qərargahın``, ``Əmək və Əhalinin Sosial Müdafiəsi nazirinin``, ``Korrupsiyaya qarşı Konvensiyası``)."""
ACT_NAME_LINKS = NAME_LINKS | frozenset(TITLE_ENDINGS)
"""Lowercase words inside an international act's own name, between capitalised words (``İnsan
Hüquqları və Əsas Azadlıqların Müdafiəsi haqqında Konvensiyası``, ``Korrupsiyaya qarşı Konvensiyası``)."""
DATED = _role("dated")[0]
"""``2022-ci il 4 aprel tarixli``: the date of an act."""
NUMBERED = _role("numbered")
"""``3199 nömrəli``: the number of an act."""
ITEM_NOUNS = _role("item_noun")
"""Items of plans and acts (``5.1-ci bəndinin``, ``4.2.10-cu yarımbəndinin``, ``12.4.2 bəndinin``)."""
ARTICLE_NOUNS = _role("article_noun")
"""Articles of laws (``109-cu maddəsinin``, ``30.1 maddəsinə``, ``maddə 15``); a part may follow."""
ARTICLE_PARTS = _role("article_part")
"""Parts of an article: ``109-cu maddəsinin 32-ci bəndi``, ``119-cu maddəsinin səkkizinci abzası``."""
PRONOUNS = frozenset(_role("pronoun"))
"""Never an issuer: ``onun 2014-cü il Protokolunun``."""
GAZETTE_WORDS = _role("gazette")
"""Words of official gazette citations: ``Qanunvericilik Toplusu, 2018-ci il, № 7, maddə 1434``
(an entry of the gazette, no article)."""
