"""bytes / str / HTML -> the text the rules run on, plus page metadata.

The one place that decodes bytes and calls trafilatura.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import regex

from .config import Config
from .errors import InputError


@dataclass(frozen=True)
class Document:
    """The text the cleaner works on and what is known about it before cleaning."""

    text: str
    input_format: str = "text"  # "text" or "html"
    offsets: str = "input"  # removals index `text`: the input itself, or extracted text
    title: str | None = None
    date: str | None = None
    language: str | None = None
    url: str | None = None
    fallback: bool = False  # HTML path: trafilatura found too little, page text used
    #: The classifier's keep threshold for this document, when not the mode's own (the
    #: HTML path: trafilatura's text is already the story region, see html.py).
    keep_threshold: float | None = None


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = regex.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]{1,40})""", regex.I)
#: Share of control characters (other than tab/newline/CR/FF) above which input is binary.
BINARY_CONTROL_SHARE = 0.05


def decode(data: bytes) -> str:
    """Decode bytes: BOM first, then a declared HTML charset, then UTF-8, then detection.

    Never drops undecodable bytes silently: input that no encoding reads raises
    :class:`InputError`.
    """
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise InputError("input looks binary (NUL bytes), not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"input starts with a {encoding} byte-order mark but does not decode: {exc}") from None
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "replace")
        try:
            return data.decode(codecs.lookup(name).name)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall through to UTF-8 and detection
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("cannot tell the encoding of the input bytes")
    return str(best)


def check_text(text: str) -> None:
    """Raise InputError for text that is really binary data."""
    sample = text[:8192]
    if "\x00" in sample:
        raise InputError("input holds NUL characters: binary data, not text")
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if sample and controls / len(sample) > BINARY_CONTROL_SHARE:
        raise InputError("input is mostly control characters: binary data, not text")


_HTML_START = regex.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", regex.I | regex.S)
_HTML_TAG = regex.compile(r"</?(?:p|div|span|a|br|li|ul|table|td|tr|script|style|meta|link|h[1-6]|section|article|nav|header|footer)\b[^>]*>", regex.I)
#: Text is HTML when it opens like an HTML document, or when tags are this dense (per
#: 1,000 characters): a story that mentions "<p>" once stays text.
HTML_TAGS_PER_KCHAR = 5.0


def looks_like_html(text: str) -> bool:
    """Whether `text` is an HTML page or fragment rather than text mentioning a tag.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("Use the <p> tag for paragraphs, the tutorial says.")
    False
    """
    head = text[:2000]
    if _HTML_START.match(head):
        return True
    sample = text[:20000]
    if not sample:
        return False
    tags = len(_HTML_TAG.findall(sample))
    return tags >= 3 and tags * 1000 / len(sample) >= HTML_TAGS_PER_KCHAR


def read(data: str | bytes, config: Config, url: str | None = None) -> Document:
    """Turn user input into a Document; HTML goes through trafilatura."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        text = decode(bytes(data))
    elif isinstance(data, str):
        text = data
    else:
        raise InputError(f"expected str or bytes, got {type(data).__name__}")
    check_text(text)
    fmt = config.input_format
    if fmt == "html" or (fmt == "auto" and looks_like_html(text)):
        from .html import extract

        return extract(text, url=url)
    return Document(text=text, url=url)
