"""Texts of the analysis pages, in Vietnamese and English; `say` falls back to the staff catalogue."""
from survey.accounts import messages as accounts
from survey.text import Catalogue

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "analysis_title": ("Phân tích kết quả khảo sát", "Survey results"),
    "choose_lead": ("Chọn đợt khảo sát, công thức tính chỉ số, cách gia quyền và cách chia nhóm.",
                    "Choose a campaign, the index recipe, the weighting and the breakdown."),
    "no_campaigns": ("Chưa có đợt khảo sát nào.", "There is no campaign yet."),
    "campaign": ("Đợt khảo sát", "Campaign"),
    "recipe": ("Công thức tính chỉ số", "Index recipe"),
    "weighting": ("Gia quyền", "Weighting"),
    "weighting_none": ("Không gia quyền (trọng số bằng nhau)", "None (equal weights)"),
    "weighting_design": ("Trọng số thiết kế N_h / n_h", "Design weights N_h / n_h"),
    "weighting_poststratify": ("Hậu phân tầng theo tổng thể (tệp CSV)", "Post-stratified to margins (CSV file)"),
    "weighting_rake": ("Cân chỉnh (raking) theo tổng thể (tệp CSV)", "Raked to margins (CSV file)"),
    "weighting_calibrate": ("Hiệu chỉnh GREG (raking) theo tổng thể, sai số chuẩn hồi quy (tệp CSV)",
                            "Calibrated to margins, GREG raking standard errors (CSV file)"),
    "by": ("Chia theo", "Breakdown"),
    "by_unit": ("Đơn vị", "Unit"),
    "by_district": ("Huyện (xã tính vào huyện)", "District (communes within)"),
    "by_level": ("Cấp hành chính", "Administrative level"),
    "margins_file": ("Tệp tổng thể CSV (cột variable, level, population)",
                     "Margins CSV file (columns variable, level, population)"),
    "margins_hint": ("Chỉ dùng khi gia quyền là hậu phân tầng, cân chỉnh hoặc hiệu chỉnh GREG.",
                     "Only for post-stratification, raking or GREG calibration."),
    "show": ("Xem kết quả", "Show the results"),
    "in_scope": ("{scope} trong {loaded} phiếu được tính (trạng thái: {statuses})",
                 "{scope} of {loaded} responses counted (statuses: {statuses})"),
    "kish": ("Cỡ mẫu hiệu dụng (Kish) {n_eff}, hệ số thiết kế do gia quyền {deff}",
             "Kish effective sample size {n_eff}, design effect of weighting {deff}"),
    "recipe_hash": ("Công thức {recipe} (sha256 {hash})", "Recipe {recipe} (sha256 {hash})"),
    "whole_campaign": ("Toàn đợt khảo sát", "Whole campaign"),
    "measure": ("Chỉ số, yếu tố", "Index, element"),
    "index": ("Chỉ số", "Index"),
    "ci": ("Khoảng tin cậy 95 %", "95 % interval"),
    "dropped_note": ("Không tính yếu tố {children} do quá ít câu trả lời", "{children} left out: too few answers"),
    "expectations_title": ("Mong đợi của người dân, tổ chức", "Expectations of citizens and organisations"),
    "expectations_lead": ("Tỷ lệ (%) người trả lời câu hỏi đã chọn từng phương án, với khoảng tin cậy 95 %; "
                          "không tính vào chỉ số.",
                          "Share (%) of those who answered the question choosing each answer, with its 95 % "
                          "interval; not part of the index."),
    "answer": ("Phương án trả lời", "Answer"),
    "share": ("Tỷ lệ (%)", "Share (%)"),
    "unweighted": ("Không gia quyền", "Unweighted"),
    "deff": ("Hệ số thiết kế", "Design effect"),
    "n": ("Số phiếu", "n"),
    "n_eff": ("Cỡ mẫu hiệu dụng", "Effective n"),
    "points": ("Điểm PAR INDEX", "PAR INDEX points"),
    "domain": ("Nhóm", "Group"),
    "suppressed_legend": ("* Dưới {size} câu trả lời hợp lệ cho một câu hỏi (cỡ ô tối thiểu của đợt khảo sát): "
                          "không công bố.",
                          "* Fewer than {size} valid answers to an item (the campaign's minimum cell size): "
                          "not for publication."),
    "points_legend": ("Điểm PAR INDEX chỉ mang tính minh họa, theo cấu hình của công thức.",
                      "PAR INDEX points are illustrative, as configured in the recipe."),
    "chart_index": ("{index} theo {by}", "{index} by {by}"),
    "chart_index_note": ("Chỉ số (0–100) và khoảng tin cậy 95 %", "Index (0–100) and 95 % interval"),
    "chart_elements": ("Các yếu tố theo {by}", "Elements by {by}"),
    "chart_elements_note": ("Chỉ số (0–100)", "Index (0–100)"),
    "download_xlsx": ("Tải bảng tính (XLSX) kèm phương pháp", "Download the workbook (XLSX) with the methodology"),
    "download_svg": ("Tải biểu đồ (SVG)", "Download the chart (SVG)"),
    "back": ("Chọn lại", "Choose again"),
    "status_submitted": ("đã gửi", "submitted"),
    "status_verified": ("đã kiểm tra", "verified"),
    "status_rejected": ("bị loại", "rejected"),
    "deff_note_title": ("Gia quyền và hệ số thiết kế nghĩa là gì?", "What do weighting and design effects mean?"),
    "deff_note_weighting": (
        "Mỗi đơn vị được khảo sát một số người khác với số hồ sơ của nó, nên mỗi phiếu được nhân với một trọng số "
        "(số hồ sơ N_h chia cho số phiếu n_h của đơn vị) để kết quả toàn tỉnh phản ánh đúng người dân. "
        "“Hệ số thiết kế do gia quyền” (Kish) chỉ đo cái giá của các trọng số không đều: 1,28 nghĩa là cỡ mẫu "
        "hiệu dụng bằng số phiếu chia cho 1,28. Nó giống nhau cho mọi chỉ số.",
        "Each unit is surveyed in a proportion different from its number of dossiers, so each response is "
        "multiplied by a weight (the unit's dossiers N_h over its responses n_h) for the province-wide result to "
        "represent its citizens. The “design effect of weighting” (Kish) measures only the cost of "
        "unequal weights: 1.28 means an effective sample of the responses divided by 1.28. It is the same for "
        "every index."),
    "deff_note_design": (
        "Cột “Hệ số thiết kế” trong bảng là của từng chỉ số: phương sai của ước lượng theo thiết kế thực (các đơn "
        "vị là các tầng, có trọng số) chia cho phương sai của một mẫu ngẫu nhiên đơn giản cùng cỡ. Nó có thể nhỏ "
        "hơn 1 (ví dụ 0,78): khi các đơn vị khác nhau rõ rệt, việc chia tầng làm ước lượng chính xác hơn, bù lại "
        "phần mất do trọng số.",
        "The “Design effect” column of the table is each index's own: the variance of the estimate under the "
        "actual design (units as strata, with weights) over that of a simple random sample of the same size. It "
        "can be below 1 (e.g. 0.78): when units differ clearly, stratifying by unit makes estimates more precise, "
        "which can outweigh what the weights cost."),
    "deff_note_reading": (
        "Khoảng tin cậy 95 % đã tính cả hai yếu tố này: hãy so sánh các đơn vị bằng khoảng tin cậy, không chỉ "
        "bằng con số.",
        "The 95 % intervals already account for both: compare units by their intervals, not by the figures alone."),
    "alt_overall": ("Biểu đồ {index} theo {by}, {count} nhóm, mỗi nhóm một điểm và khoảng tin cậy 95 %: cao nhất "
                    "{high} ({high_value}), thấp nhất {low} ({low_value}).",
                    "Chart of {index} by {by}, {count} groups, each a point with its 95 % interval: highest "
                    "{high} ({high_value}), lowest {low} ({low_value})."),
    "alt_overall_empty": ("Biểu đồ chỉ số theo {by}: chưa có kết quả.", "Chart of the index by {by}: no results yet."),
    "alt_element": ("Bảng màu các yếu tố theo {by}, {count} nhóm, màu đậm là chỉ số thấp: ô cao nhất {high_label} ở "
                    "{high} ({high_value}), ô thấp nhất {low_label} ở {low} ({low_value}).",
                    "Heat table of the elements by {by}, {count} groups, darker for lower indices: highest cell "
                    "{high_label} in {high} ({high_value}), lowest {low_label} in {low} ({low_value})."),
    "alt_element_empty": ("Bảng màu các yếu tố theo {by}: chưa có kết quả.",
                          "Heat table of the elements by {by}: no results yet."),
    "frequencies_link": ("Tần suất và bảng chéo từng câu hỏi", "Frequencies and cross-tabs of each question"),
    "frequencies_title": ("Tần suất và bảng chéo", "Frequencies and cross-tabs"),
    "frequencies_lead": ("Tỷ lệ có gia quyền của từng phương án trả lời một câu hỏi (hoặc trung bình của câu hỏi "
                         "số), cho toàn đợt hoặc theo nhóm, với khoảng tin cậy 95 %.",
                         "The weighted share of each answer to a question (or the mean of a number question), "
                         "campaign-wide or by group, with 95 % intervals."),
    "frequencies_caption": ("Tỷ lệ (%) trong các câu trả lời hợp lệ của nhóm",
                            "Share (%) of the group's valid answers"),
    "frequencies_note": ("Tính trên các phiếu được phân tích, cùng trọng số với chỉ số. “Không biết” và câu bỏ trống "
                         "không được tính. Khoảng tin cậy logit (như svyciprop của R), luôn nằm trong 0–100.",
                         "On the responses analysed, with the indices' weights. “Don't know” and blanks are not "
                         "counted. Logit intervals (as R's svyciprop), always within 0–100."),
    "question": ("Câu hỏi", "Question"),
    "crossed_with": ("Chia theo", "Crossed with"),
    "by_sample": ("Theo mẫu", "By sample"),
    "by_profile": ("Theo đặc điểm người trả lời", "By respondent profile"),
    "by_channel": ("Kênh trả lời", "Channel"),
    "channel_web": ("Trực tuyến", "Web"),
    "channel_paper": ("Phiếu giấy", "Paper"),
    "channel_interviewer": ("Phỏng vấn viên", "Interviewer"),
    "no_questions": ("Bảng hỏi của đợt này không có câu hỏi nào để lập bảng.",
                     "This campaign's questionnaire has no question to tabulate."),
    "download_csv": ("Tải bảng (CSV)", "Download the table (CSV)"),
    "download_table_xlsx": ("Tải bảng (XLSX)", "Download the table (XLSX)"),
    "column_group_name": ("Nhóm", "Group"),
    "column_value": ("Mã", "Code"),
    "column_option": ("Phương án", "Answer"),
    "column_estimate": ("Tỷ lệ (%) hoặc trung bình", "Share (%) or mean"),
    "column_ci_low": ("Cận dưới 95 %", "Lower 95 % bound"),
    "column_ci_high": ("Cận trên 95 %", "Upper 95 % bound"),
    "column_n": ("Số câu trả lời hợp lệ", "Valid answers"),
    "mean": ("Trung bình", "Mean"),
    # problems with what the query string or the form asks for (the field is the parameter's name)
    "recipe_refused": ("Công thức tính chỉ số: {value!r}{known}", "Index recipe: {value!r}{known}"),
    "weighting_refused": ("Gia quyền: {value!r}{known}", "Weighting: {value!r}{known}"),
    "by_refused": ("Chia theo: {value!r}{known}", "Breakdown: {value!r}{known}"),
    "year_refused": ("Năm: {value!r}", "Year: {value!r}"),
    "quarter_refused": ("Quý: {value!r}", "Quarter: {value!r}"),
    "margins_too_large": ("Tệp tổng thể CSV lớn hơn {kib} KiB", "The margins CSV is larger than {kib} KiB"),
    "margins_not_utf8": ("Tệp tổng thể CSV không phải văn bản UTF-8", "The margins CSV is not UTF-8 text"),
}


CATALOGUE = Catalogue(MESSAGES, fallback=accounts.CATALOGUE)
say, known = CATALOGUE.say, CATALOGUE.known
