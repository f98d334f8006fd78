"""A live server on 127.0.0.1 and Debian's chromium driven by Playwright: fixtures of every folder's page
tests, loaded once as a plugin by tests/conftest.py (one session-wide chromium: a second Playwright
started in the same process while the first runs is refused)."""
import threading

import pytest
from werkzeug.serving import make_server

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


@pytest.fixture
def live_server(app, session):
    """Serves the test app on a free local port for the duration of one test."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def phone(browser):
    """A page the size of a small Android phone (320 CSS px wide), recording every request."""
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="vi-VN")
    page = context.new_page()
    page.requested = []
    page.on("request", lambda request: page.requested.append(request.url))
    yield page
    context.close()


@pytest.fixture
def desk(browser):
    """A page on an office screen, recording what the Content-Security-Policy blocked."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.blocked = []
    page.on("console", lambda m: page.blocked.append(m.text) if "Content Security Policy" in m.text else None)
    yield page
    context.close()


@pytest.fixture
def artifacts(tmp_path):
    """Where page screenshots go; keep them with `pytest --basetemp=DIR`."""
    folder = tmp_path / "test-artifacts"
    folder.mkdir()
    return folder


def _android(browser, javascript: bool):
    # A cheap Android phone: 360 x 740 CSS pixels, Vietnamese.
    return browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN", java_script_enabled=javascript,
                               is_mobile=True, has_touch=True, device_scale_factor=2,
                               user_agent="Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
                                          "Chrome/120.0 Mobile Safari/537.36")


@pytest.fixture
def android(browser):
    """A page on a 360 px Android phone; `android.new_phone()` opens another phone."""
    contexts = []

    def new_phone(javascript: bool = True):
        context = _android(browser, javascript)
        contexts.append(context)
        page = context.new_page()
        page.requested = []
        page.on("request", lambda request: page.requested.append(request.url))
        return page

    page = new_phone()
    page.new_phone = new_phone
    yield page
    for context in contexts:
        context.close()
