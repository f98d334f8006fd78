"""The reconciliation and supervisor pages show labels as the citizen's page does (issue 17):
``**bold**`` as <strong>, ``${name}`` filled with the answer, HTML of the label escaped, no raw
asterisks nor ``${}`` left; the supervisor's drop-down of questions gets the plain text."""
import pytest

from survey.responses.models import Response
from tests.public.test_calculate_pages import CASCADE

MARKED = CASCADE.replace('label: {vi: "Tuổi", en: Age}', 'label: {vi: "**Tuổi** <b>thật</b>", en: Age}')


@pytest.fixture
def double(session, make_campaign, make_unit, make_version):
    campaign = make_campaign("giay-nhan", units=[make_unit("AG-LX")], channels=("paper",),
                             version=make_version(MARKED), double_entry=True)
    session.commit()
    return campaign


def test_the_reconciliation_page_renders_labels_and_the_agreed_answer(double, keyer):
    lan, minh, hoa = keyer("lan"), keyer("minh"), keyer("hoa", role="supervisor")
    lan.key(double, "N-1", {"age": "70", "region": "1", "pension": "1", "province": "1"})
    minh.key(double, "N-1", {"age": "71", "region": "1", "pension": "1", "province": "1"})
    hoa.get("/doi-chieu/giay-nhan/N-1")
    age = hoa.html.split('id="d-age"')[1].split("</legend>")[0]
    assert "<strong>Tuổi</strong> &lt;b&gt;thật&lt;/b&gt;" in age and "**" not in age


def test_the_supervisor_s_response_page_renders_labels_filled_with_the_answers(session, make_campaign, make_unit,
                                                                               make_version, keyer):
    single = make_campaign("giay-don", units=[make_unit("AG-LX")], channels=("paper",), version=make_version(MARKED))
    session.commit()
    lan, hoa = keyer("lan"), keyer("hoa", role="supervisor")
    lan.key(single, "N-2", {"age": "70", "region": "1", "pension": "1", "province": "1"})
    response = session.query(Response).one()
    hoa.get(f"/giam-sat/phieu/{response.id}")
    table = hoa.html.split('<table class="figures answers">')[1].split("</table>")[0]
    assert "<strong>Tuổi</strong> &lt;b&gt;thật&lt;/b&gt;" in table and "Tỉnh ở miền Bắc" in table
    assert "**" not in table and "${" not in table
    options = hoa.html.split('<select class="field" id="key"')[1].split("</select>")[0]
    assert "Tuổi &lt;b&gt;thật&lt;/b&gt;" in options and "<strong>" not in options and "Tỉnh ở miền Bắc" in options
