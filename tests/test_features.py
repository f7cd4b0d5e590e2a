"""Block features count what they say they count, for ASCII and non-ASCII text alike."""

from __future__ import annotations

import pytest

from cleantext.features import block_features
from cleantext.segment import segment


def only_block(text: str, language: str = "de"):
    blocks = segment(text)
    assert len(blocks) == 1
    return blocks[0], block_features(blocks, language)[0]


@pytest.mark.parametrize("text", [
    "Home News Sport",                       # ASCII
    "Ärger über Öl: ÖPNV-Streik in München",  # Latin with diacritics
    "Москва ЖДЁТ ответа, 2024",              # Cyrillic
    "Der Preis: 12,50 € – ÉTÉ ǅemal",          # a titlecase letter is not a capital
    "中文新闻 ABC",                           # CJK beside ASCII capitals
])
def test_upper_is_capitals_per_letter(text: str):
    block, f = only_block(text)
    letters = sum(c.isalpha() for c in block.text)
    capitals = sum(c.isupper() for c in block.text)
    assert f.upper == pytest.approx(capitals / letters)


def test_digits_are_a_share_of_all_characters():
    block, f = only_block("Ergebnis 3:1 – Tore 1990")
    assert f.digits == pytest.approx(sum(c.isdigit() for c in block.text) / len(block.text))
