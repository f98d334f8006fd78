"""A calculate and a cascading select on the printed questionnaire (issue 17): the calculate,
computed by the server from the keyed answers, is not printed; the cascade says what it offers."""
import pytest

from tests.printing.conftest import codes, copies, questions, text
from tests.public.test_calculate_pages import CASCADE


@pytest.fixture
def cascade_campaign(make_version, make_campaign, make_unit, session):
    campaign = make_campaign("giay-tang", units=[make_unit("AG-LX")], channels=("paper",),
                             version=make_version(CASCADE))
    session.commit()
    return campaign


def printed(browser, language: str) -> dict[str, str]:
    assert browser.get(f"/in-phieu/giay-tang/AG-LX?lang={language}").status_code == 200
    [copy] = copies(browser.html)
    return questions(copy)


def test_a_calculate_is_not_printed(cascade_campaign, signed_in):
    shown = printed(signed_in("surveyor", units=["AG-LX"]), "vi")
    assert list(shown) == ["age", "region", "pension", "province"]
    assert "Cao tuổi" not in " ".join(shown.values())


def test_a_cascading_select_notes_its_filter_in_words(cascade_campaign, signed_in):
    browser = signed_in("surveyor", units=["AG-LX"])
    province = printed(browser, "vi")["province"]
    assert codes(province) == ["1", "2"]
    assert "Chỉ khoanh phương án phù hợp với câu trả lời ở câu 2." in text(province)
    assert "Circle only an option that agrees with the answer to question 2." in text(printed(browser, "en")["province"])
