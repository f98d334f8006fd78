"""Replicate-weight designs: the replicates made from a design, their draws, and bad input."""

import numpy as np
import pandas as pd
import pytest

from analysis import Design, ReplicateDesign, poststratify, rake


@pytest.fixture()
def stratified(strat) -> Design:
    return Design(strat, weights="w", strata="unit", fpc="N_unit")


def test_jackknife_replicates_drop_one_psu_and_inflate_its_stratum(clus) -> None:
    design = Design(clus, weights="w", strata="stratum", cluster="psu").to_replicates("JKn")
    ratio = design.repweights / design.weights[:, None]
    first = clus["psu"] == clus["psu"].iloc[0]
    stratum = clus["stratum"] == clus["stratum"].iloc[0]
    n_h = clus.loc[stratum, "psu"].nunique()
    column = np.flatnonzero((ratio[first.to_numpy()] == 0).all(axis=0))
    assert len(column) == 1
    expected = np.where(first, 0.0, np.where(stratum, n_h / (n_h - 1), 1.0))
    np.testing.assert_allclose(ratio[:, column[0]], expected)


def test_bootstrap_draws_are_reproducible_with_a_seed(stratified) -> None:
    first = stratified.to_replicates("bootstrap", replicates=20, seed=7).repweights
    again = stratified.to_replicates("bootstrap", replicates=20, seed=7).repweights
    other = stratified.to_replicates("bootstrap", replicates=20, seed=8).repweights
    np.testing.assert_array_equal(first, again)
    assert not np.array_equal(first, other)


@pytest.mark.parametrize(("kind", "draws"), [("bootstrap", 0), ("subbootstrap", -1)])
def test_each_stratum_draws_its_psus(clus, kind: str, draws: int) -> None:
    """Canty-Davison draws n_h PSUs (also with an fpc); Rao-Wu n_h - 1, inflated by n_h / (n_h - 1)."""
    for fpc in (None, "N_psu"):
        design = Design(clus, weights="w", strata="stratum", cluster="psu", fpc=fpc)
        multipliers = design.to_replicates(kind, replicates=30, seed=1).repweights / design.weights[:, None]
        psus = clus.assign(row=np.arange(len(clus))).groupby(["stratum", "psu"]).row.first()
        per_stratum = pd.DataFrame(multipliers[psus.to_numpy()], index=psus.index).groupby(level=0).sum()
        n_h = psus.groupby(level=0).size()
        scale = 1.0 if kind == "bootstrap" else n_h / (n_h - 1)
        expected = ((n_h + draws) * scale).to_numpy()[:, None] * np.ones((1, 30))
        np.testing.assert_allclose(per_stratum.to_numpy(), expected)


def test_many_bootstrap_replicates_give_about_the_linearised_se(stratified) -> None:
    linearised = stratified.mean("score").se.iloc[0]
    boot = stratified.to_replicates("bootstrap", replicates=800, seed=3).mean("score").se.iloc[0]
    assert boot == pytest.approx(linearised, rel=0.1)


def test_replicates_given_as_multipliers_are_applied_to_the_weights(stratified, strat) -> None:
    made = stratified.to_replicates("JKn")
    multipliers = made.repweights / stratified.weights[:, None]
    given = ReplicateDesign(strat, multipliers, weights="w", type="JKn", rscales=made.rscales,
                            combined_weights=False)
    pd.testing.assert_frame_equal(given.top_box("q1", by="unit"), made.top_box("q1", by="unit"))


def test_effective_n_is_kish_of_the_full_sample_weights(stratified) -> None:
    made = stratified.to_replicates()
    assert made.effective_n() == pytest.approx(stratified.effective_n())
    pd.testing.assert_series_equal(made.effective_n(by="unit"), stratified.effective_n(by="unit"))


def test_a_domain_without_answers_gives_nan(strat) -> None:
    design = Design(strat.assign(item=np.where(strat["unit"] == "A", np.nan, strat["score"])),
                    weights="w", strata="unit").to_replicates()
    row = design.mean("item", by="unit").loc["A"]
    assert np.isnan(row.estimate) and np.isnan(row.se) and row.n == 0


@pytest.mark.parametrize(("options", "message"), [
    ({"type": "JK2"}, "type must be one of"),
    ({"type": "Fay"}, "needs rho"),
    ({"type": "JKn"}, "needs rscales"),
    ({"type": "JK1", "rscales": [1, 2]}, "rscales has 2 values"),
    ({"type": "JK1", "scale": -1}, "non-negative"),
])
def test_bad_options_are_refused(strat, options: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ReplicateDesign(strat, ["w", "N_unit", "w"], weights="w", **options)


@pytest.mark.parametrize(("change", "message"), [
    (lambda f: f.assign(r2=-f["w"]), "'r2' has negative values"),
    (lambda f: f.assign(r2=np.nan), "'r2' has missing values"),
    (lambda f: f.assign(w=np.inf), "'w' has infinite values"),
    (lambda f: f.drop(columns="r2"), "unknown column 'r2'"),
])
def test_bad_weights_name_their_column(strat, change, message: str) -> None:
    frame = change(strat.assign(r1=strat["w"], r2=strat["w"]))
    with pytest.raises(ValueError, match=message):
        ReplicateDesign(frame, ["r1", "r2"], weights="w", type="JK1")


def test_an_array_of_the_wrong_shape_is_refused(strat) -> None:
    with pytest.raises(ValueError, match="array of 400 rows"):
        ReplicateDesign(strat, np.ones((10, 3)), type="bootstrap")


@pytest.mark.parametrize(("make", "message"), [
    (lambda s: Design(s, weights="w", strata="unit").to_replicates("JK1"), "use 'JKn'"),
    (lambda s: Design(s, weights="w").to_replicates("JKn"), "needs strata"),
    (lambda s: Design(s, weights="w").to_replicates("BRR"), "type must be one of"),
    (lambda s: Design(s, weights="w").to_replicates("bootstrap", replicates=1), "at least 2"),
    (lambda s: rake(Design(s, weights="w"), {"sex": {"F": 9000, "M": 7500}}).to_replicates(), "calibrated"),
])
def test_designs_that_cannot_become_replicates_are_refused(strat, make, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make(strat)


MARGINS = {"sex": {"F": 9000, "M": 7500}, "agegrp": {"18-34": 6000, "35-49": 5000, "50-64": 3500, "65+": 2000}}


def test_raking_calibrates_every_replicate(stratified, strat) -> None:
    raked = rake(stratified.to_replicates(), MARGINS, tol=1e-12)
    for name, margin in MARGINS.items():
        for level, count in margin.items():
            inside = (strat[name] == level).to_numpy()
            np.testing.assert_allclose(raked.repweights[inside].sum(axis=0), count, rtol=1e-10)
            assert raked.weights[inside].sum() == pytest.approx(count, rel=1e-10)


def test_poststratifying_replicates_leaves_the_original_alone(stratified) -> None:
    made = stratified.to_replicates()
    before = made.repweights.copy()
    poststratify(made, "sex", MARGINS["sex"])
    np.testing.assert_array_equal(made.repweights, before)


@pytest.mark.parametrize(("margins", "message"), [
    ({"sex": {"F": 9000}}, "level 'M' of column 'sex' is in the data but not in the population"),
    ({"sex": {"F": 9000, "M": 7500, "X": 10}}, "level 'X' of the population of 'sex' is absent"),
    ({"score": {1.0: 5}}, "calibration column 'score' has missing values"),
    ({}, "at least one margin"),
])
def test_bad_margins_of_a_replicate_design_name_the_column(stratified, margins: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        rake(stratified.to_replicates(), margins)


def test_raking_that_cannot_converge_is_refused(stratified) -> None:
    with pytest.raises(ValueError, match="did not converge after 1 iterations"):
        rake(stratified.to_replicates(), MARGINS, tol=1e-12, max_iter=1)


def test_a_replicate_share_of_0_or_1_gives_the_whole_logit_interval() -> None:
    frame = pd.DataFrame({"q": [5, 1, 5, 1, 5, 1], "r1": [1.0, 0, 1, 0, 1, 0], "r2": [1.0, 1, 1, 1, 0, 1]})
    design = ReplicateDesign(frame, ["r1", "r2"], type="JK1")
    logit = design.top_box("q", levels=(5,), missing=())
    assert (logit.ci_low.iloc[0], logit.ci_high.iloc[0]) == (0.0, 1.0)
    wald = design.top_box("q", levels=(5,), missing=(), method="mean")
    assert np.isfinite(wald.se.iloc[0]) and wald.se.iloc[0] > 0


def test_shares_on_replicates_stay_within_0_and_1(stratified) -> None:
    made = stratified.to_replicates("bootstrap", replicates=30, seed=2)
    for method in ("logit", "beta", "asin"):
        table = made.proportion("q1", [4, 5], by=["unit", "sex"], method=method, missing=(9,))
        assert ((table.ci_low >= 0) & (table.ci_high <= 1)).all(), method


def test_the_likelihood_interval_is_not_offered_on_replicates(stratified) -> None:
    """R gives NA there (test_replicate_tests_against_r); the refusal says so and what to use."""
    with pytest.raises(ValueError, match=r"'likelihood' has no interval on a replicate design .* 'logit' or 'beta'"):
        stratified.to_replicates().proportion("q1", 5, method="likelihood")
    with pytest.raises(ValueError, match="not one of logit, beta, asin, mean"):
        stratified.to_replicates().proportion("q1", 5, method="wald")


@pytest.mark.parametrize("strata", [None, "stratum"])
def test_jackknife_df_is_the_rank_of_the_replicate_weights(clus, strata) -> None:
    made = Design(clus, weights="w", strata=strata, cluster="psu").to_replicates()
    given = ReplicateDesign(clus, made.repweights, weights="w", type="JKn", rscales=made.rscales)
    n_strata = clus[strata].nunique() if strata else 1
    assert made.df == given.df == clus.groupby([strata or "psu", "psu"]).ngroups - n_strata
