"""Evidence files: what a file is, told by its first bytes (the browser's content type and the
file's name are the sender's say), and whether the service takes it.

The accepted types and the size limit are settings (PAR_EVIDENCE_TYPES, PAR_EVIDENCE_MAX_MB in
survey.config); `EvidenceRules.of(config)` reads them once per request.
"""
import hashlib
import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from survey.errors import InvalidInput
from survey.par_index.messages import CATALOGUE

PDF, PNG, JPEG = "application/pdf", "image/png", "image/jpeg"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SIGNATURES = ((b"%PDF-", PDF), (b"\x89PNG\r\n\x1a\n", PNG), (b"\xff\xd8\xff", JPEG))
OFFICE_PARTS = (("word/document.xml", DOCX), ("xl/workbook.xml", XLSX))
"""A DOCX or XLSX file is a ZIP archive holding this part."""
NAMES = {PDF: "PDF", PNG: "PNG", JPEG: "JPEG", DOCX: "DOCX", XLSX: "XLSX"}


@dataclass(frozen=True)
class EvidenceRules:
    """The types taken (content types) and the largest file, in megabytes."""

    types: tuple[str, ...]
    max_megabytes: int

    @classmethod
    def of(cls, config: Mapping[str, Any]) -> "EvidenceRules":
        return cls(tuple(config["PAR_EVIDENCE_TYPES"]), int(config["PAR_EVIDENCE_MAX_MB"]))

    def names(self) -> str:
        """The accepted types as people know them (PDF, JPEG, ...)."""
        return ", ".join(NAMES.get(kind, kind) for kind in self.types)


@dataclass(frozen=True)
class CheckedFile:
    """A file the rules took: its base name, sniffed type, bytes and sha256."""

    filename: str
    content_type: str
    data: bytes
    sha256: str


def sniffed(data: bytes) -> str | None:
    """The content type the bytes begin with, None when they are none the service knows."""
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            return kind
    if data.startswith(b"PK\x03\x04"):
        return _office_type(data)
    return None


def _office_type(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError):
        return None
    return next((kind for part, kind in OFFICE_PARTS if part in names), None)


def checked_file(filename: str, data: bytes, rules: EvidenceRules, field: str) -> CheckedFile:
    """The file if the rules take it; InvalidInput keyed to `field` when it is empty, too large or of
    a type not taken (by its content, whatever its name says)."""
    name = PurePath(filename.replace("\\", "/")).name[:200] or "evidence"
    if not data:
        raise InvalidInput(CATALOGUE.problem("par_evidence_empty", field))
    if len(data) > rules.max_megabytes * 1024 * 1024:
        raise InvalidInput(CATALOGUE.problem("par_evidence_too_large", field, size=rules.max_megabytes))
    kind = sniffed(data)
    if kind is None or kind not in rules.types:
        raise InvalidInput(CATALOGUE.problem("par_evidence_type", field, name=name, types=rules.names()))
    return CheckedFile(name, kind, data, hashlib.sha256(data).hexdigest())
