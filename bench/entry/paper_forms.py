"""A stack of plausible SIPAS paper forms, as a keyer reads them: for each question the routing
asks, what is typed (an option code, a number, words), and how many keystrokes that takes.

Answers are drawn at random (seeded) and the form is kept only when `forms.check_answers` finds
nothing wrong, so every form is one the server accepts. Vietnamese words count as typed with
Telex (the usual Vietnamese input method): a tone mark or a changed vowel (â ê ô ơ ư ă đ) costs
one more key each.
"""
import random
import unicodedata

import forms
from survey.entries.codes import option_codes, to_stored

SATISFACTION = ("1", "2", "3", "4", "5", "9")
SATISFACTION_WEIGHTS = (2, 5, 15, 50, 23, 5)
WORDS = ("Chờ lâu", "Thái độ tốt", "Hồ sơ phức tạp", "Cần hướng dẫn rõ hơn", "Cấp giấy chứng nhận")
OPTIONAL_TEXT_FILLED = 0.3
"""How often an optional free-text question has something written on paper."""


def draw_form(definition: forms.Definition, rng: random.Random, unit_codes: list[str]) -> dict[str, str]:
    """Question key -> what the keyer types, for the questions the routing asks; valid for the server."""
    while True:
        typed, stored = {}, {}
        for question in (q for q in definition.questions if q.kind.has_answer):
            if not forms.relevance(definition, stored)[question.name]:
                continue
            typed[question.name] = draw(question, rng, unit_codes)
            stored[question.name] = to_stored(question, typed[question.name])[0]
        if not forms.check_answers(definition, stored, unit_codes=unit_codes):
            return typed


def draw(question: forms.Question, rng: random.Random, unit_codes: list[str]) -> str:
    codes = [code for code, _ in option_codes(question)]
    if question.type == "satisfaction":
        return rng.choices(SATISFACTION, SATISFACTION_WEIGHTS)[0]
    if question.type == "select_multiple":
        return " ".join(rng.sample(codes, rng.randint(1, min(3, len(codes)))))
    if codes:
        return rng.choice(codes)
    if question.type == "integer":
        return str(rng.randint(0, 5))
    if question.type == "unit":
        return rng.choice(unit_codes)
    if question.required or rng.random() < OPTIONAL_TEXT_FILLED:
        return rng.choice(WORDS)
    return ""


def keystrokes(text: str) -> int:
    """Keys pressed to type ``text`` with Telex."""
    return sum(1 + telex_extra(character) for character in text)


def telex_extra(character: str) -> int:
    if character.lower() == "đ":
        return 1
    marks = unicodedata.normalize("NFD", character)[1:]
    return len(marks)  # each combining mark (circumflex, breve, horn, tone) is one more key


def form_keystrokes(serial: str, typed: dict[str, str]) -> int:
    """The serial and Enter, then each asked question's answer and Enter (the last Enter saves)."""
    return keystrokes(serial) + 1 + sum(keystrokes(text) + 1 for text in typed.values())
