"""Every code rule (and engine rule) honours its own drop and keep examples, like data rules."""

from __future__ import annotations

import pytest

from cleantext.rules.builtin import BUILTIN_RULES
from cleantext.rules.code import CODE_RULES

RULES = [*BUILTIN_RULES, *CODE_RULES]
DROP = [pytest.param(r, x, id=f"{r.id}-drop-{i}") for r in RULES for i, x in enumerate(r.drop_examples)]
KEEP = [pytest.param(r, x, id=f"{r.id}-keep-{i}") for r in RULES for i, x in enumerate(r.keep_examples)]


@pytest.mark.parametrize(("rule", "example"), DROP)
def test_code_rule_drops(rule, example):
    assert rule.fires(example), f"{rule.id} should remove something from its drop example"


@pytest.mark.parametrize(("rule", "example"), KEEP)
def test_code_rule_keeps(rule, example):
    assert not rule.fires(example), f"{rule.id} removed something from its keep example"


def test_every_code_rule_has_examples():
    for rule in RULES:
        assert rule.drop_examples and rule.keep_examples, rule.id


def test_code_rule_ids_unique_and_disableable():
    import cleantext

    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    for rid in ids:
        cleantext.Cleaner(cleantext.Config(disabled_rules=(rid,)))  # an unknown id would raise


def test_disabling_the_date_header_keeps_it():
    import cleantext

    text = " date 2025-06-17 The council met on Monday and approved the new ferry timetable for the island."
    assert cleantext.clean(text).startswith("The council")
    kept = cleantext.clean(text, cleantext.Config(disabled_rules=("metadata.date-header",)))
    assert kept.startswith("date 2025-06-17 The council")
