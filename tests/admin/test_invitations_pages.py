"""The invitation pages: bulk creation from pasted or uploaded dossier codes (all or nothing, every
repeat and already invited code named), status per unit, the CSV of links, the QR poster links."""
import csv
import html
import io
import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from survey import clock
from survey.accounts.models import AuditEntry
from survey.invitations.models import Invitation
from survey.responses.operations import record_response
from tests.admin.test_campaigns_pages import post_multipart
from tests.clock import TODAY
from tests.public.test_send_work import statements

URL = "/quan-tri/dot-khao-sat/sipas-2026/thu-moi"


@pytest.fixture
def campaign(make_unit, make_campaign, session):
    units = [make_unit("AG-LX", name="Long Xuyên"), make_unit("AG-CD", name="Châu Đốc")]
    made = make_campaign("sipas-2026", units=units)
    session.commit()
    return made


def invitations(session) -> list[Invitation]:
    session.expire_all()
    return list(session.scalars(select(Invitation).order_by(Invitation.id)))


def test_creating_invitations_from_a_pasted_list(admin, campaign, session):
    assert admin.get(URL).status_code == 200 and "Chưa có thư mời nào" in admin.text()
    expiry = clock.today() + timedelta(days=10)
    response = admin.post(URL, {"unit": "AG-LX", "codes": "HS-001\r\n\r\n  HS-002 \nHS-003\n",
                                "expires_on": expiry.strftime("%d/%m/%Y")})
    assert response.status_code == 302 and response.location == f"{URL}?tao=3&don-vi=AG-LX"
    made = invitations(session)
    assert [i.dossier_code for i in made] == ["HS-001", "HS-002", "HS-003"]
    assert all(i.unit.code == "AG-LX" and i.expires_at is not None for i in made)
    admin.get(response.location)
    assert "Đã tạo 3 thư mời cho AG-LX" in admin.text() and "Long Xuyên AG-LX 3 0 0" in admin.text()
    assert "HS-003 AG-LX Chưa dùng" in admin.text()
    assert "/k/sipas-2026/AG-LX/ap-phich" in admin.html and "/k/sipas-2026/AG-CD/qr.svg" in admin.html
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "invitations_created")).one()
    assert entry.subject == "campaign sipas-2026" and entry.details["count"] == 3 and entry.details["unit"] == "AG-LX"


def test_the_list_shows_the_last_day_an_invitation_is_valid(admin, campaign, session):
    admin.post(URL, {"unit": "AG-LX", "codes": "HS-001", "expires_on": "31/12/2026"})
    admin.get(f"{URL}?don-vi=AG-LX")
    # the column is the last day (Hạn dùng (ngày cuối cùng)), not the instant it ends: 01/01/2027 00:00
    assert "HS-001 AG-LX Chưa dùng 31/12/2026 " in admin.text() and "01/01/2027" not in admin.text()


def test_an_invitation_valid_through_a_day_ends_at_the_province_midnight(admin, campaign, session, client,
                                                                         clock_at):
    admin.post(URL, {"unit": "AG-LX", "codes": "HS-001", "expires_on": TODAY.strftime("%d/%m/%Y")})
    [made] = invitations(session)
    clock_at(datetime(2026, 11, 17, 16, 59, tzinfo=UTC))  # 23:59 on that day in the province
    assert client.get(f"/i/{made.token}").status_code == 200
    clock_at(datetime(2026, 11, 17, 17, 0, 1, tzinfo=UTC))  # 00:00:01 the day after
    assert client.get(f"/i/{made.token}").status_code == 410


def test_codes_from_an_uploaded_file_join_the_pasted_ones(admin, campaign, session):
    file = "mã hồ sơ,ngày\nHS-010,01/11/2026\nHS-011,02/11/2026\n".encode("utf-8-sig")
    response = admin.post(URL, {"unit": "AG-CD", "codes": "HS-009", "codes_file": (io.BytesIO(file), "ho-so.csv")})
    assert response.status_code == 302
    assert [i.dossier_code for i in invitations(session)] == ["HS-009", "HS-010", "HS-011"]


def test_repeats_and_already_invited_codes_are_named_and_nothing_is_created(admin, campaign, session):
    admin.post(URL, {"unit": "AG-LX", "codes": "HS-001\nHS-002"})
    response = admin.post(URL, {"unit": "AG-CD", "codes": "HS-002\nHS-005\nHS-005\nHS-006"})
    assert response.status_code == 400
    text = admin.text()
    assert "Mã hồ sơ “HS-005” bị lặp lại trong danh sách" in text
    assert "Mã hồ sơ “HS-002” đã có thư mời trong đợt khảo sát này" in text
    assert "listed twice" not in text and "already has an invitation" not in text
    assert "HS-002\nHS-005\nHS-005\nHS-006</textarea>" in admin.html  # what was pasted is kept
    assert len(invitations(session)) == 2


def test_the_refusal_is_in_english_on_english_pages(admin, campaign, session):
    admin.post(URL, {"unit": "AG-LX", "codes": "HS-001"})
    admin.get(f"{URL}?lang=en")
    assert admin.post(URL, {"unit": "AG-CD", "codes": "HS-001\nHS-005\nHS-005\n" + "X" * 65}).status_code == 400
    text = admin.text()
    assert "dossier code 'HS-005' is listed twice" in text
    assert "dossier code 'HS-001' already has an invitation in this campaign" in text
    assert f"dossier code '{'X' * 20}...' is longer than 64 characters" in text
    assert "Mã hồ sơ" not in text
    assert len(invitations(session)) == 1


@pytest.mark.parametrize("fields, message", [
    ({"unit": "", "codes": "HS-1"}, "Chọn một đơn vị của đợt khảo sát."),
    ({"unit": "AG-XX", "codes": "HS-1"}, "Chọn một đơn vị của đợt khảo sát."),
    ({"unit": "AG-LX", "codes": " \n "}, "Nhập hoặc tải lên ít nhất một mã hồ sơ."),
    ({"unit": "AG-LX", "codes": "HS-1", "expires_on": "2020-01-01"}, "Hạn dùng 01/01/2020 đã qua."),
    ({"unit": "AG-LX", "codes": "HS-1", "expires_on": "mai"}, "“mai” không phải là ngày"),
    ({"unit": "AG-LX", "codes": "X" * 65}, f"Mã hồ sơ “{'X' * 20}...” dài hơn 64 ký tự"),
    ({"unit": "AG-LX", "codes_file": (io.BytesIO(b"PK\x03\x04"), "ho-so.xlsx")}, "không phải tệp .csv hay .txt"),
    ({"unit": "AG-LX", "codes_file": (io.BytesIO(b"HS\x00\x01"), "ho-so.txt")}, "không phải là văn bản"),
    ({"unit": "AG-LX", "codes_file": (io.BytesIO("HS-Xuyên".encode("cp1258")), "ho-so.txt")}, "không mã hoá UTF-8"),
])
def test_a_refused_request_says_why(admin, campaign, session, fields, message):
    assert admin.post(URL, fields).status_code == 400
    assert message in admin.text() and len(invitations(session)) == 0


def test_too_many_codes_and_a_ten_megabyte_file_are_refused(admin, campaign, session):
    many = "\n".join(f"HS-{n}" for n in range(20_001))
    assert admin.post(URL, {"unit": "AG-LX", "codes": many}).status_code == 400
    assert "20001 mã hồ sơ: tối đa 20000 mã mỗi lần" in admin.text()
    big = b"HS-0000001\n" * (10 * 1024 * 1024 // 11)
    assert post_multipart(admin, URL, {"unit": "AG-LX", "codes_file": (big, "ho-so.txt")}).status_code == 413
    assert len(invitations(session)) == 0


def test_the_csv_has_every_link_status_and_is_safe_for_excel(admin, campaign, make_submission, session):
    admin.post(URL, {"unit": "AG-LX", "codes": "HS-001\n=HYPERLINK(\"http://x\")\nHS-003"})
    admin.post(URL, {"unit": "AG-CD", "codes": "HS-100"})
    used, expired = invitations(session)[0], invitations(session)[2]
    response, _ = record_response(session, make_submission(campaign), clock.today())
    used.used_at, used.response_id = clock.now(), response.id
    expired.expires_at = clock.now() - timedelta(days=1)
    session.commit()
    download = admin.get("/quan-tri/dot-khao-sat/sipas-2026/thu-moi.csv")
    assert download.status_code == 200 and download.mimetype == "text/csv"
    assert download.headers["Content-Disposition"] == 'attachment; filename="thu-moi-sipas-2026.csv"'
    assert download.data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(download.data.decode("utf-8-sig"))))
    assert rows[0] == ["dossier_code", "unit_code", "unit_name", "link", "status", "expires", "created"]
    by_code = {row[0]: row for row in rows[1:]}
    assert by_code["HS-001"][4] == "used" and by_code["HS-003"][4] == "expired" and by_code["HS-100"][4] == "unused"
    assert by_code["'=HYPERLINK(\"http://x\")"][1:3] == ["AG-LX", "Long Xuyên"]
    token = session.scalar(select(Invitation.token).where(Invitation.dossier_code == "HS-100"))
    assert by_code["HS-100"][3] == f"http://localhost/i/{token}"
    one_unit = admin.get("/quan-tri/dot-khao-sat/sipas-2026/thu-moi.csv?don-vi=AG-CD").data.decode("utf-8-sig")
    assert len(one_unit.splitlines()) == 2 and "HS-100" in one_unit
    admin.get(URL)
    assert "Long Xuyên AG-LX 1 1 1" in admin.text()


def test_the_page_counts_the_invitations_in_the_database_and_reads_the_shown_ones_only(admin, campaign, session,
                                                                                         monkeypatch):
    monkeypatch.setattr("survey.admin.invitations.views.SHOWN", 2)
    admin.post(URL, {"unit": "AG-LX", "codes": "HS-001\nHS-002\nHS-003"})
    admin.post(URL, {"unit": "AG-CD", "codes": "HS-100"})
    with statements() as sent:
        admin.get(f"{URL}?don-vi=AG-LX")
    assert "Long Xuyên AG-LX 3 0 0" in admin.text() and "Châu Đốc AG-CD 1 0 0" in admin.text()
    assert "HS-003" in admin.text() and "HS-002" in admin.text() and "HS-001" not in admin.text()
    assert "Hiển thị 2 trên 3 thư mời" in admin.text()
    read = [sql for sql in sent if sql.startswith("SELECT invitations.")]
    assert len(read) == 1 and "LIMIT" in read[0], read


def test_unknown_campaigns_and_non_administrators(admin, campaign, new_browser, make_user, session):
    assert admin.get("/quan-tri/dot-khao-sat/khong-co/thu-moi").status_code == 404
    assert admin.get("/quan-tri/dot-khao-sat/khong-co/thu-moi.csv").status_code == 404
    make_user("dieutra", "surveyor", units=["AG-LX"])
    surveyor = new_browser()
    surveyor.sign_in("dieutra")
    assert surveyor.post(URL, {"unit": "AG-LX", "codes": "HS-1"}).status_code == 403
    assert surveyor.get("/quan-tri/dot-khao-sat/sipas-2026/thu-moi.csv").status_code == 403
    assert session.scalar(select(func.count()).select_from(Invitation)) == 0


def beside(page: str, field: str) -> list[str]:
    """The problems a page shows next to the field `field`: between its label and the field itself."""
    label = page.index(f'<label for="{field}">')
    return re.findall(r'<p class="field-error">([^<]*)</p>', page[label:page.index(f'id="{field}"', label)])


@pytest.mark.parametrize(("language", "expected"), [
    ("vi", {"unit": ["Chọn một đơn vị của đợt khảo sát."], "codes": ["Nhập hoặc tải lên ít nhất một mã hồ sơ."],
            "expires_on": ["“mai” không phải là ngày (dạng 2026-12-31 hoặc 31/12/2026)."]}),
    ("en", {"unit": ["Choose a unit of the campaign."], "codes": ["Paste or upload at least one dossier code."],
            "expires_on": ["“mai” is not a date (like 2026-12-31 or 31/12/2026)."]}),
])
def test_each_problem_is_shown_beside_its_field_in_the_readers_language(admin, campaign, session, language,
                                                                        expected):
    admin.get(f"{URL}?lang={language}")
    assert admin.post(URL, {"unit": "", "codes": " ", "expires_on": "mai"}).status_code == 400
    page = html.unescape(admin.html)
    assert {field: beside(page, field) for field in expected} == expected
    assert beside(page, "codes_file") == [] and len(invitations(session)) == 0
