"""Which questions of a questionnaire play which part in the report, declared per shipped form
(`FORMS`, by the form's id): a role names the question that plays it in that form. A form not
declared, or lacking a role, simply has no such row or section: a quick-rating form has no
profile, no field of procedure, no comments; the 2023 form asks for no written comment.

Expectations are the questionnaire's select_multiple questions (SIPAS: what to improve first);
a questionnaire without one has no expectations section.
"""
import forms

FIELD = "field"
"""The field of procedure (đất đai, hộ tịch...)."""
PROFILE = ("organisation", "sex", "age", "education", "ethnicity", "occupation")
"""Individual or organisation, sex, age group, education, ethnic group, occupation."""
COMMENTS = ("comment_other", "comment")
"""Free-text comments and recommendations."""

_COMMON = {"field": "linh_vuc", "organisation": "doi_tuong", "sex": "gioi_tinh", "age": "nhom_tuoi",
           "education": "hoc_van", "occupation": "nghe_nghiep"}
FORMS: dict[str, dict[str, str]] = {
    "sipas": _COMMON | {"ethnicity": "dan_toc", "comment_other": "kv_khac", "comment": "kv_y_kien"},
    "sipas-2017": _COMMON | {"comment": "kv_y_kien"},
    "sipas-2023": _COMMON,
}
"""Form id -> role -> question name (forms/sipas.yaml, sipas-2017.yaml, sipas-2023.yaml)."""


def present(definition: forms.Definition, roles) -> list[forms.Question]:
    """The questions playing `roles` in this form, in the roles' order; those it lacks left out."""
    names = {q.name for q in definition.questions}
    declared = FORMS.get(definition.id, {})
    return [definition.question(declared[role]) for role in roles if declared.get(role) in names]


def expectations(definition: forms.Definition) -> list[forms.Question]:
    return [q for q in definition.questions if q.type == "select_multiple"]


def satisfaction(definition: forms.Definition) -> list[forms.Question]:
    return [q for q in definition.questions if q.type == "satisfaction"]
