"""events.csv: every dated mention joined to its item and sentence, with the role it plays there.

Built from three document tables, never from the text itself, so a folder read back
(``--resume``) gives the same events as the run that wrote it: the sentence is found in the
section piece holding the date (the heading, or the execution narrative after it; both are in
``sections``), and a date whose span lies inside a reference to an act (``references`` with
kind ``act``) is that act's date. A date outside both (the commitment cell of a report laid out
as a table, which ``sections`` holds only whitespace-normalized) has itself as its sentence.
Roles (:data:`reportparse.tables.schema.ROLES`), in this order:

* ``citation`` — the date lies inside a reference to a legal act;
* ``deadline`` — the date is a deadline (``dates.kind`` deadline: ``dekabrın 30-dək``);
* ``event`` — a day-precise date: a day (``15 mart 2023-cü il``) or a range of days (``23-24 may``);
* ``period`` — anything coarser (``2023-cü ilin II rübündə``, ``2022–2025-ci illər``, ``hesabat dövründə``).

A timeline of what a body did plots ``role == "event"`` only: dates of cited acts are no events.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

import pandas as pd

from reportparse.structure.sentences import split_sentences
from reportparse.tables.schema import EVENTS, FALSE_VALUES, TABLES, TRUE_VALUES, pandas_dtypes


def _int(value: object) -> int:
    return int(str(value))  # a table read back from CSV holds text


@dataclass
class _Pieces:
    """The text pieces of one document the sections table holds (headings and narratives), by start."""

    starts: list[int] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    sentences: dict[int, list[tuple[int, int]]] = field(default_factory=dict)

    def sentence(self, start: int, end: int) -> tuple[int, int, str] | None:
        """(start, end, text) of the sentence(s) holding ``[start, end)``; None outside every piece."""
        index = bisect.bisect_right(self.starts, start) - 1
        if index < 0 or end > self.starts[index] + len(self.texts[index]):
            return None
        base, text = self.starts[index], self.texts[index]
        if index not in self.sentences:
            self.sentences[index] = split_sentences(text, 0, len(text))
        spans = [(s, e) for s, e in self.sentences[index] if s < end - base and e > start - base]
        first, last = (spans[0][0], spans[-1][1]) if spans else (start - base, end - base)
        return base + first, base + last, text[first:last]


def _pieces(sections: pd.DataFrame) -> _Pieces:
    found: dict[int, str] = {}
    for row in sections.drop_duplicates("section").to_dict("records"):
        for start, text in ((row["heading_start"], row["heading"]), (row["start"], row["text"])):
            text = "" if pd.isna(text) else str(text)
            if text:
                found[_int(start)] = text
    pieces = _Pieces()
    for start in sorted(found):
        pieces.starts.append(start)
        pieces.texts.append(found[start])
    return pieces


def _acts(references: pd.DataFrame) -> list[tuple[int, int, str, str]]:
    acts = references[references["kind"] == "act"]
    return [
        (_int(row["start"]), _int(row["end"]), str(row["act_type"]), str(row["number"]))
        for row in acts.to_dict("records")
    ]


def role(kind: str, granularity: str, *, cited: bool) -> str:
    """The role of a dated mention (see the module)."""
    if cited:
        return "citation"
    if kind == "deadline":
        return "deadline"
    if kind in ("point", "range") and granularity == "day":
        return "event"
    return "period"


def _by_document(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {str(doc_id): group for doc_id, group in frame.groupby("doc_id", sort=False)} if len(frame) else {}


def _rows(sections: pd.DataFrame, dates: pd.DataFrame, references: pd.DataFrame) -> Iterator[dict[str, object]]:
    sections_of, references_of = _by_document(sections), _by_document(references)
    pieces: dict[str, _Pieces] = {}
    acts: dict[str, list[tuple[int, int, str, str]]] = {}
    for row in dates.to_dict("records"):
        doc_id = str(row["doc_id"])
        if doc_id not in pieces:
            pieces[doc_id] = _pieces(sections_of[doc_id]) if doc_id in sections_of else _Pieces()
            acts[doc_id] = _acts(references_of[doc_id]) if doc_id in references_of else []
        start, end = _int(row["start"]), _int(row["end"])
        act = next(((t, n) for s, e, t, n in acts[doc_id] if s <= start and end <= e), None)
        sentence = pieces[doc_id].sentence(start, end) or (start, end, str(row["text"]))
        yield {
            "doc_id": row["doc_id"],
            "item": row["item"],
            "text": sentence[2],
            "start": sentence[0],
            "end": sentence[1],
            "date_start": row["date_start"],
            "date_end": row["date_end"],
            "role": role(str(row["kind"]), str(row["granularity"]), cited=act is not None),
            "date_text": row["text"],
            "date_start_offset": start,
            "date_end_offset": end,
            "granularity": row["granularity"],
            "kind": row["kind"],
            "year_inferred": row["year_inferred"],
            "recurrence": row["recurrence"],
            "act_type": act[0] if act else "",
            "act_number": act[1] if act else "",
        }


def _flag(value: object) -> object:
    if not isinstance(value, str):
        return value
    return True if value in TRUE_VALUES else False if value in FALSE_VALUES else pd.NA


def events_table(sections: pd.DataFrame, dates: pd.DataFrame, references: pd.DataFrame) -> pd.DataFrame:
    """The events table of one document or many (see the module).

    Args:
        sections, dates, references: the document tables (as built, or read back from CSV).

    Returns:
        One row per row of ``dates``, in its order, with the columns of the ``events`` schema.
    """
    frame = pd.DataFrame(list(_rows(sections, dates, references)), columns=list(TABLES[EVENTS].names))
    if frame.empty:
        frame = frame.astype({name: "object" for name in frame.columns})
    else:  # booleans read back from CSV are text
        flags = frame["year_inferred"].astype(object)
        frame["year_inferred"] = flags.map(_flag)
    return frame.astype(pandas_dtypes(EVENTS))
