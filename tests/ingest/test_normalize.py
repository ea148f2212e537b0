"""Normalizer: each step on hand-picked cases, and offset-map invariants on random text."""

from __future__ import annotations

import unicodedata

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportparse import load_text
from reportparse.document import RawText
from reportparse.ingest.normalize import normalize
from reportparse.lang.az.orthography import CYRILLIC_HOMOGLYPHS, HOMOGLYPH_TABLE


def text_of(raw: str) -> str:
    return load_text(raw).text


# --- steps ---------------------------------------------------------------------------------


def test_lines_inside_a_sentence_are_joined_and_paragraphs_kept():
    raw = (
        "Həmin Tədbirlər planının icrası barədə hesabat Azərbaycan Respublikasının Nazirlər \n"
        "Kabinetinə təqdim \nedilmişdir. \n\n \nİkinci paraqraf burada başlayır.\n"
    )
    assert text_of(raw) == (
        "Həmin Tədbirlər planının icrası barədə hesabat Azərbaycan Respublikasının Nazirlər "
        "Kabinetinə təqdim edilmişdir.\n\nİkinci paraqraf burada başlayır."
    )


def test_blank_line_inside_a_sentence_is_joined():
    raw = "2-ci bəndin icrasına dair (Korrupsiyaya qarşı mübarizə qaydaları ilə \n\nbağlı təlimlər):"
    assert text_of(raw) == "2-ci bəndin icrasına dair (Korrupsiyaya qarşı mübarizə qaydaları ilə bağlı təlimlər):"


def test_list_items_and_numbered_points_stay_on_their_own_lines():
    raw = "Sistem aşağıdakılardan ibarətdir:\n- bu Məcəllədən;\n- qanunlardan.\n1.1. Bu Qayda\nhazırlanmışdır."
    assert text_of(raw) == (
        "Sistem aşağıdakılardan ibarətdir:\n- bu Məcəllədən;\n- qanunlardan.\n1.1. Bu Qayda hazırlanmışdır."
    )


def test_uppercase_label_and_its_value_stay_apart():
    assert text_of("QƏBUL EDİLDİYİ TARİX\n14.03.2016\nQEYDİYYAT NÖMRƏSİ\n124") == (
        "QƏBUL EDİLDİYİ TARİX\n14.03.2016\nQEYDİYYAT NÖMRƏSİ\n124"
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("H E S A B A T", "HESABAT"),
        ("  Q A Y D A L A R I  ", "QAYDALARI"),
        ("Ö n    s ö z", "Ön söz"),
        ("Q Ə R A R İ\n\nMətn.", "QƏRARİ\n\nMətn."),
    ],
)
def test_letter_spaced_headings_become_words(raw, expected):
    assert text_of(raw) == expected


def test_letter_spacing_needs_three_letters_and_a_line_of_its_own():
    assert text_of("I bölmə") == "I bölmə"
    assert text_of("a b") == "a b"
    assert text_of("Bu a b c sözləridir.") == "Bu a b c sözləridir."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "Azərbaycan Respublikasının Qeyri-\nHökumət Təşkilatlarına",
            "Azərbaycan Respublikasının Qeyri-Hökumət Təşkilatlarına",
        ),
        (
            "“Əcnəbi işçi qüvvəsinə tələbat haqqında proqnoz-\nməlumatın hazırlanması”",
            "“Əcnəbi işçi qüvvəsinə tələbat haqqında proqnoz-məlumatın hazırlanması”",
        ),
        # a word broken by hyphenation, whose whole form occurs elsewhere
        (
            "təşkilatlarına dəstək; qeyri-hökumət təşki-\nlatlarına dəstək",
            "təşkilatlarına dəstək; qeyri-hökumət təşkilatlarına dəstək",
        ),
        # unknown fragments: hyphenation of one word
        ("müəyyənləş-\ndirilməsi", "müəyyənləşdirilməsi"),
        ("soft\u00ad\nhyphen and in\u00adside", "softhyphen and inside"),
    ],
)
def test_line_end_hyphens(raw, expected):
    assert text_of(raw) == expected


def test_cyrillic_look_alikes_in_latin_words_are_replaced():
    raw = "Аzərbаycаn Rеspublikаsı Prеzidеntinin 2004-cü il 6 may tаriхli Sərəncamı"
    assert text_of(raw) == "Azərbaycan Respublikası Prezidentinin 2004-cü il 6 may tarixli Sərəncamı"


def test_all_lookalike_cyrillic_word_in_latin_context_is_replaced():
    # "ора" would be Cyrillic by itself; among Latin words it is a look-alike error.
    assert text_of("insan alveri ilə bağlı ора çatmaq mümkün deyil") == "insan alveri ilə bağlı opa çatmaq mümkün deyil"


def test_genuine_cyrillic_is_untouched():
    raw = "Распоряжение Президента Азербайджанской Республики о мерах, а также сроки."
    assert text_of(raw) == raw
    mixed = "Qərarın rus dilində adı: «Распоряжение Президента» (tərcümə)."
    assert text_of(mixed) == mixed


def test_whitespace_and_invisible_characters():
    raw = "\ufeffBu\u00a0 \tsöz\u200b  və\r\nbu\u2003söz.\r\n\r\n\r\n\r\nSon."
    assert text_of(raw) == "Bu söz və bu söz.\n\nSon."


def test_nfc():
    decomposed = unicodedata.normalize("NFD", "Şəki şəhərində çoxlu ağac")
    assert text_of(decomposed) == "Şəki şəhərində çoxlu ağac"


def test_dashes_and_quotes_are_kept():
    raw = "2020–2022-ci illər, 2020─2024-cü illər, “Təmiz Dünya” və «Açıq» — hamısı"
    assert text_of(raw) == raw


def test_empty_and_blank_text():
    assert text_of("") == ""
    assert text_of(" \n\n \t ") == ""


def test_furniture_spans_are_dropped_without_a_paragraph_break():
    pages = ("Birinci səhifənin mətni davam\nedir və\nSəhifə 1 / 2", "Hesabat 2022\nsəhifədə bitir.")
    first = len(pages[0]) + 1
    furniture = ((pages[0].index("Səhifə"), len(pages[0])), (first, first + len("Hesabat 2022")))
    raw = RawText(pages=pages, source=None, sha256="0" * 64, format="pdf", extractor="test", furniture=furniture)
    doc = normalize(raw)
    assert doc.text == "Birinci səhifənin mətni davam edir və səhifədə bitir."
    assert [page.number for page in doc.pages] == [1, 2]
    assert doc.page_at(doc.text.index("səhifədə")) == 2
    assert doc.page_at(doc.text.index("davam")) == 1
    assert "Səhifə 1 / 2" in doc.raw_text


# --- offset map ----------------------------------------------------------------------------


def test_offsets_map_words_back_to_the_raw_text():
    raw = "1-ci bəndin icrasına dair (Azərbaycan Respublikası Dövlət \nMiqrasiya  Xidməti):\n\n\nH E S A B A T"
    doc = load_text(raw)
    for word in ("Miqrasiya", "Xidməti", "Dövlət", "1-ci"):
        start = doc.text.index(word)
        raw_start, raw_end = doc.raw_span(start, start + len(word))
        assert doc.raw_text[raw_start:raw_end] == word
    start = doc.text.index("HESABAT")
    raw_start, raw_end = doc.raw_span(start, start + len("HESABAT"))
    assert doc.raw_text[raw_start:raw_end] == "H E S A B A T"
    assert doc.raw_offset(len(doc.text)) == len(raw)


_IGNORED = str.maketrans("", "", " \t\n\r\f\v\u00a0\u2003\u00ad\u200b\ufeff-")


def canonical_letters(text: str) -> str:
    """What normalization must preserve: the non-space characters, up to NFC and look-alikes."""
    return unicodedata.normalize("NFD", text).translate(HOMOGLYPH_TABLE).translate(_IGNORED)


_PIECES = st.sampled_from(
    list("abcçdeəfgğhxıijkqlmnoöprsştuüvyzAƏİIŞÇĞÖÜQXqxz0123456789.,;:()“”«»")
    + list(CYRILLIC_HOMOGLYPHS)[:12]
    + [
        "и",
        "д",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\r\n",
        "\f",
        "\t",
        "-",
        "-\n",
        "–",
        "─",
        "\u00ad",
        "\u00ad\n",
        "\u0301",
        "\u0308",
        "\u200b",
        "\ufeff",
        "\u00a0",
        "H E S A B A T",
        "\n- ",
        "1. ",
        "Qeyri-\nHökumət",
    ]
)
_RANDOM_TEXT = st.lists(_PIECES, max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(_RANDOM_TEXT)
def test_offset_map_invariants(raw):
    doc = load_text(raw)
    to_raw = doc.offset_map.to_raw
    assert len(to_raw) == len(doc.text) + 1
    assert to_raw[-1] == len(raw)
    assert np.all(np.diff(to_raw) >= 0), "the map must be monotonic"
    if doc.text:
        assert to_raw[0] >= 0 and to_raw[-2] < len(raw)
    for start in range(0, len(doc.text), 7):
        end = min(len(doc.text), start + 5)
        raw_start, raw_end = doc.raw_span(start, end)
        assert 0 <= raw_start <= raw_end <= len(raw)
        assert 1 <= doc.page_at(start) <= len(doc.pages)


@settings(max_examples=300, deadline=None)
@given(_RANDOM_TEXT)
def test_normalization_loses_no_letters_and_leaves_clean_text(raw):
    text = load_text(raw).text
    assert canonical_letters(text) == canonical_letters(raw)
    assert "  " not in text and "\n\n\n" not in text and "\r" not in text and "\u00ad" not in text
    assert text == text.strip()
    assert unicodedata.is_normalized("NFC", text)
