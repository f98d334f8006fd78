"""Texts of the analysis pages, in Vietnamese and English; `say` falls back to the staff catalogue."""
from survey.accounts import messages as accounts
from survey.public.messages import Catalogue

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
    "index": ("Chỉ số", "Index"),
    "ci": ("Khoảng tin cậy 95 %", "95 % interval"),
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
}


CATALOGUE = Catalogue(MESSAGES, fallback=accounts.CATALOGUE)
say, known = CATALOGUE.say, CATALOGUE.known
