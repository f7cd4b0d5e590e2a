"""Document metadata found in the text itself: a leading date header, the headline."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .model import Block

# Seeds 000 and 001 open with " date 2025-06-17 " before the story: an export header of
# the pipeline that produced them, not story text.
# Within one line: the header never reaches into the next line, so a second header on
# the next line still opens its line.
_H = r"[^\S\n\r\u2028\u2029\x0b\x0c\x85]"
_HEADER = (rf"(?:date|published|datum|fecha){_H}*[:=]?{_H}*"
           rf"(\d{{4}}-\d{{2}}-\d{{2}}(?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}})?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?)"
           rf"(?:{_H}+|(?=[\n\r\u2028\u2029\x0b\x0c\x85]|$))")
_DATE_HEADER = regex.compile(rf"(?:^|(?<=[\n\r\u2028\u2029\x0b\x0c\x85])){_H}*{_HEADER}", regex.I)
# The date every header holds (the same \d as _HEADER's), and the last line break before
# a position (searched backwards: the cost is the length of the line, not of the text).
_ISO_DATE = regex.compile(r"\d{4}-\d{2}-\d{2}")
_LAST_LINE_BREAK = regex.compile(r"[\n\r\u2028\u2029\x0b\x0c\x85]", regex.REVERSE)
# The same header, matched where rules have cut everything before it on its line.
_DATE_HEADER_INLINE = regex.compile(_HEADER, regex.I)
#: The reason of every metadata.date-header removal.
DATE_HEADER_REASON = "export header with the date, not story text"
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
    """The first ``date YYYY-MM-DD`` export header at the start of a line, or None.

    >>> date_header(" date 2025-06-17 In recent weeks, ...")
    Header(start=1, end=17, date='2025-06-17')
    """
    headers = date_headers(text)
    return headers[0] if headers else None


def date_headers(text: str) -> tuple[Header, ...]:
    """Every ``date YYYY-MM-DD`` export header at the start of a line, in text order.

    Not only on the very first line: once cleaning removed a cookie banner or a "Share
    this article" line above it, a header would open the text; and not only the first one:
    a second header left in place would be the first on the next pass, and cleaning twice
    must give the same result (both found by the fuzzer).

    >>> [h.date for h in date_headers(" date 2025-06-17 One.\\n date 2025-06-18 Two.")]
    ['2025-06-17', '2025-06-18']
    """
    out = []
    end = tried = -1
    # A header opens a line and holds its date on that line: it is tried only at the start
    # of a line with an ISO date on it (what finditer would find, without trying every
    # position of the text; a scan for the date is a fifteenth of a match per line).
    for date in _ISO_DATE.finditer(text):
        brk = _LAST_LINE_BREAK.search(text, 0, date.start())
        pos = brk.end() if brk else 0
        if pos == tried or pos < end:
            continue
        tried = pos
        m = _DATE_HEADER.match(text, pos)
        if m:
            start = m.start() + len(m.group()) - len(m.group().lstrip())
            out.append(Header(start=start, end=m.end(), date=m.group(1)))
            end = m.end()
    return tuple(out)


def leading_date_header(text: str, pos: int = 0) -> tuple[int, int] | None:
    """The span of a date header that opens `text[pos:]` (after spaces), or None.

    For text that opens a line only once rules cut what came before it on the line
    ("Subscribe to our newsletter. date 2025-06-17 In recent weeks ..."): the next pass
    would find the header at the start of the line, so this pass cuts it too.

    >>> leading_date_header("Subscribe now. date 2025-06-17 In recent weeks", 14)
    (15, 31)
    """
    m = _DATE_HEADER_INLINE.match(text, pos + len(text[pos:]) - len(text[pos:].lstrip()))
    return (m.start(), m.end()) if m else None


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
