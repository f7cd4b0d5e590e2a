"""The one langdetect adapter: seeded, skips short text, one call per document."""

from __future__ import annotations

import functools
from collections.abc import Sequence

import regex

#: Below this many letters langdetect guesses (it was wrong on most single
#: headlines we tried); the document language is then left unknown.
MIN_LETTERS = 40
#: langdetect reads at most this many characters; more costs time and changes nothing
#: on article text (the answer was stable from ~300 letters on the seeds and bench pages).
SAMPLE_CHARS = 1500
_LETTERS = regex.compile(r"\p{L}")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")


@functools.lru_cache(maxsize=1)
def _factory():  # type: ignore[no-untyped-def]
    """Load langdetect's profiles once per process (read-only data, not document state)."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    return factory


def detect(sample: str) -> str | None:
    """The ISO 639-1 code of `sample`, or None when it is too short to tell.

    >>> detect("Der Bundestag hat am Donnerstag ein neues Gesetz beschlossen, das die Mieten begrenzt.")
    'de'
    """
    if len(_LETTERS.findall(sample[:SAMPLE_CHARS])) < MIN_LETTERS:
        return None
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.seed = 0  # langdetect samples n-grams at random: a fixed seed makes it repeatable
    detector.set_max_text_length(SAMPLE_CHARS)
    detector.append(sample[:SAMPLE_CHARS])
    try:
        code = detector.detect()
    except LangDetectException:
        return None
    if code == "unknown":
        return None
    return code.split("-")[0]  # zh-cn / zh-tw -> zh


def sample_prose(texts: Sequence[str], limit: int = SAMPLE_CHARS) -> str:
    """The longest blocks, in document order, up to `limit` characters: the likeliest prose."""
    order = sorted(range(len(texts)), key=lambda i: (-len(texts[i]), i))
    chosen, total = [], 0
    for i in order:
        if total >= limit:
            break
        chosen.append(i)
        total += len(texts[i])
    return "\n".join(texts[i] for i in sorted(chosen))[:limit]


def is_cjk(text: str) -> bool:
    """Whether most letters of `text` are Chinese, Japanese or Korean characters."""
    letters = len(_LETTERS.findall(text))
    return letters > 0 and len(_CJK.findall(text)) * 2 > letters
