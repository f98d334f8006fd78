"""Texts of the API token and webhook pages, in Vietnamese and English (merged into the admin catalogue)."""

MESSAGES: dict[str, tuple[str, str]] = {
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
    "webhooks_lead": ("Hệ thống khác nhận thông báo khi có phiếu mới, phiếu được xác nhận hoặc bị loại, và khi đợt "
                      "khảo sát kết thúc. Mỗi thông báo được ký HMAC-SHA256 bằng khoá bí mật của địa chỉ nhận và "
                      "được gửi lại nếu thất bại.",
                      "Other systems are told when a response is stored, verified or rejected, and when a campaign "
                      "closes. Each post is signed with HMAC-SHA256 and the subscription's secret, and retried "
                      "when it fails."),
    "webhook_url": ("Địa chỉ nhận (URL)", "Receiving address (URL)"),
    "events": ("Sự kiện", "Events"),
    "event_response.created": ("Phiếu mới", "Response stored"),
    "event_response.verified": ("Phiếu được xác nhận", "Response verified"),
    "event_response.rejected": ("Phiếu bị loại", "Response rejected"),
    "event_campaign.closed": ("Đợt khảo sát kết thúc", "Campaign closed"),
    "add_webhook": ("Thêm địa chỉ nhận", "Add a subscription"),
    "remove": ("Xoá", "Remove"),
    "secret_shown_once": ("Khoá bí mật của {url}", "Secret of {url}"),
    "secret_once_body": ("Trao khoá này cho hệ thống nhận để kiểm tra chữ ký (tiêu đề X-Survey-Signature: "
                         "sha256=HMAC của “thời điểm.nội dung”, thời điểm ở tiêu đề X-Survey-Timestamp).",
                         "Give this secret to the receiving system to check signatures (header X-Survey-Signature: "
                         "sha256=HMAC of 'timestamp.body', the timestamp in header X-Survey-Timestamp)."),
    "back_to_webhooks": ("Về danh sách webhook", "Back to the webhooks"),
    "no_webhooks": ("Chưa có địa chỉ nhận nào.", "No subscription yet."),
    "deliveries": ("Nhật ký gửi", "Delivery log"),
    "no_deliveries": ("Chưa gửi lần nào.", "Nothing sent yet."),
    "delivery_status": ("Kết quả", "Outcome"),
    "delivery_pending": ("Đang chờ gửi", "Pending"),
    "delivery_delivered": ("Đã gửi", "Delivered"),
    "delivery_failed": ("Đã bỏ (quá số lần thử)", "Given up (too many attempts)"),
    "attempts": ("Số lần thử", "Attempts"),
    "status_code": ("Mã trả về", "Status code"),
    "next_attempt": ("Lần thử tiếp", "Next attempt"),
    "last_error": ("Lỗi gần nhất", "Last error"),
    # why a post failed: generic on purpose, since telling a refused connection from a timeout or a
    # garbage answer would show which ports of a machine are open
    "delivery_error_url": ("Địa chỉ nhận không hợp lệ", "The address is not valid"),
    "delivery_error_not_allowed": ("Không được phép gửi tới địa chỉ này (máy chủ này, mạng nội bộ hoặc địa chỉ "
                                   "dành riêng)", "Not allowed: the address is this server, an internal network "
                                   "or reserved"),
    "delivery_error_unreachable": ("Không kết nối được hoặc bên nhận không trả lời hợp lệ",
                                   "Connection refused or no valid answer"),
    "delivery_error_redirect": ("Bên nhận chuyển hướng sang địa chỉ khác; webhook không đi theo chuyển hướng, "
                                "hãy dùng địa chỉ cuối cùng", "The receiver redirected elsewhere; redirects are not "
                                "followed, use the final address"),
    "delivery_error_status": ("Bên nhận trả lời lỗi (xem mã trả về)",
                              "The receiver answered with an error (see the status code)"),
    "event": ("Sự kiện", "Event"),
}

