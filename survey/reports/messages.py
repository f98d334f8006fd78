"""Texts of the reports, in Vietnamese and English; the language is the report's (a CLI option or
the page's), so `say` takes it explicitly."""
from survey.text import LANGUAGES, Catalogue, Problem

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "analysis_title": ("Phân tích kết quả khảo sát", "Survey results"),
    "reports_title": ("Báo cáo quý và năm", "Quarterly and yearly reports"),
    "reports_lead": ("Báo cáo kết quả khảo sát gửi Sở Nội vụ: chỉ số và các yếu tố với khoảng tin cậy, thay đổi so "
                     "với kỳ trước, số phiếu theo kênh, cảnh báo; báo cáo toàn tỉnh xếp hạng các đơn vị.",
                     "Survey results for the Department of Home Affairs: the index and elements with intervals, the "
                     "change since the previous period, responses by channel, flags; the province report ranks units."),
    "report_title": ("Báo cáo kết quả khảo sát sự hài lòng", "Satisfaction survey report"),
    "province": ("Toàn tỉnh", "Province"),
    "kind": ("Loại báo cáo", "Report"),
    "kind_quarterly": ("Báo cáo quý", "Quarterly"),
    "kind_yearly": ("Báo cáo năm", "Yearly"),
    "year": ("Năm", "Year"),
    "quarter": ("Quý (chỉ với báo cáo quý)", "Quarter (quarterly reports only)"),
    "unit": ("Đơn vị (để trống: toàn tỉnh)", "Unit (empty: the province)"),
    "whole_province": ("Toàn tỉnh (xếp hạng các đơn vị)", "The province (units ranked)"),
    "recipe": ("Công thức tính chỉ số", "Index recipe"),
    "recipe_of_form": ("Công thức của mẫu phiếu các đợt khảo sát trong kỳ",
                       "The recipe of the form of the period's campaigns"),
    "weighting": ("Gia quyền", "Weighting"),
    "compare_with": ("So sánh với kỳ", "Compare with"),
    "compare_previous": ("Kỳ liền trước (mặc định)", "The period before (default)"),
    "weighting_design": ("Trọng số thiết kế N_h / n_h", "Design weights N_h / n_h"),
    "weighting_none": ("Không gia quyền", "None (equal weights)"),
    "show_report": ("Xem báo cáo", "Show the report"),
    "download_report_xlsx": ("Tải báo cáo (XLSX)", "Download the report (XLSX)"),
    "print_hint": ("In trang này (Ctrl+P) để có bản báo cáo giấy hoặc PDF.",
                   "Print this page (Ctrl+P) for a paper or PDF report."),
    "period": ("Kỳ báo cáo", "Period"),
    "previous_period": ("Kỳ trước", "Previous period"),
    "campaigns": ("Đợt khảo sát", "Campaigns"),
    "none": ("không có", "none"),
    "rank_of": ("Xếp hạng {rank} trên {total} đơn vị", "Rank {rank} of {total} units"),
    "not_ranked": ("Không xếp hạng (quá ít câu trả lời)", "Not ranked (too few answers)"),
    "indices": ("Chỉ số và các yếu tố", "Index and elements"),
    "node": ("Chỉ tiêu", "Measure"),
    "estimate": ("Chỉ số", "Index"),
    "ci": ("Khoảng tin cậy 95 %", "95 % interval"),
    "n": ("Số phiếu", "n"),
    "previous": ("Kỳ trước", "Previous"),
    "change": ("Thay đổi", "Change"),
    "change_ci": ("Khoảng tin cậy của thay đổi", "Interval of the change"),
    "p_value": ("Giá trị p", "p-value"),
    "significance": ("Ý nghĩa thống kê (5 %)", "Significant (5 %)"),
    "significant_yes": ("Có ý nghĩa", "Significant"),
    "significant_no": ("Không có ý nghĩa", "Not significant"),
    "not_tested": ("Không kiểm định", "Not tested"),
    "counts": ("Số phiếu theo kênh", "Responses by channel"),
    "channel_web": ("Trực tuyến", "Web"),
    "channel_paper": ("Phiếu giấy", "Paper"),
    "channel_interviewer": ("Phỏng vấn", "Interviewer"),
    "total": ("Tổng", "Total"),
    "flags": ("Cảnh báo", "Flags"),
    "no_flags": ("Không có cảnh báo.", "No flags."),
    "ranking": ("Xếp hạng các đơn vị theo chỉ số chung", "Units ranked by the overall index"),
    "rank": ("Hạng", "Rank"),
    "unit_name": ("Đơn vị", "Unit"),
    "code": ("Mã", "Code"),
    "recipe_used": ("Công thức", "Recipe"),
    "overlaps": ("Khoảng tin cậy trùng với hạng", "Interval overlaps ranks"),
    "units_table": ("Các đơn vị: chỉ số và các yếu tố", "Units: index and elements"),
    "suppressed_mark": ("* dưới {size} câu trả lời hợp lệ: không công bố", "* fewer than {size} valid answers: "
                        "not for publication"),
    "method_note": ("Chỉ số 0–100 với khoảng tin cậy 95 % dạng logit, luôn nằm trong 0–100 (tuyến tính hóa Taylor, "
                    "đơn vị là tầng). Thay đổi so với "
                    "kỳ trước: hai mẫu độc lập, kiểm định t hai phía với bậc tự do Satterthwaite; có ý nghĩa khi "
                    "p < 0,05 (trong các bảng so sánh các đơn vị, giá trị p được hiệu chỉnh theo phương pháp "
                    "Holm giữa các đơn vị). Hạng bằng nhau khi chỉ số bằng nhau đến một chữ số thập phân; "
                    "khoảng tin cậy trùng nhau nghĩa là thứ tự giữa các đơn vị đó chưa được dữ liệu khẳng định.",
                    "Indices 0–100 with 95 % logit intervals, always within 0–100 (Taylor linearisation, units as "
                    "strata). Change since the "
                    "previous period: two independent samples, two-sided t test with Satterthwaite's degrees of "
                    "freedom; significant when p < 0.05 (in the tables comparing units, p-values are adjusted "
                    "across the units by Holm's method). Equal ranks for indices equal to one decimal; overlapping "
                    "intervals mean the data do not establish the order of those units."),
    "period_note": ("Một đợt khảo sát thuộc kỳ chứa ngày kết thúc của nó.",
                    "A campaign belongs to the period containing its closing day."),
    "flag_suppressed": ("{count} chỉ tiêu có dưới {size} câu trả lời hợp lệ, không công bố: {nodes}",
                        "{count} measure(s) with fewer than {size} valid answers, not for publication: {nodes}"),
    "flag_no_previous": ("Kỳ trước ({period}) không có đợt khảo sát phù hợp: không so sánh được",
                         "No fitting campaign in the previous period ({period}): no comparison"),
    "flag_not_in_previous": ("Đơn vị không được khảo sát trong kỳ trước ({period}): không so sánh được",
                             "The unit was not surveyed in the previous period ({period}): no comparison"),
    "flag_unranked": ("Không xếp hạng (chỉ số chung có dưới {size} câu trả lời hợp lệ): {units}",
                      "Not ranked (overall index with fewer than {size} valid answers): {units}"),
    "flag_quality": ("Phiếu bị quy tắc chất lượng dữ liệu gắn cờ (quy tắc: số phiếu): {rules}",
                     "Responses flagged by the data-quality rules (rule: responses): {rules}"),
    "flag_previous_failed": ("Không tính được kỳ trước ({period}): {why}",
                             "The previous period ({period}) could not be computed: {why}"),
    "flag_merged_from": ("{unit}: kỳ trước được so sánh với các đơn vị đã gộp thành đơn vị này (gộp từ {units}; số "
                         "liệu gộp theo trọng số của từng đơn vị cũ)",
                         "{unit}: the previous period is that of the units merged into it (merged from {units}; "
                         "pooled with each old unit's weights)"),
    "flag_split_from": ("{unit}: kỳ trước được so sánh với đơn vị cũ được chia tách thành đơn vị này (tách từ {units})",
                        "{unit}: the previous period is that of the unit split to form it (split from {units})"),
    "flag_replaced_from": ("{unit}: kỳ trước được so sánh với đơn vị mà đơn vị này thay thế (thay cho {units})",
                           "{unit}: the previous period is that of the unit it replaced (formerly {units})"),
    "flag_skipped": ("Đợt {campaign} không được tính: {why}", "Campaign {campaign} left out: {why}"),
    "no_results": ("Không có đợt khảo sát nào phù hợp trong kỳ {period}.", "No fitting campaign in {period}."),
    "compared_not_earlier": ("Kỳ so sánh ({earlier}) phải kết thúc trước kỳ báo cáo ({period}).",
                             "The period compared with ({earlier}) must end before the report's period ({period})."),
    "compare_with_invalid": ("Kỳ so sánh: '{value}' không phải năm (2024) hoặc quý (2024-q4).",
                             "Period to compare with: '{value}' is not a year (2024) or a quarter (2024-q4)."),
    "report_unknown": ("Không có loại báo cáo “{kind}” (chỉ có {known})", "unknown report '{kind}' (one of {known})"),
    "report_year_invalid": ("Năm {year} không nằm trong khoảng 2000 đến 2100",
                            "year {year} is not a year between 2000 and 2100"),
    "report_quarter_needed": ("Báo cáo quý cần một quý từ 1 đến 4 (đã nhập {quarter})",
                              "a quarterly report needs a quarter 1-4 (got {quarter})"),
    "report_quarter_unwanted": ("Báo cáo năm không có quý", "a yearly report takes no quarter"),
    "report_weighting_unknown": ("Không có cách gia quyền “{weighting}” (chỉ có {known})",
                                 "unknown weighting '{weighting}' (one of {known})"),
    "report_unit_no_response": ("Đơn vị “{unit}” không có phiếu nào trong các đợt khảo sát của kỳ {period} "
                                "({campaigns})",
                                "unit '{unit}' has no response in the campaigns of {period} ({campaigns})"),
    "report_format_unknown": ("Không có định dạng “{format}” (chỉ có {known})",
                              "unknown format '{format}' (one of {known})"),
    "report_language_unknown": ("Không có ngôn ngữ “{language}” (vi hoặc en)",
                                "unknown language '{language}' (vi or en)"),
}


CATALOGUE = Catalogue(MESSAGES)


def say(key: str, language: str = "vi", **params: object) -> str:
    return CATALOGUE.in_language(language, key, **params)


def choice_problems(file_format: str, formats: tuple[str, ...], language: str) -> list[Problem]:
    """The problems of a file format not among `formats` and of a language that is neither vi nor en,
    the choices every report command checks before it reads anything."""
    problems = [] if file_format in formats else [
        CATALOGUE.problem("report_format_unknown", "format", format=file_format, known=", ".join(formats))]
    return problems + ([] if language in LANGUAGES else [
        CATALOGUE.problem("report_language_unknown", "language", language=language)])
