"""The official 2017 index on the demo: the CSV result against an independent computation from the
exported answers, every interval within [0, 100], and element 5 (feedback) answered by a minority
left out of a small unit's SIPAS under the recipe's rule, saying so."""

import numpy as np
import pandas as pd
import pytest

from analysis.recipes import load_recipe
from survey import clock
from survey.campaigns.queries import campaign_by_slug
from survey.demo.operations import CAMPAIGN_SLUG
from survey.demo.simulated import simulate_responses
from survey.reports.build import build_report
from survey.reports.periods import Period
from survey.results.csv_result import result_rows
from survey.results.report import compute_results

RECIPE = load_recipe("sipas-2017")
ELEMENTS = {element.id: [criterion.id for criterion in element.children] for element in RECIPE.overall.children}


@pytest.fixture
def demo(cli, session):
    assert cli("demo", "load").exit_code == 0
    campaign = campaign_by_slug(session, CAMPAIGN_SLUG)
    simulate_responses(session, campaign, 1500, clock.today())
    session.commit()
    return campaign


def by_hand(answers: pd.DataFrame, weights: pd.Series) -> dict[str, float]:
    """Criterion top-two shares over valid answers (1-5), element means, their mean: plain pandas."""
    found = {}
    for element, criteria in ELEMENTS.items():
        for criterion in criteria:
            valid = answers[criterion].isin([1, 2, 3, 4, 5])
            top = answers[criterion].isin([4, 5])
            found[criterion] = 100 * (weights * top)[valid].sum() / weights[valid].sum()
        found[element] = np.mean([found[c] for c in criteria])
    found["sipas"] = np.mean([found[e] for e in ELEMENTS])
    return found


@pytest.mark.parametrize("weighting", ["design", "none"])
def test_the_csv_equals_a_computation_from_the_exported_answers(cli, demo, tmp_path, weighting):
    exported, result = tmp_path / "answers.csv", tmp_path / "result.csv"
    export = cli("export", CAMPAIGN_SLUG, "--format", "csv", "--out", str(exported), "--weighting", "design")
    assert export.exit_code == 0
    run = cli("analysis", "run", "--campaign", CAMPAIGN_SLUG, "--recipe", "sipas-2017", "--weighting", weighting,
              "--format", "csv", "--out", str(result))
    assert run.exit_code == 0, run.output
    answers = pd.read_csv(exported)
    answers = answers[answers["weight"].notna()]
    weights = answers["weight"] if weighting == "design" else pd.Series(1.0, index=answers.index)
    table = pd.read_csv(result, keep_default_na=False)
    assert list(table.columns[:11]) == ["node", "parent", "level", "domain", "estimate", "se", "ci_low", "ci_high",
                                        "n", "suppressed", "points"]
    campaign_wide = table[table["domain"] == ""].set_index("node")
    expected = by_hand(answers, weights)
    assert set(campaign_wide.index) == set(expected)
    for node, value in expected.items():
        assert campaign_wide.loc[node, "estimate"] == pytest.approx(value, abs=1e-9), node
    assert campaign_wide.loc["sipas", "level"] == 0 and campaign_wide.loc["gop_y", "level"] == 1


def test_feedback_is_a_minority_and_a_unit_short_of_it_keeps_its_sipas(session, demo):
    results = compute_results(session, demo, RECIPE, "design", by=["unit"])
    scope = results.scope
    feedback = pd.to_numeric(scope["gy_1"]).between(1, 5).mean()
    assert 0.10 <= feedback <= 0.20
    rows = result_rows(results)
    units = rows[rows["domain"] != ""].set_index(["domain", "node"])
    short = [unit for unit in units.index.get_level_values(0).unique()
             if units.loc[(unit, "gop_y"), "suppressed"] and not units.loc[(unit, "thu_tuc"), "suppressed"]]
    assert short, "the demo should have units with too few feedback answers"
    for unit in short:
        assert not units.loc[(unit, "sipas"), "suppressed"]
        assert units.loc[(unit, "sipas"), "dropped"] == "gop_y"


def test_no_interval_of_the_demo_leaves_0_to_100(session, demo):
    for recipe in ("sipas-2017",):
        for weighting in ("design", "none"):
            table = compute_results(session, demo, load_recipe(recipe), weighting, by=["unit", "level"]).table
            bounds = table[["ci_low", "ci_high"]].dropna()
            assert len(bounds) and (bounds >= 0).all().all() and (bounds <= 100).all().all()


@pytest.mark.parametrize("weighting", ["design", "none"])
def test_no_interval_of_the_demos_period_report_leaves_0_to_100(session, demo, weighting):
    """The report of the quarter the demo closes in, for the province (every unit, ranked) and for
    a unit: the index, elements and criteria and the units' table, every interval within [0, 100]."""
    quarter = Period("quarterly", demo.closes_on.year, (demo.closes_on.month - 1) // 3 + 1)
    province = build_report(session, quarter, None, RECIPE, weighting)
    unit = build_report(session, quarter, province.units["domain"].iloc[-1], RECIPE, weighting)
    for table in (province.indices, province.units, unit.indices, province.current.table):
        bounds = table[["ci_low", "ci_high"]].dropna()
        assert len(bounds) and (bounds >= 0).all().all() and (bounds <= 100).all().all()
        assert (bounds["ci_low"] <= bounds["ci_high"]).all()
