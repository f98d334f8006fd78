"""Texts of a campaign's invitations page and of the random draw of dossiers on it, in Vietnamese and
English; part of the administration catalogue (`survey.admin.messages`)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "inv_create": ("Tạo thư mời", "Create invitations"),
    "inv_create_button": ("Tạo thư mời", "Create the invitations"),
    "inv_choose_unit": ("Chọn một đơn vị của đợt khảo sát.", "Choose a unit of the campaign."),
    "inv_choose_unit_option": ("— Chọn đơn vị —", "— Choose a unit —"),
    "inv_codes": ("Mã hồ sơ", "Dossier codes"),
    "inv_codes_hint": ("Mỗi dòng một mã hồ sơ (mã hồ sơ trùng nhau hoặc đã có thư mời sẽ được báo lại, không tạo gì).",
                       "One dossier code a line (a repeated or already invited code is reported and nothing is "
                       "created)."),
    "inv_codes_file": ("Hoặc tải lên tệp mã hồ sơ", "Or upload a file of dossier codes"),
    "inv_codes_file_hint": ("Tệp .txt hoặc .csv, UTF-8, tối đa 1 MB: mỗi dòng một mã (ở tệp CSV, cột đầu tiên).",
                            "A .txt or .csv file, UTF-8, at most 1 MB: one code a line (in a CSV, the first column)."),
    "inv_expires_on": ("Hạn dùng (ngày cuối cùng)", "Expires after"),
    "inv_expires_hint": ("Để trống nếu thư mời dùng được đến khi đợt khảo sát đóng.",
                         "Leave blank for links that work until the campaign closes."),
    "inv_no_codes": ("Nhập hoặc tải lên ít nhất một mã hồ sơ.", "Paste or upload at least one dossier code."),
    "inv_too_many": ("{count} mã hồ sơ: tối đa {largest} mã mỗi lần.",
                     "{count} dossier codes: at most {largest} at a time."),
    "inv_created": ("Đã tạo {count} thư mời cho {unit}. Tải tệp CSV để gửi đường dẫn.",
                    "{count} invitations created for {unit}. Download the CSV to send the links."),
    "inv_by_unit": ("Thư mời theo đơn vị", "Invitations by unit"),
    "inv_unused": ("Chưa dùng", "Unused"),
    "inv_used": ("Đã dùng", "Used"),
    "inv_expired": ("Hết hạn", "Expired"),
    "inv_links": ("Đường dẫn", "Links"),
    "inv_download_all": ("Tải tất cả thư mời (CSV)", "Download every invitation (CSV)"),
    "inv_list": ("Thư mời mới nhất", "Latest invitations"),
    "inv_list_of": ("Thư mời của {unit}", "Invitations of {unit}"),
    "inv_shown": ("Hiển thị {shown} trên {total} thư mời; tệp CSV có đầy đủ.",
                  "Showing {shown} of {total}; the CSV has them all."),
    "inv_dossier": ("Mã hồ sơ", "Dossier code"),
    "inv_none": ("Chưa có thư mời nào.", "No invitation yet."),
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
