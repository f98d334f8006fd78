"""Reports over the Q2 and Q3 2026 campaigns of conftest.py: changes and their tests, the ranking,
a unit with too few responses, a campaign that does not fit the recipe, yearly pooling."""
from datetime import date

import pytest

from analysis import compare_designs
from analysis.recipes import load_recipe
from survey.campaigns.operations import CampaignSpec, Target, create_campaign
from survey.errors import InvalidInput
from survey.reports.build import build_report
from survey.reports.gather import _pooled
from survey.reports.periods import Period
from survey.results.weighting import weigh
from tests.reports.conftest import PLAN

Q3 = Period("quarterly", 2026, 3)
SIPAS = load_recipe("sipas-local")


@pytest.fixture
def session(built):
    """Every test here reads the data built once for the module (`built`)."""
    return built[0]


@pytest.fixture
def quarters(built):
    return built[1]


def row(report, node):
    return report.indices.set_index("node").loc[node]


def test_a_significant_drop_and_a_change_that_is_not(session, quarters):
    dropped = build_report(session, Q3, "AG-LX", SIPAS)
    steady = build_report(session, Q3, "AG-CD", SIPAS)
    assert row(dropped, "sipas")["change"] < -20 and row(dropped, "sipas")["p_value"] < 0.001
    assert row(dropped, "sipas")["significant"] is True and row(dropped, "sipas")["change_high"] < 0
    assert row(steady, "sipas")["p_value"] > 0.05 and row(steady, "sipas")["significant"] is False
    assert row(steady, "sipas")["change_low"] < 0 < row(steady, "sipas")["change_high"]
    assert dropped.previous.campaigns == ("sipas-2026-q2",) and dropped.current.campaigns == ("sipas-2026-q3",)


def test_an_element_change_is_what_analysis_compare_gives(session, quarters):
    """tiep_can is the top-two-box share of hl_tc: its change equals compare_designs on the two periods."""
    report = build_report(session, Q3, "AG-LX", SIPAS)
    designs = []
    for campaign in (quarters[3], quarters[2]):
        frame, transactions = _pooled(session, [campaign], SIPAS, ("submitted", "verified"))
        designs.append(weigh(frame, "design", transactions).design)
    expected = compare_designs(*designs, "hl_tc", by="_code", level="AG-LX", levels=(4, 5))
    assert row(report, "tiep_can")["change"] == pytest.approx(100 * expected.difference, rel=1e-9)
    assert row(report, "tiep_can")["p_value"] == pytest.approx(expected.p_value, rel=1e-9)


def test_the_province_report_ranks_units_and_counts_channels(session, quarters):
    report = build_report(session, Q3, None, SIPAS)
    ranks = report.ranking.set_index("unit")
    estimates = ranks.loc[["AG-CD", "AG-TC", "AG-LX"], "estimate"]
    assert list(estimates) == sorted(estimates, reverse=True)
    assert ranks.loc[["AG-CD", "AG-TC", "AG-LX"], "rank"].tolist() == [1, 2, 3]
    assert ranks.loc["AG-SNV", "rank"] is None and report.ranked_units == 3
    assert ("flag_unranked", {"units": "AG-SNV", "size": 10}) in report.flags
    assert all(o != r for r, overlaps in zip(ranks["rank"], ranks["overlaps"], strict=True) for o in overlaps)
    counts = report.counts.set_index("unit")
    assert counts.loc["total"].tolist() == counts.drop("total").sum().tolist()
    assert 0.85 * sum(n for _, n, _ in PLAN[3]) < counts.loc["total", "total"] <= sum(n for _, n, _ in PLAN[3])
    assert counts.loc["AG-SNV", "total"] <= 4 and counts.loc["total", "paper"] > 0
    assert set(report.units["level"]) == {"overall", "element"}


def test_a_unit_with_too_few_responses(session, quarters):
    report = build_report(session, Q3, "AG-SNV", SIPAS)
    assert report.indices["suppressed"].all() and report.indices["significant"].isna().all()
    assert report.flags[0][0] == "flag_suppressed" and report.ranking["rank"].tolist() == [None]


def test_yearly_pools_the_quarters_and_has_no_previous_year(session, quarters):
    report = build_report(session, Period("yearly", 2026), None, SIPAS)
    assert report.current.campaigns == ("sipas-2026-q2", "sipas-2026-q3") and report.previous is None
    assert ("flag_no_previous", {"period": "2025"}) in report.flags
    assert report.counts.set_index("unit").loc["AG-LX", "total"] > 50


def test_campaigns_that_do_not_fit_the_recipe_are_named(session, quarters, make_version, small_form):
    unit = quarters[3].units[0].unit
    try:
        create_campaign(session, CampaignSpec(slug="quick", name="Quick", version=make_version(small_form),
                                              targets=[Target(unit, 10, 100)], opens_on=date(2026, 8, 1),
                                              closes_on=date(2026, 8, 31)))
        report = build_report(session, Q3, None, SIPAS)
    finally:
        session.rollback()  # the other tests share the data
    assert [key for key, _ in report.flags].count("flag_skipped") == 1
    assert report.current.campaigns == ("sipas-2026-q3",)


@pytest.mark.parametrize("asked, unit, message", [
    (Period("quarterly", 2026, 1), None, "No fitting campaign"),
    (Q3, "AG-XX", "unit 'AG-XX' has no response in the campaigns of 2026-q3"),
])
def test_nothing_to_report(session, quarters, asked, unit, message):
    with pytest.raises(InvalidInput, match=message):
        build_report(session, asked, unit, SIPAS, language="en")


def test_quality_flags_count_the_rules_of_the_units_responses(session, quarters):
    from collections import Counter

    from survey.quality.queries import flagged_responses
    from survey.reports.text import flag_texts
    from survey.reports.words import MORE

    lx = next(t.unit_id for t in quarters[3].units if t.unit.code == "AG-LX")
    expected = Counter(f.rule for found in flagged_responses(session, quarters[3], None) if found.unit_id == lx
                       for f in found.findings)
    assert expected, "the generated answers have flagged responses"
    report = build_report(session, Q3, "AG-LX", SIPAS)
    assert ("flag_quality", {"counts": dict(expected)}) in report.flags
    shown = " ".join(flag_texts(report, "vi"))
    # each rule named in words with its count, never by its code
    assert all(f"{MORE['rule_' + rule][0]}: {count}" in shown and rule not in shown for rule, count in expected.items())
