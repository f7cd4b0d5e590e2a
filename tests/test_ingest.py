"""Input: HTML detection, byte decoding, binary input (issues 5 and 7)."""

from __future__ import annotations

import codecs

import pytest

import cleantext
from cleantext import Config, InputError
from cleantext.ingest import declared_encoding, decode, looks_like_html, read

STORY_DE = "Grüße aus Köln – der Stadtrat hat am Montag über die „neue“ Brücke für 12 € Mio. beraten."
STORY_ZH = ("北京市今天发布了新的交通管理规定，市民出行需要注意以下几点。首先，早晚高峰期间部分道路将实行单双号限行。"
            "其次，公共交通将增加班次，以满足市民的出行需求。")
STORY_JA = ("東京都は今日、新しい交通規則を発表しました。市民は次の点に注意する必要があります。"
            "まず、朝と夕方のラッシュ時には一部の道路で通行制限が行われます。")


@pytest.mark.parametrize("text", [
    "<!DOCTYPE html><html><head><title>T</title></head><body><p>Hi</p></body></html>",
    "<html lang='en'><body><p>A story.</p></body></html>",
    '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
    "<!-- saved from url=(0014)about:internet -->\n<html><body>x</body></html>",
    "  \n<body><div>Only a body</div></body>",
    "<div class='story'><p>First paragraph.</p><p>Second paragraph.</p><p>Third.</p></div>",
])
def test_looks_like_html_true(text: str) -> None:
    assert looks_like_html(text)


@pytest.mark.parametrize("text", [
    "Use the <p> tag for paragraphs, the tutorial says.",
    "The council met on Monday.\n\nIt agreed to rebuild the bridge by 2027.",
    "Scores: 3 < 5 and 7 > 2, said the teacher, who wrote <b> on the board once.\n" * 20,
    "A story about HTML: web pages start with <html> and the browser reads them. " + "More story text. " * 200,
    "",
])
def test_looks_like_html_false(text: str) -> None:
    assert not looks_like_html(text)


def test_text_story_mentioning_tags_stays_text() -> None:
    result = cleantext.clean_document("Web pages mark paragraphs with <p>, a designer explained on Monday.")
    assert result.input_format == "text"
    assert result.offsets == "input"


def test_config_forces_the_format() -> None:
    story = "The council met on Monday night to decide. " * 8
    page = "<html><body><article><p>" + story + "</p></article></body></html>"
    assert read(page, Config(input_format="text")).input_format == "text"
    assert read(page, Config()).input_format == "html"
    assert read("Plain words only, nothing else.", Config(input_format="html")).input_format == "html"


def test_forced_html_on_plain_text_falls_back_to_the_text() -> None:
    result = cleantext.clean_document("Plain words only, a story in one line.", Config(input_format="html"))
    assert result.text == "Plain words only, a story in one line."
    assert "html-fallback" in result.flags


@pytest.mark.parametrize("data, expected", [
    (STORY_DE.encode("utf-8"), STORY_DE),
    (codecs.BOM_UTF8 + STORY_DE.encode("utf-8"), STORY_DE),
    (STORY_DE.encode("utf-16"), STORY_DE),  # with BOM
    (codecs.BOM_UTF16_BE + STORY_DE.encode("utf-16-be"), STORY_DE),
    (STORY_DE.encode("utf-32"), STORY_DE),
    (STORY_DE.encode("utf-16-le"), STORY_DE),  # no BOM: NULs on every other byte
    (STORY_DE.encode("cp1252"), STORY_DE),  # Windows-1252: curly quotes, dash, euro sign
    ("Grüße aus Köln, sagte der Bürgermeister am Dienstag im Rathaus.".encode("latin-1"),
     "Grüße aus Köln, sagte der Bürgermeister am Dienstag im Rathaus."),
    (STORY_ZH.encode("gb18030"), STORY_ZH),  # detected
    (STORY_JA.encode("shift_jis"), STORY_JA),  # detected
])
def test_decode(data: bytes, expected: str) -> None:
    assert decode(data) == expected


def test_declared_charset_is_used() -> None:
    page = f'<html><head><meta charset="shift_jis"></head><body><p>{STORY_JA[:20]}</p></body></html>'
    assert decode(page.encode("shift_jis")) == page
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>'
            f"<body><p>{STORY_ZH[:12]}</p></body></html>")
    assert decode(page.encode("gb18030")) == page
    xml = f'<?xml version="1.0" encoding="ISO-8859-1"?>\n<html><body><p>{STORY_DE}</p></body></html>'
    assert decode(xml.encode("cp1252")) == xml


def test_declared_latin1_loses_to_valid_utf8() -> None:
    page = f'<html><head><meta charset="iso-8859-1"></head><body><p>{STORY_DE}</p></body></html>'
    assert decode(page.encode("utf-8")) == page


@pytest.mark.parametrize("data, expected", [
    (b'<meta charset="latin1">', "cp1252"),
    (b'<meta charset="GBK">', "gb18030"),
    (b'<?xml version="1.0" encoding="Shift_JIS"?>', "shift_jis"),
    (b'<meta charset="no-such-charset">', None),
    (b"<p>no declaration</p>", None),
])
def test_declared_encoding(data: bytes, expected: str | None) -> None:
    assert declared_encoding(data) == expected


@pytest.mark.parametrize("data, words", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64), "JPEG image"),
    (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(200)), "ZIP archive"),
    (b"\x1f\x8b\x08\x00" + bytes(range(100)), "gzip"),
    (b"text with a NUL\x00 byte and more text after it", "binary"),
    (bytes(range(1, 32)) * 100, "control characters"),
])
def test_binary_input_raises(data: bytes, words: str) -> None:
    with pytest.raises(InputError, match=words):
        cleantext.clean(data)


def test_undecodable_bytes_raise_not_silently_dropped() -> None:
    import random

    rng = random.Random(1)
    noise = bytes(rng.randrange(1, 256) for _ in range(3000))
    with pytest.raises(InputError):
        cleantext.clean(noise)


def test_truncated_bom_input_raises() -> None:
    with pytest.raises(InputError, match="byte-order mark"):
        decode(b"\xff\xfe\x00")


def test_wrong_type_raises() -> None:
    with pytest.raises(InputError, match="str or bytes"):
        read(12345, Config())  # type: ignore[arg-type]


def test_bytes_and_str_give_the_same_result() -> None:
    text = "The council met on Monday.\n\nIt agreed to rebuild the old bridge by 2027, the mayor said."
    assert cleantext.clean(text.encode("cp1252")) == cleantext.clean(text)


def test_fragment_opening_with_an_element_is_html_however_long_its_paragraphs() -> None:
    # fuzz/fuzz_clean.py: by tag density alone this read as text, and its cleaned output
    # (shorter, still tagged) as HTML, so cleaning twice gave a different result.
    para = " ".join(f"Item {i}: the council met on Monday and agreed to rebuild bridge number {i}." for i in range(12))
    page = f"<?xml version='1.0'?><footer>Photo: AFP</footer><ul>{para}</ul><span>{para.upper()}</span>"
    assert looks_like_html(page)
    once = cleantext.clean(page)
    assert "<" not in once and cleantext.clean(once) == once


def test_doctype_after_a_stray_line_is_html() -> None:
    story = "The council met on Monday. " * 10
    for page in ("Share this article\n<!DOCTYPE html>\n<html><body><p>" + story + "</p></body></html>",
                 "Comments\r<!DOCTYPE html> " + story):
        assert looks_like_html(page)
        once = cleantext.clean(page)
        assert "DOCTYPE" not in once and cleantext.clean(once) == once
