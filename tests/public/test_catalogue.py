"""The catalogue's texts and Problems: any parameter name, the reader's language on pages, English
as the string; the domain catalogues of problems have both languages with the same parameters."""
from string import Formatter

import pytest
from flask import g

from survey import hygiene
from survey.campaigns import messages as campaigns
from survey.invitations import messages as invitations
from survey.text import LANGUAGES, Catalogue
from survey.tokens import messages as tokens
from survey.units import messages as units
from survey.webhooks import messages as webhooks

CATALOGUE = Catalogue({"example_unit_code": ("Đơn vị {code} ({key})", "Unit {code} ({key})")})


def test_parameters_may_be_called_code_or_key(app):
    with app.test_request_context("/"):
        assert CATALOGUE.say("example_unit_code", code="AG-LX", key="k") == "Đơn vị AG-LX (k)"
        assert CATALOGUE.in_language("en", "example_unit_code", code="AG-LX", key="k") == "Unit AG-LX (k)"


def test_a_problem_is_english_text_said_in_the_readers_language(app):
    problem = CATALOGUE.problem("example_unit_code", code="AG-LX", key="k")
    assert str(problem) == "Unit AG-LX (k)"
    with app.test_request_context("/"):
        assert problem.text() == "Đơn vị AG-LX (k)"
        g.language = "en"
        assert problem.text() == "Unit AG-LX (k)"


def parameters(text: str) -> set[str]:
    """The names of the {placeholders}, with or without a format ({closes:%d/%m/%Y})."""
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("module", [campaigns, invitations, units, webhooks, tokens, hygiene], ids=lambda m: m.__name__)
def test_every_problem_has_both_languages_with_the_same_parameters(module):
    for key, texts in module.MESSAGES.items():
        assert len(texts) == len(LANGUAGES) and all(text.strip() for text in texts), key
        assert parameters(texts[0]) == parameters(texts[1]), key
