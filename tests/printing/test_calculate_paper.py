"""A calculate and a cascading select on the printed questionnaire (issue 17): the calculate,
computed by the server from the keyed answers, is not printed; the cascade says what it offers."""
import pytest

from tests.printing.conftest import codes, copies, questions, text
from tests.public.test_calculate_pages import CASCADE
from tests.public.test_markup_pages import MARKED


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
    english = text(printed(browser, "en")["province"])
    assert "Circle only an option that agrees with the answer to question 2." in english


def test_a_piped_label_names_the_question_to_look_at(cascade_campaign, signed_in):
    province = printed(signed_in("surveyor", units=["AG-LX"]), "vi")["province"]
    assert "Tỉnh ở miền [câu 2]" in text(province) and "${" not in province


def test_bold_and_italic_are_printed_plain(signed_in, make_version, make_campaign, make_unit, session):
    make_campaign("giay-dam", units=[make_unit("AG-LX")], channels=("paper",), version=make_version(MARKED))
    session.commit()
    browser = signed_in("surveyor", units=["AG-LX"])
    assert browser.get("/in-phieu/giay-dam/AG-LX").status_code == 200
    ok = questions(copies(browser.html)[0])["ok"]
    assert "[câu 1], ông/bà hài lòng chứ?" in text(ok) and "Chọn <b>một</b> phương án" in text(ok)
    assert "*" not in text(ok) and "<strong>" not in ok
