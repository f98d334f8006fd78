"""The app-wide problems macros (survey/templates/_problems.html) the administration and the PAR scoring
pages share: the box above a form, linked to the fields or not, and a field's problems beside it."""
from flask import render_template_string

from survey.invitations.messages import CATALOGUE

PAST = CATALOGUE.problem("expiry_past", "expires_on", day="01/01/2020")
USE = '{% from "_problems.html" import problems_box, beside with context %}'


def rendered(app, call: str) -> str:
    with app.test_request_context("/"):
        return render_template_string(USE + '{% macro anchor(field) %}#f-{{ field }}{% endmacro %}' + call,
                                      problems=[PAST], say=lambda key: f"[{key}]")


def test_the_box_lists_every_problem_linked_to_its_field_only_when_told_how(app):
    assert "<h2>[problems_title]</h2>" in rendered(app, "{{ problems_box(problems) }}")
    assert "<li>Hạn dùng 01/01/2020 đã qua.</li>" in rendered(app, "{{ problems_box(problems) }}")
    linked = rendered(app, "{{ problems_box(problems, anchor) }}")
    assert '<li><a href="#f-expires_on">Hạn dùng 01/01/2020 đã qua.</a></li>' in linked
    assert rendered(app, "{{ problems_box([]) }}") == ""


def test_a_fields_problems_stand_beside_it_with_the_id_its_description_names(app):
    assert rendered(app, "{{ beside(problems, 'expires_on') }}") == (
        '<p class="field-error" id="err-expires_on">Hạn dùng 01/01/2020 đã qua.</p>')
    assert rendered(app, "{{ beside(problems, 'expires_on', with_id=False) }}") == (
        '<p class="field-error">Hạn dùng 01/01/2020 đã qua.</p>')
    assert rendered(app, "{{ beside(problems, 'unit') }}") == ""
