"""spaCy views of the components: dates and organizations as ``doc.ents`` (displaCy's ``ent``
style), span extensions that survive a ``DocBin`` round trip, and ``az_sections``."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy import displacy
from spacy.tokens import DocBin, Span

import reportparse.components  # noqa: F401  (registers the factories in this process)
from reportparse.components.spans import add_ents
from reportparse.extract.counts import CountMention
from reportparse.extract.dates import DateMention
from reportparse.extract.organizations import OrganizationMention
from reportparse.extract.references import ReferenceMention
from reportparse.structure.segment import Section

TEXT = (
    "Giriş.\n"
    "1-ci bəndin icrasına dair (Şuranın iclaslarının keçirilməsi):\n"
    "Miqrant Şurasının iclası 28.01.2022-ci il tarixdə keçirilib, 50 nəfərdən çox əməkdaş iştirak edib.\n"
    "2-ci bəndin icrasına dair (Təlimlər):\n"
    "Azərbaycan Respublikası Prezidentinin 2022-ci il 4 aprel tarixli 3199 nömrəli Sərəncamı icra olunub.\n"
)


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("az")
    for name in ("az_dates", "az_counts", "az_organizations", "az_references", "az_sections"):
        nlp.add_pipe(name)
    return nlp


def test_dates_and_organizations_are_entities_that_displacy_shows(nlp):
    doc = nlp(TEXT)
    assert [(ent.text, ent.label_) for ent in doc.ents] == [
        ("Miqrant Şurasının", "ORG"),
        ("28.01.2022-ci il", "DATE"),
        ("2022-ci il 4 aprel", "DATE"),
    ]
    html = displacy.render(doc, style="ent", jupyter=False)
    for text, label in [("Miqrant Şurasının", "ORG"), ("28.01.2022-ci il", "DATE"), ("2022-ci il 4 aprel", "DATE")]:
        assert f"{text}\n    <span" in html and label in html
    assert html.count('<mark class="entity"') == 3


def test_entities_already_set_are_kept_and_overlapping_mentions_left_out():
    nlp = spacy.blank("az")
    nlp.add_pipe("az_organizations")
    doc = nlp.make_doc("Miqrant Şurasının iclası 28.01.2022-ci il tarixdə keçirilib.")
    doc.ents = [Span(doc, 1, 2, label="PER")]  # "Şurasının": overlaps the organization
    doc = nlp.get_pipe("az_organizations")(doc)
    assert [(ent.text, ent.label_) for ent in doc.ents] == [("Şurasının", "PER")]
    assert [span.text for span in doc.spans["organizations"]] == ["Miqrant Şurasının"]  # the span group keeps it


def test_of_overlapping_new_spans_the_longer_and_then_the_earlier_wins():
    doc = spacy.blank("az")("a b c d e f")
    add_ents(doc, [Span(doc, 0, 2), Span(doc, 1, 4), Span(doc, 4, 5), Span(doc, 5, 6), Span(doc, 4, 6)], label="DATE")
    assert [(ent.start, ent.end, ent.label_) for ent in doc.ents] == [(1, 4, "DATE"), (4, 6, "DATE")]
    add_ents(doc, [Span(doc, 0, 1)], label="ORG")  # fits beside the existing ones
    assert [(ent.start, ent.end, ent.label_) for ent in doc.ents] == [(0, 1, "ORG"), (1, 4, "DATE"), (4, 6, "DATE")]


def test_ents_can_be_turned_off():
    nlp = spacy.blank("az")
    nlp.add_pipe("az_dates", config={"ents": False})
    nlp.add_pipe("az_organizations", config={"ents": False})
    doc = nlp(TEXT)
    assert doc.ents == ()
    assert len(doc.spans["dates"]) == 2


def test_span_extensions_survive_a_docbin_round_trip(nlp):
    doc = nlp(TEXT)
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    (back,) = DocBin().from_bytes(data).get_docs(nlp.vocab)

    date = back.spans["dates"][0]._.date
    assert isinstance(date, DateMention)
    assert date == doc.spans["dates"][0]._.date
    assert (date.date_start, date.date_end, date.kind) == (dt.date(2022, 1, 28), dt.date(2022, 1, 28), "point")
    count = back.spans["counts"][0]._.count
    assert isinstance(count, CountMention) and (count.value, count.unit, count.counted) == (50, "nəfər", "əməkdaş")
    organization = back.spans["organizations"][0]._.organization
    assert isinstance(organization, OrganizationMention) and organization.name == "Miqrant Şurası"
    reference = back.spans["references"][0]._.reference
    assert isinstance(reference, ReferenceMention) and (reference.number, reference.date) == ("3199", "2022-04-04")
    assert [(ent.text, ent.label_) for ent in back.ents] == [(ent.text, ent.label_) for ent in doc.ents]
    assert [(s.label_, s._.commitment) for s in back.spans["sections"]] == [
        ("", ""),
        ("1", "Şuranın iclaslarının keçirilməsi"),
        ("2", "Təlimlər"),
    ]
    assert back.spans["sections"][1]._.section == doc.spans["sections"][1]._.section


def test_an_extension_can_be_set_and_cleared(nlp):
    doc = nlp("Sənəd 28.01.2022-ci il tarixdə qəbul edilib.")
    span = doc.spans["dates"][0]
    span._.date = DateMention(0, 5, None, None, "day", "point", True)
    assert span._.date.date_start is None and span._.date_data["year_inferred"] is True
    span._.date = None
    assert span._.date is None


def test_az_sections_gives_a_span_per_section_labelled_by_its_items(nlp):
    doc = nlp(TEXT)
    sections = doc.spans["sections"]
    assert [(s.label_, s.text.split("\n")[0]) for s in sections] == [
        ("", "Giriş."),
        ("1", "1-ci bəndin icrasına dair (Şuranın iclaslarının keçirilməsi):"),
        ("2", "2-ci bəndin icrasına dair (Təlimlər):"),
    ]
    assert sections[2].end_char == len(TEXT)
    assert sections[1]._.commitment == "Şuranın iclaslarının keçirilməsi"
    section = sections[1]._.section
    assert (
        isinstance(section, Section) and section.items == ["1"] and TEXT[section.start :].lstrip().startswith("Miqrant")
    )


def test_az_sections_joins_several_items_and_handles_an_empty_doc():
    nlp = spacy.blank("az")
    nlp.add_pipe("az_sections")
    doc = nlp("2-ci, 43-cü və 44-cü bəndlərinin icrasına dair:\nİşlər görülüb.\n")
    assert [s.label_ for s in doc.spans["sections"]] == ["2,43,44"]
    empty = nlp("")
    assert list(empty.spans["sections"]) == []
    plain = nlp("Başlıqsız mətn.")
    assert [s.text for s in plain.spans["sections"]] == ["Başlıqsız mətn."]
