"""Verdicts per block: the classifier's, then rules, repeats, lists, headline, head and tail.

decide() turns the classifier's context scores and the rule hits into one decision per
block; the story end (rules/story_end.py) and the guard (engine.py) revise them after.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from operator import attrgetter

from .article import CHROME_CATEGORIES
from .classify import PROSE_MIN_WORDS
from .config import Config
from .data_runs import restore_data_runs
from .features import Features
from .model import Block, StoryEnd
from .quantities import restore_quantity_lists
from .rules.match import RuleHits

#: A tail rule ("Related Articles" on its own line) cuts only once this much prose has
#: been kept before it: the same words in a menu above the story must not cut the story.
TAIL_MIN_PROSE_BEFORE = 300


#: When the classifier keeps no block of prose on a page (PROSE_MIN_WORDS words or more,
#: not cut by a rule), its threshold was made for pages that hold a story and this page
#: holds none it recognises: a short notice or report among a page of chrome. Rather than
#: nothing, the page then keeps its blocks of prose whose context score reaches this lower
#: bar (short lines stay cut: on a fuzzed word salad of chrome words they scored up to 0.55).
#: Dev half, text path (after the rules of this session): traf F1 0.9078 -> 0.9096 (R 0.8934
#: -> 0.8973, P 0.9220 -> 0.9223: 11 pages kept nothing of 12 words or more), glued, aeb,
#: append unchanged; 0.3 gave traf 0.9086, 0.35-0.4 nothing; 0.2 the same traf F1 but glued
#: F1 0.8691 -> 0.8639 (a cookie line of its all-boilerplate page). Short lines under the
#: lower bar too (any words): traf 0.9103, but the word salad kept 12 fragments.
NO_STORY_KEEP_THRESHOLD = 0.25
#: ... on a page of at least this many blocks: chrome all around is what pulled the notice's
#: context score down. The dev pages it applies to have 86-260 blocks; a snippet of a few
#: lines with no story in it (a property test's random text) stays cut to nothing.
NO_STORY_MIN_BLOCKS = 40
#: The verdict of a block kept only under the lower bar; the result is flagged
#: `no-story-fallback` when one is in the output (a pipeline may drop such pages).
NO_STORY_REASON = "kept under the lower bar of a page where no story was recognised (no-story fallback)"
NO_STORY_FLAG = "no-story-fallback"

# A decision per block: (keep, rule id, category, reason).
Decision = tuple[bool, str, str, str]
_KEEP: Decision = (True, "", "", "")
#: The reason of a classifier drop not yet written (decide with explain=False).
CLASSIFIER_PENDING = "not story-like in context"
_CLASSIFIER_DROP: Decision = (False, "boilerplate.classifier", "boilerplate", CLASSIFIER_PENDING)


def classifier_reason(context: float, alone: float) -> str:
    """The reason of a block the classifier drops, with its two scores."""
    # %-formatting writes the same digits as an f-string's :.2f in one call.
    return "not story-like in context (p=%.2f alone %.2f)" % (context, alone)  # noqa: UP031


def decide(blocks: Sequence[Block], feats: Sequence[Features], hits: RuleHits,
           alone: Sequence[float], context: Sequence[float], config: Config,
           keep_threshold: float | None = None, clean: bool = False,
           rules_on: Container[str] = ("boilerplate.classifier", "boilerplate.repeated-line"),
           html: bool = False, explain: bool = True) -> list[Decision]:
    """Per block: kept, or removed by which rule. Rules first, then the classifier.

    With `explain` False a block the classifier drops has the reason CLASSIFIER_PENDING,
    for the caller to write with classifier_reason where it shows one (the engine writes
    the first block's of each removal: formatting both scores of every dropped block was
    a fifth of this stage, and most never reach a removal or a verdict).
    """
    threshold = config.keep_threshold if keep_threshold is None else keep_threshold
    fallback: frozenset[int] = frozenset()
    if clean or "boilerplate.classifier" not in rules_on:
        # Only rules and the story end cut a clean article, or any page when the classifier
        # is disabled (the article judgement itself still sets the story-end strictness).
        keep = [True] * len(blocks)
    else:
        keep = fill_gaps([c >= threshold for c in context])
        if len(blocks) >= NO_STORY_MIN_BLOCKS and not any(
                k and f.words >= PROSE_MIN_WORDS and i not in hits.blocks for i, (k, f) in enumerate(zip(keep, feats))):
            low = min(threshold, NO_STORY_KEEP_THRESHOLD)
            usual, keep = keep, fill_gaps([c >= threshold or (c >= low and f.words >= PROSE_MIN_WORDS)
                                           for c, f in zip(context, feats)])
            fallback = frozenset(i for i, (k, u) in enumerate(zip(keep, usual)) if k and not u)
    if explain:
        out: list[Decision] = [_KEEP if keep[i] else (False, "boilerplate.classifier", "boilerplate",
                                                      classifier_reason(context[i], alone[i]))
                               for i in range(len(blocks))]
    else:
        out = [_KEEP if k else _CLASSIFIER_DROP for k in keep]
    for i in sorted(fallback):
        out[i] = (True, "", "", NO_STORY_REASON)
    for i, hit in hits.blocks.items():
        out[i] = (False, hit.rule.id, hit.rule.category, hit.rule.reason)
    # Repeats are chrome in page dumps and in what trafilatura extracts; in a clean article
    # a repeated line is the story's own (table headers, "Available from Amazon" in a list).
    if "boilerplate.repeated-line" in rules_on and (not clean or html):
        # trafilatura extracts the story once: a block it repeats is the story's own (the
        # same feature list under each product of a deals page, aeb dev e7d77f18).
        for i in repeated_lines(blocks, feats, out, long=not html):
            out[i] = (False, "boilerplate.repeated-line", "boilerplate",
                      REPEATED_REASON)
    if not clean:
        out = restore_lists(feats, out, alone)
        out = restore_last_paragraph(feats, alone, out)
        texts = [b.text for b in blocks]
        out = restore_quantity_lists(texts, feats, out)
        out = restore_data_runs(texts, feats, out)
        out = restore_intro_lines(feats, out)
        headline = find_headline(feats, [d[0] for d in out], [d[1] == "boilerplate.classifier" for d in out])
        # Only a headline on its own line: in a glued line the block found is a piece of the
        # sentence split (segment.chunks), cut by a guess at a capital, and holds the menu
        # words before the headline or the headline's first half ("Menu Our BI Research
        # Shows - A Mix of Native", "Share Russia and Syria: U.S.-backed Syrian Forces
        # Blocking"); the gold bodies of the glued pages hold neither. Dev half, text path:
        # glued F1 0.9071 -> 0.9124 (P 0.8928 -> 0.9058, R 0.9218 -> 0.9191: 39 pages gain, up
        # to +0.05; 6 lose, e372e42c -0.07 where the piece was the story's first words);
        # aeb, traf, append unchanged (no headline in a glued line there).
        if headline is not None and blocks[headline].kind == "line":
            out[headline] = _KEEP
        if GLUED_ISLAND in rules_on:
            out = drop_glued_islands(blocks, feats, out)
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
#: An item may hold one menu separator: " – " parts a tour date's venue from its city ("Aug.
#: 14 -- Hollywood Casino Amphitheatre – St. Louis, St. Louis, MO" ended the list of aeb dev
#: 9cb8224b nine dates early). Dev half: aeb F1 0.9468 -> 0.9474 (R 0.9509 -> 0.9522),
#: glued 0.9071 -> 0.9073, traf and append unchanged; a menu holds several.
LIST_ITEM_MAX_SEPARATORS = 1
#: The introducing line is a sentence fragment of at least this many words ("Tags:" is not).
LIST_INTRO_MIN_WORDS = 3


#: ... and ends at an item whose stage-one score is below LIST_ITEM_MIN_ALONE: a list that
#: closes a story is often followed straight by the footer menu ("Diese Seite", "Per E-Mail
#: weiterempfehlen", "Amtssitze": stage-one p 0.005-0.013 on traf dev 286), which the items'
#: run would take in. Dev half, text path: 16 items restored below 0.025 (3 pages), none in a
#: gold line or a with snippet; traf P 0.9403 -> 0.9409 (F1 0.9169 -> 0.9172), aeb, glued and
#: append unchanged; flat for 0.015-0.04, 0.06 lost two traf with snippets (a list of
#: wines), 0.08 aeb recall.
LIST_ITEM_MIN_ALONE = 0.025


def restore_lists(feats: Sequence[Features], decisions: list[Decision],
                  alone: Sequence[float] | None = None) -> list[Decision]:
    """Keep the items of a list that a kept line introduces with a colon.

    Tour dates, scores, ingredients and product features are short lines that look like a
    menu on their own; the line before them that announces them does not. An item holds
    no link and at most LIST_ITEM_MAX_SEPARATORS menu separators.
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
               and feats[j].words <= LIST_ITEM_MAX_WORDS and not feats[j].urls
               and feats[j].separators <= LIST_ITEM_MAX_SEPARATORS
               and (alone is None or alone[j] >= LIST_ITEM_MIN_ALONE)):
            out[j] = (True, "", "", f"an item of the list that block {i} introduces with a colon")
            j += 1
        i = j
    return out


#: A line ending in a colon right above a kept paragraph of prose introduces it ("Leitsätze
#: des Gerichts:", "Wolfgang Weber, Vorsitzender ..., zum Referentenentwurf:", "By the
#: numbers:"): the paragraph it announces is story, so it is too. It needs this many words
#: ("Tags:" over a paragraph is a label of its own). Dev half, text path: traf R 0.8947 ->
#: 0.8960 (F1 0.9172 -> 0.9179; 19 lines on 17 pages, no without snippet among them), glued
#: F1 0.9071 -> 0.9073, aeb and append unchanged; 1-3 words gave the same, 4 lost a with
#: snippet.
INTRO_MIN_WORDS = 2


def restore_intro_lines(feats: Sequence[Features], decisions: list[Decision]) -> list[Decision]:
    """Keep a colon line that the classifier dropped right above a kept paragraph of prose."""
    out = list(decisions)
    for i in range(len(out) - 1):
        if (out[i][1] == "boilerplate.classifier" and feats[i].ends_colon and feats[i].words >= INTRO_MIN_WORDS
                and out[i + 1][0] and feats[i + 1].words >= PROSE_MIN_WORDS):
            out[i] = (True, "", "", f"introduces the paragraph of block {i + 1} (a line ending in a colon)")
    return out


#: The story's last paragraph: a block the classifier dropped right after a kept paragraph
#: of prose and right before a line of chrome that a rule recognises (tags, share buttons,
#: a newsletter box, "Related articles"). The chrome after it pulled its context score down;
#: the rule that recognises that chrome also says where the story stops. It needs a stage-one
#: score of LAST_PARAGRAPH_MIN_ALONE and LAST_PARAGRAPH_MIN_WORDS words (a caption or a
#: "Share this:" label is neither). Dev half, text path: traf F1 0.9096 -> 0.9103 (R 0.8973
#: -> 0.8986, P unchanged), aeb 0.9341 -> 0.9345 (R 0.9503 -> 0.9510), glued and append
#: unchanged, flat for 0.3-0.4 and 5-12 words; 0.2 cost traf P (0.9224 -> 0.9212), 0.5 a
#: traf paragraph.
LAST_PARAGRAPH_MIN_ALONE = 0.35
LAST_PARAGRAPH_MIN_WORDS = 8


def restore_last_paragraph(feats: Sequence[Features], alone: Sequence[float],
                           decisions: list[Decision]) -> list[Decision]:
    """Keep a paragraph dropped between kept prose and the chrome a rule says ends the story
    (an ad slot may sit between the prose and the paragraph)."""
    out = list(decisions)
    for i in range(1, len(out) - 1):
        if (out[i][1] == "boilerplate.classifier" and alone[i] >= LAST_PARAGRAPH_MIN_ALONE
                and feats[i].words >= LAST_PARAGRAPH_MIN_WORDS
                and _prose_before(feats, out, i)
                and not out[i + 1][0] and out[i + 1][2] in CHROME_CATEGORIES):
            out[i] = (True, "", "", f"the story's last paragraph: between kept prose and the chrome of block {i + 1}")
    return out


#: An ad slot between the story's paragraphs: an ad label a rule cuts ("ADVERTISEMENT")
#: and at most AD_SLOT_MAX_LINES - 1 more dropped lines of at most AD_SLOT_MAX_WORDS words
#: (a video player's "Thanks for watching! Visit Website"). The story's last paragraph may
#: follow one. Dev half, text path: aeb F1 0.9474 -> 0.9491 (R 0.9522 -> 0.9553: the last
#: item of a listicle under a video ad, aeb dev e1cd54e5), traf, glued and append unchanged.
AD_SLOT_RULE = "navigation.ad-label"
AD_SLOT_MAX_LINES = 3
AD_SLOT_MAX_WORDS = 6


def _prose_before(feats: Sequence[Features], decisions: Sequence[Decision], i: int) -> bool:
    """Whether kept prose ends right above block `i`, or above an ad slot right above it."""
    j, slot = i - 1, False
    while (j > 0 and i - j <= AD_SLOT_MAX_LINES and not decisions[j][0]
           and feats[j].words <= AD_SLOT_MAX_WORDS):
        slot = slot or decisions[j][1] == AD_SLOT_RULE
        j -= 1
    if j < i - 1 and not slot:
        return False
    return decisions[j][0] and feats[j].words >= PROSE_MIN_WORDS


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
#: same text; a longer block when the kept text before it already had each of its
#: sentences, so it adds nothing (a page dump's second copy of the story: aeb dev fde930b0
#: kept it twice). Dev half, text path: aeb F1 0.910 -> 0.916, glued 0.854 -> 0.856, traf
#: and append unchanged (a pull quote repeats a sentence, but the paragraph holding it has
#: more sentences and stays).
REPEAT_MAX_WORDS = 12
REPEATED_REASON = "text the document already showed: later copies are chrome or a second copy"
# Where a normalised block splits into sentences for that test.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…。！？])\s+")
# The same breaks in a normalised text (single spaces): a sentence mark and its space,
# found by a scan for the mark where the lookbehind is tried at every position.
_MARK_SPACE = re.compile(r"([.!?…。！？]) ")


def normalised(text: str) -> str:
    """`text` lower-cased with its whitespace runs made one space, stripped."""
    # Printable ASCII holds no whitespace but the space: without a double space or a space
    # at either end, the split and join give the text back (pinned in test_fast_paths).
    if text.isascii() and text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text.lower()
    return " ".join(text.lower().split())


def sentences(key: str) -> list[str]:
    """_SENTENCE_BREAK.split(key) of a normalised text: each piece keeps its mark."""
    parts = _MARK_SPACE.split(key)
    if len(parts) == 1:
        return parts
    out = [piece + mark for piece, mark in zip(parts[0::2], parts[1::2])]
    out.append(parts[-1])
    return out


def repeated_lines(blocks: Sequence[Block], feats: Sequence[Features], decisions: Sequence[Decision],
                   long: bool = True) -> list[int]:
    """Kept blocks whose text the document already showed in a kept block: short lines
    repeated whole (headline teasers, "10 things in tech" repeated by a page's markup,
    "Advertisement" between paragraphs), and with `long` longer ones whose every sentence
    a kept block already had (a second copy of the story that a page dump carries in its
    markup, split into paragraphs differently). Sentences are looked up in a set, so the
    cost stays linear in the text (a substring search of all text kept before grew with
    its square)."""
    seen: set[str] = set()
    said: set[str] = set()  # every sentence of the kept text so far, normalised
    out = []
    for i, b in enumerate(blocks):
        if not decisions[i][0]:
            continue
        key = normalised(b.text)
        if feats[i].words <= REPEAT_MAX_WORDS:
            if feats[i].repeats and key in seen:
                out.append(i)
            seen.add(key)
            said.update(sentences(key))
            continue
        parts = sentences(key)
        if long and said.issuperset(parts):
            out.append(i)
            continue
        said.update(parts)
    return out


#: In a glued line (segment.sentences) a run of kept sentences of at most this many words
#: that dropped blocks separate from the story (the page's longest kept run, in the same
#: line) is a deck above the byline, a caption, a teaser or a promo: "NFL assaults have led
#: to lawsuits before. But a prosecutor would have difficulty proving a charge in court." On
#: lines those are short lines the classifier drops with their neighbours; cut into
#: sentences, the story's sentences nearby lift them over the bar. Dev half, text path:
#: glued F1 0.9124 -> 0.9184 (P 0.9058 -> 0.9200, R 0.9191 -> 0.9168; 19 pages gain up to
#: +0.09, 4 lose: e7d77f18 -0.12, a deals page whose product notes the story run leaves
#: apart, the others under -0.01); swept 20-120 (before the exceptions below): F1 0.9167
#: (20), 0.9183 (40), 0.9186 (60), 0.9146 (80), 0.9113 (120). aeb, traf, append unchanged
#: (no glued line over segment.LONG_LINE_CHARS holds the story there).
GLUED_ISLAND_MAX_WORDS = 60
GLUED_ISLAND = "boilerplate.glued-island"
GLUED_ISLAND_REASON = "a few sentences of a glued line that chrome separates from the story: a deck, caption or teaser"
#: ... unless a block next to the run is an interruption that sits inside a story (an ad
#: slot's label, a promo line, a caption): the run is then the story's own, resumed after
#: it (aeb dev 92101975, glued: a quote between "Advertisement" and a "Read more" promo;
#: f5c90a6d: paragraphs between ad labels). 0.9186 -> 0.9192 at 60 words.
#: Nor is a run cut that a second copy of the story (boilerplate.repeated-line) follows on
#: the side away from the story: it lies between two copies, and may be the story's own
#: (tests/test_glued.py: a sentence after a photo credit; glued F1 0.9192 -> 0.9184).
_INSIDE_STORY_RULES = frozenset({"navigation.ad-label"})
_INSIDE_STORY_CATEGORIES = frozenset({"promo", "caption"})
_KIND = attrgetter("kind")


def drop_glued_islands(blocks: Sequence[Block], feats: Sequence[Features],
                       decisions: list[Decision]) -> list[Decision]:
    """Cut the short runs of kept sentences that chrome separates from the story in a glued line."""
    if "sentence" not in map(_KIND, blocks):  # no glued line (most pages): one scan in C
        return decisions
    runs: list[tuple[int, int]] = []
    i, n = 0, len(decisions)
    while i < n:
        if not decisions[i][0]:
            i += 1
            continue
        j = i
        while j + 1 < n and decisions[j + 1][0]:
            j += 1
        runs.append((i, j))
        i = j + 1
    if len(runs) < 2:
        return decisions
    size = [sum(len(blocks[k].text) for k in range(a, b + 1)) for a, b in runs]
    story = runs[size.index(max(size))]
    para = blocks[story[0]].para
    out = list(decisions)
    for a, b in runs:
        if (a, b) == story or any(blocks[k].kind != "sentence" or blocks[k].para != para for k in range(a, b + 1)):
            continue
        if sum(feats[k].words for k in range(a, b + 1)) > GLUED_ISLAND_MAX_WORDS:
            continue
        if any(0 <= k < n and (decisions[k][1] in _INSIDE_STORY_RULES or decisions[k][2] in _INSIDE_STORY_CATEGORIES)
               for k in (a - 1, b + 1)):
            continue
        far = a - 1 if a < story[0] else b + 1  # the block on the side away from the story
        if 0 <= far < n and decisions[far][1] == "boilerplate.repeated-line":
            continue
        for k in range(a, b + 1):
            out[k] = (False, GLUED_ISLAND, "boilerplate", GLUED_ISLAND_REASON)
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
