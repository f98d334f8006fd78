"""analysis.par_index: the definition's checks (each problem with its code, row and column), every
rule type, a unit's scoring recomputed by hand, and ranking with ties and change of rank."""
import pandas as pd
import pytest

from analysis.par_index import (
    ParIndexError,
    UnitInput,
    load_definition,
    recipe_nodes,
    score,
    shipped_recipe_nodes,
)
from analysis.par_index_formula import FormulaSyntaxError, parse_formula
from analysis.recipes import load_recipe

RECIPES = {"sipas-2017": recipe_nodes(load_recipe("sipas-2017"))}


def row(id, parent, level, points, source="", rule="", **cells):
    return {"id": id, "parent": parent, "level": level, "label::vi": f"Mục {id}", "label::en": f"Item {id}",
            "max_points": points, "source": source, "rule": rule, **cells}


def rows():
    """Two fields: one of self-assessed sub-criteria (each rule), one of survey points and a formula."""
    return [
        row("tt1", "", "field", 6),                                                   # sheet row 2
        row("tt1_1", "tt1", "criterion", 6),
        row("tt1_1_1", "tt1_1", "sub_criterion", 1, "self", "yes_no"),
        row("tt1_1_2", "tt1_1", "sub_criterion", 2, "self", "levels", table="tot=2; kha=1; kem=0"),
        row("tt1_1_3", "tt1_1", "sub_criterion", 3, "self", "percent", table="95=1; 80=0.5"),
        row("tt2", "", "field", 10),                                                  # sheet row 7
        row("tt2_1", "tt2", "criterion", 10),
        row("tt2_1_1", "tt2_1", "sub_criterion", 4, "survey", "share", recipe="sipas-2017", node="sipas"),
        row("tt2_1_2", "tt2_1", "sub_criterion", 4, "survey", "mean_rescale", recipe="sipas-2017", node="tiep_can",
            scale_max=5),
        row("tt2_1_3", "tt2_1", "sub_criterion", 2, "formula", formula="min(tt2_1_1, tt2_1_2) / 2"),
    ]


def problems_of(table, recipes=RECIPES):
    with pytest.raises(ParIndexError) as raised:
        load_definition(table, recipes)
    return [(p.code, p.row, p.column) for p in raised.value.problems]


def changed(index, **cells):
    table = rows()
    table[index] = {**table[index], **cells}
    return table


def test_a_good_definition_reads_with_its_tree():
    definition = load_definition(rows(), RECIPES)
    assert definition.fields == ("tt1", "tt2")
    assert definition.items["tt1_1"].children == ("tt1_1_1", "tt1_1_2", "tt1_1_3")
    assert definition.max_points == 16
    assert len(definition.content_hash) == 64
    assert definition.content_hash != load_definition(changed(0, **{"label::en": "Direction"}), RECIPES).content_hash


@pytest.mark.parametrize(("index", "cells", "expected"), [
    (2, {"id": "tt1_1_2"}, ("duplicate_id", 5, "id")),
    (2, {"id": "1.1.1"}, ("invalid_id", 4, "id")),
    (3, {"level": "chi_so"}, ("unknown_level", 5, "level")),
    (3, {"label::en": " "}, ("label_missing", 5, "label::en")),
    (3, {"max_points": "hai"}, ("bad_points", 5, "max_points")),
    (3, {"source": "guess"}, ("unknown_source", 5, "source")),
    (3, {"rule": "share"}, ("unknown_rule", 5, "rule")),
    (3, {"table": "tot=2; kha"}, ("bad_table", 5, "table")),
    (3, {"table": "tot=3; kha=1"}, ("level_over_max", 5, "table")),
    (4, {"table": "80=0.5; 95=1"}, ("thresholds_unordered", 6, "table")),
    (4, {"table": "95=1.5"}, ("threshold_out_of_range", 6, "table")),
    (8, {"scale_max": 1}, ("bad_scale", 10, "scale_max")),
    (8, {"node": ""}, ("value_required", 10, "node")),
    (9, {"formula": "tt2_1_1 +"}, ("bad_formula", 11, "formula")),
    (1, {"source": "self"}, ("source_not_allowed", 3, "source")),
])
def test_a_row_problem_names_its_code_row_and_column(index, cells, expected):
    assert problems_of(changed(index, **cells)) == [expected]


@pytest.mark.parametrize(("index", "cells", "expected"), [
    (2, {"parent": "tt9"}, ("unknown_parent", 4, "parent")),
    (2, {"parent": "tt1"}, ("wrong_parent", 4, "parent")),
    (0, {"max_points": 7}, ("points_do_not_add_up", 2, "max_points")),
    (7, {"recipe": "sipas-1999"}, ("unknown_recipe", 9, "recipe")),
    (7, {"node": "no_such_node"}, ("unknown_node", 9, "node")),
    (9, {"formula": "tt2_1 + 1"}, ("unknown_reference", 11, "formula")),
    (9, {"formula": "tt2_1_3 + 1"}, ("formula_cycle", 11, "formula")),
])
def test_a_tree_problem_names_its_code_row_and_column(index, cells, expected):
    assert expected in problems_of(changed(index, **cells))


def test_a_criterion_without_children_and_blank_rows_keep_their_numbers():
    table = [*rows()[:2], {}, *rows()[2:], row("tt3", "", "field", 1)]
    assert problems_of(table) == [("no_children", 13, "id")]


def test_a_cycle_through_two_formulas_is_named_on_both():
    table = [*rows(), row("tt2_1_4", "tt2_1", "sub_criterion", 0.5, "formula", formula="tt2_1_3")]
    table[9] = {**table[9], "formula": "tt2_1_4", "max_points": 1.5}
    assert problems_of(table) == [("formula_cycle", 11, "formula"), ("formula_cycle", 12, "formula")]


def test_every_row_problem_is_listed_at_once():
    table = changed(3, level="x", max_points=0)
    assert problems_of(table) == [("unknown_level", 5, "level"), ("bad_points", 5, "max_points")]


def test_the_shipped_recipes_are_known_by_id_with_their_nodes():
    nodes = shipped_recipe_nodes()
    assert {"sipas", "tiep_can", "tc_1"} <= nodes["sipas-2017"]


def test_formulas_parse_without_eval():
    assert parse_formula("max(a, 2) * -(b - 1) / 4").evaluate({"a": 1, "b": 3}) == -1.0
    assert parse_formula("a / (b - b)").evaluate({"a": 1, "b": 2}) == 0.0
    for bad in ("__import__('os')", "a ** 2", "pow(a, 2)", "(a", "a b"):
        with pytest.raises(FormulaSyntaxError):
            parse_formula(bad)


def unit(name="a", level="department", **given):
    return UnitInput(name, level, **given)


def test_one_unit_scored_by_hand_from_its_sub_criteria():
    definition = load_definition(rows(), RECIPES)
    given = unit(claimed={"tt1_1_1": True, "tt1_1_2": "tot", "tt1_1_3": 96},
                 appraised={"tt1_1_2": "kha", "tt1_1_3": 90},
                 survey={("sipas-2017", "sipas"): 85.0, ("sipas-2017", "tiep_can"): 4.0})
    [result] = score(definition, [given])
    # self: 1 (yes) + 1 (appraised "kha", claimed "tot" 2) + 3 × 0.5 (appraised 90 %, claimed 96 % = 3)
    # survey: 4 × 85/100 = 3.4; 4 × (4 − 1)/(5 − 1) = 3; formula: min(3.4, 3) / 2 = 1.5
    assert result.points["tt1_1_1"] == 1 and result.points["tt1_1_2"] == 1 and result.points["tt1_1_3"] == 1.5
    assert result.points["tt2_1_1"] == pytest.approx(3.4) and result.points["tt2_1_2"] == 3
    assert result.points["tt2_1_3"] == 1.5
    assert result.points["tt1"] == result.points["tt1_1"] == 3.5
    assert result.points["tt2"] == pytest.approx(7.9)
    assert (result.claimed, result.appraised, result.survey, result.formula) == pytest.approx((6, 3.5, 6.4, 1.5))
    assert result.total == pytest.approx(11.4) and result.percent == pytest.approx(100 * 11.4 / 16)
    assert result.sub["tt1_1_2"].claimed == 2 and result.sub["tt1_1_2"].appraised == 1


@pytest.mark.parametrize(("rule_row", "value", "points"), [
    (2, True, 1), (2, False, 0), (3, "kem", 0), (3, "kha", 1),
    (4, 95, 3), (4, 94.9, 1.5), (4, 80, 1.5), (4, 79, 0),
])
def test_each_self_rule_gives_its_points(rule_row, value, points):
    definition = load_definition(rows(), RECIPES)
    name = rows()[rule_row]["id"]
    [result] = score(definition, [unit(claimed={name: value})])
    assert result.points[name] == points


@pytest.mark.parametrize(("node", "value", "points"), [
    ("sipas", 100, 4), ("sipas", 0, 0), ("tiep_can", 1, 0), ("tiep_can", 5, 4), ("tiep_can", 6, 4),
])
def test_each_survey_rule_converts_within_its_maximum(node, value, points):
    definition = load_definition(rows(), RECIPES)
    [result] = score(definition, [unit(survey={("sipas-2017", node): value})])
    name = "tt2_1_1" if node == "sipas" else "tt2_1_2"
    assert result.points[name] == points


def test_missing_inputs_score_nothing():
    [result] = score(load_definition(rows(), RECIPES), [unit()])
    assert result.total == 0 and result.sub["tt2_1_1"].survey is None and result.sub["tt1_1_1"].claimed is None


def test_values_that_do_not_fit_their_rule_are_refused_by_path():
    definition = load_definition(rows(), RECIPES)
    with pytest.raises(ParIndexError) as raised:
        score(definition, [unit(claimed={"tt1_1_1": "yes", "tt2_1_1": 3}, appraised={"tt1_1_3": 101})])
    assert [(p.code, p.column) for p in raised.value.problems] == [
        ("bad_value", "a/tt1_1_1/claimed"), ("unknown_input", "a/tt2_1_1/claimed"),
        ("bad_value", "a/tt1_1_3/appraised")]


def test_units_rank_per_level_ties_sharing_the_best_rank_with_change_of_rank():
    definition = load_definition(rows(), RECIPES)
    given = [unit(name, "department", claimed={"tt1_1_2": level})
             for level, name in (("tot", "a"), ("kha", "b"), ("kha", "c"), ("kem", "d"))]
    given.append(unit("x", "commune", claimed={"tt1_1_2": "kem"}))
    last_year = score(definition, [unit("b", "department", claimed={"tt1_1_2": "tot"}),
                                   unit("a", "department"), unit("x", "department")])
    results = {r.unit: r for r in score(definition, given, previous=last_year)}
    assert [results[name].rank for name in "abcdx"] == [1, 2, 2, 4, 1]
    assert results["a"].rank_change == 1 and results["b"].rank_change == -1
    assert results["c"].rank_change is None and results["x"].rank_change is None


def test_ranks_are_pandas_min_ranks_and_float_sums_that_differ_by_rounding_tie():
    definition = load_definition(rows(), RECIPES)
    shares = [10, 20, 30, 20, 0, 30, 30]
    given = [unit(f"u{i}", survey={("sipas-2017", "sipas"): share}) for i, share in enumerate(shares)]
    expected = pd.Series(shares).rank(method="min", ascending=False).astype(int).tolist()
    assert [result.rank for result in score(definition, given)] == expected
    table = [row("f", "", "field", 0.6), row("c1", "f", "criterion", 0.3), row("c2", "f", "criterion", 0.3),
             row("a", "c1", "sub_criterion", 0.1, "self", "yes_no"),
             row("b", "c1", "sub_criterion", 0.2, "self", "yes_no"),
             row("d", "c2", "sub_criterion", 0.3, "self", "yes_no")]
    both = score(load_definition(table, RECIPES), [unit("x", claimed={"a": True, "b": True}),
                                                   unit("y", claimed={"d": True})])
    assert both[0].total != both[1].total                 # 0.1 + 0.2 is not 0.3 in floats
    assert [result.rank for result in both] == [1, 1]
