"""Run the data rules over the blocks of one document: which rule hits which span."""

from __future__ import annotations

import time
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import ahocorasick
import regex

from ..metadata import DATE_HEADER_REASON, leading_date_header
from ..model import Block
from .registry import UNTIMED_MAX_CHARS, Rule, collapse_spaces, word_count

#: Seconds a rule's budget grows by for each block it runs on, on top of the timeout: a
#: document of many blocks legitimately costs more. About 20 x the slowest shipped rule
#: (metadata.date-line, ~50 us a block on lines that all hold digits, timeout included).
BUDGET_PER_BLOCK = 0.001


@dataclass(frozen=True)
class Hit:
    """One rule firing on one block: spans are offsets into the block's text."""

    rule: Rule
    block: int
    start: int
    end: int

    def __init__(self, rule: Rule, block: int, start: int, end: int) -> None:
        # As model.Block: the fields in one dict update, not one frozen setattr each.
        self.__dict__.update(rule=rule, block=block, start=start, end=end)


@dataclass(frozen=True)
class RuleHits:
    """What the data rules found in a document, by scope."""

    spans: tuple[Hit, ...] = ()
    blocks: dict[int, Hit] = field(default_factory=dict)  # block index -> first block-scope hit
    tail: Hit | None = None  # earliest tail-scope hit
    head: Hit | None = None  # latest head-scope hit
    timed_out: tuple[str, ...] = ()  # ids of rules skipped because a pattern timed out


def match_rules(blocks: Sequence[Block], rules: Sequence[Rule], site: str | None, timeout: float,
                words: Sequence[int] | None = None, keywords: KeywordIndex | None = None,
                lowered: Sequence[str] | None = None) -> RuleHits:
    """Apply every applicable rule to every block it prefilters in.

    Each rule has one time budget for the whole document, not one per block: `timeout`
    plus BUDGET_PER_BLOCK per block it runs on. A rule that spends it is skipped for this
    document and its id reported so the caller can warn (a hostile user rule slow on every
    block cannot hang the cleaner). `keywords` is the rules' keyword index, built once per
    rule set (built here when not given). `lowered`: the blocks' texts in lower case, when
    the caller has them.
    """
    if not rules or not blocks:
        return RuleHits()
    if keywords is None:
        keywords = KeywordIndex.of(rules)
    texts = [b.text for b in blocks]
    holding = keywords.blocks_holding([t.lower() for t in texts] if lowered is None else lowered)
    # The rules with a keyword on the page, and those without keywords, in rule order: the
    # rest (most rules on most pages) are never looked at. Each rule's blocks (those holding
    # one of its keywords, as candidate_blocks) are gathered in one pass over the keywords
    # found, not by a function call and a set union per rule.
    holders, always, tiers = keywords.plan if keywords.rules is rules else _plan(rules)
    picked: dict[int, set[int]] = {}
    for word, where in holding.items():
        for k in holders.get(word, ()):
            have = picked.get(k)
            if have is None:
                picked[k] = set(where)
            else:
                have |= where
    spans: list[Hit] = []
    block_hits: dict[int, Hit] = {}
    tail: Hit | None = None
    head: Hit | None = None
    timed_out: list[str] = []
    # Block-like rules match a block with its whitespace runs collapsed: collapsed once per
    # block for this document, not once per rule (four rules a block on the aeb pages).
    collapsed: dict[str, str] = {}
    n = len(blocks)
    clock = time.perf_counter
    for k in sorted({*always, *picked}):
        rule = rules[k]
        # A rule without `sites` applies everywhere (most rules): no method call for it.
        if rule.sites and not rule.applies_to(site):
            continue
        # candidate_blocks, inline: the rule's blocks within its word tier, in order.
        limit = tiers[k] if words is not None else None
        mine = picked.get(k)
        if mine is None:  # a rule tried on every block
            candidates = list(range(n)) if limit is None else [i for i in range(n) if words[i] <= limit]  # type: ignore[index]
        else:
            candidates = sorted(mine) if limit is None else sorted([i for i in mine if words[i] <= limit])  # type: ignore[index]
        if not candidates:
            continue
        begun = clock()
        scope, max_words, search = rule.scope, rule.max_words, rule.compiled.search
        is_block = scope == "block"
        untimed_max = UNTIMED_MAX_CHARS if rule.shipped else -1
        # A block's spans are a function of its text (its word count is too): a text met
        # again in this document (a fifth of the tries on the aeb pages: "Share", menus,
        # repeated credits) takes the answer of the first, without a regex call.
        answers: dict[str, Any] = {}
        try:
            deadline = begun + timeout + BUDGET_PER_BLOCK * len(candidates)
            for i in candidates:
                # A block an earlier rule already cut keeps that rule's hit: a block-scope
                # rule's answer there changes nothing: not searched (21 of the 114
                # block-scope searches an aeb page).
                if is_block and i in block_hits:
                    continue
                text = texts[i]
                left = deadline - clock()
                if left <= 0:
                    raise TimeoutError(f"rule {rule.id} spent its time budget for this document")
                found: Any = answers.get(text)  # spans (span scope), or whether it fires
                if found is None:
                    if scope == "span":
                        found = rule.spans(text, timeout=rule.search_timeout(text, left), prefiltered=True)
                    # Rule.spans of a block-like scope, inline (the engine's hottest call:
                    # ~130 an aeb page); only whether it fires is kept. Held to Rule.spans
                    # in tests/test_fast_paths.py.
                    elif max_words is not None and (word_count(text) if words is None else words[i]) > max_words:
                        found = False
                    else:
                        flat = collapsed.get(text)
                        if flat is None:
                            flat = collapsed[text] = collapse_spaces(text)
                        if len(text) <= untimed_max:
                            found = search(flat) is not None
                        else:
                            found = search(flat, timeout=left) is not None
                    answers[text] = found
                if not found:
                    continue
                if scope == "span":
                    spans.extend(Hit(rule, i, a, b) for a, b in found)
                elif is_block:  # (a block without a hit: see above)
                    block_hits[i] = Hit(rule, i, 0, len(text))
                elif scope == "tail":
                    if tail is None or i < tail.block:
                        tail = Hit(rule, i, 0, len(text))
                    break  # later blocks of this rule cannot come earlier
                elif scope == "head":
                    if head is None or i > head.block:
                        head = Hit(rule, i, 0, len(text))
        except TimeoutError:
            timed_out.append(rule.id)
            spans = [h for h in spans if h.rule.id != rule.id]
            block_hits = {k: h for k, h in block_hits.items() if h.rule.id != rule.id}
            if tail is not None and tail.rule.id == rule.id:
                tail = None
            if head is not None and head.rule.id == rule.id:
                head = None
    # Block hits are keyed in rule order; keep them in block order for determinism.
    return RuleHits(
        spans=tuple(sorted(spans, key=lambda h: (h.block, h.start, h.end, h.rule.id))),
        blocks=dict(sorted(block_hits.items())),
        tail=tail,
        head=head,
        timed_out=tuple(timed_out),
    )


#: Cuts at the start of one block are followed this many times at most (each exposes the
#: next text: a prompt, then a date header, then a donation line).
MAX_EXPOSED_ROUNDS = 4
# A cut found by exposed_cuts: (block, start, end, rule id, category, reason).
Cut = tuple[int, int, int, str, str, str]
_HEADER_CUT = ("metadata.date-header", "metadata", DATE_HEADER_REASON)


def exposed_cuts(blocks: Sequence[Block], kept: Sequence[bool], cuts: Sequence[Cut], rules: Sequence[Rule],
                 site: str | None, timeout: float, date_headers: bool = True) -> list[Cut]:
    """Cuts that rules make once other cuts opened a line: more (block, start, end, ...).

    A block-scope rule matches a whole line ("^Your support helps us ..."); when a span
    rule cut the newsletter prompt glued in front of it, the rest opens the line of the
    output, and the next pass would cut it. So the rest of a kept block whose beginning
    was cut is matched again here: a block rule cuts the whole rest, a span rule its span,
    a date header its header (fuzz run 4). Offsets are within the block.
    """
    active = [r for r in rules if r.scope in ("block", "span") and r.applies_to(site)]
    by_block: dict[int, list[tuple[int, int]]] = {}
    for i, a, b, *_ in cuts:
        if kept[i]:
            by_block.setdefault(i, []).append((a, b))
    out: list[Cut] = []
    for i in sorted(by_block):
        text = blocks[i].text
        taken = sorted(by_block[i])
        for _ in range(MAX_EXPOSED_ROUNDS):
            pos = _cut_prefix(text, taken)
            if pos == 0 or pos >= len(text.rstrip()):
                break
            found = _first_exposed(text, pos, active, timeout, date_headers)
            if found is None:
                break
            (a, b), rule = found
            out.append((i, a, b, *rule))
            taken = sorted([*taken, (a, b)])
    return out


def _cut_prefix(text: str, taken: Sequence[tuple[int, int]]) -> int:
    """Where the text left after the leading cuts (and spaces) begins; 0 if nothing is cut."""
    pos = 0
    for a, b in taken:
        if text[pos:a].strip():
            break
        pos = max(pos, b)
    return pos


def _first_exposed(text: str, pos: int, rules: Sequence[Rule], timeout: float,
                   date_headers: bool) -> tuple[tuple[int, int], tuple[str, str, str]] | None:
    """The cut that opens text[pos:] (a date header, a block rule, a span rule at its start)."""
    if date_headers:
        header = leading_date_header(text, pos)
        if header is not None:
            return header, _HEADER_CUT
    rest = text[pos:]
    start = pos + len(rest) - len(rest.lstrip())
    for rule in rules:
        try:
            found = rule.spans(rest, timeout=rule.search_timeout(rest, timeout))
        except TimeoutError:
            continue  # the rule already had its budget on the whole document
        if rule.scope == "block" and found:
            return (start, len(text)), (rule.id, rule.category, rule.reason)
        if rule.scope == "span" and found and not rest[:found[0][0]].strip():
            a, b = found[0]
            return (pos + a, pos + b), (rule.id, rule.category, rule.reason)
    return None


#: Block-scope rules fire only on blocks of at most `max_words` words, so they are tried
#: only on blocks of their word tier: the smallest of these that holds `max_words`. Tiers,
#: not each rule's own limit, because the candidates (and so each rule's time budget) were
#: first defined per tier; the rule itself still checks its own `max_words`.
WORD_TIERS = (6, 12, 25, 45)


def _word_tier(rule: Rule) -> int | None:
    """The smallest word tier that holds every block the rule can fire on (None: all)."""
    if rule.scope == "span" or rule.max_words is None:
        return None
    for tier in WORD_TIERS:  # a loop, not next() over a generator: called per rule and page
        if rule.max_words <= tier:
            return tier
    return None


# What match_rules reads of a rule set: see _plan.
Plan = tuple[dict[str, tuple[int, ...]], tuple[int, ...], tuple[int | None, ...]]


@dataclass(frozen=True)
class KeywordIndex:
    """Every keyword of a rule set in one Aho-Corasick automaton (read-only, built once
    per rule set): one pass over a document finds the blocks holding each keyword, where
    a str.find per keyword scanned the document some 900 times (a sixth of the text path
    on the aeb pages)."""

    automaton: Any  # an ahocorasick.Automaton, or None when no rule has a keyword
    rules: Sequence[Rule] = field(default=(), compare=False)  # the rules it was built for
    plan: Plan = field(default=({}, (), ()), compare=False)  # _plan(rules)

    @classmethod
    def of(cls, rules: Sequence[Rule]) -> KeywordIndex:
        words = sorted({k for r in rules for k in r.keywords if k}, key=_by_letter_frequency)
        if not words:
            return cls(None, rules, _plan(rules))
        automaton = ahocorasick.Automaton()
        for word in words:  # in this order, the most frequent letters are looked up first
            automaton.add_word(word, word)
        automaton.make_automaton()
        return cls(automaton, rules, _plan(rules))

    def blocks_holding(self, lowered: Sequence[str]) -> dict[str, set[int]]:
        """keyword -> the indices of the (lower-cased) blocks that contain it.

        >>> index = KeywordIndex.of([Rule("x", "custom", "block", ("a",), "r", keywords=("ab", "b"))])
        >>> sorted(index.blocks_holding(["xab", "b", "a"]).items())
        [('ab', {0}), ('b', {0, 1})]
        """
        found: dict[str, set[int]] = {}
        if self.automaton is None:
            return found
        # Joined by newlines, which no block holds: a keyword (without one) stays in its block.
        starts, pos = [], 0
        for low in lowered:
            starts.append(pos)
            pos += len(low) + 1
        starts.append(pos)  # past the last block
        # Matches come in order of their end: the block is looked up again only once a
        # match ends past the current one (a page has a few hundred matches).
        block, block_end = -1, -1
        for end, word in self.automaton.iter("\n".join(lowered)):
            if end >= block_end:
                block = bisect_right(starts, end) - 1
                block_end = starts[block + 1]
            holders = found.get(word)
            if holders is None:
                found[word] = {block}
            else:
                holders.add(block)
        return found


#: Letters by their frequency in text (English, then digits). pyahocorasick looks up the
#: next letter of a node among its children one by one, in the order they were added: a
#: keyword set added with the frequent letters first finds most letters of a document
#: early. The matches are the same in any order; on the aeb dev pages the pass over a
#: document took 1.53M instructions against 1.27M in this order (cachegrind).
LETTER_ORDER = " etaoinsrhldcumfpgwybvkxjqz0123456789"
_LETTER_RANK = {c: k for k, c in enumerate(LETTER_ORDER)}


def _by_letter_frequency(word: str) -> list[int]:
    """Sort key: a word's letters by their rank in LETTER_ORDER (others after, by code)."""
    return [_LETTER_RANK.get(c, len(LETTER_ORDER) + ord(c)) for c in word]


def _plan(rules: Sequence[Rule]) -> Plan:
    """Keyword -> the positions of the rules that have it; the positions of the rules
    tried on every page (no keyword, or the empty one); each rule's word tier."""
    holders: dict[str, list[int]] = {}
    always = []
    for k, rule in enumerate(rules):
        if not rule.keywords or "" in rule.keywords:
            always.append(k)
            continue
        for word in rule.keywords:
            holders.setdefault(word, []).append(k)
    return {word: tuple(ks) for word, ks in holders.items()}, tuple(always), tuple(_word_tier(r) for r in rules)


def candidate_blocks(rule: Rule, holding: dict[str, set[int]], n_blocks: int,
                     words: Sequence[int] | None = None) -> list[int]:
    """Indices of the blocks the rule is tried on, in order: those holding one of its
    keywords (every block for a rule without keywords) within its word tier."""
    if not rule.keywords or "" in rule.keywords:
        picked: set[int] | range = range(n_blocks)
    elif holding.keys().isdisjoint(rule.keywords):
        return []  # most rules on most pages: tested in C, before any set is built
    else:
        picked = set().union(*(holding[kw] for kw in rule.keywords if kw in holding))
    limit = _word_tier(rule) if words is not None else None
    if limit is None:
        return sorted(picked)
    return sorted(i for i in picked if words[i] <= limit)  # type: ignore[index]


def merge_spans(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge overlapping or touching (start, end) spans."""
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


_WS = regex.compile(r"\s+")
