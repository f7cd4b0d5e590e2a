"""The public API: Config validation, the Cleaner (pickle, threads), Result fields and replay."""

from __future__ import annotations

import dataclasses
import pickle
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from support import PIER, replay

import cleantext
from cleantext import Cleaner, Config, ConfigError, Result
from cleantext.render import normalize

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
CASES = sorted(p for p in CORPUS.iterdir() if p.is_dir()) if CORPUS.is_dir() else []

# The pier story with a date header, a glued-on sign-up prompt and a share line.
STORY = (
    " date 2025-06-17 " + PIER[0] + "\n" + PIER[1] + "\n"
    "Sign up now: Get ST's newsletters delivered to your inbox\n" + PIER[2] + "\n"
    "Share this article on Facebook\n"
)


def case_input(case: Path) -> bytes:
    return next(case.glob("input.*")).read_bytes()


def inputs() -> list[tuple[str, bytes]]:
    return [("story", STORY.encode())] + [(c.name, case_input(c)) for c in CASES]


INPUTS = inputs()
IDS = [name for name, _ in INPUTS]


# ---- Config ------------------------------------------------------------------------------


def test_config_unknown_keys_raise() -> None:
    with pytest.raises(ConfigError, match="bogus"):
        Config.from_dict({"mode": "balanced", "bogus": 1})
    with pytest.raises(TypeError):
        Config(bogus=1)  # type: ignore[call-arg]
    with pytest.raises(ConfigError):
        Config().replace(bogus=1)


@pytest.mark.parametrize("values", [{"mode": "fastest"}, {"input_format": "pdf"}, {"language": 3},
                                    {"language": "klingon"}, {"language": "xx"}, {"language": ""},
                                    {"regex_timeout": 0}])
def test_config_bad_values_raise(values: dict) -> None:
    with pytest.raises(ConfigError):
        Config.from_dict(values)


def test_config_is_frozen_hashable_and_normalises_lists() -> None:
    config = Config.from_dict({"mode": "recall", "disabled_rules": ["share"], "rule_files": "x.toml"})
    assert config.disabled_rules == ("share",) and config.rule_files == ("x.toml",)
    assert hash(config) == hash(Config(mode="recall", disabled_rules=("share",), rule_files=("x.toml",)))
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.mode = "precision"  # type: ignore[misc]
    for mode in ("precision", "balanced", "recall"):
        assert Config(mode=mode).mode == mode


@pytest.mark.parametrize(("given", "code"), [("de", "de"), ("DE", "de"), ("de-AT", "de"), (" pt_BR ", "pt"),
                                             ("zh-Hans", "zh"), ("zh-tw", "zh")])
def test_config_language_names_the_language_not_the_region(given: str, code: str) -> None:
    assert Config(language=given).language == code


def test_a_regional_or_capitalised_language_cleans_as_the_language() -> None:
    # "DE" once fell back to the English stoplist and cleaned a German page as English.
    german = (
        "Startseite\nPolitik\nSport\n"
        "Die Stadt hat am Montag beschlossen, dass die Brücke über den Fluss im nächsten Jahr "
        "erneuert wird, weil die Prüfer bei der letzten Untersuchung Risse im Beton gefunden haben.\n"
        "Nach Angaben der Verwaltung soll der Verkehr während der Arbeiten über eine Behelfsbrücke "
        "geführt werden, die schon im Frühjahr aufgebaut wird.\n"
        "Impressum\nDatenschutz\n"
    )
    wanted = Cleaner(Config(language="de")).clean_document(german)
    for given in ("DE", "de-AT", "de_CH"):
        got = Cleaner(Config(language=given)).clean_document(german)
        assert got.language == "de" and got.text == wanted.text


def test_known_languages_are_the_stoplists_and_langdetects_profiles() -> None:
    from importlib import resources

    from cleantext.config import LANGUAGES, language_code
    from cleantext.features import JUSTEXT_NAMES

    profiles = {language_code(p.name) for p in resources.files("langdetect").joinpath("profiles").iterdir()}
    assert profiles - {"__init__.py"} and LANGUAGES == (set(JUSTEXT_NAMES) | profiles) - {"__init__.py"}


def test_unknown_disabled_rule_raises() -> None:
    with pytest.raises(cleantext.CleantextError, match="no.such.rule"):
        Cleaner(Config(disabled_rules=("no.such.rule",)))


# ---- Cleaner -----------------------------------------------------------------------------


def test_cleaner_pickle_round_trip_gives_same_output() -> None:
    cleaner = Cleaner(Config(mode="precision", disabled_rules=("share",)))
    clone = pickle.loads(pickle.dumps(cleaner))
    assert clone.config == cleaner.config
    for _, data in INPUTS:
        assert clone.clean(data) == cleaner.clean(data)


def test_cleaner_is_safe_across_threads() -> None:
    cleaner = Cleaner()
    expected = [cleaner.clean(data) for _, data in INPUTS]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(cleaner.clean, [data for _, data in INPUTS] * 2))
    assert got == expected * 2


def test_clean_accepts_bytes_in_common_encodings() -> None:
    text = cleantext.clean(STORY)
    assert cleantext.clean(STORY.encode("utf-8")) == text
    assert cleantext.clean(b"\xef\xbb\xbf" + STORY.encode("utf-8")) == text
    assert cleantext.clean(STORY.encode("utf-16")) == text


def test_clean_rejects_what_is_not_text() -> None:
    with pytest.raises(cleantext.InputError):
        cleantext.clean(b"\x00\x01\x02" * 50)
    with pytest.raises(cleantext.InputError):
        cleantext.clean(12345)  # type: ignore[arg-type]


# ---- Result ------------------------------------------------------------------------------


def test_result_fields() -> None:
    result = cleantext.clean_document(STORY)
    assert isinstance(result, Result)
    assert result.text == cleantext.clean(STORY)
    assert result.date == "2025-06-17"
    assert result.language == "en"
    assert result.title is None or isinstance(result.title, str)
    assert "ferry pier" in result.text and "date 2025" not in result.text
    categories = {r.category for r in result.removals}
    assert "metadata" in categories
    data = result.to_dict()
    assert data["text"] == result.text and len(data["removals"]) == len(result.removals)


def test_title_of_a_page_dump_drops_the_site_name() -> None:
    page = "\n".join(["Pier to close for repairs | Local | The Harbour Gazette", "Home", "News", *PIER])
    assert cleantext.clean_document(page).title == "Pier to close for repairs"
    # A first line that reads like a sentence is not a title.
    assert cleantext.clean_document("\n".join(PIER)).title is None


@pytest.mark.parametrize(("name", "data"), INPUTS, ids=IDS)
def test_stats_count_what_happened(name: str, data: bytes) -> None:
    result = cleantext.clean_document(data)
    stats = result.stats
    assert stats.chars_in == len(result.source)
    assert stats.chars_out == len(result.text)
    assert stats.blocks_in == len(result.blocks)
    assert 0 <= stats.blocks_out <= stats.blocks_in
    assert stats.removals_by_category == dict(Counter(r.category for r in result.removals))
    assert stats.removals_by_rule == dict(Counter(r.rule for r in result.removals))


@pytest.mark.parametrize(("name", "data"), INPUTS, ids=IDS)
def test_replaying_removals_gives_the_text(name: str, data: bytes) -> None:
    result = cleantext.clean_document(data)
    source = result.source
    spans = sorted((r.start, r.end) for r in result.removals)
    for r in result.removals:
        assert 0 <= r.start < r.end <= len(source), r
        assert r.text == source[r.start:r.end], r.rule
        assert r.rule and r.category and r.reason
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert end <= start, "removals overlap"
    assert replay(source, result.removals) == result.text


@pytest.mark.parametrize("settle", [False, True])
@pytest.mark.parametrize(("name", "data"), INPUTS, ids=IDS)
def test_clean_is_the_text_of_clean_document(name: str, data: bytes, settle: bool) -> None:
    # clean() skips an HTML page's title and date; the text must not depend on them.
    config = Config(settle=settle)
    expected = cleantext.clean_document(data, config).text
    assert cleantext.clean(data, config) == expected
    assert Cleaner(config).clean(data) == expected


def test_output_whitespace_is_normalised() -> None:
    for _, data in INPUTS:
        text = cleantext.clean(data)
        assert normalize(text) == text
