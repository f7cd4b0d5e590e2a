"""Is the document already an article (paragraphs), or a page dump to cut down?

An article is only cut by rules and the story end; a page dump by rules and the
classifier, and its story end is not searched (engine.PAGE_DUMP_STORY_END_STRICTNESS).
"""

from __future__ import annotations

from collections.abc import Sequence

from .classify import PROSE_MIN_WORDS
from .features import Features
from .model import Block
from .rules.match import RuleHits

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
#: Whatever its share of prose, a document is a page dump when chrome rules cut at least
#: DUMP_MIN_CHROME_RULE_HITS of its blocks and one of its edges (the mean stage-one p of its
#: first or last CLEAN_EDGE_BLOCKS lines) is below DUMP_MAX_EDGE_P: a header or footer of
#: chrome around a long story (prose shares 0.40-0.45 on such traf dev pages, just over
#: CLEAN_ARTICLE_SHARE). Dev half: append inputs and aeb gold bodies fed alone have at most
#: 5 chrome rule hits (none below 0.2 at an edge with 4 or more); it turns 8 traf and 2 aeb
#: page dumps judged clean back to page dumps.
DUMP_MIN_CHROME_RULE_HITS = 7
DUMP_MAX_EDGE_P = 0.2
#: ... and only while its prose share is below this: an article with appended aggregator
#: chrome and related articles (corpus seed 002: prose 0.63, 11 chrome hits, edge 0.17) is a
#: clean article whose story end is searched. The traf dev pages it turns had 0.38-0.45.
DUMP_MAX_PROSE_SHARE = 0.5
#: Whatever the chrome rules say, a document is a page dump when both of its edges (the
#: mean stage-one p of its first and of its last CLEAN_EDGE_BLOCKS lines) are below
#: DUMP_MAX_EDGE_P and its prose share is below DUMP_MAX_PROSE_SHARE: a header and a
#: footer of chrome that no rule names (a site menu, a list of hotel links), around a
#: story whose prose share, or whose lack of rule hits, made it look clean. Dev half, the
#: higher edge: aeb gold bodies fed alone min 0.27 (p05 0.54), append inputs min 0.33,
#: page dumps 84% below 0.25. It turns 4 traf page dumps judged clean (4 sites) back to
#: page dumps: traf F1 0.9136 -> 0.9141 (P 0.9292 -> 0.9322, R 0.8986 -> 0.8966: 5 chrome
#: lines cut, 3 gold lines outside the story region lost); aeb, glued and append unchanged.
#: The bar at 0.23-0.25 gave traf 0.9147 (one more page) with less room above the gold
#: bodies' 0.27; dropping DUMP_MIN_CHROME_RULE_HITS to 0 instead (one edge below 0.2) gave
#: traf 0.9150 but made 4 of 83 aeb gold bodies fed alone page dumps (two lost 75% of
#: their text).


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
    if prose < DUMP_MAX_PROSE_SHARE * len(lines) and (
            chrome_at_both_edges(lines, alone) or hits is not None and framed_by_chrome(lines, alone, hits)):
        return False
    if prose >= CLEAN_ARTICLE_SHARE * len(lines) or chrome < CLEAN_MAX_CHROME_SHARE * len(lines):
        return True
    # No chrome rule fires anywhere: no menu label, share bar, footer, cookie or comment
    # line. Dev half: 98% of the aeb gold bodies fed alone, 2% of aeb/traf page dumps.
    if hits is not None and chrome_rule_hits(hits) <= CLEAN_MAX_CHROME_RULE_HITS:
        return True
    # A page dump opens with a header and ends with a footer of chrome; an article (even a
    # list-like one: box scores, tour dates) opens and ends with its own text.
    return edge_p(lines, alone) >= CLEAN_MIN_EDGE_P


def edges(lines: Sequence[int], alone: Sequence[float]) -> tuple[float, float]:
    """The mean stage-one p of the first and of the last CLEAN_EDGE_BLOCKS lines."""
    k = min(CLEAN_EDGE_BLOCKS, len(lines))
    return sum(alone[i] for i in lines[:k]) / k, sum(alone[i] for i in lines[-k:]) / k


def edge_p(lines: Sequence[int], alone: Sequence[float]) -> float:
    """The lower of the mean stage-one p of the first and of the last CLEAN_EDGE_BLOCKS lines."""
    return min(edges(lines, alone))


def chrome_at_both_edges(lines: Sequence[int], alone: Sequence[float]) -> bool:
    """Whether the document opens and ends with chrome (no rule needed to name it)."""
    return max(edges(lines, alone)) < DUMP_MAX_EDGE_P


def framed_by_chrome(lines: Sequence[int], alone: Sequence[float], hits: RuleHits) -> bool:
    """Whether many chrome rules fire and a header or footer of chrome frames the text."""
    return chrome_rule_hits(hits) >= DUMP_MIN_CHROME_RULE_HITS and edge_p(lines, alone) < DUMP_MAX_EDGE_P


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
