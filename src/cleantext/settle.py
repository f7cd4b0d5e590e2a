"""Settling (Config.settle): clean the output again until it no longer changes.

The engine judges a document by what it sees, and its output is a different document: a
page dump's cleaned text reads as a clean article (whose story end is searched, where a
page dump's is not), a glued page loses the neighbours that framed a sentence, a
borderline guard share moves. So cleaning the output once more can cut a little more (dev half: 16 of 519
traf pages, 2 of 83 glued, none of aeb or append). With ``settle`` the engine runs those
passes itself: each pass's removals are mapped back onto the original source, so the
Result still replays (removals on `source` give `text`), and cleaning `text` again with
the same Config gives `text`.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from collections.abc import Sequence

from .errors import InputError
from .model import Removal, Result, Stats, StoryEnd, Verdict
from .render import apply_removals, apply_removals_mapped

#: Passes at most, the first included. Each pass only removes text, so the output shrinks
#: until it is stable; on the dev half every document settled within 5 passes, all but one
#: within 3.
MAX_PASSES = 8


def settle(result: Result, clean_again) -> Result:  # type: ignore[no-untyped-def]
    """`result` cleaned again (by `clean_again`, a function of the output text returning
    a Result) until its text no longer changes, with every removal on `result.source`."""
    if "windowed" in result.flags:
        # A window boundary falls elsewhere in a shorter text, and the position map of a
        # multi-megabyte text would cost several times its size.
        return _note(result, "not settled: the document is cleaned in windows")
    for _ in range(MAX_PASSES - 1):
        try:
            again = clean_again(result.text)
        except InputError as exc:  # the output alone is not text the cleaner takes
            return _note(result, f"not settled: the output is refused when cleaned again ({exc})")
        if again.text == result.text:
            return result
        if again.input_format != "text" or again.offsets != "input":
            return _note(result, "not settled: the output reads as HTML when cleaned again")
        merged = _merge(result, again)
        if merged is None:
            return _note(result, "not settled: a later pass's removals did not map onto the source")
        result = merged
    return _note(result, f"not settled after {MAX_PASSES} passes")


def _note(result: Result, message: str) -> Result:
    return dataclasses.replace(result, warnings=(*result.warnings, message))


def _merge(first: Result, again: Result) -> Result | None:
    """`first` with the removals of `again` (offsets into first.text) mapped onto
    first.source; None when the replay of the merged removals does not give again.text."""
    source = first.source
    text, where = apply_removals_mapped(source, first.removals)
    if text != first.text:
        return None
    taken = sorted((r.start, r.end) for r in first.removals)
    added: list[Removal] = []
    for r in again.removals:
        inside = [i for i in where[r.start:r.end] if i >= 0]
        if not inside:
            continue
        for a, b in _minus(min(inside), max(inside) + 1, taken):
            added.append(Removal(r.rule, r.category, a, b, source[a:b], r.reason))
    removals = tuple(sorted((*first.removals, *added), key=lambda r: (r.start, r.end)))
    out = apply_removals(source, removals)
    if out != again.text:
        return None
    verdicts = _verdicts(first, added)
    stats = Stats.of(first.stats.chars_in, len(out), first.stats.blocks_in,
                     sum(v.keep for v in verdicts) if verdicts else first.stats.blocks_out, removals)
    flags = [f for f in first.flags if f != "all-boilerplate"]
    flags += [f for f in again.flags if f not in flags and f != "all-boilerplate"]
    if "settled" not in flags:
        flags.append("settled")
    if not out and first.blocks:
        flags.append("all-boilerplate")
    return dataclasses.replace(
        first, text=out, removals=removals, stats=stats, flags=tuple(flags), verdicts=verdicts,
        story_end=first.story_end or _story_end(first, again, where),
        warnings=tuple(dict.fromkeys((*first.warnings, *again.warnings))),
    )


def _minus(start: int, end: int, taken: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of [start, end) outside the sorted, non-overlapping spans `taken`.

    >>> _minus(0, 10, [(2, 4), (6, 7)])
    [(0, 2), (4, 6), (7, 10)]
    """
    out, pos = [], start
    for a, b in taken[max(0, bisect_right(taken, (start, start)) - 1):]:
        if a >= end:
            break
        if b <= pos:
            continue
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < end:
        out.append((pos, end))
    return out


def _verdicts(first: Result, added: Sequence[Removal]) -> tuple[Verdict, ...]:
    """The first pass's block verdicts, with kept blocks a later pass removed marked so."""
    if not added or not first.verdicts:
        return first.verdicts
    union: list[list[int]] = []  # all removals, touching ones merged
    for lo, hi in sorted((r.start, r.end) for r in (*first.removals, *added)):
        if union and lo <= union[-1][1]:
            union[-1][1] = max(union[-1][1], hi)
        else:
            union.append([lo, hi])
    starts = [u[0] for u in union]
    later = sorted((r.start, r.end, r) for r in added)
    out = []
    for v, b in zip(first.verdicts, first.blocks):
        k = bisect_right(starts, b.start) - 1
        if v.keep and k >= 0 and union[k][1] >= b.end:
            r = next((x[2] for x in later if x[0] < b.end and b.start < x[1]), None)
            if r is not None:
                v = dataclasses.replace(v, keep=False, rule=r.rule, reason=f"on a later pass: {r.reason}")
        out.append(v)
    return tuple(out)


def _story_end(first: Result, again: Result, where: Sequence[int]) -> StoryEnd | None:
    """A later pass's story end, at its place in the first pass's blocks."""
    end = again.story_end
    if end is None or end.offset >= len(where):
        return None
    offset = next((i for i in where[end.offset:] if i >= 0), None)
    if offset is None:
        return None
    block = bisect_right([b.start for b in first.blocks], offset) - 1 if first.blocks else 0
    return dataclasses.replace(end, block=max(block, 0), offset=offset)
