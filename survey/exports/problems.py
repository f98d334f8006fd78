"""The problems an export request, its file and its command line report, in Vietnamese and English:
each a `survey.errors.Problem` naming the field of the analysts' export page (`format`, `layout`,
`weighting`, `language`, `margins`, `from`, `to`) or the command line's `out`, and those a
background job fails with (`export_job_*`, no field)."""
from survey.text import Catalogue

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "export_choice_unknown": ("Không có lựa chọn “{value}” cho {what} (chỉ có {known})",
                              "unknown {what} '{value}' (one of {known})"),
    "export_margins_needed": (
        "Gia quyền raking cần tệp tổng thể biên (CSV có các cột variable, level, population), ví dụ số dân "
        "theo giới tính và nhóm tuổi",
        "--weighting raked needs --margins FILE: a CSV of population margins with the columns "
        "variable,level,population (as for flask analysis run), e.g. census counts by sex and age"),
    "export_margins_unused": ("Tệp tổng thể biên chỉ dùng cho gia quyền raking",
                              "--margins is only for --weighting raked"),
    "export_date_invalid": ("{field}: “{text}” không phải là ngày (dạng 2026-12-31)",
                            "{field}: '{text}' is not a date YYYY-MM-DD"),
    "export_option_not_date": ("{option}: “{text}” không phải là ngày (dạng 2026-12-31)",
                               "{option} '{text}' is not a date YYYY-MM-DD"),
    "export_unit_not_surveyed": ("Đơn vị “{unit}” không thuộc đợt khảo sát “{slug}”",
                                 "unit '{unit}' is not surveyed by campaign '{slug}'"),
    "export_status_unknown": ("Không có trạng thái “{status}” (chỉ có {known})",
                              "unknown status '{status}' (one of {known})"),
    "export_dates_reversed": ("Ngày bắt đầu {first} sau ngày kết thúc {last}", "--from {first} is after --to {last}"),
    "export_out_directory": ("{out} là một thư mục; hãy cho tên tệp", "{out} is a directory; give a file name"),
    "export_no_directory": ("Không có thư mục {directory}", "directory {directory} does not exist"),
    "export_not_writable": ("Không ghi được vào {directory}: {reason}", "cannot write in {directory}: {reason}"),
    "export_job_abandoned": ("Việc xuất đã dừng {attempts} lần mà không xong (tiến trình chạy nó bị ngắt); hãy yêu cầu "
                             "lại hoặc thu hẹp bộ lọc",
                             "the export stopped {attempts} times without finishing (its worker died); ask again or "
                             "narrow the filters"),
    "export_job_unexpected": ("Lỗi không lường trước, đã ghi vào nhật ký với mã tham chiếu {reference}",
                              "unexpected error, logged with reference {reference}"),
    "codebook_suffix": ("Sổ mã {path}: tên tệp phải có đuôi .html hoặc .xlsx",
                        "codebook {path}: the name must end in .html or .xlsx"),
}

CATALOGUE = Catalogue(MESSAGES)
