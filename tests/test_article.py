"""is_clean_article: a page dump with a long story is still a page dump when chrome frames it."""

from __future__ import annotations

from cleantext.article import DUMP_MIN_CHROME_RULE_HITS, chrome_at_both_edges, framed_by_chrome, is_clean_article
from cleantext.features import block_features
from cleantext.rules.match import Hit, RuleHits
from cleantext.rules.registry import Rule
from cleantext.segment import segment

MENU = Rule(id="navigation.menu", category="navigation", scope="block", patterns=(), reason="menu")

PROSE = ("The council voted on Monday to close the old bridge for repairs, after engineers found "
         "cracks in two of its piers during a routine inspection in the spring.")


def page(n_menu: int, n_prose: int) -> tuple[list, list, list]:
    lines = [f"Menu item {i}" for i in range(n_menu)] + [PROSE] * n_prose + [f"Footer link {i}" for i in range(n_menu)]
    blocks = segment("\n".join(lines))
    alone = [0.05] * n_menu + [0.9] * n_prose + [0.05] * n_menu
    return blocks, list(block_features(blocks, "en")), alone


def hits_on(blocks: range) -> RuleHits:
    return RuleHits(blocks={i: Hit(MENU, i, 0, 1) for i in blocks})


def test_many_chrome_hits_and_a_chrome_edge_make_a_page_dump():
    blocks, feats, alone = page(6, 10)  # prose share 0.45: clean by share alone
    hits = hits_on(range(DUMP_MIN_CHROME_RULE_HITS))
    assert framed_by_chrome(range(len(blocks)), alone, hits)
    assert not is_clean_article(blocks, feats, alone, hits)


def test_a_prose_rich_article_with_appended_chrome_stays_clean():
    # corpus seed 002: a story, then aggregator chrome and related articles
    blocks, feats, alone = page(5, 15)  # prose share 0.6
    hits = hits_on(range(DUMP_MIN_CHROME_RULE_HITS + 4))
    assert framed_by_chrome(range(len(blocks)), alone, hits)
    assert is_clean_article(blocks, feats, alone, hits)


def test_a_few_chrome_hits_leave_a_prose_rich_document_clean():
    blocks, feats, alone = page(5, 10)
    hits = hits_on(range(DUMP_MIN_CHROME_RULE_HITS - 1))
    assert not framed_by_chrome(range(len(blocks)), alone, hits)
    assert is_clean_article(blocks, feats, alone, hits)


def test_prose_at_both_edges_is_no_frame():
    blocks, feats, alone = page(0, 20)
    hits = hits_on(range(DUMP_MIN_CHROME_RULE_HITS + 3))
    assert not framed_by_chrome(range(len(blocks)), alone, hits)
    assert is_clean_article(blocks, feats, alone, hits)


def test_chrome_at_both_edges_makes_a_page_dump_without_rule_hits():
    # a site menu and a footer of links no rule names (traf dev: a travel guide's hotel links)
    blocks, feats, alone = page(6, 10)  # prose share 0.45: clean by share alone
    assert chrome_at_both_edges(range(len(blocks)), alone)
    assert not is_clean_article(blocks, feats, alone, RuleHits())


def test_an_article_that_opens_with_its_own_text_stays_clean():
    # a story ending in a list of short lines (tour dates) opens with prose: not framed
    blocks, feats, alone = page(6, 10)
    alone[:6] = [0.9] * 6
    assert not chrome_at_both_edges(range(len(blocks)), alone)
    assert is_clean_article(blocks, feats, alone, RuleHits())
