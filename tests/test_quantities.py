"""restore_quantity_lists: ingredient lists the classifier dropped are kept; counters are not."""

from __future__ import annotations

from cleantext import Config
from cleantext.decide import decide
from cleantext.features import block_features
from cleantext.quantities import REASON, is_amount_line, names_unit, restore_quantity_lists
from cleantext.rules.match import RuleHits
from cleantext.segment import segment

DROP = (False, "boilerplate.classifier", "boilerplate", "not story-like")
RULE = (False, "share.share-this", "share", "a share button")
KEEP = (True, "", "", "")


def run(lines: list[str], decisions: list[tuple[bool, str, str, str]]):
    blocks = segment("\n".join(lines))
    return restore_quantity_lists([b.text for b in blocks], block_features(blocks, "de"), decisions)


def test_an_ingredient_list_with_its_sub_headings_is_kept():
    lines = ["Für den Teig:", "125 g Mehl", "65 g Zucker", "1 Ei", "Belag:", "25 g Butter", "1 EL Honig",
             "Zubereitung", "Den Teig kneten."]
    out = run(lines, [DROP] * 8 + [KEEP])
    assert [d[0] for d in out] == [True] * 7 + [False, True]
    assert out[1][3] == REASON


def test_numbered_headlines_and_counters_are_not_ingredients():
    headlines = ["1 Capcora berät Projektentwickler", "2 Protergia weiht Kraftwerk ein", "3 Nordex erzielt Auftrag"]
    assert [d[0] for d in run(headlines, [DROP] * 3)] == [False] * 3
    counters = ["167 Kommentare", "48 Kommentare", "240 Kommentare"]
    assert [d[0] for d in run(counters, [DROP] * 3)] == [False] * 3


def test_the_same_thing_counted_again_is_no_list():
    # a gallery's "19 Fotos", "5 Fotos", ...: units-free anyway, but also one thing counted
    lines = ["19 g Fotos", "5 g Fotos", "2 g Fotos"]
    assert [d[0] for d in run(lines, [DROP] * 3)] == [False] * 3


def test_two_amounts_are_not_enough_and_a_rule_cut_ends_the_run():
    assert [d[0] for d in run(["200 g Zucker", "1 TL Zimt"], [DROP, DROP])] == [False, False]
    lines = ["200 g Zucker", "1 TL Zimt", "Teilen", "3 EL Milch", "1 Prise Salz"]
    out = run(lines, [DROP, DROP, RULE, DROP, DROP])
    assert out == [DROP, DROP, RULE, DROP, DROP]


def test_amount_lines_exclude_dates_years_and_postcodes():
    assert is_amount_line("120g yellow noodles") and is_amount_line("½ Teelöffel Zimt")
    assert not is_amount_line("12. März 2020")
    assert not is_amount_line("2018 Regiolanda")
    assert not is_amount_line("10178 Berlin")
    assert not is_amount_line("2 décembre 2019 : Article Libération")
    assert names_unit("2 Dose/n Mandarinen") and not names_unit("4 Eier")


def test_decide_keeps_the_ingredients_the_classifier_dropped():
    lines = ["Home | Rezepte | Kontakt", "Zutaten", "300 g Mehl", "1 TL Backpulver", "200 g Zucker",
             "1 Prise Salz", "Zubereitung", "Alle Zutaten in eine Schüssel geben und zu einem Teig verarbeiten.",
             "Impressum | Datenschutz"]
    blocks = segment("\n".join(lines))
    context = [0.1, 0.1, 0.2, 0.2, 0.2, 0.2, 0.1, 0.9, 0.1]
    out = decide(blocks, block_features(blocks, "de"), RuleHits(), context, context, Config())
    # "Zutaten", one word right above the first amount, is the list's header
    assert [d[0] for d in out] == [False, True, True, True, True, True, False, True, False]


def test_recipe_facts_above_the_list_come_with_it_up_to_a_rule_cut():
    lines = ["Teilen", "Kategorien", "Zubereitungszeit: 25 Minuten", "Backzeit", "15 – 30 Min.",
             "Portionen: 12", "Zutaten", "300 g Mehl", "1 TL Backpulver", "200 g Zucker"]
    out = run(lines, [RULE] + [DROP] * 9)
    assert [d[0] for d in out] == [False, False] + [True] * 8
    assert out[0] == RULE and out[1] == DROP  # "Kategorien" is above the highest fact


def test_without_facts_only_the_header_joins():
    lines = ["Impressum", "Kontakt", "Zutaten", "300 g Mehl", "1 TL Backpulver", "200 g Zucker"]
    out = run(lines, [DROP] * 6)
    assert [d[0] for d in out] == [False, False, True, True, True, True]
