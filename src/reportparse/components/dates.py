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
``span._.date`` is stored as plain data, so ``DocBin(store_user_data=True)`` keeps it.

With ``ents`` (the default) the dates are also ``doc.ents`` labelled ``DATE``, so that
``displacy.render(doc, style="ent")`` shows them; entities already set stay, and of overlapping
dates the longer one is kept (:func:`~reportparse.components.spans.add_ents`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from reportparse.components.spans import add_ents, mention_spans, set_mention_extension
from reportparse.extract.dates import DateMention, find_dates

SPAN_KEY = "dates"

set_mention_extension("date", DateMention)
if not Doc.has_extension("report_year"):
    Doc.set_extension("report_year", default=None)


class DatesComponent:
    """Finds date mentions; the year for relative dates is ``doc._.report_year`` or ``year``."""

    def __init__(self, *, year: int | None = None, ents: bool = True) -> None:
        self.year = year
        self.ents = ents

    def __call__(self, doc: Doc) -> Doc:
        year = doc._.report_year if doc._.report_year is not None else self.year
        doc.spans[SPAN_KEY] = mention_spans(
            doc, find_dates(doc.text, year=year), label=lambda m: m.kind, extension="date"
        )
        if self.ents:
            add_ents(doc, doc.spans[SPAN_KEY], label="DATE")
        return doc


@Language.factory("az_dates", default_config={"year": None, "continuous": False, "ents": True})
def make_dates_component(
    nlp: Language, name: str, year: int | None, continuous: bool, ents: bool = True
) -> DatesComponent:
    """Factory of :class:`DatesComponent` (``nlp.add_pipe("az_dates", config={"year": 2022})``).

    ``continuous`` stays in the config so that pipelines saved with it still load; it has no
    effect (frequency words are never mentions, only a date's ``recurrence``). ``ents``: also
    set ``doc.ents`` (``DATE``).
    """
    return DatesComponent(year=year, ents=ents)
