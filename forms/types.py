"""The question types: one small class each, registered in ``QUESTION_TYPES`` by name.

A type turns what a respondent entered into the *stored* string (the canonical form kept
in the database), checks stored strings that arrive by other paths (API, offline sync,
paper entry), and turns a stored string into the value expressions see.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Collection, Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, cast

from wtforms import RadioField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.fields.core import UnboundField
from wtforms.widgets import CheckboxInput, DateInput, ListWidget

from .labels import Choice, Label

if TYPE_CHECKING:
    from .definition import Question

QUESTION_TYPES: dict[str, QuestionType] = {}

# Longer numbers are typing accidents, and Python refuses to convert very long digit strings.
# (%-formatting, because an f-string would have to double every brace of the regex.)
_MAX_DIGITS = 30
_INTEGER = re.compile(r"[-+]?\d{1,%d}" % _MAX_DIGITS)  # noqa: UP031
_DECIMAL = re.compile(r"[-+]?(\d{1,%d}(\.\d*)?|\.\d+)" % _MAX_DIGITS)  # noqa: UP031
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")  # how Vietnamese write dates
_UNIT_CODE = re.compile(r"[A-Za-z0-9_.\-]+")


def register(cls: type[QuestionType]) -> type[QuestionType]:
    """Class decorator: make the type available under ``cls.name``."""
    QUESTION_TYPES[cls.name] = cls()
    return cls


def _text(data: object) -> str | None:
    """Field data as stripped text, None when empty."""
    if data is None:
        return None
    return str(data).strip() or None


def _hint(question: Question, language: str) -> str:
    return question.hint.text(language) if question.hint is not None else ""


class QuestionType:
    """Base class; the defaults suit free text."""

    name: ClassVar[str]
    has_answer: ClassVar[bool] = True
    has_input: ClassVar[bool] = True
    """Whether someone enters the answer (a field on the page, a box on paper, a keyed value)."""
    takes_choice_list: ClassVar[bool] = False
    """Whether the question names a choice list (``choices:``)."""
    takes_levels: ClassVar[bool] = False
    several_values: ClassVar[bool] = False
    """Whether an answer holds several choice values (space separated)."""
    builtin_choices: ClassVar[tuple[Choice, ...]] = ()
    invalid_code: ClassVar[str] = "invalid_text"
    """The ANSWER_MESSAGES code for an invalid answer."""

    @property
    def has_choices(self) -> bool:
        """Whether answers are values from a list known when the definition loads."""
        return self.takes_choice_list or bool(self.builtin_choices)

    def first_input(self, question: Question) -> str:
        """The id suffix of the first input the page draws for it: ``-0`` when it draws one per
        option (what an error links to), else nothing."""
        return "-0" if self.has_choices else ""

    def field(self, question: Question, language: str,
              unit_choices: Sequence[tuple[str, str]] = ()) -> UnboundField | None:
        """The WTForms field for ``question`` (None for types without an answer)."""
        return TextAreaField(question.label.text(language), description=_hint(question, language))

    def field_data(self, stored: str | None) -> object:
        """A stored answer as the field's data (to show a previous answer)."""
        return stored

    def to_stored(self, data: object, question: Question) -> str | None:
        """Field data (or a raw string) in canonical stored form, None when empty.

        Input that cannot be understood is returned stripped, so that validate_stored
        rejects it with the right message.
        """
        return _text(data)

    def validate_stored(self, stored: str, question: Question,
                        unit_codes: Collection[str] | None = None) -> str | None:
        """None if ``stored`` is a valid answer in canonical form, else a message code."""
        if self.to_stored(stored, question) != stored or not self.is_valid(stored, question):
            return self.invalid_code
        return None

    def is_valid(self, canonical: str, question: Question) -> bool:
        return True

    def to_value(self, stored: str | None) -> object:
        """The answer as expressions see it (None = missing)."""
        return stored

    def numeric(self, stored: str | None) -> float | None:
        """The answer as a number for analysis, None if it has none."""
        return None


def _radio(question: Question, language: str) -> UnboundField:
    choices = [SelectChoice(c.value, c.label.text(language)) for c in question.choices]
    # Choice checks happen in validate_stored with the other checks, not in WTForms.
    return RadioField(question.label.text(language), description=_hint(question, language),
                      choices=choices, validate_choice=False)


@register
class SelectOne(QuestionType):
    name = "select_one"
    takes_choice_list = True
    invalid_code = "invalid_choice"

    def field(self, question: Question, language: str,
              unit_choices: Sequence[tuple[str, str]] = ()) -> UnboundField:
        return _radio(question, language)

    def is_valid(self, canonical: str, question: Question) -> bool:
        return any(choice.value == canonical for choice in question.choices)


@register
class SelectMultiple(QuestionType):
    name = "select_multiple"
    takes_choice_list = True
    several_values = True
    invalid_code = "invalid_choice"

    def field(self, question: Question, language: str,
              unit_choices: Sequence[tuple[str, str]] = ()) -> UnboundField:
        choices = [SelectChoice(c.value, c.label.text(language)) for c in question.choices]
        return SelectMultipleField(
            question.label.text(language), description=_hint(question, language),
            choices=choices, validate_choice=False,
            widget=ListWidget(prefix_label=False), option_widget=CheckboxInput())

    def field_data(self, stored: str | None) -> object:
        return stored.split() if stored else []

    def to_stored(self, data: object, question: Question) -> str | None:
        values = data.split() if isinstance(data, str) else [str(v) for v in cast("Iterable[object]", data or ())]
        order = {choice.value: index for index, choice in enumerate(question.choices)}
        # Unknown values go last (stable), where validate_stored will reject them.
        chosen = sorted(dict.fromkeys(values), key=lambda v: order.get(v, len(order)))
        return " ".join(chosen) or None

    def is_valid(self, canonical: str, question: Question) -> bool:
        values = {choice.value for choice in question.choices}
        return all(value in values for value in canonical.split())


def _builtin(*rows: tuple[str, str, str]) -> tuple[Choice, ...]:
    return tuple(Choice(value, Label({"vi": vi, "en": en})) for value, vi, en in rows)


@register
class Satisfaction(SelectOne):
    """Five fixed levels plus 9, 'don't know / not applicable', which counts as missing."""

    name = "satisfaction"
    takes_choice_list = False
    builtin_choices = _builtin(
        ("1", "Rất không hài lòng", "Very dissatisfied"),
        ("2", "Không hài lòng", "Dissatisfied"),
        ("3", "Bình thường", "Neutral"),
        ("4", "Hài lòng", "Satisfied"),
        ("5", "Rất hài lòng", "Very satisfied"),
        ("9", "Không biết / không áp dụng", "Don't know / not applicable"),
    )

    LEVELS: ClassVar[tuple[str, ...]] = ("1", "2", "3", "4", "5")

    def to_value(self, stored: str | None) -> object:
        return int(stored) if stored in self.LEVELS else None

    def numeric(self, stored: str | None) -> float | None:
        return float(stored) if stored in self.LEVELS else None


@register
class YesNo(SelectOne):
    name = "yes_no"
    takes_choice_list = False
    builtin_choices = _builtin(("yes", "Có", "Yes"), ("no", "Không", "No"))

    def numeric(self, stored: str | None) -> float | None:
        return {"yes": 1.0, "no": 0.0}.get(stored or "")


@register
class Integer(QuestionType):
    name = "integer"
    invalid_code = "invalid_integer"

    def field(self, question: Question, language: str,
              unit_choices: Sequence[tuple[str, str]] = ()) -> UnboundField:
        return StringField(question.label.text(language), description=_hint(question, language),
                           render_kw={"inputmode": "numeric"})

    def to_stored(self, data: object, question: Question) -> str | None:
        text = _text(data)
        return str(int(text)) if text is not None and _INTEGER.fullmatch(text) else text

    def is_valid(self, canonical: str, question: Question) -> bool:
        return _INTEGER.fullmatch(canonical) is not None

    def to_value(self, stored: str | None) -> object:
        return int(stored) if stored is not None and _INTEGER.fullmatch(stored) else None

    def numeric(self, stored: str | None) -> float | None:
        value = self.to_value(stored)
        return float(value) if isinstance(value, int) else None


@register
class DecimalType(QuestionType):
    name = "decimal"
    invalid_code = "invalid_decimal"

    def field(self, question: Question, language: str,
              unit_choices: Sequence[tuple[str, str]] = ()) -> UnboundField:
        # A text input, not type=number: Vietnamese respondents type a decimal comma.
        return StringField(question.label.text(language), description=_hint(question, language),
                           render_kw={"inputmode": "decimal"})

    def to_stored(self, data: object, question: Question) -> str | None:
        text = _text(data)
        if text is None:
            return None
        if "." not in text:
            text = text.replace(",", ".", 1)
        if not _DECIMAL.fullmatch(text):
            return text
        number = Decimal(text)
        return format(abs(number) if number == 0 else number, "f")  # no "-0"

    def is_valid(self, canonical: str, question: Question) -> bool:
        return _DECIMAL.fullmatch(canonical) is not None

    def to_value(self, stored: str | None) -> object:
        return Decimal(stored) if stored is not None and _DECIMAL.fullmatch(stored) else None

    def numeric(self, stored: str | None) -> float | None:
        value = self.to_value(stored)
        return float(value) if isinstance(value, Decimal) else None


@register
class Text(QuestionType):
    name = "text"


@register
class Date(QuestionType):
    name = "date"
    invalid_code = "invalid_date"

    def field(self, question: Question, language: str,
              unit_choices: Sequence[tuple[str, str]] = ()) -> UnboundField:
        return StringField(question.label.text(language), description=_hint(question, language),
                           widget=DateInput())

    def to_stored(self, data: object, question: Question) -> str | None:
        text = _text(data)
        match = _DAY_MONTH_YEAR.fullmatch(text or "")
        if match is None:
            return text
        day, month, year = (int(part) for part in match.groups())
        try:
            return datetime.date(year, month, day).isoformat()
        except ValueError:
            return text

    def is_valid(self, canonical: str, question: Question) -> bool:
        if not _ISO_DATE.fullmatch(canonical):
            return False
        try:
            datetime.date.fromisoformat(canonical)
        except ValueError:
            return False
        return True


@register
class Unit(QuestionType):
    """An administrative unit or agency; the caller supplies the codes (from the database)."""

    name = "unit"
    takes_levels = True
    invalid_code = "invalid_unit"

    def field(self, question: Question, language: str,
              unit_choices: Sequence[tuple[str, str]] = ()) -> UnboundField:
        choices = [SelectChoice("", "—")]
        choices += [SelectChoice(code, label) for code, label in unit_choices]
        return SelectField(question.label.text(language), description=_hint(question, language),
                           choices=choices, validate_choice=False)

    def validate_stored(self, stored: str, question: Question,
                        unit_codes: Collection[str] | None = None) -> str | None:
        if not _UNIT_CODE.fullmatch(stored):
            return self.invalid_code
        if unit_codes is not None and stored not in unit_codes:
            return self.invalid_code
        return None


@register
class Note(QuestionType):
    """Text shown to the respondent; no field and no answer."""

    name = "note"
    has_answer = False
    has_input = False

    def field(self, question: Question, language: str,
              unit_choices: Sequence[tuple[str, str]] = ()) -> UnboundField | None:
        return None

    def to_stored(self, data: object, question: Question) -> str | None:
        return None


@register
class Calculate(QuestionType):
    """A value the server computes from earlier answers (its ``calculation``) and stores as an
    answer: no field, nothing entered; expressions and exports read it like any answer."""

    name = "calculate"
    has_input = False

    def field(self, question: Question, language: str,
              unit_choices: Sequence[tuple[str, str]] = ()) -> UnboundField | None:
        return None

    def numeric(self, stored: str | None) -> float | None:
        return float(stored) if stored is not None and _DECIMAL.fullmatch(stored) else None


# Last: the module registers its types with the decorator defined above.
from . import types_extra  # noqa: E402, F401
