"""Texts of the supervisor pages, in Vietnamese and English; `say` falls back to the staff
catalogue (and through it to the citizens' one)."""
from survey.accounts import messages as accounts
from survey.public.messages import LANGUAGES, language

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "supervision": ("Giám sát khảo sát", "Survey supervision"),
    "supervision_lead": ("Tiến độ so với chỉ tiêu, chất lượng dữ liệu và duyệt phiếu của các đơn vị bạn phụ trách.",
                         "Progress against quotas, data quality and the review of responses in your units."),
    "no_campaigns": ("Chưa có đợt khảo sát nào ở các đơn vị bạn phụ trách.", "No campaign covers your units yet."),
    "progress": ("Tiến độ", "Progress"),
    "quality": ("Chất lượng dữ liệu", "Data quality"),
    "exclusions": ("Nhật ký loại trừ (giới hạn truy cập, gửi dồn dập)", "Exclusion log (rate limits, bursts)"),
    "reconciliation": ("Đối chiếu nhập liệu hai lần", "Double-entry reconciliation"),
    "by_unit": ("Theo đơn vị", "By unit"),
    "by_stratum": ("Theo nhóm chỉ tiêu (tầng)", "By stratum"),
    "by_surveyor": ("Theo điều tra viên (phiếu giấy, phỏng vấn)", "By surveyor (paper, interviews)"),
    "per_day": ("Số phiếu theo ngày và kênh", "Responses per day and channel"),
    "unit": ("Đơn vị", "Unit"),
    "stratum": ("Nhóm", "Stratum"),
    "surveyor": ("Điều tra viên", "Surveyor"),
    "day": ("Ngày", "Day"),
    "total": ("Tổng", "Total"),
    "target": ("Chỉ tiêu", "Target"),
    "collected": ("Đã thu", "Collected"),
    "verified": ("Đã duyệt", "Verified"),
    "rejected": ("Bị loại", "Rejected"),
    "percent": ("% chỉ tiêu", "% of target"),
    "remaining": ("Còn thiếu", "Remaining"),
    "progress_note": ("“Đã thu” gồm các phiếu chưa duyệt và đã duyệt, không tính phiếu bị loại.",
                      "“Collected” counts submitted and verified responses, not rejected ones."),
    "no_strata": ("Đợt khảo sát chưa đặt chỉ tiêu theo nhóm.", "The campaign sets no stratum quotas."),
    "no_surveyors": ("Chưa có phiếu do điều tra viên nhập.", "No response keyed by a surveyor yet."),
    "no_responses": ("Chưa có phiếu nào.", "No response yet."),
    "chart_progress": ("Đã thu so với chỉ tiêu theo đơn vị", "Collected against target, by unit"),
    "chart_days": ("Số phiếu theo ngày", "Responses per day"),
    "channel": ("Kênh", "Channel"),
    "channel_web": ("Tự trả lời trên web", "Web (self-completed)"),
    "channel_paper": ("Phiếu giấy", "Paper"),
    "channel_interviewer": ("Phỏng vấn", "Interview"),
    "status": ("Trạng thái", "Status"),
    "status_submitted": ("Chờ duyệt", "Submitted"),
    "status_verified": ("Đã duyệt", "Verified"),
    "status_rejected": ("Bị loại", "Rejected"),
    "all": ("Tất cả", "All"),
    "filter": ("Lọc", "Filter"),
    "flag": ("Cảnh báo", "Flag"),
    "flagged_count": ("{count} phiếu có cảnh báo", "{count} flagged responses"),
    "no_flags": ("Không có phiếu nào có cảnh báo theo bộ lọc này.", "No flagged response matches these filters."),
    "flag_too_short": ("Thời gian trả lời quá ngắn", "Interview too short"),
    "flag_straight_lining": ("Chọn cùng một mức cho mọi câu", "Straight-lining"),
    "flag_many_dont_know": ("Nhiều câu trả lời “không biết”", "Many “don't know” answers"),
    "flag_duplicate_serial": ("Trùng số phiếu giấy", "Duplicate paper serial"),
    "flag_burst_device": ("Gửi dồn dập từ một thiết bị", "Burst from one device"),
    "flag_burst_unit": ("Gửi dồn dập cho một đơn vị", "Burst for one unit"),
    "why_too_short": ("{seconds} giây, dưới ngưỡng {limit} giây", "{seconds} s, below the threshold of {limit} s"),
    "why_straight_lining": ("{items} câu hài lòng đều chọn mức {value}", "all {items} satisfaction items at {value}"),
    "why_many_dont_know": ("{count}/{items} câu ({percent} %) trả lời “không biết”",
                           "{count} of {items} items ({percent} %) answered “don't know”"),
    "why_duplicate_serial": ("cùng số phiếu “{serial}” với phiếu khác (bỏ qua dấu cách, số 0 đầu, chữ hoa)",
                             "the same serial “{serial}” as another response (ignoring spaces, leading zeros, case)"),
    "page": ("Trang {page}/{pages}", "Page {page} of {pages}"),
    "previous": ("Trang trước", "Previous"),
    "next": ("Trang sau", "Next"),
    "response": ("Phiếu số {id}", "Response {id}"),
    "open_response": ("Xem phiếu {id}", "Open response {id}"),
    "campaign": ("Đợt khảo sát", "Campaign"),
    "paper_serial": ("Số phiếu giấy", "Paper serial"),
    "entered_by": ("Người nhập", "Keyed by"),
    "started_at": ("Bắt đầu", "Started"),
    "submitted_at": ("Gửi lúc", "Submitted"),
    "duration": ("Thời gian trả lời", "Duration"),
    "seconds": ("{seconds} giây", "{seconds} s"),
    "page_seconds": ("Thời gian từng trang", "Time per page"),
    "device_class": ("Loại thiết bị", "Device"),
    "language": ("Ngôn ngữ", "Language"),
    "rejection_reason": ("Lý do loại", "Reason for rejection"),
    "answers": ("Câu trả lời", "Answers"),
    "question": ("Câu hỏi", "Question"),
    "answer": ("Trả lời", "Answer"),
    "no_answer": ("(không trả lời)", "(no answer)"),
    "flags": ("Cảnh báo chất lượng", "Quality flags"),
    "no_findings": ("Không có cảnh báo.", "No flag."),
    "review": ("Duyệt phiếu", "Review"),
    "reason": ("Lý do", "Reason"),
    "reason_hint": ("Bắt buộc khi loại phiếu; được ghi vào lịch sử thay đổi.",
                    "Required to reject; kept in the history of changes."),
    "verify": ("Duyệt phiếu", "Verify"),
    "reject": ("Loại phiếu", "Reject"),
    "reopen": ("Đưa về chờ duyệt", "Return to submitted"),
    "reviewed": ("Đã lưu kết quả duyệt.", "The review is saved."),
    "correct": ("Sửa câu trả lời đã nhập", "Correct a keyed answer"),
    "correct_lead": ("Chỉ sửa phiếu giấy và phiếu phỏng vấn đang chờ duyệt. Nhập mã của lựa chọn (cột “Mã”); để "
                     "trống để xoá câu trả lời. Phiếu được kiểm tra lại theo bảng hỏi.",
                     "Only paper and interview responses awaiting review are corrected. Enter the code of the "
                     "choice (column “Code”); leave it empty to remove the answer. The response is checked "
                     "against the questionnaire again."),
    "correct_closed": ("Phiếu này không sửa được: chỉ sửa phiếu giấy hoặc phỏng vấn đang chờ duyệt.",
                       "This response cannot be corrected: only paper or interview responses awaiting review."),
    "new_value": ("Giá trị mới", "New value"),
    "code": ("Mã", "Code"),
    "save_correction": ("Lưu sửa đổi", "Save the correction"),
    "corrected": ("Đã sửa câu trả lời.", "The answer is corrected."),
    "history": ("Lịch sử thay đổi", "History of changes"),
    "no_history": ("Chưa có thay đổi nào.", "No change yet."),
    "when": ("Thời điểm", "When"),
    "who": ("Người thực hiện", "By"),
    "what": ("Thay đổi", "Change"),
    "old_new": ("Cũ → mới", "Old → new"),
    "command_line": ("Dòng lệnh / hệ thống", "Command line / system"),
    "change_status": ("Trạng thái", "Status"),
    "empty": ("(trống)", "(empty)"),
    "exclusion_reason": ("Lý do", "Reason"),
    "reason_rate_limited": ("Vượt giới hạn truy cập (bị từ chối)", "Rate limited (refused)"),
    "reason_burst_device": ("Gửi dồn dập từ một thiết bị (đã gắn cờ)", "Burst from one device (flagged)"),
    "reason_burst_unit": ("Gửi dồn dập cho một đơn vị (đã gắn cờ)", "Burst for one unit (flagged)"),
    "detail": ("Chi tiết", "Detail"),
    "no_exclusions": ("Nhật ký trống.", "The log is empty."),
    "older": ("Cũ hơn", "Older"),
    "newest": ("Mới nhất", "Newest"),
    "bad_filter": ("Bộ lọc “{name}”: giá trị “{value}” không hợp lệ", "Filter “{name}”: “{value}” is not valid"),
    # problems of the review operations (ReviewProblem.key)
    "problem_reason": ("Lý do: bắt buộc phải nhập", "Reason: required"),
    "problem_status": ("Trạng thái của phiếu không cho phép thao tác này (trang có thể đã cũ, hãy tải lại)",
                       "The response's status does not allow this (the page may be out of date: reload it)"),
    "problem_channel": ("Câu trả lời do người dân tự nhập trên web không được sửa",
                        "Answers the respondent gave on the web are not corrected"),
    "problem_value": ("Câu trả lời đã có giá trị này", "The answer already has this value"),
}


def say(key: str, **params: object) -> str:
    if key not in MESSAGES:
        return accounts.say(key, **params)
    text = MESSAGES[key][LANGUAGES.index(language())]
    return text.format(**params) if params else text


def known(key: str) -> bool:
    return key in MESSAGES or accounts.known(key)


def problem_text(problem: str) -> str:
    """A problem in the reader's language when the review operations name it (a ReviewProblem);
    problems from the questionnaire checks stay as they are."""
    key = getattr(problem, "key", None)
    return say(f"problem_{key}") if key and known(f"problem_{key}") else problem
