"""The texts every page shares, whoever reads it: the site's name and the language switch of the
layout (templates/base.html) and the error pages (templates/error.html), in Vietnamese and English.

On the ground floor, beside `survey.text`, so that every catalogue can fall back to it: the
citizens' (through the web form's, `survey.questionnaires.web_form`) and the staff's (through the
accounts'). The citizens' and the staff's catalogues say 403 and 429 each in their own words.
"""
from survey.text import Catalogue

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "site_name": ("Khảo sát sự hài lòng", "Satisfaction survey"),
    "switch_language": ("English", "Tiếng Việt"),
    "home": ("Trang chủ", "Home"),
    "error_400": ("Dữ liệu gửi lên không hợp lệ hoặc trang đã quá cũ. Vui lòng quay lại, tải lại trang rồi thử lại.",
                  "The data sent was not valid, or the page was too old. "
                  "Please go back, reload the page and try again."),
    "error_404": ("Không tìm thấy trang này.", "This page was not found."),
    "error_405": ("Trang này không nhận yêu cầu kiểu này.", "This page does not accept this kind of request."),
    "error_413": ("Dữ liệu gửi lên quá lớn. Vui lòng rút gọn câu trả lời rồi thử lại.",
                  "Too much data was sent. Please shorten your answers and try again."),
    "error_500": ("Đã xảy ra lỗi. Vui lòng thử lại sau.", "Something went wrong. Please try again later."),
    "error_other": ("Không thực hiện được yêu cầu.", "The request could not be completed."),
}


CATALOGUE = Catalogue(MESSAGES)
