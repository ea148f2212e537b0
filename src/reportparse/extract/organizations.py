"""Organization mentions: a grammar of Azerbaijani official names, canonical names, ids and types.

A name ends in a head noun (``Agentliyinin``, ``Şurasına``, ``İctimai Birliyi``) and runs left
over name words: capitalised words, quoted names, abbreviations, and the lowercase words that
official names contain (``Korrupsiyaya qarşı mübarizə üzrə Komissiyası``). On top of single
names the grammar knows

* ``X yanında Y`` — one mention of Y, attached to X (``parent``);
* a unit after its parent in the genitive (``Baş Prokurorluğunun … Baş İdarəsi``);
* coordination under a plural head (``Ədliyyə və Daxili İşlər nazirlikləri`` → two ministries);
* short forms (``Miqrant Şurasının``) linked to the full name met before, and bare heads
  (``Xidmətin``, ``Agentlik``) linked to the body they refer to, flagged ``anaphoric``;
* in-document coreference: a short form whose words are part of exactly one fuller name of the
  document is that entity (``Rayon İcra Hakimiyyəti`` → ``Şuşa Rayon İcra Hakimiyyəti``);
* companies with a legal form (``Azərsu ASC``, ``“Azərenerji” ASC-nin``), quoted names with a
  lowercase type word (``“Azon” zavodu``), lowercase heads after a place or a name (``Siyəzən
  rayon komissiyası``, ``Kanada Federal məhkəməsi``), place words inside names (``Gəncə şəhər
  Heydər Əliyev Mərkəzi``), never a person's title and name (``Prezident Əliyev …``);
* abbreviations of known bodies with their endings (``NATO-nun``), from the one list of bodies,
  ``lang/az/data/bodies.tsv`` (:data:`GAZETTEER`, read by ``lang/az/gazetteer.py``).

The canonical name is the nominative official form; ``key`` is an ASCII slug of it without the
national prefix, the same for every mention of the entity in every document (the ``org_id``).

    >>> [(m.text, m.name) for m in find_organizations("Miqrant Şurasının iclası keçirilmişdir.")]
    [('Miqrant Şurasının', 'Miqrant Şurası')]
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from reportparse.lang.az import gazetteer, morphology
from reportparse.lang.az.casing import capitalize, casefold, title
from reportparse.lang.az.inflection import (
    NounForm,
    case_forms,
    noun_forms,
    plural_form,
    possessive_form,
)
from reportparse.lang.az.organizations import (
    ANAPHORIC_HEADS,
    ANAPHORIC_NAMES,
    COMMON_OPENERS,
    GAZETTEER,
    GENERIC_CLASS_WORDS,
    HEAD_FORMS,
    HEADS,
    INTERNAL_ORGANS,
    LINK_WORD,
    NAME_FUNCTION_WORDS,
    NAME_OPENERS,
    NAMED_AFTER,
    NATIONAL_PREFIX,
    NOT_NAME_NOUNS,
    NOT_NAME_WORDS,
    NOT_ORGANIZATIONS,
    OFFICE_PARENTS,
    PERSON_NAME_ENDINGS,
    PERSON_TITLES,
    PLACE_WORDS,
    QUOTED_SYSTEM_HEADS,
    SENTENCE_ADVERBS,
    Body,
)
from reportparse.lang.az.orthography import DASH_CLASS, DASHES, unify_dashes
from reportparse.lang.az.text import TextLayer

TYPES = ("state_body", "council", "working_group", "ngo", "international", "education", "media", "business", "other")
"""The type of an organization (``type`` of organizations.csv): taken from its head noun's entry
in :data:`reportparse.lang.az.organizations.HEADS` or from the gazetteer (``data/bodies.tsv``)."""

OPEN_QUOTES = '“«„"'
CLOSE_QUOTES = '”»"'
_UPPERCASE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÇƏĞIİÖŞÜ")  # what an abbreviation starts with
_ABBREVIATION = re.compile(rf"^([A-ZÇƏĞIİÖŞÜ][A-ZÇƏĞIİÖŞÜa-zçəğıöşü]*[A-ZÇƏĞIİÖŞÜ])(?:{DASH_CLASS}([^\W\d_]{{1,5}}))?$")
_SLUG_LETTERS = str.maketrans("əƏıIİşŞçÇğĞöÖüÜ", "eeiiissccggoouu")
_NATIONAL_PREFIX_RE = re.compile(r"^Azərbaycan Respublikası(?:nın)?\s+")
_SENTENCE_END = frozenset(".!?;:")
_NOT_NAME_FORMS = frozenset(form for lemma in NOT_NAME_NOUNS for form in noun_forms(lemma))
_GENITIVE_ENDINGS = morphology.case_endings("genitive")
_LOCATIVE_ENDINGS = morphology.case_endings("locative", "ablative")
_IZAFET_SECOND = re.compile(r"(?:l[aə]r[ıi]|[aıoueəiöü]s[ıiuü])$")
"""The possessive ending of the second word of a compound (``Texnologiyaları``, ``Sənayesi``)."""
_LONGEST_NAME = 40
"""Tokens a name may run left of its head (real names have under 20): a run of capitalised words
and head nouns is then read once per head over at most this many tokens, not back to its start."""


class Token(NamedTuple):
    start: int
    end: int
    text: str
    kind: str  # word, num, quote, punct
    fold: str  # casefolded word without a quote suffix
    qsuffix: str  # an ending written after a closing quote (``Mərkəzi”ndən``)


@dataclass(frozen=True)
class OrganizationMention:
    """One mention of an organization.

    ``name`` is the canonical nominative official name, ``key`` its slug (the ``org_id``),
    ``parent`` the canonical name of the body it is attached to (``X yanında Y``, a unit of
    a body named in the genitive), ``anaphoric`` true for a bare head noun standing for a body
    named elsewhere (``Xidmətin``), ``source`` the rule or model that found it.
    """

    start: int
    end: int
    text: str
    name: str
    type: str
    key: str
    parent: str = ""
    anaphoric: bool = False
    source: str = "rules"


def org_key(name: str) -> str:
    """The entity id of a canonical name: an ASCII slug without the national prefix.

    >>> org_key("Azərbaycan Respublikasının Nazirlər Kabineti")
    'nazirler-kabineti'
    """
    ascii_name = casefold(_NATIONAL_PREFIX_RE.sub("", name)).translate(_SLUG_LETTERS)
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")


def tokenize(text: str) -> list[Token]:
    """Words (with an ending after a closing quote), numbers, quotes and punctuation.

    A view of the document's text layer (:class:`reportparse.lang.az.text.TextLayer`; the text is
    folded and tokenized once per document): layer words are kept, joined with what the name
    grammar reads as part of a name word — digits (``COP29``), a dash between letters
    (``Tarix–Diyarşünaslıq``), an apostrophe after the word — and with an ending written after
    a closing quote (``Mərkəzi”ndən``: :attr:`Token.qsuffix`); dates, item numbers and grouped
    numbers are read as their digit runs and punctuation.
    """
    layer = TextLayer.of(text)
    folded = layer.folded
    pieces = _pieces(layer)
    tokens: list[Token] = []
    append, new = tokens.append, tuple.__new__  # a Token built as its tuple (no Python-level __new__)
    count, i = len(pieces), 0
    while i < count:
        start, end, kind, _ = pieces[i]
        if kind != "word":
            surface = text[start:end]
            append(new(Token, (start, end, surface, kind, surface, "")))
            i += 1
            continue
        j = i + 1
        if j < count and pieces[j][0] != end:  # most words: the next piece is apart
            append(new(Token, (start, end, text[start:end], "word", folded[start:end], "")))
            i = j
            continue
        while j < count and pieces[j][0] == end:
            next_start, next_end, next_kind, _ = pieces[j]
            if next_kind in ("word", "num") or text[next_start] in _IN_WORD_APOSTROPHES:
                end, j = next_end, j + 1
            elif (
                text[next_start] in DASHES
                and j + 1 < count
                and pieces[j + 1][0] == next_end
                and pieces[j + 1][2] == "word"
            ):
                end, j = pieces[j + 1][1], j + 2
            else:
                break
        fold_end, qsuffix = end, ""
        if (
            j + 1 < count
            and pieces[j][0] == end
            and text[end] in CLOSE_QUOTES
            and pieces[j + 1][0] == end + 1
            and pieces[j + 1][2] == "word"
        ):
            ending_end = pieces[j + 1][1]
            ending = text[end + 1 : ending_end]
            if len(ending) <= 5 and ending.isalpha() and not _WORD_CHAR.match(text, ending_end):
                qsuffix, end, j = text[end:ending_end], ending_end, j + 2
        append(new(Token, (start, end, text[start:end], "word", folded[start:fold_end], qsuffix)))
        i = j
    return tokens


_PIECE = re.compile(r"(?P<num>\d+)|(?P<word>[^\W\d_]+)|(?P<punct>[^\w\s])")
_QUOTE_CHARACTERS = frozenset(OPEN_QUOTES + CLOSE_QUOTES + "‘’")
_IN_WORD_APOSTROPHES = "'’"
_WORD_CHAR = re.compile(r"\w")


def _pieces(layer: TextLayer) -> list[tuple[int, int, str, int]]:
    """(start, end, kind, -) of the layer's tokens as the name grammar reads them: ``word``,
    ``num`` (a digit run), ``quote`` or ``punct``; a date, item number or grouped number is
    read as its digit runs and punctuation marks, an underscore (a form's blank) as nothing. A
    layer token read as it is stays the layer's own tuple (no new object per token)."""
    text = layer.text
    pieces: list[tuple[int, int, str, int]] = []
    append = pieces.append
    for span in layer.spans:
        start, end, kind, _ = span
        if kind == "word" and not (start and text[start - 1] in CLOSE_QUOTES):
            append(span)
        elif kind == "punct":  # no quote character of the grammar is a layer's punctuation
            if text[start] != "_":
                append(span)
        elif kind == "quote":
            append(span if text[start] in _QUOTE_CHARACTERS else (start, end, "punct", -1))
        else:  # a number token, or a word right after a closing quote (its first letters may be an ending)
            for match in _PIECE.finditer(text, start, end):
                piece = match.lastgroup or "punct"
                if piece == "punct" and match.group() in _QUOTE_CHARACTERS:
                    piece = "quote"
                append((match.start(), match.end(), piece, -1))
    return pieces


# --- the gazetteer, indexed by lemma key -------------------------------------------------------


def _head_of(word_fold: str) -> NounForm | None:
    return HEAD_FORMS.get(word_fold)


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    return casefold(unify_dashes(word))


def lemma_key(words: list[str]) -> str:
    """The lookup key of a name: casefolded words, head nouns as their lemma, quotes unified and
    dashes as hyphens."""
    return " ".join(_key_word(w) for w in words)


@lru_cache(maxsize=65536)
def _key_word(word: str) -> str:
    """A word as it stands in lookup keys: casefolded, quotes unified, a head noun as its lemma
    (head nouns inside names are inflected too: ``Baş Prokurorluğun/Prokurorluğunun … İdarəsi``)."""
    folded = _fold_word(word)
    if folded in OPEN_QUOTES + CLOSE_QUOTES:
        return '"'
    head = _head_of(folded)
    return head.lemma if head is not None else folded


@lru_cache(maxsize=8192)
def _name_word_tuple(name: str) -> tuple[str, ...]:
    return tuple(t.text for t in tokenize(name))


def _name_words(name: str) -> list[str]:
    return list(_name_word_tuple(name))


def _key_of_name(name: str) -> str:
    return lemma_key(_name_words(name))


def gazetteer_legal_forms(source=gazetteer) -> dict[str, str]:
    """Legal forms written after a company's name (``ASC``, ``MMC``) → the type of the names they end.

    Args:
        source: the gazetteer module (``legal_forms()``, read from ``data/legal_forms.tsv``); tests
            pass a stand-in.

    Returns:
        The forms written as abbreviations, the first row of a form deciding its type (an unknown
        type is ``business``).
    """
    forms: dict[str, str] = {}
    for form in source.legal_forms():
        if _ABBREVIATION.match(form.form):
            forms.setdefault(form.form, form.type if form.type in TYPES else "business")
    return forms


@dataclass(frozen=True)
class Gazetteer:
    """The known bodies indexed for the grammar."""

    names: dict[str, Body]
    """Lemma key of every name and alias → its body."""
    sequences: dict[tuple[str, ...], Body]
    """Aliases without a head noun (abbreviations, English names) as folded word sequences."""
    abbreviations: dict[str, Body]
    """One-word abbreviations as written (``NATO``, ``DİN``)."""
    aliases: frozenset[str]
    legal_forms: dict[str, str]
    """Legal forms of companies (``ASC``) → the type of the names they end."""
    words: frozenset[str]
    """Words of known names: a span is extended to a known name only over such words."""
    longest_alias: int
    alias_first_words: frozenset[str]


def index_gazetteer(bodies: tuple[Body, ...], *, legal_forms: dict[str, str] | None = None) -> Gazetteer:
    """Index known bodies (the first entry of a name wins) for the grammar.

    Args:
        bodies: the entries, in order of preference.
        legal_forms: legal forms of companies → type (default: those of ``data/legal_forms.tsv``).

    Returns:
        The index.
    """
    names: dict[str, Body] = {}
    sequences: dict[tuple[str, ...], Body] = {}
    abbreviations: dict[str, Body] = {}
    for body in bodies:
        for written in (body.name, *body.aliases):
            names.setdefault(_key_of_name(written), body)
        for written in body.aliases:
            words = tuple(casefold(w) for w in _name_words(written))
            if words and _head_of(words[-1]) is None:
                sequences.setdefault(words, body)
            if _ABBREVIATION.match(written) and " " not in written:
                abbreviations.setdefault(written, body)
    return Gazetteer(
        names=names,
        sequences=sequences,
        abbreviations=abbreviations,
        aliases=frozenset(alias for body in bodies for alias in body.aliases),
        legal_forms=legal_forms if legal_forms is not None else gazetteer_legal_forms(),
        words=frozenset(word for key in names for word in key.split()),
        longest_alias=max((len(words) for words in sequences), default=1),
        alias_first_words=frozenset(words[0] for words in sequences if len(words) > 1),
    )


KNOWN = index_gazetteer(GAZETTEER)
"""The bodies the grammar knows: the rows of ``data/bodies.tsv`` (:data:`GAZETTEER`), in file order."""
_ABBREVIATIONS_CASED = KNOWN.abbreviations  # the name tests/extract/test_linear_extractors.py reads


def written_legal_forms(source=gazetteer) -> dict[str, str]:
    """Legal forms written out after a name (``Açıq Səhmdar Cəmiyyəti``) → the type of the names they end.

    Args:
        source: the gazetteer module (``legal_forms()``); tests pass a stand-in.

    Returns:
        The lemma key of every full name of ``data/legal_forms.tsv`` of two words or more (a one-word
        form such as ``Fond`` is a head noun's business), the first row of a name deciding its type.
    """
    forms: dict[str, str] = {}
    for form in source.legal_forms():
        words = _name_words(form.name)
        if len(words) > 1:
            forms.setdefault(lemma_key(words), form.type if form.type in TYPES else "business")
    return forms


WRITTEN_LEGAL_FORMS = written_legal_forms()
"""Lemma keys of the legal forms written out (``açıq səhmdar cəmiyyət``) → type."""


def _written_legal_form_type(name: str) -> str | None:
    """The type the written-out legal form ending ``name`` gives it (``“Azərsu” Açıq Səhmdar Cəmiyyəti`` →
    ``business``), or None."""
    words = _name_words(name)
    for length in range(2, min(len(words), 5) + 1):
        kind = WRITTEN_LEGAL_FORMS.get(lemma_key(words[-length:]))
        if kind is not None:
            return kind
    return None


def national_parents(bodies: tuple[Body, ...]) -> frozenset[str]:
    """Parents whose attached bodies keep the national prefix in their official name, read from the gazetteer.

    Args:
        bodies: the known bodies.

    Returns:
        The lemma keys (without the prefix) of every parent that a known body is attached to as
        ``Azərbaycan Respublikasının <parent> yanında …`` (``nazirlər kabinet``: ``Azərbaycan
        Respublikasının Nazirlər Kabineti yanında Operativ Qərargah``), and ``prezident``: the
        President is no organization, so no row says it.
    """
    keys = {"prezident"}
    for body in bodies:
        bare = _NATIONAL_PREFIX_RE.sub("", body.parent)
        if body.parent and body.name.startswith(f"{NATIONAL_PREFIX} {bare} {LINK_WORD} "):
            keys.add(lemma_key(_name_words(bare)))
    return frozenset(keys)


NATIONAL_PARENTS = national_parents(GAZETTEER)
"""Lemma keys of parents whose attached bodies keep the national prefix (``Azərbaycan Respublikasının
Prezidenti yanında …``); bodies attached to other parents do not (``… Nazirliyi yanında Dövlət
Məşğulluq Agentliyi``): the gazetteer's attached bodies decide."""


def canonical_of(body: Body) -> str:
    """The canonical name of a gazetteer entry (its official name, written in full in ``bodies.tsv``)."""
    return body.name


def lookup(words: list[str]) -> Body | None:
    """The gazetteer entry named by ``words`` (any case form of the head), or None."""
    return KNOWN.names.get(lemma_key(words))


# --- the grammar ------------------------------------------------------------------------------


def _is_capitalized(token: Token) -> bool:
    return token.kind == "word" and token.text[0].isupper()


def _is_prefix(tokens: list[Token], index: int) -> bool:
    """Whether ``tokens[index]`` starts ``Azərbaycan Respublikası(nın)``."""
    return (
        tokens[index].fold == "azərbaycan"
        and index + 1 < len(tokens)
        and tokens[index + 1].fold in ("respublikası", "respublikasının")
    )


@dataclass
class _Span:
    first: int  # token indexes, inclusive
    last: int
    head: NounForm | None
    parent: _Span | None = None  # X of ``X yanında Y`` or a genitive parent
    parent_link: str = ""  # "yanında" or "genitive"
    quoted_head: bool = False
    anaphoric: bool = False
    alias: Body | None = None
    coordinated_head: int | None = None  # a conjunct's shared plural head (token index)
    company: bool = False  # ``“Azercell Telekom” MMC``


class _Grammar:
    """The name grammar over one text's tokens."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.quote_open: dict[int, int] = {}  # closing-quote token index → opening index
        self.inside_quote: dict[int, tuple[int, int]] = {}
        self._statistics: tuple[Counter, set[str], set[str]] | None = None
        self._pair_quotes()

    def _pair_quotes(self) -> None:
        opened = None
        for index, token in enumerate(self.tokens):
            closes = token.kind == "quote" and token.text in CLOSE_QUOTES or token.qsuffix
            if opened is not None and closes and (token.text != '"' or opened is not None):
                close = index
                self.quote_open[close] = opened
                for inner in range(opened + 1, close + (1 if token.qsuffix else 0)):
                    self.inside_quote[inner] = (opened, close)
                opened = None
            elif token.kind == "quote" and token.text in OPEN_QUOTES:
                opened = index
            elif opened is not None and (
                index - opened > 14 or "\n\n" in self.text[self.tokens[index - 1].end : token.start]
            ):
                opened = None  # an unbalanced quote does not swallow the text after it

    # -- heads

    def head_at(self, index: int) -> NounForm | None:
        token = self.tokens[index]
        if token.kind != "word":
            return None
        head = _head_of(token.fold)
        if head is None:
            return None
        quoted_end = bool(token.qsuffix) and index in self.inside_quote  # ``“… işçi qrupu”nun``
        if not token.text[0].isupper() and not quoted_end and not self._lowercase_head_ok(index, head):
            return None
        if (
            head.plural
            and head.lemma != "nazirlik"
            and not HEADS[head.lemma].plural_name
            and not (index and self.tokens[index - 1].kind == "quote")
            and not self._coordinated(index)
        ):
            return None  # ``İşçi Qruplarında``: plural heads name classes, not one body
        if index in self.inside_quote and not token.qsuffix:
            _opened, close = self.inside_quote[index]
            if index != close - 1 or self._name_continues(close + 1):
                return None
        return head

    def _lowercase_head_ok(self, index: int, head: NounForm) -> bool:
        if not head.possessive:
            return False  # ``işçi qrupun`` (bare) is a common noun; names are izafet compounds
        if self._after_quoted_name(index):
            # ``“Report” informasiya agentliyi``, ``“ASAN xidmət” mərkəzləri``: the type word of a quoted name
            return head.lemma not in QUOTED_SYSTEM_HEADS
        if head.plural:  # ``Ədliyyə və Daxili İşlər nazirlikləri``, ``Nəsimi və Xətai rayon icra hakimiyyətləri``
            return self._coordinated(index)
        if HEADS[head.lemma].after_place and self._after_place(index):
            return True
        if HEADS[head.lemma].lowercase_unit:
            return self._after_genitive_parent(index)
        if not HEADS[head.lemma].lowercase or head.lemma in ("mərkəz", "jurnal", "qəzet", "nazirlik"):
            return False  # these only after a quoted name or in a coordination (above)
        # A capitalised word or a closing quote within a few lowercase words before it.
        for back in range(1, 5):
            if index - back < 0:
                return False
            before = self.tokens[index - back]
            if before.kind == "quote" and before.text in CLOSE_QUOTES or _is_capitalized(before):
                return True
            if before.kind != "word" or _head_of(before.fold):
                return False
        return False

    def _after_place(self, index: int) -> bool:
        """``Kanada Federal məhkəməsi``, ``Siyəzən rayon komissiyası``: right after a capitalised name word
        (no head, not in the genitive), possibly with place words between."""
        cursor = index - 1
        while cursor >= 0 and index - cursor <= 2 and self.tokens[cursor].fold in PLACE_WORDS:
            cursor -= 1
        if cursor < 0:
            return False
        before = self.tokens[cursor]
        return (
            _is_capitalized(before)
            and _head_of(before.fold) is None
            and not before.fold.endswith(_GENITIVE_ENDINGS)
            and before.fold not in SENTENCE_ADVERBS
            and "\n" not in self.text[before.end : self.tokens[index].start]
        )

    def _after_quoted_name(self, index: int) -> bool:
        """A closing quote right before, or one lowercase word before (``“İnjuria” hüquq jurnalı``)."""
        for back in (1, 2):
            before = self.tokens[index - back] if index >= back else None
            if before is not None and before.kind == "quote" and index - back in self.quote_open:
                return True
            if before is None or before.kind != "word" or before.text[0].isupper() or _head_of(before.fold):
                return False
        return False

    def _after_genitive_parent(self, index: int) -> bool:
        """``Milli Məclisin Mədəniyyət komitəsi``: capitalised words after a body in the genitive; the
        unit's name may go on in lowercase, as written in sentence case (``Milli Məclisin İnsan
        hüquqları komitəsi``, ``… Əmək və sosial siyasət komitəsi``)."""
        cursor = index - 1
        if not self.tokens[cursor].text[:1].isupper():
            start = self._sentence_case_start(index)
            if start is None:
                return False
            cursor = start
        while cursor >= 0 and index - cursor <= 8 and _is_capitalized(self.tokens[cursor]):
            head = _head_of(self.tokens[cursor].fold)
            if head is not None and head.case == "genitive" and cursor < index - 1:
                return True
            cursor -= 1
        return False

    def _unit_start(self, index: int, head: NounForm) -> int:
        """Where the walk left of a head starts: the head, or the capitalised first word of a unit's
        name written in sentence case before a lowercase unit head (``Milli Məclisin İnsan hüquqları
        komitəsi``)."""
        if HEADS[head.lemma].lowercase_unit and not self.tokens[index].text[0].isupper():
            start = self._sentence_case_start(index)
            if start is not None:
                return start
        return index

    def _sentence_case_start(self, index: int) -> int | None:
        """The capitalised first word of a unit's name written in sentence case before a lowercase
        head (``İnsan`` of ``İnsan hüquqları komitəsi``, ``Əmək`` of ``Əmək və sosial siyasət
        komitəsi``): lowercase name words back to it; None when there is none."""
        cursor = index - 1
        while cursor >= 1 and index - cursor <= 6 and self._lowercase_unit_word(cursor):
            cursor -= 1
        token = self.tokens[cursor]
        if cursor == index - 1 or self.tokens[cursor + 1].kind == "punct":
            return None  # no lowercase word, or the stretch starts with a comma
        if _is_capitalized(token) and _head_of(token.fold) is None and token.fold not in SENTENCE_ADVERBS:
            return cursor
        return None

    def _lowercase_unit_word(self, cursor: int) -> bool:
        """A lowercase word of a unit's name written in sentence case: a content word (no head, no
        postposition, no verb form), ``və`` or a comma between such words."""
        token = self.tokens[cursor]
        if token.kind == "punct":
            return token.text == ","
        return (
            token.kind == "word"
            and token.text[0].islower()
            and _head_of(token.fold) is None
            and token.fold not in NOT_NAME_WORDS
            and (token.fold == "və" or token.fold not in NAME_FUNCTION_WORDS)
            and token.fold not in _NOT_NAME_FORMS
            and (token.fold == "və" or morphology.analyze(token.fold).case in ("nominative", "accusative"))
            and "\n" not in self.text[token.end : self.tokens[cursor + 1].start]
        )

    def _coordinated(self, index: int) -> bool:
        """``Nəsimi, Yasamal və Xətai rayon icra hakimiyyətləri``: a plural head after lowercase
        modifiers, after capitalised conjuncts joined by ``və``."""
        tokens, cursor = self.tokens, index - 1
        while (
            cursor >= 0
            and index - cursor <= 3
            and tokens[cursor].kind == "word"
            and tokens[cursor].text[0].islower()
            and tokens[cursor].fold not in NAME_FUNCTION_WORDS | NOT_NAME_WORDS
        ):
            cursor -= 1
        names = 0
        while cursor >= 0 and (_is_capitalized(tokens[cursor]) or tokens[cursor].kind == "quote") and names < 6:
            cursor, names = cursor - 1, names + 1
        return names > 0 and cursor >= 0 and tokens[cursor].fold == "və"

    def _name_continues(self, index: int) -> bool:
        """Whether a capitalised name word follows at ``index`` (before another head)."""
        for ahead in range(index, min(index + 6, len(self.tokens))):
            token = self.tokens[ahead]
            if not (_is_capitalized(token) or token.fold in NAME_FUNCTION_WORDS):
                return False
            if _head_of(token.fold) and _is_capitalized(token):
                return True
        return False

    # -- spans

    def span_for_head(self, index: int, head: NounForm) -> _Span | None:
        """The span of the name ending in the head noun at ``index`` (with any genitive parent), or None."""
        tokens = self.tokens
        if index in self.inside_quote:
            opened, close = self.inside_quote[index]
            if HEADS[head.lemma].needs_parent:
                return None  # ``“… Dövlət Proqramı”nın``: a document
            if tokens[index].qsuffix:
                return _Span(opened, index, head, quoted_head=True)
            if index == close - 1:  # ``“Ailə və Uşaq Hüquqları Mərkəzi”``: the quotes belong to the name
                return _Span(opened, close, head, quoted_head=True)
        first, split = self._name_words_before(index, head)
        first = self._name_start(self._after_person(first, index), index)
        if first == index and index not in self.inside_quote:
            return self._bare_head_span(index, head)
        if HEADS[head.lemma].needs_parent and not any(
            t.fold.endswith(_GENITIVE_ENDINGS) and (_is_capitalized(t)) for t in tokens[first:index]
        ):
            return None
        if tokens[first].kind == "word":
            first = self._numbered_prefix(first)
        if lemma_key([t.text for t in tokens[first : index + 1]]) in ANAPHORIC_NAMES:
            return _Span(first, index, head, anaphoric=True)
        span = _Span(first, index, head)
        if split is not None and split >= first:
            self._attach_genitive_parent(span, split)
        return span

    def _name_words_before(self, index: int, head: NounForm) -> tuple[int, int | None]:
        """Walk left from the head over name words: (the first word, the last word of a genitive parent or None)."""
        tokens = self.tokens
        unit = HEADS[head.lemma].unit
        first = self._unit_start(index, head)
        split = None  # the last word of a parent named in the genitive inside the span
        cursor = first - 1
        while cursor >= 0 and index - cursor <= _LONGEST_NAME:
            token = tokens[cursor]
            if self._line_break_ends_name(cursor):
                break
            if token.kind == "quote" and cursor in self.quote_open:
                first = self._numbered_prefix(self.quote_open[cursor])
                break
            inside = self._punctuation_inside_name(cursor, head)
            if inside is not None:
                first, cursor = inside, inside - 1
                continue
            if self._plan_in_group_name(cursor, head):
                first, cursor = cursor, cursor - 1
                continue
            if self._outside_name(cursor):
                break
            inner = _head_of(token.fold) if token.text[0].isupper() else None
            if self._closes_name(cursor, inner, unit):
                break
            if inner is not None and not inner.plural and inner.case == "genitive" and split is None:
                split = cursor
            abbreviation = _ABBREVIATION.match(token.text)
            if abbreviation and abbreviation.group(2):
                if tokens[cursor + 1].kind == "word" and tokens[cursor + 1].fold not in NAME_FUNCTION_WORDS:
                    first = cursor  # ``BMT-nin Əhali Fondu``: an abbreviated parent opens the name
                break
            start = self._name_word_start(cursor, index, head, abbreviation is not None)
            if start is None:
                break
            first, cursor = start, start - 1
        return first, split

    def _line_break_ends_name(self, cursor: int) -> bool:
        """Whether a line break after ``cursor`` ends the name (it may only run on between alike capitalised words)."""
        tokens = self.tokens
        token, following = tokens[cursor], tokens[cursor + 1]
        return "\n" in self.text[token.end : following.start] and not (
            _is_capitalized(token) and _is_capitalized(following) and token.text.isupper() == following.text.isupper()
        )

    def _punctuation_inside_name(self, cursor: int, head: NounForm) -> int | None:
        """The new first token when the punctuation at ``cursor`` belongs to the name: a parenthesised word,
        or a comma between conjuncts of a plural head; else None."""
        tokens = self.tokens
        token = tokens[cursor]
        if (
            token.kind == "punct"
            and token.text == ")"
            and cursor >= 2
            and tokens[cursor - 2].text == "("
            and tokens[cursor - 1].kind == "word"
            and not _ABBREVIATION.match(tokens[cursor - 1].text)
        ):
            return cursor - 2
        if (
            token.kind == "punct"
            and token.text == ","
            and head.plural
            and cursor >= 1
            and not _head_of(tokens[cursor - 1].fold)
            and tokens[cursor - 1].kind == "word"
        ):
            return cursor
        if token.kind == "punct" and token.text == "," and self._comma_in_coordination(cursor):
            return cursor - 1
        return None

    def _comma_in_coordination(self, cursor: int) -> bool:
        """A comma between capitalised conjuncts of one name, the last joined by ``və`` before the
        head (``Əmək, Məşğulluq və Əhalinin Sosial Müdafiəsi Məsələləri üzrə Dövlət Agentliyi``)."""
        tokens = self.tokens
        if cursor < 1 or cursor + 1 >= len(tokens):
            return False
        before, after = tokens[cursor - 1], tokens[cursor + 1]
        if not (_is_capitalized(before) and _is_capitalized(after)) or _head_of(before.fold) is not None:
            return False
        if self._outside_name(cursor - 1) or "\n" in self.text[before.end : after.start]:
            return False
        for position in range(cursor + 2, min(len(tokens), cursor + _LONGEST_NAME)):
            following = tokens[position]  # capitalised conjuncts (and commas) up to the "və" of the last one
            if following.kind == "punct" and following.text == ",":
                continue
            if following.kind == "word" and following.fold == "və":
                return position + 1 < len(tokens) and _is_capitalized(tokens[position + 1])
            if following.kind != "word" or not _is_capitalized(following) or _head_of(following.fold) is not None:
                return False
        return False

    def _plan_in_group_name(self, cursor: int, head: NounForm) -> bool:
        """``… Milli Fəaliyyət Planının icrası üzrə İşçi Qrupu``: a working group is named after the plan it
        carries out (a capitalised plan word in the genitive before ``icrası``)."""
        tokens = self.tokens
        token = tokens[cursor]
        return (
            HEADS[head.lemma].type == "working_group"
            and _is_capitalized(token)
            and token.fold in _NOT_NAME_FORMS
            and token.fold.endswith(_GENITIVE_ENDINGS)
            and cursor + 1 < len(tokens)
            and tokens[cursor + 1].fold == "icrası"
        )

    def _outside_name(self, cursor: int) -> bool:
        """Whether the token at ``cursor`` is no name word: not a word, a link, a sentence adverb or a common noun."""
        token = self.tokens[cursor]
        return (
            token.kind != "word"
            or token.fold == LINK_WORD
            or token.fold in SENTENCE_ADVERBS
            or token.fold in _NOT_NAME_FORMS
            or self._sentence_initial_noun(cursor)
        )

    def _closes_name(self, cursor: int, inner: NounForm | None, unit: bool) -> bool:
        """Whether the word at ``cursor`` (``inner``: its head-noun reading if capitalised) is left of the name."""
        tokens = self.tokens
        token = tokens[cursor]
        if token.fold == "və" and cursor and tokens[cursor - 1].text.isupper() and len(tokens[cursor - 1].text) > 1:
            return True  # ``İSESCO və Avropa Şurası``: an abbreviation is a conjunct of its own
        if inner is not None and not inner.plural:
            after = tokens[cursor + 1]
            if inner.case == "genitive" and not unit:
                return True
            if inner.case not in ("nominative", "genitive"):
                return True
            if after.fold in ("və", "ilə") or after.text == ",":
                return True  # coordinated names, not a name inside a name
            if inner.case == "nominative" and any(t.kind == "quote" for t in tokens[max(0, cursor - 4) : cursor]):
                return True  # ``“Güzəran” … Mərkəzi İctimai Şuranın …``: a complete quoted name ends here
        elif (
            token.text[0].isupper()
            and not token.text.isupper()
            and token.fold.endswith(_LOCATIVE_ENDINGS)
            and self._at_sentence_start(cursor)
        ):
            return True  # ``Seminarda Xidmətin …``: a sentence opening in the locative, not a name
        # ``Komitə Azərbaycan Dövlət İqtisad Universiteti ilə``: a bare head is the subject
        return (
            inner is not None and not inner.possessive and inner.case == "nominative" and inner.lemma in ANAPHORIC_HEADS
        )

    def _name_word_start(self, cursor: int, index: int, head: NounForm, abbreviation: bool) -> int | None:
        """Where the name words ending at ``cursor`` start (a capitalised word, an abbreviation, a function word
        of names, or a run of lowercase words), or None when the word is not part of the name."""
        token = self.tokens[cursor]
        if _is_capitalized(token) or abbreviation:
            return cursor
        if token.fold == NAMED_AFTER:  # ``Nizami adına …``; after a genitive it means "on behalf of"
            before = self.tokens[cursor - 1] if cursor else None
            named = before is not None and _is_capitalized(before) and not before.fold.endswith(_GENITIVE_ENDINGS)
            return cursor if named else None
        if token.fold in NAME_FUNCTION_WORDS:
            return cursor
        if token.fold in PLACE_WORDS and cursor and _is_capitalized(self.tokens[cursor - 1]):
            return cursor  # ``Gəncə şəhər Heydər Əliyev Mərkəzi``: the place belongs to the name
        # Lowercase content words: before a function word, or modifying a lowercase head.
        return self._lowercase_run(cursor, index, head)

    def _name_start(self, first: int, index: int) -> int:
        """The name's first token: after words before ``Azərbaycan Respublikası``, at a capitalised word, a
        quote or a number."""
        tokens = self.tokens
        # Words before ``Azərbaycan Respublikası`` inside the run are not part of the name.
        for at in range(index - 2, first, -1):
            if _is_prefix(tokens, at):
                first = at
                break
        # A name starts with a capitalised word, a quote or an abbreviation.
        while first < index and not (
            _is_capitalized(tokens[first]) or tokens[first].kind == "quote" or tokens[first].kind == "num"
        ):
            first += 1
        return first

    def _after_person(self, first: int, index: int) -> int:
        """The first token after a person's title and name inside ``first..index`` (``Prezident Əliyev
        Azərbaycan Milli Elmlər Akademiyası`` → ``Azərbaycan``), else ``first``."""
        tokens = self.tokens
        for at in range(first, index):
            pair = f"{tokens[at].fold} {tokens[at + 1].fold}"
            title_end = at + 1 if pair in PERSON_TITLES else at if tokens[at].fold in PERSON_TITLES else None
            if title_end is None:
                continue
            for name_at in range(title_end + 1, min(title_end + 4, index)):
                token = tokens[name_at]
                if not _is_capitalized(token) or _head_of(token.fold) is not None:
                    break
                if token.fold.endswith(PERSON_NAME_ENDINGS):
                    return name_at + 1  # the person's family name ends the title
        return first

    def _bare_head_span(self, index: int, head: NounForm) -> _Span | None:
        """A head noun alone (``Xidmətin``): an anaphoric span when capitalised and anaphoric, else None."""
        if not self.tokens[index].text[0].isupper() or head.lemma not in ANAPHORIC_HEADS:
            return None
        return _Span(index, index, head, anaphoric=True)

    def _attach_genitive_parent(self, span: _Span, split: int) -> None:
        """Give ``span`` the parent named in the genitive in its words ``span.first..split``."""
        tokens = self.tokens
        first = span.first
        parent_head = _head_of(tokens[split].fold)
        bare = first == split and parent_head is not None and parent_head.lemma in ANAPHORIC_HEADS
        generic = lemma_key([t.text for t in tokens[first : split + 1]]) in ANAPHORIC_NAMES
        span.parent = _Span(first, split, parent_head, anaphoric=bare or generic)
        span.parent_link = "genitive"

    def _at_sentence_start(self, index: int) -> bool:
        tokens = self.tokens
        return (
            index == 0
            or tokens[index - 1].text in _SENTENCE_END
            or "\n" in self.text[tokens[index - 1].end : tokens[index].start]
        )

    def _sentence_initial_noun(self, index: int) -> bool:
        """A common noun opening a sentence before a name (``Tədbir Bakı Dövlət Universitetində``,
        ``Seminarlar Azərbaycan Otellər Assosiasiyasının``)."""
        tokens = self.tokens
        token = tokens[index]
        if index + 1 >= len(tokens) or not self._at_sentence_start(index):
            return False
        following = tokens[index + 1]
        if not _is_capitalized(following) or _head_of(following.fold) is not None:
            return False
        if _IZAFET_SECOND.search(following.fold):
            return False  # ``İnformasiya Texnologiyaları Universiteti``: the first word of a compound
        # A name recurs (``Gənclər Məşvərət Şurası``); ``Seminarlar Azərbaycan …`` does not.
        if self._word_statistics()[0][(token.text, following.text)] >= 2:
            return False
        if token.fold in COMMON_OPENERS or re.search(r"l[aə]r(?:[aə]|d[aə]|d[aə]n|[ıi])?$", token.fold):
            return True  # ``Seminarlar …``, ``Təlimlərə …``: a plural common noun, not a name's first word
        # Written in lowercase elsewhere and never capitalised inside a sentence: a common noun,
        # unless it is a word official names open with (``Dövlət Gənclər … Agentliyi``).
        return token.fold not in NAME_OPENERS and self._lowercase_elsewhere(token.text)

    def _lowercase_elsewhere(self, word: str) -> bool:
        _pairs, lowercase, capitalized_inside = self._word_statistics()
        return casefold(word) in lowercase and word not in capitalized_inside

    def _word_statistics(self) -> tuple[Counter, set[str], set[str]]:
        """Adjacent word pairs, words written in lowercase, capitalised words inside sentences
        (computed once per text: a long document must not be rescanned per word)."""
        if self._statistics is None:
            words = [t for t in self.tokens if t.kind == "word"]
            pairs = Counter((a.text, b.text) for a, b in itertools.pairwise(words) if b.start - a.end == 1)
            lowercase = {t.fold for t in words if t.text[0].islower()}
            inside = {
                t.text
                for i, t in enumerate(self.tokens)
                if t.kind == "word"
                and t.text[0].isupper()
                and i
                and self.tokens[i - 1].kind == "word"
                and self.tokens[i - 1].text[0].islower()
                and "\n" not in self.text[self.tokens[i - 1].end : t.start]
            }
            self._statistics = (pairs, lowercase, inside)
        return self._statistics

    def _numbered_prefix(self, first: int) -> int:
        """``2 saylı Bakı “ASAN xidmət” mərkəzi``: include the number and place before a quote."""
        tokens = self.tokens
        for skip in range(3):
            at = first - skip
            if (
                at - 2 >= 0
                and tokens[at - 1].fold == "saylı"
                and tokens[at - 2].kind == "num"
                and all(tokens[k].kind == "word" for k in range(at, first))
            ):
                at -= 2
                if at >= 2 and tokens[at - 1].fold in ("şəhəri", "rayonu") and _is_capitalized(tokens[at - 2]):
                    at -= 2  # ``Bakı şəhəri 5 saylı Ərazi Vergilər İdarəsi``
                return at
        return first

    def _lowercase_run(self, cursor: int, index: int, head: NounForm) -> int | None:
        """Start of a run of up to three lowercase words ending at ``cursor`` that belongs to the
        name (it precedes a function word or a lowercase head, after a capitalised word)."""
        tokens = self.tokens
        after = tokens[cursor + 1]
        lowercase_head = after is tokens[index] and not tokens[index].text[0].isupper()
        if tokens[cursor].fold in NOT_NAME_WORDS:
            return None
        if not (
            after.fold in NAME_FUNCTION_WORDS - {"və", "ilə"}
            or lowercase_head
            or after.fold == "ilə"
            and cursor + 2 <= index
            and tokens[cursor + 2].fold == "əlaqədar"
        ):
            return None  # ``Şuranın təşkilatçılığı ilə``: a lowercase word before ``ilə`` is no name
        start = cursor
        while start - 1 >= 0 and cursor - start < 2:
            before = tokens[start - 1]
            if (
                before.kind == "word"
                and not before.text[0].isupper()
                and before.fold not in NAME_FUNCTION_WORDS
                and before.fold not in NOT_NAME_WORDS
                and before.fold != LINK_WORD
                and not _head_of(before.fold)
            ):
                start -= 1
            else:
                break
        if start - 1 < 0:
            return None
        before = tokens[start - 1]
        if _is_capitalized(before) or (before.kind == "quote" and start - 1 in self.quote_open):
            return start
        if before.fold in NAME_FUNCTION_WORDS - {"və"}:  # ``Korrupsiyaya qarşı mübarizə üzrə``
            return start
        return None

    def spans(self) -> list[_Span]:
        spans = []
        heads = HEAD_FORMS.get  # a word that is no head noun is skipped (what head_at checks first)
        for index in [i for i, t in enumerate(self.tokens) if t.kind == "word" and heads(t.fold) is not None]:
            head = self.head_at(index)
            if head is not None:
                span = self.span_for_head(index, head)
                if span is not None:
                    spans.append(self._extend_to_gazetteer(span))
        spans += self._alias_spans()
        spans = self._drop_contained(spans)
        return self._attach(spans)

    def _extend_to_gazetteer(self, span: _Span) -> _Span:
        """Take in words on the left that make a known name (``Nəqliyyat, Rabitə və … Nazirliyi``,
        ``Avropada Təhlükəsizlik və Əməkdaşlıq Təşkilatı``)."""
        if span.parent is not None or span.anaphoric:
            return span
        words = [t.text for t in self.tokens[span.first : span.last + 1]]
        for extra in range(1, 6):
            first = span.first - extra
            if first < 0 or "\n" in self.text[self.tokens[first].end : self.tokens[first + 1].start]:
                break
            if self.tokens[first].kind == "word" and _key_word(self.tokens[first].text) not in KNOWN.words:
                break
            if lookup([t.text for t in self.tokens[first : span.first]] + words) is not None:
                if first >= 2 and _is_prefix(self.tokens, first - 2):
                    first -= 2
                return replace(span, first=first, anaphoric=False)
        return span

    def _alias_spans(self) -> list[_Span]:
        """Abbreviations (``DİN``, ``BMT-nin``) and head-less names (``Open Contracting Partnership``)."""
        spans, tokens, first_words = [], self.tokens, KNOWN.alias_first_words
        # a word in lowercase that starts no alias is no candidate (neither test below holds)
        for index in [
            i for i, t in enumerate(tokens) if t.kind == "word" and (t.text[0] in _UPPERCASE or t.fold in first_words)
        ]:
            token = tokens[index]
            match = _ABBREVIATION.match(token.text) if token.text[0] in _UPPERCASE else None
            if match and match.group(1) in KNOWN.legal_forms:
                company = self._company_span(index)
                if company is not None:
                    spans.append(company)
                    continue
            if match and match.group(1) in KNOWN.abbreviations:
                spans.append(_Span(index, index, None, alias=KNOWN.abbreviations[match.group(1)]))
                continue
            if token.fold not in KNOWN.alias_first_words:
                continue
            folds = tuple(t.fold for t in tokens[index : index + KNOWN.longest_alias])
            for length in range(min(KNOWN.longest_alias, len(tokens) - index), 1, -1):  # never past the text's end
                words = folds[:length]
                if words in KNOWN.sequences and all(_is_capitalized(t) for t in tokens[index : index + length]):
                    spans.append(_Span(index, index + length - 1, None, alias=KNOWN.sequences[words]))
                    break
        return spans

    def _company_span(self, index: int) -> _Span | None:
        """A company with its legal form at ``index``: after a quoted name (``“Azərenerji” ASC-nin``) or
        after up to four capitalised words on its line (``Azərsu ASC``, ``Kapital Bank ASC``)."""
        if index and index - 1 in self.quote_open:
            return _Span(self.quote_open[index - 1], index, None, company=True)
        first = index
        while (
            first - 1 >= 0
            and index - first < 4
            and _is_capitalized(self.tokens[first - 1])
            and self.tokens[first - 1].text not in KNOWN.legal_forms
            and not self._outside_name(first - 1)
            and not self._line_break_ends_name(first - 1)
            and not (self._at_sentence_start(first - 1) and self.tokens[first - 1].fold.endswith(_LOCATIVE_ENDINGS))
        ):
            first -= 1
        return _Span(first, index, None, company=True) if first < index else None

    @staticmethod
    def _drop_contained(spans: list[_Span]) -> list[_Span]:
        spans = sorted(spans, key=lambda s: (s.first, -s.last))
        kept: list[_Span] = []
        for span in spans:
            if kept and span.first >= kept[-1].first and span.last <= kept[-1].last:
                continue
            if kept and span.first <= kept[-1].last:  # overlapping: keep the one reaching further right
                if span.last > kept[-1].last and span.first > kept[-1].first and kept[-1].head is None:
                    kept[-1] = span
                continue
            kept.append(span)
        return kept

    def _attach(self, spans: list[_Span]) -> list[_Span]:
        """Merge ``X yanında Y`` and ``<genitive parent> <unit>`` into one span with a parent."""
        merged: list[_Span] = []
        for span in spans:
            previous = merged[-1] if merged else None
            if previous is not None:
                link = self._link_between(previous, span)
                if link:
                    merged[-1] = replace(span, first=previous.first, parent=previous, parent_link=link)
                    continue
            office = self._office_before(span)
            if office is not None:
                merged.append(replace(span, first=office.first, parent=office, parent_link=LINK_WORD))
                continue
            merged.append(span)
        return merged

    def _office_before(self, span: _Span) -> _Span | None:
        """``Prezidenti yanında …``, ``Baş prokuror yanında …``: an office before ``yanında`` as the parent
        (the body it stands for), with ``Azərbaycan Respublikası(nın)`` before it."""
        tokens = self.tokens
        if span.first < 2 or tokens[span.first - 1].fold != LINK_WORD:
            return None
        for length in (2, 1):
            first = span.first - 1 - length
            if first < 0 or any(t.kind != "word" for t in tokens[first : span.first - 1]):
                continue
            office = " ".join(t.fold for t in tokens[first : span.first - 1])
            if office not in OFFICE_PARENTS:
                continue
            body = (
                _PRESIDENT if OFFICE_PARENTS[office] == _PRESIDENT.name else lookup(_name_words(OFFICE_PARENTS[office]))
            )
            if body is None:
                return None
            start = first - 2 if first >= 2 and _is_prefix(tokens, first - 2) else first
            return _Span(start, span.first - 2, None, alias=body)
        return None

    def _link_between(self, parent: _Span, child: _Span) -> str:
        tokens = self.tokens
        between = tokens[parent.last + 1 : child.first]
        if (
            len(between) == 1
            and between[0].fold == LINK_WORD
            and (parent.head is None or parent.head.case == "nominative")
        ):
            return LINK_WORD
        if (
            not between
            and child.head is not None
            and HEADS[child.head.lemma].unit
            and tokens[child.first].kind == "word"
        ):
            genitive = (
                parent.head.case == "genitive"
                if parent.head
                else tokens[parent.last].fold.endswith(("nin", "nın", "nun", "nün", "in", "ın", "un", "ün"))
            )
            if genitive and "\n" not in self.text[tokens[parent.last].end : tokens[child.first].start]:
                return "genitive"
        return ""


_PRESIDENT = Body("Prezidenti", "state_body")


# --- canonical names -------------------------------------------------------------------------


def _nominative_head(token: Token, head: NounForm, *, possessive: bool) -> str:
    """The head word in the nominative, capitalised as written (``Agentliyinin`` → ``Agentliyi``)."""
    stem = plural_form(head.lemma) if head.plural and HEADS[head.lemma].plural_name else head.lemma
    form = possessive_form(stem) if possessive else stem
    return capitalize(form) if token.text[0].isupper() or head.plural else form


def _genitive(name: str) -> str:
    """A canonical name with its head in the genitive (``… Nazirliyi`` → ``… Nazirliyinin``)."""
    words = name.split(" ")
    head = _head_of(casefold(words[-1]))
    if head is None:
        return name
    form = possessive_form(head.lemma) if head.possessive else head.lemma
    genitive = case_forms(form, after_possessive=head.possessive)["genitive"]
    words[-1] = words[-1][0] + genitive[1:]
    return " ".join(words)


def _strip_national(name: str) -> str:
    return _NATIONAL_PREFIX_RE.sub("", name)


class _Canonicalizer:
    """Canonical names, types and links for the spans of one document."""

    def __init__(self, grammar: _Grammar, reporting_body: str) -> None:
        self.grammar = grammar
        self.tokens = grammar.tokens
        self.reporting_body = reporting_body
        self.seen: dict[str, tuple[str, str, str]] = {}  # lemma key of a short form → (name, type, parent)
        self.recent: dict[str, tuple[str, str, str]] = {}  # head lemma → last full entity with it
        self.types: dict[str, str] = {}  # canonical name → type, of the entities met so far
        self.national: set[str] = set()  # lemma keys of names written with the national prefix

    def words(self, first: int, last: int) -> list[str]:
        return [t.text for t in self.tokens[first : last + 1]]

    def core(self, span: _Span) -> tuple[list[Token], bool]:
        """The span's tokens without ``Azərbaycan Respublikası(nın)``; whether it had it."""
        first = span.first
        national = False
        if _is_prefix(self.tokens, first) and first + 2 <= span.last:
            national, first = True, first + 2
        return self.tokens[first : span.last + 1], national

    def name_of(self, span: _Span) -> tuple[str, str, str]:
        """(canonical name, type, parent name) of a span without a parent link."""
        if span.alias is not None:
            return canonical_of(span.alias), span.alias.type, span.alias.parent
        tokens, national = self.core(span)
        if span.company:  # ``“Azərişıq” ASC-yə`` → ``“Azərişıq” ASC``
            company_form = _ABBREVIATION.match(tokens[-1].text)
            assert company_form is not None  # _alias_spans made the span from this match
            name = _join([t.text for t in tokens[:-1]] + [company_form.group(1)])
            known = lookup(_name_words(name))
            if known is not None:
                return canonical_of(known), known.type, known.parent
            return name, KNOWN.legal_forms.get(company_form.group(1), "business"), ""
        head_token, head = tokens[-1], span.head
        assert head is not None
        if span.quoted_head:
            if head_token.kind == "quote":
                words = [t.text for t in tokens]
            else:
                words = [t.text for t in tokens[:-1]] + [
                    head_token.text[: len(head_token.text) - len(head_token.qsuffix) + 1]
                ]
            return self._resolve_quoted(_join(words), head)
        known = lookup([t.text for t in tokens])  # ``UNESCO üzrə Milli Komissiyası``: as written
        if known is not None:
            return canonical_of(known), known.type, known.parent
        # ``BMT-nin İnkişaf Proqramı``, ``BMT Baş Assambleyası``: an abbreviated parent, written out
        display = [_expand_abbreviation(t.text, leading=i == 0) for i, t in enumerate(tokens[:-1])]
        if head.plural and not head_token.text[0].isupper():  # the last conjunct of a coordination
            display = [
                capitalize(w) if w[0].islower() and casefold(w) not in NAME_FUNCTION_WORDS else w for w in display
            ]
        if all(t.text.isupper() for t in tokens if t.kind == "word"):
            display = title(" ".join(display)).split(" ") if display else []
        # Abbreviated parents written in the genitive (``BMT-nin İnkişaf Proqramı``).
        words_for_key = display + [head_token.text]
        body = lookup(words_for_key) or self._lookup_from_quote(tokens)
        if body is not None:
            return canonical_of(body), body.type, body.parent
        key = lemma_key(words_for_key)
        if key in NOT_ORGANIZATIONS:
            return "", "", ""
        state_like = (
            head.lemma == "nazirlik"
            or key in self.national
            or (
                head.lemma in ("xidmət", "agentlik", "komitə") and casefold(display[0]) == "dövlət"
                if display
                else False
            )
        )
        possessive = head.possessive or national or head.plural or state_like
        name = _join(display + [_nominative_head(head_token, head, possessive=possessive)])
        name = " ".join(unify_dashes(name).split())
        if national or state_like:
            name = f"{NATIONAL_PREFIX} {name}"
        return name, self._type_of(tokens, head, name), ""

    def _lookup_from_quote(self, tokens: list[Token]) -> Body | None:
        for index, token in enumerate(tokens):
            if token.kind == "quote":
                return lookup([t.text for t in tokens[index:]])
        return None

    def _resolve_quoted(self, name: str, head: NounForm) -> tuple[str, str, str]:
        """``“…Mərkəzi”nin``: a known body, or the entity whose name starts with that quoted name."""
        body = lookup(_name_words(name.strip(OPEN_QUOTES + CLOSE_QUOTES)))
        if body is not None:
            return canonical_of(body), body.type, body.parent
        for value in self.recent.values():
            if value[0].startswith(name) and value[0] != name:
                return value
        kind = HEADS[head.lemma].type
        if kind in ("working_group", "council"):  # ``“… işçi qrupu”nun``: the quotes only mark the name
            return name.strip(OPEN_QUOTES + CLOSE_QUOTES), kind, ""
        return name, kind if kind in ("media", "business") else _written_legal_form_type(name) or "ngo", ""

    @staticmethod
    def _type_of(tokens: list[Token], head: NounForm, name: str) -> str:
        kind = HEADS[head.lemma].type
        quoted = any(t.kind == "quote" for t in tokens)
        if kind in ("media", "business"):
            return kind
        if quoted:
            return _written_legal_form_type(name) or "ngo"
        first = casefold(tokens[0].text)
        if first == "beynəlxalq" and head.lemma not in ("fond",):
            return "international"
        parent = _ABBREVIATION.match(tokens[0].text) if len(tokens) > 1 else None
        if (
            parent
            and parent.group(1) in KNOWN.abbreviations
            and KNOWN.abbreviations[parent.group(1)].type == "international"
        ):
            return "international"  # ``BMT Baş Assambleyası``: a unit of an international body
        if head.lemma == "mərkəz" and any(casefold(t.text).startswith("təlim") for t in tokens):
            return "education"
        if kind == "other" and head.lemma == "fond":
            return "ngo"
        return kind

    def resolve(self, span: _Span) -> OrganizationMention | None:
        tokens = self.tokens
        start, end = tokens[span.first].start, tokens[span.last].end
        surface = self.grammar.text[start:end]
        if casefold(surface) in GENERIC_CLASS_WORDS:
            return None
        if span.anaphoric:
            name = self._antecedent_name(span)
            if not name:
                return None
            kind, parent = self.types.get(name, "state_body"), ""
            return OrganizationMention(start, end, surface, name, kind, org_key(name), parent, anaphoric=True)
        if span.parent is not None:
            name, kind, parent = self._with_parent(span)
        else:
            name, kind, parent = self.name_of(span)
            if not name:
                return None
            name, kind, parent = self._link_short_form(span, name, kind, parent)
        if not name:
            return None
        if span.head is not None:
            self.recent[span.head.lemma] = (name, kind, parent)
        self.types.setdefault(name, kind)
        return OrganizationMention(start, end, surface, name, kind, org_key(name), parent)

    def _antecedent_name(self, span: _Span) -> str:
        """What a bare head (``Xidmətin``, ``Agentlik yanında``) stands for: the reporting body
        when it has that head noun, else the last body named with it."""
        if span.head is None:
            return ""
        body_head = _head_of(casefold(self.reporting_body.split()[-1])) if self.reporting_body else None
        if body_head is not None and body_head.lemma == span.head.lemma:
            return self.reporting_body
        if span.head.lemma in self.recent:
            return self.recent[span.head.lemma][0]
        return ""

    def _with_parent(self, span: _Span) -> tuple[str, str, str]:
        parent = span.parent
        assert parent is not None
        child = replace(span, first=parent.last + (2 if span.parent_link == LINK_WORD else 1), parent=None)
        parent_name = self._parent_name(parent)
        # The whole phrase may be a known body (``Baş Prokurorluğunun … Baş İdarəsi``).
        tokens, _national = self.core(replace(span, parent=None))
        body = lookup([t.text for t in tokens])
        if body is not None:  # a later short form of the unit (``… Baş İdarəsi``) is this body
            entity = (canonical_of(body), body.type, parent_name or body.parent)
            self.seen.setdefault(lemma_key(self.words(child.first, child.last)), entity)
            return entity
        if not parent_name:
            return self.name_of(child)
        parent_type = (
            self.name_of(parent)[1] if parent.alias is not _PRESIDENT and not parent.anaphoric else "state_body"
        )
        child_name, child_type, _ = self._bare_name(child)
        parent_key = lemma_key(_name_words(_strip_national(parent_name)))
        keep_prefix = parent_key in NATIONAL_PARENTS or parent.alias is _PRESIDENT
        shown_parent = parent_name if keep_prefix else _strip_national(parent_name)
        if span.parent_link == LINK_WORD:  # ``A yanında B yanında C`` is no name: C is attached to B
            name = f"{shown_parent.rsplit(f' {LINK_WORD} ', 1)[-1]} {LINK_WORD} {child_name}"
        else:
            name = f"{_genitive(shown_parent)} {child_name}"
        kind = "international" if parent_type == "international" else child_type
        self.seen[lemma_key(_name_words(child_name))] = (name, kind, parent_name)
        return name, kind, parent_name

    def _parent_name(self, parent: _Span) -> str:
        """The canonical name of a parent span: the body a bare head stands for, the President, or its own name."""
        if parent.anaphoric or (
            parent.first == parent.last
            and parent.head is not None
            and parent.alias is None
            and parent.head.lemma in ANAPHORIC_HEADS
        ):
            return self._antecedent_name(parent)
        if parent.alias is _PRESIDENT:
            return f"{NATIONAL_PREFIX} Prezidenti"
        return self._link_short_form(parent, *self.name_of(parent))[0]

    def _bare_name(self, span: _Span) -> tuple[str, str, str]:
        """A unit's own name as written (no national prefix, no gazetteer): ``İctimai Şura``."""
        tokens = self.tokens[span.first : span.last + 1]
        head = span.head
        if head is None:
            return self.name_of(span)
        display = [t.text for t in tokens[:-1]]
        name = _join(display + [_nominative_head(tokens[-1], head, possessive=head.possessive)])
        return " ".join(unify_dashes(name).split()), self._type_of(tokens, head, name), ""

    def _link_short_form(self, span: _Span, name: str, kind: str, parent: str) -> tuple[str, str, str]:
        """``Miqrant Şurasının`` → the ``… yanında Miqrant Şurası`` met before; an unattached
        council of the reporting body → that body's council."""
        if span.head is None or name.startswith(NATIONAL_PREFIX) or span.alias is not None:
            return name, kind, parent
        tokens, _ = self.core(span)
        if any(t.kind == "quote" for t in tokens):
            return name, kind, parent
        key = lemma_key([t.text for t in tokens])
        if key in self.seen:
            return self.seen[key]
        if lookup([t.text for t in tokens]) is not None or not self.reporting_body:
            return name, kind, parent
        body = _strip_national(self.reporting_body)
        if span.head.lemma == "idarə" and not tokens[-1].text[0].isupper() and not span.head.plural:
            # ``Gəncə regional miqrasiya idarəsi``: a regional office of the reporting body
            return f"{_genitive(body)} {name}", kind, self.reporting_body
        if key in INTERNAL_ORGANS:
            return f"{_genitive(body)} {self._bare_name(span)[0]}", kind, self.reporting_body
        if span.head.lemma == "şura" and len(tokens) <= 2:
            return f"{body} yanında {self._bare_name(span)[0]}", kind, self.reporting_body
        return name, kind, parent


def _expand_abbreviation(word: str, *, leading: bool = False) -> str:
    """``BMT-nin`` → ``Birləşmiş Millətlər Təşkilatının``: an abbreviated genitive parent, written out;
    ``leading``: the word opens a longer name, where the parent may stand without the ending
    (``BMT Baş Assambleyası``)."""
    match = _ABBREVIATION.match(word)
    if not match or match.group(1) not in KNOWN.abbreviations:
        return word
    if not (leading and not match.group(2)) and not casefold(match.group(2) or "").endswith(("in", "ın", "un", "ün")):
        return word
    return _genitive(_strip_national(canonical_of(KNOWN.abbreviations[match.group(1)])))


def _join(words: list[str]) -> str:
    """Words back into a name: no space inside quotes or before ``,``/``)``, none after ``(``."""
    out = ""
    open_quote = False
    for word in words:
        if not out:
            out = word
        elif (
            word in CLOSE_QUOTES
            and open_quote
            or word in ",)"
            or out[-1] in OPEN_QUOTES + "("
            and (open_quote or out[-1] == "(")
        ):
            out += word
        else:
            out += " " + word
        if word in OPEN_QUOTES and not open_quote:
            open_quote = True
        elif word in CLOSE_QUOTES and open_quote:
            open_quote = False
    return out


# --- coordination ----------------------------------------------------------------------------


def _split_coordination(grammar: _Grammar, span: _Span) -> list[_Span]:
    """A plural head (``Ədliyyə və Daxili İşlər nazirliklərinin``): one span per conjunct, the
    last keeping the head; names in the gazetteer are taken whole (they may contain ``və``)."""
    head = span.head
    if head is None or not head.plural or span.parent is not None:
        return [span]
    tokens = grammar.tokens
    prefix_end = span.first + 2 if _is_prefix(tokens, span.first) else span.first
    words = list(range(prefix_end, span.last))  # token indexes before the head
    if not any(tokens[i].fold == "və" or tokens[i].text == "," for i in words):
        return [span]
    conjuncts = _conjuncts(tokens, words, tokens[span.last].text)
    if len(conjuncts) < 2:
        return [span]
    result = []
    for number, (first, last) in enumerate(conjuncts):
        if number == 0 and prefix_end != span.first:
            first = span.first
        if number == len(conjuncts) - 1:
            result.append(replace(span, first=first))
        else:
            result.append(_Span(first, last, NounForm(head.lemma, True, True, head.case), coordinated_head=span.last))
    return result


def _conjuncts(tokens: list[Token], words: list[int], head_text: str) -> list[tuple[int, int]]:
    """(first, last) token indexes of the conjuncts among ``words`` (joined by ``və`` or commas) before a head."""
    conjuncts: list[tuple[int, int]] = []
    position = 0
    while position < len(words):
        best = _known_conjunct_end(tokens, words, position, head_text)
        if best is None:
            best = position
            while best < len(words) and tokens[words[best]].fold != "və" and tokens[words[best]].text != ",":
                best += 1
        conjuncts.append((words[position], words[best - 1]))
        position = best
        while position < len(words) and (tokens[words[position]].fold == "və" or tokens[words[position]].text == ","):
            position += 1
    return conjuncts


def _known_conjunct_end(tokens: list[Token], words: list[int], position: int, head_text: str) -> int | None:
    """End (exclusive, in ``words``) of the longest gazetteer name starting at ``words[position]`` with the head."""
    for stop in range(len(words), position, -1):
        candidate = [tokens[i].text for i in words[position:stop]] + [head_text]
        if lookup(candidate) is not None:
            return stop
    return None


def find_organizations(text: str, *, reporting_body: str = "", anaphora: bool = True) -> list[OrganizationMention]:
    """Organization mentions in a text, in order.

    Args:
        text: normalized text.
        reporting_body: the canonical name of the body that wrote the document; bare heads
            (``Xidmətin``) and unattached councils (``İctimai Şuranın``) are linked to it.
        anaphora: include bare heads standing for a body (``anaphoric=True``).

    Returns:
        One mention per occurrence; ``text[m.start:m.end] == m.text``.
    """
    grammar = _Grammar(text)
    canonicalizer = _Canonicalizer(grammar, reporting_body)
    spans = grammar.spans()
    if reporting_body.startswith(NATIONAL_PREFIX):
        canonicalizer.national.add(lemma_key(_name_words(_strip_national(reporting_body))))
    for span in spans:  # a name written once with ``Azərbaycan Respublikası`` is national everywhere
        tokens, national = canonicalizer.core(span)
        if national and span.parent is None:
            canonicalizer.national.add(lemma_key([t.text for t in tokens]))
    mentions: list[OrganizationMention] = []
    for span in spans:
        for part in _split_coordination(grammar, span):
            mention = _resolve_part(canonicalizer, grammar, part)
            if mention is not None and (anaphora or not mention.anaphoric):
                mentions.append(mention)
    return _with_parenthesized_abbreviations(text, _defined_in_parentheses(text, _link_to_full_names(mentions)))


@lru_cache(maxsize=8192)
def _name_key_words(name: str) -> tuple[str, ...]:
    """The words of a canonical name as lemmas (``Hökumətin`` and ``Hökumət`` alike), without the national prefix."""
    return tuple(_lemma_of_key_word(word) for word in lemma_key(_name_words(_strip_national(name))).split())


@lru_cache(maxsize=65536)
def _lemma_of_key_word(word: str) -> str:
    return word if _head_of(word) is not None or not word.isalpha() else morphology.lemma(word)


def _is_subsequence(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    remaining = iter(full)
    return all(word in remaining for word in short)


def _link_to_full_names(mentions: list[OrganizationMention]) -> list[OrganizationMention]:
    """In-document coreference: a short form whose words (as lemma keys) are a part, in order, of
    exactly one fuller name of the document with the same head is that entity (``Rayon İcra
    Hakimiyyəti`` after ``Şuşa Rayon İcra Hakimiyyəti``). Known bodies, quoted names, attached units
    and anaphoric mentions keep their names."""
    entities: dict[str, tuple[tuple[str, ...], OrganizationMention]] = {}
    for mention in mentions:
        if not mention.anaphoric:
            entities.setdefault(mention.name, (_name_key_words(mention.name), mention))
    result = []
    for mention in mentions:
        words = _name_key_words(mention.name)
        if (
            mention.anaphoric
            or mention.parent
            or len(words) < 2
            or '"' in words
            or lookup(_name_words(_strip_national(mention.name))) is not None
        ):
            result.append(mention)
            continue
        fuller = [(full_words, full) for full_words, full in entities.values() if _contains(full_words, words)]
        # the fullest names: other short forms of the same entity (``Milli … İşçi Qrupu``) are not rivals
        fullest = {
            full.key: full for full_words, full in fuller if not any(_contains(w, full_words) for w, _ in fuller)
        }
        if len(fullest) != 1:
            result.append(mention)
            continue
        full = next(iter(fullest.values()))
        result.append(replace(mention, name=full.name, type=full.type, key=full.key, parent=full.parent))
    return result


def _contains(full: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """Whether the name ``full`` names in full what ``short`` names in part (same head, longer, the words in order)."""
    return len(full) > len(short) and full[-1] == short[-1] and _is_subsequence(short, full)


_PARENTHESIZED = re.compile(r"[ \t]*\(([A-ZÇƏĞIİÖŞÜ][\w]{1,11})\)")
# A whole word (not after a letter, digit or hyphen) with any ending after a dash: the place where
# an abbreviation may be used (``KOBİA``, ``KOBİA-nın``). Group 1 is the word, group 2 the ending.
_WORD_USE = re.compile(rf"(?<![\w-])(\w+)(?=({DASH_CLASS}[^\W\d_]{{1,5}}(?![\w-])|(?![\w-])))")


def _defined_in_parentheses(text: str, mentions: list[OrganizationMention]) -> list[OrganizationMention]:
    """A known abbreviation defined by the document wins over the gazetteer: ``Azərbaycan Dövlət Teleqraf
    Agentliyinin (AZƏRTAC)`` makes that ``AZƏRTAC`` and its later uses (``AZƏRTAC-ın``) the body named before
    the parentheses, not the body the gazetteer gives the abbreviation (here its successor).

    Args:
        text: the text of the mentions.
        mentions: the mentions, in order.

    Returns:
        The mentions, those of a redefined abbreviation with the defining mention's name, type, key and parent.
    """
    result = list(mentions)
    redefined: dict[tuple[str, str], OrganizationMention] = {}  # (abbreviation, gazetteer name) → definition
    for index, mention in enumerate(result):
        word = _ABBREVIATION.match(mention.text)
        if word is not None and (word.group(1), mention.name) in redefined:
            definition = redefined[(word.group(1), mention.name)]
            result[index] = replace(
                mention, name=definition.name, type=definition.type, key=definition.key, parent=definition.parent
            )
            continue
        if index + 1 >= len(result) or mention.anaphoric:
            continue
        following = result[index + 1]
        match = _PARENTHESIZED.match(text, mention.end)
        if (
            match is not None
            and (match.start(1), match.end(1)) == (following.start, following.end)
            and following.text in KNOWN.abbreviations
            and following.name != mention.name
        ):
            redefined[(following.text, following.name)] = mention
    return result


def _with_parenthesized_abbreviations(text: str, mentions: list[OrganizationMention]) -> list[OrganizationMention]:
    """``Azərbaycan Dövlət İqtisad Universiteti (UNEC)``: the abbreviation is a mention of the same body.

    Mentions never overlap a mention taken before; the characters taken are marked (mentions
    are never empty), so each check costs the length of the new mention, not the mentions so far.
    """
    result = list(mentions)
    taken = bytearray(len(text))
    for mention in mentions:
        taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    defined: dict[str, OrganizationMention] = {}
    for mention in mentions:
        match = _PARENTHESIZED.match(text, mention.end)
        if not match or mention.anaphoric:
            continue
        word = match.group(1)
        if not (sum(char.isupper() for char in word) >= 2 or word in KNOWN.abbreviations or word in KNOWN.aliases):
            continue
        start, end = match.start(1), match.end(1)
        if taken.find(1, start, end) >= 0:
            continue
        result.append(replace(mention, start=start, end=end, text=word, parent=mention.parent))
        taken[start:end] = b"\x01" * (end - start)
        defined[word] = mention
    # An abbreviation defined once stands for its body everywhere in the text (``KOBİA ilə``, ``KOBİA-nın``):
    # one pass finds the uses of every abbreviation, taken word by word in the order of their definitions.
    uses: dict[str, list[tuple[int, int]]] = {word: [] for word in defined}
    for match in _WORD_USE.finditer(text) if defined else ():
        if match.group(1) in uses:
            uses[match.group(1)].append((match.start(), match.end() + len(match.group(2))))
    for word, mention in defined.items():
        for start, end in uses[word]:
            if taken.find(1, start, end) < 0:
                result.append(replace(mention, start=start, end=end, text=text[start:end]))
                taken[start:end] = b"\x01" * (end - start)
    return sorted(result, key=lambda m: (m.start, m.end))


def _resolve_part(canonicalizer: _Canonicalizer, grammar: _Grammar, span: _Span) -> OrganizationMention | None:
    head_index = span.coordinated_head
    if head_index is None:
        return canonicalizer.resolve(span)
    tokens = grammar.tokens
    start, end = tokens[span.first].start, tokens[span.last].end
    core_first = span.first + 2 if _is_prefix(tokens, span.first) else span.first
    shared: list[str] = []  # ``Nəsimi, Yasamal və Xətai rayon icra hakimiyyətləri``: ``rayon icra`` is every conjunct's
    cursor = head_index - 1
    while cursor > span.last and tokens[cursor].kind == "word" and tokens[cursor].text[0].islower():
        shared.insert(0, capitalize(tokens[cursor].text))
        cursor -= 1
    words = [t.text for t in tokens[core_first : span.last + 1]] + shared + [tokens[head_index].text]
    body = lookup(words)
    if body is not None:
        name, kind = canonical_of(body), body.type
    else:
        head = span.head
        assert head is not None  # _split_coordination gives a conjunct its shared head
        name = _join(words[:-1] + [capitalize(possessive_form(head.lemma))])
        name = f"{NATIONAL_PREFIX} {name}" if head.lemma == "nazirlik" else name
        kind = HEADS[head.lemma].type
    return OrganizationMention(start, end, grammar.text[start:end], name, kind, org_key(name))


def canonicalize_surface(text: str, start: int, end: int, *, reporting_body: str = "") -> OrganizationMention | None:
    """A mention for a span found by other means (the statistical model), named like the grammar's.

    The grammar is run on the span alone; when it reads the whole span as one name that name is
    used, otherwise the surface with its last word in the nominative (when it is a head noun).

    Returns:
        The mention (``source="model"``), or None for a span that is only punctuation or spaces.
    """
    surface = text[start:end]
    if not surface.strip() or not any(char.isalpha() for char in surface):
        return None
    for mention in find_organizations(surface, reporting_body=reporting_body, anaphora=False):
        if mention.start == 0 and mention.end == len(surface):
            return replace(mention, start=start, end=end, source="model")
    words = surface.split()
    head = _head_of(casefold(words[-1]))
    if head is not None:
        words[-1] = _nominative_head(Token(0, 0, words[-1], "word", "", ""), head, possessive=head.possessive)
    name = " ".join(unify_dashes(" ".join(words)).split())
    kind = HEADS[head.lemma].type if head is not None else "other"
    return OrganizationMention(start, end, surface, name, kind, org_key(name), source="model")
