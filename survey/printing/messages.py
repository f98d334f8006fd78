"""Texts of the printed questionnaire, in Vietnamese and English; `say` falls back to the staff catalogue."""
from survey.accounts import messages as accounts
from survey.text import Catalogue

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "print_title": ("Phiếu giấy để in", "Paper questionnaire to print"),
    "instance_title": ("{title} – thứ {number}", "{title} – no. {number}"),
    "print_help": ("Dùng lệnh In của trình duyệt (Ctrl+P), khổ A4. Mỗi phiếu bắt đầu ở một trang mới.",
                   "Use the browser's Print command (Ctrl+P), A4 paper. Each questionnaire starts on a new page."),
    "print_batch": ("Đánh số sẵn từ phiếu số … đến số …", "Pre-number from serial … to serial …"),
    "serial_from": ("Từ số", "From"),
    "serial_to": ("Đến số", "To"),
    "print_show": ("Xem bản in", "Show the print"),
    "copies": ("{count} phiếu, số {first}–{last}", "{count} questionnaires, serials {first}–{last}"),
    "campaign": ("Đợt khảo sát", "Campaign"),
    "unit": ("Đơn vị được đánh giá", "Unit evaluated"),
    "unit_blank": ("(ghi tên đơn vị)", "(write the unit's name)"),
    "serial": ("Số phiếu", "Serial no."),
    "qr_lead": ("Hoặc trả lời trực tuyến: quét mã QR", "Or answer online: scan the QR code"),
    "how_to": ("Khoanh tròn mã số của phương án được chọn; ghi số vào ô, ghi chữ trên dòng kẻ.",
               "Circle the code of the option chosen; write numbers in the boxes and words on the lines."),
    "question": ("Câu {number}", "Question {number}"),
    "many_answers": ("Có thể chọn nhiều", "Choose any"),
    "rank_answers": ("Ghi mã của mọi phương án theo thứ tự ưu tiên, cao nhất trước",
                     "Write the code of every option in order of preference, first the highest"),
    "geopoint_answer": ("vĩ độ, kinh độ", "latitude, longitude"),
    "asked_if": ("Chỉ hỏi khi: {condition}.", "Asked only if: {condition}."),
    "filtered_options": ("Chỉ khoanh phương án phù hợp với câu trả lời ở {questions}.",
                         "Circle only an option that agrees with the answer to {questions}."),
    "filtered_options_any": ("Chỉ khoanh phương án phù hợp với câu trả lời trước.",
                             "Circle only an option that agrees with the earlier answers."),
    "skip_two": ("Nếu chọn {codes}, trả lời câu {next}; nếu không, {otherwise}.",
                 "If {codes} is circled, answer question {next}; otherwise {otherwise}."),
    "skip_jump": ("Nếu chọn {codes}, {target}.", "If {codes} is circled, {target}."),
    "go_to": ("chuyển sang câu {number}", "go to question {number}"),
    "form_ends": ("dừng tại đây, phiếu kết thúc", "stop here: the questionnaire ends"),
    "end_of_form": ("Hết phiếu", "End of questionnaire"),
    # the words of printed conditions
    "cond_question": ("câu {number}", "question {number}"),
    "cond_chose": ("{question} chọn {codes}", "{question} is {codes}"),
    "cond_chose_not": ("{question} không chọn {codes}", "{question} is not {codes}"),
    "cond_ticked": ("{question} có chọn {codes}", "{question} includes {codes}"),
    "cond_answered": ("{question} có trả lời", "{question} is answered"),
    "cond_count": ("số phương án chọn ở {question}", "the number of options chosen at {question}"),
    "cond_length": ("độ dài câu trả lời {question}", "the length of the answer to {question}"),
    "cond_and": ("và", "and"),
    "cond_or": ("hoặc", "or"),
    "cond_not": ("không phải", "not"),
    "bad_serial": ("Số phiếu “{value}” phải là số nguyên dương.",
                   "The serial “{value}” must be a positive whole number."),
    "bad_range": ("Số phiếu đầu phải nhỏ hơn hoặc bằng số phiếu cuối, và mỗi lần in tối đa {most} phiếu.",
                  "The first serial must not exceed the last, and at most {most} questionnaires are printed at once."),
    "half_range": ("Cần cả số phiếu đầu (tu) và số phiếu cuối (den).",
                   "Both the first (tu) and last (den) serials are needed."),
}


CATALOGUE = Catalogue(MESSAGES, fallback=accounts.CATALOGUE)
say, known = CATALOGUE.say, CATALOGUE.known
