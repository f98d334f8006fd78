"""An administrator in chromium, from an empty database with one published questionnaire: imports
the units from CSV (dry run, then confirmation), creates a campaign with quotas, a stratum and
transaction counts, creates invitations for a list of dossier codes and opens a unit's QR poster."""
from datetime import timedelta
from pathlib import Path

import pytest

from survey.accounts.operations import create_user
from tests.clock import TODAY

pytestmark = pytest.mark.browser
PASSWORD = "gió chướng mùa khô"
UNITS = """code,name,level,name_en,parent_code,active
AG,Tỉnh An Giang,province,An Giang Province,,
AG-LX,Thành phố Long Xuyên,district,,AG,
AG-CD,Thành phố Châu Đốc,district,,AG,
AG-LX-MB,Phường Mỹ Bình,commune,,AG-LX,
""".encode("utf-8-sig")


def sign_in(page, server: str, path: str) -> None:
    page.goto(f"{server}{path}")
    page.get_by_label("Tên đăng nhập").fill("quantri")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


@pytest.fixture
def published(session, make_version):
    """The administrator and the small questionnaire, published; no unit, no campaign."""
    create_user(session, "quantri", "admin", PASSWORD)
    make_version()
    session.commit()


def test_units_campaign_invitations_and_poster_in_the_browser(live_server, desk, published, artifacts: Path):
    sign_in(desk, live_server, "/quan-tri/don-vi")
    assert desk.locator("h1").inner_text() == "Đơn vị" and "Chưa có đơn vị nào" in desk.locator("main").inner_text()
    desk.get_by_role("link", name="Nhập danh sách đơn vị từ CSV").first.click()
    desk.get_by_label("Tệp CSV đơn vị").set_input_files({"name": "don-vi.csv", "mimeType": "text/csv", "buffer": UNITS})
    desk.get_by_role("button", name="Kiểm tra tệp").click()
    assert "Nếu xác nhận: 4 thay đổi" in desk.locator("main").inner_text()
    assert desk.locator("table.changes tbody tr").count() == 4
    desk.screenshot(path=str(artifacts / "units-dry-run.png"), full_page=True)
    desk.get_by_role("button", name="Xác nhận 4 thay đổi").click()
    assert "Đã nhập: 4 đơn vị mới" in desk.locator("[role=status]").inner_text()
    assert desk.locator("ul.tree li").count() == 4

    desk.get_by_role("link", name="Đợt khảo sát", exact=True).click()
    desk.get_by_role("link", name="Tạo đợt khảo sát").click()
    desk.get_by_label("Tên đợt khảo sát").fill("Khảo sát SIPAS 2026")
    desk.get_by_label("Mã đợt (dùng trong đường dẫn)").fill("sipas-2026")
    desk.get_by_label("Phiên bản bảng hỏi đã công bố").select_option("small:1")
    desk.get_by_label("Ngày mở").fill(TODAY.isoformat())
    desk.get_by_label("Ngày đóng (ngày cuối cùng)").fill((TODAY + timedelta(days=30)).isoformat())
    desk.get_by_label("Phiếu giấy (nhập lại)").check()
    for name, quota, transactions in (("Thành phố Long Xuyên", "120", "5400"), ("Thành phố Châu Đốc", "80", "2100")):
        desk.get_by_role("checkbox", name=name).check()
        desk.get_by_label(f"Chỉ tiêu số phiếu của {name}").fill(quota)
        desk.get_by_label(f"Số hồ sơ giao dịch của {name}").fill(transactions)
    desk.get_by_label("Mã đơn vị 1").fill("AG-LX")
    desk.get_by_label("Câu hỏi 1").fill("sex")
    desk.get_by_label("Giá trị 1").fill("female")
    desk.get_by_label("Số phiếu 1").fill("60")
    desk.screenshot(path=str(artifacts / "campaign-form.png"), full_page=True)
    desk.get_by_role("button", name="Tạo đợt khảo sát").click()
    assert desk.url.endswith("/quan-tri/dot-khao-sat/sipas-2026?saved=1")
    main = desk.locator("main").inner_text()
    assert "Đang mở" in main and "sex=female: 60" in main and "5400" in main and "2100" in main

    desk.get_by_role("link", name="Thư mời dùng một lần").click()
    desk.get_by_label("Đơn vị", exact=True).select_option("AG-LX")
    desk.get_by_label("Mã hồ sơ", exact=True).fill("HS-2026-0001\nHS-2026-0002\nHS-2026-0003")
    desk.get_by_role("button", name="Tạo thư mời").click()
    assert "Đã tạo 3 thư mời cho AG-LX" in desk.locator("[role=status]").inner_text()
    with desk.expect_download() as download:
        desk.get_by_role("link", name="Tải tất cả thư mời (CSV)").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert text.count(f"{live_server}/i/") == 3 and "HS-2026-0002" in text
    desk.screenshot(path=str(artifacts / "invitations.png"), full_page=True)

    desk.locator("tr", has_text="AG-LX").get_by_role("link", name="Trang A4 để in").click()
    assert "Long Xuyên" in desk.locator("body").inner_text()
    assert desk.locator("img").first.evaluate("img => img.naturalWidth") > 0  # the QR code's SVG loaded
    desk.screenshot(path=str(artifacts / "poster.png"), full_page=True)
    assert desk.blocked == []


def test_the_pages_fit_a_320_px_phone(live_server, phone, published, make_unit, make_campaign, session):
    make_campaign("sipas-2026", units=[make_unit("AG-LX", name="Thành phố Long Xuyên")])
    session.commit()
    sign_in(phone, live_server, "/quan-tri/don-vi")
    for path in ("/quan-tri/don-vi", "/quan-tri/don-vi/nhap", "/quan-tri/don-vi/AG-LX/ngung-su-dung",
                 "/quan-tri/dot-khao-sat", "/quan-tri/dot-khao-sat/tao", "/quan-tri/dot-khao-sat/sipas-2026",
                 "/quan-tri/dot-khao-sat/sipas-2026/dong", "/quan-tri/dot-khao-sat/sipas-2026/sao-chep",
                 "/quan-tri/dot-khao-sat/sipas-2026/thu-moi"):
        phone.goto(live_server + path)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 320, path
