"""Multistage designs and lonely PSUs equal R's survey package to 1e-9 relative.

Reference values: reference/make_stages_reference.R (R's apiclus2 and the generated two-stage
sample twostage.csv), each design here built as the design of the same name there.
"""

from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest

from analysis import Design, poststratify, rake
from tests.analysis.conftest import REFERENCE, read_reference

REL, ABS = 1e-9, 1e-12
API = pd.read_csv(REFERENCE / "apiclus2.csv")
API["good"] = (API["api00"] >= 700).astype(float)
TWO = read_reference("twostage.csv")
EXPECTED = pd.read_csv(REFERENCE / "stages.csv", keep_default_na=False, na_values=["NA"],
                       dtype={"domain": str})
LONELY = ("remove", "certainty", "adjust", "average")


def _two_stage(**kwargs) -> Design:
    return Design(TWO, strata="district", cluster=["commune", None], **kwargs)


def _designs() -> dict[str, tuple[Callable[[], Design], str]]:
    api = lambda **kw: Design(API, cluster=["dnum", "snum"], fpc=["fpc1", "fpc2"], **kw)  # noqa: E731
    two = lambda: _two_stage(weights="w", fpc=["N_communes", "N_pop"])  # noqa: E731
    designs = {
        "api_two_stage": (api, "stype"),
        "api_two_stage_weights": (lambda: api(weights="pw"), "stype"),
        "api_ultimate": (lambda: Design(API, weights="pw", cluster=["dnum", "snum"]), "stype"),
        "two_stage": (two, "sex"),
        "two_stage_derived": (lambda: _two_stage(fpc=["N_communes", "N_pop"]), "sex"),
        "two_stage_fractions": (lambda: _two_stage(weights="w", fpc=["f1", "f2"]), "region"),
        "two_stage_rake": (lambda: rake(two(), {"sex": {"F": 200000, "M": 180000},
                                               "region": {"mountain": 80000, "rural": 150000, "urban": 150000}},
                                        tol=1e-14), "sex"),
        "api_two_stage_ps": (lambda: poststratify(api(), "stype", {"E": 4421, "H": 755, "M": 1018}), "stype"),
    }
    for option in LONELY:
        lonely = lambda option=option: Design(TWO, weights="w", strata="zone", cluster="commune",  # noqa: E731
                                              lonely_psu=option)
        designs[f"lonely_{option}"] = (lonely, "sex")
        designs[f"lonely_region_{option}"] = (lonely, "region")
    return designs


DESIGNS = _designs()


def _estimates(design: Design, name: str, by: str) -> dict[str, pd.DataFrame]:
    api = name.startswith("api")
    score = "api00" if api else "score"
    share = (lambda by=None: design.mean("good", by=by)) if api else \
        (lambda by=None: design.top_box("q1", levels=(4, 5), by=by))
    return {"mean": design.mean(score), "total": design.total(score), "top_box": share(),
            "mean_by": design.mean(score, by=by), "total_by": design.total(score, by=by),
            "top_box_by": share(by)}


def _close(actual, expected) -> bool:
    return bool(np.all(np.isclose(actual, expected, rtol=REL, atol=ABS)))


@pytest.mark.parametrize("name", DESIGNS)
def test_estimates_and_standard_errors_match_r(name):
    build, by = DESIGNS[name]
    design = build()
    expected = EXPECTED[EXPECTED["design"] == name]
    for quantity, table in _estimates(design, name, by).items():
        rows = expected[expected["quantity"] == quantity]
        assert len(rows) == len(table), quantity
        assert list(rows["domain"].fillna("")) == [str(d) if quantity.endswith("_by") else "" for d in
                                                   (table.index if quantity.endswith("_by") else [""])]
        assert _close(table["estimate"], rows["estimate"].astype(float)), quantity
        assert _close(table["se"], rows["se"].astype(float)), quantity
    assert design.df == expected["degf"].iloc[0]


@pytest.mark.parametrize("name", DESIGNS)
def test_weights_match_r(name):
    rows = EXPECTED[(EXPECTED["design"] == name) & (EXPECTED["quantity"] == "weight")]
    assert _close(DESIGNS[name][0]().weights, rows["estimate"].astype(float))
