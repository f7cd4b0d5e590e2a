"""Document metadata found in the text itself: a leading date header, the headline."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .model import Block

# Seeds 000 and 001 open with " date 2025-06-17 " before the story: an export header of
# the pipeline that produced them, not story text.
_DATE_HEADER = regex.compile(
    r"(?:^|(?<=[\n\r\u2028\u2029\x0b\x0c\x85]))[^\S\n\r\u2028\u2029]*(?:date|published|datum|fecha)\s*[:=]?\s*"
    r"(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)\s+",
    regex.I,
)
#: A headline is a first line of at most this many words that does not end like a sentence.
TITLE_MAX_WORDS = 30
_SENTENCE_END = regex.compile(r"[.!?:;]\s*$")
#: A page title names the site after a separator ("Headline | World | Express.co.uk",
#: "Headline - Barron's"). A trailing part of at most this many words is the site or section
#: name; the headline before it must keep at least TITLE_MIN_WORDS words.
SITE_SUFFIX_MAX_WORDS = 4
TITLE_MIN_WORDS = 3
_SITE_SEPARATOR = regex.compile(r"\s+(?:\||::|»|-|–|—)\s+")


@dataclass(frozen=True)
class Header:
    """A header cut from the start of the text: its span and the date it holds."""

    start: int
    end: int
    date: str


def date_header(text: str) -> Header | None:
    """The ``date YYYY-MM-DD`` export header at the start of a line (the first one found).

    Not only on the very first line: once cleaning removed a cookie banner or a "Share
    this article" line above it, the header would open the text, and cleaning twice must
    give the same result (found by the fuzzer).

    >>> date_header(" date 2025-06-17 In recent weeks, ...")
    Header(start=1, end=17, date='2025-06-17')
    """
    m = _DATE_HEADER.search(text)
    if not m:
        return None
    start = m.start() + len(m.group()) - len(m.group().lstrip())
    return Header(start=start, end=m.end(), date=m.group(1))


def title_of(blocks: tuple[Block, ...]) -> str | None:
    """The first block when it reads like a headline (short, no sentence ending)."""
    if not blocks:
        return None
    first = blocks[0]
    if first.kind != "line":
        return None
    words = first.text.split()
    if 0 < len(words) <= TITLE_MAX_WORDS and not _SENTENCE_END.search(first.text):
        return strip_site_name(" ".join(words))
    return None


def strip_site_name(title: str) -> str:
    """The headline of a page title, without the site and section names after it.

    >>> strip_site_name("Hong Kong chaos: China deploys troops | World | News | Express.co.uk")
    'Hong Kong chaos: China deploys troops'
    >>> strip_site_name("Home Depot Stock Falls After Earnings Report Disappoints - Barron's")
    'Home Depot Stock Falls After Earnings Report Disappoints'
    >>> strip_site_name("Spider-Man - a review")  # one word would be left: kept whole
    'Spider-Man - a review'
    """
    while True:
        separators = list(_SITE_SEPARATOR.finditer(title))
        if not separators:
            return title
        last = separators[-1]
        head, suffix = title[: last.start()], title[last.end():]
        if len(suffix.split()) > SITE_SUFFIX_MAX_WORDS or len(head.split()) < TITLE_MIN_WORDS:
            return title
        title = head
