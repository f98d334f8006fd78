"""The report ready to send: every format (XLSX, HTML, DOCX, PDF) carries every section, in the
reader's language (no English under vi, Vietnamese numbers: 67,9 and 1.500, never 67.9)."""
import re

import docx
import openpyxl
import pypdf
import pytest

from survey.reports.messages import MESSAGES
from survey.reports.numbers import decimal, p_value, percent
from survey.reports.sections_ranking import rank_change
from survey.reports.words import MORE

SECTIONS_VI = ("Phương pháp khảo sát", "Chỉ số và các yếu tố", "Xếp hạng các đơn vị theo chỉ số chung",
               "Xếp hạng: Huyện, thị xã, thành phố", "Xếp hạng: Sở, ban, ngành", "Mức độ hài lòng theo năm mức",
               "Kết quả theo lĩnh vực thủ tục", "Kết quả theo cấp chính quyền", "Thông tin người trả lời",
               "Mong đợi của người dân, tổ chức", "Ý kiến khác", "Phụ lục: kết quả từng đơn vị",
               "Đạt chỉ tiêu", "Bị sàng lọc", "Sai số tối đa", "Hệ số thiết kế", "Điểm PAR INDEX",
               "Không hài lòng (mức 1–2)", "Giới tính", "Thay đổi thứ hạng", "Thời gian khảo sát")
ENGLISH = sorted({en for _, en in (*MESSAGES.values(), *MORE.values()) if len(en) > 12 and " " in en
                  and not any(vi == en for vi, _ in (*MESSAGES.values(), *MORE.values()))})
DECIMAL_POINT = re.compile(r"(?<![\w.])\d+\.\d+(?![\w.])")
"""An English decimal such as 67.9 (a Vietnamese thousands group 1.500 has three digits after the point)."""


def english_decimals(text: str) -> list[str]:
    return [m for m in DECIMAL_POINT.findall(text) if not re.fullmatch(r"\d{1,3}(\.\d{3})+", m)]


def test_numbers_in_the_readers_language():
    assert decimal(67.94, 1, "vi") == "67,9" and decimal(67.94, 1, "en") == "67.9"
    assert decimal(1500, 0, "vi") == "1.500" and decimal(1500.25, 1, "en") == "1,500.2"
    assert p_value(0.0004, "vi") == "p < 0,001" and p_value(0.0234, "vi") == "p = 0,023"
    assert percent(0.679, "vi") == "67,9 %" and decimal(None) == "–"


def test_rank_change_in_words():
    assert rank_change(2, 5, "vi") == "tăng 3 bậc" and rank_change(4, 1, "en") == "down 3 places"
    assert rank_change(1, 1, "vi") == "giữ nguyên" and rank_change(1, None, "vi") == "–"


def written(cli, tmp_path, file_format, language="vi", unit=()):
    out = tmp_path / f"q3-{language}.{file_format}"
    result = cli("report", "quarterly", "--year", "2026", "--quarter", "3", *unit, "--recipe", "sipas-local",
                 "--format", file_format, "--language", language, "--out", str(out))
    assert result.exit_code == 0, result.output
    return out


def docx_text(path) -> tuple[str, list]:
    word = docx.Document(str(path))
    styles = [p.style.name for p in word.paragraphs]
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    assert "Title" in styles and "Heading 1" in styles and "Caption" in styles
    assert word.tables and all(t.style.name == "Light Grid Accent 1" for t in word.tables)
    return "\n".join([p.text for p in word.paragraphs] + cells), word.inline_shapes


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages)


def xlsx_text(path) -> str:
    book = openpyxl.load_workbook(path)
    sheets = {"method", "ranking_by_level", "distribution", "profile", "expectations", "comments", "annex"}
    assert sheets <= set(book.sheetnames)
    return "\n".join(str(v) for sheet in book for row in sheet.iter_rows(values_only=True) for v in row
                     if isinstance(v, str))


def html_text(path) -> str:
    page = path.read_text(encoding="utf-8")
    assert page.count("data:image/svg+xml;base64,") >= 3
    return re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", page, flags=re.S))


@pytest.mark.parametrize("file_format", ["docx", "pdf", "xlsx", "html"])
def test_every_format_carries_every_section_in_vietnamese(cli, quarters, tmp_path, file_format):
    path = written(cli, tmp_path, file_format)
    if file_format == "docx":
        text, pictures = docx_text(path)
        assert len(pictures) >= 3  # the elements' chart and a ranking chart per level
    else:
        text = {"pdf": pdf_text, "xlsx": xlsx_text, "html": html_text}[file_format](path)
    text = " ".join(text.split())
    missing = [title for title in SECTIONS_VI if title not in text]
    assert not missing, missing
    assert "tăng" in text or "giảm" in text or "giữ nguyên" in text
    assert not [e for e in ENGLISH if e in text], [e for e in ENGLISH if e in text]
    assert "too_short" not in text and "straight_lining" not in text
    assert not english_decimals(text), english_decimals(text)[:10]


def test_the_english_report_and_a_units_own_report(cli, quarters, tmp_path):
    text, _ = docx_text(written(cli, tmp_path, "docx", "en"))
    assert "Ranking: Districts, towns and cities" in text and "Respondent profile" in text
    assert "Phương pháp" not in text and re.search(r"\d+\.\d", text)
    own, _ = docx_text(written(cli, tmp_path, "docx", "vi", ("--unit", "AG-CD")))
    assert "Xếp hạng 1 trên 3 đơn vị (Huyện, thị xã, thành phố)" in own, own[:2000]
    assert "Phụ lục: kết quả từng đơn vị" not in own


def test_the_report_page_offers_word_and_pdf(app, make_user, quarters):
    import io

    from tests.analyst.conftest import signed_in

    browser = signed_in(app, make_user, "analyst")
    query = "kind=quarterly&year=2026&quarter=3&unit=&recipe=sipas-local&weighting=design"
    assert browser.get(f"/phan-tich/bao-cao/xem?{query}").status_code == 200
    assert "Xếp hạng: Sở, ban, ngành" in browser.text() and "<style" not in browser.html
    word = browser.client.get(f"/phan-tich/bao-cao/bao-cao.docx?{query}")
    assert word.status_code == 200 and "bao-cao-2026-q3-toan-tinh.docx" in word.headers["Content-Disposition"]
    assert "Phương pháp khảo sát" in "\n".join(p.text for p in docx.Document(io.BytesIO(word.data)).paragraphs)
    pdf = browser.client.get(f"/phan-tich/bao-cao/bao-cao.pdf?{query}")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    assert browser.client.get("/phan-tich/bao-cao/bao-cao.pdf?kind=monthly&year=2026").status_code == 400
