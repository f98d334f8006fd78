"""A questionnaire as it is printed: questions numbered 1, 2, ... in form order (notes are not
numbered) and every option with the code the keyer types on the paper-entry screen (the codes
of `survey.entries.codes`, so that paper and screen cannot drift apart)."""
from collections.abc import Sequence

from forms import Definition
from survey.entries.codes import option_codes, question_numbers


class Paper:
    """A definition with its printed numbering and option codes."""

    def __init__(self, definition: Definition, unit_codes: Sequence[tuple[str, str]] = ()) -> None:
        """``unit_codes`` are the (code, stored unit code) options of unit questions: the keyer types
        the unit's code."""
        self.definition = definition
        self.answerable = [q for q in definition.questions if q.kind.has_input]
        self.number = question_numbers(definition)
        self.codes = {q.name: list(unit_codes) if q.type == "unit" else option_codes(q) for q in self.answerable}
        self.section_of = {q.name: s for s in definition.sections for q in s.questions}
