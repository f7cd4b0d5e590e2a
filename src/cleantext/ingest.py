"""bytes / str / HTML -> the text the rules run on, plus page metadata.

The one place that decodes bytes and calls trafilatura.
"""

from __future__ import annotations

import codecs
import dataclasses
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
    #: How much stronger than in a clean article the story-end evidence must be, when not
    #: the engine's own choice (the HTML path: see html.HTML_STORY_END_STRICTNESS).
    story_end_strictness: float | None = None
    #: What reading the input could not do cleanly (broken UTF-8 bytes replaced), for
    #: Result.warnings.
    warnings: tuple[str, ...] = ()


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = regex.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]{1,40})""", regex.I)
_XML_ENCODING = regex.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_\-:.]{1,40})["']""", regex.I)
#: Labels that browsers read as Windows-1252 (the WHATWG encoding standard): pages that
#: say Latin-1 use the curly quotes and dashes of 0x80-0x9F.
_WINDOWS_1252_LABELS = frozenset({"iso8859-1", "ascii", "cp1252"})
#: ... and GB2312 / GBK as GB18030, their superset.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030"}
#: Share of control characters (other than tab/newline/CR/FF) above which input is binary.
BINARY_CONTROL_SHARE = 0.05
#: ... when there are at least this many of them: a binary file holds dozens in its first
#: 8 KB, while a short cleaned text that kept one ("cookies\x01to") must clean again, not
#: be refused as binary (fuzz run 4).
BINARY_MIN_CONTROLS = 8
#: File signatures of binary formats people pipe in by mistake, named in the error.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"%PDF-", "a PDF document"),
    (b"\x7fELF", "an executable"),
    (b"BZh", None),  # bzip2: only with NUL/control bytes after it (checked below)
)


def declared_encoding(data: bytes) -> str | None:
    """The encoding an HTML or XML document declares in its first 4 KB, if Python knows it.

    >>> declared_encoding(b'<?xml version="1.0" encoding="ISO-8859-1"?><html/>')
    'cp1252'
    >>> declared_encoding(b'<meta charset="shift_jis">')
    'shift_jis'
    """
    head = data[:4096]
    m = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not m:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None
    return "cp1252" if name in _WINDOWS_1252_LABELS else _SUPERSETS.get(name, name)


def decode(data: bytes) -> str:
    """Decode bytes: BOM first, then the declared charset, then UTF-8, then detection.

    A declared single-byte charset loses to UTF-8 when the bytes hold valid multi-byte
    UTF-8 (a template that says ``iso-8859-1`` around UTF-8 text is common; the reverse
    almost never decodes). Never drops undecodable bytes silently: input that no encoding
    reads raises :class:`InputError`.

    >>> decode("Grüße aus Köln, sagte der Bürgermeister.".encode("cp1252"))
    'Grüße aus Köln, sagte der Bürgermeister.'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"input starts with a {encoding} byte-order mark but does not decode: {exc}") from None
    _check_binary(data)
    if b"\x00" in data[:4096]:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise InputError("input looks binary (NUL bytes), not text")
        return utf16
    declared = declared_encoding(data)
    if declared and declared not in ("utf-8", "utf-16", "utf-32"):
        if not (_single_byte(declared) and _is_utf8(data)):
            try:
                return data.decode(declared)
            except UnicodeDecodeError:
                pass  # a wrong declaration is common; fall through to UTF-8 and detection
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("cannot tell the encoding of the input bytes: not UTF-8, no charset declared, "
                         "and no known encoding reads them; decode them yourself and pass a str")
    return str(best)


#: UTF-8 with a few broken sequences (a page cut in the middle of a character, one stray
#: byte) is still UTF-8 when valid multi-byte characters outnumber the broken sequences by
#: this factor: detection would read the whole page as a single-byte charset and turn
#: every "ü" into "Ã¼" (issue 7). Each broken sequence becomes U+FFFD, never dropped.
UTF8_VALID_PER_BROKEN = 4
REPLACEMENT = "\ufffd"


def _mostly_utf8(data: bytes) -> str | None:
    """`data` read as UTF-8 with U+FFFD for broken sequences, if it is UTF-8 at heart.

    >>> _mostly_utf8("Grüße aus Köln über München".encode() + b"\\xff")[-4:] == "hen\\ufffd"
    True
    >>> _mostly_utf8("Grüße aus Köln".encode("cp1252")) is None
    True
    """
    text = data.decode("utf-8", "replace")
    broken = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = sum(1 for ch in text if ord(ch) > 0x7F) - text.count("\ufffd")
    return text if broken and valid >= UTF8_VALID_PER_BROKEN * broken else None


def _check_binary(data: bytes) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic) and (what or b"\x00" in data[:4096]):
            raise InputError(f"input is {what or 'compressed data'}, not text")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM: NULs on every other byte of mostly-ASCII text."""
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if len(zeros) >= 8 and zeros.count(0) >= 0.6 * len(zeros):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _single_byte(encoding: str) -> bool:
    return codecs.lookup(encoding).name.startswith(("cp", "iso8859", "latin", "mac", "koi8", "windows", "tis"))


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not data.isascii()


_CONTROL_CHARS = regex.compile(r"[\x01-\x08\x0e-\x1f]")
# The same characters as UTF-8 bytes (one byte each; no byte of a multi-byte character is
# below 0x80): counted by bytes.translate in C, where the findall read the text character
# by character in the regex module (~65 us an aeb page, timed).
_CONTROL_BYTES = bytes([*range(0x01, 0x09), *range(0x0E, 0x20)])


def check_text(text: str) -> None:
    """Raise InputError for text that is really binary data."""
    sample = text[:8192]
    if "\x00" in sample:
        raise InputError("input holds NUL characters: binary data, not text")
    raw = sample.encode("utf-8", "surrogatepass")
    controls = len(raw) - len(raw.translate(None, _CONTROL_BYTES))  # len(_CONTROL_CHARS.findall(sample))
    if controls >= BINARY_MIN_CONTROLS and controls / len(sample) > BINARY_CONTROL_SHARE:
        raise InputError("input is mostly control characters: binary data, not text")


_HTML_START = regex.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])",
    regex.I | regex.S,
)
_XML_DECLARATION = regex.compile(r"^\s*<\?xml[^>]*>", regex.I)
#: A doctype or <html> opening a line near the top, after a stray line of text (a scraper's
#: header): the cleaned output starts with it and would read as HTML (fuzz/fuzz_clean.py).
_HTML_LINE_START = regex.compile(r"(?:^|[\r\n\u2028\u2029\x85])[ \t]*(?:<!doctype\s+html|<html[\s>])", regex.I)
_HTML_TAG = regex.compile(
    r"</?(?:p|div|span|a|br|li|ul|table|td|tr|script|style|meta|link|h[1-6]|section|article|nav|header|footer)"
    r"\b[^>]*>",
    regex.I,
)
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
    if _HTML_START.match(head) or _HTML_LINE_START.search(head):
        return True
    sample = text[:20000]
    if not sample:
        return False
    tags = _HTML_TAG.findall(sample)
    # Markup closes what it opens and uses more than one tag; prose that quotes "<b>"
    # in every line of a tutorial does neither.
    closing = any(t.startswith("</") for t in tags)
    if not (len(tags) >= 3 and closing and len({t.lower() for t in tags}) >= 2):
        return False
    # A fragment that opens with an element is markup however long its paragraphs: by
    # density alone, its cleaned output (shorter, still tagged) would read as HTML on a
    # second pass when the input did not (found by fuzz/fuzz_clean.py).
    opening = _XML_DECLARATION.sub("", head, count=1).lstrip()
    return bool(_HTML_TAG.match(opening)) or len(tags) * 1000 / len(sample) >= HTML_TAGS_PER_KCHAR


def read(data: str | bytes, config: Config, url: str | None = None, *, metadata: bool = True) -> Document:
    """Turn user input into a Document; HTML goes through trafilatura.

    ``metadata=False``: no title or date from an HTML page (see html.extract), for a
    caller that keeps only the text.
    """
    notes: tuple[str, ...] = ()
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        text = decode(raw)
        broken = text.count(REPLACEMENT) - raw.count(REPLACEMENT.encode())
        if broken > 0:
            notes = (f"{broken} broken UTF-8 sequence(s) in the input replaced by U+FFFD",)
    elif isinstance(data, str):
        text = data
    else:
        raise InputError(f"expected str or bytes, got {type(data).__name__}")
    check_text(text)
    fmt = config.input_format
    if fmt == "html" or (fmt == "auto" and looks_like_html(text)):
        from .html import extract

        # Checked before parsing: trafilatura holds the whole tree of a page in memory.
        if config.max_chars is not None and len(text) > config.max_chars:
            raise InputError(f"the HTML is {len(text):,} characters, over the limit of {config.max_chars:,} "
                             "(Config.max_chars): split it, or raise the limit")

        return dataclasses.replace(extract(text, url=url, metadata=metadata), warnings=notes)
    return Document(text=text, url=url, warnings=notes)
