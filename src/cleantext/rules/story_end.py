"""Where the story ends: the first block of unrelated text appended after it.

Aggregators and infinite-scroll pages append other whole articles after the story (issue
4, seed 002). The evidence, gathered for every candidate cut (before a kept block):

* markers in the gap before it: a "Related Articles"-style header, an aggregator card's
  source and time lines ("Straits Times" / "16 minutes ago" / "- Straits Times");
* a call to action that opens the appended block ("Sign up now: ...");
* a headline-like line at the cut: short, no sentence punctuation, followed by prose;
* a change of language between the story and the text after the cut;
* lexical cohesion: how little the text after the cut shares with the text before it.

A cut needs a score of at least ``CUT_SCORE * config.story_end_threshold``; the earliest
candidate that reaches it wins (everything after it goes, so a later boundary between
two appended articles does not matter). Cohesion alone never cuts, and a tail that
still shares the lead's terms is never cut without a marker.
"""

from __future__ import annotations

import statistics
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..config import Config
from ..decide import Decision
from ..features import Features
from ..model import Block, StoryEnd
from . import markers
from .cohesion import Cohesion, cohesion, local_cosines, term_vectors
from .story_facts import Facts, Langs, facts_of, only_short_after

#: The score a candidate needs (times config.story_end_threshold) to end the story.
CUT_SCORE = 1.0
#: Weights of the pieces of evidence. A header with a card (source/time lines) is enough;
#: a header alone needs some cohesion break (aeb stories carry "Don't Miss" product boxes
#: inside the story); a headline, a language change or a break in cohesion alone is
#: not: they must agree. Chosen on the append dev set by a coarse grid over
#: round values (0.2-0.5 in steps of 0.1) that maximised cuts found with no cut on any
#: aeb gold body, then rounded; see benchmarks/story_end_check.py for the figures.
W_HEADER = 0.7
W_CARD = 0.7
W_CALL = 0.4
W_HEADLINE = 0.35
W_ECHO = 0.25
W_LANGUAGE = 0.6
#: A header followed by nothing but short headline lines to the end ("Most popular" and
#: four headlines): a list of links, not the story going on.
W_LIST = 0.4
W_LOCAL = 0.5
W_GLOBAL = 0.3
#: Local break: the cosine of the windows just before and after the cut, relative to
#: the median of that cosine over the document (documents differ a lot in how much
#: their paragraphs repeat words). It counts from LOCAL_BREAK down, fully at LOCAL_FULL.
#: Append dev: true cuts 0.00-0.25 (one at 0.5); subheadings inside aeb stories 0.2-1.0.
LOCAL_BREAK = 0.5
LOCAL_FULL = 0.1
#: Global break: the cosine of everything before with everything after (up to the
#: cut already found). True cuts on append dev: 0.00-0.10; inside aeb stories mostly
#: above 0.08.
GLOBAL_BREAK = 0.1
GLOBAL_FULL = 0.02
#: A headline whose words come back in the next window, but were not used before, opens
#: a new article (its lede repeats it): echo share at least ECHO_AFTER and novelty at
#: least ECHO_NEW. Append dev true cuts: echo >= 0.28, novelty >= 0.69.
ECHO_AFTER = 0.25
ECHO_NEW = 0.6
#: The share of the after-text terms seen before the cut above which the tail is judged
#: to still talk about the story (its names and topic): no cut without a marker.
SHARED_TAIL = 0.5
#: Text needed before a cut (term tokens): a lede alone is too little to compare with.
MIN_BEFORE_TERMS = 30
#: Prose blocks needed before a cut: a story holds at least one paragraph of prose (a long
#: line that ends a clause), so headline lists and timestamps the classifier kept above a
#: story end no story. Without it, the cleaned text of a page dump opening with a ticker
#: of headlines lost its whole story to a second pass (traf dev 100noticias: 2,517 -> 435
#: characters); dev F1 unchanged on every set.
MIN_PROSE_BEFORE = 1
#: Text needed after a cut for cohesion to mean anything (term tokens).
MIN_AFTER_TERMS = 30
#: The windows compared for the local break and the headline echo (term tokens).
WINDOW_TERMS = 150
#: langdetect costs ~10 ms a call: ask it only for the best candidate of a pass, and only
#: when other evidence already speaks for a cut (a headline, or a break in cohesion).
LANG_CANDIDATES = 1
MIN_SCORE_FOR_LANG = 0.6
#: Chrome between the story and a marker is walked over back to the story: blocks the
#: classifier removed of at most this many words ("Hashtags", "Try Our AI Features").
MAX_CHROME_WORDS = 4
#: A candidate whose next window is at least this share of the document's usual local
#: cosine is not a cut whatever the markers say: the text after it goes on with the story,
#: so the marker opened a box inside it ("DON'T MISS" and a headline, then more story).
#: Append dev true cuts: at most 0.5 (see LOCAL_BREAK).
RETURN_RATIO = 0.8
#: ... and at least this cosine itself (with few candidates the usual value means little).
RETURN_COSINE = 0.1
#: The headline echo looks at most this many blocks ahead (empty removed blocks included).
ECHO_BLOCKS = 40
#: At most this many passes (each pass finds one boundary and looks before it again).
MAX_PASSES = 6



@dataclass(frozen=True)
class Evidence:
    """What speaks for a cut before one block."""

    block: int  # first block to cut (a marker in the gap, or the candidate itself)
    candidate: int  # the kept block the cut is judged at
    score: float
    reasons: tuple[str, ...]
    marker: bool


def find_story_end(
    blocks: Sequence[Block],
    feats: Sequence[Features],
    decisions: Sequence[Decision],
    language: str | None,
    config: Config,
    strictness: float = 1.0,
) -> StoryEnd | None:
    """The first block after the end of the story, with the evidence, or None.

    `strictness` multiplies the score a cut needs (the engine raises it for page dumps,
    where related boxes sit inside the story and appended articles are rare).

    Pass after pass, the strongest boundary in the text still held is found and the text
    from there on set aside, so the next pass judges an earlier candidate against the
    rest of its own story only, not against the appended articles too.
    """
    kept = [d[0] for d in decisions]
    # A tail rule ("Read next" on its own line) may already have cut the appended text;
    # judge it like the rest, so the cut is confirmed (and the guard knows it is the
    # end of the story, not a rule eating the story).
    tail = _tail_rule_start(decisions)
    if tail is not None:
        kept = [k or i >= tail for i, k in enumerate(kept)]
    if sum(kept) < 2:
        return None
    facts = facts_of(blocks, feats, kept)
    need = CUT_SCORE * config.story_end_threshold * strictness
    texts = [b.text for b in blocks]
    langs = Langs(texts, facts, kept)
    if not _may_cut(facts, kept, need, langs, language):
        return None  # no candidate could reach the line: skip the term vectors
    doc = _Doc(blocks, feats, facts, kept, term_vectors(texts, language, kept), {}, langs)
    end = len(blocks)
    found: Evidence | None = None
    for _ in range(MAX_PASSES):
        best = _best_cut(doc, end, need)
        if best is None or best.score < need:
            break
        found, end = best, best.block
    if found is None:
        return None
    start = _walk_back(found.block, blocks, feats, decisions)
    if tail is not None and start > tail:
        return None  # the tail rule alone ends the story earlier; nothing to confirm here
    return StoryEnd(
        block=start,
        offset=blocks[start].start,
        rule="story-end.topic-shift",
        score=round(found.score, 3),
        evidence=found.reasons,
    )


@dataclass
class _Doc:
    blocks: Sequence[Block]
    feats: Sequence[Features]
    facts: Facts
    kept: Sequence[bool]
    vectors: tuple[Counter[str], ...]
    local: dict[int, float]  # local cosines, measured on the first pass
    langs: Langs


def _may_cut(facts: Facts, kept: Sequence[bool], need: float, langs: Langs, language: str | None) -> bool:
    """Whether any candidate of the first pass could reach `need` with every piece of
    evidence not yet measured at its best (the cohesion terms, the headline echo).

    At a strictness above 1 (the HTML path's 2.0) a cut needs a marker, or a headline
    followed by prose and a change of language: most documents have neither, and are done
    here in one pass over the flags and, for the few headlines that need it, one stoplist
    vote on the text after them (on the aeb and traf dev pages 10 of 601 HTML documents
    went on to the term vectors, against 443 without the language test). The candidates
    are the first pass's own (a kept line after another, with prose before it); only the
    term count before it is not checked. When no candidate reaches the line, the first
    pass finds no cut and find_story_end returns None, as it does here.
    """
    n = len(kept)
    need_language: list[int] = []
    gap_header = gap_card = seen = False
    prose_before = 0
    for i, k in enumerate(kept):
        gap_header |= facts.header[i]
        gap_card |= facts.card[i]
        line = k and not facts.marker(i) and not facts.card_name[i]
        if line and seen and prose_before >= MIN_PROSE_BEFORE:
            marker = gap_header or gap_card
            headline = facts.headline[i] and any(kept[j] and facts.prose[j] for j in range(i + 1, min(n, i + 4)))
            score = W_HEADER * gap_header + W_CARD * gap_card + W_LIST * gap_header + W_CALL * facts.call[i]
            score += (W_HEADLINE + W_ECHO) * headline + W_LOCAL + W_GLOBAL + _SLACK
            if score >= need:
                return True
            if not marker and score + W_LANGUAGE >= need:
                need_language.append(i)
        if line:
            seen, gap_header, gap_card = True, False, False
        prose_before += k and facts.prose[i] and not facts.short[i]
    if not need_language:
        return False
    if language in _CJK_LANGUAGES:
        return True  # langdetect (~10 ms a call) decides these: leave them to the passes
    story = langs.story()
    if not story:
        return False
    # The text after a candidate is sampled from the kept prose blocks from it on: the
    # candidates before the same prose block share their sample, voted on once.
    starts = dict.fromkeys(next((j for j in range(i, n) if kept[j] and facts.prose[j]), n) for i in need_language)
    return any(after and after != story for after in (langs.after(j, n) for j in starts))


#: The bound adds the weights in another order than _evidence: this much slack keeps it
#: at or above the score whatever the rounding.
_SLACK = 1e-9
#: Languages whose text the stoplist vote leaves to langdetect.
_CJK_LANGUAGES = frozenset({"zh", "ja", "ko"})


def _best_cut(doc: _Doc, end: int, need: float) -> Evidence | None:
    """The strongest candidate cut before `end`. The local cosines are measured once, on
    the first pass (a window reaching past a later cut only sees more of the appended
    text, which does not change whether there is a break)."""
    n = len(doc.blocks)
    facts = doc.facts
    counted = [doc.kept[i] and i < end for i in range(n)]
    coh = cohesion(doc.vectors, counted)
    lines = [counted[i] and not facts.marker(i) and not facts.card_name[i] for i in range(n)]
    prev, last = [-1] * n, -1
    for i in range(n):
        prev[i] = last
        if lines[i]:
            last = i
    prose_before, seen = [0] * n, 0
    for i in range(n):
        prose_before[i] = seen
        seen += counted[i] and facts.prose[i] and not facts.short[i]
    cands = [i for i in range(end) if lines[i] and prev[i] >= 0 and coh.before_terms[i] >= MIN_BEFORE_TERMS
             and prose_before[i] >= MIN_PROSE_BEFORE]
    if not cands:
        return None
    listing = only_short_after(facts, counted)
    if not doc.local:
        # Most documents hold no candidate that could reach the line even with the
        # strongest local break, headline echo and language change: they are done before
        # the local cosines (the costliest measure) are taken.
        bounds = [_evidence(i, prev[i], doc, counted, listing[i], coh, None, 1.0, explain=False) for i in cands]
        if max(e.score + W_LANGUAGE * (not e.marker and e.score >= MIN_SCORE_FOR_LANG) for e in bounds) < need:
            return None
        doc.local.update(enumerate(local_cosines(coh, WINDOW_TERMS)))
    ref = statistics.median(doc.local[i] for i in cands) or 1e-3
    # Reasons are written for the winner only: formatting them for every candidate cost a
    # third of the evidence.
    evs = [_evidence(i, prev[i], doc, counted, listing[i], coh, doc.local[i], ref, explain=False) for i in cands]
    # Language: only for the few candidates it could lift over the line.
    order = sorted(
        (e for e in evs if not e.marker and MIN_SCORE_FOR_LANG <= e.score < need <= e.score + W_LANGUAGE),
        key=lambda e: -e.score,
    )
    language: dict[int, str] = {}
    for e in order[:LANG_CANDIDATES]:
        story, after = doc.langs.story(), doc.langs.after(e.candidate, end)
        if story and after and after != story:
            k = evs.index(e)
            language[e.candidate] = f"language changes {story} -> {after} (+{W_LANGUAGE})"
            evs[k] = Evidence(e.block, e.candidate, e.score + W_LANGUAGE, e.reasons, e.marker)
    best = max(evs, key=lambda e: (e.score, -e.candidate))
    i = best.candidate
    reasons = _evidence(i, prev[i], doc, counted, listing[i], coh, doc.local[i], ref).reasons
    extra = (language[i],) if i in language else ()
    return Evidence(best.block, i, best.score, (*reasons, *extra), best.marker)


def _evidence(
    i: int, prev: int, doc: _Doc, counted: Sequence[bool], listing: bool, coh: Cohesion, local: float | None,
    ref: float, explain: bool = True
) -> Evidence:
    """What speaks for a cut at candidate i. With `local` None, an upper bound: the local
    break and the headline echo count at their strongest, and nothing undoes the cut.
    With `explain` False the score alone (no reasons)."""
    blocks, facts = doc.blocks, doc.facts
    local_ratio = 0.0 if local is None else local / ref
    reasons: list[str] = []
    score = 0.0
    cut = i
    marker = False
    gap = range(prev + 1, i + 1)
    header = next((j for j in gap if facts.header[j]), None)
    if header is not None:
        score += W_HEADER
        marker = True
        cut = min(cut, header)
        if explain:
            reasons.append(f"related header {blocks[header].text.strip()!r} (+{W_HEADER})")
    cards = [j for j in gap if facts.card[j]]
    card = cards[0] if cards and (len(cards) > 1 or facts.lone_card[cards[0]]) else None
    if card is not None:
        score += W_CARD
        marker = True
        cut = min(cut, card)
        if explain:
            reasons.append(f"source/time line {blocks[card].text.strip()!r} (+{W_CARD})")
    if header is not None and listing:
        score += W_LIST
        if explain:
            reasons.append(f"only short headline lines follow the header (+{W_LIST})")
    if facts.call[i]:
        score += W_CALL
        if explain:
            reasons.append(f"call to action {_short(blocks[i].text)!r} (+{W_CALL})")
    headline = facts.headline[i] and any(counted[j] and facts.prose[j] for j in range(i + 1, min(len(blocks), i + 4)))
    if headline:
        score += W_HEADLINE
        if explain:
            reasons.append(f"headline-like line {_short(blocks[i].text)!r} (+{W_HEADLINE})")
    if coh.after_terms[i] >= MIN_AFTER_TERMS:
        part_l = _ramp(local_ratio, LOCAL_BREAK, LOCAL_FULL)
        part_g = _ramp(coh.cosine[i], GLOBAL_BREAK, GLOBAL_FULL)
        score += W_LOCAL * part_l + W_GLOBAL * part_g
        if explain:
            reasons.append(
                f"cohesion: local {local_ratio:.2f} of the document's usual (+{W_LOCAL * part_l:.2f}), "
                f"before/after cosine {coh.cosine[i]:.3f} (+{W_GLOBAL * part_g:.2f})"
            )
        if headline:
            echo, new = (1.0, 1.0) if local is None else _echo(coh, i)
            if echo >= ECHO_AFTER and new >= ECHO_NEW:
                score += W_ECHO
                if explain:
                    reasons.append(f"headline words recur after it ({echo:.0%}), {new:.0%} new to the story "
                                   f"(+{W_ECHO})")
        if local is not None and local_ratio >= RETURN_RATIO and local >= RETURN_COSINE:
            if explain:
                reasons.append(f"the text after it goes on with the story (local cosine {local:.2f}): not cut")
            score = 0.0
    shared = coh.covered[i]
    if shared >= SHARED_TAIL and not marker:
        if explain:
            reasons.append(f"tail shares {shared:.0%} of its terms with the story: not cut")
        score = 0.0
    return Evidence(cut, i, score, tuple(reasons), marker)  # positional: twice as fast as keywords


def _tail_rule_start(decisions: Sequence[Decision]) -> int | None:
    """The first block of a run to the end removed by one data rule (a tail-scope cut)."""
    if len(decisions) < 2 or decisions[-1][0] or decisions[-1][1] in ("", "boilerplate.classifier"):
        return None
    rule = decisions[-1][1]
    i = len(decisions) - 1
    while i > 0 and not decisions[i - 1][0] and decisions[i - 1][1] == rule:
        i -= 1
    return i if len(decisions) - i >= 2 else None


def _ramp(value: float, start: float, full: float) -> float:
    """0 at or above `start`, 1 at or below `full`, linear between."""
    return max(0.0, min(1.0, (start - value) / (start - full)))


def _echo(coh: Cohesion, i: int) -> tuple[float, float]:
    """Of the headline's weighted terms: the share in the next window, the share unseen before.

    The next window is the blocks after i up to the one that brings it to WINDOW_TERMS
    term tokens (at most ECHO_BLOCKS blocks): found by bisection on the running count of
    term tokens, and a term is in it when one of its blocks holds it (no window counter)."""
    head = coh.vectors[i]
    idf = coh.idf
    total = sum(idf[t] for t in head)
    if not total:
        return 0.0, 0.0
    n = len(coh.vectors)
    window: list[Counter[str]] = []
    if i + 1 < n:
        counts = coh.before_terms  # term tokens before each block: a running sum
        stop = bisect_left(counts, counts[i + 1] + WINDOW_TERMS, i + 1, min(n, i + 1 + ECHO_BLOCKS))
        window = [v for v in coh.vectors[i + 1 : stop] if v]
    first = coh.first
    echo = sum(idf[t] for t in head if any(t in v for v in window)) / total
    new = sum(idf[t] for t in head if first[t] >= i) / total
    return echo, new


def _walk_back(start: int, blocks: Sequence[Block], feats: Sequence[Features], decisions: Sequence[Decision]) -> int:
    """Move the cut back over the chrome between the story and the marker (seed 002:
    "Join ST's Telegram channel ...", "Hashtags", "Comments"): blocks a data rule removed,
    short blocks the classifier removed, calls to action and marker lines. Kept story
    lines, even short ones, stop it: they may be the story's last line."""
    j = start
    while j > 0:
        k = j - 1
        text = blocks[k].text.strip()
        keep, rule = decisions[k][0], decisions[k][1]
        chrome = (
            markers.is_call_to_action(text)
            or _marker_line(text)
            or (not keep and rule != "boilerplate.classifier")
            or (not keep and feats[k].words <= MAX_CHROME_WORDS)
        )
        if not chrome:
            break
        j = k
    return j


def _marker_line(text: str) -> bool:
    """A header, source or time line of an aggregator card: never a story candidate."""
    return markers.is_related_header(text) or markers.is_relative_time(text) or markers.is_source_line(text)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."
