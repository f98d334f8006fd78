"""The scoring pages on a 360 px phone, in English (whose words are longer): a round's table of units
scrolls inside its own focusable region and nothing makes the page wider than the screen."""
import pytest

from tests.accounts.conftest import make_user  # noqa: F401 (fixture)
from tests.par_index.scoring_setup import sample_round
from tests.par_index.test_scoring_browser import sign_in

pytestmark = pytest.mark.browser
NAMES = {"AG-SNV": ("Sở Nội vụ", "Department of Home Affairs"),
         "AG-STC": ("Sở Lao động – Thương binh và Xã hội", "Department of Labour, Invalids and Social Affairs")}


@pytest.fixture
def scoring(session, make_unit, make_user):
    for code, (name, name_en) in NAMES.items():
        make_unit(code, "department", name=name, name_en=name_en)
    opened = sample_round(session, make_unit)
    make_user("noi-vu", "analyst")
    session.commit()
    return opened


def test_a_rounds_table_scrolls_in_its_region_on_a_phone(scoring, live_server, android, artifacts):
    android.goto(f"{live_server}/dang-nhap?lang=en")
    sign_in(android, live_server, "noi-vu")
    android.goto(f"{live_server}/cham-diem/dot/{scoring.id}")
    android.screenshot(path=artifacts / "round-phone-en.png", full_page=True)
    region = android.locator("main .scroll")
    assert region.evaluate("e => e.scrollWidth > e.clientWidth")  # the table is wider than the phone
    assert android.evaluate("document.documentElement.scrollWidth") <= 360
    assert (region.get_attribute("tabindex"), region.get_attribute("role")) == ("0", "region")
    assert region.evaluate("e => document.getElementById(e.getAttribute('aria-labelledby')).textContent") == \
        "Scoring round 2026"
