"""Texts of sample planning (the problems of its inputs, the plan page, the achieved-sample
tables of the supervisor and analyst pages), in Vietnamese and English. Problems carry the field
they are about in their key's first word (margin_…, budget_…, csv_… for the units file), so a
page can place each next to its field. Column names stay as the CSV file spells them."""
from survey.text import Catalogue, language

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "margin_range": ("Sai số: phải lớn hơn 0 và nhỏ hơn 100 % (đã nhập “{value}”)",
                     "margin: must be above 0 and below 1 (100 %) (got '{value}')"),
    "confidence_range": ("Độ tin cậy: phải lớn hơn 0 và nhỏ hơn 100 % (đã nhập “{value}”)",
                         "confidence: must be above 0 and below 1 (100 %) (got '{value}')"),
    "eligibility_range": ("Tỷ lệ đủ điều kiện dự kiến: lớn hơn 0 và không quá 100 % (đã nhập “{value}”)",
                          "eligibility: must be above 0 and at most 1 (100 %) (got '{value}')"),
    "response_range": ("Tỷ lệ trả lời dự kiến: lớn hơn 0 và không quá 100 % (đã nhập “{value}”)",
                       "response: must be above 0 and at most 1 (100 %) (got '{value}')"),
    "allocation_unknown": ("Cách phân bổ “{value}” không phải là một trong: {choices}",
                           "allocation '{value}' is not one of {choices}"),
    "budget_invalid": ("Tổng cỡ mẫu: phải là số nguyên dương (đã nhập “{value}”)",
                       "budget: must be a whole number above 0 (got '{value}')"),
    "budget_required": ("Tổng cỡ mẫu: bắt buộc với cách phân bổ {allocation}",
                        "budget: required by the {allocation} allocation"),
    "budget_small_rule": ("Tổng cỡ mẫu {budget} quá nhỏ: theo công thức của Bộ cần {needed} người trả lời",
                          "budget {budget} is too small: the ministry's rule needs {needed} respondents"),
    "budget_small_units": ("Tổng cỡ mẫu {budget} quá nhỏ: cần ít nhất 1 người trả lời cho mỗi đơn vị trong {units} "
                           "đơn vị", "budget {budget} is too small: each of the {units} units needs at least one "
                           "respondent"),
    "units_none": ("Chưa có đơn vị nào trong kế hoạch", "the plan has no unit"),
    "transactions_missing": ("Dòng {row}, đơn vị {unit}: chưa có số giao dịch N_h",
                             "row {row}, unit {unit}: no transactions (N_h)"),
    "transactions_invalid": ("Dòng {row}, đơn vị {unit}: số giao dịch “{value}” phải là số nguyên từ 1 đến {largest}",
                             "row {row}, unit {unit}: transactions '{value}' must be a whole number from 1 to "
                             "{largest}"),
    "csv_column_missing": ("Tệp đơn vị: thiếu cột “{column}”", "units file: the column '{column}' is missing"),
    "csv_column_unknown": ("Tệp đơn vị: cột “{column}” không dùng được (các cột: {columns})",
                           "units file: unknown column '{column}' (columns: {columns})"),
    "csv_unit_required": ("Dòng {row}: chưa có mã đơn vị", "row {row}: no unit_code"),
    "csv_unit_unknown": ("Dòng {row}: không có đơn vị mã “{unit}”", "row {row}: unknown unit '{unit}'"),
    "csv_unit_outside": ("Dòng {row}: đơn vị “{unit}” không thuộc đợt khảo sát này",
                         "row {row}: unit '{unit}' is not a target of this campaign"),
    "csv_unit_repeated": ("Dòng {row}: đơn vị “{unit}” đã có ở dòng {first}",
                          "row {row}: unit '{unit}' repeats row {first}"),
    "csv_cells_extra": ("Dòng {row}: có nhiều ô hơn tiêu đề", "row {row}: more cells than the header"),
    "plan_csv_unreadable": ("Tệp đơn vị không đọc được (UTF-8, CSV)", "the units file is not readable (UTF-8 CSV)"),
    # the sample plan page of a campaign (administration)
    "plan_heading": ("Kế hoạch mẫu: {name}", "Sample plan: {name}"),
    "plan_lead": ("Cỡ mẫu của mỗi đơn vị theo công thức của Bộ Nội vụ n = N/(1 + N·e²), với N là số giao dịch "
                  "(hồ sơ) của đơn vị trong kỳ và e là sai số cho phép; số hồ sơ cần mời tính theo tỷ lệ đủ điều "
                  "kiện và tỷ lệ trả lời dự kiến.",
                  "Each unit's sample by the Ministry of Home Affairs' rule n = N/(1 + N·e²), N being the unit's "
                  "transactions (dossiers) in the period and e the margin of error allowed; the dossiers to invite "
                  "follow from the expected eligibility and response rates."),
    "parameters": ("Thông số", "Parameters"),
    "field_margin": ("Sai số cho phép (%)", "Margin of error (%)"),
    "field_confidence": ("Độ tin cậy (%)", "Confidence (%)"),
    "field_eligibility": ("Tỷ lệ đủ điều kiện dự kiến (%)", "Expected eligibility (%)"),
    "field_response": ("Tỷ lệ trả lời dự kiến (%)", "Expected response rate (%)"),
    "field_allocation": ("Cách phân bổ", "Allocation"),
    "allocation_rule": ("Theo công thức của Bộ cho từng đơn vị", "The ministry's rule for each unit"),
    "allocation_proportional": ("Tỷ lệ với số giao dịch, trong tổng cỡ mẫu", "Proportional to transactions, "
                                "within the budget"),
    "allocation_equal": ("Chia đều tổng cỡ mẫu", "The budget shared equally"),
    "field_budget": ("Tổng cỡ mẫu (người trả lời)", "Budget (respondents)"),
    "budget_hint": ("Bắt buộc khi phân bổ tỷ lệ hoặc chia đều; với công thức của Bộ, để trống hoặc nhập mức trần.",
                    "Required by the proportional and equal allocations; with the ministry's rule, blank or a "
                    "ceiling."),
    "units_legend": ("Số giao dịch của từng đơn vị trong kỳ (N_h)", "Each unit's transactions in the period (N_h)"),
    "field_units_file": ("Hoặc tải lên tệp CSV (cột unit_code,transactions)",
                         "Or upload a CSV file (columns unit_code,transactions)"),
    "units_file_hint": ("Tệp tải lên thay cho các số đã nhập trong bảng.",
                        "An uploaded file replaces the numbers typed "
                        "in the table."),
    "compute": ("Tính kế hoạch", "Compute the plan"),
    "plan_table": ("Kế hoạch", "The plan"),
    "rule_n": ("Theo công thức của Bộ", "By the ministry's rule"),
    "planned_n": ("Cỡ mẫu phân bổ (n)", "Allocated sample (n)"),
    "invite": ("Số hồ sơ cần mời", "Dossiers to invite"),
    "margin": ("Sai số của n", "Margin of n"),
    "total": ("Tổng", "Total"),
    "apply_lead": ("Khi xác nhận, cỡ mẫu phân bổ n (số người trả lời hợp lệ cần có, không phải số hồ sơ cần mời) "
                   "được ghi vào chỉ tiêu của từng đơn vị, và số giao dịch vào N_h.",
                   "On confirmation, the allocated sample n (the eligible respondents wanted, not the dossiers to "
                   "invite) becomes each unit's quota, and the transactions its N_h."),
    "apply": ("Ghi vào chỉ tiêu và N_h của đợt khảo sát", "Write into the campaign's quotas and N_h"),
    "cancel": ("Huỷ", "Cancel"),
    "problems_title": ("Chưa tính được kế hoạch", "The plan could not be computed"),
    # the achieved sample (supervisor and analyst pages)
    "achieved_title": ("Cỡ mẫu đạt được và sai số", "Achieved sample and margin of error"),
    "achieved_note": ("Cỡ mẫu đạt được: số phiếu hợp lệ (không tính phiếu bị sàng lọc và phiếu bị loại). Sai số "
                      "ở độ tin cậy 95 %, tỷ lệ 50 %, có hiệu chỉnh tổng thể hữu hạn theo N_h; sai số kế hoạch là "
                      "sai số mà chỉ tiêu đem lại.",
                      "Achieved sample: eligible responses (screened-out and rejected ones excluded). Margins at "
                      "95 % confidence for a 50 % share, with the finite-population correction by N_h; the planned "
                      "margin is the one the quota gives."),
    "unit": ("Đơn vị", "Unit"),
    "transactions": ("Số giao dịch (N_h)", "Transactions (N_h)"),
    "quota": ("Chỉ tiêu", "Quota"),
    "achieved_n": ("Đạt được", "Achieved"),
    "planned_margin": ("Sai số kế hoạch", "Planned margin"),
    "achieved_margin": ("Sai số đạt được", "Achieved margin"),
    "assessment": ("Đánh giá", "Assessment"),
    "misses_plan": ("Chưa đạt kế hoạch: sai số rộng hơn dự kiến", "Misses the plan: the margin is wider than planned"),
    "meets_plan": ("Đạt kế hoạch", "Meets the plan"),
    "no_plan": ("Chưa có chỉ tiêu hoặc N_h", "No quota or N_h"),
    "none": ("–", "–"),
}
CATALOGUE = Catalogue(MESSAGES)
say = CATALOGUE.say


def percent(value: float | None) -> str:
    """A share of one as a percentage with one decimal, written as the reader's language writes it
    (Vietnamese: 4,9 %)."""
    if value is None:
        return say("none")
    text = f"{100 * value:.1f} %"
    return text.replace(".", ",") if language() == "vi" else text
