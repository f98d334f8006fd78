"""NUL and the other control characters are refused wherever text comes in, with a 400 naming each
field at fault, before anything is read from or written to the database (a NUL gave a 500 on
PostgreSQL and was stored on SQLite; the offline queue then stopped at that form)."""
import pytest
from flask import url_for
from sqlalchemy import func, select

from survey.entries.models import PaperEntry
from survey.hygiene import has_control
from survey.invitations.models import Invitation
from tests.accounts.conftest import PASSWORD, Staff
from tests.api.conftest import make_token  # noqa: F401 (a fixture)
from tests.security.test_safe_methods import records, table_rows  # noqa: F401 (a fixture)
from tests.surveyor.conftest import GOOD, JSON, PAPER_FORM, keyer  # noqa: F401 (a fixture)


def post_requests(app, campaign, arguments) -> list[str]:
    """The URL of every route taking a form POST (the API checks its own JSON), sign-out last."""
    found = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if "POST" not in rule.methods or rule.rule.startswith("/api/"):
                continue
            values = {name: arguments[name] for name in rule.arguments}
            if "/bang-hoi/" in rule.rule:
                values["slug"] = campaign.questionnaire_version.questionnaire.slug
            found.append(url_for(rule.endpoint, **values))
    return sorted(found, key=lambda url: url == "/dang-xuat")


@pytest.mark.parametrize("text", ["quản\x00trị", "quản\x1btrị", "quản\x7ftrị", "quản\x85trị"],
                         ids=["nul", "escape", "delete", "c1"])
def test_every_form_post_refuses_a_control_character_naming_its_fields(app, records, text):
    campaign, arguments, body = records
    admin = Staff(app.test_client())
    admin.sign_in("quantri")
    before, answered = table_rows(), {}
    for url in post_requests(app, campaign, arguments):
        response = admin.post(url, {**body, "full_name": text, "codes": f"HS-9\n{text}"})
        answered[url] = (response.status_code, "“full_name”" in admin.text() and "“codes”" in admin.text())
    assert {url: found for url, found in answered.items() if found != (400, True)} == {}
    assert len(answered) > 30 and table_rows() == before


def test_a_nul_in_the_sign_in_name_is_refused_in_english_too(app, make_user, session):
    make_user("lan", "surveyor")
    visitor = Staff(app.test_client())
    response = visitor.post("/dang-nhap?lang=en", {"username": "lan\x00", "password": PASSWORD})
    assert response.status_code == 400
    assert "username: holds a control character (such as NUL)" in visitor.text()


def test_a_control_character_in_the_query_or_the_path_is_refused(app, make_user, session):
    make_user("lan", "supervisor")
    visitor = Staff(app.test_client())
    visitor.sign_in("lan")
    assert visitor.get("/giam-sat/?unit=AG%00LX").status_code == 400 and "“unit”" in visitor.text()
    assert visitor.get("/k/dot%00mot/AG-LX").status_code == 400 and "“slug”" in visitor.text()


def test_paper_entry_answers_the_offline_queue_with_the_fields_at_fault(app, keyer, make_campaign, make_unit,
                                                                        make_version, session):
    campaign = make_campaign("giay", units=[make_unit("AG-LX")], channels=("paper",), version=make_version(PAPER_FORM))
    lan = keyer()
    refused = lan.key(campaign, "A\x00-1", {**GOOD, "overall": "2", "why": "chờ\x00lâu"}, headers=JSON)
    assert refused.status_code == 400 and refused.json["status"] == "invalid"
    assert [problem["field"] for problem in refused.json["problems"]] == ["serial", "why"]
    assert refused.json["problems"][1]["message"].startswith("Có ký tự điều khiển không hợp lệ")
    assert session.scalar(select(func.count(PaperEntry.id))) == 0


def test_tab_and_line_breaks_are_text():
    assert not has_control("một\tdòng\r\nhai dòng 🙂 “ngoặc” ＝")
    assert all(has_control(f"a{chr(code)}b") for code in [*range(0, 9), 11, 12, *range(14, 32), *range(127, 160)])


def test_the_api_names_every_field_holding_a_control_character(client, make_campaign, make_token, session):
    campaign = make_campaign("dot-api")
    headers = {"Authorization": f"Bearer {make_token()}"}
    body = {"campaign": campaign.slug, "unit": "AG-LX", "dossier_codes": ["HS-1", "HS\x1b-2"], "expires_on\x00": 1}
    refused = client.post("/api/v1/invitations", json=body, headers=headers)
    error = refused.get_json()["error"]
    assert refused.status_code == 400 and error["field"] == "dossier_codes"
    assert [(p["field"], p["message"]) for p in error["problems"]] == [
        ("dossier_codes", "dossier_codes: holds a control character (such as NUL) that text may not contain; "
                          "remove it and send again"),
        ("body", "body: holds a control character (such as NUL) that text may not contain; remove it and send again")]
    assert session.scalar(select(func.count(Invitation.id))) == 0


def test_dossier_codes_from_a_file_with_control_characters_are_refused(cli, three_pages, session, tmp_path):
    codes = tmp_path / "codes.txt"
    codes.write_text("HS-1\nHS\x00-2\nHS\x1b-3\n", encoding="utf-8")
    result = cli("invitations", "create", "ba-trang", "--unit", "AG-LX", "--codes", str(codes))
    assert result.exit_code == 1
    assert "dossier code 'HS?-2' holds a control character (such as NUL)" in result.output
    assert "dossier code 'HS?-3' holds a control character (such as NUL)" in result.output
    assert session.scalar(select(func.count(Invitation.id))) == 0
