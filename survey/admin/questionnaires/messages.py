"""Texts of the questionnaire pages of the administration (Vietnamese, English); merged into
`survey.admin.messages.MESSAGES`, so `say` finds them. Keys start with `qn_`."""

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "qn_title": ("Bảng hỏi", "Questionnaires"),
    "qn_texts_heading": ("Sửa nội dung chữ: {page}", "Edit the texts: {page}"),
    "qn_texts_lead": ("Sửa câu chữ của bản nháp: tên trang, câu hỏi, gợi ý và nhãn các lựa chọn, bằng mọi ngôn ngữ của "
                      "bảng hỏi. Mã câu hỏi, loại câu hỏi, điều kiện hiển thị và giá trị lựa chọn không đổi (muốn "
                      "đổi cấu trúc, hãy tải lên tệp). Phiên bản đã công bố không thay đổi: công bố bản nháp sẽ tạo "
                      "một phiên bản mới.",
                      "Edit the draft's wording: page title, questions, hints and choice labels, in every language of "
                      "the questionnaire. Question keys, types, conditions and choice values stay as they are (to "
                      "change the structure, upload a file). Published versions do not change: publishing the draft "
                      "makes a new version."),
    "qn_texts_problems": ("Chưa lưu: hãy sửa các ô dưới đây", "Not saved: correct the fields below"),
    "qn_texts_page": ("Trang", "Page"),
    "qn_texts_question": ("Câu {number}", "Question {number}"),
    "qn_texts_choices": ("Các lựa chọn", "Choices"),
    "qn_texts_choices_hint": ("Danh sách lựa chọn này có thể dùng chung cho câu hỏi ở trang khác: sửa ở đây là sửa "
                              "ở mọi nơi.",
                              "This list of choices may be shared with questions on other pages: an edit here "
                              "applies everywhere."),
    "qn_texts_title": ("Tên trang ({language})", "Page title ({language})"),
    "qn_texts_label": ("Câu hỏi ({language})", "Question ({language})"),
    "qn_texts_hint": ("Gợi ý, không bắt buộc ({language})", "Hint, optional ({language})"),
    "qn_texts_choice": ("Lựa chọn {number} ({language})", "Choice {number} ({language})"),
    "qn_texts_save": ("Lưu vào bản nháp", "Save to the draft"),
    "qn_texts_saved": ("Đã lưu {count} nội dung chữ vào bản nháp. Xem các thay đổi và bản xem trước dưới đây; "
                       "công bố để dùng.",
                       "{count} texts saved to the draft. See the changes and the preview below; publish to use "
                       "them."),
    "qn_texts_unchanged": ("Không có nội dung nào thay đổi.", "Nothing changed."),
    "qn_texts_edit": ("Sửa nội dung chữ của trang này", "Edit the texts of this page"),
    "qn_language_vi": ("tiếng Việt", "Vietnamese"),
    "qn_language_en": ("tiếng Anh", "English"),
    "qn_behind_title": ("Đợt khảo sát chưa dùng phiên bản mới nhất {label}",
                        "Campaigns not yet on the newest version {label}"),
    "qn_behind_on": ("đang dùng {label}", "on {label}"),
    "qn_behind_move": ("Chuyển sang {label}", "Move to {label}"),
    "qn_behind_stays": ("Giữ {label}: đợt khảo sát đã có {responses} phiếu trả lời theo phiên bản này, nên các câu "
                        "trả lời vẫn gắn với đúng câu hỏi người dân đã đọc.",
                        "Stays on {label}: the campaign already has {responses} responses to that version, so the "
                        "answers stay tied to the questions people read."),
    "qn_behind_moved": ("Đã chuyển đợt khảo sát “{name}” sang phiên bản mới nhất.",
                        "The campaign “{name}” now uses the newest version."),
    "qn_lead": ("Mỗi bảng hỏi có một bản nháp và các phiên bản đã công bố. Phiên bản đã công bố không bao giờ "
                "thay đổi: các đợt khảo sát và câu trả lời gắn với nó.",
                "Each questionnaire has a draft and published versions. A published version never changes: "
                "campaigns and answers are tied to it."),
    "qn_none": ("Chưa có bảng hỏi nào. Hãy tải lên một bảng hỏi.", "No questionnaire yet. Upload one."),
    "qn_upload": ("Tải lên bảng hỏi", "Upload a questionnaire"),
    "qn_upload_lead": ("Tệp YAML theo định dạng của hệ thống hoặc tệp XLSForm (.xlsx hay .xls, các trang survey, "
                       "choices, settings). Mọi lỗi được liệt kê trước khi lưu; tệp hợp lệ được lưu thành bản nháp để "
                       "xem trước, chưa được công bố.",
                       "A YAML file in our format or an XLSForm file (.xlsx or .xls, with survey, choices and settings "
                       "sheets). Every problem is listed before anything is stored; a valid file becomes the draft, "
                       "to preview, not yet published."),
    "qn_file": ("Tệp bảng hỏi", "Questionnaire file"),
    "qn_file_hint": (".yaml, .yml, .xlsx hoặc .xls, tối đa {size} MB.",
                     ".yaml, .yml, .xlsx or .xls, at most {size} MB."),
    "qn_attachments": ("Tệp CSV các lựa chọn (nếu có)", "CSV files of choices (if any)"),
    "qn_attachments_hint": (
        "Với XLSForm dùng select_one_from_file hay select_one_external: chọn các tệp .csv đi kèm (cột name, "
        "label). Các lựa chọn được lưu cùng phiên bản bảng hỏi. Tất cả các tệp cộng lại tối đa {size} MB.",
        "For an XLSForm using select_one_from_file or select_one_external: choose the .csv files that go with it "
        "(columns name, label). The choices are stored with the questionnaire's version. All the files together "
        "at most {size} MB."),
    "qn_attachment_not_csv": ("Tệp “{name}” đi kèm không phải tệp .csv.",
                              "The file “{name}” beside the form is not a .csv file."),
    "qn_too_many_attachments": ("Chỉ nhận tối đa {most} tệp CSV đi kèm.",
                                "At most {most} CSV files are taken beside the form."),
    "qn_send_file": ("Kiểm tra và lưu bản nháp", "Check and store as the draft"),
    "qn_refused_title": ("Không đọc được tệp", "The file cannot be read"),
    "qn_no_file": ("Chưa chọn tệp nào.", "No file was chosen."),
    "qn_empty_file": ("Tệp “{name}” rỗng.", "The file “{name}” is empty."),
    "qn_wrong_extension": ("Tệp “{name}” không phải .yaml, .yml, .xlsx hay .xls.",
                           "The file “{name}” is not a .yaml, .yml, .xlsx or .xls file."),
    "qn_too_large": ("Tệp quá lớn: tối đa {size} MB. Bảng hỏi dài nhất cũng chỉ vài trăm KB; hãy kiểm tra "
                     "lại tệp đã chọn.",
                     "The file is too large: at most {size} MB. Even the longest questionnaire takes a few "
                     "hundred KB; check the file chosen."),
    "qn_not_utf8": ("Tệp “{name}” không phải văn bản UTF-8. Hãy lưu lại tệp với bảng mã UTF-8.",
                    "The file “{name}” is not UTF-8 text. Save it again with the UTF-8 encoding."),
    "qn_not_spreadsheet": ("Tệp “{name}” không phải bảng tính Excel (.xlsx hay .xls) đọc được.",
                           "The file “{name}” is not a readable Excel (.xlsx or .xls) workbook."),
    "qn_yaml_aliases": ("Tệp “{name}” dùng bí danh YAML (*tên) lặp lại quá nhiều nội dung nên không được đọc. "
                        "Hãy viết thẳng các giá trị thay cho bí danh.",
                        "The file “{name}” uses YAML aliases (*name) that repeat too much, so it was not read. "
                        "Write the values out instead of the aliases."),
    "qn_workbook_too_large": ("Bảng tính “{name}” khi giải nén lớn hơn nhiều so với một bảng hỏi (quá {megabytes} MB "
                              "hoặc quá nhiều phần tử) nên không được đọc.",
                              "The workbook “{name}” unpacks to far more than a questionnaire takes (over {megabytes} "
                              "MB, or too many parts), so it was not read."),
    "qn_too_many_strings": ("Bảng tính “{name}” chứa nhiều đoạn văn bản khác nhau hơn hẳn một bảng hỏi nên không "
                            "được đọc.",
                            "The workbook “{name}” holds far more different texts than a questionnaire has, so it "
                            "was not read."),
    "qn_too_many_cells": ("Bảng tính “{name}” có nhiều ô chứa dữ liệu hơn hẳn một bảng hỏi nên không được đọc.",
                          "The workbook “{name}” has far more filled cells than a questionnaire has, so it was not "
                          "read."),
    "qn_problems_title": ("{count} lỗi trong “{name}”; chưa có gì được lưu", "{count} problem(s) in “{name}”; "
                          "nothing was stored"),
    "qn_row": ("Dòng", "Row"),
    "qn_column": ("Cột", "Column"),
    "qn_code": ("Mã lỗi", "Code"),
    "qn_value": ("Giá trị", "Value"),
    "qn_message": ("Mô tả", "Description"),
    "qn_skipped_title": ("{count} mục không dùng được nên đã bỏ qua", "{count} item(s) we cannot use were skipped"),
    "qn_uploaded": ("Đã lưu “{name}” thành bản nháp của {slug}. Hãy xem trước rồi công bố.",
                    "“{name}” is stored as the draft of {slug}. Preview it, then publish it."),
    "qn_draft": ("Bản nháp", "Draft"),
    "qn_draft_of": ("Bản nháp của {slug}", "Draft of {slug}"),
    "qn_draft_new": ("Chưa công bố: khác với mọi phiên bản đã công bố.", "Not published: differs from every "
                     "published version."),
    "qn_draft_same": ("Trùng với phiên bản {number} đã công bố.", "The same as the published version {number}."),
    "qn_open_draft": ("Xem trước bản nháp", "Preview the draft"),
    "qn_version": ("Phiên bản", "Version"),
    "qn_published_at": ("Công bố lúc", "Published"),
    "qn_hash": ("Mã băm nội dung (SHA-256)", "Content hash (SHA-256)"),
    "qn_questions": ("Số câu hỏi", "Questions"),
    "qn_campaigns": ("Số đợt khảo sát", "Campaigns"),
    "qn_downloads": ("Tải về", "Download"),
    "qn_yaml": ("YAML", "YAML"),
    "qn_xlsform": ("XLSForm", "XLSForm"),
    "qn_changes": ("Thay đổi", "Changes"),
    "qn_no_versions": ("Chưa có phiên bản nào được công bố.", "No version published yet."),
    "qn_as_citizen": ("Người dân thấy trên điện thoại", "What citizens see on a phone"),
    "qn_as_citizen_hint": ("Mỗi trang là một phần của bảng hỏi. Câu hỏi có điều kiện hiện ở đây, người dân chỉ "
                           "thấy khi điều kiện đúng.",
                           "Each page is a section of the questionnaire. Questions with a condition are shown "
                           "here; citizens see them only when the condition holds."),
    "qn_sections": ("Các trang", "Pages"),
    "qn_frame_title": ("Trang “{section}” như người dân thấy", "The page “{section}” as citizens see it"),
    "qn_as_keyer": ("Người nhập phiếu giấy thấy", "What paper-form keyers see"),
    "qn_open_keyer": ("Xem toàn bộ câu hỏi với mã trả lời", "See every question with its answer codes"),
    "qn_keyer_title": ("Nhập phiếu giấy: {title}", "Keying paper forms: {title}"),
    "qn_keyer_lead": ("Mọi câu hỏi trên một trang, với số câu và mã của từng phương án mà người nhập phiếu gõ "
                      "trên màn hình nhập phiếu giấy (giá trị lưu trong ngoặc khi khác mã).",
                      "Every question on one page, with the number and the option codes keyers type on the "
                      "paper-entry screen (the stored value in brackets where it differs from the code)."),
    "qn_key": ("Tên biến", "Variable"),
    "qn_type": ("Loại", "Type"),
    "qn_answer_codes": ("Mã trả lời", "Answer codes"),
    "qn_shown_when": ("Chỉ hỏi khi", "Asked only when"),
    "qn_section_shown_when": ("Trang này chỉ hiện khi", "This page is shown only when"),
    "qn_check": ("Điều kiện hợp lệ", "Valid when"),
    "qn_required": ("Bắt buộc", "Required"),
    "qn_levels": ("Cấp đơn vị", "Unit levels"),
    "qn_unit_codes": ("mã đơn vị hành chính", "an administrative unit code"),
    "qn_free_answer": ("ghi như trên phiếu", "as written on the form"),
    "qn_back_to_draft": ("Về bản nháp", "Back to the draft"),
    "qn_back_to_list": ("Về danh sách bảng hỏi", "Back to the questionnaires"),
    "qn_publish": ("Công bố", "Publish"),
    "qn_publish_as": ("Công bố thành phiên bản {number}", "Publish as version {number}"),
    "qn_confirm_publish": ("Công bố {slug} phiên bản {number}?", "Publish {slug} version {number}?"),
    "qn_confirm_publish_body": ("Phiên bản đã công bố không thể sửa hay xoá; các đợt khảo sát có thể dùng nó ngay. "
                                "Muốn thay đổi về sau thì tải lên và công bố một phiên bản mới.",
                                "A published version can never be changed or deleted; campaigns can use it at "
                                "once. To change it later, upload and publish a new version."),
    "qn_already_published": ("Nội dung này đã được công bố là phiên bản {number}; không tạo phiên bản trùng.",
                             "This content is already published as version {number}; no duplicate was made."),
    "qn_published": ("Đã công bố {label}.", "{label} is published."),
    "qn_changes_title": ("Thay đổi của {label}", "Changes in {label}"),
    "qn_changes_since": ("So với phiên bản {number}", "Since version {number}"),
    "qn_draft_changes": ("Thay đổi so với phiên bản {number}", "Changes since version {number}"),
    "qn_first_version": ("Đây là phiên bản đầu tiên: không có gì để so sánh.",
                         "This is the first version: nothing to compare with."),
    "qn_no_changes": ("Không có thay đổi về câu hỏi.", "No change to the questions."),
    "qn_before": ("Trước", "Before"),
    "qn_after": ("Sau", "After"),
    "qn_what": ("Thay đổi", "Change"),
    "qn_yes": ("Có", "Yes"),
    "qn_no": ("Không", "No"),
    "qn_sheet": ("Trang tính", "Sheet"),
    # the kinds of forms.compare
    "qn_change_form_retitled": ("Đổi tên bảng hỏi", "Questionnaire retitled"),
    "qn_change_language_added": ("Thêm ngôn ngữ", "Language added"),
    "qn_change_language_removed": ("Bỏ ngôn ngữ", "Language removed"),
    "qn_change_section_added": ("Thêm trang", "Page added"),
    "qn_change_section_removed": ("Bỏ trang", "Page removed"),
    "qn_change_section_repeat_changed": ("Đổi số lần lặp của trang", "Page's repeat changed"),
    "qn_change_section_retitled": ("Đổi tên trang", "Page retitled"),
    "qn_change_section_relevant_changed": ("Đổi điều kiện hiện trang", "Page condition changed"),
    "qn_change_question_added": ("Thêm câu hỏi", "Question added"),
    "qn_change_question_removed": ("Bỏ câu hỏi", "Question removed"),
    "qn_change_question_relabelled": ("Sửa lời câu hỏi", "Question relabelled"),
    "qn_change_hint_changed": ("Sửa gợi ý", "Hint changed"),
    "qn_change_type_changed": ("Đổi loại câu hỏi", "Type changed"),
    "qn_change_required_changed": ("Đổi bắt buộc trả lời", "Required changed"),
    "qn_change_relevant_changed": ("Đổi điều kiện hỏi", "Condition changed"),
    "qn_change_constraint_changed": ("Đổi điều kiện hợp lệ", "Constraint changed"),
    "qn_change_constraint_message_changed": ("Sửa thông báo khi không hợp lệ", "Constraint message changed"),
    "qn_change_question_moved": ("Chuyển sang trang khác", "Moved to another page"),
    "qn_change_choice_added": ("Thêm phương án", "Choice added"),
    "qn_change_choice_removed": ("Bỏ phương án", "Choice removed"),
    "qn_change_choice_relabelled": ("Sửa lời phương án", "Choice relabelled"),
}
