"""The charts drawn on the server, opened in chromium: no text runs past the image's edges, where the
browser cuts it off (the English title of the PAR index chart, over the axes alone, lost its end
after long unit names)."""
import pandas as pd
import pytest

from survey.results.charts import heat_table, index_chart

pytestmark = pytest.mark.browser
NAMES = ["Department of Labour, Invalids and Social Affairs", "Department of Information and Communications", "Ward"]
ELEMENTS = ("Access to services", "Administrative procedures", "Civil servants")
TITLE = "Points achieved as a percentage of the maximum, by unit (%)"
OUTSIDE = """() => { const box = document.querySelector('svg').getBoundingClientRect();
  return [...document.querySelectorAll('svg text')].filter(t => t.textContent.trim()).filter(t => {
    const b = t.getBoundingClientRect(); return b.left < box.left - 1 || b.right > box.right + 1; })
  .map(t => t.textContent); }"""


def estimates() -> pd.DataFrame:
    rows = pd.DataFrame({"domain_name": NAMES, "estimate": [40.0, 55.5, 70.0]})
    return rows.assign(ci_low=rows["estimate"] - 5, ci_high=rows["estimate"] + 5, suppressed=False)


def cut_off(browser, svg: bytes) -> list[str]:
    page = browser.new_page()
    page.set_content(svg.decode())
    found = page.evaluate(OUTSIDE)
    page.close()
    return found


def test_the_index_chart_s_title_is_whole_after_long_names(browser):
    assert cut_off(browser, index_chart(estimates(), TITLE, "Total points / maximum points × 100")) == []


def test_the_heat_table_s_title_is_whole_after_long_names(browser):
    rows = pd.concat([estimates().assign(label=label) for label in ELEMENTS])
    title = "Element indices by unit, 0 to 100 (the higher the better)"
    assert cut_off(browser, heat_table(rows, title, "0-100")) == []
