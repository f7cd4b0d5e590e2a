"""A page on which the classifier keeps no prose keeps its prose above a lower bar.

traf dev holds short notices among a page of chrome (an event announcement under a
federation's menus, a report of a round table under a local paper's): the classifier's
usual bar kept nothing of them, and the page came out empty.
"""

from __future__ import annotations

import cleantext
from cleantext import Config
from cleantext.decide import NO_STORY_FLAG, NO_STORY_KEEP_THRESHOLD, NO_STORY_MIN_BLOCKS, NO_STORY_REASON, decide
from cleantext.features import block_features
from cleantext.rules.match import RuleHits
from cleantext.segment import segment

MENU = ["Startseite", "Über uns", "Aktuelles", "Termine", "Kontakt", "Impressum", "Datenschutz", "Suche",
        "Mitglied werden", "Presse", "Downloads", "Links", "Galerie", "Archiv", "Verband", "Kampagnen",
        "Fachthemen", "Jugend", "Service", "Login"]
NOTICE = ("Das Zentrum lud zur Gesprächsrunde ein. Die Teilnehmenden sprachen darüber, wie Arbeitgeber "
          "in Zeiten des Fachkräftemangels attraktiv bleiben.")
PAGE = "\n".join(MENU * 4 + [NOTICE] + MENU)


def test_the_only_prose_of_a_page_of_chrome_is_kept():
    result = cleantext.clean_document(PAGE)
    verdict = next(v for b, v in zip(result.blocks, result.verdicts) if b.text == NOTICE)
    # The usual bar drops it: its neighbours are all menu lines.
    assert NO_STORY_KEEP_THRESHOLD <= verdict.context < Config().keep_threshold
    assert result.text == NOTICE
    assert "all-boilerplate" not in result.flags


def test_short_lines_stay_cut_on_such_a_page():
    # Only prose goes back in: a page of menu lines alone is still all boilerplate.
    result = cleantext.clean_document("\n".join(MENU * 5))
    assert result.text == "" and "all-boilerplate" in result.flags


def decisions(lines: list[str], context: list[float], pad: int = NO_STORY_MIN_BLOCKS) -> list[bool]:
    """decide() on `lines` under `pad` menu lines scored 0.1; the decisions of `lines`."""
    lines, context = MENU[:1] * pad + lines, [0.1] * pad + context
    blocks = segment("\n".join(lines))
    feats = block_features(blocks, "en")
    return [d[0] for d in decide(blocks, feats, RuleHits(), context, context, Config())][pad:]


PROSE = "The council met on Monday and agreed to rebuild the harbour wall before the winter storms."
OTHER = "The mayor said after the vote that the work would begin in the spring and last two years."


def test_prose_under_the_usual_bar_is_kept_when_nothing_else_is():
    assert decisions(["Home", PROSE, "Contact"], [0.1, 0.4, 0.1]) == [False, True, False]


def test_a_page_with_a_story_is_not_lowered():
    assert decisions(["Home", PROSE, "Contact", OTHER], [0.1, 0.4, 0.1, 0.7]) == [False, False, False, True]


def test_the_lower_bar_still_holds():
    assert decisions(["Home", PROSE, "Contact"], [0.1, NO_STORY_KEEP_THRESHOLD - 0.01, 0.1]) == [False] * 3
    # A short line under the usual bar stays cut: only prose goes back in.
    assert decisions(["Home", "Harbour wall", "Contact"], [0.1, 0.4, 0.1]) == [False] * 3


def test_a_snippet_of_a_few_lines_is_not_lowered():
    assert decisions(["Home", PROSE, "Contact"], [0.1, 0.4, 0.1], pad=0) == [False] * 3


def test_such_a_page_is_flagged_and_its_verdict_says_why():
    result = cleantext.clean_document(PAGE)
    assert NO_STORY_FLAG in result.flags
    verdict = next(v for b, v in zip(result.blocks, result.verdicts) if b.text == NOTICE)
    assert verdict.keep and verdict.reason == NO_STORY_REASON


def test_a_page_with_a_story_is_not_flagged():
    story = "\n".join(MENU * 4 + [PROSE, OTHER, PROSE.replace("Monday", "Tuesday")] + MENU)
    result = cleantext.clean_document(story)
    assert PROSE in result.text and NO_STORY_FLAG not in result.flags
