"""survey.par_index.results: a year's units scored on its published definition, survey points
from the officials' campaign by the recipe (none below the minimum cell, and saying so), ranks per
level with the change against the year before, and the refusal of a year without a definition."""
import pytest

from analysis.par_index import UnitInput
from survey.campaigns.queries import campaign_by_slug
from survey.errors import InvalidInput
from survey.par_index.results import TOTAL, table, year_results
from survey.par_index.results_notes import notes, withheld
from tests.par_index.results_setup import (
    CAMPAIGN_NAME,
    GOOD,
    THREE_UNITS,
    answer,
    inputs_of,
    publish_sample,
    scored_setup,
)

# Home Affairs' points by hand: the sample's rules on GOOD, two appraised lower, and 75 % of the
# officials agreeing with every statement (6 of 8) for 2 points a field: 1.5.
BY_HAND = {"f1_1_1": 2, "f1_1_2": 1, "f1_2_1": 2, "f1_3_1": 2, "f1_4_1": 0, "f1_9_1": 1.5,
           "f2_1_1": 4, "f2_2_1": 0, "f2_2_2": 1, "f2_9_1": 1.5,
           "f3_1_1": 4, "f3_2_1": 3, "f3_2_2": 0, "f3_9_1": 1.5,
           "f4_1_1": 4, "f4_2_1": 4, "f4_9_1": 1.5,
           "f5_1_1": 2, "f5_2_1": 3, "f5_2_2": 3, "f5_9_1": 1.5,
           "f6_1_1": 4, "f6_2_1": 2, "f6_9_1": 1.5,
           "f7_1_1": 4, "f7_1_2": 0, "f7_2_1": 3, "f7_2_2": 1.5, "f7_9_1": 1.5,
           "f8_1_1": 0, "f8_1_2": 0, "f8_1_3": 0, "f8_1_4": 0, "f8_1_5": 0, "f8_1_6": 0, "f8_2_1": 2, "f8_3_1": 0}


@pytest.fixture
def scored(session, make_unit, make_campaign, make_version, make_submission):
    scored_setup(session, make_unit, make_campaign, make_version, make_submission)
    return year_results(session, 2026, inputs_of(THREE_UNITS))


def test_a_units_total_is_the_sum_of_its_sub_criteria_by_hand(scored):
    home = next(unit for unit in scored.scores if unit.unit == "AG-SNV")
    assert {name: sub.points for name, sub in home.sub.items()} == pytest.approx(BY_HAND)
    assert home.total == pytest.approx(sum(BY_HAND.values())) == pytest.approx(62.0)
    assert home.survey == pytest.approx(7 * 1.5) and home.percent == pytest.approx(62.0)
    assert home.sub["f3_2_1"].claimed == 6 and home.sub["f3_2_1"].appraised == 3


def test_survey_points_come_from_the_recipe_with_design_weights(scored):
    assert scored.survey.used == {"lanh-dao-2026": "design"}
    assert scored.survey.values["AG-SNV"][("par-officials", "chi_dao")] == pytest.approx(75.0)
    assert f"Campaign '{CAMPAIGN_NAME}': design weights (N_h / n_h)." in notes(scored, "en")


def test_a_unit_below_the_minimum_cell_gets_no_survey_points_and_is_told_why(scored):
    finance = next(unit for unit in scored.scores if unit.unit == "AG-STC")
    assert finance.survey == 0 and not scored.survey.values["AG-STC"]
    assert ("par-officials", "chi_dao") in scored.survey.withheld["AG-STC"]
    said, other = withheld(scored, "AG-STC", "vi"), withheld(scored, "AG-SNV", "en")
    assert said is not None and other is not None
    assert said.startswith("Không có điểm khảo sát cho: Lãnh đạo, quản lý đánh giá công tác chỉ đạo, điều hành; "
                           "Lãnh đạo, quản lý đánh giá lĩnh vực văn bản quy phạm pháp luật;")
    assert "cỡ ô tối thiểu" in said
    assert other.startswith("No survey points for: Overall SIPAS index; Access")


def test_units_are_ranked_within_their_level_field_by_field(scored):
    rows = table(scored)
    totals = {row.unit: row for row in rows if row.field == TOTAL}
    assert [(code, totals[code].rank) for code in ("AG-SNV", "AG-STC", "AG-LX")] == [
        ("AG-SNV", 1), ("AG-STC", 2), ("AG-LX", 1)]
    assert totals["AG-STC"].total == pytest.approx(47.5) and totals["AG-SNV"].rank_change is None
    f1 = {row.unit: row for row in rows if row.field == "f1"}
    assert (f1["AG-SNV"].self_assessed, f1["AG-SNV"].appraised, f1["AG-SNV"].survey) == pytest.approx((8, 7, 1.5))
    assert len(rows) == 3 * 9 and scored.compared_with is None


def test_ranks_change_against_the_year_before(session):
    publish_sample(session, 2025, "Bộ chỉ số năm trước (minh họa)")
    publish_sample(session)
    earlier = {2025: [UnitInput("AG-SNV", "department", GOOD | {"f2_1_1": 0.0, "f3_1_1": False}),
                      UnitInput("AG-STC", "department", GOOD)]}
    results = year_results(session, 2026, inputs_of(THREE_UNITS | earlier))
    change = {unit.unit: (unit.rank, unit.rank_change) for unit in results.scores}
    assert change == {"AG-SNV": (1, 1), "AG-STC": (2, -1), "AG-LX": (1, None)}
    assert results.compared_with == 2025 and "Change of rank against 2025." in notes(results, "en")


def test_a_year_without_a_published_definition_is_refused(session):
    publish_sample(session, 2025)
    with pytest.raises(InvalidInput) as refused:
        year_results(session, 2026, inputs_of(THREE_UNITS))
    [problem] = refused.value.problems
    assert problem.text("en") == "The year 2026 has no published PAR index definition: there are no results."
    assert problem.text("vi").startswith("Năm 2026 chưa có bộ chỉ số cải cách hành chính đã công bố")


def test_kept_survey_results_are_computed_again_once_a_unit_gets_answers(session, make_unit, make_submission,
                                                                          scored):
    finance = make_unit("AG-STC", "department")
    answer(session, make_submission, campaign_by_slug(session, "lanh-dao-2026"), finance, 2, 0)
    again = year_results(session, 2026, inputs_of(THREE_UNITS))
    assert again.survey.values["AG-STC"][("par-officials", "chi_dao")] == pytest.approx(100)
    assert not scored.survey.values["AG-STC"]
