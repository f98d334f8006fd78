"""Bearer tokens: 401 without one, with a bad or revoked one; 403 for a missing scope or another unit.
Cookies are no way in, and the API sets none."""
import re
from datetime import UTC, datetime

from sqlalchemy import select

from survey.accounts.models import AuditEntry
from survey.db import utcnow
from survey.tokens.models import ApiToken
from survey.tokens.operations import revoke_token
from tests.api.conftest import Api


def error(response) -> dict:
    return response.get_json()["error"]


def test_no_token_bad_token_and_another_scheme_are_401(client, make_campaign):
    for headers in ({}, {"Authorization": "Bearer sv_not-a-token"}, {"Authorization": "Basic dXNlcjpwYXNz"},
                    {"Authorization": "Bearer "}, {"Authorization": "Bearer \u00e9\u00e9"}):
        response = client.get("/api/v1/campaigns", headers=headers)
        assert response.status_code == 401 and error(response)["code"] == "unauthorized", headers
        assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_revoked_token_is_401(client, session, make_token):
    secret = make_token("revoked")
    assert Api(client, secret).get("/units").status_code == 200
    revoke_token(session, session.scalar(select(ApiToken)), None, utcnow())
    session.commit()
    assert Api(client, secret).get("/units").status_code == 401


def test_a_missing_scope_is_403(api_with, make_campaign):
    make_campaign()
    reader = api_with("campaigns:read")
    assert reader.get("/campaigns").status_code == 200
    for response in (reader.get("/responses"), reader.post("/invitations", {}), reader.get("/campaigns/x/results")):
        assert response.status_code == 403 and error(response)["code"] == "forbidden"


def test_a_unit_token_sees_its_units_only(session, api_with, make_unit, make_campaign):
    mine, other = make_unit("AG-LX"), make_unit("AG-CD")
    make_campaign("mine", units=[mine])
    make_campaign("theirs", units=[other])
    session.commit()
    scoped = api_with("campaigns:read", "responses:read", unit=mine)
    listed = scoped.get("/campaigns").get_json()["campaigns"]
    assert [c["slug"] for c in listed] == ["mine"]
    assert (listed[0]["min_cell_size"], listed[0]["min_seconds"]) == (30, 60)
    assert scoped.get("/campaigns/theirs").status_code == 403
    assert scoped.get("/units/AG-CD").status_code == 403 and scoped.get("/units/AG-LX").status_code == 200
    assert [u["code"] for u in scoped.get("/units").get_json()["units"]] == ["AG-LX"]
    assert scoped.get("/responses", unit="AG-CD").status_code == 403


def test_a_signed_in_administrator_cookie_is_no_token(staff, make_user):
    make_user("quantri", "admin")
    staff.sign_in("quantri")
    response = staff.client.get("/api/v1/campaigns")
    assert response.status_code == 401


def test_the_api_sets_no_cookie_and_forbids_caching(api):
    response = api.get("/units")
    assert "Set-Cookie" not in response.headers and response.headers["Cache-Control"] == "no-store"


def test_last_use_is_recorded(api, session):
    api.get("/units")
    assert session.scalar(select(ApiToken.last_used_at)) is not None


def test_the_cli_issues_lists_and_revokes(cli, client, session, make_unit):
    make_unit("AG-LX")
    session.commit()
    created = cli("api-tokens", "create", "mot-cua", "--scope", "invitations:write", "--scope", "campaigns:read",
                  "--unit", "AG-LX")
    assert created.exit_code == 0, created.output
    secret = created.output.strip()
    assert secret.startswith("sv_") and session.scalar(select(ApiToken.token_hash)) != secret
    assert Api(client, secret).get("/units").status_code == 200
    assert "mot-cua\tcampaigns:read,invitations:write\tAG-LX" in cli("api-tokens", "list").output
    assert cli("api-tokens", "revoke", "mot-cua").exit_code == 0
    assert Api(client, secret).get("/units").status_code == 401
    assert cli("api-tokens", "revoke", "mot-cua").exit_code == 1
    actions = [(e.action, e.subject) for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions == [("api_token_created", "token mot-cua"), ("api_token_revoked", "token mot-cua")]


def test_the_cli_lists_times_on_the_provinces_clock(cli, clock_at):
    clock_at(datetime(2026, 12, 31, 17, 30, tzinfo=UTC))  # 00:30 on 1 January 2027 in the province
    assert cli("api-tokens", "create", "mot-cua", "--scope", "campaigns:read").exit_code == 0
    created = cli("api-tokens", "list").output.split("\t")[3]
    assert re.fullmatch(r"2027-01-01 00:\d\d", created), created  # the admin page's day, not 2026-12-31 17:30


def test_the_cli_refuses_bad_scopes_and_names(cli, session):
    result = cli("api-tokens", "create", "x", "--scope", "everything")
    assert result.exit_code == 1 and "unknown scope 'everything'" in result.output
    assert session.scalars(select(ApiToken)).all() == []
