"""One page of a questionnaire as a web form, as the citizens' pages show it and the
administrators' preview of a draft shows it again: its FlaskForm, with today's active units as the
choices of unit questions, and the texts around its questions (the page count, the buttons, the
"required" mark). Both page packages build on this one, neither on the other.
"""
import forms
from forms import Definition, QuestionnaireForm, Section
from survey import db
from survey.text import Catalogue, unit_name
from survey.texts_shared import CATALOGUE as SHARED
from survey.units.models import LEVELS
from survey.units.queries import active_units

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "page_of": ("Trang {page}/{pages}", "Page {page} of {pages}"),
    "next": ("Tiếp theo", "Next"),
    "back": ("Quay lại", "Back"),
    "required": ("bắt buộc", "required"),
    "submit": ("Gửi phiếu", "Send"),
}

CATALOGUE = Catalogue(MESSAGES, fallback=SHARED)
"""The form page's texts, then the texts every page shares: what the preview's templates read as `t`."""


def page_form(definition: Definition, section: Section, language: str) -> type[QuestionnaireForm]:
    return forms.build_form(definition, section.name, language, unit_choices(section, language))


def unit_choices(section: Section, language: str) -> list[tuple[str, str]]:
    """(code, name) of the active units the page's unit questions may name."""
    levels = {level for q in section.questions if q.type == "unit" for level in (q.levels or LEVELS)}
    if not levels:
        return []
    return [(u.code, unit_name(u, language)) for u in active_units(db.session(), levels)]
