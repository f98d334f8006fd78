"""The direct covariance matrix (`_covariance`) against the design's own variance function: on
every kind of design its diagonal is each column's variance and its off-diagonal
(Var(a + b) - Var(a) - Var(b)) / 2, the polarisation of the variances (`_estimate.variance`)."""

import numpy as np
import pandas as pd
import pytest

from analysis import Design, calibrate, poststratify, rake, trim
from analysis._estimate import variance
from analysis._inference import covariance
from tests.analysis.conftest import read_reference

TWO = read_reference("twostage.csv")
SEX, REGION = {"F": 200000, "M": 180000}, {"mountain": 80000, "rural": 150000, "urban": 150000}


def _designs(strat: pd.DataFrame, clus: pd.DataFrame) -> dict:
    stratified = Design(strat, weights="w", strata="unit", fpc="N_unit")
    clustered = Design(clus, weights="w", strata="stratum", cluster="psu", fpc="N_psu")
    two = Design(TWO, weights="w", strata="district", cluster=["commune", None], fpc=["N_communes", "N_pop"])
    ages = dict(zip(["18-34", "35-49", "50-64", "65+"], [6000, 5000, 3500, 2000], strict=True))
    return {
        "stratified": stratified,
        "clustered": clustered,
        "two_stage": two,
        "two_stage_raked": rake(two, {"sex": SEX, "region": REGION}, tol=1e-12),
        "clustered_poststratified": poststratify(clustered, "sex", {"F": 300, "M": 260}),
        "raked_trimmed": trim(rake(stratified, {"sex": {"F": 9000, "M": 7500}, "agegrp": ages}), upper=60),
        "calibrated_linear": calibrate(stratified, {"sex": {"F": 9000, "M": 7500}}, totals={"N_unit": 4e6}),
        "calibrated_raking_clustered": calibrate(clustered, {"sex": {"F": 300, "M": 260}}, calfun="raking"),
        **{f"lonely_{option}": Design(TWO, weights="w", strata="zone", cluster="commune", lonely_psu=option)
           for option in ("remove", "adjust", "average")},
    }


def _influence(design: Design) -> np.ndarray:
    """Three dense columns: weights times a score, an indicator, and both together."""
    n, rng = len(design.weights), np.random.default_rng(len(design.weights))
    values = rng.normal(size=(n, 3)) + np.arange(3)
    values[:, 2] = values[:, 0] * (rng.uniform(size=n) < 0.4)
    return design.weights[:, None] * values / design.weights.sum()


def _polarised(design: Design, x: np.ndarray) -> np.ndarray:
    first, second = np.triu_indices(x.shape[1], 1)
    columns = np.hstack([x, x[:, first] + x[:, second]])
    var = variance(design, lambda rows: (np.zeros(len(columns[rows]), np.int64), columns[rows]), 1, columns.shape[1])
    k = x.shape[1]
    matrix = np.diag(var[:k])
    matrix[first, second] = matrix[second, first] = (var[k:] - var[first] - var[second]) / 2
    return matrix


@pytest.mark.parametrize("name", ["stratified", "clustered", "two_stage", "two_stage_raked",
                                  "clustered_poststratified", "raked_trimmed", "calibrated_linear",
                                  "calibrated_raking_clustered", "lonely_remove", "lonely_adjust",
                                  "lonely_average"])
def test_the_covariance_matrix_is_the_polarisation_of_the_variances(strat, clus, name) -> None:
    design = _designs(strat, clus)[name]
    x = _influence(design)
    direct = covariance(design, lambda rows: x[rows], x.shape[1])
    expected = _polarised(design, x)
    assert np.allclose(direct, expected, rtol=1e-10, atol=1e-14 * np.abs(expected).max())
    assert np.allclose(direct, direct.T) and (np.linalg.eigvalsh(direct) > -1e-12 * np.abs(direct).max()).all()
