"""Numbers as the reader writes them: Vietnamese '1.500' and '67,9' (a comma before the decimals,
a point between thousands), English '1,500' and '67.9'. A missing figure is '–'."""
import math

MISSING = "–"


def missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def decimal(value, digits: int = 1, language: str = "vi") -> str:
    """`value` with `digits` decimals and grouped thousands."""
    if missing(value):
        return MISSING
    text = f"{float(value):,.{digits}f}"
    return text.translate(str.maketrans(",.", ".,")) if language == "vi" else text


def whole(value, language: str = "vi") -> str:
    return decimal(value, 0, language)


def percent(share, language: str = "vi", digits: int = 1) -> str:
    """A share of 1 as a percentage: 0.679 -> '67,9 %'."""
    return MISSING if missing(share) else f"{decimal(100 * share, digits, language)} %"


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
