"""Sections of an action plan written as a numbered text list.

A measure is a numbered line (``1.1.3. <measure>``) followed by labelled fields (``İcraçı:``,
``İcra müddəti:``, ``Gözlənilən nəticə:``; the labels are data in
:mod:`reportparse.lang.az.plan_labels`); a numbered line without such labels is a chapter
heading. :func:`find_plan_measures` gives the measures with their raw fields (the plan reader
:mod:`reportparse.plans.read` turns them into plan items); :func:`plan_segmentation` gives them
as sections, so that the pipeline reads a plan's measures as it reads a report's items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportparse.document import Document
from reportparse.lang.az.plan_labels import FIELD_LABELS
from reportparse.lang.az.text import TextLayer
from reportparse.structure.chapters import line_matches
from reportparse.structure.segment import Section, Segmentation

_ITEM_START = re.compile(r"(?m)^(?P<number>\d+(?:\.\d+)+\.?|\d+\.)[ \t]+(?=\S)")
_LABELS = sorted(((label, name) for name, labels in FIELD_LABELS.items() for label in labels), key=lambda p: -len(p[0]))
_LABEL = re.compile(r"(?m)^(?P<label>" + "|".join(re.escape(label) for label, _ in _LABELS) + r")[ \t]*:")
_LABEL_FIELD = dict(_LABELS)


def one_line(text: str) -> str:
    """Cell or label text on one line: a line-end hyphen joins (``proqnoz-⏎məlumat``), else a space."""
    text = re.sub(r"(?<=\w-)\s*\n\s*", "", text)
    return " ".join(text.split())


def clean_measure(text: str) -> str:
    """A measure's text on one line, without surrounding quotes and its final full stop."""
    return one_line(text).strip(' “”"«»').rstrip(".").rstrip()


@dataclass
class PlanMeasure:
    """One numbered measure of a text plan.

    Attributes:
        number: the number as printed (``1.1.3.``).
        number_start, number_end: span of the number without its final dot.
        block_end: where the measure's block (number, text, fields) ends.
        text: the measure's text as printed (before the first label).
        fields: the labelled values as printed, by field name (``executors``, ``deadline``,
            ``expected_result``); the first of each wins.
        chapter: the chapter heading the measure stands under, or "".
    """

    number: str
    number_start: int
    number_end: int
    block_end: int
    text: str
    fields: dict[str, str] = field(default_factory=dict)
    chapter: str = ""

    @property
    def item(self) -> str:
        """The number without a final dot (``1.1.3``)."""
        return self.number.strip().rstrip(".")


def find_plan_measures(text: str) -> list[PlanMeasure]:
    """Measures of a numbered text plan, in order; chapter headings (no labelled fields) are skipped."""
    folded = TextLayer.of(text).folded  # the document's one fold
    starts = list(line_matches(_ITEM_START, text))
    found, chapter = [], ""
    for index, match in enumerate(starts):
        block_end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        labels = list(_LABEL.finditer(folded, match.end(), block_end))
        if not labels:
            chapter = clean_measure(text[match.end() : block_end])
            continue
        fields: dict[str, str] = {}
        for number, label in enumerate(labels):
            value_end = labels[number + 1].start() if number + 1 < len(labels) else block_end
            fields.setdefault(_LABEL_FIELD[label.group("label")], text[label.end() : value_end].strip())
        number_end = match.start() + len(match.group("number").rstrip("."))
        found.append(
            PlanMeasure(
                match.group("number"),
                match.start(),
                number_end,
                block_end,
                text[match.end() : labels[0].start()],
                fields,
                chapter,
            )
        )
    return found


def first_measure_start(text: str) -> int:
    """Offset of the first numbered line (measure or chapter), or ``len(text)``."""
    first = _ITEM_START.search(text)
    return first.start() if first else len(text)


def plan_segmentation(document: Document) -> Segmentation | None:
    """Sections of a numbered text plan (a measure per section, its number as the heading), or
    None when the document has no such measures."""
    found = find_plan_measures(document.text)
    if not found:
        return None
    sections: list[Section] = []
    if document.text[: found[0].number_start].strip():
        sections.append(Section(0, [], "", 0, 0, 0, found[0].number_start))
    for entry in found:
        dotted_end = entry.number_end + (document.text[entry.number_end : entry.number_end + 1] == ".")
        sections.append(
            Section(
                len(sections),
                [entry.item],
                clean_measure(entry.text),
                entry.number_start,
                dotted_end,
                dotted_end,
                entry.block_end,
            )
        )
    return Segmentation(sections)
