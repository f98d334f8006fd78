"""The one way of saying 'no': an operation refuses bad input with `InvalidInput`, every problem at
once and nothing written; each `Problem` is a catalogue key, the field it concerns and its parameters.

A problem is made by the catalogue that defines its key (`CATALOGUE.problem(key, field, **params)`)
and carries no text of its own: `text(language)` looks the key up in the registry of catalogues, so
a page shows it in the reader's language, the API and the command line in English (`str`), and a
page places it next to `field` (None: the whole request). Templates print a problem as it is
(`{{ problem }}`): `__html__` renders it in the reader's language. `Problem` is defined beside the
catalogues (survey.text) that render it, which import nothing of this module.
"""
from collections.abc import Iterable

from survey.text import Problem

__all__ = ["InvalidInput", "Problem"]


class InvalidInput(ValueError):
    """Input an operation refuses; `problems` holds every problem found, `str()` their English text."""

    def __init__(self, problems: Problem | Iterable[Problem]):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(map(str, self.problems)))
