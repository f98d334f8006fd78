"""Problem codes and messages.

Two catalogues live here:

* ``CATALOGUE`` - problems found in a questionnaire *definition*, shown to the people who
  write and review the YAML (English, since they also read the code and the git history);
* ``ANSWER_MESSAGES`` - problems with a respondent's *answers*, per language.
"""

from __future__ import annotations

import difflib
import reprlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

CATALOGUE: dict[str, str] = {
    "yaml_syntax": "not valid YAML: {detail}",
    "yaml_aliases": (
        "aliases (*name) repeat too much: at most {aliases} aliases, repeating at most "
        "{repeated} values in all, none inside its own anchor; write the values out"),
    "not_utf8": "the file is not UTF-8 text: {detail}",
    "duplicate_key": "key {value!r} appears twice in this mapping (first on row {first_row})",
    "empty_document": "the document is empty",
    "wrong_type": "expected {expected}, got {actual}",
    "missing_field": "required field '{field}' is missing",
    "unknown_field": "unknown field {value!r}{suggestion}",
    "empty_value": "must not be empty",
    "control_character": "holds a control character (such as NUL), which no text may hold: {value!r}",
    "invalid_name": "invalid name {value!r}: {reason}",
    "invalid_form_id": (
        "invalid form id {value!r}: use lower-case letters, digits, '-' and '_', "
        "starting with a letter or digit, at most 64 characters"
    ),
    "duplicate_name": "name {value!r} is already used ({first})",
    "invalid_language": "invalid language {value!r}: {reason}",
    "unknown_language": "language {value!r} is not in form.languages {languages}",
    "missing_translation": "no text for language(s) {missing}{hint}",
    "invalid_choice_value": (
        "invalid choice value {value!r}: use letters, digits, '_', '-' and '.' only"
    ),
    "duplicate_choice_value": "choice value {value!r} is already used in this list",
    "unknown_choice_list": "no choice list named {value!r}{suggestion}",
    "unknown_type": "unknown type {value!r}{suggestion}",
    "field_not_allowed": "'{field}' is not allowed here: {reason}",
    "unknown_metadata": "unknown metadata {value!r}: the server records only {kinds}",
    "invalid_range": (
        "a range from {start} to {end} in steps of {step}: the step must be above 0, reach the "
        "end exactly, and make at most {most} steps"),
    "expression_syntax": "{detail} at position {position} in {value!r}",
    "unknown_reference": "no question named {value!r}{suggestion}",
    "forward_reference": "{value!r} comes later in the form; refer only to earlier questions",
    "self_reference": "{value!r} is this question itself{hint}",
    "note_reference": "{value!r} is a note and has no answer",
    "unknown_function": "unknown function {value!r}{suggestion}",
    "bad_arguments": "{function}() takes {expected}",
    "not_a_choice_question": (
        "{function}() needs a question with choices; {value!r} is of type {type!r}"),
    "unknown_selected_value": "{value!r} is not a choice of {question} (choices: {choices})",
    "dot_outside_constraint": "'.' (this question's answer) is only allowed in a constraint",
    "choice_outside_filter": "choice() (a column of a choice) is only allowed in a choice_filter",
    "invalid_repeat": "a repeat's {field} must be a whole number from 1 to {most}, not {value!r}",
    "repeat_reference": (
        "{value!r} is asked in each instance of the repeat {repeat!r}: only that repeat's own "
        "questions may read it (each its own instance's)"),
}

ANSWER_MESSAGES: dict[str, dict[str, str]] = {
    "vi": {
        "required": "Vui lòng trả lời câu hỏi này.",
        "constraint": "Câu trả lời không hợp lệ.",
        "invalid_choice": "Lựa chọn không hợp lệ.",
        "filtered_choice": "Lựa chọn này không phù hợp với các câu trả lời trước.",
        "invalid_integer": "Vui lòng nhập một số nguyên.",
        "invalid_decimal": "Vui lòng nhập một số.",
        "invalid_date": "Vui lòng nhập ngày hợp lệ (năm-tháng-ngày).",
        "invalid_unit": "Đơn vị không hợp lệ.",
        "invalid_text": "Văn bản không được để trống hoặc bắt đầu, kết thúc bằng dấu cách.",
        "invalid_geopoint": (
            "Vui lòng nhập vị trí là hai số: vĩ độ (từ -90 đến 90) rồi kinh độ (từ -180 đến 180), "
            "ví dụ 10.38 105.43."),
        "invalid_range": "Vui lòng chọn một giá trị trong thang cho sẵn.",
        "invalid_rank": "Vui lòng xếp hạng mỗi lựa chọn đúng một lần.",
    },
    "en": {
        "required": "Please answer this question.",
        "constraint": "This answer is not valid.",
        "invalid_choice": "Not a valid choice.",
        "filtered_choice": "This choice does not fit your earlier answers.",
        "invalid_integer": "Please enter a whole number.",
        "invalid_decimal": "Please enter a number.",
        "invalid_date": "Please enter a valid date (YYYY-MM-DD).",
        "invalid_unit": "Not a known unit.",
        "invalid_text": "The text must not be empty or start or end with spaces.",
        "invalid_geopoint": (
            "Please enter the location as two numbers: latitude (-90 to 90), then longitude "
            "(-180 to 180), e.g. 10.38 105.43."),
        "invalid_range": "Please choose a value on the scale given.",
        "invalid_rank": "Please give each choice exactly one place.",
    },
}

# Respondents reading a language we have no messages for are most likely Vietnamese
# speakers of a minority language, who read Vietnamese better than English.
_FALLBACK_LANGUAGE = "vi"


def answer_message(code: str, language: str) -> str:
    """The respondent-facing message for an answer problem ``code`` in ``language``."""
    messages = ANSWER_MESSAGES.get(language, ANSWER_MESSAGES[_FALLBACK_LANGUAGE])
    return messages[code]


SHOWN = 60
"""Characters of a value quoted in a message."""
SHOWN_PARAM = 500
"""Characters of anything else a message quotes (a detail, the choices of a list)."""
_BOUNDED = reprlib.Repr()
_BOUNDED.maxlevel, _BOUNDED.maxlist, _BOUNDED.maxdict = 3, 10, 10
_BOUNDED.maxstring = _BOUNDED.maxother = SHOWN
_CONTAINERS = (list, tuple, dict, set, frozenset)


@dataclass(frozen=True)
class Problem:
    """One problem in a definition: where it is (row, column) and what is wrong."""

    code: str
    message: str
    row: int | None
    column: str
    value: Any = None

    @property
    def shown(self) -> str | None:
        """The value as a page shows it: its text, cut short (None when there is none)."""
        return None if self.value is None else str(shorten(self.value, SHOWN_PARAM))

    def __str__(self) -> str:
        row = "" if self.row is None else f"row {self.row}"
        where = ", ".join(part for part in (row, self.column) if part)
        text = f"{self.message} [{self.code}]"
        return f"{where}: {text}" if where else text


def make_problem(
    code: str, column: str, row: int | None = None, value: Any = None, **params: Any
) -> Problem:
    """A Problem whose message is the catalogue template for ``code`` filled in; the column,
    which names a key of the document, cut short as the values are."""
    message = fill(CATALOGUE[code], value, **params)
    return Problem(code, message, row, shorten(column, SHOWN_PARAM), value)


def fill(template: str, value: Any = None, **params: Any) -> str:
    """``template`` filled in with ``value`` and ``params`` cut short: a message stays
    readable, and small, whatever a hostile document puts in it."""
    cut = {name: shorten(param, SHOWN_PARAM) for name, param in params.items()}
    return template.format(value=shorten(value), **cut)


def shorten(value: Any, limit: int = SHOWN) -> Any:
    """``value`` for a message: a long text cut short; numbers, booleans and None as they
    are; anything else (a list, a mapping, a date, an error) as bounded texts."""
    if isinstance(value, str):
        return value if len(value) <= limit else value[: limit - 3] + "..."
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return _Shown(value, limit)


class _Shown:
    """A value's texts, each cut short: ``{value}`` and ``str()`` give one, ``{value!r}``
    and ``repr()`` the other (containers are written by reprlib, which stops early)."""

    def __init__(self, value: Any, limit: int) -> None:
        bounded = _BOUNDED.repr(value)
        self.text = shorten(bounded if isinstance(value, _CONTAINERS) else str(value), limit)
        self.representation = shorten(bounded, limit)

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.representation

    def __format__(self, spec: str) -> str:
        return format(self.text, spec)


def suggestion(value: object, candidates: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest candidate to ``value``, or ''."""
    if not isinstance(value, str):
        return ""
    names = sorted(c for c in candidates if isinstance(c, str))
    close = difflib.get_close_matches(value, names, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


class DefinitionError(Exception):
    """A definition that cannot be loaded; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems)
        self.problems = list(problems)

    def __str__(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)
