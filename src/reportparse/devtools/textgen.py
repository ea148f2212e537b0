"""Hypothesis strategies for Azerbaijani-flavoured report text (property tests and fuzzing).

The pieces come from the language data in :mod:`reportparse.lang.az` (months, ordinal suffixes,
item nouns, heading tails, organization head nouns), so a new word added there is exercised
without touching the tests. Needs hypothesis (the ``[dev]`` extra).
"""

from __future__ import annotations

from typing import Literal

from hypothesis import strategies as st

from reportparse.lang.az.calendar import (
    DAY_ENDINGS,
    MONTH_GENITIVE_ENDINGS,
    MONTHS,
    RELATIVE_YEARS,
)
from reportparse.lang.az.casing import ALPHABET, ALPHABET_UPPER, capitalize
from reportparse.lang.az.organizations import CASE_ENDINGS, HEAD_NOUNS
from reportparse.lang.az.orthography import (
    DASHES,
    ITEM_HEADING_TAILS,
    ITEM_NOUNS,
    ORDINAL_SUFFIXES,
)

LETTERS = tuple(ALPHABET + ALPHABET_UPPER)
DASH_PIECES = tuple(DASHES) + ("\u2010", "\u00ad", "\u00ad\n", "-\n", " – ", " — ")
QUOTES = ("“", "”", "«", "»", '"', "„", "'", "’")
SPACES = (" ", " ", "  ", "\t", "\u00a0", "\u2009", "\u200b", "\ufeff")
BREAKS = ("\n", "\n", "\n\n", "\r\n", "\r", "\f", "\n\n\n", "\n- 3 -\n", "\nSəhifə 2/9\n", "\n12\n", " \n ")
NUMBERS = (
    "1",
    "2",
    "15",
    "30",
    "31",
    "0",
    "2022",
    "2024",
    "1999",
    "2 500",
    "2.500",
    "398,3",
    "20,0",
    "28.01.2022",
    "03-04-2016",
    "28/01/2022",
    "4.2.10",
    "5.1",
    "99999999999999999999",
    "IV",
    "II",
)
SUFFIXES = (
    tuple("-" + s for s in ORDINAL_SUFFIXES)
    + ORDINAL_SUFFIXES
    + tuple(DAY_ENDINGS)
    + ("-dək", "-a qədər", "nin", "nın", "ndə", "lər", "ları")
)
WORDS = (
    "il",
    "ilin",
    "ildə",
    "illər",
    "illərdə",
    " il ",
    "-ci il",
    "-cü il",
    "-cı ilin",
    "ayında",
    "rübü",
    "yarımil",
    "yarısında",
    "sonunadək",
    "ərzində",
    "tarixli",
    "tarixdə",
    "tarixində",
    "hesabat dövründə",
    "nəfər",
    "nəfərdən çox",
    "ədəd",
    "manat",
    "milyon",
    "min",
    "faiz",
    "%",
    "beş",
    "on iki",
    "iki min beş yüz",
    "çox",
    "artıq",
    "az",
    "yaxın",
    "üzərində",
    "təxminən",
    "ən azı",
    "bir",
    "bir neçə",
    "saylı",
    "nömrəli",
    "№",
    "Prezidentinin",
    "Sərəncamı",
    "Fərmanı",
    "Qərarı",
    "Qanununa",
    "Məcəlləsi",
    "maddəsinin",
    "bəndi",
    "Azərbaycan Respublikasının",
    "Azərbaycan Respublikası",
    "Nazirlər Kabinetinə",
    "yanında",
    "və",
    ", ",
    "Qeyri-Hökumət Təşkilatlarına",
    "Dövlət",
    "Miqrasiya",
    "İctimai Birliyi",
    "“Təmiz Dünya”",
    "DİN",
    "BMT",
    "HESABAT",
    "H E S A B A T",
    "Tədbir:",
    "İcraçı:",
    "İcra müddəti:",
    "mütəmadi",
    "Аzərbаycаn",
    "(",
    ")",
    ":",
    ";",
    ".",
    ",",
    "(bax: ",
    "1. ",
    "\n- ",
    "• ",
)
HEADING_PIECES = (
    tuple(f"bəndin {tail}" for tail in ITEM_HEADING_TAILS)
    + tuple(ITEM_NOUNS)
    + (
        "1-ci bəndin icrasına dair (",
        "Bənd 3.",
        "3-cü bənd üzrə:",
        "5. Fəaliyyət Planının 5-ci bəndinin icrasına dair:",
        "4.2.10-cu yarımbəndin icrası barədə",
        "2-ci, 43-cü və 44-cü bəndlərinin icrasına dair",
        "yarımbənd 5.3.4 üzrə ",
        "bəndlərin",
        "BƏNDİN İCRASINA DAİR",
    )
)
MONTH_PIECES = (
    MONTHS
    + tuple(capitalize(m) for m in MONTHS)
    + tuple(m + e for m in MONTHS[::3] for e in MONTH_GENITIVE_ENDINGS[:2])
)
ORG_PIECES = HEAD_NOUNS + tuple(noun + CASE_ENDINGS[i % len(CASE_ENDINGS)] for i, noun in enumerate(HEAD_NOUNS))
RELATIVE_PIECES = tuple(RELATIVE_YEARS)

PIECES = (
    LETTERS
    + DASH_PIECES
    + QUOTES
    + SPACES
    + BREAKS
    + NUMBERS
    + SUFFIXES
    + WORDS
    + HEADING_PIECES
    + MONTH_PIECES
    + ORG_PIECES
    + RELATIVE_PIECES
)
"""Every fixed piece the report-like text is made of."""

# Any character except lone surrogates, which no reader can produce (UTF-8 and UTF-16 decoding reject them).
_SURROGATES: tuple[Literal["Cs"]] = ("Cs",)
any_character = st.characters(exclude_categories=_SURROGATES)
piece = st.one_of(st.sampled_from(PIECES), st.sampled_from(PIECES), st.sampled_from(PIECES), any_character)


def _joined(*parts: st.SearchStrategy[str] | str) -> st.SearchStrategy[str]:
    return st.tuples(*(st.just(part) if isinstance(part, str) else part for part in parts)).map("".join)


_gap = st.sampled_from(("", " ", " ", "  ", "\n", "-", "–", "\u00a0"))
_maybe = st.one_of(st.just(""), st.sampled_from(PIECES))
_day = st.one_of(st.integers(0, 40).map(str), st.sampled_from(("01", "9", "29", "31")))
_year = st.one_of(st.integers(1899, 2101).map(str), st.sampled_from(("2022", "2023", "0000", "20222")))
_ordinal = st.sampled_from(SUFFIXES[:8])
_il = st.sampled_from(("il", "ilin", "ildə", "illər", "illərdə", "il ərzində", "ilin sonunadək", "il tarixli"))

date_phrase = st.one_of(
    _joined(_day, _gap, st.sampled_from(MONTH_PIECES), _gap, _year, _gap, _ordinal, _gap, _il),
    _joined(_year, _gap, _ordinal, " ", _il, _gap, _day, _gap, st.sampled_from(MONTH_PIECES), _maybe),
    _joined(_day, st.sampled_from(".-/"), st.integers(0, 13).map(str), st.sampled_from(".-/"), _year, _maybe),
    _joined(_year, st.sampled_from(DASH_PIECES), _year, _gap, _ordinal, " ", _il),
    _joined(
        st.sampled_from(RELATIVE_PIECES + ("I", "II", "IV", "birinci")),
        _gap,
        st.sampled_from(("ilin", "rübü", "yarımil", "il", "ilin 14 iyun")),
        _maybe,
    ),
    _joined(st.sampled_from(MONTH_PIECES), _gap, _day, st.sampled_from(("-dək", "-a qədər", "", "-nə"))),
)
heading_phrase = _joined(
    st.sampled_from(("\n", "\n\n", "\f")),
    st.sampled_from(("", "", "5. ", "Fəaliyyət Planının ")),
    st.sampled_from(("1", "2", "3.1", "4.2.10", "12")),
    _gap,
    _ordinal,
    st.sampled_from(("", ", 43-cü və 44-cü", " və 5-ci")),
    " ",
    st.sampled_from(tuple(ITEM_NOUNS) + ("bəndin", "bəndinin")),
    " ",
    st.sampled_from(ITEM_HEADING_TAILS + ("icrası", "")),
    st.sampled_from(("", " (", ":", " (Öhdəlik):\n", "(")),
)
count_phrase = _joined(
    st.sampled_from(("", "təxminən ", "ən azı ")),
    st.sampled_from(NUMBERS + ("beş", "on iki", "iki min beş yüz", "bir")),
    _gap,
    st.sampled_from(("nəfər", "nəfərdən", "ədəd", "manat", "milyon manat", "faiz", "%", "tədbir", "mövzuda")),
    _maybe,
    st.sampled_from(("", " çox", " artıq", " az", " yaxın", " üzərində")),
)
org_phrase = _joined(
    st.sampled_from(("", "Azərbaycan Respublikasının ", "Azərbaycan Respublikası ", "“Təmiz Dünya” ")),
    st.sampled_from(("Dövlət Miqrasiya ", "Ədliyyə ", "Qeyri-Hökumət Təşkilatlarına Dövlət Dəstəyi ", "Miqrant ", "")),
    st.sampled_from(ORG_PIECES),
    st.sampled_from(("", " yanında ", " və ", ", ")),
    _maybe,
)
reference_phrase = _joined(
    st.sampled_from(("Azərbaycan Respublikası Prezidentinin ", "Nazirlər Kabinetinin ", "“Dövlət borcu haqqında” ")),
    date_phrase,
    st.sampled_from((" tarixli ", " ")),
    st.sampled_from(("3199", "713-IVQ", "42", "")),
    st.sampled_from((" nömrəli ", " saylı ", " ")),
    st.sampled_from(("Sərəncamı", "Fərmanına", "Qanununa", "Qərarı", "əmri")),
    st.sampled_from(("", " 5.1-ci bəndinin", " 109-cu maddəsinin 32-ci bəndi")),
)
phrase = st.one_of(date_phrase, heading_phrase, count_phrase, org_phrase, reference_phrase)

report_text = st.one_of(
    st.lists(piece, max_size=80).map("".join),
    st.lists(
        _joined(st.one_of(phrase, phrase, piece), st.sampled_from((" ", " ", " ", ". ", ", ", "\n", ""))), max_size=30
    ).map("".join),
)
"""Random text mixing Azerbaijani letters, numbers, dashes, quotes, suffixes, month names,
headings, organization nouns, line and page breaks, and any other Unicode character: either a
soup of pieces, or (half the time) phrases shaped like dates, item headings, counts,
organization names and act references with random parts and separators."""

years = st.one_of(st.none(), st.integers(1900, 2100))
"""A reporting year as a caller passes it (``year=``/``--year``), or none."""

long_report_text = st.lists(
    _joined(st.one_of(phrase, piece), st.sampled_from((" ", ". ", "\n", ""))), min_size=50, max_size=600
).map("".join)
"""Like :data:`report_text`, some pages long: for the fuzzer, where slow (backtracking) patterns show."""
