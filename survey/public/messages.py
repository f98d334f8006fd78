"""Every text of the citizen pages, in Vietnamese and English (questionnaire text comes from the
definition's labels instead), on `survey.text.Catalogue`; a test checks every key has both
languages and every key a template uses exists. Keys it lacks are the form page's
(`survey.questionnaires.web_form`, shared with the administrators' preview), then the texts every
page shares (`survey.texts_shared`).
"""
from survey.questionnaires.web_form import CATALOGUE as FORM_PAGE
from survey.text import Catalogue

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "open_surveys": ("Khảo sát đang mở", "Open surveys"),
    "lead": ("Ý kiến của ông/bà giúp cơ quan nhà nước phục vụ tốt hơn.",
             "Your views help public agencies serve you better."),
    "none_open": ("Hiện chưa có đợt khảo sát nào đang mở.", "No survey is open at the moment."),
    "choose_unit": ("Chọn nơi ông/bà đã làm thủ tục", "Choose where you did your procedure"),
    "have_code": ("Đã bắt đầu trước đó? Nhập mã tiếp tục", "Started before? Enter your resume code"),
    "continue_draft": ("Tiếp tục phiếu đang làm dở", "Continue the survey you started"),
    "search_unit": ("Tìm nơi đã làm thủ tục", "Find where you did your procedure"),
    "search": ("Tìm", "Search"),
    "search_hint": ("Gõ một phần tên, có dấu hay không dấu đều được (ví dụ: ha tien).",
                    "Type part of the name; accents are optional (for example: ha tien)."),
    "search_results": ("Các nơi có tên chứa “{query}”.", "Places whose name contains “{query}”."),
    "search_clear": ("Xem tất cả", "Show all"),
    "search_none": ("Không có nơi nào khớp với từ tìm kiếm trong đợt khảo sát này.",
                    "No place in this survey matches the search."),
    "level_department": ("Sở, ban, ngành cấp tỉnh", "Provincial departments and agencies"),
    "level_commune": ("Xã, phường, đặc khu", "Communes and wards"),
    "level_district": ("Huyện, thị xã, thành phố", "Districts, towns and cities"),
    "level_province": ("Cấp tỉnh", "Province"),
    # start page
    "unit_evaluated": ("Nơi được đánh giá", "Office being rated"),
    "start": ("Bắt đầu", "Start"),
    "start_note": ("Phiếu gồm {pages} trang, mất khoảng {minutes} phút. Không cần ghi họ tên.",
                   "The survey has {pages} pages and takes about {minutes} minutes. We do not ask your name."),
    "dossier": ("Mã hồ sơ", "Dossier code"),
    # form pages
    "errors_title": ("Vui lòng sửa {count} lỗi dưới đây", "Answers to correct below: {count}"),
    "more_questions": ("Câu trả lời của ông/bà mở thêm câu hỏi dưới đây.",
                       "Your answer opened the question(s) below."),
    "send_summary": ("Đây là trang cuối. Ông/bà đã trả lời {answered} câu hỏi trên {pages} trang.",
                     "This is the last page. You have answered {answered} questions on {pages} pages."),
    "send_review_hint": ("Bấm “Gửi phiếu” để gửi ngay, hoặc “Xem lại” để kiểm tra mọi câu trả lời trước khi gửi.",
                         "Press “Send” to send now, or “Review” to check every answer before sending."),
    "review_first": ("Xem lại", "Review"),
    "resume_code": ("Mã tiếp tục", "Resume code"),
    "resume_code_help": ("Câu trả lời được lưu sau mỗi trang. Ghi lại mã này để làm tiếp sau tại trang “Tiếp tục”.",
                         "Your answers are saved after each page. Note this code to continue later on the "
                         "“Resume” page."),
    # review and thanks
    "review_title": ("Xem lại câu trả lời", "Review your answers"),
    "review_lead": ("Kiểm tra các câu trả lời. Bấm “Sửa” để thay đổi một trang, rồi bấm “Gửi phiếu”.",
                    "Check your answers. Press “Change” to edit a page, then press “Send”."),
    "edit": ("Sửa", "Change"),
    "edit_page": ("Sửa trang {page}", "Change page {page}"),
    "no_answer": ("(chưa trả lời)", "(not answered)"),
    "submit_problems": ("Chưa gửi được: còn câu hỏi cần trả lời hoặc sửa.",
                        "Not sent yet: some questions still need an answer or a correction."),
    "thanks_title": ("Cảm ơn ông/bà!", "Thank you!"),
    "thanks_body": ("Phiếu của ông/bà đã được ghi nhận. Ý kiến của ông/bà giúp cải thiện chất lượng phục vụ.",
                    "Your answers have been recorded. They help improve public services."),
    "reference": ("Mã phiếu", "Reference"),
    # resume page
    "resume_title": ("Tiếp tục phiếu khảo sát", "Resume your survey"),
    "resume_lead": ("Nhập mã tiếp tục gồm 8 ký tự được hiển thị trên phiếu.",
                    "Enter the 8-character resume code shown on the survey pages."),
    "resume_field": ("Mã tiếp tục (ví dụ: K7MP-2QXT)", "Resume code (for example K7MP-2QXT)"),
    "resume_submit": ("Tiếp tục", "Continue"),
    "resume_unknown": ("Không tìm thấy phiếu với mã này, hoặc đợt khảo sát đã kết thúc. Vui lòng kiểm tra lại mã.",
                       "No survey was found with this code, or the survey has closed. Please check the code."),
    # campaign states and links
    "closed_title": ("Đợt khảo sát đã kết thúc", "This survey has closed"),
    "closed_body": ("Đợt khảo sát “{name}” đã kết thúc ngày {date}. Cảm ơn ông/bà đã quan tâm.",
                    "The survey “{name}” closed on {date}. Thank you for your interest."),
    "scheduled_title": ("Đợt khảo sát chưa bắt đầu", "This survey has not started yet"),
    "scheduled_body": ("Đợt khảo sát “{name}” bắt đầu từ ngày {date}. Vui lòng quay lại sau.",
                       "The survey “{name}” opens on {date}. Please come back then."),
    "not_open_body": ("Đợt khảo sát “{name}” hiện không nhận phiếu trực tuyến.",
                      "The survey “{name}” does not accept answers online at the moment."),
    "unknown_title": ("Không tìm thấy đường dẫn", "Link not found"),
    "unknown_body": ("Đường dẫn này không đúng hoặc không còn dùng được. Vui lòng kiểm tra lại mã QR hoặc đường dẫn.",
                     "This link is wrong or no longer valid. Please check the QR code or the link."),
    "used_title": ("Đường dẫn này đã được sử dụng", "This link has already been used"),
    "used_body": ("Phiếu khảo sát theo đường dẫn mời này đã được gửi. Mỗi đường dẫn chỉ dùng cho một phiếu. "
                  "Cảm ơn ông/bà!",
                  "A survey has already been sent with this invitation. Each link is for one survey only. Thank you!"),
    "expired_title": ("Đường dẫn mời đã hết hạn", "This invitation has expired"),
    "expired_body": ("Đường dẫn mời này đã hết hạn. Cảm ơn ông/bà đã quan tâm.",
                     "This invitation link has expired. Thank you for your interest."),
    # error pages
    "error_403": ("Ông/bà không có quyền xem trang này.", "You may not see this page."),
    "error_429": ("Có quá nhiều phiếu được gửi từ thiết bị hoặc mạng này. Vui lòng thử lại sau.",
                  "Too many surveys were started from this device or network. Please try again later."),
    "bad_text": ("Dữ liệu gửi lên có ký tự không hợp lệ (không phải UTF-8).",
                 "The data sent contains invalid characters (not UTF-8)."),
    "bad_field": ("Dữ liệu gửi lên có trường không thuộc trang này: {name}.",
                  "The data sent has a field that is not on this page: {name}."),
    "bad_hidden": ("Có câu trả lời cho câu hỏi không được hỏi: {name}.",
                   "An answer was sent for a question that was not asked: {name}."),
    "bad_uuid": ("Mã phiếu gửi lên không khớp với trang.", "The survey reference sent does not match the page."),
    # a repeat's page (a household's members)
    "instance_title": ("{title} – thứ {number}", "{title} – no. {number}"),
    "add_instance": ("Thêm một lần nữa", "Add another"),
    "remove_instance": ("Xoá mục thứ {number}", "Remove no. {number}"),
    "no_instance": ("Không có mục nào cần trả lời ở trang này.", "There is nothing to answer on this page."),
    "bad_count": ("Số mục gửi lên không hợp lệ.", "The number of entries sent is not valid."),
    # QR poster
    "poster_title": ("Mời ông/bà đánh giá sự phục vụ", "Please rate our service"),
    "poster_scan": ("Quét mã QR bằng điện thoại hoặc mở đường dẫn:", "Scan the QR code with your phone or open:"),
    "poster_anonymous": ("Không cần ghi họ tên. Mất khoảng {minutes} phút.",
                         "Anonymous. It takes about {minutes} minutes."),
}


CATALOGUE = Catalogue(MESSAGES, fallback=FORM_PAGE)
t = CATALOGUE.say
