"""The problems invitation operations report, in Vietnamese and English.

Each is a `Problem`: its string is the English text (what the command line prints and the API
returns; the API names the field by how it begins, "dossier code " or "unit '"), and the
administration pages show it in the reader's language.
"""
from survey.text import Catalogue

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "unit_not_surveyed": ("Đơn vị “{unit}” không thuộc đợt khảo sát “{slug}”",
                          "unit '{unit}' is not surveyed by campaign '{slug}'"),
    "dossier_long": ("Mã hồ sơ “{dossier}...” dài hơn {length} ký tự",
                     "dossier code '{dossier}...' is longer than {length} characters"),
    "dossier_control": ("Mã hồ sơ “{dossier}” có ký tự điều khiển không hợp lệ (ví dụ ký tự NUL)",
                        "dossier code '{dossier}' holds a control character (such as NUL)"),
    "dossier_twice": ("Mã hồ sơ “{dossier}” bị lặp lại trong danh sách", "dossier code '{dossier}' is listed twice"),
    "dossier_invited": ("Mã hồ sơ “{dossier}” đã có thư mời trong đợt khảo sát này",
                        "dossier code '{dossier}' already has an invitation in this campaign"),
    "expiry_past": ("Hạn dùng {day} đã qua.", "The expiry date {day} is past."),
    "invitation_expires_past": ("--expires {day}: ngày này đã qua", "--expires {day} is already past"),
}


CATALOGUE = Catalogue(MESSAGES)
