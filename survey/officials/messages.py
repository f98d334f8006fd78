"""The problems of the officials' register (Vietnamese, English). A problem found in a row of the
imported file is wrapped in `official_at_row`, naming the row (the header is row 1) and column."""
from survey.text import Catalogue

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "official_at_row": ("Dòng {row}, cột “{column}”: {problem}", "Row {row}, column '{column}': {problem}"),
    # The file
    "official_not_utf8": ("Tệp không phải văn bản CSV mã hóa UTF-8.", "The file is not CSV text encoded in UTF-8."),
    "official_column_missing": ("Tệp thiếu cột “{column}” (cần các cột: {known}).",
                                "The file lacks the column '{column}' (columns needed: {known})."),
    "official_unknown_column": ("Tệp có cột lạ “{column}” (các cột: {known}).",
                                "The file has an unknown column '{column}' (columns: {known})."),
    "official_no_rows": ("Tệp không có người nào.", "The file lists nobody."),
    # A row
    "official_required": ("Cần có giá trị.", "A value is required."),
    "official_too_long": ("Dài quá {limit} ký tự.", "Longer than {limit} characters."),
    "official_control": ("Có ký tự điều khiển không hợp lệ (ví dụ ký tự NUL).",
                         "Holds a control character (such as NUL)."),
    "official_unknown_unit": ("Không có đơn vị mã “{value}”.", "No unit has the code '{value}'."),
    "official_unit_not_surveyed": ("Đơn vị “{value}” không thuộc đợt khảo sát “{slug}”.",
                                   "The unit '{value}' is not surveyed by campaign '{slug}'."),
    "official_unknown_group": ("Nhóm “{value}” không có (các nhóm: {known}).",
                               "No group '{value}' (groups: {known})."),
    "official_bad_email": ("“{value}” không phải địa chỉ thư điện tử.", "'{value}' is not an email address."),
    "official_bad_phone": ("“{value}” không phải số điện thoại (chữ số, dấu cách, + - . và ngoặc).",
                           "'{value}' is not a telephone number (digits, spaces, + - . and brackets)."),
    "official_twice": ("“{value}” của đơn vị này đã có ở dòng {first}.",
                       "'{value}' of this unit is already listed on row {first}."),
    "official_registered": ("“{value}” của đơn vị này đã có trong danh sách của đợt khảo sát.",
                            "'{value}' of this unit is already registered for the campaign."),
    # Invitations
    "official_none_to_invite": ("Mọi người trong danh sách của đợt khảo sát “{slug}” đã được mời.",
                                "Everybody registered for campaign '{slug}' has already been invited."),
    "official_expiry_past": ("Ngày hết hạn {day} đã qua.", "The expiry day {day} is already past."),
}


CATALOGUE = Catalogue(MESSAGES)
