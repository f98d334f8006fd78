"""Texts of the sign-in and account pages, and of the problems account operations report, in
Vietnamese and English.

Built on `survey.text.Catalogue`, like the citizen catalogue (`survey/public/messages.py`).
Templates call `say('key')` (or `t`, the same): keys it lacks are the texts every page shares
(`survey.texts_shared`: the site name, the language switch, the error pages).
A problem an operation finds is made by `CATALOGUE.problem(key, ...)` (a `survey.errors.Problem`):
English for the command line and logs, the reader's language on a page.
"""
from survey.text import Catalogue
from survey.texts_shared import CATALOGUE as SHARED

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "staff_area": ("Khu vực cán bộ", "Staff area"),
    "sign_in": ("Đăng nhập", "Sign in"),
    "sign_out": ("Đăng xuất", "Sign out"),
    "username": ("Tên đăng nhập", "Username"),
    "password": ("Mật khẩu", "Password"),
    "sign_in_failed": ("Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản tạm thời bị khoá sau nhiều lần "
                       "nhập sai. Vui lòng kiểm tra lại, hoặc thử lại sau 15 phút.",
                       "Wrong username or password, or the account is locked for a while after too many "
                       "failed attempts. Please check, or try again in 15 minutes."),
    "signed_out": ("Bạn đã đăng xuất.", "You have signed out."),
    "account": ("Tài khoản", "Account"),
    "full_name": ("Họ và tên", "Full name"),
    "role": ("Vai trò", "Role"),
    "units": ("Đơn vị phụ trách", "Units"),
    "whole_province": ("Toàn tỉnh", "Whole province"),
    "no_units": ("Chưa được giao đơn vị nào", "No unit assigned yet"),
    "your_pages": ("Trang của bạn", "Your pages"),
    "admin_area": ("Quản trị người dùng", "User administration"),
    "paper_entry": ("Nhập phiếu giấy", "Paper entry"),
    "supervision": ("Giám sát tiến độ và chất lượng", "Progress and data quality"),
    "reconciliation": ("Đối chiếu nhập liệu hai lần", "Double-entry reconciliation"),
    "analysis": ("Phân tích kết quả", "Analysis"),
    "par_scoring": ("Chấm điểm chỉ số cải cách hành chính", "PAR index scoring"),
    "change_password": ("Đổi mật khẩu", "Change password"),
    "must_change_password": ("Mật khẩu hiện tại là mật khẩu tạm thời. Vui lòng đặt mật khẩu mới để tiếp tục.",
                             "Your password is a temporary one. Please choose a new password to continue."),
    "current_password": ("Mật khẩu hiện tại", "Current password"),
    "new_password": ("Mật khẩu mới", "New password"),
    "repeat_password": ("Nhập lại mật khẩu mới", "New password again"),
    "password_rules": ("Ít nhất 10 ký tự, không chứa tên đăng nhập, không phải mật khẩu phổ biến. "
                       "Nên dùng một câu ngắn dễ nhớ.",
                       "At least 10 characters, not containing your username, not a common password. "
                       "A short sentence is easy to remember."),
    "password_changed": ("Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc.",
                         "Your password has been changed. Your other sessions have ended."),
    "problems_title": ("Vui lòng sửa các lỗi sau", "Please correct the following"),
    "save": ("Lưu", "Save"),
    "cancel": ("Huỷ", "Cancel"),
    # roles
    "role_admin": ("Quản trị viên", "Administrator"),
    "role_supervisor": ("Giám sát viên", "Supervisor"),
    "role_surveyor": ("Điều tra viên", "Field surveyor"),
    "role_analyst": ("Phân tích viên", "Analyst"),
    "role_agency_officer": ("Cán bộ đầu mối chấm điểm của cơ quan", "Agency scoring officer"),
    # problems found by operations (the English text is what the command line prints)
    "username_invalid": ("Tên đăng nhập “{username}”: 2–64 ký tự gồm chữ thường, chữ số, “.”, “_” hoặc “-”",
                         "username '{username}': 2–64 lower-case letters, digits, '.', '_' or '-'"),
    "role_unknown": ("Vai trò “{role}” không nằm trong: {roles}", "role '{role}' is not one of {roles}"),
    "user_exists": ("Người dùng “{username}” đã tồn tại", "user '{username}' already exists"),
    "user_unknown": ("Không có người dùng “{username}”", "no user '{username}'"),
    "password_short": ("Mật khẩu: ít nhất {length} ký tự", "password: at least {length} characters"),
    "password_long": ("Mật khẩu: nhiều nhất {length} ký tự", "password: at most {length} characters"),
    "password_has_username": ("Mật khẩu: không được chứa tên đăng nhập", "password: must not contain the username"),
    "password_common": ("Mật khẩu: quá phổ biến, dễ bị đoán", "password: too common, easily guessed"),
    "password_mismatch": ("Hai lần nhập mật khẩu mới không giống nhau", "the two new passwords differ"),
    "password_wrong": ("Mật khẩu hiện tại không đúng", "the current password is wrong"),
    "password_same": ("Mật khẩu mới phải khác mật khẩu hiện tại", "the new password must differ from the current one"),
    "own_account": ("Không thể vô hiệu hoá hay hạ quyền tài khoản của chính mình",
                    "you cannot disable or demote your own account"),
    "own_units": ("Không thể tự đổi đơn vị phụ trách của chính mình",
                  "you cannot change the units of your own account"),
    "scope_units_outside": ("Đơn vị nằm ngoài phạm vi bạn quản lý: {codes}", "units outside your scope: {codes}"),
    "units_required": ("Tài khoản của bạn chỉ quản lý một số đơn vị: hãy chọn ít nhất một đơn vị trong số đó",
                       "your account manages some units only: choose at least one of them"),
    "last_admin": ("Phải còn ít nhất một quản trị viên đang hoạt động",
                   "at least one active administrator must remain"),
    # error pages of the staff area (they take the place of the citizens' texts there)
    "error_403": ("Tài khoản của bạn không có quyền xem trang này.", "Your account may not see this page."),
    "error_429": ("Có quá nhiều lần đăng nhập vào tài khoản này hoặc từ mạng này. Vui lòng thử lại sau ít phút.",
                  "Too many sign-in attempts at this account or from this network. "
                  "Please try again in a few minutes."),
}


CATALOGUE = Catalogue(MESSAGES, fallback=SHARED)
say, known = CATALOGUE.say, CATALOGUE.known
