"""Texts of the random draw of dossiers on a campaign's invitations page, in Vietnamese and English;
part of the administration catalogue (`survey.admin.messages`)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "draw_title": ("Chọn ngẫu nhiên hồ sơ để gửi thư mời", "Draw dossiers at random to invite"),
    "draw_lead": ("Tải lên danh sách hồ sơ đã giải quyết trong kỳ. Hệ thống chọn ngẫu nhiên theo từng đơn vị (chọn "
                  "mẫu phân tầng), cho xem trước số hồ sơ mỗi đơn vị, rồi tạo cho mỗi hồ sơ được chọn một thư mời "
                  "dùng một lần. Mỗi lượt chọn được lưu lại cùng hạt giống ngẫu nhiên để có thể kiểm tra lại.",
                  "Upload the list of dossiers handled in the period. The service draws at random within each unit "
                  "(a stratified sample), shows how many dossiers each unit gets, then makes a single-use invitation "
                  "for each dossier drawn. Every draw is logged with its random seed, so that it can be checked."),
    "draw_file": ("Danh sách hồ sơ (CSV)", "Dossier list (CSV)"),
    "draw_file_hint": ("Tệp .csv UTF-8, tối đa 1 MB, các cột dossier_code (mã hồ sơ), unit_code (mã đơn vị), date "
                       "(ngày, NNNN-TT-NN hoặc NN/TT/NNNN) và field (lĩnh vực thủ tục, không bắt buộc).",
                       "A UTF-8 .csv file of at most 1 MB with the columns dossier_code, unit_code, date (YYYY-MM-DD "
                       "or DD/MM/YYYY) and, optionally, field (the field of procedure)."),
    "draw_size": ("Số hồ sơ chọn ở mỗi đơn vị", "Dossiers to draw in each unit"),
    "draw_size_hint": ("Để trống để chọn theo chỉ tiêu mẫu của từng đơn vị (khi chọn thay thế: một hồ sơ mới cho mỗi "
                       "hồ sơ của lượt chọn đầu chưa trả lời).",
                       "Leave blank to draw each unit's quota (for a replacement draw: one new dossier for each "
                       "dossier of the first draw not yet answered)."),
    "draw_plan": ("Hoặc kế hoạch chọn mẫu (CSV)", "Or a sample plan (CSV)"),
    "draw_plan_hint": ("Các cột unit_code và n (số hồ sơ cần chọn), hoặc tệp do lệnh lập kế hoạch chọn mẫu tạo ra "
                       "(cột invite).",
                       "The columns unit_code and n (dossiers to draw), or the file the sample planning command "
                       "writes (its invite column)."),
    "draw_seed": ("Hạt giống ngẫu nhiên (không bắt buộc)", "Random seed (optional)"),
    "draw_seed_hint": ("Để trống để hệ thống tự tạo. Nhập hạt giống của một lượt trước để làm lại đúng lượt đó với "
                       "cùng danh sách.",
                       "Leave blank for a new one. Type the seed of an earlier draw to redo exactly that draw from "
                       "the same list."),
    "draw_replacement": ("Chọn thay thế cho người không trả lời (không bao giờ chọn lại hồ sơ đã được mời)",
                         "Replace non-respondents (a dossier already invited is never drawn again)"),
    "draw_preview": ("Xem trước lượt chọn", "Preview the draw"),
    "draw_size_and_plan": ("Nhập số hồ sơ mỗi đơn vị hoặc tải lên kế hoạch chọn mẫu, không nhập cả hai.",
                           "Give a number of dossiers per unit or a sample plan, not both."),
    "draw_preview_title": ("Xem trước lượt chọn mẫu", "Draw preview"),
    "draw_preview_lead": ("Danh sách có {rows} hồ sơ. Sẽ chọn {drawn} hồ sơ và tạo cho mỗi hồ sơ một thư mời dùng một "
                          "lần. Chưa có gì được ghi lại.",
                          "The list holds {rows} dossiers. {drawn} will be drawn, each with a single-use invitation. "
                          "Nothing has been stored yet."),
    "draw_kind_first": ("Chọn mẫu", "Sample"),
    "draw_kind_replacement": ("Chọn thay thế", "Replacement"),
    "draw_seed_is": ("Hạt giống ngẫu nhiên", "Random seed"),
    "draw_checksum": ("Mã kiểm tra của danh sách (SHA-256)", "Checksum of the list (SHA-256)"),
    "draw_listed": ("Hồ sơ trong danh sách", "Dossiers listed"),
    "draw_excluded": ("Đã có thư mời (không chọn lại)", "Already invited (left out)"),
    "draw_to_draw": ("Sẽ chọn", "To draw"),
    "draw_confirm": ("Chọn {count} hồ sơ và tạo thư mời", "Draw {count} dossiers and make their invitations"),
    "draw_changed": ("Thư mời của đợt khảo sát đã thay đổi từ lúc xem trước: đây là kết quả mới, vui lòng kiểm tra "
                     "lại trước khi xác nhận.",
                     "The campaign's invitations changed since the preview: this is the new result, please check "
                     "it before confirming."),
    "draw_done": ("Lượt chọn {draw}: đã chọn {count} hồ sơ và tạo thư mời. Tải tệp CSV của lượt này để gửi đường dẫn.",
                  "Draw {draw}: {count} dossiers drawn and invited. Download the draw's CSV to send the links."),
    "draws_title": ("Các lượt chọn mẫu", "Draws"),
    "draw_number": ("Lượt", "Draw"),
    "draw_kind": ("Loại", "Kind"),
    "draw_rows": ("Hồ sơ trong danh sách", "Dossiers listed"),
    "draw_drawn": ("Hồ sơ được chọn", "Dossiers drawn"),
    "draw_links": ("Thư mời (CSV)", "Invitations (CSV)"),
    "draws_none": ("Chưa có lượt chọn mẫu nào.", "No draw yet."),
}
