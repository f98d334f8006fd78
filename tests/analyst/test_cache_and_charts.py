"""The analysis page's results kept between views (and refreshed by a new response), its charts
served as files in colour-blind-safe colours with alt text saying what they show, the note on
weighting, tables reachable by keyboard, and default form values that are valid."""
import io
import re

import pytest

import survey.analyst.views as views
from survey.responses.operations import reject_response
from tests.analyst.conftest import signed_in
from tests.analyst.test_pages import MARGINS, PAGE
from tests.results.conftest import generated_answers, submit


@pytest.fixture
def computations(monkeypatch):
    """The number of times the page computed results."""
    calls = []
    original = views.compute_results

    def counted(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(views, "compute_results", counted)
    return calls


def chart_urls(html: str) -> list[str]:
    return [url.replace("&amp;", "&") for url in re.findall(r'<img src="([^"]+)"', html)]


def test_a_second_view_and_its_charts_are_not_recomputed(app, make_user, sipas_campaign, computations):
    browser = signed_in(app, make_user, "analyst")
    first = browser.get(PAGE).get_data(as_text=True)
    assert browser.get(PAGE).get_data(as_text=True).count("<td") == first.count("<td")
    for url in chart_urls(browser.html):
        assert browser.client.get(url).status_code == 200
    assert len(computations) == 1


def test_a_new_response_or_a_review_refreshes_the_results(app, make_user, session, sipas_campaign, computations):
    browser = signed_in(app, make_user, "analyst")
    browser.get(PAGE)
    counted = int(re.search(r"(\d+) trong (\d+) phiếu", browser.text()).group(1))
    code, _, answers = next(a for a in generated_answers() if dict(a[2]).get("hl_chung", "9") != "9")
    unit = next(t.unit for t in sipas_campaign.units if t.unit.code == code)
    response = submit(session, sipas_campaign, unit, dict(answers))
    session.flush()
    browser.get(PAGE)
    assert int(re.search(r"(\d+) trong (\d+) phiếu", browser.text()).group(1)) == counted + 1
    reject_response(session, response, None, "thử")
    session.flush()
    browser.get(PAGE)
    assert int(re.search(r"(\d+) trong (\d+) phiếu", browser.text()).group(1)) == counted
    assert len(computations) == 3


def test_each_choice_has_its_own_entry(app, make_user, sipas_campaign, computations):
    browser = signed_in(app, make_user, "analyst")
    for url in (PAGE, PAGE.replace("by=unit", "by=level"), PAGE.replace("design", "none"), PAGE):
        assert browser.get(url).status_code == 200
    browser.get("/?lang=en")
    browser.get(PAGE)
    assert "Whole campaign" in browser.text() and len(computations) == 4


def test_charts_are_files_shown_inline_and_downloadable(app, make_user, sipas_campaign):
    browser = signed_in(app, make_user, "analyst")
    browser.get(PAGE)
    index, heat = chart_urls(browser.html)
    assert "/bieu-do/chi-so.svg?" in index and "/bieu-do/yeu-to.svg?" in heat
    shown = browser.client.get(index)
    assert shown.mimetype == "image/svg+xml" and "Content-Disposition" not in shown.headers
    download = re.search(r'<a href="([^"]+chi-so.svg[^"]+)" download>', browser.html).group(1).replace("&amp;", "&")
    assert "attachment" in browser.client.get(download).headers["Content-Disposition"]


def test_charts_use_colour_blind_safe_colours(app, make_user, sipas_campaign):
    browser = signed_in(app, make_user, "analyst")
    browser.get(PAGE)
    index, heat = (browser.client.get(url).get_data(as_text=True) for url in chart_urls(browser.html))
    assert "#0072b2" in index and "#8b1a1a" not in index
    # RdYlGn's red end (#a50026) and green end (#006837) are what red-green blind readers confuse.
    assert "#a50026" not in heat.lower() and "#006837" not in heat.lower()


def test_alt_texts_say_what_the_charts_show(app, make_user, session, sipas_campaign):
    browser = signed_in(app, make_user, "analyst")
    browser.get(PAGE)
    index_alt, heat_alt = re.findall(r'<img src="[^"]+" alt="([^"]+)"', browser.html)
    summary = views.summary_of(sipas_campaign, views.Choice("sipas-local", "design", "unit", None))
    overall = summary.level("overall", "unit").sort_values("estimate")
    high, low = overall.iloc[-1], overall.iloc[0]
    assert f"cao nhất {high.domain_name} ({high.estimate:.1f})" in index_alt
    assert f"thấp nhất {low.domain_name} ({low.estimate:.1f})" in index_alt
    assert "4 nhóm" in index_alt and "Bảng màu các yếu tố theo đơn vị" in heat_alt


def test_the_charts_of_uploaded_margins_are_files_too(app, make_user, sipas_campaign):
    browser = signed_in(app, make_user, "analyst")
    browser.post("/phan-tich/sipas-test", {"recipe": "sipas-local", "weighting": "rake", "by": "level",
                                           "margins_file": (io.BytesIO(MARGINS.encode()), "bien.csv")},
                 content_type="multipart/form-data")
    urls = chart_urls(browser.html)
    assert len(urls) == 2 and all("margins=" in url for url in urls)
    assert all(browser.client.get(url).status_code == 200 for url in urls)
    unknown = re.sub(r"margins=[0-9a-f]+", "margins=" + "0" * 32, urls[0])
    assert browser.client.get(unknown).status_code == 404


@pytest.mark.parametrize("language, words", [
    ("vi", ["Gia quyền và hệ số thiết kế nghĩa là gì?", "có thể nhỏ hơn 1"]),
    ("en", ["What do weighting and design effects mean?", "can be below 1"])])
def test_a_note_explains_both_design_effects(app, make_user, sipas_campaign, language, words):
    browser = signed_in(app, make_user, "analyst")
    browser.get(f"/?lang={language}")
    browser.get(PAGE)
    assert all(word in browser.text() for word in words)


def test_tables_are_scrollable_regions_reachable_by_keyboard(app, make_user, sipas_campaign):
    browser = signed_in(app, make_user, "analyst")
    browser.get(PAGE)
    regions = re.findall(r'<div class="scroll"([^>]*)>', browser.html)
    assert len(regions) == 3
    assert all('tabindex="0"' in r and 'role="region"' in r and "aria-labelledby=" in r for r in regions)


def test_the_campaign_list_and_a_bare_url_use_a_recipe_that_fits(app, make_user, sipas_campaign):
    browser = signed_in(app, make_user, "analyst")
    browser.get("/phan-tich/")
    assert "recipe=sipas-local&amp;" in browser.html  # the campaign runs the short form, not sipas-2017
    assert browser.get("/phan-tich/sipas-test").status_code == 200
