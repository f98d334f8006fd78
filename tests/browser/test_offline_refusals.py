"""The offline queue goes on past a form the server refuses or fails on: the refused form stays on the
device with the server's message for the keyer, a failed one is sent again in a later round, and
every form is stored exactly once (before, the first 400 or 500 ended every round)."""
import pytest

import survey.surveyor.views
from tests.accounts.conftest import fresh_limits, make_user  # noqa: F401 (fixtures)
from tests.browser.test_offline_entry import KEPT, entry, key_paper, launch, opened, stored, waiting  # noqa: F401
from tests.surveyor.conftest import paper_campaign  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

SPOIL = """serial => new Promise((resolve, reject) => {
  const open = indexedDB.open("survey-offline", 1);
  open.onsuccess = () => {
    const store = open.result.transaction("entries", "readwrite").objectStore("entries");
    store.getAll().onsuccess = event => {
      const entry = event.target.result.find(kept => kept.serial === serial);
      entry.fields = entry.fields.map(([name, value]) => [name, name === "serial" ? value + "\\u0000" : value]);
      store.put(entry).onsuccess = () => resolve(true);
    };
  };
  open.onerror = () => reject(open.error);
})"""
"""Puts a NUL after the serial of a kept form, as a paste from another program might."""


def queued_offline(launch, live_server, entry, serials):
    context, page = opened(launch, live_server, entry)
    context.set_offline(True)
    for number, serial in enumerate(serials, start=1):
        key_paper(page, serial)
        waiting(page, number)
    return context, page


def test_a_refused_form_is_shown_to_the_keyer_and_the_next_ones_are_stored(launch, live_server, entry, session):
    context, page = queued_offline(launch, live_server, entry, ["201", "202", "203"])
    page.evaluate(SPOIL, "202")
    context.set_offline(False)
    page.wait_for_selector("#offline-refused li")
    waiting(page, 1)
    assert stored(session) == {"201": 1, "203": 1}
    refused = page.inner_text("#offline-refused")
    assert "Phiếu số 202" in refused and "Số phiếu: Có ký tự điều khiển không hợp lệ (ví dụ ký tự NUL)" in refused
    [kept] = page.evaluate(KEPT)
    assert (kept["serial"], kept["state"], kept["problems"][0]["field"]) == ("202", "refused", "serial")


def test_a_form_the_server_fails_on_waits_while_the_next_ones_are_stored(launch, live_server, entry, session,
                                                                         monkeypatch):
    failures = []
    real = survey.surveyor.views.key_entry

    def failing_once(session, keyed, *args):
        if keyed.serial == "302" and not failures:
            failures.append(keyed.uuid)
            raise RuntimeError("the database went away")
        return real(session, keyed, *args)
    monkeypatch.setattr(survey.surveyor.views, "key_entry", failing_once)
    context, page = queued_offline(launch, live_server, entry, ["301", "302", "303"])
    context.set_offline(False)
    waiting(page, 1)
    assert stored(session) == {"301": 1, "303": 1} and len(failures) == 1
    assert page.locator("#offline-refused").is_hidden()
    page.reload()  # the next round sends it again, under the same uuid
    waiting(page, 0)
    assert stored(session) == {"301": 1, "302": 1, "303": 1}
