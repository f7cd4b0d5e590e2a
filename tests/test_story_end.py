"""Where the story ends (issue 4): appended articles are cut, single stories never are.

Texts are written for these tests (no bench data): a council story about a harbour, and
unrelated articles appended the ways aggregators do it.
"""

from __future__ import annotations

import pytest
from support import DREDGING, DREDGING_HEADLINE, LAPTOPS, LAPTOPS_HEADLINE

import cleantext
from cleantext.rules import markers

STORY = [DREDGING_HEADLINE, *DREDGING[:4]]
APPENDED = [LAPTOPS_HEADLINE, *LAPTOPS]


def _text(*parts: list[str] | str) -> str:
    lines: list[str] = []
    for p in parts:
        lines.extend([p] if isinstance(p, str) else p)
    return "\n\n".join(lines) + "\n"


def _story_text() -> str:
    return "\n\n".join(STORY)


def test_marker_and_card_cut_the_appended_article() -> None:
    text = _text(STORY, "Related Articles", "Straits Times", "16 minutes ago", "- Straits Times", APPENDED)
    result = cleantext.clean_document(text)
    assert result.text == _story_text()
    assert result.story_end is not None
    assert any("related header" in e for e in result.story_end.evidence)
    assert any("source/time line" in e for e in result.story_end.evidence)


def test_relative_time_in_other_languages_is_a_card() -> None:
    for stamp in ("vor 2 Stunden", "il y a 3 heures", "hace 5 minutos", "an hour ago", "43 minutes ago"):
        assert markers.is_relative_time(stamp), stamp
    assert not markers.is_relative_time("Two hours ago the council met to vote on the plan.")


def test_bare_headline_and_topic_shift_cut() -> None:
    result = cleantext.clean_document(_text(STORY, APPENDED))
    assert result.text == _story_text()
    evidence = " ".join(result.story_end.evidence) if result.story_end else ""
    assert "headline-like line" in evidence and "cohesion" in evidence


def test_story_alone_is_never_cut() -> None:
    result = cleantext.clean_document(_text(STORY))
    assert result.story_end is None
    assert result.text == _story_text()


def test_second_half_on_a_new_subtopic_is_kept() -> None:
    # The second half turns to the fishermen and the port's history, but it still names
    # the harbour, the council and the mayor: one story, not an appended article.
    second_half = [
        "Fishermen's worries",
        "Fishermen who moor their boats in the old port said the dredging of the harbour would close their "
        "berths for weeks, and asked the council and Mayor Ruiz for compensation before work starts.",
        "The old port has served the town's fishing fleet since the eighteenth century, when merchants built "
        "the first stone quay; the council last dredged the harbour in 1974.",
        "Several fishermen said they would take their boats to the port of the neighbouring town if the "
        "council did not guarantee moorings during the dredging of the harbour.",
    ]
    result = cleantext.clean_document(_text(STORY, second_half))
    assert result.story_end is None
    assert "Fishermen's worries" in result.text
    assert result.text.endswith("during the dredging of the harbour.")


def test_promo_line_inside_the_story_is_removed_and_the_story_goes_on() -> None:
    text = _text(STORY[:3], "Related: Apple unveils thinner laptops with longer battery life", STORY[3:])
    result = cleantext.clean_document(text)
    assert result.text == _story_text()
    promo = [r for r in result.removals if r.category == "promo"]
    assert [r.text for r in promo] == ["Related: Apple unveils thinner laptops with longer battery life"]
    assert result.story_end is None


@pytest.mark.parametrize(
    "promo",
    [
        "READ MORE: Apple unveils thinner laptops with longer battery life",
        "See also: Apple unveils thinner laptops with longer battery life",
        "Lesen Sie auch: Apple zeigt dünnere Laptops",
    ],
)
def test_promo_variants(promo: str) -> None:
    result = cleantext.clean_document(_text(STORY[:2], promo, STORY[2:]))
    assert promo not in result.text
    assert result.text.endswith(STORY[-1])


def test_appended_article_in_another_language_is_cut() -> None:
    german = [
        "Bahn streicht Verbindungen nach Sylt",
        "Die Deutsche Bahn streicht im kommenden Jahr mehrere Verbindungen nach Sylt, weil auf der Strecke "
        "über den Hindenburgdamm gebaut wird, teilte das Unternehmen am Dienstag in Berlin mit.",
        "Pendler müssen sich nach Angaben der Bahn auf Ersatzbusse und längere Fahrzeiten einstellen; die "
        "Bauarbeiten sollen bis zum Herbst dauern und rund hundert Millionen Euro kosten.",
    ]
    result = cleantext.clean_document(_text(STORY, german))
    assert result.text == _story_text()


def test_glued_appended_article_is_cut_at_its_headline() -> None:
    # The appended article is flattened into one long line (split into sentence blocks).
    glued = " ".join(APPENDED[1:] * 3)
    result = cleantext.clean_document(
        _text(STORY, "More stories", "theverge.com", "12 minutes ago", APPENDED[0], glued)
    )
    assert result.text == _story_text()


def test_cautious_mode_cuts_less() -> None:
    text = _text(STORY, APPENDED)
    eager = cleantext.clean_document(text, cleantext.Config(mode="precision"))
    cautious = cleantext.clean_document(text, cleantext.Config(mode="recall"))
    assert len(eager.text) <= len(cautious.text)


def test_story_end_can_be_disabled() -> None:
    text = _text(STORY, APPENDED)
    result = cleantext.clean_document(text, cleantext.Config(disabled_rules=("story-end",)))
    assert result.story_end is None
    assert "Apple on Tuesday" in result.text


def test_related_box_inside_the_story_does_not_end_it() -> None:
    # "Don't miss" and a headline, then the story goes on about the harbour: a box
    # inside the story, not its end (the text after it returns to the story's topic).
    text = _text(STORY[:3], "DON'T MISS", "Apple unveils thinner laptops with longer battery life", STORY[3:])
    result = cleantext.clean_document(text)
    assert result.story_end is None
    assert result.text.endswith(STORY[-1])
