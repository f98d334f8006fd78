"""Two walks of issue 21 in chromium, every request 300 ms late (Chromium's own network emulation):
a supervisor's quota counts only eligible respondents, the screened-out ones shown apart, on a
360 px phone (whole words, nothing cut at the edge) and a 1366 px desktop; an analyst's second
view of the indices page comes from the results cache.

Screenshots are kept (`pytest --basetemp=DIR`), and so are the analyst's first-byte times
(`analyst-first-byte.json`): bench/README.md records them, no test times them."""
import json

import pytest

import survey.analyst.views as views
from tests.accounts.conftest import fresh_limits, make_user  # noqa: F401 (fixtures)
from tests.browser.test_offline_entry import sign_in
from tests.results.conftest import empty_sipas_campaign, sipas_campaign  # noqa: F401 (fixtures)
from tests.supervisor.conftest import VARIED, campaign, respond  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser
LATENCY_MS = 300
SCREENS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1366, "height": 768}}
SCREENED_OUT = {"sex": "male"}
"""Answers rating no satisfaction item: the respondent is screened out."""
FIRST_BYTE = """() => { const [entry] = performance.getEntriesByType("navigation");
  return {server: entry.responseStart - entry.requestStart, since_start: entry.responseStart}; }"""
"""The first byte's time from the request's start and from the navigation's. Chromium adds the
emulated latency outside requestStart..responseStart (a static file reads 1-54 ms there at 300 ms),
so the first is the server's time."""
BROKEN_WORDS = """selector => {
  const broken = [], walker = document.createTreeWalker(document.querySelector(selector), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    for (const word of walker.currentNode.data.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(walker.currentNode, word.index);
      range.setEnd(walker.currentNode, word.index + word[0].length);
      if (range.getClientRects().length > 1) broken.push(word[0]);
    }
  }
  return broken; }"""
"""The words of an element's text laid out over more than one line."""
CUT_TEXTS = """selector => Array.from(document.querySelectorAll(`${selector} text`))
  .filter(text => text.getBoundingClientRect().right > document.documentElement.clientWidth)
  .map(text => text.textContent)"""
"""The texts of an SVG drawn partly past the right edge of the page."""


@pytest.fixture
def slow_page(browser):
    """Opens a page of a screen (`slow_page("phone")`), every request delayed; closed after the test."""
    contexts = []

    def open_page(screen: str):
        context = browser.new_context(viewport=SCREENS[screen], locale="vi-VN", is_mobile=screen == "phone",
                                      has_touch=screen == "phone")
        contexts.append(context)
        page = context.new_page()
        network = context.new_cdp_session(page)
        network.send("Network.enable")
        network.send("Network.emulateNetworkConditions", {"offline": False, "latency": LATENCY_MS,
                                                          "downloadThroughput": -1, "uploadThroughput": -1})
        return page
    yield open_page
    for context in contexts:
        context.close()


def cells(row) -> list[str]:
    return [cell.strip() for cell in row.inner_text().split("\t")]


@pytest.mark.parametrize("screen", list(SCREENS))
def test_a_supervisor_s_quota_counts_eligible_respondents_only(make_user, campaign, respond, live_server,
                                                              slow_page, artifacts, screen):
    make_user("giam-sat", "supervisor", units=["AG-LX", "AG-CD"])
    respond("AG-LX", VARIED, status="verified")
    for answers in (VARIED, VARIED | {"sex": "female"}, SCREENED_OUT, SCREENED_OUT):
        respond("AG-LX", answers)
    respond("AG-CD", VARIED), respond("AG-CD", SCREENED_OUT, channel="paper")
    page = slow_page(screen)
    sign_in(page, live_server, "/giam-sat/giam-sat", username="giam-sat")
    page.wait_for_url("**/giam-sat/giam-sat")
    page.screenshot(path=artifacts / f"supervisor-quota-{screen}.png", full_page=True)
    units = page.locator("table.figures").first
    headings = cells(units.locator("thead tr"))
    assert headings[1:6] == ["Chỉ tiêu", "Đã thu", "Đã duyệt", "Bị loại", "Bị sàng lọc"]
    rows = {row[0]: row[1:] for row in map(cells, units.locator("tbody tr, tfoot tr").all())}
    assert rows == {"Long Xuyên": ["10", "3", "1", "0", "2", "30 %", "7"],
                    "Châu Đốc": ["5", "1", "0", "0", "1", "20 %", "4"],
                    "Tổng": ["15", "4", "1", "0", "3", "27 %", "11"]}
    bars = [label.split(" · dự kiến")[0] for label in page.locator("svg.bars text.label").all_text_contents()]
    assert bars == ["Châu Đốc · AG-CD: 1/5", "Long Xuyên · AG-LX: 3/10"]
    assert page.evaluate(BROKEN_WORDS, "main") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= SCREENS[screen]["width"]
    assert page.evaluate(CUT_TEXTS, "svg.bars") == []


@pytest.fixture
def computations(app, monkeypatch, tmp_path):
    """The times the analysis page computed results, in a cache folder of this test alone."""
    monkeypatch.setitem(app.config, "RESULTS_CACHE_FOLDER", str(tmp_path / "results-cache"))
    calls = []
    original = views.compute_results

    def counted(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(views, "compute_results", counted)
    return calls


def test_the_analyst_s_second_view_comes_from_the_cache(make_user, sipas_campaign, session, computations,
                                                       live_server, slow_page, artifacts):
    make_user("phan-tich", "analyst")
    session.commit()
    page = slow_page("desktop")
    sign_in(page, live_server, "/phan-tich/sipas-test", username="phan-tich")
    page.wait_for_url("**/phan-tich/sipas-test")
    first = page.evaluate(FIRST_BYTE)
    shown = page.inner_text("main")
    page.goto(page.url)  # opened again
    second = page.evaluate(FIRST_BYTE)
    page.screenshot(path=artifacts / "analyst-second-view-desktop.png", full_page=True)
    assert len(computations) == 1  # the second view and its charts were read from the cache
    assert page.inner_text("main") == shown
    assert page.locator("figure.chart img").count() == 2 and page.locator("img[src^='data:']").count() == 0
    (artifacts / "analyst-first-byte.json").write_text(json.dumps(
        {"latency_ms": LATENCY_MS, "first_view_ms": first, "second_view_ms": second}), encoding="utf-8")
