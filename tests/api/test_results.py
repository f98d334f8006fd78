"""Weighted index results through the API: the figures of compute_results, suppressed cells without
figures, a unit token limited to its units."""
import pytest

from analysis.recipes import load_recipe
from survey.results.report import compute_results
from tests.results.conftest import empty_sipas_campaign, sipas_campaign  # noqa: F401 (fixtures)


@pytest.fixture
def campaign(session, sipas_campaign):
    session.commit()
    return sipas_campaign


def test_the_overall_index_matches_the_library_and_small_cells_are_suppressed(api, session, campaign):
    found = api.get("/campaigns/sipas-test/results", weighting="design")
    assert found.status_code == 200 and found.get_json()["recipe"] == "sipas-local"  # the form's own recipe
    rows = found.get_json()["rows"]
    overall = next(r for r in rows if r["by"] == "all" and r["level"] == "overall")
    expected = compute_results(session, campaign, load_recipe("sipas-local"), "design").level("overall")
    assert overall["estimate"] == pytest.approx(expected["estimate"][0])
    assert overall["ci_low"] < overall["estimate"] < overall["ci_high"] and overall["n"] == expected["n"][0]
    # suppressed cells (units below the campaign's minimum cell size) have no figures
    rows = api.get("/campaigns/sipas-test/results", by="unit").get_json()["rows"]
    suppressed = [r for r in rows if r["suppressed"]]
    assert suppressed, "the generated campaign has units below the minimum cell size"
    assert all(r["estimate"] is None and r["se"] is None and r["ci_low"] is None for r in suppressed)
    assert all(r["estimate"] is not None for r in rows if not r["suppressed"] and r["n"])


def test_a_unit_token_reads_its_units_only(api_with, campaign):
    unit = next(t.unit for t in campaign.units if t.unit.code == "AG-LX")
    scoped = api_with("results:read", unit=unit)
    assert scoped.get("/campaigns/sipas-test/results").status_code == 403
    rows = scoped.get("/campaigns/sipas-test/results", by="unit").get_json()["rows"]
    assert rows and {r["domain"] for r in rows} == {"AG-LX", "AG-LX-MB"}  # its commune too


def test_bad_choices_and_a_campaign_without_responses(api, session, make_campaign):
    make_campaign()
    session.commit()
    assert api.get("/campaigns/test-campaign/results", weighting="rake").status_code == 400
    assert api.get("/campaigns/test-campaign/results", recipe="../../etc/passwd").status_code == 400
    refused = api.get("/campaigns/test-campaign/results")  # the small form is not a SIPAS questionnaire
    assert refused.status_code == 400 and refused.get_json()["error"]["field"] == "recipe"
    assert api.get("/campaigns/khong-co/results").status_code == 404
