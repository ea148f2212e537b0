"""Which method finds organizations: the rule grammar, a statistical model, or both.

The models are imported only when a mode asks for them, so the rules alone never load spaCy's
NER model, Stanza or PyTorch.
"""

from __future__ import annotations

from reportparse.extract.organizations import OrganizationMention, find_organizations

NER_MODES = ("rules", "rules+model", "model", "rules+stanza", "stanza")
"""How organizations are found: the rule grammar alone (the default, see docs/ner.md
for the measurements behind it), the grammar plus the statistical model for what it misses, or
the model alone (names still canonicalized by the grammar). The ``stanza`` modes use a Stanza
model instead of the spaCy one (``reportparse[stanza]``, docs/ner.md, "Stanza backend")."""


def find_organization_mentions(
    text: str,
    *,
    reporting_body: str = "",
    ner: str = "rules",
    ner_model: str | None = None,
    stanza_model: str | None = None,
) -> list[OrganizationMention]:
    """Organization mentions by the chosen method (see :data:`NER_MODES`)."""
    if ner not in NER_MODES:
        raise ValueError(f"unknown ner mode {ner!r}; choose from {', '.join(NER_MODES)}")
    rules = find_organizations(text, reporting_body=reporting_body) if ner not in ("model", "stanza") else []
    if ner == "rules":
        return rules
    if ner.endswith("stanza"):
        # stanza and torch are imported only when asked for
        from reportparse.ner.model import merge_mentions
        from reportparse.ner.stanza_backend import (
            as_stanza,
            load_stanza,
            stanza_mentions,
        )

        spans = stanza_mentions(load_stanza(stanza_model), text)
        return as_stanza(merge_mentions(rules, spans, text, reporting_body=reporting_body), rules)
    from reportparse.ner.model import (  # spaCy model: load only when asked
        load_model,
        merge_mentions,
        model_mentions,
    )

    return merge_mentions(rules, model_mentions(load_model(ner_model), text), text, reporting_body=reporting_body)
