"""The catalogues of the problems unit, webhook and API token operations report: both languages for
every key, with the same parameters, and the English text is the string (what the command line and
the API show)."""
import re

import pytest

from survey.api import messages as tokens
from survey.public.messages import LANGUAGES
from survey.units import messages as units
from survey.webhooks import messages as webhooks

CATALOGUES = [units, webhooks, tokens]


@pytest.mark.parametrize("module", CATALOGUES, ids=lambda module: module.__name__)
def test_every_problem_has_both_languages_with_the_same_parameters(module):
    for key, texts in module.MESSAGES.items():
        assert len(texts) == len(LANGUAGES) and all(text.strip() for text in texts), key
        parameters = {frozenset(re.findall(r"{(\w+)}", text)) for text in texts}
        assert len(parameters) == 1, key
        assert not parameters.pop() & {"code", "key"}, key  # the names `Catalogue.in_language` takes itself


def test_a_problem_is_its_english_text():
    problem = units.CATALOGUE.problem("code_repeated", row=4, unit="AG", first=2)
    assert problem == "row 4, code: 'AG' repeats row 2" and problem.key == "code_repeated"
