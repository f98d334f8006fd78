"""The paper-entry texts exist in both languages, with the same parameters, for every key used."""
import re
from pathlib import Path

from survey.entries import problems
from survey.surveyor import messages
from survey.text import LANGUAGES

SURVEYOR = Path(__file__).resolve().parents[2] / "survey" / "surveyor"


def test_every_text_has_both_languages_with_the_same_parameters():
    for catalogue in (messages.MESSAGES, problems.MESSAGES):
        for key, texts in catalogue.items():
            assert len(texts) == len(LANGUAGES) and all(text.strip() for text in texts), key
            assert len({frozenset(re.findall(r"{(\w+)}", text)) for text in texts}) == 1, key


def test_every_key_the_pages_use_exists():
    used = set()
    for source in [*SURVEYOR.rglob("*.html"), *SURVEYOR.rglob("*.py")]:
        used |= set(re.findall(r"\bsay\(\s*[\"']([a-z0-9_]+)[\"']", source.read_text(encoding="utf-8")))
    assert used and [key for key in sorted(used) if not messages.known(key)] == []
