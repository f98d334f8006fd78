"""A report as a document: sections of paragraphs, tables and charts whose texts and figures are
already written in the reader's language. The DOCX, PDF and HTML renderings (and the XLSX
workbook's extra sheets) draw the same document, so every format carries the same content."""
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Table:
    caption: str
    headers: list[str]
    rows: list[list[str]]
    note: str = ""


@dataclass(frozen=True)
class Chart:
    caption: str
    svg: bytes
    """The chart for the web page (text stays text)."""
    png: bytes
    """The same chart for Word and PDF."""


Block = str | Table | Chart


@dataclass
class Section:
    key: str
    """A stable name (the XLSX sheet, the HTML anchor, tests): never shown."""
    title: str
    blocks: Sequence[Block] = field(default_factory=list)
    level: int = 1


@dataclass
class Document:
    title: str
    subtitle: str
    sections: list[Section]

    def tables(self) -> list[Table]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Table)]
