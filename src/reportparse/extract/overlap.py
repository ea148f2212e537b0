"""Overlap questions about many spans, answered in logarithmic time.

Extractors skip a match that overlaps spans found before (quoted titles, headings, articles).
Asking each span in turn makes a text with many of both quadratic; :class:`SpanIndex` answers
the same question by bisection.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable


class SpanIndex:
    """Spans ``[start, end)`` (any order, overlapping or empty) asked whether a span overlaps one."""

    __slots__ = ("_reach", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _end in ordered]
        # _reach[k]: the farthest end among the first k + 1 spans in order of start
        self._reach = list(itertools.accumulate((end for _start, end in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span ``[s, e)`` has ``s < end`` and ``start < e``."""
        before_end = bisect.bisect_left(self._starts, end)  # the spans with s < end
        return before_end > 0 and self._reach[before_end - 1] > start
