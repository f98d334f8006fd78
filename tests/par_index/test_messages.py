"""Every problem analysis.par_index can raise is said in the catalogue, in both languages with the
same places to fill."""
import re
import string
from pathlib import Path

from analysis.par_index_model import CODES
from survey.par_index.messages import MESSAGES

ANALYSIS = Path(__file__).parents[2] / "analysis"


def places(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_code_raised_is_listed():
    source = "".join(path.read_text(encoding="utf-8") for path in ANALYSIS.glob("par_index*.py"))
    assert set(re.findall(r'Problem\("(\w+)"', source)) == set(CODES)


def test_every_code_has_its_text_in_both_languages():
    assert {f"par_{code}" for code in CODES} <= set(MESSAGES)
    for key, (vietnamese, english) in MESSAGES.items():
        assert vietnamese != english and places(vietnamese) == places(english), key
