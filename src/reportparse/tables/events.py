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


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _all_pieces(sections: pd.DataFrame) -> dict[str, _Pieces]:
    """The pieces of every document of a sections table, in one pass over its columns (the first
    row of each section: a heading naming several items has a row per item)."""
    found: dict[str, dict[int, str]] = {}
    seen: set[tuple[str, object]] = set()
    columns = [sections[name].tolist() for name in ("doc_id", "section", "heading_start", "heading", "start", "text")]
    for doc_id, section, heading_start, heading, start, text in zip(*columns, strict=True):
        key = (str(doc_id), section)
        if key in seen:
            continue
        seen.add(key)
        pieces = found.setdefault(key[0], {})
        for piece_start, piece in ((heading_start, heading), (start, text)):
            piece = "" if _missing(piece) else str(piece)
            if piece:
                pieces[_int(piece_start)] = piece
    result: dict[str, _Pieces] = {}
    for doc_id, pieces in found.items():
        ordered = _Pieces()
        for start in sorted(pieces):
            ordered.starts.append(start)
            ordered.texts.append(pieces[start])
        result[doc_id] = ordered
    return result


def _all_acts(references: pd.DataFrame) -> dict[str, list[tuple[int, int, str, str]]]:
    """(start, end, act type, number) of the references to acts, by document."""
    acts: dict[str, list[tuple[int, int, str, str]]] = {}
    if not len(references):
        return acts
    columns = [references[name].tolist() for name in ("doc_id", "kind", "start", "end", "act_type", "number")]
    for doc_id, kind, start, end, act_type, number in zip(*columns, strict=True):
        if kind == "act":
            acts.setdefault(str(doc_id), []).append((_int(start), _int(end), str(act_type), str(number)))
    return acts


def role(kind: str, granularity: str, *, cited: bool) -> str:
    """The role of a dated mention (see the module)."""
    if cited:
        return "citation"
    if kind == "deadline":
        return "deadline"
    if kind in ("point", "range") and granularity == "day":
        return "event"
    return "period"


_DATE_COLUMNS = (
    "doc_id",
    "item",
    "text",
    "start",
    "end",
    "date_start",
    "date_end",
    "granularity",
    "kind",
    "year_inferred",
    "recurrence",
)


def _columns(sections: pd.DataFrame, dates: pd.DataFrame, references: pd.DataFrame) -> dict[str, list[object]]:
    """The events table's columns, one value per row of ``dates`` (built column by column: a
    batch of a thousand reports holds about a hundred thousand rows). The date's own columns are
    copied whole; the sentence, the role and the act are found row by row."""
    pieces, acts = _all_pieces(sections), _all_acts(references)
    no_pieces = _Pieces()
    source = {name: dates[name].tolist() for name in _DATE_COLUMNS}
    found: dict[str, list[object]] = {name: [] for name in ("text", "start", "end", "role", "act_type", "act_number")}
    text, starts, ends, roles = found["text"], found["start"], found["end"], found["role"]
    act_types, act_numbers = found["act_type"], found["act_number"]
    for doc_id, raw_start, raw_end, date_text, kind, granularity in zip(
        source["doc_id"],
        source["start"],
        source["end"],
        source["text"],
        source["kind"],
        source["granularity"],
        strict=True,
    ):
        start, end = _int(raw_start), _int(raw_end)
        document = str(doc_id)
        act = next(((t, n) for s, e, t, n in acts.get(document, ()) if s <= start and end <= e), None)
        sentence = pieces.get(document, no_pieces).sentence(start, end) or (start, end, str(date_text))
        starts.append(sentence[0])
        ends.append(sentence[1])
        text.append(sentence[2])
        roles.append(role(str(kind), str(granularity), cited=act is not None))
        act_types.append(act[0] if act else "")
        act_numbers.append(act[1] if act else "")
    copied = {
        "date_text": source["text"],
        "date_start_offset": [_int(value) for value in source["start"]],
        "date_end_offset": [_int(value) for value in source["end"]],
    }
    return {
        name: found[name] if name in found else copied[name] if name in copied else source[name]
        for name in TABLES[EVENTS].names
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
    frame = pd.DataFrame(_columns(sections, dates, references), columns=list(TABLES[EVENTS].names))
    if frame.empty:
        frame = frame.astype({name: "object" for name in frame.columns})
    else:  # booleans read back from CSV are text
        flags = frame["year_inferred"].astype(object)
        frame["year_inferred"] = flags.map(_flag)
    return frame.astype(pandas_dtypes(EVENTS))
