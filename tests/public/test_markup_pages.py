"""Bold and italic in a label and a hint on the citizen's page (issue 17), everything else escaped."""
import pytest

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
