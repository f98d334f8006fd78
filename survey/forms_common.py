"""What people type in a page's form, read the same way by every page package: a day and a whole
number. Each page words its own problem (its catalogue, its field); these only say whether the text
is one.
"""
from datetime import date, datetime

DAY_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
"""A date input sends YYYY-MM-DD; without one (an old browser) people type day/month/year."""
LARGEST_ID = 2_147_483_647
"""The largest record number (an INTEGER column on PostgreSQL): a larger one typed is none."""


def parsed_day(text: str) -> date | None:
    """The day `text` is in one of DAY_FORMATS, None when it is in neither (or blank)."""
    for pattern in DAY_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def whole(text: str, largest: int) -> tuple[int | None, bool]:
    """The whole number typed (None when blank), and whether the text is one from 0 to `largest`
    (ASCII digits only: '²' is a digit to str.isdigit but not to int)."""
    if not text:
        return None, True
    valid = text.isascii() and text.isdigit() and int(text) <= largest
    return (int(text) if valid else None), valid
