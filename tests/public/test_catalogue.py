"""The catalogue's texts and Problems: any parameter name, the reader's language on pages, English
as the string."""
from flask import g

from survey.public.messages import Catalogue, readable

CATALOGUE = Catalogue({"unit_code": ("Đơn vị {code} ({key})", "Unit {code} ({key})")})


def test_parameters_may_be_called_code_or_key(app):
    with app.test_request_context("/"):
        assert CATALOGUE.say("unit_code", code="AG-LX", key="k") == "Đơn vị AG-LX (k)"
        assert CATALOGUE.in_language("en", "unit_code", code="AG-LX", key="k") == "Unit AG-LX (k)"


def test_a_problem_is_english_text_said_in_the_readers_language(app):
    problem = CATALOGUE.problem("unit_code", code="AG-LX", key="k")
    assert problem == "Unit AG-LX (k)" and readable("plain text") == "plain text"
    with app.test_request_context("/"):
        assert readable(problem) == "Đơn vị AG-LX (k)"
        g.language = "en"
        assert readable(problem) == "Unit AG-LX (k)"
