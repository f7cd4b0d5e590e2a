"""A bullet boosts a list item of the story, not a menu drawn with dashes."""

from __future__ import annotations

import cleantext
from cleantext.classify import ALONE_COLUMNS, alone_matrix
from cleantext.features import block_features
from cleantext.segment import segment

STORY = [
    "Trinity Academy junior Ben Patton added to his collection of state titles on Saturday, "
    "winning the 200 yard individual medley by more than two seconds.",
    "In the 100 yard backstroke, Patton was beaten by Aidan Gantenbein, who set a meet record "
    "in the final heat of the evening.",
    "Coaches said the conditions in the pool were fast all weekend, and several swimmers "
    "lowered their personal bests in the preliminary rounds.",
    "The team will return to practice on Monday to prepare for the regional meet, which "
    "starts in two weeks.",
]


def list_bullet(line: str) -> float:
    blocks = segment(line)
    column = ALONE_COLUMNS.index("list_bullet")
    return float(alone_matrix(block_features(blocks, "en"), [b.kind for b in blocks])[0][column])


def test_title_case_entries_of_a_dashed_menu_get_no_bullet_boost():
    assert list_bullet("- Baseball") == 0.0
    assert list_bullet("- Criminal Justice") == 0.0
    assert list_bullet("- Track and Field") == 1.0  # "and": not every word is capitalised
    assert list_bullet("- 200 g sugar") == 1.0
    assert list_bullet("- 2018 Results") == 1.0
    assert list_bullet("- The first reason is the cost of the repair") == 1.0
    assert list_bullet("Baseball") == 0.0


def test_a_dashed_sports_menu_above_the_story_is_removed():
    menu = ["Sports", "- Baseball", "- Bowling", "- Boys Basketball", "- Boys Golf", "- Boys Soccer",
            "- Girls Tennis", "- Softball", "- Volleyball", "- Wrestling", "Rankings", "Scores"]
    text = "\n".join(["2018 State Swim Results", *menu, *STORY, "Terms of Service", "Privacy Policy"])
    out = cleantext.clean(text)
    assert "Baseball" not in out and "Wrestling" not in out
    assert all(paragraph in out for paragraph in STORY)


def test_a_bulleted_list_inside_the_story_is_kept():
    items = ["- 200 g sugar", "- 3 eggs", "- a pinch of salt", "- 100 ml cream"]
    text = "\n".join([STORY[0], STORY[1], "For the cake the team baked afterwards, you need:", *items,
                      STORY[2], STORY[3]])
    out = cleantext.clean(text)
    assert all(item in out for item in items)
    assert all(paragraph in out for paragraph in STORY)
