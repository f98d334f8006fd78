"""The supervisor's pages in chromium under the site's Content-Security-Policy: the progress
page with its charts, then rejecting a response with a reason (refused without one)."""
import pytest

from tests.accounts.conftest import PASSWORD, fresh_limits, make_user  # noqa: F401 (fixtures)
from tests.supervisor.conftest import VARIED, campaign, respond  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser


def test_progress_then_reject_a_response_with_a_reason(make_user, campaign, respond, live_server, browser,
                                                         artifacts):
    make_user("giam-sat-lx", "supervisor", units=["AG-LX"])
    for status in ("submitted", "verified"):
        respond("AG-LX", VARIED | {"sex": "female"}, status=status)
    target = respond("AG-LX", channel="paper", seconds=20)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(f"{live_server}/dang-nhap")
    page.fill("#username", "giam-sat-lx")
    page.fill("#password", PASSWORD)
    page.click("main button[type=submit]")

    page.goto(f"{live_server}/giam-sat/giam-sat")
    page.screenshot(path=artifacts / "supervisor-progress.png", full_page=True)
    outline, verified = page.locator("svg.bars rect.target"), page.locator("svg.bars rect.verified")
    assert outline.count() == 1 and outline.bounding_box()["width"] > 300  # 85 % of the figure (target 10)
    assert verified.evaluate("rect => getComputedStyle(rect).fill") == "rgb(139, 26, 26)"  # supervisor.css applies
    assert page.locator("svg.days rect.channel-web").count() == 1
    assert page.locator("table.figures tbody tr").first.inner_text().split("\t")[:3] == ["Long Xuyên", "10", "3"]
    assert "Châu Đốc" not in page.content()

    page.goto(f"{live_server}/giam-sat/phieu/{target.id}")
    page.click("button[value=reject]")  # no reason: refused, nothing changes
    assert "Lý do: bắt buộc phải nhập" in page.inner_text("main")
    page.fill("#reason", "Phiếu giấy bị tẩy xoá, không đọc được")
    page.click("button[value=reject]")
    page.screenshot(path=artifacts / "supervisor-rejected.png", full_page=True)
    assert page.url.endswith(f"/giam-sat/phieu/{target.id}?done=reviewed")
    history = page.locator("table.history tbody tr").first.inner_text()
    assert "giam-sat-lx" in history and "Chờ duyệt → Bị loại" in history and "tẩy xoá" in history
    assert page.locator("dd.status-rejected").inner_text() == "Bị loại"
    # the refused post (400) is the only message: no style, image or script was blocked
    assert console == ["Failed to load resource: the server responded with a status of 400 (BAD REQUEST)"]
    context.close()
