"""One typed Problem (issue 19): every problem the service raises names a key that one catalogue
defines in both languages, and renders in either; read from the source with `ast`."""
import ast
from importlib import import_module
from pathlib import Path

import pytest
from markupsafe import escape

import survey
from survey.campaigns.messages import CATALOGUE as CAMPAIGNS
from survey.entries.problems import CATALOGUE as ENTRIES
from survey.errors import InvalidInput, Problem
from survey.responses.messages import CATALOGUE as RESPONSES
from survey.text import LANGUAGES, REGISTRY, Catalogue

ROOT = Path(survey.__file__).parent


def raised_keys() -> dict[str, str]:
    """Key -> the file of a literal `CATALOGUE.problem("key", ...)` in survey/ (each module imported,
    so that its catalogues are registered)."""
    found = {}
    for path in ROOT.rglob("*.py"):
        import_module(".".join(path.relative_to(ROOT.parent).with_suffix("").parts).removesuffix(".__init__"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "problem"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                found[node.args[0].value] = str(path.relative_to(ROOT))
    return found


RAISED = raised_keys()


def test_problems_are_found_in_every_domain():
    assert len(RAISED) > 150 and {"serial_taken", "campaign_unknown", "name_required"} <= set(RAISED)


@pytest.mark.parametrize("key", sorted(RAISED))
def test_a_problem_key_is_defined_once_across_the_catalogues(key):
    texts = {catalogue.messages[key] for catalogue in REGISTRY.get(key, [])}
    assert len(texts) == 1, (key, RAISED[key], texts)
    assert all(text.strip() for text in texts.pop()), key


def test_a_catalogue_makes_problems_of_its_own_keys_only():
    with pytest.raises(KeyError):
        ENTRIES.problem("campaign_unknown")
    with pytest.raises(KeyError, match="alone"):  # the key of a page's label in another catalogue
        Catalogue({"unit_code": ("Mã", "Code")}).problem("unit_code")


def test_a_problem_says_itself_in_each_language_and_english_as_a_string():
    taken = ENTRIES.problem("serial_taken", "serial", serial="A-7")
    assert [taken.text(code) for code in LANGUAGES] == ["Phiếu số A-7 đã được nhập trong đợt khảo sát này.",
                                                        "Serial A-7 has already been keyed in this campaign."]
    assert str(InvalidInput([taken])) == str(taken) == taken.text("en")
    assert taken.field == "serial" and taken == Problem("serial_taken", "serial", {"serial": "A-7"})


def test_a_problem_among_the_parameters_is_said_in_the_same_language():
    wrapped = RESPONSES.problem("answer_check", "answers.q", key="q", problem=ENTRIES.problem("serial_missing"))
    assert wrapped.text("vi") == "q: Nhập số phiếu in trên phiếu giấy trước."


def test_a_template_prints_a_problem_escaped_in_the_readers_language(app):
    with app.test_request_context("/?lang=en"):
        app.preprocess_request()
        assert str(escape(CAMPAIGNS.problem("campaign_unknown", slug="<b>"))) == "unknown campaign &#39;&lt;b&gt;&#39;"
