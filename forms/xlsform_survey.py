"""Walking the survey sheet: groups become sections, rows become questions.

What we cannot represent is skipped and noted, never fatal: types we do not have, repeats
(with everything inside), ``or_other``, expressions we cannot translate (the expression
is dropped, the question kept), expressions reading a skipped question. A group inside a
group cannot be a page of its own: its questions join the enclosing section, and its
``relevant`` joins theirs. Questions outside any group form sections of their own, titled
like the form.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .loader import Path
from .metadata import METADATA_KINDS
from .piping import REFERENCE, references
from .types import QUESTION_TYPES
from .xlsform_attachments import EXTERNAL, FROM_FILE, external_type
from .xlsform_document import Cell, Draft, cell_of, note_ignored, value
from .xlsform_expressions import Unsupported, from_xlsform
from .xlsform_extras import metadata_row, put_options, specify_other
from .xlsform_names import Keys, list_key
from .xlsform_repeats import all_of, begin_repeat, end_repeat
from .xlsform_sheets import Row, Sheet
from .xlsform_spellings import canonical_type
from .xlsform_unused import drop_unused

SURVEY_FIELDS = frozenset({"type", "name", "label", "hint", "required", "relevant",
                           "constraint", "constraint_message", "sipas_type", "sipas_levels", "appearance", "parameters",
                           "calculation", "choice_filter", "repeat_count", "sipas_repeat_max"})
"""The survey columns we read; ``sipas_type`` / ``sipas_levels`` carry our own types."""
XLSFORM_TYPES = frozenset({"integer", "decimal", "text", "date", "note",
                           "geopoint", "range", "rank", "acknowledge", "trigger", "calculate"})
_SELECTS = ("select_one", "select_multiple")
_TRUE = frozenset({"yes", "true", "true()", "1"})
_FALSE = frozenset({"no", "false", "false()", "0"})
_BEGIN_GROUP, _END_GROUP = ("begin group", "begin_group"), ("end group", "end_group")
_BEGIN_REPEAT, _END_REPEAT = ("begin repeat", "begin_repeat"), ("end repeat", "end_repeat")


@dataclass
class _Group:
    name: str | None
    row: int
    relevant: str | None  # ours, already translated
    repeat: bool = False  # a repeat section (forms.xlsform_repeats)


@dataclass
class _Repeat:
    name: str | None
    row: int
    depth: int = 1
    questions: int = 0


@dataclass
class SurveyWalk:
    """The state of one pass over the survey sheet."""

    draft: Draft
    sheet: Sheet
    title: dict[str, str] | None
    sections: list[dict[str, Any]] = field(default_factory=list)
    groups: list[_Group] = field(default_factory=list)
    repeat: _Repeat | None = None
    skipped_names: set[str] = field(default_factory=set)
    loose: dict[str, Any] | None = None
    """The open section of questions outside any group."""
    carrier_lists: set[str] = field(default_factory=set)
    """Lists named in the type of questions of our own types (written by write_xlsform)."""
    metadata: dict[str, str] = field(default_factory=dict)
    """The metadata rows read, name -> kind (``forms.metadata``)."""
    other_lists: dict[str, str] = field(default_factory=dict)
    attachments: Mapping[str, bytes] = field(default_factory=dict)
    """The files uploaded beside the workbook, by name (``forms.xlsform_attachments``)."""
    file_lists: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """Choice lists read from those files, by list name."""
    """Lists of ``or_other`` selects -> the copy with the choice ``other`` (forms.xlsform_extras)."""
    keys: Keys = field(default_factory=Keys)
    """The key of every named row (``forms.xlsform_names``), given before the walk."""

    def unused_carriers(self) -> set[str]:
        """Carrier lists no imported question uses: not part of the definition."""
        used = {q.get("choices") for s in self.sections for q in s["questions"]}
        return self.carrier_lists - used

    def run(self) -> list[dict[str, Any]]:
        self.give_keys()
        for row in self.sheet.rows:
            self.row(row)
        for group in self.groups:
            self.draft.notice("unclosed_group", Cell("survey", group.row, "type"), group.name,
                              fatal=True, kind="repeat" if group.repeat else "group")
        if self.repeat is not None:
            self.draft.notice("unclosed_group", Cell("survey", self.repeat.row, "type"),
                              self.repeat.name, fatal=True, kind="repeat")
        self.drop_empty_sections()
        return self.sections

    def kind(self, row: Row) -> str:
        """The row's type in its canonical spelling (``forms.xlsform_spellings``)."""
        return canonical_type(" ".join((value(self.sheet, row, "type") or "").split()))

    def give_keys(self) -> None:
        """Give each named row its key in sheet order, within the group it is written in
        (the row of its begin group); note every name changed and why."""
        groups = [0]
        for row in self.sheet.rows:
            word = self.kind(row).lower()
            if word in (*_END_GROUP, *_END_REPEAT):
                groups = groups[:-1] or [0]
                continue
            self.give_key(row, word, groups[-1])
            if word in (*_BEGIN_GROUP, *_BEGIN_REPEAT):
                groups.append(row.number)

    def give_key(self, row: Row, word: str, group: int) -> None:
        name = value(self.sheet, row, "name")
        if name is None and word == "note":  # pyxform names it too
            name = f"note_{row.number}"
            self.draft.notice("unnamed_note", cell_of(self.sheet, row, "name"), name)
        if name is None:
            return
        key, reason = self.keys.give(row.number, name, group)
        if reason is not None:
            self.draft.notice("renamed", cell_of(self.sheet, row, "name"), name, key=key,
                              reason=reason)

    def name(self, row: Row) -> str | None:
        """The row's key (None when it has no name)."""
        return self.keys.at_row.get(row.number)

    def drop_empty_sections(self) -> None:
        """A group left with no question (all skipped, or none written) is no page."""
        kept = [i for i, section in enumerate(self.sections) if section["questions"]]
        for index in sorted(set(range(len(self.sections))) - set(kept)):
            self.draft.notice("empty_group", self.draft.cells[("sections", index)],
                              self.sections[index].get("name"))
        moved: dict[Path, Path] = {("sections", old): ("sections", new) for new, old in enumerate(kept)}
        self.draft.cells = {moved.get(path[:2], path[:2]) + path[2:]: cell
                            for path, cell in self.draft.cells.items()
                            if path[:1] != ("sections",) or path[:2] in moved}
        self.sections = [self.sections[i] for i in kept]

    def row(self, row: Row) -> None:
        kind = self.kind(row)
        word = kind.lower()
        if not kind:
            self.draft.notice("untyped_row", Cell("survey", row.number, "type"),
                              ", ".join(row.cells.values()))
        elif self.repeat is not None:
            self.in_repeat(row, word)
        elif word in _BEGIN_GROUP:
            self.begin_group(row)
        elif word in _END_GROUP:
            self.end_group(row)
        elif word in _BEGIN_REPEAT:
            self.begin_repeat(row)
        elif word in _END_REPEAT:
            if not end_repeat(self, row):
                self.draft.notice("unmatched_end", cell_of(self.sheet, row, "type"), kind, fatal=True)
        else:
            self.question(row, kind)

    # --- groups and repeats ---

    def begin_repeat(self, row: Row) -> None:
        """A repeat section (``forms.xlsform_repeats``), or skipped whole when it cannot be one."""
        if begin_repeat(self, row):
            self.groups.append(_Group(self.name(row), row.number, None, repeat=True))
            return
        self.repeat = _Repeat(self.name(row), row.number)
        self.skipped_names.add(self.repeat.name or "")

    def begin_group(self, row: Row) -> None:
        name = self.name(row)
        if not self.groups:
            self.loose = None
            self.new_section(row, name)
        else:
            self.draft.notice("nested_group", cell_of(self.sheet, row, "type"), name,
                              outer=self.sections[-1].get("name"))
        relevant = self.expression(row, "relevant") if self.groups else None
        self.groups.append(_Group(name, row.number, relevant))

    def end_group(self, row: Row) -> None:
        if not self.groups or self.groups[-1].repeat:
            self.draft.notice("unmatched_end", cell_of(self.sheet, row, "type"),
                              value(self.sheet, row, "type"), fatal=True)
        else:
            self.groups.pop()

    def in_repeat(self, row: Row, word: str) -> None:
        repeat = self.repeat
        assert repeat is not None
        if word in _BEGIN_REPEAT or word in _END_REPEAT:
            repeat.depth += 1 if word in _BEGIN_REPEAT else -1
        elif word not in _BEGIN_GROUP and word not in _END_GROUP:
            repeat.questions += 1
            self.skipped_names.add(self.name(row) or "")
        if repeat.depth == 0:
            self.draft.notice("unsupported_repeat", Cell("survey", repeat.row, "type"),
                              repeat.name, count=repeat.questions, end=row.number)
            self.repeat = None

    def new_section(self, row: Row, name: str | None) -> dict[str, Any]:
        path: Path = ("sections", len(self.sections))
        section: dict[str, Any] = {}
        self.draft.cells[path] = Cell("survey", row.number)
        self.draft.put(section, "name", name, cell_of(self.sheet, row, "name"), path)
        self.put_xlsform_name(section, row, path)
        self.draft.put(section, "title", self.label(row, (*path, "title")),
                       cell_of(self.sheet, row, "label"), path)
        self.draft.put(section, "description", self.draft.texts(
            self.sheet, row, "hint", (*path, "description")), cell_of(self.sheet, row, "hint"),
            path)
        self.draft.put(section, "relevant", self.expression(row, "relevant"),
                       cell_of(self.sheet, row, "relevant"), path)
        self.draft.put(section, "appearance", value(self.sheet, row, "appearance"),
                       cell_of(self.sheet, row, "appearance"), path)
        section["questions"] = []
        self.draft.cells[(*path, "questions")] = Cell("survey", row.number)
        self.sections.append(section)
        note_ignored(self.draft, self.sheet, row, SURVEY_FIELDS)
        return section

    def loose_section(self, row: Row) -> dict[str, Any]:
        """The section for questions outside any group, opened at the first of them."""
        if self.loose is None:
            taken = set(self.keys.first_row) | {s.get("name") for s in self.sections}
            name = next(n for n in (f"main_{i}" if i else "main" for i in range(len(taken) + 1))
                        if n not in taken)
            self.loose = self.new_section(Row(row.number), name)
            self.loose["title"] = dict(self.title or {})
            self.draft.cells[("sections", len(self.sections) - 1, "title")] = Cell(
                "settings", 2, "form_title")
        return self.loose

    # --- questions ---

    def question(self, row: Row, kind: str) -> None:
        name = self.name(row)
        base, list_name, extra = _split_type(kind)
        if base in FROM_FILE or base == EXTERNAL:
            kind = external_type(self, row, base, kind.split()) or ""
            if not kind:
                self.skipped_names.add(name or "")
                return
            base, list_name, extra = _split_type(kind)
        if base in METADATA_KINDS:
            metadata_row(self, row, base, name)
            return
        if base in _KNOWN_ELSEWHERE:
            self.draft.notice("unsupported_type", cell_of(self.sheet, row, "type"), base)
            self.skipped_names.add(name or "")
            return
        other = extra == ["or_other"]
        extra = [] if other else extra
        drop_unused(self, row, base)
        if self.uncomputable(row, base):
            self.skipped_names.add(name or "")
            return
        section = self.loose_section(row) if not self.groups else self.sections[-1]
        index = len(self.sections) - 1
        path: Path = ("sections", index, "questions", len(section["questions"]))
        section["questions"].append(self.question_document(row, path, kind, base, list_name,
                                                           extra))
        if other:
            specify_other(self, section["questions"], path)
        note_ignored(self.draft, self.sheet, row, SURVEY_FIELDS)

    def question_document(self, row: Row, path: Path, kind: str, base: str,
                          list_name: str | None, extra: list[str]) -> dict[str, Any]:
        draft, sheet = self.draft, self.sheet
        question: dict[str, Any] = {}
        draft.cells[path] = Cell("survey", row.number)
        draft.put(question, "name", self.name(row), cell_of(sheet, row, "name"), path)
        self.put_xlsform_name(question, row, path)
        # "integer x" is reported whole; of "selct_one x" only the misspelt type.
        written = kind if extra and base in QUESTION_TYPES else base
        self.put_type(question, row, path, written, list_name)
        for key in ("label", "hint"):
            texts = self.label(row, (*path, key), base != "calculate") if key == "label" else draft.texts(
                sheet, row, key, (*path, key))
            draft.put(question, key, texts, cell_of(sheet, row, key), path)
            self.note_piping(texts, (*path, key))
        draft.put(question, "required", self.required(row), cell_of(sheet, row, "required"),
                  path)
        relevant = all_of([g.relevant for g in self.groups[1:]] +
                           [self.expression(row, "relevant")])
        draft.put(question, "relevant", relevant, cell_of(sheet, row, "relevant"), path)
        self.put_constraint(question, row, path)
        put_options(self, question, row, path, question.get("type"))
        for key in ("calculation", "choice_filter"):
            draft.put(question, key, self.expression(row, key), cell_of(sheet, row, key), path)
        levels = value(sheet, row, "sipas_levels")
        draft.put(question, "levels", levels.split() if levels else None,
                  cell_of(sheet, row, "sipas_levels"), path)
        return question

    def put_xlsform_name(self, target: dict[str, Any], row: Row, path: Path) -> None:
        """Keep the name as written when its key differs, for export back to XLSForm."""
        written = value(self.sheet, row, "name")
        if written is not None and written != self.name(row):
            self.draft.put(target, "xlsform_name", written, cell_of(self.sheet, row, "name"),
                           path)

    def label(self, row: Row, path: Path, shown: bool = True) -> dict[str, str] | None:
        """The row's label; without one (pyxform takes it) its XLSForm name, noted when the label
        is ``shown`` (a calculate's never is: XLSForm gives it none)."""
        texts = self.draft.texts(self.sheet, row, "label", path)
        written = value(self.sheet, row, "name")
        if texts is not None or written is None:
            return texts
        if shown:
            self.draft.notice("missing_label", cell_of(self.sheet, row, "label"), written)
        return dict.fromkeys(self.draft.languages, written)

    def note_piping(self, texts: dict[str, str] | None, path: Path) -> None:
        """``${q}`` shows q's answer (forms.piping), unless q is left out or is metadata,
        which the person never sees: then it is written as its bare name (noted). ``${name}``
        reads the key the name was given, as in expressions."""
        for language, text in (texts or {}).items():
            text = texts[language] = self.keys.rewrite(text)  # type: ignore[index]
            gone = [name for name in references(text)
                    if name in self.skipped_names or name in self.metadata]
            if gone:
                self.draft.notice("label_reference", self.draft.cells[(*path, language)], text)
                texts[language] = REFERENCE.sub(  # type: ignore[index]
                    lambda m: m.group(1) if m.group(1) in gone else m.group(), text)  # noqa: B023 (re.sub calls it at once)

    def uncomputable(self, row: Row, base: str) -> bool:
        """A calculate whose calculation cannot be translated (noted): left out."""
        written = value(self.sheet, row, "calculation")
        return base == "calculate" and written is not None and self.expression(
            row, "calculation") is None

    def put_type(self, question: dict[str, Any], row: Row, path: Path, kind: str,
                 list_name: str | None) -> None:
        ours = value(self.sheet, row, "sipas_type")
        if ours is not None:
            self.carrier_lists.add(list_name or "")
            self.draft.put(question, "type", ours, cell_of(self.sheet, row, "sipas_type"), path)
            return
        self.draft.put(question, "type", kind or None, cell_of(self.sheet, row, "type"), path)
        self.draft.put(question, "choices", list_key(list_name) if list_name else None,
                       cell_of(self.sheet, row, "type"), path)

    def put_constraint(self, question: dict[str, Any], row: Row, path: Path) -> None:
        constraint = self.expression(row, "constraint")
        self.draft.put(question, "constraint", constraint,
                       cell_of(self.sheet, row, "constraint"), path)
        message = self.draft.texts(self.sheet, row, "constraint_message",
                                   (*path, "constraint_message"))
        dropped = constraint is None and value(self.sheet, row, "constraint") is not None
        if message is not None and value(self.sheet, row, "constraint") is None:
            self.draft.notice("lone_constraint_message",
                              cell_of(self.sheet, row, "constraint_message"),
                              next(iter(message.values())))
            dropped = True
        self.draft.put(question, "constraint_message", None if dropped else message,
                       cell_of(self.sheet, row, "constraint_message"), path)

    def required(self, row: Row) -> Any:
        written = value(self.sheet, row, "required")
        if written is None or written.lower() in _FALSE:
            return None
        if written.lower() in _TRUE:
            return True
        if "${" in written:
            self.draft.notice("unsupported_required", cell_of(self.sheet, row, "required"),
                              written)
            return None
        return written  # reported by validation: "expected true or false"

    def expression(self, row: Row, key: str) -> str | None:
        """The translated expression in column ``key``; None (noted) if it cannot be kept."""
        written = value(self.sheet, row, key)
        if written is None:
            return None
        cell = cell_of(self.sheet, row, key)
        own = value(self.sheet, row, "name") if key == "constraint" else None
        try:
            ours, names = from_xlsform(self.keys.rewrite(written, own),
                                       columns=key == "choice_filter")
        except Unsupported as reason:
            self.draft.notice("unsupported_expression", cell, written, field=key,
                              detail=str(reason))
            return None
        gone = sorted(names & self.skipped_names)
        if gone:
            self.draft.notice("skipped_reference", cell, written, field=key, name=gone[0])
            return None
        return ours


def _split_type(kind: str) -> tuple[str, str | None, list[str]]:
    """``'select_one fruit or_other'`` -> ``('select_one', 'fruit', ['or_other'])``."""
    parts = kind.split()
    if not parts:
        return "", None, []
    base = parts[0].lower() if parts[0].lower() in _LOWER_CASE else parts[0]
    if base in (*_SELECTS, "rank"):
        return base, parts[1] if len(parts) > 1 else None, parts[2:]
    return base, None, parts[1:]


_KNOWN_ELSEWHERE = frozenset({
    "geotrace", "geoshape", "image", "audio", "video", "file", "barcode",
    "datetime", "time", "hidden",
    "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber",
    "username", "email", "audit", "background-audio", "background-geopoint",
    "start-geopoint", "xml-external", "csv-external", "select_one_from_file",
    "select_multiple_from_file", "begin_list", "end_list", "select_one_external",
})
"""XLSForm types we do not support: skipped. Any other unknown type is a problem."""
_LOWER_CASE = XLSFORM_TYPES | set(_SELECTS) | _KNOWN_ELSEWHERE | set(QUESTION_TYPES)
"""Types read whatever their case (``Integer``); others are kept as written."""
