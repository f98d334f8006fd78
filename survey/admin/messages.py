"""Texts of the administration pages, in Vietnamese and English: those every part shares (the
navigation bar, unit levels, the files uploaded) here, each part's in its own `messages` module,
merged into one catalogue. `say` falls back to the accounts catalogue (roles, field names,
problems), and through it to the citizens' one."""
from survey.accounts import messages as accounts
from survey.admin.campaigns import messages as campaigns
from survey.admin.invitations import messages as invitations
from survey.admin.questionnaires import messages as questionnaires
from survey.admin.tokens import messages as tokens
from survey.admin.units import messages as units
from survey.admin.users import messages as users
from survey.admin.webhooks import messages as webhooks
from survey.text import Catalogue

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
    "level_province": ("Tỉnh", "Province"),
    "level_department": ("Sở, ban, ngành", "Departments"),
    "level_district": ("Huyện, thị xã, thành phố", "Districts"),
    "level_commune": ("Xã, phường, thị trấn", "Communes"),
    "never": ("Chưa bao giờ", "Never"),
    "file_wrong_extension": ("Tệp “{name}” không phải tệp .csv hay .txt.",
                             "The file “{name}” is not a .csv or .txt file."),
    "file_too_large": ("Tệp lớn hơn {size} MB.", "The file is larger than {size} MB."),
    "file_empty": ("Tệp “{name}” trống.", "The file “{name}” is empty."),
    "file_binary": ("Tệp “{name}” không phải là văn bản (CSV).", "The file “{name}” is not text (CSV)."),
    "file_not_utf8": ("Tệp “{name}” không mã hoá UTF-8: hãy lưu lại dưới dạng “CSV UTF-8”.",
                      "The file “{name}” is not UTF-8: save it again as “CSV UTF-8”."),
    "file_missing": ("Chọn một tệp để tải lên.", "Choose a file to upload."),
}
for part in (users, questionnaires, campaigns, invitations, units, tokens, webhooks):
    MESSAGES.update(part.MESSAGES)

CATALOGUE = Catalogue(MESSAGES, fallback=accounts.CATALOGUE)
say, known = CATALOGUE.say, CATALOGUE.known
