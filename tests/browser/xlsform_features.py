"""A small XLSForm workbook holding the features of issue 17 the other browser tests leave out:
a field-list group, a note with **bold** markup and one piping an answer, or_other, a select over
an uploaded CSV (select_one_from_file) and a trigger. Built here with openpyxl, read by
forms.read_xlsform with its CSV, as an author's upload would be."""
import io

import openpyxl

import forms

SURVEY = [
    ("type", "name", "label", "appearance", "relevant"),
    ("begin group", "first", "Thông tin", "field-list", None),
    ("note", "intro", "**Chào** ông/bà", None, None),
    ("text", "name", "Họ tên", None, None),
    ("select_one fruit or_other", "fruit", "Quả ưa thích", None, None),
    ("select_one_from_file places.csv", "place", "Nơi ở", None, None),
    ("trigger", "done", "Đã xem phiếu", None, None),
    ("end group", None, None, None, None),
    ("begin group", "second", "Kết thúc", None, None),
    ("note", "thanks", "Cảm ơn **${name}** đã chọn ${fruit}", None, None),
    ("text", "comment", "Ý kiến khác", None, None),
    ("end group", None, None, None, None),
]
CHOICES = [("list_name", "name", "label"), ("fruit", "a", "Táo"), ("fruit", "b", "Chuối")]
SETTINGS = [("form_id", "form_title"), ("features", "Các tính năng")]
PLACES = "name,label\nlx,Long Xuyên\ncd,Châu Đốc\n".encode()


def workbook() -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in {"survey": SURVEY, "choices": CHOICES, "settings": SETTINGS}.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def definition() -> forms.Definition:
    """The workbook read with its CSV; it must import without a problem or a warning."""
    imported = forms.read_xlsform(workbook(), "features.xlsx", {"places.csv": PLACES})
    assert (imported.problems, imported.skipped) == ([], []), (imported.problems, imported.skipped)
    return imported.definition
