"""Texts of the administration pages, in Vietnamese and English; `say` falls back to the
accounts catalogue (roles, field names, problems), and through it to the citizens' one."""
from survey.accounts import messages as accounts
from survey.admin import api_messages, campaigns_messages, draws_messages, questionnaires_messages, units_messages
from survey.public.messages import Catalogue

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "nav_label": ("Quản trị", "Administration"),
    "nav_surveys": ("Khảo sát", "Surveys"),
    "nav_accounts": ("Tài khoản", "Accounts"),
    "nav_integrations": ("Kết nối", "Integrations"),
    "users_title": ("Người dùng", "Users"),
    "audit_title": ("Nhật ký quản trị", "Administration log"),
    "tokens_title": ("Khoá API", "API tokens"),
    "webhooks_title": ("Webhook", "Webhooks"),
    "units_title": ("Đơn vị", "Units"),
    "campaigns_title": ("Đợt khảo sát", "Campaigns"),
    "create_user": ("Tạo người dùng", "Create a user"),
    "create_lead": ("Hệ thống tạo một mật khẩu tạm thời; người dùng phải đổi mật khẩu khi đăng nhập lần đầu.",
                    "A temporary password is generated; the user must change it at the first sign-in."),
    "username_hint": ("2–64 ký tự: chữ thường không dấu, chữ số, “.”, “_” hoặc “-”. Không đổi được về sau.",
                      "2–64 characters: lower-case letters, digits, '.', '_' or '-'. It cannot be changed later."),
    "units_hint": ("Giữ phím Ctrl (hoặc ⌘) để chọn nhiều đơn vị. Không chọn đơn vị nào: quản trị viên và phân tích "
                   "viên xem được toàn tỉnh, giám sát viên và điều tra viên không xem được đơn vị nào.",
                   "Hold Ctrl (or ⌘) to choose several units. No unit: administrators and analysts see the whole "
                   "province, supervisors and surveyors see none."),
    "level_province": ("Tỉnh", "Province"),
    "level_department": ("Sở, ban, ngành", "Departments"),
    "level_district": ("Huyện, thị xã, thành phố", "Districts"),
    "level_commune": ("Xã, phường, thị trấn", "Communes"),
    "status": ("Trạng thái", "Status"),
    "active": ("Đang hoạt động", "Active"),
    "disabled": ("Đã vô hiệu hoá", "Disabled"),
    "locked": ("Tạm khoá đăng nhập đến {time}", "Sign-in locked until {time}"),
    "must_change": ("Đang dùng mật khẩu tạm thời", "Holds a temporary password"),
    "last_login": ("Đăng nhập lần cuối", "Last sign-in"),
    "never": ("Chưa bao giờ", "Never"),
    "created_at": ("Ngày tạo", "Created"),
    "open_user": ("Xem và sửa", "View and edit"),
    "edit_scope": ("Vai trò và đơn vị", "Role and units"),
    "saved": ("Đã lưu thay đổi.", "Changes saved."),
    "disable": ("Vô hiệu hoá", "Disable"),
    "enable": ("Kích hoạt lại", "Enable again"),
    "reset_password": ("Đặt lại mật khẩu", "Reset the password"),
    "confirm_disable": ("Vô hiệu hoá tài khoản {username}?", "Disable the account {username}?"),
    "confirm_disable_body": ("Người dùng bị đăng xuất ngay trên mọi thiết bị và không thể đăng nhập cho đến khi "
                             "được kích hoạt lại. Dữ liệu họ đã nhập vẫn được giữ nguyên.",
                             "The user is signed out at once on every device and cannot sign in until enabled "
                             "again. The data they entered is kept."),
    "confirm_reset": ("Đặt lại mật khẩu của {username}?", "Reset the password of {username}?"),
    "confirm_reset_body": ("Mật khẩu hiện tại hết hiệu lực và người dùng bị đăng xuất trên mọi thiết bị. Một mật "
                           "khẩu tạm thời sẽ được hiển thị một lần duy nhất.",
                           "The current password stops working and the user is signed out on every device. A "
                           "temporary password will be shown once."),
    "temporary_title": ("Mật khẩu tạm thời của {username}", "Temporary password of {username}"),
    "temporary_body": ("Mật khẩu này chỉ hiển thị một lần. Hãy trao trực tiếp cho người dùng (không gửi qua "
                       "email hay tin nhắn công khai); họ phải đổi mật khẩu khi đăng nhập.",
                       "This password is shown only once. Hand it to the user in person (not by e-mail or a "
                       "public chat); they must change it when they sign in."),
    "user_created": ("Đã tạo tài khoản {username}.", "The account {username} has been created."),
    "back_to_users": ("Về danh sách người dùng", "Back to the users"),
    "back_to_user": ("Về trang người dùng", "Back to the user"),
    "when": ("Thời điểm", "When"),
    "who": ("Người thực hiện", "By"),
    "command_line": ("dòng lệnh", "command line"),
    "older": ("Cũ hơn", "Older"),
    "no_entries": ("Chưa có thao tác nào.", "Nothing yet."),
    "temporary_yes": ("mật khẩu tạm thời", "temporary password"),
    "temporary_no": ("mật khẩu do quản trị viên đặt", "password set by an administrator"),
    # audit actions
    "action_user_created": ("Tạo tài khoản", "Account created"),
    "action_role_changed": ("Đổi vai trò", "Role changed"),
    "action_units_changed": ("Đổi đơn vị phụ trách", "Units changed"),
    "action_user_disabled": ("Vô hiệu hoá", "Disabled"),
    "action_user_enabled": ("Kích hoạt lại", "Enabled again"),
    "action_password_reset": ("Đặt lại mật khẩu", "Password reset"),
    "action_questionnaire_imported": ("Nhập bảng hỏi", "Questionnaire imported"),
    "action_questionnaire_published": ("Công bố phiên bản bảng hỏi", "Questionnaire version published"),
    "action_units_imported": ("Nhập danh sách đơn vị", "Units imported"),
    "action_unit_deactivated": ("Ngừng sử dụng đơn vị", "Unit deactivated"),
    "action_unit_reactivated": ("Sử dụng lại đơn vị", "Unit reactivated"),
    "action_campaign_created": ("Tạo đợt khảo sát", "Campaign created"),
    "action_campaign_updated": ("Sửa đợt khảo sát", "Campaign changed"),
    "action_campaign_opened": ("Mở đợt khảo sát", "Campaign opened"),
    "action_campaign_closed": ("Đóng đợt khảo sát", "Campaign closed"),
    "action_campaign_cloned": ("Sao chép đợt khảo sát", "Campaign cloned"),
    "action_campaign_version_moved": ("Chuyển đợt khảo sát sang phiên bản bảng hỏi mới nhất",
                                      "Campaign moved to the newest questionnaire version"),
    "audit_texts_edited": ("{count} nội dung chữ đã sửa", "{count} texts changed"),
    "action_questionnaire_texts_edited": ("Sửa nội dung chữ của bản nháp bảng hỏi",
                                          "Texts of the questionnaire draft edited"),
    "action_invitations_created": ("Tạo thư mời", "Invitations created"),
    "action_dossiers_drawn": ("Chọn ngẫu nhiên hồ sơ để gửi thư mời", "Dossiers drawn at random and invited"),
    "action_api_token_created": ("Cấp khoá API", "API token issued"),
    "action_api_token_revoked": ("Thu hồi khoá API", "API token revoked"),
    "action_webhook_added": ("Thêm địa chỉ nhận webhook", "Webhook subscription added"),
    "action_webhook_removed": ("Xoá địa chỉ nhận webhook", "Webhook subscription removed"),
}
MESSAGES.update(questionnaires_messages.MESSAGES)
MESSAGES.update(campaigns_messages.MESSAGES)
MESSAGES.update(api_messages.MESSAGES)
MESSAGES.update(draws_messages.MESSAGES)
MESSAGES.update(units_messages.MESSAGES)


CATALOGUE = Catalogue(MESSAGES, fallback=accounts.CATALOGUE)
say, known = CATALOGUE.say, CATALOGUE.known
