"""Texts of the PAR index results (pages, scorecards, files, commands), Vietnamese and English."""
from survey.text import Catalogue

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "par_results_no_definition": ("Năm {year} chưa có bộ chỉ số cải cách hành chính đã công bố: chưa có kết quả.",
                                  "The year {year} has no published PAR index definition: there are no results."),
    "par_results_no_unit": ("Đơn vị “{code}” không được chấm điểm năm {year}.",
                            "The unit '{code}' was not scored in {year}."),
    "par_results_bad_claimed": ("Đơn vị “{unit}”, tiêu chí thành phần “{item}”: giá trị tự đánh giá đã lưu “{value}” "
                                "không hợp với cách tính của tiêu chí này.",
                                "Unit '{unit}', sub-criterion '{item}': the stored self-assessed value '{value}' "
                                "does not fit the sub-criterion's rule."),
    "par_results_bad_appraised": ("Đơn vị “{unit}”, tiêu chí thành phần “{item}”: giá trị thẩm định đã lưu “{value}” "
                                  "không hợp với cách tính của tiêu chí này.",
                                  "Unit '{unit}', sub-criterion '{item}': the stored appraised value '{value}' "
                                  "does not fit the sub-criterion's rule."),
    "pr_title": ("Kết quả Chỉ số cải cách hành chính năm {year}", "PAR index results {year}"),
    "pr_definition": ("Bộ chỉ số: {name}", "Definition: {name}"),
    "pr_summary": ("{units} đơn vị được chấm điểm; trung bình {mean} % số điểm tối đa, cao nhất {best} %, "
                   "thấp nhất {worst} %.",
                   "{units} units scored; on average {mean} % of the maximum points, highest {best} %, "
                   "lowest {worst} %."),
    "pr_no_units": ("Chưa có đơn vị nào được chấm điểm năm {year}.", "No unit has been scored for {year} yet."),
    "pr_ranking": ("Xếp hạng: {level}", "Ranking: {level}"),
    "pr_compared": ("Thay đổi hạng so với năm {year}.", "Change of rank against {year}."),
    "pr_not_compared": ("Năm trước chưa có kết quả để so sánh hạng.",
                        "The year before has no results to compare ranks with."),
    "pr_chart": ("Tỷ lệ điểm đạt được so với điểm tối đa, theo đơn vị (%)",
                 "Points achieved as a percentage of the maximum, by unit (%)"),
    "pr_chart_note": ("Tổng điểm / điểm tối đa × 100", "Total points / maximum points × 100"),
    "pr_survey": ("Điểm điều tra xã hội học", "Survey points"),
    "pr_campaign_used": ("Đợt khảo sát “{campaign}”: {weighting}.", "Campaign '{campaign}': {weighting}."),
    "pr_weighting_design": ("gia quyền theo thiết kế (N_h / n_h)", "design weights (N_h / n_h)"),
    "pr_weighting_none": ("không gia quyền (thiếu số giao dịch N_h của đơn vị)",
                          "unweighted (units' transaction counts N_h missing)"),
    "pr_campaign_skipped": ("Đợt khảo sát “{campaign}” không tính được kết quả: {problems}",
                            "The results of campaign '{campaign}' could not be computed: {problems}"),
    "pr_no_campaign": ("Không có đợt khảo sát nào đóng trong năm {year} phù hợp với các tiêu chí khảo sát.",
                       "No campaign closing in {year} fits the survey sub-criteria."),
    "pr_withheld": ("Không có điểm khảo sát cho: {items} — ít câu trả lời hợp lệ hơn cỡ ô tối thiểu của đợt khảo "
                    "sát (để bảo đảm ẩn danh), hoặc không có câu trả lời.",
                    "No survey points for: {items} — fewer valid answers than the campaign's minimum cell size "
                    "(to keep answers anonymous), or no answers."),
    "pr_scorecard": ("Phiếu điểm Chỉ số cải cách hành chính năm {year}: {unit}", "PAR index scorecard {year}: {unit}"),
    "pr_scorecard_summary": ("Tổng điểm {total} / {max} ({percent} %); hạng {rank} trong {peers} đơn vị {level}.",
                             "Total {total} / {max} ({percent} %); ranked {rank} of {peers} units ({level})."),
    "pr_fields": ("Điểm theo lĩnh vực", "Points by field"),
    "pr_items": ("Điểm từng tiêu chí thành phần", "Points of each sub-criterion"),
    "pr_scores": ("Điểm và tài liệu kiểm chứng", "Scores and evidence"),
    "pr_download": ("Tải về", "Download"),
    "pr_year": ("Năm", "Year"),
    "pr_show": ("Xem", "Show"),
    "pr_open_scorecard": ("Phiếu điểm", "Scorecard"),
    "pr_back": ("Về kết quả năm {year}", "Back to the results of {year}"),
    # Column headings
    "col_unit": ("Mã đơn vị", "Unit code"),
    "col_name": ("Đơn vị", "Unit"),
    "col_level": ("Cấp", "Level"),
    "col_field": ("Lĩnh vực", "Field"),
    "col_item": ("Tiêu chí thành phần", "Sub-criterion"),
    "col_source": ("Nguồn điểm", "Source"),
    "col_self_assessed": ("Tự đánh giá", "Self-assessed"),
    "col_appraised": ("Thẩm định", "Appraised"),
    "col_survey": ("Điều tra xã hội học", "Survey"),
    "col_formula": ("Theo công thức", "Formula"),
    "col_total": ("Tổng điểm", "Total"),
    "col_points": ("Điểm", "Points"),
    "col_max": ("Điểm tối đa", "Maximum"),
    "col_percent": ("Tỷ lệ (%)", "Percent"),
    "col_rank": ("Hạng", "Rank"),
    "col_change": ("Thay đổi hạng", "Rank change"),
    "col_claimed_value": ("Giá trị tự đánh giá", "Self-assessed value"),
    "col_appraised_value": ("Giá trị thẩm định", "Appraised value"),
    "col_survey_result": ("Kết quả khảo sát (0-100)", "Survey result (0-100)"),
    "col_evidence": ("Tài liệu kiểm chứng", "Evidence"),
    "total": ("Tổng cộng", "Total"),
    "src_self": ("Tự đánh giá, thẩm định", "Self-assessment, appraised"),
    "src_survey": ("Điều tra xã hội học", "Sociological survey"),
    "src_formula": ("Công thức", "Formula"),
    "change_up": ("tăng {n}", "up {n}"),
    "change_down": ("giảm {n}", "down {n}"),
    "change_same": ("giữ nguyên", "unchanged"),
    "change_new": ("chưa xếp hạng năm trước", "not ranked the year before"),
    "yes": ("Có", "Yes"),
    "no": ("Không", "No"),
}

CATALOGUE = Catalogue(MESSAGES)


def say(key: str, language: str, /, **params: object) -> str:
    """A text of this catalogue in `language` (files and commands have no request to read it from)."""
    return CATALOGUE.in_language(language, key, **params)
