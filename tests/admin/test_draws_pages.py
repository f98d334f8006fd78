"""The random draw of dossiers on a campaign's invitations page: upload a list, preview the draw per unit
(nothing written), confirm it (invitations linked to the logged draw, audited), the draw's CSV; a draw
that changed since its preview is shown again, bad input refused naming the row."""
import csv
import html
import io
import re

import pytest
from sqlalchemy import func, select

from survey import clock
from survey.accounts.models import AuditEntry
from survey.accounts.sessions import start_session
from survey.admin.invitations.views import invitations_page
from survey.draws.models import DossierDraw
from survey.draws.operations import plan_draw
from survey.invitations.messages import CATALOGUE
from survey.invitations.models import Invitation
from survey.invitations.operations import create_invitations
from tests.admin.test_campaigns_pages import post_multipart
from tests.admin.test_invitations_pages import beside
from tests.draws.test_draws import dossier_list

URL = "/quan-tri/dot-khao-sat/sipas-2026/thu-moi"


@pytest.fixture
def campaign(make_unit, make_campaign, session):
    units = [make_unit("AG-LX", name="Long Xuyên"), make_unit("AG-CD", name="Châu Đốc")]
    made = make_campaign("sipas-2026", units=units)
    for target in made.units:
        target.quota = 3 if target.unit.code == "AG-LX" else 2
    session.commit()
    return made


def counts(session) -> tuple[int, int]:
    session.expire_all()
    return (session.scalar(select(func.count()).select_from(DossierDraw)),
            session.scalar(select(func.count()).select_from(Invitation)))


def preview(admin, text: str, **fields: str):
    return post_multipart(admin, f"{URL}/chon-mau",
                          {"dossiers_file": (text.encode("utf-8"), "ho-so.csv"), **fields})


def hidden_fields(page: str) -> dict[str, str]:
    found = re.findall(r'type="hidden" name="(\w+)" value="([^"]*)"', page)
    return {name: html.unescape(value) for name, value in found if name != "csrf_token"}


def test_a_draw_is_previewed_then_confirmed_into_invitations_of_the_logged_draw(admin, campaign, session):
    assert admin.get(URL).status_code == 200 and "Chưa có lượt chọn mẫu nào" in admin.text()
    response = preview(admin, dossier_list({"AG-LX": 20, "AG-CD": 10}), seed="42")
    assert response.status_code == 200 and counts(session) == (0, 0)
    assert "Danh sách có 30 hồ sơ. Sẽ chọn 5 hồ sơ" in admin.text()
    assert "Long Xuyên AG-LX 20 0 3" in admin.text() and "Châu Đốc AG-CD 10 0 2" in admin.text()
    confirmed = admin.post(f"{URL}/chon-mau/xac-nhan", hidden_fields(admin.html))
    [draw] = session.scalars(select(DossierDraw)).all()
    assert confirmed.status_code == 302 and confirmed.location == f"{URL}?luot={draw.id}&chon=5#chon-mau"
    assert draw.seed == 42 and draw.drawn_by.username == "quantri" and draw.list_rows == 30
    assert counts(session) == (1, 5) and all(i.draw_id == draw.id for i in session.scalars(select(Invitation)))
    assert session.scalars(select(AuditEntry).where(AuditEntry.action == "dossiers_drawn")).one().actor is not None
    admin.get(confirmed.location)
    assert f"Lượt chọn {draw.id}: đã chọn 5 hồ sơ và tạo thư mời" in admin.text()
    assert f"{draw.id} Chọn mẫu" in admin.text() and "quantri 42" in admin.text()
    download = admin.get(f"{URL}/luot-{draw.id}.csv")
    rows = list(csv.DictReader(io.StringIO(download.get_data(as_text=True).lstrip("\ufeff"))))
    assert download.mimetype == "text/csv" and len(rows) == 5
    tokens = {i.dossier_code: i.token for i in session.scalars(select(Invitation))}
    assert all(row["link"] == f"http://localhost/i/{tokens[row['dossier_code']]}" for row in rows)


def test_a_seed_left_blank_is_drawn_once_and_kept_for_the_confirmation(admin, campaign, session):
    preview(admin, dossier_list({"AG-LX": 20}), size="4")
    fields = hidden_fields(admin.html)
    assert fields["seed"].isdigit() and f"Hạt giống ngẫu nhiên {fields['seed']}" in admin.text()
    admin.post(f"{URL}/chon-mau/xac-nhan", fields)
    assert str(session.scalars(select(DossierDraw)).one().seed) == fields["seed"] and counts(session) == (1, 4)


def test_a_draw_changed_since_its_preview_is_shown_again_and_not_drawn(admin, campaign, session):
    preview(admin, dossier_list({"AG-LX": 4}), size="4", seed="7")
    fields = hidden_fields(admin.html)
    lx = next(t.unit for t in campaign.units if t.unit.code == "AG-LX")
    create_invitations(session, campaign, lx, ["LX-002"], None, clock.now())
    session.commit()
    response = admin.post(f"{URL}/chon-mau/xac-nhan", fields)
    assert response.status_code == 400 and counts(session) == (0, 1)
    assert "Đơn vị “AG-LX”: cần chọn 4 hồ sơ nhưng danh sách chỉ có 3 hồ sơ chưa được mời" in admin.text()
    preview(admin, dossier_list({"AG-LX": 4}), size="2", seed="7")
    fields = hidden_fields(admin.html)
    [stratum] = plan_draw(session, campaign, fields["dossiers"], 7, 2).strata
    create_invitations(session, campaign, lx, [stratum.drawn[0].code], None, clock.now())  # invited meanwhile
    session.commit()
    response = admin.post(f"{URL}/chon-mau/xac-nhan", fields)
    assert response.status_code == 409 and "Thư mời của đợt khảo sát đã thay đổi từ lúc xem trước" in admin.text()
    assert counts(session) == (0, 2)


@pytest.mark.parametrize(("text", "fields", "problem"), [
    ("dossier_code,unit_code,date\nA-1,AG-LX,2026-10-01\nA-1,AG-LX,2026-10-02\n", {},
     "Dòng 3, cột dossier_code: mã hồ sơ “A-1” trùng với dòng 2"),
    ("dossier_code,unit_code,date\nA-1,AG-XX,2026-10-01\n", {},
     "Dòng 2, cột unit_code: đơn vị “AG-XX” không thuộc đợt khảo sát “sipas-2026”"),
    ("dossier_code,unit_code,date\nA-1,AG-LX,1/13/2026\n", {},
     "Dòng 2, cột date: “1/13/2026” không phải là ngày (NNNN-TT-NN hoặc NN/TT/NNNN)"),
    ("dossier_code,unit_code,date\nA-1,AG-LX,2026-10-01\n", {"seed": "-1"},
     "Hạt giống ngẫu nhiên “-1” phải là số nguyên từ 0 đến 9223372036854775807"),
    ("dossier_code,unit_code,date\nA-1,AG-LX,2026-10-01\n", {"size": "mười"},
     "Cỡ mẫu “mười” phải là số nguyên không âm"),
    ("dossier_code,unit_code,date\nA-1,AG-LX,2026-10-01\n", {"size": "1", "plan_file": (b"unit_code,n\n", "k.csv")},
     "Nhập số hồ sơ mỗi đơn vị hoặc tải lên kế hoạch chọn mẫu, không nhập cả hai."),
])
def test_bad_input_is_refused_in_the_readers_language_and_nothing_is_written(admin, campaign, session, text, fields,
                                                                              problem):
    response = preview(admin, text, **fields)
    assert response.status_code == 400 and problem in admin.text() and counts(session) == (0, 0)


def test_a_draw_without_a_list_is_refused(admin, campaign, session):
    response = post_multipart(admin, f"{URL}/chon-mau", {"size": "1"})
    assert response.status_code == 400 and "Chọn một tệp để tải lên." in admin.text() and counts(session) == (0, 0)


def test_an_administrator_of_one_district_draws_for_no_campaign_beyond_it(staff, make_user, campaign, session):
    make_user("ql-lx", "admin", units=["AG-LX"])
    staff.sign_in("ql-lx")
    response = preview(staff, dossier_list({"AG-LX": 5}), size="1")
    assert response.status_code == 403 and counts(session) == (0, 0)
    assert staff.post(f"{URL}/chon-mau/xac-nhan", {"dossiers": dossier_list({"AG-LX": 5})}).status_code == 403


def test_the_draw_speaks_english_to_an_english_reader(admin, campaign, session):
    admin.get(f"{URL}?lang=en")
    assert "Draw dossiers at random to invite" in admin.text() and "No draw yet." in admin.text()
    preview(admin, dossier_list({"AG-LX": 5}), size="2", seed="3")
    assert "The list holds 5 dossiers. 2 will be drawn" in admin.text() and "Draw 2 dossiers" in admin.text()
    preview(admin, "dossier_code,unit_code,date\nA-1,AG-LX,2026-02-30\n")
    assert "row 2, date: '2026-02-30' is not a date (YYYY-MM-DD or DD/MM/YYYY)" in admin.text()
    assert "Dòng" not in admin.text() and counts(session) == (0, 0)


def test_the_draws_problems_stand_beside_their_fields_and_not_beside_the_invitation_form(admin, campaign, session):
    preview(admin, dossier_list({"AG-LX": 5}), size="mười", seed="-1", expires_on="2020-01-01")
    page = html.unescape(admin.html)
    assert beside(page, "draw-size") == ["Cỡ mẫu “mười” phải là số nguyên không âm"]
    assert beside(page, "draw-seed") == ["Hạt giống ngẫu nhiên “-1” phải là số nguyên từ 0 đến 9223372036854775807"]
    assert beside(page, "draw-expires") == ["Hạn dùng 01/01/2020 đã qua."] and beside(page, "expires_on") == []
    post_multipart(admin, f"{URL}/chon-mau", {"size": "1"})
    assert beside(html.unescape(admin.html), "dossiers_file") == ["Chọn một tệp để tải lên."]


def test_the_view_not_the_address_says_which_form_a_problem_belongs_to(app, make_user, campaign):
    past = CATALOGUE.problem("expiry_past", "expires_on", day="01/01/2020")
    with app.test_request_context(URL):  # the address of the invitation form, the problem the draw's
        start_session(make_user("quantri", "admin"))
        page = html.unescape(invitations_page(campaign, {}, 400, drawing=[past])[0])
    assert beside(page, "draw-expires") == ["Hạn dùng 01/01/2020 đã qua."] and beside(page, "expires_on") == []
