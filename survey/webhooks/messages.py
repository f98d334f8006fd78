"""The problems webhook subscriptions report, in Vietnamese and English: each a `Problem` whose
string is the English text (command line, API) and which the administration pages show in the
reader's language."""
from survey.text import Catalogue

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "url_invalid": ("Địa chỉ nhận (URL): cần một địa chỉ bắt đầu bằng http:// hoặc https:// rồi đến tên máy chủ "
                    "(không phải địa chỉ số), dài tối đa {length} ký tự, không có khoảng trắng, tên đăng nhập hay mật "
                    "khẩu (chữ có dấu viết dạng xn--… hoặc %XX); “{url}” không hợp lệ",
                    "url: an http:// or https:// address naming a host (not a numeric address), of at most {length} "
                    "characters, without spaces, user name or password (non-ASCII written as xn--… or %XX), not "
                    "'{url}'"),
    "events_none": ("Sự kiện: chọn ít nhất một trong các sự kiện {events}",
                    "events: choose at least one of {events}"),
    "event_unknown": ("Sự kiện: không có sự kiện “{event}” (chỉ có {events})",
                      "events: unknown event '{event}' (one of {events})"),
    "secret_length": ("Khoá bí mật: từ 16 đến 100 ký tự", "secret: 16 to 100 characters"),
    "subscription_unknown": ("Không có địa chỉ nhận webhook số {number}", "no webhook subscription {number}"),
}

CATALOGUE = Catalogue(MESSAGES)
