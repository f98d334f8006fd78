"""Every absolute link the service hands out (QR codes, posters, printed questionnaires, invitations
on the admin pages, the API and the command line) is made on PUBLIC_BASE_URL, never on the Host
header a request came with; QR images are cached for minutes, not for the static files' year."""
import csv
import io
import re

import pytest

from tests.accounts.conftest import Staff, fresh_limits, make_user  # noqa: F401 (fixtures)
from tests.api.conftest import make_token  # noqa: F401 (fixture)

BASE = "https://khaosat.angiang.gov.vn"
FORGED = "attacker.example"


@pytest.fixture
def public_base(app, monkeypatch):
    monkeypatch.setitem(app.config, "PUBLIC_BASE_URL", BASE)


@pytest.fixture
def campaign(make_campaign, make_unit, session):
    made = make_campaign("sipas-2026", units=[make_unit("AG-LX")])
    session.commit()
    return made


@pytest.fixture
def forged_admin(app, make_user) -> Staff:
    """An administrator whose every request (the sign-in too, so the cookie follows) names a forged host."""
    make_user("quantri", "admin")
    browser = Staff(app.test_client())
    browser.client.environ_base["HTTP_HOST"] = FORGED
    browser.sign_in("quantri")
    return browser


def test_the_poster_and_its_qr_codes_ignore_a_forged_host(client, public_base, campaign):
    poster = client.get("/k/sipas-2026/AG-LX/ap-phich", headers={"Host": FORGED}).get_data(as_text=True)
    assert f"{BASE}/k/sipas-2026/AG-LX" in poster and FORGED not in poster
    for kind in ("svg", "png"):
        forged = client.get(f"/k/sipas-2026/AG-LX/qr.{kind}", headers={"Host": FORGED})
        assert forged.status_code == 200 and forged.data == client.get(f"/k/sipas-2026/AG-LX/qr.{kind}").data


def test_qr_images_are_cached_for_minutes(client, campaign):
    for kind in ("svg", "png"):
        cache = client.get(f"/k/sipas-2026/AG-LX/qr.{kind}").headers["Cache-Control"]
        assert 60 <= int(re.fullmatch(r"max-age=(\d+)", cache).group(1)) <= 3600


def test_the_printed_questionnaire_links_to_the_configured_base(public_base, campaign, forged_admin):
    assert forged_admin.get("/in-phieu/sipas-2026/AG-LX").status_code == 200
    assert f"{BASE}/k/sipas-2026/AG-LX" in forged_admin.html and FORGED not in forged_admin.html


def test_the_admin_pages_invitation_links_are_on_the_configured_base(public_base, campaign, forged_admin):
    url = "/quan-tri/dot-khao-sat/sipas-2026/thu-moi"
    assert forged_admin.post(url, {"unit": "AG-LX", "codes": "HS-001"}).status_code == 302
    rows = list(csv.DictReader(io.StringIO(forged_admin.client.get(f"{url}.csv").data.decode("utf-8-sig"))))
    assert [row["link"].rsplit("/", 1)[0] for row in rows] == [f"{BASE}/i"]


def test_the_api_invitation_links_are_on_the_configured_base(client, public_base, campaign, make_token):
    response = client.post("/api/v1/invitations", json={"campaign": "sipas-2026", "unit": "AG-LX",
                                                        "dossier_codes": ["HS-001"]},
                           headers={"Authorization": f"Bearer {make_token()}", "Host": FORGED})
    [made] = response.get_json()["invitations"]
    assert response.status_code == 201 and made["link"] == f"{BASE}/i/{made['token']}"


def invite(cli, tmp_path, code, *options):
    codes = tmp_path / "codes.txt"
    codes.write_text(f"{code}\n", encoding="utf-8")
    return cli("invitations", "create", "sipas-2026", "--unit", "AG-LX", "--codes", str(codes), *options)


def test_the_command_line_uses_the_setting_and_base_url_overrides_it(cli, public_base, campaign, tmp_path):
    [made] = csv.DictReader(io.StringIO(invite(cli, tmp_path, "HS-001").output))
    assert made["link"] == f"{BASE}/i/{made['token']}"
    [other] = csv.DictReader(io.StringIO(invite(cli, tmp_path, "HS-002", "--base-url", "http://10.0.0.5:8000/ks/").output))
    assert other["link"] == f"http://10.0.0.5:8000/ks/i/{other['token']}"


def test_the_command_line_refuses_a_base_url_that_is_no_address(cli, campaign, session, tmp_path):
    from survey.invitations.models import Invitation

    result = invite(cli, tmp_path, "HS-001", "--base-url", "khaosat.angiang.gov.vn")
    assert result.exit_code == 2 and "PUBLIC_BASE_URL must be an http(s) address" in result.output
    assert session.query(Invitation).count() == 0
