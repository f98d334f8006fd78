"""CSV and text files going in and out of the unit, campaign and invitation pages (and the cap on
the body of every upload, the questionnaire's too).

An upload is refused outright (a keyed problem on the file's field, and an HTTP status) when it cannot
be a table of text at all: no file, empty, larger than the limit, another extension, binary, not UTF-8. Its rows
are then checked by the domain operation, which names the row of every problem. A download is
UTF-8 with a byte-order mark (Excel opens it with the diacritics intact) and text that a
spreadsheet would take for a formula gets a leading quote (survey/exports/formulas.py)."""
import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from flask import Blueprint, request
from werkzeug.datastructures import FileStorage

from survey.admin.messages import CATALOGUE
from survey.errors import InvalidInput
from survey.exports.formulas import neutralised

MAX_MEGABYTES = 1
MAX_BYTES = MAX_MEGABYTES * 1024 * 1024
"""A province's 1,000 units or 20,000 dossier codes fit in well under 1 MB."""
ALLOWANCE = 64 * 1024
"""What the form's other fields (a pasted list, the per-unit table) may add to the request body."""
SUFFIXES = (".csv", ".txt")


class Refused(InvalidInput):
    """An upload that cannot be what the page takes: one keyed problem on the file's `field` (`key` and
    `params` kept for the pages that word it themselves), `status` the HTTP status."""

    def __init__(self, key: str, status: int = 400, field: str | None = None, **params: object):
        super().__init__(CATALOGUE.problem(key, field, **params))
        self.key, self.status, self.params = key, status, params


LIMITS: dict[str, int] = {}
"""The largest request body of each upload endpoint (the questionnaire upload adds its own)."""


def limit_uploads(blueprint: Blueprint, endpoints: Iterable[str], max_body: int = MAX_BYTES + ALLOWANCE) -> None:
    """Refuse a body larger than `max_body` posted to `endpoints` with 413 before anything (the CSRF check
    first of all) reads it; one hook serves every upload endpoint."""
    LIMITS.update(dict.fromkeys(endpoints, max_body))
    blueprint.record_once(install)


def install(state) -> None:
    hooks = state.app.before_request_funcs.setdefault(None, [])
    if cap_body not in hooks:
        hooks.insert(0, cap_body)


def cap_body() -> None:
    if request.method == "POST" and request.endpoint in LIMITS:
        request.max_content_length = LIMITS[request.endpoint]


def uploaded(name: str) -> FileStorage | None:
    """The form's file field `name`, None when no file was chosen."""
    file = request.files.get(name)
    return file if file is not None and file.filename else None


@dataclass(frozen=True)
class Accepted:
    """What an upload field takes (extensions, size) and the message keys of its three refusals."""

    suffixes: tuple[str, ...]
    max_megabytes: int
    wrong_extension: str
    too_large: str
    empty: str


TABLE = Accepted(SUFFIXES, MAX_MEGABYTES, "file_wrong_extension", "file_too_large", "file_empty")


def read_bytes(file: FileStorage, accepted: Accepted) -> tuple[str, bytes]:
    """The file's base name and its bytes; Refused (on the file's form field) for another extension, too
    large or empty. Reads at most one byte past the limit, whatever the file's size."""
    name = PurePath((file.filename or "").replace("\\", "/")).name[:200]
    if PurePath(name).suffix.lower() not in accepted.suffixes:
        raise Refused(accepted.wrong_extension, field=file.name, name=name)
    limit = accepted.max_megabytes * 1024 * 1024
    data = file.read(limit + 1)
    if len(data) > limit:
        raise Refused(accepted.too_large, 413, field=file.name, size=accepted.max_megabytes)
    if not data.strip():
        raise Refused(accepted.empty, field=file.name, name=name)
    return name, data


def read_text(file: FileStorage) -> str:
    """The text of an uploaded .csv or .txt file; Refused when it cannot be one."""
    name, data = read_bytes(file, TABLE)
    if b"\0" in data:
        raise Refused("file_binary", field=file.name, name=name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Refused("file_not_utf8", field=file.name, name=name) from None


def csv_bytes(header: list[str], rows: Sequence[Sequence[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([neutralised(cell) for cell in row] for row in rows)
    return out.getvalue().encode("utf-8-sig")
