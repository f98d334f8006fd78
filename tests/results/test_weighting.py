"""Weighting choices on frames shaped like `load_campaign`'s: designs equal the library's own."""
import numpy as np
import pandas as pd
import pytest

from analysis import Design, calibrate, poststratify, rake
from survey.errors import InvalidInput
from survey.results.weighting import Margins, read_margins, unit_weights, weigh

TRANSACTIONS = {"A": 1000, "B": 4000, "C": 500, "D": 800}


def frame(counts=(("A", 30), ("B", 20), ("C", 25)), seed: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    units = [u for u, n in counts for _ in range(n)]
    return pd.DataFrame({
        "_unit": units, "_level": ["district" if u != "C" else "commune" for u in units],
        "hl": rng.choice([1.0, 2, 3, 4, 5, np.nan], len(units)),
        "sex": pd.Categorical(rng.choice(["nam", "nu"], len(units)), categories=["nam", "nu", "khac"]),
    }, index=pd.RangeIndex(1, len(units) + 1, name="response_id"))


def test_none_is_equal_weights_without_strata():
    weighting = weigh(frame(), "none", TRANSACTIONS)
    assert (weighting.design.weights == 1).all() and weighting.design.df == len(frame()) - 1
    assert weighting.design.top_box("hl").iloc[0].tolist() == Design(frame()).top_box("hl").iloc[0].tolist()


def test_design_weights_are_transactions_over_respondents_with_units_as_strata_and_fpc():
    data = frame()
    weighting = weigh(data, "design", TRANSACTIONS)
    expected = data["_unit"].map({"A": 1000 / 30, "B": 4000 / 20, "C": 500 / 25})
    assert weighting.design.weights == pytest.approx(expected.to_numpy())
    reference = Design(data.assign(N=data["_unit"].map(TRANSACTIONS)), weights="_weight", strata="_unit", fpc="N")
    assert weighting.design.top_box("hl", by="_unit").equals(reference.top_box("hl", by="_unit"))
    assert weighting.without_respondents == ("D",) and weighting.collapsed == ()


def test_a_unit_with_one_respondent_is_pooled_with_the_smallest_other_for_variance():
    data = frame((("A", 30), ("B", 20), ("C", 1)))
    weighting = weigh(data, "design", TRANSACTIONS)
    assert weighting.collapsed == (("B", "C"),)
    assert weighting.design.weights[data["_unit"].to_numpy() == "C"] == pytest.approx([500.0])
    pooled = data.assign(s=data["_unit"].replace({"C": "B+C", "B": "B+C"}),
                         N=data["_unit"].map({"A": 1000, "B": 4500, "C": 4500}))
    reference = Design(pooled, weights="_weight", strata="s", fpc="N")
    assert weighting.design.top_box("hl").equals(reference.top_box("hl"))
    several = weigh(frame((("A", 1), ("B", 20), ("C", 1))), "design", TRANSACTIONS)
    assert several.collapsed == (("A", "C"),)


def test_poststratify_and_rake_calibrate_the_design_weights():
    data = frame()  # its sex has an unused category, which calibration must leave out
    seen = data.assign(sex=data["sex"].cat.remove_unused_categories())
    base = weigh(seen, "design", TRANSACTIONS).design
    sex = {"nam": 2600.0, "nu": 2900.0}
    post = weigh(data.copy(), "poststratify", TRANSACTIONS, Margins({"sex": sex}, "m.csv"))
    assert post.design.weights == pytest.approx(poststratify(base, "sex", sex).weights)
    levels = {"district": 5000.0, "commune": 500.0}
    raked = weigh(data.copy(), "rake", TRANSACTIONS, Margins({"sex": sex, "level": levels}, "m.csv"))
    expected = rake(base, {"sex": sex, "_level": levels})
    assert raked.design.weights == pytest.approx(expected.weights)
    assert raked.design.top_box("hl").iloc[0].tolist() == pytest.approx(expected.top_box("hl").iloc[0].tolist())


def test_calibrate_is_r_calibrate_raking_of_the_design_weights():
    data = frame()
    base = weigh(data.assign(sex=data["sex"].cat.remove_unused_categories()), "design", TRANSACTIONS).design
    margins = {"sex": {"nam": 2600.0, "nu": 2900.0}, "level": {"district": 5000.0, "commune": 500.0}}
    found = weigh(data.copy(), "calibrate", TRANSACTIONS, Margins(margins, "m.csv"))
    expected = calibrate(base, {"sex": margins["sex"], "_level": margins["level"]}, calfun="raking")
    assert found.method == "calibrate"
    assert found.design.weights == pytest.approx(expected.weights)
    assert found.design.top_box("hl").iloc[0].tolist() == pytest.approx(expected.top_box("hl").iloc[0].tolist())


@pytest.mark.parametrize("method, margins, message", [
    ("design", None, "N_h"),  # C has no transactions below
    ("weights", None, "unknown weighting 'weights'"),
    ("rake", None, "margins are needed by, and only by"),
    ("calibrate", None, "margins are needed by, and only by"),
    ("calibrate", Margins({"sex": {"nam": 2.0, "nu": 3.0}, "level": {"district": 5.0, "commune": 1.0}}, "m.csv"),
     "margin 'level' adds up to 6"),
    ("design", Margins({"sex": {"nam": 1.0}}, "m.csv"), "margins are needed by, and only by"),
    ("poststratify", Margins({"sex": {"nam": 2.0, "nu": 3.0}, "level": {"district": 5.0}}, "m.csv"),
     "poststratify takes the margins of one variable"),
    ("rake", Margins({"age": {"18-24": 1.0}}, "m.csv"), "variable 'age' of the margins is neither"),
    ("poststratify", Margins({"sex": {"nam": 2.0}}, "m.csv"), "level 'nu' of column 'sex' is in the data but not"),
    ("poststratify", Margins({"unit": {"A": 2.0, "B": 3.0}}, "m.csv"), "level 'C' of column 'unit'"),
])
def test_what_cannot_be_weighted_is_a_clear_message(method, margins, message):
    transactions = dict(TRANSACTIONS, C=None) if message == "N_h" else TRANSACTIONS
    with pytest.raises(InvalidInput, match=message):
        weigh(frame(), method, transactions, margins)


def test_missing_answers_to_a_margin_variable_are_counted():
    data = frame()
    data.loc[[1, 2], "sex"] = None
    with pytest.raises(InvalidInput, match=r"2 response\(s\) have no answer to 'sex'"):
        weigh(data, "rake", TRANSACTIONS, Margins({"sex": {"nam": 1.0, "nu": 1.0}}, "m.csv"))


def test_a_unit_with_more_respondents_than_transactions_is_refused_even_pooled_for_variance():
    """B (25 respondents, N_h 20) pooled with the single respondent of C had passed the Design's
    check of the pool (26 of 520) with weights below one; the export's per-unit count refuses it too."""
    message = "fpc column '_population' gives a population of 20 in stratum 'B', smaller than the 25 sampled"
    with pytest.raises(InvalidInput, match=message):
        weigh(frame((("A", 30), ("B", 25), ("C", 1))), "design", dict(TRANSACTIONS, B=20))
    with pytest.raises(InvalidInput, match=message):
        unit_weights({"A": 30, "B": 25, "C": 1}, dict(TRANSACTIONS, B=20))


def test_unit_weights_are_the_weights_weigh_gives():
    data = frame((("A", 30), ("B", 20), ("C", 1)))
    weights = weigh(data, "design", TRANSACTIONS).design.weights
    assert weights.tolist() == data["_unit"].map(unit_weights({"A": 30, "B": 20, "C": 1}, TRANSACTIONS)).tolist()


def test_too_few_responses_for_standard_errors():
    with pytest.raises(InvalidInput, match="at least two"):
        weigh(frame((("A", 1),)), "design", TRANSACTIONS)


def test_margins_csv_every_problem_with_its_row():
    text = "variable,level,population\nsex,nam,x\nsex,nu,-1\n,a,3\nlevel,district,5\nlevel,district,5\nsex,nu,inf\n"
    with pytest.raises(InvalidInput) as caught:
        read_margins(text, "m.csv")
    assert [str(p) for p in caught.value.problems] == [
        "m.csv, row 2: population 'x' is not a number", "m.csv, row 3: population of sex = nu must be positive",
        "m.csv, row 4: variable and level must not be empty", "m.csv, row 6: level = district is given twice",
        "m.csv, row 7: population of sex = nu must be positive"]
    margins = read_margins("\ufeffvariable,level,population\nsex,nam,1200\nsex,nu,1300.5\n", "m.csv")
    assert margins.counts == {"sex": {"nam": 1200.0, "nu": 1300.5}}
    assert margins.table().to_dict("list") == {"variable": ["sex", "sex"], "level": ["nam", "nu"],
                                               "population": [1200.0, 1300.5]}
    with pytest.raises(InvalidInput, match="the columns must be variable, level, population"):
        read_margins("var,level,pop\n", "m.csv")
    with pytest.raises(InvalidInput, match="no margin rows"):
        read_margins("variable,level,population\n", "m.csv")
