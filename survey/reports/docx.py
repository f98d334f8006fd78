"""A report as a Word document (python-docx): the title and headings in Word's own Title and
Heading styles, every table in a table style with its caption in the Caption style above it,
charts as pictures captioned below. A4 landscape: the sample and ranking tables are wide."""
import io
from pathlib import Path
from typing import BinaryIO

import docx
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt

from survey.reports.document import Chart, Document, Table

TABLE_STYLE = "Light Grid Accent 1"


def write_docx(document: Document, target: Path | BinaryIO) -> None:
    word = docx.Document()
    _page(word)
    word.add_heading(document.title, level=0)
    word.add_paragraph(document.subtitle, style="Subtitle")
    for section in document.sections:
        word.add_heading(section.title, level=section.level)
        for block in section.blocks:
            _block(word, block)
    word.save(str(target) if isinstance(target, Path) else target)


def _page(word) -> None:
    page = word.sections[0]
    page.orientation = WD_ORIENT.LANDSCAPE
    page.page_width, page.page_height = Cm(29.7), Cm(21)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(page, side, Cm(1.8))
    word.styles["Normal"].font.size = Pt(10)


def _block(word, block) -> None:
    if isinstance(block, Table):
        _table(word, block)
    elif isinstance(block, Chart):
        word.add_picture(io.BytesIO(block.png), width=Cm(20))
        word.add_paragraph(block.caption, style="Caption")
    else:
        word.add_paragraph(block)


def _table(word, table: Table) -> None:
    word.add_paragraph(table.caption, style="Caption")
    grid = word.add_table(rows=1, cols=len(table.headers), style=TABLE_STYLE)
    for cell, text in zip(grid.rows[0].cells, table.headers, strict=True):
        cell.text = text
    for values in table.rows:
        for cell, text in zip(grid.add_row().cells, values, strict=True):
            cell.text = text
    for row in grid.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(8)
    if table.note:
        word.add_paragraph(table.note)
