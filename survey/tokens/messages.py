"""The problems issuing an API token reports, in Vietnamese and English: each a `Problem` whose
string is the English text (command line, API) and which the administration pages show in the
reader's language. An unknown unit is the units' own problem."""
from survey.text import Catalogue

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "name_length": ("Tên khoá: từ 1 đến {length} ký tự", "name: 1 to {length} characters"),
    "name_taken": ("Tên khoá: đã có một khoá đang dùng tên “{name}”",
                   "name: an active token is already called '{name}'"),
    "scopes_none": ("Quyền: chọn ít nhất một trong các quyền {scopes}", "scope: choose at least one of {scopes}"),
    "scope_unknown": ("Quyền: không có quyền “{scope}” (chỉ có {scopes})",
                      "scope: unknown scope '{scope}' (one of {scopes})"),
    "token_not_active": ("Không có khoá đang dùng nào tên “{name}”", "no active token called '{name}'"),
}

CATALOGUE = Catalogue(MESSAGES)
