"""The one langdetect adapter: seeded, skips short text, one call per document."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import chain
from operator import add

import numpy as np
import regex

#: Below this many letters langdetect guesses (it was wrong on most single
#: headlines we tried); the document language is then left unknown.
MIN_LETTERS = 40
#: langdetect reads at most this many characters; more costs time and changes nothing
#: on article text (the answer was stable from ~300 letters on the seeds and bench pages).
SAMPLE_CHARS = 1500
# Letters are counted as what is left once the runs of non-letters are deleted: the
# same count as findall(r"\p{L}") without a list of one-character strings (3-4x faster).
_NON_LETTERS = regex.compile(r"\P{L}+")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")


@functools.lru_cache(maxsize=1)
def _factory():  # type: ignore[no-untyped-def]
    """Load langdetect's profiles once per process (read-only data, not document state).

    The profiles hold one list of probabilities per n-gram (~88,000 lists, three quarters
    of the objects a full garbage collection walked, until they were made tuples). They
    become one numpy matrix, the factory's `profile_rows`, and `word_lang_prob_map` maps
    each n-gram to its row: only this module's detection (below) reads them.
    """
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    grams = list(factory.word_lang_prob_map)
    factory.profile_rows = np.array([factory.word_lang_prob_map[w] for w in grams], dtype=float)
    factory.word_lang_prob_map = {w: row for row, w in enumerate(grams)}
    return factory


def detect(sample: str) -> str | None:
    """The ISO 639-1 code of `sample`, or None when it is too short to tell.

    A vote of the jusText stoplists answers first when it is clear (most article text:
    it costs a dictionary lookup per word); langdetect, seeded, decides the rest (close
    languages such as Spanish and Galician, scripts without stoplists).

    >>> detect("Der Bundestag hat am Donnerstag ein neues Gesetz beschlossen, das die Mieten begrenzt.")
    'de'
    """
    sample = sample[:SAMPLE_CHARS]
    if not _has_letters(sample, MIN_LETTERS):
        return None
    voted = stopword_vote(sample)
    if voted is not None:
        return voted
    return _langdetect(sample)


#: The stoplist vote answers when the winner has at least this many stopword hits ...
VOTE_MIN_HITS = 8
#: ... and at least this many times the hits of the runner-up. On the aeb and traf dev
#: pages the vote answered for 558 of 602 documents and agreed with langdetect on 555.
VOTE_MIN_RATIO = 1.5
_WORDS = regex.compile(r"[\p{L}\p{M}'’]+")
# _WORDS on lower-cased ASCII text, in plain re (its letters are a-z; about twice as fast).
_ASCII_WORDS = re.compile(r"[a-z']+")


@functools.lru_cache(maxsize=1)
def _stopword_index() -> dict[str, tuple[str, ...]]:
    """word -> the languages whose jusText stoplist has it (read-only, built once)."""
    from .features import JUSTEXT_NAMES, stopwords

    # jusText's lists come from Wikipedia and many hold English words ("the", "and" are
    # on the Finnish and Telugu lists): a word on the English list votes for English only.
    english = stopwords("en")
    index: dict[str, list[str]] = {}
    for code in sorted(JUSTEXT_NAMES):
        for word in stopwords(code):
            if code == "en" or word not in english:
                index.setdefault(word, []).append(code)
    return {w: tuple(c) for w, c in index.items()}


@functools.lru_cache(maxsize=1)
def _stopword_matrix() -> tuple[dict[str, int], tuple[str, ...], np.ndarray]:
    """_stopword_index as a matrix (read-only, built once): word -> row, the language
    codes of the columns, and a 0/1 row per word for the languages whose list has it."""
    index = _stopword_index()
    codes = tuple(sorted({c for cs in index.values() for c in cs}))
    column = {c: j for j, c in enumerate(codes)}
    lists = np.zeros((len(index), len(codes)), dtype=np.uint8)
    for row, langs in enumerate(index.values()):
        lists[row, [column[c] for c in langs]] = 1
    return {w: row for row, w in enumerate(index)}, codes, lists


def stopword_vote(sample: str) -> str | None:
    """The language whose stoplist covers `sample` best, when the vote is clear."""
    if is_cjk(sample):
        return None
    row_of, codes, lists = _stopword_matrix()
    # Each distinct word votes once with its count (the ranking below does not depend on
    # the order the languages were met in): the counts times the words' rows of the
    # stoplist matrix, whole numbers, for a loop over each word's languages in Python
    # (half of a vote).
    low = sample.lower()
    counts = Counter(_ASCII_WORDS.findall(low) if low.isascii() else _words(low))
    words = [w for w in counts if w in row_of]
    if not words:
        return None
    votes = np.array([counts[w] for w in words]) @ lists[[row_of[w] for w in words]]
    hits = {code: k for code, k in zip(codes, votes.tolist()) if k}
    ranked = sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))
    best, best_hits = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if best_hits >= VOTE_MIN_HITS and best_hits >= VOTE_MIN_RATIO * second:
        return best
    return None


def _words(text: str) -> list[str]:
    """_WORDS.findall(text), by the standard library's re (two thirds of a stoplist vote
    was that findall): a run of the characters that are not ASCII non-word characters nor
    one of the non-word characters of `text` (which the regex module judges, once per
    character). The pattern is compiled once per such set of characters (a few quotes and
    dashes on most pages).
    """
    wide = set(non_ascii_chars(text.encode("utf-8", "surrogatepass")))
    return _not_among("".join(sorted(ch for ch in wide if not _word_char(ch)))).findall(text)


# The ASCII characters _WORDS does not take.
_ASCII_NON_WORD = "".join(chr(c) for c in range(128) if _WORDS.fullmatch(chr(c)) is None)


@functools.lru_cache(maxsize=8192)
def _word_char(ch: str) -> bool:
    return _WORDS.fullmatch(ch) is not None


@functools.lru_cache(maxsize=256)
def _not_among(others: str) -> re.Pattern[str]:
    """A pattern of runs of characters other than _ASCII_NON_WORD and `others`."""
    return re.compile("[^" + re.escape(_ASCII_NON_WORD + others) + "]+")


def _langdetect(sample: str) -> str | None:
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.seed = 0  # langdetect samples n-grams at random: a fixed seed makes it repeatable
    detector.set_max_text_length(SAMPLE_CHARS)
    try:
        # langdetect's detect(), with its per-character loops done as below (same answer).
        detector.text = _appended(sample[:SAMPLE_CHARS], SAMPLE_CHARS)
        detector.langprob = _probabilities(detector)
        code = detector.detect()
    except LangDetectException:
        return None
    if code == "unknown":
        return None
    return code.split("-")[0]  # zh-cn / zh-tw -> zh


# langdetect 1.0.9 works a character at a time in Python (its append, cleaning_text and
# n-gram loop were ~70% of a detection, ~10 ms a page where the stoplist vote does not
# answer), and a language at a time in its trials. The functions below compute the same
# text, n-grams and probabilities: the per-character work by langdetect's own functions,
# once per distinct character; the same random draws, and the same float operations in
# the same order, on all languages at once in numpy (elementwise, so the same bits) and
# with Python's sum() where langdetect sums (tests/test_fast_paths.py compares them with
# langdetect's own methods).
_SPACE_RUN = re.compile(" {2,}")
_LATIN_RANGE = re.compile("[A-z]")  # langdetect's 'A' <= ch <= 'z', backtick and all
_BELOW_U0300 = re.compile("[\\x00-\\u02ff]+")


def _appended(text: str, max_length: int) -> str:
    """Detector.append(text) on a new detector: links and e-mails out, space runs of one."""
    from langdetect.detector import Detector
    from langdetect.utils.ngram import NGram

    text = Detector.MAIL_RE.sub(" ", Detector.URL_RE.sub(" ", text))
    return _SPACE_RUN.sub(" ", NGram.normalize_vi(text)[:max_length])


def _cleaned(text: str) -> str:
    """Detector.cleaning_text: Latin letters out of text that is mostly in another script.

    langdetect counts a character from U+0300 on as non-Latin unless
    `unicode_block(ch) != 'Latin Extended Additional'` fails, which it never does: its
    unicode_block returns a block number, never that name (tests/test_fast_paths.py
    checks every code point). So the counts are of two character ranges, in C, where a
    loop over the distinct characters called unicode_block on each (a seventh of a
    detection on the Japanese aeb pages).
    """
    latin_count = len(_LATIN_RANGE.findall(text))
    non_latin_count = len(_BELOW_U0300.sub("", text))
    if latin_count * 2 < non_latin_count:
        return _LATIN_RANGE.sub("", text)
    return text


@functools.lru_cache(maxsize=8192)
def _normal(ch: str) -> str:
    """NGram.normalize(ch), kept across documents: it finds the character's Unicode block
    by a binary search in Python (a tenth of a detection on the Japanese aeb pages)."""
    from langdetect.utils.ngram import NGram

    return str(NGram.normalize(ch))


def _ngrams(text: str, known: Mapping[str, int]) -> list[int]:
    """Detector._extract_ngrams: the 1-3 grams of `text` in the profiles, in order, as
    their rows in the profile matrix (`known`: n-gram -> row).

    NGram.add_char starts over at every space (a run of spaces adds nothing), so the
    n-grams are those of each word of the normalised text on its own, read as " word "
    (with the closing space when one follows): found once per distinct word and copied
    for its repeats (a sample repeats most of its words)."""
    normal = {ord(ch): _normal(ch) for ch in set(text)}  # one character each
    normalised = text.translate(normal)
    pieces = normalised.split(" ")
    # The capitals of the normalised text as "U", other characters as "x" (spaces kept):
    # a word without two capitals in a row takes the fast path of _word_ngrams.
    upper = {ord(ch): "U" if ch.isupper() else "x" for ch in set(normalised) if ch != " "}
    runs = ["UU" in classes for classes in normalised.translate(upper).split(" ")]
    last = len(pieces) - 1
    memo: dict[tuple[str, bool], list[int]] = {}
    result: list[int] = []
    for k, word in enumerate(pieces):
        if not word:
            continue
        key = (word, k < last)
        rows = memo.get(key)
        if rows is None:
            padded = " " + word + " " if k < last else " " + word
            rows = memo[key] = _word_ngrams(padded, known) if runs[k] else _plain_ngrams(padded, known)
        result += rows
    return result


def _word_ngrams(padded: str, known: Mapping[str, int]) -> list[int]:
    """add_char's n-grams of one word from the space before it: `padded` is " word" or
    " word " (the grams are the last three characters; none while in a capitalised run)."""
    rows = []
    capital = False
    for p in range(1, len(padded)):
        ch = padded[p]
        if ch.isupper():
            if padded[p - 1].isupper():
                capital = True
        else:
            capital = False
        if capital:
            continue
        grams = padded[max(0, p - 2) : p + 1]
        for n in (1, 2, 3):
            if len(grams) < n:
                break
            w = grams[-n:]
            if w != " " and w in known:
                rows.append(known[w])
    return rows


def _plain_ngrams(padded: str, known: Mapping[str, int]) -> list[int]:
    """_word_ngrams of a word without two capitals in a row (no gram is skipped): the
    1-, 2- and 3-gram ending at each character after the space, found by slicing in C
    where _word_ngrams loops over the characters in Python (half of a detection on the
    Japanese aeb pages, whose "words" run to hundreds of characters). langdetect's
    profiles hold no " " (tests/test_fast_paths.py), so the closing space's 1-gram needs
    no test of its own.
    """
    twos = list(map(add, padded, padded[1:]))  # twos[k] == padded[k:k + 2]
    threes = list(map(add, twos, padded[2:]))  # threes[k] == padded[k:k + 3]
    # At p = 1 (after the space) a 1-gram and a 2-gram; from p = 2 on all three.
    grams = [padded[1], twos[0], *chain.from_iterable(zip(padded[2:], twos[1:], threes))]
    return [row for row in map(known.get, grams) if row is not None]


def _probabilities(detector):  # type: ignore[no-untyped-def]
    """Detector._detect_block's language probabilities, for the detector's text."""
    from langdetect.lang_detect_exception import ErrorCode, LangDetectException

    text = _cleaned(detector.text)
    detector.text = text
    rows = _ngrams(text, detector.word_lang_prob_map)
    if not rows:
        raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
    profiles = _factory().profile_rows
    n_langs = len(detector.langlist)
    langprob = np.zeros(n_langs)
    rand = detector.random
    rand.seed(detector.seed)
    for _ in range(detector.n_trial):
        prob = np.array(detector.prior_map if detector.prior_map is not None else [1.0 / n_langs] * n_langs)
        alpha = detector.alpha + rand.gauss(0.0, 1.0) * detector.ALPHA_WIDTH
        weight = alpha / detector.BASE_FREQ
        i = 0
        while True:
            # langdetect multiplies by one n-gram's row per step and tests for convergence
            # at every fifth (i % 5 == 0: after the first, then after each five). The steps
            # up to the next test are taken at once: the draws as many choice() calls, the
            # products in their order by multiply.reduce down the rows (prob * f0 is f0 *
            # prob, bit for bit). A fifth of the numpy calls.
            step = 1 if i == 0 else 5
            factors = weight + profiles[[rand.choice(rows) for _ in range(step)]]
            factors[0] *= prob
            prob = np.multiply.reduce(factors, axis=0)
            i += step - 1
            prob = prob / sum(prob.tolist())
            # langdetect's loop gives a maximum of 0.0 for a NaN vector where numpy
            # gives NaN: both fail the test, so the loop goes on the same way.
            if prob.max() > detector.CONV_THRESHOLD or i >= detector.ITERATION_LIMIT:
                break
            i += 1
        langprob += prob / detector.n_trial
    return langprob.tolist()


def sample_prose(texts: Sequence[str], limit: int = SAMPLE_CHARS) -> str:
    """The longest blocks, in document order, up to `limit` characters: the likeliest prose."""
    # Longest first, and of equal lengths the earlier first: sorted() is stable, reversed too.
    order = sorted(range(len(texts)), key=[len(t) for t in texts].__getitem__, reverse=True)
    chosen, total = [], 0
    for i in order:
        if total >= limit:
            break
        chosen.append(i)
        total += len(texts[i])
    return "\n".join(texts[i] for i in sorted(chosen))[:limit]


def letter_count(text: str) -> int:
    """The letters (Unicode category L) in `text`.

    >>> letter_count("Ça va? 中文 42")
    6
    """
    return len(_NON_LETTERS.sub("", text))


# For the counts below: the bytes that are not ASCII letters (every byte of a multi-byte
# UTF-8 character among them), and the ASCII bytes.
_NOT_ASCII_LETTER_BYTES = bytes(c for c in range(256) if not (c < 128 and chr(c).isalpha()))
_ASCII_BYTES = bytes(range(128))


def non_ascii_chars(raw: bytes) -> str:
    """The non-ASCII characters of a text, from its UTF-8 bytes (a multi-byte character
    has no byte below 0x80): three C calls where a findall of [^\x00-\x7f]+ reads the
    text character by character. Also features.block_features'.

    >>> non_ascii_chars("Ça coûte 3 €".encode())
    'Çû€'
    """
    return raw.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")


def _has_letters(text: str, k: int) -> bool:
    """letter_count(text) >= k, with the ASCII letters counted in bytes (C speed) and the
    regex run on the non-ASCII characters alone, when those letters are not enough yet:
    the regex over the whole sample was a third of a stoplist vote."""
    raw = text.encode("utf-8", "surrogatepass")
    ascii_letters = len(raw.translate(None, _NOT_ASCII_LETTER_BYTES))  # \p{L} in ASCII: A-Z, a-z
    return ascii_letters >= k or ascii_letters + letter_count(non_ascii_chars(raw)) >= k


def is_cjk(text: str) -> bool:
    """Whether most letters of `text` are Chinese, Japanese or Korean characters."""
    if text.isascii():
        return False
    # The letters are counted only when there is a CJK character (rarely), looked for
    # among the non-ASCII characters alone: a few quotes and accents in most samples,
    # where the search read the whole sample (a sixth of a stoplist vote).
    if _CJK.search(non_ascii_chars(text.encode("utf-8", "surrogatepass"))) is None:
        return False
    cjk = len(_CJK.findall(text))
    letters = letter_count(text)
    return letters > 0 and cjk * 2 > letters
