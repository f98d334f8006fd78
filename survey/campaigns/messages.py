"""The problems campaign operations report (the specification, the targets CSV, what responses
protect, opening and closing, cloning), in Vietnamese and English.

Each is a `survey.errors.Problem`: its string is the English text (what the command line prints and
the API returns), the administration pages show it in the reader's language, and the campaign form
places it next to the field it names (`Problem.field`).
Dates are given as dates: English writes them 2026-12-31, Vietnamese 31/12/2026. Column names stay
as the CSV file spells them, in both languages.
"""
from survey.text import Catalogue

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "campaign_exists": ("Đã có đợt khảo sát mang mã “{slug}”", "campaign '{slug}' already exists"),
    "slug_invalid": ("Mã đợt “{slug}”: chỉ gồm chữ thường không dấu, chữ số và “-”, tối đa 64 ký tự",
                     "slug '{slug}': use lower-case letters, digits and '-' (at most 64)"),
    "name_required": ("Tên đợt khảo sát: chưa nhập tên", "name: a campaign needs a name"),
    "channel_unknown": ("Hình thức thu thập “{channel}” không phải là một trong: {channels}",
                        "channel '{channel}' is not one of {channels}"),
    "channels_none": ("Hình thức thu thập: chọn ít nhất một hình thức", "channels: allow at least one channel"),
    "min_cell_size_small": ("Cỡ ô tối thiểu: ít nhất là 1", "min_cell_size: must be at least 1"),
    "min_seconds_range": ("Thời gian trả lời tối thiểu: từ 0 đến {largest} giây",
                          "min_seconds: from 0 to {largest} seconds"),
    "dates_half": ("Thời gian khảo sát: nhập cả ngày mở và ngày đóng, hoặc để trống cả hai (bản nháp)",
                   "dates: give both the opening and the closing date, or neither (a draft)"),
    "dates_reversed": ("Thời gian khảo sát: ngày đóng {closes:%d/%m/%Y} trước ngày mở {opens:%d/%m/%Y}",
                       "dates: closes {closes} before it opens {opens}"),
    "targets_none": ("Đơn vị được khảo sát: chọn ít nhất một đơn vị",
                     "units: a campaign needs at least one target unit"),
    "units_outside_scope": ("Đơn vị được khảo sát nằm ngoài phạm vi bạn quản lý: {codes}",
                            "units outside your scope: {codes}"),
    "unit_twice": ("Đơn vị “{unit}” bị lặp lại trong danh sách", "unit '{unit}' is listed twice"),
    "quota_negative": ("Đơn vị “{unit}”, chỉ tiêu số phiếu: {value} là số âm",
                       "unit '{unit}', quota: {value} is negative"),
    "transactions_negative": ("Đơn vị “{unit}”, số hồ sơ giao dịch: {value} là số âm",
                              "unit '{unit}', transactions: {value} is negative"),
    "unit_deactivated": ("Đơn vị “{unit}” đã ngừng sử dụng", "unit '{unit}' is deactivated"),
    # strata: quotas of respondents by their answer to a question
    "stratum_not_target": ("Chỉ tiêu nhóm {unit} {question}={value}: đơn vị “{unit}” không được chọn để khảo sát",
                           "stratum {unit} {question}={value}: unit '{unit}' is not a target unit"),
    "stratum_question": ("Chỉ tiêu nhóm {unit} {question}={value}: “{question}” không phải là câu hỏi có lựa chọn "
                         "trong bảng hỏi {version}",
                         "stratum {unit} {question}={value}: '{question}' is not a question with choices in {version}"),
    "stratum_choice": ("Chỉ tiêu nhóm {unit} {question}={value}: “{value}” không phải là lựa chọn của câu hỏi "
                       "“{question}”",
                       "stratum {unit} {question}={value}: '{value}' is not a choice of question '{question}'"),
    "stratum_negative": ("Chỉ tiêu nhóm {unit} {question}={value}: số phiếu {target} là số âm",
                         "stratum {unit} {question}={value}: target {target} is negative"),
    "stratum_twice": ("Chỉ tiêu nhóm {unit} {question}={value}: bị lặp lại",
                      "stratum {unit} {question}={value}: listed twice"),
    "stratum_left_behind": ("Chỉ tiêu nhóm {unit} {question}={value}: không có trong bảng hỏi {version}",
                            "stratum {unit} {question}={value}: not in {version}"),
    "unit_not_target": ("Đơn vị “{unit}” không thuộc đợt khảo sát “{slug}”",
                        "unit '{unit}' is not a target of campaign '{slug}'"),
    "target_negative": ("Số phiếu {target} là số âm", "target {target} is negative"),
    "question_unknown": ("Không có câu hỏi “{question}” trong bảng hỏi {version}",
                         "question '{question}' is not in {version}"),
    "choice_unknown": ("“{value}” không phải là lựa chọn của câu hỏi “{question}”",
                       "'{value}' is not a choice of question '{question}'"),
    # the targets CSV (unit_code, quota, transactions)
    "targets_csv_column_unknown": ("Dòng 1: cột “{column}” không thuộc mẫu tệp chỉ tiêu (các cột: {columns})",
                           "row 1: unknown column '{column}' (use {columns})"),
    "csv_unit_code_missing": ("Dòng 1: thiếu cột “unit_code”", "row 1: missing column 'unit_code'"),
    "csv_empty": ("Tệp không có đơn vị nào", "the file lists no unit"),
    "targets_csv_cells_extra": ("Dòng {row}: số ô nhiều hơn số cột", "row {row}: more cells than columns"),
    "targets_csv_unit_unknown": ("Dòng {row}, cột unit_code: không có đơn vị mã “{unit}”",
                         "row {row}, unit_code: unknown unit '{unit}'"),
    "targets_csv_unit_required": ("Dòng {row}, cột unit_code: chưa nhập mã đơn vị",
                          "row {row}, unit_code: a value is required"),
    "targets_csv_unit_repeated": ("Dòng {row}, cột unit_code: mã “{unit}” trùng với dòng {first}",
                          "row {row}, unit_code: '{unit}' repeats row {first}"),
    "csv_not_count": ("Dòng {row}, cột {column}: “{value}” không phải là số nguyên từ 0 đến {largest}",
                      "row {row}, {column}: '{value}' is not a whole number from 0 to {largest}"),
    # what the responses and invitations already collected protect
    "version_in_use": ("Phiên bản bảng hỏi: đợt khảo sát đã có {responses} phiếu trả lời theo {version}; "
                       "không thể đổi phiên bản",
                       "questionnaire version: the campaign has {responses} responses to {version}; it cannot change"),
    "slug_in_use": ("Mã đợt: đường dẫn của đợt khảo sát đang được sử dụng ({responses} phiếu trả lời, {invitations} "
                    "thư mời); không thể đổi mã",
                    "slug: the campaign's links are in use ({responses} responses, {invitations} invitations); "
                    "it cannot change"),
    "unit_in_use": ("Đơn vị “{unit}” đã có {responses} phiếu trả lời và {invitations} thư mời; không thể bỏ đơn vị này",
                    "unit '{unit}' has {responses} responses and {invitations} invitations; it cannot be removed"),
    "channel_in_use": ("Hình thức thu thập “{channel}” đã có {responses} phiếu trả lời; không thể bỏ hình thức này",
                       "channel '{channel}' has {responses} responses; it cannot be removed"),
    # opening and closing early
    "already_open": ("Đợt khảo sát “{slug}” đang mở rồi", "campaign '{slug}' is already open"),
    "closes_on_past": ("Ngày đóng: chọn một ngày từ {today:%d/%m/%Y} trở đi",
                       "closes_on: give a closing date from {today} on"),
    "not_open": ("Đợt khảo sát “{slug}” hiện không mở", "campaign '{slug}' is not open"),
    "campaign_unknown": ("Không có đợt khảo sát “{slug}”", "unknown campaign '{slug}'"),
}


CATALOGUE = Catalogue(MESSAGES)
