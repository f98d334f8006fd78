"""Recipes as data: the shipped ones, the format's checks (every problem, with its row), hashes."""

from pathlib import Path

import pytest

import forms
from analysis.recipes import (
    Points,
    RecipeError,
    check_recipe,
    default_recipe,
    load_recipe,
    recipe_from_text,
    recipes_for,
    shipped_recipes,
    validate_recipe,
)

ROOT = Path(__file__).resolve().parents[2]
SIPAS = forms.load_definition(ROOT / "forms" / "sipas.yaml")
ELEMENTS = {"tiep_can": "hl_tc", "thu_tuc": "hl_tt", "cong_chuc": "hl_cc", "ket_qua": "hl_kq", "gop_y": "hl_gy"}

SMALL = """\
recipe:
  id: small
  form: small
  title: {vi: "Nhỏ", en: "Small"}
overall:
  id: index
  label: Chỉ số
  combine: mean
elements:
  - id: service
    label: {vi: "Phục vụ", en: "Service"}
    combine: own_item
    item: {question: overall, rule: top_box}
    criteria:
      - id: visits
        label: Đi lại
        items: [{question: visits, rule: mean_score, scale: [1, 5]}]
"""


def problems_of(text: str) -> list[tuple[str, int | None, str]]:
    with pytest.raises(RecipeError) as caught:
        recipe_from_text(text)
    return [(p.code, p.row, p.path) for p in caught.value.problems]


def test_the_shipped_recipes_are_all_there_and_fit_their_questionnaires():
    assert shipped_recipes() == ["par-officials", "sipas-2017", "sipas-2023", "sipas-local", "sipas-local-criteria"]
    for name in shipped_recipes():
        recipe = load_recipe(name)
        form = forms.load_definition(ROOT / "forms" / f"{recipe.form}.yaml")
        assert recipe.id == name and check_recipe(recipe, form) == []


def test_each_form_has_the_recipe_written_for_it_by_default():
    assert recipes_for("sipas") == ["sipas-local", "sipas-local-criteria"]
    assert {form: default_recipe(form) for form in ("sipas", "sipas-2017", "sipas-2023")} == {
        "sipas": "sipas-local", "sipas-2017": "sipas-2017", "sipas-2023": "sipas-2023"}
    # a form no recipe is written for gets the official one, which it then does not fit
    assert recipes_for("desk-rating") == [] and default_recipe("desk-rating") == "sipas-2017"
    assert all(load_recipe(default_recipe(form)).form == form for form in ("sipas", "sipas-2017", "sipas-2023"))


def test_the_2017_model_uses_each_elements_satisfaction_question_and_the_mean_of_elements():
    recipe = load_recipe("sipas-local")
    assert (recipe.overall.combine, recipe.overall.points) == ("mean", Points(10.0))
    elements = recipe.overall.children
    assert {e.id: e.items[0].question for e in elements} == ELEMENTS
    assert {(e.combine, e.items[0].rule, e.items[0].positive, e.points.maximum) for e in elements} == {
        ("own_item", "top_box", (4, 5), 2.0)}
    criteria = [c for e in elements for c in e.children]
    assert len(criteria) == 22
    assert {c.items[0].rule for c in criteria} == {"share"}
    assert {c.id: c.items[0].question for c in criteria} == {c.id: c.id for c in criteria}


def test_the_criteria_variant_averages_criteria_and_uses_overall_satisfaction():
    recipe = load_recipe("sipas-local-criteria")
    assert recipe.overall.combine == "own_item"
    assert recipe.overall.items[0].question == "hl_chung"
    assert {e.combine for e in recipe.overall.children} == {"mean"}
    assert {e.items for e in recipe.overall.children} == {()}
    fee = next(n for n in recipe.nodes() if n.id == "tt_4").items[0]
    assert (fee.positive, fee.missing) == (("dung",), ("khong_phai_nop", "khong_biet"))


def test_nodes_come_overall_first_then_each_element_with_its_criteria():
    recipe = recipe_from_text(SMALL)
    assert [(n.id, n.level) for n in recipe.nodes()] == [
        ("index", "overall"), ("service", "element"), ("visits", "criterion")]
    assert recipe.parent_of() == {"index": None, "service": "index", "visits": "service"}
    assert recipe.nodes()[0].text("en") == "Chỉ số"  # plain text labels are Vietnamese


def test_yes_and_no_stay_answer_values():
    text = SMALL.replace("[{question: visits, rule: mean_score, scale: [1, 5]}]",
                         "[{question: visits, rule: share, positive: [yes], missing: [no]}]")
    item = recipe_from_text(text).nodes()[2].items[0]
    assert (item.positive, item.missing) == (("yes",), ("no",))


def test_the_content_hash_ignores_comments_and_layout_but_not_content():
    recipe = recipe_from_text(SMALL)
    relaid = "# a comment\n" + SMALL.replace("{vi: \"Nhỏ\", en: \"Small\"}", "\n    vi: Nhỏ\n    en: Small")
    assert recipe_from_text(relaid).content_hash == recipe.content_hash
    assert recipe_from_text(SMALL.replace("scale: [1, 5]", "scale: [1, 7]")).content_hash != recipe.content_hash
    assert len(recipe.content_hash) == 64


def test_every_structural_problem_is_listed_with_its_row():
    text = """\
recipe:
  id: Bad Id
  form: small
overall:
  id: index
  label: Chỉ số
  combine: median
  colour: red
elements:
  - id: service
    label: Phục vụ
    combine: own_item
    criteria:
      - id: service
        label: Lặp
        weight: 2
        items: [{question: overall, rule: top_box, levels: [4, 6]}]
      - id: fees
        label: Phí
        items: [{question: fee, rule: share}, {question: fee, rule: shares, positive: [a]}]
        points: {max: -1, conversion: linear}
"""
    assert problems_of(text) == [
        ("missing_field", 1, "recipe"),
        ("invalid_id", 2, "recipe.id"),
        ("unknown_combine", 7, "overall.combine"),
        ("unknown_field", 8, "overall.colour"),
        ("own_item", 10, "elements[0]"),
        ("duplicate_id", 14, "elements[0].criteria[0].id"),
        ("weight_not_used", 16, "elements[0].criteria[0].weight"),
        ("wrong_type", 17, "elements[0].criteria[0].items[0].levels[1]"),
        ("missing_field", 20, "elements[0].criteria[1].items[0]"),
        ("unknown_rule", 20, "elements[0].criteria[1].items[1].rule"),
        ("wrong_type", 21, "elements[0].criteria[1].points.max"),
        ("range_and_conversion", 21, "elements[0].criteria[1].points"),
    ]


@pytest.mark.parametrize("change, code", [
    (("combine: mean\nelements", "combine: weighted_mean\nelements"), "weight_missing"),
    ((SMALL[SMALL.index("    combine: own_item"):], "    combine: mean\n"), "nothing_to_combine"),
    (("scale: [1, 5]", "scale: [5, 1]"), "bad_range"),
    (("scale: [1, 5]}", "scale: [1, 5], weight: 2}"), "item_weight"),
    (("rule: mean_score, scale: [1, 5]", "rule: share, positive: [a, b, a]"), "duplicate_value"),
    (("rule: mean_score, scale: [1, 5]", "rule: share, positive: [a], missing: [a]"), "positive_and_missing"),
    (("combine: own_item", "combine: own_item\n    combine: mean"), "duplicate_key"),
    (("items: [", "items: [["), "yaml_syntax"),
    (("  combine: mean\n", "  combine: mean\n  points: {max: 1, conversion: exact}\n"), "unknown_conversion"),
])
def test_each_structural_check(change, code):
    assert code in [c for c, _, _ in problems_of(SMALL.replace(*change))]


@pytest.mark.parametrize("text", ["", "- a list\n", "recipe: {}\noverall: 3\nelements: {}\n"])
def test_documents_of_the_wrong_shape_are_problems_not_crashes(text):
    assert problems_of(text)


def test_checks_against_a_questionnaire_list_every_misfit(small_form):
    definition = forms.load_definition(small_form)
    text = SMALL.replace("form: small", "form: other").replace("question: overall", "question: overal") \
        .replace("[{question: visits, rule: mean_score, scale: [1, 5]}]",
                 "[{question: visits, rule: mean_score}, {question: sex, rule: top_box},"
                 " {question: sex, rule: share, positive: [male, man], missing: [none]}]")
    problems = check_recipe(recipe_from_text(text), definition)
    assert [(p.code, p.row, p.path) for p in problems] == [
        ("form_mismatch", 3, "recipe.form"),
        ("unknown_question", 13, "elements[0].item.question"),
        ("scale_required", 17, "elements[0].criteria[0].items[0]"),
        ("rule_does_not_fit", 17, "elements[0].criteria[0].items[1].rule"),
        ("unknown_value", 17, "elements[0].criteria[0].items[2].positive[1]"),
        ("unknown_value", 17, "elements[0].criteria[0].items[2].missing[0]"),
    ]
    assert "did you mean 'overall'?" in problems[1].message
    assert "choices: male, female" in problems[4].message
    with pytest.raises(ValueError, match="unknown_question"):
        validate_recipe(recipe_from_text(text), definition)
    validate_recipe(recipe_from_text(SMALL), definition)


def test_loading_by_name_path_or_a_bad_file(tmp_path):
    assert load_recipe(ROOT / "analysis" / "recipes" / "sipas-local.yaml") == load_recipe("sipas-local")
    with pytest.raises(RecipeError, match=r"no shipped recipe 'sipas-2071' \(did you mean 'sipas-2017'\?\)"):
        load_recipe("sipas-2071")
    with pytest.raises(RecipeError, match="cannot read"):
        load_recipe(tmp_path / "absent.yaml")
    (tmp_path / "latin1.yaml").write_bytes("title: Tiếp cận".encode("utf-16"))
    with pytest.raises(RecipeError, match="not_utf8"):
        load_recipe(tmp_path / "latin1.yaml")


def test_points_proportional_and_linear():
    assert Points(10).of(84.5) == pytest.approx(8.45)
    linear = Points(2, 50, 100)
    assert [linear.of(v) for v in (40.0, 50.0, 75.0, 100.0)] == [0.0, 0.0, 1.0, 2.0]
    points = "  points: {max: 5, conversion: linear, range: [60, 90]}\n"
    text = SMALL.replace("  combine: mean\n", "  combine: mean\n" + points)
    assert recipe_from_text(text).overall.points == Points(5.0, 60.0, 90.0)


def test_scores_are_affine_in_the_ratio():
    recipe = recipe_from_text(SMALL)
    assert recipe.nodes()[1].items[0].affine() == (0.0, 100.0)
    assert recipe.nodes()[2].items[0].affine() == (-25.0, 25.0)  # (mean - 1) / 4 x 100


ODD_VALUES = ["", "0", "-1", "[]", "{}", "[1, [2]]", "null", "true", "yes", "'x'", "{a: 1}", "1e400", "&a [*a]"]


def test_mangled_recipes_are_refused_with_problems_never_a_crash():
    lines = SMALL.splitlines()
    for k, line in enumerate(lines):
        key, colon, _ = line.partition(":")
        variants = ["\n".join(lines[:k] + lines[k + 1:])]
        if colon:
            variants += ["\n".join([*lines[:k], f"{key}: {odd}", *lines[k + 1:]]) for odd in ODD_VALUES]
        for text in variants:
            try:
                recipe_from_text(text)
            except RecipeError as error:
                assert error.problems and all(p.code and p.message for p in error.problems)


TREE = """\
recipe:
  id: tree
  form: small
  title: Cây
  suppressed_child: drop
nodes:
  - id: index
    label: Chỉ số
  - id: part
    parent: index
    label: Phần
  - id: aspect
    parent: part
    label: Khía cạnh
  - id: overall
    parent: aspect
    label: Tiêu chí
    items: [{question: overall, rule: top_box}]
"""


def test_a_tree_has_any_depth_and_states_its_rule():
    recipe = recipe_from_text(TREE)
    assert [(n.id, n.depth, n.level) for n in recipe.nodes()] == [
        ("index", 0, "overall"), ("part", 1, "element"), ("aspect", 2, "element"), ("overall", 3, "criterion")]
    assert recipe.rule_of(recipe.overall) == "drop" and recipe.parent_of()["overall"] == "aspect"


@pytest.mark.parametrize("change, expected", [
    (("parent: aspect", "parent: aspekt"),
     [("missing_field", 12, "nodes[2]"), ("unknown_parent", 16, "nodes[3].parent")]),
    (("parent: index", "parent: aspect"), [("cycle", 10, "nodes[1].parent"), ("cycle", 13, "nodes[2].parent")]),
    (("    parent: part\n", ""), [("several_roots", 12, "nodes[2]")]),
    (("    items: [{question: overall, rule: top_box}]\n", ""), [("missing_field", 15, "nodes[3]")]),
])
def test_a_bad_tree_is_refused_naming_the_row(change, expected):
    assert problems_of(TREE.replace(*change)) == expected


def test_a_tree_naming_an_unknown_question_is_refused_naming_the_row(small_form):
    recipe = recipe_from_text(TREE.replace("question: overall", "question: overal"))
    assert [(p.code, p.row) for p in check_recipe(recipe, forms.load_definition(small_form))] == [
        ("unknown_question", 18)]
