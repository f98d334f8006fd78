"""Index nodes get logit intervals within [0, 100]; combinations get R's design effect."""

import numpy as np
import pandas as pd

from analysis import Design, Ratio
from analysis.indices import _bounded


def _skewed() -> Design:
    """A unit where the one answer out of the top box weighs 30: its Wald interval leaves [0, 1]."""
    data = pd.DataFrame({"unit": ["a"] * 12 + ["b"] * 30, "q": [5] * 11 + [1] + [5] * 15 + [2] * 15,
                         "r": [4] * 12 + [5] * 30, "w": [1.0] * 11 + [30.0] + [1.0] * 30})
    return Design(data, weights="w", strata="unit")


def test_node_intervals_are_logit_and_stay_within_0_and_100() -> None:
    design = _skewed()
    ratios = [Ratio("q", levels=(4, 5)), Ratio("r", levels=(4, 5))]
    table = design.linear_combination(ratios, [[100, 0], [50, 50]], by="unit")
    low, high = _bounded(table, design.df)
    assert ((table["ci_low"] < 0) | (table["ci_high"] > 100)).any()  # the t interval leaves [0, 100]
    assert ((low >= 0) & (high <= 100) & (low <= table["estimate"]) & (table["estimate"] <= high)).all()
    share = design.top_box("q", by="unit", df=design.df)
    assert np.allclose(low[:2] / 100, share["ci_low"]) and np.allclose(high[:2] / 100, share["ci_high"])


def test_a_node_at_100_has_the_degenerate_interval_100() -> None:
    design = _skewed()
    table = design.linear_combination([Ratio("r", levels=(4, 5))], [[100]])
    low, high = _bounded(table, design.df)
    assert low.tolist() == high.tolist() == [100.0]


def test_the_deff_of_a_one_item_combination_is_rs_deff_of_the_mean() -> None:
    data = pd.DataFrame({"s": ["a"] * 20 + ["b"] * 25, "y": np.arange(45) % 7, "w": 1 + np.arange(45) % 4,
                         "N": [200] * 20 + [400] * 25})
    design = Design(data, weights="w", strata="s", fpc="N")
    combination = design.linear_combination([Ratio("y")], [[1.0]], by="s", deff=True)
    mean = design.mean("y", by="s", deff=True)
    assert np.allclose(combination["deff"].to_numpy(), mean["deff"].to_numpy(), rtol=1e-12)
