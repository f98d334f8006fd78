"""The navigation bar of the administration pages: on every page, grouped, the current page marked,
and without the pages the signed-in administrator cannot open."""
import re

import pytest

from tests.admin.test_scoped_admin import province, scoped  # noqa: F401 (fixtures)

NAV = re.compile(r'<nav class="admin-nav" aria-label="[^"]+">(.*?)</nav>', re.S)


def bar(html: str) -> str:
    found = NAV.findall(html)
    assert len(found) == 1, "one navigation bar per page"
    return found[0]


def marked(html: str) -> dict[str, str]:
    """The links marked as current: their text, and the value of aria-current."""
    return {text: value for value, text in re.findall(r'aria-current="(\w+)">([^<]+)</a>', bar(html))}


@pytest.mark.parametrize("url, current", [
    ("/quan-tri/nguoi-dung", {"Người dùng": "page"}),
    ("/quan-tri/nguoi-dung/quantri", {"Người dùng": "true"}),
    ("/quan-tri/nguoi-dung/quantri/dat-lai-mat-khau", {"Người dùng": "true"}),
    ("/quan-tri/tao-nguoi-dung", {"Người dùng": "true"}),
    ("/quan-tri/bang-hoi", {"Bảng hỏi": "page"}),
    ("/quan-tri/bang-hoi/tai-len", {"Bảng hỏi": "true"}),
    ("/quan-tri/dot-khao-sat", {"Đợt khảo sát": "page"}),
    ("/quan-tri/dot-khao-sat/tao", {"Đợt khảo sát": "true"}),
    ("/quan-tri/nhat-ky", {"Nhật ký quản trị": "page"}),
    ("/quan-tri/khoa-api", {"Khoá API": "page"}),
])
def test_every_page_has_the_bar_with_the_current_page_marked(admin, url, current):
    assert admin.get(url).status_code == 200
    assert marked(admin.html) == current


def test_the_bar_groups_the_pages(admin):
    admin.get("/quan-tri/nguoi-dung")
    groups = re.findall(r'class="nav-title" id="nav-\d">([^<]+)</span>', bar(admin.html))
    assert groups == ["Khảo sát", "Tài khoản", "Kết nối"]
    assert "<ul" not in admin.html.split("<main>")[1].split("</h1>")[0]  # no list of links above the title


def test_a_scoped_administrator_sees_no_link_to_province_wide_pages(scoped):
    scoped.get("/quan-tri/nguoi-dung")
    links = re.findall(r'<a href="([^"]+)"', bar(scoped.html))
    assert links == ["/quan-tri/dot-khao-sat", "/quan-tri/bang-hoi", "/quan-tri/don-vi", "/quan-tri/nguoi-dung"]
    assert "Kết nối" not in bar(scoped.html)


def test_the_bar_speaks_english(admin):
    admin.get("/quan-tri/bang-hoi?lang=en")
    assert marked(admin.html) == {"Questionnaires": "page"}
    assert 'aria-label="Administration"' in admin.html
