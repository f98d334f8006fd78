"""The review operations: status transitions, a reason to reject, answer corrections checked
against the questionnaire, and a ResponseChange row (old → new, who, why) for every change."""
import pytest
from sqlalchemy import select

from survey.errors import InvalidInput
from survey.responses.models import Answer, ResponseChange
from survey.responses.operations import correct_answer, reject_response, reopen_response, verify_response


def trail(session, response) -> list[tuple]:
    changes = session.scalars(select(ResponseChange).where(ResponseChange.response_id == response.id)
                              .order_by(ResponseChange.id))
    return [(c.kind, c.question_key, c.old_value, c.new_value, c.reason, c.actor.username if c.actor else None)
            for c in changes]


def test_verify_reopen_reject_reopen_leaves_a_row_per_change(session, respond, make_user):
    response, actor = respond(), make_user("giam-sat", "supervisor", units=["AG-LX"])
    verify_response(session, response, actor)
    reopen_response(session, response, actor, "kiểm tra lại")
    reject_response(session, response, actor, "  Phiếu trả lời hộ  ")
    assert (response.status, response.rejection_reason) == ("rejected", "Phiếu trả lời hộ")
    reopen_response(session, response, None)
    session.commit()
    assert (response.status, response.rejection_reason) == ("submitted", None)
    assert trail(session, response) == [
        ("status", None, "submitted", "verified", None, "giam-sat"),
        ("status", None, "verified", "submitted", "kiểm tra lại", "giam-sat"),
        ("status", None, "submitted", "rejected", "Phiếu trả lời hộ", "giam-sat"),
        ("status", None, "rejected", "submitted", None, None),
    ]


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_a_rejection_needs_a_reason(session, respond, reason):
    response = respond()
    with pytest.raises(InvalidInput, match="reason"):
        reject_response(session, response, None, reason)
    assert response.status == "submitted" and trail(session, response) == []


def test_only_the_designed_transitions(session, respond):
    verified, submitted = respond(status="verified"), respond()
    with pytest.raises(InvalidInput, match="status"):
        verify_response(session, verified, None)
    with pytest.raises(InvalidInput, match="status"):
        reject_response(session, verified, None, "muộn")
    with pytest.raises(InvalidInput, match="status"):
        reopen_response(session, submitted, None)
    assert trail(session, verified) == trail(session, submitted) == []


def stored(session, response) -> dict[str, tuple]:
    session.flush()
    rows = session.execute(select(Answer.question_key, Answer.value, Answer.number)
                           .where(Answer.response_id == response.id))
    return {key: (value, number) for key, value, number in rows}


def test_a_keyed_answer_is_corrected_with_its_number_and_audit_row(session, respond, make_user):
    response, actor = respond(channel="paper"), make_user("giam-sat", "supervisor")
    correct_answer(session, response, actor, "hl_2", " 5 ", "đọc nhầm phiếu")
    correct_answer(session, response, actor, "visits", "", "ô trống trên phiếu")
    correct_answer(session, response, actor, "posted", "khong_biet", "phiếu ghi KB")
    answers = stored(session, response)
    assert answers["hl_2"] == ("5", 5.0) and "visits" not in answers and answers["posted"][0] == "khong_biet"
    assert trail(session, response) == [
        ("answer", "hl_2", "2", "5", "đọc nhầm phiếu", "giam-sat"),
        ("answer", "visits", "2", None, "ô trống trên phiếu", "giam-sat"),
        ("answer", "posted", "co", "khong_biet", "phiếu ghi KB", "giam-sat"),
    ]


@pytest.mark.parametrize("key, value, expected", [
    ("hl_2", "7", "hl_2"),                 # not a level of the scale
    ("visits", "99", "visits"),            # the constraint . <= 50
    ("sex", "", "sex"),                    # a required question left empty
    ("hl_1", "4", "why: answered, but not asked"),  # 'why' is asked only when hl_1 <= 2
    ("hl_2", "2", "already has this value"),
])
def test_a_correction_is_checked_against_the_questionnaire(session, respond, key, value, expected):
    response = respond(channel="paper")
    before = stored(session, response)
    with pytest.raises(InvalidInput) as refused:
        correct_answer(session, response, None, key, value, "sửa")
    assert any(expected in str(problem) for problem in refused.value.problems)
    session.rollback()
    assert stored(session, response) == before and trail(session, response) == []


def test_an_unknown_question_is_refused(session, respond):
    with pytest.raises(InvalidInput, match="not a question"):
        correct_answer(session, respond(channel="paper"), None, "khong_co", "1", "sửa")


def test_corrections_need_a_keyed_submitted_response_and_a_reason(session, respond):
    cases = [(respond(channel="web"), "sửa", "channel"), (respond(channel="paper", status="verified"), "sửa", "status"),
             (respond(channel="interviewer"), " ", "reason")]
    for response, reason, problem in cases:
        with pytest.raises(InvalidInput) as refused:
            correct_answer(session, response, None, "hl_2", "5", reason)
        assert [p for p in refused.value.problems if p.field == problem]
    correct_answer(session, respond(channel="interviewer"), None, "hl_2", "5", "người phỏng vấn ghi nhầm")
