"""What people type, in a page's form or an uploaded list, read the same way everywhere: a day and
a whole number. Each caller words its own problem (its catalogue, its field or row); these only say
whether the text is one.
"""
from datetime import date, datetime

DAY_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
"""A date input sends YYYY-MM-DD (ISO); without one (an old browser), and in the one-stop systems'
exports, a day is day/month/year."""
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
    (ASCII digits only: '²' is a digit to str.isdigit but not to int; no more digits than `largest`
    has, for int refuses a text of over 4,300)."""
    if not text:
        return None, True
    digits = text.lstrip("0") or "0"
    valid = text.isascii() and text.isdigit() and len(digits) <= len(str(largest)) and int(digits) <= largest
    return (int(digits) if valid else None), valid
