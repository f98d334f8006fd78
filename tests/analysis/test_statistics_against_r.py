"""ratio, quantile, ttest, chisq, glm and adjust_p equal R's survey package to 1e-9 relative.

The reference values come from reference/make_statistics_reference.R (svyratio, svyquantile,
svyttest, svychisq, svyglm, p.adjust of R's survey 4.x; committed outputs): on R's apistrat and
apiclus1 and on the invented strat.csv and clus.csv with missing values, overall and by domain,
on stratified, clustered and raked designs. NaN (an interval bound R leaves undefined) must be
NaN here too.
"""

import numpy as np
import pandas as pd
import pytest

from analysis import Design, adjust_p, chisq, glm, rake, ttest
from tests.analysis.conftest import REFERENCE, read_reference

REL, ABS = 1e-9, 1e-12
PROBS = [0.1, 0.25, 0.5, 0.9]
PVALUES = [0.01, 0.04, 0.03, 0.005, 0.5, 0.04, np.nan, 0.2, 0.0001, 0.04]


def _survey(name: str) -> pd.DataFrame:
    data = read_reference(name)
    data["tb"] = data["q1"].isin([4, 5]).astype(float).where(data["q1"].notna() & (data["q1"] != 9))
    return data


API = {"y": "api00", "x": "api99", "by": "stype", "group": "sch.wide",
       "tables": [("stype", "awards"), ("sch.wide", "awards")],
       "gaussian": "api00 ~ ell + meals + stype", "binomial": "award ~ ell + meals + stype"}


def _items(by: str, tables: list[tuple[str, str]]) -> dict:
    return {"y": "score", "x": "q1", "by": by, "group": "sex", "tables": tables,
            "gaussian": "score ~ agegrp + sex + q1", "binomial": "tb ~ agegrp + score"}


def _designs() -> dict[str, tuple[Design, dict]]:
    apistrat = pd.read_csv(REFERENCE / "statistics_apistrat.csv")
    apiclus1 = pd.read_csv(REFERENCE / "statistics_apiclus1.csv")
    s, k = _survey("strat.csv"), _survey("clus.csv")
    strat = Design(s, weights="w", strata="unit", fpc="N_unit")
    margins = {"sex": {"F": 9000, "M": 7500},
               "agegrp": {"18-34": 6000, "35-49": 5000, "50-64": 3500, "65+": 2000}}
    strat_items = _items("unit", [("q1f", "sex"), ("unit", "agegrp")])
    return {
        "apistrat": (Design(apistrat, weights="pw", strata="stype", fpc="fpc"), API),
        "apiclus1": (Design(apiclus1, weights="pw", cluster="dnum", fpc="fpc"), API),
        "strat": (strat, strat_items),
        "clus": (Design(k, weights="w", strata="stratum", cluster="psu", fpc="N_psu"),
                 _items("sex", [("q1f", "agegrp"), ("region", "sex")])),
        "strat_raked": (rake(strat, margins, tol=1e-14), strat_items),
    }


def _domain_rows(frame: pd.DataFrame, domain: str, term=lambda key: "") -> dict:
    out = {}
    for key, row in frame.iterrows():
        label = "" if domain == "" else str(key[0] if isinstance(key, tuple) else key)
        for field in ("estimate", "se", "ci_low", "ci_high"):
            out[(label, term(key), field)] = row[field]
    return out


def _computed(design: Design, plan: dict) -> dict:
    """(quantity, domain, term, field) -> value, labelled as the R script labels them."""
    out = {}
    quantile_term = lambda key: f"{key[-1] if isinstance(key, tuple) else key:g}"  # noqa: E731
    for domain in ("", plan["by"]):
        by = None if domain == "" else domain
        for (label, term, field), value in _domain_rows(design.ratio(plan["y"], plan["x"], by=by), domain).items():
            out[("ratio", label, term, field)] = value
        frame = design.quantile(plan["y"], PROBS, by=by)
        for (label, term, field), value in _domain_rows(frame, domain, quantile_term).items():
            out[("quantile", label, term, field)] = value
    test = ttest(design, plan["y"], plan["group"])
    for field in ("difference", "se", "t", "df", "p_value", "ci_low", "ci_high"):
        out[("ttest", "", "", field)] = getattr(test, field)
    for a, b in plan["tables"]:
        for statistic in ("F", "Chisq"):
            result = chisq(design, a, b, statistic=statistic)
            for field in ("statistic", "ndf", "ddf", "p_value"):
                out[(f"chisq_{statistic}", "", f"{a}*{b}", field)] = getattr(result, field)
    for family, formula in (("gaussian", plan["gaussian"]), ("quasibinomial", plan["binomial"])):
        for term, row in glm(design, formula, family).iterrows():
            for field in ("estimate", "se", "t", "p_value", "ci_low", "ci_high", "df"):
                out[(f"glm_{family}", "", term, field)] = row[field]
    return out


def _reference() -> pd.DataFrame:
    frame = pd.read_csv(REFERENCE / "statistics.csv", keep_default_na=False, dtype=str)
    frame["value"] = frame["value"].replace("NA", "NaN").astype(float)
    return frame


RESULTS = _reference()
DESIGNS = sorted(set(RESULTS.design) - {"pvalues"})


def _agrees(ours: float, theirs: float) -> bool:
    if np.isnan(theirs) or np.isnan(ours):
        return bool(np.isnan(theirs) and np.isnan(ours))
    return abs(ours - theirs) <= ABS or abs(ours - theirs) <= REL * max(abs(ours), abs(theirs))


@pytest.fixture(scope="module")
def computed() -> dict:
    designs = _designs()
    return {name: _computed(*designs[name]) for name in DESIGNS}


@pytest.mark.parametrize("design", DESIGNS)
@pytest.mark.parametrize("quantity", sorted({q for q in RESULTS.quantity if not q.startswith("adjust")}))
def test_statistics_match_r(computed, design: str, quantity: str) -> None:
    expected = RESULTS[(RESULTS.design == design) & (RESULTS.quantity == quantity)]
    ours = {key[1:]: value for key, value in computed[design].items() if key[0] == quantity}
    assert len(expected) > 0
    # ddf of the Chisq statistic is not R's (it has none): only R's fields are compared
    assert set(zip(expected.domain, expected.term, expected.field, strict=True)) <= set(ours)
    for ref in expected.itertuples():
        mine = ours[(ref.domain, ref.term, ref.field)]
        assert _agrees(float(mine), ref.value), (ref, mine)


@pytest.mark.parametrize("method", ["holm", "BH", "bonferroni"])
def test_adjust_p_matches_r(method: str) -> None:
    expected = RESULTS[RESULTS.quantity == f"adjust_{method}"].sort_values("term", key=lambda t: t.astype(int))
    ours = adjust_p(PVALUES, method)
    assert all(_agrees(a, b) for a, b in zip(ours, expected.value, strict=True))
