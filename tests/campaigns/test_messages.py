"""The catalogues of the problems campaign and invitation operations report: every key an operation
raises exists and every key is raised; the English text is the string (what the command line and
the API show), dates the Vietnamese way on pages."""
import re
from datetime import date
from pathlib import Path

import pytest

from survey.campaigns import messages as campaigns
from survey.invitations import messages as invitations

CATALOGUES = [campaigns, invitations]


@pytest.mark.parametrize("module", CATALOGUES, ids=lambda module: module.__name__)
def test_every_key_is_raised_by_the_operations_and_exists(module):
    folder = Path(module.__file__).parent
    source = "".join((folder / name).read_text(encoding="utf-8")
                     for name in ("operations.py", "queries.py", "cli.py") if (folder / name).exists())
    raised = set(re.findall(r"""CATALOGUE\.problem\(\s*["']([a-z0-9_]+)["']""", source))
    assert raised <= set(module.MESSAGES)
    assert set(module.MESSAGES) <= set(re.findall(r'"([a-z0-9_]+)"', source))  # some keys are chosen in a loop


def test_a_problem_is_its_english_text_and_dates_are_written_the_vietnamese_way(app):
    problem = campaigns.CATALOGUE.problem("dates_reversed", closes=date(2026, 11, 1), opens=date(2026, 12, 1))
    assert str(problem) == "dates: closes 2026-11-01 before it opens 2026-12-01" and problem.key == "dates_reversed"
    with app.test_request_context("/"):
        assert problem.text() == "Thời gian khảo sát: ngày đóng 01/11/2026 trước ngày mở 01/12/2026"
    twice = invitations.CATALOGUE.problem("dossier_twice", dossier="HS-5")
    assert str(twice) == "dossier code 'HS-5' is listed twice" and type(str(twice)) is str
