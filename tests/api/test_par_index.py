"""The PAR index through the API: the year's definition, results and a unit's scores under the
results:read scope, a unit token limited to its units, a year without a definition a 404, a stored
value that does not fit a 400 naming it, and the OpenAPI document listing the three operations."""
import pytest
from sqlalchemy import select

from survey.par_index.assessments import Assessment, AssessmentValue
from survey.par_index.evidence import PDF, EvidenceRules, checked_file
from survey.par_index.results import published_definition
from survey.par_index.scoring import add_evidence
from survey.par_index.scoring_queries import round_assessments, scoring_round
from survey.units.models import Unit
from tests.par_index.results_setup import scored_setup, stored_round


@pytest.fixture
def scored(session, make_unit, make_campaign, make_version, make_submission):
    scored_setup(session, make_unit, make_campaign, make_version, make_submission)
    stored_round(session)
    scoring = scoring_round(session, published_definition(session, 2026), 2026)
    assert scoring is not None
    finance = next(a for a in round_assessments(session, scoring) if a.unit.code == "AG-STC")
    add_evidence(session, None, finance, "f1_1_1", checked_file("ke-hoach.pdf", b"%PDF-1.4\n% plan\n",
                                                            EvidenceRules((PDF,), 1), "file"))
    session.commit()


def test_the_definition_results_and_scores_need_the_results_scope(api_with, scored):
    reader, other = api_with("results:read"), api_with("campaigns:read")
    for path in ("/par-index/definitions/2026", "/par-index/results/2026", "/par-index/results/2026/units/AG-SNV"):
        assert reader.get(path).status_code == 200 and other.get(path).status_code == 403
        assert api_with(token=None).get(path).status_code == 401


def test_the_definition_lists_every_item_with_its_source(api, scored):
    found = api.get("/par-index/definitions/2026").get_json()
    assert (found["year"], found["max_points"], len(found["items"])) == (2026, 100, 8 + 26 + 37)
    survey = next(item for item in found["items"] if item["id"] == "f1_9_1")
    assert (survey["source"], survey["recipe"], survey["node"], survey["max_points"]) == (
        "survey", "par-officials", "chi_dao", 2)


def test_results_give_each_units_fields_total_and_rank(api, scored):
    found = api.get("/par-index/results/2026").get_json()
    assert found["campaigns"] == {"lanh-dao-2026": "design"} and found["compared_with"] is None
    units = {unit["unit"]: unit for unit in found["units"]}
    total = units["AG-SNV"]["rows"][-1]
    # self-assessed: the appraised 62 less the survey's 10.5, plus what the appraisal took off (1 + 3)
    assert (total["field"], total["total"], total["rank"], total["self_assessed"]) == ("total", pytest.approx(62),
                                                                                       1, pytest.approx(55.5))
    assert [row["field"] for row in units["AG-STC"]["rows"]] == [f"f{n}" for n in range(1, 9)] + ["total"]


def test_a_units_scores_carry_values_survey_results_and_evidence(api, scored):
    found = api.get("/par-index/results/2026/units/AG-SNV").get_json()
    scores = {score["sub_criterion"]: score for score in found["scores"]}
    assert scores["f1_1_1"]["evidence"] == [] and scores["f1_1_1"]["claimed_value"] == "yes"
    assert (scores["f3_2_1"]["claimed_value"], scores["f3_2_1"]["appraised_value"]) == ("96", "82")
    assert scores["f1_9_1"]["survey_result"] == pytest.approx(75) and not scores["f1_9_1"]["withheld"]
    assert scores["f8_1_1"]["survey_result"] is None and scores["f8_1_1"]["withheld"]
    finance = api.get("/par-index/results/2026/units/AG-STC").get_json()
    finance_scores = {score["sub_criterion"]: score for score in finance["scores"]}
    assert finance_scores["f1_9_1"]["withheld"] and finance_scores["f1_1_1"]["evidence"] == ["ke-hoach.pdf"]


def test_a_unit_token_reads_its_own_units_only(api_with, scored, session, make_unit):
    scoped = api_with("results:read", unit=make_unit("AG-STC", "department"))
    assert [unit["unit"] for unit in scoped.get("/par-index/results/2026").get_json()["units"]] == ["AG-STC"]
    assert scoped.get("/par-index/results/2026/units/AG-STC").status_code == 200
    assert scoped.get("/par-index/results/2026/units/AG-SNV").status_code == 403


def test_a_stored_value_that_does_not_fit_is_a_400_naming_its_unit_and_sub_criterion(api, scored, session):
    value = session.scalars(select(AssessmentValue).join(Assessment).join(Unit)
                            .where(Unit.code == "AG-STC", AssessmentValue.sub_criterion == "f1_4_1")).one()
    value.appraised = "khong_ro"
    session.commit()
    refused = api.get("/par-index/results/2026")
    problem = refused.get_json()["error"]["problems"][0]
    assert refused.status_code == 400 and problem["code"] == "par_results_bad_appraised"
    assert problem["message"] == ("Unit 'AG-STC', sub-criterion 'f1_4_1': the stored appraised value 'khong_ro' does "
                                  "not fit the sub-criterion's rule.")


def test_a_year_without_a_definition_or_an_unknown_unit_is_a_404(api, scored):
    missing = api.get("/par-index/results/2027")
    assert missing.status_code == 404 and missing.get_json()["error"]["message"] == (
        "The year 2027 has no published PAR index definition: there are no results.")
    assert api.get("/par-index/definitions/2025").status_code == 404
    assert api.get("/par-index/results/2026/units/AG-KHONG").status_code == 404
    assert api.get("/par-index/results/1999").status_code == 404


def test_the_openapi_document_describes_the_par_index(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    operation = paths["/api/v1/par-index/results/{year}/units/{code}"]["get"]
    assert operation["tags"] == ["par-index"] and "404" in operation["responses"]
    assert {"/api/v1/par-index/definitions/{year}", "/api/v1/par-index/results/{year}"} <= set(paths)
    assert "PAR index" in client.get("/api/v1/openapi.json").get_json()["info"]["description"]
