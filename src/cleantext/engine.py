"""The pipeline: input -> blocks -> features -> verdicts -> removals -> result.

The only place that decides what is cut. Each stage is a function of its inputs and the
compiled configuration; nothing here keeps state between documents.
"""

from __future__ import annotations

import warnings
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from . import lang
from .article import is_clean_article
from .classify import Model, score_blocks, shipped_model
from .config import Config
from .decide import (
    _KEEP,
    CLASSIFIER_PENDING,
    NO_STORY_FLAG,
    NO_STORY_REASON,
    Decision,
    classifier_reason,
    cut_after,
    decide,
)
from .features import Features, block_features
from .ingest import Document
from .metadata import DATE_HEADER_REASON, Header, date_headers, title_of
from .model import Block, Removal, Result, Stats, StoryEnd, Verdict
from .render import apply_removals
from .rules.box_lines import RULE_IDS as BOX_LINE_RULE_IDS
from .rules.box_lines import cut_box_lines
from .rules.builtin import BUILTIN_RULES
from .rules.code import CODE_RULES, carousel_spans, find_story_end
from .rules.comment_thread import RULE_ID as SIGNED_THREAD
from .rules.comment_thread import cut_thread
from .rules.embeds import keep_embeds
from .rules.headline import RULE_ID as REPEATED_TITLE
from .rules.headline import cut_title
from .rules.inline_box import inline_boxes
from .rules.match import KeywordIndex, exposed_cuts, match_rules
from .rules.registry import CodeRule, Rule, build_registry
from .rules.teasers import RULE_ID as TEASER_RUN
from .rules.teasers import cut_teasers
from .segment import segment

#: The guard: when rule cuts would leave less than this share of the prose the classifier
#: keeps (before the story end), they are undone and the result is flagged (issue 7).
GUARD_MIN_KEPT_SHARE = 0.3
#: ... but only for documents that clearly hold a story: this many characters of prose.
GUARD_MIN_PROSE = 600


@dataclass(frozen=True)
class Compiled:
    """Everything a Cleaner compiles once: the config, the rules and the model."""

    config: Config
    data_rules: tuple[Rule, ...]
    code_rules: dict[str, CodeRule]
    model: Model
    keywords: KeywordIndex  # the data rules' keywords, found in one pass per document
    tail_keywords: KeywordIndex  # the same for the tail rules alone (inline boxes)


def compile_config(config: Config) -> Compiled:
    registry = build_registry(config.rule_files, config.disabled_rules, (*BUILTIN_RULES, *CODE_RULES))
    data_rules = tuple(r for r in registry.values() if isinstance(r, Rule))
    return Compiled(
        config=config,
        data_rules=data_rules,
        code_rules={k: r for k, r in registry.items() if isinstance(r, CodeRule)},
        model=shipped_model(),
        keywords=KeywordIndex.of(data_rules),
        tail_keywords=KeywordIndex.of(tuple(r for r in data_rules if r.scope == "tail")),
    )


def run(doc: Document, compiled: Compiled, *, metadata: bool = True) -> Result:
    """The whole pipeline on one document, as stage calls.

    ``metadata=False``: the Result has no title and no per-block verdicts, for a caller
    that keeps only the text (`Cleaner.clean`). The verdicts' rounding and construction
    were ~5% of the text path on the aeb pages; the text, removals and stats are the same.
    """
    config = compiled.config
    text = doc.text
    rules_on = compiled.code_rules
    headers = date_headers(text) if doc.input_format == "text" and "metadata.date-header" in rules_on else ()
    blocks = segment(text, skip=[(h.start, h.end) for h in headers])
    language = config.language or doc.language or lang.detect(lang.sample_prose([b.text for b in blocks]))
    lowered = [b.text.lower() for b in blocks]  # once for the features and the rule keywords
    feats = block_features(blocks, language, lowered)
    site = _host(doc.url)
    hits = match_rules(blocks, compiled.data_rules, site, config.regex_timeout, [f.words for f in feats],
                       compiled.keywords, lowered)
    alone, context = score_blocks(feats, [b.kind for b in blocks], compiled.model)
    if hits.tail is not None:  # a tail header over a box of links inside the story cuts the box only
        hits = inline_boxes(blocks, feats, alone, hits, compiled.tail_keywords, site, config.regex_timeout,
                            language)
    # With every data rule disabled, "no chrome rule fired" says nothing about the page.
    clean = is_clean_article(blocks, feats, alone, hits if compiled.data_rules else None)
    decisions = decide(blocks, feats, hits, alone, context, config, doc.keep_threshold, clean, rules_on,
                       html=doc.input_format == "html" and not doc.fallback, explain=False)
    decisions = keep_embeds(blocks, feats, decisions)  # tweets quoted inside the story
    if BOX_LINE_RULE_IDS & rules_on.keys():  # a pitch, a link or a portrait left in a box
        decisions = cut_box_lines([b.text for b in blocks], feats, decisions, rules_on)
    end = None
    strictness = doc.story_end_strictness or (1.0 if clean else PAGE_DUMP_STORY_END_STRICTNESS)
    if "story-end.topic-shift" in rules_on and strictness is not None:
        end = find_story_end(blocks, feats, decisions, language, config, strictness)
        if end is not None:
            decisions = cut_after(decisions, end)
    if REPEATED_TITLE in rules_on:  # a page dump's title line and the headline that repeats it
        decisions = cut_title(blocks, decisions)
    if TEASER_RUN in rules_on:
        decisions = cut_teasers(blocks, feats, decisions)
    thread = None
    if SIGNED_THREAD in rules_on:
        decisions, thread = cut_thread(text, blocks, decisions)
    spans = [(h.block, h.start, h.end, h.rule.id, h.rule.category, h.rule.reason) for h in hits.spans]
    if "carousel.headlines" in rules_on:
        spans += carousel_spans(blocks, decisions)
    if spans:
        spans += exposed_cuts(blocks, [d[0] for d in decisions], spans, compiled.data_rules, site,
                              config.regex_timeout, "metadata.date-header" in rules_on and doc.input_format == "text")
    tail_cut = hits.tail.block if hits.tail is not None and decisions[hits.tail.block][1] == hits.tail.rule.id else None
    if thread is not None:  # a comment thread is not the story's prose either (see guard)
        tail_cut = thread if tail_cut is None else min(tail_cut, thread)
    decisions, flags = guard(blocks, feats, alone, decisions, end, tail_cut)
    removals = build_removals(text, headers, blocks, decisions, spans, alone, context)
    out = apply_removals(text, removals)
    kept_blocks = sum(1 for d in decisions if d[0])
    timeouts = tuple(f"rule {rid} timed out and was skipped for this document" for rid in hits.timed_out)
    for message in timeouts:  # a skipped rule is also a Python warning, so pipelines see it
        warnings.warn(message, RuntimeWarning, stacklevel=4)
    notes = (*doc.warnings, *timeouts)
    if not out and blocks:
        flags = (*flags, "all-boilerplate")
    elif any(d[0] and d[3] == NO_STORY_REASON for d in decisions):
        flags = (*flags, NO_STORY_FLAG)
    return Result(
        text=out,
        title=doc.title or (title_of(blocks) if metadata else None),
        date=doc.date or (headers[0].date if headers else None),
        language=language,
        removals=removals,
        stats=Stats.of(len(text), len(out), len(blocks), kept_blocks, removals),
        source=text,
        offsets=doc.offsets,
        input_format=doc.input_format,
        flags=(*flags, *(("html-fallback",) if doc.fallback else ())),
        story_end=end,
        blocks=blocks,
        # Verdict(block, keep, alone, context, rule, reason), positional: built from
        # keywords a frozen dataclass costs twice as much, once per block.
        verdicts=tuple(
            Verdict(b.index, d[0], round(a, 3), round(c, 3), d[1],
                    classifier_reason(c, a) if d[3] is CLASSIFIER_PENDING else d[3])
            for b, d, a, c in zip(blocks, decisions, alone, context)
        ) if metadata else (),
        warnings=notes,
    )



#: How much stronger than in a clean article the story-end evidence must be in a page
#: dump; None: the story end is not searched there. Related boxes sit inside page-dump
#: stories, and the classifier's region, the tail rules and the footer already end the
#: story. Dev half, text path: 1.0 -> 1.5 moved aeb F1 0.884 -> 0.905, traf 0.873 -> 0.881
#: (second session); 1.5 -> None (fourth session) left F1 unchanged on all four sets to
#: four decimals (4 of 761 outputs changed, 4 traf pages, none in a gold snippet), and took
#: 35-40% off the time per page dump (the search is a third of the pipeline's time).
#: A clean article (every input of the append set) is still searched, at 1.0.
PAGE_DUMP_STORY_END_STRICTNESS: float | None = None



def guard(blocks: Sequence[Block], feats: Sequence[Features], alone: Sequence[float],
          decisions: list[Decision], end: StoryEnd | None = None,
          tail: int | None = None) -> tuple[list[Decision], tuple[str, ...]]:
    """Back off rule cuts that would take away most of the prose of a real story.

    Backing off undoes every rule that cut prose, on all of its blocks before the stop:
    the output then still holds what made those rules fire (a head or tail rule's own
    line, a promo line), so cleaning it again backs off the same way. Undoing only the
    prose blocks left the trigger line cut, and the second pass cut what the first had
    restored (fuzz: a "Related Articles" cut with a "READ MORE:" line above it).
    """
    # Blocks after the story end are other articles, and blocks after an applied tail rule
    # ("34 responses to ...", "Related Articles") are comments or teasers: neither is this
    # story's prose (a long comment thread outweighed the story and undid its cut).
    stop = min(end.block if end is not None else len(blocks), tail if tail is not None else len(blocks))
    # Only prose the classifier keeps counts: the output holds no classifier-cut blocks, so
    # counting them would make a second pass judge a different share (not idempotent).
    prose = [i for i, a in enumerate(alone) if a >= 0.5 and feats[i].words >= 10 and i < stop
             and decisions[i][1] != "boilerplate.classifier"]
    total = sum(len(blocks[i].text) for i in prose)
    if total < GUARD_MIN_PROSE:
        return decisions, ()
    kept = sum(len(blocks[i].text) for i in prose if decisions[i][0])
    if kept >= GUARD_MIN_KEPT_SHARE * total:
        return decisions, ()
    undone = {decisions[i][1] for i in prose if not decisions[i][0]}
    restored = [_KEEP if i < stop and d[1] in undone else d for i, d in enumerate(decisions)]
    return restored, ("guard-backed-off",)


def _between(sorted_points: Sequence[int], lo: int, hi: int) -> bool:
    """Whether a point p with lo <= p < hi is in `sorted_points`."""
    k = bisect_left(sorted_points, lo)
    return k < len(sorted_points) and sorted_points[k] < hi


def build_removals(text: str, headers: Sequence[Header], blocks: Sequence[Block], decisions: Sequence[Decision],
                   spans: Sequence[tuple[int, int, int, str, str, str]], alone: Sequence[float] = (),
                   context: Sequence[float] = ()) -> tuple[Removal, ...]:
    """Turn decisions into non-overlapping removals; consecutive blocks of one rule merge.

    A classifier drop whose reason decide() left to write (CLASSIFIER_PENDING) gets it
    here from the block's scores `alone` and `context`, for the first block of a removal.
    """
    removals = [Removal("metadata.date-header", "metadata", h.start, h.end, text[h.start:h.end],
                        DATE_HEADER_REASON) for h in headers]
    header_starts = [h.start for h in headers]
    run: list[int] = []

    def flush() -> None:
        if run:
            first, last = blocks[run[0]], blocks[run[-1]]
            _, rule, category, reason = decisions[run[0]]
            if reason is CLASSIFIER_PENDING:
                reason = classifier_reason(context[run[0]], alone[run[0]])
            removals.append(Removal(rule, category, first.start, last.end, text[first.start:last.end], reason))
            run.clear()

    for i, d in enumerate(decisions):
        if d[0]:
            flush()
            continue
        # A date header between two blocks of one run is its own removal: one merged span
        # over it would overlap it (a header above the first line, cut with its neighbours).
        if run and (decisions[run[-1]][1] != d[1] or _between(header_starts, blocks[run[-1]].end, blocks[i].start)):
            flush()
        run.append(i)
    flush()
    taken = [(r.start, r.end) for r in removals]
    for block_i, a, b, rule, category, reason in sorted(spans):
        if not decisions[block_i][0]:
            continue
        start, end = blocks[block_i].start + a, blocks[block_i].start + b
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        removals.append(Removal(rule, category, start, end, text[start:end], reason))
    return tuple(sorted(removals, key=lambda r: (r.start, r.end)))


def _host(url: str | None) -> str | None:
    if not url:
        return None
    from urllib.parse import urlsplit

    host = urlsplit(url if "//" in url else "//" + url).hostname
    return host[4:] if host and host.startswith("www.") else host
