"""Per-block measurements that survive without HTML. Pure functions of blocks + language."""

from __future__ import annotations

import functools
import math
import operator
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import numpy as np
import regex

from .lang import non_ascii_chars
from .model import Block

# jusText's stoplists are maintained, cover 100 languages and ship with trafilatura's
# dependency tree; the names below map ISO codes to its file names.
JUSTEXT_NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech",
    "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek", "en": "English",
    "es": "Spanish", "et": "Estonian", "eu": "Basque", "fa": "Persian", "fi": "Finnish",
    "fr": "French", "ga": "Irish", "gl": "Galician", "he": "Hebrew", "hi": "Hindi",
    "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "is": "Icelandic",
    "it": "Italian", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian",
    "ms": "Malay", "nl": "Dutch", "no": "Norwegian_Bokmal", "pl": "Polish", "pt": "Portuguese",
    "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sq": "Albanian",
    "sr": "Serbian", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil", "te": "Telugu",
    "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese",
}
# jusText has no Chinese or Japanese list. These are the function characters of the
# stopwords-iso Chinese list that are a single character (particles, pronouns,
# prepositions); counted per character because such text has no spaces between words.
_CJK_STOP_CHARS = frozenset(
    "的了是在我有和就不人都一也很到说要去你会着没看好自己这那他她它们个上来为以对与及其而之于被把给从"
)

_TOKEN = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]|[\p{L}\p{M}\p{N}'’_-]+")
_CJK_CHAR = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
# The first code point _CJK_CHAR takes (U+2E80, the CJK radicals; checked over every code
# point in tests/test_fast_paths.py): a block whose non-ASCII characters are all below it
# (accents, curly quotes, dashes: most of them) has no CJK character, without the regex.
_FIRST_CJK = "\u2e80"
# URLs, e-mail addresses, @handles, #tags and bare domains; written without leading \S+
# so that the scan does not try a long match at every position of a paragraph.
_URLISH = regex.compile(r"https?://|www\.|\w@\w|(?<!\w)[@#]\w|\w\.(?:com|org|net|de|fr|co\.uk|io)\b", regex.I)
# The same pattern in plain `re` for an ASCII block (\w is [A-Za-z0-9_] there in both, and
# the case folding of ASCII letters the same): a fifth of the time of the regex module's
# findall on the aeb pages' link blocks (tests/test_fast_paths.py).
_URLISH_ASCII = re.compile(_URLISH.pattern, re.I | re.A)
_PUNCT = ".,;:!?\"'()[]{}«»“”‘’„-–—…"
_NON_LETTER = regex.compile(r"\P{L}+")
_END_PUNCT = regex.compile(r"[.!?…:;。！？\"”’»)]\s*$")
_SENT_PUNCT = regex.compile(r"[.!?。！？](?:\s|$)")
# One byte per ASCII character for the counts of an ASCII block (bytes.count, C speed):
# capitals "A", small letters "a", digits "0", sentence marks ".", the spaces of
# _SENT_PUNCT's \s " ", the other characters str.split takes for spaces (\x1c-\x1f) "_",
# anything else "x". A word of str.split begins after a " " or "_" (the block is read with
# a space in front), and ". " or a final "." is one match of _SENT_PUNCT (". " cannot
# overlap itself).
_ASCII_CLASSES = bytes(
    ord("A") if chr(c).isupper() else ord("a") if chr(c).isalpha() else ord("0") if chr(c) in "0123456789"
    else ord(".") if chr(c) in ".!?" else ord(" ") if chr(c) in "\t\n\x0b\x0c\r "
    else ord("_") if chr(c).isspace() else ord("x")
    for c in range(256)
)
_SEPARATOR_CHARS = "|•·›»/–"
# Every match of _URLISH contains one of these (lower-cased).
_LINK_LITERALS = ("@", "#", "http", "www.", ".com", ".org", ".net", ".de", ".fr", ".co.uk", ".io")
_SEPARATORS = regex.compile(r"\s[|•·›»/–]\s|\s[|•·›»]$|^[|•·›»]\s")
# Capitals are counted as what is left once the runs of other characters are deleted:
# the count of a findall of \p{Lu} without a list of one-character strings.
_NOT_UPPER = regex.compile(r"\P{Lu}+")
# The characters of Latin-1 and Latin Extended, and of the punctuation and symbol blocks
# (U+2000-U+2BFF), that are no letter (\P{L}, so no capital either: \P{Lu} takes them
# too), by the regex module itself: curly quotes, dashes, (c), the euro sign. The
# non-ASCII characters of most non-ASCII blocks of the aeb pages (14 of 20 a page) are
# only such: they hold no letter and no capital without the two regex calls. A set made
# by one substitution at import (~1 ms).
_WIDE_NON_LETTERS = frozenset(
    regex.sub(r"\p{L}+", "", "".join(map(chr, [*range(0x80, 0x300), *range(0x2000, 0x2C00)])))
)


@functools.lru_cache(maxsize=64)
def stopwords(language: str | None) -> frozenset[str]:
    """The jusText stoplist of a language (lower case); English when unknown."""
    import justext

    name = JUSTEXT_NAMES.get(language or "en", "English")
    try:
        return frozenset(w.lower() for w in justext.get_stoplist(name))
    except (ValueError, OSError):
        return frozenset(w.lower() for w in justext.get_stoplist("English"))


class Features(NamedTuple):
    """Measurements of one block. Counts are of words (a CJK character is a word).

    A NamedTuple rather than a frozen dataclass: a page has hundreds of blocks and a
    frozen dataclass pays a setattr per field on construction (a third of this stage).
    """

    words: int
    chars: int
    stop_density: float  # share of words on the language's stoplist
    ends_sentence: bool  # ends with sentence punctuation or a closing quote
    sentences: int  # sentence-ending punctuation marks inside the block
    title_case: float  # share of alphabetic words that start with a capital
    upper: float  # share of letters that are capitals
    digits: float  # share of characters that are digits
    urls: int  # URLs, e-mails, @handles, #tags, bare domains
    separators: int  # menu separators: " | ", " › ", " » "...
    repeats: int  # how many other blocks of the document have the same text
    position: float  # block index / number of blocks
    commas: int
    ends_colon: bool  # a label or section header ("Related coverage:", "Tags:")
    shape_repeats: int  # other short blocks of the document with the same shape
    datelike: bool  # mostly a date or time ("November 19, 2019 at 6:34 am")
    bullet: bool  # starts like a list item ("- ", "• ", "1. ")
    paren_number: bool  # ends in a count such as "(185)": comment counts, link lists
    terms: frozenset[str] = frozenset()  # content words (lower case, no stopwords)


# A word's first character (a C call in map).
_FIRST_CHAR = operator.itemgetter(0)
# Builds a Features from its values in field order (see block_features).
_new = tuple.__new__
_POSITION = Features._fields.index("position")


def block_features(blocks: Sequence[Block], language: str | None,
                   lowered: Sequence[str] | None = None) -> tuple[Features, ...]:
    """Measure every block of a document.

    The literal prefilters run once over the whole document (`blocks_holding`), so the
    costly regexes only see the few blocks where they can match. `lowered`: the blocks'
    texts in lower case, when the caller has them (the engine lowers them once for this
    stage and the rule keywords).
    """
    stops = stopwords(language)
    # Every measure but the position is a function of the block's text (counts and shapes
    # are of the whole document): each distinct text is measured once, and a text met
    # again (a fifth of the blocks on the aeb pages: "Share", menus, credits) copies the
    # first measures with its own position. The lists below are per distinct text.
    texts = [b.text for b in blocks]
    times = Counter(texts)
    slot = {t: j for j, t in enumerate(times)}  # first-met order
    distinct = list(slot)
    if lowered is None:
        lowered = [t.lower() for t in distinct]
    else:  # each distinct text's (a copy's is the same), in first-met order as `slot`
        lowered = list(dict(zip(texts, lowered)).values())
    low_words = [low.split() for low in lowered]  # for the repeat key and the stopwords
    norms = [" ".join(words) for words in low_words]
    stripped_words = [[t.strip(_PUNCT) for t in words] for words in low_words]
    # The document's content words, judged once per distinct word: a block's terms are
    # its words among them (a set intersection instead of a test of every word).
    vocabulary = set().union(*stripped_words)
    content = frozenset(t for t in vocabulary.difference(stops) if len(t) >= MIN_TERM_CHARS and t[0].isalpha())
    counts: Counter[str] = Counter()
    shape_counts: Counter[str] = Counter()
    shapes = short_shapes(distinct)
    for norm, sh, k in zip(norms, shapes, times.values()):
        counts[norm] += k
        if sh:
            shape_counts[sh] += k
    may_link = blocks_holding(lowered, _LINK_LITERALS)
    may_separate = blocks_holding(lowered, _SEPARATOR_CHARS)
    ascii_slots = [j for j, t in enumerate(distinct) if t.isascii()]
    tally = dict(zip(ascii_slots, ascii_counts([distinct[j] for j in ascii_slots])))
    n = max(len(blocks), 1)
    out: list[Features] = []
    first: dict[str, Features] = {}
    for b, text in zip(blocks, texts):
        seen = first.get(text)
        if seen is not None:
            out.append(_new(Features, (*seen[:_POSITION], b.index / n, *seen[_POSITION + 1:])))
            continue
        i = slot[text]
        sh = shapes[i]
        ascii_only = text.isascii()
        if ascii_only:
            cjk = 0
            caps, alpha, uppers, letters, digits, sentences = tally[i]
        else:
            # The non-ASCII characters alone (a few quotes and accents in most blocks): the
            # Unicode regexes read only these, the ASCII part is counted in C below. They
            # are the UTF-8 bytes of 0x80 and above, decoded: a multi-byte character has no
            # byte below 0x80. Three C calls where a findall of [^\x00-\x7f]+ scanned the
            # text character by character (the non-ASCII blocks of the aeb pages are mostly
            # paragraphs with a curly quote). With sentence_marks and the batched shapes:
            # this stage 14.33M -> 13.46M instructions per aeb page (cachegrind).
            raw = text.encode("utf-8", "surrogatepass")
            wide = non_ascii_chars(raw)
            cjk = len(_CJK_CHAR.findall(wide)) if max(wide) >= _FIRST_CJK else 0
        # An ASCII block's words are only counted (its capitals are counted in bytes), and
        # lower() moves no ASCII space: its lower-cased words, split already, are as many.
        tokens = _TOKEN.findall(text) if cjk else low_words[i] if ascii_only else text.split()
        words = len(tokens)
        if cjk * 2 > words:
            stop_hits = sum(1 for t in tokens if t in _CJK_STOP_CHARS)
            alpha = caps = 0
            terms = frozenset(t for t in tokens if t not in _CJK_STOP_CHARS and _CJK_CHAR.match(t))
        else:
            stripped = stripped_words[i]
            stop_hits = sum(map(stops.__contains__, stripped))
            if not ascii_only:
                # The words' first characters as one string (C calls): its ASCII capitals
                # and small letters counted as bytes "A" and "a" of _UTF8_CLASSES, its few
                # non-ASCII characters ("“", "É") tested one by one, where each word's
                # first character was sliced and tested in a Python loop (block_features
                # 12.16M -> 12.09M instructions an aeb page, cachegrind).
                heads = "".join(map(_FIRST_CHAR, tokens)).encode("utf-8", "surrogatepass")
                kinds = heads.translate(_UTF8_CLASSES)
                wide_firsts = [c for c in non_ascii_chars(heads) if c.isalpha()]
                caps = kinds.count(b"A")
                alpha = caps + kinds.count(b"a") + len(wide_firsts)
                caps += sum(map(str.isupper, wide_firsts))
            terms = content.intersection(stripped)
        if not ascii_only:
            # Until the fourth session this counted the NON-letters of a non-ASCII block
            # (so `upper` there was capitals per non-letter) and the weights were fitted
            # with it. Corrected and refitted: dev text F1 aeb 0.9172 -> 0.9177, traf
            # 0.8928 -> 0.8935, glued 0.8560 -> 0.8560; grouped out-of-fold (cv_gap.py)
            # aeb -0.0006, traf +0.0008, glued -0.0001, i.e. no loss for the right count.
            # The ASCII capitals, small letters and digits as bytes "A", "a", "0" of one
            # translate (its table without deletions: every byte >= 0x80 an "x"), counted
            # in C, where three deleting translates built their table a call each.
            classes = raw.translate(_UTF8_CLASSES)
            uppers = classes.count(b"A")
            letters = uppers + classes.count(b"a")
            if not _WIDE_NON_LETTERS.issuperset(wide):  # else no letter among them (most blocks)
                letters += len(_NON_LETTER.sub("", wide))
                uppers += len(_NOT_UPPER.sub("", wide))
            digits = classes.count(b"0")
            sentences = sentence_marks(text, raw, wide, classes)
        # Positional, in field order: a NamedTuple built from keywords costs twice as much.
        out.append(_new(Features, (
            words,  # words
            len(text),  # chars
            stop_hits / words if words else 0.0,  # stop_density
            ends_sentence(text),  # ends_sentence
            sentences,  # sentences
            caps / alpha if alpha else 0.0,  # title_case
            uppers / letters if letters > 0 else 0.0,  # upper
            digits / max(len(text), 1),  # digits
            len((_URLISH_ASCII if ascii_only else _URLISH).findall(text)) if i in may_link else 0,  # urls
            len(_SEPARATORS.findall(text)) if i in may_separate else 0,  # separators
            counts[norms[i]] - 1,  # repeats
            b.index / n,  # position
            text.count(",") + (0 if ascii_only else text.count("，") + text.count("、")),  # commas
            text.endswith((":", "：")),  # ends_colon
            shape_counts[sh] - 1 if sh else 0,  # shape_repeats
            # datelike: every date pattern holds a \d, so an ASCII line without 0-9 is done
            # by the count (digits counts ASCII digits only; "１２:３０" needs the regex).
            words <= DATELIKE_MAX_WORDS and (digits > 0 or not ascii_only) and bool(_DATELIKE.search(text)),
            (not text[:1].isascii() or text[:1] in _BULLET_ASCII) and bool(_BULLET.match(text)),  # bullet
            text.endswith(")") and _paren_number(text),  # paren_number
            terms,  # terms
        )))
        first[text] = out[-1]
    return tuple(out)


def ascii_counts(texts: Sequence[str]) -> list[tuple[int, int, int, int, int, int]]:
    """Per ASCII text: (capitalised words, alphabetic words, capitals, letters, digits,
    matches of _SENT_PUNCT), counted for all the texts at once.

    The texts are joined by newlines behind a space and read in the classes of
    _ASCII_CLASSES, one byte per character: a word of str.split begins after a " " or
    "_", and a sentence mark before a " " (a space or the newline after its text: the
    text's last character). numpy sums each class over each text's bytes: a dozen calls a
    document where the per-text byte counts made ten a text (half the cost on the aeb pages).

    >>> ascii_counts(["Home | News", "He left. It rained.", "In 2024"])
    [(2, 2, 2, 8, 0, 0), (2, 4, 2, 14, 0, 2), (1, 1, 1, 2, 4, 0)]
    """
    if not texts:
        return []
    joined = (" " + "\n".join(texts) + "\n").encode("ascii").translate(_ASCII_CLASSES)
    c = np.frombuffer(joined, dtype=np.uint8)
    # Text k's bytes, with the newline after it: c[starts[k]:starts[k + 1]] (to the end for
    # the last text). None of them is empty, as reduceat needs.
    lengths = np.fromiter(map(len, texts), dtype=np.intp, count=len(texts))
    starts = np.concatenate(([1], 1 + np.cumsum(lengths[:-1] + 1)))
    upper, lower = c == 65, c == 97  # "A", "a"
    after_space = np.concatenate(([False], (c[:-1] == 32) | (c[:-1] == 95)))  # " ", "_"
    marks = np.concatenate(((c[:-1] == 46) & (c[1:] == 32), [False]))  # ". "
    table = np.stack((upper & after_space, (upper | lower) & after_space, upper, upper | lower, c == 48, marks))
    sums = np.add.reduceat(table, starts, axis=1, dtype=np.intp)
    return list(zip(*sums.tolist()))


# The ASCII characters _END_PUNCT's \s takes.
_ASCII_SPACE = " \t\n\x0b\x0c\r"


# _END_PUNCT's marks, and every character its \s takes (the ASCII ones and the regex
# module's non-ASCII ones: _WIDE_SENT_CHARS but the CJK marks; tests/test_fast_paths.py
# checks both sets on every code point).
_END_CHARS = frozenset(".!?…:;。！？\"”’»)")
_END_SPACES = frozenset(_ASCII_SPACE) | frozenset("\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                                               "\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


def ends_sentence(text: str) -> bool:
    """Whether a block ends with sentence punctuation or a closing quote (_END_PUNCT).

    A match of _END_PUNCT ends at the end of the text (or before a final newline, a
    space too): a text whose last character is one of its marks matches, one whose last
    character is neither a mark nor one of its spaces cannot. So a curly quote or an
    ellipsis is decided too, where the search scanned such a paragraph from its start
    (block_features 12.21M -> 12.09M instructions an aeb page, cachegrind); only
    trailing whitespace goes to the regex.

    >>> ends_sentence("He left."), ends_sentence("Home"), ends_sentence("“Yes”")
    (True, False, True)
    """
    last = text[-1:]
    if last in _END_CHARS:
        return True
    if last not in _END_SPACES:  # ("" too: no match in an empty text)
        return False
    return bool(_END_PUNCT.search(text))


# The UTF-8 bytes of a non-ASCII block in the classes of _ASCII_CLASSES, every byte of a
# multi-byte character an "x".
_UTF8_CLASSES = _ASCII_CLASSES[:128] + b"x" * 128
# The non-ASCII characters that can take part in a match of _SENT_PUNCT: the CJK sentence
# marks and the regex module's non-ASCII \s (tests/test_fast_paths.py checks every code point).
_WIDE_SENT_CHARS = frozenset(
    "。！？\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)


def sentence_marks(text: str, raw: bytes, wide: str, classes: bytes | None = None) -> int:
    """len(_SENT_PUNCT.findall(text)) for a non-ASCII block: its UTF-8 bytes `raw` and its
    non-ASCII characters `wide` (`classes`: raw.translate(_UTF8_CLASSES), when the caller
    has it).

    Without a CJK sentence mark or a non-ASCII space (most blocks: curly quotes, dashes,
    accents), a match is an ASCII mark before an ASCII space or at the end, counted in
    bytes as for an ASCII block (a tenth of the cost of the findall on the aeb pages).
    """
    if _WIDE_SENT_CHARS.isdisjoint(wide):
        if classes is None:
            classes = raw.translate(_UTF8_CLASSES)
        return classes.count(b". ") + classes.endswith(b".")
    return len(_SENT_PUNCT.findall(text))


def blocks_holding(lowered: Sequence[str], needles: Iterable[str]) -> set[int]:
    """Indices of the (lower-cased) blocks that contain one of `needles`.

    One str.find scan of the whole document per needle (C speed) instead of a test of
    every block against every needle.

    >>> sorted(blocks_holding(["a | b", "plain", "x.com"], ["|", ".com"]))
    [0, 2]
    """
    doc = "\n".join(lowered)
    starts, pos = [], 0
    for low in lowered:
        starts.append(pos)
        pos += len(low) + 1
    found: set[int] = set()
    for needle in needles:
        at = doc.find(needle)
        while at != -1:
            block = bisect_right(starts, at) - 1
            found.add(block)
            at = doc.find(needle, starts[block + 1] if block + 1 < len(starts) else len(doc))
    return found


#: Content words shorter than this are ignored for topic overlap (abbreviations, numbers).
MIN_TERM_CHARS = 3
#: Blocks longer than this get no shape: prose never repeats a shape, and it is costly.
SHAPE_MAX_CHARS = 120
#: A date line holds few words besides the date itself.
DATELIKE_MAX_WORDS = 12
_SHAPE_WORD = regex.compile(r"\p{Lu}[\p{L}\p{M}'’]*|[\p{Ll}\p{Lo}\p{M}'’]+|\d+")
_DATELIKE = regex.compile(
    r"\b(?:\d{1,2}[:.]\d{2}\s*(?:am|pm|uhr|h)?|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d{1,2}|\d{1,2}\.?\s+(?:jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz])\w*)",
    regex.I,
)
_BULLET = regex.compile(r"^(?:[-–—•·*▪►✓]\s|\d{1,2}[.)]\s)")
# The ASCII characters a bullet can start with: a line opening with any other ASCII
# character (most lines: a letter) needs no regex.
_BULLET_ASCII = "-*0123456789"
_PAREN_NUMBER = regex.compile(r"\(\d+\)\s*$")


def _paren_number(text: str) -> bool:
    """_PAREN_NUMBER.search(text) for a text that ends with ")": its match is then the
    text's end, "(" digits ")" (no space can follow the ")"), so its "(" is the last
    one of the text (a digit is none), where the regex is tried alone instead of at every
    position of a caption or paragraph (tests/test_fast_paths.py)."""
    at = text.rfind("(")
    return at >= 0 and _PAREN_NUMBER.match(text, at) is not None


_ASCII_SHAPE_TABLE = str.maketrans(
    {
        **{chr(c): "A" for c in range(65, 91)},
        **{chr(c): "a" for c in range(97, 123)},
        **{str(d): "0" for d in range(10)},
    }
)
# After translation a capitalised word is "Aaaa", a lower-case word "aaa", a number "000";
# apostrophes stay inside words as in _SHAPE_WORD. Each kind of run is collapsed by its
# own substitution (plain `re`, a literal replacement: no Python callback per word). The
# three give what one scan of r"A[a'A]*|a[a']*|0+" would: a run of one kind never holds
# the first character of another, so each substitution finds the same runs as that scan.
_SHAPE_CAPITALISED = re.compile(r"A[a'A]*")
_SHAPE_LOWER = re.compile(r"a[a']*")
_SHAPE_NUMBER = re.compile(r"0+")


# _SHAPE_WORD's three alternatives, one substitution each with a literal replacement (no
# Python callback per word: the callback was half of short_shapes on the aeb pages). They
# give what one scan of _SHAPE_WORD gives: the alternatives begin with disjoint classes
# (\p{Lu}; \p{Ll}\p{Lo}\p{M}'’; \d), a capitalised run takes every character a lower-case
# run can hold (so it ends before any), no run holds a digit, and no replacement is
# taken by a later substitution ("A" is no lower-case letter, "A" and "a" no digit).
# (The callback read the run's first character with str.isupper/isdigit, whose Unicode
# database is older than the regex module's: for the 185 letters and digits added since,
# the shapes differ, as the two databases already did before.)
_WIDE_CAPITALISED = regex.compile(r"\p{Lu}[\p{L}\p{M}'’]*")
_WIDE_LOWER = regex.compile(r"[\p{Ll}\p{Lo}\p{M}'’]+")
_WIDE_NUMBER = regex.compile(r"\d+")


def shape(text: str) -> str:
    """The shape of a short line: capitalised words -> A, lower-case words -> a, numbers -> 0.

    >>> shape("November 19, 2019 at 6:34 am")
    'A 0, 0 a 0:0 a'
    """
    if text.isascii():
        # Classes first (one C-level translate), then collapse the runs.
        classes = text.translate(_ASCII_SHAPE_TABLE)
        return _SHAPE_NUMBER.sub("0", _SHAPE_LOWER.sub("a", _SHAPE_CAPITALISED.sub("A", classes)))
    return _wide_shape(text)


def _wide_shape(text: str) -> str:
    return _WIDE_NUMBER.sub("0", _WIDE_LOWER.sub("a", _WIDE_CAPITALISED.sub("A", text)))


def short_shapes(texts: Sequence[str]) -> list[str]:
    """The shape of every text of at most SHAPE_MAX_CHARS characters ("" for longer ones).

    The ASCII texts are shaped together, joined by newlines: a shape run never holds a
    newline, so the joined shape splits back into the shape of each text, for one
    translate and three substitutions per document instead of per line.

    >>> short_shapes(["Home | News", "Posted at 6:34 am", "x" * 200])
    ['A | A', 'A a 0:0 a', '']
    """
    out = [""] * len(texts)
    # The indices of the ASCII texts, and of the others (the non-ASCII texts, likewise
    # joined: no run of _WIDE_* holds a newline either).
    batch: list[int] = []
    wide: list[int] = []
    for i, t in enumerate(texts):
        if len(t) <= SHAPE_MAX_CHARS:
            if "\n" in t:
                out[i] = shape(t)
            else:
                (batch if t.isascii() else wide).append(i)
    if batch:
        joined = "\n".join([texts[i] for i in batch]).translate(_ASCII_SHAPE_TABLE)
        shaped = _SHAPE_NUMBER.sub("0", _SHAPE_LOWER.sub("a", _SHAPE_CAPITALISED.sub("A", joined)))
        for i, sh in zip(batch, shaped.split("\n")):
            out[i] = sh
    if wide:
        shaped = _wide_shape("\n".join([texts[i] for i in wide]))
        for i, sh in zip(wide, shaped.split("\n")):
            out[i] = sh
    return out


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def log_words(f: Features) -> float:
    return math.log1p(f.words)
