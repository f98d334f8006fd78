"""Invitations in bulk from dossier codes: links returned, all or nothing, audited."""
from datetime import timedelta

from sqlalchemy import func, select

from survey.accounts.models import AuditEntry
from survey.invitations.models import Invitation


def test_invitations_for_dossier_codes(api, session, make_campaign, settings, today):
    make_campaign()
    session.commit()
    settings["PUBLIC_BASE_URL"] = "https://khaosat.angiang.gov.vn"
    expires = (today + timedelta(days=10)).isoformat()
    response = api.post("/invitations", {"campaign": "test-campaign", "unit": "AG-LX",
                                         "dossier_codes": ["000.00.17.H01-261127-0001", "0002"], "expires_on": expires})
    assert response.status_code == 201
    made = response.get_json()["invitations"]
    assert [i["dossier_code"] for i in made] == ["000.00.17.H01-261127-0001", "0002"]
    assert made[0]["link"] == f"https://khaosat.angiang.gov.vn/i/{made[0]['token']}"
    assert made[0]["expires_at"] is not None
    [entry] = session.scalars(select(AuditEntry).where(AuditEntry.action == "invitations_created")).all()
    assert entry.subject == "campaign test-campaign" and entry.details["api_token"] == "one-stop-shop"


def test_all_or_nothing(api, session, make_campaign):
    make_campaign()
    session.commit()
    api.post("/invitations", {"campaign": "test-campaign", "unit": "AG-LX", "dossier_codes": ["A"]})
    refused = api.post("/invitations", {"campaign": "test-campaign", "unit": "AG-LX", "dossier_codes": ["B", "A", "B"]})
    assert refused.status_code == 400
    messages = [p["message"] for p in refused.get_json()["error"]["problems"]]
    assert any("'A' already has" in m for m in messages) and any("'B' is listed twice" in m for m in messages)
    assert session.scalar(select(func.count()).select_from(Invitation)) == 1


def test_bad_requests(api, api_with, session, make_unit, make_campaign):
    mine = make_unit("AG-LX")
    make_campaign(units=[mine, make_unit("AG-CD")])
    session.commit()
    for sent, field in (({"campaign": "x", "unit": "AG-LX", "dossier_codes": ["A"]}, "campaign"),
                        ({"campaign": "test-campaign", "unit": "X", "dossier_codes": ["A"]}, "unit"),
                        ({"campaign": "test-campaign", "unit": "AG-LX", "dossier_codes": []}, "dossier_codes"),
                        ({"campaign": "test-campaign", "unit": "AG-LX", "dossier_codes": ["A"],
                          "expires_on": "2020-01-01"}, "expires_on")):
        response = api.post("/invitations", sent)
        assert response.status_code == 400 and response.get_json()["error"]["field"] == field, sent
    scoped = api_with("invitations:write", unit=mine)
    assert scoped.post("/invitations", {"campaign": "test-campaign", "unit": "AG-CD",
                                        "dossier_codes": ["A"]}).status_code == 403
