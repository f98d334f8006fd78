"""Texts of the API token pages, in Vietnamese and English; part of the administration catalogue
(`survey.admin.messages`)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "tokens_lead": ("Khoá API cho phép hệ thống khác (phần mềm một cửa, cổng báo cáo) gọi API tại /api/v1. Mỗi "
                    "khoá chỉ làm được những việc được cấp và, nếu chọn đơn vị, chỉ thấy đơn vị đó và các đơn vị trực "
                    "thuộc.",
                    "API tokens let other systems (the one-stop-shop software, a reporting portal) call the API at "
                    "/api/v1. Each token may do only what it is granted and, with a unit, sees only that unit and "
                    "the units below it."),
    "token_name": ("Tên khoá", "Token name"),
    "token_name_hint": ("Tên hệ thống dùng khoá, ví dụ “mot-cua-tinh”.", "The system using it, e.g. 'mot-cua-tinh'."),
    "scopes": ("Quyền", "Scopes"),
    "scope_campaigns:read": ("Đọc đợt khảo sát, bảng hỏi, đơn vị", "Read campaigns, questionnaires, units"),
    "scope_responses:read": ("Đọc phiếu trả lời", "Read responses"),
    "scope_responses:write": ("Gửi phiếu trả lời", "Send responses"),
    "scope_invitations:write": ("Tạo thư mời theo mã hồ sơ", "Create invitations from dossier codes"),
    "scope_results:read": ("Đọc kết quả chỉ số", "Read index results"),
    "token_unit": ("Giới hạn ở đơn vị", "Limited to the unit"),
    "whole_province_option": ("Toàn tỉnh", "The whole province"),
    "issue_token": ("Cấp khoá", "Issue the token"),
    "token_shown_once": ("Khoá API “{name}”", "API token '{name}'"),
    "token_once_body": ("Khoá chỉ hiển thị một lần: hệ thống chỉ lưu bản băm. Hãy sao chép vào cấu hình của hệ "
                        "thống dùng khoá; nếu làm mất, hãy thu hồi và cấp khoá mới.",
                        "The token is shown only once: only its hash is kept. Copy it into the calling system's "
                        "settings; if it is lost, revoke it and issue a new one."),
    "back_to_tokens": ("Về danh sách khoá", "Back to the tokens"),
    "last_used": ("Dùng lần cuối", "Last used"),
    "created_by": ("Người cấp", "Issued by"),
    "revoked": ("Đã thu hồi", "Revoked"),
    "revoke": ("Thu hồi", "Revoke"),
    "no_tokens": ("Chưa có khoá nào.", "No token yet."),
}
