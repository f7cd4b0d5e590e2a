"""A comment thread found by its 'name says: date at time' signatures is cut, glued or not.

Texts are written for these tests (no bench data).
"""

from __future__ import annotations

import cleantext
from cleantext.rules import comment_thread

STORY = [
    "The city council approved the new harbour budget on Monday after a three-hour debate, with nine "
    "members voting in favour and two against the plan to dredge the old port.",
    "Mayor Ana Ruiz said the harbour dredging would begin in spring and cost the city about 4 million "
    "euros, most of it covered by a regional grant for ports.",
    "Opponents of the harbour plan said the council had not studied the effect of dredging on the fishing "
    "boats that still use the old port every morning.",
    "The first dredgers are expected in the harbour in April, and the work should take about six months "
    "if the weather allows, the council said in a statement on Tuesday.",
    "Fishermen who moor their boats in the old port said the dredging would close the port for weeks, and "
    "asked the council for compensation before the work starts in spring.",
    "Ruiz said the council would publish the engineers' report on the harbour before the dredging starts, "
    "and promised that the fishing boats could keep their moorings in the old port.",
    "The regional government, which pays most of the cost, said it would send its own inspectors to the "
    "harbour once a month while the dredgers are at work.",
]
COMMENTS = [
    "harbourfan says: November 19, 2019 at 6:34 am",
    "About time the council did something for the port, it has been silting up for years and nobody cared.",
    "Jo Smith says: November 19, 2019 at 7:02 am",
    "Four million euros is a lot of money for mud, and the fishermen will still be waiting next year.",
]


def test_a_glued_thread_after_the_story_is_cut() -> None:
    # No thread header: the signatures alone tell the thread. (A commenter's name in lower
    # case right after the story's last full stop does not open a sentence, and that
    # sentence would go with the thread: here the name is capitalised.)
    page = " ".join(["Home News Sport Weather", *STORY, COMMENTS[0].capitalize(), *COMMENTS[1:]])
    assert len(page) > 1200  # one line split into sentences (segment.LONG_LINE_CHARS)
    result = cleantext.clean_document(page)
    assert "About time the council" not in result.text
    assert "Four million euros is a lot" not in result.text
    for paragraph in STORY[1:]:
        assert paragraph in result.text
    assert comment_thread.RULE_ID in result.stats.removals_by_rule


def test_a_glued_thread_under_its_header_is_cut_from_the_header() -> None:
    # The header is a block of its own in the glued line (segment._SECTION_HEADER), and the
    # tail rule that knows it on its own line cuts from there, header included.
    page = " ".join(["Home News Sport Weather", *STORY, "2 thoughts on “Council approves dredging”", *COMMENTS])
    result = cleantext.clean_document(page)
    assert "2 thoughts on" not in result.text
    assert "About time the council" not in result.text
    for paragraph in STORY[1:]:
        assert paragraph in result.text


def test_a_thread_on_its_own_lines_is_cut() -> None:
    result = cleantext.clean_document("\n".join([*STORY, *COMMENTS]) + "\n")
    assert "About time the council" not in result.text
    for paragraph in STORY:
        assert paragraph in result.text


def test_near_miss_one_signed_quote_is_not_a_thread() -> None:
    quoted = [*STORY, "The harbour master says: November 19, 2019 at 6:34 am the tide was at its lowest "
              "in years, and the boats could not leave the old port at all."]
    result = cleantext.clean_document("\n".join(quoted) + "\n")
    assert comment_thread.RULE_ID not in result.stats.removals_by_rule


def test_near_miss_says_without_a_date_and_time_is_prose() -> None:
    assert comment_thread.thread_start("The report says: costs rose. The mayor says: they did not.", ()) is None


def test_a_long_thread_does_not_make_the_guard_undo_the_cut() -> None:
    # More comment prose than story prose: the guard must not count the thread as story.
    many = [line for k in range(20) for line in (
        f"reader{k} says: November 19, 2019 at {k % 12 + 1}:15 pm",
        f"Comment number {k}: the council should have asked the fishermen first, and the dredging plan "
        "would then have had the support of everyone who works in the old port every day of the week.")]
    result = cleantext.clean_document("\n".join([*STORY, *many]) + "\n")
    assert "Comment number 3" not in result.text
    assert "guard-backed-off" not in result.flags
