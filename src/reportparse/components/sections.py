"""``az_sections``: a spaCy component that puts the report's plan-item sections in ``doc.spans["sections"]``.

    >>> import spacy, reportparse.components
    >>> nlp = spacy.blank("az")
    >>> _ = nlp.add_pipe("az_sections")
    >>> doc = nlp("Giriş.\\n1-ci bəndin icrasına dair (Şuranın iclasları):\\nİclas keçirilib.\\n")
    >>> [(s.label_, s._.commitment) for s in doc.spans["sections"]]
    [('', ''), ('1', 'Şuranın iclasları')]

Sections come from :func:`reportparse.structure.segment.segment` on ``doc.text``. Each span runs
from its heading to the next heading; its label is the item the heading names (several as
``2,43,44``; "" for the preamble and a chapter heading), ``span._.commitment`` the commitment
stated in the heading and ``span._.section`` the whole
:class:`~reportparse.structure.segment.Section` (both stored as plain data, so
``DocBin(store_user_data=True)`` keeps them).
"""

from __future__ import annotations

import hashlib

from spacy.language import Language
from spacy.tokens import Doc, Span

from reportparse.components.spans import set_mention_extension
from reportparse.document import Document, OffsetMap, Page, RawText
from reportparse.structure.segment import Section, segment

SPAN_KEY = "sections"

if not Span.has_extension("commitment"):
    Span.set_extension("commitment", default="")
set_mention_extension("section", Section)


def _document(text: str) -> Document:
    """The text of a spaCy doc as a :class:`~reportparse.document.Document` (one page, in memory)."""
    sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    raw = RawText(pages=(text,), source=None, sha256=sha256, format="text", extractor="spacy")
    return Document(
        text=text, raw=raw, offset_map=OffsetMap.identity(len(text)), doc_id=sha256[:12], pages=[Page(1, 0, len(text))]
    )


class SectionsComponent:
    """Splits the doc into plan-item sections (``doc.spans["sections"]``)."""

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        if doc.text.strip():
            for section in segment(_document(doc.text)).sections:
                span = doc.char_span(
                    section.heading_start, section.end, label=",".join(section.items), alignment_mode="expand"
                )
                if span is None or not len(span):
                    continue
                span._.commitment = section.commitment
                span._.section = section
                spans.append(span)
        doc.spans[SPAN_KEY] = spans
        return doc


@Language.factory("az_sections")
def make_sections_component(nlp: Language, name: str) -> SectionsComponent:
    """Factory of :class:`SectionsComponent` (``nlp.add_pipe("az_sections")``)."""
    return SectionsComponent()
