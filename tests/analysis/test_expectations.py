"""Expectations beside the index: the share choosing each area (select_multiple) and the
distribution over three levels (select_one), weighted shares with logit intervals, per domain,
small cells marked; the index itself never changes."""
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import forms
from analysis.design import Design
from analysis.expectations import choice_shares, estimate_expectations
from analysis.recipes import load_recipe

ROOT = Path(__file__).resolve().parents[2]
FORM_2017 = forms.load_definition(ROOT / "forms" / "sipas-2017.yaml")
FORM_2023 = forms.load_definition(ROOT / "forms" / "sipas-2023.yaml")
AREAS = [choice.value for choice in FORM_2017.question("kv_cai_thien").choices]


def areas_design(rows: int = 300, seed: int = 14) -> Design:
    rng = np.random.default_rng(seed)
    picked = [" ".join(rng.choice(AREAS, size=rng.integers(1, 4), replace=False)) if rng.random() < 0.8 else None
              for _ in range(rows)]
    frame = pd.DataFrame({"kv_cai_thien": picked, "unit": rng.choice(["A", "B", "C"], rows, p=[0.5, 0.45, 0.05]),
                          "w": rng.uniform(1, 4, rows)})
    return Design(frame, weights="w", strata="unit")


def by_hand(frame: pd.DataFrame, area: str) -> float:
    answered = frame[frame["kv_cai_thien"].notna()]
    chosen = answered["kv_cai_thien"].str.split().map(lambda listed: area in listed)
    return 100 * answered.loc[chosen, "w"].sum() / answered["w"].sum()


def test_each_area_is_the_weighted_share_of_those_who_answered_choosing_it():
    design = areas_design()
    table = estimate_expectations(design, load_recipe("sipas-2017"), FORM_2017).set_index("answer")
    assert list(table.index) == AREAS and set(table["expectation"]) == {"cai_thien"}
    for area in AREAS:
        assert table.loc[area, "estimate"] == pytest.approx(by_hand(design.data, area), abs=1e-9)
        assert 0 <= table.loc[area, "ci_low"] < table.loc[area, "estimate"] < table.loc[area, "ci_high"] <= 100
    assert (table["n"] == design.data["kv_cai_thien"].notna().sum()).all()
    assert table["estimate"].sum() > 100  # several areas each
    assert list(design.data.columns) == ["kv_cai_thien", "unit", "w"]  # the data given is left as it was


def test_a_share_is_the_proportion_of_an_indicator_with_its_logit_interval():
    design = areas_design()
    frame = design.data.assign(hit=design.data["kv_cai_thien"].str.split().map(
        lambda listed: float(AREAS[0] in listed), na_action="ignore"))
    expected = Design(frame, weights="w", strata="unit").proportion("hit", 1.0, by="unit")
    shares = choice_shares(design, FORM_2017.question("kv_cai_thien"), by="unit")
    first = shares[shares["answer"] == AREAS[0]].set_index("unit")
    for column in ("estimate", "se", "ci_low", "ci_high"):
        assert first[column].to_numpy() == pytest.approx(100 * expected[column].to_numpy(), abs=1e-9)


def test_small_domains_are_marked_suppressed():
    table = estimate_expectations(areas_design(), load_recipe("sipas-2017"), FORM_2017, by="unit", min_cell_size=30)
    assert set(table.loc[table["suppressed"], "unit"]) == {"C"}
    assert not table.loc[table["unit"] != "C", "suppressed"].any()


def test_the_1001_needs_are_a_distribution_over_three_levels_beside_the_index():
    rng = np.random.default_rng(3)
    recipe = load_recipe("sipas-2023")
    levels = [choice.value for choice in FORM_2023.question("nc_1").choices]
    frame = pd.DataFrame({f"nc_{k}": rng.choice([*levels, None], 200) for k in range(1, 11)})
    table = estimate_expectations(Design(frame), recipe, FORM_2023)
    assert len(table) == 30 and list(table["answer"][:3]) == levels
    assert table.groupby("expectation")["estimate"].sum().to_numpy() == pytest.approx(np.full(10, 100.0))
    asked = {measure.question for measure in recipe.measures()}
    assert asked.isdisjoint(table["question"])  # never in the index


def test_a_recipe_without_expectations_gives_an_empty_table():
    design = areas_design()
    table = estimate_expectations(design, load_recipe("sipas-local"), FORM_2017, by="unit")
    assert table.empty and list(table.columns)[:4] == ["expectation", "question", "answer", "unit"]
