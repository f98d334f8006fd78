"""The arithmetic of sample plans against hand computations."""
import math

import pytest

from survey.sampling.plan import Parameters, allocate, invitations, margin_of, ministry_n, plan_rows, proportion_n, z_of


def test_the_ministry_rule_gives_385_for_ten_thousand_at_five_percent():
    # 10000 / (1 + 10000 * 0.0025) = 10000 / 26 = 384.6
    assert ministry_n(10_000, 0.05) == 385
    assert ministry_n(10_000, "0.05") == 385


@pytest.mark.parametrize("population, margin, expected", [
    (100, 0.05, 80),       # 100 / 1.25 = 80 exactly: not rounded up to 81
    (1_000, 0.05, 286),    # 1000 / 3.5 = 285.7
    (400, 0.1, 80),        # 400 / 5 = 80
    (1, 0.05, 1),
])
def test_the_ministry_rule_by_hand(population, margin, expected):
    assert ministry_n(population, margin) == expected


def test_a_proportion_at_a_confidence_with_the_finite_population_correction():
    assert z_of(0.95) == pytest.approx(1.959964, abs=1e-6)
    # n0 = 1.959964^2 * 0.25 / 0.0025 = 384.146; 384.146 / (1 + 383.146 / 10000) = 369.97
    assert proportion_n(10_000, 0.05, 0.95) == 370
    # z(0.90) = 1.644854: n0 = 270.55; / (1 + 269.55 / 1000) = 213.1
    assert proportion_n(1_000, 0.05, 0.90) == 214


def test_invitations_inflate_by_eligibility_and_response_exactly():
    assert invitations(385, 10_000, 0.8, 0.7) == 688    # 385 / 0.56 = 687.5
    assert invitations(56, 10_000, 0.8, 0.7) == 100     # exactly 100, not 101 from float rounding
    assert invitations(80, 100, 0.8, 0.7) == 100        # 142.9 capped at the unit's 100 dossiers


def test_the_margin_of_error_by_hand():
    # 1.959964 * sqrt(0.25 / 385 * 9615 / 9999) = 1.959964 * 0.024988 = 0.048976
    assert margin_of(10_000, 385, 0.95) == pytest.approx(0.048976, abs=1e-5)
    # 1.959964 * sqrt(0.25 / 50 * 950 / 999) = 1.959964 * 0.068955 = 0.135148
    assert margin_of(1_000, 50, 0.95) == pytest.approx(0.135148, abs=1e-5)
    assert margin_of(100, 100, 0.95) == 0.0
    assert margin_of(100, 0, 0.95) is None


def test_the_rule_gives_each_unit_its_own_n():
    assert allocate({"A": 10_000, "B": 1_000, "C": 100}, "rule", 0.05) == {"A": 385, "B": 286, "C": 80}


def test_proportional_shares_the_budget_by_transactions():
    # 600 * 6000/10000 = 360, 600 * 3000/10000 = 180, 600 * 1000/10000 = 60
    assert allocate({"A": 6_000, "B": 3_000, "C": 1_000}, "proportional", 0.05, 600) == {"A": 360, "B": 180, "C": 60}
    # 100 * 1/3 each = 33.3: the one left over to the first code of the tied remainders
    assert allocate({"A": 50, "B": 50, "C": 50}, "proportional", 0.05, 100) == {"A": 34, "B": 33, "C": 33}


def test_equal_shares_and_a_unit_capped_at_its_transactions_gives_the_rest_to_the_others():
    assert allocate({"A": 1_000, "B": 1_000}, "equal", 0.05, 300) == {"A": 150, "B": 150}
    # 900 / 3 = 300 but C has 60 dossiers: C 60, then (900 - 60) / 2 = 420 each
    assert allocate({"A": 5_000, "B": 5_000, "C": 60}, "equal", 0.05, 900) == {"A": 420, "B": 420, "C": 60}
    assert sum(allocate({"A": 7, "B": 13, "C": 1_000}, "proportional", 0.05, 500).values()) == 500


def test_a_plan_row_per_unit():
    rows = plan_rows({"A": 10_000, "B": 100}, Parameters(eligibility=0.8, response=0.7))
    a, b = rows
    assert (a.unit_code, a.transactions, a.rule_n, a.n, a.invite) == ("A", 10_000, 385, 385, 688)
    assert (b.rule_n, b.n, b.invite) == (80, 80, 100)
    assert a.margin == pytest.approx(0.048976, abs=1e-5)
    assert b.margin == pytest.approx(1.959964 * math.sqrt(0.25 / 80 * 20 / 99), abs=1e-6)
