"""Document metadata from the title: the reporting body, the reporting year, the plan period.

The title is the text before the first item heading, up to the document-type word on a line of
its own (``HESABAT``, ``MƏLUMAT``, …), joined into one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportparse.document import Document
from reportparse.extract.organizations import find_organizations, lemma_key
from reportparse.lang.az.casing import casefold, upper
from reportparse.lang.az.casing import title as title_case
from reportparse.lang.az.organizations import HEAD_NOUNS, INTERNAL_ORGANS, nominative
from reportparse.lang.az.orthography import DASH_CLASS, ORDINAL_SUFFIXES
from reportparse.lang.az.words import wordlist
from reportparse.structure.segment import Segmentation

DOCUMENT_TYPES = wordlist("document_types")
"""Words that end a report's title block when they stand on a line of their own."""

NATIONAL_PREFIX = "Azərbaycan Respublikasının"
TITLE_MAX_CHARS = 400

_SUFFIX = rf"[-–]?(?:{'|'.join(ORDINAL_SUFFIXES)})"
_PERIOD = re.compile(rf"\b((?:19|20)\d\d)\s*{DASH_CLASS}\s*((?:19|20)\d\d){_SUFFIX}\s+illər")
# The year's first digit, after no digit or dash (nor a dash and a space), read before the look-behinds:
# the engine skips to the 1s and 2s instead of trying the look-behinds at every place.
_YEAR = re.compile(rf"([12](?<![\d–─—-][12])(?<![-–─—]\s[12])(?:(?<=1)9|(?<=2)0)\d\d){_SUFFIX}\s+il(?!lər)\w*")
_TYPE_WORD = re.compile(  # HESABAT, HESABATI, MƏLUMAT, ARAYIŞ, also letter-spaced (H E S A B A T) inside a line
    "(?<![^\\W\\d_])(?:"
    + "|".join(" ?".join(upper(w)) for w in sorted((t for t in DOCUMENT_TYPES if " " not in t), key=len, reverse=True))
    + ")(?![^\\W\\d_])"
)
_HEADS = "|".join(casefold(head[:-1]) for head in HEAD_NOUNS)
_BODY = re.compile(rf"azərbaycan respublikası(?:nın)?\s+((?:[^\W\d_][\w-]*\s+){{1,6}}?(?:{_HEADS})\w*)")


@dataclass
class Metadata:
    """What the title says about the document (None / "" when it does not say)."""

    title: str
    organization: str
    year: int | None
    period_start: str
    period_end: str


def title_block(document: Document, segmentation: Segmentation) -> str:
    """The title: preamble lines up to the document-type line (or, in text without line structure,
    up to the type word in capitals: ``… HESABATI``), joined into one line."""
    headed = segmentation.headed
    preamble = document.text[: headed[0].heading_start] if headed else document.text
    lines = []
    for line in preamble.split("\n"):  # lines, not paragraphs: a PDF or DOCX may have no blank line after it
        if not line.strip():
            continue
        lines.append(" ".join(line.split()))
        folded = casefold(lines[-1])
        if folded in DOCUMENT_TYPES or folded.endswith(" tədbirlər planı"):
            return " ".join(lines)  # a line "HESABAT", or a plan's title line "… üçün Tədbirlər Planı"
    typed = _TYPE_WORD.search(preamble, 0, 2 * TITLE_MAX_CHARS)  # no line structure: the type word in capitals
    if typed:
        return " ".join(preamble[: typed.start()].split() + ["".join(typed.group().split())])
    first = " ".join(document.text.strip().split("\n\n", 1)[0].split())
    if len(first) > TITLE_MAX_CHARS:  # no title block: a long first paragraph is cut at a word
        first = first[:TITLE_MAX_CHARS].rsplit(" ", 1)[0] + "…"
    return first


def reporting_body(title: str) -> str:
    """The canonical name of the first national body named in the title (or of its unit, or of the
    body attached to it, when the name goes on: ``… Ədliyyə Nazirliyinin Penitensiar Xidmətinin
    hesabatı``), else of the first body the title names (``Bakı Şəhər İcra Hakimiyyətinin …
    hesabatı``), or ""."""
    match = _BODY.search(casefold(title))
    if not match:
        named = [m for m in find_organizations(title, anaphora=False) if m.type in ("state_body", "council")]
        return named[0].name if named else ""
    for mention in find_organizations(title, anaphora=False):
        # a unit of the national body, or a body attached to it, writes the report: ``… Ədliyyə
        # Nazirliyinin Penitensiar Xidmətinin hesabatı``, ``… Nazirliyi yanında … Agentliyinin``
        if (
            mention.parent
            and mention.start <= match.start(1) < mention.end
            and mention.end > match.end(1)
            and not _internal_organ(mention.name)  # ``… Agentliyinin İdarə Heyətinin qərarı ilə``: the agency's
        ):
            return mention.name
    words = title[match.start(1) : match.end(1)].split()
    if title[match.start(1) : match.end(1)].isupper():
        words = title_case(" ".join(words)).split()
    words[-1] = nominative(words[-1])
    return f"{NATIONAL_PREFIX} {' '.join(words)}"


def _internal_organ(name: str) -> bool:
    """Whether a name ends in an organ of its body (``… Agentliyinin İdarə Heyəti``): the body
    approves or reports through it, the organ does not report."""
    key = lemma_key(name.split())
    return any(key == organ or key.endswith(f" {organ}") for organ in INTERNAL_ORGANS)


def extract_metadata(document: Document, segmentation: Segmentation, *, year: int | None = None) -> Metadata:
    """Title, reporting body, reporting year and plan period of a document.

    Args:
        document: the normalized document.
        segmentation: its sections (the title ends where the first heading starts).
        year: the reporting year when the caller knows it (overrides the title).

    Returns:
        The metadata; the year is the last single year the title names (``2022-ci il üzrə``,
        ``2021-ci ildə``), the period the first span of years (``2020–2022-ci illər``).
    """
    title = title_block(document, segmentation)
    folded = casefold(title)  # same length; a title in capitals says 2024-CÜ İLDƏ
    period = _PERIOD.search(folded)
    years = [int(match.group(1)) for match in _YEAR.finditer(folded)]
    return Metadata(
        title=title,
        organization=reporting_body(title),
        year=year if year is not None else (years[-1] if years else None),
        period_start=f"{period.group(1)}-01-01" if period else "",
        period_end=f"{period.group(2)}-12-31" if period else "",
    )
