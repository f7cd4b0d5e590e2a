"""Runs of teasers (excerpts cut off with an ellipsis) are cut; a story's own ellipses are not.

Texts are written for these tests (no bench data).
"""

from __future__ import annotations

import cleantext
from cleantext.rules import teasers
from cleantext.rules.example_story import HARBOUR_LATER, HARBOUR_STORY

MENU = "Home\nNews\nSport\nBusiness\nWeather\n"
# The harbour story of the rules' own examples, one paragraph a line.
STORY = (HARBOUR_STORY + HARBOUR_LATER).splitlines()
TEASERS = [
    "Bridge repairs start in May LONDON: Repairs to the old bridge will start in May and close the road "
    "for cars for about six weeks, the council said on Friday, adding that...",
    "Ferry line to the islands returns PORTSMOUTH: The ferry line to the islands will run again from June "
    "after two years, the operator said. Tickets will cost...",
    "School board elects new chair LEEDS: The school board elected a former teacher as its chair on "
    "Thursday, the first woman in the post since the board was set up in…",
]


def _page(*parts: list[str]) -> str:
    return MENU + "\n".join(line for part in parts for line in part) + "\n"


def test_a_run_of_teasers_above_the_story_is_cut() -> None:
    result = cleantext.clean_document(_page(TEASERS, STORY))
    for teaser in TEASERS:
        assert teaser not in result.text
    for paragraph in STORY:
        assert paragraph in result.text
    assert result.stats.removals_by_rule.get(teasers.RULE_ID) == 1  # one removal over the run


def test_teasers_with_a_headline_line_between_them_are_one_run() -> None:
    spaced = [TEASERS[0], "Ferry line to the islands returns", TEASERS[1], TEASERS[2]]
    result = cleantext.clean_document(_page(STORY, spaced))
    for teaser in TEASERS:
        assert teaser not in result.text


def test_near_miss_two_ellipsis_paragraphs_of_the_story_stay() -> None:
    own = [STORY[0] + " Asked about the cost, the mayor said only that...",
           STORY[1] + " The fishermen, for their part, said they would wait and see…", *STORY[2:]]
    result = cleantext.clean_document(_page(own))
    for paragraph in own:
        assert paragraph in result.text


def test_near_miss_a_page_of_teasers_only_keeps_them() -> None:
    result = cleantext.clean_document(_page(TEASERS))
    assert teasers.RULE_ID not in result.stats.removals_by_rule


def test_disabling_the_rule_keeps_the_teasers() -> None:
    config = cleantext.Config(disabled_rules=(teasers.RULE_ID,))
    result = cleantext.clean_document(_page(TEASERS, STORY), config)
    assert teasers.RULE_ID not in result.stats.removals_by_rule
    for teaser in TEASERS:  # each reads as prose: only this rule cuts them
        assert teaser in result.text


# The same page dumped in one line: each teaser splits into pieces, a long headline-and-
# dateline sentence (chunked) or a sentence, then a short one cut off by the ellipsis.
GLUED_TEASERS = [
    "Bridge repairs start in May LONDON: Repairs to the old bridge over the river will start in May and "
    "close the road for cars and buses for about six weeks, the council said on Friday, adding that the "
    "old footbridge next to it would stay open for walkers. Cyclists...",
    "Ferry line to the islands returns PORTSMOUTH: The ferry line to the islands will run again from June "
    "after two years, the operator said. Tickets will cost...",
    "School board elects new chair LEEDS: The school board elected a former teacher as its chair on "
    "Thursday, the first woman in the post since the board was set up in the old town. She said...",
]


# More of the story, after the teasers (the glued line must be long enough to be split).
MORE = [
    "Ruiz said the council would publish the engineers' report on the harbour before the dredging starts, "
    "and promised that the fishing boats could keep their moorings in the old port.",
    "The harbour master said the deeper channel would let the larger container ships that now unload in "
    "the next town call at the old port again, bringing back jobs lost over the last decade.",
    "Environmental groups asked the council to monitor the water of the bay during the works and to stop "
    "the dredgers if the silt they raise harms the oyster beds south of the harbour mouth.",
    "The council said it would answer the groups before the end of the month.",
]


def _glued(*parts: str) -> str:
    text = " ".join(parts)
    assert len(text) > cleantext.segment.LONG_LINE_CHARS
    return text + "\n"


def test_a_glued_run_of_teasers_is_cut_whole() -> None:
    result = cleantext.clean_document(_glued(*STORY, *GLUED_TEASERS, *MORE))
    for teaser in GLUED_TEASERS:
        for sentence in teaser.split(". "):
            assert sentence.rstrip(".") not in result.text
    # The first excerpt ("... walkers. Cyclists...") goes back over its own sentences only,
    # not over the story's last sentence before it.
    for paragraph in STORY + MORE:
        assert paragraph in result.text

