"""How long a questionnaire takes, said once and used by the start page and the QR posters.

The estimate is every question of the form (skip logic ignored, so it is what the longest
path asks) times the seconds a respondent on a phone takes for its type:

| type | seconds | why |
| --- | --- | --- |
| note | 5 | read a sentence |
| yes_no, satisfaction | 5 | two to six short rows, one tap |
| select_one, unit | 8 | read a few longer options, one tap |
| select_multiple | 15 | read the options, several taps |
| integer, decimal, date | 10 | type a few digits |
| text | 20 | a short sentence when there is one (most are optional and left blank) |

Rounded up to whole minutes, at least one. Types not in the table count as a select_one.
"""
import math

from forms import Definition

SECONDS_PER_TYPE = {"note": 5, "yes_no": 5, "satisfaction": 5, "select_one": 8, "unit": 8,
                    "select_multiple": 15, "integer": 10, "decimal": 10, "date": 10, "text": 20}
DEFAULT_SECONDS = SECONDS_PER_TYPE["select_one"]


def seconds(definition: Definition) -> int:
    return sum(SECONDS_PER_TYPE.get(q.type, DEFAULT_SECONDS) for q in definition.questions)


def minutes(definition: Definition) -> int:
    """The minutes a respondent should expect (see the module's table)."""
    return max(1, math.ceil(seconds(definition) / 60))
