"""Texts of the report's sections (methodology, rankings by level, distributions, profile,
expectations, comments, annex) and of the Word and PDF files, in Vietnamese and English; the
reports' own catalogue (`messages`) answers for the rest."""
from survey.reports.messages import CATALOGUE as REPORTS
from survey.text import Catalogue

MORE: dict[str, tuple[str, str]] = {
    "summary": ("Thông tin chung", "Summary"),
    "method_box": ("Phương pháp khảo sát", "Survey method"),
    "window": ("Thời gian khảo sát", "Survey window"),
    "window_of": ("{name}: từ {opens} đến {closes}", "{name}: {opens} to {closes}"),
    "channels": ("Kênh thu thập", "Channels"),
    "sample_table": ("Mẫu khảo sát theo đơn vị: chỉ tiêu, tổng thể N_h và số phiếu đạt",
                     "Sample by unit: quota, population N_h and responses achieved"),
    "level": ("Cấp", "Level"),
    "transactions": ("Số hồ sơ N_h", "Dossiers N_h"),
    "quota": ("Chỉ tiêu", "Quota"),
    "responses": ("Số phiếu thu về", "Responses"),
    "eligible": ("Phiếu hợp lệ", "Eligible"),
    "attainment": ("Đạt chỉ tiêu", "Quota attained"),
    "screened": ("Bị sàng lọc", "Screened out"),
    "margin": ("Sai số tối đa", "Margin of error"),
    "planned_margin": ("Sai số theo kế hoạch", "Planned margin"),
    "plan_missed": ("Chưa đạt", "Missed"),
    "plan_met": ("Đạt", "Met"),
    "plan_none": ("Không có kế hoạch", "No plan"),
    "deff": ("Hệ số thiết kế", "Design effect"),
    "sample_total": ("Toàn bộ: {responses} phiếu thu về, {screened} bị sàng lọc ({share}), {eligible} phiếu hợp lệ; "
                     "chỉ tiêu đạt {attainment}.",
                     "Overall: {responses} responses, {screened} screened out ({share}), {eligible} eligible; "
                     "quota attained {attainment}."),
    "margin_note": ("Sai số tối đa ở độ tin cậy 95 % cho một tỷ lệ 50 %, có hiệu chỉnh tổng thể hữu hạn; hệ số thiết "
                    "kế của chỉ số chung toàn tỉnh: {deff}.",
                    "Margins of error at 95 % confidence for a proportion of 50 %, with the finite population "
                    "correction; design effect of the province's overall index: {deff}."),
    "weighting_text_design": ("Gia quyền theo thiết kế: mỗi phiếu của đơn vị h có trọng số N_h / n_h (số hồ sơ trên số "
                              "phiếu), các đơn vị là các tầng.",
                              "Design weights: each response of unit h weighs N_h / n_h (dossiers over responses), "
                              "units as strata."),
    "weighting_text_none": ("Không gia quyền: mỗi phiếu có trọng số như nhau.",
                            "No weighting: every response counts once."),
    "level_department": ("Sở, ban, ngành", "Departments"),
    "level_district": ("Huyện, thị xã, thành phố", "Districts, towns and cities"),
    "level_commune": ("Xã, phường, thị trấn", "Communes, wards and townships"),
    "level_province": ("Cấp tỉnh", "Province level"),
    "ranking_of_level": ("Xếp hạng: {level}", "Ranking: {level}"),
    "rank_previous": ("Hạng kỳ trước", "Previous rank"),
    "rank_change": ("Thay đổi thứ hạng", "Rank change"),
    "rank_up": ("tăng {places} bậc", "up {places} places"),
    "rank_down": ("giảm {places} bậc", "down {places} places"),
    "rank_same": ("giữ nguyên", "unchanged"),
    "points": ("Điểm PAR INDEX", "PAR INDEX points"),
    "rank_in_level": ("Xếp hạng {rank} trên {total} đơn vị ({level})", "Rank {rank} of {total} ({level})"),
    "chart_indices": ("Biểu đồ {number}. {title}", "Chart {number}. {title}"),
    "table_caption": ("Bảng {number}. {title}", "Table {number}. {title}"),
    "chart_axis": ("Chỉ số (0–100) và khoảng tin cậy 95 %", "Index (0–100) and 95 % interval"),
    "elements_chart": ("Chỉ số chung và các yếu tố, toàn tỉnh", "The overall index and elements, province"),
    "distribution": ("Mức độ hài lòng theo năm mức", "Satisfaction on the five levels"),
    "distribution_table": ("Tỷ lệ từng mức hài lòng theo yếu tố (%)", "Share of each level by element (%)"),
    "dissatisfied": ("Không hài lòng (mức 1–2)", "Dissatisfied (levels 1–2)"),
    "by_field": ("Kết quả theo lĩnh vực thủ tục", "Results by field of procedure"),
    "by_level": ("Kết quả theo cấp chính quyền", "Results by level of government"),
    "field": ("Lĩnh vực", "Field"),
    "profile": ("Thông tin người trả lời", "Respondent profile"),
    "profile_share": ("Tỷ lệ (%)", "Share (%)"),
    "answer": ("Phương án", "Answer"),
    "expectations": ("Mong đợi của người dân, tổ chức", "Expectations of citizens and organisations"),
    "expectations_note": ("Tỷ lệ người trả lời chọn từng nội dung (được chọn nhiều nội dung).",
                          "Share of respondents choosing each item (several could be chosen)."),
    "comments": ("Ý kiến khác", "Open comments"),
    "comments_count": ("{count} ý kiến ghi thêm ({question}). Toàn văn xuất bằng lệnh `flask report comments` "
                       "(CSV hoặc XLSX) hoặc tải trên trang báo cáo.",
                       "{count} written comments ({question}). The full texts are exported by `flask report "
                       "comments` (CSV or XLSX) or downloaded from the report page."),
    "annex": ("Phụ lục: kết quả từng đơn vị", "Annex: results of each unit"),
    "annex_unit": ("Phụ lục: {name}", "Annex: {name}"),
    "dash": ("–", "–"),
    "rule_too_short": ("thời gian trả lời quá ngắn", "interview too short"),
    "rule_straight_lining": ("chọn cùng một mức cho mọi câu", "the same level for every item"),
    "rule_many_dont_know": ("quá nhiều câu “không biết”", "many “don't know” answers"),
    "rule_duplicate_serial": ("trùng số phiếu giấy", "duplicate paper serial"),
    "rule_burst_device": ("nhiều phiếu từ một thiết bị trong thời gian ngắn", "a burst from one device"),
    "rule_burst_unit": ("nhiều phiếu dồn dập tại một đơn vị", "a burst at one unit"),
    "rule_count": ("{rule}: {count}", "{rule}: {count}"),
    "comment_text": ("Ý kiến", "Comment"),
    "campaign": ("Đợt khảo sát", "Campaign"),
    "comments_unknown_unit": ("Đơn vị {unit} không được khảo sát trong các đợt của kỳ {period}.",
                              "Unit {unit} was not surveyed by the campaigns of {period}."),
    "question": ("Câu hỏi", "Question"),
    "download_report_docx": ("Tải báo cáo (Word)", "Download the report (Word)"),
    "download_report_pdf": ("Tải báo cáo (PDF)", "Download the report (PDF)"),
    "download_comments": ("Tải các ý kiến (XLSX)", "Download the comments (XLSX)"),
    "page_of": ("Trang {page}", "Page {page}"),
    "no_comments": ("Không có ý kiến ghi thêm.", "No written comments."),
}

CATALOGUE = Catalogue(MORE, fallback=REPORTS)


def say(key: str, language: str = "vi", **params: object) -> str:
    return CATALOGUE.in_language(language, key, **params)
