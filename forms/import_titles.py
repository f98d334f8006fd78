"""What each problem code means, in a few words, in Vietnamese and English.

The detailed messages (``CATALOGUE``, ``XLSFORM_CATALOGUE``) are English, written for the
people who maintain definitions. Staff who upload a questionnaire through the admin pages
read these titles first (``ImportProblem.title('vi')``), next to the sheet, row and column.
"""

from __future__ import annotations

TITLES: dict[str, tuple[str, str]] = {
    # reading the file
    "yaml_syntax": ("Không đọc được YAML", "Not valid YAML"),
    "yaml_aliases": ("Bí danh YAML (*tên) lặp lại quá nhiều", "YAML aliases (*name) repeat too much"),
    "not_utf8": ("Tệp không phải văn bản UTF-8", "Not UTF-8 text"),
    "duplicate_key": ("Một khóa được viết hai lần", "A key written twice"),
    "empty_document": ("Tệp trống", "Empty file"),
    "not_a_workbook": ("Không phải bảng tính XLSForm (.xlsx, .xls)", "Not an XLSForm workbook (.xlsx, .xls)"),
    "missing_sheet": ("Thiếu trang tính", "A sheet is missing"),
    "missing_column": ("Thiếu cột", "A column is missing"),
    "too_many_rows": ("Trang tính quá dài", "Sheet too long"),
    "too_many_columns": ("Trang tính quá rộng", "Sheet too wide"),
    "too_many_cells": ("Bảng tính có quá nhiều ô", "Too many cells in the workbook"),
    "too_many_strings": ("Bảng tính có quá nhiều đoạn văn bản", "Too many texts in the workbook"),
    "workbook_too_large": ("Bảng tính quá lớn khi giải nén", "Workbook too large once unpacked"),
    "duplicate_column": ("Cột bị lặp", "A column written twice"),
    "unknown_language_column": ("Không rõ ngôn ngữ của cột", "Language of a column unknown"),
    "unmatched_end": ("Có 'end' mà không có 'begin' tương ứng", "An end without its begin"),
    "unclosed_group": ("Nhóm chưa được đóng", "A group is never ended"),
    # the definition
    "control_character": ("Có ký tự điều khiển không hợp lệ (ví dụ ký tự NUL)",
                          "A control character (such as NUL)"),
    "wrong_type": ("Giá trị sai kiểu", "Wrong kind of value"),
    "missing_field": ("Thiếu thông tin bắt buộc", "A required field is missing"),
    "unknown_field": ("Trường không có trong định dạng", "Unknown field"),
    "empty_value": ("Giá trị trống", "Empty value"),
    "invalid_name": ("Tên không hợp lệ", "Invalid name"),
    "invalid_form_id": ("Mã phiếu không hợp lệ", "Invalid form id"),
    "duplicate_name": ("Tên bị trùng", "Name used twice"),
    "invalid_language": ("Mã ngôn ngữ không hợp lệ", "Invalid language code"),
    "unknown_language": ("Ngôn ngữ chưa khai báo", "Language not declared"),
    "missing_translation": ("Thiếu bản dịch", "Missing translation"),
    "invalid_choice_value": ("Giá trị lựa chọn không hợp lệ", "Invalid choice value"),
    "duplicate_choice_value": ("Giá trị lựa chọn bị trùng", "Choice value used twice"),
    "unknown_choice_list": ("Không có danh sách lựa chọn này", "No such choice list"),
    "unknown_type": ("Loại câu hỏi không tồn tại", "Unknown question type"),
    "field_not_allowed": ("Trường không được dùng ở đây", "Field not allowed here"),
    "unknown_metadata": ("Loại siêu dữ liệu không được ghi nhận", "Metadata not recorded"),
    "invalid_range": ("Thang giá trị (range) không hợp lệ", "Invalid range"),
    "invalid_repeat": ("Số lần lặp tối đa của nhóm lặp không hợp lệ", "Invalid most instances of a repeat"),
    "repeat_reference": ("Câu hỏi trong nhóm lặp được đọc từ bên ngoài nhóm",
                         "A question of a repeat read from outside it"),
    "expression_syntax": ("Biểu thức viết sai", "Expression does not parse"),
    "unknown_reference": ("Biểu thức nhắc đến câu hỏi không tồn tại", "Refers to no question"),
    "forward_reference": ("Biểu thức nhắc đến câu hỏi phía sau", "Refers to a later question"),
    "self_reference": ("Biểu thức nhắc đến chính câu hỏi này", "Refers to itself"),
    "note_reference": ("Biểu thức nhắc đến một ghi chú", "Refers to a note"),
    "unknown_function": ("Hàm không tồn tại", "Unknown function"),
    "bad_arguments": ("Hàm được gọi sai tham số", "Wrong arguments"),
    "not_a_choice_question": ("Câu hỏi không có lựa chọn", "Not a question with choices"),
    "unknown_selected_value": ("Không có lựa chọn này", "Not one of the choices"),
    "dot_outside_constraint": ("Dấu '.' chỉ dùng trong ràng buộc", "'.' only in a constraint"),
    "choice_outside_filter": ("choice() chỉ dùng trong choice_filter", "choice() only in a choice_filter"),
    # skipped while importing an XLSForm
    "unsupported_type": ("Bỏ qua: loại câu hỏi chưa hỗ trợ", "Skipped: type not supported"),
    "unsupported_repeat": ("Bỏ qua: nhóm lặp (repeat)", "Skipped: a repeat"),
    "nested_group": ("Nhóm lồng trong nhóm được gộp vào nhóm ngoài",
                     "A group inside a group joins the outer one"),
    "unsupported_expression": ("Bỏ qua: biểu thức chưa hỗ trợ",
                               "Skipped: expression not supported"),
    "skipped_reference": ("Bỏ qua: biểu thức nhắc đến câu hỏi đã bỏ qua",
                          "Skipped: reads a skipped question"),
    "unsupported_required": ("Bỏ qua: 'required' theo điều kiện",
                             "Skipped: a condition as 'required'"),
    "ignored_column": ("Bỏ qua cột chưa hỗ trợ", "Skipped: column not supported"),
    "ignored_parameters": ("Bỏ qua tham số (parameters) không dùng", "Skipped: parameters not used"),
    "missing_attachment": ("Bỏ qua: thiếu tệp CSV chứa các lựa chọn", "Skipped: the CSV of choices is missing"),
    "bad_attachment": ("Tệp CSV các lựa chọn không đọc được", "The CSV of choices cannot be read"),
    "label_reference": ("Văn bản nhắc đến câu hỏi đã bỏ qua: ghi tên câu hỏi thay cho câu trả lời",
                        "Text names a skipped question: its name is written instead"),
    # taken as pyxform takes it, changed so that the definition holds it
    "renamed": ("Tên được đổi thành khóa hợp lệ (giữ tên gốc khi xuất)",
                "Name imported as a valid key (kept for export)"),
    "renamed_choice": ("Giá trị lựa chọn được viết lại", "Choice name rewritten"),
    "default_form_id": ("Mã phiếu được lấy từ tên tệp hoặc viết lại", "Form id from the file name or rewritten"),
    "default_title": ("Phiếu không có tiêu đề: lấy tên tệp", "No form title: the file name is used"),
    "missing_label": ("Không có nhãn: hiển thị tên", "No label: the name is shown"),
    "translation_fallback": ("Thiếu bản dịch: hiển thị ngôn ngữ mặc định",
                             "Translation missing: the default language is shown"),
    "untyped_row": ("Bỏ qua dòng không có loại", "Skipped: a row without a type"),
    "unlisted_choice": ("Bỏ qua lựa chọn không có list_name", "Skipped: a choice without a list"),
    "unnamed_note": ("Ghi chú không có tên được đặt tên", "A note without a name is named"),
    "lone_constraint_message": ("Bỏ qua thông báo ràng buộc không có ràng buộc",
                                "Skipped: a constraint message without a constraint"),
    "empty_group": ("Nhóm không còn câu hỏi nào: không thành trang",
                    "A group with no question left is no page"),
    "dropped_expression": ("Bỏ qua biểu thức không bao giờ đúng", "Skipped: an expression that never holds"),
    "unused_expression": ("Bỏ qua biểu thức mà loại câu hỏi này không dùng",
                          "Skipped: an expression this type of question does not use"),
}
"""Code -> (Vietnamese, English)."""


def title(code: str, language: str) -> str:
    """The few words for ``code`` in ``language`` (Vietnamese unless English is asked for)."""
    vi, en = TITLES.get(code, (code, code))
    return en if language == "en" else vi
