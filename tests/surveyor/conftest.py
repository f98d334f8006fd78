"""Keyers in their own browsers, a paper campaign of two units, and keying one form."""
import re

import pytest

from tests.accounts.conftest import Staff, fresh_limits, make_user  # noqa: F401 (fixtures)

PAPER_FORM = """
form:
  id: paper
  title: {vi: "Phiếu giấy", en: "Paper form"}
  languages: [vi, en]
choices:
  sex:
    - {value: male, label: {vi: Nam, en: Male}}
    - {value: female, label: {vi: Nữ, en: Female}}
  helps:
    - {value: signs, label: {vi: "Biển chỉ dẫn", en: "Signs"}}
    - {value: staff, label: {vi: "Cán bộ hướng dẫn", en: "Staff"}}
    - {value: online, label: {vi: "Tra cứu trực tuyến", en: "Online lookup"}}
sections:
  - name: main
    title: {vi: "Đánh giá", en: "Rating"}
    questions:
      - {name: overall, type: satisfaction, required: true, label: {vi: "Hài lòng chung", en: "Overall"}}
      - {name: visited, type: yes_no, required: true, label: {vi: "Đã đi lại nhiều lần?", en: "Several trips?"}}
      - name: trips
        type: integer
        relevant: "visited = 'yes'"
        label: {vi: "Số lần đi lại", en: "Trips"}
        constraint: ". >= 1 and . <= 50"
        constraint_message: {vi: "Từ 1 đến 50 lần", en: "From 1 to 50 trips"}
      - {name: why, type: text, relevant: "overall <= 2", label: {vi: "Vì sao?", en: "Why?"}}
  - name: about
    title: {vi: "Thông tin", en: "About you"}
    questions:
      - {name: helps, type: select_multiple, choices: helps, label: {vi: "Điều gì giúp ích?", en: "What helped?"}}
      - {name: sex, type: select_one, choices: sex, label: {vi: "Giới tính", en: "Sex"}}
"""

GOOD = {"overall": "4", "visited": "1", "trips": "3", "why": "", "helps": "3 1", "sex": "2"}
"""A complete keyed form: satisfied, several trips (3), helped by signs and online lookup, female."""

JSON = {"Accept": "application/json"}


@pytest.fixture
def paper_campaign(make_campaign, make_unit, make_version):
    """Builds an open campaign taking paper over AG-LX and AG-CD (double entry on request)."""
    def build(slug="giay-2027", double_entry=False, channels=("web", "paper")):
        units = [make_unit("AG-LX"), make_unit("AG-CD")]
        return make_campaign(slug, units=units, channels=channels, version=make_version(PAPER_FORM),
                             double_entry=double_entry)
    return build


class Keyer(Staff):
    """A signed-in keyer at the entry page of one campaign and unit."""

    def page_url(self, campaign, unit="AG-LX") -> str:
        return f"/nhap-phieu/{campaign.slug}/{unit}"

    def blank_uuid(self, campaign, unit="AG-LX") -> str:
        self.get(self.page_url(campaign, unit))
        return re.search(r'name="uuid" value="([^"]+)"', self.html).group(1)

    def key(self, campaign, serial, answers=None, unit="AG-LX", key=None, headers=None):
        """Keys one form (a fresh uuid from the page unless `key` is given)."""
        key = key or self.blank_uuid(campaign, unit)
        data = {"uuid": key, "serial": serial, **(GOOD if answers is None else answers)}
        return self.post(self.page_url(campaign, unit), data, headers=headers or {})


@pytest.fixture
def keyer(app, make_user):
    """Makes an account (a surveyor of AG-LX by default) and signs it in in its own browser."""
    def build(username="lan", role="surveyor", units=("AG-LX",)) -> Keyer:
        make_user(username, role, units=units)
        browser = Keyer(app.test_client())
        browser.sign_in(username)
        return browser
    return build
