"""One text layer per document: the text folded once, tokenized once, each word analyzed once.

:meth:`TextLayer.of` folds the text with :func:`reportparse.lang.az.casing.casefold` (once,
length-preserving, so every offset of the text is an offset of the folded text) and splits it
with one linear regular expression into tokens:

* ``word`` — letters (Azerbaijani ``ə ı ö ü ğ ş ç İ`` and every other script), with apostrophes
  and hyphens inside (``Qeyri-Hökumət``, ``tarix-mədəniyyət``);
* ``number`` — an integer, also grouped in thousands by spaces or dots (``50``, ``2 500``,
  ``2.500``); ``decimal`` (``398,3``); ``date`` (``28.01.2022``, ``03-04-2016``, ``19.09.88``);
  ``item`` (``4.2.10``, ``5.1``);
* an ending joined by a hyphen or apostrophe (``BMT-nin``, ``ASC-nin``, ``2022-ci``, ``15-də``,
  ``01.09.2003-dən``) stays in the token of its base, with :attr:`Token.base` and
  :attr:`Token.suffix` (only after a number or an abbreviation, and only a real ending:
  ``713-IVQ`` is three tokens);
* ``quote`` (“ ” « » " „ ‘ ’ ' ‹ ›) and ``punct`` (any other character but a space, one a token).

Each token's morphological analysis (:mod:`reportparse.lang.az.morphology`) is computed on
first use and kept:

    >>> layer = TextLayer.of("BMT-nin 2022-ci il 15 martda Məclisinə 2 500 nəfər")
    >>> [(t.surface, t.kind) for t in layer.tokens][:4]
    [('BMT-nin', 'word'), ('2022-ci', 'number'), ('il', 'word'), ('15', 'number')]
    >>> layer.tokens[0].base, layer.tokens[0].suffix, layer.tokens[0].analysis.case
    ('BMT', 'nin', 'genitive')
    >>> layer.tokens[5].analysis.lemma, layer.tokens[6].value
    ('məclis', 2500)

Pure Python (no pandas, no spaCy): extractors and spaCy components read the layer of a
:class:`reportparse.document.Document` (``doc.layer``) instead of folding and tokenizing again.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Container, Iterator
from typing import ClassVar

from reportparse.lang.az import morphology
from reportparse.lang.az.casing import casefold, lower
from reportparse.lang.az.morphology import Reading

KINDS = ("word", "number", "decimal", "date", "item", "quote", "punct")
"""Token kinds."""

QUOTES = "“”«»\"„‟‘’'‚‹›"
"""Characters that are ``quote`` tokens when they stand alone (an apostrophe inside a word is
part of the word)."""

_MARKS = "\u0300-\u036f"  # combining marks (a decomposed İ is I + U+0307)
_LETTERS = rf"[^\W\d_][^\W\d_{_MARKS}]*(?:[{_MARKS}]+[^\W\d_]*)*"
_APOSTROPHES = "'’ʼ"
_HYPHENS = "-\u2010\u2011"
_WORD = rf"{_LETTERS}(?:[{_APOSTROPHES}]{_LETTERS})*(?:[{_HYPHENS}]{_LETTERS}(?:[{_APOSTROPHES}]{_LETTERS})*)*"
WORD_INNER = f"[{_HYPHENS}{_APOSTROPHES}{_MARKS}]"  # hyphens first: a "-" between two characters makes a range
"""A character class of what a ``word`` token may hold besides letters: apostrophes, hyphens and
combining marks (``Qur’an``, ``Qeyri-Hökumət``, a decomposed ``İ``)."""
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH = r"(?:0[1-9]|1[0-2])"
_DATE = (
    rf"{_DAY}(?P<sep>[./-]){_MONTH}(?P=sep)\d{{4}}(?!\d)"
    rf"|(?:0[1-9]|[12]\d|3[01])(?P<sep2>[./-]){_MONTH}(?P=sep2)\d\d(?![\d])"
)
_GROUPED = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d{1,3}(?:\.\d{3})+(?!\.?\d)"
_TOKEN = re.compile(
    r"\s*(?:"  # the spaces before a token are read over at once, not tried as a token's start
    # first: most tokens are words, and no other kind starts with a letter; a word without an
    # apostrophe or hyphen inside (its letters, taken whole, not followed by one and a letter) apart
    # (the letters taken whole: no letter or mark follows them; an atomic group would need Python 3.11)
    rf"(?P<word>{_LETTERS}(?![^\W\d_]|[{_MARKS}]|[{_HYPHENS}{_APOSTROPHES}][^\W\d_]))"
    rf"|(?P<joined>{_WORD})"
    rf"|(?P<date>{_DATE})"
    rf"|(?P<grouped>{_GROUPED})"
    r"|(?P<decimal>\d+,\d+)"
    r"|(?P<item>\d+(?:\.\d+)+)"
    r"|(?P<number>\d+)"
    rf"|(?P<quote>[{re.escape(QUOTES)}])"
    r"|(?P<punct>\S))"
)
_KEEP_FROM = 200
"""Characters from which :meth:`TextLayer.of` keeps a layer for the next call (shorter texts,
names and phrases, are tokenized again: cheaper than holding them)."""
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_NUMBER_ENDING = re.compile(rf"[{_HYPHENS}]({_LETTERS})")
_NUMBER_KINDS = frozenset(("number", "grouped", "decimal", "date", "item"))


class _Shared:
    """What every token of one layer reads: the text, its folded form, the vocabulary. It holds
    no token, so a layer is freed as soon as it is dropped (no reference cycle)."""

    __slots__ = ("_vocabulary", "folded", "text")

    def __init__(self, text: str, folded: str) -> None:
        self.text = text
        self.folded = folded
        self._vocabulary: frozenset[str] | None = None

    @property
    def vocabulary(self) -> frozenset[str]:
        if self._vocabulary is None:
            self._vocabulary = morphology.vocabulary_of(_LETTER_RUN.findall(self.folded))
        return self._vocabulary


class Token:
    """One token of a :class:`TextLayer`; its strings are slices of the layer's text.

    Attributes:
        index: position in :attr:`TextLayer.tokens`.
        start: offset of the first character in the text.
        end: offset after the last character: ``text[start:end] == surface``.
        kind: one of :data:`KINDS`.
        split: for a token with an ending written apart (``BMT-nin``), the offset of the hyphen
            or apostrophe within the token; else -1.
    """

    __slots__ = ("_analysis", "_shared", "end", "index", "kind", "split", "start")

    def __init__(self, shared: _Shared, index: int, start: int, end: int, kind: str, split: int) -> None:
        self._shared = shared
        self.index = index
        self.start = start
        self.end = end
        self.kind = kind
        self.split = split
        self._analysis: Reading | None = None

    @property
    def surface(self) -> str:
        """The token as written."""
        return self._shared.text[self.start : self.end]

    @property
    def folded(self) -> str:
        """The token case-folded (Azerbaijani rules), as long as :attr:`surface`."""
        return self._shared.folded[self.start : self.end]

    @property
    def base(self) -> str | None:
        """What precedes an ending written apart (``BMT`` of ``BMT-nin``, ``2022`` of ``2022-ci``), or None."""
        return None if self.split < 0 else self._shared.text[self.start : self.start + self.split]

    @property
    def suffix(self) -> str | None:
        """The ending written apart (``nin``, ``ci``, ``də``), without its hyphen, or None."""
        return None if self.split < 0 else self._shared.text[self.start + self.split + 1 : self.end]

    @property
    def is_word(self) -> bool:
        return self.kind == "word"

    @property
    def is_number(self) -> bool:
        """A ``number`` or ``decimal`` token (a quantity, not a date or item number)."""
        return self.kind in ("number", "decimal")

    @property
    def capitalized(self) -> bool:
        """Whether the token starts with an uppercase letter."""
        return self._shared.text[self.start].isupper()

    @property
    def value(self) -> int | float | None:
        """The quantity of a ``number`` (``2 500`` → 2500) or ``decimal`` (``398,3`` → 398.3), else None."""
        digits = self.surface if self.split < 0 else self.surface[: self.split]
        if self.kind == "number":
            return int(re.sub(r"\D", "", digits))
        if self.kind == "decimal":
            return float(digits.replace(",", "."))
        return None

    @property
    def analysis(self) -> Reading | None:
        """The morphological analysis of a word or of a number with an ending (computed once).

        Words: :func:`reportparse.lang.az.morphology.analyze_reading` with the document's
        :attr:`TextLayer.vocabulary` as known lemmas; numbers: the number as lemma, with the
        case or ``ordinal``/``up_to`` derivation of its ending. None for quotes and punctuation.
        """
        if self._analysis is None and self.kind not in ("quote", "punct"):
            self._analysis = morphology.analyze_reading(self.folded, known=self._shared.vocabulary)
        return self._analysis

    @property
    def readings(self) -> tuple[Reading, ...]:
        """Every reading of the token (:func:`reportparse.lang.az.morphology.all_readings`)."""
        if self.kind in ("quote", "punct"):
            return ()
        return morphology.all_readings(self.folded)

    @property
    def lemma(self) -> str:
        """The lemma of :attr:`analysis`, or the folded token."""
        analysis = self.analysis
        return analysis.lemma if analysis is not None else self.folded

    def __repr__(self) -> str:
        return f"Token({self.surface!r}, {self.kind}, {self.start}:{self.end})"


class TextLayer:
    """A text, its folded form and its tokens; build it with :meth:`of`.

    Attributes:
        text: the text.
        folded: the text case-folded once, as long as ``text``.
        tokens: the tokens in text order.
    """

    __slots__ = ("__weakref__", "_made", "_shared", "_spans", "_starts", "_tokens", "folded", "text")
    _last: ClassVar[TextLayer | None] = None

    def __init__(self, text: str) -> None:
        self.text = text
        folded = casefold(text)
        self.folded = folded if len(folded) == len(text) else lower(text)
        self._shared = _Shared(self.text, self.folded)
        self._spans: list[tuple[int, int, str, int]] | None = None
        self._tokens: list[Token] | None = None
        self._made: dict[int, Token] = {}
        self._starts = array("q")

    @property
    def spans(self) -> list[tuple[int, int, str, int]]:
        """``(start, end, kind, split)`` of every token in text order, as :class:`Token` holds them
        (tokenized on first use, once: a stage that reads only :attr:`folded`, such as the date
        grammar, costs no tokenization; a stage that reads only spans builds no token object)."""
        if self._spans is None:
            self._spans = self._tokenize()
            self._starts = array("q", [span[0] for span in self._spans])
        return self._spans

    @property
    def tokens(self) -> list[Token]:
        """The tokens in text order (built on first use, once)."""
        if self._tokens is None:
            shared, made = self._shared, self._made
            self._tokens = [made.get(index) or Token(shared, index, *span) for index, span in enumerate(self.spans)]
            self._made = {}
        return self._tokens

    def token(self, index: int) -> Token:
        """Token ``index`` (built alone when :attr:`tokens` is not built: the same object every call)."""
        if self._tokens is not None:
            return self._tokens[index]
        token = self._made.get(index)
        if token is None:
            token = self._made[index] = Token(self._shared, index, *self.spans[index])
        return token

    @classmethod
    def of(cls, text: str) -> TextLayer:
        """The layer of ``text`` (folded now, tokenized and analyzed on first use).

        The layer of the last long text asked for is kept and given again for the same text (the
        same string object, or an equal one: spaCy's ``doc.text`` is a new string at each call), so
        the extractors and spaCy components that each get a document's text share the document's
        one layer (``Document.layer`` is built here too).

        Args:
            text: any string (a document's normalized text).

        Returns:
            The :class:`TextLayer` (folded now; tokenized on first use of :attr:`tokens`).
        """
        last = cls._last
        if last is not None and (last.text is text or last.text == text):  # identity, else one memcmp
            return last
        layer = cls(text)
        if len(text) >= _KEEP_FROM:
            cls._last = layer
        return layer

    def _tokenize(self) -> list[tuple[int, int, str, int]]:
        text, position = self.text, 0
        last = len(text.rstrip())  # trailing spaces hold no token
        spans: list[tuple[int, int, str, int]] = []
        append = spans.append
        while position < last:  # one regex pass, taken up again after a number's ending
            for match in _TOKEN.finditer(text, position, last):
                kind = match.lastgroup or "punct"
                start, end = match.span(kind)
                if kind == "word":
                    append((start, end, kind, -1))
                    continue
                if kind == "joined":
                    append((start, end, "word", self._word_split(start, end)))
                    continue
                if kind in _NUMBER_KINDS:
                    kind = "number" if kind == "grouped" else kind
                    ending = _NUMBER_ENDING.match(text, end)
                    if ending and lower(ending.group(1)) in morphology.ENDINGS:
                        append((start, ending.end(), kind, end - start))
                        position = ending.end()
                        break
                append((start, end, kind, -1))
            else:
                break
        return spans

    def _word_split(self, start: int, end: int) -> int:
        """The split of a word: an abbreviation's ending written apart is kept in the token
        (``BMT-nin``, ``QHT-lərin``); a hyphen before a non-ending stays inside a compound (-1)."""
        surface = self.text[start:end]
        at = max(surface.rfind(separator) for separator in _HYPHENS + _APOSTROPHES)
        if at < 0:
            return -1
        head, tail = surface[:at], surface[at + 1 :]
        if lower(tail) in morphology.ENDINGS and (_abbreviation(head) or surface[at] in _APOSTROPHES):
            return at
        return -1

    @property
    def vocabulary(self) -> frozenset[str]:
        """Stems the text attests before a plural ending (:func:`reportparse.lang.az.morphology.vocabulary`):
        the known lemmas of every token's analysis (read from the folded text)."""
        return self._shared.vocabulary

    def analyze(self, token: Token, *, known: Container[str] | None = None) -> Reading | None:
        """The analysis of ``token`` preferring other lemmas (``known``), e.g. the act words an
        extractor looks for; with ``known`` None, :attr:`Token.analysis`.

        Args:
            token: a token of this layer.
            known: lowercase lemmas to prefer instead of the document's vocabulary.

        Returns:
            The :class:`reportparse.lang.az.morphology.Reading`, or None for quotes and punctuation.
        """
        if known is None or token.kind in ("quote", "punct"):
            return token.analysis
        return morphology.analyze_reading(token.folded, known=known)

    def index_at(self, offset: int) -> int:
        """The index of the first token starting at or after ``offset`` (``len(tokens)`` if none)."""
        self.spans  # noqa: B018  (tokenized on first use)
        return bisect_left(self._starts, offset)

    def token_at(self, offset: int) -> Token | None:
        """The token covering the character at ``offset``, or None (a space)."""
        spans = self.spans
        index = bisect_right(self._starts, offset) - 1
        if index >= 0 and spans[index][1] > offset:
            return self.token(index)
        return None

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens lying wholly inside ``[start, end)``."""
        first = self.index_at(start)  # tokenizes on first use
        last = bisect_left(self._starts, end)
        return [token for token in self.tokens[first:last] if token.end <= end]

    def gap_before(self, index: int) -> str:
        """The text between token ``index - 1`` (or the start) and token ``index`` (or the end)."""
        spans = self.spans
        start = spans[index - 1][1] if index > 0 else 0
        end = spans[index][0] if index < len(spans) else len(self.text)
        return self.text[start:end]

    def newline_before(self, index: int) -> bool:
        """Whether a line break separates token ``index`` from the one before."""
        return "\n" in self.gap_before(index)

    def words(self) -> Iterator[Token]:
        """The ``word`` tokens, in order."""
        return (token for token in self.tokens if token.kind == "word")

    def __len__(self) -> int:
        return len(self.spans)

    def __repr__(self) -> str:
        return f"TextLayer({len(self.text)} chars, {len(self.spans)} tokens)"


def _abbreviation(word: str) -> bool:
    """Two or more letters with at least two uppercase ones (``BMT``, ``ASC``, ``AzTV``)."""
    return len(word) >= 2 and sum(char.isupper() for char in word) >= 2
