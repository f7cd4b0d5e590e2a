"""Result -> text, JSON, and the --explain view. Replaying removals lives here."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex

from .model import Removal, Result
from .segment import has_str_only_space, invisible

_WS = regex.compile(r"[^\S\n]+")
_NEWLINES = regex.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")


def normalize(text: str) -> str:
    """The documented whitespace normalisation of output text.

    Every line is stripped and its runs of spaces and tabs become one space; empty lines
    (and lines of only zero-width characters) are dropped; the remaining lines are joined
    by one blank line (one paragraph each).

    >>> normalize("  A  story\\n\\n\\n line two \\n")
    'A story\\n\\nline two'
    """
    if not has_str_only_space(text):
        # Without the separators U+001C-U+001F, str's whitespace is _WS's and str's line breaks are
        # _NEWLINES': split() and splitlines() do the same work at a third of the cost.
        paragraphs: Iterable[str] = (" ".join(line.split()) for line in text.splitlines())
    else:
        # One substitution of each kind over the whole text, not one per line: a run of
        # spaces and tabs never holds a "\n", so squeezing before splitting is the same.
        text = _WS.sub(" ", _NEWLINES.sub("\n", text))
        paragraphs = (line.strip() for line in text.split("\n"))
    # A line of nothing but zero-width or format characters is empty (segment skips it too).
    return "\n\n".join(p for p in paragraphs if not invisible(p))


def apply_removals(source: str, removals: Iterable[Removal]) -> str:
    """`source` with every removed span cut out and whitespace normalised.

    Removals may touch but not overlap (the engine guarantees it).
    """
    pieces, pos = [], 0
    for r in sorted(removals, key=lambda r: (r.start, r.end)):
        if r.start < pos:
            raise ValueError(f"overlapping removals at {r.start}")
        pieces.append(source[pos:r.start])
        # A cut inside a line leaves a space so the words on either side stay apart.
        pieces.append(" ")
        pos = r.end
    pieces.append(source[pos:])
    return normalize("".join(pieces))


def apply_removals_mapped(source: str, removals: Iterable[Removal]) -> tuple[str, list[int]]:
    """`apply_removals` and, for every character of its output, its index in `source`
    (-1 for a space or paragraph break the replay wrote itself).

    >>> apply_removals_mapped("ab  cd", [])
    ('ab cd', [0, 1, 2, 4, 5])
    """
    text: list[str] = []
    where: list[int] = []
    pos = 0
    for r in sorted(removals, key=lambda r: (r.start, r.end)):
        if r.start < pos:
            raise ValueError(f"overlapping removals at {r.start}")
        text.append(source[pos:r.start])
        where.extend(range(pos, r.start))
        text.append(" ")
        where.append(-1)
        pos = r.end
    text.append(source[pos:])
    where.extend(range(pos, len(source)))
    return _normalize_mapped("".join(text), where)


def _normalize_mapped(text: str, where: list[int]) -> tuple[str, list[int]]:
    """`normalize` step by step, carrying each character's source index along."""
    chars, idx = [], []
    last = 0
    for m in _NEWLINES.finditer(text):  # every line break becomes one "\n"
        chars.append(text[last:m.start()])
        idx.extend(where[last:m.start()])
        chars.append("\n")
        idx.append(where[m.start()])
        last = m.end()
    chars.append(text[last:])
    idx.extend(where[last:])
    text, where = "".join(chars), idx
    out: list[str] = []
    out_idx: list[int] = []
    start = 0
    for line in text.split("\n"):
        line_idx = where[start:start + len(line)]
        start += len(line) + 1
        squeezed, squeezed_idx, last = [], [], 0
        for m in _WS.finditer(line):  # runs of spaces and tabs become one space
            squeezed.append(line[last:m.start()] + " ")
            squeezed_idx.extend(line_idx[last:m.start()])
            squeezed_idx.append(line_idx[m.start()])
            last = m.end()
        squeezed.append(line[last:])
        squeezed_idx.extend(line_idx[last:])
        para = "".join(squeezed)
        lead = len(para) - len(para.lstrip())
        stripped = para.strip()
        if invisible(stripped):
            continue
        if out:
            out.append("\n\n")
            out_idx += [-1, -1]
        out.append(stripped)
        out_idx.extend(squeezed_idx[lead:lead + len(stripped)])
    return "".join(out), out_idx


# ANSI styles per category family for the terminal view.
_COLOURS = {
    "boilerplate": "2", "navigation": "2", "story-end": "35", "metadata": "36",
    "carousel": "33", "related": "33", "caption": "34", "promo": "33",
}


def explain(result: Result, colour: bool = False) -> str:
    """The input with every removal shown in place, tagged with its rule id.

    Removed text is wrapped as ``[-rule.id: text-]`` (struck and coloured on a terminal),
    followed by the block verdicts and where the story was judged to end.
    """
    source = result.source
    out, pos = [], 0
    for r in sorted(result.removals, key=lambda r: (r.start, r.end)):
        out.append(source[pos:r.start])
        if colour:
            code = _COLOURS.get(r.category, "31")
            out.append(f"\x1b[{code};9m{source[r.start:r.end]}\x1b[0m\x1b[{code}m⟦{r.rule}⟧\x1b[0m")
        else:
            out.append(f"[-{r.rule}: {source[r.start:r.end]}-]")
        pos = r.end
    out.append(source[pos:])
    lines = ["".join(out).rstrip(), "", "--- removals ---"]
    for r in result.removals:
        snippet = " ".join(r.text.split())
        snippet = snippet if len(snippet) <= 70 else snippet[:67] + "..."
        lines.append(f"{r.start:>7}-{r.end:<7} {r.rule:<32} {r.category:<11} {r.reason} | {snippet}")
    if result.verdicts:
        lines += ["", "--- block verdicts (alone -> in context) ---"]
        lines += _verdict_lines(result)
    if result.story_end:
        se = result.story_end
        lines += ["", f"--- story end: block {se.block} at offset {se.offset}, rule {se.rule}, "
                      f"score {se.score:.2f} ---"]
        lines += [f"  {e}" for e in se.evidence]
    if result.flags:
        lines += ["", "flags: " + ", ".join(result.flags)]
    return "\n".join(lines) + "\n"


def _verdict_lines(result: Result) -> Sequence[str]:
    rows = []
    for v, b in zip(result.verdicts, result.blocks):
        snippet = " ".join(b.text.split())
        snippet = snippet if len(snippet) <= 60 else snippet[:57] + "..."
        flip = "" if (v.alone >= 0.5) == (v.context >= 0.5) else " (revised by neighbours)"
        mark = "keep" if v.keep else "drop"
        # Removed: the rule id. Kept against the classifier: why (a list item, a headline).
        why = f" {v.rule}" if v.rule else (f" ({v.reason})" if v.keep and v.reason else "")
        rows.append(f"{b.index:>4} {mark} {v.alone:.2f} -> {v.context:.2f}{flip}{why} | {snippet}")
    return rows
