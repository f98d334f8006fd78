"""An uploaded definition file: refused outright when it cannot be a definition at all (no file,
empty, too large, wrong extension, not UTF-8, not a workbook, or too costly to read: YAML aliases
repeating too much, a workbook unpacking to far more than a questionnaire), else read and checked by
`forms.read_definition` (YAML or XLSForm), which lists every problem with its sheet, row,
column and code. Nothing here touches the database."""
from dataclasses import dataclass, field
from pathlib import PurePath

from werkzeug.datastructures import FileStorage

import forms
from forms.xlsform_bounds import MAX_UNPACKED_MEGABYTES
from survey.admin.files import Accepted, Refused, read_bytes

MAX_MEGABYTES = 2
MAX_BYTES = MAX_MEGABYTES * 1024 * 1024
"""The largest file accepted: the shipped SIPAS questionnaire is 30 KB as YAML, 17 KB as XLSForm."""
MULTIPART_ALLOWANCE = 16 * 1024
"""What the form's other fields and the multipart boundaries may add to the file in the request body."""
SUFFIXES = (".yaml", ".yml", ".xlsx", ".xls")
MAX_ATTACHMENTS = 20
"""CSV files of choices beside one workbook (select_one_from_file, itemsets.csv); all the files
together stay within MAX_BYTES, the request's own limit."""
UPLOAD_ENDPOINT = "admin.questionnaire_upload"
DEFINITION = Accepted(SUFFIXES, MAX_MEGABYTES, "qn_wrong_extension", "qn_too_large", "qn_empty_file")


UNREADABLE = {"not_utf8": "qn_not_utf8", "not_a_workbook": "qn_not_spreadsheet", "yaml_aliases": "qn_yaml_aliases",
              "workbook_too_large": "qn_workbook_too_large", "too_many_strings": "qn_too_many_strings",
              "too_many_cells": "qn_too_many_cells"}
"""Problem codes meaning the file is not text or not a workbook at all, or one too large to read (found before
it is parsed): said in plain words instead."""


@dataclass(frozen=True)
class Upload:
    """What a readable file holds: the definition, or every problem found in it; and for an
    XLSForm, what could not be imported and was left out (`skipped`)."""

    filename: str
    definition: forms.Definition | None
    problems: list[forms.ImportProblem] = field(default_factory=list)
    skipped: list[forms.ImportProblem] = field(default_factory=list)


def read_upload(file: FileStorage | None, attached: list[FileStorage] | None = None) -> Upload:
    """Read and check the uploaded file, with the CSV files of choices `attached` beside it;
    Refused when it cannot be a definition."""
    if file is None or not file.filename:
        raise Refused("qn_no_file")
    name, data = read_bytes(file, DEFINITION)
    imported = forms.read_definition(name, data, read_attachments(attached or [], MAX_BYTES - len(data)))
    unreadable = [UNREADABLE[p.code] for p in imported.problems if p.code in UNREADABLE]
    if unreadable:
        raise Refused(unreadable[0], name=name, megabytes=MAX_UNPACKED_MEGABYTES)
    return Upload(name, imported.definition, imported.problems, imported.skipped)


def read_attachments(files: list[FileStorage], room: int) -> dict[str, bytes]:
    """The chosen CSV files by name (the name the workbook's types give them); Refused for a file
    that is not .csv, too many files, or more bytes than the `room` the workbook left."""
    chosen = [file for file in files if file.filename]
    if len(chosen) > MAX_ATTACHMENTS:
        raise Refused("qn_too_many_attachments", most=MAX_ATTACHMENTS)
    found: dict[str, bytes] = {}
    for file in chosen:
        name = PurePath((file.filename or "").replace("\\", "/")).name[:200]
        if PurePath(name).suffix.lower() != ".csv":
            raise Refused("qn_attachment_not_csv", name=name)
        found[name] = file.read(room + 1)
        room -= len(found[name])
        if room < 0:
            raise Refused("qn_too_large", 413, size=MAX_MEGABYTES)
    return found
