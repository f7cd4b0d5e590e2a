"""Checks shared by several test files, written independently of the library's code."""

from __future__ import annotations

import re

from cleantext.render import normalize

#: Three paragraphs of a realistic story, for tests that build inputs around one.
PARAS = [
    "The ferry between Westport harbour and Gull Island will carry passengers again from Monday, "
    "six months after a cracked hull took the only vessel on the route out of service.",
    "The council's transport committee approved the return on Wednesday evening, after inspectors "
    "signed off on the repairs carried out at the Brennan yard over the winter.",
    "Islanders have relied on a smaller charter boat since September, which could take only twelve "
    "passengers and no vehicles. Shopkeepers said deliveries had doubled in price.",
]

#: The three paragraphs of a short story about a ferry pier (API and CLI tests).
PIER = [
    "The harbour authority said on Monday that the old ferry pier will close for repairs next month, "
    "after engineers found cracks in two of its concrete supports.",
    "Ferries will use the temporary landing stage at the north quay until the work is finished, "
    "which the authority expects to take about six weeks.",
    "Local traders said they were worried that fewer visitors would walk past their shops while "
    "the pier is closed, but welcomed the decision to act before the cracks grew.",
]

#: The headline and five paragraphs of a story about dredging a harbour (segmentation,
#: story-end and inline-box tests build pages around them).
DREDGING_HEADLINE = "Council approves harbour dredging plan after long debate"
DREDGING = [
    "The city council approved the harbour dredging plan on Monday after a three-hour debate, with nine "
    "members voting in favour and two against the proposal to deepen the old port for larger ships.",
    "Mayor Ana Ruiz said the dredging of the harbour would begin in spring and cost the city about four "
    "million euros, most of it covered by a regional grant for ports and waterways.",
    "Opponents of the harbour plan said the council had not studied the effect of dredging on the fishing "
    "boats that still use the old port every morning, and asked for an independent report.",
    "Ruiz said the council would publish the engineers' report on the harbour before the dredging starts, "
    "and promised that the fishing boats could keep their moorings in the old port.",
    "The first dredgers are expected in the harbour in April, and the work on the old port should take "
    "about six months if the weather allows, the council said in a statement.",
]

#: The headline and three paragraphs of an unrelated story (laptops), the article an
#: aggregator appends or a related box links to in story-end and inline-box tests.
LAPTOPS_HEADLINE = "Apple unveils thinner laptops with longer battery life"
LAPTOPS = [
    "Apple on Tuesday showed a new line of laptops that the company says are thinner and last longer on "
    "one charge, as the technology giant tries to revive slowing computer sales before the holidays.",
    "Analysts expect the new machines to lift quarterly revenue, although chip shortages could limit how "
    "many units reach stores before December, the company warned investors in a statement.",
    "The laptops go on sale next week in the United States, Europe and China, with prices starting at "
    "1,299 dollars for the smallest model and its new keyboard.",
]

#: The line breaks of render.normalize and the segmenter.
LINE_BREAK = re.compile(r"\r\n?|[\n\u2028\u2029\x0b\x0c\x85]")


def unmatched_paragraph(source: str, text: str) -> str | None:
    """The first output paragraph that is not kept pieces of one input line, in order."""
    lines = LINE_BREAK.split(source)
    line_i = 0
    for paragraph in text.split("\n\n") if text else []:
        words = paragraph.split()
        while line_i < len(lines):
            line, pos = lines[line_i], 0
            line_i += 1
            for word in words:
                found = line.find(word, pos)
                if found < 0:
                    break
                pos = found + len(word)
            else:
                break  # every word found in order in this line
        else:
            return paragraph
    return None


def replay(source: str, removals) -> str:
    """Cut every removal out of `source`, written here independently of the library.

    Documented in the README: a cut leaves a space behind (so words on either side of a
    span cut inside a line stay apart), then whitespace is normalised (render.normalize).
    """
    kept, pos = [], 0
    for removal in sorted(removals, key=lambda r: r.start):
        kept.append(source[pos:removal.start])
        pos = removal.end
    kept.append(source[pos:])
    return normalize(" ".join(kept))
