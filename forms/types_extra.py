"""The XLSForm types beyond the core ones: geopoint, range, rank, acknowledge and trigger.

Registered in ``forms.types.QUESTION_TYPES`` like the others (``forms.types`` imports this
module last). Every one works without JavaScript: a location is typed as "lat lon", a range
is picked from its steps, a rank is a choice per place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, cast

from markupsafe import Markup
from wtforms import RadioField, SelectMultipleField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.fields.core import Field, UnboundField

from .labels import Choice, Label
from .types import QuestionType, SelectOne, register

if TYPE_CHECKING:
    from .definition import Question

_NUMBER = re.compile(r"[-+]?(\d{1,20}(\.\d{0,12})?|\.\d{1,12})")
_SEPARATORS = re.compile(r"[\s;]+")
LATITUDE, LONGITUDE = Decimal(90), Decimal(180)
RANGE_DEFAULTS = {"start": "1", "end": "10", "step": "1"}
"""ODK Collect's parameters of a range that names none."""
MAX_RANGE_OPTIONS = 11
"""A range with at most this many steps is offered as buttons; a longer one is typed."""


def _hint(question: Question, language: str) -> str:
    return question.hint.text(language) if question.hint is not None else ""


def _number(text: str) -> Decimal | None:
    """``text`` as a Decimal (a decimal comma read as a point), None if it is no number."""
    text = text.replace(",", ".", 1) if "." not in text else text
    return Decimal(text) if _NUMBER.fullmatch(text) else None


def _plain(number: Decimal) -> str:
    """The canonical text of a number: no exponent, no trailing zeros, no "-0"."""
    text = format(number.normalize(), "f")
    return "0" if Decimal(text) == 0 else text


@register
class Geopoint(QuestionType):
    """A location as "latitude longitude" in decimal degrees, typed or filled by the device.

    Stored as the two numbers separated by one space (ODK's order); a pair that is out of range
    (|lat| > 90, |lon| > 180) is refused.
    """

    name = "geopoint"
    invalid_code = "invalid_geopoint"

    def field(self, question: Question, language: str,
              unit_choices: Sequence[tuple[str, str]] = ()) -> UnboundField:
        return StringField(question.label.text(language), description=_hint(question, language),
                           render_kw={"autocomplete": "off", "placeholder": "10.38 105.43"})

    def to_stored(self, data: object, question: Question) -> str | None:
        text = str(data).strip() if data is not None else ""
        if not text:
            return None
        parts = [p for p in _SEPARATORS.split(text) if p]
        if len(parts) == 1 and text.count(",") == 1:
            parts = text.split(",")  # "10.77,106.70": a comma between the two numbers
        numbers = [_number(part.strip()) for part in parts]
        if len(numbers) != 2 or None in numbers:
            return text
        return " ".join(_plain(n) for n in numbers if n is not None)

    def is_valid(self, canonical: str, question: Question) -> bool:
        numbers = [n for n in (_number(part) for part in canonical.split(" ")) if n is not None]
        if len(numbers) != 2 or len(canonical.split(" ")) != 2:
            return False
        latitude, longitude = numbers
        return abs(latitude) <= LATITUDE and abs(longitude) <= LONGITUDE


def range_bounds(question: Question) -> tuple[Decimal, Decimal, Decimal]:
    """(start, end, step) of a range question, ODK's defaults where it names none."""
    given = {**RANGE_DEFAULTS, **dict(question.parameters)}
    return Decimal(given["start"]), Decimal(given["end"]), Decimal(given["step"])


def range_values(question: Question) -> list[str] | None:
    """Every value of a short range in order; None when it has more than MAX_RANGE_OPTIONS."""
    start, end, step = range_bounds(question)
    count = int(abs(end - start) / step) + 1
    if count > MAX_RANGE_OPTIONS:
        return None
    sign = 1 if end >= start else -1
    return [_plain(start + sign * step * index) for index in range(count)]


@register
class Range(QuestionType):
    """A number from ``start`` to ``end`` in steps of ``step`` (its ``parameters``)."""

    name = "range"
    invalid_code = "invalid_range"

    def field(self, question: Question, language: str,
              unit_choices: Sequence[tuple[str, str]] = ()) -> UnboundField:
        values = range_values(question)
        label, hint = question.label.text(language), _hint(question, language)
        if values is None:
            return StringField(label, description=hint, render_kw={"inputmode": "decimal"})
        return RadioField(label, description=hint, choices=[SelectChoice(v, v) for v in values],
                          validate_choice=False)

    def first_input(self, question: Question) -> str:
        return "-0" if range_values(question) else ""

    def to_stored(self, data: object, question: Question) -> str | None:
        text = str(data).strip() if data is not None else ""
        number = _number(text) if text else None
        return _plain(number) if number is not None else (text or None)

    def is_valid(self, canonical: str, question: Question) -> bool:
        number = _number(canonical)
        if number is None:
            return False
        start, end, step = range_bounds(question)
        low, high = min(start, end), max(start, end)
        try:
            on_step = (number - start) % step == 0
        except InvalidOperation:
            return False
        return low <= number <= high and on_step

    def to_value(self, stored: str | None) -> object:
        return _number(stored) if stored is not None else None

    def numeric(self, stored: str | None) -> float | None:
        number = _number(stored) if stored is not None else None
        return float(number) if number is not None else None


class RankWidget:
    """One drop-down per place (1st, 2nd, ...), all named after the field: the browser sends
    them in page order, so the field receives the choices ranked."""

    def __call__(self, field: Field, **kwargs: object) -> Markup:
        chosen = list(field.data or [])
        places = [self.place(field, index, chosen[index] if index < len(chosen) else None)
                  for index in range(len(field.choices))]
        return Markup('<ol class="rank">') + Markup("").join(places) + Markup("</ol>")

    @staticmethod
    def place(field: Field, index: int, chosen: str | None) -> Markup:
        options = [Markup('<option value=""></option>')]
        options += [Markup('<option value="{}"{}>{}</option>').format(
            choice.value, Markup(" selected") if choice.value == chosen else "", choice.label)
            for choice in field.choices]
        return Markup('<li><select id="{}-{}" name="{}" aria-label="{} {}">{}</select></li>').format(
            field.id, index, field.name, field.label.text, index + 1, Markup("").join(options))


class RankField(SelectMultipleField):
    """The choices in rank order (empty places dropped), rendered by RankWidget."""

    widget = RankWidget()

    def process_formdata(self, valuelist: list[str]) -> None:
        self.data = [value for value in valuelist if value]


@register
class Rank(QuestionType):
    """Every choice of its list put in order: stored as the values, most preferred first."""

    name = "rank"
    takes_choice_list = True
    several_values = True
    invalid_code = "invalid_rank"

    def field(self, question: Question, language: str,
              unit_choices: Sequence[tuple[str, str]] = ()) -> UnboundField:
        choices = [SelectChoice(c.value, c.label.text(language)) for c in question.choices]
        return RankField(question.label.text(language), description=_hint(question, language),
                         choices=choices, validate_choice=False)

    def field_data(self, stored: str | None) -> object:
        return stored.split() if stored else []

    def to_stored(self, data: object, question: Question) -> str | None:
        values = data.split() if isinstance(data, str) else [str(v) for v in cast("Iterable[object]", data or ())]
        return " ".join(values) or None

    def is_valid(self, canonical: str, question: Question) -> bool:
        values = canonical.split()
        return sorted(values) == sorted(c.value for c in question.choices)


ACKNOWLEDGED = "OK"
"""What ODK stores for an acknowledge or trigger that was ticked."""


@register
class Acknowledge(SelectOne):
    """A box the respondent ticks to confirm having read the label; stored as "OK"."""

    name = "acknowledge"
    takes_choice_list = False
    builtin_choices = (Choice(ACKNOWLEDGED, Label({"vi": "Tôi xác nhận", "en": "I confirm"})),)


@register
class Trigger(Acknowledge):
    """ODK's trigger: stored as an acknowledge is."""

    name = "trigger"

