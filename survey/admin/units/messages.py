"""Texts of the units' pages (the hierarchy, the import, deactivation, reorganisations), in Vietnamese
and English; part of the administration catalogue (`survey.admin.messages`)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "import_units": ("Nhập danh sách đơn vị từ CSV", "Import units from CSV"),
    "import_units_lead": ("Bước 1: tải tệp lên để kiểm tra; chưa có gì thay đổi. Bước 2: xem các thay đổi và xác nhận.",
                          "Step 1: upload the file to check it; nothing changes yet. "
                          "Step 2: review the changes and confirm."),
    "units_file": ("Tệp CSV đơn vị", "Units CSV file"),
    "units_file_hint": ("UTF-8, tối đa 1 MB. Các cột: code, name, level (province, department, district, commune); "
                        "tuỳ chọn: name_en, parent_code, active (yes/no). Đơn vị không có trong tệp giữ nguyên.",
                        "UTF-8, at most 1 MB. Columns: code, name, level (province, department, district, commune); "
                        "optional: name_en, parent_code, active (yes/no). Units not in the file are left as they are."),
    "check_file": ("Kiểm tra tệp", "Check the file"),
    "units_count": ("{count} đơn vị.", "{count} units."),
    "units_imported_notice": ("Đã nhập: {created} đơn vị mới, {updated} đơn vị được cập nhật.",
                              "Imported: {created} new units, {updated} updated."),
    "dry_run_title": ("Kiểm tra trước khi nhập", "Dry run"),
    "dry_run_lead": ("Tệp hợp lệ. Nếu xác nhận: {changes} thay đổi; {unchanged} đơn vị giữ nguyên. "
                     "Chưa có gì được lưu.",
                     "The file is valid. If you confirm: {changes} changes; {unchanged} units stay as they are. "
                     "Nothing is saved yet."),
    "plan_changed": ("Danh sách đơn vị đã thay đổi kể từ lần kiểm tra trước; đây là các thay đổi hiện tại, "
                     "hãy xem lại.",
                     "The units changed since the file was checked; these are the changes now, review them again."),
    "csv_row": ("Dòng", "Row"),
    "change": ("Thay đổi", "Change"),
    "before": ("Trước", "Before"),
    "after": ("Sau", "After"),
    "change_new": ("Đơn vị mới", "New unit"),
    "change_renamed": ("Đổi tên", "Renamed"),
    "change_moved": ("Đổi đơn vị cấp trên", "Moved to another parent"),
    "change_level": ("Đổi cấp", "Level changed"),
    "change_deactivated": ("Ngừng sử dụng", "Deactivated"),
    "change_reactivated": ("Sử dụng lại", "Reactivated"),
    "apply_changes": ("Xác nhận {count} thay đổi", "Apply the {count} changes"),
    "nothing_to_change": ("Tệp không thay đổi gì: mọi đơn vị đã đúng như trong tệp.",
                          "The file changes nothing: every unit is already as the file says."),
    "back_to_units": ("Về danh sách đơn vị", "Back to the units"),
    "deactivate": ("Ngừng sử dụng", "Deactivate"),
    "reactivate": ("Sử dụng lại", "Reactivate"),
    "confirm_deactivate": ("Ngừng sử dụng “{name}”?", "Deactivate “{name}”?"),
    "confirm_deactivate_body": ("Đơn vị không bị xoá: phiếu trả lời và các đợt khảo sát đã có đơn vị này giữ nguyên, "
                                "nhưng đơn vị không được chọn cho đợt khảo sát mới. Có thể sử dụng lại sau.",
                                "The unit is not deleted: its responses and the campaigns that have it stay as they "
                                "are, but it is not offered for new campaigns. It can be reactivated later."),
    "confirm_reactivate": ("Sử dụng lại “{name}”?", "Reactivate “{name}”?"),
    "confirm_reactivate_body": ("Đơn vị sẽ lại được chọn cho các đợt khảo sát mới.",
                                "The unit will be offered for new campaigns again."),
    "unit_responses": ("Số phiếu trả lời của đơn vị: {count}.", "Responses of the unit: {count}."),
    "unit_campaigns": ("Đợt khảo sát chưa đóng có đơn vị này:", "Campaigns not yet closed that have it:"),
    "unit_children": ("{count} đơn vị trực thuộc vẫn đang hoạt động (không bị ảnh hưởng).",
                      "{count} units under it stay active (they are not affected)."),
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
