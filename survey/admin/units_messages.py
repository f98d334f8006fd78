"""Texts of the units' reorganisation pages, in Vietnamese and English; part of the administration
catalogue (`survey.admin.messages`)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "reorganise_title": ("Sắp xếp lại đơn vị (sáp nhập, chia tách, thay thế)",
                         "Reorganised units (merged, split, replaced)"),
    "reorganise_lead": ("Ghi lại các đơn vị đã sáp nhập, chia tách hoặc được thay thế từ một ngày. Các đợt khảo sát "
                        "cũ giữ nguyên đơn vị đã khảo sát; khi so sánh với kỳ trước, đơn vị mới được so với các đơn "
                        "vị cũ hợp thành nó. Bước 1: tải tệp lên để kiểm tra; bước 2: xem lại và xác nhận.",
                        "Record the units merged, split or replaced from a date. Earlier campaigns keep the units "
                        "they surveyed; comparisons with an earlier period compare a new unit with the old units "
                        "that formed it. Step 1: upload the file to check it; step 2: review and confirm."),
    "moves_file": ("Tệp CSV sắp xếp lại đơn vị", "Reorganisation CSV file"),
    "moves_file_hint": ("UTF-8, tối đa 1 MB. Các cột: kind (merge: sáp nhập, split: chia tách, replace: thay thế), old "
                        "và new (mã đơn vị cũ và mới, cách nhau bằng dấu cách hoặc “;”), effective_on (ngày có hiệu "
                        "lực, YYYY-MM-DD); tuỳ chọn: shares (tỷ lệ của đơn vị cũ mà mỗi đơn vị mới nhận, khi chia "
                        "tách). Các đơn vị phải có sẵn (nhập danh sách đơn vị trước).",
                        "UTF-8, at most 1 MB. Columns: kind (merge, split, replace), old and new (unit codes, "
                        "separated by spaces or ';'), effective_on (YYYY-MM-DD); optional: shares (the part of the "
                        "old unit each new one takes, for a split). The units must exist (import them first)."),
    "moves_recorded": ("Đã ghi {count} lần sắp xếp lại.", "{count} reorganisation(s) recorded."),
    "moves_stored": ("Các lần sắp xếp đã ghi", "Recorded reorganisations"),
    "moves_none": ("Chưa có lần sắp xếp lại nào.", "No reorganisation recorded yet."),
    "move_kind": ("Hình thức", "Kind"),
    "move_kind_merge": ("Sáp nhập", "Merged"),
    "move_kind_split": ("Chia tách", "Split"),
    "move_kind_replace": ("Thay thế", "Replaced"),
    "move_old": ("Đơn vị cũ", "Old units"),
    "move_new": ("Đơn vị mới", "New units"),
    "move_effective": ("Có hiệu lực từ", "From"),
    "move_shares": ("Tỷ lệ", "Shares"),
    "move_deactivates": ("Ngừng sử dụng", "Deactivates"),
    "moves_dry_run_title": ("Kiểm tra trước khi ghi", "Dry run"),
    "moves_dry_run_lead": ("Tệp hợp lệ. Nếu xác nhận: ghi {added} lần sắp xếp; {unchanged} lần đã có từ trước. Chưa "
                           "có gì được lưu.",
                           "The file is valid. If you confirm: {added} reorganisation(s) recorded; {unchanged} "
                           "already recorded. Nothing is saved yet."),
    "moves_changed": ("Dữ liệu đã thay đổi kể từ lần kiểm tra trước; đây là kết quả kiểm tra hiện tại, hãy xem lại.",
                      "The data changed since the file was checked; this is what it would do now, review it again."),
    "moves_apply": ("Xác nhận ghi {count} lần sắp xếp", "Record the {count} reorganisation(s)"),
    "moves_nothing": ("Tệp không có gì mới: mọi lần sắp xếp đã được ghi.",
                      "The file holds nothing new: every reorganisation is already recorded."),
    "action_units_reorganised": ("Sắp xếp lại đơn vị", "Units reorganised"),
}
