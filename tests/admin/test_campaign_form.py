"""The campaign form's problems are keyed problems on the field they concern (issue 19), so that the
page places each beside its field and says it in the reader's language."""
import pytest
from werkzeug.datastructures import MultiDict

from survey.admin.campaigns.form import read_form, spec_of, typed_day
from survey.errors import InvalidInput


def test_every_problem_of_the_form_names_its_key_and_field(app, session, make_unit):
    make_unit("AG-LX")
    form = read_form(MultiDict([("version", "khong-co:1"), ("opens_on", "mai"), ("min_seconds", "-3"),
                                ("unit", "AG-LX"), ("quota-AG-LX", "nhiều"), ("stratum_unit", "AG-LX"),
                                ("stratum_question", "q1"), ("stratum_value", ""), ("stratum_target", "")]))
    with app.test_request_context("/?lang=en"), pytest.raises(InvalidInput) as refused:
        spec_of(session, form)
    assert [(p.key, p.field) for p in refused.value.problems] == [
        ("f_version", "version"), ("f_date", "opens_on"), ("f_count", "min_seconds"), ("f_count", "quota-AG-LX"),
        ("f_stratum_incomplete", "strata")]
    assert [p.text("vi") for p in form.errors["opens_on"]] == ["“mai” không phải là ngày (dạng 2026-12-31 hoặc "
                                                               "31/12/2026)."]


def test_a_day_that_is_not_one_is_a_problem_of_the_field_it_was_typed_in():
    assert typed_day("2026-12-31", "closes_on")[1] == []
    [problem] = typed_day("31/12", "closes_on")[1]
    assert (problem.key, problem.field, problem.text("en")) == (
        "f_date", "closes_on", "“31/12” is not a date (like 2026-12-31 or 31/12/2026).")
