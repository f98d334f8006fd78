"""A report as a PDF for printing (reportlab's Platypus): headings, captioned tables that repeat
their header row across pages, charts as pictures, page numbers; A4 landscape. The font is the
DejaVu Sans that matplotlib ships (it covers Vietnamese), so nothing outside pip is needed."""
import functools
import io
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

import matplotlib
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Image, LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from survey.reports.document import Chart, Document, Table
from survey.reports.words import say

FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"


@functools.cache
def _styles() -> dict[str, ParagraphStyle]:
    fonts = Path(matplotlib.get_data_path(), "fonts", "ttf")
    pdfmetrics.registerFont(TTFont(FONT, str(fonts / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(fonts / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5, spaceAfter=4)
    return {"body": base, "cell": ParagraphStyle("cell", base, fontSize=7.5, leading=9, spaceAfter=0),
            "head": ParagraphStyle("head", base, fontName=BOLD, fontSize=7.5, leading=9, spaceAfter=0),
            "title": ParagraphStyle("title", base, fontName=BOLD, fontSize=18, leading=22, spaceAfter=6),
            "h1": ParagraphStyle("h1", base, fontName=BOLD, fontSize=13, leading=16, spaceBefore=10, spaceAfter=6,
                                 keepWithNext=1),
            "caption": ParagraphStyle("caption", base, fontName=BOLD, fontSize=8.5, spaceBefore=6, keepWithNext=1),
            "figure": ParagraphStyle("figure", base, fontName=BOLD, fontSize=8.5, spaceBefore=2)}


def write_pdf(document: Document, target: Path | BinaryIO, language: str) -> None:
    styles = _styles()
    story = [Paragraph(escape(document.title), styles["title"]), Paragraph(escape(document.subtitle), styles["body"])]
    for section in document.sections:
        story.append(Paragraph(escape(section.title), styles["h1"]))
        for block in section.blocks:
            story += _flowables(block, styles)
    page = functools.partial(_number, text=lambda n: say("page_of", language, page=n))
    pdf = SimpleDocTemplate(str(target) if isinstance(target, Path) else target, pagesize=landscape(A4),
                            leftMargin=1.5 * cm, rightMargin=1.5 * cm, topMargin=1.5 * cm, bottomMargin=1.5 * cm,
                            title=document.title, subject=document.subtitle)
    pdf.build(story, onFirstPage=page, onLaterPages=page)


def _flowables(block, styles) -> list:
    if isinstance(block, Table):
        return _table(block, styles)
    if isinstance(block, Chart):
        image = Image(io.BytesIO(block.png))
        scale = min(22 * cm / image.drawWidth, 16.5 * cm / image.drawHeight)
        image.drawWidth, image.drawHeight = image.drawWidth * scale, image.drawHeight * scale
        return [image, Paragraph(escape(block.caption), styles["figure"])]
    return [Paragraph(escape(block), styles["body"])]


def _table(table: Table, styles) -> list:
    head = [Paragraph(escape(h), styles["head"]) for h in table.headers]
    body = [[Paragraph(escape(v), styles["cell"]) for v in row] for row in table.rows]
    width = 26.7 * cm / (len(table.headers) + 1)  # the first column (names) twice as wide
    grid = LongTable([head, *body], colWidths=[2 * width] + [width] * (len(table.headers) - 1), repeatRows=1,
                     hAlign="LEFT")
    grid.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                              ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef7")),
                              ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    parts = [Paragraph(escape(table.caption), styles["caption"]), grid]
    return parts + ([Paragraph(escape(table.note), styles["body"])] if table.note else []) + [Spacer(1, 6)]


def _number(canvas, pdf, text) -> None:
    canvas.saveState()
    canvas.setFont(FONT, 8)
    canvas.drawRightString(pdf.pagesize[0] - 1.5 * cm, 0.8 * cm, text(canvas.getPageNumber()))
    canvas.restoreState()
