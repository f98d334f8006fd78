"""XLSForm's extra types on the keyer's page (issue 17): a rank keyed as every code in order,
a geopoint as 'lat lon', a range as its number, an acknowledge as code 1; the keyer's username
recorded as the form's `username` metadata."""
import re

import forms
from survey.entries.codes import option_codes, to_stored, to_typed
from survey.responses.models import Response

EXTRAS = """
form:
  id: extras-paper
  title: {vi: "Thử", en: Try}
  languages: [vi, en]
  metadata: {keyer: username, day: today}
choices:
  fruit:
    - {value: a, label: {vi: "Táo", en: Apple}}
    - {value: b, label: {vi: "Chuối", en: Banana}}
    - {value: c, label: {vi: "Cam", en: Orange}}
sections:
  - name: first
    title: {vi: "Một", en: One}
    questions:
      - {name: ok, type: acknowledge, required: true, label: {vi: "Đồng ý", en: "Agree"}}
      - {name: place, type: geopoint, label: {vi: "Vị trí", en: Place}}
      - {name: score, type: range, parameters: {start: 0, end: 10, step: 2}, label: {vi: "Điểm", en: Score}}
      - {name: order, type: rank, choices: fruit, label: {vi: "Xếp hạng", en: Rank}}
"""


def test_typed_codes_of_the_extra_types():
    definition = forms.load_definition(EXTRAS)
    order, ok = definition.question("order"), definition.question("ok")
    assert to_stored(order, "3 1 2") == ("c a b", [])  # the keyed order is the rank
    assert to_typed(order, "c a b") == "3 1 2"
    assert to_stored(order, "3 1 4") == (None, ["4"])
    assert option_codes(ok) == [("1", "OK")] and to_stored(ok, "1") == ("OK", [])
    assert to_stored(definition.question("place"), "10,38 105,43") == ("10.38 105.43", [])
    assert to_stored(definition.question("score"), "6") == ("6", [])


def test_a_keyed_form_with_the_extra_types_is_stored_with_the_keyer(session, keyer, make_campaign, make_unit,
                                                                   make_version):
    campaign = make_campaign("giay-them", units=[make_unit("AG-LX")], channels=("paper",),
                             version=make_version(EXTRAS))
    session.commit()
    lan = keyer()
    lan.get(lan.page_url(campaign))
    text = lan.text()
    assert "xếp hạng: gõ mọi mã theo thứ tự" in text and "vĩ độ kinh độ, ví dụ 10.38 105.43" in text
    assert "số từ 0 đến 10, bước 2" in text and "1 Tôi xác nhận" in text
    bad = lan.key(campaign, "T-1", {"ok": "1", "place": "95 10", "score": "5", "order": "3 1"})
    assert bad.status_code == 422 and session.query(Response).count() == 0
    assert re.search(r"vĩ độ \(từ -90 đến 90\)", lan.text()) and "xếp hạng mỗi lựa chọn" in lan.text()
    sent = lan.key(campaign, "T-2", {"ok": "1", "place": "10.38 105.43", "score": "6", "order": "3 1 2"})
    assert sent.status_code == 303
    stored = {a.question_key: a.value for a in session.query(Response).one().answers}
    assert {k: stored[k] for k in ("ok", "place", "score", "order", "keyer")} == {
        "ok": "OK", "place": "10.38 105.43", "score": "6", "order": "c a b", "keyer": "lan"}
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", stored["day"])
