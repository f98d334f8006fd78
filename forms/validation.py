"""Checking a raw definition document: a pipeline of small named steps.

Every step reads the shared ``Context`` and appends Problems; all steps always run, so
one pass reports every problem. A step looks only at the parts of the document that
have the expected shape (reporting other shapes is the job of the step that owns that
part), so any input - lists for mappings, numbers for text, None - is reported, never
crashes. The expression step lives in ``forms.expression_checks``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .builder import FORM_ATTRIBUTES
from .errors import Problem, make_problem, suggestion
from .expressions import KEYWORDS
from .loader import Path, format_path, row_of
from .types import QUESTION_TYPES

NAME = re.compile(r"[a-z][a-z0-9_]*")
MAX_NAME = 64
_FORM_ID = re.compile(r"[a-z0-9][a-z0-9_\-]{0,63}")
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
_CHOICE_VALUE = re.compile(r"[A-Za-z0-9_.\-]+")

TOP_FIELDS = (("form", "sections"), ("choices",))
FORM_FIELDS = (("id", "title", "languages"), ("description", "metadata"))
CHOICE_FIELDS = (("value", "label"), ("columns",))
SECTION_FIELDS = (("name", "title", "questions"),
                  ("description", "relevant", "appearance", "xlsform_name", "repeat", "repeat_count",
                   "repeat_max"))
QUESTION_FIELDS = (("name", "type", "label"), ("hint", "required", "relevant", "constraint",
                                              "constraint_message", "choices", "levels",
                                              "calculation", "choice_filter", "appearance",
                                              "parameters", "xlsform_name"))


@dataclass
class Item:
    """A section or a question whose entry is a mapping, in form order."""

    path: Path
    raw: dict[Any, Any]
    is_section: bool
    name: str | None = None  # set when the name is valid
    type: str | None = None  # questions: set when the type is known


@dataclass
class Context:
    """What the steps share: the input, the problems so far, and what they learnt."""

    raw: Any
    rows: dict[Path, int]
    problems: list[Problem] = field(default_factory=list)
    languages: tuple[str, ...] | None = None
    """The form's languages; None when unusable, which skips the translation checks."""
    choice_lists: dict[str, frozenset[str] | None] = field(default_factory=dict)
    """Choice list name -> its values; None when the list itself has problems."""
    items: list[Item] = field(default_factory=list)

    @property
    def document(self) -> dict[Any, Any]:
        return self.raw if isinstance(self.raw, dict) else {}

    def report(self, code: str, path: Path, value: Any = None, **params: Any) -> None:
        row = row_of(self.rows, path)
        self.problems.append(make_problem(code, format_path(path), row, value, **params))

    def where(self, path: Path) -> str:
        """'row 7, sections[0].name' - or only the path when rows are unknown."""
        row = row_of(self.rows, path)
        return format_path(path) if row is None else f"row {row}, {format_path(path)}"


Step = Callable[[Context], None]


# --- helpers shared by the steps ---------------------------------------------------


def describe(value: Any) -> str:
    """How a wrongly typed value is named in a message."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value[:40]!r}"
    names: dict[type, str] = {dict: "a mapping", list: "a list"}
    return names.get(type(value), type(value).__name__)


def expect(ctx: Context, path: Path, value: Any, kind: type | tuple[type, ...],
           expected: str) -> bool:
    """Whether ``value`` is a ``kind``; reports wrong_type if not."""
    # bool is an int to Python, but never what a number or text field means.
    if isinstance(value, kind) and (kind is bool or not isinstance(value, bool)):
        return True
    ctx.report("wrong_type", path, value, expected=expected, actual=describe(value))
    return False


def check_fields(ctx: Context, path: Path, mapping: dict[Any, Any],
                 fields: tuple[tuple[str, ...], tuple[str, ...]]) -> None:
    """Report required fields that are missing (or empty) and fields nobody knows."""
    required, optional = fields
    for name in required:
        if mapping.get(name) is None:
            ctx.report("missing_field", path, None, field=name)
    for key in mapping:
        if key not in required and key not in optional:
            ctx.report("unknown_field", (*path, str(key)), key,
                       suggestion=suggestion(key, required + optional))


def present(mapping: dict[Any, Any], key: str) -> bool:
    """Whether an optional field has a value (an empty ``key:`` counts as absent)."""
    return mapping.get(key) is not None


def check_name(ctx: Context, path: Path, value: Any, *, answer_key: bool = True) -> str | None:
    """Report an invalid name; return it when valid.

    Section and question names (``answer_key``) also become expression names and form
    attributes, so a few more words are taken.
    """
    if value is None or not expect(ctx, path, value, str, "a name"):
        return None
    reason = name_problem(value, answer_key)
    if reason is not None:
        ctx.report("invalid_name", path, value, reason=reason)
        return None
    return value


def name_problem(value: str, answer_key: bool) -> str | None:
    if not NAME.fullmatch(value):
        return "use lower-case letters, digits and '_', starting with a letter"
    if len(value) > MAX_NAME:
        return f"at most {MAX_NAME} characters"
    if not answer_key:
        return None
    if value in KEYWORDS:
        return "it is a word of the expression language"
    if value in FORM_ATTRIBUTES:
        return "the web form uses it for itself"
    return None


def check_label(ctx: Context, path: Path, value: Any) -> None:
    """A label: text per language (a plain string only in single-language forms)."""
    if value is None:
        return
    if isinstance(value, str):
        _check_plain_label(ctx, path, value)
    elif expect(ctx, path, value, dict, "text or a mapping language -> text"):
        _check_label_mapping(ctx, path, value)


def _check_plain_label(ctx: Context, path: Path, value: str) -> None:
    if not value.strip():
        ctx.report("empty_value", path, value)
    elif ctx.languages is not None and len(ctx.languages) > 1:
        ctx.report("missing_translation", path, value, missing=", ".join(ctx.languages[1:]),
                   hint=f"; write a mapping like {{{ctx.languages[0]}: ..., "
                        f"{ctx.languages[1]}: ...}}")


def _check_label_mapping(ctx: Context, path: Path, value: dict[Any, Any]) -> None:
    for language, text in value.items():
        where = (*path, str(language))
        if ctx.languages is not None and language not in ctx.languages:
            ctx.report("unknown_language", where, language, languages=list(ctx.languages))
        elif expect(ctx, where, text, str, "text") and not text.strip():
            ctx.report("empty_value", where, text)
    missing = [lang for lang in ctx.languages or () if lang not in value]
    if missing:
        ctx.report("missing_translation", path, None, missing=", ".join(missing), hint="")


def list_at(ctx: Context, path: Path, value: Any, what: str) -> list[Any]:
    """``value`` if it is a non-empty list (reporting otherwise), else []."""
    if value is None or not expect(ctx, path, value, list, f"a list of {what}"):
        return []
    if not value:
        ctx.report("empty_value", path, value)
    return value


# --- the steps ---------------------------------------------------------------------


def check_structure(ctx: Context) -> None:
    """The document is a mapping of form, choices and sections."""
    if ctx.raw is None or ctx.raw == "":
        ctx.report("empty_document", ())
    elif expect(ctx, (), ctx.raw, dict, "a mapping with form, choices and sections"):
        check_fields(ctx, (), ctx.raw, TOP_FIELDS)


def check_header(ctx: Context) -> None:
    """form: id, languages (first, since the labels need them), title, description."""
    form = ctx.document.get("form")
    if form is None or not expect(ctx, ("form",), form, dict, "a mapping"):
        return
    check_fields(ctx, ("form",), form, FORM_FIELDS)
    form_id = form.get("id")
    if (form_id is not None and expect(ctx, ("form", "id"), form_id, str, "text")
            and not _FORM_ID.fullmatch(form_id)):
        ctx.report("invalid_form_id", ("form", "id"), form_id)
    ctx.languages = _languages(ctx, form.get("languages"))
    check_label(ctx, ("form", "title"), form.get("title"))
    check_label(ctx, ("form", "description"), form.get("description"))


def _languages(ctx: Context, value: Any) -> tuple[str, ...] | None:
    path = ("form", "languages")
    languages = list_at(ctx, path, value, "language codes")
    before = len(ctx.problems)
    for index, language in enumerate(languages):
        _check_language(ctx, (*path, index), language, languages)
    return tuple(languages) if languages and len(ctx.problems) == before else None


def _check_language(ctx: Context, path: Path, language: Any, languages: list[Any]) -> None:
    if not expect(ctx, path, language, str, "a language code"):
        return
    if not _LANGUAGE.fullmatch(language):
        ctx.report("invalid_language", path, language, reason="use a code like 'vi' or 'en'")
    elif languages.index(language) != path[-1]:
        ctx.report("invalid_language", path, language, reason="listed twice")


def check_choice_lists(ctx: Context) -> None:
    """choices: named lists of {value, label}, values unique within their list."""
    lists = ctx.document.get("choices")
    if lists is None or not expect(ctx, ("choices",), lists, dict, "a mapping of choice lists"):
        return
    for name, options in lists.items():
        path, before = ("choices", str(name)), len(ctx.problems)
        if expect(ctx, path, name, str, "a name"):
            check_name(ctx, path, name, answer_key=False)
        _check_choice_list(ctx, path, options)
        if len(ctx.problems) > before:
            ctx.choice_lists[str(name)] = None  # known, so not reported again as unknown
        else:
            ctx.choice_lists[name] = frozenset(str(option["value"]) for option in options)


def _check_choice_list(ctx: Context, path: Path, options: Any) -> None:
    if options is None:
        ctx.report("empty_value", path, options)
    seen: set[str] = set()
    for index, option in enumerate(list_at(ctx, path, options, "choices")):
        where = (*path, index)
        if expect(ctx, where, option, dict, "a mapping with value and label"):
            check_fields(ctx, where, option, CHOICE_FIELDS)
            _check_choice_value(ctx, (*where, "value"), option.get("value"), seen)
            check_label(ctx, (*where, "label"), option.get("label"))
            _check_columns(ctx, (*where, "columns"), option.get("columns"))


def _check_columns(ctx: Context, path: Path, columns: Any) -> None:
    """A choice's other columns (what choice filters read): names -> text or whole numbers."""
    if columns is None or not expect(ctx, path, columns, dict, "a mapping column -> text"):
        return
    for name, text in columns.items():
        if check_name(ctx, (*path, str(name)), name, answer_key=False) is not None:
            expect(ctx, (*path, name), text, (str, int), "text")


def _check_choice_value(ctx: Context, path: Path, value: Any, seen: set[str]) -> None:
    # YAML reads `value: 1` as a number; whole numbers are fine as values.
    if value is None or not expect(ctx, path, value, (str, int), "text"):
        return
    text = str(value)
    if not _CHOICE_VALUE.fullmatch(text):
        ctx.report("invalid_choice_value", path, value)
    elif text in seen:
        ctx.report("duplicate_choice_value", path, value)
    seen.add(text)


def check_sections(ctx: Context) -> None:
    """sections: a list of {name, title, questions, ...}; collects the items for later steps."""
    for index, section in enumerate(list_at(ctx, ("sections",), ctx.document.get("sections"),
                                            "sections")):
        path = ("sections", index)
        if not expect(ctx, path, section, dict, "a mapping (a section)"):
            continue
        check_fields(ctx, path, section, SECTION_FIELDS)
        name = check_name(ctx, (*path, "name"), section.get("name"))
        ctx.items.append(Item(path, section, True, name))
        check_label(ctx, (*path, "title"), section.get("title"))
        check_label(ctx, (*path, "description"), section.get("description"))
        _collect_questions(ctx, (*path, "questions"), section.get("questions"))


def _collect_questions(ctx: Context, path: Path, questions: Any) -> None:
    for index, question in enumerate(list_at(ctx, path, questions, "questions")):
        if expect(ctx, (*path, index), question, dict, "a mapping (a question)"):
            ctx.items.append(Item((*path, index), question, False))


def check_questions(ctx: Context) -> None:
    """Each question's fields, name, type, labels and type-specific fields."""
    for item in (item for item in ctx.items if not item.is_section):
        path, raw = item.path, item.raw
        check_fields(ctx, path, raw, QUESTION_FIELDS)
        item.name = check_name(ctx, (*path, "name"), raw.get("name"))
        item.type = _check_type(ctx, (*path, "type"), raw.get("type"))
        for key in ("label", "hint", "constraint_message"):
            check_label(ctx, (*path, key), raw.get(key))
        if present(raw, "required"):
            expect(ctx, (*path, "required"), raw["required"], bool, "true or false")
        if present(raw, "xlsform_name"):
            expect(ctx, (*path, "xlsform_name"), raw["xlsform_name"], str, "text")
        _check_type_fields(ctx, item)


def _check_type(ctx: Context, path: Path, value: Any) -> str | None:
    if value is None or not expect(ctx, path, value, str, "a question type"):
        return None
    if value not in QUESTION_TYPES:
        ctx.report("unknown_type", path, value, suggestion=suggestion(value, QUESTION_TYPES))
        return None
    return value


def _check_type_fields(ctx: Context, item: Item) -> None:
    """Fields allowed or needed only for some types, or only with another field."""
    raw, kind = item.raw, QUESTION_TYPES.get(item.type or "")
    if present(raw, "constraint_message") and not present(raw, "constraint"):
        _not_allowed(ctx, item, "constraint_message", "only together with a constraint")
    if kind is None:
        return
    if kind.takes_choice_list:
        _check_choice_list_name(ctx, (*item.path, "choices"), raw.get("choices"))
    elif present(raw, "choices"):
        _not_allowed(ctx, item, "choices", "only select_one and select_multiple take a list")
    if present(raw, "levels"):
        _check_levels(ctx, item, kind.takes_levels)
    for key in ("required", "constraint"):
        if not kind.has_input and present(raw, key):
            _not_allowed(ctx, item, key, f"nobody enters an answer to a {item.type}")
    _check_computed(ctx, item, kind.takes_choice_list)


def _check_computed(ctx: Context, item: Item, selects: bool) -> None:
    """A calculate needs its calculation, which no other type takes; only selects filter."""
    calculates = item.type == "calculate"
    if calculates and not present(item.raw, "calculation"):
        ctx.report("missing_field", item.path, None, field="calculation")
    if not calculates and present(item.raw, "calculation"):
        _not_allowed(ctx, item, "calculation", "only a calculate computes its answer")
    if not selects and present(item.raw, "choice_filter"):
        _not_allowed(ctx, item, "choice_filter", "only select questions filter their choices")


def _not_allowed(ctx: Context, item: Item, key: str, reason: str) -> None:
    ctx.report("field_not_allowed", (*item.path, key), item.raw[key], field=key, reason=reason)


def _check_choice_list_name(ctx: Context, path: Path, value: Any) -> None:
    if value is None:
        ctx.report("missing_field", path[:-1], None, field="choices")
    elif expect(ctx, path, value, str, "the name of a choice list") and (
            value not in ctx.choice_lists):
        ctx.report("unknown_choice_list", path, value,
                   suggestion=suggestion(value, ctx.choice_lists))


def _check_levels(ctx: Context, item: Item, allowed: bool) -> None:
    if not allowed:
        _not_allowed(ctx, item, "levels", "only unit questions take levels")
        return
    path = (*item.path, "levels")
    for index, level in enumerate(list_at(ctx, path, item.raw["levels"], "levels")):
        check_name(ctx, (*path, index), level, answer_key=False)


def check_names(ctx: Context) -> None:
    """Section and question names are unique across the whole form."""
    first: dict[str, Path] = {}
    for item in ctx.items:
        if item.name is None:
            continue
        if item.name in first:
            ctx.report("duplicate_name", (*item.path, "name"), item.name,
                       first=ctx.where((*first[item.name], "name")))
        else:
            first[item.name] = item.path


def run(ctx: Context, steps: Iterable[Step]) -> list[Problem]:
    """Run every step; the problems sorted by row (stable, so step order breaks ties)."""
    for step in steps:
        step(ctx)
    return sorted(ctx.problems, key=lambda problem: problem.row or 0)
