"""Documents larger than a window: cleaned window by window, the Results merged into one.

A 20 MB "document" is a dump of many pages, not one story, and the engine's working
memory is about fifty times the text it holds (issue 6). Text past WINDOW_CHARS is cut
into windows at paragraph, line or sentence boundaries; each window goes through the
normal engine, and the Results are merged: removal offsets shifted into the whole input,
counts summed, the output rebuilt by replaying every removal on the whole input (so the
replay invariant holds), and the flag ``windowed``. Per-block detail (``blocks``,
``verdicts``) is per window and is not kept for a windowed document: it would cost several
times the input, and every cut is still in ``removals``. A windowed output is not
guaranteed to clean to itself again (the second pass may cut other windows).

Texts over Config.max_chars characters or Config.max_lines lines are refused with an
InputError before any work: they would take minutes each.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator

import regex

from .config import Config
from .engine import Compiled, run
from .errors import InputError
from .ingest import Document
from .model import Removal, Result, Stats, StoryEnd
from .render import apply_removals

#: Documents longer than this many characters are cleaned in windows of at most this
#: size. The longest page text in the aeb/traf/glued/append dev sets is 115 K characters,
#: so a page is never windowed; one window's working memory (~50 x its size,
#: benchmarks/speed.py) stays a few times smaller than a 20 MB document, and the slowest
#: shipped rule spends ~0.05 s of its 1 s regex budget on a window of bench text.
WINDOW_CHARS = 1_000_000
#: A window ends at a boundary found in its last (1 - this) part; only a text with no
#: space there at all is cut mid-word at the window size.
MIN_WINDOW_SHARE = 0.5

_PARAGRAPH_BREAK = regex.compile(r"(?r)(?:\r?\n|\r|[\u2028\u2029\x0b\x0c\x85])[^\S\r\n]*(?:\r?\n|\r|[\u2029\x0c])")
_LINE_BREAK = regex.compile(r"(?r)\r\n|[\r\n\u2028\u2029\x0b\x0c\x85]")
_SENTENCE_END = regex.compile(r"(?r)[.!?…。！？][\"'”’»)\]]*\s+")
_SPACE = regex.compile(r"(?r)\s+")


def windows(text: str, size: int = WINDOW_CHARS) -> Iterator[tuple[int, int]]:
    """(start, end) of consecutive windows covering `text`, each at most `size` long.

    >>> list(windows("One. Two.\\n\\nThree four.", size=14))
    [(0, 11), (11, 22)]
    """
    start = 0
    while len(text) - start > size:
        end = start + size
        floor = start + max(1, int(size * MIN_WINDOW_SHARE))
        for boundary in (_PARAGRAPH_BREAK, _LINE_BREAK, _SENTENCE_END, _SPACE):
            m = boundary.search(text, floor, end)
            if m:
                end = m.end()
                break
        yield start, end
        start = end
    if start < len(text) or not text:
        yield start, len(text)


def check_size(text: str, config: Config) -> None:
    """Raise InputError when `text` is over the configured character or line limit."""
    if config.max_chars is not None and len(text) > config.max_chars:
        raise InputError(f"the text is {len(text):,} characters, over the limit of {config.max_chars:,} "
                         "(Config.max_chars): split it, or raise the limit")
    if config.max_lines is not None and len(text) > config.max_lines:
        lines = sum(text.count(c) for c in "\n\r\u2028\u2029\x0b\x0c\x85") - text.count("\r\n") + 1
        if lines > config.max_lines:
            raise InputError(f"the text is {lines:,} lines, over the limit of {config.max_lines:,} "
                             "(Config.max_lines): split it, or raise the limit")


def clean(doc: Document, compiled: Compiled, size: int = WINDOW_CHARS, *, metadata: bool = True) -> Result:
    """The engine's Result for `doc`; in windows when its text is longer than `size`.

    A text over the configured size limits raises InputError. ``metadata=False``: see
    engine.run (no title, no verdicts).
    """
    check_size(doc.text, compiled.config)
    if len(doc.text) <= size:
        return run(doc, compiled, metadata=metadata)
    text = doc.text
    removals: list[Removal] = []
    languages: Counter[str] = Counter()
    flags: dict[str, None] = {}
    notes: dict[str, None] = dict.fromkeys(doc.warnings)
    blocks_in = blocks_out = count = 0
    title = date = None
    story_end: StoryEnd | None = None
    for start, end in windows(text, size):
        part = run(dataclasses.replace(doc, text=text[start:end], warnings=()), compiled, metadata=metadata)
        if count == 0:
            title, date = part.title, part.date
        count += 1
        removals.extend(dataclasses.replace(r, start=r.start + start, end=r.end + start) for r in part.removals)
        if part.language:
            languages[part.language] += end - start
        flags.update(dict.fromkeys(f for f in part.flags if f != "all-boilerplate"))
        notes.update(dict.fromkeys(part.warnings))
        if story_end is None and part.story_end is not None:
            story_end = dataclasses.replace(part.story_end, block=part.story_end.block + blocks_in,
                                            offset=part.story_end.offset + start)
        blocks_in += part.stats.blocks_in
        blocks_out += part.stats.blocks_out
    del part  # the window's blocks and verdicts are not kept: free them before the replay
    out = apply_removals(text, removals)
    if not out and blocks_in:
        flags["all-boilerplate"] = None
    flags["windowed"] = None
    notes[f"cleaned in {count} windows of at most {size:,} characters (the document is longer)"] = None
    return Result(
        text=out,
        title=title,
        date=date,
        language=languages.most_common(1)[0][0] if languages else None,
        removals=tuple(removals),
        stats=Stats.of(len(text), len(out), blocks_in, blocks_out, removals),
        source=text,
        offsets=doc.offsets,
        input_format=doc.input_format,
        flags=tuple(flags),
        story_end=story_end,
        warnings=tuple(notes),
    )
