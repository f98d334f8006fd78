"""Problems with texts typed into a questionnaire's draft (Vietnamese, English); each carries the
`field` it is about, so the page shows it next to that field."""
from survey.text import Catalogue

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "text_required": ("Không được để trống.", "Must not be empty."),
    "text_too_long": ("Quá dài: tối đa {limit} ký tự.", "Too long: at most {limit} characters."),
    "text_control": ("Có ký tự điều khiển không hiển thị được; hãy gõ lại đoạn này.",
                     "Holds an invisible control character; type this text again."),
    "hint_translation": ("Gợi ý cần có nội dung ở mọi ngôn ngữ của bảng hỏi, hoặc để trống ở tất cả.",
                         "A hint needs a text in every language of the questionnaire, or none in all of them."),
    "draft_changed": ("Bản nháp vừa được người khác thay đổi. Nội dung bạn gõ vẫn còn bên dưới: hãy xem lại rồi "
                      "lưu lần nữa.",
                      "Someone else changed the draft meanwhile. What you typed is still below: review it and "
                      "save again."),
    "text_refused": ("Bảng hỏi không hợp lệ sau khi sửa: {detail}",
                     "The questionnaire is not valid once edited: {detail}"),
    "questionnaire_unknown": ("Không có bảng hỏi “{slug}”", "unknown questionnaire '{slug}'"),
    "questionnaire_unpublished": ("Bảng hỏi “{slug}” chưa có phiên bản nào được công bố",
                                  "questionnaire '{slug}' has no published version"),
    "version_unknown": ("Bảng hỏi “{slug}” không có phiên bản {number}",
                        "questionnaire '{slug}' has no version {number}"),
}

CATALOGUE = Catalogue(MESSAGES)
