"""The problems storing and reviewing responses report, in Vietnamese and English: each a
`survey.errors.Problem` whose field is what the API or the review page names (`answers.<key>`,
`paper_serial`, `unit`, `channel`, `uuid`; `reason`, `status`, `value` on the review page).

`answer_check` carries the questionnaire's own check (`forms.find_problems`, done once) as a
problem of its own (`answer_problem`): a message of `forms.ANSWER_MESSAGES`, or the questionnaire's
constraint message, said in the reader's language when it is shown."""
import forms
from forms.errors import ANSWER_MESSAGES
from survey.text import Catalogue, Problem

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "response_elsewhere": ("Phiếu {uuid} đã được gửi cho một đợt khảo sát khác",
                           "response {uuid} was already submitted to another campaign"),
    "paper_serial_taken": ("Số phiếu giấy “{serial}” đã được nhập trong đợt khảo sát này",
                           "paper serial '{serial}' is already entered in this campaign"),
    "response_conflict": ("Phiếu trùng với một phiếu đã lưu", "the response conflicts with one already stored"),
    "channel_closed": ("Đợt khảo sát “{campaign}” hiện không nhận phiếu qua kênh {channel} ({state})",
                       "campaign '{campaign}' does not accept {channel} responses now ({state})"),
    "unit_not_in_campaign": ("Đơn vị “{unit}” không thuộc đợt khảo sát “{campaign}”",
                             "unit '{unit}' is not surveyed by campaign '{campaign}'"),
    "paper_serial_missing": ("Số phiếu giấy: phiếu giấy cần có số phiếu",
                             "paper serial: a paper questionnaire needs its serial number"),
    "submitted_before_started": ("Thời điểm gửi (submitted_at) sớm hơn thời điểm bắt đầu (started_at)",
                                 "submitted_at is before started_at"),
    "answer_not_a_question": ("{key}: không phải câu hỏi của bảng hỏi này",
                              "{key}: not a question of this questionnaire"),
    "answered_not_asked": ("{key}: có câu trả lời nhưng câu này không được hỏi theo các câu trả lời khác",
                           "{key}: answered, but not asked given the other answers"),
    "answer_check": ("{key}: {problem}", "{key}: {problem}"),
    "answer_own_message": ("{vi}", "{en}"),
    "reason_required": ("Lý do: bắt buộc phải nhập", "reason: a reason is required"),
    "status_forbids": ("Trạng thái của phiếu ({status}) không cho phép thao tác này (trang có thể đã cũ, hãy tải lại)",
                       "status: a {status} response cannot become {wanted} (the page may be out of date: reload it)"),
    "status_not_submitted": ("Phiếu đang ở trạng thái {status}: mở lại phiếu trước khi sửa",
                             "status: a {status} response is reopened before it is corrected"),
    "channel_not_corrected": ("Câu trả lời do người dân tự nhập (kênh {channel}) không được sửa",
                              "channel: {channel} answers were given by the respondent and are not corrected"),
    "value_unchanged": ("Câu trả lời đã có giá trị này", "value: the answer already has this value"),
    "draft_not_started": ("Chưa bắt đầu được phiếu khảo sát; vui lòng thử lại",
                          "the survey could not be started; please try again"),
}

ANSWERS: dict[str, tuple[str, str]] = {
    f"answer_{code}": (ANSWER_MESSAGES["vi"][code], ANSWER_MESSAGES["en"][code]) for code in ANSWER_MESSAGES["vi"]}
"""The questionnaire's answer messages (forms.errors), each under its code."""

CATALOGUE = Catalogue(MESSAGES | ANSWERS)


def answer_problem(found: forms.AnswerProblem) -> Problem:
    """A problem of one answer as the catalogue says it: the questionnaire's own constraint message
    in its Vietnamese and English (a language it lacks: its first), else the message of its code."""
    if found.message is not None:
        return CATALOGUE.problem("answer_own_message", vi=found.message.text("vi"), en=found.message.text("en"))
    return CATALOGUE.problem(f"answer_{found.code}")
