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
what the grammar misses. ``span._.organization`` is stored as plain data, so
``DocBin(store_user_data=True)`` keeps it.

With ``ents`` (the default) the organizations are also ``doc.ents`` labelled ``ORG``, so that
``displacy.render(doc, style="ent")`` shows them; entities already set (e.g. dates of
``az_dates`` earlier in the pipeline) stay, and of overlapping organizations the longer one is
kept (:func:`~reportparse.components.spans.add_ents`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from reportparse.components.spans import add_ents, mention_spans, set_mention_extension
from reportparse.extract.organizations import OrganizationMention
from reportparse.ner.backends import NER_MODES, find_organization_mentions

SPAN_KEY = "organizations"

set_mention_extension("organization", OrganizationMention)
if not Doc.has_extension("reporting_body"):
    Doc.set_extension("reporting_body", default=None)


class OrganizationsComponent:
    """Finds organization mentions; bare heads link to ``doc._.reporting_body`` or ``reporting_body``."""

    def __init__(
        self, *, reporting_body: str = "", ner: str = "rules", anaphora: bool = True, ents: bool = True
    ) -> None:
        if ner not in NER_MODES:
            raise ValueError(f"unknown ner mode {ner!r}; choose from {', '.join(NER_MODES)}")
        self.reporting_body = reporting_body
        self.ner = ner
        self.anaphora = anaphora
        self.ents = ents

    def __call__(self, doc: Doc) -> Doc:
        body = doc._.reporting_body if doc._.reporting_body is not None else self.reporting_body
        mentions = [
            m
            for m in find_organization_mentions(doc.text, reporting_body=body, ner=self.ner)
            if self.anaphora or not m.anaphoric
        ]
        doc.spans[SPAN_KEY] = mention_spans(doc, mentions, label=lambda m: m.type, extension="organization")
        if self.ents:
            add_ents(doc, doc.spans[SPAN_KEY], label="ORG")
        return doc


@Language.factory(
    "az_organizations",
    default_config={"reporting_body": "", "ner": "rules", "anaphora": True, "ents": True},
)
def make_organizations_component(
    nlp: Language,
    name: str,
    reporting_body: str,
    ner: str,
    anaphora: bool,
    ents: bool = True,
) -> OrganizationsComponent:
    """Factory of :class:`OrganizationsComponent` (``nlp.add_pipe("az_organizations")``);
    ``ents``: also set ``doc.ents`` (``ORG``)."""
    return OrganizationsComponent(reporting_body=reporting_body, ner=ner, anaphora=anaphora, ents=ents)
