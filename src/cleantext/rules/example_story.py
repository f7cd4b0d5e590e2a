"""The short made-up story the code rules' examples wrap their boilerplate around.

One copy for every module that needs it (rules/code.py, teasers.py, box_lines.py): a story
that reads as prose to the classifier, so an example tests the rule and not the story.
"""

#: Three paragraphs about a harbour budget.
HARBOUR_STORY = (
    "The city council approved the new harbour budget on Monday after a three-hour debate, "
    "with nine members voting in favour and two against the plan to dredge the old port.\n"
    "Mayor Ana Ruiz said the harbour dredging would begin in spring and cost the city about "
    "4 million euros, most of it covered by a regional grant for ports.\n"
    "Opponents of the harbour plan said the council had not studied the effect of dredging "
    "on the fishing boats that still use the old port every morning.\n"
)
#: A fourth paragraph of the same story.
HARBOUR_LATER = (
    "The first dredgers are expected in the harbour in April, and the work should take about "
    "six months if the weather allows, the council said in a statement.\n"
)
