"""Which skip conditions a page's script can evaluate in the browser.

The citizen's relevance.js and the keyer's entry.js know the comparisons, arithmetic and the
question functions (selected, count-selected, string-length, answered), not XLSForm's value
functions (if, coalesce, concat, round, int, regex, today, date, choice) nor a calculate's value,
which only the server computes. A page sends such a condition as the server's decision instead;
the server checks every save in full.
"""

from __future__ import annotations

from .definition import Definition
from .expression_tree import QUESTION_FUNCTIONS
from .expressions import Expression

SCRIPTED_FUNCTIONS = frozenset({*QUESTION_FUNCTIONS, "string_length"})


def evaluable_in_browser(definition: Definition, expression: Expression) -> bool:
    """Whether the pages' scripts evaluate ``expression`` as forms.checking does."""
    return (expression.functions <= SCRIPTED_FUNCTIONS
            and all(call.question is not None for call in expression.calls)
            and all(definition.question(name).calculation is None for name in expression.references))
