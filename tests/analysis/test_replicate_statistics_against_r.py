"""Ratios and quantiles of replicate-weight designs equal R's svyratio and svyquantile on an
svyrep.design to 1e-9 relative (reference/make_replicate_reference.R, replicate_statistics.csv):
every design of test_replicates_against_r, overall and on each domain."""

import math

import numpy as np
import pandas as pd
import pytest

from tests.analysis.conftest import REFERENCE
from tests.analysis.test_against_r import relative_difference
from tests.analysis.test_replicates_against_r import DESIGNS

REL = 1e-9
PROBS = [0.1, 0.25, 0.5, 0.9]
EXPECTED = pd.read_csv(REFERENCE / "replicate_statistics.csv", keep_default_na=False, dtype=str)
EXPECTED["value"] = EXPECTED["value"].replace("NA", "NaN").astype(float)


def _columns(name: str) -> tuple[str, str, str, str]:
    """Numerator and denominator of the ratio, the quantile's column and the domain column."""
    if name.startswith("api"):
        return "api00", "api99", "avg.ed", "stype"
    return "score", "q1", "score", "sex" if name.startswith("cluster") else "unit"


def _ours(name: str) -> dict[tuple[str, str, str, str], float]:
    """(quantity, domain, term, field) -> value, labelled as the R script labels them."""
    design = DESIGNS[name]()
    numerator, denominator, var, by = _columns(name)
    out = {}
    for domain, table in (("", design.ratio(numerator, denominator)), (None, design.ratio(numerator, denominator, by))):
        for key, row in table.iterrows():
            for field in ("estimate", "se", "ci_low", "ci_high"):
                out["ratio", str(key) if domain is None else "", "", field] = row[field]
    for table, by_domain in ((design.quantile(var, PROBS), False), (design.quantile(var, PROBS, by), True)):
        for key, row in table.iterrows():
            domain, p = key if by_domain else ("", key)
            for field in ("estimate", "se", "ci_low", "ci_high"):
                out["quantile", str(domain), f"{p:g}", field] = row[field]
    return out


def _same(ours: float, theirs: float) -> bool:
    if math.isnan(theirs) or math.isnan(ours):
        return math.isnan(theirs) and math.isnan(ours)
    return relative_difference(ours, theirs) <= REL


@pytest.mark.parametrize("name", sorted(DESIGNS))
def test_ratio_and_quantile_of_a_replicate_design_match_r(name: str) -> None:
    expected = EXPECTED[EXPECTED.design == name]
    ours = _ours(name)
    listed = list(zip(expected.quantity, expected.domain, expected.term, expected.field, strict=True))
    keys = set(listed)
    assert keys == set(ours) and len(keys) > 40
    wrong = [(key, ours[key], value) for key, value in zip(listed, expected.value, strict=True)
             if not _same(float(ours[key]), value)]
    assert not wrong, wrong[:5]


def test_the_references_hold_missing_values_and_open_bounds() -> None:
    """clus.csv's score and apiclus1's avg.ed have blanks; some of R's Woodruff bounds are NaN."""
    assert set(EXPECTED.design) == set(DESIGNS)
    assert np.isnan(EXPECTED.value).any() and (EXPECTED.value.notna().mean() > 0.9)
