"""Immutability, hand-computed weights and Kish figures, variable kinds, and the internal paths
(blocks of rows, sparse sums) that the small R reference sets do not reach on their own."""

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import analysis._codes as codes
import analysis._variance as variance
from analysis import Design, compare, compare_designs, design_weights, poststratify, rake, trim

SEX = {"F": 9000, "M": 7500}
AGES = {"18-34": 6000, "35-49": 5000, "50-64": 3500, "65+": 2000}


def _design(data: pd.DataFrame) -> Design:
    return Design(data, weights="w", strata="unit", fpc="N_unit")


def test_adjustments_return_new_designs_and_leave_the_original_alone(strat) -> None:
    frame = strat.copy()
    design = _design(frame)
    before = design.weights.copy()
    first = design.mean("score", by="unit")
    raked = rake(design, {"sex": SEX, "agegrp": AGES})
    for new in (raked, poststratify(design, "sex", SEX), trim(design, upper=100), trim(raked, lower=1e-9)):
        assert new is not design and new.calibrated is not None
        assert not np.shares_memory(new.weights, design.weights)
    np.testing.assert_array_equal(design.weights, before)
    pd.testing.assert_frame_equal(frame, strat)
    pd.testing.assert_frame_equal(design.mean("score", by="unit"), first)
    assert not design.calibrated and raked.calibrated and trim(raked, upper=1000).calibrated


def test_weights_are_read_only_and_copied_from_the_frame(strat) -> None:
    frame = strat.copy()
    design = Design(frame, weights="w")
    with pytest.raises(ValueError, match="read-only"):
        design.weights[0] = 5.0
    frame.loc[0, "w"] = 1e6
    assert design.weights[0] == strat.loc[0, "w"]


def test_design_weights_by_hand() -> None:
    data = pd.DataFrame({"unit": ["x", "x", "y", "z", "z", "z"]})
    w = design_weights(data, "unit", pd.Series({"x": 100, "y": 30, "z": 90}))
    np.testing.assert_allclose(w, [50, 50, 30, 30, 30, 30])
    assert w.name == "weight" and w.index.equals(data.index)


def test_kish_effective_n_and_design_effect_by_hand() -> None:
    data = pd.DataFrame({"w": [1.0, 1.0, 2.0, 4.0], "g": ["a", "a", "b", "b"]})
    design = Design(data, weights="w")
    assert design.effective_n() == pytest.approx(64 / 22)
    assert design.deff_weighting() == pytest.approx(4 * 22 / 64)
    by = design.effective_n(by="g")
    assert by["a"] == pytest.approx(2.0) and by["b"] == pytest.approx(36 / 20)
    assert design.deff_weighting(by="g")["b"] == pytest.approx(2 * 20 / 36)


def test_no_weights_means_equal_weights_and_the_plain_mean(strat) -> None:
    design = Design(strat)
    np.testing.assert_array_equal(design.weights, np.ones(len(strat)))
    score = strat["score"].dropna()
    row = design.mean("score").iloc[0]
    assert row.estimate == pytest.approx(score.mean())
    n_all, n = len(strat), len(score)
    # domain estimation: the rows with a score are a domain of all n_all rows (PSUs)
    assert row.se == pytest.approx(np.sqrt(n_all / (n_all - 1) * ((score - score.mean()) ** 2).sum() / n ** 2))
    assert row.n == len(score) and design.df == len(strat) - 1


def test_top_box_is_the_mean_of_the_indicator(strat) -> None:
    valid = strat["q1"].notna() & (strat["q1"] != 9)
    data = strat.assign(tb=np.where(valid, strat["q1"].isin([4, 5]), np.nan))
    design = _design(data)
    wald = {"method": "mean", "df": design.df}  # the Wald interval with the design's df, as mean's
    top_box = design.top_box("q1", by="unit", **wald).drop(columns="df")
    pd.testing.assert_frame_equal(top_box, design.mean("tb", by="unit"))
    labels = data.assign(q1=data["q1"].map({1: "bad", 4: "good", 5: "great", 9: "dk"}).fillna("other"))
    share = _design(labels).top_box("q1", levels=["good", "great"], missing=["dk", "other"], by="unit",
                                    **wald).drop(columns="df")
    expected = _design(data.assign(tb=np.where(labels["q1"].isin(["dk", "other"]), np.nan, data["tb"])))
    pd.testing.assert_frame_equal(share, expected.mean("tb", by="unit"))


@pytest.mark.parametrize("kind", ["bool", "object", "string", "category"])
def test_categorical_kinds_give_proportions(strat, kind: str) -> None:
    female = strat["sex"] == "F"
    column = {"bool": female, "object": female.map({True: "yes", False: "no"}).astype(object),
              "string": female.map({True: "yes", False: "no"}).astype("string"),
              "category": pd.Categorical(female.map({True: "yes", False: "no"}), categories=["no", "yes"])}[kind]
    design = _design(strat.assign(x=column, numeric=female.astype(float)))
    table = design.mean("x", by="unit")
    share = design.mean("numeric", by="unit")
    yes = table.xs(True if kind == "bool" else "yes", level="x")
    np.testing.assert_allclose(yes[["estimate", "se"]], share[["estimate", "se"]], rtol=1e-12)
    assert list(table.index.names) == ["unit", "x"]


def test_missing_by_values_are_outside_every_domain(strat) -> None:
    data = strat.assign(unit2=strat["unit"].where(strat.index % 10 != 0))
    table = _design(data).mean("score", by="unit2")
    assert list(table.index) == ["A", "B", "C", "D"]
    assert table["n"].sum() == (data["unit2"].notna() & data["score"].notna()).sum()


def test_domain_totals_add_up_and_unused_categories_give_empty_domains(strat) -> None:
    data = strat.assign(unit=pd.Categorical(strat["unit"], categories=["A", "B", "C", "D", "E"]))
    design = _design(strat)
    by = Design(data, weights="w").total("score", by="unit")
    assert by.loc["E", "n"] == 0 and by.loc["E", "estimate"] == 0
    assert by["estimate"].sum() == pytest.approx(design.total("score").iloc[0].estimate)
    with np.errstate(all="raise"):
        assert np.isnan(Design(data, weights="w").mean("score", by="unit").loc["E", "estimate"])


def test_compare_designs_by_hand(strat, clus) -> None:
    first, second = _design(strat), Design(clus, weights="w", strata="stratum", cluster="psu")
    result = compare_designs(first, second, "q1", levels=(4, 5))
    a, b = first.top_box("q1").iloc[0], second.top_box("q1").iloc[0]
    se = np.hypot(a.se, b.se)
    df = se ** 4 / (a.se ** 4 / first.df + b.se ** 4 / second.df)
    assert result.difference == pytest.approx(a.estimate - b.estimate)
    assert result.se == pytest.approx(se) and result.df == pytest.approx(df)
    assert result.p_value == pytest.approx(2 * stats.t.sf(abs(result.difference) / se, df))
    one_unit = compare_designs(first, first, "score", by="unit", level="C")
    se = first.mean("score", by="unit").loc["C", "se"]
    assert one_unit.difference == 0 and one_unit.as_series()["se"] == pytest.approx(np.sqrt(2) * se)


def test_compare_of_top_box_shares(strat) -> None:
    design = rake(_design(strat), {"sex": SEX, "agegrp": AGES})
    result = compare(design, "q1", "unit", "D", "A", levels=(4, 5))
    shares = design.top_box("q1", by="unit")
    assert result.difference == pytest.approx(shares.loc["D", "estimate"] - shares.loc["A", "estimate"])
    independent = np.hypot(shares.loc["D", "se"], shares.loc["A", "se"])
    assert result.se != pytest.approx(independent, rel=1e-6)  # the covariance counts after raking


def _battery(make_design) -> list[pd.DataFrame]:
    design = make_design()
    return [design.mean("score", by=["unit", "sex"]), design.total("q1f", by="sex"),
            design.top_box("q1", by="agegrp"), design.mean("q1f"), design.mean("score", by=["sex", "q1f"])]


DESIGNS = {
    "strat_raked_trimmed": lambda s, c: trim(rake(_design(s), {"sex": SEX, "agegrp": AGES}), 8, 100),
    "cluster_ps_then_rake": lambda s, c: rake(
        poststratify(Design(c.rename(columns={"stratum": "unit"}), weights="w", strata="unit", cluster="psu"),
                     ["sex", "region"], _cells(c)), {"agegrp": {k: 2 * v for k, v in AGES.items()}}),
}


def _cells(c: pd.DataFrame) -> dict:
    counts = c.groupby(["sex", "region"]).size()
    return {key: 50.0 * n for key, n in counts.items()}


@pytest.mark.parametrize("name", sorted(DESIGNS))
def test_blocks_sparse_sums_and_sorting_give_the_same_results(strat, clus, monkeypatch, name: str) -> None:
    """Small blocks, sparse matrices and sort-based compaction are exercised on small data."""
    normal = _battery(lambda: DESIGNS[name](strat, clus))
    monkeypatch.setattr(codes, "CHUNK", 37)
    monkeypatch.setattr(codes, "_DENSE_LIMIT", 0)
    monkeypatch.setattr(codes, "_DENSE_PER_ROW", 0)
    monkeypatch.setattr(variance, "_DENSE_LIMIT", 0)
    for ours, theirs in zip(_battery(lambda: DESIGNS[name](strat, clus)), normal, strict=True):
        pd.testing.assert_frame_equal(ours, theirs, rtol=1e-11, atol=1e-13)
