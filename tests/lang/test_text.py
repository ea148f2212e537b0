"""The text layer: one folding, one tokenizer, one cached analysis per token; Document.layer."""

from __future__ import annotations

import doctest
import gc
import math
import pickle
import time
import weakref

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportparse import load_text
from reportparse.lang.az import text as text_module
from reportparse.lang.az.casing import casefold
from reportparse.lang.az.morphology import analyze_reading
from reportparse.lang.az.text import TextLayer


def tokens(text: str) -> list[tuple[str, str]]:
    return [(token.surface, token.kind) for token in TextLayer.of(text).tokens]


def test_doctests():
    assert doctest.testmod(text_module).failed == 0


# --- tokens ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Əməkdaşlıq, İSESCO ilə.",
            [("Əməkdaşlıq", "word"), (",", "punct"), ("İSESCO", "word"), ("ilə", "word"), (".", "punct")],
        ),
        ("2 500 ədəd", [("2 500", "number"), ("ədəd", "word")]),
        ("2.500 ədəd", [("2.500", "number"), ("ədəd", "word")]),
        ("398,3 milyon", [("398,3", "decimal"), ("milyon", "word")]),
        ("28.01.2022 tarixli", [("28.01.2022", "date"), ("tarixli", "word")]),
        ("03-04-2016", [("03-04-2016", "date")]),
        ("19.09.88", [("19.09.88", "date")]),
        ("4.2.10-cu yarımbənd", [("4.2.10-cu", "item"), ("yarımbənd", "word")]),
        ("12.4.2 bəndinin", [("12.4.2", "item"), ("bəndinin", "word")]),
        ("2016-17", [("2016", "number"), ("-", "punct"), ("17", "number")]),
        ("713-IVQ", [("713", "number"), ("-", "punct"), ("IVQ", "word")]),
        ("Qeyri-Hökumət", [("Qeyri-Hökumət", "word")]),
        ("“Azon” zavodu", [("“", "quote"), ("Azon", "word"), ("”", "quote"), ("zavodu", "word")]),
        (
            '«Bakı» „x"',
            [("«", "quote"), ("Bakı", "word"), ("»", "quote"), ("„", "quote"), ("x", "word"), ('"', "quote")],
        ),
        ("2022.", [("2022", "number"), (".", "punct")]),
        ("2.500.", [("2.500", "number"), (".", "punct")]),
    ],
)
def test_tokens_and_their_kinds(text, expected):
    assert tokens(text) == expected


@pytest.mark.parametrize(
    ("text", "base", "suffix", "kind", "lemma", "case", "derivation"),
    [
        ("BMT-nin", "BMT", "nin", "word", "bmt", "genitive", ""),
        ("ASC-nin", "ASC", "nin", "word", "asc", "genitive", ""),
        ("NATO-nun", "NATO", "nun", "word", "nato", "genitive", ""),
        ("QHT-lərə", "QHT", "lərə", "word", "qht", "dative", ""),
        ("2022-ci", "2022", "ci", "number", "2022", "nominative", "ordinal"),
        ("2022-Cİ", "2022", "Cİ", "number", "2022", "nominative", "ordinal"),
        ("15-də", "15", "də", "number", "15", "locative", ""),
        ("30-dək", "30", "dək", "number", "30", "nominative", "up_to"),
        ("01.09.2003-dən", "01.09.2003", "dən", "date", "01.09.2003", "ablative", ""),
        ("5.1-ci", "5.1", "ci", "item", "5.1", "nominative", "ordinal"),
        ("Bakı’nın", "Bakı", "nın", "word", "bakı", "genitive", ""),
    ],
)
def test_an_ending_after_a_hyphen_stays_in_its_token(text, base, suffix, kind, lemma, case, derivation):
    (token,) = TextLayer.of(text).tokens
    assert (token.surface, token.base, token.suffix, token.kind) == (text, base, suffix, kind)
    assert (token.analysis.lemma, token.analysis.case, token.analysis.derivation) == (lemma, case, derivation)


def test_no_base_and_suffix_for_compounds_and_plain_words():
    layer = TextLayer.of("Qeyri-Hökumət tarix-mədəniyyət Xidmət Qur’an")
    assert [(t.base, t.suffix) for t in layer.tokens] == [(None, None)] * 4
    assert [t.lemma for t in layer.tokens] == ["qeyri-hökumət", "tarix-mədəniyyət", "xidmət", "qur"]


def test_values_of_numbers():
    layer = TextLayer.of("2 500 2.500 398,3 50 28.01.2022 4.2.10 2022-ci 1\u00a0000")
    assert [t.value for t in layer.tokens] == [2500, 2500, 398.3, 50, None, None, 2022, 1000]


def test_folded_once_and_aligned():
    text = "İNSAN HÜQUQLARI üzrə MÜVƏKKİLİ, Iğdır"
    layer = TextLayer.of(text)
    assert layer.folded == casefold(text) and len(layer.folded) == len(text)
    assert [t.folded for t in layer.tokens] == ["insan", "hüquqları", "üzrə", "müvəkkili", ",", "ığdır"]
    assert [t.lemma for t in layer.tokens][:4] == ["insan", "hüquq", "üzrə", "müvəkkil"]


# --- analyses ------------------------------------------------------------------------------------


def test_the_analysis_is_computed_once_and_uses_the_documents_vocabulary():
    layer = TextLayer.of("Köhnə vəhdələrin siyahısı. Bu vəhdə bərpa edilib.")
    token = next(t for t in layer.tokens if t.surface == "vəhdə")
    assert "vəhdə" in layer.vocabulary
    assert token.analysis is token.analysis
    assert token.analysis.lemma == "vəhdə"  # vəh + locative without the plural in the text
    assert analyze_reading("vəhdə").lemma == "vəh"
    assert token.analysis in token.readings


def test_analysis_with_other_known_lemmas():
    layer = TextLayer.of("Fərmanı imzaladı")
    token = layer.tokens[0]
    assert layer.analyze(token, known=frozenset({"fərma"})).lemma == "fərma"
    assert layer.analyze(token).lemma == "fərman"
    assert TextLayer.of(",").tokens[0].analysis is None


def test_positions():
    layer = TextLayer.of("Bir  iki\nüç, dörd")
    assert [t.surface for t in layer.tokens] == ["Bir", "iki", "üç", ",", "dörd"]
    assert layer.index_at(4) == 1 and layer.index_at(5) == 1 and layer.index_at(100) == 5
    assert layer.token_at(5).surface == "iki" and layer.token_at(3) is None
    assert [t.surface for t in layer.tokens_in(4, 12)] == ["iki", "üç", ","]
    assert layer.gap_before(1) == "  " and layer.newline_before(2) and not layer.newline_before(1)
    assert [t.index for t in layer.words()] == [0, 1, 2, 4]


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(
            st.sampled_from(list("əıöüğşçİIiaAq -‐'’“”«»\"„.,:;%№0123456789\n\t\u00a0\u0307")),
            st.characters(),
        ),
        max_size=80,
    )
)
def test_offsets_hold_on_any_text(text):
    layer = TextLayer.of(text)
    assert len(layer.folded) == len(text)
    previous_end = 0
    covered = set()
    for index, token in enumerate(layer.tokens):
        assert text[token.start : token.end] == token.surface
        assert token.index == index and previous_end <= token.start < token.end
        assert token.folded == layer.folded[token.start : token.end]
        if token.split >= 0:
            assert token.surface == token.base + token.surface[token.split] + token.suffix
        previous_end = token.end
        covered.update(range(token.start, token.end))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


# --- the document's layer ------------------------------------------------------------------------


def test_document_layer_is_built_once():
    document = load_text("Dövlət Miqrasiya Xidmətinin 2022-ci il hesabatı")
    layer = document.layer
    assert layer is document.layer and layer.text == document.text
    assert [t.surface for t in layer.tokens][:2] == ["Dövlət", "Miqrasiya"]
    document.text = "Başqa mətn"
    assert document.layer is not layer and document.layer.text == "Başqa mətn"


def test_a_pickled_document_leaves_its_layer_behind():
    document = load_text("Milli Məclisin 2022-ci il iclası")
    assert document.layer.tokens[1].analysis.lemma == "məclis"
    restored = pickle.loads(pickle.dumps(document))
    assert "_layer" not in restored.__dict__ and "_layer" in document.__dict__
    assert [t.surface for t in restored.layer.tokens] == [t.surface for t in document.layer.tokens]


def test_a_dropped_layer_is_freed_at_once():
    layer = TextLayer.of("Dövlət Miqrasiya Xidmətinin əməkdaşları")
    token = layer.tokens[2]
    reference = weakref.ref(layer)
    gc.disable()
    try:
        del layer
        assert reference() is None  # no cycle between the layer and its tokens
    finally:
        gc.enable()
    assert token.surface == "Xidmətinin" and token.analysis.lemma == "xidmət"


# --- linear time ---------------------------------------------------------------------------------

_SENTENCE = (
    "BMT-nin Qaçqınlar üzrə Ali Komissarlığının 28.01.2022-ci il tarixli məktubuna əsasən 2 500 ədəd "
    "buklet, 398,3 milyon manat, 4.2.10-cu yarımbəndin icrası “Azon” zavodu Məclisinə 15-də təqdim edilib.\n"
)


def _layer_and_analyses(text: str) -> object:
    layer = TextLayer.of(text)
    return [token.analysis for token in layer.tokens]


def _cpu_seconds(text: str) -> float:
    _layer_and_analyses(text)
    best = math.inf
    for _ in range(3):
        gc.collect()
        started = time.process_time()
        _layer_and_analyses(text)
        best = min(best, time.process_time() - started)
    return max(best, 1e-4)


@pytest.mark.parametrize(
    ("make", "n"),
    [
        (lambda n: _SENTENCE * n, 150),
        (lambda n: "ab-" * n + "cd", 4000),  # one long hyphenated compound
        (lambda n: "müəyyənləşdirilməsi" * n, 2000),  # one long word
        (lambda n: "1" + " 234" * n + " manat", 4000),  # one long grouped number
        (lambda n: "2.500" + ".500" * n + "1", 4000),  # dotted groups that end as an item
        (lambda n: "1-ci" * n, 3000),
        (lambda n: "“" * n + "a’" * n, 3000),
    ],
    ids=["sentences", "hyphen-chain", "long-word", "number-groups", "dotted-groups", "no-spaces", "quotes"],
)
def test_layer_is_linear(make, n):
    for _attempt in range(2):
        small, large = _cpu_seconds(make(n)), _cpu_seconds(make(8 * n))
        if large <= 12 * small:
            break
    assert large <= 12 * small, f"{small * 1000:.1f} ms at n, {large * 1000:.1f} ms at 8n: not linear"


def test_the_layer_of_a_text_is_kept_for_the_next_stage() -> None:
    text = "Azərbaycan Respublikasının Dövlət Miqrasiya Xidməti 2022-ci ildə " * 10
    layer = TextLayer.of(text)
    assert TextLayer.of(text) is layer
    assert TextLayer.of("".join(list(text))) is layer  # an equal string (spaCy's doc.text) too
    assert layer._tokens is None  # tokenized on first use only
    assert layer.tokens and layer._tokens is not None
    other = TextLayer.of(text + ".")
    assert other is not layer and TextLayer.of(text + ".") is other
    short = "BMT-nin"
    assert TextLayer.of(short) is not TextLayer.of(short)  # short texts are not kept


def test_spacy_components_of_one_doc_share_one_layer(monkeypatch) -> None:
    import spacy

    import reportparse.components  # noqa: F401
    from reportparse.lang.az import text as text_module

    built: list[str] = []
    original = text_module.TextLayer.__init__

    def counting(self, text: str) -> None:
        built.append(text)
        original(self, text)

    monkeypatch.setattr(text_module.TextLayer, "__init__", counting)
    nlp = spacy.blank("az")
    for name in ("az_dates", "az_organizations", "az_counts", "az_references"):
        nlp.add_pipe(name)
    body = (
        "1-ci bəndin icrasına dair: 15 mart 2022-ci il tarixdə Dövlət Miqrasiya Xidməti "
        "50 nəfər üçün təlim keçirmişdir. "
    )
    nlp(body * 5)
    assert sum(len(text) >= 200 for text in built) == 1


def test_spans_are_the_tokens_without_objects_and_a_token_found_alone_is_kept() -> None:
    text = "BMT-nin 2022-ci il Qur’an Qeyri-Hökumət DİN-in 28.01.2022-dən «a» x-"
    layer = TextLayer(text)
    found = layer.token_at(text.index("Qur"))
    assert layer._tokens is None and found is not None and found.surface == "Qur’an"
    assert layer.spans == [(t.start, t.end, t.kind, t.split) for t in layer.tokens]
    assert layer.tokens[found.index] is found
