"""Every estimate, SE, interval and adjusted weight equals R's survey package to 1e-9 relative.

The reference values come from reference/make_reference.R (R's survey 4.x, committed outputs);
each design here is built exactly as the design of the same name there.
"""

from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest

from analysis import Design, compare, poststratify, rake, trim
from tests.analysis.conftest import REFERENCE, read_reference

REL, ABS = 1e-9, 1e-12
AGES = ["18-34", "35-49", "50-64", "65+"]
POP_S = {"sex": {"F": 9000, "M": 7500}, "agegrp": dict(zip(AGES, [6000, 5000, 3500, 2000], strict=True)),
         "region": {"urban": 7000, "rural": 6500, "mountain": 3000}}
POP_K = {"sex": {"F": 12500, "M": 11000}, "agegrp": dict(zip(AGES, [8000, 7000, 5500, 3000], strict=True)),
         "region": {"urban": 9500, "rural": 9500, "mountain": 4500}}
SEX_AGE = dict(zip([(s, a) for a in AGES for s in "FM"], [3300, 2700, 2700, 2300, 1900, 1600, 1100, 900], strict=True))
TIGHT = 1e-14

S, K = read_reference("strat.csv"), read_reference("clus.csv")


def _rake(design: Design, pop: dict, names: list[str]) -> Design:
    return rake(design, {name: pop[name] for name in names}, tol=TIGHT)


def _designs() -> dict[str, Callable[[], Design]]:
    base = lambda: Design(S, weights="w", strata="unit", fpc="N_unit")  # noqa: E731
    cbase = lambda: Design(K, weights="w", strata="stratum", cluster="psu", fpc="N_psu")  # noqa: E731
    no_fpc = lambda: Design(S, weights="w", strata="unit")  # noqa: E731
    raked = lambda: _rake(base(), POP_S, ["sex", "agegrp"])  # noqa: E731
    return {
        "strat_fpc_count": base,
        "strat_fpc_fraction": lambda: Design(S, weights="w", strata="unit", fpc="f_unit"),
        "strat_no_fpc": no_fpc,
        "srs_equal": lambda: Design(S),
        "strat_weights_from_fpc": lambda: Design(S, strata="unit", fpc="N_unit"),
        "cluster": lambda: Design(K, weights="w", cluster="psu"),
        "cluster_strat_fpc_count": cbase,
        "cluster_strat_fpc_fraction": lambda: Design(K, weights="w", strata="stratum", cluster="psu", fpc="f_psu"),
        "ps_sex": lambda: poststratify(base(), "sex", POP_S["sex"]),
        "ps_sex_age": lambda: poststratify(base(), ["sex", "agegrp"], SEX_AGE),
        "cluster_ps_age": lambda: poststratify(cbase(), "agegrp", POP_K["agegrp"]),
        "rake_sex_age": raked,
        "rake_three_no_fpc": lambda: _rake(no_fpc(), POP_S, ["sex", "agegrp", "region"]),
        "cluster_rake_three": lambda: _rake(cbase(), POP_K, ["sex", "agegrp", "region"]),
        "ps_then_rake": lambda: _rake(poststratify(base(), "region", POP_S["region"]), POP_S, ["sex", "agegrp"]),
        "rake_then_ps": lambda: poststratify(raked(), "region", POP_S["region"]),
        "trim": lambda: trim(base(), lower=8, upper=100),
        "rake_trim": lambda: trim(raked(), lower=8, upper=100),
        "rake_trim_strict": lambda: trim(raked(), lower=8, upper=100, strict=True),
        "rake_trim_then_ps": lambda: poststratify(trim(raked(), lower=8, upper=100), "region", POP_S["region"]),
        "trim_then_ps": lambda: poststratify(trim(base(), upper=100), "sex", POP_S["sex"]),
        "cluster_trim_then_rake": lambda: _rake(trim(cbase(), upper=200), POP_K, ["sex", "agegrp"]),
    }


DESIGNS = _designs()


def _by(name: str) -> tuple[str, str, tuple[str, str]]:
    """The domain column, the second one for two-way domains, and the pair compared."""
    return ("sex", "stratum", ("F", "M")) if name.startswith("cluster") else ("unit", "sex", ("A", "B"))


def _rows(frame: pd.DataFrame, by: bool, categorical: bool) -> list[tuple]:
    """(domain, category, estimate, se, ci_low, ci_high) labelled as the R script labels them."""
    out = []
    for key, row in frame.iterrows():
        parts = list(key) if isinstance(key, tuple) else [key]
        category = str(parts.pop()) if categorical else ""
        domain = ".".join(map(str, parts)) if by else ""
        out.append((domain, category, row.estimate, row.se, row.ci_low, row.ci_high))
    return out


def _quantities(name: str, d: Design) -> dict[str, list[tuple]]:
    by, by2, (a, b) = _by(name)
    diff = compare(d, "score", by, a, b)
    return {
        "mean_score": _rows(d.mean("score"), False, False),
        "mean_score_by": _rows(d.mean("score", by=by), True, False),
        "mean_score_by2": _rows(d.mean("score", by=[by, by2]), True, False),
        "total_score": _rows(d.total("score"), False, False),
        "total_score_by": _rows(d.total("score", by=by), True, False),
        "prop_q1": _rows(d.mean("q1f"), False, True),
        "prop_q1_by": _rows(d.mean("q1f", by=by), True, True),
        "total_q1": _rows(d.total("q1f"), False, True),
        "top_box": _rows(d.top_box("q1", method="mean", df=d.df), False, False),
        "top_box_by": _rows(d.top_box("q1", by=by, method="mean", df=d.df), True, False),
        "compare_score": [("", "", diff.difference, diff.se, diff.ci_low, diff.ci_high)],
        "compare_p": [("", "", diff.p_value)],
        "effective_n": [("", "", d.effective_n())],
        "effective_n_by": [(str(k), "", v) for k, v in d.effective_n(by=by).items()],
        "degf": [("", "", d.df)],
    }


def _reference() -> pd.DataFrame:
    frame = pd.read_csv(REFERENCE / "results.csv", keep_default_na=False, dtype=str)
    for col in ("estimate", "se", "ci_low", "ci_high"):
        frame[col] = frame[col].replace("NA", "NaN").astype(float)
    return frame


RESULTS = _reference()
CASES = sorted(set(zip(RESULTS.design, RESULTS.quantity, strict=True)))


def relative_difference(ours: float, theirs: float) -> float:
    """|ours - theirs| / max(|ours|, |theirs|), 0 when both are within ABS of each other."""
    if abs(ours - theirs) <= ABS:
        return 0.0
    return abs(ours - theirs) / max(abs(ours), abs(theirs))


@pytest.fixture(scope="module")
def computed() -> dict:
    cache: dict = {}

    def get(name: str) -> dict:
        if name not in cache:
            cache[name] = _quantities(name, DESIGNS[name]())
        return cache[name]
    return get


@pytest.mark.parametrize(("design", "quantity"), CASES)
def test_estimates_match_r(computed, design: str, quantity: str) -> None:
    expected = RESULTS[(RESULTS.design == design) & (RESULTS.quantity == quantity)]
    ours = {(row[0], row[1]): row[2:] for row in computed(design)[quantity]}
    assert set(ours) == set(zip(expected.domain, expected.category, strict=True))
    for ref in expected.itertuples():
        values = ours[(ref.domain, ref.category)]
        reference = [ref.estimate, ref.se, ref.ci_low, ref.ci_high][: len(values)]
        for mine, theirs in zip(values, reference, strict=True):
            assert relative_difference(float(mine), theirs) <= REL, (ref, values)


@pytest.mark.parametrize("design", sorted(DESIGNS))
def test_weights_match_r(design: str) -> None:
    reference = pd.read_csv(REFERENCE / "weights.csv", dtype={"weight": float})
    expected = reference[reference.design == design].sort_values("id")
    ours = DESIGNS[design]().weights
    data = K if design.startswith("cluster") else S
    np.testing.assert_array_equal(data["id"].to_numpy(), expected["id"].to_numpy())
    worst = max(relative_difference(a, b) for a, b in zip(ours, expected.weight, strict=True))
    assert worst <= REL


def test_every_reference_design_and_quantity_is_compared() -> None:
    quantities = set(_quantities("strat_fpc_count", DESIGNS["strat_fpc_count"]()))
    assert set(RESULTS.design) == set(DESIGNS)
    assert set(RESULTS.quantity) == quantities
    assert len(CASES) == len(DESIGNS) * len(quantities)
