"""Texts of the webhook pages (subscriptions and the delivery log), in Vietnamese and English; part of
the administration catalogue (`survey.admin.messages`)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
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
