"""deff, t tests, Rao-Scott tests and models of replicate-weight designs equal R's svymean/svytotal
(deff = TRUE), svyttest, svychisq and svyglm on an svyrep.design to 1e-9 relative
(reference/make_replicate_reference.R, replicate_tests.csv): every design of
test_replicates_against_r, deff overall and by one and two domains (svyby), the tests and models
overall and on each domain's rows (R's subset(), degf of the subset)."""

import math
import re

import numpy as np
import pandas as pd
import pytest

from analysis import ReplicateDesign, chisq, glm, ttest
from tests.analysis.conftest import REFERENCE
from tests.analysis.test_against_r import relative_difference
from tests.analysis.test_replicates_against_r import DESIGNS, _variables

REL = 1e-9
EXPECTED = pd.read_csv(REFERENCE / "replicate_tests.csv", keep_default_na=False, dtype=str)
EXPECTED["value"] = EXPECTED["value"].replace("NA", "NaN").astype(float)
LIKELIHOOD = EXPECTED.quantity == "prop_likelihood"
# R's confint.svyglm takes the t quantile through pnorm(qt(0.025, df)), which rounds 1 - 2 p to 1
# at df = 1: an infinite interval, where ours is the t interval.
ROUNDED = EXPECTED.quantity.str.startswith("glm") & EXPECTED.field.str.startswith("ci_") & np.isinf(EXPECTED.value)
TESTS = EXPECTED[~LIKELIHOOD & ~ROUNDED]


def _analyses(name: str) -> dict:
    """As the R script's analyses(): t test, tables, models and the domain of the subsets."""
    if name.startswith("api"):
        return {"t": ("api00", "sch.wide"), "tables": [("sch.wide", "awards"), ("stype", "awards")],
                "gaussian": "api00 ~ avg.ed + sch.wide", "quasibinomial": "tb ~ api99 + avg.ed", "domain": "stype"}
    return {"t": ("score", "sex"), "tables": [("sex", "agegrp"), ("region", "q1f")],
            "gaussian": "score ~ sex + agegrp", "quasibinomial": "tb ~ score + sex",
            "domain": "stratum" if name.startswith("cluster") else "unit"}


def _rows(design: ReplicateDesign, rows: np.ndarray) -> ReplicateDesign:
    """R's design[rows, ]: the rows with their weights and replicates, degf recomputed; with R's
    tb (q1 in 4, 5; missing where q1 is 9 or blank) where the data have no such column."""
    data = design.data[rows].assign(_weight=design.weights[rows])
    if "tb" not in data:
        data["tb"] = data["q1"].isin([4, 5]).astype(float).where(data["q1"].notna() & (data["q1"] != 9))
    return ReplicateDesign(data, design.repweights[rows], weights="_weight", type="other", scale=design.scale,
                           rscales=design.rscales, mse=design.mse)


def _deffs(name: str, design: ReplicateDesign) -> dict:
    num, fac, by, by2, _ = _variables(name)
    out = {}
    for kind in ("mean", "total"):
        for x, suffix in ((num, "num"), (fac, "fac")):
            for domains in (None, by, [by, by2]):
                table = getattr(design, kind)(x, by=domains, deff=True).dropna(subset=["estimate"])
                for key, row in table.iterrows():
                    parts = list(key) if isinstance(key, tuple) else [key]
                    term = str(parts.pop()) if suffix == "fac" else ""
                    domain = "" if domains is None else ".".join(map(str, parts))
                    out[f"{kind}_{suffix}", domain, term, "deff"] = row.deff
    return out


def _tests(name: str, design: ReplicateDesign, level: str) -> dict:
    a, out = _analyses(name), {}
    t = ttest(design, *a["t"])
    for field, value in (("estimate", t.difference), ("se", t.se), ("t", t.t), ("df", t.df),
                         ("p_value", t.p_value), ("ci_low", t.ci_low), ("ci_high", t.ci_high)):
        out["ttest", level, "", field] = value
    for table in a["tables"]:
        if level and a["domain"] in table:
            continue
        for statistic in ("F", "Chisq"):
            result = chisq(design, *table, statistic=statistic)
            for field in ("statistic", "ndf", "ddf", "p_value"):
                out[f"chisq_{statistic}", level, ":".join(table), field] = getattr(result, field)
    for family in ("gaussian", "quasibinomial"):
        if family == "quasibinomial" and level and name.startswith("api"):
            continue  # as the R script: replicates of 14 to 25 schools separate the outcomes
        for term, row in glm(design, a[family], family).iterrows():
            for field in ("estimate", "se", "t", "p_value", "ci_low", "ci_high", "df"):
                out[f"glm_{family}", level, term, field] = row[field]
    return out


def _ours(name: str) -> dict:
    design = DESIGNS[name]()
    out = _deffs(name, design)
    design = _rows(design, np.ones(len(design.weights), dtype=bool))
    out |= _tests(name, design, "")
    domains = design.data[_analyses(name)["domain"]].astype(str)
    for level in sorted(domains.unique()):
        out |= _tests(name, _rows(design, (domains == level).to_numpy()), level)
    return out


def _same(ours: float, theirs: float) -> bool:
    if math.isnan(theirs) or math.isnan(ours):
        return math.isnan(theirs) and math.isnan(ours)
    if math.isinf(theirs) or math.isinf(ours):
        return ours == theirs
    return relative_difference(ours, theirs) <= REL


def test_r_rounds_only_intervals_of_one_degree_of_freedom() -> None:
    rounded = EXPECTED[ROUNDED]
    df = EXPECTED[EXPECTED.field == "df"].set_index(["design", "quantity", "domain", "term"]).value
    keys = zip(rounded.design, rounded.quantity, rounded.domain, rounded.term, strict=True)
    assert len(rounded) and all(df[key] == 1 for key in keys)


@pytest.mark.parametrize("name", sorted(DESIGNS))
def test_deff_tests_and_models_of_a_replicate_design_match_r(name: str) -> None:
    expected = TESTS[TESTS.design == name]
    keys = list(zip(expected.quantity, expected.domain, expected.term, expected.field, strict=True))
    ours = _ours(name)
    assert set(keys) <= set(ours) and len(keys) > 200
    assert len(set(ours) - set(keys)) == ROUNDED[EXPECTED.design == name].sum()
    wrong = [(key, ours[key], value) for key, value in zip(keys, expected.value, strict=True)
             if not _same(float(ours[key]), value)]
    assert not wrong, wrong[:5]


def test_r_gives_no_likelihood_interval_on_replicates_and_neither_do_we() -> None:
    """svyciprop(method = "likelihood") is NA (or an error) on every design and domain of the
    reference: ReplicateDesign.proportion refuses the method instead."""
    expected = EXPECTED[LIKELIHOOD]
    assert set(expected.design) == set(DESIGNS) and len(expected) > 100
    assert expected[expected.field != "error"].value.isna().all()
    with pytest.raises(ValueError, match="'likelihood' has no interval on a replicate design"):
        DESIGNS["api_strat_jkn"]().proportion("awards", "Yes", method="likelihood")


BAD_INPUT = [
    (lambda d: glm(d, "score ~ sex", "poisson"), "family must be one of gaussian, quasibinomial, got 'poisson'"),
    (lambda d: glm(d, "score ~ nowhere", "gaussian"), "unknown column 'nowhere'"),
    (lambda d: glm(d, "q1 ~ score", "quasibinomial"), "quasibinomial response must lie between 0 and 1"),
    (lambda d: glm(d, "score ~ unit + N_unit", "gaussian"), "collinear"),
    (lambda d: ttest(d, "score", "agegrp"), "column 'agegrp' must have exactly two levels for a t test, it has 4"),
    (lambda d: ttest(d, "q1f", "sex"), "column 'q1f' is categorical"),
    (lambda d: ttest(d, "nowhere", "sex"), "unknown column 'nowhere'"),
    (lambda d: chisq(d, "sex", "nowhere"), "unknown column 'nowhere'"),
    (lambda d: chisq(d, "sex", "agegrp", statistic="Wald"), "statistic must be 'F' or 'Chisq'"),
    (lambda d: d.mean("nowhere", deff=True), "unknown column 'nowhere'"),
]


def test_bad_input_on_a_replicate_design_names_the_column() -> None:
    """Each function checks its input before any replicate is fitted (some checks are shared with
    Design, the two-level group and deff are the replicate path's own)."""
    design = DESIGNS["strat_jkn"]()
    for call, message in BAD_INPUT:
        with pytest.raises(ValueError, match=re.escape(message)):
            call(design)


def test_a_replicate_leaving_a_level_without_weight_is_left_out_as_r_does() -> None:
    """A jackknife replicate dropping the only PSU of a level gives R an NA coefficient: that
    replicate is left out of the variance, the others still count."""
    design = DESIGNS["cluster_jk1"]()
    only = design.data["psu"] == design.data["psu"].iloc[0]
    data = design.data.assign(rare=np.where(only, "yes", "no"), _weight=design.weights)
    rare = ReplicateDesign(data, design.repweights, weights="_weight", type="other", scale=design.scale)
    table = glm(rare, "score ~ rare", "gaussian")
    assert np.isfinite(table.se).all() and (table.se > 0).all()
