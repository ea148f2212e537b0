"""``az_dates``: a spaCy component that puts Azerbaijani date mentions in ``doc.spans["dates"]``.

    >>> import spacy, reportparse.components
    >>> nlp = spacy.blank("az")
    >>> _ = nlp.add_pipe("az_dates", config={"year": 2022})
    >>> doc = nlp("Şuranın iclası cari ilin 14 iyun tarixində keçirilib.")
    >>> [(s.text, s._.date.date_start) for s in doc.spans["dates"]]
    [('cari ilin 14 iyun', datetime.date(2022, 6, 14))]

Each span's label is the mention's kind (``point``, ``period``, ``range``, ``deadline``) and
``span._.date`` the :class:`~reportparse.extract.dates.DateMention` with the exact character
offsets (a span covers whole tokens, so it may be a little wider) and its ``recurrence``
(``hər il dekabrın 30-dək`` → ``yearly``). Frequency words alone (``mütəmadi``) are no spans.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from reportparse.components.spans import mention_spans
from reportparse.extract.dates import find_dates

SPAN_KEY = "dates"

if not Span.has_extension("date"):
    Span.set_extension("date", default=None)
if not Doc.has_extension("report_year"):
    Doc.set_extension("report_year", default=None)


class DatesComponent:
    """Finds date mentions; the year for relative dates is ``doc._.report_year`` or ``year``."""

    def __init__(self, *, year: int | None = None) -> None:
        self.year = year

    def __call__(self, doc: Doc) -> Doc:
        year = doc._.report_year if doc._.report_year is not None else self.year
        doc.spans[SPAN_KEY] = mention_spans(
            doc, find_dates(doc.text, year=year), label=lambda m: m.kind, extension="date"
        )
        return doc


@Language.factory("az_dates", default_config={"year": None, "continuous": False})
def make_dates_component(nlp: Language, name: str, year: int | None, continuous: bool) -> DatesComponent:
    """Factory of :class:`DatesComponent` (``nlp.add_pipe("az_dates", config={"year": 2022})``).

    ``continuous`` stays in the config so that pipelines saved with it still load; it has no
    effect (frequency words are never mentions, only a date's ``recurrence``).
    """
    return DatesComponent(year=year)
