"""Bad input raises ValueError naming the column, level, unit or stratum at fault."""

import numpy as np
import pandas as pd
import pytest

from analysis import Design, compare, compare_designs, design_weights, poststratify, rake, trim

SEX = {"F": 9000, "M": 7500}
AGES = {"18-34": 6000, "35-49": 5000, "50-64": 3500, "65+": 2000}


@pytest.fixture
def design(strat) -> Design:
    return Design(strat, weights="w", strata="unit", fpc="N_unit")


@pytest.mark.parametrize("argument", ["weights", "strata", "cluster", "fpc"])
def test_unknown_design_column(strat, argument: str) -> None:
    with pytest.raises(ValueError, match="unknown column 'nope'"):
        Design(strat, **{argument: "nope"})


def test_data_must_be_a_frame() -> None:
    with pytest.raises(ValueError, match="DataFrame"):
        Design({"w": [1.0]})


@pytest.mark.parametrize("call", [
    lambda d: d.mean("nope"), lambda d: d.total("nope"), lambda d: d.top_box("nope"),
    lambda d: d.mean("score", by="nope"), lambda d: d.mean("score", by=["unit", "nope"]),
    lambda d: d.effective_n(by="nope"), lambda d: rake(d, {"nope": {"a": 1}}),
    lambda d: poststratify(d, "nope", {"a": 1}), lambda d: compare(d, "nope", "unit", "A", "B"),
])
def test_unknown_column_in_estimates_and_adjustments(design, call) -> None:
    with pytest.raises(ValueError, match="unknown column 'nope'"):
        call(design)


@pytest.mark.parametrize(("value", "word"), [(-1.0, "negative"), (np.inf, "infinite"), (np.nan, "missing")])
def test_bad_weights(strat, value: float, word: str) -> None:
    data = strat.copy()
    data.loc[7, "w"] = value
    with pytest.raises(ValueError, match=f"weights column 'w' has {word} values \\(row 7\\)"):
        Design(data, weights="w")


def test_weights_must_be_numeric(strat) -> None:
    with pytest.raises(ValueError, match="weights column 'sex' is not numeric"):
        Design(strat, weights="sex")


def test_margin_level_absent_from_data(design) -> None:
    with pytest.raises(ValueError, match="level 'X' of the population of 'sex' is absent from the data"):
        rake(design, {"sex": SEX | {"X": 10}, "agegrp": AGES})


def test_data_level_absent_from_margin(design) -> None:
    with pytest.raises(ValueError, match="level 'M' of column 'sex' is in the data but not in the population"):
        rake(design, {"sex": {"F": 16500}, "agegrp": AGES})


def test_unused_category_in_margin_is_absent_from_data(strat) -> None:
    data = strat.assign(sex=pd.Categorical(strat["sex"], categories=["F", "M", "X"]))
    with pytest.raises(ValueError, match="level 'X' of column 'sex' is absent from the data"):
        poststratify(Design(data, weights="w"), "sex", SEX | {"X": 10})


def test_poststratify_levels_on_one_side(design) -> None:
    with pytest.raises(ValueError, match="level 'M' of column 'sex' is in the data"):
        poststratify(design, "sex", {"F": 9000})
    with pytest.raises(ValueError, match="level 'X' of the population of 'sex'"):
        poststratify(design, "sex", SEX | {"X": 1})


@pytest.mark.parametrize("count", [0, -5, np.nan, np.inf])
def test_population_counts_must_be_positive(design, count: float) -> None:
    with pytest.raises(ValueError, match="population counts of 'sex' must be positive and finite"):
        poststratify(design, "sex", {"F": 9000, "M": count})


def test_calibration_column_with_missing_values(strat) -> None:
    data = strat.assign(sex=strat["sex"].where(strat.index != 3))
    with pytest.raises(ValueError, match="calibration column 'sex' has missing values"):
        rake(Design(data, weights="w"), {"sex": SEX})


def test_raking_that_does_not_converge(design) -> None:
    inconsistent = {"sex": SEX, "agegrp": {k: 1.01 * v for k, v in AGES.items()}}
    with pytest.raises(ValueError, match=r"raking did not converge after 100 iterations: largest margin error 0\.\d+"):
        rake(design, inconsistent)
    with pytest.raises(ValueError, match="raking did not converge after 1 iterations"):
        rake(design, {"sex": SEX, "agegrp": AGES}, tol=1e-12, max_iter=1)


def test_rake_needs_margins(design) -> None:
    with pytest.raises(ValueError, match="at least one margin"):
        rake(design, {})
    with pytest.raises(ValueError, match="max_iter must be at least 1, got 0"):
        rake(design, {"sex": SEX}, max_iter=0)


def test_stratum_with_one_psu(strat) -> None:
    data = pd.concat([strat, strat.iloc[[0]].assign(unit="Z")], ignore_index=True)
    with pytest.raises(ValueError, match="stratum 'Z' of column 'unit' has only one PSU"):
        Design(data, weights="w", strata="unit")


def test_stratum_with_one_cluster(clus) -> None:
    data = clus.assign(stratum=np.where(clus["psu"] == "c01", "alone", clus["stratum"]))
    with pytest.raises(ValueError, match="stratum 'alone' of column 'stratum' has only one PSU"):
        Design(data, weights="w", strata="stratum", cluster="psu")


def test_design_with_a_single_psu(clus) -> None:
    with pytest.raises(ValueError, match="the design has only one PSU"):
        Design(clus[clus["psu"] == "c01"], weights="w", cluster="psu")


def test_certainty_stratum_with_one_psu_is_allowed(strat) -> None:
    """A stratum sampled completely (fpc = its size) adds no variance, as in R."""
    data = pd.concat([strat, strat.iloc[[1]].assign(unit="Z", N_unit=1)], ignore_index=True)
    with_z = Design(data, weights="w", strata="unit", fpc="N_unit").total("score", by="unit")
    assert with_z.loc["Z", "se"] == 0
    assert with_z.loc["Z", "estimate"] == pytest.approx(data["w"].iloc[-1] * data["score"].iloc[-1])


def test_fpc_smaller_than_the_sample(strat) -> None:
    data = strat.assign(N_unit=np.where(strat["unit"] == "C", 50, strat["N_unit"]))
    with pytest.raises(ValueError, match="population of 50 in stratum 'C', smaller than the 120 sampled"):
        Design(data, weights="w", strata="unit", fpc="N_unit")


def test_fpc_varying_within_a_stratum(strat) -> None:
    data = strat.copy()
    data.loc[data.index[data["unit"] == "B"][3], "N_unit"] = 5001
    with pytest.raises(ValueError, match="fpc column 'N_unit' varies within stratum 'B'"):
        Design(data, weights="w", strata="unit", fpc="N_unit")


def test_fpc_mixing_counts_and_fractions(strat) -> None:
    data = strat.assign(N_unit=np.where(strat["unit"] == "A", 0.5, strat["N_unit"]))
    with pytest.raises(ValueError, match="mixes population sizes"):
        Design(data, weights="w", strata="unit", fpc="N_unit")


@pytest.mark.parametrize("bad", [0, -3, np.nan])
def test_fpc_must_be_positive(strat, bad: float) -> None:
    with pytest.raises(ValueError, match="fpc column 'N_unit' must be positive and finite"):
        Design(strat.assign(N_unit=np.where(strat.index == 5, bad, strat["N_unit"])), strata="unit", fpc="N_unit")


@pytest.mark.parametrize("column", ["unit", "psu"])
def test_missing_design_variables(clus, column: str) -> None:
    data = clus.rename(columns={"stratum": "unit"})
    data[column] = data[column].where(data.index != 4)
    with pytest.raises(ValueError, match=f"column '{column}' has missing values \\(row 4\\)"):
        Design(data, weights="w", strata="unit", cluster="psu")


def test_trim_bounds_reversed(design) -> None:
    with pytest.raises(ValueError, match="lower 50 is above upper 10"):
        trim(design, lower=50, upper=10)


def test_strict_trim_that_cannot_hold(design) -> None:
    with pytest.raises(ValueError, match="cannot hold"):
        trim(design, upper=1, strict=True)


def test_top_box_levels_must_differ_from_missing_codes(design) -> None:
    with pytest.raises(ValueError, match="disjoint from missing codes"):
        design.top_box("q1", levels=(4, 9))
    with pytest.raises(ValueError, match="non-empty"):
        design.top_box("q1", levels=())


def test_infinite_values_in_a_numeric_variable(strat) -> None:
    data = strat.assign(score=np.where(strat.index == 2, np.inf, strat["score"]))
    with pytest.raises(ValueError, match="column 'score' has infinite values"):
        Design(data, weights="w").mean("score")


def test_variable_that_is_neither_numeric_nor_categorical(strat) -> None:
    data = strat.assign(when=pd.Timestamp("2024-01-01"))
    with pytest.raises(ValueError, match="column 'when' is neither numeric nor categorical"):
        Design(data, weights="w").mean("when")


def test_compare_errors(design) -> None:
    with pytest.raises(ValueError, match="two different domains, got 'A' twice"):
        compare(design, "score", "unit", "A", "A")
    with pytest.raises(ValueError, match="level 'Q' is not a domain of 'unit'"):
        compare(design, "score", "unit", "A", "Q")
    with pytest.raises(ValueError, match="column 'q1f' is categorical"):
        compare(design, "q1f", "unit", "A", "B")
    with pytest.raises(ValueError, match="both by and level"):
        compare_designs(design, design, "score", by="unit")


def test_design_weights_errors(strat) -> None:
    counts = {"A": 2000, "B": 5000, "C": 1500, "D": 8000}
    with pytest.raises(ValueError, match="unit 'D' has no number of transactions"):
        design_weights(strat, "unit", {k: v for k, v in counts.items() if k != "D"})
    with pytest.raises(ValueError, match="unit 'E' has no respondent \\(n_h = 0\\)"):
        design_weights(strat, "unit", counts | {"E": 10})
    with pytest.raises(ValueError, match="unit 'B' has an invalid number of transactions"):
        design_weights(strat, "unit", counts | {"B": -4})
    with pytest.raises(ValueError, match="unknown column 'nope'"):
        design_weights(strat, "nope", counts)
    with pytest.raises(ValueError, match="column 'unit' has missing units \\(row 9\\)"):
        design_weights(strat.assign(unit=strat["unit"].where(strat.index != 9)), "unit", counts)
