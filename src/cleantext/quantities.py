"""Quantity lists: a recipe's ingredients, which the classifier takes for a menu.

A recipe's ingredients ("200 g Zucker", "1 TL Backpulver", "2 Eier (Größe M)") are short
lines without a verb, the shape of a menu or a link list, so the block classifier drops
them; so are the sub-headings between them ("Belag:", "Für die Füllung:"). traf dev
gold keeps them (8 of its missed snippets sat in such lists). What sets them apart from
chrome is that line after line starts with an amount, and most amounts name a unit of
measure. Numbered headline lists, league tables and counters ("167 Kommentare") start
with numbers too, but name no unit.

restore_quantity_lists() keeps such a run when the classifier alone dropped it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .features import Features

#: A run is a quantity list once this many of its lines start with an amount. The
#: ingredient lists in traf and aeb dev hold 3-15 amounts; one or two amount lines in a row
#: are as often a counter or a teaser as an ingredient.
QUANTITY_LIST_MIN_ITEMS = 3
#: A line of a quantity list has at most this many words ("2 Dose/n Mandarine(n), je ca.
#: 300 - 350 g Füllmenge" is 10); longer lines are prose or a product teaser.
QUANTITY_ITEM_MAX_WORDS = 12
#: Between two amounts, a run may hold this many other short lines: a sub-heading
#: ("Belag:") or an ingredient without an amount ("Mandelsplitter", "etwas Fett").
QUANTITY_GAP_LINES = 1
#: ... of at most this many words.
QUANTITY_GAP_MAX_WORDS = 5
#: Recipe facts (times, yields) are looked for this many lines above the list's header...
#: (the dev recipes have 2-7: "Zubereitung / 15 Min / Backzeit / 15 – 30 Min / Gesamt /
#: 30 – 45 Min / Portionen: 12" above "Zutaten").
RECIPE_FACTS_MAX_LINES = 8
#: ... each of at most this many words ("Zubereitungszeit: 25 Minuten (+ 15 Minuten backen)").
RECIPE_FACT_MAX_WORDS = 10
#: At least this share of a run's amount lines name a unit of measure ("200 g", "1 TL",
#: "2 cups"); the rest count things ("4 Eier", "1 lemon"). Numbered headline lists ("1
#: Capcora berät ...", "5 Things to Do in June"), league tables and counters ("167
#: Kommentare", "1786 Accesses") name none. traf, aeb, glued and append dev: without this
#: test runs fired on 27 pages, on 17 of them only numbered lists or counters; with it on
#: 10, each an ingredient list; the one with the fewest units has 4 in 7 amount lines.
QUANTITY_UNIT_SHARE = 0.5
#: At least this share of a run's amount lines differ once the amount is taken off: "19
#: Fotos", "5 Fotos", "2 Fotos" under a gallery's links are counts of one thing, not a list
#: of things (traf dev bos-fahrzeuge: the only such run, all four lines "Fotos").
QUANTITY_DISTINCT_SHARE = 0.7

# An amount: a number of one to four digits, a decimal ("0,5") or a fraction ("1/2", "½")
# or a range ("2-3"), then a unit or a noun, with or without a space ("120g", "2 Eier",
# "1 Pck.", "3 (große) Zwiebeln"). "12. März" (a date), "2018 Regiolanda" (a year) and
# "10178 Berlin" (a postcode) do not start with an amount, and a line that holds a year
# ("2 décembre 2019 : Article Libération", a list of press dates) is no amount line.
_FRACTIONS = "½¼¾⅓⅔⅛"
_AMOUNT = re.compile(
    r"^\s*(?!(?:19|20)\d\d\b)(?:\d{1,4}(?:[.,/]\d{1,3})?(?:\s*[-–]\s*\d{1,4}(?:[.,]\d{1,3})?)?|[" + _FRACTIONS + r"])"
    r"\s*(?:[^\W\d_]|\()"
)

# Units of measure after an amount, grouped by kind; lower case, matched as whole words.
_UNITS_METRIC = "g gr mg kg dag ml cl dl l gramm gram grams gramos grammes litre liter liters litres".split()
_UNITS_SPOONS = (
    "el tl msp tbsp tsp tbs tablespoon tablespoons teaspoon teaspoons esslöffel teelöffel cup cups c "
    "cuillère cuillères cuillerée cuillerées cucharada cucharadas cucharadita cucharaditas "
    "łyżka łyżki łyżek łyżeczka łyżeczki łyżeczek szklanka szklanki szklanek tasse tassen"
).split()
_UNITS_PACKS = (
    "pck pkg päckchen packung packungen dose dosen becher bund prise prisen pinch zehe zehen clove cloves "
    "scheibe scheiben slice slices stück can cans jar jars oz ounce ounces lb lbs pound pounds stick sticks "
    "pincée pincées sachet sachets gousse gousses szczypta ząbek ząbki opakowanie"
).split()
_UNITS = frozenset(_UNITS_METRIC + _UNITS_SPOONS + _UNITS_PACKS)
_UNIT_AFTER_AMOUNT = re.compile(r"^[\d\s.,/½¼¾⅓⅔⅛–-]+(\w+)")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_AMOUNT_PREFIX = re.compile(r"^[\d\s.,/½¼¾⅓⅔⅛–-]+")

# A recipe's facts above its ingredients: a time ("15 – 30 Min", "Zubereitungszeit: 25
# Minuten") or a yield ("Portionen: 12", "Ergibt: 40 Stück").
_RECIPE_FACT = re.compile(
    r"\d\s*(?:min|min\.|mins|minuten|minutes|std|stunden?|hours?|hrs?)\b|\b(?:portionen|servings|serves|ergibt|yield)\b",
    re.IGNORECASE,
)

REASON = "an item of an ingredient list: amounts with units of measure, line after line"


def is_amount_line(text: str) -> bool:
    """Whether a line starts with an amount and a unit or a noun.

    >>> is_amount_line("200 g Zucker"), is_amount_line("12. März 2020")
    (True, False)
    """
    # _AMOUNT opens with \s* and a decimal digit or a fraction: a line opening with anything
    # else (a letter: most short lines) needs no regex (\s and \d of `re` are str.isspace
    # and str.isdecimal; tests/test_fast_paths.py).
    first = text[:1]
    if not (first.isdecimal() or first in _FRACTIONS or first.isspace()):
        return False
    return _AMOUNT.match(text) is not None and _YEAR.search(text) is None


def names_unit(text: str) -> bool:
    """Whether the word after a line's amount is a unit of measure.

    >>> names_unit("120g yellow noodles"), names_unit("4 Eier"), names_unit("1 Pck. Zucker")
    (True, False, True)
    """
    m = _UNIT_AFTER_AMOUNT.match(text)
    return m is not None and m.group(1).lower() in _UNITS


def recipe_head(texts: Sequence[str], feats: Sequence[Features],
                decisions: Sequence[tuple[bool, str, str, str]], first: int) -> int:
    """Where a quantity list starting at `first` begins with its header and recipe facts.

    The line right above the first amount is its header when it ends with a colon or is one
    or two words ("Zutaten", "Ingredients:"). Above it, within RECIPE_FACTS_MAX_LINES short
    classifier drops, the list reaches up to the highest line that states a time or a yield,
    with the labels between ("Backzeit", "Gesamt"). A line a rule cut ends the search. A
    time range ("15 – 30 Min") counts as a menu separator, so facts may hold one.
    """
    def dropped(k: int, max_words: int) -> bool:
        return decisions[k][1] == "boilerplate.classifier" and feats[k].words <= max_words and not feats[k].urls

    start = first
    above = start - 1
    if above >= 0 and dropped(above, QUANTITY_GAP_MAX_WORDS) and not feats[above].separators and (
            feats[above].ends_colon or feats[above].words <= 2):
        start = above
    k = start - 1
    while k >= 0 and start - k <= RECIPE_FACTS_MAX_LINES and dropped(k, RECIPE_FACT_MAX_WORDS):
        if _RECIPE_FACT.search(texts[k]):
            start = k
        k -= 1
    return start


def restore_quantity_lists(texts: Sequence[str], feats: Sequence[Features],
                           decisions: list[tuple[bool, str, str, str]]) -> list[tuple[bool, str, str, str]]:
    """Keep the lines of quantity lists that only the classifier dropped.

    A run starts at a line with an amount; it goes on over lines with an amount and over
    at most QUANTITY_GAP_LINES short other lines between two of them. A short line right
    before the first amount that ends with a colon ("Zutaten für 4 Personen:") is its
    header. Every line of the run must be a classifier drop without a link or a menu
    separator; a line a rule cut ends the run.
    """
    out = list(decisions)
    n = len(out)

    def item(i: int, max_words: int) -> bool:
        f = feats[i]
        return (out[i][1] == "boilerplate.classifier" and f.words <= max_words
                and not f.urls and not f.separators)

    # item(i, QUANTITY_ITEM_MAX_WORDS) written out: one comprehension, not a call per block.
    amount = [d[1] == "boilerplate.classifier" and f.words <= QUANTITY_ITEM_MAX_WORDS and not f.urls
              and not f.separators and is_amount_line(t) for t, f, d in zip(texts, feats, out)]
    i = 0
    while i < n:
        if not amount[i]:
            i += 1
            continue
        members = [i]
        last = i
        j = i + 1
        while j < n:
            if amount[j]:
                members.extend(range(last + 1, j + 1))
                last = j
                j += 1
                continue
            if j - last > QUANTITY_GAP_LINES or not item(j, QUANTITY_GAP_MAX_WORDS):
                break
            j += 1
        amounts = [texts[k] for k in members if amount[k]]
        things = {_AMOUNT_PREFIX.sub("", t).strip().lower() for t in amounts}
        units = sum(1 for t in amounts if names_unit(t))
        if (len(amounts) >= QUANTITY_LIST_MIN_ITEMS and len(things) >= QUANTITY_DISTINCT_SHARE * len(amounts)
                and units >= QUANTITY_UNIT_SHARE * len(amounts)):
            start = recipe_head(texts, feats, out, i)
            members[:0] = range(start, i)
            for k in members:
                out[k] = (True, "", "", REASON)
        i = last + 1
    return out
