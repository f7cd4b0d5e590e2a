"""Every shipped data rule honours its own examples, and every rule file problem names its place.

The examples are the rule's contract (sqlfluff keeps pass/fail cases per rule as data and
replays them from one parametrized test): each ``examples.drop`` text must be removed,
each ``examples.keep`` text (a near miss: a story about a newsletter, a quote saying
"sign up") must survive.
"""

from __future__ import annotations

import sys
from importlib import resources

import pytest

from cleantext.errors import RuleFileError
from cleantext.rules.registry import Rule, load_rule_file, shipped_rules

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

RULES = shipped_rules()


def _cases(kind: str) -> list:
    cases = []
    for rule in RULES:
        texts = rule.drop_examples if kind == "drop" else rule.keep_examples
        cases.extend(pytest.param(rule, text, id=f"{rule.id}-{kind}-{i}") for i, text in enumerate(texts))
    return cases


@pytest.mark.parametrize(("rule", "text"), _cases("drop"))
def test_drop_example_fires(rule: Rule, text: str) -> None:
    assert rule.fires(text), f"{rule.id} ({rule.origin}) does not remove its drop example {text!r}"


@pytest.mark.parametrize(("rule", "text"), _cases("keep"))
def test_keep_example_survives(rule: Rule, text: str) -> None:
    assert not rule.fires(text), f"{rule.id} ({rule.origin}) removes its keep example {text!r}"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_is_documented_and_prefilter_is_sound(rule: Rule) -> None:
    assert rule.drop_examples, f"{rule.id}: no examples.drop"
    assert rule.keep_examples, f"{rule.id}: no examples.keep"
    assert rule.keywords, f"{rule.id}: no keywords (the prefilter keeps the packs fast)"
    assert rule.id.split(".")[0] == rule.category, f"{rule.id}: id prefix is not its category {rule.category!r}"
    for keyword in rule.keywords:
        assert keyword == keyword.lower() and keyword.strip(), f"{rule.id}: keyword {keyword!r}"
        assert any(keyword in text.lower() for text in rule.drop_examples), (
            f"{rule.id}: keyword {keyword!r} occurs in none of its drop examples (dead or misspelt)"
        )
    for text in rule.drop_examples:
        # A drop example without any keyword would be hidden by the prefilter.
        assert rule.prefilter(text.lower()), f"{rule.id}: no keyword occurs in drop example {text!r}"


def test_shipped_rule_ids_are_unique() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))


def test_pack_keywords_are_written_lower_case() -> None:
    # The registry lower-cases keywords on load; a pack that writes them otherwise is
    # misleading to read, so check the source text.
    packs = resources.files("cleantext.rules").joinpath("packs")
    for entry in packs.iterdir():
        if entry.name.endswith(".toml"):
            for raw in tomllib.loads(entry.read_text(encoding="utf-8")).get("rule", []):
                for keyword in raw.get("keywords", []):
                    assert keyword == keyword.lower(), f"{entry.name} {raw['id']}: keyword {keyword!r}"


def test_bad_user_rule_file_names_file_line_and_rule(tmp_path) -> None:
    path = tmp_path / "site-rules.toml"
    path.write_text(
        'category = "custom"\n'
        "\n"
        "[[rule]]\n"
        'id = "custom.good"\n'
        "patterns = ['''^Advertisement$''']\n"
        'reason = "ad label"\n'
        "\n"
        "[[rule]]\n"
        'id = "custom.broken"\n'
        "patterns = ['''(unclosed''']\n"
        'reason = "a pattern that does not compile"\n',
        encoding="utf-8",
    )
    with pytest.raises(RuleFileError) as excinfo:
        load_rule_file(path)
    message = str(excinfo.value)
    assert str(path) in message
    assert ":9:" in message  # the line of the broken rule's id
    assert "custom.broken" in message
    assert excinfo.value.line == 9 and excinfo.value.rule == "custom.broken"


def test_unknown_scope_names_the_rule(tmp_path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(
        '[[rule]]\nid = "custom.x"\nscope = "page"\npatterns = ["x"]\nreason = "r"\n', encoding="utf-8"
    )
    with pytest.raises(RuleFileError, match=r"rules\.toml:2: rule 'custom\.x': unknown scope"):
        load_rule_file(path)
