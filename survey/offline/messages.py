"""Texts of the offline queue (shown by static/offline.js), in Vietnamese and English."""
from survey.text import Catalogue

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "waiting": ("{count} phiếu đang chờ gửi", "{count} forms waiting to be sent"),
    "others_waiting": ("{count} phiếu của tài khoản khác đang chờ trên máy này: "
                       "chúng được gửi khi tài khoản đó đăng nhập.",
                       "{count} forms of another account are waiting on this device: "
                       "they are sent when that account signs in."),
    "saved_here": ("Mất kết nối: phiếu số {serial} đã lưu trên máy này và sẽ tự gửi khi có mạng.",
                   "No connection: form {serial} is saved on this device and will be sent when the network is back."),
    "sent": ("Đã gửi {count} phiếu lưu trên máy.", "{count} forms saved on this device have been sent."),
    "sign_in_again": ("Phiên đăng nhập đã hết: đăng nhập lại để gửi các phiếu đang chờ (phiếu vẫn được giữ trên máy).",
                      "Your session has ended: sign in again to send the waiting forms (they stay on this device)."),
    "refused_title": ("Phiếu bị từ chối khi gửi, cần sửa", "Forms refused when sent: please correct them"),
    "refused_item": ("Phiếu số {serial} ({place})", "Form {serial} ({place})"),
    "refused_status": ("Máy chủ từ chối phiếu (mã {status}).", "The server refused the form (code {status})."),
    "correct": ("Sửa phiếu này", "Correct this form"),
    "correct_elsewhere": ("Mở trang nhập của phiếu này", "Open this form's entry page"),
    "editing": ("Đang sửa phiếu số {serial}: sửa rồi bấm Lưu phiếu.", "Correcting form {serial}: fix it, then save."),
    "finish_first": ("Lưu phiếu đang nhập trước, rồi sửa phiếu bị từ chối.",
                     "Save the form being keyed first, then correct the refused one."),
    "no_storage": ("Trình duyệt này không lưu được phiếu khi mất mạng.",
                   "This browser cannot keep forms while offline."),
}


CATALOGUE = Catalogue(MESSAGES)
say = CATALOGUE.say
