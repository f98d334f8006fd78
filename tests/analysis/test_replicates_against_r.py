"""Replicate-weight designs equal R's svrepdesign / as.svrepdesign estimates to 1e-9 relative,
also post-stratified and raked (R calibrates every replicate's weights).

The reference values come from reference/make_replicate_reference.R (committed outputs); each
design here is built as the design of the same name there. R's bootstrap draws cannot be
reproduced, so its replicate weights are read from the CSV files the script exported.
"""

from collections.abc import Callable

import pandas as pd
import pytest

from analysis import Design, Ratio, ReplicateDesign, poststratify, rake
from tests.analysis.conftest import REFERENCE, read_reference
from tests.analysis.test_against_r import relative_difference

REL = 1e-9
REPLICATES = [f"rw{r}" for r in range(1, 51)]


def _api(name: str) -> pd.DataFrame:
    frame = pd.read_csv(REFERENCE / name, dtype={"cds": str})
    frame["tb"] = (frame["awards"] == "Yes").astype(float)
    return frame


S, K = read_reference("strat.csv"), read_reference("clus.csv")
API_STRAT, API_CLUS, API_CLUS2 = _api("api_strat.csv"), _api("api_clus1.csv"), _api("api_clus2.csv")
BOOT, SUBBOOT = _api("api_clus1_boot.csv"), _api("api_clus1_subboot.csv")
RESULTS = pd.read_csv(REFERENCE / "replicates.csv", keep_default_na=False, dtype=str)
for _col in ("estimate", "se", "ci_low", "ci_high"):
    RESULTS[_col] = RESULTS[_col].replace("NA", "NaN").astype(float)


TIGHT = 1e-14


def _ages(*counts: int) -> dict[str, int]:
    return dict(zip(["18-34", "35-49", "50-64", "65+"], counts, strict=True))


CLUSTER_MARGINS = {"sex": {"F": 12500, "M": 11000}, "agegrp": _ages(8000, 7000, 5500, 3000),
                   "region": {"urban": 9500, "rural": 9500, "mountain": 4500}}


def _scale(design: str) -> float:
    return float(RESULTS[(RESULTS.design == design) & (RESULTS.quantity == "scale")].estimate.iloc[0])


def _designs() -> dict[str, Callable[[], ReplicateDesign]]:
    clus1 = lambda: Design(API_CLUS, weights="pw", cluster="dnum", fpc="fpc")  # noqa: E731
    given = lambda frame, **options: ReplicateDesign(frame, REPLICATES, weights="pw", **options)  # noqa: E731
    strat_jkn = lambda: Design(S, weights="w", strata="unit", fpc="N_unit").to_replicates()  # noqa: E731
    cluster_jkn = lambda: Design(K, weights="w", strata="stratum", cluster="psu", fpc="N_psu").to_replicates()  # noqa: E731
    boot = lambda: given(BOOT, type="bootstrap", scale=_scale("api_clus1_boot"))  # noqa: E731
    return {
        "api_strat_jkn": lambda: Design(API_STRAT, weights="pw", strata="stype", fpc="fpc").to_replicates("JKn"),
        "api_clus1_jk1": lambda: clus1().to_replicates("JK1"),
        "api_clus2_jk1": lambda: Design(API_CLUS2, cluster=["dnum", "snum"], fpc=["fpc1", "fpc2"]).to_replicates("JK1"),
        "api_clus1_jk1_mse": lambda: clus1().to_replicates("JK1", mse=True),
        "api_clus1_boot": boot,
        "api_clus1_subboot": lambda: given(SUBBOOT, type="bootstrap"),
        "api_clus1_fay": lambda: given(SUBBOOT, type="Fay", rho=0.3),
        "api_clus1_brr": lambda: given(SUBBOOT, type="BRR"),
        "strat_jkn": strat_jkn,
        "strat_no_fpc_jkn_mse": lambda: Design(S, weights="w", strata="unit").to_replicates(mse=True),
        "cluster_jkn": cluster_jkn,
        "cluster_jk1": lambda: Design(K, weights="w", cluster="psu").to_replicates(),
        "strat_jkn_ps_sex": lambda: poststratify(strat_jkn(), "sex", {"F": 9000, "M": 7500}),
        "strat_jkn_rake": lambda: rake(strat_jkn(), {"sex": {"F": 9000, "M": 7500},
                                                     "agegrp": _ages(6000, 5000, 3500, 2000)},
                                       tol=TIGHT, max_iter=1000),
        "cluster_jkn_rake": lambda: rake(cluster_jkn(), CLUSTER_MARGINS, tol=TIGHT, max_iter=1000),
        "api_clus1_boot_ps": lambda: poststratify(boot(), "stype", {"E": 4421, "H": 755, "M": 1018}),
    }


DESIGNS = _designs()


def _variables(name: str) -> tuple[str, str, str, str, Callable]:
    """Numeric column, categorical column, domain column, second domain column, top box."""
    if name.startswith("api"):
        return "avg.ed", "awards", "stype", "sch.wide", \
            lambda d, by, method="logit": d.top_box("awards", ["Yes"], by, missing=(), method=method)
    top = lambda d, by, method="logit": d.top_box("q1", (4, 5), by, method=method)  # noqa: E731
    if name.startswith("cluster"):
        return ("score", "q1f", "sex", "stratum", top)
    return ("score", "q1f", "unit", "sex", top)


def _rows(frame: pd.DataFrame, by: bool, categorical: bool) -> list[tuple]:
    """(domain, category, estimate, se, ci_low, ci_high) labelled as the R script labels them."""
    out = []
    for key, row in frame.iterrows():
        parts = list(key) if isinstance(key, tuple) else [key]
        category = str(parts.pop()) if categorical else ""
        domain = ".".join(map(str, parts)) if by else ""
        out.append((domain, category, row.estimate, row.se, row.ci_low, row.ci_high))
    return out


def _quantities(name: str, d: ReplicateDesign) -> dict[str, list[tuple]]:
    num, fac, by, by2, top = _variables(name)
    return {
        "mean_num": _rows(d.mean(num), False, False),
        "mean_num_by": _rows(d.mean(num, by=by), True, False),
        "mean_num_by2": _rows(d.mean(num, by=[by, by2]).dropna(subset=["estimate"]), True, False),
        "total_num": _rows(d.total(num), False, False),
        "total_num_by": _rows(d.total(num, by=by), True, False),
        "prop_fac": _rows(d.mean(fac), False, True),
        "prop_fac_by": _rows(d.mean(fac, by=by), True, True),
        "total_fac": _rows(d.total(fac), False, True),
        "top_box": _rows(top(d, None), False, False),
        "top_box_by_mean": _rows(top(d, by, method="mean"), True, False),
        **{f"prop_{m}": _rows(top(d, None, method=m), False, False) for m in ("beta", "asin", "mean")},
        **{f"prop_{m}_by": _rows(top(d, by, method=m), True, False) for m in ("logit", "beta", "asin")},
        "degf": [("", "", d.df)],
        "scale": [("", "", d.scale)],
    }


CASES = sorted(set(zip(RESULTS.design, RESULTS.quantity, strict=True)))
COMBINED = ("strat_jkn", "strat_jkn_rake", "cluster_jkn", "cluster_jkn_rake")
ITEMS = [Ratio("q1", levels=(4, 5)), Ratio("score")]


def _combinations(name: str, d: ReplicateDesign) -> dict[str, list[tuple]]:
    """A mean of a top-box share and a mean score, and 10 + their difference, as R's script."""
    args = (ITEMS, [[0.5, 0.5], [1, -1]], [0, 10], ["mean", "diff"])
    overall = d.linear_combination(*args)
    by = d.linear_combination(*args, by=_variables(name)[2])
    overall_rows = zip(overall.index, overall.to_numpy()[:, :4], strict=True)
    by_rows = zip(by.index, by.to_numpy()[:, :4], strict=True)
    return {"combination": [("", str(key), *row) for key, row in overall_rows],
            "combination_by": [(str(domain), label, *row) for (label, domain), row in by_rows]}


@pytest.fixture(scope="module")
def computed() -> Callable[[str], dict]:
    cache: dict = {}

    def get(name: str) -> dict:
        if name not in cache:
            design = DESIGNS[name]()
            cache[name] = _quantities(name, design)
            if name in COMBINED:
                cache[name].update(_combinations(name, design))
        return cache[name]
    return get


@pytest.mark.parametrize(("design", "quantity"), CASES)
def test_replicate_estimates_match_r(computed, design: str, quantity: str) -> None:
    expected = RESULTS[(RESULTS.design == design) & (RESULTS.quantity == quantity)]
    ours = {(row[0], row[1]): row[2:] for row in computed(design)[quantity]}
    assert set(ours) == set(zip(expected.domain, expected.category, strict=True))
    for ref in expected.itertuples():
        values = ours[(ref.domain, ref.category)]
        reference = [ref.estimate, ref.se, ref.ci_low, ref.ci_high][: len(values)]
        for mine, theirs in zip(values, reference, strict=True):
            assert relative_difference(float(mine), theirs) <= REL, (ref, values)


def test_every_replicate_design_and_quantity_is_compared(computed) -> None:
    """Every design has R's values of every quantity, but the logit interval by domain where a
    replicate's share is 0 or 1 (see the R script) and the combinations (some designs only)."""
    assert set(RESULTS.design) == set(DESIGNS)
    optional = {"prop_logit_by", "combination", "combination_by"}
    for design in DESIGNS:
        expected = set(RESULTS[RESULTS.design == design].quantity)
        assert set(computed(design)) - optional <= expected <= set(computed(design))
    assert sum(quantity == "prop_logit_by" for _, quantity in CASES) >= 10
