"""The problems a draw of dossiers reports, in Vietnamese and English: each names the row of the dossier
list (the header is row 1, as a spreadsheet shows it), of the plan, or the unit it is about."""
from survey.text import Catalogue

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "list_empty": ("Danh sách hồ sơ không có dòng nào", "the dossier list has no dossier"),
    "listing_column_missing": ("Dòng 1: danh sách hồ sơ thiếu cột “{column}”",
                               "row 1: the dossier list lacks the column '{column}'"),
    "listing_column_unknown": ("Dòng 1: cột “{column}” không thuộc mẫu danh sách hồ sơ "
                               "(dossier_code, unit_code, date, field)",
                               "row 1: the column '{column}' is not one of dossier_code, unit_code, date, field"),
    "cells_extra": ("Dòng {row}: số ô nhiều hơn số cột", "row {row}: more cells than columns"),
    "listing_value_required": ("Dòng {row}, cột {column}: chưa có giá trị", "row {row}, {column}: a value is required"),
    "listing_control_character": ("Dòng {row}, cột {column}: có ký tự điều khiển không hợp lệ (ví dụ ký tự NUL)",
                          "row {row}, {column}: holds a control character (such as NUL)"),
    "value_too_long": ("Dòng {row}, cột {column}: dài quá {length} ký tự",
                       "row {row}, {column}: longer than {length} characters"),
    "listing_date_invalid": ("Dòng {row}, cột date: “{value}” không phải là ngày (NNNN-TT-NN hoặc NN/TT/NNNN)",
                     "row {row}, date: '{value}' is not a date (YYYY-MM-DD or DD/MM/YYYY)"),
    "dossier_repeated": ("Dòng {row}, cột dossier_code: mã hồ sơ “{dossier}” trùng với dòng {first}",
                         "row {row}, dossier_code: '{dossier}' repeats row {first}"),
    "listing_unit_not_surveyed": ("Dòng {row}, cột unit_code: đơn vị “{unit}” không thuộc đợt khảo sát “{slug}”",
                          "row {row}, unit_code: unit '{unit}' is not surveyed by campaign '{slug}'"),
    "unit_without_transactions": (
        "Dòng {row}, cột unit_code: đơn vị “{unit}” chưa có số lượt giao dịch (N_h) trong đợt khảo sát",
        "row {row}, unit_code: unit '{unit}' has no number of transactions (N_h) in the campaign"),
    "unit_without_quota": ("Đơn vị “{unit}” chưa có chỉ tiêu mẫu: hãy nhập cỡ mẫu hoặc kế hoạch chọn mẫu",
                           "unit '{unit}' has no quota: give a sample size or a plan"),
    "sample_too_large": ("Đơn vị “{unit}”: cần chọn {size} hồ sơ nhưng danh sách chỉ có {available} hồ sơ chưa được "
                         "mời",
                         "unit '{unit}': a sample of {size} is larger than the {available} dossiers listed and not yet "
                         "invited"),
    "unit_drawn_before": ("Đơn vị “{unit}” đã được chọn mẫu (lượt {draw}): lượt chọn tiếp theo phải là chọn thay thế",
                          "unit '{unit}' was drawn already (draw {draw}): a further draw is a replacement draw"),
    "nothing_drawn": ("Lượt chọn này không chọn hồ sơ nào (cỡ mẫu bằng 0 ở mọi đơn vị)",
                      "this draw selects no dossier (a sample of 0 for every unit)"),
    "seed_invalid": ("Hạt giống ngẫu nhiên “{value}” phải là số nguyên từ 0 đến {largest}",
                     "the seed '{value}' must be a whole number from 0 to {largest}"),
    "size_invalid": ("Cỡ mẫu “{value}” phải là số nguyên không âm",
                     "the sample size '{value}' must be a whole number ≥ 0"),
    "plan_column_missing": ("Kế hoạch chọn mẫu, dòng 1: thiếu cột “{column}”",
                            "plan, row 1: missing column '{column}'"),
    "plan_size_invalid": ("Kế hoạch chọn mẫu, dòng {row}, cột {column}: “{value}” không phải là số nguyên không âm",
                          "plan, row {row}, {column}: '{value}' is not a whole number ≥ 0"),
    "plan_unit_unknown": ("Kế hoạch chọn mẫu, dòng {row}: đơn vị “{unit}” không thuộc đợt khảo sát “{slug}”",
                          "plan, row {row}: unit '{unit}' is not surveyed by campaign '{slug}'"),
    "plan_unit_repeated": ("Kế hoạch chọn mẫu, dòng {row}: đơn vị “{unit}” trùng với dòng {first}",
                           "plan, row {row}: unit '{unit}' repeats row {first}"),
    "draw_expires_past": ("--expires {day}: ngày này đã qua", "--expires {day} is already past"),
}

CATALOGUE = Catalogue(MESSAGES)
