"""Tests for reportparse.lang.az.casing."""

from __future__ import annotations

import itertools
import random
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportparse.lang.az.casing import (
    ALPHABET,
    ALPHABET_UPPER,
    capitalize,
    casefold,
    is_lower,
    is_upper,
    lower,
    sort_key,
    title,
    upper,
)

AZ_LETTERS = ALPHABET + ALPHABET_UPPER
TRICKY = "İIıißẞŉǰﬀﬃΣσςǅǄǆK\u0307\u0301ΐ"

az_words = st.text(alphabet=AZ_LETTERS, max_size=12)
mixed_text = st.text(
    alphabet=st.one_of(
        st.characters(),
        st.sampled_from(AZ_LETTERS + TRICKY),
        st.sampled_from(" -\t\n\u00a0«»\"'.,0123456789"),
    ),
    max_size=40,
)


def az_index(word: str) -> tuple[int, ...]:
    return tuple(ALPHABET.index(ch) for ch in lower(word))


# --- exact examples ------------------------------------------------------------------------


def test_alphabet_data():
    assert len(ALPHABET) == len(ALPHABET_UPPER) == 32
    assert upper(ALPHABET) == ALPHABET_UPPER
    assert lower(ALPHABET_UPPER) == ALPHABET


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("İSTANBUL", "istanbul"),
        ("IŞIQ", "ışıq"),
        ("AZƏRBAYCAN RESPUBLİKASI", "azərbaycan respublikası"),
        ("İqtisadİyyat", "iqtisadiyyat"),
        ("", ""),
        ("123 .,", "123 .,"),
        ("ΟΔΟΣ", "οδος"),  # final sigma still handled by str.lower
    ],
)
def test_lower(text, expected):
    assert lower(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("iqtisadiyyat", "İQTİSADİYYAT"),
        ("ılıq", "ILIQ"),
        ("şəki", "ŞƏKİ"),
        ("straße", "STRAßE"),  # ß would expand to SS: left unchanged
        ("ﬀi", "ﬀİ"),
        ("", ""),
    ],
)
def test_upper(text, expected):
    assert upper(text) == expected


def test_python_defaults_are_wrong_but_ours_are_not():
    assert "İ".lower() != "i" and lower("İ") == "i"
    assert "I".lower() == "i" and lower("I") == "ı"
    assert "i".upper() == "I" and upper("i") == "İ"


def test_casefold():
    assert casefold("İSTANBUL") == casefold("istanbul") == "istanbul"
    assert casefold("IŞIQ") == casefold("ışıq") == "ışıq"
    assert casefold("I") != casefold("i")
    assert casefold("I\u0307stanbul") == "istanbul"  # NFD İ is composed first
    assert casefold("ΟΔΟΣ") == casefold("οδος") == "οδοσ"
    assert casefold("STRAẞE") == "straße"  # ẞ casefolds to "ss": lowered instead
    assert casefold("Straße") == "straße"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("qeyri-hökumət təşkilatları", "Qeyri-Hökumət Təşkilatları"),
        ("QEYRİ-HÖKUMƏT TƏŞKİLATLARI", "Qeyri-Hökumət Təşkilatları"),
        ("iqtisadiyyat nazirliyi", "İqtisadiyyat Nazirliyi"),
        ("ılıq su", "Ilıq Su"),
        ("«bakı» şəhəri", "«Bakı» Şəhəri"),
        ("3-cü  bənd", "3-cü  Bənd"),
        ("2020-ci il", "2020-ci İl"),
        ("bakı–tbilisi–ceyhan", "Bakı–Tbilisi–Ceyhan"),
        ("", ""),
    ],
)
def test_title(text, expected):
    assert title(text) == expected


def test_capitalize():
    assert capitalize("istanbul") == "İstanbul"
    assert capitalize("ılıq") == "Ilıq"
    assert capitalize("iSTANBUL") == "İSTANBUL"  # rest unchanged
    assert capitalize("ßa") == "ßa"
    assert capitalize("") == ""


def test_is_upper_is_lower():
    assert is_upper("İSTANBUL") and is_upper("IŞIQ 2024")
    assert not is_upper("İstanbul") and not is_upper("123")
    assert is_lower("ışıq") and is_lower("istanbul")
    assert not is_lower("Işıq") and not is_lower("...")


def test_sort_letters():
    letters = ["ə", "e", "ç", "c", "ı", "i", "x", "h", "q", "k"]
    assert sorted(letters, key=sort_key) == ["c", "ç", "e", "ə", "h", "x", "ı", "i", "k", "q"]


def test_sort_whole_alphabet():
    shuffled = list(AZ_LETTERS)
    random.Random(0).shuffle(shuffled)
    expected = [ch for pair in zip(ALPHABET, ALPHABET_UPPER, strict=True) for ch in pair]
    assert sorted(shuffled, key=sort_key) == expected


def test_sort_words():
    assert sort_key("Cəbrayıl") < sort_key("Çay") < sort_key("Daşkəsən")
    words = ["Zaqatala", "Xaçmaz", "İsmayıllı", "Imişli", "Qax", "Kəlbəcər", "Hacıqabul"]
    assert sorted(words, key=sort_key) == [
        "Hacıqabul",
        "Xaçmaz",
        "Imişli",
        "İsmayıllı",
        "Kəlbəcər",
        "Qax",
        "Zaqatala",
    ]


def test_sort_ignores_case_then_lowercase_first():
    assert sorted(["Ab", "ac", "aB", "ab"], key=sort_key) == ["ab", "aB", "Ab", "ac"]
    assert sorted(["İl", "il"], key=sort_key) == ["il", "İl"]
    assert sort_key("bakı") < sort_key("Bakı") < sort_key("bakılı")


def test_sort_fallback_classes():
    items = ["w", "a", "z", "5", "1", ".", " ", "é", "я", "ə"]
    assert sorted(items, key=sort_key) == [" ", ".", "1", "5", "a", "ə", "z", "w", "é", "я"]


# --- exhaustive and property tests -----------------------------------------------------------


def test_every_code_point_keeps_length():
    everything = "".join(map(chr, range(0x110000)))
    for fn in (lower, upper, title):
        assert len(fn(everything)) == len(everything), fn.__name__
    for cp in range(0x110000):
        ch = chr(cp)
        assert len(lower(ch)) == 1 and len(upper(ch)) == 1 and len(title(ch)) == 1
        if unicodedata.is_normalized("NFC", ch):
            assert len(casefold(ch)) == 1


@given(mixed_text)
def test_length_preserved(text):
    assert len(lower(text)) == len(text)
    assert len(upper(text)) == len(text)
    assert len(title(text)) == len(text)
    assert len(capitalize(text)) == len(text)
    nfc = unicodedata.normalize("NFC", text)
    assert len(casefold(nfc)) == len(nfc)


@given(mixed_text)
def test_position_by_position(text):
    # each output character comes from the input character at the same offset
    # (only the final-sigma rule of str.lower looks at context)
    per_char = "".join(map(lower, text))
    assert lower(text).replace("ς", "σ") == per_char.replace("ς", "σ")
    assert upper(text) == "".join(map(upper, text))


@given(az_words)
def test_round_trips_on_az_letters(word):
    assert lower(upper(word)) == lower(word)
    assert upper(lower(word)) == upper(word)
    assert casefold(word) == casefold(upper(word)) == casefold(lower(word)) == lower(word)
    assert is_lower(lower(word)) == bool(word)
    assert is_upper(upper(word)) == bool(word)


@given(az_words)
def test_title_on_az_letters(word):
    titled = title(word)
    if word:
        assert titled[0] == upper(word[0])
        assert titled[1:] == lower(word[1:])


@given(az_words, az_words)
def test_sort_key_consistent_with_alphabet(a, b):
    ka, kb = sort_key(a), sort_key(b)
    assert (ka == kb) == (a == b)
    if az_index(a) < az_index(b):
        assert ka < kb
    if az_index(a) == az_index(b):
        # same letters: decided by case, lowercase first
        def flags(word: str) -> tuple[int, ...]:
            return tuple(int(ch in ALPHABET_UPPER) for ch in word)

        assert (ka < kb) == (flags(a) < flags(b)) or a == b


@given(st.lists(mixed_text, max_size=8), st.randoms())
def test_sort_key_total_order(words, rnd):
    ordered = sorted(words, key=sort_key)
    shuffled = list(words)
    rnd.shuffle(shuffled)
    assert sorted(shuffled, key=sort_key) == ordered
    for x, y, z in itertools.product(words[:4], repeat=3):
        kx, ky, kz = sort_key(x), sort_key(y), sort_key(z)
        assert (kx == ky) == (x == y)
        assert (kx < ky) or (ky < kx) or x == y
        if kx <= ky <= kz:
            assert kx <= kz


def test_a_document_is_folded_once_however_many_stages_fold_it(monkeypatch):
    """Every stage folds ``document.text``; the fold is computed once per document."""
    import reportparse
    from reportparse.lang.az import casing
    from reportparse.pipeline import extract_tables

    document = reportparse.load(reportparse.sample_report_path())
    folded_texts: list[str] = []
    remember = casing._remember

    def counting(text: str, folded: str) -> None:
        folded_texts.append(text)
        remember(text, folded)

    monkeypatch.setattr(casing, "_remember", counting)
    extract_tables(document)
    assert sum(text is document.text for text in folded_texts) == 1
    assert casing.casefold(document.text) == document.text.replace("İ", "i").replace("I", "ı").casefold()
    fresh = document.text + " "
    assert casing.casefold(fresh) == casing.casefold(document.text) + " "  # another text is folded anew
