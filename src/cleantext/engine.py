"""The pipeline: input -> blocks -> features -> verdicts -> removals -> result.

The only place that decides what is cut. Each stage is a function of its inputs and the
compiled configuration; nothing here keeps state between documents.
"""

from __future__ import annotations

import warnings
from bisect import bisect_left
from collections.abc import Container, Sequence
from dataclasses import dataclass

from . import lang
from .classify import PROSE_MIN_WORDS, Model, score_blocks, shipped_model
from .config import Config
from .features import Features, block_features
from .ingest import Document
from .metadata import Header, date_headers, title_of
from .model import Block, Removal, Result, Stats, StoryEnd, Verdict
from .render import apply_removals
from .rules.builtin import BUILTIN_RULES
from .rules.code import CODE_RULES, carousel_spans, find_story_end
from .rules.match import KeywordIndex, RuleHits, exposed_cuts, match_rules
from .rules.registry import CodeRule, Rule, build_registry
from .segment import segment

#: A tail rule ("Related Articles" on its own line) cuts only once this much prose has
#: been kept before it: the same words in a menu above the story must not cut the story.
TAIL_MIN_PROSE_BEFORE = 300
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


def compile_config(config: Config) -> Compiled:
    registry = build_registry(config.rule_files, config.disabled_rules, (*BUILTIN_RULES, *CODE_RULES))
    data_rules = tuple(r for r in registry.values() if isinstance(r, Rule))
    return Compiled(
        config=config,
        data_rules=data_rules,
        code_rules={k: r for k, r in registry.items() if isinstance(r, CodeRule)},
        model=shipped_model(),
        keywords=KeywordIndex.of(data_rules),
    )


def run(doc: Document, compiled: Compiled) -> Result:
    """The whole pipeline on one document, as stage calls."""
    config = compiled.config
    text = doc.text
    rules_on = compiled.code_rules
    headers = date_headers(text) if doc.input_format == "text" and "metadata.date-header" in rules_on else ()
    blocks = segment(text, skip=[(h.start, h.end) for h in headers])
    language = config.language or doc.language or lang.detect(lang.sample_prose([b.text for b in blocks]))
    feats = block_features(blocks, language)
    site = _host(doc.url)
    hits = match_rules(blocks, compiled.data_rules, site, config.regex_timeout, [f.words for f in feats],
                       compiled.keywords)
    alone, context = score_blocks(feats, [b.kind for b in blocks], compiled.model)
    # With every data rule disabled, "no chrome rule fired" says nothing about the page.
    clean = is_clean_article(blocks, feats, alone, hits if compiled.data_rules else None)
    decisions = decide(blocks, feats, hits, alone, context, config, doc.keep_threshold, clean, rules_on,
                       html=doc.input_format == "html" and not doc.fallback)
    end = None
    if "story-end.topic-shift" in rules_on:
        strictness = doc.story_end_strictness or (1.0 if clean else PAGE_DUMP_STORY_END_STRICTNESS)
        end = find_story_end(blocks, feats, decisions, language, config, strictness)
        if end is not None:
            decisions = cut_after(decisions, end)
    spans = [(h.block, h.start, h.end, h.rule.id, h.rule.category, h.rule.reason) for h in hits.spans]
    if "carousel.headlines" in rules_on:
        spans += carousel_spans(blocks, decisions)
    if spans:
        spans += exposed_cuts(blocks, [d[0] for d in decisions], spans, compiled.data_rules, site,
                              config.regex_timeout, "metadata.date-header" in rules_on and doc.input_format == "text")
    tail_cut = hits.tail.block if hits.tail is not None and decisions[hits.tail.block][1] == hits.tail.rule.id else None
    decisions, flags = guard(blocks, feats, alone, decisions, end, tail_cut)
    removals = build_removals(text, headers, blocks, decisions, spans)
    out = apply_removals(text, removals)
    kept_blocks = sum(1 for d in decisions if d[0])
    timeouts = tuple(f"rule {rid} timed out and was skipped for this document" for rid in hits.timed_out)
    for message in timeouts:  # a skipped rule is also a Python warning, so pipelines see it
        warnings.warn(message, RuntimeWarning, stacklevel=4)
    notes = (*doc.warnings, *timeouts)
    if not out and blocks:
        flags = (*flags, "all-boilerplate")
    return Result(
        text=out,
        title=doc.title or title_of(blocks),
        date=doc.date or (headers[0].date if headers else None),
        language=language,
        removals=removals,
        stats=_stats(text, out, blocks, kept_blocks, removals),
        source=text,
        offsets=doc.offsets,
        input_format=doc.input_format,
        flags=(*flags, *(("html-fallback",) if doc.fallback else ())),
        story_end=end,
        blocks=blocks,
        verdicts=tuple(
            Verdict(block=b.index, keep=d[0], alone=round(a, 3), context=round(c, 3), rule=d[1], reason=d[3])
            for b, d, a, c in zip(blocks, decisions, alone, context)
        ),
        warnings=notes,
    )


# A decision per block: (keep, rule id, category, reason).
Decision = tuple[bool, str, str, str]
_KEEP: Decision = (True, "", "", "")


def decide(blocks: Sequence[Block], feats: Sequence[Features], hits: RuleHits,
           alone: Sequence[float], context: Sequence[float], config: Config,
           keep_threshold: float | None = None, clean: bool = False,
           rules_on: Container[str] = ("boilerplate.classifier", "boilerplate.repeated-line"),
           html: bool = False) -> list[Decision]:
    """Per block: kept, or removed by which rule. Rules first, then the classifier."""
    threshold = config.keep_threshold if keep_threshold is None else keep_threshold
    if clean or "boilerplate.classifier" not in rules_on:
        # Only rules and the story end cut a clean article, or any page when the classifier
        # is disabled (the article judgement itself still sets the story-end strictness).
        keep = [True] * len(blocks)
    else:
        keep = fill_gaps([c >= threshold for c in context])
    out: list[Decision] = []
    for i, _block in enumerate(blocks):
        if keep[i]:
            out.append(_KEEP)
        else:
            out.append((False, "boilerplate.classifier", "boilerplate",
                        f"not story-like in context (p={context[i]:.2f} alone {alone[i]:.2f})"))
    for i, hit in hits.blocks.items():
        out[i] = (False, hit.rule.id, hit.rule.category, hit.rule.reason)
    # Repeats are chrome in page dumps and in what trafilatura extracts; in a clean article
    # a repeated line is the story's own (table headers, "Available from Amazon" in a list).
    if "boilerplate.repeated-line" in rules_on and (not clean or html):
        # trafilatura extracts the story once: a block it repeats is the story's own (the
        # same feature list under each product of a deals page, aeb dev e7d77f18).
        for i in repeated_lines(blocks, feats, out, long=not html):
            out[i] = (False, "boilerplate.repeated-line", "boilerplate",
                      "text the document already showed: later copies are chrome or a second copy")
    if not clean:
        out = restore_lists(feats, out)
        headline = find_headline(feats, [d[0] for d in out], [d[1] == "boilerplate.classifier" for d in out])
        if headline is not None:
            out[headline] = _KEEP
    if hits.head is not None:
        for i in range(hits.head.block + 1):
            out[i] = (False, hits.head.rule.id, hits.head.rule.category, hits.head.rule.reason)
    if hits.tail is not None:
        prose_before = sum(len(blocks[i].text) for i in range(hits.tail.block) if out[i][0])
        if prose_before >= TAIL_MIN_PROSE_BEFORE:
            for i in range(hits.tail.block, len(blocks)):
                out[i] = (False, hits.tail.rule.id, hits.tail.rule.category, hits.tail.rule.reason)
    return out


#: A kept line ending in a colon ("The 2020 tour dates:", "Zutaten:") introduces a list: the
#: short lines after it that only the classifier dropped are its items. Items have at most
#: LIST_ITEM_MAX_WORDS words, hold no link and no menu separator, and a list runs for at
#: most LIST_MAX_ITEMS lines; the first block a rule removes ends it. Swept on the dev half
#: (15-50 words, 25-60 items): aeb recall 0.931 -> 0.935, traf 0.883 -> 0.891 at every
#: setting, precision unchanged; the values are the middle of the flat range.
LIST_ITEM_MAX_WORDS = 30
LIST_MAX_ITEMS = 40
#: The introducing line is a sentence fragment of at least this many words ("Tags:" is not).
LIST_INTRO_MIN_WORDS = 3


def restore_lists(feats: Sequence[Features], decisions: list[Decision]) -> list[Decision]:
    """Keep the items of a list that a kept line introduces with a colon.

    Tour dates, scores, ingredients and product features are short lines that look like a
    menu on their own; the line before them that announces them does not.
    """
    out = list(decisions)
    n = len(out)
    i = 0
    while i < n:
        f = feats[i]
        if not (out[i][0] and f.ends_colon and f.words >= LIST_INTRO_MIN_WORDS):
            i += 1
            continue
        j = i + 1
        while (j < n and j - i <= LIST_MAX_ITEMS and out[j][1] == "boilerplate.classifier"
               and feats[j].words <= LIST_ITEM_MAX_WORDS and not feats[j].urls and not feats[j].separators):
            out[j] = (True, "", "", f"an item of the list that block {i} introduces with a colon")
            j += 1
        i = j
    return out


#: The headline is looked for this many blocks above the first paragraph of the story
#: (bylines, dates, share buttons and a caption sit between them in page dumps).
HEADLINE_LOOKBACK = 8
#: ... and must repeat at least this share of the page title's content words.
HEADLINE_TITLE_SHARE = 0.6
#: ... or share at least this share of its own content words with the lead paragraphs
#: (the first HEADLINE_LEAD_BLOCKS blocks of the story).
HEADLINE_LEAD_SHARE = 0.5
HEADLINE_LEAD_BLOCKS = 3
#: A headline has at most this many words.
HEADLINE_MAX_WORDS = 25


#: A line of at most this many words is repeated chrome when an earlier kept line had the
#: same text; a longer block when its text lies inside the text kept before it, so it
#: adds nothing (a page dump's second copy of the story: aeb dev fde930b0 kept it twice).
#: Dev half, text path: aeb F1 0.910 -> 0.913, the others unchanged (a pull quote repeats
#: a sentence, but the paragraph holding it is longer and stays).
REPEAT_MAX_WORDS = 12


def repeated_lines(blocks: Sequence[Block], feats: Sequence[Features], decisions: Sequence[Decision],
                   long: bool = True) -> list[int]:
    """Kept blocks whose text the document already showed in a kept block: short lines
    repeated whole (headline teasers, "10 things in tech" repeated by a page's markup,
    "Advertisement" between paragraphs), and with `long` longer ones found inside earlier
    kept text (a second copy of the story that a page dump carries in its markup)."""
    seen: set[str] = set()
    shown: list[str] = []  # the kept text so far, normalised, block by block
    out = []
    for i, b in enumerate(blocks):
        if not decisions[i][0]:
            continue
        key = " ".join(b.text.lower().split())
        if feats[i].words <= REPEAT_MAX_WORDS:
            if feats[i].repeats and key in seen:
                out.append(i)
            seen.add(key)
        elif long and shown and key in " ".join(shown):
            out.append(i)
            continue
        shown.append(key)
    return out


def find_headline(feats: Sequence[Features], keep: Sequence[bool], doubted: Sequence[bool]) -> int | None:
    """The headline just above the story in a page dump.

    Readers expect the headline with the story (the golden corpus does; seed 002 keeps
    its first line). In a page dump it is a short line a few blocks above the first kept
    paragraph that repeats the page title's words or the lead paragraphs' words.
    """
    first = next((i for i, k in enumerate(keep) if k and feats[i].words >= PROSE_MIN_WORDS), None)
    if first is None:
        return None
    title = feats[0].terms
    lead: set[str] = set()
    for i in range(first, min(len(feats), first + HEADLINE_LEAD_BLOCKS)):
        if keep[i]:
            lead |= feats[i].terms
    for i in range(first - 1, max(first - 1 - HEADLINE_LOOKBACK, -1), -1):
        f = feats[i]
        if not doubted[i] or not f.terms or f.words > HEADLINE_MAX_WORDS or f.datelike:
            continue
        shared_title = sum(1 for t in title if t in f.terms) if i else len(title)
        shared_lead = sum(1 for t in f.terms if t in lead)
        repeats_title = bool(title) and shared_title >= HEADLINE_TITLE_SHARE * len(title)
        if repeats_title or shared_lead >= HEADLINE_LEAD_SHARE * len(f.terms):
            return i
    return None


#: A stretch of at most this many dropped blocks between two kept blocks is kept: it is a
#: subheading, a one-line quote or answer ("A: Yes."). Swept 0-2 on the dev half with the
#: classifier alone: 1 was best for aeb and traf F1 (0.891 / 0.867 against 0.889 / 0.866 at 0).
MAX_GAP_BLOCKS = 1


#: In a page dump the story-end evidence must be this many times stronger than in a
#: clean article: related boxes sit inside page-dump stories, and the classifier's
#: region already ends the story at the footer. Dev half, 1.0 -> 1.5: aeb F1 0.884 -> 0.905,
#: traf 0.873 -> 0.881, append unchanged (its inputs are clean articles).
PAGE_DUMP_STORY_END_STRICTNESS = 1.5


#: A document whose blocks are at least this share prose is a clean article, not a page
#: dump: the classifier then removes nothing on its own. Measured on the dev half (share
#: of blocks with stage-one p > 0.5 and >= 12 words): aeb gold bodies p25 0.73 / p10 0.46,
#: aeb and traf page dumps p90 0.32 / 0.29, append inputs p10 0.51.
CLEAN_ARTICLE_SHARE = 0.4
#: Or: fewer than this share of its lines are confidently chrome (stage-one p below
#: CHROME_P). Dev half: aeb gold bodies p90 0.14, page dumps p05 0.18 (aeb) / 0.23 (traf);
#: it keeps list-like stories (box scores, calendars) fed alone whole.
CLEAN_MAX_CHROME_SHARE = 0.15
CHROME_P = 0.15
#: Or: the mean stage-one p of its first and of its last CLEAN_EDGE_BLOCKS lines both reach
#: CLEAN_MIN_EDGE_P. Dev half (the lower of the two means): aeb gold bodies p05 0.29 /
#: p10 0.38; page dumps p95 0.20 (aeb) / 0.16 (traf), p98 0.37 / 0.21.
CLEAN_EDGE_BLOCKS = 5
CLEAN_MIN_EDGE_P = 0.35
#: ... and has at least this many blocks (a two-line snippet says nothing either way).
CLEAN_ARTICLE_MIN_BLOCKS = 1


#: Glued text is a clean article when at least this share of its sentences is prose and
#: at most CLEAN_GLUED_MAX_CHROME_SHARE confidently chrome (and no chrome rule fires).
#: Dev half, swept 0.4-0.6 x 0.05-0.2: aeb gold bodies glued into one line kept 92.5% ->
#: 95.6% of their text (one had lost all of it), glued F1 unchanged (0.854), and the
#: cleaned glued pages that clean differently a second time 43 of 83 -> 2.
CLEAN_GLUED_PROSE_SHARE = 0.5
CLEAN_GLUED_MAX_CHROME_SHARE = 0.05


#: Categories whose rules fire on page chrome (captions, promos and appeals sit inside
#: clean articles too, so they do not count).
CHROME_CATEGORIES = frozenset({"navigation", "share", "comments", "cookie", "newsletter", "related",
                               "app", "paywall", "metadata", "aggregator"})
CLEAN_MAX_CHROME_RULE_HITS = 0


def chrome_rule_hits(hits: RuleHits) -> int:
    """Blocks that chrome rules remove, plus head/tail cuts."""
    n = sum(1 for h in hits.blocks.values() if h.rule.category in CHROME_CATEGORIES)
    return n + (hits.tail is not None) + (hits.head is not None)


def is_clean_article(blocks: Sequence[Block], feats: Sequence[Features], alone: Sequence[float],
                     hits: RuleHits | None = None) -> bool:
    """Whether the document is already an article (paragraphs), not a page dump.

    Glued text (a page in one line, split into sentences) is never clean: its sentences
    look like prose whatever they came from. Counted by input line, not by block: an
    article with another article flattened into one line after it (append dev, issue 4)
    is still mostly lines.
    """
    lines = [i for i, b in enumerate(blocks) if b.kind == "line"]
    paras = len({b.para for b in blocks})
    if len(lines) < CLEAN_ARTICLE_MIN_BLOCKS or len(lines) * 2 < paras:
        return is_clean_glued(blocks, feats, alone, hits)
    prose = sum(1 for i in lines if alone[i] > 0.5 and feats[i].words >= PROSE_MIN_WORDS)
    chrome = sum(1 for i in lines if alone[i] < CHROME_P)
    if prose >= CLEAN_ARTICLE_SHARE * len(lines) or chrome < CLEAN_MAX_CHROME_SHARE * len(lines):
        return True
    # No chrome rule fires anywhere: no menu label, share bar, footer, cookie or comment
    # line. Dev half: 98% of the aeb gold bodies fed alone, 2% of aeb/traf page dumps.
    if hits is not None and chrome_rule_hits(hits) <= CLEAN_MAX_CHROME_RULE_HITS:
        return True
    # A page dump opens with a header and ends with a footer of chrome; an article (even a
    # list-like one: box scores, tour dates) opens and ends with its own text.
    k = min(CLEAN_EDGE_BLOCKS, len(lines))
    head = sum(alone[i] for i in lines[:k]) / k
    tail = sum(alone[i] for i in lines[-k:]) / k
    return min(head, tail) >= CLEAN_MIN_EDGE_P


def is_clean_glued(blocks: Sequence[Block], feats: Sequence[Features], alone: Sequence[float],
                   hits: RuleHits | None) -> bool:
    """Whether glued text (paragraphs flattened into lines of sentences) is an article.

    An article flattened into one line (an RSS description, ``get_text(" ")`` of an
    article body) is mostly prose sentences, with no confident chrome and no chrome rule
    firing; a glued page dump has menus and footers among its sentences. Without the
    data rules nothing says which it is, and the classifier stays on.
    """
    if hits is None or not blocks or chrome_rule_hits(hits) > CLEAN_MAX_CHROME_RULE_HITS:
        return False
    n = len(blocks)
    prose = sum(1 for a, f in zip(alone, feats) if a > 0.5 and f.words >= PROSE_MIN_WORDS)
    chrome = sum(1 for a in alone if a < CHROME_P)
    return prose >= CLEAN_GLUED_PROSE_SHARE * n and chrome <= CLEAN_GLUED_MAX_CHROME_SHARE * n


def fill_gaps(keep: list[bool]) -> list[bool]:
    """Keep short dropped stretches that lie between kept blocks (jusText's context rule)."""
    out = list(keep)
    n = len(out)
    i = 0
    while i < n:
        if out[i]:
            i += 1
            continue
        j = i
        while j < n and not keep[j]:
            j += 1
        if 0 < i and j < n and j - i <= MAX_GAP_BLOCKS:
            for k in range(i, j):
                out[k] = True
        i = j
    return out


def cut_after(decisions: list[Decision], end: StoryEnd) -> list[Decision]:
    """Remove every block from the story end on."""
    out = list(decisions)
    for i in range(end.block, len(out)):
        if out[i][0] or out[i][1] == "boilerplate.classifier":
            out[i] = (False, end.rule, "story-end", "after the end of the story: " + "; ".join(end.evidence))
    return out


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
                   spans: Sequence[tuple[int, int, int, str, str, str]]) -> tuple[Removal, ...]:
    """Turn decisions into non-overlapping removals; consecutive blocks of one rule merge."""
    removals = [Removal("metadata.date-header", "metadata", h.start, h.end, text[h.start:h.end],
                        "export header with the date, not story text") for h in headers]
    header_starts = [h.start for h in headers]
    run: list[int] = []

    def flush() -> None:
        if run:
            first, last = blocks[run[0]], blocks[run[-1]]
            _, rule, category, reason = decisions[run[0]]
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


def _stats(text: str, out: str, blocks: Sequence[Block], kept_blocks: int, removals: Sequence[Removal]) -> Stats:
    by_cat: dict[str, int] = {}
    by_rule: dict[str, int] = {}
    for r in removals:
        by_cat[r.category] = by_cat.get(r.category, 0) + 1
        by_rule[r.rule] = by_rule.get(r.rule, 0) + 1
    return Stats(chars_in=len(text), chars_out=len(out), blocks_in=len(blocks), blocks_out=kept_blocks,
                 removals_by_category=dict(sorted(by_cat.items())), removals_by_rule=dict(sorted(by_rule.items())))


def _host(url: str | None) -> str | None:
    if not url:
        return None
    from urllib.parse import urlsplit

    host = urlsplit(url if "//" in url else "//" + url).hostname
    return host[4:] if host and host.startswith("www.") else host
