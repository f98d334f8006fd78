"""The arithmetic of a sample plan, exact where it decides a count (fractions, not floats, so
that 56 / (0.8 × 0.7) is 100, not 100.00000000000001 rounded up to 101). No database, no Flask.

Notation: N_h the unit's transactions in the period (its population of dossiers), n_h its
respondents, e the margin of error wanted, z the normal quantile of the confidence level.
"""
import math
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from statistics import NormalDist

ALLOCATIONS = ("rule", "proportional", "equal")
WORST_P = Fraction(1, 2)
"""p = 0.5 makes p(1 − p) largest: the margin of any proportion is at most the one computed for it."""


def exact(value: float | str | Fraction) -> Fraction:
    """A rate typed as 0.8 taken as 8/10 exactly (a float's own binary value is not what was meant)."""
    return value if isinstance(value, Fraction) else Fraction(str(value))


def ministry_n(population: int, margin: float | str | Fraction) -> int:
    """The ministry's rule (Yamane's, as 1001/QĐ-BNV uses it): n = N / (1 + N·e²), rounded up.

    It is the sample for a proportion p = 0.5 at z = 2 with the finite-population correction,
    n0 = 1/e² and n = n0 / (1 + n0/N): N = 10,000 and e = 5 % give 384.6, so 385.
    """
    e = exact(margin)
    return math.ceil(Fraction(population) / (1 + population * e * e))


def z_of(confidence: float | str | Fraction) -> float:
    """The two-sided normal quantile: 1.96 for 95 %."""
    return NormalDist().inv_cdf(1 - (1 - float(confidence)) / 2)


def proportion_n(population: int, margin: float | str | Fraction, confidence: float | str | Fraction) -> int:
    """n for a proportion (p = 0.5) at margin e and the confidence's z, with the finite-population
    correction: n0 = z²·p(1 − p)/e², n = n0 / (1 + (n0 − 1)/N), rounded up (at most N)."""
    if population <= 1:
        return population
    n0 = z_of(confidence) ** 2 * float(WORST_P * (1 - WORST_P)) / float(exact(margin)) ** 2
    # Rounded to 9 places first: a float a hair above a whole number must not take the next one.
    return min(math.ceil(round(n0 / (1 + (n0 - 1) / population), 9)), population)


def margin_of(population: int, n: int, confidence: float | str | Fraction) -> float | None:
    """The margin of error of a proportion (p = 0.5) from n of N: z·√(p(1 − p)/n · (N − n)/(N − 1)).

    None without respondents; 0 for a census (n = N). A population of one asked once is a census too.
    """
    if n <= 0:
        return None
    if n >= population:
        return 0.0
    variance = float(WORST_P * (1 - WORST_P)) / n * (population - n) / (population - 1)
    return z_of(confidence) * math.sqrt(variance)


def invitations(n: int, population: int, eligibility: float | str | Fraction, response: float | str | Fraction) -> int:
    """Dossiers to invite so that n eligible respondents are expected: ⌈n / (eligibility × response)⌉,
    at most N (a unit cannot invite more dossiers than it handled)."""
    return min(math.ceil(Fraction(n) / (exact(eligibility) * exact(response))), population)


def allocate(populations: Mapping[str, int], method: str, margin: float | str | Fraction,
             budget: int | None = None) -> dict[str, int]:
    """n_h per unit. `rule`: each unit its own ministry_n (the budget, if any, only bounds the
    total); `proportional`: the budget shared in proportion to N_h; `equal`: budget / units.
    Every n_h is at most N_h: what a capped unit cannot take goes to the others."""
    if method == "rule":
        return {unit: ministry_n(population, margin) for unit, population in populations.items()}
    weights = dict(populations) if method == "proportional" else dict.fromkeys(populations, 1)
    return capped_shares(populations, weights, budget or 0)


def capped_shares(populations: Mapping[str, int], weights: Mapping[str, int], budget: int) -> dict[str, int]:
    """`budget` shared in proportion to `weights`, no unit above its N_h (those above are set to
    N_h and the rest shared again among the others); whole numbers by the largest remainders."""
    fixed: dict[str, int] = {}
    while True:
        open_units = {u: w for u, w in weights.items() if u not in fixed and w > 0}
        left = budget - sum(fixed.values())
        total = sum(open_units.values())
        shares = {u: Fraction(left * w, total) for u, w in open_units.items()} if total else {}
        over = {u for u, share in shares.items() if share >= populations[u]}
        if not over:
            return {u: fixed.get(u, 0) for u in populations} | largest_remainders(shares, left)
        fixed |= {u: populations[u] for u in over}


def largest_remainders(shares: Mapping[str, Fraction], total: int) -> dict[str, int]:
    """Whole numbers summing to `total` (when the shares do): each share's floor, then one more to
    the largest fractions (ties by unit code, so the plan is the same every time)."""
    counts = {u: math.floor(share) for u, share in shares.items()}
    extra = total - sum(counts.values())
    ranked = sorted(shares, key=lambda u: (-(shares[u] - counts[u]), u))
    return counts | {u: counts[u] + 1 for u in ranked[:max(extra, 0)]}


@dataclass(frozen=True)
class Row:
    """One unit of a plan: N_h, the rule's n, the allocated n, the dossiers to invite, the margin."""

    unit_code: str
    transactions: int
    rule_n: int
    n: int
    invite: int
    margin: float | None


@dataclass(frozen=True)
class Parameters:
    """What a plan is computed from; rates and the margin are fractions of one (0.05 for 5 %)."""

    margin: Fraction = Fraction(5, 100)
    confidence: Fraction = Fraction(95, 100)
    eligibility: Fraction = Fraction(1)
    response: Fraction = Fraction(1)
    allocation: str = "rule"
    budget: int | None = None


def plan_rows(populations: Mapping[str, int], parameters: Parameters) -> list[Row]:
    """The plan of every unit, in the order given (the inputs are checked by `operations`)."""
    allocated = allocate(populations, parameters.allocation, parameters.margin, parameters.budget)
    return [Row(unit, population, ministry_n(population, parameters.margin), allocated[unit],
                invitations(allocated[unit], population, parameters.eligibility, parameters.response),
                margin_of(population, allocated[unit], parameters.confidence))
            for unit, population in populations.items()]
