"""The problems unit operations report (CSV import, hierarchy, deactivation, reorganisation), in Vietnamese
and English.

Each is a `Problem`: its string is the English text (what the command line prints and the API
returns), and the administration pages show it in the reader's language. Column
names and level codes stay as the CSV file spells them, in both languages.
"""
from survey.text import Catalogue

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "csv_unreadable": ("Dòng {row}: không đọc được tệp CSV ({error})", "row {row}: {error}"),
    "column_missing": ("Dòng 1: thiếu cột “{column}”", "row 1: missing column '{column}'"),
    "column_unknown": ("Dòng 1: cột “{column}” không thuộc mẫu tệp đơn vị", "row 1: unknown column '{column}'"),
    "cells_extra": ("Dòng {row}: số ô nhiều hơn số cột", "row {row}: more cells than columns"),
    "value_required": ("Dòng {row}, cột {column}: chưa nhập giá trị", "row {row}, {column}: a value is required"),
    "level_unknown": ("Dòng {row}, cột level: không có cấp “{level}” (phải là một trong: {levels})",
                      "row {row}, level: unknown level '{level}' (one of {levels})"),
    "active_invalid": ("Dòng {row}, cột active: “{value}” không phải là “có” hay “không” (yes/no)",
                       "row {row}, active: '{value}' is not yes or no"),
    "control_character": ("Dòng {row}, cột {column}: có ký tự điều khiển không hợp lệ (ví dụ ký tự NUL)",
                          "row {row}, {column}: holds a control character (such as NUL)"),
    "value_too_long": ("Dòng {row}, cột {column}: dài quá {length} ký tự", "row {row}, {column}: longer than {length} "
                       "characters"),
    "code_invalid": ("Dòng {row}, cột {column}: “{value}” không phải là mã đơn vị (chỉ gồm chữ cái không dấu, chữ số, "
                     "“-”, “_” hoặc “.”, bắt đầu bằng chữ cái hoặc chữ số)",
                     "row {row}, {column}: '{value}' is not a unit code (letters A-Z, digits, '-', '_' or '.', "
                     "beginning with a letter or a digit)"),
    "code_repeated": ("Dòng {row}, cột code: mã “{unit}” trùng với dòng {first}",
                      "row {row}, code: '{unit}' repeats row {first}"),
    "children_orphaned": ("Dòng {row}, cột level: đơn vị “{unit}” (cấp “{level}”) đang trực thuộc “{parent}”, mà đơn "
                          "vị cấp “{parent_level}” không thể quản lý đơn vị cấp “{level}”",
                          "row {row}, level: '{parent}' has the {level} '{unit}' under it, which a {parent_level} "
                          "cannot hold"),
    "parent_required": ("Dòng {row}, cột parent_code: đơn vị cấp “{level}” phải có đơn vị cấp trên thuộc cấp "
                        "“{parents}”",
                        "row {row}, parent_code: a {level} needs a parent ({parents})"),
    "parent_unknown": ("Dòng {row}, cột parent_code: không có đơn vị mã “{parent}” trong tệp hay trong hệ thống",
                       "row {row}, parent_code: unknown unit '{parent}'"),
    "parent_level": ("Dòng {row}, cột parent_code: “{parent}” là đơn vị cấp “{parent_level}”; đơn vị cấp “{level}” "
                     "phải trực thuộc đơn vị cấp “{parents}”",
                     "row {row}, parent_code: '{parent}' is a {parent_level}; a {level} takes {parents}"),
    "parent_not_taken": ("Dòng {row}, cột parent_code: “{parent}” là đơn vị cấp “{parent_level}”; đơn vị cấp "
                         "“{level}” không có đơn vị cấp trên",
                         "row {row}, parent_code: '{parent}' is a {parent_level}; a {level} takes no parent"),
    "unit_unknown": ("Không có đơn vị mã “{unit}”", "unknown unit '{unit}'"),
    "already_active": ("Đơn vị “{unit}” đang được sử dụng", "unit '{unit}' is already active"),
    "already_deactivated": ("Đơn vị “{unit}” đã ngừng sử dụng từ trước", "unit '{unit}' is already deactivated"),
    # reorganisations (merge, split, replace)
    "kind_unknown": ("Dòng {row}, cột kind: không có hình thức “{kind}” (phải là một trong: {kinds})",
                     "row {row}, kind: unknown kind '{kind}' (one of {kinds})"),
    "date_invalid": ("Dòng {row}, cột effective_on: “{value}” không phải là ngày (YYYY-MM-DD hoặc DD/MM/YYYY)",
                     "row {row}, effective_on: '{value}' is not a date (YYYY-MM-DD or DD/MM/YYYY)"),
    "code_listed_twice": ("Dòng {row}, cột {column}: mã “{unit}” được ghi hai lần",
                          "row {row}, {column}: '{unit}' is listed twice"),
    "shares_not_split": ("Dòng {row}, cột shares: chỉ ghi tỷ lệ khi chia tách (split)",
                         "row {row}, shares: shares are given for a split only"),
    "shares_invalid": ("Dòng {row}, cột shares: “{value}” phải là {count} tỷ lệ lớn hơn 0, mỗi tỷ lệ không quá 1 và "
                       "tổng không quá 1",
                       "row {row}, shares: '{value}' must be {count} fractions above 0, each and together at most 1"),
    "shape_merge": ("Dòng {row}: sáp nhập (merge) cần ít nhất hai đơn vị cũ và đúng một đơn vị mới",
                    "row {row}: a merge takes two or more old units and one new unit"),
    "shape_split": ("Dòng {row}: chia tách (split) cần đúng một đơn vị cũ và ít nhất hai đơn vị mới",
                    "row {row}: a split takes one old unit and two or more new units"),
    "shape_replace": ("Dòng {row}: thay thế (replace) cần một đơn vị cũ và một đơn vị mới khác nhau",
                      "row {row}: a replacement takes one old unit and one other new unit"),
    "reorganised_unknown": ("Dòng {row}, cột {column}: không có đơn vị mã “{unit}” (hãy nhập danh sách đơn vị trước)",
                            "row {row}, {column}: unknown unit '{unit}' (import the units first)"),
    "reorganised_twice": ("Dòng {row}, cột old: đơn vị “{unit}” đã chấm dứt ngày {date} (dòng {other}), không thể "
                          "sắp xếp lại lần nữa từ ngày đó trở đi",
                          "row {row}, old: '{unit}' ceases on {date} (row {other}): it cannot be reorganised again "
                          "on or after that day"),
    "reorganised_twice_stored": ("Dòng {row}, cột old: theo một lần sắp xếp đã lưu, đơn vị “{unit}” đã chấm dứt ngày "
                                 "{date}, không thể sắp xếp lại lần nữa từ ngày đó trở đi",
                                 "row {row}, old: '{unit}' ceases on {date} by a stored reorganisation: it cannot be "
                                 "reorganised again on or after that day"),
    "reorganised_before_formed": ("Dòng {row}, cột old: đơn vị “{unit}” được hình thành ngày {date} (dòng {other}), "
                                  "không thể sắp xếp lại vào hoặc trước ngày đó",
                                  "row {row}, old: '{unit}' is formed on {date} (row {other}): it cannot be "
                                  "reorganised on or before that day"),
    "reorganised_before_formed_stored": ("Dòng {row}, cột old: theo một lần sắp xếp đã lưu, đơn vị “{unit}” được hình "
                                         "thành ngày {date}, không thể sắp xếp lại vào hoặc trước ngày đó",
                                         "row {row}, old: '{unit}' is formed on {date} by a stored reorganisation: "
                                         "it cannot be reorganised on or before that day"),
    "reorganisation_cycle": ("Dòng {row}: vòng lặp — đơn vị “{unit}” sẽ trở thành đơn vị kế thừa của chính nó",
                             "row {row}: a cycle: '{unit}' would succeed itself"),
}

CATALOGUE = Catalogue(MESSAGES)
