"""The sampling catalogue: both languages with the same parameters, every key the pages and the
operations use present."""
import re
from pathlib import Path
from string import Formatter

from survey.sampling import messages

SURVEY = Path(__file__).resolve().parents[2] / "survey"
USERS = [SURVEY / "templates" / "_achieved.html", SURVEY / "admin" / "campaigns" / "templates" / "admin" /
         "campaigns" / "sample_plan.html", SURVEY / "sampling" / "operations.py"]


def parameters(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


def test_every_text_has_both_languages_with_the_same_parameters():
    for key, (vietnamese, english) in messages.MESSAGES.items():
        assert vietnamese.strip() and english.strip(), key
        assert parameters(vietnamese) == parameters(english), key


def test_every_key_used_exists():
    used = set()
    for path in USERS:
        used |= set(re.findall(r"\b(?:text|problem)\(\s*'([a-z0-9_]+)'[,)]", path.read_text(encoding="utf-8")))
        used |= set(re.findall(r'\bproblem\(\s*"([a-z0-9_]+)"[,)]', path.read_text(encoding="utf-8")))
    used |= {f"allocation_{name}" for name in ("rule", "proportional", "equal")}
    used |= {f"field_{name}" for name in ("margin", "confidence", "eligibility", "response")}
    used |= {f"{name}_range" for name in ("margin", "confidence", "eligibility", "response")}
    assert len(used) > 40 and not [key for key in used if key not in messages.MESSAGES]
