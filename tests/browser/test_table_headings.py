"""The PAR index tables in chromium: a heading over names or words (unit, level, status, rank change, a
scorecard's field) starts at the left as its column does, where it stood at the column's right edge,
away from the names under it; a heading over figures stays on the right, and so does the dash of a
figure left empty."""
import pytest

from tests.accounts.conftest import PASSWORD, fresh_limits, make_user  # noqa: F401 (fixtures)
from tests.par_index.test_results_browser import scored  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser
ALIGNMENT = """() => Object.fromEntries([...document.querySelectorAll('main thead th')]
  .map(th => [th.innerText.trim(), getComputedStyle(th).textAlign]))"""


DASHES = """() => [...document.querySelectorAll('main td')].filter(td => td.innerText.trim() === '–')
  .map(td => getComputedStyle(td).textAlign)"""


def signed_in(browser, server):
    page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="vi-VN")
    page.goto(f"{server}/dang-nhap")
    page.fill("#username", "noi-vu")
    page.fill("#password", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    return page


def aligned(page, url: str) -> dict[str, str]:
    page.goto(url)
    return page.evaluate(ALIGNMENT)


def test_headings_over_names_and_words_start_at_the_left(scored, live_server, browser):
    page = signed_in(browser, live_server)
    results = aligned(page, f"{live_server}/cham-diem/ket-qua?year=2026")
    card = aligned(page, f"{live_server}/cham-diem/ket-qua/2026/don-vi/AG-SNV")
    listed = aligned(page, f"{live_server}/cham-diem/dot/{scored}")
    page.close()
    assert [results[name] for name in ("Đơn vị", "Thay đổi hạng", "Tổng điểm")] == ["left", "left", "right"]
    assert (card["Lĩnh vực"], card["Tổng điểm"]) == ("left", "right")
    assert [listed[name] for name in ("Đơn vị", "Cấp", "Trạng thái")] == ["left"] * 3


def test_the_dash_of_an_empty_figure_stands_with_the_figures(scored, live_server, browser):
    page = signed_in(browser, live_server)
    page.goto(f"{live_server}/cham-diem/ket-qua/2026/don-vi/AG-STC")
    dashes = page.evaluate(DASHES)
    page.close()
    assert dashes and set(dashes) == {"right"}
