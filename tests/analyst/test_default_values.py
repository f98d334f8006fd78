"""Every default value of the analysis forms is valid: the report form opens on a period with a
campaign, and the export form on the campaign last answered."""
import re
from datetime import date

from tests.analyst.conftest import signed_in


def selected(html: str, name: str) -> str:
    field = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    chosen = re.search(r'<option value="([^"]*)" selected', field)
    return chosen.group(1) if chosen else re.search(r'<option value="([^"]*)"', field).group(1)


def test_the_report_form_opens_on_the_period_of_the_latest_closed_campaign(app, make_user, session, sipas_campaign):
    sipas_campaign.opens_on, sipas_campaign.closes_on = date(2026, 3, 1), date(2026, 3, 31)
    session.flush()
    browser = signed_in(app, make_user, "analyst")
    browser.get("/phan-tich/bao-cao")
    year = re.search(r'id="year" name="year"[^>]*value="(\d+)"', browser.html).group(1)
    query = {"kind": selected(browser.html, "kind"), "year": year, "quarter": selected(browser.html, "quarter"),
             "recipe": "sipas-local"}
    assert (query["kind"], query["year"], query["quarter"]) == ("quarterly", "2026", "1")
    assert browser.client.get("/phan-tich/bao-cao/xem", query_string=query).status_code == 200


def test_a_yearly_report_ignores_the_quarter_the_form_sends(app, make_user, sipas_campaign):
    browser = signed_in(app, make_user, "analyst")
    query = {"kind": "yearly", "year": str(sipas_campaign.closes_on.year), "quarter": "4", "recipe": "sipas-local"}
    assert browser.client.get("/phan-tich/bao-cao/xem", query_string=query).status_code == 200


def test_the_export_form_preselects_the_campaign_last_answered(app, make_user, sipas_campaign):
    browser = signed_in(app, make_user, "analyst")
    browser.get("/phan-tich/xuat-du-lieu")
    assert '<option value="sipas-test" selected>' in browser.html
