"""restore_data_runs: a story's lists of figures (calendars, tour dates, box scores) that the
classifier dropped as a menu are kept when they touch the story and their lines are parallel."""

from __future__ import annotations

import cleantext
from cleantext.data_runs import DATA_ITEM_MAX_WORDS, punctuation, restore_data_runs
from cleantext.features import block_features
from cleantext.segment import segment

DROP = (False, "boilerplate.classifier", "boilerplate", "not story-like")
RULE = (False, "share.share-this", "share", "a share button")
KEEP = (True, "", "", "")

STORY = "The series announced its calendar for next season on Monday, with twelve rounds in all."
CALENDAR = ["1a etapa: 10 de março – Interlagos", "2a etapa: 8 de abril – Curitiba / Alternativa",
            "3a etapa: 22 de abril – Velopark", "4a etapa: 06 de maio – Londrina"]


def run(lines, decisions):
    texts = lines
    return restore_data_runs(texts, block_features(segment("\n".join(lines)), "en"), decisions)


def test_data_lines_hold_a_figure_and_punctuation_between_words():
    scores = ["Palm Bay d. Rockledge 70-44", "Heritage d. Titusville 53-9", "Viera d. Cocoa 3-1"]
    assert all(d[0] for d in run([STORY, *scores, STORY], [KEEP, DROP, DROP, DROP, KEEP]))
    # menu labels: a figure, no punctuation between the words
    labels = ["Notícias da Fórmula 1", "Notícias da Fórmula 2", "Notícias da Fórmula 3"]
    assert run([STORY, *labels, STORY], [KEEP, DROP, DROP, DROP, KEEP])[1:4] == [DROP] * 3
    # punctuation, no figure
    teams = ["Palm Bay d. Rockledge", "Heritage d. Titusville", "Viera d. Cocoa"]
    assert run([STORY, *teams, STORY], [KEEP, DROP, DROP, DROP, KEEP])[1:4] == [DROP] * 3
    assert punctuation("3a etapa: 22 de abril – Velopark") == frozenset(":–")


def test_a_calendar_above_the_story_is_kept_up_to_a_rule_cut():
    lines = ["Share this on WhatsApp", *CALENDAR, STORY]
    out = run(lines, [RULE, DROP, DROP, DROP, DROP, KEEP])
    assert [d[0] for d in out] == [False, True, True, True, True, True]
    assert out[0] == RULE
    assert "blocks 1-4" in out[1][3]


def test_a_run_that_touches_no_kept_line_stays_cut():
    lines = [*CALENDAR, "Share this on WhatsApp", STORY]
    assert run(lines, [DROP, DROP, DROP, DROP, RULE, KEEP])[:4] == [DROP] * 4


def test_lines_that_are_not_parallel_stay_cut():
    # Teasers with a figure each, but no marks in common: a related box, not a list.
    lines = [STORY, "French actor Charles Gérard died September 19, aged 96",
             "Relics (860 BC – 590 BC) unearthed in Iran", "Pentagon announces $10.1 mln deal for supplies"]
    assert run(lines, [KEEP, DROP, DROP, DROP])[1:] == [DROP] * 3


def test_a_kept_line_of_the_list_counts_and_a_subheading_between_items_is_kept():
    lines = ["Palm Bay d. Rockledge 70-44", "Heritage d. Titusville 53-9", "BOYS SOCCER",
             "Viera d. Rockledge 3-1", "Melbourne d. Cocoa 8-0"]
    out = run(lines, [DROP, KEEP, DROP, DROP, DROP])
    assert all(d[0] for d in out)


def test_comment_counts_links_and_long_lines_are_no_items():
    counts = [STORY, "Garrett: I made a mistake (142)", "Reports: Rudolph will be fined (145)",
              "Kaepernick: We're waiting (185)"]
    assert run(counts, [KEEP, DROP, DROP, DROP])[1:] == [DROP] * 3
    links = [STORY, "1. Home: www.example.com", "2. News: www.example.org", "3. Shop: www.example.net"]
    assert run(links, [KEEP, DROP, DROP, DROP])[1:] == [DROP] * 3
    long_line = "Round 1: " + " ".join(["word"] * DATA_ITEM_MAX_WORDS)
    lines = [long_line, "Round 2: Monza, 4 May", "Round 3: Imola, 18 May", "Round 4: Spa, 1 June", STORY]
    out = run(lines, [DROP, DROP, DROP, DROP, KEEP])
    assert [d[0] for d in out] == [False, True, True, True, True]


def test_a_repeated_caption_beside_the_story_is_no_list():
    caption = "Nelson (29) scores behind goaltender Matt Murray, Tuesday, Nov. 19, 2019."
    lines = ["Wild 4, Sabres 1: Parise scored twice.", "Bruins 5, Devils 1: Pastrnak scored.",
             "Jets 2, Predators 1: Laine scored.", caption, caption]
    assert run(lines, [KEEP, KEEP, KEEP, DROP, DROP])[3:] == [DROP, DROP]


def test_a_run_that_only_trails_the_story_stays_cut():
    # Other stories with their dates after the story's last line (its first one already
    # kept as the story's last paragraph): the story does not go on past the run's first line.
    teasers = ["Pentagon awards contract — Jan 5, 2019", "Senate votes on farm bill — Jan 6, 2019",
               "New rules for drones — Jan 7, 2019", "City budget passes — Jan 8, 2019"]
    lines = [STORY, *teasers, "About us"]
    out = run(lines, [KEEP, KEEP, DROP, DROP, DROP, DROP])
    assert [d[0] for d in out] == [True, True, False, False, False, False]
    # the same lines with the story going on after them are its own list
    out = run([*lines[:-1], STORY], [KEEP, KEEP, DROP, DROP, DROP, KEEP])
    assert all(d[0] for d in out)


def test_a_dated_list_of_other_stories_after_a_page_dump_stays_cut():
    # End to end: a menu, the story, other stories with dates, the footer.
    page = "\n".join(["Menu", "Home", "News", "Sport",
                      "The council voted on Tuesday to extend the harbour works by two years, after a long debate "
                      "about the cost of the project and the disruption it has brought to the fishermen.",
                      "Several members asked for an independent review of the contracts, which the council "
                      "agreed to publish before the summer.",
                      "The mayor said the decision was hard but necessary, and that the city would look "
                      "for new funding.",
                      "Jan 5, 2019 - Pentagon awards contract", "Jan 6, 2019 - Senate votes on farm bill",
                      "Jan 7, 2019 - New rules for drones", "About us", "Contact", "Privacy policy"])
    text = cleantext.clean(page)
    assert "Senate votes" not in text and "New rules for drones" not in text
    assert "The mayor said" in text
