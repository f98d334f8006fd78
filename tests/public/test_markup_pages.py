"""Bold and italic in a label and a hint on the citizen's page (issue 17), everything else escaped."""
import pytest

from tests.public.test_calculate_pages import CASCADE

MARKED = """
form: {id: marked, title: {vi: "Đậm", en: Marked}, languages: [vi, en]}
sections:
  - name: first
    title: {vi: "Một", en: One}
    questions:
      - {name: name, type: text, label: {vi: "Tên", en: Name}}
  - name: second
    title: {vi: "Hai", en: Two}
    questions:
      - {name: ok, type: yes_no, label: {vi: "**${name}**, ông/bà *hài lòng* chứ?", en: "**${name}**, *pleased*?"},
         hint: {vi: "Chọn <b>một</b> **phương án**", en: "Choose <b>one</b> **option**"}}
"""


@pytest.fixture
def marked(make_version, make_campaign, make_unit, session):
    campaign = make_campaign("dam", units=[make_unit("AG-LX")], version=make_version(MARKED))
    session.commit()
    return campaign


def test_the_markup_is_rendered_and_html_escaped(respondent, marked):
    respondent.start("/k/dam/AG-LX")
    respondent.answer({"name": "<i>An</i>"})
    html = respondent.html
    assert "<strong>&lt;i&gt;An&lt;/i&gt;</strong>, ông/bà <em>hài lòng</em> chứ?" in html
    assert "Chọn &lt;b&gt;một&lt;/b&gt; <strong>phương án</strong>" in html
    assert "<i>An</i>" not in html and "**" not in html


def test_the_review_shows_labels_as_the_pages_do_and_no_calculate(respondent, make_version, make_campaign, make_unit,
                                                                    session):
    make_campaign("tang", units=[make_unit("AG-LX")], version=make_version(CASCADE))
    session.commit()
    respondent.start("/k/tang/AG-LX")
    respondent.answer({"age": "70", "region": "north"})
    respondent.answer({"pension": "yes", "province": "hn"}, action="review")
    assert respondent.url.endswith("/xem-lai")
    assert "<dt>Tỉnh ở miền Bắc</dt>" in respondent.html and "${" not in respondent.html
    assert "Cao tuổi" not in respondent.html


def test_the_page_s_error_summary_shows_the_label_as_the_page_does(respondent, marked):
    respondent.start("/k/dam/AG-LX")
    respondent.answer({"name": "An"})
    respondent.answer({"ok": "khong-co"})
    assert respondent.status == 422
    assert "<strong>An</strong>, ông/bà <em>hài lòng</em> chứ? —" in respondent.html
