"""Azerbaijani numbers and quantities as data: number words, multipliers, measure words,
time units, qualifiers, currencies and the words that make a number an identifier.

All forms are case-folded (see :func:`reportparse.lang.az.casing.casefold`); the counts
extractor matches them on the case-folded text.
"""

from __future__ import annotations

UNITS = {"bir": 1, "iki": 2, "üç": 3, "dörd": 4, "beş": 5, "altı": 6, "yeddi": 7, "səkkiz": 8, "doqquz": 9}
"""Number words below ten."""
TENS = {
    "on": 10,
    "iyirmi": 20,
    "otuz": 30,
    "qırx": 40,
    "əlli": 50,
    "altmış": 60,
    "yetmiş": 70,
    "səksən": 80,
    "doxsan": 90,
}
"""Multiples of ten: ``on iki`` = 12."""
HUNDRED = {"yüz": 100}
"""``iki yüz`` = 200; ``yüz`` alone is 100."""

MULTIPLIERS = {"min": 1_000, "milyon": 1_000_000, "mln": 1_000_000, "milyard": 1_000_000_000, "mlrd": 1_000_000_000}
"""Words that multiply what precedes them: ``2 min``, ``398,3 milyon``, ``4,2 mln.``; they
may carry a case ending (``9 mindən çox``, ``3 minə yaxın``)."""

NOT_A_NUMBER_AFTER_BIR = ("neçə", "sıra", "qədər", "az", "çox", "necə", "dəfəlik", "daha", "yerdə", "tərəfdən")
"""``bir neçə`` (several), ``bir sıra`` (a number of): ``bir`` before these is no number."""

MEASURE_WORDS = frozenset(
    {
        # Classifiers and units: the counted thing may follow (``8 nəfər üzv``, ``2500 ədəd buklet``).
        "nəfər",
        "ədəd",
        "nüsxə",
        "dəfə",
        "növ",
        "cüt",
        "dəst",
        "hektar",
        "ha",
        "ton",
        "kiloqram",
        "kq",
        "qram",
        "litr",
        "metr",
        "kilometr",
        "km",
        "kvadratmetr",
        "kv.m",
        "m2",
        "kubmetr",
        "giqabayt",
        "meqabayt",
        "terabayt",
    }
)
"""Lemmas of measure words: the count's ``unit``; ``counted`` is the noun after them."""
NOTHING_COUNTED = frozenset({"dəfə"})
"""Measure words of events, not things: ``iki dəfə baxış keçirilmişdir`` counts no ``baxış``."""

TIME_UNITS = frozenset({"saniyə", "dəqiqə", "saat", "gün", "həftə", "ay", "il", "rüb", "əsr"})
"""Lemmas of time units: ``5 iş günü``, ``24 saat`` are durations, never counts."""
DURATION_ADJECTIVES = ("günlük", "həftəlik", "aylıq", "illik", "saatlıq", "dəqiqəlik", "rüblük", "yaşlı")
"""``2 günlük təlim``, ``15 illik tərəfdaşlıq``: a duration (or an age), never a count."""
DURATION_MODIFIERS = ("iş",)
"""``5 iş günü``: a word between the number and the time unit."""
AGE_WORDS = ("yaş",)
"""``18 yaşınadək``: an age, never a count."""

IDENTIFIER_WORDS = ("saylı", "nömrəli")
"""``2 saylı``, ``3199 nömrəli``: the number names something, it counts nothing."""
IDENTIFIER_SIGNS = ("№", "no.", "nö")
"""``№ 123``: an identifier follows."""

QUALIFIERS_BEFORE = {
    "təxminən": "approx",
    "təqribən": "approx",
    "ən azı": "at_least",
    "azı": "at_least",
    "ən çoxu": "at_most",
    "ən çox": "at_most",
    "maksimum": "at_most",
    "minimum": "at_least",
}
"""Words before the number: ``təxminən 15%``, ``ən azı 30``."""
QUALIFIERS_AFTER_ABLATIVE = {
    "çox": "more_than",
    "çoxu": "more_than",
    "artıq": "more_than",
    "yuxarı": "more_than",
    "az": "less_than",
    "azı": "less_than",
    "aşağı": "less_than",
}
"""After an ablative (``50 nəfərdən çox``, ``3 200-dən artıq``)."""
QUALIFIERS_AFTER_DATIVE = {"yaxın": "approx", "qədər": "at_most"}
"""After a dative (``600-ə yaxın``, ``500 nəfərə qədər``)."""
QUALIFIERS_AFTER_GENITIVE = {"üzərində": "more_than"}
"""After a genitive: ``100 nəfərin üzərində``."""
UP_TO_ENDINGS = ("dək", "cən")
"""``100-dək``, ``500 nəfərədək``: at most."""

CURRENCIES = {
    # Currency nouns and codes (lemmas, case-folded) → ISO code; they inflect (``manatdan``).
    "manat": "AZN",
    "azn": "AZN",
    "dollar": "USD",
    "usd": "USD",
    "avro": "EUR",
    "euro": "EUR",
    "eur": "EUR",
    "rubl": "RUB",
    "rub": "RUB",
    "sterlinq": "GBP",
    "gbp": "GBP",
    "lirə": "TRY",
    "try": "TRY",
    "yuan": "CNY",
}
"""Currency names and codes."""
CURRENCY_COUNTRIES = {"abş": "USD", "amerika": "USD", "türk": "TRY", "rusiya": "RUB", "funt": "GBP", "çin": "CNY"}
"""Words before a currency noun that belong to the name (``ABŞ dolları``, ``funt sterlinq``)."""

PERCENT_WORDS = ("faiz",)
"""``20,0 faiz``, ``14,6 faizi``; ``%`` is the sign."""
