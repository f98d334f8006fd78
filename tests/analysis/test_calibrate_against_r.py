"""calibrate() gives R's calibrate() weights, estimates and SEs to 1e-9 relative.

The reference values come from reference/make_calibrate_reference.R (R's survey 4.1, committed
outputs); each design here is built as the design of the same name there.
"""

from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest

from analysis import Design, calibrate
from tests.analysis.conftest import REFERENCE, read_reference

REL, ABS, TOL = 1e-9, 1e-12, 1e-13
AGES = ["18-34", "35-49", "50-64", "65+"]
SEX_AGE_S = {"sex": {"F": 9000, "M": 7500}, "agegrp": dict(zip(AGES, [6000, 5000, 3500, 2000], strict=True))}
POP_K = {"sex": {"F": 12500, "M": 11000}, "agegrp": dict(zip(AGES, [8000, 7000, 5500, 3000], strict=True)),
         "region": {"mountain": 4500, "rural": 9500, "urban": 9500}}


def _read(name: str) -> pd.DataFrame:
    data = read_reference(name) if name in ("strat.csv", "clus.csv") else pd.read_csv(REFERENCE / name)
    if "q1" in data:
        data["tb"] = np.where(data["q1"].isna() | (data["q1"] == 9), np.nan, data["q1"].isin([4, 5]))
    else:
        data["tb"] = (data["awards"] == "Yes").astype(float)
    return data


S, K, AS, AC = (_read(n) for n in ("strat.csv", "clus.csv", "calibrate_apistrat.csv", "calibrate_apiclus1.csv"))
TOTALS = pd.read_csv(REFERENCE / "calibrate_totals.csv").set_index("name")["total"]
STYPE = {level: TOTALS[f"stype_{level}"] for level in "EHM"}
WIDE = {level: TOTALS[f"sch.wide_{level}"] for level in ("No", "Yes")}
API99 = {"api99": TOTALS["api99"]}


def _designs() -> dict[str, Callable[[], Design]]:
    s = lambda: Design(S, weights="w", strata="unit", fpc="N_unit")  # noqa: E731
    k = lambda: Design(K, weights="w", strata="stratum", cluster="psu", fpc="N_psu")  # noqa: E731
    ast = lambda: Design(AS, weights="pw", strata="stype", fpc="fpc")  # noqa: E731
    acl = lambda: Design(AC, weights="pw", cluster="dnum", fpc="fpc")  # noqa: E731
    return {
        "strat_linear": lambda: calibrate(s(), SEX_AGE_S, tol=TOL),
        "strat_raking": lambda: calibrate(s(), SEX_AGE_S, calfun="raking", tol=TOL),
        "strat_logit": lambda: calibrate(s(), SEX_AGE_S, calfun="logit", bounds=(0.5, 2), tol=TOL),
        "strat_linear_bounded": lambda: calibrate(s(), SEX_AGE_S, bounds=(0.7, 1.6), tol=TOL),
        "clus_raking": lambda: calibrate(k(), POP_K, calfun="raking", tol=TOL),
        "clus_linear": lambda: calibrate(k(), POP_K, tol=TOL),
        "apistrat_raking": lambda: calibrate(ast(), {"sch.wide": WIDE}, API99, calfun="raking", tol=TOL),
        "apistrat_logit": lambda: calibrate(ast(), {"sch.wide": WIDE}, API99, calfun="logit",
                                            bounds=(0.6, 1.7), tol=TOL),
        "apiclus1_linear": lambda: calibrate(acl(), {"stype": STYPE}, API99, tol=TOL),
        "apiclus1_raking": lambda: calibrate(acl(), {"stype": STYPE}, API99, calfun="raking", tol=TOL),
        "apiclus1_total_only": lambda: calibrate(acl(), totals=API99, tol=TOL),
    }


DESIGNS = _designs()
RESULTS = pd.read_csv(REFERENCE / "calibrate.csv", keep_default_na=False)
WEIGHTS = pd.read_csv(REFERENCE / "calibrate_weights.csv")


def _close(ours, theirs) -> None:
    ours, theirs = np.asarray(ours, float), np.asarray(theirs, float)
    assert ours.shape == theirs.shape
    np.testing.assert_allclose(ours, theirs, rtol=REL, atol=ABS)


def _ours(design: Design, name: str, quantity: str) -> pd.DataFrame:
    api = name.startswith("api")
    y = "api00" if api else "score"
    by = "stype" if api else "sex" if name.startswith("clus") else "unit"
    kind = quantity.removesuffix("_by")
    domain = by if quantity.endswith("_by") else None
    if kind == "top_box":
        return design.mean("tb", by=domain)
    return getattr(design, kind)(y, by=domain)


@pytest.mark.parametrize("name", list(DESIGNS))
def test_weights_equal_r(name):
    expected = WEIGHTS[WEIGHTS.design == name].sort_values("row")["weight"]
    _close(DESIGNS[name]().weights, expected)


@pytest.mark.parametrize("name", list(DESIGNS))
@pytest.mark.parametrize("quantity", ["mean", "total", "top_box", "mean_by", "total_by", "top_box_by"])
def test_estimates_and_ses_equal_r(name, quantity):
    expected = RESULTS[(RESULTS.design == name) & (RESULTS.quantity == quantity)]
    ours = _ours(DESIGNS[name](), name, quantity)
    if quantity.endswith("_by"):
        assert [str(d) for d in ours.index] == list(expected["domain"])
    _close(ours["estimate"], expected["estimate"])
    _close(ours["se"], expected["se"])
