"""Problems the entry operations report, in Vietnamese and English: each a `survey.errors.Problem`
whose field is a question key, `serial`, `uuid`, `unit` or `campaign`, so the keying page shows it
next to the field in the keyer's language.

`entry_answer` carries the questionnaire's own check (forms.check_answers), already said in the
language the operation was asked for (the keyer's).
"""
from survey.text import Catalogue

MESSAGES: dict[str, tuple[str, str]] = {
    "serial_missing": ("Nhập số phiếu in trên phiếu giấy trước.", "Type the serial printed on the paper form first."),
    "serial_format": ("Số phiếu chỉ gồm chữ, chữ số, “-”, “/” hoặc “.” (tối đa 64 ký tự).",
                      "A serial has letters, digits, '-', '/' or '.' only (at most 64 characters)."),
    "serial_taken": ("Phiếu số {serial} đã được nhập trong đợt khảo sát này.",
                     "Serial {serial} has already been keyed in this campaign."),
    "serial_same_keyer": ("Bạn đã nhập phiếu số {serial}; lần nhập thứ hai phải do người khác thực hiện.",
                          "You keyed serial {serial} already; the second entry must be keyed by someone else."),
    "serial_other_unit": ("Phiếu số {serial} đã được nhập cho đơn vị khác.",
                          "Serial {serial} was keyed for another unit."),
    "not_a_code": ("“{codes}” không phải mã của câu này (mã: {allowed}).",
                   "'{codes}' is not a code of this question (codes: {allowed})."),
    "not_asked": ("Câu này được bỏ qua theo các câu trả lời trước: để trống.",
                  "This question is skipped given the earlier answers: leave it empty."),
    "unknown_question": ("Không phải câu hỏi của bảng hỏi này.", "Not a question of this questionnaire."),
    "closed": ("Đợt khảo sát {campaign} không nhận phiếu giấy lúc này.",
               "Campaign {campaign} does not take paper forms now."),
    "entry_unit_not_surveyed": ("Đơn vị {unit} không thuộc đợt khảo sát này.",
                                "Unit {unit} is not surveyed by this campaign."),
    "uuid_elsewhere": ("Mã phiếu này đã được dùng trong đợt khảo sát khác.",
                       "This form reference was already used in another campaign."),
    "entry_answer": ("{message}", "{message}"),
    "undecided": ("Chọn giá trị 1, giá trị 2 hoặc nhập giá trị đúng.",
                  "Choose value 1, value 2 or type the right value."),
    "nothing_to_reconcile": ("Phiếu số {serial} không có gì cần đối chiếu.",
                             "Serial {serial} has nothing to reconcile."),
}


CATALOGUE = Catalogue(MESSAGES)
