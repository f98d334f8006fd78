"""Texts of the analysts' export pages (`survey.analyst.exports`), in Vietnamese and English;
`say` falls back to the analysis pages' catalogue."""
from survey.analyst import messages as analyst
from survey.text import Catalogue

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "exports_title": ("Xuất dữ liệu", "Data exports"),
    "exports_lead": ("Xuất phiếu trả lời của một đợt khảo sát (CSV, Excel, SPSS, Stata, Parquet) kèm nhãn và trọng "
                     "số. Tệp lớn được tạo ở chế độ nền; trang này cho biết tiến độ và liên kết tải về khi xong.",
                     "Export a campaign's responses (CSV, Excel, SPSS, Stata, Parquet) with labels and weights. Large "
                     "files are made in the background; this page shows the progress and a download link when done."),
    "new_export": ("Yêu cầu xuất mới", "New export"),
    "campaign": ("Đợt khảo sát", "Campaign"),
    "file_format": ("Định dạng tệp", "File format"),
    "format_csv": ("CSV (UTF-8)", "CSV (UTF-8)"),
    "format_xlsx": ("Excel (XLSX)", "Excel (XLSX)"),
    "format_sav": ("SPSS (.sav)", "SPSS (.sav)"),
    "format_dta": ("Stata (.dta)", "Stata (.dta)"),
    "format_parquet": ("Parquet", "Parquet"),
    "layout": ("Bố cục", "Layout"),
    "layout_wide": ("Mỗi phiếu một dòng", "A row per response"),
    "layout_long": ("Mỗi câu trả lời một dòng", "A row per answer"),
    "weighting": ("Trọng số", "Weights"),
    "weighting_none": ("Không có cột trọng số", "No weight column"),
    "weighting_design": ("Trọng số thiết kế N_h / n_h", "Design weights N_h / n_h"),
    "weighting_raked": ("Cân chỉnh (raking) theo tổng thể: cần tệp CSV", "Raked to margins: needs the CSV file"),
    "margins_file": ("Tệp tổng thể CSV (cột variable, level, population)",
                     "Margins CSV file (columns variable, level, population)"),
    "filters": ("Lọc (để trống: tất cả)", "Filters (empty: everything)"),
    "units": ("Đơn vị được đánh giá", "Units evaluated"),
    "statuses": ("Trạng thái phiếu", "Statuses"),
    "status_submitted": ("Đã gửi", "Submitted"),
    "status_verified": ("Đã xác minh", "Verified"),
    "status_rejected": ("Bị loại", "Rejected"),
    "from": ("Gửi từ ngày", "Submitted from"),
    "to": ("Đến ngày", "Submitted until"),
    "language": ("Ngôn ngữ của nhãn", "Language of the labels"),
    "bom": ("CSV có BOM (để Excel đọc đúng tiếng Việt)", "CSV with a byte-order mark (for Excel)"),
    "queue": ("Tạo tệp", "Make the file"),
    "your_exports": ("Các lần xuất", "Exports"),
    "no_exports": ("Chưa có lần xuất nào.", "No export yet."),
    "reload": ("Cập nhật tiến độ", "Refresh the progress"),
    "state_queued": ("Đang chờ", "Queued"),
    "state_running": ("Đang tạo", "Running"),
    "state_done": ("Xong", "Done"),
    "state_failed": ("Lỗi", "Failed"),
    "export_failed": ("Không tạo được tệp do một lỗi của hệ thống, không phải do lựa chọn của bạn. Hãy thử lại; nếu "
                      "vẫn lỗi, báo cho quản trị viên mã tham chiếu {reference}.",
                      "The file could not be made because of a fault in the system, not because of your choices. "
                      "Try again; if it fails again, give the administrator the reference {reference}."),
    "rows": ("{done} / {total} dòng", "{done} / {total} rows"),
    "rows_unknown": ("{done} dòng", "{done} rows"),
    "download": ("Tải về", "Download"),
    "requested_by": ("Người yêu cầu", "Requested by"),
    "kept_days": ("Tệp được giữ {days} ngày.", "Files are kept {days} days."),
}


CATALOGUE = Catalogue(MESSAGES, fallback=analyst.CATALOGUE)
say = CATALOGUE.say
