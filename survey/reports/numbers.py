"""Numbers as the reader writes them: Vietnamese '1.500' and '67,9' (a comma before the decimals,
a point between thousands), English '1,500' and '67.9'. A missing figure is '–'."""
import math

MISSING = "–"


class Figure(str):
    """A number as written for the reader that keeps its value and a spreadsheet number format:
    the pages, Word and PDF show the text, a workbook stores the number (Excel writes it in the
    reader's own separators)."""

    value: float
    excel: str

    def __new__(cls, text: str, value, excel: str) -> "Figure":
        made = super().__new__(cls, text)
        made.value, made.excel = float(value), excel
        return made


def missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def decimal(value, digits: int = 1, language: str = "vi") -> str:
    """`value` with `digits` decimals and grouped thousands."""
    if missing(value):
        return MISSING
    text = f"{float(value):,.{digits}f}"
    excel = "#,##0" + ("." + "0" * digits if digits else "")
    return Figure(text.translate(str.maketrans(",.", ".,")) if language == "vi" else text, value, excel)


def whole(value, language: str = "vi") -> str:
    return decimal(value, 0, language)


def percent(share, language: str = "vi", digits: int = 1) -> str:
    """A share of 1 as a percentage: 0.679 -> '67,9 %'."""
    if missing(share):
        return MISSING
    return Figure(f"{decimal(100 * share, digits, language)} %", share, "0." + "0" * digits + "%" if digits else "0%")


def p_value(p, language: str = "vi") -> str:
    """'p < 0,001' below a thousandth (more decimals claim a precision the test does not have),
    else 'p = 0,023'."""
    if missing(p):
        return MISSING
    if p < 0.001:
        return f"p < {decimal(0.001, 3, language)}"
    return f"p = {decimal(p, 3, language)}"


def interval(low, high, language: str = "vi", digits: int = 1) -> str:
    if missing(low) or missing(high):
        return MISSING
    return f"[{decimal(low, digits, language)}; {decimal(high, digits, language)}]"
