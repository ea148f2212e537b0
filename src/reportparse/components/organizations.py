"""``az_organizations``: a spaCy component that puts organization mentions in ``doc.spans["organizations"]``.

    >>> import spacy, reportparse.components
    >>> nlp = spacy.blank("az")
    >>> _ = nlp.add_pipe("az_organizations", config={"reporting_body": ""})
    >>> doc = nlp("Hesabat Miqrant Şurasının iclasında müzakirə edilib.")
    >>> [(s.text, s._.organization.name) for s in doc.spans["organizations"]]
    [('Miqrant Şurasının', 'Miqrant Şurası')]

Each span's label is the organization's type and ``span._.organization`` the
:class:`~reportparse.extract.organizations.OrganizationMention` (canonical name, ``key``,
parent, ``anaphoric``). With ``ner`` set to ``rules+model`` the shipped statistical model adds
what the grammar misses.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from reportparse.components.spans import mention_spans
from reportparse.ner.backends import NER_MODES, find_organization_mentions

SPAN_KEY = "organizations"

if not Span.has_extension("organization"):
    Span.set_extension("organization", default=None)
if not Doc.has_extension("reporting_body"):
    Doc.set_extension("reporting_body", default=None)


class OrganizationsComponent:
    """Finds organization mentions; bare heads link to ``doc._.reporting_body`` or ``reporting_body``."""

    def __init__(self, *, reporting_body: str = "", ner: str = "rules", anaphora: bool = True) -> None:
        if ner not in NER_MODES:
            raise ValueError(f"unknown ner mode {ner!r}; choose from {', '.join(NER_MODES)}")
        self.reporting_body = reporting_body
        self.ner = ner
        self.anaphora = anaphora

    def __call__(self, doc: Doc) -> Doc:
        body = doc._.reporting_body if doc._.reporting_body is not None else self.reporting_body
        mentions = [
            m
            for m in find_organization_mentions(doc.text, reporting_body=body, ner=self.ner)
            if self.anaphora or not m.anaphoric
        ]
        doc.spans[SPAN_KEY] = mention_spans(doc, mentions, label=lambda m: m.type, extension="organization")
        return doc


@Language.factory("az_organizations", default_config={"reporting_body": "", "ner": "rules", "anaphora": True})
def make_organizations_component(
    nlp: Language,
    name: str,
    reporting_body: str,
    ner: str,
    anaphora: bool,
) -> OrganizationsComponent:
    """Factory of :class:`OrganizationsComponent` (``nlp.add_pipe("az_organizations")``)."""
    return OrganizationsComponent(reporting_body=reporting_body, ner=ner, anaphora=anaphora)
