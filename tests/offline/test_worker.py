"""The service worker script and the queue's place on the paper-entry page."""
import re
from pathlib import Path

import pytest

from survey.offline.messages import MESSAGES
from tests.accounts.conftest import Staff, fresh_limits, make_user  # noqa: F401 (fixtures)
from tests.surveyor.conftest import paper_campaign  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parents[2]


def test_the_worker_is_served_under_the_entry_pages_for_anyone_and_never_from_a_stale_cache(client):
    response = client.get("/nhap-phieu/sw.js")
    assert response.status_code == 200 and response.mimetype == "text/javascript"
    assert response.headers["Cache-Control"] == "no-cache"
    assert "addEventListener(\"fetch\"" in response.get_data(as_text=True)
    response.close()  # a file streamed from disk


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_entry_page_holds_the_queue_with_its_texts_and_script(app, make_user, paper_campaign, session, language):
    campaign = paper_campaign()
    make_user("lan", "surveyor", units=("AG-LX",))
    session.commit()
    browser = Staff(app.test_client())
    browser.sign_in("lan")
    browser.get(f"/nhap-phieu/{campaign.slug}/AG-LX?lang={language}")
    queue = re.search(r'<div id="offline-queue"[^>]*>', browser.html).group(0)
    assert 'data-keyer="lan"' in queue and 'data-scope="/nhap-phieu/"' in queue
    assert 'data-worker="/nhap-phieu/sw.js"' in queue and 'data-token="/nhap-phieu/csrf"' in queue
    waiting = MESSAGES["waiting"][0 if language == "vi" else 1]
    assert f'data-waiting="{waiting}"' in queue
    assert 'id="offline-count" role="status" aria-live="polite"' in browser.html
    assert re.search(r'<script src="/static/offline\.js\?v=[0-9a-f]{12}" defer></script>', browser.html)


def test_every_text_of_the_queue_is_in_both_languages_and_used():
    template = (ROOT / "survey" / "offline" / "templates" / "offline" / "queue.html").read_text(encoding="utf-8")
    for key, (vi, en) in MESSAGES.items():
        assert vi and en and vi != en, key
        assert f"offline_say('{key}')" in template, key
        assert re.findall(r"\{\w+\}", vi) == re.findall(r"\{\w+\}", en), key
