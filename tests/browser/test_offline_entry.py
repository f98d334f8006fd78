"""Offline paper entry in real chromium: forms keyed without a network wait on the device (across a
closed tab and a browser restart) and reach the server exactly once, however often they are sent."""
import pytest
from sqlalchemy import func, select

from survey.entries.models import PaperEntry
from tests.accounts.conftest import PASSWORD, fresh_limits, make_user  # noqa: F401 (fixtures)
from tests.browser.fixtures import CHROMIUM, FLAGS
from tests.surveyor.conftest import paper_campaign  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

# overall, visited, trips (asked: visited), [why: skipped, overall > 2], helps, sex
KEYS = ["4", "1", "3", "1 3", "2"]
KEPT = """() => new Promise((resolve, reject) => {
  const open = indexedDB.open("survey-offline", 1);
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const request = open.result.transaction("entries").objectStore("entries").getAll();
    request.onsuccess = () => resolve(request.result);
  };
})"""
PUT_BACK = """entries => new Promise((resolve, reject) => {
  const open = indexedDB.open("survey-offline", 1);
  open.onsuccess = () => {
    const transaction = open.result.transaction("entries", "readwrite");
    entries.forEach(entry => transaction.objectStore("entries").put(entry));
    transaction.oncomplete = () => resolve(entries.length);
    transaction.onerror = () => reject(transaction.error);
  };
})"""


@pytest.fixture
def launch(browser, tmp_path):
    """Starts chromium on one profile on disk (what it keeps survives closing it); closed after the test."""
    started = []

    def start():
        context = browser.browser_type.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, args=FLAGS, locale="vi-VN",
            viewport={"width": 800, "height": 900})
        started.append(context)
        return context
    yield start
    for context in started:
        context.close()


@pytest.fixture
def entry(paper_campaign, make_user, session) -> str:
    """The entry page of AG-LX in a paper campaign, and its surveyor lan."""
    campaign = paper_campaign()
    make_user("lan", "surveyor", units=("AG-LX",))
    session.commit()
    return f"/nhap-phieu/{campaign.slug}/AG-LX"


def opened(launch, live_server: str, entry: str):
    """Chromium started on the profile, lan signed in at the entry page, its service worker ready."""
    context = launch()
    page = context.new_page()
    sign_in(page, live_server, entry)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    return context, page


def key_paper(page, serial: str) -> None:
    """Keys one paper form with the keyboard only: the serial, then each code and Enter."""
    assert page.evaluate("document.activeElement.id") == "serial"
    for typed in [serial, *KEYS]:
        page.keyboard.type(typed)
        page.keyboard.press("Enter")


def sign_in(page, live_server: str, then: str, username: str = "lan") -> None:
    page.goto(f"{live_server}/dang-nhap?next={then}")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server}{then}")


def waiting(page, count: int) -> None:
    page.wait_for_function("n => document.getElementById('offline-count').textContent === n + ' phiếu đang chờ gửi'",
                           arg=count)


def saved(page, serial: str) -> None:
    """Waits until the day's list shows the form stored: the server's reply came back."""
    page.wait_for_function("serial => [...document.querySelectorAll('#entry-today tr[data-saved]')]"
                           ".some(row => row.cells[0].textContent === serial)", arg=serial)


def stored(session) -> dict[str, int]:
    session.expire_all()
    return dict(session.execute(select(PaperEntry.serial, func.count()).group_by(PaperEntry.serial)).all())


def test_forms_keyed_offline_are_stored_exactly_once(launch, live_server, entry, session, artifacts):
    context, page = opened(launch, live_server, entry)
    page.wait_for_function("url => caches.match(url).then(Boolean)", arg=entry)

    key_paper(page, "101")  # online: stored at once, in the background
    saved(page, "101")
    assert "Phiếu số 101 đã lưu" in page.inner_text("#offline-note")
    assert stored(session) == {"101": 1}

    context.set_offline(True)
    for number, serial in enumerate(["201", "202", "203"], start=1):
        key_paper(page, serial)
        waiting(page, number)
    assert "phiếu số 203 đã lưu trên máy này" in page.inner_text("#offline-note")
    page.screenshot(path=artifacts / "offline-queue.png", full_page=True)
    kept = page.evaluate(KEPT)
    assert sorted(e["serial"] for e in kept) == ["201", "202", "203"] and len({e["uuid"] for e in kept}) == 3
    assert stored(session) == {"101": 1}

    page.close()  # the tab closes; another opens, still offline: the worker serves the kept page
    page = context.new_page()
    assert page.goto(f"{live_server}{entry}").from_service_worker
    waiting(page, 3)
    context.close()  # the browser quits

    context = launch()
    context.set_offline(True)
    page = context.new_page()
    assert page.goto(f"{live_server}{entry}").from_service_worker
    waiting(page, 3)
    context.set_offline(False)  # back online: the sign-in outlived the restart, the forms go by themselves
    waiting(page, 0)
    assert stored(session) == {"101": 1, "201": 1, "202": 1, "203": 1}

    context.set_offline(True)
    page.goto(f"{live_server}{entry}")
    key_paper(page, "204")
    waiting(page, 1)
    context.clear_cookies()  # the sign-in has ended (a working day later): the form stays
    page.reload()
    waiting(page, 1)
    context.set_offline(False)
    page.wait_for_selector("#offline-note a")
    assert "đăng nhập lại" in page.inner_text("#offline-note")
    waiting(page, 1)
    sign_in(page, live_server, entry)
    waiting(page, 0)
    assert stored(session) == {"101": 1, "201": 1, "202": 1, "203": 1, "204": 1}

    page.evaluate(PUT_BACK, kept)  # the same three forms sent again
    page.reload()
    waiting(page, 0)
    assert stored(session) == {"101": 1, "201": 1, "202": 1, "203": 1, "204": 1}
    assert page.evaluate(KEPT) == []


def test_a_form_refused_when_sent_stays_until_corrected(launch, live_server, entry, session):
    context, page = opened(launch, live_server, entry)
    key_paper(page, "101")
    saved(page, "101")

    context.set_offline(True)
    key_paper(page, "101")  # the serial of a form already stored: the server will refuse it
    waiting(page, 1)
    key_paper(page, "102")
    waiting(page, 2)
    context.set_offline(False)
    page.wait_for_selector("#offline-refused li")
    waiting(page, 1)
    assert stored(session) == {"101": 1, "102": 1}
    refused = page.inner_text("#offline-refused")
    assert "Phiếu số 101" in refused and "Số phiếu:" in refused

    page.locator("#offline-refused").get_by_role("button", name="Sửa phiếu này").click()
    assert page.input_value("#serial") == "101" and page.get_attribute("#serial", "aria-invalid") == "true"
    assert page.input_value("#q-overall") == "4" and page.input_value("#q-helps") == "1 3"
    page.fill("#serial", "104")
    page.click("#save")
    saved(page, "104")
    waiting(page, 0)
    assert page.locator("#offline-refused").is_hidden()
    assert stored(session) == {"101": 1, "102": 1, "104": 1}


def test_forms_kept_on_a_shared_device_are_sent_by_the_account_that_keyed_them(launch, live_server, entry, make_user,
                                                                              session):
    make_user("minh", "surveyor", units=("AG-LX",))
    session.commit()
    context, page = opened(launch, live_server, entry)
    context.set_offline(True)
    key_paper(page, "301")
    waiting(page, 1)
    context.close()  # lan's session ends with the browser, the form stays

    page = launch().new_page()
    sign_in(page, live_server, entry, username="minh")
    page.wait_for_function("() => document.getElementById('offline-count').textContent === "
                           "'0 phiếu đang chờ gửi · 1 phiếu của tài khoản khác đang chờ trên máy này: "
                           "chúng được gửi khi tài khoản đó đăng nhập.'")
    key_paper(page, "302")  # minh's own form goes at once; lan's stays
    saved(page, "302")
    assert stored(session) == {"302": 1}
    page.click("form.sign-out button")

    sign_in(page, live_server, entry)
    waiting(page, 0)
    assert stored(session) == {"301": 1, "302": 1}
    keyers = dict(session.execute(select(PaperEntry.serial, PaperEntry.keyed_by_id)).all())
    assert keyers["301"] != keyers["302"]
