"""Pure parts of the reports: periods, the change test, the ranking with ties and overlaps."""
from datetime import date

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from survey.errors import InvalidInput
from survey.reports.compose import across_units, changes, ranking
from survey.reports.periods import Period, period


@pytest.mark.parametrize("asked, first, last, previous", [
    (Period("quarterly", 2026, 1), date(2026, 1, 1), date(2026, 3, 31), Period("quarterly", 2025, 4)),
    (Period("quarterly", 2026, 3), date(2026, 7, 1), date(2026, 9, 30), Period("quarterly", 2026, 2)),
    (Period("quarterly", 2026, 4), date(2026, 10, 1), date(2026, 12, 31), Period("quarterly", 2026, 3)),
    (Period("yearly", 2026), date(2026, 1, 1), date(2026, 12, 31), Period("yearly", 2025)),
])
def test_period_bounds_and_the_previous_period(asked, first, last, previous):
    assert (asked.first_day(), asked.last_day(), asked.previous()) == (first, last, previous)


def test_bad_periods_list_every_problem():
    with pytest.raises(InvalidInput) as caught:
        period("monthly", 1999, 5)
    assert [str(p) for p in caught.value.problems] == ["unknown report 'monthly' (one of quarterly, yearly)",
                                     "year 1999 is not a year between 2000 and 2100"]
    with pytest.raises(InvalidInput, match="quarter 1-4"):
        period("quarterly", 2026, None)
    with pytest.raises(InvalidInput, match="takes no quarter"):
        period("yearly", 2026, 2)


def estimates(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["domain", "node", "level", "estimate", "se", "ci_low", "ci_high", "n",
                                       "suppressed"])


def test_the_change_is_a_welch_satterthwaite_t_test():
    current = estimates([("A", "x", "overall", 70.0, 3.0, 64.0, 76.0, 100, False),
                         ("B", "x", "overall", 60.0, 4.0, 52.0, 68.0, 80, True),
                         ("C", "x", "overall", 50.0, 4.0, 42.0, 58.0, 80, False)])
    previous = estimates([("A", "x", "overall", 80.0, 2.0, 76.0, 84.0, 90, False),
                          ("B", "x", "overall", 65.0, 4.0, 57.0, 73.0, 80, False)])
    table = changes(current, previous, 40.0, 30.0).set_index("domain")
    variance = 3.0 ** 2 + 2.0 ** 2
    df = variance ** 2 / (3.0 ** 4 / 40 + 2.0 ** 4 / 30)
    t = -10.0 / np.sqrt(variance)
    assert table.loc["A", "change"] == pytest.approx(-10.0)
    assert table.loc["A", "p_value"] == pytest.approx(2 * stats.t.sf(abs(t), df), rel=1e-12)
    assert table.loc["A", "change_high"] == pytest.approx(-10 + stats.t.ppf(0.975, df) * np.sqrt(variance))
    assert table.loc["A", "significant"] is True
    assert table.loc["B", "significant"] is None and np.isnan(table.loc["B", "change"])  # suppressed now
    assert table.loc["C", "significant"] is None and np.isnan(table.loc["C", "previous"])  # not surveyed before


def test_without_a_previous_period_nothing_is_tested():
    table = changes(estimates([("A", "x", "overall", 70.0, 3.0, 64.0, 76.0, 100, False)]), None, 40.0, None)
    assert table["significant"].tolist() == [None] and table["change"].isna().all()


def test_the_units_compared_at_once_have_holm_adjusted_p_values():
    """Two units with raw p 0.03 and 0.04 each pass alone, not together (Holm: 0.06 and 0.06)."""
    table = pd.DataFrame({"domain": ["", "A", "B", "C", "A"], "node": ["x", "x", "x", "x", "y"],
                          "p_value": [0.01, 0.03, 0.04, np.nan, 0.03],
                          "significant": [True, True, True, None, True]})
    units = across_units(table).set_index(["domain", "node"])
    assert units["p_value"].tolist()[:2] == pytest.approx([0.06, 0.06]) and np.isnan(units["p_value"].iloc[2])
    assert units["significant"].tolist() == [False, False, None, True]  # y has one unit: 0.03 stays
    assert "" not in units.index.get_level_values("domain")


def test_ranking_shares_ranks_on_ties_and_leaves_out_suppressed_units():
    overall = pd.DataFrame({
        "domain": ["A", "B", "C", "D", "E"],
        "estimate": [80.04, 79.96, 75.0, 90.0, 60.0],
        "ci_low": [76.0, 77.0, 70.0, 85.0, 50.0], "ci_high": [84.0, 83.0, 76.5, 95.0, 69.0],
        "n": [100, 90, 80, 10, 70], "change": [1.0, np.nan, -2.0, np.nan, 3.0],
        "significant": [False, None, False, None, True], "suppressed": [False, False, False, True, False]})
    table = ranking(overall, {"A": "Đơn vị A"})
    assert table["unit"].tolist() == ["A", "B", "C", "E", "D"]
    assert table["rank"].tolist() == [1, 1, 3, 4, None]  # 80.0 and 80.0 shown: a tie
    assert table["name"].tolist()[:2] == ["Đơn vị A", "B"]
    assert table["overlaps"].tolist() == [[1, 3], [1], [1], [], []]
