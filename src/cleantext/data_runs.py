"""Data runs: a story's own lists of figures, which the classifier takes for a menu.

Race calendars ("1a etapa: 10 de março – Interlagos"), tour dates ("Aug. 14 -- Pepsi
Center, Denver, CO") and box scores ("Palm Bay d. Rockledge 70-44") are short lines
without a verb, the shape of a menu, so the block classifier drops them. What sets them
apart from a menu is that line after line holds a figure (a date, a score, a rank) and
punctuation between its words; menu labels are bare words ("Notícias da MotoGP").

restore_data_runs() keeps such a run when the classifier alone dropped it, it touches the
story (a kept line in it, right before or right after it), and its lines are parallel:
several of them hold the same punctuation marks. Teaser lists with a date or a figure in
a headline ("Pentagon announces $10.1 mln deal ...") are not parallel; comment counts
("Week 12 power rankings (133)") are excluded by their shape.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .features import Features

#: A run is a data list once this many of its distinct lines hold the same punctuation
#: marks (one of them a line the classifier dropped): "0a a: 0 a a – A" line after line.
#: Dev half, text path (with the values below): aeb F1 0.9491 -> 0.9608 (R 0.9553 ->
#: 0.9741, P 0.9430 -> 0.9478: a race calendar and a page of box scores, aeb dev cc03ddb5
#: and c81e134e, had lost 75-85% of their text), traf 0.9148 -> 0.9155 (+3 gold snippets in
#: results tables, none cut), glued 0.9073 -> 0.9074, append unchanged. 3, 4 and 5 gave the
#: same; without the shared marks teaser lists and a breadcrumb came back (aeb P 0.9386).
#: Requiring the story to go on past the run's first line (see goes_on) kept aeb and glued
#: as they were and cost traf one gold snippet (0.9187 -> 0.9183 with the tenth session's
#: other changes): it keeps a dated list of other stories after the story's last line cut.
DATA_MIN_ITEMS = 3
#: A line of a data list has at most this many words: box scores run long ("Melbourne
#: (3-0): Osas Osaro 3 goals, 1 assist. ..."). Swept 20-80: aeb F1 0.9566 / 0.9580 /
#: 0.9589 / 0.9608 / 0.9608 at 20 / 30 / 40 / 60 / 80, the other sets flat.
DATA_ITEM_MAX_WORDS = 60
#: Between two data lines, a run may hold this many other lines of at most
#: DATA_GAP_MAX_WORDS words: a sub-heading ("BOYS SOCCER") or an item without a figure
#: ("Merritt Island d. Titusville"). 3 words lost one (aeb 0.9604); 8 words or two lines
#: added traf recall and cost its precision.
DATA_GAP_LINES = 1
DATA_GAP_MAX_WORDS = 5
#: Menu separators a data line may hold: " – " and " / " part a calendar's fields ("2a
#: etapa: 8 de abril – Curitiba / Alternativa"); 1 lost that line (aeb 0.9599).
DATA_MAX_SEPARATORS = 2

Decision = tuple[bool, str, str, str]

# Punctuation between the words of a line: a mark after a word and before a space ("d. ",
# "1a etapa: ", "West Palm Beach, FL") or after a space and before a word (" -- Pepsi",
# " (1-0)", " — 44"). Menu labels have none ("Notícias da MotoGP", "Calendário da MotoGP").
_INNER_PUNCT = re.compile(r"\w[^\w\s]+\s|\s[^\w\s]+\s?\w")

def punctuation(text: str) -> frozenset[str]:
    """The punctuation marks a line holds: parallel items of a list hold the same ones."""
    return frozenset(c for c in text if not c.isalnum() and not c.isspace())


def restore_data_runs(texts: Sequence[str], feats: Sequence[Features], decisions: list[Decision]) -> list[Decision]:
    """Keep runs of data lines that only the classifier dropped, next to a kept line.

    A run is data lines in a row (kept, or dropped by the classifier alone without a link,
    with at most DATA_MAX_SEPARATORS menu separators), and at most DATA_GAP_LINES short
    other lines between two of them; a line a rule cut ends it.
    """
    out = list(decisions)
    n = len(out)

    def candidate(i: int, max_words: int) -> bool:
        """A line that only the classifier dropped and that may join a run."""
        f = feats[i]
        return (out[i][1] == "boilerplate.classifier" and f.words <= max_words and not f.urls
                and f.separators <= DATA_MAX_SEPARATORS and not f.paren_number)

    # A run's items, the data lines: a figure (the feature's digit share) and punctuation
    # between the words (_INNER_PUNCT), kept or a candidate. The cheap tests first, so the
    # call and the search are made for few blocks.
    data = [bool(f.digits) and f.words <= DATA_ITEM_MAX_WORDS and (d[0] or candidate(i, DATA_ITEM_MAX_WORDS))
            and _INNER_PUNCT.search(t) is not None for i, (t, f, d) in enumerate(zip(texts, feats, out))]
    if sum(data) < DATA_MIN_ITEMS:
        return out
    i = 0
    while True:
        try:
            i = data.index(True, i)
        except ValueError:
            return out
        start, end, j = i, i + 1, i + 1
        while j < n:
            if data[j]:
                j += 1
                end = j
                continue
            gap = j
            while gap < n and gap - j < DATA_GAP_LINES and candidate(gap, DATA_GAP_MAX_WORDS):
                gap += 1
            if j < gap < n and data[gap]:
                j = gap
                continue
            break
        items = [k for k in range(start, end) if data[k]]
        # The cheap tests first: most runs are one or two lines, or far from the story (on
        # the aeb pages the marks of every item cost more than the rest of this function).
        if (len(items) < DATA_MIN_ITEMS or all(out[k][0] for k in items)
                or not (any(out[k][0] for k in items) or (start > 0 and out[start - 1][0])
                        or (end < n and out[end][0]))):  # it must touch the story
            i = end
            continue
        # ... and the story goes on past the run's first line (a kept line later in the run,
        # or right after it): a run that only trails the story's last line is the list of
        # other stories with their dates ("Senate votes on farm bill - Jan 6, 2019") that
        # follows many stories, not the story's own data.
        if not any(out[k][0] for k in range(start + 1, min(n, end + 1))):
            i = end
            continue
        # Each distinct text once: a caption repeated under a photo is no list.
        signature = {texts[k]: punctuation(texts[k]) for k in items}
        shared = Counter(signature.values())
        common = {sig for sig, count in shared.items() if count >= DATA_MIN_ITEMS}
        if any(not out[k][0] and signature[texts[k]] in common for k in items):
            for k in range(start, end):
                if not out[k][0]:
                    out[k] = (True, "", "", f"a line of the data list of blocks {start}-{end - 1} next to the story")
        i = end
