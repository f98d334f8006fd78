"""Which questions of a questionnaire play which part in the report, by their keys (those of the
shipped SIPAS questionnaire, forms/sipas.yaml). A questionnaire lacking a key simply has no such
row or section: a quick-rating form has no profile, no field of procedure, no comments.

Expectations are the questionnaire's select_multiple questions (SIPAS: what to improve first);
a questionnaire without one has no expectations section.
"""
import forms

FIELD = "linh_vuc"
"""The field of procedure (đất đai, hộ tịch...)."""
PROFILE = ("doi_tuong", "gioi_tinh", "nhom_tuoi", "hoc_van", "dan_toc", "nghe_nghiep")
"""Individual or organisation, sex, age group, education, ethnic group, occupation."""
COMMENTS = ("kv_khac", "kv_y_kien")
"""Free-text comments and recommendations."""


def present(definition: forms.Definition, keys) -> list[forms.Question]:
    names = {q.name for q in definition.questions}
    return [definition.question(key) for key in keys if key in names]


def expectations(definition: forms.Definition) -> list[forms.Question]:
    return [q for q in definition.questions if q.type == "select_multiple"]


def satisfaction(definition: forms.Definition) -> list[forms.Question]:
    return [q for q in definition.questions if q.type == "satisfaction"]
