"""Single-use invitations: bulk creation from dossier codes, one response per token."""
import csv
import io
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from survey import clock
from survey.invitations.models import Invitation
from survey.invitations.operations import InvitationUnavailable, create_invitations, link_expiry, use_invitation
from survey.responses.models import Response
from tests.clock import START, TODAY
from tests.public.conftest import Respondent


def invite(session, campaign, codes=("HS-001",), expires_at=None) -> list[Invitation]:
    unit = campaign.units[0].unit
    created = create_invitations(session, campaign, unit, list(codes), expires_at, START)
    session.commit()
    return created


def answer_invited(respondent: Respondent, token: str) -> None:
    respondent.start(f"/i/{token}")
    respondent.answer({"visited": "no"})
    respondent.answer({"sex": "female"})
    respondent.send()


def test_cli_creates_one_link_per_dossier_code_as_csv(cli, three_pages, session, tmp_path):
    codes = tmp_path / "codes.txt"
    codes.write_text("HS-001\n\nHS-002\n", encoding="utf-8")
    result = cli("invitations", "create", "ba-trang", "--unit", "AG-CD", "--codes", str(codes),
                 "--expires", "2099-12-31", "--base-url", "https://khaosat.angiang.gov.vn/")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [row["dossier_code"] for row in rows] == ["HS-001", "HS-002"]
    assert all(row["link"] == f"https://khaosat.angiang.gov.vn/i/{row['token']}" for row in rows)
    stored = session.scalars(select(Invitation).order_by(Invitation.dossier_code)).all()
    assert [i.token for i in stored] == [row["token"] for row in rows] and len({i.token for i in stored}) == 2
    assert all(len(i.token) >= 32 and i.unit.code == "AG-CD" and i.expires_at is not None for i in stored)


def test_cli_refuses_duplicates_and_foreign_units_writing_nothing(cli, three_pages, make_unit, session, tmp_path):
    make_unit("AG-TC")
    session.commit()
    codes = tmp_path / "codes.txt"
    codes.write_text("HS-1\nHS-1\n", encoding="utf-8")
    result = cli("invitations", "create", "ba-trang", "--unit", "AG-TC", "--codes", str(codes))
    assert result.exit_code == 1
    assert "unit 'AG-TC' is not surveyed" in result.output and "'HS-1' is listed twice" in result.output
    assert session.scalar(select(func.count()).select_from(Invitation)) == 0
    past = cli("invitations", "create", "ba-trang", "--unit", "AG-LX", "--codes", str(codes), "--expires", "2001-01-01")
    assert past.exit_code != 0


def test_an_invitation_takes_one_response_and_then_says_so_politely(app, respondent, three_pages, session):
    invitation = invite(session, three_pages)[0]
    answer_invited(respondent, invitation.token)
    assert respondent.url.endswith("/cam-on")
    session.refresh(invitation)
    response = session.scalar(select(Response))
    assert invitation.response_id == response.id and invitation.used_at is not None
    again = Respondent(app.test_client())
    page = again.get(f"/i/{invitation.token}")
    assert page.status_code == 410 and "đã được sử dụng" in again.html
    assert session.scalar(select(func.count()).select_from(Response)) == 1


def test_two_drafts_of_one_invitation_store_only_the_first_sent(app, three_pages, session):
    invitation = invite(session, three_pages)[0]
    first, second = Respondent(app.test_client()), Respondent(app.test_client())
    for respondent in (first, second):
        respondent.start(f"/i/{invitation.token}")
        respondent.answer({"visited": "no"})
        respondent.answer({"sex": "male"})
    first.send()
    second.send()
    assert first.url.endswith("/cam-on")
    assert second.status == 410 and "đã được sử dụng" in second.html
    assert session.scalar(select(func.count()).select_from(Response)) == 1


def test_an_expired_invitation_is_refused_politely(respondent, three_pages, session):
    invitation = invite(session, three_pages, expires_at=START - timedelta(minutes=1))[0]
    page = respondent.get(f"/i/{invitation.token}")
    assert page.status_code == 410 and "đã hết hạn" in respondent.html


def test_links_expire_at_the_end_of_the_province_s_day_and_never_on_a_past_one(session):
    assert link_expiry(None, "expires_on") == (None, [])
    assert link_expiry(TODAY, "expires_on") == (clock.end_of_day(TODAY), [])
    [past] = link_expiry(TODAY - timedelta(days=1), "expires_on")[1]
    assert past.field == "expires_on" and past.text("vi") == "Hạn dùng 16/11/2026 đã qua."
    assert past.text("en") == "The expiry date 16/11/2026 is past."


def test_an_unknown_token_is_an_unknown_link(client, three_pages):
    page = client.get("/i/khong-co-token-nay")
    assert page.status_code == 404 and "Không tìm thấy đường dẫn" in page.get_data(as_text=True)


def test_the_start_page_of_an_invitation_names_the_dossier(client, three_pages, session):
    invitation = invite(session, three_pages, codes=["HS-042"])[0]
    html = client.get(f"/i/{invitation.token}").get_data(as_text=True)
    assert "HS-042" in html and "Long Xuyên" in html


def test_one_invitation_cannot_be_used_twice_even_by_a_racing_writer(three_pages, make_submission, session):
    from survey.responses.operations import record_response

    invitation = invite(session, three_pages)[0]
    first, _ = record_response(session, make_submission(three_pages, answers={"visited": "no"}), TODAY)
    use_invitation(session, invitation, first, START)
    second, _ = record_response(session, make_submission(three_pages, answers={"visited": "no"}), TODAY)
    with pytest.raises(InvitationUnavailable):
        use_invitation(session, invitation, second, START)


def test_the_database_refuses_one_response_for_two_invitations(three_pages, make_submission, session):
    from survey.responses.operations import record_response

    one, two = invite(session, three_pages, codes=["A", "B"])
    response, _ = record_response(session, make_submission(three_pages, answers={"visited": "no"}), TODAY)
    use_invitation(session, one, response, START)
    with pytest.raises(IntegrityError):
        two.used_at, two.response_id = START, response.id
        session.flush()
