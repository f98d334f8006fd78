"""The landing page's unit chooser (levels, Vietnamese order, search without JavaScript) and the
one time estimate shared by the start page and the posters."""
import re
from pathlib import Path

import pytest

import forms
from survey.public.collation import folded, matches, sort_key
from survey.public.estimate import minutes, seconds

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def many_units(make_unit, make_campaign, session):
    province = make_unit("AG", "province", name="tỉnh An Giang")
    units = [make_unit("AG-SYT", "department", name="Sở Y tế"),
             make_unit("AG-STP", "department", name="Sở Tư pháp"),
             make_unit("AG-SNV", "department", name="Sở Nội vụ"),
             make_unit("AG-HT", "commune", name="phường Hà Tiên", parent=province),
             make_unit("AG-AP", "commune", name="xã An Phú", parent=province),
             make_unit("AG-DT", "commune", name="xã Đông Thạnh", parent=province),
             make_unit("AG-DA", "commune", name="xã Định An", parent=province)]
    campaign = make_campaign("chon", units=units)
    session.commit()
    return campaign


def links(html: str) -> list[str]:
    return re.findall(r'<a href="/k/chon/[^"]+">([^<]+)</a>', html)


def test_vietnamese_order_puts_letters_before_tones_and_d_before_dj():
    names = ["Đà Nẵng", "Dương", "Ơ Môn", "Ô Môn", "Hạ", "Há", "Hà", "Ha", "Ăn", "An", "Âu", "Bình"]
    assert sorted(names, key=sort_key) == ["An", "Ăn", "Âu", "Bình", "Dương", "Đà Nẵng",
                                           "Ha", "Hà", "Há", "Hạ", "Ô Môn", "Ơ Môn"]


def test_search_ignores_accents_case_and_d_stroke():
    assert matches("ha tien", "phường Hà Tiên") and matches("DONG thanh", "xã Đông Thạnh")
    assert not matches("ha tien", "xã An Phú")
    assert folded("  Ấp   Đồng ") == "ap dong"


def test_the_chooser_groups_units_by_level_in_vietnamese_order(client, many_units):
    html = client.get("/").get_data(as_text=True)
    assert links(html) == ["Sở Nội vụ", "Sở Tư pháp", "Sở Y tế",
                           "phường Hà Tiên", "xã An Phú", "xã Định An", "xã Đông Thạnh"]
    assert html.index("Sở, ban, ngành cấp tỉnh") < html.index("Sở Nội vụ") < html.index("Xã, phường, đặc khu")
    assert "<summary>" in html and 'role="search"' in html


def test_the_search_works_without_javascript_and_without_accents(client, many_units):
    html = client.get("/?q=ha+tien").get_data(as_text=True)
    assert links(html) == ["phường Hà Tiên"]
    assert "<details class=\"chooser\" open>" in html and 'value="ha tien"' in html
    assert "Xem tất cả" in html


def test_a_search_finding_nothing_says_so(client, many_units):
    html = client.get("/?q=zzz").get_data(as_text=True)
    assert links(html) == [] and "Không có nơi nào khớp" in html


def test_english_names_are_searched_and_the_groups_are_translated(client, many_units, make_unit, session):
    make_unit("AG-SYT").name_en = "Department of Health"
    session.commit()
    html = client.get("/?lang=en&q=health").get_data(as_text=True)
    assert links(html) == ["Department of Health"] and "Provincial departments and agencies" in html


def test_the_estimate_counts_seconds_per_question_type():
    sipas = forms.load_definition((ROOT / "forms" / "sipas.yaml").read_text(encoding="utf-8"))
    assert seconds(sipas) == 442 and minutes(sipas) == 8


def test_the_start_page_and_the_poster_give_the_same_estimate(client, sipas_campaign):
    sipas = forms.load_definition((ROOT / "forms" / "sipas.yaml").read_text(encoding="utf-8"))
    said = f"khoảng {minutes(sipas)} phút"
    assert said in client.get("/k/sipas-web/AG-PLX").get_data(as_text=True)
    assert said in client.get("/k/sipas-web/AG-PLX/ap-phich").get_data(as_text=True)
