"""The printed questionnaire against its definition: every question, option and code on paper,
serials, the QR code of the campaign's link, skip instructions, who may print."""
import pytest

import forms
from survey.entries.codes import option_codes, to_stored
from tests.printing.conftest import SIPAS, codes, copies, questions, text

DEFINITION = forms.load_definition(SIPAS)
ANSWERABLE = [q for q in DEFINITION.questions if q.kind.has_answer]
NUMBER = {q.name: index for index, q in enumerate(ANSWERABLE, start=1)}


def expected_options(question: forms.Question) -> list[tuple[str, str]]:
    """The codes of the paper-entry screen: 1–5 and 9 for the scale, else 1, 2, ... in order."""
    if question.type == "satisfaction":
        assert [c.value for c in question.choices] == ["1", "2", "3", "4", "5", "9"]
        return [(c.value, c.label["vi"]) for c in question.choices]
    return [(str(i), c.label["vi"]) for i, c in enumerate(question.choices, start=1)]


def test_every_question_of_the_definition_is_printed_with_its_label_and_codes(paper_campaign, signed_in):
    browser = signed_in("surveyor", units=["AG-PLX"])
    assert browser.get("/in-phieu/sipas-giay/AG-PLX").status_code == 200
    [copy] = copies(browser.html)
    printed = questions(copy)
    assert list(printed) == [q.name for q in DEFINITION.questions]
    for question in DEFINITION.questions:
        block = text(printed[question.name])
        assert question.label["vi"] in block
        if question.kind.has_answer:
            assert block.startswith(f"Câu {NUMBER[question.name]}. ")
        if question.choices:
            options = expected_options(question)
            assert codes(printed[question.name]) == [code for code, _ in options], question.name
            assert codes(printed[question.name]) == [code for code, _ in option_codes(question)], question.name
            assert all(f"{code} {label}" in block for code, label in options), question.name


def test_each_printed_code_keys_the_option_printed_next_to_it(paper_campaign, signed_in):
    browser = signed_in("admin")
    browser.get("/in-phieu/sipas-giay")
    printed = questions(copies(browser.html)[0])
    for question in (q for q in DEFINITION.questions if q.choices):
        labels = {c.value: c.label["vi"] for c in question.choices}
        for code in codes(printed[question.name]):
            stored, unknown = to_stored(question, code)
            assert unknown == [] and f"{code} {labels[stored]}" in text(printed[question.name])


def test_the_scale_is_printed_with_9_for_dont_know(paper_campaign, signed_in):
    browser = signed_in("supervisor")
    browser.get("/in-phieu/sipas-giay")
    block = text(questions(copies(browser.html)[0])["hl_chung"])
    assert "1 Rất không hài lòng" in block and "5 Rất hài lòng" in block and "9 Không biết / không áp dụng" in block


def test_a_unit_question_lists_the_units_it_may_name_with_their_codes(paper_campaign, signed_in, make_unit, session):
    district = make_unit("AG-LX", "district", active=False)  # abolished on 1 July 2025, with its communes
    make_unit("AG-LX-MB", "commune", parent=district, active=False)
    session.commit()
    browser = signed_in("admin")
    browser.get("/in-phieu/sipas-giay")
    block = questions(copies(browser.html)[0])["xa_cu_tru"]
    assert codes(block) == ["AG-PCD", "AG-PLX"]
    assert "AG-PLX Phường Long Xuyên" in text(block)


def test_skip_instructions_come_from_the_relevance_expressions(paper_campaign, signed_in):
    browser = signed_in("surveyor", units=["AG-PLX"])
    browser.get("/in-phieu/sipas-giay/AG-PLX")
    printed = {name: text(block) for name, block in questions(copies(browser.html)[0]).items()}
    n = NUMBER
    assert f"→ Nếu chọn 1, trả lời câu {n['tc_2']}; nếu không, chuyển sang câu {n['tc_3']}." in printed["tc_1"]
    assert f"→ Nếu chọn 10, trả lời câu {n['linh_vuc_khac']}; nếu không, chuyển sang câu {n['ten_thu_tuc']}." \
        in printed["linh_vuc"]
    assert f"→ Nếu chọn 2 hoặc 3, trả lời câu {n['den_mot_cua']}; nếu không, chuyển sang câu " \
           f"{n['da_nhan_ket_qua']}." in printed["hinh_thuc_nop"]
    assert f"→ Nếu chọn 1, trả lời câu {n['tc_1']}; nếu không, dừng tại đây, phiếu kết thúc." \
        in printed["da_nhan_ket_qua"]
    # Four questions hang on gy_co_gop_y: 'no' skips them all.
    assert f"nếu không, chuyển sang câu {n['hl_chung']}." in printed["gy_co_gop_y"]
    assert f"→ Nếu chọn 11, trả lời câu {n['kv_khac']};" in printed["kv_cai_thien"]
    assert f"Chỉ hỏi khi: câu {n['hinh_thuc_nop']} không chọn 1." in printed["den_mot_cua"]
    assert "→" not in printed["tc_3"] and "Chỉ hỏi khi" not in printed["tc_3"]


def test_a_section_asked_on_several_answers_prints_its_condition(paper_campaign, signed_in):
    browser = signed_in("surveyor", units=["AG-PLX"])
    browser.get("/in-phieu/sipas-giay/AG-PLX")
    n = NUMBER
    assert (f"Chỉ hỏi khi: câu {n['da_nhan_ket_qua']} chọn 1 và (câu {n['hinh_thuc_nop']} chọn 1 hoặc "
            f"câu {n['den_mot_cua']} chọn 1).") in text(copies(browser.html)[0])


def test_the_paper_is_headed_with_campaign_unit_serial_box_and_the_qr_code_of_the_units_link(paper_campaign,
                                                                                               signed_in):
    browser = signed_in("surveyor", units=["AG-PLX"])
    browser.get("/in-phieu/sipas-giay/AG-PLX")
    [copy] = copies(browser.html)
    head = copy.split("</header>")[0]
    assert "Campaign sipas-giay" in text(head) and "Phường Long Xuyên (AG-PLX)" in text(head)
    assert 'data-serial=""' in copy and head.count('<span class="box">') == 6
    assert '<figure class="qr"><svg' in head and "http://localhost/k/sipas-giay/AG-PLX" in head
    assert 'style="' not in browser.html  # the CSP refuses inline styles


def test_no_qr_code_when_the_campaign_takes_no_web_answers(make_campaign, make_version, signed_in, session):
    make_campaign("chi-giay", channels=("paper",), version=make_version(SIPAS))
    session.commit()
    browser = signed_in("admin")
    assert browser.get("/in-phieu/chi-giay").status_code == 200
    assert "<svg" not in browser.html and "Câu 1." in browser.html


def test_a_batch_is_pre_numbered_one_copy_per_serial(paper_campaign, signed_in):
    browser = signed_in("admin")
    browser.get("/in-phieu/sipas-giay/AG-PCD?tu=48&den=52")
    printed = copies(browser.html)
    assert [c.split('data-serial="')[1].split('"')[0] for c in printed] == ["48", "49", "50", "51", "52"]
    assert [text(c).split("Số phiếu: ")[1].split()[0] for c in printed] == ["48", "49", "50", "51", "52"]
    assert all(len(questions(c)) == len(DEFINITION.questions) for c in printed)
    assert "5 phiếu, số 48–52" in text(browser.html)


@pytest.mark.parametrize("query, problem", [
    ("tu=5&den=2", "nhỏ hơn hoặc bằng"), ("tu=1&den=201", "tối đa 200"), ("tu=0&den=3", "nhỏ hơn hoặc bằng"),
    ("tu=abc&den=3", "“abc” phải là số nguyên dương"), ("tu=-1&den=3", "“-1” phải là số nguyên dương"),
    ("den=3", "Cần cả số phiếu đầu"),
])
def test_a_bad_serial_range_is_refused_with_its_problem(paper_campaign, signed_in, query, problem):
    browser = signed_in("admin")
    assert browser.get(f"/in-phieu/sipas-giay?{query}").status_code == 400
    assert problem in text(browser.html)


def test_printed_in_english_on_request(paper_campaign, signed_in):
    browser = signed_in("admin")
    browser.get("/in-phieu/sipas-giay/AG-PLX?lang=en")
    block = text(questions(copies(browser.html)[0])["tc_1"])
    assert block.startswith("Question 8. Did the one-stop desk have a waiting area")
    assert "1 Yes" in block and "If 1 is circled, answer question 9; otherwise go to question 10." in block


def test_who_may_print_a_units_paper(paper_campaign, signed_in):
    outside = signed_in("surveyor", units=["AG-PCD"])
    assert outside.get("/in-phieu/sipas-giay/AG-PLX").status_code == 403
    assert outside.get("/in-phieu/sipas-giay/AG-PCD").status_code == 200
    assert outside.get("/in-phieu/sipas-giay").status_code == 200
    assert outside.get("/in-phieu/sipas-giay/AG-XX").status_code == 404
    assert outside.get("/in-phieu/khong-co").status_code == 404


def test_short_options_are_printed_three_to_a_line_long_ones_two(paper_campaign, signed_in):
    browser = signed_in("admin")
    browser.get("/in-phieu/sipas-giay")
    printed = questions(copies(browser.html)[0])
    assert '<ul class="options short">' in printed["hl_chung"]  # the scale
    assert '<ul class="options">' in printed["linh_vuc"]  # "Hộ tịch (khai sinh, kết hôn, khai tử...)"
