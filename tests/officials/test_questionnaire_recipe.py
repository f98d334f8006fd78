"""forms/par-officials.yaml and analysis/recipes/par-officials.yaml: the questionnaire loads and
says it is illustrative, every statement is a sub-criterion of the recipe under its field, and
the recipe computes the top-two-box shares on simulated answers, suppressing small groups."""
import unicodedata

import numpy as np
import pandas as pd
import pytest
import yaml

import forms
from analysis import Design
from analysis.indices import estimate_indices
from analysis.recipes import default_recipe, load_recipe, validate_recipe
from tests.officials.conftest import FORM

RECIPE = load_recipe("par-officials")
FIELDS = ("chi_dao", "van_ban", "thu_tuc", "bo_may", "cong_chuc", "tai_chinh", "chinh_quyen_so")
GROUPS = {"department_leader": 0.3, "division_leader": 0.5, "commune_leader": 0.2}


def rated(document: dict) -> dict[str, str]:
    """Each rated statement's name and the section (field of reform) asking it."""
    return {q["name"]: s["name"] for s in document["sections"] for q in s["questions"] if q.get("choices") == "dong_y"}


def test_the_questionnaire_loads_is_illustrative_and_is_the_recipes_default():
    document = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    assert forms.load_definition(FORM).id == "par-officials" and default_recipe("par-officials") == "par-officials"
    description = document["form"]["description"]
    assert "minh họa" in description["vi"].lower() and "illustrative" in description["en"].lower()
    assert unicodedata.is_normalized("NFC", FORM.read_text(encoding="utf-8"))
    validate_recipe(RECIPE, forms.load_definition(FORM))


def test_every_label_is_in_vietnamese_with_diacritics_and_in_english():
    document = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    sections = document["sections"]
    labels = [q["label"] for s in sections for q in s["questions"]] + [s["title"] for s in sections]
    assert all(set(label) == {"vi", "en"} and not label["vi"].isascii() and label["en"].isascii() for label in labels)


def test_each_statement_is_a_sub_criterion_under_its_field():
    root = RECIPE.nodes()[0]
    asked = rated(yaml.safe_load(FORM.read_text(encoding="utf-8")))
    assert root.id == "par_officials" and tuple(field.id for field in root.children) == FIELDS
    under = {leaf.id: field.id for field in root.children for leaf in field.children}
    assert under == asked
    leaves = [leaf for field in root.children for leaf in field.children]
    assert all(leaf.items[0].question == leaf.id and leaf.items[0].rule == "share" for leaf in leaves)
    assert all(leaf.items[0].positive == ("4", "5") and leaf.items[0].missing == ("9",) for leaf in leaves)


def simulated(n: int = 400, seed: int = 20) -> pd.DataFrame:
    """Answers 1-5 and 9 to every statement and a respondent group each, the last six council members."""
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame({"nhom": rng.choice(list(GROUPS), n, p=list(GROUPS.values()))})
    frame.loc[frame.index[-6:], "nhom"] = "council_member"
    for name in rated(yaml.safe_load(FORM.read_text(encoding="utf-8"))):
        frame[name] = rng.choice(["1", "2", "3", "4", "5", "9"], n, p=[0.05, 0.1, 0.2, 0.35, 0.25, 0.05])
    return frame


def test_the_recipe_gives_shares_agreeing_by_field_and_overall():
    frame = simulated()
    table = estimate_indices(Design(frame), RECIPE, min_cell_size=30)
    asked = rated(yaml.safe_load(FORM.read_text(encoding="utf-8")))
    share = {name: 100 * frame[name].isin(["4", "5"]).sum() / (frame[name] != "9").sum() for name in asked}
    for name, value in share.items():
        assert table.loc[name, "estimate"] == pytest.approx(value, rel=1e-12)
    field = {f: np.mean([share[n] for n, g in asked.items() if g == f]) for f in FIELDS}
    assert [table.loc[f, "estimate"] for f in FIELDS] == pytest.approx([field[f] for f in FIELDS], rel=1e-12)
    assert table.loc["par_officials", "estimate"] == pytest.approx(np.mean(list(field.values())), rel=1e-12)
    assert not table.suppressed.any()


def test_a_group_smaller_than_the_minimum_cell_is_suppressed_at_every_node():
    frame = simulated()
    assert (frame.nhom == "council_member").sum() == 6
    table = estimate_indices(Design(frame), RECIPE, by="nhom", min_cell_size=10)
    small = table.xs("council_member", level=1)
    assert small.suppressed.all() and len(small) == len(RECIPE.nodes())
    assert not table.xs("department_leader", level=1).suppressed.any()
