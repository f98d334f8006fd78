"""The admin questionnaire list's version table in chromium on a 360 px phone and a 1366 px desktop:
no column name is broken inside a word (each name's box is at least as wide as its longest word),
and nothing is wider than the screen. Screenshots are kept (`pytest --basetemp=DIR`)."""
import pytest

import forms
from survey.accounts.operations import create_user
from survey.questionnaires.operations import import_and_publish
from tests.browser.test_admin_questionnaire import PASSWORD, sign_in
from tests.conftest import SMALL_FORM

pytestmark = pytest.mark.browser
SCREENS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1366, "height": 768}}
# For each column name shown (the header cells, or a stacked card's labels): its content width and
# the width of its longest word set alone in the same font.
MEASURE = """() => Array.from(document.querySelectorAll('table.versions thead th, table.versions .cell-label'))
  .filter(e => e.getClientRects().length && e.getBoundingClientRect().width > 1)
  .map(e => {
    const style = getComputedStyle(e);
    const inner = e.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const widest = Math.max(...e.textContent.trim().split(/\\s+/).map(word => {
      const probe = document.createElement('span');
      probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
      probe.textContent = word;
      e.appendChild(probe);
      const width = probe.getBoundingClientRect().width;
      probe.remove();
      return width;
    }));
    return [e.textContent.trim(), inner, widest];
  })"""


@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_versions_table_keeps_its_words_whole(live_server, browser, session, artifacts, screen):
    create_user(session, "quantri", "admin", PASSWORD)
    import_and_publish(session, forms.load_definition(SMALL_FORM))
    import_and_publish(session, forms.load_definition(SMALL_FORM.replace("Đánh giá", "Đánh giá lại")))
    session.commit()
    context = browser.new_context(viewport=SCREENS[screen], locale="vi-VN", is_mobile=screen == "phone")
    page = context.new_page()
    sign_in(page, live_server)
    assert page.locator("table.versions tbody tr").count() == 2
    page.screenshot(path=artifacts / f"versions-{screen}.png", full_page=True)
    names = page.evaluate(MEASURE)
    assert len(names) == (10 if screen == "phone" else 6), names  # 5 labels a card; 6 headers
    assert [name for name, inner, widest in names if inner + 0.5 < widest] == []
    assert page.evaluate("document.documentElement.scrollWidth") <= SCREENS[screen]["width"]
    assert page.evaluate("Math.max(...Array.from(document.querySelectorAll('.scroll'))"
                         ".map(e => e.scrollWidth - e.clientWidth))") <= 0
    context.close()
