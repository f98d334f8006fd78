"""Affine combinations of ratio estimators: against R, by hand, against pandas, and covariances."""

import numpy as np
import pandas as pd
import pytest

from analysis import Design, Ratio, rake
from tests.analysis.conftest import REFERENCE, read_reference
from tests.analysis.test_against_r import DESIGNS

REL, ABS = 1e-9, 1e-12
ITEMS = [Ratio("q1", levels=(4, 5)), Ratio("score", bounds=(1, 9))]
# mean_scores = 50 t + 50 (s - 1) / 8 and contrast = 5 + 100 t - 10 s, as make_combination_reference.R
COEFFICIENTS = [[50.0, 50.0 / 8], [100.0, -10.0]]
CONSTANTS = [-50.0 / 8, 5.0]
NAMES = ["mean_scores", "contrast"]
BY = {"strat_fpc_count": "unit", "rake_sex_age": "unit", "rake_trim_then_ps": "unit",
      "cluster_strat_fpc_count": "sex", "cluster_rake_three": "sex"}


def reference() -> pd.DataFrame:
    frame = pd.read_csv(REFERENCE / "combinations.csv", keep_default_na=False, dtype={"domain": str})
    return frame.set_index(["design", "combination", "domain"])


@pytest.mark.parametrize("name", sorted(BY))
def test_combinations_equal_r_svycontrast_on_totals(name):
    design, expected = DESIGNS[name](), reference().loc[name]
    overall = design.linear_combination(ITEMS, COEFFICIENTS, CONSTANTS, NAMES)
    by = design.linear_combination(ITEMS, COEFFICIENTS, CONSTANTS, NAMES, by=BY[name])
    for (combination, domain), row in expected.iterrows():
        got = overall.loc[combination] if domain == "" else by.loc[(combination, domain)]
        for column in ("estimate", "se", "ci_low", "ci_high"):
            assert got[column] == pytest.approx(float(row[column]), rel=REL, abs=ABS), (combination, domain, column)
    assert len(expected) == len(overall) + len(by)


def test_a_small_example_by_hand():
    """Two strata without fpc; the SE from u_i = sum_k c_k w_i d_ki (y_ki - R_k) / sum(w d_k) by loops."""
    data = pd.DataFrame({"h": list("aaabbb"), "w": [1.0, 2, 1, 3, 1, 2],
                         "x": [5, 4, 2, 9, 4, 1.0], "y": [1, np.nan, 5, 4, 2, 5]})
    design = Design(data, weights="w", strata="h")
    got = design.linear_combination([Ratio("x", levels=(4, 5)), Ratio("y", bounds=(1, 5))],
                                    [[50.0, 12.5]], [-12.5]).iloc[0]
    # x: 9 is missing; shares and means over the valid rows only
    w, tx, xv = data.w.to_numpy(), np.array([1, 1, 0, 0, 1, 0.0]), np.array([1, 1, 1, 0, 1, 1.0])
    y, yv = np.nan_to_num(data.y.to_numpy()), np.array([1, 0, 1, 1, 1, 1.0])
    share, mean = (w * tx * xv).sum() / (w * xv).sum(), (w * y * yv).sum() / (w * yv).sum()
    assert (share, mean) == (pytest.approx(4 / 7), pytest.approx(30 / 8))
    u = 50 * w * xv * (tx - share) / (w * xv).sum() + 12.5 * w * yv * (y - mean) / (w * yv).sum()
    variance = sum(len(u[s]) / (len(u[s]) - 1) * ((u[s] - u[s].mean()) ** 2).sum() for s in (slice(0, 3), slice(3, 6)))
    assert got.estimate == pytest.approx(50 * share + 12.5 * mean - 12.5)
    assert got.se == pytest.approx(np.sqrt(variance), rel=1e-12)
    assert (got.n, got.n_min) == (6, 5)
    assert got.effective_n == pytest.approx(w.sum() ** 2 / (w ** 2).sum())


def test_point_estimates_are_plain_weighted_means_of_each_items_valid_answers(strat):
    design = Design(strat, weights="w", strata="unit", fpc="N_unit")
    got = design.linear_combination(ITEMS, COEFFICIENTS, CONSTANTS, NAMES, by="unit")
    for unit, rows in strat.groupby("unit"):
        t = rows[rows.q1.between(1, 5)]
        s = rows[rows.score.between(1, 9)]
        share = np.average(t.q1.isin([4, 5]), weights=t.w)
        mean = np.average(s.score, weights=s.w)
        assert got.loc[("mean_scores", unit), "estimate"] == pytest.approx(50 * share + 50 * (mean - 1) / 8)
        assert got.loc[("contrast", unit), "estimate"] == pytest.approx(5 + 100 * share - 10 * mean)
        assert got.loc[("mean_scores", unit), "n_min"] == min(len(t), len(s))
        assert got.loc[("mean_scores", unit), "n"] == len(rows[rows.q1.between(1, 5) | rows.score.between(1, 9)])


def test_covariances_between_items_count(strat):
    """Items answered by the same people: the SE is not the one that assumes them independent."""
    data = strat.assign(q2=strat.q1.where(strat.id % 10 != 0, 1))  # q2 = q1 but for every tenth row
    design = Design(data, weights="w", strata="unit", fpc="N_unit")
    one, two = (design.top_box(q).iloc[0] for q in ("q1", "q2"))
    both = design.linear_combination([Ratio("q1", levels=(4, 5)), Ratio("q2", levels=(4, 5))],
                                     [[0.5, 0.5], [1.0, -1.0]], names=["mean", "difference"])
    independent = np.sqrt(one.se ** 2 + two.se ** 2) / 2
    assert both.loc["mean", "se"] > 1.3 * independent
    assert both.loc["difference", "se"] < 0.5 * np.sqrt(one.se ** 2 + two.se ** 2)
    same = design.linear_combination([Ratio("q1", levels=(4, 5))] * 2, [[0.5, 0.5], [1.0, -1.0]])
    assert same.loc[0, "se"] == pytest.approx(one.se, rel=1e-12)
    assert same.loc[1, "se"] == pytest.approx(0.0, abs=1e-15)


def test_calibrated_designs_keep_their_variance_adjustment(strat):
    design = rake(Design(strat, weights="w", strata="unit", fpc="N_unit"),
                  {"sex": {"F": 9000, "M": 7500}}, tol=1e-12)
    got = design.linear_combination([Ratio("q1", levels=(4, 5))], [[1.0]], by="unit")
    expected = design.top_box("q1", by="unit")
    assert got.droplevel(0)[["estimate", "se"]].to_numpy() == pytest.approx(expected[["estimate", "se"]].to_numpy(),
                                                                           rel=1e-12)


def test_a_domain_without_valid_answers_gives_nan_not_an_error():
    data = pd.DataFrame({"d": list("aabb"), "x": [4, 5, 9, np.nan], "y": [1.0, 2, 3, 4]})
    got = Design(data).linear_combination([Ratio("x", levels=(4, 5)), Ratio("y")], [[1, 0], [0.5, 0.5], [0, 1]],
                                          by="d").xs("b", level="d")
    assert np.isnan(got.loc[0, "estimate"]) and np.isnan(got.loc[0, "se"]) and got.loc[0, "n"] == 0
    assert np.isnan(got.loc[1, "estimate"]) and (got.loc[1, "n"], got.loc[1, "n_min"]) == (2, 0)
    assert got.loc[2, "estimate"] == 3.5


@pytest.mark.parametrize("call, message", [
    (lambda d: d.linear_combination([], [[1.0]]), "coefficients must be"),
    (lambda d: d.linear_combination(ITEMS, [[1.0]]), "coefficients must be"),
    (lambda d: d.linear_combination(ITEMS, [[1.0, np.nan]]), "coefficients must be"),
    (lambda d: d.linear_combination(ITEMS, [[1.0, 1.0]], constants=[1, 2]), "constants must be"),
    (lambda d: d.linear_combination(ITEMS, [[1.0, 1.0], [0, 0]]), "combination 1 uses no ratio"),
    (lambda d: d.linear_combination(ITEMS, [[1.0, 1.0], [1, 0]], names=["a", "a"]), "names must be"),
    (lambda d: d.linear_combination([Ratio("nope")], [[1.0]]), "unknown column 'nope'"),
    (lambda d: d.linear_combination([Ratio("sex")], [[1.0]]), "column 'sex' is categorical"),
    (lambda d: d.linear_combination([Ratio("q1", levels=(4, 9))], [[1.0]]), "disjoint from missing"),
])
def test_bad_input_is_a_value_error_naming_it(strat, call, message):
    with pytest.raises(ValueError, match=message):
        call(Design(strat, weights="w", strata="unit"))


def test_reference_data_has_what_the_combinations_need():
    data = read_reference("strat.csv")
    assert ((data.score < 1) | (data.score > 9)).any()  # the bounds leave some scores out
