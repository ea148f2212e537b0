"""``az_counts``: a spaCy component that puts counts, money and percentages in ``doc.spans["counts"]``.

    >>> import spacy, reportparse.components
    >>> nlp = spacy.blank("az")
    >>> _ = nlp.add_pipe("az_counts")
    >>> doc = nlp("Xidmətin 50 nəfərdən çox əməkdaşı üçün 2 təlim keçirilib.")
    >>> [(s.text, s._.count.value, s._.count.unit, s._.count.counted) for s in doc.spans["counts"]]
    [('50 nəfərdən çox', 50, 'nəfər', 'əməkdaş'), ('2 təlim', 2, 'təlim', '')]

Each span's label is the mention's kind (``count``, ``money``, ``percent``, ``duration``) and
``span._.count`` the :class:`~reportparse.extract.counts.CountMention` with the exact character
offsets (a span covers whole tokens, so it may be a little wider).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from reportparse.components.spans import mention_spans, set_mention_extension
from reportparse.extract.counts import CountMention, find_counts

SPAN_KEY = "counts"

set_mention_extension("count", CountMention)


class CountsComponent:
    """Finds count mentions; durations (``5 iş günü``) only when ``durations`` is true."""

    def __init__(self, *, durations: bool = False) -> None:
        self.durations = durations

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[SPAN_KEY] = mention_spans(
            doc, find_counts(doc.text, durations=self.durations), label=lambda m: m.kind, extension="count"
        )
        return doc


@Language.factory("az_counts", default_config={"durations": False})
def make_counts_component(nlp: Language, name: str, durations: bool) -> CountsComponent:
    """Factory of :class:`CountsComponent` (``nlp.add_pipe("az_counts")``)."""
    return CountsComponent(durations=durations)
