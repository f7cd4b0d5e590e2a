"""Rules the engine applies itself, registered so they can be disabled and explained.

``metadata.date-header`` cuts the export header of seeds 000/001; ``boilerplate.classifier``
is the block classifier's verdict. Their ``fires`` run the whole pipeline on an example
(the classifier needs a whole document to judge a block), importing the engine lazily.
"""

from __future__ import annotations

import functools

from ..decide import GLUED_ISLAND, GLUED_ISLAND_REASON, REPEATED_REASON
from ..metadata import DATE_HEADER_REASON, date_header
from .example_story import HARBOUR_LATER, HARBOUR_STORY
from .registry import CodeRule

_MENU = "Home\nNews\nSport\nBusiness\nOpinion\nCulture\nWeather\nContact us\n"
_STORY = (
    "The council approved a new ferry timetable on Monday, adding four crossings a day "
    "between the harbour and the island from the start of next month.\n"
    "Residents had asked for later evening boats for years, the council said, and the "
    "operator agreed after a survey showed most passengers travel after work.\n"
    "The new timetable will be reviewed in the spring, when the summer schedule is drawn up.\n"
)
_FOOTER = "Privacy Policy\nTerms of Use\nCookie Settings\nAdvertise\nAbout Us\n© 2024 Harbour News\n"


@functools.lru_cache(maxsize=1)
def _cleaner():  # type: ignore[no-untyped-def]
    from ..api import Cleaner

    return Cleaner()


def _removes(rule_id: str):  # type: ignore[no-untyped-def]
    """`fires` for an engine rule: whether cleaning the example cuts something by that rule."""
    def fires(text: str) -> bool:
        return any(r.rule == rule_id for r in _cleaner().clean_document(text).removals)
    return fires


# A page dumped as one line (get_text(" ")): a menu, the deck above the byline, the story.
_GLUED_MENU = ("Home News Sport Business Opinion Culture Weather Travel Money Podcasts Video Newsletters "
               "Subscribe Sign In Search Menu Contact Us About Us Advertise Careers Archive ")
_GLUED_DECK = ("Islanders had asked for later boats for years, and the operator has agreed to run them. "
               "But the fares will not change before the spring, the council said. ")
_GLUED_STORY = (_STORY + HARBOUR_STORY + HARBOUR_LATER).replace("\n", " ")
_GLUED_PAGE = (_GLUED_MENU * 3 + "Later boats for the island? " + _GLUED_DECK
               + "By Ann Lee Nov. 18, 2019 7:04 pm ET " + _GLUED_STORY + " " + _GLUED_MENU)


BUILTIN_RULES: tuple[CodeRule, ...] = (
    CodeRule(
        id="boilerplate.repeated-line",
        category="boilerplate",
        scope="block",
        reason=REPEATED_REASON,
        fires=_removes("boilerplate.repeated-line"),
        # Applied to page dumps and extracted HTML; a clean article keeps its own repeats.
        drop_examples=(_MENU * 3 + _STORY.replace("\n", "\nTen things in tech you need to know today\n", 2) + _FOOTER,),
        keep_examples=(_STORY, "Ten things in tech you need to know today\n" + _STORY,
                       "Ten things in tech you need to know today\n" + _STORY
                       + "Ten things in tech you need to know today\n"),
    ),
    CodeRule(
        id="metadata.date-header",
        category="metadata",
        scope="head",
        reason=DATE_HEADER_REASON,
        fires=lambda text: date_header(text) is not None,
        drop_examples=(" date 2025-06-17 In recent weeks, the administration suspended the group.",),
        keep_examples=("The date 2025-06-17 was set for the vote, the council said.",),
    ),
    CodeRule(
        id="boilerplate.classifier",
        category="boilerplate",
        scope="block",
        reason="not story-like in context (the fitted block classifier)",
        fires=_removes("boilerplate.classifier"),
        drop_examples=(_MENU * 3 + _STORY + _FOOTER,),
        keep_examples=(_STORY, "Short story.\n" + _STORY),
    ),
    CodeRule(
        id=GLUED_ISLAND,
        category="boilerplate",
        scope="block",
        reason=GLUED_ISLAND_REASON,
        fires=_removes(GLUED_ISLAND),
        drop_examples=(_GLUED_PAGE,),
        # The same story on lines; sentences an ad slot's label separates from the story.
        keep_examples=(_STORY, _GLUED_PAGE.replace(" By Ann Lee", " Advertisement By Ann Lee")),
    ),
)
