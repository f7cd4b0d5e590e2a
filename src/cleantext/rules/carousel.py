"""Headline carousels glued into paragraphs (issue 2, section 3; seed 002).

A page dumped with ``get_text(" ")`` glues the "Top stories" widget into the middle of a
paragraph: an intro, then items of a section label and a headline, then the story goes
on mid-line::

    ... funds to rebuild. Top stories Swipe. Select. Stay informed. Singapore More train
    rides taken in first half-year ... Asia Trump's transactional foreign policy fuels
    'US scepticism' in Taiwan Business Women on corporate boards ... false trading
    REJECTS 'EXTERNAL DICTATES' Washington and Beirut have been in talks ...

The run from the intro to the end of the last headline is removed; the sentences around
it stay. A carousel needs the intro and at least ``MIN_ITEMS`` labelled items, so a
sentence that happens to say "top stories" or "Business" is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice

import regex

from ..features import blocks_holding, stopwords

RULE_ID = "carousel.headlines"
CATEGORY = "carousel"
REASON = "a carousel of headlines glued into a paragraph"

_F = regex.IGNORECASE | regex.UNICODE | regex.VERSION0
# The widget titles that open a carousel, and the swipe hint of the Straits Times one.
_INTRO = regex.compile(
    r"(?<!\w)(?:top\s+stories|most\s+popular|most\s+read|trending(?:\s+now)?|popular\s+now|latest\s+news"
    r"|editor['’]?s\s+picks|top[-\s]themen|meistgelesen|[àa]\s+la\s+une|les\s+plus\s+lus|lo\s+m[áa]s\s+le[íi]do)"
    r"(?:\s+swipe\.\s+select\.\s+stay\s+informed\.)?(?=\s)",
    _F,
)
# A word every _INTRO match holds, in lower case. The regex module folds "ſ" to "s" and
# "İ" to "i", which str.lower() does not (it gives "ſ" and "i" plus U+0307): both are
# mapped before the search, so a paragraph without one of these words holds no intro
# (checked against every code point in tests/test_fast_paths.py).
_INTRO_WORDS = ("top", "most", "trending", "popular", "latest", "editor", "meistgelesen", "une", "plus", "leido",
                "leído")
_INTRO_WORD = re.compile("|".join(_INTRO_WORDS))


# _INTRO's titles without its lookarounds and the swipe hint, in plain `re` on the folded
# text: a paragraph where it finds nothing holds no intro (its \s takes every character
# the regex module's \s takes, and every character _INTRO folds onto a letter of a title
# lowers to it: tests/test_fast_paths.py). Most paragraphs that hold an intro word hold
# no title ("plus", "most", "une" are common): a quarter of the time of _INTRO's search.
_INTRO_TITLE = re.compile(
    r"top\s+stories|most\s+popular|most\s+read|trending|popular\s+now|latest\s+news|editor['’]?s\s+picks"
    r"|top[-\s]themen|meistgelesen|[àa]\s+la\s+une|les\s+plus\s+lus|lo\s+m[áa]s\s+le[íi]do"
)


def _may_hold_intro(text: str) -> bool:
    """False only when _INTRO cannot match `text`: one plain search, not a folding one."""
    return _INTRO_WORD.search(_folded(text)) is not None


def _folded(text: str) -> str:
    return text.lower().replace("ſ", "s").replace("\u0307", "")


def _holding_intro_word(folded: Sequence[str]) -> set[int]:
    """The indices of the texts for which `_may_hold_intro` holds, given the texts already
    `_folded`: those holding one of _INTRO_WORDS (a text holding a word holds a match of
    the alternation, there or overlapping it).

    One str.find scan of the document per word (features.blocks_holding), where a finditer
    of the alternation tried each word at every character (~100 us an aeb page, timed).
    """
    return blocks_holding(folded, _INTRO_WORDS)


#: Section labels that head each carousel item (case-sensitive: a label is capitalised).
SECTION_LABELS = frozenset(
    """
World Asia Singapore Business Life Lifestyle Sport Sports Tech Technology Opinion Politics
Entertainment Health Science Climate Culture Travel Money Markets Economy Europe Africa
Americas Australia India China Local National Nation Education Food Arts Style Video
Multimedia Tennis Football Soccer Cricket Motoring Property Environment Media Showbiz
Wirtschaft Politik Kultur Panorama Sport Wissen Digital Monde Économie Culture Deportes
""".split()
)
_MULTI_LABELS = ("Middle East", "US", "U.S.", "UK", "Hong Kong")
#: At least this many labelled items make a carousel.
MIN_ITEMS = 2
#: A headline longer than this is not one: the run has ended in story text.
MAX_HEADLINE_WORDS = 25
#: The last headline runs at least this many words before the story may resume.
MIN_LAST_WORDS = 3
#: Words that open a story sentence again after the last headline. jusText's stoplists are
#: too broad for this ("council", "april" and "five" are English stopwords).
SENTENCE_OPENERS = frozenset(
    """
the a an but and in on at he she it they we i you this that these those so still however yet
while when after before as if since although though meanwhile instead its his her their our
there here some many most both for with by from to of not no one also then now once even
der die das ein eine aber und er sie es wir doch nach als wenn im am
le la les un une mais et il elle ils nous dans en après
el los las una pero y él ella en tras
""".split()
)
#: The tokens read after an intro: room for 24 labelled items of the longest headline.
MAX_TOKENS = 24 * (MAX_HEADLINE_WORDS + 1)
#: An unlabelled run longer than this is not a carousel.
MAX_UNLABELLED_WORDS = 80
_SENTENCE_STOP = regex.compile(r"[.!?]['\"”’»)]*$")
_TOKEN = regex.compile(r"\S+")
_OPEN_QUOTE = regex.compile(r"^[\"“‘«]")
_ALLCAPS = regex.compile(r"^[\"'‘“]?\p{Lu}{2,}[\p{Lu}'’\-]*[,:]?$")

DROP_EXAMPLES = (
    "Israel must halt its strikes, he said. Top stories Swipe. Select. Stay informed. Singapore More "
    "train rides taken in first half-year Asia Trump's foreign policy fuels scepticism in Taiwan "
    "Business Women on corporate boards give firms an advantage But with little progress on "
    "disarmament, Washington's patience began wearing thin.",
    "The school cancelled the fair. Trending Now Storm warning issued for the coast as gusts of 80mph "
    "expected Council tax set to rise by 4.9% from April Rail strike called off after late-night talks "
    "The agency said it was monitoring air quality.",
)
KEEP_EXAMPLES = (
    "The paper's top stories this week were about Asia and Business travel, the editor said.",
    "Most popular among buyers were small cars, the dealers said, while sales of trucks fell.",
)


def carousel_spans(
    blocks: Sequence[object], decisions: Sequence[tuple[bool, str, str, str]], language: str | None = "en"
) -> list[tuple[int, int, int, str, str, str]]:
    """Spans (block, start, end, rule, category, reason) of carousels in kept blocks.

    >>> from cleantext.segment import segment
    >>> bs = segment(DROP_EXAMPLES[0])
    >>> [bs[s[0]].text[s[1]:s[2]][:11] for s in carousel_spans(bs, [(True, '', '', '')] * len(bs))][:1]
    ['Top stories']
    """
    out: list[tuple[int, int, int, str, str, str]] = []
    # The input lines holding a kept block, each with all its blocks, in input order (the
    # lines are known first, so a page dump's many dropped lines are never grouped).
    kept_paras = {b.para for b in blocks if decisions[b.index][0]}  # type: ignore[attr-defined]
    by_para: dict[int, list[object]] = {}
    for b in blocks:
        if b.para in kept_paras:  # type: ignore[attr-defined]
            by_para.setdefault(b.para, []).append(b)  # type: ignore[attr-defined]
    stops = stopwords(language)
    paras = list(by_para.values())
    texts = [para[0].text if len(para) == 1 else _para_text(para) for para in paras]  # type: ignore[attr-defined]
    folded = [_folded(t) for t in texts]  # once, for the intro-word and the title prefilters
    for k in sorted(_holding_intro_word(folded)):
        para, text = paras[k], texts[k]
        base = para[0].start  # type: ignore[attr-defined]
        if not _INTRO_TITLE.search(folded[k]) or not _INTRO.search(text):
            continue
        for a, z in _find(text, stops):
            for b in para:
                s, e = b.start - base, b.end - base  # type: ignore[attr-defined]
                lo, hi = max(a, s), min(z, e)
                if lo < hi and decisions[b.index][0]:  # type: ignore[attr-defined]
                    out.append((b.index, lo - s, hi - s, RULE_ID, CATEGORY, REASON))  # type: ignore[attr-defined]
    return out


def _para_text(para: Sequence[object]) -> str:
    """The text of one input line rebuilt from its blocks (gaps are whitespace)."""
    base = para[0].start  # type: ignore[attr-defined]
    chars = [" "] * (para[-1].end - base)  # type: ignore[attr-defined]
    for b in para:
        chars[b.start - base : b.end - base] = b.text  # type: ignore[attr-defined]
    return "".join(chars)


def _find(text: str, stops: frozenset[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in _INTRO.finditer(text):
        if spans and m.start() < spans[-1][1]:
            continue
        # A carousel is a few dozen words: reading a bounded window after each intro keeps
        # a glued page of one megabyte linear (the whole rest of the line was read before).
        toks = [(t.start(), t.end(), t.group()) for t in islice(_TOKEN.finditer(text, m.end()), MAX_TOKENS)]
        end = _items_end(toks, stops)
        if end is not None:
            spans.append((m.start(), end))
    return spans


def _label_at(toks: list[tuple[int, int, str]], k: int) -> int:
    """How many tokens a section label at toks[k] spans (0 when there is none)."""
    if k >= len(toks):
        return 0
    word = toks[k][2]
    if word in SECTION_LABELS:
        return 1
    for label in _MULTI_LABELS:
        parts = label.split()
        if [t[2] for t in toks[k : k + len(parts)]] == parts:
            return len(parts)
    return 0


def _items_end(toks: list[tuple[int, int, str]], stops: frozenset[str]) -> int | None:
    """The end offset of the labelled items after an intro, or None if too few."""
    if not _label_at(toks, 0):
        return _unlabelled_end(toks, stops)
    k, items = 0, 0
    while True:
        width = _label_at(toks, k)
        if not width:
            break
        k += width
        start = k
        # The headline runs to the next label within reach ...
        nxt = next(
            (j for j in range(start + 1, min(len(toks), start + MAX_HEADLINE_WORDS + 1)) if _label_at(toks, j)), None
        )
        if nxt is not None:
            items += 1
            k = nxt
            continue
        # ... or, for the last item, to where a sentence of the story starts again.
        resume = _resume(toks, start, stops)
        if resume is None:
            break
        items += 1
        return toks[resume - 1][1] if items >= MIN_ITEMS else None
    return None


def _unlabelled_end(toks: list[tuple[int, int, str]], stops: frozenset[str]) -> int | None:
    """Headlines without section labels ("Trending Now Storm warning issued ... Rail strike
    called off ..."): a run with no sentence punctuation in which at least MIN_ITEMS new
    capitalised headlines start after a lower-case word, up to where the story resumes."""
    starts = 0
    for j in range(1, min(len(toks), MAX_UNLABELLED_WORDS)):
        prev, word = toks[j - 1][2], toks[j][2]
        if _SENTENCE_STOP.search(prev):
            return None
        if not prev[-1:].islower() and not prev[-1:].isdigit():
            continue
        bare = word.strip("\"“”‘’'«(,")
        resumes = (
            _OPEN_QUOTE.match(word) or _ALLCAPS.match(word) or (bare[:1].isupper() and bare.lower() in SENTENCE_OPENERS)
        )
        if resumes and j >= MIN_LAST_WORDS:
            return toks[j - 1][1] if starts >= MIN_ITEMS else None
        if bare[:1].isupper():
            starts += 1
    return None


def _resume(toks: list[tuple[int, int, str]], start: int, stops: frozenset[str]) -> int | None:
    """The token where the story resumes after the last headline starting at `start`."""
    for j in range(start + MIN_LAST_WORDS, min(len(toks), start + MAX_HEADLINE_WORDS + 1)):
        prev, word = toks[j - 1][2], toks[j][2]
        if prev.endswith((":", ";", ",")):
            continue
        bare = word.strip("\"“”‘’'«(,")
        if not bare or not bare[0].isupper():
            if not _OPEN_QUOTE.match(word):
                continue
        if _OPEN_QUOTE.match(word) or _ALLCAPS.match(word) or bare.lower().rstrip(",:") in SENTENCE_OPENERS:
            return j
    return None
