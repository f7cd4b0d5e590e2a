"""Frozen data passed between the stages: blocks, removals, verdicts and the result."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

#: Categories of removals. One id per rule; a rule belongs to exactly one category.
CATEGORIES: tuple[str, ...] = (
    "metadata",      # date headers, bylines, datelines that are not story text
    "donation",      # donation and support appeals
    "newsletter",    # newsletter, sign-up and alert prompts
    "paywall",       # subscription and paywall prompts
    "share",         # share / follow / print lines
    "app",           # app download prompts
    "comments",      # comment widgets
    "related",       # "Top stories", "Most popular", "Related Articles" sections
    "carousel",      # headline carousels glued into paragraphs
    "caption",       # photo captions and credits
    "cookie",        # cookie and consent notices
    "aggregator",    # aggregator chrome ("Try Our AI Features", "Hashtags")
    "promo",         # in-body promos for other stories ("READ MORE: ...")
    "navigation",    # menus, link lists, tag clouds, footers: runs of title-like lines
    "boilerplate",   # blocks outside the story region judged by the block classifier
    "story-end",     # everything after the end of the story (appended articles)
    "learned",       # boilerplate learned from a corpus (site rule files)
    "custom",        # user rule files that name no category of their own
)


@dataclass(frozen=True)
class Block:
    """A unit of the input the cleaner decides on: a line, or a sentence of a long line.

    `start` and `end` are offsets of the stripped block text in the input string, so
    ``source[start:end] == text``. `para` is the index of the input line it came from.
    """

    index: int
    start: int
    end: int
    text: str
    para: int
    kind: str = "line"  # "line" or "sentence" (a piece of a long, glued line)

    def __init__(self, index: int, start: int, end: int, text: str, para: int, kind: str = "line") -> None:
        # The generated __init__ of a frozen dataclass sets each field through
        # object.__setattr__ (~2 us a block, ~4% of the text path on the aeb pages); the
        # instance dict filled at once holds the same fields (~0.6 us). Still frozen:
        # setting an attribute afterwards raises as before.
        self.__dict__.update(index=index, start=start, end=end, text=text, para=para, kind=kind)


@dataclass(frozen=True)
class Removal:
    """One cut: which rule removed which span of the input, and why."""

    rule: str
    category: str
    start: int
    end: int
    text: str
    reason: str

    def __init__(self, rule: str, category: str, start: int, end: int, text: str, reason: str) -> None:
        # As Block.__init__: one dict update, not a frozen setattr per field.
        self.__dict__.update(rule=rule, category=category, start=start, end=end, text=text, reason=reason)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Verdict:
    """What the cleaner decided about one block, with the evidence (shown by --explain).

    `alone` is the block's story probability from its own features; `context` the
    probability after looking at its neighbours (jusText's two classes, as numbers).
    """

    block: int
    keep: bool
    alone: float
    context: float
    rule: str = ""
    reason: str = ""


@dataclass(frozen=True)
class StoryEnd:
    """Where the story was judged to end (the first block not kept) and why."""

    block: int
    offset: int
    rule: str
    score: float
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Stats:
    """Counts for one document: characters and blocks in and out, removals per category."""

    chars_in: int
    chars_out: int
    blocks_in: int
    blocks_out: int
    removals_by_category: dict[str, int] = field(default_factory=dict)
    removals_by_rule: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, chars_in: int, chars_out: int, blocks_in: int, blocks_out: int,
           removals: Iterable[Removal]) -> Stats:
        """The counts, with the removals counted per category and per rule (sorted keys)."""
        by_cat: dict[str, int] = {}
        by_rule: dict[str, int] = {}
        for r in removals:
            by_cat[r.category] = by_cat.get(r.category, 0) + 1
            by_rule[r.rule] = by_rule.get(r.rule, 0) + 1
        return cls(chars_in, chars_out, blocks_in, blocks_out, dict(sorted(by_cat.items())),
                   dict(sorted(by_rule.items())))


@dataclass(frozen=True)
class Result:
    """The cleaned story and everything that explains it.

    `removals` hold offsets into `source` (the decoded input text, or for HTML input the
    text trafilatura extracted: `offsets` says which). Replaying them on `source` and
    normalising whitespace with :func:`cleantext.render.normalize` gives `text`.
    """

    text: str
    title: str | None
    date: str | None
    language: str | None
    removals: tuple[Removal, ...]
    stats: Stats
    source: str
    offsets: str = "input"  # "input" or "extracted" (HTML path)
    input_format: str = "text"  # "text" or "html"
    flags: tuple[str, ...] = ()
    story_end: StoryEnd | None = None
    blocks: tuple[Block, ...] = ()
    verdicts: tuple[Verdict, ...] = ()
    warnings: tuple[str, ...] = ()

    def to_dict(self, *, include_source: bool = False) -> dict[str, Any]:
        """A JSON-ready dict; the source text and block verdicts only when asked."""
        out: dict[str, Any] = {
            "text": self.text,
            "title": self.title,
            "date": self.date,
            "language": self.language,
            "input_format": self.input_format,
            "offsets": self.offsets,
            "flags": list(self.flags),
            "warnings": list(self.warnings),
            "stats": asdict(self.stats),
            "story_end": asdict(self.story_end) if self.story_end else None,
            "removals": [r.to_dict() for r in self.removals],
        }
        if include_source:
            out["source"] = self.source
        return out

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(**kwargs), ensure_ascii=False, indent=1)

    def to_html(self, name: str = "document") -> str:
        """A self-contained HTML page showing the input with every removal in place."""
        from .report import result_to_html  # report.py renders Results; model.py stays at the bottom

        return result_to_html(self, name)
