"""Chromium enforces the Content-Security-Policy: the SIPAS walk reports no violation, the progress
bar is drawn from the stylesheet, and an injected inline script is blocked."""
from pathlib import Path

import pytest

from tests.browser.test_web_survey import complete_sipas, sipas  # noqa: F401 (fixture)

pytestmark = pytest.mark.browser


def violations(page) -> list[str]:
    """Collects the console errors Chromium prints for blocked content."""
    found: list[str] = []
    page.on("console", lambda message: found.append(message.text)
            if "Content Security Policy" in message.text else None)
    return found


def test_the_sipas_walk_breaks_no_rule_of_the_policy(live_server, android, sipas, artifacts: Path):
    blocked = violations(android)
    complete_sipas(android, live_server, artifacts, "csp")
    assert blocked == []


def test_the_progress_bar_is_styled_without_inline_style(live_server, android, sipas):
    android.goto(f"{live_server}/k/sipas-web/AG-PLX")
    android.get_by_role("button", name="Bắt đầu").click()
    bar = android.locator("progress.progress")
    assert bar.evaluate("e => e.value / e.max") > 0
    assert bar.evaluate("e => getComputedStyle(e).height") == "8px"


def test_an_injected_inline_script_does_not_run(live_server, android):
    blocked = violations(android)
    android.goto(f"{live_server}/tiep-tuc")
    android.evaluate("""() => { const s = document.createElement('script');
                       s.textContent = 'document.title = "pwned"'; document.body.appendChild(s); }""")
    assert android.title() != "pwned" and blocked
