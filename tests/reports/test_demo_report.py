"""The demo's quarterly report (sipas-2017, 1,500 simulated responses, the campaign closing in Q1
2027), as the Department of Home Affairs would receive it, in DOCX, PDF, XLSX and HTML: every
element of the report present, no English catalogue text, no decimal point in a number."""
import pytest

from survey import clock
from survey.campaigns.queries import campaign_by_slug
from survey.demo.operations import CAMPAIGN_SLUG
from survey.demo.simulated import simulate_responses
from tests.reports.test_formats import ENGLISH, docx_text, english_decimals, html_text, pdf_text, xlsx_text

ELEMENTS = ("Thông tin chung", "Phương pháp khảo sát", "Thời gian khảo sát", "Kênh thu thập", "Chỉ tiêu",
            "Số hồ sơ N_h", "Đạt chỉ tiêu", "Bị sàng lọc", "Sai số tối đa", "Hệ số thiết kế", "Gia quyền theo thiết kế",
            "Chỉ số và các yếu tố", "Điểm PAR INDEX", "Xếp hạng: Sở, ban, ngành", "Xếp hạng: Xã, phường, thị trấn",
            "Thay đổi thứ hạng", "Hạng kỳ trước", "Kết quả theo cấp chính quyền", "Kết quả theo lĩnh vực thủ tục",
            "Mức độ hài lòng theo năm mức", "Không hài lòng (mức 1–2)", "Thông tin người trả lời", "Giới tính",
            "Độ tuổi", "Trình độ học vấn", "Nghề nghiệp", "Cá nhân, hộ gia đình",
            "Mong đợi của người dân, tổ chức", "Ý kiến khác", "ý kiến ghi thêm", "flask report comments",
            "Phụ lục: kết quả từng đơn vị", "Bảng 1.", "Biểu đồ 1.")


@pytest.fixture
def demo(cli, session):
    assert cli("demo", "load").exit_code == 0
    simulate_responses(session, campaign_by_slug(session, CAMPAIGN_SLUG), 1500, clock.today())
    session.commit()


def test_the_demos_quarterly_report_in_every_format(cli, demo, tmp_path):
    for file_format, read in (("docx", lambda p: docx_text(p)[0]), ("pdf", pdf_text), ("xlsx", xlsx_text),
                              ("html", html_text)):
        out = tmp_path / f"demo.{file_format}"
        result = cli("report", "quarterly", "--year", "2027", "--quarter", "1", "--format", file_format,
                     "--out", str(out))
        assert result.exit_code == 0, result.output
        text = " ".join(read(out).split())
        # The workbook's first sheet and the page's first lines give the summary untitled; the workbook has no charts.
        expected = [e for e in ELEMENTS if not (file_format in ("xlsx", "html") and e == "Thông tin chung")
                    and not (file_format == "xlsx" and e == "Biểu đồ 1.")]
        assert not [e for e in expected if e not in text], (file_format, [e for e in expected if e not in text])
        assert not [e for e in ENGLISH if e in text], (file_format, [e for e in ENGLISH if e in text])
        assert not english_decimals(text), (file_format, english_decimals(text)[:10])
