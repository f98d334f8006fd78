"""Texts of the paper-entry and reconciliation pages, in Vietnamese and English; `say` falls back
to the accounts catalogue (and through it to the citizens' one)."""
from survey.accounts import messages as accounts
from survey.text import Catalogue

MESSAGES: dict[str, tuple[str, str]] = {
    "entry_title": ("Nhập phiếu giấy", "Paper entry"),
    "entry_choose": ("Chọn đợt khảo sát và đơn vị của xấp phiếu cần nhập.",
                     "Choose the campaign and the unit of the stack of forms to key."),
    "print_unit": ("In phiếu giấy", "Print paper forms"),
    "entry_none": ("Không có đợt khảo sát nào nhận phiếu giấy cho các đơn vị của bạn.",
                   "No campaign takes paper forms for your units."),
    "entry_lead": ("Gõ số phiếu, rồi mã của từng câu; Enter sang câu tiếp theo (không có JavaScript: dùng Tab). "
                   "Câu bị bỏ qua theo bước nhảy thì để trống.",
                   "Type the serial, then each question's code; Enter moves to the next question (without "
                   "JavaScript: Tab). Leave questions skipped by the routing empty."),
    "double_entry": ("Đợt này nhập mỗi phiếu hai lần, do hai người khác nhau.",
                     "This campaign keys every form twice, by two different people."),
    "repeat_not_keyed": ("Phần lặp lại này (mỗi mục một lần) chưa nhập được trên trang này; "
                         "giữ lại phiếu giấy để nhập sau.",
                         "This repeated part (once per entry) cannot be keyed on this page yet; "
                         "keep the paper form to key it later."),
    "serial": ("Số phiếu", "Serial number"),
    "codes": ("Mã", "Codes"),
    "free_number": ("số", "a number"),
    "free_text": ("chữ", "text"),
    "free_date": ("ngày (ngày/tháng/năm)", "a date (day/month/year)"),
    "free_unit": ("mã đơn vị", "a unit code"),
    "several": ("chọn nhiều: gõ các mã cách nhau bằng dấu cách", "several: type the codes separated by spaces"),
    "ranked": ("xếp hạng: gõ mọi mã theo thứ tự, cách nhau bằng dấu cách",
               "ranking: type every code in order, separated by spaces"),
    "free_geopoint": ("vĩ độ kinh độ, ví dụ 10.38 105.43", "latitude longitude, e.g. 10.38 105.43"),
    "free_range": ("số từ {start} đến {end}, bước {step}", "a number from {start} to {end} in steps of {step}"),
    "required_mark": ("bắt buộc", "required"),
    "save": ("Lưu phiếu", "Save the form"),
    "stored": ("Phiếu số {serial} đã lưu.", "Form {serial} stored."),
    "stored_waiting": ("Phiếu số {serial} đã lưu (lần nhập 1); chờ người thứ hai nhập lại.",
                       "Form {serial} stored (first entry); waiting for the second keyer."),
    "stored_verified": ("Phiếu số {serial} đã lưu (lần nhập 2): hai lần nhập khớp nhau, phiếu đã được xác nhận.",
                        "Form {serial} stored (second entry): both entries agree, the form is verified."),
    "stored_differs": ("Phiếu số {serial} đã lưu (lần nhập 2): {count} câu khác lần nhập 1, "
                       "chờ giám sát viên đối chiếu.",
                       "Form {serial} stored (second entry): {count} questions differ from the first entry, "
                       "waiting for a supervisor."),
    "keyed_today": ("Hôm nay bạn đã nhập {count} phiếu của đợt này.",
                    "You keyed {count} forms of this campaign today."),
    "today_title": ("Phiếu bạn đã nhập hôm nay", "Your forms of today"),
    "today_none": ("Hôm nay bạn chưa nhập phiếu nào của đợt này.", "You have keyed no form of this campaign today."),
    "time": ("Giờ", "Time"),
    "state": ("Tình trạng", "State"),
    "state_submitted": ("Đã lưu", "Stored"),
    "state_verified": ("Đã xác nhận", "Verified"),
    "state_rejected": ("Bị loại khi duyệt", "Rejected on review"),
    "state_waiting": ("Chờ người thứ hai nhập lại", "Waiting for the second keyer"),
    "state_differs": ("Khác lần nhập 1, chờ giám sát viên đối chiếu",
                      "Differs from the first entry, waiting for a supervisor"),
    "state_sending": ("Đang gửi…", "Sending…"),
    "state_kept": ("Chưa gửi được: giữ trên máy này, sẽ tự gửi lại",
                   "Not sent yet: kept on this device, sent again by itself"),
    "state_refused": ("Bị từ chối: cần sửa", "Refused: to be corrected"),
    "bad_code": ("Mã không hợp lệ: sửa trước khi sang câu tiếp theo.",
                 "Not a valid code: correct it before moving on."),
    "problems_title": ("Phiếu chưa lưu: sửa {count} chỗ dưới đây.", "Not stored: fix the {count} problems below."),
    "change_stack": ("Đổi đợt khảo sát hoặc đơn vị", "Change campaign or unit"),
    "reconcile_title": ("Đối chiếu nhập liệu hai lần", "Double-entry reconciliation"),
    "reconcile_lead": ("Các phiếu có câu trả lời khác nhau giữa hai lần nhập. Đối chiếu với phiếu giấy.",
                       "Forms whose two entries differ. Check them against the paper form."),
    "reconcile_empty": ("Không có phiếu nào cần đối chiếu.", "Nothing to reconcile."),
    "campaign": ("Đợt khảo sát", "Campaign"),
    "unit": ("Đơn vị", "Unit"),
    "questions_differ": ("Số câu khác nhau", "Questions that differ"),
    "open": ("Đối chiếu", "Reconcile"),
    "serial_title": ("Phiếu số {serial}", "Form {serial}"),
    "question": ("Câu hỏi", "Question"),
    "value_first": ("Giá trị 1 ({keyer})", "Value 1 ({keyer})"),
    "value_second": ("Giá trị 2 ({keyer})", "Value 2 ({keyer})"),
    "take_first": ("Lấy giá trị 1", "Take value 1"),
    "take_second": ("Lấy giá trị 2", "Take value 2"),
    "take_corrected": ("Giá trị đúng (gõ mã):", "Correct value (type the code):"),
    "empty_value": ("(để trống)", "(empty)"),
    "decide": ("Ghi quyết định và xác nhận phiếu", "Record the decisions and verify the form"),
    "reconciled": ("Phiếu số {serial} đã được đối chiếu và xác nhận.", "Form {serial} reconciled and verified."),
    "decided_by": ("Đã quyết định: {who}, {when}", "Decided by {who}, {when}"),
    "back_to_queue": ("Về danh sách cần đối chiếu", "Back to the queue"),
}


CATALOGUE = Catalogue(MESSAGES, fallback=accounts.CATALOGUE)
say, known = CATALOGUE.say, CATALOGUE.known
