"""Bad input to ratio, quantile, ttest, chisq, glm and adjust_p: a ValueError naming what is wrong."""

import numpy as np
import pandas as pd
import pytest

from analysis import Design, adjust_p, chisq, glm, ttest


@pytest.fixture
def design() -> Design:
    rng = np.random.default_rng(7)
    data = pd.DataFrame({"y": rng.normal(5, 1, 60), "x": rng.uniform(1, 2, 60), "g": ["a", "b", "c"] * 20,
                         "two": ["m", "f"] * 30, "s": np.repeat(["s1", "s2"], 30), "w": rng.uniform(1, 3, 60)})
    data["z"] = data["x"] * 2  # collinear with x
    return Design(data, weights="w", strata="s")


@pytest.mark.parametrize(("call", "message"), [
    (lambda d: d.ratio("y", "nope"), "unknown column 'nope'"),
    (lambda d: d.ratio("g", "x"), "column 'g' is categorical"),
    (lambda d: d.quantile("y", 1.5), "strictly between 0 and 1"),
    (lambda d: d.quantile("y", []), "strictly between 0 and 1"),
    (lambda d: ttest(d, "y", "g"), "column 'g' must have exactly two levels"),
    (lambda d: ttest(d, "g", "two"), "column 'g' is categorical"),
    (lambda d: chisq(d, "g", "two", statistic="Wald"), "statistic must be 'F' or 'Chisq'"),
    (lambda d: chisq(d, "g", "s", statistic="F") and chisq(d, "g", "x1"), "unknown column 'x1'"),
    (lambda d: glm(d, "y ~ x", family="poisson"), "family must be one of gaussian, quasibinomial"),
    (lambda d: glm(d, "y ~ x * g"), "only column names joined by"),
    (lambda d: glm(d, "y x"), "response ~ term"),
    (lambda d: glm(d, "g ~ x"), "column 'g' must be numeric to be a response"),
    (lambda d: glm(d, "y ~ x", family="quasibinomial"), "response must lie between 0 and 1"),
    (lambda d: glm(d, "y ~ x + z"), "collinear"),
])
def test_bad_input_is_named(design: Design, call, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call(design)


def test_chisq_needs_two_levels_each(design: Design) -> None:
    design.data["one"] = "only"
    with pytest.raises(ValueError, match="columns 'g' and 'one' need at least two levels"):
        chisq(design, "g", "one")


@pytest.mark.parametrize(("pvalues", "method", "message"), [
    ([0.1, 0.2], "fdr", "method must be one of holm, BH, bonferroni"),
    ([0.1, 1.2], "holm", "between 0 and 1"),
])
def test_adjust_p_refuses(pvalues, method: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        adjust_p(pvalues, method)


def test_adjust_p_keeps_a_series_index_and_missing_values() -> None:
    adjusted = adjust_p(pd.Series([0.01, np.nan, 0.04], index=["A", "B", "C"], name="p"), "holm")
    assert adjusted.index.tolist() == ["A", "B", "C"] and adjusted.name == "p"
    assert adjusted.iloc[0] == pytest.approx(0.02) and np.isnan(adjusted.iloc[1]) and adjusted.iloc[2] == 0.04


def test_a_logistic_model_that_separates_is_refused(design: Design) -> None:
    design.data["hit"] = (design.data["x"] > 1.5).astype(float)
    with pytest.raises(ValueError, match="does not converge"):
        glm(design, "hit ~ x", family="quasibinomial")
