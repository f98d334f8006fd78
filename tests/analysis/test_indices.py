"""Index estimates from recipes: every node against the library's own shares, plain pandas and a
brute-force joint linearisation; suppression, points, weighted means and mean scores."""

import numpy as np
import pandas as pd
import pytest

from analysis import Design
from analysis.indices import estimate_indices
from analysis.recipes import load_recipe, recipe_from_text

SIPAS, CRITERIA = load_recipe("sipas-local"), load_recipe("sipas-local-criteria")
ELEMENTS = {"tiep_can": "hl_tc", "thu_tuc": "hl_tt", "cong_chuc": "hl_cc", "ket_qua": "hl_kq", "gop_y": "hl_gy"}


def sipas_like(n: int = 600, seed: int = 7) -> pd.DataFrame:
    """Answers to every question of both recipes, correlated through one latent satisfaction."""
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame({"unit": rng.choice(["A", "B", "C"], n, p=[0.5, 0.3, 0.2])})
    latent = rng.normal(0, 1, n) + frame.unit.map({"A": 0.3, "B": 0.0, "C": -0.4}).to_numpy()
    frame["w"] = frame.unit.map({"A": 4.0, "B": 9.0, "C": 20.0}) * rng.uniform(0.8, 1.2, n)
    for measure in SIPAS.measures() + CRITERIA.measures():
        noisy = latent + rng.normal(0, 0.8, n)
        if measure.rule == "top_box":
            answer = np.clip(np.round(3.6 + noisy), 1, 5)
            frame[measure.question] = np.where(rng.random(n) < 0.08, 9.0, answer)
        else:
            good, bad = measure.positive[0], "khong" if measure.positive[0] != "khong" else "other"
            answer = np.where(noisy > -0.6, good, bad).astype(object)
            frame[measure.question] = np.where(rng.random(n) < 0.1, (measure.missing or (None,))[0], answer)
    return frame


FRAME = sipas_like()


@pytest.fixture(scope="module")
def design() -> Design:
    return Design(FRAME, weights="w", strata="unit")


def brute_force(frame: pd.DataFrame, items: dict[str, tuple[pd.Series, pd.Series]], coefficients: dict[str, float],
                rows: pd.Series) -> tuple[float, float]:
    """Estimate and SE of sum_k c_k R_k (x100) in the domain `rows`, with explicit loops over strata.

    items: name -> (hit 0/1, valid); R_k = sum(w hit valid) / sum(w valid) over the domain.
    """
    w = frame.w * rows
    estimate, u = 0.0, np.zeros(len(frame))
    for name, c in coefficients.items():
        hit, valid = items[name]
        ratio = (w * hit * valid).sum() / (w * valid).sum()
        estimate += c * ratio
        u += c * (w * valid * (hit - ratio) / (w * valid).sum()).to_numpy()
    variance = 0.0
    for _, positions in frame.groupby("unit").indices.items():
        z = u[positions]
        variance += len(z) / (len(z) - 1) * ((z - z.mean()) ** 2).sum()
    return 100 * estimate, 100 * np.sqrt(variance)


def top_box_item(question: str) -> tuple[pd.Series, pd.Series]:
    answers = FRAME[question]
    return answers.isin([4, 5]).astype(float), answers.between(1, 5).astype(float)


def share_item(node) -> tuple[pd.Series, pd.Series]:
    measure = node.items[0]
    answers = FRAME[measure.question]
    valid = answers.notna() & ~answers.isin(measure.missing)
    return answers.isin(measure.positive).astype(float), valid.astype(float)


def test_criteria_and_own_item_elements_are_the_librarys_shares_times_100(design):
    table = estimate_indices(design, SIPAS, by="unit")
    for node in SIPAS.nodes()[1:]:
        measure = node.items[0]
        missing = measure.missing if measure.rule == "share" else (9,)
        expected = design.top_box(measure.question, levels=measure.positive, missing=missing, by="unit",
                                  df=design.df)
        got = table.loc[node.id]
        for column in ("estimate", "se", "ci_low", "ci_high"):
            assert got[column].to_numpy() == pytest.approx(100 * expected[column].to_numpy(), rel=1e-12), node.id
        assert got["n"].tolist() == expected["n"].tolist() == got["n_min"].tolist()


def test_the_2017_index_is_the_mean_of_element_shares_with_a_joint_se(design):
    table = estimate_indices(design, SIPAS, by="unit")
    items = {q: top_box_item(q) for q in ELEMENTS.values()}
    for unit in "ABC":
        estimate, se = brute_force(FRAME, items, dict.fromkeys(ELEMENTS.values(), 0.2), FRAME.unit == unit)
        got = table.loc[("sipas", unit)]
        assert got.estimate == pytest.approx(estimate, rel=1e-12)
        assert got.se == pytest.approx(se, rel=1e-10)
        rows = FRAME[FRAME.unit == unit]
        plain = np.mean([np.average(rows[q].isin([4, 5]), weights=rows.w * rows[q].between(1, 5))
                         for q in ELEMENTS.values()])
        assert got.estimate == pytest.approx(100 * plain, rel=1e-12)
        independent = np.sqrt(sum((table.loc[(e, unit), "se"] / 5) ** 2 for e in ELEMENTS))
        assert got.se > 1.2 * independent  # correlated elements: independence would understate it


def test_the_criteria_variant_averages_criteria_and_takes_overall_satisfaction(design):
    table = estimate_indices(design, CRITERIA)
    for element in CRITERIA.overall.children:
        items = {c.id: share_item(c) for c in element.children}
        estimate, se = brute_force(FRAME, items, {c: 1 / len(items) for c in items}, FRAME.unit.notna())
        assert (table.loc[element.id, "estimate"], table.loc[element.id, "se"]) == (
            pytest.approx(estimate, rel=1e-12), pytest.approx(se, rel=1e-10))
    overall = design.top_box("hl_chung").iloc[0]
    assert table.loc["sipas", ["estimate", "se"]].tolist() == pytest.approx([100 * overall.estimate, 100 * overall.se])


def test_columns_order_and_parents(design):
    table = estimate_indices(design, SIPAS)
    assert list(table.index) == [node.id for node in SIPAS.nodes()]
    assert list(table.columns) == ["level", "depth", "parent", "estimate", "se", "ci_low", "ci_high", "n", "n_min",
                                   "effective_n", "suppressed", "dropped", "points", "points_low", "points_high"]
    assert table.loc["tc_2", "parent"] == "tiep_can" and table.loc["tiep_can", "parent"] == "sipas"
    assert table.loc["sipas", "n"] == FRAME[list(ELEMENTS.values())].apply(lambda c: c.between(1, 5)).any(axis=1).sum()


def test_points_follow_the_estimate_and_its_interval(design):
    table = estimate_indices(design, SIPAS)
    assert table.loc["sipas", ["points", "points_low", "points_high"]].tolist() == pytest.approx(
        (table.loc["sipas", ["estimate", "ci_low", "ci_high"]] / 10).tolist())
    assert table.loc["tiep_can", "points"] == pytest.approx(table.loc["tiep_can", "estimate"] / 50)
    assert table.loc["tc_1", ["points", "points_low", "points_high"]].isna().all()


def test_cells_below_the_minimum_are_flagged(design):
    by_unit = estimate_indices(design, SIPAS, by="unit", min_cell_size=150)
    assert (by_unit["suppressed"] == (by_unit["n_min"] < 150)).all()
    assert by_unit["suppressed"].any() and not by_unit["suppressed"].all()
    assert not estimate_indices(design, SIPAS, min_cell_size=30)["suppressed"].any()


WEIGHTED = """\
recipe: {id: weighted, form: small, title: Weighted}
overall:
  id: index
  label: Index
  combine: weighted_mean
  points: {max: 4, conversion: linear, range: [50, 100]}
elements:
  - id: a
    label: A
    weight: 3
    combine: own_item
    item: {question: hl_tc, rule: mean_score}
  - id: b
    label: B
    weight: 1
    criteria:
      - id: b1
        label: B1
        combine: weighted_mean
        items:
          - {question: hl_tt, rule: top_box, levels: [5], weight: 1}
          - {question: hl_cc, rule: mean_score, scale: [2, 5], weight: 2}
"""


def test_weighted_means_mean_scores_and_linear_points(design):
    table = estimate_indices(design, recipe_from_text(WEIGHTED))
    w = FRAME.w
    mean = lambda q, lo, hi: np.average(FRAME[q].where(FRAME[q].between(lo, hi)).dropna(),  # noqa: E731
                                        weights=w[FRAME[q].between(lo, hi)])
    a = 100 * (mean("hl_tc", 1, 5) - 1) / 4
    five = np.average(FRAME.hl_tt.eq(5)[FRAME.hl_tt.between(1, 5)], weights=w[FRAME.hl_tt.between(1, 5)])
    b1 = (100 * five + 2 * 100 * (mean("hl_cc", 2, 5) - 2) / 3) / 3
    assert table.loc["a", "estimate"] == pytest.approx(a)
    assert table.loc["b1", "estimate"] == table.loc["b", "estimate"] == pytest.approx(b1)
    assert table.loc["index", "estimate"] == pytest.approx((3 * a + b1) / 4)
    assert table.loc["index", "points"] == pytest.approx(min(max(4 * ((3 * a + b1) / 4 - 50) / 50, 0), 4))


@pytest.mark.parametrize("size", [0, -3, 2.5, True, "30"])
def test_min_cell_size_must_be_a_positive_whole_number(design, size):
    with pytest.raises(ValueError, match="min_cell_size"):
        estimate_indices(design, SIPAS, min_cell_size=size)


def test_questions_absent_from_the_data_are_named_together():
    design = Design(FRAME.drop(columns=["hl_tc", "tc_4"]), weights="w", strata="unit")
    with pytest.raises(ValueError, match=r"no column for the recipe's question.s. hl_tc, tc_4"):
        estimate_indices(design, SIPAS)
