"""calibrate(): bad input names its margin; every estimator uses the GREG variance."""

import numpy as np
import pytest

from analysis import Design, Ratio, calibrate, rake, trim

AGES = ["18-34", "35-49", "50-64", "65+"]
SEX = {"F": 9000, "M": 7500}
AGE = dict(zip(AGES, [6000, 5000, 3500, 2000], strict=True))


@pytest.fixture
def design(strat) -> Design:
    return Design(strat, weights="w", strata="unit", fpc="N_unit")


@pytest.mark.parametrize("kwargs, message", [
    ({"margins": {"sex": SEX}, "calfun": "logit"}, "logit calibration needs finite bounds"),
    ({"margins": {"sex": SEX}, "bounds": (1.1, 2)}, r"must have low < 1 < high"),
    ({"margins": {"sex": SEX}, "calfun": "probit"}, "calfun must be one of"),
    ({"margins": {"sex": SEX, "agegrp": dict(AGE, **{"65+": 2500})}}, "margin 'agegrp' adds up to 17000"),
    ({"margins": {"sex": {"F": 15000, "M": 1500}}, "bounds": (0.5, 2)}, "margin 'sex'"),
    ({"margins": {"sex": SEX}, "totals": {"score": 1e5}}, "column 'score' has missing or infinite values"),
    ({}, "at least one margin or total"),
])
def test_bad_input_is_a_value_error_naming_it(design, kwargs, message):
    with pytest.raises(ValueError, match=message):
        calibrate(design, **kwargs)


def test_bounds_that_no_weights_meet_name_the_margin(design):
    # every level alone is reachable within the bounds, all of them together are not
    with pytest.raises(ValueError, match="calibration to margin 'agegrp' failed"):
        calibrate(design, {"sex": SEX, "agegrp": AGE}, bounds=(0.739, 1.245))


def test_a_margin_collinear_with_the_others_is_named(strat):
    data = strat.assign(gender=strat["sex"])
    with pytest.raises(ValueError, match="margin 'gender' is collinear"):
        calibrate(Design(data, weights="w", strata="unit"), {"sex": SEX, "gender": SEX})


def test_a_calibrated_design_is_not_raked_again_and_nothing_is_calibrated_twice(design):
    calibrated = calibrate(design, {"sex": SEX})
    with pytest.raises(ValueError, match="calibrate"):
        rake(calibrated, {"agegrp": AGE})
    with pytest.raises(ValueError, match="already calibrated"):
        calibrate(rake(design, {"agegrp": AGE}), {"sex": SEX})


def test_raking_calibration_has_rake_weights_and_its_own_standard_errors(design):
    raked = rake(design, {"sex": SEX, "agegrp": AGE}, tol=1e-13)
    calibrated = calibrate(design, {"sex": SEX, "agegrp": AGE}, calfun="raking", tol=1e-13)
    np.testing.assert_allclose(calibrated.weights, raked.weights, rtol=1e-9)
    assert calibrated.calibrated and not np.allclose(calibrated.mean("score", by="unit")["se"],
                                                     raked.mean("score", by="unit")["se"], rtol=1e-6)


def test_linear_combination_and_trimming_keep_the_greg_variance(design):
    calibrated = calibrate(design, {"sex": SEX, "agegrp": AGE}, calfun="raking")
    share = calibrated.top_box("q1", by="unit")
    combined = calibrated.linear_combination([Ratio("q1", levels=(4, 5), missing=(9,))], [[1.0]], by="unit")
    np.testing.assert_allclose(combined["se"].to_numpy(), share["se"].to_numpy(), rtol=1e-12)
    trimmed = trim(calibrated, upper=60)
    assert trimmed.weights.max() < calibrated.weights.max() and trimmed.calibrated
    assert trimmed.mean("score")["se"].iloc[0] > 0
