"""``az_references``: a spaCy component that puts references to acts, plan items and articles in
``doc.spans["references"]``.

    >>> import spacy, reportparse.components
    >>> nlp = spacy.blank("az")
    >>> _ = nlp.add_pipe("az_references")
    >>> doc = nlp("Azərbaycan Respublikası Prezidentinin 2022-ci il 4 aprel tarixli 3199 nömrəli Sərəncamı")
    >>> [(s.label_, s._.reference.act_type, s._.reference.number, s._.reference.date) for s in doc.spans["references"]]
    [('act', 'Sərəncam', '3199', '2022-04-04')]

Each span's label is the mention's kind (``act``, ``plan_item``, ``article``) and
``span._.reference`` the :class:`~reportparse.extract.references.ReferenceMention`; the year for
act dates without one is ``doc._.report_year`` or ``year``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from reportparse.components.spans import mention_spans, set_mention_extension
from reportparse.extract.references import ReferenceMention, find_references

SPAN_KEY = "references"

set_mention_extension("reference", ReferenceMention)
if not Doc.has_extension("report_year"):
    Doc.set_extension("report_year", default=None)


class ReferencesComponent:
    """Finds references to legal acts, plan items and articles."""

    def __init__(self, *, year: int | None = None) -> None:
        self.year = year

    def __call__(self, doc: Doc) -> Doc:
        year = doc._.report_year if doc._.report_year is not None else self.year
        doc.spans[SPAN_KEY] = mention_spans(
            doc, find_references(doc.text, year=year), label=lambda m: m.kind, extension="reference"
        )
        return doc


@Language.factory("az_references", default_config={"year": None})
def make_references_component(nlp: Language, name: str, year: int | None) -> ReferencesComponent:
    """Factory of :class:`ReferencesComponent` (``nlp.add_pipe("az_references")``)."""
    return ReferencesComponent(year=year)
